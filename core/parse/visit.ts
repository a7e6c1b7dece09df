import type { EnteredCharge, Span, Visit } from '../model';
import { overBudget } from './budget';
import { parseDate } from './dates';
import { sectionUnits } from './section-units';
import type { Section } from './sections';
import { rowCells } from './table';

/**
 * Visit facts: date of service, documented E/M level, new/established, time,
 * place of service, the problems in the assessment/plan (and whether each is
 * managed beyond a procedure decision), G2211/57/ABN cues, and charges the note
 * itself lists ("11102 x1", "17003 x 4", "11642-59").
 */

const DOS_LABEL =
  /\b(?:dos|date\s+of\s+service|service\s+date|visit\s+date|date\s+of\s+visit|encounter\s+date|appointment\s+date|appt\s+date|exam\s+date|procedure\s+date|date\s+of\s+procedure|treatment\s+date|date\s+of\s+treatment|date\s+of\s+encounter|seen\s+on)\b\s*(?:[:#-]\s*)?/i;

const BARE_DATE_LINE =
  /^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})(?:[T\s,@]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\s*$/i;

/** Words that title a note: "Clinic note", "Derm follow-up", "MOHS SURGERY". */
const TITLE_WORDS = String.raw`note|visit|encounter|consult(?:ation)?|clinic|follow[- ]?up|f\/u|surgery|procedure|operative|mohs`;
/** A title opening the line, its date anywhere after it: "Clinic note 11/19/2026 Test, Patient". */
const NOTE_TITLE_LINE = new RegExp(String.raw`^\s*(?:[a-z]+\s+){0,3}(?:${TITLE_WORDS})\b`, 'i');
/** A title anywhere on the line (its date must then be set off: SET_OFF_DATE). */
const TITLE_WORD = new RegExp(String.raw`\b(?:${TITLE_WORDS})\b`, 'i');
/** A header line about another day: a report's own dates, earlier or later visits, a referral. */
const OTHER_VISIT = /\b(?:printed|signed|received|reported|collected|addend\w*|last|previous|prior|next|return|rtc|recall|due|scheduled|referr\w*|since)\b/i;
/** A date right after a dash, bar or colon (or opening the line). */
const SET_OFF_DATE =
  /(?:^|[-–—|:]\s*)(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{4}-\d{1,2}-\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})/i;

/** A header date set off by a run of spaces, a tab, a dash or a bar, and closing the line or set off after it too. */
const TRAILING_DATE =
  /(?:\s{2,}|\t|\s[-–—|]\s*)(?=(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})(?:\s*$|\s{2,}|\t|\s[-–—|]))/i;
const BIRTH = /\b(?:dob|d\.o\.b|birth|born|age)\b/i;
const BIRTH_FIELD =
  /\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)\s*(?:[:#-]\s*)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})|\bage\s*(?:[:#]\s*)?\d{1,3}(?:\s*(?:y\/?o|yo|years?(?:\s+old)?|yrs?))?/gi;

/** Date of service from a labeled line; else the first date in the header lines (not a DOB). */
/**
 * "dictated 11/20/2026", "D: 11/20/2026 T: 11/21/2026", "transcribed on …", "electronically signed … 11/22/2026": when the
 * note was dictated, typed or signed. That is not the date of service (the day the service was given; a note is often
 * dictated or signed days later), so it never stands in for one: the date-of-service finding names it for the coder.
 */
export function noteDatedOf(text: string): { date: string; what: 'dictated' | 'transcribed' | 'signed' } | undefined {
  const t = text.length > 60000 ? text.slice(0, 60000) : text;
  const m =
    /\b(dictated|transcribed|(?:electronically\s+)?signed)\b[^\n\d]{0,40}?(?=\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i.exec(t) ??
    /(?:^|\s)(d|t)\s*:\s*(?=\d{1,2}\/\d{1,2}\/\d{2,4})/im.exec(t);
  if (!m?.[1]) return undefined;
  const date = parseDate(t.slice(m.index + m[0].length, m.index + m[0].length + 12));
  if (!date) return undefined;
  const word = m[1].toLowerCase();
  return { date, what: word === 'd' || word === 'dictated' ? 'dictated' : word === 't' || word === 'transcribed' ? 'transcribed' : 'signed' };
}

export function dateOfServiceOf(text: string): string | undefined {
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  const m = DOS_LABEL.exec(head);
  if (m) {
    const d = parseDate(head.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (d) return d;
  }
  const lines = head.split('\n', 15);
  // A line opening with "Date:" dates the visit wherever it sits among the first lines ("… Mohs 11/12/2026 with flap. …"
  // above it is an earlier surgery).
  for (const line of lines) {
    const field = /^\s*date\s*[:#]\s*/i.exec(line);
    const d = field && !BIRTH.test(line) && !OTHER_VISIT.test(line) ? parseDate(line.slice(field[0].length, field[0].length + 40)) : undefined;
    if (d) return d;
  }
  for (const [i, raw] of lines.entries()) {
    let line = raw;
    // "Name: Doe, Jane   DOB: 07/07/1966   Date: 11/19/2026": the birth date (and age) leave, the rest of the line is read.
    if (BIRTH.test(line)) {
      line = line.replace(BIRTH_FIELD, ' ');
      if (BIRTH.test(line)) continue;
    }
    const otherDay = OTHER_VISIT.test(line);
    // "Visit 11/18/2026", and a note's title line: "Clinic note 11/19/2026", "Derm follow-up - 2026-03-14".
    // (A title is short: "L temple Mohs 11/12/2026 with advancement flap. Incision healing well, …" tells an earlier day.)
    if (/^\s*(?:date|visit|encounter|seen)\b/i.test(line) || (NOTE_TITLE_LINE.test(line) && !otherDay && line.trim().length <= 80)) {
      const d = parseDate(line);
      if (d) return d;
    }
    // A "Date:" field beside others on a header line: "Patient: Doe, Jane   Date: 11/23/2026".
    const field = /\bdate\s*[:#]\s*/i.exec(line);
    if (field && !otherDay) {
      const d = parseDate(line.slice(field.index + field[0].length));
      if (d) return d;
    }
    // A banner's cell: "Test, Patient (MRN 900901) | DOB 02/02/1951 | Visit 11/17/2026 | Medicare".
    const cell = /(?:^|[|•·]\s*)(?:visit|encounter|seen|dos)\s*(?:[:#]\s*)?(?=\d)/i.exec(line);
    if (cell && !otherDay) {
      const d = parseDate(line.slice(cell.index + cell[0].length));
      if (d) return d;
    }
    // A title among the first lines, its date set off by a dash or a bar: "Dermatology clinic - 11/24/2026 - Doe, Jane",
    // "Doe, Jane - Excision note - 11/25/2026" (not "seen in clinic on 10/01/2026").
    // The first lines may also open with the date: "11/22/2026  Test, Patient-623".
    const opensWithDate = i < 3 && line.length <= 80 && /^\s*\d/.test(line);
    if (i < 5 && line.length <= 120 && (opensWithDate || TITLE_WORD.test(line)) && !otherDay) {
      const date = SET_OFF_DATE.exec(line);
      const d = date ? parseDate(line.slice(date.index)) : undefined;
      if (d) return d;
    }
    // The first lines may carry the date set off by a run of spaces, a tab, a dash or a bar: "Doe, Jane      11/18/2026",
    // "Doe, Jane — 11/17/2026 — Commercial".
    if (i < 3 && line.length <= 120 && !otherDay) {
      const date = TRAILING_DATE.exec(line);
      const d = date ? parseDate(line.slice(date.index)) : undefined;
      if (d) return d;
    }
    // A header line that is only a date ("2026-03-14", "Tue 03/14/2026 9:40 AM") dates the visit.
    if (BARE_DATE_LINE.test(line)) {
      const d = parseDate(line);
      if (d) return d;
    }
    // "Progress Notes by Hannah Cole, MD at 11/20/2026 9:40 AM": the note's own time stamp on its first lines.
    const stamped = i < 3 && !otherDay ? /\bat\s+(?=\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2})/i.exec(line) : null;
    if (stamped) {
      const d = parseDate(line.slice(stamped.index + stamped[0].length));
      if (d) return d;
    }
  }
  // Dictated: "… a 70-year-old gentleman seen today on 11/19/2026 for …".
  // A treatment log's "Today 11/20/2026: session 18 given as charted" names the day of this service.
  const today =
    /\b(?:seen|evaluated|examined)\s+(?:in\s+(?:the\s+)?(?:clinic|office)\s+)?today\s*(?:,\s*|on\s+|\(\s*)?(?=\d{1,2}\/\d{1,2}\/\d{2,4})/i.exec(head) ??
    /^[ \t]*today\s*(?:,\s*|\(\s*|[-–—]\s*)?(?=\d{1,2}\/\d{1,2}\/\d{2,4}\)?\s*[:,-])/im.exec(head);
  return today ? parseDate(head.slice(today.index + today[0].length, today.index + today[0].length + 12)) : undefined;
}

const LEVEL_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, i: 1, ii: 2, iii: 3, iv: 4, v: 5 };

/**
 * Telehealth modifiers a note may write with its E/M: DermLens adds none (its reference is silent on them), but one the
 * provider documented is the provider's and stays on the line.
 */
const TELEHEALTH_MODIFIER = /^(?:95|93|GT)$/i;
/** "99213-95", "99213-25-95", "99213 95", "99213 with modifier 95", "99213 w/ mod GT": modifiers right after the code. */
const CODE_MODIFIER = /^(?:\s*(?:[-\u2010-\u2014,/]|\band\b|\bwith\b|\bw\/|\bmodifiers?\b|\bmod\b\.?|:|#)\s*|\s+)(\d{2}|[A-Z]{2})(?![\w/])/i;
/** "via telehealth, mod 95", "modifier -95 appended", "GT modifier": a telehealth modifier named anywhere. */
const NAMED_MODIFIER = /\b(?:modifiers?|mod\.?)\s*(?:[:#]\s*)?(?:-\s*)?(95|93|GT)\b|\b(95|93|GT)\s+modifier\b/gi;

function emModifiersOf(t: string, codeEnd: number | undefined): string[] {
  const out = new Set<string>();
  if (codeEnd !== undefined) {
    let rest = t.slice(codeEnd, codeEnd + 60);
    for (let m = CODE_MODIFIER.exec(rest); m?.[1]; m = CODE_MODIFIER.exec(rest)) {
      if (TELEHEALTH_MODIFIER.test(m[1])) out.add(m[1].toUpperCase());
      else if (!/^(?:25|57|24|GC|\d{2})$/i.test(m[1])) break;
      rest = rest.slice(m[0].length);
    }
  }
  for (const m of t.matchAll(NAMED_MODIFIER)) {
    const mod = m[1] ?? m[2];
    if (mod) out.add(mod.toUpperCase());
  }
  return [...out];
}

export function emOf(text: string): { emCode?: string; newPatient?: boolean; emModifiers?: string[]; emLevelWithoutKind?: number } {
  const t = text.length > 50000 ? text.slice(0, 50000) : text;
  const out: { emCode?: string; newPatient?: boolean; emModifiers?: string[]; emLevelWithoutKind?: number } = {};
  const np = /\b(?:new\s+patient|new\s+pt|np\s+visit|new\s+consult|initial\s+visit)\b/i.test(t);
  const est = /\b(?:established\s+(?:patient|pt)|est(?:ablished)?\s+pt|return(?:ing)?\s+patient|follow[- ]up\s+(?:patient|visit)|f\/u\s+visit)\b/i.test(t);
  if (np && !est) out.newPatient = true;
  else if (est && !np) out.newPatient = false;
  // "E/M: 99213", "Visit code 99214-25", "99213 - office visit"
  const code =
    /\b(?:e\s*(?:\/\s*)?m|e&m|visit\s+(?:code|level)|level\s+of\s+service|office\s+visit|em\s+code|los)\b[^\n\d]{0,20}(992(?:0[2-5]|1[1-5]))\b/i.exec(t) ??
    /\b(992(?:0[2-5]|1[1-5]))\b/.exec(t);
  if (code?.[1]) {
    out.emCode = code[1];
    const mods = emModifiersOf(t, code.index + code[0].length);
    if (mods.length > 0) out.emModifiers = mods;
    if (out.newPatient === undefined) out.newPatient = code[1].startsWith('9920');
    return out;
  }
  // "Level 3 established", "new patient level 4", "EST level III", "level 4 new"
  const lvl =
    /\b(new|established|est)\.?(?:\s+(?:patient|pt))?[\s,;:-]+(?:visit\s+)?(?:e\s*(?:\/\s*)?m\s+)?level\s*(\d|one|two|three|four|five|i{1,3}|iv|v)\b/i.exec(
      t,
    ) ?? /\blevel\s*(\d|one|two|three|four|five|i{1,3}|iv|v)\s+(?:e\s*(?:\/\s*)?m\s+)?(?:visit\s+)?(new|established|est)\b/i.exec(t);
  // "Est pt. … Level 4 visit.", "E/M level 3": a level with no kind beside it takes the kind the note states elsewhere.
  const bare = lvl
    ? undefined
    : (/\b(?:(?:e\s*(?:\/\s*)?m|e&m|visit|office\s+visit)\s+level|level\s+of\s+service)\s*(?::\s*)?(\d|one|two|three|four|five|i{1,3}|iv|v)\b/i.exec(t) ??
      /\blevel\s*(\d|one|two|three|four|five|i{1,3}|iv|v)\s+(?:office\s+)?(?:e\s*(?:\/\s*)?m\s+)?visit\b/i.exec(t));
  // "Level 4 visit" in a note that says neither new nor established: the level is documented, the code is not (a finding).
  if (bare?.[1] && out.newPatient === undefined) {
    const n = /^\d$/.test(bare[1]) ? Number(bare[1]) : LEVEL_WORDS[bare[1].toLowerCase()];
    if (n !== undefined && n >= 1 && n <= 5) out.emLevelWithoutKind = n;
    return out;
  }
  let levelWord = bare?.[1];
  let isNew = bare ? out.newPatient : undefined;
  if (lvl) {
    const kindWord = (/^\d|one|two|three|four|five|^[iv]+$/i.test(lvl[1] as string) ? lvl[2] : lvl[1]) as string;
    levelWord = (kindWord === lvl[1] ? lvl[2] : lvl[1]) as string;
    isNew = /^new/i.test(kindWord);
  }
  const level = levelWord ? (/^\d$/.test(levelWord) ? Number(levelWord) : LEVEL_WORDS[levelWord.toLowerCase()]) : undefined;
  if (level && isNew !== undefined && level >= (isNew ? 2 : 1) && level <= 5) {
    out.emCode = isNew ? `9920${level}` : `9921${level}`;
    out.newPatient = isNew;
    const mods = emModifiersOf(t, undefined);
    if (mods.length > 0) out.emModifiers = mods;
  }
  return out;
}

export function minutesOf(text: string): number | undefined {
  const t = text.length > 50000 ? text.slice(0, 50000) : text;
  const m =
    /\b(?:total\s+(?:time|face[- ]to[- ]face\s+time|practitioner\s+time|visit\s+time)|time\s+spent|spent\s(?:\s*a\s+total\s+of\s)?|total\s+of)(?:\s+(?:spent|on|in|the|date|day|of|this|that|encounter|visit|today|by\s+me|personally|with\s+the\s+patient)){0,7}(?:\s*\([^()\n]{1,80}\))?\s*(?:(?:[:=]|was|of)\s*)?(?:approximately\s+|approx\.?\s+|over\s+)?(\d{1,3})\s*(?:minutes|mins?)\b/i.exec(
      t,
    );
  if (m?.[1]) return Number(m[1]);
  // "Time: 35 minutes total on date of encounter", "35 min total time", "40 minutes were spent on the date of service".
  const written =
    /\b(?:time|visit\s+time|encounter\s+time)\s*[:=]\s*(\d{1,3})\s*(?:minutes|mins?)\b(?=[^.\n]{0,40}\b(?:total|date|encounter|visit|today))/i.exec(t) ??
    /\b(\d{1,3})\s*(?:minutes|mins?)\s+(?:of\s+)?total\b|\b(\d{1,3})\s*(?:minutes|mins?)\s+(?:were|was)\s+spent\b/i.exec(t);
  const n = written?.[1] ?? written?.[2];
  return n ? Number(n) : undefined;
}

/** "MDM: moderate", "Medical decision making - low complexity", "moderate complexity MDM". */
export function mdmOf(text: string): Visit['mdm'] {
  const t = text.length > 50000 ? text.slice(0, 50000) : text;
  const m =
    /\b(?:mdm|medical\s+decision[- ]making)\b\s*(?:(?:level|complexity|is|was|of)\s*)?(?:[:=\-–]\s*)?(?:of\s+)?(straightforward|low|moderate|high)\b/i.exec(
      t,
    ) ?? /\b(straightforward|low|moderate|high)(?:\s+complexity)?\s+(?:mdm|medical\s+decision[- ]making)\b/i.exec(t);
  return m?.[1] ? (m[1].toLowerCase() as Visit['mdm']) : undefined;
}

export function placeOfServiceOf(text: string): string | undefined {
  const t = text.length > 50000 ? text.slice(0, 50000) : text;
  const m = /\b(?:pos|place\s+of\s+service)\b\s*(?:[:#-]\s*)?(?:[a-z][a-z ]{0,29}\(?\s*|\(\s*)?(\d{2})\b/i.exec(t);
  if (m?.[1]) return m[1];
  const w =
    /\b(?:pos|place\s+of\s+service)\b\s*(?:[:#-]\s*)?(office|clinic|telehealth|hospital\s+outpatient|outpatient\s+hospital|ambulatory\s+surgical\s+center|asc|inpatient)/i.exec(
      t,
    );
  if (!w?.[1]) return undefined;
  const word = w[1].toLowerCase();
  // CMS POS codes: 11 office, 22 on-campus outpatient hospital, 24 ASC, 21 inpatient, 10 telehealth at home.
  if (word === 'office' || word === 'clinic') return '11';
  if (word.includes('outpatient')) return '22';
  if (word === 'asc' || word.includes('surgical')) return '24';
  if (word === 'inpatient') return '21';
  if (word === 'telehealth') return '10';
  return undefined;
}

const MANAGED =
  /\b(?:start(?:ed|ing)?|continue[sd]?|cont\.?|resume|rx|prescri(?:be|bed|ption)|refill(?:ed|s)?|increase[sd]?|decrease[sd]?|taper(?:ed)?|discontinue[sd]?|stop(?:ped)?|switch(?:ed)?|change[sd]?\s+to|labs?|lab\s+work|cbc|cmp|lfts?|lipid|quantiferon|tb\s+test|culture|koh|patch\s+test(?:ing)?|counsel(?:l)?(?:ed|ing)?|educat(?:ed|ion)|discussed\s+(?:treatment|options|management|diagnosis|prognosis|risks\s+of\s+(?:the\s+)?(?:medication|drug))|refer(?:red|ral)?|monitor(?:ing)?|cream|ointment|lotion|gel|foam|solution|shampoo|topical|oral|tablets?|capsules?|mg\b|bid|tid|qd|qhs|daily|twice|weekly|apply|biologic|methotrexate|doxycycline|minocycline|spironolactone|isotretinoin|accutane|dupixent|dupilumab|tretinoin|clobetasol|triamcinolone\s+(?:\d|cream|ointment)|hydrocortisone|ketoconazole|terbinafine|valacyclovir|cephalexin|mupirocin|imiquimod|efudex|5-?fu|fluorouracil|calcipotriene|tacrolimus|pimecrolimus|ruxolitinib|sunscreen|spf|work[- ]?up|imaging|ultrasound|ct\b|mri\b)\b/i;
/** "soak BID, RTC 2 wk", "Vaseline and a bandage daily": care of today's wound belongs to the procedure, no other problem managed. */
const WOUND_CARE =
  /\b(?:(?:warm\s+|epsom\s+(?:salt\s+)?)?soaks?|soaking|dressing(?:\s+changes?)?|bandages?|band-?aids?|wound\s+care|vaseline|petrolatum|aquaphor|keep\s+(?:it\s+|the\s+(?:site|wound)\s+)?(?:clean|dry|covered))\b[^.;,\n]*/gi;
/**
 * "Will call w/ path; next steps depend on result (ED&C vs excision vs Mohs referral)": what follows the biopsy's result
 * is the biopsied lesion's own care, no other problem managed (reference §10.1).
 */
const RESULT_FOLLOW_UP =
  /\b(?:will\s+)?(?:call|notify|contact|message|phone)\s+(?:(?:the\s+)?(?:pt|patient)\s+|her\s+|him\s+|them\s+)?(?:w\/|with|re:?|about|once|when)\s+(?:the\s+)?(?:path(?:ology)?|results?|bx\s+results?|biopsy\s+results?)\b[^.;\n]*|\b(?:next\s+steps?|further\s+(?:tx|treatment|management)|(?:definitive\s+)?treatment|plan)\s+(?:will\s+)?depend\w*\s+on\s+(?:the\s+)?(?:path(?:ology)?|results?|biopsy|bx)\b[^.;\n]*/gi;
const PROCEDURE_ONLY =
  /\b(?:biops|bx|ln2|cryo|liquid\s+nitrogen|destruction|destroyed|excis|shave|punch|ed&c|ed\s*&\s*c|mohs|ilk|intralesional|curettage|removed|snip|i\s*&\s*d\b|incis(?:ed|ion)\s+(?:and|&)\s+drain|drained)/i;
/** "after topical lidocaine", "EMLA cream applied 45 min prior": numbing for today's procedure, no problem managed. */
const ANESTHETIC =
  /\b(?:emla|lmx\s*\d*|ela-?max|betacaine|benzocaine|pliaglis|topical\s+(?:anesthetic|anaesthetic|numbing)|(?:topical\s+)?(?:lidocaine|lido|xylocaine|tetracaine|prilocaine))(?:\s+\d+(?:\.\d+)?\s*%)?(?:\s+(?:cream|gel|ointment|oint|jelly))?(?:\s+(?:w\/|with)\s+epi\w*)?/gi;
/** A drug strength per volume, with the drug named before it ("Kenalog 10 mg/mL", "triamcinolone 40 mg/cc"). */
const INJECTED_STRENGTH =
  /\b(?:(?:kenalog|triamcinolone(?:\s+acetonide)?|tac|5-?fu|fluorouracil|lidocaine|lido)[-\s]*)?\d+(?:\.\d+)?\s*mg\s*\/\s*(?:ml|cc)\b/gi;
/** An incision and drainage told in the problem. */
const DRAINAGE = /\b(?:i\s*&\s*d|incis(?:ed|ion)\s+(?:and|&)\s+drain\w*|drain(?:ed|age))\b/i;
/**
 * "I&D … Culture sent.", "swabbed for C&S": a culture of the pus drained today is the drainage's own work (§10.1: what is
 * tied to the procedure is not a separate problem's management).
 */
const DRAINAGE_CULTURE =
  /\b(?:(?:wound|bacterial|aerobic|anaerobic)\s+)?cultures?(?:\s+(?:and|&)\s+sens\w*)?\s+(?:was\s+|were\s+)?(?:sent|obtained|taken|collected|done|swabbed)\b|\b(?:sent|swabbed|obtained|taken)\s+(?:a\s+)?(?:(?:wound|bacterial)\s+)?(?:for\s+)?(?:cultures?|c\s*&\s*s)\b/gi;

export interface Problem {
  text: string;
  icd10?: string;
  separatelyManaged: boolean;
  span?: Span;
}

/** Problems from the assessment/plan: numbered or bulleted items, or one per line. */
/** A line about the visit's level, not a problem: "MDM moderate: …", "E/M: 99214-25", "99213", "Total time 35 min". */
const VISIT_LINE =
  /^\s*(?:mdm\b|medical\s+decision[- ]making|e\s*\/\s*m\b|e&m\b|level\s+of\s+(?:service|mdm)|(?:total\s+)?time\s*(?::|spent|\d|was|of)|(?:99[2-4]\d\d|g2211)\b)/i;

export function problemsOf(sections: Section[], spanOf: (start: number, end: number) => Span | undefined): Problem[] {
  const out: Problem[] = [];
  // A note without an assessment heading: its numbered items ("1. Warts — LN2", "2. Seb derm — start ketoconazole") are the plan.
  const hasPlan = sections.some((s) => s.role === 'assessment');
  for (const s of sections) {
    if (hasPlan ? s.role !== 'assessment' : s.role !== 'note' && s.role !== 'header') continue;
    const numberedOnly = !hasPlan;
    const units = sectionUnits(s);
    // A note typed all in lower case starts its problems with lower-case letters too. Asked only of a line that
    // opens in lower case (most sections never have one), then remembered for the section.
    let lowerCaseNote: boolean | undefined;
    const lowerCase = () => {
      // ICD-10 codes keep their capitals in a lower-case note ("acne (L70.0): …"), as abbreviations do.
      lowerCaseNote ??= !/[A-Z]/.test(s.text.replace(/\b[A-Z]{1,5}\b|\d[A-Z]|\b[A-Z]\d{2}(?:\.[\dA-Z]{1,4})?\b/g, ''));
      return lowerCaseNote;
    };
    let current: { text: string; body: string; start: number; end: number } | undefined;
    const flush = () => {
      if (!current) return;
      // "one, rule out BCC L nasal ala. two, actinic keratoses, forehead.": a dictated list run on in one line is one
      // problem per spoken number.
      const spoken = /^\s*(?:number\s+)?one\s*[,:]/i.test(current.text) ? spokenItems(current.body) : undefined;
      for (const item of spoken ?? [{ start: 0, end: current.body.length, head: current.text }]) {
        const body = current.body.slice(item.start, item.end);
        const p = problemFrom(spoken ? body : item.head, body, current.start + item.start, current.start + item.end, spanOf);
        if (p) out.push(p);
      }
      current = undefined;
    };
    let lineEnded = false;
    for (const u of units) {
      if (overBudget()) break;
      // "Actinic keratoses x3. Destroyed with LN2." then "Seborrheic dermatitis of scalp. Continue ketoconazole.":
      // an unindented line that opens with a capital after a line that ended its sentence is the next problem.
      // A bare "Assessment/Plan:" heading line is no problem to gather the plain lines below it into.
      const underHeading = current !== undefined && (/^\s*[^:\n]{2,40}:\s*$/.test(current.body) || BARE_HEADING.test(current.body)) && !/^\s/.test(u.text);
      // "keloids chest x3 - ILK …" then "acne vulgaris, mod-severe - restart spironolactone …": in a list of
      // "problem - plan" lines without full stops, each such line is the next problem.
      const dashItem =
        u.lineStart &&
        (!u.field || /\s[-–—]\s/.test(u.field)) &&
        DASH_ITEM.test(u.text) &&
        current !== undefined &&
        (underHeading || DASH_ITEM.test(current.text));
      const nextLine =
        dashItem || (u.lineStart && (lineEnded || underHeading) && !u.field && (/^[A-Z]/.test(u.text) || (/^[a-z]/.test(u.text) && lowerCase())));
      lineEnded = /[.!]\s*$/.test(u.text);
      if (numberedOnly && u.lineStart && u.label === undefined && !PROBLEM_NUMBER.test(u.text) && !current) continue;
      if (numberedOnly && u.lineStart && u.label === undefined && !PROBLEM_NUMBER.test(u.text) && !/^\s{2,}|^\s*[-*•]\s/.test(u.text)) {
        flush();
        continue;
      }
      // "MDM moderate: new prescription drug management …", "99214-25", "Total time 35 min": the visit's own lines under
      // the plan close its last problem and are no part of it (nor a problem of their own).
      if (u.lineStart && VISIT_LINE.test(u.text)) {
        flush();
        continue;
      }
      // "number one, …", "Problem 3 - …", "#1) …": a spoken or written problem number opens the next problem.
      const numbered = u.lineStart && PROBLEM_NUMBER.test(u.text);
      const starts =
        u.lineStart && (u.label !== undefined || numbered || u.bullet || /^\s*#\s*\S/.test(u.text) || !current || u.afterBlank || (hasPlan && nextLine));
      // "- Acne vulgaris - start tretinoin" then "- Atypical nevus R shin - punch bx": bullets at the same indent as the
      // problem's own bullet (or right under the heading line) are problems of their own; deeper ones belong to it.
      const bullet = u.lineStart ? /^(\s*)[-*•]\s/.exec(u.text) : null;
      const sibling =
        bullet !== null && current !== undefined && (underHeading || (/^(\s*)[-*•]\s/.exec(current.text)?.[1]?.length ?? -1) >= (bullet[1]?.length ?? 0));
      const continuation = current && !u.afterBlank && !sibling && (!u.lineStart || /^\s{2,}|^\s*[-*•]\s/.test(u.text)) && !u.label && !numbered;
      if (starts && !continuation) {
        flush();
        current = { text: u.text, body: u.text, start: u.start, end: u.end };
      } else if (current) {
        current.body += `\n${u.text}`;
        current.end = u.end;
      }
      if (out.length > 60) break;
    }
    flush();
  }
  if (out.length === 0 && !hasPlan) out.push(...spokenProblems(sections, spanOf));
  if (out.length === 0 && !hasPlan) out.push(...proseProblems(sections, spanOf));
  return out;
}

/** A problem from its first line (its name) and its whole text (its codes and management). */
function problemFrom(head: string, whole: string, start: number, end: number, spanOf: (start: number, end: number) => Span | undefined): Problem | undefined {
  const text = problemName(head);
  if (!text) return undefined;
  const icd = PROBLEM_ICD.exec(whole);
  const drained = DRAINAGE.test(whole) ? whole.replace(DRAINAGE_CULTURE, ' ') : whole;
  // "ILK Kenalog 10 mg/mL 0.3 cc": the injected drug's strength is the procedure's, not a prescription.
  const body = PROCEDURE_ONLY.test(drained) ? drained.replace(INJECTED_STRENGTH, ' ') : drained;
  const managed = MANAGED.test(
    body
      .replace(/\bcontinue\s+(?:to\s+)?(?:monitor|observe|watch)\b/gi, ' monitor ')
      .replace(WOUND_CARE, ' ')
      .replace(ANESTHETIC, ' ')
      .replace(RESULT_FOLLOW_UP, ' '),
  );
  const p: Problem = { text, separatelyManaged: managed && !(PROCEDURE_ONLY.test(body) && !MANAGED.test(body.replace(PROCEDURE_ONLY, ''))) };
  if (icd?.[1] && /\d/.test(icd[1])) p.icd10 = icd[1];
  const span = spanOf(start, end);
  if (span) p.span = span;
  return p;
}

const SPOKEN_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** What ends a dictated list's last item: the next spoken heading ("plan.", "procedure.") or the end of its sentence. */
const SPOKEN_LIST_END = /[.;]\s+|\n/;

/**
 * A list numbered in words inside running text: "one, rule out BCC left nasal ala. two, actinic keratoses of the
 * forehead." Each item runs from its number word to the next one (in order: two after one, three after two); the last
 * ends with its sentence. Offsets are into `text`; undefined unless two items at least are told.
 */
function spokenItems(text: string, from = 0): { start: number; end: number; head: string }[] | undefined {
  const first = /(?:^|[\s.:;,])(?:number\s+)?one\s*[,:]\s*/i.exec(text.slice(from, from + 2000));
  if (!first) return undefined;
  const items: { start: number; end: number; head: string }[] = [];
  let start = from + first.index + first[0].length;
  for (let k = 1; k < SPOKEN_NUMBERS.length; k++) {
    const next = new RegExp(String.raw`[.;]\s+(?:number\s+)?${SPOKEN_NUMBERS[k]}\s*[,:]\s*`, 'i').exec(text.slice(start, start + 600));
    if (!next) break;
    items.push({ start, end: start + next.index + 1, head: text.slice(start, start + next.index + 1) });
    start += next.index + next[0].length;
  }
  if (items.length === 0) return undefined;
  const stop = SPOKEN_LIST_END.exec(text.slice(start, start + 600));
  const end = start + (stop ? stop.index + 1 : Math.min(600, text.length - start));
  items.push({ start, end, head: text.slice(start, end) });
  return items;
}

/** A dictation with no headings: "impression. one, rule out BCC left nasal ala. two, actinic keratoses …". */
function spokenProblems(sections: Section[], spanOf: (start: number, end: number) => Span | undefined): Problem[] {
  const out: Problem[] = [];
  for (const s of sections) {
    if (s.role !== 'note' && s.role !== 'header' && s.role !== 'other') continue;
    const text = s.text.slice(0, 20_000);
    const lead = /\b(?:impressions?|assessments?(?:\s+and\s+plan)?|diagnos[ie]s|a\/p)\s*[.:,-]\s*(?=(?:number\s+)?one\s*[,:])/i.exec(text);
    if (!lead) continue;
    for (const item of spokenItems(text, lead.index + lead[0].length) ?? []) {
      const body = text.slice(item.start, item.end);
      const p = problemFrom(body, body, s.start + item.start, s.start + item.end, spanOf);
      if (p) out.push(p);
    }
  }
  return out;
}

// "99214-25: also discussed and managed his worsening hand eczema, started clobetasol": a second problem told in prose.
const SEPARATE_PROBLEM =
  /\b(?:also|additionally|in\s+addition|separate(?:ly)?|another|new\s+problem|second\s+problem)\b[^.;\n]{0,40}?\b(?:managed|addressed|evaluated|treated|seen\s+for|discussed\s+and\s+managed)\s+(?:(?:his|her|their|the|pt'?s|patient'?s)\s+)?([^,.;\n]{3,60})/i;

const CONDITION =
  /\b(?:plaque\s+)?psoriasis(?:\s+vulgaris|,?\s+plaque\b)?|\batopic\s+dermatitis|\beczema|\bseborrheic\s+dermatitis|\bseb\.?\s?derm\b|\bacne(?:\s+vulgaris)?|\brosacea|\bhidradenitis(?:\s+suppurativa)?|\bvitiligo|\balopecia\s+areata|\burticaria|\b(?:cutaneous\s+)?lupus|\btinea\s+\w+|\bonychomycosis|\bhyperhidrosis|\bmelasma|\blichen\s+planus|\bpemphigoid|\bprurigo\s+nodularis|\bmorphea\b/i;
// (A strength and a schedule are a prescription too: "Melasma - hydroquinone 4% qhs and sunscreen.")
const STRONG_MANAGEMENT =
  /\b(?:cont(?:inue[sd]?)?\b\.?|start(?:ed|ing)?|refill(?:ed|s)?|rx\b|prescri\w+|increase[sd]?|decrease[sd]?|taper(?:ed)?|switch(?:ed)?|stop(?:ped)?|discontinue[sd]?|labs?\b|biologic)|\d\s*(?:%|mg\b)[^.\n]{0,30}?\b(?:qd|qhs|qam|bid|tid|daily|nightly|twice\s+(?:a\s+)?day)\b/i;

/** "Psoriasis: …", "- Acne vulgaris - …", "Acne vulgaris, moderate, on isotretinoin …": a line that opens with a condition's name. */
const CONDITION_LINE = /^[ \t]*(?:[-*•][ \t]*)?([A-Za-z][A-Za-z' ]{2,40}?)[ \t]*(?::|,|[ \t][-–—][ \t])[ \t]*([^\n]+)$/gm;

/** A note with no plan and no numbered items: sentences that name another problem and manage it. */
function proseProblems(sections: Section[], spanOf: (start: number, end: number) => Span | undefined): Problem[] {
  const out: Problem[] = [];
  for (const s of sections) {
    if (s.role !== 'note' && s.role !== 'header' && s.role !== 'other') continue;
    const text = s.text.slice(0, 20_000);
    // "Psoriasis: BSA 12%, failing topicals. Start apremilast titration pack.": a line headed by the condition manages it
    // in its later sentences too.
    for (const m of text.matchAll(CONDITION_LINE)) {
      const rest = m[2] ?? '';
      // The condition's own words may run past the head's comma ("Psoriasis, plaque (L40.0) - start …").
      const found = CONDITION.exec(m[0]);
      const named = found && found.index < m[0].length - rest.length ? found[0] : undefined;
      if (!named || !STRONG_MANAGEMENT.test(rest) || PROCEDURE_ONLY.test(rest)) continue;
      const p: Problem = { text: named.trim(), separatelyManaged: true };
      const start = s.start + (m.index ?? 0);
      const span = spanOf(start, start + m[0].length);
      if (span) p.span = span;
      out.push(p);
      if (out.length > 5) return out;
    }
    if (out.length > 0) continue;
    // One sentence per match, a decimal point ("2.5 mg") staying inside it; no backtracking, so a long
    // run without a full stop costs linear time (the old `[^.\n]+(?:\.(?!\d)|…)` went quadratic on "AAA….7").
    // "Established pt with hidradenitis suppurativa … flare of the L axilla." then "Discussed adalimumab; labs ordered …" and
    // "Continue doxycycline.": in one paragraph, management told in sentences that name no condition of their own is the
    // condition's named before them.
    let named: string | undefined;
    for (const m of text.matchAll(/(?:[^.\n]|\.(?=\d))+(?:\.|\n|$)/g)) {
      const sentence = m[0];
      if (!sentence.trim()) {
        named = undefined;
        continue;
      }
      const found = SEPARATE_PROBLEM.exec(sentence);
      const rest = found ? sentence.slice(found.index) : '';
      // "Est pt, psoriasis on Skyrizi doing well, cont.": a named chronic condition whose treatment is managed.
      const condition = found ? undefined : CONDITION.exec(sentence);
      const history = condition ? /\b(?:h\/o|hx(?:\s+of)?|history\s+of|pmh|pmhx)\s*(?::\s*)?$/i.test(sentence.slice(0, condition.index)) : false;
      const managedHere = STRONG_MANAGEMENT.test(sentence) && !PROCEDURE_ONLY.test(sentence);
      const text =
        found?.[1] && MANAGED.test(rest) && !PROCEDURE_ONLY.test(rest)
          ? found[1]
          : condition?.[0] && managedHere && !history
            ? condition[0]
            : !condition && !found && named && managedHere
              ? named
              : undefined;
      if (condition?.[0]) named = history ? undefined : condition[0];
      if (!text) continue;
      if (text === named && out.some((p) => p.text === text.trim())) continue;
      const p: Problem = { text: text.trim(), separatelyManaged: true };
      const start = s.start + (m.index ?? 0);
      const span = spanOf(start, start + sentence.length);
      if (span) p.span = span;
      out.push(p);
      if (out.length > 5) return out;
    }
  }
  return out;
}

/** A heading line with no colon: "a/p", "assessment and plan", "Impression/Plan". */
const BARE_HEADING = /^\s*(?:a\s*\/\s*p|a\s*&\s*p|assessment(?:\s*(?:and|&|\/)\s*plan)?|impression(?:\s*(?:and|&|\/)\s*plan)?|plan|diagnos[ie]s)\s*$/i;
/** "acne vulgaris, mod-severe - restart …": a short problem name, a spaced dash, then what was done about it. */
const DASH_ITEM = /^\s*[A-Za-z][^\n.]{1,60}?\s[-–—]{1,2}\s+\S/;

/** "number one,", "Number 2:", "problem 3 -", "Problem #4:", "#1)", "# 2." at the start of a line. */
const PROBLEM_NUMBER =
  /^\s*(?:number\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b\s*[,:.)-]?|problem\s*(?:#\s*)?\d{1,2}\b\s*[,:.)-]?|#\s*\d{1,2}\s*[,:.)-])/i;

const PROBLEM_END = /\s[-–—]{1,2}\s|[:;]|\.\s|\(\s*[A-Z]\d/;

function problemName(raw: string): string | undefined {
  let t = raw
    .replace(PROBLEM_NUMBER, '')
    .replace(/^\s*(?:#\s*\d{1,2}\s+|[-*•#>]+\s*|\d{1,2}[.)]\s*|\(?[A-Za-z]\)\s*|[A-Z][.:]\s+)/, '')
    .trim();
  // The part before the first separator (what `split(…)[0]` gives, without splitting the rest).
  const cut = PROBLEM_END.exec(t);
  t = (cut ? t.slice(0, cut.index) : t).trim();
  t = t
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[.,]$/, '')
    .trim();
  if (t.length < 2 || t.length > 160) return undefined;
  if (/^(?:plan|assessment|impression|follow[- ]?up|rtc|return|f\/u|none|n\/a|see\s+above|a\s*\/\s*p|a\s*&\s*p)\b/i.test(t)) return undefined;
  // "- Sunscreen counseling. RTC 6 mo.": advice under the plan, not a problem of its own.
  if (
    /^(?:sunscreen|sun\s+(?:protection|avoidance|safety)|photoprotection|spf|counsel\w*|educat\w*|wound\s+care|(?:risks|r\/b)\b|consent|(?:patient\s+)?instructions|handouts?)\b/i.test(
      t,
    )
  )
    return undefined;
  // "level of service 99213", "E/M 99213-25": the visit's code line, not a problem.
  if (/^(?:level\s+of\s+service|los\b|e\s*\/\s*m\b|e&m\b|em\s+code|visit\s+(?:code|level)|99\d{3}\b)/i.test(t)) return undefined;
  return t;
}

type VisitFlags = Pick<Visit, 'longitudinalCare' | 'decisionForSurgery' | 'abnOnFile' | 'denialRequested' | 'technicalComponentOnly' | 'provider'>;

export function visitFlags(text: string): VisitFlags {
  const t = text.length > 100000 ? text.slice(0, 100000) : text;
  const out: VisitFlags = {};
  if (
    /\b(?:g2211|longitudinal\s+care|ongoing\s+(?:longitudinal\s+)?care\s+(?:of|for)|continuing\s+focal\s+point|continuing\s+care\s+(?:of|for)|focal\s+point\s+(?:for|of)\s+(?:all\s+)?(?:needed\s+)?(?:services|care)|(?:ongoing|continuing|longitudinal|long-term)\s+dermatologist|(?:i|we)\s+(?:have\s+)?(?:managed|been\s+managing|followed|been\s+following)\s+(?:\S+\s+){0,4}?for\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years)\b/i.test(
      t,
    )
  )
    out.longitudinalCare = true;
  if (
    /\b(?:decision\s+(?:for|to\s+(?:proceed\s+with|perform))\s+(?:surgery|mohs|excision|the\s+procedure)|decided\s+to\s+proceed\s+with|decision\s+for\s+surgery\s+(?:was\s+)?made|modifier\s+57)\b/i.test(
      t,
    )
  )
    out.decisionForSurgery = true;
  // "ABN reviewed and signed by pt before treatment", "pt signed the ABN"; never "ABN not signed", "declined to sign the ABN".
  const abn =
    /\b(?:(?:abn|advance\s+beneficiary\s+notice)\b[^.;\n]{0,40}?\b(?:signed|obtained|on\s+file|completed|given)|signed\s+(?:the\s+|an?\s+)?(?:voluntary\s+)?abn)\b/i.exec(
      t,
    );
  // "No ABN given": the negation stands right before the ABN too.
  const before = abn ? t.slice(Math.max(0, abn.index - 20), abn.index) : '';
  if (
    abn &&
    !/\b(?:not|no|never|declin\w*|refus\w*|unsigned|without)\b/i.test(abn[0]) &&
    !/\b(?:no|not|never|without)\s+(?:an?\s+|the\s+)?(?:voluntary\s+)?$/i.test(before)
  )
    out.abnOnFile = true;
  if (denialRequested(t)) out.denialRequested = true;
  if (technicalOnly(t)) out.technicalComponentOnly = true;
  const prov = /^[ \t]*(?:provider|rendering\s+provider|attending|physician|surgeon|performed\s+by)[ \t]*:[ \t]*([^\n]{2,80})$/im.exec(t);
  if (prov?.[1]) {
    // "A. Rivera, MD   Location: Main St Dermatology": the name ends at a wide gap, a tab, a bar or the next "Label:".
    const name = prov[1]
      .split(
        /\s{2,}|\t|\s\|\s|\s+(?=(?:location|clinic|facility|office|site|dept|department|date|dos|visit|mrn|dob|npi|specialty|place|pos|service|encounter|patient|time|supervising|referring|ordering|scribe|assistant|nurse|ma)\b[^:\n]{0,20}:)/i,
      )[0]
      ?.replace(/[\s,;|]+$/, '')
      .trim();
    if (name) out.provider = name;
  }
  return out;
}

/**
 * The patient asks that the claim go to the payer to be denied ("pt requests claim be submitted to Medicare for
 * denial", "wants a Medicare denial", "bill Medicare for a denial"): §12.5 then submits the cosmetic lines with GY.
 * A sentence that says the patient does not want it ("declined to have it submitted for denial") is no request.
 */
export function denialRequested(text: string): boolean {
  // The sentence around each "denial", found by its edges (a sentence pattern backtracks over a long line).
  for (const m of text.matchAll(/\bdenial\b/gi)) {
    const at = m.index ?? 0;
    const head = text.slice(Math.max(0, at - 200), at);
    const tail = text.slice(at, at + 200);
    const s = head.slice(Math.max(head.lastIndexOf('.'), head.lastIndexOf(';'), head.lastIndexOf('\n')) + 1) + (/^[^.;\n]*/.exec(tail)?.[0] ?? '');
    if (!/\b(?:request\w*|ask\w*|wants?|wish\w*|prefers?|submit\w*|sen[dt]\w*|bill\w*|fil(?:e|ed|ing))\b/i.test(s)) continue;
    if (
      /\b(?:for|a|an|the|to\s+get|to\s+obtain|get|obtain)\s+(?:(?:medicare|insurance|payer|claim)\s+)?denial\b|\bdenial\s+(?:claim|requested|letter)\b/i.test(
        s,
      ) === false
    )
      continue;
    if (/\b(?:not|no|never|declin\w*|refus\w*|doesn'?t|does\s+not|won'?t|don'?t)\b/i.test(s)) continue;
    return true;
  }
  return false;
}

const CODE = String.raw`(?<![\d.])(\d{5}|[A-Z]\d{4})(?![\d.])`;
/**
 * An ICD-10-CM code written with a problem. A bare external-cause category (V00–Y99 without a
 * decimal part) is never the code of a skin problem, and in capitals it is a count mark:
 * "AKS X11 (L57.0)" names eleven AKs and L57.0.
 */
// "path #S26-4410" is an accession number, not S26: no code right after '#' or before '-1234'.
const PROBLEM_ICD = /(?<![#\w-])((?:[A-TZ]\d{2}|[V-Y]\d{2}(?=\.[0-9A-Z]))(?:\.[0-9A-Z]{1,4})?)\b(?![-/]\d)/;

const CHARGE_LINE = new RegExp(CODE);
const CHARGE_CODES = new RegExp(String.raw`${CODE}((?:\s*-\s*[0-9A-Z]{2}\b|\s*,?\s*mod(?:ifier)?s?\s*:?\s*[0-9A-Z]{2}\b(?:\s*,\s*[0-9A-Z]{2}\b)*)*)`, 'g');

/** Charges the note itself lists, from a Charges/Billing/CPT section. */
interface ChargeGrid {
  kind: 'pipes' | 'tabs' | 'aligned';
  width: number;
  /** Aligned columns: where each header cell starts. */
  starts: number[];
  units?: number;
  mods?: number;
}

/** The cells of a grid row, one per header column (empty cells kept). */
function gridCells(line: string, grid: Pick<ChargeGrid, 'kind' | 'starts'>): string[] {
  if (grid.kind !== 'aligned') return rowCells(line);
  // Aligned: a run of words belongs to the column whose header starts at or just before it.
  const cells = grid.starts.map(() => '');
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
    let k = grid.starts.length - 1;
    while (k > 0 && m.index < (grid.starts[k] as number) - 2) k--;
    cells[k] = cells[k] ? `${cells[k]} ${m[0]}` : m[0];
  }
  return cells;
}

/** "CPT | Description | Mod | Units | Dx" (pipes, tabs or aligned columns): where the units and modifiers are. */
function chargeGridHeader(line: string): ChargeGrid | undefined {
  if (CHARGE_LINE.test(line) || !/\b(?:units?|qty|quantity|mod(?:ifiers?|s)?)\b/i.test(line)) return undefined;
  const kind: ChargeGrid['kind'] = line.includes('|') ? 'pipes' : line.includes('\t') ? 'tabs' : 'aligned';
  const words = [...line.matchAll(/\S+(?: \S+)*/g)];
  const starts = words.map((m) => m.index);
  const cells = kind === 'aligned' ? words.map((m) => m[0]) : gridCells(line, { kind, starts });
  if (cells.length < 3 || !cells.some((c) => /^(?:cpt|hcpcs|code|cpt\s*code|procedure(?:\s+code)?|service)s?$/i.test(c))) return undefined;
  const units = cells.findIndex((c) => /^(?:units?|qty|quantity|#\s*units|days\/units)$/i.test(c));
  const mods = cells.findIndex((c) => /^(?:mod(?:ifiers?|s)?\.?|modifier\s*\d?)$/i.test(c));
  if (units < 0 && mods < 0) return undefined;
  return { kind, width: cells.length, starts, ...(units >= 0 ? { units } : {}), ...(mods >= 0 ? { mods } : {}) };
}

export function chargesOf(sections: Section[]): EnteredCharge[] {
  const out: EnteredCharge[] = [];
  for (const s of sections) {
    if (s.role !== 'charges') continue;
    if (overBudget()) break;
    const dxList = new Map<string, string>();
    for (const line of s.text.split('\n', 400)) {
      const d = /^\s*(?:dx\s*)?(\d{1,2})[.):]\s*([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)\b/i.exec(line);
      if (d?.[1] && d[2]) dxList.set(d[1], d[2].toUpperCase());
    }
    // A charge grid ("CPT | Description | Mod | Units | Dx"): its header row says which cell holds units and modifiers.
    let grid: ChargeGrid | undefined;
    for (const rawLine of s.text.split('\n', 400)) {
      const line = rawLine.slice(0, 400);
      const header = chargeGridHeader(line);
      if (header) {
        grid = header;
        continue;
      }
      if (!CHARGE_LINE.test(line)) continue;
      const cells = grid ? gridCells(line, grid) : undefined;
      const row = cells && grid && cells.length >= grid.width - 1 ? cells : undefined;
      const re = CHARGE_CODES;
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const code = m[1] as string;
        // ICD-10 codes (letter + 2 digits + dot) are diagnoses, not charges.
        if (/^[A-Z]/.test(code) && !/^[JGQ]\d{4}$/.test(code)) continue;
        if (!/^(?:[1-9]\d{4}|[JGQ]\d{4})$/.test(code)) continue;
        const after = line.slice(m.index + m[0].length);
        const gridMods = row && grid?.mods !== undefined ? (row[grid.mods] ?? '') : '';
        // eCW's Billing Information names them after the description: "11102 TANGNTL BX SKIN SINGLE LES. Modifiers: 59".
        const named = row
          ? ''
          : (/\b[Mm]odifiers?\s*:\s*([0-9A-Z]{2}(?:\s*,\s*[0-9A-Z]{2})*)\b/.exec(after.split(/\b(?:[1-9]\d{4}|[JGQ]\d{4})\b/)[0] ?? '')?.[1] ?? '');
        const modifiers = [...`${m[2] ?? ''} ${gridMods} ${named}`.matchAll(/\b([0-9A-Z]{2})\b/g)]
          .map((x) => x[1] as string)
          .filter((x, k, all) => !/^(?:MO|OD)$/.test(x) && all.indexOf(x) === k);
        const gridUnits = row && grid?.units !== undefined ? /^\s*(\d{1,3})\s*$/.exec(row[grid.units] ?? '')?.[1] : undefined;
        const unitsM = gridUnits
          ? undefined
          : /^\s*(?:x|×|\*)\s*(\d{1,3})\b|^[^\n]{0,30}?\b(?:units?|qty|quantity)\s*(?:[:=]\s*)?(\d{1,3})\b|^\s*\((\d{1,3})\)/i.exec(after);
        const units = gridUnits ? Number(gridUnits) : unitsM ? Number(unitsM[1] ?? unitsM[2] ?? unitsM[3]) : 1;
        const dx: string[] = [];
        const tail = after.slice(0, 200);
        for (const x of tail.matchAll(/\b([A-TV-Z]\d{2}\.[0-9A-Z]{1,4}|[A-TV-Z]\d{2})\b/g)) {
          const c = (x[1] as string).toUpperCase();
          if (!/^[JGQ]\d{4}$/.test(c) && !dx.includes(c)) dx.push(c);
        }
        const ptr = /\b(?:dx|pointers?|ptr)\s*(?:[:#]\s*)?((?:\d{1,2}\s*(?:,\s*)?){1,4})/i.exec(tail);
        if (dx.length === 0 && ptr?.[1]) {
          for (const p of ptr[1].split(/[\s,]+/)) {
            const c = dxList.get(p);
            if (c && !dx.includes(c)) dx.push(c);
          }
        }
        out.push({ code, units: units > 0 ? units : 1, modifiers, dx });
        if (out.length > 200) return out;
      }
    }
  }
  return out;
}

/**
 * "Slides prepared in our office histology lab (technical component billed by us); read by Dr. Y at Lakeside
 * Dermatopathology, who bills the interpretation": the practice's pathology lines are the technical component only
 * (§7.3 TC). Both halves must be told: the practice makes the slides, and someone else bills the reading.
 */
export function technicalOnly(text: string): boolean {
  const ours =
    /\btechnical\s+component\s+(?:is\s+)?(?:billed|billing)\s+by\s+(?:us|the\s+practice|our\s+office)\b|\b(?:slides?|specimens?|tissue)\b[^.\n]{0,60}\b(?:prepared|processed|cut)\b[^.\n]{0,40}\b(?:in\s+)?(?:our|the\s+practice'?s|in[- ]house|in[- ]office)\s+(?:\w+\s+)?(?:histology|histo|lab|laboratory)\b/i.test(
      text,
    );
  if (!ours) return false;
  return /\b(?:bills?|billed|billing)\s+(?:for\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:interpretation|professional\s+component|reading|read|26)\b[^.\n]{0,20}|\b(?:interpretation|professional\s+component)\s+(?:is\s+)?(?:billed|billing)\s+(?:separately\s+)?by\s+(?!us\b|the\s+practice\b|our\b)/i.test(
    text,
  );
}
