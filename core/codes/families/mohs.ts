import type { CodeEntryInput } from '../code-entry';

export const mohsCodes: CodeEntryInput[] = [];
