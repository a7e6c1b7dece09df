import { boundaryThatMatters, fourWayGroup, intermediateRepairGroup, simpleRepairGroup, siteInfo } from '../anatomy';
import { lookupBand, roundToTenth } from '../codes/bands';
import { COMPLEX_REPAIR_CODES, INTERMEDIATE_REPAIR_BANDS, SIMPLE_REPAIR_BANDS } from '../codes/families/repair';
import type { Procedure, RepairLevel, Site } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { oncePerEncounter } from './per-encounter';
import { procedureText } from './procedure-text';
import { ownSite, soleWound, transfers } from './tissue-transfer';

const RANK: Record<RepairLevel, number> = { simple: 1, intermediate: 2, complex: 3 };
const LEVEL_RANGE: Record<RepairLevel, string> = { simple: '12001-12018', intermediate: '12031-12057', complex: '13100-13153' };

const COMPLEX_CRITERIA =
  'exposed bone, cartilage, tendon or named neurovascular structure; debrided wound edges; extensive undermining; free margin of helical rim, vermilion or nostril rim; retention sutures';

/** The level the documented technique supports, and why (CPT 2020 repair definitions, reference §4.1). */
export interface LevelAssessment {
  level: RepairLevel;
  stated?: RepairLevel;
  /** Complex criteria found in the documentation. */
  complexCriteria: string[];
  /** Why the stated level was not supported (empty when it was, or when nothing was stated). */
  missing: string[];
  /** Nothing about the technique was documented (no level word, no feature). */
  undocumented: boolean;
}

const UNDERMINING_DISTANCE = /undermin\w*[^.;]{0,40}?(\d+(?:\.\d+)?)\s*(mm|cm)\b/i;
const DEFECT_WIDTH =
  /(?<!\d)(\d+(?:\.\d+)?)\s*(mm|cm)\s+(?:defect|wound)\s+width|(?:defect|wound)\s+width\s*(?:(?:of|was|is|:|=)\s*)?(\d+(?:\.\d+)?)\s*(mm|cm)\b|width\s+of\s+the\s+(?:defect|wound)\s*(?:(?:was|is|:|=)\s*)?(\d+(?:\.\d+)?)\s*(mm|cm)\b|(?:defect|wound)(?:\s+(?:after|following)\s+excision)?\s*(?::\s*|\s(?:was|is)\s+)?(\d+(?:\.\d+)?)\s*(mm|cm)\s+wide\b/i;

function toCm(value: string | undefined, unit: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return undefined;
  return unit?.toLowerCase() === 'mm' ? n / 10 : n;
}

/**
 * CPT 2020: undermining is extensive when its distance is at least the maximum width
 * of the defect (perpendicular to the closure line), else limited. Decided from the
 * numbers only when the note gives both.
 */
const LOOSE_UNDERMINING = /\b(?:wide(?:ly)?|broad(?:ly)?|significant(?:ly)?)\s+(?:\w+\s+){0,2}undermin|\bundermin\w*\s+(?:\w+\s+){0,2}(?:widely|broadly)/i;

/** The repair's words and those of the procedures on the same lesion (the excision that made the wound). */
const woundText = (ctx: RuleContext, p: Procedure) =>
  [p, ...ctx.performed().filter((q) => q !== p && q.lesionLabels.some((l) => p.lesionLabels.includes(l)))].map((q) => procedureText(ctx, q)).join('\n');

export function measuredUndermining(text: string): { level: 'limited' | 'extensive'; distanceCm: number; widthCm: number } | undefined {
  const u = UNDERMINING_DISTANCE.exec(text);
  const w = DEFECT_WIDTH.exec(text);
  if (!u || !w) return undefined;
  const distanceCm = toCm(u[1], u[2]);
  const widthCm = toCm(w[1] ?? w[3] ?? w[5] ?? w[7], w[2] ?? w[4] ?? w[6] ?? w[8]);
  if (distanceCm === undefined || widthCm === undefined || widthCm <= 0) return undefined;
  return { level: distanceCm >= widthCm ? 'extensive' : 'limited', distanceCm, widthCm };
}

export function assessRepairLevel(p: Procedure): LevelAssessment {
  const measured = measuredUndermining(p.text);
  const f = { ...p.repairFeatures, ...(measured ? { undermining: measured.level } : {}) };
  const stated = p.repairLevel;
  const complexCriteria: string[] = [];
  if (f.exposedDeepStructure) complexCriteria.push('exposure of bone, cartilage, tendon or a named neurovascular structure');
  if (f.debridedEdges) complexCriteria.push('debridement of wound edges');
  if (f.undermining === 'extensive') complexCriteria.push('extensive undermining');
  if (f.freeMargin) complexCriteria.push('free-margin involvement');
  if (f.retentionSutures) complexCriteria.push('retention sutures');
  const anyFeature = Object.values(f).some((v) => v !== undefined);
  if (f.tissueAdhesiveOnly) {
    return {
      level: 'simple',
      stated,
      complexCriteria: [],
      missing: stated && stated !== 'simple' ? ['closure with tissue adhesive only'] : [],
      undocumented: false,
    };
  }
  // CPT 2020: intermediate = layered closure, or a single-layer closure of a heavily
  // contaminated wound. A stated "intermediate"/"complex" means a layered closure
  // unless the note says the closure was single-layer.
  const layeredDenied = f.layered === false;
  const intermediateMet = f.layered === true || f.heavilyContaminated === true || (!layeredDenied && (stated === 'intermediate' || stated === 'complex'));
  let level: RepairLevel = 'simple';
  if (intermediateMet) level = complexCriteria.length > 0 ? 'complex' : 'intermediate';
  const missing: string[] = [];
  if (stated && RANK[stated] > RANK[level]) {
    if (!intermediateMet) missing.push('no layered closure (and no heavily contaminated wound) documented');
    else if (stated === 'complex') missing.push(`no complex criterion documented (${COMPLEX_CRITERIA})`);
  }
  return { level, stated, complexCriteria, missing, undocumented: !stated && !anyFeature };
}

/** What made the wound a repair closes: decides bundling (reference §4.4, §5.1, §6.4). */
type WoundOrigin =
  | { kind: 'att'; by: Procedure }
  | { kind: 'donor-site'; by: Procedure }
  | { kind: 'mohs'; by: Procedure }
  | { kind: 'hidradenitis'; by: Procedure }
  | { kind: 'excision'; by: Procedure }
  | { kind: 'biopsy'; by: Procedure }
  | { kind: 'shave'; by: Procedure }
  | { kind: 'none' };

const BIOPSY_KINDS: Procedure['kind'][] = ['biopsy-punch', 'biopsy-incisional', 'biopsy-tangential', 'biopsy-unspecified'];
const WOUND_KINDS: Procedure['kind'][] = ['mohs', 'hidradenitis-excision', 'excision', 'shave-removal', ...BIOPSY_KINDS];

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a.map((x) => x.toUpperCase()));
  return b.some((x) => set.has(x.toUpperCase()));
}

/** The sentence of `text` that holds `part` ("The donor site was closed in layers …, length 5.0 cm." for "closed in layers"). */
function ownSentence(text: string, part: string): string {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return '';
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf(';', at), text.lastIndexOf('\n\n', at)) + 1;
  const stop = text.slice(at + part.length).search(/\.(?!\d)|;|\n\n/);
  return text.slice(start, stop < 0 ? text.length : at + part.length + stop);
}

function woundOrigin(ctx: RuleContext, p: Procedure): WoundOrigin {
  // Without a lesion link, a closure belongs to the single wound in its area (or of the visit).
  const sole = soleWound(ctx, p, WOUND_KINDS);
  const labels = p.lesionLabels.length ? p.lesionLabels : (sole?.lesionLabels ?? []);
  const att = transfers(ctx).find(({ p: t, cls }) => {
    if (t.id === p.id || cls.kind !== 'att') return false;
    if (overlaps(t.lesionLabels, labels)) return true;
    const tWound = soleWound(ctx, t);
    return !!tWound && !!sole && tWound.id === sole.id;
  });
  if (att) return { kind: 'att', by: att.p };
  if (/\bdonor\b/i.test(p.text) || /\bdonor\b/i.test(ownSentence(procedureText(ctx, p), p.text))) {
    const donorOf = ctx.performed('graft', 'flap', 'adjacent-tissue-transfer').find((t) => t.id !== p.id);
    if (donorOf) return { kind: 'donor-site', by: donorOf };
  }
  const candidates = sole ? [sole] : ctx.performed(...WOUND_KINDS).filter((w) => overlaps(w.lesionLabels, p.lesionLabels));
  const pick = (kinds: Procedure['kind'][]) => candidates.find((w) => kinds.includes(w.kind));
  const mohs = pick(['mohs']);
  if (mohs) return { kind: 'mohs', by: mohs };
  const hs = pick(['hidradenitis-excision']);
  if (hs) return { kind: 'hidradenitis', by: hs };
  const exc = pick(['excision']);
  if (exc) return { kind: 'excision', by: exc };
  const bx = pick(BIOPSY_KINDS);
  if (bx) return { kind: 'biopsy', by: bx };
  const shave = pick(['shave-removal']);
  if (shave) return { kind: 'shave', by: shave };
  return { kind: 'none' };
}

/** Repair site: its own, else the site of the procedure that made the wound, else the lesion's. */
function repairSite(ctx: RuleContext, p: Procedure, origin: WoundOrigin): Site | undefined {
  if (p.site?.key) return p.site;
  if (origin.kind !== 'none') {
    const woundSite = ownSite(ctx, origin.by);
    if (woundSite) return woundSite;
  }
  for (const label of p.lesionLabels) {
    const s = ctx.lesion(label)?.site;
    if (s?.key) return s;
  }
  return p.site;
}

/** Procedures coded as repairs: documented repairs, plus "flaps" that are not tissue transfers. */
function repairProcedures(ctx: RuleContext): Procedure[] {
  const all = transfers(ctx);
  const flapIds = new Set(all.filter(({ cls }) => cls.kind !== 'not-att').map(({ p }) => p.id));
  const notAtt = all.filter(({ cls }) => cls.kind === 'not-att').map(({ p }) => p);
  return [...ctx.performed('repair').filter((p) => !flapIds.has(p.id)), ...notAtt.filter((p) => p.kind !== 'repair')];
}

const DEHISCENCE = /dehisc/i;
const PACKING = /\bpack(?:ed|ing)?\b/i;
const NO_PACKING = /\b(?:no|not|without)\s+(?:\w+\s+){0,2}pack(?:ed|ing)?\b/i;

/** Packing documented (and not denied: "no packing", "not packed"). */
function packed(text: string): boolean {
  return PACKING.test(text) && !NO_PACKING.test(text);
}
const SECONDARY_CLOSURE = /secondary\s+closure/i;

/** "wound dehiscence", "has dehisced" — but not counselling such as "risk of dehiscence". */
const DEHISCED_WOUND = /\bdehisc(?:ed|ence)\b/i;
const DEHISCENCE_RISK = /\b(?:risks?|precautions?|prevent\w*|avoid\w*|signs?)\b[^.\n]{0,40}\bdehisc/i;

/**
 * The repair re-closes a wound that opened. The closure sentence often does not repeat the
 * word ("Irrigated and re-approximated…" after "Wound dehiscence of …"), so the paragraph
 * counts too when this repair is the only procedure in it and it is not counselling.
 */
function isDehiscence(ctx: RuleContext, p: Procedure): boolean {
  if (DEHISCENCE.test(p.text) || p.documentedCode === '12020' || p.documentedCode === '12021' || p.documentedCode === '13160') return true;
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  if (!span || !section) return false;
  const start = section.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const blank = /\n\s*\n/.exec(section.slice(span.end));
  const end = blank ? span.end + blank.index : section.length;
  const paragraph = section.slice(start, end);
  if (!DEHISCED_WOUND.test(paragraph) || DEHISCENCE_RISK.test(paragraph)) return false;
  const others = ctx.encounter.procedures.filter(
    (q) => q !== p && q.status === 'performed' && q.span?.section === span.section && q.span.start >= start && q.span.start < end,
  );
  return others.length === 0;
}

function label(p: Procedure, site: Site | undefined): string {
  const lesion = p.lesionLabels.length ? ` of lesion ${p.lesionLabels.join(', ')}` : '';
  return `Repair${lesion}${site?.text ? ` (${site.text})` : ''}`;
}

/** One wound to be summed into a repair line. */
interface Wound {
  p: Procedure;
  level: RepairLevel;
  lengthCm: number;
  site: Site | undefined;
  origin: WoundOrigin;
}

/**
 * What each performed repair closes, where and at what level — facts of the encounter alone,
 * so read once per encounter for the seven repair rules (undefined for a dehiscence repair).
 */
const repairReadings = oncePerEncounter((ctx: RuleContext) =>
  repairProcedures(ctx).map((p) => {
    if (isDehiscence(ctx, p)) return undefined;
    const origin = woundOrigin(ctx, p);
    return { p, origin, site: repairSite(ctx, p, origin), level: assessRepairLevel(p).level };
  }),
);

/**
 * Walks every performed repair once and decides whether it becomes part of a
 * repair line. Shared by the rules below so each reports only its own concern.
 */
function collectWounds(ctx: RuleContext, report: (kind: string, p: Procedure, wound: Omit<Wound, 'lengthCm'> & { lengthCm?: number }) => void): Wound[] {
  const wounds: Wound[] = [];
  for (const reading of repairReadings(ctx)) {
    if (!reading) continue; // a dehiscence repair (repair/dehiscence)
    const { p, level, site, origin } = reading;
    const w = { p, level, site, origin, lengthCm: p.lengthCm };
    if (origin.kind === 'att' || origin.kind === 'donor-site' || origin.kind === 'hidradenitis') {
      report(origin.kind, p, w);
      continue;
    }
    if (level === 'simple' && (origin.kind === 'excision' || origin.kind === 'biopsy' || origin.kind === 'shave')) {
      // CPT names simple closure only in 11104/11106; a sutured tangential biopsy is unusual: ask, don't bill.
      report(origin.kind === 'biopsy' && origin.by.kind === 'biopsy-tangential' ? 'simple-tangential' : 'simple-included', p, w);
      continue;
    }
    if (origin.kind === 'excision') {
      const small = benignSmallExcisionLine(ctx, origin.by);
      if (small) {
        report(small.status === 'held-for-pathology' ? 'benign-small-pending' : 'benign-small', p, w);
        continue;
      }
    }
    if (!p.lengthCm || p.lengthCm <= 0) {
      report('no-length', p, w);
      continue;
    }
    wounds.push({ ...w, lengthCm: p.lengthCm });
  }
  return wounds;
}

/** The lesions a wound belongs to: the repair's own link, else the wound it was resolved to. */
function woundLesions(w: Wound): string[] {
  if (w.p.lesionLabels.length > 0) return w.p.lesionLabels;
  return w.origin.kind === 'none' ? [] : w.origin.by.lesionLabels;
}

/** NCCI: benign excision ≤0.5 cm (11400/11420/11440) bundles every repair of that wound. */
function benignSmallExcisionLine(ctx: RuleContext, excision: Procedure): DraftLine | undefined {
  return ctx.lines.find(
    (l) => ['11400', '11420', '11440'].includes(l.code) && (l.procedureIds.includes(excision.id) || overlaps(l.lesionLabels, excision.lesionLabels)),
  );
}

const REPAIR_REFS = ['CPT 2020 repair (closure) guidelines', 'Reference §4.1-4.4'];

export const repairLevelSupported = defineRule({
  id: 'repair/level-supported',
  family: 'repair',
  phase: 'code',
  title: 'Repair level must be supported by the documented technique',
  explain:
    'Since CPT 2020 an intermediate repair is a layered closure (limited undermining allowed) or a single-layer closure of a heavily contaminated wound. ' +
    'A complex repair needs the intermediate criteria plus at least one of: exposed bone, cartilage, tendon or a named neurovascular structure; debrided wound edges; extensive undermining; ' +
    'a free margin of the helical rim, vermilion or nostril rim; retention sutures. DermLens codes the level the documentation supports and says which criterion is missing.',
  references: [...REPAIR_REFS, 'AAD Derm Coding Consult FAQs (Fall 2019)'],
  // The 2020 definitions are the only ones DermLens knows; earlier dates of service are coded with them too.
  status: 'stable',
  apply(ctx) {
    const repairs = repairProcedures(ctx);
    if (repairs.length === 0) return;
    // Only repairs that are (or, with a length, would be) coded: a bundled closure's level does not matter.
    const bundled = new Set<string>();
    collectWounds(ctx, (kind, p) => {
      if (kind !== 'no-length') bundled.add(p.id);
    });
    for (const p of repairs) {
      if (bundled.has(p.id)) continue;
      const a = assessRepairLevel(p);
      const site = p.site;
      const target = p.lesionLabels[0];
      if (a.stated && RANK[a.stated] > RANK[a.level]) {
        ctx.report({
          severity: 'warning',
          message: `${label(p, site)}: documented as ${a.stated} but ${a.missing.join('; ')}; treated as ${a.level}.`,
          target,
          fix:
            a.stated === 'complex'
              ? `Document the complex criterion that applies (${COMPLEX_CRITERIA}) to support a complex repair code.`
              : 'Document the layered closure (deep/subcutaneous sutures and skin) to support an intermediate repair code.',
          span: p.span,
        });
      } else if (a.stated && RANK[a.stated] < RANK[a.level]) {
        ctx.report({
          severity: 'warning',
          message: `${label(p, site)}: documented as ${a.stated}, but the technique described (${a.level === 'complex' ? a.complexCriteria.join(', ') : 'layered closure'}) meets the ${a.level} definition; treated as ${a.level}.`,
          target,
          fix: `Confirm the repair level with the surgeon; the note should state one level consistent with the technique.`,
          span: p.span,
        });
      } else if (a.undocumented) {
        ctx.report({
          severity: 'warning',
          message: `${label(p, site)}: repair level and technique not documented; treated as simple.`,
          target,
          fix: 'Document the closure technique (layers, undermining, contamination, exposed structures) to support an intermediate or complex repair.',
          span: p.span,
        });
      }
      const f = p.repairFeatures ?? {};
      const measured = measuredUndermining(p.text);
      if (measured && f.undermining && f.undermining !== 'none' && f.undermining !== measured.level) {
        ctx.report({
          severity: 'info',
          message: `${label(p, site)}: undermining described as ${f.undermining}, but ${measured.distanceCm} cm against a ${measured.widthCm} cm defect width is ${measured.level} by the CPT definition; ${measured.level} used.`,
          target,
          fix: 'Make the undermining wording match the documented distance and defect width.',
          span: p.span,
        });
      }
      // "Wide undermining performed. Deep layer closed …": complex rests on a word other than CPT's "extensive", and CPT
      // 2020 measures it (§4.1).
      if (
        !measured &&
        !a.stated &&
        a.level === 'complex' &&
        a.complexCriteria.length === 1 &&
        f.undermining === 'extensive' &&
        LOOSE_UNDERMINING.test(woundText(ctx, p))
      ) {
        ctx.report({
          severity: 'info',
          message: `${label(p, site)}: complex repair chosen on undermining described in words, not measured; by the CPT definition it must reach at least the defect's maximum width.`,
          target,
          fix: 'Document the undermining distance and the defect width (or state the repair level); limited undermining makes this an intermediate repair.',
          span: p.span,
        });
      }
      if (!a.stated || a.stated === a.level) {
        if (a.level === 'simple' && !f.layered && a.complexCriteria.length > 0) {
          ctx.report({
            severity: 'info',
            message: `${label(p, site)}: ${a.complexCriteria.join(', ')} documented without a layered closure; coded as simple (complex repair needs the intermediate criteria too).`,
            target,
            fix: 'If deep layers were closed, document the layered closure.',
            span: p.span,
          });
        }
      }
      // Documentation prompts for facts that would raise the level.
      if (a.level === 'intermediate') {
        const special = siteInfo(p.site?.key)?.special;
        if ((special === 'helical-rim' || special === 'nostril-rim' || special === 'lip-vermilion') && f.freeMargin === undefined) {
          ctx.report({
            severity: 'info',
            message: `${label(p, site)}: repair at the ${special.replace('-', ' ')}; if it involved the free margin, the repair is complex.`,
            target,
            fix: 'Document whether the free margin (helical rim, vermilion border, nostril rim) was involved.',
            span: p.span,
          });
        }
        if (p.deepStructureInvolved && f.exposedDeepStructure === undefined) {
          ctx.report({
            severity: 'info',
            message: `${label(p, site)}: deep structures were involved; exposure of bone, cartilage, tendon or a named neurovascular structure makes the repair complex.`,
            target,
            fix: 'Document which deep structure was exposed, if any.',
            span: p.span,
          });
        }
      }
    }
  },
});

export const repairSumBySiteGroup = defineRule({
  id: 'repair/sum-by-site-group',
  family: 'repair',
  phase: 'code',
  title: 'Add repair lengths of the same level within one site group',
  explain:
    'Repairs are coded by total length: the lengths of all repairs of the same level in the same site group of that level are added and coded once. ' +
    'Lengths are never added across levels or across site groups. Complex repair codes start at 1.1 cm, so a complex closure of 1.0 cm or less is coded as intermediate. ' +
    'Above 7.5 cm a complex repair takes the 2.6-7.5 cm code plus one add-on unit for each further 5 cm or part.',
  references: [...REPAIR_REFS, 'AAPC "You be the coder: repair size versus complexity"'],
  status: 'stable',
  codes: [
    ...Object.values(SIMPLE_REPAIR_BANDS).flatMap((b) => b.map((x) => x.value)),
    ...Object.values(INTERMEDIATE_REPAIR_BANDS).flatMap((b) => b.map((x) => x.value)),
    ...Object.values(COMPLEX_REPAIR_CODES).flatMap((c) => [c.upTo2_5, c.upTo7_5, c.addOn]),
    'G0168',
  ],
  apply(ctx) {
    const wounds = collectWounds(ctx, () => {});
    const medicareAdhesive: Wound[] = [];
    const byKey = new Map<string, { level: RepairLevel; group: string; wounds: Wound[] }>();
    const add = (level: RepairLevel, group: string, w: Wound) => {
      const key = `${level}|${group}`;
      const entry = byKey.get(key) ?? { level, group, wounds: [] };
      entry.wounds.push(w);
      byKey.set(key, entry);
    };
    const groupFor = (level: RepairLevel, key: string | undefined): string | undefined =>
      level === 'complex' ? fourWayGroup(key) : level === 'intermediate' ? intermediateRepairGroup(key) : simpleRepairGroup(key);

    for (const w of wounds) {
      if (w.p.repairFeatures?.tissueAdhesiveOnly && ctx.settings.payer === 'medicare') {
        medicareAdhesive.push(w);
        continue;
      }
      const group = groupFor(w.level, w.site?.key);
      if (!group) {
        ctx.report({
          severity: 'error',
          message: `${label(w.p, w.site)}: the anatomic site is ${w.site ? `not recognised ("${w.site.text}")` : 'not documented'}, so no repair code can be chosen.`,
          target: w.p.lesionLabels[0],
          fix: 'Document the repair site (e.g. cheek, nose, scalp, back) to select the repair site group.',
          span: w.p.span,
        });
        continue;
      }
      const ambiguous = boundaryThatMatters(w.site?.key, (k) => groupFor(w.level, k));
      if (ambiguous) {
        ctx.report({
          severity: 'info',
          message: `${label(w.p, w.site)}: repair site group chosen for "${w.site?.text}", which sits on a boundary (${ambiguous}).`,
          target: w.p.lesionLabels[0],
          fix: 'Verify the site group against the exact location.',
          span: w.p.span,
        });
      }
      add(w.level, group, w);
    }

    // CPT: complex repair starts at 1.1 cm. A complex-technique total of 1.0 cm or
    // less in one site group is reported with the intermediate code (the complex
    // criteria include the intermediate ones).
    for (const [key, entry] of [...byKey]) {
      if (entry.level !== 'complex') continue;
      const total = roundToTenth(entry.wounds.reduce((s, w) => s + w.lengthCm, 0));
      if (total > 1.0) continue;
      byKey.delete(key);
      for (const w of entry.wounds) {
        const group = intermediateRepairGroup(w.site?.key);
        if (group) add('intermediate', group, { ...w, level: 'intermediate' });
      }
      ctx.report({
        severity: 'info',
        message: `Complex repair totalling ${total} cm: complex repair codes start at 1.1 cm, so it is coded as intermediate.`,
        target: entry.wounds[0]?.p.lesionLabels[0],
        span: entry.wounds[0]?.p.span,
      });
    }

    const entries = [...byKey.values()].sort((a, b) => RANK[b.level] - RANK[a.level]);
    for (const entry of entries) {
      const total = roundToTenth(entry.wounds.reduce((s, w) => s + w.lengthCm, 0));
      const base = {
        lesionLabels: [...new Set(entry.wounds.flatMap(woundLesions))],
        specimenLabels: [],
        procedureIds: entry.wounds.map((w) => w.p.id),
        siteKey: entry.wounds[0]?.site?.key,
        spans: entry.wounds.flatMap((w) => ctx.spanOf(w.p)),
      };
      const tags = ['repair', `repair-${entry.level}`];
      if (entry.level === 'complex') {
        const codes = COMPLEX_REPAIR_CODES[entry.group as keyof typeof COMPLEX_REPAIR_CODES];
        ctx.addLine({ code: total <= 2.5 ? codes.upTo2_5 : codes.upTo7_5, ...base, tags });
        const extra = Math.max(0, Math.ceil((Math.round(total * 10) - 75) / 50));
        if (extra > 0) ctx.addLine({ code: codes.addOn, units: extra, ...base, tags: [...tags, 'add-on'] });
        continue;
      }
      const bands =
        entry.level === 'intermediate'
          ? INTERMEDIATE_REPAIR_BANDS[entry.group as keyof typeof INTERMEDIATE_REPAIR_BANDS]
          : SIMPLE_REPAIR_BANDS[entry.group as keyof typeof SIMPLE_REPAIR_BANDS];
      const code = lookupBand(total, bands);
      if (code) ctx.addLine({ code, ...base, tags });
    }

    if (medicareAdhesive.length > 0) {
      ctx.addLine({
        code: 'G0168',
        units: medicareAdhesive.length,
        lesionLabels: [...new Set(medicareAdhesive.flatMap(woundLesions))],
        specimenLabels: [],
        procedureIds: medicareAdhesive.map((w) => w.p.id),
        siteKey: medicareAdhesive[0]?.site?.key,
        spans: medicareAdhesive.flatMap((w) => ctx.spanOf(w.p)),
        tags: ['repair', 'repair-simple'],
      });
    }
  },
});

export const repairLengthDocumented = defineRule({
  id: 'repair/length-documented',
  family: 'repair',
  phase: 'code',
  title: 'Repair length must be documented',
  explain:
    'Repair codes are chosen by the length of the repaired wound in centimetres, added up per level and site group. Without a length no repair code can be chosen, so DermLens reports no line and asks for it.',
  references: REPAIR_REFS,
  status: 'stable',
  apply(ctx) {
    collectWounds(ctx, (kind, p, w) => {
      if (kind !== 'no-length') return;
      // Medicare's G0168 (adhesive-only closure, §14) is one per wound, whatever its length.
      if (p.repairFeatures?.tissueAdhesiveOnly && ctx.settings.payer === 'medicare') return;
      ctx.report({
        severity: 'error',
        message: `${label(p, w.site)}: repair length not documented, so no ${w.level} repair code can be chosen.`,
        target: p.lesionLabels[0],
        fix: `Document the length of the repaired wound in cm to code the ${w.level} repair (${LEVEL_RANGE[w.level]}).`,
        span: p.span,
      });
    });
  },
});

export const repairIncludedInProcedure = defineRule({
  id: 'repair/included-in-procedure',
  family: 'repair',
  phase: 'code',
  title: 'Repairs included in the procedure that made the wound',
  explain:
    'Simple repair is part of excisions, punch and incisional biopsies and shave removals, so it is never reported for their wounds. ' +
    'NCCI also bundles every repair, even intermediate or complex, into a benign excision of 0.5 cm or less (11400, 11420, 11440); this does not apply to malignant excisions. ' +
    'A closure made with an adjacent tissue transfer, direct closure of a graft or flap donor site, and the closure built into a hidradenitis excision code are included there too.',
  references: [...REPAIR_REFS, 'NCCI policy manual ch. III (reference §11.2)', 'Reference §3.5, §5.1, §5.2'],
  status: 'stable',
  apply(ctx) {
    collectWounds(ctx, (kind, p, w) => {
      const by = w.origin.kind === 'none' ? undefined : w.origin.by;
      const messages: Record<string, string> = {
        att: 'closed by the adjacent tissue transfer, which includes the closure',
        'donor-site': 'direct closure of a graft or flap donor site is included in the graft/flap code',
        hidradenitis: 'the hidradenitis excision code already states the repair type (11450/11462/11470 simple or intermediate, 11451/11463/11471 complex)',
        'simple-included': `a simple repair is included in the ${by?.kind.replace(/-/g, ' ') ?? 'procedure'} of the same wound`,
        'benign-small': 'any repair of a benign excision of 0.5 cm or less (11400/11420/11440) is bundled by NCCI',
        'benign-small-pending':
          'any repair of a benign excision of 0.5 cm or less (11400/11420/11440) is bundled by NCCI; the excision is still pending pathology, and if it proves malignant the repair becomes reportable',
        'simple-tangential':
          'simple closure of a tangential (shave) biopsy wound; the biopsy codes name simple closure only for punch and incisional biopsies, and a tangential biopsy that needed sutures is unusual',
      };
      const why = messages[kind];
      if (!why) return;
      const tangential = kind === 'simple-tangential';
      ctx.report({
        severity: tangential ? 'warning' : 'info',
        message: `${label(p, w.site)}: not reported separately; ${why}.`,
        target: p.lesionLabels[0],
        fix: tangential
          ? 'Verify the biopsy technique (a full-thickness punch or incisional biopsy includes its simple closure) before billing any closure.'
          : undefined,
        span: p.span,
      });
      ctx.explained(p);
    });
  },
});

export const repairAfterMohsOrBiopsy = defineRule({
  id: 'repair/after-mohs-or-biopsy',
  family: 'repair',
  phase: 'code',
  title: 'Repairs after Mohs, and layered repairs of biopsy sites',
  explain:
    'A repair after Mohs surgery is reported separately with its own global period. CPT does not bundle even a simple repair into Mohs, but whether each payer and NCCI agree is unverified, so DermLens codes it and asks to check. ' +
    'An intermediate or complex repair of a biopsy wound is separately reportable but unusual, so it is flagged for manual review.',
  references: ['Reference §6.4 (repair after Mohs)', 'Reference §1.2 item 3 (biopsy closure)'],
  status: 'stable',
  apply(ctx) {
    for (const w of collectWounds(ctx, () => {})) {
      if (w.origin.kind === 'mohs' && w.level === 'simple') {
        ctx.report({
          severity: 'warning',
          message: `${label(w.p, w.site)}: simple repair after Mohs coded; CPT does not bundle it, but payer and NCCI treatment of a simple repair with Mohs is unverified.`,
          target: w.p.lesionLabels[0],
          fix: 'Check the payer policy and the current NCCI PTP file for the Mohs and simple repair pair.',
          span: w.p.span,
        });
      }
      if (w.origin.kind === 'biopsy' && w.level !== 'simple') {
        ctx.report({
          severity: 'warning',
          message: `${label(w.p, w.site)}: ${w.level} repair of a biopsy site coded; this is uncommon, review the note before billing.`,
          target: w.p.lesionLabels[0],
          fix: 'Confirm the wound needed a layered closure and that the documentation describes it.',
          span: w.p.span,
        });
      }
    }
  },
});

export const repairDehiscence = defineRule({
  id: 'repair/dehiscence',
  family: 'repair',
  phase: 'code',
  title: 'Closure of a dehisced wound',
  explain:
    'Re-closing a superficial wound that opened (dehiscence) is 12020, or 12021 when the wound is packed. An extensive or complicated secondary closure is 13160. ' +
    'A layered re-closure is coded with the intermediate repair codes by length; that choice is not confirmed in our reference, so DermLens asks to verify it.',
  references: ['Reference §4.3 (12020/12021, 13160)'],
  status: 'stable',
  codes: ['12020', '12021', '13160'],
  apply(ctx) {
    for (const p of repairProcedures(ctx)) {
      if (!isDehiscence(ctx, p)) continue;
      const { level } = assessRepairLevel(p);
      const base = {
        lesionLabels: p.lesionLabels,
        specimenLabels: [],
        procedureIds: [p.id],
        siteKey: p.site?.key,
        spans: ctx.spanOf(p),
        tags: ['repair', `repair-${level}`, 'dehiscence'],
      };
      if (p.documentedCode === '13160' || level === 'complex' || SECONDARY_CLOSURE.test(p.text)) {
        ctx.addLine({ code: '13160', ...base, tags: ['repair', 'repair-complex', 'dehiscence'] });
        continue;
      }
      if (level === 'simple') {
        ctx.addLine({ code: p.documentedCode === '12021' || packed(p.text) ? '12021' : '12020', ...base });
        continue;
      }
      const group = intermediateRepairGroup(p.site?.key);
      const code = group && p.lengthCm ? lookupBand(p.lengthCm, INTERMEDIATE_REPAIR_BANDS[group]) : undefined;
      if (code) ctx.addLine({ code, ...base });
      ctx.report({
        severity: 'warning',
        message: `${label(p, p.site)}: layered closure of a dehisced wound ${code ? `coded as ${code}` : 'not coded (site or length missing)'}; the reference does not confirm which code applies.`,
        target: p.lesionLabels[0],
        fix: 'Verify the code for a layered re-closure of a dehiscence (intermediate repair by length, or 13160 if extensive/complicated) and document site and length.',
        span: p.span,
      });
    }
  },
});

export const repairTissueAdhesive = defineRule({
  id: 'repair/tissue-adhesive',
  family: 'repair',
  phase: 'code',
  title: 'Closure with tissue adhesive only',
  explain:
    'A wound closed only with tissue adhesive is a simple closure. Medicare has its own HCPCS code for it, G0168, used instead of the simple repair codes; other payers vary, so DermLens codes the simple repair and asks to check.',
  references: ['Reference §14 (G0168)'],
  status: 'stable',
  codes: ['G0168'],
  apply(ctx) {
    for (const w of collectWounds(ctx, () => {})) {
      if (!w.p.repairFeatures?.tissueAdhesiveOnly || ctx.settings.payer === 'medicare') continue;
      ctx.report({
        severity: 'info',
        message: `${label(w.p, w.site)}: tissue-adhesive-only closure coded as a simple repair; Medicare would use G0168, other payers' policies vary.`,
        target: w.p.lesionLabels[0],
        fix: 'Verify this payer’s policy for adhesive-only closures.',
        span: w.p.span,
      });
    }
  },
});

export const repairMultipleLevels = defineRule({
  id: 'repair/multiple-levels',
  family: 'repair',
  phase: 'modify',
  title: 'Several repair levels: most complex first, distinct modifier on the others',
  explain:
    'When repairs of different levels are reported on one claim, the most complex repair is listed first and the less complex repairs take the distinct-service modifier (59, or XS for Medicare). ' +
    'Add-on codes never take it.',
  references: ['Reference §4.2', 'Reference §10.4 (59/X modifiers)'],
  status: 'stable',
  apply(ctx) {
    const repairs = ctx.lines.filter((l) => l.family === 'repair');
    const levelOf = (l: DraftLine): number => RANK[(l.tags.find((t) => t.startsWith('repair-'))?.slice(7) ?? 'simple') as RepairLevel] ?? 1;
    const top = Math.max(0, ...repairs.map(levelOf));
    if (new Set(repairs.map(levelOf)).size < 2) return;
    // Reorder the repair lines in place: keep their slots, fill them most complex first.
    const slots = repairs.map((l) => ctx.lines.indexOf(l)).sort((a, b) => a - b);
    const ordered = [...repairs].sort((a, b) => levelOf(b) - levelOf(a));
    slots.forEach((slot, i) => {
      ctx.lines[slot] = ordered[i] as DraftLine;
    });
    for (const line of repairs) {
      if (levelOf(line) < top && !line.tags.includes('add-on')) ctx.addModifier(line, ctx.distinctModifier('XS'));
    }
  },
});

export const repairRules: Rule[] = [
  repairLevelSupported,
  repairLengthDocumented,
  repairIncludedInProcedure,
  repairAfterMohsOrBiopsy,
  repairTissueAdhesive,
  repairSumBySiteGroup,
  repairDehiscence,
  repairMultipleLevels,
];
