/**
 * A procedure form that records the side in a field of its own, apart from the place (Epic's procedure documentation
 * and many templates: "Laterality: Right" over "Location: Upper eyelid", or both as cells of one row). The site
 * readers look for the side in the site's own words, so the side is written into the location:
 *
 *   Laterality: Right            Laterality: Right
 *   Location: Upper eyelid  ->   Location: right Upper eyelid
 *
 * The location field is the next or previous site field of the same block (no blank line, at most three lines away), or
 * a cell of the same row; one that already names a side, and a side that is not left or right, are left alone.
 */
const SIDE = /^[ \t]*(?:laterality|side)[ \t]*:[ \t]*(right|left|rt|lt|r|l)\.?[ \t]*$/i;
const SITE_FIELD = /^([ \t]*(?:anatomic(?:al)?\s+)?(?:location|site|body\s+site)[ \t]*:[ \t]*)(\S.*)$/i;
const NAMES_SIDE = /\b(?:right|left|rt|lt|r|l|bilateral|bilat|both)\b/i;
const MAX_CHARS = 200_000;

function sideWord(raw: string): string {
  return /^r/i.test(raw) ? 'right' : 'left';
}

/** The cells of a " | " row with the side written into its site cell, or undefined when nothing changes. */
function sidedRow(line: string): string | undefined {
  const cells = line.split(' | ');
  if (cells.length < 2) return undefined;
  const side = cells.map((c) => SIDE.exec(c)).find((m) => m);
  const at = cells.findIndex((c) => SITE_FIELD.test(c));
  if (!side?.[1] || at < 0) return undefined;
  const m = SITE_FIELD.exec(cells[at] as string);
  if (!m || NAMES_SIDE.test(m[2] as string)) return undefined;
  cells[at] = `${m[1]}${sideWord(side[1])} ${m[2]}`;
  return cells.join(' | ');
}

export function sideFields(text: string): string {
  if (text.length > MAX_CHARS) return sideFields(text.slice(0, MAX_CHARS)) + text.slice(MAX_CHARS);
  if (!/\b(?:laterality|side)[ \t]*:/i.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const row = line.includes(' | ') ? sidedRow(line) : undefined;
    if (row) {
      lines[i] = row;
      changed = true;
      continue;
    }
    const side = SIDE.exec(line);
    if (!side?.[1]) continue;
    // The nearest site field of the same block: after the side first, then before it.
    for (const step of [1, -1]) {
      let done = false;
      for (let k = i + step, n = 0; n < 3 && k >= 0 && k < lines.length; k += step, n++) {
        const other = lines[k] as string;
        if (other.trim() === '' || SIDE.test(other)) break;
        const m = SITE_FIELD.exec(other);
        if (!m) continue;
        if (!NAMES_SIDE.test(m[2] as string)) {
          lines[k] = `${m[1]}${sideWord(side[1])} ${m[2]}`;
          changed = true;
        }
        done = true;
        break;
      }
      if (done) break;
    }
  }
  return changed ? lines.join('\n') : text;
}
