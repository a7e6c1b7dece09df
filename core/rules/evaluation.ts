import type { Rule } from './define-rule';

export const evaluationRules: Rule[] = [];
