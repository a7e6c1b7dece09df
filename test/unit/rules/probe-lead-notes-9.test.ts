import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { extractDrug } from '../../../core/parse/drug';
import { findCount } from '../../../core/parse/measure';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 9), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

const performed = (body: string) =>
  parseNote(`Date of Service: 11/20/2026\n${body}`)
    .procedures.filter((p) => p.status === 'performed')
    .map((p) => p.kind);

describe('a Mohs consult: the surgery talked about and scheduled, a saucerization done', () => {
  const note = [
    'HPI: 75 yo M seen in consultation. Biopsy 10/29/2026 showed nodular BCC, L nasal sidewall.',
    'ASSESSMENT/PLAN:',
    '1. Nodular BCC, L nasal sidewall - discussed Mohs vs excision vs radiation; pt elects Mohs. Scheduled 12/10/2026.',
    '2. Atypical pigmented lesion R upper back, r/o melanoma - shave removal (saucerization) today, sent for path, spec A.',
    '3. SKs - benign, reassured, no tx.',
    '',
    'Procedure: After verbal and written consent, area prepped, 1% lido w/ epi 1 mL. Saucerization biopsy performed w/ DermaBlade. Hemostasis with AlCl.',
    '',
    'Total time on date of encounter 35 minutes including counseling on Mohs.',
    '',
  ].join('\n');

  it('codes one tangential biopsy at the plan line\'s site: no Mohs, no second "shave removal"', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).not.toContain('mohs/stages-documented');
    expect(r.findings).not.toContain('documentation/could-not-read');
    // The Mohs only counselled on has no site to ask for (session 10: planned procedures are not treated lesions).
    expect(r.findings).not.toContain('documentation/lesion-site');
  });

  it.each([
    ['Total time 35 minutes including counseling on Mohs.', []],
    ['Counseled about excision vs ED&C; pt will think about it.', []],
    ['Education regarding the biopsy and wound care given. Shave biopsy R arm performed, specimen A.', ['biopsy-tangential']],
  ])('a procedure counseled about is not done: %s', (line, kinds) => {
    expect(performed(line)).toEqual(kinds);
  });
});

describe('a post-op visit that retells the earlier excision and its closure', () => {
  const note = [
    'Pt is 9 days s/p excision of SCC R forearm (10/11/2026 path: SCCis, margins clear) with intermediate layered closure. Here for suture removal. Sutures removed.',
    'New today: 6 mm hyperkeratotic papule L temple, concerning for SCC vs HAK.',
    'Procedure: Shave biopsy L temple. Consent signed. Tangential bx to mid dermis. Spec A.',
    '',
  ].join('\n');

  it("bills the new biopsy only: the closure belongs to the past excision, not to today's work", () => {
    const r = codeNote(note, { payer: 'commercial' });
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).not.toContain('repair/length-documented');
  });

  it("a closure told with today's excision of a biopsy-proven lesion stays today's", () => {
    expect(
      performed('Bx-proven SCC, R dorsal forearm (bx 04/23/2026): 1.0 cm lesion, 4 mm margins (excised diameter 1.8 cm); layered intermediate closure 3.5 cm.'),
    ).toEqual(['excision', 'repair']);
  });
});

describe("a lesion named on its own line after another lesion's ED&C", () => {
  it('"Also: L forearm SCCIS, bx proven - same ED&C tx" links carcinoma in situ, not the BCC told above', () => {
    const r = codeNote(
      'BCC, superficial type, bx proven (path 11/02/2026), mid back. Lesion 1.1 cm. Options reviewed; pt chose ED&C.\nED&C: lido 1% w epi 2 mL. Curettage x 3 with electrodesiccation between passes. Final defect 1.6 cm.\nAlso: L forearm SCCIS, bx proven, 0.7 cm - same ED&C tx, 3 cycles, final 1.0 cm.\n',
      { payer: 'commercial' },
    );
    expect(r.lines).toEqual(['17262', '17261']);
    expect(r.dx).toEqual([['C44.519'], ['D04.62']]);
  });
});

describe('a drug named with its type letter apart', () => {
  it('"Onabotulinumtoxin A 100 units … 0 units wasted" is J0585 x100 beside 64650', () => {
    const r = codeNote(
      'Primary focal hyperhidrosis of bilateral axillae (L74.510), failed topical aluminum chloride.\nOnabotulinumtoxin A 100 units reconstituted in 4 mL saline. 50 units injected intradermally into each axilla. Total 100 units given, 0 units wasted.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['64650', 'J0585-JZ x100']);
  });
});

describe('a titled procedure whose narrative names no site', () => {
  it('"Procedure: Skin tag removal." then "Snip excision … of 22 tags" is one removal of 22 symptomatic tags', () => {
    const r = codeNote(
      'Reason: multiple irritated skin tags neck and axillae, catching on jewelry/clothing, bleeding\nExam: 22 pedunculated acrochordons, several inflamed and crusted from trauma.\nProcedure: Skin tag removal. Snip excision with curved iris scissors of 22 tags; hemostasis with AlCl.\nDx: Acrochordons, inflamed/irritated (L91.8)\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11200', '11201']);
    expect(r.findings).toEqual([]);
  });

  it('the note\'s own title line ("EXCISION NOTE") then "Procedure: Elliptical excision of cyst" is one excision', () => {
    const r = codeNote(
      'EXCISION NOTE\nPre-op dx: Epidermoid cyst, R upper back, 2.2 cm, recurrently inflamed.\nProcedure: Elliptical excision of cyst. Lesion measured 2.2 cm x 1.8 cm; excised with 2 mm margins, excised diameter 2.6 cm. Layered closure with 3-0 Vicryl, final length 5.5 cm.\nSpecimen sent to pathology.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11403', '12032', '88304']);
    expect(r.findings).not.toContain('cosmetic/benign-no-indication');
  });
});

describe('a clinical cancer is never a cosmetic removal', () => {
  it.each([
    ['Lentigo maligna L cheek - excision today. Lesion 0.8 cm, margins 5 mm. Layered closure 4 cm.', ['11442', '12052', '88305']],
    [
      'MIS (lentigo maligna type) L cheek, biopsy 10/30/2026 (S26-4411). Excision: lesion 0.8 cm, margins 5 mm. Layered closure 4 cm.',
      ['11642', '12052', '88305'],
    ],
  ])('%s', (line, lines) => {
    const r = codeNote(`${line}\n`, { payer: 'medicare' });
    expect(r.lines).toEqual(lines);
    expect(r.findings).not.toContain('cosmetic/benign-no-indication');
  });
});

describe('a one-line HPI followed by plan lines with no heading', () => {
  const note =
    'HPI: f/u psoriasis on methotrexate; also has 2 lesions she wants checked.\nPsoriasis: BSA 4%, improved. Cont methotrexate 15 mg weekly, folic acid. CBC/CMP today.\nLesion L upper arm 7 mm pink scaly papule - shave bx today (A), r/o SCC.\nSK R temple, irritated, bleeding when she combs her hair - LN2 x1.\n99214-25\n';
  it('bills the biopsy and the destruction, and the E/M with 25 for the psoriasis', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['99214-25', '11102-XS', '17110', '88305']);
    expect(r.dx).toEqual([['L40.9'], ['D49.2'], ['L82.0'], ['D49.2']]);
  });
  it('an HPI that goes on for a second line of history stays history', () => {
    expect(performed('HPI: 70 yo M with hx of BCC.\nPrevious Mohs of the nose in 2023 and ED&C of the back.\n')).toEqual([]);
  });
});

describe('a second problem managed with a prescription sig', () => {
  it('"Melasma - hydroquinone 4% qhs and sunscreen." beside an injected acne cyst supports the documented E/M with 25', () => {
    const r = codeNote(
      'Test, Patient-769, 34F, new pt.\nAcne vulgaris, moderate inflammatory with 3 painful cysts on the jawline. Intralesional triamcinolone 2.5 mg/mL, 0.1 mL into each of 3 cysts (total 0.75 mg).\nMelasma - hydroquinone 4% qhs and sunscreen.\nLevel: 99204 (moderate MDM).\n',
      { payer: 'commercial' },
    );
    expect(r.lines).toEqual(['99204-25', '11900', 'J3301']);
    expect(r.dx[0]).toEqual(['L81.1']);
  });
});

describe('a template assessment: problem lines at the margin, indented "Plan:" and result fields', () => {
  const note = [
    'Assessment & Plan',
    'Actinic keratosis - Scalp, Forehead',
    '  Plan: Destruction - liquid nitrogen',
    '  Lesions treated: 9',
    '  Freeze-thaw cycles: 2',
    'Verruca vulgaris - Left Index Finger, Right Thumb',
    '  Plan: Destruction - liquid nitrogen',
    '  Lesions treated: 3',
    'Seborrheic keratosis - Back',
    '  Plan: Reassurance. Patient requests removal for cosmetic reasons; declined today due to cost.',
    'Neoplasm of uncertain behavior - Right Upper Arm',
    '  Plan: Biopsy - tangential (shave)',
    '  Lesion size: 0.7 cm',
    '  Specimen: A',
    '  Clinical impression: r/o SCC vs irritated SK',
    'Onychomycosis - bilateral great toenails',
    '  Plan: Start terbinafine 250 mg daily x 12 weeks; baseline LFTs ordered.',
    '',
    'E/M: 99213-25',
    '',
  ].join('\n');

  it('"Plan: <procedure>" over "Lesions treated" or "Specimen" fields is today\'s work, each at its own problem\'s site', () => {
    const r = codeNote(note, { payer: 'commercial' });
    expect(r.lines).toEqual(['99213-25', '11102-59', '17000', '17003 x8', '17110', '88305']);
    expect(r.dx.slice(1)).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['B07.8'], ['D49.2']]);
  });

  it('a plan naming a later day stays a plan even with fields under it', () => {
    expect(performed('Lipoma - R back\n  Plan: Excision - schedule next month\n  Lesion size: 3 cm\n  Specimen: A\n')).toEqual([]);
  });
});

describe('words that a closure was not needed', () => {
  it('"punch biopsy 4 mm (A), layered closure not needed, 1 suture" bills the biopsy only', () => {
    const r = codeNote('2) Atypical pigmented lesion L upper back - punch biopsy 4 mm (A), layered closure not needed, 1 suture.\n', { payer: 'medicare' });
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.findings).not.toContain('repair/length-documented');
  });
});

describe('an inflamed SK told with its count first', () => {
  it('"SK\'s x 2 inflamed L temple also frozen" is L82.0', () => {
    const r = codeNote("Cryo x 6 AK's (face); SK's x 2 inflamed L temple also frozen.\n", { payer: 'medicare' });
    expect(r.lines).toEqual(['17000', '17003 x5', '17110']);
    expect(r.dx).toEqual([['L57.0'], ['L57.0'], ['L82.0']]);
  });
});

describe('a PDT session told in steps', () => {
  it('the curettage before application is its preparation, and the drug sentence the same session', () => {
    const r = codeNote(
      'Photodynamic therapy, face, for 22 AKs. Lesions curetted lightly (debridement of hyperkeratotic AKs) before application. Aminolevulinic acid 20% (Levulan Kerastick) applied by MA to whole face, incubated 1 hour, then blue light (BLU-U) 16 min 40 sec. Pt tolerated well.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['96567', 'J7308-JZ']);
    expect(r.findings).not.toContain('destruction/count-documented');
    expect(r.findings).not.toContain('other-procedures/debridement');
    // Debridement with a staff-applied drug is not 96574: the PDT rule says so.
    expect(r.findings.filter((f) => f === 'phototherapy/pdt')).toHaveLength(2);
  });
});

describe("a procedure section's title line over its numbered procedures", () => {
  it('"Procedure note - destruction of malignant lesions" adds no lesion of its own', () => {
    const r = codeNote(
      'Procedure note - destruction of malignant lesions\n1. SCCIS R dorsal hand, bx 11/03/2026 (S26-5120), 1.2 cm: ED&C x 3.\n2. sBCC L upper back, bx 11/03/2026 (S26-5121), 0.9 cm: ED&C x 3.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17272', '17261']);
    expect(r.dx).toEqual([['D04.61'], ['C44.519']]);
    expect(r.findings).not.toContain('destruction/malignant-diameter');
  });
});

describe('a numbered diagnosis field', () => {
  it('"Dx: 1. Neoplasm of uncertain behavior L temple  2. Encounter for removal of sutures" is read past its numbers', () => {
    const r = codeNote(
      'New today: 6 mm hyperkeratotic papule L temple.\nProcedure: Shave biopsy L temple. Tangential bx to mid dermis. Spec A.\nDx: 1. Neoplasm of uncertain behavior L temple  2. Encounter for removal of sutures\n',
      { payer: 'commercial' },
    );
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

describe('intralesional injections of several conditions in one session', () => {
  it('links every condition injected: lichen simplex, hypertrophic LP, a prurigo nodule, granuloma annulare', () => {
    const r = codeNote(
      'Scalp: 3 cm plaque of lichen simplex chronicus, itchy. ILK 10 mg/mL 1 mL.\nL shin: 2 hypertrophic LP plaques, ILK 10 mg/mL 0.5 mL each.\nR forearm: 1 prurigo nodule ILK 10 mg/mL 0.2 mL.\nAlso 4 granuloma annulare papules R hand ILK 5 mg/mL 0.1 mL each.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11901', 'J3301 x3']);
    expect(r.dx[0]).toEqual(['L28.0', 'L43.0', 'L28.1', 'L92.0']);
  });
});

describe('a wound check told as "Wound check after <surgery> <date>"', () => {
  it("is a post-op visit: a biopsy at another site in the flap's global period takes 79", () => {
    const r = codeNote(
      'Wound check after Mohs 11/06/2026 (L nasal ala, bilobed flap). Healing well. Sutures removed.\nPt also concerned about a new lesion R upper back: 8 mm dark irregular papule - punch biopsy 4 mm (A) today, closed with 2 sutures.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11104-79', '88305']);
    expect(r.findings).toContain('checks/global-period');
  });
  it('"Wound check after 2 weeks" in a plan is not this visit', () => {
    const e = parseNote('Date of Service: 11/20/2026\nShave bx L arm (A).\nWound check after 2 weeks with PCP.\n');
    expect(e.visit.postOpOf).toBeUndefined();
  });
});

describe('destruction counts told as counted, or per side of a pair', () => {
  it.each([
    ['Bilateral cheeks: numerous AKs, >20, treated with LN2 (counted 23).', 23],
    ['ACTINIC KERATOSES, BILATERAL DORSAL HANDS (5 EACH HAND) - TREATED WITH LIQUID NITROGEN, 2 CYCLES.', 10],
    ['AKs, 4 on each cheek, LN2 x2 cycles.', 8],
    ['AKs x 6 face, 12 counted on scalp.', 12],
  ])('%s → %i', (line, count) => {
    expect(findCount(line)).toBe(count);
  });
  it.each([
    ['ILK 0.5 mL each side', undefined],
    ['Kenalog 10 mg/mL, 0.1 mL to each of 3 cysts', 3],
  ])('a volume per side is no count: %s → %s', (line, count) => {
    expect(findCount(line)).toBe(count);
  });
  it('the all-caps plan with per-hand counts codes 17000 + 17003 x9 and flags the entered 17003 x8 as under-coded', () => {
    const r = codeNote(
      'ASSESSMENT AND PLAN:\n1. ACTINIC KERATOSES, BILATERAL DORSAL HANDS (5 EACH HAND) - TREATED WITH LIQUID NITROGEN, 2 CYCLES.\nCHARGES: 17000, 17003 X 8\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17000', '17003 x9']);
    expect(r.findings).toContain('checks/charges-compare');
  });
});

describe('"…, path." as the last word of a removal', () => {
  it('an irritated SK shaved "0.8 cm, path." sends tissue: 88305 beside the shave removal', () => {
    const r = codeNote('Irritated SK on R upper arm, snagging on bra strap - shave removal 0.8 cm, path.\n', { payer: 'medicare' });
    expect(r.lines).toEqual(['11301', '88305']);
  });
  it('"path pending" about another procedure is not a specimen of a destruction', () => {
    const r = codeNote('SK R arm, irritated - LN2, path not needed.\n', { payer: 'medicare' });
    expect(r.lines).toEqual(['17110']);
  });
});

describe('an E/M level written without the patient kind beside it', () => {
  it.each([
    ['Est pt. Psoriasis, 8% BSA, on topicals - cont clobetasol, start calcipotriene.\nLevel 4 visit.\n', ['99214']],
    ['New patient. Acne vulgaris - start doxycycline 100 mg bid, tretinoin qhs.\nE/M level 3\n', ['99203']],
    // The kind is not stated anywhere: no code is guessed.
    ['Psoriasis, 8% BSA - cont clobetasol, start calcipotriene.\nLevel 4 visit.\n', []],
  ])('%s', (note, lines) => {
    expect(codeNote(note, { payer: 'commercial' }).lines).toEqual(lines);
  });
});

describe('a decision sentence before the procedure note', () => {
  it('"pt elects excision today" announces the excision told next: one malignant excision, not two', () => {
    const r = codeNote(
      'Return for results: bx 11/06/2026 R shin showed SCC, well-differentiated. Discussed options; pt elects excision today.\nExcision: R shin, lesion 1.4 cm, 4 mm margins, excised 2.2 cm, layered closure 5.0 cm. Specimen to path.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11603', '12032', '88305']);
    expect(r.dx[0]).toEqual(['C44.722']);
    expect(r.findings).not.toContain('documentation/could-not-read');
  });
});

describe('drug waste written in mL', () => {
  it.each([
    ['TAC 10 mg/mL 1 mL, waste 0.2 mL', { amountGiven: 10, amountWasted: 2 }],
    ['TAC 10 mg/mL 1 mL, waste 0 mL', { amountGiven: 10, noWaste: true }],
    ['ILK to keloid, TAC 40 0.25 cc. SDV, 0.2 cc wasted.', { amountGiven: 10, amountWasted: 8 }],
  ])('%s', (text, expected) => {
    const d = extractDrug(text);
    expect({ amountGiven: d?.amountGiven, amountWasted: d?.amountWasted, noWaste: d?.noWaste }).toEqual({
      amountGiven: expected.amountGiven,
      amountWasted: 'amountWasted' in expected ? expected.amountWasted : undefined,
      noWaste: 'noWaste' in expected ? expected.noWaste : undefined,
    });
  });
});

describe("a past surgery's scar or site named with the procedure word", () => {
  it.each([
    ['L cheek Mohs scar well healed, no recurrence.', []],
    ['Excision site healing well, sutures removed.', []],
    ['Mohs site: L nasal ala. Stage 1: 2 blocks, clear.', ['mohs']],
  ])('%s', (line, kinds) => {
    expect(performed(line)).toEqual(kinds);
  });
});

describe("a one-line history heading followed by the day's work", () => {
  it('"Hx: …" then "Today: … ED&C performed" and "Also 3 SKs … - LN2" are today\'s procedures', () => {
    const r = codeNote(
      'Hx: BCC R nasal ala treated with Mohs 2024; SCCIS L hand ED&C 2025.\nToday: pink scaly plaque R upper back 1.3 cm, bx proven SCCIS 11/05/2026 (path: SCC in situ, transected). ED&C performed, 3 cycles, final defect 1.8 cm.\nAlso 3 SKs L back irritated by bra strap - LN2.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17110', '17262']);
    expect(r.dx).toEqual([['L82.0'], ['D04.5']]);
  });
  it('a history that goes on for another line of past care stays history', () => {
    expect(performed('PMH: melanoma 2019.\nBCC R nose treated with Mohs in 2021.\n')).toEqual([]);
  });
});
