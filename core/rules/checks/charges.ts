import type { Rule } from '../define-rule';

export const chargesRules: Rule[] = [];
