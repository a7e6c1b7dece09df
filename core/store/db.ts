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

export type DermLensDb = Dexie & {
  encounters: EntityTable<EncounterRecord, 'id'>;
  specimens: EntityTable<SpecimenRecord, 'id'>;
  pathology: EntityTable<PathologyRecord, 'id'>;
  claimDrafts: EntityTable<ClaimDraftRecord, 'encounterId'>;
  findings: EntityTable<FindingRecord, 'id'>;
  overrides: EntityTable<OverrideRecord, 'id'>;
  auditLog: EntityTable<AuditRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

export const DB_NAME = 'dermlens';

/** Opens (and on first use creates or migrates) the database. */
export function openDb(name = DB_NAME): DermLensDb {
  const db = new Dexie(name) as DermLensDb;
  // Version 1. Add a db.version(2) block for any change; never edit this one.
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
  return db;
}
