/**
 * Saved EMR pages through the real command line, as an acceptance check would run them:
 * ONE `dermlens code --format json` call over every fixture page (per options group; the
 * pages share one today), then one case per page comparing the claim with its
 * hand-coded <name>.expected.json (format: test/fixtures/README.md). Pages of one
 * patient link inside the call (epic/visit-two-biopsies-charge-capture.html and
 * epic/results-two-biopsies.html).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './load-page';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'bin/dermlens.mjs');

interface ExpectedLine {
  code: string;
  units?: number;
  modifiers?: string[];
  billing?: string;
  status?: string;
  dx?: string[];
}
interface Expected {
  options?: { payer?: string; pathology?: string };
  lines: ExpectedLine[];
  specimens?: { label: string; status: string }[];
  findingsInclude?: string[];
}
interface ActualObject {
  file: string;
  lines: (Required<Omit<ExpectedLine, 'dx'>> & { dx?: string[] })[];
  findings: { rule: string }[];
  specimens: { label: string; status: string }[];
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((dir) => readdirSync(join(FIXTURES, dir)).map((f) => join(FIXTURES, dir, f)))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => {
    const expectedPath = file.replace(/\.html$/, '.expected.json');
    if (!existsSync(expectedPath)) throw new Error(`${relative(ROOT, file)} has no .expected.json`);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    const options = { payer: expected.options?.payer ?? 'commercial', pathology: expected.options?.pathology ?? 'in-house' };
    return { name: relative(FIXTURES, file), file: relative(ROOT, file), expected, options };
  });

const groups = new Map<string, typeof cases>();
for (const c of cases) {
  const key = `${c.options.payer}|${c.options.pathology}`;
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

const results = new Map<string, { object?: ActualObject; error?: string }>();
for (const [key, group] of groups) {
  const [payer, pathology] = key.split('|') as [string, string];
  const res = spawnSync(process.execPath, [CLI, 'code', '--format', 'json', '--payer', payer, '--pathology', pathology, ...group.map((c) => c.file)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
    timeout: 120_000,
  });
  const objects = (res.stdout ?? '')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as ActualObject;
      } catch {
        return undefined;
      }
    });
  const problem =
    res.status !== 0
      ? `CLI exited ${res.status}: ${(res.stderr ?? '').trim().slice(0, 1500)}`
      : objects.length !== group.length
        ? `CLI printed ${objects.length} objects for ${group.length} files`
        : undefined;
  group.forEach((c, i) => {
    const object = objects[i];
    results.set(c.name, problem || !object ? { error: problem ?? 'no JSON object for this file' } : { object });
  });
}

const lineKey = (l: ExpectedLine): string =>
  `${l.code} | ${(l.modifiers ?? []).join(',')} | ${l.units ?? 1} | ${l.billing ?? 'insurance'} | ${l.status ?? 'ready'}`;

let exact = 0;
afterAll(() => {
  console.log(`emr fixtures: ${exact}/${cases.length} exact (${groups.size} CLI call${groups.size === 1 ? '' : 's'})`);
});

describe('saved EMR pages through `dermlens code`', () => {
  it('every page has a fixture and the CLI ran once per options group', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(groups.size).toBe(1);
  });

  // Pages the engine is known to misread today (test/fixtures/known-misses.json, key "emr/<page>"): they run
  // as `it.fails`, so a page that starts passing must be taken off the list.
  const misses: Record<string, string> = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/known-misses.json'), 'utf8'));
  const known = cases.filter((c) => misses[`emr/${c.name}`]);
  const rest = cases.filter((c) => !misses[`emr/${c.name}`]);
  for (const c of known) it.fails(`${c.name} (known miss: ${misses[`emr/${c.name}`]})`, () => check(c));
  it.each(rest.map((c) => [c.name, c] as const))('%s', (_name, c) => check(c));

  function check(c: (typeof cases)[number]) {
    const result = results.get(c.name);
    if (!result?.object) throw new Error(result?.error ?? 'not run');
    const actual = result.object;
    expect(actual.file).toBe(c.file);
    expect(actual.lines.map(lineKey).sort(), 'claim lines (multiset)').toEqual(c.expected.lines.map(lineKey).sort());
    for (const line of c.expected.lines.filter((l) => l.dx)) {
      const match = actual.lines.find((a) => lineKey(a) === lineKey(line));
      for (const dx of line.dx ?? []) expect(match?.dx ?? [], `${line.code} dx`).toContain(dx);
    }
    for (const s of c.expected.specimens ?? []) {
      expect(actual.specimens.find((a) => a.label === s.label)?.status, `specimen ${s.label}`).toBe(s.status);
    }
    for (const prefix of c.expected.findingsInclude ?? []) {
      expect(
        actual.findings.some((f) => f.rule.startsWith(prefix)),
        `a finding ${prefix}*`,
      ).toBe(true);
    }
    exact++;
  }
});
