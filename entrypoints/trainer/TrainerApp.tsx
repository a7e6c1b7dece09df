import { ClaimTable } from '../../components/claim-table';
import { FindingsList } from '../../components/findings-list';
import { RuleExplorer } from '../../components/rule-explorer';
import { Tabs } from '../../components/tabs';
import type { FindingView } from '../../components/view-types';
import type { Settings } from '../../core/model';
import { findingFingerprint } from '../../core/store/fingerprint';
import type { TrainerCase } from './cases';
import type { TrainerModel, TrainerTab } from './trainer-model';

const TABS: { id: TrainerTab; label: string }[] = [
  { id: 'cases', label: 'Cases' },
  { id: 'what-if', label: 'What if' },
  { id: 'rules', label: 'Rule explorer' },
  { id: 'quiz', label: 'Quiz' },
];

const noResolve = async () => false;

function findingViews(findings: readonly Omit<FindingView, 'fingerprint'>[]): FindingView[] {
  return findings.map((f) => ({ ...f, fingerprint: findingFingerprint(f) }));
}

function groups(findings: FindingView[]) {
  return (['error', 'warning', 'info'] as const)
    .map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) }))
    .filter((g) => g.findings.length);
}

export function TrainerApp({ model, cases }: { model: TrainerModel; cases: readonly TrainerCase[] }) {
  const tab = model.tab.value;
  return (
    <>
      <h1>DermLens trainer</h1>
      <p class="muted">
        Demo charts as cases, every rule explained, live “what if” editing and a quiz. Everything runs in this page; nothing is sent anywhere.
      </p>
      <Tabs label="Trainer sections" tabs={TABS} selected={tab} onSelect={(t) => (model.tab.value = t)}>
        {tab === 'cases' && <CaseList model={model} cases={cases} />}
        {tab === 'what-if' && <WhatIf model={model} />}
        {tab === 'rules' && (
          <RuleExplorer
            rules={model.rules.value}
            families={model.families.value}
            query={model.ruleQuery.value}
            family={model.family.value}
            onQuery={(q) => (model.ruleQuery.value = q)}
            onFamily={(f) => (model.family.value = f)}
            casesOf={(id) => model.ruleCases.value.get(id) ?? []}
          />
        )}
        {tab === 'quiz' && <Quiz model={model} />}
      </Tabs>
    </>
  );
}

function CaseList({ model, cases }: { model: TrainerModel; cases: readonly TrainerCase[] }) {
  return (
    <ul class="cases">
      {cases.map((c) => (
        <li key={c.id} class="rule-card">
          <h3>{c.title}</h3>
          <p>{c.teaches}</p>
          <button type="button" onClick={() => model.openCase(c.id)}>
            Open in “What if”
          </button>
        </li>
      ))}
    </ul>
  );
}

function SettingsPicker({ model }: { model: TrainerModel }) {
  const s = model.settings.value;
  const set = (patch: Partial<Settings>) => (model.settings.value = { ...s, ...patch });
  return (
    <div class="settings-picker">
      <label class="field">
        Payer
        <select name="trainer-payer" value={s.payer} onChange={(e) => set({ payer: (e.target as HTMLSelectElement).value as Settings['payer'] })}>
          <option value="commercial">Commercial</option>
          <option value="medicare">Medicare</option>
        </select>
      </label>
      <label class="field">
        Pathology
        <select
          name="trainer-pathology"
          value={s.pathology}
          onChange={(e) => set({ pathology: (e.target as HTMLSelectElement).value as Settings['pathology'] })}
        >
          <option value="in-house">In-house</option>
          <option value="professional">Professional only (26)</option>
          <option value="external">External lab</option>
        </select>
      </label>
    </div>
  );
}

function WhatIf({ model }: { model: TrainerModel }) {
  const { draft, encounter, error } = model.coded.value;
  return (
    <div class="two-col what-if">
      <div>
        <h2>
          Note: {model.currentCase.value?.title ?? 'custom'}{' '}
          <button type="button" class="secondary" onClick={model.resetNote}>
            Reset
          </button>
        </h2>
        <label class="field" style="max-width:none">
          Edit the note; the claim re-codes as you type
          <textarea
            class="note-editor"
            name="what-if-note"
            spellcheck={false}
            value={model.noteText.value}
            onInput={(e) => (model.noteText.value = (e.target as HTMLTextAreaElement).value)}
          />
        </label>
      </div>
      <div>
        <SettingsPicker model={model} />
        <h2>Claim</h2>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div aria-live="polite">
          <ClaimTable
            caption="Claim coded from the note"
            lines={draft?.lines ?? []}
            expanded={model.expanded.value}
            onToggle={model.toggleLine}
            encounter={encounter}
          />
        </div>
        <h2>Findings</h2>
        <FindingsList groups={groups(findingViews(draft?.findings ?? []))} canResolve={false} onResolve={noResolve} onUndo={() => {}} />
      </div>
    </div>
  );
}

function Quiz({ model }: { model: TrainerModel }) {
  const c = model.quizCase.value;
  const g = model.quizGrade.value;
  const score = model.quizScore.value;
  if (!c) return <p>No cases.</p>;
  return (
    <div class="quiz">
      <p class="muted">
        Score: {score.right} / {score.asked}
      </p>
      <h2>{c.title}</h2>
      <pre class="note-text">{c.note}</pre>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          model.checkQuiz();
        }}
      >
        <label class="field" style="max-width:none">
          Which lines does this note support? Codes with modifiers and units, separated by commas (e.g. 99213-25, 11102, 11103 x2)
          <input
            name="quiz-answer"
            value={model.quizAnswer.value}
            onInput={(e) => (model.quizAnswer.value = (e.target as HTMLInputElement).value)}
            autoComplete="off"
          />
        </label>
        <button type="submit">Check</button>{' '}
        <button type="button" class="secondary" onClick={model.nextQuiz}>
          Next case
        </button>
      </form>
      {g && (
        <div class={`quiz-result ${g.correct ? 'correct' : 'wrong'}`} role="status" aria-live="polite">
          {g.correct ? <p>Correct.</p> : <p>Not quite.</p>}
          {g.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {g.missing.length > 0 && <p>Missing: {g.missing.join(', ')}</p>}
          {g.extra.length > 0 && <p>Not supported: {g.extra.join(', ')}</p>}
          <p>DermLens codes this note as: {g.expected.length ? g.expected.join(', ') : '(no billable lines)'}</p>
          <p class="muted">{c.teaches}</p>
        </div>
      )}
    </div>
  );
}
