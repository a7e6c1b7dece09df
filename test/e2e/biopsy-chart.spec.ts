import { mkdirSync } from 'node:fs';
import { claimRows, expect, openPanel, tabIdOf, test } from './extension';

test('demo chart with a shave and a punch biopsy → exact lines, live update, screenshot', async ({ context, extensionId }) => {
  const chart = await context.newPage();
  await chart.goto('/charts/two-biopsies.html');
  const tabId = await tabIdOf(context, chart);
  const panel = await openPanel(context, extensionId, tabId);

  // One punch + one shave: punch takes the primary code, the shave the add-on (CPT 2019 biopsy guidelines);
  // two specimens read in-house, both resulted: 88305 each, ready.
  await expect.poll(() => claimRows(panel)).toEqual(['11104|1||ready', '11103|1||ready', '88305|1||ready', '88305|1||ready']);
  await expect(panel.getByRole('button', { name: 'Copy claim' })).toBeEnabled();

  // The chart changes in the page (the EMR's SPA adds a third biopsy): the panel follows.
  await chart.evaluate(() => {
    const plan = document.querySelector('[data-identifier="assessment-plan"]');
    const block = document.createElement('div');
    block.className = 'assessment';
    const dx = document.createElement('div');
    dx.className = 'dx';
    dx.textContent = '3. Neoplasm of uncertain behavior of skin - L cheek (D48.5)';
    const proc = document.createElement('div');
    proc.className = 'procedure';
    proc.textContent = [
      '',
      'Procedure: Shave biopsy',
      'Location: L cheek',
      'Lesion size: 0.4 cm',
      'Technique: tangential shave biopsy with DermaBlade',
      'Hemostasis: aluminum chloride',
      'Specimen: C - sent to dermatopathology (in-house)',
      '',
    ].join('\n');
    block.append('\n', dx, '\n', proc, '\n');
    plan?.append(block, '\n');
  });
  await expect.poll(() => claimRows(panel)).toEqual(['11104|1||ready', '11103|2||ready', '88305|1||ready', '88305|1||ready', '88305|1||held']);

  mkdirSync('docs/screenshots', { recursive: true });
  await panel.screenshot({ path: 'docs/screenshots/side-panel.png', fullPage: true });
});
