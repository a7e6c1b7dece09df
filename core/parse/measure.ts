import { findSites } from '../anatomy/vocabulary';
import { parseMemo } from './memo';

/**
 * Numbers, sizes, areas, margins, lengths and counts as notes write them. Every
 * regex here is linear (no nested quantifiers) and runs on one capped line or block.
 */

const WORD_NUMBERS: Record<string, number> = {
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/** "12", "twelve", "twenty-two", "twenty two" → number; undefined otherwise. */
export function wordNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,6}$/.test(t)) return Number(t);
  const parts = t.split(/[\s-]+/);
  if (parts.length === 1) return WORD_NUMBERS[t];
  if (parts.length === 2) {
    const tens = WORD_NUMBERS[parts[0] as string];
    const ones = WORD_NUMBERS[parts[1] as string];
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
  }
  return undefined;
}

export const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6,
};

/** Stage numbers: "2", "II", "second", "2nd". */
export function stageNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  return ROMAN[t] ?? ORDINALS[t] ?? wordNumber(t);
}

function toCm(value: number, unit: string): number {
  const u = unit.toLowerCase();
  return round(u.startsWith('mm') ? value / 10 : value);
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export interface SizeMention {
  /** Dimensions in cm, as written (1, 2 or 3). */
  dims: number[];
  start: number;
  end: number;
}

// "1.2 x 0.8 cm", "12 x 8 mm", "1.2 cm x 0.8 cm", "1.2cm", "4 mm", "1.2 by 0.8 cm", "2 x 3 x 0.4 cm"
const NUM = String.raw`(\d{1,3}(?:\.\d{1,3})?|\.\d{1,3})`;
// "1.2cmx0.8cm": a unit may run straight into the "x" of the next dimension.
const UNIT = String.raw`(cm|mm|centimeters?|millimeters?)(?:\b|(?=[x×]\s*\d))`;
const SEP = String.raw`\s*(?:x|×|\*|by)\s*`;
const SIZE_RE = new RegExp(String.raw`(?<![\d.])${NUM}\s*(?:${UNIT})?(?:${SEP}${NUM}\s*(?:${UNIT})?)?(?:${SEP}${NUM}\s*(?:${UNIT})?)?(?!\d)(?!\.\d)`, 'gi');

/** Every UNIT spelling holds one of these. */
const UNIT_WORD = /cm|mm|centimet|millimet/i;

/** Every size written with a length unit, in cm. Bare numbers without a unit are ignored. */
export function findSizes(text: string): SizeMention[] {
  const out: SizeMention[] = [];
  // Only a size with a unit counts: a text naming no unit has none (and most clauses have none).
  if (!UNIT_WORD.test(text)) return out;
  SIZE_RE.lastIndex = 0;
  for (let m = SIZE_RE.exec(text); m; m = SIZE_RE.exec(text)) {
    if (m[0].length === 0) {
      SIZE_RE.lastIndex++;
      continue;
    }
    // Most numbers of a note (dates, codes, counts) carry no unit: they are dropped before anything is built for them.
    const lastUnit = m[6] ?? m[4] ?? m[2];
    if (!lastUnit) continue;
    // Area units right after ("6 cm2", "6 sq cm") are areas, not sizes.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (/^(?:2|²|\^2)/.test(after)) continue;
    const before = text.slice(Math.max(0, m.index - 7), m.index).toLowerCase();
    if (/sq\.?\s*$|square\s*$/.test(before)) continue;
    const nums = [m[1], m[3], m[5]].filter((x): x is string => x !== undefined).map(Number);
    const units = [m[2], m[4], m[6]];
    const dims = nums.map((n, k) => toCm(n, units[k] ?? lastUnit));
    out.push({ dims, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The greatest dimension of a size ("1.2 x 0.8 cm" → 1.2). */
export function greatest(size: SizeMention): number {
  return Math.max(...size.dims);
}

// "6 sq cm", "6 cm2", "6 cm²", "6 cm^2", "6 square cm", "6 square centimeters", "6 sqcm"
const AREA_RE = /(?<![\d.])(\d{1,5}(?:\.\d{1,3})?)\s*(?:sq\.?\s*cm|sqcm|square\s*(?:cm|centimeters?)|cm\s*(?:2|²|\^2)|cm\s*sq)/gi;

export interface AreaMention {
  sqCm: number;
  start: number;
  end: number;
  /** Computed from two dimensions ("2 x 3 cm defect"). */
  computed: boolean;
}

/** Areas written in sq cm, and two-dimension sizes read as areas when `fromDims`. */
export function findAreas(text: string, fromDims = false): AreaMention[] {
  const out: AreaMention[] = [];
  AREA_RE.lastIndex = 0;
  for (let m = AREA_RE.exec(text); m; m = AREA_RE.exec(text)) {
    out.push({ sqCm: round(Number(m[1])), start: m.index, end: m.index + m[0].length, computed: false });
  }
  if (fromDims) {
    for (const s of findSizes(text)) {
      if (s.dims.length >= 2 && !out.some((a) => a.start < s.end && s.start < a.end)) {
        out.push({ sqCm: round((s.dims[0] as number) * (s.dims[1] as number)), start: s.start, end: s.end, computed: true });
      }
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Margin in cm: "2 mm margins", "margin of 4 mm", "4-mm margin", "margins: 0.2 cm", "with 3mm margin". */
export function findMarginCm(text: string): number | undefined {
  const re =
    /(?<![\d.])(\d{1,2}(?:\.\d{1,2})?|\.\d{1,2})[ \t]*(?:-[ \t]*)?(mm|cm)[ \t]*(?:clinical[ \t]+|peripheral[ \t]+|surgical[ \t]+|clear[ \t]+|normal[- ]appearing[ \t]+skin[ \t]+)?margins?\b(?![ \t]*:)|\bmargins?[ \t]*(?:(?:of|:|=|was|were|taken|marked|\.{3,})[ \t]*)?(?:approximately[ \t]+|approx\.?[ \t]+|~[ \t]*)?(\d{1,2}(?:\.\d{1,2})?|\.\d{1,2})[ \t]*(?:-[ \t]*)?(mm|cm)\b/gi;
  let best: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[1] ?? m[3];
    const unit = m[2] ?? m[4];
    if (value === undefined || unit === undefined) continue;
    const cm = toCm(Number(value), unit);
    // CPT: the narrowest margin counts.
    best = best === undefined ? cm : Math.min(best, cm);
  }
  // Margins told per side ("Margins were marked: 4 mm superior and inferior, 5 mm medial, 6 mm lateral"): every side's
  // value in the margin's sentence counts, and the narrowest is the one excised diameter uses (reference §3.1).
  const label = /\bmargins?\b/gi;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const rest = text.slice(m.index, m.index + 160);
    const sentence = rest.slice(0, /\.(?!\d)|;|\n\s*\n/.exec(rest)?.index ?? rest.length);
    const side = new RegExp(PER_SIDE_MARGIN.source, 'gi');
    for (let s = side.exec(sentence); s; s = side.exec(sentence)) {
      const cm = toCm(Number(s[1]), s[2] as string);
      best = best === undefined ? cm : Math.min(best, cm);
    }
  }
  return best;
}

/** "4 mm superior", "5 mm at the medial", "0.6 cm laterally": one side's peripheral margin (never the deep one). */
const PER_SIDE_MARGIN =
  /(?<![\d.])(\d{1,2}(?:\.\d{1,2})?|\.\d{1,2})[ \t]*(?:-[ \t]*)?(mm|cm)[ \t]+(?:at[ \t]+the[ \t]+|on[ \t]+the[ \t]+)?(?:superior|inferior|medial|lateral|anterior|posterior|proximal|distal|cephalad|caudal)(?:ly)?\b/;

/** Repair/wound length: "repair length 3.2 cm", "length of 3.2 cm", "closed … measuring 4.5 cm", "3.5 cm linear". */
export function findLengthCm(text: string, loose = false): number | undefined {
  const labelled =
    /\b(?:(?:final|total|repair|wound|closure|incision|suture\s*line|linear)\s+)?length\s*(?:\.{3,}\s*)?(?:of|:|=|was|is|measured|measuring|measures|totaling|totalling)?\s*(?:approximately\s+|approx\.?\s+)?(\d{1,3}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(
      text,
    );
  if (labelled?.[1] && labelled[2]) return toCm(Number(labelled[1]), labelled[2]);
  // (Nextech's dotted leaders: "Length .......... 4.5 cm".)
  // "final length of the layered closure 5.0 cm": the length names its repair before the number.
  const ofRepair =
    /\blength\s+of\s+(?:the\s+)?(?:(?:final|layered|intermediate|complex|simple|linear|primary)\s+){0,2}(?:closure|repair|wound|incision|suture\s*line)\s*(?:(?:was|is|:|=|measured|measuring|measures)\s*)?(?:approximately\s+|approx\.?\s+)?(\d{1,3}(?:\.\d{1,2})?)\s*(cm|mm)\b(?!\s*(?:x|×|by)\s*\d)/i.exec(
      text,
    );
  if (ofRepair?.[1] && ofRepair[2]) return toCm(Number(ofRepair[1]), ofRepair[2]);
  // On its own line: "EXCISED DIAMETER: 2.4 cm" over "REPAIR: …" is no "2.4 cm repair".
  // "a 1.2 cm intermediate repair", "3.0 cm layered closure".
  const after =
    /(\d{1,3}(?:\.\d{1,2})?)\s*(cm|mm)[ \t]*(?:in\s+length|long|length|(?:(?:linear|layered|intermediate|complex|simple|primary)[ \t]+){0,2}(?:repair|closure)|linear)\b/i.exec(
      text,
    );
  if (after?.[1] && after[2]) return toCm(Number(after[1]), after[2]);
  const closed =
    /\b(?:closed|closure|repair(?:ed)?|sutured)\b[^.;\n]{0,80}?\b(?:measuring|measured|measures|totaling|totalling|of)\s+(\d{1,3}(?:\.\d{1,2})?)\s*(cm|mm)\b(?!\s*(?:x|×|by)\s*\d)/i.exec(
      text,
    );
  if (closed?.[1] && closed[2]) return toCm(Number(closed[1]), closed[2]);
  if (loose) {
    const any = findSizes(text).find((s) => s.dims.length === 1);
    if (any) return any.dims[0];
  }
  return undefined;
}

const LESION_NOUNS =
  'lesions?|lesiones|aks?|actinic\\s+keratos[ie]s|keratos[ie]s|queratos[ie]s|warts?|verruc(?:a|ae|as)|sks?|isks?|seborrheic\\s+keratos[ie]s|molluscum|mollusca|milia|milium|tags?|skin\\s+tags?|acrochordons?|spots?|papules?|growths?|sites?|areas?|condylomas?|condylomata|keloids?|scars?|cysts?|nevi|lesion\\(s\\)|plaques?|comedones|angiomas?|hemangiomas?|patches|patch|nodules?|calluses|callus|corns?|lesion\\s+sites|injection\\s+sites|abscess(?:es)?|nails?|toenails|fingernails';

// "6 thick, hypertrophic AKs": up to two words (a comma after one) between the count and the lesion word.
// \b before the lookbehind (the same two checks at one position): the engine then tries only word starts, about
// four times faster on a paragraph than with the lookbehind first.
const COUNT_BEFORE = new RegExp(
  String.raw`(?:\b|(?<=\bx))(?<![\d.\-/#])(\d{1,3}|${NUMBER_WORDS}|(?:twenty|thirty|forty)[- ](?:one|two|three|four|five|six|seven|eight|nine))\+?(?:\s*x(?=\s)|\s*\(\d{1,3}\))?\s+(?:(?!(?:mm|cm|ml|mg|units?|x|of|to|on|in|and|or)\b)[a-z-]+,?\s+){0,2}(?:${LESION_NOUNS})\b`,
  'gi',
);
/**
 * "LN2 to 2 of 3 warts", "froze 4 of the 6 AKs": the lesions treated are the part, not the whole. The " of the 6" is
 * blanked so the count before it is read against the lesion word (never more than the whole).
 */
const PART_OF = new RegExp(
  String.raw`(?<![\d.,/-])\b(\d{1,3}|${NUMBER_WORDS})(\s+of\s+(?:the\s+|these\s+|those\s+|his\s+|her\s+|their\s+)?(\d{1,3}|${NUMBER_WORDS}))(?=\s+(?:[a-z][a-z-]*\s+){0,2}?(?:${LESION_NOUNS})\b)`,
  'gi',
);
const COUNT_TREATED = new RegExp(
  String.raw`\b(${NUMBER_WORDS})\s*\((\d{1,3})\)\s+(?:lesions?\s+)?(?:were\s+)?(?:treated|destroyed|frozen|removed|curetted|injected)\b`,
  'i',
);
/** "nine warts L hand and five R hand": one more count of the same lesions right after, naming only its site. */
const SITE_COUNT_AFTER = new RegExp(
  String.raw`^([^.;\n()]{0,30}?)(?:,\s*(?:and\s+)?|\s+and\s+|\s*\+\s*)(\d{1,2}|${NUMBER_WORDS})\s+(?!(?:mm|cm|ml|mg|cycles?|ftcs?|x|times|sec|min|units?|more|other|of)\b)(?:on\s+(?:the\s+)?)?([a-z][^,;.\n]{0,25})`,
  'i',
);
const COUNT_AFTER = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})(?:'s)?\s*(?:[:,-]\s*)?(?:(?:x|×)\s*~?\s*(\d{1,3}|${NUMBER_WORDS})\b|(?:#|\(\s*(?:n\s*=\s*|approx\.?\s*|approximately\s+)?|(?:approximately|approx\.?|about|roughly|~)\s|(?<=:\s*))\s*~?\s*(\d{1,3}|${NUMBER_WORDS})\b(?!\s*(?:on|at|in|to)\b))(?!\s*(?:cm|mm|ml|mg|cycles?|ftcs?\b|f\/t\b|thaw|pass(?:es)?\b|applications?|coats?|rounds?|sec|s\b|seconds?|min|weeks?|days?|months?|d\b|wks?\b|mos?\b|hrs?\b|%|freeze))(?!\s*(?:-|–|to)\s*\d{1,3}\s*(?:cm|mm|d\b|days?|wks?\b|weeks?|mos?\b|months?|hrs?\b|min))`,
  'gi',
);

const SITE_PAREN_COUNT = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})\s+((?:(?:on|of|over)\s+(?:the\s+)?)?(?:[a-z/]+\s+){0,2}?[a-z/]+)\s*\(\s*(\d{1,3})\s*\)(?!\s*(?:cm|mm|ml|mg|%))`,
  'gi',
);

const COUNT_RANGE = new RegExp(
  String.raw`(?<![\d.\-/#])\b(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\+?\s+(?:(?!(?:mm|cm|ml|mg|units?|x|of|to|on|in|and|or)\b)[a-z-]+\s+){0,2}(?:${LESION_NOUNS})\b`,
  'gi',
);

// "snip removal of all visible tags today (~20-25)", "warts x 5-6".
const COUNT_RANGE_AFTER = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})\b(?:\s+[a-z]+){0,2}\s*(?:\(\s*|(?:x|×)\s*)(?:~|approx\.?\s*|about\s+)?(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b(?!\s*(?:mm|cm|%|d\b|days?|wks?|weeks?|mos?|months?|hrs?|min))`,
  'gi',
);

// "AKs: 9 on scalp, 4 on forehead". Built once: the lesion-noun list is long.
const COUNT_PER_SITE = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})(?:\s+[\w-]+){0,4}?\s*(?::|\s[-–—]{1,2})\s*((?:(?:\d{1,3}|${NUMBER_WORDS})\s+(?:on|at|in|to)\s+(?:the\s+)?[a-z][a-z ]{1,25}?(?:\s*(?:,|;|\band\b)\s*|(?=\s*(?:[-–—.(]|$))))+)`,
  'i',
);
/** "I froze eleven of them today, seven on the scalp and four on the hands": the count the treatment verb gives. */
const SEEN_THEN_TREATED = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})\s*(?:x|×)\s*(\d{1,3})\b[^.;\n]{0,40}?[,;]\s*(?:curettage|cryo(?:therapy)?|ln2|destruction|treatment)\s+of\s+(?:the\s+)?(\d{1,3}|${NUMBER_WORDS})\b(?!\s*(?:cm|mm|ml|mg|units?|%|sec|s\b|seconds?|cycles?))`,
  'i',
);
const OF_THEM = new RegExp(
  String.raw`\b(?:froze|frozen|treated|destroyed|removed|injected|cauterized|snipped|shaved)\s+(?:all\s+)?(\d{1,3}|${NUMBER_WORDS})\s+of\s+them\b`,
  'i',
);
const ITEM_NUMBER = /\b(?:lesion|site|spot|area|problem|item)\s*#\s*\d{1,2}\s*[:)]/gi;
/**
 * "Procedure 2 of 2 - NAIL AVULSION", "Specimen 1 of 3:", "(2/3)": a numbered title's position in its list, never a count
 * of lesions or nails. Only where a title would put it: after a title word or at a line's start, before its punctuation.
 */
const POSITION_OF =
  /(?:(?:^|\n)[ \t]*(?:[-*•][ \t]*)?|\b(?:procedure|proc|treatment|tx|lesion|site|spot|area|problem|item|specimen|part|step|page)\s*(?:#\s*)?)\(?\d{1,2}\s*(?:of|\/)\s*\d{1,2}\)?(?=\s*(?:[-:.)–—]|$))/gim;
/** "Actinic keratoses: 3 on the right forearm treated with cryotherapy": one count and its site after the colon. */
// ("Actinic keratoses - 8 on face/scalp": a dash sets the count off too.)
const ONE_SITE_COUNT = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})\s*(?::|\s[-–—]{1,2})\s*(\d{1,3}|${NUMBER_WORDS})\s+(?:on|at|in)\s+(?:the\s+|his\s+|her\s+)?[a-z]`,
  'i',
);
const PER_SITE_NUMBER = new RegExp(String.raw`(\d{1,3}|${NUMBER_WORDS})\s+(?:on|at|in|to)\b`, 'gi');
// "AKs - face 6, scalp 5, R hand 4": the site first, then its count.
const SITE_THEN_COUNT = new RegExp(
  String.raw`\b(?:${LESION_NOUNS})\s*[:\-–—]\s*((?:[a-z][a-z ]{1,25}?\s+\d{1,3}(?:\s*(?:,|;|\band\b)\s*|(?=\s*(?:[.(=]|$))))+)`,
  'i',
);

/** Lesion count: "twelve AKs", "12 lesions", "x 12", "#12", "(12)", "total of 12", "number of lesions: 12". */
export function findCount(text: string): number | undefined {
  // A block's segment, its trigger unit and its context are asked in turn, and sibling blocks share them.
  return counts(text, () => countIn(text));
}

const counts = parseMemo<number | undefined>();

const NUMBER_TREATED =
  /(?<![\d.,/])\b(\d{1,2})\s+(?:were\s+)?(?:treated|frozen|destroyed)\b(?!\s+(?:times?|weeks?|days?|months?|years?|ago|previously|before)\b)/i;
const COUNTED = /\bcounted\s*(?::\s*)?(\d{1,3})\b(?![.,]\d)|(?<![\d.,])\b(\d{1,3})\s+(?:were\s+)?counted\b/i;
const EACH_OF_PAIR = new RegExp(
  String.raw`(?<![\d.,])\b(\d{1,2}|${NUMBER_WORDS})\s+(?:lesions?\s+|aks?\s+|warts?\s+)?(?:on\s+|in\s+)?(?:each|per)\s+(?:side|hand|dorsal\s+hand|arm|forearm|cheek|leg|shin|foot|ear|temple|knee|elbow|shoulder|thigh|calf|axilla|eyelid|lid)\b`,
  'i',
);

const NUMBERED_ITEM =
  /(?<![\w#])#\s?(\d{1,2})(?:\s*(?:-|–|to|through|thru)\s*#?\s?(\d{1,2}))?(?!\s*(?:blade|scalpel|needle|gauge|suture|curette|french|fr\b|-0|\d))/gi;

/**
 * Lesions numbered in a list with at least one range ("#1-#6 scalp, #7-#10 R hand, #11 nose"): only when the
 * numbers run 1..n without a gap, so "ED&C #1 … #2 …" or "#15 blade" is never taken for a count.
 */
function numberedCount(t: string): number | undefined {
  if (!t.includes('#')) return undefined;
  const seen = new Set<number>();
  let ranges = 0;
  for (const m of t.matchAll(NUMBERED_ITEM)) {
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (b < a || b - a > 40) return undefined;
    if (b > a) ranges++;
    for (let k = a; k <= b; k++) seen.add(k);
  }
  if (ranges === 0 || seen.size < 2) return undefined;
  const max = Math.max(...seen);
  return seen.has(1) && max === seen.size ? max : undefined;
}

/** Between a lesion count and the same count again: only the treatment's words ("- LN2 cryotherapy to"). */
// ("Onychomycosis of 6 toenails, thick and painful; debrided nails x6": the clause after a semicolon may restate it too.)
const RESTATED_GAP =
  /^(?=[^.\n]{0,60}$)(?=[^;]*;?[^;]*$)[\s\S]*\b(?:ln2|l\.n\.2|liquid\s+nitrogen|cryo\w*|destr\w*|froze\w*|freez\w*|treated|tx|ed\s*&\s*c|curett\w*|hyfrec\w*|electrodes\w*|fulgur\w*|cauter\w*|debrided|pared|trimmed)\b/i;

/** "x20 (neck x12, R axilla x4, L axilla x4)", "20 tags (12 neck, 8 axillae)": a count and, in parentheses, its parts. */
const COUNT_THEN_PARTS = /(?:(?:x|×)\s*|\b)(\d{1,3})(?:\s+[a-z]+){0,2}\s*\(([^()\n]{3,120})\)/gi;
const PART_COUNT = /(?:x|×)\s*(\d{1,3})\b|(?<![\d.,/])\b(\d{1,3})\b(?![.,]\d)(?!\s*(?:mm|cm|mg|ml|cc|units?|%|o'?clock|cycles?|ftcs?\b|sec|s\b|min))/gi;

/** Blanks a parenthesised breakdown whose parts add up to the count right before it, so it is not counted again. */
function withoutBreakdowns(t: string): string {
  if (!t.includes('(')) return t;
  return t.replace(COUNT_THEN_PARTS, (whole, outer: string, inner: string) => {
    const parts = [...inner.matchAll(PART_COUNT)].map((m) => Number(m[1] ?? m[2]));
    if (parts.length < 2 || parts.reduce((a, b) => a + b, 0) !== Number(outer)) return whole;
    const open = whole.lastIndexOf('(');
    return `${whole.slice(0, open)}${' '.repeat(whole.length - open)}`;
  });
}

const ICD_IN_BRACKETS = /\s*\((?:icd(?:-?10)?:?\s*)?[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?\)/gi;

/** "4 more on the face": a count that goes on from others (built once: its word list is long). */
const FURTHER_COUNT = new RegExp(
  String.raw`(?<![\d.,])\b(\d{1,2}|${NUMBER_WORDS})\s+(?:more|others?|additional)\b(?!\s+(?:cycles?|times?|passes|weeks?|days?|months?|min|sec|mm|cm|ml|mg|units?|visits?|sessions?|treatments?)\b)`,
  'i',
);

/** "  - Frontal scalp: 5": a list line of one site and one whole number. */
const SITE_LINE = /^[ \t]*(?:[-*•][ \t]*)?([A-Za-z][A-Za-z .'/-]{1,30}?)[ \t]*[:=][ \t]*(\d{1,2})[ \t]*$/gm;

/** The lines of a site list, each a site and its count, added up; undefined unless two or more and every one names a site. */
function siteLineCounts(t: string): number | undefined {
  if (!/:[ \t]*\d{1,2}[ \t]*$/m.test(t)) return undefined;
  const lines = [...t.matchAll(SITE_LINE)];
  if (lines.length < 2) return undefined;
  let sum = 0;
  for (const m of lines) {
    const where = m[1] as string;
    const found = findSites(where, { strict: true });
    if (found.length !== 1 || (found[0]?.end ?? 0) < where.trimEnd().length - 2) return undefined;
    sum += Number(m[2]);
  }
  return sum;
}

/** After a colon, two or more "site N" items parted by commas, semicolons or "and", to a sentence end. */
const SITE_COUNT_LIST = /:\s*((?:[A-Za-z][A-Za-z .'/-]{1,30}?\s+\d{1,2}\s*(?:,|;|\band\b)\s*)+(?:and\s+)?[A-Za-z][A-Za-z .'/-]{1,30}?\s+\d{1,2})\s*(?:[.;]|$)/;

/** The items of a site-and-count list, added up; undefined unless every item is one site and its count. */
function siteCountList(t: string): number | undefined {
  const m = SITE_COUNT_LIST.exec(t.length > 600 ? t.slice(0, 600) : t);
  if (!m?.[1]) return undefined;
  let sum = 0;
  const items = m[1].split(/\s*(?:,|;|\band\b)\s*/).filter((x) => x.trim().length > 0);
  if (items.length < 2) return undefined;
  for (const item of items) {
    const one = /^(.*?)\s+(\d{1,2})$/.exec(item.trim());
    const where = one?.[1];
    if (!where) return undefined;
    const found = findSites(where, { strict: true });
    if (found.length !== 1 || (found[0]?.end ?? 0) < where.trimEnd().length - 2) return undefined;
    sum += Number(one[2]);
  }
  return sum;
}

/**
 * "Number of lesions:" over per-site lines, then "Total removed: 41": the first label that gives a number. A table's
 * footer row ("Total | 9" under "Site | Number of AKs treated") is such a label too.
 */
function labelledCount(t: string): number | undefined {
  const labels =
    /\b(?:total\s+(?:number\s+)?(?:of\s+)?(?:lesions?\b(?:\s*(?:treated|removed|destroyed|frozen|snipped)\b)?|(?:treated|removed|destroyed|frozen|snipped)\b)?|number\s+of\s+(?:lesions?|aks?|warts?|tags?|sites?)(?:\s+treated)?|(?:number|#)\s*treated|#\s*of\s+lesions|lesions?\s+(?:treated|injected)|count|qty|quantity|no\.\s*of\s+lesions|lesions(?=\s*[:=]))\s*(?:(?:[:=|]|was|were|of|is)\s*)?(\d{1,3}(?![.,]\d)(?!\s*(?:mg|mcg|ml|mls|cc|units?|cm|mm)\b)|[a-z]+(?:[- ][a-z]+)?)\b/gi;
  for (let m = labels.exec(t), k = 0; m && k < 6; m = labels.exec(t), k++) {
    const n = m[1] ? wordNumber(m[1]) : undefined;
    if (n !== undefined) return n;
  }
  return undefined;
}

const ANY_DIGIT = /\d/;
/** Any NUMBER_WORDS word, even inside another word (PER_SITE_NUMBER reads "one" without a word boundary). */
const NUMBER_WORD_PIECE = new RegExp(NUMBER_WORDS, 'i');

function countIn(text: string): number | undefined {
  // "total 2.4 mL" is a volume and "total 30 mg" a dose, not a count: a labelled count is a whole number of no unit.
  // "Lesion #3: R dorsal hand, … x6, AKs": an item's number is its name, never a count.
  const capped = text.length > 3000 ? text.slice(0, 3000) : text;
  // Every count below is digits or a NUMBER_WORDS word, except a labelled one ("Number of lesions: a dozen"), and
  // none of the blanking steps changes a text with neither: such a text (a procedure's title line, most context
  // lines) only needs the labels read.
  if (!ANY_DIGIT.test(capped) && !NUMBER_WORD_PIECE.test(capped)) return labelledCount(capped);
  const uncoded = capped.includes('(') ? capped.replace(ICD_IN_BRACKETS, '') : capped;
  const unnumbered = (uncoded.includes('#') ? uncoded.replace(ITEM_NUMBER, (m) => ' '.repeat(m.length)) : uncoded).replace(
    // " 1  R temple        AK x4 …": a table row's number, set off by a column gap, names the row.
    /^([ \t]*)(\d{1,2})(?=[ \t]{2,}[A-Za-z])/gm,
    (_m, lead: string, n: string) => `${lead}${' '.repeat(n.length)}`,
  );
  // "Procedure 2 of 2 - …" first (a position), then "2 of the 3 warts" (a part).
  const positioned = /\d\s*(?:of|\/)\s*\d/i.test(unnumbered) ? unnumbered.replace(POSITION_OF, (m) => ' '.repeat(m.length)) : unnumbered;
  const t = withoutBreakdowns(
    /\sof\s/i.test(positioned)
      ? positioned.replace(PART_OF, (whole, n: string, of: string, m: string) => {
          const part = wordNumber(n);
          const all = wordNumber(m);
          return part !== undefined && all !== undefined && part <= all ? `${n}${' '.repeat(of.length)}` : whole;
        })
      : positioned,
  );
  // "Number of lesions:" over per-site lines, then "Total removed: 41": the first label that gives a number.
  const labelled = labelledCount(t);
  if (labelled !== undefined) return labelled;
  // "numerous AKs, >20, treated with LN2 (counted 23)": a count said to be counted is the count.
  const counted = COUNTED.exec(t);
  if (counted) return Number(counted[1] ?? counted[2]);
  // "AKs, bilateral dorsal hands (5 each hand)", "4 on each cheek": one count for each of a pair of sites.
  const eachOfPair = EACH_OF_PAIR.exec(t);
  if (eachOfPair?.[1]) {
    const n = wordNumber(eachOfPair[1]);
    if (n !== undefined) return n * 2;
  }
  // "AKs - fourteen (14) treated with LN2": a count told with its digits, then the treatment verb.
  const toldTwice = COUNT_TREATED.exec(t);
  if (toldTwice?.[1] && wordNumber(toldTwice[1]) === Number(toldTwice[2])) return Number(toldTwice[2]);
  // "Molluscum x 15 on trunk, curettage of 14 today": of the lesions seen, the number treated is the count.
  const treatedOf = SEEN_THEN_TREATED.exec(t);
  if (treatedOf?.[1] && treatedOf[2]) {
    const seen = wordNumber(treatedOf[1]);
    const n = wordNumber(treatedOf[2]);
    if (seen !== undefined && n !== undefined && n < seen) return n;
  }
  const ofThem = OF_THEM.exec(t);
  if (ofThem?.[1]) {
    const n = wordNumber(ofThem[1]);
    if (n !== undefined) return n;
  }
  // "AK #1-3 R cheek, #4-9 scalp, #10 L ear": numbered lesions listed in ranges; the numbers covered are the count.
  const numbered = numberedCount(t);
  if (numbered !== undefined) return numbered;
  // "AKs: 9 on scalp, 4 on forehead": a count per site after the lesion word.
  const perSite = COUNT_PER_SITE.exec(t);
  if (perSite?.[1]) {
    const counts = [...perSite[1].matchAll(PER_SITE_NUMBER)].map((m) => wordNumber(m[1] as string) ?? 0);
    if (counts.length > 1) return counts.reduce((a, b) => a + b, 0);
  }
  const oneSite = ONE_SITE_COUNT.exec(t);
  if (oneSite?.[1]) {
    const n = wordNumber(oneSite[1]);
    if (n !== undefined) return n;
  }
  const siteThen = SITE_THEN_COUNT.exec(t);
  if (siteThen?.[1]) {
    // "face 5, ears 2, scalp 2 = 9 lesions": the last count before the total's "=" is one of the sum.
    const counts = [...siteThen[1].matchAll(/\s(\d{1,3})(?=\s*(?:,|;|\band\b|\.|\(|=|$))/gi)].map((m) => Number(m[1]));
    if (counts.length > 1) return counts.reduce((a, b) => a + b, 0);
  }
  // "2 freeze-thaw cycles each: L cheek 3, R cheek 2, forehead 4, vertex scalp 6": after a colon, sites each with a count.
  const listed = siteCountList(t);
  if (listed !== undefined) return listed;
  // "Sites and counts:" over "- Frontal scalp: 5", "- Forehead: 4": a list of sites, one count a line, added up.
  const siteCounts = siteLineCounts(t);
  if (siteCounts !== undefined) return siteCounts;
  // Template fields: "Number .............. 18", "Number: 18", "Qty: 6".
  const field = /(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:number(?:\s+of\s+\w+)?|count|qty|quantity|#\s*of\s+\w+)[ \t]*(?:\.{3,}|:)[ \t]*(\d{1,3})\b(?![.,]\d)/i.exec(
    t,
  );
  if (field?.[1]) return Number(field[1]);
  // "Verrucae, plantar feet, 16 total": a whole number right before "total" is the count.
  const trailingTotal = /(?<![\d.,/])\b(\d{1,3})\s+(?:in\s+)?total\b(?!\s+(?:of\b|mg|ml|mls|cc|units?|cm|mm|cycles?|sq|area|length|dose|volume))/i.exec(t);
  if (trailingTotal?.[1]) return Number(trailingTotal[1]);
  // "AKs, face - 6 treated with LN2": a whole number right before the treatment verb, with no other count told ("x4").
  const treated = NUMBER_TREATED.exec(t);
  if (treated?.[1] && !/\bx\s*\d/i.test(t)) return Number(treated[1]);
  const seen: [number, number, number][] = [];
  const take = (n: number | undefined, start: number, end: number) => {
    if (n === undefined || n <= 0 || n > 500) return;
    if (seen.some(([s, e]) => s < end && start < e)) return;
    seen.push([start, end, n]);
  };
  // The counts add up ("12 AKs face, 4 AKs scalp"), except the same count told again for the treatment with no
  // site in between ("Actinic keratoses x 13 - LN2 cryotherapy to 13 AKs"): one count.
  const total = (): number | undefined => {
    if (seen.length === 0) return undefined;
    if (seen.length > 1) seen.sort((a, b) => a[0] - b[0]);
    let sum = 0;
    for (let i = 0; i < seen.length; i++) {
      const [start, , n] = seen[i] as [number, number, number];
      const last = seen[i - 1];
      const gap = last && last[2] === n ? t.slice(last[1], start) : undefined;
      if (gap !== undefined && RESTATED_GAP.test(gap) && findSites(gap).length === 0) continue;
      // "keloids x4 … - ILK …, 0.5 ml per keloid x4 = 2 ml": the dose per lesion times the same count restates it.
      if (gap !== undefined && /\bper\s+$/i.test(t.slice(Math.max(0, start - 6), start))) continue;
      // "AKs x4, scalp and temples - LN2, 2 FTC each, 4 lesions": a plain "N lesions" equal to the count so far totals it.
      if (i > 0 && n === sum && /^(?:\d{1,3}|[a-z]+)\s+(?:total\s+)?lesions?\b/i.test(t.slice(start, start + 30))) continue;
      sum += n;
    }
    return sum;
  };
  // "12 AKs", "twelve actinic keratoses", "12 total AKs", "14x AKs", "sixteen (16) AKs"
  COUNT_BEFORE.lastIndex = 0;
  const before = COUNT_BEFORE;
  for (let m = before.exec(t); m; m = before.exec(t)) {
    take(wordNumber(m[1] as string), m.index, m.index + m[0].length);
    const end = m.index + m[0].length;
    const more = SITE_COUNT_AFTER.exec(t.slice(end, end + 80));
    const siteWords = more?.[3];
    if (more && siteWords && findSites(siteWords, { strict: true }).some((x) => x.start === 0 || /^(?:r|l|rt|lt|right|left)\b/i.test(siteWords))) {
      const at = end + (more[1] as string).length;
      take(wordNumber(more[2] as string), at, end + more[0].length);
    }
  }
  // "AKs x 12", "AK x12", "lesions #12", "warts (4)", "x 12" right after the lesion words
  COUNT_AFTER.lastIndex = 0;
  const after = COUNT_AFTER;
  for (let m = after.exec(t); m; m = after.exec(t)) {
    // "AKs x 4 on the forearms": a times-count may name its site next; "AKs: 9 on scalp, …" is a per-site list (above).
    take(wordNumber((m[1] ?? m[2]) as string), m.index, m.index + m[0].length);
    // "AKs x 6 R, x 5 L": more counts of the same lesions, one per side or site, right after the first.
    const more =
      /^\s*(?:(?:[A-Za-z][A-Za-z ]{0,20}?)\s*)?(?:[,;]\s*(?:and\s+)?|\band\s+)(?:x|×)\s*(\d{1,3})\b(?!\s*(?:cm|mm|ml|mg|cycles?|ftcs?\b|applications?|coats?|rounds?|sec|s\b|seconds?|min|%|freeze))/i;
    let at = m.index + m[0].length;
    for (let k = 0, n = more.exec(t.slice(at, at + 60)); n && k < 6; k++, n = more.exec(t.slice(at, at + 60))) {
      take(Number(n[1]), at, at + n[0].length);
      at += n[0].length;
    }
  }
  // "multiple AKs face (10)", "warts on the R hand (4)": the count in parentheses after the lesions' site.
  SITE_PAREN_COUNT.lastIndex = 0;
  for (let m = SITE_PAREN_COUNT.exec(t); m; m = SITE_PAREN_COUNT.exec(t)) {
    if (findSites(m[1] as string).length > 0) take(Number(m[2]), m.index, m.index + m[0].length);
  }
  // "approx 20-25 pedunculated skin tags": a range of lesions supports its lower end (the lowest supported count).
  if (seen.length === 0) {
    for (const re of [COUNT_RANGE, COUNT_RANGE_AFTER]) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const low = Number(m[1]);
        if (low < Number(m[2])) take(low, m.index, m.index + m[0].length);
      }
    }
  }
  if (seen.length > 0) return total();
  // "…; 4 more on the face treated at patient request": the lesions of a clause that goes on from others already counted.
  const further = FURTHER_COUNT.exec(t);
  if (further?.[1]) return wordNumber(further[1]);
  // A bare "x 12" / "x12" in the block, not a size or a cycle count.
  const bare =
    /(?:^|[\s(,;:])(?:x|×)\s*(\d{1,3})\b(?!\s*(?:cm|mm|ml|mg|cycles?|ftcs?\b|f\/t\b|thaw|pass(?:es)?\b|applications?|coats?|rounds?|sec|s\b|seconds?|min|weeks?|days?|months?|d\b|wks?\b|mos?\b|hrs?\b|%|freeze|\.\d|\s*(?:x|×)|\s*(?:-|–|to)\s*\d{1,3}\s*(?:cm|mm|d\b|days?|wks?\b|weeks?|mos?\b|months?|hrs?\b|min)))/gi;
  for (let m = bare.exec(t); m; m = bare.exec(t)) {
    const prev = t.slice(Math.max(0, m.index - 12), m.index + 1);
    // "1.2 x 15" is a size; "LN2 x 15" names liquid nitrogen, not a dimension.
    if (/(?<![A-Za-z])\d\s*(?:(?:cm|mm)\s*)?$/.test(prev)) continue;
    take(Number(m[1]), m.index, m.index + m[0].length);
  }
  return total();
}
