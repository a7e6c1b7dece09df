import { describe, expect, it } from 'vitest';
import { codeEncounter, summarizeSpecimens } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { findCount } from '../../../core/parse/measure';
import { stackedCells } from '../../../core/parse/stacked-fields';
import { unitLabels } from '../../../core/parse/unit-labels';
import { codeNote } from './note-harness';

// Misreads found by the round-8 page probe (h23, test/fixtures/emr README): each case is one general form, coded end to end.

describe('an I&D whose complication is negated after the word is simple (§14: 10060 vs 10061)', () => {
  it.each([
    ['loculations not present', '10060'],
    ['Loculations were not seen. No packing.', '10060'],
    ['packing not needed', '10060'],
    ['loculations absent; wound left open', '10060'],
    ['loculations broken up with a hemostat; packing not needed', '10061'],
    ['loculations present, packed with iodoform gauze', '10061'],
  ])('"%s" → %s', (clause, code) => {
    const r = codeNote(
      'Exam: R upper back 1.5 cm fluctuant tender abscess with a central pustule.\n' +
        `Procedure: Incision and drainage of abscess, R upper back. 1% lidocaine; stab incision with #11 blade; 2 mL of pus expressed; ${clause}. Dressing applied.\n`,
    );
    expect(r.lines).toEqual([code]);
  });
});

describe("a result of an earlier date shown beside today's note is not the result of today's specimen of that label (§3.2, §7.1)", () => {
  const NOTE = (collected: string) =>
    'Date of Service: 11/23/2026\nPatient: Test, Patient-9901   MRN: 909901\n\n' +
    'Procedure Note\nExcision, melanoma in situ of the R upper back (biopsy-proven). Lesion 0.8 cm, margins 0.5 cm, excised diameter 1.8 cm. ' +
    'Specimen A to in-house dermatopathology.\n\n' +
    `Pathology Result\nCollected: ${collected}\nSpecimen A: Skin, R upper back\nFinal Diagnosis: A. Melanoma in situ.\n`;

  it('collected before the visit: today’s specimen A stays held and sent; the lesion is still proven malignant', () => {
    const encounter = parseNote(NOTE('10/30/2026'));
    const settings = Settings.parse({});
    const draft = codeEncounter(encounter, settings);
    expect(draft.lines.map((l) => `${l.code} ${l.status}`)).toEqual(['11602 ready', '88305 held-for-pathology']);
    expect(summarizeSpecimens(encounter, draft.lines as never, settings).map((s) => [s.label, s.status])).toEqual([['A', 'sent']]);
  });

  it('collected on the visit date: it is the result of today’s specimen A', () => {
    const draft = codeEncounter(parseNote(NOTE('11/23/2026')), Settings.parse({}));
    expect(draft.lines.map((l) => `${l.code} ${l.status}`)).toEqual(['11602 ready', '88305 ready']);
  });
});

describe('a drug form names the unit in the label ("Total volume (mL): 0.9"; §9.1 J3301 per 10 mg)', () => {
  it.each([
    ['Total volume (mL): 0.9', 'Total volume: 0.9 mL  '],
    ['Total triamcinolone (mg): 9', 'Total triamcinolone: 9 mg  '],
    ['Units injected (units): 100', 'Units injected: 100 units  '],
    ['Volume (mL): 0.9 mL', 'Volume (mL): 0.9 mL'],
  ])('%s', (input, expected) => {
    expect(unitLabels(input)).toBe(expected);
  });

  it('Kenalog-10 with the total volume in a (mL) field = 9 mg = J3301 x1', () => {
    const r = codeNote(
      'Assessment: Keloids, chest (L91.0), symptomatic.\n' +
        'Procedure: Intralesional injection\nSite: Chest (keloids)\nDrug: Kenalog-10 (10 mg/mL)\nNumber of lesions injected: 3\nTotal volume (mL): 0.9\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301']);
  });
});

describe('a table whose cells stack a label over their value ("<td><small>Site</small><br>L temple</td>") reads as fields', () => {
  it.each([
    [
      'one row of stacked cells is one line of fields',
      'Procedures\nProcedure\nShave removal | Site\nL temple | Lesion diameter\n0.7 cm | Specimen\nA\nPlan',
      'Procedures\nProcedure: Shave removal | Site: L temple | Lesion diameter: 0.7 cm | Specimen: A\nPlan',
    ],
    ['one "value | label" line is not yet a row (a caption and a two-cell row)', 'Site\nL temple | Size\n0.7 cm', 'Site\nL temple | Size\n0.7 cm'],
    [
      'a right cell that is no field name leaves the lines alone',
      'Procedure\nShave removal | Tolerated well\nL temple | Site\n0.7 cm',
      'Procedure\nShave removal | Tolerated well\nL temple | Site\n0.7 cm',
    ],
  ])('%s', (_name, input, expected) => {
    expect(stackedCells(input)).toBe(expected);
  });

  it('each row of such a table is coded, its specimen too', () => {
    const r = codeNote(
      'Procedures\nProcedure\nShave removal | Site\nL temple | Lesion diameter\n0.7 cm | Indication\nIrritated, bleeding | Specimen\nA - dermatopathology\n' +
        'Procedure\nDestruction of benign lesions (LN2) | Site\nR dorsal hand | Lesions\n5 verrucae | Indication\nPainful | Specimen\nNone\n',
    );
    expect(r.lines).toEqual(['11311', '17110', '88305']);
  });
});

describe('a table of lesions per site closed by a "Total" row counts the total (§2.1)', () => {
  it.each([
    ['Site | Number of AKs treated\nForehead | 3\nScalp | 4\nDorsal hands | 2\nTotal | 9', 9],
    ['Site | Count\nR cheek | 2\nL cheek | 1\nTotal | 3', 3],
  ])('%j → %i', (text, n) => {
    expect(findCount(text)).toBe(n);
  });

  it('the freeze-thaw cycles above the table are no count: 9 AKs = 17000 + 17003 x8', () => {
    const r = codeNote(
      'Procedures\nDestruction of premalignant lesions (actinic keratoses) with liquid nitrogen, 2 freeze-thaw cycles.\n' +
        'Site | Number of AKs treated\nForehead | 3\nScalp | 4\nDorsal hands | 2\nTotal | 9\n',
    );
    expect(r.lines).toEqual(['17000', '17003 x8']);
  });
});

describe('an assessment restating biopsies by count only ("NUBs x3 - biopsied.") adds no biopsy (§1.2, §7.2)', () => {
  it('three documented biopsies stay three specimens', () => {
    const r = codeNote(
      'Procedure Note\nShave biopsy, L cheek, 0.5 cm, specimen A.\nPunch biopsy 4 mm, R thigh, 0.6 cm, specimen B.\nShave biopsy, upper back, 0.4 cm, specimen C.\n' +
        'Assessment\nNeoplasms of uncertain behavior x3 - biopsied.\n',
    );
    expect(r.lines).toEqual(['11104', '11103 x2', '88305 x3']);
    expect(r.findings).not.toContain('biopsy/technique-documented');
  });

  it('a plan biopsy naming its site elsewhere is still its own', () => {
    const r = codeNote('Procedure Note\nShave biopsy, L cheek, 0.5 cm, specimen A.\nAssessment\nNUB, R shin - punch biopsy today, specimen B.\n');
    expect(r.lines).toEqual(['11104', '11103', '88305 x2']);
  });
});
