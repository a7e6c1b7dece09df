import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { roleOfHeading } from '../../../core/parse/sections';

// Misreads found by probe h13 (round 5 of saved EMR pages the adapters were not written for): each case is one general
// phrasing, written the way the page's text reads.

const claim = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}]`);

describe('probe h13: phrasings of unseen pages', () => {
  const EXCISION =
    'Patient: Test, Patient-670  MRN: 900670\nDOS: 11/13/2026\nImp/Plan\n1. Squamous cell carcinoma, invasive, L dorsal forearm, biopsy proven 10/29/2026.\n' +
    'Procedure Note\nProcedure: Excision of malignant lesion, L dorsal forearm. Excised diameter: 1.8 cm.\n' +
    'Repair: intermediate, layered closure; final length 4.2 cm.\nSpecimen: A to in-house dermatopathology.\n';

  it.each([
    [
      'Attending Attestation\nI saw and examined the patient with Dr. Park and was present for the entire excision of the L dorsal forearm SCC and its layered repair.',
    ],
    ['I was present for the entire excision of the L dorsal forearm SCC and its layered repair, and agree with the plan.'],
  ])('an attestation restating the excision adds none (%#)', (attestation) => {
    expect(claim(`${EXCISION}\n${attestation}\n`)).toEqual(['11602 x1 []', '12032 x1 []', '88305 x1 []']);
  });

  it('"Suture removal in 14 days" plans a visit: no global-period finding for today\'s excision', () => {
    const e = parseNote(`${EXCISION}Suture removal in 14 days.\n`);
    expect(e.visit.postOpOf).toBeUndefined();
    expect(codeEncounter(e).findings.some((f) => f.rule === 'checks/global-period')).toBe(false);
    // A visit that is the suture removal still is one.
    expect(parseNote('DOS: 11/27/2026\nSuture removal today, wound healed.\n').visit.postOpOf).toEqual({ related: true });
  });

  it('an addendum saying "The diagnosis for part A is revised:" gives part A its new result', () => {
    const reports = parseSections([
      {
        name: 'Pathology report',
        role: 'pathology',
        text:
          'Final Diagnosis\nA. Skin, left anterior shin, excision: SEBORRHEIC KERATOSIS, IRRITATED TYPE.\nElectronically signed out 10/19/2026\n' +
          'Addendum\nAddendum (10/23/2026): Deeper levels show an invasive squamous cell carcinoma. The diagnosis for part A is revised:\n' +
          'A. Skin, left anterior shin, excision: SQUAMOUS CELL CARCINOMA, invasive; deep margin involved.\n',
      },
    ]).pathology;
    expect(reports.map((r) => [r.specimenLabel, r.behavior, r.margins])).toEqual([['A', 'malignant', 'involved']]);
  });

  it.each([
    ['Evaluación y plan / Assessment and plan', 'assessment'],
    ['Procedimientos / Procedures', 'procedure'],
    ['Examen físico / Exam', 'exam'],
    ['Follow / up', undefined],
  ])('a bilingual title "%s" is read by the half the list knows', (title, role) => {
    expect(roleOfHeading(title)).toBe(role);
  });

  it('Spanish procedure words: "Crioterapia con nitrógeno líquido" of "3 queratosis actínicas"', () => {
    expect(claim('DOS: 11/18/2026\nProcedimiento: Crioterapia con nitrógeno líquido, dorso de la mano izquierda, 3 queratosis actínicas.\n')).toEqual([
      '17000 x1 []',
      '17003 x2 []',
    ]);
  });

  it.each([
    ['Clinical History: A) R temple, r/o SCC. B) L cheek, r/o BCC.', 'R temple', 'L cheek'],
    ['Specimen A: right temple, shave. Specimen B: left cheek, shave.', 'right temple, shave.', 'left cheek, shave.'],
  ])('a report preamble "%s" gives each specimen its site', (preamble, a, b) => {
    const reports = parseSections([
      {
        name: 'Pathology report',
        role: 'pathology',
        text: `${preamble}\nFinal Diagnosis\nA. SQUAMOUS CELL CARCINOMA, invasive.\nB. BASAL CELL CARCINOMA, nodular.\n`,
      },
    ]).pathology;
    expect(reports.map((r) => [r.specimenLabel, r.siteText, r.behavior])).toEqual([
      ['A', a, 'malignant'],
      ['B', b, 'malignant'],
    ]);
  });
});
