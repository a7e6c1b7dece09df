import { siteInfo } from '../../anatomy';
import { findSites } from '../../anatomy/vocabulary';
import type { Procedure } from '../../model';
import { defineRule, type FindingInput, type Rule, type RuleContext } from '../define-rule';
import type { DraftLine } from '../draft-line';
import { procedureParagraph } from '../procedure-text';
import { ANATOMIC, DISTINCT, describeLine, hasAny, isAddOnCode, isEm, isSurgical, lineProcedures, siteRelation, X_MODIFIERS } from './line-kinds';

type Side = 'left' | 'right';

function sideWord(word: string | undefined): Side | undefined {
  if (!word) return undefined;
  return /^(left|lt|l)$/i.test(word) ? 'left' : /^(right|rt|r)$/i.test(word) ? 'right' : undefined;
}

function sideOf(p: Procedure): Side | undefined {
  const lat = p.site?.laterality;
  if (lat === 'left' || lat === 'right') return lat;
  if (lat) return undefined;
  const text = `${p.site?.subsite ?? ''} ${p.site?.text ?? ''}`.toLowerCase();
  const left = /\bleft\b|\blt\b/.test(text);
  const right = /\bright\b|\brt\b/.test(text);
  if (left !== right) return left ? 'left' : 'right';
  return undefined;
}

/** One answer from every match, or none when matches disagree. */
function agreed<T>(values: (T | undefined)[]): T | undefined {
  const unique = [...new Set(values.filter((v): v is T => v !== undefined))];
  return unique.length === 1 ? unique[0] : undefined;
}

const DIGIT_WORDS: [RegExp, number][] = [
  [/^(thumb|pollex|great|big|hallux|first|1st)$/, 1],
  [/^(index|second|2nd)$/, 2],
  [/^(middle|long|third|3rd)$/, 3],
  [/^(ring|fourth|4th)$/, 4],
  [/^(little|small|pinky|pinkie|fifth|5th)$/, 5],
];
const digitWord = (w: string) => DIGIT_WORDS.find(([re]) => re.test(w.toLowerCase()))?.[1];

/**
 * Phrases such as "left lower eyelid" or "R index finger" in the procedure text, used
 * when the structured site lacks the lid or digit (the parser keeps the site words short).
 */
const LID_PHRASE = /\b(?:(left|right|lt|rt|l|r)\s+)?(upper|lower|superior|inferior)\s+(?:eye)?lid/gi;
const DIGIT_PHRASE =
  /\b(?:(left|right|lt|rt|l|r)\s+)?(?:(thumb|hallux)|(index|middle|long|ring|little|small|pinky|great|big|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:finger|toe))\b/gi;

function fromText(p: Procedure, re: RegExp): RegExpMatchArray[] {
  return [...(p.text ?? '').matchAll(re)];
}

/** Digit 1 (thumb / great toe) to 5 (little finger / little toe), from the documented subsite or site words. */
export function digitOf(p: Procedure): number | undefined {
  const key = p.site?.key;
  if (key === 'thumb') return 1;
  const sub = (p.site?.subsite ?? '').toLowerCase().trim();
  const numeric = /^(?:digit\s*|d)?([1-5])(?:st|nd|rd|th)?$/.exec(sub);
  if (numeric) return Number(numeric[1]);
  const words = `${sub} ${(p.site?.text ?? '').toLowerCase()}`.match(/[a-z0-9]+/g) ?? [];
  const fromSite = agreed(words.map((w) => (w === 'd2' ? 2 : w === 'd3' ? 3 : w === 'd4' ? 4 : w === 'd5' ? 5 : digitWord(w))));
  if (fromSite) return fromSite;
  return agreed(fromText(p, DIGIT_PHRASE).map((m) => digitWord(m[2] ?? m[3] ?? '')));
}

function lidOf(p: Procedure): 'upper' | 'lower' | undefined {
  if (p.site?.key === 'upper-eyelid') return 'upper';
  if (p.site?.key === 'lower-eyelid') return 'lower';
  const text = `${p.site?.subsite ?? ''} ${p.site?.text ?? ''}`.toLowerCase();
  const upper = /\b(upper|superior)\b/.test(text);
  const lower = /\b(lower|inferior)\b/.test(text);
  if (upper !== lower) return upper ? 'upper' : 'lower';
  return agreed(fromText(p, LID_PHRASE).map((m) => (/upper|superior/i.test(m[2] ?? '') ? 'upper' : 'lower')));
}

/** Side from the structured site, else from the lid/digit phrase in the procedure text. */
function sideFor(p: Procedure, where: 'eyelid' | 'finger' | 'toe'): Side | undefined {
  return sideOf(p) ?? agreed(fromText(p, where === 'eyelid' ? LID_PHRASE : DIGIT_PHRASE).map((m) => sideWord(m[1])));
}

export type AnatomicSite = 'eyelid' | 'finger' | 'toe';

export function anatomicSite(p: Procedure): AnatomicSite | undefined {
  const sub = siteInfo(p.site?.key)?.subunit;
  return sub === 'eyelid' || sub === 'finger' || sub === 'toe' ? sub : undefined;
}

/** A procedure's paragraph cut where the next procedure of its section begins ("… warts …" then "Acrochordons, neck …"). */
function untilNextProcedure(ctx: RuleContext, p: Procedure, paragraph: string): string {
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  if (!span || !section) return paragraph;
  const from = section.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const next = ctx.encounter.procedures
    .filter((q) => q !== p && q.span?.section === span.section && q.span.start > span.end)
    .reduce((min, q) => Math.min(min, (q.span?.start ?? min) - from), paragraph.length);
  return paragraph.slice(0, Math.max(0, next));
}

/** Lesions in the plural: a procedure with no count that treats several. */
const PLURAL_LESIONS = /\b(?:warts|verrucae|lesions|aks|sks|keratoses|tags|papules|condylomata|molluscum)\b/i;

/**
 * "3 warts R hand (1 on R index finger), 2 plantar warts L foot - LN2": a destruction counted over several lesions
 * whose paragraph also names places off that digit or lid (another region, unit or side) treats more than the digit.
 */
function spreadBeyond(ctx: RuleContext, p: Procedure): string | undefined {
  // "Cryotherapy to warts of the R heel and L thumb": with no count, the procedure's own words may still name two sites.
  if (p.count === 1 || !p.site?.key) return undefined;
  if (p.count === undefined && !PLURAL_LESIONS.test(p.text)) return undefined;
  const own = siteInfo(p.site.key);
  const side = p.site.laterality;
  const scope = p.count === undefined ? p.text : untilNextProcedure(ctx, p, procedureParagraph(ctx, p));
  const other = findSites(scope, { strict: true }).find((m) => {
    if (m.site.key === p.site?.key) return false;
    const info = siteInfo(m.site.key);
    if (!info || !own) return false;
    if (info.subunit !== undefined && info.subunit === own.subunit) {
      // "4 warts L thumb and 2 warts R 3rd finger": another digit or lid of the count, with a modifier of its own.
      const mine = anatomicModifier(p);
      const theirs = anatomicModifier({ ...p, site: m.site, text: m.site.text ?? '' });
      return mine !== undefined && theirs !== undefined && mine !== theirs;
    }
    const sideClash = m.site.laterality !== undefined && side !== undefined && m.site.laterality !== side;
    // "fourteen warts on the fingers and palms": a digit's count that names the palm or sole counts more than the digit.
    const offTheDigit = own.special === 'digit' && info.subunit === undefined && (m.site.key === 'palm' || m.site.key === 'sole');
    return info.region !== own.region || info.subunit !== undefined || sideClash || offTheDigit;
  });
  return other?.site.text;
}

/**
 * "lower eyelid/cheek junction", "junction of the lid and cheek": the lesion straddles the
 * eyelid and a neighbouring unit, so the note does not show the eyelid itself was treated.
 */
const LID_JUNCTION = /\b(?:eye)?lid\b[^.;\n]{0,40}?\bjunction\b|\bjunction\s+of\s+[^.;\n]{0,40}?\b(?:eye)?lid\b/i;

export function atEyelidJunction(p: Procedure): boolean {
  return anatomicSite(p) === 'eyelid' && LID_JUNCTION.test(`${p.site?.text ?? ''} ${p.text ?? ''}`);
}

/**
 * How many different lids or digits (with a side) the problem that holds this procedure names,
 * when it is the only procedure at such a site in that problem; 0 otherwise. The parser keeps
 * only the first site of "R index finger x2, L thumb x2", so the heading is read here.
 */
function structuresInProblem(ctx: RuleContext, p: Procedure): number {
  const span = p.span;
  const where = anatomicSite(p);
  if (!span || !where) return 0;
  const problem = ctx.encounter.visit.problems.find((q) => q.span?.section === span.section && q.span.start <= span.start && q.span.end >= span.end);
  const section = ctx.encounter.sections[span.section];
  if (!problem?.span || !section) return 0;
  const { start, end } = problem.span;
  const siblings = ctx.encounter.procedures.filter(
    (q) => q.status === 'performed' && anatomicSite(q) && q.span?.section === span.section && q.span.start >= start && q.span.end <= end,
  );
  if (siblings.length !== 1) return 0;
  const text = section.slice(start, end);
  const keys = new Set<string>();
  if (where === 'eyelid') {
    for (const m of text.matchAll(LID_PHRASE)) {
      const side = sideWord(m[1]);
      if (side) keys.add(`${side}-${/upper|superior/i.test(m[2] ?? '') ? 'upper' : 'lower'}`);
    }
  } else {
    for (const m of text.matchAll(DIGIT_PHRASE)) {
      const side = sideWord(m[1]);
      const digit = digitWord(m[2] ?? m[3] ?? '');
      if (side && digit) keys.add(`${side}-${digit}`);
    }
  }
  return keys.size;
}

/** Reference §10.6: E1-E4 eyelids, FA/F1-F9 fingers, TA/T1-T9 toes; undefined when the note does not say which. */
export function anatomicModifier(p: Procedure): string | undefined {
  const where = anatomicSite(p);
  if (!where) return undefined;
  const side = sideFor(p, where);
  if (!side) return undefined;
  if (where === 'eyelid') {
    const lid = lidOf(p);
    if (!lid) return undefined;
    if (side === 'left') return lid === 'upper' ? 'E1' : 'E2';
    return lid === 'upper' ? 'E3' : 'E4';
  }
  const digit = digitOf(p);
  if (!digit) return undefined;
  const letter = where === 'finger' ? 'F' : 'T';
  if (digit === 1) return side === 'left' ? `${letter}A` : `${letter}5`;
  return `${letter}${side === 'left' ? digit - 1 : digit + 4}`;
}

const WHAT_TO_DOCUMENT: Record<AnatomicSite, string> = {
  eyelid: 'which eyelid (upper or lower) and the side',
  finger: 'which finger (thumb, index, middle, ring, little) and the side',
  toe: 'which toe (great toe or 2nd-5th) and the side',
};

export const anatomicModifiers = defineRule({
  id: 'checks/anatomic-modifiers',
  family: 'checks',
  phase: 'modify',
  title: 'Eyelid, finger and toe modifiers on procedures at those sites',
  explain:
    'Procedures on an eyelid, finger or toe carry the anatomic modifier that names it: E1-E4 for the four eyelids, FA and F1-F9 for the fingers, TA and T1-T9 for the toes. ' +
    'They show the payer which structure was treated, so two identical codes on different digits are not mistaken for duplicates. ' +
    'UnitedHealthcare has required them since May 2018. When the note does not say which lid or digit, DermLens asks instead of guessing. ' +
    'LT/RT are payer-specific and are not added.',
  references: ['Reference §10.6 (anatomic modifiers)', 'First Coast "Anatomical modifiers"', 'UnitedHealthcare anatomic modifier policy (May 2018)'],
  status: 'stable',
  codes: ANATOMIC,
  apply(ctx) {
    // "17311 (L1)" and "17312 (L1)" missing the same fact: one finding naming both lines, not one per line.
    const asks = new Map<string, { lines: DraftLine[]; say: (what: string) => FindingInput }>();
    const ask = (key: string, line: DraftLine, say: (what: string) => FindingInput) => {
      const known = asks.get(key);
      if (known) known.lines.push(line);
      else asks.set(key, { lines: [line], say });
    };
    for (const line of ctx.lines) {
      if (!isSurgical(line.code) || line.modifiers.includes('50')) continue;
      const all = lineProcedures(ctx, line);
      const procs = all.filter((p) => anatomicSite(p));
      if (procs.length === 0 || hasAny(line, ANATOMIC)) continue;
      // One 17110 for SKs on the back and a wart on the thumb: a digit modifier would name only part of the line.
      if (procs.length < all.length && all.some((p) => !anatomicSite(p) && p.site?.key)) continue;
      const listed = procs.map((p) => structuresInProblem(ctx, p)).find((n) => n > 1);
      if (listed) {
        // The problem heading lists several digits or lids for this one procedure (e.g. "warts R index finger x2, L thumb x2"):
        // one anatomic modifier would name only one of them.
        const where = anatomicSite(procs[0] as Procedure) as AnatomicSite;
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} treats ${listed} different ${where === 'eyelid' ? 'eyelids' : `${where}s`} named in the problem, so no single ${where} modifier was added; payers that want them (e.g. UnitedHealthcare) need one line per ${where}.`,
          target: line.lesionLabels[0] ?? line.code,
          fix: `Split ${line.code} by ${where} and add each one's modifier if the payer requires it.`,
          span: line.spans[0],
        });
        continue;
      }
      const spread = procs.map((p) => [p, spreadBeyond(ctx, p)] as const).find(([, o]) => o !== undefined);
      if (spread) {
        const where = anatomicSite(spread[0]) as AnatomicSite;
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} counts lesions on the ${spread[0].site?.text ?? where} and elsewhere (${spread[1]}), so no ${where} modifier was added.`,
          target: line.lesionLabels[0] ?? line.code,
          fix: `If the payer wants ${where} modifiers, report the lesions on the ${where} on a line of their own.`,
          span: line.spans[0],
        });
        continue;
      }
      const canthus = procs.find((p) => p.site?.key === 'canthus' && !lidOf(p));
      if (canthus) {
        // §10.6: E1-E4 name one lid; the canthus is where the upper and lower lids meet.
        const target = line.lesionLabels[0] ?? line.code;
        ask(`canthus|${target}`, line, (what) => ({
          severity: 'info',
          message: `${what} at the ${canthus.site?.text ?? 'canthus'}, where the upper and lower eyelids meet, so no eyelid modifier (E1-E4) was added.`,
          target,
          fix: 'If the treated skin is on one lid, document which (upper or lower) and the side; UnitedHealthcare requires the eyelid modifier.',
          span: line.spans[0],
        }));
        continue;
      }
      const junction = procs.find(atEyelidJunction);
      if (junction) {
        // §10.6: E1-E4 name an eyelid; a lesion at the lid's junction with the cheek or brow is not clearly on it.
        const target = line.lesionLabels[0] ?? line.code;
        ask(`junction|${target}`, line, (what) => ({
          severity: 'info',
          message: `${what} at the junction of the eyelid and a neighbouring unit, so no eyelid modifier was added.`,
          target,
          fix: `If the treated skin is on the eyelid itself, add ${anatomicModifier(junction) ?? 'the eyelid modifier (E1-E4)'}; UnitedHealthcare requires it.`,
          span: line.spans[0],
        }));
        continue;
      }
      const mods = [...new Set(procs.map(anatomicModifier))];
      const only = mods[0];
      if (mods.length === 1 && only) {
        ctx.addModifier(line, only);
        continue;
      }
      const where = anatomicSite(procs[0] as Procedure) as AnatomicSite;
      const several = mods.filter(Boolean).length > 1;
      if (several) {
        ctx.report({
          severity: 'info',
          message: `${describeLine(line)} covers several ${where === 'eyelid' ? 'eyelids' : `${where}s`}; payers that want ${where} modifiers (e.g. UnitedHealthcare) need one line per ${where}.`,
          target: line.lesionLabels[0] ?? line.code,
          fix: `Split ${line.code} by ${where} and add each one's modifier.`,
          span: line.spans[0],
        });
        continue;
      }
      const target = line.lesionLabels[0] ?? line.code;
      ask(`unsaid|${where}|${target}`, line, (what) => ({
        severity: 'info',
        message: `${what} on ${where === 'eyelid' ? 'an' : 'a'} ${where}, but the note does not say ${WHAT_TO_DOCUMENT[where]}; UnitedHealthcare requires the ${where} modifier.`,
        target,
        fix: `Document ${WHAT_TO_DOCUMENT[where]} to add the modifier.`,
        span: line.spans[0],
      }));
    }
    for (const { lines, say } of asks.values()) {
      const first = lines[0] as DraftLine;
      const labels = first.lesionLabels.length > 0 ? first.lesionLabels : first.specimenLabels;
      const codes = lines.map((l) => l.code).join(', ');
      const what = lines.length === 1 ? `${describeLine(first)} is` : `${codes}${labels.length > 0 ? ` (${labels.join(', ')})` : ''} are`;
      ctx.report(say(what));
    }
  },
});

/** Lines the identical-code rule considers: insurance procedure/pathology lines, never add-ons, E/M or drug lines. */
function identicalCandidate(line: DraftLine): boolean {
  if (line.billing !== 'insurance') return false;
  if (isEm(line.code) || isAddOnCode(line.code)) return false;
  // Pathology is counted in units of specimens (pathology/units-per-code); lines of one code that stay
  // apart differ in status (a report still pending) or already carry their own modifiers.
  if (line.family === 'pathology') return false;
  // HCPCS level II (drugs, supplies): a second line is the JW waste line or a split dose, never a distinct service.
  if (/^[A-Z]/.test(line.code)) return false;
  return true;
}

function relation(a: DraftLine, b: DraftLine): 'different' | 'same' | 'unknown' {
  // Pathology: each specimen is its own service even when two come from one lesion.
  if (a.code.startsWith('88') && a.specimenLabels.length > 0 && b.specimenLabels.length > 0) {
    const sa = new Set(a.specimenLabels.map((s) => s.toUpperCase()));
    return b.specimenLabels.some((s) => sa.has(s.toUpperCase())) ? 'same' : 'different';
  }
  return siteRelation(a, b);
}

function sideOfLine(ctx: RuleContext, line: DraftLine): Side | undefined {
  const sides = [...new Set(lineProcedures(ctx, line).map(sideOf))];
  return sides.length === 1 ? sides[0] : undefined;
}

export const identicalCodes = defineRule({
  id: 'checks/identical-codes',
  family: 'checks',
  phase: 'modify',
  title: 'Identical codes on separate lines take the distinct-service modifier',
  explain:
    'When the same code is reported on two or more lines for different lesions (two excisions of the same size and site group, two first-stage Mohs codes), the payer sees duplicates unless the later lines say they are distinct. ' +
    'DermLens adds 59 (commercial) or XS (Medicare) on the second and later lines, unless a line already has a distinct-service modifier or an eyelid/finger/toe modifier that tells them apart. ' +
    'Add-on codes and E/M codes never take 59 or an X modifier.',
  references: ['Reference §14 (multiple lesions, multiple codes)', 'Reference §10.4 (59 and X modifiers)', 'Reference §6.4 (two 17311s on one day)'],
  status: 'stable',
  codes: ['59', 'XS'],
  apply(ctx) {
    const groups = new Map<string, DraftLine[]>();
    for (const line of ctx.lines) {
      if (!identicalCandidate(line)) continue;
      const list = groups.get(line.code) ?? [];
      list.push(line);
      groups.set(line.code, list);
    }
    for (const [code, lines] of groups) {
      if (lines.length < 2) continue;
      const sides = lines.map((l) => sideOfLine(ctx, l));
      lines.forEach((line, i) => {
        if (i === 0 || hasAny(line, DISTINCT)) return;
        const earlier = lines.slice(0, i);
        const mine = line.modifiers.filter((m) => ANATOMIC.includes(m)).join('+');
        if (mine && earlier.every((e) => e.modifiers.filter((m) => ANATOMIC.includes(m)).join('+') !== mine)) return;
        const same = earlier.find((e) => relation(e, line) === 'same');
        if (same) {
          ctx.report({
            severity: 'warning',
            message: `${code} appears on separate lines for the same lesion or specimen (${describeLine(same)} and ${describeLine(line)}); a distinct-service modifier would not be supported.`,
            target: line.lesionLabels[0] ?? code,
            fix: `Report ${code} once with units, or document what makes the services distinct.`,
            span: line.spans[0],
          });
          return;
        }
        ctx.addModifier(line, ctx.distinctModifier('XS'));
      });
      // LT/RT matter for procedure codes only (pathology and drugs are per specimen or per dose).
      if (isSurgical(code) && sides.includes('left') && sides.includes('right')) {
        ctx.report({
          severity: 'info',
          message: `${code} is reported on the left and the right side; some payers want LT/RT on these lines (not added: payer-specific).`,
          target: code,
          fix: 'Add LT/RT only if this payer requires them.',
        });
      }
    }
  },
});

export const distinctModifierConflicts = defineRule({
  id: 'checks/distinct-modifier-conflicts',
  family: 'checks',
  phase: 'modify',
  title: 'Never 59 with an X modifier, never 59/X on an E/M',
  explain:
    'XE, XS, XP and XU are more specific forms of 59, so one line never carries both; Medicare wants the X modifier, so DermLens drops the 59 for Medicare and flags the line for other payers. ' +
    'Neither 59 nor an X modifier belongs on an E/M code: a separately identifiable visit takes 25 (or 57) instead, so DermLens removes them there.',
  references: ['Reference §10.4 (59 and the X modifiers)', 'AAPC "CMS introduces four new modifiers in lieu of modifier 59" (2015)'],
  status: 'stable',
  codes: ['59', 'XE', 'XS', 'XP', 'XU'],
  apply(ctx) {
    for (const line of ctx.lines) {
      if (isEm(line.code) && hasAny(line, DISTINCT)) {
        const dropped = line.modifiers.filter((m) => DISTINCT.includes(m));
        line.modifiers = line.modifiers.filter((m) => !DISTINCT.includes(m));
        if (!line.ruleIds.includes('checks/distinct-modifier-conflicts')) line.ruleIds.push('checks/distinct-modifier-conflicts');
        ctx.report({
          severity: 'warning',
          message: `Removed ${dropped.join(', ')} from E/M ${line.code}: distinct-service modifiers never go on an E/M.`,
          target: line.code,
          fix: 'Use modifier 25 (or 57) on the E/M when the visit is significant and separately identifiable.',
        });
        continue;
      }
      const xs = line.modifiers.filter((m) => (X_MODIFIERS as readonly string[]).includes(m));
      if (!line.modifiers.includes('59') || xs.length === 0) continue;
      if (ctx.settings.payer === 'medicare') {
        line.modifiers = line.modifiers.filter((m) => m !== '59');
        if (!line.ruleIds.includes('checks/distinct-modifier-conflicts')) line.ruleIds.push('checks/distinct-modifier-conflicts');
        ctx.report({
          severity: 'info',
          message: `Removed 59 from ${describeLine(line)}: it already carries ${xs.join(', ')}, and 59 never goes with an X modifier.`,
          target: line.lesionLabels[0] ?? line.code,
        });
      } else {
        ctx.report({
          severity: 'warning',
          message: `${describeLine(line)} carries both 59 and ${xs.join(', ')}; one line never has both.`,
          target: line.lesionLabels[0] ?? line.code,
          fix: `Keep 59 or ${xs.join('/')}, whichever this payer accepts.`,
        });
      }
    }
  },
});

export const distinctServiceRules: Rule[] = [anatomicModifiers, identicalCodes, distinctModifierConflicts];
