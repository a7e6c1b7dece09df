import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote } from '../../../core/parse';
import { batch, reportDoc, visit } from './helpers';

// Misreads left by probe h9 (round 4 of unseen pages), fixed by probe h13: each case is one general phrasing.

const NOT_RECEIVED = 'pathology/specimen-not-received';

describe('a report part the laboratory never received', () => {
  const report = (b: string) =>
    `Patient: Test, Patient-661   MRN: 900661\nCollected: 10/01/2026  Signed: 10/03/2026\nFINAL DIAGNOSIS:\nA. Skin, L cheek, shave: BASAL CELL CARCINOMA, nodular.\nB. ${b}\n`;

  it.each([
    ['Skin, L temple, shave: NOT RECEIVED. The requisition lists part B; no container B reached the laboratory.'],
    ['Skin, L temple, shave: container received empty; no diagnosis rendered.'],
    ['Skin, L temple: no tissue was received in the container labeled B.'],
  ])('"%s" has no result, no 88305, and a warning naming the part', (b) => {
    const draft = codeEncounter(parseNote(report(b)));
    expect(draft.lines.map((l) => `${l.code} x${l.units}`)).toEqual(['88305 x1']);
    const lost = draft.findings.filter((f) => f.rule === NOT_RECEIVED);
    expect(lost.map((f) => [f.severity, f.target])).toEqual([['warning', 'B']]);
  });

  it('tissue that was examined ("no tissue identified in the deeper levels; dermal scar") is a result, not a lost part', () => {
    const draft = codeEncounter(parseNote(report('Skin, L temple: no tissue identified in the deeper levels; dermal scar.')));
    expect(draft.lines.map((l) => `${l.code} x${l.units}`)).toEqual(['88305 x2']);
    expect(draft.findings.some((f) => f.rule === NOT_RECEIVED)).toBe(false);
  });

  it('linked to its visit: the visit keeps B held and sent, and both documents carry the warning', () => {
    const r = batch([
      [visit('v', { label: 'B', dos: '2026-06-10' }), 'visit.txt'],
      [
        reportDoc('r', [{ specimenLabel: 'B', diagnosisText: 'NOT RECEIVED', behavior: 'unknown', notReceived: true, collectedDate: '2026-06-10' }]),
        'report.html',
      ],
    ]);
    expect(r.lines).toEqual([['11102:ready', '88305:held-for-pathology'], []]);
    expect(r.drafts[0]?.specimens.map((s) => [s.label, s.status, s.diagnosis])).toEqual([['B', 'sent', undefined]]);
    expect(r.rules[0]).toContain(NOT_RECEIVED);
    expect(r.rules[1]).toEqual([NOT_RECEIVED]);
  });

  it('a part received later in its own report wins over the "not received" line', () => {
    const r = batch([
      [visit('v', { label: 'B', dos: '2026-06-10' }), 'visit.txt'],
      [
        reportDoc('r1', [
          { specimenLabel: 'B', diagnosisText: 'NOT RECEIVED', behavior: 'unknown', notReceived: true, collectedDate: '2026-06-10', signedDate: '2026-06-12' },
        ]),
        'r1.html',
      ],
      [reportDoc('r2', [{ specimenLabel: 'B', collectedDate: '2026-06-10', signedDate: '2026-06-20' }]), 'r2.html'],
    ]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    expect(r.rules[0]).not.toContain(NOT_RECEIVED);
  });
});
