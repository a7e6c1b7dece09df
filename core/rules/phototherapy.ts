import type { Rule } from './define-rule';

export const phototherapyRules: Rule[] = [];
