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

describe('two biopsies in one jar', () => {
  const note = (jar: string) =>
    'Patient: Test, Patient-662   MRN: 900662\nDOS: 10/05/2026\nProcedure: shave biopsies x2 after consent.\n' +
    '- R upper back, 6 mm pink pearly papule, r/o BCC.\n- R mid back, 5 mm irritated papule, r/o SK.\n' +
    `${jar}\n`;
  const summary = (text: string) => {
    const e = parseNote(text);
    const draft = codeEncounter(e);
    return {
      specimens: e.specimens.map((s) => `${s.label}${s.pieces ? ` x${s.pieces}` : ''} ${s.site?.text ?? ''}`.trim()),
      lines: draft.lines.map((l) => `${l.code} x${l.units}`),
      labels: draft.findings.filter((f) => f.rule === 'documentation/duplicate-specimen-label').map((f) => f.severity),
    };
  };

  it.each([
    ['Both placed in one container, specimen A (blue = A1, black = A2): the first inked blue, the second inked black.'],
    ['Both in one jar labeled A, separately inked for the lab, to in-house dermpath.'],
    ['Both in the same container A; the second tagged with a suture.'],
  ])('told apart by ink or suture (%s): two specimens A1, A2, two 88305, no label error', (jar) => {
    expect(summary(note(jar))).toEqual({
      specimens: ['A1 R upper back', 'A2 R mid back'],
      lines: ['11102 x1', '11103 x1', '88305 x2'],
      labels: [],
    });
  });

  it.each([['Both placed together in one container, specimen A, to dermpath.'], ['Both in one jar, labeled A (not inked), to dermpath.']])(
    'not told apart (%s): one specimen, one 88305, an info instead of the label error',
    (jar) => {
      const { specimens, ...rest } = summary(note(jar));
      // The jar's site is one of its pieces' sites.
      expect(specimens.map((s) => s.split(' R ')[0])).toEqual(['A x2']);
      expect(rest).toEqual({ lines: ['11102 x1', '11103 x1', '88305 x1'], labels: ['info'] });
    },
  );
});
