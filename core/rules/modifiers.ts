/**
 * Claim order for modifiers: pricing modifiers first (they change the fee), then
 * payment/processing modifiers, then informational ones (anatomic, ABN, waste).
 */
const PRICING = ['26', 'TC', '50', '52', '53', '22'];
const PAYMENT = ['25', '57', '58', '24', '76', '77', '78', '79', '91', '59', 'XE', 'XS', 'XP', 'XU', '51'];

function rank(modifier: string): number {
  const p = PRICING.indexOf(modifier);
  if (p >= 0) return p;
  const q = PAYMENT.indexOf(modifier);
  if (q >= 0) return 100 + q;
  return 200;
}

export function orderModifiers(modifiers: readonly string[]): string[] {
  return [...new Set(modifiers)]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map((x) => x.m);
}

export const DISTINCT_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;

export function hasDistinctModifier(modifiers: readonly string[]): boolean {
  return modifiers.some((m) => (DISTINCT_MODIFIERS as readonly string[]).includes(m));
}
