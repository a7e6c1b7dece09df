import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../cli/audit/csv-input';
import { main } from '../../../cli/main';
import { parseNote } from '../../../core/parse';

// Warm the parser so its per-note time budget is not spent on the cold start of the first note.
beforeAll(() => {
  for (let i = 0; i < 3; i++) parseNote('Patient: Warm, Up  MRN: 1\nDOS: 01/01/2026\nShave bx L cheek, specimen A, to dermpath.', { id: 'warm' });
});

const SMALL = join(__dirname, '../../fixtures/audit/small');
const FEES = join(__dirname, '../../fixtures/audit/fees.csv');

interface Claim {
  file: string;
  encounter: string;
  dateOfService?: string;
  provider?: string;
  lines: { code: string; units: number; modifiers: string[]; status: string }[];
  findings: { rule: string; severity: string; target?: string }[];
  specimens: { label: string; status: string; linkedTo?: string; followUp?: string }[];
  comparison?: { code: string; kind: string }[];
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function audit(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'dermlens-audit-'));
  made.push(out);
  let stdout = '';
  let stderr = '';
  const code = await main(['audit', ...args, '--out', out], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  const read = (f: string) => readFileSync(join(out, f), 'utf8');
  return { code, stdout, stderr, out, read };
}

const claimsOf = (text: string): Claim[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Claim);
const compact = (c: Claim) => c.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}x${l.units}:${l.status}`);

describe('dermlens audit over a folder with notes, a CSV export and bad input (worker thread)', () => {
  let run: Awaited<ReturnType<typeof audit>>;
  let claims: Claim[];
  let findings: string[][];
  beforeAll(async () => {
    run = await audit([SMALL, '--fees', FEES, '--jobs', '1']);
    claims = claimsOf(run.read('claims.jsonl'));
    findings = parseCsv(run.read('findings.csv')).map((r) => r.fields);
  }, 60_000);
  const byEncounter = (id: string) => claims.find((c) => c.encounter === id) as Claim;

  it('exits 0 and writes one claim per readable encounter, in input order', () => {
    expect(run.code).toBe(0);
    expect(claims.map((c) => c.file)).toEqual([
      `${SMALL}/export.csv#E-1001`,
      `${SMALL}/export.csv#E-1002`,
      `${SMALL}/export.csv#E-1003`,
      `${SMALL}/notes/cryo-ak.txt`,
      `${SMALL}/notes/visit-biopsy.txt`,
    ]);
  });

  it('reads quoted multi-line notes with the export columns (DOS, provider)', () => {
    expect(byEncounter('E-1002')).toMatchObject({ dateOfService: '2026-04-09', provider: 'M. Chen, PA-C' });
    expect(compact(byEncounter('E-1002'))).toEqual(['11104x1:ready', '11105x1:ready', '88305x2:held-for-pathology']);
  });

  it('links a report row of the export to the visit file of the same MRN', () => {
    const visit = byEncounter('visit-biopsy.txt');
    expect(compact(visit)).toEqual(['11102x1:ready', '88305x1:ready']);
    expect(visit.specimens).toEqual([expect.objectContaining({ label: 'A', status: 'billed', linkedTo: `${SMALL}/export.csv#E-1001`, followUp: 'missing' })]);
    expect(visit.findings.map((f) => f.rule)).toEqual(['reconcile/result-linked', 'reconcile/malignant-no-follow-up']);
    expect(byEncounter('E-1001').lines).toEqual([]);
    expect(byEncounter('E-1001').findings.map((f) => f.rule)).toEqual(['reconcile/report-linked']);
  });

  it('compares billed codes: missed, unsupported, unreadable code', () => {
    expect(byEncounter('E-1002').comparison?.map((c) => `${c.code}:${c.kind}`)).toEqual(['11104:supported', '88305:units-differ', '11105:missed']);
    expect(byEncounter('E-1003').comparison?.map((c) => `${c.code}:${c.kind}`)).toEqual(['17000:supported', '17003:supported', '17110:unsupported']);
    expect(byEncounter('E-1003').findings.map((f) => f.rule)).toEqual(['checks/charges-compare', 'audit/billed-code-unread']);
  });

  it('writes findings.csv: one row per finding, categories and fee values, skipped inputs with their location', () => {
    const [header, ...rows] = findings;
    expect(header).toEqual(['source', 'encounter', 'dos', 'provider', 'severity', 'category', 'rule', 'message', 'target', 'fix', 'value']);
    const brief = rows.map((r) => [r[1], r[5], r[6], r[8], r[10]].join('|'));
    expect(brief).toEqual([
      'E-1001|info|reconcile/report-linked|A|',
      'E-1002|missed|checks/charges-compare|88305|71.25',
      'E-1002|missed|checks/charges-compare|11105|55.10',
      'E-1003|unsupported|checks/charges-compare|17110|110.00',
      'E-1003|input|audit/billed-code-unread||',
      'visit-biopsy.txt|info|reconcile/result-linked|A|',
      'visit-biopsy.txt|no-follow-up|reconcile/malignant-no-follow-up|A|',
      '|input|audit/input-skipped||',
      '|input|audit/input-skipped||',
      '|input|audit/input-skipped||',
    ]);
    expect(rows.slice(-3).map((r) => [r[0], r[7]])).toEqual([
      [`${SMALL}/export.csv:19`, 'Skipped: 8 fields where the header has 6 (an unquoted comma or a missing field?)'],
      [`${SMALL}/export.csv:26`, 'Skipped: empty note text'],
      [`${SMALL}/notes/broken.json`, expect.stringMatching(/^Skipped: not valid JSON/)],
    ]);
  });

  it('prints a summary that counts what was skipped and the value at stake', () => {
    expect(run.stdout).toMatch(/^dermlens audit: 5 encounters audited, 3 inputs skipped, [\d.]+ s \(1 worker ready in [\d.]+ s, \d+\/s\)$/m);
    expect(run.stdout).toContain('missed charges 2 ($126.35), unsupported 1 ($110.00 at risk)');
    expect(run.stdout).toContain('malignant without follow-up 1');
    expect(run.stdout).toContain(`skipped ${SMALL}/export.csv:19: 8 fields where the header has 6`);
    // Plain progress lines (not a terminal) on stderr.
    expect(run.stderr).toMatch(/^dermlens audit: reading 6\/6 \(100%/m);
    expect(run.stderr).toMatch(/^dermlens audit: coding 5\/5 \(100%/m);
  });

  it('writes a self-contained report.html', () => {
    const html = run.read('report.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|https?:\/\//i);
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).toContain('$126.35');
    expect(html).toContain('<h2>Charges at stake by code</h2>');
    expect(html).toMatch(/<code>17110<\/code><\/td><td class="num">0<\/td><td class="num"><\/td><td class="num">1<\/td><td class="num">\$110\.00<\/td>/);
  });
});

describe('dermlens audit: the main thread gives the same claims', () => {
  it('--jobs 0 and --jobs 2 print identical claims.jsonl', async () => {
    const a = await audit([SMALL, '--jobs', '0']);
    const b = await audit([SMALL, '--jobs', '2']);
    expect(a.read('claims.jsonl')).toBe(b.read('claims.jsonl'));
    expect(a.stdout).toContain('(main thread,');
  }, 60_000);
});

describe('dermlens audit: export dates', () => {
  it('uses the export date of service and says when the note disagrees or the date cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-dates-'));
    made.push(dir);
    const note = (dos: string) =>
      `"Patient: Test, Patient-D1  MRN: 5501\nDOS: ${dos}\nActinic keratoses: 2 on the scalp. Tx: LN2 cryotherapy, 2 lesions total."`;
    writeFileSync(
      join(dir, 'e.csv'),
      ['id,mrn,dos,note', `A,5501,03/02/2026,${note('03/02/2026')}`, `B,5502,03/09/2026,${note('03/05/2026')}`, `C,5503,soon,${note('03/06/2026')}`].join('\n'),
    );
    const r = await audit([join(dir, 'e.csv'), '--jobs', '0']);
    const claims = claimsOf(r.read('claims.jsonl'));
    expect(claims.map((c) => [c.encounter, c.dateOfService])).toEqual([
      ['A', '2026-03-02'],
      ['B', '2026-03-09'],
      ['C', '2026-03-06'],
    ]);
    const audits = (c: Claim) => c.findings.filter((f) => f.rule.startsWith('audit/')).map((f) => f.rule);
    expect(claims.map(audits)).toEqual([[], ['audit/date-differs'], ['audit/date-unread']]);
  });
});

describe('dermlens audit: bad input', () => {
  it('exits 2 when nothing could be read, naming every input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-bad-'));
    made.push(dir);
    writeFileSync(join(dir, 'notes.csv'), 'id,text\n1,"never closed\n');
    const r = await audit([join(dir, 'notes.csv'), join(dir, 'missing.txt'), '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dermlens: audit: no encounter could be read (2 inputs skipped)');
    expect(r.stdout).toContain(`skipped ${join(dir, 'notes.csv')}:2: a quoted field is never closed`);
    expect(r.stdout).toContain(`skipped ${join(dir, 'missing.txt')}: no such file or folder`);
    expect(r.read('claims.jsonl')).toBe('');
  });

  it.each([
    [['--jobs', '-1', 'x'], /--jobs: /],
    [['--payer', 'medicaid', 'x'], /--payer: /],
    [['--today', '2026-13-01', 'x'], /--today: /],
    [['--bogus', '1', 'x'], /unknown option --bogus/],
    [[], /no input PATH given/],
  ])('usage error %j', async (args, message) => {
    let stderr = '';
    const code = await main(['audit', ...args], { stdout: () => {}, stderr: (s) => (stderr += s), isTTY: false });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('--help prints the audit usage with the CSV columns', async () => {
    let stdout = '';
    const code = await main(['audit', '--help'], { stdout: (s) => (stdout += s), stderr: () => {}, isTTY: false });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: dermlens audit PATH\.\.\./);
    expect(stdout).toContain('note|note_text (required)');
  });

  it('names a fee schedule it cannot use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-fees-'));
    made.push(dir);
    writeFileSync(join(dir, 'fees.csv'), 'code,amount\nhello,world\n');
    let stderr = '';
    const code = await main(['audit', SMALL, '--fees', join(dir, 'fees.csv'), '--out', join(dir, 'o')], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
      isTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('no fee rows read');
  });
});

describe('dermlens audit: same claims as dermlens code', () => {
  const FIXTURES = join(__dirname, '../../fixtures');
  const dirs = [join(FIXTURES, 'linked'), join(FIXTURES, 'emr/generic'), join(FIXTURES, 'emr/epic')];

  it('notes, saved pages and linked visit/report pairs give the objects of `code --format json`', async () => {
    const r = await audit([...dirs, '--jobs', '2']);
    expect(r.code).toBe(0);
    const claims = claimsOf(r.read('claims.jsonl'));
    // The golden .expected.json files in these folders are not encounters: skipped and named.
    const skipped = parseCsv(r.read('findings.csv'))
      .map((x) => x.fields)
      .filter((f) => f[6] === 'audit/input-skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((f) => f[0]?.endsWith('.json') && f[7]?.startsWith('Skipped: not a DermLens encounter'))).toBe(true);

    const files = claims.map((c) => c.file);
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    expect(files.filter((f) => f.includes('/linked/')).length).toBeGreaterThan(15);
    let out = '';
    const code = await main(['code', '--format', 'json', ...files], { stdout: (s) => (out += s), stderr: () => {}, isTTY: false });
    expect(code).toBe(0);
    const expected = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const strip = ({ encounter: _e, dateOfService: _d, provider: _p, ...rest }: Claim) => rest;
    expect(claims.map(strip)).toEqual(expected);
  }, 120_000);
});
