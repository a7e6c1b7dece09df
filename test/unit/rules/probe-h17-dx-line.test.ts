import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// A condition named on the procedure's own line, before its words, is the procedure's own diagnosis (reference §13.1):
// linked without the "no diagnosis was tied … taken from elsewhere in the note" info, and never another item's condition.

describe('the condition told on the procedure line, before the procedure words', () => {
  it.each([
    [
      'alopecia areata, then ILK in the next sentence',
      'Alopecia areata, patchy, scalp - 3 patches. ILK 10 mg/cc, 0.3 cc total divided among the 3 patches.\n',
      ['11900', 'J3301'],
      [['L63.9'], ['L63.9']],
    ],
    [
      'acne cysts, then intralesional triamcinolone',
      'Acne vulgaris, moderate inflammatory with 3 painful cysts on the jawline. Intralesional triamcinolone 2.5 mg/mL, 0.1 mL into each of 3 cysts.\n',
      ['11900', 'J3301'],
      [['L70.0'], ['L70.0']],
    ],
    [
      'plaque psoriasis, then excimer laser',
      'Psoriasis, plaque, 12% BSA, failed topicals. Excimer laser 308 nm to plaques on elbows and knees, total treated area 180 sq cm.\n',
      ['96920'],
      [['L40.0']],
    ],
    ['site, condition, then ILK', 'L shin: 2 hypertrophic LP plaques, ILK 10 mg/mL 0.5 mL each.\n', ['11900', 'J3301'], [['L43.0'], ['L43.0']]],
    [
      'a Dx field line right above the modality',
      'Dx: Psoriasis vulgaris, 18% BSA (L40.0)\nModality: NB-UVB, full body cabinet, treatment #14\n',
      ['96900'],
      [['L40.0']],
    ],
  ])('%s → its own code, no diagnosis/link info', (_name, body, lines, dx) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(lines);
    expect(r.dx).toEqual(dx);
    expect(r.findings).not.toContain('diagnosis/link');
  });

  it('"#HS, Hurley stage I" before an I&D is hidradenitis suppurativa (L73.2, reference §13 item 7)', () => {
    const r = codeNote('#HS, Hurley stage I, L axilla, acute flare - I&D performed. Lidocaine 1% 2 mL, #11 blade incision, packed.\n');
    expect(r.lines).toEqual(['10061']);
    expect(r.dx).toEqual([['L73.2']]);
    // The I&D still asks for the abscess it requires; no diagnosis is missing.
    expect(r.findings).toEqual(['other-procedures/incision-drainage']);
  });

  it('a bare "HS" (bedtime) is no hidradenitis', () => {
    const r = codeNote('Apply clobetasol at HS. I&D of fluctuant abscess R thigh, purulent drainage.\n');
    expect(r.lines).toEqual(['10060']);
    expect(r.dx).toEqual([['L02.415']]);
  });

  it('three conditions injected in one session: each item links its own condition', () => {
    const r = codeNote(
      'Assessment/Plan:\n' +
        '1. Alopecia areata, patchy, scalp - 3 patches. ILK 10 mg/cc, 0.3 cc total divided among the 3 patches.\n' +
        '2. Acne vulgaris, moderate inflammatory with 3 painful cysts on the jawline. Intralesional triamcinolone 2.5 mg/mL, 0.1 mL into each of 3 cysts.\n' +
        '3. L shin: 2 hypertrophic LP plaques, ILK 10 mg/mL 0.5 mL each.\n',
    );
    expect(r.lines).toEqual(['11901', 'J3301 x2']);
    expect(r.dx).toEqual([
      ['L63.9', 'L70.0', 'L43.0'],
      ['L63.9', 'L70.0', 'L43.0'],
    ]);
    expect(r.findings).not.toContain('diagnosis/link');
  });

  it("another item's condition is not the procedure's own: taken from the note, with the info", () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Acne vulgaris - continue doxycycline 100 mg daily.\n2. Scalp, 3 patches: ILK 10 mg/cc, 0.3 cc total divided among the 3 patches.\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301']);
    expect(r.dx).toEqual([['L70.0'], ['L70.0']]);
    expect(r.findings).toEqual(['evaluation/separately-identifiable', 'diagnosis/link']);
  });

  it("the same, the injected item naming its condition: its own, not the other item's acne", () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Acne vulgaris - continue doxycycline 100 mg daily.\n2. Alopecia areata, scalp. ILK 10 mg/cc, 0.3 cc total divided among 3 patches.\n',
    );
    expect(r.dx).toEqual([['L63.9'], ['L63.9']]);
    expect(r.findings).toEqual(['evaluation/separately-identifiable']);
  });
});
