import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelRequestInput, Reply } from '../../../core/model/messages';
import { BackgroundRouter } from '../../../entrypoints/background/router';
import { createBackupModel } from '../../../entrypoints/options/backup-model';
import { dropStores, freshStore, saveVisit } from './helpers';

afterEach(dropStores);
beforeEach(() => fakeBrowser.reset());

/** The options page's backup model wired to a real background router and store. */
function wired() {
  const store = freshStore('opt');
  const router = new BackgroundRouter(store);
  const blobs = new Map<string, Blob>();
  const model = createBackupModel(
    {
      request: <T>(req: PanelRequestInput) => router.fromPage(req) as Promise<Reply<T>>,
      createObjectURL: (blob) => {
        const url = `blob:test/${blobs.size + 1}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url) => void blobs.delete(url),
    },
    () => Date.parse('2026-05-04T10:00:00Z'),
  );
  return { store, model, blobs };
}
const chosen = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

describe('options: backup and CMS import', () => {
  it('export gives a dated JSON download; importing it elsewhere after confirmation restores the data', async () => {
    const a = wired();
    await saveVisit(a.store, { id: 'e1', patientKey: 'pk', dateOfService: '2026-04-01' });
    const link = await a.model.exportData();
    expect(link).toEqual({ href: 'blob:test/1', name: 'dermlens-backup-2026-05-04.json' });
    const text = await a.blobs.get('blob:test/1')!.text();
    expect(a.model.status.value).toMatch(/^Backup ready: 1 encounter\(s\)/);

    const b = wired();
    await b.model.chooseBackup(chosen('dermlens-backup-2026-05-04.json', text));
    expect(await b.store.db.encounters.count()).toBe(0); // nothing until confirmed
    expect(b.model.pendingImport.value?.name).toBe('dermlens-backup-2026-05-04.json');
    expect(await b.model.confirmImport()).toBe(true);
    expect(b.model.status.value).toBe('Restored dermlens-backup-2026-05-04.json: 1 encounter(s), 1 specimen(s), 1 audit entries.');
    expect(await b.store.db.encounters.toCollection().primaryKeys()).toEqual(['e1']);
  });

  it('a foreign file shows the error and leaves the data alone; cancel imports nothing', async () => {
    const { store, model } = wired();
    await saveVisit(store, { id: 'mine', dateOfService: '2026-04-01' });
    await model.chooseBackup(chosen('package.json', '{"name":"x"}'));
    expect(await model.confirmImport()).toBe(false);
    expect(model.error.value).toBe('This file is not a DermLens backup. Nothing was imported.');
    expect(await store.db.encounters.toCollection().primaryKeys()).toEqual(['mine']);
    await model.chooseBackup(chosen('b.json', '{}'));
    model.cancelImport();
    expect(model.pendingImport.value).toBeUndefined();
    expect(model.status.value).toBe('Nothing was imported.');
  });

  it('CMS files: counts imported and skipped with bad-row lines; zip files refused before reading', async () => {
    const { store, model } = wired();
    const f1 = readFileSync(join(__dirname, '../../fixtures/cms/ccipra-v310r0-f1.txt'), 'utf8');
    expect(await model.importEdits('ptp', [chosen('ccipra-v310r0-f1.txt', f1)])).toBe(true);
    const report = model.editReport.value!;
    expect(report.files.map((f) => [f.name, f.read, f.skipped, f.issues.map((i) => i.line)])).toEqual([['ccipra-v310r0-f1.txt', 6, 3, [11, 12, 13]]]);
    expect(model.status.value).toMatch(/^NCCI PTP imported: v310r0 \d+ rows; 3 bad row\(s\) skipped/);
    expect(model.editTables.value.ptp.map((t) => t.version)).toEqual(['v310r0']);
    expect((await store.engineSettings()).edits?.ptp?.[0]?.version).toBe('v310r0');

    expect(await model.importEdits('mue', [chosen('MUE.zip', 'PK')])).toBe(false);
    expect(model.error.value).toMatch(/^MUE\.zip: unzip the CMS download/);
    await model.clearEdits();
    expect(model.editTables.value).toEqual({ ptp: [], mue: [] });
  });
});

describe('options: a background that fails to answer', () => {
  it('shows the error instead of hanging busy', async () => {
    const model = createBackupModel({
      request: () => Promise.reject(new Error('Message length exceeded maximum allowed length.')),
      createObjectURL: () => 'blob:x',
      revokeObjectURL: () => {},
    });
    await model.chooseBackup({ name: 'big.json', size: 10, text: async () => '{}' });
    expect(await model.confirmImport()).toBe(false);
    expect(model.busy.value).toBe(false);
    expect(model.error.value).toBe('the DermLens background did not answer (Message length exceeded maximum allowed length.)');
    expect(await model.exportData()).toBeUndefined();
    expect(model.error.value).toMatch(/^Export failed: the DermLens background did not answer/);
  });
});
