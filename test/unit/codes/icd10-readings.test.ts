/**
 * The ICD text readers scan their pattern tables in joined blocks (core/codes/icd10.ts) for speed.
 * These tests pin that the answers are exactly those of trying every pattern one by one, in table
 * order, as the readers were first written — on every fixture note and on generated phrases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Histology, histologiesInText, histologyFromText, MALIGNANT, malignanciesInText, textPatternTables } from '../../../core/codes/icd10';

const { history, histology, condition } = textPatternTables();

/** The original cleanText, written out independently of the optimised one. */
function referenceClean(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\b(no evidence of|no residual|negative for|without|free of|rule out|ruled out|r\/o|no|not an?|not c\/w|not consistent with)\b[^.;,]*/g, ' ')
    .replace(/(?<![^.;,])[^.;,]*\bnot (identified|seen|present)\b/g, ' ');
}

function referenceFromText(text: string | undefined): Histology | undefined {
  if (!text) return undefined;
  const t = referenceClean(text);
  if (t === 'scc in situ' || t === 'scc in-situ') return 'carcinoma-in-situ';
  if (t === 'atypical nevus') return 'nevus';
  if (t === 'inflamed seborrheic keratosis') return 'inflamed-seborrheic-keratosis';
  for (const [re, code] of history) if (re.test(t)) return `code:${code}`;
  for (const [re, h] of histology) if (re.test(t)) return h;
  for (const [re, code] of condition) if (re.test(t)) return `code:${code}`;
  return undefined;
}

function referenceInText(text: string | undefined): Histology[] {
  if (!text) return [];
  const cleaned = referenceClean(text);
  const out: Histology[] = [];
  let rest = cleaned.replace(/\b(history of|hx of|h\/o|s\/p|status post|family history|fh of|prior)\b[^.;,\n]*/g, ' ');
  for (const [re, h] of histology) {
    if (!re.test(rest)) continue;
    if (!out.includes(h)) out.push(h);
    rest = rest.replace(new RegExp(re.source, 'g'), ' ');
  }
  for (const [re, code] of condition) if (re.test(rest) && !out.includes(`code:${code}`)) out.push(`code:${code}`);
  for (const [re, code] of history) if (re.test(cleaned) && !out.includes(`code:${code}`)) out.push(`code:${code}`);
  return out;
}

const NOTES = join(__dirname, '../../fixtures/notes');
const notes = readdirSync(NOTES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(NOTES, f), 'utf8'));
/** Short texts as rules pass them: each line of each note. */
const lines = [...new Set(notes.flatMap((n) => n.split('\n')).map((l) => l.trim()))].filter(Boolean);

const WORDS = [
  'bcc',
  'scc',
  'sk',
  'isk',
  'ak',
  'aks',
  'mis',
  'lentigo maligna',
  'melanoma',
  'merkel',
  'basal cell',
  'squamous cell carcinoma in situ',
  'seborrheic keratosis',
  'inflamed',
  'irritated',
  'wart',
  'verruca plantaris',
  'cyst',
  'epidermoid',
  'pilar',
  'acne',
  'cystic',
  'psoriasis',
  'plaque',
  'hidradenitis',
  'keloid',
  'hyperhidrosis',
  'no',
  'not seen',
  'negative for',
  'r/o',
  'hx of',
  'history of',
  'prior',
  'rash',
  'dermatitis',
  'nevus',
  'mole',
  'lipoma',
  'scar',
  'tbse',
  'screening',
  'skin',
  ',',
  '.',
  ';',
  '-',
  '_',
  '\n',
  '  ',
  'L',
  'cheek',
];
/** Words joined by the separators notes use (double spaces, tabs and line breaks collapse to one space). */
const phrase = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', '  ', '\n', '\t', ' \n ', '')), { minLength: 0, maxLength: 14 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

describe('histology readers scan blocks with the same answers as one pattern at a time', () => {
  it('histologyFromText on every fixture line', () => {
    for (const l of lines) expect(histologyFromText(l), l).toBe(referenceFromText(l));
  });
  it('histologiesInText on every fixture note', () => {
    for (const n of notes) expect(histologiesInText(n)).toEqual(referenceInText(n));
  });
  it('malignanciesInText is the MALIGNANT part of histologiesInText, on every fixture note', () => {
    for (const n of notes) expect(malignanciesInText(n)).toEqual([...new Set(referenceInText(n).filter((h) => MALIGNANT.has(h)))]);
  });
  it('all three on generated phrases', () => {
    fc.assert(
      fc.property(phrase, (t) => {
        expect(histologyFromText(t)).toBe(referenceFromText(t));
        const all = referenceInText(t);
        expect(histologiesInText(t)).toEqual(all);
        expect(malignanciesInText(t)).toEqual(all.filter((h) => MALIGNANT.has(h)));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
  it('a text naming a cancer after masking still reads it ("lentigo maligna melanoma" is one melanoma)', () => {
    expect(malignanciesInText('lentigo maligna melanoma, L cheek; hx of BCC')).toEqual(['melanoma']);
    expect(histologiesInText('lentigo maligna melanoma, L cheek; hx of BCC')).toEqual(['melanoma', 'code:Z85.828']);
  });
});
