import type { PathologyReport } from '../model';
import { daysBetween } from './dates';
import { agreementRank, compareSites, type SiteAgreement } from './site-match';
import type { SpecimenLogEntry } from './specimen-log';

export const DEFAULT_MATCH_WINDOW_DAYS = 60;

export interface ReportToMatch {
  report: PathologyReport;
  patientKey?: string;
  /** Encounter that carries the report (never matched to its own specimens here). */
  hostEncounterId: string;
  /** The host document's date, used when the report states no date of its own. */
  hostDate?: string;
  /** The report's site when the parsed report lacks it (found in the host's text). */
  siteText?: string;
}

export interface Candidate {
  entry: SpecimenLogEntry;
  site: SiteAgreement;
  /** The report's collected date equals the visit's date of service. */
  sameDay: boolean;
  /** The date window could not be checked (a date is missing). */
  dateUnverified: boolean;
  /** Linked although the labels differ: same patient, collected on the visit's date, same site, the only open one. */
  labelMismatch?: boolean;
  /** The report's part ("A1") of the visit's one container ("A") holding several procedures' tissue. */
  part?: boolean;
}

export type MatchResult =
  | { kind: 'none' }
  | { kind: 'unlinked'; reason: string }
  | { kind: 'matched'; candidate: Candidate }
  | { kind: 'ambiguous'; candidates: Candidate[] }
  | { kind: 'conflict'; candidates: Candidate[] };

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toUpperCase() === b.toUpperCase();

/**
 * Finds the logged specimen a later pathology report belongs to. A report matches a specimen of
 * the same patient (salted key) with the same label, charted on or before the report's date
 * (collected date, else signed date, else the date of the document carrying it) and within the
 * window. Ties are broken by an exact collected-date match, then by the site text. What the site
 * contradicts is a conflict; what nothing decides is ambiguous. Neither is ever picked silently.
 */
export function matchReport(input: ReportToMatch, log: readonly SpecimenLogEntry[], windowDays: number = DEFAULT_MATCH_WINDOW_DAYS): MatchResult {
  if (!input.patientKey) return { kind: 'unlinked', reason: 'no patient identity on the report' };
  const { report } = input;
  const refDate = report.collectedDate ?? report.signedDate ?? input.hostDate;
  const candidates: Candidate[] = [];
  for (const entry of log) {
    if (entry.patientKey !== input.patientKey || entry.encounterId === input.hostEncounterId) continue;
    if (!same(entry.label, report.specimenLabel)) continue;
    const age = daysBetween(entry.dateOfService, refDate);
    if (age !== undefined && (age < 0 || age > windowDays)) continue;
    candidates.push({
      entry,
      site: compareSites(entry.site, report.siteText ?? input.siteText),
      sameDay: !!report.collectedDate && report.collectedDate === entry.dateOfService,
      dateUnverified: age === undefined,
    });
  }
  if (candidates.length === 0) return jarPart(input, log, refDate, windowDays) ?? byDateAndSite(input, log);
  const plausible = candidates.filter((c) => c.site !== 'conflict');
  if (plausible.length === 0) return { kind: 'conflict', candidates };
  // An open specimen is the one waiting for this report; an already resulted one only takes an amended or repeated copy.
  const open = plausible.filter((c) => !c.entry.result);
  const pool = open.length > 0 ? open : plausible;
  const score = (c: Candidate) => (c.sameDay ? 10 : 0) + agreementRank(c.site) + (c.dateUnverified ? 0 : 0.5);
  const best = Math.max(...pool.map(score));
  const top = pool.filter((c) => score(c) === best);
  if (top.length === 1) return { kind: 'matched', candidate: top[0] as Candidate };
  return { kind: 'ambiguous', candidates: top };
}

/**
 * "A1. Skin, right upper back: BCC" / "A2. … SK" for a visit whose note put both biopsies "in container A" without
 * telling them apart: each part belongs to that one container (§7.2), even after a sibling part resulted it.
 */
function jarPart(input: ReportToMatch, log: readonly SpecimenLogEntry[], refDate: string | undefined, windowDays: number): MatchResult | undefined {
  const jar = /^([A-Z])[1-9]$/.exec(input.report.specimenLabel)?.[1];
  if (!jar) return undefined;
  const found = log.filter((e) => {
    const age = daysBetween(e.dateOfService, refDate);
    return (
      e.patientKey === input.patientKey &&
      e.encounterId !== input.hostEncounterId &&
      (e.pieces ?? 0) >= 2 &&
      same(e.label, jar) &&
      (age === undefined || (age >= 0 && age <= windowDays))
    );
  });
  const entry = found.length === 1 ? found[0] : undefined;
  if (!entry) return undefined;
  const sameDay = !!input.report.collectedDate && input.report.collectedDate === entry.dateOfService;
  return { kind: 'matched', candidate: { entry, site: 'same', sameDay, dateUnverified: daysBetween(entry.dateOfService, refDate) === undefined, part: true } };
}

/**
 * No specimen carries the report's label. When the report was collected on a visit's date of
 * service, names a site, and exactly one still-open specimen of that visit sits at the same site,
 * the labels were most likely written differently (the note numbered what the lab lettered): link
 * it, flagged for the user to confirm. Anything less certain stays unlinked.
 */
function byDateAndSite(input: ReportToMatch, log: readonly SpecimenLogEntry[]): MatchResult {
  const { report } = input;
  const siteText = report.siteText ?? input.siteText;
  if (!report.collectedDate || !siteText) return { kind: 'none' };
  const open = log.filter(
    (e) =>
      e.patientKey === input.patientKey &&
      e.encounterId !== input.hostEncounterId &&
      !e.result &&
      e.dateOfService === report.collectedDate &&
      compareSites(e.site, siteText) === 'same',
  );
  if (open.length !== 1) return { kind: 'none' };
  return { kind: 'matched', candidate: { entry: open[0] as SpecimenLogEntry, site: 'same', sameDay: true, dateUnverified: false, labelMismatch: true } };
}
