import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { unitsOf } from '../../../core/parse/units';

/** Notes typed in capitals (older EMRs, scribe templates) read as the same note in lower case. */
describe('notes in capitals', () => {
  it('a count mark after an abbreviation does not open a sentence: "L.N. X 20 LESIONS"', () => {
    expect(unitsOf('1) AKS, FACE -- L.N. X 20 LESIONS TODAY', 0).map((u) => u.text)).toEqual(['1) AKS, FACE -- L.N. X 20 LESIONS TODAY']);
    const e = parseNote('DOS 11/16/2026\n\nA/P\n1) AKS, MULTIPLE, FACE/SCALP -- L.N. X 20 LESIONS TODAY\n');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 20]]);
  });

  it('"SPECIMENS A AND B" names jars A and B, not a jar "S"', () => {
    const e = parseNote(
      'DOS 06/29/2026\n\nA 0.9 CM INFLAMED SEBORRHEIC KERATOSIS ON THE LEFT LOWER BACK AND A 0.4 CM IRRITATED SEBORRHEIC KERATOSIS ON THE RIGHT SIDE OF THE NECK. BOTH WERE REMOVED BY SHAVE REMOVAL AND SENT TO OUR IN-HOUSE LAB AS SPECIMENS A AND B.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['shave-removal', 'lower-back', 'A'],
      ['shave-removal', 'lateral-neck', 'B'],
    ]);
  });

  it('immunostains named "ON SPECIMEN A" / "ON SPECIMEN B" in a capitals comment go to those specimens', () => {
    const e = parseNote(
      [
        'DERMATOPATHOLOGY REPORT',
        'FINAL DIAGNOSIS',
        'A) SKIN, LEFT NASAL SIDEWALL, SHAVE BIOPSY: BASAL CELL CARCINOMA, NODULAR TYPE.',
        'B) SKIN, LEFT UPPER ARM, SHAVE BIOPSY: COMPOUND DYSPLASTIC NEVUS WITH MILD ATYPIA.',
        'COMMENT',
        'BER-EP4 AND EMA IMMUNOSTAINS ON SPECIMEN A SUPPORT BASAL CELL CARCINOMA. A SOX10 IMMUNOSTAIN ON SPECIMEN B SHOWS NO PAGETOID MELANOCYTES.',
      ].join('\n'),
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.ihc.length])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
  });

  it('"AKS X11 (L57.0)": X11 is a count, L57.0 the problem\'s code', () => {
    const e = parseNote(
      'DOS 05/18/2026\n\nASSESSMENT AND PLAN:\n1. ROSACEA - CONTINUE METRONIDAZOLE GEL.\n2. AKS X11 (L57.0): SCALP 6, FOREHEAD 3, EARS 2 -- LN2.\n',
    );
    expect(e.visit.problems.map((p) => p.icd10)).toContain('L57.0');
    expect(e.visit.problems.map((p) => p.icd10)).not.toContain('X11');
  });
});

describe('sentences after a size unit, in capitals, mixed and lower case', () => {
  it.each([
    ['LESION 1.2 CM. THE WOUND WAS CLOSED.', ['LESION 1.2 CM. ', 'THE WOUND WAS CLOSED.']],
    ['Lesion 1.2 cm. The wound was closed.', ['Lesion 1.2 cm. ', 'The wound was closed.']],
    ['Pink scaly papule L upper back, 6 mm. Consent obtained.', ['Pink scaly papule L upper back, 6 mm. ', 'Consent obtained.']],
    ['pink scaly papule l upper back, 6 mm. consent obtained.', ['pink scaly papule l upper back, 6 mm. ', 'consent obtained.']],
    // A unit before a word that goes on describing the size stays in its sentence.
    ['Excised with 2 mm. margins all around.', ['Excised with 2 mm. margins all around.']],
    ['EXCISED WITH 2 MM. MARGINS ALL AROUND.', ['EXCISED WITH 2 MM. MARGINS ALL AROUND.']],
  ])('%s', (line, units) => {
    expect(unitsOf(line, 0).map((u) => u.text)).toEqual(units);
  });
});

describe('a lone SOAP heading letter', () => {
  it.each(['S: scaly spot R shin x 4 mo.', 'O: 9 mm pink plaque R shin.', 'P: shave bx today.'])('"%s" is no lesion label', (line) => {
    expect(unitsOf(line, 0)[0]?.label).toBeUndefined();
  });
  it('jar letters with a colon are still labels', () => {
    expect(unitsOf('A: R shin, shave bx.', 0)[0]?.label).toBe('A');
    expect(unitsOf('H: L calf, punch bx.', 0)[0]?.label).toBe('H');
  });
  it('a biopsy told under a lone "S:" line gets its own label, not "S"', () => {
    const e = parseNote(
      'Date of Service: 11/20/2026\nS: scaly spot R shin x 4 mo, shave biopsy today.\nPink scaly plaque R anterior shin 9 mm, r/o SCC. Shave biopsy performed, sent to path.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels, p.specimenLabel])).toEqual([['biopsy-tangential', ['L1'], 'A']]);
  });
});
