import type { ClaimDraft, Encounter, Finding, Settings } from '../../core/model';
import { parseNote } from '../../core/parse';
import { extractIdentity, normalizeName } from '../../core/parse/identity';
import { codeBatch, reportDocumentEncounter } from '../../core/reconcile';
import { isReportOnly } from '../../core/reconcile/report-document';
import { loadEncounter } from '../main';
import { type CsvEncounterRow, csvIdentity, isoDate, parseBilledCodes } from './csv-input';

/**
 * The two steps of an audit, as plain functions over structured-cloneable data so that a worker
 * thread (worker.ts) and the in-process fallback (--jobs 0) run exactly the same code:
 *   1. readTask: one input (a file, or a row of a CSV export) → Encounter;
 *   2. codeGroup: one patient's encounters → drafts, reconciled together (core/reconcile codeBatch).
 */

export type AuditTask = { kind: 'file'; path: string } | { kind: 'row'; row: CsvEncounterRow };

/** Rule ids of the findings the audit itself adds (input problems, not coding rules). */
export const AUDIT_RULE = {
  skipped: 'audit/input-skipped',
  billedUnread: 'audit/billed-code-unread',
  dateUnread: 'audit/date-unread',
  dateDiffers: 'audit/date-differs',
  internal: 'audit/internal-error',
} as const;

export interface ReadResult {
  encounter?: Encounter;
  /** Findings about the input row itself (a billed code or a date that could not be read). */
  extra: Finding[];
  /** Why the input was skipped (unreadable file, not an encounter). */
  error?: string;
}

export function readTask(task: AuditTask, hash: (raw: string) => string): ReadResult {
  try {
    if (task.kind === 'file') {
      const encounter = loadEncounter(task.path, hash);
      // Every Encounter field has a default, so any JSON object would "parse": a folder's other
      // JSON files (golden files, settings) are not encounters.
      if (/\.json$/i.test(task.path) && isEmptyEncounter(encounter))
        return { extra: [], error: 'not a DermLens encounter (no visit date, problems, lesions, procedures, pathology or sections)' };
      return { encounter, extra: [] };
    }
    return readRow(task.row, hash);
  } catch (error) {
    // loadEncounter's InputError already names the file; anything else is a parser failure on this input.
    const message = (error as Error)?.message ?? String(error);
    const prefix = task.kind === 'file' ? `${task.path}: ` : '';
    return { extra: [], error: prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message };
  }
}

/** No visit date, problem, lesion, procedure, report or text: whatever the JSON held, it was not a visit. */
function isEmptyEncounter(e: Encounter): boolean {
  return (
    !e.visit.dateOfService &&
    e.visit.problems.length === 0 &&
    e.lesions.length === 0 &&
    e.procedures.length === 0 &&
    e.pathology.length === 0 &&
    Object.keys(e.sections).length === 0
  );
}

function readRow(row: CsvEncounterRow, hash: (raw: string) => string): ReadResult {
  const extra: Finding[] = [];
  const parsed = parseNote(row.note, { id: row.encounterId, budgetMs: Number.POSITIVE_INFINITY });
  const encounter = reportDocumentEncounter(row.note, parsed) ?? parsed;
  // The export's patient column is the system of record; the note's own header is the fallback.
  const patient = row.patient ? csvIdentity(row.patient, row.patientKind ?? 'any', normalizeName) : extractIdentity(row.note).patient;
  if (patient) encounter.patientKey = hash(patient);
  if (row.dateOfService) {
    const iso = isoDate(row.dateOfService);
    const noted = encounter.visit.dateOfService;
    if (iso) {
      // A lab report carries several dates (collected, received, signed): a difference is expected there.
      if (noted && noted !== iso && !isReportOnly(encounter))
        extra.push({
          severity: 'warning',
          rule: AUDIT_RULE.dateDiffers,
          message: `The export's date of service ${iso} differs from the note's ${noted}; the export's date is used.`,
          fix: 'Check which date the service was performed on; the claim must carry that date.',
        });
      encounter.visit = { ...encounter.visit, dateOfService: iso };
    } else
      extra.push({
        severity: 'warning',
        rule: AUDIT_RULE.dateUnread,
        message: `Date of service "${row.dateOfService.slice(0, 40)}" in the export could not be read${encounter.visit.dateOfService ? `; the note's date ${encounter.visit.dateOfService} is used` : ''}.`,
        fix: 'Use MM/DD/YYYY or YYYY-MM-DD in the date of service column.',
      });
  }
  if (row.provider) encounter.visit = { ...encounter.visit, provider: row.provider };
  if (row.billedCodes) {
    const { charges, unread } = parseBilledCodes(row.billedCodes);
    // The checks compare entered charges with the documentation (core/rules/checks/charges.ts).
    encounter.enteredCharges = charges.map((c) => ({ ...c, dx: [] }));
    if (unread.length > 0)
      extra.push({
        severity: 'warning',
        rule: AUDIT_RULE.billedUnread,
        message: `Billed code${unread.length > 1 ? 's' : ''} not read: ${unread
          .slice(0, 5)
          .map((u) => `"${u.slice(0, 30)}"`)
          .join(', ')}; ${unread.length > 1 ? 'they were' : 'it was'} left out of the comparison.`,
        fix: 'Write billed codes as CODE[-MOD][xUNITS], separated by commas (e.g. "11102, 11103-59, 88305 x2").',
      });
  }
  return { encounter, extra };
}

export interface GroupItem {
  /** Position of the input in the whole run. */
  index: number;
  encounter: Encounter;
  name: string;
}

/**
 * Codes one patient group (or one encounter without a patient identity). A failure of the
 * group is retried encounter by encounter, so one bad note never takes its neighbours down.
 */
export function codeGroup(items: readonly GroupItem[], settings: Settings, today: string | undefined): { index: number; draft?: ClaimDraft; error?: string }[] {
  const options = today ? { today } : {};
  try {
    const drafts = codeBatch(
      items.map((it) => ({ encounter: it.encounter, name: it.name })),
      settings,
      options,
    );
    return items.map((it, k) => ({ index: it.index, draft: drafts[k] as ClaimDraft }));
  } catch (groupError) {
    if (items.length === 1) return [{ index: (items[0] as GroupItem).index, error: messageOf(groupError) }];
    return items.map((it) => {
      try {
        const [draft] = codeBatch([{ encounter: it.encounter, name: it.name }], settings, options);
        return { index: it.index, ...(draft ? { draft } : { error: 'no claim produced' }) };
      } catch (error) {
        return { index: it.index, error: messageOf(error) };
      }
    });
  }
}

const messageOf = (error: unknown) => `internal error while coding: ${(error as Error)?.message ?? String(error)}`;
