import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { defineRule } from '../../../core/rules/define-rule';
import { injectionRules } from '../../../core/rules/injection';
import { appliedByInText, phototherapyRules, totalAreaInText } from '../../../core/rules/phototherapy';
import { codeWith } from './family-harness';
import { code, L, proc } from './harness';

type Case = { name: string; encounter: EncounterInput; settings?: SettingsInput; lines: string[]; findings?: string[] };

const face = { key: 'face', text: 'face' };
const levulan = (sticks?: number, extra: Record<string, unknown> = {}) => ({
  name: 'Levulan Kerastick',
  ...(sticks !== undefined ? { amountGiven: sticks, unit: 'stick' as const } : {}),
  ...extra,
});

// Phototherapy drug lines get JW/JZ and NDC prompts from the injection family's modify/check rules.
const rules = [...phototherapyRules, ...injectionRules];

const cases: Case[] = [
  { name: 'NB-UVB → 96900', encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'nbuvb' })] }, lines: ['96900'] },
  {
    name: '311 nm phototherapy → 96900',
    encounter: { procedures: [proc({ kind: 'phototherapy', text: '311 nm phototherapy, 600 mJ/cm2' })] },
    lines: ['96900'],
  },
  { name: 'UVA alone → 96900', encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'UVA' })] }, lines: ['96900'] },
  { name: 'Goeckerman (tar + UVB) → 96910', encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'goeckerman' })] }, lines: ['96910'] },
  {
    name: 'petrolatum + UVB → 96910',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'uvb', text: 'petrolatum applied then UVB 300 mJ' })] },
    lines: ['96910'],
  },
  { name: 'PUVA → 96912', encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'puva', text: 'oral methoxsalen then UVA' })] }, lines: ['96912'] },
  {
    name: 'PUVA day treatment 6 h under direct supervision → 96913',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'puva', text: 'PUVA day treatment, 6 hours under direct physician supervision' })] },
    lines: ['96913'],
  },
  {
    name: 'extended Goeckerman without documented supervision → 96910 + finding',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'goeckerman', text: 'Goeckerman regimen 5 hours in the day unit' })] },
    lines: ['96910'],
    findings: ['phototherapy/light-therapy'],
  },
  {
    name: 'soak PUVA whose "goggles after soak x 24 h" is aftercare → 96912, no extended-treatment finding',
    encounter: {
      procedures: [
        proc({ kind: 'phototherapy', modality: 'puva', text: '8-MOP soak, hands and feet, 15 min; then UVA 3.0 J/cm2. Goggles after soak x 24 h reviewed.' }),
      ],
    },
    lines: ['96912'],
    findings: [],
  },
  {
    name: 'NB-UVB told "no psoralen, no tar" → 96900 (a photosensitizer named only to deny it)',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'nbuvb', text: 'narrowband UVB 311 nm (no psoralen, no tar), 1300 mJ/cm2' })] },
    lines: ['96900'],
  },
  {
    name: 'UVB "without tar or petrolatum" → 96900',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'uvb', text: 'broadband UVB without tar or petrolatum, 40 mJ/cm2' })] },
    lines: ['96900'],
  },
  {
    name: 'tar applied, then UVB ("no psoralen") → still 96910',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'uvb', text: 'crude coal tar 2% applied overnight, then UVB; no psoralen' })] },
    lines: ['96910'],
  },
  {
    name: 'NB-UVB with PUVA only discussed and declined in the same block → 96900',
    encounter: {
      sections: { note: 'NB-UVB session #12, 900 mJ/cm2. PUVA discussed but declined by patient.' },
      procedures: [proc({ kind: 'phototherapy', modality: 'nbuvb', text: 'NB-UVB session #12, 900 mJ/cm2.', span: { section: 'note', start: 0, end: 71 } })],
    },
    lines: ['96900'],
  },
  {
    name: 'three NB-UVB plaque entries on one day → one 96900',
    encounter: {
      procedures: [
        proc({ kind: 'phototherapy', modality: 'nbuvb', lesionLabels: ['A'] }),
        proc({ kind: 'phototherapy', modality: 'nbuvb', lesionLabels: ['B'] }),
        proc({ kind: 'phototherapy', modality: 'nbuvb', lesionLabels: ['C'] }),
      ],
    },
    lines: ['96900'],
    findings: ['phototherapy/light-therapy'],
  },
  {
    name: 'light type not documented → no line, finding',
    encounter: { procedures: [proc({ kind: 'phototherapy', text: 'light treatment given today' })] },
    lines: [],
    findings: ['phototherapy/light-therapy'],
  },
  {
    name: 'excimer whose plaque table and "TOTAL treated area ...... 250 cm2" row sit below its own block → 96921',
    encounter: {
      sections: {
        note: 'Excimer laser (308 nm) - psoriasis\nSession 6 of 13.\n\nAreas treated today:\n  R elbow ........ 45 cm2\n  L knee ......... 205 cm2\n  TOTAL treated area ....... 250 cm2\n',
      },
      procedures: [
        proc({ kind: 'laser-psoriasis', modality: 'excimer', text: 'Excimer laser (308 nm) - psoriasis', span: { section: 'note', start: 0, end: 34 } }),
      ],
    },
    lines: ['96921'],
  },
  {
    name: 'two laser sessions without their own areas do not borrow one total from the section → no line, finding',
    encounter: {
      sections: {
        note: 'Excimer laser (308 nm) - psoriasis\nSession 6 of 13.\n\nAreas treated today:\n  R elbow ........ 45 cm2\n  L knee ......... 205 cm2\n  TOTAL treated area ....... 250 cm2\n',
      },
      procedures: [
        proc({ kind: 'laser-psoriasis', modality: 'excimer', lesionLabels: ['A'], span: { section: 'note', start: 0, end: 34 } }),
        proc({ kind: 'laser-psoriasis', modality: 'excimer', lesionLabels: ['B'], span: { section: 'note', start: 0, end: 34 } }),
      ],
    },
    lines: [],
    findings: ['phototherapy/laser-inflammatory'],
  },
  { name: 'excimer 120 sq cm → 96920', encounter: { procedures: [proc({ kind: 'laser-psoriasis', modality: 'excimer', areaSqCm: 120 })] }, lines: ['96920'] },
  {
    name: 'excimer plaques summed: 150 + 100 = 250 sq cm → 96921',
    encounter: {
      procedures: [
        proc({ kind: 'laser-psoriasis', modality: 'excimer', areaSqCm: 150 }),
        proc({ kind: 'laser-psoriasis', modality: 'excimer', areaSqCm: 100 }),
      ],
    },
    lines: ['96921'],
  },
  { name: 'excimer exactly 500 sq cm → 96921', encounter: { procedures: [proc({ kind: 'laser-psoriasis', areaSqCm: 500 })] }, lines: ['96921'] },
  { name: 'excimer 620 sq cm → 96922', encounter: { procedures: [proc({ kind: 'laser-psoriasis', areaSqCm: 620 })] }, lines: ['96922'] },
  {
    name: 'excimer recorded as phototherapy modality → laser code, not 96900',
    encounter: { procedures: [proc({ kind: 'phototherapy', modality: 'excimer', areaSqCm: 300 })] },
    lines: ['96921'],
  },
  {
    name: 'excimer area missing → no line, finding (the codes are area bands)',
    encounter: { procedures: [proc({ kind: 'laser-psoriasis', modality: 'excimer' })] },
    lines: [],
    findings: ['phototherapy/laser-inflammatory'],
  },
  {
    name: 'one of two excimer areas missing → no line, finding',
    encounter: { procedures: [proc({ kind: 'laser-psoriasis', areaSqCm: 200 }), proc({ kind: 'laser-psoriasis' })] },
    lines: [],
    findings: ['phototherapy/laser-inflammatory'],
  },
  {
    name: 'excimer for vitiligo → info on payer coverage',
    encounter: { procedures: [proc({ kind: 'laser-psoriasis', areaSqCm: 40, lesionType: 'vitiligo' })] },
    lines: ['96920'],
    findings: ['phototherapy/laser-inflammatory'],
  },
  {
    name: 'physician-applied Levulan PDT, 1 stick, no waste, commercial → 96573 + J7308',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: levulan(1, { noWaste: true }) })] },
    lines: ['96573', 'J7308'],
    findings: ['injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'physician curettage of hyperkeratotic AKs + PDT, Medicare → 96574 + J7308-JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'pdt',
          site: face,
          appliedBy: 'physician',
          debridement: true,
          text: 'curettage of hyperkeratotic AKs',
          drug: levulan(1, { noWaste: true }),
        }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['96574', 'J7308-JZ'],
    findings: ['injection/ndc'],
  },
  {
    name: '"entire stick used" in the text counts as no waste → J7308-JZ on Medicare',
    encounter: {
      procedures: [
        proc({ kind: 'pdt', site: face, appliedBy: 'physician', text: 'Levulan Kerastick x1 applied by Dr. Lee. Entire stick used.', drug: levulan(1) }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['96573', 'J7308-JZ'],
    findings: ['injection/ndc'],
  },
  {
    name: 'one Kerastick, waste not written, Medicare → J7308-JZ: the stick is the billing unit, nothing left over is billable',
    encounter: {
      procedures: [
        proc({ kind: 'pdt', site: face, appliedBy: 'physician', text: 'Levulan Kerastick x1 applied by me; BLU-U 16 min 40 sec.', drug: levulan(1) }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['96573', 'J7308-JZ'],
    findings: ['injection/ndc'],
  },
  {
    name: 'chemical peel is not debridement → 96573 + finding',
    encounter: {
      procedures: [
        proc({ kind: 'pdt', site: face, appliedBy: 'physician', debridement: true, text: 'Jessner peel prior to ALA', drug: levulan(1, { noWaste: true }) }),
      ],
    },
    lines: ['96573', 'J7308'],
    findings: ['phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'staff-applied PDT → 96567 + wording [U] info',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'staff', drug: levulan(2, { noWaste: true }) })] },
    lines: ['96567', 'J7308 x2'],
    findings: ['phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'who applied not documented → 96567 + warning + [U] info',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, drug: levulan(1, { noWaste: true }) })] },
    lines: ['96567', 'J7308'],
    findings: ['phototherapy/pdt', 'phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'two PDT sessions (face, scalp) on one day → one line + finding',
    encounter: {
      procedures: [
        proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: levulan(1, { noWaste: true }) }),
        proc({ kind: 'pdt', site: { key: 'scalp', text: 'scalp' }, appliedBy: 'physician', drug: levulan(1, { noWaste: true }) }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['96573', 'J7308-JZ x2'],
    findings: ['phototherapy/pdt', 'injection/ndc'],
  },
  {
    name: 'PDT for superficial BCC → payer-coverage info',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', lesionType: 'bcc', drug: levulan(1, { noWaste: true }) })] },
    lines: ['96573', 'J7308'],
    findings: ['phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'compounded ALA → no J7308, finding',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: { name: 'compounded ALA 20%' } })] },
    lines: ['96573'],
    findings: ['phototherapy/pdt'],
  },
  {
    name: 'Kerastick count missing → J7308×1 + finding',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: levulan(undefined, { noWaste: true }) })] },
    lines: ['96573', 'J7308'],
    findings: ['phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    // §8.3: J7308 is one unit per stick; the product named once in the singular is one stick.
    name: '"Levulan Kerastick applied to the full face" (singular, no count) → J7308×1, no count finding',
    encounter: {
      procedures: [
        proc({
          kind: 'pdt',
          site: face,
          appliedBy: 'physician',
          text: 'Face degreased with acetone. Levulan Kerastick applied to the full face by me, BLU-U 16 min 40 sec.',
          drug: levulan(undefined, { noWaste: true }),
        }),
      ],
    },
    lines: ['96573', 'J7308'],
    findings: ['injection/drug-waste', 'injection/ndc'],
  },
  {
    name: '"a Kerastick to the face, Kerasticks to the scalp" (plural named, no count) → J7308×1 + finding',
    encounter: {
      procedures: [
        proc({
          kind: 'pdt',
          site: face,
          appliedBy: 'physician',
          text: 'Levulan applied: a Kerastick to the face, then more Kerasticks to the scalp.',
          drug: levulan(undefined, { noWaste: true }),
        }),
      ],
    },
    lines: ['96573', 'J7308'],
    findings: ['phototherapy/pdt', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'Ameluz 1 tube, Medicare → J7345×200, unit-basis info + single-dose [U] warning, no JW/JZ',
    encounter: {
      procedures: [
        proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: { name: 'Ameluz', amountGiven: 1, unit: 'tube' }, text: 'Ameluz, red light 10 min' }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['96573', 'J7345 x200'],
    findings: ['phototherapy/pdt', 'phototherapy/pdt', 'injection/ndc'],
  },
  {
    name: 'Ameluz amount missing → no drug line, finding',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', modality: 'ameluz' })] },
    lines: ['96573'],
    findings: ['phototherapy/pdt', 'phototherapy/pdt'],
  },
  {
    name: 'photosensitizer not documented → PDT code only + finding',
    encounter: { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', modality: 'blue light' })] },
    lines: ['96573'],
    findings: ['phototherapy/pdt'],
  },
  {
    name: 'PDT on the nasal ala: "ala" in the site is not the drug',
    encounter: { procedures: [proc({ kind: 'pdt', site: { key: 'nasal-ala', text: 'R nasal ala' }, appliedBy: 'physician', text: 'PDT to R nasal ala' })] },
    lines: ['96573'],
    findings: ['phototherapy/pdt'],
  },
];

describe('phototherapy and PDT rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = codeWith(rules, c.encounter, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('whole registry: topical PDT drug gets no administration code', () => {
    const result = code(
      { procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician', drug: levulan(1, { noWaste: true, route: 'topical' }) })] },
      { pathology: 'external' },
    );
    const codes = result.lines.map((l) => l.code);
    expect(codes).toContain('96573');
    expect(codes).toContain('J7308');
    expect(codes.filter((c) => /^963/.test(c))).toEqual([]);
  });

  it('the AK curettage read as a destruction is removed when 96574 includes it', () => {
    const destructionStub = defineRule({
      id: 'destruction/test-stub',
      family: 'destruction',
      phase: 'code',
      title: 'test',
      explain: 'test',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const p of ctx.performed('destruction-premalignant')) ctx.addLine({ code: '17000', procedureIds: [p.id] });
      },
    });
    const procedures = [
      proc({
        kind: 'destruction-premalignant',
        count: 1,
        site: { key: 'scalp', text: 'scalp' },
        text: 'Dr. Okafor performed targeted curettage of the hyperkeratotic AKs,',
      }),
      proc({ kind: 'pdt', site: { key: 'scalp', text: 'scalp' }, appliedBy: 'physician', debridement: true, drug: levulan(1, { noWaste: true }) }),
    ];
    const result = codeWith([destructionStub, ...rules], { procedures });
    expect(result.lines).toEqual(['96574', 'J7308'].map(L));
    expect(result.findings).toContain('phototherapy/pdt-debridement-included');
    // Cryotherapy of other AKs the same day is a separate destruction and stays.
    const cryo = codeWith([destructionStub, ...rules], {
      procedures: [
        procedures[1] as (typeof procedures)[number],
        proc({ kind: 'destruction-premalignant', count: 3, site: { key: 'forearm', text: 'forearm' }, text: 'LN2 to 3 AKs of the forearms' }),
      ],
    });
    expect(cryo.lines.map((l) => l.code)).toEqual(['17000', '96574', 'J7308']);
  });

  it('reads who applied the drug, the Kerastick count and a stated total area from the note text', () => {
    const result = codeWith(rules, {
      procedures: [
        proc({
          kind: 'pdt',
          site: face,
          text: 'Dr. Rivera applied Levulan Kerastick x2 (one to the face, one to the scalp). Blue-light illumination by Dr. Rivera.',
          drug: { name: 'Levulan Kerastick', noWaste: true },
        }),
        proc({
          kind: 'laser-psoriasis',
          areaSqCm: 150,
          text: 'XTRAC 308-nm excimer: both palms 150 sq cm, both soles 150 sq cm; total treated area today 300 sq cm.',
        }),
      ],
    });
    expect(result.lines).toEqual(['96921', '96573', 'J7308 x2'].map(L));
    expect(appliedByInText('MA applied Ameluz to the face under physician supervision')).toBe('staff');
    expect(appliedByInText('Ameluz applied by Dr. Lee')).toBe('physician');
    expect(appliedByInText('Ameluz to the face')).toBeUndefined();
    // Presence or supervision is not applying (§8.2: 96573 = the physician applies and illuminates).
    expect(appliedByInText('Physician present while Levulan was applied and during illumination')).toBeUndefined();
    expect(appliedByInText('Dr. Lee present; Levulan applied by the MA')).toBe('staff');
    expect(appliedByInText('Physician present. I applied the Ameluz')).toBe('physician');
    expect(totalAreaInText('total area: 320 cm2')).toBe(320);
    expect(totalAreaInText('TOTAL treated area ........ 250 cm2')).toBe(250);
  });

  it.each([
    'Physician present for application and illumination.',
    'Levulan applied, BLU-U 16 min 40 s, under direct physician supervision.',
    'Dr. Lee was present for the application and the illumination.',
  ])('"%s" stays staff-applied 96567 with one finding saying presence is not performing', (text) => {
    const result = codeWith(rules, { procedures: [proc({ kind: 'pdt', site: face, text, drug: levulan(1, { noWaste: true }) })] });
    expect(result.lines).toEqual(['96567', 'J7308'].map(L));
    const messages = result.draft.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^PDT: the note says the physician was present for \(or supervised\) the treatment, but 96573 needs/);
  });

  it('PDT before 2018 is not coded with the 2018 codes', () => {
    const result = codeWith(rules, { visit: { dateOfService: '2017-06-01' }, procedures: [proc({ kind: 'pdt', site: face, appliedBy: 'physician' })] });
    expect(result.lines).toEqual([]);
  });
});
