/**
 * Plain text of a DOM subtree that keeps the line structure the note parser needs.
 *
 * Built on text nodes (textContent semantics), never innerText or innerHTML: collapsed
 * or hidden sections still count (their text is in the chart even when folded), and
 * reading never forces a layout. Block elements, <br>, list items and table rows end a
 * line; table cells are joined with " | ". Open shadow roots are pierced; same-origin
 * iframes are entered when `frames` is set.
 */

import { isNonChartFrame } from './frames';

/** Required line breaks (innerText's "required line break count" 1 and 2); runs collapse to the largest. */
const BREAK1 = '\u0001';
const BREAK2 = '\u0002';
/** A space or tab that tidying must not collapse or trim (from <pre> or &nbsp;). */
const HARD_SPACE = '\u0005';
const HARD_TAB = '\u0006';

/** Tags that end a line. */
const BLOCK =
  /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|CAPTION|CENTER|DD|DETAILS|DIALOG|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6R]|HEADER|HGROUP|LEGEND|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|TBODY|TFOOT|THEAD|TR|UL|BODY|HTML|FRAMESET|OPTGROUP)$/;

/** Never chart text. (TEMPLATE is read only when it is a declarative shadow root.) Struck-out text (DEL, S,
 * STRIKE) was taken back by its author; a DATALIST holds suggestions. */
const SKIP = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD|TITLE|META|LINK|SVG|CANVAS|OBJECT|EMBED|IMG|BUTTON|DEL|S|STRIKE|DATALIST)$/;

export interface BlockTextOptions {
  /** Enter same-origin iframes/frames (their body text is read in place). */
  frames?: boolean;
  /** Elements whose subtree is left out (e.g. a nested section read on its own). */
  exclude?: ReadonlySet<Node>;
  /** Elements to mark: "\u0003<n>\u0004" is written where each one's text begins (for splitting at headings). */
  marks?: ReadonlyMap<Node, number>;
  /** Leave out navigation bars and tab strips (they list section names without their content). */
  skipNavigation?: boolean;
  /** Like `marks`, written where each element's text ends (text after a titled region is not part of it). */
  endMarks?: ReadonlyMap<Node, number>;
  /** Stop after about this many characters (a runaway page must not stall the content script). */
  maxChars?: number;
  /**
   * Also read, in the same walk, what blockText(node, { frames, maxChars: plain.maxChars }) reads (no marks, nothing
   * left out): set as `plain.text`. The generic adapter's identity reads the page's text beside its sections.
   */
  plain?: { maxChars: number; text?: string };
}

interface Sink {
  parts: string[];
  length: number;
  max: number;
  /** The `plain` text's sink: it gets every push but the marks, and the text the walk leaves out. */
  copy?: Sink | undefined;
}

/** An element's tag in capitals ('' for none): XHTML and SVG documents keep the tag's own case. */
const tagOf = (el: Element | null | undefined): string => el?.tagName.toUpperCase() ?? '';

/** Text of `node` with a newline after each block, " | " between table cells. */
export function blockText(node: Node | null | undefined, options: BlockTextOptions = {}): string {
  if (!node) return '';
  const copy = options.plain && { parts: [], length: 0, max: options.plain.maxChars };
  const sink: Sink = { parts: [], length: 0, max: options.maxChars ?? 600_000, copy };
  walk(node, options, sink, false, 0);
  if (copy) (options.plain as { text?: string }).text = tidy(copy.parts.join(''));
  return tidy(sink.parts.join(''));
}

/** `plain`: what the plain text's sink gets instead (the same text without its marks). */
function push(sink: Sink, s: string, plain = s): void {
  if (sink.copy) push(sink.copy, plain);
  const room = sink.max - sink.length;
  if (room <= 0) return;
  const piece = s.length > room ? s.slice(0, room) : s;
  sink.parts.push(piece);
  sink.length += piece.length;
}

/** Same-origin frame document, or undefined (cross-origin access throws). */
export function frameDocument(el: Element): Document | undefined {
  try {
    const doc = (el as HTMLIFrameElement).contentDocument;
    return doc ?? undefined;
  } catch {
    return undefined;
  }
}

/** The open shadow root of `el` (closed roots are invisible to page scripts and to us). */
export function shadowOf(el: Element): ShadowRoot | undefined {
  return (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? undefined;
}

function isDeclarativeShadowTemplate(el: Element): boolean {
  return el.tagName === 'TEMPLATE' && (el.hasAttribute('shadowrootmode') || el.hasAttribute('shadowroot'));
}

/** Where the walk leaves `node` out but the plain text reads it: the plain text's own walk of it. */
function plainOnly(node: Node, options: BlockTextOptions, sink: Sink, pre: boolean, depth: number): void {
  if (sink.copy) walk(node, { frames: options.frames }, sink.copy, pre, depth);
}

function walk(node: Node, options: BlockTextOptions, sink: Sink, pre: boolean, depth: number): void {
  // (The plain text's own walk stops at the same depth.)
  if (depth > 200 || sink.length >= sink.max || options.exclude?.has(node)) {
    plainOnly(node, options, sink, pre, depth);
    return;
  }
  const type = node.nodeType;
  if (type === 3 /* text */) {
    const data = (node as Text).data;
    // Preformatted spacing and non-breaking spaces are kept (as placeholders through tidying):
    // "Patient: Doe&nbsp;&nbsp;&nbsp;MRN: 1" and indented report lines keep their layout, as innerText does.
    push(
      sink,
      pre
        ? data
            .replace(/\r\n?/g, '\n')
            .replace(/[ \u00a0]/g, HARD_SPACE)
            .replace(/\t/g, HARD_TAB)
        : data.replace(/[ \t\r\n\f]+/g, ' ').replace(/\u00a0/g, HARD_SPACE),
    );
    return;
  }
  if (type === 9 /* document */) {
    const body = (node as Document).body;
    if (body) walk(body, options, sink, false, depth + 1);
    return;
  }
  if (type === 11 /* fragment / shadow root */) {
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, options, sink, pre, depth + 1);
    return;
  }
  if (type !== 1 /* element */) return;
  const el = node as Element;
  const tag = tagOf(el);
  if (tag === 'TEMPLATE') {
    if (isDeclarativeShadowTemplate(el)) walk((el as HTMLTemplateElement).content, options, sink, pre, depth + 1);
    return;
  }
  if (tag === 'BUTTON') {
    // A button is not chart text, unless it is a section's title (an accordion header, or a heading's only content).
    const mark = options.marks?.get(el);
    const titled = /^H[1-6]$/.test(el.parentElement?.tagName ?? '');
    const text = `${el.textContent ?? ''}${BREAK1}`;
    if (mark !== undefined) push(sink, `${BREAK1}\u0003${mark}\u0004${text}`, titled ? BREAK1 + text : '');
    else if (titled) push(sink, BREAK1 + text);
    return;
  }
  if (SKIP.test(tag)) return;
  if (tag === 'BR') {
    push(sink, '\n');
    return;
  }
  if (tag === 'IFRAME' || tag === 'FRAME') {
    // Navigation bars and menu overlays never hold chart text (frames.ts): not even reached.
    if (!options.frames || isNonChartFrame(el)) return;
    const doc = frameDocument(el);
    if (doc?.body) {
      push(sink, BREAK1);
      walk(doc.body, options, sink, false, depth + 1);
      push(sink, BREAK1);
    }
    return;
  }
  if (tag === 'INPUT') {
    const input = el as HTMLInputElement;
    const kind = (input.type || 'text').toLowerCase();
    // A field named only for screen readers or by its tooltip ("Lesion diameter (cm)") reads as a labeled field; a
    // checked box so named ("Cryotherapy") reads as its name.
    const name = input.labels?.length ? '' : (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '');
    if (kind === 'text' || kind === 'number' || kind === 'date' || kind === 'search' || kind === '') {
      const value = input.value ?? input.getAttribute('value') ?? '';
      if (value.trim()) push(sink, ` ${name && `${name}: `}${value.trim()} `);
    } else if (input.checked ? name : !name && /^(?:checkbox|radio)$/.test(kind) && (el.nextSibling as Text | null)?.data?.trim())
      // An unlabeled box before its option's words ("<input type=checkbox> No"): unticked reads "[ ]" (tidy drops the words).
      push(sink, input.checked ? ` ${name} ` : ' [ ]');
    // Checkboxes and radios otherwise say nothing themselves; an unchecked one silences its label (below).
    return;
  }
  if (tag === 'LABEL' && labelsUncheckedChoice(el)) return;
  if (tag === 'SELECT') {
    // The chosen option, not the whole list ("Technique: [Punch ▼]"); each chosen one of a multiple list on its own line.
    const select = el as HTMLSelectElement;
    for (const option of Array.from(select.selectedOptions ?? el.querySelectorAll('option[selected]')) as HTMLOptionElement[])
      if (option.value.trim()) push(sink, select.multiple ? `${BREAK1}${option.text}${BREAK1}` : ` ${option.text.trim()} `);
    return;
  }
  if (tag === 'TEXTAREA') {
    // A rich-text editor hides its form's <textarea> (display:none), the source it syncs the note into: the editor shows it.
    if (/none/.test(el.getAttribute('style')!)) return;
    const value = (el as HTMLTextAreaElement).value ?? el.textContent ?? '';
    push(sink, `${BREAK1}${value}${BREAK1}`);
    return;
  }
  if (options.skipNavigation && isNavigationElement(el, tag)) {
    plainOnly(el, options, sink, pre, depth);
    return;
  }
  if (isIconFont(el, tag) || isClosedDialog(el, tag) || isTemplateNoise(el)) return;
  const tt = tableTag(el, tag);
  // A row led by an unchecked box (a superbill code not picked, a checklist item not done) is a choice not made.
  const box = tt === 'TR' ? (el.firstElementChild?.firstElementChild as HTMLInputElement | null) : null;
  if (box?.type === 'checkbox' && !box.checked) return;
  if (tt === 'TABLE') markFieldGrid(el);
  const isPre = pre || tag === 'PRE';
  const block = BLOCK.test(tt) || tag.includes('-');
  const cell = tt === 'TD' || tt === 'TH';
  // Every block, paragraphs too, is one line break: rich-text editors (Quill, CKEditor) write each
  // typed line as a <p>, and a blank line there is an empty <p><br></p>. Only <hr> sets off a blank line.
  const brk = tag === 'HR' ? BREAK2 : BREAK1;
  // A definition list reads as "Term: value" on one line (how the parser reads labeled fields).
  const ddAfterDt = tag === 'DD' && tagOf(el.previousElementSibling) === 'DT';
  if (block && !ddAfterDt) push(sink, brk);
  const mark = options.marks?.get(el);
  if (mark !== undefined) push(sink, `\u0003${mark}\u0004`, '');
  // "<li><div>Actinic keratoses</div>…": the number stays on the item's first line (tidy moves it past the div's break).
  if (tag === 'LI') push(sink, `\u0007${listMarker(el)}\u0007`);
  const gridCell = cell ? fieldGridCell(el) : undefined;
  if (gridCell === HEADER_ROW) return;
  if (gridCell?.prefix && /\S/.test(el.textContent ?? '')) push(sink, gridCell.prefix);
  const shadow = shadowOf(el);
  // A web component saved without its shadow DOM shows its title or field label only in an attribute: a container
  // ("<emr-section heading="Procedures">") writes it as its first line, a text-only field ("<emr-field label="Site">") as its label.
  // So does a value named only for screen readers ("<div aria-label="Site">L hand</div>" beside an icon, no visible label).
  const attr = shadow
    ? null
    : tag.includes('-')
      ? (el.getAttribute('heading') ?? el.getAttribute('label'))
      : tag === 'DIV' && !el.firstElementChild && el.getAttribute('aria-label');
  if (attr && !el.textContent?.startsWith(attr))
    push(sink, el.hasAttribute('heading') || el.firstElementChild ? `${attr}${BREAK1}` : `${attr.replace(/:?\s*$/, ':')} `);
  // A <slot> shows the host's children assigned to it; its own children are only fallback text.
  const kids = tag === 'SLOT' ? (el as HTMLSlotElement).assignedNodes() : el.childNodes;
  for (const c of shadow ? [shadow] : kids.length ? kids : el.childNodes) walk(c, options, sink, isPre, depth + 1);
  const endMark = options.endMarks?.get(el);
  if (endMark !== undefined) push(sink, `${BREAK1}\u0003${endMark}\u0004`, '');
  // "<label>Site</label><span>L arm</span>": a field label names the value rendered after it.
  if (gridCell?.key || (tag === 'LABEL' && labelsValue(el))) push(sink, ': ');
  else if (cell) {
    // A row header before its value ("<th>Collected</th><td>04/28/2026</td>") reads as a labeled field.
    // So does any cell ending in a colon ("<td><b>Procedure:</b></td><td>Shave biopsy</td>").
    const next = el.nextElementSibling ? tableTag(el.nextElementSibling) : undefined;
    const colon = /:\s*$/.test(el.textContent ?? '');
    if (tt === 'TH' && next === 'TD') push(sink, colon ? ' ' : ': ');
    else if (colon && (next === 'TD' || next === 'TH')) push(sink, ' ');
    else push(sink, ' | ');
  } else if (tag === 'DT' && tagOf(el.nextElementSibling) === 'DD') {
    if (!/:\s*$/.test(el.textContent ?? '')) push(sink, ':');
    push(sink, ' ');
  } else if (block) push(sink, brk);
}

/**
 * Template machinery, not chart text: a choice chip or custom checkbox left unchecked
 * (role="checkbox" aria-checked="false": "Also considered: [Excision]"), a picker option not selected,
 * a tooltip, and a hidden template or
 * snippet library (hidden AND named so). Other hidden or collapsed sections are still read.
 */
// A library of templates, not a section rendered from one ("template-section" is chart text); a picker's options not chosen
// ("<span class=sl-option hidden>Shave</span>" beside the shown value).
const TEMPLATE_NAME =
  /templates?[-_]?(?:library|picker|list|menu|chooser|cache)|snippet|macro|quick-?text|boilerplate|smart-?phrase|copy-?forward|option|choice/i;
const DATED_VISIT = /^[\w ]{0,30}\b(?:visit|encounter|note)\b\D{0,20}\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i;
function isTemplateNoise(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null) {
    if (role === 'tabpanel') {
      // The panel of an encounter tab not selected ("Office Visit 02/10/2026" beside the open "Office Visit
      // 06/23/2026") is another visit's documentation, and of a procedure-type tab not chosen ("Punch biopsy" beside the
      // selected "Shave biopsy") a template's defaults. Tabs that split one note (HPI | Exam | A/P), or one lesion or
      // numbered procedure per tab ("Lesion 2: Excision"), name neither.
      const tab = el.ownerDocument.getElementById(el.getAttribute('aria-labelledby') ?? '');
      return (
        tab?.getAttribute('aria-selected') === 'false' &&
        /\d\/\d\d?\/\d\d|^\s*\w* ?(?:biopsy|excision|removal|cryo\w*|destr\w*)\s*$/i.test(tab.textContent ?? '')
      );
    }
    if (/checkbox|radio|switch/.test(role)) return el.getAttribute('aria-checked') === 'false';
    // A picker's options not chosen, and tooltips (help text about a code, not this chart).
    if (role === 'option') return el.getAttribute('aria-selected') === 'false';
    if (role === 'tooltip') return true;
  }
  const style = el.getAttribute('style') ?? '';
  // Struck through by an editor's inline style: taken back, like <del>.
  if (/line-through/.test(style)) return true;
  // A folded <details> is read (a collapsed section of this note) unless it opens with a dated visit's title beside an
  // open one (an accordion of encounters: the open one is on screen).
  const shown =
    !el.hasAttribute('hidden') &&
    !/display\s*:\s*none/i.test(style) &&
    !(el.tagName === 'DETAILS' && !el.hasAttribute('open') && el.parentElement?.querySelector('details[open]'));
  if (shown && el.getAttribute('aria-hidden') !== 'true') return false;
  // Hidden and named a template or an earlier visit's copy, or not displayed and opening with a dated visit title
  // ("Office Visit - 06/09/2026": an SPA keeps the encounter it showed before): another visit's text. A folded section
  // of this visit keeps its title outside the hidden body; an app root under an open modal is only aria-hidden.
  return (
    TEMPLATE_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('data-identifier') ?? ''}`) ||
    (!shown && DATED_VISIT.test((el.textContent ?? '').trimStart().slice(0, 80)))
  );
}

/**
 * A grid of fields ("Procedure | Site | Lesion size | Specimen" over rows of prose) reads row by row
 * as labeled fields ("Site: L upper back | … | Specimen: A"), the way the parser reads a form; its
 * header row is then left out. A grid with a column of bare numbers or of dates keeps its columns. A first column of short keys ("Part | Specimen | Diagnosis" over
 * "A | Skin, R forearm, shave | AK") names each row the way a lab writes it: "Part A: Skin, R forearm,
 * shave | Diagnosis: AK". A grid holding codes (a charge or bill grid) keeps its columns: its reader
 * takes them by position.
 */
const HEADER_ROW = 'header-row';
const GRID = 'table,[role=grid],[role=table],[role=treegrid]';
/** The table tag `el` stands for: a div grid (role="grid" > "row" > "gridcell") reads like a <table>. */
export function tableTag(el: Element, tag = tagOf(el)): string {
  const role = el.getAttribute('role');
  if (!role || /^T[ABDHFR]/.test(tag)) return tag;
  if (role === 'row') return 'TR';
  if (role === 'gridcell' || role === 'cell') return 'TD';
  if (/^(?:column|row)header$/.test(role)) return 'TH';
  return /^(?:grid|table|treegrid)$/.test(role) ? 'TABLE' : tag;
}
interface FieldGrid {
  head: Element;
  group?: Element | undefined;
  labels: string[];
  /** The column of short specimen keys naming each row ("Part | … " over "A | …"), or -1. */
  keyCol: number;
  /** With rowspan cells: what each cell writes first (its column's label; a row's first cell, the spanned fields). */
  prefixes?: Map<Element, string>;
}
const grids = new WeakMap<Element, FieldGrid>();
const CODE_CELL = /^(?:\d{5}|[A-Z]\d{4}|[A-Z]\d{2}\.\w)/;
const ROW_KEY = /^[A-Z0-9]{1,3}[.):]?$/i;
const cellText = (c: Element | undefined): string => (c?.textContent ?? '').replace(/\s+/g, ' ').trim();

function markFieldGrid(table: Element): void {
  // Fresh each read: an SPA may refill the grid between reads.
  grids.delete(table);
  const rows = Array.from(table.querySelectorAll('tr,[role=row]')).filter((r) => r.closest(GRID) === table);
  const heads = rows.slice(0, 2).filter((r) => r.children.length > 1 && Array.from(r.children).every((c) => tableTag(c) === 'TH'));
  // Column groups ("Lesion" spanning "# | Site") over the column labels: the labels are the lower row.
  const head = heads[heads[0]?.querySelector('[colspan]') ? heads.length - 1 : 0];
  const group = head !== heads[0] ? rows.shift() : undefined;
  const labels = head ? Array.from(head.children, (c) => cellText(c).replace(/:$/, '')) : [];
  // A table of column titles only (a grid whose header stays put above the scrolling rows' own table) is read as the titles
  // line it is: the rows below are read under it (core/parse/aligned-table.ts).
  if (!head || !rows[1] || labels.some((l) => !l || l.length > 40) || rows.some((r) => Array.from(r.children).some((c) => CODE_CELL.test(cellText(c))))) return;
  const data = rows.filter((r) => r !== head && r.children.length > 1);
  // A column of bare counts ("Stage | Blocks" of a Mohs map, a dose flowsheet) or of dates (a log of
  // visits, results or past procedures: records, not today's documentation) is read by column.
  const column = (i: number, re: RegExp): boolean => data.length > 0 && data.every((r) => re.test(cellText(r.children[i])));
  // A results grid keyed by part further right ("Collected | Accession | Part | Diagnosis"): a specimen table, not a log;
  // each part starts its own line.
  const partCol = labels.findIndex((l, i) => i > 0 && /^(?:part|specimen|jar|container)\b/i.test(l) && column(i, ROW_KEY));
  if (partCol < 0 && labels.some((_, i) => (i > 0 && column(i, /^\d+(?:\.\d+)?$/)) || column(i, /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/))) return;
  const info: FieldGrid = { head, group, labels, keyCol: data.length > 0 && column(0, ROW_KEY) ? 0 : partCol };
  if (table.querySelector('[rowspan]')) spanColumns(info, rows);
  grids.set(table, info);
}

/**
 * "<td rowspan=3>Cryotherapy</td>" stands in the two rows below it too: those rows' cells sit one column
 * further right, and each row repeats the spanned field first ("Procedure: Cryotherapy | Site: L temple").
 * A row key that spans rows ("Part A" over two diagnosis lines) is not repeated: the rows below continue part A,
 * their text plain (a repeated key would be a second specimen).
 */
function spanColumns(info: FieldGrid, rows: Element[]): void {
  const prefixes = new Map<Element, string>();
  let spans: [col: number, end: number, field: string][] = [];
  let keys = true;
  rows.forEach((row, r) => {
    spans = spans.filter((s) => s[1] > r);
    const continued = spans.some((s) => s[0] === 0 && !s[2]);
    const spanned = spans.length > 0;
    let lead = continued ? '' : spans.map((s) => `${s[2]} | `).join('');
    let col = 0;
    for (const cell of row.children) {
      while (spans.some((s) => s[0] === col)) col++;
      const label = info.labels[col];
      if (spanned) prefixes.set(cell, continued ? '' : `${lead}${label ? `${label}: ` : ''}`);
      else if (col === 0 && row !== info.head) keys &&= ROW_KEY.test(cellText(cell));
      lead = '';
      const n = Number(cell.getAttribute('rowspan'));
      if (n > 1) spans.push([col, r + n, col === 0 && ROW_KEY.test(cellText(cell)) ? '' : `${label}: ${cellText(cell)}`]);
      col++;
    }
  });
  info.keyCol = keys ? 0 : -1;
  info.prefixes = prefixes;
}

/** How a cell of a field grid reads: HEADER_ROW (left out), or the label to write before it. */
function fieldGridCell(cell: Element): typeof HEADER_ROW | { prefix?: string; key?: boolean } | undefined {
  const row = cell.parentElement;
  const info = row && grids.get(row.closest(GRID) as Element);
  if (!info || !row) return undefined;
  if (row === info.head || row === info.group) return HEADER_ROW;
  const spanned = info.prefixes?.get(cell);
  if (spanned !== undefined) return { prefix: spanned };
  // A row header cell names its own row ("<th>Collected</th><td>…</td>"): no column label. Neither does a note row's cell
  // spanning the columns ("Repair: layered, 2.5 cm" under its lesion's row).
  const col = Array.prototype.indexOf.call(row.children, cell);
  const label = info.labels[col];
  if (tableTag(cell) === 'TH' || row.children.length < 2 || !label || (cell as HTMLTableCellElement).colSpan > 1) return undefined;
  const k = info.keyCol;
  if (k >= 0 && (col === k || col === k + 1)) return col === k ? { prefix: `${k > 0 ? BREAK1 : ''}${label} `, key: true } : {};
  return { prefix: `${label}: ` };
}

const NAV_ROLES = /^(?:navigation|tablist|tab|menu|menubar)$/;
// One test of the whole class attribute (a class token is whitespace-delimited): asked of every element a read walks.
const NAV_CLASS = /(?:^|\s)(?:nav|navbar|tabs?|nav-tabs?|nav-link|menu|breadcrumbs?)(?:\s|$)|-(?:tabs?|nav|navigation|menu)(?:\s|$)/;

/** A navigation bar or tab strip (by tag, ARIA role or a class such as "nav-tab" / "exam-navigation"). */
export function isNavigationElement(el: Element, tag = tagOf(el)): boolean {
  if (tag === 'NAV' || tag === 'MENU') return true;
  const role = el.getAttribute('role');
  if (role && NAV_ROLES.test(role)) return true;
  const cls = el.getAttribute('class');
  if (!cls) return false;
  return NAV_CLASS.test(cls);
}

/**
 * A closed dialog (a <dialog> without `open`, or a Bootstrap-style modal marked aria-hidden) holds a
 * template or an old form, not chart text. Collapsed chart sections are still read: they are not dialogs.
 */
function isClosedDialog(el: Element, tag: string): boolean {
  if (tag === 'DIALOG') return !el.hasAttribute('open');
  if (el.getAttribute('aria-hidden') !== 'true') return false;
  return el.getAttribute('role') === 'dialog' || /(?:^|\s)modal(?:\s|$)/.test(el.getAttribute('class') ?? '');
}

/** Icon fonts spell their glyphs as words ("expand_more", "check_circle"): never chart text. */
function isIconFont(el: Element, tag: string): boolean {
  if (tag === 'MAT-ICON' || tag === 'MDI-ICON') return true;
  if (tag !== 'I' && tag !== 'SPAN') return false;
  const cls = el.getAttribute('class');
  return cls !== null && /\bmaterial-(?:icons|symbols)[\w-]*|\bglyphicon\b/.test(cls);
}

/** "1. " for items of a numbered list (the number is not in the text), "- " for bullets. */
function listMarker(li: Element): string {
  const list = li.parentElement;
  const listTag = tagOf(list);
  // A bullet is no text (a CSS marker); "- " tells the parser an item starts, but a labeled field
  // ("<li>Procedure: Shave biopsy</li>") reads as the field line it is.
  if (!list || listTag !== 'OL') return /^\s*[A-Za-z][\w /()&-]{0,30}:/.test(li.textContent ?? '') ? '' : '- ';
  let n = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  if (!Number.isFinite(n)) n = 1;
  for (let c = list.firstElementChild; c && c !== li; c = c.nextElementSibling) if (tagOf(c) === 'LI') n++;
  const value = Number.parseInt(li.getAttribute('value') ?? '', 10);
  return `${Number.isFinite(value) ? value : n}. `;
}

/**
 * A label of an unchecked checkbox or radio ("[ ] Shave biopsy  [x] Punch biopsy"): its text must
 * not read as documented, so it is left out. The control is inside the label or named by `for`.
 */
function labelsUncheckedChoice(label: Element): boolean {
  let control: Element | null = label.querySelector('input');
  const forId = label.getAttribute('for');
  if (!control && forId) control = label.ownerDocument?.getElementById(forId) ?? null;
  const input = control as HTMLInputElement | null;
  if (tagOf(input) !== 'INPUT') return false;
  const kind = (input?.type || '').toLowerCase();
  return (kind === 'checkbox' || kind === 'radio') && !input?.checked;
}

/**
 * A label naming the inline value element right after it ("<label>Site</label><span>L arm</span>"), with no colon
 * of its own; not a title over a block. (A checked choice's label before its detail reads "Cryo: x2", as meant.)
 */
function labelsValue(label: Element): boolean {
  const next = label.nextElementSibling;
  // Only white space between them (an element has no `data`).
  const gap = label.nextSibling as Text | null;
  return /^[^:.?!]{1,40}$/.test((label.textContent ?? '').trim()) && !!next?.textContent?.trim() && !BLOCK.test(next.tagName) && !gap?.data?.trim();
}

/** Epic's SmartText wildcard "***" (a blank to fill); "*** AMENDED REPORT ***" is a banner, not a blank. */
const WILDCARD = /(?:^|[^*\w])\*{3}(?![*\w])/g;
const BANNER = /^\*{3,}[^*]*\w[^*]*\*{3,}$/;
/**
 * Printed choices: "Repair: ☐ Simple  ☒ Intermediate  ☐ Complex" or "[ ] Shave [x] Punch". An unchosen
 * option's words run to the next choice mark, a wide gap, a cell or clause break, or a sentence end.
 */
const UNCHOSEN = /(?:[\u2610\u25a1]|\[ \])[^\u2610-\u2612\u25a1\u2713\u2714[|;]*?(?=[ \t\u0005\u0006]{2}|[\u2610-\u2612\u25a1\u2713\u2714[|;]|\.(?:\s|$)|$)/g;

/** A bilingual label's other-script half before the English one ("الموقع / Site: L arm" reads "Site: L arm"). */
const OTHER_SCRIPT_LABEL = /^[ \t\u0005]*[\u0590-\u08ff\u3040-\u9fff\uac00-\ud7af][^A-Za-z\n]*?[/|][ \t\u0005]*(?=[A-Za-z])/;

/** Resolve break markers, trim each line, drop empty cell separators, keep at most one blank line in a row. */
function tidy(raw: string): string {
  const text = raw
    .replace(/\u0007([^\u0007]*)\u0007((?:[ \t]*[\u0001\u0002])*)/g, '$2$1')
    .replace(/(?:[ \t]*[\u0001\u0002])+[ \t]*/g, (run) => (run.includes(BREAK2) ? '\n\n' : '\n'));
  const out: string[] = [];
  let blank = 0;
  // A bare title ("INTRALESIONAL INJECTION") whose every field line was an unfilled wildcard is template text too.
  let title = -1;
  let unfilled = false;
  const dropTitle = () => unfilled && title === out.length - 1 && out.pop();
  for (const line of text.split('\n')) {
    // A line that is mostly unfilled wildcards ("Procedure #2: *** of the *** (site)", "Location: ***") is template
    // text nobody completed; one blank in a written line ("Shave biopsy of ***, specimen A") stays, to be flagged.
    if (line.includes('***') && !BANNER.test(line.trim())) {
      const blanks = line.split(WILDCARD).length - 1;
      if (blanks > 0 && blanks * 3 >= line.split(/\s+/).filter(Boolean).length - blanks) {
        unfilled = true;
        continue;
      }
    }
    const t = (/[\u2610\u25a1]|\[ \]/.test(line) ? line.replace(UNCHOSEN, '').replace(/[ \u0005\u0006]{2,}/g, ' ') : line)
      .replace(OTHER_SCRIPT_LABEL, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/(?<![\s|])[\s|]+$/, '')
      .replace(/^[\s|]+/, '')
      .trim()
      .replace(/[\u0005\u0006 ]+$/, '');
    const empty = t.replace(/[\u0005\u0006]/g, '').trim() === '';
    const bare = /^[A-Za-z][^\d:.|\u0003\u0004]{2,50}:?$/.test(t);
    if (bare || empty) dropTitle();
    unfilled = false;
    title = -1;
    if (empty) {
      blank++;
      if (blank === 1 && out.length > 0) out.push('');
      continue;
    }
    blank = 0;
    out.push(t);
    if (bare) title = out.length - 1;
  }
  dropTitle();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out
    .join('\n')
    .replace(/\u0005/g, ' ')
    .replace(/\u0006/g, '\t');
}
