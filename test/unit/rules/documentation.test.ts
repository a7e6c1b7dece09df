import { describe, expect, it } from 'vitest';
import type { EncounterInput } from '../../../core/model';
import { documentationRules } from '../../../core/rules/documentation';
import type { NewLine } from '../../../core/rules/draft-line';
import { registry } from '../../../core/rules/registry';
import { codeWith } from './family-harness';
import { code, proc } from './harness';
import { stubLines } from './stub';

interface Case {
  name: string;
  input: EncounterInput;
  lines?: NewLine[];
  findings: string[];
}

const dated = { dateOfService: '2026-05-04', problems: [] };
const site = (key: string) => ({ key, text: key });

const cases: Case[] = [
  { name: 'complete note → no prompts', input: { visit: dated, lesions: [{ label: 'A', site: site('back') }] }, findings: [] },
  { name: 'missing date of service', input: {}, findings: ['documentation/date-of-service'] },
  { name: 'unreadable date of service', input: { visit: { dateOfService: '14/10/2026', problems: [] } }, findings: ['documentation/date-of-service'] },
  {
    name: 'treated lesion without a site → warning',
    input: {
      visit: dated,
      lesions: [{ label: 'A', clinicalDiagnosis: 'SK' }],
      procedures: [proc({ id: 'p1', kind: 'destruction-benign', lesionLabels: ['A'] })],
    },
    lines: [{ code: '17110', procedureIds: ['p1'], lesionLabels: ['A'] }],
    findings: ['documentation/lesion-site'],
  },
  {
    name: 'site documented on the procedure covers the lesion',
    input: {
      visit: dated,
      lesions: [{ label: 'A' }],
      procedures: [proc({ id: 'p1', kind: 'destruction-benign', lesionLabels: ['A'], site: site('back') })],
    },
    lines: [{ code: '17110', procedureIds: ['p1'], lesionLabels: ['A'] }],
    findings: [],
  },
  {
    name: 'biopsy with neither lesion nor site → warning',
    input: { visit: dated, procedures: [proc({ id: 'p1', kind: 'biopsy-punch', specimenLabel: 'A' })] },
    lines: [{ code: '11104', procedureIds: ['p1'], specimenLabels: ['A'] }],
    findings: ['documentation/lesion-site'],
  },
  {
    name: 'two specimens labelled A → error',
    input: {
      visit: dated,
      specimens: [
        { label: 'A', lesionLabel: '1' },
        { label: 'a', lesionLabel: '2' },
      ],
    },
    findings: ['documentation/duplicate-specimen-label'],
  },
  {
    name: 'two procedures sending specimen B → one error',
    input: {
      visit: dated,
      procedures: [
        proc({ id: 'p1', kind: 'biopsy-punch', specimenLabel: 'B', site: site('arm') }),
        proc({ id: 'p2', kind: 'biopsy-tangential', specimenLabel: 'B', site: site('leg') }),
      ],
    },
    lines: [{ code: '11104', procedureIds: ['p1', 'p2'] }],
    findings: ['documentation/duplicate-specimen-label'],
  },
  {
    name: 'performed unlisted procedure with no line → warning',
    input: { visit: dated, procedures: [proc({ id: 'p1', kind: 'unlisted', text: 'sclerotherapy of spider veins', site: site('thigh') })] },
    findings: ['documentation/procedure-not-coded'],
  },
  {
    name: 'planned procedure with no line → nothing',
    input: { visit: dated, procedures: [proc({ id: 'p1', kind: 'excision', status: 'planned', site: site('back') })] },
    findings: [],
  },
  {
    name: 'cosmetic-only service is left to the cosmetic rules',
    input: { visit: dated, procedures: [proc({ id: 'p1', kind: 'cosmetic-other', text: 'laser resurfacing' })] },
    findings: [],
  },
];

describe('documentation rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = codeWith([...(c.lines ? [stubLines(c.lines)] : []), ...documentationRules], c.input);
      expect(r.findings).toEqual(c.findings);
    });
  }

  it.each([
    [
      'a destruction whose lesion type is missing: the family error, not also "produced no claim line"',
      proc({ id: 'p1', kind: 'destruction-unspecified', count: 2, text: 'cryo x2 lesions', site: site('arm'), span: { section: 'note', start: 0, end: 15 } }),
      ['destruction/lesion-type-documented'],
    ],
    [
      'a penile destruction: the site-specific warning says why there is no 17110',
      proc({
        id: 'p1',
        kind: 'destruction-benign',
        count: 6,
        lesionType: 'molluscum',
        site: { key: 'penis', text: 'penile shaft' },
        span: { section: 'note', start: 0, end: 15 },
      }),
      ['destruction/site-specific'],
    ],
    [
      'the same destruction with no span to tie the warning to it: the catch-all still speaks',
      proc({ id: 'p1', kind: 'destruction-unspecified', count: 2, text: 'cryo x2 lesions', site: site('arm') }),
      ['destruction/lesion-type-documented', 'documentation/procedure-not-coded'],
    ],
  ])('%s', (_name, p, findings) => {
    const r = code({ visit: dated, sections: { note: 'cryo x2 lesions.' }, procedures: [p] });
    expect(r.findings.filter((f) => f.startsWith('destruction/') || f.startsWith('documentation/'))).toEqual(findings);
  });

  it('declares documentation/could-not-read and the engine uses it for unread text', () => {
    expect(registry.some((r) => r.id === 'documentation/could-not-read')).toBe(true);
    const r = code({ visit: dated, unread: [{ text: 'bx x3 ??', reason: 'count without technique' }] });
    const f = r.draft.findings.find((x) => x.rule === 'documentation/could-not-read');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('bx x3 ??');
  });

  it('a procedure bundled away by another rule is not reported as uncoded', () => {
    const remove = stubLines([{ code: '12001', procedureIds: ['p1'] }]);
    const bundler = {
      ...remove,
      id: 'stub/bundler',
      phase: 'bundle' as const,
      apply: (ctx: Parameters<typeof remove.apply>[0]) => {
        for (const l of ctx.lines.slice()) ctx.removeLine(l, 'included');
      },
    };
    const r = codeWith([remove, bundler, ...documentationRules], { visit: dated, procedures: [proc({ id: 'p1', kind: 'repair', site: site('back') })] });
    expect(r.lines).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});
