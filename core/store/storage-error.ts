import Dexie from 'dexie';

/** IndexedDB / Dexie failures: the browser refused a read or write (full disk, closed or blocked database). */
const STORAGE_ERRORS = new Set([
  'QuotaExceededError',
  'AbortError',
  'DatabaseClosedError',
  'OpenFailedError',
  'InvalidStateError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'UnknownError',
  'VersionError',
  'DataCloneError',
  'ConstraintError',
]);

/**
 * When `error` is a storage failure, a short description of it ("QuotaExceededError:
 * disk is full"); otherwise undefined. Dexie wraps the browser's error (`inner`).
 */
export function storageFailure(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    const first = typeof message === 'string' ? message.split('\n')[0]?.trim() : '';
    if (typeof name === 'string' && (STORAGE_ERRORS.has(name) || e instanceof Dexie.DexieError)) return first ? `${name}: ${first}` : name;
    e = (e as { inner?: unknown }).inner;
  }
  return undefined;
}

/** What the user reads when a write failed: what happened, that nothing stored was lost, what to do. */
export function storageProblemText(error: unknown): string | undefined {
  const failure = storageFailure(error);
  if (!failure) return undefined;
  return `DermLens could not save to this browser's storage (${failure}). What was stored before is kept; the claim shown may be older than the chart. Free disk space or delete old data in Options, then read the chart again.`;
}
