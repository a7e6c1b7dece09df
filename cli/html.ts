import { Window } from 'happy-dom';
import { snapshotFromDocument } from '../core/emr';
import { attachDeclarativeShadowRoots } from '../core/emr/declarative-shadow';
import type { ChartSnapshot, Encounter } from '../core/model';
import { extractIdentity } from '../core/parse/identity';
import { encounterFromSnapshot } from '../core/pipeline';

/** A saved page in a scriptless happy-dom window: no scripts, no CSS, no navigation, no network. */
export function snapshotFromHtml(html: string, id: string): ChartSnapshot {
  const window = new Window({
    url: 'https://saved.page/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: false,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    window.document.write(html);
    const doc = window.document as unknown as Document;
    attachDeclarativeShadowRoots(doc);
    return snapshotFromDocument(doc, { url: `file://${id}` });
  } finally {
    void window.happyDOM.close();
  }
}

/**
 * The key a patient is linked by: the same one a .txt note of that patient gets (MRN
 * first, else the normalized name), so a saved visit page and a saved path report link.
 */
export function patientKeyText(patient: string): string {
  return extractIdentity(`Patient: ${patient}`).patient ?? patient;
}

/** A saved EMR page → the same adapters the content script runs → Encounter. */
export function encounterFromHtml(html: string, id: string, hash: (raw: string) => string): Encounter {
  const snapshot = snapshotFromHtml(html, id);
  const encounter = encounterFromSnapshot(snapshot, id);
  if (snapshot.patient && !encounter.patientKey) encounter.patientKey = hash(patientKeyText(snapshot.patient));
  return encounter;
}
