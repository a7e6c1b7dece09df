import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { plainLayout } from '../../../core/parse/layout';

const NOTE = [
  'DOS: 03/02/2026',
  'Procedure: Shave biopsy',
  'Site: R cheek',
  'Size: 0.5 cm, r/o BCC',
  'Specimen A to in-house dermpath.',
  '',
  'Procedure: Punch biopsy 4 mm',
  'Site: L forearm, r/o SCC',
  'Specimen B to in-house dermpath.',
].join('\n');

const claim = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} ${l.specimenLabels.join(',')}`);

describe('page layout that carries no meaning', () => {
  it('a common margin is removed and relative indentation kept', () => {
    expect(plainLayout('    A. Skin, arm:\n      BCC.\n\n    B. Skin, leg: SK.')).toBe('A. Skin, arm:\n  BCC.\n\nB. Skin, leg: SK.');
  });

  it('double spacing: one blank line is a line break, two a paragraph', () => {
    expect(plainLayout('a\n\nb\n\nc\n\n\n\nd\n\ne\n')).toBe('a\nb\nc\n\nd\ne\n');
  });

  it('an ordinary note is returned unchanged (same string)', () => {
    expect(plainLayout(NOTE)).toBe(NOTE);
    // Paragraphs of several lines are not double spacing.
    const paragraphs = 'a\nb\n\nc\nd\n\ne\nf';
    expect(plainLayout(paragraphs)).toBe(paragraphs);
    // A dictation whose paragraphs are each one long line keeps its paragraphs.
    const dictation = Array.from({ length: 5 }, (_, k) => `Paragraph ${k + 1}: ${'the lesion was excised and closed in layers; '.repeat(4)}`).join('\n\n');
    expect(plainLayout(dictation)).toBe(dictation);
  });

  it('an indented or double-spaced export codes as the note', () => {
    const typed = claim(NOTE);
    expect(typed).toEqual(['11104 x1 B', '11103 x1 A', '88305 x2 A,B']);
    expect(claim(NOTE.replace(/^(?=.)/gm, '    '))).toEqual(typed);
    expect(claim(NOTE.replace(/\n/g, '\n\n'))).toEqual(typed);
  });
});
