import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads found by probe h32 (medical side, notes 730-741) and the known misreads it fixed: each row is one general
// form, coded end to end (exact lines "code-modifiers xunits", their diagnoses and finding ids).

describe('a refusal of one treatment does not cancel another treatment done in the same item (§2.2)', () => {
  it.each([
    ['1. Verruca plana x6 - declined cantharidin; LN2 cryotherapy to 6 flat warts. B07.8', ['17110'], [['B07.8']]],
    ['1. Verruca vulgaris x3 R hand - pt declined cantharidin, LN2 x3 today.', ['17110'], [['B07.8']]],
    ['1. Verruca vulgaris x3 R hand - cantharidin deferred; LN2 x3 today.', ['17110'], [['B07.8']]],
    // The treatment told in the item's next sentence treats the kind of wart the item names (B07.8, not B07.9).
    ['1. Verruca vulgaris x3 R hand - declined cantharidin. LN2 x3 today.', ['17110'], [['B07.8']]],
    ['Assessment/Plan:\n1. Plantar wart L sole - pt declined cantharidin. LN2 x1 today.', ['17110'], [['B07.0']]],
    ['1. Verruca vulgaris x3 R hand - declined LN2, cantharidin x3 applied today.', ['17110'], [['B07.8']]],
    // The treatment after the refusal is itself only weighed or planned: nothing was done.
    ['1. Verruca vulgaris x3 R hand - declined LN2, cantharidin discussed.', [], []],
    ['1. Verruca vulgaris x3 R hand - pt declined cantharidin, LN2 and laser.', [], []],
    ['1. Verruca vulgaris x3 R hand - LN2 declined; will try cantharidin next visit.', [], []],
  ])('%s → %j', (body, lines, dx) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(lines);
    expect(r.dx).toEqual(dx);
  });

  it('planned, deferred and declined biopsies in other items code nothing and cancel nothing', () => {
    const r = codeNote(
      'Assessment/Plan:\n' +
        '1. AKs x4 scalp - LN2 x4.\n' +
        '2. Irregular nevus R shoulder - will biopsy next visit.\n' +
        '3. Pink papule L shin - pt declined bx today.\n' +
        '4. SK L back - removal deferred.\n' +
        '5. Pink papule R forearm, r/o BCC - pt declined bx today, shave bx of the L upper arm papule done (A).\n',
    );
    expect(r.lines).toEqual(['11102-59', '17000', '17003 x3', '88305']);
  });
});

describe('a punch biopsy counted over two named sites is two biopsies, in a numbered item too (§1.2)', () => {
  it.each([
    ['punch bx x2 sites: L cheek and R cheek'],
    ['1. Rash - punch bx x2 sites: L cheek and R cheek.'],
    ['1. Rash, r/o lupus vs rosacea - punch bx x2 sites: L cheek and R cheek, 4 mm, sutured.'],
    ['2) Rash - punch bx x2: R arm and L arm.'],
  ])('%s → 11104 + 11105', (body) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
  });
});

describe('acne cysts injected in an item of their own link the acne the visit names (ICD-10-CM index: acne, cystic)', () => {
  it('"ILK to 4 inflamed cysts" beside a nodulocystic acne item → L70.0, asked to verify', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Nodulocystic acne (L70.0) - continue isotretinoin 40 mg bid, labs reviewed.\n' +
        '2. ILK to 4 inflamed cysts on the cheeks, Kenalog 2.5 mg/mL, 0.1 mL each.\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301']);
    expect(r.dx).toEqual([['L70.0'], ['L70.0']]);
    expect(r.findings).toContain('diagnosis/link');
  });
  it.each([
    // The acne is told at other sites only: the cheek cysts are not taken for it.
    ['1. Acne vulgaris, back - continue doxy.\n2. ILK to 2 inflamed cysts L cheek, Kenalog 2.5 mg/mL 0.1 mL each.\n'],
    ['1. Epidermoid cyst R back - observe.\n2. ILK to inflamed cyst L cheek, Kenalog 10 mg/mL 0.2 mL.\n'],
  ])('%j keeps the generic cyst (L72.9)', (body) => {
    expect(codeNote(body).dx).toEqual([['L72.9'], ['L72.9']]);
  });
});

describe('cosmetic wording stays with its own problem line (§12.2, §12.5)', () => {
  it.each([
    [
      'Rosacea, papulopustular - flaring; restart metronidazole 0.75% gel bid.\n' +
        'Telangiectasias, nose and cheeks - discussed vascular laser, cosmetic, quoted self-pay.\n' +
        'Lesion L upper back, 6 mm pink pearly papule, r/o BCC - shave biopsy performed today after consent, specimen A to dermpath.\n',
    ],
    [
      'Rosacea - restart metronidazole gel.\nTelangiectasias, nose and cheeks - pt interested in laser; cosmetic, quoted self-pay.\nR/o BCC L upper back - shave bx done, A to path.\n',
    ],
  ])('the biopsy on the next line is billed to insurance and the E/M keeps 25', (plan) => {
    const r = codeNote(`Established patient, 99213.\nImpression/Plan:\n${plan}`);
    expect(r.lines).toEqual(['99213-25', '11102', '88305']);
    expect(r.dx[1]).toEqual(['D49.2']);
    expect(r.findings).not.toContain('cosmetic/self-pay');
  });
  it('a cosmetic line over a procedure that names no other lesion still makes it self-pay', () => {
    const r = codeNote('Assessment/Plan:\nSKs, back and chest - asymptomatic, cosmetic, pt request.\nLN2 to 4 SKs on the upper back today.\n');
    expect(r.lines).toEqual(['17110']);
    expect(r.findings).toContain('cosmetic/self-pay');
  });
});

describe('probe h32 notes 730-741: general misreads found and fixed', () => {
  it.each([
    // Sites each with a count after a colon, wrapped over two lines: added up (§2.1, 15 or more = 17004).
    ['1. Actinic keratoses (L57.0) - LN2, 2 freeze-thaw cycles each: L cheek 3, R cheek 2, forehead 4,\n   vertex scalp 6.\n', ['17004']],
    ['AKs: L cheek 3, R cheek 2. LN2 today.\n', ['17000', '17003 x4']],
    // The same count again after "per keloid" is the dose per lesion, not more keloids (§9.1).
    ['1) keloids x4 (L91.0) - ILK kenalog 20 mg/ml, 0.5 ml per keloid x4 = 2 ml = 40 mg.\n', ['11900', 'J3301 x4']],
    // A title naming two procedures over the lines that tell each is no procedure of its own.
    [
      'PROCEDURE NOTE - CRYOSURGERY AND BIOPSY\nIndication: actinic keratoses of the face; a scaly papule of the R dorsal hand, r/o SCC.\n' +
        'LN2 to 4 AKs of the face.\nShave biopsy of the 8 mm papule, R dorsal hand; specimen A to dermpath.\n',
      ['11102-59', '17000', '17003 x3', '88305'],
    ],
    // A facial peel whose depth is told in parentheses is still a peel (§12.3), cosmetic and self-pay.
    ['Glycolic acid 30% superficial (epidermal) peel, full face, 3 minutes, neutralized. Cosmetic, self-pay.\n', ['15788']],
    ['TCA 35% medium (dermal) peel, full face. Cosmetic, self-pay.\n', ['15789']],
    // A drug and its route told on two lines of one item, the line broken inside a parenthesis (§9.2).
    [
      '1) Allergic contact dermatitis due to poison ivy, widespread (L23.7): Kenalog-40 (triamcinolone acetonide\n' +
        '   40 mg/mL), 1 mL vial, 40 mg IM to the R upper outer gluteal, given by the MA.\n',
      ['96372', 'J3301 x4'],
    ],
    ['1) ACD (L23.7): Kenalog-40, 1 mL vial, drawn up by the MA for the R upper outer gluteal,\n   40 mg IM given.\n', ['96372', 'J3301 x4']],
  ])('%j → %j', (body, lines) => {
    expect(codeNote(body).lines).toEqual(lines);
    // Typed all in lower case, the same claim (the reader is not keyed on capitals).
    expect(codeNote(body.toLowerCase()).lines).toEqual(lines);
  });

  it('an E/M documented by total time whose label has a parenthesis (§10.7)', () => {
    const r = codeNote(
      'Established patient.\nA: Chronic spontaneous urticaria (L50.1).\nP: Increase cetirizine.\n' +
        'Total time spent on the date of the encounter (video, photo review, orders, documentation): 26 minutes.\n',
    );
    expect(r.lines).toEqual(['99213']);
    expect(r.dx[0]).toEqual(['L50.1']);
  });

  it.each([['Results reviewed with the patient (biopsies 11/05/2026, this office):'], ['Path results (bx 11/05/2026):']])(
    '"%s" over lettered results: earlier biopsies, neither today\'s biopsies nor billed here (§7.2)',
    (head) => {
      const r = codeNote(
        `${head}\n  A. R upper back, shave bx: basal cell carcinoma, superficial type.\n  B. L forearm, shave bx: irritated seborrheic keratosis.\n` +
          'Pt chose ED&C today.\nProcedure: ED&C of the superficial BCC, R upper back. Lesion 0.9 cm. Curettage and electrodesiccation x 3 cycles.\n',
      );
      expect(r.lines).toEqual(['17261']);
      expect(r.dx[0]).toEqual(['C44.519']);
    },
  );

  it("a one-line assessment naming the lesion by its look and site is the plan biopsy's lesion (§13.1)", () => {
    const r = codeNote(
      'NEW PATIENT VISIT\nAssessment: Atypical pigmented lesion, L mid back, r/o melanoma.\n' +
        'Plan: Deep shave (saucerization) biopsy performed today after consent. Specimen A to dermpath.\nLevel: 99203 (new patient).\n',
    );
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).not.toContain('documentation/lesion-site');
    expect(r.findings).toContain('evaluation/separately-identifiable');
  });
});
