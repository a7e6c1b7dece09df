import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { inlineSavedFrames } from '../../cli/html';
import { snapshotFromDocument } from '../../core/emr';
import { attachDeclarativeShadowRoots } from '../../core/emr/declarative-shadow';
import { type Summary, timeSync } from './stats';

export const FIXTURES = join(import.meta.dirname, '../../test/fixtures/emr');

/** A fixture page in a scriptless happy-dom window, read the way the unit tests and the CLI read it. */
function loadFixture(rel: string): { doc: Document; close: () => void } {
  const path = join(FIXTURES, rel);
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
  window.document.write(readFileSync(path, 'utf8'));
  const doc = window.document as unknown as Document;
  inlineSavedFrames(doc, dirname(path));
  attachDeclarativeShadowRoots(doc);
  return { doc, close: () => void window.happyDOM.close() };
}

export interface LargestPage {
  emr: string;
  /** Path under test/fixtures/emr. */
  rel: string;
  bytes: number;
}

/** The largest .html fixture page of each EMR (test/fixtures/emr/<emr>/). */
export function largestFixturePages(): LargestPage[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const pages = readdirSync(join(FIXTURES, d.name))
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ emr: d.name, rel: `${d.name}/${f}`, bytes: statSync(join(FIXTURES, d.name, f)).size }))
        .sort((a, b) => b.bytes - a.bytes);
      return pages[0];
    })
    .filter((p): p is LargestPage => p !== undefined)
    .sort((a, b) => a.emr.localeCompare(b.emr));
}

export interface ScrapeResult extends LargestPage {
  adapter: string;
  sections: number;
  chars: number;
  wallMs: Summary;
  cpuMs: Summary;
  costMs: Summary;
}

const toMs = (s: Summary): Summary => ({ n: s.n, median: s.median / 1000, p95: s.p95 / 1000, min: s.min / 1000, max: s.max / 1000 });

/** snapshotFromDocument on each EMR's largest page in happy-dom (a slower DOM than a browser's: an upper bound). */
export function benchScrapeHappyDom(iterations: number): ScrapeResult[] {
  return largestFixturePages().map((page) => {
    const { doc, close } = loadFixture(page.rel);
    try {
      const url = 'http://127.0.0.1/bench.html';
      const snap = snapshotFromDocument(doc, { url });
      const t = timeSync(() => snapshotFromDocument(doc, { url }), iterations, 20);
      return {
        ...page,
        adapter: snap.adapter,
        sections: snap.sections.length,
        chars: snap.sections.reduce((n, s) => n + s.text.length, 0),
        wallMs: toMs(t.wallUs),
        cpuMs: toMs(t.cpuUs),
        costMs: toMs(t.costUs),
      };
    } finally {
      close();
    }
  });
}
