import type { Rule } from './define-rule';

export const injectionRules: Rule[] = [];
