// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartObserver } from '../../../entrypoints/content/chart-observer';

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.replaceChildren();
});

function setup() {
  const nav = document.createElement('nav');
  nav.textContent = 'Home';
  const note = document.createElement('article');
  note.id = 'note';
  note.textContent = 'Procedure: Shave biopsy';
  document.body.append(nav, note);
  const onChange = vi.fn();
  const observer = new ChartObserver(document, { roots: (doc) => [...doc.querySelectorAll('#note')], onChange });
  observer.start();
  return { nav, note, onChange, observer };
}

describe('ChartObserver', () => {
  it('a change inside the chart pane counts; a change elsewhere (a clock, a menu) does not', async () => {
    const { nav, note, onChange, observer } = setup();
    nav.textContent = 'Home (3 new messages)';
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    note.append(document.createElement('div'));
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    observer.stop();
  });

  it('the chart pane replaced by the single-page app counts, and the new pane is watched', async () => {
    const { note, onChange, observer } = setup();
    const next = document.createElement('article');
    next.id = 'note';
    next.textContent = 'Procedure: Punch biopsy';
    note.replaceWith(next);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    next.append(' more');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    observer.stop();
  });

  it('after stop nothing is reported', async () => {
    const { note, onChange, observer } = setup();
    observer.stop();
    note.append('x');
    await flush();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('fed by reads (watch): before the first read every change counts; then only the panes named; a removed pane counts until the next read', async () => {
    const nav = document.createElement('nav');
    const note = document.createElement('article');
    document.body.append(nav, note);
    const onChange = vi.fn();
    const observer = new ChartObserver(document, { onChange });
    observer.start();
    nav.append('Home');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    observer.watch([note], [document]);
    nav.append(' (2 new)');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    note.append('Procedure: Shave biopsy');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    note.remove();
    await flush();
    expect(onChange).toHaveBeenCalledTimes(3);
    nav.append(' (3 new)');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(4);
    observer.stop();
  });

  it('watch() while stopped observes nothing until start, then the shadow roots it named', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const panel = document.createElement('section');
    shadow.append(panel);
    const onChange = vi.fn();
    const observer = new ChartObserver(document, { onChange });
    observer.watch([document.body], [document, shadow]);
    panel.append('Shave biopsy');
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    observer.start();
    panel.append(' - R forearm');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    observer.stop();
  });
});
