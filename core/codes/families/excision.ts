import type { CodeEntryInput } from '../code-entry';

export const excisionCodes: CodeEntryInput[] = [];
