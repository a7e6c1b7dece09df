// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartObserver } from '../../../entrypoints/content/chart-observer';
import { followVisibility } from '../../../entrypoints/content/visibility';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  setVisibility('visible');
  document.body.replaceChildren();
});

describe('followVisibility', () => {
  it('starts at once when visible, stops when hidden, starts again when shown', () => {
    const start = vi.fn();
    const stop = vi.fn();
    const unfollow = followVisibility(document, { start, stop });
    expect([start.mock.calls.length, stop.mock.calls.length]).toEqual([1, 0]);
    setVisibility('hidden');
    expect([start.mock.calls.length, stop.mock.calls.length]).toEqual([1, 1]);
    setVisibility('hidden');
    expect(stop).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    expect([start.mock.calls.length, stop.mock.calls.length]).toEqual([2, 1]);
    unfollow();
    setVisibility('hidden');
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('does not start in a tab that loads hidden', () => {
    setVisibility('hidden');
    const start = vi.fn();
    followVisibility(document, { start, stop: vi.fn() });
    expect(start).not.toHaveBeenCalled();
    setVisibility('visible');
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a hidden tab sees no chart changes; shown again, it observes again', async () => {
    const note = document.createElement('article');
    note.id = 'note';
    document.body.append(note);
    const onChange = vi.fn();
    const observer = new ChartObserver(document, { roots: (doc) => [...doc.querySelectorAll('#note')], onChange });
    followVisibility(document, { start: () => observer.start(), stop: () => observer.stop() });
    setVisibility('hidden');
    note.append('Procedure: Shave biopsy');
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    setVisibility('visible');
    note.append(' - L forearm');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('ChartObserver targets', () => {
  it('observes an open shadow root named by targets (a change inside it counts)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const panel = document.createElement('section');
    shadow.append(panel);
    const onChange = vi.fn();
    const observer = new ChartObserver(document, { roots: () => [document.body], targets: (doc) => [doc, shadow], onChange });
    observer.start();
    panel.append('Shave biopsy - R forearm');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    observer.stop();
  });
});
