import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SAME_ORIGIN_CHILD_FRAME_EXIT } from './core/emr/frames';

/** Must be the script's first line (https://v8.dev/blog/explicit-compile-hints). */
const COMPILE_ALL_FUNCTIONS_HINT = '//# allFunctionsCalledOnLoad';

/**
 * What Chrome injects into a chart page (see 'build:publicAssets' below): same-origin child frames leave at once, as in
 * the reader itself; other frames import the reader, `content.js`, which then runs exactly as it does when injected.
 * An import that fails (the extension was reloaded under the page) leaves the page alone.
 */
const CONTENT_JS = 'content-scripts/content.js';
const BOOT_JS = 'content-scripts/boot.js';
/** Set from the resolved config: this build (Chrome, Edge) injects the loader, which imports the reader. */
let readerImported = true;
const BOOT_SOURCE = `(function(){${SAME_ORIGIN_CHILD_FRAME_EXIT}import(chrome.runtime.getURL(${JSON.stringify(CONTENT_JS)})).catch(function(){})})();\n`;

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
    'config:resolved': (wxt) => {
      readerImported = wxt.config.browser !== 'firefox';
    },
    // Content scripts use only runtime.sendMessage/onMessage, which Chrome's promise-based
    // `chrome` and Firefox's `browser` both provide natively: keep the whole
    // webextension-polyfill (~10 kB) out of them so the script stays under its 40 kB budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      // WXT's ContentScriptContext gives way to the part of it the script uses (entrypoints/content/context.ts).
      const context = { find: 'wxt/utils/content-script-context', replacement: resolve(import.meta.dirname, 'entrypoints/content/context.ts') };
      // Chrome/Edge (the reader is imported by the loader): `chrome` itself (entrypoints/content/chrome-api.ts).
      const api = readerImported ? [{ find: 'wxt/browser', replacement: resolve(import.meta.dirname, 'entrypoints/content/chrome-api.ts') }] : [];
      // The reader leaves its own same-origin frame test out where the loader has made it (entrypoints/content/index.ts).
      config.define = { ...config.define, __DERMLENS_LOADER__: JSON.stringify(readerImported) };
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: [context, ...api, ...alias.filter((a) => a.find !== 'wxt/browser')] };
      } else {
        const aliases = { ...(alias as Record<string, string> | undefined) };
        delete aliases['wxt/browser'];
        const own = Object.fromEntries([context, ...api].map((a) => [a.find, a.replacement]));
        config.resolve = { ...config.resolve, alias: { ...own, ...aliases } };
      }
      // Two wrappers around the minified bundle (added after minification, which drops comments):
      // - V8's explicit compile hint (Chrome 136+; other engines read a comment), the file's first line:
      //   compile every function with the script. The first read runs most of them once, on a cold page;
      //   compiled lazily, each is parsed twice (pre-parse, then full parse on its first call) on the
      //   main thread. Bench page load: compile +1.7 ms, first read −2 ms, whole run 0.5–0.8 ms less.
      // - Firefox (the reader is the content script): the script runs in every frame (athenaOne's chart
      //   is frames deep), but a same-origin child frame is read by the top frame: it leaves in an outer
      //   function, before the bundle's own function is entered (entering it instantiates its ~150
      //   function declarations). athenaOne's six child frames: ~0.15 ms less per load. In Chrome the
      //   loader (BOOT_SOURCE) makes that exit before the reader is fetched.
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'dermlens:content-script-wrappers',
          generateBundle: {
            order: 'post',
            handler(_options, bundle) {
              for (const chunk of Object.values(bundle)) {
                if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
                // Where the loader (BOOT_SOURCE) imports the reader, the loader has already let such frames go.
                const code = chunk.code.trimEnd();
                chunk.code = `${COMPILE_ALL_FUNCTIONS_HINT}\n${readerImported ? code : `(function(){${SAME_ORIGIN_CHILD_FRAME_EXIT}\n${code}\n})();`}\n`;
              }
            },
          },
        },
      ];
    },
    // Chrome/Edge: the page gets a loader of a few hundred bytes (BOOT_SOURCE) in place of the chart reader, which it
    // imports as a module. Chrome compiles a module on a background thread as it streams in; a content script it
    // compiles on the page's main thread (~3 ms for the reader, paid on every chart load). Firefox keeps the one script.
    'build:publicAssets': (_wxt, files) => {
      if (readerImported) files.push({ relativeDest: BOOT_JS, contents: BOOT_SOURCE });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (process.env.DERMLENS_NO_DEMO === '1') {
        manifest.content_scripts = (manifest.content_scripts ?? []).filter(
          (cs) => !(cs.matches ?? []).some((m) => m.startsWith('http://localhost') || m.startsWith('http://127.0.0.1')),
        );
      }
      if (!readerImported) return;
      for (const cs of manifest.content_scripts ?? []) cs.js = cs.js?.map((js) => (js === CONTENT_JS ? BOOT_JS : js));
      // The reader must be web-accessible to be imported from a page's frame; at a per-session random address
      // (use_dynamic_url) that the extension's scripts learn from runtime.getURL: no fixed address for a page to probe.
      manifest.web_accessible_resources = [
        ...((manifest.web_accessible_resources ?? []) as object[]),
        { resources: [CONTENT_JS], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
      ] as typeof manifest.web_accessible_resources;
    },
  },
});
