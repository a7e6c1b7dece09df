/**
 * Watches the parts of the page that hold the chart and calls `onChange` when
 * they change. Also watches same-origin frames: the adapters read them from the
 * top document (athenaOne's chart is frames deep), but a frame's mutations do not
 * reach the top document's observer. No zod, no writes to the page.
 */
export interface ChartObserverOptions {
  /** The chart's section roots for this document (re-asked after every change). */
  roots: (doc: Document) => Element[];
  /** Documents and open shadow roots to observe (core/emr observationTargetsOf); the top document when absent. */
  targets?: (doc: Document) => Node[];
  onChange: () => void;
}

export class ChartObserver {
  private readonly observer: MutationObserver;
  private observed = new WeakSet<Node>();
  private readonly frameListeners = new WeakSet<Element>();
  private roots: Element[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: ChartObserverOptions,
  ) {
    const View = doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
  }

  start(): void {
    this.refreshRoots();
    this.observeDocument(this.doc);
  }

  /** Stops observing (hidden tab); start() observes everything again. */
  stop(): void {
    this.observer.disconnect();
    this.observed = new WeakSet();
  }

  /** After a read: the chart panes may have been replaced, frames navigated, shadow roots remounted. */
  refreshRoots(): void {
    this.roots = this.options.roots(this.doc);
    for (const target of this.options.targets?.(this.doc) ?? []) {
      if (target.nodeType === 9) this.observeDocument(target as Document);
      else if (target.nodeType === 11 && !this.observed.has(target)) {
        this.observed.add(target);
        this.observer.observe(target, { subtree: true, childList: true, characterData: true });
      }
    }
  }

  private onMutations(records: MutationRecord[]): void {
    let frames = false;
    let relevant = false;
    for (const r of records) {
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && ((n as Element).matches?.('iframe, frame') || (n as Element).querySelector?.('iframe, frame'))) frames = true;
      if (!relevant && this.isRelevant(r.target)) relevant = true;
    }
    if (frames) this.observeFrames(this.doc);
    if (relevant) this.options.onChange();
  }

  private isRelevant(target: Node): boolean {
    // A chart pane was removed or replaced: the chart changed, and the roots must be found again.
    if (this.roots.length === 0 || this.roots.some((root) => !root.isConnected)) {
      this.refreshRoots();
      return true;
    }
    // Changes inside a frame's document or a shadow root count: the top adapter reads them too.
    if (target.ownerDocument && target.ownerDocument !== this.doc) return true;
    if (target.getRootNode() !== this.doc) return true;
    return this.roots.some((root) => root === target || root.contains(target) || target.contains(root));
  }

  private observeDocument(doc: Document): void {
    if (this.observed.has(doc) || !doc.documentElement) return;
    this.observed.add(doc);
    this.observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
    this.observeFrames(doc);
  }

  private observeFrames(doc: Document): void {
    for (const frame of doc.querySelectorAll('iframe, frame')) {
      if (!this.frameListeners.has(frame)) {
        this.frameListeners.add(frame);
        // A frame that navigates gets a new document: observe it and read again.
        frame.addEventListener('load', () => {
          this.observeFrameDocument(frame);
          this.options.onChange();
        });
      }
      this.observeFrameDocument(frame);
    }
  }

  private observeFrameDocument(frame: Element): void {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) this.observeDocument(inner);
    } catch {
      // Cross-origin frame: its own content script instance reads it.
    }
  }
}
