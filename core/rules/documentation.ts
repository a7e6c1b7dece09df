import type { Procedure } from '../model';
import { defineRule, type Rule } from './define-rule';

/** Rule id of the findings the engine makes from Encounter.unread (declared here for the catalog). */
export const COULD_NOT_READ = 'documentation/could-not-read';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const documentationCouldNotRead = defineRule({
  id: COULD_NOT_READ,
  family: 'documentation',
  phase: 'code',
  title: 'Text that looked like a procedure or fact but could not be read',
  explain:
    'When the parser finds words that look like a procedure, a size, a dose or a specimen but cannot turn them into facts, it keeps them as unread text instead of guessing. ' +
    'Each one becomes a warning so a person reads it: it may hide a billable service or a missing fact.',
  references: ['DermLens design: never guess silently'],
  status: 'stable',
  // The engine reports Encounter.unread after all rules run (core/engine.ts), so this rule only declares the id.
  apply() {},
});

export const documentationDateOfService = defineRule({
  id: 'documentation/date-of-service',
  family: 'documentation',
  phase: 'code',
  title: 'Date of service must be documented',
  explain:
    'The date of service decides which code set, global periods and payer rules apply (for example G2211 from 2024, the 2019 biopsy codes), and links specimens to later pathology reports. ' +
    'Without it DermLens applies the current rules and says so. The day a note was dictated or signed is not the date of service (notes are often dictated or signed later), so it is only named in the finding.',
  references: ['CMS-1500/837P: date of service is required per line'],
  status: 'stable',
  apply(ctx) {
    const dos = ctx.encounter.visit.dateOfService;
    if (!dos) {
      const dated = ctx.encounter.visit.noteDated;
      ctx.report({
        severity: 'warning',
        // "dictated 11/20/2026": the day the note was dictated or signed may be later than the visit; it is named, not used.
        message: dated
          ? `Date of service not documented; the note was ${dated.what} ${dated.date}, which may be later than the visit and was not used as the date of service: current-year coding rules were applied.`
          : 'Date of service not documented: current-year coding rules were applied.',
        fix: dated ? `Document the date of service (visit date), even when it is the ${dated.what} date.` : 'Document the date of service (visit date).',
      });
    } else if (!ISO_DATE.test(dos) || Number.isNaN(Date.parse(dos))) {
      ctx.report({
        severity: 'warning',
        message: `Date of service "${dos}" could not be read as a calendar date.`,
        fix: 'Document the date of service as a full date (e.g. 2026-10-14).',
      });
    }
  },
});

/** Procedures whose code (or its site-specific replacement) depends on the site. */
const SITE_CODED = new Set<Procedure['kind']>([
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'shave-removal',
  'excision',
  'destruction-malignant',
  'mohs',
  'repair',
]);

const SYSTEMIC = new Set<Procedure['kind']>(['injection', 'infusion', 'phototherapy']);

export const documentationLesionSite = defineRule({
  id: 'documentation/lesion-site',
  family: 'documentation',
  phase: 'code',
  title: 'Every treated lesion needs an anatomic site',
  explain:
    'The site decides the code family group (shave, excision, destruction, repair), site-specific codes and the ICD-10-CM code and laterality. ' +
    'A lesion with no site cannot be coded without guessing.',
  references: ['CPT integumentary site groupings', 'ICD-10-CM C44/D22/D23 site structure', 'reference §13.8'],
  status: 'stable',
  apply(ctx) {
    const performed = ctx.performed();
    for (const lesion of ctx.encounter.lesions) {
      if (lesion.site?.text || lesion.site?.key) continue;
      const procs = performed.filter((p) => p.lesionLabels.some((l) => l.toUpperCase() === lesion.label.toUpperCase()));
      // "Discussed excision vs ED&C once path returns": a lesion only planned for is not treated today.
      if (
        procs.length === 0 &&
        ctx.encounter.procedures.some((p) => p.status !== 'performed' && p.lesionLabels.some((l) => l.toUpperCase() === lesion.label.toUpperCase()))
      )
        continue;
      // A procedure that documents the site itself covers the lesion; a systemic drug or whole-body light treats no lesion;
      // a cosmetic service with no code is billed to the patient, where no site is asked for.
      if (procs.length > 0 && procs.every((p) => p.site?.text || p.site?.key || SYSTEMIC.has(p.kind) || p.kind === 'cosmetic-other')) continue;
      ctx.report({
        // Destruction counts, tags and injections are coded without the site: there it is a record to keep, not a code at stake.
        severity: procs.some((p) => SITE_CODED.has(p.kind)) ? 'warning' : 'info',
        message: `Lesion ${lesion.label}${lesion.clinicalDiagnosis ? ` (${lesion.clinicalDiagnosis})` : ''}: no anatomic site documented.`,
        target: lesion.label,
        fix: 'Document the site with side (e.g. "left dorsal forearm"): it selects the CPT site group and the ICD-10-CM site and laterality.',
        span: lesion.span,
      });
    }
    for (const p of performed) {
      if (p.site?.text || p.site?.key || p.lesionLabels.length > 0) continue;
      if (!SITE_CODED.has(p.kind)) continue;
      ctx.report({
        severity: 'warning',
        message: `${p.kind}${p.specimenLabel ? ` ${p.specimenLabel}` : ''}: no anatomic site documented.`,
        target: p.specimenLabel ?? p.kind,
        fix: 'Document the site with side: the code depends on it.',
        span: p.span,
      });
    }
  },
});

export const documentationSpecimenLabels = defineRule({
  id: 'documentation/duplicate-specimen-label',
  family: 'documentation',
  phase: 'code',
  title: 'Specimen labels must be unique within a visit',
  explain:
    'Each specimen label (A, B, 1, 2…) links a procedure to its pathology report and its pathology line. ' +
    'Two specimens with one label cannot be matched to their reports, so the wrong diagnosis could be linked to a line.',
  references: ['CAP specimen labeling requirements', 'DermLens specimen reconciliation'],
  status: 'stable',
  apply(ctx) {
    const seen = new Map<string, number>();
    for (const s of ctx.encounter.specimens) seen.set(s.label.toUpperCase(), (seen.get(s.label.toUpperCase()) ?? 0) + 1);
    const byProcedure = new Map<string, number>();
    for (const p of ctx.performed()) {
      if (!p.specimenLabel) continue;
      const k = p.specimenLabel.toUpperCase();
      byProcedure.set(k, (byProcedure.get(k) ?? 0) + 1);
    }
    const dupes = new Set<string>();
    for (const [k, n] of [...seen, ...byProcedure]) if (n > 1) dupes.add(k);
    for (const label of dupes) {
      // "Both biopsies in one container, labeled A": one jar on purpose, one specimen (§7.2), no clash of labels.
      const jar = ctx.encounter.specimens.find((s) => s.label.toUpperCase() === label);
      if (seen.get(label) === 1 && jar?.pieces && (byProcedure.get(label) ?? 0) <= jar.pieces) {
        ctx.report({
          severity: 'info',
          message: `Specimen ${label} holds the tissue of ${jar.pieces} procedures in one container: one specimen, one interpretation, unless the pieces were told apart (ink, suture) and examined separately.`,
          target: label,
          fix: 'If the pieces were inked or tagged apart for the lab, document it (e.g. "A1 inked blue, A2 inked black"); each is then its own specimen.',
        });
        continue;
      }
      ctx.report({
        severity: 'error',
        message: `Specimen label ${label} is used for more than one specimen in this visit.`,
        target: label,
        fix: 'Give each specimen its own label (A, B, C…) on the requisition and in the note.',
      });
    }
  },
});

export const documentationProcedureNotCoded = defineRule({
  id: 'documentation/procedure-not-coded',
  family: 'documentation',
  phase: 'check',
  title: 'A performed procedure produced no claim line',
  explain:
    'Every procedure documented as performed should end as a claim line, a line removed for a stated reason (bundled, not separately reportable), or a finding. ' +
    'This check lists performed procedures that produced none of these, for example an unlisted procedure or a kind DermLens does not code yet, so nothing is dropped silently.',
  references: ['DermLens design: never guess silently'],
  status: 'stable',
  apply(ctx) {
    const used = new Set<string>([...ctx.lines.flatMap((l) => l.procedureIds), ...ctx.removed.flatMap((r) => r.line.procedureIds)]);
    for (const p of ctx.performed()) {
      if (used.has(p.id)) continue;
      // Cosmetic-only services are reported by the cosmetic rules; unspecified biopsies by the biopsy rules.
      if (p.kind === 'cosmetic-other' || p.cosmetic || p.kind === 'biopsy-unspecified' || ctx.isExplained(p)) continue;
      const where = p.site?.text ? ` (${p.site.text})` : '';
      ctx.report({
        severity: p.kind === 'unlisted' ? 'warning' : 'info',
        message: `Performed ${p.kind}${where}${p.lesionLabels.length > 0 ? ` for ${p.lesionLabels.join(', ')}` : ''} produced no claim line; see the other findings for why, or code it by hand.`,
        target: p.specimenLabel ?? p.lesionLabels[0] ?? p.kind,
        fix:
          p.kind === 'unlisted'
            ? 'An unlisted code (17999, 64999, 96999) needs a description, a comparison code and the documentation attached.'
            : 'Check that the note documents what the code needs (technique, size, site, count), or code it by hand.',
        span: p.span,
      });
    }
  },
});

export const documentationRules: Rule[] = [
  documentationCouldNotRead,
  documentationDateOfService,
  documentationLesionSite,
  documentationSpecimenLabels,
  documentationProcedureNotCoded,
];
