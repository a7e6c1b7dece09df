import { batch, computed, signal } from '@preact/signals';
import { EMR_HOST_PRESETS, hostProblem, normalizeHostInput } from '../../core/model/emr-hosts';
import type { PanelRequestInput, Reply } from '../../core/model/messages';
import type { Settings } from '../../core/model/settings';

export interface OptionsTransport {
  request<T>(req: PanelRequestInput): Promise<Reply<T>>;
  /** Origins this extension holds host permission for. */
  grantedOrigins(): Promise<string[]>;
  /** Must be called synchronously inside the click that saves (browsers require a user gesture). */
  requestOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<boolean>;
}

/** Form state as the user typed it; converted and validated on save (zod in the background is the last word). */
export function createOptionsModel(transport: OptionsTransport) {
  const payer = signal<Settings['payer']>('commercial');
  const pathology = signal<Settings['pathology']>('in-house');
  const g2211 = signal<Settings['g2211']>('when-documented');
  const wasteModifiers = signal<Settings['wasteModifiers']>('payer-default');
  const retentionDays = signal('90');
  const pathologyAgingDays = signal('14');
  /** Blank = the reconcile default (60 days). */
  const matchWindowDays = signal('');
  /** The settings as loaded: fields this form does not edit are saved back unchanged. */
  let loadedSettings: Settings | undefined;
  const presets = signal<ReadonlySet<string>>(new Set());
  const customHosts = signal('');
  const granted = signal<ReadonlySet<string>>(new Set());
  const errors = signal<string[]>([]);
  const status = signal('');
  const loaded = signal(false);

  const presetOrigins = computed(() => EMR_HOST_PRESETS.filter((p) => presets.value.has(p.id)).flatMap((p) => p.origins));
  const customOrigins = computed(() =>
    customHosts.value
      .split(/[\n,]+/)
      .map(normalizeHostInput)
      .filter(Boolean),
  );
  const hosts = computed(() => [...new Set([...presetOrigins.value, ...customOrigins.value])]);

  function fill(s: Settings) {
    loadedSettings = s;
    batch(() => {
      matchWindowDays.value = s.pathologyMatchWindowDays === undefined ? '' : String(s.pathologyMatchWindowDays);
      payer.value = s.payer;
      pathology.value = s.pathology;
      g2211.value = s.g2211;
      wasteModifiers.value = s.wasteModifiers;
      retentionDays.value = String(s.retentionDays);
      pathologyAgingDays.value = String(s.pathologyAgingDays);
      const presetIds = EMR_HOST_PRESETS.filter((p) => p.origins.length > 0 && p.origins.every((o) => s.emrHosts.includes(o))).map((p) => p.id);
      presets.value = new Set(presetIds);
      const fromPresets = new Set(EMR_HOST_PRESETS.filter((p) => presetIds.includes(p.id)).flatMap((p) => p.origins));
      customHosts.value = s.emrHosts.filter((h) => !fromPresets.has(h)).join('\n');
    });
  }

  async function load(): Promise<void> {
    const reply = await transport.request<Settings>({ type: 'get-settings' });
    if (reply.ok) fill(reply.data);
    else errors.value = [reply.error];
    granted.value = new Set(await transport.grantedOrigins().catch(() => []));
    loaded.value = true;
  }

  function togglePreset(id: string, on: boolean) {
    const next = new Set(presets.value);
    if (on) next.add(id);
    else next.delete(id);
    presets.value = next;
  }

  /** Number fields: whole numbers only, with the allowed range in the message. */
  function wholeNumber(label: string, raw: string, min: number, max: number, problems: string[]): number {
    const n = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max)
      problems.push(`${label} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return n;
  }

  /**
   * Save: validate, ask for any newly listed host (in the click's gesture), drop
   * permissions for removed hosts, then hand the settings to the background.
   */
  function save(): Promise<boolean> {
    const problems: string[] = [];
    const retention = wholeNumber('Keep data for (days)', retentionDays.value, 1, 3650, problems);
    const aging = wholeNumber('Flag pathology without a result after (days)', pathologyAgingDays.value, 1, 365, problems);
    const matchWindow =
      matchWindowDays.value.trim() === '' ? undefined : wholeNumber('Link a later pathology report within (days)', matchWindowDays.value, 1, 365, problems);
    for (const h of hosts.value) {
      const p = hostProblem(h);
      if (p) problems.push(p);
    }
    if (problems.length) {
      errors.value = problems;
      status.value = 'Not saved: fix the problems listed.';
      return Promise.resolve(false);
    }
    const wanted = hosts.value;
    const toRequest = wanted.filter((h) => !granted.value.has(h));
    const toRemove = [...granted.value].filter((h) => !wanted.includes(h) && hostProblem(h) === undefined);
    // Requested first, before any other await, so the browser still sees the click.
    const asked = toRequest.length ? transport.requestOrigins(toRequest).catch(() => false) : Promise.resolve(true);
    return (async () => {
      const ok = await asked;
      if (toRemove.length) await transport.removeOrigins(toRemove).catch(() => false);
      const { pathologyMatchWindowDays: _previous, ...kept } = loadedSettings ?? ({} as Partial<Settings>);
      const settings = {
        ...kept,
        ...(matchWindow === undefined ? {} : { pathologyMatchWindowDays: matchWindow }),
        payer: payer.value,
        pathology: pathology.value,
        g2211: g2211.value,
        wasteModifiers: wasteModifiers.value,
        retentionDays: retention,
        pathologyAgingDays: aging,
        emrHosts: wanted,
      };
      const reply = await transport.request<Settings>({ type: 'save-settings', settings });
      granted.value = new Set(await transport.grantedOrigins().catch(() => []));
      if (!reply.ok) {
        batch(() => {
          errors.value = reply.error.split('; ');
          status.value = 'Not saved: fix the problems listed.';
        });
        return false;
      }
      fill(reply.data);
      batch(() => {
        errors.value = [];
        status.value = ok
          ? 'Saved. Open charts were re-coded with these settings.'
          : 'Saved, but the browser did not grant access to some EMR hosts: DermLens will not read them.';
      });
      return true;
    })();
  }

  /** Two steps: ask, then delete. */
  const confirmingDelete = signal(false);
  async function deleteAllData(): Promise<void> {
    if (!confirmingDelete.value) {
      confirmingDelete.value = true;
      status.value = 'This deletes every stored chart, claim, decision and audit entry in this browser. Press "Yes, delete everything" to confirm.';
      return;
    }
    confirmingDelete.value = false;
    const reply = await transport.request<number>({ type: 'delete-all-data', confirm: true });
    status.value = reply.ok ? `Deleted ${reply.data} stored encounter(s) and their audit trail. Settings were kept.` : reply.error;
  }

  function cancelDelete(): void {
    confirmingDelete.value = false;
    status.value = 'Nothing was deleted.';
  }

  return {
    confirmingDelete,
    deleteAllData,
    cancelDelete,
    payer,
    pathology,
    g2211,
    wasteModifiers,
    retentionDays,
    pathologyAgingDays,
    matchWindowDays,
    presets,
    customHosts,
    granted,
    errors,
    status,
    loaded,
    hosts,
    load,
    save,
    togglePreset,
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
