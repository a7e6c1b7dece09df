import type { Section } from './sections';

/**
 * An assessment written as a table ("# | Assessment | ICD-10 | Notes" over "1 | Verruca vulgaris | B07.8 | L hand x3")
 * is a numbered problem list: each row reads as the numbered item "1. Verruca vulgaris | B07.8 | L hand x3", and the
 * column-header row is no problem. Same length, so every offset into the text stays put.
 */
const ROW = /^([ \t]*)(\d{1,2})([ \t]*)\|/gm;
const HEADER = /^[ \t]*(?:#|no\.?)[ \t]*\|[^\n]*/gim;

export function numberedRows(text: string): string {
  if (!text.includes('|') || (text.match(ROW) ?? []).length < 2) return text;
  return text
    .replace(HEADER, (m) => ' '.repeat(m.length))
    .replace(ROW, (all, lead: string, n: string, gap: string) => `${lead}${n}.${gap}`.padEnd(all.length, ' '));
}

/** The body and its sections with every assessment table read as a numbered list (the body holds each section's text). */
export function withNumberedAssessmentRows(body: string, sections: Section[]): { body: string; sections: Section[] } {
  let out = body;
  const next = sections.map((s) => {
    if (s.role !== 'assessment') return s;
    const text = numberedRows(s.text);
    if (text === s.text) return s;
    out = out.slice(0, s.start) + text + out.slice(s.start + s.text.length);
    return { ...s, text };
  });
  return { body: out, sections: next };
}
