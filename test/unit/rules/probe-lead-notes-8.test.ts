import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 8), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a visit titled "Path results / follow-up" that quotes an earlier visit\'s results', () => {
  const note =
    'PATH RESULTS / FOLLOW-UP\nPatient: Test, Patient-720\nPath from 11/11/2026: (A) L cheek: superficial BCC. (B) R chest: dysplastic nevus, moderate atypia, margins involved.\nDiscussed results with pt in person.\nToday: ED&C x3 cycles of L cheek sBCC, lesion 0.8 cm, final defect 1.2 cm.\nR chest: re-excision scheduled in 2 weeks.\n';
  it("is a visit note: today's ED&C is coded and the quoted results are not billed again", () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['17281']);
    expect(r.dx).toEqual([['C44.319']]);
  });
  it('a title naming only the results still opens a report', () => {
    const e = parseNote('Date of Service: 11/20/2026\nPATH RESULTS\nA. Skin, L cheek, shave biopsy: superficial basal cell carcinoma.\n');
    expect(e.pathology.map((p) => [p.specimenLabel, p.behavior])).toEqual([['A', 'malignant']]);
  });
});

describe('a post-op visit told as "Follow-up after <surgery> <date> (<repair>)"', () => {
  const note =
    'Follow-up after Mohs of L nasal tip 11/10/2026 (bilobed flap repair). Sutures removed today. Well healed.\nNew issue: pink scaly papule R forearm, 8 mm, ? SCC. Shave bx performed, specimen A.\nAlso 3 AKs on L forearm treated with LN2.\n';
  it("bills no flap today, keeps the new lesion's site, and adds 79 in the flap's 90-day global (another site)", () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['11102-79-XS', '17000-79', '17003 x2', '88305']);
    expect(r.findings).not.toContain('documentation/lesion-site');
    expect(r.findings).not.toContain('tissue-transfer/att-area');
    expect(r.findings.filter((f) => f === 'checks/global-period')).toHaveLength(2);
  });
  it.each([
    ['Shave bx (pt declined Mohs) of R cheek, spec A.', ['biopsy-tangential']],
    ['Excision of BCC R back (bx proven), excised diameter 1.6 cm, intermediate repair 4 cm.', ['excision', 'repair']],
    ['s/p excision 10/30/2026 (intermediate repair), healing well.', []],
  ])('a parenthesis reads with the clause before it: %s', (line, kinds) => {
    const e = parseNote(`Date of Service: 11/20/2026\n${line}\n`);
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => p.kind)).toEqual(kinds);
  });
});

describe('a "Procedure:" paragraph after a blank line below a numbered problem list', () => {
  const note =
    'A/P\n1. Lesion R nasal ala, suspicious for BCC - shave bx today. Specimen A.\n2. AKs x16 scalp/hands - LN2 destruction, 2 freeze-thaw cycles each.\n3. Hx BCC - continue yearly skin checks.\n\nProcedure: Shave biopsy, R nasal ala. Consent obtained. Tangential removal with DermaBlade. Specimen A to dermpath.\n';
  it('is the biopsy of its own item, not of the last problem ("Hx BCC" gave Z85.828)', () => {
    const r = codeNote(note, { payer: 'commercial', pathology: 'in-house' });
    expect(r.lines).toEqual(['11102-59', '17004', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['D49.2']]);
  });
});

describe('a problem line after a procedure told in prose', () => {
  it('"Acne vulgaris, moderate - started doxycycline" is the next problem, not the warts\' diagnosis', () => {
    const r = codeNote(
      'Warts, multiple. R hand: 6 common warts on fingers. L plantar foot: 2 plantar warts. Pared with 15 blade then LN2 x2 cycles all 8 lesions.\nMolluscum - none.\nAcne vulgaris, moderate - started doxycycline 100 mg bid.\n',
    );
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([['B07.0', 'B07.8']]);
    // The paring is part of the destruction (its own finding says so): no "produced no claim line" beside it.
    expect(r.findings).toContain('other-procedures/paring');
    expect(r.findings).not.toContain('documentation/procedure-not-coded');
  });
});

describe('a diagnosis field after a blank line, naming another site', () => {
  it('opens the next item: the ED&C keeps its BCC and the cryotherapy takes the AKs', () => {
    const r = codeNote(
      'Diagnosis: Nodular BCC L upper back (bx 10/30/2026).\nProcedure: ED&C, L upper back. Lesion 1.4 cm, curetted x 3 cycles with electrodesiccation. Final defect 2.0 cm.\n\nDiagnosis: AK R forearm x2.\nProcedure: Cryotherapy R forearm, 2 lesions.\n',
      { payer: 'commercial' },
    );
    expect(r.lines).toEqual(['17000', '17003', '17262-59']);
    expect(r.dx).toEqual([['L57.0'], ['L57.0'], ['C44.519']]);
  });
});

describe('an adjacent tissue transfer whose total area is told in the next sentence', () => {
  it('"Total area of the flap and defect 9.5 sq cm" sizes it (no missing-defect warning)', () => {
    const r = codeNote(
      'Mohs: SCC L temple. Stage I: 4 tissue blocks, positive. Stage II: 2 tissue blocks, clear. Final defect: 2.4 x 2.0 cm.\n\nRepair: Rotation flap, L temple, to close the defect. Total area of the flap and defect 9.5 sq cm. Closed in layers with 5-0 Monocryl.\n',
    );
    expect(r.lines).toEqual(['17311', '17312', '14040']);
    expect(r.findings).not.toContain('tissue-transfer/att-area');
    expect(r.findings).not.toContain('documentation/procedure-not-coded');
  });
});

describe('counts and doses', () => {
  it('"Keloids x3 … divided among 3 lesions" is three lesions, not six (no count conflict)', () => {
    const r = codeNote(
      'Keloids x3: central chest (2) and L earlobe (1). Injected triamcinolone acetonide 40 mg/mL, total 1.5 mL (60 mg) divided among 3 lesions with 30g needle.\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301 x6']);
    expect(r.findings).not.toContain('injection/intralesional');
  });
  it('"Continue adalimumab 40 mg weekly (self-injected)" is not the Kenalog dose of the injection before it', () => {
    const r = codeNote(
      'Also: intralesional Kenalog 10 mg/mL 0.5 mL to 2 inflamed nodules L axilla, hidradenitis.\nContinue adalimumab 40 mg weekly (self-injected).\n',
    );
    expect(r.lines).toContain('J3301');
    expect(r.lines).not.toContain('J3301 x4');
  });
  it.each(['Total 100 units used, 0 wasted.', 'Total 100 units used, zero units discarded.'])('"%s" is no waste: JZ (Medicare)', (waste) => {
    const r = codeNote(`Primary axillary hyperhidrosis, severe, failed aluminum chloride. Botox 100 units, 50 units intradermally to each axilla. ${waste}\n`, {
      payer: 'medicare',
    });
    expect(r.lines).toEqual(['64650', 'J0585-JZ x100']);
  });
});

describe('a complex repair resting on "wide undermining"', () => {
  const note =
    'Excision of BCC R upper back, bx proven. Lesion 1.3 cm, margins 4 mm, excised diameter 2.1 cm. Wide undermining performed. Deep layer closed with 3-0 Monocryl, epidermis with 4-0 nylon. Final repair length 6.0 cm.\n';
  it('is coded complex with a note that CPT measures the undermining', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11603', '13101', '88305']);
    expect(r.findings).toContain('repair/level-supported');
  });
  it('"extensive undermining" (the CPT word) asks nothing', () => {
    const r = codeNote(note.replace('Wide undermining', 'Extensive undermining'));
    expect(r.lines).toEqual(['11603', '13101', '88305']);
    expect(r.findings).not.toContain('repair/level-supported');
  });
});

describe('a punch biopsy pair for alopecia sent to an outside dermatopathologist', () => {
  const note =
    'MD: F. Quinn\n\nPunch biopsy x2, scalp, for alopecia evaluation (r/o LPP vs CCCA):\nA - vertex, 4 mm punch, for vertical sections\nB - vertex, 4 mm punch, for horizontal sections\nBoth closed with 4-0 nylon. Sent to outside dermpath.\n';
  it('is two biopsies (the physician\'s initial "F." is no specimen F) and no 88305 (the outside lab bills)', () => {
    const r = codeNote(note, { pathology: 'in-house' });
    expect(r.lines).toEqual(['11104', '11105']);
  });
  it('"no outside pathology available" is no destination', () => {
    const r = codeNote('No outside pathology available. Shave biopsy R nasal ala, r/o BCC, specimen A to our dermpath lab.\n', { pathology: 'in-house' });
    expect(r.lines).toEqual(['11102', '88305']);
  });
});

describe('a note without an assessment heading that manages a condition on its own line', () => {
  it('"Psoriasis: BSA 12%, failing topicals. Start apremilast …" supports the E/M beside an excision', () => {
    const r = codeNote(
      'Psoriasis: BSA 12%, failing topicals. Start apremilast titration pack.\nNew lesion: L forearm 1.1 cm nodule, r/o keratoacanthoma vs SCC. Excision with 3 mm margins, excised diameter 1.8 cm, layered closure 3.5 cm. Specimen A.\nLevel: 99214-25\n',
      { pathology: 'in-house' },
    );
    expect(r.lines).toEqual(['99214-25', '11402', '12032', '88305']);
    expect(r.dx[0]).toEqual(['L40.9']);
  });
});

describe('"injected Kenalog …" with the verb before the drug', () => {
  it.each([
    ['Keloid R earlobe - injected Kenalog 10 mg/mL 0.3 mL.', ['11900', 'J3301']],
    ['Injected Kenalog 40 mg IM to R gluteus for poison ivy dermatitis.', ['96372', 'J3301 x4']],
  ])('%s', (line, lines) => {
    expect(codeNote(`${line}\n`).lines).toEqual(lines);
  });
});

describe('a visit whose reason is a numbered treatment session', () => {
  it('"Reason: NB-UVB phototherapy session #47 for psoriasis" is that session (96900), beside an excimer laser', () => {
    const r = codeNote(
      'Reason: NB-UVB phototherapy session #47 for psoriasis vulgaris (L40.0).\nDose 1500 mJ/cm2, no erythema from last session.\nAlso: Excimer laser (308 nm) to L elbow and R knee plaques, total area 180 sq cm.\n',
    );
    expect(r.lines).toEqual(['96900', '96920']);
  });
  it('a reason naming a condition only is still why, not a procedure', () => {
    expect(codeNote('Reason: psoriasis follow-up, NB-UVB 3x weekly at another center.\n').lines).toEqual([]);
  });
});

describe('lesions injected, counted per site', () => {
  it('"R axilla 3 nodules …, L axilla 2 nodules …" is five lesions without a count conflict', () => {
    const r = codeNote(
      'Hidradenitis suppurativa, Hurley II, axillae.\n- Intralesional triamcinolone 10 mg/mL: R axilla 3 nodules (0.3 mL each), L axilla 2 nodules (0.3 mL each).\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301 x2']);
    expect(r.findings).not.toContain('injection/intralesional');
  });
});

describe('a self-administered biologic given in the office', () => {
  it('says why there is no drug line, and asks for no site of a "lesion"', () => {
    const r = codeNote(
      'A/P:\n1. Atopic dermatitis, well controlled - continue Dupixent 300 mg q2 weeks. Dupixent 300 mg SC given in office today (pt-supplied).\n',
      { payer: 'medicare' },
    );
    expect(r.findings).toContain('injection/self-administered-drug');
    expect(r.findings).not.toContain('documentation/procedure-not-coded');
    expect(r.findings).not.toContain('documentation/lesion-site');
  });
});

describe('a dehiscence re-closed on the day of a new biopsy', () => {
  it("takes the earlier surgery's lesion, not the new biopsy's D49.2, and says the complication code is missing", () => {
    const r = codeNote(
      'Wound check s/p excision of SCC L shin 11/12/2026 (11602, 12032). Wound dehiscence of inferior 1.5 cm, no infection. Resutured with 4-0 nylon, simple closure.\nSeparately: new 5 mm pearly papule R nasal tip - shave bx (A).\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    expect(r.lines).toEqual(['11102', '12020', '88305']);
    expect(r.dx[1]).toEqual(['C44.729']);
    expect(r.findings).toContain('diagnosis/link');
  });
});

describe('two lacerations under one "Laceration repair" title', () => {
  it('are two repairs measured by their wounds: contaminated single layer is intermediate, the other simple', () => {
    const r = codeNote(
      'Laceration repair\nLaceration R forearm 4.2 cm from glass, moderately contaminated; extensive irrigation and removal of glass particles. Closed in single layer with 4-0 nylon.\nAlso laceration L hand (dorsum) 1.8 cm, simple closure 5-0 nylon.\n',
    );
    expect(r.lines).toEqual(['12032', '12001-59']);
  });
});

describe('excisions listed under "(all previously biopsied)"', () => {
  it("every item is a proven malignancy, also after the first item's repair line", () => {
    const r = codeNote(
      'Excisions today (all previously biopsied):\n1. BCC, R forehead: lesion 0.8 cm, 3 mm margins, excised 1.4 cm. Intermediate repair 3.0 cm.\n2. SCC, L cheek: lesion 1.0 cm, 4 mm margins, excised 1.8 cm. Intermediate repair 3.5 cm.\n3. SCCIS, R forearm: lesion 1.2 cm, 4 mm margins, excised 2.0 cm. Intermediate repair 4.5 cm.\n',
      { pathology: 'in-house' },
    );
    expect(r.lines).toEqual(['11642', '11642-59', '11602', '12053', '12032', '88305 x3']);
    expect(r.findings).not.toContain('excision/pending-pathology');
  });
});

describe('a lesion count in parentheses after the site', () => {
  it.each([
    ['1. Chronic actinic damage, multiple AKs face (10): LN2.', ['17000', '17003 x9']],
    ['Warts on the R hand (4), LN2 x2 cycles.', ['17110']],
  ])('%s', (line, lines) => {
    expect(codeNote(`${line}\n`).lines).toEqual(lines);
  });
});

describe('a cosmetic treatment on the line above a medical one', () => {
  it('"Acne vulgaris, active: comedone extraction" is not cosmetic because the acne-scar line above is', () => {
    const r = codeNote(
      'Acne scars, ice pick and rolling, cheeks: TCA CROSS to 30 scars + microneedling, patient pay (cosmetic).\nAcne vulgaris, active: comedone extraction of 15 comedones, face; continue tretinoin.\nE/M: 99213-25\n',
    );
    expect(r.lines).toEqual(['99213-25', '10040']);
    expect(r.dx[1]).toEqual(['L70.0']);
  });
});

describe('a rule-out between two neoplasms', () => {
  it('"r/o DF vs DFSP" is a neoplasm of unspecified behavior before pathology (D49.2), not a provisional non-neoplasm', () => {
    const r = codeNote('L calf, 1.2 cm firm nodule, r/o DF vs DFSP - 6 mm punch bx, 2 sutures, to in-house dermpath.\n', { pathology: 'in-house' });
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

describe('left over from the notes helper (h12)', () => {
  it('"Molluscum x 15 on trunk, curettage of 14 today" counts the 14 treated (17110, not 17111)', () => {
    expect(codeNote('Molluscum x 15 on trunk, curettage of 14 today.\n').lines).toEqual(['17110']);
  });
  it('"81 yo F." is the patient\'s sex, not specimen F', () => {
    const e = parseNote('Date of Service: 11/20/2026\n81 yo F. Here for spot on back.\nShave bx L upper back, r/o BCC.\n');
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A']);
  });
});

describe('a re-excision told "today" after the earlier biopsy\'s history words', () => {
  it('"s/p shave bx 10/30/2026 with positive margins - re-excision today: …, intermediate closure 3.2 cm" is today\'s work', () => {
    const r = codeNote(
      'Assessment and Plan\nDysplastic nevus, moderate atypia, L upper back, s/p shave bx 10/30/2026 with positive margins - re-excision today: 2 mm margins around the 0.9 cm biopsy scar, excised diameter 1.3 cm, intermediate closure 3.2 cm. Specimen A.\n',
      { pathology: 'in-house' },
    );
    expect(r.lines).toEqual(['11402', '12032', '88305']);
    expect(r.dx[0]).toEqual(['D22.5']);
  });
  it('"s/p excision 10/30/2026, healing well" stays history', () => {
    expect(codeNote('s/p excision 10/30/2026, healing well, no infection.\n').lines).toEqual([]);
  });
});

describe("dates of service written in the note's own words", () => {
  it.each([
    ['Progress Notes by Hannah Cole, MD at 11/20/2026 9:40 AM\nPatient: Test, Patient-701\n', '2026-11-20'],
    ['Dictated: The patient is a 70-year-old gentleman seen today on 11/19/2026 for a scaly lesion.\n', '2026-11-19'],
    ['Signed by Hannah Cole, MD at 11/20/2026 9:40 AM\n', undefined],
  ])('%s', (head, dos) => {
    expect(parseNote(`${head}Shave bx L helix, r/o SCC.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('a repair written as "Repair:" over indented fields', () => {
  it('"Type: Intermediate", "Length: 2.8 cm", "Site: R cheek" is a repair after the Mohs stage', () => {
    const r = codeNote(
      'Mohs\nLesion: BCC R cheek (bx 11/1/2026)\nStage 1 - 2 blocks - clear\nRepair:\n  Type: Intermediate\n  Length: 2.8 cm\n  Site: R cheek\n',
    );
    expect(r.lines).toEqual(['17311', '12052']);
  });
});

describe('a biologic given "SC" in the office', () => {
  it('"first dose 150 mg SC given in office today" is an administration (96372, commercial)', () => {
    const r = codeNote('Psoriasis - 15% BSA, failed methotrexate - Start Skyrizi; first dose 150 mg SC given in office today from practice stock.\n', {
      payer: 'commercial',
    });
    expect(r.lines).toEqual(['96372']);
    expect(r.findings).toContain('injection/self-administered-drug');
  });
});

describe('nail debridement beside the onychomycosis sentence of its own line', () => {
  it('links B35.1', () => {
    const r = codeNote(
      'Onychomycosis, toenails 1-5 bilaterally, thick dystrophic painful nails, limits ambulation. Debridement of 10 nails with nail nippers and burr.\n',
    );
    expect(r.lines).toEqual(['11721']);
    expect(r.dx).toEqual([['B35.1']]);
  });
});

describe("a plan line naming today's procedure, then the narrative of it", () => {
  it('"Plan: shave excision of keloid today, then ILK to base." over the performed shave and injection is one of each', () => {
    const r = codeNote(
      'Keloid R earlobe, post piercing, 1.5 cm. Plan: shave excision of keloid today, then ILK to base.\nShave excision performed, 1.5 cm, hemostasis with electrocautery. Kenalog 40 mg/mL 0.25 mL injected into the base. Sent to path.\n',
      { pathology: 'in-house' },
    );
    // The jar after the injection is the shave's tissue.
    expect(r.lines).toEqual(['11312', '88305', '11900', 'J3301']);
  });
});

describe("a lesion family named precisely on the procedure's own line", () => {
  it.each([
    ['Epidermoid cyst upper back, 2 cm, painful. Excision, excised diameter 2.4 cm, layered closure 3.5 cm.', 'L72.0'],
    ['Pilar cyst scalp, 1.5 cm, tender. Excision, excised diameter 1.7 cm, layered closure 2.5 cm.', 'L72.11'],
    ['Pyogenic granuloma L index finger, bleeding, 6 mm - shave removal. Sent to path.', 'L98.0'],
  ])('%s → %s', (line, code) => {
    expect(codeNote(`${line}\n`, { pathology: 'in-house' }).dx[0]).toContain(code);
  });
  it("another item's line does not make a plain cyst a pilar cyst", () => {
    const r = codeNote('1. Cyst L back, 2 cm, inflamed - excision, excised diameter 2.4 cm, layered closure 3.5 cm.\n2. Pilar cyst scalp - observe.\n');
    expect(r.dx[0]).toEqual(['L72.9']);
  });
});

describe('a destruction of the base of the lesion just removed', () => {
  it('has no lesion of its own: no 17110 (and no D18.01), one verify finding (the reference does not settle it)', () => {
    const r = codeNote('Pyogenic granuloma L index finger, bleeding, 6 mm - shave removal and ED&C of base. Sent to path.\n', { pathology: 'in-house' });
    expect(r.lines).toEqual(['11306-F1', '88305']);
    expect(r.dx).toEqual([['L98.0'], ['L98.0']]);
    expect(r.findings).toEqual(['destruction/base-of-removed-lesion']);
  });
});

describe('the same diagnosis managed beyond its procedure (§10.1: a different diagnosis is not required)', () => {
  it('isotretinoin management beside an ILK of acne cysts keeps the documented 99214-25', () => {
    const r = codeNote(
      'Acne vulgaris, moderate-severe, on isotretinoin month 3 (iPLEDGE). Labs reviewed, lipids ok. Refilled 40 mg bid.\nIntralesional triamcinolone 2.5 mg/mL 0.1 mL to 3 acne cysts on chin.\nE/M 99214 mod 25.\n',
    );
    expect(r.lines).toEqual(['99214-25', '11900', 'J3301']);
  });
  it('an ILK of acne cysts alone supports no E/M', () => {
    const r = codeNote('Acne vulgaris, cystic: intralesional triamcinolone 2.5 mg/mL 0.1 mL to 3 cysts on chin.\nE/M 99213 mod 25.\n');
    expect(r.lines).toEqual(['11900', 'J3301']);
  });
});

describe('sibling bullets of a procedure list', () => {
  it('"- LN2 to AKs: forehead x4, nose x2, R cheek x3 (9 total)" is no header of the "- LN2 to SKs" bullet below it', () => {
    const r = codeNote(
      'Procedures:\n- LN2 to AKs: forehead x4, nose x2, R cheek x3 (9 total)\n- LN2 to SKs (irritated, itching): back x3\n- Shave bx, L temple, r/o BCC (A)\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x8', '17110', '88305']);
    // "SKs (irritated, …)" is an inflamed SK (L82.0).
    expect(r.dx[3]).toEqual(['L82.0']);
  });
});
