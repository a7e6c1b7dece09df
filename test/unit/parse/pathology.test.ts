import { describe, expect, it } from 'vitest';
import type { PathologyReport, Unread } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { behaviorOf } from '../../../core/parse/lexicon';
import { parsePathology } from '../../../core/parse/pathology';

const OUTSIDE = `Patient: Test, Path-1   MRN: 700001
DOS: 10/20/2026

SURGICAL PATHOLOGY REPORT
Dermpath Diagnostics, 100 Lab Way. CLIA 12D3456789
Accession: DP26-1234
Collected: 10/14/2026   Received: 10/15/2026   Signed: 10/17/2026

SPECIMEN(S):
A. Skin, left forearm, shave biopsy
B. Skin, right cheek, punch biopsy
C. Skin, back, excision

FINAL DIAGNOSIS:
A. Skin, left forearm, shave biopsy:
   - Basal cell carcinoma, nodular type, extending to the deep margin.
B. Skin, right cheek, punch biopsy:
   - Spongiotic dermatitis with eosinophils. See comment.
C. Skin, back, excision:
   - Compound dysplastic nevus with moderate atypia; margins free.

COMMENT: PAS stain on specimen B is negative for fungal organisms.
MICROSCOPIC DESCRIPTION:
C. Immunostains for MART-1 and SOX10 were performed; PRAME is negative.

ADDENDUM (10/18/2026):
Specimen C: MART-1/Ki-67 dual stain shows a low proliferative index.

Electronically signed by Dr. Path, MD on 10/17/2026
`;

function byLabel(reports: PathologyReport[], label: string): PathologyReport {
  const r = reports.find((x) => x.specimenLabel === label);
  expect(r, `report ${label}`).toBeDefined();
  return r as PathologyReport;
}

describe('outside-lab layout with specimens list, final diagnosis, comment, micro and addendum', () => {
  const e = parseNote(OUTSIDE);
  it('one report per specimen, in label order', () => {
    expect(e.pathology.map((r) => r.specimenLabel)).toEqual(['A', 'B', 'C']);
    expect(e.procedures).toEqual([]);
  });
  it('diagnosis, behavior, margins, site and dates', () => {
    expect(byLabel(e.pathology, 'A')).toMatchObject({
      siteText: 'Skin, left forearm, shave biopsy',
      diagnosisText: 'Basal cell carcinoma, nodular type, extending to the deep margin.',
      behavior: 'malignant',
      margins: 'involved',
      specimenType: 'skin',
      collectedDate: '2026-10-14',
      signedDate: '2026-10-17',
      readBy: 'external',
    });
    expect(byLabel(e.pathology, 'B')).toMatchObject({ behavior: 'inflammatory' });
    expect(byLabel(e.pathology, 'C')).toMatchObject({ behavior: 'benign', margins: 'clear' });
  });
  it('special stains go to the specimen they name (PAS → group I, per block)', () => {
    expect(byLabel(e.pathology, 'B').stains).toEqual([{ name: 'PAS', group: 'I', blocks: 1 }]);
    expect(byLabel(e.pathology, 'A').stains).toEqual([]);
  });
  it('immunostains per specimen, a dual stain is one multiplex entry', () => {
    expect(byLabel(e.pathology, 'C').ihc).toEqual([
      { antibody: 'MART-1', multiplex: false },
      { antibody: 'SOX10', multiplex: false },
      { antibody: 'PRAME', multiplex: false },
      { antibody: 'MART-1/Ki-67', multiplex: true },
    ]);
    expect(byLabel(e.pathology, 'A').ihc).toEqual([]);
  });
  it('spans point at the diagnosis in the pathology section', () => {
    const span = byLabel(e.pathology, 'A').span;
    expect(span?.section).toBe('SURGICAL PATHOLOGY REPORT');
    const text = e.sections[span?.section ?? ''] ?? '';
    expect(text.slice(span?.start, span?.end)).toContain('A. Skin, left forearm');
  });
});

describe('in-house one-line layouts', () => {
  it('"Specimen A, site, shave: DIAGNOSIS" under a dashed heading', () => {
    const e = parseNote(
      'DOS: 02/16/2026\nProcedure: Shave removal of 0.4 cm papule of the nasal tip. Specimen A.\n\n---- PATHOLOGY (in-house dermatopathology) ----\nSpecimen A, nasal tip, shave: INTRADERMAL MELANOCYTIC NEVUS, no atypia. Margins clear.\nSigned out 02/19/2026.',
    );
    expect(e.pathology).toEqual([
      expect.objectContaining({
        specimenLabel: 'A',
        behavior: 'benign',
        margins: 'clear',
        readBy: 'in-house',
        signedDate: '2026-02-19',
        siteText: 'nasal tip, shave',
      }),
    ]);
    expect(e.procedures.map((p) => p.kind)).toEqual(['shave-removal']);
  });

  it('heading and first item on one line, lettered items with dashes', () => {
    const e = parseNote('DERMPATH (in-house) 02/26/2026 -- A: DERMATOFIBROMA, completely excised.\nB: R cheek — SCC in situ, margins involved');
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior, r.margins, r.siteText])).toEqual([
      ['A', 'benign', 'clear', undefined],
      ['B', 'in-situ', 'involved', 'R cheek'],
    ]);
  });

  it('cyst and tag specimens get their pathology level type', () => {
    const e = parseNote(
      'Pathology 02/27/2026:\nA. Scalp, excision: RUPTURED EPIDERMOID CYST with foreign-body giant cell reaction.\nB. Neck, snip: Fibroepithelial polyp (acrochordon).',
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.specimenType, r.behavior])).toEqual([
      ['A', 'cyst', 'benign'],
      ['B', 'skin-tag', 'benign'],
    ]);
  });

  it('an unlabeled single report is labeled A and flagged', () => {
    const e = parseNote('PATHOLOGY REPORT\nDIAGNOSIS: Seborrheic keratosis, irritated type.');
    expect(e.pathology).toEqual([expect.objectContaining({ specimenLabel: 'A', behavior: 'benign' })]);
    expect(e.unread.map((u) => u.reason)).toEqual(['pathology specimen label not documented']);
  });
});

describe('amended reports and addenda that revise the diagnosis', () => {
  it('a revised diagnosis for the same label replaces the original and marks it amended', () => {
    const e = parseNote(
      'SURGICAL PATHOLOGY REPORT\nFINAL DIAGNOSIS:\nA. Skin, L nasal ala, shave: Atypical junctional melanocytic proliferation.\n\nAMENDED DIAGNOSIS:\nA. Skin, L nasal ala, shave: Melanoma in situ, lentigo maligna type, extending to the peripheral margin.',
    );
    expect(e.pathology).toHaveLength(1);
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'in-situ', margins: 'involved', amended: true });
  });

  it('an addendum that revises the diagnosis updates it', () => {
    const e = parseNote(
      'PATHOLOGY REPORT\nFINAL DIAGNOSIS:\nA. Skin, R back, punch: Atypical lentiginous melanocytic proliferation, see addendum.\nADDENDUM:\nA. Based on PRAME and SOX10 immunostains the diagnosis is revised to melanoma in situ.',
    );
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'in-situ', amended: true, diagnosisText: 'melanoma in situ' });
    expect(e.pathology[0]?.ihc.map((i) => i.antibody)).toEqual(['PRAME', 'SOX10']);
  });
});

describe('an addendum paragraph that opens with its sign-out date', () => {
  const report = (lead: string) =>
    `PATHOLOGY REPORT\nFINAL DIAGNOSIS:\nA. Skin, left posterior upper arm, excision:\n   COMPOUND DYSPLASTIC NEVUS WITH MODERATE ATYPIA.\nElectronically signed 10/05/2026\n\nADDENDUM\n${lead}Deeper levels and immunohistochemical stains were performed on block A1.\nMART-1 and SOX10 show confluent junctional melanocytes with pagetoid spread.\nREVISED DIAGNOSIS:\nA. Skin, left posterior upper arm, excision:\n   MELANOMA IN SITU, arising in association with a dysplastic nevus.\n`;
  it.each([[''], ['Signed 10/09/2026. '], ['Addendum electronically signed on 10/09/2026. ']])(
    '"%sDeeper levels …" keeps the addendum\'s text and its immunostains',
    (lead) => {
      const e = parseNote(report(lead));
      expect(e.pathology).toHaveLength(1);
      expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'in-situ', amended: true });
      // Reference §7.2: immunostains are counted per specimen (88342 + 88341).
      expect(e.pathology[0]?.ihc.map((i) => i.antibody)).toEqual(['MART-1', 'SOX10']);
    },
  );

  it('a sign-out line with only its date and signer stays a sign-out: the footer after it is not report text', () => {
    const e = parseNote(
      'PATHOLOGY REPORT\nFINAL DIAGNOSIS:\nA. Skin, R back, shave: Seborrheic keratosis.\nSigned 10/09/2026, J. Doe MD\nMART-1 and SOX10 are available on request at our lab.\n',
    );
    expect(e.pathology[0]?.ihc).toEqual([]);
  });
});

describe('stain groups (§7.2), frozen sections, consultations', () => {
  it('GMS and AFB are group I, trichrome and colloidal iron group II, on their blocks', () => {
    const e = parseNote(
      'PATHOLOGY REPORT\nDIAGNOSIS:\nA. Skin, L forearm, punch: Suppurative granulomatous dermatitis.\nGMS and AFB stains are negative for organisms. Trichrome and colloidal iron stains on 2 blocks support the diagnosis.',
    );
    expect(e.pathology[0]?.stains).toEqual([
      { name: 'GMS', group: 'I', blocks: 1 },
      { name: 'AFB', group: 'I', blocks: 1 },
      { name: 'Trichrome', group: 'II', blocks: 2 },
      { name: 'Colloidal iron', group: 'II', blocks: 2 },
    ]);
  });
  it('Giemsa for mast cells is group II', () => {
    const e = parseNote('PATHOLOGY REPORT\nDIAGNOSIS:\nA. Skin, back: Urticaria pigmentosa. Giemsa stain highlights increased mast cells.');
    expect(e.pathology[0]?.stains).toEqual([{ name: 'Giemsa', group: 'II', blocks: 1 }]);
  });
  it('frozen sections are counted by block', () => {
    const e = parseNote(
      'PATHOLOGY REPORT\nDIAGNOSIS:\nA. Skin, L ear, excision: Squamous cell carcinoma, margins free. Frozen sections on 2 blocks performed intraoperatively.',
    );
    expect(e.pathology[0]?.frozenSectionBlocks).toBe(2);
  });
  it('outside slides reviewed in consultation → 88321', () => {
    const e = parseNote(
      'DERMATOPATHOLOGY CONSULTATION REPORT\nOutside slides received for consultation.\nDIAGNOSIS:\nA. Skin, back: Compound nevus with mild architectural disorder.',
    );
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', consultation: '88321', behavior: 'benign' });
  });
});

describe('behavior from diagnosis wording', () => {
  const cases: [string, string][] = [
    ['Basal cell carcinoma, nodular type', 'malignant'],
    ['Squamous cell carcinoma in situ (Bowen disease)', 'in-situ'],
    ['Melanoma in situ, lentigo maligna type', 'in-situ'],
    ['Invasive melanoma, Breslow 0.6 mm', 'malignant'],
    ['Actinic keratosis, hypertrophic type', 'premalignant'],
    ['Dysplastic nevus with severe atypia', 'benign'],
    ['Atypical intraepidermal melanocytic proliferation; melanoma cannot be excluded', 'uncertain'],
    ['Spongiotic dermatitis', 'inflammatory'],
    ['Dermatophytosis (tinea corporis), PAS positive', 'infectious'],
    ['Scar, no residual melanoma in situ identified', 'benign'],
    ['Insufficient tissue for diagnosis', 'nondiagnostic'],
    ['See note', 'unknown'],
  ];
  it.each(cases)('%s → %s', (text, behavior) => {
    expect(behaviorOf(text)).toBe(behavior);
  });
});

describe('report openings found in real notes', () => {
  it('"RESULTS (date): A) … B) … C) …" on one line → one report per letter', () => {
    const e = parseNote(
      'Shave bx x3: A) R cheek 5 mm papule; B) L upper arm 7 mm plaque; C) R calf 4 mm papule.\nRESULTS (05/07/2026): A) BCC, nodular. B) SCC in situ. C) Dermatofibroma.',
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['A', 'malignant'],
      ['B', 'in-situ'],
      ['C', 'benign'],
    ]);
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B', 'C']);
  });
  it('a report with no heading starts at "A. Skin, site, procedure:"', () => {
    const e = parseNote(
      'Collected 07/01/2026   Signed 07/03/2026\n\nA. Skin, L shin, punch biopsy:\n   PIGMENTED PURPURIC DERMATOSIS. Perls iron stain (1 block) highlights hemosiderin.',
    );
    expect(e.procedures).toEqual([]);
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'inflammatory', stains: [{ name: 'Iron', group: 'II', blocks: 1 }] });
  });
  it('"SPECIMEN: A. …" then "FINAL DIAGNOSIS: …" on its own line: the diagnosis is specimen A\'s, stains on both blocks', () => {
    const e = parseNote(
      'SPECIMEN: A. Skin, scalp vertex, 4 mm punch (horizontal sections, 2 blocks)\nFINAL DIAGNOSIS: Tinea capitis. PAS and GMS stains performed on both blocks demonstrate fungal spores.',
    );
    expect(e.procedures).toEqual([]);
    expect(e.pathology[0]).toMatchObject({
      specimenLabel: 'A',
      behavior: 'infectious',
      stains: [
        { name: 'PAS', group: 'I', blocks: 2 },
        { name: 'GMS', group: 'I', blocks: 2 },
      ],
    });
    expect(e.unread).toEqual([]);
  });
});

describe('results entered later under a lead-in (addendum, dated scanned result)', () => {
  const visit = 'Patient: Test, Lead-1   MRN: 700101\nDOS: 05/05/2026\n\nShave biopsy, R forehead, 6 mm pearly papule, specimen A to Quest Dermpath.\n';
  it.each([
    ['ADDENDUM 05/12/2026: Pathology A: MELANOMA IN SITU, lentigo maligna type; margins free.', 'A', 'in-situ'],
    ['Addendum (05/12/2026): A -- Basal cell carcinoma, nodular.', 'A', 'malignant'],
    ['05/12/2026 Quest result scanned: A -- Basal cell carcinoma, superficial and nodular. Plan Mohs.', 'A', 'malignant'],
    ['05/12/2026 Path results received: Specimen A: seborrheic keratosis, irritated.', 'A', 'benign'],
    ['Late entry 05/13/2026: B) Compound nevus, margins free.', 'B', 'benign'],
    ['Addendum 05/12/2026 - Pathology A: basal cell carcinoma, nodular.', 'A', 'malignant'],
    ['ADDENDUM: path returned: A. Basal cell carcinoma, nodular type.', 'A', 'malignant'],
    ['5/12/26 pathology report received -- A: SCC in situ.', 'A', 'in-situ'],
    ['Addendum (05/12/2026): biopsy results reviewed with patient: A. BCC, nodular. Plan Mohs.', 'A', 'malignant'],
    ['ADDENDUM 05/12/2026: Biopsy A returned basal cell carcinoma, nodular.', 'A', 'malignant'],
  ])('%s', (line, label, behavior) => {
    const e = parseNote(`${visit}${line}\n`);
    expect(e.pathology).toHaveLength(1);
    expect(e.pathology[0]).toMatchObject({ specimenLabel: label, behavior });
    // The result line is not read as a procedure ("Plan Mohs." sits inside the result).
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential']);
  });
  it.each([
    '05/12/2026 A. Shave biopsy R cheek, r/o carcinoma.',
    '05/12/2026 Result pending for specimen A.',
    'Addendum 05/12/2026: patient called, wound healing well.',
    '05/12/2026 Results: A - r/o BCC, pending.',
    'Addendum: biopsy a returned, see scanned report.',
  ])('not a result: %s', (line) => {
    expect(parseNote(`${visit}${line}\n`).pathology).toEqual([]);
  });
});

describe('who reads the slides', () => {
  it.each([
    ['Pathology: technical component by outside lab, professional read by our dermatopathologist.', 'in-house'],
    ['Specimens to our own dermpath lab.', 'in-house'],
    ['Read by our pathologists.', 'in-house'],
    ['Specimens sent to Quest.', 'external'],
  ])('%s → %s', (line, destination) => {
    const e = parseNote(`DOS: 06/02/2026\n1. Punch bx 3 mm R ankle, purpuric papules -- specimen A.\n${line}\n`);
    expect(e.specimens[0]).toMatchObject({ label: 'A', destination });
  });
});

describe('stain lines indented inside a specimen part', () => {
  const report = (stainLine: string) =>
    `DERMATOPATHOLOGY REPORT -- in-house lab\nDate collected: 05/06/2026\n\nA. Skin, R upper back, shave biopsy:\n   DYSPLASTIC NEVUS, severe atypia; margins involved.\n${stainLine}\nB. Skin, L arm, shave biopsy:\n   SEBORRHEIC KERATOSIS, irritated.\n`;
  it.each([
    ['   Immunohistochemistry: MART-1 and SOX10 performed; no pagetoid spread.', ['MART-1', 'SOX10'], []],
    ['   IHC: PRAME negative.', ['PRAME'], []],
    ['   Special stains: PAS negative for fungal organisms.', [], ['PAS']],
    ['   Comment: MART-1 highlights a junctional proliferation.', ['MART-1'], []],
  ])('%s stays with A and B is still read', (line, antibodies, stains) => {
    const e = parseNote(report(line));
    expect(e.pathology.map((r) => r.specimenLabel)).toEqual(['A', 'B']);
    const [a, b] = e.pathology as [PathologyReport, PathologyReport];
    expect(a.ihc.map((i) => i.antibody)).toEqual(antibodies);
    expect(a.stains.map((s) => s.name)).toEqual(stains);
    expect(a.diagnosisText).not.toMatch(/MART|PRAME|PAS|highlights/);
    expect(b).toMatchObject({ diagnosisText: 'SEBORRHEIC KERATOSIS, irritated.', behavior: 'benign', ihc: [], stains: [] });
  });
});

describe('a one-line result holds only its own lines', () => {
  const head = 'DOS: 05/12/2026\nShave biopsy, R forehead, specimen A to Quest.\n';
  it.each([
    '05/12/2026 Quest result scanned: A -- Basal cell carcinoma, nodular.\nLN2 to 3 AKs on the face today.\n',
    'Path A (05/12/2026): Basal cell carcinoma, nodular.\nLN2 to 3 AKs on the face today.\n',
    'ADDENDUM 05/12/2026: Pathology A: basal cell carcinoma, nodular.\n\nLN2 to 3 AKs on the face today.\n',
  ])('%s', (tail) => {
    const e = parseNote(`${head}${tail}`);
    expect(e.pathology).toHaveLength(1);
    expect(e.pathology[0]).toMatchObject({ specimenLabel: 'A', behavior: 'malignant', diagnosisText: expect.not.stringMatching(/LN2/) });
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential', 'destruction-premalignant']);
  });
  it('labelled and indented lines after it are still the result', () => {
    const e = parseNote(`${head}Addendum 05/12/2026: A) BCC, nodular.\nB) Seborrheic keratosis.\n   Margins free.\nLN2 to 3 AKs on the face today.\n`);
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['A', 'malignant'],
      ['B', 'benign'],
    ]);
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential', 'destruction-premalignant']);
  });
});

describe('results written "A - … . B - …" on one line', () => {
  it('each letter is its own result', () => {
    const e = parseNote(
      'Shave biopsies: (A) R forearm r/o SCC; (B) L upper back r/o BCC.\nResults (in-house, signed 12/05/2026): A - SCC in situ. B - seborrheic keratosis.',
    );
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['A', 'in-situ'],
      ['B', 'benign'],
    ]);
  });
});

describe('synoptic and "N of M" specimen keys', () => {
  const parse = (text: string) => {
    const unread: Unread[] = [];
    return parsePathology({ name: 'p', role: 'pathology', start: 0, text }, (start, end) => ({ section: 'p', start, end }), unread);
  };
  it('"Specimen Part: A" opens the item; its site and procedure fields are its head, "Diagnosis:" its result', () => {
    const reports = parse(
      'Specimen Part: A\nSpecimen Site: Skin, left upper back\nProcedure: Shave biopsy\nDiagnosis: Seborrheic keratosis, irritated\nPathologist Comment: None\n\nSpecimen Part: B\nSpecimen Site: Skin, right thigh\nProcedure: Punch biopsy\nDiagnosis: Dermatofibroma\n',
    );
    expect(reports.map((r) => [r.specimenLabel, r.diagnosisText, r.behavior])).toEqual([
      ['A', 'Seborrheic keratosis, irritated', 'benign'],
      ['B', 'Dermatofibroma', 'benign'],
    ]);
  });
  it('"SPECIMEN 1 OF 2" numbers the specimen, not its count', () => {
    const reports = parse(
      'SPECIMEN 1 OF 2\nSource: Skin, right nasal sidewall, shave biopsy\nFinal diagnosis: Basal cell carcinoma, nodular type.\n\nSPECIMEN 2 OF 2\nSource: Skin, left shoulder, shave biopsy\nFinal diagnosis: Seborrheic keratosis.\n',
    );
    expect(reports.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['1', 'malignant'],
      ['2', 'benign'],
    ]);
  });
});

describe('stains another laboratory performed', () => {
  it('are not this lab’s work, even across a wrapped line and in a later result sentence', () => {
    const e = parseNote(
      'FINAL DIAGNOSIS\nA. Skin, left forearm, shave biopsy:\n   ATYPICAL JUNCTIONAL MELANOCYTIC PROLIFERATION.\n\nCOMMENT\nA MART-1 immunostain performed in our laboratory on block A1 highlights single junctional melanocytes.\nSOX10 and PRAME immunostains were performed at\nMeridian Reference Laboratory (outside report attached) and were reviewed; PRAME is negative.\n',
    );
    expect(e.pathology[0]?.ihc.map((i) => i.antibody)).toEqual(['MART-1']);
  });
  it('a stain "performed in our laboratory" or "here" stays', () => {
    const e = parseNote('FINAL DIAGNOSIS\nA. Skin, back, punch biopsy: Tinea.\nCOMMENT: A PAS stain performed here highlights hyphae.\n');
    expect(e.pathology[0]?.stains.map((s) => s.name)).toEqual(['PAS']);
  });
});

describe('immunostain results listed one per line', () => {
  it('under "IMMUNOHISTOCHEMISTRY (block A1):" each listed antibody is specimen A’s', () => {
    const e = parseNote(
      'FINAL DIAGNOSIS:\nA. Skin, back, shave biopsy: Dysplastic nevus.\nB. Skin, temple, shave biopsy: Actinic keratosis.\n\nIMMUNOHISTOCHEMISTRY (block A1):\n  SOX10 - highlights junctional melanocytes\n  PRAME - negative\n  Ki-67 - less than 5% in dermal melanocytes\n',
    );
    expect(byLabel(e.pathology, 'A').ihc.map((i) => i.antibody)).toEqual(['SOX10', 'PRAME', 'Ki-67']);
    expect(byLabel(e.pathology, 'B').ihc).toEqual([]);
  });
});

describe('who read the report', () => {
  it('an accession number alone names no outside lab', () => {
    const text = 'SURGICAL PATHOLOGY REPORT\nAccession #: S26-4411\nSpecimen A: Skin, L forearm, shave\nFINAL DIAGNOSIS: A. Seborrheic keratosis.\n';
    const [r] = parsePathology({ name: 'p', role: 'pathology', start: 0, text }, (start, end) => ({ section: 'p', start, end }), []);
    expect(r?.readBy).toBe('unknown');
  });
});
