import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads left from session 7 (note7's closing list), coded end to end (parse → rules): exact lines, dx and finding ids.

describe('a biopsied lesion told only by its look, with a benign problem at another site on the next line', () => {
  const biopsy = 'Pink scaly papule left upper back, 6 mm. Consent obtained. Tangential biopsy performed and sent to dermatopathology.\n';
  it.each([
    ['SKs on the chest, left alone', 'Seborrheic keratoses, chest: benign, no treatment.\n'],
    ['SKs on the trunk, left alone', 'Seborrheic keratoses, trunk: benign, no treatment.\n'],
    ['SKs on the chest, no plan words', 'Seborrheic keratoses, chest.\n'],
    ['a cherry angioma on the R arm, reassured', 'Cherry angioma R arm - reassured.\n'],
  ])('%s → D49.2 with the "no clinical diagnosis" info', (_name, other) => {
    const r = codeNote(`Assessment and plan:\n${biopsy}${other}`, { pathology: 'in-house' });
    // Reference §13.1-13.2: each line points to its own lesion's dx; an undiagnosed lesion before pathology is D49.2.
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).toEqual(['diagnosis/before-pathology']);
  });

  it('the same without the consent sentence', () => {
    const r = codeNote(
      'Assessment and plan:\nPink scaly papule left upper back, 6 mm. Tangential biopsy performed, sent to path.\nSeborrheic keratoses, chest: benign, no treatment.\n',
    );
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });

  it('a problem at the biopsied site that the plan does not leave alone is still what was sampled', () => {
    const r = codeNote('Assessment and plan:\nIrritated seborrheic keratosis, left upper back.\nTangential biopsy performed, sent to path.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0']]);
  });
});
