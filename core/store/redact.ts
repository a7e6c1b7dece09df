/*
 * Masks patient identifiers in chart text before it is stored. Masking keeps the
 * text's length, so the spans the parser recorded (offsets into a section) still
 * point at the same words and the side panel can highlight them.
 */

const MASK = '•';

const DATE = String.raw`(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})`;

/** Label → value pattern. Values are bounded so a page read without line breaks is not wiped out. */
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?:dob|d\.o\.b\.|date of birth|birth ?date)(\s*[:#]?\s*)(${DATE})`, 'gi'),
  /\b(?:mrn|medical record (?:number|no\.?)|acct(?:ount)?(?:\s*(?:#|no\.?|number))?|pms\s*id|ssn|member id|insurance id|patient key|chart #)(\s*[:#]\s*)([A-Za-z0-9][A-Za-z0-9-]{0,40})/gi,
  /\b(?:phone|tel|cell)(\s*[:#]\s*)(\+?[\d() .-]{7,20}\d)/gi,
  // Names only after a label at the start of a line (a "Name:" mid-sentence is usually not the patient).
  /^[ \t]*(?:patient(?:\s*name)?|pt(?:\s*name)?|name)(\s*[:#]\s*)([^\n|]{1,80}?)(?=\s{2,}|\s*\||\s+(?:DOB|MRN|Sex|Age)\b|$)/gim,
];

function mask(s: string): string {
  return s.replace(/\S/g, MASK);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactText(text: string, identifiers: readonly string[] = []): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (whole: string, _sep: string, value: string) => whole.slice(0, whole.length - value.length) + mask(value));
  }
  for (const id of identifiers) {
    const value = id.trim();
    if (value.length < 2) continue;
    out = out.replace(new RegExp(escapeRegExp(value), 'gi'), (m) => mask(m));
    // Names also appear reordered ("Doe, Jane" / "Jane Doe"): mask each capitalised name word.
    for (const word of value.split(/[\s,]+/)) {
      if (word.length >= 2 && /^\p{Lu}[\p{L}'-]*$/u.test(word))
        out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, 'gu'), (m) => mask(m));
    }
  }
  return out;
}

/** A copy of the sections with identifiers masked. */
export function redactSections(sections: Record<string, string>, identifiers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(sections)) out[name] = redactText(text, identifiers);
  return out;
}
