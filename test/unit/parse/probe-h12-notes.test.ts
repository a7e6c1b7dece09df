import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { untickedOptions } from '../../../core/parse/unticked-options';

// Misreads found by probe h12 (visit notes in styles the golden corpus lacks, round 5); each case is one general phrasing.

const performed = (text: string) =>
  parseNote(text)
    .procedures.filter((p) => p.status === 'performed')
    .map((p) => `${p.kind}${p.count !== undefined ? ` x${p.count}` : ''}`);

describe('a template line of options: only the ticked one was done', () => {
  it.each([
    ['Type: [x] Shave/tangential  [ ] Punch  [ ] Incisional', 'Type: [x] Shave/tangential  [ ]        [ ]           '],
    ['Hemostasis: [ ] Electrocautery [X] AlCl', 'Hemostasis: [ ]                [X] AlCl'],
    ['Method: ☐ Curettage ☑ LN2', 'Method: ☐           ☑ LN2'],
    // A line whose only box opens it is left to the procedure reader (it skips the whole line).
    ['[ ] Punch biopsy', '[ ] Punch biopsy'],
    ['no boxes here: punch biopsy', 'no boxes here: punch biopsy'],
  ])('%s', (line, out) => {
    expect(untickedOptions(line)).toBe(out);
    expect(untickedOptions(line)).toHaveLength(line.length);
  });

  it('"[x] Shave [ ] Incisional [ ] Excisional" is a tangential biopsy', () => {
    expect(
      performed(
        'DOS: 11/24/2026\nProcedure #1 of 1: Biopsy\n   Type: [x] Shave/tangential  [ ] Punch  [ ] Incisional  [ ] Excisional\n   Site: L dorsal forearm\n   Specimen label: A\n',
      ),
    ).toEqual(['biopsy-tangential']);
  });
});

describe('one procedure told by the template and again in the dictated note', () => {
  it('a destruction with the same count at the same site is one destruction', () => {
    expect(
      performed(
        'DOS: 11/24/2026\nPROCEDURES\nProcedure #2 of 2: Destruction, premalignant\n   Method: LN2\n   Number of lesions: 3\n   Sites: R dorsal hand x2, L dorsal hand x1\n\nProcedure note (dictated): The three actinic keratoses on the dorsal hands were then treated with liquid nitrogen, two freeze-thaw cycles each.\n',
      ),
    ).toEqual(['destruction-premalignant x3']);
  });

  it('destructions at two sides stay two', () => {
    expect(performed('DOS: 11/24/2026\nLN2 to 3 AKs on the R dorsal hand, 2 FTC.\nLN2 to 3 AKs on the L dorsal hand, 2 FTC.\n')).toEqual([
      'destruction-premalignant x3',
      'destruction-premalignant x3',
    ]);
  });
});
