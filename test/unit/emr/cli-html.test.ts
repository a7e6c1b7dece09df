import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encounterFromHtml, patientKeyText, snapshotFromHtml } from '../../../cli/html';
import { extractIdentity } from '../../../core/parse/identity';

const dir = mkdtempSync(join(tmpdir(), 'dermlens-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/html: saved pages', () => {
  it('reads frames that "Save Page As… complete" wrote as files, nested, <frame> included', () => {
    const page = join(dir, 'chart.html');
    mkdirSync(join(dir, 'chart_files'), { recursive: true });
    writeFileSync(
      page,
      '<html><body><iframe id="GlobalNav" src="chart_files/nav.html"></iframe><iframe id="GlobalWrapper" src="chart_files/wrapper.html"></iframe></body></html>',
    );
    writeFileSync(join(dir, 'chart_files/nav.html'), '<body><input id="searchinput"></body>');
    writeFileSync(join(dir, 'chart_files/wrapper.html'), '<frameset><frame id="frameContent" src="content.html"></frameset>');
    writeFileSync(join(dir, 'chart_files/content.html'), '<body><iframe id="frMain" src="main.html"></iframe></body>');
    writeFileSync(
      join(dir, 'chart_files/main.html'),
      '<body><div class="patient-banner"><span class="patientname">TEST, PATIENT-371</span> <span class="patientid">ID #900371</span></div><h2>Procedure Note</h2><p>Shave biopsy, R arm, specimen A.</p></body>',
    );
    const snap = snapshotFromHtml(readFileSync(page, 'utf8'), 'chart.html', { path: page });
    expect(snap.adapter).toBe('athena');
    expect(snap.patient).toBe('TEST, PATIENT-371   MRN: 900371');
    expect(snap.sections.find((s) => s.role === 'procedure')?.text).toBe('Procedure Note\nShave biopsy, R arm, specimen A.');
  });

  it('never reads a frame file outside the page folder, nor fetches a web address', () => {
    const sub = join(dir, 'inner');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(dir, 'secret.html'), '<body><h2>Procedure Note</h2><p>SECRET</p></body>');
    const page = join(sub, 'page.html');
    const html = '<body><h2>Plan</h2><p>visible</p><iframe src="../secret.html"></iframe><iframe src="https://example.org/x.html"></iframe></body>';
    writeFileSync(page, html);
    const snap = snapshotFromHtml(html, 'page.html', { path: page });
    const text = snap.sections.map((s) => s.text).join('\n');
    expect(text).toContain('visible');
    expect(text).not.toContain('SECRET');
  });

  it('links a saved page and a .txt note of the same patient by the same key', () => {
    const fromPage = patientKeyText('Test, Patient-301   MRN: 900301');
    expect(fromPage).toBe('mrn:900301');
    expect(extractIdentity('Patient: Test, Patient-301   MRN: 900301\nDOS: 03/10/2026').patient).toBe(fromPage);
    // Without an id, both paths fall back to the same normalized name.
    expect(patientKeyText('TEST, PATIENT-372')).toBe(extractIdentity('Patient: TEST, PATIENT-372').patient);
  });

  it('an encounter from a saved page carries the hashed key (not the raw banner) and the date of service', () => {
    const html =
      '<body><div>Patient: Test, Patient-373 &nbsp; MRN: 900373</div><div>DOS: 06/03/2026</div><h2>Procedure Note</h2><p>Punch biopsy 4 mm, L thigh, specimen A.</p></body>';
    const encounter = encounterFromHtml(html, 'p.html', (raw) => `hash(${raw})`);
    expect(encounter.patientKey).toBe('hash(mrn:900373)');
    expect(encounter.visit.dateOfService).toBe('2026-06-03');
  });

  it('a script-ticked checkbox keeps the tick its saved markup shows (aria-checked, a wrapper class, AngularJS ng-empty)', () => {
    const box = (label: string, input: string, wrap = '') => `<div${wrap}><label><input type="checkbox"${input}> ${label}</label></div>`;
    const html = `<body><h2>Procedure</h2>${[
      box('Cryotherapy of AKs', ' aria-checked="true"'),
      box('Shave removal', ' aria-checked="false" checked'),
      box('Punch biopsy', '', ' class="mat-checkbox mat-checkbox-checked"'),
      box('Excision', '', ' class="mat-checkbox"'),
      box('Curettage', ' ng-model="p.curettage" class="ng-valid ng-not-empty"'),
      box('Kenalog injection', ' ng-model="p.ilk" class="ng-valid ng-empty"'),
      box('Repair', ' checked'),
      box('Flap', ''),
    ].join('')}</body>`;
    const text = snapshotFromHtml(html, 'boxes.html')
      .sections.map((s) => s.text)
      .join('\n');
    expect(text).toBe('Procedure\nCryotherapy of AKs\nPunch biopsy\nCurettage\nRepair');
  });
});
