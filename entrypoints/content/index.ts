import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sectionRootsOf, shouldSnapshotInFrame, snapshotFromDocument } from '../../core/emr';
import { ChartObserver } from './chart-observer';
import { ChartWatcher } from './watcher';

/**
 * Declared for the bundled demo charts on localhost only (see README, Permissions).
 * On EMR hosts the same script is registered at runtime by the background, in all
 * frames, and only for hosts the user granted in Options.
 */
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    // A same-origin child frame is read by the top frame's adapter: do not send it twice.
    if (!shouldSnapshotInFrame(window)) return;

    const watcher = new ChartWatcher({
      read: () => {
        const snapshot = snapshotFromDocument(document, { url: location.href });
        observer.refreshRoots();
        return snapshot;
      },
      send: (message) => browser.runtime.sendMessage(message),
    });
    const observer = new ChartObserver(document, { roots: (doc) => sectionRootsOf(doc, location.href), onChange: () => watcher.changed() });
    observer.start();

    // SPA route changes (EMA is hash-routed) may swap the whole chart.
    ctx.addEventListener(window, 'hashchange', () => watcher.changed());
    ctx.addEventListener(window, 'popstate', () => watcher.changed());

    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'rescan') {
        return watcher.flush(true).then(() => ({ ok: true }));
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      observer.stop();
      watcher.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });

    void watcher.flush();
  },
});
