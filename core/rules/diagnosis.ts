import type { Rule } from './define-rule';

export const diagnosisRules: Rule[] = [];
