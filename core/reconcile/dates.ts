/** ISO yyyy-mm-dd arithmetic for the specimen log (no time zones: dates of service are calendar days). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // "2026-02-30" would roll over to March: a date that does not round-trip is not a date.
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== iso) return undefined;
  return Math.round(t / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined when either is unknown. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && dayNumber(s) !== undefined;
}

export function latestDate(dates: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (isIsoDate(d) && (!best || d > best)) best = d;
  return best;
}

/** Today's calendar date in UTC, as the CLI's fallback "today". */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
