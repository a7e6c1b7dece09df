import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 7), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a header line that ends with the date, set off by spaces or a tab', () => {
  it.each([
    ['Test, Patient-706      11/18/2026', '2026-11-18'],
    ['Test, Patient-706\t2026-11-18', '2026-11-18'],
    ['Pt: Test, Patient-706  MRN 44120   Nov 18, 2026', '2026-11-18'],
    // A date inside a sentence, a birth date and another day's date are not the visit's.
    ['Test, Patient-706 seen for f/u of biopsy from 11/02/2026', undefined],
    ['Test, Patient-706   DOB   03/14/1951', undefined],
    ['Test, Patient-706   last visit   10/01/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nKeloid R earlobe, Kenalog 10 mg/mL 0.5 mL intralesional.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('a problem managed beside same-day procedures, with no E/M level documented', () => {
  const note =
    'Assessment/Plan:\n1. Plaque psoriasis, moderate - start calcipotriene/betamethasone foam daily x 4 wk.\n2. Lesion R nasal tip, 4 mm pearly papule, r/o BCC - shave biopsy performed, specimen to path.\n';
  it('adds no E/M line (no level is invented) but says the separate problem supports one with 25', () => {
    const r = codeNote(note, { payer: 'commercial', pathology: 'in-house' });
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).toEqual(['evaluation/separately-identifiable']);
  });
  it('says nothing when only the procedure was done', () => {
    const r = codeNote('Assessment/Plan:\n1. Lesion R nasal tip, r/o BCC - shave biopsy performed, specimen to path.\n', { pathology: 'in-house' });
    expect(r.findings).not.toContain('evaluation/separately-identifiable');
  });
  it('with a documented level the line carries 25 and no such note', () => {
    const r = codeNote(`${note}E/M: 99213\n`, { payer: 'commercial', pathology: 'in-house' });
    expect(r.lines).toEqual(['99213-25', '11102', '88305']);
    expect(r.findings).not.toContain('evaluation/separately-identifiable');
  });
});

describe('problem numbers written "#1 AK x 15"', () => {
  it('are not part of the problem name', () => {
    const e = parseNote('A/P:\n#1 AK x 15 - LN2 cryo, 2 cycles each.\n#2 SKs trunk - benign, reassured.\n');
    expect(e.visit.problems.map((p) => p.text)).toEqual(['AK x 15', 'SKs trunk']);
  });
});

describe('a lesion without a site', () => {
  it('is only noted (info) when its procedure is coded without the site: premalignant destruction by count', () => {
    const d = codeEncounter(parseNote('Date of Service: 11/20/2026\nA/P:\n#1 AK x 15 - LN2 cryo, 2 freeze thaw cycles each.\n'), Settings.parse({}));
    expect(d.lines.map((l) => [l.code, l.units])).toEqual([['17004', 1]]);
    expect(d.findings.filter((f) => f.rule === 'documentation/lesion-site').map((f) => f.severity)).toEqual(['info']);
  });
  it('is a warning when the code depends on the site: a shave biopsy', () => {
    const d = codeEncounter(parseNote('Date of Service: 11/20/2026\nA/P:\n1. Pearly papule r/o BCC - shave biopsy, spec A.\n'), Settings.parse({}));
    expect(d.findings.filter((f) => f.rule.startsWith('documentation/lesion-site')).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('a malignancy proven by an earlier biopsy named after it in the sentence', () => {
  it.each([
    ['well-differentiated SCC of the vertex scalp, confirmed on shave biopsy 10/20/26.', true],
    ['BCC, superficial, R forearm, prior bx.', true],
    ['Melanoma in situ L upper back, diagnosed by punch biopsy last month.', true],
    // Suspected, historical, or a prior biopsy that was benign: no proof.
    ['r/o BCC, prior bx.', false],
    ['hx of SCC, prior bx 2019.', false],
    ['BCC suspected; prior bx of this spot was benign.', false],
  ])('%s → %s', async (text, proven) => {
    const { priorMalignantBiopsyIn } = await import('../../../core/parse/triggers');
    expect(priorMalignantBiopsyIn(text)).toBe(proven);
  });

  it('codes the scalp excision malignant by its excised diameter, the complex repair on the scalp (not "dog ears")', () => {
    const r = codeNote(
      'Indication: well-differentiated SCC of the vertex scalp, confirmed on shave biopsy 10/20/26.\nClinical lesion 1.6 cm. Performed excision with 5 mm margins (total 2.6 cm excised diameter).\nExtensive undermining, complex layered closure, length 7.0 cm. Dog ears removed.\nSpecimen sent for permanent sections (in-house dermpath).\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    // §3.1/§3.3: 1.6 + 2 x 0.5 = 2.6 cm on the scalp = 11623; §4.3: complex 7.0 cm scalp = 13121.
    expect(r.lines).toEqual(['11623', '13121', '88305']);
    expect(r.dx).toEqual([['C44.42'], ['C44.42'], ['C44.42']]);
  });
});

describe('procedures read from plain list shapes', () => {
  it('a shave removal whose specimen goes "to path" gets its 88305', () => {
    const r = codeNote(
      'Irritated seborrheic keratosis L temple, 0.8 cm, bleeding, inflamed.\nShave removal performed, hemostasis with AlCl3, specimen to path (in-house).\n',
      {
        payer: 'medicare',
        pathology: 'in-house',
      },
    );
    expect(r.lines).toEqual(['11311', '88305']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0']]);
  });
  it('a "Biopsies:" line over dash bullets is their heading, not a biopsy of its own', () => {
    const r = codeNote(
      'Biopsies:\n- L lower lip vermilion, 3 mm scaly papule r/o SCC: shave bx\n- R helix, tender nodule r/o SCC: shave bx\nSpecimens to in-house lab.\n',
      { pathology: 'in-house' },
    );
    // §1.3: lip (40490) and external ear (69100) biopsies take their site-specific codes; one 88305 per specimen.
    expect(r.lines).toEqual(['40490', '69100', '88305 x2']);
    expect(r.findings).not.toContain('biopsy/technique-documented');
  });
  it('an avulsion of a "toenail" is a nail avulsion: first nail 11730, the next 11732', () => {
    const r = codeNote(
      'Ingrown nail L great toe. Partial nail avulsion of the medial border of the L great toenail.\nAlso, onychodystrophy R great toenail - complete avulsion of the R great toenail plate for pain.\n',
    );
    expect(r.lines).toEqual(['11730-TA', '11732-T5']);
  });
});

describe('the date of service on a header line that also holds the birth date, or set off by dashes', () => {
  it.each([
    ['Name: Test, Patient-720          DOB: 07/07/1966         Date: 11/19/2026', '2026-11-19'],
    ['Test, Patient-720   DOB 07/07/1966   11/19/2026', '2026-11-19'],
    ['Test, Patient-722 — 11/17/2026 — Commercial', '2026-11-17'],
    ['Test, Patient-722 | 2026-11-17 | Aetna', '2026-11-17'],
    ['Test, Patient-720, age 60, DOB: 07/07/1966', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nPsoriasis, stable on topicals.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('an intralesional dose beside a take-home prescription', () => {
  it('reads the injected mL at the written strength, not the oral drug’s mg', () => {
    const r = codeNote(
      'Acne vulgaris, inflammatory cysts.\nIntralesional Kenalog 2.5 mg/mL, 0.1 mL into each of 4 inflamed cysts (chin x2, L jaw, R cheek).\nCont doxycycline 100 mg daily, adapalene 0.3% gel qhs.\n',
      { payer: 'commercial' },
    );
    // §9.1: 11900 for up to 7 lesions; J3301 per 10 mg, the 1 mg given rounds up to 1 unit (not 100 mg of doxycycline).
    expect(r.lines).toEqual(['11900', 'J3301']);
  });
});

describe('a list of lesions under a "Procedure:" line that names plural lesions', () => {
  it('codes each malignant destruction by its own site group and diameter', () => {
    const r = codeNote(
      'Procedure: Destruction of malignant lesions by curettage and electrodesiccation.\nLesion 1: superficial BCC, R upper arm, biopsy-proven 10/22/2026, 0.7 cm.\nLesion 2: SCC in situ, L dorsal hand, biopsy-proven 10/22/2026, 1.4 cm.\nLesion 3: BCC, nodular, L nasal ala, biopsy-proven 10/22/2026, 0.5 cm.\nThree cycles of curettage and electrodesiccation to each.\n',
      { payer: 'medicare' },
    );
    // §2.3: arm 0.7 cm = 17261; hand 1.4 cm = 17272; nose 0.5 cm = 17280.
    expect(r.lines).toEqual(['17261', '17272', '17280']);
    expect(r.dx).toEqual([['C44.612'], ['D04.62'], ['C44.311']]);
  });
});

describe('a biologic the patient injects at home', () => {
  const note =
    'Psoriasis f/u. I have been managing her psoriasis for 6 years as her continuing dermatologist.\nOn Skyrizi, BSA 1%, doing great. Continue Skyrizi 150 mg q12 wk (self-administered at home).\nModerate MDM: chronic illness, prescription drug management.\n99214\n';
  it('is no in-office administration: the E/M stands alone, with G2211 for the longitudinal care', () => {
    const r = codeNote(note, { payer: 'medicare' });
    // §9.5: a self-administered biologic has no administration line; §10.8: G2211 with an E/M that carries no 25.
    expect(r.lines).toEqual(['99214', 'G2211']);
  });
  it.each([
    ['Dupixent 300 mg, next dose due 12/01/2026, self-injects at home.', []],
    ['Dupixent 300 mg self-injection taught, patient will start at home.', []],
    ['Dupixent 600 mg loading dose given SC in clinic today, L and R abdomen.', ['injection']],
  ])('%s → %j', (text, kinds) => {
    expect(
      parseNote(`Date of Service: 11/20/2026\nAtopic dermatitis. ${text}\n`)
        .procedures.filter((p) => p.status === 'performed')
        .map((p) => p.kind),
    ).toEqual(kinds);
  });
});

describe('an earlier visit’s pathology quoted in today’s note', () => {
  const results = 'Pathology follow-up and treatment.\nPath from 10/20/2026: A) R cheek — nodular BCC; B) L shoulder — SCC in situ.\n';
  it.each([
    ['with the plan on the lines after it', `${results}A: referred to Mohs (Dr. Vance).\nB: ED&C today, lesion 0.9 cm, 3 cycles.\n`],
    ['with the plan under its own heading', `${results}Plan:\nA: referred to Mohs (Dr. Vance).\nB: ED&C today, lesion 0.9 cm, 3 cycles.\n`],
  ])('%s: today’s destruction of B is the proven SCC in situ, and the old specimens are not billed again', (_, note) => {
    const r = codeNote(note, { payer: 'medicare', pathology: 'in-house' });
    // §2.3: L shoulder (arm group) 0.9 cm = 17261; §7.1: the 10/20 specimens were that visit's pathology, not today's.
    expect(r.lines).toEqual(['17261']);
    expect(r.dx).toEqual([['D04.62']]);
    expect(r.findings.filter((f) => f.startsWith('pathology/'))).toEqual(['pathology/report-for-unknown-specimen', 'pathology/report-for-unknown-specimen']);
  });
  it('dates the report by its heading', () => {
    const e = parseNote(`Date of Service: 11/02/2026\n${results}`);
    expect(e.pathology.map((p) => [p.specimenLabel, p.collectedDate, p.behavior])).toEqual([
      ['A', '2026-10-20', 'malignant'],
      ['B', '2026-10-20', 'in-situ'],
    ]);
  });
});

describe('a re-excision whose malignancy is told only as the prior biopsy’s result', () => {
  it('takes the cancer’s code, not the scar’s', () => {
    const r = codeNote(
      'Re-excision, L forearm: prior shave bx 10/25/2026 showed basal cell carcinoma, nodular, with positive deep margin.\nScar 1.2 cm. Excised with 3 mm margins (excised diameter 1.8 cm). Simple closure 2.5 cm.\nSpecimen A to in-house dermpath.\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    // §3.1: 1.2 + 2 x 0.3 = 1.8 cm on the arm = 11602; the simple closure is included (§4.4).
    expect(r.lines).toEqual(['11602', '88305']);
    expect(r.dx).toEqual([['C44.619'], ['C44.619']]);
  });
});

describe('hair-loss biopsies', () => {
  it.each([
    [
      'Punch biopsy x2 for alopecia evaluation, vertex scalp, 4 mm each: one for horizontal sections, one for vertical.\nSpecimens A and B to dermpath (in-house).\nDx: scarring alopecia, r/o lichen planopilaris vs CCCA.\n',
    ],
    ['Punch biopsy x2, vertex scalp, 4 mm each, specimens A and B to dermpath.\nDx: scarring alopecia, r/o lichen planopilaris vs CCCA.\n'],
  ])('two jars named after a counted punch are two specimens; the confirmed scarring alopecia is coded, the rule-out is not (%#)', (note) => {
    const r = codeNote(note, { pathology: 'in-house' });
    // §1.2: punch + another punch = 11104 + 11105; §7.1: one 88305 per specimen; icd10-derm §3.8: L66.9.
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
    expect(r.dx).toEqual([['L66.9'], ['L66.9'], ['L66.9']]);
    // Both at one site: the reference does not say whether that is one lesion, so the coder is asked.
    expect(r.findings).toContain('biopsy/same-site-specimens');
  });
  it.each([
    ['frontal fibrosing alopecia', 'L66.12'],
    ['central centrifugal cicatricial alopecia', 'L66.81'],
    ['telogen effluvium', 'L65.0'],
    ['alopecia universalis', 'L63.1'],
  ])('%s → %s', async (text, code) => {
    const r = codeNote(`Dx: ${text}.\nPunch biopsy 4 mm, vertex scalp, specimen A to dermpath.\n`, { pathology: 'in-house' });
    expect(r.dx[0]).toEqual([code]);
  });
  it('a rule-out after a named finding keeps the finding; a rule-out alone asks', () => {
    expect(codeNote('Dx: Dermatitis, R thigh -- r/o drug eruption.\nPunch biopsy 4 mm R thigh, specimen A.\n').dx[0]).toEqual(['L30.9']);
    const alone = codeNote('Dx: r/o drug eruption vs dermatitis.\nPunch biopsy 4 mm R thigh, specimen A.\n');
    // Nothing confirmed: the suspected conditions are not coded (only the rash as a sign), and the coder is told.
    expect(alone.dx[0]).toEqual(['R21']);
    expect(alone.findings).toContain('diagnosis/unmapped');
  });
});

describe('a procedure in the global period of a surgery at another site', () => {
  const visit = (today: string) =>
    `Post-op check 8 days after excision of SCC R forearm with intermediate repair (11/12/2026). Healing well, sutures removed.\n${today}\n`;
  it('is unrelated: 79 on the biopsy of a new lesion of the face (§10.3)', () => {
    const r = codeNote(visit('New crusted papule L cheek, 5 mm, r/o BCC — shave biopsy performed, specimen A to in-house path.'), {
      payer: 'medicare',
      pathology: 'in-house',
    });
    expect(r.lines).toEqual(['11102-79', '88305']);
  });
  it('at the same place it asks instead', () => {
    const r = codeNote(visit('New crusted papule R forearm near the scar, r/o recurrence — shave biopsy performed, specimen A to in-house path.'), {
      payer: 'medicare',
      pathology: 'in-house',
    });
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).toContain('checks/global-period');
  });
});

describe('a terse list of biopsies with the technique and jar in one bracket', () => {
  it('reads each site as its own biopsy; "sk\'s … - irritated" are inflamed SKs; "r/o mm" is a melanoma rule-out', () => {
    const r = codeNote(
      "bx'd 2 spots: R shoulder 6mm pink scaly pap r/o scc (shave, A), L calf 8mm dark pap r/o mm (punch 4mm, B). sent to dermpath.\nLN2 x3 sk's on back - irritated/itchy/catching on bra strap.\n",
      { payer: 'commercial', pathology: 'in-house' },
    );
    // §1.2: punch primary 11104 (59: other lesions destroyed today), shave as add-on 11103; 17110 for 3 benign lesions.
    expect(r.lines).toEqual(['11104-59', '11103', '17110', '88305 x2']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2'], ['L82.0'], ['D49.2']]);
  });
});

describe('a Mohs note titled with its site, with a same-day frozen-section biopsy told before the stages', () => {
  it('gives the site to the staged case and bills the frozen section only for the biopsy jar', () => {
    const r = codeNote(
      'Mohs surgery, R nasal sidewall. No prior biopsy available (outside biopsy results could not be obtained).\nDiagnostic biopsy of the lesion taken today and read on frozen section: BCC, infiltrative. Decision made to proceed with Mohs.\nStage 1: 3 blocks, positive. Stage 2: 2 blocks, clear.\nDebulked tumor sent separately for permanent sections (specimen A, in-house dermpath).\nRepair: nasal sidewall defect 1.2 x 1.0 cm closed with a full-thickness skin graft from the R postauricular area, 1.8 sq cm.\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    // §6.1: nose = 17311 + 17312; §5.2: FTSG nose ≤ 20 sq cm = 15260; §6.3: debulk to permanent sections 88305-XS,
    // the diagnostic biopsy read on frozen section 88331 (not also 88305).
    expect(r.lines).toEqual(['17311', '17312', '15260', '88305-XS', '88331']);
    expect(r.dx.slice(0, 4)).toEqual([['C44.311'], ['C44.311'], ['C44.311'], ['C44.311']]);
  });
});

describe('a dictated "A/P:" line of several hundred characters', () => {
  it('still opens the assessment, so its problem is the E/M diagnosis', () => {
    const ap = `A/P: Atopic dermatitis, severe, uncontrolled on topical steroids. ${'Discussed triggers, bathing, emollients and sleep. '.repeat(4)}Start dupilumab at the next visit once approved.`;
    expect(ap.length).toBeGreaterThan(200);
    const e = parseNote(`Date of Service: 11/20/2026\nNew patient. Itchy rash x 1 month.\n${ap}\n99204\n`);
    expect(e.visit.problems.map((p) => p.text)).toEqual(['Atopic dermatitis, severe, uncontrolled on topical steroids']);
    expect(codeNote(`New patient. Itchy rash x 1 month.\n${ap}\n99204\n`).dx).toEqual([['L20.9']]);
  });
});

describe('a lesion count set off by a dash before its site', () => {
  it.each([
    ['1. Actinic keratoses - 8 on face/scalp, LN2 today.', ['17000', '17003 x7']],
    ['1. AKs - 9 on scalp, 4 on forehead - LN2.', ['17000', '17003 x12']],
    ['1. Actinic keratoses -- 3 on the R forearm, cryo.', ['17000', '17003 x2']],
  ])('%s → %j', (line, lines) => {
    // §2.1: 17000 for the first premalignant lesion, 17003 for each of lesions 2-14.
    expect(codeNote(`Assessment:\n${line}\n`).lines).toEqual(lines);
  });
});

describe('a biopsy told after its "Neoplasm of uncertain behavior …" sentence, with an SK problem below', () => {
  it('links D49.2 from its own line, not the SK problem', () => {
    const r = codeNote(
      'Assessment and plan:\nNeoplasm of uncertain behavior of skin, left upper back: 9 mm asymmetric pigmented papule. Consent obtained. Tangential biopsy performed and sent to dermatopathology.\nSeborrheic keratoses, trunk: benign, no treatment.\n',
      { payer: 'medicare', pathology: 'in-house' },
    );
    // §13.2: before pathology, a neoplasm of uncertain nature is D49.2; the benign SKs left alone are not what was sampled.
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
});
