import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { parseNote } from '../../../core/parse';

/**
 * The csv, fhir and x12 formats print the same claim as json (DESIGN.md: "Other formats of the
 * same claim"), on linked visit + report cases of the pathology probe. FHIR and X12 export only
 * ready lines (held lines are named on stderr); CSV lists every line with its status.
 */

beforeAll(() => {
  for (let i = 0; i < 3; i++) parseNote('Patient: Warm, Up  MRN: 1\nDOS: 01/01/2026\nShave bx L cheek, specimen A, to dermpath.', { id: 'warm' });
});

const LINKED = join(__dirname, '../../fixtures/linked');

interface JsonLine {
  code: string;
  units: number;
  modifiers: string[];
  status: string;
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['code', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

const key = (code: string, modifiers: string[], units: number, status?: string) => [code, modifiers.join(':'), units, ...(status ? [status] : [])].join('|');

async function jsonClaims(options: string[], files: string[]): Promise<{ file: string; lines: JsonLine[] }[]> {
  const r = await run(['--format', 'json', ...options, ...files]);
  expect(r.code).toBe(0);
  return r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const CASES: { name: string; options: string[]; files: string[]; held: number }[] = [
  { name: 'probe4-visit-two-reports-one-never', options: [], files: ['visit.txt', 'report-a.txt', 'report-b.txt'], held: 1 },
  {
    name: 'probe4-professional-letterhead-excision',
    options: ['--payer', 'medicare', '--pathology', 'professional'],
    files: ['visit.txt', 'valley-report.txt'],
    held: 0,
  },
  { name: 'probe4-external-one-of-two-reported', options: ['--payer', 'medicare', '--pathology', 'external'], files: ['visit.txt', 'quest-a.txt'], held: 0 },
];

describe.each(CASES)('$name: csv, fhir and x12 are the json claim', ({ name, options, files, held }) => {
  const paths = files.map((f) => join(LINKED, name, f));

  it('csv: every line of every file, with its status', async () => {
    const json = await jsonClaims(options, paths);
    const r = await run(['--format', 'csv', ...options, ...paths]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.out.split('\r\n').filter(Boolean);
    const cols = (header ?? '').split(',');
    const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? '';
    const fromCsv = rows
      .map((row) => row.split(','))
      .map((row) => ({
        file: at(row, 'file'),
        key: key(at(row, 'code'), ['mod1', 'mod2', 'mod3', 'mod4'].map((m) => at(row, m)).filter(Boolean), Number(at(row, 'units')), at(row, 'status')),
      }));
    for (const [k, claim] of json.entries()) {
      const path = paths[k] as string;
      expect(
        fromCsv
          .filter((x) => x.file === path)
          .map((x) => x.key)
          .sort(),
      ).toEqual(claim.lines.map((l) => key(l.code, l.modifiers, l.units, l.status)).sort());
    }
    expect(json.flatMap((c) => c.lines).filter((l) => l.status === 'held-for-pathology')).toHaveLength(held);
  });

  it('fhir: one Claim per file, its items the ready lines', async () => {
    const json = await jsonClaims(options, paths);
    const r = await run(['--format', 'fhir', ...options, ...paths]);
    expect(r.code).toBe(0);
    const claims = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(claims.map((c) => c.resourceType)).toEqual(files.map(() => 'Claim'));
    for (const [k, claim] of claims.entries()) {
      const items = (claim.item ?? []) as {
        productOrService: { coding: { code: string }[] };
        modifier?: { coding: { code: string }[] }[];
        quantity: { value: number };
      }[];
      const got = items
        .map((i) =>
          key(
            i.productOrService.coding[0]?.code ?? '',
            (i.modifier ?? []).map((m) => m.coding[0]?.code ?? ''),
            i.quantity.value,
          ),
        )
        .sort();
      const want = (json[k]?.lines ?? [])
        .filter((l) => l.status === 'ready')
        .map((l) => key(l.code, l.modifiers, l.units))
        .sort();
      expect(got).toEqual(want);
    }
    if (held > 0) expect(r.err).toContain('held for pathology, not exported');
    else expect(r.err).toBe('');
  });

  it('x12: one SV1 per ready line, modifiers and units as in json', async () => {
    const json = await jsonClaims(options, paths);
    const r = await run(['--format', 'x12', ...options, ...paths]);
    expect(r.code).toBe(0);
    // SV1*HC:code:mod…*charge*UN*units***pointers~
    const got = r.out
      .split('\n')
      .filter((l) => l.startsWith('SV1*'))
      .map((l) => {
        const f = l.split('*');
        const [, code = '', ...mods] = (f[1] ?? '').split(':');
        return key(code, mods, Number(f[4]));
      })
      .sort();
    const want = json
      .flatMap((c) => c.lines)
      .filter((l) => l.status === 'ready')
      .map((l) => key(l.code, l.modifiers, l.units))
      .sort();
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(0);
  });
});
