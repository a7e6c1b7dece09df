import { describe, expect, it } from 'vitest';
import type { PathologyReport } from '../../../core/model';
import { code, L } from './harness';

/** Pathology rule cases found by the pathology-report probe (notes 350-369). */
const report = (label: string, extra: Partial<PathologyReport> = {}) => ({
  specimenLabel: label,
  diagnosisText: 'Cutaneous mastocytosis',
  behavior: 'uncertain' as const,
  ...extra,
});

const CASES: { name: string; encounter: Parameters<typeof code>[0]; lines: string[]; findings?: string[] }[] = [
  {
    name: 'toluidine blue on permanent sections is a group II special stain (routine only on Mohs frozen blocks)',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [
        report('A', {
          stains: [
            { name: 'Toluidine blue', group: 'II', blocks: 1 },
            { name: 'Giemsa', group: 'II', blocks: 1 },
          ],
        }),
      ],
    },
    lines: ['88305', '88313x2'],
  },
  {
    name: 'H&E stays routine on permanent sections',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { stains: [{ name: 'H&E', group: 'II', blocks: 2 }] })] },
    lines: ['88305'],
  },
  {
    name: 'a supplement alone (addendum, no visit) bills its stain, not a level',
    encounter: {
      pathology: [
        report('B', { diagnosisText: 'PAS stain negative.', behavior: 'unknown', supplement: true, stains: [{ name: 'PAS', group: 'I', blocks: 1 }] }),
      ],
    },
    lines: ['88312'],
  },
  {
    name: 'a report and its supplement: one level, the supplement adds its stain',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [
        report('A', { diagnosisText: 'Basal cell carcinoma', behavior: 'malignant', ihc: [{ antibody: 'Ber-EP4', multiplex: false }] }),
        report('A', { diagnosisText: 'PAS stain negative.', behavior: 'unknown', supplement: true, stains: [{ name: 'PAS', group: 'I', blocks: 1 }] }),
      ],
    },
    lines: ['88305', '88312', '88342'],
  },
  {
    name: 'an amended report keeps the first report’s immunostains once',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [
        report('A', { ihc: [{ antibody: 'CD117', multiplex: false }] }),
        report('A', {
          amended: true,
          ihc: [
            { antibody: 'CD117', multiplex: false },
            { antibody: 'CD25', multiplex: false },
          ],
        }),
      ],
    },
    lines: ['88305', '88342', '88341'],
  },
];

describe('pathology rules: probe cases', () => {
  it.each(CASES)('$name', ({ encounter, lines }) => {
    const r = code({ id: 'e', visit: { problems: [] }, ...encounter });
    expect(r.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}${l.units > 1 ? `x${l.units}` : ''}`).sort()).toEqual(
      lines
        .map((s) => {
          const l = L(s);
          return `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}${l.units > 1 ? `x${l.units}` : ''}`;
        })
        .sort(),
    );
  });

  it('urticaria pigmentosa is cutaneous mastocytosis (D47.01), not urticaria', async () => {
    const { histologyFromText } = await import('../../../core/codes/icd10');
    expect(histologyFromText('Cutaneous mastocytosis (urticaria pigmentosa)')).toBe('code:D47.01');
    expect(histologyFromText('Chronic urticaria')).toBe('code:L50.9');
    expect(histologyFromText('Systemic mastocytosis')).not.toBe('code:D47.01');
  });
});

describe('intraoperative consultation', () => {
  it('without frozen blocks → 88329; with frozen blocks → 88331 only', () => {
    const gross = code({ id: 'e', visit: { problems: [] }, specimens: [{ label: 'A' }], pathology: [report('A', { intraoperative: true })] });
    expect(gross.lines.map((l) => l.code).sort()).toEqual(['88305', '88329']);
    const frozen = code({
      id: 'e',
      visit: { problems: [] },
      specimens: [{ label: 'A' }],
      pathology: [report('A', { intraoperative: true, frozenSectionBlocks: 1 })],
    });
    expect(frozen.lines.map((l) => l.code).sort()).toEqual(['88305', '88331']);
  });
});
