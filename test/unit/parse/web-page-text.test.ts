import { describe, expect, it } from 'vitest';
import { parseNote, parseSections } from '../../../core/parse';
import { parseMohsStages } from '../../../core/parse/mohs';

/** Text as a web page gives it: HTML collapses runs of spaces and drops indentation. */
describe('note text that lost its spacing on a web page', () => {
  it('a stain line right under a specimen’s report, no longer indented, stays that specimen’s', () => {
    const e = parseNote(
      [
        'DERMATOPATHOLOGY REPORT -- in-house lab',
        'A. Skin, R upper back, shave biopsy:',
        'ATYPICAL JUNCTIONAL MELANOCYTIC PROLIFERATION, favor severely dysplastic nevus.',
        'Immunohistochemistry: MART-1 and SOX10 performed; no pagetoid spread.',
        'B. Skin, L arm, shave biopsy:',
        'SEBORRHEIC KERATOSIS, irritated.',
      ].join('\n'),
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.ihc.length])).toEqual([
      ['A', 2],
      ['B', 0],
    ]);
  });

  it('a Mohs stage table whose columns are single spaces', () => {
    expect(parseMohsStages('Stage Blocks Margin status\nI 4 (+) superior/medial\nII 6 (+) medial, focal\nIII 2 clear\n\nTumor-free.')).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 6 },
      { stage: 3, blocks: 2 },
    ]);
  });

  it('a pathology addendum appended inside an EMR Assessment/Plan section is read as pathology', () => {
    const e = parseSections([
      {
        name: 'Assessment/Plan',
        role: 'assessment',
        text: '1. Annular eruption, dorsal forearms. Punch biopsy 4 mm L dorsal forearm performed, specimen A, in-house dermpath.\nAddendum 06/29/2026: Path A: Interface dermatitis with mucin, consistent with SCLE. PAS stain negative.',
      },
    ]);
    expect(e.pathology.map((r) => [r.specimenLabel, r.stains.map((s) => s.name)])).toEqual([['A', ['PAS']]]);
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-punch']);
  });
});
