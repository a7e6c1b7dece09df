import type { CodeEntryInput } from '../code-entry';

// Reference §5.1-5.3 (codes, site groups, area steps) and §10.2 (global days).
// ATT 14000-14350: 090 (14040 [V], the rest [S]); autografts 15100-15261: 090 [S];
// pedicle/delay/axial flaps 15570-15630, 15731, 15740: 090 [S]; add-ons ZZZ.
// Descriptions are our own words.

type Confidence = 'V' | 'S' | 'U';
const major = (code: string, short: string, confidence: Confidence = 'S'): CodeEntryInput => ({
  code,
  short,
  family: 'tissue-transfer',
  global: '090',
  confidence,
});
const addOn = (code: string, parents: string[], short: string, confidence: Confidence = 'S'): CodeEntryInput => ({
  code,
  short,
  family: 'tissue-transfer',
  global: 'ZZZ',
  addOnParents: parents,
  confidence,
});

export const tissueTransferCodes: CodeEntryInput[] = [
  // Adjacent tissue transfer / rearrangement: area = primary + secondary defect.
  major('14000', 'Adjacent tissue transfer, trunk, 10 sq cm or less'),
  major('14001', 'Adjacent tissue transfer, trunk, 10.1-30 sq cm'),
  major('14020', 'Adjacent tissue transfer, scalp/arms/legs, 10 sq cm or less', 'V'),
  major('14021', 'Adjacent tissue transfer, scalp/arms/legs, 10.1-30 sq cm', 'V'),
  major('14040', 'Adjacent tissue transfer, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, 10 sq cm or less', 'V'),
  major('14041', 'Adjacent tissue transfer, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, 10.1-30 sq cm'),
  major('14060', 'Adjacent tissue transfer, eyelids/nose/ears/lips, 10 sq cm or less'),
  major('14061', 'Adjacent tissue transfer, eyelids/nose/ears/lips, 10.1-30 sq cm'),
  major('14301', 'Adjacent tissue transfer, any site, 30.1-60 sq cm', 'V'),
  addOn('14302', ['14301'], 'Adjacent tissue transfer, any site, each further 30 sq cm or part', 'V'),
  major('14350', 'Filleted finger or toe flap'),

  // Split-thickness autografts: first 100 sq cm / each further 100 sq cm (adults and children 10+).
  major('15100', 'Split-thickness skin autograft, trunk/arms/legs, first 100 sq cm'),
  addOn('15101', ['15100'], 'Split-thickness skin autograft, trunk/arms/legs, each further 100 sq cm'),
  major('15120', 'Split-thickness skin autograft, face/scalp/neck/hands/feet/genitalia/digits, first 100 sq cm'),
  addOn('15121', ['15120'], 'Split-thickness skin autograft, face/scalp/neck/hands/feet/genitalia/digits, each further 100 sq cm'),

  // Full-thickness free grafts: first 20 sq cm / each further 20 sq cm or part; donor closure included.
  major('15200', 'Full-thickness skin graft, trunk, first 20 sq cm', 'V'),
  addOn('15201', ['15200'], 'Full-thickness skin graft, trunk, each further 20 sq cm', 'V'),
  major('15220', 'Full-thickness skin graft, scalp/arms/legs, first 20 sq cm', 'V'),
  addOn('15221', ['15220'], 'Full-thickness skin graft, scalp/arms/legs, each further 20 sq cm', 'V'),
  major('15240', 'Full-thickness skin graft, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, first 20 sq cm', 'V'),
  addOn('15241', ['15240'], 'Full-thickness skin graft, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, each further 20 sq cm', 'V'),
  major('15260', 'Full-thickness skin graft, nose/ears/eyelids/lips, first 20 sq cm', 'V'),
  addOn('15261', ['15260'], 'Full-thickness skin graft, nose/ears/eyelids/lips, each further 20 sq cm', 'V'),

  // Skin substitute application: wound under 100 sq cm in 25 sq cm steps, 100 sq cm or more in 100 sq cm steps.
  {
    code: '15271',
    short: 'Skin substitute, trunk/arms/legs, wound under 100 sq cm, first 25 sq cm',
    family: 'tissue-transfer',
    global: '000',
    confidence: 'V',
  },
  addOn('15272', ['15271'], 'Skin substitute, trunk/arms/legs, wound under 100 sq cm, each further 25 sq cm'),
  {
    code: '15273',
    short: 'Skin substitute, trunk/arms/legs, wound 100 sq cm or more, first 100 sq cm',
    family: 'tissue-transfer',
    global: '000',
    confidence: 'U',
  },
  addOn('15274', ['15273'], 'Skin substitute, trunk/arms/legs, wound 100 sq cm or more, each further 100 sq cm'),
  {
    code: '15275',
    short: 'Skin substitute, face/scalp/neck/hands/feet/genitalia/digits, wound under 100 sq cm, first 25 sq cm',
    family: 'tissue-transfer',
    global: '000',
    confidence: 'S',
  },
  addOn('15276', ['15275'], 'Skin substitute, face/scalp/neck/hands/feet/genitalia/digits, wound under 100 sq cm, each further 25 sq cm'),
  {
    code: '15277',
    short: 'Skin substitute, face/scalp/neck/hands/feet/genitalia/digits, wound 100 sq cm or more, first 100 sq cm',
    family: 'tissue-transfer',
    global: '000',
    confidence: 'U',
  },
  addOn('15278', ['15277'], 'Skin substitute, face/scalp/neck/hands/feet/genitalia/digits, wound 100 sq cm or more, each further 100 sq cm'),

  // Pedicle / interpolation flaps (forming the pedicle), by recipient site group.
  major('15570', 'Pedicle or tubed flap formation, trunk', 'V'),
  major('15572', 'Pedicle or tubed flap formation, scalp/arms/legs'),
  major('15574', 'Pedicle or tubed flap formation, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet'),
  major('15576', 'Pedicle or tubed flap formation, eyelids/nose/ears/lips/intraoral', 'V'),
  // Delay or division and inset of a flap (second stage).
  major('15600', 'Flap delay or division and inset, trunk', 'V'),
  major('15610', 'Flap delay or division and inset, scalp/arms/legs', 'V'),
  major('15620', 'Flap delay or division and inset, forehead/cheeks/chin/neck/axillae/genitalia/hands/feet', 'V'),
  major('15630', 'Flap delay or division and inset, eyelids/nose/ears/lips', 'V'),
  major('15731', 'Forehead flap on its axial vascular pedicle (e.g. paramedian forehead flap)', 'V'),
  major('15740', 'Island pedicle flap on a dissected, named axial vessel', 'V'),
  // Composite graft: global not in the reference's global table.
  major('15760', 'Composite graft (e.g. skin and cartilage)', 'U'),
];

/** ATT codes by fourWayGroup: ≤10 sq cm / 10.1-30 sq cm (reference §5.1). */
export const ATT_CODES: Record<
  'trunk' | 'scalp-arms-legs' | 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet' | 'eyelids-nose-ears-lips',
  { upTo10: string; upTo30: string }
> = {
  trunk: { upTo10: '14000', upTo30: '14001' },
  'scalp-arms-legs': { upTo10: '14020', upTo30: '14021' },
  'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet': { upTo10: '14040', upTo30: '14041' },
  'eyelids-nose-ears-lips': { upTo10: '14060', upTo30: '14061' },
};

/** Full-thickness graft first code / add-on by fourWayGroup (reference §5.2). */
export const FTSG_CODES: Record<keyof typeof ATT_CODES, { first: string; addOn: string }> = {
  trunk: { first: '15200', addOn: '15201' },
  'scalp-arms-legs': { first: '15220', addOn: '15221' },
  'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet': { first: '15240', addOn: '15241' },
  'eyelids-nose-ears-lips': { first: '15260', addOn: '15261' },
};

/** Pedicle flap formation and division/delay by fourWayGroup (reference §5.3). */
export const PEDICLE_CODES: Record<keyof typeof ATT_CODES, { form: string; divide: string }> = {
  trunk: { form: '15570', divide: '15600' },
  'scalp-arms-legs': { form: '15572', divide: '15610' },
  'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet': { form: '15574', divide: '15620' },
  'eyelids-nose-ears-lips': { form: '15576', divide: '15630' },
};

/** Split-thickness autograft and skin substitute codes by twoWayGraftGroup (reference §5.2). */
export const TWO_WAY_GRAFT_CODES: Record<
  'trunk-arms-legs' | 'face-scalp-neck-hands-feet-genitalia',
  { stsg: string; stsgAddOn: string; subSmall: string; subSmallAddOn: string; subLarge: string; subLargeAddOn: string }
> = {
  'trunk-arms-legs': { stsg: '15100', stsgAddOn: '15101', subSmall: '15271', subSmallAddOn: '15272', subLarge: '15273', subLargeAddOn: '15274' },
  'face-scalp-neck-hands-feet-genitalia': {
    stsg: '15120',
    stsgAddOn: '15121',
    subSmall: '15275',
    subSmallAddOn: '15276',
    subLarge: '15277',
    subLargeAddOn: '15278',
  },
};
