import type { ClaimLine } from '../../core/model';
import { claimText } from '../sidepanel/claim-text';

/** "99213-25, 11900; J3301 x2" → normalised claim lines ("CODE[-MOD…][ xN]"), order-free. */
export function parseAnswer(input: string): { lines: string[]; problems: string[] } {
  const problems: string[] = [];
  const merged = new Map<string, number>();
  for (const raw of input.split(/[\n,;]+/)) {
    const token = raw.trim().toUpperCase().replace(/\s+/g, ' ');
    if (!token) continue;
    const m = /^([0-9A-Z]\d{3}[0-9A-Z])((?:-[0-9A-Z]{2})*)(?:\s*[X×*]\s*(\d+))?$/.exec(token);
    if (!m) {
      problems.push(`"${raw.trim()}" is not a code like 11102, 99213-25 or J3301 x2`);
      continue;
    }
    const key = `${m[1]}${m[2] ?? ''}`;
    merged.set(key, (merged.get(key) ?? 0) + (m[3] ? Number(m[3]) : 1));
  }
  return { lines: [...merged].map(([k, u]) => (u > 1 ? `${k} x${u}` : k)).sort(), problems };
}

/** The engine's claim in the same normalised form, in claim order (self-pay lines are not insurance claim lines). */
export function expectedAnswer(lines: readonly ClaimLine[]): string[] {
  return claimText(lines).split('\n').filter(Boolean);
}

export interface QuizGrade {
  correct: boolean;
  missing: string[];
  extra: string[];
}

export function grade(answer: readonly string[], expected: readonly string[]): QuizGrade {
  const missing = expected.filter((e) => !answer.includes(e));
  const extra = answer.filter((a) => !expected.includes(a));
  return { correct: missing.length === 0 && extra.length === 0, missing, extra };
}
