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
  const deadline = Date.now() + (options.maxWaitMs ?? 3000);
  let cancelled = false;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  // An idle moment (a timer where requestIdleCallback is missing): the task once the page has loaded, else wait for the load.
  const onIdle = () => {
    idle = undefined;
    if (cancelled) return;
    if (loaded || win.document.readyState === 'complete') task();
    else {
      win.addEventListener('load', go);
      timer = setTimeout(go, Math.max(0, deadline - Date.now()));
    }
  };
  const schedule = () => {
    if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(onIdle, { timeout: options.idleTimeoutMs ?? 1000 });
    else timer = setTimeout(onIdle, 0);
  };
  const go = () => {
    if (loaded || cancelled) return;
    loaded = true;
    win.removeEventListener('load', go);
    clearTimeout(timer);
    schedule();
  };
  schedule();
  return () => {
    cancelled = true;
    win.removeEventListener('load', go);
    clearTimeout(timer);
    if (idle !== undefined) win.cancelIdleCallback?.(idle);
  };
}
