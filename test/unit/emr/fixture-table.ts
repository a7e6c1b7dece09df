/** Every EMR fixture page with what its adapter must find (roles that must be present, identity as shown). */
export interface PageCase {
  file: string;
  adapter: 'ema' | 'athena' | 'nextech' | 'ecw' | 'epic' | 'generic';
  roles: string[];
  /** Undefined when the page shows no one patient (a worklist of several). */
  patient?: string;
  /** Undefined when the page names none (a consultation on outside slides). */
  dateOfService?: string;
  /** Text that must be in a section of the given role (proves the right pane, frame or shadow root was read). */
  contains: [role: string, text: string][];
}

export const PAGES: PageCase[] = [
  {
    file: 'ema/visit-biopsies-and-ak-destruction.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-301   MRN: 900301',
    dateOfService: '03/10/2026',
    contains: [['assessment', 'Specimen: B - to in-house dermpath']],
  },
  {
    file: 'ema/path-result-bcc.html',
    adapter: 'ema',
    roles: ['pathology'],
    patient: 'Test, Patient-302   MRN: 900302',
    dateOfService: '04/06/2026',
    contains: [['pathology', 'A. BASAL CELL CARCINOMA, NODULAR TYPE']],
  },
  {
    file: 'ema/bill-excision-intermediate-repair.html',
    adapter: 'ema',
    roles: ['header', 'assessment', 'charges'],
    patient: 'Test, Patient-303   MRN: 900303',
    dateOfService: '03/17/2026',
    // The procedure sits in a closed <details>; the HPI body is display:none.
    contains: [
      ['assessment', 'Excised diameter: 1.8 cm'],
      ['other', 'biopsy-proven squamous cell carcinoma'],
      ['charges', '11603 | Exc malig les arm 2.1-3.0 | 1 | | 1 | C44.629'],
    ],
  },
  {
    file: 'athena/visit-biopsy-edc-aks.html',
    adapter: 'athena',
    roles: ['assessment', 'procedure'],
    patient: 'TEST, PATIENT-311   MRN: 900311',
    dateOfService: '03/12/2026',
    // Three frames deep, then inside the Nimbus panel's shadow root.
    contains: [
      ['procedure', 'Punch biopsy - L anterior thigh'],
      ['assessment', '2. Superficial basal cell carcinoma, L upper arm (C44.612)'],
    ],
  },
  {
    file: 'athena/document-path-result-pas.html',
    adapter: 'athena',
    roles: ['pathology'],
    patient: 'TEST, PATIENT-312   MRN: 900312',
    dateOfService: '04/21/2026',
    contains: [['pathology', 'PAS STAIN NEGATIVE FOR FUNGAL ORGANISMS']],
  },
  {
    file: 'athena/signoff-em-and-biopsy-charges.html',
    adapter: 'athena',
    roles: ['assessment', 'visit', 'charges'],
    patient: 'TEST, PATIENT-313   MRN: 900313',
    dateOfService: '05/05/2026',
    contains: [
      ['visit', '99213'],
      ['charges', 'D48.5 | 11103 | | 1'],
    ],
  },
  {
    file: 'athena/saved-complete-excision.html',
    adapter: 'athena',
    roles: ['assessment', 'procedure'],
    patient: 'TEST, PATIENT-314   MRN: 900314',
    dateOfService: '06/09/2026',
    // Frames saved as separate files, a real <frameset><frame> in the chain.
    contains: [['procedure', 'Lesion: 0.4 cm; margins 0.1 cm; excised diameter 0.6 cm.']],
  },
  {
    file: 'nextech/visit-excision-repair-warts.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-321   MRN: 900321',
    dateOfService: '03/19/2026',
    contains: [['procedure', 'excised diameter 1.3 cm']],
  },
  {
    file: 'nextech/results-two-specimen-report.html',
    adapter: 'nextech',
    roles: ['pathology'],
    patient: 'Test, Patient-322   MRN: 900322',
    dateOfService: '04/14/2026',
    contains: [['pathology', 'B. Skin, right lower back, shave biopsy:']],
  },
  {
    file: 'nextech/billing-ak-sixteen-overcoded.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-323   MRN: 900323',
    dateOfService: '05/21/2026',
    contains: [['charges', '17003 | | 15 | L57.0']],
  },
  {
    file: 'eclinicalworks/progress-note-three-biopsies.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-331   MRN: 900331',
    dateOfService: '03/24/2026',
    contains: [['procedure', 'Biopsy, punch 4 mm - L upper back plaque; specimen C.']],
  },
  {
    file: 'eclinicalworks/lab-result-mis-ihc.html',
    adapter: 'ecw',
    roles: ['pathology'],
    patient: 'Test, Patient-332   MRN: 900332',
    dateOfService: '04/28/2026',
    contains: [['pathology', 'SOX10 and MART-1']],
  },
  {
    file: 'eclinicalworks/progress-note-shave-removals-billing.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-333   MRN: 900333',
    dateOfService: '05/12/2026',
    contains: [['charges', '11400-59 x1 L82.0']],
  },
  {
    file: 'epic/progress-note-mohs-nose.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-341   MRN: 900341',
    dateOfService: '03/26/2026',
    contains: [['procedure', 'Stage II: 1 block. Clear.']],
  },
  {
    file: 'epic/visit-two-biopsies-charge-capture.html',
    adapter: 'epic',
    roles: ['assessment', 'charges'],
    patient: 'Test, Patient-342   MRN: 900342',
    dateOfService: '04/02/2026',
    contains: [['charges', '11102 | TANGNTL BX SKIN SINGLE LES | 1 | 59 | D48.5']],
  },
  {
    file: 'epic/results-two-biopsies.html',
    adapter: 'epic',
    roles: ['pathology'],
    patient: 'Test, Patient-342   MRN: 900342',
    dateOfService: '04/02/2026',
    contains: [['pathology', 'BASAL CELL CARCINOMA, NODULAR TYPE']],
  },
  {
    file: 'generic/clinic-portal-visit.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-351   MRN: 900351',
    dateOfService: '05/19/2026',
    contains: [['procedure', 'Drug: Kenalog-10 (triamcinolone acetonide 10 mg/mL), 1.5 mL total (15 mg)']],
  },
  {
    file: 'generic/printed-note-bold-labels.html',
    adapter: 'generic',
    roles: ['procedure', 'pathology', 'charges'],
    patient: 'Test, Patient-352   MRN: 900352',
    dateOfService: '05/26/2026',
    // In a srcdoc frame; the addendum is in a closed <details>; the charges are in a shadow root.
    contains: [
      ['pathology', 'EPIDERMAL INCLUSION CYST'],
      ['charges', '- 11403 x1 L72.0'],
    ],
  },
  {
    file: 'generic/visit-history-open-visit.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-401   MRN: 900401',
    dateOfService: '03/03/2026',
    // Only the open visit: the Visit History rail's earlier notes are left out.
    contains: [['procedure', 'Punch biopsy, 4 mm, L posterior calf']],
  },
  {
    file: 'ema/visit-template-noise.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-402   MRN: 900402',
    dateOfService: '04/07/2026',
    contains: [['assessment', 'Number of lesions: 5 (R dorsal hand x3, L dorsal hand x2)']],
  },
  {
    file: 'athena/encounter-summary-procedure-table.html',
    adapter: 'athena',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'TEST, PATIENT-403   MRN: 900403',
    dateOfService: '05/14/2026',
    // A grid of fields reads row by row as labeled fields; the code grid keeps its columns.
    contains: [
      ['procedure', 'Procedure: Shave removal | Site: L upper back | Lesion size: 0.8 cm'],
      ['charges', 'L82.0 | 11420 | 59 | 1 | Entered'],
    ],
  },
  {
    file: 'nextech/visit-fieldset-legend-procedures.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-404   MRN: 900404',
    dateOfService: '06/11/2026',
    // A practice's own section (fieldset + legend) outside the known chart-chart-section-* elements.
    contains: [['procedure', 'Lesion diameter: 1.0 cm']],
  },
  {
    file: 'eclinicalworks/print-view-excision-repair.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-405   MRN: 900405',
    dateOfService: '05/21/2026',
    contains: [['procedure', 'Repair: \u2612 Intermediate (layered)\n']],
  },
  {
    file: 'epic/results-three-specimens-table.html',
    adapter: 'epic',
    roles: ['pathology'],
    patient: 'Test, Patient-406   MRN: 900406',
    dateOfService: '06/18/2026',
    contains: [['pathology', 'Part C: Skin, vertex scalp, punch biopsy | Diagnosis: Lymphocytic scarring alopecia']],
  },
  {
    file: 'epic/progress-note-addendum-wildcards.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment', 'pathology'],
    patient: 'Test, Patient-407   MRN: 900407',
    dateOfService: '04/15/2026',
    contains: [['pathology', 'DYSPLASTIC COMPOUND NEVUS WITH MILD ATYPIA']],
  },
  {
    file: 'generic/div-soup-br-lines.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-408   MRN: 900408',
    dateOfService: '06/04/2026',
    contains: [['procedure', 'Sites: scalp x12, forehead x4 (16 total).']],
  },
  {
    file: 'generic/nested-frames-aria-sections.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-409   MRN: 900409',
    dateOfService: '06/16/2026',
    // Two srcdoc frames deep; the procedure section is named only by aria-label.
    contains: [['procedure', '2. Punch biopsy, 4 mm, L anterior thigh, specimen B.']],
  },
  {
    file: 'generic/print-visit-note-mohs-map.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-410   MRN: 900410',
    dateOfService: '05/28/2026',
    // A print view without vendor markup; the Mohs map keeps its columns (a column of counts).
    contains: [['procedure', 'Stage | Blocks | Margin status\nI | 4 |']],
  },
  {
    file: 'eclinicalworks/progress-note-with-previous-encounter.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-411   MRN: 900411',
    dateOfService: '06/23/2026',
    contains: [['procedure', 'Irritated SK of the R flank, 1.6 cm']],
  },
  {
    file: 'athena/exam-corrected-note-pickers.html',
    adapter: 'athena',
    roles: ['assessment', 'procedure'],
    patient: 'TEST, PATIENT-412   MRN: 900412',
    dateOfService: '06/30/2026',
    // Struck-out text, unselected picker options, datalist suggestions and the tooltip are left out.
    contains: [['procedure', 'Procedure: Punch biopsy, 3 mm of the R upper arm, 0.6 cm pink papule ?. Closed']],
  },
  // Generality probe 2 (patients 450-459): layouts none of the adapters was written for.
  {
    file: 'generic/inbox-dermpath-two-specimens.html',
    adapter: 'generic',
    roles: ['pathology'],
    patient: 'Test, Patient-450   MRN: 900450',
    dateOfService: '05/04/2026',
    // The inbox grid of other patients' results is a list (a column of dates keeps it in columns), not a report.
    contains: [['pathology', 'B. Skin, left upper back, punch biopsy:\n  DERMATOFIBROMA. Margins clear.']],
  },
  {
    file: 'generic/visit-shave-punch-for-inbox.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-450   MRN: 900450',
    dateOfService: '05/04/2026',
    contains: [['procedure', '2. Punch biopsy, 4 mm, L upper back']],
  },
  {
    file: 'generic/print-preview-repeated-page-headers.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-451   MRN: 900451',
    dateOfService: '04/09/2026',
    contains: [['procedure', 'for an excised diameter of 2.0 cm']],
  },
  {
    file: 'nextech/visit-procedure-table-rowspan.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-452   MRN: 900452',
    dateOfService: '07/08/2026',
    // The rowspan cell stands in the rows below it: each row repeats it, and its cells keep their columns.
    contains: [['procedure', 'Procedure: Cryodestruction of actinic keratoses, liquid nitrogen | Site: L temple | Lesions: 2 AKs']],
  },
  {
    file: 'ema/visit-sections-aria-labelledby-h4.html',
    adapter: 'ema',
    roles: ['header', 'procedure', 'assessment'],
    patient: 'Test, Patient-453   MRN: 900453',
    dateOfService: '06/16/2026',
    contains: [['procedure', 'Shave removal - L malar cheek, 0.4 cm inflamed seborrheic keratosis']],
  },
  {
    file: 'generic/signed-note-addendum-adds-procedure.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment', 'other'],
    patient: 'Test, Patient-454   MRN: 900454',
    dateOfService: '06/02/2026',
    contains: [['other', 'cryotherapy with liquid nitrogen to 3 actinic keratoses of the vertex scalp']],
  },
  {
    file: 'generic/two-encounter-tabs-active-visit.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-455   MRN: 900455',
    dateOfService: '06/23/2026',
    contains: [['procedure', 'Punch biopsy, 4 mm, R volar forearm']],
  },
  {
    file: 'generic/label-span-fields-shave-injection.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-456   MRN: 900456',
    dateOfService: '07/14/2026',
    // <label>Site</label><span>…</span> with nothing between them reads as a labeled field.
    contains: [['procedure', 'Procedure: Intralesional injection\nSite: Central chest\nLesions injected: 2 keloids']],
  },
  {
    file: 'epic/procedures-activity-collapsible.html',
    adapter: 'epic',
    roles: ['procedure'],
    patient: 'Test, Patient-457   MRN: 900457',
    dateOfService: '08/04/2026',
    // The folded <details> records are read too.
    contains: [['procedure', 'COMPLEX REPAIR — Completed\nSite: L nasal ala.']],
  },
  {
    file: 'eclinicalworks/progress-note-procedure-notes-billing-grids.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-458   MRN: 900458',
    dateOfService: '08/18/2026',
    contains: [['charges', '11201 | REMOVE SKIN TAGS ADD-ON | 2']],
  },
  {
    file: 'generic/document-viewer-same-origin-iframe.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // The shell's banner shows the name without a label: the MRN is the identity.
    patient: 'MRN: 900459',
    dateOfService: '09/01/2026',
    contains: [['procedure', 'Cryotherapy: liquid nitrogen to 2 actinic keratoses of the frontal scalp.']],
  },
  {
    file: 'ema/path-result-one-of-two-prior-results-grid.html',
    adapter: 'ema',
    roles: ['pathology'],
    patient: 'Test, Patient-460   MRN: 900460',
    dateOfService: '05/18/2026',
    contains: [['pathology', 'B. Skin, left upper arm, shave biopsy:\n   Deeper levels in progress; will be reported separately.']],
  },
  {
    file: 'ema/visit-two-shave-biopsies-one-resulted.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-460   MRN: 900460',
    dateOfService: '05/18/2026',
    contains: [['assessment', 'Specimen: B - to in-house dermpath.']],
  },
  {
    file: 'generic/procedure-checklist-inputs.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-461   MRN: 900461',
    dateOfService: '09/15/2026',
    // Unchecked boxes and chips say nothing; the select reads its saved choice (<option selected>), the inputs their values.
    contains: [['procedure', 'Punch biopsy   Size: 4 mm   Site: L lateral calf   Specimen: A']],
  },
  {
    file: 'generic/visit-with-template-sidebar-and-favorites.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-462   MRN: 900462',
    dateOfService: '10/19/2026',
    // The always-visible template links and favorite codes are left out: only the note is read.
    contains: [['note', 'Patient: Test, Patient-462   MRN: 900462   Visit date: 10/19/2026\nProgress Note']],
  },
  {
    file: 'generic/results-table-part-rowspan.html',
    adapter: 'generic',
    roles: ['pathology'],
    patient: 'Test, Patient-463   MRN: 900463',
    dateOfService: '09/15/2026',
    // Part A's key spans two rows: its second row continues part A instead of repeating the key.
    contains: [['pathology', 'Part A: Skin, right forearm, shave biopsy | Diagnosis: Squamous cell carcinoma in situ.\nPeripheral margin involved.\nPart B:']],
  },
  {
    file: 'generic/rich-text-editor-paragraph-soup.html',
    adapter: 'generic',
    roles: ['assessment'],
    patient: 'Test, Patient-490   MRN: 900490',
    dateOfService: '10/05/2026',
    // A contenteditable editor: a word split by a span joins, &nbsp; reads as a space, <br> ends a line inside one <p>.
    contains: [['assessment', 'Procedure: Shave biopsy (tangential), R upper back.']],
  },
  {
    file: 'generic/definition-list-procedure-fields.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-491   MRN: 900491',
    dateOfService: '10/06/2026',
    // Each <dt>/<dd> pair reads as one labeled line; the banner is a <dl> too.
    contains: [['procedure', 'Procedure: Excision\nLocation: R posterior shoulder']],
  },
  {
    file: 'generic/aria-grid-procedure-log.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-492   MRN: 900492',
    dateOfService: '10/07/2026',
    // A div grid (role="grid"/"row"/"columnheader"/"gridcell") reads like a <table>: one row a line, labeled by its column headers.
    contains: [['procedure', 'Procedure: Tangential biopsy | Site: R nasal ala | Size / count: 0.5 cm | Specimen: A']],
  },
  {
    file: 'generic/custom-element-fields-label-attribute.html',
    adapter: 'generic',
    roles: ['note'],
    patient: 'Test, Patient-493   MRN: 900493',
    dateOfService: '10/08/2026',
    // Web components saved without shadow DOM: <emr-section heading="…"> writes its title line (the parser splits the note
    // there), <emr-field label="…"> labels its value.
    contains: [['note', 'Procedures\nProcedure: Intralesional injection\nDiagnosis: Keloids, central chest\nLesions injected: 3\nMedication: Triamcinolone']],
  },
  {
    file: 'generic/hidden-previous-visit-copies.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-494   MRN: 900494',
    dateOfService: '10/09/2026',
    // The hidden earlier encounter (display:none, opening "Office Visit - 06/09/2026"), the hidden copy-forward source
    // and the <template> are left out; the visible visit is read.
    contains: [['procedure', 'Shave biopsy (tangential) of the R anterior shin']],
  },
  {
    file: 'generic/charge-grid-entered-codes-reconcile.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-495   MRN: 900495',
    dateOfService: '10/12/2026',
    // A grid holding codes keeps its columns (the charge reader takes them by position).
    contains: [['charges', '3 | 11103 | | 2 | D49.2 | Tangential bx, each addl']],
  },
  {
    file: 'generic/pre-plain-text-note-columns.html',
    adapter: 'generic',
    roles: ['note'],
    patient: 'Test, Patient-496   MRN: 900496',
    dateOfService: '10/13/2026',
    // <pre> keeps its padding and tab-indented continuation lines.
    contains: [['note', 'MARGINS:       0.4 cm\nEXCISED DIAM:  1.8 cm']],
  },
  {
    file: 'generic/bilingual-rtl-arabic-english-labels.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-497   MRN: 900497',
    dateOfService: '10/14/2026',
    // A bilingual title ("الإجراءات / Procedures") is read by its English half (probe h13: core/parse/sections.ts).
    contains: [['procedure', 'Procedure: Punch biopsy, 4 mm\nSite: R anterior thigh\nSpecimen: A']],
  },
  {
    file: 'ema/visit-long-thirteen-diagnoses-list.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-498   MRN: 900498',
    dateOfService: '10/15/2026',
    // "<li><div>…</div><ul><li>Label: value</li>": the item's number stays on its first line; a field item has no bullet.
    contains: [['assessment', '5. Actinic keratoses - face and scalp\nProcedure: Destruction of premalignant lesions']],
  },
  {
    file: 'generic/consult-outside-slides-second-opinion.html',
    adapter: 'generic',
    roles: ['pathology'],
    patient: 'Test, Patient-501   MRN: 900501',
    // A consultation on outside slides: the preamble and the consult diagnosis are one pathology section.
    contains: [['pathology', 'Outside slides received for second opinion']],
  },
  {
    file: 'ema/visit-note-print-two-columns.html',
    adapter: 'ema',
    roles: ['other', 'assessment'],
    patient: 'Test, Patient-530   MRN: 900530',
    dateOfService: '10/06/2026',
    // Two columns side by side (a layout table): the exam ends before the right column's A&P title splits it off.
    contains: [
      ['other', 'R dorsal forearm: 0.6 cm pink pearly papule with telangiectasia.'],
      ['assessment', 'Shave removal: 0.8 cm lesion removed by tangential shave'],
    ],
  },
  {
    file: 'athena/exam-procedure-grid-column-groups.html',
    adapter: 'athena',
    roles: ['procedure', 'assessment'],
    patient: 'TEST, PATIENT-531   MRN: 900531',
    dateOfService: '10/08/2026',
    // The colspan group row ("Lesion | Procedure | Pathology") is not the column labels: the row under it is.
    contains: [['procedure', '# 1: L upper back | Type: Punch biopsy | Size: 4 mm punch | Closure: 2 simple interrupted sutures']],
  },
  {
    file: 'nextech/op-note-excision-layered-repair.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-532   MRN: 900532',
    dateOfService: '10/13/2026',
    contains: [['procedure', 'Frozen sections: Not performed.']],
  },
  {
    file: 'eclinicalworks/progress-note-procedure-picker-select-multiple.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-533   MRN: 900533',
    dateOfService: '10/15/2026',
    // Every chosen option of a <select multiple>, each on its own line; unchosen ones never.
    contains: [['procedure', 'liquid nitrogen, 6 lesions, scalp\nShave biopsy, R preauricular cheek, 0.6 cm papule, specimen A to dermpath']],
  },
  {
    file: 'epic/notes-activity-collapsed-smarttext-blanks.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-534   MRN: 900534',
    dateOfService: '10/20/2026',
    // A SmartText block whose every field is *** loses its title line too; the folded Procedures section is read.
    contains: [['procedure', 'Specimen: A, formalin, to in-house dermpath.\nDESTRUCTION OF BENIGN LESIONS']],
  },
  {
    file: 'generic/encounter-accordion-open-and-signed-visit.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // The banner names the patient in bold only; the open encounter's date is in its summary, not a DOS label.
    patient: 'MRN: 900535',
    contains: [['procedure', 'Incision and drainage, R axilla']],
  },
  {
    file: 'generic/fields-labelled-by-aria-label-and-title.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-536   MRN: 900536',
    dateOfService: '10/27/2026',
    contains: [['procedure', 'Lesion diameter (cm): 1.1 Narrowest margin (cm): 0.2']],
  },
  {
    file: 'generic/visit-note-with-path-report-below.html',
    adapter: 'generic',
    roles: ['procedure', 'pathology'],
    patient: 'Test, Patient-538   MRN: 900538',
    dateOfService: '11/04/2026',
    contains: [['pathology', 'A. Factor XIIIa: positive in the lesional cells. CD34: negative.']],
  },
  {
    file: 'generic/long-note-eight-biopsies-eighteen-aks.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-537   MRN: 900537',
    dateOfService: '11/02/2026',
    // 26 procedures: eight template blocks and an 18-row lesion table keyed by its row numbers.
    contains: [['procedure', '# 18: L dorsal forearm | Diagnosis: Actinic keratosis | Treatment: LN2, 2 cycles']],
  },
  {
    file: 'generic/notes-expanded-two-dated-encounters.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-544   MRN: 900544',
    dateOfService: '11/05/2026',
    // The reader keeps both notes' text; the parser leaves out the one of another date (core/parse/other-encounters.ts).
    contains: [['procedure', 'Punch biopsy, 4 mm, L anterior shin']],
  },
  {
    file: 'generic/notes-oldest-first-today-last.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // The bold banner has no "Patient:" label: the MRN identifies the page. The reader's date is the first one on the
    // page (the older note's); the parser keeps the latest encounter (core/parse/other-encounters.ts).
    patient: 'MRN: 900663',
    dateOfService: '06/02/2026',
    contains: [['procedure', 'Punch biopsy 4 mm L shin, 8 mm pink scaly plaque']],
  },
  {
    file: 'generic/shadow-root-named-slots.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-665   MRN: 900665',
    dateOfService: '11/18/2026',
    // Light-DOM children read where their <slot> puts them, not the slots' fallback text.
    contains: [
      ['procedure', 'Procedure 2: Cryotherapy with liquid nitrogen to 4 actinic keratoses'],
      ['assessment', '2. Actinic keratoses of the forehead x4 - LN2 today.'],
    ],
  },
  {
    file: 'generic/pdf-converter-positioned-lines.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-668   MRN: 900668',
    dateOfService: '11/17/2026',
    // One positioned line per text line, glyph runs joined by spacer spans; the fields run on past page 2's header.
    contains: [
      ['procedure', '2. Excision of epidermoid cyst, upper back. Lesion 1.5 cm; excised diameter 1.9 cm'],
      ['assessment', '2. Epidermoid cyst, upper back - excised, intermediate repair.'],
    ],
  },
  {
    file: 'ema/visit-previous-visits-accordion-open.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-667   MRN: 900667',
    dateOfService: '11/19/2026',
    contains: [['assessment', 'Procedure: Shave biopsy']],
  },
  {
    file: 'athena/encounter-billing-tab-claim-submitted.html',
    adapter: 'athena',
    roles: ['assessment', 'charges'],
    patient: 'TEST, PATIENT-669   MRN: 900669',
    // The encounter date, not the original appointment date in frMain's title.
    dateOfService: '11/12/2026',
    contains: [
      ['assessment', 'Procedure: Punch biopsy, 4 mm, R anterior thigh.'],
      ['charges', '99214'],
    ],
  },
  {
    file: 'nextech/visit-resident-note-attending-attestation.html',
    adapter: 'nextech',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-670   MRN: 900670',
    dateOfService: '11/13/2026',
    contains: [
      ['procedure', 'Excised diameter: 1.8 cm'],
      ['other', 'I saw and examined the patient with Dr. Park'],
    ],
  },
  {
    file: 'epic/progress-note-smarttext-preview-and-hide-copy.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-671   MRN: 900671',
    dateOfService: '11/16/2026',
    // The hidden full copy is read beside its preview (the parser keeps one procedure).
    contains: [['procedure', 'Not sent to pathology (clinically typical SK)']],
  },
  {
    file: 'generic/bilingual-spanish-english-template-labels.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // "Paciente / Patient:": the half of a bilingual label the reader knows names the patient.
    patient: 'Test, Patient-672   MRN: 900672',
    dateOfService: '11/18/2026',
    contains: [['procedure', 'Número de lesiones: 3 queratosis actínicas']],
  },
  {
    file: 'generic/print-preview-page-breaks-running-footer.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // The running header names the patient without a "Patient:" label: the MRN identifies the page.
    patient: 'MRN: 900590',
    dateOfService: '05/12/2026',
    // The punch biopsy's fields run on across a page break, past a running footer and the next page's header.
    contains: [['procedure', 'Size: 4 mm punch, to the subcutaneous fat']],
  },
  {
    file: 'generic/procedure-form-typed-values-placeholders.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-591   MRN: 900591',
    dateOfService: '06/03/2026',
    // Typed values and textarea text are read; placeholders never are.
    contains: [['procedure', 'Lesion diameter (cm) 0.7']],
  },
  {
    file: 'generic/folded-details-and-hidden-section-copies.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-592   MRN: 900592',
    dateOfService: '06/10/2026',
    // The closed <details> Procedure Note is read (the hidden copies repeat it; the parser keeps one biopsy).
    contains: [['procedure', 'A 6 mm punch was taken through']],
  },
  {
    file: 'athena/signoff-superbill-checked-codes-disagree.html',
    adapter: 'athena',
    roles: ['assessment', 'charges'],
    patient: 'TEST, PATIENT-593   MRN: 900593',
    dateOfService: '06/16/2026',
    contains: [['assessment', 'Cryotherapy with LN2, 2 cycles each, to all 5.']],
  },
  {
    file: 'nextech/op-note-mohs-stage-table-repair.html',
    adapter: 'nextech',
    roles: ['assessment', 'other'],
    patient: 'Test, Patient-594   MRN: 900594',
    dateOfService: '07/08/2026',
    // Practice-built mat-card sections, one titled only "Repair"; the stage table keeps its columns.
    contains: [
      ['other', "II | 6 | Positive, deep at 4 o'clock | see map 2"],
      ['other', 'Repair length: 2.4 cm.'],
    ],
  },
  {
    file: 'eclinicalworks/progress-note-assessment-table-procedures-subtable.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-595   MRN: 900595',
    dateOfService: '07/14/2026',
    contains: [
      ['assessment', '1 | Neoplasm of unspecified behavior of skin | D49.2 | Nasal tip, r/o BCC'],
      ['procedure', 'Procedure: Shave removal | Site: L upper back | Size: 1.2 cm'],
    ],
  },
  {
    file: 'epic/progress-note-smartlink-table-show-all.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-596   MRN: 900596',
    dateOfService: '7/21/2026',
    // The hidden rest of a "Show all" section is this note's text.
    contains: [['assessment', '2. Actinic keratoses, L dorsal hand x2 - cryotherapy with liquid nitrogen']],
  },
  {
    file: 'ema/path-tracking-list-several-patients.html',
    adapter: 'ema',
    roles: ['pathology'],
    // A worklist of several patients names no one patient and no visit: no patient, no date of service.
    contains: [['pathology', 'Doe, Jane | 07/20/2026']],
  },
  {
    file: 'generic/lesion-matrix-row-headers-abbr.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-598   MRN: 900598',
    dateOfService: '08/04/2026',
    // Row headers before their cells read as labels; the parser turns the sideways grid back (core/parse/transposed-grid.ts).
    contains: [['procedure', 'Procedure: Shave bx | Punch bx, 4 mm, 1 suture | LN2 cryotherapy, 2 cycles']],
  },
  {
    file: 'generic/unicode-noise-sizes-codes.html',
    adapter: 'generic',
    roles: ['note'],
    patient: 'Test, Patient-599   MRN: 900599',
    dateOfService: '08/11/2026',
    contains: [['note', 'Excised diameter: 2.\u00ad0 cm']],
  },
  {
    file: 'eclinicalworks/progress-note-procedures-table-and-notes.html',
    adapter: 'ecw',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-700   MRN: 900700',
    dateOfService: '11/02/2026',
    // The Procedures table's rows read as fields; the Procedure Notes tell them again in prose.
    contains: [
      ['procedure', 'Procedure: Shave biopsy | Location: R dorsal forearm | Size: 0.7 cm | Specimen: A'],
      ['procedure', 'Tangential (shave) biopsies were taken with a DermaBlade'],
    ],
  },
  {
    file: 'athena/ap-ordered-list-icd-chips.html',
    adapter: 'athena',
    roles: ['assessment'],
    patient: 'TEST, PATIENT-701   MRN: 900701',
    dateOfService: '11/04/2026',
    // The <ol> items are numbered in the text; each chip stays beside its diagnosis name.
    contains: [['assessment', '1. Inflamed seborrheic keratosis L82.0']],
  },
  {
    file: 'ema/chart-pathology-tab-two-reports.html',
    adapter: 'ema',
    roles: ['pathology'],
    patient: 'Test, Patient-702   MRN: 900702',
    dateOfService: '10/20/2026',
    contains: [['pathology', 'Accession: RD26-04412']],
  },
  {
    file: 'epic/notes-activity-note-in-viewer-frame.html',
    adapter: 'epic',
    roles: ['note'],
    patient: 'Test, Patient-703   MRN: 900703',
    dateOfService: '11/05/2026',
    // The note is read from the same-origin viewer frame inside the report pane.
    contains: [['note', 'Excised diameter: 2.6 cm']],
  },
  {
    file: 'nextech/op-note-mohs-map-block-rows.html',
    adapter: 'nextech',
    roles: ['assessment'],
    patient: 'Test, Patient-704   MRN: 900704',
    dateOfService: '11/09/2026',
    // One row per tissue block; the parser counts a stage's rows (core/parse/mohs.ts).
    contains: [['other', 'Stage | Block | Ink | Tumor']],
  },
  {
    file: 'generic/visit-note-beside-print-preview-copy.html',
    adapter: 'generic',
    roles: ['assessment'],
    patient: 'Test, Patient-705   MRN: 900705',
    dateOfService: '11/10/2026',
    // The print-preview pane is read too; the parser drops its copy of the sections (core/parse/index.ts).
    contains: [['assessment', 'Keloids of the chest x2']],
  },
  {
    file: 'ema/visit-collapsed-panels-grid-cells.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-790   MRN: 900790',
    dateOfService: '11/12/2026',
    // The collapsed panels (hidden bodies) are read; their CSS-grid cells come one a line (joined by core/parse).
    contains: [['assessment', 'Number of lesions\n8']],
  },
  {
    file: 'athena/ap-table-problem-order-icd.html',
    adapter: 'athena',
    roles: ['assessment'],
    patient: 'TEST, PATIENT-791   MRN: 900791',
    dateOfService: '11/13/2026',
    // A grid holding ICD codes keeps its columns: problem | order | code on one line.
    contains: [['assessment', 'Actinic keratosis, scalp | Cryotherapy with liquid nitrogen to 5 actinic keratoses']],
  },
  {
    file: 'eclinicalworks/progress-note-two-sibling-frames.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure', 'charges'],
    patient: 'Test, Patient-792   MRN: 900792',
    dateOfService: '11/16/2026',
    // The right-hand pane is a frame beside the ProgNote viewer, not inside it.
    contains: [['procedure', 'Specimen B to in-house dermatopathology']],
  },
  {
    file: 'generic/procedure-record-bold-banner-yes-no-boxes.html',
    adapter: 'generic',
    // "Procedure 1 - Shave removal" titles are no page headings: the parser splits them out of "Reason for visit".
    roles: ['other', 'assessment'],
    // The name is only in bold, with no label: the page reads the MRN; the background reads the name (core/parse/identity.ts).
    patient: 'MRN: 900795',
    dateOfService: '11/18/2026',
    // An unlabeled box before its word: only the ticked word is read.
    contains: [
      ['other', 'Specimen sent to pathology: No\nCosmetic (patient pays): No'],
      ['other', 'Performed today: No (deferred'],
    ],
  },
  {
    file: 'nextech/visit-bootstrap-label-value-rows.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-796   MRN: 900796',
    dateOfService: '11/19/2026',
    contains: [['procedure', 'Excised diameter\n1.8 cm']],
  },
  {
    file: 'epic/procedure-record-question-answer-radios.html',
    adapter: 'epic',
    roles: ['procedure'],
    patient: 'Test, Patient-799   MRN: 900799',
    dateOfService: '11/20/2026',
    // Cells are labeled by their column ("Question: … | Answer: …": core/parse reads the row as one field); only the chosen radio's word.
    contains: [['procedure', 'Question: Cryotherapy of additional lesions performed | Answer: No']],
  },
  {
    file: 'ema/visit-ap-items-strong-key-value-lines.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-850   MRN: 900850',
    dateOfService: '11/23/2026',
    // Each A&P item's procedure as <strong>-keyed lines split by <br>: one field a line.
    contains: [['assessment', 'Procedure: Shave biopsy (tangential)\nLocation: R dorsal forearm']],
  },
  {
    file: 'athena/exam-ap-and-procedures-sibling-frames.html',
    adapter: 'athena',
    roles: ['assessment', 'procedure'],
    patient: 'TEST, PATIENT-851   MRN: 900851',
    dateOfService: '11/23/2026',
    // The procedure pane is a frame beside frMain (both three frames deep): read with it.
    contains: [
      ['assessment', 'LN2 to 2 lesions'],
      ['procedure', 'repair length 3.5 cm'],
    ],
  },
  {
    file: 'nextech/visit-procedure-form-output-datalist-optgroup.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-852   MRN: 900852',
    dateOfService: '11/23/2026',
    // The chosen option of each grouped <select>, the <output> values; no <datalist> suggestion.
    contains: [
      ['procedure', 'Technique: Punch\n'],
      ['procedure', 'Drug: Kenalog-10 (10 mg/mL)\nNumber of lesions injected: 3'],
      ['procedure', 'Total volume (mL): 0.9'],
    ],
  },
  {
    file: 'epic/progress-note-smartphrase-tables-merged-headers.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-853   MRN: 900853',
    dateOfService: '11/23/2026',
    contains: [['procedure', 'SHAVE REMOVAL']],
  },
  {
    file: 'generic/visit-beside-earlier-path-result-pane.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment', 'pathology'],
    patient: 'Test, Patient-854   MRN: 900854',
    dateOfService: '11/23/2026',
    // The earlier date's result is read as a report (the engine keeps it off today's specimen A).
    contains: [['pathology', 'Collected: 10/30/2026']],
  },
  {
    file: 'generic/markdown-rendered-note.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-855   MRN: 900855',
    dateOfService: '11/23/2026',
    contains: [
      ['procedure', 'Number of tags: 12'],
      ['assessment', '1. Actinic keratoses, forehead L57.0'],
    ],
  },
  {
    file: 'eclinicalworks/progress-note-free-text-br-caps-headings.html',
    adapter: 'ecw',
    // One <div> of <br> lines: no DOM headings; the parser splits the capitalised titles.
    roles: ['note'],
    patient: 'Test, Patient-856   MRN: 900856',
    dateOfService: '11/23/2026',
    contains: [['note', 'PROCEDURE:\nIncision and drainage of abscess, R upper back.']],
  },
  {
    file: 'generic/sign-note-dialog-preview-over-editor.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-857   MRN: 900857',
    dateOfService: '11/23/2026',
    contains: [['procedure', '2. Punch biopsy, R anterior thigh, 4 mm punch']],
  },
  {
    file: 'ema/visit-procedure-note-lesion-table-note-rows.html',
    adapter: 'ema',
    roles: ['header', 'procedure', 'assessment'],
    patient: 'Test, Patient-858   MRN: 900858',
    dateOfService: '11/24/2026',
    // One row per lesion read as fields; the note row under a lesion (indent cell + colspan) is plain text, not "Site: …".
    contains: [['procedure', 'Margin: 0.2 cm | Specimen: A\nRepair: intermediate, layered closure']],
  },
  {
    file: 'epic/procedures-card-table-stacked-labels.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-859   MRN: 900859',
    dateOfService: '11/24/2026',
    // Each cell stacks its label over its value: the row's text runs "value | label" (core/parse/stacked-fields.ts joins it).
    contains: [['procedure', 'Shave removal | Site\nL temple | Lesion diameter\n0.7 cm']],
  },
  {
    file: 'nextech/visit-cryotherapy-site-count-table-total.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-860   MRN: 900860',
    dateOfService: '11/24/2026',
    // A column of bare counts keeps its columns; the footer row is read as the count (core/parse/measure.ts).
    contains: [['procedure', 'Dorsal hands | 2\nTotal | 9']],
  },
  {
    file: 'eclinicalworks/progress-note-biopsy-table-assessment-count.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-861   MRN: 900861',
    dateOfService: '11/24/2026',
    // A header row of bold <td>s is no field grid: the rows keep their columns.
    contains: [
      ['procedure', 'Procedure | Site | Lesion size | Specimen\nShave biopsy | L cheek | 0.5 cm | A'],
      ['assessment', 'x3 - D49.2 (Primary) - biopsied'],
    ],
  },
  {
    file: 'ema/visit-procedure-form-label-input-no-colon.html',
    adapter: 'ema',
    roles: ['header', 'procedure', 'assessment'],
    patient: 'Test, Patient-970   MRN: 900970',
    dateOfService: '11/25/2026',
    // <label> without a colon before a typed <input value>: the value is read after its label (core/parse reads the field).
    contains: [['procedure', 'Site L dorsal forearm\nLesion diameter (cm) 0.7']],
  },
  {
    file: 'nextech/visit-procedure-grid-aria-label-values.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-971   MRN: 900971',
    dateOfService: '11/25/2026',
    // Values named only by aria-label (icons for labels) read as labeled fields.
    contains: [['procedure', 'Lesion size: 0.8 cm\nMargins: 0.4 cm']],
  },
  {
    file: 'eclinicalworks/progress-note-procedures-pre-fixed-columns.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-972   MRN: 900972',
    dateOfService: '11/25/2026',
    // The <pre> keeps its padded columns; core/parse/aligned-table.ts turns the rows into fields.
    contains: [['procedure', '2  R posterior thigh    Punch, 4 mm            0.5 cm   B']],
  },
  {
    file: 'epic/progress-note-details-sections-wrap-up-charges.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-973   MRN: 900973',
    dateOfService: '11/26/2026',
    // The folded <details> sections of this note are read; the Wrap-up list is the entered charges.
    contains: [
      ['procedure', 'Liquid nitrogen to 16 actinic keratoses'],
      ['charges', '17003 - DESTRUCT PREMALG LES 2-14 x15 (L57.0)'],
    ],
  },
  {
    file: 'athena/ap-diagnosis-table-and-orders-table.html',
    adapter: 'athena',
    roles: ['assessment'],
    patient: 'TEST, PATIENT-974   MRN: 900974',
    dateOfService: '11/26/2026',
    // Tables holding codes or a column of numbers keep their columns.
    contains: [
      ['assessment', '1 | B07.8 | Other viral warts'],
      ['other', 'Skin biopsy, tangential | L upper back, shave biopsy'],
    ],
  },
  {
    file: 'generic/role-heading-divs-css-bullet-items.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-975   MRN: 900975',
    dateOfService: '11/26/2026',
    // <div role="heading"> titles; bullet <div>s (CSS ::before markers) are lines.
    contains: [['procedure', 'Removal of skin tags by snip excision, neck and upper chest\nNumber of tags: 18']],
  },
  {
    file: 'ema/visit-pathology-tracking-three-specimens-one-pending.html',
    adapter: 'ema',
    roles: ['header', 'assessment', 'pathology'],
    patient: 'Test, Patient-976   MRN: 900976',
    dateOfService: '11/16/2026',
    // The visit's tracking table is keyed by specimen: one line per part, the pending one without a diagnosis.
    contains: [['pathology', 'Specimen C: Punch biopsy | Location: R calf | Status: Pending']],
  },
  {
    file: 'generic/visit-note-and-print-preview-iframe.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-977   MRN: 900977',
    dateOfService: '11/26/2026',
    // The print-preview frame repeats the visit (read in place; the parser keeps one copy).
    contains: [['assessment', 'OFFICE VISIT NOTE']],
  },
  {
    file: 'epic/procedure-note-laterality-location-fields.html',
    adapter: 'epic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-978   MRN: 900978',
    dateOfService: '11/26/2026',
    // The side in a field of its own (core/parse/side-field.ts writes it into the location).
    contains: [
      ['procedure', 'Laterality: Right\nLocation: Upper eyelid'],
      ['procedure', 'Laterality: Left | Location: Ring finger'],
    ],
  },
  {
    file: 'nextech/visit-lesion-grid-split-header-table.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-979   MRN: 900979',
    dateOfService: '11/26/2026',
    // The header table (column titles only) reads as a titles line over the rows' own table.
    contains: [['procedure', '# | Location | Procedure | Size (mm) | Specimen\n1 | L mid back |']],
  },
  {
    file: 'ema/visit-bill-diagnosis-pointer-letters.html',
    adapter: 'ema',
    roles: ['header', 'assessment', 'charges'],
    patient: 'Test, Patient-980   MRN: 900980',
    dateOfService: '11/26/2026',
    // The bill's lettered diagnoses and "Pointers" column (A, B) are claim pointers, not specimens.
    contains: [['charges', '11301 | Shave removal, trunk/arms/legs, 0.6-1.0 cm | 1 | | B']],
  },
  {
    file: 'athena/exam-nimbus-procedure-chips-no-spaces.html',
    adapter: 'athena',
    roles: ['procedure', 'assessment'],
    patient: 'TEST, PATIENT-981   MRN: 900981',
    dateOfService: '11/26/2026',
    // Chips rendered with no white space between them read run together, as innerText does (core/parse/glued-words.ts splits them).
    contains: [['procedure', '- Shave biopsyL dorsal forearm0.6 cmSpecimen A']],
  },
  // Probe h28 (round 11).
  {
    file: 'ema/visit-procedure-type-tabs-hidden-panels.html',
    adapter: 'ema',
    roles: ['header', 'procedure', 'assessment'],
    patient: 'Test, Patient-1040   MRN: 901040',
    dateOfService: '11/27/2026',
    // Procedure-type tabs: only the selected type's panel is read; the hidden Punch / Excision / Cryotherapy panels are not.
    contains: [['procedure', 'Shave Biopsy\nLocation: L upper back']],
  },
  {
    file: 'ema/visit-lesion-grid-checkbox-columns-template-row.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-1047   MRN: 901047',
    dateOfService: '11/27/2026',
    // A ticked treatment column reads as its name; unticked ones say nothing; the <template> row is not read.
    contains: [['other', 'Size: 0.8 cm | | | Shave biopsy | | Specimen: A']],
  },
  {
    file: 'athena/signoff-em-and-im-injection-only.html',
    adapter: 'athena',
    roles: ['assessment', 'visit', 'charges'],
    patient: 'TEST, PATIENT-1042   MRN: 901042',
    dateOfService: '11/27/2026',
    contains: [['visit', '99213 - Office visit, established patient, low MDM']],
  },
  {
    file: 'nextech/procedure-card-radio-technique-closure.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1043   MRN: 901043',
    dateOfService: '11/27/2026',
    // Only the checked radio's label is read.
    contains: [['procedure', 'Technique: Punch']],
  },
  {
    file: 'eclinicalworks/progress-note-assessment-icd-selects.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-1046   MRN: 901046',
    dateOfService: '11/27/2026',
    // Only each ICD picker's chosen option is read.
    contains: [['assessment', '1. Inflamed seborrheic keratosis - L82.0 (Primary)']],
  },
  {
    file: 'epic/progress-note-excision-for-results-table.html',
    adapter: 'epic',
    roles: ['note'],
    patient: 'Test, Patient-1044   MRN: 901044',
    dateOfService: '11/20/2026',
    contains: [['note', 'Excised diameter: 2.0 cm']],
  },
  {
    file: 'epic/results-components-final-diagnosis-row.html',
    adapter: 'epic',
    roles: ['note'],
    patient: 'Test, Patient-1044   MRN: 901044',
    dateOfService: '11/20/2026',
    // A Component | Value table reads row by row as labeled cells (core/parse/stacked-fields.ts joins them).
    contains: [['note', 'Component: Final Diagnosis | Value: A. Skin, left upper back, excision:']],
  },
  {
    file: 'epic/encounters-list-with-open-visit-note.html',
    adapter: 'epic',
    roles: ['note', 'procedure', 'assessment'],
    patient: 'Test, Patient-1049   MRN: 901049',
    dateOfService: '11/27/2026',
    contains: [['procedure', 'Cryotherapy: liquid nitrogen to 5 actinic keratoses']],
  },
  {
    file: 'generic/lead-line-two-kinds-over-procedure-table.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1041   MRN: 901041',
    dateOfService: '11/27/2026',
    contains: [['procedure', 'Shave removals and a biopsy.']],
  },
  {
    file: 'generic/rich-text-editor-iframe-hidden-source-textarea.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'MRN: 901045',
    dateOfService: '11/27/2026',
    // The editor's iframe body is read; the hidden source <textarea> (an old draft's HTML) is not.
    contains: [['procedure', '1) Shave biopsy, R dorsal forearm, 0.9 cm']],
  },
  {
    file: 'generic/two-column-problem-list-beside-note.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment', 'visit'],
    patient: 'Test, Patient-1048   MRN: 901048',
    // The dated visit title ("Office Visit - 11/27/2026") is no date-of-service field: the page names none.
    contains: [['other', 'Problem List\n- Melanoma in situ, L upper back (D03.59)']],
  },
  {
    file: 'epic/progress-note-orders-future-and-canceled.html',
    adapter: 'epic',
    roles: ['note', 'assessment'],
    patient: 'Test, Patient-1050   MRN: 901050',
    dateOfService: '11/27/2026',
    contains: [['assessment', 'MOHS MICROGRAPHIC SURGERY, L nasal ala | Future | 12/15/2026']],
  },
  {
    file: 'eclinicalworks/progress-note-lab-reports-biopsy-proof-excision.html',
    adapter: 'ecw',
    roles: ['assessment', 'procedure'],
    patient: 'Test, Patient-1051   MRN: 901051',
    dateOfService: '11/27/2026',
    contains: [['other', 'Lab Reports:\nSurgical Pathology, skin, R dorsal forearm, shave biopsy (collected 11/06/2026) - Invasive squamous cell carcinoma']],
  },
  {
    file: 'generic/signed-note-addendum-retracts-procedure.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1052   MRN: 901052',
    dateOfService: '11/27/2026',
    contains: [['assessment', 'Correction: the cryotherapy in procedure 2 was not performed.']],
  },
  // Round 12 (h33): patients 1180-1191.
  {
    file: 'generic/procedure-grid-cells-free-labels.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1180   MRN: 901180',
    dateOfService: '11/23/2026',
    // Grid cells one a line (joined into fields by the parser, core/parse/stacked-fields.ts).
    contains: [['procedure', 'Hemostatic agent\nAluminum chloride\nSpecimen\nA']],
  },
  {
    file: 'generic/pipe-text-table-under-lead-line.html',
    adapter: 'generic',
    roles: ['note'],
    patient: 'Test, Patient-1181   MRN: 901181',
    dateOfService: '11/23/2026',
    contains: [['note', 'as listed below.\nSite | Size | Technique | Specimen\nR temple | 0.4 cm | shave removal | A']],
  },
  {
    file: 'generic/two-column-header-date-below-left-column.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    // The name has no label in the header: only the MRN is named.
    patient: 'MRN: 901182',
    dateOfService: '11/24/2026',
    contains: [['note', 'Visit Date\n11/24/2026']],
  },
  {
    file: 'ema/visit-material-checkboxes-saved-without-checked.html',
    adapter: 'ema',
    roles: ['header', 'procedure', 'assessment'],
    patient: 'Test, Patient-1183   MRN: 901183',
    dateOfService: '11/24/2026',
    // The ticked boxes have no checked attribute (cli/html.ts reads the wrapper class and aria-checked).
    contains: [['procedure', 'Procedures Performed\nDestruction of premalignant lesions, cryotherapy (LN2), 2 freeze-thaw cycles - 9 actinic keratoses']],
  },
  {
    file: 'epic/smartform-procedure-note-hidden-smartlist-options.html',
    adapter: 'epic',
    roles: ['note', 'assessment'],
    patient: 'Test, Patient-1184   MRN: 901184',
    dateOfService: '11/24/2026',
    contains: [['note', 'Biopsy type: Punch\nPunch size: 4 mm\nClosure: simple, 4-0 nylon x2\n']],
  },
  {
    file: 'athena/exam-orders-procedures-table-ap-pane.html',
    adapter: 'athena',
    roles: ['procedure', 'assessment'],
    patient: 'TEST, PATIENT-1185   MRN: 901185',
    dateOfService: '11/24/2026',
    contains: [['assessment', '3 inflamed cysts injected today (see Orders / Procedures).']],
  },
  {
    file: 'ema/visit-procedure-accordion-collapsed-aria-expanded.html',
    adapter: 'ema',
    roles: ['header', 'assessment'],
    patient: 'Test, Patient-1186   MRN: 901186',
    dateOfService: '11/25/2026',
    // The accordion body is folded (class "collapse"): still read.
    contains: [['assessment', 'Excised diameter: 2.0 cm']],
  },
  {
    file: 'nextech/results-mat-table-pas-stain.html',
    adapter: 'nextech',
    roles: ['pathology'],
    patient: 'Test, Patient-1187   MRN: 901187',
    dateOfService: '11/16/2026',
    contains: [['pathology', 'Stains: PAS: positive for fungal hyphae']],
  },
  {
    file: 'eclinicalworks/progress-note-pre-block-charges-each-technique.html',
    adapter: 'ecw',
    roles: ['note', 'charges'],
    patient: 'Test, Patient-1188   MRN: 901188',
    dateOfService: '11/25/2026',
    contains: [
      ['note', '  R upper back     0.6 cm pink scaly papule'],
      ['charges', '11105-59 x1 D48.5'],
    ],
  },
  {
    file: 'generic/print-preview-web-component-same-note-twice.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1189   MRN: 901189',
    dateOfService: '11/25/2026',
    contains: [['procedure', 'Snip removal of 4 irritated, bleeding skin tags of the neck']],
  },
  {
    file: 'generic/table-layout-nested-tables-td-labels.html',
    adapter: 'generic',
    roles: ['procedure', 'assessment'],
    patient: 'Test, Patient-1190   MRN: 901190',
    dateOfService: '11/25/2026',
    contains: [['procedure', '1. Excision\nSite | L anterior thigh']],
  },
  {
    file: 'nextech/visit-details-procedures-billing-margin-added.html',
    adapter: 'nextech',
    roles: ['procedure', 'assessment', 'charges'],
    patient: 'Test, Patient-1191   MRN: 901191',
    dateOfService: '11/25/2026',
    contains: [['procedure', 'Lesions: 4 common warts, L dorsal hand and L index finger.']],
  },
];
