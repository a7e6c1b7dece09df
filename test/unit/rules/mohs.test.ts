import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { Encounter, Settings } from '../../../core/model';
import { defineRule } from '../../../core/rules/define-rule';
import { mohsNoPathologyOnMohsTissue, stageCount } from '../../../core/rules/mohs';
import { code, L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });
const MINE = /^(repair|tissue-transfer|mohs)\//;
const stages = (...blocks: (number | undefined)[]) => blocks.map((b, i) => ({ stage: i + 1, blocks: b }));

interface Case {
  name: string;
  encounter: EncounterInput;
  settings?: SettingsInput;
  lines: string[];
  findings?: string[];
}

function run(c: Case) {
  const result = code(c.encounter, { pathology: 'external', ...c.settings });
  return { lines: result.lines, findings: result.findings.filter((f) => MINE.test(f)), draft: result.draft };
}

const mohs = (p: Omit<Parameters<typeof proc>[0], 'kind'>) => proc({ ...p, kind: 'mohs' });

const cases: Case[] = [
  {
    name: 'nose, 2 stages of 3 and 2 blocks → 17311 + 17312',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('nose'), stages: stages(3, 2) })] },
    lines: ['17311', '17312'],
  },
  {
    name: 'back, 3 stages → 17313 + 17314×2',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('back'), stages: stages(2, 2, 1) })] },
    lines: ['17313', '17314 x2'],
  },
  {
    name: 'scalp is head → 17311, one stage',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('scalp'), stages: stages(4) })] },
    lines: ['17311'],
  },
  {
    name: 'hand → 17311',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('dorsal-hand'), stages: stages(2) })] },
    lines: ['17311'],
  },
  {
    name: 'leg tumor involving deep structures → 17311 + 17312',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('lower-leg'), deepStructureInvolved: true, stages: stages(3, 3) })] },
    lines: ['17311', '17312'],
    findings: ['mohs/stages-and-blocks'],
  },
  {
    name: 'AAPC example: nose, 3 stages with 6, 4 and 2 blocks → 17311 + 17312×2 + 17315×1',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('nasal-tip'), stages: stages(6, 4, 2) })] },
    lines: ['17311', '17312 x2', '17315'],
  },
  {
    name: 'blocks beyond five counted per stage, never pooled: 7 + 8 blocks on the arm → 17313 + 17314 + 17315×5',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('forearm'), stages: stages(7, 8) })] },
    lines: ['17313', '17314', '17315 x5'],
  },
  {
    name: 'five blocks in a stage is still within the first-stage code → no 17315',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('cheek'), stages: stages(5, 5) })] },
    lines: ['17311', '17312'],
  },
  {
    name: 'block count missing for stage 2 → stages coded, warning that 17315 may be missed',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('ear'), stages: stages(6, undefined) })] },
    lines: ['17311', '17312', '17315'],
    findings: ['mohs/stages-documented'],
  },
  {
    name: 'stage numbers with a gap: stage 3 documented, stage 2 not → 3 stages, warning for stage 2',
    encounter: {
      procedures: [
        mohs({
          lesionLabels: ['A'],
          site: site('chin'),
          stages: [
            { stage: 1, blocks: 2 },
            { stage: 3, blocks: 1 },
          ],
        }),
      ],
    },
    lines: ['17311', '17312 x2'],
    findings: ['mohs/stages-documented'],
  },
  {
    name: 'no stages documented → no line, error',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], site: site('nose') })] },
    lines: [],
    findings: ['mohs/stages-documented'],
  },
  {
    name: 'site unknown → no line, error',
    encounter: { procedures: [mohs({ lesionLabels: ['A'], stages: stages(2) })] },
    lines: [],
    findings: ['mohs/stages-and-blocks'],
  },
  {
    name: 'site from the lesion when the procedure has none',
    encounter: {
      lesions: [{ label: 'A', site: site('temple') }],
      procedures: [mohs({ lesionLabels: ['A'], stages: stages(2) })],
    },
    lines: ['17311'],
  },
  {
    name: 'two tumors, back then nose: 17311 first, 17313 takes 59, add-ons never do',
    encounter: {
      procedures: [
        mohs({ lesionLabels: ['A'], site: site('back'), stages: stages(2, 2) }),
        mohs({ lesionLabels: ['B'], site: site('nose'), stages: stages(3, 6) }),
      ],
    },
    lines: ['17311', '17312', '17315', '17313-59', '17314'],
  },
  {
    name: 'Medicare: two head tumors → second 17311 takes XS',
    encounter: {
      procedures: [
        mohs({ lesionLabels: ['A'], site: site('forehead'), stages: stages(2) }),
        mohs({ lesionLabels: ['B'], site: site('ear'), stages: stages(2, 2) }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['17311', '17311-XS', '17312'],
  },
  {
    name: 'two tumors with extra blocks: add-on units merged on one line per code',
    encounter: {
      procedures: [
        mohs({ lesionLabels: ['A'], site: site('nose'), stages: stages(6, 2) }),
        mohs({ lesionLabels: ['B'], site: site('cheek'), stages: stages(7, 3, 1) }),
      ],
    },
    lines: ['17311', '17312 x3', '17315 x3', '17311-59'],
  },
  {
    name: 'frozen sections read by an in-house dermatopathologist → not Mohs, error',
    encounter: {
      procedures: [mohs({ lesionLabels: ['A'], site: site('ear'), stages: stages(1), text: 'Frozen sections read by in-house dermatopathologist Dr. Lee.' })],
    },
    lines: [],
    findings: ['mohs/single-physician'],
  },
  {
    name: 'sections read by a separate pathologist → no Mohs lines, error',
    encounter: {
      procedures: [
        mohs({
          lesionLabels: ['A'],
          site: site('nose'),
          stages: stages(2, 1),
          text: 'Mohs layers were sent to and read by a separate dermatopathologist.',
        }),
      ],
    },
    lines: [],
    findings: ['mohs/single-physician'],
  },
  {
    name: 'negated: "no separate pathologist involved" → coded normally',
    encounter: {
      procedures: [
        mohs({ lesionLabels: ['A'], site: site('nose'), stages: stages(1), text: 'Mohs surgeon read all slides; no separate pathologist involved.' }),
      ],
    },
    lines: ['17311'],
  },
  {
    name: 'surgeon acting as both surgeon and pathologist → coded normally',
    encounter: {
      procedures: [
        mohs({
          lesionLabels: ['A'],
          site: site('nose'),
          stages: stages(2),
          text: 'I acted as both surgeon and pathologist; frozen sections examined by me.',
        }),
      ],
    },
    lines: ['17311'],
  },
  {
    name: 'in-house practice: no surgical pathology line for the Mohs specimen',
    encounter: {
      procedures: [mohs({ lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), stages: stages(2) })],
      specimens: [{ label: 'A', lesionLabel: 'A', type: 'skin', destination: 'in-house' }],
    },
    settings: { pathology: 'in-house' },
    lines: ['17311'],
  },
  {
    name: 'a separate (debulk) specimen keeps its pathology line',
    encounter: {
      procedures: [mohs({ lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), stages: stages(2) })],
      specimens: [
        { label: 'A', lesionLabel: 'A', type: 'mohs', destination: 'in-house' },
        { label: 'B', lesionLabel: 'A', type: 'skin', destination: 'in-house' },
      ],
    },
    settings: { pathology: 'in-house' },
    lines: ['17311', '88305'],
  },
  {
    name: 'same-day biopsy of the Mohs tumor without an immediate decision-driving read → info',
    encounter: {
      procedures: [
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('nose') }),
        mohs({ lesionLabels: ['A'], site: site('nose'), stages: stages(1) }),
      ],
    },
    lines: ['11102', '17311'],
    findings: ['mohs/same-day-biopsy'],
  },
  {
    name: 'same-day biopsy that drove the Mohs decision → no Mohs finding',
    encounter: {
      procedures: [
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), drivesDecision: true }),
        mohs({ lesionLabels: ['A'], site: site('nose'), stages: stages(1) }),
      ],
    },
    lines: ['11102', '17311'],
  },
  {
    name: 'planned Mohs is not coded',
    encounter: { procedures: [mohs({ status: 'planned', lesionLabels: ['A'], site: site('nose'), stages: stages(1) })] },
    lines: [],
  },
];

describe('mohs rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c);
      // The biopsy line of a same-day biopsy belongs to the biopsy family: compare only non-biopsy lines there.
      const focus = (l: { code: string }) => !/^1110[2-7]$/.test(l.code);
      expect(r.lines.filter(focus)).toEqual(c.lines.map(L).filter(focus));
      expect(r.findings).toEqual(c.findings ?? []);
    });
  }

  it('Mohs lines carry lesion, specimen and procedure references', () => {
    const p = mohs({ lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), stages: stages(6) });
    const { draft } = run({ name: '', encounter: { procedures: [p] }, lines: [] });
    expect(draft.lines.map((l) => [l.code, l.lesionLabels, l.specimenLabels])).toEqual([
      ['17311', ['A'], ['A']],
      ['17315', ['A'], ['A']],
    ]);
  });

  it('bundle safety net: removes surgical pathology / frozen-section lines on Mohs tissue, keeps stains and other specimens', () => {
    const stub = defineRule({
      id: 'pathology/stub',
      family: 'pathology',
      phase: 'code',
      title: 'stub',
      explain: 'test stub',
      references: [],
      status: 'stable',
      apply(ctx) {
        ctx.addLine({ code: '88305', specimenLabels: ['A'] });
        ctx.addLine({ code: '88331', specimenLabels: ['A'] });
        ctx.addLine({ code: '88342', specimenLabels: ['A'] });
        ctx.addLine({ code: '88305', specimenLabels: ['B'] });
      },
    });
    const encounter = Encounter.parse({
      procedures: [mohs({ lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), stages: stages(1) })],
      specimens: [{ label: 'B', type: 'skin' }],
    });
    const draft = codeEncounter(encounter, Settings.parse({}), { rules: [stub, mohsNoPathologyOnMohsTissue] });
    expect(draft.lines.map((l) => `${l.code}:${l.specimenLabels.join()}`)).toEqual(['88342:A', '88305:B']);
    expect(draft.findings.map((f) => f.rule)).toEqual(['mohs/no-pathology-on-mohs-tissue', 'mohs/no-pathology-on-mohs-tissue']);
  });

  it('stages without block counts are named one by one, and as runs once the list is long (no loop to the stage number)', () => {
    const warning = (stageList: { stage: number; blocks?: number }[]) => {
      const encounter = Encounter.parse({ procedures: [mohs({ lesionLabels: ['A'], site: site('nose'), stages: stageList })] });
      const started = performance.now();
      const draft = codeEncounter(encounter, Settings.parse({ pathology: 'external' }));
      // A stage number from bad input ("stage 1000000000") must not loop a billion times.
      expect(performance.now() - started).toBeLessThan(1000);
      return draft.findings.find((f) => f.rule === 'mohs/stages-documented')?.message;
    };
    expect(warning([{ stage: 1, blocks: 2 }, { stage: 5 }])).toContain('not documented for stage 2, 3, 4, 5;');
    expect(warning([{ stage: 1 }, { stage: 2, blocks: 1 }, { stage: 3 }])).toContain('not documented for stage 1, 3;');
    expect(
      warning([
        { stage: 1, blocks: 2 },
        { stage: 30, blocks: 1 },
      ]),
    ).toContain('not documented for stage 2-29;');
    expect(warning([{ stage: 1, blocks: 2 }, { stage: 3, blocks: 1 }, { stage: 1_000_000_000 }])).toContain('not documented for stage 2, 4-1000000000;');
    expect(
      warning([
        { stage: 2, blocks: 1 },
        { stage: 1, blocks: 1 },
      ]),
    ).toBeUndefined();
  });

  it('stageCount uses the highest stage number', () => {
    const base = { id: 'x', kind: 'mohs' as const, status: 'performed' as const, lesionLabels: [], indications: [], text: '' };
    expect(stageCount({ ...base, stages: [{ stage: 1 }, { stage: 2 }] })).toBe(2);
    expect(stageCount({ ...base, stages: [{ stage: 4 }] })).toBe(4);
    expect(stageCount({ ...base })).toBe(0);
  });
});
