/**
 * A procedure table typed as plain text in fixed-width columns (a <pre> block, a print view, a monospaced export):
 *
 *   #  SITE                 TECHNIQUE              LESION   SPECIMEN
 *   -- -------------------- ---------------------- -------- ---------
 *   1  L upper back         Shave (tangential)     0.6 cm   A
 *   2  R posterior thigh    Punch, 4 mm            0.5 cm   B
 *
 * Its columns are only spaces apart, so no reader can tell one lesion's site from its technique. The table is turned
 * into one line of labeled fields per row, the way a page's HTML field grid reads ("#: 1 | Site: L upper back |
 * Technique: Shave (tangential) | Lesion: 0.6 cm | Specimen: A"); the header and its rule are left out.
 *
 * Only a header of at least three column names, two or more spaces apart, with a site column and a procedure column
 * qualifies; charge grids (code, units, modifiers), Mohs stage maps and a report's part tables are left to their own
 * readers. Each run of words in a row belongs to the column whose name starts at or just before it.
 */
import { rowCells } from './table';

const SITE_COL = /^(?:site|location|anatomic\s+site|body\s+site)$/i;
const PROC_COL = /^(?:procedure|technique|method|type|biopsy\s+type)$/i;
const OTHER_READERS = /^(?:cpt|hcpcs|codes?|units?|qty|mods?|modifiers?|stages?|blocks?|parts?|accession|icd|dx\s*code)\b/i;
const RULE = /^[ \t]*[-=_][-=_ \t]*$/;
/** A Markdown table's rule under its header ("|---|:---:|"). */
const PIPE_RULE = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$/;
const MAX_CHARS = 200_000;

interface Header {
  labels: string[];
  starts: number[];
}

function namesColumns(labels: string[]): boolean {
  return (
    labels.every((l) => l.length > 0 && l.length <= 30 && !/\d/.test(l) && !OTHER_READERS.test(l)) &&
    labels.some((l) => SITE_COL.test(l)) &&
    labels.some((l) => PROC_COL.test(l))
  );
}

function headerOf(line: string): Header | undefined {
  if (line.length > 200 || /[:|\t]/.test(line)) return undefined;
  const words = [...line.matchAll(/\S+(?: \S+)*/g)];
  if (words.length < 3 || words.length > 10) return undefined;
  const labels = words.map((m) => m[0]);
  if (!namesColumns(labels)) return undefined;
  return { labels, starts: words.map((m) => m.index) };
}

/** "SITE" reads "Site", "site" reads "Site"; a label already in mixed case stays as written. */
function label(text: string): string {
  if (text === text.toUpperCase()) return text.charAt(0) + text.slice(1).toLowerCase();
  return text === text.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function rowOf(line: string, head: Header): string | undefined {
  const cells = head.starts.map(() => '');
  let filled = 0;
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
    let k = head.starts.length - 1;
    while (k > 0 && m.index < (head.starts[k] as number) - 1) k--;
    if (!cells[k]) filled++;
    cells[k] = cells[k] ? `${cells[k]} ${m[0]}` : m[0];
  }
  // A row fills at least two columns; a sentence under the table ("All specimens to dermpath.") is one run.
  if (filled < 2) return undefined;
  return cells.flatMap((c, k) => (c ? [`${label(head.labels[k] as string)}: ${c}`] : [])).join(' | ');
}

/**
 * A table whose column title carries the unit ("# | Location | Procedure | Size (mm) | Specimen", a Markdown table, or a
 * page's grid whose titles sit in a table of their own above the rows) leaves bare numbers in its rows ("| 9 |"). Each
 * such number gets the unit written after it, and the title loses it: "Size | …" over "| 9 mm |", the way the table
 * readers and the size readers expect a size.
 */
const UNIT_TITLE = /^(.*?\S)\s*[([](cm|mm)[)\]]$/i;
const BARE_NUMBER = /^\d{1,3}(?:\.\d{1,2})?$/;

function columnUnits(lines: string[], i: number): boolean {
  const line = lines[i] as string;
  if (!line.includes('|') || line.includes(':') || line.length > 300) return false;
  const titles = rowCells(line);
  const cols = titles.flatMap((t, n) => (UNIT_TITLE.test(t) ? [n] : []));
  if (titles.length < 3 || cols.length === 0 || titles.some((t) => t.length > 30)) return false;
  let changed = false;
  for (let k = i + 1; k < lines.length; k++) {
    const row = lines[k] as string;
    if (PIPE_RULE.test(row)) continue;
    const cells = row.includes('|') ? rowCells(row) : [];
    if (cells.length !== titles.length) break;
    const bare = cols.filter((n) => BARE_NUMBER.test(cells[n] as string));
    for (const n of bare) cells[n] = `${cells[n]} ${UNIT_TITLE.exec(titles[n] as string)?.[2]}`;
    if (bare.length > 0) lines[k] = cells.join(' | ');
    changed ||= bare.length > 0;
  }
  if (changed) lines[i] = titles.map((t) => UNIT_TITLE.exec(t)?.[1] ?? t).join(' | ');
  return changed;
}

/**
 * The same table exported as comma-separated values ("procedure,site,lesion size,clinical dx,specimen" over
 * "shave removal,R inframammary (bra line),0.8 cm,irritated SK,A"): cells split on commas outside double quotes.
 */
function csvCells(line: string): string[] {
  const cells = [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"').trim());
  return cells;
}

function csvHeaderOf(line: string): string[] | undefined {
  if (line.length > 200 || !line.includes(',') || /[:|\t]/.test(line)) return undefined;
  const labels = csvCells(line);
  if (labels.length < 3 || labels.length > 12) return undefined;
  if (labels.some((l) => l.length === 0 || l.length > 25 || /\d/.test(l) || OTHER_READERS.test(l))) return undefined;
  if (!labels.some((l) => SITE_COL.test(l)) || !labels.some((l) => PROC_COL.test(l))) return undefined;
  return labels;
}

function csvTables(text: string): string {
  if (!/^[^,\n]+(?:,[^,\n]+){2,}$/m.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const labels = csvHeaderOf(lines[i] as string);
    if (!labels) continue;
    let k = i + 1;
    const rows: string[] = [];
    for (; k < lines.length; k++) {
      const cells = csvCells(lines[k] as string);
      // A row has the header's number of cells; a sentence under the table ("All specimens to dermpath.") has one.
      if (cells.length !== labels.length || cells.filter((c) => c.length > 0).length < 2) break;
      // "…,a" under "specimen": a jar letter, whatever the case the export was typed in.
      const jar = (c: string, j: number) => (/^(?:spec\w*|jars?|containers?|bottles?)$/i.test(labels[j] as string) && /^[a-h]$/.test(c) ? c.toUpperCase() : c);
      rows.push(cells.flatMap((c, j) => (c ? [`${label(labels[j] as string)}: ${jar(c, j)}`] : [])).join(' | '));
    }
    if (rows.length === 0) continue;
    lines.splice(i, k - i, ...rows);
    i += rows.length - 1;
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

export function alignedTables(text: string): string {
  if (text.length > MAX_CHARS) return alignedTables(text.slice(0, MAX_CHARS)) + text.slice(MAX_CHARS);
  text = csvTables(text);
  // Quick test: a line with two wide gaps, or two cell bars.
  if (!/\S {2,}\S+(?: \S+)* {2,}\S|\|[^|\n]*\|/.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (columnUnits(lines, i)) {
      changed = true;
      continue;
    }
    const head = headerOf(lines[i] as string);
    if (!head) continue;
    let k = i + 1;
    if (k < lines.length && RULE.test(lines[k] as string)) k++;
    const rows: string[] = [];
    for (; k < lines.length; k++) {
      const row = rowOf(lines[k] as string, head);
      if (!row) break;
      rows.push(row);
    }
    if (rows.length === 0) continue;
    lines.splice(i, k - i, ...rows);
    i += rows.length - 1;
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}
