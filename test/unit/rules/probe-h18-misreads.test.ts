import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { appliedSelfCorrections } from '../../../core/parse/self-corrections';
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

describe("a scribe's unproofed self-correction: the word said second wins", () => {
  it.each([
    ['Single-dose vial... actually multi-dose vial.', '                             multi-dose vial.'],
    ['Single-dose vial… actually multi-dose.', 'multi-dose vial                      .'],
    ['Shave of ISK, L— correction, R forearm, 0.8 cm.', 'Shave of ISK,                R forearm, 0.8 cm.'],
    ['ISK of the left forearm, actually right.', 'ISK of the right forearm               .'],
    ['Lesion 5 mm, I mean 6 mm, pink.', 'Lesion              6 mm, pink.'],
    ['L, sorry, R cheek.', '          R cheek.'],
    ['Shave bx, actually a punch bx, of the L arm.', '                   a punch bx, of the L arm.'],
    // No pair of one kind: read as written.
    ['Shave, rather than punch, was done.', 'Shave, rather than punch, was done.'],
    ['The lesion is actually larger.', 'The lesion is actually larger.'],
  ])('"%s"', (text, expected) => {
    const out = appliedSelfCorrections(text);
    expect(out).toBe(expected);
    expect(out.length).toBe(text.length);
  });

  it('a vial corrected to multi-dose is no single-dose container (no JW/JZ drug-waste finding, §9.4)', () => {
    const r = codeNote(
      'Assessment: Keloid, chest.\nProcedure: Intralesional injection of keloid, chest, triamcinolone 40 mg/mL, 1 mL injected. Single-dose vial... actually multi-dose vial.\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301 x4']);
    expect(r.findings).not.toContain('injection/drug-waste');
  });

  it('a side corrected in the assessment and the procedure: R forearm', () => {
    const e = parseNote(
      'DOS: 11/20/2026\nAssessment: Seborrheic keratosis, irritated, L— correction, R forearm.\nProcedure: Shave removal of irritated SK, left forearm, actually right, 0.8 cm. Specimen A to in-house dermpath.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality])).toEqual([['shave-removal', 'forearm', 'right']]);
  });
});

describe('an E/M level without the patient kind asks new vs established (§10.7)', () => {
  it.each([
    ['Level 4 visit.', 'E/M level 4', '99204 (new) or 99214 (established)'],
    ['Visit level: 3', 'E/M level 3', '99203 (new) or 99213 (established)'],
    ['E/M level II.', 'E/M level 2', '99202 (new) or 99212 (established)'],
  ])('"%s" → no line, a finding naming both codes', (em, what, codes) => {
    const draft = codeEncounter(parseNote(`DOS: 11/20/2026\nAcne vulgaris, moderate, face. Start doxycycline 100 mg daily, tretinoin 0.025% qhs.\n${em}\n`));
    expect(draft.lines).toEqual([]);
    const f = draft.findings.find((x) => x.rule === 'evaluation/office-visit');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain(what);
    expect(f?.message).toContain(codes);
  });

  it('the kind stated elsewhere still picks the code ("Established pt … Level 4 visit" → 99214)', () => {
    const r = codeNote('Established patient, f/u acne.\nAcne vulgaris, moderate, face. Continue doxycycline.\nLevel 4 visit.\n');
    expect(r.lines).toEqual(['99214']);
    expect(r.findings).not.toContain('evaluation/office-visit');
  });
});

describe('a dictation date is not the date of service (DESIGN: the visit date; CMS-1500 per line)', () => {
  const visitOf = (text: string) => parseNote(text).visit;
  it.each([
    ['Assessment: SK, back. Reassured.\ndictated 11/20/2026\n', { date: '2026-11-20', what: 'dictated' }],
    ['Assessment: SK, back. Reassured.\nD: 11/20/2026 T: 11/21/2026\n', { date: '2026-11-20', what: 'dictated' }],
    ['Assessment: SK, back.\nElectronically signed by J. Moss, MD on 11/22/2026 08:10\n', { date: '2026-11-22', what: 'signed' }],
  ])('%j → no date of service; the note date is kept for the finding', (text, dated) => {
    const v = visitOf(text);
    expect(v.dateOfService).toBeUndefined();
    expect(v.noteDated).toEqual(dated);
  });

  it('the finding names the dictation date and asks for the visit date', () => {
    const draft = codeEncounter(parseNote('Assessment: Seborrheic keratosis, back.\nPlan: reassured.\ndictated 11/20/2026\n'));
    const f = draft.findings.find((x) => x.rule === 'documentation/date-of-service');
    expect(f?.message).toBe(
      'Date of service not documented; the note was dictated 2026-11-20, which may be later than the visit and was not used as the date of service: current-year coding rules were applied.',
    );
  });

  it('a documented date of service wins and no note date is kept', () => {
    const v = visitOf('Date of Service: 11/18/2026\nAssessment: SK, back.\ndictated 11/20/2026\n');
    expect(v.dateOfService).toBe('2026-11-18');
    expect(v.noteDated).toBeUndefined();
  });
});

describe("a dictation's spoken numbering is read as items", () => {
  const problems = (text: string) => parseNote(`DOS: 11/20/2026\n${text}`).visit.problems.map((p) => p.text);
  it.each([
    [
      'this is dr moss dictating. impression. one, rule out bcc left nasal ala. two, actinic keratoses of the forehead. plan. shave biopsy of the left nasal ala, specimen a to dermpath. ln2 to four aks.',
      ['rule out bcc left nasal ala', 'actinic keratoses of the forehead'],
    ],
    [
      'Impression: one, actinic keratoses of the forehead. two, rule out basal cell carcinoma left nasal ala. three, seborrheic keratoses, back, reassured.',
      ['actinic keratoses of the forehead', 'rule out basal cell carcinoma left nasal ala', 'seborrheic keratoses, back, reassured'],
    ],
    [
      'assessment and plan, number one, acne vulgaris, start doxycycline; number two, rosacea, continue metronidazole.',
      ['acne vulgaris, start doxycycline', 'rosacea, continue metronidazole'],
    ],
  ])('%s', (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('"one" not followed by "two" is no list', () => {
    expect(problems('impression. one, rule out bcc left nasal ala; shave biopsy, specimen a.')).toEqual([]);
  });

  it('the biopsy keeps its own rule-out (D49.2) and the AKs their code', () => {
    const r = codeNote(
      'this is dr moss dictating. impression. one, rule out bcc left nasal ala. two, actinic keratoses of the forehead. plan. shave biopsy of the left nasal ala lesion, specimen a to dermpath. liquid nitrogen to three aks forehead.\n',
    );
    expect(r.lines).toEqual(['11102-59', '17000', '17003 x2', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
  });
});

describe('a positive KOH of yeast or of spores is no dermatophyte', () => {
  it.each([['KOH of the groin: positive for budding yeast and pseudohyphae'], ['KOH of back scale: positive, short hyphae and spores']])(
    '"%s" → no tinea code',
    (koh) => {
      const r = codeNote(`Exam: scaly patches.\n${koh}\nAssessment: scaly patches.\n`);
      expect(r.lines).toEqual(['87220']);
      expect(r.dx).toEqual([[]]);
      expect(r.findings).toContain('diagnosis/unmapped');
    },
  );
});

describe('"N of M lesions" treats N, never the whole M (§2.1 counts lesions destroyed)', () => {
  it.each([
    ['Procedure: Froze 4 of the 6 AKs on the face with LN2; the other 2 to be watched.', 'Actinic keratoses, face.', ['17000', '17003 x3']],
    ['Procedure: LN2 to 2 of 3 warts on the R hand, 2 FTC; the third was left for next visit.', 'Common warts, R hand.', ['17110']],
  ])('%s', (procedure, assessment, lines) => {
    expect(codeNote(`Assessment: ${assessment}\n${procedure}\n`).lines).toEqual(lines);
  });
});
