import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SAME_ORIGIN_CHILD_FRAME_EXIT } from './core/emr/frames';

/** Must be the script's first line (https://v8.dev/blog/explicit-compile-hints). */
const COMPILE_ALL_FUNCTIONS_HINT = '//# allFunctionsCalledOnLoad';

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
      // WXT's ContentScriptContext gives way to the part of it the script uses (entrypoints/content/context.ts).
      const context = { find: 'wxt/utils/content-script-context', replacement: resolve(import.meta.dirname, 'entrypoints/content/context.ts') };
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: [context, ...alias.filter((a) => a.find !== 'wxt/browser')] };
      } else {
        const aliases = { ...(alias as Record<string, string> | undefined) };
        delete aliases['wxt/browser'];
        config.resolve = { ...config.resolve, alias: { [context.find]: context.replacement, ...aliases } };
      }
      // Two wrappers around the minified bundle (added after minification, which drops comments):
      // - V8's explicit compile hint (Chrome 136+; other engines read a comment), the file's first line:
      //   compile every function with the script. The first read runs most of them once, on a cold page;
      //   compiled lazily, each is parsed twice (pre-parse, then full parse on its first call) on the
      //   main thread. Bench page load: compile +1.7 ms, first read −2 ms, whole run 0.5–0.8 ms less.
      // - The script runs in every frame (athenaOne's chart is frames deep), but a same-origin child
      //   frame is read by the top frame: it leaves in an outer function, before the bundle's own
      //   function is entered (entering it instantiates its ~150 function declarations). athenaOne's
      //   six child frames: ~0.15 ms less per load (content-script evaluation time).
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'dermlens:content-script-wrappers',
          generateBundle: {
            order: 'post',
            handler(_options, bundle) {
              for (const chunk of Object.values(bundle)) {
                if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
                chunk.code = `${COMPILE_ALL_FUNCTIONS_HINT}\n(function(){${SAME_ORIGIN_CHILD_FRAME_EXIT}\n${chunk.code.trimEnd()}\n})();\n`;
              }
            },
          },
        },
      ];
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (process.env.DERMLENS_NO_DEMO !== '1') return;
      manifest.content_scripts = (manifest.content_scripts ?? []).filter(
        (cs) => !(cs.matches ?? []).some((m) => m.startsWith('http://localhost') || m.startsWith('http://127.0.0.1')),
      );
    },
  },
});
