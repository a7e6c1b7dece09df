import type { Rule } from './define-rule';

export const shaveRules: Rule[] = [];
