import { claimRows, expect, openPanel, screenshotPath, tabIdOf, test } from './extension';

test('demo chart with a shave and a punch biopsy → exact lines, live update, screenshot', async ({ context, extensionId }) => {
  const chart = await context.newPage();
  await chart.goto('/charts/two-biopsies.html');
  const tabId = await tabIdOf(context, chart);
  const panel = await openPanel(context, extensionId, tabId);

  // One punch + one shave: the punch takes the primary code, the shave the add-on (CPT 2019 biopsy guidelines).
  // Two specimens read in-house, both resulted: one 88305 line, one unit per specimen (the "88305 ×2").
  await expect.poll(() => claimRows(panel)).toEqual(['11104|1||ready', '11103|1||ready', '88305|2||ready']);
  await expect(panel.getByRole('button', { name: 'Copy claim' })).toBeEnabled();
  await expect(panel.locator('dl.encounter')).toContainText('A.S.');
  await expect(panel.locator('dl.encounter')).not.toContainText('Avery');

  // The chart changes in the page (the EMR's single-page app adds a third biopsy): the panel follows.
  await chart.evaluate(() => {
    const plan = document.querySelector('[data-identifier="note-section-assessment-and-plan"]');
    const item = document.createElement('div');
    item.className = 'ap-item assessment';
    const dx = document.createElement('div');
    dx.className = 'ap-dx dx';
    const title = document.createElement('b');
    title.textContent = '3. Neoplasm of uncertain behavior of skin';
    dx.append(title, ' - L cheek');
    const proc = document.createElement('div');
    proc.className = 'ap-procedure procedure';
    for (const text of [
      'Procedure: Shave biopsy',
      'Location: L cheek',
      'Lesion size: 0.4 cm',
      'Technique: tangential shave with DermaBlade',
      'Specimen: C - to in-house dermpath',
    ]) {
      const row = document.createElement('div');
      row.textContent = text;
      proc.append(row);
    }
    item.append(dx, proc);
    plan?.querySelector(':scope > p')?.before(item);
  });
  // Third specimen has no result yet: its 88305 is held for pathology.
  await expect.poll(() => claimRows(panel)).toEqual(['11104|1||ready', '11103|2||ready', '88305|2||ready', '88305|1||held']);

  await panel.screenshot({ path: screenshotPath('side-panel.png'), fullPage: true });
});
