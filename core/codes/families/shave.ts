import type { CodeEntryInput } from '../code-entry';

// Reference §3.4: shave removal by lesion diameter only (no margin), site groups A/B/C, global 000 [V].
const GROUPS = [
  { group: 'A', where: 'trunk/arms/legs', codes: ['11300', '11301', '11302', '11303'] },
  { group: 'B', where: 'scalp/neck/hands/feet/genitalia', codes: ['11305', '11306', '11307', '11308'] },
  { group: 'C', where: 'face/ears/eyelids/nose/lips/mucosa', codes: ['11310', '11311', '11312', '11313'] },
] as const;
const SIZES = ['0.5 cm or less', '0.6-1.0 cm', '1.1-2.0 cm', 'over 2.0 cm'] as const;

export const shaveCodes: CodeEntryInput[] = GROUPS.flatMap(({ where, codes }) =>
  codes.map((code, i) => ({
    code,
    short: `Shave removal of a skin lesion, ${where}, lesion ${SIZES[i]}`,
    family: 'shave',
    global: '000' as const,
    confidence: 'V' as const,
  })),
);
