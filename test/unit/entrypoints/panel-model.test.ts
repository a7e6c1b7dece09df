import { describe, expect, it, vi } from 'vitest';
import type { PanelEvent, PanelRequestInput, Reply } from '../../../core/model/messages';
import { findingFingerprint } from '../../../core/store/fingerprint';
import { createPanelModel, type PanelTransport } from '../../../entrypoints/sidepanel/panel-model';
import { draft, line, tabState } from './fixtures';

const warning = {
  severity: 'warning' as const,
  rule: 'biopsy/technique-documented',
  message: 'technique missing',
  target: 'A',
  fix: 'document shave or punch',
};
const info = { severity: 'info' as const, rule: 'injection/ndc', message: 'NDC may be required' };
const error = { severity: 'error' as const, rule: 'diagnosis/missing', message: 'no dx', fix: 'document the diagnosis' };

function fakeTransport(handler: (req: PanelRequestInput) => Reply<unknown>) {
  const listeners: ((e: PanelEvent) => void)[] = [];
  const requests: PanelRequestInput[] = [];
  const copied: string[] = [];
  const transport: PanelTransport = {
    async request<T>(req: PanelRequestInput) {
      requests.push(req);
      return handler(req) as Reply<T>;
    },
    subscribe(l) {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    async copy(text) {
      copied.push(text);
    },
    openPage: vi.fn(),
  };
  return {
    transport,
    requests,
    copied,
    emit: (e: PanelEvent) => {
      for (const l of listeners) l(e);
    },
  };
}

describe('panel model', () => {
  it('follows a tab: loads its state, groups findings errors→warnings→info, lists what to document', async () => {
    const state = tabState(draft([line('11104'), line('11103')], [info, warning, error]));
    const t = fakeTransport(() => ({ ok: true, data: state }));
    const m = createPanelModel(t.transport);
    await m.follow(7);
    expect(m.lines.value.map((l) => l.code)).toEqual(['11104', '11103']);
    expect(m.findingsBySeverity.value.map((g) => [g.severity, g.findings.map((f) => f.rule)])).toEqual([
      ['error', ['diagnosis/missing']],
      ['warning', ['biopsy/technique-documented']],
      ['info', ['injection/ndc']],
    ]);
    expect(m.toDocument.value.map((f) => f.fix)).toEqual(['document shave or punch', 'document the diagnosis']);
  });

  it('an empty tab asks the content script to read the chart again, and shows why when it cannot', async () => {
    const t = fakeTransport((req) =>
      req.type === 'get-tab-state'
        ? { ok: true, data: { ...tabState(draft([])), status: 'empty' } }
        : { ok: false, error: 'DermLens is not reading this page.' },
    );
    const m = createPanelModel(t.transport);
    await m.follow(3);
    expect(t.requests.map((r) => r.type)).toEqual(['get-tab-state', 'rescan-tab']);
    expect(m.error.value).toBe('DermLens is not reading this page.');
  });

  it('reloads when the background says its tab changed, ignores other tabs', async () => {
    let lines = [line('11102')];
    const t = fakeTransport(() => ({ ok: true, data: tabState(draft(lines)) }));
    const m = createPanelModel(t.transport);
    await m.follow(7);
    lines = [line('11102'), line('11103')];
    t.emit({ type: 'tab-updated', tabId: 8, encounterId: 'x' });
    await Promise.resolve();
    expect(m.lines.value).toHaveLength(1);
    t.emit({ type: 'tab-updated', tabId: 7, encounterId: 'enc-1' });
    await vi.waitFor(() => expect(m.lines.value).toHaveLength(2));
  });

  it('resolve: refuses a too-short reason locally; sends a good one and marks the finding resolved', async () => {
    const fp = findingFingerprint(warning);
    let resolutions: { encounterId: string; fingerprint: string; rule: string; action: 'overridden'; reason: string; at: number }[] = [];
    const t = fakeTransport((req) => {
      if (req.type === 'resolve-finding') {
        resolutions = [{ encounterId: req.encounterId, fingerprint: req.fingerprint, rule: warning.rule, action: 'overridden', reason: req.reason, at: 1 }];
        return { ok: true, data: resolutions[0] };
      }
      if (req.type === 'get-audit-log') return { ok: true, data: [] };
      return { ok: true, data: tabState(draft([line('11104')], [warning]), { resolutions }) };
    });
    const m = createPanelModel(t.transport);
    await m.follow(7);
    expect(await m.resolve(fp, 'overridden', 'no')).toBe(false);
    expect(m.status.value).toMatch(/at least 3/);
    expect(t.requests.some((r) => r.type === 'resolve-finding')).toBe(false);
    expect(await m.resolve(fp, 'overridden', 'technique in addendum')).toBe(true);
    expect(m.findings.value[0]?.resolution?.reason).toBe('technique in addendum');
    expect(m.openFindings.value).toEqual([]);
  });

  it('copy: claim text and CSV go to the clipboard with a status message', async () => {
    const t = fakeTransport(() => ({ ok: true, data: tabState(draft([line('11104'), line('88305'), line('88305')])) }));
    const m = createPanelModel(t.transport);
    await m.follow(7);
    await m.copy('claim');
    await m.copy('csv');
    expect(t.copied[0]).toBe('11104\n88305 x2');
    expect(t.copied[1]?.split('\n')).toHaveLength(4);
    expect(m.status.value).toBe('Copied the claim as CSV.');
  });

  it('toggleLine opens and closes a line; coder view loads the audit trail', async () => {
    const t = fakeTransport((req) =>
      req.type === 'get-audit-log'
        ? { ok: true, data: [{ at: 1, action: 'coded', detail: '11104', encounterId: 'enc-1' }] }
        : { ok: true, data: tabState(draft([line('11104')])) },
    );
    const m = createPanelModel(t.transport);
    await m.follow(7);
    m.toggleLine(0);
    expect([...m.expanded.value]).toEqual([0]);
    m.toggleLine(0);
    expect([...m.expanded.value]).toEqual([]);
    await m.setView('coder');
    expect(m.audit.value.map((a) => a.detail)).toEqual(['11104']);
  });

  it('a late answer for a tab the user already left is dropped', async () => {
    let release: (() => void) | undefined;
    const t = fakeTransport((req) =>
      req.type === 'get-tab-state'
        ? { ok: true, data: tabState(draft([line(req.tabId === 1 ? '11102' : '17000')]), { tabId: req.tabId }) }
        : { ok: true, data: null },
    );
    const slow: PanelTransport = {
      ...t.transport,
      async request<T>(req: PanelRequestInput) {
        if (req.type === 'get-tab-state' && req.tabId === 1) await new Promise<void>((r) => (release = r));
        return t.transport.request<T>(req);
      },
    };
    const m = createPanelModel(slow);
    const first = m.follow(1);
    await m.follow(2);
    release?.();
    await first;
    expect(m.tabId.value).toBe(2);
    expect(m.lines.value.map((l) => l.code)).toEqual(['17000']);
  });

  it('rescan asks the background to re-read the tab and says so', async () => {
    const t = fakeTransport((req) => (req.type === 'get-tab-state' ? { ok: true, data: tabState(draft([line('11104')])) } : { ok: true, data: null }));
    const m = createPanelModel(t.transport);
    await m.follow(7);
    await m.rescan();
    expect(t.requests.at(-1)).toEqual({ type: 'rescan-tab', tabId: 7 });
    expect(m.status.value).toBe('Reading the chart again…');
  });
});
