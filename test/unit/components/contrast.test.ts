import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG 2.x contrast of the theme's text/background pairs, light and dark (AA: 4.5:1 for text).
const css = readFileSync('components/theme.css', 'utf8');

function block(selector: RegExp): Record<string, string> {
  const m = selector.exec(css);
  if (!m?.[1]) throw new Error(`no block for ${selector}`);
  return Object.fromEntries([...m[1].matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((x) => [x[1] as string, x[2] as string]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PAIRS: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'bg-soft'],
  ['muted', 'bg'],
  ['muted', 'bg-soft'],
  ['accent', 'bg'],
  ['accent-fg', 'accent'],
  ['error', 'bg'],
  ['error', 'bg-soft'],
  ['warning', 'bg-soft'],
  ['info', 'bg-soft'],
  ['ready-fg', 'ready-bg'],
  ['held-fg', 'held-bg'],
  ['selfpay-fg', 'selfpay-bg'],
  ['mark-fg', 'mark-bg'],
];

describe('theme contrast (WCAG AA)', () => {
  it('contrast() matches known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  const light = block(/:root\s*\{([^}]*)\}/);
  const dark = block(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/);
  for (const [name, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it.each(PAIRS)(`${name}: %s on %s ≥ 4.5`, (fg, bg) => {
      expect(vars[fg], `${name} --${fg}`).toBeDefined();
      expect(vars[bg], `${name} --${bg}`).toBeDefined();
      expect(contrast(vars[fg] as string, vars[bg] as string)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
