import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Encounter } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { batch, reportDoc } from './helpers';

// Probe h15: a report's parts A1, A2 of the note's one container A (two biopsies, pieces not told apart).

const VISIT =
  'Patient: Test, Patient-708   MRN: 900708\nDOS: 10/05/2026\nProcedure: shave biopsies x2 after consent.\n' +
  '- R upper back, 6 mm pink pearly papule, r/o BCC.\n- R mid back, 5 mm irritated papule, r/o SK vs BCC.\nBoth in container A to in-house dermpath.\n';

const jarVisit = () => ({ ...Encounter.parse(parseNote(VISIT, { id: 'v' })), patientKey: 'pk-1' });
const part = (label: string, diagnosisText: string, behavior: 'malignant' | 'benign', siteText: string) => ({
  specimenLabel: label,
  diagnosisText,
  behavior,
  siteText,
  collectedDate: '2026-10-05',
  signedDate: '2026-10-08',
});

describe('parts of one container', () => {
  it.each([
    ['BCC first', [part('A1', 'BASAL CELL CARCINOMA', 'malignant', 'R upper back'), part('A2', 'SEBORRHEIC KERATOSIS', 'benign', 'R mid back')]],
    ['SK first', [part('A1', 'SEBORRHEIC KERATOSIS', 'benign', 'R upper back'), part('A2', 'BASAL CELL CARCINOMA', 'malignant', 'R mid back')]],
  ])('%s: both parts link to container A, one 88305, the most serious result kept', (_, parts) => {
    expect(jarVisit().specimens.map((s) => [s.label, s.pieces])).toEqual([['A', 2]]);
    const r = batch([
      [jarVisit(), 'visit.txt'],
      [reportDoc('r', parts), 'report.txt'],
    ]);
    expect(r.lines).toEqual([['11102:ready', '11103:ready', '88305:ready'], []]);
    expect(r.drafts[0]?.specimens.map((s) => [s.label, s.status, s.behavior])).toEqual([['A', 'billed', 'malignant']]);
    expect(r.rules[0]?.filter((x) => x === 'reconcile/container-parts')).toHaveLength(2);
    expect(r.rules[1]).not.toContain('pathology/report-for-unknown-specimen');
    expect(r.rules[0]).not.toContain('reconcile/conflicting-report');
    // Each lesion takes the part at its site.
    const bcc = parts.find((x) => x.behavior === 'malignant')?.siteText;
    expect(r.drafts[0]?.lines.filter((l) => l.code.startsWith('111')).map((l) => l.dx)).toEqual(
      bcc === 'R upper back' ? [['C44.519'], ['L82.1']] : [['L82.1'], ['C44.519']],
    );
  });

  it('a part label with no container of that letter is not linked to it', () => {
    const single = parseNote(VISIT.replace('Both in container A to in-house dermpath.', 'Specimens A and B to in-house dermpath.'), { id: 'v' });
    expect(codeEncounter(single).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11102 x1', '11103 x1', '88305 x2']);
    const r = batch([
      [{ ...Encounter.parse(single), patientKey: 'pk-1' }, 'visit.txt'],
      [reportDoc('r', [part('A2', 'SEBORRHEIC KERATOSIS', 'benign', 'L knee')]), 'report.txt'],
    ]);
    expect(r.rules[0]).not.toContain('reconcile/container-parts');
    expect(r.rules[1]).toContain('pathology/report-for-unknown-specimen');
  });
});
