import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../cli/read-input';
import { codeEncounter } from '../../../core/engine';
import type { ClaimDraft } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import {
  assertDraft,
  assertEncounter,
  contentMessageTarget,
  decodeTarget,
  engineTarget,
  type FuzzTarget,
  htmlInputTarget,
  jsonInputTarget,
  noteToClaimTarget,
  PER_INPUT_BUDGET_MS,
  panelRequestTarget,
  parserTarget,
  timedCheck,
} from './targets';

/*
 * Property tests over everything that reads outside input. A small count runs in
 * `npm test`; `npm run bench` runs 100,000 inputs. A failure prints fast-check's
 * shrunk counterexample and the seed: rerun with FUZZ_SEED=<seed> to reproduce.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_526);

async function property<T>(target: FuzzTarget<T>, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      const ms = await timedCheck(target, input);
      if (ms > PER_INPUT_BUDGET_MS) throw new Error(`${target.name}: one input took ${ms.toFixed(1)} ms CPU (budget ${PER_INPUT_BUDGET_MS} ms)`);
    }),
    { numRuns, seed: SEED, includeErrorInReport: true },
  );
}

describe('fuzz: never a throw, never an internal error, never over 50 ms one input', () => {
  it('parser: parseNote on chart-like, unicode and adversarial text (2,000)', () => property(parserTarget, 2000), 120_000);
  it('parse + code, both payers and every pathology arrangement (1,000)', () => property(noteToClaimTarget, 1000), 120_000);
  it('engine: codeEncounter on generated valid Encounters (1,500)', () => property(engineTarget, 1500), 120_000);
  it('CLI: decode on random bytes, BOMs, UTF-16 and broken UTF-8 (3,000)', () => property(decodeTarget, 3000), 60_000);
  it('CLI: encounterFromJson on JSON, truncated JSON and junk (1,000)', () => property(jsonInputTarget, 1000), 60_000);
  it('CLI: encounterFromHtml on generated saved EMR pages (300)', () => property(htmlInputTarget, 300), 120_000);
  it('background: content messages through the schema and ingest (1,000)', () => property(contentMessageTarget, 1000), 120_000);
  it('background: page requests through the schema (3,000)', () => property(panelRequestTarget, 3000), 60_000);
});

describe('the fuzz checks can fail', () => {
  it('a target that throws is reported with its input', async () => {
    const broken: FuzzTarget<number> = {
      name: 'broken',
      arbitrary: fc.integer(),
      check(n) {
        if (n > 10) throw new Error('too big');
      },
    };
    await expect(property(broken, 200)).rejects.toThrow(/too big/);
  });

  it('a slow input fails the time budget', async () => {
    const slow: FuzzTarget<number> = {
      name: 'slow',
      arbitrary: fc.constant(1),
      check() {
        // Busy for budget + 20 ms of CPU time (the budget is CPU time, not wall time).
        const start = process.cpuUsage();
        while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < PER_INPUT_BUDGET_MS + 20) {
          // spin
        }
      },
    };
    await expect(property(slow, 1)).rejects.toThrow(/budget 50 ms/);
  });

  it('the output checks reject an internal-error finding, a bad code, bad units and a parser crash', () => {
    const ok = codeEncounter(parseNote('Shave biopsy of L forearm, specimen A.'));
    expect(() => assertDraft(ok, 't')).not.toThrow();
    const line = ok.lines[0] as ClaimDraft['lines'][number];
    expect(() => assertDraft({ ...ok, findings: [{ severity: 'error', rule: 'x/y', message: 'Internal error in rule x/y: boom' }] }, 't')).toThrow(
      /Internal error/,
    );
    expect(() => assertDraft({ ...ok, lines: [{ ...line, code: '1110' }] }, 't')).toThrow(/not a 5-character/);
    expect(() => assertDraft({ ...ok, lines: [{ ...line, units: 0 }] }, 't')).toThrow(/units|schema/);
    expect(() => assertDraft({ ...ok, lines: [{ ...line, modifiers: ['5'] }] }, 't')).toThrow(/bad modifier/);
    const crashed = parseNote('x');
    crashed.unread.push({ text: '', reason: 'parser error: boom' });
    expect(() => assertEncounter(crashed, 't')).toThrow(/parser error/);
    expect(decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).text).toBe('A');
  });
});
