import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Probe h22 (session 11): the README's known misreads and the misreads of notes never seen, each one general phrasing,
// coded end to end (parse → rules) with exact lines, diagnoses and finding ids.

describe("an op note that numbers its sites keeps each site's size and repair (§3.1, §4.2)", () => {
  const SITES = (site1: string, site2: string) =>
    'Preoperative diagnosis: Biopsy-proven basal cell carcinoma x2.\n' +
    'Procedure: Excision of malignant lesions with intermediate repair, 2 sites.\n' +
    'Anesthesia: 1% lidocaine with epinephrine.\n' +
    'Consent: risks reviewed, signed.\n\n' +
    `${site1} 1.2 cm BCC. Excised with 0.4 cm margins (excised diameter 2.0 cm) to fat. Layered closure, repair length 5.2 cm.\n\n` +
    `${site2} 0.8 cm BCC. Excised with 0.4 cm margins (excised diameter 1.6 cm) to fat. Layered closure, repair length 4.0 cm.\n\n` +
    'Both specimens to pathology.\n';
  it.each([
    ['Site 1 (R upper arm):', 'Site 2 (L upper back):'],
    ['Site 1 (R upper arm) -', 'Site 2 (L upper back) -'],
    ['Site #1 (R upper arm):', 'Site #2 (L upper back):'],
    ['#1 R upper arm -', '#2 L upper back -'],
  ])('"%s" / "%s" → two malignant excisions and one summed intermediate repair', (a, b) => {
    const r = codeNote(SITES(a, b));
    expect(r.lines).toEqual(['11602', '11602-59', '12034', '88305 x2']);
    expect(r.dx.slice(0, 2)).toEqual([['C44.612'], ['C44.519']]);
    expect(r.findings.filter((f) => f.startsWith('excision/') || f.startsWith('repair/'))).toEqual([]);
  });

  it('an indication naming two kinds of tumour: each numbered line names its own (§13.6)', () => {
    const r = codeNote(
      'Indication: bx-proven SCCis x1, BCC x1 (bx 11/02/2026).\nConsent signed.\n\n' +
        '#1 Nasal dorsum - 0.6 cm BCC. Excised with 3 mm margins, excised diameter 1.2 cm. Intermediate repair, final length 3.0 cm.\n' +
        '#2 L dorsal hand - 1.0 cm SCCis. Excised with 4 mm margins, excised diameter 1.8 cm. Intermediate layered repair, final length 4.5 cm.\n',
    );
    expect(r.lines).toEqual(['11642', '11622', '12052', '12042', '88305 x2']);
    expect(r.dx.slice(0, 4)).toEqual([['C44.311'], ['D04.62'], ['C44.311'], ['D04.62']]);
  });

  it('one diagnosis written in parts is not a list: "Seborrheic keratoses, irritated, L shoulder" stays L82.0', () => {
    const r = codeNote(
      'A:\n1. Seborrheic keratoses, irritated, L shoulder x2 - rubbing on bra strap, itchy.\nP:\n1. LN2 destruction of 2 SKs L shoulder, 2 FTC.\n',
    );
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([['L82.0']]);
  });
});

describe('a legend naming each side\'s jar: "(R = A, L = B)" (§1.2, §7.2)', () => {
  it.each([
    ['Shave biopsies of both (R = A, L = B).', ['11102', '11103', '88305 x2'], ['A', 'B']],
    ['Shave biopsies of both (L=A, R=B).', ['11102', '11103', '88305 x2'], ['A', 'B']],
    ['Shave biopsies of both (right: A; left: B).', ['11102', '11103', '88305 x2'], ['A', 'B']],
  ])('"%s" → %j', (plan, lines) => {
    const r = codeNote(`Assessment/Plan:\n1. Atypical pigmented macules, bilateral upper arms, r/o dysplastic nevus. ${plan} Sent to dermpath.\n`);
    expect(r.lines).toEqual(lines);
    expect(r.findings).not.toContain('documentation/could-not-read');
    expect(r.findings).not.toContain('biopsy/same-site-specimens');
  });

  it('a counted procedure with the legend: "Two punch biopsies, bilateral shins (L = A, R = B)"', () => {
    const r = codeNote('Procedure: Two punch biopsies, 4 mm, bilateral shins (L = A, R = B), closed with 4-0 nylon. To dermpath.\nDx: r/o dysplastic nevi.\n');
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
  });
});

describe('one 17110 session of medical and cosmetic SKs is split by intent (§2.2, §12.2, §12.5)', () => {
  it.each([
    [
      'two items',
      '1. Inflamed seborrheic keratoses x3, back, itchy and catching on clothing - LN2 x3.\n2. Seborrheic keratoses x4, face, asymptomatic - pt wants them gone for cosmetic reasons; LN2 x4, self-pay.\n',
      ['17110', '17110'],
      [['L82.0'], ['Z41.1', 'L82.1']],
    ],
    [
      'one sentence, "4 more on the face"',
      '1. Seborrheic keratoses. Irritated SKs x3 on the back (catching on clothing, itchy) treated with LN2; 4 more on the face treated at patient request for cosmetic reasons, LN2.\n',
      ['17110', '17110'],
      undefined,
    ],
  ])('%s → insurance 17110 + self-pay 17110', (_name, plan, lines, dx) => {
    const r = codeNote(`Assessment/Plan:\n${plan}`);
    expect(r.lines).toEqual(lines);
    if (dx) expect(r.dx).toEqual(dx);
    expect(r.dx[1]?.[0]).toBe('Z41.1');
    expect(r.findings.filter((f) => f === 'cosmetic/self-pay').length).toBe(2);
  });

  it('each part is coded by its own count: 10 irritated + 8 cosmetic = 17110 + 17110, not 17111', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Inflamed seborrheic keratoses x10, back, itchy - LN2 x10.\n2. Seborrheic keratoses x8, face - cosmetic, pt request; LN2 x8, self-pay.\n',
    );
    expect(r.lines).toEqual(['17110', '17110']);
  });

  it('Medicare: the cosmetic part is self-pay, the medical part goes to Medicare', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Inflamed seborrheic keratoses x3, back, itchy and catching on clothing - LN2 x3.\n2. Seborrheic keratoses x4, face, asymptomatic - cosmetic, pt request; LN2 x4.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17110', '17110']);
    expect(r.dx[1]).toEqual(['Z41.1', 'L82.1']);
  });
});

describe('a rule-out of a non-neoplastic condition never gets D49.2 (§13.2)', () => {
  it.each([
    ['Purpuric papules bilateral lower legs, r/o leukocytoclastic vasculitis. 4 mm punch biopsy R shin, specimen A to dermpath.'],
    ['Annular plaques both forearms, r/o granuloma annulare. 4 mm punch biopsy L forearm, specimen A to dermpath.'],
  ])('"%s" → 11104 with no D49.2, the diagnosis asked for', (item) => {
    const r = codeNote(`Assessment/Plan:\n1. ${item}\n`);
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx.flat()).not.toContain('D49.2');
    expect(r.findings).toContain('diagnosis/unmapped');
  });

  it('a rule-out of a neoplasm still gets D49.2', () => {
    const r = codeNote('Assessment/Plan:\n1. Pink papule L upper back, r/o BCC. Shave biopsy L upper back, specimen A.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx[0]).toEqual(['D49.2']);
  });
});

describe('a narrative with no headings: the condition named, then managed, is a separate problem (§10.1)', () => {
  const NOTE = (plan: string) =>
    'Established pt with hidradenitis suppurativa, Hurley stage II, with a painful flare of the L axilla. ' +
    `${plan}I&D of the L axillary abscess performed, purulent material expressed, loculations broken up, packed. 99214-25.\n`;
  it.each([['Discussed adalimumab; labs ordered (QuantiFERON, CBC). Continue doxycycline. '], ['Start doxycycline 100 mg bid. ']])(
    '"%s" → 99214-25 kept',
    (plan) => {
      const r = codeNote(NOTE(plan));
      expect(r.lines).toEqual(['99214-25', '10061']);
      expect(r.dx[0]).toEqual(['L73.2']);
    },
  );

  it('with nothing managed but the I&D, the E/M is dropped', () => {
    const r = codeNote(NOTE('Wound care reviewed. '));
    expect(r.lines).toEqual(['10061']);
    expect(r.findings).toContain('evaluation/separately-identifiable');
  });

  it("a blank line ends the paragraph: management after it is not the condition's named before", () => {
    const r = codeNote('History of psoriasis, clear.\n\nI&D of an abscess of the R axilla, purulent, packed. Start cephalexin 500 mg qid. 99213-25.\n');
    expect(r.lines).not.toContain('99213-25');
  });
});

describe('probe notes 648-659: misreads of unseen styles', () => {
  it.each([
    ['Procedure 2: Repair', '  Type ............ intermediate (layered): 3-0 Vicryl deep\n  Length .......... 4.5 cm', ['11403', '12032', '88304']],
    ['Procedure 2: Closure', '  Type ............ intermediate\n  Length .......... 8.0 cm', ['11403', '12034', '88304']],
    ['Procedure 2: Repair', '  Type: intermediate, layered\n  Length: 2.0 cm', ['11403', '12031', '88304']],
  ])('a numbered "%s" title over its fields is the repair (§4.3)', (title, fields, lines) => {
    const r = codeNote(
      'Procedure 1: Excision, benign lesion\n  Site ............ R upper back\n  Lesion .......... epidermoid cyst, painful, inflamed\n' +
        `  Lesion size ..... 1.8 cm\n  Margins ......... 2 mm\n  Specimen ........ A - to dermpath\n${title}\n${fields}\n`,
    );
    expect(r.lines).toEqual(lines);
  });

  it.each([['Next visit (scheduled 12/09):'], ['At next appt:'], ['Later / spring:'], ['To do next visit:'], ['Future:']])(
    'items under "%s" are planned: only today\'s LN2 is coded',
    (heading) => {
      const r = codeNote(
        `PLAN\nToday:\n- LN2 to 5 AKs (2 R forehead, 3 scalp vertex), 2 FTC each.\n${heading}\n- Excision of the R upper back atypical nevus, 5 mm margins.\n- ED&C of the L shin SCCis.\n`,
      );
      expect(r.lines).toEqual(['17000', '17003 x4']);
    },
  );

  it('"Today:" after a later heading opens today\'s work again', () => {
    const r = codeNote('PLAN\nNext visit:\n- Excision of the R upper back nevus.\nToday:\n- Shave biopsy L cheek, r/o BCC, specimen A.\n');
    expect(r.lines).toEqual(['11102', '88305']);
  });

  it('"Follow-up after biopsies 11/04" names a 000-day surgery: no global-period warning on today\'s LN2 (§10.2)', () => {
    const r = codeNote('Follow-up after biopsies 11/04. Path benign.\nLN2 to 3 AKs R forehead.\n');
    expect(r.lines).toEqual(['17000', '17003 x2']);
    expect(r.findings).not.toContain('checks/global-period');
  });

  it('a report comment "Mohs referral placed for A" leaves part B a skin specimen (§7.1)', () => {
    const r = codeNote(
      'A/P:\n1. Papule R nasal tip, r/o BCC - shave biopsy, specimen A.\n2. Papule L calf, r/o DF - 4 mm punch biopsy, specimen B.\n\n' +
        'ADDENDUM (11/27/2026): Pathology returned.\nA. Skin, R nasal tip, shave: basal cell carcinoma, nodular.\n' +
        'B. Skin, L calf, punch: dermatofibroma.\nPt called, Mohs referral placed for A.\n',
    );
    expect(r.lines).toEqual(['11104', '11103', '88305 x2']);
    expect(r.dx[0]).toEqual(['D23.72']);
    expect(r.dx[1]).toEqual(['C44.311']);
  });

  it.each([
    ['R sholder papule r/o SCC - shave bx (A)', '11102', 'shoulder'],
    ['sBCC L uper back 1.1cm - ED&C x3', '17262', 'upper back'],
    ['pink papule L uper arm r/o BCC - shave bx (A)', '11102', 'upper arm'],
  ])('a misspelled site "%s" is read (%s)', (item, code) => {
    const r = codeNote(`A/P\n- ${item}\n`);
    expect(r.lines[0]).toBe(code);
    expect(r.findings).not.toContain('documentation/lesion-site');
  });

  const TABLE = (gap: string) =>
    ['#', 'Site', 'Finding', 'Tx', 'Size', 'Jar'].join(gap) +
    '\n' +
    [
      ['1', 'R temple', 'AK x4', 'LN2 2 FTC', '-', '-'],
      ['2', 'L forearm', 'AK x3', 'LN2 2 FTC', '-', '-'],
      ['3', 'Mid back', 'pink pearly papule r/o BCC', 'shave bx', '0.7 cm', 'A'],
      ['4', 'R thigh', 'irregular nevus r/o DN', 'punch bx 4 mm', '0.5 cm', 'B'],
    ]
      .map((row) => row.join(gap))
      .join('\n') +
    '\n';
  it.each([
    ['column gaps', '   '],
    ['single spaces (a web page collapsed them)', ' '],
  ])('a table typed as text with %s: row numbers are no counts, the last cell is the jar', (_name, gap) => {
    const r = codeNote(TABLE(gap));
    expect(r.lines).toEqual(['11104-59', '11103', '17000', '17003 x6', '88305 x2']);
    expect(r.findings).not.toContain('documentation/could-not-read');
  });

  it('lines counting lesions are not row numbers: "1 AK R cheek", "2 AKs scalp" are counts', () => {
    const r = codeNote('LN2 today:\n1 AK R cheek\n2 AKs scalp\n3 AKs L forearm\n');
    expect(r.lines).toEqual(['17000', '17003 x5']);
  });
});

describe('after delivery: numbing, "N min prior", one destruction told of two groups', () => {
  it.each([
    ['EMLA cream applied 45 min prior, curettage of 8 lesions.'],
    ['EMLA applied 1 hr prior to curettage of 8 lesions.'],
    ['Topical lidocaine applied 30 minutes prior to the procedure; curettage of 8 lesions.'],
  ])('"%s" is today\'s curettage, and the numbing cream manages no problem (E/M-25 to the other one)', (text) => {
    const r = codeNote(
      `Assessment/Plan:\n1. Molluscum (B08.1), trunk - ${text}\n2. Atopic dermatitis (L20.9) - start triamcinolone 0.1% ointment bid.\nLevel of service: 99213-25.\n`,
    );
    expect(r.lines).toEqual(['99213-25', '17110']);
    expect(r.dx[0]).toEqual(['L20.9']);
  });

  it('a history told with "prior to" stays history: "BCC excised prior to moving here"', () => {
    const r = codeNote('HPI: BCC R forearm excised prior to moving here.\nAssessment/Plan:\n1. AK L temple - LN2.\n');
    expect(r.lines).toEqual(['17000']);
  });

  it('"snip removal … after topical lidocaine" is the procedure\'s numbing, not management of the tags', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Acrochordons, irritated, neck (L91.8) - snip removal of 6 tags after topical lidocaine.\n2. Seborrheic dermatitis (L21.9) - start ketoconazole 2% shampoo.\nLevel of service: 99213-25.\n',
    );
    expect(r.lines).toEqual(['99213-25', '11200']);
    expect(r.dx[0]).toEqual(['L21.9']);
  });

  it.each([
    [
      'LN2 today: irritated SKs x3 on the back treated; 4 more on the face treated at patient request for cosmetic reasons.',
      ['17110', '17110'],
      ['insurance', 'self-pay'],
    ],
    ['LN2 today: irritated SKs x3 on the back; 4 more on the face treated too.', ['17110'], ['insurance']],
  ])('one LN2 for "%s"', (plan, lines, billing) => {
    const r = codeNote(`Assessment/Plan:\n1. Seborrheic keratoses - ${plan}\n`);
    expect(r.lines).toEqual(lines);
    expect(r.dx.map((d) => (d[0] === 'Z41.1' ? 'self-pay' : 'insurance'))).toEqual(billing);
  });
});
