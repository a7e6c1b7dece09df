import { z } from 'zod';
import { PathologyArrangement, PayerStyle } from '../core/model';

export const OutputFormat = z.enum(['json', 'table', 'csv', 'fhir', 'x12']);
export type OutputFormat = z.infer<typeof OutputFormat>;

export const CodeArgs = z.object({
  payer: PayerStyle.default('commercial'),
  pathology: PathologyArrangement.default('in-house'),
  format: OutputFormat.optional(),
  /** Directory of imported CMS edit tables (dermlens data import-ncci/import-mue). */
  edits: z.string().optional(),
  files: z.array(z.string()).min(1, 'no input file given'),
});
export type CodeArgs = z.infer<typeof CodeArgs>;

export class UsageError extends Error {}

/** Parses `--flag value`, `--flag=value` and positional arguments. */
export function splitArgs(argv: readonly string[], flags: readonly string[]): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!flags.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else positional.push(arg);
  }
  return { options, positional };
}

export function parseCodeArgs(argv: readonly string[]): CodeArgs {
  const { options, positional } = splitArgs(argv, ['payer', 'pathology', 'format', 'edits']);
  const result = CodeArgs.safeParse({ ...options, files: positional });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(`${where}${issue?.message ?? 'invalid arguments'}`);
  }
  return result.data;
}
