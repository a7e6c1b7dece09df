import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';

// Note-parser misreads found by probe h4 (saved EMR pages the adapters were not written for); each case is one general phrasing.

describe('a plan line restating a biopsy without its technique is the same biopsy', () => {
  const note = (plan: string) =>
    parseNote(
      'Date of Service: 10/12/2026\nProcedures\n1. Shave biopsy (tangential), R lateral upper arm. Specimen A.\n2. Shave biopsy (tangential), L upper back. Specimen B.\n' +
        `Assessment and Plan\n${plan}\n`,
    );

  it.each([
    '2. Neoplasm of uncertain behavior, R arm (D49.2) - biopsy A as above.',
    '2. Neoplasm of uncertain behavior, R arm and L back (D49.2) - biopsies A and B as above.',
    '2. Neoplasm of uncertain behavior, R arm (D49.2) - biopsy, specimen A.',
    '2. NUB R arm - bx A, see above.',
  ])('%s -> the two documented biopsies only', (plan) => {
    const e = note(plan);
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'A'],
      ['biopsy-tangential', 'B'],
    ]);
  });

  it('a plan biopsy at a site no procedure names is its own biopsy', () => {
    const e = note('3. Neoplasm of uncertain behavior, L shin - biopsy, specimen C.');
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B', 'C']);
  });
});

describe('a structure the closure spares is not the repair site', () => {
  it.each([
    ['to close without distortion of the lower eyelid', 'cheek'],
    ['sparing the vermilion', 'cheek'],
    ['with care to avoid the lower eyelid margin', 'cheek'],
  ])('"%s" -> the repair stays on the %s', (clause, key) => {
    const e = parseNote(
      `Date of Service: 10/13/2026\nExcision of biopsy-proven BCC, L mid cheek. Lesion 1.0 cm, margins 4 mm.\nRepair: complex layered closure, undermined 2.0 cm (defect width 1.8 cm), ${clause}, length 4.5 cm.\n`,
    );
    expect(e.procedures.find((p) => p.kind === 'repair')?.site?.key).toBe(key);
  });
});

describe('a spared structure stays spared across a hard line wrap', () => {
  const dictated =
    'Date of Service: 10/13/2026\nBCC L mid cheek, biopsy-proven. Excised with 4 mm margins, lesion 1.0 cm. The defect was closed in layers after wide undermining of 2.0 cm (defect width 1.8 cm), ';
  it.each([
    ['without distortion of the\nlower eyelid'],
    ['without distortion\nof the lower eyelid'],
    ['without\ndistortion of the lower eyelid'],
    ['sparing the\nvermilion'],
  ])('dictated "%s" -> the repair stays on the cheek', (clause) => {
    const e = parseNote(`${dictated}${clause}, length 4.5 cm.\n`);
    expect(e.procedures.map((p) => `${p.kind} ${p.site?.key}`)).toEqual(['excision cheek', 'repair cheek']);
    // Reference §4.1/§4.3: complex repair, 4.5 cm, forehead/cheeks group = 13132 (not the eyelid group's 13152).
    expect(codeEncounter(e).lines.map((l) => l.code)).toEqual(['11642', '13132', '88305']);
  });

  it('a repair whose only site is the one it spares has no site (asked), wrapped or not', () => {
    for (const clause of ['without distortion of the lower eyelid', 'without distortion of the\nlower eyelid']) {
      const e = parseNote(
        `Date of Service: 10/13/2026\nRepair: complex layered closure, undermined 2.0 cm (defect width 1.8 cm), closed ${clause}, length 4.5 cm.\n`,
      );
      expect(e.procedures.map((p) => `${p.kind} ${p.site?.key}`)).toEqual(['repair undefined']);
    }
  });

  it('a line that ends a sentence does not lend its end to the next line', () => {
    const e = parseNote('Date of Service: 10/13/2026\nLayered closure done without distortion.\nLower eyelid: shave biopsy of a 3 mm papule, specimen A.\n');
    expect(e.procedures.map((p) => `${p.kind} ${p.site?.key}`)).toContain('biopsy-tangential lower-eyelid');
  });
});

describe('an excision titled "with complex repair" keeps the measures listed under it', () => {
  it('LESION SIZE / MARGINS / SITE fields after the title are the excision’s, not only the repair’s', () => {
    const e = parseNote(
      'Date of Service: 10/13/2026\nINDICATION:    Nodular BCC, L mid cheek, biopsy-proven.\nPROCEDURE:     Excision of malignant lesion with complex repair\n' +
        'SITE:          Left mid cheek\nLESION SIZE:   1.0 cm\nMARGINS:       0.4 cm\nREPAIR:        Complex layered closure, undermined 2.0 cm (defect width 1.8 cm).\nREPAIR LENGTH: 4.5 cm\nSPECIMEN:      A\n',
    );
    const excision = e.procedures.find((p) => p.kind === 'excision');
    expect(excision?.site?.key).toBe('cheek');
    expect(e.lesions.find((l) => l.label === excision?.lesionLabels[0])?.clinicalSizeCm).toBe(1);
    expect(excision?.specimenLabel).toBe('A');
  });
});

describe('a statement inside one numbered item stays with that item', () => {
  it('"12. SCCis … / Biopsy-proven (…)" gives no prior malignancy to "13. Inflamed epidermoid cyst"', () => {
    const e = parseNote(
      'Date of Service: 10/15/2026\nAssessment & Plan\n12. Squamous cell carcinoma in situ - R dorsal forearm\nBiopsy-proven (09/08/2026, S26-20931: SCC in situ).\n' +
        'Procedure: Electrodesiccation and curettage (malignant)\nLocation: R dorsal forearm\nLesion diameter: 1.2 cm\n' +
        '13. Inflamed epidermoid cyst - L lower back\nFluctuant, tender for 3 days.\nProcedure: Incision and drainage\nLocation: L lower back\n',
    );
    const id = e.procedures.find((p) => p.kind === 'incision-drainage');
    const lesion = e.lesions.find((l) => l.label === id?.lesionLabels[0]);
    expect(lesion?.priorMalignantBiopsy).toBeFalsy();
    const edc = e.procedures.find((p) => p.kind === 'destruction-malignant');
    expect(e.lesions.find((l) => l.label === edc?.lesionLabels[0])?.priorMalignantBiopsy).toBe(true);
  });
});
