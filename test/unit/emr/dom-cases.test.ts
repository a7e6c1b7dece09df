import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotFromDocument } from '../../../core/emr';
import { FIXTURES, loadBody, loadFixture } from './load-page';

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

const URL = 'file:///tmp/page.html';

describe('SPA navigation: identity and sections are read fresh each time', () => {
  it('EMA: a hash-route change to another patient and visit changes the snapshot in place', () => {
    const page = loadFixture('ema/visit-biopsies-and-ak-destruction.html');
    close = page.close;
    const first = snapshotFromDocument(page.doc, { url: URL });
    expect(first.patient).toBe('Test, Patient-301   MRN: 900301');

    // The Angular router swaps the banner and the note without a page load.
    const doc = page.doc;
    (doc.querySelector('[data-identifier="patient-header-name"]') as HTMLElement).textContent = 'Test, Patient-399';
    (doc.querySelector('[data-identifier="patient-header-mrn"]') as HTMLElement).textContent = '900399';
    (doc.querySelector('[data-identifier="visit-date"]') as HTMLElement).textContent = '04/01/2026';
    const ap = doc.querySelector('[data-identifier="note-section-assessment-and-plan"]') as HTMLElement;
    ap.replaceChildren();
    const h = doc.createElement('h4');
    h.textContent = 'Assessment & Plan';
    const p = doc.createElement('div');
    p.textContent = 'Seborrheic keratoses, reassurance only.';
    ap.append(h, p);

    const second = snapshotFromDocument(doc, { url: URL });
    expect(second.patient).toBe('Test, Patient-399   MRN: 900399');
    expect(second.dateOfService).toBe('04/01/2026');
    const text = second.sections.map((s) => s.text).join('\n');
    expect(text).toContain('reassurance only');
    expect(text).not.toContain('Punch biopsy');
  });

  it('athenaOne: a new document in frMain is read on the next snapshot (the top URL never changes)', () => {
    const page = loadFixture('athena/visit-biopsy-edc-aks.html');
    close = page.close;
    const before = snapshotFromDocument(page.doc, { url: URL });
    expect(before.sections.some((s) => s.role === 'procedure')).toBe(true);
    const wrapper = page.doc.getElementById('GlobalWrapper') as HTMLIFrameElement;
    const content = wrapper.contentDocument?.getElementById('frameContent') as HTMLIFrameElement;
    const frMainDoc = content.contentDocument?.getElementById('frMain') as HTMLIFrameElement;
    const body = frMainDoc.contentDocument?.body as HTMLElement;
    body.replaceChildren();
    const banner = frMainDoc.contentDocument?.createElement('div') as HTMLElement;
    banner.className = 'patient-banner';
    const name = frMainDoc.contentDocument?.createElement('span') as HTMLElement;
    name.className = 'patientname';
    name.textContent = 'TEST, PATIENT-398';
    const id = frMainDoc.contentDocument?.createElement('span') as HTMLElement;
    id.className = 'patientid';
    id.textContent = 'ID #900398';
    banner.append(name, id);
    const h2 = frMainDoc.contentDocument?.createElement('h2') as HTMLElement;
    h2.textContent = 'Assessment / Plan';
    const plan = frMainDoc.contentDocument?.createElement('div') as HTMLElement;
    plan.textContent = 'Rosacea: metronidazole gel.';
    body.append(banner, h2, plan);
    const after = snapshotFromDocument(page.doc, { url: URL });
    expect(after.patient).toBe('TEST, PATIENT-398   MRN: 900398');
    expect(after.sections.map((s) => s.role)).toEqual(['note', 'assessment']);
    expect(after.sections[1]?.text).toContain('metronidazole');
  });
});

describe('shadow DOM and frames', () => {
  it('a declarative shadow root that was never attached is still read (its text, in place)', () => {
    // document.write in happy-dom leaves <template shadowrootmode> unattached, like some saved pages.
    const html = readFileSync(join(FIXTURES, 'athena/visit-biopsy-edc-aks.html'), 'utf8');
    const window = new Window({
      url: 'https://saved.page/',
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    close = () => void window.happyDOM.close();
    window.document.write(html);
    const snap = snapshotFromDocument(window.document as unknown as Document, { url: URL });
    const text = snap.sections.map((s) => s.text).join('\n');
    expect(text).toContain('Punch biopsy - L anterior thigh');
    expect(text).toContain('Destruction, premalignant lesions - AK x2');
  });

  it('an open shadow root attached by script: its heading starts a section of its own', () => {
    const page = loadBody('<h2>Assessment / Plan</h2><div>1. AK x3</div><div id="panel"></div><h2>Follow-up</h2><div>3 months</div>');
    close = page.close;
    const host = page.doc.getElementById('panel') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const h3 = page.doc.createElement('h3');
    h3.textContent = 'Procedure Documentation';
    const p = page.doc.createElement('p');
    p.textContent = 'LN2 to 3 AKs on the face.';
    root.append(h3, p);
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.name])).toEqual([
      ['assessment', 'Assessment / Plan'],
      ['procedure', 'Procedure Documentation'],
      ['other', 'Follow-up'],
    ]);
    expect(snap.sections[1]?.text).toBe('Procedure Documentation\nLN2 to 3 AKs on the face.');
  });

  it('a closed shadow root is invisible and does not break the read', () => {
    const page = loadBody('<div id="x"></div><h2>Procedure Note</h2><p>Shave bx.</p>');
    close = page.close;
    const root = (page.doc.getElementById('x') as HTMLElement).attachShadow({ mode: 'closed' });
    root.append(page.doc.createTextNode('secret'));
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.text).join('\n')).not.toContain('secret');
    expect(snap.sections.map((s) => s.role)).toEqual(['procedure']);
  });

  it('a cross-origin frame is skipped; the readable rest of the page is still coded', () => {
    const page = loadBody('<h2>Procedure Note</h2><p>Punch bx L arm, specimen A.</p><iframe id="ads"></iframe>');
    close = page.close;
    Object.defineProperty(page.doc.getElementById('ads') as HTMLIFrameElement, 'contentDocument', {
      get() {
        throw new Error('SecurityError');
      },
    });
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections).toEqual([{ name: 'Procedure Note', role: 'procedure', text: 'Procedure Note\nPunch bx L arm, specimen A.' }]);
  });
});

describe('frames beside the chart frame', () => {
  const srcdoc = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  it('athenaOne: a procedure frame beside frMain in frameContent is read with it; a shim menu frame there is not', () => {
    const frMain =
      '<html><body><div class="patient-banner"><span class="patientname">TEST, PATIENT-9902</span></div><h3>Assessment / Plan</h3><p>1. SCC L forearm - excised, see Procedures.</p></body></html>';
    const procedures = '<html><body><h3>Procedures</h3><p>Excision L forearm, excised diameter 2.0 cm, repair length 3.5 cm.</p></body></html>';
    const shim = '<html><body><h3>Procedures</h3><p>Menu: Cryotherapy | Shave biopsy</p></body></html>';
    const content = `<html><body><iframe id="frMain" srcdoc="${srcdoc(frMain)}"></iframe><iframe id="frProcedures" srcdoc="${srcdoc(procedures)}"></iframe><iframe class="shimiframe" srcdoc="${srcdoc(shim)}"></iframe></body></html>`;
    const wrapper = `<html><body><iframe id="frameContent" srcdoc="${srcdoc(content)}"></iframe></body></html>`;
    const page = loadBody(`<iframe id="GlobalNav" srcdoc="<p>nav</p>"></iframe><iframe id="GlobalWrapper" srcdoc="${srcdoc(wrapper)}"></iframe>`);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.adapter).toBe('athena');
    expect(snap.sections.map((s) => [s.role, s.text.split('\n')[1]])).toEqual([
      ['note', undefined],
      ['assessment', '1. SCC L forearm - excised, see Procedures.'],
      ['procedure', 'Excision L forearm, excised diameter 2.0 cm, repair length 3.5 cm.'],
    ]);
  });
});

describe('collapsed sections', () => {
  it('text in hidden, display:none and closed <details> sections is read', () => {
    const page = loadBody(
      '<h3>Procedure Note</h3><details><summary>Shave biopsy (expand)</summary><div>Site: L cheek</div></details>' +
        '<h3>Pathology</h3><div hidden>A. BCC, nodular.</div><h3>Charges</h3><div style="display:none">11102 x1</div>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.text])).toEqual([
      ['procedure', 'Procedure Note\nShave biopsy (expand)\nSite: L cheek'],
      ['pathology', 'Pathology\nA. BCC, nodular.'],
      ['charges', 'Charges\n11102 x1'],
    ]);
  });
});

describe('picker options not chosen', () => {
  it('hidden options of a choice list are left out; the shown value and hidden sections are read', () => {
    const page = loadBody(
      '<h3>Procedure Note</h3><div>Biopsy type: <span class="smartlist"><span class="sl-value">Punch</span>' +
        '<ul class="sl-choices" role="listbox" hidden><li role="option" aria-selected="true">Punch</li><li role="option">Shave</li></ul></span></div>' +
        '<div>Closure: <span class="sl-value">simple</span><span class="sl-option" hidden>intermediate (layered)</span></div>' +
        '<div class="procedure-details" hidden>Specimen: A</div>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.text)).toEqual(['Procedure Note\nBiopsy type: Punch\nClosure: simple\nSpecimen: A']);
  });
});

describe('form fields', () => {
  it('a label of a one-line field is no section title; a label over a text area may be one', () => {
    const page = loadBody(
      '<h3>Procedure</h3><div><label for="t">Procedure</label> <input id="t" value="Shave removal"></div>' +
        '<div><label for="p">Pathology</label> <input id="p" value="" placeholder="e.g. specimen B"></div>' +
        '<div><label for="d">Details</label><textarea id="d">Not sent.</textarea></div>' +
        '<label for="ap">Assessment / Plan</label><textarea id="ap">1. ISK, R back - removed.</textarea>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => [s.role, s.text])).toEqual([
      ['procedure', 'Procedure\nProcedure Shave removal\nPathology\nDetails:\nNot sent.'],
      ['assessment', 'Assessment / Plan:\n1. ISK, R back - removed.'],
    ]);
  });
});

describe('values named only for screen readers', () => {
  it('a text-only <div aria-label> beside an icon reads as a labeled field; containers and repeated labels do not', () => {
    const page = loadBody(
      '<h3>Procedure Note</h3><div role="group" aria-label="Procedure summary">' +
        '<mat-icon aria-hidden="true">place</mat-icon><div aria-label="Site">L dorsal hand</div>' +
        '<mat-icon aria-hidden="true">straighten</mat-icon><div aria-label="Margins">0.4 cm</div>' +
        '<div aria-label="Specimen">Specimen A</div><div aria-label="Repair"><b>Intermediate</b>, layered</div></div>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.text)).toEqual(['Procedure Note\nSite: L dorsal hand\nMargins: 0.4 cm\nSpecimen A\nIntermediate, layered']);
  });
});

describe('a grid whose column titles are a table of their own', () => {
  it('the header table reads as its titles line; the rows table below it keeps its cells', () => {
    const page = loadBody(
      '<h3>Procedures</h3><div class="k-grid"><div class="k-grid-header"><table><thead><tr><th>#</th><th>Location</th><th>Procedure</th><th>Size (mm)</th></tr></thead></table></div>' +
        '<div class="k-grid-content"><table><tbody><tr><td>1</td><td>L mid back</td><td>Shave removal</td><td>9</td></tr></tbody></table></div></div>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.text)).toEqual(['Procedures\n# | Location | Procedure | Size (mm)\n1 | L mid back | Shave removal | 9']);
  });
});

describe('checklist rows', () => {
  it('a table row led by an unchecked box is a choice not made; a checked one and a row without a box are read', () => {
    const page = loadBody(
      '<h3>Superbill</h3><table><tr><th></th><th>CPT</th><th>Description</th></tr>' +
        '<tr><td><input type="checkbox" checked></td><td>11102</td><td>Tangential biopsy</td></tr>' +
        '<tr><td><input type="checkbox"></td><td>11104</td><td>Punch biopsy</td></tr>' +
        '<tr><td></td><td>17000</td><td>Destruction, first AK</td></tr></table>',
    );
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.map((s) => s.text)).toEqual(['Superbill\nCPT | Description\n11102 | Tangential biopsy\n17000 | Destruction, first AK']);
  });
});

describe('bad input never crashes a read', () => {
  it.each([
    ['an empty document', ''],
    ['a document with only a frameset', '<frameset><frame src="about:blank"></frameset>'],
    ['deeply nested markup', `${'<div>'.repeat(400)}Procedure Note${'</div>'.repeat(400)}`],
    ['a huge single text node', `<p>${'x'.repeat(700_000)}</p>`],
  ])('%s', (_name, body) => {
    const page = loadBody(body);
    close = page.close;
    const snap = snapshotFromDocument(page.doc, { url: URL });
    expect(snap.sections.length).toBeLessThanOrEqual(100);
    for (const s of snap.sections) expect(s.text.length).toBeLessThanOrEqual(500_000);
  });
});

describe('which frame snapshots', () => {
  it('the top frame does; a same-origin child frame leaves it to the top; a frame the top cannot read does', async () => {
    const { shouldSnapshotInFrame } = await import('../../../core/emr');
    type DomWindow = Parameters<typeof shouldSnapshotInFrame>[0];
    const page = loadBody('<iframe id="f" srcdoc="<p>child</p>"></iframe>');
    close = page.close;
    const top = page.doc.defaultView as unknown as DomWindow;
    expect(shouldSnapshotInFrame(top)).toBe(true);
    const child = (page.doc.getElementById('f') as HTMLIFrameElement).contentWindow as unknown as DomWindow;
    expect(shouldSnapshotInFrame(child)).toBe(false);
    const crossOrigin = {
      get top() {
        return {
          get document(): Document {
            throw new Error('SecurityError');
          },
        };
      },
    } as unknown as DomWindow;
    expect(shouldSnapshotInFrame(crossOrigin)).toBe(true);
  });
});

describe("which frame snapshots, from the ancestors' origins (Chrome)", () => {
  type DomWindow = Parameters<typeof import('../../../core/emr').shouldSnapshotInFrame>[0];
  /** A child frame whose top document must not be touched: reading it throws. */
  const frame = (origin: string, ancestors: string[]) =>
    ({
      origin,
      location: { ancestorOrigins: { length: ancestors.length, item: (i: number) => ancestors[i] ?? null } },
      get top() {
        return {
          get document(): Document {
            throw new Error('the top document was touched');
          },
        };
      },
    }) as unknown as DomWindow;

  it('a chain of same-origin frames is left to the top; any other origin on the way, or an opaque one, snapshots itself', async () => {
    const { shouldSnapshotInFrame } = await import('../../../core/emr');
    const o = 'https://athenanet.athenahealth.com';
    expect(shouldSnapshotInFrame(frame(o, [o]))).toBe(false);
    expect(shouldSnapshotInFrame(frame(o, [o, o, o]))).toBe(false);
    // The top cannot reach through a cross-origin parent, even to a frame of its own origin.
    expect(shouldSnapshotInFrame(frame(o, ['https://other.example', o]))).toBe(true);
    expect(shouldSnapshotInFrame(frame(o, ['https://other.example']))).toBe(true);
    // A sandboxed frame (opaque origin) is unreadable from anywhere.
    expect(shouldSnapshotInFrame(frame('null', ['null']))).toBe(true);
  });
});

describe("the bundle's first statement: same-origin child frames leave before any module code runs", () => {
  it('exits exactly where shouldSnapshotInFrame says "the top reads this frame" from the ancestors\' origins, and goes on everywhere else', async () => {
    const { SAME_ORIGIN_CHILD_FRAME_EXIT, shouldSnapshotInFrame } = await import('../../../core/emr/frames');
    // The intro runs as the body of the bundle's function: `return` leaves it.
    const intro = new Function('window', `${SAME_ORIGIN_CHILD_FRAME_EXIT}\nreturn 'went on';`) as (w: unknown) => string | undefined;
    const o = 'https://athenanet.athenahealth.com';
    const child = (origin: string, ancestors: string[] | undefined) => {
      const w: Record<string, unknown> = {
        origin,
        location: ancestors ? { ancestorOrigins: { ...ancestors, length: ancestors.length, item: (i: number) => ancestors[i] ?? null } } : {},
        top: { document: { body: {} } },
      };
      return w;
    };
    const cases: [Record<string, unknown>, boolean][] = [
      [child(o, [o]), true],
      [child(o, [o, o]), true],
      [child(o, ['https://other.example', o]), false],
      [child('null', ['null']), false],
      // Firefox (no ancestorOrigins): main() decides.
      [child(o, undefined), false],
    ];
    for (const [w, exits] of cases) {
      expect(intro(w) === undefined).toBe(exits);
      if (exits) expect(shouldSnapshotInFrame(w as never)).toBe(false);
    }
    const top: Record<string, unknown> = { origin: o, location: { ancestorOrigins: { length: 0, item: () => null } } };
    top.top = top;
    expect(intro(top)).toBe('went on');
    expect(shouldSnapshotInFrame(top as never)).toBe(true);
  });
});

describe('firstText: selectors in order of preference, across the document and its shadow roots', () => {
  it('a preferred selector in a shadow root beats a later one in the document; empty matches fall through', async () => {
    const { firstText } = await import('../../../core/emr/identity');
    const { scopeOf } = await import('../../../core/emr/scope');
    const page = loadBody('<nav id="menu">Home</nav><div class="dos"> </div><div class="name-fallback">Doe, John</div><div id="host"></div>');
    close = page.close;
    const shadow = (page.doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    const name = page.doc.createElement('span');
    name.className = 'patientname';
    name.textContent = 'Test, Patient-7';
    shadow.append(name);
    const scope = scopeOf(page.doc, URL);
    expect(scope.roots).toHaveLength(2);
    expect(firstText(scope, ['.patientname', '.name-fallback'])).toBe('Test, Patient-7');
    expect(firstText(scope, ['.dos', '.name-fallback'])).toBe('Doe, John');
    expect(firstText(scope, ['.nowhere', '.elsewhere'])).toBeUndefined();
    // An invalid selector is skipped, not thrown.
    expect(firstText(scope, ['[[bad', '.patientname'])).toBe('Test, Patient-7');
  });
});

describe('one read of the chart for the content script', () => {
  it('readChart gives the snapshot of snapshotFromDocument and, from the same walk, what sectionRootsOf and observationTargetsOf name', async () => {
    const { observationTargetsOf, readChart, sectionRootsOf } = await import('../../../core/emr');
    for (const rel of ['athena/visit-biopsy-edc-aks.html', 'ema/visit-biopsies-and-ak-destruction.html', 'generic/printed-note-bold-labels.html']) {
      const page = loadFixture(rel);
      try {
        const read = readChart(page.doc, { url: URL });
        expect(read.snapshot).toEqual(snapshotFromDocument(page.doc, { url: URL }));
        expect(read.snapshot.sections.length).toBeGreaterThan(0);
        expect(read.roots).toEqual(sectionRootsOf(page.doc, URL));
        expect(read.targets).toEqual(observationTargetsOf(page.doc, URL));
      } finally {
        page.close();
      }
    }
  });
});

describe('what the content script observes', () => {
  it('athenaOne: the top document, the chart frame chain and the shadow root of the Nimbus panel', async () => {
    const { observationTargetsOf } = await import('../../../core/emr');
    const page = loadFixture('athena/visit-biopsy-edc-aks.html');
    close = page.close;
    const targets = observationTargetsOf(page.doc);
    const documents = targets.filter((t) => t.nodeType === 9);
    const shadows = targets.filter((t) => t.nodeType === 11);
    // top, GlobalWrapper, frameContent, frMain; GlobalNav, Status and the shim iframes never hold the chart (core/emr/frames.ts)
    expect(documents).toHaveLength(4);
    expect(documents[0]).toBe(page.doc);
    expect(documents.map((d) => (d as Document).title)).toEqual(['athenaOne', 'GlobalWrapper', 'frameContent', 'Encounter']);
    expect(shadows).toHaveLength(1);
    expect((shadows[0] as ShadowRoot).host.id).toBe('procedureDocumentationPanel');
  });
});
