import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './extension';

// Build checks on the artifact the other e2e tests load (Dark Reader's "build" test layer).
test('manifest asks for least privilege', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['scripting', 'sidePanel', 'storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Only the loopback demo is matched at install; EMR hosts are registered at runtime when granted.
  expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  // Chrome injects the loader; the reader it imports is web-accessible only at a per-session random address.
  expect(manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)).toEqual(['content-scripts/boot.js']);
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['content-scripts/content.js'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
  ]);
  // The demo match runs in every frame (athenaOne-style nested frames), as the runtime-registered EMR script does.
  expect(manifest.content_scripts.map((c: { all_frames?: boolean; match_about_blank?: boolean }) => [c.all_frames, c.match_about_blank])).toEqual([
    [true, true],
  ]);
  // The localhost-only match is documented as demo-only (README, Permissions).
  expect(readFileSync('README.md', 'utf8')).toMatch(/`http:\/\/localhost\/\*`.*demo charts only/);
});

test('content script stays small and free of zod; no HTML sinks or network calls in the bundles', () => {
  const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
  // Budget (issue 5): at most 40 kB minified, the loader and the reader it imports together; the polyfill is kept out by wxt.config.ts.
  const bytes = ['content-scripts/boot.js', 'content-scripts/content.js'].map((f) => statSync(join(EXTENSION_DIR, f)).size);
  expect(bytes[0] as number).toBeLessThan(400);
  expect((bytes[0] as number) + (bytes[1] as number)).toBeLessThanOrEqual(40_000);
  expect(content).not.toMatch(/ZodError|zod/i);
  for (const file of ['content-scripts/boot.js', 'content-scripts/content.js', 'background.js']) {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    expect(code, file).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|XMLHttpRequest|sendBeacon|new WebSocket/);
    expect(code, file).not.toMatch(/\bfetch\(/);
  }
});
