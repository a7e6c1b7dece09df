import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { inlineSavedFrames, selectSavedOptions } from '../../../cli/html';
import { attachDeclarativeShadowRoots } from '../../../core/emr/declarative-shadow';

export const FIXTURES = resolve(__dirname, '../../fixtures/emr');

/** A page in a scriptless happy-dom window (srcdoc frames load; nothing runs, nothing is fetched). */
export function loadPage(html: string, path?: string): { doc: Document; window: Window; close: () => void } {
  const window = new Window({
    url: 'https://saved.page/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  // Frames saved as files next to the page are read the way the CLI reads them.
  if (path) inlineSavedFrames(doc, dirname(path));
  attachDeclarativeShadowRoots(doc);
  selectSavedOptions(doc);
  return { doc, window, close: () => void window.happyDOM.close() };
}

export function loadFixture(rel: string): { doc: Document; window: Window; close: () => void } {
  const path = join(FIXTURES, rel);
  return loadPage(readFileSync(path, 'utf8'), path);
}

/** A body fragment in a fresh page. */
export function loadBody(body: string): { doc: Document; window: Window; close: () => void } {
  return loadPage(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);
}
