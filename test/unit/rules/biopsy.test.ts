import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../core/model';
import { defineRule, type Rule } from '../../../core/rules/define-rule';
import { registry } from '../../../core/rules/registry';
import { code, L, proc } from './harness';

const site = (key: string, text = key, laterality?: 'left' | 'right') => ({ key, text, laterality });
const MINE = ['biopsy', 'shave', 'excision', 'destruction'];

/** Only the lesion families' rules, so other families' work in progress cannot change these cases. */
function codeMine(input: EncounterInput, settings: SettingsInput = {}, extra: Rule[] = []) {
  const rules = [...registry.filter((r) => MINE.includes(r.family)), ...extra];
  const draft = codeEncounter(Encounter.parse(input), Settings.parse(settings), { rules });
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    statuses: draft.lines.map((l) => l.status),
    findings: draft.findings.map((f) => f.rule),
  };
}

describe('biopsy/one-primary', () => {
  const cases: { name: string; procedures: ReturnType<typeof proc>[]; lines: string[]; findings?: string[] }[] = [
    {
      name: 'three tangential → 11102 + 11103×2',
      procedures: [1, 2, 3].map((i) => proc({ kind: 'biopsy-tangential', specimenLabel: String.fromCharCode(64 + i), site: site('back') })),
      lines: ['11102', '11103 x2'],
    },
    {
      name: 'one incisional + two tangential → 11106 + 11103×2',
      procedures: [
        proc({ kind: 'biopsy-tangential', site: site('arm') }),
        proc({ kind: 'biopsy-incisional', site: site('back') }),
        proc({ kind: 'biopsy-tangential', site: site('chest') }),
      ],
      lines: ['11106', '11103 x2'],
    },
    {
      name: 'incisional + punch + tangential → 11106 + 11105 + 11103',
      procedures: [
        proc({ kind: 'biopsy-tangential', site: site('arm') }),
        proc({ kind: 'biopsy-punch', site: site('leg') }),
        proc({ kind: 'biopsy-incisional', site: site('back') }),
      ],
      lines: ['11106', '11105', '11103'],
    },
    {
      name: 'two punch + two tangential → 11104 + 11105 + 11103×2',
      procedures: [
        proc({ kind: 'biopsy-tangential', site: site('arm') }),
        proc({ kind: 'biopsy-punch', site: site('leg') }),
        proc({ kind: 'biopsy-punch', site: site('thigh') }),
        proc({ kind: 'biopsy-tangential', site: site('back') }),
      ],
      lines: ['11104', '11105', '11103 x2'],
    },
    {
      name: 'shave + punch → 11104 + 11103 (never two primaries)',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('cheek') }), proc({ kind: 'biopsy-punch', site: site('back') })],
      lines: ['11104', '11103'],
    },
    {
      name: 'six tangential → 11102 + 11103×5',
      procedures: [1, 2, 3, 4, 5, 6].map(() => proc({ kind: 'biopsy-tangential', site: site('back') })),
      lines: ['11102', '11103 x5'],
    },
    {
      name: 'technique not documented → no line, a finding',
      procedures: [proc({ kind: 'biopsy-unspecified', site: site('back'), specimenLabel: 'A' })],
      lines: [],
      findings: ['biopsy/technique-documented'],
    },
    {
      name: 'planned or deferred biopsy → no line',
      procedures: [
        proc({ kind: 'biopsy-punch', status: 'planned', site: site('back') }),
        proc({ kind: 'biopsy-tangential', status: 'deferred', site: site('arm') }),
      ],
      lines: [],
    },
    {
      name: 'lip vermilion → 40490, not a skin biopsy code',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('lip-vermilion') }), proc({ kind: 'biopsy-tangential', site: site('back') })],
      lines: ['40490', '11102'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = code({ procedures: c.procedures }, { pathology: 'external' });
      const mine = result.draft.lines.filter((l) => MINE.some((f) => l.ruleIds[0]?.startsWith(`${f}/`)));
      expect(mine.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers }))).toEqual(c.lines.map(L));
      expect(result.findings.filter((r) => r.startsWith('biopsy/'))).toEqual(c.findings ?? []);
    });
  }
});

describe('biopsy site-specific codes', () => {
  const cases: { name: string; procedures: ReturnType<typeof proc>[]; lines: string[]; findings?: string[] }[] = [
    {
      name: 'anterior tongue → 41100',
      procedures: [proc({ kind: 'biopsy-punch', site: site('tongue', 'lateral tongue') })],
      lines: ['41100'],
    },
    {
      name: 'base of tongue → 41105',
      procedures: [proc({ kind: 'biopsy-incisional', site: { key: 'tongue', text: 'base of tongue' } })],
      lines: ['41105'],
    },
    {
      name: 'two vulvar biopsies → 56605 + 56606',
      procedures: [proc({ kind: 'biopsy-punch', site: site('vulva') }), proc({ kind: 'biopsy-punch', site: site('labia') })],
      lines: ['56605', '56606'],
    },
    {
      name: 'helix → 69100; ear canal → 69105 (second site-specific code, own line)',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('helix') }), proc({ kind: 'biopsy-tangential', site: site('ear-canal') })],
      lines: ['69100', '69105'],
    },
    {
      name: 'two nail biopsies → 11755 + 11755 with distinct modifier',
      procedures: [proc({ kind: 'biopsy-punch', site: site('fingernail') }), proc({ kind: 'biopsy-punch', site: site('toenail') })],
      lines: ['11755', '11755-59'],
    },
    {
      name: 'eyelid margin incisional → 67810',
      procedures: [proc({ kind: 'biopsy-incisional', site: site('eyelid-margin') })],
      lines: ['67810'],
    },
    {
      name: 'shave of eyelid skin off the margin → 11102 + the [U] question',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('lower-eyelid'), specimenLabel: 'A' })],
      lines: ['11102'],
      findings: ['biopsy/site-specific-code'],
    },
    {
      name: 'penis biopsy with no technique → 54100 (technique does not matter)',
      procedures: [proc({ kind: 'biopsy-unspecified', site: site('penis') })],
      lines: ['54100'],
    },
    {
      name: 'intranasal → 30100',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('intranasal') })],
      lines: ['30100'],
    },
    {
      name: '"lip" (skin or vermilion?) → skin code + a finding asking',
      procedures: [proc({ kind: 'biopsy-tangential', site: site('lip', 'upper lip') })],
      lines: ['11102'],
      findings: ['biopsy/site-specific-code'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine({ procedures: c.procedures });
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }
});

describe('biopsy with a same-day excision, shave removal, destruction or Mohs', () => {
  const cases: {
    name: string;
    input: EncounterInput;
    settings?: SettingsInput;
    lines: string[];
    statuses?: string[];
    findings?: string[];
  }[] = [
    {
      name: 'biopsy of the lesion then shaved off the same day → bundled',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], site: site('back') }),
          proc({ kind: 'shave-removal', lesionLabels: ['A'], site: site('back'), lesionDiameterCm: 0.6 }),
        ],
      },
      lines: ['11301'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'biopsy of a different lesion than the shave removal → 11102-59 (commercial)',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], site: site('back') }),
          proc({ kind: 'shave-removal', lesionLabels: ['B'], site: site('back'), lesionDiameterCm: 0.6 }),
        ],
      },
      lines: ['11102-59', '11301'],
    },
    {
      name: 'different lesion, Medicare → XS on the primary, never on the add-on',
      input: {
        procedures: [
          proc({ kind: 'biopsy-punch', lesionLabels: ['A'], site: site('arm') }),
          proc({ kind: 'biopsy-tangential', lesionLabels: ['B'], site: site('chest') }),
          proc({ kind: 'excision', lesionLabels: ['C'], site: site('back'), lesionDiameterCm: 1.0, marginCm: 0.2 }),
        ],
        pathology: [],
      },
      settings: { payer: 'medicare' },
      lines: ['11104-XS', '11103', '11402'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: 'bundled biopsy drops out before the primary is chosen: punch bundled → tangential becomes primary',
      input: {
        procedures: [
          proc({ kind: 'biopsy-punch', lesionLabels: ['A'], site: site('arm') }),
          proc({ kind: 'biopsy-tangential', lesionLabels: ['B'], site: site('chest') }),
          proc({ kind: 'excision', lesionLabels: ['A'], site: site('arm'), lesionDiameterCm: 0.4, marginCm: 0.3, reExcision: false }),
        ],
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
      },
      lines: ['11102-59', '11601'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'biopsy read immediately drove the Mohs decision → reported with XS and tagged',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), drivesDecision: true }),
          proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nose') }),
        ],
      },
      settings: { payer: 'medicare' },
      lines: ['11102-XS'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'biopsy + C&D of the same suspected BCC, no pathology → both held',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('back') }),
          proc({ kind: 'destruction-malignant', lesionLabels: ['A'], site: site('back'), lesionDiameterCm: 0.8 }),
        ],
      },
      lines: ['11102', '17261'],
      statuses: ['held-for-pathology', 'held-for-pathology'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'biopsy + C&D, pathology BCC → only the malignant destruction',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('back') }),
          proc({ kind: 'destruction-malignant', lesionLabels: ['A'], site: site('back'), lesionDiameterCm: 0.8 }),
        ],
        pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma, nodular', behavior: 'malignant' }],
      },
      lines: ['17261'],
      statuses: ['ready'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'biopsy + C&D, pathology benign → only the biopsy',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('back') }),
          proc({ kind: 'destruction-unspecified', lesionLabels: ['A'], site: site('back'), lesionDiameterCm: 0.8, lesionType: 'suspected BCC' }),
        ],
        pathology: [{ specimenLabel: 'A', diagnosisText: 'Irritated seborrheic keratosis', behavior: 'benign' }],
      },
      lines: ['11102'],
      statuses: ['ready'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'no lesion labels: same site and side → matched by site, bundled, with a warning',
      input: {
        procedures: [
          proc({ kind: 'biopsy-punch', site: site('forearm', 'L forearm', 'left') }),
          proc({ kind: 'excision', site: site('forearm', 'L forearm', 'left'), lesionDiameterCm: 1.2, marginCm: 0.2, reExcision: true }),
        ],
      },
      lines: ['11602'],
      findings: ['biopsy/same-lesion-bundled', 'biopsy/same-lesion-bundled'],
    },
    {
      name: 'no lesion labels, other side → separate biopsy with 59',
      input: {
        procedures: [
          proc({ kind: 'biopsy-punch', site: site('forearm', 'R forearm', 'right') }),
          proc({ kind: 'excision', site: site('forearm', 'L forearm', 'left'), lesionDiameterCm: 1.2, marginCm: 0.2, reExcision: true }),
        ],
      },
      lines: ['11104-59', '11602'],
    },
    {
      name: 'same site as a field destruction of 4 AKs, no labels → biopsy kept (XS) with a warning',
      input: {
        procedures: [
          proc({ kind: 'biopsy-punch', site: site('forearm', 'L forearm', 'left') }),
          proc({ kind: 'destruction-premalignant', site: site('forearm', 'L forearm', 'left'), count: 4 }),
        ],
      },
      settings: { payer: 'medicare' },
      lines: ['11104-XS', '17000', '17003 x3'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: '"specimen A" biopsy and "lesion A" C&D are the same lesion → held pair',
      input: {
        lesions: [{ label: 'L1', site: site('upper-back') }],
        specimens: [{ label: 'A', lesionLabel: 'L1', site: site('upper-back') }],
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['L1'], specimenLabel: 'A', site: site('upper-back') }),
          proc({ kind: 'destruction-malignant', lesionLabels: ['A'], lesionDiameterCm: 0.8, lesionType: 'bcc' }),
        ],
      },
      lines: ['11102', '17261'],
      statuses: ['held-for-pathology', 'held-for-pathology'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'same label but forehead vs shin → different lesions (biopsy kept, XS) with a warning',
      input: {
        procedures: [
          proc({ kind: 'destruction-premalignant', lesionLabels: ['2'], site: site('forehead'), count: 4 }),
          proc({ kind: 'biopsy-punch', lesionLabels: ['2'], specimenLabel: 'A', site: site('shin', 'R shin', 'right') }),
        ],
      },
      settings: { payer: 'medicare' },
      lines: ['11104-XS', '17000', '17003 x3'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'same label, left vs right cheek → different lesions',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], site: site('cheek', 'L cheek', 'left') }),
          proc({ kind: 'shave-removal', lesionLabels: ['A'], site: site('cheek', 'R cheek', 'right'), lesionDiameterCm: 0.4 }),
        ],
      },
      lines: ['11102-59', '11310'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'specimen ties the biopsy to its lesion when the biopsy has no lesion label',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', specimenLabel: 'S1', site: site('chest') }),
          proc({ kind: 'destruction-premalignant', lesionLabels: ['B'], site: site('chest'), count: 1 }),
        ],
        specimens: [{ label: 'S1', lesionLabel: 'B' }],
      },
      lines: ['17000'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: '"biopsy" with margins and an ellipse → coded as biopsy, info on intent',
      input: {
        procedures: [proc({ kind: 'biopsy-incisional', site: site('back'), text: 'Elliptical biopsy with 2 mm margins to fat', marginCm: 0.2 })],
      },
      lines: ['11106'],
      findings: ['biopsy/intent-contradiction'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine(c.input, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      if (c.statuses) expect(result.statuses).toEqual(c.statuses);
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('tags the decision-driving biopsy line for the pathology rules', () => {
    const input: EncounterInput = {
      procedures: [
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('nose'), drivesDecision: true }),
        proc({ kind: 'biopsy-tangential', lesionLabels: ['B'], specimenLabel: 'B', site: site('back') }),
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nose') }),
      ],
    };
    const seen: { code: string; tags: string[]; specimens: string[]; rules: string[] }[] = [];
    const spy = defineRule({
      id: 'test/spy',
      family: 'checks',
      phase: 'check',
      title: 'spy',
      explain: 'test only',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const l of ctx.lines) seen.push({ code: l.code, tags: l.tags, specimens: l.specimenLabels, rules: l.ruleIds });
      },
    });
    codeMine(input, { payer: 'medicare' }, [spy]);
    expect(seen).toEqual([
      {
        code: '11102',
        tags: ['biopsy', 'biopsy-primary', 'diagnostic-before-definitive'],
        specimens: ['A'],
        rules: ['biopsy/one-primary', 'biopsy/distinct-lesion-modifier'],
      },
      { code: '11103', tags: ['biopsy', 'biopsy-add-on'], specimens: ['B'], rules: ['biopsy/one-primary'] },
    ]);
  });
  it('records bundled biopsies and a benign-path C&D as removed lines with reasons', () => {
    const removed: { code: string; rule: string }[] = [];
    const spy = defineRule({
      id: 'test/removed-spy',
      family: 'checks',
      phase: 'check',
      title: 'spy',
      explain: 'test only',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const r of ctx.removed) removed.push({ code: r.line.code, rule: r.rule });
      },
    });
    const result = codeMine(
      {
        procedures: [
          proc({ kind: 'biopsy-punch', lesionLabels: ['A'], site: site('arm') }),
          proc({ kind: 'excision', lesionLabels: ['A'], site: site('arm'), lesionDiameterCm: 1, marginCm: 0.2, reExcision: true }),
          proc({ kind: 'biopsy-tangential', lesionLabels: ['B'], specimenLabel: 'B', site: site('back') }),
          proc({ kind: 'destruction-malignant', lesionLabels: ['B'], site: site('back'), lesionDiameterCm: 0.8 }),
        ],
        pathology: [{ specimenLabel: 'B', diagnosisText: 'Seborrheic keratosis', behavior: 'benign' }],
      },
      {},
      [spy],
    );
    expect(result.lines).toEqual(['11102-59', '11602'].map(L));
    expect(removed).toEqual([
      { code: '11104', rule: 'biopsy/same-lesion-bundled' },
      { code: '17261', rule: 'destruction/malignant-diameter' },
    ]);
  });
});

describe('a self-pay removal on another lesion is not on the claim', () => {
  it('cosmetic SK destruction + biopsy of another lesion → no distinct modifier on the biopsy', () => {
    const result = code({
      procedures: [
        proc({ kind: 'destruction-benign', lesionLabels: ['L1'], site: site('cheek'), count: 2, lesionType: 'seborrheic-keratosis', cosmetic: true }),
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('shoulder') }),
      ],
    });
    expect(result.full.filter((l) => l.code !== '88305')).toEqual([
      { code: '11102', units: 1, modifiers: [], billing: 'insurance', status: 'ready' },
      { code: '17110', units: 1, modifiers: [], billing: 'self-pay', status: 'ready' },
    ]);
  });

  it('the same destruction done for a medical reason keeps 59 on the biopsy', () => {
    const result = code({
      procedures: [
        proc({
          kind: 'destruction-benign',
          lesionLabels: ['L1'],
          site: site('cheek'),
          count: 2,
          lesionType: 'inflamed-seborrheic-keratosis',
          indications: ['bleeding'],
        }),
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: site('shoulder') }),
      ],
    });
    expect(result.lines.filter((l) => l.code !== '88305')).toEqual(['11102-59', '17110'].map(L));
  });
});
