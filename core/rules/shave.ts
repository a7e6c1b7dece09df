import { boundaryThatMatters, type LesionGroup, lesionGroup } from '../anatomy';
import { bandLabel, bandsOf, FOUR_DIAMETER_BOUNDS_CM, lookupBand } from '../codes/bands';
import type { Procedure } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';

/**
 * Helpers shared by the lesion families (shave removal, excision, malignant
 * destruction): all three use the same A/B/C site groups (reference, shared groupings).
 */

/** Label used in findings: "A (left cheek)". */
export function describeProcedure(p: Procedure, label?: string): string {
  const l = label ?? p.lesionLabels[0] ?? p.specimenLabel;
  return [l, p.site ? `(${p.site.text})` : undefined].filter(Boolean).join(' ') || 'lesion';
}

/** The lesion/specimen identifiers every line of a procedure carries. */
export function lineRefs(ctx: RuleContext, p: Procedure, lesionLabels: string[] = p.lesionLabels) {
  return {
    lesionLabels,
    specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
    procedureIds: [p.id],
    siteKey: p.site?.key,
    spans: ctx.spanOf(p),
  };
}

/**
 * Site group A/B/C for a procedure, or undefined after reporting what to document.
 * Ambiguous sites are coded, with a finding asking to verify the group.
 */
export function lesionGroupFor(ctx: RuleContext, p: Procedure, codes: string, label?: string): LesionGroup | undefined {
  const group = lesionGroup(p.site?.key);
  const target = label ?? p.lesionLabels[0] ?? p.specimenLabel;
  if (!group) {
    ctx.report({
      severity: 'error',
      message: `${describeProcedure(p, label)}: anatomic site ${p.site?.text ? `"${p.site.text}" not recognized` : 'not documented'}, so the ${codes} site group cannot be chosen.`,
      target,
      fix: `Document the anatomic site (trunk/arms/legs; scalp/neck/hands/feet/genitalia; or face/ears/eyelids/nose/lips/mucosa) to code ${codes}.`,
      span: p.span,
    });
    return undefined;
  }
  const ambiguous = boundaryThatMatters(p.site?.key, lesionGroup);
  if (ambiguous) {
    ctx.report({
      severity: 'warning',
      message: `${describeProcedure(p, label)}: coded in site group ${group}, but the site sits on a boundary (${ambiguous}).`,
      target,
      fix: 'Verify the site and document it precisely; a different site group changes the code.',
      span: p.span,
    });
  }
  return group;
}

/**
 * The procedure with its site filled from its lesion (or specimen) when the procedure
 * itself has no recognized site: the note often gives the site once, on the lesion.
 */
export function withSite(ctx: RuleContext, p: Procedure): Procedure {
  if (p.site?.key) return p;
  const fromLesion = p.lesionLabels.map((l) => ctx.lesion(l)?.site).find((s) => s?.key);
  const fromSpecimen = p.specimenLabel
    ? ctx.encounter.specimens.find((s) => s.label.toUpperCase() === p.specimenLabel?.toUpperCase() && s.site?.key)?.site
    : undefined;
  // "Lesion A" of a later procedure is often the lesion sampled as "specimen A".
  const labels = new Set(p.lesionLabels.map((l) => l.toUpperCase()));
  const fromAlias = ctx.encounter.specimens.find((s) => labels.has(s.label.toUpperCase()) && s.site?.key)?.site;
  const site = fromLesion ?? fromSpecimen ?? fromAlias;
  return site ? { ...p, site } : p;
}

/** Lesions of a procedure, one entry per lesion (a procedure without labels counts as one). */
export function lesionsOf(p: Procedure): (string | undefined)[] {
  return p.lesionLabels.length > 0 ? p.lesionLabels : [undefined];
}

// Reference §3.4: 11300-11313 by lesion diameter only.
const SHAVE_GRID: Record<LesionGroup, string[]> = {
  A: ['11300', '11301', '11302', '11303'],
  B: ['11305', '11306', '11307', '11308'],
  C: ['11310', '11311', '11312', '11313'],
};

export const shaveRemovalByDiameter = defineRule({
  id: 'shave/lesion-diameter',
  family: 'shave',
  phase: 'code',
  title: 'Shave removal: one code per lesion by site group and lesion diameter',
  explain:
    'A shave removal takes off an epidermal or dermal lesion by horizontal slicing without a full-thickness excision. ' +
    'Each lesion is its own line, coded by its site group (A trunk/arms/legs, B scalp/neck/hands/feet/genitalia, C face/ears/eyelids/nose/lips/mucosa) and by the lesion diameter alone: margins are never added. ' +
    'Without a documented diameter no size band can be picked, so DermLens asks for it instead of guessing.',
  references: ['CPT shave removal guidelines (11300-11313)', 'AAPC "Not every removal is an excision"', 'Coding reference §3.4'],
  status: 'stable',
  codes: Object.values(SHAVE_GRID).flat(),
  apply(ctx) {
    for (const p of ctx.performed('shave-removal').map((x) => withSite(ctx, x))) {
      const labels = lesionsOf(p);
      for (const label of labels) {
        const lesion = ctx.lesion(label);
        // One lesion per procedure: the procedure's diameter; several: each lesion's own size.
        const diameter = labels.length === 1 ? (p.lesionDiameterCm ?? lesion?.clinicalSizeCm) : lesion?.clinicalSizeCm;
        const group = lesionGroupFor(ctx, p, '11300-11313', label);
        if (diameter === undefined || diameter === 0) {
          ctx.report({
            severity: 'error',
            message: `Shave removal ${describeProcedure(p, label)}: lesion diameter not documented, so no 11300-11313 size band can be chosen.`,
            target: label ?? p.specimenLabel,
            fix: 'Document the greatest lesion diameter in cm (margins are not added for shave removal).',
            span: p.span,
          });
          continue;
        }
        if (!group) continue;
        const code = lookupBand(diameter, bandsOf(FOUR_DIAMETER_BOUNDS_CM, SHAVE_GRID[group])) as string;
        ctx.addLine({ code, ...lineRefs(ctx, p, label ? [label] : []), tags: ['shave'] });
        if (p.marginCm !== undefined && p.marginCm > 0) {
          ctx.report({
            severity: 'info',
            message: `Shave removal ${describeProcedure(p, label)}: coded on the lesion diameter ${diameter} cm (${bandLabel(diameter, FOUR_DIAMETER_BOUNDS_CM)}); the documented margin is not added for shave removal.`,
            target: label ?? p.specimenLabel,
            span: p.span,
          });
        }
      }
    }
  },
});

export const shaveRules: Rule[] = [shaveRemovalByDiameter];
