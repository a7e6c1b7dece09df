import { z } from 'zod';
import { NCCI_PTP_SEED_VERSION, ncciPtpSeed } from './data/ncci-ptp-seed';
import { editTableFields, IsoDate } from './edit-table';

/**
 * NCCI procedure-to-procedure (PTP) edits, practitioner file layout (reference §11.1):
 * column 1 and column 2 codes, effective and deletion dates, and the modifier
 * indicator (0 = never bypassed, 1 = an NCCI-associated modifier can bypass it when
 * the services are distinct, 9 = not applicable).
 */
const HcpcsCode = z.string().regex(/^[0-9A-Z]{5}$/, 'expected a 5-character CPT/HCPCS code');

export const ModifierIndicator = z.union([z.literal(0), z.literal(1), z.literal(9)]);
export type ModifierIndicator = z.infer<typeof ModifierIndicator>;

export const PtpEdit = z.object({
  column1: HcpcsCode,
  column2: HcpcsCode,
  /** First date of service the edit applies to; null when the source did not give one. */
  effective: IsoDate.nullable(),
  /** CMS deletion date: the last date of service the edit applied to (inclusive); null = still active. */
  deleted: IsoDate.nullable(),
  modifierIndicator: ModifierIndicator,
  rationale: z.string().default(''),
  source: z.string().default(''),
  confidence: z.enum(['V', 'S', 'U']).default('V'),
  /** The row comes from an old secondary source and must be re-checked against the current file. */
  historical: z.boolean().default(false),
  /** CMS "*" flag: the edit existed before 1996. */
  priorTo1996: z.boolean().optional(),
});
export type PtpEdit = z.infer<typeof PtpEdit>;
export type PtpEditInput = z.input<typeof PtpEdit>;

/**
 * One version of the PTP table. Imported CMS files are stored compactly: each row is
 * [column1, column2, effective, deleted, modifierIndicator, rationale index].
 */
export const PtpRowTuple = z.tuple([z.string(), z.string(), z.string().nullable(), z.string().nullable(), ModifierIndicator, z.number().int()]);
export type PtpRowTuple = z.infer<typeof PtpRowTuple>;

export const PtpTable = z.object({
  kind: z.literal('ncci-ptp'),
  ...editTableFields,
  /** Seed rows with full provenance (the compact rows are used for imports). */
  edits: z.array(PtpEdit).default([]),
});
export type PtpTable = z.infer<typeof PtpTable>;

/** The built-in table: only the pairs the coding reference establishes. */
export const ncciSeedTable: PtpTable = PtpTable.parse({
  kind: 'ncci-ptp',
  version: NCCI_PTP_SEED_VERSION,
  source: 'DermLens coding reference §11.3 (historical rows from secondary sources)',
  complete: false,
  edits: ncciPtpSeed,
});

/** Is an edit in force on a date of service? Unknown DOS → only undeleted edits count. */
export function ptpActive(edit: Pick<PtpEdit, 'effective' | 'deleted'>, dos: string | undefined): boolean {
  if (!dos) return edit.deleted === null;
  if (edit.effective && dos < edit.effective) return false;
  // NCCI deletion dates name the last day the edit applied (e.g. 20041231 for an edit gone on 2005-01-01).
  if (edit.deleted && dos > edit.deleted) return false;
  return true;
}

/** column 1 → column 2 → rows: looked up for every pair of lines, so no key string is built per lookup. */
type PairIndex = Map<string, Map<string, PtpEdit[]>>;
const indexCache = new WeakMap<PtpTable, PairIndex>();

function rowToEdit(table: PtpTable, row: unknown): PtpEdit | undefined {
  if (!Array.isArray(row) || row.length < 5) return undefined;
  const [column1, column2, effective, deleted, indicator, rationaleIndex] = row as PtpRowTuple;
  if (typeof column1 !== 'string' || typeof column2 !== 'string') return undefined;
  if (indicator !== 0 && indicator !== 1 && indicator !== 9) return undefined;
  return {
    column1,
    column2,
    effective: typeof effective === 'string' ? effective : null,
    deleted: typeof deleted === 'string' ? deleted : null,
    modifierIndicator: indicator,
    rationale: table.rationales?.[rationaleIndex ?? -1] ?? '',
    source: `CMS practitioner PTP ${table.version}`,
    confidence: 'V',
    historical: false,
  };
}

function pairIndex(table: PtpTable): PairIndex {
  const cached = indexCache.get(table);
  if (cached) return cached;
  const index: PairIndex = new Map();
  const add = (e: PtpEdit) => {
    let byColumn2 = index.get(e.column1);
    if (!byColumn2) {
      byColumn2 = new Map();
      index.set(e.column1, byColumn2);
    }
    const list = byColumn2.get(e.column2);
    if (list) list.push(e);
    else byColumn2.set(e.column2, [e]);
  };
  for (const e of table.edits ?? []) add(e);
  for (const row of table.rows) {
    const e = rowToEdit(table, row);
    if (e) add(e);
  }
  indexCache.set(table, index);
  return index;
}

/** Whether the table has any edit with this column-1 code (lets a caller skip a code's pairs at once). */
export function hasPtpEditsFor(table: PtpTable, column1: string): boolean {
  return pairIndex(table).has(column1);
}

/**
 * The PTP edit for column1/column2 in force on the DOS, if any. When CMS lists the
 * same pair twice (a deleted row and a current one), the active row wins; among
 * several active rows the most restrictive indicator (0 before 1) wins.
 */
export function findPtpEdit(table: PtpTable, column1: string, column2: string, dos: string | undefined): PtpEdit | undefined {
  const rows = pairIndex(table).get(column1)?.get(column2);
  if (!rows) return undefined;
  const active = rows.filter((r) => ptpActive(r, dos) && r.modifierIndicator !== 9);
  if (active.length === 0) return rows.find((r) => ptpActive(r, dos));
  return [...active].sort((a, b) => a.modifierIndicator - b.modifierIndicator)[0];
}

/**
 * Which imported PTP version applies to a DOS: the newest whose effectiveFrom is on
 * or before the DOS; rows carry their own dates, so for an older DOS the oldest
 * import still answers. No imports → undefined (the caller falls back to the seed).
 */
export function pickPtpTable(imported: readonly PtpTable[] | undefined, dos: string | undefined): PtpTable | undefined {
  // Tables come from outside core (Settings.edits): ignore anything that is not one.
  const usable = Array.isArray(imported)
    ? imported.filter((t): t is PtpTable => t?.kind === 'ncci-ptp' && typeof t.version === 'string' && Array.isArray(t.rows))
    : [];
  if (usable.length === 0) return undefined;
  const sorted = [...usable].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.version.localeCompare(b.version));
  if (!dos) return sorted.at(-1);
  const eligible = sorted.filter((t) => !t.effectiveFrom || t.effectiveFrom <= dos);
  return eligible.at(-1) ?? sorted[0];
}

/** Code ranges in the reference's list of pairs requested but not verified (§11.3, §16). */
function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let c = from; c <= to; c++) out.push(String(c));
  return out;
}

export interface UnverifiedPairGroup {
  label: string;
  left: ReadonlySet<string>;
  right: ReadonlySet<string>;
}

const set = (codes: string[]) => new Set(codes);
const BIOPSY = set(range(11102, 11107));
const MOHS = set(range(17311, 17315));

/**
 * Pairs the reference asked about but could not verify in the current CMS file
 * (§11.3 "requested pairs NOT verified" and §16.1), plus the §11.3 rows whose exact
 * codes or indicator are not given ("several of 17260-17286", "11010-11012…").
 */
export const UNVERIFIED_PTP_PAIRS: readonly UnverifiedPairGroup[] = [
  { label: 'biopsy 11102-11107 vs shave removal 11300-11313', left: BIOPSY, right: set(range(11300, 11313)) },
  { label: 'biopsy 11102-11107 vs excision 11400-11646', left: BIOPSY, right: set(range(11400, 11646)) },
  { label: 'biopsy/excision vs simple repair 12001', left: set([...BIOPSY, ...range(11400, 11646)]), right: set(['12001']) },
  { label: '17000 vs 17110', left: set(['17000']), right: set(['17110']) },
  { label: '17000/17004 vs malignant destruction 17260-17286', left: set(['17000', '17004']), right: set(range(17260, 17286)) },
  { label: '11900 vs 96372', left: set(['11900', '11901']), right: set(['96372']) },
  { label: '96372 vs E/M 99212-99215', left: set(['96372']), right: set(range(99212, 99215)) },
  { label: 'Mohs vs pathology 88305/88331/88314/88342', left: MOHS, right: set(['88305', '88331', '88314', '88342']) },
  { label: 'Mohs vs repair 12001-13160', left: MOHS, right: set(range(12001, 13160)) },
  { label: 'Mohs vs 11010-11012/15837/15920', left: set(['17311', '17313']), right: set([...range(11010, 11012), '15837', '15920']) },
  { label: '64650 vs 96372', left: set(['64650']), right: set(['96372']) },
];

/** code → the groups (in table order) that name it on either side: most codes are in none. */
const GROUPS_OF_CODE = new Map<string, UnverifiedPairGroup[]>();
for (const g of UNVERIFIED_PTP_PAIRS) {
  for (const code of new Set([...g.left, ...g.right])) {
    const list = GROUPS_OF_CODE.get(code);
    if (list) list.push(g);
    else GROUPS_OF_CODE.set(code, [g]);
  }
}

/** The unverified pair groups that two codes on one claim fall into (either order). */
export function unverifiedPairLabel(a: string, b: string): string | undefined {
  // A matching group names `a` on one side, so only a's groups need checking (first in table order wins).
  const groups = GROUPS_OF_CODE.get(a);
  // b must sit on the other side of one of them, so it too is named by some group.
  if (!groups || !GROUPS_OF_CODE.has(b)) return undefined;
  for (const g of groups) {
    if ((g.left.has(a) && g.right.has(b)) || (g.left.has(b) && g.right.has(a))) return g.label;
  }
  return undefined;
}
