import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads left from session 5 (note5's closing list), coded end to end (parse → rules): exact lines, dx and finding ids.

describe('"Destruction - premalignant" with no lesion word takes the premalignant lesion the assessment names', () => {
  const procedure = (site: string, n: number) =>
    `Procedure: Destruction - premalignant\nSite: ${site}\nNumber of lesions: ${n}\nMethod: cryotherapy, 2 freeze-thaw cycles.\n`;
  it.each([
    [
      'A&P names AKs of that site, the next item an SK',
      `Assessment/Plan:\n1. Actinic keratoses, scalp and forehead - LN2 today.\n2. Seborrheic keratoses trunk - benign, reassured.\n\n${procedure('scalp and forehead', 6)}`,
      ['17000', '17003 x5'],
      [['L57.0'], ['L57.0']],
    ],
    [
      'A&P names AKs of that site, the next item a history of BCC',
      `Assessment/Plan:\n1. Actinic keratoses, scalp - LN2 today.\n2. Hx BCC nose - no recurrence.\n\n${procedure('scalp', 6)}`,
      ['17000', '17003 x5'],
      [['L57.0'], ['L57.0']],
    ],
    [
      'A&P after the procedure names "AK - L hand"',
      `${procedure('L dorsal hand', 4)}\nAssessment:\n1. AK - L hand x4.\n2. SK back.\n`,
      ['17000', '17003 x3'],
      [['L57.0'], ['L57.0']],
    ],
  ])('%s → 17000 + 17003, L57.0', (_name, body, lines, dx) => {
    const r = codeNote(body);
    // Reference §2.1: n premalignant lesions = 17000 + 17003 x(n-1); §13.1: AK destruction → L57.0.
    expect(r.lines).toEqual(lines);
    expect(r.dx).toEqual(dx);
    expect(r.findings).not.toContain('diagnosis/missing');
  });

  it.each([
    ['the assessment names only an SK', `${procedure('L dorsal hand', 4)}\nAssessment:\n1. Xerosis.\n2. SK back.\n`],
    ['the assessment names AKs of another site only', `${procedure('L dorsal hand', 4)}\nAssessment:\n1. Actinic keratoses, face - 5-FU cream.\n2. SK back.\n`],
  ])("%s → asked, never an SK or another site's code", (_name, body) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['17000', '17003 x3']);
    expect(r.dx).toEqual([[], []]);
    expect(r.findings).toContain('diagnosis/missing');
  });
});

describe('a nail clipping sent for PAS', () => {
  it('sent today, no report yet → no line, a pathology/nail-specimen warning (level not in the reference; PAS = 88312 once reported)', () => {
    const r = codeNote('Assessment: 1. Onychodystrophy R great toenail, r/o onychomycosis.\nPlan: nail clipping R great toenail sent for PAS. Return 4 wks.\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toEqual(['pathology/nail-specimen']);
  });

  it('with the outside lab billing → an info finding only', () => {
    const r = codeNote('Plan: nail clipping R great toenail sent for PAS.\n', { pathology: 'external' });
    expect(r.lines).toEqual([]);
    expect(r.findings).toEqual(['pathology/nail-specimen']);
  });

  it("an earlier clipping's result told in the history sends nothing today", () => {
    const r = codeNote('HPI: A nail clipping his PCP sent last month showed dermatophyte hyphae on PAS.\n');
    expect(r.findings).not.toContain('pathology/nail-specimen');
  });

  it('the report of the clipping with a PAS stain → 88305 (verify: the reference has no nail level) + 88312, B35.1', () => {
    const r = codeNote(
      'Plan: nail clipping R great toenail sent for PAS.\n\nPATHOLOGY REPORT\nA. Nail clipping, R great toe: Onychomycosis. PAS stain positive for fungal hyphae.\n',
    );
    // Reference §7.2: PAS for fungi is a group I stain, 88312 per stain per block.
    expect(r.lines).toEqual(['88305', '88312']);
    expect(r.dx).toEqual([['B35.1'], ['B35.1']]);
    expect(r.findings).toContain('pathology/nail-specimen');
  });
});

describe('the E/M-25 line points to the separately managed problem, not to the procedure’s diagnosis', () => {
  const note = (ap: string) =>
    `Exam: 15 AKs scalp, forehead and dorsal hands. Toenails thick and yellow.\nASSESSMENT & PLAN:\n${ap}\nE/M: 99213-25 (managed separately from the AK destruction)\n`;
  it('AKs destroyed + onychomycosis started on terbinafine → 99213-25 [B35.1], 17004 [L57.0]', () => {
    const r = codeNote(
      note(
        '1. Actinic keratoses (L57.0) - LN2 today, 15 lesions total.\n2. Onychomycosis of toenails (B35.1) - start terbinafine 250 mg daily; CBC and hepatic panel ordered.',
      ),
      { payer: 'medicare' },
    );
    // Reference §2.1: 15 AKs = 17004 alone; §10.1: 25 on the E/M for the separately identifiable problem; §13.1 pointers per line.
    expect(r.lines).toEqual(['99213-25', '17004']);
    expect(r.dx).toEqual([['B35.1'], ['L57.0']]);
  });

  it('a problem addressed in the E/M but not treated by the procedure keeps its pointer', () => {
    const r = codeNote(
      note(
        '1. Actinic keratoses (L57.0) - LN2 today, 15 lesions total.\n2. Onychomycosis of toenails (B35.1) - start terbinafine 250 mg daily; labs ordered.\n3. Seborrheic keratoses (L82.1) - benign, reassured.',
      ),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['99213-25', '17004']);
    expect(r.dx).toEqual([['B35.1', 'L82.1'], ['L57.0']]);
  });
});
