import type { Rule } from './define-rule';

export const documentationRules: Rule[] = [];
