import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readChart, shouldSnapshotInFrame } from '../../core/emr';
import { afterLoadWhenIdle } from './after-load';
import { ChartObserver } from './chart-observer';
import { followVisibility } from './visibility';
import { ChartWatcher } from './watcher';

/**
 * true in the content-script build of Chrome/Edge, where the loader (BOOT_SOURCE in wxt.config.ts) imports this
 * script after the same frame test; the build replaces it (absent elsewhere: tests, other bundles).
 */
declare const __DERMLENS_LOADER__: boolean | undefined;

/**
 * Declared for the bundled demo charts on localhost only (demo/test builds; see README,
 * Permissions, and DERMLENS_NO_DEMO in wxt.config.ts). On EMR hosts the same script is
 * registered at runtime by the background, in all frames, and only for hosts the user
 * granted in Options.
 *
 * `wxt/browser` is the native API here (wxt.config.ts keeps the polyfill out of content
 * scripts for size): reply through `sendResponse`, which Chrome and Firefox both honour.
 */
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  // athenaOne-style charts live in nested (often srcdoc/about:blank) frames: run there too,
  // then let shouldSnapshotInFrame keep same-origin children quiet (the top frame reads them).
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT's window.postMessage announcing each start reaches the page's own listeners in
  // every frame; its CustomEvent on the document is enough to stop a stale copy.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Where the loader imports this script (wxt.config.ts), it has already let same-origin child frames go.
    if (!(typeof __DERMLENS_LOADER__ !== 'undefined' && __DERMLENS_LOADER__) && !shouldSnapshotInFrame(window)) return;

    // The first read waits for the page's load event and an idle moment (below).
    let firstRead: (() => void) | undefined;
    let readOnce = false;
    // Whether the tab is visible (followVisibility, below).
    let observing = false;

    // One walk of the page per read: the read also names what to observe until the next one.
    const watcher = new ChartWatcher({
      read: () => {
        // Whichever read comes first (idle, a rescan) is the first read; the observer starts with it.
        firstRead?.();
        firstRead = undefined;
        readOnce = true;
        if (observing) observer.start();
        const { snapshot, roots, targets } = readChart(document, { url: location.href });
        observer.watch(roots, targets);
        return snapshot;
      },
      send: (message) => browser.runtime.sendMessage(message),
    });
    const observer = new ChartObserver(document, { onChange: () => watcher.changed() });

    // The first read is the content script's largest piece of work (a cold walk of the chart):
    // run at document_idle it would sit in the task that fires the page's load event and delay
    // the EMR's own start-up. Until it, nothing is observed either (it reads the page as it is then).
    const readFirst = () => {
      firstRead = undefined;
      void watcher.flush();
    };

    // A hidden tab does no work: stop observing, and read once when it is shown again.
    const unfollow = followVisibility(document, {
      start: () => {
        observing = true;
        if (readOnce) {
          observer.start();
          watcher.changed();
        } else {
          // Nothing to observe before the first read: it reads the page as it is then.
          firstRead ??= afterLoadWhenIdle(window, readFirst);
        }
      },
      stop: () => {
        observing = false;
        observer.stop();
        watcher.stop();
        firstRead?.();
        firstRead = undefined;
      },
    });

    // SPA route changes (EMA is hash-routed) may swap the whole chart. A pushState route change
    // swaps the chart DOM too, which the observer sees; no URL polling (it would run in hidden tabs).
    const routed = () => {
      if (observing) watcher.changed();
    };
    ctx.addEventListener(window, 'hashchange', routed);
    ctx.addEventListener(window, 'popstate', routed);

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'rescan') {
        void watcher.flush(true).then(() => sendResponse({ ok: true }));
        return true;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      unfollow();
      firstRead?.();
      observer.stop();
      watcher.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
