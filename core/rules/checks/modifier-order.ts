import type { Rule } from '../define-rule';

export const modifierOrderRules: Rule[] = [];
