import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';

const ROOT = resolve(__dirname, '../../..');
let dir: string;

interface Run {
  code: number;
  out: string;
  err: string;
  objects: { file: string; lines: { code: string; units: number; modifiers: string[] }[]; findings: { rule: string; message: string }[] }[];
}

async function run(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['code', '--format', 'json', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  const objects = out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { code, out, err, objects };
}

const compact = (o: Run['objects'][number]) => o.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} x${l.units}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dermlens-cli-'));
  writeFileSync(
    join(dir, 'three-shaves.txt'),
    'Patient: Test, Cli-001  MRN: 990001\nDOS: 10/02/2026\n\nProcedure: shave biopsy x3\nA) R forearm, 0.4 cm scaly papule, r/o SCC\nB) L upper back, 0.6 cm pink papule, r/o BCC\nC) R shin, 0.5 cm keratotic papule\nSpecimens A-C sent to outside lab.\n',
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]));
  // "Café" and an en dash in Windows-1252 bytes: not valid UTF-8.
  writeFileSync(
    join(dir, 'cp1252.txt'),
    Buffer.concat([
      Buffer.from('Patient: Caf'),
      Buffer.from([0xe9]),
      Buffer.from(', Ren'),
      Buffer.from([0xe9]),
      Buffer.from('e  MRN: 990002\nDOS: 10/02/2026\nProcedure: punch biopsy 4 mm, left forearm, specimen A '),
      Buffer.from([0x96]),
      Buffer.from(' r/o dermatofibroma\n'),
    ]),
  );
  const seed = 'Procedure: shave biopsy, R forearm, specimen A.\n';
  writeFileSync(join(dir, 'huge.txt'), `Patient: Test, Cli-003\nDOS: 10/02/2026\n${seed.repeat(Math.ceil((5 * 1024 * 1024) / seed.length))}`);
  writeFileSync(join(dir, 'bad.json'), '{"procedures": [{"kind": "laser-sword"}]}');
  writeFileSync(join(dir, 'array.json'), '[{"procedures": []}]');
  writeFileSync(join(dir, 'empty-object.json'), '{"procedure": [{"kind": "biopsy-tangential"}]}');
  writeFileSync(join(dir, 'extra-field.json'), '{"procedures": [], "procedure": [{"kind": "biopsy-tangential"}]}');
});

describe('dermlens code (the command-line contract)', () => {
  it('three shave biopsies → one JSON line with 11102 x1 and 11103 x2 (pathology external)', async () => {
    const r = await run('--pathology', 'external', join(dir, 'three-shaves.txt'));
    expect(r.code).toBe(0);
    expect(r.objects).toHaveLength(1);
    expect(compact(r.objects[0] as Run['objects'][number])).toEqual(['11102 x1', '11103 x2']);
  });

  it('--payer medicare and --pathology professional are read; a bad value is a one-line usage error', async () => {
    expect((await run('--payer', 'medicare', '--pathology', 'professional', join(dir, 'three-shaves.txt'))).code).toBe(0);
    const bad = await run('--payer', 'cash', join(dir, 'three-shaves.txt'));
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toMatch(/^dermlens: --payer: /);
    expect(bad.out).toBe('');
  });

  it('a missing file → exit 2, one line on stderr, nothing printed for the other files', async () => {
    const r = await run(join(dir, 'three-shaves.txt'), join(dir, 'nope.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dermlens: ${join(dir, 'nope.txt')}: no such file\n`);
    expect(r.out).toBe('');
  });

  it('a binary file → exit 2 with a clear one-line reason', async () => {
    const r = await run(join(dir, 'binary.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^dermlens: .*binary\.txt: binary file, not a note/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('an empty file → exit 0, no lines, a finding that says it is empty', async () => {
    const r = await run(join(dir, 'empty.txt'));
    expect(r.code).toBe(0);
    expect(r.objects[0]?.lines).toEqual([]);
    expect(r.objects[0]?.findings.some((f) => f.rule === 'documentation/could-not-read' && /empty/.test(f.message))).toBe(true);
  });

  it('a Windows-1252 note is decoded, coded, and flagged for its encoding', async () => {
    const r = await run('--pathology', 'external', join(dir, 'cp1252.txt'));
    expect(r.code).toBe(0);
    expect(compact(r.objects[0] as Run['objects'][number])).toEqual(['11104 x1']);
    expect(r.objects[0]?.findings.some((f) => /windows-1252/.test(f.message))).toBe(true);
  });

  it('a 5 MB note → exit 0 with a finding naming what was not read', async () => {
    const r = await run(join(dir, 'huge.txt'));
    expect(r.code).toBe(0);
    expect(r.objects).toHaveLength(1);
    expect(r.objects[0]?.findings.some((f) => f.rule === 'documentation/could-not-read')).toBe(true);
  });

  it('an invalid Encounter .json → exit 2 naming the field', async () => {
    const r = await run(join(dir, 'bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json: not a DermLens encounter: procedures\.0\./);
  });

  it('JSON that is not an encounter → exit 2, never an empty claim', async () => {
    const arr = await run(join(dir, 'array.json'));
    expect(arr.code).toBe(2);
    expect(arr.err).toMatch(/array\.json: not a DermLens encounter: expected a JSON object, found an array/);
    const none = await run(join(dir, 'empty-object.json'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/empty-object\.json: not a DermLens encounter: none of its fields \(visit, lesions, procedures/);
  });

  it('an unknown field beside real ones is named as not read', async () => {
    const r = await run(join(dir, 'extra-field.json'));
    expect(r.code).toBe(0);
    expect(r.objects[0]?.findings.filter((f) => f.rule === 'documentation/could-not-read').map((f) => f.message)).toEqual([
      expect.stringMatching(/procedure.*unknown encounter field not read/),
    ]);
  });

  it('the real binary never prints a stack trace for bad input', () => {
    const res = spawnSync(process.execPath, [join(ROOT, 'bin/dermlens.mjs'), 'code', join(dir, 'binary.txt'), join(dir, 'missing.txt')], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
});
