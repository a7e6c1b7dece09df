import { describe, expect, it } from 'vitest';
import { csvIdentity, detectDelimiter, isoDate, mapHeader, parseBilledCodes, parseCsv, readEncounterCsv } from '../../../cli/audit/csv-input';
import { normalizeName } from '../../../core/parse/identity';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\r\n1,2,3\r\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'LF line ends and no final break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'quoted multi-line field',
      'id,note\n1,"line one\r\nline two\nline three"\n',
      [
        ['id', 'note'],
        ['1', 'line one\r\nline two\nline three'],
      ],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
    ['blank lines are not records', 'a\n\n\nb\n', [['a'], ['b']]],
    ['BOM dropped', '\uFEFFa,b\n', [['a', 'b']]],
  ])('%s', (_name, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('counts lines across quoted line breaks', () => {
    const records = parseCsv('h1,h2\n"a\nb\nc",1\nx,2\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('flags a quote that is never closed', () => {
    const records = parseCsv('a,b\n1,"open\nmore\n');
    expect(records[1]?.error).toMatch(/never closed/);
    expect(records[1]?.line).toBe(2);
  });

  it('flags text after a closing quote', () => {
    expect(parseCsv('"a"b,c\n')[0]?.error).toMatch(/after a closing quote/);
  });
});

describe('mapHeader: accepted header names', () => {
  it.each([
    [
      ['Encounter ID', 'MRN', 'DOS', 'Provider', 'Note Text', 'Billed Codes'],
      { encounterId: 0, patientKey: 1, dateOfService: 2, provider: 3, note: 4, billedCodes: 5 },
    ],
    [
      ['encounter_id', 'patient_key', 'date_of_service', 'rendering_provider', 'note', 'billed_codes'],
      { encounterId: 0, patientKey: 1, dateOfService: 2, provider: 3, note: 4, billedCodes: 5 },
    ],
    [
      ['id', 'Patient', 'Service Date', 'Physician', 'Documentation', 'CPT'],
      { encounterId: 0, patientKey: 1, dateOfService: 2, provider: 3, note: 4, billedCodes: 5 },
    ],
    [['Visit ID', 'Notes'], { encounterId: 0, note: 1 }],
  ])('%j', (header, expected) => {
    expect(mapHeader(header)).toEqual(expected);
  });

  it('prefers "encounter id" over a bare "id"', () => {
    expect(mapHeader(['id', 'encounter id', 'note'])).toMatchObject({ encounterId: 1 });
  });

  it('names the headers it found when there is no note column', () => {
    expect(() => mapHeader(['code', 'amount'])).toThrow(/no note text column.*"code", "amount"/);
  });
});

describe('readEncounterCsv', () => {
  const csv = [
    'Encounter ID,MRN,DOS,Provider,Note,Billed',
    'E1,123,03/02/2026,"Rivera, MD","Patient note\nwith ""quotes"", commas\nand lines",11102',
    'E2,124,03/03/2026,Okafor,Shave bx L arm, specimen A,11102',
    'E3,125,03/04/2026,Okafor,,99213',
    'E1,126,03/05/2026,Okafor,Second note with a reused id,',
    'E4,127,03/06/2026,Okafor,"never closed',
  ].join('\r\n');
  const { rows, skipped } = readEncounterCsv(csv, 'x.csv');

  it('reads good rows with quoted multi-line notes', () => {
    expect(rows.map((r) => r.encounterId)).toEqual(['E1', 'E1@7']);
    expect(rows[0]).toMatchObject({
      location: 'x.csv:2',
      patient: '123',
      patientKind: 'mrn',
      dateOfService: '03/02/2026',
      provider: 'Rivera, MD',
      note: 'Patient note\nwith "quotes", commas\nand lines',
      billedCodes: '11102',
    });
    expect(rows[1]?.billedCodes).toBeUndefined();
  });

  it('skips malformed rows with their line and reason', () => {
    expect(skipped).toEqual([
      { location: 'x.csv:5', reason: expect.stringMatching(/^7 fields where the header has 6/) },
      { location: 'x.csv:6', reason: 'empty note text' },
      { location: 'x.csv:8', reason: expect.stringMatching(/never closed/) },
    ]);
  });

  it('reports an empty file and a file without a note column', () => {
    expect(readEncounterCsv('', 'e.csv').skipped).toEqual([{ location: 'e.csv', reason: 'empty CSV file' }]);
    expect(readEncounterCsv('code,amount\n11102,10\n', 'f.csv').skipped[0]).toMatchObject({
      location: 'f.csv:1',
      reason: expect.stringMatching(/no note text column/),
    });
  });
});

describe('tab- and semicolon-separated exports', () => {
  it.each([
    ['id,note\n', ','],
    ['id\tnote\n', '\t'],
    ['id;note\n', ';'],
    ['note\n', ','],
    ['id;note,x\n', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads a TSV export with a quoted multi-line note', () => {
    const { rows, skipped } = readEncounterCsv('Encounter ID\tMRN\tNote\tBilled\nE1\t12\t"line one\tstill note\nline two"\t11102; 88305\n', 't.tsv');
    expect(skipped).toEqual([]);
    expect(rows[0]).toMatchObject({ encounterId: 'E1', patient: '12', note: 'line one\tstill note\nline two', billedCodes: '11102; 88305' });
  });

  it('reads a semicolon export where commas are part of the text', () => {
    const { rows } = readEncounterCsv('id;patient;note\nE1;Doe, Jane;Shave bx L arm, specimen A\n', 's.csv');
    expect(rows[0]).toMatchObject({ encounterId: 'E1', patient: 'Doe, Jane', patientKind: 'any', note: 'Shave bx L arm, specimen A' });
  });
});

describe('parseBilledCodes', () => {
  it.each([
    [
      '11102, 11103',
      [
        { code: '11102', units: 1, modifiers: [] },
        { code: '11103', units: 1, modifiers: [] },
      ],
      [],
    ],
    [
      '17000; 17003 x5',
      [
        { code: '17000', units: 1, modifiers: [] },
        { code: '17003', units: 5, modifiers: [] },
      ],
      [],
    ],
    ['88305-59 x2', [{ code: '88305', units: 2, modifiers: ['59'] }], []],
    ['11104-XS-RT', [{ code: '11104', units: 1, modifiers: ['XS', 'RT'] }], []],
    ['j3301 (4)', [{ code: 'J3301', units: 4, modifiers: [] }], []],
    [
      '17003*13 | 0479T',
      [
        { code: '17003', units: 13, modifiers: [] },
        { code: '0479T', units: 1, modifiers: [] },
      ],
      [],
    ],
    ['11102, 9999X, hello', [{ code: '11102', units: 1, modifiers: [] }], ['9999X', 'hello']],
    ['11102 x0', [], ['11102 x0']],
  ])('%s', (text, charges, unread) => {
    expect(parseBilledCodes(text)).toEqual({ charges, unread });
  });
});

describe('isoDate', () => {
  it.each([
    ['03/14/2026', '2026-03-14'],
    ['3/4/26', '2026-03-04'],
    ['2026-03-14', '2026-03-14'],
    ['2026-3-4', '2026-03-04'],
    ['2026-03-14T10:00:00', '2026-03-14'],
    ['02/30/2026', undefined],
    ['13/01/2026', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });
});

describe('csvIdentity: a CSV patient cell hashes like the note header', () => {
  it.each([
    ['880001', 'mrn', 'mrn:880001'],
    ['ab-12', 'mrn', 'mrn:AB-12'],
    ['PK_77', 'key', 'key:PK_77'],
    ['A1234', 'any', 'mrn:A1234'],
    ['Doe, Jane A.', 'any', 'name:jane doe'],
  ] as const)('%s (%s) → %s', (value, kind, expected) => {
    expect(csvIdentity(value, kind, normalizeName)).toBe(expected);
  });
});
