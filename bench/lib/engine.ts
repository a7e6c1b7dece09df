import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeEncounter } from '../../core/engine';
import { Settings } from '../../core/model';
import { parseNote } from '../../core/parse';
import { cpuNowUs, type Summary, timeSync, warmUp } from './stats';

const ROOT = join(import.meta.dirname, '../..');
const NOTES = join(ROOT, 'test/fixtures/notes');

/** Realistic notes: one fixture biopsy, a typical five-procedure skin-cancer day, and a heavy fifteen-procedure clinic. */
export const ENGINE_CASES = [
  { id: 'one-procedure', label: '1 procedure (001 EMA shave biopsy)', path: join(NOTES, '001-ema-shave-biopsy-forearm.txt') },
  { id: 'typical-5', label: '5 procedures (101 Medicare skin-cancer day)', path: join(NOTES, '101-big-medicare-skin-cancer-day.txt') },
  { id: 'heavy-15', label: '15 procedures (bench/notes heavy clinic)', path: join(ROOT, 'bench/notes/heavy-15-procedures.txt') },
] as const;

export interface EngineResult {
  id: string;
  label: string;
  procedures: number;
  lines: number;
  chars: number;
  wallUs: Summary;
  cpuUs: Summary;
  /** Per call, the smaller of CPU and wall time (see timeSync). */
  costUs: Summary;
  /** The same, for parsing alone and coding alone. */
  parseCostUs: Summary;
  codeCostUs: Summary;
  /** The case's first parse + code in this process, before any warm-up (the first case's is a cold start). */
  firstCallUs: number;
}

const settings = Settings.parse({});

export function parseAndCode(text: string) {
  return codeEncounter(parseNote(text), settings);
}

/** Steady state: each case is first run for `warmupMs` (see warmUp); the first call of a cold process is reported apart. */
export function benchEngine(iterations: number, warmupMs = 0): EngineResult[] {
  return ENGINE_CASES.map((c) => {
    const text = readFileSync(c.path, 'utf8');
    const f0 = performance.now();
    const encounter = parseNote(text);
    const draft = codeEncounter(encounter, settings);
    const firstCallUs = (performance.now() - f0) * 1000;
    const t = timeSync(() => parseAndCode(text), iterations, Math.min(200, iterations), warmupMs);
    const parseOnly = timeSync(() => parseNote(text), Math.ceil(iterations / 2), 200, warmupMs / 2);
    const codeOnly = timeSync(() => codeEncounter(encounter, settings), Math.ceil(iterations / 2), 200, warmupMs / 2);
    return {
      id: c.id,
      label: c.label,
      procedures: encounter.procedures.filter((p) => p.status === 'performed').length,
      lines: draft.lines.length,
      chars: text.length,
      ...t,
      parseCostUs: parseOnly.costUs,
      codeCostUs: codeOnly.costUs,
      firstCallUs,
    };
  });
}

export interface ThroughputResult {
  label: string;
  encounters: number;
  cpuSeconds: number;
  wallSeconds: number;
  /** Encounters per CPU second on one core (what the code costs). */
  perCpuSecond: number;
  /** Encounters per wall second on this (possibly shared) machine. */
  perWallSecond: number;
}

/** Parses and codes notes back to back on this one thread for about `seconds` of CPU time. */
export function benchThroughput(label: string, texts: readonly string[], seconds: number, warmupMs = 0): ThroughputResult {
  let w = 0;
  warmUp(() => parseAndCode(texts[w++ % texts.length] as string), 200, warmupMs);
  const c0 = cpuNowUs();
  const t0 = performance.now();
  let n = 0;
  const budgetUs = seconds * 1e6;
  while (cpuNowUs() - c0 < budgetUs) {
    for (let k = 0; k < 50; k++) parseAndCode(texts[n++ % texts.length] as string);
  }
  const cpuSeconds = (cpuNowUs() - c0) / 1e6;
  const wallSeconds = (performance.now() - t0) / 1000;
  return { label, encounters: n, cpuSeconds, wallSeconds, perCpuSecond: n / cpuSeconds, perWallSecond: n / wallSeconds };
}

export function fixtureNotes(): string[] {
  return readdirSync(NOTES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(NOTES, f), 'utf8'));
}

export function typicalNote(): string {
  return readFileSync(ENGINE_CASES[1].path, 'utf8');
}
