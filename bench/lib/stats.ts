import { availableParallelism, loadavg } from 'node:os';

/** One measured quantity: samples in its unit, summarized as median and p95. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN };
}

/** CPU microseconds this process has used so far (user + system). */
export function cpuNowUs(): number {
  const c = process.cpuUsage();
  return c.user + c.system;
}

/**
 * Runs `run` at least `runs` times and for at least `ms` of wall time: V8 finishes optimizing a large parser only
 * after hundreds of calls (on a busy machine its background compiler takes a second or more), and figures taken
 * before that measure the compiler, not the code.
 */
export function warmUp(run: () => unknown, runs: number, ms: number): void {
  const t0 = performance.now();
  for (let i = 0; i < runs || performance.now() - t0 < ms; i++) run();
}

/**
 * Times `run` `iterations` times after `warmup` untimed runs. Each sample records
 * wall time and CPU time (µs), and its cost: the smaller of the two. On a shared
 * machine the scheduler stretches wall time; process CPU time also counts V8's
 * helper threads (concurrent GC), so it can exceed wall time. The smaller is the
 * closest to what this one call cost on one core.
 */
export function timeSync(
  run: () => unknown,
  iterations: number,
  warmup = Math.min(200, iterations),
  warmupMs = 0,
): { wallUs: Summary; cpuUs: Summary; costUs: Summary } {
  warmUp(run, warmup, warmupMs);
  const wall: number[] = [];
  const cpu: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c0 = cpuNowUs();
    const t0 = process.hrtime.bigint();
    run();
    const t1 = process.hrtime.bigint();
    const c1 = cpuNowUs();
    const w = Number(t1 - t0) / 1000;
    wall.push(w);
    cpu.push(c1 - c0);
    cost.push(Math.min(w, c1 - c0));
  }
  return { wallUs: summarize(wall), cpuUs: summarize(cpu), costUs: summarize(cost) };
}

/** How busy the machine was (1-minute load average per core): context for every figure. */
export function machineLoad(): { loadAvg1: number; cores: number } {
  return { loadAvg1: Number(loadavg()[0]?.toFixed(2)), cores: availableParallelism() };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
