import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, effectiveUrl, scopeOf, sectionRootsOf, snapshotFromDocument } from '../../../core/emr';
import { hostPatternMatches } from '../../../core/emr/define-adapter';
import { PAGES } from './fixture-table';
import { FIXTURES, loadFixture, loadPage } from './load-page';

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

const SPECIFIC = ADAPTERS.filter((a) => a.id !== 'generic');

describe('fixture pages', () => {
  it('the table lists every fixture page', () => {
    const onDisk = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .flatMap((dir) => readdirSync(join(FIXTURES, dir)).map((f) => `${dir}/${f}`))
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(PAGES.map((p) => p.file).sort()).toEqual(onDisk);
  });

  describe.each(PAGES)('$file', (page) => {
    it(`is recognised by its DOM alone as ${page.adapter}, and by no other adapter`, () => {
      const loaded = loadFixture(page.file);
      close = loaded.close;
      // No address: only the DOM signature can tell (a saved page on disk).
      const scope = scopeOf(loaded.doc, 'file:///tmp/page.html');
      const matching = SPECIFIC.filter((a) => a.signature(scope)).map((a) => a.id);
      expect(matching).toEqual(page.adapter === 'generic' ? [] : [page.adapter]);
    });

    it('yields the expected section roles, text and identity', () => {
      const loaded = loadFixture(page.file);
      close = loaded.close;
      const snap = snapshotFromDocument(loaded.doc, { url: 'file:///tmp/page.html' });
      expect(snap.adapter).toBe(page.adapter);
      const roles = new Set(snap.sections.map((s) => s.role));
      for (const role of page.roles) expect(roles, `role ${role}`).toContain(role);
      for (const [role, text] of page.contains) {
        const joined = snap.sections
          .filter((s) => s.role === role)
          .map((s) => s.text)
          .join('\n');
        expect(joined, `${role} section`).toContain(text);
      }
      expect(snap.patient).toBe(page.patient);
      expect(snap.dateOfService).toBe(page.dateOfService);
      // Snapshot limits the background enforces.
      expect(snap.sections.length).toBeLessThanOrEqual(100);
      for (const s of snap.sections) expect(s.text.trim().length).toBeGreaterThan(0);
    });
  });
});

describe('addresses', () => {
  it.each([
    ['*.ema.md', 'demoderm.ema.md', true],
    ['*.ema.md', 'ema.md', true],
    ['*.ema.md', 'evilema.md', false],
    ['*.athenahealth.com', 'athenanet.athenahealth.com', true],
    ['*.athenahealth.com', 'athenahealth.com.evil.org', false],
    ['app1.intellechart.net', 'app1.intellechart.net', true],
    ['app1.intellechart.net', 'app2.intellechart.net', false],
  ])('%s matches %s: %s', (pattern, host, expected) => {
    expect(hostPatternMatches(pattern, host)).toBe(expected);
  });

  it.each([
    ['https://demoderm.ema.md/ema/web/practice/staff#/practice/staff/patient/1/chart', 'ema'],
    ['https://x.modmedapp.com/ema/web/practice/staff', 'ema'],
    ['https://athenanet.athenahealth.com/2929001/12/globalframeset.esp', 'athena'],
    ['https://app1.intellechart.net/Eye2MVC/Chart/Chart/Index/1/2/3', 'nextech'],
    ['https://siteapp.eclinicalweb.com/mobiledoc/jsp/webemr/login/newLogin.jsp', 'ecw'],
    ['https://emr.example.org/mobiledoc/jsp/webemr/jellybean/x.jsp', 'ecw'],
    ['https://epiccarelink.example.org/EpicCareLink/common/chart.asp?PAT_ID=1', 'epic'],
    ['https://clinic.example.org/chart', 'generic'],
  ])('an empty page at %s is %s by its address', (url, id) => {
    const loaded = loadPage('<!DOCTYPE html><html><body><p>Loading…</p></body></html>');
    close = loaded.close;
    expect(adapterFor(loaded.doc, url).adapter.id).toBe(id);
  });

  it('an EMR page where the adapter finds no section falls back to the generic reader', () => {
    const loaded = loadPage('<!DOCTYPE html><html><body><h2>Procedure Note</h2><p>Shave biopsy R arm, specimen A.</p></body></html>');
    close = loaded.close;
    const snap = snapshotFromDocument(loaded.doc, { url: 'https://demoderm.ema.md/ema/web/practice/staff' });
    expect(snap.adapter).toBe('ema+generic');
    expect(snap.sections.map((s) => [s.role, s.name])).toEqual([['procedure', 'Procedure Note']]);
  });

  it('reads the original address a saved page records', () => {
    const loaded = loadFixture('athena/visit-biopsy-edc-aks.html');
    close = loaded.close;
    expect(effectiveUrl(loaded.doc, 'file:///x.html')).toMatch(/^https:\/\/athenanet\.athenahealth\.com\/2929001\/12\/globalframeset\.esp/);
    expect(effectiveUrl(loaded.doc, 'https://live.example/')).toBe('https://live.example/');
  });

  it('athenaOne: the content script observes the frMain document, not the frameset', () => {
    const loaded = loadFixture('athena/visit-biopsy-edc-aks.html');
    close = loaded.close;
    const roots = sectionRootsOf(loaded.doc, 'file:///x.html');
    expect(roots).toHaveLength(1);
    expect(roots[0]?.ownerDocument?.querySelector('#AssessmentPlan')).not.toBeNull();
    expect(roots[0]?.ownerDocument).not.toBe(loaded.doc);
  });
});

describe('adapter files name their fixture pages', () => {
  const ADAPTER_FILES = ['ema', 'athena', 'nextech', 'eclinicalworks', 'epic', 'generic'];
  const listed = ADAPTER_FILES.flatMap((name) => {
    const src = readFileSync(join(FIXTURES, '../../../core/emr', `${name}.ts`), 'utf8');
    const closing = src.slice(src.lastIndexOf('\n/*'));
    expect(closing, `${name}.ts ends with its fixture list`).toMatch(/Fixture pages:/);
    return [...closing.matchAll(/test\/fixtures\/emr\/([\w/.-]+\.html)/g)].map((m) => m[1] as string);
  });

  it('every listed page exists and every page is listed', () => {
    for (const page of listed) expect(existsSync(join(FIXTURES, page)), page).toBe(true);
    expect([...new Set(listed)].sort()).toEqual(PAGES.map((p) => p.file).sort());
  });
});
