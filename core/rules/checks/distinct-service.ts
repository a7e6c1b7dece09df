import type { Rule } from '../define-rule';

export const distinctServiceRules: Rule[] = [];
