import { codeInfo, isAddOn } from '../../codes/catalog';
import type { Procedure } from '../../model';
import type { RuleContext } from '../define-rule';
import type { DraftLine } from '../draft-line';
import { DISTINCT_MODIFIERS } from '../modifiers';

/** Office/outpatient and other E/M services (99202-99499) and the G2211 visit add-on. */
export function isEm(code: string): boolean {
  return /^99[2-4]\d{2}$/.test(code) || code === 'G2211';
}

/** CPT surgery section (10004-69990): the lines that carry global periods and anatomic modifiers. */
export function isSurgical(code: string): boolean {
  return /^[1-6]\d{4}$/.test(code);
}

/** Add-on code: ZZZ global in the catalog (CPT "+" codes). */
export function isAddOnCode(code: string): boolean {
  return isAddOn(code);
}

export function hasAny(line: Pick<DraftLine, 'modifiers'>, modifiers: readonly string[]): boolean {
  return line.modifiers.some((m) => modifiers.includes(m));
}

export const DISTINCT = DISTINCT_MODIFIERS as readonly string[];
export const X_MODIFIERS = ['XE', 'XS', 'XP', 'XU'] as const;

/** Eyelid, finger and toe modifiers (reference §10.6). */
export const ANATOMIC = [
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
];
export const SIDE = ['LT', 'RT'];

/**
 * NCCI-associated modifiers that may bypass an indicator-1 PTP edit when the
 * services really are distinct (NCCI policy manual ch. 1, reference §11.1).
 */
export const NCCI_BYPASS = [...ANATOMIC, ...SIDE, '24', '25', '27', '57', '58', '78', '79', '91', '59', 'XE', 'XS', 'XP', 'XU'];

export function lineProcedures(ctx: Pick<RuleContext, 'encounter'>, line: Pick<DraftLine, 'procedureIds'>): Procedure[] {
  return line.procedureIds.flatMap((id) => ctx.encounter.procedures.filter((p) => p.id === id));
}

export function globalDays(code: string): string | undefined {
  return codeInfo(code)?.global;
}

/**
 * Whether two lines treat different lesions/sites: different lesion labels (or
 * specimens) → distinct; a shared lesion → same; else compare site keys.
 */
export function siteRelation(a: DraftLine, b: DraftLine): 'different' | 'same' | 'unknown' {
  const la = new Set(a.lesionLabels.map((x) => x.toUpperCase()));
  const lb = b.lesionLabels.map((x) => x.toUpperCase());
  if (la.size > 0 && lb.length > 0) return lb.some((x) => la.has(x)) ? 'same' : 'different';
  const sa = new Set(a.specimenLabels.map((x) => x.toUpperCase()));
  const sb = b.specimenLabels.map((x) => x.toUpperCase());
  if (sa.size > 0 && sb.length > 0) return sb.some((x) => sa.has(x)) ? 'same' : 'different';
  const procA = new Set(a.procedureIds);
  if (procA.size > 0 && b.procedureIds.some((id) => procA.has(id))) return 'same';
  // CPT: 17000-17004 destroy premalignant lesions, 17260-17286 malignant ones, 17110/17111 benign ones and 11200/11201
  // skin tags, so AKs and an SCC in situ destroyed on the same dorsal hand are different lesions.
  if (a.siteKey && b.siteKey) {
    const ca = destructionClass(a.code);
    const cb = destructionClass(b.code);
    if (ca && cb && ca !== cb) return 'different';
    return a.siteKey === b.siteKey ? 'same' : 'different';
  }
  return 'unknown';
}

function destructionClass(code: string): 'premalignant' | 'malignant' | 'benign' | 'tag' | undefined {
  if (/^1700[034]$/.test(code)) return 'premalignant';
  if (/^172(?:6[0-6]|7[0-6]|8[0-6])$/.test(code)) return 'malignant';
  if (/^1711[01]$/.test(code)) return 'benign';
  if (/^1120[01]$/.test(code)) return 'tag';
  return undefined;
}

export function describeLine(line: Pick<DraftLine, 'code' | 'lesionLabels' | 'specimenLabels'>): string {
  const labels = line.lesionLabels.length > 0 ? line.lesionLabels : line.specimenLabels;
  return labels.length > 0 ? `${line.code} (${labels.join(', ')})` : line.code;
}
