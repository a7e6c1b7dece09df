import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');

/**
 * What every versioned CMS edit table (NCCI PTP, MUE) records about itself: which file
 * version, from which date of service, where it came from, and whether a code absent from
 * it really has no edit (`complete`, true only for a CMS import). Imported rows are kept as
 * compact tuples in `rows`, with rationale texts interned in `rationales`.
 */
export const editTableFields = {
  /** CMS file version (e.g. "v321r0") or the seed version. */
  version: z.string(),
  /** First date of service this version applies to (a quarter start, or the "Eff" date of the file name). */
  effectiveFrom: IsoDate.optional(),
  /** Files it was built from. */
  source: z.string(),
  importedAt: z.string().optional(),
  /** True for a CMS import: a code or pair absent from the table has no edit. False for the seed. */
  complete: z.boolean(),
  /** Only rows touching a code in the DermLens catalog were kept (when filtered at import). */
  filtered: z.boolean().default(false),
  rationales: z.array(z.string()).default([]),
  rows: z.array(z.unknown()).default([]),
};
