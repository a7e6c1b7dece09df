import { frameDocument, shadowOf } from './block-text';
import { isNonChartFrame } from './frames';

/**
 * Everything one read of a chart page can see: the top document, every same-origin
 * frame (athenaOne nests the chart three frames deep) and every open shadow root
 * (athenaOne's newer panels mount inside one). Built once per snapshot: the page may
 * change between reads (SPA navigation), so nothing is cached across reads.
 */
export interface Scope {
  doc: Document;
  url: string;
  /** The top document, then frame documents and shadow roots, in document order. */
  roots: readonly (Document | ShadowRoot)[];
  all(selector: string): Element[];
  first(selector: string): Element | undefined;
}

const MAX_ROOTS = 200;
const MAX_FRAME_DEPTH = 6;

export function scopeOf(doc: Document, url = ''): Scope {
  const roots: (Document | ShadowRoot)[] = [];
  const seen = new Set<unknown>();
  const visit = (root: Document | ShadowRoot, depth: number): void => {
    if (seen.has(root) || roots.length >= MAX_ROOTS) return;
    seen.add(root);
    roots.push(root);
    let elements: ArrayLike<Element>;
    try {
      elements = root.querySelectorAll('*');
    } catch {
      return;
    }
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i] as Element;
      const shadow = shadowOf(el);
      if (shadow) visit(shadow, depth);
      const tag = el.tagName;
      if ((tag === 'IFRAME' || tag === 'FRAME') && depth < MAX_FRAME_DEPTH && !isNonChartFrame(el)) {
        const frameDoc = frameDocument(el);
        if (frameDoc?.documentElement) visit(frameDoc, depth + 1);
      }
    }
  };
  visit(doc, 0);
  const all = (selector: string): Element[] => {
    const out: Element[] = [];
    for (const root of roots) {
      try {
        root.querySelectorAll(selector).forEach((el) => {
          out.push(el);
        });
      } catch {
        // An invalid selector in one adapter must not stop the read.
      }
    }
    return out;
  };
  const first = (selector: string): Element | undefined => {
    for (const root of roots) {
      try {
        const el = root.querySelector(selector);
        if (el) return el;
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  return { doc, url, roots, all, first };
}

/**
 * The documents of the frames `selector` names and of the chart frames beside them (one parent): a note split over
 * sibling frames (eCW's ProgNote viewer and a Procedure Notes pane; athenaOne's frMain and a procedure pane in
 * frameContent) is one chart.
 */
export function framesBeside(scope: Scope, selector: string): Document[] {
  return [...new Set(scope.all(selector).flatMap((f) => [...(f.parentElement?.children ?? [])]))]
    .map((f) => (isNonChartFrame(f) ? undefined : frameDocument(f)))
    .filter((d): d is Document => !!d?.body);
}
