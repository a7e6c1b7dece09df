/**
 * The findings core/reconcile emits, described like rules (id, title, explain, references) so
 * the trainer, the docs and the side panel can explain them. They are not engine rules: they
 * need several documents of one patient, so they run after the engine, in reconcileBatch.
 */
export const RECONCILE_RULE = {
  resultLinked: 'reconcile/result-linked',
  reportLinked: 'reconcile/report-linked',
  ambiguous: 'reconcile/ambiguous-report',
  labelMismatch: 'reconcile/linked-by-date-and-site',
  conflict: 'reconcile/conflicting-report',
  recoded: 'reconcile/re-coded-after-pathology',
  released: 'reconcile/released-after-pathology',
  aging: 'reconcile/pathology-aging',
  noFollowUp: 'reconcile/malignant-no-follow-up',
  containerParts: 'reconcile/container-parts',
} as const;

export interface ReconcileRuleMeta {
  id: string;
  title: string;
  explain: string;
  references: string[];
}

export const reconcileRules: ReconcileRuleMeta[] = [
  {
    id: RECONCILE_RULE.containerParts,
    title: "A report's parts belong to one container of the visit",
    explain:
      "The note put several procedures' tissue in one container without telling the pieces apart (no ink, no suture), and the lab reported them as parts (A1, A2) of that container. " +
      "Pieces not told apart in one container are one specimen: one interpretation is billed, with the most serious result, and the user checks each lesion's diagnosis against its part.",
    references: ['Reference §7.2 (unit = specimen; unlabeled pieces in one container are one)', 'DESIGN.md: never guess silently'],
  },
  {
    id: RECONCILE_RULE.resultLinked,
    title: 'A later pathology report was linked to a specimen of this visit',
    explain:
      'A pathology report found in another document of the same patient (a report file, a result page, a later note) matched a specimen charted at this visit by label, date and site. ' +
      'The visit is coded again with the result: pathology lines held for the report become ready and an excision held for pathology gets its final code.',
    references: ['Reference §3.2 (excision code follows final pathology)', 'Reference §7.1-7.2'],
  },
  {
    id: RECONCILE_RULE.reportLinked,
    title: 'This report belongs to a visit: its interpretation is billed once, there',
    explain:
      'The report resolves a specimen charted at an earlier visit of the same patient. DermLens keeps one place for each interpretation line: the visit claim carries it ' +
      '(held until the report arrives, ready after), so the report document itself gets no pathology line and nothing is billed twice.',
    references: ['Reference §7.2 (unit = specimen)', 'core/reconcile/README.md (billing policy)'],
  },
  {
    id: RECONCILE_RULE.ambiguous,
    title: 'A report could belong to more than one open specimen',
    explain:
      'Two or more open specimens of this patient carry the same label inside the date window and neither the collection date nor the site decides between them. ' +
      'DermLens never picks one silently: the user links the report by hand.',
    references: ['Reference §7.2 (unit = specimen, identified by its container/label)', 'DESIGN.md: never guess silently'],
  },
  {
    id: RECONCILE_RULE.labelMismatch,
    title: 'A report was linked by date and site although its label differs',
    explain:
      'No specimen of this patient carries the label on the report, but the report was collected on a visit’s date of service and exactly one still-open specimen of that visit sits at the same site. ' +
      'The note and the lab most likely labeled the specimen differently (a number vs a letter). DermLens links it so the interpretation is not billed twice, and asks the user to confirm.',
    references: ['Reference §7.2 (unit = specimen, identified by its container/label)'],
  },
  {
    id: RECONCILE_RULE.conflict,
    title: "A report's site contradicts the charted specimen",
    explain:
      'The report names a specimen label of this patient, but its site is on the other side or in another body region than the site charted for that specimen. ' +
      'That usually means a mislabeled specimen or a report filed to the wrong visit; DermLens does not link it until the user checks.',
    references: ['Reference §7.2 (unit = specimen, identified by its container/label)', 'DESIGN.md: never guess silently'],
  },
  {
    id: RECONCILE_RULE.recoded,
    title: 'An excision was re-coded after its pathology arrived',
    explain:
      'Excision codes depend on the final pathology: benign (114xx) or malignant (116xx) in the same size band. A line held for pathology is re-coded when the linked report arrives and becomes ready.',
    references: ['Reference §3.2 (hold until signed; benign/atypia/uncertain → 114xx, malignant or in situ → 116xx)'],
  },
  {
    id: RECONCILE_RULE.released,
    title: 'A line held for pathology is ready: the result confirms its code',
    explain: 'The linked report confirms the code the line was held with (e.g. a benign result for a benign excision code), so the line is released as ready.',
    references: ['Reference §3.2'],
  },
  {
    id: RECONCILE_RULE.aging,
    title: 'No pathology result after the aging limit',
    explain:
      'A specimen sent to pathology has no result after the number of days set in the practice settings. Lost specimens and unfiled results are a patient-safety and a revenue risk: ' +
      'call the lab or attach the report.',
    references: ['DESIGN.md: every biopsy specimen that has not yet turned into a billed pathology line', 'Settings.pathologyAgingDays'],
  },
  {
    id: RECONCILE_RULE.noFollowUp,
    title: 'Malignant, in-situ or uncertain result with no documented follow-up',
    explain:
      'A result that needs treatment or a decision has no documented follow-up in this patient’s notes: no treatment scheduled or done, no referral, and no record that the result was discussed with the patient. ' +
      'The warning stays until a later note documents the follow-up.',
    references: ['Reference §3.2 (malignant and in-situ results decide the treatment code)', 'Practice safety policy (not a coding rule)'],
  },
];
