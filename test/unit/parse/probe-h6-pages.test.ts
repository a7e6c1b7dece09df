import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';

// Note-parser misreads found by probe h6 (round 3 of saved EMR pages the adapters were not written for); each case is one
// general phrasing, written the way the page's text reads.

/** What a note codes to, in short: "code xunits [modifiers]". */
const claim = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}]`);

const BIOPSIES =
  'Date of Service: 11/02/2026\nProcedures\n1. Shave biopsy (tangential), R forehead. Specimen A.\n2. Punch biopsy, 4 mm, R thigh. Specimen B.\n';

describe('probe h6: phrasings of unseen pages', () => {
  it('a plan line naming the jars it biopsied ("specimens A-B") restates them: no third biopsy, no third 88305', () => {
    const e = parseNote(`${BIOPSIES}Assessment and Plan\n1. Neoplasms of uncertain behavior x2 (specimens A-B) - biopsied today.\n`);
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'A'],
      ['biopsy-punch', 'B'],
    ]);
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
  });

  it('a plan line naming one biopsied jar ("(specimen B) - biopsied today") restates it', () => {
    const e = parseNote(`${BIOPSIES}Assessment and Plan\n2. Neoplasm of uncertain behavior (specimen B) - biopsied today.\n`);
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
  });

  it('"the biopsy and treatment sites below" in an exam refers to sites, it is no biopsy', () => {
    const e = parseNote(
      `Date of Service: 11/02/2026\nPhysical Exam\nFull skin exam. Findings at the biopsy and treatment sites below.\n${BIOPSIES.slice(BIOPSIES.indexOf('Procedures'))}`,
    );
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B']);
  });

  it('an op-note field "Frozen sections: Not performed" is no frozen section: 88305 held, no 88331', () => {
    const note =
      'Date of Surgery: 10/13/2026\nPreoperative Diagnosis: Nodular BCC, L medial cheek (biopsy 09/22/2026).\nProcedure: Excision of malignant lesion, L medial cheek, ' +
      'lesion 1.2 cm with 0.4 cm margins, excised diameter 2.0 cm.\nSpecimens: ellipse to dermatopathology (specimen A).\nFrozen sections: Not performed.\n';
    expect(claim(note)).toEqual(['11642 x1 []', '88305 x1 []']);
    expect(codeEncounter(parseNote(note)).lines.find((l) => l.code === '88305')?.status).toBe('held-for-pathology');
  });

  it('an IHC list keyed by specimen, "A. Factor XIIIa: positive … CD34: negative.", counts both antibodies', () => {
    const report =
      'Patient: Test, Patient-599   MRN: 900599\nFINAL DIAGNOSIS:\nA. Skin, R calf, punch biopsy: DERMATOFIBROMA.\nB. Skin, L nose, shave biopsy: BASAL CELL CARCINOMA.\n' +
      'IMMUNOHISTOCHEMISTRY:\nA. Factor XIIIa: positive in the lesional cells. CD34: negative.\nB. No immunostains performed.\n';
    expect(claim(report)).toEqual(['88305 x2 []', '88342 x1 []', '88341 x1 []']);
  });

  it('a comment that revises the diagnosis ("the final diagnosis is revised to: MELANOMA IN SITU") is the diagnosis', () => {
    const report =
      'Patient: Test, Patient-599   MRN: 900599\nDiagnosis\nA. Skin, mid back, excision: COMPOUND DYSPLASTIC NEVUS WITH SEVERE ATYPIA.\nComment\n' +
      'Deeper levels show pagetoid spread; the final diagnosis is revised to: MELANOMA IN SITU, margins free.\n';
    const [r] = parseNote(report).pathology;
    expect([r?.specimenLabel, r?.behavior, r?.amended]).toEqual(['A', 'in-situ', true]);
  });

  it('a comment telling history ("the lesion changed to a darker color") revises nothing', () => {
    const report =
      'Patient: Test, Patient-599   MRN: 900599\nDiagnosis\nA. Skin, mid back, shave: COMPOUND NEVUS.\nComment\nPer the requisition the lesion changed to a darker color.\n';
    expect(parseNote(report).pathology.map((r) => r.behavior)).toEqual(['benign']);
  });

  it('an IHC table row "Specimen A: Ki-67 | Result: …" lists its antibody', () => {
    const report =
      'Patient: Test, Patient-599   MRN: 900599\nFINAL DIAGNOSIS:\nA. Skin, back, punch: COMPOUND NEVUS.\nIMMUNOHISTOCHEMISTRY:\n' +
      'Specimen A: SOX10 | Result: Positive\nSpecimen A: Ki-67 | Result: Less than 2%\n';
    expect(claim(report)).toEqual(['88305 x1 []', '88342 x1 []', '88341 x1 []']);
  });

  it('an outside lab that says it performed and bills the work leaves the practice no pathology line', () => {
    const report =
      'MERIDIAN REFERENCE LABORATORY - CLIA 99D0000000\nProfessional and technical services performed and billed by Meridian Reference Laboratory.\n' +
      'Patient: Test, Patient-599   MRN: 900599\nFINAL DIAGNOSIS:\nA. Skin, R shin, shave: SQUAMOUS CELL CARCINOMA IN SITU.\n';
    expect(parseNote(report).pathology.map((r) => [r.readBy, r.labBills])).toEqual([['external', true]]);
    expect(claim(report)).toEqual([]);
  });

  it('"both biopsies placed together in one container, labeled A": one specimen for the two biopsies', () => {
    const e = parseNote(
      'DOS: 10/12/2026\nProcedures:\n- Shave biopsy #1, L forearm proximal, 0.5 cm papule.\n- Shave biopsy #2, L forearm distal, 0.6 cm papule.\n' +
        'Both biopsies placed together in one formalin container, labeled A, to in-house dermpath.\n',
    );
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'A']);
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11102 x1', '11103 x1', '88305 x1']);
  });

  it('"See comment" takes the comment\'s stated diagnosis; a hedged "consistent with" is not taken', () => {
    const report = (comment: string) =>
      parseNote(
        'Patient: Test, Patient-599   MRN: 900599\nFINAL DIAGNOSIS:\nA. Skin, L arm, shave biopsy: See comment.\nB. Skin, R back, punch biopsy: Seborrheic keratosis.\n' +
          `COMMENT:\nA. ${comment}\n`,
      ).pathology.map((r) => [r.specimenLabel, r.behavior]);
    expect(report('The findings are those of a basal cell carcinoma, superficial type.')).toEqual([
      ['A', 'malignant'],
      ['B', 'benign'],
    ]);
    expect(report('The findings are consistent with a basal cell carcinoma; deeper levels to follow.')).toEqual([
      ['A', 'unknown'],
      ['B', 'benign'],
    ]);
  });

  it('a second encounter shown on the same page (dated title + its own DOS field) is left out, in one text or across sections', () => {
    const today = 'Progress Note - 11/05/2026 - Signed\nDate of Service: 11/05/2026\nProcedures\nPunch biopsy 4 mm L shin, specimen A.\n';
    const earlier =
      'Progress Note - 07/14/2026 - Signed\nDate of Service: 07/14/2026\nProcedures\nShave biopsy R cheek, specimen A. LN2 to 4 AKs of the scalp.\n';
    expect(claim(`${today}${earlier}`)).toEqual(['11104 x1 []', '88305 x1 []']);
    const e = parseSections([
      { name: 'header', role: 'header', text: 'Date of service: 11/05/2026' },
      { name: 'Note', role: 'note', text: today + earlier.split('Procedures')[0] },
      { name: 'Procedures', role: 'procedure', text: 'Shave biopsy R cheek, specimen A. LN2 to 4 AKs of the scalp.' },
    ]);
    expect(codeEncounter(e).lines.map((l) => l.code)).toEqual(['11104', '88305']);
    // One dated title that is no encounter header (no DOS field under it) cuts nothing.
    expect(claim(`${today}Office visit 07/14/2026: shave biopsy R cheek showed BCC.\nLN2 to 3 AKs of the scalp today.\n`)).toContain('17000 x1 []');
  });

  it('a report part with nothing examined (empty container, culture only) has no result and no 88305', () => {
    const report = (b: string) =>
      claim(`Patient: Test, Patient-599   MRN: 900599\nFINAL DIAGNOSIS:\nA. Skin, L cheek, shave: BASAL CELL CARCINOMA, nodular.\nB. ${b}\n`);
    expect(report('Skin, L cheek inferior: container received empty; no diagnosis rendered.')).toEqual(['88305 x1 []']);
    expect(report('Skin, L cheek, punch for tissue culture: sent directly to microbiology; no histology performed.')).toEqual(['88305 x1 []']);
    expect(report('Skin, L cheek inferior: no tissue identified in the deeper levels; dermal scar.')).toEqual(['88305 x2 []']);
  });

  it('a biopsy sent for culture only (microbiology) has no surgical pathology line', () => {
    const e = parseNote(
      'DOS: 11/09/2026\nProcedures:\nPunch biopsy 4 mm, L cheek, for H&E: specimen A to in-house dermatopathology.\n' +
        'Punch biopsy 4 mm, L cheek adjacent, for tissue culture (bacterial, fungal, AFB): specimen B sent to microbiology.\n',
    );
    const draft = codeEncounter(e);
    expect(draft.lines.map((l) => `${l.code} x${l.units} ${l.specimenLabels.join(',')}`)).toEqual(['11104 x1 A', '11105 x1 B', '88305 x1 A']);
    expect(draft.findings.some((f) => f.rule === 'pathology/level-per-specimen' && f.message.includes('culture only'))).toBe(true);
  });
});
