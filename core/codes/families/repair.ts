import { bandsOf, type SizeBand } from '../bands';
import type { CodeEntryInput } from '../code-entry';

// Reference §4.3 (code grid) and §10.2 (global days). Descriptions are our own words.
// Simple 12001-12018: global 000 [S]; intermediate 12031-12057: 010 [S];
// complex primaries 010 (13151 [V]); add-ons ZZZ; 12020/12021 010 [S]; 13160 090 [S].

const simple = (code: string, short: string, confidence: 'V' | 'S' = 'S'): CodeEntryInput => ({
  code,
  short,
  family: 'repair',
  global: '000',
  confidence,
});
const intermediate = (code: string, short: string, confidence: 'V' | 'S' = 'S'): CodeEntryInput => ({
  code,
  short,
  family: 'repair',
  global: '010',
  confidence,
});
const complex = (code: string, short: string, confidence: 'V' | 'S' = 'S'): CodeEntryInput => ({
  code,
  short,
  family: 'repair',
  global: '010',
  confidence,
});
const complexAddOn = (code: string, parent: string, short: string): CodeEntryInput => ({
  code,
  short,
  family: 'repair',
  global: 'ZZZ',
  // CPT: the add-on follows the 2.6-7.5 cm code of the same site group.
  addOnParents: [parent],
  confidence: 'V',
});

export const repairCodes: CodeEntryInput[] = [
  simple('12001', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total 2.5 cm or less'),
  simple('12002', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total 2.6-7.5 cm'),
  simple('12004', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total 7.6-12.5 cm'),
  simple('12005', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total 12.6-20 cm'),
  simple('12006', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total 20.1-30 cm'),
  simple('12007', 'Simple repair, scalp/neck/axillae/genitalia/trunk/limbs, total over 30 cm'),
  simple('12011', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 2.5 cm or less'),
  simple('12013', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 2.6-5 cm', 'V'),
  simple('12014', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 5.1-7.5 cm'),
  simple('12015', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 7.6-12.5 cm'),
  simple('12016', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 12.6-20 cm'),
  simple('12017', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total 20.1-30 cm'),
  simple('12018', 'Simple repair, face/ears/eyelids/nose/lips/mucosa, total over 30 cm'),
  { code: '12020', short: 'Simple closure of a superficial wound that reopened (dehiscence)', family: 'repair', global: '010', confidence: 'S' },
  { code: '12021', short: 'Simple closure of a reopened superficial wound, with packing', family: 'repair', global: '010', confidence: 'S' },

  intermediate('12031', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total 2.5 cm or less', 'V'),
  intermediate('12032', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total 2.6-7.5 cm', 'V'),
  intermediate('12034', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total 7.6-12.5 cm'),
  intermediate('12035', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total 12.6-20 cm', 'V'),
  intermediate('12036', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total 20.1-30 cm', 'V'),
  intermediate('12037', 'Layered repair, scalp/axillae/trunk/limbs (not hands/feet), total over 30 cm'),
  intermediate('12041', 'Layered repair, neck/hands/feet/genitalia, total 2.5 cm or less'),
  intermediate('12042', 'Layered repair, neck/hands/feet/genitalia, total 2.6-7.5 cm'),
  intermediate('12044', 'Layered repair, neck/hands/feet/genitalia, total 7.6-12.5 cm'),
  intermediate('12045', 'Layered repair, neck/hands/feet/genitalia, total 12.6-20 cm'),
  intermediate('12046', 'Layered repair, neck/hands/feet/genitalia, total 20.1-30 cm'),
  intermediate('12047', 'Layered repair, neck/hands/feet/genitalia, total over 30 cm'),
  intermediate('12051', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 2.5 cm or less', 'V'),
  intermediate('12052', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 2.6-5 cm'),
  intermediate('12053', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 5.1-7.5 cm'),
  intermediate('12054', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 7.6-12.5 cm'),
  intermediate('12055', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 12.6-20 cm'),
  intermediate('12056', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total 20.1-30 cm'),
  intermediate('12057', 'Layered repair, face/ears/eyelids/nose/lips/mucosa, total over 30 cm'),

  complex('13100', 'Complex repair, trunk, total 1.1-2.5 cm'),
  complex('13101', 'Complex repair, trunk, total 2.6-7.5 cm'),
  complexAddOn('13102', '13101', 'Complex repair, trunk, each further 5 cm or part'),
  complex('13120', 'Complex repair, scalp/arms/legs, total 1.1-2.5 cm', 'V'),
  complex('13121', 'Complex repair, scalp/arms/legs, total 2.6-7.5 cm', 'V'),
  complexAddOn('13122', '13121', 'Complex repair, scalp/arms/legs, each further 5 cm or part'),
  complex('13131', 'Complex repair, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, 1.1-2.5 cm', 'V'),
  complex('13132', 'Complex repair, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, 2.6-7.5 cm'),
  complexAddOn('13133', '13132', 'Complex repair, forehead/cheeks/chin/mouth/neck/axillae/genitalia/hands/feet, each further 5 cm'),
  complex('13151', 'Complex repair, eyelids/nose/ears/lips, total 1.1-2.5 cm', 'V'),
  complex('13152', 'Complex repair, eyelids/nose/ears/lips, total 2.6-7.5 cm', 'V'),
  complexAddOn('13153', '13152', 'Complex repair, eyelids/nose/ears/lips, each further 5 cm or part'),
  { code: '13160', short: 'Secondary closure of a surgical wound or dehiscence, extensive or complicated', family: 'repair', global: '090', confidence: 'S' },

  // Reference §14: Medicare HCPCS for closure with tissue adhesive only [S]; its global is not in the reference.
  { code: 'G0168', short: 'Wound closure with tissue adhesive only (Medicare)', family: 'repair', global: '000', confidence: 'U' },
];

/** Repair length bounds (cm): ≤2.5 / 2.6-7.5 / 7.6-12.5 / 12.6-20 / 20.1-30 / >30 (reference §4.3). */
const BODY_BOUNDS_CM = [2.5, 7.5, 12.5, 20, 30] as const;
/** The face groups split 2.6-7.5 into 2.6-5.0 and 5.1-7.5 (12013 [V], 12052/12053). */
const FACE_BOUNDS_CM = [2.5, 5, 7.5, 12.5, 20, 30] as const;

/** Simple repair bands by simpleRepairGroup. */
export const SIMPLE_REPAIR_BANDS: Record<'body' | 'face', SizeBand<string>[]> = {
  body: bandsOf(BODY_BOUNDS_CM, ['12001', '12002', '12004', '12005', '12006', '12007']),
  face: bandsOf(FACE_BOUNDS_CM, ['12011', '12013', '12014', '12015', '12016', '12017', '12018']),
};

/** Intermediate repair bands by intermediateRepairGroup. */
export const INTERMEDIATE_REPAIR_BANDS: Record<'scalp-trunk-extremities' | 'neck-hands-feet-genitalia' | 'face', SizeBand<string>[]> = {
  'scalp-trunk-extremities': bandsOf(BODY_BOUNDS_CM, ['12031', '12032', '12034', '12035', '12036', '12037']),
  'neck-hands-feet-genitalia': bandsOf(BODY_BOUNDS_CM, ['12041', '12042', '12044', '12045', '12046', '12047']),
  face: bandsOf(FACE_BOUNDS_CM, ['12051', '12052', '12053', '12054', '12055', '12056', '12057']),
};

/**
 * Complex repair by fourWayGroup: 1.1-2.5 cm → first, 2.6-7.5 cm → second, then
 * the add-on for each further 5 cm or part (reference §4.3).
 */
export const COMPLEX_REPAIR_CODES: Record<
  'trunk' | 'scalp-arms-legs' | 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet' | 'eyelids-nose-ears-lips',
  { upTo2_5: string; upTo7_5: string; addOn: string }
> = {
  trunk: { upTo2_5: '13100', upTo7_5: '13101', addOn: '13102' },
  'scalp-arms-legs': { upTo2_5: '13120', upTo7_5: '13121', addOn: '13122' },
  'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet': { upTo2_5: '13131', upTo7_5: '13132', addOn: '13133' },
  'eyelids-nose-ears-lips': { upTo2_5: '13151', upTo7_5: '13152', addOn: '13153' },
};
