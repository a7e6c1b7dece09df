import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 13), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('one destruction line naming two kinds of wart, each before its own site, links both codes (icd10-derm B07)', () => {
  it.each([
    ['# Verruca vulgaris, fingers x3 and plantar warts L foot x3 - destroyed with LN2 today (6 lesions total).', ['B07.8', 'B07.0']],
    ['# Plantar warts L foot x3 and verruca vulgaris R hand x2 - LN2 today (5 lesions total).', ['B07.0', 'B07.8']],
    // One kind at two sites: one code.
    ['# Verruca vulgaris, R index finger x2 and L thumb x1 - LN2 today (3 lesions).', ['B07.8']],
  ])('%j', (line, dx) => {
    const r = codeNote(`Exam: warts as below.\n\nAssessment and plan:\n${line}\n`);
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([dx]);
  });
});

describe('a biopsy with no impression of its own in a visit for an eruption is no neoplasm work-up: R21, never D49.2 (§13.2)', () => {
  const blisters = (procedures: string, assessment: string) =>
    [
      'Subjective: 80 yo F with pruritic blisters on the trunk and thighs for 3 weeks.',
      'Exam: Tense bullae on urticarial plaques, thighs and lower abdomen.',
      '',
      'Procedures:',
      procedures,
      '',
      `Assessment: ${assessment}`,
      'Plan: clobetasol 0.05% ointment BID to affected areas; labs BP180/BP230; f/u 2 weeks.',
      'E/M: 99204-25 new patient.',
    ].join('\n');

  it('lesional H&E and perilesional DIF punches for suspected bullous pemphigoid', () => {
    const r = codeNote(
      blisters(
        '- Punch biopsy 4 mm, lesional, L thigh for H&E (specimen A).\n- Punch biopsy 4 mm, perilesional, L thigh for DIF (specimen B).',
        'Suspected bullous pemphigoid.',
      ),
    );
    expect(r.lines).toEqual(['99204-25', '11104', '11105', '88305']);
    expect(r.dx).toEqual([['R21'], ['R21'], ['R21'], ['R21']]);
    expect(r.findings).not.toContain('diagnosis/before-pathology');
  });

  it('an assessment naming a neoplasm keeps D49.2 for the biopsy with no impression', () => {
    const r = codeNote(blisters('- Shave biopsy, R forearm (specimen A).', 'Pemphigoid, suspected; also a new papule R forearm.'));
    expect(r.dx[1]).toEqual(['D49.2']);
  });

  it('a DIF punch with no words of its own beside an H&E punch for a lichenoid eruption', () => {
    const r = codeNote(
      [
        'Procedures today:',
        '1. Punch biopsy 4 mm, L lateral thigh, r/o lichen planus vs lichenoid drug eruption. Specimen A.',
        "2. Punch biopsy 4 mm, L lateral thigh adjacent, for DIF in Michel's. Specimen B.",
        '',
        'Dx: Lichenoid eruption, trunk and extremities.',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11104', '11105', '88305']);
    expect(r.dx).toEqual([['R21'], ['R21'], ['R21']]);
  });
});

describe('"Closure: subcutaneous 3-0 Vicryl and 4-0 nylon simple interrupted" is a layered (intermediate) repair (§4.1)', () => {
  it.each([
    ['Closure: subcutaneous 3-0 Vicryl and 4-0 nylon simple interrupted. Length 3.5 cm.', ['11403', '12032', '88304']],
    ['Closure: deep 3-0 Vicryl, then 4-0 nylon simple interrupted. Length 3.5 cm.', ['11403', '12032', '88304']],
    // Skin sutures alone: the simple closure is part of the excision (§4.4).
    ['Closure: 4-0 nylon simple interrupted. Length 3.5 cm.', ['11403', '88304']],
  ])('%j', (closure, lines) => {
    const r = codeNote(
      [
        'Procedure: Excision, epidermoid cyst, upper back midline, inflamed and tender.',
        'Cyst measured 2.2 cm; excised with margins of 1 mm for a total excised diameter of 2.4 cm.',
        closure,
        'Specimen A to pathology.',
      ].join('\n'),
    );
    expect(r.lines).toEqual(lines);
  });
});

describe('"Wastage: 0 units" is no waste (JZ); "Wastage: 20 units" is a JW line (§9.4)', () => {
  it.each([
    ['Wastage: 0 units.', ['64650', 'J0585-JZ x100']],
    ['Wastage: 20 units.', ['64650', 'J0585 x100', 'J0585-JW x20']],
  ])('%j', (waste, lines) => {
    const r = codeNote(
      [
        'Primary focal hyperhidrosis, axillary, severe, failed aluminum chloride.',
        `Procedure: onabotulinumtoxinA 50 units to each axilla, 100 units total, intradermal, single-dose vial. ${waste}`,
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(lines);
  });
});

describe('a specimens line keying letters to sites letters the procedures it names, over their item numbers', () => {
  const labels = (body: string) => {
    const draft = codeEncounter(parseNote(`Date of Service: 11/20/2026\n${body}`), Settings.parse({}));
    return draft.lines.filter((l) => l.code.startsWith('11')).map((l) => `${l.code}:${l.specimenLabels.join(',')}`);
  };

  it.each([
    ['(1) Shave biopsy, R calf, r/o BCC.\n(2) Shave biopsy, L upper arm, r/o SCC.\nSpecimens: A - R calf; B - L upper arm.', ['11102:A', '11103:B']],
    ['(1) Shave biopsy, L upper arm, r/o SCC.\n(2) Shave biopsy, R calf, r/o BCC.\nSpecimens: A - R calf; B - L upper arm.', ['11102:B', '11103:A']],
    ['1. Shave biopsy, scalp vertex, r/o BCC.\n2. Shave biopsy, R forehead, r/o SCC.\nSpecimens: A scalp, B forehead.', ['11102:A', '11103:B']],
    ['1. Shave biopsy, R forehead, r/o SCC.\n2. Shave biopsy, scalp vertex, r/o BCC.\nSpecimens: A scalp, B forehead.', ['11102:B', '11103:A']],
  ])('%j', (procedures, lines) => {
    expect(labels(`Procedures:\n${procedures}\n`)).toEqual(lines);
  });
});

describe('a destruction technique titled over bullets that count lesions by kind: one destruction per kind (§2.1, §2.2)', () => {
  it.each([
    [
      'Procedure: Cryosurgery with liquid nitrogen\n- AKs face x4, scalp x11, R forearm x1 (16 total)\n- ISK chest x1',
      ['17004', '17110'],
      [['L57.0'], ['L82.0']],
    ],
    ['Procedure: Cryosurgery with liquid nitrogen\n- AK x16\n- ISK x1', ['17004', '17110'], [['L57.0'], ['L82.0']]],
    ['Cryotherapy (LN2):\n- AKs forehead x3\n- Warts R hand x2', ['17000', '17003 x2', '17110'], [['L57.0'], ['L57.0'], ['B07.9']]],
    // Field bullets under the title are its own details, not items.
    ['Procedure: Cryosurgery\n- Location: R cheek\n- Lesions: 3 AKs', ['17000', '17003 x2'], [['L57.0'], ['L57.0']]],
  ])('%j', (procedure, lines, dx) => {
    const r = codeNote(`${procedure}\n\nPlan: RTC 6 months.\n`, { payer: 'medicare' });
    expect(r.lines).toEqual(lines);
    expect(r.dx).toEqual(dx);
  });
});

describe('a post-op visit that also brings a new problem: its documented E/M is unrelated (24, §10.3)', () => {
  const note = (also: string, em: string) =>
    ['Post-op visit, 10 days s/p excision of SCC L forearm (10/22/2026) - healing well, sutures removed.', also, em].join('\n');

  it.each([
    ['Also new concern: 3 itchy red bumps on L shin x 2 weeks. Likely arthropod bites. Triamcinolone 0.1% cream BID.', 'E/M: 99212.', ['99212-24']],
    ['NEW: itchy rash on both shins x 2 weeks, nummular dermatitis. Start triamcinolone 0.1% ointment.', 'E/M: 99213.', ['99213-24']],
    // A new concern about the wound itself is the surgery's: included.
    ['New concern: redness at the incision site, no drainage. Reassured.', 'E/M: 99212.', []],
  ])('%j', (also, em, lines) => {
    expect(codeNote(note(also, em)).lines).toEqual(lines);
  });

  it('without a documented level, a finding asks for it (no E/M is made up)', () => {
    const r = codeNote(note('Also new concern: 3 itchy red bumps on L shin. Likely arthropod bites. Triamcinolone 0.1% cream BID.', ''));
    expect(r.lines).toEqual([]);
    expect(r.findings).toEqual(['evaluation/postoperative-visit']);
  });
});

describe('"R lower eyelid … including lid margin": the margin is that lid\'s (E4, C44.1122)', () => {
  it.each([
    ['R lower eyelid, 0.8 cm lesion including lid margin', 'E4', 'C44.1122'],
    ['L upper eyelid, 0.8 cm lesion including lid margin', 'E1', 'C44.1191'],
  ])('%j', (where, modifier, dx) => {
    const r = codeNote(
      [
        'Dx: Basal cell carcinoma, nodular, biopsy-proven 10/05/2026.',
        `Procedure: Excision, full-thickness wedge, ${where}, margins 2 mm.`,
        'Repair: layered closure of the tarsus and skin, 1.5 cm.',
        'Specimen A to pathology.',
      ].join('\n'),
    );
    expect(r.lines).toEqual([`11642-${modifier}`, `12051-${modifier}`, '88305']);
    expect(r.dx).toEqual([[dx], [dx], [dx]]);
  });
});

describe('"ISK vs wart": a differential hedges both terms, so neither is coded as confirmed before pathology (§13.2)', () => {
  it.each([
    ['Clinical impression: ISK vs wart.', ['D49.2']],
    ['Clinical impression: irritated seborrheic keratosis versus verruca.', ['D49.2']],
    // What is told before the comma is confirmed; only the differential after it is hedged.
    ['Clinical impression: seborrheic keratosis, irritated.', ['L82.0']],
  ])('%j', (impression, dx) => {
    const r = codeNote(`Shave biopsy, L upper arm, 0.6 cm. ${impression} Specimen A to path.\n`);
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx[0]).toEqual(dx);
  });

  it('two template notes, one under the other ("SHAVE BIOPSY PROCEDURE NOTE", "PUNCH BIOPSY PROCEDURE NOTE"), are two biopsies', () => {
    const template = (title: string, where: string, jar: string) =>
      `${title}\nLocation: ${where}\nClinical impression: r/o BCC\nHemostasis: aluminum chloride\nSpecimen: ${jar}\nPathology lab: outside lab\n`;
    const r = codeNote(
      [template('SHAVE BIOPSY PROCEDURE NOTE', 'Left Upper Arm', 'A'), template('PUNCH BIOPSY PROCEDURE NOTE', 'Right Posterior Thigh', 'B')].join('\n'),
      { pathology: 'external' },
    );
    expect(r.lines).toEqual(['11104', '11103']);
  });
});

describe('a drug-device product named as not used is no product of the destruction', () => {
  it.each([
    ['Verruca plana, forehead x6 - cantharidin not used; LN2 cryotherapy to 6 flat warts.', []],
    ['Verruca plana, forehead x6 - no cantharidin today; LN2 cryotherapy to 6 flat warts.', []],
    ['Molluscum x6, trunk - cantharidin 0.7% applied to 6 lesions.', ['destruction/drug-device-product']],
  ])('%j', (line, findings) => {
    const r = codeNote(`Assessment and plan:\n1. ${line}\n`);
    expect(r.lines).toEqual(['17110']);
    expect(r.findings.filter((f) => f === 'destruction/drug-device-product')).toEqual(findings);
  });
});

describe('"Path 10/01/2026: A - R forearm SCC …" above today\'s work: an earlier result, not this visit\'s pathology', () => {
  const note = (heading: string) =>
    [
      'Follow-up for multiple SCCs.',
      `${heading} A - R forearm SCC, well differentiated; B - L hand SCCIS.`,
      'Today:',
      '- R forearm SCC, 1.4 cm - excised with 4 mm margins (excised diameter 2.2 cm), intermediate closure 4.0 cm. Specimen C.',
      '- L dorsal hand SCCIS, 0.9 cm - ED&C x3.',
    ].join('\n');

  it.each([['Path 10/01/2026:'], ['Pathology results 10/01/2026:'], ['Path from 10/01/2026:']])('%j', (heading) => {
    const r = codeNote(note(heading));
    // The earlier result is the R forearm excision's biopsy proof (§3.2), and no 88305 is billed for it on this claim.
    expect(r.lines).toEqual(['11603', '17271', '12032', '88305']);
    expect(r.dx).toEqual([['C44.622'], ['D04.62'], ['C44.622'], ['C44.622']]);
  });
});

describe('a clinic visit that takes no tissue and quotes a result: the result was read elsewhere, no 88305 here', () => {
  it.each([
    [
      'Wound check after biopsy 09/30 - healing well.\nPathology: dysplastic nevus with moderate atypia, L mid back, margins involved.\nRe-excision recommended; patient agrees, scheduled for next month.',
    ],
    ['Pathology received: A. R nasal tip, shave biopsy: Basal cell carcinoma, nodular type.\nPhone call with patient to discuss results. Referral to Mohs.'],
  ])('%j', (body) => {
    expect(codeNote(body, { pathology: 'in-house' }).lines).toEqual([]);
  });
});

describe('"AKs, face - 6 treated with LN2": a number before the treatment verb is the count (§2.1)', () => {
  it.each([
    ['3) AKs, face - 6 treated with LN2.', ['17000', '17003 x5']],
    ['3) AKs, face - 4 frozen with LN2.', ['17000', '17003 x3']],
    ['3) AKs, face x2 - LN2, 2 treated.', ['17000', '17003']],
  ])('%j', (line, lines) => {
    const r = codeNote(`Reason for visit: skin check.\n1) SKs trunk - reassured.\n${line}\n`, { payer: 'medicare' });
    expect(r.lines).toEqual(lines);
  });
});
