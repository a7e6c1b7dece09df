import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { capitalLabels, isLowerCaseNote } from '../../../core/parse/letter-case';

const LOWER = [
  'dos 03/02/2026',
  'shave bx x2:',
  'a) r cheek 0.5 cm pink papule, r/o bcc, spec a',
  'b) l forearm 0.6 cm scaly papule, r/o scc, spec b',
  'both specimens to in-house dermpath.',
].join('\n');

describe('notes typed all in lower case', () => {
  it.each([
    [
      'a jar word and its letter',
      'shave bx of a papule on the r cheek, specimen a sent to path, jar c too',
      'shave bx of a papule on the r cheek, specimen A sent to path, jar C too',
    ],
    [
      'a list of jars',
      'two punch biopsies of the scalp sent as specimens a and b to dermpath today',
      'two punch biopsies of the scalp sent as specimens A and B to dermpath today',
    ],
    [
      'a letter in parentheses and list items',
      'a) r cheek shave bx (a) to the lab\nb. l arm punch bx (b) to the lab also',
      'A) r cheek shave bx (A) to the lab\nB. l arm punch bx (B) to the lab also',
    ],
    [
      'labels before a mark no article takes',
      'results 05/07/2026: a) bcc, nodular. b) scc in situ. c) df\npath: a -- dermatofibroma; path 03/23: a. l axilla: hs',
      'results 05/07/2026: A) bcc, nodular. B) scc in situ. C) df\npath: A -- dermatofibroma; path 03/23: A. l axilla: hs',
    ],
    [
      'a range of jars, in a sentence and opening a line',
      'specimens a-h to labcorp dermpath (outside), jars b through d too\na-c. seborrheic keratosis in each',
      'specimens A-H to labcorp dermpath (outside), jars B through D too\nA-C. seborrheic keratosis in each',
    ],
    [
      'SOAP headings when two or more open lines; an article stays',
      's: a new spot on the lower lip for six months\no: 8 mm keratotic plaque\na: ak vs scc\np: a punch bx',
      'S: a new spot on the lower lip for six months\nO: 8 mm keratotic plaque\nA: ak vs scc\nP: a punch bx',
    ],
    [
      'a letter and a dash opening a line; an article before a dash in prose stays',
      '  a - vertex, active edge: 4 mm punch\n  b - frontal hairline: 4 mm punch\nscar was a - faint line',
      '  A - vertex, active edge: 4 mm punch\n  B - frontal hairline: 4 mm punch\nscar was a - faint line',
    ],
    [
      'a lesion word and its letter before a verb or a mark; "the lesion a few mm away" stays',
      'lesion a is a bcc of the l upper back. lesions b and c were nevi. tumor d: scc. the lesion a few mm away',
      'lesion A is a bcc of the l upper back. lesions B and C were nevi. tumor D: scc. the lesion a few mm away',
    ],
    [
      'a letter alone in a table cell',
      'mapping biopsies:\n| spec | position |\n| a | superior |\n| b | lateral |',
      'mapping biopsies:\n| spec | position |\n| A | superior |\n| B | lateral |',
    ],
    [
      'ICD-10-CM codes typed in lower case; a count mark stays',
      'allergic contact dermatitis (l23.9 vs l24.9), laceration s01.81xa, ln2 x10 to aks',
      'allergic contact dermatitis (L23.9 vs L24.9), laceration S01.81XA, ln2 x10 to aks',
    ],
  ])('%s', (_name, input, expected) => {
    const out = capitalLabels(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });

  it('leaves ordinary notes alone: one capital in 200 letters is enough', () => {
    const typed = 'Shave bx of a papule, specimen a to path (a).';
    expect(isLowerCaseNote(typed.repeat(3))).toBe(false);
    expect(capitalLabels(typed.repeat(3))).toBe(typed.repeat(3));
    expect(isLowerCaseNote('spec a')).toBe(false);
  });

  it('a destination sentence naming a range of jars speaks for every jar in it', () => {
    const note = [
      'dos 05/15/2026',
      ' 1. biopsy, shave -- r upper arm -- specimen a',
      ' 2. biopsy, shave -- l flank -- specimen b',
      ' 3. biopsy, punch 4 mm -- l buttock -- specimen c',
      'specimens a-c to labcorp dermatopathology (outside).',
    ].join('\n');
    const e = parseNote(note);
    expect(e.specimens.map((s) => `${s.label} ${s.destination}`)).toEqual(['A external', 'B external', 'C external']);
    // Reference §1.2: one primary biopsy code (punch over tangential), the shaves as add-ons; no 88305 for an outside lab.
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11104 x1', '11103 x2']);
  });

  it('codes the two lower-case jars as two biopsies and two specimens', () => {
    const lines = codeEncounter(parseNote(LOWER)).lines.map((l) => `${l.code} x${l.units} ${l.specimenLabels.join(',')}`);
    expect(lines).toEqual(['11102 x1 A', '11103 x1 B', '88305 x2 A,B']);
  });
});

describe('notes typed all in lower case read as typed normally', () => {
  it('"immunohistochemistry (block a1):" over its list of results: the stains are specimen a\'s', () => {
    const e = parseNote(
      'final diagnosis:\nA. dysplastic compound nevus with moderate atypia.\nB. actinic keratosis.\n\nimmunohistochemistry (block a1):\n  sox10 - highlights junctional melanocytes\n  prame - negative\n  ki-67 - less than 5%\n',
    );
    expect(e.pathology.find((r) => r.specimenLabel === 'A')?.ihc.map((i) => i.antibody)).toEqual(['SOX10', 'PRAME', 'Ki-67']);
  });

  it('"(specimen 1). on the right upper arm …": a sentence opening with a two-letter word is the next procedure', () => {
    const e = parseNote(
      'dos 11/24/2026\non the l thigh a 2.5 cm plaque was sampled by an incisional wedge biopsy (specimen 1). on the r upper arm a scaly plaque was sampled with a 4 mm punch (specimen 2).\nboth to the lab.\n',
    );
    // Reference §1.2: incisional is the primary biopsy code, a punch of another lesion its add-on 11105.
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11106 x1', '11105 x1', '88305 x2']);
  });

  it('"… neoplasm. a sox10 immunostain on specimen b …": a comment sentence opening in lower case gives its stain to b alone', () => {
    const e = parseNote(
      'final diagnosis:\na) skin, l nasal sidewall, shave biopsy: basal cell carcinoma.\nb) skin, l upper arm, shave biopsy: dysplastic nevus.\n\ncomment\nber-ep4 and ema immunostains on specimen a support basal cell carcinoma over a sebaceous neoplasm. a sox10 immunostain on specimen b shows no pagetoid melanocytes.\n',
    );
    const ihc = (label: string) => e.pathology.find((r) => r.specimenLabel === label)?.ihc.map((i) => i.antibody);
    // Reference §7.2: immunostains are per specimen.
    expect(ihc('A')).toEqual(['Ber-EP4', 'EMA']);
    expect(ihc('B')).toEqual(['SOX10']);
  });

  it('the exam\'s sizes of "two papules, 0.8 cm and 0.9 cm" in a lower-case run-on exam line size the plan\'s "shave removal of both"', () => {
    const e = parseNote(
      'dos: 11/24/2026\nexam: mid back at the bra line, two stuck-on papules, 0.8 cm and 0.9 cm, both crusted. l temple: 0.6 cm waxy papule.\n\nimpression/plan:\nirritated seborrheic keratoses x2, mid back (l82.0)\n  -- symptomatic. shave removal of both after consent.\n',
    );
    // Reference §3.4: shave removal by lesion diameter, group A 0.6-1.0 cm = 11301 each.
    expect(codeEncounter(e).lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}`)).toEqual(['11301', '11301-59']);
  });
});
