import { useEffect, useRef } from 'preact/hooks';
import type { BackupModel, ChosenFile } from '../entrypoints/options/backup-model';

const filesOf = (input: HTMLInputElement): ChosenFile[] => [...(input.files ?? [])];

/** Options: database backup (export/import) and the CMS NCCI PTP / MUE imports. */
export function BackupPanel({ model }: { model: BackupModel }) {
  const link = useRef<HTMLAnchorElement>(null);
  const download = model.download.value;
  // A fresh export is saved at once; the link stays for a second copy.
  useEffect(() => {
    if (download) link.current?.click();
  }, [download?.href]);
  const report = model.editReport.value;
  const tables = model.editTables.value;
  const pending = model.pendingImport.value;

  return (
    <section class="options backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and CMS edit files</h2>

      <fieldset>
        <legend>Database backup</legend>
        <p class="muted">One JSON file with every stored chart (identifiers masked), claim, decision, audit entry and setting.</p>
        <button type="button" class="secondary" disabled={model.busy.value} onClick={() => void model.exportData()}>
          Export all data…
        </button>{' '}
        {download && (
          <a ref={link} href={download.href} download={download.name} data-testid="backup-link">
            Save {download.name}
          </a>
        )}
        <label class="field">
          Import a backup (replaces all stored data)
          <input
            type="file"
            name="backupFile"
            accept="application/json,.json"
            disabled={model.busy.value}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              void model.chooseBackup(filesOf(input)[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        {pending && (
          <div class="danger">
            <button type="button" class="danger" onClick={() => void model.confirmImport()}>
              Replace all data
            </button>{' '}
            <button type="button" class="secondary" onClick={model.cancelImport}>
              Cancel
            </button>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>CMS NCCI and MUE files</legend>
        <p class="muted">
          The practitioner PTP files (ccipra-v…-f1 … f4, .txt or .csv; choose all parts of one release together) and the practitioner MUE file
          (MCR_MUE_PractitionerServices_Eff_….csv). Only rows with a code DermLens knows are kept.
        </p>
        <label class="field">
          NCCI PTP file(s)
          <input
            type="file"
            name="ptpFiles"
            multiple
            accept=".txt,.csv,text/plain,text/csv"
            disabled={model.busy.value}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              void model.importEdits('ptp', filesOf(input)).finally(() => (input.value = ''));
            }}
          />
        </label>
        <label class="field">
          MUE file
          <input
            type="file"
            name="mueFiles"
            multiple
            accept=".csv,.txt,text/csv,text/plain"
            disabled={model.busy.value}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              void model.importEdits('mue', filesOf(input)).finally(() => (input.value = ''));
            }}
          />
        </label>
        {report && (
          <section class="edit-report" aria-label="Import report">
            <ul>
              {report.tables.map((t) => (
                <li key={t.version}>
                  {report.kind === 'ptp' ? 'NCCI PTP' : 'MUE'} {t.version}: <strong>{t.stored}</strong> rows imported
                  {t.filteredOut > 0 ? `, ${t.filteredOut} without a DermLens code left out` : ''}
                  {t.effectiveFrom ? ` (dates of service from ${t.effectiveFrom})` : ''}
                </li>
              ))}
            </ul>
            {report.files.map((f) => (
              <div key={f.name}>
                <p>
                  {f.name}: {f.read} rows read, <strong>{f.skipped}</strong> skipped
                </p>
                {f.issues.length > 0 && (
                  <ul class="issues">
                    {f.issues.map((i) => (
                      <li key={`${i.line}`}>
                        line {i.line}: {i.message}
                      </li>
                    ))}
                    {f.skipped > f.issues.length && <li>… and {f.skipped - f.issues.length} more</li>}
                  </ul>
                )}
              </div>
            ))}
          </section>
        )}
        <p class="muted" data-testid="edit-tables">
          {tables.ptp.length + tables.mue.length === 0
            ? 'No CMS tables imported: only the pairs and values in the coding reference are checked.'
            : `In use: ${[...tables.ptp.map((t) => `PTP ${t.version} (${t.rows} rows)`), ...tables.mue.map((t) => `MUE ${t.version} (${t.rows} rows)`)].join(', ')}.`}
        </p>
        {tables.ptp.length + tables.mue.length > 0 && (
          <button type="button" class="secondary" onClick={() => void model.clearEdits()}>
            Remove imported CMS tables
          </button>
        )}
      </fieldset>

      {model.error.value && (
        <p class="error" role="alert">
          {model.error.value}
        </p>
      )}
      <p class="live" role="status" aria-live="polite">
        {model.status.value}
      </p>
    </section>
  );
}
