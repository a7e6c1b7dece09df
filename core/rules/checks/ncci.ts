import { findPtpEdit, hasPtpEditsFor, ncciSeedTable, type PtpEdit, pickPtpTable, unverifiedPairLabel } from '../../codes/ncci';
import { defineRule, type Rule, type RuleContext } from '../define-rule';
import type { DraftLine } from '../draft-line';
import { DISTINCT, describeLine, hasAny, isAddOnCode, isEm, NCCI_BYPASS, siteRelation } from './line-kinds';

function editSource(edit: PtpEdit): string {
  return edit.historical ? `${edit.source}; historical row, re-check against the current CMS file` : edit.source;
}

/** Lines on the insurance claim (self-pay lines are not submitted, so PTP edits do not reach them). */
const claimLines = (lines: readonly DraftLine[]) => lines.filter((l) => l.billing === 'insurance');

export const ncciPtp = defineRule({
  id: 'checks/ncci-ptp',
  family: 'checks',
  phase: 'check',
  title: 'NCCI procedure-to-procedure edits',
  explain:
    'CMS pairs codes that are not paid together on one day: the column-2 code denies unless the edit allows a modifier and the services really are separate. ' +
    'Indicator 0 means no modifier helps; indicator 1 means a modifier such as XS/59 or an anatomic modifier bypasses the edit when the lesions or sites differ; indicator 9 means the edit no longer applies. ' +
    'DermLens puts XS (Medicare) or 59 on the column-2 line when the two lines treat different lesions, never on an add-on or an E/M. ' +
    'Built in are only the few historical pairs the coding reference documents; import the current CMS practitioner file for full coverage.',
  references: [
    'Reference §11.1-11.3 (NCCI PTP edits)',
    'NCCI policy manual, as quoted in reference §11.2',
    'Reference §10.4 (modifier on either code for Medicare)',
  ],
  status: 'stable',
  codes: ['59', 'XS'],
  apply(ctx) {
    const dos = ctx.dateOfService;
    const imported = pickPtpTable(ctx.settings.edits?.ptp, dos);
    const table = imported ?? ncciSeedTable;
    const lines = claimLines(ctx.lines);
    for (const col1 of lines) {
      // Most codes head no edit at all: skip their pairs without a lookup per pair.
      if (!hasPtpEditsFor(table, col1.code)) continue;
      for (const col2 of lines) {
        if (col1 === col2 || col1.code === col2.code) continue;
        const edit = findPtpEdit(table, col1.code, col2.code, dos);
        if (!edit || edit.modifierIndicator === 9) continue;
        const pair = `${edit.column1}/${edit.column2}`;
        const where = `${describeLine(col1)} and ${describeLine(col2)}`;
        if (edit.modifierIndicator === 0) {
          ctx.report({
            severity: 'error',
            message: `Will deny: NCCI pair ${pair} has modifier indicator 0, so ${col2.code} is not paid with ${col1.code} on the same day (${where}), whatever modifier is added.`,
            target: col2.code,
            fix: `Remove ${col2.code} unless it was performed at a separate encounter; ${editSource(edit)}.`,
            span: col2.spans[0],
          });
          continue;
        }
        // Indicator 1: an NCCI-associated modifier bypasses the edit when the services are distinct.
        // A pair with an E/M is bypassed by 25/57 (24 in a global) on the E/M, never by 59/X on either code.
        const em = isEm(col1.code) ? col1 : isEm(col2.code) ? col2 : undefined;
        if (em) {
          if (hasAny(em, ['24', '25', '57'])) continue;
          const other = em === col1 ? col2 : col1;
          ctx.report({
            severity: 'warning',
            message: `NCCI pair ${pair} (indicator 1): the E/M ${em.code} is not paid with ${other.code} on the same day unless it is significant and separately identifiable (modifier 25).`,
            target: em.code,
            fix: `Add 25 to ${em.code} only if the note supports a separate E/M; otherwise remove it. ${editSource(edit)}.`,
          });
          continue;
        }
        // Already bypassed: an NCCI-associated modifier on column 2, or 59/X on column 1 (Medicare accepts either code).
        if (hasAny(col2, NCCI_BYPASS) || hasAny(col1, DISTINCT)) continue;
        const rel = siteRelation(col1, col2);
        if (rel === 'same') {
          ctx.report({
            severity: 'error',
            message: `NCCI pair ${pair}: ${where} are on the same lesion or site, so ${col2.code} is bundled into ${col1.code}; it is separately reportable only if the services were distinct.`,
            target: col2.lesionLabels[0] ?? col2.code,
            fix: `Remove ${col2.code}, or document a separate lesion/site and add ${ctx.distinctModifier('XS')}; ${editSource(edit)}.`,
            span: col2.spans[0],
          });
          continue;
        }
        // The modifier goes on column 2, or on column 1 when column 2 is an add-on (add-ons never take 59/X).
        const target = !isAddOnCode(col2.code) ? col2 : !isAddOnCode(col1.code) ? col1 : undefined;
        if (!target) {
          ctx.report({
            severity: 'warning',
            message: `NCCI pair ${pair} (indicator 1): both codes are add-ons, so neither can take a distinct-service modifier.`,
            target: col2.code,
            fix: `Review the pair by hand; ${editSource(edit)}.`,
          });
          continue;
        }
        if (rel === 'unknown') {
          ctx.report({
            severity: 'warning',
            message: `NCCI pair ${pair} (indicator 1): the note does not show whether ${where} are on different lesions, so no modifier was added and ${col2.code} may deny.`,
            target: col2.code,
            fix: `Document the lesion/site of each; if they differ, add ${ctx.distinctModifier('XS')} to ${target.code}.`,
            span: col2.spans[0],
          });
          continue;
        }
        const modifier = ctx.distinctModifier('XS');
        ctx.addModifier(target, modifier);
        ctx.report({
          severity: 'info',
          message: `NCCI pair ${pair} (indicator 1): ${where} treat different lesions, so ${modifier} was added to ${target.code}.`,
          target: target.lesionLabels[0] ?? target.code,
          fix: `Keep ${modifier} only if the note supports a separate lesion/site; ${editSource(edit)}.`,
        });
      }
    }
  },
});

/**
 * Pairs on the claim that the reference lists as requested-but-unverified (§11.3, §16.1)
 * and that no loaded table answers. Empty when a CMS import applies to the DOS.
 */
export function uncheckedPtpPairs(ctx: Pick<RuleContext, 'lines' | 'settings' | 'dateOfService'>): string[] {
  if (pickPtpTable(ctx.settings.edits?.ptp, ctx.dateOfService)) return [];
  const lines = claimLines(ctx.lines);
  const found = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i] as DraftLine;
      const b = lines[j] as DraftLine;
      if (a.code === b.code) continue;
      // Both tests are pure: the cheap group lookup first (most pairs are in no unverified group).
      const label = unverifiedPairLabel(a.code, b.code);
      if (!label) continue;
      if (findPtpEdit(ncciSeedTable, a.code, b.code, ctx.dateOfService) || findPtpEdit(ncciSeedTable, b.code, a.code, ctx.dateOfService)) continue;
      const pairs = found.get(label) ?? [];
      const pair = `${a.code}/${b.code}`;
      if (!pairs.includes(pair)) pairs.push(pair);
      found.set(label, pairs);
    }
  }
  return [...found].map(([label, pairs]) => `${pairs.join(', ')} (${label})`);
}

export const ncciRules: Rule[] = [ncciPtp];
