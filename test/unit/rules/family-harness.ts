import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings, type SettingsInput } from '../../../core/model';
import type { Rule, RulePhase } from '../../../core/rules/define-rule';

const PHASES: RulePhase[] = ['code', 'bundle', 'modify', 'link', 'check'];

/**
 * Codes an encounter with only the given rules (in registry phase order), so a family's
 * case table asserts that family's behaviour without depending on other families' rules.
 */
export function codeWith(rules: readonly Rule[], input: EncounterInput, settings: SettingsInput = {}) {
  const ordered = PHASES.flatMap((phase) => rules.filter((r) => r.phase === phase));
  const draft = codeEncounter(Encounter.parse(input), Settings.parse(settings), { rules: ordered });
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    full: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers, billing: l.billing, status: l.status })),
    findings: draft.findings.map((f) => f.rule),
  };
}
