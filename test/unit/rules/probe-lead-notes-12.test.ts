import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 12), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('"Mohs … with bilobed flap repair" over its stage lines: every stage is the Mohs case\'s (§6.2, §5.1)', () => {
  const note = (stages: string, repair: string) =>
    [
      'Pre-op dx: Basal cell carcinoma, nodular, R nasal ala (biopsy-proven 10/30/2026)',
      'Procedure: Mohs micrographic surgery with bilobed flap repair',
      '',
      stages,
      'Final defect 1.4 x 1.2 cm.',
      repair,
      'Pt tolerated well.',
      '',
    ].join('\n');

  it.each([
    ["Stage I: 1 block, tumor present at 3 o'clock deep margin.\nStage II: 1 block, clear.", ['17311', '17312', '14060']],
    ['Stage 1: 2 blocks, positive.\nStage 2: 1 block, positive.\nStage 3: 1 block, clear.', ['17311', '17312 x2', '14060']],
    ['Stage I: 3 blocks, clear.', ['17311', '14060']],
  ])('%j', (stages, lines) => {
    const r = codeNote(note(stages, 'Repair: bilobed transposition flap from R nasal sidewall, total defect 4.5 sq cm.'));
    expect(r.lines).toEqual(lines);
    expect(r.dx).toEqual(lines.map(() => ['C44.311']));
  });

  it.each([
    // The parenthesis names what the total sums; 10.7 sq cm read as primary 1.68 + secondary 9 would be 14060 all the same,
    // 9.5 as a secondary defect alone would give 14061.
    ['total defect (primary + secondary) 9.5 sq cm', ['17311', '17312', '14060']],
    ['total defect (primary and secondary defects) 10.5 sq cm', ['17311', '17312', '14061']],
    ['secondary defect 2.0 sq cm', ['17311', '17312', '14060']],
  ])('flap area: %j', (words, lines) => {
    const r = codeNote(
      note("Stage I: 1 block, tumor present at 3 o'clock deep margin.\nStage II: 1 block, clear.", `Repair: bilobed flap from R nasal sidewall, ${words}.`),
    );
    expect(r.lines).toEqual(lines);
  });
});

describe('a bullet led by another condition ("- Acne vulgaris, moderate - start tretinoin") is the next problem, not more of the wart line', () => {
  const note = (wart: string) =>
    [
      'Objective: Verruca vulgaris R index finger x2, L thumb x1, L palm x2. Comedones and papules cheeks.',
      '',
      'A/P',
      '- R calf papule likely dermatofibroma - reassured, no tx.',
      wart,
      '- Acne vulgaris, moderate - start tretinoin 0.025% cream qhs, doxycycline 100 mg BID x 3 months. Discussed side effects.',
      '',
      'Level of service: 99213-25',
    ].join('\n');

  it.each([
    ['- Verruca vulgaris x5 - cryotherapy to 5 warts.'],
    ['- Verruca vulgaris (5) - cryotherapy to 5 warts.'],
    ['- Verruca vulgaris - cryotherapy to 5 warts.'],
  ])('%j: 17110 for the warts (B07.8), the E/M for the acne (L70.0)', (wart) => {
    const r = codeNote(note(wart), { payer: 'commercial' });
    expect(r.lines).toEqual(['99213-25', '17110']);
    expect(r.dx).toEqual([['L70.0'], ['B07.8']]);
  });

  it('a bullet led by the same condition stays with the procedure', () => {
    const r = codeNote(['A/P', '- Verruca vulgaris x5 - cryotherapy to 5 warts.', '- Verruca vulgaris: recheck in 3 weeks, may need repeat.', ''].join('\n'), {
      payer: 'commercial',
    });
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([['B07.8']]);
  });
});

describe('a problem whose title joins two conditions ("Tinea pedis and tinea cruris - KOH …") codes both on the E/M (§13)', () => {
  it.each([
    ['1. Tinea pedis and tinea cruris - KOH positive. Start ketoconazole 2% cream BID.', ['B35.3', 'B35.6']],
    ['1. Tinea pedis & onychomycosis - start terbinafine after LFTs.', ['B35.1', 'B35.3']],
    ['1. Tinea pedis - start ketoconazole 2% cream BID and keep feet dry.', ['B35.3']],
  ])('%j', (problem, dx) => {
    const r = codeNote(
      ['Assessment/Plan:', problem, '2. Skin tags x3 neck, irritated, bleeding - snip removed.', '', 'E/M: 99213 with modifier 25.'].join('\n'),
      {
        payer: 'commercial',
      },
    );
    expect(r.lines[0]).toBe('99213-25');
    expect(r.dx[0]).toEqual(dx);
  });
});

describe('"S/P Mohs L cheek 10/28 (global period)": the note says a global period runs, though Mohs alone has none (§10.2, §10.3)', () => {
  const note = (prior: string, site: string) =>
    [
      `${prior}, here for wound check: healing well, sutures removed.`,
      `New problem: painful lesion ${site}, 4 mm crusted papule, c/w CNH vs SCC. Shave biopsy of ${site} performed today. Specimen A to path.`,
      '',
    ].join('\n');

  it.each([
    ['S/P Mohs L cheek 11/02/2026 (global period)', 'R helix', ['69100-79', '88305'], ['checks/global-period']],
    ['S/P Mohs L cheek 11/02/2026 (in global)', 'R upper arm', ['11102-79', '88305'], ['checks/global-period']],
    // Without the words, a Mohs (000) leaves no global period.
    ['S/P Mohs L cheek 11/02/2026', 'R helix', ['69100', '88305'], []],
  ])('%j, biopsy at %j', (prior, site, lines, findings) => {
    const r = codeNote(note(prior, site), { payer: 'medicare' });
    expect(r.lines).toEqual(lines);
    expect(r.findings.filter((f) => f === 'checks/global-period')).toEqual(findings);
  });
});

describe("another condition's line above a procedure does not make it cosmetic (§12.2)", () => {
  it('"Acne scarring … (cosmetic, not covered)" between the acne surgery and the ILK of acne cysts', () => {
    const r = codeNote(
      [
        'A/P:',
        'Acne vulgaris, inflammatory, moderate — comedone extraction x 20, continue adapalene/BPO.',
        'Acne scarring, atrophic, cheeks — discussed fractional laser and subcision; patient will think about it (cosmetic, not covered).',
        'Intralesional Kenalog 2.5 mg/mL to 4 acne cysts, 0.1 mL each.',
        '99213-25',
      ].join('\n'),
      { payer: 'commercial' },
    );
    expect(r.lines).toEqual(['99213-25', '11900', 'J3301', '10040']);
    expect(r.dx).toEqual([['L70.0'], ['L70.0'], ['L70.0'], ['L70.0']]);
  });
});

describe('a one-line result in the procedure paragraph, and another procedure\'s "not sent" (§7.1, §13.4)', () => {
  const note = (result: string) =>
    [
      'HPI: biopsy-proven BCC R upper back (bx 10/12/26). Here for excision.',
      'Procedure: Excision of BCC R upper back. Lesion 1.4 x 1.0 cm, 4 mm margins. Excised diameter 2.2 cm. Layered closure, length 6.5 cm.',
      result,
      'Also today: irritated skin tag L axilla snipped x1, not sent.',
      '',
    ].join('\n');

  it.each([
    ['Pathology (11/23/26): BCC, nodular, margins clear.'],
    ['Pathology report 11/23/26: BCC, nodular, margins clear.'],
    ['Path received 11/23/26: basal cell carcinoma, nodular, margins clear.'],
  ])('%j: the excision keeps its 88305, the skin tag is its own line', (result) => {
    const r = codeNote(note(result), { payer: 'medicare' });
    expect(r.lines).toEqual(['11603', '11200', '12032', '88305']);
    expect(r.dx).toEqual([['C44.519'], ['L91.8'], ['C44.519'], ['C44.519']]);
  });
});

describe("a nail avulsion does not borrow the debridement's onychomycosis; a restated count is one count", () => {
  it('the avulsion has no diagnosis of the subset (asked); 11721 for 6 nails', () => {
    const r = codeNote(
      [
        'Dx: Ingrown toenail L great toe, lateral border, with paronychia, recurrent.',
        'Procedure: Digital block. Lateral nail border avulsed; matrix treated with 88% phenol x3 applications. Dressing applied.',
        'Also: onychomycosis of 6 toenails, thick and painful; debrided nails x6 with nippers and burr.',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11750-TA', '11721']);
    expect(r.dx).toEqual([[], ['B35.1']]);
    expect(r.findings).toContain('diagnosis/missing');
    expect(r.findings.filter((f) => f === 'other-procedures/nail')).toHaveLength(1);
  });
});

describe('"Psoriasis - plaque type": the type told after the title narrows the E/M diagnosis (§13.7)', () => {
  it.each([
    ['Psoriasis - plaque type, elbows/knees, BSA 6%. Continue clobetasol.', 'L40.0'],
    ['Psoriasis, plaque, elbows/knees, BSA 6%. Continue clobetasol.', 'L40.0'],
    ['Psoriasis - elbows/knees, BSA 6%. Continue clobetasol.', 'L40.9'],
  ])('%j', (problem, dx) => {
    const r = codeNote(['Assessment:', problem, 'Two inflamed SKs R cheek irritated by glasses - treated LN2.', 'E/M 99214-25'].join('\n'), {
      payer: 'commercial',
    });
    expect(r.lines).toEqual(['99214-25', '17110']);
    expect(r.dx).toEqual([[dx], ['L82.0']]);
  });
});

describe('a rash biopsied to rule out an inflammatory condition is coded by its sign, R21, before pathology (§13.2)', () => {
  it.each([
    ['Chief complaint: itchy rash x2 months', ['R21']],
    ['CC: itchy rash x2 months', ['R21']],
    ['CC: spot on the ankle', []],
  ])('%j', (cc, dx) => {
    const r = codeNote(
      [
        cc,
        '',
        'Assessment: Lichen simplex chronicus vs nummular eczema, bilateral lower legs.',
        'Plan: Punch biopsy 4 mm L ankle performed (A) to r/o psoriasis/LP.',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx).toEqual([dx, dx]);
  });
});

describe('"Brief op note: Excision, R ear helix, SCC (bx-proven)" over the measured excision is one excision (§3.1)', () => {
  const note = (title: string) =>
    [
      title,
      'Wedge excision of helical rim, full thickness through cartilage, lesion 1.0 cm, excised diameter 1.6 cm.',
      'Repair: layered closure of cartilage and skin, 2.8 cm.',
      'Specimen to path.',
    ].join('\n');

  it.each([['Brief op note: Excision, R ear helix, SCC (bx-proven 10/02/26).'], ['Excision of SCC R ear helix (biopsy-proven 10/02/26):']])('%j', (title) => {
    const r = codeNote(note(title), { payer: 'medicare' });
    expect(r.lines).toEqual(['11642', '13152', '88305']);
    expect(r.dx).toEqual([['C44.222'], ['C44.222'], ['C44.222']]);
  });

  it('two measured excisions at two sites stay two', () => {
    const r = codeNote(
      [
        'Excision of SCC R ear helix (biopsy-proven 10/02/26), excised diameter 1.6 cm. Layered closure 2.0 cm.',
        'Excision of BCC L upper back (biopsy-proven 10/02/26), excised diameter 1.2 cm. Simple closure.',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines.filter((l) => l.startsWith('116'))).toEqual(['11642', '11602']);
  });
});

describe('a cancer told as treated before and gone is not the lesion treated today (§2.1)', () => {
  it.each([['- Hx of SCC R hand 2024 s/p excision, no recurrence.'], ['- h/o melanoma L calf 2019, NED.']])(
    '%j above the AK line: 17000 + 17003 x8, not a malignant destruction',
    (history) => {
      const r = codeNote(
        [
          'Findings/Plan:',
          history,
          '- AKs: 3 on R dorsal hand, 2 on L forearm, 4 on scalp. Treated with LN2 today (9 total).',
          '- Seborrheic keratoses on back, benign, no treatment.',
        ].join('\n'),
        { payer: 'medicare' },
      );
      expect(r.lines).toEqual(['17000', '17003 x8']);
      expect(r.dx).toEqual([['L57.0'], ['L57.0']]);
    },
  );

  it('a biopsy-proven cancer told before its ED&C is still the lesion treated', () => {
    const r = codeNote(['Superficial BCC R upper arm, biopsy proven 10/01/2026.', 'ED&C x3 cycles, lesion 0.8 cm.'].join('\n'), { payer: 'medicare' });
    expect(r.lines).toEqual(['17261']);
    expect(r.dx).toEqual([['C44.612']]);
  });
});

describe('"Shave bx L forearm, 3 cm proximal to A (B)": the jar closes a site told by its place beside another jar (§1.2)', () => {
  it('three biopsies, three jars, each result on its own jar', () => {
    const r = codeNote(
      [
        'Procedures:',
        'Shave bx L forearm (A) - r/o SCC',
        'Shave bx L forearm, 3 cm proximal to A (B) - r/o BCC',
        'Shave bx R forearm (C) - r/o SCC',
        'Path:',
        'A - SCC in situ',
        'B - BCC, superficial',
        'C - verruca vulgaris',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11102', '11103 x2', '88305 x3']);
    expect(r.dx).toEqual([['D04.62'], ['C44.619', 'B07.8'], ['D04.62', 'C44.619', 'B07.8']]);
  });
});

describe('"Path (date): Dermatofibroma …" inside the op note, and its indication told after it (§3.2, §12.2)', () => {
  it('the result is read; the indication after it still makes the removal medical', () => {
    const r = codeNote(
      [
        'Procedure: Excision, benign, R upper back dermatofibroma.',
        'Lesion 0.9 cm; margins 2 mm; excised diameter 1.3 cm.',
        'Closure: simple, 1.8 cm, 4-0 nylon.',
        'Path (11/24/2026): Dermatofibroma, completely excised.',
        'Indication: painful, enlarging, catches on bra strap.',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11402', '88305']);
    expect(r.dx).toEqual([['D23.5'], ['D23.5']]);
    expect(r.findings).not.toContain('cosmetic/benign-no-indication');
  });
});

describe('"Punch biopsies x2 for DIF and H&E." over its two jars is their header, not a third biopsy (§1.2, §7.1)', () => {
  it('11104 + 11105; the DIF jar has no 88305', () => {
    const r = codeNote(
      [
        'Procedure: Punch biopsies x2 for DIF and H&E.',
        'Site: L forearm, perilesional bullae.',
        "Specimen A: 4 mm punch, perilesional skin, Michel's medium for DIF.",
        'Specimen B: 4 mm punch, lesional, formalin for H&E.',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11104', '11105', '88305']);
    expect(r.findings).toContain('pathology/level-per-specimen');
  });
});

describe('Mohs cases told as "Case 1:" / "Tumor 1:" with bare roman stage lines (" I: 6 blocks") (§6.1, §6.2, §6.4)', () => {
  const note = (head: string, stage: (n: string) => string) =>
    [
      'Mohs Surgery',
      `${head} 1: SCC in situ, scalp vertex, 1.8 cm.`,
      ` ${stage('I')}: 6 blocks, positive`,
      ` ${stage('II')}: 3 blocks, clear`,
      'Repair: second intention healing.',
      `${head} 2: BCC, nodular, R lower leg, 1.1 cm (pt on anticoagulation, high risk)`,
      ` ${stage('I')}: 2 blocks, clear`,
      'Repair: layered closure 3.5 cm',
    ].join('\n');

  it.each([
    ['Case', (n: string) => n],
    ['Tumor', (n: string) => n],
    ['Case', (n: string) => `Stage ${n}`],
    ['Tumor', (n: string) => `Stage ${n}`],
  ])('%s with stage lines like %s', (head, stage) => {
    const r = codeNote(note(head, stage), { payer: 'medicare' });
    expect(r.lines).toEqual(['17311', '17312', '17315', '17313-XS', '12032']);
    expect(r.dx).toEqual([['D04.4'], ['D04.4'], ['D04.4'], ['C44.712'], ['C44.712']]);
  });
});

describe('96372 with several injections told: one unit, and the coder is asked (reference §9.2 gives no unit rule)', () => {
  it.each([
    ['Start dupilumab 600 mg loading dose today (2 x 300 mg SC injections given in clinic by RN).', 1],
    ['Dupilumab 300 mg SC injection given in clinic by RN.', 0],
  ])('%j', (plan, asked) => {
    const r = codeNote(['Assessment and plan:', `1. Atopic dermatitis, moderate-severe, BSA 20%. ${plan}`, 'Visit level: 99214-25'].join('\n'), {
      payer: 'commercial',
    });
    expect(r.lines).toEqual(['99214-25', '96372']);
    const draft = r.findings.filter((f) => f === 'injection/self-administered-drug');
    expect(draft.length).toBe(1 + asked);
  });
});
