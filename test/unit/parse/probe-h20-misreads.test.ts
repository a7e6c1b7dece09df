import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { bannerNameOf, extractIdentity, patientNameOf } from '../../../core/parse/identity';
import { keyValueRows, stackedFields } from '../../../core/parse/stacked-fields';
import { chargesOf } from '../../../core/parse/visit';

// README "Known misreads" fixed by probe h20 (round 7 of unseen pages): each case is one general layout.

const claim = (text: string) =>
  codeEncounter(parseSections([{ name: 'Procedure', role: 'procedure', text }])).lines.map((l) => `${l.code} x${l.units} [${l.dx.join(',')}]`);

describe('probe h20: a form laid out as a grid of plain cells (one cell a line)', () => {
  const grid = 'Procedure\nShave biopsy\nSite\nR dorsal forearm\nLesion size\n0.6 cm\nClinical diagnosis\nr/o SCC\nSpecimen\nA';

  it('label / value lines join into fields', () => {
    expect(stackedFields(grid)).toBe('Procedure: Shave biopsy\nSite: R dorsal forearm\nLesion size: 0.6 cm\nClinical diagnosis: r/o SCC\nSpecimen: A');
    // Label cells that carry their own colon.
    expect(stackedFields('Site:\nL shin\nSize:\n4 mm\nSpecimen:\nB')).toBe('Site: L shin\nSize: 4 mm\nSpecimen: B');
  });

  it('a title over the grid that is itself a field name does not shift the pairs', () => {
    expect(stackedFields(`Procedure\n${grid}\nAssessment\nSCC in situ`)).toBe(
      'Procedure\nProcedure: Shave biopsy\nSite: R dorsal forearm\nLesion size: 0.6 cm\nClinical diagnosis: r/o SCC\nSpecimen: A\nAssessment\nSCC in situ',
    );
  });

  it.each([
    ['a heading and its text', 'Procedure\nShave biopsy of the R forearm, specimen A.\nPlan\nRTC 3 months'],
    ['two pairs only', 'Site\nR arm\nSpecimen\nA\nThe patient tolerated it well.'],
    ['a list under each label', 'Procedures\n- Shave biopsy R arm\nSite\n- R arm\nSpecimen\n- A'],
    ['labels that name no field', 'Chief complaint\nSpot on arm\nReferring provider\nDr. Lee\nPharmacy\nMain St'],
  ])('%s is left alone', (_name, text) => {
    expect(stackedFields(text)).toBe(text);
  });

  it('the grid codes as the fields it holds', () => {
    expect(claim(grid)).toEqual(['11102 x1 [D49.2]', '88305 x1 [D49.2]']);
    // Read one cell a line, the excision had no size and the repair no level or length: both were lost.
    const cells =
      'Procedure\nExcision\nSite\nL upper back\nClinical diagnosis\nAtypical nevus\nLesion size\n0.8 cm\nMargins\n0.2 cm\nRepair\nIntermediate\nRepair length\n2.5 cm\nSpecimen\nA\n' +
      'Procedure\nShave biopsy\nSite\nR cheek\nClinical diagnosis\nr/o BCC\nSpecimen\nB';
    const lines = codeEncounter(parseSections([{ name: 'Procedure', role: 'procedure', text: cells }])).lines;
    // CPT: 0.8 + 2 x 0.2 = 1.2 cm on the trunk = 11402, held for pathology (§3.1-3.3); layered 2.5 cm trunk = 12031 (§4.3);
    // the biopsy of another lesion = 11102-59 (§1.2 item 6); two specimens = 88305 x2, held (§7.1-7.2).
    expect(lines.map((l) => `${l.code} x${l.units} ${l.modifiers.join(',')} ${l.status}`)).toEqual([
      '11102 x1 59 ready',
      '11402 x1  held-for-pathology',
      '12031 x1  ready',
      '88305 x2  held-for-pathology',
    ]);
  });
});

describe('probe h20: pages of round 7', () => {
  it('a numbered A&P problem after a procedure told in its own field lines is not one more biopsy', () => {
    const text =
      'DOS: 11/12/2026\nAssessment & Plan\n2. Neoplasm of uncertain behavior of skin - L lateral lower leg\nProcedure: Punch biopsy\n' +
      'Location: L lateral lower leg\nSpecimen: A\nLab: In-house dermatopathology\n3. Seborrheic keratoses (L82.1) - trunk\nBenign; reassurance. No treatment.';
    expect(codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} [${l.dx.join(',')}]`)).toEqual(['11104 x1 [D49.2]', '88305 x1 [D49.2]']);
    // A procedure named with no site of its own still takes its lettered lesions as items ("Lesion A: …", "Lesion B: …").
    expect(
      codeEncounter(
        parseNote('DOS: 11/12/2026\nProcedure: Shave removal\nLesion A: R upper back, 1.2 cm irritated SK\nLesion B: L upper back, 0.8 cm irritated SK\n'),
      ).lines.map((l) => `${l.code} x${l.units}`),
    ).toEqual(['11302 x1', '11301 x1']);
  });
});

describe('probe h20: a procedure record of yes/no fields and numbered procedure titles', () => {
  const record = (sent: string, cosmetic: string, done: string) =>
    'DOS: 11/18/2026\nReason for visit\nIrritated growth of the L upper back; warts of the L hand.\nProcedure 1 - Shave removal\nSite: L upper back\n' +
    `Lesion: inflamed seborrheic keratosis, 1.2 cm, bleeding\nSpecimen sent to pathology: ${sent}\nCosmetic (patient pays): ${cosmetic}\n` +
    `Procedure 2 - Cryotherapy of warts\nSite: L hand, 3 verrucae\nPerformed today: ${done}\n`;
  const lines = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} ${l.billing}`);

  it('"Cosmetic: No" is not cosmetic, "Performed today: No" is not done, "sent: No" sends nothing', () => {
    expect(lines(record('No', 'No', 'No (deferred)'))).toEqual(['11302 x1 insurance']);
  });

  it('the same fields answered yes', () => {
    expect(lines(record('Yes', 'Yes', 'Yes'))).toEqual(['11302 x1 self-pay', '17110 x1 insurance', '88305 x1 self-pay']);
  });

  it('"Procedure 1 - …" under a history title opens the procedures; inside an op note each is the next item', () => {
    const e = parseSections([{ name: 'Reason for visit', role: 'history', text: record('No', 'No', 'Yes').replace(/^DOS[^\n]*\n/, '') }]);
    expect(e.procedures.map((p) => [p.kind, p.status])).toEqual([
      ['shave-removal', 'performed'],
      ['destruction-benign', 'performed'],
    ]);
  });
});

describe('probe h20: a procedure record as a Question | Answer table', () => {
  it('each row is one field; a "performed: No" row is no procedure; the record title is no second biopsy', () => {
    const e = parseSections([
      { name: 'Report header', role: 'note', text: 'Skin Biopsy   Completed   Date of service: 11/20/2026' },
      {
        name: 'Procedure Details',
        role: 'procedure',
        text:
          'Procedure Details\nQuestion: Biopsy type | Answer: Punch\nQuestion: Location | Answer: R anterior lower leg\n' +
          'Question: Clinical indication | Answer: r/o BCC\nQuestion: Specimen label | Answer: A\nQuestion: Cryotherapy of additional lesions performed | Answer: No',
      },
    ]);
    expect(e.sections['Procedure Details']).toContain('Biopsy type: Punch\nLocation: R anterior lower leg');
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11104 x1', '88305 x1']);
  });

  it('one such row alone, or other column names, stay as read', () => {
    expect(keyValueRows('Question: Biopsy type | Answer: Punch')).toBe('Question: Biopsy type | Answer: Punch');
    expect(keyValueRows('Site: L arm | Size: 4 mm\nSite: R arm | Size: 5 mm')).toBe('Site: L arm | Size: 4 mm\nSite: R arm | Size: 5 mm');
  });
});

describe('probe h20: an A&P item that says "Biopsied today." over its own procedure lines', () => {
  it('is that biopsy, not a second one; a bare biopsy of another site stays', () => {
    const lines = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units}`);
    const fields = 'Procedure: Punch biopsy\nLocation: L lateral lower leg\nSpecimen: A\n';
    expect(lines(`DOS: 11/12/2026\n2. NUB - L lateral lower leg\nr/o BCC. Biopsied today.\n${fields}3. Seborrheic keratoses - trunk\n`)).toEqual([
      '11104 x1',
      '88305 x1',
    ]);
    expect(lines(`DOS: 11/12/2026\n1. NUB - R arm\nBiopsied today.\n2. NUB - L lateral lower leg\n${fields}`)).toEqual(['11104 x1', '88305 x2']);
  });
});

describe('probe h20: two biopsies of numbered A&P items in one container', () => {
  it('the container line is their jar, not a third biopsy; the item numbers are no jars', () => {
    const text =
      'DOS: 10/27/2026\nAssessment & Plan\n1. Neoplasm of uncertain behavior of skin - R dorsal forearm, r/o SCC\nShave biopsy, R dorsal forearm, 0.6 cm lesion.\n' +
      '2. Neoplasm of uncertain behavior of skin - R lateral upper arm, r/o BCC\nShave biopsy, R lateral upper arm, 0.7 cm lesion.\n' +
      'Both biopsies placed together in one formalin container, labeled A (R arm x2), to in-house dermpath. Hemostasis with AlCl3.';
    const e = parseNote(text);
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11102 x1', '11103 x1', '88305 x1']);
  });
});

describe('probe h20: eCW Billing Information names modifiers after the description', () => {
  it('"11102 TANGNTL BX SKIN SINGLE LES. Modifiers: 59" enters 59 on 11102, "Modifiers: none" enters none', () => {
    const text =
      'Procedure Codes: 11102 TANGNTL BX SKIN SINGLE LES. Modifiers: 59\n11301 SHAVE SKN LES 0.6-1.0 CM. Modifiers: none\n' +
      'Visit Code: 99213 Office Visit, Est Pt., Level 3. Modifiers: 25\nProcedure Codes: 91122 ANAL PRESSURE RECORD. Modifiers: 59, GP';
    expect(chargesOf([{ name: 'Billing Information', role: 'charges', start: 0, text }]).map((c) => `${c.code} [${c.modifiers.join(',')}]`)).toEqual([
      '11102 [59]',
      '11301 []',
      '99213 [25]',
      '91122 [59,GP]',
    ]);
  });
});

describe('probe h20: a synoptic (checklist) melanoma report', () => {
  it("the synoptic section ends the part's diagnosis; its ticked choices are no diagnosis text", () => {
    const e = parseSections([
      {
        name: 'Pathology report',
        role: 'pathology',
        text:
          'FINAL DIAGNOSIS\nA. Skin, left upper back, shave biopsy:\nMALIGNANT MELANOMA, superficial spreading type, Breslow thickness 0.6 mm (pT1a). See synoptic report.\n' +
          'SYNOPTIC REPORT - MELANOMA OF THE SKIN (BIOPSY)\nProcedure: \u2612 Shave biopsy\nPeripheral margins: \u2612 Involved by melanoma in situ\n' +
          'GROSS DESCRIPTION\nA. Received in formalin: a shave of skin.',
      },
    ]);
    expect(e.pathology.map((r) => [r.specimenLabel, r.diagnosisText, r.behavior])).toEqual([
      ['A', 'MALIGNANT MELANOMA, superficial spreading type, Breslow thickness 0.6 mm (pT1a). See synoptic report.', 'malignant'],
    ]);
    expect(e.procedures).toEqual([]);
  });
});

describe('probe h20: a name banner given only in bold (no "Patient:" label)', () => {
  it.each([
    ['DOE, JANE A \u00b7 68 y.o. F \u00b7 DOB 04/12/1957 \u00b7 MRN 12345', 'DOE, JANE A', 'jane doe'],
    ['Van Dyke, Mary (F)  45 yo', 'Van Dyke, Mary', 'mary dyke'],
    ['Nguyen, Anh | DOB: 01/02/1980', 'Nguyen, Anh', 'anh nguyen'],
  ])('"%s" names %s', (banner, raw, name) => {
    const text = `${banner}\nDate of service: 03/02/2026\nProcedure: Shave biopsy, R arm.`;
    expect(bannerNameOf(text)).toBe(raw);
    expect(patientNameOf(text)).toBe(name);
    expect(extractIdentity(text).name).toBe(name);
  });

  it.each([
    ['a title before the birth date is no name', 'Office Visit  DOB 01/02/1980'],
    ['a name with no birth date, MRN or age on its line', 'Smith, John MD\nDOB: 01/02/1980'],
    ['a line that does not open with the name', 'Seen with Doe, Jane \u00b7 DOB 01/02/1980'],
  ])('%s', (_name, text) => {
    expect(bannerNameOf(text)).toBeUndefined();
    expect(extractIdentity(text).name).toBeUndefined();
  });

  it('a labeled name wins over a banner', () => {
    expect(extractIdentity('DOE, JANE \u00b7 DOB 01/02/1980\nPatient: Roe, Richard').name).toBe('richard roe');
  });
});
