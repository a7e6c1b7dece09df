import type { Procedure } from '../model';
import type { RuleContext } from './define-rule';

/**
 * All the note text about one procedure: the chart words its span covers (the whole
 * procedure block, which is often longer than `Procedure.text`) plus the parser's text.
 * Rules that read details the model has no field for (frozen sections, stains written in a
 * Mohs note, infusion times, peel depth) read this, never the whole note.
 */
export function procedureText(ctx: Pick<RuleContext, 'encounter'>, p: Procedure): string {
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  const spanned = section && span ? section.slice(span.start, span.end) : '';
  if (!spanned) return p.text;
  return spanned.includes(p.text) ? spanned : `${spanned}\n${p.text}`;
}

/** "Punch bx for DIF (Michel's medium)": tissue for direct immunofluorescence (an inflammatory or blistering work-up). */
export const IMMUNOFLUORESCENCE =
  /\b(?:dif|direct\s+immunofluorescence|immunofluorescen\w*|michel'?s?(?:\s+(?:medium|media|solution|transport))?|zeus\s+(?:medium|media|fixative))\b/i;

const NUMBER_WORDS: Record<string, number> = {
  // "both keloids were injected": two lesions.
  both: 2,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
const NUMBER = `\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}`;
const toNumber = (t: string) => (/^\d+$/.test(t) ? Number(t) : NUMBER_WORDS[t.toLowerCase()]);

/**
 * A count of the named things written in the procedure text: "9 patches", "each of the 8 nodules",
 * "Keloids x3", "seven nails". Used only when the parser gave no count; the noun list keeps
 * doses ("40 mg") and sizes ("4 mm") out.
 */
export function countInText(text: string, nouns: string): number | undefined {
  const { before, after } = countPatterns(nouns);
  const counted = before.exec(text);
  if (counted) return toNumber(counted[1] as string);
  const times = after.exec(text);
  return times ? toNumber(times[1] as string) : undefined;
}

/** The two count patterns for a noun list, built once per list (the lists are a few constants). */
const countPatternsByNouns = new Map<string, { before: RegExp; after: RegExp }>();
function countPatterns(nouns: string): { before: RegExp; after: RegExp } {
  let patterns = countPatternsByNouns.get(nouns);
  if (!patterns) {
    patterns = {
      // Not the digits of a decimal dose or a range ("0.8 mL each lesion" is not 8 lesions), nor a drug's strength
      // ("Kenalog-10 to the keloid" is not 10 keloids), nor an item number ("#6 keloid upper chest x1"): a count stands
      // before its noun, with no "to the" between.
      // A word between starts with a letter: "Procedure 2 of 2 - NAIL AVULSION" is the title's position, not 2 nails.
      // \b before the lookbehind (the same checks at one position) lets the engine try word starts only.
      before: new RegExp(`\\b(?<![\\d.,/#-])(${NUMBER})\\s+(?:(?!(?:to|into|in|on|of|the|a|an)\\s)[a-z][a-z-]*\\s+){0,2}?(?:${nouns})\\b`, 'i'),
      after: new RegExp(`\\b(?:${nouns})\\s*(?:x|×|#)\\s*(\\d{1,3})\\b`, 'i'),
    };
    countPatternsByNouns.set(nouns, patterns);
  }
  return patterns;
}

/** Nouns for injected/pared lesions. Never "sites" or "injections": CPT counts lesions, not needle sticks. */
export const LESION_NOUNS = 'lesions?|patch(?:es)?|keloids?|nodules?|cysts?|plaques?|scars?|papules?|spots?|warts?|calluses|callus|callosities|corns?|areas?';
/** Nouns for nails. */
export const NAIL_NOUNS = 'nails?|toenails?|fingernails?|nail plates?';

/**
 * How many lesions (or nails) a procedure treated: the parser's count, the lesion labels, or a
 * count written in the text. When the parser's count and the text disagree, the smaller one is
 * used (the lowest supported code) and `conflict` says so, so the rule can ask to verify.
 */
export function documentedCount(
  ctx: Pick<RuleContext, 'encounter'>,
  p: Procedure,
  nouns: string,
): { count: number | undefined; conflict?: { parsed: number; text: number } } {
  const text = procedureText(ctx, p);
  const fromText = countInText(text, nouns);
  if (p.count !== undefined && fromText !== undefined && fromText !== p.count && p.lesionLabels.length <= 1) {
    // "R axilla 3 nodules …, L axilla 2 nodules …": counts per site that add up to the parsed count agree with it.
    const { before } = countPatterns(nouns);
    let sum = 0;
    for (const m of text.matchAll(new RegExp(before.source, 'gi'))) sum += toNumber(m[1] as string) ?? 0;
    if (sum === p.count) return { count: p.count };
    return { count: Math.min(p.count, fromText), conflict: { parsed: p.count, text: fromText } };
  }
  return { count: p.count ?? (p.lesionLabels.length > 1 ? p.lesionLabels.length : undefined) ?? fromText ?? (p.lesionLabels.length || undefined) };
}

/** An area written in sq cm ("24 sq cm", "30 cm2"), when the text holds exactly one. */
export function areaInText(text: string): number | undefined {
  const values = new Set([...text.matchAll(/(\d+(?:\.\d+)?)\s*(?:sq\.?\s*cm|cm2|cm²|square\s+centimet(?:er|re)s?)/gi)].map((m) => Number(m[1])));
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * The paragraph a procedure sits in: from the start of its first line to the next blank line
 * (template notes put "Medication:" or "Dose:" on the lines under "Procedure:"). Capped.
 * `from: 'paragraph'` starts at the blank line before instead, so the lesion line above the
 * procedure ("Laceration of the L forehead … (S01.81XA).") is part of it too.
 */
export function procedureParagraph(ctx: Pick<RuleContext, 'encounter'>, p: Procedure, from: 'line' | 'paragraph' = 'line'): string {
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  if (!span || !section) return p.text;
  const lineStart = section.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  let start = lineStart;
  if (from === 'paragraph') {
    const headStart = Math.max(0, lineStart - 800);
    const blank = [...section.slice(headStart, lineStart).matchAll(/\n[ \t]*\n/g)].pop();
    start = blank ? headStart + (blank.index ?? 0) + blank[0].length : headStart;
  }
  const rest = section.slice(start, lineStart + 800);
  const blank = /\n\s*\n/.exec(section.slice(lineStart, lineStart + 800));
  return blank ? section.slice(start, lineStart + blank.index) : rest;
}

/**
 * procedureParagraph without the lines of the visit's other performed procedures ("Also: onychomycosis of 6 toenails …
 * debrided" under a nail avulsion, "Also today: skin tag snipped x1, not sent" under an excision): those lines tell
 * their own procedure's diagnosis and tissue. `keep` names procedures whose lines stay (the others of one specimen).
 */
export function ownParagraph(ctx: Pick<RuleContext, 'encounter' | 'performed'>, p: Procedure, keep: readonly string[] = []): string {
  const text = procedureParagraph(ctx, p);
  const others = ctx
    .performed()
    .filter((o) => o.id !== p.id && !keep.includes(o.id) && o.text.length >= 12)
    .map((o) => o.text.slice(0, 40));
  if (others.length === 0) return text;
  const own = p.text.slice(0, 40);
  return text
    .split('\n')
    .filter((line) => line.includes(own) || !others.some((o) => line.includes(o)))
    .join('\n');
}
