import { codeInfo } from '../../codes/catalog';
import { defineRule, type Rule } from '../define-rule';
import { DISTINCT, describeLine } from './line-kinds';

export const addOnParent = defineRule({
  id: 'checks/add-on-parent',
  family: 'checks',
  phase: 'check',
  title: 'Every add-on code needs its primary code on the claim',
  explain:
    'An add-on code (a "+" code, global ZZZ) only describes extra work done with a primary procedure: 11103 with a first biopsy, 17003 with 17000, 17312 with 17311. ' +
    'Reported without one of its primary codes it denies, so DermLens checks every add-on line against the primary codes the catalog lists for it.',
  references: ["Reference §10.2 (ZZZ: add-on, inside the primary code's global)", 'Reference §1.1, §2.1, §6.1 (add-on codes and their primary codes)'],
  status: 'stable',
  apply(ctx) {
    const codes = new Set(ctx.lines.map((l) => l.code));
    for (const line of ctx.lines) {
      const info = codeInfo(line.code);
      if (info?.global !== 'ZZZ' || !info.addOnParents || info.addOnParents.length === 0) continue;
      if (info.addOnParents.some((p) => codes.has(p))) continue;
      ctx.report({
        severity: 'error',
        message: `Add-on ${describeLine(line)} has no primary code on the claim; it is reported only with ${info.addOnParents.join(', ')}.`,
        target: line.lesionLabels[0] ?? line.code,
        fix: `Report the primary code (${info.addOnParents.join('/')}) for the first service, or recode ${line.code} as a primary code.`,
        span: line.spans[0],
      });
    }
  },
});

export const addOnModifiers = defineRule({
  id: 'checks/add-on-modifiers',
  family: 'checks',
  phase: 'check',
  title: 'Add-on codes never take 59, an X modifier or 51',
  explain:
    'Add-on codes are never reduced as multiple procedures and are never separate from their primary code, so modifier 51 and the distinct-service modifiers 59/XE/XS/XP/XU do not belong on them. ' +
    'DermLens never adds these modifiers to an add-on, and flags a line that carries one.',
  references: [
    'Reference §10.4 (add-on codes never take 59)',
    'Reference §10.5 (51 never on add-ons)',
    'Reference §1.2 (biopsy add-ons take neither 59 nor 51)',
  ],
  status: 'stable',
  codes: ['51', '59', 'XE', 'XS', 'XP', 'XU'],
  apply(ctx) {
    for (const line of ctx.lines) {
      if (codeInfo(line.code)?.global !== 'ZZZ') continue;
      const wrong = line.modifiers.filter((m) => m === '51' || DISTINCT.includes(m));
      if (wrong.length === 0) continue;
      ctx.report({
        severity: 'error',
        message: `Add-on ${describeLine(line)} carries ${wrong.join(', ')}; add-on codes never take 59, an X modifier or 51.`,
        target: line.lesionLabels[0] ?? line.code,
        fix: `Remove ${wrong.join(', ')} from ${line.code}.`,
        span: line.spans[0],
      });
    }
  },
});

export const addOnRules: Rule[] = [addOnParent, addOnModifiers];
