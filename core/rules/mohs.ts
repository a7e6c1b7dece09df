import type { Rule } from './define-rule';

export const mohsRules: Rule[] = [];
