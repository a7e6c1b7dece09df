import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../core/model';
import { registry } from '../../../core/rules/registry';
import { L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });
const MINE = ['biopsy', 'shave', 'excision', 'destruction'];

function codeMine(input: EncounterInput, settings: SettingsInput = {}) {
  const rules = registry.filter((r) => MINE.includes(r.family));
  const draft = codeEncounter(Encounter.parse(input), Settings.parse(settings), { rules });
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    findings: draft.findings.map((f) => f.rule),
  };
}

describe('shave/lesion-diameter', () => {
  const cases: { name: string; input: EncounterInput; lines: string[]; findings?: string[] }[] = [
    {
      name: 'trunk 0.4 cm → 11300',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('back'), lesionDiameterCm: 0.4 })] },
      lines: ['11300'],
    },
    {
      name: 'arm 1.0 cm (boundary stays in the lower band) → 11301',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('forearm'), lesionDiameterCm: 1.0 })] },
      lines: ['11301'],
    },
    {
      name: 'scalp 1.5 cm → 11307',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('scalp'), lesionDiameterCm: 1.5 })] },
      lines: ['11307'],
    },
    {
      name: 'hand 2.5 cm → 11308',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('dorsal-hand'), lesionDiameterCm: 2.5 })] },
      lines: ['11308'],
    },
    {
      name: 'nose 0.5 cm → 11310',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('nasal-tip'), lesionDiameterCm: 0.5 })] },
      lines: ['11310'],
    },
    {
      name: 'margin documented is never added: cheek 0.8 cm + 0.2 cm margin → 11311 (not 11312) + info',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('cheek'), lesionDiameterCm: 0.8, marginCm: 0.2 })] },
      lines: ['11311'],
      findings: ['shave/lesion-diameter'],
    },
    {
      name: '2.05 cm rounds to 2.1 → top band 11303',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('thigh'), lesionDiameterCm: 2.05 })] },
      lines: ['11303'],
    },
    {
      name: 'one line per lesion: two lesions of one procedure use each lesion size',
      input: {
        lesions: [
          { label: 'A', clinicalSizeCm: 0.3 },
          { label: 'B', clinicalSizeCm: 0.7 },
        ],
        procedures: [proc({ kind: 'shave-removal', lesionLabels: ['A', 'B'], site: site('back') })],
      },
      lines: ['11300', '11301'],
    },
    {
      name: 'lesion size taken from the lesion when the procedure has none',
      input: {
        lesions: [{ label: 'A', clinicalSizeCm: 1.2 }],
        procedures: [proc({ kind: 'shave-removal', lesionLabels: ['A'], site: site('neck') })],
      },
      lines: ['11307'],
    },
    {
      name: 'site given only on the lesion → used for the group',
      input: {
        lesions: [{ label: 'A', site: site('forehead'), clinicalSizeCm: 0.4 }],
        procedures: [proc({ kind: 'shave-removal', lesionLabels: ['A'] })],
      },
      lines: ['11310'],
    },
    {
      name: 'diameter missing → no line, a finding (no guessed band)',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('back') })] },
      lines: [],
      findings: ['shave/lesion-diameter'],
    },
    {
      name: 'unknown site → no line, a finding naming the site',
      input: { procedures: [proc({ kind: 'shave-removal', site: { text: 'left lower quadrant thing' }, lesionDiameterCm: 0.5 })] },
      lines: [],
      findings: ['shave/lesion-diameter'],
    },
    {
      name: 'boundary site whose readings differ (hairline: face C or scalp B) → coded group C with a warning',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('hairline'), lesionDiameterCm: 0.9 })] },
      lines: ['11311'],
      findings: ['shave/lesion-diameter'],
    },
    {
      name: 'boundary site whose readings agree (shoulder: arm or trunk, group A either way) → no warning',
      input: { procedures: [proc({ kind: 'shave-removal', site: site('shoulder'), lesionDiameterCm: 0.9 })] },
      lines: ['11301'],
    },
    {
      name: 'declined shave → nothing',
      input: { procedures: [proc({ kind: 'shave-removal', status: 'declined', site: site('back'), lesionDiameterCm: 0.4 })] },
      lines: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine(c.input);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('fills lesion, procedure and site refs on the line', () => {
    const result = codeMine({
      procedures: [proc({ id: 'sh1', kind: 'shave-removal', lesionLabels: ['C'], specimenLabel: 'C', site: site('chest'), lesionDiameterCm: 0.6 })],
    });
    expect(result.draft.lines[0]).toMatchObject({ code: '11301', lesionLabels: ['C'], specimenLabels: ['C'], ruleIds: ['shave/lesion-diameter'] });
  });
});
