import { browser } from 'wxt/browser';
import { hostProblem } from '../../core/model/emr-hosts';

export const EMR_SCRIPT_ID = 'dermlens-emr';
const READER_JS = 'content-scripts/content.js';
const BOOT_JS = 'content-scripts/boot.js';

/**
 * What runs in the page: where the build made the reader web-accessible (Chrome, Edge), the small loader that imports
 * it; else (Firefox) the reader itself. See wxt.config.ts, 'build:publicAssets'.
 */
function contentScriptFile(): string {
  const resources = browser.runtime.getManifest().web_accessible_resources ?? [];
  const imported = resources.some((r) => typeof r === 'object' && r !== null && 'resources' in r && r.resources.includes(READER_JS));
  return imported ? BOOT_JS : READER_JS;
}

/**
 * Registers the content script for exactly the EMR hosts the user listed AND
 * granted (optional_host_permissions, asked for from the options page). Nothing
 * runs on any EMR host until then. all_frames + origin fallback because athenaOne
 * renders the chart in nested frames, some without a src.
 */
export async function syncEmrContentScripts(hosts: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of hosts) {
    if (hostProblem(origin)) continue;
    try {
      if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
    } catch {
      // A pattern the browser rejects is simply not granted.
    }
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EMR_SCRIPT_ID] }).catch(() => []);
  // Unchanged: leave the registration alone (the worker restarts often; re-registering races page loads).
  const current = existing[0]?.matches ?? [];
  if (existing.length && current.length === granted.length && granted.every((g) => current.includes(g))) return granted;
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [EMR_SCRIPT_ID] });
  if (granted.length) {
    const script = {
      id: EMR_SCRIPT_ID,
      js: [contentScriptFile()],
      matches: granted,
      allFrames: true,
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    };
    try {
      await browser.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true }]);
    } catch {
      // Firefox does not know matchOriginAsFallback (frames without a src are still matched by their parent there).
      await browser.scripting.registerContentScripts([script]);
    }
  }
  return granted;
}
