import type { Encounter, PathologyReport, ProcedureKind, Site, SpecimenStatus } from '../model';

/**
 * The specimen log: every specimen charted at a visit, with what has happened to it since.
 * Plain data (no Dexie, no browser) so the background can persist it and the CLI can keep
 * it in memory. One entry per (encounter, specimen label).
 */
export interface SpecimenLogEntry {
  /** `${encounterId}|${label}` */
  id: string;
  patientKey?: string;
  encounterId: string;
  /** What the user calls the visit (file name in the CLI); falls back to the date of service. */
  source: string;
  label: string;
  /** One container holding several procedures' tissue, not told apart (§7.2: one specimen). */
  pieces?: number;
  lesionLabel?: string;
  site?: Site;
  procedureKind?: ProcedureKind;
  destination: 'in-house' | 'external' | 'unknown';
  dateOfService?: string;
  /** sent → resulted → billed | unbilled (see core/reconcile/README.md). */
  status: SpecimenStatus;
  /** No result after Settings.pathologyAgingDays, measured against the batch's "today". */
  aging: boolean;
  /** Days since the date of service, when both dates are known. */
  ageDays?: number;
  result?: SpecimenResult;
  /** A malignant, in-situ or uncertain result needs documented follow-up; undefined when it does not. */
  followUp?: { documented: boolean; evidence?: string; source?: string };
  /** Every status the entry went through, oldest first. */
  history: { status: SpecimenStatus; date?: string; note: string }[];
}

export interface SpecimenResult {
  report: PathologyReport;
  /** Encounter the report was read from (the visit itself for an in-note result). */
  fromEncounterId: string;
  fromSource: string;
  /** Signed date, else collected date, else the date of the document that carried it. */
  date?: string;
  linked: boolean;
}

/** Procedures whose tissue goes to pathology (CPT: biopsy, shave removal, excision and friends). */
export const TISSUE_KINDS: readonly ProcedureKind[] = [
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'biopsy-unspecified',
  'shave-removal',
  'excision',
  'hidradenitis-excision',
  'skin-tag-removal',
  'debridement',
  'nail',
  'incision-drainage',
];

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toUpperCase() === b.toUpperCase();

export function sourceName(encounter: Encounter, name?: string): string {
  return name ?? (encounter.visit.dateOfService ? `visit of ${encounter.visit.dateOfService}` : encounter.id);
}

/**
 * The specimens a visit sent to pathology: its documented specimens (of performed procedures)
 * plus any performed tissue procedure that names a specimen the list lacks. Mohs layers are read
 * by the Mohs surgeon (no report to wait for) and are not logged.
 */
export function specimensOf(encounter: Encounter, name?: string): SpecimenLogEntry[] {
  const out: SpecimenLogEntry[] = [];
  const dos = encounter.visit.dateOfService;
  const source = sourceName(encounter, name);
  const performed = encounter.procedures.filter((p) => p.status === 'performed');
  const mohs = performed.filter((p) => p.kind === 'mohs');
  const add = (e: Omit<SpecimenLogEntry, 'id' | 'encounterId' | 'source' | 'status' | 'aging' | 'history' | 'patientKey' | 'dateOfService'>) => {
    if (out.some((x) => same(x.label, e.label))) return;
    out.push({
      id: `${encounter.id}|${e.label}`,
      encounterId: encounter.id,
      ...(encounter.patientKey ? { patientKey: encounter.patientKey } : {}),
      source,
      ...(dos ? { dateOfService: dos } : {}),
      status: 'sent',
      aging: false,
      history: [{ status: 'sent', ...(dos ? { date: dos } : {}), note: `charted at ${source}` }],
      ...e,
    });
  };
  for (const s of encounter.specimens) {
    const proc = encounter.procedures.find((p) => p.id === s.procedureId);
    if (proc && proc.status !== 'performed') continue;
    if (s.type === 'mohs' || proc?.kind === 'mohs' || mohs.some((m) => same(m.specimenLabel, s.label))) continue;
    add({
      label: s.label,
      ...(s.pieces ? { pieces: s.pieces } : {}),
      ...(s.lesionLabel ? { lesionLabel: s.lesionLabel } : {}),
      ...(s.site || proc?.site ? { site: s.site ?? proc?.site } : {}),
      ...(proc ? { procedureKind: proc.kind } : {}),
      destination: s.destination,
    });
  }
  for (const p of performed) {
    if (!p.specimenLabel || !TISSUE_KINDS.includes(p.kind)) continue;
    add({
      label: p.specimenLabel,
      ...(p.lesionLabels[0] ? { lesionLabel: p.lesionLabels[0] } : {}),
      ...(p.site ? { site: p.site } : {}),
      procedureKind: p.kind,
      destination: 'unknown',
    });
  }
  return out;
}

/** Does this encounter itself hold a specimen with this label? */
export function hasOwnSpecimen(encounter: Encounter, label: string): boolean {
  return encounter.specimens.some((s) => same(s.label, label)) || encounter.procedures.some((p) => p.status === 'performed' && same(p.specimenLabel, label));
}

export function reportDate(report: PathologyReport, hostDate: string | undefined): string | undefined {
  return report.signedDate ?? report.collectedDate ?? hostDate;
}

export function pushStatus(entry: SpecimenLogEntry, status: SpecimenStatus, note: string, date?: string): void {
  const last = entry.history.at(-1);
  entry.status = status;
  if (last && last.status === status && last.note === note) return;
  entry.history.push({ status, ...(date ? { date } : {}), note });
}
