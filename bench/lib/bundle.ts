import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

export const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');

export interface BundleSize {
  entrypoint: string;
  files: string[];
  /** Bytes as built. */
  builtBytes: number;
  /** Minified bytes: as built when WXT already minified, else after esbuild --minify. */
  minifiedBytes: number;
  /** gzip -9 of the minified files (each file separately, as a browser fetches them). */
  gzipBytes: number;
}

/** Every file an entry loads: its own file, then the chunks it imports (static imports and the loader's import of the reader, recursively) and its stylesheets. */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const norm = normalize(rel).replace(/^\/+/, '');
    if (seen.has(norm) || !existsSync(join(EXTENSION_DIR, norm))) return;
    seen.add(norm);
    const text = readFileSync(join(EXTENSION_DIR, norm), 'utf8');
    if (norm.endsWith('.html')) {
      for (const m of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) visit((m[1] as string).replace(/^\//, ''));
    } else if (norm.endsWith('.js')) {
      for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) visit(join(dirname(norm), m[1] as string));
      // A module imported by its extension address (the content-script loader imports the reader): from the root.
      for (const m of text.matchAll(/import\(\s*chrome\.runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)\s*\)/g)) visit(m[1] as string);
    }
  };
  visit(entry);
  return [...seen];
}

function minify(file: string, text: string): string {
  if (file.endsWith('.js'))
    return transformSync(text, { minify: true, loader: 'js', format: file.includes('content-scripts') ? 'iife' : 'esm', legalComments: 'none' }).code;
  if (file.endsWith('.css')) return transformSync(text, { minify: true, loader: 'css' }).code;
  return text.replace(/>\s+</g, '><').trim();
}

export function bundleSizes(): BundleSize[] | undefined {
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[] }[];
    side_panel?: { default_path?: string };
    options_ui?: { page?: string };
  };
  const entries: [string, string][] = [];
  if (manifest.background?.service_worker) entries.push(['background', manifest.background.service_worker]);
  for (const js of new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))) entries.push(['content script', js]);
  if (manifest.side_panel?.default_path) entries.push(['side panel', manifest.side_panel.default_path]);
  if (manifest.options_ui?.page) entries.push(['options', manifest.options_ui.page]);
  if (existsSync(join(EXTENSION_DIR, 'trainer.html'))) entries.push(['trainer', 'trainer.html']);
  return entries.map(([entrypoint, file]) => {
    const files = closure(file);
    let builtBytes = 0;
    let minifiedBytes = 0;
    let gzipBytes = 0;
    for (const f of files) {
      const text = readFileSync(join(EXTENSION_DIR, f), 'utf8');
      builtBytes += statSync(join(EXTENSION_DIR, f)).size;
      // The build is already minified: keep whichever is smaller (re-minifying can add a few bytes).
      const reminified = minify(f, text);
      const min = Buffer.byteLength(reminified) < Buffer.byteLength(text) ? reminified : text;
      minifiedBytes += Buffer.byteLength(min);
      gzipBytes += gzipSync(min, { level: 9 }).length;
    }
    return { entrypoint, files, builtBytes, minifiedBytes, gzipBytes };
  });
}
