import { describe, expect, it } from 'vitest';
import { bandLabel, bandsOf, lookupBand, roundToTenth, SIX_DIAMETER_BOUNDS_CM } from '../../../core/codes/bands';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../core/model';
import { defineRule, type Rule } from '../../../core/rules/define-rule';
import { registry } from '../../../core/rules/registry';
import { L, proc } from './harness';

const site = (key: string, text = key, laterality?: 'left' | 'right' | 'bilateral') => ({ key, text, laterality });
const MINE = ['biopsy', 'shave', 'excision', 'destruction'];

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

const benignPath = (label: string) => ({ specimenLabel: label, diagnosisText: 'Compound nevus with mild atypia', behavior: 'benign' as const });
const malignantPath = (label: string, behavior: 'malignant' | 'in-situ' = 'malignant') => ({
  specimenLabel: label,
  diagnosisText: behavior === 'in-situ' ? 'Melanoma in situ' : 'Basal cell carcinoma',
  behavior,
});

describe('core/codes/bands', () => {
  it('rounds to one decimal, boundaries to the lower band', () => {
    const bands = bandsOf(SIX_DIAMETER_BOUNDS_CM, ['a', 'b', 'c', 'd', 'e', 'f']);
    expect([0.5, 0.54, 0.55, 1.0, 1.04, 1.05, 2.0, 2.05, 3.0, 4.0, 4.04, 4.05, 9].map((v) => lookupBand(v, bands))).toEqual([
      'a',
      'a',
      'b',
      'b',
      'b',
      'c',
      'c',
      'd',
      'd',
      'e',
      'e',
      'f',
      'f',
    ]);
    expect(lookupBand(undefined, bands)).toBeUndefined();
    expect(lookupBand(-1, bands)).toBeUndefined();
    expect(roundToTenth(0.8 + 2 * 0.2)).toBe(1.2);
    expect(bandLabel(1.5, SIX_DIAMETER_BOUNDS_CM)).toBe('1.1-2.0 cm');
    expect(bandLabel(0.3, SIX_DIAMETER_BOUNDS_CM)).toBe('≤0.5 cm');
    expect(bandLabel(5, SIX_DIAMETER_BOUNDS_CM)).toBe('>4.0 cm');
    expect(() => bandsOf([1, 2], ['a'])).toThrow();
  });
});

describe('excision/excised-diameter and pathology', () => {
  const cases: { name: string; input: EncounterInput; settings?: SettingsInput; lines: string[]; statuses?: string[]; findings?: string[] }[] = [
    {
      name: 'no pathology yet: benign code held (0.8 + 2×0.2 = 1.2 cm trunk → 11402)',
      input: { procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('back'), lesionDiameterCm: 0.8, marginCm: 0.2 })] },
      lines: ['11402'],
      statuses: ['held-for-pathology'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: 'final pathology benign with atypia → benign, ready',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('back'), lesionDiameterCm: 0.8, marginCm: 0.2 })],
        pathology: [benignPath('A')],
      },
      lines: ['11402'],
      statuses: ['ready'],
    },
    {
      name: 'final pathology SCC on the cheek: 1.0 + 2×0.4 = 1.8 → 11642',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('cheek'), lesionDiameterCm: 1.0, marginCm: 0.4 })],
        pathology: [malignantPath('A')],
      },
      lines: ['11642'],
      statuses: ['ready'],
    },
    {
      name: 'melanoma in situ counts as malignant: arm 1.5 + 2×0.5 = 2.5 → 11603',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('upper-arm'), lesionDiameterCm: 1.5, marginCm: 0.5 })],
        pathology: [malignantPath('A', 'in-situ')],
      },
      lines: ['11603'],
    },
    {
      name: 'uncertain behavior → benign codes',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('scalp'), lesionDiameterCm: 0.4, marginCm: 0.1 })],
        pathology: [{ specimenLabel: 'A', diagnosisText: 'Atypical Spitz tumor', behavior: 'uncertain' }],
      },
      lines: ['11421'],
    },
    {
      name: 'prior biopsy proved malignancy → malignant at surgery, ready (neck 1.0 + 2×0.3 = 1.6 → 11622)',
      input: {
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('neck'), lesionDiameterCm: 1.0, marginCm: 0.3 })],
      },
      lines: ['11622'],
      statuses: ['ready'],
    },
    {
      name: 'note text says "biopsy-proven BCC" without the lesion flag → malignant',
      input: {
        procedures: [
          proc({ kind: 'excision', site: site('back'), lesionDiameterCm: 1.0, marginCm: 0.4, text: 'Biopsy-proven nodular BCC L upper back excised' }),
        ],
      },
      lines: ['11602'],
      statuses: ['ready'],
    },
    {
      name: 'two nevi through a single ellipse, excised diameter 1.5 cm documented → coded once on 1.5 (11402), not 0.4 + 2×0.2',
      input: {
        procedures: [
          proc({
            kind: 'excision',
            specimenLabel: 'A',
            site: site('back'),
            lesionDiameterCm: 0.4,
            marginCm: 0.2,
            excisedDiameterCm: 1.5,
            text: 'Two adjacent nevi L upper back (0.4 cm and 0.5 cm) removed in a single ellipse with 2 mm margins; excised diameter 1.5 cm.',
          }),
        ],
      },
      lines: ['11402'],
      statuses: ['held-for-pathology'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: '"r/o BCC" is not proof → benign held',
      input: { procedures: [proc({ kind: 'excision', site: site('back'), lesionDiameterCm: 1.0, marginCm: 0.4, text: 'Excision, r/o BCC, no prior biopsy' })] },
      lines: ['11402'],
      statuses: ['held-for-pathology'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: 're-excision of a known melanoma in situ, no residual tumor → still malignant',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('upper-arm'), lesionDiameterCm: 1.5, marginCm: 0.5, reExcision: true })],
        pathology: [{ specimenLabel: 'A', diagnosisText: 'Scar, no residual melanoma in situ', behavior: 'benign' }],
      },
      lines: ['11603'],
    },
    {
      name: 're-excision of a severely atypical nevus, pathology atypical nevus → benign (atypia is benign, §3.2)',
      input: {
        procedures: [
          proc({
            kind: 'excision',
            specimenLabel: 'C',
            site: site('thigh'),
            excisedDiameterCm: 1.5,
            reExcision: true,
            lesionType: 'atypical-nevus',
            text: 'Procedure: Re-excision',
          }),
        ],
        pathology: [{ specimenLabel: 'C', diagnosisText: 'Severely atypical compound nevus, residual, margins clear', behavior: 'benign' }],
      },
      lines: ['11402'],
    },
    {
      name: 're-excision of a dysplastic nevus before pathology → benign, held',
      input: {
        procedures: [
          proc({
            kind: 'excision',
            specimenLabel: 'C',
            site: site('back'),
            excisedDiameterCm: 1.5,
            reExcision: true,
            text: 'Re-excision of dysplastic nevus, margins involved',
          }),
        ],
      },
      lines: ['11402'],
      statuses: ['held-for-pathology'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: 'same-day biopsy of the lesion read malignant → excision malignant (0.6 + 2×0.4 = 1.4 → 11602)',
      input: {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A1', site: site('chest') }),
          proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A2', site: site('chest'), lesionDiameterCm: 0.6, marginCm: 0.4 }),
        ],
        pathology: [malignantPath('A1')],
      },
      lines: ['11602'],
      findings: ['biopsy/same-lesion-bundled'],
    },
    {
      name: 'documented excised diameter alone → used',
      input: {
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [proc({ kind: 'excision', lesionLabels: ['A'], site: site('nose'), excisedDiameterCm: 3.2 })],
      },
      lines: ['11644'],
    },
    {
      name: 'excised diameter disagrees with lesion + 2×margin → lesion + 2×margin wins, info',
      input: {
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [proc({ kind: 'excision', lesionLabels: ['A'], site: site('back'), lesionDiameterCm: 1.0, marginCm: 0.5, excisedDiameterCm: 1.8 })],
      },
      lines: ['11602'],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'one excision, margin widened after frozen section, final widest diameter documented → that diameter (§3.1)',
      input: {
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [
          proc({
            kind: 'excision',
            lesionLabels: ['A'],
            site: site('helix'),
            lesionDiameterCm: 0.8,
            marginCm: 0.4,
            excisedDiameterCm: 2.1,
            text: 'Excision with 4 mm margins (1.6 cm). Frozen section: superior margin positive. Margin widened at the same session -- final widest excised diameter 2.1 cm.',
          }),
        ],
      },
      lines: ['11643'],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'larger excised diameter without saying margins were widened → lesion + 2×margin still wins',
      input: {
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [
          proc({
            kind: 'excision',
            lesionLabels: ['A'],
            site: site('helix'),
            lesionDiameterCm: 0.8,
            marginCm: 0.4,
            excisedDiameterCm: 2.1,
            text: 'Excision, ellipse 2.1 cm.',
          }),
        ],
      },
      lines: ['11642'],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'two lesions through one excision → one code on the combined size',
      input: {
        procedures: [proc({ kind: 'excision', lesionLabels: ['A', 'B'], specimenLabel: 'A', site: site('lower-back'), lesionDiameterCm: 1.2, marginCm: 0.2 })],
        pathology: [benignPath('A')],
      },
      lines: ['11402'],
    },
    {
      name: 'margins widened after frozen section, same session → one code on the widest diameter',
      input: {
        procedures: [
          proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A1', site: site('nose'), lesionDiameterCm: 0.8, marginCm: 0.2 }),
          proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A2', site: site('nose'), lesionDiameterCm: 0.8, marginCm: 0.5 }),
        ],
        pathology: [malignantPath('A1'), { specimenLabel: 'A2', diagnosisText: 'Scar, no residual', behavior: 'benign' }],
      },
      lines: ['11642'],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'each lesion its own line, sizes never added',
      input: {
        procedures: [
          proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('back'), lesionDiameterCm: 0.5, marginCm: 0.2 }),
          proc({ kind: 'excision', lesionLabels: ['B'], specimenLabel: 'B', site: site('back'), lesionDiameterCm: 0.3, marginCm: 0.1 }),
        ],
        pathology: [benignPath('A'), benignPath('B')],
      },
      lines: ['11401', '11400'],
    },
    {
      name: 'margins documented as none → lesion diameter alone, ready',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('thigh'), lesionDiameterCm: 2.2, marginCm: 0 })],
        pathology: [benignPath('A')],
      },
      lines: ['11403'],
      statuses: ['ready'],
    },
    {
      name: 'margin missing → coded on the lesion alone and held, finding names the margin',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('thigh'), lesionDiameterCm: 0.9 })],
        pathology: [benignPath('A')],
      },
      lines: ['11401'],
      statuses: ['held-for-pathology'],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'neither size nor margin → no line, a finding',
      input: { procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('upper-back') })] },
      lines: [],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'unknown site → no line, a finding',
      input: { procedures: [proc({ kind: 'excision', site: { text: 'somewhere' }, lesionDiameterCm: 1, marginCm: 0.2 })] },
      lines: [],
      findings: ['excision/excised-diameter'],
    },
    {
      name: 'hand 0.5 + 2×0.2 = 0.9 → 11421 held',
      input: { procedures: [proc({ kind: 'excision', site: site('dorsal-hand'), lesionDiameterCm: 0.5, marginCm: 0.2 })] },
      lines: ['11421'],
      findings: ['excision/pending-pathology'],
    },
    {
      name: 'over 4 cm on the face, malignant → 11646',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('forehead'), lesionDiameterCm: 3.5, marginCm: 0.5 })],
        pathology: [malignantPath('A')],
      },
      lines: ['11646'],
    },
    {
      name: 'lipoma → skin excision line plus a soft-tissue info finding',
      input: {
        procedures: [proc({ kind: 'excision', specimenLabel: 'A', site: site('back'), lesionDiameterCm: 3.0, marginCm: 0, lesionType: 'lipoma' })],
        pathology: [{ specimenLabel: 'A', diagnosisText: 'Lipoma', behavior: 'benign' }],
      },
      lines: ['11403'],
      findings: ['excision/subcutaneous-tumor'],
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
});

describe('excision/staged-re-excision', () => {
  const reExcision = (extra: Partial<Parameters<typeof proc>[0]> = {}) =>
    proc({ kind: 'excision', specimenLabel: 'A', site: site('lateral-neck'), lesionDiameterCm: 1.0, marginCm: 0.3, reExcision: true, ...extra });
  const cases: { name: string; input: EncounterInput; lines: string[]; findings?: string[] }[] = [
    {
      name: 'inside the 010 global of the first excision → 58',
      input: { visit: { dateOfService: '2026-03-20', postOpOf: { code: '11621', date: '2026-03-12' } }, procedures: [reExcision()] },
      lines: ['11622-58'],
    },
    {
      name: 'post-op visit without dates → 58 (the note says so)',
      input: { visit: { postOpOf: { related: true } }, procedures: [reExcision()] },
      lines: ['11622-58'],
    },
    {
      name: 'outside the global → no 58',
      input: { visit: { dateOfService: '2026-04-20', postOpOf: { code: '11621', date: '2026-02-12' } }, procedures: [reExcision()] },
      lines: ['11622'],
    },
    {
      name: 'note says staged → 58 without a post-op record',
      input: { procedures: [reExcision({ text: 'Staged re-excision for positive deep margin' })] },
      lines: ['11622-58'],
    },
    {
      name: 'history sentence "planned re-excision within the global period" → 58',
      input: {
        sections: { header: 'Hx: SCC of the L neck excised here 03/12/2026 (11621). Returns for planned re-excision within the global period.\n' },
        procedures: [reExcision({ text: 'Procedure: Re-excision L lateral neck.' })],
      },
      lines: ['11622-58'],
    },
    {
      name: 'history sentence says the re-excision is outside the global period → no 58',
      input: {
        sections: { header: 'Hx: SCC excised 01/2026. Re-excision today, not within the global period.\n' },
        procedures: [reExcision({ text: 'Procedure: Re-excision L lateral neck.' })],
      },
      lines: ['11622'],
    },
    {
      name: '"Re-excision … (excised 10/01/2026, margins positive)" 7 days later → inside the 010 global → 58',
      input: {
        visit: { dateOfService: '2026-10-08' },
        procedures: [reExcision({ text: 'Re-excision of MIS L lateral neck (excised 10/01/2026, margins positive).' })],
      },
      lines: ['11622-58'],
    },
    {
      name: '"Re-excision … (excised 08/01/2026)" more than 10 days before → outside the 010 global → no 58',
      input: {
        visit: { dateOfService: '2026-10-08' },
        procedures: [reExcision({ text: 'Re-excision of MIS L lateral neck (excised 08/01/2026, margins positive).' })],
      },
      lines: ['11622'],
    },
    {
      name: 'prior code unknown, 40 days → no 58, a finding asking',
      input: { visit: { dateOfService: '2026-03-22', postOpOf: { date: '2026-02-10' } }, procedures: [reExcision()] },
      lines: ['11622'],
      findings: ['excision/staged-re-excision'],
    },
    {
      name: 'not a re-excision → no 58 even in a post-op period',
      input: {
        visit: { postOpOf: { related: true } },
        lesions: [{ label: 'A', priorMalignantBiopsy: true }],
        procedures: [proc({ kind: 'excision', lesionLabels: ['A'], site: site('lateral-neck'), lesionDiameterCm: 1.0, marginCm: 0.3 })],
      },
      lines: ['11622'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine(c.input);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }
});

describe('excision/hidradenitis', () => {
  const cases: { name: string; input: EncounterInput; lines: string[]; findings?: string[] }[] = [
    {
      name: 'axilla, complex repair (layered + extensive undermining) → 11451',
      input: {
        procedures: [
          proc({
            kind: 'hidradenitis-excision',
            site: site('axilla', 'L axilla', 'left'),
            repairLevel: 'complex',
            repairFeatures: { layered: true, undermining: 'extensive' as const },
          }),
        ],
      },
      lines: ['11451'],
    },
    {
      name: 'groin, intermediate repair → 11462',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('groin'), repairLevel: 'intermediate' })] },
      lines: ['11462'],
    },
    {
      name: 'perianal, layered + retention sutures (complex) → 11471',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('perianal'), repairFeatures: { layered: true, retentionSutures: true } })] },
      lines: ['11471'],
    },
    {
      name: 'umbilicus, simple → 11470',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('umbilicus'), repairLevel: 'simple' })] },
      lines: ['11470'],
    },
    {
      name: 'repair level from a separate same-site repair procedure',
      input: {
        procedures: [
          proc({ kind: 'hidradenitis-excision', site: site('axilla', 'R axilla', 'right') }),
          proc({
            kind: 'repair',
            site: site('axilla', 'R axilla', 'right'),
            repairLevel: 'complex',
            repairFeatures: { layered: true, undermining: 'extensive' as const },
            lengthCm: 8,
          }),
        ],
      },
      lines: ['11451'],
    },
    {
      name: '"complex" stated without a complex criterion → 11450 with a finding',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('axilla'), repairLevel: 'complex' })] },
      lines: ['11450'],
      findings: ['excision/hidradenitis'],
    },
    {
      name: 'an "excision" the note calls hidradenitis in the groin → 11462, not 114xx',
      input: {
        procedures: [
          proc({ kind: 'excision', site: site('groin'), lesionType: 'hidradenitis', lesionDiameterCm: 4, marginCm: 0.5, repairFeatures: { layered: true } }),
        ],
      },
      lines: ['11462'],
    },
    {
      name: 'repair not documented → first code with a finding',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('axilla') })] },
      lines: ['11450'],
      findings: ['excision/hidradenitis'],
    },
    {
      name: 'both axillae → one line per side',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('axilla', 'bilateral axillae', 'bilateral'), repairLevel: 'intermediate' })] },
      lines: ['11450-RT', '11450-LT'],
    },
    {
      name: 'buttock is not a hidradenitis code site → no line, a finding',
      input: { procedures: [proc({ kind: 'hidradenitis-excision', site: site('buttock'), repairLevel: 'simple' })] },
      lines: [],
      findings: ['excision/hidradenitis'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine(c.input);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('removes a repair line that only closes the hidradenitis wound', () => {
    const fakeRepair = defineRule({
      id: 'repair/fake',
      family: 'repair',
      phase: 'code',
      title: 'fake repair line',
      explain: 'test only',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const p of ctx.performed('repair')) ctx.addLine({ code: '13121', procedureIds: [p.id], family: 'repair' });
      },
    });
    const input: EncounterInput = {
      procedures: [
        proc({
          kind: 'hidradenitis-excision',
          lesionLabels: ['A'],
          site: site('axilla'),
          repairLevel: 'complex',
          repairFeatures: { layered: true, undermining: 'extensive' as const },
        }),
        proc({ kind: 'repair', lesionLabels: ['A'], site: site('axilla'), repairLevel: 'complex', lengthCm: 8 }),
        proc({ kind: 'repair', lesionLabels: ['B'], site: site('back'), repairLevel: 'complex', lengthCm: 3 }),
      ],
    };
    // Put the fake repair rule in the code phase before the bundle rules run.
    const rules = [
      ...registry.filter((r) => r.phase === 'code' && MINE.includes(r.family)),
      fakeRepair,
      ...registry.filter((r) => r.phase !== 'code' && MINE.includes(r.family)),
    ];
    const draft = codeEncounter(Encounter.parse(input), Settings.parse({}), { rules });
    expect(draft.lines.map((l) => l.code)).toEqual(['11451', '13121']);
    expect(draft.findings.map((f) => f.rule)).toEqual(['excision/hidradenitis-includes-repair']);
  });
});
