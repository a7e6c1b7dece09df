#!/usr/bin/env node
// `npm start`: serve the demo charts, open Chromium/Chrome/Edge with the built
// extension loaded on a demo chart, and open the DermLens side panel beside it.
// With no display (a server, CI), it runs headless and writes screenshots instead.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output', 'chrome-mv3');
const chart = process.env.DEMO_CHART ?? 'charts/clinic-day.html';
const shotsDir = join(root, 'artifacts', 'start');

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROME_PATH first, then the usual places per OS. Chrome-family only: the build is MV3 for Chromium. */
function findBrowser() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  const candidates =
    {
      linux: [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/microsoft-edge',
        '/usr/bin/microsoft-edge-stable',
      ],
      darwin: [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ],
      win32: [
        join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
        join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe'),
        join(process.env.LOCALAPPDATA ?? '', 'Chromium\\Application\\chrome.exe'),
      ],
    }[process.platform] ?? [];
  return candidates.find((p) => p && existsSync(p));
}

function hasDisplay() {
  if (process.env.HEADLESS === '1') return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function listen() {
  const first = Number(process.env.DEMO_PORT ?? 5178);
  for (let port = first; port < first + 20; port++) {
    try {
      return await startDemoServer(port);
    } catch (error) {
      if (error?.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port from ${first} to ${first + 19}`);
}

async function main() {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.error('dermlens: no built extension in .output/chrome-mv3. Run `npm run build` (npm start does it for you).');
    return 1;
  }
  const browserPath = findBrowser();
  if (!browserPath) {
    console.error(
      'dermlens: no Chromium, Chrome or Edge found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable.',
    );
    return 1;
  }

  const server = await listen();
  const { port } = server.address();
  const chartUrl = `http://localhost:${port}/${chart}`;
  const headed = hasDisplay();
  const userDataDir = mkdtempSync(join(tmpdir(), 'dermlens-start-'));
  console.log(`Demo charts: http://localhost:${port}/`);
  console.log(`Browser: ${browserPath} (${headed ? 'window' : 'headless: no display found'})`);

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath,
    headless: !headed,
    viewport: headed ? null : { width: 1280, height: 900 },
    args: [...FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(chartUrl);
    // No "tabs" permission (tab URLs are not readable): the chart is the active tab right now.
    await page.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);

    // A real side panel opens only from a user gesture (the toolbar button). Until then,
    // the same panel page is opened in a tab, pinned to the chart's tab.
    const panel = await context.newPage();
    if (!headed) await panel.setViewportSize({ width: 460, height: 1100 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);

    if (headed) {
      await page.bringToFront();
      console.log(`\nDermLens is loaded. The chart is open; the side panel page is in the next tab.`);
      console.log('Click the DermLens toolbar button to open it as a real side panel. Close the browser to stop.');
      await new Promise((done) => context.on('close', done));
    } else {
      await panel
        .locator('table.claim tbody tr.line')
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => console.warn('dermlens: the panel showed no claim lines within 20 s (see the screenshot).'));
      mkdirSync(shotsDir, { recursive: true });
      const chartShot = join(shotsDir, 'chart.png');
      const panelShot = join(shotsDir, 'side-panel.png');
      await page.screenshot({ path: chartShot, fullPage: true });
      await panel.screenshot({ path: panelShot, fullPage: true });
      const lines = await panel.locator('table.claim tbody tr.line').count();
      console.log(`\nNo display, so DermLens ran headless on ${chartUrl}: ${lines} claim line(s) in the panel.`);
      console.log(`Screenshots:\n  ${chartShot}\n  ${panelShot}`);
    }
  } finally {
    await cleanup();
  }
  return 0;
}

process.exitCode = await main().catch((error) => {
  console.error(`dermlens: ${error?.message ?? error}`);
  return 1;
});
