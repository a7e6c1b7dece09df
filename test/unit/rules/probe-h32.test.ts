import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads found by probe h32 (medical side, notes 730-741) and the known misreads it fixed: each row is one general
// form, coded end to end (exact lines "code-modifiers xunits", their diagnoses and finding ids).

describe('a refusal of one treatment does not cancel another treatment done in the same item (§2.2)', () => {
  it.each([
    ['1. Verruca plana x6 - declined cantharidin; LN2 cryotherapy to 6 flat warts. B07.8', ['17110'], [['B07.8']]],
    ['1. Verruca vulgaris x3 R hand - pt declined cantharidin, LN2 x3 today.', ['17110'], [['B07.8']]],
    ['1. Verruca vulgaris x3 R hand - cantharidin deferred; LN2 x3 today.', ['17110'], [['B07.8']]],
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
