import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { App } from './App';
import { createPanelModel } from './panel-model';
import { runtimeTransport } from './transport';

/** ?tabId=N pins the panel to one tab (tests, a second window); otherwise it follows the active tab. */
function pinnedTab(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tabId');
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

async function activeTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const model = createPanelModel(runtimeTransport);
const root = document.getElementById('app');
if (root) render(<App model={model} />, root);

const pinned = pinnedTab();
if (pinned !== undefined) void model.follow(pinned);
else {
  void activeTab().then((id) => {
    if (id !== undefined) void model.follow(id);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void model.follow(tabId));
}
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (tabId === model.tabId.value && change.status === 'complete') void model.load();
});
