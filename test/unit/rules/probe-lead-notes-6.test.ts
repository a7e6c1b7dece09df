import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { globalOfWords } from '../../../core/rules/checks/global-period';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 6), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('the date of service on a header line beside other fields, or set off in a title', () => {
  it.each([
    ['Patient: Test, Patient-605   Date: 11/23/2026', '2026-11-23'],
    ['Dermatology clinic - 11/24/2026 - Test, Patient-606 (commercial)', '2026-11-24'],
    ['Test, Patient-608 - Excision note - 11/25/2026', '2026-11-25'],
    ['Progress note | 2026-11-24 | Test, Patient-609', '2026-11-24'],
    ['11/22/2026  Test, Patient-623', '2026-11-22'],
    ['MOHS SURGERY 11/25/2026 - Test, Patient-626', '2026-11-25'],
    // Another day's date is no date of service.
    ['Last visit 10/01/2026', undefined],
    ['Next visit: 12/01/2026', undefined],
    ['Test, Patient-610 - referred by Dr. Roe, clinic note 10/01/2026', undefined],
    ['Patient: Test, Patient-611   Date printed: 11/30/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nPsoriasis, stable on topicals.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('dash bullets under an assessment heading are problems of their own', () => {
  const note =
    'SUBJECTIVE: 34 yo F new pt here for acne and a mole check.\nASSESSMENT:\n- Acne vulgaris, moderate - start tretinoin 0.025% cream qhs, doxycycline 100 mg BID x 3 months.\n- Atypical nevus R shin vs melanoma - punch biopsy 4 mm today, 1 suture 4-0 nylon.\nPLAN: f/u 2 wks suture removal.\nE/M: 99203\n';
  it('reads each bullet as one problem, the prescription managing the first', () => {
    expect(parseNote(note).visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([
      ['Acne vulgaris, moderate', true],
      ['Atypical nevus R shin vs melanoma', false],
    ]);
  });
  it('so the new-patient E/M is separately identifiable: 99203-25 for L70.0 beside the punch biopsy', () => {
    const r = codeNote(note, { payer: 'commercial' });
    // Reference §10.1: an E/M with 25 needs a separately identifiable problem beyond the decision for the procedure.
    expect(r.lines).toEqual(['99203-25', '11104', '88305']);
    // "Atypical nevus R shin vs melanoma": a differential with a cancer is of uncertain nature before pathology (§13.2: D49.2).
    expect(r.dx).toEqual([['L70.0'], ['D49.2'], ['D49.2']]);
  });
  it('a deeper bullet stays with its problem, and advice under the plan is no problem', () => {
    const e = parseNote('Plan:\n- AKs: LN2 to 5 lesions.\n   - discussed risks of blistering\n- Sunscreen counseling. RTC 6 mo.\n');
    expect(e.visit.problems.map((p) => p.text)).toEqual(['AKs']);
  });
});

describe('E/M without a separate problem stays off the claim', () => {
  it('"Plan: - AKs: LN2 …  - Inflamed SKs x3 … - Sunscreen counseling. RTC 6 mo." + "Level of service: 99213" → no E/M line', () => {
    const draft = codeEncounter(
      parseNote(
        'DOS: 08/18/2026\nPlan:\n- AKs: LN2 cryotherapy to 22 lesions total (face 9, scalp 8, hands 5).\n- Inflamed SKs x3, symptomatic (itch, bleeding): LN2 destruction x3.\n- Sunscreen counseling. RTC 6 mo.\n\nLevel of service: 99213\n',
      ),
      Settings.parse({ payer: 'medicare' }),
    );
    expect(draft.lines.map((l) => `${l.code} x${l.units}`)).toEqual(['17004 x1', '17110 x1']);
    expect(draft.findings.map((f) => f.rule)).toContain('evaluation/separately-identifiable');
  });
});

describe('benign destructions of two lesion kinds, each with its own count, add up', () => {
  it('"Verruca vulgaris R hand x 6, L hand x 4, L knee x 2. Destroyed with LN2, 12 lesions total." + "Molluscum contagiosum trunk - curettage of 9 lesions." → 17111 for B07.8 and B08.1', () => {
    const r = codeNote(
      'Wart clinic. 9 yo M with common warts.\nVerruca vulgaris R hand x 6, L hand x 4, L knee x 2. Destroyed with LN2, 12 lesions total.\nMolluscum contagiosum trunk - curettage of 9 lesions.\nMom consented. Return 3-4 weeks.\n',
    );
    // Reference §2.2: 17110 is 1-14 benign lesions and 17111 is 15 or more, counted over the session: 12 + 9 = 21.
    expect(r.lines).toEqual(['17111']);
    expect(r.dx).toEqual([['B07.8', 'B08.1']]);
  });
});

describe('intralesional doses given per lesion add up on the drug line', () => {
  it.each([
    'Keloid R earlobe: ILK triamcinolone 40 mg/mL, 0.5 mL injected (20 mg). Keloid L earlobe: 0.3 mL (12 mg).',
    'Keloids R and L earlobes: ILK triamcinolone 40 mg/mL, R 0.5 mL (20 mg), L 0.3 mL (12 mg).',
    'ILK triamcinolone 40 mg/mL to keloid R earlobe 0.5 mL and keloid L earlobe 0.3 mL.',
  ])('%s → J3301 x4 (32 mg)', (note) => {
    // Reference §9.1: J3301 is per 10 mg, partial units rounded up: 20 + 12 = 32 mg → 4 units.
    expect(codeNote(`${note}\n`).lines).toEqual(['11900', 'J3301 x4']);
  });
  it('one dose per lesion times the lesions stays as it was: 0.3 mL of 10 mg/mL per lesion to 4 lesions → 12 mg, J3301 x2', () => {
    expect(codeNote('ILK Kenalog 10 mg/mL, 0.3 mL per lesion to 4 lesions of hypertrophic scar.\n').lines).toEqual(['11900', 'J3301 x2']);
  });
});

describe('a removal the patient asked for, then told as done', () => {
  it('"Patient requests removal of skin tags on neck for cosmetic reasons - 8 tags snipped. Patient will self-pay." → 11200 self-pay', () => {
    const draft = codeEncounter(
      parseNote('DOS: 11/24/2026\nAlso patient requests removal of skin tags on neck for cosmetic reasons - 8 tags snipped. Patient will self-pay.\n'),
      Settings.parse({}),
    );
    // Reference §2.2: 11200 up to 15 tags; §12.5: cosmetic lines are self-pay, Z41.1 first.
    expect(draft.lines.map((l) => [l.code, l.billing, l.dx])).toEqual([['11200', 'self-pay', ['Z41.1', 'L91.8']]]);
  });
  it('"Pt wants SK on R temple removed for cosmetic reasons. Will schedule." stays a wish', () => {
    expect(codeNote('Pt wants SK on R temple removed for cosmetic reasons. Will schedule.\n').lines).toEqual([]);
  });
});

describe('the lesion line before an excision, or under an excision note title, is its clinical diagnosis', () => {
  it.each([
    'Epidermal inclusion cyst, L upper back, 2.1 cm, inflamed previously, now quiet.\nElliptical excision, cyst removed intact. Excised diameter 2.5 cm (lesion + 2 mm margins).\nIntermediate closure with layered sutures, 3.0 cm.\n',
    'Test, Patient-608 - Excision note\nEpidermal inclusion cyst, L upper back, 2.1 cm, inflamed previously, now quiet.\nElliptical excision, cyst removed intact. Excised diameter 2.5 cm (lesion + 2 mm margins).\nIntermediate closure with layered sutures, 3.0 cm.\n',
  ])('%s → L72.0, not L72.9', (note) => {
    const r = codeNote(note);
    // Reference §3.1/§3.3: excised diameter 2.5 cm, trunk → 11403; §4.3: intermediate 3.0 cm → 12032; ICD-10-CM L72.0 epidermal cyst.
    expect(r.lines).toEqual(['11403', '12032', '88304']);
    expect(r.dx).toEqual([['L72.0'], ['L72.0'], ['L72.0']]);
  });
  it('"seborrheic keratosis R flank, inflamed, shave removal, 0.8 cm" → L82.0; "SK, not inflamed" stays L82.1', () => {
    expect(codeNote('Seborrheic keratosis R flank, inflamed, bleeding with clothing - shave removal, 0.8 cm.\n').dx).toEqual([['L82.0']]);
    expect(codeNote('Seborrheic keratosis R flank, not inflamed, catches on clothing - shave removal, 0.8 cm.\n').dx).toEqual([['L82.1']]);
  });
});

describe('a prior procedure named only in words still has its global period', () => {
  const note = (days: number, date: string) =>
    `Test, Patient-621, Medicare\nPost-op check, ${days} days after excision of SCC L forearm on ${date}. Wound healing well, sutures removed.\nNew today: 2 AKs on scalp, treated with LN2.\n`;
  it('12 days after an excision (010): outside its global, no warning', () => {
    const r = codeNote(note(12, '11/08/2026'), { payer: 'medicare' });
    expect(r.lines).toEqual(['17000', '17003']);
    expect(r.findings).not.toContain('checks/global-period');
  });
  it('6 days after it: inside, so the destruction asks for 58, 78 or 79', () => {
    expect(codeNote(note(6, '11/14/2026'), { payer: 'medicare' }).findings).toContain('checks/global-period');
  });
  it.each([
    ['excision of SCC L forearm', '010'],
    ['Mohs with rotation flap repair', '090'],
    ['shave biopsy R cheek', '000'],
    ['Mohs surgery of the nose', '000'],
    ['the procedure', undefined],
  ])('%s → %s', (words, global) => {
    expect(globalOfWords(words)).toBe(global);
  });
});

describe('a PDT template', () => {
  it('"PROCEDURE: Photodynamic therapy" + "Dx: AKs face and scalp" + "Levulan … applied to face and scalp by MA …" + "Debridement: none." → one 96567 and J7308', () => {
    const r = codeNote(
      'PROCEDURE: Photodynamic therapy\nDx: Actinic keratoses, face and scalp, >20 lesions\nLevulan Kerastick (aminolevulinic acid 20%) applied to face and scalp by MA, incubated 1 hour, then blue light illumination 16 min 40 sec by MA.\nDebridement: none.\n',
      { payer: 'medicare' },
    );
    // Reference §8.2: PDT is one code a day; staff-applied without debridement is 96567; §8.3 J7308 per Kerastick.
    expect(r.lines).toEqual(['96567', 'J7308-JZ']);
    expect(r.findings).not.toContain('other-procedures/debridement');
  });
});

describe('lines under a one-line chief complaint that are not history-taking are the note itself', () => {
  it('"CC: rash x 3 weeks, and spot on nose." then "Contact dermatitis hands - started …" and "… r/o BCC - shave biopsy today." → 11102 + 88305', () => {
    const r = codeNote(
      'Test, Patient-634, est pt\nCC: rash x 3 weeks, and spot on nose.\nContact dermatitis hands - started triamcinolone 0.1% ointment BID, avoid nickel, patch testing discussed.\nLesion R nasal ala, pearly papule 5 mm, r/o BCC - shave biopsy today.\nTotal time 25 minutes.\n',
    );
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
  it('"CC: rash" then "Pt reports itching x3 weeks, tried hydrocortisone." stays history: no procedure from it', () => {
    expect(codeNote('CC: rash\nPt reports itching x3 weeks, had a shave biopsy last year.\n').lines).toEqual([]);
  });
});

describe('a biopsy named for its earlier result, or as what was not done, is no biopsy today', () => {
  it.each([
    ['Excision atypical nevus (severe atypia on bx) L thigh, 0.5 cm with 2 mm margins -> 0.9 cm, simple closure 1.5 cm.', ['11401', '88305']],
    ['Excision of dysplastic nevus L thigh, severe atypia on biopsy, excised diameter 0.9 cm.', ['11401', '88305']],
    ['Shave removals (not biopsies):\n- Mid back, 2.2 cm inflamed SK - shave removal', ['11303']],
  ])('%s → %j', (note, lines) => {
    // Reference §3.1/§3.3: benign excision by excised diameter 0.9 cm on the leg → 11401; §3.4: shave removal trunk > 2.0 cm → 11303.
    expect(codeNote(`${note}\n`).lines).toEqual(lines);
  });
});
