import { biopsyRules } from './biopsy';
import { addOnRules } from './checks/add-on';
import { chargesRules } from './checks/charges';
import { distinctServiceRules } from './checks/distinct-service';
import { globalPeriodRules } from './checks/global-period';
import { modifierOrderRules } from './checks/modifier-order';
import { mueRules } from './checks/mue';
import { ncciRules } from './checks/ncci';
import { cosmeticRules } from './cosmetic';
import type { Rule, RulePhase } from './define-rule';
import { destructionRules } from './destruction';
import { diagnosisRules } from './diagnosis';
import { documentationRules } from './documentation';
import { evaluationRules } from './evaluation';
import { excisionRules } from './excision';
import { injectionRules } from './injection';
import { mohsRules } from './mohs';
import { otherProceduresRules } from './other-procedures';
import { pathologyRules } from './pathology';
import { phototherapyRules } from './phototherapy';
import { repairRules } from './repair';
import { shaveRules } from './shave';
import { tissueTransferRules } from './tissue-transfer';

const PHASES: RulePhase[] = ['code', 'bundle', 'modify', 'link', 'check'];

/**
 * Every rule DermLens knows, in run order: by phase, then by the order below
 * (family order matters inside a phase: e.g. Mohs and tissue transfer code before
 * repair so repair can see what they include).
 */
const declared: Rule[] = [
  ...documentationRules,
  ...biopsyRules,
  ...shaveRules,
  ...excisionRules,
  ...destructionRules,
  ...mohsRules,
  ...tissueTransferRules,
  ...repairRules,
  ...pathologyRules,
  ...phototherapyRules,
  ...injectionRules,
  ...otherProceduresRules,
  ...evaluationRules,
  ...cosmeticRules,
  ...diagnosisRules,
  ...distinctServiceRules,
  ...ncciRules,
  ...mueRules,
  ...addOnRules,
  ...globalPeriodRules,
  ...chargesRules,
  ...modifierOrderRules,
];

export const registry: readonly Rule[] = PHASES.flatMap((phase) => declared.filter((r) => r.phase === phase));

const ids = new Set<string>();
for (const rule of registry) {
  if (ids.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
  ids.add(rule.id);
}

export function ruleById(id: string): Rule | undefined {
  return registry.find((r) => r.id === id);
}
