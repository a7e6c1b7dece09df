import { dateOfServiceOf } from './visit';

/**
 * Patient identity and date of service from a note header. The identity is only
 * ever used to compute a salted hash; it is never stored or printed.
 *
 * `key` is the most stable identifier found: the MRN, else a patient key, else the
 * normalized name ("Doe, Jane" and "Jane Doe" → "jane doe"). A date of birth alone
 * never identifies a patient. `patient` equals `key` (kept for callers that read it).
 */
export interface NoteIdentity {
  patient?: string;
  key?: string;
  name?: string;
  mrn?: string;
  patientKey?: string;
  dateOfBirth?: string;
  dateOfService?: string;
}

const HEAD_CHARS = 6000;
// Fixed-width lab printouts pad a field name with dot leaders: "PATIENT.......: Doe, Jane", "MRN......: 1234".
const STOP = String.raw`(?=\s{2,}|\s*[|;\t]|\s+(?:dob|d\.o\.b\.?|date\s+of\s+birth|mrn|med(?:ical)?\s+rec(?:ord)?|acct|account|sex|gender|age|dos|date\s+of\s+service|visit\s+date|pt\s+key|patient\s+key|id)\b|\s*\(|\s*$)`;
const NAME_RE = new RegExp(
  String.raw`(?:^|[\s|;])(?:patient(?:'s)?\s*(?:full\s+)?name|pt\.?\s*name|patient|pt\.?|name)\s*(?:\.{2,}\s*)?[:#=-]\s*([^\n|;\t]{2,80}?)${STOP}`,
  'im',
);
const MRN_RE =
  /(?:^|[\s|;(])(?:mrn|m\.r\.n\.?|med(?:ical)?\s+rec(?:ord)?(?:\s+(?:number|no\.?|#))?|chart\s*(?:#|no\.?|number)|patient\s+id|pt\s+id|acct(?:ount)?(?:\s*(?:#|no\.?|number))?)\s*(?:\.{2,}\s*)?(?:[:#=]\s*)?([A-Z0-9][A-Z0-9-]{2,24})\b/im;
const KEY_RE = /(?:^|[\s|;])(?:patient\s*key|pt\s*key)\s*[:#=]\s*([A-Za-z0-9][A-Za-z0-9_.-]{1,60})/im;
const DOB_RE =
  /\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date)\s*(?:[:#=]\s*)?([0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})/i;

const ASCII = /^[\x00-\x7f]*$/;
/**
 * A banner that gives the name with no label, only set apart (in bold on the page): "DOE, JANE A · 67 y.o. F · DOB
 * 01/02/1959 · MRN 12345". Only the "Last, First" form opening a line that goes on to a birth date, MRN or age is read
 * as a name: words before a DOB without a comma ("Office Visit  DOB …") are a title, and would link other patients.
 */
const BANNER_RE =
  /^[ \t]*([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?,[ \t]*[A-Z][\w'-]*(?: [A-Z]\.?)?)[ \t]*(?:[|·•(;,–—-]|[ \t]{2})[^\n]{0,60}?\b(?:dob|d\.o\.b|date\s+of\s+birth|mrn|\d{1,3}[ \t]*(?:y\.?o\b|yrs?\b|years?\b))/im;

/** The name as an unlabeled banner writes it ("DOE, JANE A"), or undefined. */
export function bannerNameOf(text: string): string | undefined {
  return BANNER_RE.exec(text.slice(0, HEAD_CHARS))?.[1];
}

/** "Doe, Jane A." and "Jane A Doe" → "jane doe": lowercase, first-last order, middle initials and titles dropped. */
export function normalizeName(raw: string): string | undefined {
  // Accents come off by decomposition; a name typed in plain ASCII (nearly all) has none to take off.
  let t = (ASCII.test(raw) ? raw : raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/\b(?:mr|mrs|ms|miss|dr|jr|sr|ii|iii|iv)\b\.?/g, ' ')
    .replace(/[^a-z,' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return undefined;
  if (t.includes(',')) {
    const [last, first] = t.split(',', 2).map((x) => x.trim());
    t = `${first ?? ''} ${last ?? ''}`.trim();
  }
  const words = t
    .replace(/,/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 || w === '');
  // Keep first and last: "jane a doe" → "jane doe".
  const kept = words.filter((w) => w.length > 1);
  if (kept.length === 0) return undefined;
  return kept.length > 2 ? `${kept[0]} ${kept[kept.length - 1]}` : kept.join(' ');
}

/** The patient's name field of a note head, normalized; or, when that field holds an id ("Patient: A1234"), the id. */
function nameIn(head: string): { name?: string; id?: string } {
  const labeled = labeledNameIn(head);
  if (labeled.name || labeled.id) return labeled;
  const banner = bannerNameOf(head);
  const normalized = banner && normalizeName(banner);
  return normalized ? { name: normalized } : {};
}

function labeledNameIn(head: string): { name?: string; id?: string } {
  const name = NAME_RE.exec(head);
  if (!name?.[1]) return {};
  const raw = name[1].trim();
  // "Patient: 12345" is an id, "Patient key:" is handled above, "Patient tolerated…" is prose.
  if (!/^(?:key\b|tolerated|was|is|has|had|presents|reports|states|denies|here|returns|seen|consented|name\b)/i.test(raw) && !/^\d+$/.test(raw)) {
    const normalized = normalizeName(raw);
    return normalized && normalized.split(' ').length <= 4 ? { name: normalized } : {};
  }
  return /^[A-Z0-9-]{4,}$/i.test(raw) && /\d/.test(raw) ? { id: raw.toUpperCase() } : {};
}

/** The normalized patient name of a note (extractIdentity(text).name, without reading the other fields). */
export function patientNameOf(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  return nameIn(text.slice(0, HEAD_CHARS)).name;
}

export function extractIdentity(text: string): NoteIdentity {
  if (typeof text !== 'string' || text.length === 0) return {};
  const head = text.slice(0, HEAD_CHARS);
  const out: NoteIdentity = {};
  const mrn = MRN_RE.exec(head);
  if (mrn?.[1] && /\d/.test(mrn[1])) out.mrn = mrn[1].toUpperCase();
  const key = KEY_RE.exec(head);
  if (key?.[1]) out.patientKey = key[1];
  const name = nameIn(head);
  if (name.name) out.name = name.name;
  else if (name.id && !out.mrn) out.mrn = name.id;
  const dob = DOB_RE.exec(head);
  if (dob?.[1]) out.dateOfBirth = dob[1];
  const dos = dateOfServiceOf(text);
  if (dos) out.dateOfService = dos;
  const stable = out.mrn ? `mrn:${out.mrn}` : out.patientKey ? `key:${out.patientKey}` : out.name ? `name:${out.name}` : undefined;
  if (stable) {
    out.key = stable;
    out.patient = stable;
  }
  return out;
}
