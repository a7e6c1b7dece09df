import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/page.css';
import { runtimeTransport } from '../sidepanel/transport';
import { OptionsApp } from './OptionsApp';
import { createOptionsModel } from './options-model';

const model = createOptionsModel({
  request: runtimeTransport.request,
  async grantedOrigins() {
    return (await browser.permissions.getAll()).origins ?? [];
  },
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  removeOrigins: (origins) => browser.permissions.remove({ origins }),
});
const root = document.getElementById('app');
if (root) render(<OptionsApp model={model} />, root);
void model.load();
