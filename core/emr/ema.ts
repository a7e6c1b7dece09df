import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { composePatient, dateOfServiceIn, firstDateIn, firstText, identityFromText, identityOf, mergeIdentity } from './identity';
import { type KnownSection, leftoverSections, readKnownSections, sectionsByHeadings } from './read';
import type { Scope } from './scope';

/**
 * Modernizing Medicine EMA: one Angular single-page app per practice at
 * https://<firm>.ema.md (newer firms *.modmedapp.com), hash-routed
 * (#/practice/staff/patient/<id>/chart/…), no app frames or shadow roots.
 * Verified from public automation code (emr-layouts.md §1): the hosts, `a.po-visit-date`
 * visit links, `div.nav-tab.ngx-nav-tab[data-identifier]` chart tabs, `#patientsMenuNavTab`,
 * heavy use of `data-identifier`. Inferred: the visit-note section containers and their
 * titles, the Path/Labs result pane and the bill grid (Financials → Bills columns are second-hand).
 */

const CHART_ROOTS = ['[data-identifier=visit-note]', '[data-identifier=path-result-detail]', '[data-identifier=bill-detail]', 'main', '[role=main]'];

function chartRoots(scope: Scope): Element[] {
  const roots = CHART_ROOTS.flatMap((sel) => scope.all(sel));
  // Outermost only: a bill inside the visit view is read with the visit.
  return roots.filter((el, i) => !roots.some((other, j) => j !== i && other !== el && other.contains(el)));
}

const KNOWN: readonly KnownSection[] = [
  { selector: '[data-identifier=visit-note-header]', role: 'header', name: 'Visit header' },
  // Note sections carry data-identifier="note-section-<name>" and an <h4> title (inferred).
  { selector: '[data-identifier^=note-section-]' },
  { selector: '[data-identifier=path-result-detail]', role: 'pathology', name: 'Pathology result' },
  { selector: '[data-identifier=bill-line-items]', role: 'charges', name: 'Bill' },
];

export const emaAdapter = defineAdapter({
  id: 'ema',
  name: 'Modernizing Medicine EMA',
  hosts: ['*.ema.md', '*.modmedapp.com'],
  signature(scope) {
    return Boolean(
      scope.first('a.po-visit-date,#patientsMenuNavTab,div.nav-tab.ngx-nav-tab[data-identifier],[data-identifier^=pagination-],[data-identifier=visit-note]'),
    );
  },
  sections(scope) {
    const known = readKnownSections(scope, KNOWN);
    if (known.length === 0) return chartRoots(scope).flatMap((root) => sectionsByHeadings(root));
    // Titled parts of the chart outside the known containers (a practice's own note section): read by their titles.
    return [...known, ...chartRoots(scope).flatMap((root) => leftoverSections(scope, root, KNOWN))];
  },
  identity(scope) {
    const name = firstText(scope, ['[data-identifier=patient-header-name]', '.patient-header .patient-name', '.patient-name']);
    const mrn = firstText(scope, ['[data-identifier=patient-header-mrn]', '.patient-header .mrn']);
    const header = scope.first('[data-identifier=patient-header],.patient-header');
    const headerText = header ? blockText(header) : '';
    // The visit on screen: the note header's date, else the selected visit link.
    const visitHeader = scope.first('[data-identifier=visit-note-header],[data-identifier=path-result-detail],[data-identifier=bill-detail]');
    const selected = scope.first('a.po-visit-date.active,a.po-visit-date.selected,a.po-visit-date[aria-current]');
    const dos =
      firstText(scope, ['[data-identifier=visit-date]', '[data-identifier=bill-dos]']) ??
      (visitHeader ? dateOfServiceIn(blockText(visitHeader)) : undefined) ??
      (selected ? firstDateIn(selected.textContent ?? '') : undefined);
    return mergeIdentity(
      identityOf(composePatient(name, mrn ?? /\bMRN\s*:?\s*([A-Z0-9-]{3,})/i.exec(headerText)?.[1]), dos),
      () => identityFromText(headerText),
      () => identityFromText(blockText(scope.doc.body, { maxChars: 6000 })),
    );
  },
  sectionRoots(scope) {
    return chartRoots(scope);
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/ema/visit-biopsies-and-ak-destruction.html (visit note, A&P with procedures)
 * - test/fixtures/emr/ema/path-result-bcc.html (Path/Labs result pane)
 * - test/fixtures/emr/ema/bill-excision-intermediate-repair.html (bill of entered charges; collapsed HPI,
 *   Exam and procedure note)
 * - SPA route change in place: test/unit/emr/dom-cases.test.ts; demo/charts/*.html use the same markup
 * - test/fixtures/emr/ema/visit-template-noise.html (unchecked choices, *** template row, hidden template library)
 * - test/fixtures/emr/ema/visit-sections-aria-labelledby-h4.html (sections as <section aria-labelledby> titled by <h4>)
 * - test/fixtures/emr/ema/path-result-one-of-two-prior-results-grid.html (result for A of two; older results in the grid)
 * - test/fixtures/emr/ema/visit-two-shave-biopsies-one-resulted.html (the visit that result links to)
 * - test/fixtures/emr/ema/visit-long-thirteen-diagnoses-list.html (13 A&P items as <ol>, fields as nested <ul> items)
 * - test/fixtures/emr/ema/visit-note-print-two-columns.html (print view, the note in two side-by-side columns)
 * - test/fixtures/emr/ema/path-tracking-list-several-patients.html (worklist)
 * - test/fixtures/emr/ema/visit-previous-visits-accordion-open.html
 * - test/fixtures/emr/ema/chart-pathology-tab-two-reports.html
 * - test/fixtures/emr/ema/visit-collapsed-panels-grid-cells.html (hidden panels, CSS-grid cells)
 * - test/fixtures/emr/ema/visit-ap-items-strong-key-value-lines.html (A&P items: <strong>-keyed procedure lines split by <br>)
 * - test/fixtures/emr/ema/visit-procedure-note-lesion-table-note-rows.html (one row per lesion, its repair in a colspan note row)
 * - test/fixtures/emr/ema/visit-procedure-form-label-input-no-colon.html (<label> without colon before a typed <input>)
 * - test/fixtures/emr/ema/visit-pathology-tracking-three-specimens-one-pending.html (the visit's specimen tracking table, one pending)
 * - test/fixtures/emr/ema/visit-bill-diagnosis-pointer-letters.html (bill lines pointing to lettered diagnoses A, B)
 * - test/fixtures/emr/ema/visit-procedure-type-tabs-hidden-panels.html (procedure-type tabs)
 * - test/fixtures/emr/ema/visit-lesion-grid-checkbox-columns-template-row.html (treatment checkbox columns)
 * - test/fixtures/emr/ema/visit-material-checkboxes-saved-without-checked.html
 * - test/fixtures/emr/ema/visit-procedure-accordion-collapsed-aria-expanded.html
 */
