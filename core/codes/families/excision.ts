import type { CodeEntryInput } from '../code-entry';

// Reference §3.3: excision by excised diameter (lesion + 2 × narrowest margin), site groups A/B/C,
// benign 114xx vs malignant 116xx from final pathology. Global 010 ([V] for 11400, [S] for the rest).
const SIZES = ['0.5 cm or less', '0.6-1.0 cm', '1.1-2.0 cm', '2.1-3.0 cm', '3.1-4.0 cm', 'over 4.0 cm'] as const;
const GRID = [
  { kind: 'benign', where: 'trunk/arms/legs', codes: ['11400', '11401', '11402', '11403', '11404', '11406'], verified: ['11400'] },
  {
    kind: 'benign',
    where: 'scalp/neck/hands/feet/genitalia',
    codes: ['11420', '11421', '11422', '11423', '11424', '11426'],
    verified: ['11420', '11421', '11422'],
  },
  { kind: 'benign', where: 'face/ears/eyelids/nose/lips/mucosa', codes: ['11440', '11441', '11442', '11443', '11444', '11446'], verified: ['11440', '11441'] },
  { kind: 'malignant', where: 'trunk/arms/legs', codes: ['11600', '11601', '11602', '11603', '11604', '11606'], verified: ['11603'] },
  { kind: 'malignant', where: 'scalp/neck/hands/feet/genitalia', codes: ['11620', '11621', '11622', '11623', '11624', '11626'], verified: [] },
  { kind: 'malignant', where: 'face/ears/eyelids/nose/lips/mucosa', codes: ['11640', '11641', '11642', '11643', '11644', '11646'], verified: ['11644'] },
] as const;

const lesionExcisions: CodeEntryInput[] = GRID.flatMap(({ kind, where, codes, verified }) =>
  codes.map((code, i) => ({
    code,
    short: `Excision, ${kind} skin lesion, ${where}, excised diameter ${SIZES[i]}`,
    family: 'excision',
    global: '010' as const,
    confidence: (verified as readonly string[]).includes(code) ? ('V' as const) : ('S' as const),
  })),
);

// Reference §3.5: hidradenitis excision by site and repair type; global 090 [S].
// (An older AAPC article gives 11450/11451 an MUE of 2 without an MAI: left to the MUE file.)
const hidradenitis: CodeEntryInput[] = [
  { code: '11450', short: 'Excision of hidradenitis skin and subcutis, axilla, simple or intermediate closure', confidence: 'S' },
  { code: '11451', short: 'Excision of hidradenitis skin and subcutis, axilla, complex closure', confidence: 'V' },
  { code: '11462', short: 'Excision of hidradenitis skin and subcutis, groin, simple or intermediate closure', confidence: 'V' },
  { code: '11463', short: 'Excision of hidradenitis skin and subcutis, groin, complex closure', confidence: 'V' },
  { code: '11470', short: 'Excision of hidradenitis, perianal/perineal/umbilical, simple or intermediate closure', confidence: 'S' },
  { code: '11471', short: 'Excision of hidradenitis, perianal/perineal/umbilical, complex closure', confidence: 'V' },
].map((e) => ({ ...e, family: 'excision', global: '090' as const, confidence: e.confidence as 'V' | 'S' }));

export const excisionCodes: CodeEntryInput[] = [...lesionExcisions, ...hidradenitis];
