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
const visit = join(LINKED, 'excision-held-then-malignant/visit.txt');
const report = join(LINKED, 'excision-held-then-malignant/path.txt');
const biopsies = join(LINKED, 'biopsies-then-inhouse-report/visit.txt');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['code', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('dermlens code --format csv|fhir|x12', () => {
  it('csv: one header, one row per line of every file, CRLF', async () => {
    const r = await run(['--format', 'csv', visit, report, biopsies]);
    expect(r.code).toBe(0);
    const rows = r.out.split('\r\n').filter(Boolean);
    expect(rows.filter((x) => x.startsWith('file,'))).toHaveLength(1);
    const codes = rows.slice(1).map((x) => x.split(',')[4]);
    // The linked report re-codes the visit (11602 ready) and has no lines of its own.
    expect(codes).toEqual(['11602', '12032', '88305', '11102', '11103', '88305']);
    expect(rows[1]?.startsWith(`${visit},visit.txt,2026-06-11,1,11602,`)).toBe(true);
  });

  it('fhir: one Claim per file, held lines named on stderr', async () => {
    const r = await run(['--format', 'fhir', visit, biopsies]);
    const claims = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(claims.map((c) => c.resourceType)).toEqual(['Claim', 'Claim']);
    expect(claims[0].item.map((i: { productOrService: { coding: { code: string }[] } }) => i.productOrService.coding[0]?.code)).toEqual(['12032']);
    expect(claims[0].patient.reference).toMatch(/^Patient\/[0-9a-f]{64}$/);
    expect(JSON.stringify(claims)).not.toContain('Patient-202');
    expect(r.err).toContain('held for pathology, not exported: 11402, 88305');
  });

  it('x12: SV1 per exported line; the linked report adds nothing', async () => {
    const r = await run(['--format', 'x12', visit, report]);
    expect(
      r.out
        .split('\n')
        .filter((l) => l.startsWith('SV1*'))
        .map((l) => l.split('*')[1]),
    ).toEqual(['HC:11602', 'HC:12032', 'HC:88305']);
    expect(r.err).toBe('');
  });
});
