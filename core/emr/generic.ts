import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { identityFromText } from './identity';
import { sectionsByHeadings } from './read';
import type { Scope } from './scope';

/** The page's text as identity reads it, from the walk that read the sections (one walk of the page per read). */
const pageTextOf = new WeakMap<Scope, string | undefined>();

/**
 * Any page: sections by their headings (h1–h6, bold or label lines, dt, one-cell rows, divs
 * holding only a known title), same-origin frames and open shadow roots included.
 * Identity from labeled text ("Patient:", "MRN:", "DOS:").
 */
export const genericAdapter = defineAdapter({
  id: 'generic',
  name: 'Any web page',
  hosts: [],
  signature: () => true,
  sections(scope) {
    const body = scope.doc.body;
    if (!body) return [];
    const headingRoots = scope.roots.filter((r) => r !== scope.doc);
    const plain: { maxChars: number; text?: string } = { maxChars: 6000 };
    const sections = sectionsByHeadings(body, { frames: true, headingRoots, plain });
    pageTextOf.set(scope, plain.text);
    return sections;
  },
  identity(scope) {
    return identityFromText(pageTextOf.get(scope) ?? blockText(scope.doc.body, { frames: true, maxChars: 6000 }));
  },
  sectionRoots(scope) {
    return scope.doc.body ? [scope.doc.body] : [];
  },
});

/*
 * Fixture pages: (each page's own comment says what it tests)
 * - test/fixtures/emr/generic/clinic-portal-visit.html
 * - test/fixtures/emr/generic/printed-note-bold-labels.html
 * - test/fixtures/emr/generic/visit-history-open-visit.html
 * - test/fixtures/emr/generic/div-soup-br-lines.html
 * - test/fixtures/emr/generic/nested-frames-aria-sections.html
 * - test/fixtures/emr/generic/print-visit-note-mohs-map.html
 * - test/fixtures/emr/generic/inbox-dermpath-two-specimens.html
 * - test/fixtures/emr/generic/visit-shave-punch-for-inbox.html
 * - test/fixtures/emr/generic/print-preview-repeated-page-headers.html
 * - test/fixtures/emr/generic/signed-note-addendum-adds-procedure.html
 * - test/fixtures/emr/generic/two-encounter-tabs-active-visit.html
 * - test/fixtures/emr/generic/label-span-fields-shave-injection.html
 * - test/fixtures/emr/generic/document-viewer-same-origin-iframe.html
 * - test/fixtures/emr/generic/procedure-checklist-inputs.html
 * - test/fixtures/emr/generic/visit-with-template-sidebar-and-favorites.html
 * - test/fixtures/emr/generic/results-table-part-rowspan.html
 * - test/fixtures/emr/generic/rich-text-editor-paragraph-soup.html
 * - test/fixtures/emr/generic/definition-list-procedure-fields.html
 * - test/fixtures/emr/generic/aria-grid-procedure-log.html
 * - test/fixtures/emr/generic/custom-element-fields-label-attribute.html
 * - test/fixtures/emr/generic/hidden-previous-visit-copies.html
 * - test/fixtures/emr/generic/charge-grid-entered-codes-reconcile.html
 * - test/fixtures/emr/generic/pre-plain-text-note-columns.html
 * - test/fixtures/emr/generic/bilingual-rtl-arabic-english-labels.html
 * - test/fixtures/emr/generic/consult-outside-slides-second-opinion.html
 * - test/fixtures/emr/generic/encounter-accordion-open-and-signed-visit.html
 * - test/fixtures/emr/generic/fields-labelled-by-aria-label-and-title.html
 * - test/fixtures/emr/generic/visit-note-with-path-report-below.html
 * - test/fixtures/emr/generic/long-note-eight-biopsies-eighteen-aks.html
 * - test/fixtures/emr/generic/notes-expanded-two-dated-encounters.html
 * - and every EMR fixture with its own adapter disabled (test/unit/emr/generic.test.ts)
 * - test/fixtures/emr/generic/print-preview-page-breaks-running-footer.html
 * - test/fixtures/emr/generic/procedure-form-typed-values-placeholders.html
 * - test/fixtures/emr/generic/folded-details-and-hidden-section-copies.html
 * - test/fixtures/emr/generic/lesion-matrix-row-headers-abbr.html
 * - test/fixtures/emr/generic/unicode-noise-sizes-codes.html
 * - test/fixtures/emr/generic/notes-oldest-first-today-last.html
 * - test/fixtures/emr/generic/shadow-root-named-slots.html
 * - test/fixtures/emr/generic/pdf-converter-positioned-lines.html
 * - test/fixtures/emr/generic/bilingual-spanish-english-template-labels.html
 * - test/fixtures/emr/generic/visit-note-beside-print-preview-copy.html
 * - test/fixtures/emr/generic/procedure-record-bold-banner-yes-no-boxes.html
 * - test/fixtures/emr/generic/visit-beside-earlier-path-result-pane.html
 * - test/fixtures/emr/generic/markdown-rendered-note.html
 * - test/fixtures/emr/generic/sign-note-dialog-preview-over-editor.html
 * - test/fixtures/emr/generic/role-heading-divs-css-bullet-items.html
 * - test/fixtures/emr/generic/visit-note-and-print-preview-iframe.html
 * - test/fixtures/emr/generic/lead-line-two-kinds-over-procedure-table.html
 * - test/fixtures/emr/generic/rich-text-editor-iframe-hidden-source-textarea.html
 * - test/fixtures/emr/generic/two-column-problem-list-beside-note.html
 * - test/fixtures/emr/generic/signed-note-addendum-retracts-procedure.html
 * - test/fixtures/emr/generic/procedure-grid-cells-free-labels.html
 * - test/fixtures/emr/generic/pipe-text-table-under-lead-line.html
 * - test/fixtures/emr/generic/two-column-header-date-below-left-column.html
 * - test/fixtures/emr/generic/print-preview-web-component-same-note-twice.html
 * - test/fixtures/emr/generic/table-layout-nested-tables-td-labels.html
 */
