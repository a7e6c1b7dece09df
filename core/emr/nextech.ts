import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { composePatient, dateOfServiceIn, firstText, identityFromText, identityOf, mergeIdentity } from './identity';
import { type KnownSection, leftoverSections, readKnownSections, sectionsByHeadings } from './read';

/**
 * Nextech EHR on the web (IntelleChartPRO, app1.intellechart.net): an Angular chart of custom section
 * elements (chart-chart-section-history, -imp-plan with chart-impression / chart-plan, chart-follow-up;
 * emr-layouts.md §3). ICP is built for ophthalmology: the procedure, result and billing elements are
 * inferred, and the heading reader covers the rest. Nextech Practice / NexCloud sessions are pixels.
 */

/** "imp-plan" → "chart-chart-section-imp-plan": ICP's section elements. */
const icp = (names: string) => names.replace(/[\w-]+/g, 'chart-chart-section-$&');

const SECTIONS: readonly KnownSection[] = [
  { selector: icp('history'), name: 'History', role: 'other' },
  { selector: icp('v-and-p'), name: 'V & P', role: 'other' },
  { selector: icp('exam'), name: 'Exam', role: 'other' },
  { selector: icp('diagnostics'), name: 'Diagnostics', role: 'other' },
  // Inferred element names (dermatology content has no public sample).
  { selector: icp('procedures'), name: 'Procedures', role: 'procedure' },
  { selector: icp('results,pathology'), name: 'Pathology Results', role: 'pathology' },
  { selector: icp('imp-plan'), name: 'Imp/Plan', role: 'assessment' },
  { selector: icp('billing,coding'), name: 'Billing', role: 'charges' },
  { selector: 'chart-follow-up', name: 'Follow Up', role: 'other' },
  // A practice's card, titled by its mat-card-title.
  { selector: 'mat-card' },
];

export const nextechAdapter = defineAdapter({
  id: 'nextech',
  name: 'Nextech (IntelleChartPRO web)',
  hosts: ['*.intellechart.net'],
  paths: [/\/Eye\d*MVC\/Chart\//i],
  signature(scope) {
    return Boolean(
      scope.first(
        'chart-chart-section-imp-plan,chart-impression,chart-plan,chart-chart-section-history,chart-problem-list,[data-qa^=chart_exam_sectionNavItem]',
      ),
    );
  },
  sections(scope) {
    const known = readKnownSections(scope, SECTIONS);
    const root = scope.first('app-root') ?? scope.doc.body;
    if (!root) return known;
    const headingRoots = scope.roots.filter((r) => r !== scope.doc);
    if (known.length === 0) return sectionsByHeadings(root, { headingRoots });
    // A practice's own sections (a titled fieldset or card) sit outside the known elements: read them by their titles.
    return [...known, ...leftoverSections(scope, root, SECTIONS, headingRoots)];
  },
  identity(scope) {
    const name = firstText(scope, ['[data-test=patient-name]', '.patient-name']);
    const mrn = firstText(scope, ['[data-qa=chart_patientMrn]', '[data-test=patient-mrn]']);
    const visit = firstText(scope, ['[data-qa=chart_visitDate]', '.visit-date']);
    const banner = scope.first('chart-patient-banner,.patient-banner');
    return mergeIdentity(identityOf(composePatient(name, mrn), visit ? (dateOfServiceIn(visit) ?? visit) : undefined), () =>
      identityFromText(banner ? blockText(banner) : blockText(scope.doc.body, { maxChars: 5000 })),
    );
  },
  sectionRoots(scope) {
    const app = scope.first('app-root');
    return app ? [app] : [];
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/nextech/visit-excision-repair-warts.html (procedures + Imp/Plan)
 * - test/fixtures/emr/nextech/results-two-specimen-report.html (pathology results card)
 * - test/fixtures/emr/nextech/billing-ak-sixteen-overcoded.html (billing grid with wrong entered codes)
 * - test/fixtures/emr/nextech/visit-fieldset-legend-procedures.html (custom fieldset section outside the known elements)
 * - test/fixtures/emr/nextech/visit-procedure-table-rowspan.html (procedure table with a rowspan cell)
 * - test/fixtures/emr/nextech/op-note-excision-layered-repair.html (operative note card: Procedure(s) list, "Frozen sections: Not performed")
 * - test/fixtures/emr/nextech/op-note-mohs-stage-table-repair.html (mat-card)
 * - test/fixtures/emr/nextech/visit-resident-note-attending-attestation.html
 * - test/fixtures/emr/nextech/op-note-mohs-map-block-rows.html
 * - test/fixtures/emr/nextech/visit-bootstrap-label-value-rows.html (label / value column rows)
 * - test/fixtures/emr/nextech/visit-procedure-form-output-datalist-optgroup.html (<output>, read-only inputs, <datalist>, <optgroup>)
 * - test/fixtures/emr/nextech/visit-cryotherapy-site-count-table-total.html (lesions per site, a <tfoot> Total row)
 * - test/fixtures/emr/nextech/visit-procedure-grid-aria-label-values.html (CSS grid: icon column, values named by aria-label only)
 * - test/fixtures/emr/nextech/visit-lesion-grid-split-header-table.html (grid: column titles in a table of their own above the rows)
 * - test/fixtures/emr/nextech/procedure-card-radio-technique-closure.html (radio groups)
 * - test/fixtures/emr/nextech/results-mat-table-pas-stain.html
 * - test/fixtures/emr/nextech/visit-details-procedures-billing-margin-added.html
 */
