import { afterEach, describe, expect, it } from 'vitest';
import { blockText } from '../../../core/emr/block-text';
import { loadBody } from './load-page';

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function textOf(body: string, options: Parameters<typeof blockText>[1] = {}): string {
  const page = loadBody(body);
  close = page.close;
  return blockText(page.doc.body, options);
}

describe('blockText', () => {
  it.each([
    [
      'blocks end lines, inline runs stay on one line',
      '<div>Procedure: <b>Shave</b> biopsy</div><div>Site: R arm</div>',
      'Procedure: Shave biopsy\nSite: R arm',
    ],
    ['paragraphs are one line break each (editor lines)', '<p>Line one</p><p>Line two</p>', 'Line one\nLine two'],
    ['<br> breaks a line; an empty paragraph leaves one blank line', 'a<br>b<p><br></p><p>c</p>', 'a\nb\n\nc'],
    ['source whitespace collapses', '<div>\n   Lesion   size:\n 0.6 cm  </div>', 'Lesion size: 0.6 cm'],
    [
      'table cells are joined with " | ", rows are lines',
      '<table><tr><th>CPT</th><th>Units</th></tr><tr><td>11102</td><td>1</td></tr></table>',
      'CPT | Units\n11102 | 1',
    ],
    [
      'a div grid with ARIA roles reads like a table: header labels each cell of a row line',
      '<div role="grid"><div role="row"><div role="columnheader">Procedure</div><div role="columnheader">Site</div></div>' +
        '<div role="row"><div role="gridcell">Shave removal</div><div role="gridcell">L cheek</div></div>' +
        '<div role="row"><div role="gridcell">Punch biopsy</div><div role="gridcell">R calf</div></div></div>',
      'Procedure: Shave removal | Site: L cheek\nProcedure: Punch biopsy | Site: R calf',
    ],
    [
      'a div table of codes keeps its columns, a role="rowheader" labels its row',
      '<div role="table"><div role="row"><div role="cell">11102</div><div role="cell">1</div></div>' +
        '<div role="row"><div role="rowheader">Signed</div><div role="cell">05/01/2026</div></div></div>',
      '11102 | 1\nSigned: 05/01/2026',
    ],
    [
      'a web component without shadow DOM: heading= titles its block, label= names a text-only field',
      '<emr-section heading="Procedures"><emr-field label="Procedure">Punch biopsy</emr-field><emr-field label="Site:">R calf</emr-field></emr-section>' +
        '<x-note label="Plan"><p>Recheck in 2 weeks</p></x-note><div label="ignored">plain div</div>',
      'Procedures\nProcedure: Punch biopsy\nSite: R calf\nPlan\nRecheck in 2 weeks\nplain div',
    ],
    [
      "a bilingual label's other-script half goes; text wholly in that script stays",
      '<div dir="rtl"><p>الموقع / Site: L arm</p><p>رقم الملف | MRN: 900497</p><p>إزالة الغرز بعد 10 أيام / 2</p></div>',
      'Site: L arm\nMRN: 900497\nإزالة الغرز بعد 10 أيام / 2',
    ],
    [
      "a list item's number stays on its first line when the item starts with a block; a field item takes no bullet",
      '<ol><li><div><b>Actinic keratoses</b> - face</div><ul><li>Procedure: LN2</li><li>three lesions</li></ul></li><li></li><li><p>Warts</p></li></ol>',
      '1. Actinic keratoses - face\nProcedure: LN2\n- three lesions\n2.\n3. Warts',
    ],
    [
      'a results grid keyed by a Part column further right: each part starts its line, dates above it',
      '<table><tr><th>Collected</th><th>Part</th><th>Site</th><th>Diagnosis</th></tr>' +
        '<tr><td>10/05/2026</td><td>A</td><td>Skin, R back, punch</td><td>Dermatofibroma.</td></tr>' +
        '<tr><td>10/05/2026</td><td>B</td><td>Skin, L arm, shave</td><td>Nevus.</td></tr></table>',
      'Collected: 10/05/2026\nPart A: Skin, R back, punch | Diagnosis: Dermatofibroma.\nCollected: 10/05/2026\nPart B: Skin, L arm, shave | Diagnosis: Nevus.',
    ],
    [
      'a row header before its value reads as a labeled field',
      '<table><tr><th>Collected</th><td>04/28/2026</td><th>Signed:</th><td>05/01/2026</td></tr></table>',
      'Collected: 04/28/2026 | Signed: 05/01/2026',
    ],
    [
      'a label cell ending in a colon runs into its value',
      '<table><tr><td><b>Procedure:</b></td><td>Shave biopsy</td></tr></table>',
      'Procedure: Shave biopsy',
    ],
    ['empty cells keep their column', '<table><tr><td>11104</td><td></td><td>1</td></tr></table>', '11104 | | 1'],
    ['ordered list items get their numbers, bullets a dash', '<ol start="2"><li>AK</li><li>SK</li></ol><ul><li>x</li></ul>', '2. AK\n3. SK\n- x'],
    ['dt/dd pairs read as labeled lines', '<dl><dt>Patient</dt><dd>Doe, Jane</dd><dt>MRN:</dt><dd>123</dd></dl>', 'Patient: Doe, Jane\nMRN: 123'],
    ['pre keeps its own line breaks', '<pre>A. BCC\n\nB. SK</pre>', 'A. BCC\n\nB. SK'],
    [
      'pre keeps indentation and column spacing',
      '<pre>Patient: Doe, Jane   MRN: 1\n  Lesion 1: L flank\n\tStage I</pre>',
      'Patient: Doe, Jane   MRN: 1\n  Lesion 1: L flank\n\tStage I',
    ],
    [
      'runs of &nbsp; keep their width, ordinary spaces collapse',
      '<div>Name: Doe&nbsp;&nbsp;&nbsp;MRN: 1</div><div>&nbsp;&nbsp;A. BCC</div><div>&nbsp;</div><div>x</div>',
      'Name: Doe   MRN: 1\n  A. BCC\n\nx',
    ],
    [
      'script, style, template and buttons are not chart text',
      '<script>var x=1</script><style>p{}</style><template><p>t</p></template><button>Save</button><p>kept</p>',
      'kept',
    ],
    [
      'hidden and collapsed text is still read (textContent, not innerText)',
      '<div hidden>hidden text</div><div style="display:none">none text</div><details><summary>More</summary>folded text</details>',
      'hidden text\nnone text\nMore\nfolded text',
    ],
    ['typed input and textarea values are read', '<div>Units <input type="text" value="2"></div><textarea>Note body</textarea>', 'Units 2\nNote body'],
    [
      'only checked choices are read (an unchecked box silences its label)',
      '<div>Technique: <label><input type="checkbox"> Shave</label> <label><input type="checkbox" checked> Punch</label></div><div><input type="radio" id="r1"><label for="r1">Simple</label><input type="radio" id="r2" checked><label for="r2">Layered</label></div>',
      'Technique: Punch\nLayered',
    ],
    [
      'an unlabeled box before its words (a Yes/No pair) reads as the ticked word only; a box alone in a cell says nothing',
      '<div>Anticoagulant use: <input type="checkbox" checked> Yes <input type="checkbox"> No</div><div>Sent to pathology: <input type="checkbox"> Yes <input type="checkbox" checked> No</div><div>Consent signed: <input type="radio" name="c"> Yes <input type="radio" name="c"> No</div><div><input type="checkbox"> Cryotherapy</div><div><input type="checkbox" checked> Shave biopsy</div><table><tr><td><input type="checkbox" checked></td><td>11102</td></tr></table>',
      'Anticoagulant use: Yes\nSent to pathology: No\nConsent signed:\n\nShave biopsy\n11102',
    ],
    [
      'a select reads as its chosen option',
      '<div>Site: <select><option value="">--</option><option value="2" selected>L cheek</option></select></div><div>Dx: <select><option value="">-- choose --</option></select></div>',
      'Site: L cheek\nDx:',
    ],
    [
      'closed dialogs are templates, not chart text; an open one and a hidden section are read',
      '<dialog><p>Procedure: shave biopsy template</p></dialog><div class="modal fade" aria-hidden="true" role="dialog">old form</div><dialog open>open one</dialog><div aria-hidden="true" style="display:none">folded HPI</div>',
      'open one\nfolded HPI',
    ],
    [
      'icon-font ligatures are not text',
      '<div><mat-icon>expand_more</mat-icon>Exam <span class="material-icons-outlined">check_circle</span>done</div>',
      'Exam done',
    ],
    ['custom elements are blocks', '<chart-plan>Plan text</chart-plan><chart-impression>Impression</chart-impression>', 'Plan text\nImpression'],
    [
      'an unchecked choice chip (role="checkbox" aria-checked="false") is not documented; a checked one is',
      '<div>Also: <div role="checkbox" aria-checked="false">Excision</div><div role="checkbox" aria-checked="true">Cryotherapy</div><span role="radio" aria-checked="false">Punch</span></div>',
      'Also:\nCryotherapy',
    ],
    [
      'struck-out text, unselected picker options, datalist suggestions and tooltips are not documented',
      '<p>Procedure: <del>Shave</del> <ins>Punch</ins> biopsy<span role="tooltip">Excision: full-thickness removal</span>. <s>Cryo x2.</s><strike>LN2</strike><span style="text-decoration: line-through">ED&amp;C</span></p><ul role="listbox"><li role="option" aria-selected="false">Excision</li><li role="option" aria-selected="true">Punch biopsy</li></ul><datalist><option value="Shave biopsy"></option></datalist>',
      'Procedure: Punch biopsy.\n- Punch biopsy',
    ],
    [
      'a hidden template library is left out; a hidden section that is not named a template is read',
      '<div class="template-library" hidden><p>Punch biopsy - Location: [location]</p></div><div id="smartPhraseCache" style="display: none">Excision 1.5 cm</div><div hidden class="note-body">folded HPI</div><div hidden class="template-section">folded exam</div>',
      'folded HPI\nfolded exam',
    ],
    [
      'printed choice marks: an unchosen option is dropped up to the next mark, gap or sentence end',
      '<div>Repair: &#9744; Simple &nbsp; &#9746; Intermediate (layered) &nbsp; &#9744; Complex</div><div>[ ] Shave [x] Punch. Specimen A.</div><div>&#9744; Cryotherapy. Shave biopsy L arm.</div>',
      'Repair: \u2612 Intermediate (layered)\n[x] Punch. Specimen A.\n. Shave biopsy L arm.',
    ],
    [
      'a line of mostly unfilled *** wildcards is left out; one blank in a written line and a *** banner are kept',
      '<p>Shave biopsy L arm.</p><p>Procedure #2: *** of the *** (site)</p><p>2. ***</p><p>Location: ***</p><p>Shave biopsy of ***, specimen A to dermpath.</p><pre>*** AMENDED REPORT ***</pre><p>**bold** note</p>',
      'Shave biopsy L arm.\nShave biopsy of ***, specimen A to dermpath.\n*** AMENDED REPORT ***\n**bold** note',
    ],
    [
      'a grid of fields reads as labeled fields, its header row left out',
      '<table><tr><th colspan="3">PROCEDURES</th></tr><tr><th>Procedure</th><th>Site</th><th>Specimen</th></tr><tr><td>Shave removal</td><td>L upper back</td><td>A</td></tr><tr><td>Cryo</td><td></td><td></td></tr></table>',
      'PROCEDURES\nProcedure: Shave removal | Site: L upper back | Specimen: A\nProcedure: Cryo',
    ],
    [
      'a grid keyed by short row labels reads like a lab line: "Part A: source | Diagnosis: …"',
      '<table><thead><tr><th>Part</th><th>Specimen</th><th>Diagnosis</th></tr></thead><tbody><tr><td>A</td><td>Skin, R forearm, shave</td><td>Actinic keratosis.</td></tr><tr><td>B</td><td>Skin, L back, punch</td><td>Compound nevus.</td></tr></tbody></table>',
      'Part A: Skin, R forearm, shave | Diagnosis: Actinic keratosis.\nPart B: Skin, L back, punch | Diagnosis: Compound nevus.',
    ],
    [
      'a grid with a column of bare counts (a Mohs map) keeps its columns',
      '<table><tr><th>Stage</th><th>Blocks</th><th>Result</th></tr><tr><td>I</td><td>4</td><td>residual BCC</td></tr><tr><td>II</td><td>2</td><td>clear</td></tr></table>',
      'Stage | Blocks | Result\nI | 4 | residual BCC\nII | 2 | clear',
    ],
    [
      'a grid with a column of dates (a results or procedure log) keeps its columns',
      '<table><tr><th>Entry Date</th><th>Procedure</th><th>Location</th></tr><tr><td>04/06/2026</td><td>Shave biopsy</td><td>R nasal ala</td></tr></table>',
      'Entry Date | Procedure | Location\n04/06/2026 | Shave biopsy | R nasal ala',
    ],
    [
      'a rowspan cell stands in each row it spans; the other cells keep their columns',
      '<table><tr><th>Procedure</th><th>Site</th><th>Lesions</th></tr><tr><td rowspan="2">Cryotherapy</td><td>R temple</td><td>1 AK</td></tr><tr><td>L temple</td><td>2 AKs</td></tr><tr><td>Punch biopsy</td><td>L shin</td><td>1</td></tr></table>',
      'Procedure: Cryotherapy | Site: R temple | Lesions: 1 AK\nProcedure: Cryotherapy | Site: L temple | Lesions: 2 AKs\nProcedure: Punch biopsy | Site: L shin | Lesions: 1',
    ],
    [
      'a row key spanning rows ("Part A" over two lines) is not repeated: the rows below continue that part',
      '<table><tr><th>Part</th><th>Specimen</th><th>Diagnosis</th></tr><tr><td rowspan="2">A</td><td rowspan="2">Skin, R forearm, shave</td><td>SCC in situ.</td></tr><tr><td>Margins involved.</td></tr><tr><td>B</td><td>Skin, L back, punch</td><td>Dermatofibroma.</td></tr></table>',
      'Part A: Skin, R forearm, shave | Diagnosis: SCC in situ.\nMargins involved.\nPart B: Skin, L back, punch | Diagnosis: Dermatofibroma.',
    ],
    [
      "a note row under a lesion's row (an indent cell, then one cell spanning the rest) is plain text, not the spanned column's field",
      '<table><tr><th>#</th><th>Site</th><th>Procedure</th></tr><tr><td>1</td><td>R upper arm</td><td>Excision</td></tr>' +
        '<tr><td></td><td colspan="2">Repair: intermediate, 2.5 cm</td></tr><tr><td>2</td><td>L cheek</td><td>Shave biopsy</td></tr></table>',
      '#: 1 | Site: R upper arm | Procedure: Excision\nRepair: intermediate, 2.5 cm\n#: 2 | Site: L cheek | Procedure: Shave biopsy',
    ],
    [
      'a <label> before its inline value reads as a labeled field; a label with its own colon and a title label over a block do not get another',
      '<div><label>Site</label><span>L upper arm</span></div><div><label>Size:</label> <span>0.9 cm</span></div><div><label><input type="checkbox" checked> Cryo</label> <span>x2</span></div><label>Plan</label><div>RTC 3 months</div>',
      'Site: L upper arm\nSize: 0.9 cm\nCryo: x2\nPlan\nRTC 3 months',
    ],
    [
      'the panel of an unselected encounter tab (a dated tab) is left out; undated tabs that split one note are read',
      '<div role="tablist"><span role="tab" id="t2" aria-selected="true">Visit 06/23/2026</span><span role="tab" id="t1" aria-selected="false">Visit 02/10/2026</span></div><div role="tabpanel" aria-labelledby="t2">Punch biopsy R forearm.</div><div role="tabpanel" aria-labelledby="t1" hidden>Excision upper back.</div><div role="tablist"><span role="tab" id="s1" aria-selected="true">HPI</span><span role="tab" id="s2" aria-selected="false">Procedures</span></div><div role="tabpanel" aria-labelledby="s2" hidden>LN2 to 2 AKs.</div>',
      'Visit 06/23/2026Visit 02/10/2026\nPunch biopsy R forearm.\nHPIProcedures\nLN2 to 2 AKs.',
    ],
    [
      'the panel of an unselected procedure-type tab ("Punch biopsy" beside the chosen "Shave biopsy") is left out; a numbered or lettered lesion tab is read',
      '<div role="tablist"><span role="tab" id="a" aria-selected="true">Shave biopsy</span><span role="tab" id="b" aria-selected="false">Punch biopsy</span><span role="tab" id="c" aria-selected="false">Excision</span></div>' +
        '<div role="tabpanel" aria-labelledby="a">Shave biopsy L back, specimen A.</div><div role="tabpanel" aria-labelledby="b" hidden>Punch size: 4 mm</div><div role="tabpanel" aria-labelledby="c" hidden>Margins: 2 mm</div>' +
        '<div role="tablist"><span role="tab" id="l1" aria-selected="true">Lesion 1: Shave biopsy</span><span role="tab" id="l2" aria-selected="false">Lesion 2: Excision</span></div>' +
        '<div role="tabpanel" aria-labelledby="l2" hidden>Excision R arm, 1.0 cm.</div>',
      'Shave biopsyPunch biopsyExcision\nShave biopsy L back, specimen A.\nLesion 1: Shave biopsyLesion 2: Excision\nExcision R arm, 1.0 cm.',
    ],
    [
      "a rich-text editor's hidden source <textarea> (display:none: the HTML it syncs the note into) is not read; a shown one is",
      '<textarea style="display: none;" aria-hidden="true">&lt;p&gt;Excision L arm, layered closure.&lt;/p&gt;</textarea><div contenteditable="true"><p>Shave biopsy L arm.</p></div><textarea>Punch biopsy R leg.</textarea>',
      'Shave biopsy L arm.\nPunch biopsy R leg.',
    ],
    [
      'a colspan group row over the column labels: the lower row labels the cells, neither header row is text',
      '<table><thead><tr><th colspan="2">Lesion</th><th colspan="2">Procedure</th></tr><tr><th>Site</th><th>Size</th><th>Type</th><th>Lab</th></tr></thead><tbody><tr><td>L back</td><td>0.7 cm</td><td>Punch biopsy</td><td>In-house</td></tr></tbody></table>',
      'Site: L back | Size: 0.7 cm | Type: Punch biopsy | Lab: In-house',
    ],
    [
      'a <select multiple> reads every chosen option on its own line, never the unchosen ones',
      '<div>Procedures: <select multiple><option selected>LN2 to 4 AKs</option><option>Excision</option><option selected>Shave biopsy L cheek</option></select></div>',
      'Procedures:\nLN2 to 4 AKs\nShave biopsy L cheek',
    ],
    [
      'an input named only by aria-label or title reads as a labeled field; one with a <label> does not repeat it',
      '<div><input aria-label="Lesion diameter (cm)" value="1.1"> <input title="Margin" value="0.2 cm"></div><div><label for="len">Repair length</label> <input id="len" aria-label="Repair length" value="3.2 cm"></div>',
      'Lesion diameter (cm): 1.1 Margin: 0.2 cm\nRepair length 3.2 cm',
    ],
    [
      'a checked box named only by aria-label reads as its name; an unchecked one says nothing',
      '<div><input type="checkbox" checked aria-label="Cryotherapy of actinic keratoses"> Lesions: 4</div><div><input type="checkbox" aria-label="Shave biopsy"> Site: R arm</div>',
      'Cryotherapy of actinic keratoses Lesions: 4\nSite: R arm',
    ],
    [
      'a bare template title whose every field is an unfilled *** wildcard goes with them; a partly filled block stays',
      '<div><b>INTRALESIONAL INJECTION</b></div><div>Lesion(s): ***</div><div>Medication: triamcinolone *** mg/mL, total *** mL</div><div><b>CRYOTHERAPY</b></div><div>Lesions: ***</div><div>Site: R hand, 3 warts</div><div><b>PARING</b></div><div>Count: ***</div>',
      'CRYOTHERAPY\nSite: R hand, 3 warts',
    ],
    [
      'a grid holding codes (charges) keeps its columns',
      '<table><tr><th>Dx</th><th>CPT</th><th>Units</th></tr><tr><td>L82.0</td><td>11301</td><td>1</td></tr></table>',
      'Dx | CPT | Units\nL82.0 | 11301 | 1',
    ],
  ])('%s', (_name, body, expected) => {
    expect(textOf(body)).toBe(expected);
  });

  it('leaves out navigation bars only when asked', () => {
    const body = '<nav><a>HPI</a> <a>A/P</a></nav><ul class="exam-navigation"><li>PE</li></ul><div role="tablist"><div role="tab">Plan</div></div><p>Note</p>';
    expect(textOf(body, { skipNavigation: true })).toBe('Note');
    expect(textOf(body)).toContain('A/P');
  });

  it('pierces open shadow roots', () => {
    const page = loadBody('<div id="host"></div><p>after</p>');
    close = page.close;
    const host = page.doc.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const p = page.doc.createElement('p');
    p.textContent = 'Procedure Documentation: punch biopsy';
    root.appendChild(p);
    expect(blockText(page.doc.body)).toBe('Procedure Documentation: punch biopsy\nafter');
  });

  it('reads light-DOM children where their <slot> puts them; an empty slot shows its fallback', () => {
    const page = loadBody('<div id="host"><p slot="plan">LN2 to 4 AKs</p><p slot="proc">Shave bx R arm</p><p>signed</p></div>');
    close = page.close;
    const host = page.doc.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    for (const [title, slot] of [
      ['Procedures', 'proc'],
      ['Plan', 'plan'],
      ['Follow up', 'fu'],
    ]) {
      const h = page.doc.createElement('h2');
      h.textContent = title as string;
      const s = page.doc.createElement('slot');
      s.setAttribute('name', slot as string);
      s.textContent = 'Not documented';
      root.append(h, s);
    }
    root.append(page.doc.createElement('slot'));
    expect(blockText(page.doc.body)).toBe('Procedures\nShave bx R arm\nPlan\nLN2 to 4 AKs\nFollow up\nNot documented\nsigned');
  });

  it('enters same-origin frames only with frames: true', () => {
    const page = loadBody('<p>outer</p><iframe srcdoc="<p>inner note</p>"></iframe>');
    close = page.close;
    expect(blockText(page.doc.body)).toBe('outer');
    expect(blockText(page.doc.body, { frames: true })).toBe('outer\ninner note');
  });

  it('skips a frame whose document cannot be read (cross-origin) instead of throwing', () => {
    const page = loadBody('<p>outer</p><iframe id="f"></iframe>');
    close = page.close;
    const frame = page.doc.getElementById('f') as HTMLIFrameElement;
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        throw new Error('SecurityError: cross-origin');
      },
    });
    expect(blockText(page.doc.body, { frames: true })).toBe('outer');
  });

  it('leaves out excluded subtrees and stops at maxChars', () => {
    const page = loadBody('<div id="a">keep</div><div id="b">drop</div><div>' + 'x'.repeat(5000) + '</div>');
    close = page.close;
    const b = page.doc.getElementById('b') as HTMLElement;
    const text = blockText(page.doc.body, { exclude: new Set([b]), maxChars: 100 });
    expect(text.startsWith('keep\n')).toBe(true);
    expect(text).not.toContain('drop');
    expect(text.length).toBeLessThan(200);
  });

  it('leaves out a hidden copy of another visit (dated visit title, copy-forward name), reads a folded section of this one', () => {
    const text = textOf(
      '<div style="display:none"><h2>Office Visit - 06/09/2026</h2><p>Excision L back</p></div>' +
        '<div class="copy-forward-source" aria-hidden="true"><p>LN2 x12</p></div>' +
        '<div hidden><p>Encounter 05/01/2026: punch biopsy</p></div>' +
        '<h3>HPI</h3><div style="display: none"><p>Itchy spot for 2 months</p></div>' +
        // An app root a modal marks aria-hidden is still on screen behind it.
        '<div aria-hidden="true"><p>Encounter 10/09/2026</p></div><p>Shave biopsy R shin</p>',
    );
    expect(text).toBe('HPI\nItchy spot for 2 months\nEncounter 10/09/2026\nShave biopsy R shin');
  });

  it('leaves out a folded <details> that opens with another dated visit, reads a folded section of this note', () => {
    const text = textOf(
      '<details open><summary>Office Visit - 10/22/2026 - Open</summary><p>I&amp;D R axilla</p></details>' +
        '<details><summary>Objective</summary><p>2.5 cm fluctuant nodule</p></details>' +
        '<details><summary>Office Visit - 07/14/2026 - Signed</summary><p>Shave biopsy L back</p></details>',
    );
    expect(text).toBe('Office Visit - 10/22/2026 - Open\nI&D R axilla\nObjective\n2.5 cm fluctuant nodule');
  });

  it('reads a folded dated encounter when no encounter beside it is open (the visit on screen, not yet expanded)', () => {
    expect(textOf('<details><summary>Office Visit - 10/22/2026</summary><p>I&amp;D R axilla</p></details>')).toBe('Office Visit - 10/22/2026\nI&D R axilla');
  });

  it('returns an empty string for no node', () => {
    expect(blockText(null)).toBe('');
  });
});
