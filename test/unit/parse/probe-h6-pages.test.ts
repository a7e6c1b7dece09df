import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';

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
});
