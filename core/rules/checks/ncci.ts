import type { Rule } from '../define-rule';

export const ncciRules: Rule[] = [];
