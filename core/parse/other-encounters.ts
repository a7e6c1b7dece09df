import { parseDate } from './dates';

/**
 * A page that shows two encounters of the patient one above the other (a notes list expanded in place): each opens
 * with a title naming a visit or note and its date ("Progress Note - 07/14/2026 - Signed") and, right under it, its own
 * date-of-service field for the same date. This visit's date is a date-of-service field above the encounters (a page
 * header or the snapshot's), else the latest encounter's; an encounter of another date, up to the next encounter of this visit's date, is another visit's
 * documentation and never this claim (CPT codes what was done at this encounter). Texts are a note's sections in order:
 * an encounter may open at the end of one section and run on through the next ones.
 */
const ENCOUNTER_TITLE = /^[ \t]*[\w ]{0,30}\b(?:visit|encounter|note)s?\b[^\n\d]{0,20}\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i;
const DOS_FIELD = /^[ \t]*(?:dos|date\s+of\s+service|service\s+date|visit\s+date|date\s+of\s+visit|encounter\s+date)\s*(?:[:#-]\s*)?\S/i;

export function withoutOtherEncounters(texts: readonly string[]): string[] {
  if (!texts.some((t) => /\b(?:visit|encounter|note)/i.test(t))) return [...texts];
  const lines = texts.map((t) => t.split('\n'));
  const all = lines.flat();
  // Encounter headers (positions in `all`): a dated title with its DOS field on one of the next two lines, same date.
  const headers: { at: number; date: string }[] = [];
  for (let i = 0; i < all.length - 1; i++) {
    const line = all[i] as string;
    if (line.length > 120 || !ENCOUNTER_TITLE.test(line)) continue;
    const date = parseDate(line);
    if (date && all.slice(i + 1, i + 3).some((next) => DOS_FIELD.test(next) && parseDate(next) === date)) headers.push({ at: i, date });
  }
  if (headers.length < 2 || headers.every((h) => h.date === headers[0]?.date)) return [...texts];
  // A date-of-service field above the first encounter is the page's own; without one, the page lists notes in some
  // order (oldest first, or newest first) and this visit is the latest: a chart is coded while its newest note is open.
  // A lone "Date of service:" text naming the first encounter's date is the reader's echo of that encounter, not the page's.
  const at0 = all.findIndex((l) => DOS_FIELD.test(l));
  const head = headers[0] as { at: number; date: string };
  const echo = texts[0]?.trim() === all[at0]?.trim() && parseDate(all[at0] ?? '') === head.date;
  const first = at0 >= 0 && at0 < head.at && !echo ? parseDate(all[at0] as string) : undefined;
  const visit =
    first ??
    (headers
      .map((h) => h.date)
      .sort()
      .at(-1) as string);
  // The echo goes too: this visit's own date-of-service field is under its title.
  const drop = new Set<number>(echo && visit !== head.date ? [at0] : []);
  headers.forEach((h, k) => {
    if (h.date === visit) return;
    for (let i = h.at; i < (headers[k + 1]?.at ?? all.length); i++) drop.add(i);
  });
  let at = 0;
  return lines.map((ls) => ls.filter(() => !drop.has(at++)).join('\n'));
}
