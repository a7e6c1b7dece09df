import type { MueEntryInput } from '../mue';

/**
 * Practitioner MUE values the coding reference gives (§11.4, §2.1). The reference
 * states them per date of service but does not give the MAI for most, so `mai` is
 * null there; the current CMS file (`dermlens data import-mue`) replaces this table.
 */
export const MUE_SEED_VERSION = 'seed-2026.1';

const RAC = 'CMS Recovery Audit topic 0121 (excessive units of premalignant destruction)';

export const mueSeed: MueEntryInput[] = [
  { code: '17000', value: 1, mai: null, source: `Reference §11.4: ${RAC}`, confidence: 'V' },
  { code: '17003', value: 13, mai: null, source: `Reference §11.4: ${RAC}`, confidence: 'V' },
  { code: '17004', value: 1, mai: null, source: `Reference §11.4: ${RAC}`, confidence: 'V' },
  { code: '17110', value: 1, mai: null, source: 'Reference §11.4: one per session by code descriptor', confidence: 'S' },
  { code: '17111', value: 1, mai: null, source: 'Reference §11.4: one per session by code descriptor', confidence: 'S' },
  { code: '64650', value: 1, mai: null, source: 'Reference §11.4: descriptor covers both axillae', confidence: 'S' },
  { code: '64653', value: 1, mai: null, source: 'Reference §11.4: per day by descriptor', confidence: 'S' },
  { code: '11450', value: 2, mai: null, source: 'Reference §11.4: two axillae (AAPC, older article)', confidence: 'V', historical: true },
  { code: '11451', value: 2, mai: null, source: 'Reference §11.4: two axillae (AAPC, older article)', confidence: 'V', historical: true },
];
