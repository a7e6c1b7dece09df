import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pickMueTable } from '../../../core/codes/mue';
import { pickPtpTable } from '../../../core/codes/ncci';
import { BackgroundRouter } from '../../../entrypoints/background/router';
import { dropStores, freshStore } from './helpers';

afterEach(dropStores);
beforeEach(() => fakeBrowser.reset());

const CMS = join(__dirname, '../../fixtures/cms');
const file = (name: string) => ({ name, text: readFileSync(join(CMS, name), 'utf8') });

describe('CMS edit files imported in Options', () => {
  it('PTP parts of one release become one table; bad rows are counted with their line', async () => {
    const store = freshStore();
    const result = await store.importEditFiles('ptp', [file('ccipra-v310r0-f1.txt'), file('ccipra-v310r0-f2.txt')], {
      now: Date.parse('2026-01-02T00:00:00Z'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const f1 = result.summary.files[0]!;
    expect([f1.name, f1.read, f1.skipped]).toEqual(['ccipra-v310r0-f1.txt', 6, 3]);
    expect(f1.issues.map((i) => i.line)).toEqual([11, 12, 13]);
    expect(f1.issues[0]?.message).toBe('column 1 "1130" is not a 5-character code');
    expect(result.summary.tables).toHaveLength(1);
    expect(result.summary.tables[0]?.version).toBe('v310r0');
    const stored = await store.editTables();
    expect(stored.ptp.map((t) => [t.version, t.source])).toEqual([['v310r0', 'ccipra-v310r0-f1.txt, ccipra-v310r0-f2.txt']]);
    expect(stored.ptp[0]?.rows).toBe(result.summary.tables[0]?.stored);
    expect((await store.auditLog())[0]).toMatchObject({ action: 'edits-imported', detail: expect.stringContaining('NCCI PTP: v310r0') });
  });

  it('MUE: the effective date comes from the file name; a re-import of that date replaces, another adds', async () => {
    const store = freshStore();
    const first = await store.importEditFiles('mue', [file('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv')]);
    expect(first.ok && first.summary.files[0]).toMatchObject({ read: 5, skipped: 3, issues: [{ line: 10 }, { line: 11 }, { line: 12 }] });
    await store.importEditFiles('mue', [file('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv')]);
    await store.importEditFiles('mue', [file('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv')]);
    expect((await store.editTables()).mue.map((t) => t.effectiveFrom)).toEqual(['2025-01-01', '2025-07-01']);
  });

  it('engine settings carry the imported tables (Settings.edits); practice settings do not', async () => {
    const store = freshStore();
    expect((await store.engineSettings()).edits).toBeUndefined();
    await store.importEditFiles('ptp', [file('ccipra-v311r0-f1.txt')]);
    await store.importEditFiles('mue', [file('MCR_MUE_PractitionerServices_Eff_2025-07-01.csv')]);
    const settings = await store.engineSettings();
    expect(pickPtpTable(settings.edits?.ptp, '2026-03-02')?.version).toBe('v311r0');
    expect(pickMueTable(settings.edits?.mue, '2026-03-02')?.effectiveFrom).toBe('2025-07-01');
    expect((await store.getSettings()).edits).toBeUndefined();
  });

  it('a file with no usable row is refused and nothing is stored', async () => {
    const store = freshStore();
    const result = await store.importEditFiles('ptp', [file('ccipra-v310r0-f1.txt'), { name: 'notes.txt', text: 'hello\nworld\n' }]);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^notes\.txt: no PTP edit rows found .*Nothing was imported\.$/) });
    expect(await store.editTables()).toEqual({ ptp: [], mue: [] });
    const mue = await store.importEditFiles('mue', [file('ccipra-v310r0-f1.txt')]);
    expect(mue).toMatchObject({ ok: false, error: expect.stringMatching(/no MUE rows found/) });
    expect(await store.importEditFiles('mue', [])).toEqual({ ok: false, error: 'Choose at least one file.' });
  });

  it('through the background: import, list, clear; a malformed request is refused', async () => {
    const store = freshStore();
    const router = new BackgroundRouter(store);
    const reply = await router.fromPage({ type: 'import-edit-files', kind: 'mue', files: [file('MCR_MUE_PractitionerServices_Eff_2025-01-01.csv')] });
    expect(reply).toMatchObject({ ok: true, data: { kind: 'mue', tables: [{ version: '2025-01-01', effectiveFrom: '2025-01-01' }] } });
    expect(await router.fromPage({ type: 'get-edit-tables' })).toMatchObject({ ok: true, data: { mue: [{ version: '2025-01-01' }], ptp: [] } });
    expect(await router.fromPage({ type: 'clear-edit-tables', confirm: true })).toEqual({ ok: true, data: null });
    expect((await store.engineSettings()).edits).toBeUndefined();
    expect(await router.fromPage({ type: 'import-edit-files', kind: 'xlsx', files: [] })).toMatchObject({ ok: false });
  });
});
