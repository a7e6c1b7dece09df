import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';

// Misreads the lead found in session 14 (cosmetic services and item boundaries): each case is one general pattern.

const HEAD = 'Patient: Test, Patient-1993  MRN: 901993\nDOS: 11/12/2026\n';

function coded(body: string) {
  const draft = codeEncounter(parseNote(HEAD + body));
  return {
    lines: draft.lines.map((l) => `${l.code} x${l.units}${l.modifiers.length ? `-${l.modifiers.join(',')}` : ''} ${l.billing}`),
    selfPay: draft.findings.filter((f) => f.rule === 'cosmetic/self-pay').map((f) => f.message.split(':')[0]),
  };
}

describe('lead14: services done for appearance are read, billed to the patient, never dropped without a word', () => {
  // §12.3: laser resurfacing is a usually-cosmetic service; IPL, fillers, microneedling and the like have no code in the
  // reference, so no line is invented — the claim says the service is the patient's to pay.
  const cases: [string, string, string][] = [
    ['IPL', 'Procedure: IPL photofacial to face, 2 passes, cosmetic, self-pay.', 'IPL photofacial to face (face)'],
    ['laser resurfacing', 'Procedure: Fractional CO2 laser resurfacing, full face, cosmetic.', 'Fractional CO2 laser resurfacing'],
    ['filler', 'Procedure: Juvederm 1 syringe to nasolabial folds, cosmetic, patient paid.', 'Juvederm 1 syringe to nasolabial folds (nasolabial)'],
    ['microneedling', 'Procedure: Microneedling full face, self-pay.', 'Microneedling full face'],
    ['laser hair removal', 'Procedure: Laser hair removal, axillae, cosmetic.', 'Laser hair removal (axillae)'],
    ['deoxycholic acid', 'Procedure: Kybella 2 vials submental fat, cosmetic.', 'Kybella 2 vials submental fat (submental)'],
  ];
  it.each(cases)('%s: no line, one self-pay finding naming it', (_name, body, named) => {
    expect(coded(body)).toEqual({ lines: [], selfPay: [named] });
  });

  it('a service only discussed is not done', () => {
    expect(coded('Plan: Discussed fillers for volume loss; pt will think about it.')).toEqual({ lines: [], selfPay: [] });
  });
});

describe("lead14: the sentences that go on with a numbered item are that item's", () => {
  it('"2. IPL …. Cosmetic, paid out of pocket." does not make item 3\'s laser of a port-wine stain cosmetic', () => {
    // CPT 17107 (§2.2: vascular proliferative lesion by laser, 10.0–50.0 sq cm) for the port-wine stain (Q82.5) is billed to
    // insurance; the IPL line's cosmetic words are the IPL's alone (before: 17107 self-pay with Z41.1).
    const body =
      'Assessment/Plan:\n1. Rosacea with facial telangiectasias - continue metronidazole 0.75% gel daily.\n' +
      '2. IPL treatment to cheeks and nose performed today, 560 nm filter, 2 passes. Cosmetic, patient paid out of pocket.\n' +
      '3. Laser treatment (pulsed dye laser 595 nm) to port-wine stain L cheek, 12 sq cm treated.\n';
    expect(coded(body)).toEqual({ lines: ['17107 x1 insurance'], selfPay: ['IPL treatment to cheeks and nose performed today 2 (cheeks)'] });
  });
});

describe('lead14: a service the reference gives no code for is reported for coding by hand, never dropped', () => {
  const unread = (body: string) =>
    codeEncounter(parseNote(HEAD + body))
      .findings.filter((f) => f.rule === 'documentation/could-not-read')
      .map((f) => /could not read: ([^:]+):/.exec(f.message)?.[1]);
  const cases: [string, string[]][] = [
    ['Procedure: Sclerotherapy of spider veins bilateral thighs with polidocanol 0.5%, 12 injections.', ['sclerotherapy']],
    ['Procedure: Total body photography performed for mole mapping, dysplastic nevus syndrome.', ['total body photography']],
    ['Procedure: Unna boot applied R lower leg for stasis ulcer.', ['unna boot']],
    ['Procedure: Electrolysis of ingrown hairs chin, 15 minutes.', ['electrolysis']],
    ['Procedure: Removal of foreign body (splinter) R palm with 18g needle.', ['removal of foreign body']],
    ['Procedure: Aspiration of digital mucous cyst L index finger.', ['aspiration of digital mucous cyst']],
    ['Procedure: Dermabrasion of surgical scar L cheek.', ['dermabrasion']],
    ['Procedure: Skin prick testing to 10 aeroallergens.', ['skin prick testing']],
    // Documented as cosmetic: the patient's to pay (a cosmetic/self-pay finding instead).
    ['Procedure: Subcision of rolling acne scars bilateral cheeks, cosmetic.', []],
    // Ordered or only discussed: nothing done today, nothing to code.
    ['Plan: Total body photography ordered; return in 12 months.', []],
    ['Plan: Discussed sclerotherapy; will schedule.', []],
  ];
  it.each(cases)('%s', (body, expected) => {
    expect(unread(body)).toEqual(expected);
  });
});

describe('lead14: cryotherapy for acne is 17340 only', () => {
  it('"Cryotherapy (LN2) to inflamed acne papules" asks no lesion type of a destruction', () => {
    // §2.3 note / §14: 17340 (cryotherapy for acne), payer-specific. Before, the destruction rule also asked for the lesion
    // type (an error) of the same freezing.
    const draft = codeEncounter(parseNote(`${HEAD}Procedure: Cryotherapy (LN2) to inflamed acne papules and cysts on the face for acne vulgaris.\n`));
    expect(draft.lines.map((l) => `${l.code} x${l.units} ${l.dx.join(',')}`)).toEqual(['17340 x1 L70.0']);
    expect(draft.findings.map((f) => f.rule)).toEqual(['other-procedures/acne-surgery']);
  });
});

describe('lead14: "biopsy-proven" proves what it names', () => {
  const excision = (dx: string) =>
    codeEncounter(
      parseNote(
        `${HEAD}Procedure: Excision of biopsy-proven ${dx} (bx 10/20/2026), R cheek. Lesion 0.8 cm, 2 mm margins, excised diameter 1.2 cm. Simple closure.\n`,
      ),
    )
      .lines.filter((l) => l.code.startsWith('11'))
      .map((l) => `${l.code} ${l.dx.filter((d) => d !== 'Z41.1').join(',')} ${l.status}`);
  // §3.2/§3.3: a benign lesion proven by its biopsy is excised with the benign codes (face, 1.1-2.0 cm = 11442), held for the
  // excision's own pathology; a proven malignancy takes 11642 at once. Before, any "biopsy-proven" made the excision malignant.
  const cases: [string, string][] = [
    ['compound nevus with moderate atypia', '11442 D22.39 held-for-pathology'],
    ['dermatofibroma', '11442 D23.39 held-for-pathology'],
    ['seborrheic keratosis', '11442 L82.1 held-for-pathology'],
    ['basal cell carcinoma', '11642 C44.319 ready'],
    ['squamous cell carcinoma in situ', '11642 D04.39 ready'],
  ];
  it.each(cases)('%s', (dx, line) => {
    expect(excision(dx)).toEqual([line]);
  });
});

describe("lead14: a pathology item's stated diagnosis is its result", () => {
  it('"Atypical melanocytic proliferation. IHC … Diagnosis: dysplastic compound nevus" links the nevus', () => {
    // The description before the item's own "Diagnosis:" is not the result: D22.5 (nevus of trunk), not an unmapped
    // proliferation with no dx on its IHC lines. SOX10 + PRAME = 88342 + 88341 (§7.2).
    const text =
      `${HEAD}Dermatopathology (in-house).\n` +
      'A. Skin, R upper back, shave biopsy: Atypical melanocytic proliferation. Immunohistochemistry: SOX10 and PRAME performed; PRAME negative. ' +
      'Diagnosis: dysplastic compound nevus with moderate atypia.\n';
    const encounter = parseNote(text);
    expect(encounter.pathology.map((r) => [r.specimenLabel, r.diagnosisText])).toEqual([['A', 'dysplastic compound nevus with moderate atypia.']]);
    expect(codeEncounter(encounter).lines.map((l) => `${l.code} x${l.units} ${l.dx.join(',')}`)).toEqual([
      '88305 x1 D22.5',
      '88342 x1 D22.5',
      '88341 x1 D22.5',
    ]);
  });

  it('a clinical diagnosis label inside the item is not the result', () => {
    const text = `${HEAD}Dermatopathology (in-house).\nA. Skin, R cheek, shave biopsy (clinical diagnosis: r/o BCC): Basal cell carcinoma, nodular.\n`;
    expect(parseNote(text).pathology.map((r) => r.behavior)).toEqual(['malignant']);
  });
});

describe('lead14: immunostains on Mohs frozen blocks show how they were counted', () => {
  const mohs = (stain: string) =>
    codeEncounter(
      parseNote(
        `${HEAD}Mohs surgery, biopsy-proven melanoma in situ L forearm (bx 10/01/2026).\nStage I: 4 blocks. ${stain}\nStage II: 2 blocks, clear.\nSecond intention healing.\n`,
      ),
    );
  it('counted blocks: one 88342 unit per block, with a note asking to confirm the payer counts blocks as specimens', () => {
    // §7.2: IHC per specimen; a separately identified block is a specimen. The reference does not say how payers count Mohs blocks.
    const draft = mohs('MART-1 immunostain performed on frozen sections of all 4 blocks.');
    expect(draft.lines.filter((l) => l.code.startsWith('883')).map((l) => `${l.code} x${l.units}-${l.modifiers.join(',')}`)).toEqual(['88342 x4-59']);
    expect(draft.findings.filter((f) => f.target === '88342').map((f) => f.severity)).toEqual(['info']);
  });
  it('blocks not counted: one unit, and a warning asking for the count', () => {
    const draft = mohs('MART-1 immunostain performed.');
    expect(draft.lines.filter((l) => l.code.startsWith('883')).map((l) => `${l.code} x${l.units}`)).toEqual(['88342 x1']);
    expect(draft.findings.filter((f) => f.target === '88342').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('lead14: granulomatous disorders of the subset', () => {
  // icd10-derm: L92.3 foreign body granuloma and L92.1 necrobiosis lipoidica are billable codes of the subset; before, a
  // foreign body granuloma read no diagnosis (D49.2), or borrowed another item's granuloma annulare (L92.0).
  const dxOf = (body: string) =>
    codeEncounter(parseNote(HEAD + body))
      .lines.filter((l) => l.code.startsWith('111'))
      .map((l) => `${l.code} ${l.dx.join(',')}`);
  it.each([
    ['Assessment/Plan:\n1. Foreign body granuloma L knee - shave biopsy, specimen A.\n', ['11102 L92.3']],
    ['Assessment/Plan:\n1. Necrobiosis lipoidica L shin - punch biopsy, specimen A.\n', ['11104 L92.1']],
    [
      'Assessment/Plan:\n1. Foreign body granuloma L knee - shave biopsy, specimen A.\n2. Granuloma annulare R dorsal hand - punch biopsy, specimen B.\n',
      ['11104 L92.0', '11103 L92.3'],
    ],
  ])('%s', (body, lines) => {
    expect(dxOf(body)).toEqual(lines);
  });
});
