import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * core/emr is bundled into the content script (budget 40 KB minified in total): it must
 * reach no zod, no Dexie, no Preact and no rules engine through any value import.
 * `import type` lines are erased by the compiler and do not count.
 */
const ROOT = resolve(__dirname, '../../..');

function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    // `import { type A, type B } from` is type-only too.
    const clause = m[0].slice(0, m[0].lastIndexOf('from'));
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    if (names?.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(m[3] as string);
  }
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (target) stack.push(target);
    }
  }
  return seen;
}

describe('core/emr stays light enough for the content script', () => {
  const files = [...reachable(join(ROOT, 'core/emr/index.ts'))].map((f) => (f.startsWith(ROOT) ? f.slice(ROOT.length + 1) : f));

  it('reaches no package and no heavy core module', () => {
    const packages = files.filter((f) => !f.startsWith('core/'));
    expect(packages).toEqual([]);
    const heavy = files.filter((f) => /^core\/(?:model|rules|engine|store|codes|reconcile|pipeline)/.test(f));
    expect(heavy).toEqual([]);
  });

  it('reaches only core/emr and small parser modules, well under the budget in source size', () => {
    expect(files.filter((f) => !f.startsWith('core/emr/') && !f.startsWith('core/parse/'))).toEqual([]);
    // ~40 KB minified today (test/e2e/build.spec.ts holds the built script to 40,000 bytes); the source, comments
    // included, is about three times that. A jump means something heavy came in.
    const bytes = files.reduce((n, f) => n + statSync(join(ROOT, f)).size, 0);
    // (~103 KB since the parser's section titles moved to core/parse/headings.ts, out of sections.ts; ~112 KB since
    // blockText reads the generic identity's text in the sections' walk.)
    expect(bytes).toBeLessThan(113_000);
  });
});
