import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseSections } from '../../../core/parse';
import { bannerNameOf, extractIdentity, patientNameOf } from '../../../core/parse/identity';
import { stackedFields } from '../../../core/parse/stacked-fields';

// README "Known misreads" fixed by probe h20 (round 7 of unseen pages): each case is one general layout.

const claim = (text: string) =>
  codeEncounter(parseSections([{ name: 'Procedure', role: 'procedure', text }])).lines.map((l) => `${l.code} x${l.units} [${l.dx.join(',')}]`);

describe('probe h20: a form laid out as a grid of plain cells (one cell a line)', () => {
  const grid = 'Procedure\nShave biopsy\nSite\nR dorsal forearm\nLesion size\n0.6 cm\nClinical diagnosis\nr/o SCC\nSpecimen\nA';

  it('label / value lines join into fields', () => {
    expect(stackedFields(grid)).toBe('Procedure: Shave biopsy\nSite: R dorsal forearm\nLesion size: 0.6 cm\nClinical diagnosis: r/o SCC\nSpecimen: A');
    // Label cells that carry their own colon.
    expect(stackedFields('Site:\nL shin\nSize:\n4 mm\nSpecimen:\nB')).toBe('Site: L shin\nSize: 4 mm\nSpecimen: B');
  });

  it('a title over the grid that is itself a field name does not shift the pairs', () => {
    expect(stackedFields(`Procedure\n${grid}\nAssessment\nSCC in situ`)).toBe(
      'Procedure\nProcedure: Shave biopsy\nSite: R dorsal forearm\nLesion size: 0.6 cm\nClinical diagnosis: r/o SCC\nSpecimen: A\nAssessment\nSCC in situ',
    );
  });

  it.each([
    ['a heading and its text', 'Procedure\nShave biopsy of the R forearm, specimen A.\nPlan\nRTC 3 months'],
    ['two pairs only', 'Site\nR arm\nSpecimen\nA\nThe patient tolerated it well.'],
    ['a list under each label', 'Procedures\n- Shave biopsy R arm\nSite\n- R arm\nSpecimen\n- A'],
    ['labels that name no field', 'Chief complaint\nSpot on arm\nReferring provider\nDr. Lee\nPharmacy\nMain St'],
  ])('%s is left alone', (_name, text) => {
    expect(stackedFields(text)).toBe(text);
  });

  it('the grid codes as the fields it holds', () => {
    expect(claim(grid)).toEqual(['11102 x1 [D49.2]', '88305 x1 [D49.2]']);
    // Read one cell a line, the excision had no size and the repair no level or length: both were lost.
    const cells =
      'Procedure\nExcision\nSite\nL upper back\nClinical diagnosis\nAtypical nevus\nLesion size\n0.8 cm\nMargins\n0.2 cm\nRepair\nIntermediate\nRepair length\n2.5 cm\nSpecimen\nA\n' +
      'Procedure\nShave biopsy\nSite\nR cheek\nClinical diagnosis\nr/o BCC\nSpecimen\nB';
    const lines = codeEncounter(parseSections([{ name: 'Procedure', role: 'procedure', text: cells }])).lines;
    // CPT: 0.8 + 2 x 0.2 = 1.2 cm on the trunk = 11402, held for pathology (§3.1-3.3); layered 2.5 cm trunk = 12031 (§4.3);
    // the biopsy of another lesion = 11102-59 (§1.2 item 6); two specimens = 88305 x2, held (§7.1-7.2).
    expect(lines.map((l) => `${l.code} x${l.units} ${l.modifiers.join(',')} ${l.status}`)).toEqual([
      '11102 x1 59 ready',
      '11402 x1  held-for-pathology',
      '12031 x1  ready',
      '88305 x2  held-for-pathology',
    ]);
  });
});

describe('probe h20: a name banner given only in bold (no "Patient:" label)', () => {
  it.each([
    ['DOE, JANE A \u00b7 68 y.o. F \u00b7 DOB 04/12/1957 \u00b7 MRN 12345', 'DOE, JANE A', 'jane doe'],
    ['Van Dyke, Mary (F)  45 yo', 'Van Dyke, Mary', 'mary dyke'],
    ['Nguyen, Anh | DOB: 01/02/1980', 'Nguyen, Anh', 'anh nguyen'],
  ])('"%s" names %s', (banner, raw, name) => {
    const text = `${banner}\nDate of service: 03/02/2026\nProcedure: Shave biopsy, R arm.`;
    expect(bannerNameOf(text)).toBe(raw);
    expect(patientNameOf(text)).toBe(name);
    expect(extractIdentity(text).name).toBe(name);
  });

  it.each([
    ['a title before the birth date is no name', 'Office Visit  DOB 01/02/1980'],
    ['a name with no birth date, MRN or age on its line', 'Smith, John MD\nDOB: 01/02/1980'],
    ['a line that does not open with the name', 'Seen with Doe, Jane \u00b7 DOB 01/02/1980'],
  ])('%s', (_name, text) => {
    expect(bannerNameOf(text)).toBeUndefined();
    expect(extractIdentity(text).name).toBeUndefined();
  });

  it('a labeled name wins over a banner', () => {
    expect(extractIdentity('DOE, JANE \u00b7 DOB 01/02/1980\nPatient: Roe, Richard').name).toBe('richard roe');
  });
});
