/**
 * Times snapshotFromDocument (adapter pick + all sections + identity) on every EMR
 * fixture page, in happy-dom, and on a synthetic large chart (a long visit list and a
 * long note). happy-dom is much slower than a browser's DOM, so these figures are an
 * upper bound; the real-browser figure is measured separately. Budget: well under 20 ms
 * per read of the largest page.
 *
 *   npx tsx bench/scrape.ts [runs]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { inlineSavedFrames } from '../cli/html';
import { snapshotFromDocument } from '../core/emr';
import { attachDeclarativeShadowRoots } from '../core/emr/declarative-shadow';

const RUNS = Number(process.argv[2] ?? 100);
const WARMUP = 20;
const DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../test/fixtures/emr');

function load(html: string, path?: string): { doc: Document; close: () => void } {
  const window = new Window({
    url: 'https://saved.page/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  if (path) inlineSavedFrames(doc, dirname(path));
  attachDeclarativeShadowRoots(doc);
  return { doc, close: () => void window.happyDOM.close() };
}

function time(doc: Document): { median: number; p95: number; sections: number } {
  const samples: number[] = [];
  let sections = 0;
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    const snap = snapshotFromDocument(doc, { url: 'file:///bench.html' });
    const ms = performance.now() - t0;
    if (i >= WARMUP) samples.push(ms); // warm-up runs are not counted
    sections = snap.sections.length;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), sections };
}

/** A large EMA-like chart: 400 visit links, 60 A&P items with procedure fields, a 200-row bill. */
function syntheticLargePage(): string {
  const visits = Array.from({ length: 400 }, (_, i) => `<a class="po-visit-date" href="#/v/${i}">0${(i % 9) + 1}/1${i % 10}/2025</a>`).join('');
  const items = Array.from(
    { length: 60 },
    (_, i) =>
      `<div class="ap-item"><div><b>${i + 1}. Neoplasm of uncertain behavior</b> - site ${i}</div><div>Procedure: Shave biopsy</div><div>Location: L forearm</div><div>Specimen: ${String.fromCharCode(65 + (i % 26))}</div><p>${'Discussed risks and benefits. '.repeat(8)}</p></div>`,
  ).join('');
  const rows = Array.from({ length: 200 }, (_, i) => `<tr><td>1110${i % 8}</td><td>desc ${i}</td><td>1</td><td></td><td>1</td><td>D48.5</td></tr>`).join('');
  return `<!DOCTYPE html><html><body><app-root><div class="patient-header" data-identifier="patient-header"><span data-identifier="patient-header-name">Test, Patient-999</span> <span data-identifier="patient-header-mrn">900999</span></div>
<aside>${visits}</aside><main><div data-identifier="visit-note"><div data-identifier="visit-note-header"><span data-identifier="visit-date">03/10/2026</span></div>
<section data-identifier="note-section-assessment-and-plan"><h4>Assessment &amp; Plan</h4>${items}</section></div>
<div data-identifier="bill-detail"><table data-identifier="bill-line-items">${rows}</table></div></main></app-root></body></html>`;
}

const pages: [string, string, string?][] = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((d) => readdirSync(join(DIR, d)).map((f) => `${d}/${f}`))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => [f, readFileSync(join(DIR, f), 'utf8'), join(DIR, f)]);
pages.push(['(synthetic) large EMA chart', syntheticLargePage()]);

console.log(`snapshotFromDocument in happy-dom, ${RUNS} runs each (ms)`);
console.log(`${'page'.padEnd(58)} ${'bytes'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} sections`);
for (const [name, html, path] of pages) {
  const { doc, close } = load(html, path);
  const r = time(doc);
  close();
  console.log(`${name.padEnd(58)} ${String(html.length).padStart(8)} ${r.median.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${r.sections}`);
}
