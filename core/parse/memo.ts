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

/** Called at the start of every parse. */
export function resetMemos(): void {
  for (const memo of memos) memo.clear();
}
