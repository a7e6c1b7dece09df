import type { CodeEntryInput } from '../code-entry';

// Reference §2. MUE values for 17000/17003/17004 are CMS Recovery Audit topic 0121 [V] ("per date of
// service"); the MAI is not given there, so 2 (date-of-service, policy) is our reading of "per DOS" [S].
const premalignant: CodeEntryInput[] = [
  {
    code: '17000',
    short: 'Destruction of a premalignant lesion (e.g. actinic keratosis), first lesion',
    family: 'destruction',
    global: '010',
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  {
    code: '17003',
    short: 'Destruction of premalignant lesions, each lesion 2 through 14',
    family: 'destruction',
    global: 'ZZZ',
    addOnParents: ['17000'],
    mue: { value: 13, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  {
    code: '17004',
    short: 'Destruction of premalignant lesions, 15 or more (reported alone, once)',
    family: 'destruction',
    global: '010',
    exempt51: true,
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
];

// §2.2: one unit per session whatever the count (by descriptor) [S for the MUE; MAI read as 2].
const benign: CodeEntryInput[] = [
  {
    code: '17110',
    short: 'Destruction of benign lesions (warts, molluscum, milia…), 1 to 14',
    family: 'destruction',
    global: '010',
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  {
    code: '17111',
    short: 'Destruction of benign lesions, 15 or more',
    family: 'destruction',
    global: '010',
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  { code: '11200', short: 'Removal of skin tags, any method, up to 15', family: 'destruction', global: '010', confidence: 'S' },
  {
    code: '11201',
    short: 'Removal of skin tags, each additional 10 or part of 10',
    family: 'destruction',
    global: 'ZZZ',
    addOnParents: ['11200'],
    confidence: 'V',
  },
  { code: '17106', short: 'Destruction of cutaneous vascular proliferative lesions, under 10 sq cm', family: 'destruction', global: '090', confidence: 'S' },
  { code: '17107', short: 'Destruction of cutaneous vascular proliferative lesions, 10.0-50.0 sq cm', family: 'destruction', global: '090', confidence: 'S' },
  { code: '17108', short: 'Destruction of cutaneous vascular proliferative lesions, over 50.0 sq cm', family: 'destruction', global: '090', confidence: 'S' },
  // §2.2 site-specific destruction [V]; its global days are not in the reference: verify (U).
  { code: '67850', short: 'Destruction of an eyelid-margin lesion up to 1 cm', family: 'destruction', global: '010', confidence: 'U' },
];

// §2.3: malignant destruction by site group and lesion diameter; global 010 [S].
const SIZES = ['0.5 cm or less', '0.6-1.0 cm', '1.1-2.0 cm', '2.1-3.0 cm', '3.1-4.0 cm', 'over 4.0 cm'] as const;
const MALIGNANT_GRID = [
  { where: 'trunk/arms/legs', codes: ['17260', '17261', '17262', '17263', '17264', '17266'], verified: ['17260', '17263', '17266'] },
  { where: 'scalp/neck/hands/feet/genitalia', codes: ['17270', '17271', '17272', '17273', '17274', '17276'], verified: [] },
  { where: 'face/ears/eyelids/nose/lips/mucosa', codes: ['17280', '17281', '17282', '17283', '17284', '17286'], verified: [] },
] as const;
const malignant: CodeEntryInput[] = MALIGNANT_GRID.flatMap(({ where, codes, verified }) =>
  codes.map((code, i) => ({
    code,
    short: `Destruction of a malignant skin lesion, ${where}, lesion ${SIZES[i]}`,
    family: 'destruction',
    global: '010' as const,
    confidence: (verified as readonly string[]).includes(code) ? ('V' as const) : ('S' as const),
  })),
);

export const destructionCodes: CodeEntryInput[] = [...premalignant, ...benign, ...malignant];
