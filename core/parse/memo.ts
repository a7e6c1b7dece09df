/**
 * Results of pure functions of a short text, remembered for one parse only: the parser asks the same question
 * of the same clause several times (the status of a clause, the lesion type of a block). Every memo is emptied
 * when a parse starts and never holds more than MAX_ENTRIES results, so nothing carries over between notes.
 * Only for results that callers never change (strings, numbers, booleans, undefined).
 */
const MAX_ENTRIES = 1000;
const memos: Map<string, unknown>[] = [];

export type Memo<R> = (key: string, compute: () => R) => R;

/** Stands for a remembered `undefined`, so one lookup answers. */
const NONE = Symbol('none');

export function parseMemo<R extends string | number | boolean | undefined>(): Memo<R> {
  return textMemo<R>();
}

/**
 * The same for a result that is an object or array: every caller gets the one remembered value, so no caller may
 * change it (copy it first, as `findTriggers` hands out a copy of its list).
 */
export function parseSharedMemo<R extends object>(): Memo<R> {
  return textMemo<R>();
}

function textMemo<R>(): Memo<R> {
  const memo = new Map<string, R | typeof NONE>();
  memos.push(memo as Map<string, unknown>);
  return (key, compute) => {
    const known = memo.get(key);
    if (known !== undefined) return (known === NONE ? undefined : known) as R;
    const result = compute();
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(key, result === undefined ? NONE : result);
    return result;
  };
}

/**
 * parseMemo for a question asked of a text with a small number beside it (a position in the text): keyed by the text
 * itself, whose hash a string keeps once computed, rather than by a fresh string joining both (hashed anew each time).
 */
export function parseMemoAt<R extends string | number | boolean | undefined>(): (key: string, at: number, compute: () => R) => R {
  const memo = new Map<string, Map<number, R | typeof NONE>>();
  memos.push(memo as Map<string, unknown>);
  return (key, at, compute) => {
    let byAt = memo.get(key);
    const known = byAt?.get(at);
    if (known !== undefined) return (known === NONE ? undefined : known) as R;
    const result = compute();
    if (!byAt) {
      if (memo.size >= MAX_ENTRIES) memo.clear();
      byAt = new Map();
      memo.set(key, byAt);
    }
    byAt.set(at, result === undefined ? NONE : result);
    return result;
  };
}

const scoped: Map<object, unknown>[] = [];

/**
 * A Map for facts about one parse's own objects (its units, sections), emptied when the next parse starts:
 * cheaper to fill than a WeakMap, and never holding more than one note's objects (MAX_OBJECTS guards callers
 * outside a parse).
 */
export function parseObjectMap<K extends object, V>(): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const map = new Map<K, V>();
  scoped.push(map as Map<object, unknown>);
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      if (map.size >= MAX_OBJECTS) map.clear();
      map.set(key, value);
    },
  };
}

const MAX_OBJECTS = 20_000;

/** Called at the start of every parse. */
export function resetMemos(): void {
  for (const memo of memos) memo.clear();
  for (const map of scoped) map.clear();
}
