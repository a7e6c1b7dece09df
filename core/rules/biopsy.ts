import { siteInfo } from '../anatomy';
import type { Encounter, PathologyReport, Procedure } from '../model';
import { cosmeticRoute } from './cosmetic';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import { oncePerEncounter } from './per-encounter';

const BIOPSY_KINDS = ['biopsy-tangential', 'biopsy-punch', 'biopsy-incisional', 'biopsy-unspecified'] as const;

/** Procedures that make a same-lesion biopsy part of themselves (CPT biopsy guideline; NCCI policy §11.2). */
export const DEFINITIVE_KINDS = [
  'excision',
  'hidradenitis-excision',
  'shave-removal',
  'destruction-premalignant',
  'destruction-benign',
  'destruction-malignant',
  'destruction-unspecified',
  'mohs',
] as const satisfies readonly Procedure['kind'][];

/** Curettage-and-destruction kinds where "wait for pathology" applies (reference §2.3). */
const CD_KINDS: readonly Procedure['kind'][] = ['destruction-malignant', 'destruction-unspecified'];

/** Technique rank for the primary code: incisional > punch > tangential (CPT 2019). */
const TECHNIQUE = {
  'biopsy-incisional': { rank: 3, primary: '11106', addOn: '11107', word: 'incisional' },
  'biopsy-punch': { rank: 2, primary: '11104', addOn: '11105', word: 'punch' },
  'biopsy-tangential': { rank: 1, primary: '11102', addOn: '11103', word: 'tangential' },
} as const;
type TechniqueKind = keyof typeof TECHNIQUE;

interface SiteCode {
  code: string;
  addOn?: string;
  what: string;
}

/** Site-specific codes that replace 11102-11107 (reference §1.3). Tongue is chosen by part, below. */
const SITE_SPECIFIC: Record<string, SiteCode> = {
  'lip-vermilion': { code: '40490', what: 'lip vermilion/mucosa' },
  'oral-mucosa': { code: '40808', what: 'oral vestibule mucosa' },
  'floor-of-mouth': { code: '41108', what: 'floor of mouth' },
  'ear-canal': { code: '69105', what: 'external ear canal' },
  nail: { code: '11755', what: 'nail unit' },
  penis: { code: '54100', what: 'penis' },
  vulva: { code: '56605', addOn: '56606', what: 'vulva/perineum' },
  perineum: { code: '56605', addOn: '56606', what: 'vulva/perineum' },
  intranasal: { code: '30100', what: 'intranasal' },
};

const POSTERIOR_TONGUE = /\b(posterior|base|back|rear)\b/i;

export function siteSpecificBiopsy(p: Procedure): SiteCode | undefined {
  const info = siteInfo(p.site?.key);
  if (!info) return undefined;
  if (info.special === 'tongue') {
    // §1.3: 41100 anterior two-thirds, 41105 posterior one-third.
    const words = `${p.site?.subsite ?? ''} ${p.site?.text ?? ''}`;
    return POSTERIOR_TONGUE.test(words) ? { code: '41105', what: 'tongue, posterior third' } : { code: '41100', what: 'tongue, anterior two-thirds' };
  }
  if (info.special && SITE_SPECIFIC[info.special]) return SITE_SPECIFIC[info.special];
  // External ear (auricle incl. helix) has its own biopsy code, 69100.
  if (info.subunit === 'ear' && info.region === 'face') return { code: '69100', what: 'external ear' };
  return undefined;
}

/** Eyelid biopsies that go to 67810 (lid margin, or incisional). */
function isEyelid67810(p: Procedure): boolean {
  const info = siteInfo(p.site?.key);
  return info?.subunit === 'eyelid' && (info.special === 'eyelid-margin' || p.kind === 'biopsy-incisional');
}

/** Biopsies of the same lesion as a larger same-day procedure are handled by biopsy/same-lesion-bundled. */
export function skinBiopsies(ctx: { performed: (...k: Procedure['kind'][]) => Procedure[] }): Procedure[] {
  return ctx.performed(...BIOPSY_KINDS);
}

// ---------------------------------------------------------------------------
// Same lesion
// ---------------------------------------------------------------------------

const upper = (s: string) => s.trim().toUpperCase();

/** Lesion labels of a procedure, falling back to the lesion its specimen was taken from. */
export function lesionLabelsOf(encounter: Encounter, p: Procedure): string[] {
  if (p.lesionLabels.length > 0) return p.lesionLabels;
  if (!p.specimenLabel) return [];
  const specimen = encounter.specimens.find((s) => upper(s.label) === upper(p.specimenLabel as string));
  return specimen?.lesionLabel ? [specimen.lesionLabel] : [];
}

export type SameLesionBasis = 'label' | 'specimen' | 'site';

/**
 * Whether two procedures treated the same lesion: a shared lesion label, the same
 * specimen label, or, when lesion labels are absent, the same site and laterality
 * (the caller says so in a finding: a site-only match is a guess the user must confirm).
 */
export function sameLesion(encounter: Encounter, a: Procedure, b: Procedure, labels?: LabelReader): SameLesionBasis | undefined {
  const basis = labelMatch(encounter, a, b, labels);
  if (basis === null) return undefined; // both labelled, different labels
  if (basis) return sitesConflict(a, b) ? undefined : basis;
  const ka = a.site?.key;
  const kb = b.site?.key;
  if (ka && kb) return ka === kb && a.site?.laterality === b.site?.laterality ? 'site' : undefined;
  const ta = a.site?.text.trim().toLowerCase();
  const tb = b.site?.text.trim().toLowerCase();
  if (!ka && !kb && ta && tb && ta === tb && a.site?.laterality === b.site?.laterality) return 'site';
  return undefined;
}

/** A procedure's lesion labels (lesionLabelsOf), upper-cased for comparison. */
export type LabelReader = (p: Procedure) => string[];

/** A LabelReader that reads each procedure once: for callers comparing many pairs in one encounter. */
export function labelReader(encounter: Encounter): LabelReader {
  const read = new Map<Procedure, string[]>();
  return (p) => {
    let labels = read.get(p);
    if (!labels) {
      labels = lesionLabelsOf(encounter, p).map(upper);
      read.set(p, labels);
    }
    return labels;
  };
}

/** Label evidence: a basis, null when both are labelled differently, undefined when labels say nothing. */
function labelMatch(encounter: Encounter, a: Procedure, b: Procedure, labels?: LabelReader): SameLesionBasis | null | undefined {
  if (a.specimenLabel && b.specimenLabel && upper(a.specimenLabel) === upper(b.specimenLabel)) return 'specimen';
  const la = labels ? labels(a) : lesionLabelsOf(encounter, a).map(upper);
  const lb = labels ? labels(b) : lesionLabelsOf(encounter, b).map(upper);
  if (la.length > 0 && lb.length > 0 && la.some((l) => lb.includes(l))) return 'label';
  // Notes often say "specimen A" for the biopsy and "lesion A" for what was done next. A number is no such bridge
  // ("1. Cryotherapy … 2. Shave biopsy R shoulder, specimen #1": item 1 is not specimen 1), nor are two named sites.
  const bridge = (x: Procedure, other: string[]) => !!x.specimenLabel && !/^\d+$/.test(x.specimenLabel.trim()) && other.includes(upper(x.specimenLabel));
  const sitesDiffer = !!a.site?.key && !!b.site?.key && a.site.key !== b.site.key;
  if (!sitesDiffer && (bridge(a, lb) || bridge(b, la))) return 'specimen';
  if (la.length > 0 && lb.length > 0) return null;
  return undefined;
}

/** Shared labels but sites in different body regions or on opposite sides: not one lesion. */
export function sitesConflict(a: Procedure, b: Procedure): boolean {
  const ia = siteInfo(a.site?.key);
  const ib = siteInfo(b.site?.key);
  if (ia && ib && ia.region !== ib.region) return true;
  const sa = a.site?.laterality;
  const sb = b.site?.laterality;
  const sided = (x: string | undefined) => x === 'left' || x === 'right';
  return sided(sa) && sided(sb) && sa !== sb;
}

/** Same label, contradicting sites: the label evidence was overruled (the caller asks the user). */
export function labelledButConflicting(encounter: Encounter, a: Procedure, b: Procedure, labels?: LabelReader): boolean {
  const basis = labelMatch(encounter, a, b, labels);
  return !!basis && sitesConflict(a, b);
}

// ---------------------------------------------------------------------------
// Biopsy plan: which biopsies are reported, bundled or held
// ---------------------------------------------------------------------------

export type BiopsyFate =
  /** Different lesion from any same-day definitive procedure (or none was done). */
  | 'separate'
  /** Same lesion as a definitive procedure and not decision-driving: no biopsy line. */
  | 'bundled'
  /** Read immediately; its result drove the larger procedure: reported with the distinct modifier. */
  | 'diagnostic-before-definitive'
  /** Biopsy + C&D of the same lesion, pathology benign: only the biopsy is reported. */
  | 'cd-benign'
  /** Biopsy + C&D of the same lesion, no pathology yet: both lines held. */
  | 'cd-held';

export interface BiopsyDecision {
  biopsy: Procedure;
  fate: BiopsyFate;
  /** The definitive procedures of the same lesion. */
  definitive: Procedure[];
  basis?: SameLesionBasis;
  report?: PathologyReport;
  /** Multi-lesion destructions at the same site, not matched (the biopsy stays separate, with a question). */
  nearby?: Procedure[];
}

function isMultiLesionDestruction(p: Procedure): boolean {
  if (p.kind !== 'destruction-premalignant' && p.kind !== 'destruction-benign' && p.kind !== 'destruction-unspecified') return false;
  return (p.count ?? 0) > 1 || p.lesionLabels.length > 1;
}

const MALIGNANT_BEHAVIORS: readonly string[] = ['malignant', 'in-situ'];

export function isMalignantReport(report: PathologyReport | undefined): boolean {
  return !!report && MALIGNANT_BEHAVIORS.includes(report.behavior);
}

/** A report that settles benign vs malignant (an unknown or nondiagnostic read settles nothing). */
export function isConclusiveReport(report: PathologyReport | undefined): report is PathologyReport {
  return !!report && report.behavior !== 'unknown' && report.behavior !== 'nondiagnostic';
}

/**
 * Decide, per biopsy, whether it is reported, bundled into a same-lesion procedure or held.
 * Read by several biopsy and destruction rules: planned once per encounter (read-only result).
 */
export const planBiopsies: (ctx: Pick<RuleContext, 'encounter' | 'performed' | 'pathologyFor'>) => readonly BiopsyDecision[] = oncePerEncounter(planBiopsiesOf);

function planBiopsiesOf(ctx: Pick<RuleContext, 'encounter' | 'performed' | 'pathologyFor'>): BiopsyDecision[] {
  const definitive = ctx.performed(...DEFINITIVE_KINDS);
  const labels = labelReader(ctx.encounter);
  return skinBiopsies(ctx).map((biopsy) => {
    const matches: { p: Procedure; basis: SameLesionBasis }[] = [];
    const nearby: Procedure[] = [];
    for (const p of definitive) {
      const basis = sameLesion(ctx.encounter, biopsy, p, labels);
      // A site-only match against a field destruction of several lesions is too weak: the
      // biopsied lesion is usually not one of those frozen. Keep the biopsy and ask.
      if (basis === 'site' && isMultiLesionDestruction(p)) nearby.push(p);
      else if (basis) matches.push({ p, basis });
    }
    if (matches.length === 0) return { biopsy, fate: 'separate', definitive: [], nearby };
    const procs = matches.map((m) => m.p);
    const basis = matches.some((m) => m.basis !== 'site') ? matches.find((m) => m.basis !== 'site')?.basis : 'site';
    if (biopsy.drivesDecision) return { biopsy, fate: 'diagnostic-before-definitive', definitive: procs, basis };
    const onlyCd = procs.every((p) => CD_KINDS.includes(p.kind));
    if (onlyCd) {
      // Reference §2.3 [V]: biopsy + C&D of the same suspected BCC → wait for pathology.
      const report = ctx.pathologyFor(biopsy.specimenLabel);
      if (!isConclusiveReport(report)) return { biopsy, fate: 'cd-held', definitive: procs, basis, report };
      if (isMalignantReport(report)) return { biopsy, fate: 'bundled', definitive: procs, basis, report };
      return { biopsy, fate: 'cd-benign', definitive: procs, basis, report };
    }
    return { biopsy, fate: 'bundled', definitive: procs, basis };
  });
}

/** Biopsies that still get a line (not bundled). */
function reportedBiopsies(ctx: RuleContext): Map<string, BiopsyDecision> {
  const map = new Map<string, BiopsyDecision>();
  for (const d of planBiopsies(ctx)) if (d.fate !== 'bundled') map.set(d.biopsy.id, d);
  return map;
}

const KIND_WORD: Partial<Record<Procedure['kind'], string>> = {
  excision: 'excision',
  'hidradenitis-excision': 'hidradenitis excision',
  'shave-removal': 'shave removal',
  'destruction-premalignant': 'destruction',
  'destruction-benign': 'destruction',
  'destruction-malignant': 'destruction',
  'destruction-unspecified': 'destruction',
  mohs: 'Mohs surgery',
};

function nameOf(p: Procedure): string {
  const label = p.specimenLabel ?? p.lesionLabels[0];
  return `${label ? `${label} ` : ''}${p.site ? `(${p.site.text})` : ''}`.trim();
}

function labelsOf(p: Procedure) {
  return {
    lesionLabels: p.lesionLabels,
    specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
    procedureIds: [p.id],
    siteKey: p.site?.key,
  };
}

/** The code a biopsy would have had on its own (for the coder view of removed lines). */
function standaloneCode(p: Procedure): string | undefined {
  if (isEyelid67810(p)) return '67810';
  const special = siteSpecificBiopsy(p);
  if (special) return special.code;
  return p.kind === 'biopsy-unspecified' ? undefined : TECHNIQUE[p.kind as TechniqueKind]?.primary;
}

/**
 * A bundled biopsy never enters the claim (so primary/add-on are chosen without it), but the
 * coder view and the "nothing dropped silently" check see it as a line removed with its reason.
 */
function recordBundled(ctx: RuleContext, p: Procedure, what: string): void {
  const code = standaloneCode(p);
  if (!code) return;
  const line = ctx.addLine({ code, ...labelsOf(p), spans: ctx.spanOf(p), tags: ['biopsy', 'bundled'] });
  ctx.removeLine(line, `Biopsy of the same lesion as the same-day ${what}: included in that procedure (CPT biopsy guideline; NCCI).`);
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

export const biopsyTechniqueDocumented = defineRule({
  id: 'biopsy/technique-documented',
  family: 'biopsy',
  phase: 'code',
  title: 'Biopsy technique must be documented',
  explain:
    'The biopsy code depends on the technique: tangential (shave, scoop, saucerization, curette), punch, or incisional. ' +
    'When the note only says "biopsy", no code can be chosen without guessing, so DermLens asks for the technique instead of picking one.',
  references: ['CPT 2019 integumentary biopsy guidelines', 'AAD "Biopsy coding in 2019: Part 2"'],
  status: 'stable',
  codes: ['11102', '11104', '11106'],
  apply(ctx) {
    const reported = reportedBiopsies(ctx);
    for (const p of ctx.performed('biopsy-unspecified')) {
      if (!reported.has(p.id)) continue; // bundled into a same-lesion procedure: no code needed anyway
      // Site-specific biopsy codes do not depend on technique: biopsy/site-specific-code codes them.
      if (siteSpecificBiopsy(p)) continue;
      const target = p.specimenLabel ?? p.lesionLabels[0];
      ctx.report({
        severity: 'error',
        message: `Biopsy${target ? ` ${target}` : ''}${p.site ? ` (${p.site.text})` : ''}: technique not documented, so no biopsy code can be chosen.`,
        target,
        fix: 'Document the technique: tangential/shave (11102/11103), punch (11104/11105) or incisional (11106/11107).',
        span: p.span,
      });
    }
  },
});

export const biopsySameLesionBundled = defineRule({
  id: 'biopsy/same-lesion-bundled',
  family: 'biopsy',
  phase: 'code',
  title: 'A biopsy of the lesion removed or destroyed the same day is part of that procedure',
  explain:
    'Tissue taken from a lesion that is then excised, shaved off, destroyed or treated with Mohs surgery the same day is part of that larger procedure, so no biopsy line is reported. ' +
    'The exception is a biopsy read right away whose result led to the decision to do the larger procedure: it is reported, with the distinct-service modifier on the biopsy line. ' +
    'When a suspected skin cancer is biopsied and curetted and destroyed at the same visit, the claim waits for pathology: malignant means only the destruction is reported, benign means only the biopsy.',
  references: [
    'CPT biopsy guidelines (tissue from excision/destruction/shave is not a separate biopsy)',
    'NCCI policy manual ch. III (biopsy + more extensive procedure)',
    'AAD "When can I bill a biopsy in conjunction with another procedure" (2012)',
    'First Coast: modifier on the biopsy code',
  ],
  status: 'stable',
  codes: ['11102', '11103', '11104', '11105', '11106', '11107'],
  apply(ctx) {
    const labels = labelReader(ctx.encounter);
    for (const d of planBiopsies(ctx)) {
      if (d.fate === 'separate') {
        const conflicting = ctx.performed(...DEFINITIVE_KINDS).filter((p) => labelledButConflicting(ctx.encounter, d.biopsy, p, labels));
        if (conflicting.length > 0) {
          ctx.report({
            severity: 'warning',
            message: `Biopsy ${nameOf(d.biopsy)} shares a label with the same-day ${[...new Set(conflicting.map((p) => KIND_WORD[p.kind] ?? p.kind))].join(' and ')} at ${conflicting.map((p) => p.site?.text).join(', ')}, but the sites differ; treated as different lesions.`,
            target: d.biopsy.specimenLabel ?? d.biopsy.lesionLabels[0],
            fix: 'Check the lesion labels; if it is the same lesion, correct the site (the biopsy would then be included in the larger procedure).',
            span: d.biopsy.span,
          });
        }
        if (d.nearby && d.nearby.length > 0) {
          ctx.report({
            severity: 'warning',
            message: `Biopsy ${nameOf(d.biopsy)} is at the same site as a same-day destruction of several lesions; treated as a different lesion and reported.`,
            target: d.biopsy.specimenLabel ?? d.biopsy.lesionLabels[0],
            fix: 'Label the biopsied lesion; if it was also destroyed the same day, the biopsy is included in the destruction and not reported.',
            span: d.biopsy.span,
          });
        }
        continue;
      }
      const what = [...new Set(d.definitive.map((p) => KIND_WORD[p.kind] ?? p.kind))].join(' and ');
      const name = nameOf(d.biopsy);
      const target = d.biopsy.specimenLabel ?? d.biopsy.lesionLabels[0];
      if (d.basis === 'site') {
        ctx.report({
          severity: 'warning',
          message: `Biopsy ${name} matched to the same-day ${what} by site only (no lesion labels): treated as the same lesion.`,
          target,
          fix: 'Label each lesion (A, B…) so the biopsy and the later procedure can be matched; if they are different lesions, the biopsy is reported with a distinct-site modifier.',
          span: d.biopsy.span,
        });
      }
      switch (d.fate) {
        case 'bundled':
          recordBundled(ctx, d.biopsy, what);
          ctx.report({
            severity: 'info',
            message:
              d.report && isMalignantReport(d.report)
                ? `Biopsy ${name} not reported: pathology is malignant, so only the destruction of the same lesion is reported.`
                : `Biopsy ${name} not reported: it sampled the same lesion as the ${what} done the same day, which includes it.`,
            target,
            fix: 'If the biopsy was read immediately and its result led to the decision for the larger procedure, document that; the biopsy is then reported with a distinct-service modifier.',
            span: d.biopsy.span,
          });
          break;
        case 'diagnostic-before-definitive':
          ctx.report({
            severity: 'info',
            message: `Biopsy ${name} reported with the ${what} of the same lesion: its immediate result drove the decision, so the biopsy line carries the distinct-service modifier.`,
            target,
            span: d.biopsy.span,
          });
          break;
        case 'cd-benign':
          ctx.report({
            severity: 'info',
            message: `Biopsy ${name}: pathology is not malignant, so only the biopsy is reported and the curettage/destruction of the same lesion is not coded as a malignant destruction.`,
            target,
            span: d.biopsy.span,
          });
          break;
        case 'cd-held':
          ctx.report({
            severity: 'warning',
            message: `Biopsy ${name} and the curettage/destruction of the same lesion are held for pathology: malignant → only the destruction (172xx) is reported; benign → only the biopsy.`,
            target,
            fix: 'Re-run when the pathology report is signed.',
            span: d.biopsy.span,
          });
          break;
      }
    }
  },
});

export const biopsySiteSpecific = defineRule({
  id: 'biopsy/site-specific-code',
  family: 'biopsy',
  phase: 'code',
  title: 'Mucosa, ear, eyelid, nail and genital biopsies use site-specific codes',
  explain:
    'The 2019 skin biopsy codes cover skin only. A biopsy of the lip vermilion, oral mucosa, tongue, floor of mouth, external ear, ear canal, nail unit, penis, vulva/perineum or nose lining ' +
    'has its own code, which replaces 11102-11107. Eyelid biopsies that include the lid margin use 67810; whether a shave or punch of eyelid skin away from the margin ' +
    'belongs to 67810 or the skin codes is not settled, so DermLens asks.',
  references: ['CPT 2019 biopsy guidelines (skin only)', 'AAD location codes', 'AAPC "Site-specific biopsy codes"'],
  status: 'stable',
  codes: ['40490', '40808', '41100', '41105', '41108', '69100', '69105', '67810', '11755', '54100', '56605', '56606', '30100'],
  apply(ctx) {
    const reported = reportedBiopsies(ctx);
    const groups = new Map<string, { special: SiteCode; procs: Procedure[] }>();
    for (const p of skinBiopsies(ctx)) {
      const decision = reported.get(p.id);
      if (!decision) continue;
      const info = siteInfo(p.site?.key);
      if (info?.subunit === 'eyelid') {
        if (p.kind === 'biopsy-unspecified') continue; // technique decides 67810 vs skin codes
        if (isEyelid67810(p)) {
          const line = ctx.addLine({ code: '67810', ...labelsOf(p), spans: ctx.spanOf(p), tags: ['biopsy'] });
          if (decision.fate === 'cd-held') line.status = 'held-for-pathology';
        } else {
          ctx.report({
            severity: 'warning',
            message: `Biopsy ${nameOf(p)} of eyelid skin away from the margin coded with skin biopsy codes; whether 67810 applies instead is unverified.`,
            target: p.specimenLabel,
            fix: 'Verify against the current CPT book whether 67810 applies; document whether the lid margin was included.',
            span: p.span,
          });
        }
        continue;
      }
      if (info?.ambiguous && (info.subunit === 'lip' || info.subunit === 'ear')) {
        ctx.report({
          severity: 'warning',
          message: `Biopsy ${nameOf(p)}: site needs checking (${info.ambiguous}); the code depends on it.`,
          target: p.specimenLabel,
          fix:
            info.subunit === 'lip'
              ? 'Document skin of the lip (11102-11107) or vermilion/mucosa (40490).'
              : 'Document whether the biopsy was of the ear (69100) or of the skin behind it (11102-11107).',
          span: p.span,
        });
      }
      const special = siteSpecificBiopsy(p);
      if (!special) continue;
      const group = groups.get(special.code) ?? { special, procs: [] };
      group.procs.push(p);
      groups.set(special.code, group);
    }
    for (const [code, { special, procs }] of groups) {
      const [first, ...rest] = procs;
      if (!first) continue;
      const firstLine = ctx.addLine({ code, ...labelsOf(first), spans: ctx.spanOf(first), tags: ['biopsy'] });
      if (reported.get(first.id)?.fate === 'cd-held') firstLine.status = 'held-for-pathology';
      if (rest.length === 0) continue;
      if (special.addOn) {
        // §1.3: 56605 one lesion, +56606 each additional (add-on: units, no 59/51).
        ctx.addLine({
          code: special.addOn,
          units: rest.length,
          lesionLabels: rest.flatMap((p) => p.lesionLabels),
          specimenLabels: rest.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
          procedureIds: rest.map((p) => p.id),
          siteKey: first.site?.key,
          spans: rest.flatMap((p) => ctx.spanOf(p)),
          tags: ['biopsy', 'biopsy-add-on'],
        });
      } else {
        // No add-on code exists: each further lesion is its own line on a separate structure.
        for (const p of rest) {
          const line = ctx.addLine({ code, ...labelsOf(p), spans: ctx.spanOf(p), tags: ['biopsy'] });
          if (reported.get(p.id)?.fate === 'cd-held') line.status = 'held-for-pathology';
          ctx.addModifier(line, ctx.distinctModifier('XS'));
        }
      }
    }
  },
});

export const biopsyOnePrimary = defineRule({
  id: 'biopsy/one-primary',
  family: 'biopsy',
  phase: 'code',
  title: 'One primary biopsy code per encounter, add-ons for the rest',
  explain:
    'Only one primary skin biopsy code is reported per encounter, taken from the highest technique performed: incisional (11106) over punch (11104) over tangential (11102). ' +
    'Every other biopsy is reported with the add-on code of its own technique (11107, 11105 or 11103), in units, with no modifier 59 or 51. ' +
    'Biopsies bundled into a same-lesion procedure are left out before the primary is chosen. Claims that give each technique its own first-lesion code are a common error.',
  references: ['CPT 2019 biopsy guidelines and the parenthetical under 11103', 'AAD "Biopsy coding in 2019: Part 3"', 'AAD "Modifier madness" (2019)'],
  status: 'stable',
  effective: { from: '2019-01-01' },
  codes: ['11102', '11103', '11104', '11105', '11106', '11107'],
  apply(ctx) {
    const reported = reportedBiopsies(ctx);
    const skin = skinBiopsies(ctx).filter((p) => {
      if (p.kind === 'biopsy-unspecified' || !reported.has(p.id)) return false;
      if (siteInfo(p.site?.key)?.subunit === 'eyelid') return !isEyelid67810(p);
      return !siteSpecificBiopsy(p);
    });
    if (skin.length === 0) return;
    const held = (p: Procedure) => reported.get(p.id)?.fate === 'cd-held';
    // Highest technique first; at equal rank a biopsy that will surely stay is the better primary.
    const ranked = [...skin].sort(
      (a, b) => TECHNIQUE[b.kind as TechniqueKind].rank - TECHNIQUE[a.kind as TechniqueKind].rank || Number(held(a)) - Number(held(b)),
    );
    const primary = ranked[0] as Procedure;
    const decision = reported.get(primary.id);
    ctx.addLine({
      code: TECHNIQUE[primary.kind as TechniqueKind].primary,
      ...labelsOf(primary),
      spans: ctx.spanOf(primary),
      status: held(primary) ? 'held-for-pathology' : 'ready',
      tags: ['biopsy', 'biopsy-primary', ...(decision?.fate === 'diagnostic-before-definitive' ? ['diagnostic-before-definitive'] : [])],
    });
    // Add-ons grouped by technique (highest first) and by held/ready, one line each with units.
    const rest = ranked.slice(1);
    for (const kind of ['biopsy-incisional', 'biopsy-punch', 'biopsy-tangential'] as const) {
      for (const isHeld of [false, true]) {
        const same = rest.filter((p) => p.kind === kind && held(p) === isHeld);
        if (same.length === 0) continue;
        const driving = same.some((p) => reported.get(p.id)?.fate === 'diagnostic-before-definitive');
        ctx.addLine({
          code: TECHNIQUE[kind].addOn,
          units: same.length,
          lesionLabels: same.flatMap((p) => p.lesionLabels),
          specimenLabels: same.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
          procedureIds: same.map((p) => p.id),
          siteKey: same[0]?.site?.key,
          spans: same.flatMap((p) => ctx.spanOf(p)),
          status: isHeld ? 'held-for-pathology' : 'ready',
          tags: ['biopsy', 'biopsy-add-on', ...(driving ? ['diagnostic-before-definitive'] : [])],
        });
      }
    }
  },
});

export const biopsyIntentContradiction = defineRule({
  id: 'biopsy/intent-contradiction',
  family: 'biopsy',
  phase: 'code',
  title: 'A "biopsy" documented like an excision',
  explain:
    'Intent decides biopsy versus removal: a biopsy takes tissue for a diagnosis, an excision removes the whole lesion full thickness with margins. ' +
    'When a procedure called a biopsy documents margins or a full-thickness ellipse, the note may describe an excision. DermLens keeps the biopsy code the note supports and asks the provider to confirm the intent.',
  references: ['CPT 2019 biopsy guidelines (intent)', 'AAPC "Rely on intent to report skin lesion removal"'],
  status: 'stable',
  codes: ['11102', '11104', '11106'],
  apply(ctx) {
    for (const p of skinBiopsies(ctx)) {
      const margins = p.marginCm !== undefined && p.marginCm > 0;
      const ellipse = /\b(ellip\w*|fusiform)\b/i.test(p.text) && /\bmargins?\b/i.test(p.text);
      if (!margins && !ellipse && p.excisedDiameterCm === undefined) continue;
      ctx.report({
        severity: 'info',
        message: `Biopsy ${nameOf(p)} documents ${margins || p.excisedDiameterCm !== undefined ? 'margins' : 'a full-thickness ellipse with margins'}, which describes an excision; coded as a biopsy as written.`,
        target: p.specimenLabel ?? p.lesionLabels[0],
        fix: 'If the intent was complete removal, document it as an excision with lesion size and margins (114xx/116xx); otherwise leave as a biopsy.',
        span: p.span,
      });
    }
  },
});

export const biopsyDistinctLesionModifier = defineRule({
  id: 'biopsy/distinct-lesion-modifier',
  family: 'biopsy',
  phase: 'modify',
  title: 'Distinct-service modifier on the biopsy when a larger procedure is done the same day',
  explain:
    'A biopsy of a different lesion than a same-day excision, shave removal, destruction or Mohs surgery is reported separately, with the distinct-service modifier (XS for Medicare, 59 otherwise). ' +
    'So is a same-lesion biopsy whose immediate result drove the decision. The modifier goes on the biopsy code, not the other procedure, and never on add-on codes.',
  references: ['NCCI policy manual ch. III (biopsy + more extensive procedure)', 'First Coast: modifier on the biopsy code', 'CPT: add-ons take no 59 or 51'],
  status: 'stable',
  codes: ['11102', '11104', '11106', '67810', '69100', '40490', '11755'],
  apply(ctx) {
    // Only primary biopsy lines take the modifier: without one there is nothing to weigh.
    if (!ctx.lines.some((line) => line.tags.includes('biopsy') && !line.tags.includes('biopsy-add-on'))) return;
    const plan = planBiopsies(ctx);
    // Destructions that only stand against a biopsy of their own lesion (C&D waiting for pathology, or benign) do not need it.
    const cdOnly = new Set(plan.filter((d) => d.fate === 'cd-benign' || d.fate === 'cd-held').flatMap((d) => d.definitive.map((p) => p.id)));
    // A cosmetic (self-pay) removal is not on the payer's claim, so no edit pairs it with the biopsy (§12.5).
    const selfPay = (p: Procedure) => {
      const route = cosmeticRoute(ctx, p)?.kind;
      return route === 'cosmetic' || route === 'no-indication';
    };
    const others = ctx.performed(...DEFINITIVE_KINDS).filter((p) => !cdOnly.has(p.id) && !selfPay(p));
    if (others.length === 0) return;
    for (const line of ctx.lines) {
      if (!line.tags.includes('biopsy') || line.tags.includes('biopsy-add-on')) continue;
      ctx.addModifier(line, ctx.distinctModifier('XS'));
    }
  },
});

export const biopsySameSiteSpecimens = defineRule({
  id: 'biopsy/same-site-specimens',
  family: 'biopsy',
  phase: 'modify',
  title: 'Several biopsies at one site: one lesion or several?',
  explain:
    'Biopsy codes count lesions: the first biopsy and each additional lesion. Two specimens that one statement puts at the same site (for example horizontal and vertical sections of one patch of hair loss, ' +
    'or one specimen for routine sections and one for immunofluorescence) may sample a single lesion. The reference does not settle this case, so DermLens codes each specimen as a biopsy and asks the coder to confirm; ' +
    'each specimen keeps its own pathology line either way.',
  references: ['CPT 11102-11107 (first lesion / each separate additional lesion)', 'reference §1.2, §7.1'],
  status: 'stable',
  codes: ['11103', '11105', '11107'],
  apply(ctx) {
    const seen = new Map<string, Procedure[]>();
    for (const p of skinBiopsies(ctx)) {
      if (!p.site?.key || !p.text) continue;
      // One statement ("Punch biopsy x2, vertex scalp", "two punches of the vertex (A, B)") at one site; biopsies of
      // the back told one by one are separate lesions.
      const key = `${p.site.key}|${p.site.laterality ?? ''}|${p.site.subsite ?? ''}|${p.text}`;
      seen.set(key, [...(seen.get(key) ?? []), p]);
    }
    for (const group of seen.values()) {
      if (group.length < 2) continue;
      // Lesions told apart by their own impressions are separate lesions at one site.
      const dx = new Set(group.map((p) => ctx.lesion(p.lesionLabels[0])?.clinicalDiagnosis?.toLowerCase() ?? ''));
      if (dx.size > 1) continue;
      ctx.report({
        severity: 'info',
        message: `Biopsies ${group.map(nameOf).join(', ')} were taken at the same site and are coded as ${group.length} biopsies. Biopsy codes count lesions: if they sample one lesion, report one biopsy code.`,
        target: group[0]?.specimenLabel ?? group[0]?.site?.text,
        fix: 'Confirm that each specimen came from a separate lesion, or remove the add-on biopsy line (each specimen keeps its own pathology line).',
      });
    }
  },
});

export const biopsyRules: Rule[] = [
  biopsySameLesionBundled,
  biopsyTechniqueDocumented,
  biopsySiteSpecific,
  biopsyOnePrimary,
  biopsyIntentContradiction,
  biopsyDistinctLesionModifier,
  biopsySameSiteSpecimens,
];
