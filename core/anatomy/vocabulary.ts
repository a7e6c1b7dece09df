import type { Laterality, Site } from '../model';
import { SITES, type SiteKey, siteInfo } from './sites';

/**
 * Site vocabulary: the words notes use for a body site (with abbreviations and
 * misspellings) → the canonical key in core/anatomy/sites.ts, plus laterality and
 * digit/eyelid detail. Boundaries follow the AAD definitions cited in sites.ts:
 * hairline (forehead vs frontal scalp), mandible (face vs submandibular neck),
 * bony skull (occiput = scalp, nape = neck), wrist/ankle belong to arm/leg while
 * the dorsal hand/foot belong to hand/foot; helical rim, vermilion, nostril rim
 * and eyelid margin are their own keys because they change codes.
 */

interface Term {
  key: SiteKey;
  /** Laterality carried by the term itself (RUE, LLE…). */
  laterality?: Laterality;
  subsite?: string;
  /** Generic word that is a site only after a preposition, article, side or modifier ("on the back", "L back"). */
  weak?: boolean;
}

// Terms are written as normalized token strings: lowercase, punctuation → space, "the" dropped.
const RAW: [string | string[], SiteKey, Partial<Term>?][] = [
  // scalp
  [['scalp', 'scalps', 'sclap'], 'scalp'],
  [['vertex', 'vertex scalp', 'scalp vertex', 'crown', 'crown of scalp', 'crown of head', 'top of head', 'top of scalp'], 'vertex'],
  [['occiput', 'occipital', 'occipital scalp', 'posterior scalp', 'back of head', 'back of scalp', 'scalp occiput'], 'occiput'],
  [['parietal', 'parietal scalp', 'scalp parietal'], 'parietal-scalp'],
  [['temporal scalp', 'scalp temporal'], 'temporal-scalp'],
  [['frontal scalp', 'anterior scalp', 'scalp frontal', 'frontoparietal scalp', 'frontal parietal scalp'], 'frontal-scalp'],
  [['hairline', 'frontal hairline', 'anterior hairline', 'hair line'], 'hairline'],
  // forehead / brow / temple
  [['forehead', 'foreheads', 'forhead', 'fh', 'frontal', 'central forehead', 'lateral forehead', 'mid forehead'], 'forehead'],
  [['glabella', 'glabellar', 'glabellar region', 'between eyebrows'], 'glabella'],
  [['eyebrow', 'eyebrows', 'brow', 'brows', 'eye brow', 'suprabrow', 'supraorbital'], 'eyebrow'],
  [['temple', 'temples', 'temporal', 'temporal region'], 'temple'],
  // eyelids
  [['upper eyelid', 'upper lid', 'upper eye lid', 'superior eyelid', 'upper eyelids'], 'upper-eyelid', { subsite: 'upper' }],
  [['lower eyelid', 'lower lid', 'lower eye lid', 'inferior eyelid', 'lower eyelids'], 'lower-eyelid', { subsite: 'lower' }],
  [['eyelid', 'eyelids', 'eye lid', 'lid', 'palpebral'], 'eyelid'],
  [['eyelid margin', 'lid margin', 'lash line', 'lashline', 'palpebral margin', 'ciliary margin', 'eyelid rim', 'lid edge', 'eyelid edge'], 'eyelid-margin'],
  [['upper eyelid margin', 'upper lid margin', 'upper lash line'], 'eyelid-margin', { subsite: 'upper' }],
  [['lower eyelid margin', 'lower lid margin', 'lower lash line'], 'eyelid-margin', { subsite: 'lower' }],
  [['canthus', 'medial canthus', 'lateral canthus', 'inner canthus', 'outer canthus', 'canthal'], 'canthus'],
  [['periorbital', 'periocular'], 'face'],
  // nose
  [['nose', 'nasal', 'nasal skin'], 'nose'],
  [['nasal tip', 'tip of nose', 'nose tip', 'supratip', 'infratip', 'nasal supratip', 'soft triangle'], 'nasal-tip'],
  [['nasal dorsum', 'dorsum of nose', 'dorsal nose', 'nasal bridge', 'bridge of nose', 'nose bridge', 'radix', 'nasal root'], 'nasal-dorsum'],
  [['nasal sidewall', 'nasal side wall', 'sidewall of nose', 'side of nose', 'lateral nose', 'sidewall', 'nasal sidewalls'], 'nasal-sidewall'],
  [['nasal ala', 'ala', 'alar', 'ala nasi', 'alae', 'nasal alae', 'alar crease', 'alar groove', 'alar lobule', 'nasal alar'], 'nasal-ala'],
  [['alar rim', 'nostril rim', 'nasal rim', 'rim of nostril', 'alar margin', 'nostril margin', 'rim of ala'], 'nostril-rim'],
  [['columella', 'columellar'], 'columella'],
  [['intranasal', 'nasal vestibule', 'nasal mucosa', 'vestibule of nose', 'inside nose', 'nasal septum', 'septum'], 'intranasal'],
  // cheek / jaw / chin
  [['cheek', 'cheeks', 'chk', 'medial cheek', 'lateral cheek', 'buccal cheek', 'buccal'], 'cheek'],
  [['malar', 'malar cheek', 'malar eminence', 'upper cheek'], 'malar-cheek'],
  [['zygoma', 'zygomatic', 'zygomatic arch', 'cheekbone'], 'zygoma'],
  [['infraorbital', 'infraorbital cheek', 'infra orbital', 'suborbital'], 'cheek'],
  [['preauricular', 'pre auricular', 'preauricular cheek', 'sideburn', 'sideburns', 'in front of ear'], 'preauricular'],
  [['nasolabial fold', 'nasolabial', 'melolabial fold', 'melolabial', 'nasolabial crease', 'nlf', 'smile line'], 'nasolabial-fold'],
  [['jawline', 'jaw line', 'jaw'], 'jawline'],
  [['mandible', 'mandibular', 'mandibular border', 'angle of jaw', 'angle of mandible', 'mandibular angle'], 'mandible'],
  [['chin', 'mentum', 'mental chin'], 'chin'],
  [['submental', 'under chin', 'submentum'], 'submental'],
  [['submandibular', 'below jaw', 'under jaw', 'below jawline', 'below mandible'], 'submandibular'],
  // mouth / lips
  [['perioral', 'oral commissure', 'commissure', 'corner of mouth', 'marionette line', 'perioral skin'], 'perioral'],
  [['philtrum', 'philtral', 'philtral column'], 'philtrum'],
  [['cutaneous lip', 'cutaneous upper lip', 'cutaneous lower lip', 'skin of lip', 'white lip', 'lip skin'], 'cutaneous-lip'],
  [['upper lip', 'superior lip', 'upper lips'], 'upper-lip'],
  [['lower lip', 'inferior lip', 'lower lips'], 'lower-lip'],
  [['lip', 'lips'], 'lip'],
  [
    [
      'vermilion',
      'vermillion',
      'vermilion border',
      'vermillion border',
      'vermilion lip',
      'vermilion of lip',
      'lip vermilion',
      'red lip',
      'mucosal lip',
      'wet lip',
      'dry lip',
      'labial mucosa',
      'lip mucosa',
      'vermilion of lower lip',
      'vermilion of upper lip',
      'lower lip vermilion',
      'upper lip vermilion',
      'vermilion border of lower lip',
      'vermilion border of upper lip',
      'lower vermilion',
      'upper vermilion',
    ],
    'lip-vermilion',
  ],
  [
    [
      'oral mucosa',
      'buccal mucosa',
      'buccal vestibule',
      'vestibule',
      'vestibular mucosa',
      'labial vestibule',
      'buccal vestibule mucosa',
      'mucobuccal fold',
      'gingiva',
      'gingival',
      'gum',
      'gums',
      'palate',
      'hard palate',
      'oral cavity',
      'vestibule of mouth',
    ],
    'oral-mucosa',
  ],
  [['tongue', 'dorsal tongue', 'lateral tongue', 'ventral tongue', 'tip of tongue'], 'tongue'],
  [['floor of mouth', 'mouth floor', 'sublingual'], 'floor-of-mouth'],
  // ear
  [['ear', 'ears', 'auricle', 'auricular', 'pinna', 'external ear', 'auricles'], 'ear'],
  [['helix', 'helical', 'superior helix', 'helices', 'helical crus', 'crus of helix'], 'helix'],
  [
    ['helical rim', 'rim of helix', 'ear rim', 'rim of ear', 'helix rim', 'helical margin', 'free margin of helix', 'free margin of helical rim'],
    'helical-rim',
  ],
  [['antihelix', 'antihelical', 'anti helix', 'scapha', 'triangular fossa'], 'antihelix'],
  [['concha', 'conchal', 'conchal bowl', 'cymba', 'cavum'], 'concha'],
  [['tragus', 'tragal', 'antitragus'], 'tragus'],
  [['earlobe', 'ear lobe', 'lobule', 'lobe', 'ear lobule', 'earlobes'], 'earlobe'],
  [['postauricular', 'post auricular', 'retroauricular', 'behind ear', 'posterior ear', 'back of ear', 'mastoid', 'postauricular sulcus'], 'postauricular'],
  [['ear canal', 'external auditory canal', 'auditory canal', 'eac', 'external ear canal', 'external auditory meatus'], 'ear-canal'],
  [['face', 'facial', 'midface', 'mid face'], 'face', { weak: true }],
  // neck
  [['neck', 'neck skin'], 'neck'],
  [['anterior neck', 'front of neck', 'throat', 'ant neck', 'anterior cervical'], 'anterior-neck'],
  [['posterior neck', 'post neck', 'back of neck', 'nape', 'nape of neck', 'nuchal', 'posterior cervical'], 'posterior-neck'],
  [['lateral neck', 'side of neck', 'lat neck', 'lateral cervical'], 'lateral-neck'],
  [['supraclavicular', 'supraclavicular fossa'], 'supraclavicular'],
  // trunk
  [
    [
      'chest',
      'anterior chest',
      'upper chest',
      'central chest',
      'mid chest',
      'lateral chest',
      'chest wall',
      'lower chest',
      'clavicle',
      'clavicular',
      'infraclavicular',
      'pectoral',
    ],
    'chest',
  ],
  [['presternal', 'sternum', 'sternal', 'parasternal', 'over sternum'], 'sternum'],
  [['breast', 'breasts', 'areola', 'nipple', 'periareolar'], 'breast'],
  [['inframammary', 'inframammary fold', 'under breast', 'imf'], 'inframammary'],
  [['back', 'central back'], 'back', { weak: true }],
  [['upper back', 'uper back', 'mid upper back', 'superior back', 'upper mid back', 'interscapular', 'upper central back'], 'upper-back'],
  [['mid back', 'middle back', 'midback', 'thoracic back', 'mid lower back'], 'mid-back'],
  [['lower back', 'low back', 'lumbar', 'lumbar back', 'lower lumbar'], 'lower-back'],
  [['sacrum', 'sacral', 'coccyx', 'coccygeal', 'presacral'], 'sacrum'],
  [['scapula', 'scapular', 'shoulder blade', 'over scapula'], 'scapula'],
  [
    ['abdomen', 'abdominal', 'abd', 'abdominal wall', 'lower abdomen', 'upper abdomen', 'epigastric', 'epigastrium', 'suprapubic', 'belly', 'periumbilical'],
    'abdomen',
  ],
  [['umbilicus', 'umbilical', 'navel', 'belly button'], 'umbilicus'],
  [['flank', 'flanks', 'side of trunk', 'lateral trunk', 'waist'], 'flank'],
  [['hip', 'hips', 'lateral hip'], 'hip'],
  [['buttock', 'buttocks', 'gluteal', 'glute', 'gluteus', 'butt', 'gluteal region'], 'buttock'],
  [['gluteal cleft', 'intergluteal', 'natal cleft', 'intergluteal cleft', 'gluteal crease'], 'gluteal-cleft'],
  [['groin', 'inguinal', 'inguinal fold', 'inguinal crease', 'crural', 'groin fold'], 'groin'],
  [['trunk', 'torso'], 'trunk', { weak: true }],
  [['axilla', 'axillae', 'axillary', 'armpit', 'armpits', 'axillas', 'underarm'], 'axilla'],
  // arm
  [['shoulder', 'shoulders', 'sholder', 'sholders', 'shoudler', 'deltoid', 'posterior shoulder', 'anterior shoulder', 'top of shoulder'], 'shoulder'],
  [['upper arm', 'upper arms', 'uper arm', 'biceps', 'triceps', 'proximal arm', 'lateral upper arm', 'posterior upper arm'], 'upper-arm'],
  [['arm', 'arms', 'upper extremity', 'upper extremities'], 'arm'],
  [['rue'], 'arm', { laterality: 'right' }],
  [['lue'], 'arm', { laterality: 'left' }],
  [['bue', 'bilateral upper extremities'], 'arm', { laterality: 'bilateral' }],
  [['elbow', 'elbows', 'olecranon', 'extensor elbow'], 'elbow'],
  [['antecubital', 'antecubital fossa', 'ac fossa', 'cubital fossa'], 'antecubital'],
  [
    [
      'forearm',
      'forearms',
      'forarm',
      'volar forearm',
      'dorsal forearm',
      'extensor forearm',
      'flexor forearm',
      'dorsal forearms',
      'proximal forearm',
      'distal forearm',
    ],
    'forearm',
  ],
  [['wrist', 'wrists', 'volar wrist', 'dorsal wrist', 'flexor wrist'], 'wrist'],
  // hand
  [['hand', 'hands'], 'hand', { weak: true }],
  [['dorsal hand', 'dorsum of hand', 'back of hand', 'dorsal hands', 'hand dorsum', 'dorsal aspect of hand', 'knuckle', 'knuckles'], 'dorsal-hand'],
  [['palm', 'palms', 'palmar', 'palmar hand', 'volar hand', 'thenar', 'hypothenar', 'thenar eminence'], 'palm'],
  [['finger', 'fingers', 'digit', 'digits', 'fingertip', 'finger tip', 'fingertips', 'fingerpad'], 'finger'],
  [['index finger'], 'finger', { subsite: '2' }],
  [['middle finger', 'long finger'], 'finger', { subsite: '3' }],
  [['ring finger'], 'finger', { subsite: '4' }],
  [['little finger', 'small finger', 'pinky', 'pinky finger', 'fifth finger'], 'finger', { subsite: '5' }],
  [['thumb', 'thumbs', 'pollex'], 'thumb', { subsite: '1' }],
  [['fingernail', 'fingernails', 'finger nail', 'finger nails', 'fingernail fold'], 'fingernail'],
  [['thumbnail', 'thumb nail', 'thumbnails'], 'fingernail', { subsite: '1' }],
  [
    [
      'nail',
      'nails',
      'nail bed',
      'nail matrix',
      'nail plate',
      'nail fold',
      'nail unit',
      'periungual',
      'subungual',
      'proximal nail fold',
      'lateral nail fold',
      'hyponychium',
      'eponychium',
    ],
    'nail',
  ],
  // leg
  [
    ['thigh', 'thighs', 'anterior thigh', 'posterior thigh', 'lateral thigh', 'medial thigh', 'inner thigh', 'upper thigh', 'distal thigh', 'proximal thigh'],
    'thigh',
  ],
  [['knee', 'knees', 'patella', 'patellar', 'anterior knee', 'pre patellar', 'prepatellar'], 'knee'],
  [['popliteal', 'popliteal fossa', 'back of knee', 'posterior knee'], 'popliteal'],
  [
    ['lower leg', 'lower legs', 'anterior lower leg', 'lateral lower leg', 'medial lower leg', 'distal leg', 'anterior leg', 'lateral leg', 'medial leg'],
    'lower-leg',
  ],
  [['leg', 'legs', 'lower extremity', 'lower extremities'], 'leg'],
  [['rle'], 'leg', { laterality: 'right' }],
  [['lle'], 'leg', { laterality: 'left' }],
  [['ble', 'bilateral lower extremities'], 'leg', { laterality: 'bilateral' }],
  [['shin', 'shins', 'pretibial', 'anterior shin', 'tibial', 'pre tibial'], 'shin'],
  [['calf', 'calves', 'posterior calf', 'posterior leg', 'posterior lower leg', 'gastrocnemius'], 'calf'],
  [['ankle', 'ankles', 'malleolus', 'medial malleolus', 'lateral malleolus', 'achilles', 'medial ankle', 'lateral ankle'], 'ankle'],
  // foot
  [['foot', 'feet'], 'foot', { weak: true }],
  [['dorsal foot', 'dorsum of foot', 'top of foot', 'dorsal feet', 'foot dorsum', 'instep', 'dorsal aspect of foot'], 'dorsal-foot'],
  [['sole', 'soles', 'plantar', 'plantar foot', 'plantar surface', 'bottom of foot', 'arch', 'plantar feet', 'ball of foot', 'forefoot'], 'sole'],
  [['heel', 'heels', 'plantar heel', 'posterior heel', 'calcaneal'], 'heel'],
  [['toe', 'toes', 'lesser toe'], 'toe'],
  [['great toe', 'big toe', 'hallux', 'first toe', '1st toe'], 'toe', { subsite: '1' }],
  [['toenail', 'toenails', 'toe nail', 'toe nails'], 'toenail'],
  [['great toenail', 'big toenail', 'hallux nail', 'hallux toenail'], 'toenail', { subsite: '1' }],
  // genitalia / perineum
  [['genitalia', 'genital', 'genitals', 'external genitalia'], 'genitalia'],
  [['penis', 'penile', 'penile shaft', 'shaft of penis', 'glans', 'glans penis', 'foreskin', 'prepuce', 'corona'], 'penis'],
  [['scrotum', 'scrotal'], 'scrotum'],
  [['vulva', 'vulvar', 'vulval', 'introitus'], 'vulva'],
  [['labia', 'labia majora', 'labia minora', 'labium', 'labial', 'labium majus', 'labium minus'], 'labia'],
  [['perineum', 'perineal'], 'perineum'],
  [['mons', 'mons pubis', 'pubic', 'pubis', 'suprapubic mons'], 'mons-pubis'],
  [['perianal', 'anal', 'anus', 'peri anal', 'perianal skin'], 'perianal'],
  [['extremity', 'extremities'], 'extremity', { weak: true }],
];

const LATERALITY: Record<string, Laterality> = {
  left: 'left',
  l: 'left',
  lt: 'left',
  lft: 'left',
  right: 'right',
  r: 'right',
  rt: 'right',
  rgt: 'right',
  bilateral: 'bilateral',
  bilat: 'bilateral',
  bilaterally: 'bilateral',
  bl: 'bilateral',
  both: 'bilateral',
  midline: 'midline',
};

const ORDINAL: Record<string, string> = {
  '1st': '1',
  first: '1',
  '2nd': '2',
  second: '2',
  '3rd': '3',
  third: '3',
  '4th': '4',
  fourth: '4',
  '5th': '5',
  fifth: '5',
  index: '2',
  middle: '3',
  long: '3',
  ring: '4',
  little: '5',
  small: '5',
  pinky: '5',
  great: '1',
  big: '1',
};

/** Words skipped while matching terms ("dorsum of the hand" = "dorsum of hand"). */
const SKIP = new Set(['the', 'her', 'his', 'aspect', 'area', 'region', 'surface', 'portion']);
/** Words that make a following weak term a site: prepositions, modifiers, sides. */
const WEAK_OK = new Set([
  'on',
  'of',
  'to',
  'at',
  'over',
  'upper',
  'lower',
  'mid',
  'central',
  'superior',
  'inferior',
  'medial',
  'lateral',
  'left',
  'right',
  'l',
  'r',
  'lt',
  'rt',
  'bilateral',
  'bilat',
  'dorsal',
  'across',
  'involving',
  'location',
  'site',
]);

const TERMS = new Map<string, Term>();
let MAX_TOKENS = 1;
for (const [names, key, extra] of RAW) {
  for (const name of Array.isArray(names) ? names : [names]) {
    const norm = name.split(' ').filter((w) => !SKIP.has(w));
    MAX_TOKENS = Math.max(MAX_TOKENS, norm.length);
    const joined = norm.join(' ');
    // First entry wins, so a specific list cannot be shadowed by a later generic one.
    if (!TERMS.has(joined)) TERMS.set(joined, { key, ...extra });
  }
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Lowercase word tokens with offsets; punctuation splits words ("post." → "post", "L-helix" → "l", "helix"). */
export function tokenize(text: string, offset = 0, limit = 4000): Token[] {
  const tokens: Token[] = [];
  const n = Math.min(text.length, limit);
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    tokens.push({ word: text.slice(start, i).toLowerCase(), start: start + offset, end: i + offset });
  }
  return tokens;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || (c >= 192 && c <= 591);
}

export interface SiteMatch {
  site: Site;
  start: number;
  end: number;
  special: boolean;
  /** Named as a point to measure from ("4 mm from the lid margin", "sparing the vermilion"), not the treated site. */
  reference?: boolean;
}

/** Text right before a site that makes it a landmark: a distance from it, or a margin kept clear of it. */
const LANDMARK_BEFORE =
  /(?:\b\d+(?:\.\d+)?\s*(?:mm|cm)\s+(?:(?:away\s+)?from|short\s+of|proximal\s+to|distal\s+to)|\baway\s+from|\bsparing|\bspares|\bnot\s+involving|\bclear\s+of)\s+(?:the\s+)?(?:(?:upper|lower|right|left)\s+)?$/i;

/**
 * Every site mention in `text`, earliest first, with laterality and subsite
 * attached. `strict` makes generic words ("back", "face", "hand") count only
 * after a preposition, side or modifier, so "call back" is not a site.
 */
const CACHE_MAX = 2000;
/** One cache per mode, keyed by the text itself (a text asked about again already carries its hash). */
const CACHE = { strict: new Map<string, SiteMatch[]>(), loose: new Map<string, SiteMatch[]>() };

export function findSites(text: string, options: { offset?: number; strict?: boolean } = {}): SiteMatch[] {
  // The parser asks about the same short texts many times: remember the last few thousand answers.
  const cache = options.strict ? CACHE.strict : CACHE.loose;
  let found = text.length <= 2000 ? cache.get(text) : undefined;
  if (!found) {
    found = scanSites(text, Boolean(options.strict));
    if (text.length <= 2000) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(text, found);
    }
  }
  const offset = options.offset ?? 0;
  return offset === 0 ? found : found.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
}

function scanSites(text: string, strict: boolean): SiteMatch[] {
  const options = { strict };
  const offset = 0;
  const all = tokenize(text, 0);
  // Laterality words are read separately: "upper left eyelid" = left + "upper eyelid".
  const words: (Token & { ai: number })[] = [];
  const sideAt: { index: number; side: Laterality; ai: number }[] = [];
  const isRuleOut = (ai: number): boolean => {
    const t = all[ai];
    return t?.word === 'r' && text.charCodeAt(t.end) === 47 && all[ai + 1]?.word === 'o' && all[ai + 1]?.start === t.end + 1;
  };
  all.forEach((t, ai) => {
    const w = t.word.endsWith("'s") ? t.word.slice(0, -2) : t.word;
    if (SKIP.has(w)) return;
    const side = LATERALITY[w];
    // "r/o BCC" is "rule out", not "right".
    if (side && isRuleOut(ai)) return;
    if (side) {
      sideAt.push({ index: words.length, side, ai });
      return;
    }
    words.push({ ...t, word: w, ai });
  });
  const matches: SiteMatch[] = [];
  let prevEnd = 0;
  let i = 0;
  while (i < words.length) {
    let found: { term: Term; len: number } | undefined;
    for (let len = Math.min(MAX_TOKENS, words.length - i); len >= 1; len--) {
      let joined = '';
      for (let k = 0; k < len; k++) joined += (k ? ' ' : '') + (words[i + k] as Token).word;
      const term = TERMS.get(joined) ?? (len === 1 && joined.length > 3 && joined.endsWith('s') ? TERMS.get(joined.slice(0, -1)) : undefined);
      if (term) {
        found = { term, len };
        break;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    const first = words[i] as Token & { ai: number };
    const last = words[i + found.len - 1] as Token & { ai: number };
    // "Dog ears removed": the folds of skin at a closure's ends, not the ear.
    if (found.term.key === 'ear' && all[first.ai - 1]?.word === 'dog') {
      i += found.len;
      continue;
    }
    // "Mohs surgery, head/neck", "SCC of the head and neck": the code family's region group, not where the lesion is.
    if (found.term.key === 'neck' && found.len === 1 && /\bhead\s*(?:\/|&|-|and)\s*$/i.test(text.slice(Math.max(0, first.start - 12), first.start))) {
      i += found.len;
      continue;
    }
    if (found.term.weak && options.strict && first.ai > 0) {
      const prev = all[first.ai - 1]?.word ?? '';
      const prev2 = all[first.ai - 2]?.word ?? '';
      // "Molluscum contagiosum, trunk (B08.1)": a generic word set off as a list item by a comma and closed by
      // punctuation names the site ("…, back to clinic" does not).
      const prevTok = all[first.ai - 1] as Token;
      const listed = /,\s*$/.test(text.slice(prevTok.end, first.start)) && /^\s*(?:[(,.;:]|$)/.test(text.slice(last.end, last.end + 3));
      if (!(listed || WEAK_OK.has(prev) || LATERALITY[prev] || prev.length === 1 || /^\d+$/.test(prev) || (prev === 'the' && WEAK_OK.has(prev2)))) {
        i += found.len;
        continue;
      }
    }
    // Laterality: a side word up to 2 words before, inside, or right after the term.
    let laterality = found.term.laterality;
    if (!laterality) {
      let first: (typeof sideAt)[number] | undefined;
      for (const at of sideAt) {
        if (at.index < Math.max(i - 2, prevEnd) || at.index > i + found.len - 1) continue;
        // "R and L great toenails": both sides joined before one site name it on both sides.
        if (
          first &&
          first.side !== at.side &&
          at.side !== 'bilateral' &&
          /^(?:and|&)$/.test(all[first.ai + 1]?.word ?? '') &&
          all[first.ai + 2] === all[at.ai]
        ) {
          laterality = 'bilateral';
          break;
        }
        first ??= at;
        laterality = at.side;
      }
      if (!laterality) laterality = sideAt.find((s) => s.index === i + found.len && all[s.ai - 1]?.start === last.start)?.side;
    }
    // Widen the matched text to include side/modifier words right before it ("R nasal ala").
    let start = first.start;
    for (let b = first.ai - 1; b >= Math.max(0, first.ai - 3); b--) {
      const w = (all[b] as Token).word;
      if (LATERALITY[w] || w === 'upper' || w === 'lower' || w === 'dorsal' || w === 'mid') start = (all[b] as Token).start;
      else break;
    }
    let end = last.end;
    const next = all[last.ai + 1];
    // A trailing side word widens the text, but not the "r" of "r/o" ("R upper back, r/o SCC").
    if (next && LATERALITY[next.word] && !found.term.laterality && laterality === LATERALITY[next.word] && !isRuleOut(last.ai + 1)) end = next.end;
    let key = found.term.key;
    let subsite = found.term.subsite;
    // Digit number near finger/toe: "L 2nd finger", "finger #3", "3rd toe".
    if (!subsite && (key === 'finger' || key === 'toe' || key === 'fingernail' || key === 'toenail')) {
      const before = all[first.ai - 1]?.word;
      const after = all[last.ai + 1]?.word;
      // "R thumbnail, 3 mm wide band": a number with a unit after it is a size, not the digit; "4 on R hand
      // fingers, 3 on L hand": a number past a comma starts the next count.
      const unit = all[last.ai + 2]?.word;
      const nextTok = all[last.ai + 1];
      const adjacent = nextTok !== undefined && /^[\s#-]*$/.test(text.slice(last.end, nextTok.start));
      subsite =
        (before && ORDINAL[before]) ||
        (after && adjacent && /^[1-5]$/.test(after) && !(unit && /^(?:mm|cm|millimet\w*|centimet\w*)$/.test(unit)) ? after : undefined);
      if (subsite === '1' && key === 'finger') key = 'thumb';
    }
    if (key === 'nail') {
      let near = '';
      for (let k = Math.max(0, first.ai - 3); k <= Math.min(all.length - 1, last.ai + 6); k++) near += ` ${(all[k] as Token).word}`;
      if (/ (finger|fingers|thumb|hand)\b/.test(near)) key = 'fingernail';
      else if (/ (toe|toes|hallux|foot)\b/.test(near)) key = 'toenail';
    }
    if (key === 'eyelid-margin' && !subsite) {
      const before = all[first.ai - 1]?.word;
      const before2 = all[first.ai - 2]?.word;
      if (before === 'upper' || before === 'lower') subsite = before;
      else if (before2 === 'upper' || before2 === 'lower') subsite = before2;
    }
    const info = (SITES as Record<string, { special?: string }>)[key];
    // Every field named (undefined when absent), in the schema's order: one object shape for every reader of a site.
    const site: Site = { text: text.slice(start, end), key, laterality: laterality || undefined, subsite: subsite || undefined };
    const match: SiteMatch = {
      site,
      start: start + offset,
      end: end + offset,
      special: Boolean(info?.special),
      reference: LANDMARK_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? true : undefined,
    };
    matches.push(match);
    i += found.len;
    prevEnd = i;
  }
  return matches;
}

/**
 * The documented site in a short phrase ("R nasal ala", "vermilion border of lower
 * lip", "L 2nd finger") → canonical key + laterality + subsite, or undefined when no
 * site word is present. When several sites are named, a site with its own coding
 * (vermilion, helical rim, eyelid margin…) wins, then the first one.
 */
export function resolveSite(text: string): Site | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const phrase = text.length > 400 ? text.slice(0, 400) : text;
  const matches = findSites(phrase);
  const best = pickSite(matches);
  if (!best) return undefined;
  return { ...best.site, text: phrase.trim() };
}

/** Special sites win over general ones ("lower lip … vermilion" → vermilion), else the first. */
export function pickSite(all: SiteMatch[]): SiteMatch | undefined {
  // A landmark ("4 mm from the lid margin") is the site only when nothing else is named.
  const named = all.filter((m) => !m.reference);
  const matches = named.length > 0 ? named : all;
  // "R great toe nail matrix bx": the nail unit is the more specific site of the two (§1.3: 11755).
  const nailOfDigit =
    matches.find((m) => m.special && siteInfo(m.site.key)?.special === 'nail') && matches.find((m) => m.special && siteInfo(m.site.key)?.special === 'digit')
      ? matches.find((m) => siteInfo(m.site.key)?.special === 'nail')
      : undefined;
  // "total nail avulsion, R great toenail": the nail named with its digit is the site, not the bare "nail" before it.
  const nails = matches.filter((m) => siteInfo(m.site.key)?.special === 'nail');
  const namedNail = nails.length > 1 ? (nails.find((m) => m.site.subsite) ?? nails.find((m) => m.site.key !== 'nail')) : undefined;
  // "R 2nd toe: entire nail plate avulsed": the nail keeps the digit's number (toe/finger modifiers, §10.6).
  const digit = nailOfDigit && !nailOfDigit.site.subsite ? matches.find((m) => m.site.subsite && siteInfo(m.site.key)?.special === 'digit') : undefined;
  const numberedNail = nailOfDigit && digit?.site.subsite ? { ...nailOfDigit, site: { ...nailOfDigit.site, subsite: digit.site.subsite } } : nailOfDigit;
  const special = numberedNail ?? namedNail ?? matches.find((m) => m.special);
  let chosen = special ?? matches[0];
  if (!chosen) return undefined;
  // "R lower eyelid, 0.8 cm lesion including lid margin": the margin is that lid's (its subsite decides E4 and C44.1122).
  if (!chosen.site.subsite && chosen.site.key?.startsWith('eyelid')) {
    const lid = matches.find((m) => m !== chosen && m.site.subsite && m.site.key?.endsWith('eyelid'));
    if (lid) chosen = { ...chosen, site: { ...chosen.site, subsite: lid.site.subsite, laterality: chosen.site.laterality ?? lid.site.laterality } };
  }
  if (!chosen.site.laterality) {
    const side = matches.find((m) => m.site.laterality)?.site.laterality;
    if (side) return { ...chosen, site: { ...chosen.site, laterality: side } };
  }
  return chosen;
}
