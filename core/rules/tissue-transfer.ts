import { boundaryThatMatters, fourWayGroup, siteInfo, twoWayGraftGroup } from '../anatomy';
import { roundToTenth } from '../codes/bands';
import { ATT_CODES, FTSG_CODES, PEDICLE_CODES, TWO_WAY_GRAFT_CODES } from '../codes/families/tissue-transfer';
import type { Procedure, Site } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { oncePerEncounter } from './per-encounter';

/**
 * What a documented flap / tissue transfer is for coding purposes (reference §5.1, §5.3).
 * `att`: adjacent tissue transfer 14000-14302; `not-att`: coded as a repair by its
 * features; the others are the named flap codes.
 */
export type TransferClass =
  | { kind: 'att'; note?: 'type-missing' | 'type-unrecognized' | 'random-island' }
  | { kind: 'not-att'; reason: string }
  | { kind: 'filleted-digit' }
  | { kind: 'forehead-axial' }
  | { kind: 'island-axial' }
  | { kind: 'pedicle' };

const TRANSFER_KINDS = ['adjacent-tissue-transfer', 'flap'] as const;

// Patterns run on normalised text: lower case, hyphens/underscores/slashes as spaces.
const FILLET = /\bfillet/;
const FOREHEAD_AXIAL = /paramedian forehead|forehead (?:interpolation |pedicle |axial )?flap|axial (?:pattern )?forehead/;
/** Words that make a bare "forehead"/"melolabial" flap the staged, pedicled kind. */
const STAGED_HINT = /paramedian|\baxial\b|supratrochlear|interpolat|pedicle|two stage|\bstage (?:1|one|i)\b|division/;
const ISLAND = /\bisland\b/;
/** A named axial vessel identified and dissected (15740 requires it). */
const NAMED_VESSEL =
  /\bnamed (?:axial )?(?:vessel|artery|arterial)|\baxial (?:pattern|vessel|artery)|\b(?:angular|facial|transverse facial|supratrochlear|supraorbital|infraorbital|dorsal nasal|superficial temporal|posterior auricular|occipital|labial|digital|radial|ulnar|dorsal metacarpal) (?:artery|vessel|vessels|pedicle)/;
const PEDICLE = /interpolat|\btubed\b|\bpedicle|\babbe\b|two stage(?:d)? flap|cheek to nose/;
const DOG_EAR = /dog ?ear|burow'?s? (?:triangle|wedge)/;
const UNDERMINING = /\bundermin/;
const Z_OR_VY = /\bz ?plast|\bv (?:to )?y\b|\bvy\b/;
const TRAUMA = /lacerat|trauma|avuls|injur|\bbite\b/;
const ATT_WORDS =
  /advancement|rotation|transposition|bilobe|rhomb|z ?plast|w ?plast|m ?plast|h ?plast|\b[vy] (?:to )?[vy]\b|\bvy\b|banner|\bnote\b|\bo (?:to )?[ztl]\b|\ba (?:to )?t\b|\bot\b|\boz\b|\bat\b|limberg|dufourmentel|webster|crescent|keystone|mercedes|spiral|hatchet|rearrangement|random|burow|peng|glabellar|rieger|dorsal nasal|mustarde|tenzel|melolabial|nasolabial|double advancement|bilateral advancement/;

function normalise(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Classify a performed ATT/flap procedure by its documented flap type (and its text for vessels and staging). */
export function classifyTransfer(p: Procedure): TransferClass {
  const type = normalise(p.flapType);
  const text = normalise(p.text);
  const all = `${type} ${text}`;
  if (type && DOG_EAR.test(type) && !/\bflap\b/.test(type)) {
    return { kind: 'not-att', reason: 'dog-ear / Burow triangle removal is part of the closure, not a tissue transfer' };
  }
  if (type && UNDERMINING.test(type) && !/\bflap\b|plast/.test(type)) {
    return { kind: 'not-att', reason: 'undermining alone, without additional incisions, is not a tissue transfer (it may support a complex repair)' };
  }
  if (type && Z_OR_VY.test(type) && p.lesionLabels.length === 0 && TRAUMA.test(`${text} ${normalise(p.indications.join(' '))}`)) {
    return { kind: 'not-att', reason: 'a Z or V-Y shape arising while closing a traumatic wound is not a tissue transfer' };
  }
  if (FILLET.test(type)) return { kind: 'filleted-digit' };
  if (FOREHEAD_AXIAL.test(type)) return { kind: 'forehead-axial' };
  if (ISLAND.test(type)) return NAMED_VESSEL.test(all) ? { kind: 'island-axial' } : { kind: 'att', note: 'random-island' };
  if (PEDICLE.test(type)) return { kind: 'pedicle' };
  // A bare site word as the type ("forehead", "melolabial"): the note's wording decides.
  if (type === 'forehead' || type === 'forehead flap') {
    if (STAGED_HINT.test(text)) return { kind: 'forehead-axial' };
    return ATT_WORDS.test(text) ? { kind: 'att' } : { kind: 'att', note: 'type-unrecognized' };
  }
  if (/melolabial|nasolabial/.test(type) && /interpolat|pedicle|two stage|\bstage (?:1|one|i)\b|division/.test(text)) return { kind: 'pedicle' };
  if (!type) return { kind: 'att', note: 'type-missing' };
  if (ATT_WORDS.test(type)) return { kind: 'att' };
  // A vague type word ("local") while the note itself names the design.
  if (ATT_WORDS.test(text)) return { kind: 'att' };
  return { kind: 'att', note: 'type-unrecognized' };
}

/**
 * Performed ATT/flap procedures with their classification. A procedure documented
 * as a "repair" that names a flap design (e.g. "Repair: rotation flap") is a flap too.
 */
export function transfers(ctx: Pick<RuleContext, 'performed'>): { p: Procedure; cls: TransferClass }[] {
  // Asked by nine flap and repair rules (and per repair): classified once per encounter, read-only.
  return classifiedTransfers(ctx).slice();
}

const classifiedTransfers = oncePerEncounter((ctx: Pick<RuleContext, 'performed'>) => {
  const flaps = ctx.performed(...TRANSFER_KINDS).map((p) => ({ p, cls: classifyTransfer(p) }));
  const repairsNamingAFlap = ctx
    .performed('repair')
    .filter((p) => p.flapType?.trim())
    .map((p) => ({ p, cls: classifyTransfer(p) }))
    .filter(({ cls }) => cls.kind !== 'not-att');
  return [...flaps, ...repairsNamingAFlap];
});

/** A procedure's documented site, else its lesion's site. */
export function ownSite(ctx: Pick<RuleContext, 'lesion'>, p: Procedure): Site | undefined {
  if (p.site?.key) return p.site;
  for (const label of p.lesionLabels) {
    const site = ctx.lesion(label)?.site;
    if (site?.key) return site;
  }
  return undefined;
}

/** Two site keys in the same anatomic area (same region and subunit), e.g. nose and nasal ala. */
export function sameArea(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const x = siteInfo(a);
  const y = siteInfo(b);
  return !!x && !!y && x.region === y.region && x.subunit === y.subunit;
}

/** Wounds that flaps, grafts and layered repairs close. */
const CLOSED_WOUND_KINDS: Procedure['kind'][] = ['mohs', 'excision', 'hidradenitis-excision'];

/**
 * The one wound a closure without a lesion link belongs to: the single Mohs/excision
 * wound in the same area, or, when the closure has no site either, the single
 * Mohs/excision wound of the visit. Undefined when that is not unambiguous.
 */
export function soleWound(
  ctx: Pick<RuleContext, 'performed' | 'lesion'>,
  p: Procedure,
  kinds: Procedure['kind'][] = CLOSED_WOUND_KINDS,
): Procedure | undefined {
  if (p.lesionLabels.length > 0) return undefined;
  const wounds = ctx.performed(...kinds).filter((w) => w.id !== p.id);
  const key = p.site?.key;
  const candidates = key ? wounds.filter((w) => sameArea(ownSite(ctx, w)?.key, key)) : wounds.filter((w) => CLOSED_WOUND_KINDS.includes(w.kind));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The note introduces this site as where tissue came from: "harvested from the L
 * preauricular cheek", or the site word only names the flap ("the forehead flap").
 */
function isDonorSite(p: Procedure, site: Site | undefined): boolean {
  if (!site?.text) return false;
  const t = escapeRegExp(site.text);
  const harvested = new RegExp(`(?:harvest\\w*|donor(?:\\s+site)?|taken|obtained|raised|borrowed)\\s+(?:\\w+\\s+){0,3}?${t}`, 'i');
  if (harvested.test(p.text)) return true;
  // Every mention of the site word is the flap's name ("forehead flap", "cheek interpolation flap").
  const mentions = [...p.text.matchAll(new RegExp(`\\b${t}\\b`, 'gi'))];
  return mentions.length > 0 && mentions.every((m) => /^\s+(?:[a-z-]+\s+)?flap\b/i.test(p.text.slice(m.index + m[0].length)));
}

/** Site words a division or flap note may name the recipient with (subset of core/anatomy keys and their plain words). */
const RECIPIENT_WORDS: [RegExp, string][] = [
  [/\b(?:nasal\s+)?ala\b/i, 'nasal-ala'],
  [/\bnasal\s+tip\b/i, 'nasal-tip'],
  [/\bnose\b|\bnasal\s+(?:dorsum|sidewall)\b/i, 'nose'],
  [/\b(?:lower|upper)?\s*(?:eye)?lid\b/i, 'eyelid'],
  [/\bhelix|helical\b|\bear\b|\bauricle\b/i, 'ear'],
  [/\blip\b/i, 'lip'],
];

/** A recipient site named elsewhere in the procedure text ("…flap pedicle (stage 2), nose"). */
function recipientFromText(p: Procedure, donor: Site | undefined): Site | undefined {
  const text = donor?.text ? p.text.replace(new RegExp(`\\b${escapeRegExp(donor.text)}\\b`, 'gi'), ' ') : p.text;
  for (const [pattern, key] of RECIPIENT_WORDS) {
    const m = pattern.exec(text);
    if (m && siteInfo(key)) return { text: m[0].trim(), key };
  }
  return undefined;
}

/**
 * The recipient (defect) site, which decides flap and graft codes: the treated
 * lesion's site first, then the procedure's own site unless the note names it as
 * the donor site, then the site of the single wound of the visit.
 */
function siteOf(ctx: RuleContext, p: Procedure): Site | undefined {
  for (const label of p.lesionLabels) {
    const site = ctx.lesion(label)?.site;
    if (site?.key) return site;
  }
  const own = p.site?.key ? p.site : undefined;
  if (own && !isDonorSite(p, own)) return own;
  const wound = closedWound(ctx, p);
  const woundSite = wound ? ownSite(ctx, wound) : undefined;
  return woundSite ?? (own ? recipientFromText(p, own) : undefined) ?? own ?? p.site;
}

/**
 * The wound an unlinked flap/graft closes: the single wound in its own area, or the
 * single wound of the visit when its site is missing or is the donor site.
 */
function closedWound(ctx: RuleContext, p: Procedure): Procedure | undefined {
  if (p.lesionLabels.length > 0) return undefined;
  const donor = isDonorSite(p, p.site);
  if (p.site?.key && !donor) return soleWound(ctx, p);
  return soleWound(ctx, { ...p, site: undefined });
}

function targetOf(p: Procedure): string | undefined {
  return p.lesionLabels[0] ?? p.specimenLabel;
}

function procedureName(p: Procedure, site: Site | undefined): string {
  const what = p.flapType ? `${p.flapType}` : p.kind === 'graft' ? `${p.graftType ?? ''} graft`.trim() : 'tissue transfer';
  const label = targetOf(p);
  return `${what}${label ? ` (lesion ${label})` : ''}${site?.text ? ` at ${site.text}` : ''}`;
}

/**
 * Four-way site group of the defect, or a finding naming the missing site. An
 * ambiguous site is coded but flagged for verification.
 */
function groupOrReport<G>(
  ctx: RuleContext,
  p: Procedure,
  group: (key: string | undefined) => G | undefined,
  codeFamily: string,
): { group: G; site: Site | undefined } | undefined {
  const site = siteOf(ctx, p);
  const g = group(site?.key);
  if (!g) {
    ctx.report({
      severity: 'error',
      message: `${procedureName(p, site)}: the anatomic site is ${site ? `not recognised ("${site.text}")` : 'not documented'}, so no ${codeFamily} code can be chosen.`,
      target: targetOf(p),
      fix: `Document the defect site (e.g. nose, cheek, scalp, trunk) to select the ${codeFamily} code.`,
      span: p.span,
    });
    return undefined;
  }
  const ambiguous = boundaryThatMatters(site?.key, group);
  if (ambiguous) {
    ctx.report({
      severity: 'info',
      message: `${procedureName(p, site)}: site group chosen for "${site?.text}", which sits on a boundary (${ambiguous}).`,
      target: targetOf(p),
      fix: 'Verify the site group against the exact location and document it more precisely.',
      span: p.span,
    });
  }
  return { group: g, site };
}

function lineBase(ctx: RuleContext, p: Procedure, site: Site | undefined, tags: string[]) {
  return {
    // An unlinked closure of the visit's single wound treats that wound's lesion (for dx linking).
    lesionLabels: p.lesionLabels.length ? p.lesionLabels : (closedWound(ctx, p)?.lesionLabels ?? []),
    specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
    procedureIds: [p.id],
    siteKey: site?.key,
    spans: ctx.spanOf(p),
    tags,
  };
}

/** Units of an "each additional N or part" add-on beyond the first `first` (in tenths to avoid float noise). */
function additionalUnits(value: number, first: number, step: number): number {
  const tenths = Math.round(roundToTenth(value) * 10);
  return Math.max(0, Math.ceil((tenths - first * 10) / (step * 10)));
}

const ATT_REFS = ['CPT adjacent tissue transfer guidelines (14000-14350)', 'AAD Derm Coding Consult "Adjacent tissue transfer/rearrangement" (2025)'];

export const flapTypeDocumented = defineRule({
  id: 'tissue-transfer/flap-type-documented',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'The flap type must be documented',
  explain:
    'Whether a closure is an adjacent tissue transfer, a pedicle or axial flap, or just a repair depends on the flap design: advancement, rotation, transposition, Z-, W- or V-Y-plasty, bilobed, interpolation, island. ' +
    'When the note says "flap" without the design, DermLens codes it as an adjacent tissue transfer and asks for the type, because an auditor will.',
  references: [...ATT_REFS, 'Reference §5.1: documentation the engine should require'],
  status: 'stable',
  apply(ctx) {
    for (const { p, cls } of transfers(ctx)) {
      if (cls.kind !== 'att' || (cls.note !== 'type-missing' && cls.note !== 'type-unrecognized')) continue;
      const missing = cls.note === 'type-missing';
      ctx.report({
        severity: missing ? 'warning' : 'info',
        message: missing
          ? `${procedureName(p, siteOf(ctx, p))}: flap type not documented; coded as adjacent tissue transfer.`
          : `${procedureName(p, siteOf(ctx, p))}: flap type "${p.flapType}" not recognised; coded as adjacent tissue transfer.`,
        target: targetOf(p),
        fix: 'Document the flap design (advancement, rotation, transposition, bilobed, Z/V-Y, interpolation, island on a named vessel) to support the flap code.',
        span: p.span,
      });
    }
  },
});

export const notTissueTransfer = defineRule({
  id: 'tissue-transfer/not-att',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Undermining, dog-ear removal and incidental Z/V-Y shapes are not tissue transfers',
  explain:
    'An adjacent tissue transfer needs additional incisions that move neighbouring tissue into the defect. Undermining alone, removing dog-ears or Burow triangles, ' +
    'and Z or V-Y shapes that appear while closing a traumatic wound are part of the repair. DermLens codes such closures as a repair by their documented technique (undermining may make it complex).',
  references: [...ATT_REFS, 'Reference §5.1 "These are not ATT"'],
  status: 'stable',
  apply(ctx) {
    for (const { p, cls } of transfers(ctx)) {
      if (cls.kind !== 'not-att') continue;
      ctx.report({
        severity: 'warning',
        message: `${procedureName(p, siteOf(ctx, p))}: ${cls.reason}; coded as a repair by its documented technique, not 14000-14302.`,
        target: targetOf(p),
        fix: 'If a flap with additional incisions was designed and transposed, document the flap type and the primary and secondary defect sizes.',
        span: p.span,
      });
    }
  },
});

export const attArea = defineRule({
  id: 'tissue-transfer/att-area',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Adjacent tissue transfer: code by site group and total defect area',
  explain:
    'Adjacent tissue transfer (local flaps) is coded by the site group and the total defect: the primary defect plus the secondary defect the flap creates, in sq cm. ' +
    'Up to 10 sq cm takes the first code of the site group and 10.1-30 sq cm the second; above 30 sq cm every site uses 14301 plus 14302 for each further 30 sq cm or part. ' +
    'A random-pattern island flap (no named vessel) is an adjacent tissue transfer.',
  references: [...ATT_REFS, 'Reference §5.1 and §5.3'],
  status: 'stable',
  codes: ['14000', '14001', '14020', '14021', '14040', '14041', '14060', '14061', '14301', '14302'],
  apply(ctx) {
    for (const { p, cls } of transfers(ctx)) {
      if (cls.kind !== 'att') continue;
      const site = siteOf(ctx, p);
      const hasPrimary = p.primaryDefectSqCm !== undefined && p.primaryDefectSqCm > 0;
      const hasSecondary = p.secondaryDefectSqCm !== undefined && p.secondaryDefectSqCm > 0;
      let area: number | undefined;
      if (hasPrimary && hasSecondary) {
        area = (p.primaryDefectSqCm ?? 0) + (p.secondaryDefectSqCm ?? 0);
        // "secondary defects 2.5 x 1.5 cm each (two), total 11.5 sq cm": a written total the parts do not add up to.
        if (p.areaSqCm !== undefined && p.areaSqCm > 0 && Math.abs(p.areaSqCm - area) >= 0.1) {
          ctx.report({
            severity: 'warning',
            message: `${procedureName(p, site)}: primary ${roundToTenth(p.primaryDefectSqCm ?? 0)} + secondary ${roundToTenth(p.secondaryDefectSqCm ?? 0)} sq cm = ${roundToTenth(area)} sq cm, but the note states a total of ${roundToTenth(p.areaSqCm)} sq cm; coded on the sum.`,
            target: targetOf(p),
            fix: 'Verify the defect areas (several secondary defects, e.g. an O-to-Z flap, add up); the ATT area is primary + every secondary defect.',
            span: p.span,
          });
        }
      } else if (p.areaSqCm !== undefined && p.areaSqCm > 0) area = p.areaSqCm;
      else if (hasPrimary || hasSecondary) {
        // Lowest supported level: the documented part of the defect only.
        area = hasPrimary ? p.primaryDefectSqCm : p.secondaryDefectSqCm;
        ctx.report({
          severity: 'warning',
          message: `${procedureName(p, site)}: ${hasPrimary ? 'secondary (donor) defect' : 'primary defect'} size not documented; coded on ${roundToTenth(area ?? 0)} sq cm only.`,
          target: targetOf(p),
          fix: 'Document the primary and the secondary defect dimensions (length × width, sq cm); the ATT area is their sum and may reach a higher code.',
          span: p.span,
        });
      }
      if (area === undefined) {
        ctx.report({
          severity: 'error',
          message: `${procedureName(p, site)}: neither the primary nor the secondary defect size is documented, so no adjacent tissue transfer code can be chosen.`,
          target: targetOf(p),
          fix: 'Document the primary defect and the secondary (flap donor) defect in sq cm (or their dimensions) to code 14000-14302.',
          span: p.span,
        });
        continue;
      }
      if (cls.note === 'random-island') {
        ctx.report({
          severity: 'info',
          message: `${procedureName(p, site)}: island flap without a documented named axial vessel coded as adjacent tissue transfer, not 15740.`,
          target: targetOf(p),
          fix: 'If a named axial vessel was identified and dissected, document the vessel to support 15740.',
          span: p.span,
        });
      }
      const rounded = roundToTenth(area);
      if (rounded > 30) {
        // CPT: defects over 30 sq cm at any site go to 14301/+14302, not to stacked site codes.
        const base = lineBase(ctx, p, site, ['tissue-transfer', 'att']);
        ctx.addLine({ code: '14301', ...base });
        const extra = additionalUnits(rounded, 60, 30);
        if (extra > 0) ctx.addLine({ code: '14302', units: extra, ...base, tags: ['tissue-transfer', 'att', 'add-on'] });
        continue;
      }
      const g = groupOrReport(ctx, p, fourWayGroup, 'adjacent tissue transfer');
      if (!g) continue;
      const codes = ATT_CODES[g.group];
      ctx.addLine({ code: rounded <= 10 ? codes.upTo10 : codes.upTo30, ...lineBase(ctx, p, g.site, ['tissue-transfer', 'att']) });
    }
  },
});

export const filletedDigit = defineRule({
  id: 'tissue-transfer/filleted-digit',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Filleted finger or toe flap is 14350',
  explain: 'A flap made from a filleted finger or toe has its own code, 14350, reported once per flap whatever its area.',
  references: ['Reference §5.1 (14350)'],
  status: 'stable',
  codes: ['14350'],
  apply(ctx) {
    for (const { p, cls } of transfers(ctx)) {
      if (cls.kind !== 'filleted-digit') continue;
      ctx.addLine({ code: '14350', ...lineBase(ctx, p, siteOf(ctx, p), ['tissue-transfer']) });
    }
  },
});

export const axialAndPedicleFlaps = defineRule({
  id: 'tissue-transfer/axial-and-pedicle-flaps',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Interpolation, forehead and island-pedicle flaps have their own codes',
  explain:
    'A flap that keeps a pedicle to be divided later (interpolation, e.g. cheek-to-nose) is coded by the recipient site group: 15570, 15572, 15574 or 15576. ' +
    'A paramedian (axial) forehead flap is 15731. An island pedicle flap is 15740 only when an anatomically named axial vessel was identified and dissected; otherwise it is an adjacent tissue transfer.',
  references: ['Reference §5.3', 'AAD "Flaps, revisited"'],
  status: 'stable',
  codes: ['15570', '15572', '15574', '15576', '15731', '15740'],
  apply(ctx) {
    for (const { p, cls } of transfers(ctx)) {
      if (cls.kind === 'forehead-axial') {
        ctx.addLine({ code: '15731', ...lineBase(ctx, p, siteOf(ctx, p), ['tissue-transfer', 'flap-stage-1']) });
      } else if (cls.kind === 'island-axial') {
        ctx.addLine({ code: '15740', ...lineBase(ctx, p, siteOf(ctx, p), ['tissue-transfer']) });
      } else if (cls.kind === 'pedicle') {
        const g = groupOrReport(ctx, p, fourWayGroup, 'pedicle flap');
        if (!g) continue;
        ctx.addLine({ code: PEDICLE_CODES[g.group].form, ...lineBase(ctx, p, g.site, ['tissue-transfer', 'flap-stage-1']) });
      }
    }
  },
});

const STAGED = /\bstaged?\b|second[-\s]stage|2nd\s+stage|stage\s+(?:2|two|ii)\b|planned/i;

/**
 * "Division and inset of the forehead flap pedicle (stage 2)": a sentence that names the division
 * or inset of a flap/pedicle and says it is the second or planned stage, wherever the note puts it.
 */
function noteSaysStagedDivision(ctx: RuleContext): boolean {
  for (const text of Object.values(ctx.encounter.sections)) {
    for (const sentence of text.split(/(?<=[.;])\s+|\n/)) {
      if (/\b(?:divi(?:sion|ded)|inset|take-?down)\b/i.test(sentence) && /\b(?:flap|pedicle)\b/i.test(sentence) && STAGED.test(sentence)) return true;
      // "She returns for her second stage of the paramedian forehead flap …": the visit itself is the second stage.
      if (/\b(?:second[-\s]stage|2nd\s+stage|stage\s+(?:2|two|ii))\b/i.test(sentence) && /\b(?:flap|pedicle)\b/i.test(sentence)) return true;
    }
  }
  return false;
}

export const flapDivision = defineRule({
  id: 'tissue-transfer/flap-division',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Flap delay or division and inset, with 58 inside the first stage global',
  explain:
    'Dividing and insetting an interpolation flap (or delaying a flap) is coded once, at that stage, by the site group: 15600, 15610, 15620 or 15630. ' +
    'It normally falls inside the 90-day global period of the first stage, so it takes modifier 58 (staged procedure). ' +
    'When the note does not say it is a staged procedure or a post-operative visit, DermLens asks rather than adding 58.',
  references: ['Reference §5.3 (two-stage interpolation flap)', 'Reference §10.3 (modifier 58)'],
  status: 'stable',
  codes: ['15600', '15610', '15620', '15630'],
  apply(ctx) {
    const postOp = ctx.encounter.visit.postOpOf;
    for (const p of ctx.performed('flap-division')) {
      // No site: the documented stage-1 pedicle code (15570-15576) names the site group of its division.
      const stage1 = Object.values(PEDICLE_CODES).find((c) => c.form === postOp?.code);
      let divide: string;
      let site: Site | undefined;
      if (!siteOf(ctx, p)?.key && stage1) {
        divide = stage1.divide;
        site = undefined;
      } else {
        const g = groupOrReport(ctx, p, fourWayGroup, 'flap division');
        if (!g) continue;
        divide = PEDICLE_CODES[g.group].divide;
        site = g.site;
      }
      const line = ctx.addLine({ code: divide, ...lineBase(ctx, p, site, ['tissue-transfer', 'flap-stage-2']) });
      if ((postOp && postOp.related !== false) || STAGED.test(`${p.text} ${p.flapType ?? ''}`) || noteSaysStagedDivision(ctx)) {
        ctx.addModifier(line, '58');
      } else {
        ctx.report({
          severity: 'warning',
          message: `Flap division ${line.code}: the note does not say whether this is the planned second stage inside the first stage's global period.`,
          target: line.code,
          fix: `Document the first-stage flap (code and date); if today is within its 90-day global, add modifier 58 to ${line.code}.`,
          span: p.span,
        });
      }
    }
  },
});

const GRAFT_REFS = ['CPT skin graft and skin substitute guidelines (15040-15278)', 'Reference §5.2'];

export const graftArea = defineRule({
  id: 'tissue-transfer/graft-area',
  family: 'tissue-transfer',
  phase: 'code',
  title: 'Skin grafts: code by graft type, recipient site group and recipient area',
  explain:
    'A graft is coded by its type (split-thickness, full-thickness, skin substitute, composite), the recipient site group and the recipient area in sq cm. ' +
    'Full-thickness grafts step by 20 sq cm, split-thickness by 100 sq cm; skin substitutes step by 25 sq cm on wounds under 100 sq cm and by 100 sq cm on larger ones. ' +
    'Direct closure of the donor site is included. A graft that closes a flap donor defect is reported in addition to the flap.',
  references: GRAFT_REFS,
  status: 'stable',
  codes: [
    '15100',
    '15101',
    '15120',
    '15121',
    '15200',
    '15201',
    '15220',
    '15221',
    '15240',
    '15241',
    '15260',
    '15261',
    '15271',
    '15272',
    '15273',
    '15274',
    '15275',
    '15276',
    '15277',
    '15278',
    '15760',
  ],
  apply(ctx) {
    for (const p of ctx.performed('graft')) {
      const site = siteOf(ctx, p);
      if (!p.graftType) {
        ctx.report({
          severity: 'error',
          message: `${procedureName(p, site)}: graft type not documented, so no graft code can be chosen.`,
          target: targetOf(p),
          fix: 'Document the graft type: split-thickness (15100/15120), full-thickness (15200-15261), skin substitute (15271-15278) or composite (15760).',
          span: p.span,
        });
        continue;
      }
      if (p.graftType === 'composite') {
        ctx.addLine({ code: '15760', ...lineBase(ctx, p, site, ['tissue-transfer', 'graft']) });
        continue;
      }
      const area = p.areaSqCm && p.areaSqCm > 0 ? p.areaSqCm : p.primaryDefectSqCm && p.primaryDefectSqCm > 0 ? p.primaryDefectSqCm : undefined;
      if (area === undefined) {
        ctx.report({
          severity: 'error',
          message: `${procedureName(p, site)}: recipient area not documented, so the graft code and its units cannot be chosen.`,
          target: targetOf(p),
          fix: 'Document the recipient-site area in sq cm (length × width of the grafted defect).',
          span: p.span,
        });
        continue;
      }
      const rounded = roundToTenth(area);
      if (p.graftType === 'full-thickness') {
        const g = groupOrReport(ctx, p, fourWayGroup, 'full-thickness graft');
        if (!g) continue;
        const codes = FTSG_CODES[g.group];
        emitGraft(ctx, p, g.site, codes.first, codes.addOn, additionalUnits(rounded, 20, 20));
        continue;
      }
      const g = groupOrReport(ctx, p, twoWayGraftGroup, p.graftType === 'split-thickness' ? 'split-thickness graft' : 'skin substitute');
      if (!g) continue;
      const codes = TWO_WAY_GRAFT_CODES[g.group];
      if (p.graftType === 'split-thickness') {
        emitGraft(ctx, p, g.site, codes.stsg, codes.stsgAddOn, additionalUnits(rounded, 100, 100));
      } else if (rounded < 100) {
        emitGraft(ctx, p, g.site, codes.subSmall, codes.subSmallAddOn, additionalUnits(rounded, 25, 25));
      } else {
        emitGraft(ctx, p, g.site, codes.subLarge, codes.subLargeAddOn, additionalUnits(rounded, 100, 100));
      }
      if (p.graftType === 'skin-substitute') {
        ctx.report({
          severity: 'info',
          message: `${procedureName(p, g.site)}: the skin substitute product itself is reported on its own line (HCPCS Q-code); how payers pay for products changed for 2026 and is unverified here.`,
          target: targetOf(p),
          fix: 'Add the product Q-code with the units applied and wasted; verify the payer’s current product policy.',
          span: p.span,
        });
      }
    }
  },
});

function emitGraft(ctx: RuleContext, p: Procedure, site: Site | undefined, first: string, addOn: string, extra: number): void {
  ctx.addLine({ code: first, ...lineBase(ctx, p, site, ['tissue-transfer', 'graft']) });
  if (extra > 0) ctx.addLine({ code: addOn, units: extra, ...lineBase(ctx, p, site, ['tissue-transfer', 'graft', 'add-on']) });
}

/** Benign and malignant lesion excision codes (hidradenitis 11450-11471 are a different family). */
const LESION_EXCISION = /^11(?:4[0-4]\d|6[0-4]\d)$/;

export const attIncludesExcisionAndRepair = defineRule({
  id: 'tissue-transfer/includes-excision-and-repair',
  family: 'tissue-transfer',
  phase: 'bundle',
  title: 'Adjacent tissue transfer includes the excision and the closure of the same wound',
  explain:
    'The adjacent tissue transfer codes include excising the lesion at the same site and closing the wound, including direct closure of the flap donor site. ' +
    'So an excision line (11400-11646) or a repair line for the same lesion is removed. A skin graft needed to close the secondary defect is still reported, and so is Mohs surgery.',
  references: [...ATT_REFS, 'NCCI policy manual ch. III (as quoted in reference §11.2)'],
  status: 'stable',
  apply(ctx) {
    const atts = transfers(ctx).filter(({ cls }) => cls.kind === 'att');
    for (const { p } of atts) {
      const wound = closedWound(ctx, p);
      const labels = new Set((p.lesionLabels.length ? p.lesionLabels : (wound?.lesionLabels ?? [])).map((l) => l.toUpperCase()));
      const site = siteOf(ctx, p);
      const sameWound = (line: DraftLine): boolean => {
        if (wound && line.procedureIds.includes(wound.id)) return true;
        if (labels.size > 0) return line.lesionLabels.length > 0 && line.lesionLabels.every((l) => labels.has(l.toUpperCase()));
        return !!site?.key && line.siteKey === site.key;
      };
      for (const line of [...ctx.lines]) {
        const isExcision = LESION_EXCISION.test(line.code);
        const isRepair = line.family === 'repair';
        if (!isExcision && !isRepair) continue;
        if (!sameWound(line)) continue;
        ctx.removeLine(line, `included in the adjacent tissue transfer of ${procedureName(p, site)}`);
        ctx.report({
          severity: 'info',
          message: `${line.code} removed: the ${isExcision ? 'excision' : 'repair'} of ${line.lesionLabels.length ? `lesion ${line.lesionLabels.join(', ')}` : 'the same site'} is included in the adjacent tissue transfer.`,
          target: line.code,
          span: p.span,
        });
      }
    }
  },
});

export const tissueTransferRules: Rule[] = [
  flapTypeDocumented,
  notTissueTransfer,
  attArea,
  filletedDigit,
  axialAndPedicleFlaps,
  flapDivision,
  graftArea,
  attIncludesExcisionAndRepair,
];
