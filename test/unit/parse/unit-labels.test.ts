import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { unitLabels } from '../../../core/parse/unit-labels';

describe('unitLabels', () => {
  it.each([
    ['unit in parentheses before a colon', 'Lesion diameter (cm): 1.1', 'Lesion diameter: 1.1 cm  '],
    ['unit in brackets before an equals sign', 'Margin [mm] = 2', 'Margin = 2 mm  '],
    ['area unit', 'Defect area (sq cm): 12.5', 'Defect area: 12.5 sq cm  '],
    ['a value already carrying its unit is left alone', 'Repair length (cm): 3.2 cm', 'Repair length (cm): 3.2 cm'],
    ['a parenthesis that is no unit is left alone', 'Specimen (A): shave', 'Specimen (A): shave'],
  ])('%s', (_name, input, expected) => {
    const out = unitLabels(input);
    expect(out).toBe(expected);
    // One code unit for one (padded): offsets into the text stay put.
    expect(out.length).toBe(input.length);
  });

  it('lets a form whose labels carry the units code its sizes', () => {
    const note = [
      'DOS: 10/27/2026',
      'Procedure: Excision, elliptical, full thickness, L upper arm',
      'Lesion diameter (cm): 1.1',
      'Narrowest margin (cm): 0.2',
      'Intermediate (layered) closure',
      'Repair length (cm): 3.2',
    ].join('\n');
    const codes = codeEncounter(parseNote(note)).lines.map((l) => `${l.code} x${l.units}`);
    expect(codes).toEqual(expect.arrayContaining(['11402 x1', '12032 x1']));
  });
});
