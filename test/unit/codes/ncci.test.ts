import { describe, expect, it } from 'vitest';
import { findPtpEdit, ncciSeedTable, type PtpTable, pickPtpTable, ptpActive, unverifiedPairLabel } from '../../../core/codes/ncci';

function table(version: string, effectiveFrom: string | undefined, rows: unknown[]): PtpTable {
  return { kind: 'ncci-ptp', version, effectiveFrom, source: version, complete: true, filtered: false, rationales: ['r'], rows, edits: [] };
}

describe('NCCI seed table', () => {
  it('holds exactly the §11.3 pairs, all marked historical', () => {
    const explicit = ncciSeedTable.edits.filter((e) => !e.column2.startsWith('172'));
    const range = ncciSeedTable.edits.filter((e) => e.column2.startsWith('172'));
    // §11.3 "17000, 17004 | several of 17260-17286 | 1": every real code of the range, both column-1 codes.
    expect(range).toHaveLength(42);
    expect(new Set(range.map((e) => e.column1))).toEqual(new Set(['17000', '17004']));
    expect(range.map((e) => e.column2).filter((c) => /^172[678][7-9]$/.test(c))).toEqual([]);
    expect(
      range.every((e) => e.modifierIndicator === 1 && e.confidence === 'S' && e.effective === '2005-01-01' && e.source.includes('exact rows unverified')),
    ).toBe(true);
    expect(explicit.map((e) => [e.column1, e.column2, e.effective, e.modifierIndicator])).toEqual([
      ['17000', '11900', '1998-04-01', 1],
      ['17000', '11901', '1998-04-01', 1],
      ['17110', '11400', '1999-01-01', 1],
      ['17000', '11200', null, 1],
      ['17311', '17313', '2014-04-01', 1],
    ]);
    expect(ncciSeedTable.edits.every((e) => e.historical && e.deleted === null && e.source.startsWith('Reference §11.3'))).toBe(true);
    expect(ncciSeedTable.complete).toBe(false);
  });
});

describe('ptpActive', () => {
  const edit = { effective: '2019-01-01', deleted: '2024-12-31' };
  it.each([
    ['2018-12-31', false],
    ['2019-01-01', true],
    ['2024-12-31', true],
    ['2025-01-01', false],
  ])('DOS %s → %s', (dos, active) => {
    expect(ptpActive(edit, dos)).toBe(active);
  });
  it('no DOS → only undeleted edits', () => {
    expect(ptpActive(edit, undefined)).toBe(false);
    expect(ptpActive({ effective: '2019-01-01', deleted: null }, undefined)).toBe(true);
  });
  it('unknown effective date (seed) → in force until deleted', () => {
    expect(ptpActive({ effective: null, deleted: null }, '1990-01-01')).toBe(true);
  });
});

describe('findPtpEdit', () => {
  it('a pair listed twice (deleted + current): the row in force on the DOS wins', () => {
    const t = table('v1', '2025-01-01', [
      ['11300', '11102', '2019-01-01', '2025-06-30', 1, 0],
      ['11300', '11102', '2025-07-01', null, 0, 0],
    ]);
    expect(findPtpEdit(t, '11300', '11102', '2025-06-30')?.modifierIndicator).toBe(1);
    expect(findPtpEdit(t, '11300', '11102', '2025-07-01')?.modifierIndicator).toBe(0);
    expect(findPtpEdit(t, '11102', '11300', '2025-07-01')).toBeUndefined();
  });

  it('among rows in force, indicator 0 beats 1, and 9 only when nothing else applies', () => {
    const t = table('v1', undefined, [
      ['13121', '13120', '1996-01-01', '1996-01-01', 9, 0],
      ['13121', '13120', '1996-01-01', null, 0, 0],
      ['17000', '17281', '1999-07-01', '1999-07-01', 9, 0],
    ]);
    expect(findPtpEdit(t, '13121', '13120', '2025-01-01')?.modifierIndicator).toBe(0);
    expect(findPtpEdit(t, '17000', '17281', '1999-07-01')?.modifierIndicator).toBe(9);
    expect(findPtpEdit(t, '17000', '17281', '2025-01-01')).toBeUndefined();
  });

  it('malformed stored rows are ignored, never thrown', () => {
    const t = table('v1', undefined, [null, 'x', ['11300'], ['11300', '11102', '2019-01-01', null, 7, 0], ['11300', '11102', '2019-01-01', null, 1, 0]]);
    expect(findPtpEdit(t, '11300', '11102', '2025-01-01')?.modifierIndicator).toBe(1);
  });
});

describe('pickPtpTable', () => {
  const q1 = table('v310r0', '2025-01-01', []);
  const q3 = table('v311r0', '2025-07-01', []);
  it.each([
    ['2025-03-01', 'v310r0'],
    ['2025-07-01', 'v311r0'],
    ['2026-01-01', 'v311r0'],
    ['2024-01-01', 'v310r0'],
  ])('DOS %s → %s', (dos, version) => {
    expect(pickPtpTable([q3, q1], dos)?.version).toBe(version);
  });
  it('no DOS → newest; no imports → none', () => {
    expect(pickPtpTable([q1, q3], undefined)?.version).toBe('v311r0');
    expect(pickPtpTable([], '2025-01-01')).toBeUndefined();
    expect(pickPtpTable(undefined, '2025-01-01')).toBeUndefined();
  });
});

describe('unverifiedPairLabel (§11.3 requested pairs, §16.1)', () => {
  it.each([
    ['11102', '11300', 'biopsy 11102-11107 vs shave removal 11300-11313'],
    ['11646', '11104', 'biopsy 11102-11107 vs excision 11400-11646'],
    ['11400', '12001', 'biopsy/excision vs simple repair 12001'],
    ['17110', '17000', '17000 vs 17110'],
    ['96372', '99214', '96372 vs E/M 99212-99215'],
    ['17311', '88305', 'Mohs vs pathology 88305/88331/88314/88342'],
    ['13132', '17313', 'Mohs vs repair 12001-13160'],
    ['64650', '96372', '64650 vs 96372'],
  ])('%s + %s → %s', (a, b, label) => {
    expect(unverifiedPairLabel(a, b)).toBe(label);
  });
  it('unrelated pairs → none', () => {
    expect(unverifiedPairLabel('11102', '11103')).toBeUndefined();
    expect(unverifiedPairLabel('99211', '96372')).toBeUndefined();
  });
});
