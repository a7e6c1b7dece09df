import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 4), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a KOH done in the exam, its result cited under the problem in the plan', () => {
  it('"KOH performed in office: positive for hyphae" + "1. Tinea corporis (B35.4): KOH positive." → 87220 for B35.4', () => {
    const r = codeNote(
      'Exam: annular scaly plaques on trunk and arms; KOH performed in office: positive for hyphae.\nA/P:\n1. Tinea corporis (B35.4): KOH positive. Start terbinafine 1% cream BID x 4 weeks.\n2. Seborrheic keratoses, back: benign, reassured.\n',
    );
    expect(r.lines).toEqual(['87220']);
    expect(r.dx).toEqual([['B35.4']]);
  });
});

describe('benign destructions of two lesion kinds on one line each', () => {
  it('17 warts (LN2) + "Molluscum contagiosum, trunk (B08.1): curettage of 6 lesions" → one 17111 for both (reference §2.2)', () => {
    const r = codeNote(
      'Verruca vulgaris, numerous, both hands and fingers (B07.8). Cryotherapy with LN2 to 17 warts, 2 freeze-thaw cycles each.\nMolluscum contagiosum, trunk (B08.1): curettage of 6 lesions.\n',
    );
    expect(r.lines).toEqual(['17111']);
    expect(r.dx).toEqual([['B07.8', 'B08.1']]);
  });
});

describe('a code the provider wrote that the ICD-10-CM subset does not hold', () => {
  it('"Laceration of the L forehead … (S01.81XA)" + simple repair 3.2 cm → 12013, the code named for verification, never linked unchecked', () => {
    const r = codeNote(
      'Laceration of the L forehead, 3.2 cm, from a fall at home today (S01.81XA).\nIrrigated, explored: no foreign body. Simple repair with 6-0 nylon interrupted sutures, length 3.2 cm.\n',
    );
    expect(r.lines).toEqual(['12013']);
    expect(r.dx).toEqual([[]]);
    expect(r.findings).toEqual(['diagnosis/unmapped', 'diagnosis/missing']);
  });
});

describe('an ulcer described before the procedure section', () => {
  it('"Venous stasis ulcer, R medial lower leg, 6 x 4 cm" + debridement 24 sq cm + Apligraf 24 sq cm → 15271, 11042, 11045; the ulcer named for its dx', () => {
    const r = codeNote(
      '\nVenous stasis ulcer, R medial lower leg, 6 x 4 cm (24 sq cm), nonhealing x 4 months.\nProcedure: selective debridement of devitalized tissue to healthy bleeding subcutaneous tissue with curette, 24 sq cm. Then application of a skin substitute (Apligraf) 24 sq cm to the ulcer.\n',
      { payer: 'medicare' },
    );
    // Reference §5.2: skin substitute on the leg, first 25 sq cm; §14: subcutaneous debridement first 20 sq cm + each 20 more.
    expect(r.lines).toEqual(['15271', '11042', '11045']);
    expect(r.findings).toContain('diagnosis/unmapped');
  });
});

describe('two diagnoses on one line, then a procedure for each', () => {
  it('"nodular BCC of the R nasal tip (C44.311) and SCC in situ of the L dorsal hand (D04.62)" + Mohs + excision → each its own dx; "a 1.2 cm intermediate repair" read', () => {
    const r = codeNote(
      'Biopsy-proven nodular BCC of the R nasal tip (C44.311) and SCC in situ of the L dorsal hand (D04.62).\nMohs R nasal tip: stage 1 (2 blocks) positive; stage 2 (1 block) clear; defect 1.0 cm, closed with a 1.2 cm intermediate repair.\nL dorsal hand: excision with 4 mm margins, excised diameter 1.6 cm, intermediate repair 3.0 cm; specimen A to dermpath.\n',
      { payer: 'medicare' },
    );
    // Reference §6, §3.3, §4.3: Mohs head 17311 + 17312; face intermediate ≤2.5 cm 12051; hand excision 1.6 cm 11622; hand intermediate 3.0 cm 12042.
    expect(r.lines).toEqual(['11622', '17311', '17312', '12051', '12042', '88305']);
    expect(r.dx).toEqual([['D04.62'], ['C44.311'], ['C44.311'], ['C44.311'], ['D04.62'], ['D04.62']]);
  });
});

describe('a template of procedure titles, each over its own fields', () => {
  it('"Biopsy - Shave" / "Biopsy - Punch" / "Destruction - Premalignant" blocks → three procedures', () => {
    const r = codeNote(
      [
        '',
        'Biopsy - Shave',
        'Location: R lateral nasal sidewall',
        'Clinical impression: BCC',
        'Specimen: A',
        '',
        'Biopsy - Punch',
        'Location: L medial thigh',
        'Punch size: 4 mm',
        'Specimen: B',
        '',
        'Destruction - Premalignant',
        'Location: scalp, forehead',
        'Number of lesions: 17',
        'Method: liquid nitrogen',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    // Reference §1.2: punch is the primary biopsy, the shave its add-on; §2.1: 15 or more premalignant lesions → 17004 alone.
    expect(r.lines).toEqual(['11104-XS', '11103', '17004', '88305 x2']);
  });

  it('"Shave biopsy R cheek." then a blank line and "Biopsy site dressed." stays one biopsy', () => {
    expect(codeNote('Shave biopsy R cheek, specimen A.\n\nBiopsy site dressed with petrolatum.\n').lines).toEqual(['11102', '88305']);
  });
});

describe('a template repair titled "Repair - Intermediate"', () => {
  it('"Excision - Malignant" fields, then "Repair - Intermediate" / "Length: 4.5 cm" → 11602 + 12032', () => {
    const r = codeNote(
      '\nExcision - Malignant\nLocation: L upper back\nDiagnosis: SCC, well differentiated (biopsy 10/20/2026)\nLesion size: 1.2 cm\nMargins: 4 mm\nExcised diameter: 2.0 cm\nSpecimen: A\n\nRepair - Intermediate\nLocation: L upper back\nLength: 4.5 cm\nLayers: 3-0 Vicryl deep, 4-0 nylon cutaneous\n',
    );
    // Reference §3.3: trunk malignant 1.1-2.0 cm → 11602; §4.3: trunk intermediate 2.6-7.5 cm → 12032.
    expect(r.lines).toEqual(['11602', '12032', '88305']);
  });
});

describe('a problem line, then its "Plan:" heading with the procedure', () => {
  it('"Problem 1: SCC, R shin …" / "Plan: excision today. …" / "Problem 2: … new Rx" / "99213-25" → the excision at the shin, E/M-25', () => {
    const r = codeNote(
      'Established patient\n\nProblem 1: Squamous cell carcinoma, R shin, 1.4 cm, biopsy-proven (path 11/10/2026: SCC, well differentiated).\nPlan: excision today. Excised with 4 mm margins, excised diameter 2.2 cm. Intermediate closure 5.0 cm. Sent to path (A).\nProblem 2: Seborrheic dermatitis of the face and scalp (L21.9): ketoconazole 2% cream and shampoo, new Rx.\nLevel: 99213-25.\n',
      { payer: 'medicare' },
    );
    // Reference §3.3: leg, malignant, 2.1-3.0 cm → 11603; §4.3: 12032; §10.1: the separate problem with a new Rx keeps 25.
    expect(r.lines).toEqual(['99213-25', '11603', '12032', '88305']);
    expect(r.dx).toEqual([['L21.9'], ['C44.722'], ['C44.722'], ['C44.722']]);
  });
});

describe('a counted header over bulleted items', () => {
  it('"Punch biopsies x3 …:" then three "- 4 mm punch … (A|B|C)" bullets → three biopsies, not four', () => {
    const r = codeNote(
      'Punch biopsies x3 of a blistering eruption on the trunk:\n- 4 mm punch, lesional, L flank, for H&E (A)\n- 4 mm punch, perilesional, L flank, for DIF (B)\n- 4 mm punch, lesional, R upper back, for H&E (C)\nAll closed with 4-0 nylon.\n',
    );
    // Reference §1.2: one primary punch, each further punch its add-on.
    expect(r.lines.slice(0, 2)).toEqual(['11104', '11105 x2']);
  });
});
