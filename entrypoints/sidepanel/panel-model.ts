import { batch, computed, signal } from '@preact/signals';
import type { FindingView, PanelView } from '../../components/view-types';
import type { WorklistFilter } from '../../components/worklist';
import type { ClaimLine, Severity } from '../../core/model';
import type { AuditEntry, FindingAction, OpenSpecimen, PanelEvent, PanelRequestInput, Reply, Resolution, TabState, Worklist } from '../../core/model/messages';
import { findingFingerprint } from '../../core/store/fingerprint';
import { claimCsv, claimText, diagnosisPointers } from './claim-text';

/** How the panel talks to the background; a fake in tests. */
export interface PanelTransport {
  request<T>(req: PanelRequestInput): Promise<Reply<T>>;
  /** Calls back on background events; returns an unsubscribe function. */
  subscribe(listener: (event: PanelEvent) => void): () => void;
  /** Puts text on the clipboard. */
  copy(text: string): Promise<void>;
  /** Opens one of the extension's own pages in a tab. */
  openPage(page: 'options' | 'trainer'): void;
}

export type { FindingView, PanelView };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The side panel's state as named signals and computed values (Preact signals
 * "model" pattern). The view only reads these and calls the actions; nothing here
 * touches the DOM.
 */
export function createPanelModel(transport: PanelTransport) {
  const tabId = signal<number | undefined>(undefined);
  const state = signal<TabState | undefined>(undefined);
  const loading = signal(false);
  const error = signal<string | undefined>(undefined);
  const view = signal<PanelView>('physician');
  const expanded = signal<ReadonlySet<number>>(new Set());
  const audit = signal<AuditEntry[]>([]);
  const openSpecimens = signal<OpenSpecimen[]>([]);
  const status = signal<string>('');
  /** Coder worklist across all stored visits, and the kind shown. */
  const worklist = signal<Worklist | undefined>(undefined);
  const worklistFilter = signal<WorklistFilter>('all');

  const draft = computed(() => state.value?.draft);
  const lines = computed<ClaimLine[]>(() => draft.value?.lines ?? []);
  const findings = computed<FindingView[]>(() => {
    const resolutions = new Map((state.value?.resolutions ?? []).map((r) => [r.fingerprint, r]));
    return (draft.value?.findings ?? []).map((f) => {
      const fingerprint = findingFingerprint(f);
      return { ...f, fingerprint, resolution: resolutions.get(fingerprint) };
    });
  });
  const findingsBySeverity = computed(() =>
    SEVERITIES.map((severity) => ({ severity, findings: findings.value.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0),
  );
  const openFindings = computed(() => findings.value.filter((f) => !f.resolution));
  /** Physician view: what to document to support more (unresolved findings that name a fix). */
  const toDocument = computed(() => openFindings.value.filter((f) => f.fix && f.severity !== 'info'));
  const readyLines = computed(() => lines.value.filter((l) => l.status === 'ready' && l.billing === 'insurance'));
  const heldLines = computed(() => lines.value.filter((l) => l.status !== 'ready'));
  const copyText = computed(() => claimText(lines.value));
  const dxPointers = computed(() => diagnosisPointers(lines.value));
  const csvText = computed(() => claimCsv(lines.value, state.value?.dateOfService));

  async function load(id = tabId.value): Promise<void> {
    if (id === undefined) return;
    loading.value = true;
    const reply = await transport.request<TabState>({ type: 'get-tab-state', tabId: id }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    // The user moved to another tab while this answer was on its way: it is stale.
    if (id !== tabId.value) return;
    batch(() => {
      loading.value = false;
      if (reply.ok) {
        state.value = reply.data;
        error.value = undefined;
      } else error.value = reply.error;
    });
    if (view.value === 'coder') await loadCoderExtras();
  }

  async function follow(id: number): Promise<void> {
    if (tabId.value === id && state.value) return;
    batch(() => {
      tabId.value = id;
      state.value = undefined;
      expanded.value = new Set();
    });
    await load(id);
    if (state.value?.status === 'empty') {
      // The content script may have read the chart before the panel opened; ask for a fresh read.
      const reply = await transport.request<null>({ type: 'rescan-tab', tabId: id }).catch((e: Error) => ({ ok: false as const, error: e.message }));
      if (!reply.ok && tabId.value === id && state.value?.status === 'empty') error.value = reply.error;
    }
  }

  /** Ask the tab's content script to read the chart again now. */
  async function rescan(): Promise<void> {
    const id = tabId.value;
    if (id === undefined) return;
    const reply = await transport.request<null>({ type: 'rescan-tab', tabId: id }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    status.value = reply.ok ? 'Reading the chart again…' : reply.error;
  }

  function onEvent(event: PanelEvent): void {
    if (event.type === 'tab-updated' && event.tabId === tabId.value) void load();
    if (event.type === 'settings-updated') void load();
  }

  /** Coder view only: the encounter's audit trail and the practice-wide open specimens. */
  async function loadCoderExtras(): Promise<void> {
    await loadAudit();
    const reply = await transport.request<OpenSpecimen[]>({ type: 'list-open-specimens', limit: 200 });
    if (reply.ok) openSpecimens.value = reply.data;
    await loadWorklist();
  }

  async function loadWorklist(): Promise<void> {
    const reply = await transport.request<Worklist>({ type: 'get-worklist' });
    if (reply.ok) worklist.value = reply.data;
    else error.value = reply.error;
  }

  async function loadAudit(): Promise<void> {
    const encounterId = state.value?.encounterId;
    if (!encounterId) {
      audit.value = [];
      return;
    }
    const reply = await transport.request<AuditEntry[]>({ type: 'get-audit-log', encounterId, limit: 200 });
    if (reply.ok) audit.value = reply.data;
  }

  async function resolve(fingerprint: string, action: FindingAction, reason: string): Promise<boolean> {
    const encounterId = state.value?.encounterId;
    if (!encounterId) return false;
    if (reason.trim().length < 3) {
      status.value = 'Give a reason of at least 3 characters.';
      return false;
    }
    const reply = await transport.request<Resolution>({ type: 'resolve-finding', encounterId, fingerprint, action, reason });
    if (!reply.ok) {
      status.value = reply.error;
      return false;
    }
    status.value = action === 'accepted' ? 'Finding accepted and logged.' : 'Override saved to the audit log.';
    await load();
    return true;
  }

  async function undo(fingerprint: string): Promise<void> {
    const encounterId = state.value?.encounterId;
    if (!encounterId) return;
    const reply = await transport.request<null>({ type: 'undo-resolution', encounterId, fingerprint });
    status.value = reply.ok ? 'Resolution removed.' : reply.error;
    await load();
  }

  function toggleLine(index: number): void {
    const next = new Set(expanded.value);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    expanded.value = next;
  }

  async function setView(next: PanelView): Promise<void> {
    view.value = next;
    if (next === 'coder') await loadCoderExtras();
  }

  async function copy(kind: 'claim' | 'csv'): Promise<void> {
    const text = kind === 'claim' ? copyText.value : csvText.value;
    if (!lines.value.length) {
      status.value = 'Nothing to copy: no claim lines.';
      return;
    }
    try {
      await transport.copy(text);
      status.value = kind === 'claim' ? `Copied ${lines.value.length} claim line(s).` : 'Copied the claim as CSV.';
    } catch {
      status.value = 'Copy failed: the browser did not allow clipboard access.';
    }
  }

  const unsubscribe = transport.subscribe(onEvent);

  return {
    tabId,
    state,
    loading,
    error,
    view,
    expanded,
    audit,
    openSpecimens,
    worklist,
    worklistFilter,
    loadWorklist,
    status,
    draft,
    lines,
    findings,
    findingsBySeverity,
    openFindings,
    toDocument,
    readyLines,
    heldLines,
    copyText,
    csvText,
    dxPointers,
    load,
    follow,
    resolve,
    undo,
    toggleLine,
    setView,
    rescan,
    copy,
    loadAudit,
    openPage: (page: 'options' | 'trainer') => transport.openPage(page),
    dispose: unsubscribe,
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;
