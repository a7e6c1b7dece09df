import { z } from 'zod';

/** What a content script sends: plain text per chart section, never HTML. */
export const SnapshotSection = z.object({
  name: z.string().max(200),
  /** Section role as the adapter understood it. */
  role: z.enum(['procedure', 'pathology', 'assessment', 'charges', 'visit', 'header', 'note', 'other']),
  text: z.string().max(500_000),
});
export type SnapshotSection = z.infer<typeof SnapshotSection>;

export const ChartSnapshot = z.object({
  adapter: z.string().max(50),
  url: z.string().max(4000),
  /** Raw patient identity as shown on the page; hashed before storage, never stored. */
  patient: z.string().max(500).optional(),
  dateOfService: z.string().max(50).optional(),
  sections: z.array(SnapshotSection).max(100),
  capturedAt: z.number(),
});
export type ChartSnapshot = z.infer<typeof ChartSnapshot>;
