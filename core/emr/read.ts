import { type BlockTextOptions, blockText, isNavigationElement, tableTag } from './block-text';
import type { ChartSection, SnapshotRole } from './define-adapter';
import type { Scope } from './scope';
import { normalizeTitle, roleOfNormalizedTitle, roleOfTitle } from './titles';

/**
 * Shared section readers. An adapter names the containers it knows; where the page
 * does not have them (a template the public sources did not show), the same
 * heading-based reader as the generic adapter runs inside the adapter's chart root.
 */

export interface KnownSection {
  selector: string;
  /** Fixed role; otherwise the role of the container's title. */
  role?: SnapshotRole;
  /** Fixed name; otherwise the container's title (its first heading-like child). */
  name?: string;
  /** Where the title sits inside the container. */
  titleSelector?: string;
}

const TITLE_SELECTOR = 'h1,h2,h3,h4,h5,h6,legend,caption,summary,[role=heading],.section-title,.title,header,mat-card-title';

/** Short single-line text of an element (a title or a banner field). */
export function lineText(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Reads the known containers; nested known containers are read on their own, not twice. */
export function readKnownSections(scope: Scope, known: readonly KnownSection[]): ChartSection[] {
  const found: { el: Element; spec: KnownSection }[] = [];
  const seen = new Set<Element>();
  for (const spec of known) {
    for (const el of scope.all(spec.selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      found.push({ el, spec });
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => order(a.el, b.el));
  const out: ChartSection[] = [];
  for (const { el, spec } of found) {
    const exclude = new Set<Node>();
    for (const other of seen) if (other !== el && el.contains(other)) exclude.add(other);
    const titleEl = el.querySelector(spec.titleSelector ?? TITLE_SELECTOR);
    const title = spec.name ?? (lineText(titleEl) || el.getAttribute('aria-label') || el.getAttribute('data-section') || 'Section');
    const role = spec.role ?? roleOfTitle(title) ?? 'other';
    const text = blockText(el, { exclude, skipNavigation: true });
    if (text.trim().length === 0) continue;
    out.push({ name: title.replace(/:\s*$/, '').slice(0, 200), role, text });
  }
  return out;
}

/**
 * Titled sections of `root` outside the known containers (the adapter read those already); text
 * before the first title there is the banner and navigation, not a section.
 */
export function leftoverSections(scope: Scope, root: Node, known: readonly KnownSection[], headingRoots: readonly Node[] = []): ChartSection[] {
  const exclude = new Set<Node>(scope.all(known.map((k) => k.selector).join(', ')));
  return sectionsByHeadings(root, { exclude, headedOnly: true, headingRoots });
}

/** Document order for elements of one tree; elements of different trees keep their found order. */
function order(a: Element, b: Element): number {
  if (a === b) return 0;
  const pos = a.compareDocumentPosition(b);
  if (pos & 4 /* b follows a */) return -1;
  if (pos & 2 /* b precedes a */) return 1;
  return 0;
}

const INLINE_HOLDERS = /^(?:B|STRONG|U|EM|I|SPAN|LABEL|FONT|A|BUTTON)$/;
const HEADING_TAGS = /^(?:H[1-6]|DT|LEGEND|SUMMARY|CAPTION|TH|TD|DIV|P|SPAN|B|STRONG|U|LABEL|FONT|HEADER|BUTTON)$/;
/** Navigation bars and tabs name sections without holding them ("HPI | ROS | PE | A/P | Sign-off"). */
function isNavigation(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (isNavigationElement(n)) return true;
  return false;
}

const INLINE_TAGS = /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|LABEL|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;

/** True when nothing but punctuation shares the element's line (siblings up to the nearest block boundary). */
function aloneOnLine(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    for (const dir of ['previousSibling', 'nextSibling'] as const) {
      for (let n = cur[dir]; n; n = n[dir]) {
        if (n.nodeType === 3) {
          if (/[^\s:.\-–—|]/.test((n as Text).data)) return false;
          continue;
        }
        if (n.nodeType !== 1) continue;
        const tag = (n as Element).tagName;
        if (tag === 'BR' || !INLINE_TAGS.test(tag)) break;
        if (/[^\s:.\-–—|]/.test(n.textContent ?? '')) return false;
      }
    }
    const parent: Element | null = cur.parentElement;
    if (!parent || !INLINE_TAGS.test(parent.tagName)) return true;
  }
  return true;
}

/**
 * Heading-like elements under `root` whose whole line is a known section title:
 * h1–h6, dt, legend, bold or label text alone on its line, a one-cell table row, a
 * div that holds only the title. "Procedure: shave biopsy" (a labeled line) is not a heading.
 */
export function findHeadings(root: ParentNode, earlier?: Element[]): { el: Element; role: SnapshotRole; name: string }[] {
  const out: { el: Element; role: SnapshotRole; name: string }[] = [];
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const seen = new Set<Element>();
  const accept = (start: Element, text: string, role: SnapshotRole, own = normalizeTitle(text)): void => {
    // A label of a one-line <input> names a field, not a section (one over a <textarea> may).
    if ((start as HTMLLabelElement).control?.tagName === 'INPUT') return;
    let el = start;
    // Climb through wrappers that hold nothing but this title ("<p><b>PROCEDURE</b></p>").
    while (el.parentElement && INLINE_HOLDERS.test(el.tagName) && normalizeTitle(lineText(el.parentElement)) === own) el = el.parentElement;
    if (seen.has(el)) return;
    if (!HEADING_TAGS.test(el.tagName) && !el.tagName.includes('-')) return;
    if (normalizeTitle(lineText(el)) !== own) return;
    // An inline title followed by text on the same line is a label ("Procedure: shave bx"), not a heading.
    if (INLINE_HOLDERS.test(el.tagName) && !aloneOnLine(el)) return;
    // An accordion's disclosure button titles its panel; a menu button or an action button does not.
    if (el.tagName === 'BUTTON' && (!el.hasAttribute('aria-expanded') || el.hasAttribute('aria-haspopup'))) return;
    if (el.tagName === 'DT') {
      // "<dt>Procedure</dt><dd>Shave biopsy</dd>" is a field; a dt over a long or structured dd is a section title.
      const dd = el.nextElementSibling;
      if (dd?.tagName === 'DD' && (dd.textContent ?? '').trim().length <= 80 && !dd.querySelector('p,div,li,br,table')) return;
    }
    const cellTag = tableTag(el);
    if (cellTag === 'TD' || cellTag === 'TH') {
      // A column header ("Procedure" over a grid) is not a section title; a one-cell caption row is.
      const row = el.parentElement;
      const filled = row ? Array.from(row.children).filter((c) => lineText(c).length > 0).length : 0;
      if (filled !== 1) return;
    }
    if (isNavigation(el)) return;
    seen.add(el);
    out.push({ el, role, name: text.replace(/:\s*$/, '') });
  };
  // 1. Any short text that is a known title, wherever it sits (a div, a bold run, a table cell).
  const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length > 80) continue;
    const text = data.replace(/\s+/g, ' ').trim();
    if (text.length < 1 || text.length > 60 || text === ':') continue;
    // Normalized once: for the title tables, the wrapper climb and the earlier-visits titles.
    const own = normalizeTitle(text);
    const role = roleOfNormalizedTitle(own);
    const parent = (node as Text).parentElement;
    if (role && parent) accept(parent, text, role, own);
    else if (earlier && parent && EARLIER_VISITS.test(own)) earlier.push(parent);
  }
  // 2. Heading elements whose title is split over several text nodes ("<h3>Assessment <span>&amp;</span> Plan</h3>").
  let headingElements: ArrayLike<Element> = [];
  try {
    headingElements = root.querySelectorAll('h1,h2,h3,h4,h5,h6,dt,legend,summary,caption,[role=heading]');
  } catch {
    // not queryable
  }
  for (let i = 0; i < headingElements.length; i++) {
    const el = headingElements[i] as Element;
    if (seen.has(el) || el.childNodes.length < 2) continue;
    const text = lineText(el);
    if (text.length === 0 || text.length > 60) continue;
    const role = roleOfTitle(text);
    if (role) accept(el, text, role);
  }
  return out;
}

/**
 * Splits the text of `root` at its headings; text before the first heading is one 'note' section.
 * `headingRoots` are searched for headings too (shadow roots and frame documents the text walk enters).
 */
export function sectionsByHeadings(
  root: Node,
  options: {
    leadName?: string;
    headingRoots?: readonly Node[];
    frames?: boolean;
    exclude?: ReadonlySet<Node>;
    headedOnly?: boolean;
    /** Also read the plain text of `root` in the same walk (BlockTextOptions.plain). */
    plain?: BlockTextOptions['plain'];
  } = {},
): ChartSection[] {
  const out: ChartSection[] = [];
  const earlier: Element[] = [];
  const headings = findHeadings(root as ParentNode, earlier);
  const roots = [root, ...(options.headingRoots ?? []).filter((r) => r !== root)];
  for (const extra of roots.slice(1)) headings.push(...findHeadings(extra as ParentNode, earlier));
  const regions = labeledRegions(roots, headings);
  const exclude = new Set<Node>(options.exclude ?? []);
  earlierVisits([...earlier, ...roots.flatMap((r) => queryAll(r, '[aria-label]'))], headings, exclude, (root.textContent ?? '').length);
  const marks = new Map<Node, number>();
  headings.forEach((h, i) => {
    marks.set(h.el, i);
  });
  // A region's section ends with the region: text after it (until the next title) is untitled note text.
  const endMarks = new Map<Node, number>();
  const after: { el: Element; role: SnapshotRole; name: string } = { el: root as Element, role: 'note', name: options.leadName ?? 'Note' };
  for (const region of regions) {
    marks.set(region.el, headings.push(region) - 1);
    endMarks.set(region.el, headings.push(after) - 1);
  }
  const text = blockText(root, { marks, endMarks, frames: options.frames ?? false, skipNavigation: true, exclude, plain: options.plain });
  const parts = text.split(/\u0003(\d+)\u0004/);
  const lead = (parts[0] ?? '').trim();
  if (lead && !options.headedOnly) out.push({ name: options.leadName ?? 'Note', role: 'note', text: lead });
  for (let k = 1; k + 1 < parts.length; k += 2) {
    const h = headings[Number(parts[k])];
    const body = (parts[k + 1] ?? '').replace(/^[ \t]*\n/, '').trimEnd();
    if (!h || (h === after && (body.trim().length === 0 || options.headedOnly))) continue;
    // A result's "Addendum" right after its diagnosis is more of the same report (it may revise it), not note text.
    const prev = out[out.length - 1];
    if (h.role === 'other' && prev?.role === 'pathology' && /^(?:addend|amend|revis|correct)/i.test(h.name)) {
      prev.text += `\n${body.length > 0 ? body : h.name}`;
      continue;
    }
    out.push({ name: h.name.slice(0, 200), role: h.role, text: body.length > 0 ? body : h.name });
  }
  return out;
}

/**
 * Regions named only for screen readers (<section aria-label="Procedure note">, no visible title) are
 * sections too; a region that shows its own title is split at that title instead.
 */
function labeledRegions(roots: readonly Node[], headings: readonly { el: Element }[]): { el: Element; role: SnapshotRole; name: string }[] {
  const out: { el: Element; role: SnapshotRole; name: string }[] = [];
  for (const root of roots) {
    for (const el of queryAll(
      root,
      'section[aria-label],section[aria-labelledby],[role=region][aria-label],[role=region][aria-labelledby],[role=tabpanel][aria-labelledby]',
    )) {
      if (isNavigation(el) || headings.some((h) => el.contains(h.el))) continue;
      const name =
        el.getAttribute('aria-label') ??
        (el.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => lineText(el.ownerDocument?.getElementById(id)))
          .join(' ');
      const role = roleOfTitle(name);
      if (role) out.push({ el, role, name: name.trim() });
    }
  }
  return out;
}

function queryAll(root: Node, selector: string): Element[] {
  try {
    return Array.from((root as ParentNode).querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * Titles of a list of earlier visits or notes (another date's documentation, never this visit's claim), and of a
 * panel of templates or favorite codes beside the note (text that a click would insert, not text written).
 */
const EARLIER_VISITS =
  /^(?:(?:previous|prior|past|earlier|older)\s+(?:visits?|encounters?|notes?)|(?:visit|encounter|note)s?\s+(?:history|list|timeline)|(?:(?:procedure|note|my|practice)\s+)?(?:templates?|smart\s*phrases?|quick\s*texts?|macros?|snippets?)|favou?rites?(?:\s+(?:codes|procedures|diagnoses|templates))?|(?:frequently\s+used|common)\s+(?:codes|procedures|diagnoses)|quick\s+picks?|order\s+sets?)$/;

/**
 * Adds to `exclude` the lists of earlier visits: a container named so (aria-label), or
 * the block a "Visit History" title opens (the side container it leads, else the title and what
 * follows it up to the next section title). An open item inside the list that holds a whole note
 * (the visit on screen, expanded in place) is kept.
 */
function earlierVisits(titles: readonly Element[], headings: readonly { el: Element }[], exclude: Set<Node>, pageLength: number): void {
  for (const el of titles) {
    const labelled = el.getAttribute('aria-label');
    const title = normalizeTitle(labelled ?? lineText(el));
    if (!EARLIER_VISITS.test(title)) continue;
    // The title's own block: climb through wrappers that hold only the title ("<p><b>Visit History</b></p>").
    let block: Element = el;
    while (!labelled && block.parentElement && normalizeTitle(lineText(block.parentElement)) === title) block = block.parentElement;
    const container = labelled ? block : block.parentElement;
    const startsSection = (n: Element): boolean => headings.some((h) => h.el === n || (n.contains(h.el) && leadsWith(n, h.el)));
    if (
      container &&
      (labelled ||
        (!/^(?:BODY|HTML|MAIN)$/.test(container.tagName) &&
          // A side list, not a wrapper around the open note (when in doubt, read rather than drop).
          ((container.textContent ?? '').length <= pageLength * 0.6 || /^(?:ASIDE|UL|OL|DETAILS|TABLE)$/.test(container.tagName)) &&
          leadsWith(container, block) &&
          !Array.from(container.children).some((c) => c !== block && startsSection(c))))
    ) {
      // Keep an open item holding a whole note (the visit on screen, expanded in place).
      const open = queryAll(container, 'details[open],[aria-current],[aria-expanded=true]').find((item) => (item.textContent ?? '').length > 200);
      if (!open) exclude.add(container);
      for (let n: Element | null = open ?? null; n && n !== container; n = n.parentElement) {
        for (let sib = n.parentElement?.firstElementChild ?? null; sib; sib = sib.nextElementSibling) if (sib !== n) exclude.add(sib);
      }
      continue;
    }
    // A flat page: the title and what follows it, when the next section title bounds it.
    const run: Element[] = [block];
    let n = block.nextElementSibling;
    for (; n && !startsSection(n); n = n.nextElementSibling) run.push(n);
    for (const e of n ? run : [block]) exclude.add(e);
  }
}

/** True when the first text inside `container` belongs to `title`. */
function leadsWith(container: Element, title: Element): boolean {
  const walker = (container.ownerDocument ?? (container as unknown as Document)).createTreeWalker(container, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) return title.contains(n);
  return false;
}
