import type { MueAdjudication, MueTable } from './mue';
import type { ModifierIndicator, PtpTable } from './ncci';

/**
 * Parsers for the CMS edit files a practice downloads each quarter (reference §11.1):
 * - practitioner PTP files `ccipra-v<version>-f1..f4` (.txt tab-delimited, or a .csv
 *   export): notice lines, a header (sometimes wrapped over two lines) naming
 *   Column 1, Column 2, "*=in existence prior to 1996", Effective Date, Deletion Date
 *   ("*" = none), Modifier 0/1/9 and PTP Edit Rationale; dates are YYYYMMDD.
 * - practitioner MUE file `MCR_MUE_PractitionerServices_Eff_<date>.csv`: a quoted,
 *   multi-line copyright notice, then "HCPCS/CPT Code", "Practitioner Services MUE
 *   Values", "MUE Adjudication Indicator" ("2 Date of Service Edit: Policy") and
 *   "MUE Rationale".
 * Pure functions: text in, rows + problems (with line numbers) out. The CLI reads files.
 */

/** Imported tables handed to the engine (Settings.edits); any may be absent. */
export interface EditTables {
  ptp?: PtpTable[];
  mue?: MueTable[];
}

export interface ParseIssue {
  /** 1-based physical line where the record starts. */
  line: number;
  message: string;
}

export interface ParsedPtpRow {
  column1: string;
  column2: string;
  priorTo1996: boolean;
  effective: string;
  deleted: string | null;
  modifierIndicator: ModifierIndicator;
  rationale: string;
  line: number;
}

export interface ParsedMueRow {
  code: string;
  value: number;
  mai: MueAdjudication;
  rationale: string;
  line: number;
}

export interface ParseResult<Row> {
  rows: Row[];
  skipped: ParseIssue[];
  /** Lines before the header / first data row (notices, titles). */
  preambleLines: number;
}

interface RawRecord {
  cells: string[];
  line: number;
}

/** Splits delimited text into records; handles quotes, doubled quotes and newlines inside quotes. */
export function splitRecords(text: string, delimiter: ',' | '\t'): RawRecord[] {
  // Fast path: the CMS .txt files have no quotes, and run to hundreds of thousands of lines.
  if (!text.includes('"')) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.map((l, i) => ({ cells: l.split(delimiter), line: i + 1 }));
  }
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    // Per-line fast path: a record that starts here and holds no quote is split directly.
    if (!quoted && cells.length === 0 && cell === '') {
      let end = src.indexOf('\n', i);
      if (end < 0) end = src.length;
      const segment = src.slice(i, end);
      const body = segment.endsWith('\r') ? segment.slice(0, -1) : segment;
      if (!body.includes('"') && !body.includes('\r')) {
        records.push({ cells: body.split(delimiter), line });
        line++;
        recordLine = line;
        i = end;
        continue;
      }
    }
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ cells, line: recordLine });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ cells, line: recordLine });
  }
  return records;
}

const CODE = /^[0-9A-Z]{5}$/;

const dateMemo = new Map<string, string | undefined>();

/** YYYYMMDD → YYYY-MM-DD, or undefined for an impossible date (memoised: a release has few distinct dates). */
function yyyymmdd(value: string): string | undefined {
  if (dateMemo.has(value)) return dateMemo.get(value);
  const out = parseYyyymmdd(value);
  if (dateMemo.size < 50_000) dateMemo.set(value, out);
  return out;
}

function parseYyyymmdd(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo}-${d}`;
}

const isBlank = (r: RawRecord) => r.cells.every((c) => c.trim() === '');

function looksLikePtpRow(r: RawRecord): boolean {
  return CODE.test((r.cells[0] ?? '').trim().toUpperCase()) && r.cells.length >= 4;
}

/** Parses one practitioner PTP file (tab-delimited .txt, or comma .csv). */
export function parsePtpFile(text: string): ParseResult<ParsedPtpRow> {
  const firstLines = text.slice(0, 20_000);
  const delimiter: ',' | '\t' = firstLines.includes('\t') ? '\t' : ',';
  const records = splitRecords(text, delimiter);
  const rows: ParsedPtpRow[] = [];
  const skipped: ParseIssue[] = [];
  let started = false;
  let preambleLines = 0;
  for (const r of records) {
    if (isBlank(r)) continue;
    if (!started) {
      // Notice text and the (possibly wrapped) header come before the first data row.
      if (!looksLikePtpRow(r)) {
        preambleLines++;
        continue;
      }
      started = true;
    }
    const cells = r.cells.map((c) => c.trim());
    const [c1 = '', c2 = '', star = '', eff = '', del = '', mod = '', ...rest] = cells;
    const column1 = c1.toUpperCase();
    const column2 = c2.toUpperCase();
    const problem = (message: string) => skipped.push({ line: r.line, message });
    if (!CODE.test(column1)) {
      problem(`column 1 "${c1.slice(0, 20)}" is not a 5-character code`);
      continue;
    }
    if (!CODE.test(column2)) {
      problem(`column 2 "${c2.slice(0, 20)}" is not a 5-character code`);
      continue;
    }
    if (star !== '' && star !== '*') {
      problem(`prior-to-1996 flag "${star.slice(0, 10)}" is neither "*" nor empty`);
      continue;
    }
    const effective = yyyymmdd(eff);
    if (!effective) {
      problem(`effective date "${eff.slice(0, 12)}" is not YYYYMMDD`);
      continue;
    }
    let deleted: string | null = null;
    if (del !== '*' && del !== '') {
      const d = yyyymmdd(del);
      if (!d) {
        problem(`deletion date "${del.slice(0, 12)}" is not YYYYMMDD or "*"`);
        continue;
      }
      deleted = d;
    }
    if (mod !== '0' && mod !== '1' && mod !== '9') {
      problem(`modifier indicator "${mod.slice(0, 10)}" is not 0, 1 or 9`);
      continue;
    }
    rows.push({
      column1,
      column2,
      priorTo1996: star === '*',
      effective,
      deleted,
      modifierIndicator: Number(mod) as ModifierIndicator,
      rationale: rest.join(' ').trim(),
      line: r.line,
    });
  }
  return { rows, skipped, preambleLines };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Parses the practitioner MUE CSV; columns are found by their header names. */
export function parseMueFile(text: string): ParseResult<ParsedMueRow> {
  const records = splitRecords(text, ',');
  const rows: ParsedMueRow[] = [];
  const skipped: ParseIssue[] = [];
  let preambleLines = 0;
  let columns: { code: number; value: number; mai: number; rationale: number } | undefined;
  for (const r of records) {
    if (isBlank(r)) continue;
    if (!columns) {
      // Header cells are short labels; the copyright notice (one long quoted cell) mentions the same words.
      const header = r.cells.map((c) => (c.length <= 60 ? norm(c) : ''));
      const code = header.findIndex((h) => /^(hcpcs|cpt)\b/.test(h) && /code|hcpcs/.test(h));
      const value = header.findIndex((h) => /mue values?$/.test(h));
      const mai = header.findIndex((h) => /adjudication indicator|^mai$/.test(h));
      const rationale = header.findIndex((h) => /rationale/.test(h));
      if (code >= 0 && value >= 0 && code !== value) {
        columns = { code, value, mai, rationale };
      } else preambleLines++;
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const code = cell(columns.code).toUpperCase();
    const valueText = cell(columns.value);
    const maiText = cell(columns.mai);
    const problem = (message: string) => skipped.push({ line: r.line, message });
    if (!CODE.test(code)) {
      problem(`code "${code.slice(0, 20)}" is not a 5-character CPT/HCPCS code`);
      continue;
    }
    if (!/^\d+$/.test(valueText)) {
      problem(`MUE value "${valueText.slice(0, 12)}" for ${code} is not a whole number`);
      continue;
    }
    const maiDigit = /^([123])\b/.exec(maiText)?.[1];
    if (!maiDigit) {
      problem(`MUE adjudication indicator "${maiText.slice(0, 40)}" for ${code} does not start with 1, 2 or 3`);
      continue;
    }
    rows.push({ code, value: Number(valueText), mai: Number(maiDigit) as MueAdjudication, rationale: cell(columns.rationale), line: r.line });
  }
  if (!columns) skipped.push({ line: 1, message: 'no header row naming "HCPCS/CPT Code" and "Practitioner Services MUE Values" was found' });
  return { rows, skipped, preambleLines };
}

/** "ccipra-v321r0-f1.txt" → "v321r0". */
export function ptpVersionFromName(name: string): string | undefined {
  return /cci\w*?-(v\d+r\d+)/i.exec(name)?.[1]?.toLowerCase();
}

/** Which part (f1..f4) of a PTP release a file is. */
export function ptpPartFromName(name: string): string | undefined {
  return /-(f\d)\b/i.exec(name)?.[1]?.toLowerCase();
}

/** "MCR_MUE_PractitionerServices_Eff_2026-01-01.csv" / "…_Eff_01-01-2026.csv" / "…_Eff_20260101" → "2026-01-01". */
export function mueEffectiveFromName(name: string): string | undefined {
  const eff = /eff[_-]?(\d{4})-?(\d{2})-?(\d{2})(?!\d)/i.exec(name);
  if (eff) return `${eff[1]}-${eff[2]}-${eff[3]}`;
  const us = /eff[_-]?(\d{2})[-_](\d{2})[-_](\d{4})/i.exec(name);
  if (us) return `${us[3]}-${us[1]}-${us[2]}`;
  return undefined;
}

function internRationale(rationales: string[], lookup: Map<string, number>, text: string): number {
  let i = lookup.get(text);
  if (i === undefined) {
    i = rationales.length;
    rationales.push(text);
    lookup.set(text, i);
  }
  return i;
}

export interface BuildOptions {
  version: string;
  effectiveFrom?: string;
  source: string;
  importedAt?: string;
  /** Keep only rows for which this returns true (e.g. a code in the DermLens catalog). */
  keep?: (code: string) => boolean;
}

/** Builds one PTP table version from parsed rows (all parts f1..f4 of one release). */
export function buildPtpTable(rows: readonly ParsedPtpRow[], options: BuildOptions): { table: PtpTable; filteredOut: number } {
  const rationales: string[] = [];
  const lookup = new Map<string, number>();
  const compact: unknown[] = [];
  let filteredOut = 0;
  let latestEffective = '';
  for (const r of rows) {
    if (options.keep && !options.keep(r.column1) && !options.keep(r.column2)) {
      filteredOut++;
      continue;
    }
    if (r.effective > latestEffective) latestEffective = r.effective;
    compact.push([r.column1, r.column2, r.effective, r.deleted, r.modifierIndicator, internRationale(rationales, lookup, r.rationale)]);
  }
  const table: PtpTable = {
    kind: 'ncci-ptp',
    version: options.version,
    // A release's newest edits start on its quarter: a fair default when the user gives no date.
    effectiveFrom: options.effectiveFrom ?? (latestEffective || undefined),
    source: options.source,
    importedAt: options.importedAt,
    complete: true,
    filtered: Boolean(options.keep),
    rationales,
    rows: compact,
    edits: [],
  };
  return { table, filteredOut };
}

export function buildMueTable(rows: readonly ParsedMueRow[], options: BuildOptions): { table: MueTable; filteredOut: number } {
  const rationales: string[] = [];
  const lookup = new Map<string, number>();
  const compact: unknown[] = [];
  let filteredOut = 0;
  for (const r of rows) {
    if (options.keep && !options.keep(r.code)) {
      filteredOut++;
      continue;
    }
    compact.push([r.code, r.value, r.mai, internRationale(rationales, lookup, r.rationale)]);
  }
  const table: MueTable = {
    kind: 'mue',
    version: options.version,
    effectiveFrom: options.effectiveFrom,
    source: options.source,
    importedAt: options.importedAt,
    complete: true,
    filtered: Boolean(options.keep),
    rationales,
    rows: compact,
    entries: [],
  };
  return { table, filteredOut };
}
