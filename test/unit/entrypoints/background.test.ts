import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '../../../core/store/db';
import { DermLensStore } from '../../../core/store/repository';
import { syncEmrContentScripts } from '../../../entrypoints/background/hosts';
import { BackgroundRouter } from '../../../entrypoints/background/router';
import { isOwnContentScript, isOwnExtensionPage } from '../../../entrypoints/background/senders';

const ORIGIN = 'chrome-extension://abc/';
const snapshotMessage = (text: string, patient = 'Doe, Jane') => ({
  type: 'snapshot',
  snapshot: {
    adapter: 'generic',
    url: 'http://localhost:5178/charts/a.html',
    patient,
    dateOfService: '2026-03-02',
    sections: [{ name: 'Note', role: 'note', text }],
    capturedAt: 1,
  },
});

describe('sender checks', () => {
  const tab = {
    id: 4,
    index: 0,
    pinned: false,
    highlighted: false,
    windowId: 1,
    active: true,
    incognito: false,
    selected: false,
    discarded: false,
    autoDiscardable: true,
    groupId: -1,
    frozen: false,
    lastAccessed: 0,
  };
  it('content script: our id, a tab, a web page', () => {
    expect(isOwnContentScript({ id: 'abc', tab, url: 'https://firm.ema.md/x' }, 'abc', ORIGIN)).toBe(true);
    expect(isOwnContentScript({ id: 'other', tab, url: 'https://firm.ema.md/x' }, 'abc', ORIGIN)).toBe(false);
    expect(isOwnContentScript({ id: 'abc', url: 'https://firm.ema.md/x' }, 'abc', ORIGIN)).toBe(false);
    // Our own side panel opened in a tab is not a content script.
    expect(isOwnContentScript({ id: 'abc', tab, url: `${ORIGIN}sidepanel.html` }, 'abc', ORIGIN)).toBe(false);
  });
  it('extension page: our id and our origin only', () => {
    expect(isOwnExtensionPage({ id: 'abc', url: `${ORIGIN}sidepanel.html?tabId=4` }, 'abc', ORIGIN)).toBe(true);
    expect(isOwnExtensionPage({ id: 'abc', tab, url: 'https://evil.example/' }, 'abc', ORIGIN)).toBe(false);
    expect(isOwnExtensionPage({ id: 'xyz', url: `${ORIGIN}sidepanel.html` }, 'abc', ORIGIN)).toBe(false);
  });
});

describe('BackgroundRouter', () => {
  let store: DermLensStore;
  let router: BackgroundRouter;
  beforeEach(() => {
    fakeBrowser.reset();
    store = new DermLensStore(openDb(`bg-${Date.now()}-${Math.random()}`));
    router = new BackgroundRouter(store);
  });
  afterEach(async () => {
    store.db.close();
    await store.db.delete();
  });

  it('refuses a malformed or foreign content message without coding anything', async () => {
    expect(await router.fromContent({ type: 'resolve-finding', encounterId: 'x', fingerprint: 'y', action: 'accepted', reason: 'sneaky' }, 4)).toEqual({
      ok: false,
      error: 'invalid message',
    });
    expect(await router.fromContent({ type: 'snapshot', snapshot: { sections: 'not an array' } }, 4)).toEqual({ ok: false, error: 'invalid message' });
    await router.idle();
    expect(await store.db.encounters.count()).toBe(0);
    // Never silent: the tab's state says why nothing was coded.
    expect((await router.tabState(4)).problem).toBe('This page could not be read (snapshot.adapter: Invalid input: expected string, received undefined).');
  });

  it('an error while coding is shown on the tab, and cleared by the next good read', async () => {
    const ingest = vi.spyOn(store, 'installSalt').mockRejectedValueOnce(new Error('disk full'));
    await router.fromContent(snapshotMessage('Procedure: Punch biopsy, specimen A.'), 4);
    await router.idle();
    expect((await router.tabState(4)).problem).toBe('DermLens could not code this chart: disk full. Code it by hand or read it again.');
    ingest.mockRestore();
    await router.fromContent(snapshotMessage('Procedure: Punch biopsy, specimen A. Second read.'), 4);
    await router.idle();
    expect((await router.tabState(4)).problem).toBeUndefined();
    expect((await router.tabState(4)).status).toBe('ready');
  });

  it('codes a valid snapshot, maps the tab to it, notifies pages; the tab state has initials, not the name', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      sent.push(m);
    });
    expect(await router.fromContent(snapshotMessage('Procedure: Punch biopsy, specimen A. Jane tolerated well.'), 4)).toEqual({ ok: true });
    await router.idle();
    const state = await router.tabState(4);
    expect(state.status).toBe('ready');
    expect(state.patientInitials).toBe('J.D.');
    expect(JSON.stringify(state)).not.toMatch(/Jane|Doe/);
    expect(sent).toEqual([{ type: 'tab-updated', tabId: 4, encounterId: state.encounterId }]);
  });

  it('delete-all-data needs confirm: true, then forgets every tab', async () => {
    await router.fromContent(snapshotMessage('Procedure: Punch biopsy, specimen A.'), 4);
    await router.idle();
    expect((await router.fromPage({ type: 'delete-all-data' })).ok).toBe(false);
    expect(await router.fromPage({ type: 'delete-all-data', confirm: true })).toEqual({ ok: true, data: 1 });
    expect((await router.tabState(4)).status).toBe('empty');
  });

  it('a page request is validated; an unknown type is refused with a readable error', async () => {
    const reply = await router.fromPage({ type: 'drop-tables' });
    expect(reply.ok).toBe(false);
    expect((await router.fromPage({ type: 'get-tab-state', tabId: 99 })) as unknown).toMatchObject({ ok: true, data: { status: 'empty', tabId: 99 } });
  });

  it('save-settings: invalid values are refused with the field named; a bad EMR host is refused', async () => {
    const bad = await router.fromPage({ type: 'save-settings', settings: { payer: 'medicaid' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('payer') });
    const host = await router.fromPage({ type: 'save-settings', settings: { emrHosts: ['http://emr.example.org/*'] } });
    expect(host).toMatchObject({ ok: false, error: expect.stringContaining('only https://') });
    expect((await store.getSettings()).payer).toBe('commercial');
  });

  it('save-settings re-codes the open tab with the new settings and re-registers EMR scripts', async () => {
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3 } as never);
    await router.fromContent(snapshotMessage('Procedure: Punch biopsy, specimen A.'), 4);
    await router.idle();
    const before = (await router.tabState(4)).codedAt ?? 0;
    await new Promise((r) => setTimeout(r, 5));
    const reply = await router.fromPage({ type: 'save-settings', settings: { payer: 'medicare', emrHosts: ['https://*.ema.md/*'] } });
    expect(reply).toMatchObject({ ok: true, data: { payer: 'medicare' } });
    const after = await router.tabState(4);
    expect(after.settings.payer).toBe('medicare');
    expect(after.codedAt ?? 0).toBeGreaterThan(before);
    expect(register).toHaveBeenCalledWith([expect.objectContaining({ id: 'dermlens-emr', matches: ['https://*.ema.md/*'], allFrames: true })]);
  });

  it('resolve-finding over the trusted channel; the decision survives a new router (worker restart)', async () => {
    // A stored finding to decide on (what the engine reports is tested elsewhere).
    await store.db.findings.put({ id: 'e|fp', encounterId: 'e', fingerprint: 'fp', rule: 'r/x', severity: 'warning', message: 'm', codedAt: 1 });
    const reply = await router.fromPage({ type: 'resolve-finding', encounterId: 'e', fingerprint: 'fp', action: 'overridden', reason: 'payer allows it' });
    expect(reply).toMatchObject({ ok: true, data: { action: 'overridden', reason: 'payer allows it' } });
    const again = new BackgroundRouter(store);
    expect(await again.fromPage({ type: 'get-audit-log', encounterId: 'e' })).toMatchObject({
      ok: true,
      data: [{ action: 'finding-overridden', detail: 'r/x: payer allows it' }],
    });
  });
});

describe('frames', () => {
  it('codes the frame with the most clinical text; a menu frame speaking later does not replace it', async () => {
    fakeBrowser.reset();
    const store = new DermLensStore(openDb(`frames-${Date.now()}`));
    const router = new BackgroundRouter(store);
    const chart = { ...snapshotMessage('Procedure: Punch biopsy of R forearm, specimen A.') };
    chart.snapshot.sections = [{ name: 'A&P', role: 'assessment', text: 'Procedure: Punch biopsy of R forearm, specimen A.' }];
    const menu = snapshotMessage('Home Schedule Patients Inbox Reports Settings Log out', 'Menu, Frame');
    await router.fromContent(chart, 4, 2);
    await router.idle();
    const first = (await router.tabState(4)).encounterId;
    await router.fromContent(menu, 4, 0);
    await router.idle();
    expect((await router.tabState(4)).encounterId).toBe(first);
    expect(await store.db.encounters.count()).toBe(1);
    // After the tab loads a new page, the old page's frames no longer compete.
    router.tabNavigated(4);
    await router.fromContent(menu, 4, 0);
    await router.idle();
    expect((await router.tabState(4)).encounterId).not.toBe(first);
    store.db.close();
    await store.db.delete();
  });
});

describe('startup', () => {
  it('deletes data past retention and re-registers only granted EMR hosts', async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    const store = new DermLensStore(openDb(`startup-${Date.now()}`));
    await store.saveSettings({ retentionDays: 1, emrHosts: ['https://*.ema.md/*', 'https://*.athenahealth.com/*'] });
    await store.db.encounters.put({ id: 'old', adapter: 'generic', url: '', updatedAt: Date.now() - 3 * 86_400_000, encounter: { id: 'old' } as never });
    const contains = vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockImplementation((async (p: { origins?: string[] }) => p.origins?.[0] === 'https://*.ema.md/*') as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: 'dermlens-emr' }] as never);
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined as never);
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined as never);
    // A Chrome build: the reader is web-accessible, and the loader that imports it is what gets registered.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      web_accessible_resources: [{ resources: ['content-scripts/content.js'], matches: ['<all_urls>'] }],
    } as never);
    await new BackgroundRouter(store).startup();
    expect(await store.db.encounters.count()).toBe(0);
    expect(contains).toHaveBeenCalledTimes(2);
    expect(unregister).toHaveBeenCalledWith({ ids: ['dermlens-emr'] });
    expect(register).toHaveBeenCalledWith([expect.objectContaining({ matches: ['https://*.ema.md/*'], js: ['content-scripts/boot.js'] })]);
    store.db.close();
    await store.db.delete();
  });
});

describe('syncEmrContentScripts', () => {
  it('leaves an unchanged registration alone', async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: 'dermlens-emr', matches: ['https://*.ema.md/*'] }] as never);
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined as never);
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined as never);
    expect(await syncEmrContentScripts(['https://*.ema.md/*', 'http://insecure.example/*'])).toEqual(['https://*.ema.md/*']);
    expect(unregister).not.toHaveBeenCalled();
    expect(register).not.toHaveBeenCalled();
  });

  it('retries without matchOriginAsFallback where the browser refuses it (Firefox)', async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    // A Firefox build: no web-accessible reader, so the reader itself is registered.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 2 } as never);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
    const register = vi
      .spyOn(fakeBrowser.scripting, 'registerContentScripts')
      .mockRejectedValueOnce(new Error('Unexpected property "matchOriginAsFallback"'))
      .mockResolvedValue(undefined as never);
    expect(await syncEmrContentScripts(['https://*.ema.md/*'])).toEqual(['https://*.ema.md/*']);
    expect(register).toHaveBeenCalledTimes(2);
    expect(register.mock.calls[1]?.[0]).toEqual([expect.not.objectContaining({ matchOriginAsFallback: true })]);
    expect(register.mock.calls[1]?.[0]).toEqual([expect.objectContaining({ js: ['content-scripts/content.js'] })]);
  });
});
