/**
 * A saved page that only wraps a note (a print view: the note in one <pre>) must code exactly
 * like the note's .txt: the page reader may not lose or add anything. Every 10th golden note is
 * saved as HTML in a temp folder; one CLI call reads the .txt files, one the .html files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const NOTES = join(ROOT, 'test/fixtures/notes');
const CLI = join(ROOT, 'bin/dermlens.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dermlens-pre-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const notes = readdirSync(NOTES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .filter((_, i) => i % 10 === 0);

function run(files: string[]): { lines: { code: string; units: number; modifiers: string[]; status: string; billing: string }[] }[] {
  const res = spawnSync(process.execPath, [CLI, 'code', '--format', 'json', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`CLI exited ${res.status}: ${res.stderr}`);
  return res.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

const htmlFiles = notes.map((f) => {
  const text = readFileSync(join(NOTES, f), 'utf8').replace(/\r\n/g, '\n');
  const out = join(dir, f.replace(/\.txt$/, '.html'));
  writeFileSync(out, `<!DOCTYPE html><html><head><title>Print</title></head><body><div class="print-view"><pre>${escapeHtml(text)}</pre></div></body></html>`);
  return out;
});
const fromText = run(notes.map((f) => join(NOTES, f)));
const fromHtml = run(htmlFiles);
const key = (l: { code: string; units: number; modifiers: string[]; status: string; billing: string }) =>
  `${l.code}|${l.modifiers.join(',')}|${l.units}|${l.billing}|${l.status}`;

describe('a note saved inside <pre> codes like the note', () => {
  it.each(notes.map((n, i) => [n, i] as const))('%s', (_name, i) => {
    expect(fromHtml[i]?.lines.map(key).sort()).toEqual(fromText[i]?.lines.map(key).sort());
  });
});
