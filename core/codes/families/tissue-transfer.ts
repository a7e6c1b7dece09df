import type { CodeEntryInput } from '../code-entry';

export const tissueTransferCodes: CodeEntryInput[] = [];
