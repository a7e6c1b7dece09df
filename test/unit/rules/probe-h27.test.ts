import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { capitalLabels } from '../../../core/parse/letter-case';
import { findMarginCm } from '../../../core/parse/measure';
import { codeNote } from './note-harness';

// Misreads found by probe h27 (notes 696-719): each case is one general form, coded end to end.

describe('margins told per side: the narrowest counts in the excised diameter (§3.1)', () => {
  it.each([
    ['Margins were marked: 4 mm superior and inferior, 5 mm medial, 6 mm lateral.', 0.4],
    ['Margins: 6 mm superiorly, 5 mm laterally, 3 mm inferiorly.', 0.3],
    ['Margin 0.5 cm medial and 0.4 cm lateral.', 0.4],
    ['4 mm margins', 0.4],
    // The deep margin is no side of the ellipse.
    ['Margins: 5 mm peripheral, 3 mm deep.', 0.5],
  ])('"%s" → %s cm', (text, cm) => {
    expect(findMarginCm(text)).toBe(cm);
  });

  it('a biopsy-proven SCC excised with per-side margins is coded malignant on 1.2 + 2 x 0.4 = 2.0 cm', () => {
    const r = codeNote(
      'PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma, R dorsal forearm (shave biopsy 10/27/2026, this office).\n' +
        'PROCEDURE: Excision of malignant lesion with intermediate (layered) repair.\n' +
        'The lesion measured 1.2 x 0.9 cm before excision. Margins were marked: 4 mm superior and inferior, 5 mm medial, 6 mm lateral. ' +
        'The ellipse was excised to the subcutaneous fat. Specimen A to dermpath.\n' +
        'Repair: deep layer 4-0 Monocryl, skin 5-0 nylon. Final repair length 4.2 cm.\n',
    );
    expect(r.lines).toEqual(['11602', '12032', '88305']);
    expect(r.dx[0]).toEqual(['C44.622']);
  });
});

describe('a list lettered in lower case ("a) …", "b) …") names its items as one in capitals does', () => {
  const LIST =
    'Procedures today (all LN2, verbal consent obtained):\n' +
    'a) AKs: L cheek x2, R temple x1, vertex scalp x4 = 7 lesions - L57.0\n' +
    'b) Common warts: L hand x5, R hand x4, R knee x3 - B07.8\n' +
    'c) Plantar warts R sole x4, pared first with a #15 blade, then frozen - B07.0\n';
  it.each([
    ['as typed', LIST],
    ['in capitals', LIST.toUpperCase()],
  ])('%s: 7 AKs and 16 warts (17111, §2.2)', (_, body) => {
    expect(codeNote(body).lines).toEqual(['17000', '17003 x6', '17111']);
  });
  it.each([
    ['a) one\nb) two\n', 'A) one\nB) two\n'],
    ['a) alone\n', 'a) alone\n'],
    ['b) one\nc) two\n', 'b) one\nc) two\n'],
    ['a) one\nc) skips b\n', 'a) one\nc) skips b\n'],
    ['Plan:\n a) LN2\n b) shave bx (A)\n', 'Plan:\n A) LN2\n B) shave bx (A)\n'],
  ])('%j → %j', (text, raised) => {
    expect(capitalLabels(`Date of Service: 11/20/2026 Mixed Case Note\n${text}`)).toBe(`Date of Service: 11/20/2026 Mixed Case Note\n${raised}`);
  });
});

describe('an office E/M documented only by total time is coded at the level the time meets (§10.7)', () => {
  const VISIT = 'Assessment/Plan:\n1. Atopic dermatitis (L20.9) - improving on dupilumab; continue.\n';
  it.each([
    ['Established patient.', 'Total time on the date of the encounter: 32 minutes.', ['99214']],
    ['Established patient.', 'Total time 25 min.', ['99213']],
    ['Established patient.', 'Total time 45 minutes.', ['99215']],
    ['New patient.', 'Total time spent: 38 minutes.', ['99203']],
    ['New patient.', 'Total time 12 minutes.', []],
    // New or established not said: either code is possible, so none is chosen.
    ['', 'Total time 32 minutes.', []],
    // Decision making stated too: the provider chooses between them.
    ['Established patient.', 'MDM: moderate. Total time 25 minutes.', []],
  ])('%s %s → %j', (kind, time, lines) => {
    const r = codeNote(`${kind}\n${VISIT}${time}\n`);
    expect(r.lines).toEqual(lines);
    if (lines.length) expect(r.dx[0]).toEqual(['L20.9']);
  });
  it('beside a procedure the time is only a suggestion (procedure time must come out, §10.7)', () => {
    const r = codeNote(
      'Established patient.\nAssessment/Plan:\n1. Atopic dermatitis (L20.9) - continue dupilumab.\n2. AKs x2 face (L57.0) - LN2 x2.\nTotal time 32 minutes.\n',
    );
    expect(r.lines).toEqual(['17000', '17003']);
    expect(r.findings).toContain('evaluation/time-level');
  });
});

describe('cysts injected under an acne problem are acne cysts (ICD-10-CM index: acne, cystic → L70.0)', () => {
  it.each([
    ['1. Nodulocystic acne (L70.0) - cont doxy. ILK to 4 inflamed cysts, TAC 2.5 mg/mL, 0.1 mL ea (total 1 mg).\n', 'L70.0'],
    ['1. Nodulocystic acne (L70.0) - cont doxy; labs ordered. ILK to 4 inflamed\n   cysts, TAC 2.5 mg/mL, 0.1 mL ea (total 1 mg).\n', 'L70.0'],
    ['1. Epidermoid cyst, L upper back (L72.0) - ILK to the inflamed cyst, Kenalog 10 mg/mL 0.3 mL.\n', 'L72.0'],
    ['1. Inflamed cyst, upper back - ILK, Kenalog 10 mg/mL 0.3 mL.\n', 'L72.9'],
  ])('%s → %s', (item, dx) => {
    const r = codeNote(`A/P:\n${item}`);
    expect(r.lines).toEqual(['11900', 'J3301']);
    expect(r.dx[0]).toEqual([dx]);
  });
});

describe('a procedure planned for when the area is quiet is not done today', () => {
  it.each([
    ['Excise the cyst once quiet.', ['10060']],
    ['Excise the cyst once the inflammation settles.', ['10060']],
    ['Will excise when it is no longer inflamed.', ['10060']],
  ])('"%s" → %j', (plan, lines) => {
    const r = codeNote(
      `Exam: upper back 2 cm fluctuant abscess with purulence.\nProcedure: I&D of the abscess, upper back, purulent drainage, not packed.\nDx: abscess of back (L02.212).\nPlan: ${plan}\n`,
    );
    expect(r.lines).toEqual(lines);
    expect(r.findings.filter((f) => f.startsWith('excision/'))).toEqual([]);
  });
});

describe('a visit with no problem list: the cancer told with its site is the E/M diagnosis; a "likely" condition is not coded (§13)', () => {
  const REVIEW =
    'Est pt here to review path. Reviewed path from the 10/14/2026 biopsy: R forearm, invasive squamous cell carcinoma, extending to the deep margin. ' +
    'Pt chose excision, scheduled 11/24.';
  it.each([
    [
      'the cancer, then the rash a hedge leaves',
      `${REVIEW} Also an itchy rash on the back - likely pityriasis rosea, Sarna lotion PRN.\nLevel: 99213 (established).\n`,
      ['C44.622', 'R21'],
    ],
    ['the cancer alone', `${REVIEW}\nLevel: 99213 (established).\n`, ['C44.622']],
    [
      "a cancer told as history is not this visit's",
      'Hx BCC L temple excised 2019, no recurrence. Itchy rash on the back - pityriasis rosea, Sarna lotion.\nLevel: 99213 (established).\n',
      ['L42', 'R21', 'Z85.828'],
    ],
  ])('%s', (_, body, dx) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['99213']);
    expect(r.dx[0]).toEqual(dx);
  });
});

describe('a list of sites with one count a line is added up (§2.1)', () => {
  const LIST = (lines: string) =>
    `Procedure note - destruction of premalignant lesions (LN2)\nIndication: hyperkeratotic actinic keratoses.\nSites and counts:\n${lines}Technique: cryospray, 2 freeze-thaw cycles per lesion.\nDx: actinic keratosis (L57.0)\n`;
  it.each([
    ['  - Frontal scalp: 5\n  - Forehead: 4\n  - R dorsal hand: 3\n  - L dorsal hand: 2\n  - L helix: 1\n  - Nasal dorsum: 1\n', ['17004']],
    ['  - Forehead: 4\n  - Nasal dorsum: 1\n', ['17000', '17003 x4']],
    ['Forehead: 6\nL cheek: 8\n', ['17000', '17003 x13']],
  ])('%j → %j', (lines, codes) => {
    expect(codeNote(LIST(lines), { payer: 'medicare' }).lines).toEqual(codes);
  });
});

describe("a line opened by another day's date tells that day's work, not this encounter's", () => {
  const MOHS = (second: string) =>
    'Mohs surgeon: surgeon and pathologist.\nTumor 1: R nasal ala, basal cell carcinoma (bx 10/01/2026).\n  Stage I: 3 blocks - positive.\n  Stage II: 2 blocks - clear.\n  Second intention.\n' +
    `Tumor 2: L dorsal forearm, squamous cell carcinoma (bx 10/01/2026).\n  ${second}\n`;
  it.each([
    ['11/21/2026: Stage I: 4 blocks - clear. Defect closed with a layered (intermediate) repair, 4.5 cm.', ['17311', '17312']],
    ['11/20/2026: Stage I: 4 blocks - clear. Defect closed with a layered (intermediate) repair, 4.5 cm.', ['17311', '17312', '17313-59', '12032']],
    ['Stage I: 4 blocks - clear. Defect closed with a layered (intermediate) repair, 4.5 cm.', ['17311', '17312', '17313-59', '12032']],
  ])('%s', (second, codes) => {
    expect(codeNote(MOHS(second)).lines).toEqual(codes);
  });
});

describe('"an additional 4 mm taken at the superior margin (specimen B)" widens the excision before it (§3.1)', () => {
  const BODY =
    'Excision, BCC R upper back, with same-session margin re-excision\nDx: nodular basal cell carcinoma R upper back, biopsy-proven (shave bx 10/15/2026)\n' +
    'Lesion 1.4 cm, 4 mm margins, excised diameter 2.2 cm, to fat; specimen A for frozen section: BCC at the superior margin. ' +
    'An additional 4 mm was taken at the superior margin (specimen B), frozen section clear; final widest excised diameter 2.6 cm. ' +
    'Layered closure, length 6.0 cm. Both specimens to permanent sections.\n';
  it('one 11603 on the final widest diameter; both jars read on permanent sections', () => {
    const r = codeNote(BODY);
    expect(r.lines.sort()).toEqual(['11603', '12032', '88305 x2', '88331 x2']);
  });
  it('without the permanent-section sentence the jars are frozen sections only', () => {
    const r = codeNote(BODY.replace(' Both specimens to permanent sections.', ''));
    expect(r.lines.sort()).toEqual(['11603', '12032', '88331 x2']);
  });
});

describe('an op note whose closure lines wrap, with a jar key line "Specimens: A scalp, B forehead"', () => {
  const NOTE =
    'Preoperative diagnoses:\n1. Squamous cell carcinoma, L parietal scalp (shave bx 10/06/2026).\n2. Changing pigmented lesion, R forehead, r/o lentigo maligna.\n\n' +
    'Procedure: Excision of both, with closure.\n' +
    '1. L parietal scalp: lesion 0.8 cm, margins 3 mm, excised diameter 1.4 cm. Layered closure, 4-0 Vicryl deep and\n   staples, 2.8 cm.\n' +
    '2. R forehead: lesion 0.5 cm, margins 2 mm, excised diameter 0.9 cm. Layered closure, 5-0 Monocryl deep and 6-0\n   Prolene, 2.0 cm.\n' +
    'Specimens: A scalp, B forehead\nEBL minimal.\n';
  it.each([
    ['as typed', NOTE],
    ['in capitals', NOTE.toUpperCase()],
  ])('%s: each repair takes the length on its run-on line; each jar its keyed site', (_, body) => {
    const r = codeNote(body, { payer: 'medicare' });
    expect(r.lines).toEqual(['11622', '11441', '12032', '12051', '88305 x2']);
    const e = parseNote(`Date of Service: 11/20/2026\n${body}`);
    expect(e.specimens.map((s) => `${s.label} ${e.procedures.find((p) => p.id === s.procedureId)?.site?.key}`)).toEqual(['A parietal-scalp', 'B forehead']);
  });
  it('a key line whose sites fit no procedure one to one changes no label', () => {
    const e = parseNote(`Date of Service: 11/20/2026\n${NOTE.replace('Specimens: A scalp, B forehead', 'Specimens: A scalp, B scalp')}`);
    expect(e.specimens.map((s) => s.label)).not.toEqual(['A', 'B']);
  });
});

describe('a numbered problem\'s "punch bx x2:" over its lettered items heads them; "perilesional" is no lesion word (§1.2, §13.2)', () => {
  it.each([
    ['1. r/o bullous pemphigoid - punch bx x2: A) edge of bulla L thigh for H&E; B) perilesional L thigh for DIF.', ['11104', '11105']],
    ['1. r/o bullous pemphigoid - punch bx x2: A) edge of bulla L thigh; B) perilesional R thigh.', ['11104', '11105']],
    ['1. r/o bullous pemphigoid - punch biopsies x2: A) edge of bulla L thigh; B) perilesional R thigh.', ['11104', '11105']],
  ])('%s', (item, codes) => {
    const r = codeNote(`A/P:\n${item}\n`);
    expect(r.lines.filter((l) => l.startsWith('111'))).toEqual(codes);
    expect(r.dx.flat()).not.toContain('D49.2');
  });
});

describe('"Procedure: punch bx L thigh (A)." then "Punch bx L thigh (B).": another jar is another biopsy (§1.2, §7.2)', () => {
  it.each([
    ['Procedure: punch bx L thigh (A). Punch bx L thigh (B).', ['11104', '11105', '88305 x2']],
    ['Procedure: punch bx L thigh (A).\nPunch bx L thigh (B).', ['11104', '11105', '88305 x2']],
    ['Procedure: shave bx L thigh (A). Shave bx L thigh (B).', ['11102', '11103', '88305 x2']],
    ['Procedure: 4 mm punch bx L thigh (A). 4 mm punch bx L thigh, lateral (B).', ['11104', '11105', '88305 x2']],
    // The DIF jar has no H&E level (§7.1; the reference has no immunofluorescence code).
    ['Procedure: 4 mm punch bx L thigh, lesional, for H&E (A). 4 mm punch bx L thigh, perilesional, for DIF (B).', ['11104', '11105', '88305']],
    // The same jar named again is the same biopsy told twice.
    ['Procedure: punch bx L thigh (A).\nPunch bx L thigh (A), closed with one suture.', ['11104', '88305']],
  ])('%j', (body, codes) => {
    expect(codeNote(`${body}\n`).lines).toEqual(codes);
  });
});
