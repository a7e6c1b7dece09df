import { z } from 'zod';
import type { EditTables } from '../codes/edit-files';

export const PayerStyle = z.enum(['commercial', 'medicare']);
export type PayerStyle = z.infer<typeof PayerStyle>;

/**
 * in-house: the practice prepares and reads slides (global pathology lines);
 * professional: the practice reads slides an outside lab prepared (-26);
 * external: an outside lab bills pathology (no pathology lines; specimens still tracked).
 */
export const PathologyArrangement = z.enum(['in-house', 'professional', 'external']);
export type PathologyArrangement = z.infer<typeof PathologyArrangement>;

export const Settings = z.object({
  payer: PayerStyle.default('commercial'),
  pathology: PathologyArrangement.default('in-house'),
  /** G2211 policy: report when longitudinal care is documented, or never. */
  g2211: z.enum(['when-documented', 'never']).default('when-documented'),
  /** JW/JZ drug-waste modifiers: Medicare requires them; some commercial payers do too. */
  wasteModifiers: z.enum(['payer-default', 'always', 'never']).default('payer-default'),
  /** Days after which a specimen with no result is flagged. */
  pathologyAgingDays: z.number().int().min(1).max(365).default(14),
  /** Days after a visit within which a later pathology report may match its specimens (core/reconcile; absent → 60). */
  pathologyMatchWindowDays: z.number().int().min(1).max(365).optional(),
  retentionDays: z.number().int().min(1).max(3650).default(90),
  emrHosts: z.array(z.string()).default([]),
  /**
   * Imported CMS edit tables (NCCI PTP, MUE), injected by the host (CLI `--edits DIR`).
   * Validated when imported (cli/data.ts); absent → the checks use the built-in seed tables.
   */
  edits: z.custom<EditTables>((v) => typeof v === 'object' && v !== null).optional(),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});
