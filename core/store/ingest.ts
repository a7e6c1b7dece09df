import { codeEncounter } from '../engine';
import type { ChartSnapshot, ClaimDraft, Encounter, Settings } from '../model';
import { extractIdentity } from '../parse/identity';
import { encounterFromSnapshot, snapshotToNote } from '../pipeline';
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

/**
 * Snapshot → Encounter → ClaimDraft, with the patient reduced to salted hashes and
 * initials, and identifiers masked in every piece of chart text that is kept.
 * Pure apart from the store; the background calls it for every valid snapshot.
 */
export async function codeSnapshot(snapshot: ChartSnapshot, settings: Settings, salt: string): Promise<IngestResult> {
  const note = snapshotToNote(snapshot);
  const patient = snapshot.patient?.trim() || extractIdentity(note).patient;
  // Initials need a name; the identity used for hashing may be an MRN (the first identifier in the header).
  const name = nameOnly(snapshot.patient?.trim() || PATIENT_NAME.exec(note.slice(0, 8000))?.[1]);
  const parsed = encounterFromSnapshot(snapshot, 'pending');
  const dateOfService = snapshot.dateOfService?.trim() || parsed.visit.dateOfService;
  const url = safeUrl(snapshot.url);
  const { encounterId, patientKey } = await encounterIdentity(salt, patient, dateOfService, url);
  const patientInitials = initialsOf(name) ?? initialsOf(patient);
  const coded = codeEncounter({ ...parsed, id: encounterId, patientKey, patientInitials }, settings);

  const ids = [patient, name].filter((x): x is string => Boolean(x));
  const r = (s: string) => redactText(s, ids);
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
  // Finding messages can quote chart text; codes and labels are left alone (an MRN can look like a CPT code).
  const draft: ClaimDraft = { ...coded, findings: coded.findings.map((f) => ({ ...f, message: r(f.message), ...(f.fix ? { fix: r(f.fix) } : {}) })) };
  return { encounterId, patientKey, patientInitials, dateOfService, encounter, draft };
}

export async function ingestSnapshot(store: DermLensStore, snapshot: ChartSnapshot, settings: Settings, now = Date.now()): Promise<IngestResult> {
  const result = await codeSnapshot(snapshot, settings, await store.installSalt());
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

/** Re-codes a stored encounter (after a settings change) without the page. */
export function recode(encounter: Encounter, settings: Settings): ClaimDraft {
  return codeEncounter(encounter, settings);
}
