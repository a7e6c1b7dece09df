/**
 * Words run together where a page put two inline elements side by side with no space between them (a framework's
 * chips: "<span>Shave biopsy</span><span>L forearm</span><span>Specimen A</span>", spaced on screen by CSS only)
 * read "Shave biopsyL forearmSpecimen A". They are split where one word plainly ends and the next begins:
 * - a word of three lower-case letters or more, or a size unit after its number ("0.6 cmSpecimen"), followed straight
 *   by a capital that starts a word ("biopsyL ", "forearmSpecimen", "mmR anterior");
 * - a lone capital followed by a capitalized word ("Specimen BClosed with");
 * - such a word followed by a count or size ("nose7 lesions", "forearm0.6 cm").
 * Short runs and stain names are left alone: units and names ("mL", "mmHg", "eGFR", "McKenzie"), "sox10 immunostain".
 */
const GLUED =
  /\b((?:[A-Z]?[a-z]*[a-z]{3}|\d(?:\.\d+)? ?[cm]m|[A-Z]))(?=[A-Z][a-z]{2,}\b|(?<![A-Z])(?<=[a-z])[A-Z]\b|(?<=[a-z])\d+(?:\.\d+)? ?(?:[cm]m|lesions?|AKs?|warts?|tags?|papules?|keratoses)(?![a-z]))/g;

export function gluedWords(text: string): string {
  if (!/[a-z][A-Z\d]|[A-Z][A-Z][a-z]/.test(text)) return text;
  return text.replace(GLUED, '$1 ');
}
