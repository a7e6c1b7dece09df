import { Worker } from 'node:worker_threads';
import { type AuditRequest, type AuditResponse, handleRequest, saltedHash, type WorkerSetup } from './protocol';

/** Anything that runs audit requests: worker threads, or the main thread itself (--jobs 0). */
export interface Runner {
  /** Runs every request; `onResponse` is called as each finishes, `onFailure` when a worker dies on one. */
  run(requests: readonly AuditRequest[], onResponse: (r: AuditResponse) => void, onFailure: (req: AuditRequest, reason: string) => void): Promise<void>;
  close(): Promise<void>;
  /** Milliseconds until every worker had loaded the engine (0 in-process). */
  readonly startupMs: number;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  busy?: AuditRequest;
}

/** A fixed pool of worker threads, each loading the engine once through tsx. */
export async function startWorkers(size: number, setup: WorkerSetup, entry: URL = ENTRY): Promise<Runner> {
  const started = performance.now();
  const spawn = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: setup });
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', () => {
        worker.off('error', onError);
        resolve(worker);
      });
    });
  const workers = await Promise.all(Array.from({ length: size }, spawn));
  const startupMs = performance.now() - started;
  const slots: Slot[] = workers.map((worker) => ({ worker }));

  return {
    startupMs,
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    run(requests, onResponse, onFailure) {
      const queue = [...requests];
      return new Promise<void>((resolve) => {
        let active = 0;
        let dead = 0;
        const next = (slot: Slot) => {
          const request = queue.shift();
          if (!request) {
            if (active === 0) resolve();
            return;
          }
          active++;
          slot.busy = request;
          slot.worker.postMessage(request);
        };
        const attach = (slot: Slot) => {
          slot.worker.removeAllListeners('message');
          slot.worker.removeAllListeners('error');
          slot.worker.removeAllListeners('exit');
          slot.worker.on('message', (response: AuditResponse) => {
            if (!slot.busy || response.id !== slot.busy.id) return;
            slot.busy = undefined;
            active--;
            onResponse(response);
            next(slot);
            if (active === 0 && queue.length === 0) resolve();
          });
          // A worker that dies (out of memory, a crash in the engine) fails its request only;
          // a fresh worker takes its place and the run goes on.
          const died = (reason: string) => {
            const lost = slot.busy;
            slot.busy = undefined;
            if (lost) {
              active--;
              onFailure(lost, reason);
            }
            spawn()
              .then((worker) => {
                slot.worker = worker;
                attach(slot);
                next(slot);
              })
              .catch((error: Error) => {
                // No worker can start any more: when none is left, the rest of the queue fails too.
                dead++;
                if (dead < slots.length) return;
                for (let r = queue.shift(); r; r = queue.shift()) onFailure(r, `no worker could start: ${error.message}`);
                if (active === 0) resolve();
              });
          };
          const own = slot.worker;
          own.once('error', (error) => {
            if (slot.worker === own) died(`worker failed: ${error.message}`);
          });
          own.once('exit', (code) => {
            if (slot.worker === own && slot.busy) died(`worker exited (code ${code})`);
          });
        };
        for (const slot of slots) attach(slot);
        for (const slot of slots) next(slot);
        if (requests.length === 0) resolve();
      });
    },
  };
}

/** The same work on the main thread, yielding between requests so progress can be drawn. */
export function inProcess(setup: WorkerSetup): Runner {
  const hash = saltedHash(setup.salt);
  return {
    startupMs: 0,
    async close() {},
    async run(requests, onResponse, onFailure) {
      for (const request of requests) {
        try {
          onResponse(handleRequest(request, setup, hash));
        } catch (error) {
          onFailure(request, (error as Error)?.message ?? String(error));
        }
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}
