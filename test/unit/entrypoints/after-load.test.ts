import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterLoadWhenIdle } from '../../../entrypoints/content/after-load';

/** A window stub: readyState, load listeners, requestIdleCallback under our control. */
function stubWindow(readyState: DocumentReadyState, idle = true) {
  const listeners = new Set<() => void>();
  const idleQueue: (() => void)[] = [];
  const document = { readyState };
  const win = {
    document,
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
    pendingIdle: () => idleQueue.length,
    setReadyState: (state: DocumentReadyState) => {
      document.readyState = state;
    },
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

  it('started before the load, the first idle moment after it runs the task: one callback, no load listener', () => {
    const s = stubWindow('interactive');
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task);
    expect(s.pendingLoadListeners()).toBe(0);
    s.setReadyState('complete');
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(s.pendingIdle()).toBe(0);
    expect(s.pendingLoadListeners()).toBe(0);
  });

  it('an idle moment before the load waits for the load, then for the next idle moment', () => {
    const s = stubWindow('interactive');
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task);
    s.idle();
    expect(task).not.toHaveBeenCalled();
    expect(s.pendingLoadListeners()).toBe(1);
    s.setReadyState('complete');
    s.load();
    expect(task).not.toHaveBeenCalled();
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(s.pendingLoadListeners()).toBe(0);
  });

  it('a page that goes idle before a load that never completes still runs at most maxWaitMs after the start', () => {
    vi.useFakeTimers();
    const s = stubWindow('interactive');
    const task = vi.fn();
    afterLoadWhenIdle(s.win, task, { maxWaitMs: 3000 });
    vi.advanceTimersByTime(1000);
    s.idle();
    vi.advanceTimersByTime(1999);
    s.idle();
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    s.idle();
    expect(task).toHaveBeenCalledTimes(1);
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
