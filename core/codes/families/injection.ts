import type { CodeEntryInput } from '../code-entry';

export const injectionCodes: CodeEntryInput[] = [];
