import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads left from session 7 (note7's closing list), coded end to end (parse → rules): exact lines, dx and finding ids.

describe('a biopsied lesion told only by its look, with a benign problem at another site on the next line', () => {
  const biopsy = 'Pink scaly papule left upper back, 6 mm. Consent obtained. Tangential biopsy performed and sent to dermatopathology.\n';
  it.each([
    ['SKs on the chest, left alone', 'Seborrheic keratoses, chest: benign, no treatment.\n'],
    ['SKs on the trunk, left alone', 'Seborrheic keratoses, trunk: benign, no treatment.\n'],
    ['SKs on the chest, no plan words', 'Seborrheic keratoses, chest.\n'],
    ['a cherry angioma on the R arm, reassured', 'Cherry angioma R arm - reassured.\n'],
  ])('%s → D49.2 with the "no clinical diagnosis" info', (_name, other) => {
    const r = codeNote(`Assessment and plan:\n${biopsy}${other}`, { pathology: 'in-house' });
    // Reference §13.1-13.2: each line points to its own lesion's dx; an undiagnosed lesion before pathology is D49.2.
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).toEqual(['diagnosis/before-pathology']);
  });

  it('the same without the consent sentence', () => {
    const r = codeNote(
      'Assessment and plan:\nPink scaly papule left upper back, 6 mm. Tangential biopsy performed, sent to path.\nSeborrheic keratoses, chest: benign, no treatment.\n',
    );
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });

  it('a problem at the biopsied site that the plan does not leave alone is still what was sampled', () => {
    const r = codeNote('Assessment and plan:\nIrritated seborrheic keratosis, left upper back.\nTangential biopsy performed, sent to path.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0']]);
  });
});

describe('a telehealth E/M with a documented modifier 95', () => {
  const visit = 'Video visit, patient at home.\nA/P:\n1. Acne vulgaris - continue doxycycline 100 mg daily, add adapalene gel qhs.\n';
  it.each([['E/M: 99213-95'], ['E/M 99213 with modifier 95'], ['Seen via telehealth, mod 95. Level 99213.']])(
    '%s → 99213-95 kept, an info asks to verify the payer',
    (em) => {
      const r = codeNote(`${visit}${em}\n`);
      // The reference is silent on telehealth modifiers: the documented one is the provider's, kept and flagged to verify.
      expect(r.lines).toEqual(['99213-95']);
      expect(r.dx).toEqual([['L70.0']]);
      expect(r.findings).toEqual(['evaluation/telehealth']);
    },
  );
  it('the finding is an info when the modifier was documented, a warning when none was', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const severity = (em: string) =>
      codeEncounter(parseNote(`Date of Service: 11/20/2026\n${visit}${em}\n`), Settings.parse({}))
        .findings.filter((f) => f.rule === 'evaluation/telehealth')
        .map((f) => f.severity);
    expect(severity('E/M: 99213-95')).toEqual(['info']);
    expect(severity('E/M: 99213')).toEqual(['warning']);
  });
});

describe('an I&D documented "simple" but packed', () => {
  it('codes 10061 (§14: packing is complicated) and a warning names the contradiction', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const d = codeEncounter(
      parseNote(
        'Date of Service: 11/20/2026\nA/P:\n1. Abscess R axilla, 2 cm, fluctuant and tender.\nProcedure: simple incision and drainage. Purulent material expressed, cavity irrigated and packed with iodoform gauze.\n',
      ),
      Settings.parse({}),
    );
    expect(d.lines.map((l) => [l.code, l.dx])).toEqual([['10061', ['L02.411']]]);
    expect(d.findings.filter((f) => f.rule === 'other-procedures/incision-drainage').map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        'I&D (R axilla): the note calls the drainage simple but documents packing or loculations, which make it complicated (10061); 10061 was coded.',
      ],
    ]);
  });
});

describe('an Orders list restating the plan', () => {
  const plan =
    'Impression/Plan:\n1. r/o SCC, L dorsal hand -> punch bx 4 mm today, spec A, one 4-0 nylon.\n2. AK x2 R temple (L57.0) -> LN2 x2.\n\nOrders:\n  - Surgical pathology, in-house (A: L dorsal hand punch)\n  - Cryotherapy AKs x2 - done\n';
  it('codes the plan once, its biopsy keeps the impression, and the order line is no unread jar', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const e = parseNote(`Date of Service: 11/20/2026\n${plan}`);
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels])).toEqual([
      ['biopsy-punch', ['1']],
      ['destruction-premalignant', ['2']],
    ]);
    const d = codeEncounter(e, Settings.parse({}));
    // §1.2 (punch 11104), §2.1 (two AKs: 17000 + 17003), §7.2 (one specimen), §13.2 (r/o SCC before pathology: D49.2).
    expect(d.lines.map((l) => `${l.code}${l.units > 1 ? ` x${l.units}` : ''} ${l.dx.join(',')}`)).toEqual([
      '11104 D49.2',
      '17000 L57.0',
      '17003 L57.0',
      '88305 D49.2',
    ]);
    expect(d.findings.map((f) => f.rule)).not.toContain('documentation/could-not-read');
    expect(d.findings.map((f) => f.rule)).not.toContain('diagnosis/before-pathology');
  });
});

describe('an Orders list that tells the site the plan does not', () => {
  it("keeps the order's procedure when the plan names no site", () => {
    const e = parseNote('Date of Service: 11/20/2026\nPlan: shave bx today.\n\nOrders:\n- Shave biopsy, R nasal ala, specimen A to dermpath\n');
    expect(e.procedures.map((p) => [p.kind, p.site?.key])).toEqual([['biopsy-tangential', 'nasal-ala']]);
  });
});

describe('golden notes 521-532: spurious findings beside right lines', () => {
  it('SOAP "A: 2. SK x2 …" gives its site to "P: 2. SKs - … LN2" (no missing-site finding)', () => {
    const note =
      'S: AK check, two itchy spots on back.\nO: scalp 3 rough papules; L upper back 2 stuck-on papules, inflamed.\nA:\n1. AK x3 scalp (L57.0)\n2. SK x2 L upper back (L82.0) - irritated, itchy, catching on clothing\n\nP:\n1. AKs - LN2, 3 lesions, 2 cycles.\n2. SKs - discussed options. LN2 to the 2 SKs, 1 cycle.\n';
    const e = parseNote(`Date of Service: 11/20/2026\n${note}`);
    const siteOf = (label: string | undefined) => e.lesions.find((l) => l.label === label)?.site?.key;
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels, siteOf(p.lesionLabels[0])])).toEqual([
      ['destruction-premalignant', ['1'], 'scalp'],
      ['destruction-benign', ['2'], 'upper-back'],
    ]);
    expect(codeNote(note).findings.filter((f) => f.startsWith('documentation/lesion-site'))).toEqual([]);
  });

  it('a lone impression numbered like the procedures gives each biopsy its impression where the sites agree', () => {
    const body =
      'Impression: (1) r/o BCC R nasal ala. (2) r/o SCC L dorsal hand.\n\nProcedures:\n(1) Shave biopsy, R nasal ala - specimen A.\n(2) Shave biopsy, L dorsal hand - specimen B.\n';
    const r = codeNote(body);
    expect(r.lines).toEqual(['11102', '11103', '88305 x2']);
    expect(r.findings).not.toContain('diagnosis/before-pathology');
  });

  it('… but not where the numbered impression names another site', () => {
    const r = codeNote('Impression: (1) acne vulgaris, face.\n\nProcedures:\n(1) Shave biopsy, L upper back - specimen A.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).toContain('diagnosis/before-pathology');
  });

  it('"Granulation tissue curetted." inside a nail procedure is no destruction to type', () => {
    const r = codeNote('Procedure: L great toe, digital block. Lateral 1/4 of the nail plate avulsed. Granulation tissue curetted. Dressing applied.\n');
    // §14: nail avulsion 11730 (TA, §10.6); curettage of granulation tissue is no code of its own (17250 is chemical cautery).
    expect(r.lines).toEqual(['11730-TA']);
    expect(r.findings.filter((f) => f.startsWith('destruction/') || f === 'documentation/procedure-not-coded')).toEqual([]);
  });

  it('silver nitrate to granulation tissue is still chemical cautery, 17250', () => {
    const r = codeNote('Hypergranulation tissue at the R axilla wound: treated with silver nitrate chemical cautery.\n');
    expect(r.lines).toEqual(['17250']);
  });

  it('a cyst incised with no pus is no I&D, and a finding says so', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const d = codeEncounter(
      parseNote(
        'Date of Service: 11/20/2026\nProcedures:\nL shoulder - incision with #11 blade: expressed cheesy keratin only, no pus. Dx: inflamed epidermoid cyst.\n',
      ),
      Settings.parse({}),
    );
    // §14: 10060/10061 need a documented abscess or purulence.
    expect(d.lines.map((l) => l.code)).toEqual([]);
    expect(d.findings.map((f) => [f.rule, f.severity])).toContainEqual(['other-procedures/incision-drainage', 'info']);
  });

  it('an indication that names no condition gives way to the hidradenitis excision it precedes', () => {
    const r = codeNote(
      'PROCEDURE: Excision of hidradenitis suppurativa, L axilla, 4.5 x 2 cm, with layered closure.\nINDICATIONS: draining tracts for 2 years despite antibiotics.\nNo specimen sent.\n',
    );
    // §3.5: hidradenitis excision, axilla, simple or intermediate closure = 11450; HS = L73.2 (§13.7).
    expect(r.lines).toEqual(['11450']);
    expect(r.dx).toEqual([['L73.2']]);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

describe('"atypical compound melanocytic proliferation" on the report', () => {
  const note =
    'Irregular brown papule R upper arm, 5 mm. Impression: r/o dysplastic nevus.\nProcedure: shave biopsy, R upper arm, specimen A, to in-house dermpath.\n\n--- Dermatopathology report, signed 11/24/2026 ---\nA. Skin, right upper arm, shave biopsy:\n   Atypical junctional melanocytic proliferation, margins involved. See comment.\n';
  it('no pathology code is invented, the biopsy keeps its clinical diagnosis, and a warning asks the pathologist', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const d = codeEncounter(parseNote(`Date of Service: 11/20/2026\n${note}`), Settings.parse({}));
    // §13.3: D48.5 only when the pathologist states uncertain behavior, no nevus code the report does not name;
    // §13.2: the clinical reading before a settled diagnosis is D49.2.
    expect(d.lines.map((l) => [l.code, l.status, l.dx])).toEqual([
      ['11102', 'ready', ['D49.2']],
      ['88305', 'ready', ['D49.2']],
    ]);
    const asked = d.findings.filter((f) => f.rule === 'diagnosis/unmapped');
    expect(asked.map((f) => f.severity)).toEqual(['warning']);
    expect(asked[0]?.message).toContain('the clinical diagnosis D49.2 stays linked until the pathologist states the behavior');
    expect(d.findings.map((f) => f.rule)).not.toContain('diagnosis/missing');
  });
});

describe('"The lesion was biopsied by shave technique …" told as today\'s narrative', () => {
  it.each([
    ['Pink pearly papule L cheek 0.6 cm. The lesion was biopsied by shave technique and sent to path.\n', ['11102', '88305']],
    ['PINK PEARLY PAPULE L CHEEK 0.6 CM. THE LESION WAS BIOPSIED BY SHAVE TECHNIQUE AND SENT TO PATH.\n', ['11102', '88305']],
    ['Scaly plaque R shin, 1 cm. The lesion was biopsied with a 4 mm punch, specimen A, one suture.\n', ['11104', '88305']],
    // A stated past time, a date before the visit or a year keeps it history (§1: only today's biopsies are coded).
    ['Pink papule L cheek. The lesion was biopsied by shave 2 weeks ago and showed BCC.\n', []],
    ['Pink papule L cheek. The lesion was biopsied by shave on 11/02/2026, BCC.\n', []],
    ['Pink papule L cheek. The lesion was biopsied by punch in 2024, benign.\n', []],
  ])('%s → %j', (body, lines) => {
    expect(codeNote(body).lines).toEqual(lines);
  });
});

describe('wound care after a procedure is no separately managed problem', () => {
  it.each([['Plan: soak BID, RTC 2 wk.\n'], ['Plan: Vaseline and a bandage daily until healed. RTC prn.\n']])('%s → no E/M suggestion', (plan) => {
    const r = codeNote(`Procedure: L great toe, digital block. Entire nail plate avulsed. Dressing applied.\n${plan}`);
    expect(r.lines).toEqual(['11730-TA']);
    expect(r.findings).not.toContain('evaluation/separately-identifiable');
  });
  it('a prescription beside the wound care still is', () => {
    const r = codeNote(
      'Procedure: L great toe, digital block. Entire nail plate avulsed.\nPlan: soak BID; start terbinafine 250 mg daily for onychomycosis of the other toenails.\n',
    );
    expect(r.findings).toContain('evaluation/separately-identifiable');
  });
});
