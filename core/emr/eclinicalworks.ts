import { blockText } from './block-text';
import { type ChartSection, defineAdapter } from './define-adapter';
import { composePatient, dateOfServiceIn, firstDateIn, firstText, identityFromText, identityOf, mergeIdentity } from './identity';
import { lineText, sectionsByHeadings } from './read';
import { framesBeside, type Scope } from './scope';

/**
 * eClinicalWorks V11/V12 web ("webemr"): an AngularJS shell at
 * <site>app.eclinicalweb.com/mobiledoc/jsp/webemr/…, with the progress note either in
 * the shell or in the Progress Notes viewer iframe (id contains "ProgNote"), written in
 * the print-HTML layout (tr.leftPaneHeading / tr.leftPaneData rows). The CPT grid
 * #billingTbl4 holds the entered charges (code in the 2nd cell, inputs units / mod1 /
 * icd1-4). All of that is verified from userscripts in production use (emr-layouts.md §4);
 * dermatology procedure and pathology wording is inferred.
 */

/** Where the note is: the viewer frame's document when open (with the frames beside it: a split note), else the shell. */
function noteRoots(scope: Scope): Node[] {
  const frames = framesBeside(scope, '[id*=ProgNote],[name*=ProgNote]').map((d) => d.body);
  if (frames.length > 0) return frames;
  const container = scope.all('#progressNoteContainer,[id*=progressNote],[id*=ProgressNote],.bootbox,[role=dialog]');
  if (container.length > 0) return container;
  return scope.doc.body ? [scope.doc.body] : [];
}

/** #billingTbl4 rows as charge lines the parser reads: "11400-59 x1 L82.0". */
function cptGrid(scope: Scope): ChartSection | undefined {
  const table = scope.first('#billingTbl4,#cptTable');
  if (!table) return undefined;
  const lines: string[] = [];
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    const field = (name: string): string => {
      const input = row.querySelector(`input[data-fieldname="${name}"], input[name^="${name}" i]`) as HTMLInputElement | null;
      return (input?.value ?? input?.getAttribute('value') ?? '').trim();
    };
    const cells = Array.from(row.querySelectorAll('td'));
    const codeInput = row.querySelector('input[name=claimCPTCode],input[data-fieldname=cpt]') as HTMLInputElement | null;
    const code = (codeInput?.value ?? cells.map((c) => lineText(c)).find((t) => /^(?:\d{5}|[A-Z]\d{4})$/.test(t)) ?? '').trim();
    if (!/^(?:\d{5}|[A-Z]\d{4})$/.test(code)) continue;
    const mods = ['mod1', 'mod2', 'mod3', 'mod4'].map(field).filter((m) => /^[0-9A-Z]{2}$/i.test(m));
    const units = field('units') || '1';
    const dx = ['icd1', 'icd2', 'icd3', 'icd4'].map(field).filter(Boolean);
    lines.push(`${code}${mods.map((m) => `-${m.toUpperCase()}`).join('')} x${units}${dx.length ? ` ${dx.join(' ')}` : ''}`);
  }
  return lines.length > 0 ? { name: 'CPT grid', role: 'charges', text: lines.join('\n') } : undefined;
}

export const eclinicalworksAdapter = defineAdapter({
  id: 'ecw',
  name: 'eClinicalWorks',
  hosts: ['*.eclinicalweb.com', '*.ecwcloud.com', '*.eclinicalworks.com'],
  paths: [/\/mobiledoc\/jsp\//i],
  signature(scope) {
    return Boolean(
      scope.first(
        'span[ng-bind*=FULL_NAME],#patientHeaderSpan,#billingTbl4,#encDropDownList,table[prisma-section],tr.leftPaneHeading,iframe[id*=ProgNote],[onclick*=pnSectionClicked]',
      ),
    );
  },
  sections(scope) {
    const grid = cptGrid(scope);
    const sections = noteRoots(scope).flatMap((root) =>
      sectionsByHeadings(root, { headingRoots: scope.roots.filter((r) => r !== scope.doc && (r as ShadowRoot).host !== undefined) }),
    );
    const out = sections
      // The grid is what will be billed; the note's "Billing Information" text repeats it.
      .filter((s) => !(grid && s.role === 'charges'))
      // eCW's Treatment section is the plan (medications, labs, referrals), not procedures.
      .map((s) => (/^treatment$/i.test(s.name) ? { ...s, role: 'assessment' as const } : s));
    if (grid) out.push(grid);
    return out;
  },
  identity(scope) {
    const name = firstText(scope, ['span[ng-bind*=FULL_NAME]', 'tr.PatientData td']);
    const headerText = firstText(scope, ['#patientHeaderSpan', 'tr.patient_header_tr']) ?? '';
    const accOf = (text: string) => /\bAcc(?:ount)?\.?\s*(?:No\.?|Number|#)?\s*:?\s*([A-Z0-9-]*\d[A-Z0-9-]*)/i.exec(text)?.[1];
    // The print view has no header span: its patient rows carry "Account Number:".
    const acc =
      accOf(headerText) ??
      accOf(
        scope
          .all('tr.PatientData,tr.PtData')
          .map((r) => blockText(r))
          .join('\n'),
      );
    const current = scope.first('#encDropDownList li.hlight-enc .enc-lbl-span');
    const dos = dateOfServiceIn(headerText) ?? (current ? firstDateIn(current.textContent ?? '') : undefined);
    const note = () =>
      noteRoots(scope)
        .map((r) => blockText(r, { maxChars: 4000 }))
        .join('\n');
    return mergeIdentity(
      identityOf(composePatient(name, acc), dos),
      () => identityFromText(headerText),
      () => identityFromText(note()),
    );
  },
  sectionRoots(scope) {
    return noteRoots(scope).filter((n): n is Element => n.nodeType === 1);
  },
});

/*
 * Fixture pages:
 * - test/fixtures/emr/eclinicalworks/progress-note-three-biopsies.html (viewer iframe, print-HTML rows)
 * - test/fixtures/emr/eclinicalworks/lab-result-mis-ihc.html (lab result window)
 * - test/fixtures/emr/eclinicalworks/progress-note-shave-removals-billing.html (Billing Information + #billingTbl4)
 * - test/fixtures/emr/eclinicalworks/print-view-excision-repair.html (print view: Account Number in the patient rows, printed choice marks)
 * - test/fixtures/emr/eclinicalworks/progress-note-with-previous-encounter.html (Previous Encounters part left out)
 * - test/fixtures/emr/eclinicalworks/progress-note-procedure-notes-billing-grids.html (Procedure Notes, Billing Information as a grid)
 * - test/fixtures/emr/eclinicalworks/progress-note-procedure-picker-select-multiple.html (Procedure Notes filled from a <select multiple>)
 * - test/fixtures/emr/eclinicalworks/progress-note-assessment-table-procedures-subtable.html (ICD table)
 * - test/fixtures/emr/eclinicalworks/progress-note-procedures-table-and-notes.html
 * - test/fixtures/emr/eclinicalworks/progress-note-two-sibling-frames.html (note split over two frames)
 * - test/fixtures/emr/eclinicalworks/progress-note-free-text-br-caps-headings.html (free text: <br> lines, CAPS titles with a colon)
 * - test/fixtures/emr/eclinicalworks/progress-note-biopsy-table-assessment-count.html (bold-<td> header table; 'x3 - biopsied' restated)
 * - test/fixtures/emr/eclinicalworks/progress-note-procedures-pre-fixed-columns.html (Procedures as a <pre> of fixed-width columns)
 * - test/fixtures/emr/eclinicalworks/progress-note-assessment-icd-selects.html (ICD <select>s)
 * - test/fixtures/emr/eclinicalworks/progress-note-lab-reports-biopsy-proof-excision.html (Lab Reports proof)
 * - test/fixtures/emr/eclinicalworks/progress-note-pre-block-charges-each-technique.html
 */
