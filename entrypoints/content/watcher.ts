import type { ChartSnapshot } from '../../core/model/snapshot';

/*
 * Watches the chart and sends a plain-text snapshot whenever it settles after a
 * change. Deliberately free of zod and of any core module that pulls it in: the
 * background validates. Never writes to the page.
 */

const MAX_SECTION_CHARS = 500_000;
const MAX_SECTIONS = 100;

export interface WatcherOptions {
  read: () => ChartSnapshot;
  send: (message: { type: 'snapshot'; snapshot: ChartSnapshot }) => Promise<unknown>;
  /** Quiet time after the last change before reading (ms). */
  debounceMs?: number;
  /** Longest a stream of changes can delay a read (ms). */
  maxWaitMs?: number;
  now?: () => number;
}

/** Keeps a snapshot within the limits the background accepts. */
export function clampSnapshot(snapshot: ChartSnapshot): ChartSnapshot {
  return {
    ...snapshot,
    sections: snapshot.sections.slice(0, MAX_SECTIONS).map((s) => ({ ...s, name: s.name.slice(0, 200), text: s.text.slice(0, MAX_SECTION_CHARS) })),
  };
}

export function hasChartText(snapshot: ChartSnapshot): boolean {
  return snapshot.sections.some((s) => s.text.trim().length > 0);
}

export class ChartWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt: number | undefined;
  private lastSent = '';
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(private readonly options: WatcherOptions) {
    this.debounceMs = options.debounceMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  /** A change was seen: read once things are quiet (or at the latest after maxWait). */
  changed(): void {
    const now = this.now();
    this.firstChangeAt ??= now;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstChangeAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Reads now; sends when the text changed since the last send, or always when forced. */
  async flush(force = false): Promise<boolean> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstChangeAt = undefined;
    let snapshot: ChartSnapshot;
    try {
      snapshot = clampSnapshot(this.options.read());
    } catch {
      return false;
    }
    if (!hasChartText(snapshot)) return false;
    const key = JSON.stringify([snapshot.patient, snapshot.dateOfService, snapshot.sections]);
    if (!force && key === this.lastSent) return false;
    this.lastSent = key;
    try {
      await this.options.send({ type: 'snapshot', snapshot: { ...snapshot, capturedAt: this.now() } });
      return true;
    } catch {
      // The background was restarting: forget what was sent so the next change retries.
      this.lastSent = '';
      return false;
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
