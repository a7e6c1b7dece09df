import { z } from 'zod';
import { codeInfo } from './catalog';
import { MUE_SEED_VERSION, mueSeed } from './data/mue-seed';
import { editTableFields, IsoDate } from './edit-table';

/**
 * Medically Unlikely Edits (reference §11.4): the most units of a code one
 * practitioner reports for one patient on one date of service.
 * MAI 1 = claim-line edit (extra units may go on separate lines with modifiers);
 * MAI 2 = date-of-service edit, policy (absolute); MAI 3 = date-of-service edit,
 * clinical (appealable). Units above the MUE deny all units of the line/DOS.
 */

export const MueAdjudication = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type MueAdjudication = z.infer<typeof MueAdjudication>;

export const MueEntry = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/),
  value: z.number().int().nonnegative(),
  /** null when the source gave the value but not the adjudication indicator. */
  mai: MueAdjudication.nullable(),
  rationale: z.string().default(''),
  source: z.string().default(''),
  confidence: z.enum(['V', 'S', 'U']).default('V'),
  historical: z.boolean().default(false),
  effective: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).optional(),
});
export type MueEntry = z.infer<typeof MueEntry>;
export type MueEntryInput = z.input<typeof MueEntry>;

/** One version of the practitioner MUE table. Imported rows: [code, value, mai, rationale index]. */
export const MueTable = z.object({
  kind: z.literal('mue'),
  ...editTableFields,
  entries: z.array(MueEntry).default([]),
});
export type MueTable = z.infer<typeof MueTable>;

export const mueSeedTable: MueTable = MueTable.parse({
  kind: 'mue',
  version: MUE_SEED_VERSION,
  source: 'DermLens coding reference §11.4',
  complete: false,
  entries: mueSeed,
});

const codeCache = new WeakMap<MueTable, Map<string, MueEntry>>();

function tableIndex(table: MueTable): Map<string, MueEntry> {
  let index = codeCache.get(table);
  if (index) return index;
  index = new Map();
  for (const e of table.entries ?? []) index.set(e.code, e);
  for (const row of table.rows) {
    if (!Array.isArray(row) || row.length < 3) continue;
    const [code, value, mai, rationaleIndex] = row as [unknown, unknown, unknown, unknown];
    if (typeof code !== 'string' || typeof value !== 'number') continue;
    index.set(code, {
      code,
      value,
      mai: mai === 1 || mai === 2 || mai === 3 ? mai : null,
      rationale: typeof rationaleIndex === 'number' ? (table.rationales?.[rationaleIndex] ?? '') : '',
      source: `CMS practitioner MUE ${table.version}`,
      confidence: 'V',
      historical: false,
    });
  }
  codeCache.set(table, index);
  return index;
}

/**
 * The imported MUE version in force on a DOS: the newest whose effectiveFrom is on or
 * before it. A DOS before every imported version gets none (MUE rows carry no dates).
 */
export function pickMueTable(imported: readonly MueTable[] | undefined, dos: string | undefined): MueTable | undefined {
  // Tables come from outside core (Settings.edits): ignore anything that is not one.
  const usable = Array.isArray(imported)
    ? imported.filter((t): t is MueTable => t?.kind === 'mue' && typeof t.version === 'string' && Array.isArray(t.rows))
    : [];
  if (usable.length === 0) return undefined;
  const sorted = [...usable].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.version.localeCompare(b.version));
  if (!dos) return sorted.at(-1);
  return sorted.filter((t) => !t.effectiveFrom || t.effectiveFrom <= dos).at(-1);
}

export interface MueLookup {
  entry: MueEntry;
  /** Where the value came from: an imported CMS version, the reference seed, or the code catalog. */
  origin: 'imported' | 'seed' | 'catalog';
  version: string;
}

function entryApplies(e: MueEntry, dos: string | undefined): boolean {
  if (!e.effective || !dos) return true;
  return (!e.effective.from || dos >= e.effective.from) && (!e.effective.to || dos < e.effective.to);
}

/**
 * MUE for a code on a DOS. An applicable imported CMS table is authoritative (a code
 * it does not list has no published MUE); otherwise the reference seed, then the
 * catalog's `mue` field. undefined = no MUE data (the check says it was not checked).
 */
export function lookupMue(code: string, dos: string | undefined, imported?: readonly MueTable[]): { lookup?: MueLookup; authoritative: boolean } {
  const table = pickMueTable(imported, dos);
  if (table) {
    const entry = tableIndex(table).get(code);
    return { lookup: entry ? { entry, origin: 'imported', version: table.version } : undefined, authoritative: true };
  }
  const seeded = tableIndex(mueSeedTable).get(code);
  if (seeded && entryApplies(seeded, dos)) return { lookup: { entry: seeded, origin: 'seed', version: mueSeedTable.version }, authoritative: false };
  const info = codeInfo(code);
  if (info?.mue) {
    const entry: MueEntry = {
      code,
      value: info.mue.value,
      mai: info.mue.mai,
      rationale: '',
      source: 'DermLens code catalog',
      confidence: info.mue.confidence,
      historical: false,
    };
    return { lookup: { entry, origin: 'catalog', version: 'catalog' }, authoritative: false };
  }
  return { authoritative: false };
}
