import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { indicationsOf, intentOf, lesionTypeOf } from '../../../core/parse/lexicon';
import { findCount } from '../../../core/parse/measure';
import { visitFlags } from '../../../core/parse/visit';

// Misreads found by probe h8 (visit notes in styles the golden corpus lacks, round 4); each case is one general phrasing.

describe('a time from now right after the procedure words', () => {
  it.each([
    ['division and inset of the pedicle in 3 weeks', 'planned'],
    ['excision of the scar in 2-3 months', 'planned'],
    ['re-excision in one month', 'planned'],
    // A comma closes the procedure's words: the time is the follow-up, not the procedure's.
    ['LN2 to 6 AKs, RTC in 3 mo', 'performed'],
    ['punch biopsy done today, results in 1 week', 'performed'],
  ])('%s -> %s', (clause, intent) => {
    expect(intentOf(clause, false, 0)).toBe(intent);
  });

  it('a planned flap division after a stage-1 flap is no procedure today', () => {
    const e = parseNote(
      'Date: 11/20/2026\nMohs L nasal ala, Stage I - 4 blocks, Stage II - 2 blocks - clear.\nRepair: Left melolabial interpolation flap, stage 1; donor site closed in layers.\nPlan: division and inset of the pedicle in 3 weeks.\n',
    );
    expect(e.procedures.filter((p) => p.kind === 'flap-division').map((p) => p.status)).toEqual(['planned']);
  });
});

describe('a wound named after the Mohs surgery that made it', () => {
  it('"wound L shin after Mohs excision of SCC" is no excision today', () => {
    const e = parseNote(
      'DOS 11/24/2026\nASSESSMENT: Non-healing surgical wound L shin after Mohs excision of SCC.\nPROCEDURE NOTE: Application of skin substitute to the L lower leg, wound area 50 sq cm (5 x 10 cm).\n',
    );
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => p.kind)).toEqual(['graft']);
  });
});

describe('a once-per-site service told twice', () => {
  it('a procedure note and its "Orders:" line are one chemodenervation with one drug amount', () => {
    const e = parseNote(
      'Date of service: 11/23/2026\nProcedure Note:\nChemodenervation of eccrine glands, both axillae.\nDrug: incobotulinumtoxinA (Xeomin) 100 unit single-dose vial.\nInjected: 50 units R axilla + 50 units L axilla. Total used 100 units; wasted: none.\n\nOrders:\n   Chemodenervation axillae - completed\n   Xeomin 100 units - administered\n',
    );
    const chemo = e.procedures.filter((p) => p.kind === 'chemodenervation');
    expect(chemo).toHaveLength(1);
    expect(chemo[0]?.drug?.amountGiven).toBe(100);
  });

  it('"division and inset" and "pedicle divided at the alar base" are one division, at the finer site', () => {
    const e = parseNote(
      'Date of Service: 11/25/2026\nProcedure: second stage - division and inset of R melolabial interpolation flap to nose.\nLocal anesthesia. Pedicle divided at the alar base; the distal flap was thinned and inset into the ala.\n\nDx: BCC R nasal ala, s/p Mohs.\n',
    );
    const division = e.procedures.filter((p) => p.kind === 'flap-division');
    expect(division.map((p) => p.site?.key)).toEqual(['nasal-ala']);
  });

  it('chemodenervation of the axillae and of the forehead stay two services', () => {
    const e = parseNote(
      'Date of service: 11/23/2026\nChemodenervation, both axillae: onabotulinumtoxinA 50 units each axilla.\nChemodenervation, forehead: onabotulinumtoxinA 30 units.\n',
    );
    expect(e.procedures.filter((p) => p.kind === 'chemodenervation')).toHaveLength(2);
  });
});

describe('negated symptoms and a signed ABN', () => {
  it.each([
    ['deny treatment of non-inflamed SKs', []],
    ['SKs, non-tender, not bleeding', []],
    ['inflamed SK, bleeding', ['bleeding', 'inflamed']],
  ])('%s -> %j', (text, expected) => {
    expect(indicationsOf(text).sort()).toEqual(expected);
  });

  it('"non-inflamed SKs" is no inflamed SK', () => {
    expect(lesionTypeOf('LN2 to the non-inflamed SKs')).toBe('seborrheic-keratosis');
  });

  it.each([
    ['ABN reviewed and signed by pt before treatment.', true],
    ['Pt signed the ABN.', true],
    ['ABN not signed - pt declined.', undefined],
    ['Pt declined to sign the ABN.', undefined],
  ])('%s -> abnOnFile %s', (text, abn) => {
    expect(visitFlags(text).abnOnFile).toBe(abn);
  });
});

describe('counts that count something else', () => {
  it.each([
    ['chemical matrixectomy with 89% phenol x 3 applications of 30 sec', undefined],
    ['doxycycline 100 mg BID x 7 d', undefined],
    ['LN2 to warts x 7', 7],
  ])('%s -> %s', (text, n) => {
    expect(findCount(text)).toBe(n);
  });
});

describe('nail procedures on two toes', () => {
  const e = parseNote(
    'DOS: 11/24/2026\nProcedure Note:\n#1 L great toe: lateral 1/4 of the nail plate was freed and removed (partial avulsion), followed by chemical matrixectomy with 89% phenol x 3 applications.\n#2 R 2nd toe: entire nail plate elevated and avulsed; matrix left intact.\n',
  );
  it('reads the second avulsion, on its numbered toe', () => {
    const nails = e.procedures.filter((p) => p.kind === 'nail');
    expect(nails.map((p) => [p.site?.laterality, p.site?.subsite])).toEqual([
      ['left', '1'],
      ['right', '2'],
    ]);
    expect(nails[1]?.site?.key).toBe('toenail');
  });
});

describe('numbered items with their own lines under them', () => {
  it('each item takes the Dx written in it, not the one of the item above', () => {
    const e = parseNote(
      'Date of service: 11/23/2026\nProcedures:\n1. Upper back - incision: keratinous debris only, NO purulence. Dx: inflamed epidermoid cyst (L72.0).\n2. Posterior neck - I&D: 3 mL pus expressed, irrigated, no packing. Dx: abscess of neck.\n',
    );
    expect(e.lesions.map((l) => l.clinicalDiagnosis)).toEqual(['abscess of neck.']);
  });

  it('the second sub-bullet of an item is the item\'s too, and a screening "offered - declined" is not its status', () => {
    const e = parseNote(
      'DOS: 11/25/2026\nA/P:\n1. Molluscum contagiosum (B08.1), penile shaft x6 + medial thighs x9\n   - penile shaft lesions: LN2 cryotherapy, 6 lesions\n   - thigh lesions: curettage, 9 lesions, AlCl for hemostasis\n   - STI screening offered - declined today.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.status, p.lesionLabels])).toEqual([
      ['destruction-benign', 'performed', ['1']],
      ['destruction-benign', 'performed', ['1']],
    ]);
  });
});

describe('an operative note: numbered procedure list, then a description per site', () => {
  const e = parseNote(
    'Date of surgery: 11/24/2026\nPROCEDURES:\n1. Excision of hidradenitis suppurativa, right axilla, with layered (intermediate) closure.\n2. Excision of hidradenitis suppurativa, left inguinal fold, with complex closure.\nDESCRIPTION: Pt placed supine.\nRight axilla: the sinus tract complex was excised en bloc into subcutaneous fat. Closed in layers with 3-0 Monocryl. Limited undermining only.\nLeft inguinal fold: an area of interconnected tracts, 7.5 x 3.5 cm, was excised to fascia. The wound edges were undermined widely and closed in layers; two retention sutures placed.\nSpecimens: none sent.\n',
  );
  it("is one excision per site, with the list item's label and kind", () => {
    const removals = e.procedures.filter((p) => p.kind === 'hidradenitis-excision' || p.kind === 'excision');
    expect(removals.map((p) => [p.kind, p.lesionLabels, p.site?.laterality])).toEqual([
      ['hidradenitis-excision', ['1'], 'right'],
      ['hidradenitis-excision', ['2'], 'left'],
    ]);
  });
  it('"Specimens: none sent" sends no tissue', () => {
    expect(e.specimens).toEqual([]);
  });
});

describe('a procedure named only to keep its time out of the E/M time', () => {
  it.each([
    ['Total time on date of encounter: 38 minutes (history, exam, documentation); the biopsy is not counted.'],
    ['Total time 25 minutes, excluding the biopsy.'],
    ['Time spent: 30 min, not including time for the excision.'],
  ])('%s', (line) => {
    const e = parseNote(`Date of service: 11/24/2026\nPlan: 4 mm punch biopsy performed, specimen A.\n${line}\n`);
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-punch']);
  });
});

describe('the narrative right under a "Procedure:" title', () => {
  it("tells that excision, with a site inside the title's", () => {
    const e = parseNote(
      'DOS: 11/25/2026\nDx: nodular BCC, L upper eyelid, 4 mm above the lid margin, biopsy-proven 11/02/2026.\nProcedure: excision of biopsy-proven BCC, left upper eyelid.\nLesion 0.5 cm, margins 2 mm all around. Elliptical excision oriented along the lid crease. Specimen A to dermpath.\n',
    );
    const excisions = e.procedures.filter((p) => p.kind === 'excision');
    expect(excisions).toHaveLength(1);
    expect(excisions.map((p) => [p.lesionDiameterCm, p.marginCm])).toEqual([[0.5, 0.2]]);
  });
});

describe('a range of lesions', () => {
  it.each([
    ['approx 20-25 pedunculated skin tags', 20],
    ['snip removal of all visible tags today (~20-25) w/ iris scissors', 20],
    ['1-3 mm tags', undefined],
    ['2-3 sessions', undefined],
    // A range of sizes or of time after the lesion word is no count.
    ['tags (2-3 mm)', undefined],
    ['warts x 2-3 weeks', undefined],
  ])('%s -> %s', (text, n) => {
    expect(findCount(text)).toBe(n);
  });
});

describe('a Mohs heading naming the site over its stage lines', () => {
  it('gives the staged case its site; a later "not part of the Mohs case" names no second Mohs', () => {
    const e = parseNote(
      'Date of service: 11/20/2026\nPRE-OP: BCC R nasal sidewall, bx-proven 10/08/2026.\n\nMOHS: R nasal sidewall\n- Stage 1: 3 blocks, + deep at 6:00\n- Stage 2: 1 block, clear\n\nSEPARATE LESION: L upper back 7 mm papule -> shave biopsy, specimen A, sent for permanent sections (not part of the Mohs case).\n',
    );
    const mohs = e.procedures.filter((p) => p.kind === 'mohs');
    expect(mohs.map((p) => [p.site?.key, p.stages?.length])).toEqual([['nasal-sidewall', 2]]);
  });
});
