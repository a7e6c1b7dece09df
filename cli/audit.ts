import { UsageError } from './args';
import type { Io } from './main';

export async function runAudit(_argv: readonly string[], _io: Io): Promise<number> {
  throw new UsageError('audit is not available in this build yet');
}
