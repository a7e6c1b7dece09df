import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The extension's service worker; MV3 stops it after ~30 s idle, so re-acquire instead of caching. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [existing] = context.serviceWorkers();
  return existing ?? context.waitForEvent('serviceworker');
}

/** The browser's tab id for a page (the side panel page takes it as ?tabId=N). */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const url = page.url();
  for (let attempt = 0; attempt < 3; attempt++) {
    const sw = await serviceWorker(context);
    try {
      const id = await sw.evaluate(async (u) => {
        type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id;
      }, url);
      if (typeof id === 'number') return id;
    } catch {
      // The worker stopped mid-call: ask again.
    }
  }
  throw new Error(`no tab found for ${url}`);
}

export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'dermlens-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const sw = await serviceWorker(context);
    await use(new URL(sw.url()).host);
  },
});

export { expect } from '@playwright/test';

/** Opens the side panel as a page pinned to a tab, sized like a side panel. */
export async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 460, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** Claim rows as "code|units|modifiers|status", in claim order. */
export async function claimRows(panel: Page): Promise<string[]> {
  return panel.locator('table.claim tbody tr.line').evaluateAll((rows) =>
    rows.map((r) => {
      const cell = (c: string) => (r.querySelector(`.${c}`)?.textContent ?? '').trim();
      return `${cell('code')}|${cell('units')}|${cell('mods')}|${cell('status')}`;
    }),
  );
}
