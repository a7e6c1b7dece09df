import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { isCodeGrid } from '../../../core/parse/code-grid';
import { numberedRows } from '../../../core/parse/numbered-rows';
import { plainSpaces } from '../../../core/parse/spaces';
import { transposedGrids } from '../../../core/parse/transposed-grid';
import { unitLabels } from '../../../core/parse/unit-labels';

// Misreads found by probe h9 (round 4 of saved EMR pages the adapters were not written for); each case is one general
// layout, written the way the page's text reads (test/fixtures/emr/*: patients 590-599).

/** What a note codes to, in short: "code xunits [modifiers]". */
const short = (lines: { code: string; units: number; modifiers: string[] }[]) => lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}]`);
const claim = (text: string) => short(codeEncounter(parseNote(text)).lines);

describe('invisible characters from word processors', () => {
  it('soft hyphens, zero-width spaces and joiners go; a non-breaking hyphen is a hyphen', () => {
    expect(plainSpaces('Exci\u00adsion 2.\u00ad0\u00a0cm, C44.3\u200b19, Spec\u200cimen\u200d A\u2060\ufeff, in\u2011house')).toBe(
      'Excision 2.0 cm, C44.319, Specimen A, in-house',
    );
  });

  it('a repair length and margins written with them code as typed', () => {
    const note =
      'DOS: 08/11/2026\nPreoperative Diagnosis: BCC, L mid cheek, biopsy proven 07/14/2026.\nProcedure: Exci\u00adsion of malignant lesion, L mid cheek.\n' +
      'Lesion size: 1.2\u00a0\u00d7\u00a00.9\u202fcm\nMargins: 0.4\u2009cm on all sides\nRepair: Inter\u00admediate (layered), length 3.\u200b6\u00a0cm.\nSpec\u200bimen: \u201cA\u201d to dermatopathology.\n';
    expect(claim(note)).toEqual(['11642 x1 []', '12052 x1 []', '88305 x1 []']);
  });
});

describe('a label and its typed value with no separator', () => {
  it('"Lesion diameter (cm) 0.7" (a <label> before an <input>) reads as "Lesion diameter: 0.7 cm", same length', () => {
    const out = unitLabels('Lesion diameter (cm) 0.7');
    expect(out).toBe('Lesion diameter: 0.7 cm ');
    expect(out.length).toBe('Lesion diameter (cm) 0.7'.length);
    // Touching the number, there is no room to write the unit: left alone.
    expect(unitLabels('Size (cm)0.7')).toBe('Size (cm)0.7');
  });
});

describe('a superbill or entered-code list under a procedure title', () => {
  const superbill =
    'Procedures\nCPT | Description | Units | Mod\n99214 | Office visit, est | 1 | 25\n11102 | Tangential biopsy, first | 1\n17000 | Destruction premalignant | 1';

  it('is a code grid; a procedure note naming a code once is not', () => {
    expect(isCodeGrid(superbill)).toBe(true);
    expect(isCodeGrid('Diagnoses\nICD-10 | Description\nL57.0 | Actinic keratosis\nD48.5 | Neoplasm of uncertain behavior')).toBe(true);
    expect(isCodeGrid('Procedure\nShave biopsy, L forearm (11102). Specimen A.\nCryotherapy to 3 AKs (17000, 17003 x2).')).toBe(false);
    // A procedure log with a code column says what was done where: documentation, coded from.
    expect(isCodeGrid('Procedures\nCPT | Procedure | Site | Specimen\n11102 | Shave biopsy | R cheek | A\n17000 | Cryotherapy AK | L temple')).toBe(false);
  });

  it('is compared as entered charges, never coded from: its 99214-25 is no documented visit level', () => {
    const sections = [
      { name: 'Assessment / Plan', role: 'assessment', text: 'Assessment / Plan\n1. AK x2, forehead - LN2 to both.\nDOS: 06/16/2026' },
      { name: 'Superbill', role: 'charges', text: 'Superbill' },
      { name: 'Procedures', role: 'procedure', text: superbill },
    ];
    const e = parseSections(sections);
    expect(e.visit.emCode).toBeUndefined();
    const draft = codeEncounter(e);
    expect(short(draft.lines)).toEqual(['17000 x1 []', '17003 x1 []']);
    expect(draft.findings.map((f) => f.message)).toContain('Entered 99214 is not supported by the documentation (over-coding risk).');
  });

  it('a level written as prose on a charges screen is still the documented level', () => {
    const e = parseSections([
      { name: 'Level of Service', role: 'visit', text: 'Level of Service\n99213 - Office visit, established patient' },
      { name: 'Billing', role: 'charges', text: 'Billing\nL70.0 | 99213 | | 1' },
    ]);
    expect(e.visit.emCode).toBe('99213');
  });
});

describe('an assessment written as a table of ICD-10 codes', () => {
  it('reads each numbered row as a problem, the header row as none, keeping the length', () => {
    const text = 'Assessment:\n# | Assessment | ICD-10 | Notes\n1 | Verruca vulgaris | B07.8 | L hand x3\n12 | Inflamed SK | L82.0 | back';
    const out = numberedRows(text);
    expect(out.length).toBe(text.length);
    expect(out.split('\n').map((l) => l.trimEnd())).toEqual(['Assessment:', '', '1.  Verruca vulgaris | B07.8 | L hand x3', '12.  Inflamed SK | L82.0 | back']);
    // One row is no table.
    expect(numberedRows('1 | Verruca vulgaris | B07.8')).toBe('1 | Verruca vulgaris | B07.8');
  });

  it('links each procedure to its own row: the biopsy to D49.2, not to the last row', () => {
    const sections = [
      {
        name: 'Assessment',
        role: 'assessment',
        text: 'Assessment:\n# | Assessment | ICD-10 | Notes\n1 | Neoplasm of unspecified behavior of skin | D49.2 | Nasal tip, r/o BCC\n2 | Inflamed seborrheic keratosis | L82.0 | L upper back, bleeding',
      },
      {
        name: 'Procedures',
        role: 'procedure',
        text: 'Procedures\nProcedure: Shave biopsy | Site: Nasal tip | Size: 0.5 cm | Specimen: A - dermpath\nProcedure: Shave removal | Site: L upper back | Size: 1.2 cm | Specimen: none\nDOS: 07/14/2026',
      },
    ];
    const lines = codeEncounter(parseSections(sections)).lines;
    expect(lines.find((l) => l.code === '11102')?.dx).toEqual(['D49.2']);
    expect(lines.find((l) => l.code === '11302')?.dx).toEqual(['L82.0']);
  });
});

describe('a sideways lesion grid (one column per lesion, a row header per field)', () => {
  const grid =
    'Lesion 1 | Lesion 2 | Lesion 3\nLocation: R temple | L upper back | R shin\nProcedure: Shave bx | Punch bx, 4 mm | LN2 cryotherapy\nSpecimen: A | B | none';

  it('is turned to one lesion a line, each field labelled', () => {
    expect(transposedGrids(`Procedures\n${grid}\nConsent obtained.`)).toBe(
      [
        'Procedures',
        'Lesion 1 | Location: R temple | Procedure: Shave bx | Specimen: A',
        'Lesion 2 | Location: L upper back | Procedure: Punch bx, 4 mm | Specimen: B',
        'Lesion 3 | Location: R shin | Procedure: LN2 cryotherapy | Specimen: none',
        'Consent obtained.',
      ].join('\n'),
    );
  });

  it('leaves alone a grid read the usual way, a one-row grid and a Mohs stage table', () => {
    const usual = 'Procedure | Site\nProcedure: Shave biopsy | Site: Nasal tip\nProcedure: Cryo | Site: L hand';
    expect(transposedGrids(usual)).toBe(usual);
    const oneRow = 'Lesion 1 | Lesion 2\nLocation: R temple | L arm\nConsent obtained.';
    expect(transposedGrids(oneRow)).toBe(oneRow);
    const stages = 'Stage | Blocks | Margins\nI | 4 | Positive\nII | 2 | Clear';
    expect(transposedGrids(stages)).toBe(stages);
  });

  it('codes each column as its own lesion', () => {
    const withImpressions = grid.replace('\nProcedure:', '\nImpression: r/o BCC | r/o DN | ISK, bleeding\nProcedure:');
    expect(claim(`Date of Service: 08/04/2026\nProcedures\n${withImpressions}\nSpecimens to in-house dermatopathology.`)).toEqual([
      '11104 x1 [59]',
      '11103 x1 []',
      '17110 x1 []',
      '88305 x2 []',
    ]);
  });
});

describe('a pathology worklist of several patients', () => {
  it('is no report: its rows (procedures, locations, result flags) bill nothing', () => {
    const sections = [
      {
        name: 'Path/Labs',
        role: 'pathology',
        text:
          'Path/Labs\nPatient | Entry Date | Results Processed Date | Ddx | Procedure | Location | Results\n' +
          'Doe, Jane | 07/20/2026 | | r/o melanoma | Punch biopsy 4 mm | L upper back | Pending\n' +
          'Roe, Richard | 07/16/2026 | 07/21/2026 | r/o SCC | Shave biopsy | L hand | Abnormal\nPage 1 of 1',
      },
    ];
    const e = parseSections(sections);
    expect(e.pathology).toEqual([]);
    expect(codeEncounter(e).lines).toEqual([]);
  });
});

describe('a Mohs plan line beside its staged operative note', () => {
  it('"Mohs today, see operative note" at the nasal ala is the staged Mohs of the nose, not a second one without stages', () => {
    const sections = [
      {
        name: 'Imp/Plan',
        role: 'assessment',
        text: 'Imp/Plan\n1. BCC, infiltrative, L nasal ala, biopsy proven.\nMohs micrographic surgery today, see operative note.\nDOS: 07/08/2026',
      },
      {
        name: 'Mohs Surgery Operative Note',
        role: 'other',
        text: 'Mohs Surgery Operative Note\nIndication: Infiltrative BCC of the nose.\nStages:\nStage | Blocks | Margins\nI | 4 | Positive\nII | 6 | Positive\nIII | 2 | Clear',
      },
    ];
    const draft = codeEncounter(parseSections(sections));
    expect(short(draft.lines)).toEqual(['17311 x1 []', '17312 x2 []', '17315 x1 []']);
    expect(draft.findings.map((f) => f.rule)).not.toContain('mohs/stages-documented');
  });
});

describe('counted biopsies', () => {
  const head = 'Patient: Test, Patient-9990   MRN: 9099990\nDOS: 09/08/2026\n\n';

  it('"Shave biopsy x2" of one site with no item lines is two biopsies and two specimens', () => {
    expect(claim(`${head}Procedure: Shave biopsy x2, L forearm (proximal and distal). Specimens A and B to dermpath.\n`)).toEqual([
      '11102 x1 []',
      '11103 x1 []',
      '88305 x2 []',
    ]);
    const e = parseNote(`${head}Procedure: Shave biopsy x2, L forearm (proximal and distal). Specimens A and B to dermpath.\n`);
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
    // The jars the line names are the copies' labels: nothing to report as unlabelled.
    expect(e.unread.map((u) => u.reason)).toEqual([]);
  });

  it('a dose or a cycle count near the word is no count of biopsies', () => {
    expect(claim(`${head}Procedure: Punch biopsy, lidocaine x2 mL, L forearm, 4 mm, sutured. To dermpath.\n`)).toEqual(['11104 x1 []', '88305 x1 []']);
  });

  it('"Punch biopsies x2 of the back" codes the primary and one add-on', () => {
    expect(claim(`${head}Procedure: Punch biopsies x2 of the back, 4 mm, sutured. To dermpath.\n`)).toEqual(['11104 x1 []', '11105 x1 []', '88305 x2 []']);
  });

  it('a counted title over its items is still read as its items, not doubled', () => {
    const note = `${head}Procedure: Punch biopsy x2, L forearm.\nA. 4 mm punch, proximal. Specimen A.\nB. 4 mm punch, distal. Specimen B.\nTo dermpath.\n`;
    expect(claim(note)).toEqual(['11104 x1 []', '11105 x1 []', '88305 x2 []']);
  });

  it('"Three lesions biopsied today." above three lettered biopsies is their summary, not a fourth biopsy', () => {
    const note = `${head}Full skin exam. Three lesions biopsied today.\nProcedure: Shave biopsies x3 after consent.\nA - R temple, 5 mm scaly papule.\nB - L cheek, 4 mm pearly papule.\nC - R forearm, 6 mm crusted papule.\nSpecimens A-C to in-house dermatopathology.\n`;
    const e = parseNote(note);
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'A'],
      ['biopsy-tangential', 'B'],
      ['biopsy-tangential', 'C'],
    ]);
  });
});

describe('a lower-case report', () => {
  it('names its block "a1" as part A: the immunostains on block a1 are part A\'s', () => {
    const note =
      'patient: test, patient-9989   mrn: 9099989\ndate of collection: 05/11/2026\n\npart a: skin, right upper back, punch biopsy\npart b: skin, left cheek, shave biopsy\n\n' +
      'diagnosis\na. melanoma in situ. margins involved.\nb. actinic keratosis, hypertrophic type.\n\nmicroscopic\n' +
      'immunohistochemistry on block a1: sox10, melan-a and ki-67 were performed with appropriate controls.\nno special stains were needed for part b.\n';
    expect(parseNote(note).pathology.map((r) => [r.specimenLabel, r.ihc.length])).toEqual([
      ['A', 3],
      ['B', 0],
    ]);
  });
});

describe('report parts that were not read', () => {
  const report = (body: string) => parseSections([{ name: 'Pathology report', role: 'pathology', text: body }]).pathology;

  it('a part "NOT RECEIVED" by the laboratory has no result; a list of parts received is no diagnosis', () => {
    const reports = report(
      'Specimens Received\nA. Skin, right temple, shave.\nC. Skin, right forearm, shave.\nB. Skin, left cheek, shave: NOT RECEIVED. No container B was received in the laboratory.\n' +
        'Final Diagnosis\nA. Skin, right temple, shave biopsy: ACTINIC KERATOSIS.\nC. Skin, right forearm, shave biopsy: SQUAMOUS CELL CARCINOMA, invasive.',
    );
    // B is kept only as a part the lab never received (probe h13): no rule reads it as a result.
    expect(reports.map((r) => [r.specimenLabel, r.behavior, r.notReceived ?? false])).toEqual([
      ['A', 'premalignant', false],
      ['C', 'malignant', false],
      ['B', 'unknown', true],
    ]);
  });
});

describe('immunostains in prose under one part that name others', () => {
  it('"… performed on parts A and B; part B was additionally stained with Ki-67" gives each part its own antibodies', () => {
    const reports = parseSections([
      {
        name: 'Pathology report',
        role: 'pathology',
        text:
          'Final Diagnosis\nA. Skin, R arm, punch biopsy: COMPOUND NEVUS.\nB. Skin, L back, shave biopsy: MELANOMA IN SITU.\nMicroscopic Description\n' +
          'A. Nests of bland melanocytes.\nB. Single atypical melanocytes along the junction.\nImmunohistochemical stains for SOX10 and PRAME were performed on parts A and B; ' +
          'part B was additionally stained with Ki-67. Controls stained appropriately.',
      },
    ]).pathology;
    expect(reports.map((r) => [r.specimenLabel, r.ihc.map((i) => i.antibody).sort()])).toEqual([
      ['A', ['PRAME', 'SOX10']],
      ['B', ['Ki-67', 'PRAME', 'SOX10']],
    ]);
  });
});
