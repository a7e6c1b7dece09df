import type { PathologyReport, SpecimenType, Stain, Unread } from '../model';
import { overBudget } from './budget';
import { parseDate } from './dates';
import { behaviorOf } from './lexicon';
import { destinationOf } from './procedures';
import { resultLeadIn, type Section, STRONG_PATHOLOGY } from './sections';
import { readLabel } from './units';

/**
 * Pathology reports: in-house one-liners ("A: R cheek — SCC in situ, margins
 * involved"), outside-lab layouts (SPECIMENS / FINAL DIAGNOSIS / MICROSCOPIC /
 * ADDENDUM), amended reports (the revised diagnosis replaces the original).
 * Stains and immunostains are attributed to the specimen they name; CPT §7.2
 * counts special stains per block and immunostains per specimen.
 */

type Mode = 'header' | 'specimens' | 'diagnosis' | 'gross' | 'micro' | 'addendum' | 'comment' | 'history' | 'other';

const SUBHEADING: [Mode, RegExp][] = [
  [
    'diagnosis',
    /^(?:(?:final|pathologic(?:al)?|histopathologic(?:al)?|microscopic)\s+)?diagnos[ie]s(?:\s+and\s+comment)?|^(?:amended|revised|corrected|updated)\s+(?:final\s+)?diagnos[ie]s|^dx\b|^interpretation\b|^results?\b/i,
  ],
  ['addendum', /^addend(?:um|a)(?:\s+(?:diagnosis|report|comment))?|^amendment\b|^(?:reason\s+for\s+)?amend(?:ed|ment)/i],
  ['specimens', /^(?:specimens?(?:\s+(?:submitted|received|source|description|\(s\)))?|source(?:\s+of\s+specimens?)?|tissue\s+submitted|parts?)\b/i],
  ['gross', /^(?:gross(?:\s+description)?|macroscopic(?:\s+description)?)\b/i],
  [
    'micro',
    // A synoptic (CAP checklist) section details the diagnosis above it item by item; it is not more diagnosis text.
    /^(?:microscopic(?:\s+description)?|micro\b|histolog\w*|special\s+stains?|immunohistochem\w*|ihc\b|immunostains?|ancillary\s+studies|intra-?\s?operative\s+consult\w*|frozen\s+section\s+diagnos[ie]s|synoptic(?:\s+(?:report|summary|checklist))?)/i,
  ],
  ['comment', /^(?:comments?|note|notes)\b/i],
  ['history', /^(?:clinical\s+(?:history|information|data|notes|dx|diagnosis|impression)|pre-?operative\s+diagnosis|history)\b/i],
  [
    'other',
    // "Addendum signed: …", "Results telephoned to Dr. Lee …": the report's record, not part of the revised diagnosis.
    /^(?:addend(?:um|a)\s+(?:electronically\s+)?(?:signed|verified|finalized)|(?:(?:results?|diagnos[ie]s|findings?)\s+(?:(?:was|were)\s+)?)?(?:tele)?(?:phoned|called|communicated|faxed|conveyed)\s+to|electronically\s+signed|signed\s+out|signed|pathologist|dermatopathologist|reported\s+by|cpt|icd|billing|accession|case\s*#|patient|dob|mrn|collected|received|reported|physician|ordering|referring|client|date)\b/i,
  ],
];

const STAINS: [RegExp, Stain['group'], string][] = [
  [/\bpas[- ]?d\b|\bpas\s+with\s+diastase\b/i, 'I', 'PAS-D'],
  [/\bpas\b|\bperiodic\s+acid[- ]schiff\b/i, 'I', 'PAS'],
  [/\bgms\b|\bgrocott\b|\bmethenamine\s+silver\b/i, 'I', 'GMS'],
  [/\bafb\b|\bacid[- ]fast\b|\bziehl[- ]neelsen\b|\bkinyoun\b/i, 'I', 'AFB'],
  [/\bfite(?:[- ]faraco)?\b/i, 'I', 'Fite'],
  [/\bgram\s+stain\b|\bbrown[- ](?:brenn|hopps)\b|\btissue\s+gram\b/i, 'I', 'Gram'],
  [/\bwarthin[- ]starry\b/i, 'I', 'Warthin-Starry'],
  [/\bsteiner\b|\bdieterle\b/i, 'I', 'Steiner'],
  [/\bgiemsa\b/i, 'I', 'Giemsa'],
  [/(?<!colloidal\s)\biron\s+stain\b|\bperls\b|\bprussian\s+blue\b|(?<!colloidal\s)\biron\b(?=[^.]{0,20}\bstain)/i, 'II', 'Iron'],
  [/\bfontana(?:[- ]masson)?\b|\bmelanin\s+stain\b/i, 'II', 'Fontana-Masson'],
  [/\b(?:masson(?:'s)?\s+)?trichrome\b/i, 'II', 'Trichrome'],
  [/\bcolloidal\s+iron\b/i, 'II', 'Colloidal iron'],
  [/\balcian\s+blue\b/i, 'II', 'Alcian blue'],
  [/\bmucin\s+stain\b|\bmucicarmine\b/i, 'II', 'Mucin'],
  [/\bvvg\b|\bverhoeff(?:[- ]van\s+gieson)?\b|\belastic(?:\s+(?:tissue|van\s+gieson))?\s+stain\b|\belastic\s+van\s+gieson\b/i, 'II', 'Elastic'],
  [/\bcongo\s+red\b|\bthioflavin\b|\bcrystal\s+violet\b/i, 'II', 'Congo red'],
  [/\bvon\s+kossa\b/i, 'II', 'von Kossa'],
  [/\breticulin\b/i, 'II', 'Reticulin'],
  [/\boil\s+red\s+o\b/i, 'II', 'Oil red O'],
  [/\btoluidine\s+blue\b/i, 'II', 'Toluidine blue'],
  [/\bleder\b|\bchloroacetate\s+esterase\b|\bnaphthol\s+as-?d\b/i, 'III', 'Leder'],
];

const IHC =
  /\b(mart-?1(?:\s*\/\s*melan-?a)?|melan-?a|sox-?10|prame|s-?100(?:\s*protein)?|hmb-?45|ki-?67|mib-?1|ber-?ep4|ber-?ep-?4|pan-?cytokeratin|pan-?keratin|cytokeratin(?:\s*(?:5\/6|7|20|ae1\/ae3))?|ae1\s*\/\s*ae3|ck\s?(?:5\/6|7|20|903)|cam\s?5\.2|p63|p40|p16|p53|cd\s?(?:1a|2|3|4|5|7|8|10|20|30|31|34|43|45|56|68|79a|99|117|123|138|163)|d2-?40|podoplanin|ema|cea|sma|smooth\s+muscle\s+actin|desmin|factor\s+xiiia|erg|bcl-?2|bcl-?6|hhv-?8|lana-?1?|gata-?3|ttf-?1|synaptophysin|chromogranin|insm1|treponema(?:\s+pallidum)?|spirochete|braf(?:\s+v600e)?|bap-?1|mitf|tyrosinase|vimentin|calretinin|androgen\s+receptor|adipophilin|ck20|ck7|tfe3|alk|mum-?1|pd-?l1|her-?2|ber-?ep4|kappa|lambda|p-?16|p-?53|ki67|melan\s+a|phh-?3|phosphohistone(?:\s+h3)?|mlh-?1|msh-?[26]|pms-?2|tryptase|cd\s?(?:21|23|25|207)|langerin|neurofilament|granzyme(?:\s+b)?|tia-?1|perforin|pax-?5|cyclin\s+d1|lef-?1|tcr[- ]?(?:beta|gamma|delta)(?:\s*f1)?|(?:hsv|herpes\s+simplex)(?:-?\s?1\s*(?:\/|and)\s*2|-?[12])?|vzv|varicella(?:[- ]zoster)?|cmv|cytomegalovirus)\b/gi;
/** A result listed under its antibody ("Ki-67 - less than 5%", "• PRAME: negative"): the line names the stain it reports. */
const IHC_LISTED = new RegExp(String.raw`^\s*[-•*]?\s*${IHC.source}\s*(?::|[-–—]\s|\|)`, 'i');
/** Virus names are diagnoses too ("HSV infection, PCR positive"): an antibody only when the sentence says immunostain. */
const VIRAL_ANTIBODY = /^(?:hsv|herpes|vzv|varicella|cmv|cytomegalovirus)/i;

const STAIN_NOT_DONE =
  /\b(?:not\s+(?:performed|done|obtained|ordered|required|needed|necessary|indicated)|considered\s+but|(?:will|would|may|can)\s+be\s+(?:performed|ordered|done)|(?:is|are)\s+(?:pending|to\s+follow)|pending|deferred|declined|if\s+(?:needed|requested|clinically\s+indicated)|no\s+(?:special\s+|immuno)?(?:stains?|immunostains?|immunohistochemistry))\b/i;

/**
 * Stains another laboratory performed (and bills), only reviewed here: "SOX10 and PRAME were performed at Meridian
 * Reference Laboratory (outside report …) and reviewed". "Performed in our laboratory" is this lab's work.
 */
const STAIN_ELSEWHERE =
  /\b(?:performed|done|run|obtained|stained)\s+(?:at|by)\s+(?:an?\s+|the\s+)?(?:outside|another|other|external|referring|send-?out|(?:[\w.'&-]+\s+){0,4}reference)\b|\b(?:outside|send-?out)\s+(?:report|lab(?:oratory)?)\b|\bsent\s+out\s+(?:to|for)\b/i;

/**
 * Stains and antibodies a sentence says another laboratory performed, read across the line breaks of a
 * wrapped report; their later results ("PRAME is negative") are that laboratory's work too.
 */
function stainedElsewhere(text: string): Set<string> {
  const names = new Set<string>();
  const flat = text.replace(/\s+/g, ' ');
  if (!STAIN_ELSEWHERE.test(flat)) return names;
  for (const sentence of flat.split(/(?<=[.;])\s/)) {
    if (!STAIN_ELSEWHERE.test(sentence)) continue;
    for (const [re, , name] of STAINS) if (re.test(sentence)) names.add(name);
    IHC.lastIndex = 0;
    for (let m = IHC.exec(sentence); m; m = IHC.exec(sentence)) names.add(normalizeAntibody(m[1] as string));
  }
  return names;
}

/** The one block a stain row or sentence names: "B2 | AFB | negative", "AFB on block B2" (not a list of blocks). */
function blockId(sentence: string): string | undefined {
  const m =
    // ("A     A1     PAS-D     negative": a table row may open with its part before the block.)
    /^\s*(?:\|\s*)?(?:[A-Ha-h]\s*(?:\||\t|[ \t]{2,})\s*)?([A-Ha-h]\d{1,2}|\d{1,2}[A-Ha-h])\s*(?:\||\t|\s{2,}|:)/.exec(sentence) ??
    /\bblock\s+([A-H]\d{1,2}|\d{1,2}[A-H])\b(?!\s*(?:,|and|&|-|–))/i.exec(sentence);
  return m?.[1]?.toUpperCase();
}
const stainBlocks = new WeakMap<Stain, Set<string>>();
function blocksOf(stain: Stain): Set<string> {
  let set = stainBlocks.get(stain);
  if (!set) {
    set = new Set();
    stainBlocks.set(stain, set);
  }
  return set;
}

function stainIn(text: string): { stains: Stain[]; ihc: { antibody: string; multiplex: boolean }[] } {
  const stains: Stain[] = [];
  const ihc: { antibody: string; multiplex: boolean }[] = [];
  const t = text.length > 6000 ? text.slice(0, 6000) : text;
  const elsewhere = stainedElsewhere(t);
  for (const sentence of t.split(/(?<=[.;\n])/)) {
    if (sentence.trim().length === 0) continue;
    // "A Melan-A stain was considered but not performed", "immunostains pending": no work to code.
    if (STAIN_NOT_DONE.test(sentence) || STAIN_ELSEWHERE.test(sentence)) continue;
    const frozen = /\bfrozen\b/i.test(sentence);
    const blocksM =
      /\b(?:on|in|from)\s+(\d{1,2}|two|three|four|both)\s+(?:tissue\s+)?blocks?\b|\((\d{1,2})\s+blocks?\)|\bblocks?\s+([A-Z]\d(?:\s*(?:,|and|&)\s*[A-Z]?\d)+|\d[A-Z](?:\s*(?:,|and|&)\s*\d?[A-Z])+)/i.exec(
        sentence,
      );
    let blocks = 1;
    if (blocksM) {
      const n = blocksM[1] ?? blocksM[2];
      if (n) blocks = /^\d+$/.test(n) ? Number(n) : (({ two: 2, three: 3, four: 4, both: 2 } as Record<string, number>)[n.toLowerCase()] ?? 1);
      else if (blocksM[3]) blocks = blocksM[3].split(/\s*(?:,|and|&)\s*/).length;
    }
    for (const [re, group, name] of STAINS) {
      if (!re.test(sentence)) continue;
      // Giemsa is for organisms (group I) unless the sentence says it was for mast cells.
      const g: Stain['group'] = frozen ? 'frozen' : name === 'Giemsa' && /\bmast\s+cells?\b/i.test(sentence) ? 'II' : group;
      if (name === 'PAS' && stains.some((s) => s.name === 'PAS-D')) continue;
      if (name === 'Iron' && stains.some((s) => s.name === 'Colloidal iron') && /colloidal/i.test(sentence)) continue;
      // "B1 | AFB | negative" then "B2 | AFB | negative": one stain on another block is one more unit (§7.2: each stain on each block).
      const block = blockId(sentence);
      const seen = stains.find((s) => s.name === name);
      if (seen && block && !blocksOf(seen).has(block) && blocksOf(seen).size > 0) {
        blocksOf(seen).add(block);
        seen.blocks += 1;
      }
      if (!seen && !elsewhere.has(name)) {
        const stain: Stain = { name, group: g, blocks };
        if (block) blocksOf(stain).add(block);
        stains.push(stain);
      }
    }
    if (
      // "MART-1 and SOX10 show confluent junctional melanocytes": the antibodies' result, written with a plain verb.
      !/\b(?:immuno\w*|ihc|stains?|stained|staining|positive|negative|express\w*|highlight\w*|labels?|labeling|reactiv\w*|decorat\w*|show[sn]?|showed|demonstrat\w*|reveal\w*)\b/i.test(
        sentence,
      ) &&
      !IHC_LISTED.test(sentence) &&
      // "B     B1     MART-1     supports junctional and dermal nevus": a stain table's row names the antibody in its own cell.
      !blockId(sentence)
    )
      continue;
    const multiplex = /\b(?:dual|double|triple|multiplex|cocktail|combined|pin-?4)\b/i.test(sentence);
    IHC.lastIndex = 0;
    const found: string[] = [];
    let lastEnd = -1;
    for (let m = IHC.exec(sentence); m; m = IHC.exec(sentence)) {
      // "pancytokeratin (AE1/AE3)", "MART-1 (Melan-A)": an antibody in parentheses right after another names the same
      // stain (its clone or other name), one antibody on the slide.
      const alias = lastEnd >= 0 && /^\s*\(\s*$/.test(sentence.slice(lastEnd, m.index)) && /^\s*\)/.test(sentence.slice(m.index + m[0].length));
      lastEnd = m.index + m[0].length;
      if (alias) continue;
      if (VIRAL_ANTIBODY.test(m[1] as string) && !/\b(?:immuno\w*|ihc)\b/i.test(sentence)) continue;
      const name = normalizeAntibody(m[1] as string);
      if (!found.includes(name) && !elsewhere.has(name)) found.push(name);
    }
    if (found.length === 0) continue;
    const slashed = /\b(?:mart-?1|melan-?a|sox-?10|ki-?67)\s*\/\s*(?:ki-?67|mart-?1|melan-?a|sox-?10|red|brown)\b/i.test(sentence);
    if (multiplex && (found.length >= 2 || slashed)) {
      const antibody = found.join('/');
      if (!ihc.some((i) => i.antibody === antibody)) ihc.push({ antibody, multiplex: true });
      continue;
    }
    for (const antibody of found) if (!ihc.some((i) => i.antibody === antibody)) ihc.push({ antibody, multiplex: false });
  }
  return { stains, ihc };
}

function normalizeAntibody(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase().replace(/[\s-]/g, '');
  const map: Record<string, string> = {
    mart1: 'MART-1',
    'mart1/melana': 'MART-1',
    melana: 'Melan-A',
    phh3: 'PHH3',
    phosphohistone: 'PHH3',
    phosphohistoneh3: 'PHH3',
    sox10: 'SOX10',
    prame: 'PRAME',
    s100: 'S100',
    s100protein: 'S100',
    hmb45: 'HMB-45',
    ki67: 'Ki-67',
    mib1: 'Ki-67',
    berep4: 'Ber-EP4',
    p63: 'p63',
    p40: 'p40',
    p16: 'p16',
    p53: 'p53',
    d240: 'D2-40',
    ae1ae3: 'AE1/AE3',
    'ae1/ae3': 'AE1/AE3',
    cytokeratin: 'cytokeratin',
  };
  // "ema", "cea", "sma", "erg" typed in lower case are the acronyms.
  return (
    map[lower] ?? (/^cd\d/i.test(lower) || /^[a-z]{2,4}$/.test(t) ? lower.toUpperCase() : t.toUpperCase() === t ? t : t.replace(/^\w/, (c) => c.toUpperCase()))
  );
}

/** "Mohs referral placed for A", "recommend Mohs": advice about a later surgery, not tissue from Mohs. */
const MOHS_ADVICE =
  /\b(?:refer\w*|recommend\w*|consider\w*|candidate|appropriate|discuss\w*|schedul\w*)\b[^.;\n]{0,30}\bmohs\b|\bmohs\s+(?:referral|consult\w*|recommended|evaluation|candidate|surgery\s+(?:is\s+)?recommended)\b/gi;

function specimenTypeOf(text: string): SpecimenType {
  if (/\bmohs\b/i.test(text) && /\bmohs\b/i.test(text.replace(MOHS_ADVICE, ' '))) return 'mohs';
  if (/\bnail\s+(?:plate|clipping|unit|matrix|bed)|\bonycho|\bsubungual\b/i.test(text)) return 'nail';
  if (/\b(?:skin\s*tags?|acrochordons?|fibroepithelial\s+polyps?)\b/i.test(text)) return 'skin-tag';
  if (
    /\b(?:epidermal\s+inclusion\s+cyst|epidermoid\s+cyst|pilar\s+cyst|trichilemmal\s+cyst|infundibular\s+cyst|steatocystoma|dermoid\s+cyst|ruptured\s+(?:follicular\s+)?cyst|(?:epidermal|follicular|sebaceous)\s+cyst|cyst\b)/i.test(
      text,
    )
  )
    return 'cyst';
  if (/\bdebridement\b/i.test(text)) return 'debridement';
  if (
    /\b(?:scar\s+revision|plastic\s+repair|dog[- ]?ears?|burow'?s?\s+triangles?|standing\s+cones?|redundant\s+skin|blepharoplasty|abdominoplasty|panniculectomy)\b/i.test(
      text,
    )
  )
    return 'plastic-repair';
  return 'skin';
}

function marginsOf(text: string): PathologyReport['margins'] {
  const t = text.toLowerCase();
  if (
    /margins?\s+(?:are\s+|were\s+)?(?:not\s+(?:assessed|evaluated|evaluable|examined)|cannot\s+be\s+(?:assessed|evaluated))|not\s+(?:assessed|evaluated)\s+for\s+margins/.test(
      t,
    )
  )
    return 'not-assessed';
  if (
    /(?:extend|extends|extending|present|involv\w*|transect\w*|abut\w*|reach\w*|touch\w*|at)\s+(?:to\s+|at\s+)?(?:the\s+)?(?:\w+\s+){0,2}(?:margin|edge)|(?:margins?|edges?)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:\w+\s+){0,2}(?:involved|positive|transected)|positive\s+(?:\w+\s+)?margins?|(?:deep|peripheral|lateral)\s+margin\s+(?:is\s+)?involved|incompletely\s+excised/.test(
      t,
    ) &&
    !/(?:not|no)\s+(?:\w+\s+){0,2}(?:extend\w*|involv\w*|present|transect\w*)\s+(?:to\s+|at\s+)?(?:the\s+)?(?:\w+\s+){0,2}margin/.test(t)
  )
    return 'involved';
  if (
    /\bclose\s+(?:to\s+(?:the\s+)?)?(?:\w+\s+)?margin|\bmargins?\s+(?:are\s+|is\s+)?close\b|\b(?:approaches|approximates|within\s+0?\.\d+\s*mm\s+of)\s+(?:the\s+)?(?:\w+\s+)?margin/.test(
      t,
    )
  )
    return 'close';
  if (
    /\bmargins?\s+(?:are\s+|appear\s+|were\s+|is\s+)?(?:\w+\s+){0,2}(?:clear|free|negative|uninvolved|not\s+involved|free\s+of)|\bclear\s+(?:\w+\s+)?margins?|\bnegative\s+(?:\w+\s+)?margins?|\bcompletely\s+excised\b|\bnot\s+(?:\w+\s+){0,2}(?:involv\w*|present)\s+(?:at|in)\s+(?:the\s+)?(?:\w+\s+){0,2}margins?|\bfree\s+of\s+(?:tumor|lesion|neoplasm)/.test(
      t,
    )
  )
    return 'clear';
  return undefined;
}

interface Item {
  label?: string;
  head: string;
  body: string;
  mode: Mode;
  start: number;
  end: number;
  /** Stain or comment lines inside the item, kept out of the diagnosis text. */
  extra?: string;
  /** Written under an "Intraoperative consultation" heading. */
  intraoperative?: boolean;
  /** More labels the same line covers ("A-C. Seborrheic keratosis", "Parts 1 and 2:"). */
  also?: string[];
}

/** "A-C.", "Specimens A-C:", "Parts 1-3:", "A and B:", "A, B & C -": one line for several specimens. */
const LABEL_RANGE =
  /^\s*(?:(?:[Ss]pecimens?|SPECIMENS?|[Pp]arts?|PARTS?)\s+)?\(?([A-Z]|\d{1,2})\s*(?:[-–]|\s(?:through|thru|to)\s)\s*([A-Z]|\d{1,2})\)?\s*(?:[.:)]|\s[-–—]{1,2}\s)\s*/;
const LABEL_LIST =
  /^\s*(?:(?:[Ss]pecimens?|SPECIMENS?|[Pp]arts?|PARTS?)\s+)?\(?([A-Z]|\d{1,2})((?:\s*(?:,|&|and)\s*(?:[A-Z]|\d{1,2}))+)\)?\s*(?:[.:)]|\s[-–—]{1,2}\s)\s*/;

/** A line that says a specimen's result is still to come. */
const PENDING_ONLY =
  /\b(?:(?:will\s+be|to\s+be|is\s+being)\s+(?:reported|issued|signed)|reported\s+(?:separately|under\s+separate)|(?:separate|supplemental|subsequent|forthcoming)\s+report|to\s+follow|pending|in\s+progress|not\s+yet\s+(?:available|reported|signed|resulted))\b/i;
/** No tissue was examined under the microscope: an empty container, tissue sent only for culture. */
const NOTHING_EXAMINED =
  /\b(?:no\s+(?:histolog\w*|microscopic\s+exam\w*)\s+(?:was\s+)?(?:performed|done)|not\s+(?:examined|processed)\s+histolog\w*|no\s+tissue\s+(?:was\s+)?(?:received|identified|present)|(?:container|jar)\s+(?:was\s+)?received\s+empty|not\s+received\b|sent\s+(?:directly\s+)?to\s+microbiology|no\s+diagnosis\s+rendered)\b/i;
/** The lab never got the tissue of a part (a lost specimen, not a reading). */
const NOT_RECEIVED_PART = /\b(?:not\s+received|no\s+tissue\s+(?:was\s+)?received|(?:container|jar)\s+(?:was\s+)?received\s+empty)\b/i;
/** A part described by tissue, site and procedure only ("Skin, right temple, shave.", "Cyst, R postauricular, excision"). */
const PART_DESCRIPTION =
  /^(?:skin|cyst|nail(?:\s+\w+)?|(?:soft\s+)?tissue)\s*,\s*[^,:;.]{2,50}(?:,\s*[^,:;.]{2,40})?,\s*(?:(?:shave|punch|incisional|excisional|tangential|wedge)(?:\s+biopsy)?|biopsy|(?:re-?)?excision|curettage|shave\s+removal)(?:\s+\d+(?:\.\d+)?\s*mm)?\.?$/i;
/** Words of an actual reading, which a pending line does not have. */
const FINDING_WORDS =
  /\b(?:carcinoma|melanoma|nev(?:us|i)|keratos[ie]s|dermatitis|cyst|verruca|lentigo|(?:dermato)?fibroma|angioma|psoriasis|lichen|granuloma|spongio\w*|hyperplasia|scar|atypi\w*|in\s+situ|infiltrat\w*|lymphom\w*|proliferation|neoplasm|tumou?r|consistent\s+with|compatible\s+with|benign|malignan\w*|no\s+evidence|negative|positive|bcc|scc(?:is)?|mis|isk|aks?|sks?)\b/i;

/** The labels a line opens for several specimens at once, with the length of that opening. */
function labelGroup(line: string): { labels: string[]; length: number } | undefined {
  const range = LABEL_RANGE.exec(line);
  if (range?.[1] && range[2]) {
    const [a, b] = [range[1], range[2]];
    const letters = /^[A-Z]$/.test(a) && /^[A-Z]$/.test(b);
    if (letters || (/^\d+$/.test(a) && /^\d+$/.test(b))) {
      const from = letters ? a.charCodeAt(0) : Number(a);
      const to = letters ? b.charCodeAt(0) : Number(b);
      if (to > from && to - from <= 11) {
        const labels = Array.from({ length: to - from + 1 }, (_, k) => (letters ? String.fromCharCode(from + k) : String(from + k)));
        return { labels, length: range[0].length };
      }
    }
  }
  const list = LABEL_LIST.exec(line);
  if (list?.[1] && list[2]) {
    const labels = [list[1], ...list[2].split(/\s*(?:,|&|and)\s*/).filter(Boolean)];
    const kind = (l: string) => /^[A-Z]$/.test(l);
    if (labels.every((l) => kind(l) === kind(labels[0] as string)) && new Set(labels).size === labels.length) return { labels, length: list[0].length };
  }
  return undefined;
}

function subheadingMode(line: string): { mode: Mode; rest: string; label?: string } | undefined {
  const t = line.replace(/^[\s*#=_-]+/, '');
  for (const [mode, re] of SUBHEADING) {
    const m = re.exec(t);
    if (!m) continue;
    const after = t.slice(m[0].length);
    // A sub-heading ends the line or is followed by ":" (e.g. "FINAL DIAGNOSIS:", "Addendum (10/18): …").
    if (/^\s*(?:(?:\([^)]{0,40}\))\s*)?(?::|$|-{1,2}\s|—)/.test(after) || mode === 'other') {
      const colon = after.search(/[:—]|--?\s/);
      const rest = colon >= 0 ? after.slice(colon + 1).trim() : '';
      // "IMMUNOHISTOCHEMISTRY (2A): CD3 …": the block in the heading says whose stains follow.
      // "(block a1)" typed in lower case: a letter with its block number after "block" is a label, never an article.
      const block = /^\s*\(((?:[Bb]lock\s+|BLOCK\s+)?(?:[A-Z]\d{0,2}|\d{1,2}[A-Z])|[Bb]lock\s+[a-z]\d{1,2})\)/
        .exec(after)?.[1]
        ?.replace(/[a-z](?=\d*$)/, (c) => c.toUpperCase());
      // "DIAGNOSIS (B): Granuloma annulare", "SPECIMEN (B): Skin, …": the heading names its specimen.
      const label = /^\s*\(([A-Z]\d?|\d{1,2})\)\s*(?::|-{1,2}\s|—)/.exec(after)?.[1];
      if (label && mode !== 'micro' && mode !== 'comment') return { mode, rest, label };
      // "IMMUNOHISTOCHEMISTRY (block A1):" over a list of results: the list is that block's.
      const id = block?.replace(/^block\s+/i, '');
      const named = id && (mode === 'micro' || mode === 'comment') ? `(${/^\d/.test(id) ? id : `block ${id}`})` : '';
      return { mode, rest: named ? `${rest}${rest ? ' ' : ''}${named}`.trim() : rest };
    }
  }
  return undefined;
}

/** "Specimen Part: A", "Part #: 2", "Specimen ID: B", "SPECIMEN 1 OF 2" alone on its line: a synoptic report's specimen key. */
const SYNOPTIC_KEY =
  /^\s*(?:(?:specimen\s+(?:part|id|label|letter|no\.?|number)|part\s*(?:#|id|label|no\.?|number)?)\s*[:#]\s*\(?([A-Z]\d?|\d{1,2})\)?|(?:specimen|part|container)\s*(?:#\s*)?([A-Z]|\d{1,2})\s+of\s+\d{1,2}\s*:?)\s*$/i;
/** Its description fields before the diagnosis ("Specimen Site: Skin, left upper back", "Procedure: Punch biopsy"). */
const SYNOPTIC_FIELD = /^\s*(?:(?:specimen|anatomic)\s+)?(?:site|source|location|procedure|type|laterality|specimen)\s*:\s*/i;

/** Page furniture of a printed or faxed report: never a diagnosis. */
const PAGE_FURNITURE =
  /^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-+\s*end\s+of\s+report\s*-*|\**\s*end\s+of\s+report\s*\**|confidential(?:ity)?\b[^\n]*|this\s+(?:report|document|note|message)\s+(?:contains|is\s+confidential|was\s+(?:created|dictated|transcribed))[^\n]*|[^\n]{0,40}\bvoice\s+recognition\b[^\n]*)\s*$/i;
/** A dated sign-out that a sentence of the report follows on the same line. */
const SIGNED_LEAD =
  /^\s*(?:(?:addendum\s+)?(?:electronically\s+)?(?:e-?)?signed(?:\s+out)?|verified|finalized)(?:\s+on)?\s*(?::\s*)?\d{1,2}\/\d{1,2}\/\d{2,4}\s*[.;,]\s+(?=[A-Z][a-z]+\s+[a-z])/i;

/** What a clinical-history line rules out, after its site ("R temple, r/o SCC"). */
const RULE_OUT_TAIL = /[\s,;:(-]+(?:r\/o|rule\s+out|ddx|vs\.?|versus|\?|concern\s+for|suspect\w*)\b[\s\S]*$/i;

/** An addendum's sentence announcing that the diagnoses below replace the signed ones. */
const REVISED_LEAD =
  /\b(?:diagnos[ie]s|dx)\b[^\n]{0,60}?\b(?:is|are|has\s+been|have\s+been|was|were)\s+(?:revised|amended|changed|corrected)\b[^\n:]{0,40}:\s*$/i;

const RESULT_FLAG =
  /^\s*result(?:\s+flag)?\s*:\s*(?:benign|inconclusive|precancerous|cancerous|malignant|normal|abnormal|low|high|out\s+of\s+range|panic\s+value|none)\s*$/i;

/** The line that closes a report: its sign-out. */
const SIGN_OFF = /^\s*(?:addend(?:um|a)\s+(?:electronically\s+)?signed|electronically\s+signed|e-?signed|signed(?:\s+out)?|verified|finalized)\b/i;

/** An accession line that opens one case of a cumulative results printout. */
const ACCESSION_LINE = /^[ \t]*(?:accession|acc\.?|case)\s*(?:(?:#|no\.?|number)\s*)?[:#]/gim;

/** How many accession lines a text has (a cumulative printout has one per case). */
export function accessionCount(text: string): number {
  return [...text.slice(0, 200_000).matchAll(ACCESSION_LINE)].length;
}

/**
 * Reports in one pathology section. A cumulative printout (several accessions, each with its own
 * collection date and its own specimen A) is read one accession at a time, so each case keeps its
 * dates and its specimens (reconcile links each to its own visit).
 */
export function parsePathology(section: Section, spanOf: (start: number, end: number) => PathologyReport['span'], unread: Unread[]): PathologyReport[] {
  const text = section.text.length > 200_000 ? section.text.slice(0, 200_000) : section.text;
  const starts = [...text.matchAll(ACCESSION_LINE)].map((m) => m.index);
  if (starts.length >= 2 && starts.length <= 20) {
    const blockUnread: Unread[] = [];
    const blocks = starts.map((start, k) =>
      parsePathologyBlock({ ...section, start: section.start + start, text: text.slice(start, starts[k + 1] ?? text.length) }, spanOf, blockUnread),
    );
    if (blocks.filter((b) => b.length > 0).length >= 2) {
      unread.push(...blockUnread);
      return blocks.flat();
    }
  }
  return parsePathologyBlock(section, spanOf, unread);
}

function parsePathologyBlock(section: Section, spanOf: (start: number, end: number) => PathologyReport['span'], unread: Unread[]): PathologyReport[] {
  const rawText = section.text.length > 200_000 ? section.text.slice(0, 200_000) : section.text;
  const whole = rawText;
  const amended = /\b(?:amended|revised|corrected)\s+(?:final\s+)?(?:report|diagnosis|pathology)/i.test(whole);
  const readBy = readByOf(whole);
  // "Professional and technical services performed and billed by Meridian Reference Laboratory" (§7.3: the entity that
  // prepares and reads bills globally; the practice did neither).
  const labBills = readBy === 'external' && LAB_BILLS.test(whole);
  const collected =
    dateAfter(
      whole,
      /\b(?:collected|date\s+(?:of\s+)?(?:procedure|collection|biopsy|surgery|obtained|taken)|(?:procedure|biopsy|surgery|specimen)\s+date|date\s+collected|obtained|dos|date\s+of\s+service)\b[^\n\d]{0,12}/i,
    ) ??
    // A visit note's "Path from 10/20/2026:" / "Biopsy results (10/20/26)": the heading dates the biopsy it reports.
    // ("Path 10/01/2026:", "Biopsy results 10/01/26:": a date right after the heading's words dates it too.)
    (/\b(?:from|of|dated|on)\s+\d|\(\s*(?:(?:bx|biops\w*|collected|taken|dated|obtained)\s+)?\d|^\s*(?:path\w*|biops\w*|bx|results?)(?:\s+(?:results?|reports?))?\s+\d/i.test(
      section.name,
    )
      ? parseDate(section.name.replace(/^[^\d]*?(?=\d)/, ''))
      : undefined);
  const signed = dateAfter(
    whole,
    /\b(?:signed(?:\s+out)?|sign[- ]out\s+date|electronically\s+signed(?:\s+(?:out\s+)?by\s+[^\n]{0,60}?)?(?:\s+on)?|date\s+(?:reported|signed|finalized)|reported|finalized|verified|final(?:\s+report)?(?:\s+date)?)\b[^\n\d]{0,12}/i,
  );
  const consultation = consultationOf(whole);

  // Walk lines: sub-headings switch mode; labels open items.
  // "RESULTS: A) BCC, nodular. B) SCC in situ. C) Dermatofibroma." — one item per line (same length, spans stay true).
  // Also "A - SCC in situ. B - seborrheic keratosis." (letter, dash).
  // "Specimen A: right temple, shave. Specimen B: left cheek, shave." too.
  const text = rawText.replace(/([.;])([ \t])(?=(?:\(?[A-H]\)|[A-H][.:]|[A-H][ \t][-–—]{1,2}|(?:[Ss]pecimen|SPECIMEN|[Pp]art|PART)\s+[A-H][.:)])\s)/g, '$1\n');
  const items: Item[] = [];
  let mode: Mode = 'header';
  let sawDiagnosisHeading = false;
  let current: Item | undefined;
  let signedOff = false;
  let table: TableColumns | undefined;
  let roster = false;
  let intraoperative = false;
  let pos = 0;
  const n = text.length;
  let lines = 0;
  while (pos < n && lines < 5000) {
    lines++;
    if ((lines & 31) === 0 && overBudget()) break;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const raw = text.slice(pos, Math.min(eol, pos + 2000));
    let line = raw.replace(/\r$/, '');
    let lineStart = section.start + pos;
    // "DERMPATH (in-house) 02/26/2026 -- A: DERMATOFIBROMA": the heading and the first item share a line.
    // "05/07/2026 Specimen A (…)": a result line may start with its date.
    const lead = resultLeadIn(line);
    const dated = lead !== undefined ? null : /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+(?=\S)/.exec(line);
    if (lead !== undefined) {
      lineStart += lead;
      line = line.slice(lead);
      // "Biopsy A returned basal cell carcinoma" → "A: basal cell carcinoma".
      const said =
        /^\s*(?:(?:derm\s*)?path(?:ology)?|specimen|biopsy|bx)\s+([A-Z]\d?)\s+(?:returned|showed|shows|revealed|came\s+back)(?:\s+(?:as|with|showing))?\s*(?::\s*)?(?=\S)/i.exec(
          line,
        );
      if (said?.[1] && /^[A-Z]/.test(said[1])) line = `${said[1]}: ${line.slice(said[0].length)}`;
    } else if (dated) {
      lineStart += dated[0].length;
      line = line.slice(dated[0].length);
    }
    // "Path A (02/26/2026): PILAR CYST." — the report names its one specimen in the heading.
    const labelled = /^\s*(?:derm\s*)?path(?:ology)?\s+([A-Z]\d?)\s*(?:(?:\([^)]{0,30}\))\s*)?:\s*(?=\S)/i.exec(line);
    if (labelled?.[1] && /^[A-Z]/.test(labelled[1])) line = `${labelled[1]}: ${line.slice(labelled[0].length)}`;
    const opener = labelled ? null : STRONG_PATHOLOGY.exec(line);
    if (opener && opener[0].length < line.length) {
      lineStart += opener[0].length;
      line = line.slice(opener[0].length);
    }
    pos = eol + 1;
    if (line.trim().length === 0 || PAGE_FURNITURE.test(line)) continue;
    // A results table ("| Specimen | Site | Diagnosis |" or tab-separated): one row, one specimen.
    const cells = tableCells(line);
    // A grid with a Patient column ("Patient | Entry Date | Procedure | Location | Results") lists patients' specimens,
    // a worklist or a demographics row: its rows are no report of this chart's specimens.
    if (roster && cells && cells.length >= 3) continue;
    roster = !table && !!cells && cells.length >= 3 && cells.some((c) => /^(?:patient(?:\s+name)?|mrn)$/i.test(c));
    if (roster) continue;
    if (!table && cells) {
      table = tableColumns(cells);
      if (table) continue;
    } else if (table) {
      if (/^[\s|:+-]+$/.test(line)) continue;
      const label = cells?.length === table.count ? /^\s*\(?([A-Z]\d?|\d{1,2})[.):]?\s*$/.exec(cells[table.label] ?? '')?.[1] : undefined;
      const dx = cells?.[table.dx]?.trim();
      if (cells && label && dx) {
        const head = table.site
          .map((k) => cells[k]?.trim())
          .filter(Boolean)
          .join(', ');
        current = { label, head, body: dx, mode: 'diagnosis', start: lineStart, end: lineStart + line.length };
        items.push(current);
        if (intraoperative) current.intraoperative = true;
        if (intraoperative) current.intraoperative = true;
        sawDiagnosisHeading = true;
        continue;
      }
      table = undefined;
    }
    // A synoptic report keys each specimen ("Specimen Part: A", then "Specimen Site: Skin, …", "Procedure: Shave
    // biopsy", "Diagnosis: …"): the key opens the item, its description fields are the item's head until the diagnosis.
    const key = SYNOPTIC_KEY.exec(line);
    const keyLabel = key?.[1] ?? key?.[2];
    if (keyLabel) {
      current = { label: keyLabel.toUpperCase(), head: '', body: '', mode: 'specimens', start: lineStart, end: lineStart + line.length };
      items.push(current);
      continue;
    }
    const field = current?.mode === 'specimens' && !current.body ? SYNOPTIC_FIELD.exec(line) : null;
    if (current && field) {
      current.head += `${current.head ? ', ' : ''}${line.slice(field[0].length).trim()}`;
      current.end = lineStart + line.length;
      continue;
    }
    // "Signed 10/09/2026. Deeper levels and MART-1 …": a paragraph that opens with its sign-out date goes on with report text.
    const signedLead = SIGNED_LEAD.exec(line);
    if (signedLead) {
      lineStart += signedLead[0].length;
      line = line.slice(signedLead[0].length);
    }
    // "Addendum: deeper levels show … The diagnosis for part A is revised:" then "A. … SQUAMOUS CELL CARCINOMA": the
    // labeled parts after it are the result (as under a "REVISED DIAGNOSIS:" heading).
    if ((mode === 'addendum' || /^\s*addend/i.test(line)) && REVISED_LEAD.test(line)) {
      mode = 'diagnosis';
      sawDiagnosisHeading = true;
      current = undefined;
      continue;
    }
    // EMA's result flag under a report ("Result: Cancerous", §1.4 of the layouts) sums up the diagnosis above it.
    if (RESULT_FLAG.test(line) && items.some((it) => it.body)) {
      current = undefined;
      continue;
    }
    const sub = subheadingMode(line);
    // After the sign-out of a report already read, an unlabelled line is the document's footer, not a report.
    if (signedOff && !sub && !readLabel(line)) continue;
    // "A. Skin, back, shave:" / "   MELANOMA IN SITU." / "   Immunohistochemistry: MART-1 …" — an indented
    // stain or comment line inside a specimen's part belongs to that specimen; it does not end the part.
    // Without a diagnosis heading ("A. Skin, …:" reports one after another), a stain line right under a
    // specimen's report is that specimen's, indented or not (a web page drops the indentation).
    const underItem = /^[ \t]+\S/.test(line) || (!sawDiagnosisHeading && sub?.mode === 'micro' && current?.mode === 'header');
    if (sub && (sub.mode === 'micro' || sub.mode === 'comment') && sub.rest.length > 0 && current?.label && current.body && underItem) {
      current.extra = `${current.extra ?? ''}\n${line.trim()}`;
      current.end = lineStart + line.length;
      continue;
    }
    if (sub && sub.mode !== 'other') {
      // A new part after the sign-out ("ADDENDUM" under the signature) is report text again, not the footer.
      signedOff = false;
      mode = sub.mode;
      intraoperative = mode === 'micro' && /\bintra-?\s?operative\b/i.test(line);
      if (mode === 'diagnosis') sawDiagnosisHeading = true;
      // "Site 1: Skin, R forearm, punch" then "  Dx: …": the label line held only the specimen description.
      if (
        current?.label &&
        current.body &&
        !current.head &&
        mode === 'diagnosis' &&
        current.mode !== 'specimens' &&
        sub.rest.length > 0 &&
        !current.body.includes('\n') &&
        /\b(?:skin|biopsy|bx|shave|punch|excision|re-?excision|curettage)\b/i.test(current.body) &&
        !/\b(?:carcinoma|melanoma|nev(?:us|i)|keratosis|dermatitis|cyst|verruca|lentigo|atypi\w*)\b/i.test(current.body)
      ) {
        current.head = current.body;
        current.body = '';
      }
      // "A. Skin, right cheek, excision:" then "FINAL DIAGNOSIS: SCC" — the diagnosis belongs to item A.
      if (current?.label && !current.body && (mode === 'diagnosis' || mode === 'addendum') && (!sub.label || sub.label === current.label)) {
        current.mode = mode;
        if (sub.rest.length > 0) {
          current.body = sub.rest;
          current.end = lineStart + line.length;
        }
        continue;
      }
      current = undefined;
      if (sub.rest.length === 0 && !sub.label) continue;
      // Text on the heading line ("DIAGNOSIS: BCC") becomes an item.
      const label = sub.label ? { label: sub.label, length: 0 } : readLabel(sub.rest);
      current = { head: '', body: '', mode, start: lineStart, end: lineStart + line.length };
      if (label) current.label = label.label;
      splitHead(current, label ? sub.rest.slice(label.length) : sub.rest);
      items.push(current);
      if (intraoperative) current.intraoperative = true;
      continue;
    }
    if (sub?.mode === 'other') {
      current = undefined;
      if (SIGN_OFF.test(line) && items.some((it) => it.body.trim().length > 0)) signedOff = true;
      continue;
    }
    signedOff = false;
    const group = labelGroup(line);
    if (group) {
      const [first, ...also] = group.labels as [string, ...string[]];
      current = { label: first, also, head: '', body: '', mode, start: lineStart, end: lineStart + line.length };
      splitHead(current, line.slice(group.length));
      items.push(current);
      if (intraoperative) current.intraoperative = true;
      continue;
    }
    // "A1. Skin, right upper back (blue ink), shave biopsy: …": a piece of jar A told apart by ink is its own part (§7.2).
    const piece = /^\s*([A-Z][1-9])[.:]\s/.exec(line);
    const label = readLabel(line) ?? (piece?.[1] ? { label: piece[1], kind: 'specimen' as const, length: piece[0].length } : undefined);
    // "Site 1: Skin, R forearm, punch" in a lab report numbers a specimen, like "Part 1".
    const specimenWord = /^\s*(?:specimen|part|jar|container|source)\b|^\s*site\s*(?:#\s*)?(?:[A-Z]|\d{1,2})\s*[:.)\-–—]/i.test(line);
    if (label && (label.kind === 'specimen' || specimenWord || /^\s*(?:\(?[A-Z]\d?[.):]|[A-Z]\s[-–—]|\d{1,2}[.)])/.test(line))) {
      current = { label: label.label, head: '', body: '', mode, start: lineStart, end: lineStart + line.length };
      splitHead(current, line.slice(label.length));
      items.push(current);
      if (intraoperative) current.intraoperative = true;
      continue;
    }
    const wrapped = line.trim().replace(/^[-*•]\s*/, '');
    // A part hard-wrapped mid-sentence (a PDF print: "A. Skin, left" / "lateral forearm, shave biopsy: SCC …") is one line.
    if (current && !current.head && current.body && !current.body.includes('\n') && !/[.:;]\s*$/.test(current.body) && /^(?:[a-z]|[LR]\s)/.test(wrapped)) {
      splitHead(current, `${current.body} ${wrapped}`);
      current.end = lineStart + line.length;
    } else if (current) {
      current.body += `${current.body ? '\n' : ''}${wrapped}`;
      current.end = lineStart + line.length;
    } else if (mode === 'diagnosis' || mode === 'addendum' || mode === 'micro' || mode === 'comment') {
      current = { head: '', body: line.trim().replace(/^[-*•]\s*/, ''), mode, start: lineStart, end: lineStart + line.length };
      items.push(current);
      if (intraoperative) current.intraoperative = true;
    } else if (
      mode === 'header' &&
      // (abbreviated too: "BCC, nodular, margins clear.")
      /\b(?:carcinoma|melanoma|nev(?:us|i)|keratosis|dermatitis|cyst|verruca|lentigo|(?:dermato)?fibroma|angioma|psoriasis|lichen|granuloma|spongiotic|hyperplasia|scar|atypia|in\s+situ|bcc|scc(?:is)?|mis|isk|aks?|sks?)\b/i.test(
        line,
      )
    ) {
      current = { head: '', body: line.trim(), mode: 'diagnosis', start: lineStart, end: lineStart + line.length };
      items.push(current);
      if (intraoperative) current.intraoperative = true;
    } else if (mode === 'header' && /\b(?:stain(?:s|ed|ing)?|immuno\w*|ihc)\b/i.test(line)) {
      // "Recuts were prepared … SOX10 and PRAME immunostains were performed": work done on the case,
      // written above the specimen list (a consultation's preamble); attributed like a MICROSCOPIC line.
      current = { head: '', body: line.trim(), mode: 'micro', start: lineStart, end: lineStart + line.length };
      items.push(current);
      if (intraoperative) current.intraoperative = true;
    }
  }

  // Diagnosis items: from diagnosis mode, or labeled items anywhere when there is no diagnosis heading.
  const dxItems = items.filter(
    (it) => it.mode === 'diagnosis' || (!sawDiagnosisHeading && (it.mode === 'header' || it.mode === 'specimens') && it.body + it.head !== ''),
  );
  const reports = new Map<string, PathologyReport>();
  const siteByLabel = new Map<string, string>();
  for (const it of items) {
    // A line naming several specimens names several sites: it gives none of them one.
    // "SPECIMEN A: Skin, left nasal ala, excision" above the diagnosis heading describes specimen A too.
    // So does a preamble's "Clinical History: A) R temple, r/o SCC." or "Specimen A: right temple, shave." (the site, not
    // what is ruled out) when a diagnosis heading follows.
    const said = (it.head || it.body).split('\n')[0]?.replace(RULE_OUT_TAIL, '') ?? '';
    const described =
      it.mode === 'specimens' ||
      (it.mode === 'header' && sawDiagnosisHeading && /^\s*skin\b/i.test(it.head || it.body)) ||
      ((it.mode === 'history' || it.mode === 'header') &&
        sawDiagnosisHeading &&
        said.length > 2 &&
        !FINDING_WORDS.test(said) &&
        behaviorOf(said) === 'unknown');
    if (described && it.label && !it.also && said) siteByLabel.set(it.label, it.mode === 'specimens' ? ((it.head || it.body).split('\n')[0] ?? '') : said);
  }
  let unlabeled = 0;
  // An addendum filed on its own ("ADDENDUM: Specimen B: a PAS stain … ") has no diagnosis section:
  // its labeled parts add work to those specimens' reports and never replace their diagnoses.
  const supplementOnly = dxItems.length === 0;
  const sourceItems = supplementOnly ? items.filter((it) => it.mode === 'addendum' && it.label) : dxItems;
  for (const it of sourceItems) for (const label of it.also ? [it.label, ...it.also] : [it.label]) addReport(it, label);
  function addReport(it: Item, label: string | undefined): void {
    const diagnosis = statedDiagnosis(cleanDiagnosis(it.body || it.head));
    if (!diagnosis) return;
    // "Specimen B … will be reported separately" / "B: pending": no result for B in this report.
    // Only when the diagnosis starts with it: "Subepidermal blister; DIF to follow" is a result.
    const firstClause = diagnosis.split(/[.;]\s/)[0] ?? '';
    if (PENDING_ONLY.test(firstClause) && !FINDING_WORDS.test(firstClause) && behaviorOf(diagnosis) === 'unknown') return;
    // "B. … container received empty", "sent to microbiology; no histology performed": nothing was examined, no result.
    if (
      NOTHING_EXAMINED.test(diagnosis) &&
      !FINDING_WORDS.test(diagnosis.replace(NOTHING_EXAMINED, '')) &&
      (behaviorOf(diagnosis) === 'unknown' || NOT_RECEIVED_PART.test(diagnosis))
    )
      return;
    // "A. Skin, right temple, shave." in a list of the parts received: the part's description, no reading of it.
    if (PART_DESCRIPTION.test(diagnosis)) return;
    if (!label) unlabeled++;
    const key = label ?? `#${unlabeled}`;
    const existing = reports.get(key);
    const headSite = it.body && !it.also ? it.head : '';
    const report: PathologyReport = {
      specimenLabel: label ?? '',
      diagnosisText: existing && !it.body.length ? `${existing.diagnosisText}` : diagnosis,
      behavior: behaviorOf(diagnosis),
      specimenType: specimenTypeOf(`${headSite}\n${diagnosis}\n${siteByLabel.get(label ?? '') ?? ''}`),
      stains: [],
      ihc: [],
      readBy,
      span: spanOf(it.start, it.end),
    };
    if (labBills) report.labBills = true;
    const siteText = (headSite || siteByLabel.get(label ?? '') || '').trim();
    if (siteText) report.siteText = siteText.slice(0, 200);
    const margins = marginsOf(`${diagnosis}`);
    if (margins) report.margins = margins;
    const icd = /\b([A-TV-Z]\d{2}(?:\.\d{1,4}[A-Z]?)?)\b/.exec(diagnosis);
    if (icd?.[1] && /\d/.test(icd[1].slice(1)) && /\(|icd|dx/i.test(diagnosis)) report.icd10 = icd[1];
    if (collected) report.collectedDate = collected;
    if (signed) report.signedDate = signed;
    if (consultation) report.consultation = consultation;
    // A later diagnosis for the same label (amended/revised section) replaces the earlier one.
    if (existing) {
      report.amended = true;
      if (!report.siteText && existing.siteText) report.siteText = existing.siteText;
    } else if (amended) report.amended = true;
    if (supplementOnly) report.supplement = true;
    reports.set(key, report);
  }
  // "B. Skin, left cheek, shave: NOT RECEIVED." under any heading: the part stays without a result, and the claim says it was lost.
  for (const it of items) {
    const text = `${it.head} ${it.body}`;
    if (!NOT_RECEIVED_PART.test(text) || FINDING_WORDS.test(text.replace(NOTHING_EXAMINED, ''))) continue;
    for (const label of it.label ? [it.label, ...(it.also ?? [])] : []) {
      if (reports.has(label)) continue;
      const lost: PathologyReport = {
        specimenLabel: label,
        diagnosisText: cleanDiagnosis(text) || 'not received',
        behavior: 'unknown',
        specimenType: 'skin',
        stains: [],
        ihc: [],
        readBy,
        notReceived: true,
        span: spanOf(it.start, it.end),
      };
      if (collected) lost.collectedDate = collected;
      if (signed) lost.signedDate = signed;
      reports.set(label, lost);
    }
  }
  const list = [...reports.values()];
  // Stains, IHC, frozen sections: from the item of the same label, else from text naming the label, else the only specimen.
  const attach = (label: string | undefined, rawBody: string, where: Item) => {
    const body = partBlockColumns(rawBody);
    // "Ber-EP4 and EMA on specimen A … SOX10 on specimen B": an unlabeled comment naming several
    // specimens gives each sentence's stains to the specimens that sentence names (IHC is per specimen, §7.2).
    // So does a paragraph under one specimen's description that names others ("… performed on parts A and B; part B
    // was additionally stained with Ki-67"): its sentences without a name stay with the specimen it sits under.
    const others = labelsNamedIn(body, list);
    if (label ? others.some((l) => l !== label) : others.length >= 2) {
      let named: string[] = label ? [label] : [];
      // A stain table ("A1  SOX10  positive" / "B1  Ber-EP4  positive"): each row is its own sentence.
      // A sentence may start in lower case ("… neoplasm. a sox10 immunostain on specimen b", "…; part B was also
      // stained"): an extra cut costs nothing, as a sentence naming no specimen keeps the ones named before it.
      // So is a row of a pipe table whose first cell is the part ("A    | A1    | PAS-D    | negative").
      // (In a report typed in lower case the block is "b1": the row still opens with it.)
      for (const sentence of body.split(
        /(?<=[.;])\s+(?=[A-Za-z(])|\n(?=[ \t]*(?:[A-Za-z]\d{1,2}|\d{1,2}[A-Za-z])[ \t])|\n(?=[ \t]*(?:\|[ \t]*)?[A-Z]\d{0,2}[ \t]*\|)|\n(?=[ \t]*[A-Za-z]\d{0,2}(?:\t|[ \t]{2,})\S)/,
      )) {
        const here = labelsNamedIn(sentence, list);
        if (here.length > 0) named = here;
        if (named.length > 0)
          attachTo(
            list.filter((r) => named.includes(r.specimenLabel)),
            sentence,
          );
        else if (stainIn(sentence).stains.length + stainIn(sentence).ihc.length > 0)
          unread.push({ text: sentence.slice(0, 200), reason: 'stain or immunostain not attributed to a specimen', span: spanOf(where.start, where.end) });
      }
      return;
    }
    const found = stainIn(body);
    const frozen = frozenDone(body);
    if (found.stains.length === 0 && found.ihc.length === 0 && !frozen) return;
    let targets = label ? list.filter((r) => r.specimenLabel === label) : [];
    if (targets.length === 0) {
      // "specimen B", "(B)", and numbered parts ("PAS on specimen 1").
      const named = [...body.matchAll(LABEL_NAMED)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
      targets = list.filter((r) => named.includes(r.specimenLabel));
    }
    if (targets.length === 0 && list.length === 1) targets = list;
    if (targets.length === 0) {
      if (list.length > 0)
        unread.push({ text: body.slice(0, 200), reason: 'stain or immunostain not attributed to a specimen', span: spanOf(where.start, where.end) });
      return;
    }
    attachTo(targets, body, found, frozen);
  };
  const attachTo = (targets: PathologyReport[], body: string, found = stainIn(body), frozen = frozenDone(body)) => {
    for (const r of targets) {
      for (const s of found.stains) {
        const have = r.stains.find((x) => x.name === s.name);
        if (!have) r.stains.push(s);
        // A stain table's rows, one block each ("B1 | AFB …", "B2 | AFB …"): each other block is one more unit (§7.2).
        else if (have !== s && blocksOf(have).size > 0)
          for (const id of blocksOf(s))
            if (!blocksOf(have).has(id)) {
              blocksOf(have).add(id);
              have.blocks += 1;
            }
      }
      for (const i of found.ihc) if (!r.ihc.some((x) => x.antibody === i.antibody)) r.ihc.push(i);
      if (frozen) {
        const m =
          /\bfrozen\s+sections?\s+(?:\w+\s+){0,3}(?:on|of|from)\s+(\d{1,2})\s+blocks?|(\d{1,2})\s+frozen\s+(?:section\s+)?blocks?|\bfrozen\s+sections?\b[^.;\n]{0,30}?\((\d{1,2})\s+blocks?\)/i.exec(
            body,
          );
        r.frozenSectionBlocks = Math.max(r.frozenSectionBlocks ?? 0, m ? Number(m[1] ?? m[2] ?? m[3]) : 1);
      }
    }
  };
  for (const it of items) {
    // The colon the head was split at stays: "A. Factor XIIIa: positive" lists its antibody (IHC_LISTED).
    const body = `${it.head}${it.head && ':'}\n${it.body}${it.extra ?? ''}`;
    if (!it.also) {
      attach(it.label, body, it);
      continue;
    }
    // "A-C: Sections examined. Special stains: PAS (C)": a stain naming one specimen of the range
    // is that specimen's; a stain naming none ("A-C: PAS stains negative") is each specimen's.
    const range = [it.label, ...it.also].filter((l): l is string => !!l);
    for (const sentence of body.split(/(?<=[.;])\s+(?=[A-Z(])/)) {
      const named = labelsNamedIn(sentence, list).filter((l) => range.includes(l));
      for (const label of named.length > 0 ? named : range) attach(label, sentence, it);
    }
  }
  // "INTRAOPERATIVE CONSULTATION: A. Gross examination only: …": a consultation during surgery (88329
  // without frozen sections), for the specimen the line names.
  for (const it of items.filter((x) => x.intraoperative)) {
    const body = `${it.head}\n${it.body}`;
    const named = it.label ? [it.label, ...(it.also ?? [])] : labelsNamedIn(body, list);
    for (const r of named.length > 0 ? list.filter((x) => named.includes(x.specimenLabel)) : list.length === 1 ? list : []) r.intraoperative = true;
  }
  // Addendum that revises the diagnosis ("diagnosis is revised to melanoma in situ"); a comment (under the diagnoses
  // or under one specimen) that says the diagnosis itself is revised, reclassified or amended.
  for (const it of items) {
    const comment = it.mode === 'comment' ? `${it.head} ${it.body}` : it.mode === 'addendum' ? '' : (it.extra ?? '');
    const body = it.mode === 'addendum' ? `${it.head} ${it.body}` : comment;
    const m = body ? (comment ? COMMENT_REVISES : ADDENDUM_REVISES).exec(body) : null;
    if (!m) continue;
    const dx = (m[1] ?? m[2] ?? '').trim();
    const named = it.label ? [] : labelsNamedIn(body, list);
    const targets = it.label
      ? list.filter((r) => r.specimenLabel === it.label)
      : named.length === 1
        ? list.filter((r) => r.specimenLabel === named[0])
        : list.length === 1
          ? list
          : [];
    for (const r of targets) {
      r.diagnosisText = dx;
      r.behavior = behaviorOf(dx);
      r.amended = true;
      r.supplement = undefined;
      const margins = marginsOf(dx);
      if (margins) r.margins = margins;
    }
  }
  // "A. Skin, L arm, shave: See comment." and "COMMENT: A. The findings are those of a basal cell carcinoma": the
  // conclusion the comment states is the specimen's diagnosis (a hedged "consistent with" is not taken).
  for (const r of list) {
    if (!SEE_COMMENT.test(r.diagnosisText)) continue;
    for (const it of items) {
      if (it.mode !== 'comment' || (it.label ? it.label !== r.specimenLabel : list.length > 1)) continue;
      const dx = COMMENT_CONCLUDES.exec(`${it.head} ${it.body}`)?.[1]?.trim();
      if (!dx) continue;
      r.diagnosisText = dx;
      r.behavior = behaviorOf(dx);
      const margins = marginsOf(dx);
      if (margins) r.margins = margins;
      break;
    }
  }
  // One specimen listed ("SPECIMEN: A. Skin, scalp…") and one unlabeled diagnosis: that diagnosis is the specimen's.
  const unlabeledReports = list.filter((r) => r.specimenLabel === '');
  if (unlabeledReports.length === 1 && siteByLabel.size === 1 && !list.some((r) => r.specimenLabel !== '')) {
    const [label, site] = [...siteByLabel.entries()][0] as [string, string];
    const only = unlabeledReports.pop() as PathologyReport;
    only.specimenLabel = label;
    if (!only.siteText && site) only.siteText = site.slice(0, 200);
  }
  unlabeledReports.forEach((r, k) => {
    r.specimenLabel = String.fromCharCode(65 + Math.min(k, 25));
    unread.push({ text: r.diagnosisText.slice(0, 200), reason: 'pathology specimen label not documented', ...(r.span ? { span: r.span } : {}) });
  });
  return list;
}

/*
 * "specimen B", "Parts 1 and 2", "(A)": the words in any case (reports are often typed in capitals),
 * the labels always capitals or numbers, so "specimen a" in prose is no label.
 */
// "Frozen section B (2 blocks)" names specimen B too; "(2A)" is block A of part 2.
const LABEL_WORD = String.raw`\b(?:[Ss]pecimen|SPECIMEN|[Pp]art|PART|[Bb]lock|BLOCK|[Ff]rozen\s+[Ss]ection|FROZEN\s+SECTION)[sS]?`;
const LABEL_NAMED = new RegExp(String.raw`${LABEL_WORD}\s+#?(?:([A-Z])\d?|(\d{1,2}))\b|\(([A-Z])\d?\)|\((?:[Bb]lock\s+)?(\d{1,2})[A-Z]\)`, 'g');
const LABELS_NAMED = new RegExp(
  String.raw`${LABEL_WORD}\s+#?((?:[A-Z]\d?|\d{1,2})(?:\s*(?:,|and|AND|&)\s*#?(?:[A-Z]\d?|\d{1,2}))*)\b|\(([A-Z])\d?\)|\((?:[Bb]lock\s+)?(\d{1,2})[A-Z]\)`,
  'g',
);

interface TableColumns {
  count: number;
  label: number;
  dx: number;
  /** Site and procedure columns, joined as the specimen's description. */
  site: number[];
}

/** The cells of a table row: pipes, tabs, or (for a header-like row) runs of 2+ spaces. */
function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  let cells: string[];
  if ((t.match(/\|/g) ?? []).length >= 2) cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|');
  else if (t.includes('\t')) cells = t.split(/\t+/);
  else cells = t.split(/\s{2,}/);
  cells = cells.map((c) => c.trim());
  return cells.length >= 2 ? cells : undefined;
}

/** A header row naming a specimen column and a diagnosis column. */
function tableColumns(cells: string[]): TableColumns | undefined {
  const label = cells.findIndex((c) => /^(?:specimens?|parts?|jars?|labels?|#|specimen\s+(?:id|label|#))$/i.test(c));
  const dx = cells.findIndex((c) => /^(?:(?:final\s+)?diagnos[ie]s|dx|results?|interpretation|findings)$/i.test(c));
  if (label < 0 || dx < 0 || label === dx) return undefined;
  // "Part | Block | Study | Result": each row is a stain or antibody and its result, not the part's diagnosis.
  if (cells.some((c) => /^(?:(?:special\s+)?stains?|study|studies|tests?|antibod(?:y|ies)|markers?|ihc|immunostains?)$/i.test(c))) return undefined;
  const site = cells.flatMap((c, k) => (/^(?:site|location|source|procedure|specimen\s+type|type)$/i.test(c) ? [k] : []));
  return { count: cells.length, label, dx, site };
}

const ADDENDUM_REVISES =
  /\b(?:revised|amended|changed|updated)\s+(?:diagnosis\s+)?(?:to|as|is)\s*(?::\s*)?([^.\n]{3,160})|\b(?:diagnosis\s+(?:is\s+)?(?:now|revised|amended)\s*(?:(?:to|as)\s*)?:?)\s*([^.\n]{3,160})/i;
const SEE_COMMENT = /\bsee\s+(?:the\s+)?(?:comments?|note)\b/i;
const COMMENT_CONCLUDES =
  /\b(?:(?:findings|features|changes)\s+(?:are|is)\s+(?:those\s+of|diagnostic\s+of)|diagnostic\s+of|best\s+(?:regarded|classified|interpreted)\s+as)\s+(?:an?\s+)?([^.;\n]{3,160})/i;
/** In a comment only the diagnosis itself being revised counts ("the lesion changed to a darker color" is history). */
const COMMENT_REVISES =
  /\bdiagnosis\s+(?:is\s+|has\s+been\s+)?(?:revised|amended|changed|updated|reclassified)\s+(?:to|as)\s*(?::\s*)?([^.\n]{3,160})|\b(?:revised|amended|updated)\s+diagnosis\s*(?:is|:)\s*([^.\n]{3,160})/i;

/** "Frozen section was not performed", "no intraoperative frozen section", "frozen section deferred". */
const FROZEN_NOT_DONE =
  /\b(?:no|without|deferred|declined)\s+(?:\w+\s+){0,2}frozen|\bfrozen\s+sections?\s*:?\s+(?:(?:was|were)\s+)?(?:not\b|none\b|n\/a\b|deferred|declined|cancel\w*|unnecessary|pending|to\s+follow)/i;

/** A frozen section was done: a sentence names one and does not say it was not. */
export function frozenDone(text: string): boolean {
  if (!/\bfrozen\s+sections?\b/i.test(text)) return false;
  return text.split(/(?<=[.;])\s+|\n+/).some((sentence) => /\bfrozen\s+sections?\b/i.test(sentence) && !FROZEN_NOT_DONE.test(sentence));
}

/**
 * "A A1 PAS-D negative for fungi": a stain table's row whose column gaps a web page collapsed to single spaces, told by
 * the part letter before a block of that part. Its gaps are put back, so the row reads as the table typed in columns.
 */
function partBlockColumns(text: string): string {
  return /^[ \t]*([A-Za-z])[ \t]+\1\d/im.test(text) ? text.replace(/^([ \t]*)([A-Za-z])[ \t]+(\2\d{1,2})[ \t]+(?=\S)/gim, '$1$2  $3  ') : text;
}

/** Labels of `reports` a text names: "specimen B", "part 2", "block A1", "(B)", "specimens A and C". */
function labelsNamedIn(text: string, reports: readonly PathologyReport[]): string[] {
  const named = new Set<string>();
  // A table row that starts with its block ("A1  SOX10  positive", "2B  PAS  negative").
  // (In a report typed in lower case the row opens "b1  afb  negative".)
  for (const m of text.matchAll(/^[ \t]*(?:([A-Za-z])\d{1,2}|(\d{1,2})[A-Za-z])[ \t]/gm)) named.add((m[1] ?? m[2] ?? '').toUpperCase());
  // A pipe-table row whose first cell is the part ("A    | A1    | PAS-D    | negative").
  for (const m of text.matchAll(/^[ \t]*(?:\|[ \t]*)?([A-Z])\d{0,2}[ \t]*\|/gm)) named.add(m[1] as string);
  // A row of a table set in columns of spaces whose first cell is the part ("A     A1     PAS-D     negative").
  for (const m of text.matchAll(/^[ \t]*([A-Za-z])\d{0,2}(?:\t|[ \t]{2,})\S/gm)) named.add((m[1] as string).toUpperCase());
  for (const m of text.matchAll(LABELS_NAMED)) {
    for (const l of (m[1] ?? m[2] ?? m[3] ?? '').split(/\s*(?:,|and|AND|&)\s*/)) {
      const label = /^#?([A-Z]|\d{1,2})/.exec(l)?.[1];
      if (label) named.add(label);
    }
  }
  return reports.map((r) => r.specimenLabel).filter((l, k, all) => named.has(l) && all.indexOf(l) === k);
}

function splitHead(item: Item, rest: string): void {
  const t = rest.trim();
  // "Skin, left forearm, shave biopsy: Basal cell carcinoma…" / "R cheek — SCC in situ" / "(L forearm): BCC". A colon inside
  // parentheses is the head's own ("shave biopsy (clinical diagnosis: r/o BCC): Basal cell carcinoma").
  const m = /^((?:\([^)\n]{0,80}\)|[^(]){1,120}?)(?::\s+|:$|\s+[-–—]{1,2}\s+)(.*)$/.exec(t);
  if (
    m?.[1] &&
    m[1].length >= 2 &&
    /\b(?:skin|biopsy|shave|punch|excision|resection|re-?excision|curettage|left|right|\b[LR]\b|[a-z]+\s*,)|^\(?[A-Za-z ,.'/-]+\)?$/i.test(m[1]) &&
    !/\b(?:carcinoma|melanoma|nev(?:us|i)|keratosis)\b/i.test(m[1].replace(/\([^)]*\)/g, ''))
  ) {
    item.head = m[1].replace(/^[\s,;:(-]+|\)$/g, '').trim();
    item.body = (m[2] ?? '').trim();
    return;
  }
  item.body = t;
}

/** A diagnosis label inside an item's text (not the clinical, pre-operative or differential one). */
const STATED_DIAGNOSIS =
  /(?<!\b(?:clinical|pre-?op(?:erative)?|post-?op(?:erative)?|differential|provisional|working|referring)\s+)\b(?:final\s+)?diagnosis\s*:\s*/gi;

/**
 * "Atypical melanocytic proliferation. IHC: SOX10 and PRAME performed; PRAME negative. Diagnosis: dysplastic compound
 * nevus with moderate atypia.": what the item states as its diagnosis after its description is the result.
 */
function statedDiagnosis(text: string): string {
  let from = -1;
  for (const m of text.matchAll(STATED_DIAGNOSIS)) if (m.index > 0) from = m.index + m[0].length;
  const rest = from > 0 ? text.slice(from).trim() : '';
  return rest.length >= 4 ? rest : text;
}

function cleanDiagnosis(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^[-*•:\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 600);
}

/** The date after the first label that has one ("FINAL DIAGNOSIS:" has none; "Final: 01/13/2027" has). */
function dateAfter(text: string, label: RegExp): string | undefined {
  const all = new RegExp(label.source, label.flags.includes('g') ? label.flags : `${label.flags}g`);
  let tries = 0;
  for (const m of text.matchAll(all)) {
    const date = parseDate(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (date) return date;
    if (++tries >= 20) break;
  }
  return undefined;
}

export const LAB_BILLS =
  /\b(?:performed\s+and\s+billed|billed\s+and\s+performed)\s+by\s+(?!(?:the\s+)?(?:ordering|referring|submitting)\b)|\b(?:this|our|the\s+performing)\s+laboratory\s+(?:will\s+)?bills?\b/i;

export function readByOf(text: string): PathologyReport['readBy'] {
  const d = destinationOf(text);
  if (d) return d;
  // An accession number is on every report, in-house or not: it names no outside lab.
  if (/\b(?:clia|laboratory\s+director|lab\s+director|pathology\s+(?:associates|laboratory|services)|diagnostics)\b/i.test(text)) return 'external';
  return 'unknown';
}

const COMPARISON = /\b(?:for\s+comparison|in\s+comparison|compared\s+(?:with|to)|comparison\s+with)\b/gi;

/**
 * The text with every sentence (up to ".", or the line) holding a match blanked out. Linear: a regex that spans the
 * sentence itself (`[^.\n]*word[^.\n]*`) is quadratic on a long line without full stops.
 */
function withoutSentencesOf(text: string, words: RegExp): string {
  let out = '';
  let done = 0;
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const start = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n', m.index)) + 1;
    let end = m.index + m[0].length;
    while (end < text.length && text[end] !== '.' && text[end] !== '\n') end++;
    if (start >= done) out += text.slice(done, start);
    out += ' ';
    done = Math.max(done, end);
    words.lastIndex = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

function consultationOf(raw: string): PathologyReport['consultation'] {
  // "Outside slides were reviewed for comparison with the prior biopsy": material looked at beside
  // this case, not the case referred for consultation (its own specimen keeps its level).
  const text = withoutSentencesOf(raw, COMPARISON);
  if (/\bcomprehensive\s+consultation\b|\breview\s+of\s+(?:the\s+)?(?:medical\s+)?records?\s+and\s+(?:specimens?|slides)/i.test(text)) return '88325';
  if (
    /\b(?:paraffin\s+)?blocks?\s+(?:were\s+)?received\s+(?:in|for)\s+consult\w*|\brecuts?\s+(?:were\s+)?prepared\s+from\s+(?:the\s+)?(?:referred|outside)\s+blocks?|\bslides?\s+prepared\s+from\s+(?:referred|outside)\s+(?:material|blocks?)/i.test(
      text,
    )
  )
    return '88323';
  if (
    /\b(?:consultation\s+(?:on|of)\s+(?:referred|outside)\s+slides|outside\s+slides?\s+(?:were\s+)?(?:received|reviewed)|slides?\s+(?:were\s+)?received\s+(?:in|for)\s+consult\w*|referred\s+slides|second\s+opinion\s+(?:on|of)\s+slides)\b/i.test(
      text,
    )
  )
    return '88321';
  return undefined;
}
