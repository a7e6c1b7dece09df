/**
 * Unicode space separators (no-break space from EMR copy-paste, thin and narrow no-break spaces
 * in "0.5 cm", the ideographic space) and lone carriage returns (old Mac exports), each turned
 * into its plain ASCII counterpart. One code unit for one code unit, so every offset (spans)
 * into the text stays valid. The readers' patterns use `[ \t]` and `\n` on purpose; without this,
 * "Procedure:\u00a0Shave" or "0.4\u00a0cm" read differently from the same words typed.
 */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const LONE_CR = /\r(?!\n)/g;
/**
 * Invisible format characters a word processor or web editor leaves inside words and numbers: the soft hyphen
 * ("exci\u00adsion", "2.\u00ad0 cm"), zero-width space, non-joiner and joiner, word joiner and byte-order mark
 * ("Spec\u200bimen", "C44.3\u200b19"). They print nothing, so they go (the only step here that shortens the text; it
 * runs first, before any reader takes an offset). A non-breaking hyphen is a hyphen.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function plainSpaces(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\u2011/g, '-')
    .replace(ODD_SPACE, ' ')
    .replace(LONE_CR, '\n');
}
