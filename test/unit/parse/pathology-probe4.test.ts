import { describe, expect, it } from 'vitest';
import type { PathologyReport } from '../../../core/model';
import { parseNote } from '../../../core/parse';

/** Lab layouts found by the pathology generality probe (notes 350-369). */
function reports(text: string): PathologyReport[] {
  return parseNote(text, { id: 'probe4' }).pathology;
}

const ihcOf = (rs: PathologyReport[], label: string) =>
  rs
    .find((r) => r.specimenLabel === label)
    ?.ihc.map((i) => i.antibody)
    .sort();

describe('pathology reports: one line for a range or list of specimens', () => {
  it.each([
    ['A-C. SEBORRHEIC KERATOSIS, IRRITATED.', ['A', 'B', 'C']],
    ['Parts 1-3: Seborrheic keratosis.', ['1', '2', '3']],
    ['A and B: Verruca vulgaris.', ['A', 'B']],
    ['A, B & C - Actinic keratosis.', ['A', 'B', 'C']],
    ['B through D: Compound nevus.', ['B', 'C', 'D']],
  ])('"%s" → one report per specimen', (line, labels) => {
    const rs = reports(`DERMATOPATHOLOGY REPORT\nCollected: 08/03/2026  Signed: 08/05/2026\n\nFINAL DIAGNOSIS:\n${line}\n`);
    expect(rs.map((r) => r.specimenLabel)).toEqual(labels);
    for (const r of rs) expect(r.siteText).toBeUndefined();
  });

  it('a range in the specimen list gives no one site to each specimen', () => {
    const rs = reports(
      'DERMATOPATHOLOGY REPORT\nSigned: 08/05/2026\n\nSPECIMENS A-C: Skin, left upper back, mid back and right flank; shave biopsies\n\nDIAGNOSIS:\nA-C. Seborrheic keratosis.\n',
    );
    expect(rs.map((r) => [r.specimenLabel, r.siteText])).toEqual([
      ['A', undefined],
      ['B', undefined],
      ['C', undefined],
    ]);
  });

  it('"1-2 mm" or an article is not a range', () => {
    const rs = reports('DERMATOPATHOLOGY REPORT\nSigned: 08/05/2026\n\nFINAL DIAGNOSIS:\nA. Dermatofibroma, 1-2 mm from the margin.\n');
    expect(rs.map((r) => r.specimenLabel)).toEqual(['A']);
  });
});

describe('pathology reports: an unlabeled comment naming several specimens', () => {
  const head =
    'DERMATOPATHOLOGY REPORT\nSigned out: 10/06/2026\n\nFINAL DIAGNOSIS\nA) Basal cell carcinoma, nodular.\nB) Compound dysplastic nevus, mild atypia.\n\nCOMMENT\n';

  it('gives each sentence its own specimens (IHC is per specimen)', () => {
    const rs = reports(
      `${head}Ber-EP4 and EMA immunostains on specimen A support basal cell carcinoma over a sebaceous\nneoplasm. A SOX10 immunostain on specimen B shows no pagetoid melanocytes. Controls stained appropriately.\n`,
    );
    expect(ihcOf(rs, 'A')).toEqual(['Ber-EP4', 'EMA']);
    expect(ihcOf(rs, 'B')).toEqual(['SOX10']);
  });

  it('a sentence without a label keeps the specimens the sentence before named', () => {
    const rs = reports(`${head}Immunostains were performed on specimen B. MART-1 and SOX10 stains show no pagetoid spread. PAS on specimen A is negative.\n`);
    expect(ihcOf(rs, 'B')).toEqual(['MART-1', 'SOX10']);
    expect(ihcOf(rs, 'A')).toEqual([]);
    expect(rs.find((r) => r.specimenLabel === 'A')?.stains.map((s) => s.name)).toEqual(['PAS']);
  });

  it('"specimens A and B" gives the stain to both', () => {
    const rs = reports(`${head}SOX10 immunostain on specimens A and B is noted. PAS on specimen B is negative.\n`);
    expect(ihcOf(rs, 'A')).toEqual(['SOX10']);
    expect(ihcOf(rs, 'B')).toEqual(['SOX10']);
  });
});

describe('a stand-alone report document: material above the specimen list', () => {
  it('a consultation preamble with recuts and immunostains is read with the report', async () => {
    const { reportDocumentEncounter } = await import('../../../core/reconcile/report-document');
    const text = `CONSULTATION REPORT -- DERMATOPATHOLOGY
Patient: Test, Probe-4   MRN: 4004
Received: 12/01/2026     Signed: 12/04/2026

Paraffin block received in consultation; recuts were prepared in our laboratory and stained
with H&E. SOX10 and PRAME immunostains were performed on the recuts.

Specimen A: Skin, right posterior shoulder, excision (outside).

DIAGNOSIS:
A. Compound nevus; no melanoma.
`;
    const enc = reportDocumentEncounter(text, parseNote(text, { id: 'consult' }));
    const r = enc?.pathology[0];
    expect(enc?.pathology.map((x) => x.specimenLabel)).toEqual(['A']);
    expect(r?.consultation).toBe('88323');
    expect(r?.ihc.map((i) => i.antibody).sort()).toEqual(['PRAME', 'SOX10']);
    expect(r?.siteText).toBe('Skin, right posterior shoulder, excision (outside).');
  });
});

describe('identity in a fixed-width lab printout', () => {
  it('reads dot-leader fields: "PATIENT.......: Doe, Jane", "MRN..........: 900356"', async () => {
    const { extractIdentity } = await import('../../../core/parse/identity');
    const id = extractIdentity('PATIENT.......: Test, Patient-356                 MRN..........: 900356\nCOLLECTED.....: 12/08/2026\n');
    expect(id.mrn).toBe('900356');
    expect(id.name).toContain('test');
    expect(id.key).toBe('mrn:900356');
  });

  it('a sentence ending in an ellipsis is not a field', async () => {
    const { extractIdentity } = await import('../../../core/parse/identity');
    expect(extractIdentity('Patient... tolerated well.\n').name).toBeUndefined();
  });
});

describe('diagnosis words inside longer words', () => {
  it('chondrodermatitis nodularis helicis is not an unspecified dermatitis (L30.9)', async () => {
    const { histologyFromText } = await import('../../../core/codes/icd10');
    expect(histologyFromText('Chondrodermatitis nodularis helicis.')).not.toBe('code:L30.9');
    expect(histologyFromText('Spongiotic dermatitis.')).toBe('code:L30.9');
  });
});

describe('a specimen the report says is still to come', () => {
  const head =
    'QUEST DERMATOPATHOLOGY\nCollected: 05/04/2027   Reported: 05/07/2027\n\nSPECIMEN A: Skin, left upper back, excision\n\nDIAGNOSIS:\nA. MELANOMA IN SITU, LENTIGINOUS TYPE.\n\n';
  it.each(['Specimen B from the same requisition will be reported separately.', 'B. Pending.', 'Specimen B: to follow in a supplemental report.'])(
    '"%s" gives B no result',
    (tail) => {
      expect(reports(`${head}${tail}\n`).map((r) => r.specimenLabel)).toEqual(['A']);
    },
  );

  it('a reading with a pending stain is still a result', () => {
    expect(reports(`${head}B. Dense atypical lymphoid infiltrate; immunostains pending.\n`).map((r) => r.specimenLabel)).toEqual(['A', 'B']);
  });
});

describe('an addendum filed as its own document', () => {
  const head =
    'DERMATOPATHOLOGY ADDENDUM REPORT (in-house)\nPatient: Test, Probe-4b   MRN: 4005\nCollected: 07/12/2027   Addendum signed: 07/16/2027\n\nADDENDUM:\n';
  const read = async (text: string) => {
    const { reportDocumentEncounter } = await import('../../../core/reconcile/report-document');
    return reportDocumentEncounter(text, parseNote(text, { id: 'addendum' }))?.pathology ?? [];
  };

  it('only adding a stain: a supplement of specimen B, not a new diagnosis', async () => {
    const rs = await read(`${head}Specimen B: A PAS stain performed on block B1 is negative for fungal organisms.\n`);
    expect(rs.map((r) => [r.specimenLabel, r.supplement, r.amended])).toEqual([['B', true, undefined]]);
    expect(rs[0]?.stains.map((s) => s.name)).toEqual(['PAS']);
  });

  it('revising the diagnosis: an amended report of specimen B', async () => {
    const rs = await read(
      `${head}Specimen B: A PAS stain performed on block B1 shows septate hyphae.\nDiagnosis revised to: Dermatophytosis (tinea cruris).\n`,
    );
    expect(rs.map((r) => [r.specimenLabel, r.supplement, r.amended, r.diagnosisText])).toEqual([['B', undefined, true, 'Dermatophytosis (tinea cruris)']]);
  });
});

describe('stains: blocks, negation, frozen sections named by specimen', () => {
  const stainsOf = (rs: PathologyReport[], label: string) => rs.find((r) => r.specimenLabel === label)?.stains.map((s) => `${s.name}x${s.blocks}`);

  it('"on blocks 1A and 1B" is two blocks, like "A1 and A2"', () => {
    const rs = reports(
      'SKIN PATHOLOGY REPORT\nSigned: 03/05/2027\n\nFINAL DIAGNOSIS:\n1) Skin, left great toenail, clipping: Onychomycosis; PAS-D and GMS stains on blocks 1A and 1B highlight hyphae.\n',
    );
    expect(stainsOf(rs, '1')).toEqual(['PAS-Dx2', 'GMSx2']);
  });

  it.each([
    'A Melan-A stain was considered but not performed.',
    'MART-1 and SOX10 immunostains are pending.',
    'No immunostains (e.g., SOX10) were required.',
    'A PAS stain will be performed if clinically indicated.',
  ])('"%s" is no stain', (sentence) => {
    const rs = reports(`DERMATOPATHOLOGY\nSigned 05/03/2027\nA. Skin, back, shave biopsy: Seborrheic keratosis. ${sentence}\n`);
    expect(rs[0]?.stains).toEqual([]);
    expect(rs[0]?.ihc).toEqual([]);
  });

  it('a performed stain that "was not supportive" still counts', () => {
    const rs = reports(
      'DERMATOPATHOLOGY\nSigned 05/03/2027\nA. Skin, back, shave biopsy: Lentigo. A SOX10 stain was performed and was not supportive of melanoma.\n',
    );
    expect(rs[0]?.ihc.map((i) => i.antibody)).toEqual(['SOX10']);
  });

  it('an intraoperative consultation block gives each frozen section to the specimen it names', () => {
    const rs = reports(`Dermatopathology Report
Date signed: 04/08/2027

Specimen A: Skin, left cheek, excision
Specimen B: Skin, left cheek, superior margin, excision

Intraoperative consultation:
Frozen section A (1 block): basal cell carcinoma at the superior margin.
Frozen section B (2 blocks): no tumor identified.

Final diagnosis:
A. Basal cell carcinoma, nodular, superior margin involved.
B. Scar; no residual carcinoma; margins clear.
`);
    expect(rs.map((r) => [r.specimenLabel, r.frozenSectionBlocks])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('"IMMUNOHISTOCHEMISTRY (2A):" gives the antibodies to part 2', () => {
    const rs = reports(
      'SKIN PATHOLOGY REPORT\nSigned: 03/05/2027\n\nFINAL DIAGNOSIS:\n1) Skin, toenail, clipping: Onychomycosis.\n2) Skin, right palm, punch: Psoriasiform dermatitis.\n\nIMMUNOHISTOCHEMISTRY (2A): CD3 and CD30 immunostains show scattered small T cells.\n',
    );
    expect(ihcOf(rs, '2')).toEqual(['CD3', 'CD30']);
    expect(ihcOf(rs, '1')).toEqual([]);
  });
});

describe('probe layouts, round 2', () => {
  it('an IHC table gives each row to the specimen of its block', () => {
    const rs = reports(`DERMATOPATHOLOGY REPORT
Signed: Mar 5, 2027

FINAL DIAGNOSIS:
A. Skin, right upper arm, shave biopsy: Atypical intraepidermal melanocytic proliferation.
B. Skin, nasal tip, shave biopsy: Basal cell carcinoma, nodular type.

IMMUNOHISTOCHEMISTRY
Block   Antibody   Result
A1      SOX10      positive in junctional melanocytes
A1      PRAME      negative
B1      Ber-EP4    positive
`);
    expect(ihcOf(rs, 'A')).toEqual(['PRAME', 'SOX10']);
    expect(ihcOf(rs, 'B')).toEqual(['Ber-EP4']);
  });

  it('a result with a test still to follow is a result', () => {
    const rs = reports(
      'PATHOLOGY REPORT (in-house)      Final: 2027-04-14\nDIAGNOSIS:\nA) Bullous pemphigoid. B) Subepidermal blister; direct immunofluorescence to follow.\n',
    );
    expect(rs.map((r) => r.specimenLabel)).toEqual(['A', 'B']);
  });
});

describe('report dates in other words', () => {
  it.each([
    ['Date of surgery: 01/11/2027      Final report: 01/13/2027', '2027-01-11', '2027-01-13'],
    ['Biopsy date: 02/03/2027   Final: 02/05/2027', '2027-02-03', '2027-02-05'],
    ['Surgery date 2027-04-12   Date reported 2027-04-14', '2027-04-12', '2027-04-14'],
  ])('"%s"', (line, collected, signed) => {
    const rs = reports(`DERMATOPATHOLOGY REPORT\n${line}\n\nFINAL DIAGNOSIS:\nA. Skin, back, shave: Seborrheic keratosis.\n`);
    expect([rs[0]?.collectedDate, rs[0]?.signedDate]).toEqual([collected, signed]);
  });

  it('"FINAL DIAGNOSIS:" before the sign-out line is not the signed date', () => {
    const rs = reports(
      'DERMATOPATHOLOGY REPORT\nCollected: 02/03/2027\n\nFINAL DIAGNOSIS:\nA. Skin, back, shave: Seborrheic keratosis.\n\nElectronically signed out on 02/06/2027\n',
    );
    expect(rs[0]?.signedDate).toBe('2027-02-06');
  });
});

describe('contact dermatitis by type', () => {
  it.each([
    ['consistent with allergic contact dermatitis', 'code:L23.9'],
    ['irritant contact dermatitis', 'code:L24.9'],
    ['contact dermatitis', 'code:L25.9'],
  ])('"%s" → %s', async (text, code) => {
    const { histologyFromText } = await import('../../../core/codes/icd10');
    expect(histologyFromText(text)).toBe(code);
  });
});

describe('more antibodies', () => {
  it.each([
    ['Melan A and PHH3 immunostains were performed.', ['Melan-A', 'PHH3']],
    ['MLH1, MSH2, MSH6 and PMS2 immunostains show retained nuclear expression.', ['MLH1', 'MSH2', 'MSH6', 'PMS2']],
    ['Tryptase and CD25 immunostains highlight spindled mast cells.', ['CD25', 'Tryptase']],
    ['HSV-1 and HSV-2 immunostains are positive in the keratinocytes.', ['HSV-1', 'HSV-2']],
  ])('"%s"', (sentence, antibodies) => {
    const rs = reports(`DERMATOPATHOLOGY\nSigned 05/03/2027\nA. Skin, back, punch biopsy: Findings as below. ${sentence}\n`);
    expect(rs[0]?.ihc.map((i) => i.antibody).sort()).toEqual(antibodies);
  });

  it('a virus named in a diagnosis with a positive PCR is no immunostain', () => {
    const rs = reports('DERMATOPATHOLOGY\nSigned 05/03/2027\nA. Skin, lip, shave biopsy: Herpes simplex infection; HSV PCR positive.\n');
    expect(rs[0]?.ihc).toEqual([]);
  });
});

describe('a results table', () => {
  const head = 'DERMATOPATHOLOGY RESULTS\nCollected 04/03/2028   Signed 04/05/2028\n\n';
  const check = (rs: PathologyReport[]) => rs.map((r) => [r.specimenLabel, r.siteText, r.diagnosisText]);

  it('pipes, with a separator row; stains in a row stay with that specimen', () => {
    const rs = reports(`${head}| Specimen | Site | Procedure | Diagnosis |
|---|---|---|---|
| A | L cheek | shave | Basal cell carcinoma, nodular |
| B | R upper arm | punch | Spongiotic dermatitis; PAS stain negative for fungi |
`);
    expect(check(rs)).toEqual([
      ['A', 'L cheek, shave', 'Basal cell carcinoma, nodular'],
      ['B', 'R upper arm, punch', 'Spongiotic dermatitis; PAS stain negative for fungi'],
    ]);
    expect(rs[1]?.stains.map((s) => s.name)).toEqual(['PAS']);
    expect(rs[0]?.stains).toEqual([]);
  });

  it.each([
    ['tabs', 'Specimen\tSite\tDiagnosis\nA\tR shin\tStasis dermatitis\nB\tL temple\tActinic keratosis\n'],
    ['aligned spaces', 'Specimen   Site        Diagnosis\nA          R shin      Stasis dermatitis\nB          L temple    Actinic keratosis\n'],
  ])('%s', (_name, table) => {
    expect(check(reports(`${head}${table}`))).toEqual([
      ['A', 'R shin', 'Stasis dermatitis'],
      ['B', 'L temple', 'Actinic keratosis'],
    ]);
  });

  it('the table ends at a line that is not a row; the report reads on', () => {
    const rs = reports(`${head}Specimen\tDiagnosis\nA\tVerruca vulgaris\n\nCOMMENT: A PAS stain on specimen A is negative.\n`);
    expect(check(rs)).toEqual([['A', undefined, 'Verruca vulgaris']]);
    expect(rs[0]?.stains.map((s) => s.name)).toEqual(['PAS']);
  });
});

describe('a range line with stains', () => {
  it('"A-C: … Special stains: PAS (C)" gives the PAS to C only; a stain naming none goes to each', () => {
    const rs = reports(
      `DERMATOPATHOLOGY\nSigned 05/03/2027\n\nFINAL DIAGNOSIS:\nA. Verruca.\nB. Nevus.\nC. Spongiotic dermatitis.\n\nMICROSCOPIC:\nA-C: Sections examined. Special stains: PAS (C), with appropriate controls.\n`,
    );
    expect(rs.map((r) => [r.specimenLabel, r.stains.map((s) => s.name).join()])).toEqual([
      ['A', ''],
      ['B', ''],
      ['C', 'PAS'],
    ]);
    const each = reports(`DERMATOPATHOLOGY\nSigned 05/03/2027\n\nFINAL DIAGNOSIS:\nA. Verruca.\nB. Verruca.\n\nMICROSCOPIC:\nA-B: GMS stains are negative.\n`);
    expect(each.map((r) => r.stains.map((s) => s.name).join())).toEqual(['GMS', 'GMS']);
  });
});

describe('a heading that names its specimen in parentheses', () => {
  it.each([
    [
      'on the heading line',
      'SPECIMEN (B): Skin, left forearm, punch biopsy\nDIAGNOSIS (B): Granuloma annulare.\nSPECIMEN (A): Skin, right cheek, shave biopsy\nDIAGNOSIS (A): Basal cell carcinoma, nodular.\n',
    ],
    ['on the next line', 'DIAGNOSIS (B):\n  Granuloma annulare.\nDIAGNOSIS (A):\n  Basal cell carcinoma, nodular.\n'],
  ])('"DIAGNOSIS (B):" is B’s, whatever the order (%s)', (_where, body) => {
    const rs = reports(`DERMATOPATHOLOGY REPORT\nCollected: 07/01/2028   Signed: 07/03/2028\n${body}`);
    expect(rs.map((r) => [r.specimenLabel, r.behavior])).toEqual([
      ['B', 'inflammatory'],
      ['A', 'malignant'],
    ]);
  });

  it('a dated addendum heading is no label', () => {
    const rs = reports(
      'DERMATOPATHOLOGY REPORT\nSigned: 07/03/2028\nFINAL DIAGNOSIS:\nA. Verruca vulgaris.\nADDENDUM (07/05/2028): PAS stain on specimen A is negative.\n',
    );
    expect(rs.map((r) => r.specimenLabel)).toEqual(['A']);
    expect(rs[0]?.stains.map((s) => s.name)).toEqual(['PAS']);
  });
});

describe('outside slides reviewed for comparison', () => {
  it('are no consultation: the specimen keeps its level', () => {
    const rs = reports(
      'IN-HOUSE DERMATOPATHOLOGY\nCollected: 08/01/2028   Signed: 08/03/2028\nA. Skin, left upper back, re-excision: Scar; no residual melanoma in situ.\nCOMMENT: Outside slides were reviewed for comparison with the prior biopsy (Valley Lab S28-1122).\n',
    );
    expect(rs[0]?.consultation).toBeUndefined();
  });

  it('a referred case stays a consultation', () => {
    const rs = reports(
      'DERMATOPATHOLOGY CONSULTATION\nSigned: 05/11/2026\nConsultation on referred slides (2 H&E slides).\nSpecimen A: Skin, R upper back, shave.\nDIAGNOSIS: Compound nevus.\n',
    );
    expect(rs[0]?.consultation).toBe('88321');
  });
});

describe('frozen sections that were not done', () => {
  it.each(['Frozen section was not performed.', 'No intraoperative frozen section.', 'Permanent sections only; frozen section deferred.'])(
    '"%s" → no frozen block',
    (sentence) => {
      const rs = reports(`DERMATOPATHOLOGY\nSigned 09/03/2028\nA. Skin, nose, excision: Basal cell carcinoma; margins clear. ${sentence}\n`);
      expect(rs[0]?.frozenSectionBlocks).toBeUndefined();
    },
  );

  it('"Frozen section: no tumor identified" was done', () => {
    const rs = reports('DERMATOPATHOLOGY\nSigned 09/03/2028\nA. Skin, nose, excision: Basal cell carcinoma. Frozen section: no tumor at the margins.\n');
    expect(rs[0]?.frozenSectionBlocks).toBe(1);
  });
});

describe('an intraoperative consultation without a frozen section', () => {
  it('marks the specimen it names (88329 in the rules)', () => {
    const rs = reports(
      'DERMATOPATHOLOGY\nCollected 09/10/2028  Signed 09/12/2028\nSPECIMEN A: Skin, left ear, excision\nSPECIMEN B: Skin, left ear, superior tip\nINTRAOPERATIVE CONSULTATION:\nA. Gross examination only: lesion 3 mm from the closest margin.\nFINAL DIAGNOSIS:\nA. Basal cell carcinoma, nodular; margins clear.\nB. Scar.\n',
    );
    expect(rs.map((r) => [r.specimenLabel, r.intraoperative, r.frozenSectionBlocks])).toEqual([
      ['A', true, undefined],
      ['B', undefined, undefined],
    ]);
  });
});

describe('a cumulative printout of several accessions', () => {
  const text = `CUMULATIVE DERMATOPATHOLOGY RESULTS
Patient: Test, Probe-4c   MRN: 4006

Accession: D28-0101    Collected: 01/10/2028    Signed: 01/12/2028
A. Skin, right forearm, shave biopsy: Squamous cell carcinoma in situ.

Accession: D28-0388    Collected: 03/06/2028    Signed: 03/08/2028
A. Skin, left shin, punch biopsy: Leukocytoclastic vasculitis.
`;
  const expected = [
    ['A', '2028-01-10', 'in-situ'],
    ['A', '2028-03-06', 'inflammatory'],
  ];

  it('each accession keeps its own date and specimen A', async () => {
    const { parsePathology } = await import('../../../core/parse/pathology');
    const rs = parsePathology({ name: 'r', role: 'pathology', start: 0, text }, (start, end) => ({ section: 'r', start, end }), []);
    expect(rs.map((r) => [r.specimenLabel, r.collectedDate, r.behavior])).toEqual(expected);
  });

  it('read as a report document, both cases stay', async () => {
    const { reportDocumentEncounter } = await import('../../../core/reconcile/report-document');
    const enc = reportDocumentEncounter(text, parseNote(text, { id: 'cumulative' }));
    expect(enc?.pathology.map((r) => [r.specimenLabel, r.collectedDate, r.behavior])).toEqual(expected);
  });

  it('one accession with a case number is one report', () => {
    const rs = reports('DERMATOPATHOLOGY\nAccession: D28-0101\nCase #: 55\nCollected: 01/10/2028\nFINAL DIAGNOSIS:\nA. Verruca.\nB. Nevus.\n');
    expect(rs.map((r) => [r.specimenLabel, r.collectedDate])).toEqual([
      ['A', '2028-01-10'],
      ['B', '2028-01-10'],
    ]);
  });
});

describe('pathology reports: an addendum under the signature (h4 probe, linked/h4b-*)', () => {
  it('is read: its revised diagnosis replaces the first, its immunostains ("MART-1 and SOX10 show …") are the specimen\'s', () => {
    const rs = reports(
      'FINAL DIAGNOSIS\nA. Skin, left upper arm, excision:\n   COMPOUND DYSPLASTIC NEVUS WITH MODERATE ATYPIA.\nElectronically signed 10/05/2026\n' +
        'Addendum\nDeeper levels were cut. MART-1 and SOX10 show confluent junctional melanocytes.\nREVISED DIAGNOSIS:\nA. Skin, left upper arm, excision:\n   MELANOMA IN SITU.\n',
    );
    expect(rs.map((r) => [r.specimenLabel, r.behavior, r.amended])).toEqual([['A', 'in-situ', true]]);
    expect(ihcOf(rs, 'A')).toEqual(['MART-1', 'SOX10']);
  });

  it('a footer line after the sign-out is still left out', () => {
    const rs = reports(
      'FINAL DIAGNOSIS\nA. Skin, back, shave: Seborrheic keratosis.\nElectronically signed 10/05/2026\nPage 1 of 1 - SOX10 brochure enclosed\n',
    );
    expect(ihcOf(rs, 'A')).toEqual([]);
  });
});
