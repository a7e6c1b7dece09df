import fc from 'fast-check';
import { encounterFromHtml } from '../../../cli/html';
import { decode, InputError } from '../../../cli/read-input';
import { codeEncounter } from '../../../core/engine';
import { ClaimDraft, Encounter, Settings } from '../../../core/model';
import { ContentMessage, PanelRequest } from '../../../core/model/messages';
import { parseNote } from '../../../core/parse';
import { EncounterInputError, encounterFromJson } from '../../../core/pipeline';
import { codeSnapshot } from '../../../core/store/ingest';
import { anyNote, encounterArb, fileBytesArb, hostileMessageArb, htmlPageArb, snapshotMessageArb } from './arbitraries';

/*
 * Fuzz targets shared by the vitest suite (a few thousand inputs) and the bench
 * (100,000). Each check throws on a defect: an exception that is not the
 * function's documented clear error, an output that breaks the model's schema,
 * an internal-error finding (the engine and parser catch their own bugs and
 * report them: that is still a bug), or one input taking over the time budget.
 */

/** Longest one input may take (ms). */
export const PER_INPUT_BUDGET_MS = 50;

const settingsArb = fc.record({
  payer: fc.constantFrom('commercial', 'medicare'),
  pathology: fc.constantFrom('in-house', 'professional', 'external'),
  wasteModifiers: fc.constantFrom('payer-default', 'always', 'never'),
  g2211: fc.constantFrom('when-documented', 'never'),
});

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs the input once; throws on a defect. May be async (message handlers). */
  check: (input: T) => void | Promise<void>;
  /** Short printable form of an input for a report. */
  show?: (input: T) => string;
}

export function assertDraft(draft: ClaimDraft, where: string): void {
  const parsed = ClaimDraft.safeParse(draft);
  if (!parsed.success) throw new Error(`${where}: claim breaks the schema: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  for (const l of draft.lines) {
    if (!/^[0-9A-Z]{5}$/.test(l.code)) throw new Error(`${where}: line code "${l.code}" is not a 5-character CPT/HCPCS code`);
    if (!Number.isInteger(l.units) || l.units < 1) throw new Error(`${where}: ${l.code} has ${l.units} units`);
    if (l.modifiers.some((m) => !/^[0-9A-Z]{2}$/.test(m))) throw new Error(`${where}: ${l.code} has a bad modifier ${JSON.stringify(l.modifiers)}`);
  }
  const internal = draft.findings.find((f) => f.message.startsWith('Internal error in rule'));
  if (internal) throw new Error(`${where}: ${internal.message}`);
}

export function assertEncounter(encounter: Encounter, where: string): void {
  const parsed = Encounter.safeParse(encounter);
  if (!parsed.success) throw new Error(`${where}: encounter breaks the schema: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const crash = encounter.unread.find((u) => u.reason.startsWith('parser error'));
  if (crash) throw new Error(`${where}: ${crash.reason}`);
}

const clip = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s);

export const parserTarget: FuzzTarget<string> = {
  name: 'parser: parseNote(text)',
  arbitrary: anyNote,
  check(text) {
    assertEncounter(parseNote(text), 'parseNote');
  },
  show: clip,
};

export const noteToClaimTarget: FuzzTarget<[string, Settings]> = {
  name: 'parse + code: codeEncounter(parseNote(text))',
  arbitrary: fc.tuple(
    anyNote,
    settingsArb.map((s) => Settings.parse(s)),
  ),
  check([text, settings]) {
    assertDraft(codeEncounter(parseNote(text), settings), 'parse+code');
  },
  show: ([text, s]) => `${clip(text)} ${s.payer}/${s.pathology}`,
};

export const engineTarget: FuzzTarget<[Encounter, Settings]> = {
  name: 'engine: codeEncounter(generated Encounter)',
  arbitrary: fc.tuple(
    encounterArb,
    settingsArb.map((s) => Settings.parse(s)),
  ),
  check([encounter, settings]) {
    assertDraft(codeEncounter(encounter, settings), 'codeEncounter');
  },
  show: ([e, s]) =>
    `${JSON.stringify({ visit: e.visit, lesions: e.lesions, procedures: e.procedures.map(({ text, ...p }) => p), specimens: e.specimens, pathology: e.pathology }).slice(0, 2000)} ${s.payer}/${s.pathology}`,
};

export const decodeTarget: FuzzTarget<Uint8Array> = {
  name: 'CLI: decode(bytes)',
  arbitrary: fileBytesArb,
  check(bytes) {
    try {
      const { text, encoding } = decode(bytes, 'fuzz.txt');
      if (typeof text !== 'string' || !['utf-8', 'utf-16le', 'windows-1252'].includes(encoding)) throw new Error('decode: bad result');
      if (text.charCodeAt(0) === 0xfeff) throw new Error('decode: BOM left in the text');
    } catch (error) {
      if (error instanceof InputError && /^fuzz\.txt: /.test(error.message) && !error.message.includes('\n')) return;
      throw error;
    }
  },
  show: (b) => `${b.length} bytes [${[...b.subarray(0, 24)].join(',')}…]`,
};

export const jsonInputTarget: FuzzTarget<string> = {
  name: 'CLI: encounterFromJson(text)',
  arbitrary: fc.oneof(
    fc.json(),
    fc.string(),
    encounterArb.map((e) => JSON.stringify(e)),
    encounterArb.map((e) => JSON.stringify(e).slice(0, -3)),
    fc.jsonValue().map((v) => JSON.stringify({ procedures: [v] })),
  ),
  check(text) {
    try {
      const encounter = encounterFromJson(text, 'fuzz');
      assertDraft(codeEncounter(encounter), 'json→code');
    } catch (error) {
      if (error instanceof EncounterInputError && !error.message.includes('\n')) return;
      throw error;
    }
  },
  show: clip,
};

export const htmlInputTarget: FuzzTarget<string> = {
  name: 'CLI: encounterFromHtml(saved page) + code',
  arbitrary: htmlPageArb,
  check(html) {
    const encounter = encounterFromHtml(html, 'fuzz.html', (raw) => `hash:${raw.length}`);
    assertEncounter(encounter, 'encounterFromHtml');
    assertDraft(codeEncounter(encounter), 'html→code');
  },
  show: clip,
};

/**
 * Background, untrusted channel: the schema the router applies, then the pure
 * part of ingest (hash, parse, code, redact). The Dexie-backed router itself is
 * fuzzed with fewer inputs in background-messages.test.ts.
 */
export const contentMessageTarget: FuzzTarget<unknown> = {
  name: 'background: ContentMessage → codeSnapshot',
  arbitrary: fc.oneof(snapshotMessageArb, hostileMessageArb),
  async check(message) {
    const parsed = ContentMessage.safeParse(message);
    if (!parsed.success) return;
    const result = await codeSnapshot(parsed.data.snapshot, Settings.parse({}), 'fuzz-salt');
    assertEncounter(result.encounter, 'codeSnapshot');
    assertDraft(result.draft, 'codeSnapshot');
    const patient = parsed.data.snapshot.patient?.trim();
    if (patient && patient.length >= 4 && /[a-z]{3}/i.test(patient) && JSON.stringify(result.encounter).includes(patient))
      throw new Error('codeSnapshot: the raw patient identity was kept in the encounter');
  },
  show: (m) => {
    try {
      return clip(JSON.stringify(m) ?? String(m));
    } catch {
      return String(m);
    }
  },
};

export const panelRequestTarget: FuzzTarget<unknown> = {
  name: 'background: PanelRequest schema',
  arbitrary: fc.oneof(
    fc.anything(),
    fc.record({
      type: fc.constantFrom(
        'get-tab-state',
        'rescan-tab',
        'resolve-finding',
        'undo-resolution',
        'get-audit-log',
        'get-settings',
        'save-settings',
        'list-encounters',
      ),
      tabId: fc.oneof(fc.integer(), fc.double(), fc.string()),
      encounterId: fc.string({ maxLength: 300 }),
      fingerprint: fc.string({ maxLength: 300 }),
      action: fc.constantFrom('accepted', 'overridden', 'deleted'),
      reason: fc.string({ maxLength: 1200 }),
      limit: fc.oneof(fc.integer(), fc.constant(1e9)),
      settings: fc.anything(),
    }),
  ),
  check(message) {
    const parsed = PanelRequest.safeParse(message);
    if (!parsed.success) return;
    const r = parsed.data;
    if ('tabId' in r && (!Number.isInteger(r.tabId) || r.tabId < 0)) throw new Error('PanelRequest accepted a bad tab id');
    if ('limit' in r && (r.limit < 1 || r.limit > 1000)) throw new Error('PanelRequest accepted a limit out of range');
    if ('reason' in r && (r.reason.length < 3 || r.reason.length > 1000)) throw new Error('PanelRequest accepted a reason out of range');
  },
};

export const ALL_TARGETS: FuzzTarget<unknown>[] = [
  parserTarget,
  noteToClaimTarget,
  engineTarget,
  decodeTarget,
  jsonInputTarget,
  htmlInputTarget,
  contentMessageTarget,
  panelRequestTarget,
] as unknown as FuzzTarget<unknown>[];

/**
 * CPU time of one run (ms), so that a machine busy with other work does not fail an
 * input; a run over budget is repeated (up to 5 times) and the fastest counts (a GC
 * pause or a contended core is not the input's fault; a slow input stays slow). Falls back to wall time where process.cpuUsage is missing.
 */
export async function timedCheck<T>(target: FuzzTarget<T>, input: T): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5; attempt++) {
    const ms = await cpuMs(() => target.check(input));
    best = Math.min(best, ms);
    if (best <= PER_INPUT_BUDGET_MS) break;
  }
  return best;
}

/** CPU milliseconds spent by this process while `run` ran (wall time when not in Node). */
export async function cpuMs(run: () => unknown): Promise<number> {
  const hasCpu = typeof process !== 'undefined' && typeof process.cpuUsage === 'function';
  const c0 = hasCpu ? process.cpuUsage() : undefined;
  const t0 = performance.now();
  await run();
  if (!c0) return performance.now() - t0;
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export interface FuzzStats {
  name: string;
  runs: number;
  seed: number;
  failures: number;
  /** First failure (fast-check's shrunk counterexample and error). */
  failure?: string;
  slowestMs: number;
  slowestInput?: string;
  medianUs: number;
  p95Us: number;
  totalMs: number;
}

/** Runs one target `runs` times through fast-check; used by the bench (the tests use fc.assert directly). */
export async function fuzz<T>(target: FuzzTarget<T>, runs: number, seed: number): Promise<FuzzStats> {
  // Warm up first (lazy tables, regex compilation, JIT): a cold first call is not the input's cost.
  for (const input of fc.sample(target.arbitrary, { numRuns: 30, seed: seed + 1 })) await target.check(input);
  const times: number[] = [];
  let slowestMs = 0;
  let slowestInput: string | undefined;
  const t0 = performance.now();
  let done = 0;
  const details = await fc.check(
    fc.asyncProperty(target.arbitrary, async (input) => {
      // A task boundary now and then, outside the timing: V8 keeps every WeakRef target (happy-dom caches each query
      // result through one) until the running task ends, so 12,500 saved pages in one task kept every page's DOM and
      // the growing heap's collections landed on the inputs (the 48.5 ms "slowest" page codes in ~3 ms).
      if (++done % 50 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const ms = await timedCheck(target, input);
      times.push(ms);
      if (ms > slowestMs) {
        slowestMs = ms;
        slowestInput = target.show?.(input);
      }
      if (ms > PER_INPUT_BUDGET_MS) throw new Error(`took ${ms.toFixed(1)} ms (budget ${PER_INPUT_BUDGET_MS} ms)`);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000;
  return {
    name: target.name,
    runs: details.numRuns,
    seed,
    failures: details.failed ? 1 : 0,
    failure: details.failed
      ? `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)} | input: ${details.counterexample ? (target.show?.(details.counterexample[0]) ?? String(details.counterexample[0])) : '?'}`
      : undefined,
    slowestMs,
    slowestInput,
    medianUs: at(0.5),
    p95Us: at(0.95),
    totalMs: performance.now() - t0,
  };
}
