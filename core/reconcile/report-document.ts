import type { Encounter, PathologyReport, Unread } from '../model';
import { accessionCount, parsePathology } from '../parse/pathology';
import { plainText } from '../parse/plain-text';

/**
 * A standalone pathology report (a lab's result page, a pasted or saved report) is not a visit:
 * its "A. Skin, left shin, punch biopsy: …" lines name the procedure that took the tissue, they do
 * not document one done today. The note parser reads any text as a visit, so a report document is
 * recognised here and re-read as one pathology section: reports only, no procedures, no specimens.
 */

const REPORT_MARKERS: RegExp[] = [
  /\b(?:dermato|histo|surgical\s+)?patholog(?:y|ist)\b|\bderm\s*path\b/i,
  /\b(?:final|pathologic(?:al)?|microscopic|histopathologic)\s+diagnos[ie]s\b/i,
  /\b(?:date\s+)?(?:signed(?:\s+out)?|sign[- ]?out|electronically\s+signed|reported|finali[sz]ed|verified)\b[^\n\d]{0,20}\d{1,4}[/.-]\d{1,2}/i,
  /\b(?:collected|date\s+(?:of\s+)?(?:procedure|collection)|received|accession(?:\s+(?:no|number|#))?)\b[^\n\d]{0,20}\d/i,
  /\b(?:gross\s+description|gross\b\s*(?::\s*)?$|microscopic(?:\s+description)?|received\s+in\s+formalin|entirely\s+submitted|cassettes?)\b/im,
  /^\s*(?:specimen\s+|part\s+)?[A-Z][.):]\s*skin,\s/im,
  // A synoptic report's specimen fields: "Specimen Part: A", "Specimen Site: Skin, left upper back".
  /^[ \t]*(?:specimen(?:\s+(?:part|site|source|id))?|part|source)\s*[:#]\s*(?:[A-Z\d]{1,2}[ \t]*$|skin,)/im,
];

/** Words of a clinician's visit or procedure note that a lab report does not contain. */
const VISIT_MARKERS =
  /\b(?:consent(?:ed)?|anesthe\w*|lidocaine|lido\b|hemostasis|alcl3|aluminum\s+chloride|drysol|electrocautery|cautery|bandage|vaseline|petrolatum|tolerated|wound\s+care|closed\s+with|prepped|timeout|time-out|chief\s+complaint|hpi\b|history\s+of\s+present|review\s+of\s+systems|assessment|a\/p\b|plan\s*:|return\s+(?:to\s+clinic|in)\b|rtc\b|follow[- ]?up\s+in\b|e\/m\b|9921\d|9920\d)/i;

/** Fields of a procedure note ("Procedure: Excision…", "Specimen A to in-house dermpath"). */
const PROCEDURE_FIELDS: RegExp[] = [
  /^[ \t]*(?:procedures?(?:\s+performed)?|repair|closure|pre-?op(?:erative)?(?:\s+(?:dx|diagnosis))?|post-?op(?:erative)?(?:\s+(?:dx|diagnosis))?|indications?|anesthesia|technique|lesion|location|size)\s*:/im,
  /\bspecimens?\b[^.\n]{0,30}(?:\bto\b|->|→|\bsent\b|\bsubmitted\s+to\b)[^.\n]{0,40}\b(?:path\w*|dermpath|derm\s+path|lab(?:oratory)?|dermatopathology|diagnostics)\b/i,
  /\bexcised\s+diameter\b/i,
  /\bdate\s+of\s+service\b|^[ \t]*DOS\s*[:#]|^[ \t]*DOS[ \t]+\d/im,
  // "All to in-house dermpath.", "Both sent to path": where the visit's specimens went.
  /\b(?:all|both|each)\s+(?:(?:were|was)\s+)?(?:sent\s+|submitted\s+)?to\s+(?:the\s+|our\s+)?(?:in[- ]house\s+|outside\s+)?(?:path\w*|dermpath|derm\s+path|dermatopathology|lab)\b/i,
];

export function looksLikePathologyReport(text: string): boolean {
  if (typeof text !== 'string' || text.trim().length === 0) return false;
  const t = text.length > 60_000 ? text.slice(0, 60_000) : text;
  if (VISIT_MARKERS.test(t)) return false;
  const score = REPORT_MARKERS.filter((re) => re.test(t)).length;
  // A synoptic lab report may carry one procedure-like field ("Procedure: Shave biopsy"); a visit
  // note with a pasted report has several (procedure, repair, specimen sent, excised diameter, DOS).
  const fields = PROCEDURE_FIELDS.filter((re) => re.test(t)).length;
  return fields === 0 ? score >= 2 : fields === 1 && score >= 4;
}

/**
 * The encounter to code for `text` when it is a standalone pathology report, else undefined
 * (the parsed visit stands). Keeps the parser's id, patient key and initials.
 */
export function reportDocumentEncounter(raw: string, parsed: Encounter): Encounter | undefined {
  // Read as the parser read it (core/parse/plain-text.ts).
  const text = plainText(raw);
  // The parser already read it as reports only: keep its reading (with the lone label fixed).
  if (isReportOnly(parsed)) {
    // The parser's report section may start at the specimen list, leaving a consultation's preamble
    // ("paraffin block received in consultation; recuts … immunostains performed") in its header.
    // When the whole document reads as a report with the same specimens, that reading is kept.
    const whole = looksLikePathologyReport(text) ? wholeDocumentReports(text) : undefined;
    // A cumulative printout (one accession per case) read whole keeps every case, where the parser's
    // section (from the first specimen line) merged the cases' same-lettered specimens.
    const cumulative =
      !!whole &&
      accessionCount(text) >= 2 &&
      whole.reports.length > parsed.pathology.length &&
      parsed.pathology.every((r) => whole.reports.some((w) => w.specimenLabel === r.specimenLabel));
    const same =
      whole &&
      (cumulative ||
        (whole.reports.length === parsed.pathology.length && whole.reports.every((r, k) => r.specimenLabel === parsed.pathology[k]?.specimenLabel)));
    const reports = same ? whole.reports : parsed.pathology.map((r) => ({ ...r }));
    const unread = same ? [...parsed.unread.filter((u) => !PATHOLOGY_UNREAD.test(u.reason)), ...whole.unread] : [...parsed.unread];
    nameLoneSpecimen(reports, unread, text);
    const dateOfService = parsed.visit.dateOfService ?? earliestReportDate(reports);
    const sections = same ? { ...parsed.sections, [whole.name]: whole.body } : parsed.sections;
    return { ...parsed, visit: { ...parsed.visit, ...(dateOfService ? { dateOfService } : {}) }, pathology: reports, unread, sections };
  }
  if (!looksLikePathologyReport(text)) return undefined;
  const body = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const name = 'pathology report';
  const unread: Unread[] = [];
  const reports = parsePathology({ name, role: 'pathology', start: 0, text: body }, (start, end) => ({ section: name, start, end }), unread);
  if (reports.length === 0) return undefined;
  nameLoneSpecimen(reports, unread, body);
  const dateOfService = earliestReportDate(reports) ?? parsed.visit.dateOfService;
  return {
    ...parsed,
    visit: { problems: [], ...(dateOfService ? { dateOfService } : {}) },
    lesions: [],
    procedures: [],
    specimens: [],
    pathology: reports,
    enteredCharges: [],
    unread: [...parsed.unread.filter((u) => /decoded as/.test(u.reason)), ...unread],
    sections: { [name]: body },
  };
}

/** What parsePathology itself reports as unread: replaced by the whole document's own reading. */
const PATHOLOGY_UNREAD = /^(?:stain or immunostain not attributed to a specimen|pathology specimen label not documented)$/;

/** The whole text read as one pathology section. */
function wholeDocumentReports(text: string): { reports: PathologyReport[]; unread: Unread[]; name: string; body: string } {
  const body = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const name = 'pathology report';
  const unread: Unread[] = [];
  const reports = parsePathology({ name, role: 'pathology', start: 0, text: body }, (start, end) => ({ section: name, start, end }), unread);
  return { reports, unread, name, body };
}

/** A report document is dated from its earliest collection (else signing) date. */
function earliestReportDate(reports: readonly PathologyReport[]): string | undefined {
  return reports
    .map((r) => r.collectedDate ?? r.signedDate)
    .filter((d): d is string => !!d)
    .sort()[0];
}

/** A document that only carries pathology reports: nothing performed, no specimens of its own. */
export function isReportOnly(encounter: Encounter): boolean {
  return (
    encounter.pathology.length > 0 && encounter.specimens.length === 0 && !encounter.procedures.some((p) => p.status === 'performed') && !encounter.visit.emCode
  );
}

/**
 * One diagnosis under a heading, one specimen named above it ("Specimen B: Skin, …" then
 * "FINAL DIAGNOSIS: …"): the report is that specimen's, not a guessed 'A'. True when fixed.
 */
function nameLoneSpecimen(reports: PathologyReport[], unread: Unread[], body: string): boolean {
  const head = body.length > 20_000 ? body.slice(0, 20_000) : body;
  const named = [...new Set([...head.matchAll(/\bspecimen\s*(?:(?:#|:)\s*)?([A-Z])\b(?=\s*[:.)-])/gi)].map((m) => (m[1] as string).toUpperCase()))];
  const guessed = unread.filter((u) => u.reason === 'pathology specimen label not documented');
  if (reports.length !== 1 || guessed.length !== 1 || named.length !== 1) return false;
  (reports[0] as PathologyReport).specimenLabel = named[0] as string;
  unread.splice(unread.indexOf(guessed[0] as Unread), 1);
  return true;
}
