import { findSites, pickSite } from '../anatomy/vocabulary';
import type { Site } from '../model';
import { jarKeys, sideOf } from './jar-key';
import type { ParsedProcedure } from './procedures';
import { jarRanges } from './procedures';

/**
 * "Shave biopsy x2, L forearm (proximal and distal)" or "Punch biopsies x2 of the back" with no item line for each:
 * that many biopsies at that site, not one (each biopsy is its own code unit: 11102 + 11103, §1.2). A counted title
 * whose items follow ("Punch biopsy x2:" over "A. …", "B. …") was already read as its items (procedures.ts).
 * The jars the line names ("Specimens A and B", "A-B") go one to each copy in order; without them the copies are
 * lettered on later (and the missing labels reported).
 */
// Not a dose or a cycle count near the word ('punch biopsy, lidocaine x2 mL', 'biopsy site, cautery x2 passes').
const COUNT =
  /\bbiops(?:y|ies)\b[^.;:\n]{0,20}?(?:\bx|×)\s*([2-6])\b(?!\s*(?:ml|cc|mg|mm|cm|%|cycles?|passes|times|min))|\b(?:x|×)\s*([2-6])\s+(?:\w+\s+){0,2}?biops(?:y|ies)\b/i;
const JARS = /\b(?:[Ss]pec(?:imen)?s?|[Jj]ars?|[Cc]ontainers?|[Bb]ottles?)\s+([A-H])((?:\s*(?:,|and|&)\s*[A-H]\b)+)/;

export function expandCountedBiopsies(parsed: ParsedProcedure[], body: string): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    // A listed item ("Shave biopsies x 2: L cheek (A) …; R nasal sidewall (B) …") is already one of the counted biopsies.
    if (!p.procedure.kind.startsWith('biopsy') || p.procedure.status !== 'performed' || p.block.parent || p.block.label || p.block.enumerated) continue;
    // The jars may be named in the procedure's sentences or later on its line ("… (proximal and distal). Specimens A and B.").
    const start = p.block.trigger.start;
    const eol = body.indexOf('\n', start);
    const text = `${p.block.units.map((u) => u.text).join(' ')} ${body.slice(start, eol < 0 ? start + 300 : Math.min(eol, start + 300))}`;
    const m = COUNT.exec(p.block.trigger.text);
    const n = Number(m?.[1] ?? m?.[2] ?? 0);
    if (n < 2) continue;
    // "Shave biopsies x2 were taken" in the narrative under a table that listed biopsy A and biopsy B: the same two.
    if (!p.specimenLabel && toldElsewhere(parsed, p).length === n) {
      parsed.splice(i, 1);
      continue;
    }
    // Another biopsy told of its own at the same site is one of the counted ones, told line by line.
    if (parsed.some((q) => q !== p && q.procedure.kind.startsWith('biopsy') && q.procedure.site?.key === p.procedure.site?.key)) continue;
    const named = JARS.exec(text);
    const sides = n === 2 && !named ? sideKeyed(text) : undefined;
    const jars = named ? [named[1] as string, ...((named[2] ?? '').match(/[A-H]/g) ?? [])] : sides ? sides.map((x) => x.label) : jarRanges(text);
    const labels = jars.length === n ? jars : undefined;
    if (sides) p.procedure.site = sides[0]?.site;
    if (labels) p.specimenLabel = labels[0];
    if (labels && p.procedure.specimenLabel) p.procedure.specimenLabel = labels[0];
    const copies: ParsedProcedure[] = [];
    for (let k = 1; k < n; k++) {
      const procedure = { ...p.procedure, id: `${p.procedure.id}.${k + 1}`, lesionLabels: [] };
      if (labels) procedure.specimenLabel = labels[k];
      else procedure.specimenLabel = undefined;
      const side = sides?.[k];
      if (side) procedure.site = side.site;
      const copy: ParsedProcedure = { ...p, procedure };
      if (labels) copy.specimenLabel = labels[k];
      else delete copy.specimenLabel;
      copies.push(copy);
    }
    parsed.splice(i + 1, 0, ...copies);
  }
}

/**
 * "Punch biopsies x2, one from each shin (R = A, L = B)": a key giving each side its jar makes the two biopsies the right
 * one in A and the left one in B, at the site the line names without the key ("(R" is the key's, not the shin's side).
 */
function sideKeyed(text: string): { label: string; site: Site }[] | undefined {
  const key = jarKeys(text).find((k) => k.length === 2 && k.every((x) => sideOf(x.where)));
  const [a, b] = key ?? [];
  if (!a || !b || sideOf(a.where) === sideOf(b.where)) return undefined;
  const bare = text.replace(/\([^()\n]*\)/g, (g) => (jarKeys(g).length > 0 ? ' '.repeat(g.length) : g));
  const site = pickSite(findSites(bare, { strict: true }))?.site;
  if (!site?.key || (site.laterality && site.laterality !== 'bilateral')) return undefined;
  return [a, b].map((x) => ({ label: x.label, site: { ...site, laterality: sideOf(x.where) as 'right' | 'left' } }));
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const SUMMARY_COUNT =
  /\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])\s+(?:\w+\s+){0,3}?(?:lesions?|sites?|spots?|biopsies)\b|\b(?:biopsies|bxs?)\s*(?:x|×)\s*([2-9]|1[0-9])\b/i;

/**
 * "Full skin exam. Three lesions biopsied today." above "A - R temple …", "B - L cheek …", "C - R forearm …": a line
 * naming no technique, no site and no jar that counts the biopsies told one by one is their summary, not one more
 * biopsy of unknown technique.
 */
export function dropBiopsySummaries(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.procedure.kind.startsWith('biopsy') && p.procedure.kind !== 'biopsy-unspecified') {
      dropCountedHeader(parsed, p);
      continue;
    }
    if (p.procedure.kind !== 'biopsy-unspecified' || p.procedure.site || p.specimenLabel || p.block.label || p.block.parent) continue;
    const m = SUMMARY_COUNT.exec(p.block.units.map((u) => u.text).join(' '));
    const word = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
    const n = COUNT_WORDS[word] ?? Number(word);
    const told = parsed.filter((q) => q !== p && q.procedure.kind.startsWith('biopsy') && q.procedure.status === 'performed' && !q.block.parent);
    if (n >= 2 && told.length === n) parsed.splice(i, 1);
  }
}

/**
 * "Punch biopsies x2 for DIF and H&E." over "Specimen A: 4 mm punch, perilesional …" and "Specimen B: 4 mm punch, lesional …":
 * a plural line of one technique, with no jar, counting the biopsies of that technique told below each with its own jar,
 * is their header, not one more biopsy; its site is theirs when they name none.
 */
function dropCountedHeader(parsed: ParsedProcedure[], p: ParsedProcedure): void {
  const text = p.block.trigger.text;
  // "1. r/o bullous pemphigoid - punch bx x2: A) … B) …": a numbered problem whose procedure ends in a colon over its
  // lettered items heads them; the number is the problem's, not a lesion's.
  const heading = p.block.label !== undefined && /^\d{1,2}$/.test(p.block.label) && /(?:\bx|×)\s*[2-9]\s*:\s*$/i.test(text);
  if (
    (p.specimenLabel && !(heading && p.specimenLabel === p.block.label)) ||
    (p.block.label && !heading) ||
    p.block.parent ||
    p.procedure.status !== 'performed'
  )
    return;
  if (!/\bbiopsies\b|\bbxs?\b/i.test(text)) return;
  const m = SUMMARY_COUNT.exec(text);
  const word = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  const n = COUNT_WORDS[word] ?? Number(word);
  if (!(n >= 2)) return;
  const at = parsed.indexOf(p);
  const told = parsed
    .slice(at + 1)
    .filter(
      (q) =>
        q.block.section === p.block.section &&
        !q.block.parent &&
        q.procedure.status === 'performed' &&
        (q.specimenLabel !== undefined || (heading && /^[A-H]$/.test(q.block.label ?? ''))) &&
        (q.procedure.kind === p.procedure.kind || q.procedure.kind === 'biopsy-unspecified'),
    );
  if (told.length !== n) return;
  for (const q of told) q.procedure.site ??= p.procedure.site;
  parsed.splice(at, 1);
}

/**
 * "Both biopsies placed together in one formalin container, labeled A" after the biopsies told one by one: the line says
 * where their tissue went (one jar: one specimen, §7.2), it is not one more biopsy of unknown technique. The biopsies it
 * speaks of take its jar letter when they name none (an item number is no jar).
 */
const CONTAINER_LINE =
  /\b(?:both|all(?:\s+\w+)?)\s+(?:\w+\s+)?(?:biopsies|specimens)\b[^.;\n]{0,60}\b(?:in(?:to)?|within)\s+(?:one|a\s+single|the\s+same|a\s+shared)\s+(?:\w+\s+)?(?:container|jar|bottle|vial)\b/i;

export function dropContainerLines(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.procedure.kind !== 'biopsy-unspecified' || p.block.parent || !CONTAINER_LINE.test(p.block.trigger.text)) continue;
    const told = parsed.filter(
      (q) =>
        q !== p &&
        q.procedure.kind.startsWith('biopsy') &&
        q.procedure.kind !== 'biopsy-unspecified' &&
        q.procedure.status === 'performed' &&
        !q.block.parent &&
        q.block.section === p.block.section,
    );
    if (told.length < 2) continue;
    if (p.specimenLabel) for (const q of told) q.specimenLabel ??= p.specimenLabel;
    parsed.splice(i, 1);
  }
}

/**
 * "Tangential (shave) biopsies were taken with a DermaBlade; … Specimens A and B sent" in a narrative after a table or
 * list that read biopsy A and biopsy B: a plural mention with no count, no jar and no item of its own retells the
 * biopsies of that technique already read elsewhere, one by one. It is not one more biopsy (§1.2: one unit a lesion).
 */
const EACH = /\b(?:from|of|at|on)\s+(?:each|both|all)\s+(?:of\s+the\s+)?(?:\w+\s+)?(?:sites?|lesions?|spots?|areas?|locations?)\b/i;

export function dropPluralRetellings(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    const kind = p.procedure.kind;
    if (!kind.startsWith('biopsy') || p.procedure.status !== 'performed' || p.specimenLabel || p.block.label || p.block.parent) continue;
    const t = p.block.trigger.text;
    // "Tangential biopsies were taken", "a shave biopsy was taken from each site": no one lesion of its own.
    if (!(/\bbiopsies\b/i.test(t) || (EACH.test(t) && !p.procedure.site)) || COUNT.test(t) || SUMMARY_COUNT.test(t)) continue;
    if (toldElsewhere(parsed, p).length < 2) continue;
    for (const c of parsed.filter((x) => x.block.parent === p.block)) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
}

/** Biopsies of `p`'s technique told one by one, each with its jar, in another section than `p`'s. */
function toldElsewhere(parsed: ParsedProcedure[], p: ParsedProcedure): ParsedProcedure[] {
  const kind = p.procedure.kind;
  return parsed.filter(
    (q) =>
      q !== p &&
      q.procedure.status === 'performed' &&
      !q.block.parent &&
      q.specimenLabel !== undefined &&
      q.block.section !== p.block.section &&
      q.procedure.kind.startsWith('biopsy') &&
      (q.procedure.kind === kind || kind === 'biopsy-unspecified'),
  );
}

/** A title naming only the procedure ("BIOPSY PROCEDURE NOTE", "Skin biopsy note:"). */
// A procedure record's header may add its status and date ("Skin Biopsy   Completed   Date of service: 11/20/2026").
const BIOPSY_TITLE =
  /^\W*(?:skin\s+)?(?:biops(?:y|ies)|bx)(?:\s+(?:procedure\s+)?(?:notes?|reports?|documentation|record|procedure))?(?:\s+(?:completed|signed|final|in\s+progress))?(?:\s+(?:date\s+of\s+service|dos|date)\s*(?::\s*)?\d{1,2}\/\d{1,2}\/\d{2,4})?\W*$/i;
/** "separate from the biopsy", "after this bx", "the above biopsy": the words point back at a biopsy told elsewhere. */
const BIOPSY_BACK_REFERENCE =
  /\b(?:the|this|that|same|above|today'?s)\s+(?:(?:above|same|shave|punch|skin)\s+)?(?:biopsy|bx)\b(?!\s*(?:[-(]\s*)?(?:#|[A-H]\b|\d))/i;

/**
 * A biopsy word that names no technique, no site of its own and no jar, over or after biopsies told with their
 * technique: a title ("BIOPSY PROCEDURE NOTE") or a pointer back ("… separate from the biopsy") is not one more biopsy
 * of unknown technique (§1.2: one unit a lesion biopsied).
 */
export function dropBiopsyMentions(parsed: ParsedProcedure[]): void {
  const specific = parsed.filter(
    (q) => q.procedure.kind.startsWith('biopsy-') && q.procedure.kind !== 'biopsy-unspecified' && q.procedure.status === 'performed',
  );
  if (specific.length === 0) return;
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.procedure.kind !== 'biopsy-unspecified' || p.specimenLabel || p.block.label || p.block.parent) continue;
    if (parsed.some((x) => x.block.parent === p.block)) continue;
    const own = p.block.trigger.text;
    const title = BIOPSY_TITLE.test(own);
    if (!title && (p.procedure.site || !BIOPSY_BACK_REFERENCE.test(own))) continue;
    parsed.splice(i, 1);
  }
}

/** "Biopsied today.", "Biopsy performed.": the whole sentence says only that a biopsy was done. */
const BARE_BIOPSY = /^\W*(?:biopsied|(?:skin\s+)?(?:biopsy|bx)\s+(?:done|performed|taken|obtained))(?:\s+(?:today|this\s+visit))?\W*$/i;

/**
 * "2. NUB - L lower leg" / "r/o BCC. Biopsied today." over "Procedure: Punch biopsy" / "Location: L lower leg": the
 * item's plan says the lesion was biopsied, and the procedure lines tell that same biopsy at that site. The item number
 * names the lesion; it is not a second biopsy of unknown technique with a jar of its own (§1.2, §7.2).
 */
export function dropBareBiopsyMentions(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.procedure.kind !== 'biopsy-unspecified' || p.specimenLabel || p.block.parent || p.block.labelKind === 'specimen') continue;
    const key = p.procedure.site?.key;
    const t = p.block.trigger.text;
    const at = Math.max(0, p.block.triggerAt - p.block.trigger.start);
    const end = t.indexOf('. ', at);
    if (!key || !BARE_BIOPSY.test(t.slice(t.lastIndexOf('. ', at) + 1, end < 0 ? t.length : end + 1))) continue;
    const same = parsed.some(
      (q) =>
        q !== p &&
        q.procedure.kind.startsWith('biopsy-') &&
        q.procedure.kind !== 'biopsy-unspecified' &&
        q.procedure.status === 'performed' &&
        q.procedure.site?.key === key &&
        q.block.section === p.block.section,
    );
    if (same) parsed.splice(i, 1);
  }
}
