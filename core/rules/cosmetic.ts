import type { Rule } from './define-rule';

export const cosmeticRules: Rule[] = [];
