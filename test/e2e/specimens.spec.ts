import { expect, openPanel, screenshotPath, tabIdOf, test } from './extension';

test('a pathology result opened later completes the visit: the held 88305 for that specimen becomes ready', async ({ context, extensionId }) => {
  const visit = await context.newPage();
  await visit.goto('/charts/clinic-day.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, visit));
  await panel.getByRole('radio', { name: 'Coder' }).check();

  // Specimens read at the same level share one 88305 line (one unit each); C's line is the one naming C.
  const specimenC = panel.locator('tr.line[data-code="88305"]', { has: panel.locator('.specimens', { hasText: /^Specimens? (?:\w+, )*C(?:, \w+)*$/ }) });
  await expect(specimenC.locator('.status')).toHaveText('held');
  await expect(panel.getByRole('table', { name: 'Specimens', exact: true }).locator('tr', { hasText: /^C/ })).toContainText('sent, no result yet');

  // The result arrives in the EMR's Path/Labs module: reading it links it to the visit's specimen C.
  const result = await context.newPage();
  await result.goto('/charts/clinic-day-path-result.html');

  await expect(specimenC.locator('.status')).toHaveText('ready');
  await expect(panel.getByRole('table', { name: 'Specimens', exact: true }).locator('tr', { hasText: /^C/ })).toContainText('SQUAMOUS CELL CARCINOMA');
  await expect(panel.locator('li.finding[data-rule="reconcile/result-linked"]', { hasText: 'Specimen C:' })).toHaveCount(1);
  await panel.screenshot({ path: screenshotPath('panel-result-linked.png'), fullPage: true });
});
