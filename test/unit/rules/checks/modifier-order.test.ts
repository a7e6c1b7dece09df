import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../../core/engine';
import { Encounter, Settings } from '../../../../core/model';
import { modifierOrder } from '../../../../core/rules/checks/modifier-order';
import { defineRule } from '../../../../core/rules/define-rule';
import { L } from '../harness';

/** Pushes modifiers straight onto the line (bypassing ctx.addModifier's ordering) to test the final pass. */
function run(code: string, modifiers: string[]) {
  const raw = defineRule({
    id: 'test/raw-modifiers',
    family: 'documentation',
    phase: 'code',
    title: 'raw',
    explain: 'raw',
    references: [],
    status: 'stable',
    apply(ctx) {
      const line = ctx.addLine({ code });
      line.modifiers = [...modifiers];
    },
  });
  const draft = codeEncounter(Encounter.parse({}), Settings.parse({}), { rules: [raw, modifierOrder] });
  return { lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })), findings: draft.findings };
}

describe('checks/modifier-order', () => {
  const cases: [string[], string, number][] = [
    [['F1', '59'], '11420-59-F1', 0],
    [['XS', '26'], '88305-26-XS', 0],
    [['E1', '79', '58'], '67810-58-79-E1', 0],
    [['GA', 'XS', 'F2', '79'], '11420-79-XS-GA-F2', 0],
    [['GA', 'XS', 'F2', '79', 'JW'], '11420-79-XS-GA-F2-JW', 1],
  ];
  for (const [input, expected, errors] of cases) {
    it(`${input.join(',')} → ${expected}`, () => {
      const code = expected.slice(0, 5);
      const r = run(code, input);
      expect(r.lines).toEqual([L(expected)]);
      expect(r.findings.map((f) => f.rule)).toEqual(errors ? ['checks/modifier-order'] : []);
    });
  }

  it('five modifiers → an error, none dropped', () => {
    const r = run('11420', ['GA', 'XS', 'F2', '79', 'JW']);
    expect(r.findings[0]).toMatchObject({ severity: 'error' });
    expect(r.findings[0]?.message).toContain('a claim line holds at most 4');
    expect(r.lines[0]?.modifiers).toHaveLength(5);
  });
});
