import type { Rule } from './define-rule';

export const tissueTransferRules: Rule[] = [];
