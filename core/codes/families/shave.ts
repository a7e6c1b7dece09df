import type { CodeEntryInput } from '../code-entry';

export const shaveCodes: CodeEntryInput[] = [];
