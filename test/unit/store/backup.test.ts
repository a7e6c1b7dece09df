import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, parseBackup } from '../../../core/store/backup';
import { findingFingerprint } from '../../../core/store/fingerprint';
import type { DermLensStore } from '../../../core/store/repository';
import { draftOf, dropStores, freshStore, saveVisit } from './helpers';

afterEach(dropStores);

async function populated(): Promise<DermLensStore> {
  const store = freshStore('src');
  await store.installSalt();
  await store.saveSettings({ payer: 'medicare', retentionDays: 45 }, 500);
  await saveVisit(store, {
    id: 'e1',
    patientKey: 'pk',
    dateOfService: '2026-02-01',
    codes: ['11102', '88305'],
    pathology: [
      { specimenLabel: 'A', diagnosisText: 'basal cell carcinoma', behavior: 'malignant', specimenType: 'skin', stains: [], ihc: [], readBy: 'in-house' },
    ],
  });
  await saveVisit(store, { id: 'e2', patientKey: 'pk2', dateOfService: '2026-02-03', codes: ['11104'] });
  const fp = findingFingerprint(draftOf('e1', []).findings[0]!);
  await store.resolveFinding('e1', fp, 'overridden', 'technique in the addendum', 2000);
  return store;
}

/** A stable picture of every table (ids and key fields) to compare before/after. */
async function picture(store: DermLensStore) {
  const { db } = store;
  return {
    encounters: (await db.encounters.toArray()).map((e) => [e.id, e.patientKey, e.dateOfService, e.encounter.id]),
    specimens: (await db.specimens.toArray()).map((s) => [s.id, s.status, s.dateOfService]),
    pathology: (await db.pathology.toArray()).map((p) => [p.id, p.behavior]),
    drafts: (await db.claimDrafts.toArray()).map((d) => [d.encounterId, d.draft.lines.map((l) => l.code).join(' ')]),
    findings: (await db.findings.toArray()).map((f) => f.id),
    overrides: (await db.overrides.toArray()).map((o) => [o.id, o.reason]),
    settings: await store.getSettings(),
    salt: await store.installSalt(),
  };
}

describe('database backup', () => {
  it('exports every table and imports it into an empty database unchanged (via JSON text)', async () => {
    const src = await populated();
    const backup = await src.exportData(Date.parse('2026-03-01T00:00:00Z'));
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, schemaVersion: 2, exportedAt: '2026-03-01T00:00:00.000Z' });
    expect(backup.tables.encounters).toHaveLength(2);
    const dest = freshStore('dest');
    const result = await dest.importData(JSON.stringify(backup), 9000);
    expect(result).toEqual({
      ok: true,
      counts: {
        encounters: 2,
        specimens: 2,
        pathology: 1,
        claimDrafts: 2,
        findings: 2,
        overrides: 1,
        auditLog: backup.tables.auditLog.length,
        settings: 2,
        meta: 0,
      },
    });
    expect(await picture(dest)).toEqual(await picture(src));
    // The restore itself is audited.
    expect((await dest.auditLog())[0]).toMatchObject({ action: 'data-imported', at: 9000 });
  });

  it('import replaces what was there (all or nothing, not a merge)', async () => {
    const src = await populated();
    const backup = JSON.stringify(await src.exportData());
    const dest = freshStore('dest');
    await saveVisit(dest, { id: 'other', dateOfService: '2026-01-01' });
    expect((await dest.importData(backup)).ok).toBe(true);
    expect((await dest.db.encounters.toCollection().primaryKeys()).sort()).toEqual(['e1', 'e2']);
  });

  const bad: [string, (valid: Record<string, unknown>) => unknown, RegExp][] = [
    ['not JSON', () => '{"format": "dermlens-backup", ', /not JSON/],
    ['a foreign JSON file', () => JSON.stringify({ name: 'my-app', version: '1.0.0' }), /not a DermLens backup/],
    ['a JSON array', () => '[1,2,3]', /not a DermLens backup/],
    ['a newer schema', (v) => JSON.stringify({ ...v, schemaVersion: 99 }), /schemaVersion: made by a newer DermLens/],
    ['an unknown file version', (v) => JSON.stringify({ ...v, version: 7 }), /version: backup file version not supported/],
    [
      'an encounter without its chart',
      (v) => {
        const tables = v.tables as Record<string, Record<string, unknown>[]>;
        return JSON.stringify({ ...v, tables: { ...tables, encounters: tables.encounters!.map((e, i) => (i === 0 ? { ...e, encounter: undefined } : e)) } });
      },
      /tables\.encounters\.0\.encounter: /,
    ],
    [
      'a specimen of a missing encounter',
      (v) => {
        const tables = v.tables as Record<string, Record<string, unknown>[]>;
        return JSON.stringify({ ...v, tables: { ...tables, encounters: tables.encounters!.filter((e) => e.id !== 'e2') } });
      },
      /points to encounter e2/,
    ],
    ['a missing table', (v) => JSON.stringify({ ...v, tables: { ...(v.tables as object), findings: undefined } }), /tables\.findings: /],
  ];
  it.each(bad)('refuses %s with a clear error and overwrites nothing', async (_name, make, message) => {
    const src = await populated();
    const valid = JSON.parse(JSON.stringify(await src.exportData())) as Record<string, unknown>;
    const dest = freshStore('dest');
    await saveVisit(dest, { id: 'keep-me', patientKey: 'pk9', dateOfService: '2026-01-01' });
    await dest.saveSettings({ payer: 'medicare' });
    const before = await picture(dest);
    const result = await dest.importData(make(valid));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toMatch(/Nothing was imported\.$/);
    }
    expect(await picture(dest)).toEqual(before);
  });

  it('a write failing part-way through the import rolls back: the old data is kept', async () => {
    const src = await populated();
    const backup = JSON.stringify(await src.exportData());
    const dest = freshStore('dest');
    await saveVisit(dest, { id: 'keep-me', dateOfService: '2026-01-01' });
    const before = await picture(dest);
    vi.spyOn(dest.db.overrides, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const result = await dest.importData(backup);
    expect(result).toEqual({ ok: false, error: 'The backup could not be written (QuotaExceededError). The data stored before was kept.' });
    expect(await picture(dest)).toEqual(before);
  });

  it('parseBackup never throws on junk', () => {
    for (const junk of [undefined, null, 42, '', 'null', '{}', { format: BACKUP_FORMAT }]) expect(parseBackup(junk).ok).toBe(false);
  });
});
