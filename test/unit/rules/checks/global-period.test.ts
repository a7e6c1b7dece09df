import { describe, expect, it } from 'vitest';
import type { EncounterInput } from '../../../../core/model';
import type { NewLine } from '../../../../core/rules/draft-line';
import { L } from '../harness';
import { check } from './checks-harness';

type PostOp = NonNullable<NonNullable<EncounterInput['visit']>['postOpOf']>;

describe('checks/global-period', () => {
  const cases: { name: string; postOp?: PostOp; dos?: string; lines: NewLine[]; expect: string[]; findings: string[] }[] = [
    {
      name: 'no post-op period documented → nothing',
      lines: [{ code: '11402', lesionLabels: ['A'] }],
      expect: ['11402'],
      findings: [],
    },
    {
      name: 'excision 5 days after an excision (010), unrelated → 79 added',
      postOp: { code: '11602', date: '2025-03-01', related: false },
      dos: '2025-03-06',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402-79'],
      findings: ['checks/global-period'],
    },
    {
      name: 're-excision during a 90-day ATT global, related → warning 58/78',
      postOp: { code: '14040', date: '2025-03-01', related: true },
      dos: '2025-04-01',
      lines: [{ code: '11642', lesionLabels: ['A'] }],
      expect: ['11642'],
      findings: ['checks/global-period'],
    },
    {
      name: 'relation unknown → warning listing 58/78/79',
      postOp: { code: '11602', date: '2025-03-01' },
      dos: '2025-03-05',
      lines: [{ code: '11102', lesionLabels: ['B'] }],
      expect: ['11102'],
      findings: ['checks/global-period'],
    },
    {
      name: 'after the 10-day window → nothing',
      postOp: { code: '11602', date: '2025-03-01', related: false },
      dos: '2025-03-12',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402'],
      findings: [],
    },
    {
      name: 'day 10 is still inside a 010 global',
      postOp: { code: '11602', date: '2025-03-01', related: false },
      dos: '2025-03-11',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402-79'],
      findings: ['checks/global-period'],
    },
    {
      name: 'prior code unknown, 120 days ago → beyond any global',
      postOp: { date: '2025-01-01', related: true },
      dos: '2025-05-01',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402'],
      findings: [],
    },
    {
      name: 'prior code unknown, 30 days ago → inside a possible 90-day global',
      postOp: { date: '2025-04-01' },
      dos: '2025-05-01',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402'],
      findings: ['checks/global-period'],
    },
    {
      name: 'prior procedure with a 000 global → no post-op period',
      postOp: { code: '11102', date: '2025-03-01', related: false },
      dos: '2025-03-03',
      lines: [{ code: '11402', lesionLabels: ['B'] }],
      expect: ['11402'],
      findings: [],
    },
    {
      name: 'a line already carrying 58 is fine; add-ons are skipped',
      postOp: { code: '14040', date: '2025-03-01', related: true },
      dos: '2025-03-20',
      lines: [{ code: '15630', modifiers: ['58'] }, { code: '11103' }],
      expect: ['15630-58', '11103'],
      findings: ['checks/add-on-parent'],
    },
    {
      name: 'unrelated E/M in the global → 24 added',
      postOp: { code: '14040', date: '2025-03-01', related: false },
      dos: '2025-03-20',
      lines: [{ code: '99213' }],
      expect: ['99213-24'],
      findings: ['checks/global-period'],
    },
    {
      name: 'E/M in the global, relation unknown → warning',
      postOp: { code: '14040', date: '2025-03-01' },
      dos: '2025-03-20',
      lines: [{ code: '99213' }],
      expect: ['99213'],
      findings: ['checks/global-period'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: c.dos ?? '2025-03-01', postOpOf: c.postOp } });
      expect(r.lines).toEqual(c.expect.map(L));
      expect(r.findings).toEqual(c.findings);
    });
  }

  it('suggests which modifier', () => {
    const related = check([{ code: '11642', lesionLabels: ['A'] }], {
      visit: { dateOfService: '2025-04-01', postOpOf: { code: '14040', date: '2025-03-01', related: true } },
    });
    expect(related.draft.findings[0]).toMatchObject({ severity: 'warning' });
    expect(related.draft.findings[0]?.fix).toContain('Add 58 if it was staged or planned');
    expect(related.draft.findings[0]?.message).toContain('14040 on 2025-03-01 (90-day global)');
  });
});

describe('checks/multiple-procedure-reduction', () => {
  const cases: { name: string; lines: NewLine[]; payer: 'medicare' | 'commercial'; findings: string[] }[] = [
    {
      name: 'Medicare, two procedures → one info, no 51',
      lines: [
        { code: '11402', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'] },
      ],
      payer: 'medicare',
      findings: ['checks/multiple-procedure-reduction'],
    },
    {
      name: 'commercial → nothing',
      lines: [
        { code: '11402', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'] },
      ],
      payer: 'commercial',
      findings: [],
    },
    { name: 'Medicare, procedure + add-on → nothing', lines: [{ code: '11102' }, { code: '11103' }], payer: 'medicare', findings: [] },
    { name: 'Medicare, 51-exempt 17004 + one procedure → nothing', lines: [{ code: '17004' }, { code: '11102' }], payer: 'medicare', findings: [] },
    {
      name: 'Medicare, procedure + E/M + pathology → nothing',
      lines: [{ code: '11102' }, { code: '99213', modifiers: ['25'] }, { code: '88305' }],
      payer: 'medicare',
      findings: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: '2025-03-01' } }, { payer: c.payer });
      expect(r.findings).toEqual(c.findings);
      expect(r.lines.every((l) => !l.modifiers.includes('51'))).toBe(true);
    });
  }
});
