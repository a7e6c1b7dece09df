// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChart, scopeOf } from '../../../core/emr';
import { isNonChartFrame } from '../../../core/emr/frames';
import { ChartObserver } from '../../../entrypoints/content/chart-observer';

/*
 * athenaOne's navigation, status and menu-overlay frames never hold the chart: neither the
 * read (scopeOf) nor the observer touches their documents. Every other frame is read and
 * observed, so chart text that appears in it late is still picked up.
 */

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.replaceChildren();
});

/** An iframe whose document is `inner`, counting how often its document is reached. */
function frame(attrs: { id?: string; className?: string }, inner: Document): { el: HTMLIFrameElement; touches: () => number } {
  const el = document.createElement('iframe');
  if (attrs.id) el.id = attrs.id;
  if (attrs.className) el.className = attrs.className;
  let touches = 0;
  Object.defineProperty(el, 'contentDocument', {
    get() {
      touches++;
      return inner;
    },
  });
  document.body.append(el);
  return { el, touches: () => touches };
}

function docWith(html: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
}

describe('isNonChartFrame', () => {
  it.each([
    ['GlobalNav', {}, true],
    ['Status', {}, true],
    ['searchmenuiframe', { className: 'shimiframe' }, true],
    ['GlobalWrapper', {}, false],
    ['frameContent', {}, false],
    ['frMain', {}, false],
    ['', {}, false],
  ])('#%s → %s', (id, extra, expected) => {
    const el = document.createElement('iframe');
    if (id) el.id = id;
    if ((extra as { className?: string }).className) el.className = (extra as { className: string }).className;
    expect(isNonChartFrame(el)).toBe(expected);
  });
});

describe('frames that never hold the chart are neither read nor observed', () => {
  it('the read does not reach athenaOne navigation/status/shim frame documents, and reads the chart frame', () => {
    const nav = frame({ id: 'GlobalNav' }, docWith('<h2>Procedure Note</h2><p>nav text</p>'));
    const status = frame({ id: 'Status' }, docWith('Ready'));
    const shim = frame({ id: 'patientsmenuiframe', className: 'shimiframe' }, docWith(''));
    const chart = frame({ id: 'frMain' }, docWith('<h2>Procedure Note</h2><p>Shave bx L forearm.</p>'));
    const scope = scopeOf(document, 'http://127.0.0.1/');
    expect(scope.roots).toHaveLength(2);
    expect(nav.touches() + status.touches() + shim.touches()).toBe(0);
    expect(chart.touches()).toBeGreaterThan(0);
    const text = readChart(document, { url: 'http://127.0.0.1/' })
      .snapshot.sections.map((s) => s.text)
      .join('\n');
    expect(text).toContain('Shave bx L forearm.');
    expect(text).not.toContain('nav text');
    expect(nav.touches() + status.touches() + shim.touches()).toBe(0);
  });

  it('the observer skips those frames, and a chart that appears late in another frame is picked up', async () => {
    const nav = frame({ id: 'GlobalNav' }, docWith('<a>Calendar</a>'));
    const shim = frame({ id: 'searchmenuiframe', className: 'shimiframe' }, docWith(''));
    const lateDoc = docWith('<div id="loading">Loading…</div>');
    frame({ id: 'frMain' }, lateDoc);
    const onChange = vi.fn();
    const observer = new ChartObserver(document, { onChange });
    observer.start();
    // A read names the pane it saw (the top body): only chart changes count from then on.
    observer.watch([document.body], [document]);
    expect(nav.touches() + shim.touches()).toBe(0);
    // The chart frame fills in after the first read (late rendering): a change.
    const h2 = lateDoc.createElement('h2');
    h2.textContent = 'Procedure Note';
    lateDoc.body.append(h2);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(readChart(document, { url: 'http://127.0.0.1/' }).snapshot.sections.map((s) => s.name)).toContain('Procedure Note');
    observer.stop();
  });
});
