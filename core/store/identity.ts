/*
 * Patient identity → salted SHA-256 hashes. The raw identity (name, MRN) is only
 * ever held in memory long enough to hash it; the salt is random per install, so
 * the same patient hashes differently on another machine and the hashes cannot be
 * reversed with a dictionary of names.
 */

export function normalizeIdentity(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function newSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface EncounterIdentity {
  encounterId: string;
  patientKey?: string;
}

/**
 * One encounter = one patient on one date of service. A document that only
 * carries pathology results (a Path/Labs result page) is its own record, keyed by
 * the specimens and dates it reports (`reportKey`), so it never replaces the
 * visit it belongs to; core/reconcile links the two. A chart that shows no
 * patient is keyed by its address, so it is never linked to another visit.
 */
export async function encounterIdentity(
  salt: string,
  patient: string | undefined,
  dateOfService: string | undefined,
  url: string,
  reportKey?: string,
): Promise<EncounterIdentity> {
  if (patient && normalizeIdentity(patient)) {
    const who = normalizeIdentity(patient);
    const patientKey = await sha256Hex(`${salt}\u0000patient\u0000${who}`);
    const what = reportKey === undefined ? '' : `\u0000report\u0000${reportKey}`;
    const encounterId = await sha256Hex(`${salt}\u0000encounter\u0000${who}\u0000${dateOfService ?? ''}${what}`);
    return { encounterId, patientKey };
  }
  return { encounterId: await sha256Hex(`${salt}\u0000url\u0000${url}${reportKey === undefined ? '' : `\u0000report\u0000${reportKey}`}`) };
}

/** The name part of a header value ("Doe, Jane   MRN: 123" → "Doe, Jane"); undefined when it is not a name. */
export function nameOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const namePart = (value.split(/\s{2,}|\s*(?:[|(]|\bMRN\b|\bDOB\b|\bacct\b|#)/i)[0] ?? '').trim();
  if (!namePart || /\d/.test(namePart)) return undefined;
  return namePart;
}

/**
 * Initials for display ("Doe, Jane" → "J.D.", "Jane Q. Doe" → "J.D."). Anything
 * that is not a name (an MRN, a key) gives no initials rather than a leak.
 */
export function initialsOf(patient: string | undefined): string | undefined {
  const namePart = nameOnly(patient);
  if (!namePart) return undefined;
  const comma = namePart.split(',');
  const ordered = comma.length >= 2 ? `${comma.slice(1).join(' ')} ${comma[0]}` : namePart;
  const words = ordered
    .split(/[\s.]+/)
    .map((w) => w.replace(/[^\p{L}'-]/gu, ''))
    .filter((w) => w.length > 1 || /^\p{Lu}$/u.test(w));
  if (words.length === 0) return undefined;
  const first = words[0]?.[0];
  const last = words.length > 1 ? words.at(-1)?.[0] : undefined;
  return [first, last]
    .filter(Boolean)
    .map((c) => `${(c as string).toUpperCase()}.`)
    .join('');
}

/** Address without query or fragment: EMR query strings and hash routes can carry patient ids. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}
