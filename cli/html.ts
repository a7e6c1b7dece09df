import { Window } from 'happy-dom';
import { snapshotFromDocument } from '../core/emr';
import type { Encounter } from '../core/model';
import { encounterFromSnapshot } from '../core/pipeline';

/** A saved EMR page → the same adapters the content script runs → Encounter. */
export function encounterFromHtml(html: string, id: string, hash: (raw: string) => string): Encounter {
  const window = new Window({
    url: 'https://saved.page/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    window.document.write(html);
    const snapshot = snapshotFromDocument(window.document as unknown as Document, { url: 'file://' + id });
    const encounter = encounterFromSnapshot(snapshot, id);
    if (snapshot.patient && !encounter.patientKey) encounter.patientKey = hash(snapshot.patient);
    return encounter;
  } finally {
    void window.happyDOM.close();
  }
}
