import type { ChargeComparison, ClaimDraft, Finding, Severity } from '../model';

/**
 * Batch-audit aggregation: every finding of every claim sorted into the questions a coder asks
 * of a batch (what was missed, what is not supported, what will deny, which specimen was never
 * billed, which cancer has no follow-up), counted by type, provider and week. Pure data in, data out.
 */

export const AUDIT_CATEGORIES = [
  'missed',
  'unsupported',
  'edit',
  'modifiers-differ',
  'unbilled-specimen',
  'pathology-aging',
  'no-follow-up',
  'documentation',
  'input',
  'info',
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const CATEGORY_TITLE: Record<AuditCategory, string> = {
  missed: 'Missed charges (under-coding)',
  unsupported: 'Unsupported charges (over-coding)',
  edit: 'Edit and modifier violations',
  'modifiers-differ': 'Modifiers differ from the entered charge',
  'unbilled-specimen': 'Resulted specimens never billed',
  'pathology-aging': 'Specimens without a result (aging)',
  'no-follow-up': 'Malignant results without documented follow-up',
  documentation: 'Documentation gaps',
  input: 'Input problems',
  info: 'Information',
};

/** Rule id of the row the audit adds for a specimen whose status is `unbilled` (core/reconcile). */
export const UNBILLED_SPECIMEN_RULE = 'audit/unbilled-specimen';

export interface AuditEncounter {
  /** File path, or "export.csv:12" for a CSV row. */
  source: string;
  encounterId: string;
  dateOfService?: string;
  provider?: string;
  draft: ClaimDraft;
}

export interface AuditRow {
  source: string;
  encounterId: string;
  dateOfService?: string;
  provider?: string;
  severity: Severity;
  category: AuditCategory;
  rule: string;
  message: string;
  target?: string;
  fix?: string;
  /** Fee-schedule value of the difference (missed: revenue not claimed; unsupported: at risk). */
  value?: number;
}

export type FeeSchedule = ReadonlyMap<string, number>;

function comparisonCategory(c: ChargeComparison): AuditCategory | undefined {
  if (c.kind === 'missed') return 'missed';
  if (c.kind === 'unsupported') return 'unsupported';
  if (c.kind === 'units-differ') return (c.entered?.units ?? 0) > (c.suggested?.units ?? 0) ? 'unsupported' : 'missed';
  if (c.kind === 'modifiers-differ') return 'modifiers-differ';
  return undefined;
}

/** Units the fee applies to: the difference between entered and supported. */
function unitsAtStake(c: ChargeComparison): number {
  return Math.abs((c.entered?.units ?? 0) - (c.suggested?.units ?? 0));
}

/** The category of one finding, given the claim's charge comparison. */
export function categorize(finding: Finding, draft: ClaimDraft): AuditCategory {
  const rule = finding.rule;
  if (rule === 'checks/charges-compare') {
    const c = draft.comparison.find((x) => x.code === finding.target);
    return (c && comparisonCategory(c)) ?? (finding.severity === 'info' ? 'info' : 'documentation');
  }
  if (rule.startsWith('audit/')) return rule === UNBILLED_SPECIMEN_RULE ? 'unbilled-specimen' : 'input';
  if (rule === 'reconcile/malignant-no-follow-up') return 'no-follow-up';
  if (rule === 'reconcile/pathology-aging') return 'pathology-aging';
  if (finding.severity === 'info') return 'info';
  // NCCI, MUE, add-on, modifier placement, global period, known wrong patterns (core/rules/checks).
  if (rule.startsWith('checks/') && rule !== 'checks/edits-not-checked') return 'edit';
  return 'documentation';
}

/** One row per finding (plus one per unbilled specimen), with category and fee value. */
export function auditRows(encounter: AuditEncounter, fees?: FeeSchedule): AuditRow[] {
  const { draft } = encounter;
  const base = {
    source: encounter.source,
    encounterId: encounter.encounterId,
    ...(encounter.dateOfService ? { dateOfService: encounter.dateOfService } : {}),
    ...(encounter.provider ? { provider: encounter.provider } : {}),
  };
  const rows: AuditRow[] = draft.findings.map((f) => {
    const category = categorize(f, draft);
    let value: number | undefined;
    if (fees && f.rule === 'checks/charges-compare' && (category === 'missed' || category === 'unsupported')) {
      const c = draft.comparison.find((x) => x.code === f.target);
      const fee = c ? fees.get(c.code) : undefined;
      if (c && fee !== undefined) value = round2(fee * unitsAtStake(c));
    }
    return {
      ...base,
      severity: f.severity,
      category,
      rule: f.rule,
      message: f.message,
      ...(f.target ? { target: f.target } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  });
  // The reconcile step marks a specimen `unbilled` (resulted, no interpretation line on any claim)
  // without a finding of its own: the audit names it.
  for (const s of draft.specimens) {
    if (s.status !== 'unbilled') continue;
    rows.push({
      ...base,
      severity: 'warning',
      category: 'unbilled-specimen',
      rule: UNBILLED_SPECIMEN_RULE,
      message: `Specimen ${s.label}${s.site ? ` (${s.site})` : ''} has a result${s.diagnosis ? ` (${s.diagnosis.slice(0, 80)})` : ''} but no pathology interpretation line on any claim.`,
      target: s.label,
      fix: 'Add the interpretation line to the visit that took the specimen, or confirm the outside lab bills it.',
    });
  }
  return rows;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** ISO week start (Monday) of a yyyy-mm-dd date; undefined when the date is missing or invalid. */
export function weekOf(iso: string | undefined): string | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (!Number.isFinite(t)) return undefined;
  const day = new Date(t).getUTCDay(); // 0 = Sunday
  const monday = t - ((day + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

export interface SkippedInput {
  location: string;
  reason: string;
}

export interface AuditSummary {
  encounters: number;
  skipped: number;
  lines: number;
  heldLines: number;
  /** Encounters with at least one problem (not info) row. */
  encountersWithProblems: number;
  byCategory: Record<AuditCategory, number>;
  bySeverity: Record<Severity, number>;
  /** Problem rows (not info) per provider ("(none)" when unknown), per category. */
  byProvider: { provider: string; total: number; byCategory: Partial<Record<AuditCategory, number>> }[];
  /** Problem rows per ISO week (Monday) of the date of service; "undated" last. */
  byWeek: { week: string; total: number }[];
  topRules: { rule: string; count: number }[];
  /** Missed and unsupported charges per code (count, and fee value when a schedule is loaded), most frequent first. */
  byCode: { code: string; missed: number; unsupported: number; missedValue?: number; unsupportedValue?: number }[];
  /** Fee-schedule totals; undefined without a fee schedule. */
  value?: { missed: number; unsupported: number; codesWithoutFee: string[] };
}

/** Everything the report's header, charts and tables show. */
export function summarize(encounters: readonly AuditEncounter[], rows: readonly AuditRow[], skipped: number, fees?: FeeSchedule): AuditSummary {
  const byCategory = Object.fromEntries(AUDIT_CATEGORIES.map((c) => [c, 0])) as Record<AuditCategory, number>;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const providers = new Map<string, { total: number; byCategory: Partial<Record<AuditCategory, number>> }>();
  const weeks = new Map<string, number>();
  const rules = new Map<string, number>();
  const problemEncounters = new Set<string>();
  for (const row of rows) {
    byCategory[row.category]++;
    bySeverity[row.severity]++;
    if (row.category === 'info') continue;
    problemEncounters.add(`${row.source}\u0000${row.encounterId}`);
    const p = providers.get(row.provider ?? '(none)') ?? { total: 0, byCategory: {} };
    p.total++;
    p.byCategory[row.category] = (p.byCategory[row.category] ?? 0) + 1;
    providers.set(row.provider ?? '(none)', p);
    const week = weekOf(row.dateOfService) ?? 'undated';
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
    rules.set(row.rule, (rules.get(row.rule) ?? 0) + 1);
  }
  let value: AuditSummary['value'];
  if (fees) {
    const without = new Set<string>();
    let missed = 0;
    let unsupported = 0;
    for (const row of rows) {
      if (row.rule !== 'checks/charges-compare' || (row.category !== 'missed' && row.category !== 'unsupported')) continue;
      if (row.value === undefined) {
        if (row.target) without.add(row.target);
        continue;
      }
      if (row.category === 'missed') missed += row.value;
      else unsupported += row.value;
    }
    value = { missed: round2(missed), unsupported: round2(unsupported), codesWithoutFee: [...without].sort() };
  }
  const codes = new Map<string, AuditSummary['byCode'][number]>();
  for (const row of rows) {
    if (row.rule !== 'checks/charges-compare' || !row.target || (row.category !== 'missed' && row.category !== 'unsupported')) continue;
    const entry = codes.get(row.target) ?? { code: row.target, missed: 0, unsupported: 0 };
    entry[row.category]++;
    if (row.value !== undefined) {
      const key = row.category === 'missed' ? 'missedValue' : 'unsupportedValue';
      entry[key] = round2((entry[key] ?? 0) + row.value);
    }
    codes.set(row.target, entry);
  }
  const lines = encounters.reduce((n, e) => n + e.draft.lines.length, 0);
  const heldLines = encounters.reduce((n, e) => n + e.draft.lines.filter((l) => l.status !== 'ready').length, 0);
  return {
    encounters: encounters.length,
    skipped,
    lines,
    heldLines,
    encountersWithProblems: problemEncounters.size,
    byCategory,
    bySeverity,
    byProvider: [...providers.entries()].map(([provider, v]) => ({ provider, ...v })).sort((a, b) => b.total - a.total || a.provider.localeCompare(b.provider)),
    byWeek: [...weeks.entries()]
      .map(([week, total]) => ({ week, total }))
      .sort((a, b) => (a.week === 'undated' ? 1 : b.week === 'undated' ? -1 : a.week.localeCompare(b.week))),
    topRules: [...rules.entries()]
      .map(([rule, count]) => ({ rule, count }))
      .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
      .slice(0, 15),
    byCode: [...codes.values()].sort((a, b) => b.missed + b.unsupported - (a.missed + a.unsupported) || a.code.localeCompare(b.code)),
    ...(value ? { value } : {}),
  };
}
