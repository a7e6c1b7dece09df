// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../../entrypoints/content/context';

describe('ContentScriptContext (the part of WXT’s the content script uses)', () => {
  it('a newer copy of the same script stops the older one: its listeners go, its onInvalidated callbacks run once', () => {
    const older = new ContentScriptContext('content');
    const invalidated = vi.fn();
    const hashchange = vi.fn();
    older.onInvalidated(invalidated);
    older.addEventListener(window, 'hashchange', hashchange);
    window.dispatchEvent(new Event('hashchange'));
    expect(hashchange).toHaveBeenCalledTimes(1);
    expect(invalidated).not.toHaveBeenCalled();

    const newer = new ContentScriptContext('content');
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    window.dispatchEvent(new Event('hashchange'));
    expect(hashchange).toHaveBeenCalledTimes(1);
    // A third copy stops the second, not the first again.
    new ContentScriptContext('content');
    expect(newer.signal.aborted).toBe(true);
    expect(invalidated).toHaveBeenCalledTimes(1);
  });

  it('another content script’s start, or its own announcement, stops nothing', () => {
    const ctx = new ContentScriptContext('content');
    new ContentScriptContext('other-script');
    expect(ctx.signal.aborted).toBe(false);
  });

  it('an onInvalidated callback removed before the takeover does not run', () => {
    const ctx = new ContentScriptContext('content');
    const cb = vi.fn();
    const remove = ctx.onInvalidated(cb);
    remove();
    new ContentScriptContext('content');
    expect(ctx.signal.aborted).toBe(true);
    expect(cb).not.toHaveBeenCalled();
  });
});
