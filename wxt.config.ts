import { defineConfig } from 'wxt';

// Least privilege: no host permissions at install. EMR hosts are requested at
// runtime from the options page (optional_host_permissions) and content scripts
// are registered only for granted hosts. localhost is for the bundled demo charts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: 'DermLens',
    description: 'Dermatology coding and pathology reconciliation beside the chart. Nothing leaves the browser.',
    permissions: ['storage', 'sidePanel', 'scripting', 'activeTab', 'tabs'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open DermLens' },
    side_panel: { default_path: 'sidepanel.html' },
  },
});
