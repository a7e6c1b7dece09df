import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { appliedCorrections } from '../../../core/parse/corrections';
import { intentOf, setServiceDate } from '../../../core/parse/lexicon';
import { findCount } from '../../../core/parse/measure';
import { clauseAround } from '../../../core/parse/procedures';
import { untickedOptions } from '../../../core/parse/unticked-options';

// Misreads found by probe h12 (visit notes in styles the golden corpus lacks, round 5); each case is one general phrasing.

const performed = (text: string) =>
  parseNote(text)
    .procedures.filter((p) => p.status === 'performed')
    .map((p) => `${p.kind}${p.count !== undefined ? ` x${p.count}` : ''}`);

describe('a template line of options: only the ticked one was done', () => {
  it.each([
    ['Type: [x] Shave/tangential  [ ] Punch  [ ] Incisional', 'Type: [x] Shave/tangential  [ ]        [ ]           '],
    ['Hemostasis: [ ] Electrocautery [X] AlCl', 'Hemostasis: [ ]                [X] AlCl'],
    ['Method: ☐ Curettage ☑ LN2', 'Method: ☐           ☑ LN2'],
    // A line whose only box opens it is left to the procedure reader (it skips the whole line).
    ['[ ] Punch biopsy', '[ ] Punch biopsy'],
    ['no boxes here: punch biopsy', 'no boxes here: punch biopsy'],
  ])('%s', (line, out) => {
    expect(untickedOptions(line)).toBe(out);
    expect(untickedOptions(line)).toHaveLength(line.length);
  });

  it('"[x] Shave [ ] Incisional [ ] Excisional" is a tangential biopsy', () => {
    expect(
      performed(
        'DOS: 11/24/2026\nProcedure #1 of 1: Biopsy\n   Type: [x] Shave/tangential  [ ] Punch  [ ] Incisional  [ ] Excisional\n   Site: L dorsal forearm\n   Specimen label: A\n',
      ),
    ).toEqual(['biopsy-tangential']);
  });
});

describe('one procedure told by the template and again in the dictated note', () => {
  it('a destruction with the same count at the same site is one destruction', () => {
    expect(
      performed(
        'DOS: 11/24/2026\nPROCEDURES\nProcedure #2 of 2: Destruction, premalignant\n   Method: LN2\n   Number of lesions: 3\n   Sites: R dorsal hand x2, L dorsal hand x1\n\nProcedure note (dictated): The three actinic keratoses on the dorsal hands were then treated with liquid nitrogen, two freeze-thaw cycles each.\n',
      ),
    ).toEqual(['destruction-premalignant x3']);
  });

  it('destructions at two sides stay two', () => {
    expect(performed('DOS: 11/24/2026\nLN2 to 3 AKs on the R dorsal hand, 2 FTC.\nLN2 to 3 AKs on the L dorsal hand, 2 FTC.\n')).toEqual([
      'destruction-premalignant x3',
      'destruction-premalignant x3',
    ]);
  });
});

describe("a procedure named beside today's work but not done today", () => {
  const intent = (text: string, word: string) => {
    const i = text.indexOf(word);
    const { clause, at } = clauseAround(text, i, i + word.length);
    return intentOf(clause, false, at);
  };
  it.each([
    ['returns to review biopsy of L nasal ala (10/30/2026 - nodular BCC)', 'biopsy', 'history'],
    ['here to discuss Mohs for the BCC', 'Mohs', 'planned'],
    ['Options reviewed (Mohs vs excision vs ED&C).', 'Mohs', 'planned'],
    ['Options reviewed (Mohs vs excision vs ED&C).', 'excision', 'planned'],
    ['RTC 12/15 (Mohs), then 3 mo.', 'Mohs', 'planned'],
    ['Keloid L shoulder - improved. No ILK today.', 'ILK', 'negated'],
    // "vs" between diagnoses is no choice between procedures.
    ['r/o BCC vs SCC - shave bx today', 'shave', 'performed'],
  ])('%s (%s) -> %s', (text, word, expected) => {
    expect(intent(text, word)).toBe(expected);
  });

  it('a past date before "was applied" is a past treatment', () => {
    setServiceDate('2026-11-25');
    const text = 'HPI: 6 yo girl w/ molluscum; last visit 10/02/2026 cantharidin was applied to 9 lesions but she developed large blisters';
    expect(intent(text, 'cantharidin')).toBe('history');
    // The same words dated today are today's treatment.
    expect(intent(text.replace('10/02/2026', '11/25/2026'), 'cantharidin')).toBe('performed');
    setServiceDate(undefined);
  });
});

describe('an addendum that corrects the note', () => {
  it('rewrites the wrong site and count before it and blanks itself', () => {
    const note =
      'A/P:\n1. ISK - shave removal, L upper back, 0.8 cm.\n2. AK x5, scalp - LN2.\n\nADDENDUM 11/24/2026:\nCorrection: the shaved lesion was on the L posterior neck, not the L upper back.\nCorrection: 3 AKs were treated, not 5.\n';
    const out = appliedCorrections(note);
    expect(out).toContain('shave removal, L posterior neck, 0.8 cm.');
    expect(out).toContain('AK x3, scalp');
    expect(out).not.toMatch(/Correction/);
  });

  it.each([
    ["'L cheek' should read 'R cheek'.", 'Shave bx L cheek.\n', 'Shave bx R cheek.'],
    ['correction: three warts not four.', 'LN2 to four warts, R hand.\n', 'LN2 to 3 warts, R hand.'],
    ['Addendum: Correction - 4 AKs treated (not 6).', 'AK x6 scalp - LN2.\n', 'AK x4 scalp - LN2.'],
  ])('%s', (fix, before, after) => {
    expect(appliedCorrections(`${before}${fix}\n`)).toContain(after);
  });

  it('a technique corrected for one jar changes only the lines naming that jar', () => {
    const out = appliedCorrections(
      '1. Plaque L thigh - shave biopsy, spec A.\n2. Nevus R shoulder - shave biopsy, spec B.\nATTENDING ADDENDUM: Correction: specimen A was obtained by 4 mm punch, not shave - full thickness needed.\n',
    );
    expect(out).toContain('L thigh - 4 mm punch biopsy, spec A.');
    expect(out).toContain('R shoulder - shave biopsy, spec B.');
  });

  it.each([
    // One site on the wrong side: its side word flips, the other side's sites stay.
    [
      'Wart L index finger - LN2.\nCallus R plantar foot - pared.\nAddendum: site was R, not L - the wart is on the right index finger.\n',
      'Wart R index finger - LN2.\nCallus R plantar foot',
    ],
    // Two different sites on the wrong side: which one is meant is not clear, nothing changes.
    ['Wart L index finger - LN2.\nSK L cheek - LN2.\nAddendum: site was R, not L.\n', 'Wart L index finger - LN2.\nSK L cheek'],
  ])('side-only correction: %s', (note, kept) => {
    expect(appliedCorrections(note)).toContain(kept);
  });

  it('a correction with nothing to match changes nothing', () => {
    const note = 'Shave bx L cheek.\nCorrection: the patient is 71, not 17.\n';
    expect(appliedCorrections(note)).toBe(note);
  });
});

describe('counts, repairs, stains and level lines read as written', () => {
  it.each([
    // A plain "N lesions" equal to the count so far totals it.
    ['AKs x4 (L57.0), scalp and temples - LN2, 2 FTC each, 4 lesions.', 4],
    ['12 AKs face, 4 AKs scalp', 16],
  ])('%s -> %d', (text, n) => {
    expect(findCount(text)).toBe(n);
  });

  it('a dated earlier biopsy in the history is no biopsy today', () => {
    expect(
      performed(
        'DOS: 11/20/2026\nHPI: 81 yo F. Shave bx R anterior shin 11/02/2026 at this office - path: superficial BCC. Here for treatment.\n\nProcedure: ED&C, R anterior shin, superficial BCC, lesion 1.2 cm, 3 cycles.\n',
      ),
    ).toEqual(['destruction-malignant']);
  });

  it('"E/M: 99213 w/ modifier 25 - … separate from the wart destruction" adds no procedure', () => {
    expect(
      performed(
        'DOS: 11/25/2026\nAssessment/Plan:\n1. Verruca vulgaris L thumb - LN2 cryotherapy x1 lesion, 2 FTC.\nE/M: 99213 w/ modifier 25 - AK field therapy with new prescription, separate from the wart destruction.\n',
      ),
    ).toEqual(['destruction-benign x1']);
  });

  it('"Paring prior to freezing: Yes" is a step of the destruction template, whose count field follows', () => {
    expect(
      performed(
        'DOS: 11/23/2026\nPROCEDURE - DESTRUCTION BENIGN LESIONS\nMethod: liquid nitrogen, 2 freeze-thaw cycles\nParing prior to freezing: Yes (plantar lesions)\nLesions treated: fourteen - the L knee wart was NOT treated today\nPathology: No\n',
      ),
    ).toEqual(['destruction-benign x14']);
  });

  it('buried interrupted sutures under "simple interrupted" skin sutures are a layered (intermediate) closure', () => {
    const e = parseNote(
      'DOS: 11/24/2026\nExcision of cyst, R upper back, excised diameter 2.2 cm. The wound edges were undermined approximately 0.5 cm on each side (defect width 2.2 cm). The subcutaneous tissue and deep dermis were reapproximated with buried interrupted 3-0 Monocryl, and the epidermis with 4-0 nylon simple interrupted sutures. Final wound length 5.4 cm.\n',
    );
    const repair = e.procedures.find((p) => p.kind === 'repair');
    expect(repair?.repairLevel).toBeUndefined();
    expect(repair?.repairFeatures).toEqual({ layered: true, undermining: 'limited' });
  });

  it('undermining told with a longer phrase before its distance', () => {
    const e = parseNote(
      'DOS: 11/24/2026\nExcision of pilar cyst, L parietal scalp, excised diameter 1.4 cm. Defect width 1.4 cm; undermining was carried out in the subgaleal plane 2 cm along both wound edges. The galea was closed with 3-0 Vicryl buried sutures and the skin with staples. Repaired length 4.0 cm.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'repair')?.repairFeatures?.undermining).toBe('extensive');
  });

  it('an antibody named again in parentheses is one stain', () => {
    const e = parseNote(
      'SURGICAL PATHOLOGY REPORT\nDate: 11/19/2026\nFINAL DIAGNOSIS:\nA. Skin, R forearm, shave biopsy: squamous cell carcinoma in situ. A pancytokeratin (AE1/AE3) immunostain confirms the keratinocytic nature of the cells.\nB. Skin, R back, punch: melanoma in situ. MART-1 (Melan-A) and SOX10 highlight junctional melanocytes.\n',
    );
    expect(e.pathology.map((r) => r.ihc?.length ?? 0)).toEqual([1, 2]);
  });
});

describe('an exam sign seen after paring', () => {
  it('"thrombosed capillaries after paring" in the exam is no paring procedure', () => {
    expect(
      performed('DOS: 11/24/2026\nExam: R plantar 1st MTP: 1.5 cm yellow hyperkeratotic plaque without pinpoint vessels after paring (callus).\n'),
    ).toEqual([]);
  });
});

describe('counts told another way', () => {
  it.each([
    ['AKs - fourteen (14) treated with LN2, face and scalp.', 14],
    ['Warts - LN2 to nine warts L hand and five R hand, 2 FTC.', 14],
    ['5 AKs scalp, 3 forehead', 8],
    // A cycle count or a time after "and" is no second count.
    ['LN2 to 6 AKs on the scalp and 2 FTC', 6],
    ['6 warts R hand, 2 weeks ago', 6],
  ])('%s -> %d', (text, n) => {
    expect(findCount(text)).toBe(n);
  });
});
