import type { CodeEntryInput } from '../code-entry';

// Reference §7 (surgical pathology for skin specimens) and §6.3 (stains on Mohs tissue).
// Global XXX for all of 88300-88344, the "+" codes included [S, §10.2]: pathology add-ons are not
// surgical ZZZ add-ons, and §6.3 [V] reports 88314 and 88341 on Mohs tissue with 59/XS, which the
// ZZZ add-on rule (never 59) would forbid. addOnParents still records what each one goes with.
const levels = ['88302', '88304', '88305', '88307', '88309'];

export const pathologyCodes: CodeEntryInput[] = [
  { code: '88300', short: 'Surgical pathology, gross examination only', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88302', short: 'Surgical pathology level II: skin from a plastic repair', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88304', short: 'Surgical pathology level III: skin cyst, tag or debridement', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88305', short: 'Surgical pathology level IV: skin biopsy, shave or excision', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88312', short: 'Special stain group I (microorganisms), each stain per block', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88313', short: 'Special stain group II (other, e.g. iron, trichrome), each stain per block', family: 'pathology', global: 'XXX', confidence: 'V' },
  {
    code: '88314',
    short: 'Histochemical stain on a frozen tissue block, each stain per block',
    family: 'pathology',
    global: 'XXX',
    // CPT parenthetical [S]: with surgical pathology levels, frozen sections or Mohs.
    addOnParents: [...levels, '88331', '88332', '17311', '17312', '17313', '17314', '17315'],
    confidence: 'V',
  },
  { code: '88319', short: 'Special stain group III (enzyme constituents), each stain per block', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88321', short: 'Consultation on referred slides prepared elsewhere', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88323', short: 'Consultation on referred material needing slide preparation', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88325', short: 'Comprehensive consultation with review of records and specimens', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88329', short: 'Pathology consultation during surgery, no frozen section', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88331', short: 'Frozen section during surgery, first block of a specimen', family: 'pathology', global: 'XXX', confidence: 'V' },
  {
    code: '88332',
    short: 'Frozen section during surgery, each additional block',
    family: 'pathology',
    global: 'XXX',
    addOnParents: ['88331'],
    confidence: 'V',
  },
  {
    code: '88341',
    short: 'Immunohistochemistry, each additional single antibody on a specimen',
    family: 'pathology',
    global: 'XXX',
    addOnParents: ['88342'],
    confidence: 'V',
  },
  { code: '88342', short: 'Immunohistochemistry, first single antibody per specimen', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88344', short: 'Immunohistochemistry, each multiplex antibody stain per specimen', family: 'pathology', global: 'XXX', confidence: 'V' },
];
