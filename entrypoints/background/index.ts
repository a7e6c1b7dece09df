import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { DermLensStore, warmUpParser } from '../../core/store';
import { BackgroundRouter } from './router';
import { isOwnContentScript, isOwnExtensionPage } from './senders';

export default defineBackground(() => {
  // Before any message is handled: the first parse in a fresh worker is the slow one.
  warmUpParser();
  const router = new BackgroundRouter(new DermLensStore());
  // (cast: tsconfig excludes .wxt/ so WXT's generated getURL typing is not loaded)
  const extensionOrigin = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isOwnExtensionPage(sender, browser.runtime.id, extensionOrigin)) return router.fromPage(message);
    if (isOwnContentScript(sender, browser.runtime.id, extensionOrigin)) return router.fromContent(message, sender.tab.id, sender.frameId ?? 0);
    // Anything else (another extension, a page without our script) gets no answer.
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void router.tabClosed(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') router.tabNavigated(tabId);
  });
  browser.permissions.onAdded.addListener(() => void router.permissionsChanged());
  browser.permissions.onRemoved.addListener(() => void router.permissionsChanged());
  void router.startup().catch(() => {});

  // The toolbar button opens the side panel (Chrome/Edge) or the sidebar (Firefox).
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    const firefox = browser as unknown as {
      browserAction?: { onClicked: { addListener(fn: () => void): void } };
      sidebarAction?: { open(): Promise<void> };
    };
    firefox.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.open());
  }
});
