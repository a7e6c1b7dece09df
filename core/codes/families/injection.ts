import type { CodeEntryInput } from '../code-entry';

// Reference §9 (injections, chemodenervation, drugs, biologics). J-codes global XXX [S, §10.2].
export const injectionCodes: CodeEntryInput[] = [
  { code: '11900', short: 'Intralesional injection, 1 to 7 lesions', family: 'injection', global: '000', confidence: 'S' },
  { code: '11901', short: 'Intralesional injection, more than 7 lesions', family: 'injection', global: '000', confidence: 'S' },
  { code: '96372', short: 'Subcutaneous or intramuscular injection, administration only', family: 'injection', global: 'XXX', confidence: 'V' },
  // Infusion administration: reference §9.5 names 96365/+96366 [S for admin]; global not in the reference.
  { code: '96365', short: 'IV infusion for therapy, initial hour', family: 'injection', global: 'XXX', confidence: 'S' },
  {
    code: '96366',
    short: 'IV infusion for therapy, each additional hour',
    family: 'injection',
    global: 'ZZZ',
    addOnParents: ['96365'],
    confidence: 'S',
  },
  {
    code: '64650',
    short: 'Chemodenervation of sweat glands, both armpits',
    family: 'injection',
    global: '000',
    // §11.4: 1 per DOS [S]; MAI is not in the reference (descriptor-based edits are usually MAI 2: verify).
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  {
    code: '64653',
    short: 'Chemodenervation of sweat glands, other areas, per day',
    family: 'injection',
    global: '000',
    mue: { value: 1, mai: 2, confidence: 'S' },
    confidence: 'V',
  },
  { code: '64999', short: 'Unlisted nervous system procedure (e.g. hand/foot hyperhidrosis)', family: 'injection', global: 'YYY', confidence: 'V' },
  {
    code: 'J3301',
    short: 'Triamcinolone acetonide injection, per 10 mg',
    family: 'injection',
    global: 'XXX',
    dosage: { amount: 10, unit: 'mg' },
    confidence: 'V',
  },
  {
    code: 'J0585',
    short: 'OnabotulinumtoxinA injection, per 1 unit',
    family: 'injection',
    global: 'XXX',
    dosage: { amount: 1, unit: 'units' },
    confidence: 'V',
  },
  {
    code: 'J0586',
    short: 'AbobotulinumtoxinA injection, per 5 units',
    family: 'injection',
    global: 'XXX',
    dosage: { amount: 5, unit: 'units' },
    confidence: 'S',
  },
  {
    code: 'J0587',
    short: 'RimabotulinumtoxinB injection, per 100 units',
    family: 'injection',
    global: 'XXX',
    dosage: { amount: 100, unit: 'units' },
    confidence: 'S',
  },
  {
    code: 'J0588',
    short: 'IncobotulinumtoxinA injection, per 1 unit',
    family: 'injection',
    global: 'XXX',
    dosage: { amount: 1, unit: 'units' },
    confidence: 'S',
  },
  { code: 'J1745', short: 'Infliximab injection, per 10 mg', family: 'injection', global: 'XXX', dosage: { amount: 10, unit: 'mg' }, confidence: 'V' },
  { code: 'J3245', short: 'Tildrakizumab injection, per 1 mg', family: 'injection', global: 'XXX', dosage: { amount: 1, unit: 'mg' }, confidence: 'V' },
];
