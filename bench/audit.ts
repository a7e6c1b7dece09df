// `npm run audit:bench [COUNT] [JOBS…]`: generates a synthetic practice (half .txt notes in
// folders, half rows of a CSV export) and times `dermlens audit` over it with each job count.
// Prints wall time and encounters per second. Default: 10,000 encounters, --jobs 1 and 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, parseAuditArgs } from '../cli/audit';
import { writePractice } from '../test/fixtures/audit/generate';

const count = Number(process.argv[2] ?? 10_000);
const jobsList = (process.argv.length > 3 ? process.argv.slice(3) : ['1', '2']).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'dermlens-audit-bench-'));
try {
  let t = performance.now();
  const { paths } = writePractice(dir, count, { seed: 42, csvShare: 0.5 });
  console.log(`generated ${count} encounters in ${((performance.now() - t) / 1000).toFixed(1)} s (${paths.join(', ')})`);
  for (const jobs of jobsList) {
    t = performance.now();
    const result = await audit(parseAuditArgs([...paths, '--out', join(dir, `out-${jobs}`), '--jobs', String(jobs)]), {
      stdout: () => {},
      stderr: () => {},
      isTTY: false,
    });
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `--jobs ${jobs}: ${result.encounters} encounters, ${result.skipped.length} skipped, ${seconds.toFixed(1)} s wall, ${Math.round(count / seconds)} encounters/s; worker start-up ${(result.workerStartupMs / 1000).toFixed(1)} s; phases ${JSON.stringify(result.phases)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
