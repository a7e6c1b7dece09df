import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/**
 * Our own content script in a web page: same extension id, a tab, and a page that
 * is not one of our extension pages. Its messages are untrusted data.
 */
export function isOwnContentScript(sender: Sender, runtimeId: string, extensionOrigin: string): sender is Sender & { tab: { id: number } } {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && !(sender.url ?? '').startsWith(extensionOrigin);
}

/** One of our extension pages (side panel, options, trainer): the trusted channel. */
export function isOwnExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
