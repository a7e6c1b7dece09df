import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, serviceWorker } from '../test/e2e/extension';
import { contentDebounceMs, extensionTasks, extensionTime, tracedLoad } from './lib/browser';
import { largestFixturePages } from './lib/scrape-happy-dom';
import { serveFolders } from './lib/static-server';
import { fmt, machineLoad, summarize } from './lib/stats';

/*
 * A/B of the page-load figure (bench/lib/browser.ts) for two or more builds of the extension,
 * interleaved load by load so a busy moment of a shared machine hits every build alike:
 *
 *   cp -r .output/chrome-mv3 /tmp/before   # build A, then change the code and `npx wxt build`
 *   npx tsx bench/page-load-ab.ts --loads 10 before=/tmp/before after=.output/chrome-mv3 [--emr athena,ema]
 *
 * Prints, per EMR page and build, the content script's thread time per load (median, p95), the
 * part before the top frame's load event, compile, and the number of frames that evaluated it.
 */

const ROOT = join(import.meta.dirname, '..');

type TraceEvents = Awaited<ReturnType<typeof tracedLoad>>;

/** Thread ms of the extension's tasks (extensionTasks) by kind: evaluating a script or module, callbacks, and the rest (fetching, decoding, compiling the reader module). */
function breakdown(events: TraceEvents): { evaluateMs: number; callMs: number; loadMs: number } {
  let evaluateUs = 0;
  let callUs = 0;
  let loadUs = 0;
  for (const { task, names } of extensionTasks(events)) {
    const us = task.tdur ?? task.dur ?? 0;
    if (names.has('EvaluateScript') || names.has('v8.evaluateModule')) evaluateUs += us;
    else if (names.has('FunctionCall')) callUs += us;
    else loadUs += us;
  }
  return { evaluateMs: evaluateUs / 1000, callMs: callUs / 1000, loadMs: loadUs / 1000 };
}
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const loads = Number(option('loads') ?? 8);
const emrs = option('emr')?.split(',');
const builds = args
  .filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--') && a.includes('='))
  .map((a) => ({ label: a.slice(0, a.indexOf('=')), dir: resolve(a.slice(a.indexOf('=') + 1)) }));
if (builds.length < 1 || !Number.isInteger(loads) || loads < 1 || builds.some((b) => !existsSync(join(b.dir, 'manifest.json')))) {
  console.error('usage: tsx bench/page-load-ab.ts [--loads N] [--emr a,b] LABEL=EXTENSION_DIR…  (each dir holds a built manifest.json)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'dermlens-ab-'));
const server = await serveFolders({ emr: join(ROOT, 'test/fixtures/emr'), demo: join(ROOT, 'demo') });
const contexts: { label: string; context: BrowserContext; id: string }[] = [];
try {
  for (const b of builds) {
    const ext = join(dir, `ext-${b.label}`);
    cpSync(b.dir, ext, { recursive: true });
    const context = await chromium.launchPersistentContext(join(dir, `profile-${b.label}`), {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    });
    contexts.push({ label: b.label, context, id: new URL((await serviceWorker(context as never)).url()).host });
  }
  const pages = largestFixturePages().filter((p) => !emrs || emrs.includes(p.emr));
  const settleMs = contentDebounceMs() + 1200;
  const samples = new Map<string, ReturnType<typeof extensionTime>[]>();
  const frames = new Map<string, number[]>();
  const parts = new Map<string, ReturnType<typeof breakdown>[]>();
  console.log(`load average ${machineLoad().loadAvg1} on ${machineLoad().cores} cores; ${loads} loads per page and build`);
  for (let i = 0; i < loads; i++) {
    for (const p of pages) {
      // Alternate which build goes first.
      for (const c of i % 2 === 0 ? contexts : [...contexts].reverse()) {
        const events = await tracedLoad(c.context, `${server.origin}/emr/${p.rel}`, settleMs);
        const key = `${p.emr}\t${c.label}`;
        samples.set(key, [...(samples.get(key) ?? []), extensionTime(events)]);
        const evaluations = events.filter(
          (e) => e.ph === 'X' && e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').startsWith('chrome-extension://'),
        ).length;
        frames.set(key, [...(frames.get(key) ?? []), evaluations]);
        parts.set(key, [...(parts.get(key) ?? []), breakdown(events)]);
      }
    }
  }
  console.log('emr\tbuild\tmedian\tp95\tbefore load\tcompile\tframes\tevals\tcalls\tmodule load');
  for (const [key, runs] of samples) {
    const thread = summarize(runs.map((r) => r.threadMs));
    const before = summarize(runs.map((r) => r.beforeLoadMs)).median;
    const compile = summarize(runs.map((r) => r.compileMs)).median;
    const b = parts.get(key) ?? [];
    const med = (f: (x: ReturnType<typeof breakdown>) => number) => fmt(summarize(b.map(f)).median, 2);
    console.log(
      `${key}\t${fmt(thread.median, 2)}\t${fmt(thread.p95, 2)}\t${fmt(before, 2)}\t${fmt(compile, 2)}\t${summarize(frames.get(key) ?? []).median}\t${med((x) => x.evaluateMs)}\t${med((x) => x.callMs)}\t${med((x) => x.loadMs)}`,
    );
  }
  console.log(
    "(whole main-thread tasks: evals: evaluating the script or the reader module in every frame, compile included; calls: callbacks, e.g. the first read; module load: fetching, decoding, finishing the reader module's compile)",
  );
} finally {
  for (const c of contexts) await c.context.close().catch(() => {});
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
