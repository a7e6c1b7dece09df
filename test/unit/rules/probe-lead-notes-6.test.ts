import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 6), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('the date of service on a header line beside other fields, or set off in a title', () => {
  it.each([
    ['Patient: Test, Patient-605   Date: 11/23/2026', '2026-11-23'],
    ['Dermatology clinic - 11/24/2026 - Test, Patient-606 (commercial)', '2026-11-24'],
    ['Test, Patient-608 - Excision note - 11/25/2026', '2026-11-25'],
    ['Progress note | 2026-11-24 | Test, Patient-609', '2026-11-24'],
    // Another day's date is no date of service.
    ['Last visit 10/01/2026', undefined],
    ['Next visit: 12/01/2026', undefined],
    ['Test, Patient-610 - referred by Dr. Roe, clinic note 10/01/2026', undefined],
    ['Patient: Test, Patient-611   Date printed: 11/30/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nPsoriasis, stable on topicals.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('dash bullets under an assessment heading are problems of their own', () => {
  const note =
    'SUBJECTIVE: 34 yo F new pt here for acne and a mole check.\nASSESSMENT:\n- Acne vulgaris, moderate - start tretinoin 0.025% cream qhs, doxycycline 100 mg BID x 3 months.\n- Atypical nevus R shin vs melanoma - punch biopsy 4 mm today, 1 suture 4-0 nylon.\nPLAN: f/u 2 wks suture removal.\nE/M: 99203\n';
  it('reads each bullet as one problem, the prescription managing the first', () => {
    expect(parseNote(note).visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([
      ['Acne vulgaris, moderate', true],
      ['Atypical nevus R shin vs melanoma', false],
    ]);
  });
  it('so the new-patient E/M is separately identifiable: 99203-25 for L70.0 beside the punch biopsy', () => {
    const r = codeNote(note, { payer: 'commercial' });
    // Reference §10.1: an E/M with 25 needs a separately identifiable problem beyond the decision for the procedure.
    expect(r.lines).toEqual(['99203-25', '11104', '88305']);
    expect(r.dx).toEqual([['L70.0'], ['D22.71'], ['D22.71']]);
  });
  it('a deeper bullet stays with its problem, and advice under the plan is no problem', () => {
    const e = parseNote('Plan:\n- AKs: LN2 to 5 lesions.\n   - discussed risks of blistering\n- Sunscreen counseling. RTC 6 mo.\n');
    expect(e.visit.problems.map((p) => p.text)).toEqual(['AKs']);
  });
});

describe('E/M without a separate problem stays off the claim', () => {
  it('"Plan: - AKs: LN2 …  - Inflamed SKs x3 … - Sunscreen counseling. RTC 6 mo." + "Level of service: 99213" → no E/M line', () => {
    const draft = codeEncounter(
      parseNote(
        'DOS: 08/18/2026\nPlan:\n- AKs: LN2 cryotherapy to 22 lesions total (face 9, scalp 8, hands 5).\n- Inflamed SKs x3, symptomatic (itch, bleeding): LN2 destruction x3.\n- Sunscreen counseling. RTC 6 mo.\n\nLevel of service: 99213\n',
      ),
      Settings.parse({ payer: 'medicare' }),
    );
    expect(draft.lines.map((l) => `${l.code} x${l.units}`)).toEqual(['17004 x1', '17110 x1']);
    expect(draft.findings.map((f) => f.rule)).toContain('evaluation/separately-identifiable');
  });
});

describe('benign destructions of two lesion kinds, each with its own count, add up', () => {
  it('"Verruca vulgaris R hand x 6, L hand x 4, L knee x 2. Destroyed with LN2, 12 lesions total." + "Molluscum contagiosum trunk - curettage of 9 lesions." → 17111 for B07.8 and B08.1', () => {
    const r = codeNote(
      'Wart clinic. 9 yo M with common warts.\nVerruca vulgaris R hand x 6, L hand x 4, L knee x 2. Destroyed with LN2, 12 lesions total.\nMolluscum contagiosum trunk - curettage of 9 lesions.\nMom consented. Return 3-4 weeks.\n',
    );
    // Reference §2.2: 17110 is 1-14 benign lesions and 17111 is 15 or more, counted over the session: 12 + 9 = 21.
    expect(r.lines).toEqual(['17111']);
    expect(r.dx).toEqual([['B07.8', 'B08.1']]);
  });
});
