import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { claimRows, expect, openPanel, readPanel, tabIdOf, test } from './extension';

/*
 * Issue 5 in the real browser: the built extension on the saved EMR pages of
 * test/fixtures/emr/ (served read-only under /emr/ by demo/server.mjs). Per EMR:
 * the page → the panel shows exactly the page's expected.json lines; a single-page-app
 * navigation (history.pushState + the chart DOM swapped for another patient's) → the
 * panel switches and never shows the previous patient's codes; an edit of the chart's
 * procedure section → the panel follows.
 */

interface ExpectedLine {
  code: string;
  units: number;
  modifiers: string[];
  billing?: string;
  status: string;
}

/** expected.json lines as the panel renders them: "code|units|modifiers|status" (held-* → held). */
function expectedRows(fixture: string): string[] {
  const expected = JSON.parse(readFileSync(`test/fixtures/emr/${fixture}.expected.json`, 'utf8')) as { lines: ExpectedLine[] };
  return expected.lines
    .map((l) => {
      const status = l.billing === 'self-pay' ? 'self-pay' : l.status === 'ready' ? 'ready' : 'held';
      return `${l.code}|${l.units}|${l.modifiers.join(', ')}|${status}`;
    })
    .sort();
}

/** The panel's rows, sorted: expected.json lists lines in hand order, the panel in claim order. */
async function rowsOf(panel: Page): Promise<string[]> {
  return (await claimRows(panel)).sort();
}

/**
 * What an EMR's single-page app does on a chart switch: the route changes without a page
 * load (pushState; EMA's routes are hash routes) and the chart DOM is replaced in place.
 * Uses DOMParser + node adoption (no HTML sinks); frames in the new chart load their srcdoc.
 */
async function spaNavigate(page: Page, fixture: string, route: string): Promise<void> {
  await page.evaluate(
    async ({ url, route }) => {
      const html = await (await fetch(url)).text();
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({ chart: url }, '', route);
      document.title = next.title;
      document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.adoptNode(n)));
      for (const attr of [...next.body.attributes]) document.body.setAttribute(attr.name, attr.value);
    },
    { url: `/emr/${fixture}.html`, route },
  );
}

/** One look at the panel: the date of service it shows and its rows (sorted), read in one page task. */
async function panelState(panel: Page): Promise<{ dos: string; rows: string[] }> {
  const { dos, rows } = await panel.evaluate(readPanel);
  return { dos, rows: rows.sort() };
}

/**
 * Polls the panel until it shows `target`; records every state seen on the way, so the test
 * can prove that no state after the switch mixed in codes that only the previous patient had,
 * that the new chart's date never shows beside the old chart's lines, and that the old chart
 * never comes back.
 */
async function switchesTo(panel: Page, before: string[], target: string[]): Promise<void> {
  const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
  const firstDos = (await panelState(panel)).dos;
  const seen: { dos: string; rows: string[] }[] = [];
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const state = await panelState(panel);
    seen.push(state);
    if (same(state.rows, target)) break;
    await panel.waitForTimeout(50);
  }
  // Keep watching a little: the old chart must not come back.
  for (let i = 0; i < 10; i++) {
    await panel.waitForTimeout(100);
    seen.push(await panelState(panel));
  }
  const firstNew = seen.findIndex((s) => same(s.rows, target));
  expect(firstNew, `panel never showed ${JSON.stringify(target)}; last: ${JSON.stringify(seen.at(-1))}`).toBeGreaterThanOrEqual(0);
  for (const s of seen.slice(firstNew)) expect(s.rows).toEqual(target);
  // Before the switch lands the panel may still show the old chart as a whole, but never a mix.
  const oldOnly = new Set(before.map((r) => r.split('|')[0]).filter((c) => !target.some((t) => t.startsWith(`${c}|`))));
  for (const s of seen.slice(0, firstNew)) {
    if (!same(s.rows, before))
      expect(
        s.rows.filter((r) => oldOnly.has(r.split('|')[0] ?? '')),
        `mixed panel state ${JSON.stringify(s)}`,
      ).toEqual([]);
  }
  // The new chart's date of service never stands over the old chart's lines.
  const newDos = seen.at(-1)?.dos ?? '';
  if (newDos && newDos !== firstDos) for (const s of seen) if (s.dos === newDos) expect(s.rows, `date ${newDos} shown with old lines`).toEqual(target);
}

interface EmrCase {
  emr: string;
  first: string;
  /** Route the SPA pushes for the second chart (EMA: hash route). */
  route: string;
  second: string;
  /** Rows expected for `second` when its expected.json needs a report that is not on the page. */
  secondRows?: string[];
  /** Adds one procedure to the second chart's procedure section, as the EMR's editor would. */
  edit: (page: Page) => Promise<void>;
  /** Rows after the edit (worked out by hand from coding-reference.md; see each case). */
  afterEdit: string[];
}

const CASES: EmrCase[] = [
  {
    emr: 'EMA',
    first: 'ema/visit-biopsies-and-ak-destruction',
    route: '#/practice/staff/patient/58303/visit/771340',
    second: 'ema/bill-excision-intermediate-repair',
    edit: (page) =>
      page.evaluate(() => {
        const plan = document.querySelector('[data-identifier="note-section-assessment-and-plan"]');
        const item = document.createElement('div');
        item.className = 'ap-item';
        const dx = document.createElement('div');
        dx.className = 'ap-dx';
        dx.textContent = '2. Neoplasm of uncertain behavior of skin - L upper back';
        const proc = document.createElement('div');
        proc.className = 'ap-procedure';
        for (const text of ['Procedure: Shave biopsy', 'Location: L upper back', 'Lesion size: 0.6 cm', 'Specimen: B - to in-house dermpath']) {
          const row = document.createElement('div');
          row.textContent = text;
          proc.append(row);
        }
        item.append(dx, proc);
        plan?.append(item);
      }),
    // A shave biopsy at another site beside the excision: 11102 with 59 (distinct lesion), a second specimen held.
    afterEdit: ['11102|1|59|ready', '11602|1||ready', '12032|1||ready', '88305|2||held'],
  },
  {
    emr: 'athenaOne',
    first: 'athena/signoff-em-and-biopsy-charges',
    route: '/emr/athena/visit-biopsy-edc-aks.html',
    second: 'athena/visit-biopsy-edc-aks',
    // The procedure panel is a shadow root inside frMain, three same-origin frames deep.
    edit: (page) =>
      page.evaluate(() => {
        const frameDoc = (root: Document, id: string) => (root.getElementById(id) as HTMLIFrameElement | null)?.contentDocument ?? null;
        const wrapper = frameDoc(document, 'GlobalWrapper');
        const content = wrapper && frameDoc(wrapper, 'frameContent');
        const main = content && frameDoc(content, 'frMain');
        const body = main?.querySelector('#procedureDocumentationPanel')?.shadowRoot?.querySelector('.fe-c-body') ?? main?.querySelector('#AssessmentPlan');
        if (!main || !body) throw new Error('athenaOne procedure section not found');
        const p = main.createElement('p');
        const b = main.createElement('b');
        b.textContent = 'Shave biopsy';
        p.append(b, ' - R forearm. 0.5 cm scaly papule, r/o SCC. Tangential shave. Specimen B to in-house dermatopathology.');
        body.append(p);
      }),
    // A shave biopsy beside the punch: the punch keeps the primary code, the shave is the add-on 11103.
    afterEdit: ['11103|1||ready', '11104|1|59|ready', '17000|1||ready', '17003|1||ready', '17261|1|59|ready', '88305|2||held'],
  },
  {
    emr: 'Nextech',
    first: 'nextech/visit-excision-repair-warts',
    route: '/emr/nextech/billing-ak-sixteen-overcoded.html#/chart/900323',
    second: 'nextech/billing-ak-sixteen-overcoded',
    edit: (page) =>
      page.evaluate(() => {
        const section = document.querySelector('chart-chart-section-procedures') ?? document.querySelector('[class*="procedure"]')?.parentElement;
        if (!section) throw new Error('Nextech procedure section not found');
        const item = document.createElement('div');
        item.className = 'procedure-item';
        const name = document.createElement('div');
        name.className = 'procedure-name';
        name.textContent = 'Shave biopsy - L forearm';
        const editor = document.createElement('div');
        editor.className = 'ql-editor';
        const p = document.createElement('p');
        p.textContent = '0.5 cm pink scaly papule, r/o SCC. Tangential shave biopsy. Specimen A to in-house dermpath.';
        editor.append(p);
        item.append(name, editor);
        section.append(item);
      }),
    afterEdit: ['11102|1|59|ready', '17004|1||ready', '88305|1||held'],
  },
  {
    emr: 'eClinicalWorks',
    // progress-note-three-biopsies is a known engine miss (test/fixtures/known-misses.json): not used here.
    first: 'eclinicalworks/lab-result-mis-ihc',
    route: '/emr/eclinicalworks/progress-note-shave-removals-billing.html?encounterId=66333',
    second: 'eclinicalworks/progress-note-shave-removals-billing',
    // eCW's progress note: the Procedures section of the note (pn-heading + pn-text).
    edit: (page) =>
      page.evaluate(() => {
        const heading = [...document.querySelectorAll('.pn-heading')].find((h) => /^\s*Procedures/i.test(h.textContent ?? ''));
        const text = heading?.nextElementSibling;
        if (!text) throw new Error('eCW procedure section not found');
        text.prepend('Shave biopsy #3: L forearm, 0.5 cm scaly papule, r/o SCC, tangential shave biopsy. Specimen C.', document.createElement('br'));
      }),
    afterEdit: ['11102|1|59|ready', '11302|1||ready', '11305|1||ready', '88305|3||held'],
  },
  {
    emr: 'Epic',
    first: 'epic/progress-note-mohs-nose',
    route: '/emr/epic/visit-two-biopsies-charge-capture.html#ChartReview',
    second: 'epic/visit-two-biopsies-charge-capture',
    // Its expected.json assumes the patient's report page was read too; alone, pathology is held.
    secondRows: ['11103|1||ready', '11104|1||ready', '88305|2||held'],
    edit: (page) =>
      page.evaluate(() => {
        const content = document.getElementById('ReportContent');
        if (!content) throw new Error('Epic report content not found');
        const anchor = [...content.querySelectorAll('div')].find((d) => /ASSESSMENT/i.test(d.textContent ?? '')) ?? null;
        const lines = ['Procedure: Shave biopsy', 'Location: L forearm', 'Lesion size: 0.5 cm', 'Specimen: C to in-house dermpath'];
        for (const text of lines) {
          const div = document.createElement('div');
          div.textContent = text;
          content.insertBefore(div, anchor);
        }
      }),
    // A third biopsy (shave): one more add-on unit and one more held specimen.
    afterEdit: ['11103|2||ready', '11104|1||ready', '88305|3||held'],
  },
];

for (const c of CASES) {
  test(`${c.emr}: exact lines, SPA switch to another patient, live edit`, async ({ context, extensionId }) => {
    const chart = await context.newPage();
    await chart.goto(`/emr/${c.first}.html`);
    const tabId = await tabIdOf(context, chart);
    const panel = await openPanel(context, extensionId, tabId);

    const firstRows = expectedRows(c.first);
    await expect.poll(() => rowsOf(panel)).toEqual(firstRows);

    await chart.bringToFront();
    const secondRows = c.secondRows ?? expectedRows(c.second);
    await spaNavigate(chart, c.second, c.route);
    await switchesTo(panel, firstRows, secondRows);

    await c.edit(chart);
    await expect.poll(() => rowsOf(panel)).toEqual(c.afterEdit);
  });
}

test('Epic: the results page of the same patient completes the visit to its expected.json lines', async ({ context, extensionId }) => {
  const visit = await context.newPage();
  await visit.goto('/emr/epic/visit-two-biopsies-charge-capture.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, visit));
  // Alone, both specimens wait for pathology.
  await expect.poll(() => rowsOf(panel)).toEqual(['11103|1||ready', '11104|1||ready', '88305|2||held']);
  // Results Review opened in another tab (same patient, MRN 900342): both reports link to the visit's specimens.
  const results = await context.newPage();
  await results.goto('/emr/epic/results-two-biopsies.html');
  await expect.poll(() => rowsOf(panel)).toEqual(expectedRows('epic/visit-two-biopsies-charge-capture'));
});

for (const fixture of ['generic/clinic-portal-visit', 'generic/printed-note-bold-labels']) {
  test(`unknown EMR (${fixture}): the generic reader gives the expected.json lines`, async ({ context, extensionId }) => {
    const chart = await context.newPage();
    await chart.goto(`/emr/${fixture}.html`);
    const panel = await openPanel(context, extensionId, await tabIdOf(context, chart));
    await expect.poll(() => rowsOf(panel)).toEqual(expectedRows(fixture));
  });
}

test('athenaOne with real nested frames (src frames, a frameset): exact lines, then an edit deep in frMain', async ({ context, extensionId }) => {
  const chart = await context.newPage();
  await chart.goto('/emr/athena/saved-complete-excision.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, chart));
  // The frames load after the top document: the content script must notice each frame's load.
  await expect.poll(() => rowsOf(panel)).toEqual(expectedRows('athena/saved-complete-excision'));

  await chart.bringToFront();
  const frMain = chart.frames().find((f) => f.name() === 'frMain');
  expect(frMain, 'frMain frame').toBeTruthy();
  await frMain?.evaluate(() => {
    const section = document.getElementById('ProcedureNote');
    const p = document.createElement('p');
    p.textContent = 'Shave biopsy - L forearm, 0.5 cm scaly papule, r/o SCC. Tangential shave. Specimen B to in-house dermatopathology.';
    section?.append(p);
  });
  // A second lesion, biopsied: 11102 beside the excision (distinct lesion, 59), its specimen held too.
  await expect.poll(() => rowsOf(panel)).toEqual(['11102|1|59|ready', '11441|1||held', '12051|1||ready', '88305|2||held']);
});

test('“Read the chart again” reaches the content script (native messaging, no polyfill)', async ({ context, extensionId }) => {
  const chart = await context.newPage();
  await chart.goto('/emr/ema/path-result-bcc.html');
  const panel = await openPanel(context, extensionId, await tabIdOf(context, chart));
  await expect.poll(() => rowsOf(panel)).toEqual(expectedRows('ema/path-result-bcc'));
  await panel.getByRole('button', { name: 'Read the chart again' }).click();
  await expect(panel.getByRole('status')).toContainText('Reading the chart again');
  await expect.poll(() => rowsOf(panel)).toEqual(expectedRows('ema/path-result-bcc'));
});
