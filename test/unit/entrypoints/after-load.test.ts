import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterLoadWhenIdle } from '../../../entrypoints/content/after-load';

/** A window stub: readyState, load listeners, requestIdleCallback under our control. */
function stubWindow(readyState: DocumentReadyState, idle = true) {
  const listeners = new Set<() => void>();
  const idleQueue: (() => void)[] = [];
  const win = {
    document: { readyState },
    addEventListener: (type: string, fn: () => void) => type === 'load' && listeners.add(fn),
    removeEventListener: (type: string, fn: () => void) => type === 'load' && listeners.delete(fn),
    ...(idle
      ? {
          requestIdleCallback: (fn: () => void) => idleQueue.push(fn),
          cancelIdleCallback: (id: number) => {
            idleQueue[id - 1] = () => {};
          },
        }
      : {}),
  };
  return {
    win: win as unknown as Window,
    load: () => {
      for (const fn of [...listeners]) fn();
    },
    idle: () => {
      for (const fn of idleQueue.splice(0)) fn();
    },
    pendingLoadListeners: () => listeners.size,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('afterLoadWhenIdle', () => {
  it('waits for the load event, then for an idle moment, and runs once', () => {
    const s = stubWindow('interactive');
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task);
    s.idle();
    expect(task).not.toHaveBeenCalled();
    s.load();
    expect(task).not.toHaveBeenCalled();
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
    s.load();
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(s.pendingLoadListeners()).toBe(0);
  });

  it('a page already loaded goes straight to the idle wait', () => {
    const s = stubWindow('complete');
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task);
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('a load that never completes waits at most maxWaitMs; without requestIdleCallback a timer stands in', () => {
    vi.useFakeTimers();
    const s = stubWindow('interactive', false);
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task, { maxWaitMs: 3000 });
    vi.advanceTimersByTime(2999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(task).toHaveBeenCalledTimes(1);
    expect(s.pendingLoadListeners()).toBe(0);
  });

  it('cancelled (hidden tab, invalidated script) before or after the load, it never runs', () => {
    const a = stubWindow('interactive');
    const taskA = vi.fn();
    afterLoadWhenIdle(a.win, taskA)();
    a.load();
    a.idle();
    expect(taskA).not.toHaveBeenCalled();
    const b = stubWindow('interactive');
    const taskB = vi.fn();
    const cancel = afterLoadWhenIdle(b.win, taskB);
    b.load();
    cancel();
    b.idle();
    expect(taskB).not.toHaveBeenCalled();
  });
});
