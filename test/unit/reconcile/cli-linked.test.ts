import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { parseNote } from '../../../core/parse';

// The parser's per-note time budget also counts its cold start: warm it up once so the first
// file of a test is not cut short on a busy machine.
beforeAll(() => {
  for (let i = 0; i < 3; i++) parseNote('Patient: Warm, Up  MRN: 1\nDOS: 01/01/2026\nShave bx L cheek, specimen A, to dermpath.', { id: 'warm' });
});

const LINKED = join(__dirname, '../../fixtures/linked');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['code', '--format', 'json', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return {
    code,
    err,
    objects: out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
  };
}

const compact = (o: { lines: { code: string; modifiers: string[]; status: string }[] }) =>
  o.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}:${l.status}`);

describe('dermlens code: linking files of one patient', () => {
  it('a held excision is re-coded once the later report is given', async () => {
    const dir = join(LINKED, 'excision-held-then-malignant');
    const alone = await run([join(dir, 'visit.txt')]);
    expect(compact(alone.objects[0])).toContain('11402:held-for-pathology');
    const r = await run([join(dir, 'visit.txt'), join(dir, 'path.txt')]);
    expect(r.code).toBe(0);
    expect(r.objects.map((o) => o.file)).toEqual([join(dir, 'visit.txt'), join(dir, 'path.txt')]);
    expect(compact(r.objects[0])).toEqual(['11602:ready', '12032:ready', '88305:ready']);
    expect(r.objects[0].specimens).toEqual([expect.objectContaining({ label: 'A', status: 'billed' })]);
    expect(r.objects[0].findings.map((f: { rule: string }) => f.rule)).toContain('reconcile/re-coded-after-pathology');
    expect(r.objects[1].lines).toEqual([]);
    expect(r.objects[1].findings.find((f: { rule: string }) => f.rule === 'reconcile/report-linked')).toMatchObject({ severity: 'info', target: 'A' });
  });

  it('prints in the order given even when the report comes first', async () => {
    const dir = join(LINKED, 'report-listed-before-visit-medicare');
    const r = await run(['--payer', 'medicare', join(dir, 'report.txt'), join(dir, 'visit.txt')]);
    expect(r.objects[0].lines).toEqual([]);
    expect(compact(r.objects[1])).toEqual(['11104:ready', '11103:ready', '88305:ready']);
  });

  it('a later visit note that quotes the result links and documents the follow-up', async () => {
    const dir = join(LINKED, 'recon-later-note-carries-result');
    const r = await run([join(dir, 'visit.txt'), join(dir, 'followup-visit.txt')]);
    expect(compact(r.objects[0])).toEqual(['11102:ready', '88305:ready']);
    expect(r.objects[0].specimens[0]).toMatchObject({ label: 'A', status: 'billed', behavior: 'malignant', followUp: 'documented' });
    expect(r.objects[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('reconcile/malignant-no-follow-up');
    expect(r.objects[1].lines).toEqual([]);
  });

  it('without the follow-up note, the malignant result is a warning', async () => {
    const dir = join(LINKED, 'biopsies-then-inhouse-report');
    const r = await run([join(dir, 'visit.txt'), join(dir, 'report.txt')]);
    const f = r.objects[0].findings.find((x: { rule: string }) => x.rule === 'reconcile/malignant-no-follow-up');
    expect(f).toMatchObject({ severity: 'warning', target: 'A' });
  });

  it('files of different patients are not linked', async () => {
    const dir = join(LINKED, 'different-patient-must-not-link');
    const r = await run([join(dir, 'visit.txt'), join(dir, 'other-patient-report.txt')]);
    expect(compact(r.objects[0])).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(compact(r.objects[1])).toEqual(['88305:ready']);
  });

  it('a report without a patient line is never linked', async () => {
    const dir = join(LINKED, 'recon-report-without-identity');
    const r = await run([join(dir, 'visit.txt'), join(dir, 'report.txt')]);
    expect(compact(r.objects[0])).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.objects[1].findings.map((f: { rule: string }) => f.rule)).toContain('pathology/report-for-unknown-specimen');
  });

  it('a saved lab result page (.html) links like a report file', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'dermlens-recon-')), 'lab-result.html');
    writeFileSync(
      page,
      `<html><body><div class="banner">Patient: Test, Patient-202 MRN: 900202</div><h2>Dermatopathology Report</h2>
<pre>Collected 06/11/2026    Signed 06/15/2026
Specimen A: Skin, right dorsal forearm, excision
FINAL DIAGNOSIS: SQUAMOUS CELL CARCINOMA, well differentiated.
GROSS: Received in formalin, entirely submitted.</pre></body></html>`,
    );
    const r = await run([join(LINKED, 'excision-held-then-malignant/visit.txt'), page]);
    expect(compact(r.objects[0])).toEqual(['11602:ready', '12032:ready', '88305:ready']);
    expect(r.objects[1].lines).toEqual([]);
    expect(r.objects[0].specimens[0]).toMatchObject({ label: 'A', status: 'billed', linkedTo: page });
  });
});
