import { z } from 'zod';
import { Span } from './encounter';

export const LineStatus = z.enum(['ready', 'held-for-pathology']);
export type LineStatus = z.infer<typeof LineStatus>;

export const Billing = z.enum(['insurance', 'self-pay']);
export type Billing = z.infer<typeof Billing>;

export const ClaimLine = z.object({
  code: z.string(),
  units: z.number().int().min(1),
  /** Modifiers in claim order. */
  modifiers: z.array(z.string()),
  /** ICD-10-CM codes supporting this line, most specific first (max 4 on an 837P). */
  dx: z.array(z.string()),
  billing: Billing,
  status: LineStatus,
  /** Our own short description of the code (never AMA descriptor text). */
  description: z.string(),
  lesionLabels: z.array(z.string()),
  specimenLabels: z.array(z.string()),
  /** Rules that produced or changed this line. */
  ruleIds: z.array(z.string()),
  /** Chart text this line came from. */
  spans: z.array(Span),
});
export type ClaimLine = z.infer<typeof ClaimLine>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  severity: Severity,
  rule: z.string(),
  message: z.string(),
  /** Lesion or specimen label, or a code, the finding is about. */
  target: z.string().optional(),
  /** What would fix it: "document excised diameter", "add modifier 59 to 11102". */
  fix: z.string().optional(),
  span: Span.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const SpecimenStatus = z.enum(['billed', 'sent', 'resulted', 'unbilled', 'billed-by-lab', 'no-interpretation']);
export type SpecimenStatus = z.infer<typeof SpecimenStatus>;

export const SpecimenSummary = z.object({
  label: z.string(),
  status: SpecimenStatus,
  site: z.string().optional(),
  diagnosis: z.string().optional(),
  behavior: z.string().optional(),
  /** Cross-visit link (core/reconcile): the document the result came from, or the visit a report belongs to. */
  linkedTo: z.string().optional(),
  /** No result after Settings.pathologyAgingDays (core/reconcile). */
  aging: z.boolean().optional(),
  ageDays: z.number().int().optional(),
  /** Malignant, in-situ or uncertain result: is follow-up documented in the patient's notes? (core/reconcile) */
  followUp: z.enum(['documented', 'missing']).optional(),
});
export type SpecimenSummary = z.infer<typeof SpecimenSummary>;

/** Entered charge compared with what the documentation supports. */
export const ChargeComparison = z.object({
  code: z.string(),
  kind: z.enum(['supported', 'unsupported', 'missed', 'units-differ', 'modifiers-differ']),
  entered: z.object({ units: z.number(), modifiers: z.array(z.string()) }).optional(),
  suggested: z.object({ units: z.number(), modifiers: z.array(z.string()) }).optional(),
});
export type ChargeComparison = z.infer<typeof ChargeComparison>;

export const ClaimDraft = z.object({
  encounterId: z.string(),
  dateOfService: z.string().optional(),
  lines: z.array(ClaimLine),
  findings: z.array(Finding),
  specimens: z.array(SpecimenSummary),
  comparison: z.array(ChargeComparison).default([]),
});
export type ClaimDraft = z.infer<typeof ClaimDraft>;
