import { describe, expect, it } from 'vitest';
import { resolveSite } from '../../../core/anatomy/vocabulary';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { alignedTables } from '../../../core/parse/aligned-table';
import { gluedWords } from '../../../core/parse/glued-words';
import { sideFields } from '../../../core/parse/side-field';

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

describe('probe h26: a column title that carries the unit (a Markdown table, a grid header kept in a table of its own)', () => {
  const rows =
    '# | Location | Procedure | Size (mm) | Specimen\n' +
    '1 | L mid back | Shave removal, irritated seborrheic keratosis | 9 | A\n' +
    '2 | R lower back | Shave removal, irritated seborrheic keratosis | 12 | B\n' +
    '3 | L anterior thigh | Punch biopsy, 4 mm | 5 | C';

  it('each bare number of the column gets the unit; the title loses it', () => {
    expect(alignedTables(rows).split('\n').slice(0, 2)).toEqual([
      '# | Location | Procedure | Size | Specimen',
      '1 | L mid back | Shave removal, irritated seborrheic keratosis | 9 mm | A',
    ]);
    expect(alignedTables('| Site | Procedure | Diameter [cm] |\n|---|---|---|\n| L arm | Shave | 0.6 |')).toBe(
      'Site | Procedure | Diameter\n|---|---|---|\nL arm | Shave | 0.6 cm',
    );
  });

  it.each([
    ['no unit in a title', 'Site | Procedure | Size\nL arm | Shave | 6'],
    ['cells that are not bare numbers', 'Site | Procedure | Size (mm)\nL arm | Shave | 6 x 4'],
    ['a labeled line', 'Size (mm): 6 | Site: L arm | Procedure: Shave'],
  ])('%s is left alone', (_name, text) => {
    expect(alignedTables(text)).toBe(text);
  });

  it('the sizes in millimetres under "Size (mm)" pick the shave bands', () => {
    // Without the unit the shave rows had no size (no 11300-11313 band). 0.9 cm and 1.2 cm on the trunk = 11301, 11302 (§3.4);
    // the punch biopsy of another lesion = 11104-59 (§1.2 item 6); three specimens = 88305 x3 held (§7.1).
    expect(claim(`Consent signed. All specimens to in-house dermatopathology.\n${rows}`)).toEqual([
      '11104 x1-59 ready',
      '11301 x1 ready',
      '11302 x1 ready',
      '88305 x3 held-for-pathology',
    ]);
  });
});

describe('probe h26: the side in a field of its own', () => {
  it.each([
    ['lines', 'Laterality: Right\nLocation: Upper eyelid', 'Laterality: Right\nLocation: right Upper eyelid'],
    ['the site first', 'Site: Ring finger\nSide: L', 'Site: left Ring finger\nSide: L'],
    ['cells of a row', 'Procedure: Excision | Laterality: Left | Location: Ring finger', 'Procedure: Excision | Laterality: Left | Location: left Ring finger'],
    ['a location that names its side', 'Laterality: Right\nLocation: L forearm', 'Laterality: Right\nLocation: L forearm'],
    ['a blank line between', 'Laterality: Right\n\nLocation: Upper eyelid', 'Laterality: Right\n\nLocation: Upper eyelid'],
  ])('%s', (_name, text, expected) => {
    expect(sideFields(text)).toBe(expected);
  });

  it('the eyelid and finger modifiers follow the side (§10.6)', () => {
    const text =
      'Procedure: Shave biopsy\nLaterality: Right\nLocation: Upper eyelid\nSpecimen: A\n\n' +
      'Procedure: Excision, benign lesion\nLaterality: Left\nLocation: Ring finger\nLesion size: 0.5 cm\nMargins: 0.2 cm\nSpecimen: B';
    // Right upper eyelid = E3, left ring finger = F3; 0.9 cm excision on a finger = 11421, held (§3.1-3.3).
    expect(claim(text)).toEqual(['11102 x1-59,E3 ready', '11421 x1-F3 held-for-pathology', '88305 x2 held-for-pathology']);
  });
});

describe('probe h26: a site named as a landmark', () => {
  it.each([
    ['4 mm from the lid margin', 'R upper eyelid, lateral third, 4 mm from the lid margin', 'eyelid'],
    ['sparing the vermilion', 'Upper lip skin, sparing the vermilion', 'lip'],
  ])('%s is not the site', (_name, text, key) => {
    expect(resolveSite(text)?.key).toContain(key);
    expect(resolveSite(text)?.key).not.toMatch(/margin|vermilion/);
  });

  it('a site named only as itself is still the site', () => {
    expect(resolveSite('R upper lid margin')?.key).toBe('eyelid-margin');
  });
});

describe('probe h26: a lesion line does not take the code of a condition another procedure treats', () => {
  it('an excised nevus beside "AKs x2 (L57.0) - LN2" is not coded L57.0', () => {
    const text =
      'Procedure: Excision of the R posterior upper arm lesion. Lesion 0.5 cm with 0.2 cm margins, closed in a single layer. Specimen A to dermpath.\n' +
      'Cryotherapy with liquid nitrogen to 2 actinic keratoses of the scalp vertex.\n\n' +
      'Assessment and Plan\n1. Atypical nevus, R upper arm, r/o dysplastic nevus - excised, results in 1-2 weeks.\n2. Actinic keratoses x2 (L57.0) - LN2.';
    const lines = codeEncounter(parseNote(text)).lines.map((l) => `${l.code} [${l.dx.join(',')}]`);
    // §13 item 1: each line points to the diagnosis that supports it; before pathology the excised lesion is D49.2 (§13 item 2).
    expect(lines).toEqual(['11401 [D49.2]', '17000 [L57.0]', '17003 [L57.0]', '88305 [D49.2]']);
  });
});

describe('probe h26: words a page ran together (chips side by side with no white space)', () => {
  it.each([
    ['Shave biopsyL dorsal forearm0.6 cmSpecimen A', 'Shave biopsy L dorsal forearm 0.6 cm Specimen A'],
    ['Punch biopsy, 4 mmR anterior shinSpecimen BClosed with 4-0 nylon', 'Punch biopsy, 4 mm R anterior shin Specimen B Closed with 4-0 nylon'],
    ['Cryotherapy, actinic keratosesForehead and nose7 lesions', 'Cryotherapy, actinic keratoses Forehead and nose 7 lesions'],
  ])('%s', (text, expected) => {
    expect(gluedWords(text)).toBe(expected);
  });

  it.each([
    '0.5 mL lidocaine',
    'BP 120/80 mmHg, eGFR 60',
    'Dr. McKenzie',
    'a sox10 immunostain on specimen b',
    'HbA1c 6.1; pT1a; T4 N0',
    'IHC: SOX10+, the ABCDs, ED&C',
    'AKs x6, C44.319',
  ])('%s is left alone', (text) => {
    expect(gluedWords(text)).toBe(text);
  });

  it('the chips code as the procedures they name', () => {
    const text =
      '- Shave biopsyL dorsal forearm0.6 cmSpecimen A\n- Punch biopsy, 4 mmR anterior shinSpecimen BClosed with 4-0 nylon\n' +
      '- Cryotherapy, actinic keratosesForehead and nose7 lesions\nSpecimens to in-house dermatopathology.';
    // Run together, the shave had no site nor specimen and the 7 AKs no count. Tangential + punch = 11104-59 + 11103
    // (§1.2 items 1, 6); 7 AKs = 17000 + 17003 x6 (§2.1); two specimens = 88305 x2, held (§7.1).
    expect(claim(text)).toEqual(['11104 x1-59 ready', '11103 x1 ready', '17000 x1 ready', '17003 x6 ready', '88305 x2 held-for-pathology']);
  });
});

describe('probe h26: "Imp/Plan" (Nextech) opens the assessment in a typed note too', () => {
  it('an A&P item restating a table row is not one more biopsy', () => {
    const text =
      'Procedures\nConsent signed. All specimens to in-house dermatopathology.\n# | Location | Procedure | Size (mm) | Specimen\n' +
      '1 | L mid back | Shave removal, irritated seborrheic keratosis | 9 | A\n3 | L anterior thigh | Punch biopsy, 4 mm | 5 | C\n' +
      'Imp/Plan\n1. Inflamed seborrheic keratosis (L82.0), back - removed (#1).\n2. Neoplasm of unspecified behavior of skin (D49.2), L thigh - biopsied (#3).';
    // Read as procedure text, item 2 was a third specimen (88305 x3) and a biopsy without technique.
    expect(codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11104 x1', '11301 x1', '88305 x2']);
  });
});
