import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { Window } from 'happy-dom';
import { snapshotFromDocument } from '../core/emr';
import { frameDocument } from '../core/emr/block-text';
import { attachDeclarativeShadowRoots } from '../core/emr/declarative-shadow';
import type { ChartSnapshot, Encounter } from '../core/model';
import { extractIdentity } from '../core/parse/identity';
import { encounterFromSnapshot, snapshotToNote } from '../core/pipeline';

const MAX_FRAME_FILE_BYTES = 5_000_000;
const MAX_FRAME_DEPTH = 6;

/**
 * A saved page in a scriptless happy-dom window: no scripts, no CSS, no navigation and
 * no network. Frames saved as separate files ("Save Page As… complete" writes each frame
 * into the page's _files folder) are read from disk when `path` is given, only from
 * inside the page's own folder.
 */
export function snapshotFromHtml(html: string, id: string, options: { path?: string } = {}): ChartSnapshot {
  const doc = inertWindow().document;
  try {
    // Command line only: the saved page is parsed into an inert happy-dom document (scripts, styles,
    // frames and navigation disabled) and only its text is read; nothing is rendered to a user.
    doc.open();
    doc.write(html);
    const page = doc as unknown as Document;
    if (options.path) {
      const dir = dirname(resolve(options.path));
      inlineSavedFrames(page, dir, dir, 0);
    }
    attachDeclarativeShadowRoots(page);
    selectSavedOptions(page);
    return snapshotFromDocument(page, { url: `file://${id}` });
  } finally {
    // Drop the page's nodes now rather than with the next page.
    doc.open();
  }
}

let shared: Window | undefined;

/**
 * One scriptless window for every page, each written into a blank document (document.open).
 * A window per page cost ~1 ms to set up, and happy-dom frees a closed window only on a later
 * macrotask: a synchronous batch piled them up at ~0.3 MB each (3.5 GB after the bench's
 * 12,500 generated pages, whose heap then slowed the next inputs with GC pauses).
 */
function inertWindow(): Window {
  shared ??= new Window({
    url: 'https://saved.page/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return shared;
}

/**
 * A saved page records each list's choice as `<option selected>`; a browser's parser selects that option
 * (the last one so marked), but happy-dom's document.write may pick another ("3 mm" for a saved "4 mm"). Select it,
 * in frames too, so the CLI reads the choice a browser shows.
 */
export function selectSavedOptions(doc: Document, depth = 0): void {
  for (const select of Array.from(doc.querySelectorAll('select:not([multiple])')) as HTMLSelectElement[]) {
    const marked = Array.from(select.options).map((o) => o.hasAttribute('selected'));
    const index = marked.lastIndexOf(true);
    if (index >= 0 && select.selectedIndex !== index) select.selectedIndex = index;
  }
  for (const box of Array.from(doc.querySelectorAll('input[type=checkbox], input[type=radio]')) as HTMLInputElement[]) {
    const state = savedCheckState(box);
    if (state !== undefined) box.checked = state;
  }
  if (depth >= MAX_FRAME_DEPTH) return;
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    const inner = frameDocument(frame);
    if (inner && inner !== doc) selectSavedOptions(inner, depth + 1);
  }
}

/** A wrapper's class saying its one box is ticked: Angular Material, MDC, MUI, Ant Design, PrimeNG. */
const CHECKED_CLASS = /(?:^|\s)(?:[\w-]+-(?:checkbox|radio)-checked|[\w-]+--(?:checked|selected)|Mui-checked|p-highlight)(?:\s|$)/;

/**
 * A script-driven checkbox (Angular, React) keeps its tick in the DOM property, never in a `checked` attribute, so a
 * saved page loses it. What the saved markup still shows is read: `aria-checked` on the input, a wrapper class naming
 * its one box checked ("mat-checkbox-checked", "mdc-checkbox--selected", "Mui-checked"), and AngularJS's `ng-empty` /
 * `ng-not-empty` on an ng-model checkbox (false is its empty value). Without any of them the saved attribute stands.
 */
export function savedCheckState(box: HTMLInputElement): boolean | undefined {
  const aria = box.getAttribute('aria-checked');
  if (aria === 'true' || aria === 'false') return aria === 'true';
  if (box.hasAttribute('checked')) return undefined;
  const cls = box.getAttribute('class') ?? '';
  if (box.type === 'checkbox' && (box.hasAttribute('ng-model') || box.hasAttribute('data-ng-model')) && /\bng-(?:not-)?empty\b/.test(cls))
    return /\bng-not-empty\b/.test(cls);
  let el = box.parentElement;
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    if (el.querySelectorAll('input').length > 1) break;
    if (CHECKED_CLASS.test(el.getAttribute('class') ?? '')) return true;
  }
  return undefined;
}

/** Frame files next to a saved page become srcdoc frames, so the adapters read them in place. */
export function inlineSavedFrames(doc: Document, dir: string, root: string = dir, depth = 0): void {
  for (const frame of Array.from(doc.querySelectorAll('iframe[src], frame[src]'))) {
    if (frame.hasAttribute('srcdoc')) continue;
    const src = frame.getAttribute('src') ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src)) continue;
    let rel: string;
    try {
      rel = decodeURIComponent(src.replace(/^file:\/\//i, '').replace(/[?#].*$/, ''));
    } catch {
      continue;
    }
    if (!rel) continue;
    const file = resolve(dir, rel);
    // Never read outside the saved page's own folder.
    if (file !== root && !file.startsWith(root + sep)) continue;
    if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size > MAX_FRAME_FILE_BYTES) continue;
    const text = readFileSync(file, 'utf8');
    let target: Element = frame;
    if (frame.tagName === 'FRAME') {
      // A <frame> has no srcdoc: stand an iframe with the same id and name in its place.
      const iframe = doc.createElement('iframe');
      for (const name of ['id', 'name', 'class']) {
        const value = frame.getAttribute(name);
        if (value !== null) iframe.setAttribute(name, value);
      }
      frame.replaceWith(iframe);
      target = iframe;
    } else {
      frame.removeAttribute('src');
    }
    target.setAttribute('srcdoc', text);
    const inner = frameDocument(target);
    if (inner && depth + 1 < MAX_FRAME_DEPTH) inlineSavedFrames(inner, dirname(file), root, depth + 1);
  }
}

/**
 * The key a patient is linked by: the same one a .txt note of that patient gets (MRN
 * first, else the normalized name), so a saved visit page and a saved path report link.
 */
export function patientKeyText(patient: string): string {
  return extractIdentity(`Patient: ${patient}`).patient ?? patient;
}

/** A saved EMR page → the same adapters the content script runs → Encounter. */
export function encounterFromHtml(html: string, id: string, hash: (raw: string) => string, path?: string): Encounter {
  const snapshot = snapshotFromHtml(html, id, path ? { path } : {});
  const encounter = encounterFromSnapshot(snapshot, id, { budgetMs: Number.POSITIVE_INFINITY });
  // The pipeline states the adapter's date of service as a synthetic "Date of service:" header. It is
  // already in encounter.visit; kept in the section texts it would make a saved lab report read as a
  // visit note to the CLI's report-document check (which joins the section texts).
  const header = encounter.sections.header;
  if (header !== undefined && /^Date of service: [^\n]*$/.test(header.trim())) delete encounter.sections.header;
  // No banner the adapters know: the patient as the page's text gives it (the same fallback as the extension's ingest).
  const patient = snapshot.patient ? patientKeyText(snapshot.patient) : extractIdentity(snapshotToNote(snapshot)).patient;
  if (patient && !encounter.patientKey) encounter.patientKey = hash(patient);
  return encounter;
}
