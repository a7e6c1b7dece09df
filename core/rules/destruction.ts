import type { Rule } from './define-rule';

export const destructionRules: Rule[] = [];
