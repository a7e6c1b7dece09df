/**
 * `npm run bench`: DermLens performance benchmark (not a timed test).
 *
 *   npm run bench [-- --quick] [-- --no-browser] [-- --fuzz N] [-- --seed S]
 *
 * Measures, each as median and p95:
 *   - engine: parse + code of a 1-, 5- and 15-procedure note (µs), and single-core throughput;
 *   - content script: snapshotFromDocument on each EMR's largest fixture page, in happy-dom
 *     and in real Chromium, and the main-thread time the extension adds to loading it;
 *   - in the browser: chart edit → side panel updated (after the debounce, reported apart),
 *     and a cold side-panel open to its first claim lines;
 *   - bundle sizes of every entrypoint in .output/chrome-mv3 (minified and gzipped);
 * then runs the fuzz targets (100,000 inputs by default) and prints a table with a
 * PASS/MISS column against the budgets. Writes bench/results.json.
 *
 * Node figures are each call's cost: the smaller of its CPU and wall time (the
 * machine may be shared, which stretches wall time; CPU time also counts V8's GC
 * threads). Wall time is printed beside it, and the load average first. Browser
 * figures are measured in the page, or from a Chrome trace (thread time).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TARGETS, type FuzzStats, fuzz } from '../test/unit/fuzz/targets';
import type { BrowserResults } from './lib/browser';
import { type BundleSize, bundleSizes } from './lib/bundle';
import { benchEngine, benchThroughput, type EngineResult, fixtureNotes, type ThroughputResult, typicalNote } from './lib/engine';
import { benchScrapeHappyDom, type ScrapeResult } from './lib/scrape-happy-dom';
import { fmt, machineLoad } from './lib/stats';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = flag('--quick');
const FUZZ_TOTAL = Number(option('--fuzz') ?? (QUICK ? 7_000 : 100_000));
const SEED = Number(option('--seed') ?? 20_260_526);

/** Budgets from issue 8. */
export const BUDGETS = {
  heavyP95Us: 1000,
  typicalPerSecond: 10_000,
  scrapeMs: 20,
  addedLoadMs: 10,
  editToPanelMs: 50,
  contentScriptBytes: 40 * 1024,
  fuzzPerInputMs: 50,
};

interface Row {
  area: string;
  measure: string;
  median: string;
  p95: string;
  budget: string;
  verdict: 'PASS' | 'MISS' | '';
}

const rows: Row[] = [];
const verdict = (ok: boolean | undefined): Row['verdict'] => (ok === undefined ? '' : ok ? 'PASS' : 'MISS');
function row(area: string, measure: string, median: string, p95: string, budget = '', ok?: boolean): void {
  rows.push({ area, measure, median, p95, budget, verdict: verdict(ok) });
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = machineLoad();
  log(
    `load average ${loadBefore.loadAvg1} on ${loadBefore.cores} cores${loadBefore.loadAvg1 > loadBefore.cores ? ' (busy machine: wall times stretch; verdicts use per-call cost, see bench/lib/stats.ts)' : ''}`,
  );

  log('engine: parse + code');
  // Steady state after a warm-up of 1.5 s per case (bench/lib/stats.ts warmUp); the first call is reported apart.
  const engine: EngineResult[] = benchEngine(QUICK ? 300 : 2000, QUICK ? 300 : 1500);
  for (const e of engine) {
    const heavy = e.id === 'heavy-15';
    row(
      'engine',
      `parse+code ${e.label}, µs (wall)`,
      `${fmt(e.costUs.median, 0)} (${fmt(e.wallUs.median, 0)})`,
      `${fmt(e.costUs.p95, 0)} (${fmt(e.wallUs.p95, 0)})`,
      heavy ? `p95 ≤ ${BUDGETS.heavyP95Us} µs` : '',
      heavy ? e.costUs.p95 <= BUDGETS.heavyP95Us : undefined,
    );
    row(
      'engine',
      `  of which parse / code, µs`,
      `${fmt(e.parseCostUs.median, 0)} / ${fmt(e.codeCostUs.median, 0)}`,
      `${fmt(e.parseCostUs.p95, 0)} / ${fmt(e.codeCostUs.p95, 0)}`,
    );
    row('engine', `  first call in this process (before warm-up), µs`, fmt(e.firstCallUs, 0), '');
  }

  log('engine: single-core throughput');
  const throughput: ThroughputResult[] = [
    benchThroughput('typical 5-procedure note', [typicalNote()], QUICK ? 1 : 4, QUICK ? 300 : 1500),
    benchThroughput(`mix of all ${fixtureNotes().length} fixture notes`, fixtureNotes(), QUICK ? 1 : 4, QUICK ? 300 : 1500),
  ];
  for (const t of throughput) {
    const typical = t.label.startsWith('typical');
    row(
      'engine',
      `throughput, ${t.label}, encounters/s CPU (wall)`,
      `${fmt(t.perCpuSecond, 0)} (${fmt(t.perWallSecond, 0)})`,
      '',
      typical ? `≥ ${BUDGETS.typicalPerSecond}/s` : '',
      typical ? t.perCpuSecond >= BUDGETS.typicalPerSecond : undefined,
    );
  }

  log('content script: scrape in happy-dom');
  const scrapeHappyDom: ScrapeResult[] = benchScrapeHappyDom(QUICK ? 30 : 200);
  for (const s of scrapeHappyDom) {
    row(
      'scrape (happy-dom)',
      `${s.rel} (${(s.bytes / 1024).toFixed(1)} KB, ${s.adapter}, ${s.sections} sections), ms`,
      fmt(s.costMs.median, 2),
      fmt(s.costMs.p95, 2),
      `≤ ${BUDGETS.scrapeMs} ms`,
      s.costMs.p95 <= BUDGETS.scrapeMs,
    );
  }

  const bundles: BundleSize[] | undefined = bundleSizes();
  if (!bundles) log('no build in .output/chrome-mv3: run `npm run build` for bundle sizes and the browser figures');
  for (const b of bundles ?? []) {
    const content = b.entrypoint === 'content script';
    row(
      'bundle',
      `${b.entrypoint} (${b.files.length} file${b.files.length > 1 ? 's' : ''}), KB minified / gzip`,
      `${(b.minifiedBytes / 1024).toFixed(1)} / ${(b.gzipBytes / 1024).toFixed(1)}`,
      '',
      content ? `≤ ${BUDGETS.contentScriptBytes / 1024} KB min` : '',
      content ? b.minifiedBytes <= BUDGETS.contentScriptBytes : undefined,
    );
  }

  let browser: BrowserResults | { skipped: string } | undefined;
  if (flag('--no-browser')) browser = { skipped: '--no-browser' };
  else if (!bundles) browser = { skipped: 'no build in .output/chrome-mv3' };
  else {
    log('browser: Chromium with the built extension');
    try {
      const { benchBrowser } = await import('./lib/browser');
      browser = await benchBrowser({ quick: QUICK, log });
      addBrowserRows(browser);
    } catch (error) {
      browser = { skipped: `browser run failed: ${(error as Error).message.split('\n')[0]}` };
      log(browser.skipped);
    }
  }

  log(`fuzz: ${FUZZ_TOTAL.toLocaleString('en-US')} inputs over ${ALL_TARGETS.length} targets (seed ${SEED})`);
  const fuzzStats: FuzzStats[] = [];
  const perTarget = Math.ceil(FUZZ_TOTAL / ALL_TARGETS.length);
  for (const target of ALL_TARGETS) {
    const t0 = performance.now();
    const stats = await fuzz(target, perTarget, SEED);
    fuzzStats.push(stats);
    log(
      `  ${target.name}: ${stats.runs} inputs, ${stats.failures ? `FAILED: ${stats.failure}` : 'ok'}, slowest ${stats.slowestMs.toFixed(1)} ms (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
    row(
      'fuzz',
      `${target.name}: ${stats.runs.toLocaleString('en-US')} inputs, ${stats.failures ? 'FAILED' : 'no failure'}; µs CPU per input, slowest ms`,
      fmt(stats.medianUs, 0),
      `${fmt(stats.p95Us, 0)}; max ${fmt(stats.slowestMs, 1)} ms`,
      `0 failures, each ≤ ${BUDGETS.fuzzPerInputMs} ms`,
      stats.failures === 0 && stats.slowestMs <= BUDGETS.fuzzPerInputMs,
    );
  }

  printTable();
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    node: process.version,
    machine: { before: loadBefore, after: machineLoad() },
    budgets: BUDGETS,
    engine,
    throughput,
    scrapeHappyDom,
    bundles,
    browser,
    fuzz: { seed: SEED, total: fuzzStats.reduce((n, s) => n + s.runs, 0), targets: fuzzStats },
    table: rows,
    misses: rows.filter((r) => r.verdict === 'MISS').map((r) => `${r.area}: ${r.measure}`),
  };
  const out = join(import.meta.dirname, 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${out}`);
}

function addBrowserRows(b: BrowserResults): void {
  for (const s of b.scrape) {
    row(
      'scrape (Chromium)',
      `${s.rel} (${s.sections} sections), ms in page [first, cold read]`,
      `${fmt(s.ms.median, 2)} [${fmt(s.firstReadMs, 1)}]`,
      fmt(s.ms.p95, 2),
      `≤ ${BUDGETS.scrapeMs} ms`,
      s.ms.p95 <= BUDGETS.scrapeMs,
    );
  }
  for (const l of b.pageLoad) {
    row(
      'page load (Chromium)',
      `${l.rel}: content script main-thread ms, all frames, whole run: thread (wall) [compile] {before the load event}; renderer task time with − without`,
      `${fmt(l.contentScriptMs.median, 1)} (${fmt(l.contentScriptWallMs.median, 1)}) [${fmt(l.compileMs.median, 1)}] {${fmt(l.beforeLoadMs?.median ?? Number.NaN, 1)}}; ${fmt(l.taskDeltaMs.median, 1)}`,
      `${fmt(l.contentScriptMs.p95, 1)} (${fmt(l.contentScriptWallMs.p95, 1)}) {${fmt(l.beforeLoadMs?.p95 ?? Number.NaN, 1)}}; ${fmt(l.taskDeltaMs.p95, 1)}`,
      `< ${BUDGETS.addedLoadMs} ms`,
      l.contentScriptMs.p95 < BUDGETS.addedLoadMs,
    );
  }
  if (b.editToPanel) {
    row(
      'panel (Chromium)',
      `chart edit → panel updated, ms after the ${b.editToPanel.debounceMs} ms debounce`,
      fmt(b.editToPanel.afterDebounceMs.median, 1),
      fmt(b.editToPanel.afterDebounceMs.p95, 1),
      `≤ ${BUDGETS.editToPanelMs} ms`,
      b.editToPanel.afterDebounceMs.p95 <= BUDGETS.editToPanelMs,
    );
    row(
      'panel (Chromium)',
      'chart edit → panel updated, total ms (debounce included)',
      fmt(b.editToPanel.totalMs.median, 1),
      fmt(b.editToPanel.totalMs.p95, 1),
    );
  }
  if (b.coldOpen) row('panel (Chromium)', 'side-panel open → first claim lines, ms (worker running)', fmt(b.coldOpen.median, 1), fmt(b.coldOpen.p95, 1));
  if (b.coldOpenWorkerStopped)
    row(
      'panel (Chromium)',
      'cold side-panel open → first claim lines, ms (worker stopped first)',
      fmt(b.coldOpenWorkerStopped.median, 1),
      fmt(b.coldOpenWorkerStopped.p95, 1),
    );
}

function printTable(): void {
  const headers: Row = { area: 'area', measure: 'measure', median: 'median', p95: 'p95', budget: 'budget', verdict: '' };
  const cols = Object.keys(headers) as (keyof Row)[];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[headers, ...rows].map((r) => String(r[c]).length))])) as Record<keyof Row, number>;
  const line = (r: Row) => `| ${cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ')} |`;
  const out = [
    line({ ...headers, verdict: 'PASS/MISS' as Row['verdict'] }),
    `|${cols.map((c) => '-'.repeat(Math.max(width[c], c === 'verdict' ? 9 : 0) + 2)).join('|')}|`,
  ];
  width.verdict = Math.max(width.verdict, 9);
  out[0] = line({ ...headers, verdict: 'PASS/MISS' as Row['verdict'] });
  for (const r of rows) out.push(line(r));
  const misses = rows.filter((r) => r.verdict === 'MISS').length;
  out.push('', misses ? `${misses} budget(s) MISSED (see the MISS rows).` : 'All budgets met.');
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
