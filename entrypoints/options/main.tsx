import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/page.css';
import { runtimeTransport } from '../sidepanel/transport';
import { createBackupModel } from './backup-model';
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
const backup = createBackupModel({
  request: runtimeTransport.request,
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
});
const root = document.getElementById('app');
if (root) render(<OptionsApp model={model} backup={backup} />, root);
void model.load();
void backup.loadEditTables();
