import { siteInfo } from '../anatomy';
import type { Laterality } from '../model';
import { ICD10_ROWS, ICD10_VERSION } from './icd10-data';

/**
 * ICD-10-CM dermatology subset (FY2026): official titles, billable leaves vs
 * category headers, and a resolver from (histology, site, laterality, subsite)
 * to a billable code. The data is generated from shared/domain/icd10-derm.md
 * by scripts/gen-icd10-data.mjs. A code outside the subset is "unknown", not
 * "invalid": the subset is not the whole classification.
 */
export { ICD10_VERSION };

export interface Icd10Entry {
  code: string;
  /** Official long title; '' for a few headers whose title was not retrieved. */
  title: string;
  billable: boolean;
  /** A category or subcategory: never valid on a claim line. */
  header: boolean;
}

const table = new Map<string, Icd10Entry>();
for (const [code, title, billable] of ICD10_ROWS) table.set(code, { code, title, billable, header: !billable });

/** "c44.612", "C44612", " C44.612 " → "C44.612"; undefined when it cannot be an ICD-10-CM code. */
export function normalizeIcd10(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // Most calls pass a code of the table already written the normal way: it normalizes to itself.
  if (CANONICAL.has(text)) return text;
  return normalizeWritten(text);
}

function normalizeWritten(text: string): string | undefined {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '').replace('.', '');
  if (!/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/.test(compact)) return undefined;
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** Table codes that normalizeIcd10 returns unchanged (all of them, as the table is written). */
const CANONICAL: ReadonlySet<string> = new Set([...table.keys()].filter((c) => normalizeWritten(c) === c));

export function icd10(code: string | undefined): Icd10Entry | undefined {
  const c = normalizeIcd10(code);
  return c ? table.get(c) : undefined;
}

/** True only for codes in the subset that are billable leaves. */
export function isBillable(code: string | undefined): boolean {
  return icd10(code)?.billable === true;
}

/** True for codes in the subset that are category/subcategory headers. */
export function isHeader(code: string | undefined): boolean {
  return icd10(code)?.header === true;
}

export function title(code: string | undefined): string | undefined {
  const t = icd10(code)?.title;
  return t ? t : undefined;
}

/** Billable codes below a header (ICD-10-CM codes nest by prefix). */
export function billableChildren(header: string): string[] {
  const h = normalizeIcd10(header);
  if (!h) return [];
  const out: string[] = [];
  for (const e of table.values()) if (e.billable && e.code !== h && e.code.replace('.', '').startsWith(h.replace('.', ''))) out.push(e.code);
  return out.sort();
}

/**
 * Drop a code when a more specific code of the same category is also present
 * (L70.9 "Acne, unspecified" beside L70.0 "Acne vulgaris"); order is kept.
 */
export function dropLessSpecific(codes: readonly string[]): string[] {
  return codes.filter((c) => {
    const t = title(c);
    if (!t || !/unspecified/i.test(t)) return true;
    const cat = c.slice(0, 3);
    return !codes.some((o) => o !== c && o.slice(0, 3) === cat && !/unspecified/i.test(title(o) ?? 'unspecified'));
  });
}

export function allIcd10(): Icd10Entry[] {
  return [...table.values()];
}

// ---------------------------------------------------------------------------
// Histology: what the lesion is, in the terms the code families need.

export type Histology =
  | 'bcc'
  | 'scc'
  | 'sebaceous-carcinoma'
  | 'malignant-other'
  | 'malignant-unspecified'
  | 'melanoma'
  | 'melanoma-in-situ'
  | 'carcinoma-in-situ'
  | 'merkel'
  | 'nevus'
  | 'benign-skin-neoplasm'
  | 'lipoma'
  | 'hemangioma'
  | 'pyogenic-granuloma'
  | 'seborrheic-keratosis'
  | 'inflamed-seborrheic-keratosis'
  | 'actinic-keratosis'
  | 'wart'
  | 'plantar-wart'
  | 'common-wart'
  | 'molluscum'
  | 'condyloma'
  | 'skin-tag'
  | 'epidermal-cyst'
  | 'pilar-cyst'
  | 'sebaceous-cyst'
  | 'hidradenitis'
  | 'keloid'
  | 'hyperhidrosis-primary'
  | 'hyperhidrosis-secondary'
  | 'hyperhidrosis-generalized'
  | 'psoriasis'
  | 'psoriasis-vulgaris'
  | 'atopic-dermatitis'
  | 'acne'
  | 'acne-vulgaris'
  | 'abscess'
  | 'furuncle'
  | 'carbuncle'
  | 'uncertain-behavior'
  | 'unspecified-behavior'
  /** A named condition with one code regardless of site (e.g. 'code:L80' vitiligo). */
  | `code:${string}`;

/** Histologies that are neoplasms whose nature only pathology settles (D49.2 before it returns). */
export const NEOPLASTIC: ReadonlySet<Histology> = new Set<Histology>([
  'bcc',
  'scc',
  'sebaceous-carcinoma',
  'malignant-other',
  'malignant-unspecified',
  'melanoma',
  'melanoma-in-situ',
  'carcinoma-in-situ',
  'merkel',
  'nevus',
  'benign-skin-neoplasm',
  'uncertain-behavior',
  'unspecified-behavior',
]);

export const MALIGNANT: ReadonlySet<Histology> = new Set<Histology>([
  'bcc',
  'scc',
  'sebaceous-carcinoma',
  'malignant-other',
  'malignant-unspecified',
  'melanoma',
  'melanoma-in-situ',
  'carcinoma-in-situ',
  'merkel',
]);

/** Ordered: the first match wins, so specific phrases come before general ones. */
const HISTOLOGY_PATTERNS: [RegExp, Histology][] = [
  [/lentigo maligna melanoma|invasive melanoma/, 'melanoma'],
  [/melanoma in[- ]situ|\bmis\b|lentigo maligna\b/, 'melanoma-in-situ'],
  [/merkel/, 'merkel'],
  [/melanoma/, 'melanoma'],
  [/sebaceous (cell )?carcinoma/, 'sebaceous-carcinoma'],
  [/squamous cell carcinoma in[- ]situ|scc ?is\b|sccis|\bscc in[- ]situ|bowen|carcinoma in[- ]situ/, 'carcinoma-in-situ'],
  [/basal cell|\bbcc\b|basalioma/, 'bcc'],
  // "sqaumous", "squamos": common misspellings in dictated and typed notes.
  [/sq(?:ua|au)mo?u?s cell carcinoma|\bscc\b/, 'scc'],
  [/uncertain (malignant )?(behavior|potential)/, 'uncertain-behavior'],
  // "Atypical compound melanocytic proliferation": the pathologist names no nevus, so never D22 (its code is decided in
  // diagnosis.ts: D48.5 only when the report states uncertain behavior, reference §13.3; else the coder is asked).
  // A report that goes on to name a nevus ("…, favor dysplastic junctional nevus") says so: the nevus pattern below.
  [/atypical ([a-z]+ ){0,2}melanocytic proliferation(?![^.;]*\bnev(us|i)\b)/, 'uncertain-behavior'],
  [/unspecified behavior|neoplasm of uncertain nature/, 'unspecified-behavior'],
  // "irritated, bleeding SK", "inflamed and crusted seborrheic keratosis": a word or two may sit between.
  [
    /(inflamed|irritated)( ?\([^)]{1,30}\))?(,? (and )?[a-z]+){0,2},? (seborrh?eic keratos|sk'?s?\b)|\bisk\b|(seborrh?eic keratos[a-z]*|\bsk'?s?)(,? ((on|of|at) (the )?)?(?!(and|or|with|vs|versus|but|not|non|no|without)\b)[a-z]+( [a-z]+)?)?(,| -+)? (irritated|inflamed)\b/,
    'inflamed-seborrheic-keratosis',
  ],
  [/seborrh?eic keratos|\bsks?\b/, 'seborrheic-keratosis'],
  [/actinic keratos|solar keratos|\baks?\b/, 'actinic-keratosis'],
  [/plantar (wart|verruca)|verruca plantaris/, 'plantar-wart'],
  [/condyloma|anogenital wart|genital wart/, 'condyloma'],
  [/verruca vulgaris|common wart|verruca plana|flat wart/, 'common-wart'],
  [/verruca|warts?\b/, 'wart'],
  [/molluscum/, 'molluscum'],
  [/acrochordon|skin tags?|fibroepithelial polyp/, 'skin-tag'],
  // ICD-10-CM index: acne, cystic → acne vulgaris.
  [/(cystic|nodulocystic) acne|acne (cysts?|nodules?)/, 'acne-vulgaris'],
  [/pilar\b[^.;,]{0,24}cyst|trichilemmal cyst/, 'pilar-cyst'],
  [/sebaceous cyst/, 'sebaceous-cyst'],
  [/epiderm(al|oid)\b[^.;,]{0,24}cyst|\beic\b|infundibular cyst/, 'epidermal-cyst'],
  // "#HS, Hurley stage I, L axilla": Hurley staging is told only of hidradenitis suppurativa, so "HS" beside it is HS (L73.2,
  // reference §13 item 7); a bare "HS" may be bedtime ("apply at HS") and is left alone.
  [/hidradenitis|\bhs\b(?=[^.;]{0,40}\bhurley\b)|\bhurley (stage )?(i{1,3}|[123])\b/, 'hidradenitis'],
  [/carbuncle/, 'carbuncle'],
  [/furuncle|\bboil\b/, 'furuncle'],
  [/abscess/, 'abscess'],
  [/keloid|hypertrophic scar/, 'keloid'],
  [/secondary (focal )?hyperhidrosis/, 'hyperhidrosis-secondary'],
  [/generali[sz]ed hyperhidrosis/, 'hyperhidrosis-generalized'],
  [/hyperhidrosis/, 'hyperhidrosis-primary'],
  // "Psoriasis, plaque", "Psoriasis - plaque type": the type told after the name.
  [/(plaque|vulgaris) psoriasis|psoriasis(,| -| –| —|:)? (vulgaris|(chronic )?plaque\b)/, 'psoriasis-vulgaris'],
  [/psoria/, 'psoriasis'],
  [/atopic dermatitis|atopic eczema/, 'atopic-dermatitis'],
  [/acne vulgaris/, 'acne-vulgaris'],
  [/\bacne\b/, 'acne'],
  [/lipoma/, 'lipoma'],
  [/hemangioma|cherry angioma/, 'hemangioma'],
  [/pyogenic granuloma|lobular capillary hemangioma/, 'pyogenic-granuloma'],
  [/dermatofibroma|fibrous histiocytoma/, 'benign-skin-neoplasm'],
  [/nev(us|i)\b|melanocytic|mole\b/, 'nevus'],
];

/**
 * Personal history and screening (reference §13.5, §14): checked before the
 * lesion patterns so "hx of melanoma" is never coded as a melanoma.
 */
const HISTORY_PATTERNS: [RegExp, string][] = [
  [/\b(history|hx|h\/o)( of)? (melanoma in[- ]situ|mis\b|lentigo maligna\b)/, 'Z86.006'],
  [/\b(history|hx|h\/o)( of)? (scc ?is|sccis|scc in[- ]situ|squamous cell carcinoma in[- ]situ|bowen)/, 'Z86.007'],
  // "History of melanoma in situ" is Z86.006 alone; "history of MIS and BCC" names the BCC's history too.
  [/\b(history|hx|h\/o)( of)? (malignant )?melanoma(?! in[- ]situ)/, 'Z85.820'],
  [/\b(history|hx|h\/o)( of)? merkel/, 'Z85.821'],
  [
    /\b(history|hx|h\/o)( of)? ([a-z -]{1,30} (and|&) )?(multiple )?(bccs?|sccs?(?! ?in[- ]situ| ?is\b)|basal cell|squamous cell(?! carcinoma in[- ]situ)|nmsc|non ?melanoma|skin cancers?|keratinocyte carcinoma)/,
    'Z85.828',
  ],
  [/skin cancer screening|screening (full|total)? ?(body )?skin|(full|total) (body )?skin (exam|check|examination)|\b(tbse|fbse)\b/, 'Z12.83'],
];

/**
 * Named conditions whose code does not depend on site, matched after the lesion
 * patterns above. Each code is the one whose official FY2026 title names the condition.
 */
const CONDITION_PATTERNS: [RegExp, string][] = [
  [/rhinophyma/, 'L71.1'],
  [/rosacea/, 'L71.9'],
  // "seb derm" is the usual shorthand for seborrheic dermatitis.
  [/seborrh?eic dermatitis|\bseb\.? ?derm\b/, 'L21.9'],
  [/frontal fibrosing alopecia/, 'L66.12'],
  [/lichen planopilaris/, 'L66.10'],
  [/central centrifugal cicatricial alopecia|\bccca\b/, 'L66.81'],
  [/(scarring|cicatricial) alopecia|alopecia,? (scarring|cicatricial)/, 'L66.9'],
  [/alopecia (capitis )?totalis/, 'L63.0'],
  [/alopecia universalis/, 'L63.1'],
  [/\bophiasis\b/, 'L63.2'],
  [/alopecia areata/, 'L63.9'],
  [/telogen effluvium/, 'L65.0'],
  [/non-?scarring (alopecia|hair loss)/, 'L65.9'],
  [/androgen(et)?ic alopecia/, 'L64.9'],
  [/vitiligo/, 'L80'],
  // icd10-derm §3.2: L40.3 "Pustulosis palmaris et plantaris".
  [/palmo-?plantar pustulosis|pustulosis palmaris et plantaris/, 'L40.3'],
  [/lichen sclerosus/, 'L90.0'],
  [/lichen simplex/, 'L28.0'],
  [/prurigo nodul(?:aris|es?)\b/, 'L28.1'],
  // "hypertrophic LP plaques": LP is lichen planus when it names plaques or papules.
  [/hypertrophic (?:lichen planus|lp\b)/, 'L43.0'],
  [/lichen planus|\blp (?=plaques?|papules?|lesions?)/, 'L43.9'],
  [/granuloma annulare/, 'L92.0'],
  // icd10-derm: L92.1 "Necrobiosis lipoidica, not elsewhere classified", L92.3 "Foreign body granuloma of the skin…".
  [/necrobiosis lipoidica/, 'L92.1'],
  [/foreign[- ]body granulomas?/, 'L92.3'],
  // icd10-derm §3.9: L94.0 "Localized scleroderma [morphea]".
  [/morphea|localized scleroderma/, 'L94.0'],
  [/pemphigus vulgaris/, 'L10.0'],
  [/bullous pemphigoid/, 'L12.0'],
  [/discoid lupus/, 'L93.0'],
  // Urticaria pigmentosa is cutaneous mastocytosis, not urticaria.
  [/(?<!systemic )mastocytosis|urticaria pigmentosa|mastocytoma/, 'D47.01'],
  [/urticaria|\bhives\b/, 'L50.9'],
  [/onychomycosis|tinea unguium|mycotic\s+(?:toe|finger)?nails?/, 'B35.1'],
  [/tinea pedis/, 'B35.3'],
  [/tinea corporis/, 'B35.4'],
  [/tinea capitis/, 'B35.0'],
  [/tinea cruris/, 'B35.6'],
  [/(tinea|pityriasis) versicolor/, 'B36.0'],
  [/tinea manuum/, 'B35.2'],
  [/tinea barbae/, 'B35.0'],
  // Tinea or dermatophytosis with no site named (icd10-derm §4.2: B35.9 dermatophytosis, unspecified).
  [/\btinea\b(?! (?:versicolor|pedis|corporis|capitis|cruris|unguium|manuum|barbae|nigra))|dermatophytosis/, 'B35.9'],
  [/scabies/, 'B86'],
  [/herpes zoster|shingles/, 'B02.9'],
  [/herpes simplex|\bhsv\b/, 'B00.9'],
  [/\bcorns?\b|callus|callosit/, 'L84'],
  [/poison (ivy|oak|sumac)/, 'L23.7'],
  // ICD-10-CM: allergic (L23) and irritant (L24) contact dermatitis have their own unspecified-cause codes.
  [/allergic contact dermatitis/, 'L23.9'],
  [/irritant contact dermatitis/, 'L24.9'],
  [/contact dermatitis/, 'L25.9'],
  [/pseudofolliculitis/, 'L73.1'],
  [/\bpruritus\b/, 'L29.9'],
  // Lentigo maligna is matched earlier as melanoma in situ.
  [/lentig(o|ines)/, 'L81.4'],
  // ICD-10-CM index: melasma → chloasma L81.1.
  [/\bmelasma|\bchloasma/, 'L81.1'],
  [/port[- ]wine|nevus flammeus/, 'Q82.5'],
  [/sebaceous hyperplasia/, 'L73.8'],
  [/\bscar\b/, 'L90.5'],
  // ICD-10-CM index: cyst, skin → follicular cyst, unspecified (after every named cyst above).
  [/\bcysts?\b/, 'L72.9'],
  // Whole words: chondrodermatitis (ear) and neurodermatitis are not an unspecified dermatitis.
  [/nummular (?:dermatitis|eczema)|discoid eczema/, 'L30.0'],
  [/dyshidro(?:sis|tic (?:dermatitis|eczema))|pompholyx/, 'L30.1'],
  [/perioral dermatitis/, 'L71.0'],
  [/(?<!candidal )intertrigo/, 'L30.4'],
  // A dermatitis the patterns above name by its kind is that kind only, not also an unspecified dermatitis.
  [
    /(?<!\b(?:seborrh?eic|seb|perioral|nummular|atopic|contact|dyshidrotic|allergic|irritant|chondro|neuro|herpetiformis)\s)\bdermatitis(?!\s+herpetiformis)|(?<!\b(?:nummular|discoid|dyshidrotic|atopic)\s)\beczema/,
    'L30.9',
  ],
  [/pityriasis rosea/, 'L42'],
  [/pityriasis rubra pilaris/, 'L44.0'],
  [/xerosis/, 'L85.3'],
  [/pyoderma gangrenosum/, 'L88'],
  [/erythema multiforme/, 'L51.9'],
  [/subacute cutaneous lupus|\bscle\b/, 'L93.1'],
  [/\bimpetigo\b/, 'L01.00'],
  // ICD-10-CM index: Folliculitis (superficial) L73.9.
  [/\bfolliculitis\b(?! (?:decalvans|keloidalis|barbae))/, 'L73.9'],
  [/(?:cutaneous|skin) candidiasis|candidiasis of (?:the )?skin|intertriginous candidiasis|candidal intertrigo/, 'B37.2'],
  [/head lice|pediculosis capitis/, 'B85.0'],
  // A sign, not a diagnosis: what to code for an eruption biopsied before pathology (reference §13.2).
  [/\brash\b|eruption|exanthem/, 'R21'],
];

/**
 * Histology named in free text (pathology diagnosis line, clinical impression,
 * Procedure.lesionType). Undefined when nothing we map is named: the caller
 * then asks the coder instead of guessing.
 */
function cleanText(text: string): string {
  const t = text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    // Same as /\s+/g → ' ', but leaves single spaces alone (most of the text) instead of rewriting each one.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    // Negated mentions name what the lesion is NOT ("negative for melanoma", "no residual BCC", "r/o SCC").
    // "r/o BCC, not an AK": "not a/an …" names what the lesion is not, too.
    .replace(/\b(no evidence of|no residual|negative for|without|free of|rule out|ruled out|r\/o|no|not an?|not c\/w|not consistent with)\b[^.;,]*/g, ' ');
  // The clause-wide pattern is slow on long texts: run it only when its phrase is there at all.
  return NOT_FOUND.test(t) ? t.replace(/(?<![^.;,])[^.;,]*\bnot (identified|seen|present)\b/g, ' ') : t;
}
const NOT_FOUND = /\bnot (identified|seen|present)\b/;

/**
 * Ordered patterns in blocks of blocks, each (sub)block also joined into one regex: a text that
 * matches no pattern of a block is scanned once for the block instead of once per pattern.
 * Same answers as trying every pattern in order (an alternation matches iff one of its
 * alternatives does).
 */
interface PatternRow<T> {
  re: RegExp;
  global: RegExp;
  value: T;
}
interface PatternBlock<T> {
  any: RegExp;
  parts: { any: RegExp; rows: PatternRow<T>[] }[];
}

function joined(rows: readonly (readonly [RegExp, unknown])[]): RegExp {
  for (const [re] of rows) {
    // Joining would renumber backreferences or mix flags: the tables use neither.
    if (re.flags !== '' || /\\[1-9]/.test(re.source)) throw new Error(`icd10: pattern ${re} cannot be joined`);
  }
  return new RegExp(rows.map(([re]) => `(?:${re.source})`).join('|'));
}

function patternBlocks<T>(rows: readonly [RegExp, T][], size = 12, partSize = 4): PatternBlock<T>[] {
  const out: PatternBlock<T>[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const parts: PatternBlock<T>['parts'] = [];
    for (let j = 0; j < chunk.length; j += partSize) {
      const part = chunk.slice(j, j + partSize);
      parts.push({ any: joined(part), rows: part.map(([re, value]) => ({ re, global: new RegExp(re.source, 'g'), value })) });
    }
    out.push({ any: joined(chunk), parts });
  }
  return out;
}

/** The value of the first pattern (in table order) that matches the text. */
function firstMatch<T>(blocks: readonly PatternBlock<T>[], text: string): T | undefined {
  for (const block of blocks) {
    if (!block.any.test(text)) continue;
    for (const part of block.parts) {
      if (!part.any.test(text)) continue;
      for (const row of part.rows) if (row.re.test(text)) return row.value;
    }
  }
  return undefined;
}

/** The values of every pattern that matches the text, in table order. */
function allMatches<T>(blocks: readonly PatternBlock<T>[], text: string): T[] {
  const out: T[] = [];
  for (const block of blocks) {
    if (!block.any.test(text)) continue;
    for (const part of block.parts) {
      if (!part.any.test(text)) continue;
      for (const row of part.rows) if (row.re.test(text)) out.push(row.value);
    }
  }
  return out;
}

const HISTORY_BLOCKS = patternBlocks(HISTORY_PATTERNS);
const HISTOLOGY_BLOCKS = patternBlocks(HISTOLOGY_PATTERNS);
const CONDITION_BLOCKS = patternBlocks(CONDITION_PATTERNS);
/** The lesion patterns up to the last one that reads a cancer (malignanciesInText needs no more). */
const MALIGNANT_PREFIX_BLOCKS = patternBlocks(HISTOLOGY_PATTERNS.slice(0, lastIndexWhere(HISTOLOGY_PATTERNS, ([, h]) => MALIGNANT.has(h)) + 1));

function lastIndexWhere<T>(rows: readonly T[], test: (row: T) => boolean): number {
  for (let i = rows.length - 1; i >= 0; i--) if (test(rows[i] as T)) return i;
  return -1;
}

export function histologyFromText(text: string | undefined): Histology | undefined {
  if (!text) return undefined;
  const t = cleanText(text);
  // Parser's normalized lesionType words.
  if (t === 'scc in situ' || t === 'scc in-situ') return 'carcinoma-in-situ';
  if (t === 'atypical nevus') return 'nevus';
  if (t === 'inflamed seborrheic keratosis') return 'inflamed-seborrheic-keratosis';
  const history = firstMatch(HISTORY_BLOCKS, t);
  if (history) return `code:${history}`;
  const h = firstMatch(HISTOLOGY_BLOCKS, t);
  if (h) return h;
  const condition = firstMatch(CONDITION_BLOCKS, t);
  return condition ? `code:${condition}` : undefined;
}

/**
 * Every histology/condition a longer text names: lesions and conditions in pattern
 * order, then history/screening codes, leaving out negated and historical
 * mentions ("hx of BCC" gives Z85.828, never a BCC). For last-resort linking from a whole note.
 */
export function histologiesInText(text: string | undefined): Histology[] {
  if (!text) return [];
  const cleaned = cleanText(text);
  const { out, rest } = lesionReadings(withoutHistory(cleaned), HISTOLOGY_BLOCKS);
  for (const code of allMatches(CONDITION_BLOCKS, rest)) if (!out.includes(`code:${code}`)) out.push(`code:${code}`);
  // History and screening last: active problems come first on a line.
  for (const code of allMatches(HISTORY_BLOCKS, cleaned)) if (!out.includes(`code:${code}`)) out.push(`code:${code}`);
  return out;
}

/**
 * The cancers a longer text names: exactly the MALIGNANT entries of histologiesInText, in its
 * order. The cancer patterns come first in the table and only earlier patterns mask text before
 * them, so the patterns after the last cancer one need not run.
 */
/**
 * The malignancies a text names, its history left out ("hx of melanoma" is no melanoma today) unless `withHistory`:
 * "prior shave bx showed basal cell carcinoma" is the proof a re-excision rests on.
 */
export function malignanciesInText(text: string | undefined, withHistory = false): Histology[] {
  if (!text) return [];
  const cleaned = cleanText(text);
  return lesionReadings(withHistory ? cleaned : withoutHistory(cleaned), MALIGNANT_PREFIX_BLOCKS).out.filter((h) => MALIGNANT.has(h));
}

function withoutHistory(cleaned: string): string {
  return cleaned.replace(/\b(history of|hx of|h\/o|s\/p|status post|family history|fh of|prior)\b[^.;,\n]*/g, ' ');
}

/** Lesion patterns in table order over a cleaned text; each match is masked before the next pattern runs. */
function lesionReadings(t: string, blocks: readonly PatternBlock<Histology>[]): { out: Histology[]; rest: string } {
  const out: Histology[] = [];
  let rest = t;
  for (const block of blocks) {
    // Masking only happens inside a (sub)block whose joined pattern matched, so a skipped one saw this same text.
    if (!block.any.test(rest)) continue;
    for (const part of block.parts) {
      if (!part.any.test(rest)) continue;
      for (const { re, global, value: h } of part.rows) {
        if (!re.test(rest)) continue;
        if (!out.includes(h)) out.push(h);
        // Mask what matched so "lentigo maligna" (melanoma in situ) is not read again as a lentigo.
        rest = rest.replace(global, ' ');
      }
    }
  }
  return { out, rest };
}

/** Billable ICD-10-CM codes written out in a text (e.g. "hyperhidrosis (L74.510)"), in order of appearance. */
export function codesInText(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/\b([A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4})\b/g)) {
    const c = normalizeIcd10(m[1]);
    if (c && isBillable(c) && !out.includes(c)) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Site: where on the body, in ICD-10-CM's skin sites (not CPT's site groups).

export type IcdSite =
  | 'lip'
  | 'eyelid'
  | 'ear'
  | 'nose'
  | 'face-other'
  | 'face-unspecified'
  | 'scalp-neck'
  | 'trunk-anal'
  | 'trunk-breast'
  | 'trunk-other'
  | 'upper-limb'
  | 'lower-limb'
  | 'axilla'
  | 'palm'
  | 'sole'
  | 'unspecified';

export interface IcdSiteResult {
  site?: IcdSite;
  /** The site is not skin the subset codes (genital organ, mucosa, …): name it. */
  outside?: string;
  /** Coders disagree on which ICD site this is: ask to verify. */
  verify?: string;
}

/** Site keys whose ICD-10-CM site differs from what the CPT anatomy says. */
const ICD_SITE_OVERRIDE: Record<string, IcdSiteResult> = {
  // ICD-10-CM limb titles: "lower limb, including hip"; "upper limb, including shoulder".
  hip: { site: 'lower-limb' },
  shoulder: { site: 'upper-limb' },
  extremity: {},
  nail: {},
  fingernail: { site: 'upper-limb' },
  toenail: { site: 'lower-limb' },
  palm: { site: 'palm' },
  sole: { site: 'sole' },
  'mons-pubis': { outside: 'mons pubis (genital skin is not in the skin-neoplasm subset)' },
  supraclavicular: { site: 'scalp-neck', verify: 'supraclavicular: neck or trunk?' },
  postauricular: { site: 'ear', verify: 'postauricular: ear or scalp/neck?' },
  jawline: { site: 'face-other', verify: 'jawline: face above the mandible, neck below it' },
  lip: { site: 'lip', verify: 'lip: skin of the lip or vermilion?' },
};

export function icdSite(siteKey: string | undefined): IcdSiteResult {
  if (!siteKey) return { site: 'unspecified' };
  const override = ICD_SITE_OVERRIDE[siteKey];
  if (override) return override;
  const info = siteInfo(siteKey);
  if (!info) return {};
  switch (info.region) {
    case 'scalp':
    case 'neck':
      return { site: 'scalp-neck' };
    case 'face':
      switch (info.subunit) {
        case 'eyelid':
          return { site: 'eyelid' };
        case 'ear':
          return { site: 'ear' };
        case 'nose':
          return { site: 'nose' };
        case 'lip':
          return { site: 'lip' };
        case 'face':
          return { site: 'face-unspecified' };
        default:
          return { site: 'face-other' };
      }
    case 'trunk':
      if (info.subunit === 'breast') return { site: 'trunk-breast' };
      return { site: 'trunk-other' };
    case 'perianal':
      return { site: 'trunk-anal' };
    case 'axilla':
      return { site: 'axilla' };
    case 'arm':
    case 'hand':
      return { site: 'upper-limb' };
    case 'leg':
    case 'foot':
      return { site: 'lower-limb' };
    case 'genitalia':
      return { outside: `${siteKey} (genital organ skin is coded outside the skin-neoplasm categories)` };
    case 'mucosa':
      return { outside: `${siteKey} (mucosa is not skin)` };
  }
}

// ---------------------------------------------------------------------------
// Resolver.

export interface ResolveInput {
  histology: Histology;
  siteKey?: string;
  laterality?: Laterality;
  /** 'upper' / 'lower' eyelid when documented (Site.subsite). */
  subsite?: string;
}

export type MissingFact = 'site' | 'laterality' | 'eyelid-part' | 'face-part';

export interface Resolution {
  /** Billable codes, most specific first (two when a bilateral site has no bilateral code). */
  codes: string[];
  /** Facts the note lacks; the code chosen is the unspecified child, and the caller asks for them. */
  missing: MissingFact[];
  /** Why no code could be chosen (site outside the subset, unmapped structure). */
  unresolved?: string;
  /** Site sits on a boundary: ask to verify. */
  verify?: string;
}

type Side = 'right' | 'left' | undefined;

/** C43/C4A/D03/D04/D22/D23: laterality in the 5th character (0 unspecified, 1 right, 2 left). */
interface FamilyA {
  prefix: string;
  /** Nose has its own code (.31) only in C43 and C4A. */
  nose: boolean;
  /** Trunk splits into anal skin (.51) / breast (.52) / other (.59), or is a single .5. */
  trunkSplit: boolean;
}

const FAMILY_A: Partial<Record<Histology, FamilyA>> = {
  melanoma: { prefix: 'C43', nose: true, trunkSplit: true },
  merkel: { prefix: 'C4A', nose: true, trunkSplit: true },
  'melanoma-in-situ': { prefix: 'D03', nose: false, trunkSplit: true },
  'carcinoma-in-situ': { prefix: 'D04', nose: false, trunkSplit: false },
  nevus: { prefix: 'D22', nose: false, trunkSplit: false },
  'benign-skin-neoplasm': { prefix: 'D23', nose: false, trunkSplit: false },
};

/** C44 5th character (histology). Sebaceous carcinoma has its own digit only on the eyelid. */
const C44_HISTOLOGY: Partial<Record<Histology, string>> = {
  'malignant-unspecified': '0',
  bcc: '1',
  scc: '2',
  'sebaceous-carcinoma': '9',
  'malignant-other': '9',
};

/** Codes that need no site. */
const SITELESS: Partial<Record<Histology, string>> = {
  'seborrheic-keratosis': 'L82.1',
  'inflamed-seborrheic-keratosis': 'L82.0',
  'actinic-keratosis': 'L57.0',
  wart: 'B07.9',
  'plantar-wart': 'B07.0',
  'common-wart': 'B07.8',
  molluscum: 'B08.1',
  condyloma: 'A63.0',
  'skin-tag': 'L91.8',
  'epidermal-cyst': 'L72.0',
  'pilar-cyst': 'L72.11',
  'sebaceous-cyst': 'L72.3',
  hidradenitis: 'L73.2',
  keloid: 'L91.0',
  'hyperhidrosis-secondary': 'L74.52',
  'hyperhidrosis-generalized': 'R61',
  psoriasis: 'L40.9',
  'psoriasis-vulgaris': 'L40.0',
  'atopic-dermatitis': 'L20.9',
  acne: 'L70.9',
  'acne-vulgaris': 'L70.0',
  hemangioma: 'D18.01',
  'pyogenic-granuloma': 'L98.0',
  'uncertain-behavior': 'D48.5',
  'unspecified-behavior': 'D49.2',
};

function sides(laterality: Laterality | undefined): { list: Side[]; missing: boolean } {
  if (laterality === 'right' || laterality === 'left') return { list: [laterality], missing: false };
  if (laterality === 'bilateral') return { list: ['right', 'left'], missing: false };
  return { list: [undefined], missing: true };
}

function eyelidPart(siteKey: string | undefined, subsite: string | undefined): 'upper' | 'lower' | undefined {
  if (siteKey === 'upper-eyelid') return 'upper';
  if (siteKey === 'lower-eyelid') return 'lower';
  const s = subsite?.toLowerCase() ?? '';
  if (/upper|superior/.test(s)) return 'upper';
  if (/lower|inferior/.test(s)) return 'lower';
  return undefined;
}

function familyACode(f: FamilyA, site: IcdSite, side: Side, part: 'upper' | 'lower' | undefined, missing: Set<MissingFact>): string | undefined {
  const p = f.prefix;
  const lat = side === 'right' ? '1' : side === 'left' ? '2' : '0';
  switch (site) {
    case 'lip':
      return `${p}.0`;
    case 'eyelid':
      if (!side) return `${p}.10`;
      if (!part) {
        // Side known but upper/lower not: the only billable code is the unspecified eyelid.
        missing.add('eyelid-part');
        return `${p}.10`;
      }
      return `${p}.1${lat}${part === 'upper' ? '1' : '2'}`;
    case 'ear':
      return `${p}.2${lat}`;
    case 'nose':
      return f.nose ? `${p}.31` : `${p}.39`;
    case 'face-other':
      return `${p}.39`;
    case 'face-unspecified':
      missing.add('face-part');
      return `${p}.30`;
    case 'scalp-neck':
      return `${p}.4`;
    case 'trunk-anal':
      return f.trunkSplit ? `${p}.51` : `${p}.5`;
    case 'trunk-breast':
      return f.trunkSplit ? `${p}.52` : `${p}.5`;
    case 'trunk-other':
      return f.trunkSplit ? `${p}.59` : `${p}.5`;
    case 'upper-limb':
    case 'palm':
      return `${p}.6${lat}`;
    case 'lower-limb':
    case 'sole':
      return `${p}.7${lat}`;
    case 'unspecified':
      return `${p}.9`;
    case 'axilla':
      return undefined;
  }
}

function c44Code(h: Histology, site: IcdSite, side: Side, part: 'upper' | 'lower' | undefined, missing: Set<MissingFact>): string | undefined {
  const digit = site === 'eyelid' && h === 'sebaceous-carcinoma' ? '3' : C44_HISTOLOGY[h];
  if (!digit) return undefined;
  // C44 laterality in the 6th character: 1 unspecified, 2 right, 9 left (icd10-derm §6).
  const lat = side === 'right' ? '2' : side === 'left' ? '9' : '1';
  switch (site) {
    case 'lip':
      return `C44.0${digit}`;
    case 'eyelid':
      if (!side) return `C44.1${digit}1`;
      if (!part) {
        missing.add('eyelid-part');
        return `C44.1${digit}1`;
      }
      return `C44.1${digit}${lat}${part === 'upper' ? '1' : '2'}`;
    case 'ear':
      return `C44.2${digit}${lat}`;
    case 'nose':
      return `C44.3${digit}1`;
    case 'face-other':
      return `C44.3${digit}9`;
    case 'face-unspecified':
      missing.add('face-part');
      return `C44.3${digit}0`;
    case 'scalp-neck':
      return `C44.4${digit}`;
    case 'trunk-anal':
      return `C44.5${digit}0`;
    case 'trunk-breast':
      return `C44.5${digit}1`;
    case 'trunk-other':
      return `C44.5${digit}9`;
    case 'upper-limb':
    case 'palm':
      return `C44.6${digit}${lat}`;
    case 'lower-limb':
    case 'sole':
      return `C44.7${digit}${lat}`;
    case 'unspecified':
      return `C44.9${digit}`;
    case 'axilla':
      return undefined;
  }
}

function lipomaCode(site: IcdSite, side: Side): string | undefined {
  switch (site) {
    case 'lip':
    case 'eyelid':
    case 'ear':
    case 'nose':
    case 'face-other':
    case 'face-unspecified':
    case 'scalp-neck':
      return 'D17.0';
    case 'trunk-anal':
    case 'trunk-breast':
    case 'trunk-other':
      return 'D17.1';
    case 'upper-limb':
    case 'palm':
      return side === 'right' ? 'D17.21' : side === 'left' ? 'D17.22' : 'D17.20';
    case 'lower-limb':
    case 'sole':
      return side === 'right' ? 'D17.23' : side === 'left' ? 'D17.24' : 'D17.20';
    case 'unspecified':
      return 'D17.30';
    case 'axilla':
      return undefined;
  }
}

function hyperhidrosisCode(site: IcdSite | undefined, siteKey: string | undefined): { code: string; missing: boolean } {
  if (site === 'axilla') return { code: 'L74.510', missing: false };
  if (site === 'palm' || siteKey === 'hand') return { code: 'L74.512', missing: false };
  if (site === 'sole' || siteKey === 'foot') return { code: 'L74.513', missing: false };
  if (site === 'face-other' || site === 'face-unspecified' || site === 'nose' || site === 'lip') return { code: 'L74.511', missing: false };
  return { code: 'L74.519', missing: true };
}

/**
 * L02 cutaneous abscess (1) / furuncle (2) / carbuncle (3) by site, from the FY2026
 * titles: face .0, neck .1, trunk .2 (abdominal wall 1, back 2, chest wall 3, groin 4,
 * perineum 5, umbilicus 6, flank 7, unspecified 9), buttock .3, axilla/limbs .4,
 * hand .5, foot .6, head except face .8x1, unspecified .9.
 */
function abscessCode(
  kind: '1' | '2' | '3',
  siteKey: string | undefined,
  laterality: Laterality | undefined,
): { code?: string; missing?: MissingFact; outside?: string } {
  if (!siteKey) return { code: `L02.9${kind}`, missing: 'site' };
  const info = siteInfo(siteKey);
  if (!info) return { code: `L02.9${kind}`, missing: 'site' };
  const side = laterality === 'right' ? 'right' : laterality === 'left' ? 'left' : undefined;
  const lateral = (right: string, left: string, unspecified: string) =>
    side === 'right' ? { code: right } : side === 'left' ? { code: left } : { code: unspecified, missing: 'laterality' as const };
  if (siteKey === 'perineum') return { code: `L02.2${kind}5` };
  if (siteKey === 'umbilicus') return { code: `L02.2${kind}6` };
  if (siteKey === 'hip') return lateral(`L02.4${kind}5`, `L02.4${kind}6`, `L02.4${kind}9`);
  switch (info.region) {
    case 'face':
      return { code: `L02.0${kind}` };
    case 'neck':
      return { code: `L02.1${kind}` };
    case 'scalp':
      return { code: `L02.8${kind}1` };
    case 'trunk': {
      const sub: Record<string, string> = { abdomen: '1', back: '2', chest: '3', breast: '3', groin: '4', flank: kind === '3' ? '2' : '7' };
      if (info.subunit === 'buttock') return { code: `L02.3${kind}` };
      const d = info.subunit ? sub[info.subunit] : undefined;
      return d ? { code: `L02.2${kind}${d}` } : { code: `L02.2${kind}9`, missing: 'site' };
    }
    case 'axilla':
      return lateral(`L02.4${kind}1`, `L02.4${kind}2`, `L02.4${kind}9`);
    case 'arm':
      return lateral(`L02.4${kind}3`, `L02.4${kind}4`, `L02.4${kind}9`);
    case 'leg':
      return lateral(`L02.4${kind}5`, `L02.4${kind}6`, `L02.4${kind}9`);
    case 'hand':
      return lateral(`L02.5${kind}1`, `L02.5${kind}2`, `L02.5${kind}9`);
    case 'foot':
      return lateral(`L02.6${kind}1`, `L02.6${kind}2`, `L02.6${kind}9`);
    default:
      return { outside: `${siteKey} (genital, perianal and mucosal abscesses are coded outside L02)` };
  }
}

/**
 * The text tables in the order they are tried, for tests that check the block scanning against
 * trying each pattern one by one. Read-only.
 */
export function textPatternTables(): {
  history: readonly (readonly [RegExp, string])[];
  histology: readonly (readonly [RegExp, Histology])[];
  condition: readonly (readonly [RegExp, string])[];
} {
  return { history: HISTORY_PATTERNS, histology: HISTOLOGY_PATTERNS, condition: CONDITION_PATTERNS };
}

/** Every fixed code the text mappings can emit (for a test that each one is a billable FY2026 code). */
export function fixedMappedCodes(): string[] {
  return [...new Set([...Object.values(SITELESS), ...CONDITION_PATTERNS.map(([, c]) => c), ...HISTORY_PATTERNS.map(([, c]) => c)])] as string[];
}

const LATERAL_SITES: ReadonlySet<IcdSite> = new Set<IcdSite>(['eyelid', 'ear', 'upper-limb', 'lower-limb', 'palm', 'sole']);

/**
 * (histology, site key, laterality, subsite) → billable ICD-10-CM codes.
 * Never returns a header. When the note lacks the site or side, returns the
 * unspecified child and names the missing fact; when no code in the subset
 * fits, returns no code and says why.
 */
export function resolveDx(input: ResolveInput): Resolution {
  const { histology: h, siteKey, laterality, subsite } = input;
  if (h.startsWith('code:')) {
    const code = h.slice(5);
    return isBillable(code) ? { codes: [code], missing: [] } : { codes: [], missing: [], unresolved: `${code} is not a billable FY2026 code` };
  }
  const siteless = SITELESS[h as keyof typeof SITELESS];
  if (siteless) return { codes: [siteless], missing: [] };

  if (h === 'abscess' || h === 'furuncle' || h === 'carbuncle') {
    const r = abscessCode(h === 'abscess' ? '1' : h === 'furuncle' ? '2' : '3', siteKey, laterality);
    if (!r.code || !isBillable(r.code)) return { codes: [], missing: [], unresolved: r.outside ? `site ${r.outside}` : `no ${h} code for ${siteKey}` };
    return { codes: [r.code], missing: r.missing ? [r.missing] : [] };
  }

  const where = icdSite(siteKey);
  if (where.outside) return { codes: [], missing: [], unresolved: `site ${where.outside}` };

  if (h === 'hyperhidrosis-primary') {
    const r = hyperhidrosisCode(where.site, siteKey);
    return { codes: [r.code], missing: r.missing ? ['site'] : [] };
  }

  const missing = new Set<MissingFact>();
  let site = where.site;
  if (!site) {
    // Known-ambiguous or unrecognised site key: code the unspecified site and ask.
    missing.add('site');
    site = 'unspecified';
  } else if (site === 'unspecified') {
    missing.add('site');
  }
  if (site === 'axilla') {
    // The reference does not place axillary skin in an ICD-10-CM site (trunk vs upper limb): ask, never guess.
    return { codes: [], missing: [], unresolved: 'axilla: the ICD-10-CM skin site (trunk or upper limb) is not settled in the reference' };
  }
  const part = eyelidPart(siteKey, subsite);
  const needsSide = LATERAL_SITES.has(site);
  const s = needsSide ? sides(laterality) : { list: [undefined] as Side[], missing: false };
  if (needsSide && s.missing) missing.add('laterality');

  const codes: string[] = [];
  for (const side of s.list) {
    let code: string | undefined;
    const famA = FAMILY_A[h];
    if (famA) code = familyACode(famA, site, side, part, missing);
    else if (C44_HISTOLOGY[h] !== undefined) code = c44Code(h, site, side, part, missing);
    else if (h === 'lipoma') code = lipomaCode(site, side);
    if (!code) return { codes: [], missing: [], unresolved: `no ${h} code for site ${siteKey ?? 'unspecified'} in the subset` };
    // Safety net: the structure must land on a billable leaf of the FY2026 table.
    if (!isBillable(code)) return { codes: [], missing: [], unresolved: `derived ${code} is not a billable FY2026 code` };
    if (!codes.includes(code)) codes.push(code);
  }
  return { codes, missing: [...missing], verify: where.verify };
}

// ---------------------------------------------------------------------------
// Reading a code back: which site and side it states (for mismatch checks).

export interface CodeSite {
  site?: IcdSite | 'eyelid' | 'face';
  side?: 'right' | 'left';
}

/** Site and side a skin code states, for C43/C4A/C44/D03/D04/D22/D23 codes; {} otherwise. */
export function siteOfCode(code: string | undefined): CodeSite {
  const c = normalizeIcd10(code);
  if (!c) return {};
  const cat = c.slice(0, 3);
  const rest = c.slice(4);
  const siteDigit = rest[0];
  const bySite: Record<string, IcdSite | 'face'> = {
    '0': 'lip',
    '1': 'eyelid',
    '2': 'ear',
    '3': 'face',
    '4': 'scalp-neck',
    '5': 'trunk-other',
    '6': 'upper-limb',
    '7': 'lower-limb',
  };
  if (!siteDigit || !(siteDigit in bySite)) return {};
  const site = bySite[siteDigit];
  if (['C43', 'C4A', 'D03', 'D04', 'D22', 'D23'].includes(cat)) {
    const lat = rest[1];
    if (['1', '2', '6', '7'].includes(siteDigit)) return { site, side: lat === '1' ? 'right' : lat === '2' ? 'left' : undefined };
    return { site };
  }
  if (cat === 'C44') {
    const lat = rest[2];
    if (['1', '2', '6', '7'].includes(siteDigit)) return { site, side: lat === '2' ? 'right' : lat === '9' ? 'left' : undefined };
    return { site };
  }
  return {};
}

/** Does a documented code's site/side contradict the documented site/laterality? Returns the conflict in words. */
export function siteConflict(code: string, siteKey: string | undefined, laterality: Laterality | undefined): string | undefined {
  const stated = siteOfCode(code);
  if (!stated.site) return undefined;
  const documented = icdSite(siteKey).site;
  if (documented && documented !== 'unspecified') {
    const norm = (s: string): string => {
      if (s === 'nose' || s === 'face-other' || s === 'face-unspecified' || s === 'face') return 'face';
      if (s.startsWith('trunk')) return 'trunk';
      if (s === 'palm') return 'upper-limb';
      if (s === 'sole') return 'lower-limb';
      return s;
    };
    if (documented !== 'axilla' && norm(documented) !== norm(stated.site)) return `${code} is a ${stated.site} code but the site documented is ${siteKey}`;
  }
  if (stated.side && (laterality === 'left' || laterality === 'right') && stated.side !== laterality)
    return `${code} states ${stated.side} but the note documents ${laterality}`;
  return undefined;
}
