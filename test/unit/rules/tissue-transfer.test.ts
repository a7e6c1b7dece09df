import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { classifyTransfer } from '../../../core/rules/tissue-transfer';
import { code, L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });
const MINE = /^(repair|tissue-transfer|mohs)\//;

interface Case {
  name: string;
  encounter: EncounterInput;
  settings?: SettingsInput;
  lines: string[];
  findings?: string[];
}

function run(c: Case) {
  const result = code(c.encounter, { pathology: 'external', ...c.settings });
  return { lines: result.lines, findings: result.findings.filter((f) => MINE.test(f)), draft: result.draft };
}

const att = (p: Omit<Parameters<typeof proc>[0], 'kind'>) => proc({ ...p, kind: 'adjacent-tissue-transfer' });

const cases: Case[] = [
  {
    name: 'rotation flap on the nose, 1.5 + 3.0 sq cm → 14060',
    encounter: { procedures: [att({ flapType: 'rotation', primaryDefectSqCm: 1.5, secondaryDefectSqCm: 3, site: site('nasal-dorsum') })] },
    lines: ['14060'],
  },
  {
    name: 'advancement flap on the cheek, 4 + 8 = 12 sq cm → 14041',
    encounter: { procedures: [att({ flapType: 'advancement', primaryDefectSqCm: 4, secondaryDefectSqCm: 8, site: site('cheek') })] },
    lines: ['14041'],
  },
  {
    name: 'exactly 10.0 sq cm stays in the first band → 14020 (scalp)',
    encounter: { procedures: [att({ flapType: 'rotation', primaryDefectSqCm: 4, secondaryDefectSqCm: 6, site: site('scalp') })] },
    lines: ['14020'],
  },
  {
    name: 'bilobed flap on the trunk, total given only as area 25 sq cm → 14001',
    encounter: { procedures: [att({ flapType: 'bilobed', areaSqCm: 25, site: site('back') })] },
    lines: ['14001'],
  },
  {
    name: 'transposition on the back, 20 + 15 = 35 sq cm → 14301 (any site above 30)',
    encounter: { procedures: [att({ flapType: 'transposition', primaryDefectSqCm: 20, secondaryDefectSqCm: 15, site: site('back') })] },
    lines: ['14301'],
  },
  {
    name: '95 sq cm → 14301 + 14302×2 (35 sq cm beyond 60)',
    encounter: { procedures: [att({ flapType: 'rotation', primaryDefectSqCm: 45, secondaryDefectSqCm: 50, site: site('thigh') })] },
    lines: ['14301', '14302 x2'],
  },
  {
    name: 'only the primary defect documented → coded on it, warning naming the secondary defect',
    encounter: { procedures: [att({ flapType: 'advancement', primaryDefectSqCm: 3, site: site('forehead') })] },
    lines: ['14040'],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'written total (11.5) differs from primary + secondary (4 + 3.75) → coded on the sum, warning to verify',
    encounter: {
      procedures: [att({ flapType: 'o-to-z', primaryDefectSqCm: 4, secondaryDefectSqCm: 3.75, areaSqCm: 11.5, site: site('cheek') })],
    },
    lines: ['14040'],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'written total equal to primary + secondary → no finding',
    encounter: {
      procedures: [att({ flapType: 'bilobed', primaryDefectSqCm: 2.24, secondaryDefectSqCm: 2.7, areaSqCm: 4.94, site: site('nasal-ala') })],
    },
    lines: ['14060'],
  },
  {
    name: 'no defect size at all → no line, error',
    encounter: { procedures: [att({ flapType: 'rotation', site: site('forehead') })] },
    lines: [],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'flap type missing → coded as ATT with a warning',
    encounter: { procedures: [proc({ kind: 'flap', primaryDefectSqCm: 2, secondaryDefectSqCm: 4, site: site('chin') })] },
    lines: ['14040'],
    findings: ['tissue-transfer/flap-type-documented'],
  },
  {
    name: 'unknown site under 30 sq cm → no line, error',
    encounter: { procedures: [att({ flapType: 'rotation', primaryDefectSqCm: 2, secondaryDefectSqCm: 4 })] },
    lines: [],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'excision + repair + ATT of the same lesion → only the ATT line',
    encounter: {
      lesions: [{ label: 'A', site: site('cheek') }],
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('cheek'), lesionDiameterCm: 1, marginCm: 0.3 }),
        att({ flapType: 'rhombic', lesionLabels: ['A'], primaryDefectSqCm: 2.5, secondaryDefectSqCm: 3, site: site('cheek') }),
        proc({ kind: 'repair', repairLevel: 'intermediate', lengthCm: 3, lesionLabels: ['A'] }),
      ],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'basal cell carcinoma', behavior: 'malignant' }],
    },
    lines: ['14040'],
    findings: ['repair/included-in-procedure', 'tissue-transfer/includes-excision-and-repair'],
  },
  {
    name: 'excision of another lesion stays when an ATT closes a different wound',
    encounter: {
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['B'], specimenLabel: 'B', site: site('back'), lesionDiameterCm: 1, marginCm: 0.2 }),
        att({ flapType: 'advancement', lesionLabels: ['A'], primaryDefectSqCm: 2, secondaryDefectSqCm: 3, site: site('nose') }),
      ],
      pathology: [{ specimenLabel: 'B', diagnosisText: 'dysplastic nevus', behavior: 'benign' }],
    },
    lines: ['11402', '14060'],
  },
  {
    name: 'ATT after Mohs: Mohs stays, the flap closes the Mohs wound, its repair is not separate',
    encounter: {
      procedures: [
        proc({
          kind: 'mohs',
          lesionLabels: ['A'],
          site: site('nasal-ala'),
          stages: [
            { stage: 1, blocks: 3 },
            { stage: 2, blocks: 2 },
          ],
        }),
        att({ flapType: 'bilobed', lesionLabels: ['A'], primaryDefectSqCm: 1.2, secondaryDefectSqCm: 2.4, site: site('nasal-ala') }),
        proc({ kind: 'repair', repairLevel: 'complex', lengthCm: 3, lesionLabels: ['A'] }),
      ],
    },
    lines: ['17311', '17312', '14060'],
    findings: ['repair/included-in-procedure'],
  },
  {
    name: 'a "repair" naming a rotation flap is coded as the flap, not as a repair',
    encounter: {
      procedures: [proc({ kind: 'repair', flapType: 'rotation flap', primaryDefectSqCm: 2, secondaryDefectSqCm: 5, lengthCm: 4, site: site('temple') })],
    },
    lines: ['14040'],
  },
  {
    name: 'a "repair" naming a rotation flap without sizes → no line, error (no repair code either)',
    encounter: { procedures: [proc({ kind: 'repair', flapType: 'rotation', site: site('temple') })] },
    lines: [],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'flap with no site or lesion link closes the single Mohs wound of the visit → its site (nose) → 14060',
    encounter: {
      procedures: [
        proc({
          kind: 'mohs',
          lesionLabels: ['A'],
          site: site('nasal-dorsum'),
          stages: [
            { stage: 1, blocks: 4 },
            { stage: 2, blocks: 2 },
          ],
        }),
        att({ flapType: 'bilobed transposition', primaryDefectSqCm: 1.5, secondaryDefectSqCm: 2.5 }),
      ],
    },
    lines: ['17311', '17312', '14060'],
  },
  {
    name: 'flap at the same area as the only excision, no lesion link → excision still bundled into the ATT',
    encounter: {
      procedures: [
        proc({ kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', site: site('cheek'), lesionDiameterCm: 1.1, marginCm: 0.4 }),
        att({ flapType: 'rotation', primaryDefectSqCm: 3.1, secondaryDefectSqCm: 9, site: site('malar-cheek') }),
      ],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'basal cell carcinoma', behavior: 'malignant' }],
    },
    lines: ['14041'],
    findings: ['tissue-transfer/includes-excision-and-repair'],
  },
  {
    name: 'graft with no site after the only Mohs wound (nasal tip) → 15260',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nasal-tip'), stages: [{ stage: 1, blocks: 3 }] }),
        proc({ kind: 'graft', graftType: 'full-thickness', areaSqCm: 2.4 }),
      ],
    },
    lines: ['17311', '15260'],
  },
  {
    name: 'graft whose only site is the donor ("harvested from the preauricular cheek") → recipient = the Mohs wound (nasal tip) → 15260',
    encounter: {
      procedures: [
        proc({ kind: 'mohs', lesionLabels: ['A'], site: site('nasal-tip', 'nasal tip'), stages: [{ stage: 1, blocks: 3 }] }),
        proc({
          kind: 'graft',
          graftType: 'full-thickness',
          areaSqCm: 2.4,
          site: site('preauricular', 'L preauricular cheek'),
          text: 'Repair: full-thickness skin graft harvested from the L preauricular cheek; donor site closed primarily.',
        }),
      ],
    },
    lines: ['17311', '15260'],
  },
  {
    name: 'interpolation flap linked to a nasal lesion but sited at the cheek donor → recipient nose → 15576',
    encounter: {
      lesions: [{ label: 'A', site: site('nasal-ala') }],
      procedures: [proc({ kind: 'flap', flapType: 'melolabial interpolation', lesionLabels: ['A'], site: site('cheek') })],
    },
    lines: ['15576'],
  },
  {
    name: 'dog-ear removal documented as a "flap" → not ATT, coded as repair (intermediate 12032)',
    encounter: {
      procedures: [proc({ kind: 'flap', flapType: 'dog-ear repair', repairLevel: 'intermediate', lengthCm: 4, site: site('back') })],
    },
    lines: ['12032'],
    findings: ['tissue-transfer/not-att'],
  },
  {
    name: 'undermining only → not ATT; with layered closure and extensive undermining → complex 13120',
    encounter: {
      procedures: [att({ flapType: 'wide undermining', repairFeatures: { layered: true, undermining: 'extensive' }, lengthCm: 2, site: site('forearm') })],
    },
    lines: ['13120'],
    findings: ['tissue-transfer/not-att'],
  },
  {
    name: 'Z-shape while closing a traumatic laceration → not ATT, coded as repair',
    encounter: {
      procedures: [
        att({
          flapType: 'Z-plasty',
          text: 'laceration of the forearm closed in layers; Z-plasty',
          repairLevel: 'intermediate',
          lengthCm: 5,
          site: site('forearm'),
        }),
      ],
    },
    lines: ['12032'],
    findings: ['tissue-transfer/not-att'],
  },
  {
    name: 'island pedicle flap without a named vessel → ATT 14060 + info',
    encounter: { procedures: [proc({ kind: 'flap', flapType: 'island pedicle', primaryDefectSqCm: 1, secondaryDefectSqCm: 2, site: site('nose') })] },
    lines: ['14060'],
    findings: ['tissue-transfer/att-area'],
  },
  {
    name: 'island pedicle flap on the angular artery, identified and dissected → 15740',
    encounter: {
      procedures: [
        proc({
          kind: 'flap',
          flapType: 'island pedicle flap',
          text: 'island pedicle flap based on the angular artery, which was identified and dissected',
          site: site('nasal-sidewall'),
        }),
      ],
    },
    lines: ['15740'],
  },
  {
    name: 'paramedian forehead flap to the nose → 15731',
    encounter: { procedures: [proc({ kind: 'flap', flapType: 'paramedian forehead flap', site: site('nasal-tip') })] },
    lines: ['15731'],
  },
  {
    name: 'cheek-to-nose interpolation flap → 15576',
    encounter: { procedures: [proc({ kind: 'flap', flapType: 'melolabial interpolation', site: site('nasal-ala') })] },
    lines: ['15576'],
  },
  {
    name: 'filleted toe flap → 14350',
    encounter: { procedures: [proc({ kind: 'flap', flapType: 'filleted toe flap', site: site('toe') })] },
    lines: ['14350'],
  },
  {
    name: 'division and inset of a nasal flap inside the global → 15630-58',
    encounter: {
      visit: { postOpOf: { code: '15731', date: '2026-10-01', related: true } },
      procedures: [proc({ kind: 'flap-division', site: site('nose') })],
    },
    lines: ['15630-58'],
  },
  {
    name: 'division documented as the planned second stage → 58 without postOpOf',
    encounter: { procedures: [proc({ kind: 'flap-division', site: site('ear'), text: 'second stage: division and inset of the flap' })] },
    lines: ['15630-58'],
  },
  {
    name: 'a sentence saying the visit is the second stage of the flap → 58',
    encounter: {
      sections: {
        note: 'She returns for her second stage of the paramedian forehead flap to the nasal tip. Today the pedicle was divided and the flap inset.',
      },
      procedures: [proc({ kind: 'flap-division', site: site('nasal-tip'), text: 'pedicle was divided and the flap inset' })],
    },
    lines: ['15630-58'],
  },
  {
    name: 'division with no site: the stage-1 code 15576 gives the group → 15630-58',
    encounter: {
      visit: { postOpOf: { code: '15576', date: '2026-10-01' } },
      procedures: [proc({ kind: 'flap-division', text: 'division and inset of the interpolation flap' })],
    },
    lines: ['15630-58'],
  },
  {
    name: 'division with no site after 15731 → no guess, error',
    encounter: {
      visit: { postOpOf: { code: '15731', date: '2026-10-01' } },
      procedures: [proc({ kind: 'flap-division', text: 'division and inset' })],
    },
    lines: [],
    findings: ['tissue-transfer/flap-division'],
  },
  {
    name: 'division sited by the flap name ("forehead flap") but inset on the nose → 15630-58',
    encounter: {
      procedures: [
        proc({
          kind: 'flap-division',
          site: site('forehead'),
          text: 'Division and inset of the forehead flap pedicle (stage 2), nose; proximal pedicle returned to the glabella.',
        }),
      ],
    },
    lines: ['15630-58'],
  },
  {
    name: 'procedure text cut short, the note says "(stage 2)" in the division sentence → 15630-58',
    encounter: {
      sections: { Procedure: 'Procedure: Division and inset of the forehead flap pedicle (stage 2), nose.\n' },
      procedures: [proc({ kind: 'flap-division', site: site('nose'), text: 'Division and inset' })],
    },
    lines: ['15630-58'],
  },
  {
    name: '"stage 2" in a sentence that is not about the division → no 58, warning',
    encounter: {
      sections: { Procedure: 'Division and inset of the flap pedicle, nose.\nMelanoma stage 2 history reviewed.\n' },
      procedures: [proc({ kind: 'flap-division', site: site('nose'), text: 'Division and inset' })],
    },
    lines: ['15630'],
    findings: ['tissue-transfer/flap-division'],
  },
  {
    name: 'division with no staging documented → 15620 + warning, no 58',
    encounter: { procedures: [proc({ kind: 'flap-division', site: site('cheek') })] },
    lines: ['15620'],
    findings: ['tissue-transfer/flap-division'],
  },
  {
    name: 'full-thickness graft to the nose 3 sq cm → 15260',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'full-thickness', areaSqCm: 3, site: site('nasal-tip') })] },
    lines: ['15260'],
  },
  {
    name: 'full-thickness graft to the forearm 45 sq cm → 15220 + 15221×2',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'full-thickness', areaSqCm: 45, site: site('forearm') })] },
    lines: ['15220', '15221 x2'],
  },
  {
    name: 'full-thickness graft exactly 20 sq cm on the trunk → 15200 alone',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'full-thickness', areaSqCm: 20, site: site('chest') })] },
    lines: ['15200'],
  },
  {
    name: 'split-thickness graft to the leg 150 sq cm → 15100 + 15101',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'split-thickness', areaSqCm: 150, site: site('lower-leg') })] },
    lines: ['15100', '15101'],
  },
  {
    name: 'split-thickness graft to the scalp 40 sq cm → 15120',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'split-thickness', areaSqCm: 40, site: site('scalp') })] },
    lines: ['15120'],
  },
  {
    name: 'skin substitute on the leg 60 sq cm → 15271 + 15272×2 + info on the product code',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'skin-substitute', areaSqCm: 60, site: site('lower-leg') })] },
    lines: ['15271', '15272 x2'],
    findings: ['tissue-transfer/graft-area'],
  },
  {
    name: 'skin substitute 100 sq cm on the leg is the ≥100 family → 15273',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'skin-substitute', areaSqCm: 100, site: site('thigh') })] },
    lines: ['15273'],
    findings: ['tissue-transfer/graft-area'],
  },
  {
    name: 'skin substitute on the foot 30 sq cm → 15275 + 15276',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'skin-substitute', areaSqCm: 30, site: site('foot') })] },
    lines: ['15275', '15276'],
    findings: ['tissue-transfer/graft-area'],
  },
  {
    name: 'composite graft to the ala → 15760',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'composite', site: site('nasal-ala') })] },
    lines: ['15760'],
  },
  {
    name: 'graft type missing → no line, error',
    encounter: { procedures: [proc({ kind: 'graft', areaSqCm: 4, site: site('nose') })] },
    lines: [],
    findings: ['tissue-transfer/graft-area'],
  },
  {
    name: 'graft area missing → no line, error',
    encounter: { procedures: [proc({ kind: 'graft', graftType: 'full-thickness', site: site('ear') })] },
    lines: [],
    findings: ['tissue-transfer/graft-area'],
  },
  {
    name: 'flap plus a graft closing its secondary defect → both reported',
    encounter: {
      procedures: [
        att({ flapType: 'rotation', lesionLabels: ['A'], primaryDefectSqCm: 6, secondaryDefectSqCm: 8, site: site('scalp') }),
        proc({ kind: 'graft', graftType: 'full-thickness', lesionLabels: ['A'], areaSqCm: 8, site: site('scalp') }),
      ],
    },
    lines: ['14021', '15220'],
  },
];

describe('tissue-transfer rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c);
      expect(r.lines).toEqual(c.lines.map(L));
      expect(r.findings).toEqual(c.findings ?? []);
    });
  }

  it('ATT lines carry lesion, procedure and site references', () => {
    const p = att({ flapType: 'rotation', lesionLabels: ['A'], primaryDefectSqCm: 1, secondaryDefectSqCm: 2, site: site('ear') });
    const { draft } = run({ name: '', encounter: { procedures: [p] }, lines: [] });
    expect(draft.lines[0]).toMatchObject({ code: '14060', lesionLabels: ['A'], ruleIds: ['tissue-transfer/att-area'] });
  });

  it('classifies flap types', () => {
    const base = { id: 'x', kind: 'flap' as const, status: 'performed' as const, lesionLabels: [], indications: [], text: '' };
    expect(classifyTransfer({ ...base, flapType: 'Burow advancement flap' }).kind).toBe('att');
    expect(classifyTransfer({ ...base, flapType: "Burow's triangle" }).kind).toBe('not-att');
    expect(classifyTransfer({ ...base, flapType: 'O-to-Z' }).kind).toBe('att');
    expect(classifyTransfer({ ...base, flapType: 'Z-plasty', lesionLabels: ['A'] }).kind).toBe('att');
    expect(classifyTransfer({ ...base, flapType: 'interpolation' }).kind).toBe('pedicle');
    expect(classifyTransfer({ ...base, flapType: 'paramedian forehead' }).kind).toBe('forehead-axial');
  });

  it('classifies the normalised flap-type words the parser emits', () => {
    const base = { id: 'x', kind: 'flap' as const, status: 'performed' as const, lesionLabels: [], indications: [], text: '' };
    const cls = (flapType: string, text = '') => classifyTransfer({ ...base, flapType, text });
    expect(cls('paramedian-forehead').kind).toBe('forehead-axial');
    expect(cls('island-pedicle')).toEqual({ kind: 'att', note: 'random-island' });
    expect(cls('island-pedicle', 'island pedicle flap on the facial artery').kind).toBe('island-axial');
    expect(cls('o-l')).toEqual({ kind: 'att' });
    expect(cls('a-t')).toEqual({ kind: 'att' });
    expect(cls('dorsal-nasal')).toEqual({ kind: 'att' });
    expect(cls('forehead', 'Forehead: advancement flap to close the defect')).toEqual({ kind: 'att' });
    expect(cls('forehead', 'forehead flap, axial, based on the supratrochlear artery, stage 1 of 2').kind).toBe('forehead-axial');
    expect(cls('cheek-to-nose').kind).toBe('pedicle');
    expect(cls('melolabial')).toEqual({ kind: 'att' });
    expect(cls('melolabial', 'melolabial interpolation flap, stage 1').kind).toBe('pedicle');
    expect(cls('local')).toEqual({ kind: 'att', note: 'type-unrecognized' });
    expect(cls('local', 'closure with bilateral advancement (A-to-T) flaps')).toEqual({ kind: 'att' });
    expect(cls('flap')).toEqual({ kind: 'att', note: 'type-unrecognized' });
    expect(cls('v-y', 'laceration of the chin').kind).toBe('not-att');
  });
});

describe('ATT area properties', () => {
  const rank = (c: string) => ['14060', '14061', '14301'].indexOf(c);
  it('a larger total defect never gets a smaller code, and 14302 units follow each 30 sq cm past 60', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 200 }), (tenths, extra) => {
        const codeFor = (t: number) =>
          code({ procedures: [att({ flapType: 'rotation', areaSqCm: t / 10, site: site('nose') })] }, { pathology: 'external' }).lines;
        const small = codeFor(tenths);
        const large = codeFor(tenths + extra);
        expect(rank(large[0]?.code ?? '')).toBeGreaterThanOrEqual(rank(small[0]?.code ?? ''));
        const addOn = large.find((l) => l.code === '14302');
        const total = tenths + extra;
        expect(addOn?.units ?? 0).toBe(total > 600 ? Math.ceil((total - 600) / 300) : 0);
      }),
      { numRuns: 150 },
    );
  });
});
