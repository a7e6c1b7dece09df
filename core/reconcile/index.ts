import { type CodeOptions, codeEncounter } from '../engine';
import type { ClaimDraft, ClaimLine, Encounter, Finding, PathologyReport, ProcedureKind, Settings, SpecimenSummary } from '../model';
import { daysBetween, latestDate } from './dates';
import { findFollowUp, NEEDS_FOLLOW_UP, type PatientDoc } from './follow-up';
import { type Candidate, DEFAULT_MATCH_WINDOW_DAYS, matchReport } from './match-report';
import { isReportOnly } from './report-document';
import { RECONCILE_RULE } from './rules';
import { hasOwnSpecimen, pushStatus, reportDate, type SpecimenLogEntry, sourceName, specimensOf } from './specimen-log';

export { matchReport } from './match-report';
export { looksLikePathologyReport, reportDocumentEncounter } from './report-document';
export { RECONCILE_RULE, reconcileRules } from './rules';
export type { SpecimenLogEntry } from './specimen-log';
export { specimensOf } from './specimen-log';

export interface BatchItem {
  encounter: Encounter;
  /** What the user calls this document (the file name in the CLI); shown in link findings. */
  name?: string;
}

export interface ReconcileOptions extends CodeOptions {
  /** ISO date aging is measured against; default: the latest date seen in the batch. */
  today?: string;
  /** Days after a visit within which a report may match; default Settings.pathologyMatchWindowDays ?? 60. */
  windowDays?: number;
}

export interface ReportLink {
  kind: 'matched' | 'ambiguous' | 'conflict';
  label: string;
  /** Index of the item that carried the report. */
  reportItem: number;
  /** Index of the visit(s) whose specimen it matched (several when ambiguous or conflicting). */
  visitItems: number[];
  /** The specimen log entry it resolved (matched links only). */
  entryId?: string;
}

export interface BatchResult {
  /** One draft per item, in input order. */
  drafts: ClaimDraft[];
  /** Every logged specimen with its final status and history. */
  log: SpecimenLogEntry[];
  links: ReportLink[];
  today?: string;
}

/** The pathology family's id for a report with no documented specimen (core/rules/pathology.ts). */
const UNKNOWN_SPECIMEN = 'pathology/report-for-unknown-specimen';

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toUpperCase() === b.toUpperCase();

/** First clause of a diagnosis, lower-cased when the lab shouts ("BASAL CELL CARCINOMA, nodular" → "basal cell carcinoma"). */
/** Results from least to most serious: a container of several parts keeps the last one found here. */
const SERIOUSNESS: readonly PathologyReport['behavior'][] = [
  'unknown',
  'nondiagnostic',
  'inflammatory',
  'infectious',
  'benign',
  'premalignant',
  'uncertain',
  'in-situ',
  'malignant',
];

function shortDx(report: PathologyReport): string {
  const first = (report.diagnosisText.split(/[,.;(]/)[0] ?? report.diagnosisText).trim().slice(0, 80);
  return first === first.toUpperCase() ? first.toLowerCase() : first;
}

/**
 * Codes several encounters together. Encounters sharing a patientKey are linked: every specimen
 * charted at a visit is logged, and pathology reports found in other documents of the same patient
 * (a report file, a result page, a later note) are matched to it by label, date window and site.
 * A matched report is merged into its visit, which is coded again (held lines become ready, an
 * excision is re-coded benign/malignant); the document that carried it bills nothing for it.
 * An encounter without a patientKey is never linked. Returns one draft per item, in input order.
 */
export function codeBatch(items: readonly BatchItem[], settings: Settings, options: ReconcileOptions = {}): ClaimDraft[] {
  return reconcileBatch(items, settings, options).drafts;
}

export function reconcileBatch(items: readonly BatchItem[], settings: Settings, options: ReconcileOptions = {}): BatchResult {
  const windowDays = options.windowDays ?? settings.pathologyMatchWindowDays ?? DEFAULT_MATCH_WINDOW_DAYS;
  // Ids must be unique inside the batch (the CLI names encounters by file basename).
  const seen = new Map<string, number>();
  for (const it of items) seen.set(it.encounter.id, (seen.get(it.encounter.id) ?? 0) + 1);
  const encounters: Encounter[] = items.map((it, i) =>
    (seen.get(it.encounter.id) ?? 0) > 1 ? { ...it.encounter, id: `${it.encounter.id}#${i + 1}` } : it.encounter,
  );
  const sources = items.map((it) => sourceName(it.encounter, it.name));
  const indexOf = new Map(encounters.map((e, i) => [e.id, i]));
  const reportOnly = encounters.map((e) => isReportOnly(e));
  const extra: Finding[][] = items.map(() => []);
  const originals: Encounter[] = items.map((it) => withReportDate(it.encounter));

  // 1. The specimen log: every specimen charted at a visit.
  const log: SpecimenLogEntry[] = encounters.flatMap((e, i) => specimensOf(e, sources[i]));
  const entriesOf = (i: number) => log.filter((x) => x.encounterId === (encounters[i] as Encounter).id);

  // 2. Reports a document carries for specimens that are not its own (collected before its visit, or no such label).
  const pending: { host: number; report: PathologyReport; date?: string }[] = [];
  encounters.forEach((e, host) => {
    if (!e.patientKey) return;
    const dos = e.visit.dateOfService;
    for (const report of e.pathology) {
      // Today's specimen cannot have been collected, or its report signed, before today.
      const own =
        hasOwnSpecimen(e, report.specimenLabel) &&
        (!report.collectedDate || !dos || report.collectedDate >= dos) &&
        (!report.signedDate || !dos || report.signedDate >= dos);
      if (!own) pending.push({ host, report, date: report.collectedDate ?? report.signedDate ?? dos });
    }
  });
  pending.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.host - b.host);

  const foreign = new Set(pending.map((p) => p.report));
  /** Records a result written in the visit's own note (the amended one wins). */
  const noteResult = (i: number, entry: SpecimenLogEntry, keep: (r: PathologyReport) => boolean) => {
    const e = encounters[i] as Encounter;
    const own = e.pathology.filter((r) => same(r.specimenLabel, entry.label) && keep(r));
    const report = own.find((r) => r.amended) ?? own.at(-1);
    if (!report) return;
    const date = reportDate(report, e.visit.dateOfService);
    entry.result = { report, fromEncounterId: items[i]?.encounter.id ?? e.id, fromSource: sources[i] as string, ...(date ? { date } : {}), linked: false };
    pushStatus(entry, 'resulted', `result in the note: ${shortDx(report)}`, date);
  };

  // 2b. Results documented in the visit's own note (before matching: such a specimen is not open).
  encounters.forEach((_, i) => {
    for (const entry of entriesOf(i)) {
      if (entry.result) continue;
      noteResult(i, entry, (r) => !foreign.has(r) && !r.notReceived);
    }
  });

  // 3. Match in date order, one report at a time (a matched specimen is no longer open).
  const moved = items.map(() => new Set<PathologyReport>());
  const added: PathologyReport[][] = items.map(() => []);
  const links: ReportLink[] = [];
  for (const p of pending) {
    const host = encounters[p.host] as Encounter;
    const siteText = p.report.siteText ?? specimenSiteInText(host, p.report.specimenLabel);
    const result = matchReport(
      { report: p.report, patientKey: host.patientKey, hostEncounterId: host.id, hostDate: host.visit.dateOfService, ...(siteText ? { siteText } : {}) },
      log,
      windowDays,
    );
    const label = p.report.specimenLabel;
    const hostName = sources[p.host] as string;
    if (result.kind === 'matched' && p.report.notReceived) {
      // The lab never got this part: no result; the visit (and the report, which keeps it) say it was lost.
      const { entry } = result.candidate;
      added[indexOf.get(entry.encounterId) as number]?.push({ ...p.report, specimenLabel: entry.label });
      continue;
    }
    if (result.kind === 'matched') {
      const { entry } = result.candidate;
      const earlier = entry.result?.report;
      // A supplement (an addendum adding only stains) has no diagnosis to disagree with.
      const part = result.candidate.part === true;
      if (earlier && !part && !p.report.amended && !earlier.amended && !p.report.supplement && !earlier.supplement && earlier.behavior !== p.report.behavior) {
        // Two results that disagree on behavior, neither marked amended: the later one is used, the user checks.
        const twoResults: Finding = {
          severity: 'warning',
          rule: RECONCILE_RULE.conflict,
          message: `Specimen ${entry.label} of ${entry.source} has two different results: ${shortDx(earlier)} (${earlier.behavior}, from ${entry.result?.fromSource}) and ${shortDx(p.report)} (${p.report.behavior}, from ${hostName}). The later one was used.`,
          target: entry.label,
          fix: 'Check which report is final (an amended or corrected report replaces the original).',
        };
        extra[p.host]?.push(twoResults);
        extra[indexOf.get(entry.encounterId) as number]?.push(twoResults);
      }
      const v = indexOf.get(entry.encounterId) as number;
      moved[p.host]?.add(p.report);
      // Linked across a label difference: the visit reads the report under its own label.
      const merged = part
        ? { ...p.report, specimenLabel: entry.label, part: label }
        : result.candidate.labelMismatch
          ? { ...p.report, specimenLabel: entry.label }
          : p.report;
      // Parts of one container are one specimen (§7.2): the container keeps its most serious part's result.
      const keepEarlier = part && earlier && SERIOUSNESS.indexOf(earlier.behavior) >= SERIOUSNESS.indexOf(p.report.behavior);
      if (part) {
        const partsFinding: Finding = {
          severity: 'warning',
          rule: RECONCILE_RULE.containerParts,
          message: `Report part ${label} (${shortDx(p.report)}, ${p.report.behavior}) is part of container ${entry.label} of ${entry.source}, which holds ${entry.pieces} procedures' tissue not told apart: one specimen is billed, with its most serious result; each lesion takes the part at its site.`,
          target: entry.label,
          fix: "Check each lesion's diagnosis against its part; if the pieces were inked or tagged apart, document it and each is its own specimen.",
        };
        extra[v]?.push(partsFinding);
        extra[p.host]?.push(partsFinding);
      }
      if (keepEarlier) {
        // Each part stays on the visit for its own lesion's diagnosis; the most serious one stays last (the container's).
        const k = added[v]?.indexOf(earlier) ?? -1;
        if (k >= 0) added[v]?.splice(k, 0, merged);
        moved[p.host]?.add(p.report);
        extra[p.host]?.push({
          severity: 'info',
          rule: RECONCILE_RULE.reportLinked,
          message: `Report for specimen ${label} linked to ${entry.source}, container ${entry.label}: its interpretation is billed on that visit's claim, not again here.`,
          target: label,
        });
        continue;
      }
      added[v]?.push(merged);
      const date = reportDate(p.report, host.visit.dateOfService);
      entry.result = {
        // The specimen keeps its diagnosis when a supplement only adds stains (the engine adds them).
        report: p.report.supplement && earlier && !earlier.supplement ? earlier : merged,
        fromEncounterId: items[p.host]?.encounter.id ?? host.id,
        fromSource: hostName,
        ...(date ? { date } : {}),
        linked: true,
      };
      pushStatus(entry, 'resulted', `result linked from ${hostName}: ${shortDx(p.report)}`, date);
      links.push({ kind: 'matched', label, reportItem: p.host, visitItems: [v], entryId: entry.id });
      const billedWhere =
        settings.pathology === 'external' || entry.destination === 'external'
          ? 'the outside lab bills the interpretation'
          : "its interpretation is billed on that visit's claim, not again here";
      extra[p.host]?.push({
        severity: 'info',
        rule: RECONCILE_RULE.reportLinked,
        message: `Report for specimen ${label} linked to ${entry.source}${entry.dateOfService ? ` (DOS ${entry.dateOfService})` : ''}, specimen ${entry.label}: ${billedWhere}.`,
        target: label,
      });
      if (result.candidate.labelMismatch) {
        const mismatch: Finding = {
          severity: 'warning',
          rule: RECONCILE_RULE.labelMismatch,
          message: `Report for specimen ${label} (from ${hostName}) linked to specimen ${entry.label} of ${entry.source}: no specimen ${label} is charted, and it is the only open specimen collected that day at the same site (${siteText}).`,
          target: entry.label,
          fix: `Confirm that the lab's specimen ${label} is the note's specimen ${entry.label}; correct the label in the note or the report.`,
        };
        extra[p.host]?.push(mismatch);
        extra[v]?.push(mismatch);
      }
      extra[v]?.push({
        severity: 'info',
        rule: RECONCILE_RULE.resultLinked,
        message: `Specimen ${entry.label}: result linked from ${hostName}${date ? ` (${date})` : ''}: ${shortDx(p.report)} (${p.report.behavior}).${
          result.candidate.dateUnverified ? ' A date was missing, so the date window could not be checked.' : ''
        }${result.candidate.site === 'near' ? ` The report's site ("${p.report.siteText}") differs slightly from the charted site.` : ''}`,
        target: entry.label,
        ...(result.candidate.dateUnverified || result.candidate.site === 'near' ? { fix: 'Confirm the report belongs to this specimen.' } : {}),
      });
      continue;
    }
    if (result.kind === 'ambiguous' || result.kind === 'conflict') {
      const visits = [...new Set(result.candidates.map((c) => indexOf.get(c.entry.encounterId) as number))];
      links.push({ kind: result.kind, label, reportItem: p.host, visitItems: visits });
      const where = (c: Candidate) =>
        `${c.entry.source}${c.entry.dateOfService ? ` (DOS ${c.entry.dateOfService})` : ''}${c.entry.site ? ` at ${c.entry.site.text}` : ''}`;
      const finding: Finding =
        result.kind === 'ambiguous'
          ? {
              severity: 'warning',
              rule: RECONCILE_RULE.ambiguous,
              message: `Report for specimen ${label} (from ${hostName}) could belong to ${result.candidates.length} open specimens ${label}: ${result.candidates.map(where).join('; ')}. Not linked; its interpretation is held until you pick one.`,
              target: label,
              fix: 'Pick the visit this report belongs to (check the collection date and site on the report).',
            }
          : {
              severity: 'warning',
              rule: RECONCILE_RULE.conflict,
              message: `Report for specimen ${label} (from ${hostName}${p.report.siteText ? `, site "${p.report.siteText}"` : ''}) contradicts the charted site of specimen ${label} at ${result.candidates.map(where).join('; ')}. Not linked; its interpretation is held until checked.`,
              target: label,
              fix: 'Check the specimen label and site with the lab (mislabeled specimen or a report filed to the wrong patient/visit).',
            };
      extra[p.host]?.push(finding);
      for (const v of visits) if (v !== p.host) extra[v]?.push(finding);
    }
  }

  // A report document whose report found no visit: it codes its own interpretation (the report proves the work), flagged.
  encounters.forEach((e, i) => {
    if (!reportOnly[i]) return;
    for (const report of e.pathology) {
      if (report.notReceived || moved[i]?.has(report) || links.some((l) => l.reportItem === i && same(l.label, report.specimenLabel))) continue;
      extra[i]?.push({
        severity: 'warning',
        rule: UNKNOWN_SPECIMEN,
        message: `Pathology report for specimen ${report.specimenLabel || '(no label)'} matches no charted specimen${
          e.patientKey ? " among this patient's documents" : ' (the report shows no patient identity, so it cannot be linked)'
        }: ${
          report.reviewed
            ? 'a result this visit reviews; its pathology belongs to the claim of the visit that took the tissue'
            : settings.pathology === 'external'
              ? 'the outside lab bills its interpretation'
              : 'its interpretation is coded on this report'
        }.`,
        target: report.specimenLabel,
        fix: 'Code it with the visit that took the specimen (check the patient, the specimen label and the collection date), or confirm it is billed here.',
        ...(report.span ? { span: report.span } : {}),
      });
    }
  });

  // 4. A quoted report that found no earlier specimen stays in its note: the engine reads it as this visit's.
  encounters.forEach((_, i) => {
    for (const entry of entriesOf(i)) if (!entry.result) noteResult(i, entry, (r) => !moved[i]?.has(r) && !r.notReceived);
  });

  // 5. Code every document with its own reports plus the ones linked to it.
  const drafts: ClaimDraft[] = encounters.map((e, i) => {
    const kept = e.pathology.filter((r) => !moved[i]?.has(r));
    const linked = added[i] ?? [];
    const original = originals[i] as Encounter;
    const final = codeEncounter({ ...original, pathology: [...kept, ...linked] }, settings, options);
    if (linked.length > 0) {
      const before = codeEncounter({ ...original, pathology: kept }, settings, options);
      extra[i]?.push(...changedLines(before.lines, final.lines, linked));
    }
    return { ...final, encounterId: original.id };
  });

  // 6. Final statuses from the claims: billed (interpretation line ready, or the outside lab bills) or unbilled.
  encounters.forEach((_, i) => {
    const draft = drafts[i] as ClaimDraft;
    for (const entry of entriesOf(i)) {
      const summary = draft.specimens.find((s) => same(s.label, entry.label));
      const external = settings.pathology === 'external' || entry.destination === 'external';
      const interp = draft.lines.find((l) => isInterpretation(l) && l.specimenLabels.some((x) => same(x, entry.label)));
      const status = summary?.status ?? (entry.result ? (external || interp?.status === 'ready' ? 'billed' : 'unbilled') : 'sent');
      if (status === 'billed')
        pushStatus(
          entry,
          'billed',
          external ? 'billed by the outside lab' : `interpretation ${interp?.code ?? ''} on ${entry.source}`.trim(),
          entry.result?.date,
        );
      else if (status === 'unbilled') pushStatus(entry, 'unbilled', 'resulted, but no interpretation line on any claim', entry.result?.date);
      else if (status !== 'sent') pushStatus(entry, status, 'engine status', entry.result?.date);
    }
  });

  // 7. Aging, against an injectable "today" (default: the latest date in the batch).
  const today = options.today ?? latestDate(encounters.flatMap((e) => [e.visit.dateOfService, ...e.pathology.flatMap((r) => [r.signedDate, r.collectedDate])]));
  for (const entry of log) {
    if (entry.result) continue;
    const age = daysBetween(entry.dateOfService, today);
    if (age === undefined) continue;
    entry.ageDays = age;
    if (age <= settings.pathologyAgingDays) continue;
    entry.aging = true;
    extra[indexOf.get(entry.encounterId) as number]?.push({
      severity: 'warning',
      rule: RECONCILE_RULE.aging,
      message: `Specimen ${entry.label}${entry.site ? ` (${entry.site.text})` : ''}: no pathology result ${age} days after the visit (limit ${settings.pathologyAgingDays} days).`,
      target: entry.label,
      fix: 'Call the lab for the result, or attach the report to this visit.',
    });
  }

  /** Procedures that treat a skin cancer at the visit that biopsied it (§2.3 biopsy + C&D, §6.3 biopsy then Mohs). */
  const TREATS_TUMOUR: readonly ProcedureKind[] = ['destruction-malignant', 'destruction-unspecified', 'mohs'];
  // 8. Malignant, in-situ or uncertain results need documented follow-up (patient safety: it stays until documented).
  const docsOf = (patientKey: string | undefined, i: number): PatientDoc[] =>
    encounters
      .map((e, k) => ({ encounter: e, source: sources[k] as string, k }))
      .filter((d) => (patientKey ? d.encounter.patientKey === patientKey : d.k === i));
  for (const entry of log) {
    const report = entry.result?.report;
    if (!report || !NEEDS_FOLLOW_UP.includes(report.behavior)) continue;
    // An excision is itself the treatment: only involved or close margins leave something to do.
    const treated =
      (entry.procedureKind === 'excision' || entry.procedureKind === 'hidradenitis-excision') && report.margins !== 'involved' && report.margins !== 'close';
    if (treated) continue;
    const i = indexOf.get(entry.encounterId) as number;
    // "Shave biopsy (A) and then ED&C of the same lesion", a biopsy then Mohs of it: the visit treated the lesion it sampled.
    const lesion = entry.lesionLabel?.toUpperCase();
    const treatedToday = encounters[i]?.procedures.some(
      (q) => q.status === 'performed' && TREATS_TUMOUR.includes(q.kind) && q.lesionLabels.some((l) => l.toUpperCase() === lesion),
    );
    if (lesion && treatedToday) continue;
    const found = findFollowUp(entry, docsOf(entry.patientKey, i));
    entry.followUp = { documented: !!found, ...(found ? { evidence: found.evidence, source: found.source } : {}) };
    if (found) continue;
    extra[i]?.push({
      severity: 'warning',
      rule: RECONCILE_RULE.noFollowUp,
      message: `Specimen ${entry.label}: ${report.behavior} result (${shortDx(report)}) with no documented follow-up (treatment scheduled, referral, or results discussed with the patient).`,
      target: entry.label,
      fix: 'Document the plan for this result (e.g. Mohs/re-excision scheduled, referral, results discussed with the patient).',
    });
  }

  // 8b. A malignant result in a report that matched no visit needs its follow-up too (it lives on the report).
  encounters.forEach((e, i) => {
    if (!reportOnly[i]) return;
    for (const report of e.pathology) {
      if (moved[i]?.has(report) || !NEEDS_FOLLOW_UP.includes(report.behavior)) continue;
      const date = report.collectedDate ?? report.signedDate ?? e.visit.dateOfService;
      const pseudo: SpecimenLogEntry = {
        id: `${e.id}|${report.specimenLabel}`,
        encounterId: e.id,
        source: sources[i] as string,
        label: report.specimenLabel,
        ...(report.siteText ? { site: { text: report.siteText } } : {}),
        ...(date ? { dateOfService: date } : {}),
        destination: 'unknown',
        status: 'resulted',
        aging: false,
        history: [],
      };
      if (findFollowUp(pseudo, docsOf(e.patientKey, i))) continue;
      extra[i]?.push({
        severity: 'warning',
        rule: RECONCILE_RULE.noFollowUp,
        message: `Specimen ${report.specimenLabel || '(no label)'}: ${report.behavior} result (${shortDx(report)}) with no documented follow-up (treatment scheduled, referral, or results discussed with the patient).`,
        target: report.specimenLabel,
        fix: 'Document the plan for this result (e.g. Mohs/re-excision scheduled, referral, results discussed with the patient).',
      });
    }
  });

  // 9. Specimen summaries: the visit shows each specimen's final state; a report document shows what it resolved.
  const final = drafts.map((draft, i) => {
    const summaries: SpecimenSummary[] = draft.specimens.map((s) => ({ ...s }));
    for (const entry of entriesOf(i)) {
      let s = summaries.find((x) => same(x.label, entry.label));
      if (!s) {
        s = { label: entry.label, status: entry.status, ...(entry.site ? { site: entry.site.text } : {}) };
        summaries.push(s);
      }
      const report = entry.result?.report;
      if (report) {
        // The result the claim was coded with (amended, else the latest), like the engine's pathologyFor.
        s.diagnosis = report.diagnosisText;
        s.behavior = report.behavior;
        if (entry.result?.linked) s.linkedTo = entry.result.fromSource;
      }
      if (entry.aging) s.aging = true;
      if (entry.ageDays !== undefined && !entry.result) s.ageDays = entry.ageDays;
      if (entry.followUp) s.followUp = entry.followUp.documented ? 'documented' : 'missing';
    }
    for (const link of links.filter((l) => l.kind === 'matched' && l.reportItem === i)) {
      const entry = log.find((x) => x.id === link.entryId);
      if (!entry || summaries.some((x) => same(x.label, entry.label))) continue;
      const report = entry.result?.report as PathologyReport;
      summaries.push({
        label: entry.label,
        status: entry.status,
        ...(report.siteText ? { site: report.siteText } : entry.site ? { site: entry.site.text } : {}),
        diagnosis: report.diagnosisText,
        behavior: report.behavior,
        linkedTo: entry.source,
        ...(entry.followUp ? { followUp: entry.followUp.documented ? ('documented' as const) : ('missing' as const) } : {}),
      });
    }
    // A report document whose report could not be placed holds its own interpretation too: one of the
    // candidate visits or this report will bill it once the user decides, never two of them.
    const undecided = links.filter((l) => l.reportItem === i && l.kind !== 'matched' && reportOnly[i]).map((l) => l.label.toUpperCase());
    const lines = draft.lines.map((l) =>
      undecided.length > 0 && l.specimenLabels.some((x) => undecided.includes(x.toUpperCase())) ? { ...l, status: 'held-for-pathology' as const } : l,
    );
    // The engine may already flag an unknown specimen: never say it twice.
    const fresh = (extra[i] ?? []).filter(
      (f) => !draft.findings.some((g) => g === f || (g.rule === f.rule && g.target === f.target && f.rule === UNKNOWN_SPECIMEN)),
    );
    return { ...draft, lines, findings: [...draft.findings, ...fresh], specimens: summaries };
  });

  return { drafts: final, log, links, ...(today ? { today } : {}) };
}

/**
 * The site a report gives its specimen in a "SPECIMEN C: Skin, right shin, shave biopsy" line, when
 * the parsed report did not keep it (used only to compare sites).
 */
function specimenSiteInText(host: Encounter, label: string): string | undefined {
  if (!/^[A-Za-z0-9]{1,3}$/.test(label)) return undefined;
  const re = new RegExp(String.raw`(?:^|\n)[ \t]*(?:specimen|part|container|jar)[ \t]*#?[ \t]*${label}[ \t]*[:.)-][ \t]*([^\n]{3,160})`, 'i');
  for (const text of Object.values(host.sections)) {
    const m = re.exec(text.length > 100_000 ? text.slice(0, 100_000) : text);
    if (m?.[1]) return (m[1].split(/:\s/)[0] ?? m[1]).trim();
  }
  return undefined;
}

/** A report document dates from its specimens' collection (else its signature), so it is not flagged as undated. */
function withReportDate(e: Encounter): Encounter {
  if (e.visit.dateOfService || !isReportOnly(e)) return e;
  const dates = e.pathology.map((r) => r.collectedDate ?? r.signedDate).filter((d): d is string => !!d);
  const first = dates.sort()[0];
  return first ? { ...e, visit: { ...e.visit, dateOfService: first } } : e;
}

function isInterpretation(l: ClaimLine): boolean {
  return l.ruleIds.some((r) => r === 'pathology/level-per-specimen' || r === 'pathology/consultation');
}

/**
 * Lines that changed because a linked report arrived: a held line now ready, with the same code
 * (the pending benign code stands) or a new one (e.g. 11402 → 11602 once SCC is confirmed).
 * Pathology interpretation lines are covered by the link finding.
 */
function changedLines(before: readonly ClaimLine[], after: readonly ClaimLine[], linked: readonly PathologyReport[]): Finding[] {
  const out: Finding[] = [];
  const used = new Set<ClaimLine>();
  for (const b of before) {
    if (b.status !== 'held-for-pathology' || isInterpretation(b)) continue;
    const labels = [...b.specimenLabels, ...b.lesionLabels];
    const a =
      after.find(
        (x) => !used.has(x) && x.ruleIds[0] === b.ruleIds[0] && labels.some((l) => [...x.specimenLabels, ...x.lesionLabels].some((y) => same(y, l))),
      ) ?? after.find((x) => !used.has(x) && x.ruleIds[0] === b.ruleIds[0] && x.code === b.code);
    if (!a) continue;
    used.add(a);
    const report = linked.find((r) => b.specimenLabels.some((s) => same(s, r.specimenLabel))) ?? (linked.length === 1 ? linked[0] : undefined);
    const why = report ? `specimen ${report.specimenLabel}: ${shortDx(report)} (${report.behavior})` : 'linked pathology';
    if (a.code !== b.code) {
      const kind = report && ['malignant', 'in-situ'].includes(report.behavior) ? 'malignant' : 'benign';
      out.push({
        severity: 'info',
        rule: RECONCILE_RULE.recoded,
        message: `Re-coded after pathology: ${b.code} → ${a.code} (${why} → ${kind} excision code)${a.status === 'ready' ? ', now ready' : ''}.`,
        target: a.code,
      });
    } else if (a.status === 'ready') {
      out.push({
        severity: 'info',
        rule: RECONCILE_RULE.released,
        message: `${a.code} no longer held: ${why}; the code stands and the line is ready.`,
        target: a.code,
      });
    }
  }
  return out;
}
