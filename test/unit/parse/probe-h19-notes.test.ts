import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { intentOf, setServiceDate } from '../../../core/parse/lexicon';
import { splitSections } from '../../../core/parse/sections';
import { findTriggers } from '../../../core/parse/triggers';
import { untickedOptions } from '../../../core/parse/unticked-options';

// Misreads found by probe h19 (visit notes in styles the golden corpus lacks, round 7); each case is one general phrasing.

describe('tags counted in words without "skin"', () => {
  it.each([
    ['all thirty-one tags were removed with sterile curved iris scissors', ['tag']],
    ['12 tags snipped at the base', ['tag']],
    ['both tags were clipped', ['tag']],
    ['price tags removed from the samples', []],
  ])('%s -> %j', (text, families) => {
    expect(findTriggers(text).map((t) => t.family)).toEqual(families);
  });

  it('"thirty-one tags were removed" is one tag removal of 31', () => {
    const e = parseNote('DOS: 11/23/2026\nProcedure: after consent, all thirty-one tags were removed with curved iris scissors at the base.\n');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['skin-tag-removal', 31]]);
  });
});

describe('a decimal point is no clause end', () => {
  it('"(shave, here), 0.8 cm -> ED&C" measures 0.8 cm, not 8 cm', () => {
    const e = parseNote('DOS: 11/25/2026\n- SCCIS R dorsal hand, bx-proven 11/04 (shave, here), 0.8 cm -> ED&C x3\n');
    const edc = e.procedures.find((p) => p.kind === 'destruction-malignant');
    const lesion = e.lesions.find((l) => l.label === edc?.lesionLabels[0]);
    expect(edc?.text).toBe('0.8 cm -> ED&C x3');
    expect(lesion?.clinicalSizeCm).toBe(0.8);
  });
});

describe('another date carried forward into the note', () => {
  it.each([
    ['*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***', 'history'],
    ['Previous visit (copied forward):', 'history'],
    ['Prior note - 10/02/2026:', 'history'],
    ['Copied forward from last visit:', 'history'],
  ])('"%s" opens a %s section', (title, role) => {
    expect(splitSections(`DOS 11/24/2026\n${title}\nLN2 x8 AKs.\nAssessment: AK`, 'note').map((s) => s.role)).toEqual(['header', role, 'assessment']);
  });

  it.each(['Previous visits', 'Last visit: 10/02/2026', 'Last visit 10/02/2026 LN2 to 8 AKs.'])('"%s" is no title', (line) => {
    expect(splitSections(`${line}\nLN2 x2 AKs today.`, 'note').map((s) => s.role)).toEqual(['note']);
  });

  it("the copied note's own headings up to its end line stay history; without an end line the next heading ends it", () => {
    const closed = 'DOS 11/24/2026\nPrevious visit (copied forward):\nAssessment: LN2 x8 AKs\nToday:\nAssessment: AK, LN2 x2\n';
    expect(splitSections(closed, 'note').map((s) => s.role)).toEqual(['header', 'history', 'note', 'assessment']);
    const open = 'DOS 11/24/2026\nPrevious visit (copied forward):\nAssessment: LN2 x8 AKs\nPlan: LN2 x2 today\n';
    expect(splitSections(open, 'note').map((s) => s.role)).toEqual(['header', 'history', 'assessment', 'assessment']);
  });

  it('a carried-forward block shown as a web page (its plan heading on a line of its own) is not coded', () => {
    const e = parseNote(
      'Visit Date: 11/24/2026\n*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***\nAssessment/Plan:\n1. Shave biopsy L upper arm, specimen A.\n2. LN2 x 8 AKs.\n*** END CARRIED-FORWARD TEXT ***\nTODAY 11/24/2026\nAssessment/Plan:\n 1. AKs x3 forehead - LN2, 2 cycles each.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 3]]);
    expect(e.specimens).toEqual([]);
  });

  it("a carried-forward plan is not coded; today's plan is", () => {
    const e = parseNote(
      'Visit Date: 11/24/2026\n*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***\n| A/P: shave biopsy L upper arm, specimen A; LN2 x 8 AKs.\n*** END ***\n\nAssessment/Plan:\n 1. AKs x3 forehead - LN2, 2 cycles each.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 3]]);
    expect(e.specimens).toEqual([]);
  });
});

describe('a history paragraph typed on one long line', () => {
  it('"Interval history: …" longer than a heading line still opens the history: its dated biopsy is not today\'s', () => {
    const long = `Interval history: 71 yo F, last FBSE 11/2025. BCC R forearm shave-biopsied here 10/29/2026 (superficial and nodular BCC) - she chose ED&C. ${'Hand eczema worse since she started volunteering, cracking knuckles. '.repeat(3)}`;
    const e = parseNote(`Visit date: 11/23/2026\n${long}\n\nA/P:\n1. BCC R forearm - ED&C, lesion 0.7 cm.\n`);
    expect(splitSections(long, 'note').map((s) => s.role)).toEqual(['history']);
    expect(e.procedures.map((p) => p.kind)).toEqual(['destruction-malignant']);
  });
});

describe('dates that make a procedure word history', () => {
  it.each([
    ['BCC R forearm shave-biopsied here 10/29/2026 (superficial and nodular BCC).', 'shave', 'history'],
    ['KOH + culture 9/2026 positive for T. rubrum; failed terbinafine 12 wk.', 'KOH', 'history'],
    ['KOH 11/2026 today, hyphae seen.', 'KOH', 'performed'],
    ['biopsy of a lesion biopsied elsewhere 10/28/2026', 'biopsy', 'performed'],
  ])('%s -> %s', (clause, word, intent) => {
    setServiceDate('2026-11-23');
    expect(intentOf(clause, false, clause.indexOf(word))).toBe(intent);
  });
});

describe('biopsy words that name no further biopsy', () => {
  it('a "BIOPSY PROCEDURE NOTE" title over three biopsies told with their techniques is no fourth biopsy', () => {
    const e = parseNote(
      'DOS: 11/20/2026\nBIOPSY PROCEDURE NOTE\n\nIndication: tender nodules of both shins.\n\nLesion 1 - L anterior shin.\n  Technique: incisional biopsy - wedge into the fat. Bottle 1.\n\nLesion 2 - R volar forearm.\n  Technique: 4 mm punch biopsy. Bottle 2.\n',
    );
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-incisional', 'biopsy-punch']);
  });

  it('"… which is separate from the biopsy." after a shave biopsy is no second biopsy', () => {
    const e = parseNote(
      'Encounter date: 11/24/2026\nAssessment and Plan\nPigmented papule R upper back (D49.2): shave biopsy today. Specimen A.\n\nLevel of service: 99214-25 for the acne management, which is separate from the biopsy.\n',
    );
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential']);
  });

  it('a biopsy of its own, told with "the biopsy" and a site, stays', () => {
    const e = parseNote('DOS: 11/24/2026\nPlan: 4 mm punch biopsy L shin, specimen A.\nThe biopsy of the R forearm was a shave, specimen B.\n');
    expect(e.procedures).toHaveLength(2);
  });
});

describe("the biopsied lesion's result follow-up is no other problem managed", () => {
  it('"Will call w/ path; next steps depend on result (… Mohs referral)" is not managed apart from the biopsy', () => {
    const e = parseNote(
      'DOS 11/23/2026\nImp: r/o SCC R lower leg (D49.2).\nPlan: 4 mm punch bx today. Spec A to dermpath.\nWill call w/ path; next steps depend on result (ED&C vs excision vs Mohs referral).\nCharges: 99213-25, 11104.\n',
    );
    expect(e.visit.problems.some((p) => p.separatelyManaged)).toBe(false);
  });
});

describe('a note typed in lower case keeps its ICD-10 codes in capitals', () => {
  it('"acne … (L70.0): start isotretinoin" under a bare heading is a problem managed apart', () => {
    const e = parseNote(
      'dos 11/24/2026\nassessment and plan\nnodulocystic acne with scarring (l70.0): severe. start isotretinoin 40 mg daily.\n\natypical papule r upper back (d49.2): shave biopsy today.\n',
    );
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([
      ['nodulocystic acne with scarring', true],
      ['atypical papule r upper back', false],
    ]);
  });
});

describe('radio buttons ticked with a dot', () => {
  it.each([
    ['Pathology .... (•) Sent - Specimen A, in-house   ( ) Not sent', 'Pathology .... (•) Sent - Specimen A, in-house   ( )         '],
    ['Performed .... ( ) Yes   (•) No - deferred', 'Performed .... ( )       (•) No - deferred'],
    ['Method: (*) LN2 ( ) Curettage', 'Method: (*) LN2 ( )          '],
  ])('%s', (line, out) => {
    expect(untickedOptions(line)).toBe(out);
  });

  it('a shave removal whose "(•) Sent - Specimen A" is ticked sends specimen A', () => {
    const e = parseNote(
      'Date of Service: 11/23/2026\n[Procedure 1] Shave removal\n  Type ......... (•) Shave removal   ( ) Shave biopsy\n  Location ..... L posterior neck\n  Lesion diameter ...... 0.4 cm\n  Pathology .... (•) Sent - Specimen A, in-house   ( ) Not sent\n',
    );
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
  });
});

describe('an ancillary-studies table with a part column', () => {
  it('"Part | Block | Study | Result" rows are each part\'s stains and antibodies, not its diagnosis', () => {
    const e = parseNote(
      'SURGICAL PATHOLOGY REPORT\nDate reported: 11/19/2026\n\nFINAL DIAGNOSIS\nA. SKIN, LEFT FOREARM, PUNCH BIOPSY:\n   - Granulomatous dermatitis.\nB. SKIN, RIGHT THIGH, SHAVE BIOPSY:\n   - Lymphomatoid papulosis, type A.\n\nANCILLARY STUDIES\nPart | Block | Study        | Result\nA    | A1    | PAS-D        | negative for fungi\nA    | A1    | Fite         | negative\nA    | A1    | Colloidal iron | no increased mucin\nB    | B1    | CD3 (IHC)    | positive\nB    | B1    | CD30 (IHC)   | strongly positive\n',
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.diagnosisText.slice(0, 13), r.stains.map((s) => s.name), r.ihc.map((i) => i.antibody)])).toEqual([
      ['A', 'Granulomatous', ['PAS-D', 'Fite', 'Colloidal iron'], []],
      ['B', 'Lymphomatoid ', [], ['CD3', 'CD30']],
    ]);
  });
});
