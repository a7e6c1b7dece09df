import { defineRule, type Rule } from '../define-rule';
import { orderModifiers } from '../modifiers';
import { describeLine } from './line-kinds';

/** An 837P service line has room for four procedure modifiers (SV101-3 to SV101-6). */
export const MAX_MODIFIERS = 4;

export const modifierOrder = defineRule({
  id: 'checks/modifier-order',
  family: 'checks',
  phase: 'check',
  title: 'Modifiers in claim order, at most four per line',
  explain:
    'Payers read modifiers in order: the ones that change the fee (26, TC, 50, 52, 22) first, then payment modifiers (25, 57, 58, 59, X, 51…), then informational ones (anatomic, ABN, drug waste). ' +
    'This last pass puts every line in that order and flags a line with more than four modifiers, the most a claim line can carry, instead of dropping one silently.',
  references: [
    'CMS-1500 item 24D and X12 837P SV101 (four modifier positions per line)',
    'core/rules/modifiers.ts (claim order: pricing, payment, informational)',
  ],
  status: 'stable',
  apply(ctx) {
    for (const line of ctx.lines) {
      const ordered = orderModifiers(line.modifiers);
      if (ordered.join() !== line.modifiers.join()) line.modifiers = ordered;
      if (ordered.length <= MAX_MODIFIERS) continue;
      ctx.report({
        severity: 'error',
        message: `${describeLine(line)} carries ${ordered.length} modifiers (${ordered.join(', ')}); a claim line holds at most ${MAX_MODIFIERS}.`,
        target: line.lesionLabels[0] ?? line.code,
        fix: 'Keep the pricing and payment modifiers and check how this payer wants a line with more modifiers reported.',
        span: line.spans[0],
      });
    }
  },
});

export const modifierOrderRules: Rule[] = [modifierOrder];
