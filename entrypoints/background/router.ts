import { browser } from 'wxt/browser';
import { type ChartSnapshot, Settings } from '../../core/model';
import { hostProblem } from '../../core/model/emr-hosts';
import { ContentMessage, PanelRequest, type Reply, type TabState } from '../../core/model/messages';
import { clearEditTables, type DermLensStore, ingestSnapshot, recodeWithPatient, storageProblemText } from '../../core/store';
import { syncEmrContentScripts } from './hosts';
import { forgetAllTabs, forgetTab, getTabEncounter, setTabEncounter, tabsShowing } from './tab-map';

const PURGE_EVERY_MS = 3_600_000;
const CLINICAL_ROLES = new Set(['procedure', 'pathology', 'assessment', 'charges']);

/** How much chart a snapshot holds: clinical sections weigh most, then any text. */
export function chartScore(snapshot: ChartSnapshot): number {
  let score = 0;
  for (const s of snapshot.sections) {
    const length = s.text.trim().length;
    score += CLINICAL_ROLES.has(s.role) ? length * 10 : length;
  }
  return score;
}

/**
 * The background's message handling: the untrusted content channel and the trusted
 * extension-page channel, each with its own schema. Only a snapshot can come in
 * from a page; nothing a page sends is ever passed on to a trusted handler.
 */
export class BackgroundRouter {
  private readonly queue = new Map<number, { running: Promise<void>; next?: ChartSnapshot }>();
  private readonly frames = new Map<number, Map<number, ChartSnapshot>>();
  /** Why the latest snapshot of a tab was not coded, until one is. */
  private readonly problems = new Map<number, string>();
  private lastPurge = 0;

  constructor(readonly store: DermLensStore) {}

  /** Untrusted: a content script sent something. Returns a small ack, never data. */
  async fromContent(message: unknown, tabId: number, frameId = 0): Promise<{ ok: boolean; error?: string }> {
    const parsed = ContentMessage.safeParse(message);
    if (!parsed.success) {
      // Never silent: the panel says the page could not be read (the schema issue, not the page's text).
      const issue = parsed.error.issues[0];
      await this.setProblem(tabId, `This page could not be read (${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message'}).`);
      return { ok: false, error: 'invalid message' };
    }
    const snapshot = parsed.data.snapshot;
    // EMRs that render the chart in frames (athenaOne) send one snapshot per frame:
    // code the frame that holds the most clinical text, not whichever spoke last.
    const frames = this.frames.get(tabId) ?? new Map<number, ChartSnapshot>();
    frames.set(frameId, snapshot);
    this.frames.set(tabId, frames);
    const best = [...frames.entries()].sort((a, b) => chartScore(b[1]) - chartScore(a[1]) || (a[0] === frameId ? -1 : 1))[0];
    if (best?.[0] !== frameId) return { ok: true };
    this.enqueue(tabId, snapshot);
    return { ok: true };
  }

  /**
   * Snapshots of one tab are coded one at a time, newest wins: a burst of chart
   * edits codes the first and the last, never out of order.
   */
  private enqueue(tabId: number, snapshot: ChartSnapshot): Promise<void> {
    const slot = this.queue.get(tabId);
    if (slot) {
      slot.next = snapshot;
      return slot.running;
    }
    const entry: { running: Promise<void>; next?: ChartSnapshot } = { running: Promise.resolve() };
    this.queue.set(tabId, entry);
    entry.running = (async () => {
      let current: ChartSnapshot | undefined = snapshot;
      while (current) {
        try {
          await this.ingest(tabId, current);
        } catch (error) {
          // A storage failure is said as such (nothing stored was lost); anything else is a coding failure.
          await this.setProblem(
            tabId,
            storageProblemText(error) ?? `DermLens could not code this chart: ${(error as Error).message}. Code it by hand or read it again.`,
          );
        }
        current = entry.next;
        entry.next = undefined;
      }
      this.queue.delete(tabId);
    })();
    return entry.running;
  }

  /** Resolves when every queued snapshot has been coded (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.queue.values()].map((q) => q.running));
  }

  private async ingest(tabId: number, snapshot: ChartSnapshot): Promise<void> {
    // Practice settings plus the CMS edit tables imported in Options.
    const settings = await this.store.engineSettings();
    const result = await ingestSnapshot(this.store, snapshot, settings);
    this.problems.delete(tabId);
    await setTabEncounter(tabId, result.encounterId);
    await this.notify({ type: 'tab-updated', tabId, encounterId: result.encounterId });
    // A result read here may have completed another visit of this patient open in another tab.
    if (result.updated.length) {
      for (const [otherTab, encounterId] of await tabsShowing()) {
        if (otherTab !== tabId && result.updated.includes(encounterId)) await this.notify({ type: 'tab-updated', tabId: otherTab, encounterId });
      }
    }
    await this.maybePurge(settings.retentionDays);
  }

  private async setProblem(tabId: number, problem: string): Promise<void> {
    this.problems.set(tabId, problem);
    await this.notify({ type: 'tab-updated', tabId, encounterId: (await getTabEncounter(tabId)) ?? '' });
  }

  private async maybePurge(retentionDays: number): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.store.purgeOlderThan(retentionDays, now);
  }

  async notify(event: { type: 'tab-updated'; tabId: number; encounterId: string } | { type: 'settings-updated' }): Promise<void> {
    // No extension page open is normal: sendMessage then rejects, and that is fine.
    await browser.runtime.sendMessage(event).catch(() => {});
  }

  /** Trusted: side panel, options page or trainer. */
  async fromPage(message: unknown): Promise<Reply<unknown>> {
    const parsed = PanelRequest.safeParse(message);
    if (!parsed.success) return { ok: false, error: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    const req = parsed.data;
    try {
      switch (req.type) {
        case 'get-tab-state':
          return { ok: true, data: await this.tabState(req.tabId) };
        case 'rescan-tab':
          return await this.rescan(req.tabId);
        case 'resolve-finding':
          return { ok: true, data: await this.store.resolveFinding(req.encounterId, req.fingerprint, req.action, req.reason) };
        case 'undo-resolution':
          await this.store.undoResolution(req.encounterId, req.fingerprint);
          return { ok: true, data: null };
        case 'get-audit-log':
          return { ok: true, data: await this.store.auditLog(req.encounterId, req.limit) };
        case 'get-settings':
          return { ok: true, data: await this.store.getSettings() };
        case 'save-settings':
          return await this.saveSettings(req.settings);
        case 'sync-hosts': {
          const settings = await this.store.getSettings();
          return { ok: true, data: await syncEmrContentScripts(settings.emrHosts) };
        }
        case 'delete-all-data': {
          const deleted = await this.store.deleteAllData();
          await forgetAllTabs();
          this.problems.clear();
          await this.notify({ type: 'settings-updated' });
          return { ok: true, data: deleted };
        }
        case 'list-open-specimens':
          return { ok: true, data: await this.store.openSpecimens(req.limit) };
        case 'get-worklist':
          return { ok: true, data: await this.store.worklist() };
        case 'export-data':
          return { ok: true, data: await this.store.exportData() };
        case 'import-data': {
          const result = await this.store.importData(req.text);
          if (!result.ok) return { ok: false, error: result.error };
          // Tabs pointed at encounters of the replaced database: forget them, pages reload.
          await forgetAllTabs();
          this.problems.clear();
          await this.notify({ type: 'settings-updated' });
          return { ok: true, data: result.counts };
        }
        case 'import-edit-files': {
          const result = await this.store.importEditFiles(req.kind, req.files, { all: req.all });
          if (!result.ok) return { ok: false, error: result.error };
          await this.recodeOpenTabs();
          return { ok: true, data: result.summary };
        }
        case 'get-edit-tables':
          return { ok: true, data: await this.store.editTables() };
        case 'clear-edit-tables':
          await clearEditTables(this.store.db);
          await this.recodeOpenTabs();
          return { ok: true, data: null };
        case 'list-encounters': {
          const rows = await this.store.recentEncounters(req.limit);
          return {
            ok: true,
            data: rows.map((r) => ({
              id: r.id,
              patientInitials: r.patientInitials,
              dateOfService: r.dateOfService,
              adapter: r.adapter,
              updatedAt: r.updatedAt,
            })),
          };
        }
      }
    } catch (error) {
      return { ok: false, error: storageProblemText(error) ?? (error as Error).message };
    }
  }

  async tabState(tabId: number): Promise<TabState> {
    const settings = await this.store.getSettings();
    const encounterId = await getTabEncounter(tabId);
    const view = encounterId ? await this.store.encounterView(encounterId) : undefined;
    const problem = this.problems.get(tabId);
    if (!view) return { tabId, status: 'empty', resolutions: [], settings, ...(problem ? { problem } : {}) };
    return {
      tabId,
      status: 'ready',
      encounterId: view.record.id,
      patientInitials: view.record.patientInitials,
      dateOfService: view.record.dateOfService,
      adapter: view.record.adapter,
      url: view.record.url,
      codedAt: view.codedAt,
      encounter: view.record.encounter,
      draft: view.draft,
      resolutions: view.resolutions,
      settings,
      ...(problem ? { problem } : {}),
    };
  }

  private async rescan(tabId: number): Promise<Reply<null>> {
    try {
      await browser.tabs.sendMessage(tabId, { type: 'rescan' });
      return { ok: true, data: null };
    } catch {
      return { ok: false, error: 'DermLens is not reading this page. Add its EMR host in Options, or open a demo chart.' };
    }
  }

  private async saveSettings(input: unknown): Promise<Reply<Settings>> {
    const hosts = (input as { emrHosts?: unknown } | null)?.emrHosts;
    if (Array.isArray(hosts)) {
      const problems = hosts.map((h) => (typeof h === 'string' ? hostProblem(h) : 'emrHosts: each host must be text')).filter(Boolean);
      if (problems.length) return { ok: false, error: `emrHosts: ${problems.join('; ')}` };
    }
    const result = await this.store.saveSettings(input);
    if (!result.ok) return { ok: false, error: result.error };
    await this.recodeOpenTabs();
    await syncEmrContentScripts(result.settings.emrHosts).catch(() => []);
    await this.notify({ type: 'settings-updated' });
    return { ok: true, data: Settings.parse(result.settings) };
  }

  /** Every open chart is re-coded with the current settings and edit tables, from what is stored (no page needed). */
  private async recodeOpenTabs(): Promise<void> {
    const settings = await this.store.engineSettings();
    for (const [tabId, encounterId] of await tabsShowing()) {
      const view = await this.store.encounterView(encounterId);
      if (!view) continue;
      const { record } = view;
      const { draft } = await recodeWithPatient(
        this.store,
        { encounter: record.encounter, dateOfService: record.dateOfService, adapter: record.adapter },
        settings,
        Date.now(),
      );
      await this.store.saveDraft(record.id, draft, settings);
      await this.notify({ type: 'tab-updated', tabId, encounterId });
    }
  }

  /** Worker start: apply retention, and make the EMR registrations match the granted hosts. */
  async startup(): Promise<void> {
    const settings = await this.store.getSettings();
    await this.maybePurge(settings.retentionDays);
    await syncEmrContentScripts(settings.emrHosts).catch(() => []);
  }

  /** The user granted or revoked a host outside Options (e.g. chrome://extensions). */
  async permissionsChanged(): Promise<void> {
    const settings = await this.store.getSettings();
    await syncEmrContentScripts(settings.emrHosts).catch(() => []);
  }

  /** A new document is loading in the tab: snapshots of the old page's frames no longer compete. */
  tabNavigated(tabId: number): void {
    this.frames.delete(tabId);
  }

  async tabClosed(tabId: number): Promise<void> {
    this.frames.delete(tabId);
    this.problems.delete(tabId);
    await forgetTab(tabId);
  }
}
