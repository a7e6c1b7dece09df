import { createHash, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { type ClaimDraft, type Encounter, Settings } from '../core/model';
import { parseNote } from '../core/parse';
import { extractIdentity } from '../core/parse/identity';
import { EncounterInputError, encounterFromJson } from '../core/pipeline';
import { codeBatch, reportDocumentEncounter } from '../core/reconcile';
import { type CodeArgs, parseCodeArgs, UsageError } from './args';
import { formatBatch } from './format';
import { encounterFromHtml } from './html';
import { InputError, readInput } from './read-input';

const USAGE = `usage:
  dermlens code [--payer medicare|commercial] [--pathology in-house|professional|external]
                [--format json|table|csv|fhir|x12] [--edits DIR] FILE...
  dermlens audit PATH... [--out DIR] [--jobs N] [--payer ...] [--pathology ...]
  dermlens data import-ncci FILE... | import-mue FILE...`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
};

/** Entry point; returns the exit code. Never lets a stack trace reach the user. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'code':
        return await runCode(parseCodeArgs(rest), io);
      case 'audit': {
        const { runAudit } = await import('./audit');
        return await runAudit(rest, io);
      }
      case 'data': {
        const { runData } = await import('./data');
        return await runData(rest, io);
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dermlens: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`dermlens: ${error.message}\n`);
      return 2;
    }
    io.stderr(`dermlens: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}

/** Per-run salt: identities are linked inside one run and never written out in the clear. */
const salt = randomBytes(16).toString('hex');
export function hashIdentity(raw: string): string {
  return createHash('sha256')
    .update(`${salt}\u0000${raw.trim().toLowerCase().replace(/\s+/g, ' ')}`)
    .digest('hex');
}

/** `hash` lets a worker thread hash identities with its run's salt (dermlens audit). */
export function loadEncounter(path: string, hash: (raw: string) => string = hashIdentity): Encounter {
  const input = readInput(path);
  const id = basename(path);
  try {
    if (input.kind === 'json') return encounterFromJson(input.text, id);
    if (input.kind === 'html') {
      const page = encounterFromHtml(input.text, id, hash, path);
      // A saved lab result page is a report document too (its section texts never hold the patient identity).
      return reportDocumentEncounter(Object.values(page.sections).join('\n\n'), page) ?? page;
    }
  } catch (error) {
    if (error instanceof EncounterInputError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  // Batch reading: no wall-clock budget, so a long note reads the same on a fast or a loaded machine.
  const parsed = parseNote(input.text, { id, budgetMs: Number.POSITIVE_INFINITY });
  // A standalone pathology report is read as reports only (no procedures of its own), so it links to its visit.
  const encounter = reportDocumentEncounter(input.text, parsed) ?? parsed;
  const identity = extractIdentity(input.text);
  if (identity.patient && !encounter.patientKey) encounter.patientKey = hash(identity.patient);
  if (input.encoding !== 'utf-8') {
    encounter.unread.push({ text: path, reason: `decoded as ${input.encoding}; check special characters` });
  }
  if (input.text.trim() === '') encounter.unread.push({ text: path, reason: 'the file is empty: there is nothing to code' });
  return encounter;
}

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runCode(args: CodeArgs, io: Io): Promise<number> {
  // Imported CMS NCCI/MUE tables (--edits DIR, else the default data dir when present).
  const { editTablesForRun } = await import('./data');
  const settings = Settings.parse({ payer: args.payer, pathology: args.pathology, edits: editTablesForRun(args.edits, io) });
  // Read every file first: an unreadable one stops the run before anything prints.
  const encounters: Encounter[] = [];
  for (const f of args.files) {
    encounters.push(loadEncounter(f));
    // Let the event loop turn between pages: happy-dom answers each query through a WeakRef, and V8 keeps every
    // WeakRef's target alive until the running task ends, so one synchronous pass kept each saved page's whole DOM
    // (~0.7 MB an EMR page) until the last file was read.
    await nextTask();
  }
  const drafts: ClaimDraft[] = codeBatch(
    encounters.map((encounter, i) => ({ encounter, name: args.files[i] as string })),
    settings,
  );
  const format = args.format ?? (io.isTTY ? 'table' : 'json');
  const output = formatBatch(drafts, args.files, format, encounters, settings);
  io.stdout(output.out);
  for (const note of output.notes) io.stderr(`dermlens: ${note}\n`);
  return 0;
}
