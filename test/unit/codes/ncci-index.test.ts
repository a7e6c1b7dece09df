/**
 * The NCCI lookups are indexed for speed (core/codes/ncci.ts): pairs by column 1 then column 2,
 * unverified groups by code. These tests pin that the indexed answers equal a plain scan.
 */
import { describe, expect, it } from 'vitest';
import { findPtpEdit, hasPtpEditsFor, ncciSeedTable, type PtpEdit, ptpActive, UNVERIFIED_PTP_PAIRS, unverifiedPairLabel } from '../../../core/codes/ncci';

function scanLabel(a: string, b: string): string | undefined {
  for (const g of UNVERIFIED_PTP_PAIRS) if ((g.left.has(a) && g.right.has(b)) || (g.left.has(b) && g.right.has(a))) return g.label;
  return undefined;
}

function scanEdit(column1: string, column2: string, dos: string | undefined): PtpEdit | undefined {
  const rows = ncciSeedTable.edits.filter((e) => e.column1 === column1 && e.column2 === column2);
  if (rows.length === 0) return undefined;
  const active = rows.filter((r) => ptpActive(r, dos) && r.modifierIndicator !== 9);
  if (active.length === 0) return rows.find((r) => ptpActive(r, dos));
  return [...active].sort((a, b) => a.modifierIndicator - b.modifierIndicator)[0];
}

/** Each group's first, middle and last code on both sides (the ranges hold over a thousand codes). */
const named = [
  ...new Set(
    UNVERIFIED_PTP_PAIRS.flatMap((g) =>
      [[...g.left], [...g.right]].flatMap((side) => [side[0], side[side.length >> 1], side[side.length - 1]].filter((c): c is string => !!c)),
    ),
  ),
];
const seeded = [...new Set(ncciSeedTable.edits.flatMap((e) => [e.column1, e.column2]))];
const codes = [...new Set([...named, ...seeded, '99999', '11300', '17110', 'J3301', '88305'])];

describe('indexed NCCI lookups answer like a scan of the tables', () => {
  it('unverifiedPairLabel for every pair of listed codes (and some unlisted ones)', () => {
    let labelled = 0;
    for (const a of codes) {
      for (const b of codes) {
        const expected = scanLabel(a, b);
        if (expected) labelled++;
        if (unverifiedPairLabel(a, b) !== expected) expect(`${a}/${b} → ${unverifiedPairLabel(a, b)}`).toBe(`${a}/${b} → ${expected}`);
      }
    }
    expect(labelled).toBeGreaterThan(20);
  });

  it('findPtpEdit and hasPtpEditsFor for every pair of seeded codes, on several dates', () => {
    for (const dos of [undefined, '2004-06-01', '2019-01-01', '2026-05-01']) {
      for (const a of codes) {
        expect(hasPtpEditsFor(ncciSeedTable, a)).toBe(ncciSeedTable.edits.some((e) => e.column1 === a));
        for (const b of codes) expect(findPtpEdit(ncciSeedTable, a, b, dos), `${a}/${b} ${dos}`).toBe(scanEdit(a, b, dos));
      }
    }
  });
});
