/**
 * The cells of a text table row: split on pipes ("| a | b |"), else on tabs, else on runs of two or
 * more spaces. Empty cells are kept, so cells line up with the header's columns.
 */
export function rowCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\||\|$/g, '');
  if (trimmed.length === 0) return [];
  const cells = trimmed.includes('|') ? trimmed.split('|') : trimmed.includes('\t') ? trimmed.split('\t') : trimmed.split(/\s{2,}/);
  return cells.map((c) => c.trim());
}
