import { browser } from 'wxt/browser';

/**
 * The part of WXT's ContentScriptContext (wxt/utils/content-script-context) this content script
 * uses, put in its place in the content-script build (wxt.config.ts aliases the module): WXT's
 * class also carries timers, a URL watcher over the Navigation API and a location-change event
 * class, all set up in every page the script runs in and none used here (~2 kB of the 40 kB
 * budget, and evaluated on each load). Same protocol as WXT's: a newer copy of the script in the
 * same frame (the extension was reloaded or updated) announces itself with a CustomEvent on the
 * document, and the older copy stops (its listeners are removed, onInvalidated callbacks run).
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  constructor(
    private readonly contentScriptName: string,
    _options?: unknown,
  ) {
    // WXT's event name, so a copy built with WXT's own class and this one stop each other.
    const type = `${browser?.runtime?.id}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: this.id } }));
    document.addEventListener(
      type,
      (event) => {
        const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
        if (event instanceof CustomEvent && detail?.contentScriptName === this.contentScriptName && detail.messageId !== this.id) {
          this.controller.abort('Content script context invalidated');
        }
      },
      { signal: this.controller.signal },
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `cb` when a newer copy of the script takes over; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** target.addEventListener, removed when the context is invalidated. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
