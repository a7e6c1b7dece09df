import { z } from 'zod';

/** PFS global period indicator. */
export const GlobalDays = z.enum(['000', '010', '090', 'XXX', 'YYY', 'ZZZ', 'MMM']);
export type GlobalDays = z.infer<typeof GlobalDays>;

/**
 * One code in our catalog. `short` is our own plain-language description, never
 * AMA descriptor text. `confidence` mirrors the reference's tags: V verified,
 * S standard, U unverified (the engine asks the user to verify U facts).
 */
export const CodeEntry = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/),
  short: z.string().min(3).max(120),
  family: z.string(),
  global: GlobalDays,
  /** Add-on codes: the primary codes they may be reported with. */
  addOnParents: z.array(z.string()).optional(),
  /** Exempt from modifier 51. */
  exempt51: z.boolean().optional(),
  /** Medically unlikely edit: max units per DOS and the adjudication indicator. */
  mue: z
    .object({ value: z.number().int().positive(), mai: z.union([z.literal(1), z.literal(2), z.literal(3)]), confidence: z.enum(['V', 'S', 'U']) })
    .optional(),
  /** HCPCS drug codes: the amount one unit stands for. */
  dosage: z.object({ amount: z.number().positive(), unit: z.enum(['mg', 'units', 'mL', 'mcg', 'stick']) }).optional(),
  effective: z.object({ from: z.string().optional(), to: z.string().optional() }).optional(),
  confidence: z.enum(['V', 'S', 'U']).default('S'),
});
export type CodeEntry = z.infer<typeof CodeEntry>;
export type CodeEntryInput = z.input<typeof CodeEntry>;
