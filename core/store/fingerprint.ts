import type { Finding } from '../model';

/** FNV-1a, 32 bit: a short stable hash (not security-relevant, just identity of a message). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Identity of a finding across re-codes of the same encounter: same rule, same
 * target, same message. When the chart changes so that the message changes, the
 * finding is a new one and an old override no longer hides it.
 */
export function findingFingerprint(f: Pick<Finding, 'rule' | 'target' | 'message'>): string {
  return `${f.rule}|${f.target ?? ''}|${fnv1a(f.message)}`;
}
