import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, claimsToCsv, csvField } from '../../../core/export/csv';
import { line, sampleDraft } from './sample';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('csvField (RFC 4180)', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
  ];
  for (const [input, out] of cases) it(JSON.stringify(input), () => expect(csvField(input)).toBe(out));
  it('neutralises a spreadsheet formula in a text cell', () => expect(csvField('=HYPERLINK("x")', true)).toBe('"\'=HYPERLINK(""x"")"'));
  it('leaves codes alone', () => expect(csvField('-', false)).toBe('-'));
});

describe('claimsToCsv', () => {
  const rows = parseCsv(claimsToCsv([{ draft: sampleDraft(), file: 'visit, June 10.txt' }]));
  const byCode = (code: string) => rows.find((r) => r[4] === code) as string[];

  it('has the header and one row per claim line (held and self-pay included)', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['99213', '11102', '11103', '11200', 'J3301', '88305', '17110']);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('quotes a file name with a comma and keeps DOS and line numbers', () => {
    expect(byCode('11102').slice(0, 5)).toEqual(['visit, June 10.txt', 'visit-06-10.txt', '2026-06-10', '2', '11102']);
  });

  it('spreads modifiers over mod1-mod4 (at most four)', () => {
    expect(byCode('11200').slice(5, 9)).toEqual(['XS', 'RT', 'E1', 'GA']);
    expect(byCode('99213').slice(5, 9)).toEqual(['25', '', '', '']);
  });

  it('writes units, claim-level dx pointers and codes, billing and status', () => {
    expect(byCode('99213').slice(9, 14)).toEqual(['1', '1:2', 'L57.0:C44.311', 'insurance', 'ready']);
    expect(byCode('11103').slice(9, 12)).toEqual(['2', '3:4', 'L82.1:D22.5']);
    expect(byCode('88305')[13]).toBe('held-for-pathology');
    expect(byCode('17110')[12]).toBe('self-pay');
  });

  it('quotes a description with a comma', () => {
    const csv = claimsToCsv([{ draft: { ...sampleDraft(), lines: [line('11402', { description: 'Excision, benign, 1.1-2.0 cm' })] } }]);
    expect(csv.split('\r\n')[1]).toContain('"Excision, benign, 1.1-2.0 cm"');
    expect(parseCsv(csv)[1]?.[14]).toBe('Excision, benign, 1.1-2.0 cm');
  });

  it('several claims share one header; header can be left out', () => {
    const two = parseCsv(claimsToCsv([{ draft: sampleDraft() }, { draft: sampleDraft() }]));
    expect(two.filter((r) => r[0] === 'file')).toHaveLength(1);
    expect(two).toHaveLength(1 + 14);
    expect(claimsToCsv([{ draft: sampleDraft() }], { header: false }).startsWith('visit-06-10.txt,')).toBe(true);
  });

  it('no lines, no header-only noise beyond the header', () => {
    expect(claimsToCsv([{ draft: { ...sampleDraft(), lines: [] } }])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('specimensToCsv', () => {
  it('one row per logged specimen, with status, aging, result and follow-up', async () => {
    const { Encounter, Settings } = await import('../../../core/model');
    const { reconcileBatch } = await import('../../../core/reconcile');
    const { specimensToCsv, SPECIMEN_CSV_COLUMNS } = await import('../../../core/export/csv');
    const site = { text: 'L cheek, near "ala"', key: 'cheek', laterality: 'left' as const };
    const visit = (id: string, dos: string) =>
      Encounter.parse({
        id,
        patientKey: 'pk',
        visit: { dateOfService: dos },
        procedures: [{ id: `${id}p`, kind: 'biopsy-tangential', specimenLabel: 'A', site }],
        specimens: [{ label: 'A', procedureId: `${id}p`, site, destination: 'in-house' }],
      });
    const report = Encounter.parse({
      id: 'r',
      patientKey: 'pk',
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma, nodular', behavior: 'malignant', collectedDate: '2026-06-01' }],
    });
    const res = reconcileBatch(
      [
        { encounter: visit('v1', '2026-06-01'), name: 'v1.txt' },
        { encounter: visit('v2', '2026-05-01'), name: 'v2.txt' },
        { encounter: report, name: 'r.txt' },
      ],
      Settings.parse({}),
      { today: '2026-06-10' },
    );
    const rows = parseCsv(specimensToCsv(res.log));
    expect(rows[0]).toEqual([...SPECIMEN_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        'v1.txt',
        '2026-06-01',
        'A',
        'L cheek, near "ala"',
        'biopsy-tangential',
        'in-house',
        'billed',
        'no',
        '',
        'Basal cell carcinoma, nodular',
        'malignant',
        'r.txt',
        'missing',
      ],
      ['v2.txt', '2026-05-01', 'A', 'L cheek, near "ala"', 'biopsy-tangential', 'in-house', 'sent', 'yes', '40', '', '', '', ''],
    ]);
  });
});
