import { describe, expect, it } from 'vitest';
import { startWorkers } from '../../../cli/audit/pool';
import type { AuditRequest, AuditResponse } from '../../../cli/audit/protocol';
import { Settings } from '../../../core/model';

const CRASHING = new URL('../../fixtures/audit/crash-worker.mjs', import.meta.url);

describe('worker pool', () => {
  it('fails only the request a dying worker held, replaces the worker and finishes the run', async () => {
    const runner = await startWorkers(1, { salt: 's', settings: Settings.parse({}) }, CRASHING);
    const requests: AuditRequest[] = [1, 2, 3, 4].map((id) => ({ id, type: 'read', tasks: [] }));
    const answered: number[] = [];
    const failed: [number, string][] = [];
    try {
      await runner.run(
        requests,
        (r: AuditResponse) => answered.push(r.id),
        (req, reason) => failed.push([req.id, reason]),
      );
    } finally {
      await runner.close();
    }
    expect(answered).toEqual([1, 3, 4]);
    expect(failed).toEqual([[2, 'worker exited (code 3)']]);
  }, 30_000);
});
