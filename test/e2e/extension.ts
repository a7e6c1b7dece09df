import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/**
 * Where a test's screenshot goes: test-results/screenshots/ on a plain run, so `npm test`
 * leaves the tree clean; docs/screenshots/ (the README's pictures) under `npm run screenshots`.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.DERMLENS_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

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

/**
 * The browser's tab id for a page (the side panel page takes it as ?tabId=N). The
 * extension has no "tabs" permission, so it cannot read tab URLs: bring the page to
 * the front and ask for the active tab instead.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  for (let attempt = 0; attempt < 3; attempt++) {
    const sw = await serviceWorker(context);
    try {
      const id = await sw.evaluate(async () => {
        type Tabs = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
        const [tab] = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (typeof id === 'number') return id;
    } catch {
      // The worker stopped mid-call: ask again.
    }
  }
  throw new Error(`no active tab found for ${page.url()}`);
}

export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('no build in .output/chrome-mv3: run `npm run test:e2e` (it builds first)');
    const userDataDir = mkdtempSync(join(tmpdir(), 'dermlens-e2e-'));
    // A private copy: a rebuild of .output during the run must not pull the extension out from under the browser.
    const extensionDir = join(userDataDir, 'extension');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const context = await chromium.launchPersistentContext(join(userDataDir, 'profile'), {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
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

/**
 * The panel as the user sees it at one moment: the date of service and the claim rows as
 * "code|units|modifiers|status", in claim order. Runs inside the page (self-contained),
 * so everything is read in one task: a locator's evaluateAll resolves rows and reads them
 * in two round trips, and a re-render in between (Preact reuses row 0 and detaches the
 * rest) reads as a mix of two claims that the panel never showed.
 */
export function readPanel(): { dos: string; rows: string[] } {
  const dos = [...document.querySelectorAll('dl.encounter div')].find((d) => d.querySelector('dt')?.textContent?.trim() === 'Date of service');
  const rows = [...document.querySelectorAll('table.claim tbody tr.line')].map((r) => {
    const cell = (c: string) => (r.querySelector(`.${c}`)?.textContent ?? '').trim();
    return `${cell('code')}|${cell('units')}|${cell('mods')}|${cell('status')}`;
  });
  return { dos: dos?.querySelector('dd')?.textContent?.trim() ?? '', rows };
}

/** Claim rows as "code|units|modifiers|status", in claim order (see readPanel). */
export async function claimRows(panel: Page): Promise<string[]> {
  return (await panel.evaluate(readPanel)).rows;
}
