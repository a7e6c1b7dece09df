import { batch, signal } from '@preact/signals';
import type { PanelRequestInput, Reply } from '../../core/model/messages';
import type { BackupCounts, DatabaseBackup } from '../../core/store/backup';
import type { EditImportSummary, EditTablesSummary } from '../../core/store/edit-import';

export interface BackupTransport {
  request<T>(req: PanelRequestInput): Promise<Reply<T>>;
  /** URL.createObjectURL / revokeObjectURL (injected for tests). */
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

/** A chosen file: the browser's File has both. */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

const MAX_BACKUP_BYTES = 500_000_000;
const MAX_EDIT_FILE_BYTES = 200_000_000;

/**
 * Options page: whole-database backup (export to a JSON file, import from one) and
 * the CMS NCCI PTP / MUE imports (issue 9). The background validates and writes.
 */
export function createBackupModel(transport: BackupTransport, now: () => number = Date.now) {
  const status = signal('');
  const error = signal<string | undefined>(undefined);
  const busy = signal(false);
  /** The last export, offered as a link with a download name (Blob URL). */
  const download = signal<{ href: string; name: string } | undefined>(undefined);
  /** A backup chosen for import, waiting for the user's confirmation (it replaces everything). */
  const pendingImport = signal<{ name: string; text: string } | undefined>(undefined);
  const editReport = signal<EditImportSummary | undefined>(undefined);
  const editTables = signal<EditTablesSummary>({ ptp: [], mue: [] });

  /** A request that never throws: a message too large for the browser, or a stopped background, becomes an error reply. */
  function ask<T>(req: PanelRequestInput): Promise<Reply<T>> {
    return transport.request<T>(req).catch((e: Error) => ({ ok: false as const, error: `the DermLens background did not answer (${e.message})` }));
  }

  function fail(message: string) {
    batch(() => {
      error.value = message;
      status.value = '';
      busy.value = false;
    });
  }

  async function loadEditTables(): Promise<void> {
    const reply = await ask<EditTablesSummary>({ type: 'get-edit-tables' });
    if (reply.ok) editTables.value = reply.data;
  }

  async function exportData(): Promise<{ href: string; name: string } | undefined> {
    busy.value = true;
    error.value = undefined;
    const reply = await ask<DatabaseBackup>({ type: 'export-data' });
    if (!reply.ok) {
      fail(`Export failed: ${reply.error}`);
      return undefined;
    }
    if (download.value) transport.revokeObjectURL(download.value.href);
    const stamp = new Date(now()).toISOString().slice(0, 10);
    const blob = new Blob([JSON.stringify(reply.data)], { type: 'application/json' });
    const link = { href: transport.createObjectURL(blob), name: `dermlens-backup-${stamp}.json` };
    batch(() => {
      download.value = link;
      busy.value = false;
      status.value = `Backup ready: ${reply.data.tables.encounters.length} encounter(s). It holds chart text with identifiers masked and the install salt: keep it as safe as the computer.`;
    });
    return link;
  }

  /** Step 1: read the chosen file; nothing changes until confirmImport(). */
  async function chooseBackup(file: ChosenFile | undefined): Promise<void> {
    error.value = undefined;
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) return fail(`${file.name} is too large to be a DermLens backup.`);
    const text = await file.text().catch(() => undefined);
    if (text === undefined) return fail(`${file.name} could not be read.`);
    batch(() => {
      pendingImport.value = { name: file.name, text };
      status.value = `Importing ${file.name} replaces every chart, claim, decision, audit entry and setting stored here. Press "Replace all data" to go on.`;
    });
  }

  async function confirmImport(): Promise<boolean> {
    const pending = pendingImport.value;
    if (!pending) return false;
    batch(() => {
      pendingImport.value = undefined;
      busy.value = true;
      error.value = undefined;
    });
    const reply = await ask<BackupCounts>({ type: 'import-data', text: pending.text });
    if (!reply.ok) {
      fail(reply.error);
      return false;
    }
    batch(() => {
      busy.value = false;
      status.value = `Restored ${pending.name}: ${reply.data.encounters} encounter(s), ${reply.data.specimens} specimen(s), ${reply.data.auditLog} audit entries.`;
    });
    await loadEditTables();
    return true;
  }

  function cancelImport(): void {
    pendingImport.value = undefined;
    status.value = 'Nothing was imported.';
  }

  async function importEdits(kind: 'ptp' | 'mue', chosen: readonly ChosenFile[]): Promise<boolean> {
    error.value = undefined;
    editReport.value = undefined;
    if (chosen.length === 0) return false;
    const tooBig = chosen.find((f) => f.size > MAX_EDIT_FILE_BYTES);
    if (tooBig) {
      fail(`${tooBig.name} is too large (over 200 MB); import the practitioner file, not the whole CMS zip.`);
      return false;
    }
    const bad = chosen.find((f) => /\.(zip|xlsx?|pdf)$/i.test(f.name));
    if (bad) {
      fail(`${bad.name}: unzip the CMS download and choose the .txt or .csv inside (Excel and zip files are not read).`);
      return false;
    }
    busy.value = true;
    const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
    const reply = await ask<EditImportSummary>({ type: 'import-edit-files', kind, files });
    if (!reply.ok) {
      fail(reply.error);
      return false;
    }
    const skipped = reply.data.files.reduce((n, f) => n + f.skipped, 0);
    batch(() => {
      editReport.value = reply.data;
      busy.value = false;
      status.value = `${kind === 'ptp' ? 'NCCI PTP' : 'MUE'} imported: ${reply.data.tables.map((t) => `${t.version} ${t.stored} rows`).join(', ')}; ${skipped} bad row(s) skipped. Open charts were re-coded.`;
    });
    await loadEditTables();
    return true;
  }

  async function clearEdits(): Promise<void> {
    const reply = await ask<null>({ type: 'clear-edit-tables', confirm: true });
    if (!reply.ok) return fail(reply.error);
    editReport.value = undefined;
    status.value = 'Imported CMS tables removed: DermLens checks only the pairs and values its reference documents.';
    await loadEditTables();
  }

  return {
    status,
    error,
    busy,
    download,
    pendingImport,
    editReport,
    editTables,
    loadEditTables,
    exportData,
    chooseBackup,
    confirmImport,
    cancelImport,
    importEdits,
    clearEdits,
  };
}

export type BackupModel = ReturnType<typeof createBackupModel>;
