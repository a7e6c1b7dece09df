import type { CodeEntryInput } from '../code-entry';

// Reference §7. All XXX global.
export const pathologyCodes: CodeEntryInput[] = [
  { code: '88300', short: 'Surgical pathology, gross examination only', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88302', short: 'Surgical pathology level II: skin from a plastic repair', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88304', short: 'Surgical pathology level III: skin cyst, tag or debridement', family: 'pathology', global: 'XXX', confidence: 'V' },
  { code: '88305', short: 'Surgical pathology level IV: skin biopsy, shave or excision', family: 'pathology', global: 'XXX', confidence: 'V' },
];
