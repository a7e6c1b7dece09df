import { describe, expect, it } from 'vitest';
import { identityFromText } from '../../../core/emr/identity';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { parseMohsStages } from '../../../core/parse/mohs';
import { untickedOptions } from '../../../core/parse/unticked-options';

// Misreads left by probe h13 (round 5 of unseen pages), fixed by probe h15: each case is one general phrasing.

const claim = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} [${l.dx.join(',')}]`);
const report = (text: string) =>
  parseSections([{ name: 'Pathology report', role: 'pathology', text }]).pathology.map((r) => [r.specimenLabel, r.siteText, r.diagnosisText, r.behavior]);

describe('probe h15: misreads of round 5', () => {
  it('a report part hard-wrapped mid-sentence (a PDF print) keeps its site', () => {
    expect(
      report(
        'Final Diagnosis\nA. Skin, left\nlateral forearm, shave biopsy: SQUAMOUS CELL CARCINOMA IN SITU, extending to\nthe peripheral margin.\n' +
          'B. Skin, right\nupper back, punch biopsy: COMPOUND NEVUS.\n',
      ),
    ).toEqual([
      ['A', 'Skin, left lateral forearm, shave biopsy', 'SQUAMOUS CELL CARCINOMA IN SITU, extending to the peripheral margin.', 'in-situ'],
      ['B', 'Skin, right upper back, punch biopsy', 'COMPOUND NEVUS.', 'benign'],
    ]);
    // A part whose first line ends its sentence is not joined to the next.
    expect(report('Final Diagnosis\nA. Basal cell carcinoma, nodular.\nmargins free.\n')).toEqual([
      ['A', undefined, 'Basal cell carcinoma, nodular. margins free.', 'malignant'],
    ]);
  });

  it('a note sentence hard-wrapped between the side and the site keeps the side', () => {
    const e = parseNote(
      'DOS: 10/05/2026\nProcedure: Shave biopsy of a 6 mm scaly papule of the left\nlateral forearm, r/o SCC. Specimen A to in-house dermpath.\n',
    );
    expect(e.specimens.map((s) => [s.label, s.site?.key, s.site?.laterality])).toEqual([['A', 'forearm', 'left']]);
  });

  it.each([
    ['Dermatitis of the L shin, biopsied to r/o psoriasis.', 'L30.9'],
    ['Dermatitis of the L shin, punch bx today to rule out psoriasis.', 'L30.9'],
    ['Nevus of the L shin, biopsied to r/o melanoma.', 'D49.2'],
    ['Lesion of the L shin, biopsied to r/o BCC.', 'D49.2'],
  ])('"%s": what is named before the rule-out is linked (%s)', (item, dx) => {
    expect(
      claim(
        `DOS: 10/05/2026\nAssessment/Plan:\n1. ${item}\nProcedure: 4 mm punch biopsy of the L shin, closed with one 4-0 nylon suture. Specimen A to in-house dermpath.\n`,
      ),
    ).toEqual([`11104 x1 [${dx}]`, `88305 x1 [${dx}]`]);
  });

  it('a revised diagnosis ends before "Results telephoned …" and "Addendum signed …"', () => {
    expect(
      report(
        'Final Diagnosis\nA. Skin, left upper back, shave biopsy: DYSPLASTIC NEVUS, moderate atypia.\nElectronically signed: Okafor, Ruth, MD 10/08/2026\n' +
          'Addendum\nDeeper levels show an atypical intraepidermal melanocytic proliferation. The diagnosis for part A is revised:\n' +
          'A. Skin, left upper back, shave biopsy: MELANOMA IN SITU, peripheral margin involved.\n' +
          'Results telephoned to Dr. Lee on 10/12/2026 at 14:05 by R. Okafor.\nAddendum signed: Okafor, Ruth, MD 10/12/2026\n',
      ),
    ).toEqual([['A', 'Skin, left upper back, shave biopsy', 'MELANOMA IN SITU, peripheral margin involved.', 'in-situ']]);
  });

  const LAYERED = (stitch: string) =>
    'DOS: 10/05/2026\nA/P: BCC, biopsy proven, L upper arm.\nProcedure: Excision of BCC, L upper arm. Excised diameter 1.6 cm including margins.\n' +
    `Repair: Layered closure. The deep layer was closed with 4-0 Vicryl buried sutures and the epidermis ${stitch}. Final length 4.0 cm.\nSpecimen A to in-house dermpath.\n`;

  it.each([
    ['with 5-0 Prolene simple-interrupted sutures'],
    ['with 5-0 Prolene simple epidermal sutures'],
    ['with simple interupted 5-0 nylon'],
    ['with 5-0 nylon, simple\ninterrupted'],
    ['with 5-0 nylon simple percutaneous sutures'],
  ])('"%s" names a stitch of a layered closure, not a simple repair', (stitch) => {
    const draft = codeEncounter(parseNote(LAYERED(stitch)));
    expect(draft.lines.map((l) => l.code)).toEqual(['11602', '12032', '88305']);
    expect(draft.findings.filter((f) => f.rule === 'repair/level-supported')).toEqual([]);
  });

  it('a repair called simple is still simple', () => {
    const draft = codeEncounter(
      parseNote(LAYERED('with 5-0 nylon').replace('Layered closure. The deep layer was closed', 'Simple repair; the deep layer was closed')),
    );
    expect(draft.findings.filter((f) => f.rule === 'repair/level-supported').map((f) => f.message)).toEqual([
      'Repair of lesion L1 (L upper arm): documented as simple, but the technique described (layered closure) meets the intermediate definition; treated as intermediate.',
    ]);
  });

  it.each([
    ['Sent to pathology: Yes [ ] No [x]', 'Sent to pathology:     [ ] No [x]'],
    ['Sutures: Yes [x] No [ ]', 'Sutures: Yes [x]    [ ]'],
    ['Anesthesia given Yes ☐ No ☒', 'Anesthesia given     ☐ No ☒'],
    // Boxes before their words keep the old reading.
    ['Type: [x] Shave  [ ] Punch', 'Type: [x] Shave  [ ]      '],
  ])('a box after its word: "%s"', (line, out) => {
    expect(untickedOptions(line)).toBe(out);
  });

  it.each([
    ['Yes [ ] No [x]', ['11301']],
    ['[ ] Yes [x] No', ['11301']],
    ['No', ['11301']],
    ['Yes [x] No [ ]', ['11301', '88305']],
  ])('"Specimen sent to pathology: %s"', (answer, codes) => {
    const e = parseNote(`DOS: 10/05/2026\nProcedure: Shave removal of irritated SK, R upper back, 0.8 cm.\nSpecimen sent to pathology: ${answer}\n`);
    expect(codeEncounter(e).lines.map((l) => l.code)).toEqual(codes);
  });

  it('an EMR addendum section correcting the side corrects the procedure section above it', () => {
    const sections = (addendum: string) => [
      { name: 'Visit', role: 'header', text: 'Patient: Test, Patient-706  MRN: 900706\nDOS: 10/05/2026' },
      { name: 'Assessment and Plan', role: 'assessment', text: '1. Wart, L index finger - LN2 x1 today.' },
      { name: 'Procedures', role: 'procedure', text: 'Destruction of 1 common wart, L index finger, LN2 2 cycles.' },
      { name: 'Addendum', role: 'other', text: addendum },
    ];
    const code = (addendum: string) => codeEncounter(parseSections(sections(addendum))).lines.map((l) => `${l.code}-${l.modifiers.join(',')}`);
    expect(code('Addendum 10/06/2026: site was R, not L.')).toEqual(['17110-F6']);
    expect(code('Addendum 10/06/2026: patient tolerated well.')).toEqual(['17110-F1']);
  });

  it.each([
    ['Paciente / Patient: Test, Patient-707   MRN: 900707', 'Test, Patient-707   MRN: 900707'],
    ['Patient / Paciente: Test, Patient-707', 'Test, Patient-707'],
    ['Nombre / Name: Test, Patient-707\nDOB 01/01/1950', 'Test, Patient-707'],
  ])('a bilingual banner "%s" gives the name', (text, patient) => {
    expect(identityFromText(text).patient).toBe(patient);
  });
});

describe('probe h15: misreads found on the new pages', () => {
  it('a notes-list row previewing a note ("…R upper back...") is no procedure', () => {
    const e = parseNote(
      'Patient: Test, Patient-703  MRN: 900703\nDate | Type | Author | Preview\n11/05/2026 | Procedures | Haddad, Lina, MD | Excision, epidermoid cyst, R upper back...\n' +
        'Date of Service: 11/05/2026\nProcedure: Excision, epidermoid cyst, R upper back. Lesion size: 1.8 cm. Margins: 0.4 cm.\nSpecimen: A, to in-house dermatopathology.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([['excision', 'A']]);
  });

  it('EMA\'s "Result: Cancerous" flag under a report is no second diagnosis', () => {
    expect(
      report(
        'Accession: RD26-04411\nSPECIMEN A: Skin, left dorsal forearm, shave biopsy\nFINAL DIAGNOSIS:\nA. SQUAMOUS CELL CARCINOMA IN SITU.\nResult: Cancerous\n',
      ),
    ).toEqual([['A', 'Skin, left dorsal forearm, shave biopsy', 'SQUAMOUS CELL CARCINOMA IN SITU.', 'in-situ']]);
    // A report whose only reading is "Result: benign" keeps it.
    expect(report('Final Diagnosis\nResult: Benign\n').map((r) => r[2])).toEqual(['Benign']);
  });

  const TABLE =
    'DOS: 11/02/2026\nProcedures:\nProcedure: Shave biopsy | Location: R dorsal forearm | Size: 0.7 cm | Specimen: A\n' +
    'Procedure: Shave biopsy | Location: L upper back | Size: 0.6 cm | Specimen: B\n\nProcedure Notes:\n';

  it.each([
    [
      'Tangential (shave) biopsies were taken with a DermaBlade; hemostasis with aluminum chloride. Specimens A and B sent.',
      ['11102 x1', '11103 x1', '88305 x2'],
    ],
    // Counted, the narrative's biopsies are the ones it counts (here the same two).
    ['Shave biopsies x2 were taken. Hemostasis with AlCl3.', ['11102 x1', '11103 x1', '88305 x2']],
    ['Consent obtained. A shave biopsy was taken from each site with a DermaBlade; hemostasis with AlCl3.', ['11102 x1', '11103 x1', '88305 x2']],
    // One more biopsy of its own, with its own jar, is one more.
    ['A third shave biopsy of the L shin, specimen C.', ['11102 x1', '11103 x2', '88305 x3']],
  ])('procedure notes after a table: "%s"', (narrative, lines) => {
    expect(codeEncounter(parseNote(`${TABLE}${narrative}\n`)).lines.map((l) => `${l.code} x${l.units}`)).toEqual(lines);
  });

  it("a Mohs map with one row per block counts each stage's rows as its blocks", () => {
    const rows = (stage: string, n: number) => Array.from({ length: n }, (_, k) => `${stage} | ${k + 1} | red | absent`).join('\n');
    expect(parseMohsStages(`Stage | Block | Ink | Tumor\n${rows('I', 6)}\n${rows('II', 2)}\n`)).toEqual([
      { stage: 1, blocks: 6 },
      { stage: 2, blocks: 2 },
    ]);
    // "Block | Tumor" with ids "1A … 1F, 2A": the stage is the id's number.
    const ids = ['1A', '1B', '1C', '1D', '1E', '1F', '2A'].map((b) => `${b} | absent`).join('\n');
    expect(parseMohsStages(`Block | Tumor\n${ids}\n`)).toEqual([
      { stage: 1, blocks: 6 },
      { stage: 2, blocks: 1 },
    ]);
    // A row per stage keeps its own count.
    expect(parseMohsStages('Stage | Blocks | Margins\nI | 4 | positive\nII | 6 | clear\n')).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 6 },
    ]);
  });

  it('"then complex repair" in the plan is the op note\'s repair of the alar rim, not one more', () => {
    const draft = codeEncounter(
      parseSections([
        { name: 'Imp/Plan', role: 'assessment', text: '1. BCC, R nasal ala, biopsy proven.\nMohs surgery today, then complex repair.' },
        {
          name: 'Mohs',
          role: 'other',
          text: 'Mohs Map\nSurgeon and pathologist: K. Lindqvist, MD.\nStage | Block | Tumor\nI | 1 | present\nI | 2 | absent\nII | 1 | absent\nFrozen sections read by the Mohs surgeon. Final defect 1.2 cm, R nasal ala.',
        },
        {
          name: 'Repair',
          role: 'other',
          text: 'Repair\nComplex repair, R nasal ala: extensive undermining, the alar rim realigned with a key suture; layered closure. Repair length: 2.2 cm.',
        },
      ]),
    );
    expect(draft.lines.map((l) => `${l.code} x${l.units}`)).toEqual(['17311 x1', '17312 x1', '13151 x1']);
    expect(draft.findings.filter((f) => f.rule.startsWith('repair/'))).toEqual([]);
  });

  it('a print-preview copy of the sections is read once', () => {
    const note = [
      { name: 'Header', role: 'header', text: 'Patient: Test, Patient-705  MRN: 900705  DOS: 11/10/2026' },
      {
        name: 'Assessment and Plan',
        role: 'assessment',
        text: 'Keloids of the chest x2. Intralesional triamcinolone 10 mg/mL, 0.6 mL into each keloid, 1.2 mL total (12 mg).\nReturn in 2 weeks for suture removal and results.',
      },
    ];
    const copy = { name: 'Assessment and Plan', role: 'assessment', text: `${note[1]?.text}\nElectronically signed by R. Mensah, MD · Page 1 of 1` };
    const code = (sections: typeof note) => codeEncounter(parseSections(sections)).lines.map((l) => `${l.code} x${l.units}`);
    expect(code(note)).toEqual(['11900 x1', 'J3301 x2']);
    expect(code([...note, copy])).toEqual(['11900 x1', 'J3301 x2']);
    // A section that shares lines with the earlier ones but tells a procedure of its own is its own.
    const other = {
      name: 'Assessment and Plan',
      role: 'assessment',
      text: `${note[1]?.text}\nShave biopsy of a 5 mm papule of the R forearm, specimen A to in-house dermpath.`,
    };
    expect(code([...note, other])).toContain('11102 x1');
  });

  it.each([['Both in container A to in-house dermpath.'], ['Both placed in jar 1, to in-house dermpath.']])(
    '"%s": two biopsies in one named jar are one specimen',
    (jar) => {
      const e = parseNote(
        `DOS: 10/05/2026\nProcedure: shave biopsies x2 after consent.\n- R upper back, 6 mm pink pearly papule, r/o BCC.\n- R mid back, 5 mm irritated papule, r/o SK vs BCC.\n${jar}\n`,
      );
      expect(e.specimens.map((s) => [s.label, s.pieces])).toEqual([[/jar 1/.test(jar) ? '1' : 'A', 2]]);
      expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['11102 x1', '11103 x1', '88305 x1']);
    },
  );
});
