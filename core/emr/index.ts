import type { ChartSnapshot } from '../model/snapshot';
import { athenaAdapter } from './athena';
import type { ChartIdentity, ChartSection, EmrAdapter } from './define-adapter';
import { eclinicalworksAdapter } from './eclinicalworks';
import { emaAdapter } from './ema';
import { epicAdapter } from './epic';
import { genericAdapter } from './generic';
import { mergeIdentity } from './identity';
import { nextechAdapter } from './nextech';
import { elementFromCssPath, snapshotFromElement } from './pick';
import { type Scope, scopeOf } from './scope';

export { blockText } from './block-text';
export type { AdapterSpec, ChartIdentity, ChartSection, EmrAdapter, SnapshotRole } from './define-adapter';
export { defineAdapter } from './define-adapter';
export { shouldSnapshotInFrame } from './frames';
export { cssPathOf, elementFromCssPath, snapshotFromElement } from './pick';
export { type Scope, scopeOf } from './scope';

/** Specific adapters first; the generic one reads any page and comes last. */
export const ADAPTERS: readonly EmrAdapter[] = [emaAdapter, athenaAdapter, nextechAdapter, eclinicalworksAdapter, epicAdapter, genericAdapter];

export interface SnapshotOptions {
  url: string;
  /** The address to recognise the EMR by, when it differs from `url` (a saved page's original address). */
  address?: string;
  /** Leave these adapters out (tests: read an EMR page as an unknown page). */
  skip?: readonly string[];
}

/**
 * The page's original address: the live URL, or for a saved page (file://) the address
 * browsers record in it (`<!-- saved from url=(NNNN)https://… -->`, `<base href>`, canonical link).
 */
export function effectiveUrl(doc: Document, url: string): string {
  if (/^https?:/i.test(url)) return url;
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 8 /* comment */) {
      const m = /saved from url=\(\d+\)(\S+)/i.exec((n as Comment).data);
      if (m?.[1]) return m[1];
    }
  }
  const head = doc.documentElement?.firstChild;
  for (let n = head?.firstChild ?? null; n; n = n.nextSibling) {
    if (n.nodeType === 8) {
      const m = /saved from url=\(\d+\)(\S+)/i.exec((n as Comment).data);
      if (m?.[1]) return m[1];
    }
  }
  const base = doc.querySelector('base[href^=http],link[rel=canonical][href^=http]');
  return base?.getAttribute('href') ?? url;
}

/**
 * The adapter for this page (the generic adapter when no EMR is recognised). `url` is the page's address; for a
 * saved page pass effectiveUrl(doc, url) (kept out of the content script: a live page has its own address).
 */
export function adapterFor(doc: Document, url: string, skip: readonly string[] = []): { adapter: EmrAdapter; scope: Scope } {
  const scope = scopeOf(doc, url);
  const candidates = ADAPTERS.filter((a) => !skip.includes(a.id));
  // The address first (a string test), then DOM signatures (queries into every frame and shadow
  // root): on an EMR's own host no signature runs.
  const adapter = candidates.find((a) => a.hostMatches(scope.url)) ?? candidates.find((a) => a.matches(scope)) ?? genericAdapter;
  return { adapter, scope };
}

export interface ChartRead {
  snapshot: ChartSnapshot;
  /** The chart panes worth observing (the detected adapter's; the body when it names none). */
  roots: Element[];
  /** The documents and open shadow roots the read could see (see observationTargetsOf). */
  targets: Node[];
}

/**
 * Picks the adapter for a document and reads its sections and identity, fresh each
 * time (SPA navigation changes both without a page load). An EMR page on which the
 * adapter finds no section text is read by the generic adapter instead.
 *
 * `pickedPath`: a CSS path the user picked on this host ("pick the note" mode), read instead of the
 * adapter's sections. Kept out of readChart, which the content script bundles, so that script stays small.
 */
export function snapshotFromDocument(doc: Document, options: SnapshotOptions & { pickedPath?: string }): ChartSnapshot {
  if (options.pickedPath) {
    const picked = elementFromCssPath(doc, options.pickedPath);
    if (picked) return snapshotFromElement(picked, { url: options.url });
  }
  return readChart(doc, { ...options, address: effectiveUrl(doc, options.url) }).snapshot;
}

/**
 * One read of the chart for the content script: the snapshot, and from the same walk of
 * the page (scope) and the same adapter pick, what to observe until the next read. The
 * page is walked once per read, not once per question (a cold walk creates a wrapper for
 * every element in the extension's world: the largest part of a first read).
 */
export function readChart(doc: Document, options: SnapshotOptions): ChartRead {
  const { adapter, scope } = adapterFor(doc, options.address ?? options.url, options.skip);
  let used = adapter;
  let sections = safe(() => adapter.sections(scope), [] as ChartSection[]);
  if (!sections.some((s) => s.text.trim().length > 0) && adapter !== genericAdapter) {
    used = genericAdapter;
    sections = safe(() => genericAdapter.sections(scope), []);
  }
  const own = safe(() => adapter.identity(scope), {} as ChartIdentity);
  const identity = own.patient && own.dateOfService ? own : mergeIdentity(own, () => safe(() => genericAdapter.identity(scope), {} as ChartIdentity));
  const snapshot: ChartSnapshot = {
    adapter: used === adapter ? adapter.id : `${adapter.id}+generic`,
    url: options.url,
    sections: sections.slice(0, 100).map((s) => ({ name: s.name.slice(0, 200) || 'Section', role: s.role, text: s.text.slice(0, 500_000) })),
    capturedAt: 0,
  };
  if (identity.patient) snapshot.patient = identity.patient.slice(0, 500);
  if (identity.dateOfService) snapshot.dateOfService = identity.dateOfService.slice(0, 50);
  return { snapshot, roots: rootsOf(adapter, scope), targets: [...scope.roots] };
}

/** The elements the content script should observe for this page (chart panes; the body when unknown). */
export function sectionRootsOf(doc: Document, url: string): Element[] {
  const { adapter, scope } = adapterFor(doc, url);
  return rootsOf(adapter, scope);
}

function rootsOf(adapter: EmrAdapter, scope: Scope): Element[] {
  const roots = safe(() => adapter.sectionRoots?.(scope) ?? [], [] as Element[]);
  return roots.length > 0 ? roots : scope.doc.body ? [scope.doc.body] : [];
}

/**
 * Every node a MutationObserver must watch to see all chart changes: the top document, each
 * same-origin frame document and each open shadow root (an observer on the top document sees
 * neither). Frames navigate and panels remount, so take this list again after each snapshot.
 */
export function observationTargetsOf(doc: Document, url = ''): Node[] {
  return safe(() => [...scopeOf(doc, url).roots], [doc] as Node[]);
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    // One adapter's surprise must never take the content script down.
    return fallback;
  }
}
