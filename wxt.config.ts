import { defineConfig } from 'wxt';
import { SAME_ORIGIN_CHILD_FRAME_EXIT } from './core/emr/frames';

/*
 * Least privilege.
 * - No host permissions at install. EMR hosts are optional host permissions that the
 *   options page requests at runtime, one EMR at a time; the background registers
 *   the content script only for hosts the user granted.
 * - The one exception is the bundled demo on http://localhost / http://127.0.0.1,
 *   declared as a content-script match so `npm start` and the end-to-end tests work
 *   without a permission prompt. Loopback only reaches servers on the user's own
 *   machine. Build with DERMLENS_NO_DEMO=1 to leave it out (store builds).
 * - storage: Dexie/IndexedDB and session tab map; scripting: register content scripts
 *   for granted EMR hosts; sidePanel: the panel beside the chart (Chrome/Edge).
 */
const ANY_HOST = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'DermLens',
    description: 'Dermatology coding and pathology reconciliation beside the chart. Nothing leaves the browser.',
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'],
    ...(manifestVersion === 3 ? { optional_host_permissions: ANY_HOST } : { optional_permissions: ANY_HOST }),
    action: { default_title: 'Open DermLens' },
    side_panel: { default_path: 'sidepanel.html' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'dermlens@dermlens.invalid', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // Content scripts use only runtime.sendMessage/onMessage, which Chrome's promise-based
    // `chrome` and Firefox's `browser` both provide natively: keep the whole
    // webextension-polyfill (~10 kB) out of them so the script stays under its 40 kB budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((a) => a.find !== 'wxt/browser') };
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
      // The script runs in every frame (athenaOne's chart is frames deep), but a same-origin
      // child frame is read by the top frame: let it leave before any module code runs.
      const output = config.build?.rollupOptions?.output;
      if (output && !Array.isArray(output)) output.intro = SAME_ORIGIN_CHILD_FRAME_EXIT;
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (process.env.DERMLENS_NO_DEMO !== '1') return;
      manifest.content_scripts = (manifest.content_scripts ?? []).filter(
        (cs) => !(cs.matches ?? []).some((m) => m.startsWith('http://localhost') || m.startsWith('http://127.0.0.1')),
      );
    },
  },
});
