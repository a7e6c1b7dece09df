/**
 * Which frame snapshots: the adapters read every same-origin frame from the top, so only the top frame and frames the
 * top cannot read (cross-origin) snapshot, or one chart is sent several times. Chrome's location.ancestorOrigins is
 * compared, not `top.document` (touching it sets up the extension's world in the top frame, ~2 ms); every ancestor must
 * share this frame's origin (a sandboxed frame's "null" matches none). Firefox has no ancestorOrigins: try the top.
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
 * The same decision, as the content-script file's first statement (wxt.config.ts), for the common case: a Chrome frame
 * whose ancestors all share its origin exits before any module runs (~0.35 ms each; athenaOne loads eight frames).
 * `window.top` is not touched. Plain ES5: it is pasted into the bundle as text.
 */
export const SAME_ORIGIN_CHILD_FRAME_EXIT =
  'try{var a$=window.location.ancestorOrigins,o$=window.origin;if(a$&&a$.length>0&&o$!=="null"&&typeof o$==="string"&&Array.prototype.every.call(a$,function(x){return x===o$}))return}catch(e$){}';

/**
 * Frames that never hold chart text, known from the frame element alone, so no read or observer touches their documents
 * (~0.2 ms per frame on first touch). athenaOne (emr-layouts.md §2): GlobalNav (search, menus), Status, and the hidden
 * `shimiframe` menu overlays; only GlobalWrapper → frameContent → frMain holds the chart. Other frames are read.
 */
export function isNonChartFrame(frame: Element): boolean {
  const id = frame.id;
  if (id === 'GlobalNav' || id === 'Status') return true;
  return frame.classList.contains('shimiframe');
}
