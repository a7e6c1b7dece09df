import { describe, expect, it } from 'vitest';
import { lookupMue, type MueTable, mueSeedTable, pickMueTable } from '../../../core/codes/mue';

const table = (version: string, effectiveFrom: string, rows: unknown[]): MueTable => ({
  kind: 'mue',
  version,
  effectiveFrom,
  source: version,
  complete: true,
  filtered: false,
  rationales: ['Clinical: Data'],
  rows,
  entries: [],
});

describe('MUE seed table (§11.4)', () => {
  it('holds the reference values and no others', () => {
    expect(mueSeedTable.entries.map((e) => [e.code, e.value, e.confidence])).toEqual([
      ['17000', 1, 'V'],
      ['17003', 13, 'V'],
      ['17004', 1, 'V'],
      ['17110', 1, 'S'],
      ['17111', 1, 'S'],
      ['64650', 1, 'S'],
      ['64653', 1, 'S'],
      ['11450', 2, 'V'],
      ['11451', 2, 'V'],
    ]);
    expect(mueSeedTable.entries.filter((e) => e.historical).map((e) => e.code)).toEqual(['11450', '11451']);
    // The reference gives no MAI for these values.
    expect(mueSeedTable.entries.every((e) => e.mai === null)).toBe(true);
  });
});

describe('lookupMue', () => {
  const jan = table('2025-01-01', '2025-01-01', [
    ['11103', 6, 3, 0],
    ['17003', 20, 2, 0],
  ]);
  const jul = table('2025-07-01', '2025-07-01', [['11103', 4, 3, 0]]);

  it('imported table in force on the DOS is authoritative', () => {
    expect(lookupMue('11103', '2025-03-01', [jan, jul])).toMatchObject({
      authoritative: true,
      lookup: { origin: 'imported', version: '2025-01-01', entry: { value: 6, mai: 3 } },
    });
    expect(lookupMue('11103', '2025-07-01', [jan, jul]).lookup?.entry.value).toBe(4);
    // A code absent from the applicable CMS table has no MUE, even if the seed has one.
    expect(lookupMue('17003', '2025-07-01', [jan, jul])).toEqual({ lookup: undefined, authoritative: true });
  });

  it('before every import, or without imports → seed, then the catalog', () => {
    expect(lookupMue('17003', '2024-12-31', [jan, jul]).lookup?.origin).toBe('seed');
    expect(lookupMue('17004', '2025-01-01').lookup).toMatchObject({ origin: 'seed', entry: { value: 1 } });
    expect(lookupMue('11102', '2025-01-01')).toEqual({ authoritative: false });
  });

  it('pickMueTable: newest version on or before the DOS', () => {
    expect(pickMueTable([jul, jan], '2025-06-30')?.version).toBe('2025-01-01');
    expect(pickMueTable([jul, jan], '2025-07-01')?.version).toBe('2025-07-01');
    expect(pickMueTable([jul, jan], '2024-06-30')).toBeUndefined();
    expect(pickMueTable([jul, jan], undefined)?.version).toBe('2025-07-01');
  });
});
