import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS, cssPathOf, elementFromCssPath, snapshotFromDocument, snapshotFromElement } from '../../../core/emr';
import { PAGES } from './fixture-table';
import { loadBody, loadFixture } from './load-page';

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

const URL = 'file:///tmp/page.html';
const SPECIFIC = ADAPTERS.filter((a) => a.id !== 'generic').map((a) => a.id);

describe('generic adapter', () => {
  it('reads an unknown page by its headings: h1-h6, bold lines, one-cell rows, dt over a long dd', () => {
    const page = loadBody(`
      <div>Patient: Test, Patient-360   MRN: 900360 &nbsp; DOS: 06/01/2026</div>
      <h1>Dermatology Visit</h1>
      <p><b>HPI:</b> itchy spots on the back</p>
      <p><strong>PROCEDURES PERFORMED</strong></p>
      <p>Shave biopsy, R scapula, specimen A.</p>
      <table><tr><td>Path Report</td></tr><tr><td>A. Seborrheic keratosis.</td><td></td></tr></table>
      <dl><dt>Assessment and Plan</dt><dd><p>1. SK, reassured.</p><p>2. Follow up yearly.</p></dd></dl>
      <div>Visit Codes</div><div>11102 x1</div>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.adapter).toBe('generic');
    expect(snap.patient).toBe('Test, Patient-360   MRN: 900360');
    expect(snap.dateOfService).toBe('06/01/2026');
    expect(snap.sections.map((s) => [s.role, s.name])).toEqual([
      ['note', 'Note'],
      ['procedure', 'PROCEDURES PERFORMED'],
      ['pathology', 'Path Report'],
      ['assessment', 'Assessment and Plan'],
      ['charges', 'Visit Codes'],
    ]);
    // "HPI:" followed by text on the same line is a labeled line, not a heading: it stays in the lead text.
    expect(snap.sections[0]?.text).toContain('HPI: itchy spots on the back');
    expect(snap.sections[3]?.text).toContain('1. SK, reassured.');
  });

  it('"Procedure: shave biopsy" and a "Procedure" grid column do not start sections', () => {
    const page = loadBody(`
      <h2>A/P</h2>
      <div><b>Procedure:</b> shave biopsy</div>
      <table><tr><th>Date</th><th>Procedure</th></tr><tr><td>01/02/2026</td><td>Shave bx</td></tr></table>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.role)).toEqual(['assessment']);
    // A grid with a column of dates is a log of records: it keeps its columns.
    expect(snap.sections[0]?.text).toBe('A/P\nProcedure: shave biopsy\nDate | Procedure\n01/02/2026 | Shave bx');
  });

  it('an ARIA column header is no section title; an Addendum after a result is more of that result', () => {
    const page = loadBody(`
      <h2>Procedures</h2>
      <div role="grid"><div role="row"><div role="columnheader">Procedure</div><div role="columnheader">Site</div></div>
        <div role="row"><div role="gridcell">Shave biopsy</div><div role="gridcell">R arm</div></div></div>
      <h2>Final Diagnosis</h2><p>A. Skin, R arm, shave: Compound nevus.</p>
      <h2>Addendum</h2><p>Diagnosis revised to melanoma in situ.</p>
      <h2>Plan</h2><p>Re-excise.</p>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.name])).toEqual([
      ['procedure', 'Procedures'],
      ['pathology', 'Final Diagnosis'],
      ['assessment', 'Plan'],
    ]);
    expect(snap.sections[0]?.text).toBe('Procedures\nProcedure: Shave biopsy | Site: R arm');
    expect(snap.sections[1]?.text).toBe('Final Diagnosis\nA. Skin, R arm, shave: Compound nevus.\nAddendum\nDiagnosis revised to melanoma in situ.');
  });

  it('a list of earlier visits is left out; the open visit and its titled parts are read', () => {
    const page = loadBody(`
      <div>Patient: Test, Patient-363   MRN: 900363   DOS: 06/03/2026</div>
      <aside><h3>Visit History</h3><ul>
        <li><details><summary>01/05/2026</summary><p><b>Procedure Note</b></p><p>Shave bx R arm, specimen A.</p></details></li>
      </ul></aside>
      <section aria-label="Previous notes"><p>Punch bx L leg.</p></section>
      <div><p><b>Prior Visits</b></p><p>ED&amp;C of BCC, back.</p><p><b>Procedures</b></p><p>Cryo to 3 AKs of the scalp.</p></div>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    const all = snap.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Shave bx|Punch bx|ED&C/);
    expect(snap.sections.map((s) => [s.role, s.text])).toContainEqual(['procedure', 'Procedures\nCryo to 3 AKs of the scalp.']);
  });

  it('a panel of templates or favorite codes beside the note is left out; a title that only starts so is read', () => {
    const page = loadBody(`
      <div>Patient: Test, Patient-462   MRN: 900462   DOS: 10/19/2026</div>
      <aside><h4>Procedure Templates</h4><ul><li><a href="#">Shave biopsy - specimen to dermpath</a></li></ul>
        <h4>Favorite Codes</h4><table><tr><td>17000</td><td>Destruction premalignant, first</td></tr></table></aside>
      <nav aria-label="Smart Phrases"><a href="#">Punch biopsy 4 mm</a></nav>
      <main><h3>Procedure</h3><p>Template used: ILK. Triamcinolone 10 mg/mL into 3 papules of the R shin.</p></main>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    const all = snap.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Shave biopsy|17000|Punch biopsy/);
    expect(snap.sections.map((s) => [s.role, s.text])).toContainEqual([
      'procedure',
      'Procedure\nTemplate used: ILK. Triamcinolone 10 mg/mL into 3 papules of the R shin.',
    ]);
  });

  it('a history title that bounds nothing does not take the open note with it', () => {
    const note = 'Shave biopsy of the R forearm, 0.5 cm pink papule, specimen A to dermpath; hemostasis with aluminum chloride. '.repeat(3);
    for (const body of [`<div id="page"><div>Visit History</div><div>${note}</div></div>`, `<p><b>Previous visits</b></p><p>${note}</p>`]) {
      const page = loadBody(body);
      const all = snapshotFromDocument(page.doc, { url: URL })
        .sections.map((s) => s.text)
        .join('\n');
      page.close();
      expect(all.split('Shave biopsy of the R forearm').length - 1).toBe(3);
    }
  });

  it('an open visit expanded inside the visit list is kept', () => {
    const note = 'Shave biopsy of the R forearm, 0.5 cm pink papule, specimen A to dermpath; hemostasis with aluminum chloride. '.repeat(3);
    const page = loadBody(
      `<section aria-label="Visit list"><details><summary>01/05/2026</summary><p>Old: punch bx L leg.</p></details><details open><summary>06/03/2026</summary><p>${note}</p></details></section>`,
    );
    close = page.close;
    const all = snapshotFromDocument(page.doc, { url: URL })
      .sections.map((s) => s.text)
      .join('\n');
    expect(all).toContain('Shave biopsy of the R forearm');
    expect(all).not.toContain('punch bx L leg');
  });

  it('regions named only by aria-label or aria-labelledby are sections', () => {
    const page = loadBody(`
      <section aria-label="Procedure note"><p>Punch bx R thigh, specimen A.</p></section>
      <p>Today's <span id="v">Visit</span> <span id="c">Codes</span> (entered by the MA)</p>
      <section aria-labelledby="v c"><p>11104 x1</p></section>
      <section aria-label="Procedures"><h3>Procedures</h3><p>Cryo x2.</p></section>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    // The third region shows its own title: it is split there, not at the region.
    expect(snap.sections.map((s) => [s.role, s.name, s.text])).toEqual([
      ['procedure', 'Procedure note', 'Punch bx R thigh, specimen A.'],
      ['note', 'Note', "Today's Visit Codes (entered by the MA)"],
      ['charges', 'Visit Codes', '11104 x1'],
      ['procedure', 'Procedures', 'Procedures\nCryo x2.'],
    ]);
  });

  it('accordion headers (disclosure buttons) and tab panels title their sections; menu and action buttons do not', () => {
    const page = loadBody(`
      <div>Patient: Test, Patient-364   DOS: 06/05/2026</div>
      <h2 class="accordion-header"><button class="accordion-button" aria-expanded="true">Procedures</button></h2>
      <div class="accordion-body">Shave biopsy R arm, specimen A.</div>
      <button aria-expanded="false" aria-controls="ap">Assessment &amp; Plan</button>
      <div id="ap" hidden>1. NUB, R arm - await path.</div>
      <button aria-expanded="false" aria-haspopup="menu">Charges</button><button>Pathology</button>
      <div role="tablist"><div role="tab" id="t1">Path Report</div></div>
      <div role="tabpanel" aria-labelledby="t1">A. Compound nevus.</div>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.text])).toEqual([
      ['note', 'Patient: Test, Patient-364 DOS: 06/05/2026'],
      ['procedure', 'Procedures\nShave biopsy R arm, specimen A.'],
      ['assessment', 'Assessment & Plan\n1. NUB, R arm - await path.'],
      ['pathology', 'A. Compound nevus.'],
    ]);
  });

  it('a page without any heading is one note section (the parser splits it further)', () => {
    const page = loadBody('<div>Patient: Test, Patient-361</div><div>Shave bx L arm.</div>');
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections).toEqual([{ name: 'Note', role: 'note', text: 'Patient: Test, Patient-361\nShave bx L arm.' }]);
    expect(snap.patient).toBe('Test, Patient-361');
  });

  // Every EMR page must still give its key sections when its own adapter is unavailable.
  describe.each(PAGES.filter((p) => p.adapter !== 'generic'))('$file read as an unknown page', (page) => {
    it(`still finds the ${page.roles.filter((r) => r !== 'header' && r !== 'visit').join(', ')} text`, () => {
      const loaded = loadFixture(page.file);
      close = loaded.close;
      const snap = snapshotFromDocument(loaded.doc, { url: URL, skip: SPECIFIC });
      expect(snap.adapter).toBe('generic');
      const all = snap.sections.map((s) => s.text).join('\n');
      // Charge grids are reshaped by their own adapter (eCW inputs → "11400-59 x1"); the generic reader keeps the code.
      for (const [role, text] of page.contains) expect(all).toContain(role === 'charges' ? (/\d{5}/.exec(text)?.[0] ?? text) : text);
    });
  });
});

describe('pick the note', () => {
  it('cssPathOf finds the same element again, preferring a stable id and skipping generated ones', () => {
    const page = loadBody(`
      <div id="chart"><section><div>x</div><div class="note"><p>a</p></div></section></div>
      <div id="mat-input-1234"><span><b>y</b></span></div>`);
    close = page.close;
    const note = page.doc.querySelector('.note') as Element;
    const path = cssPathOf(note);
    expect(path).toBe('#chart > section > div:nth-of-type(2)');
    expect(elementFromCssPath(page.doc, path)).toBe(note);
    const b = page.doc.querySelector('b') as Element;
    const bPath = cssPathOf(b);
    expect(bPath).not.toContain('mat-input');
    expect(elementFromCssPath(page.doc, bPath)).toBe(b);
  });

  it.each([
    ['', 'empty'],
    ['div[', 'invalid selector'],
    ['#nothing-here', 'no match'],
  ])('a stored path %j (%s) finds nothing', (path) => {
    const page = loadBody('<div>a</div>');
    close = page.close;
    expect(elementFromCssPath(page.doc, path)).toBeUndefined();
  });

  it('snapshotFromElement reads only the picked element, identity from the page top', () => {
    const page = loadBody(`
      <div class="banner">Patient: Test, Patient-362 &nbsp; MRN: 900362 &nbsp; DOS: 06/02/2026</div>
      <div class="sidebar"><h3>Procedure Note</h3><p>old note, not this visit</p></div>
      <div class="note"><h3>Procedure Note</h3><p>Punch bx R thigh, specimen A.</p><h3>Plan</h3><p>Await path.</p></div>`);
    close = page.close;
    const snap = snapshotFromElement(page.doc.querySelector('.note') as Element, { url: URL });
    expect(snap.adapter).toBe('picked');
    expect(snap.patient).toBe('Test, Patient-362   MRN: 900362');
    expect(snap.dateOfService).toBe('06/02/2026');
    expect(snap.sections.map((s) => [s.role, s.text])).toEqual([
      ['procedure', 'Procedure Note\nPunch bx R thigh, specimen A.'],
      ['assessment', 'Plan\nAwait path.'],
    ]);
  });

  it('snapshotFromDocument uses a remembered path, and ignores one that no longer matches', () => {
    const page = loadBody('<div id="left"><h3>Procedure Note</h3><p>sidebar</p></div><div id="main"><h3>Procedure Note</h3><p>main note</p></div>');
    close = page.close;
    const picked = snapshotFromDocument(page.doc, { url: URL, pickedPath: '#main' });
    expect(picked.adapter).toBe('picked');
    expect(picked.sections.map((s) => s.text)).toEqual(['Procedure Note\nmain note']);
    const stale = snapshotFromDocument(page.doc, { url: URL, pickedPath: '#gone' });
    expect(stale.adapter).toBe('generic');
    expect(stale.sections).toHaveLength(2);
  });
});

describe('headings written in pieces', () => {
  it('a heading whose title is split over several text nodes is still found', () => {
    const page = loadBody('<h3>Assessment <span>&amp;</span> Plan</h3><p>1. AK</p><h3><i>Procedure</i> <b>Note</b></h3><p>LN2 x3</p>');
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.name])).toEqual([
      ['assessment', 'Assessment & Plan'],
      ['procedure', 'Procedure Note'],
    ]);
  });
});
