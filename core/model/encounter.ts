import { z } from 'zod';

/**
 * Where a fact came from: offsets into the text of one chart section, so the side
 * panel can highlight the exact words a code was built from.
 */
export const Span = z.object({
  section: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

export const Laterality = z.enum(['left', 'right', 'bilateral', 'midline']);
export type Laterality = z.infer<typeof Laterality>;

/** A documented anatomic site; `key` is the canonical site term from core/anatomy. */
export const Site = z.object({
  text: z.string(),
  key: z.string().optional(),
  laterality: Laterality.optional(),
  /** Finger/toe/eyelid detail when documented (e.g. 'upper' eyelid, digit 2). */
  subsite: z.string().optional(),
});
export type Site = z.infer<typeof Site>;

export const Behavior = z.enum(['benign', 'premalignant', 'malignant', 'in-situ', 'uncertain', 'inflammatory', 'infectious', 'nondiagnostic', 'unknown']);
export type Behavior = z.infer<typeof Behavior>;

export const Lesion = z.object({
  label: z.string(),
  site: Site.optional(),
  clinicalSizeCm: z.number().positive().optional(),
  clinicalDiagnosis: z.string().optional(),
  /** ICD-10-CM code documented or derived for the clinical diagnosis. */
  icd10: z.string().optional(),
  /** A biopsy before this visit already proved this lesion malignant. */
  priorMalignantBiopsy: z.boolean().optional(),
  span: Span.optional(),
});
export type Lesion = z.infer<typeof Lesion>;

export const ProcedureKind = z.enum([
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'biopsy-unspecified',
  'shave-removal',
  'excision',
  'hidradenitis-excision',
  'destruction-premalignant',
  'destruction-benign',
  'destruction-malignant',
  'destruction-unspecified',
  'skin-tag-removal',
  'vascular-laser',
  'repair',
  'adjacent-tissue-transfer',
  'graft',
  'flap',
  'flap-division',
  'mohs',
  'intralesional-injection',
  'injection',
  'infusion',
  'chemodenervation',
  'phototherapy',
  'laser-psoriasis',
  'pdt',
  'incision-drainage',
  'acne-surgery',
  'paring',
  'nail',
  'debridement',
  'chemical-peel',
  'cosmetic-other',
  'unlisted',
]);
export type ProcedureKind = z.infer<typeof ProcedureKind>;

export const ProcedureStatus = z.enum(['performed', 'planned', 'deferred', 'declined']);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

export const RepairLevel = z.enum(['simple', 'intermediate', 'complex']);
export type RepairLevel = z.infer<typeof RepairLevel>;

export const Drug = z.object({
  /** Name as documented (e.g. "triamcinolone", "Kenalog-10"). */
  name: z.string(),
  /** HCPCS code when known from the drug catalog or documented. */
  hcpcs: z.string().optional(),
  /** Amount given in the drug's own measure (mg, units, mL…) after dose arithmetic. */
  amountGiven: z.number().nonnegative().optional(),
  unit: z.enum(['mg', 'units', 'mL', 'mcg', 'g', 'stick', 'tube']).optional(),
  /** Amount discarded from a single-dose container, in `unit`. */
  amountWasted: z.number().nonnegative().optional(),
  /** Waste explicitly documented as none. */
  noWaste: z.boolean().optional(),
  container: z.enum(['single-dose', 'multi-dose']).optional(),
  ndc: z.string().optional(),
  route: z.enum(['intralesional', 'subcutaneous', 'intramuscular', 'intravenous', 'topical']).optional(),
});
export type Drug = z.infer<typeof Drug>;

export const MohsStage = z.object({
  stage: z.number().int().positive(),
  blocks: z.number().int().nonnegative().optional(),
});
export type MohsStage = z.infer<typeof MohsStage>;

export const RepairFeatures = z.object({
  layered: z.boolean().optional(),
  undermining: z.enum(['none', 'limited', 'extensive']).optional(),
  heavilyContaminated: z.boolean().optional(),
  exposedDeepStructure: z.boolean().optional(),
  debridedEdges: z.boolean().optional(),
  freeMargin: z.boolean().optional(),
  retentionSutures: z.boolean().optional(),
  tissueAdhesiveOnly: z.boolean().optional(),
});
export type RepairFeatures = z.infer<typeof RepairFeatures>;

/**
 * One documented procedure. Only `status: 'performed'` procedures are coded; the
 * others are kept so the panel can show what was planned, deferred or declined.
 */
export const Procedure = z.object({
  id: z.string(),
  kind: ProcedureKind,
  status: ProcedureStatus.default('performed'),
  /** Lesions this procedure treated (labels into Encounter.lesions). */
  lesionLabels: z.array(z.string()).default([]),
  specimenLabel: z.string().optional(),
  site: Site.optional(),
  /** Greatest clinical lesion diameter before the procedure. */
  lesionDiameterCm: z.number().nonnegative().optional(),
  /** Narrowest margin taken around the lesion (excision). */
  marginCm: z.number().nonnegative().optional(),
  /** Excised diameter when documented directly (lesion + 2 × margin). */
  excisedDiameterCm: z.number().nonnegative().optional(),
  /** Final wound diameter after curettage (C&D) when documented; used for malignant destruction only when the lesion diameter is absent. */
  defectDiameterCm: z.number().nonnegative().optional(),
  /** Repair length, or the treated length of a wound. */
  lengthCm: z.number().nonnegative().optional(),
  repairLevel: RepairLevel.optional(),
  repairFeatures: RepairFeatures.optional(),
  /** Area in sq cm: graft recipient area, ATT total, PDT/laser treated area. */
  areaSqCm: z.number().nonnegative().optional(),
  primaryDefectSqCm: z.number().nonnegative().optional(),
  secondaryDefectSqCm: z.number().nonnegative().optional(),
  flapType: z.string().optional(),
  graftType: z.enum(['split-thickness', 'full-thickness', 'skin-substitute', 'composite']).optional(),
  /** Mohs: stages with block counts. */
  stages: z.array(MohsStage).optional(),
  /** Mohs or repair directly involved muscle, cartilage, bone, tendon, major nerve or vessel. */
  deepStructureInvolved: z.boolean().optional(),
  /** Number of lesions treated (destructions, tags, injections, paring). */
  count: z.number().int().nonnegative().optional(),
  /** Lesion type words found (e.g. 'actinic keratosis', 'wart', 'seborrheic keratosis'). */
  lesionType: z.string().optional(),
  /** Re-excision of a known malignancy (e.g. positive margins). */
  reExcision: z.boolean().optional(),
  /** Biopsy read immediately and its result drove the decision for the larger procedure. */
  drivesDecision: z.boolean().optional(),
  /** Excision lesion closed through one excision together with another (combined size). */
  drug: Drug.optional(),
  /** Phototherapy / laser / PDT modality words ('nbuvb', 'puva', 'goeckerman', 'excimer', 'levulan', 'ameluz'). */
  modality: z.string().optional(),
  /** PDT: who applied and illuminated. */
  appliedBy: z.enum(['physician', 'staff']).optional(),
  /** PDT: targeted debridement of hyperkeratotic lesions before illumination. */
  debridement: z.boolean().optional(),
  /** I&D complicated / multiple. */
  complicated: z.boolean().optional(),
  /** Cosmetic intent documented (e.g. "cosmetic", "patient request, asymptomatic"). */
  cosmetic: z.boolean().optional(),
  /** Medical indications documented for this procedure (symptoms, inflammation, trauma, suspicion). */
  indications: z.array(z.string()).default([]),
  /** Free-text detail the parser kept (e.g. the CPT the note itself named). */
  documentedCode: z.string().optional(),
  text: z.string().default(''),
  span: Span.optional(),
});
export type Procedure = z.infer<typeof Procedure>;
export type ProcedureInput = z.input<typeof Procedure>;

export const SpecimenType = z.enum(['skin', 'cyst', 'skin-tag', 'debridement', 'plastic-repair', 'nail', 'mohs', 'other']);
export type SpecimenType = z.infer<typeof SpecimenType>;

export const Specimen = z.object({
  label: z.string(),
  lesionLabel: z.string().optional(),
  procedureId: z.string().optional(),
  site: Site.optional(),
  type: SpecimenType.default('skin'),
  destination: z.enum(['in-house', 'external', 'unknown']).default('unknown'),
  sentDate: z.string().optional(),
  /** The tissue of this many procedures went in this one container, not told apart: one specimen (§7.2). */
  pieces: z.number().int().min(2).optional(),
});
export type Specimen = z.infer<typeof Specimen>;

export const Stain = z.object({
  name: z.string(),
  /** 88312 microorganism (I), 88313 other (II), 88319 enzyme (III), 88314 on frozen block. */
  group: z.enum(['I', 'II', 'III', 'frozen']),
  blocks: z.number().int().positive().default(1),
});
export type Stain = z.infer<typeof Stain>;

export const PathologyReport = z.object({
  specimenLabel: z.string(),
  /** The specimen's site as the lab wrote it (tie-break for matching). */
  siteText: z.string().optional(),
  diagnosisText: z.string(),
  behavior: Behavior,
  icd10: z.string().optional(),
  margins: z.enum(['clear', 'involved', 'close', 'not-assessed']).optional(),
  specimenType: SpecimenType.default('skin'),
  stains: z.array(Stain).default([]),
  /** Immunostains (one entry per antibody, per specimen). */
  ihc: z.array(z.object({ antibody: z.string(), multiplex: z.boolean().default(false) })).default([]),
  frozenSectionBlocks: z.number().int().nonnegative().optional(),
  /** The report documents a consultation during surgery (gross only, or with frozen sections). */
  intraoperative: z.boolean().optional(),
  consultation: z.enum(['88321', '88323', '88325']).optional(),
  /** Date of service of the procedure this report belongs to, when the report states it. */
  collectedDate: z.string().optional(),
  signedDate: z.string().optional(),
  amended: z.boolean().optional(),
  /**
   * An addendum filed on its own that adds work (stains, immunostains) to a specimen without a
   * diagnosis of its own: it never replaces the specimen's diagnosis; its work adds to the report's.
   */
  supplement: z.boolean().optional(),
  /** Who read it: in the practice (dermatopathology in-house) or an outside lab. */
  readBy: z.enum(['in-house', 'external', 'unknown']).default('unknown'),
  /** An outside lab's report says that lab bills the work ("performed and billed by …"): the practice bills none of it. */
  labBills: z.boolean().optional(),
  /** A result a clinic visit that takes no tissue quotes ("Pathology: … Re-excision recommended; patient agrees"): read elsewhere. */
  reviewed: z.boolean().optional(),
  /** The lab says it never received this part ("B: not received", "container received empty"): no tissue, no result. */
  notReceived: z.boolean().optional(),
  /** The lab's part ("A1") of the note's one container (specimenLabel "A"): that piece's own diagnosis and site. */
  part: z.string().optional(),
  /**
   * The label the report itself printed ("A") when it was matched to the note's specimen ("1") by order: the note
   * numbered what the lab lettered, with as many parts as specimens and none matching by label.
   */
  labelledAs: z.string().optional(),
  span: Span.optional(),
});
export type PathologyReport = z.infer<typeof PathologyReport>;

export const Visit = z.object({
  dateOfService: z.string().optional(),
  /** When the note was dictated, transcribed or signed: never the date of service, told in its finding. */
  noteDated: z.object({ date: z.string(), what: z.enum(['dictated', 'transcribed', 'signed']) }).optional(),
  /** Documented E/M code (e.g. '99213'), if any. */
  emCode: z.string().optional(),
  /** Telehealth modifiers the note documents with its E/M ("99213-95"): kept on the line, never added by DermLens. */
  emModifiers: z.array(z.string()).optional(),
  newPatient: z.boolean().optional(),
  /** "Level 4 visit" written in a note that states neither new nor established patient: the level without its code. */
  emLevelWithoutKind: z.number().int().min(1).max(5).optional(),
  /** Total practitioner time in minutes when documented. */
  totalMinutes: z.number().nonnegative().optional(),
  /** Level of medical decision making when the note states it ("MDM: moderate"). */
  mdm: z.enum(['straightforward', 'low', 'moderate', 'high']).optional(),
  placeOfService: z.string().optional(),
  /** Problems addressed in the assessment/plan, with whether each is only a procedure's decision. */
  problems: z
    .array(
      z.object({
        text: z.string(),
        icd10: z.string().optional(),
        /** Managed beyond a procedure's decision (e.g. prescription, counselling on another condition). */
        separatelyManaged: z.boolean().default(false),
        span: Span.optional(),
      }),
    )
    .default([]),
  /** Longitudinal care relationship documented (for G2211). */
  longitudinalCare: z.boolean().optional(),
  /** Decision for surgery made at this visit (for modifier 57 on 90-day globals). */
  decisionForSurgery: z.boolean().optional(),
  /** Days since a prior procedure whose global period may cover today, if documented. */
  /** This visit falls after a prior procedure: its code or its words ("excision of SCC L forearm"), its date, and whether today's care relates to it. */
  postOpOf: z
    .object({ code: z.string().optional(), procedure: z.string().max(200).optional(), date: z.string().optional(), related: z.boolean().optional() })
    .optional(),
  abnOnFile: z.boolean().optional(),
  /** The patient asks that a service Medicare excludes be submitted anyway, to get a denial (§12.5: then GY, +GX). */
  denialRequested: z.boolean().optional(),
  /** The practice prepares the slides and an outside pathologist reads them and bills the interpretation (§7.3 TC). */
  technicalComponentOnly: z.boolean().optional(),
  provider: z.string().optional(),
});
export type Visit = z.infer<typeof Visit>;

export const EnteredCharge = z.object({
  code: z.string(),
  units: z.number().int().positive().default(1),
  modifiers: z.array(z.string()).default([]),
  dx: z.array(z.string()).default([]),
});
export type EnteredCharge = z.infer<typeof EnteredCharge>;

/** Text that looked like a procedure or a fact but could not be read. */
export const Unread = z.object({ text: z.string(), reason: z.string(), span: Span.optional() });
export type Unread = z.infer<typeof Unread>;

export const Encounter = z.object({
  id: z.string().default('encounter'),
  /** Salted hash of the patient identity; never the raw identifier. */
  patientKey: z.string().optional(),
  /** Initials for display only. */
  patientInitials: z.string().optional(),
  visit: Visit.default({ problems: [] }),
  lesions: z.array(Lesion).default([]),
  procedures: z.array(Procedure).default([]),
  specimens: z.array(Specimen).default([]),
  pathology: z.array(PathologyReport).default([]),
  enteredCharges: z.array(EnteredCharge).default([]),
  unread: z.array(Unread).default([]),
  /** The section texts that spans point into. */
  sections: z.record(z.string(), z.string()).default({}),
});
export type Encounter = z.infer<typeof Encounter>;
export type EncounterInput = z.input<typeof Encounter>;
