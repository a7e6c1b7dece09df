import { describe, expect, it } from 'vitest';
import { Settings } from '../../../core/model';
import { hostProblem, normalizeHostInput } from '../../../core/model/emr-hosts';
import type { PanelRequestInput, Reply } from '../../../core/model/messages';
import { createOptionsModel, type OptionsTransport } from '../../../entrypoints/options/options-model';

function fake(stored: Settings = Settings.parse({}), grantAll = true) {
  const granted = new Set<string>();
  const calls: string[] = [];
  let saved: unknown;
  const transport: OptionsTransport = {
    async request<T>(req: PanelRequestInput): Promise<Reply<T>> {
      calls.push(req.type);
      if (req.type === 'get-settings') return { ok: true, data: stored as T };
      if (req.type === 'save-settings') {
        const parsed = Settings.safeParse(req.settings);
        if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
        saved = parsed.data;
        return { ok: true, data: parsed.data as T };
      }
      return { ok: false, error: 'unexpected' };
    },
    async grantedOrigins() {
      return [...granted];
    },
    async requestOrigins(origins) {
      calls.push(`request:${origins.join(',')}`);
      if (grantAll) for (const o of origins) granted.add(o);
      return grantAll;
    },
    async removeOrigins(origins) {
      calls.push(`remove:${origins.join(',')}`);
      for (const o of origins) granted.delete(o);
      return true;
    },
  };
  return { transport, calls, granted, saved: () => saved };
}

describe('EMR host input', () => {
  it.each([
    ['epiccarelink.example.org', 'https://epiccarelink.example.org/*'],
    ['https://EMR.Example.org/some/path?x=1', 'https://emr.example.org/*'],
    ['  ', ''],
  ])('normalizeHostInput(%j) = %j', (input, out) => expect(normalizeHostInput(input)).toBe(out));

  it.each([
    ['https://*.ema.md/*', undefined],
    ['https://epiccarelink.example.org/*', undefined],
    ['http://emr.example.org/*', 'only https://'],
    ['https://*/*', 'too broad'],
    ['https://*.com/*', 'too broad'],
    ['https://emr/*', 'not a host pattern'],
  ])('hostProblem(%j)', (origin, problem) => {
    if (problem === undefined) expect(hostProblem(origin)).toBeUndefined();
    else expect(hostProblem(origin)).toContain(problem);
  });
});

describe('options model', () => {
  it('loads stored settings into the form, presets recognised from their origins', async () => {
    const f = fake(Settings.parse({ payer: 'medicare', emrHosts: ['https://*.athenahealth.com/*', 'https://epic.example.org/*'], retentionDays: 30 }));
    const m = createOptionsModel(f.transport);
    await m.load();
    expect(m.payer.value).toBe('medicare');
    expect([...m.presets.value]).toEqual(['athena']);
    expect(m.customHosts.value).toBe('https://epic.example.org/*');
    expect(m.retentionDays.value).toBe('30');
  });

  it('refuses invalid numbers and hosts with clear messages, asks nothing of the browser', async () => {
    const f = fake();
    const m = createOptionsModel(f.transport);
    await m.load();
    m.retentionDays.value = '0';
    m.pathologyAgingDays.value = 'two weeks';
    m.customHosts.value = 'http://emr.example.org';
    expect(await m.save()).toBe(false);
    expect(m.errors.value).toEqual([
      'Keep data for (days) must be a whole number from 1 to 3650 (got "0")',
      'Flag pathology without a result after (days) must be a whole number from 1 to 365 (got "two weeks")',
      'http://emr.example.org/*: only https:// EMR addresses are allowed',
    ]);
    expect(f.calls).toEqual(['get-settings']);
  });

  it('save: requests new hosts first, then saves validated settings; removing a host drops its permission', async () => {
    const f = fake();
    const m = createOptionsModel(f.transport);
    await m.load();
    m.togglePreset('ema', true);
    m.payer.value = 'medicare';
    expect(await m.save()).toBe(true);
    expect(f.calls).toEqual(['get-settings', 'request:https://*.ema.md/*,https://*.modmedapp.com/*', 'save-settings']);
    expect(f.saved()).toMatchObject({ payer: 'medicare', emrHosts: ['https://*.ema.md/*', 'https://*.modmedapp.com/*'] });
    m.togglePreset('ema', false);
    expect(await m.save()).toBe(true);
    expect(f.calls.slice(3)).toEqual(['remove:https://*.ema.md/*,https://*.modmedapp.com/*', 'save-settings']);
    expect(f.granted.size).toBe(0);
  });

  it('a denied permission still saves, and says the host will not be read', async () => {
    const f = fake(Settings.parse({}), false);
    const m = createOptionsModel(f.transport);
    await m.load();
    m.togglePreset('ecw', true);
    expect(await m.save()).toBe(true);
    expect(m.status.value).toMatch(/did not grant access/);
  });

  it('delete all data takes two steps; cancel deletes nothing', async () => {
    const f = fake();
    const sent: string[] = [];
    const transport: OptionsTransport = {
      ...f.transport,
      async request<T>(req: PanelRequestInput): Promise<Reply<T>> {
        sent.push(req.type);
        if (req.type === 'delete-all-data') return { ok: true, data: 3 as T };
        return f.transport.request<T>(req);
      },
    };
    const m = createOptionsModel(transport);
    await m.deleteAllData();
    expect(m.confirmingDelete.value).toBe(true);
    expect(sent).toEqual([]);
    m.cancelDelete();
    expect(m.status.value).toBe('Nothing was deleted.');
    await m.deleteAllData();
    await m.deleteAllData();
    expect(sent).toEqual(['delete-all-data']);
    expect(m.status.value).toBe('Deleted 3 stored encounter(s) and their audit trail. Settings were kept.');
  });

  it('fields the form does not edit are saved back unchanged; the match window is optional', async () => {
    const f = fake(Settings.parse({ pathologyMatchWindowDays: 30, edits: { ptp: [] } as never }));
    const m = createOptionsModel(f.transport);
    await m.load();
    expect(m.matchWindowDays.value).toBe('30');
    expect(await m.save()).toBe(true);
    expect(f.saved()).toMatchObject({ pathologyMatchWindowDays: 30, edits: { ptp: [] } });
    m.matchWindowDays.value = '';
    expect(await m.save()).toBe(true);
    expect(f.saved()).not.toHaveProperty('pathologyMatchWindowDays');
    m.matchWindowDays.value = '999';
    expect(await m.save()).toBe(false);
    expect(m.errors.value).toEqual(['Link a later pathology report within (days) must be a whole number from 1 to 365 (got "999")']);
  });
});
