import type { Rule } from './define-rule';

export const excisionRules: Rule[] = [];
