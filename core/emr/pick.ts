import type { ChartSnapshot } from '../model/snapshot';
import { blockText } from './block-text';
import { identityFromText } from './identity';
import { sectionsByHeadings } from './read';

/**
 * "Pick the note" mode: the user clicks the element that holds the note on a page no
 * adapter knows; the panel remembers its CSS path per host and reads that element on
 * later visits. Paths prefer a stable id (not one with long digit runs, which EMRs
 * generate per session) and otherwise count tag positions from the body.
 */

const UNSTABLE_ID = /\d{3,}|^(?:ng|mat|react|ember|ext|gwt|yui|cdk|ui-id)[-_]|:r\d|[^A-Za-z0-9_-]/;

function cssEscape(s: string): string {
  return s.replace(/([^A-Za-z0-9_-])/g, '\\$1');
}

/** A CSS selector that finds `el` again in a fresh load of the same page. */
export function cssPathOf(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1 && node.tagName !== 'HTML') {
    const tag = node.tagName.toLowerCase();
    if (tag === 'body') {
      parts.unshift('body');
      break;
    }
    const id = node.getAttribute('id');
    if (id && !UNSTABLE_ID.test(id)) {
      parts.unshift(`#${cssEscape(id)}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.tagName === node?.tagName);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = parent;
  }
  return parts.join(' > ');
}

/** The element a stored path points to, or undefined (the page changed, or the path is not a selector). */
export function elementFromCssPath(doc: Document, path: string): Element | undefined {
  if (typeof path !== 'string' || path.length === 0 || path.length > 2000) return undefined;
  try {
    return doc.querySelector(path) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The picked element read like the generic adapter reads a page: sections by headings, identity from its text. */
export function snapshotFromElement(el: Element, options: { url: string }): ChartSnapshot {
  const sections = sectionsByHeadings(el, { frames: true });
  const doc = el.ownerDocument;
  // The banner is usually outside the picked note: look at the page top as well.
  const identity = identityFromText(`${blockText(el, { maxChars: 4000 })}\n${doc?.body ? blockText(doc.body, { maxChars: 4000 }) : ''}`);
  const snapshot: ChartSnapshot = {
    adapter: 'picked',
    url: options.url,
    sections: sections.slice(0, 100).map((s) => ({ name: s.name.slice(0, 200), role: s.role, text: s.text.slice(0, 500_000) })),
    capturedAt: 0,
  };
  if (identity.patient) snapshot.patient = identity.patient;
  if (identity.dateOfService) snapshot.dateOfService = identity.dateOfService;
  return snapshot;
}
