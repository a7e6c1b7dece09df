import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { codeInfo } from '../core/codes/catalog';
import {
  buildMueTable,
  buildPtpTable,
  type EditTables,
  mueEffectiveFromName,
  type ParsedMueRow,
  type ParsedPtpRow,
  type ParseIssue,
  parseMueFile,
  parsePtpFile,
  ptpVersionFromName,
} from '../core/codes/edit-files';
import { MueTable } from '../core/codes/mue';
import { PtpTable } from '../core/codes/ncci';
import { splitArgs, UsageError } from './args';
import type { Io } from './main';
import { InputError } from './read-input';

const USAGE = `usage:
  dermlens data import-ncci FILE... [--data-dir DIR] [--version v321r0] [--effective YYYY-MM-DD] [--all]
  dermlens data import-mue FILE...  [--data-dir DIR] [--version NAME] [--effective YYYY-MM-DD] [--all]
  dermlens data list [--data-dir DIR]

  FILE: CMS practitioner PTP files (ccipra-v*-f1..f4, .txt or .csv) or the practitioner
  MUE file (MCR_MUE_PractitionerServices_Eff_*.csv). Tables are stored as versioned JSON
  in DIR (default $DERMLENS_DATA_DIR or ~/.dermlens/edits); \`dermlens code --edits DIR\` uses them.
  By default only rows touching a code in the DermLens catalog are kept; --all keeps every row.`;

/** Where imported tables live unless --data-dir / --edits says otherwise. */
export function defaultDataDir(): string {
  return process.env.DERMLENS_DATA_DIR || join(homedir(), '.dermlens', 'edits');
}

const MAX_ISSUES_SHOWN = 20;

function readText(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls') throw new InputError(`${path}: Excel files are not read; save the sheet as CSV or use the .txt file from the CMS zip`);
  if (ext === '.zip') throw new InputError(`${path}: unzip the CMS download first and import the .txt/.csv inside`);
  let buffer: Buffer;
  try {
    if (!statSync(path).isFile()) throw new InputError(`${path}: not a file`);
    buffer = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // CMS text files are ASCII/Latin-1; fall back to Latin-1 when the bytes are not valid UTF-8.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('latin1').decode(buffer);
  }
}

function reportIssues(io: Io, file: string, issues: readonly ParseIssue[]): void {
  for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) io.stderr(`${file}:${issue.line}: skipped: ${issue.message}\n`);
  if (issues.length > MAX_ISSUES_SHOWN) io.stderr(`${file}: … and ${issues.length - MAX_ISSUES_SHOWN} more skipped rows\n`);
}

const inCatalog = (code: string) => codeInfo(code) !== undefined;

function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new UsageError(`--${flag} must be a date YYYY-MM-DD`);
  return value;
}

function safeName(version: string): string {
  return version.replace(/[^A-Za-z0-9._-]/g, '_');
}

function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

/** Reads a stored table; undefined (with a warning) when the file is not a valid DermLens table. */
function readTable(path: string, io?: Io): PtpTable | MueTable | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    io?.stderr(`dermlens: ${path}: not valid JSON (${(error as Error).message.split('\n')[0]}); ignored\n`);
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const rows = (raw as { rows?: unknown }).rows;
  // Validate the header with zod; the (possibly million-row) row array is checked row by row at lookup.
  const head = { ...(raw as object), rows: [] };
  const kind = (raw as { kind?: unknown }).kind;
  const parsed = kind === 'mue' ? MueTable.safeParse(head) : PtpTable.safeParse(head);
  if (!parsed.success) {
    io?.stderr(`dermlens: ${path}: not a DermLens edit table (${parsed.error.issues[0]?.message}); ignored\n`);
    return undefined;
  }
  return { ...parsed.data, rows: Array.isArray(rows) ? rows : [] } as PtpTable | MueTable;
}

/** Every table stored in a data directory. */
export function loadEditTables(dir: string, io?: Io): EditTables {
  const tables: EditTables = { ptp: [], mue: [] };
  if (!existsSync(dir)) return tables;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || !(name.startsWith('ncci-ptp-') || name.startsWith('mue-'))) continue;
    const table = readTable(join(dir, name), io);
    if (table?.kind === 'ncci-ptp') tables.ptp?.push(table);
    else if (table?.kind === 'mue') tables.mue?.push(table);
  }
  return tables;
}

/**
 * Tables for `dermlens code`: an explicit --edits DIR must exist; the default directory
 * is used only when present. undefined → the engine's built-in seed tables.
 */
export function editTablesForRun(explicitDir: string | undefined, io?: Io): EditTables | undefined {
  const dir = explicitDir ?? defaultDataDir();
  if (!existsSync(dir)) {
    if (explicitDir) throw new InputError(`--edits ${explicitDir}: no such directory`);
    return undefined;
  }
  const tables = loadEditTables(dir, io);
  if ((tables.ptp?.length ?? 0) === 0 && (tables.mue?.length ?? 0) === 0) return undefined;
  return tables;
}

interface ImportOptions {
  dataDir: string;
  version?: string;
  effective?: string;
  all: boolean;
}

function parseImportArgs(argv: readonly string[]): { options: ImportOptions; files: string[] } {
  const flags = argv.filter((a) => a !== '--all');
  const { options, positional } = splitArgs(flags, ['data-dir', 'version', 'effective']);
  if (positional.length === 0) throw new UsageError('no input file given');
  return {
    options: {
      dataDir: options['data-dir'] ?? defaultDataDir(),
      version: options.version,
      effective: isoDate(options.effective, 'effective'),
      all: argv.includes('--all'),
    },
    files: positional,
  };
}

function rowKey(row: unknown): string {
  return Array.isArray(row) ? row.slice(0, 5).join('|') : '';
}

function importNcci(argv: readonly string[], io: Io): number {
  const { options, files } = parseImportArgs(argv);
  // One CMS release = parts f1..f4 sharing a version; group files by it.
  const byVersion = new Map<string, { files: string[]; rows: ParsedPtpRow[] }>();
  let skippedTotal = 0;
  for (const file of files) {
    const version = options.version ?? ptpVersionFromName(basename(file));
    if (!version) throw new UsageError(`${file}: cannot tell the PTP version from the file name (expected ccipra-v<NNN>r<N>-f<N>); pass --version`);
    const parsed = parsePtpFile(readText(file));
    reportIssues(io, file, parsed.skipped);
    skippedTotal += parsed.skipped.length;
    if (parsed.rows.length === 0)
      throw new InputError(`${file}: no PTP edit rows found (expected Column 1, Column 2, *, Effective Date, Deletion Date, Modifier, Rationale)`);
    io.stdout(`${file}: ${parsed.rows.length} edits read, ${parsed.skipped.length} bad rows skipped\n`);
    const group = byVersion.get(version) ?? { files: [], rows: [] };
    group.files.push(basename(file));
    group.rows.push(...parsed.rows);
    byVersion.set(version, group);
  }
  mkdirSync(options.dataDir, { recursive: true });
  for (const [version, group] of byVersion) {
    const path = join(options.dataDir, `ncci-ptp-${safeName(version)}.json`);
    const { table, filteredOut } = buildPtpTable(group.rows, {
      version,
      effectiveFrom: options.effective,
      source: group.files.join(', '),
      importedAt: new Date().toISOString(),
      keep: options.all ? undefined : inCatalog,
    });
    // Parts of one release imported in separate runs are merged.
    const existing = existsSync(path) ? readTable(path, io) : undefined;
    if (existing?.kind === 'ncci-ptp') {
      const seen = new Set(table.rows.map(rowKey));
      for (const row of existing.rows) {
        if (!Array.isArray(row) || seen.has(rowKey(row))) continue;
        const rationale = existing.rationales[row[5] as number] ?? '';
        let index = table.rationales.indexOf(rationale);
        if (index < 0) index = table.rationales.push(rationale) - 1;
        table.rows.push([...row.slice(0, 5), index]);
        seen.add(rowKey(row));
      }
      const sources = new Set([...existing.source.split(', '), ...group.files]);
      table.source = [...sources].join(', ');
      if (!options.effective && existing.effectiveFrom && (!table.effectiveFrom || existing.effectiveFrom > table.effectiveFrom))
        table.effectiveFrom = existing.effectiveFrom;
      table.filtered = table.filtered || existing.filtered;
    }
    writeJson(path, table);
    io.stdout(
      `NCCI PTP ${version}: ${table.rows.length} edits stored in ${path}` +
        `${filteredOut > 0 ? ` (${filteredOut} row${filteredOut === 1 ? '' : 's'} without a DermLens catalog code left out; --all keeps them)` : ''}` +
        `${table.effectiveFrom ? `, for dates of service from ${table.effectiveFrom}` : ''}\n`,
    );
  }
  io.stdout(`imported ${byVersion.size} PTP version${byVersion.size === 1 ? '' : 's'}; ${skippedTotal} bad row${skippedTotal === 1 ? '' : 's'} skipped\n`);
  return 0;
}

function importMue(argv: readonly string[], io: Io): number {
  const { options, files } = parseImportArgs(argv);
  if (files.length > 1 && (options.version || options.effective)) throw new UsageError('--version/--effective apply to one MUE file at a time');
  mkdirSync(options.dataDir, { recursive: true });
  let skippedTotal = 0;
  for (const file of files) {
    const effectiveFrom = options.effective ?? mueEffectiveFromName(basename(file));
    if (!effectiveFrom)
      throw new UsageError(`${file}: cannot tell the effective date from the file name (expected …_Eff_YYYY-MM-DD.csv); pass --effective YYYY-MM-DD`);
    const version = options.version ?? effectiveFrom;
    const parsed = parseMueFile(readText(file));
    reportIssues(io, file, parsed.skipped);
    skippedTotal += parsed.skipped.length;
    if (parsed.rows.length === 0)
      throw new InputError(`${file}: no MUE rows found (expected HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale)`);
    const rows: ParsedMueRow[] = parsed.rows;
    const { table, filteredOut } = buildMueTable(rows, {
      version,
      effectiveFrom,
      source: basename(file),
      importedAt: new Date().toISOString(),
      keep: options.all ? undefined : inCatalog,
    });
    const path = join(options.dataDir, `mue-${safeName(version)}.json`);
    writeJson(path, table);
    io.stdout(
      `${file}: ${parsed.rows.length} MUE rows read, ${parsed.skipped.length} bad rows skipped; ${table.rows.length} stored in ${path} for dates of service from ${effectiveFrom}` +
        `${filteredOut > 0 ? ` (${filteredOut} code${filteredOut === 1 ? '' : 's'} outside the DermLens catalog left out; --all keeps them)` : ''}\n`,
    );
  }
  io.stdout(`imported ${files.length} MUE version${files.length === 1 ? '' : 's'}; ${skippedTotal} bad row${skippedTotal === 1 ? '' : 's'} skipped\n`);
  return 0;
}

function list(argv: readonly string[], io: Io): number {
  const { options } = splitArgs(argv, ['data-dir']);
  const dir = options['data-dir'] ?? defaultDataDir();
  const tables = loadEditTables(dir, io);
  const all = [...(tables.ptp ?? []), ...(tables.mue ?? [])];
  if (all.length === 0) {
    io.stdout(`no imported edit tables in ${dir}\n`);
    return 0;
  }
  for (const t of all) {
    io.stdout(`${t.kind === 'mue' ? 'MUE ' : 'NCCI PTP'} ${t.version}\tfrom ${t.effectiveFrom ?? '?'}\t${t.rows.length} rows\t${t.source}\n`);
  }
  return 0;
}

export async function runData(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import-ncci':
      return importNcci(rest, io);
    case 'import-mue':
      return importMue(rest, io);
    case 'list':
      return list(rest, io);
    case undefined:
    case 'help':
    case '--help':
      io.stdout(`${USAGE}\n`);
      return sub === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown data command "${sub}" (import-ncci, import-mue, list)`);
  }
}
