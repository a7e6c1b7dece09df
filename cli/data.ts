import { UsageError } from './args';
import type { Io } from './main';

export async function runData(_argv: readonly string[], _io: Io): Promise<number> {
  throw new UsageError('data import is not available in this build yet');
}
