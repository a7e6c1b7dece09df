import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../core/parse';
import { GATED, gateOf, groupedByFirstLetter, indexText, mayMatch, topLevelAlternatives, unionGate } from '../../../core/parse/prefilter';

/**
 * A gate may only say "cannot match" when the regex really cannot match: otherwise the parser would miss a word
 * it used to find. Checked on every gated regex of the parser against the whole fixture corpus (whole notes,
 * lines and sentences) and against generated text made of the regexes' own words in mixed case.
 */

const ROOT = resolve(__dirname, '../../..');
const plain = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
const passes = (re: RegExp, text: string) => mayMatch(gateOf(re), indexText(text));

describe('regex gates', () => {
  it('reject text without the first letters of any match', () => {
    expect(passes(/\b(?:bcc|basal\s+cell)\b/i, 'pink papule on the back')).toBe(false);
    expect(passes(/\b(?:bcc|basal\s+cell)\b/i, 'r/o BCC')).toBe(true);
    expect(passes(/\b(?:bcc|basal\s+cell)\b/i, 'Basal cell carcinoma')).toBe(true);
    // \b then a word character: matches start at word starts only ("back" has "ak" inside a word).
    expect(passes(/\baks?\b/i, 'on the back')).toBe(false);
    expect(passes(/\baks?\b/i, '12 AKs')).toBe(true);
  });

  it('stay open for branches that need no word start, and for matches shorter than three letters', () => {
    expect(passes(/\bfoo|bar/i, 'crowbar')).toBe(true);
    expect(passes(/\bx\b/i, 'x')).toBe(true);
    expect(passes(/\bab\b/i, 'an ab.')).toBe(true);
    expect(passes(/(?<![\d.])(\d{1,3})\s*(cm|mm)/i, 'size 12mm')).toBe(true);
  });

  it('join into one gate that passes exactly when one of them would', () => {
    const union = unionGate([gateOf(/\b(?:bcc|basal\s+cell)\b/i), gateOf(/\baks?\b/i)]);
    expect(mayMatch(union, indexText('pink papule on the back'))).toBe(false);
    expect(mayMatch(union, indexText('r/o BCC'))).toBe(true);
    expect(mayMatch(union, indexText('12 AKs'))).toBe(true);
    // A gate that always passes makes the union always pass.
    expect(mayMatch(unionGate([gateOf(/\baks?\b/i), gateOf(/\bfoo|bar/i)]), indexText('nothing here'))).toBe(true);
  });

  it('read class ranges written with escapes', () => {
    expect(passes(/[\x41-\x5a]q/, 'Mq')).toBe(true);
    expect(passes(/[\u0041-\u005a]q/, 'Mq')).toBe(true);
    expect(passes(/\bz[\u2013-]x/, 'z–x')).toBe(true);
    expect(passes(/\bz[\u2013-]x/, 'zqx')).toBe(false);
  });

  it('always pass when the syntax is not understood or the regex can match empty text', () => {
    expect(gateOf(/(a)\1/).always).toBe(true);
    expect(gateOf(/\bfoo/iu).always).toBe(true);
    expect(gateOf(/x*/).always).toBe(true);
    expect(gateOf(/\bfoo\b/i).always).toBe(false);
  });

  it('cover the parser word lists', () => {
    expect(GATED.length).toBeGreaterThan(60);
    // Only a pattern whose matches may start inside a word or at a symbol runs unchecked (e.g. "(2019)").
    expect(GATED.filter((re) => gateOf(re).always).length).toBeLessThanOrEqual(3);
  });

  it('never reject fixture text that the regex matches', () => {
    const texts: string[] = [];
    for (const dir of ['test/fixtures/notes', 'bench/notes']) {
      for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.txt'))) {
        const t = readFileSync(join(ROOT, dir, f), 'utf8');
        texts.push(t, ...t.split('\n'), ...t.split(/(?<=[.;:])\s+/));
      }
    }
    const misses: string[] = [];
    const regexes = GATED.map(plain);
    const gates = GATED.map((re) => gateOf(re));
    for (const text of texts) {
      const index = indexText(text);
      regexes.forEach((re, k) => {
        if (re.test(text) && !mayMatch(gates[k] as ReturnType<typeof gateOf>, index)) misses.push(`${re.source.slice(0, 40)} | ${text.slice(0, 60)}`);
      });
    }
    expect(misses).toEqual([]);
  });

  it('never reject generated text that the regex matches', () => {
    const words = [...new Set(GATED.flatMap((re) => re.source.match(/[a-z]{2,}/gi) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(' ', '  ', '-', '/', '.', ',', '\n', '(', ')', '&', "'", ':', '#', '_', 'é', '×', '2', '12', '0.5 cm', '4 mm'),
    );
    const text = fc
      .tuple(fc.array(piece, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 80 }))
      .map(([parts, upper]) => [...parts.join('')].map((ch, k) => (upper[k % Math.max(1, upper.length)] ? ch.toUpperCase() : ch)).join(''));
    const regexes = GATED.map(plain);
    const gates = GATED.map((re) => gateOf(re));
    fc.assert(
      fc.property(text, (t) => {
        const index = indexText(t);
        regexes.forEach((re, k) => {
          if (re.test(t)) expect(mayMatch(gates[k] as ReturnType<typeof gateOf>, index), `${re.source.slice(0, 50)} on ${JSON.stringify(t)}`).toBe(true);
        });
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('split a source into its top-level alternatives only', () => {
    expect(topLevelAlternatives('a|b(c|d)|[|]e|\\|f')).toEqual(['a', 'b(c|d)', '[|]e', '\\|f']);
  });

  it('group alternatives by first letter without changing which texts match', () => {
    const re = /moh|mms|par(?:e|ed|ing)\b|a?x|i\s*&\s*d|ed\s*&|edc|l\.n|iv |3(?:08)/i;
    const grouped = groupedByFirstLetter(re);
    expect(grouped.source.startsWith('m(?:oh|ms)|p(?:ar(?:e|ed|ing)\\b)')).toBe(true);
    const texts = ['MOHS', 'mMs', 'pared', 'paring down', 'parent', 'x', 'ax', 'I & D', 'ED&C', 'edc', 'l.n', 'IV ', '308 nm', 'none', ''];
    for (const t of texts) expect(grouped.test(t), t).toBe(re.test(t));
    const words = fc.constantFrom('moh', 'MM', 's', 'par', 'ing', 'ed', ' ', '&', 'c', 'l.', 'n', 'i', 'v', 'x', 'a', '3', '08', 'D');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (parts) => {
        const t = parts.join('');
        expect(grouped.test(t)).toBe(re.test(t));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
