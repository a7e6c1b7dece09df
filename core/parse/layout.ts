/**
 * Page layout that export tools add and that carries no meaning, undone before reading:
 * - a margin: every line indented by the same amount (PDF-to-text, print views) is dedented by
 *   that amount, so relative indentation (a stain line under its specimen) is kept;
 * - double spacing: when nearly every line is followed by a blank line and the lines are mostly
 *   short (text copied from a web page with one paragraph per field), one blank line is a line
 *   break and two are a paragraph.
 * The offsets of the result are what spans point into (the parser keeps the text it read).
 */
const FIRST_LINE_INDENTED = /^(?:[ \t\r]*\n)*[ \t]+\S/;
const BLANK_LINE = /\n[ \t\r]*\n/g;

function blankLinesAtMost(text: string, n: number): boolean {
  let found = 0;
  BLANK_LINE.lastIndex = 0;
  // Each match ends on the newline that starts the next line, so back up one to find touching blanks too.
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    if (++found > n) return false;
    BLANK_LINE.lastIndex = m.index + m[0].length - 1;
  }
  return true;
}

export function plainLayout(text: string): string {
  if (text.length === 0 || text.length > 200_000) return text;
  // Most notes have neither: the first filled line starts at the margin, and too few blank lines to be
  // double spaced (at least three line-blank pairs). Answer those without splitting the text.
  if (!FIRST_LINE_INDENTED.test(text) && blankLinesAtMost(text, 2)) return text;
  const lines = text.split('\n');
  let margin = Number.POSITIVE_INFINITY;
  let filled = 0;
  let followedByBlank = 0;
  let short = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim().length === 0) continue;
    filled++;
    if (line.length < 100) short++;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (indent < margin) margin = indent;
    // The empty piece after a final newline is the end of the text, not a blank line.
    if (i + 2 < lines.length && (lines[i + 1] as string).trim().length === 0) followedByBlank++;
  }
  if (filled === 0) return text;
  let out = margin > 0 && margin !== Number.POSITIVE_INFINITY ? lines.map((l) => (l.trim().length === 0 ? '' : l.slice(margin))) : lines;
  // Double spaced: every line but the last has a blank after it (one more may be missing in a longer note), and
  // the lines are mostly short fields; a dictation whose paragraphs are each one long line is not double spaced.
  if (filled >= 4 && followedByBlank >= filled - (filled >= 8 ? 2 : 1) && short * 4 >= filled * 3) {
    const collapsed: string[] = [];
    for (let i = 0; i < out.length; i++) {
      const line = out[i] as string;
      if (line.trim().length > 0) {
        collapsed.push(line);
        continue;
      }
      // A run of blank lines: one is the line break itself, two or more a paragraph break.
      let run = 1;
      while (i + 1 < out.length && (out[i + 1] as string).trim().length === 0) {
        run++;
        i++;
      }
      if (run >= 2) collapsed.push('');
    }
    out = collapsed;
  }
  if (out === lines) return text;
  const joined = out.join('\n');
  return text.endsWith('\n') && !joined.endsWith('\n') ? `${joined}\n` : joined;
}
