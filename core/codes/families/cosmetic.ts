import type { CodeEntryInput } from '../code-entry';

export const cosmeticCodes: CodeEntryInput[] = [];
