/**
 * The golden notes as other keyboards and exports type them: in capitals (old EMRs, scribes), in lower case,
 * pasted with no-break spaces, with lone carriage returns (old Mac exports), indented by a print
 * margin, and printed with a letterhead, page numbers and a signed, confidential footer. Each variant must
 * code exactly as the note itself: same codes, units, modifiers, diagnoses and status, through the
 * CLI as an acceptance check drives it. A difference is a reader keyed on how text is typed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const NOTES_DIR = join(ROOT, 'test/fixtures/notes');
const CLI = join(ROOT, 'bin/dermlens.mjs');
const NOTES = readdirSync(NOTES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const VARIANTS: Record<string, (text: string) => string> = {
  'in capitals': (t) => t.toUpperCase(),
  'in lower case': (t) => t.toLowerCase(),
  'with no-break spaces': (t) => t.replace(/: /g, ':\u00a0').replace(/ (cm|mm)\b/g, '\u00a0$1'),
  'with lone CRs': (t) => t.replace(/\r?\n/g, '\r'),
  'indented by a print margin': (t) => t.replace(/^(?=.)/gm, '    '),
  'printed with a letterhead and a signed footer': (t) =>
    `Birchwood Dermatology Associates | 120 Main St | Tel 555-0100 | Fax 555-0101\nPage 1 of 2\n\n${t}\n\nThis note was created with voice recognition software; errors in transcription may occur.\nElectronically signed by J. Okafor, MD on 12/01/2026 17:42\nCONFIDENTIAL: contains protected health information. Page 2 of 2\n`,
};

/** Each file's claim in short, by file name: "code xunits [modifiers] dx status". */
function claims(dir: string): Map<string, string[]> {
  const run = spawnSync(process.execPath, [CLI, 'code', '--format', 'json', ...NOTES.map((f) => join(dir, f))], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`dermlens exited ${run.status}: ${run.stderr}`);
  const out = new Map<string, string[]>();
  for (const line of run.stdout.trim().split('\n')) {
    const o = JSON.parse(line) as { file: string; lines: { code: string; units: number; modifiers: string[]; dx: string[]; status: string }[] };
    out.set(
      o.file.split('/').pop() as string,
      o.lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}] ${l.dx.join(',')} ${l.status}`),
    );
  }
  return out;
}

const dirs: string[] = [];
// Removing the retyped copies of every note can outlast the default 10 s hook timeout on a loaded machine.
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('golden notes typed another way code the same', () => {
  const original = claims(NOTES_DIR);
  for (const [name, transform] of Object.entries(VARIANTS)) {
    it(`${name}: all ${NOTES.length} notes`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'dermlens-typing-'));
      dirs.push(dir);
      for (const f of NOTES) writeFileSync(join(dir, f), transform(readFileSync(join(NOTES_DIR, f), 'utf8')));
      const variant = claims(dir);
      const differing = NOTES.filter((f) => JSON.stringify(variant.get(f)) !== JSON.stringify(original.get(f))).map((f) => ({
        note: f,
        original: original.get(f),
        variant: variant.get(f),
      }));
      expect(differing).toEqual([]);
    }, 120_000);
  }
});

/** A note as a web EMR shows it: one element per line, short title lines as headings, HTML whitespace rules. */
function toWebPage(text: string): string {
  const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (!t) return '<br>';
      const title = /^[A-Za-z][A-Za-z /&()-]{1,40}:$/.test(t) || (t === t.toUpperCase() && t.length < 40 && !/\d/.test(t));
      return title ? `<h3>${html(t)}</h3>` : `<div>${html(line)}</div>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Visit note</title></head><body><main class="note">\n${body}\n</main></body></html>`;
}

describe('golden notes shown as a web page (read by the generic EMR reader)', () => {
  it(`all ${NOTES.length} notes code as the text note`, () => {
    const original = claims(NOTES_DIR);
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-web-'));
    dirs.push(dir);
    const pages = NOTES.map((f) => f.replace(/\.txt$/, '.html'));
    for (const [k, f] of NOTES.entries()) writeFileSync(join(dir, pages[k] as string), toWebPage(readFileSync(join(NOTES_DIR, f), 'utf8')));
    const run = spawnSync(process.execPath, [CLI, 'code', '--format', 'json', ...pages.map((f) => join(dir, f))], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`dermlens exited ${run.status}: ${run.stderr}`);
    // Codes, units, modifiers and status (a page's section names may place a diagnosis differently).
    const short = (line: string) => {
      const o = JSON.parse(line) as { lines: { code: string; units: number; modifiers: string[]; status: string }[] };
      return o.lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}] ${l.status}`);
    };
    const web = run.stdout.trim().split('\n').map(short);
    const text = NOTES.map((f) => (original.get(f) ?? []).map((l) => l.replace(/ \S* (\S+)$/, ' $1')));
    const differing = NOTES.filter((_f, k) => JSON.stringify(web[k]) !== JSON.stringify(text[k]));
    expect(differing).toEqual([]);
  }, 120_000);
});

describe('a golden note with its own claim entered as charges', () => {
  it('codes the same claim and finds nothing to correct in the charges', () => {
    type Out = {
      file: string;
      lines: { code: string; units: number; modifiers: string[]; billing: string; status: string }[];
      findings: { rule: string; severity: string }[];
      /** Present when the note carries entered charges of its own (matching or not). */
      comparison?: unknown[];
    };
    const run = (files: string[]): Out[] => {
      const r = spawnSync(process.execPath, [CLI, 'code', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`dermlens exited ${r.status}: ${r.stderr}`);
      return r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Out);
    };
    const short = (o: Out) => o.lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}] ${l.billing} ${l.status}`);
    const original = run(NOTES.map((f) => join(NOTES_DIR, f)));
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-charges-'));
    dirs.push(dir);
    // Notes that already carry charges of their own are compared against those; they are left out here.
    const cases = NOTES.map((f, k) => ({ f, o: original[k] as Out })).filter(
      ({ o }) => o.lines.some((l) => l.billing === 'insurance') && !o.comparison && !o.findings.some((x) => x.rule.startsWith('checks/charges')),
    );
    for (const { f, o } of cases) {
      const charges = o.lines
        .filter((l) => l.billing === 'insurance')
        .map((l) => `${l.code}${l.modifiers.length > 0 ? `-${l.modifiers.join('-')}` : ''} x${l.units}`);
      writeFileSync(join(dir, f), `${readFileSync(join(NOTES_DIR, f), 'utf8').trimEnd()}\n\nCharges:\n${charges.join('\n')}\n`);
    }
    const entered = run(cases.map(({ f }) => join(dir, f)));
    const problems = cases
      .map(({ f, o }, k) => ({ note: f, before: short(o), after: short(entered[k] as Out), findings: (entered[k] as Out).findings }))
      .filter(
        (c) => JSON.stringify(c.before) !== JSON.stringify(c.after) || c.findings.some((x) => x.rule.startsWith('checks/charges') && x.severity !== 'info'),
      )
      .map((c) => ({ ...c, findings: c.findings.filter((x) => x.rule.startsWith('checks/charges')) }));
    expect(cases.length).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  }, 120_000);
});
