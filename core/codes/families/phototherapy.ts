import type { CodeEntryInput } from '../code-entry';

// Reference §8. Phototherapy, laser and PDT codes are per day, global XXX [S, §10.2].
const pdtFrom2018 = { from: '2018-01-01' };

export const phototherapyCodes: CodeEntryInput[] = [
  { code: '96900', short: 'Ultraviolet light therapy (UVB or UVA), no photosensitizer', family: 'phototherapy', global: 'XXX', confidence: 'V' },
  { code: '96910', short: 'Tar or petrolatum with UVB (Goeckerman-type) phototherapy', family: 'phototherapy', global: 'XXX', confidence: 'V' },
  { code: '96912', short: 'Psoralen with UVA (PUVA)', family: 'phototherapy', global: 'XXX', confidence: 'S' },
  {
    code: '96913',
    short: 'Extended Goeckerman or PUVA day treatment (4-8 hours, physician supervised)',
    family: 'phototherapy',
    global: 'XXX',
    confidence: 'S',
  },
  { code: '96920', short: 'Laser for inflammatory skin disease, total area under 250 sq cm', family: 'phototherapy', global: 'XXX', confidence: 'S' },
  { code: '96921', short: 'Laser for inflammatory skin disease, total area 250-500 sq cm', family: 'phototherapy', global: 'XXX', confidence: 'S' },
  { code: '96922', short: 'Laser for inflammatory skin disease, total area over 500 sq cm', family: 'phototherapy', global: 'XXX', confidence: 'S' },
  {
    code: '96567',
    short: 'Photodynamic therapy of premalignant skin lesions, drug applied by staff, per day',
    family: 'phototherapy',
    global: 'XXX',
    effective: pdtFrom2018,
    confidence: 'U',
  },
  {
    code: '96573',
    short: 'Photodynamic therapy, drug applied and light given by the physician, per day',
    family: 'phototherapy',
    global: 'XXX',
    effective: pdtFrom2018,
    confidence: 'V',
  },
  {
    code: '96574',
    short: 'Curettage/abrasion of thick premalignant lesions then physician PDT, per day',
    family: 'phototherapy',
    global: 'XXX',
    effective: pdtFrom2018,
    confidence: 'V',
  },
  {
    code: 'J7308',
    short: 'Aminolevulinic acid 20% topical (Levulan Kerastick), per stick',
    family: 'phototherapy',
    global: 'XXX',
    dosage: { amount: 1, unit: 'stick' },
    confidence: 'V',
  },
  {
    code: 'J7345',
    short: 'Aminolevulinic acid 10% gel (Ameluz), per 10 mg',
    family: 'phototherapy',
    global: 'XXX',
    dosage: { amount: 10, unit: 'mg' },
    confidence: 'U',
  },
];
