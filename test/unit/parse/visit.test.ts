import { describe, expect, it } from 'vitest';
import { parseNote, parseSections } from '../../../core/parse';
import { extractIdentity, normalizeName } from '../../../core/parse/identity';
import { splitSections } from '../../../core/parse/sections';

describe('identity (hashed by the caller, never stored raw)', () => {
  it('prefers the MRN, and returns name and MRN separately', () => {
    const id = extractIdentity('Patient: Doe, Jane   MRN: 123456   DOB: 01/02/1950\nDOS: 10/14/2026\n');
    expect(id).toEqual({ name: 'jane doe', mrn: '123456', dateOfBirth: '01/02/1950', dateOfService: '2026-10-14', key: 'mrn:123456', patient: 'mrn:123456' });
  });
  it('falls back to a patient key, then the normalized name', () => {
    expect(extractIdentity('Patient key: PK-77\nPatient: Jane Doe').key).toBe('key:PK-77');
    expect(extractIdentity('Patient name: Jane A. Doe\nVisit Date: 3/4/2026').key).toBe('name:jane doe');
  });
  it('"Last, First" and "First Last" give the same key', () => {
    expect(extractIdentity('Patient: DOE, JANE').key).toBe(extractIdentity('Pt: Jane Doe').key);
    expect(normalizeName('Doe, Jane A.')).toBe('jane doe');
    expect(normalizeName('Dr. John Q Public Jr.')).toBe('john public');
  });
  it('a date of birth alone never identifies a patient', () => {
    expect(extractIdentity('DOB: 01/02/1950\nDOS: 10/14/2026').key).toBeUndefined();
  });
  it('prose starting with "Patient" is not a name', () => {
    expect(extractIdentity('Patient tolerated the procedure well.').key).toBeUndefined();
  });
  it('never throws on junk', () => {
    expect(extractIdentity('')).toEqual({});
    expect(extractIdentity('\u0000\uffff'.repeat(1000))).toEqual({});
  });
});

describe('visit facts', () => {
  const dos: [string, string][] = [
    ['DOS: 10/14/2026', '2026-10-14'],
    ['Date of Service: Oct 14, 2026', '2026-10-14'],
    ['Visit Date: 2026-10-14', '2026-10-14'],
    ['Encounter Date: 10/14/26', '2026-10-14'],
    ['DOB: 01/02/1950\nDate: 10/14/2026', '2026-10-14'],
    ['Patient: Doe, Jane\n2026-10-14\nEst pt, AKs.', '2026-10-14'],
    ['DOB: 1950-01-02\nWed 10/14/2026 9:40 AM\nAKs.', '2026-10-14'],
    ['Patient: Doe, Jane\n2026-10-14T09:30\nAKs.', '2026-10-14'],
  ];
  it.each(dos)('%s → %s', (text, iso) => {
    expect(parseNote(text).visit.dateOfService).toBe(iso);
  });

  const em: [string, string, boolean][] = [
    ['E/M: 99213', '99213', false],
    ['Level 3 established', '99213', false],
    ['new patient level 4', '99204', true],
    ['Established patient, level 2 visit', '99212', false],
    ['Level of service: 99205', '99205', true],
  ];
  it.each(em)('%s → %s', (text, code, isNew) => {
    const v = parseNote(text).visit;
    expect(v.emCode).toBe(code);
    expect(v.newPatient).toBe(isNew);
  });

  it('time, place of service, G2211/ABN/decision cues', () => {
    const v = parseNote('Total time: 32 minutes. POS: 11. ABN signed. Decision for surgery made today; longitudinal care of psoriasis.').visit;
    expect(v).toMatchObject({ totalMinutes: 32, placeOfService: '11', abnOnFile: true, decisionForSurgery: true, longitudinalCare: true });
    expect(parseNote('Place of service: office').visit.placeOfService).toBe('11');
  });

  it.each([
    ['Total time spent on the date of the encounter: 42 minutes, including counseling.', 42],
    ['Time spent with the patient today was 25 min.', 25],
    ['Total time: 32 minutes.', 32],
  ])('total time: %s → %i', (text, minutes) => {
    expect(parseNote(text).visit.totalMinutes).toBe(minutes);
  });

  it('"Here for 2-week suture removal after excision … on 11/12/2026 (11602, 12032)" → post-op of 11602 on that date', () => {
    expect(
      parseNote('S: Here for 2-week suture removal after excision of melanoma in situ R upper back on 11/12/2026 (11602, 12032). Healing well.').visit.postOpOf,
    ).toEqual({ related: true, code: '11602', date: '2026-11-12' });
  });

  it.each([
    ['psoriasis on methotrexate, which I have managed for 3 years as her ongoing dermatologist', true],
    ['We have been following his CTCL for the past six years.', true],
    ['I followed up on the biopsy result by phone.', undefined],
    ['She has had psoriasis for 3 years.', undefined],
  ])('longitudinal care (G2211, reference §10.8): %s', (text, expected) => {
    expect(parseNote(text).visit.longitudinalCare).toBe(expected);
  });

  it('problems from the assessment/plan, separately managed when prescribed or worked up', () => {
    const e = parseNote(
      'Assessment/Plan:\n1. Actinic keratoses x 12, face. LN2 cryotherapy performed.\n2. Acne vulgaris (L70.0) - start doxycycline 100 mg bid\n3. Psoriasis - continue methotrexate, labs today\n4. SK, back - benign, reassured.',
    );
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged, p.icd10])).toEqual([
      ['Actinic keratoses x 12, face', false, undefined],
      ['Acne vulgaris', true, 'L70.0'],
      ['Psoriasis', true, undefined],
      ['SK, back', false, undefined],
    ]);
    expect(e.visit.problems[1]?.span?.section).toBe('Assessment/Plan');
  });

  it.each([
    ['1. Inflamed epidermoid cyst, upper back. I&D performed, loculations broken up, packed. Culture sent.', false],
    ['1. Abscess L axilla - incision and drainage, wound culture obtained, packed with iodoform.', false],
    ['1. Furuncle R thigh - drained, swabbed for C&S.', false],
    ['1. Abscess L axilla - I&D, culture sent; start doxycycline 100 mg bid x10 d.', true],
    ['1. Tinea corporis - KOH positive, culture sent, start terbinafine cream.', true],
    // The injected drug's strength is the injection's own, not a prescription.
    ['1. Keloid upper chest x1, itchy - ILK Kenalog 10 mg/mL 0.3 cc.', false],
    ['1. Psoriasis plaques elbows - ILK triamcinolone 5 mg/mL to 2 plaques; start clobetasol 0.05% ointment bid.', true],
  ])("a culture of the pus drained today is the I&D's own work, not another problem's management: %s", (line, managed) => {
    const e = parseNote(`Assessment/Plan:\n${line}\n`);
    expect(e.visit.problems.map((p) => p.separatelyManaged)).toEqual([managed]);
  });

  it.each([
    ['Shave removal, R forearm. Lesion shaved at the base, then ED&C of the base x2. Specimen A to dermpath.', 'A'],
    ['Shave removal, L shin, 6 mm papule. Then ED&C of the base x2 cycles; sent to path.', 'A'],
  ])("the jar told after a destruction holds the removal's tissue: %s", (line, label) => {
    const e = parseNote(`Date of Service: 11/20/2026\n${line}\n`);
    expect(e.procedures.map((p) => [p.kind.startsWith('destruction') ? 'destruction' : p.kind, p.specimenLabel ?? null])).toEqual([
      ['shave-removal', label],
      ['destruction', null],
    ]);
    expect(e.specimens.map((s) => s.label)).toEqual([label]);
  });

  it('a procedure heading right after the header has its span in its own section, not an empty slice of the header', () => {
    const e = parseNote('Date of Service: 11/20/2026\nProcedure: I&D R thigh. Fluctuant nodule incised, pus expressed.\nDx: furuncle R thigh.\n');
    const span = e.procedures[0]?.span;
    expect(span?.section).toBe('Procedure');
    expect(span && e.sections[span.section]?.slice(span.start, span.end)).toMatch(/^Procedure: I&D R thigh\./);
  });

  it('a pathology accession number ("path #S26-4410") is not an ICD-10 code', () => {
    const e = parseNote('Assessment/Plan:\n1. BCC, L temple (biopsy proven 09/10/2026, path #S26-4410) - Mohs today.\n2. Acne vulgaris (L70.0) - doxycycline');
    expect(e.visit.problems.map((p) => p.icd10)).toEqual([undefined, 'L70.0']);
  });
});

describe('entered charges', () => {
  it('"Charges entered by provider:" is the charges section', () => {
    const e = parseNote(
      'Date of Service: 06/29/2026\nA/P: r/o BCC L nasal sidewall - shave bx (A)\n\nCharges entered by provider:\n 11102 x1\n 11103 x2\n 88305 x3\n',
    );
    expect(e.enteredCharges.map((c) => [c.code, c.units])).toEqual([
      ['11102', 1],
      ['11103', 2],
      ['88305', 3],
    ]);
  });

  it('codes, units, modifiers and dx from a Charges section', () => {
    const e = parseNote('Charges:\n99213-25  L82.0\n11102 x1\n17000\n17003 x 4   dx: L57.0\n11642-59\nJ3301 x 4\nunits: ignored line without code');
    expect(e.enteredCharges).toEqual([
      { code: '99213', units: 1, modifiers: ['25'], dx: ['L82.0'] },
      { code: '11102', units: 1, modifiers: [], dx: [] },
      { code: '17000', units: 1, modifiers: [], dx: [] },
      { code: '17003', units: 4, modifiers: [], dx: ['L57.0'] },
      { code: '11642', units: 1, modifiers: ['59'], dx: [] },
      { code: 'J3301', units: 4, modifiers: [], dx: [] },
    ]);
  });
  it('dx pointers resolve against a numbered diagnosis list', () => {
    const e = parseNote('Billing:\nDx 1. L57.0\nDx 2. D48.5\n11102  pointers: 2\n17000 x1  ptr 1');
    expect(e.enteredCharges.map((c) => [c.code, c.dx])).toEqual([
      ['11102', ['D48.5']],
      ['17000', ['L57.0']],
    ]);
  });
  it.each([
    [
      'pipes',
      'Charges:\n| CPT | Description | Mod | Units | Dx |\n| 17262 | Destruction, malignant | 59 | 1 | C44.519 |\n| 88305 | Surgical path | | 2 | D48.5 |',
    ],
    ['tabs', 'Charges:\nCPT\tDescription\tMod\tUnits\tDx\n17262\tDestruction, malignant\t59\t1\tC44.519\n88305\tSurgical path\t\t2\tD48.5'],
    [
      'aligned columns',
      'Charges:\nCode     Description              Modifier   Qty   Dx\n17262    Destruction, malignant   59         1     C44.519\n88305    Surgical path                       2     D48.5',
    ],
  ])('a charge grid in %s: units and modifiers from their columns', (_name, text) => {
    expect(parseNote(text).enteredCharges).toEqual([
      { code: '17262', units: 1, modifiers: ['59'], dx: ['C44.519'] },
      { code: '88305', units: 2, modifiers: [], dx: ['D48.5'] },
    ]);
  });
  it('codes outside a charges section are not entered charges', () => {
    expect(parseNote('Shave biopsy (CPT 11102) of the L arm.').enteredCharges).toEqual([]);
  });
});

describe('sections and spans', () => {
  it('headings split the note; text before them is the header; spans point into section text', () => {
    const text =
      'Patient: Test\nDOS: 10/14/2026\n\nHPI: here for spot\n\nASSESSMENT AND PLAN\n1. BCC R nasal ala - shave biopsy performed, specimen A.\n\nCharges:\n11102';
    const sections = splitSections(text);
    expect(sections.map((s) => [s.name, s.role])).toEqual([
      ['header', 'header'],
      ['HPI', 'history'],
      ['ASSESSMENT AND PLAN', 'assessment'],
      ['Charges', 'charges'],
    ]);
    const e = parseNote(text);
    const p = e.procedures[0];
    expect(p?.kind).toBe('biopsy-tangential');
    const body = e.sections[p?.span?.section ?? ''] ?? '';
    expect(body.slice(p?.span?.start, p?.span?.end)).toContain('shave biopsy performed');
  });

  it('a note without headings is one section named "note" (or the caller\'s name)', () => {
    expect(Object.keys(parseNote('Shave biopsy of the L arm.').sections)).toEqual(['note']);
    expect(Object.keys(parseNote('Shave biopsy of the L arm.', { section: 'visit' }).sections)).toEqual(['visit']);
  });

  it('SOAP letters are headings when the note uses them', () => {
    const e = parseNote(
      'S: spot on lip\nO: keratotic plaque on lower lip vermilion\nA: r/o SCC\nP: Punch biopsy 3 mm of lower lip vermilion performed, specimen A.',
    );
    expect(Object.keys(e.sections)).toEqual(['S', 'O', 'A', 'P']);
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([['biopsy-punch', 'lip-vermilion', 'A']]);
  });

  it('"S:" / "O:" / "A/P:" is a SOAP note: "S:" is the history, not a lesion labelled S', () => {
    const e = parseNote(
      'S: two warts R hand x 6 mo, painful.\nO: verrucous papules R index finger.\nA/P:\n1. Verruca vulgaris R hand (2) — cryotherapy with LN2, 2 cycles each. RTC 3 wk PRN.',
    );
    expect(Object.keys(e.sections)).toEqual(['S', 'O', 'A/P']);
    expect(e.procedures.map((p) => [p.kind, p.status, p.site?.key])).toEqual([['destruction-benign', 'performed', 'hand']]);
  });

  it.each([
    ['A:\n1. Seborrheic keratoses, irritated, L shoulder x2 - catching on bra strap.\nP:\n1. LN2 to 2 SKs L shoulder.\n', ['header', 'A', 'P']],
    ['CC: spots\nA: irritated SKs L shoulder x2\nP: LN2 to 2 SKs L shoulder\n', ['header', 'CC', 'A', 'P']],
    // Specimen letters are no SOAP headings: "A:" beside "B:".
    ['Specimens:\nA: R shoulder shave\nB: L shin punch\nP: see above\n', ['note']],
  ])('"A:" before "P:" without "S:" is an assessment and its plan: %s', (text, names) => {
    expect(Object.keys(parseNote(`Date of Service: 11/20/2026\n${text}`).sections)).toEqual(names);
  });

  it("parseSections keeps the adapter's sections and roles", () => {
    const e = parseSections(
      [
        { name: 'Visit', role: 'visit', text: 'Date of service: 10/14/2026\nE/M: 99213' },
        { name: 'Procedure note', role: 'procedure', text: 'Shave biopsy of the R cheek, specimen A.' },
        { name: 'Results', role: 'pathology', text: 'A. Skin, R cheek, shave: Basal cell carcinoma, superficial type.' },
      ],
      { id: 'snap-1' },
    );
    expect(e.id).toBe('snap-1');
    expect(Object.keys(e.sections)).toEqual(['Visit', 'Procedure note', 'Results']);
    expect(e.visit).toMatchObject({ dateOfService: '2026-10-14', emCode: '99213' });
    expect(e.procedures[0]).toMatchObject({ kind: 'biopsy-tangential', specimenLabel: 'A', span: { section: 'Procedure note', start: 0 } });
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'malignant' });
  });
});

describe('visit.provider stops at the next field', () => {
  it.each([
    ['Provider: A. Rivera, MD   Location: Main St Dermatology', 'A. Rivera, MD'],
    ['Provider: A. Rivera, MD\tLocation: Main St', 'A. Rivera, MD'],
    ['Rendering provider: Jane Smith, PA-C Supervising physician: Dr. Lee', 'Jane Smith, PA-C'],
    ['Provider: Dr. K. Okafor | Clinic: North', 'Dr. K. Okafor'],
    ['Provider: Dr. K. Okafor', 'Dr. K. Okafor'],
    ['Provider: A. Rivera, MD Location: Main St', 'A. Rivera, MD'],
    ['Provider: Ma Lin, MD', 'Ma Lin, MD'],
  ])('%s → %s', (line, provider) => {
    expect(parseNote(`DOS: 03/24/2026\n${line}\nShave biopsy R cheek, specimen A.\n`).visit.provider).toBe(provider);
  });
});

describe('a second problem told in prose (no plan, no numbered items)', () => {
  it('"99214-25: also discussed and managed his worsening hand eczema, started clobetasol" is a managed problem', () => {
    const e = parseNote(
      'I performed an ED&C of the biopsy-proven superficial BCC on the right upper back, 1.4 cm.\nEst pt. 99214-25: also discussed and managed his worsening hand eczema, started clobetasol ointment.',
    );
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([['worsening hand eczema', true]]);
  });

  it('"also treated 3 warts with LN2" is a procedure, not a separate problem', () => {
    const e = parseNote('ED&C of biopsy-proven BCC R upper back, 1.4 cm. Also treated 3 warts on the L hand with LN2. Est pt 99213.');
    expect(e.visit.problems).toEqual([]);
  });

  it('sunscreen counseling alone names no other problem', () => {
    const e = parseNote('AKs x5 scalp, LN2. Sunscreen counseling. Est pt 99213.');
    expect(e.visit.problems).toEqual([]);
  });
});

describe('a chronic condition managed in prose', () => {
  it('"Est pt, psoriasis on Skyrizi doing well, cont." is a managed problem', () => {
    const e = parseNote('Est pt, psoriasis on Skyrizi doing well, cont. 99213-25, G2211.\nAlso: shave bx R arm, r/o BCC (A).');
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([['psoriasis', true]]);
  });

  it('"Seb derm of scalp flaring, start ketoconazole" in prose is a managed problem', () => {
    const e = parseNote('Est pt. Seb derm of scalp flaring, start ketoconazole 2% shampoo, Rx sent. Also shave bx R arm, r/o BCC (A). 99213-25.');
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([['Seb derm', true]]);
  });

  it('a decimal dose keeps its sentence whole ("flaring on 0.1% triamcinolone; continue")', () => {
    const e = parseNote(
      'Est pt here for follow-up. Psoriasis on elbows, flaring on 0.1% triamcinolone; continue and start calcipotriene.\nShave biopsy R forearm, specimen A.',
    );
    expect(e.visit.problems.map((p) => [p.text, p.separatelyManaged])).toEqual([['Psoriasis', true]]);
  });

  it('"Hx psoriasis" with sunscreen advice is not', () => {
    const e = parseNote('Hx psoriasis. AK x3 L forearm LN2. Cont sunscreen daily. 99213.');
    expect(e.visit.problems).toEqual([]);
  });
});

describe('decision making and total time as written', () => {
  it.each([
    ['Est pt. MDM moderate (2 chronic illnesses, Rx drug mgmt).', 'moderate'],
    ['Medical decision making: low complexity.', 'low'],
    ['High complexity MDM given the biologic.', 'high'],
    ['MDM: straightforward', 'straightforward'],
    ['Discussed moderate sun protection.', undefined],
  ])('%s → mdm %s', (line, mdm) => {
    expect(parseNote(`DOS: 11/25/2026\n${line}\n`).visit.mdm).toBe(mdm);
  });

  it.each([
    ['Time: 35 minutes total on date of encounter.', 35],
    ['35 min total time.', 35],
    ['40 minutes were spent on the date of service.', 40],
    ['Follow up in 3 months.', undefined],
  ])('%s → %s minutes', (line, minutes) => {
    expect(parseNote(`DOS: 11/25/2026\n${line}\n`).visit.totalMinutes).toBe(minutes);
  });
});

describe('a telehealth modifier documented with the E/M', () => {
  it.each([
    ['E/M: 99213-95', '99213', ['95']],
    ['Visit code 99214-25-95', '99214', ['95']],
    ['E/M 99213 with modifier 95', '99213', ['95']],
    ['Seen via telehealth, mod 95. Level 99213.', '99213', ['95']],
    ['99212 GT (audio-video)', '99212', ['GT']],
    ['Level 3 established, modifier -95 appended', '99213', ['95']],
    // Not a telehealth modifier: the engine decides 25 itself; a minute count is no modifier.
    ['E/M: 99213-25', '99213', undefined],
    ['99213 - office visit, 25 min', '99213', undefined],
    ['Rx #95 tabs. E/M 99213', '99213', undefined],
  ])('%s → %s %j', (line, code, mods) => {
    const v = parseNote(`Date of Service: 11/20/2026\nAcne vulgaris - continue doxycycline.\n${line}\n`).visit;
    expect(v.emCode).toBe(code);
    expect(v.emModifiers).toEqual(mods);
  });
});
