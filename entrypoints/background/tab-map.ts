import { browser } from 'wxt/browser';

/**
 * Which encounter each tab shows. Kept in storage.session so it survives the
 * service worker being stopped (MV3 stops it after ~30 s idle) but not a browser
 * restart; falls back to memory where storage.session does not exist.
 */
const memory = new Map<number, string>();
const key = (tabId: number) => `tab:${tabId}`;

function session() {
  return browser.storage?.session;
}

export async function setTabEncounter(tabId: number, encounterId: string): Promise<void> {
  memory.set(tabId, encounterId);
  await session()
    ?.set({ [key(tabId)]: encounterId })
    .catch(() => {});
}

export async function getTabEncounter(tabId: number): Promise<string | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = await session()
    ?.get(key(tabId))
    .catch(() => undefined);
  const value = stored?.[key(tabId)];
  return typeof value === 'string' ? value : undefined;
}

export async function tabsShowing(): Promise<Map<number, string>> {
  const all = new Map(memory);
  const stored = (await session()
    ?.get(null)
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(stored ?? {})) {
    const m = /^tab:(\d+)$/.exec(k);
    if (m && typeof v === 'string') all.set(Number(m[1]), v);
  }
  return all;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await session()
    ?.remove(key(tabId))
    .catch(() => {});
}

export async function forgetAllTabs(): Promise<void> {
  const ids = [...(await tabsShowing()).keys()];
  memory.clear();
  await session()
    ?.remove(ids.map(key))
    .catch(() => {});
}
