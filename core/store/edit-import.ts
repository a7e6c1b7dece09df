import { codeInfo } from '../codes/catalog';
import {
  buildMueTable,
  buildPtpTable,
  type EditTables,
  mueEffectiveFromName,
  type ParsedPtpRow,
  type ParseIssue,
  parseMueFile,
  parsePtpFile,
  ptpVersionFromName,
} from '../codes/edit-files';
import { MueTable } from '../codes/mue';
import { PtpTable } from '../codes/ncci';
import type { DermLensDb } from './db';

/*
 * Issue 9: CMS NCCI PTP and MUE files imported in the options page. Same parsers
 * and table builders as `dermlens data import-ncci|import-mue` (core/codes/edit-files.ts);
 * the tables live in the settings table under EDIT_TABLES_KEY and the background
 * hands them to the engine as Settings.edits.
 */

export const EDIT_TABLES_KEY = 'edit-tables';
const MAX_ISSUES = 20;

export interface EditFileInput {
  name: string;
  text: string;
}

export interface EditFileReport {
  name: string;
  read: number;
  skipped: number;
  /** First bad rows, with their 1-based line in the file. */
  issues: ParseIssue[];
}

export interface EditImportSummary {
  kind: 'ptp' | 'mue';
  files: EditFileReport[];
  /** Tables stored by this import: version, rows kept, rows left out (no DermLens catalog code). */
  tables: { version: string; effectiveFrom?: string; stored: number; filteredOut: number }[];
}

export type EditImportResult = { ok: true; summary: EditImportSummary } | { ok: false; error: string; files?: EditFileReport[] };

export interface EditTablesSummary {
  ptp: { version: string; effectiveFrom?: string; rows: number; source: string; importedAt?: string }[];
  mue: { version: string; effectiveFrom?: string; rows: number; source: string; importedAt?: string }[];
}

const inCatalog = (code: string) => codeInfo(code) !== undefined;

/** Stored tables, each header re-validated (a damaged row makes the table be ignored, never the engine crash). */
export async function loadStoredEditTables(db: DermLensDb): Promise<EditTables | undefined> {
  const row = await db.settings.get(EDIT_TABLES_KEY);
  const value = row?.value as { ptp?: unknown[]; mue?: unknown[] } | undefined;
  if (!value || typeof value !== 'object') return undefined;
  const ptp = (Array.isArray(value.ptp) ? value.ptp : []).filter((t) => PtpTable.safeParse(t).success) as PtpTable[];
  const mue = (Array.isArray(value.mue) ? value.mue : []).filter((t) => MueTable.safeParse(t).success) as MueTable[];
  return ptp.length || mue.length ? { ptp, mue } : undefined;
}

export async function editTablesSummary(db: DermLensDb): Promise<EditTablesSummary> {
  const tables = await loadStoredEditTables(db);
  const head = (t: PtpTable | MueTable) => ({
    version: t.version,
    effectiveFrom: t.effectiveFrom,
    rows: t.rows.length,
    source: t.source,
    importedAt: t.importedAt,
  });
  return { ptp: (tables?.ptp ?? []).map(head), mue: (tables?.mue ?? []).map(head) };
}

async function storeTables(db: DermLensDb, kind: 'ptp' | 'mue', tables: (PtpTable | MueTable)[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = (await loadStoredEditTables(db)) ?? {};
    const versions = new Set(tables.map((t) => t.version));
    const kept = (current[kind] ?? []).filter((t) => !versions.has(t.version));
    const next: EditTables = { ptp: current.ptp ?? [], mue: current.mue ?? [], [kind]: [...kept, ...tables] };
    await db.settings.put({ key: EDIT_TABLES_KEY, value: next });
  });
}

/**
 * Parses and stores CMS files of one kind. PTP files of one release (parts f1..f4)
 * are grouped by the version in their names and replace a stored table of that version;
 * an MUE file replaces the table with its effective date. Files with no usable row
 * fail the whole import, and nothing is stored.
 */
export async function importEditFiles(
  db: DermLensDb,
  kind: 'ptp' | 'mue',
  files: readonly EditFileInput[],
  options: { all?: boolean; now?: number } = {},
): Promise<EditImportResult> {
  if (files.length === 0) return { ok: false, error: 'Choose at least one file.' };
  const importedAt = new Date(options.now ?? Date.now()).toISOString();
  const keep = options.all ? undefined : inCatalog;
  const reports: EditFileReport[] = [];
  const tables: (PtpTable | MueTable)[] = [];
  const summaryTables: EditImportSummary['tables'] = [];
  if (kind === 'ptp') {
    const byVersion = new Map<string, { names: string[]; rows: ParsedPtpRow[] }>();
    for (const f of files) {
      const parsed = parsePtpFile(f.text);
      reports.push({ name: f.name, read: parsed.rows.length, skipped: parsed.skipped.length, issues: parsed.skipped.slice(0, MAX_ISSUES) });
      if (parsed.rows.length === 0)
        return {
          ok: false,
          files: reports,
          error: `${f.name}: no PTP edit rows found (expected Column 1, Column 2, *, Effective Date, Deletion Date, Modifier, Rationale). Nothing was imported.`,
        };
      const version = ptpVersionFromName(f.name) ?? `upload-${importedAt.slice(0, 10)}`;
      const group = byVersion.get(version) ?? { names: [], rows: [] };
      group.names.push(f.name);
      group.rows.push(...parsed.rows);
      byVersion.set(version, group);
    }
    for (const [version, group] of byVersion) {
      const { table, filteredOut } = buildPtpTable(group.rows, { version, source: group.names.join(', '), importedAt, keep });
      tables.push(table);
      summaryTables.push({ version, effectiveFrom: table.effectiveFrom, stored: table.rows.length, filteredOut });
    }
  } else {
    for (const f of files) {
      const parsed = parseMueFile(f.text);
      reports.push({ name: f.name, read: parsed.rows.length, skipped: parsed.skipped.length, issues: parsed.skipped.slice(0, MAX_ISSUES) });
      if (parsed.rows.length === 0)
        return {
          ok: false,
          files: reports,
          error: `${f.name}: no MUE rows found (expected HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale). Nothing was imported.`,
        };
      const effectiveFrom = mueEffectiveFromName(f.name);
      const version = effectiveFrom ?? `upload-${importedAt.slice(0, 10)}`;
      const { table, filteredOut } = buildMueTable(parsed.rows, { version, effectiveFrom, source: f.name, importedAt, keep });
      tables.push(table);
      summaryTables.push({ version, effectiveFrom, stored: table.rows.length, filteredOut });
    }
  }
  await storeTables(db, kind, tables);
  await db.auditLog.add({
    at: options.now ?? Date.now(),
    action: 'edits-imported',
    detail: `${kind === 'ptp' ? 'NCCI PTP' : 'MUE'}: ${summaryTables.map((t) => `${t.version} (${t.stored} rows)`).join(', ')}; ${reports.reduce((n, r) => n + r.skipped, 0)} bad row(s) skipped`,
  });
  return { ok: true, summary: { kind, files: reports, tables: summaryTables } };
}

/** Removes every imported table: the engine goes back to its built-in seed tables. */
export async function clearEditTables(db: DermLensDb): Promise<void> {
  await db.settings.delete(EDIT_TABLES_KEY);
}
