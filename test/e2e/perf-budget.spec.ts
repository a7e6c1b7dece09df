import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAME_ORIGIN_CHILD_FRAME_EXIT } from '../../core/emr/frames';
import { EXTENSION_DIR, expect, test } from './extension';

/*
 * The deterministic part of the performance budgets (issue 8), checked on every
 * build: the content script runs in every EMR page the user opens, so its size is
 * its parse/compile cost on each load. The timed budgets are `npm run bench`.
 */

const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
const LOADER = join(EXTENSION_DIR, 'content-scripts/boot.js');
const BUDGET_BYTES = 40 * 1024;

test('the content script (loader and reader) is at most 40 KB minified and carries no zod', () => {
  const bytes = statSync(LOADER).size + statSync(CONTENT_SCRIPT).size;
  const text = readFileSync(CONTENT_SCRIPT, 'utf8');
  test
    .info()
    .annotations.push({ type: 'size', description: `${(bytes / 1024).toFixed(1)} KB, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB gzip` });
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  // The build is minified: no line of it is indented source.
  expect(text.split('\n').filter((l) => /^\s{2,}\S/.test(l)).length).toBe(0);
  // zod belongs to the background (it validates); in the content script it would triple the size.
  expect(text).not.toMatch(/ZodError|_zod\b/);
  // V8's compile hint must be the file's first line to count (wxt.config.ts): the first read then
  // runs compiled code instead of parsing each function a second time on a cold page.
  const [hint] = text.split('\n', 1);
  expect(hint).toBe('//# allFunctionsCalledOnLoad');
  // A same-origin child frame leaves in the loader, before the reader is even fetched (wxt.config.ts); other frames
  // import the reader, which Chrome compiles off the main thread.
  expect(readFileSync(LOADER, 'utf8')).toBe(
    `(function(){${SAME_ORIGIN_CHILD_FRAME_EXIT}import(chrome.runtime.getURL("content-scripts/content.js")).catch(function(){})})();\n`,
  );
  // WXT's full ContentScriptContext (timers, URL watcher) gives way to entrypoints/content/context.ts.
  expect(text).not.toMatch(/locationchange|requestAnimationFrame/);
});
