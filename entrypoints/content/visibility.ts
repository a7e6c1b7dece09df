/**
 * Runs `start` while the document is visible and `stop` while it is hidden (a background
 * tab, a minimized window): a chart nobody looks at costs no observer work. Returns a
 * function that stops following.
 */
export function followVisibility(doc: Document, handlers: { start: () => void; stop: () => void }): () => void {
  let running = false;
  const sync = () => {
    const visible = doc.visibilityState !== 'hidden';
    if (visible && !running) {
      running = true;
      handlers.start();
    } else if (!visible && running) {
      running = false;
      handlers.stop();
    }
  };
  sync();
  doc.addEventListener('visibilitychange', sync);
  return () => doc.removeEventListener('visibilitychange', sync);
}
