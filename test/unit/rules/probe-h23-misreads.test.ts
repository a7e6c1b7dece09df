import { describe, expect, it } from 'vitest';
import { codeEncounter, summarizeSpecimens } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';

// Misreads found by the round-8 page probe (h23, test/fixtures/emr README): each case is one general form, coded end to end.

describe("a result of an earlier date shown beside today's note is not the result of today's specimen of that label (§3.2, §7.1)", () => {
  const NOTE = (collected: string) =>
    'Date of Service: 11/23/2026\nPatient: Test, Patient-9901   MRN: 909901\n\n' +
    'Procedure Note\nExcision, melanoma in situ of the R upper back (biopsy-proven). Lesion 0.8 cm, margins 0.5 cm, excised diameter 1.8 cm. ' +
    'Specimen A to in-house dermatopathology.\n\n' +
    `Pathology Result\nCollected: ${collected}\nSpecimen A: Skin, R upper back\nFinal Diagnosis: A. Melanoma in situ.\n`;

  it('collected before the visit: today’s specimen A stays held and sent; the lesion is still proven malignant', () => {
    const encounter = parseNote(NOTE('10/30/2026'));
    const settings = Settings.parse({});
    const draft = codeEncounter(encounter, settings);
    expect(draft.lines.map((l) => `${l.code} ${l.status}`)).toEqual(['11602 ready', '88305 held-for-pathology']);
    expect(summarizeSpecimens(encounter, draft.lines as never, settings).map((s) => [s.label, s.status])).toEqual([['A', 'sent']]);
  });

  it('collected on the visit date: it is the result of today’s specimen A', () => {
    const draft = codeEncounter(parseNote(NOTE('11/23/2026')), Settings.parse({}));
    expect(draft.lines.map((l) => `${l.code} ${l.status}`)).toEqual(['11602 ready', '88305 ready']);
  });
});
