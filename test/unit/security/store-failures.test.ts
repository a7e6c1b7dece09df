import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '../../../core/store/db';
import { DermLensStore } from '../../../core/store/repository';
import { BackgroundRouter } from '../../../entrypoints/background/router';

/*
 * IndexedDB can refuse a write (quota exceeded, disk full, a browser in private
 * mode). The user must be told on the panel, and nothing already stored may be
 * lost: one coding is one transaction, so a failed write leaves the previous
 * coding of that chart, and every other chart, exactly as they were.
 */

const TAB = 4;

function snapshot(text: string, patient: string) {
  return {
    type: 'snapshot',
    snapshot: {
      adapter: 'generic',
      url: 'http://localhost:5178/charts/a.html',
      patient,
      dateOfService: '2026-03-02',
      sections: [{ name: 'Procedure', role: 'procedure', text }],
      capturedAt: 1,
    },
  };
}

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

async function dump(store: DermLensStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of store.db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('storage write failures', () => {
  let store: DermLensStore;
  let router: BackgroundRouter;
  let before: Record<string, unknown[]>;
  let firstCodes: string[];

  beforeEach(async () => {
    fakeBrowser.reset();
    store = new DermLensStore(openDb(`quota-${Date.now()}-${Math.random()}`));
    router = new BackgroundRouter(store);
    // Two charts already coded: another patient's on tab 7, and this tab's first read.
    await router.fromContent(snapshot('Punch biopsy of R shin, specimen A.', 'Roe, Richard'), 7);
    await router.fromContent(snapshot('Shave biopsy of L forearm, specimen A.', 'Doe, Jane'), TAB);
    await router.idle();
    before = await dump(store);
    expect(before.encounters).toHaveLength(2);
    firstCodes = ((await router.tabState(TAB)).draft?.lines ?? []).map((l) => l.code);
    expect(firstCodes).toContain('11102');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    store.db.close();
    await store.db.delete();
  });

  const failingWrites: [string, () => void][] = [
    ['the claim draft put', () => vi.spyOn(store.db.claimDrafts, 'put').mockRejectedValue(quotaError())],
    ['the findings bulkPut', () => vi.spyOn(store.db.findings, 'bulkPut').mockRejectedValue(quotaError())],
    ['the encounter put', () => vi.spyOn(store.db.encounters, 'put').mockRejectedValue(quotaError())],
  ];

  it.each(failingWrites)('a QuotaExceededError in %s reaches the panel state and loses nothing', async (_name, breakWrite) => {
    breakWrite();
    // The chart was edited: a second biopsy. Coding it must fail to store.
    expect(await router.fromContent(snapshot('Shave biopsy of L forearm, specimen A. Punch biopsy of R thigh, specimen B.', 'Doe, Jane'), TAB)).toEqual({
      ok: true,
    });
    await router.idle();

    const state = await router.tabState(TAB);
    // The user is told storage refused the write, that nothing stored was lost, and what to do.
    expect(state.problem).toMatch(/could not save to this browser's storage \(QuotaExceededError: The quota has been exceeded\.\)/);
    expect(state.problem).toMatch(/What was stored before is kept/);
    // The panel still shows the last coding that was stored, not a half-written one.
    expect(state.status).toBe('ready');
    expect((state.draft?.lines ?? []).map((l) => l.code)).toEqual(firstCodes);
    // Every row of every table is what it was before the failed write (one transaction).
    expect(await dump(store)).toEqual(before);
  });

  it('the next successful write clears the problem and stores the new coding', async () => {
    const put = vi.spyOn(store.db.claimDrafts, 'put').mockRejectedValueOnce(quotaError());
    await router.fromContent(snapshot('Shave biopsy of L forearm, specimen A. Punch biopsy of R thigh, specimen B.', 'Doe, Jane'), TAB);
    await router.idle();
    expect((await router.tabState(TAB)).problem).toMatch(/QuotaExceededError/);
    put.mockRestore();
    await router.fromContent(snapshot('Shave biopsy of L forearm, specimen A. Punch biopsy of R thigh, specimen B. Both to dermpath.', 'Doe, Jane'), TAB);
    await router.idle();
    const state = await router.tabState(TAB);
    expect(state.problem).toBeUndefined();
    expect((state.draft?.lines ?? []).map((l) => l.code)).toContain('11104');
    expect(state.codedAt).toBeGreaterThan(0);
    expect(await store.db.encounters.count()).toBe(2);
  });

  it('a failed settings save is reported to the options page and keeps the old settings', async () => {
    vi.spyOn(store.db.settings, 'put').mockRejectedValue(quotaError());
    const reply = await router.fromPage({ type: 'save-settings', settings: { payer: 'medicare' } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/could not save to this browser's storage \(QuotaExceededError/) });
    vi.restoreAllMocks();
    expect((await store.getSettings()).payer).toBe('commercial');
  });
});
