import { overBudget } from './budget';
import { roleOfHeading, type SectionRole } from './headings';

export { roleOfHeading };

/**
 * Split a note into its sections by heading lines. Spans point into the section
 * texts, so each section keeps its start offset in the whole text.
 */

export type { SectionRole } from './headings';

export interface Section {
  name: string;
  role: SectionRole;
  /** Offset of the section text in the whole text. */
  start: number;
  text: string;
}

/** Roles whose heading may carry text after the colon on the same line ("HPI: 65 yo…", "Assessment: AK"). */
const INLINE_ROLES = new Set<SectionRole>(['history', 'exam', 'assessment', 'charges', 'visit']);
/** Inside a pathology report only these roles start a new section (the report has its own sub-headings). */
const BREAKS_PATHOLOGY = new Set<SectionRole>(['assessment', 'procedure', 'charges', 'pathology']);

interface HeadingHit {
  /** A title of another date's note carried forward into this one. */
  copied?: boolean;
  /** A "Procedure: <prose>" line: a section only when it does not sit inside a plan or procedure part. */
  prose?: boolean;
  role: SectionRole;
  name: string;
  /** Where the section text starts (after the heading line, or after the colon for inline headings). */
  textStart: number;
  lineStart: number;
}

const MAX_LINE = 200;
const PROCEDURE_TITLE_HEAD = /^(?:procedures?(?:\s+(?:note|notes|documentation|details|performed|done|today))?|operative\s+(?:note|report)|op\s+note)$/i;

const NUMBERED_PROCEDURE_TITLE = /^procedure\s*(?:#\s*)?\d{1,2}(?:\s+of\s+\d{1,2})?(?:\s*[-–—:]\s*\S[^\n]{0,60})?\s*$/i;

function headingAt(line: string, lineStart: number, _lineEnd: number): HeadingHit | undefined {
  if (line.length === 0) return undefined;
  const trimmed = line.trim();
  if (trimmed.length === 0) return undefined;
  // A long line is a heading only as "A/P: text" (a dictated assessment and plan may run on for several hundred characters)
  // or "Interval history: 71 yo F, …" (a history paragraph typed on one line).
  if (trimmed.length > MAX_LINE) {
    const colon = trimmed.indexOf(':');
    const head = colon > 0 && colon <= 40 ? trimmed.slice(0, colon) : '';
    if (!head || (roleOfHeading(head) !== 'assessment' && !HPI_HEADING.test(head.trim()))) return undefined;
  }
  // Whole line is a heading ("Assessment/Plan:", "PROCEDURE NOTE", "== Pathology ==").
  const whole = trimMarks(trimmed);
  // A heading line may carry a date and a note in parentheses before its colon ("ADDENDUM 12/03/2026 (path received, …):").
  if (whole.length <= 60 || (whole.length <= 100 && whole.endsWith(':'))) {
    const role = roleOfHeading(whole);
    // The heading line stays in the section text: it may name the procedure ("MOHS SURGERY NOTE").
    if (role) return { role, name: cleanName(whole), textStart: lineStart, lineStart };
  }
  // "*** PRIOR VISIT 10/14/2026 (carried forward) ***", "Copied forward from last visit:": another date's note pasted
  // into this one is history, never this visit's service. A dated or copy-forward title only: a bare "Previous visits"
  // is a screen's list title, which the page readers handle (core/emr/read.ts).
  if (whole.length <= 100 && COPIED_FORWARD.test(whole)) return { role: 'history', name: cleanName(whole), textStart: lineStart, lineStart, copied: true };
  // "Procedure documentation -- Skin tag removal", "PROCEDURE NOTE - Shave biopsy": a procedure heading with its title.
  const titled = /^(.{3,40}?)\s+(?:--?|—|–)\s+\S/.exec(trimmed);
  if (titled?.[1] && !/^\s/.test(line) && PROCEDURE_TITLE_HEAD.test(titled[1].trim()))
    return { role: 'procedure', name: cleanName(titled[1]), textStart: lineStart, lineStart };
  // "Heading: text" on one line.
  const colon = trimmed.indexOf(':');
  if (colon > 0 && colon <= 40) {
    const head = trimmed.slice(0, colon);
    const role = roleOfHeading(head);
    // "PROCEDURE: After informed consent I performed…" (prose) is a section; "Procedure: Shave biopsy" is a field.
    const rest = trimmed.slice(colon + 1).trim();
    const proseProcedure = role === 'procedure' && (rest.length > 80 || /\.\s+[A-Z]/.test(rest));
    // "Medication: triamcinolone acetonide 10 mg/mL" inside a procedure template is the drug used, not the med list.
    if (role === 'history' && /^\s*medication\s*$/i.test(head) && /\d\s*(?:mg|ml|cc|units?|u|%)\b/i.test(rest)) return undefined;
    // "FINAL DIAGNOSIS: Tinea capitis…" opens a report even with the diagnosis on the same line.
    if (role === 'pathology' && /^final\s+(?:pathologic(?:al)?\s+)?diagnos[ie]s$/i.test(head.trim()))
      return { role, name: cleanName(head), textStart: lineStart, lineStart };
    // "Procedure Note: Punch biopsy" at the margin titles a note of its own, even after a plan.
    if (role === 'procedure' && /^(?:procedure|operative|op)\s+(?:notes?|report)$/i.test(head.trim()) && !/^\s/.test(line))
      return { role, name: cleanName(head), textStart: lineStart, lineStart };
    if (role && (INLINE_ROLES.has(role) || proseProcedure)) {
      const offsetInLine = line.indexOf(':') + 1;
      if (proseProcedure && !INLINE_ROLES.has(role))
        return /^\s/.test(line) ? undefined : { role, name: cleanName(head), textStart: lineStart, lineStart, prose: true };
      return { role, name: cleanName(head), textStart: lineStart + offsetInLine, lineStart };
    }
  }
  return undefined;
}

const DATE_WORDS = String.raw`(?:(?:on|of|from|dated)\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}`;
const FORWARD = String.raw`(?:copied|carried|pulled)[- ]forward`;
/** A title only (no sentence after it): "PRIOR VISIT 10/14/2026 (carried forward, not edited)", "Copied forward from last visit:". */
const COPIED_FORWARD = new RegExp(
  String.raw`^(?:(?:prior|previous|last)\s+(?:office\s+)?(?:visit|encounter|note)(?:\s+note)?\s*[-–—,(]?\s*(?:${DATE_WORDS}\s*(?:\([^)\n]{0,60}\))?|\(?${FORWARD}[^)\n:]{0,40}\)?)|${FORWARD}(?:\s+(?:text|note|history))?(?:\s+from\s+(?:the\s+)?(?:prior|previous|last)\s+(?:visit|encounter|note))?(?:\s*\(?${DATE_WORDS}\)?)?)\s*:?$`,
  'i',
);

/**
 * The line that closes a carried-forward block ("*** END CARRIED-FORWARD TEXT ***", "TODAY 11/24/2026", "Today's visit:"):
 * the copied note's own headings ("Assessment/Plan:") up to it are still the old note.
 */
const COPIED_END =
  /^[^\w\n]*(?:end\s+(?:of\s+)?(?:the\s+)?(?:copied|carried|pulled|prior|previous|imported)\b[^\n]*|today(?:'?s\s+(?:visit|note|encounter))?(?:[^\S\n]*[:(\d-][^\n]*|[^\S\n]*$)|(?:current|this)\s+(?:visit|encounter|note)\b[^\n]*)$/im;

/** Heading decoration ("== ", " --", "**", spaces) at either end. */
function trimMarks(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isMark(s.charCodeAt(from))) from++;
  while (to > from && isMark(s.charCodeAt(to - 1))) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

const MARK_OR_SPACE = /[=#*_~\-\s]/;

/** Checked once per line end: ASCII answers directly, anything else asks the regex (\s has Unicode spaces). */
function isMark(code: number): boolean {
  if (code < 128) return code === 61 || code === 35 || code === 42 || code === 95 || code === 126 || code === 45 || code === 32 || (code >= 9 && code <= 13);
  return MARK_OR_SPACE.test(String.fromCharCode(code));
}

function cleanName(s: string): string {
  return trimMarks(s)
    .replace(/[*#=_:\-–—.\s]+$/, '')
    .replace(/^[*#=_\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Diagnosis words that make a labelled line a result rather than a plan or an order. */
const RESULT_DX =
  /\b(?:carcinoma|melanoma|nev(?:us|i)|keratos[ie]s|dermatitis|cyst|verruca|lentigo|(?:dermato)?fibroma|angioma|psoriasis|lichen|granuloma|hyperplasia|scar|atypia|in\s+situ|benign|malignan\w*|negative|no\s+residual|bcc|scc|sk|ak)\b/i;
const LEAD_ADDENDUM =
  /^[ \t]*(?:addend(?:um|a)|late\s+entry)\b(?:[ \t]*(?:\([ \t]*)?(?:dated[ \t]+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?[ \t]*\)?)?[ \t]*(?:[:—–]|--?(?=\s))[ \t]*/i;
const LEAD_DATE = /^[ \t]*\d{1,2}\/\d{1,2}\/\d{2,4}[ \t]*(?::[ \t]*)?/;
// "Quest result scanned:", "Path results received:", "Biopsy report:", "path returned:", "results reviewed with patient:"
const LEAD_RESULT =
  /^(?:[A-Z][\w&.'-]*[ \t]+){0,3}?(?:results?|report|returned|came[ \t]+back)(?:[ \t]*\([^)\n]{0,40}\))?(?:[ \t]+(?:scanned|received|returned|back|reviewed|available|in))?(?:[ \t]+with[ \t]+(?:the[ \t]+)?(?:patient|pt))?[ \t]*(?::|--?(?=\s)|—|–)[ \t]*/i;
/** "Pathology A:", "Path A (05/12):", "Biopsy A returned …", "Specimen B:" — the label letter must be upper case. */
const RESULT_NAMED =
  /^(?:(?:derm\s*)?path(?:ology)?|specimen|biopsy|bx)\s+([A-Z]\d?)\b\s*(?:\([^)]{0,30}\)\s*)?(?::|-|—|–|returned|showed|shows|revealed|came\s+back)/i;
const RESULT_LETTER = /^\(?[A-Z]\d?\s*(?:[.):]|--?(?=\s)|—|–)\s*\S/;

function resultItem(rest: string): boolean {
  const m = RESULT_NAMED.exec(rest);
  if (m?.[1]) return /^[A-Z]/.test(m[1]);
  return RESULT_LETTER.test(rest);
}

/**
 * A result entered later under a lead-in: "ADDENDUM 03/03/2026: Pathology A: MELANOMA IN SITU…",
 * "05/12/2026 Quest result scanned: A -- Basal cell carcinoma…". Returns where the report text starts
 * in the line, or undefined when the line is not such a result. A date alone is not enough: a dated
 * line needs a result/report word or an addendum before the specimen label.
 */
export function resultLeadIn(line: string): number | undefined {
  let off = 0;
  let addendum = false;
  let result = false;
  for (let k = 0; k < 3; k++) {
    const rest = line.slice(off);
    const m = LEAD_ADDENDUM.exec(rest) ?? LEAD_DATE.exec(rest);
    if (!m || m[0].length === 0) break;
    if (/^[ \t]*(?:addend|late)/i.test(m[0])) addendum = true;
    off += m[0].length;
  }
  const r = LEAD_RESULT.exec(line.slice(off));
  if (r && off > 0) {
    result = true;
    off += r[0].length;
  }
  if (!addendum && !result) return undefined;
  const rest = line.slice(off);
  if (!resultItem(rest) || !RESULT_DX.test(rest) || /\b(?:r\/o|rule\s+out|pending|awaited|to\s+follow)\b/i.test(rest.slice(0, 80))) return undefined;
  return off;
}

/** Split a whole note into sections; text before the first heading is 'header' (or the whole note `fallback`). */
const SOAP: Record<string, SectionRole> = { s: 'history', o: 'exam', a: 'assessment', p: 'assessment' };
/** A line that opens a pathology report even with text after it ("DERMPATH (in-house) 2/26 -- A: DF"). */
export const STRONG_PATHOLOGY =
  /^[-=*#\s]*(?:(?:surgical|skin|outside|final|amended|revised|corrected)\s+)?(?:derm\s*path(?:ology)?|dermatopathology|pathology|histopathology|path|results?)\b(?:\s+(?:report|results?|consultation|findings))?(?:\s*\([^)\n]{0,60}\))?(?:\s+(?:report|results?))?(?:\s+(?:received|returned))?(?:\s*(?:dated\s+|from\s+|of\s+|on\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)?\s*(?:[:—–]|--?(?=\s))\s*(?=(?:\(?[A-Z0-9]\d?[.):]|specimen|part)\s|[^\n]*\b(?:carcinoma|melanoma|nev(?:us|i)|keratos[ie]s|dermatitis|cyst|verruca|lentigo|(?:dermato)?fibroma|angioma|psoriasis|lichen|granuloma|hyperplasia|scar|atypia|in\s+situ|benign|malignan|negative|no\s+residual|bcc|scc(?:is)?|mis|sk|ak)\b)|^[-=*#\s]*(?:(?:surgical|skin|outside|final|amended|revised|corrected)\s+)?(?:derm(?:ato)?pathology|pathology|histopathology|path)\s+(?:report|results?|consultation)\b(?![^\n]*\b(?:follow[- ]?up|f\/u|visit|plan)\b)/i;

/** "Results reviewed with the patient (biopsies 11/05/2026, this office):": a review heading dated before its colon. */
const REVIEWED_RESULTS =
  /^\s*(?:(?:path(?:ology)?|biopsy|bx|derm\s*path)\s+)?results?\s+(?:reviewed|discussed|given|gone\s+over)\b[^:\n]{0,80}?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?[^:\n]{0,40}:\s*$/i;

const KNOWN_HISTOLOGY_FIELD = /^\s*path(?:ology)?\s*:[^\n]*\((?:[^)]{0,20}\b)?(?:bx|biops(?:y|ied))\b[^)]{0,25}\d{1,2}\/\d{1,2}/i;

/** A line of history-taking: the patient, an age, what they report, since when. */
const HISTORY_LINE =
  /^\s*(?:(?:the\s+)?(?:pt|patient|he|she|they|mr|mrs|ms|mother|mom|father|dad|parents?)\b|\d{1,3}\s*(?:yo|y\/o|y\.o\.|year|month|mo\b)|[A-Z][a-z]+\s+is\s+an?\s+\d|(?:reports?|presents?|states?|notes?|complains?|here\s+for|c\/o|onset|duration|associated|denies|hx|history|h\/o|s\/p|since|for\s+the\s+(?:past|last)|x\s*\d|has\s+(?:had|been)|was|is|has)\b)/i;

/** Headings of a visit's one-line reason (chief complaint, reason for visit), as cleanName leaves them. */
const REASON_HEADING = /^(?:cc|chief\s+complaints?|reason\s+for\s+(?:visit|appointment|consult(?:ation)?|referral))$/i;
const HPI_HEADING =
  /^(?:hpi|history\s+of\s+(?:the\s+)?present\s+illness|interval\s+history|hx|h\/o|history|pmh|pmhx|(?:past\s+)?medical\s+history|(?:past\s+)?(?:derm(?:atologic(?:al)?)?|skin)\s+(?:cancer\s+)?history|oncologic\s+history)$/i;

export function splitSections(text: string, fallback = 'note'): Section[] {
  const hits: HeadingHit[] = [];
  let current: SectionRole | undefined;
  /** Inside a one-line result: the part of the note to go back to after it. */
  let oneLine: { role: SectionRole; name: string } | undefined;
  let back: { role: SectionRole; name: string } | undefined;
  // "CC: AK f/u + skin tags", "Reason for visit: lump on back": a one-line reason. After a blank line, text with no
  // heading of its own is the body of the note again, not more history (else every procedure below it is history).
  let reasonLine: 'open' | 'blank' | undefined;
  let reasonInline = false;
  let reasonHpi = false;
  // SOAP notes ("S:", "O:", "A:", "P:"): single letters are headings when two start lines with an "S:", or an "A:" comes
  // before a "P:" and no "B:" makes them specimen labels. "A/P:" / "A&P:" is the usual combined heading.
  const head = text.slice(0, 50_000);
  const a = /^[ \t]*A:/m.exec(head);
  const soap =
    ((head.match(/^[ \t]*[SOAP]:/gm) ?? []).length >= 2 && /^[ \t]*S:/m.test(head) && /^[ \t]*(?:[AOP]|A\s*[/&]\s*P):/m.test(head)) ||
    (!!a && /^[ \t]*P:/m.test(head.slice(a.index)) && !/^[ \t]*[B-H]:/m.test(head));
  let pos = 0;
  const n = text.length;
  let lines = 0;
  /** Where a carried-forward block with an end line stops: its inner headings are the old note's. */
  let copiedUntil: number | undefined;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const len = eol - pos;
    if ((++lines & 63) === 0 && overBudget()) break;
    if (copiedUntil !== undefined && pos >= copiedUntil) {
      if (hits.length < 300) hits.push({ role: 'note', name: fallback, textStart: pos, lineStart: pos });
      current = 'note';
      copiedUntil = undefined;
    } else if (copiedUntil !== undefined) {
      pos = eol + 1;
      continue;
    }
    if (reasonLine === 'open' && text.slice(pos, eol).trim().length === 0) reasonLine = 'blank';
    if (len > 0 && len <= 4000) {
      const line = text.slice(pos, Math.min(eol, pos + 4000)).replace(/\r$/, '');
      let hit = headingAt(line, pos, Math.min(eol + 1, n));
      if (!hit && soap) {
        const m = /^[ \t]*([SOAP]):/.exec(line);
        if (m?.[1]) hit = { role: SOAP[m[1].toLowerCase()] ?? 'other', name: m[1], textStart: pos + m[0].length, lineStart: pos };
      }
      // "Procedure 1 - Shave removal", "Procedure #2: Excision", "Procedure 2 of 3" at the margin: a template's numbered
      // procedure opens the procedure part of the note; inside it each is the next item ("Procedure 3 of 3 - Reconstruction").
      if (!hit && current !== 'procedure' && NUMBERED_PROCEDURE_TITLE.test(line))
        hit = { role: 'procedure', name: cleanName(/^\S+\s*(?:#\s*)?\d+/.exec(line)?.[0] ?? 'Procedure'), textStart: pos, lineStart: pos };
      // "Procedure: Shave biopsy" right after an HPI/exam paragraph starts the procedure part of the note.
      if (!hit && (current === 'history' || current === 'exam') && /^\s*procedures?(?:\s+(?:performed|note|done|today))?\s*:/i.test(line))
        hit = { role: 'procedure', name: 'Procedure', textStart: pos, lineStart: pos };
      // "A. Skin, L shin, punch biopsy:" is how a pathology report names a specimen: the report starts here.
      if (
        !hit &&
        current !== 'pathology' &&
        /^\s*(?:specimens?\s*:\s*)?(?:[A-Z]\d?[.:)]|part\s+[A-Z]\d?[.:]?|specimen\s+[A-Z]\d?[.:]?)\s*(?:skin|soft\s+tissue)\s*,/i.test(line)
      )
        hit = { role: 'pathology', name: 'Pathology', textStart: pos, lineStart: pos };
      // "ADDENDUM 12/03/2026:" then "A. Scalp, vertex (horizontal sections): lichen planopilaris": lettered results under
      // an addendum are the pathology report it brings.
      if (!hit && current === 'other' && /^addend/i.test(hits[hits.length - 1]?.name ?? '') && resultItem(line.trim()) && RESULT_DX.test(line))
        hit = { role: 'pathology', name: 'Pathology', textStart: pos, lineStart: pos };
      // A one-line result ("Path A (02/26): PILAR CYST.", "05/12 Quest result scanned: A -- BCC") holds only its
      // own lines: the note goes on after it (a procedure after the result line is still a procedure).
      if (oneLine && !hit && current === 'pathology') {
        const t = line.trim();
        const more = /^[ \t]+\S/.test(line) || (resultItem(t) && RESULT_DX.test(t)) || /^(?:margins?|comments?|notes?|ihc|immuno\w*|stains?)\b/i.test(t);
        if (!more) {
          hits.push({ role: oneLine.role, name: oneLine.name, textStart: pos, lineStart: pos });
          current = oneLine.role;
          oneLine = undefined;
          pos = eol + 1;
          continue;
        }
      }
      if (
        !hit &&
        current !== 'pathology' &&
        (/^\s*(?:derm\s*)?path(?:ology)?\s+[A-Z]\d?\s*(?:(?:\([^)]{0,30}\))\s*)?:\s*\S/i.test(line) || resultLeadIn(line) !== undefined)
      ) {
        const before = hits[hits.length - 1];
        oneLine = before ? { role: before.role, name: before.name } : { role: 'note', name: fallback };
        hit = { role: 'pathology', name: 'Pathology', textStart: pos, lineStart: pos };
      } else if (!hit && /^\s*(?:derm\s*)?path(?:ology)?\s+[A-Z]\d?\s*(?:(?:\([^)]{0,30}\))\s*)?:\s*\S/i.test(line))
        hit = { role: 'pathology', name: 'Pathology', textStart: pos, lineStart: pos };
      // "Results reviewed with the patient (biopsies 11/05/2026, this office):" over "  A. R upper back, shave bx: BCC …": a
      // dated review of an earlier visit's results opens them; the note goes on after the result lines.
      if (!hit && current !== 'pathology' && REVIEWED_RESULTS.test(line)) {
        const nextEnd = text.indexOf('\n', eol + 1);
        const next = text.slice(eol + 1, nextEnd < 0 ? n : Math.min(nextEnd, eol + 1 + 400)).trim();
        if (resultItem(next) && RESULT_DX.test(next)) {
          const before = hits[hits.length - 1];
          oneLine = before ? { role: before.role, name: before.name } : { role: 'note', name: fallback };
          hit = { role: 'pathology', name: cleanName(line), textStart: pos, lineStart: pos };
        }
      }
      // "  Pathology: SCC in situ (bx 09/02/2026)" inside a Mohs template names the tumour's known histology, not a report.
      if (!hit && STRONG_PATHOLOGY.test(line) && !KNOWN_HISTOLOGY_FIELD.test(line)) {
        hit = { role: 'pathology', name: cleanName((/^[^(:]{0,60}/.exec(line.trim())?.[0] ?? 'Pathology').trim()), textStart: pos, lineStart: pos };
        // "Path from 10/20/2026: A) R cheek — nodular BCC; B) L shoulder — SCC in situ." or "Path received 11/24/26: A) …" in
        // a visit note: a dated heading with its results on the line is a one-line result, and the note goes on after it.
        const inline = /[:—–]\s*(.+)$/.exec(line)?.[1] ?? '';
        if (
          current !== 'pathology' &&
          // (or the date just before the colon: "Pathology (11/09/26): BCC, nodular …", "Path report 11/09/26: BCC …")
          /\b(?:from|of|dated|received|returned)\s+(?:on\s+)?\d{1,2}\/\d|^[^:]{0,40}\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:\)\s*)?:/i.test(line) &&
          // (a jar's result, or a diagnosis right after the colon: "Pathology (11/09/26): BCC, nodular, margins clear.")
          (resultItem(inline) || RESULT_DX.test(inline.slice(0, 40))) &&
          RESULT_DX.test(inline)
        ) {
          const before = hits[hits.length - 1];
          oneLine = before ? { role: before.role, name: before.name } : { role: 'note', name: fallback };
        }
      }
      if (hit?.prose && (current === 'assessment' || current === 'procedure')) hit = undefined;
      // "2. Verruca vulgaris L index finger x2" then "   Plan: LN2 today": an indented plan line belongs to its item.
      if (hit?.role === 'assessment' && current === 'assessment' && /^[ \t]{2,}\S/.test(line)) hit = undefined;
      // A report heading after a one-line result: a whole report follows, it is not a one-liner any more.
      if (hit?.role === 'pathology' && current === 'pathology') oneLine = undefined;
      // A report's own sub-headings ("FINAL DIAGNOSIS:", "GROSS DESCRIPTION") open a report but never split one.
      if (hit && current === 'pathology' && hit.role === 'pathology' && /^(?:final|microscopic|gross)\b/i.test(hit.name)) hit = undefined;
      // "CC: rash x 3 weeks, and spot on nose." then "Contact dermatitis hands - started triamcinolone …": a line under the
      // reason that is not history-taking ("Pt reports…", "65 yo F…") is the note's own assessment and plan.
      // After a one-line HPI only a line laid out as a plan item is ("Psoriasis: BSA 4%, cont MTX", "SK R temple - LN2 x1"):
      // an HPI often goes on for a few lines.
      const notHistory =
        reasonLine === 'open' &&
        reasonInline &&
        line.trim().length > 0 &&
        !HISTORY_LINE.test(line) &&
        (!reasonHpi || /^\s*[A-Za-z][^\n:]{1,40}:\s|\s[-–—]\s/.test(line));
      if (!hit && ((reasonLine === 'blank' && !reasonHpi) || notHistory) && current === 'history' && line.trim().length > 0 && hits.length < 300) {
        hits.push({ role: 'note', name: fallback, textStart: pos, lineStart: pos });
        current = 'note';
      }
      if (line.trim().length > 0) reasonLine = undefined;
      // "E&M: est. level IV" is one line: the note goes on after it.
      if (!hit && back && hits.length < 300) {
        hits.push({ ...back, textStart: pos, lineStart: pos });
        current = back.role;
      }
      back = hit?.role === 'visit' && /\S/.test(text.slice(hit.textStart, eol)) ? (hits[hits.length - 1] ?? { role: 'header', name: 'header' }) : undefined;
      if (hit && hits.length < 300 && !(current === 'pathology' && !BREAKS_PATHOLOGY.has(hit.role))) {
        if (hit.role === 'history' && (REASON_HEADING.test(hit.name) || HPI_HEADING.test(hit.name)) && /\S/.test(text.slice(hit.textStart, eol))) {
          reasonLine = 'open';
          reasonInline = hit.textStart > hit.lineStart;
          reasonHpi = HPI_HEADING.test(hit.name);
        }
        hits.push(hit);
        if (hit.role !== 'pathology' || (hits.length > 1 && current === 'pathology')) oneLine = undefined;
        current = hit.role;
        if (hit.copied) {
          const end = COPIED_END.exec(text.slice(eol + 1, eol + 1 + 8000));
          if (end) copiedUntil = eol + 1 + end.index;
        }
      }
    }
    pos = eol + 1;
  }
  if (hits.length === 0) return [{ name: fallback, role: 'note', start: 0, text }];
  const sections: Section[] = [];
  const used = new Map<string, number>();
  const first = hits[0] as HeadingHit;
  if (first.lineStart > 0 && text.slice(0, first.lineStart).trim().length > 0) {
    sections.push({ name: 'header', role: 'header', start: 0, text: text.slice(0, first.lineStart) });
    used.set('header', 1);
  }
  hits.forEach((h, k) => {
    const end = k + 1 < hits.length ? (hits[k + 1] as HeadingHit).lineStart : n;
    const count = (used.get(h.name) ?? 0) + 1;
    used.set(h.name, count);
    const name = count > 1 ? `${h.name} (${count})` : h.name;
    const start = Math.min(h.textStart, end);
    sections.push({ name, role: h.role, start, text: text.slice(start, end) });
  });
  return sections;
}

/** Role from an adapter's section role and name. */
export function roleOfSnapshot(name: string, role?: string): SectionRole {
  const byName = roleOfHeading(name);
  switch (role) {
    case 'procedure':
    case 'pathology':
    case 'assessment':
    case 'charges':
    case 'visit':
    case 'header':
      return role;
    case 'note':
    case 'other':
    case undefined:
      return byName ?? (role === 'note' ? 'note' : 'other');
    default:
      return byName ?? 'other';
  }
}
