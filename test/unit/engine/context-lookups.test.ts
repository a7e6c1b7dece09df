/**
 * The engine answers ctx.performed / ctx.pathologyFor / ctx.lesion from indexes built once per
 * codeEncounter call (core/engine.ts). These cases pin the answers the plain scans gave.
 */
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings } from '../../../core/model';
import { defineRule, type RuleContext } from '../../../core/rules/define-rule';
import { registry } from '../../../core/rules/registry';
import { proc } from '../rules/harness';

/** Runs one probe rule over the encounter and returns what it saw. */
function probe<T>(input: EncounterInput, look: (ctx: RuleContext) => T): T {
  let seen: T | undefined;
  const rule = defineRule({
    ...(registry[0] as (typeof registry)[number]),
    id: 'test/probe',
    apply(ctx) {
      seen = look(ctx);
    },
  });
  codeEncounter(Encounter.parse(input), Settings.parse({}), { rules: [rule] });
  return seen as T;
}

const report = (label: string, diagnosisText: string, amended?: boolean) => ({ specimenLabel: label, diagnosisText, behavior: 'benign' as const, amended });

const input: EncounterInput = {
  id: 'lookups',
  procedures: [
    proc({ id: 'a', kind: 'biopsy-punch', text: 'punch A' }),
    proc({ id: 'b', kind: 'excision', text: 'excision B' }),
    proc({ id: 'c', kind: 'biopsy-tangential', text: 'shave C' }),
    proc({ id: 'd', kind: 'biopsy-punch', text: 'punch D', status: 'planned' }),
    proc({ id: 'e', kind: 'repair', text: 'repair E' }),
  ],
  lesions: [
    { label: 'a', clinicalDiagnosis: 'first a' },
    { label: 'A', clinicalDiagnosis: 'second A' },
  ],
  pathology: [report('B', 'first B'), report('b', 'second b'), report('C', 'first C'), report('c', 'amended c', true), report('C', 'last C')],
};

describe('ctx.performed', () => {
  it('keeps note order across kinds and leaves out what was not performed', () => {
    expect(probe(input, (ctx) => ctx.performed('repair', 'biopsy-punch', 'excision').map((p) => p.id))).toEqual(['a', 'b', 'e']);
    expect(probe(input, (ctx) => ctx.performed('biopsy-punch', 'biopsy-punch').map((p) => p.id))).toEqual(['a']);
    expect(probe(input, (ctx) => ctx.performed().map((p) => p.id))).toEqual(['a', 'b', 'c', 'e']);
    expect(probe(input, (ctx) => ctx.performed('mohs'))).toEqual([]);
  });

  it('hands out a fresh array each time (a rule may sort its own copy)', () => {
    expect(
      probe(input, (ctx) => {
        const first = ctx.performed('biopsy-punch', 'biopsy-tangential');
        first.reverse();
        return ctx.performed('biopsy-punch', 'biopsy-tangential').map((p) => p.id);
      }),
    ).toEqual(['a', 'c']);
  });
});

describe('ctx.pathologyFor and ctx.lesion', () => {
  it('pathology: the amended report, else the last one, whatever the label case', () => {
    expect(probe(input, (ctx) => ctx.pathologyFor('b')?.diagnosisText)).toBe('second b');
    expect(probe(input, (ctx) => ctx.pathologyFor('C')?.diagnosisText)).toBe('amended c');
    expect(probe(input, (ctx) => [ctx.pathologyFor('Z'), ctx.pathologyFor(undefined), ctx.pathologyFor('')])).toEqual([undefined, undefined, undefined]);
  });

  it('lesion: the first lesion with the label, whatever the case', () => {
    expect(probe(input, (ctx) => [ctx.lesion('A')?.clinicalDiagnosis, ctx.lesion('a')?.clinicalDiagnosis, ctx.lesion('q'), ctx.lesion(undefined)])).toEqual([
      'first a',
      'first a',
      undefined,
      undefined,
    ]);
  });
});
