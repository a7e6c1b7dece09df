/**
 * A key of jar letters written in parentheses: "(A: R upper back, B: L posterior thigh)", "(R = A, L = B)",
 * "(right: A; left: B)", "(L=A / R=B)". Read by the parser where a bilateral item is split by side (procedures.ts) and
 * where unlabeled specimens are lettered (index.ts).
 */
export interface JarKeyPair {
  /** The jar letter, upper case. */
  label: string;
  /** The site or side the letter stands for, as written ("R upper back", "L", "right side"). */
  where: string;
}

/** "A: R upper back", "B - L thigh", "jar C = chin", "R = A", "left side: B", "R -> A". */
const PAIR =
  /^(?:and\s+)?(?:(?:specimen|spec|jar|bottle)\s+)?([A-H])\s*(?:[:=\-–]|->|→)\s*([^:=]{1,40}?)$|^(?:and\s+)?([^:=]{1,40}?)\s*(?:[:=]|->|→)\s*(?:(?:specimen|spec|jar|bottle)\s+)?([A-H])$/i;

/** Pairs are parted by commas, semicolons or "and"; by a slash only where the next pair begins ("R=A/L=B", not "nose/cheek"). */
const BETWEEN = /\s*[,;]\s*|\s+and\s+|\s*\/\s*(?=(?:[A-H]|right|left|rt|lt|r|l)\.?\s*(?:[:=\-–]|->|→))/i;

/** Every key of two or more pairs in `text`, each with distinct letters. */
export function jarKeys(text: string): JarKeyPair[][] {
  const keys: JarKeyPair[][] = [];
  for (const group of text.matchAll(/\(([^()\n]{5,160})\)/g)) {
    const parts = (group[1] as string).trim().split(BETWEEN);
    const key: JarKeyPair[] = [];
    for (const part of parts) {
      const m = PAIR.exec(part.trim());
      if (!m) break;
      key.push({ label: ((m[1] ?? m[4]) as string).toUpperCase(), where: ((m[2] ?? m[3]) as string).trim() });
    }
    if (key.length === parts.length && key.length >= 2 && new Set(key.map((p) => p.label)).size === key.length) keys.push(key);
  }
  return keys;
}

/** The side a key names alone ("R", "rt.", "left"), else undefined. */
export function sideOf(where: string): 'right' | 'left' | undefined {
  return /^(?:r|rt|right)\.?$/i.test(where) ? 'right' : /^(?:l|lt|left)\.?$/i.test(where) ? 'left' : undefined;
}
