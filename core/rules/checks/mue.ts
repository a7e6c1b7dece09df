import type { Rule } from '../define-rule';

export const mueRules: Rule[] = [];
