import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { composePatient, dateOfServiceIn, firstText, identityFromText, identityOf, mergeIdentity } from './identity';
import { sectionsByHeadings } from './read';
import type { Scope } from './scope';

/**
 * Epic through EpicCare Link (https://<org-host>/EpicCareLink/…, view-only); Hyperspace runs in
 * Hyperdrive or Citrix, out of reach. No public selectors (emr-layouts.md §5): the page is known by its path (also in a
 * saved page's links), the report pane by likely names (and a viewer frame in it), the note split by its headings.
 */

const REPORT_PANES = ['#ReportContent', '.ecl-report-content', '[id*=reportcontent i]', '.report-content', '#ReportViewer', 'main'];

function reportRoots(scope: Scope): Element[] {
  for (const sel of REPORT_PANES) {
    const found = scope.all(sel);
    if (found.length > 0) return found;
  }
  return scope.doc.body ? [scope.doc.body] : [];
}

export const epicAdapter = defineAdapter({
  id: 'epic',
  name: 'Epic (EpicCare Link)',
  hosts: [],
  paths: [/\/EpicCareLink\//i],
  signature(scope) {
    if (/EpicCare\s*Link/i.test(scope.doc.title ?? '')) return true;
    return Boolean(scope.first('[href*="/EpicCareLink/" i],script[src*="/EpicCareLink/" i],form[action*="/EpicCareLink/" i]'));
  },
  sections(scope) {
    return reportRoots(scope).flatMap((root) => sectionsByHeadings(root, { leadName: 'Report header', frames: true }));
  },
  identity(scope) {
    const banner = scope.first('#PatientBanner,.ecl-banner,[class*=PatientBanner],[class*=patient-banner]');
    const bannerText = banner ? blockText(banner) : '';
    const name = firstText(scope, ['.ecl-patient-name', '[class*=PatientName]', '[class*=patient-name]']);
    const mrn = /\bMRN[\s:]*([A-Z0-9-]{3,})/i.exec(bannerText)?.[1];
    const report = reportRoots(scope)
      .map((r) => blockText(r, { maxChars: 3000 }))
      .join('\n');
    return mergeIdentity(
      identityOf(composePatient(name, mrn), dateOfServiceIn(report)),
      () => identityFromText(bannerText),
      () => identityFromText(report),
    );
  },
  sectionRoots(scope) {
    return reportRoots(scope);
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/epic/progress-note-mohs-nose.html (progress note: Mohs + complex repair)
 * - test/fixtures/emr/epic/visit-two-biopsies-charge-capture.html (note with a Charges list)
 * - test/fixtures/emr/epic/results-two-biopsies.html (the same patient's pathology result, linked)
 * - test/fixtures/emr/epic/results-three-specimens-table.html (specimens as a keyed table)
 * - test/fixtures/emr/epic/progress-note-addendum-wildcards.html (*** wildcards, addendum with the result)
 * - test/fixtures/emr/epic/procedures-activity-collapsible.html (Procedures activity: folded <details> records, one canceled)
 * - test/fixtures/emr/epic/notes-activity-collapsed-smarttext-blanks.html (Notes activity grid, folded sections, an all-*** SmartText block)
 * - test/fixtures/emr/epic/progress-note-smartlink-table-show-all.html (Show all)
 * - test/fixtures/emr/epic/progress-note-smarttext-preview-and-hide-copy.html
 * - test/fixtures/emr/epic/notes-activity-note-in-viewer-frame.html
 * - test/fixtures/emr/epic/procedure-record-question-answer-radios.html (Question | Answer table, radio answers)
 * - test/fixtures/emr/epic/progress-note-smartphrase-tables-merged-headers.html (SmartPhrase tables under merged title rows)
 * - test/fixtures/emr/epic/procedures-card-table-stacked-labels.html (card cells: a label stacked over its value)
 * - test/fixtures/emr/epic/progress-note-details-sections-wrap-up-charges.html (<details> sections, some folded; Wrap-up charge list)
 * - test/fixtures/emr/epic/procedure-note-laterality-location-fields.html (side in a Laterality field apart from the Location)
 * - test/fixtures/emr/epic/progress-note-excision-for-results-table.html (excision fields, then narrative)
 * - test/fixtures/emr/epic/results-components-final-diagnosis-row.html (Component | Value result)
 * - test/fixtures/emr/epic/encounters-list-with-open-visit-note.html (Encounters list)
 * - test/fixtures/emr/epic/progress-note-orders-future-and-canceled.html (Future orders)
 * - test/fixtures/emr/epic/smartform-procedure-note-hidden-smartlist-options.html
 */
