import { type LesionGroup, lesionGroup, siteInfo } from '../anatomy';
import { bandLabel, bandsOf, lookupBand, SIX_DIAMETER_BOUNDS_CM } from '../codes/bands';
import type { Procedure } from '../model';
import { type BiopsyDecision, isConclusiveReport, isMalignantReport, planBiopsies, sameLesion } from './biopsy';
import { cosmeticRoute } from './cosmetic';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import { isAcneCryotherapy } from './other-procedures';
import { describeProcedure, lesionGroupFor, lesionsOf, lineRefs, withSite } from './shave';

const DESTRUCTION_KINDS = ['destruction-premalignant', 'destruction-benign', 'destruction-malignant', 'destruction-unspecified'] as const;
type DestructionClass = 'premalignant' | 'benign' | 'malignant';

// ---------------------------------------------------------------------------
// Site-specific destruction families (reference §2.2, AAD location codes)
// ---------------------------------------------------------------------------

interface SiteFamily {
  codes: string;
  what: string;
}
const SITE_FAMILIES: Record<string, SiteFamily> = {
  penis: { codes: '54050-54065', what: 'penile lesion destruction' },
  vulva: { codes: '56501 (simple) / 56515 (extensive)', what: 'vulvar lesion destruction' },
  anus: { codes: '46900-46924', what: 'anal lesion destruction' },
};

/** Eyelid-margin lesions up to 1 cm: 67850 [V]. */
const EYELID_MARGIN_MAX_CM = 1.0;

function siteFamilyOf(p: Procedure): SiteFamily | undefined {
  const special = siteInfo(p.site?.key)?.special;
  return special ? SITE_FAMILIES[special] : undefined;
}

function isEyelidMargin(p: Procedure): boolean {
  return siteInfo(p.site?.key)?.special === 'eyelid-margin';
}

function diameterOf(ctx: RuleContext, p: Procedure, label?: string): number | undefined {
  const single = lesionsOf(p).length === 1;
  return single ? (p.lesionDiameterCm ?? ctx.lesion(label)?.clinicalSizeCm) : ctx.lesion(label)?.clinicalSizeCm;
}

/** Handled by a site-specific code or family instead of 17000-17286. */
function isSiteSpecific(ctx: RuleContext, p: Procedure): boolean {
  if (siteFamilyOf(p)) return true;
  if (!isEyelidMargin(p)) return false;
  const d = diameterOf(ctx, p, p.lesionLabels[0]);
  return d === undefined || d <= EYELID_MARGIN_MAX_CM;
}

/** Performed destructions, each with its site filled from its lesion when the procedure has none; the base of a lesion just removed is not one. */
function destructions(ctx: RuleContext): Procedure[] {
  return ctx
    .performed(...DESTRUCTION_KINDS)
    .map((p) => withSite(ctx, p))
    .filter((p) => !removalWhoseBase(ctx, p));
}

// ---------------------------------------------------------------------------
// The base of a lesion just removed (shave removal, excision)
// ---------------------------------------------------------------------------

/** "… then ED&C of the base", "electrodesiccation to the base", "base curetted and desiccated". */
const OF_THE_BASE =
  /\b(?:of|to|at)\s+(?:the\s+)?(?:its\s+|wound\s+|lesion(?:'s)?\s+)?base\b|\bbase\s+(?:was\s+|then\s+)?(?:curett|desiccat|electrodesiccat|cauteri|hyfrecat|fulgurat|destroy|treated)/i;

/** Two procedures told in one line of the note. */
function onOneLine(ctx: RuleContext, a: Procedure, b: Procedure): boolean {
  if (!a.span || !b.span || a.span.section !== b.span.section) return false;
  const text = ctx.encounter.sections[a.span.section] ?? '';
  const [first, second] = a.span.start <= b.span.start ? [a.span, b.span] : [b.span, a.span];
  return !text.slice(first.start, second.start).includes('\n');
}

/**
 * The shave removal or excision whose base this destruction treated: the same site, or the same line when the
 * destruction names no site. Biopsies are left to the biopsy + C&D rules (reference §2.3, §11.2).
 */
function removalWhoseBase(ctx: RuleContext, p: Procedure): Procedure | undefined {
  if (!OF_THE_BASE.test(p.text)) return undefined;
  const site = withSite(ctx, p).site;
  return ctx
    .performed('shave-removal', 'excision')
    .find((r) =>
      site?.key
        ? withSite(ctx, r).site?.key === site.key && (!site.laterality || !r.site?.laterality || r.site.laterality === site.laterality)
        : onOneLine(ctx, r, p),
    );
}

export const destructionBaseOfRemovedLesion = defineRule({
  id: 'destruction/base-of-removed-lesion',
  family: 'destruction',
  phase: 'code',
  title: 'Destroying the base of a lesion just removed is not coded as another destruction',
  explain:
    'A shave removal or excision followed by curettage, electrodesiccation or cautery "of the base" treats the same lesion, which the removal already bills: the destruction has no lesion of its own, so it gets no 17xxx line and no diagnosis. ' +
    "DermLens's reference does not settle whether such a destruction can ever be reported separately, so it asks the coder to verify.",
  references: ['Coding reference §2 (destruction codes are per lesion)', 'Coding reference §11.2 (same-lesion bundling; silent on shave + destruction)'],
  status: 'preview',
  apply(ctx) {
    for (const p of ctx.performed(...DESTRUCTION_KINDS)) {
      const removal = removalWhoseBase(ctx, p);
      if (!removal) continue;
      const where = withSite(ctx, removal).site?.text;
      ctx.report({
        severity: 'warning',
        message: `Destruction of the base of the lesion removed by ${removal.kind === 'excision' ? 'excision' : 'shave removal'}${where ? ` at ${where}` : ''}: not coded as a separate destruction (it treats the same lesion). DermLens's reference does not settle whether it is separately reportable; verify.`,
        target: removal.lesionLabels[0] ?? where ?? p.kind,
        fix: 'If a different lesion was destroyed, document it with its own site, type and count; otherwise nothing to add.',
        span: p.span,
      });
      ctx.explained(p);
    }
  },
});

// ---------------------------------------------------------------------------
// What kind of lesion was destroyed
// ---------------------------------------------------------------------------

const MALIGNANT_WORDS = /\b(bcc|scc|basal cell|squamous cell|carcinoma|melanoma|malignan\w*|sccis|bowen'?s disease|keratoacanthoma)\b/i;
const PREMALIGNANT_WORDS = /\b(aks?|actinic|solar keratos\w*|premalignant|pre-malignant|leukoplakia|actinic cheilitis)\b/i;
const BENIGN_WORDS =
  /\b(warts?|verruc\w*|molluscum|milia|milium|seborrheic|sks?|isks?|condylom\w*|nev(us|i)|dermatofibroma|lentig\w*|syringoma|sebaceous hyperplasia|benign)\b/i;

function classify(ctx: RuleContext, p: Procedure, decision: BiopsyDecision | undefined): DestructionClass | undefined {
  switch (p.kind) {
    case 'destruction-premalignant':
      return 'premalignant';
    case 'destruction-benign':
      return 'benign';
    case 'destruction-malignant':
      return 'malignant';
  }
  const report = decision?.report;
  if (isConclusiveReport(report)) {
    if (isMalignantReport(report)) return 'malignant';
    if (report.behavior === 'premalignant') return 'premalignant';
    return 'benign';
  }
  if (p.lesionLabels.some((l) => ctx.lesion(l)?.priorMalignantBiopsy)) return 'malignant';
  const words = [p.lesionType, ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis), p.text].filter(Boolean).join(' ');
  if (MALIGNANT_WORDS.test(words)) return 'malignant';
  if (PREMALIGNANT_WORDS.test(words)) return 'premalignant';
  if (BENIGN_WORDS.test(words)) return 'benign';
  return undefined;
}

/** The non-decision-driving biopsy decision that ties this destruction to a same-lesion biopsy, if any. */
function cdDecisionFor(ctx: RuleContext, p: Procedure): BiopsyDecision | undefined {
  return planBiopsies(ctx).find((d) => d.definitive.some((x) => x.id === p.id) && d.fate !== 'diagnostic-before-definitive' && d.fate !== 'separate');
}

interface Classified {
  p: Procedure;
  cls: DestructionClass;
  decision?: BiopsyDecision;
}

/** Destructions coded with 17000-17286, classified; unknown types and site-specific sites left out. */
function classifiedDestructions(ctx: RuleContext): Classified[] {
  const out: Classified[] = [];
  for (const p of destructions(ctx)) {
    if (isSiteSpecific(ctx, p)) continue;
    const decision = cdDecisionFor(ctx, p);
    const cls = classify(ctx, p, decision);
    if (cls) out.push({ p, cls, decision });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Counting (reference §2.1, §2.2, §14)
// ---------------------------------------------------------------------------

/** A vague plural next to a lesion word ("multiple AKs", "several small warts"); not "a few drops of lidocaine". */
const VAGUE =
  /\b(multiple|several|numerous|many|a few|scattered)\b(?:\W+\w+){0,2}?\W+(aks|lesions|warts|verrucae|keratoses|papules|tags|acrochordons|molluscum|milia|sks|isks|spots|growths|condylomata|actinic|seborrheic)\b/i;

interface Count {
  n: number;
  how: 'documented' | 'labels' | 'vague' | 'missing';
}

/** Lesions treated by a procedure: the documented count, else one per label, else the minimum certain count. */
export function countOf(p: Procedure): Count {
  if (p.count !== undefined && p.count > 0) return { n: p.count, how: 'documented' };
  if (p.lesionLabels.length > 0) return { n: p.lesionLabels.length, how: 'labels' };
  // "Multiple"/"several" means at least two; anything else certain is one (the procedure was done).
  if (VAGUE.test(`${p.lesionType ?? ''} ${p.text}`)) return { n: 2, how: 'vague' };
  return { n: 1, how: 'missing' };
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

export const destructionSiteSpecific = defineRule({
  id: 'destruction/site-specific',
  family: 'destruction',
  phase: 'code',
  title: 'Eyelid-margin, penile, vulvar and anal destructions use their own codes',
  explain:
    'At some sites a site-specific destruction code takes precedence over 17000-17286: eyelid-margin lesions up to 1 cm (67850), penile lesions (54050-54065), vulvar lesions (56501/56515) and anal lesions (46900-46924). ' +
    'DermLens codes 67850 when the lesion size supports it and, for the genital and anal families, names the family to use because the right code depends on details (method, extent) it does not read.',
  references: ['AAD location codes', 'CPT 67850, 54050-54065, 56501/56515, 46900-46924', 'Coding reference §2.2'],
  status: 'stable',
  codes: ['67850'],
  apply(ctx) {
    for (const p of destructions(ctx)) {
      const name = describeProcedure(p);
      const target = p.lesionLabels[0] ?? p.specimenLabel;
      const family = siteFamilyOf(p);
      if (family) {
        ctx.report({
          severity: 'warning',
          message: `Destruction ${name}: ${family.what} has its own codes (${family.codes}), which take precedence over 17000-17286; no 17xxx line was made.`,
          target,
          fix: `Code from ${family.codes} and document the method and extent that code needs.`,
          span: p.span,
        });
        continue;
      }
      if (!isEyelidMargin(p)) continue;
      for (const label of lesionsOf(p)) {
        const d = diameterOf(ctx, p, label);
        if (d === undefined) {
          ctx.report({
            severity: 'error',
            message: `Destruction ${describeProcedure(p, label)} at the eyelid margin: lesion size not documented; 67850 covers lesions up to 1 cm.`,
            target: label ?? target,
            fix: 'Document the lesion diameter in cm to code 67850 (up to 1 cm).',
            span: p.span,
          });
          continue;
        }
        if (d > EYELID_MARGIN_MAX_CM) continue; // coded with the 17xxx family by the rules below
        const units = lesionsOf(p).length === 1 ? countOf(p).n : 1;
        ctx.addLine({ code: '67850', units, ...lineRefs(ctx, p, label ? [label] : []), tags: ['destruction'] });
      }
    }
  },
});

export const destructionTypeDocumented = defineRule({
  id: 'destruction/lesion-type-documented',
  family: 'destruction',
  phase: 'code',
  title: 'The destroyed lesion must be identified as premalignant, benign or malignant',
  explain:
    'Destruction codes differ by lesion type: premalignant lesions such as actinic keratoses (17000-17004), benign lesions such as warts or molluscum (17110/17111), and malignant lesions (17260-17286). ' +
    'When the note does not say what was destroyed, DermLens asks instead of picking a family.',
  references: ['CPT destruction guidelines', 'Coding reference §2'],
  status: 'stable',
  apply(ctx) {
    for (const p of destructions(ctx).filter((x) => x.kind === 'destruction-unspecified')) {
      if (isSiteSpecific(ctx, p)) continue;
      if (classify(ctx, p, cdDecisionFor(ctx, p))) continue;
      // "Cryotherapy (LN2) to inflamed acne papules": coded 17340 by the acne rule, not a lesion destruction.
      if (isAcneCryotherapy(ctx, p)) continue;
      ctx.report({
        severity: 'error',
        message: `Destruction ${describeProcedure(p)}: lesion type not documented, so no destruction code can be chosen.`,
        target: p.lesionLabels[0] ?? p.specimenLabel,
        fix: 'Document what was destroyed: actinic keratosis (17000-17004), wart/molluscum/other benign (17110/17111) or a malignancy with its diameter (17260-17286).',
        span: p.span,
      });
    }
  },
});

export const destructionPremalignant = defineRule({
  id: 'destruction/premalignant-count',
  family: 'destruction',
  phase: 'code',
  title: 'Premalignant lesions: 17000, +17003 per lesion 2-14, or 17004 alone for 15 or more',
  explain:
    'Destruction of premalignant lesions such as actinic keratoses is counted by lesion, not by size, over the whole date of service. ' +
    'One lesion is 17000; 2 to 14 lesions are 17000 plus 17003 for each lesion after the first; 15 or more are 17004 once, never together with 17000 or 17003.',
  references: ['CPT 17000-17004', 'CMS Recovery Audit topic 0121 (excessive units)', 'AAD "Destruction codes for pre-malignant and malignant lesions" (2011)'],
  status: 'stable',
  codes: ['17000', '17003', '17004'],
  apply(ctx) {
    const procs = classifiedDestructions(ctx)
      .filter((c) => c.cls === 'premalignant')
      .map((c) => c.p);
    if (procs.length === 0) return;
    const n = procs.reduce((sum, p) => sum + countOf(p).n, 0);
    const refs = {
      lesionLabels: procs.flatMap((p) => p.lesionLabels),
      specimenLabels: procs.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
      procedureIds: procs.map((p) => p.id),
      siteKey: procs[0]?.site?.key,
      spans: procs.flatMap((p) => ctx.spanOf(p)),
    };
    if (n >= 15) {
      ctx.addLine({ code: '17004', ...refs, tags: ['destruction', 'premalignant'] });
      return;
    }
    ctx.addLine({ code: '17000', ...refs, tags: ['destruction', 'premalignant'] });
    if (n > 1) ctx.addLine({ code: '17003', units: n - 1, ...refs, tags: ['destruction', 'premalignant', 'add-on'] });
  },
});

export const destructionBenign = defineRule({
  id: 'destruction/benign-count',
  family: 'destruction',
  phase: 'code',
  title: 'Benign lesions (warts, molluscum, milia…): 17110 for up to 14, 17111 for 15 or more',
  explain:
    'Destruction of benign lesions other than skin tags and vascular proliferative lesions is one unit per session: 17110 for 1 to 14 lesions, 17111 for 15 or more. ' +
    'Paring a wart before destroying it is part of the destruction.',
  references: ['CPT 17110/17111', 'AAD location codes (molluscum and warts → 17110/17111)', 'Coding reference §2.2'],
  status: 'stable',
  codes: ['17110', '17111'],
  apply(ctx) {
    const procs = classifiedDestructions(ctx)
      .filter((c) => c.cls === 'benign' && c.decision?.fate !== 'cd-benign')
      .map((c) => c.p);
    if (procs.length === 0) return;
    const n = procs.reduce((sum, p) => sum + countOf(p).n, 0);
    ctx.addLine({
      code: n >= 15 ? '17111' : '17110',
      lesionLabels: procs.flatMap((p) => p.lesionLabels),
      specimenLabels: procs.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
      procedureIds: procs.map((p) => p.id),
      siteKey: procs[0]?.site?.key,
      spans: procs.flatMap((p) => ctx.spanOf(p)),
      tags: ['destruction', 'benign'],
    });
  },
});

// Reference §2.3: 17260-17286 by site group and diameter.
const MALIGNANT: Record<LesionGroup, string[]> = {
  A: ['17260', '17261', '17262', '17263', '17264', '17266'],
  B: ['17270', '17271', '17272', '17273', '17274', '17276'],
  C: ['17280', '17281', '17282', '17283', '17284', '17286'],
};

export const destructionMalignant = defineRule({
  id: 'destruction/malignant-diameter',
  family: 'destruction',
  phase: 'code',
  title: 'Malignant lesions: one 17260-17286 code per lesion by site group and diameter',
  explain:
    'Each destroyed malignant lesion is its own line, coded by its site group (A trunk/arms/legs, B scalp/neck/hands/feet/genitalia, C face/ears/eyelids/nose/lips/mucosa) and its diameter. ' +
    'CPT speaks of the lesion diameter; some guidance uses the final curettage defect, so when only the defect is documented DermLens uses it and says so. ' +
    'When the lesion was biopsied at the same visit the line waits for pathology: benign means no malignant destruction is reported.',
  references: [
    'CPT 17260-17286',
    'AAD Elston 2012 (curettage defect)',
    'AAD "When can I bill a biopsy with another procedure" (2012)',
    'Coding reference §2.3',
  ],
  status: 'stable',
  codes: Object.values(MALIGNANT).flat(),
  apply(ctx) {
    for (const { p, cls, decision } of classifiedDestructions(ctx)) {
      if (cls !== 'malignant') continue;
      for (const label of lesionsOf(p)) {
        const name = describeProcedure(p, label);
        const target = label ?? p.specimenLabel;
        const lesionCm = diameterOf(ctx, p, label);
        const defectCm = lesionsOf(p).length === 1 ? (p.defectDiameterCm ?? p.excisedDiameterCm) : undefined;
        const diameter = lesionCm ?? defectCm;
        const benignPath = decision?.fate === 'cd-benign';
        // Benign pathology: nothing will be reported, so missing size or site is not worth a prompt.
        const group = benignPath ? lesionGroup(p.site?.key) : lesionGroupFor(ctx, p, '17260-17286', label);
        if (benignPath && (!diameter || !group)) continue;
        if (diameter === undefined || diameter === 0) {
          ctx.report({
            severity: 'error',
            message: `Malignant destruction ${name}: lesion diameter not documented, so no 17260-17286 size band can be chosen.`,
            target,
            fix: 'Document the lesion diameter in cm (and the final curettage defect if measured).',
            span: p.span,
          });
          continue;
        }
        if (!group) continue;
        const bands = bandsOf(SIX_DIAMETER_BOUNDS_CM, MALIGNANT[group]);
        const code = lookupBand(diameter, bands) as string;
        const held = decision?.fate === 'cd-held';
        const line = ctx.addLine({
          code,
          ...lineRefs(ctx, p, label ? [label] : []),
          status: held ? 'held-for-pathology' : 'ready',
          tags: ['destruction', 'malignant'],
        });
        if (benignPath) {
          // §2.3 [V]: biopsy + C&D of the same lesion, pathology benign → only the biopsy is reported.
          ctx.removeLine(line, 'Pathology of the same-day biopsy is not malignant: only the biopsy is reported, not a malignant destruction.');
          continue;
        }
        if (lesionCm === undefined) {
          ctx.report({
            severity: 'info',
            message: `Malignant destruction ${name}: only the curettage defect (${diameter} cm) is documented; coded on it. CPT speaks of the lesion diameter, and which measure payers expect is unsettled.`,
            target,
            fix: 'Document the lesion diameter before curettage as well.',
            span: p.span,
          });
        } else if (defectCm !== undefined && lookupBand(defectCm, bands) !== code) {
          ctx.report({
            severity: 'info',
            message: `Malignant destruction ${name}: coded on the lesion diameter ${lesionCm} cm (${bandLabel(lesionCm, SIX_DIAMETER_BOUNDS_CM)}); the curettage defect ${defectCm} cm would fall in another band. Which measure to use is unsettled: verify payer policy.`,
            target,
            span: p.span,
          });
        }
      }
    }
  },
});

/** Lesion nouns in the singular. */
const SINGULAR_LESION =
  "(?:sk|isk|ak|wart|verruca|lesion|papule|seborrheic\\s+keratosis|actinic\\s+keratosis|keratosis|nodule|growth|acrochordon|skin\\s+tag|milium|lentigo|angioma|hemangioma)\\b(?!['’]?s\\b)";
/**
 * One lesion named in the singular with an article ("the wart", "a 4 mm papule") or with its one size ("Inflamed SK,
 * R flank 0.8 cm"); a bare "LN2 to AK" may name the condition, not one lesion.
 */
const ONE_LESION = new RegExp(`\\b(?:a|an|one|single|the|this)\\s+(?:[\\w.-]+\\s+){0,3}?${SINGULAR_LESION}`, 'i');
const SINGULAR = new RegExp(`\\b${SINGULAR_LESION}`, 'i');
const SIZE = /\b\d+(?:\.\d+)?\s*(?:cm|mm)\b/gi;
/** Any plural or collective lesion word, a vague plural, or "each": more than one lesion may have been treated. */
const MANY_LESIONS =
  /\b(?:sks|isks|aks|warts|verrucae|lesions|papules|keratoses|nodules|growths|acrochordons|tags|milia|lentigines|angiomas|hemangiomas|molluscum|mollusca|condylomata?|each|all|both|multiple|several|numerous|many|few|scattered)\b/i;

/** The destruction names exactly one lesion in words. */
function namesOneLesion(text: string): boolean {
  if (MANY_LESIONS.test(text)) return false;
  return ONE_LESION.test(text) || (SINGULAR.test(text) && (text.match(SIZE) ?? []).length === 1);
}

export const destructionCountDocumented = defineRule({
  id: 'destruction/count-documented',
  family: 'destruction',
  phase: 'code',
  title: 'Destructions need a lesion count',
  explain:
    'Premalignant destructions are coded per lesion and benign destructions and skin tags change code at 15 lesions, so the count must be documented. ' +
    'When the note says only "multiple" or "several", or gives no number, DermLens codes the smallest count it can be sure of and asks for the number.',
  references: ['CPT 17000-17111, 11200/11201', 'Coding reference §14 (measurements required)'],
  status: 'stable',
  apply(ctx) {
    const counted = [
      ...classifiedDestructions(ctx)
        .filter((c) => c.cls !== 'malignant')
        .map((c) => c.p),
      ...ctx.performed('skin-tag-removal'),
    ];
    for (const p of counted) {
      const c = countOf(p);
      if (c.how === 'documented' || c.how === 'labels') continue;
      // "Inflamed SK, R flank 0.8 cm … LN2 x 2 cycles": one lesion named in the singular is a count of one.
      if (c.how === 'missing' && namesOneLesion(p.text)) continue;
      const codes = p.kind === 'skin-tag-removal' ? '11200/11201' : '17000-17004 / 17110-17111';
      ctx.report({
        severity: 'warning',
        message:
          c.how === 'vague'
            ? `Destruction ${describeProcedure(p)}: number of lesions not given as a number ("multiple"/"several"); coded for the minimum certain count of ${c.n}.`
            : `Destruction ${describeProcedure(p)}: number of lesions not documented; coded for 1 lesion.`,
        target: p.lesionLabels[0] ?? p.specimenLabel,
        fix: `Document the exact number of lesions treated; it decides ${codes}.`,
        span: p.span,
      });
    }
  },
});

export const destructionSkinTags = defineRule({
  id: 'destruction/skin-tags',
  family: 'destruction',
  phase: 'code',
  title: 'Skin tags: 11200 for up to 15, +11201 per additional 10 or part of 10',
  explain:
    'Removal of skin tags by any method is 11200 for the first 15 tags, plus 11201 for each additional 10 tags or part of 10: 18 tags are 11200 + 11201×1, 26 tags are 11200 + 11201×2. ' +
    'Skin tags are never coded with the benign excision or shave codes.',
  references: ['CPT 11200/11201', 'Coding reference §2.2'],
  status: 'stable',
  codes: ['11200', '11201'],
  apply(ctx) {
    const procs = ctx.performed('skin-tag-removal');
    if (procs.length === 0) return;
    const n = procs.reduce((sum, p) => sum + countOf(p).n, 0);
    const refs = {
      lesionLabels: procs.flatMap((p) => p.lesionLabels),
      specimenLabels: procs.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
      procedureIds: procs.map((p) => p.id),
      siteKey: procs[0]?.site?.key,
      spans: procs.flatMap((p) => ctx.spanOf(p)),
    };
    ctx.addLine({ code: '11200', ...refs, tags: ['destruction', 'skin-tags'] });
    if (n > 15) ctx.addLine({ code: '11201', units: Math.ceil((n - 15) / 10), ...refs, tags: ['destruction', 'skin-tags', 'add-on'] });
  },
});

export const destructionVascular = defineRule({
  id: 'destruction/vascular-area',
  family: 'destruction',
  phase: 'code',
  title: 'Vascular proliferative lesions: 17106/17107/17108 by treated area',
  explain:
    'Destruction of cutaneous vascular proliferative lesions (for example by laser) is coded by the area treated: under 10 sq cm (17106), 10.0 to 50.0 sq cm (17107), over 50.0 sq cm (17108). ' +
    'Without a documented area no code can be chosen.',
  references: ['CPT 17106-17108', 'Coding reference §2.2'],
  status: 'stable',
  codes: ['17106', '17107', '17108'],
  apply(ctx) {
    const procs = ctx.performed('vascular-laser');
    if (procs.length === 0) return;
    const missing = procs.filter((p) => p.areaSqCm === undefined || p.areaSqCm === 0);
    for (const p of missing) {
      // A cosmetic laser gets no CPT line (cosmetic/self-pay bills it from the practice's fee schedule): no area to ask for.
      if (cosmeticRoute(ctx, p)?.kind === 'cosmetic') continue;
      ctx.report({
        severity: 'error',
        message: `Vascular lesion destruction ${describeProcedure(p)}: treated area not documented, so 17106/17107/17108 cannot be chosen.`,
        target: p.lesionLabels[0],
        fix: 'Document the treated area in sq cm (under 10 → 17106; 10.0-50.0 → 17107; over 50.0 → 17108).',
        span: p.span,
      });
    }
    const measured = procs.filter((p) => !missing.includes(p));
    if (measured.length === 0) return;
    const area = measured.reduce((sum, p) => sum + (p.areaSqCm ?? 0), 0);
    const code = lookupBand(area, [{ max: 9.9, value: '17106' }, { max: 50.0, value: '17107' }, { value: '17108' }]) as string;
    if (measured.length > 1) {
      ctx.report({
        severity: 'info',
        message: `Vascular lesion destruction: areas of ${measured.length} treated sites added to ${area} sq cm for one ${code}. Verify that the payer expects the session total.`,
        target: code,
      });
    }
    ctx.addLine({
      code,
      lesionLabels: measured.flatMap((p) => p.lesionLabels),
      procedureIds: measured.map((p) => p.id),
      siteKey: measured[0]?.site?.key,
      spans: measured.flatMap((p) => ctx.spanOf(p)),
      tags: ['destruction', 'vascular'],
    });
  },
});

const DRUG_DEVICE = /\b(cantharidin\w*|ycanth|vp-?102|canthar\w*)\b/i;
/** "cantharidin not used", "declined cantharidin", "no cantharidin": the product named as not used. */
const DRUG_DEVICE_NOT_USED =
  /\b(?:cantharidin\w*|ycanth|vp-?102|canthar\w*)\s+(?:was\s+|is\s+)?(?:not\s+(?:used|applied|given|done)|declined|deferred|unavailable)\b|\b(?:no|declined|deferred|without|instead\s+of)\s+(?:\w+\s+)?(?:cantharidin\w*|ycanth|vp-?102|canthar\w*)\b/gi;

export const destructionDrugDevice = defineRule({
  id: 'destruction/drug-device-product',
  family: 'destruction',
  phase: 'code',
  title: 'Drug-device destruction products (e.g. cantharidin applicators) need their own product code',
  explain:
    'Some destruction products, such as cantharidin applicators for molluscum, are drug-device products with their own HCPCS code. ' +
    'DermLens codes the destruction itself and asks the coder to add the product code and units, which it does not know for certain.',
  references: ['AAD location codes (drug-device products)', 'Coding reference §2.2 [U]'],
  status: 'preview',
  apply(ctx) {
    for (const p of destructions(ctx)) {
      const words = `${p.drug?.name ?? ''} ${p.modality ?? ''} ${p.text}`;
      // A product named only as not used ("cantharidin not used; LN2 to 6 flat warts") is no product of this destruction.
      if (!DRUG_DEVICE.test(words.replace(DRUG_DEVICE_NOT_USED, ' '))) continue;
      ctx.report({
        severity: 'warning',
        message: `Destruction ${describeProcedure(p)} used a drug-device product (cantharidin); its HCPCS product code and units are not in the DermLens catalog.`,
        target: p.lesionLabels[0] ?? p.drug?.name,
        fix: "Add the product's HCPCS code and units from the current HCPCS file and the product label.",
        span: p.span,
      });
    }
  },
});

const PARING_CODES = ['11055', '11056', '11057'];

export const destructionParingSameLesion = defineRule({
  id: 'destruction/paring-same-lesion',
  family: 'destruction',
  phase: 'bundle',
  title: 'Paring a lesion that is then destroyed is part of the destruction',
  explain:
    'Paring or cutting a wart or other hyperkeratotic lesion and then destroying the same lesion is reported as the destruction only. ' +
    'DermLens removes a paring line that covers only destroyed lesions and flags one that mixes them with other pared lesions.',
  references: ['NCCI policy manual (paring + destruction of the same lesion)', 'Coding reference §11.2, §14'],
  status: 'stable',
  codes: PARING_CODES,
  apply(ctx) {
    // Paring first: it is rarer than destruction, and without it there is nothing to compare.
    const paring = ctx.performed('paring');
    if (paring.length === 0) return;
    const destroyed = destructions(ctx);
    if (destroyed.length === 0) return;
    const pared = new Set(paring.filter((p) => destroyed.some((d) => sameLesion(ctx.encounter, p, d))).map((p) => p.id));
    if (pared.size === 0) return;
    for (const line of [...ctx.lines]) {
      if (!PARING_CODES.includes(line.code) && !line.tags.includes('paring')) continue;
      const same = line.procedureIds.filter((id) => pared.has(id));
      if (same.length === 0) continue;
      if (same.length === line.procedureIds.length) {
        ctx.removeLine(line, 'Paring of a lesion destroyed the same day is included in the destruction.');
        ctx.report({
          severity: 'info',
          message: `Paring ${line.code} removed: the same lesion was destroyed, and only the destruction is reported.`,
          target: line.lesionLabels[0] ?? line.code,
        });
      } else {
        ctx.report({
          severity: 'warning',
          message: `Paring ${line.code} counts lesions that were also destroyed; only the lesions pared and not destroyed count for 11055-11057.`,
          target: line.code,
          fix: 'Recount the pared lesions without those destroyed the same day.',
        });
      }
    }
  },
});

export const destructionRules: Rule[] = [
  destructionBaseOfRemovedLesion,
  destructionSiteSpecific,
  destructionTypeDocumented,
  destructionPremalignant,
  destructionBenign,
  destructionMalignant,
  destructionCountDocumented,
  destructionSkinTags,
  destructionVascular,
  destructionDrugDevice,
  destructionParingSameLesion,
];
