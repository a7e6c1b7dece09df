// Worker threads do not inherit the main thread's tsx loader: register it, then load the
// TypeScript worker module (same set-up as bin/dermlens.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
