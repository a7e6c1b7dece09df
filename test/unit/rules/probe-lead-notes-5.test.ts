import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 5), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a biopsy named in the plan and detailed under "Procedure:" in the same section', () => {
  it('"1. Rule out BCC, nasal tip - shave biopsy performed" + "Procedure: Tangential biopsy, nasal tip … Specimen A" → one 11102, one 88305', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Rule out BCC, nasal tip - shave biopsy performed, sent to dermpath.\n2. Actinic keratoses x 13 - LN2 cryotherapy to 13 AKs (scalp 8, bilateral dorsal hands 5).\n\nProcedure: Tangential biopsy, nasal tip. Consent obtained. Anesthetized with 1% lidocaine with epi. Shave biopsy with DermaBlade, hemostasis with AlCl. Specimen A to pathology.\n',
      { payer: 'medicare' },
    );
    // Reference §1: one tangential biopsy 11102; §2.1: 13 AKs = 17000 + 17003 x12 (the "x 13" and "13 AKs" are one count).
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x12', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
  });
});

describe('keloids injected, the site between the lesion word and "injected with"', () => {
  it('"2 inflamed keloids on chest injected with triamcinolone 40 mg/mL, 0.5 mL total (20 mg)" → 11900, J3301 x2', () => {
    const r = codeNote('Assessment: L91.0 keloid scar.\n2 inflamed keloids on chest injected with triamcinolone 40 mg/mL, 0.5 mL total (20 mg).\n', {
      payer: 'medicare',
    });
    // Reference: intralesional injection of up to 7 lesions 11900; J3301 per 10 mg → 20 mg = 2 units.
    expect(r.lines).toEqual(['11900', 'J3301 x2']);
    expect(r.dx).toEqual([['L91.0'], ['L91.0']]);
  });
});

describe('a multi-specimen pathology line never lends its dx to one biopsy', () => {
  it('punch "r/o morphea", punch "for DIF (Michel\'s medium)", shave "r/o SCC" → 11104 asks for its dx; the DIF jar gets no 88305', () => {
    const r = codeNote(
      "Procedures performed today:\n1. Punch biopsy 4 mm, right upper arm - r/o morphea\n2. Punch biopsy 4 mm, left upper arm - for DIF (sent in Michel's medium)\n3. Shave biopsy left shin - r/o SCC\nClosures: #1 and #2 closed with simple interrupted 4-0 nylon.\nAll specimens to dermatopathology.\n",
    );
    // Reference §1: punch primary 11104, punch add-on 11105, tangential add-on 11103; §13.2: a suspected
    // non-neoplastic condition is not D49.2 (asked); immunofluorescence is not in the reference (asked, no 88305).
    expect(r.lines).toEqual(['11104', '11105', '11103', '88305 x2']);
    expect(r.dx).toEqual([[], ['D49.2'], ['D49.2'], ['D49.2']]);
    expect(r.findings).toContain('pathology/level-per-specimen');
    expect(r.findings).toContain('diagnosis/missing');
  });

  it('"- r/o morphea" ends with its line: the next line is not part of the clinical impression', () => {
    const e = parseNote('Procedures:\n1. Punch biopsy 4 mm, right upper arm - r/o morphea\nSpecimen to dermatopathology.\n');
    expect(e.lesions.map((l) => l.clinicalDiagnosis)).toEqual(['r/o morphea']);
  });
});

describe("a date on the note's title line dates the visit", () => {
  it.each([
    ['Clinic note 11/19/2026 Test, Patient-904 Medicare', '2026-11-19'],
    ['Derm follow-up - 2026-03-14', '2026-03-14'],
    ['Procedure note printed 11/30/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nPsoriasis, stable.\n`).visit.dateOfService).toBe(dos);
  });
});
