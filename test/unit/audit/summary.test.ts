import { describe, expect, it } from 'vitest';
import { type AuditEncounter, auditRows, categorize, summarize, UNBILLED_SPECIMEN_RULE, weekOf } from '../../../core/audit/summary';
import type { ClaimDraft, Finding } from '../../../core/model';

function draft(over: Partial<ClaimDraft> = {}): ClaimDraft {
  return { encounterId: 'e1', lines: [], findings: [], specimens: [], comparison: [], ...over };
}
const f = (rule: string, severity: Finding['severity'] = 'warning', target?: string): Finding => ({
  rule,
  severity,
  message: `${rule} message`,
  ...(target ? { target } : {}),
});

describe('categorize', () => {
  const withComparison = draft({
    comparison: [
      { code: '11105', kind: 'missed', suggested: { units: 1, modifiers: [] } },
      { code: '17110', kind: 'unsupported', entered: { units: 1, modifiers: [] } },
      { code: '88305', kind: 'units-differ', entered: { units: 1, modifiers: [] }, suggested: { units: 2, modifiers: [] } },
      { code: '17003', kind: 'units-differ', entered: { units: 9, modifiers: [] }, suggested: { units: 5, modifiers: [] } },
      { code: '88304', kind: 'modifiers-differ', entered: { units: 1, modifiers: [] }, suggested: { units: 1, modifiers: ['59'] } },
    ],
  });
  it.each([
    [f('checks/charges-compare', 'warning', '11105'), 'missed'],
    [f('checks/charges-compare', 'warning', '17110'), 'unsupported'],
    [f('checks/charges-compare', 'warning', '88305'), 'missed'],
    [f('checks/charges-compare', 'warning', '17003'), 'unsupported'],
    [f('checks/charges-compare', 'info', '88304'), 'modifiers-differ'],
    [f('checks/ncci-ptp', 'error'), 'edit'],
    [f('checks/mue', 'warning'), 'edit'],
    [f('checks/charges-known-errors', 'error'), 'edit'],
    [f('checks/edits-not-checked', 'warning'), 'documentation'],
    [f('checks/ncci-ptp', 'info'), 'info'],
    [f('reconcile/malignant-no-follow-up'), 'no-follow-up'],
    [f('reconcile/pathology-aging'), 'pathology-aging'],
    [f(UNBILLED_SPECIMEN_RULE), 'unbilled-specimen'],
    [f('audit/billed-code-unread'), 'input'],
    [f('excision/excised-diameter'), 'documentation'],
    [f('reconcile/result-linked', 'info'), 'info'],
  ])('%j → %s', (finding, category) => {
    expect(categorize(finding, withComparison)).toBe(category);
  });
});

describe('auditRows', () => {
  const d = draft({
    findings: [
      f('checks/charges-compare', 'warning', '11105'),
      f('checks/charges-compare', 'warning', '88305'),
      f('checks/charges-compare', 'warning', '17110'),
    ],
    comparison: [
      { code: '11105', kind: 'missed', suggested: { units: 2, modifiers: [] } },
      { code: '88305', kind: 'units-differ', entered: { units: 1, modifiers: [] }, suggested: { units: 3, modifiers: [] } },
      { code: '17110', kind: 'unsupported', entered: { units: 1, modifiers: [] } },
    ],
    specimens: [
      { label: 'A', status: 'unbilled', site: 'L cheek', diagnosis: 'basal cell carcinoma' },
      { label: 'B', status: 'billed' },
    ],
  });
  const enc: AuditEncounter = { source: 'x.csv#E1', encounterId: 'E1', dateOfService: '2026-04-09', provider: 'Okafor', draft: d };

  it('values the difference in units at the fee schedule', () => {
    const rows = auditRows(
      enc,
      new Map([
        ['11105', 50],
        ['88305', 70.5],
      ]),
    );
    expect(rows.map((r) => [r.category, r.target, r.value])).toEqual([
      ['missed', '11105', 100],
      ['missed', '88305', 141],
      ['unsupported', '17110', undefined],
      ['unbilled-specimen', 'A', undefined],
    ]);
    expect(rows[3]).toMatchObject({ rule: UNBILLED_SPECIMEN_RULE, severity: 'warning', source: 'x.csv#E1', provider: 'Okafor', dateOfService: '2026-04-09' });
    expect(rows[3]?.message).toMatch(/Specimen A \(L cheek\) has a result \(basal cell carcinoma\)/);
  });

  it('carries no value without a fee schedule', () => {
    expect(auditRows(enc).every((r) => r.value === undefined)).toBe(true);
  });

  it('summarizes by type, provider, week and value', () => {
    const fees = new Map([
      ['11105', 50],
      ['88305', 70.5],
    ]);
    const other: AuditEncounter = {
      source: 'b.txt',
      encounterId: 'b.txt',
      dateOfService: '2026-04-15',
      draft: draft({
        findings: [f('reconcile/malignant-no-follow-up'), f('reconcile/result-linked', 'info')],
        lines: [
          {
            code: '11102',
            units: 1,
            modifiers: [],
            dx: [],
            billing: 'insurance',
            status: 'held-for-pathology',
            description: '',
            lesionLabels: [],
            specimenLabels: [],
            ruleIds: [],
            spans: [],
          },
        ],
      }),
    };
    const rows = [...auditRows(enc, fees), ...auditRows(other, fees)];
    const s = summarize([enc, other], rows, 2, fees);
    expect(s).toMatchObject({ encounters: 2, skipped: 2, lines: 1, heldLines: 1, encountersWithProblems: 2 });
    expect(s.byCategory).toMatchObject({ missed: 2, unsupported: 1, 'unbilled-specimen': 1, 'no-follow-up': 1, info: 1 });
    expect(s.bySeverity).toEqual({ error: 0, warning: 5, info: 1 });
    expect(s.byProvider).toEqual([
      { provider: 'Okafor', total: 4, byCategory: { missed: 2, unsupported: 1, 'unbilled-specimen': 1 } },
      { provider: '(none)', total: 1, byCategory: { 'no-follow-up': 1 } },
    ]);
    // 2026-04-09 is a Thursday (week of Monday 04-06); 2026-04-15 a Wednesday (week of 04-13).
    expect(s.byWeek).toEqual([
      { week: '2026-04-06', total: 4 },
      { week: '2026-04-13', total: 1 },
    ]);
    expect(s.value).toEqual({ missed: 241, unsupported: 0, codesWithoutFee: ['17110'] });
    expect(s.topRules[0]).toEqual({ rule: 'checks/charges-compare', count: 3 });
    expect(s.byCode).toEqual([
      { code: '11105', missed: 1, unsupported: 0, missedValue: 100 },
      { code: '17110', missed: 0, unsupported: 1 },
      { code: '88305', missed: 1, unsupported: 0, missedValue: 141 },
    ]);
  });
});

describe('weekOf', () => {
  it.each([
    ['2026-04-06', '2026-04-06'],
    ['2026-04-12', '2026-04-06'],
    ['2026-04-13', '2026-04-13'],
    ['2026-01-01', '2025-12-29'],
    [undefined, undefined],
    ['04/06/2026', undefined],
  ])('%s → %s', (iso, week) => {
    expect(weekOf(iso)).toBe(week);
  });
});
