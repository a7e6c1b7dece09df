import { render } from 'preact';
import '../../components/theme.css';
import '../../components/page.css';
import type { Settings } from '../../core/model';
import { warmUpParser } from '../../core/store/warm-up';
import { runtimeTransport } from '../sidepanel/transport';
import { trainerCases } from './cases';
import { TrainerApp } from './TrainerApp';
import { createTrainerModel } from './trainer-model';

// The first parse in a fresh page is the slow one (the parser holds each parse to a time budget).
warmUpParser();
const cases = trainerCases();
const model = createTrainerModel(cases);
const root = document.getElementById('app');
if (root) render(<TrainerApp model={model} cases={cases} />, root);

// Start from the practice's settings; the trainer's pickers change only this page.
void runtimeTransport
  .request<Settings>({ type: 'get-settings' })
  .then((reply) => {
    if (reply.ok) model.settings.value = reply.data;
  })
  .catch(() => {});
