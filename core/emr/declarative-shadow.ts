import { frameDocument } from './block-text';

/**
 * Attaches `<template shadowrootmode="open">` shadow roots that were not attached when
 * the page was parsed (document.write in happy-dom; pages saved with their shadow roots
 * serialized). Browsers attach these while parsing, so a saved athenaOne page read by the
 * CLI then has the same open shadow roots the content script sees. Not used by the
 * content script: it never writes to the EMR page.
 */
export function attachDeclarativeShadowRoots(doc: Document, depth = 0): number {
  let attached = 0;
  const templates = Array.from(doc.querySelectorAll('template[shadowrootmode],template[shadowroot]'));
  for (const template of templates) {
    const host = template.parentElement;
    const mode = (template.getAttribute('shadowrootmode') ?? template.getAttribute('shadowroot')) === 'closed' ? 'closed' : 'open';
    if (!host || host.shadowRoot) continue;
    try {
      const root = host.attachShadow({ mode });
      root.appendChild((template as HTMLTemplateElement).content.cloneNode(true));
      template.remove();
      attached++;
      attached += attachInRoot(root, depth);
    } catch {
      // Elements that cannot host a shadow root keep the template (blockText still reads it).
    }
  }
  if (depth < 6) {
    for (const frame of Array.from(doc.querySelectorAll('iframe,frame'))) {
      const inner = frameDocument(frame);
      if (inner && inner !== doc) attached += attachDeclarativeShadowRoots(inner, depth + 1);
    }
  }
  return attached;
}

function attachInRoot(root: ShadowRoot, depth: number): number {
  let attached = 0;
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode],template[shadowroot]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    try {
      const inner = host.attachShadow({ mode: 'open' });
      inner.appendChild((template as HTMLTemplateElement).content.cloneNode(true));
      template.remove();
      attached += 1 + attachInRoot(inner, depth);
    } catch {
      // keep the template
    }
  }
  return attached;
}
