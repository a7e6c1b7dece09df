import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import {
  buildMueTable,
  buildPtpTable,
  mueEffectiveFromName,
  parseMueFile,
  parsePtpFile,
  ptpPartFromName,
  ptpVersionFromName,
  splitRecords,
} from '../../../core/codes/edit-files';
import { findPtpEdit } from '../../../core/codes/ncci';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'cms');
const fixture = (name: string) => join(FIXTURES, name);
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe('splitRecords', () => {
  it('handles quotes, doubled quotes, delimiters and newlines inside quotes, with start lines', () => {
    const records = splitRecords('a,"b,c","say ""hi"""\r\n"multi\nline",x\n\nlast', ',');
    expect(records).toEqual([
      { cells: ['a', 'b,c', 'say "hi"'], line: 1 },
      { cells: ['multi\nline', 'x'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['last'], line: 5 },
    ]);
  });

  it('tab-delimited text with a BOM', () => {
    expect(splitRecords('\uFEFF11300\t11102\t\t20190101', '\t')).toEqual([{ cells: ['11300', '11102', '', '20190101'], line: 1 }]);
  });
});

describe('parsePtpFile (ccipra layout)', () => {
  it('skips the notice and the wrapped header, reads every field, reports bad rows with their line', () => {
    const result = parsePtpFile(read('ccipra-v310r0-f1.txt'));
    expect(result.preambleLines).toBe(6);
    expect(result.rows.map((r) => [r.column1, r.column2, r.effective, r.deleted, r.modifierIndicator, r.priorTo1996, r.line])).toEqual([
      ['11300', '11102', '2019-01-01', null, 1, false, 8],
      ['11301', '11102', '2019-01-01', '2024-12-31', 1, false, 9],
      ['11400', '12001', '1996-01-01', null, 1, true, 10],
      ['11642', '11104', '2019-01-01', null, 0, false, 14],
      ['17000', '11900', '1998-04-01', '1998-04-01', 9, false, 15],
      ['99213', '96372', '2020-01-01', null, 1, false, 16],
    ]);
    expect(result.rows[0]?.rationale).toBe('Misuse of column two code with column one code');
    expect(result.skipped).toEqual([
      { line: 11, message: 'column 1 "1130" is not a 5-character code' },
      { line: 12, message: 'effective date "2019-01-01" is not YYYYMMDD' },
      { line: 13, message: 'modifier indicator "2" is not 0, 1 or 9' },
    ]);
  });

  it('reads the comma-separated export, quoted rationale included', () => {
    const result = parsePtpFile(read('ccipra-v312r0-f1.csv'));
    expect(result.skipped).toEqual([]);
    expect(result.rows.map((r) => [r.column1, r.column2, r.modifierIndicator, r.rationale])).toEqual([
      ['11300', '11102', 1, 'Misuse of column two code with column one code, per CPT'],
      ['11642', '11104', 0, 'Mutually exclusive procedures'],
    ]);
  });

  it('impossible dates are rejected', () => {
    const result = parsePtpFile('11300\t11102\t\t20190231\t*\t1\tx\n11300\t11103\t\t20190101\t20191332\t1\tx');
    expect(result.rows).toEqual([]);
    expect(result.skipped.map((s) => s.line)).toEqual([1, 2]);
  });

  it('file names give the version and part', () => {
    expect(ptpVersionFromName('ccipra-v321r0-f1.txt')).toBe('v321r0');
    expect(ptpVersionFromName('CCIPRA-V322R0-F4.TXT')).toBe('v322r0');
    expect(ptpPartFromName('ccipra-v321r0-f3.txt')).toBe('f3');
    expect(ptpVersionFromName('edits.txt')).toBeUndefined();
  });
});

describe('parseMueFile (practitioner MUE layout)', () => {
  it('skips the multi-line quoted notice, finds the header by name, reads MAI from its leading digit', () => {
    const result = parseMueFile(read('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv'));
    expect(result.preambleLines).toBe(1);
    expect(result.rows.map((r) => [r.code, r.value, r.mai, r.rationale, r.line])).toEqual([
      ['11102', 1, 2, 'Code Descriptor / CPT Instruction', 6],
      ['11103', 6, 3, 'Clinical: Data', 7],
      ['11104', 1, 1, 'Anatomic Consideration', 8],
      ['17003', 13, 2, 'CMS Policy', 9],
      ['27447', 1, 2, 'Anatomic Consideration', 13],
    ]);
    expect(result.skipped).toEqual([
      { line: 10, message: 'code "1110" is not a 5-character CPT/HCPCS code' },
      { line: 11, message: 'MUE value "four" for 11105 is not a whole number' },
      { line: 12, message: 'MUE adjudication indicator "Date of Service Edit" for 11106 does not start with 1, 2 or 3' },
    ]);
  });

  it('columns in another order are found by their names', () => {
    const text =
      'HCPCS/CPT Code,MUE Rationale,MUE Adjudication Indicator,Practitioner Services MUE Values\n17004,CMS Policy,2 Date of Service Edit: Policy,1\n';
    expect(parseMueFile(text).rows).toEqual([{ code: '17004', value: 1, mai: 2, rationale: 'CMS Policy', line: 2 }]);
  });

  it('no header → one clear problem, no rows', () => {
    const result = parseMueFile('just,some,text\n');
    expect(result.rows).toEqual([]);
    expect(result.skipped[0]?.message).toContain('no header row');
  });

  it('effective date from the file name, in the usual spellings', () => {
    expect(mueEffectiveFromName('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv')).toBe('2025-07-01');
    expect(mueEffectiveFromName('MCR_MUE_PractitionerServices_Eff_10-01-2025.csv')).toBe('2025-10-01');
    expect(mueEffectiveFromName('MCR_MUE_PractitionerServices_Eff_20260101.csv')).toBe('2026-01-01');
    expect(mueEffectiveFromName('mue.csv')).toBeUndefined();
  });
});

describe('building versioned tables', () => {
  it('PTP: compact rows, catalog filter, effectiveFrom defaults to the newest edit date', () => {
    const parsed = parsePtpFile(read('ccipra-v310r0-f2.txt'));
    const { table, filteredOut } = buildPtpTable(parsed.rows, { version: 'v310r0', source: 'f2', keep: (c) => c !== '27447' && c !== '20610' });
    expect(filteredOut).toBe(1);
    expect(table.rows).toEqual([['17311', '88305', '2007-01-01', null, 1, 0]]);
    expect(table.effectiveFrom).toBe('2007-01-01');
    expect(findPtpEdit(table, '17311', '88305', '2025-01-01')?.rationale).toBe('Standards of medical / surgical services');
  });

  it('MUE: compact rows', () => {
    const parsed = parseMueFile(read('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv'));
    const { table } = buildMueTable(parsed.rows, { version: '2025-07-01', effectiveFrom: '2025-07-01', source: 'x' });
    expect(table.rows[1]).toEqual(['11103', 4, 3, 1]);
    expect(table.rationales[1]).toBe('Clinical: Data');
  });
});

describe('dermlens data import-ncci / import-mue and code --edits', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function tmp(): string {
    const d = mkdtempSync(join(tmpdir(), 'dermlens-edits-'));
    dirs.push(d);
    return d;
  }
  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
    return { code, stdout, stderr };
  }

  it('imports both parts of a release into one versioned table and reports skipped rows with file:line', async () => {
    const dir = tmp();
    const r = await run(['data', 'import-ncci', fixture('ccipra-v310r0-f1.txt'), fixture('ccipra-v310r0-f2.txt'), '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ccipra-v310r0-f1.txt:11: skipped: column 1 "1130" is not a 5-character code');
    expect(r.stderr).toContain('ccipra-v310r0-f1.txt:13: skipped: modifier indicator "2" is not 0, 1 or 9');
    expect(r.stdout).toContain('NCCI PTP v310r0: 7 edits stored');
    expect(r.stdout).toContain('(1 row without a DermLens catalog code left out; --all keeps them)');
    expect(r.stdout).toContain('imported 1 PTP version; 3 bad rows skipped');
    expect(readdirSync(dir)).toEqual(['ncci-ptp-v310r0.json']);
  });

  it('--all keeps rows outside the catalog; parts imported separately are merged', async () => {
    const dir = tmp();
    await run(['data', 'import-ncci', fixture('ccipra-v310r0-f1.txt'), '--data-dir', dir, '--all']);
    const r = await run(['data', 'import-ncci', fixture('ccipra-v310r0-f2.txt'), '--data-dir', dir, '--all']);
    expect(r.stdout).toContain('NCCI PTP v310r0: 8 edits stored');
    const list = await run(['data', 'list', '--data-dir', dir]);
    expect(list.stdout).toContain('NCCI PTP v310r0');
    expect(list.stdout).toContain('8 rows');
  });

  it('a deleted edit applies only through its deletion date; a newer release changes the indicator from its date', async () => {
    const dir = tmp();
    expect((await run(['data', 'import-ncci', fixture('ccipra-v310r0-f1.txt'), '--data-dir', dir, '--effective', '2025-01-01'])).code).toBe(0);
    expect((await run(['data', 'import-ncci', fixture('ccipra-v311r0-f1.txt'), '--data-dir', dir, '--effective', '2025-07-01'])).code).toBe(0);
    const encounter = (dos: string) =>
      JSON.stringify({
        visit: { dateOfService: dos },
        lesions: [{ label: 'A' }, { label: 'B' }],
        procedures: [
          { id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A', site: { key: 'back', text: 'back' } },
          { id: 'p2', kind: 'shave-removal', lesionLabels: ['B'], site: { key: 'arm', text: 'arm' }, lesionDiameterCm: 0.4 },
        ],
      });
    const files = ['2025-03-01', '2025-07-01'].map((dos) => {
      const f = join(dir, `enc-${dos}.json`);
      writeFileSync(f, encounter(dos));
      return f;
    });
    const r = await run(['code', '--edits', dir, '--pathology', 'external', '--payer', 'medicare', ...files]);
    expect(r.code).toBe(0);
    const [march, july] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const lineOf = (claim: { lines: { code: string; modifiers: string[] }[] }, code: string) => claim.lines.find((l) => l.code === code);
    const ncci = (claim: { findings: { rule: string; severity: string; message: string }[] }) => claim.findings.filter((f) => f.rule === 'checks/ncci-ptp');
    // Biopsy (11102) and shave removal (11300) of different lesions: the biopsy carries XS (biopsy family),
    // which bypasses the indicator-1 edit of release v310r0 in March.
    expect(lineOf(march, '11300')?.modifiers).toEqual([]);
    expect(lineOf(march, '11102')?.modifiers).toEqual(['XS']);
    expect(ncci(march)).toEqual([]);
    // From 2025-07-01 release v311r0 deletes that row and makes the pair indicator 0: will deny, no modifier helps.
    expect(ncci(july).map((f) => f.severity)).toEqual(['error']);
    expect(ncci(july)[0]?.message).toContain('Will deny: NCCI pair 11300/11102');
    // With a CMS table loaded, the "not checked" note is gone.
    expect(march.findings.map((f: { rule: string }) => f.rule)).not.toContain('checks/edits-not-checked');
  });

  it('imports two MUE versions; the date of service picks the right one', async () => {
    const dir = tmp();
    const a = await run(['data', 'import-mue', fixture('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv'), '--data-dir', dir]);
    expect(a.code).toBe(0);
    expect(a.stderr).toContain('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv:11: skipped: MUE value "four" for 11105 is not a whole number');
    expect(a.stdout).toContain('5 MUE rows read');
    expect(a.stdout).toContain('3 bad rows skipped; 4 stored');
    expect(a.stdout).toContain('(1 code outside the DermLens catalog left out; --all keeps them)');
    const b = await run(['data', 'import-mue', fixture('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv'), '--data-dir', dir]);
    expect(b.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['mue-2025-01-01.json', 'mue-2025-07-01.json']);

    const encounter = (dos: string) =>
      JSON.stringify({
        visit: { dateOfService: dos },
        procedures: [1, 2, 3, 4, 5, 6].map((i) => ({ id: `b${i}`, kind: 'biopsy-tangential', lesionLabels: [`L${i}`], site: { key: 'back', text: 'back' } })),
      });
    const files = ['2025-06-30', '2025-07-01'].map((dos) => {
      const f = join(dir, `enc-${dos}.json`);
      writeFileSync(f, encounter(dos));
      return f;
    });
    const r = await run(['code', '--edits', dir, '--pathology', 'external', ...files]);
    expect(r.code).toBe(0);
    const [june, july] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // 11102 + 11103×5: the 2025-01-01 table allows 6 units of 11103, the 2025-07-01 table 4.
    expect(june.lines.map((l: { code: string; units: number }) => `${l.code}x${l.units}`)).toEqual(['11102x1', '11103x5']);
    expect(june.findings.filter((f: { rule: string }) => f.rule === 'checks/mue')).toEqual([]);
    const julyMue = july.findings.filter((f: { rule: string }) => f.rule === 'checks/mue');
    expect(julyMue).toHaveLength(1);
    expect(julyMue[0].message).toContain('11103: 5 units on this date of service exceed the MUE of 4');
  });

  it('without --edits, dermlens code uses $DERMLENS_DATA_DIR when it holds tables', async () => {
    const dir = tmp();
    await run(['data', 'import-mue', fixture('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv'), '--data-dir', dir]);
    const f = join(dir, 'enc.json');
    writeFileSync(
      f,
      JSON.stringify({
        visit: { dateOfService: '2025-08-01' },
        procedures: [1, 2, 3, 4, 5, 6].map((i) => ({ id: `b${i}`, kind: 'biopsy-tangential', lesionLabels: [`L${i}`], site: { key: 'back', text: 'back' } })),
      }),
    );
    const saved = process.env.DERMLENS_DATA_DIR;
    try {
      process.env.DERMLENS_DATA_DIR = dir;
      const withEnv = JSON.parse((await run(['code', '--pathology', 'external', f])).stdout);
      expect(withEnv.findings.map((x: { rule: string }) => x.rule)).toContain('checks/mue');
      process.env.DERMLENS_DATA_DIR = join(dir, 'nothing-here');
      const without = JSON.parse((await run(['code', '--pathology', 'external', f])).stdout);
      expect(without.findings.map((x: { rule: string }) => x.rule)).not.toContain('checks/mue');
    } finally {
      if (saved === undefined) delete process.env.DERMLENS_DATA_DIR;
      else process.env.DERMLENS_DATA_DIR = saved;
    }
  });

  it('bad input: unknown version, missing file, Excel file, empty file → exit 2 with one line', async () => {
    const dir = tmp();
    const noVersion = join(dir, 'edits.txt');
    writeFileSync(noVersion, read('ccipra-v310r0-f1.txt'));
    const r1 = await run(['data', 'import-ncci', noVersion, '--data-dir', dir]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('cannot tell the PTP version');
    const r2 = await run(['data', 'import-mue', join(dir, 'MCR_MUE_PractitionerServices_Eff_2025-01-01.csv'), '--data-dir', dir]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('cannot read');
    const xlsx = join(dir, 'MCR_MUE_PractitionerServices_Eff_2025-01-01.xlsx');
    writeFileSync(xlsx, 'PK');
    const r3 = await run(['data', 'import-mue', xlsx, '--data-dir', dir]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('save the sheet as CSV');
    const empty = join(dir, 'ccipra-v399r0-f1.txt');
    writeFileSync(empty, 'notice only\n');
    const r4 = await run(['data', 'import-ncci', empty, '--data-dir', dir]);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toContain('no PTP edit rows found');
    const r5 = await run(['code', '--edits', join(dir, 'missing'), noVersion]);
    expect(r5.code).toBe(2);
    expect(r5.stderr).toContain('no such directory');
    for (const r of [r1, r2, r3, r4, r5]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
