import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads found by probing visit notes in styles the golden corpus lacked, coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('repair: one repair word over several sites, each measured (CPT §4.2: sum per level and site group)', () => {
  it.each([
    ['Repair: intermediate; L cheek 2.0 cm; R forearm 3.0 cm', ['12051', '12032']],
    ['Intermediate repair: L cheek 2.0 cm, R forearm 3.0 cm.', ['12051', '12032']],
    // Same group, same level: 1.5 + 2.0 = 3.5 cm → 12002 (2.6-7.5 cm).
    ['Lacerations repaired (simple): R hand 1.5 cm, R forearm 2.0 cm. 5-0 nylon.', ['12002']],
    // Trunk and arm are one intermediate group: 2.0 + 3.0 = 5.0 cm → 12032.
    ['Layered closure; R upper back 2.0 cm; L upper arm 3.0 cm', ['12032']],
  ])('%s', (line, lines) => {
    expect(codeNote(`Lacerations from a fall, irrigated.\n${line}\n`).lines).toEqual(lines);
  });

  it('one site with its length stays one repair', () => {
    expect(codeNote('Repair: intermediate; L cheek 2.0 cm; 5-0 nylon\n').lines).toEqual(['12051']);
  });

  it('"lacerations repaired (simple)" after a sentence giving each wound at one site sums them', () => {
    const r = codeNote('Dog bite, two superficial lacerations R hand 1.5 cm and 2.0 cm.\nLacerations repaired (simple) with 4-0 nylon interrupted sutures.\n');
    expect(r.lines).toEqual(['12002']);
  });

  it('"laceration was repaired (simple)" with no length asks for it', () => {
    const r = codeNote('Laceration R shin, cleaned. Laceration was repaired (simple) with 4-0 nylon.\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('repair/length-documented');
  });
});

describe('shave removal of "both" / "each" / "all three" lesions counted just before', () => {
  it('two nevi, sizes in order → two shave lines, two specimens', () => {
    const r = codeNote('2 nevi on the back, irritated by bra strap, 0.6 cm and 0.8 cm. Shave removal of both, sent to path.\n');
    expect(r.lines).toEqual(['11301', '11301-59', '88305 x2']);
  });

  it('three SKs, each shaved', () => {
    const r = codeNote('3 irritated SKs L back, 0.4 cm, 0.8 cm and 1.5 cm, catching on clothing. Each removed by shave, not sent.\n');
    expect(r.lines).toEqual(['11300', '11301', '11302']);
  });

  it('"all three" with a count that disagrees is not split', () => {
    const r = codeNote('2 SKs L back 0.4 cm and 0.8 cm, irritated. Shave removal of all three.\n');
    expect(r.lines).toHaveLength(1);
  });
});

describe('a fungal test links to the condition it tests for, never another problem', () => {
  it('r/o tinea with a scaly rash → the rash (R21), not the psoriasis', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. Scaly rash L foot, r/o tinea pedis - KOH prep performed in office: positive for hyphae. Start ketoconazole cream.\n',
    );
    expect(r.lines).toEqual(['87220']);
    expect(r.dx).toEqual([['R21']]);
  });

  it('a stated onychomycosis → B35.1', () => {
    const r = codeNote(
      'A/P:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. Onychomycosis R great toenail, thick yellow nail. KOH done in office: positive.\n',
    );
    expect(r.dx).toEqual([['B35.1']]);
  });

  it('nothing named next to the test → no dx and a finding, not the other problem', () => {
    const r = codeNote('A/P:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. KOH prep performed today: negative.\n');
    expect(r.dx).toEqual([[]]);
    expect(r.findings).toContain('diagnosis/unmapped');
  });
});

describe('a rule-out of an inflammatory condition is not a neoplasm (reference §13.2)', () => {
  it('r/o LCV punch biopsy → no D49.2, the coder is asked', () => {
    const r = codeNote('Palpable purpura bilateral lower legs x 5 days.\nPunch biopsy 4 mm L shin, r/o LCV, sent for H&E and DIF.\n');
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx.flat()).not.toContain('D49.2');
    expect(r.findings).toContain('diagnosis/unmapped');
  });

  it('r/o vasculitis of a biopsied rash → the rash sign R21', () => {
    const r = codeNote('Punch biopsy 4 mm of petechial rash L shin, r/o vasculitis, sent to path.\n');
    expect(r.dx[0]).toEqual(['R21']);
  });

  it('a rule-out neoplasm keeps D49.2', () => {
    const r = codeNote('Shave biopsy R forearm, pink scaly papule, r/o SCC, sent to path.\n');
    expect(r.dx[0]).toEqual(['D49.2']);
  });
});

describe("the patient's wish is no procedure done", () => {
  it.each([
    [
      '52M f/u. pt wants SK on R temple removed. also wants his skin tags removed at some point.\n4 AKs forehead treated with LN2 today.\n',
      ['17000', '17003 x3'],
    ],
    ['Pt is wanting the growth on her nose biopsied. Would like her warts frozen too.\nImpression: r/o BCC L nasal ala; verruca vulgaris.\n', []],
  ])('%s', (note, lines) => {
    expect(codeNote(note).lines).toEqual(lines);
  });

  it('a wish followed by the procedure done is still done', () => {
    expect(codeNote('Pt requests removal of 3 irritated skin tags of the neck, catching on necklace. Snip removal of 3 skin tags.\n').lines).toEqual(['11200']);
  });

  it('"declined" about another lesion in the next sentence does not cancel this one', () => {
    const r = codeNote('A/P: verruca vulgaris R index finger - LN2 today, 2 FTC. SKs - benign, cosmetic, declined to treat today.\n');
    // R index finger: anatomic modifier F6 (§10.6).
    expect(r.lines).toEqual(['17110-F6']);
  });
});

describe('spoken and typed problem numbers in all-lowercase notes', () => {
  it('"number one, …" items: the AK keeps its own dx, managed problems support 25', () => {
    const r = codeNote(
      'assessment and plan\nnumber one, actinic keratoses of the face, 5 lesions, treated with liquid nitrogen today.\nnumber two, seborrheic dermatitis of the scalp, start ketoconazole 2% shampoo twice weekly.\nnumber three, acne vulgaris, continue tretinoin cream.\nlevel of service 99213\n',
    );
    expect(r.lines).toEqual(['99213-25', '17000', '17003 x4']);
    expect(r.dx[1]).toEqual(['L57.0']);
  });
});

describe('SOAP notes: a numbered plan item takes the impression of the assessment item with its number', () => {
  const note =
    'S: skin check.\nO: 7 scaly papules forehead. R nasal ala 6 mm pearly papule.\nA: 1) Actinic keratoses, forehead x7.  2) Lesion R nasal ala, r/o BCC.\n' +
    'P: 1) Cryotherapy with LN2 to all 7 AKs.\n   2) Shave biopsy of the R nasal ala lesion; specimen A to our dermpath lab.\n';
  it('the biopsy is D49.2 (r/o BCC), not the AKs of item 1', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11102-59', '17000', '17003 x6', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
    expect(r.findings).not.toContain('documentation/lesion-site');
  });
});

describe('plans and follow-ups are not procedures done', () => {
  it.each([
    ['2. Benign nevus L mid back - reassured; would biopsy if it changes.\n'],
    ['Nevus R arm - benign. Would excise if it grows.\n'],
    ['Verruca R hand. RTC 4 sem for repeat cryo.\n'],
    ['AKs improved on 5-FU. Return in 3 months for cryo if needed.\n'],
  ])('%s', (line) => {
    expect(codeNote(line).lines).toEqual([]);
  });

  it('a procedure named in parentheses of a historical clause is history', () => {
    const r = codeNote('Here for suture removal s/p excision of atypical nevus R upper back 11/12/2026 (11402, intermediate repair 12032). Sutures removed.\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).not.toContain('repair/length-documented');
  });
});

describe('global period: an E/M the note calls unrelated to the surgery takes 24 (§10.3)', () => {
  it('suture removal plus an unrelated problem → 99213-24', () => {
    const r = codeNote(
      'Here for suture removal s/p excision R upper back 11/12/2026. Wound healed, sutures removed.\nNew problem, unrelated to the surgery: hand dermatitis. Start clobetasol ointment BID.\nE/M 99213\n',
    );
    expect(r.lines).toEqual(['99213-24']);
  });

  it('a related post-op visit alone is included: no E/M line', () => {
    const r = codeNote('Here for suture removal s/p excision R upper back 11/12/2026. Wound healed, sutures removed.\nE/M 99212\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('evaluation/postoperative-visit');
  });
});

describe('warts: paring before the destruction is the destruction; "all N warts" link every wart kind', () => {
  it('pared then treated, with "All 16 warts treated" → 17111 only, B07.0 + B07.8', () => {
    const r = codeNote(
      'ASSESSMENT & PLAN\nVerruca vulgaris, R hand - 9 lesions\nPlantar warts, L foot - 4 lesions, painful; pared with a #15 blade then treated\nPeriungual warts, L thumb - 3 lesions\nAll 16 warts treated with liquid nitrogen, 2 freeze-thaw cycles each.\n',
    );
    expect(r.lines).toEqual(['17111']);
    expect(r.dx).toEqual([['B07.0', 'B07.8']]);
  });

  it('calluses pared beside a wart destruction are still coded', () => {
    const r = codeNote('Calluses x3 L sole pared with a #15 blade.\nVerruca vulgaris x2 R hand - LN2 today.\n');
    expect(r.lines).toEqual(['17110', '11056']);
  });
});

describe('terse "problem - plan" lines are separate problems', () => {
  it('keloid ILK and acne restarted → 99213-25 with the acne dx', () => {
    const r = codeNote(
      'a/p\nkeloids chest x3 - ILK: Kenalog-10 (10 mg/mL) 0.4 mL into each of the 3 keloids = 1.2 mL total (12 mg). tol well\nacne vulgaris, mod-severe - restart spironolactone 50 mg daily, start clindamycin/BPO gel\n99213-25\n',
    );
    expect(r.lines).toEqual(['99213-25', '11900', 'J3301 x2']);
    expect(r.dx[0]).toContain('L70.0');
  });

  it('melasma is chloasma L81.1', () => {
    const r = codeNote('A/P:\n1. Verruca vulgaris R hand (6) - LN2 today.\n2. Melasma - start hydroquinone 4% cream qhs.\n99213-25\n');
    expect(r.dx[0]).toContain('L81.1');
  });
});

describe('telehealth E/M: the payer rules for POS and modifier are asked, never invented', () => {
  it('video visit → 99213 with no modifier and a telehealth finding', () => {
    const r = codeNote('Visit type: Telehealth — synchronous audio-video, POS 10\nA/P: acne vulgaris - start spironolactone 50 mg daily.\nE/M 99213\n');
    expect(r.lines).toEqual(['99213']);
    expect(r.findings).toContain('evaluation/telehealth');
  });

  it('an office visit gets no such finding', () => {
    const r = codeNote('A/P: acne vulgaris - start spironolactone 50 mg daily.\nE/M 99213\n');
    expect(r.findings).not.toContain('evaluation/telehealth');
  });
});

describe('template checkboxes: only ticked procedures were done', () => {
  it('unticked boxes produce nothing; a "(biopsy)" after a diagnosis field name opens no biopsy', () => {
    const r = codeNote(
      'PROCEDURE DOCUMENTATION\n[x] Cryotherapy - premalignant lesions (AK)    # of lesions: 12    Site: face, scalp\n[ ] Cryotherapy - benign lesions\n' +
        '[x] Shave biopsy    Site: L upper arm    Specimen: A    Sent to: in-house dermpath\n[ ] Punch biopsy\n[ ] Excision\n☐ Intralesional injection\n( ) Incision & drainage\n' +
        'Clinical impression (biopsy): r/o SCC vs ISK, 8 mm keratotic papule\n',
    );
    expect(r.lines).toEqual(['11102-59', '17000', '17003 x11', '88305']);
  });
});

describe('"LN2 x 15" counts the lesions (the 2 of LN2 is no dimension)', () => {
  it.each([
    ['AKs → LN2 x 15 (scalp 9, ears 4, nose 2), 2 FTC\n', ['17004']],
    ['AKs face - LN2 x 6\n', ['17000', '17003 x5']],
  ])('%s', (line, lines) => {
    expect(codeNote(line).lines).toEqual(lines);
  });
});

describe('a template repair field gives the repair its length', () => {
  it('"PROCEDURE: Excision … with layered closure" then "REPAIR: Intermediate, 3.5 cm"', () => {
    const r = codeNote(
      'PREOPERATIVE DIAGNOSIS:\tEpidermoid cyst, L upper back, inflamed and draining\nPROCEDURE:\tExcision of cyst with layered closure\nEXCISED DIAMETER:\t2.4 cm\nREPAIR:\tIntermediate, 3.5 cm\nSPECIMEN:\tA, to in-house dermpath\n',
    );
    expect(r.lines).toEqual(['11403', '12032', '88304']);
  });
});

describe('"all three removed" with sizes sharing one unit ("0.5, 0.7 and 1.1 cm")', () => {
  it('each lesion keeps its own size band', () => {
    const r = codeNote('3 ISKs on the back, irritated by bra strap, 0.5, 0.7 and 1.1 cm. All three removed by shave, not sent.\n');
    expect(r.lines).toEqual(['11300', '11301', '11302']);
  });
});

describe('a biopsy is not linked to the one other problem of the visit (reference §13.1-13.2)', () => {
  it('acne managed today does not become the dx of the shoulder papule biopsied: D49.2 until pathology', () => {
    const r = codeNote(
      'Impression/Plan:\n1. Papule R posterior shoulder, r/o BCC. Punch biopsy today, see procedure note.\n2. Acne vulgaris, not controlled. Start spironolactone 50 mg daily.\n\nProcedure Note: Punch biopsy\nSite: R posterior shoulder\n4 mm punch, specimen A, to in-house dermpath.\n',
    );
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx[0]).toEqual(['D49.2']);
  });

  it('a problem whose words name the biopsied lesion still links', () => {
    const r = codeNote(
      'Impression/Plan:\nPlaque psoriasis of the elbows, atypical for her.\nProcedure: 4 mm punch biopsy R elbow plaque to confirm, specimen A, to in-house dermpath.\n',
    );
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx[0]).toEqual(['L40.0']);
  });
});

describe('"shave removal of both" with the sizes measured in the exam (reference §3.4: one code per lesion by its diameter)', () => {
  it('takes the two exam sizes at the same site and the irritated-SK reading of the plan line', () => {
    const r = codeNote(
      'Exam: mid back at the bra line, two stuck-on verrucous papules, 0.8 cm and 1.2 cm, eroded and crusted.\n\nImpression/Plan:\nIrritated seborrheic keratoses x2, mid back\n  -- Bleeding and irritated by the bra clasp. Shave removal of both after consent. Not sent to pathology (classic SKs).\n',
    );
    expect(r.lines).toEqual(['11301', '11302']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0']]);
  });

  it('sizes examined at another site are not these lesions', () => {
    const r = codeNote(
      'Exam: L forearm, two stuck-on papules, 0.8 cm and 1.2 cm.\n\nImpression/Plan:\nIrritated seborrheic keratoses x2, mid back\n  -- Bleeding. Shave removal of both after consent.\n',
    );
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('shave/lesion-diameter');
  });
});

describe('nail avulsions of two named toes (reference §14: 11730 + 11732; §10.6 toe modifiers)', () => {
  it('each line carries its own toe', () => {
    const r = codeNote(
      'Procedures\nPartial nail avulsion, left great toe (lateral border) - digital block; lateral 1/4 of the nail plate avulsed.\nPartial nail avulsion, right great toe (medial border) - digital block; medial 1/5 of the nail plate avulsed.\n',
    );
    expect(r.lines).toEqual(['11730-TA', '11732-T5']);
  });

  it('three toes: the additional nails share one 11732 line without a single toe modifier', () => {
    const r = codeNote('Procedures\n1. Nail avulsion, left great toe.\n2. Nail avulsion, right great toe.\n3. Nail avulsion, left second toe.\n');
    expect(r.lines).toEqual(['11730-TA', '11732 x2']);
  });
});

describe('re-excision dated by the indication line above it (reference §3.2, §10.3: 58 only inside the global)', () => {
  const note = (first: string) =>
    `Procedure Note:\nIndication: Melanoma in situ, R upper back, excised here ${first} (11602); peripheral margin involved. Returns for planned re-excision.\nProcedure: Re-excision, R upper back\nPre-op measurements: scar 2.0 cm; margins 5 mm; excised diameter 3.0 cm\nClosure: layered; repair length 6.0 cm\nSpecimen: A to an outside lab\n`;

  it('day 8 of the 010 global: 58', () => {
    expect(codeNote(note('11/12/2026'), { pathology: 'external' }).lines).toEqual(['11603-58', '12032']);
  });

  it('day 20: outside the global, no 58', () => {
    expect(codeNote(note('10/31/2026'), { pathology: 'external' }).lines).toEqual(['11603', '12032']);
  });
});

describe('consecutive lines on different digits of one side are different procedures', () => {
  it('right great toe and right second toe: three avulsions', () => {
    const r = codeNote('Procedures\nNail avulsion, left great toe.\nNail avulsion, right great toe.\nNail avulsion, right second toe.\n');
    expect(r.lines).toEqual(['11730-TA', '11732 x2']);
  });

  it('the same toe named again is one procedure', () => {
    const r = codeNote('Procedures\nNail avulsion, right great toe.\nRight great toe: nail plate freed and avulsed, dressing applied.\n');
    expect(r.lines).toEqual(['11730-T5']);
  });
});

describe('dictated prose: "froze eleven of them" and an untreated lesion told after a biopsy', () => {
  const note =
    'He comes back for his actinic keratoses. I froze eleven of them today, seven on the scalp and four on the backs of the hands, with liquid nitrogen. I also took a shave biopsy of a pearly papule on the left nasal ala, specimen A, to our lab. The seborrheic keratoses on his back are asymptomatic and were left alone.\n';

  it('counts 11 AKs (§2.1) and keeps the SKs left alone out of the biopsy (D49.2, §13.2)', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11102-59', '17000', '17003 x10', '88305']);
    expect(r.dx[0]).toEqual(['D49.2']);
  });
});
