import { type ClaimDraft, type Encounter, Settings } from '../model';
import type { AuditEntry, FindingAction, OpenSpecimen, Resolution, Worklist } from '../model/messages';
import { type DatabaseBackup, exportDatabase, type ImportResult, importDatabase } from './backup';
import { type DermLensDb, type EncounterRecord, openDb } from './db';
import { type EditFileInput, type EditImportResult, type EditTablesSummary, editTablesSummary, importEditFiles, loadStoredEditTables } from './edit-import';
import { findingFingerprint } from './fingerprint';
import { newSalt } from './identity';
import { buildWorklist } from './worklist';

const SETTINGS_KEY = 'practice';
const SALT_KEY = 'install-salt';
const DAY_MS = 86_400_000;

export interface SaveCodedInput {
  encounterId: string;
  patientKey?: string;
  patientInitials?: string;
  dateOfService?: string;
  adapter: string;
  url: string;
  /** Already redacted. */
  encounter: Encounter;
  draft: ClaimDraft;
  settings: Settings;
  now?: number;
}

export interface EncounterView {
  record: EncounterRecord;
  draft?: ClaimDraft;
  codedAt?: number;
  resolutions: Resolution[];
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Readable one-line-per-problem message for a zod failure on settings. */
function settingsProblems(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'settings'}: ${i.message}`).join('; ');
}

/**
 * All reads and writes of the DermLens database. The background service worker is
 * the only writer; extension pages ask it through messages.
 */
export class DermLensStore {
  readonly db: DermLensDb;

  constructor(db: DermLensDb = openDb()) {
    this.db = db;
  }

  async installSalt(): Promise<string> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const row = await this.db.settings.get(SALT_KEY);
      if (typeof row?.value === 'string' && row.value.length >= 16) return row.value;
      const salt = newSalt();
      await this.db.settings.put({ key: SALT_KEY, value: salt });
      return salt;
    });
  }

  /** Stored settings, or defaults; a stored value that no longer validates falls back to defaults. */
  async getSettings(): Promise<Settings> {
    const row = await this.db.settings.get(SETTINGS_KEY);
    const parsed = Settings.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : Settings.parse({});
  }

  /**
   * Settings for the engine: the practice settings plus the CMS edit tables imported
   * in Options (Settings.edits); without imports the engine uses its seed tables.
   */
  async engineSettings(): Promise<Settings> {
    const settings = await this.getSettings();
    const edits = await loadStoredEditTables(this.db);
    return edits ? { ...settings, edits } : settings;
  }

  async importEditFiles(kind: 'ptp' | 'mue', files: readonly EditFileInput[], options: { all?: boolean; now?: number } = {}): Promise<EditImportResult> {
    return importEditFiles(this.db, kind, files, options);
  }

  async editTables(): Promise<EditTablesSummary> {
    return editTablesSummary(this.db);
  }

  async exportData(now = Date.now()): Promise<DatabaseBackup> {
    return exportDatabase(this.db, now);
  }

  /** All or nothing: an invalid file or a failed write leaves the stored data as it was. */
  async importData(input: unknown, now = Date.now()): Promise<ImportResult> {
    return importDatabase(this.db, input, now);
  }

  async worklist(now = Date.now()): Promise<Worklist> {
    const settings = await this.getSettings();
    return buildWorklist(this.db, settings.pathologyAgingDays, now);
  }

  async saveSettings(input: unknown, now = Date.now()): Promise<SettingsResult> {
    const parsed = Settings.safeParse(input);
    if (!parsed.success) return { ok: false, error: settingsProblems(parsed.error.issues) };
    const before = await this.getSettings();
    await this.db.transaction('rw', this.db.settings, this.db.auditLog, async () => {
      await this.db.settings.put({ key: SETTINGS_KEY, value: parsed.data });
      const changed = (Object.keys(parsed.data) as (keyof Settings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(parsed.data[k]));
      if (changed.length) {
        await this.db.auditLog.add({
          at: now,
          action: 'settings-changed',
          detail: changed.map((k) => `${k}: ${JSON.stringify(before[k])} → ${JSON.stringify(parsed.data[k])}`).join('; '),
        });
      }
    });
    return { ok: true, settings: parsed.data };
  }

  /** Stores one coding of an encounter; logs it only when the claim lines changed. */
  async saveCoded(input: SaveCodedInput): Promise<void> {
    const now = input.now ?? Date.now();
    const { db } = this;
    await db.transaction('rw', [db.encounters, db.claimDrafts, db.findings, db.specimens, db.pathology, db.auditLog], async () => {
      await db.encounters.put({
        id: input.encounterId,
        patientKey: input.patientKey,
        patientInitials: input.patientInitials,
        dateOfService: input.dateOfService,
        adapter: input.adapter,
        url: input.url,
        updatedAt: now,
        encounter: input.encounter,
      });
      await db.pathology.where('encounterId').equals(input.encounterId).delete();
      await db.pathology.bulkPut(
        input.encounter.pathology.map((r, i) => ({
          id: `${input.encounterId}|${r.specimenLabel}|${i}`,
          encounterId: input.encounterId,
          patientKey: input.patientKey,
          specimenLabel: r.specimenLabel,
          behavior: r.behavior,
          diagnosisText: r.diagnosisText,
          signedDate: r.signedDate,
          updatedAt: now,
        })),
      );
      await this.writeDraft(input.encounterId, input.draft, input.settings, now, input.patientKey, input.dateOfService);
    });
  }

  /**
   * Replaces the claim draft of an already stored encounter (re-coded after a
   * settings change, or after a later document of the same patient brought a
   * pathology result). Returns false when the encounter is gone or nothing changed.
   */
  async saveDraft(encounterId: string, draft: ClaimDraft, settings: Settings, now = Date.now()): Promise<boolean> {
    const { db } = this;
    return db.transaction('rw', [db.encounters, db.claimDrafts, db.findings, db.specimens, db.auditLog], async () => {
      const record = await db.encounters.get(encounterId);
      if (!record) return false;
      const previous = await db.claimDrafts.get(encounterId);
      if (previous && JSON.stringify(previous.draft) === JSON.stringify(draft) && JSON.stringify(previous.settings) === JSON.stringify(withoutEdits(settings)))
        return false;
      await this.writeDraft(encounterId, draft, settings, now, record.patientKey, record.dateOfService);
      return true;
    });
  }

  /** Inside a transaction: draft, its findings and specimen statuses; audit only when the lines changed. */
  private async writeDraft(
    encounterId: string,
    draft: ClaimDraft,
    settings: Settings,
    now: number,
    patientKey?: string,
    dateOfService?: string,
  ): Promise<void> {
    const { db } = this;
    const previous = await db.claimDrafts.get(encounterId);
    await db.claimDrafts.put({ encounterId, draft, settings: withoutEdits(settings), codedAt: now });

    await db.findings.where('encounterId').equals(encounterId).delete();
    await db.findings.bulkPut(
      draft.findings.map((f) => {
        const fingerprint = findingFingerprint(f);
        return { ...f, id: `${encounterId}|${fingerprint}`, encounterId, fingerprint, codedAt: now };
      }),
    );

    await db.specimens.where('encounterId').equals(encounterId).delete();
    await db.specimens.bulkPut(
      draft.specimens.map((s) => ({
        id: `${encounterId}|${s.label}`,
        encounterId,
        patientKey,
        label: s.label,
        dateOfService,
        site: s.site,
        status: s.status,
        updatedAt: now,
      })),
    );

    const summary = claimSummary(draft);
    if (!previous || claimSummary(previous.draft) !== summary) {
      await db.auditLog.add({ at: now, encounterId, action: 'coded', detail: summary || '(no billable lines)' });
    }
  }

  /** Other stored encounters of the same patient (for cross-visit pathology reconciliation). */
  async relatedEncounters(patientKey: string, excludeId?: string): Promise<EncounterRecord[]> {
    const rows = await this.db.encounters.where('patientKey').equals(patientKey).toArray();
    return rows.filter((r) => r.id !== excludeId);
  }

  async encounterView(encounterId: string): Promise<EncounterView | undefined> {
    const record = await this.db.encounters.get(encounterId);
    if (!record) return undefined;
    const draft = await this.db.claimDrafts.get(encounterId);
    return { record, draft: draft?.draft, codedAt: draft?.codedAt, resolutions: await this.resolutions(encounterId) };
  }

  async resolutions(encounterId: string): Promise<Resolution[]> {
    const rows = await this.db.overrides.where('encounterId').equals(encounterId).toArray();
    return rows.map(({ encounterId: e, fingerprint, rule, action, reason, at }) => ({ encounterId: e, fingerprint, rule, action, reason, at }));
  }

  /** Accept or override a finding with a reason; the audit log keeps every decision. */
  async resolveFinding(encounterId: string, fingerprint: string, action: FindingAction, reason: string, now = Date.now()): Promise<Resolution> {
    const { db } = this;
    return db.transaction('rw', [db.findings, db.overrides, db.auditLog], async () => {
      const finding = await db.findings.get(`${encounterId}|${fingerprint}`);
      if (!finding) throw new Error('That finding is no longer on this encounter (the chart changed). Reload and try again.');
      const resolution: Resolution = { encounterId, fingerprint, rule: finding.rule, action, reason: reason.trim(), at: now };
      await db.overrides.put({ id: `${encounterId}|${fingerprint}`, ...resolution });
      await db.auditLog.add({
        at: now,
        encounterId,
        action: action === 'accepted' ? 'finding-accepted' : 'finding-overridden',
        detail: `${finding.rule}${finding.target ? ` [${finding.target}]` : ''}: ${resolution.reason}`,
      });
      return resolution;
    });
  }

  async undoResolution(encounterId: string, fingerprint: string, now = Date.now()): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.overrides, db.auditLog], async () => {
      const row = await db.overrides.get(`${encounterId}|${fingerprint}`);
      if (!row) return;
      await db.overrides.delete(row.id);
      await db.auditLog.add({ at: now, encounterId, action: 'resolution-undone', detail: `${row.rule}: was ${row.action} ("${row.reason}")` });
    });
  }

  async auditLog(encounterId?: string, limit = 200): Promise<AuditEntry[]> {
    const rows = encounterId
      ? await this.db.auditLog.where('encounterId').equals(encounterId).reverse().sortBy('at')
      : await this.db.auditLog.orderBy('at').reverse().limit(limit).toArray();
    return rows.slice(0, limit);
  }

  async log(entry: Omit<AuditEntry, 'at'> & { at?: number }): Promise<void> {
    await this.db.auditLog.add({ ...entry, at: entry.at ?? Date.now() });
  }

  /**
   * Specimens that still need something, across every stored visit: no result yet
   * (sent) or a result with no billed interpretation (unbilled). Oldest first.
   */
  async openSpecimens(limit = 200, now = Date.now()): Promise<OpenSpecimen[]> {
    const rows = await this.db.specimens.where('status').anyOf('sent', 'unbilled').toArray();
    const encounters = new Map(
      (await this.db.encounters.bulkGet([...new Set(rows.map((r) => r.encounterId))])).filter((e) => e !== undefined).map((e) => [e.id, e]),
    );
    return rows
      .map((r) => {
        const dos = r.dateOfService;
        const age = dos && /^\d{4}-\d{2}-\d{2}$/.test(dos) ? Math.floor((now - Date.parse(`${dos}T00:00:00Z`)) / DAY_MS) : undefined;
        return {
          encounterId: r.encounterId,
          patientInitials: encounters.get(r.encounterId)?.patientInitials,
          dateOfService: dos,
          label: r.label,
          site: r.site,
          status: r.status as OpenSpecimen['status'],
          ...(age !== undefined && age >= 0 ? { ageDays: age } : {}),
        };
      })
      .sort((a, b) => (a.dateOfService ?? '9999').localeCompare(b.dateOfService ?? '9999') || a.label.localeCompare(b.label))
      .slice(0, limit);
  }

  async recentEncounters(limit = 50): Promise<EncounterRecord[]> {
    return this.db.encounters.orderBy('updatedAt').reverse().limit(limit).toArray();
  }

  /**
   * Deletes every stored chart and everything derived from it, and draws a new
   * install salt so that no later hash can be linked to the deleted ones.
   * Practice settings stay. Returns how many encounters were deleted.
   */
  async deleteAllData(now = Date.now()): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.encounters, db.claimDrafts, db.findings, db.specimens, db.pathology, db.overrides, db.auditLog, db.settings], async () => {
      const count = await db.encounters.count();
      for (const table of [db.encounters, db.claimDrafts, db.findings, db.specimens, db.pathology, db.overrides, db.auditLog] as const) await table.clear();
      await db.settings.put({ key: SALT_KEY, value: newSalt() });
      await db.auditLog.add({ at: now, action: 'purged', detail: `all stored data deleted by the user (${count} encounter(s)); new install salt` });
      return count;
    });
  }

  /** Deletes encounters (and everything hanging off them) not touched for `days` days. */
  async purgeOlderThan(days: number, now = Date.now()): Promise<number> {
    const { db } = this;
    const cutoff = now - days * DAY_MS;
    return db.transaction('rw', [db.encounters, db.claimDrafts, db.findings, db.specimens, db.pathology, db.overrides, db.auditLog], async () => {
      const old = await db.encounters.where('updatedAt').below(cutoff).primaryKeys();
      for (const id of old) {
        await db.claimDrafts.delete(id);
        for (const table of [db.findings, db.specimens, db.pathology, db.overrides] as const) await table.where('encounterId').equals(id).delete();
        await db.auditLog.where('encounterId').equals(id).delete();
      }
      await db.encounters.bulkDelete(old);
      await db.auditLog.where('at').below(cutoff).delete();
      if (old.length) await db.auditLog.add({ at: now, action: 'purged', detail: `${old.length} encounter(s) older than ${days} days deleted` });
      return old.length;
    });
  }
}

/** Imported edit tables can be large: drafts keep the practice settings only. */
function withoutEdits(settings: Settings): Settings {
  const { edits: _edits, ...rest } = settings;
  return rest;
}

/** "11104 | 11103 | 88305 x2": what the audit log records when a claim changes. */
export function claimSummary(draft: ClaimDraft): string {
  return draft.lines
    .map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}${l.units > 1 ? ` x${l.units}` : ''}${l.status === 'ready' ? '' : ' (held)'}`)
    .join(' | ');
}
