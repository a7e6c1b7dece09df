import { blockText } from './block-text';
import { defineAdapter } from './define-adapter';
import { composePatient, dateOfServiceIn, firstText, identityFromText, identityOf, mergeIdentity } from './identity';
import { sectionsByHeadings } from './read';
import { framesBeside, type Scope } from './scope';

/**
 * athenaOne (athenaNet / athenaClinicals). The top page stays globalframeset.esp while
 * the chart is drawn three frames deep: iframe#GlobalWrapper → frame#frameContent →
 * iframe#frMain (verified from public Playwright code and DOM exports, emr-layouts.md §2).
 * GlobalNav (search bar) and Status are not chart text. Newer "Nimbus" panels mount in
 * an open shadow root of a plain div; their headings are found and their text read in place.
 * The content script must run in all frames (match_about_blank: the frames have no src);
 * run from the top frame, this adapter reads the same-origin frame documents directly.
 * Inferred: banner classes, section containers and titles inside frMain, Sign-off grid labels.
 */

const chartDocumentsOf = new WeakMap<Scope, Document[]>();

/** The working documents (frMain), or frameContent when frMain is absent, or the top page itself (once per read). */
function chartDocuments(scope: Scope): Document[] {
  let docs = chartDocumentsOf.get(scope);
  if (!docs) {
    docs = findChartDocuments(scope);
    chartDocumentsOf.set(scope, docs);
  }
  return docs;
}

function findChartDocuments(scope: Scope): Document[] {
  for (const sel of ['iframe#frMain,frame#frMain', 'iframe#frameContent,frame#frameContent']) {
    // With the frames beside it: a procedure pane next to frMain is part of the encounter.
    const docs = framesBeside(scope, sel);
    if (docs.length > 0) return docs;
  }
  // Opened directly (a frame reloaded on its own, or the content script running inside frMain).
  return scope.first('#GlobalNav,#GlobalWrapper') ? [] : [scope.doc];
}

function shadowRootsIn(scope: Scope, doc: Document): Node[] {
  return scope.roots.filter((r) => r !== doc && (r as ShadowRoot).host?.ownerDocument === doc);
}

export const athenaAdapter = defineAdapter({
  id: 'athena',
  name: 'athenaOne',
  hosts: ['*.athenahealth.com'],
  signature(scope) {
    const frames = Boolean(scope.first('#GlobalNav') && scope.first('#GlobalWrapper')) || Boolean(scope.first('#frameContent') && scope.first('#frMain'));
    return frames || Boolean(scope.first('a[href*="/ax/encounter/"],[data-encounter-url*="/ax/encounter/"]'));
  },
  sections(scope) {
    return chartDocuments(scope).flatMap((doc) =>
      doc.body ? sectionsByHeadings(doc.body, { headingRoots: shadowRootsIn(scope, doc), leadName: 'Banner' }) : [],
    );
  },
  identity(scope) {
    const name = firstText(scope, ['#patientbanner .patientname', '.patient-banner .patientname', '.patientname', '[data-patient-name]']);
    const id = firstText(scope, ['#patientbanner .patientid', '.patientid']);
    const dos = firstText(scope, ['.encounterdate', '.encounter-date']);
    const head = () =>
      chartDocuments(scope)
        .map((d) => blockText(d.body, { maxChars: 5000 }))
        .join('\n');
    return mergeIdentity(identityOf(composePatient(name, id), dos ? (dateOfServiceIn(dos) ?? dos) : undefined), () => identityFromText(head()));
  },
  sectionRoots(scope) {
    return chartDocuments(scope)
      .map((d) => d.body)
      .filter((b): b is HTMLElement => Boolean(b));
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/athena/visit-biopsy-edc-aks.html (frame chain, procedure note in a shadow root)
 * - test/fixtures/emr/athena/document-path-result-pas.html (result document in frMain)
 * - test/fixtures/emr/athena/signoff-em-and-biopsy-charges.html (Sign-off: level of service + billing grid)
 * - test/fixtures/emr/athena/saved-complete-excision.html (frames saved as files, real <frameset><frame>)
 * - test/fixtures/emr/athena/encounter-summary-procedure-table.html (summary tables titled by <th colspan>, field grid)
 * - test/fixtures/emr/athena/exam-corrected-note-pickers.html (struck-out corrections, procedure pickers, tooltip)
 * - test/fixtures/emr/athena/exam-procedure-grid-column-groups.html (procedure grid under a colspan column-group header row)
 * - test/fixtures/emr/athena/signoff-superbill-checked-codes-disagree.html (superbill)
 * - test/fixtures/emr/athena/encounter-billing-tab-claim-submitted.html
 * - test/fixtures/emr/athena/ap-ordered-list-icd-chips.html
 * - test/fixtures/emr/athena/ap-table-problem-order-icd.html (A/P as a problem | order | ICD table)
 * - test/fixtures/emr/athena/exam-ap-and-procedures-sibling-frames.html (a procedure frame beside frMain)
 * - test/fixtures/emr/athena/ap-diagnosis-table-and-orders-table.html (A/P: a diagnosis table and an orders table by dx number)
 * - test/fixtures/emr/athena/exam-nimbus-procedure-chips-no-spaces.html (a Nimbus shadow-root panel of chips with no spaces between)
 * - test/fixtures/emr/athena/signoff-em-and-im-injection-only.html (E/M and 96372 only)
 * - test/fixtures/emr/athena/exam-orders-procedures-table-ap-pane.html
 */
