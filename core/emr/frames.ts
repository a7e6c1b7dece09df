/**
 * Which frame should take snapshots. The adapters read every same-origin frame from the
 * top document (athenaOne's chart is three frames deep), so when the content script runs
 * in all frames only the top frame and frames the top cannot read (cross-origin) should
 * snapshot; otherwise one chart would be sent several times.
 *
 * Chrome lists the ancestors' origins (location.ancestorOrigins): comparing strings costs
 * nothing, while touching `top.document` from a child frame makes the browser set up the
 * extension's world in the top frame there and then (~2 ms during the page load). The top
 * reaches a frame only through a chain of same-origin frames, so every ancestor must share
 * this frame's origin (`self.origin`: an about:blank or srcdoc frame inherits its parent's;
 * a sandboxed frame's is "null" and matches nothing). Firefox has no ancestorOrigins: try
 * the top document.
 */
export function shouldSnapshotInFrame(win: Window): boolean {
  try {
    const ancestors = (win.location as (Location & { ancestorOrigins?: DOMStringList }) | undefined)?.ancestorOrigins;
    // The top frame has no ancestors (checked without touching `win.top`, see above).
    if (ancestors && ancestors.length === 0) return true;
    const own = win.origin;
    if (own === 'null') return true;
    if (ancestors && typeof own === 'string') {
      for (let i = 0; i < ancestors.length; i++) if (ancestors.item(i) !== own) return true;
      return false;
    }
    if (win.top === win || !win.top) return true;
    // Reading the top document throws when it is cross-origin: then nobody above can read this frame.
    void win.top.document.body;
    return false;
  } catch {
    return true;
  }
}

/**
 * The same decision as the first statement of the content-script file (wxt.config.ts puts it
 * in a function around the bundle, so not even the bundle's function declarations are set up),
 * for the one common case only: a Chrome frame whose every ancestor shares its origin exits at
 * once. A same-origin child frame then costs no module evaluation and no WXT context
 * (~0.35 ms each; athenaOne loads eight frames). Any
 * other frame goes on to main(), which asks shouldSnapshotInFrame. Only a child frame has
 * ancestors; `window.top` is not touched (reaching another frame's window sets up the
 * extension's world there, ~1 ms). Plain ES5: it is pasted into the bundle as text.
 */
export const SAME_ORIGIN_CHILD_FRAME_EXIT =
  'try{var a$=window.location.ancestorOrigins,o$=window.origin;if(a$&&a$.length>0&&o$!=="null"&&typeof o$==="string"&&Array.prototype.every.call(a$,function(x){return x===o$}))return}catch(e$){}';

/**
 * Frames that never hold chart text, recognised from the frame element alone (its id and
 * class, read in the parent document), so that neither a read nor the observer touches
 * their documents: reaching a child frame's document from the extension's world costs
 * ~0.2 ms per frame on first touch, and athenaOne loads eight frames of which only the
 * GlobalWrapper → frameContent → frMain chain can hold the chart. athenaOne (emr-layouts.md
 * §2): GlobalNav is the search bar and menus, Status the status line, and the hidden
 * `shimiframe`s (search and patient menus) are overlays. Any other frame is read and
 * observed as before, so chart content that appears late in it is still picked up.
 */
export function isNonChartFrame(frame: Element): boolean {
  const id = frame.id;
  if (id === 'GlobalNav' || id === 'Status') return true;
  return frame.classList.contains('shimiframe');
}
