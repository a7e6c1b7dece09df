import { describe, expect, it } from 'vitest';
import { findSites } from '../../../core/anatomy/vocabulary';
import { codeNote } from './note-harness';

// Misreads found by probe h31 (surgical notes 718-729): each case is one general form, coded end to end
// (exact lines "code-modifiers xunits").

describe('a possessive inside a site phrase ("back of her neck") names the site as "back of the neck" does', () => {
  it.each([
    ['the lump on the back of her neck', 'posterior-neck'],
    ['a cyst on the back of his hand', 'dorsal-hand'],
    ['the back of the neck', 'posterior-neck'],
  ])('"%s" → %s', (text, key) => {
    expect(findSites(text, { strict: true }).map((m) => m.site.key)).toEqual([key]);
  });

  it('a cyst\'s inflammation told in the history at "the back of her neck" is the indication of its excision (§12.2): no GZ', () => {
    const r = codeNote(
      'Coverage: Medicare Part B\nSUBJECTIVE\nShe asks about the lump on the back of her neck: a cyst that has swollen and become red and tender three times this year.\n' +
        'ASSESSMENT\n1. Epidermoid cyst R posterior neck.\n' +
        'PROCEDURE: Excision, R posterior neck cyst (cyst 1.4 cm, margin 1 mm), sac intact. Closed in two layers, 4-0 Vicryl and 5-0 nylon, final length 2.5 cm. Specimen A to dermpath.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11422', '12041', '88304']);
  });
});

describe('a defect width told as "defect 1.6 cm wide" sets extensive undermining (§4.1)', () => {
  it.each([
    ['defect 1.6 cm wide; undermined 2.0 cm on both sides in the subcutaneous plane', '13132'],
    ['Defect after excision: 1.6 cm wide. Undermining: 2.0 cm along both wound edges', '13132'],
    // Less than the width: limited undermining, the repair stays intermediate.
    ['defect 2.4 cm wide; undermined 1.0 cm on both sides', '12052'],
  ])('"%s" + "COMPLEX repair; final length 3.0 cm" on the cheek → %s', (defect, code) => {
    const r = codeNote(
      `Infiltrative BCC L malar cheek, biopsy-proven 10/27/2026.\nSite #1 - L malar cheek - lesion 9 mm, margins 3 mm, excised to fat -> specimen A\n  - ${defect}\n  - closure: 5-0 Monocryl deep, 6-0 Prolene running; COMPLEX repair; final length 3.0 cm\n`,
    );
    expect(r.lines).toContain(code);
  });
});

describe('the repair of a staged re-excision (58) in the global period takes 58 too (§10.3)', () => {
  it('day 7 re-excision of SCC in situ + layered closure 4.0 cm → 11603-58, 12032-58', () => {
    const r = codeNote(
      'S: POD7 s/p exc L upper arm 11/13/26 (SCCIS, 11601). Path: SCC in situ, lat margin +. Here for planned re-exc.\n' +
        'A/P:\n1. SCCIS L upper arm, margin + -> re-excision today, staged, w/in global.\n   - scar 1.8 cm + 3 mm margins, exc to fat, spec A\n   - closed in layers 4-0 Vicryl / 4-0 nylon, 4.0 cm\n',
    );
    expect(r.lines).toEqual(['11603-58', '12032-58', '88305']);
  });
});

describe('a nail avulsion template whose "Matrix:" field says it was spared is no matrix excision', () => {
  it.each([['Matrix: not treated (first episode).'], ['Matrix: left intact.'], ['Matrixectomy: none.']])('"%s" → 11730-TA, not 11750', (field) => {
    const r = codeNote(
      `Nail avulsion - left great toe\n  Indication: ingrown lateral nail border with granulation and pain\n  Details: lateral 1/4 of the nail plate freed and removed.\n  ${field}\n`,
    );
    expect(r.lines).toEqual(['11730-TA']);
  });
});

describe('an assessment sentence announcing "… excision today" above its PROCEDURE block is that excision, not a second one', () => {
  it('"Wide local excision today with 5 mm margins." + "PROCEDURE #1" with "Biopsy scar size: 1.1 cm" → one 11603 on 1.1 + 2 x 0.5 cm', () => {
    const r = codeNote(
      'ASSESSMENT & PLAN\n1. Melanoma in situ of left upper back - D03.59\n   Shave biopsy 11/03/2026 (this office): melanoma in situ, peripheral margin involved.\n   Wide local excision today with 5 mm margins.\n\n' +
        '   PROCEDURE #1: Wide local excision, malignant\n   Location: left upper back\n   Biopsy scar size: 1.1 cm\n   Margins: 5 mm\n   Specimen: A\n   Defect after excision: 2.2 cm wide\n   Closure: layered, 3-0 Vicryl deep\n   Repair length: 6.8 cm\n',
    );
    expect(r.lines).toEqual(['11603', '12032', '88305']);
  });
});

describe('dictated excisions: margins drawn in the size sentence, a biopsy set aside, a proof wrapped over two lines', () => {
  const NOTE =
    'The first is the squamous cell carcinoma on his left dorsal forearm that we shave biopsied on 10/30/2026, which came back well\n' +
    'differentiated squamous cell carcinoma. The second is a firm papule on the right lateral shin; we agreed to take it out rather than biopsy it.\n\n' +
    'On the left dorsal forearm, the lesion measured 14 mm in greatest diameter and I drew 4 mm margins around it. The site was anesthetized, and a fusiform\n' +
    'excision was carried down to the subcutaneous fat. The specimen was sent as specimen A. The wound was closed in layers, 3.2 cm.\n\n' +
    'Next, on the right lateral shin, the papule measured 8 mm and I took 2 mm margins. The ellipse went into the fat and the specimen went as specimen B.\n' +
    'This was a layered closure as well, final length 2.1 cm.\n';
  it('→ 11603 (proven, 2.2 cm), 11402 held (1.2 cm), one 12032 (5.3 cm), 88305 x2, no biopsy line', () => {
    expect([...codeNote(NOTE).lines].sort()).toEqual(['11402', '11603', '12032', '88305 x2']);
  });
});

describe('a template that numbers each procedure by its own name ("-- Excision 2 of 2 --") starts a new item', () => {
  it.each([
    ['-- Excision 1 of 2 --', '-- Excision 2 of 2 --'],
    ['Excision #1:', 'Excision #2:'],
  ])('"%s" / "%s" → two excisions, each with its own site and closure', (first, second) => {
    const item = (title: string, site: string, dx: string, size: string, jar: string, length: string) =>
      `${title}\nLocation: ${site}\nClinical Dx: ${dx}\nLesion Size: ${size}\nMargins: 2 mm\nExcision Type: elliptical\nClosure Type: layered\nRepair Length: ${length}\nSpecimen: ${jar}\n\n`;
    const r = codeNote(
      item(first, 'right upper back', 'epidermoid cyst, inflamed and tender', '1.0 cm', 'A', '3.4 cm') +
        item(second, 'left jawline', 'dysplastic nevus, re-excision', '0.6 cm', 'B', '2.0 cm'),
    );
    // Back 1.0 + 0.4 = 1.4 cm (11402), jawline (face) 0.6 + 0.4 = 1.0 cm (11441); layered closures in two repair groups.
    expect(r.lines).toEqual(['11402', '11441', '12032', '12051', '88304', '88305']);
  });
});

describe('a stain table set in space columns "Part  Block  Study  Result" gives each row to its part (§7.2)', () => {
  const REPORT =
    'SURGICAL PATHOLOGY REPORT\nSPECIMENS\nA. Skin, left shin, punch biopsy\nB. Skin, right upper arm, shave biopsy\n\n' +
    'FINAL DIAGNOSIS\nA. Left shin: Necrobiosis lipoidica. No fungal organisms identified.\nB. Right upper arm: Compound dysplastic nevus with moderate atypia.\n\n' +
    'SPECIAL STAINS AND IMMUNOHISTOCHEMISTRY\nPart  Block  Study          Result\n' +
    'A     A1     PAS-D          negative for fungi\nA     A1     GMS            negative for fungi\nA     A2     PAS-D          negative for fungi\n' +
    'B     B1     MART-1         supports junctional and dermal nevus\nB     B1     SOX-10         no pagetoid spread\n';
  it.each([
    ['in columns', REPORT],
    // A web page collapses the column gaps: "A A1 PAS-D negative for fungi".
    ['with the gaps collapsed', REPORT.replace(/[ \t]{2,}/g, ' ')],
  ])('%s: PAS-D on A1 and A2 + GMS on A1 = 88312 x3; MART-1 + SOX-10 on B = 88342 + 88341', (_, report) => {
    expect(codeNote(report).lines).toEqual(['88305 x2', '88312 x3', '88342', '88341']);
  });
});

describe('a full-thickness graft: its donor skin is no excision and its donor closure is inside the graft code (§5.2)', () => {
  it('"A 4.5 x 2.0 cm ellipse of skin was harvested from the L inguinal crease" + "The donor site was closed in layers, length 5.0 cm" → no 114xx, no 12032', () => {
    const r = codeNote(
      'Procedure: Excision of biopsy-proven SCC (shave biopsy 10/28/2026), left pretibial leg, with full-thickness skin graft.\n' +
        'The lesion (2.2 cm) was excised with 5 mm margins to the subcutaneous fat, specimen A. The resulting defect measured 3.6 x 3.4 cm.\n' +
        'A 4.5 x 2.0 cm ellipse of skin was harvested from the left inguinal crease, defatted, and sutured into the defect as a full-thickness graft.\n' +
        'The donor site was closed in layers with 4-0 Monocryl and 4-0 nylon, length 5.0 cm.\n',
    );
    expect(r.lines).not.toContain('12032');
    expect(r.lines.some((l) => /^114/.test(l))).toBe(false);
    expect(r.lines).toContain('15220');
  });
});

describe('a Mohs template of field lines per tumour keeps each tumour whole, and MART-1 counts per stained block', () => {
  const tumour = (n: number, site: string, stages: string) =>
    `TUMOR ${n}\nSite: ${site}\nDiagnosis: biopsy-proven (bx 10/21/2026)\nIndication: recurrent tumor, poorly defined borders\nPre-op size: 1.0 cm\n${stages}\nRepair: second intention\n\n`;
  it('"Indication:" between "Site:" and the stages leaves the second tumour its own site (17311 + 17313-XS)', () => {
    const r = codeNote(
      'Mohs surgeon and pathologist: A. B., MD\n' +
        tumour(1, 'right nasal ala', 'Stage I: 3 blocks, H&E - clear') +
        tumour(2, 'left dorsal forearm', 'Stage I: 2 blocks, H&E - clear'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17311', '17313-XS']);
  });
  it.each([
    ['MART-1 immunostain on frozen sections of all 6 blocks', 'Stage II: 2 blocks, H&E plus MART-1 on both blocks - clear', '88342-XS x8'],
    ['MART-1 immunostain on frozen sections', 'Stage II: 2 blocks, H&E - clear', '88342-XS'],
  ])('"Stage I: 6 blocks, H&E plus %s" + "%s" → %s (§6.3, §7.2)', (stain1, stage2, ihc) => {
    const r = codeNote(
      'Mohs surgeon and pathologist: A. B., MD\n' + tumour(1, 'left temple', `Stage I: 6 blocks, H&E plus ${stain1} - tumor at 2 o'clock\n${stage2}`),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['17311', '17312', '17315', ihc]);
  });
});

describe('an op note lists "1. EXCISION …" and measures the tumour in the description just before it is excised', () => {
  it('"The tumor, 2.2 cm in greatest diameter, was marked with 5 mm margins. … the tumor was excised" → 11604 on 3.2 cm', () => {
    const r = codeNote(
      'PREOPERATIVE DIAGNOSIS: INVASIVE SQUAMOUS CELL CARCINOMA, LEFT PRETIBIAL LEG (SHAVE BIOPSY 10/28/2026).\n' +
        'PROCEDURES:\n1. EXCISION OF SQUAMOUS CELL CARCINOMA, LEFT PRETIBIAL LEG.\n2. FULL-THICKNESS SKIN GRAFT TO THE LEFT PRETIBIAL DEFECT, DONOR SITE LEFT INGUINAL CREASE.\n\n' +
        'DESCRIPTION OF PROCEDURE: The tumor, 2.2 cm in greatest diameter, was marked with 5 mm margins. Under local anesthesia\n' +
        'the tumor was excised full thickness to the deep subcutaneous fat and sent as specimen A. The resulting defect measured 3.6 x 3.4 cm.\n' +
        'A 4.5 x 2.0 cm ellipse of skin was harvested from the left inguinal crease and sutured into the defect. The donor site was closed in layers, length 5.0 cm.\n',
    );
    expect(r.lines).toEqual(['11604', '15220', '88305']);
  });
});
