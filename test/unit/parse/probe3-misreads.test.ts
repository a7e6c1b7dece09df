import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { readLabel, unitsOf } from '../../../core/parse/units';

// Misreads found by probing visit notes in styles the golden corpus lacks; each case is one general phrasing.

describe('protective equipment is not a treated site', () => {
  it.each([
    ['Genital shielding: yes'],
    ['Genital shield: in place'],
    ['Groin protection: yes'],
    ['Genitals shielded, goggles on.'],
    ['Shield over the genitals and UV goggles worn.'],
  ])('%s', (line) => {
    const e = parseNote(`Date of Service: 11/10/2026\nNB-UVB phototherapy, whole body, for plaque psoriasis. Dose 820 mJ/cm2.\n${line}\n`);
    const photo = e.procedures.filter((p) => p.kind === 'phototherapy');
    expect(photo).toHaveLength(1);
    expect(photo[0]?.site?.key).not.toBe('genitalia');
  });

  it('still reads a treated site named in a treatment-area field', () => {
    const e = parseNote('Date of Service: 11/10/2026\nExcimer laser 308 nm for psoriasis.\nTreatment area: R elbow, 40 sq cm.\nGenital shielding: n/a\n');
    expect(e.procedures.find((p) => p.kind === 'laser-psoriasis')?.site?.key).toBe('elbow');
  });
});

describe('a problem named in one sentence and managed in the next', () => {
  const managed = (text: string) =>
    parseNote(`Date of Service: 11/10/2026\n${text}`)
      .visit.problems.filter((p) => p.separatelyManaged)
      .map((p) => p.text);

  it('second line of an unnumbered plan', () => {
    expect(
      managed('Assessment/Plan:\nActinic keratoses, forehead x3. Destroyed with LN2 today.\nSeborrheic dermatitis of scalp. Continue ketoconazole shampoo.\n'),
    ).toEqual(['Seborrheic dermatitis of scalp']);
  });

  it('first line right under the heading', () => {
    expect(
      managed('Assessment/Plan:\nSeborrheic dermatitis of scalp. Continue ketoconazole shampoo.\nActinic keratoses, forehead x3. Destroyed with LN2 today.\n'),
    ).toEqual(['Seborrheic dermatitis of scalp']);
  });

  it('a wrapped line that does not end its sentence stays with its problem', () => {
    const problems = parseNote(
      'Date of Service: 11/10/2026\nAssessment:\nActinic keratoses of the forehead and scalp, 6 destroyed\nwith LN2 today. Sun protection reviewed.\n',
    ).visit.problems;
    expect(problems.map((p) => p.text)).toEqual(['Actinic keratoses of the forehead and scalp, 6 destroyed']);
  });

  it('procedure-only lines give no separately managed problem', () => {
    expect(managed('Plan:\nActinic keratoses x4. LN2 today.\nSeborrheic keratosis, irritated, L back. Shave removal.\n')).toEqual([]);
  });
});

describe('what a lesion is not is never its type', () => {
  it.each([
    ['Tangential biopsy, L malar cheek: 8 mm pearly papule, r/o BCC, not an AK. Specimen A.'],
    ['Shave biopsy R forearm, pink scaly papule not c/w SK, r/o SCC (A).'],
  ])('%s', (line) => {
    const e = parseNote(`Date of Service: 11/10/2026\n${line}\n`);
    const bx = e.procedures.find((p) => p.kind === 'biopsy-tangential');
    expect(bx).toBeDefined();
    expect(bx?.lesionType).toBeUndefined();
  });
});

describe('repair and people words in Mohs records', () => {
  it('undermining stated to exceed the defect width is extensive (CPT 2020)', () => {
    const e = parseNote(
      'Date of Service: 11/10/2026\nMohs, SCC L parietal scalp. Stage 1: 4 blocks. Final defect 3.4 x 2.9 cm.\nClosure: complex layered repair. Undermined in the subgaleal plane 3.5 cm circumferentially (exceeds defect width). Final repair length 6.5 cm.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'repair')?.repairFeatures?.undermining).toBe('extensive');
  });

  it("a surgeon's initial is not a lesion label", () => {
    const e = parseNote(
      'Date of Service: 11/10/2026\nMohs surgeon: Dr. E. Kaczmarek (surgeon and pathologist)\nMohs, BCC L temple. Stage 1: 3 blocks, clear.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'mohs')?.lesionLabels).not.toContain('E');
  });
});

describe('items of an indication line are not procedures', () => {
  it('"Indication: #1 … ; #2 …" under "Excision x2" then "#1 …" / "#2 …" lines: two excisions', () => {
    const e = parseNote(
      'Date of Service: 11/10/2026\nProcedure(s): Excision x2 (benign lesions)\nIndication: #1 changing nevus L upper back; #2 enlarging pigmented papule R jawline. Excised for diagnosis.\n\n' +
        '#1 L upper back: lesion 6 mm, 2 mm margins, excised diameter 10 mm. Spec A.\n#2 R jawline: lesion 5 mm, 1 mm margins, excised diameter 7 mm. Spec B.\n',
    );
    expect(e.procedures.filter((p) => p.kind === 'excision').map((p) => [p.site?.key, p.specimenLabel])).toEqual([
      ['upper-back', 'A'],
      ['jawline', 'B'],
    ]);
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
  });
});

describe('numbered lesions listed in ranges are counted', () => {
  it.each([
    ['AK #1-3 R cheek, #4-9 scalp, #10 L ear: LN2 x 2 cycles.', 10],
    ['LN2 to AKs:\n  #1-#6 scalp\n  #7-#10 R dorsal hand\n  #11 nose', 11],
  ])('%s', (text, n) => {
    const e = parseNote(`Date of Service: 11/10/2026\n${text}\n`);
    const counts = e.procedures.filter((p) => p.kind === 'destruction-premalignant').map((p) => p.count ?? 1);
    expect(Math.max(...counts)).toBe(n);
  });

  it('"#15 blade" and two numbered cancers are not a count', () => {
    const e = parseNote('Date of Service: 11/10/2026\nED&C #1: BCC L arm 0.8 cm. ED&C #2: BCC R leg 1.2 cm. #15 blade used.\n');
    expect(e.procedures.filter((p) => p.kind === 'destruction-malignant').every((p) => (p.count ?? 1) === 1)).toBe(true);
  });
});

describe('a counted procedure with its items on one line, parted by semicolons', () => {
  it('Shave removal x2: R temple 7mm …; L neck 4 mm … → two removals with their own sites and sizes', () => {
    const e = parseNote('Date of Service: 11/10/2026\nShave removal x2: R temple 7mm ISK, irritated, bleeds; L neck 4 mm ISK, catches on collar. Not sent.\n');
    const shaves = e.procedures.filter((p) => p.kind === 'shave-removal');
    expect(shaves.map((p) => [p.site?.key, p.site?.laterality, p.lesionDiameterCm])).toEqual([
      ['temple', 'right', 0.7],
      ['neck', 'left', 0.4],
    ]);
    expect(e.specimens).toEqual([]);
  });

  it('a count that does not match the parts leaves one procedure', () => {
    const e = parseNote('Date of Service: 11/10/2026\nShave removal x3: R temple 7mm ISK; L neck 4 mm ISK. Not sent.\n');
    expect(e.procedures.filter((p) => p.kind === 'shave-removal')).toHaveLength(1);
  });
});

describe('a prose problem keeps the specific name of its condition', () => {
  it.each([
    ['Psoriasis vulgaris, BSA 8%, on methotrexate 15 mg weekly; continue MTX.', 'Psoriasis vulgaris'],
    ['Plaque psoriasis stable on Otezla, continue.', 'Plaque psoriasis'],
  ])('%s', (line, name) => {
    const e = parseNote(`Date of Service: 11/10/2026\n${line}\n99213\n`);
    expect(e.visit.problems.map((p) => p.text)).toContain(name);
  });
});

describe('a dose given per axilla is given to both', () => {
  it.each([
    ['Axillary hyperhidrosis, primary. Botox 100-unit vial, 50 units per axilla, none wasted.', 100],
    ['Axillary hyperhidrosis. Botox 50 units per axilla, R axilla only today (L done last month).', 50],
    ['Axillary hyperhidrosis. Botox 100 units total, 50 units per axilla.', 100],
  ])('%s', (line, units) => {
    const e = parseNote(`Date of Service: 11/10/2026\n${line}\n`);
    expect(e.procedures.find((p) => p.kind === 'chemodenervation')?.drug?.amountGiven).toBe(units);
  });
});

describe('a shave removal told in two short sentences', () => {
  it('"Shave removal of 12 mm irritated, bleeding SK on the L parietal scalp. Sent to path (A)."', () => {
    const e = parseNote('Date of Service: 11/10/2026\nShave removal of 12 mm irritated, bleeding SK on the L parietal scalp. Sent to path (A).\n');
    const shave = e.procedures.find((p) => p.kind === 'shave-removal');
    expect(shave?.specimenLabel).toBe('A');
    expect(shave?.lesionType).toBe('inflamed-seborrheic-keratosis');
  });
});

describe('a pipe table without a rule line under its header', () => {
  it('rows take their labels from the Spec column', () => {
    const units = unitsOf('| Site | Location | Technique | Spec |\n| 1 | L upper arm | punch 4 mm | A |\n| 2 | R thigh | shave bx | B |\n', 0);
    expect(units.map((u) => u.label)).toEqual([undefined, 'A', 'B']);
  });

  it('a row of values is not taken for a header', () => {
    const units = unitsOf('| R cheek | 4 mm | A |\n| L arm | 3 mm | B |\n', 0);
    expect(units.map((u) => u.label)).toEqual([undefined, undefined]);
  });
});

describe('excimer plaques measured as length x width', () => {
  it('"R elbow 10 x 8 cm and L elbow 9 x 7 cm" → 143 sq cm; the spot size is not a plaque', () => {
    const e = parseNote(
      'Date of Service: 11/10/2026\nExcimer laser, psoriasis: 2 plaques, R elbow 10 x 8 cm and L elbow 9 x 7 cm. Spot size 2 x 2 cm. 400 mJ/cm2.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'laser-psoriasis')?.areaSqCm).toBe(143);
  });
});

describe('"Lesion #2" alone on a line heads the fields below it', () => {
  it('two EMA-style lesion blocks keep their own locations', () => {
    const e = parseNote(
      'Date of Service: 11/10/2026\nLesion #1\n  Location: R upper back\n  Procedure: Shave Removal\n  Size: 0.8 x 0.6 cm\n  Specimen: A\nLesion #2\n  Location: L neck\n  Procedure: Shave Removal\n  Size: 1.3 x 1.0 cm\n  Specimen: B\n',
    );
    expect(e.procedures.map((p) => [p.site?.key, p.specimenLabel])).toEqual([
      ['upper-back', 'A'],
      ['neck', 'B'],
    ]);
  });

  it('"Lesion #2 is on the back" in prose is not such a heading', () => {
    expect(readLabel('Site #3')?.label).toBe('3');
    expect(readLabel('Lesion #2 was larger than last time')).toBeUndefined();
  });
});
