import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings, type SettingsInput } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { followUpSentence } from '../../../core/reconcile/follow-up';

// Short notes in phrasings the golden corpus lacked, coded end to end (parse → rules): exact lines and finding ids.

function codeNote(text: string, settings: SettingsInput = {}) {
  const draft = codeEncounter(parseNote(text), Settings.parse(settings));
  return {
    lines: draft.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}${l.units > 1 ? ` x${l.units}` : ''}`),
    dx: draft.lines.map((l) => l.dx),
    full: draft.lines.map((l) => ({ code: l.code, billing: l.billing })),
    findings: draft.findings.map((f) => f.rule),
    messages: draft.findings.map((f) => f.message),
  };
}

describe('a condition the ICD-10-CM subset does not code is handed to the coder', () => {
  it.each([
    ['incision and drainage of paronychia, R index finger. Fluctuant, purulent; pus expressed.', '10060-F6', 'paronychia'],
    ['I&D acute paronychia L great toe: lateral nail fold incised, purulent drainage.', '10060-TA', 'paronychia'],
    ['I&D of a felon, R thumb pulp, fluctuant; pus drained.', '10060-F5', 'felon'],
  ])('%s', (proc, line, word) => {
    const r = codeNote(`Date of Service: 11/10/2026\nProcedure: ${proc}\n`);
    expect(r.lines).toEqual([line]);
    expect(r.dx).toEqual([[]]);
    expect(r.findings).toContain('diagnosis/unmapped');
    expect(r.findings).toContain('diagnosis/missing');
    expect(r.messages.find((m) => m.includes(word))).toBeDefined();
  });

  it('an abscess the subset codes gets its code and no such finding', () => {
    const r = codeNote('Date of Service: 11/10/2026\nProcedure: I&D of abscess, R upper back; fluctuant, purulent drainage.\n');
    expect(r.lines).toEqual(['10060']);
    expect(r.dx).toEqual([['L02.212']]);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

describe('a counted summary header does not add a procedure of its own', () => {
  const opNote = (header: string) =>
    `Date of Service: 11/10/2026\nOPERATIVE NOTE\n${header}\nPre-op diagnosis: biopsy-proven BCC, R upper back; dysplastic nevus, L forearm\n\n` +
    'Lesion 1: R upper back, biopsy-proven basal cell carcinoma. Lesion 1.2 cm, 4 mm margins, excised diameter 2.0 cm. Layered closure with 4-0 Monocryl deep and 4-0 nylon, length 4.5 cm.\n' +
    'Lesion 2: L forearm, dysplastic nevus (prior bx), 0.6 cm with 2 mm margins, excised diameter 1.0 cm, layered closure 2.5 cm.\nSpecimens sent to pathology.\n';

  it.each([['Procedure(s): Excision x2 with intermediate layered repair'], ['Procedures: Excision ×2, layered closure'], ['Procedure: excision x2']])(
    '%s',
    (header) => {
      const r = codeNote(opNote(header));
      // §3.2 biopsy-proven BCC → malignant now; the nevus waits for pathology (benign code, held); §4.2 7.0 cm layered, one group.
      expect(r.lines.sort()).toEqual(['11401', '11602', '12032', '88305 x2']);
      expect(r.findings).not.toContain('excision/excised-diameter');
      expect(r.findings).not.toContain('repair/length-documented');
    },
  );
});

describe('slides an outside lab prepared and the practice read', () => {
  const note = (pathLine: string) =>
    `Date of Service: 11/10/2026\nProcedure: shave biopsy, L cheek, 6 mm pearly papule (A). Hemostasis with AlCl. Specimen sent to Quest.\n${pathLine}\nPlan: refer to Mohs.\n`;

  it.each([
    ['Path: slides from Quest reviewed by me today: basal cell carcinoma, nodular.'],
    ['Path A: I reviewed the slides: basal cell carcinoma, nodular type.'],
    ['Pathology: professional read by me. A: basal cell carcinoma, nodular.'],
  ])('professional: 88305-26 (%s)', (line) => {
    expect(codeNote(note(line), { pathology: 'professional' }).lines).toEqual(['11102', '88305-26']);
  });

  it('a lab that read its own slides bills them itself', () => {
    const r = codeNote(note('Path: Quest dermatopathology report: basal cell carcinoma, nodular.'), { pathology: 'professional' });
    expect(r.lines).toEqual(['11102']);
  });

  it('slides read by the lab pathologist are not the practice read', () => {
    const r = codeNote(note('Path: slides from Quest were read by their dermatopathologist: basal cell carcinoma.'), { pathology: 'professional' });
    expect(r.lines).toEqual(['11102']);
  });
});

describe('a negated impression gives no diagnosis of its own', () => {
  it('r/o BCC, not an AK → D49.2 before pathology, not the AK code of the other lines', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nLN2 to 3 AKs of the scalp.\nTangential biopsy, L malar cheek: 8 mm pearly papule, r/o BCC, not an AK. Specimen A to in-house path.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x2', '88305']);
    expect(r.dx[0]).toEqual(['D49.2']);
  });
});

describe('a dictated op note told in prose', () => {
  const dictation = (intro: string) =>
    `Date of service: November 23, 2026\n\n${intro}\n\n` +
    'After informed consent, the right dorsal hand was prepped and anesthetized. The lesion measured 14 mm in greatest diameter and was outlined with 4 mm margins, for an excised diameter of 2.2 cm. It was excised to fat and sent to pathology as specimen A. Closed in layers with buried dermal sutures; repaired length 3.5 cm.\n\n' +
    'Attention was then turned to the left upper back. The cyst measured 1.5 cm and was excised with 1 mm margins, excised diameter 1.7 cm, specimen B to pathology. Layered closure, length 3.0 cm.\n';

  it('the opening history proves the hand cancer and gives the cyst its indication', () => {
    const r = codeNote(
      dictation(
        'He returns for excision of a biopsy-proven squamous cell carcinoma on the dorsum of the right hand, biopsied here on October 12th, and for removal of a painful, recurrently inflamed cyst on the left upper back.',
      ),
    );
    // §3.2 proven → 11623 now; cyst benign, held; §4.2 repairs of different groups are not added.
    expect(r.lines.sort()).toEqual(['11402', '11623', '12032', '12042', '88304', '88305']);
    expect(r.findings).not.toContain('cosmetic/benign-no-indication');
  });

  it('without the history the cyst has no documented need and the hand lesion waits for pathology', () => {
    const r = codeNote(dictation('He returns today for two excisions.'));
    expect(r.lines.sort()).toEqual(['11402', '11423', '12032', '12042', '88304', '88305']);
    expect(r.findings).toContain('cosmetic/benign-no-indication');
  });
});

describe('a referral named by its kind is follow-up of a malignant result', () => {
  it.each([
    ['Plan: Mohs referral.', true],
    ['Derm surgery referral placed for the BCC.', true],
    ['Mohs referral from Dr. Ames for the BCC.', false],
  ])('%s', (sentence, found) => {
    expect(followUpSentence(sentence) !== undefined).toBe(found);
  });
});

describe('a digit modifier only when the counted lesions are all on that digit', () => {
  it('warts on the hand, one on the index finger, and on the foot: 17110 without F6', () => {
    const r = codeNote('Date of Service: 11/10/2026\nWarts: 3 common warts R hand (1 on R index finger), 2 plantar warts L foot - LN2 x2 cycles.\n');
    expect(r.lines).toEqual(['17110']);
    expect(r.findings).toContain('checks/anatomic-modifiers');
  });

  it('warts all on the R index finger: 17110-F6 (§10.6)', () => {
    const r = codeNote('Date of Service: 11/10/2026\n3 common warts R index finger - LN2 x2 cycles.\n');
    expect(r.lines).toEqual(['17110-F6']);
  });
});

describe('a nail procedure named after its digit', () => {
  it('"Ingrown toenail L great toe … Partial nail avulsion": 11730-TA, and the ingrown nail is handed to the coder', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nIngrown toenail L great toe, lateral border, recurrent, painful. Digital block. Partial nail avulsion of the lateral border.\n',
    );
    expect(r.lines).toEqual(['11730-TA']);
    expect(r.findings).toContain('diagnosis/unmapped');
    expect(r.messages.some((m) => m.includes('ingrown nail'))).toBe(true);
  });
});

describe('destructions of several lesions listed on one line', () => {
  it('ED&C x2: L shoulder 0.9 cm sBCC; R upper back 1.4 cm sBCC → one malignant destruction each (§2.3)', () => {
    const r = codeNote('Date of Service: 11/10/2026\nED&C x2: L shoulder 0.9 cm sBCC; R upper back 1.4 cm sBCC (both bx proven 10/30).\n');
    expect(r.lines.sort()).toEqual(['17261', '17262']);
  });

  it('LN2 x2: R cheek 3 AKs; scalp 4 AKs → 7 AKs, counted once each (§2.1)', () => {
    expect(codeNote('Date of Service: 11/10/2026\nLN2 x2: R cheek 3 AKs; scalp 4 AKs.\n').lines).toEqual(['17000', '17003 x6']);
  });
});

describe('a Mohs debulk sent for permanent sections', () => {
  it('is its own specimen: 88305 with the distinct modifier, held (§6.3)', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nMohs R nasal tip BCC. Debulking specimen sent separately for permanent sections (A). Stage I 3 blocks, stage II 2 blocks, clear.\n',
    );
    expect(r.lines).toEqual(['17311', '17312', '88305-59']);
  });

  it('Mohs layers alone give no pathology line', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nMohs R nasal tip BCC. Stage I 3 blocks, stage II 2 blocks, clear. Frozen sections read by the Mohs surgeon.\n',
    );
    expect(r.lines).toEqual(['17311', '17312']);
  });
});

describe('a post-op visit named at the top of the note', () => {
  it('"Post-op wound check 10 days s/p excision …" with 99212: inside the global period, no E/M line (§10.2)', () => {
    const r = codeNote('Date of Service: 11/20/2026\nPost-op wound check 10 days s/p excision L back (11/10/2026). Healing well. Sutures removed.\n99212\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('evaluation/postoperative-visit');
  });
});

describe("one lesion's biopsy proof in a sentence of several procedures", () => {
  it('the biopsies of the other lesions stay D49.2 before pathology (§13.2)', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nShave bx R shoulder 6 mm (A) and punch bx L calf 4 mm (B), both r/o BCC; and ED&C of bx-proven sBCC mid back 1.0 cm.\n',
    );
    expect(r.lines).toEqual(['11104-59', '11103', '17261', '88305 x2']);
    expect(r.dx.slice(0, 2)).toEqual([['D49.2'], ['D49.2']]);
  });
});

describe('an intralesional injection told in template fields', () => {
  it('"Injection: Kenalog-10 … Lesions injected: 3 … Total mg: 12" → 11900 + J3301 x2 (§9.1)', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nInjection: Kenalog-10 (triamcinolone 10 mg/mL) multi-dose vial\n  Lesions injected: 3 (hypertrophic scars, chest)\n  Total mg: 12\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301 x2']);
    expect(r.findings).not.toContain('injection/intralesional');
  });
});

describe('a misspelled cancer name', () => {
  it.each([['sqaumous'], ['squamos'], ['squamous']])('bx-proven %s cell carcinoma R temple → C44.329 on the malignant excision', (word) => {
    const r = codeNote(
      `Date of Service: 11/10/2026\nExicision of bx-proven ${word} cell carcinoma R temple, lesion 0.9 cm, margins 4 mm (excised diameter 1.7 cm). Intermediate repair 3.5 cm. Specimen A.\n`,
    );
    expect(r.lines).toEqual(['11642', '12052', '88305']);
    expect(r.dx[0]).toEqual(['C44.329']);
  });
});

describe('"Kenalog … into each of 8 cysts" is an intralesional injection', () => {
  it('8 acne cysts, 0.1 cc of 10 mg/mL each → 11901 + J3301 x1 (§9.1)', () => {
    const r = codeNote('Date of Service: 11/10/2026\nNodulocystic acne, 8 inflamed cysts face/back. Kenalog 10 mg/ml 0.1 cc into each of 8 cysts.\n');
    expect(r.lines).toEqual(['11901', 'J3301']);
  });
});

describe('a destination sentence that names its jar', () => {
  const note = (line: string) =>
    `Date of Service: 11/10/2026\nPunch biopsy 4 mm R forearm (A), punch biopsy 4 mm L forearm (B), punch biopsy 3 mm upper back (C). Bullous eruption. ${line}\n`;

  it('"B for DIF sent to outside lab": A and C stay in the practice (88305 x2 held), B goes to the lab', () => {
    expect(codeNote(note('B for DIF sent to outside lab in Michels.')).lines).toEqual(['11104', '11105 x2', '88305 x2']);
  });

  it('"All specimens sent to LabCorp" names no jar: all three go out', () => {
    expect(codeNote(note('All specimens sent to LabCorp.')).lines).toEqual(['11104', '11105 x2']);
  });
});

describe('a procedure asked about is not a procedure done', () => {
  it('"excisional bx? -> today shave (saucerization) bx": one tangential biopsy, no excision', () => {
    const r = codeNote('Date of Service: 11/10/2026\nPlan:\n- L mid back 7 mm irregular macule: excisional bx? -> today shave (saucerization) bx, spec A.\n');
    expect(r.lines.sort()).toEqual(['11102', '88305']);
  });

  it('a performed plan item stays when the history only asked for it', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nHPI: would like 3 skin tags on neck removed, they do not bother her.\nPlan:\n- Tags x3 L neck: snip excision, cosmetic, self-pay $75.\n',
    );
    expect(r.full.map((l) => `${l.code} ${l.billing}`)).toEqual(['11200 self-pay']);
  });
});

describe('"snip excision" of skin tags is one removal', () => {
  it('Skin tags x3 L neck: snip excision, cosmetic, self-pay → one self-pay 11200 (§2.2, §12.5)', () => {
    const r = codeNote('Date of Service: 11/10/2026\nPlan:\n- Skin tags x3 L neck: snip excision, cosmetic, self-pay.\n');
    expect(r.full).toEqual([{ code: '11200', billing: 'self-pay' }]);
  });
});

describe('a wart count on two digits', () => {
  it('"4 warts L thumb and 2 warts R 3rd finger" → 17110 with no single digit modifier', () => {
    const r = codeNote('Date of Service: 11/10/2026\nLN2 to 4 warts L thumb and 2 warts R 3rd finger.\n');
    expect(r.lines).toEqual(['17110']);
    expect(r.findings).toContain('checks/anatomic-modifiers');
  });

  it('"4 warts on the L thumb" → 17110-FA (§10.6)', () => {
    expect(codeNote('Date of Service: 11/10/2026\nLN2 to 4 warts on the L thumb.\n').lines).toEqual(['17110-FA']);
  });
});

describe('"insurance will not cover" is no plan', () => {
  it('SKs frozen at the patient request, asymptomatic, insurance will not cover → 17110 self-pay (§12.2)', () => {
    const r = codeNote('Date of Service: 11/10/2026\nSK removal for pt request, 4 SKs trunk, LN2, asymptomatic, pt aware insurance will not cover.\n');
    expect(r.full).toEqual([{ code: '17110', billing: 'self-pay' }]);
  });
});

describe('ED&C of a lid-margin SCCIS when Mohs is declined', () => {
  it('"not a Mohs candidate … - ED&C x2" on a 0.6 cm lower lid margin lesion → 67850-E2 x1 (§2.2, §10.6)', () => {
    const r = codeNote('Date of Service: 11/10/2026\nBx-proven SCCIS L lower lid margin 0.6 cm, not a Mohs candidate per pt preference - ED&C x2.\n', {
      payer: 'medicare',
    });
    expect(r.lines).toEqual(['67850-E2']);
  });
});

describe('a template "Plan:" label over a procedure done today', () => {
  it('"Assessment: AK x6 face. Plan: LN2 today." with a separate acne problem → 99212-25, 17000, 17003 x5', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nAssessment: AK x6 face. Plan: LN2 today.\nAssessment: Acne vulgaris, comedonal. Plan: start adapalene 0.1% gel qhs.\nVisit: 99212-25\n',
    );
    expect(r.lines).toEqual(['99212-25', '17000', '17003 x5']);
  });

  it('"Plan: Mohs" without today stays a plan', () => {
    expect(codeNote('Date of Service: 11/10/2026\nAssessment: BCC L nasal ala, bx proven. Plan: Mohs.\n').lines).toEqual([]);
  });
});

describe('an indented "Plan:" line under a numbered impression', () => {
  it('stays with its problem: the wart destruction knows its lesion type and digit', () => {
    const r = codeNote(
      'Date of Service: 11/10/2026\nIMPRESSION:\n1. Rosacea, papulopustular\n   Plan: start doxycycline 40 mg daily; metronidazole gel.\n2. Verruca vulgaris L index finger x2\n   Plan: LN2 today, 2 cycles.\nE/M 99213 with -25\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['99213-25', '17110-F1']);
  });
});
