import { z } from 'zod';
import { ClaimDraft } from './claim';
import { Encounter } from './encounter';
import { Settings } from './settings';
import { ChartSnapshot } from './snapshot';

/*
 * Two channels that never mix (uBlock Origin's messaging model):
 *
 * - UNTRUSTED: content script → background. A content script runs inside an EMR
 *   page we do not control; its messages are validated with zod, checked to come
 *   from our own extension in a tab, and only ever carry a snapshot. They can never
 *   reach a trusted handler.
 * - TRUSTED: extension pages (side panel, options, trainer) ↔ background. Still
 *   validated, because a schema mismatch between builds must fail loudly.
 *
 * The content script itself must not import zod (bundle size): it builds these
 * plain objects by hand and the background validates them.
 */

/** Content → background: the chart changed (or was first read). */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  snapshot: ChartSnapshot,
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

export const ContentMessage = z.discriminatedUnion('type', [SnapshotMessage]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** Background → content: read the chart again now (e.g. the side panel just opened). */
export const RescanMessage = z.object({ type: z.literal('rescan') });
export type RescanMessage = z.infer<typeof RescanMessage>;

const TabId = z.number().int().nonnegative();

/** How a user resolved a finding; kept in the audit log. */
export const FindingAction = z.enum(['accepted', 'overridden']);
export type FindingAction = z.infer<typeof FindingAction>;

export const PanelRequest = z.discriminatedUnion('type', [
  /** Everything the side panel shows for one tab. */
  z.object({ type: z.literal('get-tab-state'), tabId: TabId }),
  /** Ask the tab's content script to send a fresh snapshot. */
  z.object({ type: z.literal('rescan-tab'), tabId: TabId }),
  z.object({
    type: z.literal('resolve-finding'),
    encounterId: z.string().min(1).max(200),
    fingerprint: z.string().min(1).max(200),
    action: FindingAction,
    reason: z.string().trim().min(3, 'Give a reason of at least 3 characters').max(1000),
  }),
  z.object({ type: z.literal('undo-resolution'), encounterId: z.string().min(1).max(200), fingerprint: z.string().min(1).max(200) }),
  z.object({ type: z.literal('get-audit-log'), encounterId: z.string().min(1).max(200).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
  z.object({ type: z.literal('get-settings') }),
  /** Settings arrive unvalidated from the form: the background validates and answers with the problems. */
  z.object({ type: z.literal('save-settings'), settings: z.unknown() }),
  /** Re-register content scripts for the EMR hosts the user has granted. */
  z.object({ type: z.literal('sync-hosts') }),
  z.object({ type: z.literal('list-encounters'), limit: z.number().int().min(1).max(500).default(50) }),
  /** Delete every stored chart, claim, finding and audit entry; keep the practice settings. */
  z.object({ type: z.literal('delete-all-data'), confirm: z.literal(true) }),
  /** Specimens across all stored visits that still need a result or a billed interpretation. */
  z.object({ type: z.literal('list-open-specimens'), limit: z.number().int().min(1).max(1000).default(200) }),
  /** Coder worklist: unbilled specimens, overdue results, held claims, malignant results without follow-up. */
  z.object({ type: z.literal('get-worklist') }),
  /** The whole database as a backup object (the page saves it as a JSON file). */
  z.object({ type: z.literal('export-data') }),
  /** Replace the whole database with a backup file's text; validated in the background, all or nothing. */
  z.object({ type: z.literal('import-data'), text: z.string().max(500_000_000) }),
  /** CMS NCCI PTP or MUE files chosen in Options (same parsers as `dermlens data`). */
  z.object({
    type: z.literal('import-edit-files'),
    kind: z.enum(['ptp', 'mue']),
    files: z
      .array(z.object({ name: z.string().min(1).max(300), text: z.string().max(200_000_000) }))
      .min(1)
      .max(8),
    all: z.boolean().default(false),
  }),
  z.object({ type: z.literal('get-edit-tables') }),
  z.object({ type: z.literal('clear-edit-tables'), confirm: z.literal(true) }),
]);
export type PanelRequest = z.infer<typeof PanelRequest>;
export type PanelRequestInput = z.input<typeof PanelRequest>;

/** A finding resolution as stored (and shown in the coder view). */
export const Resolution = z.object({
  encounterId: z.string(),
  fingerprint: z.string(),
  rule: z.string(),
  action: FindingAction,
  reason: z.string(),
  at: z.number(),
});
export type Resolution = z.infer<typeof Resolution>;

export const AuditEntry = z.object({
  id: z.number().optional(),
  at: z.number(),
  encounterId: z.string().optional(),
  action: z.enum(['coded', 'finding-accepted', 'finding-overridden', 'resolution-undone', 'settings-changed', 'purged', 'data-imported', 'edits-imported']),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What the side panel needs to draw one tab: no raw identifiers, initials and DOS only. */
export const TabState = z.object({
  tabId: z.number(),
  status: z.enum(['empty', 'ready']),
  encounterId: z.string().optional(),
  patientInitials: z.string().optional(),
  dateOfService: z.string().optional(),
  adapter: z.string().optional(),
  url: z.string().optional(),
  codedAt: z.number().optional(),
  /** Encounter with chart text redacted of identifiers; spans point into its sections. */
  encounter: Encounter.optional(),
  draft: ClaimDraft.optional(),
  resolutions: z.array(Resolution).default([]),
  settings: Settings,
  /** Why the latest read of this tab's chart was not coded (the claim shown, if any, is older). */
  problem: z.string().optional(),
});
export type TabState = z.infer<typeof TabState>;

/** A specimen still open somewhere in the practice's stored visits (coder worklist). */
export const OpenSpecimen = z.object({
  encounterId: z.string(),
  patientInitials: z.string().optional(),
  dateOfService: z.string().optional(),
  label: z.string(),
  site: z.string().optional(),
  status: z.enum(['sent', 'unbilled']),
  /** Days since the date of service, when known. */
  ageDays: z.number().int().optional(),
});
export type OpenSpecimen = z.infer<typeof OpenSpecimen>;

export const WorklistKind = z.enum(['unbilled', 'pending', 'held', 'malignant']);
export type WorklistKind = z.infer<typeof WorklistKind>;

/** One thing a coder must chase, across all stored visits. */
export const WorklistItem = z.object({
  kind: WorklistKind,
  encounterId: z.string(),
  patientInitials: z.string().optional(),
  dateOfService: z.string().optional(),
  /** Specimen letter, when the item is about one specimen. */
  label: z.string().optional(),
  site: z.string().optional(),
  detail: z.string(),
  /** Days since the visit (or the result, for malignant results), when known. */
  ageDays: z.number().int().optional(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  items: z.array(WorklistItem),
  counts: z.record(WorklistKind, z.number().int()),
  agingDays: z.number().int(),
});
export type Worklist = z.infer<typeof Worklist>;

/** Background → extension pages: something the page shows changed. */
export const PanelEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab-updated'), tabId: z.number(), encounterId: z.string() }),
  z.object({ type: z.literal('settings-updated') }),
]);
export type PanelEvent = z.infer<typeof PanelEvent>;

/** Every trusted answer: ok with data, or a readable error. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
