import Dexie, { type EntityTable } from 'dexie';
import type { ClaimDraft, Encounter, Finding, Settings, SpecimenStatus } from '../model';
import type { AuditEntry, FindingAction } from '../model/messages';

/*
 * The local DermLens database (IndexedDB via Dexie). Everything stays on this
 * machine. Patients are known only by salted SHA-256 hashes; the display keeps
 * initials and the date of service. Chart text is stored with identifiers masked
 * (see redact.ts) so that "why" can still highlight the words a line came from.
 *
 * Designed for cross-visit reconciliation too (specimens ↔ later pathology):
 * specimens and pathology carry patientKey so a later visit can find them.
 */

export interface EncounterRecord {
  /** sha256(salt, patient, date of service), or sha256(salt, url) when the chart shows no patient. */
  id: string;
  /** sha256(salt, patient): links visits of one patient; absent when the chart shows no patient. */
  patientKey?: string;
  patientInitials?: string;
  dateOfService?: string;
  adapter: string;
  /** Page address without query or fragment (an EMR's query string can carry identifiers). */
  url: string;
  updatedAt: number;
  /** Parsed encounter with identifiers masked in its section text. */
  encounter: Encounter;
}

export interface SpecimenRecord {
  /** `${encounterId}|${label}` */
  id: string;
  encounterId: string;
  patientKey?: string;
  label: string;
  dateOfService?: string;
  site?: string;
  status: SpecimenStatus;
  updatedAt: number;
}

export interface PathologyRecord {
  /** `${encounterId}|${specimenLabel}|${index}` */
  id: string;
  encounterId: string;
  patientKey?: string;
  specimenLabel: string;
  behavior: string;
  diagnosisText: string;
  signedDate?: string;
  updatedAt: number;
}

export interface ClaimDraftRecord {
  encounterId: string;
  draft: ClaimDraft;
  /** Settings the draft was coded with (a settings change re-codes). */
  settings: Settings;
  codedAt: number;
}

export interface FindingRecord extends Finding {
  /** `${encounterId}|${fingerprint}` */
  id: string;
  encounterId: string;
  fingerprint: string;
  codedAt: number;
}

export interface OverrideRecord {
  /** `${encounterId}|${fingerprint}`: one current resolution per finding. */
  id: string;
  encounterId: string;
  fingerprint: string;
  rule: string;
  action: FindingAction;
  reason: string;
  at: number;
}

export type AuditRecord = AuditEntry;

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Small named facts about the database itself (schema migrations, imported-table summaries). */
export interface MetaRecord {
  key: string;
  value: unknown;
  at: number;
}

export type DermLensDb = Dexie & {
  encounters: EntityTable<EncounterRecord, 'id'>;
  specimens: EntityTable<SpecimenRecord, 'id'>;
  pathology: EntityTable<PathologyRecord, 'id'>;
  claimDrafts: EntityTable<ClaimDraftRecord, 'encounterId'>;
  findings: EntityTable<FindingRecord, 'id'>;
  overrides: EntityTable<OverrideRecord, 'id'>;
  auditLog: EntityTable<AuditRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

/** The schema version this code opens; a database from an older version is upgraded on open. */
export const DB_VERSION = 2;

/** Declares schema version 1 exactly as first shipped (tests open a v1 database with it). */
export function declareV1(db: Dexie): void {
  db.version(1).stores({
    encounters: 'id, patientKey, dateOfService, updatedAt',
    specimens: 'id, encounterId, patientKey, status, updatedAt',
    pathology: 'id, encounterId, patientKey, specimenLabel',
    claimDrafts: 'encounterId, codedAt',
    findings: 'id, encounterId, rule, severity',
    overrides: 'id, encounterId, at',
    auditLog: '++id, at, encounterId, action',
    settings: 'key',
  });
}

export const DB_NAME = 'dermlens';

/** Opens (and on first use creates or migrates) the database. */
export function openDb(name = DB_NAME): DermLensDb {
  const db = new Dexie(name) as DermLensDb;
  // Never edit a shipped version: add a db.version(N + 1) block with an upgrade.
  declareV1(db);
  // Version 2: a `meta` table, and specimens/pathology indexed for the worklist
  // (aging by date of service, malignant results by behavior).
  db.version(2)
    .stores({
      specimens: 'id, encounterId, patientKey, status, updatedAt, dateOfService',
      pathology: 'id, encounterId, patientKey, specimenLabel, behavior',
      meta: 'key',
    })
    .upgrade(async (tx) => {
      // v1 could store a specimen without its visit's date: backfill it from the encounter
      // so that "pending past N days" sees every specimen.
      const encounters = tx.table<EncounterRecord, string>('encounters');
      const dates = new Map<string, string>();
      await encounters.each((e) => {
        if (e.dateOfService) dates.set(e.id, e.dateOfService);
      });
      await tx
        .table<SpecimenRecord, string>('specimens')
        .toCollection()
        .modify((s) => {
          const dos = dates.get(s.encounterId);
          if (!s.dateOfService && dos) s.dateOfService = dos;
        });
      await tx.table<MetaRecord, string>('meta').put({ key: 'migrated-from-1', value: { to: 2 }, at: Date.now() });
    });
  return db;
}
