import { describe, expect, it } from 'vitest';
import type { PtpTable } from '../../../../core/codes/ncci';
import type { NewLine } from '../../../../core/rules/draft-line';
import { code, L, proc } from '../harness';
import { check } from './checks-harness';

const MPR = 'checks/multiple-procedure-reduction';
const line = (code: string, lesion?: string, extra: Partial<NewLine> = {}): NewLine => ({ code, lesionLabels: lesion ? [lesion] : [], ...extra });

function imported(rows: [string, string, string | null, string | null, 0 | 1 | 9][], effectiveFrom = '2025-01-01', version = 'v310r0'): PtpTable {
  return {
    kind: 'ncci-ptp',
    version,
    effectiveFrom,
    source: `ccipra-${version}-f1.txt`,
    complete: true,
    filtered: false,
    rationales: ['Mutually exclusive procedures'],
    rows: rows.map((r) => [...r, 0]),
    edits: [],
  };
}

describe('checks/ncci-ptp (built-in historical rows)', () => {
  const cases: {
    name: string;
    lines: NewLine[];
    payer?: 'medicare' | 'commercial';
    dos?: string;
    expect: string[];
    findings: string[];
  }[] = [
    {
      name: '17000/11900 on different lesions, commercial → 59 on column 2',
      lines: [line('17000', 'A'), line('11900', 'B')],
      expect: ['17000', '11900-59'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17000/11900 on different lesions, Medicare → XS on column 2',
      lines: [line('17000', 'A'), line('11900', 'B')],
      payer: 'medicare',
      expect: ['17000', '11900-XS'],
      findings: ['checks/ncci-ptp', MPR],
    },
    {
      name: '17000/11901 on the same lesion → no modifier, bundled error',
      lines: [line('17000', 'A'), line('11901', 'A')],
      expect: ['17000', '11901'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17110/11400 with different site keys and no labels → XS by site',
      lines: [line('17110', undefined, { siteKey: 'hand' }), line('11400', undefined, { siteKey: 'back' })],
      payer: 'medicare',
      expect: ['17110', '11400-XS'],
      findings: ['checks/ncci-ptp', MPR],
    },
    {
      name: 'lesion/site unknown → no modifier, warning asks for sites',
      lines: [line('17000'), line('11200')],
      expect: ['17000', '11200'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: 'column 2 already carries an NCCI-associated modifier → nothing to do',
      lines: [line('17000', 'A'), line('11900', 'B', { modifiers: ['XS'] })],
      payer: 'medicare',
      expect: ['17000', '11900-XS'],
      findings: [MPR],
    },
    {
      name: 'pair before the row took effect (1997) → no edit',
      lines: [line('17000', 'A'), line('11900', 'B')],
      dos: '1997-06-01',
      expect: ['17000', '11900'],
      findings: [],
    },
    {
      name: '17311/17313 on two tumors, Medicare → XS on 17313',
      lines: [line('17311', 'A', { siteKey: 'nose' }), line('17313', 'B', { siteKey: 'back' })],
      payer: 'medicare',
      expect: ['17311', '17313-XS'],
      findings: ['checks/ncci-ptp', MPR],
    },
    {
      name: '17000/17262 on different lesions, Medicare → XS on 17262 (§11.3 range row)',
      lines: [line('17000', 'A'), line('17262', 'B')],
      payer: 'medicare',
      expect: ['17000', '17262-XS'],
      findings: ['checks/ncci-ptp', MPR],
    },
    {
      name: '17004/17286 on different lesions, commercial → 59 on 17286',
      lines: [line('17004', 'A'), line('17286', 'B')],
      expect: ['17004', '17286-59'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17000/17271 on the same lesion → bundled error, no modifier',
      lines: [line('17000', 'A'), line('17271', 'A')],
      expect: ['17000', '17271'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17000/17271 on the same dorsal hand, no lesion labels: AKs and an SCC in situ are different lesions → 59',
      lines: [line('17000', undefined, { siteKey: 'dorsal-hand' }), line('17271', undefined, { siteKey: 'dorsal-hand' })],
      expect: ['17000', '17271-59'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17000/11900 on the same site without labels → still the same site, bundled',
      lines: [line('17000', undefined, { siteKey: 'forearm' }), line('11900', undefined, { siteKey: 'forearm' })],
      expect: ['17000', '11900'],
      findings: ['checks/ncci-ptp'],
    },
    {
      name: '17000/17262 before NCCI v11.0 (2004) → no edit',
      lines: [line('17000', 'A'), line('17262', 'B')],
      dos: '2004-06-01',
      expect: ['17000', '17262'],
      // No row in force, so the pair is named as unchecked instead.
      findings: ['checks/edits-not-checked'],
    },
    {
      name: 'self-pay line is not on the claim → no edit',
      lines: [line('17000', 'A'), line('11200', 'B', { billing: 'self-pay' })],
      expect: ['17000', '11200'],
      findings: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: c.dos ?? '2025-03-01' } }, { payer: c.payer ?? 'commercial' });
      expect(r.lines).toEqual(c.expect.map(L));
      expect(r.findings).toEqual(c.findings);
    });
  }

  it('severities: info when a modifier was added, error on the same lesion, warning when unknown', () => {
    const sev = (lines: NewLine[]) => check(lines, { visit: { dateOfService: '2025-03-01' } }).draft.findings.map((f) => f.severity);
    expect(sev([line('17000', 'A'), line('11900', 'B')])).toEqual(['info']);
    expect(sev([line('17000', 'A'), line('11900', 'A')])).toEqual(['error']);
    expect(sev([line('17000'), line('11900')])).toEqual(['warning']);
  });
});

describe('checks/ncci-ptp with an imported CMS table', () => {
  it('indicator 0 → error "will deny", the line is kept and no modifier added', () => {
    const r = check(
      [line('11102', 'A'), line('11300', 'B')],
      { visit: { dateOfService: '2025-05-01' } },
      { edits: { ptp: [imported([['11300', '11102', '2020-01-01', null, 0]])] } },
    );
    expect(r.lines).toEqual(['11102', '11300'].map(L));
    expect(r.findings).toEqual(['checks/ncci-ptp']);
    expect(r.draft.findings[0]?.severity).toBe('error');
    expect(r.draft.findings[0]?.message).toContain('Will deny: NCCI pair 11300/11102');
  });

  it('indicator 9 → ignored', () => {
    const r = check(
      [line('11102', 'A'), line('11300', 'B')],
      { visit: { dateOfService: '2025-05-01' } },
      { edits: { ptp: [imported([['11300', '11102', '2020-01-01', null, 9]])] } },
    );
    expect(r.lines).toEqual(['11102', '11300'].map(L));
    expect(r.findings).toEqual([]);
  });

  it('a deleted edit applies through its deletion date and not after it', () => {
    const table = imported([['11300', '11102', '2020-01-01', '2024-12-31', 1]]);
    const onLastDay = check(
      [line('11300', 'A'), line('11102', 'B')],
      { visit: { dateOfService: '2024-12-31' } },
      { payer: 'medicare', edits: { ptp: [table] } },
    );
    expect(onLastDay.lines).toEqual(['11300', '11102-XS'].map(L));
    const after = check([line('11300', 'A'), line('11102', 'B')], { visit: { dateOfService: '2025-01-01' } }, { payer: 'medicare', edits: { ptp: [table] } });
    expect(after.lines).toEqual(['11300', '11102'].map(L));
    expect(after.findings).toEqual([MPR]);
  });

  it('an imported table replaces the built-in rows: a pair it does not list has no edit', () => {
    const r = check([line('17000', 'A'), line('11900', 'B')], { visit: { dateOfService: '2025-05-01' } }, { edits: { ptp: [imported([])] } });
    expect(r.lines).toEqual(['17000', '11900'].map(L));
    expect(r.findings).toEqual([]);
  });

  it('indicator 1 with an add-on in column 2 → the modifier goes on column 1', () => {
    const r = check(
      [line('11102', 'A'), line('11103', 'B'), line('11300', 'C')],
      { visit: { dateOfService: '2025-05-01' } },
      { payer: 'medicare', edits: { ptp: [imported([['11300', '11103', '2020-01-01', null, 1]])] } },
    );
    expect(r.lines).toEqual(['11102', '11103', '11300-XS'].map(L));
    expect(r.findings).toEqual(['checks/ncci-ptp', MPR]);
  });

  it('E/M in column 2 without 25 → warning, no 59/X anywhere', () => {
    const r = check(
      [line('99213'), line('96372')],
      { visit: { dateOfService: '2025-05-01' } },
      { edits: { ptp: [imported([['96372', '99213', '2020-01-01', null, 1]])] } },
    );
    expect(r.lines).toEqual(['99213', '96372'].map(L));
    expect(r.findings).toEqual(['checks/ncci-ptp']);
    expect(r.draft.findings[0]?.severity).toBe('warning');
    const with25 = check(
      [line('99213', undefined, { modifiers: ['25'] }), line('96372')],
      { visit: { dateOfService: '2025-05-01' } },
      { edits: { ptp: [imported([['96372', '99213', '2020-01-01', null, 1]])] } },
    );
    expect(with25.findings).toEqual([]);
  });
  it('E/M in column 1 → the bypass is 25 on the E/M, not 59 on the procedure', () => {
    const table = imported([['99213', '96372', '2020-01-01', null, 1]]);
    const r = check([line('99213'), line('96372')], { visit: { dateOfService: '2025-05-01' } }, { edits: { ptp: [table] } });
    expect(r.lines).toEqual(['99213', '96372'].map(L));
    expect(r.findings).toEqual(['checks/ncci-ptp']);
    expect(r.draft.findings[0]?.fix).toContain('Add 25 to 99213');
  });
});

describe('checks/edits-not-checked', () => {
  it('an unverified pair on the claim → one info finding naming it and the MUE gaps', () => {
    const r = check([line('11102', 'A'), line('11103', 'B', { units: 2 }), line('11442', 'C')], { visit: { dateOfService: '2025-05-01' } });
    expect(r.findings).toEqual(['checks/edits-not-checked']);
    const f = r.draft.findings[0];
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('11102/11442, 11103/11442 (biopsy 11102-11107 vs excision 11400-11646)');
    expect(f?.message).toContain('MUE not checked for 3 codes');
    expect(f?.message).toContain('11103×2');
    expect(f?.fix).toContain('dermlens data import-ncci');
  });

  it('no unverified pair → no finding', () => {
    const r = check([line('11102', 'A'), line('11103', 'B', { units: 2 })], { visit: { dateOfService: '2025-05-01' } });
    expect(r.findings).toEqual([]);
  });

  it('an imported PTP table for the DOS answers every pair → no finding', () => {
    const r = check([line('11102', 'A'), line('11442', 'C')], { visit: { dateOfService: '2025-05-01' } }, { edits: { ptp: [imported([])] } });
    expect(r.findings).toEqual([]);
  });

  it('Mohs with a repair and 96372 with an E/M are named', () => {
    const r = check([line('99213', undefined, { modifiers: ['25'] }), line('17311', 'A'), line('13132', 'A'), line('96372')], {
      visit: { dateOfService: '2025-05-01' },
    });
    expect(r.findings).toEqual(['checks/edits-not-checked']);
    expect(r.draft.findings[0]?.message).toContain('99213/96372');
    expect(r.draft.findings[0]?.message).toContain('17311/13132');
  });
});

describe('NCCI through the whole registry', () => {
  it('AK destruction + intralesional injection on another lesion → 11900-59', () => {
    const r = code({
      visit: { dateOfService: '2025-03-01' },
      lesions: [{ label: 'A' }, { label: 'B' }],
      procedures: [
        proc({ kind: 'destruction-premalignant', lesionLabels: ['A'], count: 1, site: { key: 'forehead', text: 'forehead' }, lesionType: 'actinic keratosis' }),
        proc({ kind: 'intralesional-injection', lesionLabels: ['B'], count: 1, site: { key: 'back', text: 'back' } }),
      ],
    });
    expect(r.lines.filter((l) => /^1/.test(l.code))).toEqual(['17000', '11900-59'].map(L));
    expect(r.findings).toContain('checks/ncci-ptp');
  });
});

describe('bad imported tables never crash the checks', () => {
  it.each([
    ['not an array', { ptp: 'x', mue: 42 }],
    ['arrays of junk', { ptp: [null, 1, { kind: 'ncci-ptp' }], mue: [{}, { kind: 'mue', version: 'v', rows: [null, ['11102']] }] }],
    ['minimal tables without seed fields', { ptp: [{ kind: 'ncci-ptp', version: 'v', rows: [['17000', '11900', '2020-01-01', null, 0, 9]] }] }],
  ])('%s', (_name, edits) => {
    const r = check([line('17000', 'A'), line('11900', 'B')], { visit: { dateOfService: '2025-03-01' } }, { edits: edits as never });
    expect(r.draft.findings.filter((f) => f.message.startsWith('Internal error'))).toEqual([]);
    expect(r.lines.map((l) => l.code)).toEqual(['17000', '11900']);
  });
});
