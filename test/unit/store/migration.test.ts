import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, declareV1, openDb } from '../../../core/store/db';
import { DermLensStore } from '../../../core/store/repository';
import { encounterOf } from './helpers';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database exactly as DermLens v1 created it, with data in it. */
async function makeV1(name: string): Promise<void> {
  names.push(name);
  const v1 = new Dexie(name);
  declareV1(v1);
  await v1.open();
  await v1.table('encounters').bulkAdd([
    {
      id: 'e1',
      patientKey: 'pk',
      patientInitials: 'J.D.',
      dateOfService: '2026-01-05',
      adapter: 'generic',
      url: 'http://x/',
      updatedAt: 10,
      encounter: encounterOf('e1'),
    },
    { id: 'e2', adapter: 'generic', url: 'http://y/', updatedAt: 11, encounter: encounterOf('e2') },
  ]);
  // v1 specimens could lack the visit's date; v2 backfills it.
  await v1.table('specimens').bulkAdd([
    { id: 'e1|A', encounterId: 'e1', patientKey: 'pk', label: 'A', status: 'sent', updatedAt: 10 },
    { id: 'e2|A', encounterId: 'e2', label: 'A', status: 'sent', updatedAt: 11 },
    { id: 'e1|B', encounterId: 'e1', label: 'B', dateOfService: '2026-01-04', status: 'unbilled', updatedAt: 10 },
  ]);
  await v1
    .table('pathology')
    .add({ id: 'e1|A|0', encounterId: 'e1', patientKey: 'pk', specimenLabel: 'A', behavior: 'malignant', diagnosisText: 'BCC', updatedAt: 10 });
  await v1.table('settings').bulkAdd([
    { key: 'practice', value: { payer: 'medicare', retentionDays: 30 } },
    { key: 'install-salt', value: '0123456789abcdef0123456789abcdef' },
  ]);
  await v1.table('auditLog').add({ at: 10, encounterId: 'e1', action: 'coded', detail: '11102' });
  v1.close();
}

describe('schema migrations', () => {
  it('current code declares the newest version', () => {
    const db = openDb('never-opened');
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(2);
  });

  it('a v1 database opened by current code is upgraded to v2 and keeps every row', async () => {
    const name = `mig-${Date.now()}-${Math.random()}`;
    await makeV1(name);
    const store = new DermLensStore(openDb(name));
    await store.db.open();
    expect(store.db.verno).toBe(2);
    expect(await store.db.encounters.count()).toBe(2);
    expect(await store.db.auditLog.count()).toBe(1);
    expect((await store.getSettings()).payer).toBe('medicare');
    expect((await store.getSettings()).retentionDays).toBe(30);
    expect(await store.installSalt()).toBe('0123456789abcdef0123456789abcdef');
    // Backfilled from the encounter; an existing date is kept; no date to copy stays absent.
    const specimens = Object.fromEntries((await store.db.specimens.toArray()).map((s) => [s.id, s.dateOfService]));
    expect(specimens).toEqual({ 'e1|A': '2026-01-05', 'e1|B': '2026-01-04', 'e2|A': undefined });
    // The new indexes answer queries.
    expect((await store.db.pathology.where('behavior').equals('malignant').toArray()).map((p) => p.id)).toEqual(['e1|A|0']);
    expect((await store.db.specimens.where('dateOfService').below('2026-01-05').toArray()).map((s) => s.id)).toEqual(['e1|B']);
    expect((await store.db.meta.get('migrated-from-1'))?.value).toEqual({ to: 2 });
    // And the migrated data feeds the open-specimens list as before.
    expect((await store.openSpecimens(10, Date.parse('2026-01-15T00:00:00Z'))).map((s) => [s.encounterId, s.label, s.ageDays])).toEqual([
      ['e1', 'B', 11],
      ['e1', 'A', 10],
      ['e2', 'A', undefined],
    ]);
    store.db.close();
  });

  it('a fresh database starts at v2 with no migration record', async () => {
    const name = `fresh-${Date.now()}-${Math.random()}`;
    names.push(name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.meta.count()).toBe(0);
    db.close();
  });
});
