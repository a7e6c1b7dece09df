import { parentPort, workerData } from 'node:worker_threads';
import { type AuditRequest, handleRequest, saltedHash, type WorkerSetup } from './protocol';

// One audit worker: reads inputs and codes patient groups on request (see pool.ts).
const setup = workerData as WorkerSetup;
const hash = saltedHash(setup.salt);
parentPort?.on('message', (request: AuditRequest) => {
  parentPort?.postMessage(handleRequest(request, setup, hash));
});
parentPort?.postMessage({ ready: true });
