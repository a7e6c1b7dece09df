import { describe, expect, it } from 'vitest';
import { jarKeys, sideOf } from '../../../core/parse/jar-key';

describe('jarKeys', () => {
  it.each([
    [
      'Both specimens to pathology (A: R upper back, B: L posterior thigh).',
      [
        ['A', 'R upper back'],
        ['B', 'L posterior thigh'],
      ],
    ],
    [
      'Shave biopsies of both (R = A, L = B).',
      [
        ['A', 'R'],
        ['B', 'L'],
      ],
    ],
    [
      'Shave biopsies of both (right: A; left: B).',
      [
        ['A', 'right'],
        ['B', 'left'],
      ],
    ],
    [
      'punches (L=A/R=B)',
      [
        ['A', 'L'],
        ['B', 'R'],
      ],
    ],
    [
      'punches (R -> A, and L -> B)',
      [
        ['A', 'R'],
        ['B', 'L'],
      ],
    ],
    [
      '(jar A = nose/cheek, jar B = chin)',
      [
        ['A', 'nose/cheek'],
        ['B', 'chin'],
      ],
    ],
  ])('%s', (text, pairs) => {
    expect(jarKeys(text).map((k) => k.map((p) => [p.label, p.where]))).toEqual([pairs]);
  });

  it.each(['(A: 4 mm, B)', '(R = A, L = A)', '(A: R cheek)', '(see above, 2 sutures)', '(A: R cheek; tolerated well)'])('%s is no key', (text) => {
    expect(jarKeys(text)).toEqual([]);
  });
});

describe('sideOf', () => {
  it.each([
    ['R', 'right'],
    ['rt.', 'right'],
    ['Left', 'left'],
    ['L cheek', undefined],
  ])('%s → %s', (where, side) => {
    expect(sideOf(where)).toBe(side);
  });
});
