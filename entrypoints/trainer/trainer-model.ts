import { computed, signal } from '@preact/signals';
import { codeEncounter } from '../../core/engine';
import type { ClaimDraft, Encounter, Settings } from '../../core/model';
import { Settings as SettingsSchema } from '../../core/model';
import { parseNote } from '../../core/parse';
import type { Rule } from '../../core/rules/define-rule';
import { registry } from '../../core/rules/registry';
import type { TrainerCase } from './cases';
import { expectedAnswer, grade, parseAnswer, type QuizGrade } from './quiz';

export type TrainerTab = 'cases' | 'what-if' | 'rules' | 'quiz';

/** Codes a note entirely in this page: the trainer never sends chart text anywhere. */
export function codeNote(text: string, settings: Settings): { draft?: ClaimDraft; encounter?: Encounter; error?: string } {
  try {
    const encounter = parseNote(text, { id: 'trainer' });
    return { draft: codeEncounter(encounter, settings), encounter };
  } catch (error) {
    return { error: `Could not code this note: ${(error as Error).message}` };
  }
}

export function searchRules(rules: readonly Rule[], query: string): Rule[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rules];
  const words = q.split(/\s+/);
  return rules.filter((r) => {
    const hay = [r.id, r.family, r.title, r.explain, r.status, ...(r.codes ?? []), ...r.references].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function createTrainerModel(cases: readonly TrainerCase[], initialSettings: Settings = SettingsSchema.parse({})) {
  const tab = signal<TrainerTab>('cases');
  const settings = signal<Settings>(initialSettings);
  const caseId = signal(cases[0]?.id ?? '');
  const noteText = signal(cases[0]?.note ?? '');
  const ruleQuery = signal('');
  const family = signal('');
  const quizIndex = signal(0);
  const quizAnswer = signal('');
  const quizGrade = signal<(QuizGrade & { problems: string[]; expected: string[] }) | undefined>(undefined);
  const quizScore = signal({ right: 0, asked: 0 });
  /** What-if lines opened to their "why". */
  const expanded = signal<ReadonlySet<number>>(new Set());

  const currentCase = computed(() => cases.find((c) => c.id === caseId.value));
  /** Live re-coding of the "what if" note on every edit. */
  const coded = computed(() => codeNote(noteText.value, settings.value));
  /** Which cases each rule acts in (lines it made or findings it raised), for the rule explorer. */
  const ruleCases = computed(() => {
    const map = new Map<string, string[]>();
    for (const c of cases) {
      const draft = codeNote(c.note, settings.value).draft;
      const ids = new Set([...(draft?.lines.flatMap((l) => l.ruleIds) ?? []), ...(draft?.findings.map((f) => f.rule) ?? [])]);
      for (const id of ids) map.set(id, [...(map.get(id) ?? []), c.title]);
    }
    return map;
  });
  const families = computed(() => [...new Set(registry.map((r) => r.family))].sort());
  const rules = computed(() => searchRules(registry, ruleQuery.value).filter((r) => !family.value || r.family === family.value));
  const quizCase = computed(() => cases[quizIndex.value % Math.max(1, cases.length)]);
  const quizExpected = computed(() => {
    const c = quizCase.value;
    return c ? expectedAnswer(codeNote(c.note, settings.value).draft?.lines ?? []) : [];
  });

  function openCase(id: string, editTab: TrainerTab = 'what-if') {
    const c = cases.find((x) => x.id === id);
    if (!c) return;
    caseId.value = id;
    noteText.value = c.note;
    expanded.value = new Set();
    tab.value = editTab;
  }

  function toggleLine(index: number) {
    const next = new Set(expanded.value);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    expanded.value = next;
  }

  function resetNote() {
    noteText.value = currentCase.value?.note ?? '';
  }

  function checkQuiz() {
    const parsed = parseAnswer(quizAnswer.value);
    const expected = quizExpected.value;
    const g = grade(parsed.lines, expected);
    quizGrade.value = { ...g, correct: g.correct && parsed.problems.length === 0, problems: parsed.problems, expected };
    quizScore.value = { right: quizScore.value.right + (quizGrade.value.correct ? 1 : 0), asked: quizScore.value.asked + 1 };
  }

  function nextQuiz() {
    quizIndex.value = (quizIndex.value + 1) % Math.max(1, cases.length);
    quizAnswer.value = '';
    quizGrade.value = undefined;
  }

  return {
    tab,
    settings,
    caseId,
    noteText,
    ruleQuery,
    family,
    quizIndex,
    quizAnswer,
    quizGrade,
    quizScore,
    expanded,
    ruleCases,
    toggleLine,
    currentCase,
    coded,
    families,
    rules,
    quizCase,
    quizExpected,
    openCase,
    resetNote,
    checkQuiz,
    nextQuiz,
  };
}

export type TrainerModel = ReturnType<typeof createTrainerModel>;
