import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentMessage } from '../../../core/model/messages';
import { openDb } from '../../../core/store/db';
import { DermLensStore } from '../../../core/store/repository';
import { BackgroundRouter } from '../../../entrypoints/background/router';
import { hostileMessageArb, snapshotMessageArb } from '../fuzz/arbitraries';

/*
 * The content channel is untrusted: whatever a page (or a compromised content
 * script) sends, the background refuses anything but a valid snapshot, says why
 * on the tab's state, and leaves what is stored exactly as it was.
 */

const TAB = 4;

function snapshot(text: string, patient = 'Doe, Jane') {
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

/** Every stored row of every table, for before/after comparison. */
async function dump(store: DermLensStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of store.db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('untrusted content messages', () => {
  let store: DermLensStore;
  let router: BackgroundRouter;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    fakeBrowser.reset();
    store = new DermLensStore(openDb(`sec-${Date.now()}-${Math.random()}`));
    router = new BackgroundRouter(store);
    // One good chart already stored: hostile messages must not touch it.
    expect(await router.fromContent(snapshot('Shave biopsy of L forearm, specimen A. Sent to in-house dermpath.'), TAB)).toEqual({ ok: true });
    await router.idle();
    before = await dump(store);
    expect(before.encounters).toHaveLength(1);
  });
  afterEach(async () => {
    store.db.close();
    await store.db.delete();
  });

  const refused: [string, unknown][] = [
    ['not an object', 'snapshot'],
    ['null', null],
    ['a trusted request sent on the untrusted channel', { type: 'save-settings', settings: { payer: 'medicare' } }],
    ['a resolve-finding sent on the untrusted channel', { type: 'resolve-finding', encounterId: 'x', fingerprint: 'y', action: 'accepted', reason: 'sneaky' }],
    ['a snapshot with sections not an array', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, sections: 'x' } }],
    ['a section over 500,000 characters', snapshot('x'.repeat(500_001))],
    [
      '101 sections',
      { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, sections: Array.from({ length: 101 }, () => ({ name: 'n', role: 'note', text: 'x' })) } },
    ],
    ['an unknown section role', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, sections: [{ name: 'n', role: 'script', text: 'x' }] } }],
    ['an adapter name over 50 characters', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, adapter: 'a'.repeat(51) } }],
    ['a patient field over 500 characters', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, patient: 'p'.repeat(501) } }],
    ['a url over 4000 characters', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, url: `http://localhost/${'u'.repeat(4000)}` } }],
    ['capturedAt as text', { type: 'snapshot', snapshot: { ...snapshot('x').snapshot, capturedAt: 'now' } }],
  ];

  it.each(refused)('refuses %s, says why on the tab, stores nothing', async (_name, message) => {
    expect(await router.fromContent(message, TAB)).toEqual({ ok: false, error: 'invalid message' });
    await router.idle();
    const state = await router.tabState(TAB);
    expect(state.problem).toMatch(/^This page could not be read \(.+\)\.$/);
    // The claim already shown stays; nothing stored changed.
    expect(state.status).toBe('ready');
    expect(await dump(store)).toEqual(before);
  });

  it('the reason names the field, not the page text', async () => {
    await router.fromContent(snapshot('<img src=x onerror="window.__pwned=1">'.repeat(20_000)), TAB);
    const problem = (await router.tabState(TAB)).problem ?? '';
    expect(problem).toContain('snapshot.sections.0.text');
    expect(problem).not.toContain('onerror');
    expect(problem.length).toBeLessThan(300);
  });

  it('a __proto__ key in a message pollutes nothing', async () => {
    const message = JSON.parse(`{"type":"snapshot","__proto__":{"polluted":"yes"},"snapshot":${JSON.stringify(snapshot('x').snapshot)}}`);
    await router.fromContent(message, TAB);
    await router.idle();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('chart text with HTML is stored and shown as plain text, never interpreted', async () => {
    const hostile = 'Procedure: shave biopsy <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">, specimen B.';
    expect(await router.fromContent(snapshot(hostile), TAB)).toEqual({ ok: true });
    await router.idle();
    const state = await router.tabState(TAB);
    expect(state.problem).toBeUndefined();
    expect(Object.values(state.encounter?.sections ?? {}).join('\n')).toContain('<script>window.__pwned=1</script>');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('fuzz: 300 hostile or near-miss messages never throw; an invalid one never changes stored data', async () => {
    let refusedCount = 0;
    await fc.assert(
      fc.asyncProperty(hostileMessageArb, async (message) => {
        const valid = ContentMessage.safeParse(message).success;
        const stored = valid ? undefined : await dump(store);
        const reply = await router.fromContent(message, TAB);
        await router.idle();
        if (valid) {
          // A near-miss that is still a valid snapshot (a __proto__ key, say) is simply coded.
          expect(reply).toEqual({ ok: true });
          return;
        }
        refusedCount++;
        expect(reply).toEqual({ ok: false, error: 'invalid message' });
        expect(await dump(store)).toEqual(stored);
      }),
      { numRuns: 300, seed: 8 },
    );
    expect(refusedCount).toBeGreaterThan(200);
  });

  it('fuzz: 60 well-formed snapshots of random chart text are all coded, with no problem on the tab', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotMessageArb, async (message) => {
        fakeBrowser.reset();
        const fresh = new BackgroundRouter(store);
        expect(await fresh.fromContent(message, 9)).toEqual({ ok: true });
        await fresh.idle();
        const state = await fresh.tabState(9);
        if (message.snapshot.sections.some((s) => s.text.trim())) expect(state.problem).toBeUndefined();
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});

describe('trusted page requests', () => {
  let store: DermLensStore;
  let router: BackgroundRouter;
  beforeEach(() => {
    fakeBrowser.reset();
    store = new DermLensStore(openDb(`sec-page-${Date.now()}-${Math.random()}`));
    router = new BackgroundRouter(store);
  });
  afterEach(async () => {
    store.db.close();
    await store.db.delete();
  });

  it('a malformed request gets a readable refusal and changes nothing', async () => {
    const settingsBefore = await store.getSettings();
    for (const bad of [
      null,
      'get-settings',
      { type: 'drop-tables' },
      { type: 'get-tab-state', tabId: -1 },
      { type: 'get-tab-state', tabId: 1.5 },
      { type: 'resolve-finding', encounterId: 'e', fingerprint: 'f', action: 'accepted', reason: 'x' },
      { type: 'resolve-finding', encounterId: 'e'.repeat(201), fingerprint: 'f', action: 'accepted', reason: 'valid reason' },
      { type: 'get-audit-log', limit: 1_000_000 },
      { type: 'save-settings', settings: { retentionDays: 0 } },
      { type: 'save-settings', settings: { emrHosts: ['<all_urls>'] } },
    ]) {
      const reply = await router.fromPage(bad);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      expect((reply as { error: string }).error).toMatch(/\S/);
    }
    expect(await store.getSettings()).toEqual(settingsBefore);
    expect(await store.db.overrides.count()).toBe(0);
    expect(await store.db.auditLog.count()).toBe(0);
  });

  it('fuzz: 300 arbitrary page requests never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.constantFrom('get-tab-state', 'get-audit-log', 'list-encounters'), tabId: fc.anything(), limit: fc.anything() }),
        ),
        async (m) => {
          const reply = await router.fromPage(m);
          expect(typeof reply.ok).toBe('boolean');
        },
      ),
      { numRuns: 300, seed: 10 },
    );
  });
});
