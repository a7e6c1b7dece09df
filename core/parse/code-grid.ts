import type { Section } from './sections';

/**
 * A section whose rows are billing codes is a charge list, whatever its title says: a superbill's "Procedures" list
 * ("99214 | Office visit, est | 1 | 25", "11102 | Tangential biopsy, first | 1") or its "Diagnoses" list ("L57.0 |
 * Actinic keratosis"). Its codes were entered or offered, not documented: they are compared with the claim, never coded
 * from (an entered 99214 is no documented visit level). A written procedure or plan names a code on a line or two at most,
 * among sentences; a procedure log whose first column is the code ("CPT | Procedure | Site | Specimen") documents where and
 * what, and stays documentation.
 */
const CODE_ROW = /^[ \t]*(?:[1-9]\d{4}|[A-Z]\d{4}|[A-TV-Z]\d{2}\.[0-9A-Z]{1,4})(?:-[0-9A-Z]{2})*[ \t]*(?:\||$)/;

/** A column header naming what was done where ("CPT | Procedure | Site | Specimen"): a procedure log that carries codes. */
const DOCUMENTATION_COLUMN = /\b(?:site|location|specimens?|size|lesion|details?|findings?|technique|method|margins?|jar)\b/i;

export function isCodeGrid(text: string): boolean {
  const lines = text.split('\n', 400).filter((l) => l.trim().length > 0);
  let rows = 0;
  for (const line of lines) {
    if (CODE_ROW.test(line)) rows++;
    // A procedure log with a code column documents the procedures: it stays documentation.
    else if (line.includes('|') && DOCUMENTATION_COLUMN.test(line)) return false;
  }
  // Titles and column-header lines are the rest.
  return rows >= 2 && rows * 3 >= lines.length * 2 - 3;
}

/** Sections read as charges when their rows are codes (see isCodeGrid); a pathology report keeps its role. */
export function withCodeGridsAsCharges(sections: Section[]): Section[] {
  return sections.map((s) => (s.role !== 'charges' && s.role !== 'pathology' && isCodeGrid(s.text) ? { ...s, role: 'charges' } : s));
}
