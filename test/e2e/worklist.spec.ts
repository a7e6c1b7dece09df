import { readFileSync } from 'node:fs';
import { expect, openPanel, tabIdOf, test } from './extension';

test('worklist in the side panel: counts and keyboard filters over stored visits', async ({ context, extensionId }) => {
  const visit = await context.newPage();
  await visit.goto('/charts/clinic-day.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, visit));
  await panel.getByRole('radio', { name: 'Coder' }).check();
  const filters = panel.getByRole('group', { name: 'Show' });
  // The visit's pathology lines wait for results: a held claim.
  const held = filters.getByRole('button', { name: /^Held claims \d+$/ });
  await expect(held).toHaveText(/^Held claims [1-9]\d*$/);
  await expect(filters.getByRole('button', { name: /^All / })).toHaveAttribute('aria-pressed', 'true');
  // Keyboard: focus the filter and press Enter.
  await held.focus();
  await panel.keyboard.press('Enter');
  await expect(held).toHaveAttribute('aria-pressed', 'true');
  const table = panel.getByRole('table', { name: 'Worklist: held claims' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-kind', 'held');
  await expect(table).toContainText('88305');
});

test('options: export the database to a file, refuse a foreign file, restore the backup, import CMS files', async ({ context, extensionId }) => {
  const visit = await context.newPage();
  await visit.goto('/charts/clinic-day.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, visit));
  await expect(panel.locator('table.claim tbody tr.line').first()).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export all data…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dermlens-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
  expect(backup.format).toBe('dermlens-backup');
  expect(backup.tables.encounters.length).toBeGreaterThan(0);
  const status = options.locator('section.backup p.live');
  await expect(status).toContainText('Backup ready:');

  const backupInput = options.locator('input[name="backupFile"]');
  await backupInput.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"not-a-backup"}') });
  await options.getByRole('button', { name: 'Replace all data' }).click();
  await expect(options.locator('section.backup [role="alert"]')).toHaveText('This file is not a DermLens backup. Nothing was imported.');

  await backupInput.setInputFiles({ name: 'dermlens-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByRole('button', { name: 'Replace all data' }).click();
  await expect(status).toContainText(`Restored dermlens-backup.json: ${backup.tables.encounters.length} encounter(s)`);

  await options.locator('input[name="ptpFiles"]').setInputFiles('test/fixtures/cms/ccipra-v310r0-f1.txt');
  const report = options.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('ccipra-v310r0-f1.txt: 6 rows read, 3 skipped');
  await expect(report).toContainText('line 11: column 1 "1130" is not a 5-character code');
  await expect(options.getByTestId('edit-tables')).toContainText('PTP v310r0');
});
