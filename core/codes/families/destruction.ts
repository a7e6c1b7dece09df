import type { CodeEntryInput } from '../code-entry';

export const destructionCodes: CodeEntryInput[] = [];
