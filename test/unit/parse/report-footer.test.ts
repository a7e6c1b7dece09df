import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';

const REPORT = [
  'PATHOLOGY REPORT (in-house lab)  Signed 02/24/2026',
  'A. Skin, right cheek, excision:',
  '   FINAL DIAGNOSIS: INVASIVE SQUAMOUS CELL CARCINOMA, well differentiated.',
].join('\n');

describe('a report’s page furniture and footer are not reports', () => {
  it.each([
    ['a sign-out then a page number', 'Signed 12/01/2026\nPage 2 of 2'],
    [
      'an e-signature then a confidentiality notice',
      'Electronically signed by J. Okafor, MD on 12/01/2026 17:42\nCONFIDENTIAL: contains protected health information.',
    ],
    ['a page number alone', 'Page 2 of 2'],
    ['an end-of-report line', '*** END OF REPORT ***'],
  ])('%s', (_name, footer) => {
    const e = parseNote(`${REPORT}\n\n${footer}\n`);
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([['A', 'malignant']]);
    expect(e.unread.map((u) => u.reason)).toEqual([]);
  });

  it('a labelled report after a sign-out line is still read', () => {
    const e = parseNote(`${REPORT}\nSigned 02/24/2026\nB. Skin, left arm, shave: SEBORRHEIC KERATOSIS.\n`);
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['A', 'malignant'],
      ['B', 'benign'],
    ]);
  });
});
