import { z } from 'zod';
import { ClaimDraft, Encounter, Finding, Settings } from '../model';
import { AuditEntry, FindingAction } from '../model/messages';
import { DB_VERSION, type DermLensDb } from './db';

/*
 * Whole-database backup as one JSON file. The file is validated in full with zod
 * before anything is written, and the import replaces every table inside one
 * transaction: a foreign, damaged or newer file leaves the current data untouched.
 *
 * The install salt travels with the backup (settings table): without it, hashes
 * of the restored visits could never be linked to a later visit of the same patient.
 */

export const BACKUP_FORMAT = 'dermlens-backup';
/** Version of the backup file layout (not the IndexedDB schema version). */
export const BACKUP_VERSION = 1;

const Id = z.string().min(1).max(500);
const Time = z.number().finite();

const EncounterRow = z.object({
  id: Id,
  patientKey: z.string().optional(),
  patientInitials: z.string().optional(),
  dateOfService: z.string().optional(),
  adapter: z.string(),
  url: z.string(),
  updatedAt: Time,
  encounter: Encounter,
});
const SpecimenRow = z.object({
  id: Id,
  encounterId: Id,
  patientKey: z.string().optional(),
  label: z.string(),
  dateOfService: z.string().optional(),
  site: z.string().optional(),
  status: z.string(),
  updatedAt: Time,
});
const PathologyRow = z.object({
  id: Id,
  encounterId: Id,
  patientKey: z.string().optional(),
  specimenLabel: z.string(),
  behavior: z.string(),
  diagnosisText: z.string(),
  signedDate: z.string().optional(),
  updatedAt: Time,
});
const ClaimDraftRow = z.object({ encounterId: Id, draft: ClaimDraft, settings: z.looseObject({}), codedAt: Time });
const FindingRow = Finding.extend({ id: Id, encounterId: Id, fingerprint: z.string(), codedAt: Time });
const OverrideRow = z.object({ id: Id, encounterId: Id, fingerprint: z.string(), rule: z.string(), action: FindingAction, reason: z.string(), at: Time });
const SettingRow = z.object({ key: z.string().min(1), value: z.unknown() });
const MetaRow = z.object({ key: z.string().min(1), value: z.unknown(), at: Time });

export const DatabaseBackup = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `not a DermLens backup (expected "format": "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, { error: `backup file version not supported (this DermLens reads version ${BACKUP_VERSION})` }),
  schemaVersion: z.number().int().min(1).max(DB_VERSION, `made by a newer DermLens (database schema above ${DB_VERSION}); update DermLens first`),
  exportedAt: z.string(),
  tables: z.object({
    encounters: z.array(EncounterRow),
    specimens: z.array(SpecimenRow),
    pathology: z.array(PathologyRow),
    claimDrafts: z.array(ClaimDraftRow),
    findings: z.array(FindingRow),
    overrides: z.array(OverrideRow),
    auditLog: z.array(AuditEntry),
    settings: z.array(SettingRow),
    meta: z.array(MetaRow).default([]),
  }),
});
export type DatabaseBackup = z.infer<typeof DatabaseBackup>;

export type BackupCounts = Record<keyof DatabaseBackup['tables'], number>;
export type ImportResult = { ok: true; counts: BackupCounts } | { ok: false; error: string };

function tablesOf(db: DermLensDb) {
  return [db.encounters, db.specimens, db.pathology, db.claimDrafts, db.findings, db.overrides, db.auditLog, db.settings, db.meta] as const;
}

/** Everything stored, as one JSON-ready object (read in one transaction: a consistent snapshot). */
export async function exportDatabase(db: DermLensDb, now = Date.now()): Promise<DatabaseBackup> {
  return db.transaction('r', tablesOf(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: {
      encounters: await db.encounters.toArray(),
      specimens: await db.specimens.toArray(),
      pathology: await db.pathology.toArray(),
      claimDrafts: await db.claimDrafts.toArray(),
      findings: await db.findings.toArray(),
      overrides: await db.overrides.toArray(),
      auditLog: await db.auditLog.toArray(),
      settings: await db.settings.toArray(),
      meta: await db.meta.toArray(),
    },
  }));
}

/** One readable line per problem (at most 5), each with where in the file it is. */
function problems(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || 'file'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 5 ? `; … and ${issues.length - 5} more` : '');
}

/** Parses backup text (or an already parsed value); never throws. */
export function parseBackup(input: unknown): { ok: true; backup: DatabaseBackup } | { ok: false; error: string } {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `This file is not JSON (${(error as Error).message.split('\n')[0]}). Nothing was imported.` };
    }
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    return { ok: false, error: 'This file is not a DermLens backup. Nothing was imported.' };
  const parsed = DatabaseBackup.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `This backup is damaged or from another version: ${problems(parsed.error.issues)}. Nothing was imported.` };
  const { tables } = parsed.data;
  const encounterIds = new Set(tables.encounters.map((e) => e.id));
  const orphan = [...tables.specimens, ...tables.pathology, ...tables.claimDrafts, ...tables.findings, ...tables.overrides].find(
    (r) => !encounterIds.has(r.encounterId),
  );
  if (orphan)
    return {
      ok: false,
      error: `This backup is inconsistent: a row points to encounter ${orphan.encounterId}, which is not in the file. Nothing was imported.`,
    };
  const practice = tables.settings.find((s) => s.key === 'practice');
  if (practice && !Settings.safeParse(practice.value).success)
    return { ok: false, error: 'This backup holds practice settings DermLens cannot read. Nothing was imported.' };
  return { ok: true, backup: parsed.data };
}

/**
 * Replaces the whole database with a backup. Validation happens first; the clear and
 * the writes share one transaction, so a failure part-way rolls everything back.
 */
export async function importDatabase(db: DermLensDb, input: unknown, now = Date.now()): Promise<ImportResult> {
  const parsed = parseBackup(input);
  if (!parsed.ok) return parsed;
  const { tables } = parsed.backup;
  try {
    await db.transaction('rw', tablesOf(db), async () => {
      for (const table of tablesOf(db)) await table.clear();
      await db.encounters.bulkAdd(tables.encounters);
      await db.specimens.bulkAdd(tables.specimens as never);
      await db.pathology.bulkAdd(tables.pathology);
      await db.claimDrafts.bulkAdd(tables.claimDrafts as never);
      await db.findings.bulkAdd(tables.findings as never);
      await db.overrides.bulkAdd(tables.overrides);
      await db.auditLog.bulkAdd(tables.auditLog);
      await db.settings.bulkAdd(tables.settings);
      await db.meta.bulkAdd(tables.meta);
      await db.auditLog.add({
        at: now,
        action: 'data-imported',
        detail: `database replaced from a backup exported ${parsed.backup.exportedAt} (${tables.encounters.length} encounter(s))`,
      });
    });
  } catch (error) {
    return { ok: false, error: `The backup could not be written (${(error as Error).message}). The data stored before was kept.` };
  }
  const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])) as BackupCounts;
  return { ok: true, counts };
}
