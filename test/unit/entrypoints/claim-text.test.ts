import { describe, expect, it } from 'vitest';
import { claimCsv, claimText, diagnosisPointers, lineText } from '../../../entrypoints/sidepanel/claim-text';
import { line } from './fixtures';

describe('claim text', () => {
  it('lineText: code, modifiers, units', () => {
    expect(lineText(line('99214', { modifiers: ['25'] }))).toBe('99214-25');
    expect(lineText(line('J3301', { units: 3 }))).toBe('J3301 x3');
    expect(lineText(line('11104', { modifiers: ['59', 'RT'], units: 2 }))).toBe('11104-59-RT x2');
  });

  it('claimText sums same code + modifiers (88305 x2), keeps claim order, leaves out self-pay', () => {
    const lines = [
      line('11104'),
      line('11103'),
      line('88305', { specimenLabels: ['A'] }),
      line('88305', { specimenLabels: ['B'] }),
      line('17110', { billing: 'self-pay' }),
      line('88305', { modifiers: ['59'] }),
    ];
    expect(claimText(lines)).toBe('11104\n11103\n88305 x2\n88305-59');
  });

  it('claimCsv: header, one row per line, quoting and formula neutralising', () => {
    const csv = claimCsv([line('11104', { description: 'Punch, "first"', dx: ['D48.5', 'C44.519'] }), line('=cmd', { description: '-1+1' })], '2026-03-02');
    expect(csv.split('\n')).toEqual([
      'date_of_service,line,code,modifiers,units,dx,dx_pointers,description,lesions,specimens,billing,status',
      '2026-03-02,1,11104,,1,D48.5 C44.519,AB,"Punch, ""first""",,,insurance,ready',
      "2026-03-02,2,'=cmd,,1,,,'-1+1,,,insurance,ready",
    ]);
  });

  it('diagnosisPointers: claim diagnoses in order of first use, up to 4 pointers a line, 12 slots', () => {
    const p = diagnosisPointers([
      line('99214', { dx: ['L40.0', 'L91.0', 'L57.0', 'C44.519', 'D48.5'] }),
      line('17000', { dx: ['L57.0'] }),
      line('11104', { dx: ['D23.71'] }),
    ]);
    expect(p.diagnoses).toEqual(['L40.0', 'L91.0', 'L57.0', 'C44.519', 'D48.5', 'D23.71']);
    expect(p.pointers).toEqual([['A', 'B', 'C', 'D'], ['C'], ['F']]);
    const many = diagnosisPointers(Array.from({ length: 14 }, (_, i) => line('11102', { dx: [`L${10 + i}.0`] })));
    expect(many.diagnoses).toHaveLength(12);
    expect(many.overflow).toEqual(['L22.0', 'L23.0']);
    expect(many.pointers.at(-1)).toEqual([]);
  });
});
