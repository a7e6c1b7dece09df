/**
 * A form laid out as a grid of plain cells (a CSS grid of <div>s, label and value columns of a page builder) has no
 * table to read, so its text comes one cell a line:
 *
 *   Site
 *   R dorsal forearm
 *   Lesion size
 *   0.6 cm
 *
 * Every reader expects a field on one line ("Site: R dorsal forearm"). A run of at least three label / value pairs,
 * each label a short field name of a procedure or a report (site, size, specimen, diagnosis…), is joined pair by pair;
 * other short labels between them ("Body area", "Wound care") are cells of the same grid.
 * One or two such lines are a heading and its text, and are left alone.
 */
const LABEL = /^[A-Z][A-Za-z/#&()' -]{1,28}:?$/;
/** The words a procedure's or a report's field names are made of. */
const FIELD_WORD =
  /\b(?:procedures?|technique|method|type|site|location|side|laterality|size|diameter|dimensions?|margins?|length|repair|closure|diagnosis|dx|indication|impression|specimen|jar|container|lab|anesthe\w*|anaesthe\w*|hemostasis|count|number|lesions?|drug|medication|dose|units|lot|stains?|part|depth|stages?|blocks|destination|findings?|cycles|consent|sutures?|dressing|complications?)$/i;
const MIN_PAIRS = 3;
/** Quick test: two short capitalized lines one line apart. */
const ANY = /\n[A-Z][A-Za-z/#&()' -]{1,28}:?\n[^\n]+\n[A-Z][A-Za-z/#&()' -]{1,28}:?\n/;

function isLabel(line: string | undefined): boolean {
  if (line === undefined) return false;
  const t = line.trim();
  return LABEL.test(t) && t.split(' ').length <= 4 && FIELD_WORD.test(t.replace(/[\s:]+$/, '').replace(/\s*\([^)]*\)$/, ''));
}

function isValue(line: string | undefined): boolean {
  if (line === undefined) return false;
  const t = line.trim();
  // A list under a label ("Procedures:" over "- Shave biopsy…") is a heading's items, not one field's value.
  return t.length > 0 && !/^(?:[-*•]|\d{1,2}[.)]\s)/.test(t) && !t.endsWith(':');
}

/**
 * A run of label / value lines starting at `i` at a field name: its pairs, and how many of their labels name a field.
 * A label that names no field ("Body area", "Hemostatic agent", "Wound care") over a short value is a cell of the same
 * grid when field names follow it; the run ends at its last field name.
 */
function runAt(lines: string[], i: number): { pairs: number; fields: number } {
  let pairs = 0;
  let fields = 0;
  for (let n = 0; isValue(lines[i + 2 * n + 1]); n++) {
    const label = (lines[i + 2 * n] as string).trim();
    if (isLabel(label)) {
      fields++;
      pairs = n + 1;
    } else if (!(n > 0 && LABEL.test(label) && label.split(' ').length <= 3 && (lines[i + 2 * n + 1] as string).trim().length <= 60)) break;
  }
  return { pairs, fields };
}

export function stackedFields(text: string): string {
  if (!ANY.test(`\n${text}`)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let run = runAt(lines, i);
    // A title over the grid that is itself a field name ("Procedure" over "Procedure / Shave biopsy / …") would
    // shift every pair: the run one line on wins when it names more fields.
    if (run.pairs > 0 && runAt(lines, i + 1).fields > run.fields) {
      out.push(lines[i] as string);
      i++;
      run = runAt(lines, i);
    }
    const n = run.pairs;
    if (run.fields < MIN_PAIRS) {
      out.push(lines[i] as string);
      continue;
    }
    for (let k = 0; k < n; k++) {
      const label = (lines[i + 2 * k] as string).trim().replace(/:$/, '');
      out.push(`${label}: ${(lines[i + 2 * k + 1] as string).trim()}`);
    }
    i += 2 * n - 1;
  }
  return out.join('\n');
}

/**
 * A questionnaire grid whose two columns are headed "Question | Answer" (or "Field | Value", "Item | Response") reads
 * row by row as "Question: Biopsy type | Answer: Punch" (block-text labels each cell by its column). The column names
 * say nothing; the row is one field: "Biopsy type: Punch". Two such rows at least, each with the same two headers.
 */
const KEY_VALUE_ROW =
  /^[ \t]*(question|field|item|element|parameter|attribute|name|label|prompt|component)[ \t]*:[ \t]*([^|\n]{1,80}?)[ \t]*\|[ \t]*(answer|value|response|result|entry|details?)[ \t]*:[ \t]*([^\n]*)$/gim;

export function keyValueRows(text: string): string {
  if (!/\|[ \t]*(?:answer|value|response|result|entry|details?)[ \t]*:/i.test(text)) return text;
  const rows = [...text.matchAll(KEY_VALUE_ROW)];
  if (rows.length < 2) return text;
  return text.replace(KEY_VALUE_ROW, (_all, _k: string, label: string, _v: string, value: string) => `${label.replace(/[\s:]+$/, '')}: ${value.trim()}`);
}

/**
 * A table whose every cell stacks a small label over its value ("<td><small>Site</small><br>L temple</td>") reads
 * with the row's cells joined at the label lines:
 *
 *   Procedure
 *   Shave removal | Site
 *   L temple | Lesion diameter
 *   0.7 cm
 *
 * A run of such lines (a label, then "value | label" lines, then a last value; two of them at least) is one row of
 * fields: "Procedure: Shave removal | Site: L temple | Lesion diameter: 0.7 cm".
 */
const CELL_THEN_LABEL = /^(.*\S)[ \t]*\|[ \t]*([^|]+)$/;

export function stackedCells(text: string): string {
  if (!/\|[^|\n]*\n/.test(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fields: string[] = [];
    let label = (lines[i] as string).trim();
    let j = i + 1;
    if (isLabel(label)) {
      for (let m = CELL_THEN_LABEL.exec(lines[j] ?? ''); m?.[1] && m[2] && isLabel(m[2]); m = CELL_THEN_LABEL.exec(lines[++j] ?? '')) {
        fields.push(`${label.replace(/:$/, '')}: ${m[1].trim()}`);
        label = m[2].trim();
      }
    }
    const last = lines[j];
    if (fields.length >= 2 && last !== undefined && !last.includes('|') && isValue(last)) {
      fields.push(`${label.replace(/:$/, '')}: ${last.trim()}`);
      out.push(fields.join(' | '));
      i = j;
    } else out.push(lines[i] as string);
  }
  return out.join('\n');
}

/**
 * A two-column table of label and value cells with no colon ("<td><b>Site</b></td><td>L anterior thigh</td>") reads
 * "Site | L anterior thigh" a row. A run of such rows naming two fields at least (short labels of the form's own between
 * them: "Depth | Full thickness") is a form's fields: "Site: L anterior thigh". A row of column names ("Site | Size")
 * has a field name for a value and is left alone.
 */
const LABEL_CELL = /^[ \t]*([A-Z][A-Za-z/#&()' -]{0,28}[A-Za-z)])[ \t]*\|[ \t]*([^|\n]*[^|\s])[ \t]*$/;

export function pipeFields(text: string): string {
  if (!/\n[ \t]*[A-Z][A-Za-z/#&()' -]{0,29}[ \t]*\|[^|\n]+\n[ \t]*[A-Z][A-Za-z/#&()' -]{0,29}[ \t]*\|[^|\n]+\n/.test(`\n${text}\n`)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let fields = 0;
    let end = i;
    for (let j = i; j < lines.length; j++) {
      const m = LABEL_CELL.exec(lines[j] as string);
      if (!m?.[1] || !m[2] || isLabel(m[2])) break;
      if (isLabel(m[1])) {
        fields++;
        end = j + 1;
      } else if (!(m[1].split(' ').length <= 3 && m[2].length <= 60)) break;
    }
    if (fields < 2) continue;
    for (let k = i; k < end; k++) lines[k] = (lines[k] as string).replace(LABEL_CELL, '$1: $2');
    i = end - 1;
  }
  return lines.join('\n');
}
