import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { biopsyRules } from '../../../core/rules/biopsy';
import { defineRule } from '../../../core/rules/define-rule';
import { pathologyRules } from '../../../core/rules/pathology';
import { codeWith } from './family-harness';
import { code, L, proc } from './harness';

type Case = { name: string; encounter: EncounterInput; settings?: SettingsInput; lines: string[]; findings?: string[]; status?: string[] };

const report = (specimenLabel: string, extra: Record<string, unknown> = {}) => ({
  specimenLabel,
  diagnosisText: 'Basal cell carcinoma, nodular type',
  behavior: 'malignant' as const,
  ...extra,
});

const cases: Case[] = [
  {
    name: 'skin biopsy specimen with a report → 88305, ready',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A')] },
    lines: ['88305'],
    status: ['ready'],
  },
  {
    name: 'specimen without a report yet → 88305 held for pathology',
    encounter: { specimens: [{ label: 'A' }] },
    lines: ['88305'],
    status: ['held-for-pathology'],
  },
  {
    name: 'cyst, skin tag and plastic-repair skin → 88304 ×2 (one unit per specimen), 88302',
    encounter: {
      specimens: [
        { label: 'A', type: 'cyst' },
        { label: 'B', type: 'skin-tag' },
        { label: 'C', type: 'plastic-repair' },
      ],
      pathology: [report('A'), report('B'), report('C')],
    },
    lines: ['88304 x2', '88302'],
  },
  {
    name: 'avulsed nail plate, gross examination only → 88300',
    encounter: {
      specimens: [{ label: 'A', type: 'nail' }],
      pathology: [report('A', { specimenType: 'nail', diagnosisText: 'Nail plate, gross examination only', behavior: 'benign' })],
    },
    lines: ['88300'],
  },
  {
    name: 'report says cyst for a specimen sent as skin → 88304 (report wins)',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [report('A', { specimenType: 'cyst', diagnosisText: 'Epidermal inclusion cyst', behavior: 'benign' })],
    },
    lines: ['88304'],
  },
  {
    name: 'two specimens → one 88305 line with 2 units (unit = specimen)',
    encounter: { specimens: [{ label: 'A' }, { label: 'B' }], pathology: [report('A'), report('B')] },
    lines: ['88305 x2'],
  },
  {
    name: 'one specimen read, one pending → separate ready and held lines',
    encounter: { specimens: [{ label: 'A' }, { label: 'B' }], pathology: [report('A')] },
    lines: ['88305', '88305'],
    status: ['ready', 'held-for-pathology'],
  },
  {
    name: 'malignant melanoma excision stays 88305 (never 88307)',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { diagnosisText: 'Invasive melanoma, Breslow 1.2 mm', margins: 'clear' })] },
    lines: ['88305'],
  },
  {
    name: 'professional arrangement → 26 on the level, stain and IHC lines',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [report('A', { stains: [{ name: 'PAS', group: 'I' }], ihc: [{ antibody: 'MART-1' }] })],
    },
    settings: { pathology: 'professional' },
    lines: ['88305-26', '88312-26', '88342-26'],
  },
  {
    name: 'slides prepared here, read and billed by an outside pathologist → TC on every pathology line',
    encounter: {
      visit: { technicalComponentOnly: true },
      specimens: [{ label: 'A' }],
      pathology: [report('A', { stains: [{ name: 'PAS', group: 'I' }] })],
    },
    lines: ['88305-TC', '88312-TC'],
    findings: ['pathology/technical-component'],
  },
  {
    name: 'technical-only note under the professional setting → no TC, a warning to check',
    encounter: { visit: { technicalComponentOnly: true }, specimens: [{ label: 'A' }], pathology: [report('A')] },
    settings: { pathology: 'professional' },
    lines: ['88305-26'],
    findings: ['pathology/technical-component'],
  },
  {
    name: 'external lab bills → no pathology lines at all',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { stains: [{ name: 'PAS', group: 'I' }] })] },
    settings: { pathology: 'external' },
    lines: [],
  },
  {
    name: 'specimen sent to an outside lab → no line for that specimen only',
    encounter: { specimens: [{ label: 'A', destination: 'external' }, { label: 'B' }], pathology: [report('B')] },
    lines: ['88305'],
  },
  {
    name: 'special stains: units = stains × blocks per group; H&E is routine',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [
        report('A', {
          stains: [
            { name: 'PAS', group: 'I', blocks: 2 },
            { name: 'GMS', group: 'I', blocks: 1 },
            { name: 'iron', group: 'II', blocks: 1 },
            { name: 'H&E', group: 'II', blocks: 3 },
            { name: 'chloroacetate esterase', group: 'III' },
          ],
        }),
      ],
    },
    lines: ['88305', '88312 x3', '88313', '88319'],
  },
  {
    name: 'IHC: 3 single antibodies + 1 multiplex on one specimen → 88342, 88341×2, 88344',
    encounter: {
      specimens: [{ label: 'A' }],
      pathology: [
        report('A', {
          ihc: [{ antibody: 'SOX10' }, { antibody: 'PRAME' }, { antibody: 'Ki-67' }, { antibody: 'MART-1/Ki-67', multiplex: true }],
        }),
      ],
    },
    lines: ['88305', '88342', '88341 x2', '88344'],
  },
  {
    name: 'IHC is per specimen: a second specimen starts again at 88342',
    encounter: {
      specimens: [{ label: 'A' }, { label: 'B' }],
      pathology: [report('A', { ihc: [{ antibody: 'SOX10' }] }), report('B', { ihc: [{ antibody: 'SOX10' }, { antibody: 'PRAME' }] })],
    },
    lines: ['88305 x2', '88342 x2', '88341'],
  },
  {
    name: 'frozen section with 3 blocks → 88331 + 88332×2',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { frozenSectionBlocks: 3 })] },
    lines: ['88305', '88331', '88332 x2'],
  },
  {
    name: 'intraoperative consultation without frozen section → 88329',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { diagnosisText: 'Intraoperative consultation (gross only): margin grossly free' })] },
    lines: ['88305', '88329'],
  },
  {
    name: 'consultation codes never together: 88321 and 88323 on one case → 88323 + finding',
    encounter: {
      pathology: [report('S1', { consultation: '88321' }), report('S2', { consultation: '88323' })],
    },
    lines: ['88323'],
    findings: ['pathology/consultation', 'pathology/consultation'],
  },
  {
    name: 'one 88321 consultation on referred slides → 88321, no level line, no unknown-specimen warning',
    encounter: { pathology: [report('OUT-1', { consultation: '88321' })] },
    lines: ['88321'],
  },
  {
    name: 'a pathology report on its own (no visit in the file) → lines, no unknown-specimen warnings',
    encounter: { pathology: [report('A'), report('B')] },
    lines: ['88305 x2'],
  },
  {
    name: 'report for a label no procedure documented → still coded, warning',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A'), report('C')] },
    lines: ['88305 x2'],
    findings: ['pathology/report-for-unknown-specimen'],
  },
  {
    name: 'Mohs tissue: no level or frozen lines; trichrome → 88314-59 per block; MART-1 → 88342-59; toluidine routine',
    encounter: {
      procedures: [
        proc({ id: 'm1', kind: 'mohs', lesionLabels: ['A'], specimenLabel: 'M1', site: { text: 'nose', key: 'nose' }, stages: [{ stage: 1, blocks: 2 }] }),
      ],
      pathology: [
        report('M1', {
          specimenType: 'mohs',
          frozenSectionBlocks: 2,
          stains: [
            { name: 'toluidine blue', group: 'frozen', blocks: 2 },
            { name: 'trichrome', group: 'frozen', blocks: 2 },
          ],
          ihc: [{ antibody: 'MART-1' }],
        }),
      ],
    },
    lines: ['88314-59 x2', '88342-59'],
    findings: ['pathology/mohs-tissue'],
  },
  {
    name: 'Mohs debulk sent for permanent sections → its own 88305 with the distinct modifier',
    encounter: {
      procedures: [
        proc({
          id: 'mm',
          kind: 'mohs',
          lesionLabels: ['A'],
          site: { text: 'nose', key: 'nose' },
          stages: [{ stage: 1, blocks: 2 }],
          text: 'Mohs, stage 1 clear. Debulk specimen sent for permanent sections (specimen D).',
        }),
      ],
      specimens: [{ label: 'D', lesionLabel: 'A', procedureId: 'mm' }],
      pathology: [report('D')],
    },
    settings: { payer: 'medicare' },
    lines: ['88305-XS'],
    findings: ['pathology/level-per-specimen'],
  },
  {
    name: 'a specimen linked to Mohs with no separate-tissue wording is Mohs tissue → no line',
    encounter: {
      procedures: [
        proc({
          id: 'mm',
          kind: 'mohs',
          lesionLabels: ['A'],
          site: { text: 'nose', key: 'nose' },
          stages: [{ stage: 1, blocks: 2 }],
          text: 'Mohs stage 1, 2 blocks, clear.',
        }),
      ],
      specimens: [{ label: 'M', lesionLabel: 'A', procedureId: 'mm' }],
      pathology: [report('M')],
    },
    lines: [],
  },
  {
    name: 'Mohs IHC on Medicare → XS',
    encounter: {
      specimens: [{ label: 'M1', type: 'mohs' }],
      pathology: [report('M1', { specimenType: 'mohs', ihc: [{ antibody: 'MART-1' }, { antibody: 'SOX10' }] })],
    },
    settings: { payer: 'medicare' },
    lines: ['88342-XS', '88341-XS'],
  },
  {
    name: 'entered 88307 for a skin specimen → error',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A')], enteredCharges: [{ code: '88307' }] },
    lines: ['88305'],
    findings: ['pathology/skin-never-88307'],
  },
  {
    name: 'report read by an outside lab while the practice bills → info',
    encounter: { specimens: [{ label: 'A' }], pathology: [report('A', { readBy: 'external' })] },
    lines: ['88305'],
    findings: ['pathology/read-by-outside-lab'],
  },
  {
    name: 'procedure names a specimen the list lacks → still a pathology line (tag → 88304)',
    encounter: { procedures: [proc({ kind: 'skin-tag-removal', specimenLabel: 'B', lesionLabels: ['B'], site: { text: 'neck', key: 'neck' } })] },
    lines: ['88304'],
    status: ['held-for-pathology'],
  },
];

const bx = (text: string, extra: Record<string, unknown> = {}) =>
  proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: { text: 'nose', key: 'nose' }, text, ...extra });

cases.push(
  {
    name: 'frozen section written in the excision note (2 blocks) + permanent sections pending → 88305 held, 88331, 88332',
    encounter: {
      procedures: [
        proc({
          id: 'x1',
          kind: 'excision',
          lesionLabels: ['A'],
          specimenLabel: 'A',
          site: { text: 'R helix', key: 'helix' },
          text: 'Excision with 4 mm margins. Intraoperative frozen section, 2 blocks, read by in-house dermatopathologist: superior margin positive. Specimen A (permanent sections) to in-house dermpath.',
        }),
      ],
      specimens: [{ label: 'A', lesionLabel: 'A', procedureId: 'x1', destination: 'in-house' }],
    },
    lines: ['88305', '88331', '88332'],
    status: ['held-for-pathology', 'ready', 'ready'],
  },
  {
    name: 'frozen section without a block count → 88331 only + warning',
    encounter: { procedures: [bx('Shave biopsy with frozen section read immediately: BCC. Sent for permanent sections.')] },
    lines: ['88305', '88331'],
    findings: ['pathology/frozen-section'],
    status: ['held-for-pathology', 'ready'],
  },
  {
    name: '"no frozen section" is not a frozen section',
    encounter: { procedures: [bx('Shave biopsy, no frozen section requested.')] },
    lines: ['88305'],
    status: ['held-for-pathology'],
  },
  {
    name: 'Mohs note: trichrome on 2 of the frozen blocks → 88314-59 x2',
    encounter: {
      procedures: [
        proc({
          kind: 'mohs',
          lesionLabels: ['A'],
          site: { text: 'R upper back', key: 'upper-back' },
          stages: [{ stage: 1, blocks: 3 }],
          text: 'Stage 1: 3 blocks. A Masson trichrome special stain was performed on 2 of the frozen blocks (non-routine). Margins clear.',
        }),
      ],
    },
    lines: ['88314-59 x2'],
  },
  {
    name: 'Mohs note: toluidine blue is routine → no stain line',
    encounter: {
      procedures: [
        proc({
          kind: 'mohs',
          lesionLabels: ['A'],
          site: { text: 'nose', key: 'nose' },
          stages: [{ stage: 1, blocks: 2 }],
          text: 'Frozen sections stained with toluidine blue; clear after stage 1.',
        }),
      ],
    },
    lines: [],
  },
  {
    name: 'Mohs note: MART-1 immunostain on frozen sections, Medicare → 88342-XS',
    encounter: {
      procedures: [
        proc({
          kind: 'mohs',
          lesionLabels: ['A'],
          site: { text: 'cheek', key: 'cheek' },
          stages: [{ stage: 1, blocks: 4 }],
          text: 'MART-1 immunostain performed on frozen sections of stage 1 for melanoma in situ.',
        }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['88342-XS'],
    // The blocks stained are not counted: coded as one specimen, with a warning asking for the count.
    findings: ['pathology/mohs-tissue'],
  },
);

describe('pathology rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = codeWith(pathologyRules, c.encounter, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
      if (c.status) expect(result.full.map((l) => l.status)).toEqual(c.status);
    });
  }

  it('same-day frozen-section biopsy that led to Mohs (no permanent sections) → 88331-XS, no 88305', () => {
    const result = codeWith(
      pathologyRules,
      {
        procedures: [
          proc({
            kind: 'biopsy-tangential',
            site: { text: 'R nasal ala', key: 'nasal-ala' },
            drivesDecision: true,
            text: 'Shave biopsy of the lesion; frozen section (1 block) read immediately by Dr. Patel: basal cell carcinoma, nodular.',
          }),
          proc({ kind: 'mohs', site: { text: 'R nasal ala', key: 'nasal-ala' }, stages: [{ stage: 1, blocks: 3 }] }),
        ],
        specimens: [{ label: 'A' }],
      },
      { payer: 'medicare' },
    );
    // The specimen record here has no procedure link, so its level line stays (held); the frozen line gets XS.
    expect(result.lines).toEqual(['88305', '88331-XS'].map(L));
  });

  it('frozen-section biopsy at the Mohs site with list-number labels → 88331-XS', () => {
    const nose = { text: 'R nasal ala', key: 'nasal-ala', laterality: 'right' as const };
    const result = codeWith(
      pathologyRules,
      {
        procedures: [
          proc({
            id: 'b1',
            kind: 'biopsy-tangential',
            lesionLabels: ['1'],
            specimenLabel: '1',
            site: nose,
            text: 'Shave biopsy; frozen section (1 block) read immediately: BCC, nodular.',
          }),
          proc({ kind: 'mohs', lesionLabels: ['2'], site: nose, stages: [{ stage: 1, blocks: 3 }] }),
        ],
        specimens: [{ label: '1', lesionLabel: '1', procedureId: 'b1' }],
      },
      { payer: 'medicare' },
    );
    expect(result.lines).toEqual([L('88331-XS')]);
  });

  it('a routine biopsy of another site on a Mohs day keeps a plain 88305', () => {
    const result = codeWith(pathologyRules, {
      procedures: [
        proc({
          id: 'b1',
          kind: 'biopsy-tangential',
          lesionLabels: ['3'],
          specimenLabel: 'C',
          site: { text: 'R mid back', key: 'mid-back' },
          text: 'shave biopsy, to in-house dermpath',
        }),
        proc({ kind: 'mohs', lesionLabels: ['1'], site: { text: 'nose', key: 'nasal-sidewall' }, stages: [{ stage: 1, blocks: 3 }] }),
      ],
      specimens: [{ label: 'C', lesionLabel: '3', procedureId: 'b1', destination: 'in-house' }],
    });
    expect(result.lines).toEqual([L('88305')]);
  });

  it('frozen-only biopsy specimen linked to its procedure → no 88305, info finding', () => {
    const result = codeWith(pathologyRules, {
      procedures: [
        proc({
          id: 'b1',
          kind: 'biopsy-tangential',
          specimenLabel: 'A',
          site: { text: 'nose', key: 'nose' },
          drivesDecision: true,
          text: 'Shave biopsy; frozen section (1 block) read immediately: BCC.',
        }),
        proc({ kind: 'mohs', site: { text: 'nose', key: 'nose' }, stages: [{ stage: 1, blocks: 3 }] }),
      ],
      specimens: [{ label: 'A', procedureId: 'b1' }],
    });
    expect(result.lines).toEqual([L('88331-59')]);
    expect(result.findings).toEqual(['pathology/level-per-specimen']);
    expect(result.draft.specimens).toEqual([expect.objectContaining({ label: 'A', status: 'billed' })]);
  });

  it('diagnostic biopsy read before Mohs of the same lesion → distinct modifier on its pathology line (Medicare XS)', () => {
    const result = codeWith(
      [...biopsyRules, ...pathologyRules],
      {
        procedures: [
          proc({ kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', drivesDecision: true, site: { text: 'nose', key: 'nose' } }),
          proc({ kind: 'mohs', lesionLabels: ['A'], site: { text: 'nose', key: 'nose' }, stages: [{ stage: 1, blocks: 3 }] }),
        ],
        pathology: [report('A', { frozenSectionBlocks: 1 })],
      },
      { payer: 'medicare' },
    );
    expect(result.lines.filter((l) => l.code.startsWith('88'))).toEqual(['88305-XS', '88331-XS'].map(L));
  });

  for (const [name, note, expected] of [
    ['"Not sent." in the procedure paragraph → no 88305, info', 'Excision of hidradenitis of the R axilla to fat. Layered closure. Not sent.', []],
    [
      '"not sent" for one lesion, but the specimen went to dermpath → 88305 held',
      'Shave biopsy R arm, specimen A to dermpath. Tags snipped, not sent.',
      ['88305'],
    ],
  ] as const) {
    it(`specimen without a report: ${name}`, () => {
      const result = codeWith([...pathologyRules], {
        sections: { note },
        procedures: [proc({ id: 'x1', kind: 'biopsy-tangential', specimenLabel: 'A', text: note.slice(0, 20), span: { section: 'note', start: 0, end: 20 } })],
        specimens: [{ label: 'A', procedureId: 'x1', destination: 'unknown' }],
      });
      expect(result.lines.map((l) => l.code)).toEqual([...expected]);
      expect(result.findings.includes('pathology/level-per-specimen')).toBe(expected.length === 0);
    });
  }

  for (const [name, text, expected] of [
    [
      'only read as a frozen section → 88331-XS, no 88305 (§6.3 "88331, or 88305")',
      'Shave biopsy; frozen section (1 block) read immediately: BCC.',
      ['88331-XS'],
    ],
    [
      'frozen section and permanent sections → 88305-XS + 88331-XS',
      'Shave biopsy; frozen section (1 block) read immediately: BCC. Remainder submitted for permanent sections.',
      ['88305-XS', '88331-XS'],
    ],
  ] as const) {
    it(`diagnostic biopsy before Mohs, ${name}`, () => {
      const result = codeWith(
        [...biopsyRules, ...pathologyRules],
        {
          procedures: [
            proc({
              id: 'b1',
              kind: 'biopsy-tangential',
              lesionLabels: ['A'],
              specimenLabel: 'A',
              drivesDecision: true,
              site: { text: 'nose', key: 'nose' },
              text,
            }),
            proc({ kind: 'mohs', lesionLabels: ['A'], site: { text: 'nose', key: 'nose' }, stages: [{ stage: 1, blocks: 3 }] }),
          ],
          specimens: [{ label: 'A', lesionLabel: 'A', procedureId: 'b1', destination: 'unknown' }],
          pathology: [report('A', { frozenSectionBlocks: 1 })],
        },
        { payer: 'medicare' },
      );
      expect(result.lines.filter((l) => l.code.startsWith('88'))).toEqual(expected.map(L));
    });
  }

  it('biopsy tagged diagnostic-before-definitive by another rule → 59 on its pathology (commercial)', () => {
    const tagger = defineRule({
      id: 'biopsy/test-tagger',
      family: 'biopsy',
      phase: 'code',
      title: 'test: tags a biopsy line',
      explain: 'Stands in for the biopsy rule that tags a same-day diagnostic biopsy.',
      references: [],
      status: 'stable',
      apply(ctx) {
        ctx.addLine({ code: '11102', specimenLabels: ['A'], lesionLabels: ['A'], tags: ['biopsy', 'diagnostic-before-definitive'] });
      },
    });
    const result = codeWith([tagger, ...pathologyRules], {
      procedures: [proc({ kind: 'mohs', lesionLabels: ['A'], site: { text: 'nose', key: 'nose' }, stages: [{ stage: 1, blocks: 3 }] })],
      specimens: [{ label: 'A', lesionLabel: 'A' }],
      pathology: [report('A')],
    });
    expect(result.lines).toEqual(['11102', '88305-59'].map(L));
  });

  it('no distinct modifier on a biopsy pathology line when no Mohs was done', () => {
    const result = codeWith(pathologyRules, {
      procedures: [proc({ kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A', drivesDecision: true, site: { text: 'back', key: 'back' } })],
      pathology: [report('A')],
    });
    expect(result.lines).toEqual([L('88305')]);
  });

  it('whole registry: specimens still tracked when the outside lab bills', () => {
    const result = code({ specimens: [{ label: 'A' }, { label: 'B' }], pathology: [report('A')] }, { pathology: 'external' });
    expect(result.lines.filter((l) => l.code.startsWith('88'))).toEqual([]);
    expect(result.draft.specimens.map((s) => [s.label, s.status])).toEqual([
      ['A', 'billed'],
      ['B', 'sent'],
    ]);
  });
});
