import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../core/model';
import { defineRule, type Rule } from '../../../core/rules/define-rule';
import { registry } from '../../../core/rules/registry';
import { L, proc } from './harness';

const site = (key: string, text = key) => ({ key, text });
const MINE = ['biopsy', 'shave', 'excision', 'destruction'];

/** Lesion families only; `extra` rules run at the end of the code phase (e.g. a stand-in paring line). */
function codeMine(input: EncounterInput, settings: SettingsInput = {}, extra: Rule[] = []) {
  const mine = registry.filter((r) => MINE.includes(r.family));
  const rules = [...mine.filter((r) => r.phase === 'code'), ...extra, ...mine.filter((r) => r.phase !== 'code')];
  const draft = codeEncounter(Encounter.parse(input), Settings.parse(settings), { rules });
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    statuses: draft.lines.map((l) => l.status),
    findings: draft.findings.map((f) => f.rule),
  };
}

interface Case {
  name: string;
  input: EncounterInput;
  lines: string[];
  statuses?: string[];
  findings?: string[];
}

function run(cases: Case[], extra: Rule[] = []) {
  for (const c of cases) {
    it(c.name, () => {
      const result = codeMine(c.input, {}, extra);
      expect(result.lines).toEqual(c.lines.map(L));
      if (c.statuses) expect(result.statuses).toEqual(c.statuses);
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }
}

const ak = (count: number | undefined, key = 'face', extra: Partial<Parameters<typeof proc>[0]> = {}) =>
  proc({ kind: 'destruction-premalignant', site: site(key), count, lesionType: 'actinic keratosis', ...extra });

describe('destruction/premalignant-count', () => {
  run([
    { name: '1 AK → 17000', input: { procedures: [ak(1)] }, lines: ['17000'] },
    { name: '2 AKs → 17000 + 17003', input: { procedures: [ak(2)] }, lines: ['17000', '17003'] },
    { name: '14 AKs → 17000 + 17003×13', input: { procedures: [ak(14)] }, lines: ['17000', '17003 x13'] },
    { name: '15 AKs → 17004 alone', input: { procedures: [ak(15)] }, lines: ['17004'] },
    { name: '25 AKs → 17004 ×1, never with 17000/17003', input: { procedures: [ak(25)] }, lines: ['17004'] },
    { name: 'counts add up across sites: 8 face + 9 scalp = 17 → 17004', input: { procedures: [ak(8), ak(9, 'scalp')] }, lines: ['17004'] },
    { name: '3 face + 4 arm = 7 → 17000 + 17003×6', input: { procedures: [ak(3), ak(4, 'forearm')] }, lines: ['17000', '17003 x6'] },
    {
      name: '"multiple AKs" → minimum certain count 2, with a finding',
      input: { procedures: [ak(undefined, 'face', { text: 'LN2 to multiple AKs on the face' })] },
      lines: ['17000', '17003'],
      findings: ['destruction/count-documented'],
    },
    {
      name: '"a few drops" of anesthetic is not a vague lesion count → 17000 ×1, count finding',
      input: { procedures: [ak(undefined, 'face', { text: 'A few drops of lidocaine, then LN2 to the AK' })] },
      lines: ['17000'],
      findings: ['destruction/count-documented'],
    },
    {
      name: '"several scattered actinic keratoses" → minimum 2',
      input: { procedures: [ak(undefined, 'scalp', { text: 'cryo to several scattered actinic keratoses of the scalp' })] },
      lines: ['17000', '17003'],
      findings: ['destruction/count-documented'],
    },
    {
      name: 'no count at all → 17000 ×1 with a finding',
      input: { procedures: [ak(undefined, 'face', { text: 'Cryotherapy to AK' })] },
      lines: ['17000'],
      findings: ['destruction/count-documented'],
    },
    {
      name: 'labelled lesions count when no number is given',
      input: { procedures: [ak(undefined, 'face', { lesionLabels: ['A', 'B', 'C'] })] },
      lines: ['17000', '17003 x2'],
    },
    {
      name: 'unspecified destruction of an AK by its words → 17000',
      input: { procedures: [proc({ kind: 'destruction-unspecified', site: site('scalp'), count: 1, lesionType: 'AK' })] },
      lines: ['17000'],
    },
  ]);
});

describe('destruction/benign-count', () => {
  run([
    {
      name: '1 wart → 17110',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('finger'), count: 1, lesionType: 'wart' })] },
      lines: ['17110'],
    },
    {
      name: '14 molluscum → 17110',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('trunk'), count: 14, lesionType: 'molluscum' })] },
      lines: ['17110'],
    },
    {
      name: '15 molluscum → 17111',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('trunk'), count: 15, lesionType: 'molluscum' })] },
      lines: ['17111'],
    },
    {
      name: 'benign counts add across sites: 10 + 6 → 17111',
      input: {
        procedures: [
          proc({ kind: 'destruction-benign', site: site('hand'), count: 10, lesionType: 'wart' }),
          proc({ kind: 'destruction-benign', site: site('sole'), count: 6, lesionType: 'plantar wart' }),
        ],
      },
      lines: ['17111'],
    },
    {
      name: 'AKs and warts the same day → 17000 + 17003 and 17110',
      input: { procedures: [ak(3), proc({ kind: 'destruction-benign', site: site('hand'), count: 2, lesionType: 'wart' })] },
      lines: ['17000', '17003 x2', '17110'],
    },
    {
      name: '"several warts" → 17110 and a count finding',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('hand'), text: 'LN2 to several verrucae', lesionType: 'wart' })] },
      lines: ['17110'],
      findings: ['destruction/count-documented'],
    },
    {
      name: 'cantharidin for molluscum → 17110 and the [U] product finding',
      input: {
        procedures: [proc({ kind: 'destruction-benign', site: site('trunk'), count: 6, lesionType: 'molluscum', drug: { name: 'cantharidin 0.7%' } })],
      },
      lines: ['17110'],
      findings: ['destruction/drug-device-product'],
    },
    {
      name: 'one SK named in the singular with its one size ("Inflamed SK, R flank 0.8 cm") is a count of one: no count prompt',
      input: {
        procedures: [
          proc({
            kind: 'destruction-benign',
            site: site('flank'),
            lesionType: 'seborrheic keratosis',
            text: 'Inflamed SK, R flank 0.8 cm, red, crusted — LN2 x 2 cycles',
          }),
        ],
      },
      lines: ['17110'],
    },
    {
      name: '"LN2 to the wart on the R thumb" is one wart',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('thumb'), lesionType: 'wart', text: 'LN2 to the wart on the R thumb, 2 cycles' })] },
      lines: ['17110'],
    },
    {
      name: '"SK 0.8 cm and SKs nearby" names more than one: still asks',
      input: {
        procedures: [
          proc({ kind: 'destruction-benign', site: site('flank'), lesionType: 'seborrheic keratosis', text: 'SK 0.8 cm and smaller SKs nearby - LN2' }),
        ],
      },
      lines: ['17110'],
      findings: ['destruction/count-documented'],
    },
    {
      name: 'unknown lesion type → no line, a finding',
      input: { procedures: [proc({ kind: 'destruction-unspecified', site: site('arm'), count: 2, text: 'cryo x2 lesions' })] },
      lines: [],
      findings: ['destruction/lesion-type-documented'],
    },
  ]);
});

describe('destruction/base-of-removed-lesion', () => {
  const shave = (key: string, extra: Partial<Parameters<typeof proc>[0]> = {}) =>
    proc({ kind: 'shave-removal', site: site(key), lesionDiameterCm: 0.6, lesionType: 'hemangioma', ...extra });
  run([
    {
      name: 'shave removal + "ED&C of base" at the same site → the shave only, one verify finding, no count prompt',
      input: { procedures: [shave('finger'), proc({ kind: 'destruction-benign', site: site('finger'), lesionType: 'hemangioma', text: 'ED&C of base.' })] },
      lines: ['11306'],
      findings: ['destruction/base-of-removed-lesion'],
    },
    {
      name: 'an untyped "electrodesiccation to the base" with no site, told on the removal\'s line → no "type not documented" error',
      input: {
        sections: { note: 'Shave removal L forearm, then electrodesiccation to the base x2.' },
        procedures: [
          shave('forearm', { span: { section: 'note', start: 0, end: 26 } }),
          proc({ kind: 'destruction-unspecified', text: 'then electrodesiccation to the base x2.', span: { section: 'note', start: 28, end: 64 } }),
        ],
      },
      lines: ['11301'],
      findings: ['destruction/base-of-removed-lesion'],
    },
    {
      name: 'a wart destroyed at another site the same day keeps its 17110',
      input: {
        procedures: [
          shave('finger'),
          proc({ kind: 'destruction-benign', site: site('sole'), count: 1, lesionType: 'wart', text: 'LN2 to plantar wart, pared to base' }),
        ],
      },
      lines: ['11306', '17110'],
    },
    {
      name: 'a destruction of the same site without "base" is a lesion of its own',
      input: { procedures: [shave('finger'), proc({ kind: 'destruction-benign', site: site('finger'), count: 1, lesionType: 'wart', text: 'LN2 to wart' })] },
      lines: ['11306', '17110'],
    },
  ]);
});

describe('destruction/skin-tags', () => {
  const tags = (count: number) => proc({ kind: 'skin-tag-removal', site: site('neck'), count });
  run([
    { name: '10 tags → 11200', input: { procedures: [tags(10)] }, lines: ['11200'] },
    { name: '15 tags → 11200', input: { procedures: [tags(15)] }, lines: ['11200'] },
    { name: '16 tags → 11200 + 11201', input: { procedures: [tags(16)] }, lines: ['11200', '11201'] },
    { name: '18 tags → 11200 + 11201×1', input: { procedures: [tags(18)] }, lines: ['11200', '11201'] },
    { name: '25 tags → 11200 + 11201×1', input: { procedures: [tags(25)] }, lines: ['11200', '11201'] },
    { name: '26 tags → 11200 + 11201×2', input: { procedures: [tags(26)] }, lines: ['11200', '11201 x2'] },
    {
      name: 'tags without a count → 11200 and a finding',
      input: { procedures: [proc({ kind: 'skin-tag-removal', site: site('axilla'), text: 'snip excision of skin tags' })] },
      lines: ['11200'],
      findings: ['destruction/count-documented'],
    },
  ]);
});

describe('destruction/vascular-area', () => {
  const laser = (areaSqCm?: number) => proc({ kind: 'vascular-laser', site: site('cheek'), areaSqCm });
  run([
    { name: '9.9 sq cm → 17106', input: { procedures: [laser(9.9)] }, lines: ['17106'] },
    { name: '10 sq cm → 17107', input: { procedures: [laser(10)] }, lines: ['17107'] },
    { name: '50 sq cm → 17107', input: { procedures: [laser(50)] }, lines: ['17107'] },
    { name: '50.5 sq cm → 17108', input: { procedures: [laser(50.5)] }, lines: ['17108'] },
    { name: 'area missing → no line, a finding', input: { procedures: [laser()] }, lines: [], findings: ['destruction/vascular-area'] },
    {
      name: 'two treated sites are added: 6 + 5 = 11 → 17107 with an info',
      input: { procedures: [laser(6), laser(5)] },
      lines: ['17107'],
      findings: ['destruction/vascular-area'],
    },
  ]);
});

describe('destruction/malignant-diameter', () => {
  const cd = (key: string, diameter?: number, extra: Partial<Parameters<typeof proc>[0]> = {}) =>
    proc({ kind: 'destruction-malignant', site: site(key), lesionDiameterCm: diameter, lesionType: 'superficial BCC', ...extra });
  run([
    { name: 'trunk 0.5 cm → 17260', input: { procedures: [cd('back', 0.5)] }, lines: ['17260'] },
    { name: 'leg 2.5 cm → 17263', input: { procedures: [cd('shin', 2.5)] }, lines: ['17263'] },
    { name: 'neck 1.2 cm → 17272', input: { procedures: [cd('neck', 1.2)] }, lines: ['17272'] },
    { name: 'nose 0.7 cm → 17281', input: { procedures: [cd('nose', 0.7)] }, lines: ['17281'] },
    { name: 'trunk 4.5 cm → 17266', input: { procedures: [cd('chest', 4.5)] }, lines: ['17266'] },
    {
      name: 'one line per lesion: two lesions two lines',
      input: { procedures: [cd('back', 0.4, { lesionLabels: ['A'] }), cd('back', 0.9, { lesionLabels: ['B'] })] },
      lines: ['17260', '17261'],
    },
    {
      name: 'only the curettage defect documented → used, with an info finding',
      input: { procedures: [cd('back', undefined, { defectDiameterCm: 1.4 })] },
      lines: ['17262'],
      findings: ['destruction/malignant-diameter'],
    },
    {
      name: 'lesion and defect in different bands → lesion diameter used, info',
      input: { procedures: [cd('back', 0.8, { defectDiameterCm: 1.3 })] },
      lines: ['17261'],
      findings: ['destruction/malignant-diameter'],
    },
    {
      name: 'no diameter at all → no line, a finding',
      input: { procedures: [cd('back')] },
      lines: [],
      findings: ['destruction/malignant-diameter'],
    },
    {
      name: 'unspecified destruction of a lesion with a prior malignant biopsy → malignant code',
      input: {
        lesions: [{ label: 'B', priorMalignantBiopsy: true }],
        procedures: [proc({ kind: 'destruction-unspecified', lesionLabels: ['B'], site: site('flank'), lesionDiameterCm: 0.8, text: 'ED&C, defect 1.0 cm' })],
      },
      lines: ['17261'],
    },
    {
      name: 'unspecified destruction of a BCC by its words → malignant code',
      input: { procedures: [proc({ kind: 'destruction-unspecified', site: site('arm'), lesionDiameterCm: 1.0, lesionType: 'BCC', text: 'ED&C x3 cycles' })] },
      lines: ['17261'],
    },
  ]);
});

describe('destruction/site-specific', () => {
  run([
    {
      name: 'eyelid-margin lesion 0.4 cm → 67850, not 17xxx',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('eyelid-margin'), lesionDiameterCm: 0.4, count: 1, lesionType: 'papilloma' })] },
      lines: ['67850'],
    },
    {
      name: 'eyelid-margin lesion 1.5 cm → 17xxx family (67850 covers up to 1 cm)',
      input: { procedures: [proc({ kind: 'destruction-malignant', site: site('eyelid-margin'), lesionDiameterCm: 1.5, lesionType: 'BCC' })] },
      lines: ['17282'],
    },
    {
      name: 'eyelid-margin lesion without size → no line, a finding',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('eyelid-margin'), count: 1, lesionType: 'papilloma' })] },
      lines: [],
      findings: ['destruction/site-specific'],
    },
    {
      name: 'penile condylomata → finding naming 54050-54065, no 17110',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('penis'), count: 4, lesionType: 'condyloma' })] },
      lines: [],
      findings: ['destruction/site-specific'],
    },
    {
      name: 'vulvar warts → finding naming 56501/56515',
      input: { procedures: [proc({ kind: 'destruction-benign', site: site('vulva'), count: 3, lesionType: 'wart' })] },
      lines: [],
      findings: ['destruction/site-specific'],
    },
    {
      name: 'perianal warts → finding naming 46900-46924; other warts still 17110',
      input: {
        procedures: [
          proc({ kind: 'destruction-benign', site: site('perianal'), count: 3, lesionType: 'wart' }),
          proc({ kind: 'destruction-benign', site: site('hand'), count: 2, lesionType: 'wart' }),
        ],
      },
      lines: ['17110'],
      findings: ['destruction/site-specific'],
    },
  ]);

  it('the site-specific finding names the code family to use', () => {
    const result = codeMine({ procedures: [proc({ kind: 'destruction-benign', site: site('penis'), count: 2, lesionType: 'molluscum' })] });
    expect(result.draft.findings[0]?.message).toContain('54050-54065');
  });
});

describe('destruction/paring-same-lesion', () => {
  // Stand-in for the other-procedures paring rule: one 11055-11057 line per paring procedure group.
  const paringLine = defineRule({
    id: 'other-procedures/fake-paring',
    family: 'other-procedures',
    phase: 'code',
    title: 'fake paring',
    explain: 'test only',
    references: [],
    status: 'stable',
    apply(ctx) {
      const pared = ctx.performed('paring');
      if (pared.length === 0) return;
      const n = pared.length;
      ctx.addLine({ code: n === 1 ? '11055' : n <= 4 ? '11056' : '11057', procedureIds: pared.map((p) => p.id), family: 'other-procedures', tags: ['paring'] });
    },
  });
  run(
    [
      {
        name: 'pared and destroyed wart → destruction only',
        input: {
          procedures: [
            proc({ kind: 'paring', lesionLabels: ['A'], site: site('sole') }),
            proc({ kind: 'destruction-benign', lesionLabels: ['A'], site: site('sole'), lesionType: 'plantar wart' }),
          ],
        },
        lines: ['17110'],
        findings: ['destruction/paring-same-lesion'],
      },
      {
        name: 'paring of a different lesion stays',
        input: {
          procedures: [
            proc({ kind: 'paring', lesionLabels: ['B'], site: site('heel') }),
            proc({ kind: 'destruction-benign', lesionLabels: ['A'], site: site('sole'), lesionType: 'plantar wart' }),
          ],
        },
        lines: ['17110', '11055'],
      },
      {
        name: 'paring line mixing destroyed and other lesions → kept, warning',
        input: {
          procedures: [
            proc({ kind: 'paring', lesionLabels: ['A'], site: site('sole') }),
            proc({ kind: 'paring', lesionLabels: ['B'], site: site('heel') }),
            proc({ kind: 'destruction-benign', lesionLabels: ['A'], site: site('sole'), lesionType: 'plantar wart' }),
          ],
        },
        lines: ['17110', '11056'],
        findings: ['destruction/paring-same-lesion'],
      },
    ],
    [paringLine],
  );
});

describe("an irritated SK told in the A: item is the P: destruction's indication", () => {
  it('"A:" / "P:" with no "S:": L82.0, not L82.1', async () => {
    const { codeNote } = await import('./note-harness');
    const r = codeNote(
      'A:\n1. Seborrheic keratoses, irritated, L shoulder x2 - rubbing on bra strap, itchy, bleeding.\n2. Benign nevi - reassured.\nP:\n1. LN2 destruction of 2 SKs L shoulder, 2 freeze-thaw cycles.\n2. RTC 1 yr.\n',
    );
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([['L82.0']]);
    expect(r.findings).toEqual([]);
  });
});
