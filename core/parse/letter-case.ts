/**
 * A note typed all in lower case ("shave bx r cheek, spec a") still names its jars: the readers
 * take only capital letters as specimen and lesion labels (in ordinary notes a lower-case "a" is an
 * article). When a note has (almost) no capitals at all, the letters in label positions are raised:
 * after a jar word ("specimen a", "specimens a and b", "jar c"), in parentheses ("(b)"), and as a
 * list item at the start of a line ("a) ", "b. "). One code unit for one, so spans keep their offsets.
 */
const JAR_LIST =
  /\b((?:spec(?:imen)?s?|jars?|containers?|bottles?|parts?|label(?:l?ed)?(?:\s+as)?)\s*[#:]?\s*)([a-h](?:\s*(?:,|and|&|\/)\s*[a-h])*)\b(?![-'])/g;
const PAREN_LABEL = /\(([a-h])\)/g;
const LINE_LABEL = /^([ \t]*(?:[-*•][ \t]*)?)([a-h])([.):])(?=[ \t])/gm;

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

export function capitalLabels(text: string): string {
  if (!isLowerCaseNote(text)) return text;
  return text
    .replace(JAR_LIST, (_m, lead: string, list: string) => lead + list.replace(/\b[a-h]\b/g, (l) => l.toUpperCase()))
    .replace(PAREN_LABEL, (_m, l: string) => `(${l.toUpperCase()})`)
    .replace(LINE_LABEL, (_m, lead: string, l: string, mark: string) => `${lead}${l.toUpperCase()}${mark}`);
}
