import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseSections } from '../../../core/parse';
import { alignedTables } from '../../../core/parse/aligned-table';

// Misreads found by probe h26 (round 9 of unseen EMR pages): each case is one general layout.

const claim = (text: string) =>
  codeEncounter(parseSections([{ name: 'Procedures', role: 'procedure', text }])).lines.map(
    (l) => `${l.code} x${l.units}${l.modifiers.length ? `-${l.modifiers.join(',')}` : ''} ${l.status}`,
  );

describe('probe h26: a procedure table typed in fixed-width columns (a <pre>, a print view)', () => {
  const table =
    '#  SITE                 TECHNIQUE              LESION   SPECIMEN  CLOSURE\n' +
    '-- -------------------- ---------------------- -------- --------- -----------------------\n' +
    '1  L upper back         Shave (tangential)     0.6 cm   A         Aluminum chloride\n' +
    '2  R posterior thigh    Punch, 4 mm            0.5 cm   B         4-0 nylon x1\n' +
    '3  R posterior thigh    Punch, 3 mm            0.4 cm   C         4-0 nylon x1';

  it('each row becomes one line of labeled fields; the header and its rule are left out', () => {
    expect(alignedTables(`Skin biopsies.\n\n${table}\n\nAll to dermpath.`)).toBe(
      'Skin biopsies.\n\n' +
        '#: 1 | Site: L upper back | Technique: Shave (tangential) | Lesion: 0.6 cm | Specimen: A | Closure: Aluminum chloride\n' +
        '#: 2 | Site: R posterior thigh | Technique: Punch, 4 mm | Lesion: 0.5 cm | Specimen: B | Closure: 4-0 nylon x1\n' +
        '#: 3 | Site: R posterior thigh | Technique: Punch, 3 mm | Lesion: 0.4 cm | Specimen: C | Closure: 4-0 nylon x1\n\nAll to dermpath.',
    );
  });

  it.each([
    ['a charge grid', 'CPT     DESCRIPTION              UNITS   MOD\n11102   Tangential biopsy        1       59'],
    ['a Mohs stage map', 'STAGE   SITE        BLOCKS   PROCEDURE\n1       L nasal ala 4        Mohs'],
    ['a header with no procedure column', 'SITE            SIZE     SPECIMEN\nL arm           0.6 cm   A'],
    ['a sentence with wide gaps', 'Site  and  procedure  reviewed  with the patient.'],
  ])('%s is left alone', (_name, text) => {
    expect(alignedTables(text)).toBe(text);
  });

  it('the table codes as the lesions it holds', () => {
    // Read with its columns only spaces apart, the shave row was lost (11104 + 11105, two specimens named "2" and "3").
    // One tangential + two punch = 11104 + 11105 + 11103 (§1.2 item 1); three specimens = 88305 x3, held (§7.1-7.2).
    expect(claim(`Skin biopsies. Consent signed.\n\n${table}\n\nAll specimens to in-house dermatopathology.`)).toEqual([
      '11104 x1 ready',
      '11105 x1 ready',
      '11103 x1 ready',
      '88305 x3 held-for-pathology',
    ]);
  });
});
