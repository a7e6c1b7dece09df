import { describe, expect, it } from 'vitest';
import type { EncounterInput, ProcedureInput } from '../../../../core/model';
import { anatomicModifier } from '../../../../core/rules/checks/distinct-service';
import type { NewLine } from '../../../../core/rules/draft-line';
import { code, L, proc } from '../harness';
import { check } from './checks-harness';

const MPR = 'checks/multiple-procedure-reduction';

function procedureAt(id: string, site: ProcedureInput['site']): ProcedureInput {
  return { id, kind: 'excision', lesionLabels: [id.toUpperCase()], site };
}

describe('checks/identical-codes', () => {
  const cases: { name: string; lines: NewLine[]; encounter?: EncounterInput; payer?: 'medicare' | 'commercial'; expect: string[]; findings: string[] }[] = [
    {
      name: 'two 11642 for two lesions, commercial → 59 on the second',
      lines: [
        { code: '11642', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'] },
      ],
      expect: ['11642', '11642-59'],
      findings: [],
    },
    {
      name: 'three 11642, Medicare → XS on the second and third',
      lines: [
        { code: '11642', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'] },
        { code: '11642', lesionLabels: ['C'] },
      ],
      payer: 'medicare',
      expect: ['11642', '11642-XS', '11642-XS'],
      findings: [MPR],
    },
    {
      name: 'two 17311 for two tumors, Medicare → XS on the second',
      lines: [
        { code: '17311', lesionLabels: ['A'], siteKey: 'nose' },
        { code: '17312', lesionLabels: ['A'] },
        { code: '17311', lesionLabels: ['B'], siteKey: 'scalp' },
      ],
      payer: 'medicare',
      expect: ['17311', '17312', '17311-XS'],
      findings: [MPR],
    },
    {
      name: 'add-ons on separate lines never take 59',
      lines: [
        { code: '17311', lesionLabels: ['A'] },
        { code: '17312', lesionLabels: ['A'] },
        { code: '17311', lesionLabels: ['B'] },
        { code: '17312', lesionLabels: ['B'] },
      ],
      expect: ['17311', '17312', '17311-59', '17312'],
      findings: [],
    },
    {
      name: 'a line that already has a distinct modifier is left alone',
      lines: [
        { code: '11642', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['B'], modifiers: ['XS'] },
      ],
      payer: 'medicare',
      expect: ['11642', '11642-XS'],
      findings: [MPR],
    },
    {
      name: 'different finger modifiers already tell them apart → no 59',
      lines: [
        { code: '11420', lesionLabels: ['A'], modifiers: ['F1'] },
        { code: '11420', lesionLabels: ['B'], modifiers: ['F2'] },
      ],
      expect: ['11420-F1', '11420-F2'],
      findings: [],
    },
    {
      name: 'same lesion on two lines → warning, no modifier',
      lines: [
        { code: '11642', lesionLabels: ['A'] },
        { code: '11642', lesionLabels: ['A'] },
      ],
      expect: ['11642', '11642'],
      findings: ['checks/identical-codes'],
    },
    {
      name: 'two 88305 for two specimens of one lesion → 59 (specimens are distinct)',
      lines: [
        { code: '88305', lesionLabels: ['A'], specimenLabels: ['A1'] },
        { code: '88305', lesionLabels: ['A'], specimenLabels: ['A2'] },
      ],
      expect: ['88305', '88305-59'],
      findings: [],
    },
    {
      name: 'drug lines (J codes) and E/M lines are never distinct services',
      lines: [{ code: 'J3301', units: 4 }, { code: 'J3301', modifiers: ['JW'] }, { code: '99213' }, { code: '99213' }],
      expect: ['J3301 x4', 'J3301-JW', '99213', '99213'],
      findings: [],
    },
    {
      name: 'identical codes left and right → info about LT/RT (not added)',
      lines: [
        { code: '11402', lesionLabels: ['A'], procedureIds: ['a'] },
        { code: '11402', lesionLabels: ['B'], procedureIds: ['b'] },
      ],
      encounter: {
        procedures: [
          procedureAt('a', { text: 'left forearm', key: 'forearm', laterality: 'left' }),
          procedureAt('b', { text: 'right forearm', key: 'forearm', laterality: 'right' }),
        ],
      },
      expect: ['11402', '11402-59'],
      findings: ['checks/identical-codes'],
    },
    {
      name: 'self-pay lines are not compared',
      lines: [
        { code: '11300', lesionLabels: ['A'], billing: 'self-pay' },
        { code: '11300', lesionLabels: ['B'], billing: 'self-pay' },
      ],
      expect: ['11300', '11300'],
      findings: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: '2025-03-01' }, ...c.encounter }, { payer: c.payer ?? 'commercial' });
      expect(r.lines).toEqual(c.expect.map(L));
      expect(r.findings).toEqual(c.findings);
    });
  }
});

describe('checks/anatomic-modifiers', () => {
  const cases: { name: string; site: ProcedureInput['site']; expect: string; finding?: boolean }[] = [
    { name: 'left upper eyelid → E1', site: { text: 'left upper eyelid', key: 'upper-eyelid', laterality: 'left' }, expect: '67810-E1' },
    { name: 'left lower eyelid → E2', site: { text: 'L lower lid', key: 'lower-eyelid', laterality: 'left' }, expect: '67810-E2' },
    { name: 'right upper eyelid (subsite) → E3', site: { text: 'right eyelid', key: 'eyelid', laterality: 'right', subsite: 'upper' }, expect: '67810-E3' },
    { name: 'right lower eyelid → E4', site: { text: 'right lower eyelid', key: 'eyelid', laterality: 'right' }, expect: '67810-E4' },
    { name: 'eyelid, lid not stated → info, no modifier', site: { text: 'left eyelid', key: 'eyelid', laterality: 'left' }, expect: '67810', finding: true },
    {
      name: 'lower eyelid/cheek junction → info, no modifier (not clearly on the lid)',
      site: { text: 'R lower eyelid skin/cheek junction', key: 'lower-eyelid', laterality: 'right' },
      expect: '67810',
      finding: true,
    },
    {
      name: 'R medial canthus (where the lids meet) → info, no modifier',
      site: { text: 'R medial canthus', key: 'canthus', laterality: 'right' },
      expect: '67810',
      finding: true,
    },
    { name: 'R medial canthus, lower lid → E4', site: { text: 'R medial canthus, lower lid', key: 'canthus', laterality: 'right' }, expect: '67810-E4' },
    {
      name: 'junction of the upper lid and brow → info, no modifier',
      site: { text: 'junction of the left upper eyelid and brow', key: 'upper-eyelid', laterality: 'left' },
      expect: '67810',
      finding: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check([{ code: '67810', lesionLabels: ['A'], procedureIds: ['p'] }], {
        visit: { dateOfService: '2025-03-01' },
        procedures: [{ id: 'p', kind: 'biopsy-incisional', lesionLabels: ['A'], site: c.site }],
      });
      expect(r.lines).toEqual([L(c.expect)]);
      expect(r.findings).toEqual(c.finding ? ['checks/anatomic-modifiers'] : []);
    });
  }

  for (const [name, problem, expected] of [
    [
      'problem lists two digits for one destruction → no single digit modifier, info',
      '3. Verruca vulgaris x4 -- R index finger x2, L thumb x2; painful.',
      '17110',
    ],
    ['problem names only that digit → F6', '3. Verruca vulgaris x2 -- R index finger x2; painful.', '17110-F6'],
  ] as const) {
    it(name, () => {
      const proc = 'Procedure: Destruction benign lesions   Method: LN2   Count: 4';
      const section = `${problem}\n   ${proc}`;
      const start = section.indexOf('Procedure:');
      const r = check([{ code: '17110', lesionLabels: ['3'], procedureIds: ['p'] }], {
        visit: { dateOfService: '2025-03-01', problems: [{ text: 'Verruca vulgaris', span: { section: 'AP', start: 0, end: section.length } }] },
        sections: { AP: section },
        procedures: [
          {
            id: 'p',
            kind: 'destruction-benign',
            lesionLabels: ['3'],
            site: { text: 'R index finger', key: 'finger', laterality: 'right', subsite: '2' },
            text: proc,
            span: { section: 'AP', start, end: section.length },
          },
        ],
      });
      expect(r.lines).toEqual([L(expected)]);
      expect(r.findings).toEqual(expected === '17110' ? ['checks/anatomic-modifiers'] : []);
    });
  }

  it('17311 and 17312 of one lesion missing the same lid: one finding naming both lines', () => {
    const r = check(
      [
        { code: '17311', lesionLabels: ['L1'], procedureIds: ['m'] },
        { code: '17312', lesionLabels: ['L1'], procedureIds: ['m'] },
      ],
      {
        visit: { dateOfService: '2025-03-01' },
        procedures: [{ id: 'm', kind: 'mohs', lesionLabels: ['L1'], site: { text: 'L eyelid', key: 'eyelid', laterality: 'left' } }],
      },
    );
    expect(r.lines).toEqual([L('17311'), L('17312')]);
    expect(r.draft.findings.filter((f) => f.rule === 'checks/anatomic-modifiers').map((f) => f.message)).toEqual([
      '17311, 17312 (L1) are on an eyelid, but the note does not say which eyelid (upper or lower) and the side; UnitedHealthcare requires the eyelid modifier.',
    ]);
  });

  it('17311, 17312 and 17315 at the lower lid/cheek junction: one junction finding naming the three lines', () => {
    const r = check(
      [
        { code: '17311', lesionLabels: ['L1'], procedureIds: ['m'] },
        { code: '17312', lesionLabels: ['L1'], procedureIds: ['m'] },
        { code: '17315', units: 2, lesionLabels: ['L1'], procedureIds: ['m'] },
      ],
      {
        visit: { dateOfService: '2025-03-01' },
        procedures: [
          { id: 'm', kind: 'mohs', lesionLabels: ['L1'], site: { text: 'R lower eyelid skin/cheek junction', key: 'lower-eyelid', laterality: 'right' } },
        ],
      },
    );
    expect(r.draft.findings.filter((f) => f.rule === 'checks/anatomic-modifiers').map((f) => f.message)).toEqual([
      '17311, 17312, 17315 (L1) are at the junction of the eyelid and a neighbouring unit, so no eyelid modifier was added.',
    ]);
  });

  it.each([
    [
      "warts on the fingers and palms, then a tag line: the palms are the other place, not the tags' neck",
      'Verruca vulgaris, fourteen lesions on the fingers and palms of both hands: LN2.\nAcrochordons, neck: snipped.\n',
      'palms',
    ],
    [
      'warts on the fingers only, then a tag line on the neck: no spread',
      'Verruca vulgaris, fourteen lesions on the fingers: LN2.\nAcrochordons, neck: snipped.\n',
      undefined,
    ],
  ])('%s', (_name, note, elsewhere) => {
    const warts = note.indexOf('\n');
    const r = check([{ code: '17110', lesionLabels: [], procedureIds: ['w'] }], {
      visit: { dateOfService: '2025-03-01' },
      sections: { note },
      procedures: [
        {
          id: 'w',
          kind: 'destruction-benign',
          count: 14,
          lesionLabels: [],
          site: { text: 'fingers', key: 'finger' },
          text: note.slice(0, warts),
          span: { section: 'note', start: 0, end: warts },
        },
        {
          id: 't',
          kind: 'skin-tag-removal',
          lesionLabels: [],
          site: { text: 'neck', key: 'neck' },
          text: 'Acrochordons, neck',
          span: { section: 'note', start: warts + 1, end: note.length - 1 },
        },
      ],
    });
    const message = r.draft.findings.find((f) => f.rule === 'checks/anatomic-modifiers')?.message ?? '';
    if (elsewhere) expect(message).toBe(`17110 counts lesions on the fingers and elsewhere (${elsewhere}), so no finger modifier was added.`);
    else expect(message).not.toContain('elsewhere');
  });

  it('one 17110 for SKs on the back and a wart on the R thumb → no thumb modifier for the whole line', () => {
    const r = check([{ code: '17110', lesionLabels: [], procedureIds: ['sk', 'wart'] }], {
      visit: { dateOfService: '2025-03-01' },
      procedures: [
        { id: 'sk', kind: 'destruction-benign', count: 4, site: { text: 'back', key: 'back' } },
        { id: 'wart', kind: 'destruction-benign', count: 1, site: { text: 'R thumb', key: 'thumb', laterality: 'right' } },
      ],
    });
    expect(r.lines).toEqual([L('17110')]);
  });

  it('one 17110 for two warts on the R thumb alone → F5', () => {
    const r = check([{ code: '17110', lesionLabels: [], procedureIds: ['wart'] }], {
      visit: { dateOfService: '2025-03-01' },
      procedures: [{ id: 'wart', kind: 'destruction-benign', count: 2, site: { text: 'R thumb', key: 'thumb', laterality: 'right' } }],
    });
    expect(r.lines).toEqual([L('17110-F5')]);
  });

  const digits: [string, ProcedureInput['site'], string | undefined][] = [
    ['left thumb', { text: 'left thumb', key: 'thumb', laterality: 'left' }, 'FA'],
    ['left index finger', { text: 'left index finger', key: 'finger', laterality: 'left' }, 'F1'],
    ['left little finger', { text: 'L fifth finger', key: 'finger', laterality: 'left' }, 'F4'],
    ['right thumb', { text: 'right thumb', key: 'thumb', laterality: 'right' }, 'F5'],
    ['right ring finger (subsite 4)', { text: 'right finger', key: 'finger', laterality: 'right', subsite: '4' }, 'F8'],
    ['right little finger', { text: 'right small finger', key: 'finger', laterality: 'right' }, 'F9'],
    ['left great toe', { text: 'left great toe', key: 'toe', laterality: 'left' }, 'TA'],
    ['left 2nd toe', { text: 'left 2nd toe', key: 'toe', laterality: 'left' }, 'T1'],
    ['right great toe', { text: 'right hallux', key: 'toe', laterality: 'right' }, 'T5'],
    ['right 5th toe', { text: 'right fifth toe', key: 'toenail', laterality: 'right' }, 'T9'],
    ['finger, side missing', { text: 'index finger', key: 'finger' }, undefined],
    ['finger, digit missing', { text: 'right finger', key: 'finger', laterality: 'right' }, undefined],
    ['bilateral', { text: 'both thumbs', key: 'thumb', laterality: 'bilateral' }, undefined],
    ['not a digit site', { text: 'left forearm', key: 'forearm', laterality: 'left' }, undefined],
  ];
  it('lid and digit from the procedure text when the site words are short', () => {
    const base = { id: 'x', kind: 'biopsy-incisional' as const, status: 'performed' as const, lesionLabels: [], indications: [] };
    expect(
      anatomicModifier({
        ...base,
        site: { text: 'lid margin', key: 'eyelid-margin', laterality: 'left' },
        text: 'Incisional biopsy of the LEFT LOWER EYELID including the lid margin.',
      }),
    ).toBe('E2');
    expect(anatomicModifier({ ...base, site: { text: 'lid margin', key: 'eyelid-margin' }, text: 'Wedge biopsy, right upper lid margin.' })).toBe('E3');
    expect(anatomicModifier({ ...base, site: { text: 'finger', key: 'finger' }, text: 'Shave of the L ring finger dorsum.' })).toBe('F3');
    // Two different lids in one block: no guess.
    expect(
      anatomicModifier({ ...base, site: { text: 'eyelid', key: 'eyelid', laterality: 'left' }, text: 'left upper lid and left lower lid lesions' }),
    ).toBeUndefined();
  });

  for (const [name, site, mod] of digits) {
    it(`digit modifier: ${name} → ${mod ?? 'none'}`, () => {
      expect(anatomicModifier({ id: 'x', kind: 'excision', status: 'performed', lesionLabels: [], indications: [], text: '', site })).toBe(mod);
    });
  }

  it('finger procedure through the whole registry → F-modifier on the biopsy line', () => {
    const r = code(
      {
        visit: { dateOfService: '2025-03-01' },
        lesions: [{ label: 'A' }],
        procedures: [
          proc({ kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A', site: { key: 'finger', text: 'left index finger', laterality: 'left' } }),
        ],
      },
      { pathology: 'external' },
    );
    expect(r.lines).toEqual([L('11104-F1')]);
  });

  it('a line covering two digits → info asking to split, no modifier', () => {
    const r = check([{ code: '11730', units: 2, lesionLabels: ['A', 'B'], procedureIds: ['a', 'b'] }], {
      procedures: [
        { id: 'a', kind: 'nail', lesionLabels: ['A'], site: { text: 'right great toe', key: 'toe', laterality: 'right' } },
        { id: 'b', kind: 'nail', lesionLabels: ['B'], site: { text: 'left great toe', key: 'toe', laterality: 'left' } },
      ],
    });
    expect(r.lines).toEqual([L('11730 x2')]);
    expect(r.findings).toEqual(['checks/anatomic-modifiers']);
    expect(r.draft.findings[0]?.message).toContain('several toes');
  });

  it('never on a line that carries 50, never on E/M or pathology lines', () => {
    const encounter: EncounterInput = {
      procedures: [{ id: 'a', kind: 'excision', lesionLabels: ['A'], site: { text: 'left thumb', key: 'thumb', laterality: 'left' } }],
    };
    const r = check(
      [
        { code: '11420', modifiers: ['50'], procedureIds: ['a'] },
        { code: '88305', procedureIds: ['a'] },
        { code: '99213', procedureIds: ['a'] },
      ],
      encounter,
    );
    expect(r.lines).toEqual(['11420-50', '88305', '99213'].map(L));
  });
});

describe('checks/distinct-modifier-conflicts', () => {
  it('59 with XS on one line, Medicare → 59 removed (info)', () => {
    const r = check([{ code: '11102', lesionLabels: ['A'], modifiers: ['59', 'XS'] }], {}, { payer: 'medicare' });
    expect(r.lines).toEqual([L('11102-XS')]);
    expect(r.findings).toEqual(['checks/distinct-modifier-conflicts']);
    expect(r.draft.findings[0]?.severity).toBe('info');
  });

  it('59 with XS on one line, commercial → kept, warning', () => {
    const r = check([{ code: '11102', lesionLabels: ['A'], modifiers: ['59', 'XS'] }], {}, { payer: 'commercial' });
    expect(r.lines).toEqual([L('11102-59-XS')]);
    expect(r.findings).toEqual(['checks/distinct-modifier-conflicts']);
    expect(r.draft.findings[0]?.severity).toBe('warning');
  });

  it('59 on an E/M → removed with a warning', () => {
    const r = check([
      { code: '99213', modifiers: ['25', '59'] },
      { code: '11102', lesionLabels: ['A'] },
    ]);
    expect(r.lines).toEqual(['99213-25', '11102'].map(L));
    expect(r.findings).toEqual(['checks/distinct-modifier-conflicts']);
  });
});
