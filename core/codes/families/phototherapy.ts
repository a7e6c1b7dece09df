import type { CodeEntryInput } from '../code-entry';

export const phototherapyCodes: CodeEntryInput[] = [];
