import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { splitSections } from '../../../core/parse/sections';
import { findTriggers } from '../../../core/parse/triggers';

// Misreads found by probe h19 (visit notes in styles the golden corpus lacks, round 7); each case is one general phrasing.

describe('tags counted in words without "skin"', () => {
  it.each([
    ['all thirty-one tags were removed with sterile curved iris scissors', ['tag']],
    ['12 tags snipped at the base', ['tag']],
    ['both tags were clipped', ['tag']],
    ['price tags removed from the samples', []],
  ])('%s -> %j', (text, families) => {
    expect(findTriggers(text).map((t) => t.family)).toEqual(families);
  });

  it('"thirty-one tags were removed" is one tag removal of 31', () => {
    const e = parseNote('DOS: 11/23/2026\nProcedure: after consent, all thirty-one tags were removed with curved iris scissors at the base.\n');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['skin-tag-removal', 31]]);
  });
});

describe('a decimal point is no clause end', () => {
  it('"(shave, here), 0.8 cm -> ED&C" measures 0.8 cm, not 8 cm', () => {
    const e = parseNote('DOS: 11/25/2026\n- SCCIS R dorsal hand, bx-proven 11/04 (shave, here), 0.8 cm -> ED&C x3\n');
    const edc = e.procedures.find((p) => p.kind === 'destruction-malignant');
    const lesion = e.lesions.find((l) => l.label === edc?.lesionLabels[0]);
    expect(edc?.text).toBe('0.8 cm -> ED&C x3');
    expect(lesion?.clinicalSizeCm).toBe(0.8);
  });
});

describe('another date carried forward into the note', () => {
  it.each([
    ['*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***', 'history'],
    ['Previous visit (copied forward):', 'history'],
    ['Prior note - 10/02/2026:', 'history'],
    ['Copied forward from last visit:', 'history'],
  ])('"%s" opens a %s section', (title, role) => {
    expect(splitSections(`DOS 11/24/2026\n${title}\nLN2 x8 AKs.\nAssessment: AK`, 'note').map((s) => s.role)).toEqual(['header', role, 'assessment']);
  });

  it.each(['Previous visits', 'Last visit: 10/02/2026', 'Last visit 10/02/2026 LN2 to 8 AKs.'])('"%s" is no title', (line) => {
    expect(splitSections(`${line}\nLN2 x2 AKs today.`, 'note').map((s) => s.role)).toEqual(['note']);
  });

  it("the copied note's own headings up to its end line stay history; without an end line the next heading ends it", () => {
    const closed = 'DOS 11/24/2026\nPrevious visit (copied forward):\nAssessment: LN2 x8 AKs\nToday:\nAssessment: AK, LN2 x2\n';
    expect(splitSections(closed, 'note').map((s) => s.role)).toEqual(['header', 'history', 'note', 'assessment']);
    const open = 'DOS 11/24/2026\nPrevious visit (copied forward):\nAssessment: LN2 x8 AKs\nPlan: LN2 x2 today\n';
    expect(splitSections(open, 'note').map((s) => s.role)).toEqual(['header', 'history', 'assessment', 'assessment']);
  });

  it('a carried-forward block shown as a web page (its plan heading on a line of its own) is not coded', () => {
    const e = parseNote(
      'Visit Date: 11/24/2026\n*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***\nAssessment/Plan:\n1. Shave biopsy L upper arm, specimen A.\n2. LN2 x 8 AKs.\n*** END CARRIED-FORWARD TEXT ***\nTODAY 11/24/2026\nAssessment/Plan:\n 1. AKs x3 forehead - LN2, 2 cycles each.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 3]]);
    expect(e.specimens).toEqual([]);
  });

  it("a carried-forward plan is not coded; today's plan is", () => {
    const e = parseNote(
      'Visit Date: 11/24/2026\n*** PRIOR VISIT 10/14/2026 (carried forward, not edited) ***\n| A/P: shave biopsy L upper arm, specimen A; LN2 x 8 AKs.\n*** END ***\n\nAssessment/Plan:\n 1. AKs x3 forehead - LN2, 2 cycles each.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 3]]);
    expect(e.specimens).toEqual([]);
  });
});
