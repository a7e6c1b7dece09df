import { describe, expect, it } from 'vitest';
import { compareSites } from '../../../core/reconcile/site-match';

describe('compareSites', () => {
  const cases: [string, { text: string; key?: string; laterality?: 'left' | 'right' } | undefined, string | undefined, string][] = [
    [
      'same site, abbreviations vs words',
      { text: 'R nasal sidewall', key: 'nasal-sidewall', laterality: 'right' },
      'Skin, right nasal sidewall, shave biopsy',
      'same',
    ],
    ['opposite sides', { text: 'L cheek', key: 'cheek', laterality: 'left' }, 'Skin, right cheek', 'conflict'],
    ['another body region', { text: 'R forearm', key: 'forearm', laterality: 'right' }, 'right upper back', 'conflict'],
    ['same region, other subunit', { text: 'L cheek', key: 'cheek', laterality: 'left' }, 'left temple', 'near'],
    ['report without a site', { text: 'L cheek', key: 'cheek', laterality: 'left' }, undefined, 'unknown'],
    ['no charted site', undefined, 'left cheek', 'unknown'],
    ['charted site text only is resolved', { text: 'left upper back' }, 'Skin, L upper back, shave', 'same'],
  ];
  for (const [name, charted, reported, expected] of cases) {
    it(name, () => expect(compareSites(charted, reported)).toBe(expected));
  }
});
