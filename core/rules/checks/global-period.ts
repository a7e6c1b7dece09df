import type { Rule } from '../define-rule';

export const globalPeriodRules: Rule[] = [];
