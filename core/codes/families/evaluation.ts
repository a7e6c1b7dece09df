import type { CodeEntryInput } from '../code-entry';

export const evaluationCodes: CodeEntryInput[] = [];
