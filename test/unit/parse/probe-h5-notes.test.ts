import { describe, expect, it } from 'vitest';
import { findSites, pickSite } from '../../../core/anatomy/vocabulary';
import { parseNote } from '../../../core/parse';
import { findCount, findLengthCm, findMarginCm, findSizes, greatest } from '../../../core/parse/measure';
import { plainText } from '../../../core/parse/plain-text';
import { splitSections } from '../../../core/parse/sections';
import { dateOfServiceOf } from '../../../core/parse/visit';

// Misreads found by probe h5 (visit notes in styles the golden corpus lacks, round 3); each case is one general phrasing.

describe('a one-line chief complaint or reason for visit', () => {
  it.each([
    ['CC: AK f/u + "skin tags that catch on my collar"'],
    ['Reason for visit: painful red lump on upper back; bump on scalp.'],
    ['Chief complaint: rough spots'],
  ])('%s does not make the paragraphs after a blank line history', (reason) => {
    const e = parseNote(`Date of Service: 11/25/2026\n${reason}\n\n#1 AKs - face x5 -> LN2 2 cycles ea, done\n`);
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 5]]);
  });

  it('keeps a multi-paragraph HPI as history', () => {
    const sections = splitSections('HPI: 70M with a rough spot.\n\nHe had LN2 to AKs last year.\n');
    expect(sections.map((s) => s.role)).toEqual(['history']);
  });
});

describe('an addendum heading with a date and a note in parentheses', () => {
  const note = (heading: string) =>
    parseNote(
      `Date of Service: 11/25/2026\nTwo 4 mm punch biopsies: A - vertex scalp; B - frontal hairline. To outside lab.\n\n${heading}\nA. Scalp, vertex (horizontal sections): lichen planopilaris.\nB. Scalp, frontal hairline: consistent with lichen planopilaris.\n`,
    );
  it.each([['ADDENDUM 12/03/2026 (path received, Westside Dermatopathology):'], ['ADDENDUM 12/03/2026:'], ['Addendum (path received):']])(
    '%s brings the lettered results',
    (heading) => {
      const e = note(heading);
      expect(e.pathology.map((r) => r.specimenLabel).sort()).toEqual(['A', 'B']);
    },
  );
  it('a plain addendum of plan text is no report', () => {
    const e = parseNote(
      'Date of Service: 11/25/2026\nLN2 to 3 AKs of the scalp.\n\nADDENDUM 11/26/2026 (phone call):\nPatient called, blister care reviewed.\n',
    );
    expect(e.pathology).toHaveLength(0);
  });
});

describe('a count followed by its breakdown in parentheses', () => {
  it.each([
    ['snip removal x20 (neck x12, R axilla x4, L axilla x4), AlCl', 20],
    ['20 tags removed (12 neck, 8 axillae)', 20],
    ['tags x6 neck, x4 axillae', 10],
    // Parts that do not add up to the count are other facts, read as before.
    ['LN2 to AKs x 9 (3 cm area), scalp', 9],
  ])('%s -> %i', (text, n) => {
    expect(findCount(text)).toBe(n);
  });
});

describe('a treatment date labels the date of service', () => {
  it.each([
    ['Patient: Test   Treatment date: 11/25/2026', '2026-11-25'],
    ['Date of treatment: 11/25/2026', '2026-11-25'],
  ])('%s', (line, dos) => {
    expect(dateOfServiceOf(`PHOTOTHERAPY FLOWSHEET\n${line}\n| 28 | 11/16/2026 | 1150 |\n`)).toBe(dos);
  });
});

describe('dictated sizes written in words', () => {
  it.each([
    ['The lesion measured one point two centimeters in greatest diameter.', 1.2],
    ['a twelve millimeter pink papule', 1.2],
    ['lesion of zero point eight cm', 0.8],
    ['an excised diameter of two point two five centimeters', 2.25],
  ])('%s -> %f cm', (text, cm) => {
    expect(findSizes(plainText(text)).map((s) => greatest(s))).toEqual([cm]);
  });

  it('keeps offsets: the text has the same length', () => {
    const text = 'I took five-millimeter margins, final length five point five centimeters. One percent lidocaine, three-oh Vicryl.';
    const plain = plainText(text);
    expect(plain).toHaveLength(text.length);
    expect(findMarginCm(plain)).toBe(0.5);
    expect(findLengthCm(plain)).toBe(5.5);
    expect(plain).toContain('One percent lidocaine, three-oh Vicryl.');
  });

  it('reads a spelled-out unit after digits like its abbreviation', () => {
    expect(findMarginCm(plainText('margins of 4 millimeters'))).toBe(0.4);
  });
});

describe('a procedure dated before the visit', () => {
  const biopsies = (text: string) => parseNote(`Date of Service: 11/25/2026\n${text}\n`).procedures.filter((p) => p.kind.startsWith('biopsy')).length;
  it.each([
    ['SCC of the L upper back, biopsy done here on November fourth. Today we proceeded with excision.', 0],
    ['Shave bx performed 10/28/2026 showed BCC.', 0],
    ['Shave biopsy performed on 11/25/2026, specimen A.', 1],
    ['Shave biopsy performed today, specimen A.', 1],
    ['Punch biopsy of a lesion biopsied elsewhere 10/28/2026 was performed, specimen A.', 1],
  ])('%s', (text, n) => {
    expect(biopsies(text)).toBe(n);
  });
});

describe('a later comma-part that denies another procedure', () => {
  it.each([
    ['LN2 cryo to all 5 warts, 1 FTC each, no paring.', ['destruction-benign']],
    ['ED&C x3 of the biopsy-proven BCC R forearm 0.8 cm, no repair needed.', ['destruction-malignant']],
    ['No biopsy today.', []],
  ])('%s', (text, kinds) => {
    expect(parseNote(`Date of Service: 11/25/2026\n${text}\n`).procedures.map((p) => p.kind)).toEqual(kinds);
  });
});

describe('SOAP parts shown apart from the assessment (a web page splits at "A/P:")', () => {
  it('reads "S:" and "O:" as history and exam without the plan in the same text', () => {
    expect(splitSections('S: itchy growth.\nO: R inframammary fold: 1.2 cm ISK.\n').map((s) => s.role)).toEqual(['history', 'exam']);
  });
});

describe('a counted title over numbered excisions', () => {
  it('is no excision of its own, and its biopsy proof holds for every item', () => {
    const e = parseNote(
      'DOS: 11/25/2026\nPROCEDURE NOTE - EXCISIONS x2 (all biopsy proven, bx 10/28/2026)\nConsent: signed.\nAnesth: 1% lido w/ epi.\n\n#1 L mid cheek - nodular BCC\n   Lesion 1.8 cm, margins 2 mm, excised diameter 2.2 cm. Spec A.\n\n#2 R posterior neck - SCC\n   Lesion 1.1 cm, 4 mm margins, excised diameter 1.9 cm. Spec B.\n',
    );
    const excisions = e.procedures.filter((p) => p.kind === 'excision');
    expect(excisions.map((p) => p.excisedDiameterCm)).toEqual([2.2, 1.9]);
  });
});

describe('patch testing, which the reference gives no code', () => {
  it('is reported as not read, never coded', () => {
    const e = parseNote('Date of Service: 11/25/2026\nProcedure: PATCH TEST APPLICATION - baseline series 80 allergens applied to the upper back.\n');
    expect(e.procedures).toHaveLength(0);
    expect(e.unread.map((u) => u.reason).join(' ')).toContain('patch testing');
  });
  it('a planned patch test is nothing', () => {
    const e = parseNote('Date of Service: 11/25/2026\nPlan: patch testing if not improved in 8 weeks.\n');
    expect(e.unread).toHaveLength(0);
  });
});

describe('a thumbnail and a size after it', () => {
  it.each([
    ['new longitudinal melanonychia R thumbnail, 3 mm wide band', '1'],
    ['R thumb nail', '1'],
    ['L 2nd finger', '2'],
  ])('%s -> digit %s', (text, digit) => {
    expect(pickSite(findSites(text, { strict: true }))?.site.subsite).toBe(digit);
  });
});
