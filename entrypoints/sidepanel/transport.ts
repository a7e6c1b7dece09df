import { browser } from 'wxt/browser';
import type { PanelEvent, PanelRequestInput, Reply } from '../../core/model/messages';
import type { PanelTransport } from './panel-model';

/** The trusted channel from an extension page to the background. */
export const runtimeTransport: PanelTransport = {
  async request<T>(req: PanelRequestInput): Promise<Reply<T>> {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'DermLens background did not answer; reload the extension.' };
  },
  subscribe(listener) {
    const handler = (message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type === 'tab-updated' || type === 'settings-updated') listener(message as PanelEvent);
      return undefined;
    };
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  },
  openPage(page) {
    if (page === 'options') void browser.runtime.openOptionsPage();
    else void browser.tabs.create({ url: (browser.runtime as unknown as { getURL(p: string): string }).getURL('/trainer.html') });
  },
  async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Fallback for pages without the async clipboard (older Firefox, no focus).
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      if (!ok) throw new Error('copy refused');
    }
  },
};
