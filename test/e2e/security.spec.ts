import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, claimRows, EXTENSION_DIR, expect, openPanel, serviceWorker, tabIdOf, test } from './extension';

/*
 * Security, end to end with the built extension:
 * - the manifest exposes nothing to pages and the README lists every permission;
 * - a hostile chart page (test/fixtures/hostile/) cannot reach the extension's
 *   messaging, its forged messages change nothing, and the HTML/script payloads in
 *   its chart text reach the side panel as literal text and never run;
 * - coding a chart makes no network request but to the extension and the local page.
 */

const HOSTILE_DIR = resolve('test/fixtures/hostile');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_security_policy?: unknown;
  content_scripts?: { matches?: string[] }[];
}

function builtManifest(): Manifest {
  return JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

test.describe('manifest', () => {
  test('exposes nothing to web pages but the chart reader at a per-session address, and keeps the default extension CSP', () => {
    const m = builtManifest();
    // Without externally_connectable no web page can call chrome.runtime.sendMessage/connect to us.
    expect(m.externally_connectable).toBeUndefined();
    // The content-script loader imports the reader as a module, so the reader (only it) is web-accessible, at an
    // address that changes every session (use_dynamic_url): the hostile page below cannot load it by the fixed one.
    expect(m.web_accessible_resources ?? []).toEqual([
      { resources: ['content-scripts/content.js'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
    ]);
    // The MV3 default CSP (script-src 'self'; no eval, no remote code) applies when none is declared.
    expect(m.content_security_policy).toBeUndefined();
    expect(m.host_permissions ?? []).toEqual([]);
    for (const p of m.permissions ?? []) expect(['storage', 'scripting', 'sidePanel']).toContain(p);
  });

  test('the README lists every permission the built manifest asks for', () => {
    const m = builtManifest();
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Permissions'));
    const table = section.slice(0, section.indexOf('\n## ', 4) > 0 ? section.indexOf('\n## ', 4) : undefined);
    // The first cell of each table row, with its `code` names.
    const listed = table
      .split('\n')
      .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
      .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((x) => x[1] as string));
    const asked = [
      ...(m.permissions ?? []),
      ...(m.optional_permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
      ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? []),
    ];
    expect(asked.length).toBeGreaterThan(3);
    for (const p of asked) expect(listed, `README permission table lists ${p}`).toContain(p);
  });
});

test.describe('hostile chart page', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
      const file = join(HOSTILE_DIR, name);
      if (!/^[\w.-]+\.html$/.test(name) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  test('cannot reach the extension, forges nothing, and its payloads show as text and never run', async ({ context, extensionId }) => {
    const chart = await context.newPage();
    await chart.goto(`${origin}/hostile-chart.html?ext=${extensionId}`);
    const tabId = await tabIdOf(context, chart);
    const panel = await openPanel(context, extensionId, tabId);

    // The real chart (one shave biopsy, specimen A, in-house) is coded; the forged Mohs snapshot is not.
    await expect.poll(() => claimRows(panel)).toContainEqual(expect.stringMatching(/^11102\|1\|/));
    expect((await claimRows(panel)).some((r) => r.startsWith('17311'))).toBe(false);

    // From the page world the extension's messaging does not exist (no externally_connectable).
    const attempts = await chart.evaluate(() => (window as unknown as { __attempts: { what: string; result: string }[] }).__attempts);
    expect(attempts).toContainEqual({ what: 'chrome.runtime in page', result: 'undefined' });
    expect(attempts.find((a) => a.what === 'sendMessage')?.result).toMatch(/^threw/);
    expect(attempts.find((a) => a.what === 'connect')?.result).toMatch(/^threw/);
    expect(attempts.some((a) => a.what === 'sendMessage reply')).toBe(false);
    // Nor can the page load the extension's reader by its fixed address (it is offered only at the per-session one).
    const probe = await chart.evaluate(async (id) => {
      try {
        const r = await fetch(`chrome-extension://${id}/content-scripts/content.js`);
        return `status ${r.status}`;
      } catch (e) {
        return `refused: ${(e as Error).name}`;
      }
    }, extensionId);
    expect(probe).toMatch(/^refused/);

    // Forged save-settings / resolve-finding posted by the page changed nothing (asked over the trusted channel).
    const trusted = await panel.evaluate(async () => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data: unknown }> } };
      const { runtime } = (globalThis as unknown as { chrome: Runtime }).chrome;
      return {
        settings: (await runtime.sendMessage({ type: 'get-settings' })).data as { payer: string; emrHosts: string[] },
        log: (await runtime.sendMessage({ type: 'get-audit-log' })).data as { action: string; detail: string }[],
      };
    });
    expect(trusted.settings.payer).toBe('commercial');
    expect(trusted.settings.emrHosts).toEqual([]);
    expect(trusted.log.filter((e) => e.action !== 'coded')).toEqual([]);

    // The chart text with the payloads, in the line's "why": literal text, no element made from it.
    await panel.locator('tr.line[data-code="11102"] button.disclosure').click();
    const why = panel.locator('tr.why-row:not([hidden])');
    // (The line quotes its procedure's own lines; the heading's and the diagnosis line's payloads are checked as never
    // run below, with every other flag.)
    await expect(why).toContainText('Procedure: Shave biopsy <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>');
    await expect(why).toContainText('Location: L upper back <svg onload="window.__pwned=3"></svg>');
    // Every other line's "why" too (the procedure lines quote the procedure text).
    for (const button of await panel.locator('tr.line button.disclosure').all()) {
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    }
    const allWhy = (await panel.locator('tr.why-row').allTextContents()).join('\n');
    expect(allWhy).toContain('<script>window.__pwned=2</script>');
    expect(await panel.locator('tr.why-row').locator('img, script, svg, iframe, a[href^="javascript:"]').count()).toBe(0);

    // Nothing ran in the panel: no flag set, no element with an inline handler anywhere.
    const panelState = await panel.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        flags: Object.keys(w).filter((k) => k.startsWith('__pwned')),
        handlers: document.querySelectorAll('[onerror], [onload], [onclick], iframe[srcdoc], a[href^="javascript:"]').length,
        initials: document.querySelector('dl.encounter')?.textContent ?? '',
      };
    });
    expect(panelState).toMatchObject({ flags: [], handlers: 0 });
    expect(panelState.initials).not.toContain('<');
    // The background's global scope too.
    const sw = await serviceWorker(context);
    expect(await sw.evaluate(() => Object.keys(globalThis).filter((k) => k.startsWith('__pwned')))).toEqual([]);
    await panel.screenshot({ path: test.info().outputPath('hostile-panel.png'), fullPage: true });
  });
});

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; source: { id: number }; params?: { url?: string; initiator?: string } }[];
}

/** Every URL request in a Chrome net log, with the origin that initiated it ("not an origin" = the browser itself). */
function netLogRequests(path: string): { url: string; initiator: string }[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as NetLog;
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params?.url as string, initiator: e.params?.initiator ?? 'not an origin' }));
}

test.describe('network', () => {
  test('coding a chart requests nothing but the extension and the local page', async ({ baseURL }) => {
    // Own launch (the recipe of ./extension) with Chrome's net log, which records every request of
    // every process: the service worker's, the side panel's and the content script's included.
    const dir = mkdtempSync(join(tmpdir(), 'dermlens-net-'));
    const extensionDir = join(dir, 'extension');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const netLog = join(dir, 'net-log.json');
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--log-net-log=${netLog}`],
    });
    const seen: string[] = [];
    // A canary the test itself sends from the panel (port 1: refused, nothing leaves the machine),
    // to prove both lenses see what an extension page requests.
    const canary = 'http://127.0.0.1:1/dermlens-canary';
    let extensionId = '';
    try {
      extensionId = new URL((await serviceWorker(context)).url()).host;
      // Lens 1: every request the browser context reports (pages, extension pages, workers).
      context.on('request', (r) => seen.push(r.url()));
      const chart = await context.newPage();
      await chart.goto(`${baseURL}/charts/two-biopsies.html`);
      const tabId = await tabIdOf(context, chart);
      const panel = await openPanel(context, extensionId, tabId);
      // Lens 2: CDP Network on the side panel's target.
      const cdp = await context.newCDPSession(panel);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (e) => seen.push(e.request.url));
      await expect.poll(() => claimRows(panel)).toContain('11104|1||ready');
      // Edit the chart; the background re-codes and the panel follows; open every extension page once.
      const before = await claimRows(panel);
      await chart.evaluate(() => {
        const plan = document.querySelector('[data-identifier="note-section-assessment-and-plan"]');
        const proc = document.createElement('div');
        proc.className = 'ap-procedure procedure';
        for (const text of ['Procedure: Shave biopsy', 'Location: L cheek', 'Specimen: C - to in-house dermpath']) {
          const row = document.createElement('div');
          row.textContent = text;
          proc.append(row);
        }
        plan?.querySelector(':scope > p')?.before(proc);
      });
      await expect.poll(() => claimRows(panel)).not.toEqual(before);
      for (const page of ['options.html', 'trainer.html']) {
        const p = await context.newPage();
        await p.goto(`chrome-extension://${extensionId}/${page}`);
        await p.waitForLoadState('load');
        await p.close();
      }
      await panel.evaluate((url) => fetch(url).catch(() => undefined), canary);
      await panel.waitForTimeout(500);
    } finally {
      await context.close();
    }
    // The net log is complete once the browser has closed.
    const requests = netLogRequests(netLog);
    rmSync(dir, { recursive: true, force: true });
    const local = new URL(baseURL ?? 'http://localhost:5178');
    const allowed = (u: string) => {
      if (/^(?:chrome-extension|data|blob|about|chrome):/.test(u)) return true;
      try {
        const url = new URL(u);
        return url.port === local.port && ['localhost', '127.0.0.1'].includes(url.hostname);
      } catch {
        return false;
      }
    };
    // The browser's own housekeeping (update checks, account probes) has no initiating origin: not ours.
    const fromOrigins = requests.filter((r) => r.initiator !== 'not an origin');
    // The chart's stylesheet, requested by the page: the log does hold page requests.
    expect(
      fromOrigins.some((r) => r.url.startsWith(`${baseURL}/assets/`)),
      JSON.stringify(requests),
    ).toBe(true);
    expect(fromOrigins.filter((r) => !allowed(r.url))).toEqual([{ url: canary, initiator: `chrome-extension://${extensionId}` }]);
    expect([...new Set(seen.filter((u) => !allowed(u)))]).toEqual([canary]);
    expect(
      seen.some((u) => u.startsWith(`chrome-extension://${extensionId}/`)),
      JSON.stringify(seen),
    ).toBe(true);
  });
});
