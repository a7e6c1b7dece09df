import { expect, screenshotPath, test } from './extension';

test('trainer: what-if re-codes live; quiz grades an answer', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`chrome-extension://${extensionId}/trainer.html`);

  // Cases → open the three-shave case in What if.
  const card = page.locator('li.rule-card', { hasText: 'Three shave biopsies' });
  await card.getByRole('button', { name: /What if/ }).click();
  await expect(page.getByRole('tab', { name: 'What if' })).toHaveAttribute('aria-selected', 'true');
  const lines = page.locator('table.claim tbody tr.line');
  await expect(lines.first()).toBeVisible();
  await expect(page.locator('table.claim tbody tr.line[data-code="11102"]')).toHaveCount(1);

  // Edit: add a punch biopsy of another lesion; the claim changes without any button.
  const editor = page.getByRole('textbox', { name: /Edit the note/ });
  await editor.fill(`${await editor.inputValue()}\nAlso: 4 mm punch bx of R calf, specimen D, to in-house dermpath.`);
  await expect(page.locator('table.claim tbody tr.line[data-code="11104"]')).toHaveCount(1);
  // Punch outranks tangential: 11104 becomes the primary and the three shaves all take 11103.
  await expect(page.locator('table.claim tbody tr.line[data-code="11102"]')).toHaveCount(0);
  // Open the new line's "why": the rule and the note words it came from, highlighted.
  await page.locator('tr.line[data-code="11104"] button.disclosure').click();
  await expect(page.locator('tr.why-row:not([hidden]) mark').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('trainer-what-if.png'), fullPage: true });

  // Rule explorer: search by code.
  await page.getByRole('tab', { name: 'Rule explorer' }).click();
  await page.getByRole('searchbox').fill('17003');
  await expect(page.locator('li.rule-card').first()).toContainText('17003');
  await page.locator('li.rule-card').first().getByRole('button').click();
  await expect(page.locator('li.rule-card').first().locator('.cases')).toBeVisible();

  // Quiz: a wrong answer is marked and the engine's answer shown; the score counts it.
  await page.getByRole('tab', { name: 'Quiz' }).click();
  await page.getByRole('textbox', { name: /Which lines/ }).fill('99999');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.quiz-result.wrong')).toContainText('Not supported: 99999');
  await expect(page.getByText('Score: 0 / 1')).toBeVisible();
  await page.screenshot({ path: screenshotPath('trainer-quiz.png'), fullPage: true });
});

test('options: invalid values are refused with a clear message; valid ones are saved', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 1200 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeEnabled();

  await page.getByRole('textbox', { name: 'Keep data for (days)' }).fill('0');
  await page.getByRole('textbox', { name: /Other EMR hosts/ }).fill('http://emr.example.org');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Keep data for (days) must be a whole number from 1 to 3650 (got "0")');
  await expect(alert).toContainText('http://emr.example.org/*: only https:// EMR addresses are allowed');

  await page.getByRole('textbox', { name: 'Keep data for (days)' }).fill('30');
  await page.getByRole('textbox', { name: /Other EMR hosts/ }).fill('');
  await page.getByRole('radio', { name: /Medicare/ }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Open charts were re-coded with these settings.');
  await page.screenshot({ path: screenshotPath('options.png'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('radio', { name: /Medicare/ })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Keep data for (days)' })).toHaveValue('30');

  // Deleting all stored data takes a confirmation and keeps the settings.
  await page.getByRole('button', { name: 'Delete all stored charts…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Deleted \d+ stored encounter\(s\) and their audit trail\. Settings were kept\.$/);
  await page.reload();
  await expect(page.getByRole('radio', { name: /Medicare/ })).toBeChecked();
});
