import type { ChartIdentity } from './define-adapter';
import type { Scope } from './scope';

/**
 * Raw patient identity and date of service as the page shows them. Read fresh on
 * every snapshot (SPA navigation swaps the patient without a page load). The raw
 * text is hashed by the background/CLI and never stored.
 */

/** "Doe, Jane   MRN: 123": one shape for every EMR, so a key can be derived the same way. */
export function composePatient(name: string | undefined, id: string | undefined): string | undefined {
  const n = clean(name)
    ?.replace(/^(?:patient(?:\s+name)?|name|pt)\s*:\s*/i, '')
    .replace(/\s*,\s*(?:\d{1,3}\s*(?:y|yo|yrs?)\b.*|[MF])$/i, '')
    .trim();
  const i = clean(id)?.replace(/^(?:mrn|acc(?:t|ount)?\.?\s*(?:no\.?|#)?|patient\s+id|id|#)\s*[:#]?\s*/i, '');
  if (n && i) return `${n}   MRN: ${i}`.slice(0, 500);
  if (n) return n.slice(0, 500);
  if (i) return `MRN: ${i}`;
  return undefined;
}

function clean(s: string | undefined | null): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : undefined;
}

const DATE = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})`;
const DOS_RE = new RegExp(
  // "Last visit: …", "Next appt: …" name another date.
  String.raw`\b(?<!(?:last|previous|prior|next|recent|return|follow[- ]?up)\s)(?:dos|date\s+of\s+(?:service|visit|encounter|procedure)|(?:service|visit|encounter|exam|procedure|appointment|collection)\s+date|visit|encounter|seen(?:\s+on)?|appt|collected)\s*[:#]?\s*\(?\s*${DATE}`,
  'i',
);
const NAME_RE =
  /(?:^|\n|\s{2}|[|/])\s*(?:patient(?:\s+name)?|pt\.?\s*name|name)(?: ?\/ ?\w+)?\s*:\s*([A-Za-z][A-Za-z0-9'.-]*(?:,? (?!(?:mrn|dob|sex|age|acct?|dos|id)\b)[A-Za-z0-9][A-Za-z0-9'.-]*){0,3})/i;
const ID_RE =
  /\b(?:mrn|m\.r\.n\.|medical\s+record\s+(?:number|no\.?|#)|acc(?:t|ount)?\.?\s*(?:no\.?|#|number)|chart\s*(?:#|no\.?)|patient\s+id|pt\s+id)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{2,24})\b/i;

/** The first date after a date-of-service label in `text`. */
export function dateOfServiceIn(text: string): string | undefined {
  return DOS_RE.exec(text)?.[1];
}

/** Any date in `text` (a visit link, an appointment caption). */
export function firstDateIn(text: string): string | undefined {
  return new RegExp(DATE).exec(text)?.[1];
}

/** Identity from labeled text ("Patient: …  MRN: …  DOS: …"), for pages without a known banner. */
export function identityFromText(text: string): ChartIdentity {
  const head = text.slice(0, 4000);
  const name = NAME_RE.exec(head)?.[1];
  const id = ID_RE.exec(head)?.[1];
  const out: ChartIdentity = {};
  const patient = composePatient(
    name && !/^(?:tolerated|was|is|has|presents|reports|denies)\b/i.test(name) ? name : undefined,
    id && /\d/.test(id) ? id : undefined,
  );
  if (patient) out.patient = patient;
  const dos = dateOfServiceIn(head);
  if (dos) out.dateOfService = dos;
  return out;
}

/** Text of the first element matching any selector, in order of preference. */
export function firstText(scope: Scope, selectors: readonly string[]): string | undefined {
  // One query per document or shadow root for all the selectors at once: most (athenaOne's
  // navigation and status frames) hold none of them and are not asked again for each one.
  const any = selectors.join(', ');
  const roots = selectors.length > 1 ? scope.roots.filter((root) => holds(root, any)) : scope.roots;
  for (const sel of selectors) {
    let el: Element | undefined;
    for (const root of roots) {
      try {
        el = root.querySelector(sel) ?? undefined;
      } catch {
        break;
      }
      if (el) break;
    }
    const t = clean(el?.textContent ?? (el as HTMLInputElement | undefined)?.value);
    if (t) return t;
  }
  return undefined;
}

function holds(root: ParentNode, selector: string): boolean {
  try {
    return root.querySelector(selector) !== null;
  } catch {
    // An invalid selector among them: let each be tried on its own.
    return true;
  }
}

/**
 * Merges identities: earlier ones win, later ones fill the gaps. A function is a fallback read
 * only while a gap remains (reading the page's text for "Patient:" labels is most of an
 * identity's cost, and the banner usually has both fields).
 */
export function mergeIdentity(...ids: (ChartIdentity | (() => ChartIdentity))[]): ChartIdentity {
  const out: ChartIdentity = {};
  for (const item of ids) {
    if (out.patient && out.dateOfService) break;
    const id = typeof item === 'function' ? item() : item;
    if (!out.patient && id.patient) out.patient = id.patient;
    if (!out.dateOfService && id.dateOfService) out.dateOfService = id.dateOfService;
  }
  return out;
}

export function identityOf(patient: string | undefined, dateOfService: string | undefined): ChartIdentity {
  const out: ChartIdentity = {};
  if (patient) out.patient = patient;
  if (dateOfService) out.dateOfService = dateOfService;
  return out;
}
