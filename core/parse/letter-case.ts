/**
 * A note typed all in lower case ("shave bx r cheek, spec a") still names its jars: the readers
 * take only capital letters as specimen and lesion labels (in ordinary notes a lower-case "a" is an
 * article). When a note has (almost) no capitals at all, the letters in label positions are raised:
 * after a jar word ("specimen a", "specimens a and b", "jar c"), in parentheses ("(b)"), and as a
 * list item at the start of a line ("a) ", "b. "), and before a mark no article takes ("a) bcc", "a: scc",
 * "a -- dermatofibroma"). One code unit for one, so spans keep their offsets.
 */
const JAR_LIST =
  /\b((?:spec(?:imen)?s?|jars?|containers?|bottles?|parts?|label(?:l?ed)?(?:\s+as)?)\s*(?:[#:]\s*)?)([a-h](?:\s*(?:,|and|&|\/|-|\u2013|through)\s*[a-h])*)\b(?![-'])/g;
const PAREN_LABEL = /\(([a-h])\)/g;
/** "a) ", "b. ", and "a - vertex, active edge: 4 mm punch" (a letter and a dash opening a line is no article). */
const LINE_LABEL = /^([ \t]*(?:[-*•][ \t]*)?)([a-h](?:[-\u2013][a-h])?)([.):]|(?=[ \t]+[-\u2013\u2014]{1,2}[ \t]))(?=[ \t])/gm;
/** "path 03/23/2026: a. l axilla: …": a letter and a full stop right after a colon. */
const COLON_DOT_LABEL = /(:[ \t]*)([a-h])(?=\.[ \t])/g;
/** "results: a) bcc. b) scc in situ", "pathology a: melanoma", "scanned: a -- bcc": the article is never followed by these marks. */
const MARKED_LABEL = /(^|[\s(;,.:])([a-h])(?=[):](?:[ \t]|$)|[ \t]*(?:--|\u2013|\u2014)[ \t])/gm;

/** "lesion a is a biopsy-proven bcc …", "lesions b and c were …", "tumor a:": no article stands between these words. */
const LESION_LABEL =
  /\b((?:lesions?|tumou?rs?|sites?)\s+)([a-h](?:\s*(?:,|and|&)\s*[a-h])*)(?=\s+(?:is|was|were|are|on|of|at|measur\w*|[-\u2013\u2014])\s|\s*[:)])/g;
/** "immunohistochemistry on block a1", "cassettes a2 and b1": a letter with its block number is a part's, never an article. */
const BLOCK_LABEL = /\b([a-h])(?=\d{1,2}\b)(?<=\b(?:blocks?|cassettes?|and|,)\s*#?[a-h])/g;
/** "| a | superior | punch 2 mm |": a letter alone in a table cell is the row's jar, never an article. */
const CELL_LABEL = /(\|[ \t]*)([a-h])(?=[ \t]*\|)/g;
/** "allergic contact dermatitis (l23.9)": an ICD-10-CM code typed in lower case (letter, two digits, a dot) is raised whole. */
const ICD_CODE = /\b[a-tv-z]\d{2}\.[0-9a-z]{1,4}\b/g;

/** True when the text has letters but fewer than one capital in 200. */
export function isLowerCaseNote(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    }
  }
  return letters >= 40 && capitals * 200 < letters;
}

/** SOAP headings ("s:", "o:", "a:", "p:" at line starts): raised when two or more open lines, as sections.ts reads them. */
const SOAP_LINE = /^([ \t]*)([soap])(?=:)/gm;

/** "a) AKs: …" / "b) Common warts: …" opening lines: a lettered list's item marks (one letter and a parenthesis). */
const LETTERED_ITEM = /^([ \t]*)([a-h])\)(?=[ \t])/gm;

/**
 * Lower-case item letters of a list ("a) …", "b) …", "c) …" opening lines, in order from a) are raised in any note: a list
 * lettered in lower case names its items as one in capitals does; a lone "a)" is left alone.
 */
function letteredList(text: string): string {
  if (!/^[ \t]*[ab]\)/m.test(text)) return text;
  const letters = [...text.matchAll(LETTERED_ITEM)].map((m) => m[2] as string);
  if (letters.length < 2 || letters.some((l, k) => l.charCodeAt(0) !== 97 + k)) return text;
  return text.replace(LETTERED_ITEM, (_m, lead: string, l: string) => `${lead}${l.toUpperCase()})`);
}

export function capitalLabels(text: string): string {
  if (!isLowerCaseNote(text)) return letteredList(text);
  const soap = (text.match(SOAP_LINE) ?? []).length >= 2;
  return (soap ? text.replace(SOAP_LINE, (_m, lead: string, l: string) => lead + l.toUpperCase()) : text)
    .replace(JAR_LIST, (_m, lead: string, list: string) => lead + list.replace(/\b[a-h]\b/g, (l) => l.toUpperCase()))
    .replace(PAREN_LABEL, (_m, l: string) => `(${l.toUpperCase()})`)
    .replace(LINE_LABEL, (_m, lead: string, l: string, mark: string) => `${lead}${l.toUpperCase()}${mark}`)
    .replace(MARKED_LABEL, (_m, lead: string, l: string) => `${lead}${l.toUpperCase()}`)
    .replace(COLON_DOT_LABEL, (_m, lead: string, l: string) => `${lead}${l.toUpperCase()}`)
    .replace(LESION_LABEL, (_m, lead: string, list: string) => lead + list.replace(/\b[a-h]\b/g, (l) => l.toUpperCase()))
    .replace(BLOCK_LABEL, (l) => l.toUpperCase())
    .replace(CELL_LABEL, (_m, lead: string, l: string) => `${lead}${l.toUpperCase()}`)
    .replace(ICD_CODE, (code) => code.toUpperCase());
}
