/**
 * A template line of options flattened to text, "Type: [x] Shave/tangential  [ ] Punch  [ ] Incisional": only the
 * ticked option was done. The words after an unticked box (up to the next box or the end of the line) are blanked,
 * one space per character, so every offset into the text stays valid and no reader sees the options not chosen.
 * A line that opens with its only box ("[ ] Excision") is left to the procedure reader, which skips the whole line.
 * A line that ends with a box ("Yes [ ] No [x]") puts each box after its option.
 */
// "(•) Sent   ( ) Not sent": a radio button is ticked with a dot ("(•)", "(●)", "(*)") as well as an x.
const BOX = /\[\s{0,2}[xX✓✔]?\s{0,2}\]|[☐□☑☒]|\(\s?[xX✓✔•●◉*]?\s?\)/g;
const TICKED = /[xX✓✔☑☒•●◉*]/;
/** Quick test before the line-by-line work: most notes hold no inline box at all. */
const ANY_BOX = /\[\s{0,2}\]|[☐□]|\(\s\)/;

export function untickedOptions(text: string): string {
  if (!ANY_BOX.test(text)) return text;
  return text.replace(/[^\n]+/g, (line) => {
    const boxes = [...line.matchAll(BOX)];
    if (boxes.length < 2) return line;
    const last = boxes[boxes.length - 1] as RegExpMatchArray;
    // "Sent to pathology: Yes [ ] No [x]": each box follows its word. Blank from the box before (or the label's ":", or the word).
    if (line.slice((last.index ?? 0) + last[0].length).trim() === '' && /\w[^\w\n]{0,3}$/.test(line.slice(0, boxes[0]?.index ?? 0))) {
      const chars = line.split('');
      const head = line.slice(0, boxes[0]?.index ?? 0);
      const colon = head.lastIndexOf(':');
      let from = colon >= 0 ? colon + 1 : head.search(/\S+\s*$/);
      for (const m of boxes) {
        const at = m.index ?? 0;
        if (!TICKED.test(m[0])) for (let k = from; k < at; k++) if (chars[k] !== undefined) chars[k] = ' ';
        from = at + m[0].length;
      }
      return chars.join('');
    }
    let out = '';
    let from = 0;
    for (const [i, m] of boxes.entries()) {
      const start = m.index ?? 0;
      const end = i + 1 < boxes.length ? (boxes[i + 1]?.index ?? line.length) : line.length;
      if (TICKED.test(m[0])) continue;
      const optionStart = start + m[0].length;
      out += line.slice(from, optionStart) + ' '.repeat(end - optionStart);
      from = end;
    }
    return out + line.slice(from);
  });
}
