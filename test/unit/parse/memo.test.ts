import { describe, expect, it } from 'vitest';
import { parseMemo, resetMemos } from '../../../core/parse/memo';

describe('per-parse memo', () => {
  it('computes once per key until the next parse starts', () => {
    const memo = parseMemo<string>();
    let calls = 0;
    const ask = (key: string) => memo(key, () => `${key}:${++calls}`);
    expect(ask('a')).toBe('a:1');
    expect(ask('a')).toBe('a:1');
    expect(ask('b')).toBe('b:2');
    resetMemos();
    expect(ask('a')).toBe('a:3');
  });

  it('remembers undefined results too', () => {
    const memo = parseMemo<string | undefined>();
    let calls = 0;
    const ask = () =>
      memo('x', () => {
        calls++;
        return undefined;
      });
    ask();
    ask();
    expect(calls).toBe(1);
  });

  it('stays bounded', () => {
    const memo = parseMemo<boolean>();
    let calls = 0;
    const count = () => {
      calls++;
      return true;
    };
    for (let k = 0; k < 5000; k++) memo(String(k), count);
    memo('0', count);
    expect(calls).toBe(5001);
  });
});
