import { defineRule, type Rule, type RuleFamily } from '../../../core/rules/define-rule';
import type { NewLine } from '../../../core/rules/draft-line';

/**
 * A stand-in for other families in this family's case tables: a code-phase rule
 * that adds the given lines, so a case asserts only the family under test.
 */
export function stubLines(lines: NewLine[], family = 'stub'): Rule {
  return defineRule({
    id: `${family}/stand-in`,
    family: family as RuleFamily,
    phase: 'code',
    title: 'test stand-in lines',
    explain: 'Adds fixed lines for a test.',
    references: [],
    status: 'stable',
    apply(ctx) {
      for (const l of lines) ctx.addLine({ ...l });
    },
  });
}
