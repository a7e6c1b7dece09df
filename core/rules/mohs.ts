import { boundaryThatMatters, mohsGroup } from '../anatomy';
import type { MohsStage, Procedure, Site } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine, NewLine } from './draft-line';
import { procedureText } from './procedure-text';

const MOHS_REFS = ['CPT Mohs micrographic surgery guidelines (17311-17315)', 'Reference §6.1-6.4'];

/** The tumor site: the procedure's own, else its lesion's. */
function mohsSite(ctx: RuleContext, p: Procedure): Site | undefined {
  if (p.site?.key) return p.site;
  for (const label of p.lesionLabels) {
    const s = ctx.lesion(label)?.site;
    if (s?.key) return s;
  }
  return p.site;
}

function tumorName(p: Procedure, site: Site | undefined): string {
  const label = p.lesionLabels[0] ?? p.specimenLabel;
  return `Mohs${label ? ` of ${label}` : ''}${site?.text ? ` (${site.text})` : ''}`;
}

/** Number of stages: the highest stage number documented (a gap means an undocumented stage). */
export function stageCount(p: Procedure): number {
  const stages = p.stages ?? [];
  // A loop, not Math.max(...spread): a huge stage list must not overflow the call stack.
  let count = stages.length;
  for (const s of stages) if (s.stage > count) count = s.stage;
  return count;
}

/**
 * Stages 1..count with no block count, as runs [from, to]. Work grows with the stage list, not with
 * the highest stage number: bad input ("stage 3000000") must not loop millions of times.
 */
function stagesWithoutBlocks(p: Procedure, count: number): [number, number][] {
  const stages = p.stages ?? [];
  const withBlocks: number[] = [];
  if (stages.length === count) {
    // As many entries as stages: an entry stands for its own stage number, else for its position.
    for (let n = 1; n <= count; n++) {
      const stage = stages.find((s) => s.stage === n) ?? stages[n - 1];
      if (stage?.blocks !== undefined) withBlocks.push(n);
    }
  } else {
    // The first entry of a stage number decides whether that stage has its block count.
    const first = new Map<number, MohsStage>();
    for (const s of stages) if (!first.has(s.stage)) first.set(s.stage, s);
    for (const [n, s] of first) if (s.blocks !== undefined && n <= count) withBlocks.push(n);
    withBlocks.sort((a, b) => a - b);
  }
  const runs: [number, number][] = [];
  let next = 1;
  for (const n of withBlocks) {
    if (n > next) runs.push([next, n - 1]);
    next = n + 1;
  }
  if (next <= count) runs.push([next, count]);
  return runs;
}

/** "2, 3, 4" for a few stages; "2-4, 7-3000000" once the list would be long. */
function stageList(runs: readonly [number, number][]): string {
  const total = runs.reduce((n, [from, to]) => n + to - from + 1, 0);
  if (total <= 20) return runs.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))).join(', ');
  return runs.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(', ');
}

const OTHER_READER = '(?:separate|different|another|outside|independent|consulting|referring)';
const SEPARATE_PATHOLOGIST = new RegExp(
  `\\b${OTHER_READER}\\s+(?:dermato)?pathologist|\\b(?:read|interpreted|examined|reviewed|signed\\s+out)\\s+by\\s+(?:[\\w.-]+\\s+){0,3}?(?:dermato)?pathologist|\\b(?:dermato)?pathologist\\s+(?:read|interpreted|examined|reviewed)\\b`,
  'gi',
);
const SAME_PHYSICIAN =
  /surgeon\s+and\s+(?:the\s+)?pathologist|both\s+(?:the\s+)?surgeon|as\s+(?:the\s+)?(?:mohs\s+)?(?:surgeon\s+and\s+)?pathologist|acting\s+as|surgeon\s*=\s*pathologist/i;
/** "no separate pathologist", "not read by a pathologist": a negation just before the phrase. */
const NEGATED = /\b(?:no|not|without|never|nor)\b[^.;]{0,20}$/i;

/** The note says someone other than the Mohs surgeon read the sections (then Mohs codes do not apply). */
export function separatePathologist(ctx: RuleContext, p: Procedure): boolean {
  if (!SAME_PHYSICIAN.test(p.text)) {
    for (const m of p.text.matchAll(SEPARATE_PATHOLOGIST)) {
      if (!NEGATED.test(p.text.slice(Math.max(0, m.index - 40), m.index))) return true;
    }
  }
  const report = ctx.pathologyFor(p.specimenLabel);
  return !!report && report.specimenType === 'mohs' && report.readBy === 'external';
}

/** Mohs procedures that can be coded: performed, one physician, stages documented. */
function codableMohs(ctx: RuleContext): Procedure[] {
  return ctx.performed('mohs').filter((p) => !separatePathologist(ctx, p) && stageCount(p) > 0);
}

export const mohsSinglePhysician = defineRule({
  id: 'mohs/single-physician',
  family: 'mohs',
  phase: 'code',
  title: 'Mohs needs one physician as surgeon and pathologist',
  explain:
    'Mohs codes describe one physician acting as both surgeon and pathologist. When the note says another pathologist read the sections, the Mohs codes cannot be used; ' +
    'the excision and the pathology are then coded as what they were, by the people who did them.',
  references: [...MOHS_REFS, 'MAC Mohs LCDs (e.g. L35494)'],
  status: 'stable',
  codes: ['17311', '17313'],
  apply(ctx) {
    for (const p of ctx.performed('mohs')) {
      if (!separatePathologist(ctx, p)) continue;
      ctx.report({
        severity: 'error',
        message: `${tumorName(p, mohsSite(ctx, p))}: the note says a separate pathologist read the sections, so Mohs codes 17311-17315 do not apply; no Mohs line coded.`,
        target: p.lesionLabels[0] ?? p.specimenLabel,
        fix: 'If the Mohs surgeon read the sections, document that one physician acted as surgeon and pathologist; otherwise code the excision and pathology instead.',
        span: p.span,
      });
    }
  },
});

export const mohsStagesDocumented = defineRule({
  id: 'mohs/stages-documented',
  family: 'mohs',
  phase: 'code',
  title: 'Mohs stages and blocks per stage must be documented',
  explain:
    'Mohs is coded per stage (each excision of tissue) and per tissue block beyond five in each stage. Without a stage count no Mohs code can be chosen. ' +
    'Without the block count of a stage, the stage is coded but a possible 17315 for extra blocks cannot be, so DermLens asks for it.',
  references: MOHS_REFS,
  status: 'stable',
  codes: ['17311', '17312', '17313', '17314', '17315'],
  apply(ctx) {
    for (const p of ctx.performed('mohs')) {
      if (separatePathologist(ctx, p)) continue;
      const name = tumorName(p, mohsSite(ctx, p));
      const count = stageCount(p);
      if (count === 0) {
        ctx.report({
          severity: 'error',
          message: `${name}: number of stages not documented, so no Mohs code can be chosen.`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: 'Document each Mohs stage and the number of tissue blocks in it (17311/17313, +17312/+17314, +17315).',
          span: p.span,
        });
        continue;
      }
      const missing = stagesWithoutBlocks(p, count);
      if (missing.length > 0) {
        const list = stageList(missing);
        ctx.report({
          severity: 'warning',
          message: `${name}: tissue block count not documented for stage ${list}; stages coded, but 17315 for blocks beyond five may be missed.`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: `Document the number of tissue blocks in stage ${list}; each block beyond five in a stage adds one unit of 17315.`,
          span: p.span,
        });
      }
    }
  },
});

export const mohsStagesAndBlocks = defineRule({
  id: 'mohs/stages-and-blocks',
  family: 'mohs',
  phase: 'code',
  title: 'Mohs: first stage by site group, add-ons per further stage and per block beyond five',
  explain:
    'Each tumor gets its own first-stage code: 17311 for head (scalp included), neck, hands, feet and genitalia, or any site where the surgery involves muscle, cartilage, bone, tendon, major nerves or vessels; 17313 for trunk, arms and legs. ' +
    'Every further stage adds one unit of 17312 (with 17311) or 17314 (with 17313). In every stage, each tissue block beyond the fifth adds one unit of 17315, whatever the site. ' +
    'There is no cap on the number of stages.',
  references: [...MOHS_REFS, 'AAPC "Code Mohs in 6 easy steps"'],
  status: 'stable',
  codes: ['17311', '17312', '17313', '17314', '17315'],
  apply(ctx) {
    const tumors: { p: Procedure; site: Site | undefined; head: boolean }[] = [];
    for (const p of codableMohs(ctx)) {
      const site = mohsSite(ctx, p);
      const group = mohsGroup(site?.key, p.deepStructureInvolved === true);
      if (!group) {
        ctx.report({
          severity: 'error',
          message: `${tumorName(p, site)}: the tumor site is ${site ? `not recognised ("${site.text}")` : 'not documented'}, so 17311 vs 17313 cannot be chosen.`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: 'Document the tumor site, and whether muscle, cartilage, bone, tendon, a major nerve or vessel was involved.',
          span: p.span,
        });
        continue;
      }
      const ambiguous = boundaryThatMatters(site?.key, (k) => mohsGroup(k));
      if (ambiguous && !p.deepStructureInvolved) {
        ctx.report({
          severity: 'info',
          message: `${tumorName(p, site)}: Mohs site group chosen for "${site?.text}", which sits on a boundary (${ambiguous}).`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: 'Verify the site: head, neck, hands, feet and genitalia are 17311; trunk, arms and legs are 17313.',
          span: p.span,
        });
      }
      if (p.deepStructureInvolved && mohsGroup(site?.key, false) === 'trunk-arms-legs') {
        ctx.report({
          severity: 'info',
          message: `${tumorName(p, site)}: trunk/limb site coded with 17311 because the surgery directly involved deep structures (muscle, cartilage, bone, tendon, major nerve or vessel).`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: 'Make sure the note names the deep structure the Mohs surgery directly involved; without it the code is 17313.',
          span: p.span,
        });
      }
      tumors.push({ p, site, head: group === 'head-neck-hands-feet-genitalia' });
    }
    // Higher-valued first-stage code first (17311 before 17313); the modifier goes on the later ones.
    tumors.sort((a, b) => Number(b.head) - Number(a.head));
    // Add-on units of all tumors go on one line per code (add-ons are units, never a second
    // line that would draw a distinct modifier); each tumor keeps its own first-stage line.
    const addOns = new Map<string, DraftLine>();
    const addOn = (code: string, units: number, base: Omit<NewLine, 'code'>) => {
      const existing = addOns.get(code);
      if (!existing) {
        addOns.set(code, ctx.addLine({ code, units, ...base, tags: ['mohs', 'add-on'] }));
        return;
      }
      existing.units += units;
      for (const key of ['lesionLabels', 'specimenLabels', 'procedureIds'] as const) {
        existing[key] = [...new Set([...existing[key], ...(base[key] ?? [])])];
      }
      existing.spans = [...existing.spans, ...(base.spans ?? [])];
    };
    for (const { p, site, head } of tumors) {
      const base = {
        lesionLabels: p.lesionLabels,
        specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
        procedureIds: [p.id],
        siteKey: site?.key,
        spans: ctx.spanOf(p),
      };
      ctx.addLine({ code: head ? '17311' : '17313', ...base, tags: ['mohs', 'mohs-first-stage'] });
      const stages = stageCount(p);
      if (stages > 1) addOn(head ? '17312' : '17314', stages - 1, base);
      // CPT: 17315 counts blocks beyond five in each stage separately (never pooled across stages).
      const extraBlocks = (p.stages ?? []).reduce((sum, s) => sum + Math.max(0, (s.blocks ?? 0) - 5), 0);
      if (extraBlocks > 0) addOn('17315', extraBlocks, base);
    }
  },
});

export const mohsMultipleTumors = defineRule({
  id: 'mohs/multiple-tumors',
  family: 'mohs',
  phase: 'modify',
  title: 'Several Mohs tumors in one session: distinct modifier on the later first-stage codes',
  explain:
    'Each tumor treated in the session has its own first-stage code and add-ons. Since NCCI v20.1 (2014) 17311 and 17313 are mutually exclusive, and two 17311 lines on one day also need a modifier, ' +
    'so the second and later first-stage codes take 59 (XS for Medicare). Add-on codes never take it.',
  references: [...MOHS_REFS, 'AAPC Dermatology Coding Alert: NCCI v20.1 Mohs edits (2014)'],
  status: 'stable',
  codes: ['17311', '17313'],
  apply(ctx) {
    const firsts = ctx.lines.filter((l) => l.family === 'mohs' && l.tags.includes('mohs-first-stage'));
    for (const line of firsts.slice(1)) ctx.addModifier(line, ctx.distinctModifier('XS'));
  },
});

/** Surgical pathology and frozen-section codes that the Mohs codes include for Mohs tissue. */
const INCLUDED_PATHOLOGY = new Set(['88300', '88302', '88304', '88305', '88307', '88309', '88329', '88331', '88332']);

export const mohsNoPathologyOnMohsTissue = defineRule({
  id: 'mohs/no-pathology-on-mohs-tissue',
  family: 'mohs',
  phase: 'bundle',
  title: 'No surgical pathology or frozen-section lines for Mohs layers',
  explain:
    'The Mohs codes include preparing, staining (H&E, toluidine blue) and reading the Mohs layers. Surgical pathology (88302-88309) and frozen-section codes (88331/88332) are not reported for that tissue. ' +
    'Separate tissue sent for permanent sections, a qualifying same-day diagnostic biopsy, and non-routine special stains or immunostains can still be reported.',
  references: [...MOHS_REFS, 'NCCI policy manual (reference §11.2)', 'AAPC Pathology Coding Alert: special stains with Mohs'],
  status: 'stable',
  apply(ctx) {
    const mohs = ctx.performed('mohs');
    if (mohs.length === 0) return;
    const ids = new Set(mohs.map((p) => p.id));
    const labels = new Set<string>();
    // §6.3: a debulk or extra margin sent for permanent sections is its own specimen, not Mohs tissue.
    const separate = (p: Procedure) => /debulk|extra\s+margin|permanent\s+sections?/i.test(procedureText(ctx, p));
    for (const p of mohs) if (p.specimenLabel && !separate(p)) labels.add(p.specimenLabel.toUpperCase());
    for (const s of ctx.encounter.specimens) {
      if (s.type === 'mohs' || (s.procedureId && ids.has(s.procedureId) && s.type !== 'skin')) labels.add(s.label.toUpperCase());
    }
    for (const r of ctx.encounter.pathology) if (r.specimenType === 'mohs') labels.add(r.specimenLabel.toUpperCase());
    for (const line of [...ctx.lines]) {
      if (!INCLUDED_PATHOLOGY.has(line.code)) continue;
      if (!line.specimenLabels.some((l) => labels.has(l.toUpperCase()))) continue;
      ctx.removeLine(line, 'Mohs codes include the pathology of Mohs layers');
      ctx.report({
        severity: 'info',
        message: `${line.code} for specimen ${line.specimenLabels.join(', ')} removed: the Mohs codes include the pathology and frozen sections of Mohs tissue.`,
        target: line.specimenLabels[0],
      });
    }
  },
});

const BIOPSY_KINDS: Procedure['kind'][] = ['biopsy-tangential', 'biopsy-punch', 'biopsy-incisional', 'biopsy-unspecified'];

export const mohsSameDayBiopsy = defineRule({
  id: 'mohs/same-day-biopsy',
  family: 'mohs',
  phase: 'check',
  title: 'Same-day biopsy of the Mohs tumor',
  explain:
    'A diagnostic biopsy of the tumor on the day of Mohs is reported (with 59/XS on the biopsy and its pathology) only when no prior pathology diagnosis is available and the immediate result led to the decision to do Mohs. ' +
    'Otherwise the biopsy is part of the Mohs surgery.',
  references: [...MOHS_REFS, 'Reference §6.3', 'MAC billing article A56836'],
  status: 'stable',
  apply(ctx) {
    for (const p of ctx.performed('mohs')) {
      if (p.lesionLabels.length === 0) continue;
      const tumor = new Set(p.lesionLabels.map((l) => l.toUpperCase()));
      for (const bx of ctx.performed(...BIOPSY_KINDS)) {
        if (bx.drivesDecision) continue;
        if (!bx.lesionLabels.some((l) => tumor.has(l.toUpperCase()))) continue;
        ctx.report({
          severity: 'info',
          message: `Biopsy${bx.specimenLabel ? ` ${bx.specimenLabel}` : ''} of the Mohs tumor ${p.lesionLabels.join(', ')} on the same day: not separately reportable unless there was no prior pathology diagnosis and its immediate result led to the Mohs decision.`,
          target: bx.specimenLabel ?? p.lesionLabels[0],
          fix: 'If no prior diagnosis was available and the frozen/immediate biopsy result decided the Mohs surgery, document both; then the biopsy and its pathology are reported with 59/XS.',
          span: bx.span,
        });
      }
    }
  },
});

export const mohsRules: Rule[] = [
  mohsSinglePhysician,
  mohsStagesDocumented,
  mohsStagesAndBlocks,
  mohsMultipleTumors,
  mohsNoPathologyOnMohsTissue,
  mohsSameDayBiopsy,
];
