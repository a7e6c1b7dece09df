import { describe, expect, it } from 'vitest';
import { parseMemo, parseObjectMap, resetMemos } from '../../../core/parse/memo';

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

  it('keeps facts about the objects of a parse until the next parse starts', () => {
    const facts = parseObjectMap<object, number>();
    const unit = {};
    facts.set(unit, 7);
    expect(facts.get(unit)).toBe(7);
    expect(facts.get({})).toBeUndefined();
    resetMemos();
    expect(facts.get(unit)).toBeUndefined();
  });
});
