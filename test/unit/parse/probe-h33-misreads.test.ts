import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { stackedFields } from '../../../core/parse/stacked-fields';

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
  });
});
