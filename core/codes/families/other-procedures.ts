import type { CodeEntryInput } from '../code-entry';

export const otherProceduresCodes: CodeEntryInput[] = [];
