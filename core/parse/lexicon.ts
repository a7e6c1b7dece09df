import { HEDGED_SPANS } from '../codes/hedges';
import type { Behavior, ProcedureStatus } from '../model';
import { parseMemo, parseMemoAt } from './memo';
import { type GatedRegExp, gated, gatedTest, indexText, mayMatch } from './prefilter';
import { findTriggers } from './triggers';

/**
 * Word lists for lesion types, pathology behavior, indications, cosmetic intent
 * and planned/declined/historical wording. Linear regexes on capped text only.
 */

export type LesionType =
  | 'actinic-keratosis'
  | 'wart'
  | 'seborrheic-keratosis'
  | 'inflamed-seborrheic-keratosis'
  | 'molluscum'
  | 'skin-tag'
  | 'milia'
  | 'bcc'
  | 'scc'
  | 'scc-in-situ'
  | 'melanoma-in-situ'
  | 'melanoma'
  | 'nevus'
  | 'atypical-nevus'
  | 'cyst'
  | 'lipoma'
  | 'dermatofibroma'
  | 'hemangioma'
  | 'keloid'
  | 'scar'
  | 'condyloma'
  | 'other';

/** Most specific first: "SCC in situ" before "SCC", "inflamed SK" before "SK". */
const LESION_TYPES: [LesionType, RegExp][] = [
  [
    'scc-in-situ',
    /\b(?:scc-is\b|sccis|scc\s+in[- ]situ|squamous\s+cell\s+carcinoma,?\s+in[- ]situ|squamous\s+cell\s+carcinoma\s+\(?in[- ]situ|bowen'?s(?:\s+disease)?|carcinoma\s+in[- ]situ|keratinocyte\s+carcinoma\s+in[- ]situ)/i,
  ],
  ['melanoma-in-situ', /\b(?:mis|melanoma\s+in[- ]situ|melanoma,?\s+in[- ]situ|lentigo\s+maligna(?!\s+melanoma)|malignant\s+melanoma\s+in[- ]situ)\b/i],
  ['melanoma', /\b(?:melanoma|lentigo\s+maligna\s+melanoma)\b/i],
  ['bcc', /\b(?:[snim]?bccs?|basal\s+cell(?:\s+carcinoma|\s+ca|\s+cancer)?|basal\s+cell\s+epithelioma|bcca|rodent\s+ulcer)\b/i],
  ['scc', /\b(?:scc|sccs|sq(?:ua|au)mo?u?s\s+cell(?:\s+carcinoma|\s+ca|\s+cancer)?|keratoacanthoma|ka)\b/i],
  [
    'inflamed-seborrheic-keratosis',
    // "irritated, bleeding SK": a word or two may sit between the adjective and the lesion ("SK's x 2 inflamed": a count too),
    // or an aside ("Irritated (inflamed) seborrheic keratosis").
    /\b(?:isks?|(?<!\bnon-?|\bnot\s)(?:inflamed|irritated)(?:\s*\([^)\n]{1,30}\))?(?:,?\s+(?:and\s+)?[a-z]+){0,2},?\s+(?:seborrheic\s+keratos[ie]s|sk'?s?|seb\s*k)|(?:seborrheic\s+keratos[ie]s|sk'?s?)(?:\s*[x×]\s*\d{1,3})?(?:\s*\([^)\n]{1,40}\))?(?:,?\s+(?:(?:on|of|at)\s+(?:the\s+)?)?(?!(?:and|or|with|vs|versus|but|not|non|no|without)\b)[a-z]+(?:\s+[a-z]+)?)?(?:,|:|\s[-–—]+)?\s+\(?(?:inflamed|irritated))\b/i,
  ],
  [
    'actinic-keratosis',
    /\b(?:aks?|actinic\s+keratos[ie]s|actinic\s+keratoses|queratos[ie]s\s+act[ií]nicas?|hyperkeratotic\s+aks?|solar\s+keratos[ie]s|actinic\s+cheilitis|precancer(?:ous)?\s+lesions?|pre-?cancers?|pre-?malignant\s+lesions?)\b/i,
  ],
  [
    'seborrheic-keratosis',
    /\b(?:sks?|seborrh?eic\s+keratos[ie]s|seb\s*ks?|seborrheic\s+keratoses|stucco\s+keratos[ie]s|dpns?|dermatosis\s+papulosa\s+nigra)\b/i,
  ],
  ['condyloma', /\b(?:condylomas?|condylomata(?:\s+acuminata)?|genital\s+warts?|anogenital\s+warts?|venereal\s+warts?)\b/i],
  [
    'wart',
    /\b(?:warts?|verruca(?:e|s)?(?:\s+(?:vulgaris|plantaris|plana))?|vv|plantar\s+warts?|common\s+warts?|flat\s+warts?|periungual\s+warts?|hpv\s+lesions?)\b/i,
  ],
  ['molluscum', /\b(?:molluscum(?:\s+contagiosum)?|mollusca|mc)\b/i],
  ['skin-tag', /\b(?:skin\s*tags?|acrochordons?|acrochorda|fibroepithelial\s+polyps?|sts|tags)\b/i],
  ['milia', /\b(?:milia|milium)\b/i],
  [
    'atypical-nevus',
    /\b(?:atypical\s+(?:nev(?:us|i)|moles?|melanocytic)|dysplastic\s+nev(?:us|i)|dns?|clark'?s?\s+nev(?:us|i)|nevus\s+with\s+(?:(?:mild|moderate|severe)\s*)?(?:architectural\s+)?(?:disorder|atypia))\b/i,
  ],
  ['nevus', /\b(?:nev(?:us|i)|moles?|nmn|melanocytic\s+(?:lesion|nevus|nevi)|compound\s+nevus|intradermal\s+nevus|junctional\s+nevus|spitz)\b/i],
  ['cyst', /\b(?:cysts?|eic|epidermal\s+inclusion|epidermoid|pilar|trichilemmal|sebaceous\s+cyst|steatocystoma)\b/i],
  ['lipoma', /\b(?:lipomas?|angiolipomas?)\b/i],
  ['dermatofibroma', /\b(?:dermatofibromas?|dfs?|benign\s+fibrous\s+histiocytoma)\b/i],
  ['hemangioma', /\b(?:hemangiomas?|angiomas?|cherry\s+angiomas?|pyogenic\s+granuloma|venous\s+lake|angiokeratomas?)\b/i],
  ['keloid', /\b(?:keloids?|hypertrophic\s+scars?)\b/i],
  ['scar', /\b(?:scars?|cicatrix)\b/i],
];

/** HEDGED_SPANS without its "?" branch: a match of HEDGED_SPANS is either one of these words or starts at a "?". */
const HEDGE_WORDS = gated(
  /\b(?:r\/o|rule\s+out|to\s+rule\s+out|vs\.?|versus|ddx|differential(?:\s+diagnosis)?(?:\s+includes)?|concern(?:ing)?\s+for|suspicious\s+for|suspect(?:ed)?|possible|probable|questionable|cannot\s+exclude)\b/i,
);

/**
 * The first (most specific) lesion type named in the text, if any. Hedged mentions
 * ("r/o BCC", "vs SCC") do not count unless `hedged` is allowed: a suspected
 * malignancy is not a diagnosis (pathology decides, CPT excision guidelines).
 */
export function lesionTypeOf(text: string, hedged = false): LesionType | undefined {
  // The same block or sentence is asked about several times per note.
  // Keyed by the text itself: a block's text object is asked about again, and its hash is then already known.
  return (hedged ? hedgedLesionTypes : lesionTypes)(text, () => lesionTypeIn(text, hedged));
}

const lesionTypes = parseMemo<LesionType | undefined>();
const hedgedLesionTypes = parseMemo<LesionType | undefined>();

function lesionTypeIn(text: string, hedged: boolean): LesionType | undefined {
  const raw = text.length > 2000 ? text.slice(0, 2000) : text;
  // Twenty-odd word lists per call: the text's index skips the lists it cannot contain.
  let index = indexText(raw);
  let t = raw;
  // Most texts hedge nothing: the hedge pattern is only run when its words or a "?" may be there.
  if (!hedged && (raw.includes('?') || mayMatch(HEDGE_WORDS.gate, index))) {
    t = raw.replace(HEDGED_SPANS, ' ');
    if (t !== raw) index = indexText(t);
  }
  // "r/o BCC, not an AK": what the lesion is not is never its type, hedged or not.
  if (/\bnot\s/i.test(t)) {
    const kept = t.replace(NOT_A, ' ');
    if (kept !== t) {
      t = kept;
      index = indexText(t);
    }
  }
  for (const [type, re] of LESION_TYPES_GATED) {
    if (!gatedTest(re, t, index)) continue;
    // "ISK vs SCC": a differential with a cancer or an AK leaves the lesion's nature to pathology; the first name alone
    // would make a suspected carcinoma a benign lesion.
    if (t !== raw && !hedged && differsInDifferential(raw, type)) return undefined;
    return type;
  }
  return undefined;
}

const VERSUS = /\b(?:vs\.?|versus)\s+([^,.;\n]{1,40})/gi;

function differsInDifferential(raw: string, type: LesionType): boolean {
  for (const m of raw.matchAll(VERSUS)) {
    for (const other of lesionTypeMentions(m[1] ?? '')) {
      if (other.type === type) continue;
      if (MALIGNANT_TYPES.has(other.type) || other.type === 'actinic-keratosis') return destructionKindOf(other.type) !== destructionKindOf(type);
    }
  }
  return false;
}

const NOT_A = /\bnot\s+(?:an?|c\/w|consistent\s+with|typical\s+(?:of|for))\s+[^,.;\n]{0,40}/gi;

const LESION_TYPES_GATED: [LesionType, GatedRegExp][] = LESION_TYPES.map(([type, re]) => [type, gated(re)]);

/** Every lesion-type mention with its position (to split "LN2 to 8 AKs and 3 SKs"). */
const LESION_TYPES_G: [LesionType, GatedRegExp][] = LESION_TYPES.map(([type, re]) => [type, gated(new RegExp(re.source, 'gi'))]);

export function lesionTypeMentions(text: string): { type: LesionType; start: number; end: number }[] {
  const out: { type: LesionType; start: number; end: number }[] = [];
  const index = indexText(text);
  for (const [type, { re: g, gate }] of LESION_TYPES_G) {
    if (!mayMatch(gate, index)) continue;
    g.lastIndex = 0;
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      if (!out.some((o) => o.start < e && s < o.end)) out.push({ type, start: s, end: e });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const MALIGNANT_TYPES = new Set<LesionType>(['bcc', 'scc', 'scc-in-situ', 'melanoma', 'melanoma-in-situ']);

/** Destruction class by lesion type (CPT 17000-17004 / 17110-17111 / 17260-17286 / 11200). */
export function destructionKindOf(
  type: LesionType | undefined,
): 'destruction-premalignant' | 'destruction-benign' | 'destruction-malignant' | 'skin-tag-removal' | undefined {
  if (!type) return undefined;
  if (type === 'actinic-keratosis') return 'destruction-premalignant';
  if (type === 'skin-tag') return 'skin-tag-removal';
  if (MALIGNANT_TYPES.has(type)) return 'destruction-malignant';
  if (type === 'other' || type === 'scar' || type === 'keloid' || type === 'cyst' || type === 'lipoma') return undefined;
  return 'destruction-benign';
}

// ---------------------------------------------------------------- behavior

const NEGATED =
  /\b(?:no|negative\s+for|without|free\s+of|no\s+evidence\s+of|no\s+residual|absence\s+of|rule\s+out|r\/o|not\s+identified|not\s+seen)\b[^.;\n]{0,60}/gi;

/** Pathology behavior from the diagnosis wording; negated phrases ("no residual carcinoma") are ignored. */
export function behaviorOf(diagnosis: string): Behavior {
  const raw = diagnosis.length > 3000 ? diagnosis.slice(0, 3000) : diagnosis;
  const t = raw.replace(NEGATED, ' ').toLowerCase();
  if (
    /\b(?:insufficient|non-?diagnostic|inadequate\s+for\s+diagnosis|unsatisfactory|no\s+tissue)\b/.test(raw.toLowerCase()) &&
    !/carcinoma|melanoma|nev|keratos/.test(t)
  )
    return 'nondiagnostic';
  if (
    !/\bfavou?r(?:ing)?\s+(?:a\s+)?(?:dysplastic|benign|compound|junctional|intradermal|nev)/.test(raw.toLowerCase()) &&
    /\b(?:uncertain\s+(?:malignant\s+)?(?:potential|behavior|biologic)|meltump|sampus|stump|cannot\s+(?:be\s+)?(?:entirely\s+)?(?:rule[sd]?\s+out|exclude)|atypical\s+spitz|atypical\s+(?:(?:compound|junctional|intraepidermal|lentiginous|dermal)\s+){0,2}melanocytic\s+proliferation|favor\s+(?:melanoma|carcinoma))/.test(
      raw.toLowerCase(),
    )
  )
    return 'uncertain';
  if (/\bin[- ]situ\b|\bbowen'?s\b|\blentigo\s+maligna\b(?!\s+melanoma)|\bsccis\b|\bmis\b/.test(t)) {
    // "melanoma in situ with invasive component" is still invasive.
    if (/\binvasive\b|\bbreslow\b|\bclark\s+level\b/.test(t) && !/\bno\s+invasive\b/.test(raw.toLowerCase())) return 'malignant';
    return 'in-situ';
  }
  if (
    /\b(?:carcinoma|melanoma|sarcoma|lymphoma|merkel|atypical\s+fibroxanthoma|afx|dermatofibrosarcoma|dfsp|malignan|metasta|bcc|scc|keratoacanthoma|porocarcinoma|mycosis\s+fungoides|angiosarcoma|extramammary\s+paget|sebaceous\s+carcinoma)/.test(
      t,
    )
  )
    return 'malignant';
  if (
    /\b(?:actinic\s+keratos|solar\s+keratos|actinic\s+cheilitis|\baks?\b|keratinocytic\s+(?:dysplasia|atypia)|bowenoid\s+(?:actinic|papulosis)|porokeratosis)/.test(
      t,
    )
  )
    return 'premalignant';
  if (
    /\b(?:tinea|dermatophyt|fung(?:al|i|us)|onychomycosis|candid|herpe(?:s|tic)|scabies|impetigo|bacterial|cellulitis|syphilis|leishmania|mycobacter|abscess|molluscum)/.test(
      t,
    )
  )
    return 'infectious';
  if (
    /\b(?:dermatitis|eczema|psoria|lichen|lupus|spongiot|interface|granuloma\s+annulare|folliculitis|rosacea|vasculitis|urticaria|pityriasis|prurigo|morphea|scleroderma|panniculitis|sarcoid|pemphig|bullous|erythema|drug\s+eruption|perivascular\s+(?:lymphocytic\s+)?(?:infiltrate|inflammation)|inflammat|ruptured\s+(?:follicular\s+)?cyst|hidradenitis|acne|dermatosis)/.test(
      t,
    )
  )
    return 'inflammatory';
  if (
    /\b(?:nev(?:us|i)|keratos|lentig|cyst|lipoma|dermatofibroma|fibroma|angioma|hemangioma|acrochordon|polyp|wart|verruc|condyloma|scar|keloid|hyperplasia|neurofibroma|syringoma|trichoepithelioma|benign|no\s+diagnostic\s+abnormality|unremarkable|within\s+normal\s+limits|normal\s+skin|seborrheic|pyogenic|granuloma|milia|milium|xanthelasma|xanthoma|hamartoma|adenoma|poroma|hidrocystoma|pilomatri|cylindroma|spiradenoma|schwannoma|leiomyoma|angiofibroma|collision|papilloma|comedo|solar\s+elastosis|elastosis|dysplastic|atypia)/.test(
      t,
    )
  )
    return 'benign';
  return 'unknown';
}

// ---------------------------------------------------------------- indications and intent

const INDICATIONS: [string, RegExp][] = [
  ['bleeding', /\b(?:bleed(?:s|ing)?|bled|hemorrhag\w*|oozing)\b/i],
  ['itching', /\b(?:itch(?:y|ing|es)?|prurit(?:ic|us))\b/i],
  ['pain', /\b(?:pain(?:ful)?|tender(?:ness)?|sore|hurts?|burning)\b/i],
  ['irritation', /\b(?:irritat(?:ed|ion|ing)|rubs?|rubbing|chafing|snags?|snagging)\b/i],
  ['inflamed', /\b(?:inflamed|inflammation|erythema(?:tous)?|edema(?:tous)?|swollen|swelling)\b/i],
  ['infected', /\b(?:infected|infection|purulen(?:t|ce)|pus|drainage)\b/i],
  [
    'trauma-location',
    /\b(?:bra\s*(?:line|strap)|waist\s*band|waistband|belt\s*(?:line)?|beltline|collar(?:\s+line)?|catch(?:es|ing)?\s+on|caught\s+on|(?:gets?|getting|got)\s+(?:cut|nicked|scraped)\b|nicked\s+(?:when|by|with|during|while)|shaving\s+trauma|traumatized\s+by|repeated(?:ly)?\s+trauma|repeated\s+irritation\s+from|jewelry|glasses|strap)\b/i,
  ],
  [
    'obstruction',
    /\b(?:obstruct(?:s|ing|ion)?|block(?:s|ing)\s+(?:vision|visual|the\s+ear|nostril)|impair(?:s|ing)\s+vision|visual\s+field|occlud(?:es|ing))\b/i,
  ],
  [
    'suspicious',
    /\b(?:chang(?:ing|ed|e\s+in\s+(?:size|color|shape))|growing|enlarg(?:ing|ed)|evolving|new\s+lesion|atypical|irregular|asymmetr\w*|concerning|suspicious|suspect(?:ed)?|r\/o|rule\s+out|ddx|abcde?|worrisome|non-?healing|ulcerat\w*|recurr\w*)\b/i,
  ],
  ['symptomatic', /\b(?:symptomatic)\b/i],
];

// "non-inflamed SKs", "non-tender": the hyphenated prefix negates like the word.
const NEGATION_BEFORE = /(?:\b(?:no|not|denies|denied|without|non|negative\s+for|absent)\s+(?:\w+\s+){0,2}|\bnon-)$/i;

const INDICATIONS_G: [string, GatedRegExp][] = INDICATIONS.map(([name, re]) => [name, gated(new RegExp(re.source, 'gi'))]);

/** Normalized indications documented in the text (negated mentions like "no bleeding" are skipped). */
export function indicationsOf(text: string): string[] {
  const t = text.length > 3000 ? text.slice(0, 3000) : text;
  const out: string[] = [];
  const index = indexText(t);
  for (const [name, { re: g, gate }] of INDICATIONS_G) {
    if (!mayMatch(gate, index)) continue;
    g.lastIndex = 0;
    for (let m = g.exec(t); m; m = g.exec(t)) {
      const before = t.slice(Math.max(0, m.index - 30), m.index);
      if (NEGATION_BEFORE.test(before) || /\basymptomatic\s*$/i.test(before)) continue;
      if (name === 'symptomatic' && /a$/i.test(t.slice(Math.max(0, m.index - 1), m.index))) continue;
      out.push(name);
      break;
    }
  }
  return out;
}

/** Cosmetic intent documented ("cosmetic", "patient request, asymptomatic", "glabellar lines"). */
export function cosmeticOf(text: string): boolean {
  // A template's yes/no field answered no ("Cosmetic (patient pays): No") says the service is not cosmetic.
  const t = (text.length > 3000 ? text.slice(0, 3000) : text).replace(/\bcosmetic\b[^:?\n]{0,30}[:?][ \t]*no?\b/gi, ' ');
  if (/\b(?:not|non)[- ]cosmetic\b|\bmedically\s+necessary\b/i.test(t)) return false;
  if (
    /\b(?:cosmetic(?:ally)?|cosmesis|aesthetic|for\s+appearance|glabellar\s+(?:lines|rhytids|furrows|frown)|frown\s+lines|crow'?s\s+feet|rhytids|wrinkles|fine\s+lines|self[- ]pay\s+cosmetic)\b/i.test(
      t,
    )
  )
    return true;
  return (
    /\basymptomatic\b/i.test(t) &&
    /\b(?:patient(?:'s)?\s+request|pt\s+request|at\s+(?:the\s+)?(?:patient'?s?|pt'?s?)\s+request|requests?\s+removal|desires?\s+removal|wants?\s+(?:it\s+|them\s+)?removed|bothered\s+by\s+(?:the\s+)?appearance|elective)\b/i.test(
      t,
    )
  );
}

// ---------------------------------------------------------------- status

export type Intent = ProcedureStatus | 'history' | 'negated';

// "CRYOTHERAPY — Canceled": an order or procedure record whose status says it was called off (Epic, EMR procedure logs).
const DECLINED = gated(
  /\b(?:declined|declines|cancel(?:l)?ed|refused|refuses|elected\s+not|elects\s+not|opted\s+not|opts\s+not|does\s+not\s+(?:wish|want)|did\s+not\s+(?:wish|want)|not\s+interested|deferred\s+by\s+patient|prefers\s+not|prefers\s+(?:to\s+)?(?:monitor|observ\w*|watch|wait))\b/i,
);
const DEFERRED = gated(/\b(?:defer(?:red|s)?|postpone(?:d|s)?|hold\s+off|not\s+today|at\s+a\s+later\s+date|another\s+day)\b/i);
const PLANNED = gated(
  /\b(?:will\s+(?!be\s+(?:sent|called|notified))(?!not\s+(?:be\s+)?(?:cover(?:ed)?|pay|paid|reimburse\w*|billed|bill))|plan(?:ned|s)?\s+(?:to|for)|planning|schedul(?:e|ed|ing)|recommend(?:ed|s)?|consider(?:ing|ed)?|candidate\s+for|refer(?:red|ral)?\s+(?:to|for)|next\s+(?:visit|appointment|time)|planned\b|plan\s*:?\s+(?=\w)|at\s+a\s+(?:later|future|subsequent)\s+(?:session|date|visit|time)|return\s+(?:to\s+clinic\s+)?for|rtc\s+for|f\/u\s+for|(?:rtc|return(?:\s+to\s+clinic)?|f\/u|follow[- ]?up|next\s+appt)\s+(?:on\s+)?\d{1,2}\/\d{1,2}\b|follow[- ]?up\s+for|(?:rtc|return(?:\s+to\s+clinic)?|f\/u|follow[- ]?up)\s+(?:in\s+)?\d{1,2}(?:\s*-\s*\d{1,2})?\s*[a-z]{1,8}\.?\s+for|to\s+be\s+(?:performed|done|scheduled)|if\s+(?:benign|malignant|bcc|scc|cancer|melanoma|negative)\b|if\s+(?:the\s+)?(?:path\w*|biopsy|bx|results?)\s+(?:shows?|confirms?|returns?|reveals?|comes?\s+back)\b|if\s+(?:persists|persistent|no\s+improvement|worsens|changes|positive|recurs|not\s+(?:improved|improving|better|resolved|clear(?:ed)?))|if\s+(?:it|they|this|the\s+(?:rash|lesion|spot|mole)|symptoms?)\s+(?:flares?|recurs?|returns?|worsens?|persists?|changes|grows|enlarges|bleeds|gets\s+bigger)|would\s+(?:biopsy|bx|excise|remove|treat|freeze|shave|inject)|next\s+(?:month|week)|options?\s+(?:include|discussed|reviewed)|discussed|offered|vs\.?\s+observation|chooses|chose|elects?\s+(?:to|for)|opts?\s+for|wishes\s+to|would\s+like|prefers\s+(?!not)|may\s+(?:need|require|benefit)|would\s+(?:need|benefit|require)|should\s+(?:have|undergo)|needs?\s+(?:a\s+)?(?:biopsy|excision|mohs)|pending\s+(?:scheduling|authorization|prior\s+auth)|(?:start|begin|initiate)\s+(?:(?:on|with|a|an|the)\s+)?(?:nb-?uvb|narrow[- ]?band|uvb|uva|puva|phototherapy|light\s+(?:therapy|treatments?)|excimer|(?:series|course)\s+of)\b(?![^.;\n]{0,40}\btoday\b)|(?:once|when|after)\s+(?:(?:it|the\s+\w+)\s+(?:is\s+|has\s+)?|(?:the\s+)?(?:inflammation|infection|swelling)\s+(?:has\s+)?)?(?:quiet(?:s|ed)?(?:\s+down)?|calm(?:s|ed)?(?:\s+down)?|settle[sd]?|resolve[sd]?|(?:no\s+longer|less|not)\s+inflamed))/i,
);
// "EMLA applied 45 min prior, curettage of 8 lesions", "prior to curettage": timing within today's procedure, not history.
const HISTORY = gated(
  /\b(?:s\/p|status\s+post|h\/o|hx\s+of|history\s+of|previously|prior(?!\s+to\s+(?:the\s+)?(?:procedure|treatment|tx|curettage|cryo\w*|ln2|freezing|injections?|application|illumination|incision|snipping|removal)\b)(?<!\b(?:min|mins|minutes?|hrs?|hours?|h)\s+prior)|past|(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+(?:days?|wks?|weeks?|months?)\s+(?:after|since|following|out\s+from)|post[- ]?op(?:erative)?\s+(?:visit|check|appointment|appt|f\/u|follow[- ]?up|day)|pod\s*(?:#\s*)?\d|(?:f\/u|follow[- ]?up|recheck|wound\s+check)\s+(?:visit\s+|appointment\s+|appt\s+)?(?:after|following|s\/p|from)\s|yesterday|by\s+(?:another|a\s+different|an\s+outside|outside|the\s+referring)\s+(?:mohs\s+)?(?:surgeon|physician|provider|dermatologist|doctor|practice|office)|(?:done|performed)\s+elsewhere|(?:separate|another|different|outside)\s+(?:practice|office|clinic|facility)|in\s+(?:19|20)\d\d|\((?:19|20)\d\d\)|(?:years?|yrs?|months?|mos?|weeks?|wks?)\s+ago|last\s+(?:year|month|visit|week)|at\s+(?:last|prior|previous)\s+visit|on\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|was\s+(?:treated|excised|biopsied|removed|done|performed)\s+(?!today)|were\s+(?:treated|excised|biopsied|removed|done|performed)\s+(?!today)|treated\s+with\s+mohs|(?:the|an?|his|her|their)\s+(?:old|earlier|original)\s+(?:ed\s*&\s*c|edc|c\s*&\s*d|excision|bx|biopsy|mohs|surgery|shave|punch|procedure|cryo\w*|ln2)|had\s+(?:a\s+)?(?:mohs|biopsy|bx|excision|ed&c|surgery)|path\s+from|(?:bx|biops\w*|excis\w*|mohs|ed&c|shave|punch)\s+(?:on\s+|dated\s+|from\s+|in\s+)?\(?(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\/(?:19|20)\d\d)|biopsied\s+(?:here\s+|previously\s+|elsewhere\s+)?(?:on|at)|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?(?!\s*(?:mm|cm))|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first)))\b/i,
);
const NEGATED_PROC =
  /\b(?:no\s+(?:\w+\s+){0,2}?(?:biopsy|bx|biopsies|procedures?|excision|treatment|destruction|cryo(?:therapy)?|ln2|ilk|injection|debridement|curettage|repair|graft|flap|undermining|extractions?|paring)s?\b(?:\s+(?:was|were|is|performed|done|needed|indicated|today|taken|required))?|no\s+(?:\w+\s+){0,2}?(?:lesions?|aks?|spots?|warts?)\s+(?:were\s+|was\s+)?(?:frozen|treated|destroyed|biopsied|excised|removed|injected)\b|not\s+(?:a\s+)?(?:mohs|biopsy|excision|surgical)\s+(?:site|candidate|lesion|indicated)|(?<!\b(?:matrix|base|bed|margins?|remaining|rest|others?)\s+(?:was\s+|were\s+|is\s+|are\s+)?)not\s+(?:performed|done|biopsied|treated|excised)|(?:closure|repair|sutures?|biopsy|bx|excision|treatment|procedure)\s+(?:was\s+|is\s+)?not\s+(?:needed|necessary|required)|without\s+(?:biopsy|treatment)|no\s+need\s+for|not\s+indicated|unnecessary|observ(?:e|ation)\s+only)\b/i;
const NEGATED_PROC_GATED = gated(NEGATED_PROC);
const STATED_PAST =
  /\bat\s+(?:(?:her|his|their|the|a)\s+)?(?:last|prior|previous)\s+(?:visit|appointment)\b|\b(?:\d+|a|one|two|three|several)\s+(?:years?|yrs?|months?|mos?|weeks?|wks?)\s+ago\b|\bin\s+(?:19|20)\d\d\b/i;
const PERFORMED_NOW = gated(
  /\b(?:performed|done|was\s+(?:obtained|taken|removed|excised|treated|shaved|destroyed|injected|applied)|(?:was|were)\s+biopsied\s+(?:by|with|using|via)\s+(?:a\s+|an\s+)?(?:shave|tangential|saucerization|punch|\d{1,2}\s*mm|deep\s+shave|scoop|incisional)(?![^.;\n]{0,40}\d{1,2}\/\d{1,2})|were\s+(?:obtained|taken|removed|excised|treated|destroyed|injected)|obtained|i\s+(?:then\s+)?(?:performed|did|took|removed|excised|treated|injected)|we\s+(?:performed|did)|was\s+performed|consent(?:ed)?|timeout|time[- ]out|prepped|anesthetized|hemostasis|tolerated)\b/i,
);

/** The date of service of the note being parsed (ISO), set for the length of one parse. */
let serviceDate: string | undefined;
export function setServiceDate(iso: string | undefined): void {
  serviceDate = iso;
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const DONE_THEN_DATE =
  /\b(?:performed|done|obtained|seen)\b[^.;\n]{0,30}?\b(?:on|in|at|dated)?\s*(?:(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b|(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?(\d{1,2}(?=st|nd|rd|th|\b)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first))/i;

/**
 * "Shave bx performed 10/28/2026", "biopsy done here on November fourth", "Seen 11/20/2026: I&D …": the act is
 * dated before this visit, so it is history even though "performed"/"done" would otherwise make it today's.
 */
/** "last visit 10/02/2026 cantharidin was applied to 9 lesions": a past date first, then what was done on it. */
const DATE_THEN_DONE =
  /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b\s+[a-z][^.;\n]{0,60}?\s(?:was|were)\s+(?:applied|performed|done|treated|removed|excised|injected|biopsied|frozen|destroyed|curetted)\b/i;

/** A written date (month/day/year) as ISO, when it is a date. */
function serviceDay(year: number, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year < 100 ? 2000 + year : year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A written date (month/day/year, two- or four-digit year) before the date of service of the note. */
function beforeService(year: number, month: number, day: number): boolean {
  if (!serviceDate || !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return false;
  const y = year < 100 ? 2000 + year : year;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` < serviceDate;
}

function donePast(t: string): boolean {
  if (!serviceDate) return false;
  const m = DONE_THEN_DATE.exec(t) ?? DATE_THEN_DONE.exec(t);
  if (!m) return false;
  const year = Number(serviceDate.slice(0, 4));
  let y = year;
  let mo: number;
  let d: number;
  if (m[1]) {
    y = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    mo = Number(m[1]);
    d = Number(m[2]);
  } else {
    mo = MONTH_NUMBER[(m[4] as string).slice(0, 3).toLowerCase()] ?? 0;
    const day = (m[5] as string).toLowerCase();
    const tens = /^twenty/.test(day) ? 20 : /^thirty/.test(day) ? 30 : 0;
    const unitWord = tens ? day.replace(/^(?:twenty|thirty)[- ]?/, '') : day;
    d = /^\d/.test(day)
      ? Number.parseInt(day, 10)
      : tens + (unitWord === 'ieth' || unitWord === 'tieth' || unitWord === '' ? 0 : ORDINAL_WORDS.indexOf(unitWord) + 1);
  }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return false;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso < serviceDate;
}

/** "… s/p bx 10/30 - re-excision today: …, intermediate closure": "today" told after every history word before the procedure. */
function todayBefore(before: string): boolean {
  let at = -1;
  for (const m of before.matchAll(/\b(?:today|this\s+visit)\b/gi)) at = m.index;
  if (at < 0) return false;
  const rest = before.slice(at);
  // The regex itself, not gatedTest: indexing `rest` would overwrite the caller's text index (one shared buffer).
  return !HISTORY.re.test(rest) && !/\b(?:no|not|declined|deferred|will|plan)\b/i.test(rest);
}

/**
 * Status of the procedure named in one clause of text: performed, planned,
 * deferred, declined, history (a past procedure — never created) or negated.
 */
/**
 * History words before the procedure make it historical ("prior excision"); after it they describe
 * the lesion ("excision of previously biopsied BCC") — dates and "ago" count anywhere.
 */
/** An orders table's row whose status cell is "Future" or "Scheduled": still to come. */
export const FUTURE_ROW = /\|\s*(?:future|scheduled)\s*(?:\||$)/i;

export function intentOf(clause: string, inHistorySection = false, triggerAt?: number): Intent {
  // A sentence naming several procedures is asked about once per procedure word and again per block.
  // (Position and section folded into one number: 4 × position + 0/1, or -2/-1 with no position.)
  const at = triggerAt === undefined ? (inHistorySection ? -1 : -2) : triggerAt * 4 + (inHistorySection ? 1 : 0);
  return intentMemo(clause, at, () => intentIn(clause, inHistorySection, triggerAt));
}

const intentMemo = parseMemoAt<Intent>();

function intentIn(clause: string, inHistorySection: boolean, triggerAt: number | undefined): Intent {
  const t = clause.length > 600 ? clause.slice(0, 600) : clause;
  // "we agreed to take it out rather than biopsy it", "excised instead of a shave": the procedure set aside was not done.
  if (
    triggerAt !== undefined &&
    triggerAt > 0 &&
    /\b(?:rather\s+than|instead\s+of)\s+(?:(?:a|an|the|to|doing|do)\s+)?$/i.test(t.slice(Math.max(0, triggerAt - 30), triggerAt))
  )
    return 'negated';
  if (triggerAt !== undefined && triggerAt >= 0) {
    // "ointment to the plaques pending biopsy", "awaiting bx results": the procedure word names a result waited on,
    // not a procedure of this clause (the biopsy itself is documented elsewhere or not at all).
    if (/\b(?:pending|awaiting|await|until|till)\s+(?:the\s+|their\s+|her\s+|his\s+|this\s+)?$/i.test(t.slice(Math.max(0, triggerAt - 30), triggerAt)))
      return 'history';
    // "Full-thickness skin graft … after Mohs": the repair is today's work, the Mohs before it (stages, when done
    // today, are documented as a Mohs procedure of their own).
    if (
      /\b(?:after|following|post|s\/p)(?:\s+|-)(?:the\s+|her\s+|his\s+|their\s+|recent\s+)?$/i.test(t.slice(Math.max(0, triggerAt - 30), triggerAt)) &&
      /^(?:moh|micrograph|mms)/i.test(t.slice(triggerAt, triggerAt + 12))
    )
      return 'history';
    // "Here today for suture removal after excision of a BCC … on 11/18/2026": the surgery whose sutures come out.
    if (
      /\b(?:suture\s+removal|staple\s+removal|wound\s+check|post-?op(?:erative)?\s+(?:visit|check|follow[- ]?up))\s+(?:after|following|from|s\/p|status\s+post)\s+(?:the\s+|her\s+|his\s+|their\s+|a\s+|an\s+|recent\s+|prior\s+)?$/i.test(
        t.slice(Math.max(0, triggerAt - 60), triggerAt),
      )
    )
      return 'history';
    // "Flattening a little after ILK #1": a numbered session named after "after"/"since" is an earlier one.
    if (
      /\b(?:after|since|following)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:first\s+|last\s+|previous\s+|prior\s+|initial\s+)?$/i.test(
        t.slice(Math.max(0, triggerAt - 30), triggerAt),
      ) &&
      /^[\w&/-]+(?:\s+[\w&/-]+)?\s*#\s*\d\b/.test(t.slice(triggerAt, triggerAt + 30))
    )
      return 'history';
    // "MOHS MICROGRAPHIC SURGERY, L nasal ala | Future | 12/15/2026": an order row whose status cell says it is still to come.
    if (FUTURE_ROW.test(t.slice(triggerAt))) return 'planned';
    // "10/28/2026  | 14 | PUVA + UVA | 6.0 J/cm2": a row of a treatment log opened by an earlier date is that day's session.
    const row = /^\s*(?:\|\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\s*(?:\||\t|\s{2,})[^.;:\n]*$/.exec(t.slice(0, triggerAt));
    if (row && beforeService(Number(row[3]), Number(row[1]), Number(row[2]))) return 'history';
    // "11/13/2026: Stage I: 4 blocks - clear" in a note of 11/12: a line opened by another day's date and a colon tells
    // that day's work, not this encounter's (earlier: history; later: not done yet at this visit).
    const opened = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*:[^\n]*$/.exec(t.slice(0, triggerAt));
    if (opened) {
      const day = serviceDay(Number(opened[3]), Number(opened[1]), Number(opened[2]));
      if (day && serviceDate && day !== serviceDate) return day < serviceDate ? 'history' : 'planned';
    }
    // "ILK #2 per plan", "LN2 as planned at the last visit": done today, as it was planned.
    if (/\b(?:per|as)\s+(?:the\s+|our\s+)?plan(?:ned)?\b/i.test(t)) {
      const rebuilt = t.replace(/\b(?:per|as)\s+(?:the\s+|our\s+)?plan(?:ned)?\b/gi, (m) => ' '.repeat(m.length));
      return intentOf(rebuilt, inHistorySection, triggerAt);
    }
    // "Non-healing wound L shin after Mohs excision of SCC": the excision word names that Mohs surgery, not a new one.
    if (
      /\b(?:after|following|post|s\/p)\s+(?:the\s+|her\s+|his\s+|their\s+|recent\s+|prior\s+)?(?:mohs|mms|micrographic)\s+(?:surgical\s+)?$/i.test(
        t.slice(Math.max(0, triggerAt - 40), triggerAt),
      ) &&
      /^excis/i.test(t.slice(triggerAt, triggerAt + 8))
    )
      return 'history';
    // "L cheek Mohs scar well healed", "excision site healing well": the procedure word names a past surgery's scar or site.
    if (
      /^[\w&'/-]+(?:\s+[\w&'/-]+)?\s+(?:scars?\b|(?:site|wound|defect|incision)s?\s+(?:is\s+|was\s+|are\s+)?(?:well[- ]|nicely\s+)?heal(?:ed|ing)\b)/i.test(
        t.slice(triggerAt, triggerAt + 60),
      )
    )
      return 'history';
    // "Plan: division and inset of the pedicle in 3 weeks": a time from now right after the procedure's own words
    // (no comma, so not "LN2 x6, RTC in 3 mo") is when it will be done.
    if (
      /^[^,;:.()]{0,60}?\bin\s+(?:\d{1,2}|a|one|two|three|four|five|six|several|a\s+few)(?:\s*-\s*\d{1,2})?\s*(?:days?|wks?|weeks?|months?|mos?)\b/i.test(
        t.slice(triggerAt),
      ) &&
      !/\b(?:today|performed|done|was|were)\b/i.test(t.slice(triggerAt))
    )
      return 'planned';
    // "Total time 38 minutes …; the biopsy is not counted", "time excluding the excision": a procedure named to keep
    // its time out of the E/M time is told elsewhere, not done again.
    if (
      /\b(?:excluding|excludes|exclusive\s+of|not\s+including|not\s+counting|does\s+not\s+include)\s+(?:the\s+|any\s+|time\s+(?:for|of|spent\s+on)\s+(?:the\s+)?)?$/i.test(
        t.slice(Math.max(0, triggerAt - 40), triggerAt),
      ) ||
      /^[\w&/-]+(?:\s+[\w&/-]+){0,2}\s+(?:is|are|was|were)\s+not\s+(?:counted|included)\b/i.test(t.slice(triggerAt, triggerAt + 60))
    )
      return 'history';
    // "Cyst wall left in place for later excision", "mapping biopsies before staged excision": the procedure word names
    // what is to come, not what was done.
    if (
      /\b(?:for|before|prior\s+to|ahead\s+of|pending)\s+(?:a\s+|an\s+|the\s+)?(?:later|future|subsequent|delayed|interval|definitive|planned|staged|eventual)\s+(?:[\w-]+\s+)?$/i.test(
        t.slice(Math.max(0, triggerAt - 50), triggerAt),
      )
    )
      return 'planned';
    // "Staged excision (slow Mohs) will follow once the map returns", "excision to be scheduled": told as what comes next.
    if (
      /^[^.;]{0,60}?\b(?:will\s+(?:follow|be\s+(?:done|performed|scheduled|planned|booked))|to\s+follow\b|to\s+be\s+(?:scheduled|done|performed|booked)|is\s+(?:planned|scheduled|booked))\b/i.test(
        t.slice(triggerAt),
      ) &&
      !/\b(?:today|performed|done|was|were)\b/i.test(t.slice(triggerAt, triggerAt + 60))
    )
      return 'planned';
    // "returns to review biopsy of L nasal ala (10/30 - BCC)": the result of a biopsy done before is reviewed today.
    const lead = t.slice(Math.max(0, triggerAt - 50), triggerAt);
    if (/\b(?:review|reviewing|reviewed|go\s+over|going\s+over)\s+(?:(?:the|her|his|their|recent|prior|last)\s+){0,2}$/i.test(lead)) return 'history';
    // "here to discuss Mohs", "35 minutes including counseling on Mohs": a procedure talked about.
    if (
      /\b(?:discuss|discussing|counsel(?:l)?(?:ed|ing)?\s+(?:on|about|regarding|re:?)|educat(?:ed|ion)\s+(?:on|about|regarding))\s+(?:(?:the|her|his|their|a|an|possible)\s+){0,2}$/i.test(
        lead,
      )
    )
      return 'planned';
    // "Options reviewed (Mohs vs excision vs ED&C)": procedures weighed against each other, none done by the naming.
    const versus = /^[\w&/-]+(?:\s+[\w&/-]+)?\s+(?:vs\.?|versus)\s+([^,;.()]{1,40})/i.exec(t.slice(triggerAt, triggerAt + 80));
    const versusBefore = /([\w&/-]+(?:\s+[\w&/-]+)?)\s+(?:vs\.?|versus)\s+$/i.exec(lead);
    if ((versus && findTriggers(versus[1] as string).length > 0) || (versusBefore && findTriggers(versusBefore[1] as string).length > 0)) return 'planned';
    // "Shave bx R anterior shin 11/02/2026 at this office - path: BCC": the procedure's own date, before today's.
    // Only site words between ("biopsy of a lesion biopsied elsewhere 10/28" or "SCC in situ, L hand, biopsy-proven 10/22"
    // date another event).
    const dated = /^([^.;(),:]{0,40}?)\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/.exec(t.slice(triggerAt, triggerAt + 70));
    // "BCC R forearm shave-biopsied here 10/29/2026": the procedure's own word is the participle, so the date is its own.
    const own = /^[\w&/-]+/.exec(dated?.[1] ?? '')?.[0] ?? '';
    const between = /[a-z]{3,}(?:ed|en)$/i.test(own) ? (dated?.[1] ?? '').slice(own.length) : (dated?.[1] ?? '').slice(4);
    if (
      dated &&
      !/\w(?:ed|en)\b|\belsewhere\b|\bsince\b/i.test(between) &&
      !/^\s*(?:was\s+|were\s+)?(?:performed|done|today)\b/i.test(t.slice(triggerAt + dated[0].length)) &&
      beforeService(Number(dated[4]), Number(dated[2]), Number(dated[3]))
    )
      return 'history';
    // "KOH + culture 9/2026 positive for T. rubrum": a month and year before this visit's month dates a past test.
    const monthYear = /^([^.;(),:]{0,40}?)\b(\d{1,2})\/(20\d{2})\b(?!\/)/.exec(t.slice(triggerAt, triggerAt + 70));
    if (
      monthYear &&
      serviceDate &&
      !/\w(?:ed|en)\b|\belsewhere\b|\bsince\b/i.test((monthYear[1] as string).slice(4)) &&
      !/^\s*(?:was\s+|were\s+)?(?:performed|done|today)\b/i.test(t.slice(triggerAt + monthYear[0].length)) &&
      Number(monthYear[2]) >= 1 &&
      Number(monthYear[2]) <= 12 &&
      `${monthYear[3]}-${String(monthYear[2]).padStart(2, '0')}` < serviceDate.slice(0, 7)
    )
      return 'history';
    // "excisional bx? -> today shave bx": a procedure asked about ("bx?", "Mohs?") was weighed, not done.
    if (/^[\w&/-]+(?:\s+[\w&/-]+)?\?/.test(t.slice(triggerAt, triggerAt + 30))) return 'planned';
    // History words after the procedure word describe the lesion; dates and "ago" still count anywhere.
    const before = t.slice(0, triggerAt);
    const after = t
      .slice(triggerAt)
      .replace(/\b(?:previously|prior|past|recently)\s+\w+|\b(?:biopsy|bx)[- ]proven\b|\bhistory\s+of\b|\bhx\s+of\b|\bh\/o\b/gi, ' ');
    const rebuilt = `${before}${after}`;
    if (rebuilt !== t) return intentOf(rebuilt, inHistorySection, triggerAt);
  }
  // "SCCIS L lower lid, not a Mohs candidate - ED&C x2": the negation names another procedure than this one.
  if (triggerAt !== undefined && triggerAt >= 0) {
    const other = /\bnot\s+(?:a\s+)?(mohs|biopsy|excision|surgical)\s+(?:candidate|site|lesion)\b/i.exec(t);
    const word = other?.[1]?.toLowerCase();
    if (other && word && !new RegExp(`^${word === 'surgical' ? 'excis|surg' : word.slice(0, 4)}`, 'i').test(t.slice(triggerAt))) {
      const rest = `${t.slice(0, other.index)} ${t.slice(other.index + other[0].length)}`;
      if (rest !== t) return intentOf(rest, inHistorySection);
    }
  }
  // "partial nail avulsion …, phenol matricectomy not done": a later comma-part that negates its own procedure
  // word leaves this one performed.
  if (triggerAt !== undefined && triggerAt >= 0) {
    const later = /,\s*([^,;.]{1,40}?)\s+(?:was\s+|were\s+)?not\s+(?:done|performed|indicated|needed|required)\b[^,;]*/i.exec(t.slice(triggerAt));
    if (later && findTriggers(later[1] as string).length > 0) {
      const from = triggerAt + later.index;
      return intentOf(`${t.slice(0, from)}${t.slice(from + later[0].length)}`, inHistorySection);
    }
  }
  // "LN2 cryo to all 5 warts, 1 FTC each, no paring": a later comma-part denying another procedure leaves this one as it is.
  if (triggerAt !== undefined && triggerAt >= 0) {
    const laterNo = /,\s*(?:and\s+)?(?:no|without)\s+([^,;.]{1,40})/i.exec(t.slice(triggerAt));
    const part = (laterNo?.[1] ?? '').toLowerCase();
    const own = t
      .slice(triggerAt, triggerAt + 8)
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 4);
    if (laterNo && laterNo.index > 0 && (findTriggers(part).length > 0 || NEGATED_PROC.test(`no ${part}`)) && !(own && part.includes(own))) {
      const from = triggerAt + laterNo.index;
      return intentOf(`${t.slice(0, from)}${t.slice(from + laterNo[0].length)}`, inHistorySection, triggerAt);
    }
  }
  const index = indexText(t);
  if (gatedTest(NEGATED_PROC_GATED, t, index) && !/\b(?:performed|done|obtained|taken|completed)\b/i.test(t.replace(NEGATED_PROC, ''))) return 'negated';
  // "Hx of BCC treated with Mohs", "s/p excision": a clause that opens with history is history.
  if (/^\W*(?:hx|h\/o|history|s\/p|status\s+post|previous(?:ly)?|prior)\b/i.test(t)) return 'history';
  if (gatedTest(DECLINED, t, index)) return 'declined';
  if (gatedTest(DEFERRED, t, index) && !/\bdeferred\s+to\s+(?:pathology|path)\b/i.test(t)) return 'deferred';
  const performedNow = gatedTest(PERFORMED_NOW, t, index);
  // "Skin tags were removed at her last visit", "AKs were treated 2 years ago": a stated past time outweighs "were removed".
  if (((performedNow && STATED_PAST.test(t)) || donePast(t)) && !/\b(?:today|this\s+visit|now)\b/i.test(t)) return 'history';
  // "Assessment: AK x6 face. Plan: LN2 today.": a template's "Plan:" label over a procedure done today is no plan.
  const labelOnly = /^\W*plan\s*:\s*/i.exec(t);
  // (The regex itself: indexing the rest would overwrite `index`, which the checks below still read.)
  const doneToday = labelOnly !== null && /\btoday\b/i.test(t) && !PLANNED.re.test(t.slice(labelOnly[0].length));
  if (gatedTest(PLANNED, t, index) && !performedNow && !doneToday) return 'planned';
  // "… s/p shave bx 10/30/2026 with positive margins - re-excision today: …": the history words tell the earlier
  // procedure; this one is named "today" right after its own word.
  // So is a step told after it in the same clause ("re-excision today: …, excised diameter 1.3 cm, intermediate closure").
  const todayHere = () =>
    triggerAt !== undefined &&
    triggerAt >= 0 &&
    (/^[\w&/-]+(?:\s+[\w&/-]+)?\s+(?:today|this\s+visit)\b/i.test(t.slice(triggerAt, triggerAt + 40)) || todayBefore(t.slice(0, triggerAt)));
  if ((gatedTest(HISTORY, t, index) || inHistorySection) && !performedNow && !todayHere()) return 'history';
  return 'performed';
}
