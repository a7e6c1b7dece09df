/**
 * Per-encounter memos (core/rules/per-encounter.ts) must never carry a value from one
 * codeEncounter call to the next: the benchmark and the CLI code the same encounter again and
 * again, and an answer cached across calls would both hide the real cost and go stale.
 */
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { type Encounter, Settings } from '../../../core/model';
import { defineRule } from '../../../core/rules/define-rule';
import { oncePerEncounter, oncePerProcedure } from '../../../core/rules/per-encounter';
import { registry } from '../../../core/rules/registry';
import { proc } from './harness';

const encounter = (): Encounter =>
  ({
    id: 'memo',
    visit: { dateOfService: '2026-05-01', problems: [] },
    sections: {},
    lesions: [],
    procedures: [proc({ id: 'p1', kind: 'biopsy-punch' }), proc({ id: 'p2', kind: 'biopsy-tangential' })],
    specimens: [],
    pathology: [],
    unread: [],
  }) as unknown as Encounter;

describe('oncePerEncounter', () => {
  it('computes once per context, again for another context', () => {
    let runs = 0;
    const value = oncePerEncounter((_ctx: object) => ++runs);
    const a = {};
    const b = {};
    expect([value(a), value(a), value(b), value(b), value(a)]).toEqual([1, 1, 2, 2, 1]);
    expect(runs).toBe(2);
  });

  it('inside the engine: once within a codeEncounter call, afresh on the next call', () => {
    let runs = 0;
    const counted = oncePerEncounter((ctx: { performed: () => unknown[] }) => {
      runs++;
      return ctx.performed().length;
    });
    const seen: number[] = [];
    const rules = [1, 2, 3].map((n) =>
      defineRule({ ...(registry[0] as (typeof registry)[number]), id: `test/memo-${n}`, apply: (ctx) => void seen.push(counted(ctx)) }),
    );
    const settings = Settings.parse({});
    const e = encounter();
    codeEncounter(e, settings, { rules });
    expect(runs).toBe(1);
    e.procedures.pop();
    codeEncounter(e, settings, { rules });
    expect(runs).toBe(2);
    expect(seen).toEqual([2, 2, 2, 1, 1, 1]);
  });
});

describe('oncePerProcedure', () => {
  it('computes once per procedure per context', () => {
    const calls: string[] = [];
    const read = oncePerProcedure((_ctx: object, p: { id: string }) => {
      calls.push(p.id);
      return p.id.toUpperCase();
    });
    const ctx = {};
    const p1 = { id: 'a' };
    const p2 = { id: 'b' };
    expect([read(ctx, p1), read(ctx, p2), read(ctx, p1), read({}, p1)]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b', 'a']);
  });
});
