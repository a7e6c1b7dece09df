import { wordNumber } from './measure';

/**
 * Dictated sizes written in words ("one point two centimeters", "five-millimeter margins", "twelve mm")
 * become digits, so the size readers see "1.2 centimeters" as if typed. The digits are padded with
 * spaces to the length of the words they replace, so every offset (spans) into the text stays valid.
 * Only a number right before a length unit is touched: "one percent lidocaine", "three-oh Vicryl" and
 * "twelve o'clock" keep their words. A length unit spelled out after a number ("5.5 centimeters",
 * "5-millimeter margins") is abbreviated the same way (cm, mm), as the margin, excised-diameter and
 * length readers expect.
 */
const DIGIT = 'zero|oh|one|two|three|four|five|six|seven|eight|nine';
const WHOLE = `(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight|nine`;
const WORD_SIZE = new RegExp(
  String.raw`\b(${WHOLE})(?:\s+point((?:\s+(?:${DIGIT})){1,3}))?(?:\s+|-)(?=(?:centimet(?:er|re)s?|millimet(?:er|re)s?|cm|mm)\b)`,
  'gi',
);
const HAS_WORD_SIZE = /\b(?:centimet|millimet|cm\b|mm\b)/i;
const SPELLED_UNIT = /(\d)([ \t]*|-)(centimet(?:er|re)s?|millimet(?:er|re)s?)\b/gi;

export function digitSizes(text: string): string {
  if (!HAS_WORD_SIZE.test(text)) return text;
  return wordNumbers(text).replace(SPELLED_UNIT, (whole: string, digit: string, _gap: string, unit: string) =>
    `${digit} ${/^c/i.test(unit) ? 'cm' : 'mm'}`.padEnd(whole.length, ' '),
  );
}

function wordNumbers(text: string): string {
  return text.replace(WORD_SIZE, (whole: string, int: string, decimals: string | undefined) => {
    const n = wordNumber(int);
    if (n === undefined) return whole;
    let digits = String(n);
    if (decimals) {
      const ds = decimals
        .trim()
        .split(/\s+/)
        // "point oh five": "oh" is a spoken zero after the point.
        .map((d) => (/^oh$/i.test(d) ? 0 : wordNumber(d)));
      if (ds.some((d) => d === undefined)) return whole;
      digits += `.${ds.join('')}`;
    }
    return `${digits} `.padEnd(whole.length, ' ');
  });
}
