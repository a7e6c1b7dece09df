/**
 * Runs `task` once the page has loaded and the main thread is idle: the first read of the
 * chart then neither delays the page's load event nor competes with the EMR's own start-up
 * scripts. A load that never completes (a hung image) waits at most `maxWaitMs`; a page that
 * never goes idle runs the task after `idleTimeoutMs` anyway. Returns a cancel function.
 */
export interface AfterLoadOptions {
  maxWaitMs?: number;
  idleTimeoutMs?: number;
}

export function afterLoadWhenIdle(win: Window, task: () => void, options: AfterLoadOptions = {}): () => void {
  let cancelled = false;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const run = () => {
    idle = undefined;
    if (!cancelled) task();
  };
  const go = () => {
    if (started || cancelled) return;
    started = true;
    win.removeEventListener('load', go);
    if (timer !== undefined) clearTimeout(timer);
    if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(run, { timeout: options.idleTimeoutMs ?? 1000 });
    else timer = setTimeout(run, 0);
  };
  if (win.document.readyState === 'complete') go();
  else {
    win.addEventListener('load', go);
    timer = setTimeout(go, options.maxWaitMs ?? 3000);
  }
  return () => {
    cancelled = true;
    win.removeEventListener('load', go);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(idle);
  };
}
