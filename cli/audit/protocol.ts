import { createHash } from 'node:crypto';
import type { ClaimDraft, Settings } from '../../core/model';
import { type AuditTask, codeGroup, type GroupItem, type ReadResult, readTask } from './tasks';

/** Messages between the audit's main thread and its workers (structured clone: plain data only). */
export type AuditRequest =
  | { id: number; type: 'read'; tasks: { index: number; task: AuditTask }[] }
  | { id: number; type: 'code'; groups: GroupItem[][]; today?: string };

export type AuditResponse =
  | { id: number; type: 'read'; results: { index: number; result: ReadResult }[] }
  | { id: number; type: 'code'; results: { index: number; draft?: ClaimDraft; error?: string }[] };

/** What every worker is started with. */
export interface WorkerSetup {
  /** One salt for the whole run, so a patient hashes to the same key in every worker. */
  salt: string;
  settings: Settings;
}

/** Same normalisation as cli/main.ts hashIdentity, with the run's salt passed in. */
export function saltedHash(salt: string): (raw: string) => string {
  return (raw) =>
    createHash('sha256')
      .update(`${salt}\u0000${raw.trim().toLowerCase().replace(/\s+/g, ' ')}`)
      .digest('hex');
}

export function handleRequest(request: AuditRequest, setup: WorkerSetup, hash: (raw: string) => string): AuditResponse {
  if (request.type === 'read') {
    return { id: request.id, type: 'read', results: request.tasks.map(({ index, task }) => ({ index, result: readTask(task, hash) })) };
  }
  return { id: request.id, type: 'code', results: request.groups.flatMap((group) => codeGroup(group, setup.settings, request.today)) };
}
