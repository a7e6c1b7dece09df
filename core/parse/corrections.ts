import { findSites } from '../anatomy/vocabulary';
import { wordNumber } from './measure';
import { appliedSelfCorrections } from './self-corrections';
import { findTriggers } from './triggers';

/**
 * A signed note corrected by its author: "Addendum: Correction - the shaved lesion was on the L posterior neck, not the
 * L upper back", "Correction: 3 AKs were treated, not 5", "'L cheek' should read 'R cheek'". The correction wins: the
 * wrong words before it are rewritten to the right ones, and the correction sentence itself is blanked (one space a
 * character) so it is not read as one more procedure. A correction that cannot be matched to words before it changes
 * nothing (the engine then reads the note as written).
 */
const CORRECTION_WORDS =
  /\b(?:addend(?:um|a)|correction|corrected|correcting|charting\s+error|documented\s+in\s+error|entered\s+in\s+error|erratum|should\s+(?:read|have\s+read))\b/i;
const NUMBER = String.raw`\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty`;
/** "3 AKs were treated, not 5", "3 AKs not 5", "4 AKs treated (not 6)", "three warts were frozen, not four". */
const COUNT_FIX = new RegExp(String.raw`\b(${NUMBER})\s+([a-z]{2,20})(?:\s+(?:(?:were|was)\s+)?[a-z]+)?,?\s*[([]?\s*(?:and\s+)?not\s+(${NUMBER})\b`, 'i');
/** "was on the L posterior neck, not the L upper back", "site was R, not L". */
const PLACE_FIX =
  /\b(?:was|were|is|are)\s+(?:(?:on|at|from|of|in)\s*)?(?:the\s+)?([A-Za-z][\w /-]{0,40}?),?\s+not\s+(?:(?:on|at|from|of|in)\s*)?(?:the\s+)?([A-Za-z][\w /-]{0,40}?)\s*(?=\s[-–—]\s|[.;,()\n]|$)/i;
/** "Correction: specimen A was obtained by 4 mm punch, not shave": the technique of one jar. */
const SPECIMEN_FIX =
  /\bspec(?:imen)?\.?\s*(?:#\s*)?([A-Z]|\d{1,2})\b[^.\n]{0,30}?\b(?:was|is)\s+(?:(?:obtained|taken|done|performed|removed)\s+(?:by|with|as)\s+|by\s+|an?\s+)?(?:an?\s+)?([\w -]{1,30}?),?\s+not\s+(?:by\s+)?(?:an?\s+)?([\w -]{1,25}?)\s*(?=[-–—.;,()\n]|$)/i;
const SIDE = /^(?:l|lt|left|r|rt|right)$/i;
/** "'L upper back' should read 'L posterior neck'". */
const SHOULD_READ = /["'“‘]([^"'”’\n]{1,40})["'”’]\s+should\s+(?:have\s+)?read\s+["'“‘]([^"'”’\n]{1,40})["'”’]/i;

export function appliedCorrections(raw: string): string {
  // The scribe's own corrections inside a sentence first ("L— correction, R forearm"): the word said second is meant.
  const text = appliedSelfCorrections(raw);
  if (!CORRECTION_WORDS.test(text)) return text;
  let out = text;
  // Sentences (or lines) that say they correct something, latest last.
  const sentence = /[^.\n]*[.\n]?/g;
  for (let m = sentence.exec(out); m && m[0] !== ''; m = sentence.exec(out)) {
    const s = m[0];
    const start = m.index;
    if (!CORRECTION_WORDS.test(s) && !SHOULD_READ.test(s) && !/^\s*(?:also\s+)?correction\b/i.test(s)) continue;
    const before = out.slice(0, start);
    // A jar's correction is applied to that jar's lines only, never to every mention of the word.
    const fixed = fixRetracted(before, s) ?? fixCount(before, s) ?? (SPECIMEN_FIX.test(s) ? fixSpecimen(before, s) : fixPlace(before, s));
    if (fixed === undefined) continue;
    // The earlier text may change length (15 -> 3); the sentence is blanked in place.
    const blank = s.replace(/[^\n]/g, ' ');
    out = `${fixed}${blank}${out.slice(start + s.length)}`;
    sentence.lastIndex = fixed.length + blank.length;
  }
  return out;
}

/** "the cryotherapy in procedure 2 was not performed." (said of a procedure, not "was not performed on the L arm but …"). */
const RETRACTED =
  /\b(?:was|were)\s+not\s+(?:actually\s+)?(?:performed|done|given|treated|frozen|biopsied|excised|removed)(?=\s*(?:today\s*)?(?:[.;,(]|$))|\b(?:was|were)\s+(?:documented|charted|entered)\s+in\s+error\b/i;

/**
 * "Correction: the cryotherapy in procedure 2 was not performed": the earlier lines telling that procedure (its kind, and
 * the item number or site the correction names) are blanked, so it is not coded; the rest of the note stays as written.
 */
function fixRetracted(before: string, s: string): string | undefined {
  const m = RETRACTED.exec(s);
  if (!m) return undefined;
  const head = s.slice(0, m.index);
  const family = findTriggers(head).at(-1)?.family;
  if (!family) return undefined;
  const item = /\b(?:procedure|item|#)\s*#?\s*(\d{1,2})\b/i.exec(head)?.[1];
  const sites = findSites(head, { strict: true }).map((x) => x.site.key);
  let hit = false;
  const fixed = before.replace(/[^\n]+/g, (line) => {
    if (!findTriggers(line).some((t) => t.family === family)) return line;
    if (item && !new RegExp(String.raw`^\s*${item}\s*[.)]`).test(line)) return line;
    if (sites.length > 0 && !findSites(line, { strict: true }).some((x) => sites.includes(x.site.key))) return line;
    hit = true;
    return line.replace(/./g, ' ');
  });
  return hit ? fixed : undefined;
}

function numberOf(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : wordNumber(word.toLowerCase());
}

/** "3 AKs were treated, not 5": the count 5 next to the same noun earlier ("AK x5", "5 AKs", "AKs x 5") becomes 3. */
function fixCount(before: string, s: string): string | undefined {
  const m = COUNT_FIX.exec(s);
  if (!m) return undefined;
  const right = numberOf(m[1] as string);
  const wrong = numberOf(m[3] as string);
  if (right === undefined || wrong === undefined || right === wrong) return undefined;
  const stem = (m[2] as string)
    .toLowerCase()
    .replace(/(?:es|s)$/, '')
    .slice(0, 6);
  if (stem.length < 2) return undefined;
  const wrongWords = `${wrong}|${NUMBER.split('|')[wrong] ?? wrong}`;
  const near = new RegExp(String.raw`(\b${stem}[a-z]*\s*(?:x|×|#|:)\s*)(${wrongWords})\b|\b(${wrongWords})(\s+(?:[a-z-]+\s+)?${stem}[a-z]*\b)`, 'gi');
  let hit = false;
  const fixed = before.replace(near, (whole: string, lead?: string, _n?: string, _n2?: string, tail?: string) => {
    hit = true;
    return lead !== undefined ? `${lead}${right}` : tail !== undefined ? `${right}${tail}` : whole;
  });
  return hit ? fixed : undefined;
}

/** "the lesion was on the L posterior neck, not the L upper back": every earlier "L upper back" becomes "L posterior neck". */
function fixPlace(before: string, s: string): string | undefined {
  const read = SHOULD_READ.exec(s);
  const m = read ? { right: read[2] as string, wrong: read[1] as string } : placeOf(s);
  if (!m) return undefined;
  const wrong = m.wrong.trim();
  const right = m.right.trim();
  if (wrong.length < 1 || right.length < 1 || wrong.toLowerCase() === right.toLowerCase()) return undefined;
  if (SIDE.test(wrong.replace(/\.$/, ''))) return fixSide(before, right, wrong.replace(/\.$/, ''));
  const re = new RegExp(String.raw`\b${escapeRegex(wrong)}\b`, 'gi');
  if (!re.test(before)) return undefined;
  return before.replace(re, right);
}

/** "specimen A was obtained by 4 mm punch, not shave": only the lines naming jar A change their technique word. */
function fixSpecimen(before: string, s: string): string | undefined {
  const m = SPECIMEN_FIX.exec(s);
  if (!m) return undefined;
  const label = m[1] as string;
  const right = (m[2] as string).trim();
  const wrong = (m[3] as string).trim();
  if (!right || !wrong || right.toLowerCase() === wrong.toLowerCase()) return undefined;
  // The label keeps its case ("spec A", never "a"); the words around it may be typed in any case.
  const names = new RegExp(String.raw`\b[Ss][Pp][Ee][Cc](?:[Ii][Mm][Ee][Nn])?\.?\s*#?\s*${label}\b|\(${label}\)|\b[Jj][Aa][Rr]\s+${label}\b`);
  const word = new RegExp(String.raw`\b${escapeRegex(wrong)}\b`, 'gi');
  let hit = false;
  const fixed = before.replace(/[^\n]+/g, (line) => {
    if (!names.test(line) || !word.test(line)) return line;
    hit = true;
    return line.replace(word, right);
  });
  return hit ? fixed : undefined;
}

function escapeRegex(t: string): string {
  return t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * "site was R, not L", "the wart was on the R index finger, not the L": only the side changes. It is applied when every
 * earlier site on the wrong side is one site (one lesion); otherwise which one is meant is not clear and nothing changes.
 */
function fixSide(before: string, rightPhrase: string, wrongSide: string): string | undefined {
  const rightSide = /^(?:the\s+)?(l|lt|left|r|rt|right)\b/i.exec(rightPhrase)?.[1];
  if (!rightSide) return undefined;
  const want = /^l/i.test(wrongSide) ? 'left' : 'right';
  if (/^l/i.test(rightSide) === (want === 'left')) return undefined;
  const matches = findSites(before, { strict: true }).filter((x) => x.site.laterality === want);
  if (matches.length === 0 || new Set(matches.map((x) => x.site.key)).size > 1) return undefined;
  let out = before;
  for (const x of [...matches].sort((a, b) => b.start - a.start)) {
    const span = out.slice(x.start, x.end);
    const swapped = span.replace(/\b(l|lt|left)\b|\b(r|rt|right)\b/i, (w) => flipSide(w));
    if (swapped === span) {
      // The side word just before the site ("L. index finger" read as the finger alone).
      const lead = /(\b(?:l|lt|left|r|rt|right))(\.?\s+)$/i.exec(out.slice(Math.max(0, x.start - 8), x.start));
      if (!lead) continue;
      const at = x.start - lead[0].length;
      out = `${out.slice(0, at)}${flipSide(lead[1] as string)}${lead[2]}${out.slice(x.start)}`;
      continue;
    }
    out = `${out.slice(0, x.start)}${swapped}${out.slice(x.end)}`;
  }
  return out === before ? undefined : out;
}

function flipSide(w: string): string {
  const map: Record<string, string> = { l: 'r', lt: 'rt', left: 'right', r: 'l', rt: 'lt', right: 'left' };
  const flipped = map[w.toLowerCase()] ?? w;
  if (w === w.toUpperCase()) return flipped.toUpperCase();
  if (w[0] === w[0]?.toUpperCase()) return flipped.charAt(0).toUpperCase() + flipped.slice(1);
  return flipped;
}

function placeOf(s: string): { right: string; wrong: string } | undefined {
  const m = PLACE_FIX.exec(s);
  if (!m) return undefined;
  return { right: m[1] as string, wrong: m[2] as string };
}
