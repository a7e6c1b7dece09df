import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { keyValueRows } from '../../../core/parse/stacked-fields';

// Misreads found by probe h28 (round 11 of unseen EMR pages): each case is one general layout.

const claim = (text: string) =>
  codeEncounter(parseSections([{ name: 'Procedures', role: 'procedure', text }])).lines.map(
    (l) => `${l.code} x${l.units}${l.modifiers.length ? `-${l.modifiers.join(',')}` : ''} ${l.status}`,
  );

describe('probe h28: a lead sentence naming the kinds done over the rows that tell them', () => {
  const rows =
    'Procedure: Shave removal | Site: R upper back | Size: 0.5 cm | Indication: Inflamed, catches on clothing | Specimen: A\n' +
    'Procedure: Shave removal | Site: L flank | Size: 0.9 cm | Indication: Irritated, crusted | Specimen: B\n' +
    'Procedure: Punch biopsy, 4 mm | Site: R lateral calf | Size: 0.7 cm | Indication: r/o SCC | Specimen: C';

  it('"Shave removals and a biopsy." is the rows\' summary, not a tangential biopsy of its own', () => {
    // Read as a procedure, the lead added 11103 and a fourth jar (D). Two shave removals on the trunk (0.5 and 0.9 cm) =
    // 11300 + 11301 (§3.4); the punch biopsy of another lesion = 11104 with 59 on the biopsy (§1.2 item 6); 88305 x3 held.
    expect(claim(`Shave removals and a biopsy. Verbal consent obtained. Anesthesia 1% lidocaine with epinephrine.\n${rows}`)).toEqual([
      '11104 x1-59 ready',
      '11300 x1 ready',
      '11301 x1 ready',
      '88305 x3 held-for-pathology',
    ]);
  });

  it('under the lead, a bare "Shave" row is a removal (the lead says so), and a list header gives no biopsy to its removals', () => {
    const bare =
      'Procedure: Shave | Site: R upper back | Size: 0.5 cm | Specimen: A\nProcedure: Shave | Site: L flank | Size: 0.9 cm | Specimen: B\n' +
      'Procedure: Punch biopsy | Site: R calf | Size: 0.7 cm | Specimen: C';
    const expected = ['11104 x1-59 ready', '11300 x1 ready', '11301 x1 ready', '88305 x3 held-for-pathology'];
    expect(claim(`Shave removals and a biopsy.\n${bare}`)).toEqual(expected);
    // Read as "Biopsies:" items, both removals became tangential biopsies (11103 x2).
    expect(
      claim(
        'Shave removals and a biopsy:\n1. Shave removal, R upper back, 0.5 cm irritated SK, specimen A.\n2. Shave removal, L flank, 0.9 cm irritated SK, specimen B.\n' +
          '3. Punch biopsy, R calf, r/o SCC, specimen C.',
      ),
    ).toEqual(expected);
  });

  it('a biopsy told in a sentence with its own site is not a summary', () => {
    expect(claim(`Shave removals and a punch biopsy of the R lateral calf, 0.7 cm, specimen C.\n${rows.split('\n').slice(0, 2).join('\n')}`)).toEqual([
      '11104 x1-59 ready',
      '11300 x1 ready',
      '11301 x1 ready',
      '88305 x3 held-for-pathology',
    ]);
  });
});

describe('probe h28: the narrative under an excision told by its fields', () => {
  const fields =
    'Procedure: Excision of skin lesion with intermediate repair\nLocation: L upper back\nLesion size: 1.2 cm\nMargins: 0.4 cm\n' +
    'Excised diameter: 2.0 cm\nRepair: Intermediate, layered closure; final length 4.0 cm\nSpecimen: A, to in-house dermatopathology\n\n';

  it('"Full-thickness elliptical excision to the subcutaneous fat." is that excision\'s technique, not a second excision', () => {
    // Read as a second excision, it added an error (no size), a jar B and a second 88305. 2.0 cm excised on the trunk =
    // 11402, held for pathology (§3.1-3.3), layered 4.0 cm trunk = 12032 (§4.3); one specimen = 88305 held (§7.2).
    expect(
      claim(
        `${fields}Informed consent signed. 1% lidocaine with epinephrine. Full-thickness elliptical excision to the subcutaneous fat. Hemostasis with electrocautery.`,
      ),
    ).toEqual(['11402 x1 held-for-pathology', '12032 x1 ready', '88305 x1 held-for-pathology']);
  });

  it('an elliptical excision with a site and size of its own is another excision', () => {
    const lines = claim(`${fields}Elliptical excision of a 0.8 cm nevus of the R thigh with 0.2 cm margins, specimen B.`);
    expect(lines.filter((l) => l.startsWith('11402'))).toHaveLength(2);
  });
});

describe('probe h28: a result shown as a Component | Value table', () => {
  it('each row is one field, so "Clinical History: r/o BCC vs …" is no diagnosis and "Final Diagnosis: …" is', () => {
    expect(
      keyValueRows(
        'Component: Clinical History | Value: Pearly papule, r/o BCC vs sebaceous hyperplasia.\n' +
          'Component: Final Diagnosis | Value: A. Skin, left upper back, excision:\nBASAL CELL CARCINOMA, NODULAR TYPE.',
      ),
    ).toBe(
      'Clinical History: Pearly papule, r/o BCC vs sebaceous hyperplasia.\nFinal Diagnosis: A. Skin, left upper back, excision:\nBASAL CELL CARCINOMA, NODULAR TYPE.',
    );
  });
});

describe('probe h28: procedures that were not done today', () => {
  const note = (body: string) =>
    codeEncounter(parseNote(`Date of service: 11/27/2026\n${body}`)).lines.map(
      (l) => `${l.code} x${l.units}${l.modifiers.length ? `-${l.modifiers.join(',')}` : ''} ${l.status}`,
    );

  it('an orders table row whose status is Future is planned; a Canceled one is not done', () => {
    expect(
      note(
        'Procedure: Punch biopsy, R anterior shin, 4 mm, r/o SCC in situ. Specimen A.\nOrders Placed This Encounter\nOrder | Status | Expected Date\n' +
          'PUNCH BIOPSY SKIN, R anterior shin | Completed | 11/27/2026\nMOHS MICROGRAPHIC SURGERY, L nasal ala | Future | 12/15/2026\n' +
          'EXCISION MALIGNANT LESION FACE (if Mohs declined) | Future | 12/15/2026\nCRYOTHERAPY, ACTINIC KERATOSES | Canceled | 11/27/2026',
      ),
    ).toEqual(['11104 x1 ready', '88305 x1 held-for-pathology']);
  });

  it('a signed addendum saying a listed procedure was not performed takes it off the claim', () => {
    const body =
      'Procedures:\n1. Shave biopsy, L temple, 0.7 cm, r/o SCC. Specimen A.\n2. Cryotherapy with liquid nitrogen to 6 actinic keratoses of the scalp.\n' +
      'Assessment and Plan:\n1. Neoplasm of uncertain behavior, L temple (D49.2) - shave biopsy.\n2. Actinic keratoses (L57.0) - see procedures.\n';
    expect(note(body)).toContain('17000 x1 ready');
    expect(note(`${body}Addendum 11/27/2026: Correction: the cryotherapy in procedure 2 was not performed. The patient declined it.`)).toEqual([
      '11102 x1 ready',
      '88305 x1 held-for-pathology',
    ]);
    // "was not performed on the L arm but on the R arm" corrects a place, not a procedure done.
    expect(note(`${body}Addendum: Correction: the biopsy was not performed on the L temple but on the R temple.`)).toContain('17000 x1 ready');
  });
});
