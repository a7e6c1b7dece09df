import { findSites } from '../anatomy/vocabulary';

/**
 * Cut a section into small units (a line, a labeled item inside a line, or a
 * sentence), each with its label and field name when it has one. Procedure
 * blocks are built from units. Every unit is capped so per-unit work is bounded.
 */

export interface Unit {
  /** Offsets in the whole text. */
  start: number;
  end: number;
  text: string;
  /** Lesion/specimen label that opens the unit ("A", "1", "B2"). */
  label?: string;
  /** How the label was written: a specimen ("Specimen A", "Jar 2") or a lesion/list item. */
  labelKind?: 'specimen' | 'lesion';
  /** The end of the line before, when this line-opening unit goes on with its sentence (a hard wrap). */
  wrapLead?: string;
  /** A table row labelled by its jar: the row's lesion/# cell, by which later lines may name it ("Repair for #3"). */
  altLabel?: string;
  /** Field name when the unit is "Name: value" (lowercased, spaces collapsed). */
  field?: string;
  /** Text after the field colon. */
  value?: string;
  valueStart?: number;
  /** A blank line came before this unit. */
  afterBlank: boolean;
  /** The unit starts a line (not a sentence inside a line). */
  lineStart: boolean;
  /** Line starts with a bullet ("-", "*", "•"). */
  bullet: boolean;
}

export const MAX_UNIT = 1500;
const MAX_LINE_SCAN = 4000;

const ABBREV = new Set([
  'dr',
  'mr',
  'ms',
  'mrs',
  'approx',
  'st',
  'vs',
  'no',
  'pt',
  'lt',
  'rt',
  'post',
  'ant',
  'sup',
  'inf',
  'med',
  'lat',
  'e.g',
  'i.e',
  'fig',
  'sq',
  'cm',
  'mm',
  'etc',
  'prox',
  'dist',
  'ext',
  // Longer shorthand that a lower-case word may follow ("risks incl. scar").
  'incl',
  'diam',
  'appt',
  'subcu',
  'subq',
]);

// Item labels at the start of a unit: "A)", "(A)", "A.", "A:", "A -", "#1", "1)", "1.", "Lesion A:", "Specimen #2", "Site 3 -".
const LABEL_RE =
  /^\s*(?:[-*•>]\s*)?(?:(specimen|spec|jar|container|part|bottle|sample)\s*(?:#\s*)?(?:no\.?\s*)?([A-Z]\d?|\d{1,2})\b\s*[:.)\-–—]?|(lesion|site|bx|biopsy|les|area|location|tumor|tumour|case|lesion\s+no\.?)\s*(?:#\s*)?([A-Z]\d?|\d{1,2})\b(?:\s*[:.)\-–—](?!\d)|(?=\s*\([^()]{2,40}\)\s*[:\-–—]))|\(([A-Z]|\d{1,2})\)|([A-Z]\d?)\)|([A-Z])[.:]\s|([A-Z])\s[-–—]{1,2}\s|#\s*(\d{1,2})\b[.:)\-–—]?|(\d{1,2})[.)](?=\s|$)|(?:lesion|tumou?r)\s+([A-Z]|\d{1,2})\s+(?=(?:is|was|on|of|at|measur\w*|-)\b)|(?:lesion|site|tumou?r)\s*#\s*([A-Z]|\d{1,2})\s*$|(\d{1,2})(?=[ \t]{2,}(?!(?:mm|cm|x|mg|ml|cc|units?|%)\b)[A-Za-z]))/i;

// Dictated or typed problem numbers: "number one, …", "Problem 3 - …", "Issue #2: …".
const SPOKEN_LABEL = /^\s*(?:[-*•>]\s*)?(?:number|problem|issue)\s*(?:#\s*)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[,:.)\-–—]/i;
const SPOKEN_NUMBER: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10' };

export function readLabel(text: string): { label: string; kind: 'specimen' | 'lesion'; length: number } | undefined {
  const spoken = SPOKEN_LABEL.exec(text);
  if (spoken?.[1]) return { label: SPOKEN_NUMBER[spoken[1].toLowerCase()] ?? spoken[1], kind: 'lesion', length: spoken[0].length };
  const m = LABEL_RE.exec(text);
  if (!m) return undefined;
  // Labels are written upper case ("A", "B2"); "a." or "i)" at a line start is prose or a roman list.
  // m[12]: "Lesion #2" alone on its line, heading the fields below it (EMA-style lesion blocks).
  // m[13]: " 3  Mid back        pink papule …" — a row number set off by a column gap in a table typed as text.
  const raw = m[2] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? m[8] ?? m[9] ?? m[10] ?? m[11] ?? m[12] ?? m[13] ?? '';
  if (!/^[A-Z0-9]/.test(raw)) return undefined;
  if (m[2]) return { label: m[2].toUpperCase(), kind: 'specimen', length: m[0].length };
  if (m[4])
    return { label: m[4].toUpperCase(), kind: m[3]?.toLowerCase() === 'bx' || m[3]?.toLowerCase() === 'biopsy' ? 'specimen' : 'lesion', length: m[0].length };
  const label = m[5] ?? m[6] ?? m[7] ?? m[8] ?? m[9] ?? m[10] ?? m[11] ?? m[12] ?? m[13];
  if (!label) return undefined;
  // "S: scaly spot R shin x 4 mo", "O: 9 mm plaque": a SOAP heading letter and its colon open a note's line even when
  // the other headings are missing (sections.ts reads them as headings only when two or more start lines). Jars and
  // lesions are lettered from A; S, O and P with a colon are those headings, never labels.
  if (m[7] && /^[SOP]$/.test(m[7]) && /:\s*$/.test(m[0])) return undefined;
  // " I: 6 blocks, positive" under a Mohs case: a stage's roman numeral and its tissue blocks, not lesion I.
  if (m[7] && /^[IV]$/.test(m[7]) && /^\s*\d{1,2}\s*(?:tissue\s+)?(?:blocks?|sections?|pieces?)\b/i.test(text.slice(m[0].length))) return undefined;
  // "A 4 mm punch…" is an article, not a label: the regex needs ")", ".", ":" or " - " after the letter.
  return { label: label.toUpperCase(), kind: 'lesion', length: m[0].length };
}

// "Name: value" or Nextech's dotted leaders "Site ........ L neck".
const FIELD_RE = /^\s*(?:[-*•>]\s*)?([A-Za-z][A-Za-z0-9 /&#()'-]{0,34}?)\s*(?::|\.{3,})\s*/;

/** Split one section into units. `base` is the section's offset in the whole text. */
export function unitsOf(text: string, base: number): Unit[] {
  const units: Unit[] = [];
  let pos = 0;
  let blank = false;
  const n = text.length;
  // Column names of the pipe table being read ("| # | Site | Procedure | Specimen |" over a "|---|" rule).
  let columns: string[] | undefined;
  let wrapTail: string | undefined;
  const rows = numberedRows(text);
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    // Prose hard-wrapped mid-sentence ("… A shave" / "biopsy was obtained …"): the next line goes on with the sentence,
    // so it is read as part of this one (the newline read as a space keeps every offset).
    while (eol < n && eol - pos < MAX_LINE_SCAN && wrapsInto(text, pos, eol)) {
      const next = text.indexOf('\n', eol + 1);
      eol = next < 0 ? n : next;
    }
    const rawLine = text.slice(pos, Math.min(eol, pos + MAX_LINE_SCAN)).replace(/\n/g, ' ');
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim().length === 0) {
      blank = true;
      wrapTail = undefined;
      pos = eol + 1;
      continue;
    }
    // Each row under a pipe-table header is one item, labeled from its specimen or # cell.
    let row: string[] | undefined;
    if (PIPE_ROW.test(line)) {
      const nextEol = text.indexOf('\n', eol + 1);
      const nextLine = text.slice(eol + 1, nextEol < 0 ? n : Math.min(nextEol, eol + 1 + MAX_LINE_SCAN)).replace(/\r$/, '');
      if (PIPE_RULE.test(nextLine) || (!columns && headerRow(line, nextLine))) columns = cellsOf(line).map((c) => c.toLowerCase());
      else if (columns && !PIPE_RULE.test(line)) row = cellsOf(line);
    } else columns = undefined;
    const first = units.length;
    splitLine(line, base + pos, blank, units);
    // "… closed without distortion of the" / "lower eyelid.": the words before a wrap still govern the next line.
    const opening = units[first];
    if (wrapTail && opening?.lineStart) opening.wrapLead = wrapTail;
    const end = line.trimEnd();
    wrapTail = /[.;:!?|]$/.test(end) ? undefined : end.slice(-60);
    const unit = row ? units[first] : undefined;
    if (unit && row && columns) labelRow(unit, row, columns);
    const numbered = rows?.get(pos);
    const opener = units[first];
    if (numbered && opener && !opener.label) {
      // The row's number names it; blanked (offsets kept) so that it is never read as a count of lesions.
      opener.label = numbered;
      opener.labelKind = 'lesion';
      opener.text = opener.text.replace(/^(\s*)(\d{1,2})/, (_m, lead: string, k: string) => `${lead}${' '.repeat(k.length)}`);
    }
    blank = false;
    pos = eol + 1;
  }
  return units;
}

const LIST_ITEM = /^\s*(?:[-*•>]|\d{1,2}[.)]|\(\d{1,2}\)|[A-Z][.)]|#\s?\d{1,2}[.):]?)\s+/;

/** "1 R temple AK x4 LN2" at a line start: a bare number, then a word that is no unit and no lesion noun. */
const BARE_ROW =
  /^[ \t]*(\d{1,2})[ \t]+(?!(?:mm|cm|x|mg|ml|cc|units?|aks?|sks?|isks?|warts?|lesions?|tags?|spots?|papules?|cycles?|ftcs?|of|more|total)\b)[A-Za-z]/i;

/**
 * A table typed as text, shown where runs of spaces collapse ("1 R temple AK x4 LN2 2 FTC", "2 L forearm AK x3 …"): three
 * or more lines in a row opening with the bare numbers 1, 2, 3 … are numbered rows. Line start offset → row number.
 */
function numberedRows(text: string): Map<number, string> | undefined {
  if (!/(?:^|\n)[ \t]*1[ \t]+[A-Za-z][^\n]*\n[ \t]*2[ \t]+[A-Za-z]/.test(text)) return undefined;
  const out = new Map<number, string>();
  let run: [number, string][] = [];
  const flush = () => {
    if (run.length >= 3) for (const [at, k] of run) out.set(at, k);
    run = [];
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const m = BARE_ROW.exec(line);
    if (m?.[1] && Number(m[1]) === run.length + 1) run.push([at, m[1]]);
    else {
      flush();
      if (m?.[1] === '1') run.push([at, m[1]]);
    }
    at += line.length + 1;
  }
  flush();
  return out.size > 0 ? out : undefined;
}

/**
 * The line [pos, eol) is prose cut by a hard wrap: long, ending inside a sentence on a word, and the next line opens
 * with a lower-case word (not a bullet, a field or a table row).
 */
function wrapsInto(text: string, pos: number, eol: number): boolean {
  // The last physical line of the run so far must be long; the run's first line must open a sentence with a capital
  // (in a note typed in lower case, a lower-case line is as likely the next item).
  // A numbered or bulleted item ("1. Basal cell carcinoma … Referred to oculoplastics" / "   for Mohs/repair.") may go on
  // under a hanging indent.
  const from = text.lastIndexOf('\n', eol - 1) + 1;
  const head = text.slice(pos, pos + 12);
  const item = LIST_ITEM.exec(head);
  if (eol - Math.max(from, pos) < 60 || text.charCodeAt(eol - 1) === 13) return false;
  const line = text.slice(Math.max(from, pos), eol);
  if (!/[a-z,]$/i.test(line) || line.includes('|') || (from <= pos && !item && /^\s{2,}/.test(line))) return false;
  const next = text.slice(eol + 1, eol + 40);
  const indent = /^[ \t]*/.exec(next)?.[0].length ?? 0;
  if (indent > 0 && (!item || indent > 8)) return false;
  const rest = next.slice(indent);
  // "… Kenalog-40 (triamcinolone acetonide" / "40 mg/mL), 1 mL …": a parenthesis left open goes on on the next line,
  // in whatever case the note is typed. (An item's own "1)" closes nothing.)
  const body = from <= pos && item ? line.slice(item[0].length) : line;
  if (/^[\w.]/.test(rest) && (body.match(/\(/g)?.length ?? 0) > (body.match(/\)/g)?.length ?? 0) && /^[^()\n]{1,40}\)/.test(rest)) return true;
  // "… 1 mL single-dose vial," / "40 mg IM to the R gluteal …": a dose goes on with the sentence cut after a comma.
  if (/,$/.test(line) && /^\d+(?:\.\d+)?\s*(?:mg|mcg|ml|cc|units?)\b/i.test(rest)) return true;
  if (!/^[A-Z]/.test(head.slice(item ? item[0].length : /^\s?/.exec(head)?.[0].length))) return false;
  // "… excised diameter" / "1.2 cm, layered closure …": a measure goes on with the sentence too.
  if (/^\d+(?:\.\d+)?\s*(?:cm|mm)\b/.test(rest)) return /\b(?:diameter|length|size|measuring|measured|of|to|is|was|by|x)$/i.test(line);
  return /^[a-z][a-z]+[\s,]/.test(rest) && !/^[a-z][a-z ]{0,30}:/.test(rest);
}

// "| 1 | L cheek | shave bx |", or without the outer bars ("1 | L cheek | shave bx | A") when three cells or more.
const PIPE_ROW = /^\s*\|.*\|\s*$|^[^|\n]+(?:\|[^|\n]+){2,}$/;
const PIPE_RULE = /^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$/;

/**
 * "| Site | Location | Technique | Spec |" over "| 1 | L upper arm | punch 4 mm | A |" with no "|---|" rule: a row of
 * column names (no digits, one of them a known column) over a row with as many cells.
 */
function headerRow(line: string, nextLine: string): boolean {
  if (!PIPE_ROW.test(nextLine)) return false;
  const cells = cellsOf(line);
  return (
    cells.length >= 2 &&
    cellsOf(nextLine).length === cells.length &&
    cells.every((c) => c.length > 0 && !/\d/.test(c)) &&
    cells.some((c) => /^(?:#|no\.?|item|site|location|spec(?:imen)?s?|jar|container|lesion)\b/i.test(c))
  );
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

/** A table row takes its label from a specimen column ("Specimen", "Jar", "Path #"), else from a "#" column. */
function labelRow(unit: Unit, cells: string[], columns: string[]): void {
  const specimen = columns.findIndex((c) =>
    /^(?:spec(?:imen)?s?|jar|container|bottle|labels?|path(?:ology)?(?:\s*(?:#|label|specimen|jar))?|specimen\s*(?:#|label|id))\.?$/.test(c),
  );
  const spec = specimen >= 0 ? cells[specimen] : undefined;
  const item = columns.findIndex((c) => /^(?:#|no\.?|item|lesion\s*#?|site\s*#)$/.test(c));
  const value = item >= 0 ? cells[item] : undefined;
  const lesionValue = value && /^(?:\d{1,2}|[A-Z])$/.test(value) ? value : undefined;
  if (spec && /^[A-Z]\d?$/.test(spec)) {
    unit.label = spec;
    unit.labelKind = 'specimen';
    if (lesionValue && lesionValue !== spec) unit.altLabel = lesionValue;
    return;
  }
  if (lesionValue && !unit.label) {
    unit.label = lesionValue;
    unit.labelKind = 'lesion';
  }
}

// Inline item starts inside a line: " B) ", "; B. ", " (2) ", " #2 ".
const INLINE_ITEM =
  /(?:[\s;,]|^)(?=(?:\(?[A-H]\)\s|\([1-9]\)\s+[A-Za-z]|#\s?\d{1,2}[:.)]?\s|[A-H][.:]\s(?=[A-Z(])|(?:lesion|specimen|site)\s*(?:#\s*)?(?:[A-H]|\d{1,2})\s*[:)-]))/gi;

/** Every "specimen A (" / "jar B:" list item below holds one of these words. */
const JAR_WORD = /spec|jar|container/i;

function splitLine(line: string, lineOffset: number, afterBlank: boolean, out: Unit[]): void {
  // Cut points: inline items, then sentences.
  const cuts = new Set<number>([0]);
  INLINE_ITEM.lastIndex = 0;
  for (let m = INLINE_ITEM.exec(line); m; m = INLINE_ITEM.exec(line)) {
    const at = m.index + m[0].length;
    if (m[0].length === 0) INLINE_ITEM.lastIndex++;
    if (at <= 0 || at >= line.length) continue;
    const ahead = line.slice(at, at + 12);
    // Lowercase "a." / "a)" only counts when upper case was used (avoid "a) " inside prose? keep upper only).
    if (/^\(?[a-h][.):]/.test(ahead)) continue;
    // "as specimens A and B. The scar…": the last letter of a list of specimens, not a new item.
    if (/\b(?:specimens?|labeled|labelled|jars?|parts?)\s+[A-H](?:\s*(?:,|and|&)\s*[A-H])*\s*(?:,|and|&)\s*$/i.test(line.slice(Math.max(0, at - 40), at)))
      continue;
    // Inside parentheses ("(A: horizontal; B: vertical sections)") letters name parts, not new items.
    const before = line.slice(0, at);
    if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) continue;
    // "L labium majus (A) and R labium minus (B)": a label closing a site, not a new item.
    if (/^\([A-H]\)\s*(?:and\b|or\b|,|;|\.|:|$)/i.test(line.slice(at, at + 10))) continue;
    // "Shave biopsies x 2: L cheek (A) 4 mm pink papule r/o BCC; R nasal sidewall (B) 3 mm …": the jar closes the site
    // that opens its clause; what follows describes that lesion.
    if (/^\([A-H]\)\s/.test(ahead)) {
      const clause = (
        line
          .slice(0, at)
          .split(/[;:]|,\s|\.\s/)
          .pop() ?? ''
      ).trim();
      if (clause.length > 0 && clause.split(/\s+/).length <= 5 && findSites(clause, { strict: true }).length > 0) continue;
    }
    // "Shave bx L forearm, 3 cm proximal to A (B) - r/o BCC": the jar closes a site told by its place beside another jar.
    if (
      /^\([A-H]\)\s/.test(ahead) &&
      /\b(?:proximal|distal|medial|lateral|superior|inferior|adjacent|next|near|above|below|anterior|posterior)\s+(?:to\s+)?(?:specimen\s+|site\s+|lesion\s+)?[A-H]\s*$/i.test(
        line.slice(Math.max(0, at - 40), at),
      )
    )
      continue;
    // "R cheek (A), L arm (B), mid back (C) -- r/o …": the last label of such a list, before the list's comment.
    if (/^\([A-H]\)\s*[-–—]/.test(line.slice(at, at + 8)) && /\([A-H]\)\s*,/.test(line.slice(0, at))) continue;
    // "Specimen(s): A. Right arm…": a field's own value is not a new item.
    if (/^\s*(?:specimens?(?:\s*\(s\))?|jars?|containers?|labels?)\s*:\s*$/i.test(line.slice(0, at))) continue;
    // "Mohs surgeon: Dr. E. Kaczmarek": a person's initial, not an item.
    if (
      /\b(?:dr|drs|mr|mrs|ms|prof|surgeon|pathologist|provider|physician|attending|resident|md|do|pa(?:-c)?|np|rn|scribe|by)\.?:?\s*$/i.test(
        line.slice(Math.max(0, at - 14), at),
      ) &&
      /^[A-H]\.\s/.test(ahead)
    )
      continue;
    // "81 yo F. Here for a spot on the back": the patient's sex after the age, not an item.
    if (/\b\d{1,3}[ -]?(?:yo|y\/o|y\.o\.?|yrs?|years?(?:[ -]old)?)\s*$/i.test(line.slice(Math.max(0, at - 16), at)) && /^F\.\s/.test(ahead)) continue;
    // "specimen A. A 2 cm wedge…" and "a #15 blade" are not new items.
    if (/\b(?:specimen|spec|labeled|labelled|site|lesion|jar|part|container|bottle)\s*$/i.test(line.slice(Math.max(0, at - 14), at))) continue;
    if (/^#\s?\d{1,2}\s+(?:blade|scalpel|needle|gauge|suture|curette)/i.test(ahead + line.slice(at + 12, at + 24))) continue;
    // "phototherapy session #14 for vitiligo" numbers a session; "#1 and #2 closed with sutures" refers to items.
    if (
      ahead.startsWith('#') &&
      (/\b(?:sessions?|visits?|treatments?|tx|cycles?|doses?|injections?|shots?|ilks?|pdt|laser|peels?|infusions?|rounds?|fractions?|stages?|day|week|lot|room|appointments?|appt)\s*$/i.test(
        line.slice(Math.max(0, at - 14), at),
      ) ||
        /^#\s?\d{1,2}\s*(?:and|or|&|,|-|–|to|through|thru)\s*#/i.test(ahead + line.slice(at + 12, at + 20)))
    )
      continue;
    // "(2)" after a lesion word is a count ("warts (4)"), not an item.
    if (/^\(\d/.test(ahead) && /\b(?:lesions?|aks?|warts?|tags?|sks?|sites?|x)\s*$/i.test(line.slice(Math.max(0, at - 12), at))) continue;
    cuts.add(at);
  }
  // "PUNCH BX X2 TODAY. SPEC A (L UPPER BACK 4MM), SPEC B (R FOREARM 3MM).": a sentence that is a list of specimens
  // is one item per specimen. Only when the first specimen opens the line or a sentence, so "shave bx R arm,
  // specimen A (r/o BCC), and punch bx L leg, specimen B" keeps each specimen with its procedure.
  // (Most lines name no jar at all: a plain word test first spares the costly scan.)
  const specs = JAR_WORD.test(line) ? [...line.matchAll(/(^|[.:]\s+|[,;]\s*|\band\s+)(?=(?:spec(?:imen)?|jar|container)\s*(?:#\s*)?[A-H]\s*[(:\-–])/gi)] : [];
  if (specs.length >= 2 && specs[0] && !/^[,;]|^and/i.test(specs[0][1] ?? '')) {
    for (const m of specs.slice(1)) if (/^[,;]|^and/i.test(m[1] ?? '')) cuts.add(m.index + m[0].length);
  }
  // "Results: A - SCC in situ. B - seborrheic keratosis.": in a run of "X - " items, one after a sentence end starts the next.
  if (line.includes(' - ') && (line.match(/(?:^|[\s:;.])[A-H]\s[-–—]{1,2}\s/g)?.length ?? 0) >= 2) {
    for (const m of line.matchAll(/[.;]\s+(?=[A-H]\s[-–—]{1,2}\s+\S)/g)) cuts.add(m.index + m[0].length);
  }
  // "Biopsies x2 of the vulva: 1) L labium majus … 2) R labium minus …": a run of numbered items inside one line.
  // Only a run that counts up from 1 is cut, so a lone "x 2) " or "(4 mm) 2) " in prose is left alone.
  if (line.includes('1)') && /(?:^|[\s:;,])1\)\s+\S.*?[\s;,.]2\)\s+\S/.test(line)) {
    let expected = 1;
    for (const m of line.matchAll(/(?:^|[\s:;,.])([1-9])\)\s+(?=\S)/g)) {
      if (Number(m[1]) !== expected) continue;
      expected++;
      const at = m.index + m[0].indexOf(m[1] as string);
      if (at > 0) cuts.add(at);
    }
  }
  // Sentences: ". " + capital/digit, not after an abbreviation or a number.
  for (let i = 1; i < line.length - 2; i++) {
    if (line.charCodeAt(i) !== 46 || line.charCodeAt(i + 1) !== 32) continue;
    // Dotted leaders ("Site ........ L neck") are not sentence ends.
    if (line.charCodeAt(i - 1) === 46) continue;
    const next = line.charCodeAt(i + 2);
    const isUpper = next >= 65 && next <= 90;
    // "… benign, reassured. 5 AKs on the dorsal hands were treated": a count opening the next sentence.
    const countStarts = next >= 48 && next <= 57 && /^\d{1,2}\s+[A-Za-z]/.test(line.slice(i + 2, i + 8));
    // "Shave BX … (A). curretage and ED&C of …": hurried notes start a sentence in lower case. Only after a closing
    // ")" or a whole word (not an abbreviation), and only before a word, so "approx. 5 mm" and "e.g. a" stay whole.
    const lowerStarts = next >= 97 && next <= 122 && /^[a-z]{2,}\b/.test(line.slice(i + 2, i + 14));
    if (!isUpper && !countStarts && !lowerStarts) continue;
    // "AKs -- L.N. X 20 lesions": a count mark ("X 20", "X20") never opens a sentence; it counts what came before.
    if ((next === 88 || next === 120) && /^[xX]\s?\d/.test(line.slice(i + 2, i + 6))) continue;
    const wordStart = line.lastIndexOf(' ', i - 1) + 1;
    const word = line.slice(wordStart, i).toLowerCase();
    // "… repair length 3.0 cm. Specimen A.": a jar word after a size unit opens the next sentence.
    // "… Intermediate repair 2.6 cm. Excision bx-proven BCC L forearm …": a capitalised word after a size unit does too,
    // and so does a consent line ("… L upper back, 6 mm. Consent obtained."); in capitals as well ("1.2 CM. THE WOUND").
    // A note typed in lower case starts those sentences in lower case ("6 mm. consent obtained.").
    const jarAfterUnit =
      (word === 'cm' || word === 'mm') &&
      (/^(?:specimens?|spec|jar|container)\b/i.test(line.slice(i + 2, i + 14)) ||
        /^(?:Excision|Re-?excision|Shave|Punch|Biopsy|Mohs|MMS|ED&C|EDC|Cryo\w*|LN2|Destruction|Intermediate|Complex|Simple|Layered|Repair|Lesion|Site|Tumou?r|FTSG|STSG|The|This|In\s+addition|Also|Additionally|Next|Then|Finally|Subsequently|Hemostasis|Wound|Closure|Dressing|Patient|Pt|EBL|All|Both|Tangential|Saucerization|Consent|Informed|Risks|Anesthesia|Lidocaine|Prepped)\b/i.test(
          line.slice(i + 2, i + 16),
        ));
    if (lowerStarts && !isUpper && !countStarts && !jarAfterUnit && !(/\)$/.test(word) || (/^[a-z]{4,}$/.test(word) && !ABBREV.has(word)))) continue;
    if (countStarts && !/^[a-z]{3,}$/.test(word)) continue;
    // "… and C.", and "… sent to the lab as specimen A. There were also …": a jar letter ends the sentence.
    const listEnd =
      word.length === 1 &&
      (/(?:\band|&|,)\s*$/i.test(line.slice(Math.max(0, wordStart - 6), wordStart)) ||
        (/^[A-H]$/i.test(word) && /\b(?:specimens?|spec|jar|container|labell?ed(?:\s+as)?)\s*$/i.test(line.slice(Math.max(0, wordStart - 20), wordStart))));
    if ((ABBREV.has(word) && !jarAfterUnit) || (word.length === 1 && !listEnd && (!/\d/.test(word) || line.slice(0, wordStart).trim() === ''))) continue;
    // "10. Seborrheic dermatitis face - …": a two-digit item number opening the line is its label, not a sentence.
    if (/^\d{2}$/.test(word) && line.slice(0, wordStart).trim() === '') continue;
    cuts.add(i + 2);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; k++) {
    const s = sorted[k] as number;
    let e = k + 1 < sorted.length ? (sorted[k + 1] as number) : line.length;
    if (e - s > MAX_UNIT) e = s + MAX_UNIT;
    const piece = line.slice(s, e);
    if (piece.trim().length === 0) continue;
    // Every field named, in the interface's order (the optional ones undefined until set): the parser reads units in
    // its hottest loops, and one object shape keeps those reads monomorphic.
    const unit: Unit = {
      start: lineOffset + s,
      end: lineOffset + e,
      text: piece,
      label: undefined,
      labelKind: undefined,
      wrapLead: undefined,
      altLabel: undefined,
      field: undefined,
      value: undefined,
      valueStart: undefined,
      afterBlank: afterBlank && k === 0,
      lineStart: k === 0,
      bullet: k === 0 && /^\s*[-*•]\s/.test(piece),
    };
    const label = readLabel(piece);
    if (label) {
      unit.label = label.label;
      unit.labelKind = label.kind;
    }
    const rest = label ? piece.slice(label.length) : piece;
    const restOffset = label ? label.length : 0;
    const f = FIELD_RE.exec(rest);
    if (f?.[1] && !/^\d/.test(f[1]) && !/^(?:https?|dr|mr|ms|mrs)$/i.test(f[1].trim())) {
      unit.field = f[1]
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[.#]+$/, '')
        .trim();
      unit.value = rest.slice(f[0].length);
      unit.valueStart = lineOffset + s + restOffset + f[0].length;
    }
    out.push(unit);
  }
}
