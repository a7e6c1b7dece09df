import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClaimDraft, type Encounter, Encounter as EncounterSchema, Settings } from '../../../core/model';
import { openDb } from '../../../core/store/db';
import { findingFingerprint } from '../../../core/store/fingerprint';
import { claimSummary, DermLensStore } from '../../../core/store/repository';

let n = 0;
const stores: DermLensStore[] = [];
function freshStore() {
  const store = new DermLensStore(openDb(`test-${Date.now()}-${++n}`));
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) {
    s.db.close();
    await s.db.delete();
  }
});

const encounter: Encounter = EncounterSchema.parse({ id: 'e1', specimens: [{ label: 'A' }], sections: { note: 'Shave biopsy, specimen A' } });
const finding = {
  severity: 'warning' as const,
  rule: 'biopsy/technique-documented',
  message: 'Technique not documented',
  target: 'A',
  fix: 'document shave or punch',
};
function draft(codes: string[]): ClaimDraft {
  return {
    encounterId: 'e1',
    lines: codes.map((code) => ({
      code,
      units: 1,
      modifiers: [],
      dx: [],
      billing: 'insurance',
      status: 'ready',
      description: code,
      lesionLabels: [],
      specimenLabels: [],
      ruleIds: [],
      spans: [],
    })),
    findings: [finding],
    specimens: [{ label: 'A', status: 'sent' }],
    comparison: [],
  };
}
const settings = Settings.parse({});
const save = (store: DermLensStore, codes: string[], now: number) =>
  store.saveCoded({
    encounterId: 'e1',
    patientKey: 'pk',
    patientInitials: 'J.D.',
    dateOfService: '2026-03-02',
    adapter: 'generic',
    url: 'http://x/',
    encounter,
    draft: draft(codes),
    settings,
    now,
  });

describe('DermLensStore', () => {
  it('install salt is created once and kept', async () => {
    const store = freshStore();
    const a = await store.installSalt();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.installSalt()).toBe(a);
  });

  it('saveCoded stores the encounter, draft, findings and specimens; logs only claim changes', async () => {
    const store = freshStore();
    await save(store, ['11102'], 1000);
    await save(store, ['11102'], 2000);
    await save(store, ['11102', '88305'], 3000);
    const view = await store.encounterView('e1');
    expect(view?.record.patientInitials).toBe('J.D.');
    expect(view?.draft?.lines.map((l) => l.code)).toEqual(['11102', '88305']);
    expect(await store.db.findings.count()).toBe(1);
    expect((await store.db.specimens.toArray()).map((s) => [s.id, s.status, s.patientKey])).toEqual([['e1|A', 'sent', 'pk']]);
    const log = await store.auditLog('e1');
    expect(log.map((e) => [e.action, e.detail])).toEqual([
      ['coded', '11102 | 88305'],
      ['coded', '11102'],
    ]);
  });

  it('an override is stored with its reason, listed as a resolution and audited; undo is audited too', async () => {
    const store = freshStore();
    await save(store, ['11102'], 1000);
    const fp = findingFingerprint(finding);
    const r = await store.resolveFinding('e1', fp, 'overridden', '  technique in the op note addendum ', 5000);
    expect(r).toEqual({ encounterId: 'e1', fingerprint: fp, rule: finding.rule, action: 'overridden', reason: 'technique in the op note addendum', at: 5000 });
    expect(await store.resolutions('e1')).toEqual([r]);
    await store.undoResolution('e1', fp, 6000);
    expect(await store.resolutions('e1')).toEqual([]);
    expect((await store.auditLog('e1')).map((e) => e.action)).toEqual(['resolution-undone', 'finding-overridden', 'coded']);
  });

  it('resolving a finding that is no longer there is refused with a clear message', async () => {
    const store = freshStore();
    await save(store, ['11102'], 1000);
    await expect(store.resolveFinding('e1', 'nope|A|00000000', 'accepted', 'ok then')).rejects.toThrow(/no longer on this encounter/);
  });

  it('settings: defaults, valid save audited, invalid refused with the field named', async () => {
    const store = freshStore();
    expect(await store.getSettings()).toEqual(Settings.parse({}));
    const ok = await store.saveSettings({ payer: 'medicare', retentionDays: 30 }, 100);
    expect(ok.ok).toBe(true);
    expect((await store.getSettings()).payer).toBe('medicare');
    const bad = await store.saveSettings({ payer: 'medicaid', retentionDays: 0 });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/payer: .*; retentionDays: /) });
    expect((await store.getSettings()).payer).toBe('medicare');
    const log = await store.auditLog();
    expect(log[0]).toMatchObject({ action: 'settings-changed', detail: expect.stringContaining('payer: "commercial" → "medicare"') });
  });

  it('purgeOlderThan deletes old encounters and everything hanging off them', async () => {
    const store = freshStore();
    await save(store, ['11102'], 1000);
    const deleted = await store.purgeOlderThan(1, 1000 + 2 * 86_400_000);
    expect(deleted).toBe(1);
    expect(await store.db.encounters.count()).toBe(0);
    expect(await store.db.findings.count()).toBe(0);
    expect(await store.db.specimens.count()).toBe(0);
    expect((await store.auditLog()).map((e) => e.action)).toEqual(['purged']);
  });

  it('openSpecimens: sent or unbilled specimens across visits, oldest first, with age in days', async () => {
    const store = freshStore();
    await save(store, ['11102'], 1000);
    await store.db.specimens.bulkPut([
      { id: 'e2|A', encounterId: 'e2', label: 'A', dateOfService: '2026-03-20', status: 'unbilled', updatedAt: 1 },
      { id: 'e3|B', encounterId: 'e3', label: 'B', dateOfService: '2026-03-01', status: 'billed', updatedAt: 1 },
    ]);
    const open = await store.openSpecimens(10, Date.parse('2026-03-22T12:00:00Z'));
    expect(open).toEqual([
      { encounterId: 'e1', patientInitials: 'J.D.', dateOfService: '2026-03-02', label: 'A', site: undefined, status: 'sent', ageDays: 20 },
      { encounterId: 'e2', patientInitials: undefined, dateOfService: '2026-03-20', label: 'A', site: undefined, status: 'unbilled', ageDays: 2 },
    ]);
  });

  it('deleteAllData clears every chart table, keeps settings, draws a new salt, and logs it', async () => {
    const store = freshStore();
    const salt = await store.installSalt();
    await store.saveSettings({ payer: 'medicare' });
    await save(store, ['11102'], 1000);
    expect(await store.deleteAllData(2000)).toBe(1);
    for (const table of [store.db.encounters, store.db.claimDrafts, store.db.findings, store.db.specimens, store.db.overrides])
      expect(await table.count()).toBe(0);
    expect((await store.getSettings()).payer).toBe('medicare');
    expect(await store.installSalt()).not.toBe(salt);
    expect((await store.auditLog()).map((e) => e.action)).toEqual(['purged']);
  });

  it('claimSummary', () => {
    const d = draft(['99213', '11102']);
    d.lines[0]!.modifiers = ['25'];
    d.lines[1]!.units = 2;
    d.lines[1]!.status = 'held-for-pathology';
    expect(claimSummary(d)).toBe('99213-25 | 11102 x2 (held)');
  });
});
