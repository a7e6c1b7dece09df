import type { CodeEntryInput } from '../code-entry';

// Reference §10.7 (office E/M leveled by MDM or time since 2021; 99201 deleted in 2021) and
// §10.8 (G2211 add-on to 99202-99215, payable from 2024-01-01). Global indicator XXX
// for office E/M is standard [S]; our own short descriptions.
const OFFICE_EM: { code: string; short: string }[] = [
  { code: '99202', short: 'Office visit, new patient, straightforward decision making (or 15+ min)' },
  { code: '99203', short: 'Office visit, new patient, low-complexity decision making (or 30+ min)' },
  { code: '99204', short: 'Office visit, new patient, moderate-complexity decision making (or 45+ min)' },
  { code: '99205', short: 'Office visit, new patient, high-complexity decision making (or 60+ min)' },
  { code: '99211', short: 'Office visit, established patient, may not need a physician present' },
  { code: '99212', short: 'Office visit, established patient, straightforward decision making (or 10+ min)' },
  { code: '99213', short: 'Office visit, established patient, low-complexity decision making (or 20+ min)' },
  { code: '99214', short: 'Office visit, established patient, moderate-complexity decision making (or 30+ min)' },
  { code: '99215', short: 'Office visit, established patient, high-complexity decision making (or 40+ min)' },
];

export const OFFICE_EM_CODES = OFFICE_EM.map((e) => e.code);

export const evaluationCodes: CodeEntryInput[] = [
  ...OFFICE_EM.map(
    (e): CodeEntryInput => ({
      code: e.code,
      short: e.short,
      family: 'evaluation',
      global: 'XXX',
      confidence: 'S',
    }),
  ),
  {
    code: 'G2211',
    short: 'Visit complexity add-on for longitudinal care (Medicare), with an office E/M',
    family: 'evaluation',
    global: 'ZZZ',
    addOnParents: OFFICE_EM_CODES,
    confidence: 'V',
    effective: { from: '2024-01-01' },
  },
];
