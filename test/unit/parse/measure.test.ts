import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../core/parse/dates';
import { findAreas, findCount, findLengthCm, findMarginCm, findSizes, greatest, wordNumber } from '../../../core/parse/measure';
import { parseMohsStages } from '../../../core/parse/mohs';

describe('sizes in cm and mm', () => {
  const cases: [string, number[]][] = [
    ['1.2 x 0.8 cm lesion', [1.2, 0.8]],
    ['12 x 8 mm papule', [1.2, 0.8]],
    ['1.2 cm x 0.8 cm', [1.2, 0.8]],
    ['measuring 1.2cm', [1.2]],
    ['4 mm', [0.4]],
    ['1.2 by 0.8 cm', [1.2, 0.8]],
    ['2 x 3 x 0.4 cm specimen', [2, 3, 0.4]],
    ['1.2 × 0.8 cm', [1.2, 0.8]],
    ['.5 cm', [0.5]],
    ['closed, 2.0 cm.', [2]],
  ];
  it.each(cases)('%s', (text, dims) => {
    expect(findSizes(text)[0]?.dims).toEqual(dims);
  });

  it('greatest dimension of "1.2 x 0.8 cm" is 1.2', () => {
    const s = findSizes('1.2 x 0.8 cm');
    expect(s[0] && greatest(s[0])).toBe(1.2);
  });

  it('ignores numbers without a length unit and areas', () => {
    expect(findSizes('4-0 nylon, 2 cycles, 6 sq cm, 6 cm2')).toEqual([]);
  });
});

describe('areas', () => {
  const cases: [string, number][] = [
    ['6 sq cm', 6],
    ['6 cm2', 6],
    ['6 cm²', 6],
    ['6 cm^2', 6],
    ['6.5 square centimeters', 6.5],
    ['12 sqcm', 12],
  ];
  it.each(cases)('%s → %s', (text, area) => {
    expect(findAreas(text)[0]?.sqCm).toBe(area);
  });
  it('"2 x 3 cm defect" is 6 sq cm when dimensions may be read as an area', () => {
    expect(findAreas('2 x 3 cm defect', true)[0]).toMatchObject({ sqCm: 6, computed: true });
    expect(findAreas('2 x 3 cm defect', false)).toEqual([]);
  });
});

describe('margins, lengths', () => {
  const margins: [string, number | undefined][] = [
    ['excised with 2 mm margins', 0.2],
    ['4 mm margin', 0.4],
    ['margin of 4 mm', 0.4],
    ['margins: 0.2 cm', 0.2],
    ['4-mm clinical margins', 0.4],
    ['3 mm margin on one side and 2 mm margin on the other', 0.2],
    ['Lesion size: 0.8 cm\nMargins: 0.2 cm', 0.2],
    ['no margin stated', undefined],
  ];
  it.each(margins)('margin in "%s" → %s cm', (text, cm) => {
    expect(findMarginCm(text)).toBe(cm);
  });

  const lengths: [string, number | undefined][] = [
    ['repair length 3.2 cm', 3.2],
    ['Final repair length: 3.5 cm', 3.5],
    ['closed in layers measuring 4.5 cm', 4.5],
    ['3.5 cm in length', 3.5],
    ['length 25 mm', 2.5],
    ['Final length of the layered closure 5.0 cm.', 5],
    ['Defect 1.0 cm, closed with a 1.2 cm intermediate repair.', 1.2],
    ['length of repair was 3.1 cm', 3.1],
    ['closed with 4-0 nylon', undefined],
  ];
  it.each(lengths)('length in "%s" → %s cm', (text, cm) => {
    expect(findLengthCm(text)).toBe(cm);
  });
});

describe('counts as digits or words', () => {
  const cases: [string, number | undefined][] = [
    ['twelve AKs treated', 12],
    ['12 actinic keratoses', 12],
    ['AKs x 12', 12],
    ['AK x12 face', 12],
    ['warts #7', 7],
    ['Number of lesions: 15', 15],
    ['total of 22 lesions', 22],
    ['twenty-two AKs', 22],
    ['8 AKs on the face and 4 AKs on the scalp', 12],
    ['LN2, 2 freeze-thaw cycles', undefined],
    ['LN2 x 2 cycles', undefined],
    ['Cryotherapy x2 FTC.', undefined],
    ['LN2 x 3 F/T', undefined],
    ['hyfrecation x2 passes', undefined],
    ['Cryotherapy x3 lesions', 3],
    ['x 12', 12],
    ['both keloids injected with triamcinolone 40 mg/mL, total 30 mg', undefined],
    ['ILK 10 mg/mL, total 2 mL', undefined],
    ['total 6 lesions treated', 6],
    ['Acrochordons, approximately 25, neck and axillae', 25],
    ['LN2 to AKs (n=18) face and scalp', 18],
    ['Cryotherapy: AK x ~20, scalp', 20],
    ['Cryo to 20+ AKs on the scalp and face', 20],
    ['Warts: 8 on R hand, 7 on L hand. LN2 x2 cycles.', 15],
    ['LN2: AKs - face 6, scalp 5, R hand 4.', 15],
    ['AKs destroyed with LN2: fourteen on the face, three on the scalp.', 17],
    ['LN2 to AKs: fourteen', 14],
    ['AKs x fourteen, LN2', 14],
    ['AKs (approx. 16) face', 16],
    ['AKs: 2 cycles of LN2', undefined],
    ['AKs - face 6 mm papule', undefined],
    ["cryo LN2 to AK's #14 (dorsal hands 8, forearms 6), 2 FTC each", 14],
    ['AKs, about 6 mm, on the scalp', undefined],
    ['14x AKs face and scalp, LN2', 14],
    // The count is told twice (lesion line, then method): once. A second times-count joined by 'and' is another site.
    ['Actinic keratoses x 4 on the forearms (L57.0): LN2 cryotherapy x4.', 4],
    ['warts x 3 on the R hand and x 2 on the L hand', 5],
    // 'x11' glued to its number; '(2 FTC)' is freeze-thaw cycles, never a count.
    ['Proc: LN2 x11 AKs (2 FTC).', 11],
    ['AKs (2 FTC each) x 5 on the scalp', 5],
    ['Actinic keratoses: 3 on the right forearm treated with cryotherapy.', 3],
    // An item's number is its name: 'Lesion #3:' is no count.
    ['Lesion #3: R dorsal hand, 4 mm hyperkeratotic papules x6, AKs — LN2.', 6],
    ['sixteen (16) AKs, LN2 today', 16],
    ['3 x 4 mm lesions on the back', undefined],
    // The lesion line's count told again for the treatment, no site between: once; a site between: two groups.
    ['Actinic keratoses x 13 - LN2 cryotherapy to 13 AKs.', 13],
    ['6 AKs R forearm, LN2 to 6 AKs L forearm.', 12],
    ['12 AKs face and 12 AKs scalp treated with LN2.', 24],
  ];
  it.each(cases)('%s → %s', (text, n) => {
    expect(findCount(text)).toBe(n);
  });

  it('word numbers', () => {
    expect(wordNumber('twelve')).toBe(12);
    expect(wordNumber('twenty three')).toBe(23);
    expect(wordNumber('dozen')).toBe(12);
    expect(wordNumber('many')).toBeUndefined();
  });
});

describe('dates', () => {
  const cases: [string, string | undefined][] = [
    ['10/14/2026', '2026-10-14'],
    ['Oct 14, 2026', '2026-10-14'],
    ['October 14th, 2026', '2026-10-14'],
    ['14 Oct 2026', '2026-10-14'],
    ['2026-10-14', '2026-10-14'],
    ['10/14/26', '2026-10-14'],
    ['2026/10/14', '2026-10-14'],
    ['2026.10.14', '2026-10-14'],
    ['14-Oct-2026', '2026-10-14'],
    ['14-OCT-26', '2026-10-14'],
    ['25/11/2026', '2026-11-25'],
    ['2026-10/14', undefined],
    ['13/13/2026', undefined],
    ['02/30/2026', undefined],
    ['no date', undefined],
  ];
  it.each(cases)('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe('Mohs stages and blocks', () => {
  it('prose with Roman numerals', () => {
    expect(parseMohsStages("Stage I: 3 blocks, positive at 2 o'clock. Stage II: 1 block, clear.")).toEqual([
      { stage: 1, blocks: 3 },
      { stage: 2, blocks: 1 },
    ]);
  });
  it('map numerals without the word "stage": "I: 2 blocks (+). II: 1 block (clear)."', () => {
    expect(parseMohsStages('Mohs, R nasal ala BCC. I: 2 blocks (+). II: 1 block (clear).')).toEqual([
      { stage: 1, blocks: 2 },
      { stage: 2, blocks: 1 },
    ]);
  });
  it('dotted leaders: "Layer 1 ........ 4 sections, positive"', () => {
    expect(parseMohsStages('Layer 1 ........ 4 sections, positive\nLayer 2 ........ 6 sections, negative')).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 6 },
    ]);
  });
  it('"cleared in 3 stages (4, 2, 1 blocks)"', () => {
    expect(parseMohsStages('MMS L nasal sidewall BCC, cleared in 3 stages (4, 2, 1 blocks).')).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 2 },
      { stage: 3, blocks: 1 },
    ]);
  });
  it('list with sections and ordinal words', () => {
    expect(parseMohsStages('First stage (4 sections) positive.\nSecond stage - 2 sections, clear\nThird stage: one section')).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 2 },
      { stage: 3, blocks: 1 },
    ]);
  });
  it('pipe table', () => {
    const table = 'Stage | Blocks | Margin\n--- | --- | ---\n1 | 6 | +\n2 | 4 | +\n3 | 2 | clear';
    expect(parseMohsStages(table)).toEqual([
      { stage: 1, blocks: 6 },
      { stage: 2, blocks: 4 },
      { stage: 3, blocks: 2 },
    ]);
  });
  it('space-aligned table', () => {
    const table = 'Layer    Sections    Result\nI        4           positive\nII       2           negative';
    expect(parseMohsStages(table)).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 2 },
    ]);
  });
  it('"3 blocks in stage 1"', () => {
    expect(parseMohsStages('3 blocks in stage 1 and 2 blocks in stage 2')).toEqual([
      { stage: 1, blocks: 3 },
      { stage: 2, blocks: 2 },
    ]);
  });
  it('total only: stages without block counts', () => {
    expect(parseMohsStages('Tumor cleared after 2 stages.')).toEqual([{ stage: 1 }, { stage: 2 }]);
    expect(parseMohsStages('Cleared in a single stage.')).toEqual([{ stage: 1 }]);
  });
  it('no stage information', () => {
    expect(parseMohsStages('Mohs performed on the nose.')).toBeUndefined();
  });
});

describe('dimensions written without spaces', () => {
  it('"1.2cmx0.8cm" is one size of 1.2 by 0.8', () => {
    expect(findSizes('irritated SK R temple, 1.2cmx0.8cm, bleeding').map((s) => s.dims)).toEqual([[1.2, 0.8]]);
  });
  it('"6mmx4mm" is one size in cm', () => {
    expect(findSizes('6mmx4mm').map((s) => s.dims)).toEqual([[0.6, 0.4]]);
  });
});
