import { codeEncounter } from '../../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../../core/model';
import { addOnRules } from '../../../../core/rules/checks/add-on';
import { chargesRules } from '../../../../core/rules/checks/charges';
import { distinctServiceRules } from '../../../../core/rules/checks/distinct-service';
import { globalPeriodRules } from '../../../../core/rules/checks/global-period';
import { modifierOrderRules } from '../../../../core/rules/checks/modifier-order';
import { mueRules } from '../../../../core/rules/checks/mue';
import { ncciRules } from '../../../../core/rules/checks/ncci';
import { defineRule, type Rule } from '../../../../core/rules/define-rule';
import type { NewLine } from '../../../../core/rules/draft-line';

/** The checks in registry order (modify phase first, then check phase). */
export const checkRules: Rule[] = [
  ...distinctServiceRules,
  ...ncciRules,
  ...mueRules,
  ...addOnRules,
  ...globalPeriodRules,
  ...chargesRules,
  ...modifierOrderRules,
];

/**
 * Runs only the checks over lines a test states directly, so the check tables do not
 * depend on how the family rules code a procedure. `lines` enter in the code phase.
 */
export function check(lines: NewLine[], encounter: EncounterInput = {}, settings: SettingsInput = {}) {
  const given = defineRule({
    id: 'test/given-lines',
    family: 'documentation',
    phase: 'code',
    title: 'lines given by the test',
    explain: 'Adds the lines the test states.',
    references: [],
    status: 'stable',
    apply(ctx) {
      for (const l of lines) ctx.addLine({ ...l, modifiers: [...(l.modifiers ?? [])] });
    },
  });
  const rules = [given, ...checkRules].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
  const draft = codeEncounter(Encounter.parse(encounter), Settings.parse(settings), { rules });
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    findings: draft.findings.map((f) => f.rule),
  };
}

const PHASES = ['code', 'bundle', 'modify', 'link', 'check'];
