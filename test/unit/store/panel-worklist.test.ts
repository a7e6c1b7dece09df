import { describe, expect, it, vi } from 'vitest';
import { Settings } from '../../../core/model';
import type { PanelRequestInput, Reply, Worklist } from '../../../core/model/messages';
import { createPanelModel, type PanelTransport } from '../../../entrypoints/sidepanel/panel-model';

const worklist: Worklist = {
  agingDays: 14,
  counts: { unbilled: 0, pending: 1, held: 0, malignant: 0 },
  items: [{ kind: 'pending', encounterId: 'e1', label: 'A', detail: 'No result 20 days after the visit (limit 14)', ageDays: 20 }],
};

function model(worklistReply: Reply<Worklist>) {
  const calls: string[] = [];
  const transport: PanelTransport = {
    async request<T>(req: PanelRequestInput): Promise<Reply<T>> {
      calls.push(req.type);
      if (req.type === 'get-tab-state') return { ok: true, data: { tabId: 1, status: 'empty', resolutions: [], settings: Settings.parse({}) } as T };
      if (req.type === 'get-worklist') return worklistReply as Reply<T>;
      if (req.type === 'list-open-specimens') return { ok: true, data: [] as T };
      return { ok: false, error: 'unexpected' };
    },
    subscribe: () => () => {},
    copy: async () => {},
    openPage: vi.fn(),
  };
  return { m: createPanelModel(transport), calls };
}

describe('panel model: worklist', () => {
  it('is loaded with the coder view, even on a tab with no chart', async () => {
    const { m, calls } = model({ ok: true, data: worklist });
    await m.load(1);
    expect(calls).not.toContain('get-worklist');
    await m.setView('coder');
    expect(calls).toContain('get-worklist');
    expect(m.worklist.value).toEqual(worklist);
    expect(m.worklistFilter.value).toBe('all');
  });

  it('a failed load is shown as the panel error', async () => {
    const { m } = model({ ok: false, error: "DermLens could not save to this browser's storage (UnknownError: x)." });
    await m.setView('coder');
    expect(m.worklist.value).toBeUndefined();
    expect(m.error.value).toBe("DermLens could not save to this browser's storage (UnknownError: x).");
  });
});
