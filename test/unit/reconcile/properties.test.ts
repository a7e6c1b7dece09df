import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batch, reportDoc, visit } from './helpers';

const SITES = [
  { text: 'L cheek', key: 'cheek', laterality: 'left' as const },
  { text: 'R forearm', key: 'forearm', laterality: 'right' as const },
  { text: 'L upper back', key: 'upper-back', laterality: 'left' as const },
];
const REPORT_SITES = [undefined, 'Skin, left cheek', 'Skin, right forearm', 'Skin, back', 'Skin, right cheek'];
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`);

const visitArb = fc.record({ patient: fc.constantFrom('p1', 'p2', ''), dos: day, label: fc.constantFrom('A', 'B'), site: fc.constantFrom(...SITES) });
const reportArb = fc.record({
  patient: fc.constantFrom('p1', 'p2', ''),
  label: fc.constantFrom('A', 'B', 'C'),
  collected: fc.option(day, { nil: undefined }),
  signed: day,
  site: fc.constantFrom(...REPORT_SITES),
  behavior: fc.constantFrom('benign' as const, 'malignant' as const, 'in-situ' as const),
});

describe('reconcileBatch properties', () => {
  it('never throws, keeps one draft per item, and bills each linked interpretation once', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 0, maxLength: 4 }), fc.array(reportArb, { minLength: 0, maxLength: 3 }), (visits, reports) => {
        const inputs = [
          ...visits.map((v, i) => visit(`v${i}`, { patientKey: v.patient, dos: v.dos, label: v.label, site: v.site })),
          ...reports.map((r, i) =>
            reportDoc(
              `r${i}`,
              [{ specimenLabel: r.label, collectedDate: r.collected, signedDate: r.signed, siteText: r.site, behavior: r.behavior, diagnosisText: r.behavior }],
              r.patient || null,
            ),
          ),
        ];
        const res = batch(inputs, {}, { today: '2026-07-15' });
        expect(res.drafts).toHaveLength(inputs.length);
        for (const link of res.links) {
          const reportLines = res.drafts[link.reportItem]?.lines.filter((l) => l.specimenLabels.includes(link.label)) ?? [];
          if (link.kind === 'matched') {
            // The report document bills nothing; the visit carries the ready interpretation.
            expect(reportLines).toEqual([]);
            const v = res.drafts[link.visitItems[0] as number];
            const entry = res.log.find((e) => e.id === link.entryId);
            expect(v?.lines.some((l) => l.code === '88305' && l.status === 'ready' && l.specimenLabels.includes(entry?.label ?? '?'))).toBe(true);
          } else {
            // Undecided: nobody bills it yet.
            expect(reportLines.every((l) => l.status === 'held-for-pathology')).toBe(true);
          }
        }
        // Unlinked files (no patient key) are never part of a link.
        for (const link of res.links) {
          for (const i of [link.reportItem, ...link.visitItems]) expect(inputs[i]?.patientKey).toBeTruthy();
        }
        // Every logged specimen ends sent, billed or unbilled.
        for (const e of res.log) expect(['sent', 'billed', 'unbilled']).toContain(e.status);
      }),
      { numRuns: 150 },
    );
  });
});
