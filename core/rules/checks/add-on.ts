import type { Rule } from '../define-rule';

export const addOnRules: Rule[] = [];
