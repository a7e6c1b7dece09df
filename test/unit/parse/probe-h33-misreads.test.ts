import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { pipeFields, stackedFields } from '../../../core/parse/stacked-fields';
import { priorMalignantBiopsyIn } from '../../../core/parse/triggers';

// Known misreads found by probe h28 (round 11) and fixed by probe h33 (round 12): each case is one general layout.

const claim = (text: string) =>
  codeEncounter(parseNote(text)).lines.map(
    (l) => `${l.code} x${l.units}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} [${l.specimenLabels.join(',') ?? ''}]`,
  );

describe('probe h33: grid cells whose labels name no known field, read one cell a line', () => {
  const grid = (proc: string, jar: string) =>
    `Procedure\n${proc}\nBody area\nL forearm\nReason\nr/o BCC\nSize\n0.6 cm\nHemostatic agent\nAluminum chloride\nSpecimen\n${jar}`;

  it('free labels between field names join as fields of the same grid', () => {
    expect(stackedFields(grid('Shave biopsy', 'A'))).toBe(
      'Procedure: Shave biopsy\nBody area: L forearm\nReason: r/o BCC\nSize: 0.6 cm\nHemostatic agent: Aluminum chloride\nSpecimen: A',
    );
  });

  it.each([
    ['a free label first', 'Body area\nL forearm\nSite\nL arm\nSize\n4 mm\nSpecimen\nA', 'Body area\nL forearm\nSite: L arm\nSize: 4 mm\nSpecimen: A'],
    [
      'free labels after the last field name',
      'Site\nL arm\nSize\n4 mm\nSpecimen\nA\nFollow up\nIn 3 months',
      'Site: L arm\nSize: 4 mm\nSpecimen: A\nFollow up\nIn 3 months',
    ],
    [
      'two field names only',
      'Procedure\nShave biopsy\nBody area\nL arm\nReason\nr/o BCC\nSpecimen\nA',
      'Procedure\nShave biopsy\nBody area\nL arm\nReason\nr/o BCC\nSpecimen\nA',
    ],
    [
      'a long sentence under a free label',
      'Site\nL arm\nHistory\nThe patient noticed this lesion about three months ago and it has bled twice.\nSize\n4 mm\nSpecimen\nA',
      'Site\nL arm\nHistory\nThe patient noticed this lesion about three months ago and it has bled twice.\nSize\n4 mm\nSpecimen\nA',
    ],
  ])('%s', (_name, text, out) => {
    expect(stackedFields(text)).toBe(out);
  });

  it('two such grids code their own jars and techniques', () => {
    const text = `Procedures:\n${grid('Shave biopsy', 'A')}\n${grid('Punch biopsy', 'B').replace('L forearm', 'R upper back').replace('Hemostatic agent\nAluminum chloride', 'Wound care\nPetrolatum and bandage')}`;
    // Tangential and punch biopsies of two lesions: the punch is the primary (11104), the shave its add-on 11103 (§1.2);
    // two specimens, 88305 x2 (§7.1).
    expect(claim(text)).toEqual(['11104 x1 [B]', '11103 x1 [A]', '88305 x2 [A,B]']);
  });
});

describe('probe h33: a pipe-text table under a lead line', () => {
  const note = (lead: string, header: string, rows: string[]) =>
    ['Date of service: 11/20/2026', 'Procedure:', lead, header, ...rows, 'Hemostasis with aluminum chloride. Both sent to dermpath.'].join('\n');

  it('the lead and the column names are not the first procedure; each row is one, with the lead intent', () => {
    // Two tangential biopsies: 11102 + 11103, two jars 88305 x2 (§1.2, §7.1). Read before: the lead took the header and
    // row 1 as its own (one biopsy) and row 2 had no intent.
    const rows = ['L dorsal forearm | 0.6 cm | tangential shave | A', 'R upper back | 0.8 cm | tangential shave | B'];
    expect(claim(note('Shave biopsies of two lesions, as below.', 'Site | Size | Technique | Specimen', rows))).toEqual([
      '11102 x1 [A]',
      '11103 x1 [B]',
      '88305 x2 [A,B]',
    ]);
    expect(
      claim(
        note(
          'Shave biopsies of two lesions, as below.',
          '# | Site | Size | Technique | Specimen',
          rows.map((r, i) => `${i + 1} | ${r}`),
        ),
      ),
    ).toEqual(['11102 x1 [A]', '11103 x1 [B]', '88305 x2 [A,B]']);
    // A lead naming only "biopsies": its bare "tangential shave" rows are those biopsies.
    expect(claim(note('Biopsies of two lesions, as below.', 'Site | Size | Technique | Specimen', rows))).toEqual([
      '11102 x1 [A]',
      '11103 x1 [B]',
      '88305 x2 [A,B]',
    ]);
  });
});

describe('probe h33: rows of a label cell and a value cell (a table with no colons)', () => {
  it('a run naming two fields reads as fields; column names and lone rows are left alone', () => {
    expect(pipeFields('1. Excision\nSite | L anterior thigh\nDepth | Full thickness\nMargins | 0.2 cm\nSpecimen | A')).toBe(
      '1. Excision\nSite: L anterior thigh\nDepth: Full thickness\nMargins: 0.2 cm\nSpecimen: A',
    );
    for (const text of [
      'Site | Size\nL arm | 0.4 cm\nR leg | 0.6 cm',
      'Site | L arm\nThe patient tolerated it well.',
      'Referred by | Dr. Lee\nPharmacy | Main St',
    ])
      expect(pipeFields(text)).toBe(text);
  });

  it('the excision in a nested field table keeps its margin and jar', () => {
    const text =
      'Date of service: 11/25/2026\nPROCEDURES\n1. Excision\nSite | L anterior thigh\nLesion size | 0.8 cm\nMargins | 0.2 cm\nClosure | Simple\nSpecimen | A';
    // 0.8 + 2 x 0.2 = 1.2 cm, trunk/limbs, held for pathology as benign (§3.1-3.3); read before: 0.8 cm (11401), jar "1".
    expect(claim(text)).toEqual(['11402 x1 [A]', '88305 x1 [A]']);
  });
});

describe('probe h33: counts', () => {
  it.each([
    ['a comma between the count and the lesion word', 'Cryotherapy with LN2 of 6 thick, hypertrophic actinic keratoses of the scalp, 2 cycles.'],
    ['a "Number treated" field', 'Procedure: Cryotherapy, liquid nitrogen\nLesion type: Actinic keratoses\nNumber treated: 6'],
  ])('%s', (_name, line) => {
    // 6 AKs = 17000 + 17003 x5 (§2.1); read before as 1 lesion.
    expect(claim(`Date of service: 11/25/2026\nProcedure:\n${line}`)).toEqual(['17000 x1 []', '17003 x5 []']);
  });
});

describe('probe h33: a result a plan waits for is no biopsy proof', () => {
  it('"excision only if pathology shows SCC" leaves today\'s biopsy D49.2', () => {
    const text =
      'Date of service: 11/24/2026\nProcedures:\nShave biopsy, L posterior upper arm, r/o SCC, specimen A.\nExcision, L posterior upper arm - pending, only if pathology shows SCC.';
    expect(priorMalignantBiopsyIn('Excision - pending, only if pathology shows SCC.')).toBe(false);
    expect(priorMalignantBiopsyIn('Excision today: path showed SCC.')).toBe(true);
    const lines = codeEncounter(parseNote(text)).lines.filter((l) => l.code === '11102');
    expect(lines.map((l) => l.dx)).toEqual([['D49.2']]);
  });
});
