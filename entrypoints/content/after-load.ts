/**
 * Runs `task` once the page has loaded and the main thread is idle: the first read of the
 * chart then neither delays the page's load event nor competes with the EMR's own start-up
 * scripts. A load that never completes (a hung image) waits at most `maxWaitMs`; a page that
 * never goes idle runs the task after `idleTimeoutMs` anyway. Returns a cancel function.
 *
 * The idle callback is asked for first and checks the load itself: the script usually starts
 * (document_idle) just before the load event, and an idle moment comes only after it, so the
 * usual page costs one callback into the script, not a load listener and then an idle callback
 * (each call into the extension's world costs ~0.1 ms of page-load time, bench/page-load-ab.ts).
 * An idle moment before the load (a page waiting on the network) falls back to the load event.
 */
export interface AfterLoadOptions {
  maxWaitMs?: number;
  idleTimeoutMs?: number;
}

export function afterLoadWhenIdle(win: Window, task: () => void, options: AfterLoadOptions = {}): () => void {
  const maxWaitMs = options.maxWaitMs ?? 3000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 1000;
  const started = Date.now();
  let cancelled = false;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const run = () => {
    idle = undefined;
    if (!cancelled) task();
  };
  const go = () => {
    if (loaded || cancelled) return;
    loaded = true;
    win.removeEventListener('load', go);
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(run, { timeout: idleTimeoutMs });
    else timer = setTimeout(run, 0);
  };
  const waitForLoad = () => {
    win.addEventListener('load', go);
    timer = setTimeout(go, Math.max(0, started + maxWaitMs - Date.now()));
  };
  if (win.document.readyState === 'complete') go();
  else if (typeof win.requestIdleCallback === 'function') {
    idle = win.requestIdleCallback(
      () => {
        idle = undefined;
        if (cancelled) return;
        if (win.document.readyState === 'complete') {
          // Loaded, and this is an idle moment after it: the task's turn.
          loaded = true;
          task();
        } else waitForLoad();
      },
      { timeout: idleTimeoutMs },
    );
  } else waitForLoad();
  return () => {
    cancelled = true;
    win.removeEventListener('load', go);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(idle);
  };
}
