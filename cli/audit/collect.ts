import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { SkippedInput } from '../../core/audit/summary';
import { decode } from '../read-input';
import { readEncounterCsv } from './csv-input';
import type { AuditTask } from './tasks';

/** Inputs a folder may hold; anything else in a folder is ignored (a file named on the command line is always read). */
const NOTE_EXTENSIONS = new Set(['.txt', '.text', '.note', '.html', '.htm', '.xhtml', '.json']);

/** Encounter exports: comma-, tab- or semicolon-separated (csv-input.ts detects which). */
const EXPORT_EXTENSIONS = new Set(['.csv', '.tsv']);

/** One export may hold every encounter of a year: far more than one note's 20 MB limit. */
const MAX_CSV_BYTES = 1024 * 1024 * 1024;

export interface NamedTask {
  task: AuditTask;
  /** What the report calls it: the file path, or "export.csv#E1001" for a CSV row. */
  name: string;
  /** Where a problem is reported: the file path, or "export.csv:12". */
  location: string;
}

/**
 * Expands the PATH arguments: folders recursively (sorted, hidden entries and the output folder
 * left out), CSV exports into one task per row. Whatever cannot be read is listed, never thrown.
 */
export function collectInputs(paths: readonly string[], outDir?: string): { tasks: NamedTask[]; skipped: SkippedInput[] } {
  const tasks: NamedTask[] = [];
  const skipped: SkippedInput[] = [];
  const exclude = outDir ? resolve(outDir) : undefined;

  const addFile = (path: string) => {
    if (EXPORT_EXTENSIONS.has(extname(path).toLowerCase())) return addCsv(path);
    tasks.push({ task: { kind: 'file', path }, name: path, location: path });
  };
  const addCsv = (path: string) => {
    let text: string;
    try {
      const size = statSync(path).size;
      if (size > MAX_CSV_BYTES) throw new Error(`file is ${(size / 1048576).toFixed(0)} MB, over the ${MAX_CSV_BYTES / 1048576} MB limit`);
      text = decode(readFileSync(path), path).text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({
        location: path,
        reason: code === 'EACCES' ? 'permission denied' : code ? 'cannot read file' : (error as Error).message.replace(`${path}: `, ''),
      });
      return;
    }
    const { rows, skipped: bad } = readEncounterCsv(text, path);
    skipped.push(...bad);
    for (const row of rows) tasks.push({ task: { kind: 'row', row }, name: `${path}#${row.encounterId}`, location: row.location });
  };
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ location: dir, reason: code === 'EACCES' ? 'permission denied' : 'cannot read folder' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (exclude && resolve(path) === exclude) continue;
      // "Save Page As… complete" puts a page's frames and assets in X_files: the page reads its frames itself.
      if (entry.isDirectory()) {
        if (!/_files$/i.test(entry.name)) walk(path);
      } else if (entry.isFile()) {
        const ext = extname(entry.name).toLowerCase();
        if (EXPORT_EXTENSIONS.has(ext)) addCsv(path);
        else if (NOTE_EXTENSIONS.has(ext)) addFile(path);
      }
    }
  };

  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ location: path, reason: code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : 'cannot read' });
      continue;
    }
    if (isDir) walk(path);
    else addFile(path);
  }
  return { tasks, skipped };
}
