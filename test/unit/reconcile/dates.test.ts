import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, latestDate } from '../../../core/reconcile/dates';

describe('reconcile dates', () => {
  it.each([
    ['2026-06-10', '2026-06-20', 10],
    ['2026-06-20', '2026-06-10', -10],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
  ])('daysBetween(%s, %s) = %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it.each(['2026-02-30', '2026-13-01', '06/10/2026', '', 'soon'])('%j is not a date', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(daysBetween(d, '2026-06-10')).toBeUndefined();
  });

  it('latestDate ignores what is not a date', () => {
    expect(latestDate(['2026-06-10', undefined, 'junk', '2026-07-01', '2026-02-30'])).toBe('2026-07-01');
    expect(latestDate([])).toBeUndefined();
  });
});
