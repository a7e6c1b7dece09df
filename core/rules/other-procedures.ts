import type { Rule } from './define-rule';

export const otherProceduresRules: Rule[] = [];
