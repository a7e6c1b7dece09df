import { CodeEntry } from './code-entry';
import { allFamilies } from './families';

/** Catalog version: bump when code facts change (shown in the trainer and exports). */
export const CATALOG_VERSION = '2026.1';

const entries = new Map<string, CodeEntry>();
for (const family of allFamilies) {
  for (const raw of family) {
    const entry = CodeEntry.parse(raw);
    if (entries.has(entry.code)) throw new Error(`catalog: duplicate code ${entry.code}`);
    entries.set(entry.code, entry);
  }
}

export function codeInfo(code: string): CodeEntry | undefined {
  return entries.get(code);
}

export function describeCode(code: string): string {
  return entries.get(code)?.short ?? 'Code not in the DermLens catalog: verify';
}

export function isAddOn(code: string): boolean {
  return entries.get(code)?.global === 'ZZZ';
}

export function allCodes(): CodeEntry[] {
  return [...entries.values()];
}
