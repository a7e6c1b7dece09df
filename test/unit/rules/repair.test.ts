import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { assessRepairLevel, measuredUndermining } from '../../../core/rules/repair';
import { code, L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });
const MINE = /^(repair|tissue-transfer|mohs)\//;

interface Case {
  name: string;
  encounter: EncounterInput;
  settings?: SettingsInput;
  lines: string[];
  /** Rule ids of findings from the repair / tissue-transfer / Mohs families, in order. */
  findings?: string[];
}

function run(c: Case) {
  const result = code(c.encounter, { pathology: 'external', ...c.settings });
  return { lines: result.lines, findings: result.findings.filter((f) => MINE.test(f)), draft: result.draft };
}

const benignPath = (label: string) => ({ specimenLabel: label, diagnosisText: 'compound nevus', behavior: 'benign' as const });
const malignantPath = (label: string) => ({ specimenLabel: label, diagnosisText: 'basal cell carcinoma', behavior: 'malignant' as const });

const cases: Case[] = [
  {
    name: 'simple repair 2.0 cm of a laceration on the arm → 12001',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2, site: site('forearm') })] },
    lines: ['12001'],
  },
  {
    name: 'simple repair 2.6 cm on the face → 12013 (face 2.6-5.0 band)',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2.6, site: site('cheek') })] },
    lines: ['12013'],
  },
  {
    name: 'intermediate: back 3.0 + arm 2.0 in one site group are added → 5.0 cm → 12032',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3, site: site('back') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, site: site('upper-arm') }),
      ],
    },
    lines: ['12032'],
  },
  {
    name: 'intermediate face: cheek 3.0 + nose 2.5 = 5.5 cm → 12053 (face 5.1-7.5)',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairFeatures: { layered: true }, lengthCm: 3, site: site('cheek') }),
        proc({ kind: 'repair', repairFeatures: { layered: true, undermining: 'limited' }, lengthCm: 2.5, site: site('nose') }),
      ],
    },
    lines: ['12053'],
  },
  {
    name: 'intermediate neck 2.0 and back 2.0 are different site groups → 12041 + 12031, never summed',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, site: site('neck') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, site: site('back') }),
      ],
    },
    lines: ['12041', '12031'],
  },
  {
    name: 'layered nasal closure over exposed alar cartilage, 2.0 cm → 13151',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'complex', repairFeatures: { layered: true, exposedDeepStructure: true }, lengthCm: 2, site: site('nasal-ala') }),
      ],
    },
    lines: ['13151'],
  },
  {
    name: 'complex scalp 12.6 cm with extensive undermining → 13121 + 13122×2 (5.1 cm beyond 7.5)',
    encounter: {
      procedures: [proc({ kind: 'repair', repairFeatures: { layered: true, undermining: 'extensive' }, lengthCm: 12.6, site: site('scalp') })],
    },
    lines: ['13121', '13122 x2'],
  },
  {
    name: 'complex trunk 7.6 cm → 13101 + 13102×1; exactly 7.5 cm → 13101 alone',
    encounter: {
      procedures: [proc({ kind: 'repair', repairFeatures: { layered: true, debridedEdges: true }, lengthCm: 7.6, site: site('back') })],
    },
    lines: ['13101', '13102'],
  },
  {
    name: 'complex stated, nothing documented beyond it → intermediate 12051 + finding naming the missing criterion',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'complex', lengthCm: 2, site: site('cheek') })] },
    lines: ['12051'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'complex stated but single-layer closure with retention sutures → simple 12002 + finding',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'complex', repairFeatures: { layered: false, retentionSutures: true }, lengthCm: 4, site: site('thigh') }),
      ],
    },
    lines: ['12002'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'retention sutures without layered closure, no level word → simple (AAD FAQ) + info',
    encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { retentionSutures: true }, lengthCm: 3, site: site('leg') })] },
    lines: ['12002'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'intermediate stated, single layer explicitly → simple + finding',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'intermediate', repairFeatures: { layered: false }, lengthCm: 2, site: site('chest') })] },
    lines: ['12001'],
    findings: ['repair/level-supported'],
  },
  {
    name: '"complex" template, two layers, undermining 0.5 cm vs defect width 1.7 cm → limited → intermediate 12052',
    encounter: {
      procedures: [
        proc({
          kind: 'repair',
          repairLevel: 'complex',
          repairFeatures: { layered: true },
          lengthCm: 3.5,
          site: site('forehead'),
          text: 'two-layer closure with undermining of 0.5 cm on each side (defect width 1.7 cm). Length 3.5 cm.',
        }),
      ],
    },
    lines: ['12052'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'undermining 2.5 cm, greater than the 1.8 cm defect width → extensive → complex 13132',
    encounter: {
      procedures: [
        proc({
          kind: 'repair',
          repairLevel: 'complex',
          repairFeatures: { layered: true },
          lengthCm: 3,
          site: site('forehead'),
          text: 'layered closure with undermining (2.5 cm along both edges, greater than the 1.8 cm defect width), final length 3.0 cm',
        }),
      ],
    },
    lines: ['13132'],
  },
  {
    name: '"extensive" undermining word contradicted by 5 mm vs a 2 cm defect width → limited, intermediate + info',
    encounter: {
      procedures: [
        proc({
          kind: 'repair',
          repairFeatures: { layered: true, undermining: 'extensive' },
          lengthCm: 3,
          site: site('back'),
          text: 'extensive undermining 5 mm; defect width 2 cm; layered closure',
        }),
      ],
    },
    lines: ['12032'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'heavily contaminated wound closed in one layer → intermediate 12032',
    encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { layered: false, heavilyContaminated: true }, lengthCm: 4, site: site('lower-leg') })] },
    lines: ['12032'],
  },
  {
    name: 'simple stated but layered closure documented → intermediate 12031 + warning',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'simple', repairFeatures: { layered: true }, lengthCm: 2, site: site('back') })] },
    lines: ['12031'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'no level word and no technique → simple + warning',
    encounter: { procedures: [proc({ kind: 'repair', lengthCm: 2, site: site('back') })] },
    lines: ['12001'],
    findings: ['repair/level-supported'],
  },
  {
    name: 'complex technique 1.0 cm on the lip → intermediate 12051 (complex starts at 1.1 cm)',
    encounter: {
      procedures: [proc({ kind: 'repair', repairFeatures: { layered: true, freeMargin: true }, lengthCm: 1, site: site('upper-lip') })],
    },
    lines: ['12051'],
    findings: ['repair/sum-by-site-group'],
  },
  {
    name: 'two complex nose wounds 0.8 + 0.8 are added first: 1.6 cm → 13151',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'complex', repairFeatures: { layered: true, undermining: 'extensive' }, lengthCm: 0.8, site: site('nasal-tip') }),
        proc({
          kind: 'repair',
          repairLevel: 'complex',
          repairFeatures: { layered: true, undermining: 'extensive' },
          lengthCm: 0.8,
          site: site('nasal-dorsum'),
        }),
      ],
    },
    lines: ['13151'],
  },
  {
    name: 'three levels on one claim: most complex first, 59 on the less complex ones',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 1, site: site('forearm') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3, site: site('back') }),
        proc({ kind: 'repair', repairFeatures: { layered: true, exposedDeepStructure: true }, lengthCm: 2, site: site('ear') }),
      ],
    },
    lines: ['13151', '12032-59', '12001-59'],
  },
  {
    name: 'Medicare: the less complex repair takes XS, add-on takes nothing',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, site: site('back') }),
        proc({ kind: 'repair', repairFeatures: { layered: true, undermining: 'extensive' }, lengthCm: 10, site: site('thigh') }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['13121', '13122', '12031-XS'],
  },
  {
    name: 'repair length missing → no line, error naming the length',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'intermediate', site: site('back') })] },
    lines: [],
    findings: ['repair/length-documented'],
  },
  {
    name: 'site not documented → no line, error',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2 })] },
    lines: [],
    findings: ['repair/sum-by-site-group'],
  },
  {
    name: 'ambiguous site (jawline) → coded, info asking to verify',
    encounter: { procedures: [proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, site: site('jawline') })] },
    lines: ['12051'],
    findings: ['repair/sum-by-site-group'],
  },
  {
    name: 'simple repair of a punch biopsy site → no repair line (included), info',
    encounter: {
      procedures: [
        proc({ kind: 'biopsy-punch', lesionLabels: ['A'], site: site('back') }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 0.6, lesionLabels: ['A'], site: site('back') }),
      ],
    },
    lines: ['11104'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'simple closure of a tangential biopsy → no line, warning to verify the technique',
    encounter: {
      procedures: [
        proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], site: site('back') }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 0.8, lesionLabels: ['A'], site: site('back') }),
      ],
    },
    lines: ['11102'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'benign-sized 0.5 cm excision still pending pathology → repair bundled for now, the finding says it may become reportable',
    encounter: {
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('thigh'), lesionDiameterCm: 0.3, marginCm: 0.1 }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 1.5, lesionLabels: ['A'] }),
      ],
    },
    lines: ['11400'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'intermediate repair of a punch biopsy site → coded with a manual-review warning',
    encounter: {
      procedures: [
        proc({ kind: 'biopsy-punch', lesionLabels: ['A'], site: site('back') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 1.2, lesionLabels: ['A'], site: site('back') }),
      ],
    },
    lines: ['11104', '12031'],
    findings: ['repair/after-mohs-or-biopsy'],
  },
  {
    name: 'simple repair of an excision wound → no repair line (included in the excision)',
    encounter: {
      lesions: [{ label: 'A', site: site('back') }],
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('back'), lesionDiameterCm: 1, marginCm: 0.2 }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 3, lesionLabels: ['A'] }),
      ],
      pathology: [malignantPath('A')],
    },
    lines: ['11602'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'benign excision 0.5 cm (11400) + intermediate repair → repair bundled (NCCI)',
    encounter: {
      lesions: [{ label: 'A', site: site('back') }],
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('back'), lesionDiameterCm: 0.3, marginCm: 0.1 }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 1.5, lesionLabels: ['A'] }),
      ],
      pathology: [benignPath('A')],
    },
    lines: ['11400'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'malignant excision 0.5 cm (11600) + intermediate repair → repair reported; site taken from the excision',
    encounter: {
      lesions: [{ label: 'A', site: site('back') }],
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('back'), lesionDiameterCm: 0.3, marginCm: 0.1 }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 1.5, lesionLabels: ['A'] }),
      ],
      pathology: [malignantPath('A')],
    },
    lines: ['11600', '12031'],
  },
  {
    name: 'benign excision 1.4 cm + intermediate repair 3 cm → both reported',
    encounter: {
      lesions: [{ label: 'A', site: site('forearm') }],
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('forearm'), lesionDiameterCm: 1, marginCm: 0.2 }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3, lesionLabels: ['A'], site: site('forearm') }),
      ],
      pathology: [benignPath('A')],
    },
    lines: ['11402', '12032'],
  },
  {
    name: 'simple repair after Mohs → coded with a warning that payer/NCCI status is unverified',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('cheek'), stages: [{ stage: 1, blocks: 2 }] }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2, lesionLabels: ['A'], site: site('cheek') }),
      ],
    },
    lines: ['17311', '12011'],
    findings: ['repair/after-mohs-or-biopsy'],
  },
  {
    name: 'complex repair after Mohs on the nose → 17311 + 13152, no modifier on the repair',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nasal-tip'), stages: [{ stage: 1, blocks: 2 }] }),
        proc({ kind: 'repair', repairFeatures: { layered: true, undermining: 'extensive' }, lengthCm: 3.2, lesionLabels: ['A'] }),
      ],
    },
    lines: ['17311', '13152'],
  },
  {
    name: 'repair with no site or lesion link after the only Mohs wound (scalp) → 17311 + 12032',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('parietal-scalp'), stages: [{ stage: 1, blocks: 4 }] }),
        proc({ kind: 'repair', repairLevel: 'intermediate', repairFeatures: { layered: true }, lengthCm: 3 }),
      ],
    },
    lines: ['17311', '12032'],
  },
  {
    name: 'two Mohs wounds and a repair linked to neither, no site → no guess: site error',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nose'), stages: [{ stage: 1, blocks: 2 }] }),
        proc({ kind: 'mohs', lesionLabels: ['B'], site: site('back'), stages: [{ stage: 1, blocks: 2 }] }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3 }),
      ],
    },
    lines: ['17311', '17313-59'],
    findings: ['repair/sum-by-site-group'],
  },
  {
    name: 'Medicare, tissue adhesive only → G0168',
    encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { tissueAdhesiveOnly: true }, lengthCm: 2, site: site('forehead') })] },
    settings: { payer: 'medicare' },
    lines: ['G0168'],
  },
  {
    name: 'Medicare, tissue adhesive only and no length → G0168, no length asked (one per wound)',
    encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { tissueAdhesiveOnly: true }, site: site('forehead') })] },
    settings: { payer: 'medicare' },
    lines: ['G0168'],
    findings: [],
  },
  {
    name: 'commercial, tissue adhesive only → simple repair 12011 + info',
    encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { tissueAdhesiveOnly: true }, lengthCm: 2, site: site('forehead') })] },
    lines: ['12011'],
    findings: ['repair/tissue-adhesive'],
  },
  {
    name: 'simple closure of a superficial dehiscence → 12020; with packing → 12021',
    encounter: {
      procedures: [
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2, site: site('back'), text: 'wound dehiscence re-closed with simple sutures' }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2, site: site('arm'), text: 'dehisced wound, packed with iodoform gauze' }),
        proc({ kind: 'repair', repairLevel: 'simple', lengthCm: 2, site: site('leg'), text: 'superficial dehiscence re-approximated, no packing' }),
      ],
    },
    lines: ['12020', '12021', '12020-59'],
  },
  (() => {
    const note = 'Wound dehiscence of a healed excision site on the L forearm, superficial 2 cm gap. Irrigated and re-approximated with 4-0 nylon, no packing.';
    const start = note.indexOf('Irrigated');
    return {
      name: 'dehiscence named in the sentence before the closure, same paragraph → 12020',
      encounter: {
        sections: { Note: note },
        procedures: [
          proc({
            kind: 'repair',
            repairLevel: 'simple',
            lengthCm: 2,
            site: site('forearm'),
            text: 're-approximated',
            span: { section: 'Note', start, end: note.length },
          }),
        ],
      },
      lines: ['12020'],
    };
  })(),
  (() => {
    const note = 'Simple closure of the L forearm wound, 2 cm, 4-0 nylon. Discussed the risk of dehiscence and wound care.';
    return {
      name: 'counselling about the risk of dehiscence → an ordinary simple repair',
      encounter: {
        sections: { Note: note },
        procedures: [
          proc({
            kind: 'repair',
            repairLevel: 'simple',
            lengthCm: 2,
            site: site('forearm'),
            text: 'Simple closure',
            span: { section: 'Note', start: 0, end: 30 },
          }),
        ],
      },
      lines: ['12001'],
    };
  })(),
  {
    name: 'repair of a hidradenitis excision wound → included in the hidradenitis code',
    encounter: {
      procedures: [
        proc({ kind: 'hidradenitis-excision', lesionLabels: ['A'], site: site('axilla') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 5, lesionLabels: ['A'], site: site('axilla') }),
      ],
    },
    lines: ['11450'],
    findings: ['repair/included-in-procedure'],
  },
];

describe('repair rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c);
      expect(r.lines).toEqual(c.lines.map(L));
      expect(r.findings).toEqual(c.findings ?? []);
    });
  }

  it('fills lesion labels, procedure ids, site and rule id on summed lines', () => {
    const a = proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3, lesionLabels: ['A'], site: site('back') });
    const b = proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 2, lesionLabels: ['B'], site: site('arm') });
    const { draft } = run({ name: '', encounter: { procedures: [a, b] }, lines: [] });
    expect(draft.lines).toHaveLength(1);
    expect(draft.lines[0]).toMatchObject({ code: '12032', lesionLabels: ['A', 'B'], ruleIds: ['repair/sum-by-site-group'] });
  });

  it('pending 0.5 cm excision: the repair finding says it becomes reportable if malignant', () => {
    const r = code(
      {
        procedures: [
          proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('thigh'), lesionDiameterCm: 0.3, marginCm: 0.1 }),
          proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 1.5, lesionLabels: ['A'] }),
        ],
      },
      { pathology: 'external' },
    );
    const f = r.draft.findings.find((x) => x.rule === 'repair/included-in-procedure');
    expect(f?.message).toMatch(/if it proves malignant the repair becomes reportable/);
    expect(f?.severity).toBe('info');
  });

  it('an unlinked repair resolved to the single Mohs wound carries that lesion (for dx linking)', () => {
    const { draft } = run({
      name: '',
      encounter: {
        lesions: [{ label: 'A', site: site('parietal-scalp'), icd10: 'C44.42' }],
        procedures: [
          proc({ kind: 'mohs', lesionLabels: ['A'], site: site('parietal-scalp'), stages: [{ stage: 1, blocks: 4 }] }),
          proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3 }),
        ],
      },
      lines: [],
    });
    const repair = draft.lines.find((l) => l.code === '12032');
    expect(repair?.lesionLabels).toEqual(['A']);
  });

  it('exactly 7.5 cm complex → no add-on', () => {
    const r = run({
      name: '',
      encounter: { procedures: [proc({ kind: 'repair', repairFeatures: { layered: true, debridedEdges: true }, lengthCm: 7.5, site: site('back') })] },
      lines: [],
    });
    expect(r.lines).toEqual([L('13101')]);
  });

  it('the level finding names the missing complex criterion', () => {
    const r = code({ procedures: [proc({ kind: 'repair', repairLevel: 'complex', lengthCm: 2, site: site('cheek') })] }, { pathology: 'external' });
    const f = r.draft.findings.find((x) => x.rule === 'repair/level-supported');
    expect(f?.message).toMatch(/no complex criterion documented/);
    expect(f?.fix).toMatch(/extensive undermining/);
  });

  it('measuredUndermining compares distance with defect width (mm and cm)', () => {
    expect(measuredUndermining('undermined 12 mm; defect width 1.0 cm')?.level).toBe('extensive');
    expect(measuredUndermining('undermining 0.4 cm; width of the defect 1.2 cm')?.level).toBe('limited');
    expect(measuredUndermining('undermining 1 cm')).toBeUndefined();
  });

  it('assessRepairLevel follows CPT 2020', () => {
    const base = { id: 'x', kind: 'repair' as const, status: 'performed' as const, lesionLabels: [], indications: [], text: '' };
    expect(assessRepairLevel({ ...base, repairFeatures: { layered: true } }).level).toBe('intermediate');
    expect(assessRepairLevel({ ...base, repairFeatures: { layered: true, freeMargin: true } }).level).toBe('complex');
    expect(assessRepairLevel({ ...base, repairFeatures: { undermining: 'extensive' } }).level).toBe('simple');
    expect(assessRepairLevel({ ...base, repairLevel: 'intermediate' }).level).toBe('intermediate');
    expect(assessRepairLevel({ ...base, repairLevel: 'complex' }).level).toBe('intermediate');
  });
});

describe('repair summation properties', () => {
  const lengths = fc.integer({ min: 1, max: 400 }).map((t) => t / 10);

  it('splitting one wound into two of the same level and site group never changes the claim', () => {
    fc.assert(
      fc.property(
        lengths,
        lengths,
        fc.constantFrom('simple', 'intermediate', 'complex'),
        fc.constantFrom('back', 'cheek', 'neck', 'scalp', 'nose'),
        (a, b, level, key) => {
          const features = level === 'complex' ? { layered: true, undermining: 'extensive' as const } : level === 'intermediate' ? { layered: true } : {};
          const one = code(
            { procedures: [proc({ kind: 'repair', repairLevel: level, repairFeatures: features, lengthCm: Math.round((a + b) * 10) / 10, site: site(key) })] },
            { pathology: 'external' },
          ).lines;
          const two = code(
            {
              procedures: [
                proc({ kind: 'repair', repairLevel: level, repairFeatures: features, lengthCm: a, site: site(key) }),
                proc({ kind: 'repair', repairLevel: level, repairFeatures: features, lengthCm: b, site: site(key) }),
              ],
            },
            { pathology: 'external' },
          ).lines;
          expect(two).toEqual(one);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('complex add-on units are ceil((total − 7.5) / 5) above 7.5 cm, none at or below', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 600 }), (tenths) => {
        const total = tenths / 10;
        const lines = code(
          { procedures: [proc({ kind: 'repair', repairFeatures: { layered: true, debridedEdges: true }, lengthCm: total, site: site('back') })] },
          { pathology: 'external' },
        ).lines;
        const addOn = lines.find((l) => l.code === '13102');
        const expected = tenths > 75 ? Math.ceil((tenths - 75) / 50) : 0;
        expect(addOn?.units ?? 0).toBe(expected);
        expect(lines[0]?.code).toBe(tenths <= 25 ? '13100' : '13101');
      }),
      { numRuns: 200 },
    );
  });
});
