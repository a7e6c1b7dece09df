/** Dates as notes write them → ISO yyyy-mm-dd. Two-digit years are 20yy. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/;
// "2026-03-14", the date of an ISO timestamp "2026-03-14T09:30", and year-first "2026/03/14" or "2026.03.14".
const ISO_RE = /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\b|(?=T\d))/;
const WRITTEN = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const WRITTEN_DMY = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i;
// Lab and Epic style "14-Oct-2026", "14-OCT-26".
const DASHED_DMY = /\b(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-(\d{4}|\d{2})\b/i;

/** The first date in the text, as ISO; undefined when none or invalid. US order (mm/dd/yyyy). */
export function parseDate(text: string): string | undefined {
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const found: { index: number; value: string }[] = [];
  const a = ISO_RE.exec(t);
  if (a) {
    const v = iso(Number(a[1]), Number(a[3]), Number(a[4]));
    if (v) found.push({ index: a.index, value: v });
  }
  const b = NUMERIC.exec(t);
  if (b) {
    const year = (b[3] as string).length === 2 ? 2000 + Number(b[3]) : Number(b[3]);
    // US order; a first number over 12 can only be the day ("25/11/2026").
    const v = iso(year, Number(b[1]), Number(b[2])) ?? (Number(b[1]) > 12 ? iso(year, Number(b[2]), Number(b[1])) : undefined);
    if (v) found.push({ index: b.index, value: v });
  }
  const c = WRITTEN.exec(t);
  if (c) {
    const v = iso(Number(c[3]), MONTHS[(c[1] as string).toLowerCase()] ?? 0, Number(c[2]));
    if (v) found.push({ index: c.index, value: v });
  }
  const d = WRITTEN_DMY.exec(t);
  if (d) {
    const v = iso(Number(d[3]), MONTHS[(d[2] as string).toLowerCase()] ?? 0, Number(d[1]));
    if (v) found.push({ index: d.index, value: v });
  }
  const e = DASHED_DMY.exec(t);
  if (e) {
    const year = (e[3] as string).length === 2 ? 2000 + Number(e[3]) : Number(e[3]);
    const v = iso(year, MONTHS[(e[2] as string).toLowerCase()] ?? 0, Number(e[1]));
    if (v) found.push({ index: e.index, value: v });
  }
  found.sort((x, y) => x.index - y.index);
  return found[0]?.value;
}
