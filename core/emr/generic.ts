import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { identityFromText } from './identity';
import { sectionsByHeadings } from './read';

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
    return sectionsByHeadings(body, { frames: true, headingRoots });
  },
  identity(scope) {
    return identityFromText(blockText(scope.doc.body, { frames: true, maxChars: 6000 }));
  },
  sectionRoots(scope) {
    return scope.doc.body ? [scope.doc.body] : [];
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/generic/clinic-portal-visit.html (unknown EMR: h3 titles, dl banner)
 * - test/fixtures/emr/generic/printed-note-bold-labels.html (note in a srcdoc frame, bold titles, folded
 *   <details> addendum, charges in a shadow root)
 * - test/fixtures/emr/generic/visit-history-open-visit.html (Visit History rail left out)
 * - test/fixtures/emr/generic/div-soup-br-lines.html (div soup, <br> lines, styled titles)
 * - test/fixtures/emr/generic/nested-frames-aria-sections.html (two frames deep, aria-label regions)
 * - test/fixtures/emr/generic/print-visit-note-mohs-map.html (print view, Mohs map table kept in columns)
 * - test/fixtures/emr/generic/inbox-dermpath-two-specimens.html (results inbox: other patients' rows, the open report)
 * - test/fixtures/emr/generic/visit-shave-punch-for-inbox.html (the visit that report links to)
 * - test/fixtures/emr/generic/print-preview-repeated-page-headers.html (page header repeated mid-note)
 * - test/fixtures/emr/generic/signed-note-addendum-adds-procedure.html (signed addendum documents a procedure)
 * - test/fixtures/emr/generic/two-encounter-tabs-active-visit.html (encounter tabs: the unselected one is left out)
 * - test/fixtures/emr/generic/label-span-fields-shave-injection.html (<label>+<span> fields with no colon)
 * - test/fixtures/emr/generic/document-viewer-same-origin-iframe.html (note in a same-origin viewer frame)
 * - test/fixtures/emr/generic/procedure-checklist-inputs.html (checkboxes, chips, inputs and a select saved with the page)
 * - test/fixtures/emr/generic/visit-with-template-sidebar-and-favorites.html (visible template links and favorite codes left out)
 * - test/fixtures/emr/generic/results-table-part-rowspan.html (result table keyed by part, a key spanning two rows)
 * - test/fixtures/emr/generic/rich-text-editor-paragraph-soup.html (contenteditable editor: <p>/<div>/<br>, &nbsp;)
 * - test/fixtures/emr/generic/definition-list-procedure-fields.html (procedures as <dl> term/value pairs)
 * - test/fixtures/emr/generic/aria-grid-procedure-log.html (a div grid: role="grid"/"row"/"gridcell")
 * - test/fixtures/emr/generic/custom-element-fields-label-attribute.html (<emr-field label="…">, no shadow DOM)
 * - test/fixtures/emr/generic/hidden-previous-visit-copies.html (hidden earlier encounter, copy-forward source, <template>)
 * - test/fixtures/emr/generic/charge-grid-entered-codes-reconcile.html (entered charge grid compared, not copied)
 * - test/fixtures/emr/generic/pre-plain-text-note-columns.html (the note as one <pre> of padded labels)
 * - test/fixtures/emr/generic/bilingual-rtl-arabic-english-labels.html (dir="rtl", Arabic / English titles and labels)
 * - test/fixtures/emr/generic/consult-outside-slides-second-opinion.html (consultation on outside slides, 88321)
 * - test/fixtures/emr/generic/encounter-accordion-open-and-signed-visit.html (encounters accordion: the folded dated encounter left out)
 * - test/fixtures/emr/generic/fields-labelled-by-aria-label-and-title.html (inputs named only by aria-label / title)
 * - test/fixtures/emr/generic/visit-note-with-path-report-below.html (visit note with its pathology report (IHC per specimen) below it)
 * - test/fixtures/emr/generic/long-note-eight-biopsies-eighteen-aks.html (a long note: 8 biopsy blocks, 18 AKs in a table)
 * - test/fixtures/emr/generic/notes-expanded-two-dated-encounters.html (two dated notes expanded in place; the parser keeps today's)
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
 * - test/fixtures/emr/generic/procedure-record-bold-banner-yes-no-boxes.html (unlabeled Yes/No boxes, bold-only name)
 * - test/fixtures/emr/generic/visit-beside-earlier-path-result-pane.html (an earlier date's result beside today's visit)
 * - test/fixtures/emr/generic/markdown-rendered-note.html (rendered Markdown: <h2>, nested <ul>, <code>)
 * - test/fixtures/emr/generic/sign-note-dialog-preview-over-editor.html (open Sign-note <dialog> over the editor: one note, twice)
 * - test/fixtures/emr/generic/role-heading-divs-css-bullet-items.html (<div role=heading> titles, CSS-bullet <div> items)
 * - test/fixtures/emr/generic/visit-note-and-print-preview-iframe.html (the same visit again in a print-preview frame)
 * - test/fixtures/emr/generic/lead-line-two-kinds-over-procedure-table.html (lead naming two kinds)
 * - test/fixtures/emr/generic/rich-text-editor-iframe-hidden-source-textarea.html (editor frame, hidden textarea)
 * - test/fixtures/emr/generic/two-column-problem-list-beside-note.html (Problem List column)
 * - test/fixtures/emr/generic/signed-note-addendum-retracts-procedure.html (addendum: not performed)
 */
