import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { defineRule } from '../../../core/rules/define-rule';
import { otherProceduresRules } from '../../../core/rules/other-procedures';
import { codeWith } from './family-harness';
import { L, proc } from './harness';

type Case = { name: string; encounter: EncounterInput; settings?: SettingsInput; lines: string[]; findings?: string[] };

const site = (key: string, text = key) => ({ key, text });

const cases: Case[] = [
  // I&D
  {
    name: 'I&D of a fluctuant abscess → 10060',
    encounter: { procedures: [proc({ kind: 'incision-drainage', site: site('back'), text: 'fluctuant abscess incised, purulent material expressed' })] },
    lines: ['10060'],
  },
  {
    name: 'I&D with loculations broken and packing → 10061',
    encounter: { procedures: [proc({ kind: 'incision-drainage', site: site('buttock'), text: 'abscess, loculations broken up, packed with iodoform gauze' })] },
    lines: ['10061'],
  },
  {
    // §14: packing makes the I&D complicated; the note's own "simple" contradicts it, and the coder is told.
    name: '"simple I&D" of an abscess that was packed → 10061 + a warning naming the contradiction',
    encounter: {
      procedures: [proc({ kind: 'incision-drainage', site: site('axilla'), text: 'Simple I&D of abscess, pus expressed, cavity packed with iodoform gauze.' })],
    },
    lines: ['10061'],
    findings: ['other-procedures/incision-drainage'],
  },
  {
    name: '"I&D (simple)" with loculations broken up → 10061 + the same warning',
    encounter: {
      procedures: [
        proc({ kind: 'incision-drainage', site: site('thigh'), text: 'Furuncle, I&D (simple): purulent drainage, loculations broken up with a hemostat.' }),
      ],
    },
    lines: ['10061'],
    findings: ['other-procedures/incision-drainage'],
  },
  {
    name: '"simple I&D, no packing" is simple and says nothing more',
    encounter: {
      procedures: [proc({ kind: 'incision-drainage', site: site('back'), text: 'Simple I&D of a fluctuant abscess, pus expressed. No packing.' })],
    },
    lines: ['10060'],
  },
  {
    name: 'two abscesses drained → one 10061',
    encounter: {
      procedures: [
        proc({ kind: 'incision-drainage', site: site('axilla'), text: 'abscess drained' }),
        proc({ kind: 'incision-drainage', site: site('groin'), text: 'furuncle drained' }),
      ],
    },
    lines: ['10061'],
  },
  {
    name: 'complicated flag from the parser → 10061',
    encounter: { procedures: [proc({ kind: 'incision-drainage', site: site('thigh'), complicated: true, text: 'carbuncle' })] },
    lines: ['10061'],
  },
  {
    name: 'I&D with no abscess or purulence documented → 10060 + warning',
    encounter: { procedures: [proc({ kind: 'incision-drainage', site: site('back'), text: 'cyst incised and contents expressed' })] },
    lines: ['10060'],
    findings: ['other-procedures/incision-drainage'],
  },
  {
    name: 'abscess named only in the lesion diagnosis still counts',
    encounter: {
      lesions: [{ label: 'A', clinicalDiagnosis: 'inflamed infected epidermoid cyst' }],
      procedures: [proc({ kind: 'incision-drainage', lesionLabels: ['A'], site: site('back'), text: 'I&D performed' })],
    },
    lines: ['10060'],
  },
  {
    name: 'repeat I&D in the global period → info about 76',
    encounter: { visit: { postOpOf: { code: '10060' } }, procedures: [proc({ kind: 'incision-drainage', site: site('back'), text: 'recurrent abscess' })] },
    lines: ['10060'],
    findings: ['other-procedures/incision-drainage'],
  },
  {
    name: '"No packing" is not a complicated I&D even when the parser flagged it',
    encounter: {
      procedures: [
        proc({
          kind: 'incision-drainage',
          complicated: true,
          site: site('buttock'),
          text: 'Fluctuant abscess; stab incision, 3 mL pus expressed, cavity irrigated. No packing.',
        }),
      ],
    },
    lines: ['10060'],
  },
  {
    name: 'packing placed after "no loculations" → still 10061',
    encounter: {
      procedures: [proc({ kind: 'incision-drainage', site: site('buttock'), text: 'Abscess drained, no loculations; packed with iodoform strip.' })],
    },
    lines: ['10061'],
  },
  {
    name: 'template fields "Loculations broken up: No" and "Packing placed: No" → 10060',
    encounter: {
      procedures: [
        proc({
          kind: 'incision-drainage',
          site: site('buttock'),
          text: 'Incision: Yes - 1.2 cm linear\nPurulent drainage: Yes - moderate pus\nLoculations broken up: No\nPacking placed: No',
        }),
      ],
    },
    lines: ['10060'],
  },
  // Acne
  {
    name: 'comedone extraction → 10040',
    encounter: { procedures: [proc({ kind: 'acne-surgery', text: 'extraction of multiple comedones' })] },
    lines: ['10040'],
  },
  {
    name: 'cryotherapy for acne → 17340 + payer info',
    encounter: { procedures: [proc({ kind: 'acne-surgery', text: 'acne cryotherapy with liquid nitrogen' })] },
    lines: ['17340'],
    findings: ['other-procedures/acne-surgery'],
  },
  {
    name: 'acne cryotherapy read as an unspecified destruction → 17340',
    encounter: {
      procedures: [proc({ kind: 'destruction-unspecified', site: site('face'), text: 'Cryotherapy for acne: liquid nitrogen slush applied to the face.' })],
    },
    lines: ['17340'],
    findings: ['other-procedures/acne-surgery'],
  },
  {
    name: 'chemical exfoliation for acne → 17360 (not a peel code)',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('face'), text: 'salicylic acid exfoliation for acne vulgaris' })] },
    lines: ['17360'],
    findings: ['other-procedures/acne-surgery'],
  },
  // Paring
  { name: 'paring of 1 callus → 11055', encounter: { procedures: [proc({ kind: 'paring', count: 1, site: site('sole') })] }, lines: ['11055'] },
  {
    name: 'paring of 3 corns → 11056 alone (not add-ons)',
    encounter: { procedures: [proc({ kind: 'paring', count: 3, site: site('toe') })] },
    lines: ['11056'],
  },
  { name: 'paring of 4 → 11056', encounter: { procedures: [proc({ kind: 'paring', count: 4, site: site('sole') })] }, lines: ['11056'] },
  {
    name: 'paring split over two records, 3 + 2 → 11057',
    encounter: { procedures: [proc({ kind: 'paring', count: 3, site: site('sole') }), proc({ kind: 'paring', count: 2, site: site('heel') })] },
    lines: ['11057'],
  },
  {
    name: 'paring count missing → 11055 + warning',
    encounter: { procedures: [proc({ kind: 'paring', site: site('sole') })] },
    lines: ['11055'],
    findings: ['other-procedures/paring'],
  },
  {
    name: 'paring of wart A then destruction of A → no paring line',
    encounter: {
      procedures: [
        proc({ kind: 'paring', lesionLabels: ['A'], site: site('sole') }),
        proc({ kind: 'destruction-benign', lesionLabels: ['A'], count: 1, site: site('sole') }),
      ],
    },
    lines: [],
    findings: ['other-procedures/paring'],
  },
  {
    name: 'paring of A, B, C; B destroyed → 11056 for A and C',
    encounter: {
      procedures: [
        proc({ kind: 'paring', lesionLabels: ['A', 'B', 'C'], site: site('sole') }),
        proc({ kind: 'destruction-benign', lesionLabels: ['B'], count: 1, site: site('sole') }),
      ],
    },
    lines: ['11056'],
  },
  {
    name: 'unlabeled paring and destruction at the same site → matched by site, no paring line',
    encounter: {
      procedures: [
        proc({ kind: 'paring', count: 2, site: site('sole'), text: 'paring of plantar warts' }),
        proc({ kind: 'destruction-benign', count: 2, site: site('sole'), lesionType: 'wart' }),
      ],
    },
    lines: [],
    findings: ['other-procedures/paring'],
  },
  {
    name: '"Plantar wart R heel: pared, then cryotherapy" (destruction without a site, same line) → no paring line',
    encounter: {
      sections: { note: 'Plantar wart R heel: pared, then cryotherapy x2 cycles.' },
      procedures: [
        proc({ kind: 'paring', site: site('sole'), lesionType: 'wart', text: 'Plantar wart R heel: pared,', span: { section: 'note', start: 0, end: 27 } }),
        proc({ kind: 'destruction-benign', lesionType: 'wart', text: 'then cryotherapy x2 cycles.', span: { section: 'note', start: 28, end: 56 } }),
      ],
    },
    lines: [],
    findings: ['other-procedures/paring'],
  },
  {
    name: 'unlabeled paring of calluses and wart destruction at the same site → both lesions differ, 11056 kept',
    encounter: {
      procedures: [
        proc({ kind: 'paring', count: 2, site: site('sole'), text: 'paring of 2 painful calluses' }),
        proc({ kind: 'destruction-benign', count: 2, site: site('sole'), lesionType: 'wart' }),
      ],
    },
    lines: ['11056'],
  },
  {
    name: 'paring count written in the text: "Paring of 2 painful calluses" → 11056',
    encounter: { procedures: [proc({ kind: 'paring', text: 'Paring of 2 painful calluses (R 1st MTP, L 5th MTP).' })] },
    lines: ['11056'],
  },
  // Nails
  { name: 'trimming of nails → 11719', encounter: { procedures: [proc({ kind: 'nail', count: 10, text: 'trimming of 10 toenails' })] }, lines: ['11719'] },
  {
    name: 'debridement of 4 nails → 11720',
    encounter: { procedures: [proc({ kind: 'nail', count: 4, site: site('fingernail'), text: 'nail debridement' })] },
    lines: ['11720'],
  },
  {
    name: 'debridement of 6 nails → 11721',
    encounter: { procedures: [proc({ kind: 'nail', count: 6, site: site('fingernail'), text: 'debridement of dystrophic nails' })] },
    lines: ['11721'],
  },
  {
    name: 'nail debridement on the feet, Medicare → routine foot care info',
    encounter: { procedures: [proc({ kind: 'nail', count: 8, site: site('toenail'), text: 'mechanical debridement of onychomycotic toenails' })] },
    settings: { payer: 'medicare' },
    lines: ['11721'],
    findings: ['other-procedures/nail'],
  },
  {
    name: 'partial avulsion with "phenol matricectomy not done" → 11730, not the matrix excision',
    encounter: {
      procedures: [
        proc({
          kind: 'nail',
          site: site('toenail'),
          text: 'ingrown toenail L hallux lateral border - partial nail avulsion of the lateral border after digital block, phenol matricectomy not done.',
        }),
      ],
    },
    lines: ['11730'],
  },
  {
    name: 'whole plate avulsed, "matrix NOT treated" → 11730, not the matrix excision',
    encounter: {
      procedures: [
        proc({
          kind: 'nail',
          site: site('toenail'),
          text: 'NAIL AVULSION, R great toe: whole nail plate freed with an elevator and avulsed; matrix NOT treated.',
        }),
      ],
    },
    lines: ['11730'],
  },
  {
    name: 'avulsion of 3 nail plates → 11730 + 11732×2',
    encounter: { procedures: [proc({ kind: 'nail', count: 3, site: site('toenail'), text: 'avulsion of nail plate' })] },
    lines: ['11730', '11732 x2'],
  },
  {
    name: 'matrixectomy → 11750',
    encounter: { procedures: [proc({ kind: 'nail', site: site('toenail'), text: 'phenol matricectomy of lateral nail fold' })] },
    lines: ['11750'],
  },
  {
    name: 'nail biopsy is the biopsy family’s (11755): no line here',
    encounter: { procedures: [proc({ kind: 'nail', site: site('fingernail'), text: 'nail matrix biopsy' })] },
    lines: [],
  },
  {
    name: 'nail service unclear → warning, no line',
    encounter: { procedures: [proc({ kind: 'nail', site: site('toenail'), text: 'nail procedure' })] },
    lines: [],
    findings: ['other-procedures/nail'],
  },
  // Debridement
  {
    name: 'subcutaneous debridement 45 sq cm → 11042 + 11045×2',
    encounter: { procedures: [proc({ kind: 'debridement', areaSqCm: 45, site: site('lower-leg'), text: 'excisional debridement to subcutaneous tissue' })] },
    lines: ['11042', '11045 x2'],
  },
  {
    name: 'subcutaneous debridement 20 sq cm → 11042 only',
    encounter: { procedures: [proc({ kind: 'debridement', areaSqCm: 20, site: site('lower-leg'), text: 'debrided through subcutaneous fat' })] },
    lines: ['11042'],
  },
  {
    name: 'infected eczematous skin 25% BSA → 11000 + 11001×2',
    encounter: { procedures: [proc({ kind: 'debridement', text: 'debridement of infected eczematous skin, 25% BSA' })] },
    lines: ['11000', '11001 x2'],
  },
  {
    name: 'a "debridement" of toenails is nail debridement → 11721',
    encounter: { procedures: [proc({ kind: 'debridement', text: 'Debridement of 8 dystrophic toenails with nippers and electric burr.' })] },
    lines: ['11721'],
  },
  {
    name: 'subcutaneous debridement with the area only in the text → 11042 + 11045',
    encounter: {
      procedures: [proc({ kind: 'debridement', text: 'Venous ulcer 4 x 6 cm: excisional debridement of slough and subcutaneous tissue, 24 sq cm.' })],
    },
    lines: ['11042', '11045'],
  },
  {
    name: 'debridement depth not documented → warning, no line',
    encounter: { procedures: [proc({ kind: 'debridement', site: site('lower-leg'), text: 'wound debrided' })] },
    lines: [],
    findings: ['other-procedures/debridement'],
  },
  {
    name: 'debridement to muscle → warning, no line',
    encounter: { procedures: [proc({ kind: 'debridement', areaSqCm: 10, text: 'debridement down to muscle' })] },
    lines: [],
    findings: ['other-procedures/debridement'],
  },
  // 17250
  {
    name: 'silver nitrate to granulation tissue → 17250',
    encounter: { procedures: [proc({ kind: 'debridement', site: site('toe'), text: 'hypergranulation tissue cauterized with silver nitrate' })] },
    lines: ['17250'],
  },
  {
    name: 'granulation-tissue cautery written only in the note → 17250',
    encounter: { sections: { 'A/P': '4. Hypergranulation tissue at prior I&D site, R groin: silver nitrate chemical cautery.' } },
    lines: ['17250'],
  },
  {
    name: 'silver nitrate for hemostasis → no 17250, info',
    encounter: { procedures: [proc({ kind: 'unlisted', text: 'silver nitrate applied for hemostasis of biopsy site bleeding' })] },
    lines: [],
    findings: ['other-procedures/chemical-cautery'],
  },
  // Peels
  {
    name: 'facial glycolic peel → 15788',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('face'), text: 'glycolic acid 30% peel' })] },
    lines: ['15788'],
  },
  {
    name: 'facial TCA 35% medium-depth peel → 15789',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('face'), text: 'Jessner + TCA 35% peel' })] },
    lines: ['15789'],
  },
  {
    name: '"35% TCA" written percentage-first on the face → 15789',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('face'), text: 'Jessner then 35% TCA' })] },
    lines: ['15789'],
  },
  {
    name: 'superficial peel of the chest → 15792',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('chest'), text: 'superficial salicylic peel' })] },
    lines: ['15792'],
  },
  {
    name: 'dermal peel of the hands → 15793',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('dorsal-hand'), text: 'medium depth peel' })] },
    lines: ['15793'],
  },
  {
    name: 'peel depth not documented → epidermal code + warning',
    encounter: { procedures: [proc({ kind: 'chemical-peel', site: site('cheek'), text: 'chemical peel performed' })] },
    lines: ['15788'],
    findings: ['other-procedures/chemical-peel'],
  },
  {
    name: 'peel site only in the text ("Chemical peel, face: Jessner + 35% TCA") → 15789',
    encounter: { procedures: [proc({ kind: 'chemical-peel', text: "Chemical peel, face: Jessner's solution followed by 35% TCA (medium depth)." })] },
    lines: ['15789'],
  },
  {
    name: 'peel text names face and neck with no parsed site → ask',
    encounter: { procedures: [proc({ kind: 'chemical-peel', text: 'glycolic peel to face and neck' })] },
    lines: [],
    findings: ['other-procedures/chemical-peel'],
  },
  {
    name: 'peel site not documented → no line + warning',
    encounter: { procedures: [proc({ kind: 'chemical-peel', text: 'glycolic peel' })] },
    lines: [],
    findings: ['other-procedures/chemical-peel'],
  },
  // Unlisted, micro, G0168
  {
    name: 'unlisted skin procedure → 17999 + comparison-code finding',
    encounter: { procedures: [proc({ kind: 'unlisted', site: site('back'), text: 'radiofrequency treatment' })] },
    lines: ['17999'],
    findings: ['other-procedures/unlisted'],
  },
  {
    name: 'unlisted special dermatological service documented as 96999',
    encounter: { procedures: [proc({ kind: 'unlisted', documentedCode: '96999', text: 'special service' })] },
    lines: ['96999'],
    findings: ['other-procedures/unlisted'],
  },
  {
    name: 'KOH prep read in office → 87220 + CLIA info',
    encounter: { procedures: [proc({ kind: 'unlisted', text: 'KOH prep of scale: hyphae seen' })] },
    lines: ['87220'],
    findings: ['other-procedures/in-office-microbiology'],
  },
  {
    name: 'KOH read in the office written only in the note text → 87220 + CLIA info',
    encounter: { sections: { note: 'Scaly annular plaque L thigh. KOH prep of scale performed in office: septate hyphae seen. Tinea corporis.' } },
    lines: ['87220'],
    findings: ['other-procedures/in-office-microbiology'],
  },
  {
    name: 'a KOH result dated before the visit ("KOH + culture 9/2026 positive") is history, not an in-office test today',
    encounter: {
      visit: { dateOfService: '2026-11-24' },
      sections: { note: 'Onychomycosis L great toenail. KOH + culture 9/2026 positive for T. rubrum; failed terbinafine.' },
    },
    lines: [],
  },
  {
    name: 'a KOH read today with a date of this visit → 87220',
    encounter: {
      visit: { dateOfService: '2026-11-24' },
      sections: { note: 'Scaly plaque L thigh. KOH prep 11/24/2026 performed in office: septate hyphae seen.' },
    },
    lines: ['87220'],
    findings: ['other-procedures/in-office-microbiology'],
  },
  {
    name: 'a prior KOH result or a send-out is not an in-office test',
    encounter: { sections: { note: 'Prior KOH last visit was positive. Scraping sent to outside lab for fungal culture.' } },
    lines: [],
  },
  {
    name: 'fungal culture sent out → no 87101',
    encounter: { procedures: [proc({ kind: 'unlisted', documentedCode: '87101', text: 'fungal culture sent to reference lab' })] },
    lines: [],
    findings: ['other-procedures/in-office-microbiology', 'other-procedures/in-office-microbiology'],
  },
  {
    name: 'Medicare tissue-adhesive-only closure the repair rules did not code → G0168',
    encounter: { procedures: [proc({ kind: 'repair', site: site('forehead'), lengthCm: 2, repairFeatures: { tissueAdhesiveOnly: true } })] },
    settings: { payer: 'medicare' },
    lines: ['G0168'],
  },
  {
    name: 'commercial tissue-adhesive closure → no G0168',
    encounter: { procedures: [proc({ kind: 'repair', site: site('forehead'), lengthCm: 2, repairFeatures: { tissueAdhesiveOnly: true } })] },
    lines: [],
  },
];

describe('other procedures', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = codeWith(otherProceduresRules, c.encounter, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('G0168 is not added twice when the repair rules already coded the closure', () => {
    const repairStub = defineRule({
      id: 'repair/test-stub',
      family: 'repair',
      phase: 'code',
      title: 'test',
      explain: 'test',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const p of ctx.performed('repair')) ctx.addLine({ code: 'G0168', procedureIds: [p.id] });
      },
    });
    const result = codeWith(
      [repairStub, ...otherProceduresRules],
      { procedures: [proc({ kind: 'repair', site: site('forehead'), repairFeatures: { tissueAdhesiveOnly: true } })] },
      { payer: 'medicare' },
    );
    expect(result.lines).toEqual([L('G0168')]);
  });

  it('modifier 22 is stripped from an unlisted code', () => {
    const add22 = defineRule({
      id: 'other-procedures/test-22',
      family: 'other-procedures',
      phase: 'modify',
      title: 'test',
      explain: 'test',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const l of ctx.lines) ctx.addModifier(l, '22');
      },
    });
    const result = codeWith([...otherProceduresRules, add22], { procedures: [proc({ kind: 'unlisted', site: site('back'), text: 'novel procedure' })] });
    expect(result.lines).toEqual([L('17999')]);
    expect(result.findings).toEqual(['other-procedures/unlisted', 'other-procedures/unlisted-no-22']);
  });
});

describe('other-procedures/incision-drainage: the quote of an incision without pus', () => {
  it('ends at a word and is marked as cut, not "… only che"', async () => {
    const { codeNote } = await import('./note-harness');
    const r = codeNote(
      'Procedures:\n1. Upper back - incision with #11 blade after 1% lido w/ epi: expressed only cheesy white keratinous debris and cyst wall fragments; NO purulence. Dx: inflamed epidermoid cyst (L72.0).\n',
    );
    expect(r.lines).toEqual([]);
    const { codeEncounter } = await import('../../../core/engine');
    const { parseNote } = await import('../../../core/parse');
    const { Settings } = await import('../../../core/model');
    const draft = codeEncounter(
      parseNote(
        'Date of Service: 11/20/2026\nProcedures:\n1. Upper back - incision with #11 blade after 1% lido w/ epi: expressed only cheesy white keratinous debris and cyst wall fragments; NO purulence. Dx: inflamed epidermoid cyst (L72.0).\n',
      ),
      Settings.parse({}),
    );
    const message = draft.findings.find((f) => f.rule === 'other-procedures/incision-drainage')?.message;
    expect(message).toBe(
      'An incision without pus ("1. Upper back - incision with #11 blade after 1% lido w/ epi: expressed only…") is no I&D: 10060/10061 need a documented abscess or purulence, so none was coded for it.',
    );
  });
});
