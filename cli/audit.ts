import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { type AuditEncounter, type AuditRow, auditRows, type SkippedInput, summarize } from '../core/audit/summary';
import { type ClaimDraft, type Encounter, PathologyArrangement, PayerStyle, Settings } from '../core/model';
import { latestDate } from '../core/reconcile/dates';
import { splitArgs, UsageError } from './args';
import { collectInputs, type NamedTask } from './audit/collect';
import { readFees } from './audit/fees';
import { findingsCsvHeader, findingsCsvRows } from './audit/findings-csv';
import { inProcess, type Runner, startWorkers } from './audit/pool';
import { Progress } from './audit/progress';
import type { AuditRequest, AuditResponse, WorkerSetup } from './audit/protocol';
import { reportHtml } from './audit/report-html';
import { AUDIT_RULE, type GroupItem } from './audit/tasks';
import { contractObject } from './format';
import type { Io } from './main';

export const AuditArgs = z.object({
  out: z.string().default('dermlens-audit'),
  /** Worker threads; 0 runs everything on the main thread. Default: every core. */
  jobs: z.coerce.number().int().min(0).max(256).optional(),
  payer: PayerStyle.default('commercial'),
  pathology: PathologyArrangement.default('in-house'),
  /** Fee schedule CSV (code,amount) for the value at stake. */
  fees: z.string().optional(),
  edits: z.string().optional(),
  /** ISO date specimen aging is measured against; default: the latest date in the batch. */
  today: z.iso.date().optional(),
  paths: z.array(z.string()).min(1, 'no input PATH given'),
});
export type AuditArgs = z.infer<typeof AuditArgs>;

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const { options, positional } = splitArgs(argv, ['out', 'jobs', 'payer', 'pathology', 'fees', 'edits', 'today']);
  const result = AuditArgs.safeParse({ ...options, paths: positional });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(`${where}${issue?.message ?? 'invalid arguments'}`);
  }
  return result.data;
}

/** Requests carry a few dozen encounters: few enough to balance the workers, enough to amortise messaging. */
const READ_CHUNK = 25;
const CODE_CHUNK = 40;
const SMALL_BATCH = 150;

export interface AuditResult {
  encounters: number;
  skipped: SkippedInput[];
  rows: AuditRow[];
  outDir: string;
  wallSeconds: number;
  workerStartupMs: number;
  /** Seconds per phase: collect inputs, start workers, read, code, write outputs. */
  phases: Record<'collect' | 'start' | 'read' | 'code' | 'write', number>;
  jobs: number;
}

/** `dermlens audit PATH… [--out DIR] [--jobs N] [--payer …] [--pathology …] [--fees FILE] [--edits DIR] [--today DATE]` */
export const AUDIT_USAGE = `usage: dermlens audit PATH... [--out DIR] [--jobs N] [--payer medicare|commercial]
                      [--pathology in-house|professional|external] [--fees FILE] [--edits DIR] [--today YYYY-MM-DD]
  PATH      folders (read recursively: .txt notes, .html saved EMR pages, .json encounters, .csv exports) or files
  --out     output folder for report.html, findings.csv, claims.jsonl (default: dermlens-audit)
  --jobs    worker threads (default: every core; 0 = main thread)
  --fees    fee schedule CSV "code,amount" for the value of missed and unsupported charges
  --today   date specimen aging is measured to (default: the latest date in the inputs)
CSV export columns (header names; case, spaces and _ ignored): encounter_id, patient_key|mrn, date_of_service|dos,
  provider, note|note_text (required), billed_codes ("11102, 11103-59, 88305 x2").`;

export async function runAudit(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${AUDIT_USAGE}\n`);
    return 0;
  }
  const result = await audit(parseAuditArgs(argv), io);
  if (result.encounters === 0) {
    io.stderr(`dermlens: audit: no encounter could be read (${result.skipped.length} input${result.skipped.length === 1 ? '' : 's'} skipped)\n`);
    return 2;
  }
  return 0;
}

export async function audit(args: AuditArgs, io: Io): Promise<AuditResult> {
  const started = performance.now();
  const phases: AuditResult['phases'] = { collect: 0, start: 0, read: 0, code: 0, write: 0 };
  let mark = started;
  const lap = (phase: keyof AuditResult['phases']) => {
    const now = performance.now();
    phases[phase] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const { editTablesForRun } = await import('./data');
  const settings = Settings.parse({ payer: args.payer, pathology: args.pathology, edits: editTablesForRun(args.edits, io) });
  const fees = args.fees ? readFees(args.fees) : undefined;
  for (const p of fees?.problems ?? []) io.stderr(`dermlens: ${p}\n`);

  const { tasks, skipped } = collectInputs(args.paths, args.out);
  // A worker costs about a second of start-up (tsx + the engine): a small batch runs faster on the
  // main thread, which has the engine loaded already. An explicit --jobs is always obeyed.
  const jobs =
    args.jobs === undefined && tasks.length < SMALL_BATCH
      ? 0
      : Math.min(args.jobs ?? availableParallelism(), Math.max(1, Math.ceil(tasks.length / READ_CHUNK)));
  const setup: WorkerSetup = { salt: randomBytes(16).toString('hex'), settings };
  lap('collect');

  let runner: Runner;
  if (jobs === 0 || tasks.length === 0) runner = inProcess(setup);
  else {
    try {
      runner = await startWorkers(jobs, setup);
    } catch (error) {
      io.stderr(`dermlens: audit: worker threads unavailable (${(error as Error).message}); running on the main thread\n`);
      runner = inProcess(setup);
    }
  }
  lap('start');

  const encounters: (Encounter | undefined)[] = tasks.map(() => undefined);
  const inputFindings: ClaimDraft['findings'][] = tasks.map(() => []);
  const drafts: (ClaimDraft | undefined)[] = tasks.map(() => undefined);
  const skip = (i: number, reason: string) => skipped.push({ location: (tasks[i] as NamedTask).location, reason });
  let nextId = 1;
  let today: string | undefined;

  try {
    // 1. Read every input (parse notes, pages, JSON encounters, CSV rows) in the workers.
    const readRequests: AuditRequest[] = [];
    for (let i = 0; i < tasks.length; i += READ_CHUNK)
      readRequests.push({
        id: nextId++,
        type: 'read',
        tasks: tasks.slice(i, i + READ_CHUNK).map((t, k) => ({ index: i + k, task: t.task })),
      });
    const reading = new Progress(io, 'reading', tasks.length);
    await runner.run(
      readRequests,
      (response: AuditResponse) => {
        if (response.type !== 'read') return;
        for (const { index, result } of response.results) {
          if (result.error || !result.encounter) skip(index, result.error ?? 'not read');
          else {
            encounters[index] = result.encounter;
            inputFindings[index] = result.extra;
          }
        }
        reading.add(response.results.length);
      },
      (request, reason) => {
        if (request.type !== 'read') return;
        for (const t of request.tasks) skip(t.index, reason);
        reading.add(request.tasks.length);
      },
    );
    reading.finish();
    lap('read');

    // 2. Patient groups stay together: a group is coded by one worker, reconciled as one batch
    //    (core/reconcile codeBatch). An encounter without a patient identity is its own group.
    const groups = new Map<string, GroupItem[]>();
    encounters.forEach((encounter, index) => {
      if (!encounter) return;
      const key = encounter.patientKey ? `p:${encounter.patientKey}` : `e:${index}`;
      const item: GroupItem = { index, encounter, name: (tasks[index] as NamedTask).name };
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    });
    // Aging is measured against one "today" for the whole run, not per group.
    today =
      args.today ?? latestDate(encounters.flatMap((e) => (e ? [e.visit.dateOfService, ...e.pathology.flatMap((r) => [r.signedDate, r.collectedDate])] : [])));
    const codeRequests: AuditRequest[] = [];
    let batch: GroupItem[][] = [];
    let size = 0;
    for (const group of groups.values()) {
      batch.push(group);
      size += group.length;
      if (size >= CODE_CHUNK) {
        codeRequests.push({ id: nextId++, type: 'code', groups: batch, ...(today ? { today } : {}) });
        batch = [];
        size = 0;
      }
    }
    if (batch.length) codeRequests.push({ id: nextId++, type: 'code', groups: batch, ...(today ? { today } : {}) });
    const readCount = encounters.filter(Boolean).length;
    const coding = new Progress(io, 'coding', readCount);
    await runner.run(
      codeRequests,
      (response) => {
        if (response.type !== 'code') return;
        for (const r of response.results) {
          if (r.draft) drafts[r.index] = r.draft;
          else skip(r.index, r.error ?? 'not coded');
        }
        coding.add(response.results.length);
      },
      (request, reason) => {
        if (request.type !== 'code') return;
        const items = request.groups.flat();
        for (const it of items) skip(it.index, reason);
        coding.add(items.length);
      },
    );
    coding.finish();
    lap('code');
  } finally {
    await runner.close();
  }

  // Nothing is dropped silently: an input with neither a claim nor a recorded reason is named.
  const named = new Set(skipped.map((k) => k.location));
  tasks.forEach((task, i) => {
    if (!drafts[i] && !named.has(task.location)) skip(i, 'not processed (the run was interrupted)');
  });

  // 3. Write claims.jsonl, findings.csv and report.html.
  mkdirSync(args.out, { recursive: true });
  const claims = createWriteStream(join(args.out, 'claims.jsonl'));
  const audited: AuditEncounter[] = [];
  const rows: AuditRow[] = [];
  tasks.forEach((task, i) => {
    const draft = drafts[i];
    const encounter = encounters[i];
    if (!draft || !encounter) return;
    const full: ClaimDraft = { ...draft, findings: [...draft.findings, ...(inputFindings[i] ?? [])] };
    const dateOfService = full.dateOfService ?? encounter.visit.dateOfService;
    // A provider header line may run on into other fields ("Dr. A   Location: …"): keep the name.
    const provider = encounter.visit.provider?.split(/\s{2,}|\t/)[0]?.trim() || undefined;
    const entry: AuditEncounter = {
      source: task.name,
      encounterId: encounter.id,
      ...(dateOfService ? { dateOfService } : {}),
      ...(provider ? { provider } : {}),
      draft: full,
    };
    audited.push(entry);
    rows.push(...auditRows(entry, fees?.fees));
    claims.write(
      `${JSON.stringify({
        ...contractObject(full, task.name),
        encounter: encounter.id,
        ...(dateOfService ? { dateOfService } : {}),
        ...(provider ? { provider } : {}),
      })}\n`,
    );
  });
  await new Promise<void>((resolve, reject) => claims.end((error?: Error | null) => (error ? reject(error) : resolve())));

  // Skipped inputs are findings too, so a coder filtering findings.csv sees them.
  const skippedRows: AuditRow[] = skipped.map((k) => ({
    source: k.location,
    encounterId: '',
    severity: 'error',
    category: 'input',
    rule: AUDIT_RULE.skipped,
    message: `Skipped: ${k.reason}`,
  }));
  writeFileSync(join(args.out, 'findings.csv'), findingsCsvHeader() + findingsCsvRows([...rows, ...skippedRows]));

  const summary = summarize(audited, rows, skipped.length, fees?.fees);
  lap('write');
  const wallSeconds = (performance.now() - started) / 1000;
  writeFileSync(
    join(args.out, 'report.html'),
    reportHtml({
      summary,
      rows,
      skipped,
      settingsText: `payer ${settings.payer}, pathology ${settings.pathology}${fees ? `, fee schedule ${args.fees}` : ''}${today ? `, aging measured to ${today}` : ''}`,
      generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      wallSeconds,
    }),
  );

  // 4. The summary on stdout.
  const c = summary.byCategory;
  const out = [
    `dermlens audit: ${summary.encounters} encounter${summary.encounters === 1 ? '' : 's'} audited, ${skipped.length} input${skipped.length === 1 ? '' : 's'} skipped, ${wallSeconds.toFixed(1)} s (${jobs === 0 ? 'main thread' : `${jobs} worker${jobs === 1 ? '' : 's'} ready in ${(runner.startupMs / 1000).toFixed(1)} s`}, ${Math.round(summary.encounters / Math.max(wallSeconds, 0.001))}/s)`,
    `  claim lines ${summary.lines} (${summary.heldLines} held for pathology); encounters with problems ${summary.encountersWithProblems}`,
    `  missed charges ${c.missed}${summary.value ? ` (${money(summary.value.missed)})` : ''}, unsupported ${c.unsupported}${summary.value ? ` (${money(summary.value.unsupported)} at risk)` : ''}, edit violations ${c.edit}, modifiers differ ${c['modifiers-differ']}`,
    `  unbilled specimens ${c['unbilled-specimen']}, aging specimens ${c['pathology-aging']}, malignant without follow-up ${c['no-follow-up']}, documentation ${c.documentation}`,
    ...skipped.slice(0, 20).map((k) => `  skipped ${k.location}: ${k.reason}`),
    ...(skipped.length > 20 ? [`  … ${skipped.length - 20} more skipped (see findings.csv)`] : []),
    `  wrote ${join(args.out, 'report.html')}, ${join(args.out, 'findings.csv')}, ${join(args.out, 'claims.jsonl')}`,
  ];
  io.stdout(`${out.join('\n')}\n`);
  return { encounters: summary.encounters, skipped, rows, outDir: args.out, wallSeconds, workerStartupMs: runner.startupMs, jobs, phases };
}

const money = (n: number) => `$${n.toFixed(2)}`;
