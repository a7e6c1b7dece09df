import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartSnapshot } from '../../../core/model/snapshot';
import { ChartWatcher, clampSnapshot } from '../../../entrypoints/content/watcher';

const snap = (text: string): ChartSnapshot => ({ adapter: 'generic', url: 'http://x/', sections: [{ name: 'Note', role: 'note', text }], capturedAt: 0 });

describe('ChartWatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces a burst of changes into one send', async () => {
    let text = 'a';
    const send = vi.fn().mockResolvedValue({ ok: true });
    const w = new ChartWatcher({ read: () => snap(text), send, debounceMs: 400, maxWaitMs: 5000 });
    for (let i = 0; i < 5; i++) {
      text = `a${i}`;
      w.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].snapshot.sections[0].text).toBe('a4');
  });

  it('a never-ending stream of changes still sends by maxWait', async () => {
    const send = vi.fn().mockResolvedValue({ ok: true });
    let n = 0;
    const w = new ChartWatcher({ read: () => snap(`t${n}`), send, debounceMs: 400, maxWaitMs: 1000 });
    for (let i = 0; i < 12; i++) {
      n++;
      w.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not resend an unchanged chart unless forced; never sends an empty one', async () => {
    const send = vi.fn().mockResolvedValue({ ok: true });
    let text = 'same';
    const w = new ChartWatcher({ read: () => snap(text), send });
    expect(await w.flush()).toBe(true);
    expect(await w.flush()).toBe(false);
    expect(await w.flush(true)).toBe(true);
    text = '   ';
    expect(await w.flush(true)).toBe(false);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a failed send (worker restarting) is retried on the next change', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist')).mockResolvedValue({ ok: true });
    const w = new ChartWatcher({ read: () => snap('x'), send });
    expect(await w.flush()).toBe(false);
    expect(await w.flush()).toBe(true);
  });

  it('clampSnapshot keeps within what the background accepts', () => {
    const big = {
      ...snap('x'.repeat(600_000)),
      sections: Array.from({ length: 120 }, () => ({ name: 'n'.repeat(300), role: 'note' as const, text: 'x'.repeat(600_000) })),
    };
    const c = clampSnapshot(big);
    expect(c.sections).toHaveLength(100);
    expect(c.sections[0]?.text).toHaveLength(500_000);
    expect(c.sections[0]?.name).toHaveLength(200);
  });
});
