/**
 * Canonical site keys and what each one is anatomically. Every CPT site grouping
 * (core/anatomy/groups.ts) is computed from `region` and `subunit`, so a new
 * site term only needs its place in the body, never a per-family table entry.
 *
 * Boundaries (AAD): forehead/scalp at the youthful hairline; face/neck below the
 * mandible; scalp/neck below the junction of the bony skull and soft tissue.
 */
export type Region = 'scalp' | 'face' | 'neck' | 'trunk' | 'axilla' | 'arm' | 'hand' | 'leg' | 'foot' | 'genitalia' | 'perianal' | 'mucosa';

export type FaceSubunit = 'forehead' | 'temple' | 'cheek' | 'chin' | 'mouth' | 'jaw' | 'eyelid' | 'nose' | 'ear' | 'lip' | 'face';

/** Sites whose biopsy or destruction has its own code family, or that change a repair level. */
export type SpecialSite =
  | 'lip-vermilion'
  | 'eyelid-margin'
  | 'ear-canal'
  | 'nail'
  | 'penis'
  | 'vulva'
  | 'perineum'
  | 'anus'
  | 'oral-mucosa'
  | 'tongue'
  | 'floor-of-mouth'
  | 'intranasal'
  | 'helical-rim'
  | 'nostril-rim'
  | 'umbilicus'
  | 'inguinal'
  | 'digit';

export interface SiteInfo {
  region: Region;
  subunit?: FaceSubunit | 'chest' | 'back' | 'abdomen' | 'flank' | 'buttock' | 'groin' | 'breast' | 'shoulder' | 'finger' | 'toe';
  special?: SpecialSite;
  /** The site sits on a boundary coders disagree on: the engine asks the user to verify. */
  ambiguous?: string;
  /** The site the other reading of such a boundary names: asked about only when it changes the code. */
  other?: string;
}

export const SITES = {
  scalp: { region: 'scalp' },
  vertex: { region: 'scalp' },
  occiput: { region: 'scalp' },
  'parietal-scalp': { region: 'scalp' },
  'temporal-scalp': { region: 'scalp' },
  'frontal-scalp': { region: 'scalp' },
  // AAD: forehead/scalp meet at the youthful hairline; "at the hairline" alone does not say which side.
  hairline: { region: 'face', subunit: 'forehead', ambiguous: 'hairline: forehead below the youthful hairline, scalp above it', other: 'scalp' },
  forehead: { region: 'face', subunit: 'forehead' },
  glabella: { region: 'face', subunit: 'forehead' },
  eyebrow: { region: 'face', subunit: 'forehead' },
  temple: { region: 'face', subunit: 'temple' },
  'upper-eyelid': { region: 'face', subunit: 'eyelid' },
  'lower-eyelid': { region: 'face', subunit: 'eyelid' },
  eyelid: { region: 'face', subunit: 'eyelid' },
  'eyelid-margin': { region: 'face', subunit: 'eyelid', special: 'eyelid-margin' },
  canthus: { region: 'face', subunit: 'eyelid' },
  nose: { region: 'face', subunit: 'nose' },
  'nasal-tip': { region: 'face', subunit: 'nose' },
  'nasal-dorsum': { region: 'face', subunit: 'nose' },
  'nasal-sidewall': { region: 'face', subunit: 'nose' },
  'nasal-ala': { region: 'face', subunit: 'nose' },
  'nostril-rim': { region: 'face', subunit: 'nose', special: 'nostril-rim' },
  columella: { region: 'face', subunit: 'nose' },
  intranasal: { region: 'mucosa', subunit: 'nose', special: 'intranasal' },
  cheek: { region: 'face', subunit: 'cheek' },
  'malar-cheek': { region: 'face', subunit: 'cheek' },
  zygoma: { region: 'face', subunit: 'cheek' },
  preauricular: { region: 'face', subunit: 'cheek' },
  'nasolabial-fold': { region: 'face', subunit: 'cheek' },
  jawline: { region: 'face', subunit: 'jaw', ambiguous: 'jawline: face above the mandible, neck below it', other: 'neck' },
  mandible: { region: 'face', subunit: 'jaw' },
  chin: { region: 'face', subunit: 'chin' },
  perioral: { region: 'face', subunit: 'mouth' },
  philtrum: { region: 'face', subunit: 'lip' },
  'cutaneous-lip': { region: 'face', subunit: 'lip' },
  'upper-lip': { region: 'face', subunit: 'lip' },
  'lower-lip': { region: 'face', subunit: 'lip' },
  lip: { region: 'face', subunit: 'lip', ambiguous: 'lip: skin of the lip or vermilion?', other: 'lip-vermilion' },
  'lip-vermilion': { region: 'mucosa', subunit: 'lip', special: 'lip-vermilion' },
  'oral-mucosa': { region: 'mucosa', subunit: 'mouth', special: 'oral-mucosa' },
  tongue: { region: 'mucosa', subunit: 'mouth', special: 'tongue' },
  'floor-of-mouth': { region: 'mucosa', subunit: 'mouth', special: 'floor-of-mouth' },
  ear: { region: 'face', subunit: 'ear' },
  helix: { region: 'face', subunit: 'ear' },
  'helical-rim': { region: 'face', subunit: 'ear', special: 'helical-rim' },
  antihelix: { region: 'face', subunit: 'ear' },
  concha: { region: 'face', subunit: 'ear' },
  tragus: { region: 'face', subunit: 'ear' },
  earlobe: { region: 'face', subunit: 'ear' },
  postauricular: { region: 'face', subunit: 'ear', ambiguous: 'postauricular: ear or scalp/neck skin behind it?', other: 'scalp' },
  'ear-canal': { region: 'face', subunit: 'ear', special: 'ear-canal' },
  face: { region: 'face', subunit: 'face' },
  neck: { region: 'neck' },
  'anterior-neck': { region: 'neck' },
  'posterior-neck': { region: 'neck' },
  'lateral-neck': { region: 'neck' },
  submental: { region: 'neck' },
  // AAD: face/neck boundary is the mandible; below it is neck.
  submandibular: { region: 'neck' },
  supraclavicular: { region: 'neck', ambiguous: 'supraclavicular: neck or chest?', other: 'chest' },
  chest: { region: 'trunk', subunit: 'chest' },
  breast: { region: 'trunk', subunit: 'breast' },
  inframammary: { region: 'trunk', subunit: 'breast' },
  sternum: { region: 'trunk', subunit: 'chest' },
  back: { region: 'trunk', subunit: 'back' },
  'upper-back': { region: 'trunk', subunit: 'back' },
  'mid-back': { region: 'trunk', subunit: 'back' },
  'lower-back': { region: 'trunk', subunit: 'back' },
  scapula: { region: 'trunk', subunit: 'back' },
  abdomen: { region: 'trunk', subunit: 'abdomen' },
  umbilicus: { region: 'trunk', subunit: 'abdomen', special: 'umbilicus' },
  flank: { region: 'trunk', subunit: 'flank' },
  hip: { region: 'trunk', subunit: 'flank', ambiguous: 'hip: trunk or upper leg?', other: 'thigh' },
  buttock: { region: 'trunk', subunit: 'buttock' },
  'gluteal-cleft': { region: 'trunk', subunit: 'buttock' },
  groin: { region: 'trunk', subunit: 'groin', special: 'inguinal' },
  'mons-pubis': { region: 'genitalia' },
  sacrum: { region: 'trunk', subunit: 'back' },
  axilla: { region: 'axilla' },
  shoulder: { region: 'arm', subunit: 'shoulder', ambiguous: 'shoulder: arm or trunk (upper back)?', other: 'upper-back' },
  'upper-arm': { region: 'arm' },
  arm: { region: 'arm' },
  elbow: { region: 'arm' },
  antecubital: { region: 'arm' },
  forearm: { region: 'arm' },
  wrist: { region: 'arm' },
  hand: { region: 'hand' },
  'dorsal-hand': { region: 'hand' },
  palm: { region: 'hand' },
  finger: { region: 'hand', subunit: 'finger', special: 'digit' },
  thumb: { region: 'hand', subunit: 'finger', special: 'digit' },
  fingernail: { region: 'hand', subunit: 'finger', special: 'nail' },
  nail: { region: 'hand', special: 'nail', ambiguous: 'nail: finger or toe?', other: 'toenail' },
  thigh: { region: 'leg' },
  knee: { region: 'leg' },
  popliteal: { region: 'leg' },
  'lower-leg': { region: 'leg' },
  leg: { region: 'leg' },
  shin: { region: 'leg' },
  calf: { region: 'leg' },
  ankle: { region: 'leg' },
  foot: { region: 'foot' },
  'dorsal-foot': { region: 'foot' },
  sole: { region: 'foot' },
  heel: { region: 'foot' },
  toe: { region: 'foot', subunit: 'toe', special: 'digit' },
  toenail: { region: 'foot', subunit: 'toe', special: 'nail' },
  genitalia: { region: 'genitalia' },
  penis: { region: 'genitalia', special: 'penis' },
  scrotum: { region: 'genitalia' },
  vulva: { region: 'genitalia', special: 'vulva' },
  labia: { region: 'genitalia', special: 'vulva' },
  perineum: { region: 'genitalia', special: 'perineum' },
  perianal: { region: 'perianal', special: 'anus' },
  trunk: { region: 'trunk' },
  extremity: { region: 'arm', ambiguous: 'extremity: arm or leg?', other: 'leg' },
} as const satisfies Record<string, SiteInfo>;

export type SiteKey = keyof typeof SITES;

export function siteInfo(key: string | undefined): SiteInfo | undefined {
  if (!key) return undefined;
  return (SITES as Record<string, SiteInfo>)[key];
}
