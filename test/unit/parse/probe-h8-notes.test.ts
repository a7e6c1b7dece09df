import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { intentOf } from '../../../core/parse/lexicon';

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
