import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DermLensStore } from '../../../core/store/repository';
import { BackgroundRouter } from '../../../entrypoints/background/router';
import { dropStores, freshStore, saveVisit } from './helpers';

afterEach(dropStores);
beforeEach(() => fakeBrowser.reset());

const DAY = 86_400_000;
const snapshot = (text: string) => ({
  type: 'snapshot',
  snapshot: {
    adapter: 'generic',
    url: 'http://localhost:5178/charts/a.html',
    patient: 'Doe, Jane',
    dateOfService: '2026-03-02',
    sections: [{ name: 'Procedure', role: 'procedure', text }],
    capturedAt: 1,
  },
});

describe('IndexedDB write failures', () => {
  it('a failing put inside saveCoded rolls the whole write back: what was stored stays', async () => {
    const store = freshStore();
    await saveVisit(store, { id: 'e1', patientKey: 'pk', dateOfService: '2026-03-02', codes: ['11102'] });
    const put = vi.spyOn(store.db.claimDrafts, 'put').mockRejectedValueOnce(new DOMException('disk is full', 'QuotaExceededError'));
    await expect(saveVisit(store, { id: 'e1', patientKey: 'pk', dateOfService: '2026-03-09', codes: ['11104', '11105'] })).rejects.toThrow(/disk is full/);
    expect(put).toHaveBeenCalledTimes(1);
    const view = await store.encounterView('e1');
    // The encounter put earlier in the same transaction was rolled back too.
    expect(view?.record.dateOfService).toBe('2026-03-02');
    expect(view?.draft?.lines.map((l) => l.code)).toEqual(['11102']);
    expect(await store.db.specimens.count()).toBe(1);
    expect((await store.auditLog('e1')).map((e) => e.detail)).toEqual(['11102']);
  });

  it('the background shows the failure on the tab (panel alert) and keeps the earlier claim', async () => {
    const store = freshStore();
    const router = new BackgroundRouter(store);
    await router.fromContent(snapshot('Shave biopsy of a lesion on the left forearm, specimen A sent to pathology.'), 4);
    await router.idle();
    const before = await router.tabState(4);
    expect(before.status).toBe('ready');
    expect(before.problem).toBeUndefined();
    const codes = before.draft?.lines.map((l) => l.code);
    expect(codes?.length).toBeGreaterThan(0);

    vi.spyOn(store.db.encounters, 'put').mockRejectedValueOnce(new DOMException('disk is full', 'QuotaExceededError'));
    await router.fromContent(snapshot('Shave biopsy of a lesion on the left forearm, specimen A. Punch biopsy of the right shin, specimen B.'), 4);
    await router.idle();
    const after = await router.tabState(4);
    expect(after.problem).toBe(
      "DermLens could not save to this browser's storage (QuotaExceededError: disk is full). What was stored before is kept; the claim shown may be older than the chart. Free disk space or delete old data in Options, then read the chart again.",
    );
    // Nothing already stored was lost: the tab still shows the earlier claim.
    expect(after.status).toBe('ready');
    expect(after.draft?.lines.map((l) => l.code)).toEqual(codes);
    expect(await store.db.encounters.count()).toBe(1);

    // The next good read clears the alert.
    await router.fromContent(snapshot('Shave biopsy of a lesion on the left forearm, specimen A. Punch biopsy of the right shin, specimen B.'), 4);
    await router.idle();
    expect((await router.tabState(4)).problem).toBeUndefined();
  });

  it('a failing write of settings is reported and the old settings stay', async () => {
    const store = freshStore();
    await store.saveSettings({ payer: 'medicare' });
    vi.spyOn(store.db.settings, 'put').mockRejectedValueOnce(new DOMException('write refused', 'UnknownError'));
    const router = new BackgroundRouter(store);
    expect(await router.fromPage({ type: 'save-settings', settings: { payer: 'commercial' } })).toEqual({
      ok: false,
      error: expect.stringMatching(/^DermLens could not save to this browser's storage \(UnknownError: write refused\)\. What was stored before is kept/),
    });
    expect((await store.getSettings()).payer).toBe('medicare');
  });
});

describe('retention purge', () => {
  const old = (store: DermLensStore, id: string, daysAgo: number, now: number) =>
    saveVisit(store, { id, patientKey: id, dateOfService: '2026-01-01', now: now - daysAgo * DAY });

  it('default: 90 days; a visit updated 91 days ago goes, one of 89 days stays', async () => {
    const store = freshStore();
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect((await store.getSettings()).retentionDays).toBe(90);
    await old(store, 'gone', 91, now);
    await old(store, 'kept', 89, now);
    expect(await store.purgeOlderThan((await store.getSettings()).retentionDays, now)).toBe(1);
    expect(await store.db.encounters.toCollection().primaryKeys()).toEqual(['kept']);
    expect((await store.db.specimens.toArray()).map((s) => s.encounterId)).toEqual(['kept']);
    expect((await store.db.claimDrafts.toArray()).map((s) => s.encounterId)).toEqual(['kept']);
  });

  it('configurable: the background purges at worker start with Settings.retentionDays', async () => {
    const store = freshStore();
    await store.saveSettings({ retentionDays: 30 });
    const now = Date.now();
    await old(store, 'a31', 31, now);
    await old(store, 'a29', 29, now);
    await new BackgroundRouter(store).startup();
    expect(await store.db.encounters.toCollection().primaryKeys()).toEqual(['a29']);
    expect((await store.auditLog())[0]).toMatchObject({ action: 'purged', detail: '1 encounter(s) older than 30 days deleted' });
  });
});
