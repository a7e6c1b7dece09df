import { siteInfo } from '../../anatomy/sites';
import { findSites } from '../../anatomy/vocabulary';
import { codeInfo } from '../../codes/catalog';
import { defineRule, type Rule, type RuleContext } from '../define-rule';
import type { DraftLine } from '../draft-line';
import { describeLine, isAddOnCode, isEm, isSurgical } from './line-kinds';

const POSTOP_MODIFIERS = ['58', '78', '79'];

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}

/** Postoperative days of a PFS global indicator (reference §10.2); undefined = no postoperative period. */
function postopDays(global: string | undefined): number | undefined {
  if (global === '010') return 10;
  if (global === '090') return 90;
  return undefined;
}

/**
 * The global period of a prior procedure named only in words ("12 days after excision of SCC L forearm"), by the
 * code family the words name (reference §10.2): flaps, grafts and hidradenitis excisions 090; excisions, destructions,
 * I&D and layered or complex repairs 010; biopsies, shave removals, Mohs and simple repairs 000. Undefined when unsure.
 */
export function globalOfWords(words: string): string | undefined {
  const t = words.toLowerCase();
  if (/\b(?:flap|graft|adjacent\s+tissue|tissue\s+transfer|rotation|advancement|transposition|z-?plasty|hidradenitis)/.test(t)) return '090';
  if (
    /\b(?:re-?excision|excision|excised|wle|ed\s*&\s*c|electrodesiccation|destruction|destroyed|cryo\w*|ln2|i\s*&\s*d|incision\s+and\s+drainage|intermediate|layered|complex\s+repair|skin\s+tags?)/.test(
      t,
    )
  )
    return '010';
  if (/\b(?:mohs|biops\w*|bx|shave|simple\s+repair)/.test(t)) return '000';
  return undefined;
}

/** The site of the line's procedures when the prior surgery's words name one site and it is another one; else undefined. */
function otherSite(ctx: RuleContext, line: DraftLine, priorWords: string): string | undefined {
  const named = findSites(priorWords, { strict: true });
  const prior = named.length === 1 ? named[0]?.site : undefined;
  if (!prior?.key) return undefined;
  const procs = ctx.encounter.procedures.filter((p) => line.procedureIds.includes(p.id));
  const sites = procs.map((p) => p.site).filter((s): s is NonNullable<typeof s> => !!s?.key);
  if (sites.length === 0 || sites.length !== procs.length) return undefined;
  const priorRegion = siteInfo(prior.key)?.region;
  if (!priorRegion) return undefined;
  // Another body region, or the other side of the same one; a site inside the same region and side is the same place.
  const differs = (s: (typeof sites)[number]) => {
    const region = siteInfo(s.key)?.region;
    if (!region) return false;
    return region !== priorRegion || (!!s.laterality && !!prior.laterality && s.laterality !== prior.laterality);
  };
  return sites.every(differs) ? sites.map((s) => s.text).join(', ') : undefined;
}

export const globalPeriod = defineRule({
  id: 'checks/global-period',
  family: 'checks',
  phase: 'check',
  title: "Procedures and visits inside another procedure's global period",
  explain:
    'A procedure with a 10- or 90-day global period includes the usual follow-up care. Another procedure in that window needs a modifier saying why it is paid: 58 for a staged or planned procedure (re-excision for margins, flap division), 78 for an unplanned return for a complication, 79 for an unrelated procedure. ' +
    'An E/M in the window is paid only when unrelated, with modifier 24. ' +
    'DermLens adds 79 or 24 only when the note says the service is unrelated, or (79) when today’s procedure is in another body region or on the other side than the prior surgery; otherwise it asks which modifier applies.',
  references: ['Reference §10.2 (global period indicators)', 'Reference §10.3 (modifiers 24, 58, 76, 78, 79)'],
  status: 'stable',
  codes: ['24', '58', '78', '79'],
  apply(ctx) {
    const postOp = ctx.encounter.visit.postOpOf;
    if (!postOp) return;
    const priorGlobal = postOp.code ? codeInfo(postOp.code)?.global : postOp.procedure ? globalOfWords(postOp.procedure) : undefined;
    // A known prior code without a postoperative period (000, XXX, ZZZ) puts nothing today in a global, unless the note says
    // one runs ("s/p Mohs L cheek 10/28 (global period)": the repair after the Mohs carries it; its length is not told).
    const saysGlobal = !postOp.code && /\bglobal\b/i.test(postOp.procedure ?? '');
    if (priorGlobal && !postopDays(priorGlobal) && !saysGlobal) return;
    const window = postopDays(priorGlobal);
    const elapsed = postOp.date && ctx.dateOfService ? daysBetween(postOp.date, ctx.dateOfService) : undefined;
    // No PFS global runs past 90 days, so an older procedure never covers today whatever its code.
    if (elapsed !== undefined && (elapsed < 0 || elapsed > (window ?? 90))) return;
    const prior = `${postOp.code ?? (postOp.procedure ? `the ${postOp.procedure.replace(/^(?:an?|the)\s+/i, '')}` : 'a prior procedure')}${postOp.date ? ` on ${postOp.date}` : ''}${window ? ` (${window}-day global)` : ''}`;
    for (const line of ctx.lines) {
      if (line.billing !== 'insurance') continue;
      if (isEm(line.code) && line.code !== 'G2211') {
        if (line.modifiers.includes('24') || line.modifiers.includes('25') || line.modifiers.includes('57')) continue;
        if (postOp.related === false) {
          ctx.addModifier(line, '24');
          ctx.report({
            severity: 'info',
            message: `E/M ${line.code} falls in the global period of ${prior}; the note says the visit is unrelated, so 24 was added.`,
            target: line.code,
          });
        } else {
          ctx.report({
            severity: 'warning',
            message: `E/M ${line.code} falls in the global period of ${prior}: a visit related to that surgery is included in its payment.`,
            target: line.code,
            fix: 'Bill the E/M only if it was unrelated to the surgery, with modifier 24, and document why.',
          });
        }
        continue;
      }
      if (!isSurgical(line.code) || isAddOnCode(line.code)) continue;
      if (line.modifiers.some((m) => POSTOP_MODIFIERS.includes(m))) continue;
      // "Re-excision today, staged … closed in layers, 4.0 cm": the repair of the wound a staged procedure (58) made is
      // part of that staged procedure (§10.3), so it takes 58 too.
      const staged = ctx.lines.find(
        (o) => o !== line && o.modifiers.includes('58') && line.lesionLabels.length > 0 && line.lesionLabels.every((l) => o.lesionLabels.includes(l)),
      );
      if (staged) {
        ctx.addModifier(line, '58');
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} closes the wound of ${staged.code}-58, a staged procedure in the global period of ${prior}, so 58 was added.`,
          target: line.lesionLabels[0] ?? line.code,
        });
        continue;
      }
      // "Post-op check after excision of SCC R forearm …; new papule L cheek — shave biopsy": a procedure at another site
      // than the prior surgery's treats another problem (§10.3: 79, unrelated).
      const elsewhere = postOp.related !== false && postOp.procedure ? otherSite(ctx, line, postOp.procedure) : undefined;
      if (elsewhere) {
        ctx.addModifier(line, '79');
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} is done in the global period of ${prior}, at another site (${elsewhere}) than that surgery, so 79 (unrelated) was added.`,
          target: line.lesionLabels[0] ?? line.code,
          fix: 'Remove 79 if this procedure treats the same problem as the prior surgery (58 staged, 78 complication).',
        });
        continue;
      }
      if (postOp.related === false) {
        ctx.addModifier(line, '79');
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} is done in the global period of ${prior}; the note says it is unrelated, so 79 was added.`,
          target: line.lesionLabels[0] ?? line.code,
        });
        continue;
      }
      const fix =
        postOp.related === true
          ? `Add 58 if it was staged or planned (e.g. re-excision for margins, flap division), 78 if it was an unplanned return for a complication, or 79 if it treats an unrelated problem.`
          : `Document whether it relates to ${postOp.code ?? 'the prior procedure'}: 58 staged/planned, 78 unplanned return for a complication, 79 unrelated.`;
      ctx.report({
        severity: 'warning',
        message: `${describeLine(line)} is done in the global period of ${prior} without 58, 78 or 79, so it may be denied as included post-operative care.`,
        target: line.lesionLabels[0] ?? line.code,
        fix,
        span: line.spans[0],
      });
    }
  },
});

export const multipleProcedureReduction = defineRule({
  id: 'checks/multiple-procedure-reduction',
  family: 'checks',
  phase: 'check',
  title: 'Multiple-procedure reduction: modifier 51 is not added',
  explain:
    'Medicare pays the highest-valued procedure of a session in full and each other one at half. Whether a payer wants modifier 51 on the claim is payer-specific, and many MACs apply the reduction themselves, so DermLens does not add 51. ' +
    'Add-on codes and 51-exempt codes (such as 17004) are never reduced and never take 51.',
  references: ['Reference §10.5 (modifier 51 and the multiple-procedure reduction)', 'Reference §16.12 (payer-specific: 51 on claims)'],
  status: 'stable',
  codes: ['51'],
  apply(ctx) {
    if (ctx.settings.payer !== 'medicare') return;
    const procedures = ctx.lines.filter((l) => {
      if (l.billing !== 'insurance' || !isSurgical(l.code) || isAddOnCode(l.code)) return false;
      const info = codeInfo(l.code);
      return !info?.exempt51;
    });
    if (procedures.length < 2) return;
    ctx.report({
      severity: 'info',
      message: `${procedures.length} procedures on one day (${procedures.map((l) => l.code).join(', ')}): the MAC applies the multiple-procedure reduction; modifier 51 is not added.`,
      fix: 'Add 51 only if this payer requires it on the claim.',
    });
  },
});

export const globalPeriodRules: Rule[] = [globalPeriod, multipleProcedureReduction];
