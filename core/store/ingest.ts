import { codeEncounter } from '../engine';
import type { ChartSnapshot, ClaimDraft, Encounter, Settings } from '../model';
import { bannerNameOf, extractIdentity } from '../parse/identity';
import { encounterFromSnapshot, snapshotToNote } from '../pipeline';
import { codeBatch } from '../reconcile';
import { todayIso } from '../reconcile/dates';
import { isReportOnly } from '../reconcile/report-document';
import { encounterIdentity, initialsOf, nameOnly, safeUrl } from './identity';
import { redactText } from './redact';
import type { DermLensStore } from './repository';

const PATIENT_NAME = /^[ \t]*(?:patient(?:\s*name)?|pt(?:\s*name)?|name)\s*:\s*([^\n]+)$/im;

export interface IngestResult {
  encounterId: string;
  patientKey?: string;
  patientInitials?: string;
  dateOfService?: string;
  /** Redacted: safe to store and to show. */
  encounter: Encounter;
  draft: ClaimDraft;
}

export interface ReadSnapshot extends Omit<IngestResult, 'draft'> {
  /** Identifiers to mask in any text produced later (finding messages). In memory only. */
  identifiers: string[];
}

/**
 * Snapshot → Encounter, with the patient reduced to salted hashes and initials and
 * identifiers masked in every piece of chart text that is kept. No coding here:
 * the background codes once, together with the patient's other visits.
 */
export async function readSnapshot(snapshot: ChartSnapshot, salt: string): Promise<ReadSnapshot> {
  const note = snapshotToNote(snapshot);
  const patient = snapshot.patient?.trim() || extractIdentity(note).patient;
  // Initials need a name; the identity used for hashing may be an MRN (the first identifier in the header).
  // A banner with the name only in bold ("DOE, JANE · DOB …") gives no labeled name: read the banner line itself.
  const banner = bannerNameOf(note);
  const name = nameOnly(snapshot.patient?.trim() || PATIENT_NAME.exec(note.slice(0, 8000))?.[1]) ?? nameOnly(banner);
  const parsed = encounterFromSnapshot(snapshot, 'pending');
  const dateOfService = snapshot.dateOfService?.trim() || parsed.visit.dateOfService;
  const url = safeUrl(snapshot.url);
  // A result page is its own document, never the visit it reports on (see encounterIdentity).
  const reportKey = isReportOnly(parsed)
    ? parsed.pathology
        .map((r) => `${r.specimenLabel}:${r.collectedDate ?? ''}:${r.signedDate ?? ''}`)
        .sort()
        .join(',')
    : undefined;
  const { encounterId, patientKey } = await encounterIdentity(salt, patient, dateOfService, url, reportKey);
  const patientInitials = initialsOf(name) ?? initialsOf(patient);

  const identifiers = [...new Set([snapshot.patient?.trim(), patient, name, banner].filter((x): x is string => Boolean(x)))];
  const r = (s: string) => redactText(s, identifiers);
  const encounter: Encounter = {
    ...parsed,
    id: encounterId,
    patientKey,
    patientInitials,
    sections: Object.fromEntries(Object.entries(parsed.sections).map(([k, v]) => [k, r(v)])),
    procedures: parsed.procedures.map((p) => ({ ...p, text: r(p.text) })),
    unread: parsed.unread.map((u) => ({ ...u, text: r(u.text) })),
    visit: { ...parsed.visit, problems: parsed.visit.problems.map((p) => ({ ...p, text: r(p.text) })) },
  };
  return { encounterId, patientKey, patientInitials, dateOfService, encounter, identifiers };
}

/** One snapshot coded on its own (no other visits): for tests and tools. */
export async function codeSnapshot(snapshot: ChartSnapshot, settings: Settings, salt: string): Promise<IngestResult> {
  const { identifiers, ...read } = await readSnapshot(snapshot, salt);
  return { ...read, draft: redactDraft(codeEncounter(read.encounter, settings), identifiers) };
}

/** What a stored encounter is called in cross-visit findings ("visit 2026-03-02"). */
function sourceLabel(dateOfService: string | undefined, adapter: string): string {
  return dateOfService ? `visit ${dateOfService}` : `${adapter} chart`;
}

/** Finding text can quote chart text: mask identifiers again after reconciliation added findings. */
function redactDraft(draft: ClaimDraft, identifiers: readonly string[]): ClaimDraft {
  const r = (s: string) => redactText(s, identifiers);
  return { ...draft, findings: draft.findings.map((f) => ({ ...f, message: r(f.message), ...(f.fix ? { fix: r(f.fix) } : {}) })) };
}

export interface PatientRecode {
  /** Draft for the encounter that was just read. */
  draft: ClaimDraft;
  /** Other encounters of the same patient whose stored draft changed (e.g. a held 88305 became ready). */
  updated: string[];
}

/**
 * Codes an encounter together with every stored encounter of the same patient
 * (core/reconcile): a pathology result read today links to the visit whose
 * specimen it belongs to, and that visit is re-coded and stored.
 */
export async function recodeWithPatient(
  store: DermLensStore,
  current: { encounter: Encounter; dateOfService?: string; adapter: string },
  settings: Settings,
  now: number,
): Promise<PatientRecode> {
  const { encounter } = current;
  const related = encounter.patientKey ? await store.relatedEncounters(encounter.patientKey, encounter.id) : [];
  const items = [
    ...related.map((r) => ({ encounter: r.encounter, name: sourceLabel(r.dateOfService, r.adapter) })),
    { encounter, name: sourceLabel(current.dateOfService, current.adapter) },
  ];
  const drafts = codeBatch(items, settings, { today: todayIso(new Date(now)) });
  const updated: string[] = [];
  for (const [i, record] of related.entries()) {
    const draft = drafts[i];
    if (draft && (await store.saveDraft(record.id, { ...draft, encounterId: record.id }, settings, now))) updated.push(record.id);
  }
  const draft = drafts.at(-1) ?? codeEncounter(encounter, settings);
  return { draft: { ...draft, encounterId: encounter.id }, updated };
}

export async function ingestSnapshot(
  store: DermLensStore,
  snapshot: ChartSnapshot,
  settings: Settings,
  now = Date.now(),
): Promise<IngestResult & { updated: string[] }> {
  const { identifiers, ...read } = await readSnapshot(snapshot, await store.installSalt());
  const { draft, updated } = await recodeWithPatient(
    store,
    { encounter: read.encounter, dateOfService: read.dateOfService, adapter: snapshot.adapter },
    settings,
    now,
  );
  // Finding messages can quote chart text; codes and labels are left alone (an MRN can look like a CPT code).
  const result = { ...read, draft: redactDraft(draft, identifiers), updated };
  await store.saveCoded({
    encounterId: result.encounterId,
    patientKey: result.patientKey,
    patientInitials: result.patientInitials,
    dateOfService: result.dateOfService,
    adapter: snapshot.adapter,
    url: safeUrl(snapshot.url),
    encounter: result.encounter,
    draft: result.draft,
    settings,
    now,
  });
  return result;
}
