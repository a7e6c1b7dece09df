import { describe, expect, it } from 'vitest';
import type { EncounterInput } from '../../../../core/model';
import type { NewLine } from '../../../../core/rules/draft-line';
import { code, proc } from '../harness';
import { check } from './checks-harness';

type Entered = NonNullable<EncounterInput['enteredCharges']>;

describe('checks/charges-compare', () => {
  const cases: { name: string; lines: NewLine[]; entered: Entered; comparison: [string, string][]; findings: string[] }[] = [
    {
      name: 'everything matches → supported, no findings',
      lines: [{ code: '11102' }, { code: '11103', units: 2 }],
      entered: [{ code: '11102' }, { code: '11103', units: 2 }],
      comparison: [
        ['11102', 'supported'],
        ['11103', 'supported'],
      ],
      findings: [],
    },
    {
      name: 'entered code the note does not support → unsupported',
      lines: [{ code: '11102' }],
      entered: [{ code: '11102' }, { code: '12001' }],
      comparison: [
        ['11102', 'supported'],
        ['12001', 'unsupported'],
      ],
      findings: ['checks/charges-compare'],
    },
    {
      name: 'supported code not entered → missed',
      lines: [{ code: '11102' }, { code: '11103' }],
      entered: [{ code: '11102' }],
      comparison: [
        ['11102', 'supported'],
        ['11103', 'missed'],
      ],
      findings: ['checks/charges-compare'],
    },
    {
      name: 'units differ',
      lines: [{ code: '17000' }, { code: '17003', units: 3 }],
      entered: [{ code: '17000' }, { code: '17003', units: 5 }],
      comparison: [
        ['17000', 'supported'],
        ['17003', 'units-differ'],
      ],
      findings: ['checks/charges-compare'],
    },
    {
      name: 'modifiers differ (order ignored)',
      lines: [
        { code: '11642', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'] },
      ],
      entered: [{ code: '11642', units: 2 }],
      comparison: [['11642', 'modifiers-differ']],
      findings: ['checks/charges-compare'],
    },
    {
      name: 'same modifiers in another order → supported',
      lines: [{ code: '11420', lesionLabels: ['A'], modifiers: ['59', 'F1'] }],
      entered: [{ code: '11420', modifiers: ['F1', '59'] }],
      comparison: [['11420', 'supported']],
      findings: [],
    },
    {
      name: 'no entered charges → no comparison at all',
      lines: [{ code: '11102' }],
      entered: [],
      comparison: [],
      findings: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: '2025-03-01' }, enteredCharges: c.entered });
      expect(r.draft.comparison.map((x) => [x.code, x.kind])).toEqual(c.comparison);
      expect(r.findings).toEqual(c.findings);
    });
  }

  it('severity: warning for unsupported/missed/units, info for modifiers; entered vs suggested recorded', () => {
    const r = check([{ code: '11102' }, { code: '11642', lesionLabels: ['A'], modifiers: ['59'] }], { enteredCharges: [{ code: '11104' }, { code: '11642' }] });
    expect(r.draft.findings.filter((f) => f.rule === 'checks/charges-compare').map((f) => [f.severity, f.target])).toEqual([
      ['warning', '11104'],
      ['info', '11642'],
      ['warning', '11102'],
    ]);
    expect(r.draft.comparison.find((x) => x.code === '11642')).toEqual({
      code: '11642',
      kind: 'modifiers-differ',
      entered: { units: 1, modifiers: [] },
      suggested: { units: 1, modifiers: ['59'] },
    });
  });

  it('a cosmetic (self-pay) line nobody entered is the patient’s bill: info, not a missed claim line', () => {
    const r = check([{ code: '11102' }, { code: '17110', billing: 'self-pay' }], { enteredCharges: [{ code: '11102' }] });
    const found = r.draft.findings.filter((f) => f.rule === 'checks/charges-compare');
    expect(found.map((f) => [f.severity, f.target])).toEqual([['info', '17110']]);
    expect(found[0]?.message).toMatch(/cosmetic \(self-pay\)/);
    expect(r.draft.comparison.map((x) => [x.code, x.kind])).toEqual([
      ['11102', 'supported'],
      ['17110', 'missed'],
    ]);
  });

  it('the same code billed to insurance for another lesion is still a missed charge', () => {
    const r = check(
      [
        { code: '17110', billing: 'self-pay' },
        { code: '17110', billing: 'insurance' },
      ],
      { enteredCharges: [{ code: '11102' }] },
    );
    expect(r.draft.findings.filter((f) => f.rule === 'checks/charges-compare' && f.target === '17110').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('unsupported entered code that a rule removed', () => {
  it('names the rule and its reason', async () => {
    const { codeEncounter } = await import('../../../../core/engine');
    const { Encounter, Settings } = await import('../../../../core/model');
    const { defineRule } = await import('../../../../core/rules/define-rule');
    const { chargesCompare } = await import('../../../../core/rules/checks/charges');
    const bundle = defineRule({
      id: 'repair/included-in-biopsy',
      family: 'repair',
      phase: 'code',
      title: 't',
      explain: 'e',
      references: [],
      status: 'stable',
      apply(ctx) {
        ctx.addLine({ code: '11104' });
        const repair = ctx.addLine({ code: '12001' });
        ctx.removeLine(repair, 'Simple closure is included in 11104.');
      },
    });
    const draft = codeEncounter(Encounter.parse({ enteredCharges: [{ code: '11104' }, { code: '12001' }] }), Settings.parse({}), {
      rules: [bundle, chargesCompare],
    });
    expect(draft.findings.map((f) => f.message)).toEqual([
      'Entered 12001 is not supported by the documentation (over-coding risk): Simple closure is included in 11104 (repair/included-in-biopsy).',
    ]);
  });
});

describe('checks/charges-known-errors', () => {
  const cases: { name: string; entered: Entered; encounter?: EncounterInput; lines?: NewLine[]; errors: number }[] = [
    { name: 'two primary biopsy codes (11102 + 11104)', entered: [{ code: '11104' }, { code: '11102' }], errors: 1 },
    { name: 'one primary ×2', entered: [{ code: '11102', units: 2 }], errors: 1 },
    { name: '17000 + 17003×13 + 17004 for 25 AKs', entered: [{ code: '17000' }, { code: '17003', units: 13 }, { code: '17004' }], errors: 1 },
    { name: '11900 + 11901 together', entered: [{ code: '11900' }, { code: '11901' }], errors: 1 },
    {
      name: '17312 counted per block',
      entered: [{ code: '17311' }, { code: '17312', units: 3 }],
      encounter: { procedures: [proc({ kind: 'mohs', lesionLabels: ['A'], stages: [{ stage: 1, blocks: 8 }] })] },
      errors: 1,
    },
    {
      name: '17311 + 17313 for one tumor',
      entered: [{ code: '17311' }, { code: '17313' }],
      encounter: {
        procedures: [
          proc({
            kind: 'mohs',
            lesionLabels: ['A'],
            stages: [
              { stage: 1, blocks: 2 },
              { stage: 2, blocks: 1 },
            ],
          }),
        ],
      },
      errors: 1,
    },
    {
      name: '88307 for a skin specimen',
      entered: [{ code: '11102' }, { code: '88307' }],
      encounter: { specimens: [{ label: 'A', type: 'skin' }] },
      errors: 1,
    },
    { name: '59 on an add-on', entered: [{ code: '11104' }, { code: '11105', modifiers: ['59'] }], errors: 1 },
    { name: '59 on an E/M', entered: [{ code: '99213', modifiers: ['59'] }], errors: 1 },
    { name: '25 on a procedure', entered: [{ code: '11102', modifiers: ['25'] }], errors: 1 },
    { name: '59 with XS on one line', entered: [{ code: '11102', modifiers: ['59', 'XS'] }], errors: 1 },
    { name: '51 on 51-exempt 17004', entered: [{ code: '17004', modifiers: ['51'] }], errors: 1 },
    { name: 'J7308 with an infusion code', entered: [{ code: 'J7308' }, { code: '96365' }], errors: 1 },
    {
      name: '11420 for a hidradenitis excision',
      entered: [{ code: '11420' }],
      encounter: { procedures: [proc({ kind: 'hidradenitis-excision', site: { key: 'axilla', text: 'axilla' } })] },
      errors: 1,
    },
    { name: '17003×14 above the MUE', entered: [{ code: '17000' }, { code: '17003', units: 14 }], errors: 1 },
    { name: 'deleted 11100/11101 after 2019', entered: [{ code: '11100' }, { code: '11101', units: 2 }], errors: 2 },
    { name: '11102 before it existed (DOS 2018)', entered: [{ code: '11102' }], encounter: { visit: { dateOfService: '2018-06-01' } }, errors: 1 },
    { name: 'a correct claim → none', entered: [{ code: '11104' }, { code: '11105' }, { code: '99213', modifiers: ['25'] }], errors: 0 },
    {
      name: 'Mohs with blocks beyond 5 reported right → none',
      entered: [{ code: '17311' }, { code: '17312', units: 2 }, { code: '17315' }],
      encounter: {
        procedures: [
          proc({
            kind: 'mohs',
            lesionLabels: ['A'],
            stages: [
              { stage: 1, blocks: 6 },
              { stage: 2, blocks: 4 },
              { stage: 3, blocks: 2 },
            ],
          }),
        ],
      },
      errors: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines ?? [], { visit: { dateOfService: '2025-03-01' }, ...c.encounter, enteredCharges: c.entered });
      const known = r.draft.findings.filter((f) => f.rule === 'checks/charges-known-errors');
      expect(known.map((f) => f.severity)).toEqual(Array(c.errors).fill('error'));
    });
  }

  it('D48.5 before pathology → warning; with an uncertain-behavior report → fine', () => {
    const entered = [{ code: '11102', dx: ['D48.5'] }];
    const before = check([], { enteredCharges: entered });
    expect(before.draft.findings.filter((f) => f.rule === 'checks/charges-known-errors').map((f) => f.severity)).toEqual(['warning']);
    const after = check([], {
      enteredCharges: entered,
      pathology: [{ specimenLabel: 'A', diagnosisText: 'atypical spindle cell proliferation of uncertain behavior', behavior: 'uncertain' }],
    });
    expect(after.draft.findings.filter((f) => f.rule === 'checks/charges-known-errors')).toEqual([]);
  });

  it('88307 with only a non-skin specimen → not flagged', () => {
    const r = check([], { specimens: [{ label: 'A', type: 'other' }], enteredCharges: [{ code: '88307' }] });
    expect(r.draft.findings.filter((f) => f.rule === 'checks/charges-known-errors')).toEqual([]);
  });
});

describe('entered charges through the whole registry', () => {
  it('25 AKs: suggested 17004 alone; entered 17000+17003×13+17004 → two unsupported and the 17004 pattern', () => {
    const r = code({
      visit: { dateOfService: '2025-03-01' },
      procedures: [proc({ kind: 'destruction-premalignant', count: 25, site: { key: 'face', text: 'face' }, lesionType: 'actinic keratosis' })],
      enteredCharges: [{ code: '17000' }, { code: '17003', units: 13 }, { code: '17004' }],
    });
    expect(r.lines.map((l) => l.code)).toEqual(['17004']);
    expect(r.draft.comparison.map((c) => [c.code, c.kind])).toEqual([
      ['17000', 'unsupported'],
      ['17003', 'unsupported'],
      ['17004', 'supported'],
    ]);
    expect(r.findings.filter((f) => f.startsWith('checks/'))).toEqual(['checks/charges-compare', 'checks/charges-compare', 'checks/charges-known-errors']);
  });
});
