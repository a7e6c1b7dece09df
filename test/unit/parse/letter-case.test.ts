import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { capitalLabels, isLowerCaseNote } from '../../../core/parse/letter-case';

const LOWER = [
  'dos 03/02/2026',
  'shave bx x2:',
  'a) r cheek 0.5 cm pink papule, r/o bcc, spec a',
  'b) l forearm 0.6 cm scaly papule, r/o scc, spec b',
  'both specimens to in-house dermpath.',
].join('\n');

describe('notes typed all in lower case', () => {
  it.each([
    [
      'a jar word and its letter',
      'shave bx of a papule on the r cheek, specimen a sent to path, jar c too',
      'shave bx of a papule on the r cheek, specimen A sent to path, jar C too',
    ],
    [
      'a list of jars',
      'two punch biopsies of the scalp sent as specimens a and b to dermpath today',
      'two punch biopsies of the scalp sent as specimens A and B to dermpath today',
    ],
    [
      'a letter in parentheses and list items',
      'a) r cheek shave bx (a) to the lab\nb. l arm punch bx (b) to the lab also',
      'A) r cheek shave bx (A) to the lab\nB. l arm punch bx (B) to the lab also',
    ],
  ])('%s', (_name, input, expected) => {
    const out = capitalLabels(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });

  it('leaves ordinary notes alone: one capital in 200 letters is enough', () => {
    const typed = 'Shave bx of a papule, specimen a to path (a).';
    expect(isLowerCaseNote(typed.repeat(3))).toBe(false);
    expect(capitalLabels(typed.repeat(3))).toBe(typed.repeat(3));
    expect(isLowerCaseNote('spec a')).toBe(false);
  });

  it('codes the two lower-case jars as two biopsies and two specimens', () => {
    const lines = codeEncounter(parseNote(LOWER)).lines.map((l) => `${l.code} x${l.units} ${l.specimenLabels.join(',')}`);
    expect(lines).toEqual(['11102 x1 A', '11103 x1 B', '88305 x2 A,B']);
  });
});
