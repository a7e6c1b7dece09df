import type { BrowserContext, Page } from '@playwright/test';
import { claimRows, expect, openPanel, tabIdOf, test } from './extension';

/**
 * MV3 stops the service worker whenever it likes. Stop it on purpose (CDP) between
 * the visit page and the later result page: everything must come back from IndexedDB.
 */
async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  // A page of its own for the CDP session: the test's pages are left alone.
  const probe = await context.newPage();
  const cdp = await context.newCDPSession(probe);
  type Version = { versionId: string; scriptURL: string; runningStatus: string };
  const versions = new Map<string, Version>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
    for (const v of e.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const ours = () => [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  await expect.poll(() => ours().some((v) => v.runningStatus === 'running'), { message: 'the extension service worker is running' }).toBe(true);
  for (const v of ours()) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await expect.poll(() => ours().every((v) => v.runningStatus === 'stopped'), { message: 'the service worker stopped' }).toBe(true);
  await probe.close();
}

test('stopping the service worker mid-flow loses nothing: the visit keeps its lines and the later result still links', async ({ context, extensionId }) => {
  const visit = await context.newPage();
  await visit.goto('/charts/clinic-day.html');
  const tabId = await tabIdOf(context, visit);
  let panel = await openPanel(context, extensionId, tabId);
  await panel.getByRole('radio', { name: 'Coder' }).check();
  const specimenC = (p: Page) => p.locator('tr.line[data-code="88305"]', { has: p.locator('.specimens', { hasText: /^Specimens? (?:\w+, )*C(?:, \w+)*$/ }) });
  await expect(specimenC(panel).locator('.status')).toHaveText('held');
  const before = await claimRows(panel);
  expect(before.length).toBeGreaterThan(1);
  await panel.close();

  await stopServiceWorker(context, extensionId);

  // A fresh worker (woken by the panel's request) answers from IndexedDB alone.
  panel = await openPanel(context, extensionId, tabId);
  await panel.getByRole('radio', { name: 'Coder' }).check();
  await expect(specimenC(panel).locator('.status')).toHaveText('held');
  expect(await claimRows(panel)).toEqual(before);
  await panel.close();

  // Stop it again, then the result page arrives: it must still find the visit's specimen C.
  await stopServiceWorker(context, extensionId);
  const result = await context.newPage();
  await result.goto('/charts/clinic-day-path-result.html');
  await expect.poll(async () => context.serviceWorkers().length).toBeGreaterThan(0);

  panel = await openPanel(context, extensionId, tabId);
  await panel.getByRole('radio', { name: 'Coder' }).check();
  await expect(specimenC(panel).locator('.status')).toHaveText('ready');
  await expect(panel.getByRole('table', { name: 'Specimens', exact: true }).locator('tr', { hasText: /^C/ })).toContainText('SQUAMOUS CELL CARCINOMA');
  await expect(panel.locator('li.finding[data-rule="reconcile/result-linked"]', { hasText: 'Specimen C:' })).toHaveCount(1);
  // The result changes pathology lines only: every procedure line is as it was before the restarts.
  const procedures = (rows: string[]) => rows.filter((r) => !r.startsWith('883'));
  expect(procedures(await claimRows(panel))).toEqual(procedures(before));
});
