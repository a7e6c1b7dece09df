/**
 * A scribe's unproofed correction inside a sentence: "Single-dose vial… actually multi-dose vial", "L— correction, R
 * forearm", "5 mm, I mean 6 mm", "L, sorry, R cheek". The word said second is the one meant: the first is blanked
 * together with the marker (one space a character, so every offset after it stays where it was), and the note reads
 * "multi-dose vial", "R forearm". Only words of one kind are swapped (a side for a side, a number for a number, two
 * words sharing a part such as "-dose"); without such a pair nothing changes and the note is read as written.
 */
const MARKER = String.raw`(?:actually|correction|i\s+mean|sorry|scratch\s+that|make\s+that|rather|strike\s+that)`;
/** The separator before the marker ("…", "...", "—", "--", " - ", ","), the marker, and the punctuation after it. */
const SELF_FIX = new RegExp(String.raw`(?:\.{2,}|…|—|–|--|\s-\s|,)[ \t]*${MARKER}\b[,:;]?[ \t]*(?:[-—–][ \t]*)?`, 'gi');
/** Most notes have no marker at all: one test before the separators are looked for. */
const ANY_MARKER = new RegExp(String.raw`\b${MARKER}\b`, 'i');
const SIDE = /^(?:l|lt|left|r|rt|right|bilat(?:eral)?)\.?$/i;
const NUMBER = /^\d+(?:\.\d+)?(?:[a-z%]{0,3})?$/i;
/** "Shave bx, actually a punch bx": one technique said for another. */
const TECHNIQUE = /^(?:shave|punch|tangential|incisional|excisional|saucerization|curettage|snip|cryo\w*|ln2)$/i;
const WORD = /[A-Za-z0-9][\w.%/-]*/g;

export function appliedSelfCorrections(text: string): string {
  if (!ANY_MARKER.test(text)) return text;
  let out = text;
  for (const m of text.matchAll(SELF_FIX)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    // The words right after the marker, up to the clause's end: what was meant.
    const after = /^[^.,;:\n()]{1,40}/.exec(text.slice(end))?.[0] ?? '';
    // "actually a punch bx": an article before the meant words is not one of them.
    const right = [...after.matchAll(WORD)].filter((w, i) => i > 0 || !/^(?:a|an|the)$/i.test(w[0])).slice(0, 4);
    if (right.length === 0) continue;
    // The words before the separator in the same clause: what was said first.
    const clause = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf(':', at - 1), text.lastIndexOf(',', at - 1), text.lastIndexOf(';', at - 1)) + 1;
    const head = text.slice(Math.max(clause, at - 60), at);
    const said = [...head.matchAll(WORD)].map((w) => w[0]);
    const k = wrongLength(
      said,
      right.map((w) => w[0]),
    );
    if (k === 0) continue;
    const wrong = said.slice(said.length - k);
    const from = at - head.length + lastWordsStart(head, k);
    if (right.length >= k) {
      // "L— correction, R forearm": the words said first and the marker go; what was meant stays where it is.
      out = `${out.slice(0, from)}${' '.repeat(end - from)}${out.slice(end)}`;
      continue;
    }
    // "left forearm, actually right", "single-dose vial… actually multi-dose": the meant words take the place of the first
    // ones said and the rest of the phrase is kept ("right forearm", "multi-dose vial"), padded to the same length.
    const last = right[right.length - 1] as RegExpMatchArray;
    const stop = end + (last.index ?? 0) + last[0].length;
    const phrase = [...right.map((w) => w[0]), ...wrong.slice(right.length)].join(' ');
    if (phrase.length > stop - from) continue;
    out = `${out.slice(0, from)}${phrase}${' '.repeat(stop - from - phrase.length)}${out.slice(stop)}`;
  }
  return out;
}

/** Where the last `k` words of `head` start. */
function lastWordsStart(head: string, k: number): number {
  const starts = [...head.matchAll(WORD)].map((w) => w.index ?? 0);
  return starts[starts.length - k] ?? head.length;
}

/** How many of the last words before the marker were corrected: 0 when no word there is of the kind of the first word after. */
function wrongLength(before: string[], right: string[]): number {
  const meant = right[0] as string;
  for (let k = 1; k <= Math.min(3, before.length); k++) {
    const said = before[before.length - k] as string;
    if (sameKind(said, meant)) return k;
  }
  return 0;
}

function sameKind(said: string, meant: string): boolean {
  if (said.toLowerCase() === meant.toLowerCase()) return false;
  if (SIDE.test(said) && SIDE.test(meant)) return true;
  if (NUMBER.test(said) && NUMBER.test(meant)) return true;
  if (TECHNIQUE.test(said) && TECHNIQUE.test(meant)) return true;
  // "single-dose" / "multi-dose", "intralesional" / "intradermal": words sharing a part.
  const parts = (w: string) =>
    w
      .toLowerCase()
      .split(/[-/]/)
      .filter((p) => p.length >= 3);
  const a = parts(said);
  const b = parts(meant);
  if (a.length > 1 && b.length > 1 && a.some((p) => b.includes(p))) return true;
  return false;
}
