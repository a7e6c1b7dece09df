import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The extension never puts chart text into the DOM as HTML and never talks to a
 * network. Both are easy to break by one line in a component, so the source tree
 * is scanned: every HTML sink and every network API in extension code fails here.
 */

const ROOT = join(import.meta.dirname, '../../..');
/** Extension code: what ends up in the built extension. cli/ runs in Node and is checked for network only. */
const EXTENSION_DIRS = ['entrypoints', 'components', 'core'];
const SOURCE = /\.(?:ts|tsx|js|mjs|jsx|html)$/;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE.test(name)) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Source without comments, so a comment that names a sink (to forbid it) is not a hit. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

function scan(files: string[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const file of files) {
    const lines = code(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((l, i) => {
      if (pattern.test(l)) hits.push({ file: relative(ROOT, file), line: i + 1, text: l.trim().slice(0, 120) });
    });
  }
  return hits;
}

const HTML_SINKS =
  /\.innerHTML\b|\.outerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write(?:ln)?\s*\(|\.srcdoc\s*=|createContextualFragment|\bDOMParser\b.*text\/html.*\)\s*;?\s*document\.body|new\s+Function\s*\(|\beval\s*\(/;
const NETWORK =
  /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|sendBeacon|\bRTCPeerConnection\b|from\s+['"]node:(?:https?|net|tls|dgram|http2)['"]|require\(\s*['"](?:https?|net|tls)['"]\s*\)|importScripts\s*\(|new\s+Worker\s*\(\s*['"]https?:/;

describe('source scan', () => {
  const extensionFiles = EXTENSION_DIRS.flatMap(filesUnder);

  it('finds the extension source (the scan is not scanning nothing)', () => {
    expect(extensionFiles.length).toBeGreaterThan(50);
    expect(extensionFiles.some((f) => f.endsWith('entrypoints/sidepanel/App.tsx'))).toBe(true);
  });

  it('the patterns catch what they are meant to catch', () => {
    const bad = [
      'el.innerHTML = text;',
      '<div dangerouslySetInnerHTML={{ __html: t }} />',
      'el.insertAdjacentHTML("beforeend", t)',
      'document.write(t)',
      'frame.srcdoc = t',
      'x.outerHTML = t',
      'new Function(t)()',
      'eval(t)',
    ];
    for (const b of bad) expect(HTML_SINKS.test(b), b).toBe(true);
    expect(HTML_SINKS.test('const text = el.textContent;')).toBe(false);
    for (const b of ['await fetch(url)', 'new XMLHttpRequest()', "import http from 'node:https';", 'navigator.sendBeacon(u, d)', 'new WebSocket(u)'])
      expect(NETWORK.test(b), b).toBe(true);
    expect(code('// never use innerHTML here\nconst a = 1;')).not.toMatch(HTML_SINKS);
  });

  it('no HTML sink in extension code (entrypoints/, components/, core/)', () => {
    expect(scan(extensionFiles, HTML_SINKS)).toEqual([]);
  });

  it('no network API in extension code or the command line', () => {
    expect(scan([...extensionFiles, ...filesUnder('cli')], NETWORK)).toEqual([]);
  });

  it('no control character in any source file (a "\\b" a script wrote as a backspace makes a regex never match)', () => {
    const files = [...extensionFiles, ...filesUnder('cli'), ...filesUnder('test'), ...filesUnder('bench')];
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((l, i) => (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(l) ? [`${relative(ROOT, f)}:${i + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('extension pages load no remote script, style or font', () => {
    const pages = extensionFiles.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(scan(pages, /(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i)).toEqual([]);
  });
});
