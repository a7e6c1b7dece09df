import { isNonChartFrame } from '../../core/emr/frames';

/**
 * Watches the parts of the page that hold the chart and calls `onChange` when
 * they change. Also watches same-origin frames: the adapters read them from the
 * top document (athenaOne's chart is frames deep), but a frame's mutations do not
 * reach the top document's observer. No zod, no writes to the page.
 *
 * What to watch comes from the last read of the chart (`watch`): the read has already
 * walked the page, so the observer never walks it again on its own. Until the first
 * read, and after a chart pane is removed, every change counts (a read is due anyway).
 */
export interface ChartObserverOptions {
  /** The chart's section roots for this document, asked when the observer has none (tests, callers without reads). */
  roots?: (doc: Document) => Element[];
  /** Documents and open shadow roots to observe, asked with `roots`; the top document when absent. */
  targets?: (doc: Document) => Node[];
  onChange: () => void;
}

export class ChartObserver {
  private readonly observer: MutationObserver;
  private observed = new WeakSet<Node>();
  private readonly frameListeners = new WeakSet<Element>();
  private roots: Element[] = [];
  private targets: Node[] = [];
  private running = false;

  constructor(
    private readonly doc: Document,
    private readonly options: ChartObserverOptions,
  ) {
    const View = doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
  }

  /** Observes the document (and what the last read named); a second call while running does nothing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.observeDocument(this.doc);
    if (this.options.roots) this.refreshRoots();
    else this.observeTargets();
  }

  /** Stops observing (hidden tab); start() observes everything again. */
  stop(): void {
    this.running = false;
    this.observer.disconnect();
    this.observed = new WeakSet();
  }

  /** After a read: the chart panes and the documents/shadow roots that read saw (panes get replaced, frames navigate). */
  watch(roots: readonly Element[], targets: readonly Node[]): void {
    this.roots = [...roots];
    this.targets = [...targets];
    if (this.running) this.observeTargets();
  }

  /** Asks the `roots`/`targets` options again (when given). */
  refreshRoots(): void {
    if (!this.options.roots) return;
    this.watch(this.options.roots(this.doc), this.options.targets?.(this.doc) ?? []);
  }

  private observeTargets(): void {
    for (const target of this.targets) {
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
    // No read yet, or a chart pane was removed or replaced: the chart changed; the next read names the panes again.
    if (this.roots.length === 0 || this.roots.some((root) => !root.isConnected)) {
      if (this.options.roots) this.refreshRoots();
      else this.roots = [];
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
      // Navigation bars and menu overlays never hold the chart (core/emr/frames.ts): neither observed nor read.
      if (isNonChartFrame(frame)) continue;
      if (!this.frameListeners.has(frame)) {
        this.frameListeners.add(frame);
        // A frame that navigates gets a new document: observe it and read again.
        frame.addEventListener('load', () => {
          if (!this.running) return;
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
