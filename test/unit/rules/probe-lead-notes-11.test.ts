import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { roleOfHeading } from '../../../core/parse/headings';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 11), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('"Procedures billed: …" is the entered charge line, compared with the claim (§15)', () => {
  const note = [
    'A/P:',
    '1. AKs x15 (forehead 6, scalp 5, dorsal hands 4) - LN2 cryo, all 15 treated today.',
    '2. R helix lesion, r/o BCC - tangential (shave) bx today. Sent to path (A).',
    '',
    'Procedures billed: 17000, 17003 x14, 11102',
    '',
  ].join('\n');

  it('codes the documentation (69100 for the ear, 17004 for 15 AKs) and says what was entered wrongly', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['69100-XS', '17004', '88305']);
    expect(r.findings.filter((f) => f.startsWith('checks/charges'))).toEqual([
      'checks/charges-compare',
      'checks/charges-compare',
      'checks/charges-compare',
      'checks/charges-compare',
      'checks/charges-compare',
      'checks/charges-compare',
      'checks/charges-known-errors',
    ]);
  });

  it.each([
    ['Procedures billed', 'charges'],
    ['Procedure billed', 'charges'],
    ['CPT billed', 'charges'],
    ['Codes billed', 'charges'],
    ['Procedures', 'procedure'],
  ])('%j is a %s heading', (title, role) => {
    expect(roleOfHeading(title)).toBe(role);
  });
});

describe('"Path received 11/24/26: A) …" under the procedures is the report, not another excision', () => {
  const note = [
    'Op Note',
    'Indication: 1) Melanoma in situ, R upper back, prior shave bx 10/20/26 margins involved. 2) Atypical-appearing nevus L posterior thigh, concerning clinically.',
    '',
    'Procedure 1: Wide local excision R upper back MIS, 5 mm margins. Lesion/scar 0.8 cm, excised diameter 1.8 cm. Layered closure, repair length 5.6 cm.',
    'Procedure 2: Excision L posterior thigh nevus, 2 mm margins, excised diameter 0.9 cm. Layered closure 2.5 cm.',
    'Both specimens to pathology (A: R upper back, B: L posterior thigh).',
    '',
    'Path received 11/24/26: A) MIS, excised, margins clear. B) compound dysplastic nevus, moderate atypia, margins clear.',
    '',
  ].join('\n');

  it('two excisions with their own results, the repairs summed, two 88305s, each jar from the key', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11602', '11401', '12034', '88305 x2']);
    expect(r.dx).toEqual([['D03.59'], ['D22.72'], ['D03.59', 'D22.72'], ['D03.59', 'D22.72']]);
    expect(r.findings).not.toContain('documentation/could-not-read');
    expect(r.findings).not.toContain('documentation/lesion-site');
  });

  it.each([
    ['Path received 11/24/26', 'pathology'],
    ['Pathology results returned', 'pathology'],
    ['Path report received', 'pathology'],
    ['Pathology', 'pathology'],
  ])('%j is a %s heading', (title, role) => {
    expect(roleOfHeading(title)).toBe(role);
  });

  it('"Pathology: pending" in a plan stays a field, not a report', () => {
    const enc = parseNote('Date of Service: 11/20/2026\nA/P:\n1. Shave bx L cheek, r/o BCC.\nPathology: pending\n');
    expect(enc.pathology).toEqual([]);
    expect(enc.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential']);
  });
});

describe('a key of jar letters written apart from the procedures: "(R = A, L = B)", "(A: R upper back, B: …)"', () => {
  const jarsOf = (body: string) =>
    parseNote(`Date of Service: 11/20/2026\n${body}`)
      .procedures.filter((p) => p.kind.startsWith('biopsy'))
      .map((p) => `${p.site?.laterality ?? ''} ${p.site?.key ?? ''}=${p.specimenLabel ?? ''}`);

  it.each([
    ['Punch biopsies 4 mm x2, R and L anterior shins (R = A, L = B). Both sent for H&E.', ['right shin=A', 'left shin=B']],
    ['Punch biopsies 4 mm x2, R and L anterior shins (L = A, R = B). Both sent for H&E.', ['right shin=B', 'left shin=A']],
    ['Punch biopsies 4 mm x2, R and L anterior shins (right side = jar B, left side = jar A). Both sent.', ['right shin=B', 'left shin=A']],
  ])('%s → %j', (body, jars) => {
    expect(jarsOf(body)).toEqual(jars);
  });

  it('without a key the jars are lettered in order, with a could-not-read notice', () => {
    const r = codeNote('Punch biopsies 4 mm x2, R and L anterior shins. Both sent for H&E.\n');
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
    expect(r.findings.filter((f) => f === 'documentation/could-not-read')).toHaveLength(2);
  });

  it('a parenthesis of sizes is no key', () => {
    const r = codeNote('Punch biopsies x2, R and L anterior shins (A: 4 mm, B: 3 mm). Both sent for H&E.\n');
    expect(r.findings.filter((f) => f === 'documentation/could-not-read')).toHaveLength(2);
  });
});

describe('"Also injected 3 inflamed nodules R axilla with triamcinolone …" after an I&D is its own intralesional injection', () => {
  const note = [
    'Procedure: I&D of L axillary abscess. Incised with #11 blade, copious purulent drainage, loculations broken up with hemostat, packed with iodoform gauze.',
    'Also injected 3 inflamed nodules R axilla with triamcinolone 10 mg/mL, 0.3 mL each (9 mg total).',
    'A/P: Hidradenitis suppurativa, Hurley II, bilateral axillae - as above.',
    '',
  ].join('\n');

  it('10061 for the complicated I&D, 11900 for three lesions and J3301 for 9 mg (§9.1)', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11900', 'J3301', '10061']);
  });

  it.each([
    // No volume: no drug units can be counted, and the drug line is asked for.
    ['injected 3 inflamed nodules R axilla with triamcinolone 10 mg/mL', ['11900']],
    ['injected two keloids of the chest with Kenalog 40 mg/mL, 0.5 mL each', ['11900', 'J3301 x4']],
  ])('%s → %j', (text, lines) => {
    expect(codeNote(`Procedure: ${text}.\nA/P: keloids.\n`).lines).toEqual(lines);
  });
});

describe('"start NB-UVB 3x/week" in a plan is phototherapy to come, not done today', () => {
  it.each([
    ['Plaque psoriasis, 4% BSA - continue clobetasol, start NB-UVB 3x/week, labs ordered.', []],
    ['Psoriasis - begin phototherapy next week.', []],
    ['Psoriasis - NB-UVB given today, 300 mJ/cm2, tolerated well.', ['96900']],
  ])('%s → %j', (text, lines) => {
    expect(codeNote(`A/P:\n1. ${text}\n`).lines).toEqual(lines);
  });
});

describe('"Deep layer closed with 4-0 Monocryl, epidermis with 5-0 nylon. Final closure length 5.0 cm." is a layered repair', () => {
  it('a cyst excision of the back with its intermediate repair (§4.1: layered closure is intermediate)', () => {
    const r = codeNote(
      [
        'Procedure: Excision, benign cyst, R upper back',
        'Pre-op dx: epidermal inclusion cyst, recurrently inflamed, painful',
        'Description: Elliptical excision of 2.3 cm cyst with 1 mm margins; excised diameter 2.5 cm. Deep layer closed with 4-0 Monocryl, epidermis with 5-0 nylon. Final closure length 5.0 cm.',
        'Specimen: sent to path (A)',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11403', '12032', '88304']);
    expect(r.dx).toEqual([['L72.0'], ['L72.0'], ['L72.0']]);
  });
});

describe('a partial nail avulsion told as "lateral nail border avulsed" with the matrix ablated by phenol', () => {
  it.each([
    ['Lateral nail border avulsed (partial avulsion). Matrix ablated with 88% phenol x3 applications of 30 sec.', ['11750-TA']],
    ['Lateral nail border avulsed (partial avulsion).\nThe matrix was ablated with 88% phenol, neutralized with alcohol.', ['11750-TA']],
    ['Partial nail avulsion, lateral border, followed by chemical matrixectomy with 88% phenol.', ['11750-TA']],
    ['Lateral nail border avulsed (partial avulsion). Matrix not treated.', ['11730-TA']],
  ])('%s → %j (§ nail codes: 11750 removes the nail for good, 11730 only avulses)', (text, lines) => {
    const r = codeNote(`Indication: painful ingrown nail, L great toe, lateral border.\nProcedure: Digital block L hallux. ${text}\n`);
    expect(r.lines).toEqual(lines);
  });
});

describe('the visit\'s own lines under the plan ("MDM moderate: …", "99214-25") are no part of its last problem', () => {
  const note = [
    'Established patient. Medicare.',
    'Assessment/Plan',
    '1. Papulopustular rosacea, worsening: start doxycycline 40 mg daily, continue metronidazole.',
    '2. Irritated/inflamed skin tags x12 axillae: removed today with curved scissors, hemostasis with AlCl3.',
    'MDM moderate: new prescription drug management for rosacea.',
    '99214-25',
    '',
  ].join('\n');

  it('the skin tags are not also managed beyond their removal: the E/M links the rosacea only', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['99214-25', '11200']);
    expect(r.dx).toEqual([['L71.9'], ['L91.8']]);
  });

  it('the problems are the two numbered items', () => {
    const problems = parseNote(`Date of Service: 11/20/2026\n${note}`).visit.problems;
    expect(problems.map((p) => [p.text, p.separatelyManaged])).toEqual([
      ['Papulopustular rosacea, worsening', true],
      ['Irritated/inflamed skin tags x12 axillae', false],
    ]);
  });
});

describe("a visit's one specimen and its one unlettered result need no confirming", () => {
  it('no could-not-read notice for "Path: compound nevus …" under the only excision', () => {
    const r = codeNote(
      [
        'Procedure: Excision of changing nevus, R nasal sidewall, with complex repair.',
        'Lesion 0.6 cm; excised with 2 mm margins, excised diameter 1.0 cm. Wide undermining, complex layered closure with debridement of wound edges. Repair length 2.8 cm.',
        'Path: compound nevus with mild atypia, margins clear (received 11/28).',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11441', '13152', '88305']);
    expect(r.dx).toEqual([['D22.39'], ['D22.39'], ['D22.39']]);
    expect(r.findings).not.toContain('documentation/could-not-read');
  });
});

describe("a KOH done for the visit's one named fungal infection links it, though the plan does not cite the test", () => {
  it.each([
    ['A/P: Tinea corporis - start terbinafine cream BID x 3 weeks.', ['B35.4'], []],
    // A hedged infection names none: the positive test links the sampled site's dermatophytosis and asks to confirm it.
    ['A/P: Annular rash of the trunk, r/o tinea corporis vs nummular eczema.', ['B35.9'], ['diagnosis/link']],
    // Two infections: the test is not told to be for either; the positive test decides, with the same question.
    ['A/P:\n1. Tinea corporis - terbinafine cream.\n2. Tinea pedis - econazole.', ['B35.9'], ['diagnosis/link']],
  ])('%s → %j', (plan, dx, findings) => {
    const r = codeNote(
      `New patient. Annular scaly plaques, abdomen and flanks.\nKOH prep performed in office from the leading edge: positive for hyphae.\n${plan}\n`,
    );
    expect(r.lines).toEqual(['87220']);
    expect(r.dx).toEqual([dx]);
    for (const f of findings) expect(r.findings).toContain(f);
  });
});

describe('"Mohs follow-up, POD 7 s/p Mohs R cheek 11/11/2026 with advancement flap" is a post-op visit in that global period', () => {
  it("a biopsy of the ear (69100, §1.3) in that global is unrelated: 79 (§10.3); the Mohs line names no site of today's", () => {
    const r = codeNote(
      'Mohs follow-up, POD 7 s/p Mohs R cheek 11/11/2026 with advancement flap. Sutures removed, healing well.\nNew: 5 mm crusted papule L ear helix, pt reports bleeding. Shave bx performed (A), r/o SCC.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['69100-79', '88305']);
  });

  it.each([
    ['POD 7 s/p excision L forearm 11/13/2026.', '2026-11-13'],
    ['Post-op day #10 after excision of SCC R shin 11/10/2026.', '2026-11-10'],
  ])('%s → the surgery of %s', (line, date) => {
    expect(parseNote(`Date of Service: 11/20/2026\n${line}\n`).visit.postOpOf?.date).toBe(date);
  });
});

describe('a banner cell "| Visit 11/17/2026 |" dates the visit', () => {
  it.each([
    ['Test, Patient-901 (MRN 900901) | DOB 02/02/1951 | Visit 11/17/2026 | Medicare', '2026-11-17'],
    ['Test, Patient-901 • Encounter 11/17/2026 • BCBS', '2026-11-17'],
    ['Test, Patient-901 | Last visit 10/01/2026 | DOS 11/17/2026', '2026-11-17'],
  ])('%s → %s', (banner, date) => {
    expect(parseNote(`${banner}\nA/P: AKs x3 face - LN2.\n`).visit.dateOfService).toBe(date);
  });
});

describe('frozen blocks counted in a later sentence than the one naming the frozen section', () => {
  it('"… with frozen section margin control." then "Frozen sections (2 blocks) read …": 88331 + 88332 (§7.1)', () => {
    const r = codeNote(
      [
        'Procedure: Excision of BCC (biopsy-proven 11/02/2026), L forehead, with frozen section margin control.',
        'Lesion 1.1 cm, 4 mm margins, excised diameter 1.9 cm. Frozen sections (2 blocks) read by Dr. Lee (pathologist, same group): margins clear.',
        'Intermediate layered closure 3.5 cm.',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11642', '12052', '88331', '88332']);
    expect(r.findings).not.toContain('pathology/frozen-section');
  });
});

describe('jars named "Path A." / "path B" on numbered items, and a punch used to excise', () => {
  it('"#1 … Path A." and "#2 … shave removal …, path B." are jars A and B, both sent (88305 x2)', () => {
    const note = [
      'A/P:',
      '#1 Atypical nevus R upper arm 6 mm - excision w/ 2 mm margins today, simple closure 2 cm. Path A.',
      '#2 Atypical nevus L abdomen 4 mm - shave removal (saucerization) to mid dermis, path B.',
      '',
    ].join('\n');
    expect(codeNote(note).lines).toEqual(['11300', '11401', '88305 x2']);
    expect(parseNote(`Date of Service: 11/20/2026\n${note}`).procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B']);
  });

  it.each([
    ['After consent, an 8 mm punch was used to excise the lesion in full. Defect closed with 4-0 nylon.', '11401'],
    ['6 mm punch excision of the lesion, closed with two sutures.', '11401'],
    ['4 mm punch excision, closed with one suture.', '11400'],
  ])('%s → %s (the punch diameter is the excised diameter, §3.1)', (text, code) => {
    const r = codeNote(`Procedure: excision of a symptomatic dermatofibroma, R medial thigh, 4 mm.\n${text} Specimen to path.\n`);
    expect(r.lines[0]).toBe(code);
  });
});

describe('a repair after another practice\'s Mohs ("Mohs by Dr. Ito this morning (separate practice)")', () => {
  it("codes the repair only: the Mohs stages are the referring surgeon's claim", () => {
    const r = codeNote(
      [
        'Post-Mohs repair referral. Mohs by Dr. Ito this morning (separate practice): L lower eyelid BCC cleared in 2 stages, defect 1.2 x 1.0 cm involving the lid margin.',
        'Repair: Full-thickness eyelid defect repaired with layered closure of tarsus and skin, wedge closure, 1.2 cm.',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['12051']);
  });

  it.each([
    ['Mohs by Dr. Ito (separate practice): BCC L lower eyelid.', ''],
    ['Mohs done elsewhere last week; here for the scar.', ''],
    ['Referred by an outside practice for Mohs of BCC L cheek; Mohs performed today, 2 stages.', 'mohs:performed'],
    ['Post-Mohs repair referral.', ''],
  ])('%s → %j', (text, procedures) => {
    expect(
      parseNote(`Date of Service: 11/27/2026\n${text}\n`)
        .procedures.map((p) => `${p.kind}:${p.status}`)
        .join(' '),
    ).toBe(procedures);
  });
});

describe('an ILK of a "cyst" takes the note\'s kind of cyst, never another problem of the visit', () => {
  it('the inflamed EIC is L72.0; the IM Kenalog for poison-ivy dermatitis keeps L23.7', () => {
    const r = codeNote(
      [
        'Intralesional injection for a 2 cm inflamed cyst of the upper back: Kenalog 10 mg/mL 1 mL injected into the cyst.',
        'Also 96372: Kenalog-40 40 mg IM R gluteal for widespread contact dermatitis (poison ivy).',
        'A/P: 1) inflamed EIC - ILK as above. 2) ACD from poison ivy, widespread - IM Kenalog given.',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11900', 'J3301', '96372', 'J3301 x4']);
    expect(r.dx).toEqual([['L72.0'], ['L72.0'], ['L23.7'], ['L23.7']]);
  });
});

describe("\"f/u of AKs, also has new 'sore that won't heal' on R temple\": the biopsied lesion is not an AK", () => {
  it('the temple biopsy is D49.2 before pathology (§13.2); the AKs keep L57.0', () => {
    const r = codeNote(
      [
        'Est pt. Here for 3 month f/u of AKs, also has new "sore that won\'t heal" on R temple.',
        'R temple: 8 mm ulcerated papule - shave bx performed, specimen A.',
        'AKs: 6 on scalp, LN2.',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x5', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
  });
});
