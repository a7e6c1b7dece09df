import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, serviceWorker } from '../test/e2e/extension';
import { contentDebounceMs, extensionTime, tracedLoad } from './lib/browser';
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

/** Thread ms of the script's evaluations (all frames; the top frame's apart) and of its callbacks (timers, idle, events). */
function breakdown(events: TraceEvents, id: string): { evaluateMs: number; topEvaluateMs: number; callMs: number } {
  const topFrame = (
    events.find((e) => e.name === 'MarkLoad' && (e.args?.data as { isOutermostMainFrame?: boolean } | undefined)?.isOutermostMainFrame)?.args?.data as
      | { frame?: string }
      | undefined
  )?.frame;
  let evaluateUs = 0;
  let topUs = 0;
  let callUs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !(e.args?.data?.url ?? '').includes(id)) continue;
    const us = e.tdur ?? e.dur ?? 0;
    if (e.name === 'EvaluateScript') {
      evaluateUs += us;
      if ((e.args?.data as { frame?: string } | undefined)?.frame === topFrame) topUs += us;
    } else if (e.name === 'FunctionCall') callUs += us;
  }
  return { evaluateMs: evaluateUs / 1000, topEvaluateMs: topUs / 1000, callMs: callUs / 1000 };
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
        samples.set(key, [...(samples.get(key) ?? []), extensionTime(events, c.id)]);
        const evaluations = events.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').includes(c.id)).length;
        frames.set(key, [...(frames.get(key) ?? []), evaluations]);
        parts.set(key, [...(parts.get(key) ?? []), breakdown(events, c.id)]);
      }
    }
  }
  console.log('emr\tbuild\tmedian\tp95\tbefore load\tcompile\tframes\tevals\ttop eval\tcalls');
  for (const [key, runs] of samples) {
    const thread = summarize(runs.map((r) => r.threadMs));
    const before = summarize(runs.map((r) => r.beforeLoadMs)).median;
    const compile = summarize(runs.map((r) => r.compileMs)).median;
    const b = parts.get(key) ?? [];
    const med = (f: (x: ReturnType<typeof breakdown>) => number) => fmt(summarize(b.map(f)).median, 2);
    console.log(
      `${key}\t${fmt(thread.median, 2)}\t${fmt(thread.p95, 2)}\t${fmt(before, 2)}\t${fmt(compile, 2)}\t${summarize(frames.get(key) ?? []).median}\t${med((x) => x.evaluateMs)}\t${med((x) => x.topEvaluateMs)}\t${med((x) => x.callMs)}`,
    );
  }
  console.log("(evals: every frame's script evaluation, compile included; top eval: the top frame's; calls: callbacks, e.g. the first read)");
} finally {
  for (const c of contexts) await c.context.close().catch(() => {});
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
