import type { Page } from '@playwright/test';
import { claimRows, expect, openPanel, screenshotPath, tabIdOf, test } from './extension';

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

async function openClinicDay(context: Parameters<typeof tabIdOf>[0], extensionId: string) {
  const chart = await context.newPage();
  await chart.goto('/charts/clinic-day.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, chart));
  await expect(panel.locator('table.claim tbody tr.line').first()).toBeVisible();
  return { chart, panel };
}

test('clinic-day chart: physician and coder views', async ({ context, extensionId }) => {
  const { panel } = await openClinicDay(context, extensionId);
  const rows = await claimRows(panel);
  // The E/M for separately managed psoriasis carries 25; eight AKs = 17000 + 17003 x7; keloid injection drug by 10 mg units.
  expect(rows).toContain('99214|1|25|ready');
  expect(rows).toContain('17000|1||ready');
  expect(rows).toContain('17003|7||ready');
  expect(rows).toContain('J3301|3||ready');
  // Physician view: dx and labels on each line, no pointers or decision controls, and "document to support more".
  await expect(panel.locator('tr.line[data-code="99214"] td.desc .dx')).toContainText('L40.0');
  await expect(panel.locator('.pointers')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /Accept or override/ })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Document to support more' })).toBeVisible();
  await panel.screenshot({ path: screenshotPath('panel-physician.png'), fullPage: true });

  await panel.getByRole('radio', { name: 'Coder' }).check();
  await expect(panel.getByRole('heading', { name: 'Claim draft' })).toBeVisible();
  await expect(panel.locator('tr.line[data-code="99214"] td.desc .dx')).toContainText('L40.0');
  // Claim diagnoses A–L in order of first use; the E/M's first diagnosis is A.
  await expect(panel.locator('ol.diagnoses li').first()).toHaveText('A L40.0');
  await expect(panel.locator('tr.line[data-code="99214"] .pointers')).toHaveText(/^ \(pointer A/);
  await expect(panel.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Audit log' }).locator('tr[data-action="coded"]')).toHaveCount(1);
  await expect(panel.getByRole('table', { name: 'Specimens', exact: true })).toBeVisible();
  // Coder worklist across visits: specimen C of this visit has no result yet.
  await expect(panel.getByRole('table', { name: 'Open specimens, all visits' }).locator('tbody tr', { hasText: 'no result yet' }).first()).toContainText(
    'J.E.',
  );
  await panel.screenshot({ path: screenshotPath('panel-coder.png'), fullPage: true });

  // Dark theme follows the system setting.
  await panel.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.locator('body')).toHaveCSS('background-color', 'rgb(18, 22, 28)');
  await panel.screenshot({ path: screenshotPath('panel-coder-dark.png'), fullPage: true });
});

test('keyboard only: open a line’s why, override a finding, copy the claim; the override survives a reload', async ({ context, extensionId }) => {
  const { chart, panel } = await openClinicDay(context, extensionId);
  await panel.bringToFront();

  // Coder view by keyboard: focus the view radios and move with the arrow key.
  await tabTo(panel, 'input[name="view"]');
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('heading', { name: 'Claim draft' })).toBeVisible();

  // Open the first line's "why".
  await tabTo(panel, 'button.disclosure');
  await panel.keyboard.press('Enter');
  const first = panel.locator('button.disclosure').first();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  const why = panel.locator('#why-0');
  await expect(why).toBeVisible();
  await expect(why.locator('.rules code').first()).not.toBeEmpty();

  // Override the first finding with a reason.
  const finding = panel.locator('li.finding').first();
  const rule = await finding.getAttribute('data-rule');
  await tabTo(panel, 'li.finding button[aria-controls^="resolve-"]');
  await panel.keyboard.press('Enter');
  await tabTo(panel, 'form.resolve:not([hidden]) input[value="overridden"]');
  await panel.keyboard.press('Space');
  await tabTo(panel, 'form.resolve:not([hidden]) textarea');
  await panel.keyboard.type('Payer contract allows it (e2e)');
  await tabTo(panel, 'form.resolve:not([hidden]) button[type="submit"]');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status').first()).toHaveText('Override saved to the audit log.');
  await expect(panel.locator(`li.finding[data-rule="${rule}"] .resolution`).first()).toContainText('Overridden: “Payer contract allows it (e2e)”');

  // Copy the claim.
  await tabTo(panel, 'button.copy-claim');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status').first()).toHaveText(/^Copied \d+ claim line\(s\)\.$/);
  // Read the clipboard back from the chart page (extension origins cannot be granted clipboard-read).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(chart.url()).origin });
  await chart.bringToFront();
  const copied = await chart.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')).toContain('99214-25');
  expect(copied.split('\n')).toContain('17003 x7');

  // Reload: the decision is in the database, not in the page.
  await panel.reload();
  await panel.getByRole('radio', { name: 'Coder' }).check();
  await expect(panel.locator(`li.finding[data-rule="${rule}"] .resolution`).first()).toContainText('Payer contract allows it (e2e)');
  await expect(panel.getByRole('table', { name: 'Audit log' }).locator('tr[data-action="finding-overridden"]')).toContainText('Payer contract allows it (e2e)');
});
