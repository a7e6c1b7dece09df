import type { Rule } from './define-rule';

export const repairRules: Rule[] = [];
