/**
 * A grid laid out sideways: one COLUMN per lesion and one ROW per field, each row named by its row header
 * ("<th scope=row>Location</th><td>R temple</td><td>L upper back</td>"). The page reads it row by row:
 *
 *   Lesion 1 | Lesion 2 | Lesion 3
 *   Location: R temple | L upper back | R shin
 *   Procedure: Shave bx | Punch bx, 4 mm | LN2 cryotherapy
 *
 * Every other reader expects one lesion per line with its fields ("Procedure: Shave bx | Location: R temple"), so
 * the grid is turned back: one line per column, the column's title first, then each row's label and that column's
 * cell. Only a run of at least two such field rows, each with exactly as many cells as the title line, under a
 * title line of short unlabelled cells qualifies; a field grid read the usual way ("Procedure: X | Site: Y") has
 * labelled cells and is left alone.
 */
const FIELD_ROW = /^([A-Za-z][\w /().#&'-]{0,30}):[ \t]*(.*)$/;
const LABELLED_CELL = /^[A-Za-z][\w /().#&'-]{0,30}:/;
const MAX_COLUMNS = 12;

function cellsOf(line: string): string[] {
  return line.split('|').map((c) => c.trim());
}

/** Only this much is looked at: past it nothing is read anyway (core/parse MAX_NOTE_CHARS), and 5 MB of junk must stay fast. */
const MAX_CHARS = 200_000;

export function transposedGrids(text: string): string {
  if (text.length > MAX_CHARS) return transposedGrids(text.slice(0, MAX_CHARS)) + text.slice(MAX_CHARS);
  if (!text.includes(' | ')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i] as string;
    const titles = cellsOf(head);
    const n = titles.length;
    const fields: [label: string, cells: string[]][] = [];
    if (n >= 2 && n <= MAX_COLUMNS && titles.every((t) => t.length > 0 && t.length <= 30 && !t.includes(':'))) {
      for (let k = i + 1; k < lines.length; k++) {
        const row = FIELD_ROW.exec((lines[k] as string).trim());
        const cells = row ? cellsOf(row[2] as string) : [];
        if (!row || cells.length !== n || cells.some((c) => LABELLED_CELL.test(c))) break;
        fields.push([row[1] as string, cells]);
      }
    }
    if (fields.length < 2) {
      out.push(head);
      continue;
    }
    for (let c = 0; c < n; c++) {
      const parts = fields.filter(([, cells]) => cells[c]).map(([label, cells]) => `${label}: ${cells[c]}`);
      out.push(`${titles[c]} | ${parts.join(' | ')}`);
    }
    i += fields.length;
  }
  return out.join('\n');
}
