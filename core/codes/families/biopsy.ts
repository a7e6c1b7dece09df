import type { CodeEntryInput } from '../code-entry';

// Reference §1.1 and §1.3. Add-ons are reported with any primary biopsy code
// (CPT parenthetical under 11103: with 11102, 11104 or 11106).
const primaries = ['11102', '11104', '11106'];

export const biopsyCodes: CodeEntryInput[] = [
  {
    code: '11102',
    short: 'Shave-type (tangential) skin biopsy, first lesion',
    family: 'biopsy',
    global: '000',
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  {
    code: '11103',
    short: 'Tangential skin biopsy, each additional lesion',
    family: 'biopsy',
    global: 'ZZZ',
    addOnParents: primaries,
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  {
    code: '11104',
    short: 'Punch skin biopsy, first lesion (closure included)',
    family: 'biopsy',
    global: '000',
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  {
    code: '11105',
    short: 'Punch skin biopsy, each additional lesion',
    family: 'biopsy',
    global: 'ZZZ',
    addOnParents: ['11104', '11106'],
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  {
    code: '11106',
    short: 'Incisional skin biopsy, full thickness, first lesion (closure included)',
    family: 'biopsy',
    global: '000',
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  {
    code: '11107',
    short: 'Incisional skin biopsy, each additional lesion',
    family: 'biopsy',
    global: 'ZZZ',
    addOnParents: ['11106'],
    confidence: 'V',
    effective: { from: '2019-01-01' },
  },
  { code: '40490', short: 'Lip biopsy (vermilion or lip mucosa)', family: 'biopsy', global: '000', confidence: 'S' },
  { code: '40808', short: 'Biopsy of the mouth vestibule (oral mucosa)', family: 'biopsy', global: '010', confidence: 'U' },
  { code: '41100', short: 'Tongue biopsy, front two-thirds', family: 'biopsy', global: '010', confidence: 'U' },
  { code: '41105', short: 'Tongue biopsy, back one-third', family: 'biopsy', global: '010', confidence: 'U' },
  { code: '41108', short: 'Biopsy of the floor of the mouth', family: 'biopsy', global: '010', confidence: 'U' },
  { code: '69100', short: 'Biopsy of the external ear', family: 'biopsy', global: '000', confidence: 'S' },
  { code: '69105', short: 'Biopsy of the external ear canal', family: 'biopsy', global: '000', confidence: 'U' },
  { code: '67810', short: 'Incisional eyelid biopsy, including the lid margin', family: 'biopsy', global: '000', confidence: 'S' },
  { code: '11755', short: 'Biopsy of the nail unit', family: 'biopsy', global: '000', confidence: 'S' },
  { code: '54100', short: 'Biopsy of the penis', family: 'biopsy', global: '000', confidence: 'U' },
  { code: '56605', short: 'Biopsy of the vulva or perineum, one lesion', family: 'biopsy', global: '000', confidence: 'U' },
  {
    code: '56606',
    short: 'Biopsy of the vulva or perineum, each additional lesion',
    family: 'biopsy',
    global: 'ZZZ',
    addOnParents: ['56605'],
    confidence: 'U',
  },
  { code: '30100', short: 'Intranasal biopsy', family: 'biopsy', global: '000', confidence: 'U' },
];
