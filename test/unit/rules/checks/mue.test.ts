import { describe, expect, it } from 'vitest';
import { lookupMue, type MueTable } from '../../../../core/codes/mue';
import type { NewLine } from '../../../../core/rules/draft-line';
import { L } from '../harness';
import { check } from './checks-harness';

function mueTable(version: string, effectiveFrom: string, rows: [string, number, 1 | 2 | 3][]): MueTable {
  return {
    kind: 'mue',
    version,
    effectiveFrom,
    source: `MCR_MUE_PractitionerServices_Eff_${effectiveFrom}.csv`,
    complete: true,
    filtered: false,
    rationales: ['Clinical: Data'],
    rows: rows.map((r) => [...r, 0]),
    entries: [],
  };
}

describe('checks/mue (built-in reference values)', () => {
  const cases: { name: string; lines: NewLine[]; expect: string[]; findings: string[] }[] = [
    { name: '17000 + 17003×13 → within the MUEs', lines: [{ code: '17000' }, { code: '17003', units: 13 }], expect: ['17000', '17003 x13'], findings: [] },
    {
      name: '17003×14 → error, units kept',
      lines: [{ code: '17000' }, { code: '17003', units: 14 }],
      expect: ['17000', '17003 x14'],
      findings: ['checks/mue'],
    },
    { name: '17004×2 → error', lines: [{ code: '17004', units: 2 }], expect: ['17004 x2'], findings: ['checks/mue'] },
    {
      name: '17110 on two lines → 2 units per day exceed 1',
      lines: [
        { code: '17110', lesionLabels: ['A'] },
        { code: '17110', lesionLabels: ['B'] },
      ],
      expect: ['17110', '17110-59'],
      findings: ['checks/mue'],
    },
    { name: '64650×2 → error', lines: [{ code: '64650', units: 2 }], expect: ['64650 x2'], findings: ['checks/mue'] },
    { name: '11450×2 (two axillae) → within', lines: [{ code: '11450', units: 2 }], expect: ['11450 x2'], findings: [] },
    { name: 'code without MUE data → not checked here', lines: [{ code: '11103', units: 9 }], expect: ['11103 x9'], findings: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: '2025-03-01' } });
      expect(r.lines).toEqual(c.expect.map(L));
      expect(r.findings.filter((f) => f !== 'checks/add-on-parent')).toEqual(c.findings);
    });
  }

  it('the message says all units deny and never cuts units', () => {
    const r = check([{ code: '17000' }, { code: '17003', units: 14 }], { visit: { dateOfService: '2025-03-01' } });
    const f = r.draft.findings.find((x) => x.rule === 'checks/mue');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      '17003: 14 units on this date of service exceed the MUE of 13 (per date of service; MAI not stated in the reference); all 14 units will deny.',
    );
  });
});

describe('checks/mue with imported CMS tables', () => {
  const older = mueTable('2025-01-01', '2025-01-01', [
    ['11102', 1, 2],
    ['11103', 6, 3],
    ['11104', 1, 1],
  ]);
  const newer = mueTable('2025-07-01', '2025-07-01', [
    ['11102', 1, 2],
    ['11103', 4, 3],
    ['11104', 2, 1],
  ]);
  const edits = { mue: [newer, older] };

  it('a changed MUE takes effect on its version date', () => {
    const before = check([{ code: '11102' }, { code: '11103', units: 5 }], { visit: { dateOfService: '2025-06-30' } }, { edits });
    expect(before.findings).toEqual([]);
    const after = check([{ code: '11102' }, { code: '11103', units: 5 }], { visit: { dateOfService: '2025-07-01' } }, { edits });
    expect(after.findings).toEqual(['checks/mue']);
    expect(after.draft.findings[0]?.message).toContain('exceed the MUE of 4 (MAI 3');
    expect(after.draft.findings[0]?.fix).toContain('CMS MUE file 2025-07-01');
  });

  it('MAI 1 is a per-line edit: the same units split over two lines pass', () => {
    const oneLine = check([{ code: '11104', units: 3 }], { visit: { dateOfService: '2025-08-01' } }, { edits });
    expect(oneLine.findings).toEqual(['checks/mue']);
    expect(oneLine.draft.findings[0]?.message).toContain('per line (MAI 1');
    const split = check(
      [
        { code: '11104', units: 2, lesionLabels: ['A'] },
        { code: '11104', units: 1, lesionLabels: ['B'] },
      ],
      { visit: { dateOfService: '2025-08-01' } },
      { edits },
    );
    expect(split.findings).toEqual([]);
    expect(split.lines).toEqual(['11104 x2', '11104-59'].map(L));
  });

  it('an imported table overrides the built-in value', () => {
    const table = mueTable('2025-01-01', '2025-01-01', [['17003', 20, 2]]);
    const r = check([{ code: '17000' }, { code: '17003', units: 14 }], { visit: { dateOfService: '2025-03-01' } }, { edits: { mue: [table] } });
    expect(r.findings).toEqual([]);
  });

  it('DOS before every imported version → the built-in values apply', () => {
    expect(lookupMue('17003', '2024-12-31', edits.mue).lookup?.origin).toBe('seed');
    expect(lookupMue('11103', '2024-12-31', edits.mue).lookup).toBeUndefined();
    expect(lookupMue('11103', '2025-03-01', edits.mue).lookup?.entry.value).toBe(6);
    expect(lookupMue('11103', undefined, edits.mue).lookup?.entry.value).toBe(4);
  });

  it('MUE 0 → not payable', () => {
    const table = mueTable('2025-01-01', '2025-01-01', [['11102', 0, 2]]);
    const r = check([{ code: '11102' }], { visit: { dateOfService: '2025-03-01' } }, { edits: { mue: [table] } });
    expect(r.findings).toEqual(['checks/mue']);
    expect(r.draft.findings[0]?.message).toContain('MUE of 0');
  });
});
