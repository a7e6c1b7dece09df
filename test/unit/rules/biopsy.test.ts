import { describe, expect, it } from 'vitest';
import { code, L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });

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
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }
});
