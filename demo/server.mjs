#!/usr/bin/env node
// Tiny static server for the demo charts (npm start, Playwright's webServer).
// Serves only files under demo/, plus the saved EMR pages of test/fixtures/emr/ read-only
// under /emr/ (the per-EMR end-to-end tests), on the loopback interface, with no caching.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const emrRoot = join(root, '..', 'test', 'fixtures', 'emr');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function resolveDemoPath(urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  if (pathname.startsWith('/emr/')) {
    const file = normalize(join(emrRoot, pathname.slice('/emr/'.length)));
    return file.startsWith(emrRoot + sep) ? file : undefined;
  }
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (file.endsWith('.mjs')) return undefined; // the server itself is not content
  return file;
}

export function startDemoServer(port = Number(process.env.PORT ?? process.env.DEMO_PORT ?? 5178), host = process.env.DEMO_HOST ?? '127.0.0.1') {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveDemoPath(req.url ?? '/');
    let size = -1;
    try {
      if (file) {
        const st = statSync(file);
        if (st.isFile()) size = st.size;
      }
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const server = await startDemoServer();
  const { port, address } = server.address();
  console.log(`DermLens demo charts on http://${address === '127.0.0.1' ? 'localhost' : address}:${port}/`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
