import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { looksLikePathologyReport, reportDocumentEncounter } from '../../../core/reconcile';

const LINKED = join(__dirname, '../../fixtures/linked');
const read = (p: string) => readFileSync(join(LINKED, p), 'utf8');

describe('looksLikePathologyReport', () => {
  const reports = [
    'biopsies-then-inhouse-report/report.txt',
    'excision-held-benign-professional/signout.txt',
    'excision-held-then-malignant/path.txt',
    'outside-lab-three-biopsies/aurora-report.txt',
    'different-patient-must-not-link/other-patient-report.txt',
  ];
  const visits = [
    'biopsies-then-inhouse-report/visit.txt',
    'excision-held-benign-professional/visit.txt',
    'excision-held-then-malignant/visit.txt',
    'outside-lab-three-biopsies/visit.txt',
    'report-listed-before-visit-medicare/visit.txt',
  ];
  for (const f of reports) it(`report: ${f}`, () => expect(looksLikePathologyReport(read(f))).toBe(true));
  for (const f of visits) it(`visit: ${f}`, () => expect(looksLikePathologyReport(read(f))).toBe(false));

  it('a synoptic report (key: value fields, one "Procedure:" per part) is a report', () => {
    const report = `SKIN PATHOLOGY - SYNOPTIC REPORT
Patient Name: Test, P   MRN: 1
Date of Procedure: 03/18/2026
Date Reported: 03/21/2026

Specimen Part: A
Specimen Site: Skin, left upper back
Procedure: Shave biopsy
Diagnosis: Seborrheic keratosis`;
    expect(looksLikePathologyReport(report)).toBe(true);
  });

  it('a visit note with its pathology pasted in stays a visit', () => {
    const note = `Patient: Test, P   MRN: 1
Date of Service: 02/20/2026
Procedure: Excision of lesion, R cheek
Margins: 0.4 cm; excised diameter 1.7 cm
Specimen A to in-house dermpath.

PATHOLOGY REPORT  Signed 02/24/2026
A. Skin, right cheek, excision:
   FINAL DIAGNOSIS: INVASIVE SQUAMOUS CELL CARCINOMA.`;
    expect(looksLikePathologyReport(note)).toBe(false);
  });

  it('empty or junk text is not a report', () => {
    expect(looksLikePathologyReport('')).toBe(false);
    expect(looksLikePathologyReport('hello world')).toBe(false);
  });
});

describe('reportDocumentEncounter', () => {
  it('reads a report file as reports only, dated from the collection', () => {
    const text = read('outside-lab-three-biopsies/aurora-report.txt');
    const e = reportDocumentEncounter(text, parseNote(text, { id: 'aurora' }));
    expect(e?.procedures).toEqual([]);
    expect(e?.specimens).toEqual([]);
    expect(e?.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['A', 'inflammatory'],
      ['B', 'in-situ'],
      ['C', 'premalignant'],
    ]);
    expect(e?.visit.dateOfService).toBe('2026-06-12');
    expect(e?.id).toBe('aurora');
  });

  it('leaves a visit note alone', () => {
    const text = read('excision-held-then-malignant/visit.txt');
    expect(reportDocumentEncounter(text, parseNote(text, { id: 'v' }))).toBeUndefined();
  });
});

describe('reportDocumentEncounter: the label named above a lone diagnosis', () => {
  it('takes the one named specimen label instead of guessing A', () => {
    const text = `DERMATOPATHOLOGY REPORT (in-house)    Collected 06/11/2026    Signed 06/15/2026

Specimen B: Skin, right dorsal forearm, excision
FINAL DIAGNOSIS: SQUAMOUS CELL CARCINOMA, well differentiated.`;
    const e = reportDocumentEncounter(text, parseNote(text, { id: 'r' }));
    expect(e?.pathology.map((r) => r.specimenLabel)).toEqual(['B']);
    expect(e?.unread).toEqual([]);
  });
});

describe('looksLikePathologyReport: synoptic lab layouts', () => {
  it('a lab report with one "Procedure:" field is still a report', () => {
    const text = `SURGICAL PATHOLOGY REPORT
Patient: Test, P   MRN: 1
Accession #: S26-01234    Collected: 06/10/2026    Signed out: 06/12/2026

Specimen: Skin, left cheek
Procedure: Shave biopsy

FINAL DIAGNOSIS:
A. Skin, left cheek, shave biopsy: Basal cell carcinoma, nodular type.

GROSS DESCRIPTION: Received in formalin, entirely submitted in one cassette.`;
    expect(looksLikePathologyReport(text)).toBe(true);
  });
});

describe('a visit note that carries its own pathology results is a visit, not a report', () => {
  const note = (heading: string) =>
    `DOS 11/12/2026\nShave biopsies today: A) L upper back r/o DN; B) L nasal ala r/o BCC.\nAll to in-house dermpath.\n\n${heading}\nA. Skin, L upper back, shave: Dysplastic compound nevus with moderate atypia.\nB. Skin, L nasal ala, shave: Basal cell carcinoma, nodular type.\n`;
  it.each(['Pathology:', 'DERMATOPATHOLOGY REPORT (in-house)'])('under "%s": the biopsies stay (session-10 probe)', (heading) => {
    const text = note(heading);
    expect(looksLikePathologyReport(text)).toBe(false);
    expect(reportDocumentEncounter(text, parseNote(text))).toBeUndefined();
  });
});
