import { type HidradenitisGroup, hidradenitisGroup, type LesionGroup } from '../anatomy';
import { bandLabel, bandsOf, lookupBand, roundToTenth, SIX_DIAMETER_BOUNDS_CM } from '../codes/bands';
import { codeInfo } from '../codes/catalog';
import type { PathologyReport, Procedure, RepairLevel } from '../model';
import { isConclusiveReport, isMalignantReport, sameLesion, skinBiopsies } from './biopsy';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import { procedureParagraph, procedureText } from './procedure-text';
import { assessRepairLevel } from './repair';
import { describeProcedure, lesionGroupFor, lineRefs, withSite } from './shave';

// Reference §3.3: each band ≤0.5 / 0.6-1.0 / 1.1-2.0 / 2.1-3.0 / 3.1-4.0 / >4.0 cm.
const BENIGN: Record<LesionGroup, string[]> = {
  A: ['11400', '11401', '11402', '11403', '11404', '11406'],
  B: ['11420', '11421', '11422', '11423', '11424', '11426'],
  C: ['11440', '11441', '11442', '11443', '11444', '11446'],
};
const MALIGNANT: Record<LesionGroup, string[]> = {
  A: ['11600', '11601', '11602', '11603', '11604', '11606'],
  B: ['11620', '11621', '11622', '11623', '11624', '11626'],
  C: ['11640', '11641', '11642', '11643', '11644', '11646'],
};

// Reference §3.5: first code = simple or intermediate repair, second = complex repair.
const HIDRADENITIS: Record<HidradenitisGroup, [string, string]> = {
  axilla: ['11450', '11451'],
  inguinal: ['11462', '11463'],
  'perianal-perineal-umbilical': ['11470', '11471'],
};

/** The pathology report of the excision's own specimen. */
function excisionReport(ctx: RuleContext, p: Procedure): PathologyReport | undefined {
  const label = p.specimenLabel ?? ctx.encounter.specimens.find((s) => s.procedureId === p.id)?.label;
  return ctx.pathologyFor(label);
}

export type MalignancyBasis = 'final-pathology' | 're-excision' | 'prior-biopsy' | 'same-day-biopsy-pathology' | 'benign-pathology' | 'pending';

/** Benign vs malignant for an excision (reference §3.2). */
export function excisionMalignancy(ctx: RuleContext, p: Procedure): { malignant: boolean; basis: MalignancyBasis; report?: PathologyReport } {
  const report = excisionReport(ctx, p);
  // §3.2 [V]: re-excision of a known malignancy stays malignant even with no residual tumor.
  if (p.reExcision && !reExcisedNevus(ctx, p, report)) return { malignant: true, basis: 're-excision', report };
  if (isConclusiveReport(report)) {
    if (isMalignantReport(report)) return { malignant: true, basis: 'final-pathology', report };
  }
  // §3.2 [V]: an earlier biopsy that proved malignancy lets the excision be coded malignant.
  if (p.lesionLabels.some((l) => ctx.lesion(l)?.priorMalignantBiopsy)) return { malignant: true, basis: 'prior-biopsy', report };
  if (saysBiopsyProvenMalignant([p.lesionType, p.text, ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis)].filter(Boolean).join(' '))) {
    return { malignant: true, basis: 'prior-biopsy', report };
  }
  for (const b of skinBiopsies(ctx)) {
    if (sameLesion(ctx.encounter, b, p) && isMalignantReport(ctx.pathologyFor(b.specimenLabel))) {
      return { malignant: true, basis: 'same-day-biopsy-pathology', report };
    }
  }
  if (isConclusiveReport(report)) return { malignant: false, basis: 'benign-pathology', report };
  return { malignant: false, basis: 'pending', report };
}

const NEVUS_WORDS = /\b(?:nev(?:us|i)|dysplastic|atypical\s+(?:\w+\s+)?(?:melanocytic|junctional|compound|lentiginous|proliferation))\b/i;

/**
 * §3.2 [V]: atypia and dysplasia are coded benign. A re-excision of an atypical nevus (margins involved on the
 * shave) is not a re-excision of a known malignancy: with no cancer named anywhere, the final pathology decides.
 */
function reExcisedNevus(ctx: RuleContext, p: Procedure, report: PathologyReport | undefined): boolean {
  const words = [p.lesionType, p.text, p.site?.text, ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis), report?.diagnosisText]
    .filter(Boolean)
    .join(' ');
  if (MALIGNANT_WORDS.test(words) || (report && isMalignantReport(report))) return false;
  return p.lesionType === 'atypical-nevus' || p.lesionType === 'nevus' || NEVUS_WORDS.test(words);
}

const PROVEN = /\b(biopsy|bx)[- ]?(proven|confirmed)\b|\bprevious(ly)? biopsied\b/i;
const MALIGNANT_WORDS = /\b(bcc|scc|sccis|basal cell|squamous cell|carcinoma|melanoma|mis|merkel|dfsp|malignan\w*)\b/i;

/** "Biopsy-proven BCC": the note states a prior biopsy proved a malignancy (when the parser did not set the flag). */
function saysBiopsyProvenMalignant(words: string): boolean {
  return PROVEN.test(words) && MALIGNANT_WORDS.test(words);
}

/** Margins taken wider during the same operation (e.g. after a positive frozen-section margin). */
const WIDENED =
  /\bmargins?\s+(?:was\s+|were\s+)?(?:widened|extended|enlarged|re-?excised)\b|\b(?:final|new)\s+widest\b|\bwidest\s+excised\b|\bfurther\s+margins?\s+(?:taken|excised)\b|\badditional\s+(?:\d+(?:\.\d+)?\s*(?:mm|cm)\s+)?margins?\s+(?:taken|excised)\b/i;

/** Two lesions taken out through one ellipse (§3.1: one excision on the combined size). */
const ONE_ELLIPSE_FOR_TWO =
  /\b(?:a\s+)?(?:single|one|same|common)\s+(?:ellipse|excision|fusiform\s+excision|elliptical\s+excision)\b|\b(?:excised|removed)\s+together\b|\bboth\s+(?:lesions|nevi|cysts)\s+(?:were\s+)?(?:excised|removed)\s+(?:in|through|with)\s+(?:one|a\s+single)\b/i;

/** Excised diameter (§3.1): lesion + 2 × narrowest margin, or the documented excised diameter. */
export function excisedDiameter(
  ctx: RuleContext,
  p: Procedure,
): { sizeCm?: number; source: 'lesion+margins' | 'documented' | 'widened' | 'lesion-no-margin' | 'lesion-margin-missing' | 'missing'; lesionCm?: number } {
  const lesionCm = p.lesionDiameterCm ?? (p.lesionLabels.length === 1 ? ctx.lesion(p.lesionLabels[0])?.clinicalSizeCm : undefined);
  // §3.1 [V]: two lesions through one excision are coded once on the combined size; one lesion's size + margins is
  // not that, so the documented excised diameter of the ellipse is used.
  if (p.excisedDiameterCm !== undefined && p.excisedDiameterCm > 0 && ONE_ELLIPSE_FOR_TWO.test(procedureText(ctx, p))) {
    return { sizeCm: p.excisedDiameterCm, source: 'documented', lesionCm };
  }
  if (lesionCm !== undefined && lesionCm > 0 && p.marginCm !== undefined) {
    const planned = p.marginCm === 0 ? lesionCm : roundToTenth(lesionCm + 2 * p.marginCm);
    // §3.1 [V]: margins widened at the same session after a frozen section → one code on the
    // final widest excised diameter, so a larger documented diameter wins when the note says so.
    if (p.excisedDiameterCm !== undefined && p.excisedDiameterCm > planned && WIDENED.test(procedureText(ctx, p))) {
      return { sizeCm: roundToTenth(p.excisedDiameterCm), source: 'widened', lesionCm };
    }
    if (p.marginCm === 0) return { sizeCm: lesionCm, source: 'lesion-no-margin', lesionCm };
    return { sizeCm: planned, source: 'lesion+margins', lesionCm };
  }
  if (p.excisedDiameterCm !== undefined && p.excisedDiameterCm > 0) return { sizeCm: p.excisedDiameterCm, source: 'documented', lesionCm };
  if (lesionCm !== undefined && lesionCm > 0) return { sizeCm: lesionCm, source: 'lesion-margin-missing', lesionCm };
  return { source: 'missing', lesionCm };
}

const SUBCUTANEOUS = /\b(lipoma|angiolipoma|subcutaneous (tumou?r|mass|nodule|lesion)|subfascial|intramuscular)\b/i;

export const excisionBySizeAndPathology = defineRule({
  id: 'excision/excised-diameter',
  family: 'excision',
  phase: 'code',
  title: 'Excision: one code per excision by site group, excised diameter and final pathology',
  explain:
    'An excision is coded by its site group and its excised diameter: the greatest lesion diameter plus twice the narrowest margin, measured before excising. ' +
    'The ellipse length, the final wound and the pathology specimen size do not count. Benign or malignant comes from the final pathology (in situ counts as malignant), ' +
    'a biopsy that already proved malignancy, or a re-excision of a known malignancy. Until then the benign code is used and the line is held. Two lesions removed through one excision are one code on the combined size.',
  references: [
    'CPT excision guidelines (11400-11646)',
    'AAPC "4 steps for improved excision coding"',
    'AAPC "Lesion coding: the urban myth about adding up sizes"',
    'Coding reference §3.1-§3.3',
  ],
  status: 'stable',
  codes: [...Object.values(BENIGN).flat(), ...Object.values(MALIGNANT).flat()],
  apply(ctx) {
    const excisions = ctx
      .performed('excision')
      .map((p) => withSite(ctx, p))
      .filter((p) => !isHidradenitisExcision(ctx, p)); // HS: excision/hidradenitis
    const widened = widenedSameSession(ctx, excisions);
    for (const p of excisions) {
      const others = widened.get(p.id);
      if (others === null) continue; // folded into the widest excision of the same lesion
      const name = describeProcedure(p);
      const target = p.lesionLabels[0] ?? p.specimenLabel;
      const size = excisedDiameter(ctx, p);
      const group = lesionGroupFor(ctx, p, '11400-11646');
      if (size.sizeCm === undefined) {
        ctx.report({
          severity: 'error',
          message: `Excision ${name}: ${p.marginCm === undefined ? 'lesion size and margins' : 'lesion size'} not documented, so no 114xx/116xx size band can be chosen.`,
          target,
          fix: 'Document the greatest lesion diameter and the narrowest margin in cm (or the excised diameter) before excision to code 114xx/116xx.',
          span: p.span,
        });
        continue;
      }
      if (!group) continue;
      const verdicts = [p, ...(others ?? [])].map((x) => excisionMalignancy(ctx, x));
      const verdict =
        verdicts.find((v) => v.malignant) ?? verdicts.find((v) => v.basis === 'pending') ?? (verdicts[0] as ReturnType<typeof excisionMalignancy>);
      const grid = verdict.malignant ? MALIGNANT : BENIGN;
      const code = lookupBand(size.sizeCm, bandsOf(SIX_DIAMETER_BOUNDS_CM, grid[group])) as string;
      const held = !verdict.malignant && verdict.basis === 'pending';
      const marginMissing = size.source === 'lesion-margin-missing';
      const refs = lineRefs(ctx, p);
      for (const o of others ?? []) {
        refs.procedureIds.push(o.id);
        if (o.specimenLabel && !refs.specimenLabels.includes(o.specimenLabel)) refs.specimenLabels.push(o.specimenLabel);
        refs.spans.push(...ctx.spanOf(o));
      }
      if (others && others.length > 0) {
        ctx.report({
          severity: 'info',
          message: `Excision ${name}: ${others.length + 1} excisions of the same lesion this session (margins widened) coded once on the widest excised diameter, ${size.sizeCm} cm.`,
          target,
          span: p.span,
        });
      }
      const line = ctx.addLine({
        code,
        ...refs,
        status: held || marginMissing ? 'held-for-pathology' : 'ready',
        tags: ['excision', verdict.malignant ? 'malignant' : 'benign', ...(held ? ['pending-pathology'] : []), ...(p.reExcision ? ['re-excision'] : [])],
      });
      if (marginMissing) {
        ctx.report({
          severity: 'warning',
          message: `Excision ${name}: margin not documented; coded on the lesion diameter alone (${size.sizeCm} cm, ${bandLabel(size.sizeCm, SIX_DIAMETER_BOUNDS_CM)}) and held.`,
          target,
          fix: `Document the narrowest margin taken (excised diameter = lesion + 2 × margin); it may move ${line.code} to a larger size band.`,
          span: p.span,
        });
      }
      if (size.source === 'widened') {
        ctx.report({
          severity: 'info',
          message: `Excision ${name}: margins were widened at the same session, so it is one excision coded on the final widest excised diameter ${size.sizeCm} cm.`,
          target,
          span: p.span,
        });
      }
      if (size.source === 'lesion+margins' && p.excisedDiameterCm !== undefined && Math.abs(roundToTenth(p.excisedDiameterCm) - (size.sizeCm ?? 0)) >= 0.1) {
        ctx.report({
          severity: 'info',
          message: `Excision ${name}: documented excised diameter ${p.excisedDiameterCm} cm differs from lesion ${size.lesionCm} cm + 2 × margin ${p.marginCm} cm = ${size.sizeCm} cm; coded on ${size.sizeCm} cm.`,
          target,
          fix: 'Correct whichever measurement is wrong; the code follows lesion + 2 × narrowest margin.',
          span: p.span,
        });
      }
    }
  },
});

/**
 * §3.1 [V]: margins widened at the same session (e.g. after a frozen section) are one
 * excision coded on the final widest excised diameter. Excisions sharing a lesion label
 * are grouped; the widest keeps the others (map value), the rest map to null.
 */
function widenedSameSession(ctx: RuleContext, excisions: Procedure[]): Map<string, Procedure[] | null> {
  const out = new Map<string, Procedure[] | null>();
  const seen = new Set<string>();
  for (const p of excisions) {
    if (seen.has(p.id) || p.lesionLabels.length === 0) continue;
    const labels = new Set(p.lesionLabels.map((l) => l.toUpperCase()));
    const group = excisions.filter((q) => !seen.has(q.id) && q.lesionLabels.some((l) => labels.has(l.toUpperCase())));
    if (group.length < 2) continue;
    for (const q of group) seen.add(q.id);
    keepWidest(ctx, group, out);
  }
  // "An additional 4 mm was taken at the superior margin (specimen B)": margin taken wider at the site of the excision just
  // before it is a step of that excision, whatever lesion the parser gave the extra tissue.
  excisions.forEach((q, k) => {
    if (seen.has(q.id) || !q.site?.key || !WIDENING_STEP.test(q.text)) return;
    const before = excisions
      .slice(0, k)
      .reverse()
      .find((x) => x.site?.key === q.site?.key && (x.site?.laterality ?? '') === (q.site?.laterality ?? ''));
    if (!before || out.get(before.id) === null) return;
    const group = [before, ...(out.get(before.id) ?? []), q];
    for (const x of group) seen.add(x.id);
    keepWidest(ctx, group, out);
  });
  return out;
}

/** "An additional 4 mm (was) taken at the superior margin", "a further margin excised", "re-excised the lateral margin". */
const WIDENING_STEP =
  /\b(?:additional|further|extra)\s+(?:\d+(?:\.\d+)?\s*(?:mm|cm)\s+)?(?:(?:of\s+)?(?:tissue|margin)\s+)?(?:was\s+|were\s+)?(?:taken|excised|removed)\b[^.;\n]{0,40}\bmargin|\bre-?excis\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?margin\b/i;

/** The group's widest excision keeps the others (map value); the rest map to null. */
function keepWidest(ctx: RuleContext, group: Procedure[], out: Map<string, Procedure[] | null>): void {
  const widest = group.reduce((a, b) => ((excisedDiameter(ctx, b).sizeCm ?? 0) > (excisedDiameter(ctx, a).sizeCm ?? 0) ? b : a));
  for (const q of group) out.set(q.id, q === widest ? group.filter((x) => x !== widest) : null);
}

export const excisionPendingPathology = defineRule({
  id: 'excision/pending-pathology',
  family: 'excision',
  phase: 'code',
  title: 'Excision before final pathology: benign code, held',
  explain:
    'Whether an excision is coded benign (114xx) or malignant (116xx) depends on the final pathology. Without a signed report and without an earlier biopsy that proved malignancy, ' +
    'the benign code is the default, and the line is held so it can change to the malignant code of the same size if the lesion turns out malignant or in situ.',
  references: ['AAPC "Skin lesion excisions" (hold for pathology)', 'Coding reference §3.2'],
  status: 'stable',
  codes: [...Object.values(BENIGN).flat()],
  apply(ctx) {
    for (const line of ctx.lines) {
      if (line.family !== 'excision' || !line.tags.includes('pending-pathology')) continue;
      const p = ctx.encounter.procedures.find((x) => line.procedureIds.includes(x.id));
      const i = Object.values(BENIGN).findIndex((codes) => codes.includes(line.code));
      const group = (['A', 'B', 'C'] as const)[i];
      const malignantCode = group ? MALIGNANT[group][BENIGN[group].indexOf(line.code)] : undefined;
      ctx.report({
        severity: 'warning',
        message: `Excision ${p ? describeProcedure(p) : line.code}: no final pathology and no prior biopsy proof, so coded benign (${line.code}) and held; if pathology is malignant or in situ the line becomes ${malignantCode ?? 'the malignant code of the same size'}.`,
        target: line.lesionLabels[0] ?? line.specimenLabels[0],
        fix: 'Hold the claim until the pathology report is signed, or document a prior biopsy that proved malignancy.',
        span: p?.span,
      });
    }
  },
});

export const excisionSubcutaneousTumor = defineRule({
  id: 'excision/subcutaneous-tumor',
  family: 'excision',
  phase: 'code',
  title: 'Subcutaneous tumors may fit the soft-tissue excision codes better',
  explain:
    'Skin excision codes describe lesions of the skin. A tumor confined to the subcutis or deeper, such as a lipoma, may be better described by the musculoskeletal soft-tissue excision codes of that body area. ' +
    'DermLens keeps the skin excision line and asks the coder to check.',
  references: ['Alam, Cutis (skin vs soft-tissue excision)', 'Coding reference §3.3'],
  status: 'stable',
  apply(ctx) {
    for (const p of ctx.performed('excision')) {
      const words = [p.lesionType, p.text, ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis)].filter(Boolean).join(' ');
      if (!SUBCUTANEOUS.test(words)) continue;
      ctx.report({
        severity: 'info',
        message: `Excision ${describeProcedure(p)}: a subcutaneous or deeper tumor (e.g. lipoma) may be better described by the soft-tissue excision codes of the body area than by skin excision codes.`,
        target: p.lesionLabels[0] ?? p.specimenLabel,
        fix: 'Document the depth (confined to the subcutis / subfascial) and the tumor size, and check the musculoskeletal soft-tissue excision codes.',
        span: p.span,
      });
    }
  },
});

const STAGED_WORDS = /\b(staged|within (the )?(\d+-day )?global|in the global)\b/i;
const NOT_IN_GLOBAL =
  /\b(?:not|no longer)\s+(?:with)?in\s+(?:the\s+)?(?:\d+-day\s+)?global|\boutside\s+(?:of\s+)?(?:the\s+)?(?:\d+-day\s+)?global|\bnot\s+staged\b/i;

/**
 * A history line such as "Returns for planned re-excision within the global period": one sentence
 * that names the re-excision and says it is staged/planned inside a global period.
 */
function noteSaysStagedReExcision(ctx: RuleContext): boolean {
  for (const text of Object.values(ctx.encounter.sections)) {
    for (const sentence of text.split(/(?<=[.;])\s+|\n/)) {
      if (/\bre-?excision\b/i.test(sentence) && STAGED_WORDS.test(sentence) && !NOT_IN_GLOBAL.test(sentence)) return true;
    }
  }
  return false;
}

export const excisionStagedReExcision = defineRule({
  id: 'excision/staged-re-excision',
  family: 'excision',
  phase: 'modify',
  title: "Re-excision inside the first excision's global period takes modifier 58",
  explain:
    "A planned re-excision of a malignancy (for example for positive margins) is a staged or related procedure. When it falls inside the first procedure's global period, modifier 58 is added so the payer does not deny it as included post-operative care.",
  references: ['CPT modifier 58 definition', 'AAPC "Skin lesion excisions" (re-excision)', 'Coding reference §3.2, §10.3'],
  status: 'stable',
  codes: ['58'],
  apply(ctx) {
    const postOpOfVisit = ctx.encounter.visit.postOpOf;
    for (const line of ctx.lines) {
      if (line.family !== 'excision' || !line.tags.includes('re-excision')) continue;
      const p = ctx.encounter.procedures.find((x) => line.procedureIds.includes(x.id));
      const saysStaged = STAGED_WORDS.test(p?.text ?? '') || noteSaysStagedReExcision(ctx);
      // "Re-excision of MIS L cheek (excised 10/01/2026, margins positive)": the first excision's date is in the
      // note; excisions 11400-11646 carry a 010 global (§10.2).
      // "Indication: MIS … excised here 11/16/2026 (11602) …" a line above "Procedure: Re-excision": its paragraph.
      const firstExcised = postOpOfVisit || !p ? undefined : (firstExcisionDate(p.text) ?? firstExcisionDate(procedureParagraph(ctx, p, 'paragraph')));
      const postOp = postOpOfVisit ?? (firstExcised ? { date: firstExcised, global: '010' as const } : undefined);
      if (!postOp && !saysStaged) continue;
      if (postOpOfVisit?.related === false) continue;
      const window = inGlobal(postOp, ctx.dateOfService);
      if (window === 'outside' && !saysStaged) continue;
      if (window === 'unknown' && !saysStaged && postOp?.date) {
        ctx.report({
          severity: 'warning',
          message: `Re-excision ${line.code}: prior procedure on ${postOp.date} — cannot tell whether today is inside its global period.`,
          target: line.lesionLabels[0],
          fix: "Document the first procedure's code; add 58 if today is inside its global period.",
        });
        continue;
      }
      ctx.addModifier(line, '58');
    }
  },
});

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}

/** Whether the date of service falls in the prior procedure's global period (§10.2). */
/** "(excised 10/01/2026, margins positive)", "excision on 2026-10-01": the date the lesion was first excised. */
function firstExcisionDate(text: string): string | undefined {
  const m = /\b(?:excised|excision|wle)\s+(?:here\s+)?(?:on\s+)?(?:(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})|(\d{4}-\d{2}-\d{2}))\b/i.exec(text);
  if (!m) return undefined;
  if (m[4]) return m[4];
  const year = (m[3] as string).length === 2 ? `20${m[3]}` : (m[3] as string);
  return `${year}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
}

function inGlobal(postOp: { code?: string; date?: string; global?: string } | undefined, dos: string | undefined): 'inside' | 'outside' | 'unknown' {
  if (!postOp?.date || !dos) return 'inside'; // the note put today in a post-op period without dates: trust it
  const days = daysBetween(postOp.date, dos);
  if (days === undefined) return 'inside';
  const global = postOp.global ?? (postOp.code ? codeInfo(postOp.code)?.global : undefined);
  const length = global === '000' ? 0 : global === '010' ? 10 : global === '090' ? 90 : undefined;
  if (length === undefined) return days > 90 ? 'outside' : days <= 10 ? 'inside' : 'unknown';
  return days <= length ? 'inside' : 'outside';
}

/**
 * Repair level for a hidradenitis excision: from its own repair documentation, or a
 * same-lesion/same-site repair's, judged by the CPT 2020 repair definitions (§4.1)
 * the repair rules use, so "complex" needs a complex criterion here too.
 */
function hidradenitisRepair(ctx: RuleContext, p: Procedure): { level?: RepairLevel; stated?: RepairLevel; missing: string[] } {
  const own = p.repairLevel || p.repairFeatures ? p : undefined;
  const source = own ?? ctx.performed('repair').find((r) => (r.repairLevel || r.repairFeatures) && sameLesion(ctx.encounter, r, p));
  if (!source) return { missing: [] };
  const a = assessRepairLevel(source);
  if (a.undocumented) return { missing: [] };
  return { level: a.level, stated: a.stated, missing: a.missing };
}

/** An excision the note calls hidradenitis at a hidradenitis code site is coded as one (§3.5). */
export function isHidradenitisExcision(ctx: RuleContext, p: Procedure): boolean {
  if (p.kind === 'hidradenitis-excision') return true;
  if (p.kind !== 'excision' || !hidradenitisGroup(p.site?.key)) return false;
  const words = [p.lesionType, ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis)].filter(Boolean).join(' ');
  return /\bhidradenitis\b/i.test(words) || /\b(excision of (the )?hidradenitis|hidradenitis (excision|sinus\w*))\b/i.test(p.text);
}

export const hidradenitisBySiteAndRepair = defineRule({
  id: 'excision/hidradenitis',
  family: 'excision',
  phase: 'code',
  title: 'Hidradenitis excision: code by site and repair type',
  explain:
    'Excision of hidradenitis skin and subcutaneous tissue has its own codes by site: axilla (11450/11451), groin (11462/11463) and perianal, perineal or umbilical (11470/11471). ' +
    'The first code of each pair includes a simple or intermediate repair, the second a complex repair, so the repair is not coded separately. ' +
    'The 11400-series benign excision codes are not used for hidradenitis.',
  references: ['CPT 11450-11471', 'AAPC "Hidradenitis suppurativa: diagnosis, treatment and coding"', 'Coding reference §3.5'],
  status: 'stable',
  codes: Object.values(HIDRADENITIS).flat(),
  apply(ctx) {
    for (const p of ctx
      .performed('hidradenitis-excision', 'excision')
      .map((x) => withSite(ctx, x))
      .filter((x) => isHidradenitisExcision(ctx, x))) {
      const name = describeProcedure(p);
      const target = p.lesionLabels[0] ?? p.specimenLabel;
      const group = hidradenitisGroup(p.site?.key);
      if (!group) {
        ctx.report({
          severity: 'error',
          message: `Hidradenitis excision ${name}: site ${p.site?.text ? `"${p.site.text}" is not axilla, groin, perianal, perineal or umbilical` : 'not documented'}, so no 11450-11471 code can be chosen.`,
          target,
          fix: 'Document the site (axilla, inguinal, perianal, perineal or umbilical); other sites need review (unlisted or skin/soft-tissue excision codes).',
          span: p.span,
        });
        continue;
      }
      const { level, stated, missing } = hidradenitisRepair(ctx, p);
      const pair = HIDRADENITIS[group];
      const code = level === 'complex' ? pair[1] : pair[0];
      if (stated === 'complex' && level !== 'complex') {
        ctx.report({
          severity: 'warning',
          message: `Hidradenitis excision ${name}: complex repair stated but not supported (${missing.join('; ')}); coded ${pair[0]}.`,
          target,
          fix: `Document what made the repair complex (e.g. extensive undermining, retention sutures over a layered closure) to code ${pair[1]}.`,
          span: p.span,
        });
      }
      if (!level) {
        ctx.report({
          severity: 'warning',
          message: `Hidradenitis excision ${name}: repair type not documented; coded ${pair[0]} (simple or intermediate repair).`,
          target,
          fix: `Document the repair (simple, layered/intermediate, or complex); a complex repair is coded ${pair[1]}.`,
          span: p.span,
        });
      }
      const sides = p.site?.laterality === 'bilateral' && group !== 'perianal-perineal-umbilical' ? ['RT', 'LT'] : [undefined];
      for (const side of sides) {
        ctx.addLine({ code, ...lineRefs(ctx, p), modifiers: side ? [side] : [], tags: ['excision', 'hidradenitis', 'includes-repair'] });
      }
    }
  },
});

export const hidradenitisIncludesRepair = defineRule({
  id: 'excision/hidradenitis-includes-repair',
  family: 'excision',
  phase: 'bundle',
  title: 'The repair of a hidradenitis excision is inside the hidradenitis code',
  explain:
    'Each hidradenitis excision code names its repair (simple/intermediate or complex), so a separate repair line for the same wound would code the closure twice. ' +
    'DermLens removes a repair line that only covers hidradenitis wounds and flags a repair line that mixes them with other wounds.',
  references: ['CPT 11450-11471 (repair type in the descriptor)', 'Coding reference §3.5'],
  status: 'stable',
  codes: ['12001', '12031', '13100'],
  apply(ctx) {
    const hs = ctx.performed('hidradenitis-excision', 'excision').filter((p) => isHidradenitisExcision(ctx, p));
    if (hs.length === 0) return;
    const covered = new Set(
      ctx
        .performed('repair')
        .filter((r) => hs.some((h) => sameLesion(ctx.encounter, r, h)))
        .map((r) => r.id),
    );
    if (covered.size === 0) return;
    for (const line of [...ctx.lines]) {
      if (line.family !== 'repair' || line.procedureIds.length === 0) continue;
      const mine = line.procedureIds.filter((id) => covered.has(id));
      if (mine.length === 0) continue;
      if (mine.length === line.procedureIds.length) {
        ctx.removeLine(line, 'Repair of a hidradenitis excision wound is included in 11450-11471.');
        ctx.report({
          severity: 'info',
          message: `Repair ${line.code} removed: the hidradenitis excision code already includes the repair of that wound.`,
          target: line.lesionLabels[0] ?? line.code,
        });
      } else {
        ctx.report({
          severity: 'warning',
          message: `Repair ${line.code} adds a hidradenitis wound to other wounds; the hidradenitis repair is included in 11450-11471 and its length should not be summed.`,
          target: line.code,
          fix: 'Remove the hidradenitis wound length from the repair line.',
        });
      }
    }
  },
});

export const excisionRules: Rule[] = [
  excisionBySizeAndPathology,
  excisionPendingPathology,
  excisionSubcutaneousTumor,
  hidradenitisBySiteAndRepair,
  hidradenitisIncludesRepair,
  excisionStagedReExcision,
];
