/**
 * Which frame should take snapshots. The adapters read every same-origin frame from the
 * top document (athenaOne's chart is three frames deep), so when the content script runs
 * in all frames only the top frame and frames the top cannot read (cross-origin) should
 * snapshot; otherwise one chart would be sent several times.
 */
export function shouldSnapshotInFrame(win: Window): boolean {
  try {
    if (win.top === win || !win.top) return true;
    // Reading the top document throws when it is cross-origin: then nobody above can read this frame.
    void win.top.document.body;
    return false;
  } catch {
    return true;
  }
}
