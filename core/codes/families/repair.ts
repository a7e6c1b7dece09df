import type { CodeEntryInput } from '../code-entry';

export const repairCodes: CodeEntryInput[] = [];
