import { describe, expect, it } from 'vitest';
import { denialRequested } from '../../../core/parse/visit';
import { codeNote } from './note-harness';

// Known misreads of session 9 (README "Known limitations"), fixed by h18: each case is one general phrasing, coded end to end.

describe('a Medicare patient asks for a denial of a cosmetic service (§12.4, §12.5)', () => {
  it.each([
    ['Pt requests claim be submitted to Medicare for denial.', true],
    ['Patient wants a Medicare denial so her secondary will consider it.', true],
    ['She asked that we bill Medicare to obtain a denial.', true],
    ['Per pt request, submit to Medicare for denial; voluntary ABN signed.', true],
    ['Pt declined to have the claim submitted for denial.', false],
    ['Pt does not want Medicare billed for a denial.', false],
    ['Prior authorization denial was appealed.', false],
    ['Discussed that Medicare will deny cosmetic removal.', false],
  ])('"%s" → request %s', (text, expected) => {
    expect(denialRequested(text)).toBe(expected);
  });

  const NOTE = (extra: string) =>
    'Assessment: Seborrheic keratoses, back x3, asymptomatic. Pt wants them removed for cosmetic reasons.\n' + `Procedure: LN2 to 3 SKs of the back.\n${extra}`;

  it('the cosmetic line goes to Medicare with GY when the patient asks for a denial', () => {
    const r = codeNote(NOTE('Pt requests claim be submitted to Medicare for denial.\n'), { payer: 'medicare' });
    expect(r.lines).toEqual(['17110-GY']);
    expect(r.dx).toEqual([['Z41.1', 'L82.1']]);
  });

  it('… with GX too when a voluntary ABN was signed', () => {
    const r = codeNote(NOTE('Voluntary ABN signed. Pt requests claim be submitted to Medicare for denial.\n'), { payer: 'medicare' });
    expect(r.lines).toEqual(['17110-GY-GX']);
  });

  it('"No ABN given." is no ABN on file: GY without GX', () => {
    const r = codeNote(NOTE('Pt requests claim be submitted to Medicare for denial. No ABN given.\n'), { payer: 'medicare' });
    expect(r.lines).toEqual(['17110-GY']);
  });

  it('without a request the line stays self-pay, never sent (no GY)', () => {
    const r = codeNote(NOTE(''), { payer: 'medicare' });
    expect(r.lines).toEqual(['17110']);
  });
});

describe('a numbered procedure title "N of M" is its position, not a count (§14: 11730 first nail, +11732 each other)', () => {
  it.each([['Procedure 2 of 2 - NAIL AVULSION'], ['PROCEDURE 2 OF 3: Nail avulsion'], ['Procedure #2 - NAIL AVULSION'], ['Procedure 2/2 - Nail avulsion']])(
    '"%s" over the avulsion of one toenail → 11730 alone',
    (title) => {
      const r = codeNote(
        'Assessment: Onychomycosis, R great toenail.\n\nProcedure 1 of 2 - DIGITAL BLOCK\n1% lidocaine plain, 3 mL, ring block R hallux.\n\n' +
          `${title}\nPartial avulsion of the R great toenail plate, lateral third. Hemostasis with pressure.\n`,
      );
      expect(r.lines).toEqual(['11730-T5']);
      expect(r.dx).toEqual([['B35.1']]);
    },
  );

  it('two nails avulsed under one title are still two (11730 + 11732)', () => {
    const r = codeNote(
      'Assessment: Onychomycosis, R great and R second toenails.\n\nProcedure 2 of 2 - NAIL AVULSION\nAvulsion of 2 toenails: R great toenail and R second toenail.\n',
    );
    expect(r.lines.map((l) => l.replace(/-T\d/g, ''))).toEqual(['11730', '11732']);
  });
});

describe('a positive KOH on an exam line links the condition it found (icd10-derm §4.2, reference §13.1)', () => {
  const NOTE = (koh: string, assessment = 'R great toenail dystrophy.') =>
    `Exam: R great toenail thickened, yellow, subungual debris.\n${koh}\nAssessment: ${assessment}\nPlan: start terbinafine, LFTs.\n`;
  it.each([
    ['KOH of R toenail scraping: + hyphae', 'B35.1'],
    ['KOH prep of L plantar foot scale: positive for septate hyphae', 'B35.3'],
    ['KOH performed on scale from the R groin, hyphae seen', 'B35.6'],
    ['KOH of the back plaque: positive', 'B35.4'],
    ['KOH of scalp scale: branching hyphae identified', 'B35.0'],
  ])('"%s" → %s', (koh, dx) => {
    const r = codeNote(NOTE(koh));
    expect(r.lines).toEqual(['87220']);
    expect(r.dx).toEqual([[dx]]);
    expect(r.findings).toContain('diagnosis/link');
  });

  it.each([['KOH of R toenail scraping: no hyphae seen'], ['KOH of R toenail scraping: negative'], ['KOH of R toenail scraping: - hyphae']])(
    '"%s" finds nothing: no diagnosis is linked, and the finding asks',
    (koh) => {
      const r = codeNote(NOTE(koh));
      expect(r.lines).toEqual(['87220']);
      expect(r.dx).toEqual([[]]);
      expect(r.findings).toContain('diagnosis/unmapped');
    },
  );

  it('a fungal infection the assessment names with the result wins over the site sampled', () => {
    const r = codeNote(NOTE('KOH of R toenail scraping: + hyphae', 'Tinea pedis and toenail dystrophy, KOH positive.'));
    expect(r.dx[0]?.[0]).toBe('B35.3');
  });
});

describe('warts at several sites in one 17110 line: each site its own wart code (icd10-derm B07.-, reference §13.1)', () => {
  it.each([
    [
      'plantar and common warts named by site',
      'Assessment:\n1. Plantar wart, R sole.\n2. Common wart, L dorsal hand.\nProcedure: LN2 destruction of 2 warts (1 R plantar sole, 1 L dorsal hand), 2 freeze-thaw cycles.\n',
      ['B07.0', 'B07.8'],
    ],
    [
      'warts named only as warts: the sole is plantar, the hand unspecified',
      'Assessment: Warts.\nProcedure: LN2 destruction of 2 warts (1 R plantar sole, 1 L dorsal hand), 2 freeze-thaw cycles.\n',
      ['B07.0', 'B07.9'],
    ],
    ['counts per site', 'Procedure: LN2 to 3 warts: 2 on the R sole, 1 on the L index finger.\n', ['B07.0', 'B07.9']],
    [
      "the sole's plantar wart does not lend its kind to the hand",
      'Assessment: Plantar wart R heel; wart L thumb.\nProcedure: Cryotherapy to warts of the R heel and L thumb, 2 FTC.\n',
      ['B07.0', 'B07.9'],
    ],
  ])('%s', (_name, body, dx) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['17110']);
    expect(r.dx).toEqual([dx]);
  });

  it('warts at one site keep one code', () => {
    const r = codeNote('Assessment: Common warts, L hand x3.\nProcedure: LN2 to 3 warts of the L dorsal hand.\n');
    expect(r.dx).toEqual([['B07.8']]);
  });
});

describe('a closure that names the tumour it closes takes that lesion (reference §5.1, §13.1)', () => {
  const NOTE = (title: string) =>
    'Assessment:\n1. BCC, nodular, R nasal sidewall, biopsy proven.\n2. Seborrheic keratosis, back - reassured.\n\n' +
    'Procedure #1: Excision of tumor #1 (BCC, R nasal sidewall). Excised diameter 1.2 cm including margins. Specimen A to in-house dermpath.\n' +
    `Procedure #2: none.\n${title}\nAdjacent tissue transfer (rotation flap) of the R nasal sidewall, defect 1.2 cm, total flap area 4.5 sq cm.\n`;
  it.each([['Procedure #3: Repair of tumor #1'], ['Procedure #3: Closure of lesion 1'], ['Procedure #3: Flap reconstruction of the defect of tumor #1']])(
    '"%s": the flap links the BCC, and includes its excision',
    (title) => {
      const r = codeNote(NOTE(title));
      expect(r.lines).toEqual(['14060', '88305']);
      expect(r.dx).toEqual([['C44.311'], ['C44.311']]);
      expect(r.findings).toContain('tissue-transfer/includes-excision-and-repair');
      expect(r.findings).not.toContain('diagnosis/missing');
    },
  );
});
