import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, claimRows, EXTENSION_DIR, openPanel, serviceWorker, tabIdOf } from '../../test/e2e/extension';
import { largestFixturePages } from './scrape-happy-dom';
import { serveFolders } from './static-server';
import { type Summary, summarize } from './stats';

/*
 * The browser half of the bench, in Debian Chromium through playwright-core,
 * with the launch recipe of the extension e2e tests (test/e2e/extension.ts):
 *
 * - scrape: core/emr's snapshotFromDocument bundled by esbuild and injected into
 *   each EMR's largest fixture page (no extension needed), timed in the page;
 * - page load: the built extension's content script on the same pages, from a
 *   Chrome trace: its own EvaluateScript/FunctionCall events (main-thread wall and
 *   thread time) in all frames, split at the top frame's load event (the first read
 *   waits for load and an idle moment), and as a cross-check the whole renderer main
 *   thread's task time (thread time of every RunTask) with the extension minus without,
 *   which also counts what no event of the script's own carries (the browser setting up
 *   the extension's isolated world in each frame);
 * - edit → panel: a demo chart edited in the page, timed until the side panel
 *   (chrome-extension://ID/sidepanel.html?tabId=N) shows the new lines;
 * - cold open: a new side-panel page until its first claim line, with the
 *   service worker running and (when CDP allows) after stopping it.
 */

const ROOT = join(import.meta.dirname, '../..');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface BrowserResults {
  chromium: string;
  /** ms per read once warm, and the first (cold: parse, compile, interpreter) read of a fresh page (median over fresh pages). */
  scrape: { emr: string; rel: string; sections: number; ms: Summary; firstReadMs: number }[];
  pageLoad: {
    emr: string;
    rel: string;
    /** Main-thread time of the content script's own trace events (thread CPU time) in all frames, per load: its whole cost. */
    contentScriptMs: Summary;
    /** Of which before the top frame's load event: what it adds to the load itself. */
    beforeLoadMs: Summary;
    /** Of which compiling the script (v8.compile, thread time). */
    compileMs: Summary;
    /** Same events, wall duration (stretched when the machine is busy). */
    contentScriptWallMs: Summary;
    /**
     * Thread time of every task on the page's renderer main thread, from navigation to the end of the
     * trace, with the extension minus the paired load without it: everything the extension adds,
     * including isolated-world setup in each frame (noisy: a few ms either way).
     */
    taskDeltaMs: Summary;
  }[];
  editToPanel?: { debounceMs: number; afterDebounceMs: Summary; totalMs: Summary; samples: number };
  coldOpen?: Summary;
  coldOpenWorkerStopped?: Summary;
}

export interface BrowserOptions {
  quick: boolean;
  log: (message: string) => void;
  /** Only the page-load part (for iterating on the content script's cost); the other parts are skipped. */
  pageLoadOnly?: boolean;
  /** Loads per page in the page-load part (default 3 with quick, else 15). */
  loads?: number;
  /** Only these EMRs' pages (by fixture folder name); all when absent. */
  emrs?: readonly string[];
}

/** snapshotFromDocument as one IIFE setting globalThis.__dermlensSnapshot. */
async function bundleScraper(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { snapshotFromDocument } from './core/emr'; globalThis.__dermlensSnapshot = snapshotFromDocument;",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'chrome120',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The debounce the content script waits after the last DOM change (entrypoints/content/watcher.ts). */
export function contentDebounceMs(): number {
  const source = readFileSync(join(ROOT, 'entrypoints/content/watcher.ts'), 'utf8');
  return Number(/debounceMs\s*\?\?\s*(\d+)/.exec(source)?.[1] ?? 400);
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named inner functions
 * in a `__name(fn, "name")` call; functions sent to page.evaluate need that helper.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

async function launchWithExtension(dir: string): Promise<BrowserContext> {
  const ext = join(dir, 'extension');
  cpSync(EXTENSION_DIR, ext, { recursive: true });
  const context = await chromium.launchPersistentContext(join(dir, 'profile-ext'), {
    executablePath: CHROME,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  await context.addInitScript(KEEP_NAMES_SHIM);
  return context;
}

async function launchPlain(dir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(join(dir, 'profile-plain'), { executablePath: CHROME, headless: true, args: CHROMIUM_FLAGS });
  await context.addInitScript(KEEP_NAMES_SHIM);
  return context;
}

export interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string } };
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,loading,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/**
 * Whether a trace event is the extension's work in the page: its scripts' evaluation, compilation, callbacks and
 * loading (events naming a chrome-extension:// script: the bench loads only DermLens, whose reader module is fetched
 * at a per-session random address), or a module evaluated in its isolated world (named after the extension).
 */
function isExtensionEvent(e: TraceEvent): boolean {
  const a = e.args as { data?: { url?: string }; url?: string; fileName?: string; worldName?: string } | undefined;
  if (!a) return false;
  const url = a.data?.url ?? a.url ?? a.fileName ?? '';
  return url.startsWith('chrome-extension://') || a.worldName === 'DermLens';
}

/**
 * The top-level tasks of renderer threads in which the extension's scripts load, compile or run, each with the
 * names of the extension's events inside it (an event outside every task stands for itself).
 */
export function extensionTasks(events: TraceEvent[]): { task: TraceEvent; names: Set<string> }[] {
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    tasksByThread.set(key, [...(tasksByThread.get(key) ?? []), e]);
  }
  // Outermost tasks only, by start time (a nested RunTask is inside its parent).
  for (const [key, list] of tasksByThread) {
    list.sort((a, b) => a.ts - b.ts);
    const outer: TraceEvent[] = [];
    for (const t of list) {
      const last = outer[outer.length - 1];
      if (!last || t.ts >= last.ts + (last.dur ?? 0)) outer.push(t);
    }
    tasksByThread.set(key, outer);
  }
  const found = new Map<TraceEvent, Set<string>>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name === 'RunTask' || !isExtensionEvent(e)) continue;
    const tasks = tasksByThread.get(`${e.pid}:${e.tid}`) ?? [];
    // The last task starting at or before the event (binary search), if the event falls inside it.
    let lo = 0;
    let hi = tasks.length - 1;
    let holder: TraceEvent | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = tasks[mid] as TraceEvent;
      if (t.ts <= e.ts) {
        holder = t;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const task = holder && e.ts <= holder.ts + (holder.dur ?? 0) ? holder : e;
    if (task === e && e.name !== 'EvaluateScript' && e.name !== 'FunctionCall' && e.name !== 'v8.evaluateModule') continue;
    found.set(task, (found.get(task) ?? new Set()).add(e.name));
  }
  return [...found].map(([task, names]) => ({ task, names }));
}

/**
 * Main-thread cost of the extension in a traced load, in every frame (each frame runs its own copy): the thread
 * (and wall) time of its tasks (extensionTasks: whole tasks, so fetching and decoding the reader module count too),
 * and of those that began before the top frame's load event. `compileMs`: the main-thread compile events of its
 * scripts (a streamed module compiles on a background thread; only its finishing step is on the main thread).
 */
export function extensionTime(events: TraceEvent[]): { wallMs: number; threadMs: number; compileMs: number; beforeLoadMs: number } {
  const loadTs = topFrame(events)?.loadTs ?? Number.POSITIVE_INFINITY;
  let wall = 0;
  let thread = 0;
  let beforeLoad = 0;
  for (const { task } of extensionTasks(events)) {
    wall += task.dur ?? 0;
    thread += task.tdur ?? task.dur ?? 0;
    if (task.ts < loadTs) beforeLoad += task.tdur ?? task.dur ?? 0;
  }
  let compile = 0;
  for (const e of events) {
    if (e.ph === 'X' && (e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'v8.streamingCompile.complete') && isExtensionEvent(e)) {
      compile += e.tdur ?? e.dur ?? 0;
    }
  }
  return { wallMs: wall / 1000, threadMs: thread / 1000, compileMs: compile / 1000, beforeLoadMs: beforeLoad / 1000 };
}

/** The page's top-level navigation: its renderer main thread and its load event (trace µs). */
function topFrame(events: TraceEvent[]): { pid: number; tid: number; navigationTs: number; loadTs: number } | undefined {
  const load = events
    .filter((e) => e.name === 'MarkLoad' && (e.args?.data as { isOutermostMainFrame?: boolean } | undefined)?.isOutermostMainFrame)
    .sort((a, b) => b.ts - a.ts)[0];
  if (!load) return undefined;
  const nav = events
    .filter((e) => e.name === 'navigationStart' && e.pid === load.pid && e.tid === load.tid && e.ts <= load.ts && Boolean(e.args?.data?.documentLoaderURL))
    .sort((a, b) => b.ts - a.ts)[0];
  return { pid: load.pid, tid: load.tid, navigationTs: nav?.ts ?? load.ts, loadTs: load.ts };
}

/** Thread time (ms) of every top-level task on the page's renderer main thread from its navigation on. */
function rendererTaskMs(events: TraceEvent[]): number {
  const top = topFrame(events);
  if (!top) return Number.NaN;
  let us = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && e.pid === top.pid && e.tid === top.tid && e.ts >= top.navigationTs) us += e.tdur ?? e.dur ?? 0;
  }
  return us / 1000;
}

/** One traced load of `url` in a fresh tab of `context`, settled for `settleMs` after the load event. */
export async function tracedLoad(context: BrowserContext, url: string, settleMs: number): Promise<TraceEvent[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    return await traced(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
    });
  } finally {
    await page.close();
  }
}

/** Waits in the panel page until its claim rows differ from `before`; resolves to Date.now() at that moment. */
function armPanelWatch(panel: Page, before: string[]): Promise<number> {
  return panel.evaluate(
    (prev) =>
      new Promise<number>((resolve) => {
        const rows = () =>
          [...document.querySelectorAll('table.claim tbody tr.line')].map((r) => {
            const cell = (c: string) => (r.querySelector(`.${c}`)?.textContent ?? '').trim();
            return `${cell('code')}|${cell('units')}|${cell('mods')}|${cell('status')}`;
          });
        const done = () => JSON.stringify(rows()) !== JSON.stringify(prev);
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(Date.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    before,
  );
}

/** Adds or removes a third biopsy in the demo chart's plan, the way the EMR's single-page app would. */
function editChart(chart: Page, add: boolean): Promise<number> {
  return chart.evaluate((adding) => {
    const plan = document.querySelector('[data-identifier="note-section-assessment-and-plan"]');
    const existing = document.getElementById('bench-added-biopsy');
    const t = Date.now();
    if (!adding) {
      existing?.remove();
      return t;
    }
    const item = document.createElement('div');
    item.id = 'bench-added-biopsy';
    item.className = 'ap-item assessment';
    const dx = document.createElement('div');
    dx.className = 'ap-dx dx';
    const title = document.createElement('b');
    title.textContent = '3. Neoplasm of uncertain behavior of skin';
    dx.append(title, ' - L cheek');
    const proc = document.createElement('div');
    proc.className = 'ap-procedure procedure';
    for (const text of ['Procedure: Shave biopsy', 'Location: L cheek', 'Lesion size: 0.4 cm', 'Specimen: C - to in-house dermpath']) {
      const row = document.createElement('div');
      row.textContent = text;
      proc.append(row);
    }
    item.append(dx, proc);
    plan?.querySelector(':scope > p')?.before(item);
    return t;
  }, add);
}

async function firstLinesMs(context: BrowserContext, extensionId: string, tabId: number): Promise<number> {
  const panel = await context.newPage();
  try {
    await panel.setViewportSize({ width: 460, height: 900 });
    // Recorded in the page from its own navigation start, so the test harness adds nothing.
    await panel.addInitScript(() => {
      const w = window as unknown as { __firstLines?: number };
      const check = () => {
        if (w.__firstLines === undefined && document.querySelector('table.claim tbody tr.line')) w.__firstLines = performance.now();
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true });
    });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.waitForFunction(() => (window as unknown as { __firstLines?: number }).__firstLines !== undefined, undefined, { timeout: 30_000 });
    return panel.evaluate(() => (window as unknown as { __firstLines: number }).__firstLines);
  } finally {
    await panel.close();
  }
}

export async function benchBrowser(options: BrowserOptions): Promise<BrowserResults> {
  const { quick, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'dermlens-bench-'));
  const server = await serveFolders({ emr: join(ROOT, 'test/fixtures/emr'), demo: join(ROOT, 'demo') });
  const pages = largestFixturePages().filter((p) => !options.emrs || options.emrs.includes(p.emr));
  const contexts: BrowserContext[] = [];
  try {
    const plain = await launchPlain(dir);
    contexts.push(plain);
    const withExt = await launchWithExtension(dir);
    contexts.push(withExt);
    const extensionId = new URL((await serviceWorker(withExt as never)).url()).host;
    const version = plain.browser()?.version() ?? (await (await plain.newCDPSession(await plain.newPage())).send('Browser.getVersion')).product;

    // 1. Scrape in the page.
    const scrape: BrowserResults['scrape'] = [];
    const coldReads = quick ? 3 : 9;
    if (!options.pageLoadOnly) log('  scrape in Chromium');
    const scraper = options.pageLoadOnly ? '' : await bundleScraper();
    for (const p of options.pageLoadOnly ? [] : pages) {
      // The first read of a fresh page (parse, compile, interpreter, regex compilation) is what a
      // chart load pays: time it on several fresh pages; then the warm reads on the last one.
      const firsts: number[] = [];
      let measured: { samples: number[]; sections: number } | undefined;
      for (let k = 0; k < coldReads; k++) {
        const page = await plain.newPage();
        await page.goto(`${server.origin}/emr/${p.rel}`, { waitUntil: 'load' });
        await page.addScriptTag({ content: scraper });
        const last = k === coldReads - 1;
        const r = await page.evaluate(
          ({ runs, warm }) => {
            type Snap = (d: Document, o: { url: string }) => { sections: unknown[] };
            const snap = (globalThis as unknown as { __dermlensSnapshot: Snap }).__dermlensSnapshot;
            const url = location.href;
            const f0 = performance.now();
            snap(document, { url });
            const first = performance.now() - f0;
            if (!warm) return { samples: [] as number[], sections: 0, first };
            for (let i = 0; i < 20; i++) snap(document, { url });
            // performance.now() is coarsened in pages: time batches of 10 reads.
            const out: number[] = [];
            for (let i = 0; i < runs; i++) {
              const t0 = performance.now();
              for (let j = 0; j < 10; j++) snap(document, { url });
              out.push((performance.now() - t0) / 10);
            }
            return { samples: out, sections: snap(document, { url }).sections.length, first };
          },
          { runs: quick ? 20 : 60, warm: last },
        );
        firsts.push(r.first);
        if (last) measured = r;
        await page.close();
      }
      scrape.push({
        emr: p.emr,
        rel: p.rel,
        sections: measured?.sections ?? 0,
        ms: summarize(measured?.samples ?? []),
        firstReadMs: summarize(firsts).median,
      });
    }

    // 2. Page load: the content script's own main-thread time, and the renderer's task time with vs without.
    log('  page load with and without the extension');
    // 30 loads: with 15 the p95 is the single slowest load (one busy moment of a shared machine decides it).
    const loads = options.loads ?? (quick ? 3 : 30);
    // The first read waits for the load event and then for an idle moment (at most 1 s, entrypoints/content/
    // after-load.ts): settle past both, and past one debounce, so every read of the load is counted.
    const settleMs = contentDebounceMs() + 1200;
    const pageLoad: BrowserResults['pageLoad'] = [];
    for (const p of pages) {
      const url = `${server.origin}/emr/${p.rel}`;
      const thread: number[] = [];
      const beforeLoad: number[] = [];
      const compile: number[] = [];
      const wall: number[] = [];
      const delta: number[] = [];
      for (let i = 0; i < loads; i++) {
        // Paired loads (with, then without, back to back) so a busy moment hits both.
        const events = await tracedLoad(withExt, url, settleMs);
        const t = extensionTime(events);
        thread.push(t.threadMs);
        beforeLoad.push(t.beforeLoadMs);
        compile.push(t.compileMs);
        wall.push(t.wallMs);
        delta.push(rendererTaskMs(events) - rendererTaskMs(await tracedLoad(plain, url, settleMs)));
      }
      pageLoad.push({
        emr: p.emr,
        rel: p.rel,
        contentScriptMs: summarize(thread),
        beforeLoadMs: summarize(beforeLoad),
        compileMs: summarize(compile),
        contentScriptWallMs: summarize(wall),
        taskDeltaMs: summarize(delta),
      });
    }

    if (options.pageLoadOnly) return { chromium: version, scrape, pageLoad };

    // 3. Edit → panel, and 4. cold panel open, on the demo chart the e2e tests use.
    log('  chart edit → side panel');
    const chart = await withExt.newPage();
    await chart.goto(`${server.origin}/demo/charts/two-biopsies.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(withExt as never, chart as never);
    const panel = await openPanel(withExt as never, extensionId, tabId);
    await panel.waitForSelector('table.claim tbody tr.line', { timeout: 30_000 });
    const debounceMs = contentDebounceMs();
    const totals: number[] = [];
    const edits = quick ? 6 : 20;
    for (let i = 0; i < edits; i++) {
      const before = await claimRows(panel as never);
      const watch = armPanelWatch(panel as never, before);
      await new Promise((r) => setTimeout(r, 50)); // the observer is armed before the edit
      const editedAt = await editChart(chart as never, i % 2 === 0);
      const updatedAt = await watch;
      totals.push(updatedAt - editedAt);
      await new Promise((r) => setTimeout(r, 200));
    }
    const editToPanel = {
      debounceMs,
      samples: edits,
      totalMs: summarize(totals),
      afterDebounceMs: summarize(totals.map((t) => t - debounceMs)),
    };
    await panel.close();

    log('  cold side-panel open');
    const opens: number[] = [];
    for (let i = 0; i < (quick ? 3 : 8); i++) opens.push(await firstLinesMs(withExt, extensionId, tabId));
    let coldOpenWorkerStopped: Summary | undefined;
    try {
      const stopped: number[] = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) {
        const cdp = await withExt.newCDPSession(chart);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
        stopped.push(await firstLinesMs(withExt, extensionId, tabId));
      }
      coldOpenWorkerStopped = summarize(stopped);
    } catch (error) {
      log(`  (could not stop the service worker: ${(error as Error).message.split('\n')[0]})`);
    }

    return { chromium: version, scrape, pageLoad, editToPanel, coldOpen: summarize(opens), coldOpenWorkerStopped };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
