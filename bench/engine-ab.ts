import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { ENGINE_CASES } from './lib/engine';
import { cpuNowUs, fmt, machineLoad, summarize } from './lib/stats';

/*
 * A/B of parse + code for two or more source trees, interleaved call by call in one process, so a busy moment of a
 * shared machine hits every build alike (separate runs of `npm run bench` on a loaded machine differ by more than
 * most single changes gain):
 *
 *   git worktree add /tmp/before main        # or: mkdir /tmp/before && git archive main | tar -x -C /tmp/before
 *   npx tsx bench/engine-ab.ts before=/tmp/before after=. [--seconds 8]
 *
 * Each tree's core/ is bundled with esbuild (its own copy of every module, so the builds share no state), warmed up
 * together, then called in turn (the order alternating) on the cases of `npm run bench`. Prints per case and build the
 * median, p95 and p10 cost (the smaller of CPU and wall time, as bench/lib/stats.ts) and the median of parsing alone,
 * each with its ratio to the first build (> 1: faster than it).
 */

interface Engine {
  name: string;
  run: (text: string) => { parseUs: number; totalUs: number };
}

function load(name: string, tree: string, dir: string): Engine {
  const outfile = join(dir, `${name}.cjs`);
  buildSync({
    stdin: {
      contents: `export { parseNote } from './core/parse'; export { codeEncounter } from './core/engine'; export { Settings } from './core/model';`,
      resolveDir: tree,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    tsconfigRaw: {},
  });
  const m = createRequire(import.meta.url)(outfile) as {
    parseNote: (text: string) => unknown;
    codeEncounter: (encounter: unknown, settings: unknown) => unknown;
    Settings: { parse: (x: unknown) => unknown };
  };
  const settings = m.Settings.parse({});
  return {
    name,
    run(text) {
      const c0 = cpuNowUs();
      const w0 = performance.now();
      const encounter = m.parseNote(text);
      const c1 = cpuNowUs();
      const w1 = performance.now();
      m.codeEncounter(encounter, settings);
      const c2 = cpuNowUs();
      const w2 = performance.now();
      return { parseUs: Math.min((w1 - w0) * 1000, c1 - c0), totalUs: Math.min((w2 - w0) * 1000, c2 - c0) };
    },
  };
}

const args = process.argv.slice(2);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 8;
const builds = args.filter((a, i) => a.includes('=') && i !== secondsAt + 1).map((a) => a.split('=', 2) as [string, string]);
if (builds.length < 2 || !(seconds > 0)) {
  console.error('usage: npx tsx bench/engine-ab.ts NAME=TREE NAME=TREE [...] [--seconds 8]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'engine-ab-'));
try {
  const engines = builds.map(([name, tree]) => load(name, resolve(tree), dir));
  const { loadAvg1, cores } = machineLoad();
  console.log(`load average ${fmt(loadAvg1, 2)} on ${cores} cores; ${seconds} s per case after 2 s of warm-up`);
  for (const c of ENGINE_CASES) {
    const text = readFileSync(c.path, 'utf8');
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) for (const e of engines) e.run(text);
    const total = engines.map(() => [] as number[]);
    const parse = engines.map(() => [] as number[]);
    const t1 = performance.now();
    for (let round = 0; performance.now() - t1 < seconds * 1000; round++) {
      for (let k = 0; k < engines.length; k++) {
        // Alternate the order, so neither build always runs right after the other's garbage.
        const i = round % 2 === 0 ? k : engines.length - 1 - k;
        const r = (engines[i] as Engine).run(text);
        (total[i] as number[]).push(r.totalUs);
        (parse[i] as number[]).push(r.parseUs);
      }
    }
    console.log(`\n${c.label}: ${(total[0] as number[]).length} calls each`);
    const ratio = (a: number, b: number) => `${fmt(a / b, 3)}x`;
    const base = summarize(total[0] as number[]);
    const baseP10 = quantile(total[0] as number[], 0.1);
    const baseParse = summarize(parse[0] as number[]);
    engines.forEach((e, i) => {
      const s = summarize(total[i] as number[]);
      const p10 = quantile(total[i] as number[], 0.1);
      const p = summarize(parse[i] as number[]);
      console.log(
        `  ${e.name.padEnd(10)} median ${fmt(s.median, 0).padStart(6)} µs (${ratio(base.median, s.median)})  p95 ${fmt(s.p95, 0).padStart(6)} (${ratio(base.p95, s.p95)})  p10 ${fmt(p10, 0).padStart(6)} (${ratio(baseP10, p10)})  parse median ${fmt(p.median, 0).padStart(6)} (${ratio(baseParse.median, p.median)})`,
      );
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The q-quantile of the samples (as summarize's median and p95). */
function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}
