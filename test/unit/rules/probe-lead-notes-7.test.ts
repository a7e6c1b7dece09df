import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 7), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a header line that ends with the date, set off by spaces or a tab', () => {
  it.each([
    ['Test, Patient-706      11/18/2026', '2026-11-18'],
    ['Test, Patient-706\t2026-11-18', '2026-11-18'],
    ['Pt: Test, Patient-706  MRN 44120   Nov 18, 2026', '2026-11-18'],
    // A date inside a sentence, a birth date and another day's date are not the visit's.
    ['Test, Patient-706 seen for f/u of biopsy from 11/02/2026', undefined],
    ['Test, Patient-706   DOB   03/14/1951', undefined],
    ['Test, Patient-706   last visit   10/01/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nKeloid R earlobe, Kenalog 10 mg/mL 0.5 mL intralesional.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('a problem managed beside same-day procedures, with no E/M level documented', () => {
  const note =
    'Assessment/Plan:\n1. Plaque psoriasis, moderate - start calcipotriene/betamethasone foam daily x 4 wk.\n2. Lesion R nasal tip, 4 mm pearly papule, r/o BCC - shave biopsy performed, specimen to path.\n';
  it('adds no E/M line (no level is invented) but says the separate problem supports one with 25', () => {
    const r = codeNote(note, { payer: 'commercial', pathology: 'in-house' });
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).toEqual(['evaluation/separately-identifiable']);
  });
  it('says nothing when only the procedure was done', () => {
    const r = codeNote('Assessment/Plan:\n1. Lesion R nasal tip, r/o BCC - shave biopsy performed, specimen to path.\n', { pathology: 'in-house' });
    expect(r.findings).not.toContain('evaluation/separately-identifiable');
  });
  it('with a documented level the line carries 25 and no such note', () => {
    const r = codeNote(`${note}E/M: 99213\n`, { payer: 'commercial', pathology: 'in-house' });
    expect(r.lines).toEqual(['99213-25', '11102', '88305']);
    expect(r.findings).not.toContain('evaluation/separately-identifiable');
  });
});

describe('problem numbers written "#1 AK x 15"', () => {
  it('are not part of the problem name', () => {
    const e = parseNote('A/P:\n#1 AK x 15 - LN2 cryo, 2 cycles each.\n#2 SKs trunk - benign, reassured.\n');
    expect(e.visit.problems.map((p) => p.text)).toEqual(['AK x 15', 'SKs trunk']);
  });
});

describe('a lesion without a site', () => {
  it('is only noted (info) when its procedure is coded without the site: premalignant destruction by count', () => {
    const d = codeEncounter(parseNote('Date of Service: 11/20/2026\nA/P:\n#1 AK x 15 - LN2 cryo, 2 freeze thaw cycles each.\n'), Settings.parse({}));
    expect(d.lines.map((l) => [l.code, l.units])).toEqual([['17004', 1]]);
    expect(d.findings.filter((f) => f.rule === 'documentation/lesion-site').map((f) => f.severity)).toEqual(['info']);
  });
  it('is a warning when the code depends on the site: a shave biopsy', () => {
    const d = codeEncounter(parseNote('Date of Service: 11/20/2026\nA/P:\n1. Pearly papule r/o BCC - shave biopsy, spec A.\n'), Settings.parse({}));
    expect(d.findings.filter((f) => f.rule.startsWith('documentation/lesion-site')).map((f) => f.severity)).toEqual(['warning']);
  });
});
