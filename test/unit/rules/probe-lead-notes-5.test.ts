import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 5), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a biopsy named in the plan and detailed under "Procedure:" in the same section', () => {
  it('"1. Rule out BCC, nasal tip - shave biopsy performed" + "Procedure: Tangential biopsy, nasal tip … Specimen A" → one 11102, one 88305', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Rule out BCC, nasal tip - shave biopsy performed, sent to dermpath.\n2. Actinic keratoses x 13 - LN2 cryotherapy to 13 AKs (scalp 8, bilateral dorsal hands 5).\n\nProcedure: Tangential biopsy, nasal tip. Consent obtained. Anesthetized with 1% lidocaine with epi. Shave biopsy with DermaBlade, hemostasis with AlCl. Specimen A to pathology.\n',
      { payer: 'medicare' },
    );
    // Reference §1: one tangential biopsy 11102; §2.1: 13 AKs = 17000 + 17003 x12 (the "x 13" and "13 AKs" are one count).
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x12', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
  });
});

describe('keloids injected, the site between the lesion word and "injected with"', () => {
  it('"2 inflamed keloids on chest injected with triamcinolone 40 mg/mL, 0.5 mL total (20 mg)" → 11900, J3301 x2', () => {
    const r = codeNote('Assessment: L91.0 keloid scar.\n2 inflamed keloids on chest injected with triamcinolone 40 mg/mL, 0.5 mL total (20 mg).\n', {
      payer: 'medicare',
    });
    // Reference: intralesional injection of up to 7 lesions 11900; J3301 per 10 mg → 20 mg = 2 units.
    expect(r.lines).toEqual(['11900', 'J3301 x2']);
    expect(r.dx).toEqual([['L91.0'], ['L91.0']]);
  });
});

describe('a multi-specimen pathology line never lends its dx to one biopsy', () => {
  it('punch "r/o morphea", punch "for DIF (Michel\'s medium)", shave "r/o SCC" → 11104 asks for its dx; the DIF jar gets no 88305', () => {
    const r = codeNote(
      "Procedures performed today:\n1. Punch biopsy 4 mm, right upper arm - r/o morphea\n2. Punch biopsy 4 mm, left upper arm - for DIF (sent in Michel's medium)\n3. Shave biopsy left shin - r/o SCC\nClosures: #1 and #2 closed with simple interrupted 4-0 nylon.\nAll specimens to dermatopathology.\n",
    );
    // Reference §1: punch primary 11104, punch add-on 11105, tangential add-on 11103; §13.2: a suspected
    // non-neoplastic condition is not D49.2 (asked), nor is tissue for immunofluorescence, which works up an
    // inflammatory or blistering disease (asked); immunofluorescence is not in the reference (asked, no 88305).
    expect(r.lines).toEqual(['11104', '11105', '11103', '88305 x2']);
    expect(r.dx).toEqual([[], [], ['D49.2'], ['D49.2']]);
    expect(r.findings).toContain('pathology/level-per-specimen');
    expect(r.findings).toContain('diagnosis/missing');
  });

  it('"- r/o morphea" ends with its line: the next line is not part of the clinical impression', () => {
    const e = parseNote('Procedures:\n1. Punch biopsy 4 mm, right upper arm - r/o morphea\nSpecimen to dermatopathology.\n');
    expect(e.lesions.map((l) => l.clinicalDiagnosis)).toEqual(['r/o morphea']);
  });
});

describe("a date on the note's title line dates the visit", () => {
  it.each([
    ['Clinic note 11/19/2026 Test, Patient-904 Medicare', '2026-11-19'],
    ['Derm follow-up - 2026-03-14', '2026-03-14'],
    ['Procedure note printed 11/30/2026', undefined],
  ])('%s → %s', (line, dos) => {
    expect(parseNote(`${line}\nPsoriasis, stable.\n`).visit.dateOfService).toBe(dos);
  });
});

describe('Mohs sites listed under one heading, layers counted in "sections"', () => {
  it('"Site 1: BCC L temple … Stage I: 3 sections … Stage II", "Site 2: SCC in situ R dorsal hand … Stage I", "Site 3: BCC mid back … Stage II" → each site its own Mohs codes', () => {
    const r = codeNote(
      'MOHS MICROGRAPHIC SURGERY\nSite 1: BCC, infiltrative, L temple (bx 10/2/2026). Stage I: 3 sections, positive. Stage II: 2 sections, negative.\nSite 2: SCC in situ, R dorsal hand (bx 10/9/2026). Stage I: 2 sections, clear.\nSite 3: BCC nodular, mid back (bx 10/9/2026). Stage I: 4 sections, positive deep. Stage II: 1 section, clear.\n',
      { payer: 'medicare' },
    );
    // Reference §6: head/neck/hands 17311 (+17312 per added stage); trunk 17313 (+17314); a second first stage on
    // another site and the mutually exclusive 17311/17313 pair carry the distinct-site modifier.
    expect(r.lines).toEqual(['17311', '17312', '17311-XS', '17313-XS', '17314']);
    expect(r.dx).toEqual([['C44.319'], ['C44.319'], ['D04.61'], ['C44.519'], ['C44.519']]);
  });
});

describe('a procedure of an earlier day named in a post-op visit', () => {
  it('"Post-op visit, 8 days after excision of melanoma in situ … (90-day global)" + 5 AKs frozen today → 17000-79, 17003 x4, no excision', () => {
    const r = codeNote(
      'Post-op visit, 8 days after excision of melanoma in situ, L upper back (11/15/2026, 90-day global). Wound healing well, sutures removed.\nAlso new concern: scaly spots on face. Exam: 5 AKs forehead and nose. Treated with LN2 today.\nUnrelated to the surgery.\n',
      { payer: 'medicare' },
    );
    // Reference §2.1: 5 AKs = 17000 + 17003 x4; an unrelated procedure in a global period carries 79.
    expect(r.lines).toEqual(['17000-79', '17003 x4']);
    expect(r.dx).toEqual([['L57.0'], ['L57.0']]);
  });

  it('"Full-thickness skin graft to R nasal sidewall after Mohs (Mohs by another surgeon yesterday)" → the graft only', () => {
    const r = codeNote(
      'Full-thickness skin graft to R nasal sidewall after Mohs (Mohs by another surgeon yesterday). Defect 1.5 x 1.2 cm (1.8 sq cm). Donor site R preauricular, closed primarily 2.5 cm.\nDx: BCC R nasal sidewall C44.311.\n',
    );
    // Reference §5: full-thickness graft of the nose, up to 20 sq cm: 15260; the donor-site closure is part of it.
    expect(r.lines).toEqual(['15260']);
    expect(r.dx).toEqual([['C44.311']]);
    expect(r.findings).toEqual([]);
  });
});

describe('phototherapy session numbers and codes written beside the procedure', () => {
  it('"NB-UVB phototherapy session #14 for vitiligo (L80)" + "Excimer laser to 3 psoriasis plaques … 180 sq cm. L40.0." → 96900 for L80, 96920 for L40.0', () => {
    const r = codeNote(
      'NB-UVB phototherapy session #14 for vitiligo (L80). Dose 650 mJ/cm2. No erythema from last session.\nExcimer laser to 3 psoriasis plaques on elbows and knees, total area 180 sq cm. L40.0.\n',
    );
    // Reference §8: UVB without photosensitizer 96900; excimer under 250 sq cm 96920.
    expect(r.lines).toEqual(['96900', '96920']);
    expect(r.dx).toEqual([['L80'], ['L40.0']]);
  });
});

describe('a closure told on the excision line, its length on the next sentence', () => {
  it('"Ellipse 3.8 x 1.6 cm. Undermined, subcutaneous 3-0 Vicryl, 4-0 nylon running. Repair length 4.0 cm." → layered: 12032', () => {
    const r = codeNote(
      'Excision note. Pre-op dx: atypical nevus, severe atypia on bx (10/15/2026), R mid back.\nLesion (scar) 0.6 cm. Margins 5 mm. Ellipse 3.8 x 1.6 cm. Undermined, subcutaneous 3-0 Vicryl, 4-0 nylon running. Repair length 4.0 cm.\nSpecimen oriented, to dermpath.\n',
    );
    // Reference §3: excised diameter 0.6 + 2 x 0.5 = 1.6 cm → trunk benign 11402; §4: layered closure = intermediate, trunk 2.6-7.5 cm → 12032.
    expect(r.lines).toEqual(['11402', '12032', '88305']);
    expect(r.dx).toEqual([['D22.5'], ['D22.5'], ['D22.5']]);
  });
});

describe("an injection dose from its own line, not another problem's prescription", () => {
  it('"start doxycycline 100 mg BID" then "Acne cysts L jaw x2 - ILK 2.5 mg/mL, 0.1 mL each" → J3301 x1 (0.5 mg), and "Time: 35 minutes total" is read', () => {
    const r = codeNote(
      'NEW PATIENT VISIT\nA/P:\nAcne vulgaris, moderate - start doxycycline 100 mg BID, tretinoin 0.025% cream qhs. Discussed isotretinoin.\nAcne cysts L jaw x2 - ILK 2.5 mg/mL, 0.1 mL each.\nTime: 35 minutes total on date of encounter.\n',
    );
    // Reference §9: J3301 per 10 mg, partial units round up: 2 x 0.1 mL x 2.5 mg/mL = 0.5 mg → 1 unit.
    expect(r.lines).toEqual(['11900', 'J3301']);
    expect(r.findings).toContain('evaluation/time-level');
  });
});

describe('teaching is not an administration; an SK "on back irritated" is inflamed', () => {
  it('"99213-25 for atopic dermatitis (started dupilumab, injection teaching given)" → no 96372', () => {
    const r = codeNote(
      'Procedure: Intralesional injection for alopecia areata\nScalp, 4 patches, Kenalog 10 mg/mL, total 3.0 mL injected\nDx: alopecia areata, L63.9\nAlso: 99213-25 for management of atopic dermatitis (started dupilumab, injection teaching given).\n',
    );
    // Reference §9: 11900 (up to 7 lesions) + J3301 per 10 mg: 3.0 mL x 10 mg/mL = 30 mg → 3 units.
    expect(r.lines).toEqual(['99213-25', '11900', 'J3301 x3']);
    expect(r.dx).toEqual([['L20.9'], ['L63.9'], ['L63.9']]);
  });

  it('"SK on back irritated and bleeding from bra strap - shave removal 1.2 cm, trunk" → 11302 for L82.0', () => {
    const r = codeNote('Also SK on back irritated and bleeding from bra strap - shave removal 1.2 cm, trunk.\n');
    expect(r.lines).toEqual(['11302']);
    expect(r.dx).toEqual([['L82.0']]);
  });
});

describe('a one-line visit field does not swallow the note below it', () => {
  it('"E&M: est. level IV" then a managed problem and a destruction → 99214-25 for the problem', () => {
    const r = codeNote('E&M: est. level IV\nPsoriasis, plaque (L40.0) - start clobetasol, methotrexate discussed.\nAK x2 L hand - LN2.\n', {
      payer: 'medicare',
    });
    // Reference §10: a separately identifiable problem managed beyond the procedure decision supports E/M-25.
    expect(r.lines).toEqual(['99214-25', '17000', '17003']);
    expect(r.dx).toEqual([['L40.0'], ['L57.0'], ['L57.0']]);
  });
});

describe('a closure takes the specific diagnosis of the removal it closes', () => {
  it('"Epidermoid cyst L cheek, inflamed twice: excised 1.0 cm with 2 mm margins, intermediate closure 1.8 cm" → 12051 for L72.0, not L72.9', () => {
    const r = codeNote('Epidermoid cyst L cheek, inflamed twice: excised 1.0 cm with 2 mm margins, intermediate closure 1.8 cm.\n');
    // Reference §3: excised diameter 1.0 + 2 x 0.2 = 1.4 cm, face → 11442; §4: intermediate face ≤2.5 cm → 12051.
    expect(r.lines).toEqual(['11442', '12051', '88304']);
    expect(r.dx).toEqual([['L72.0'], ['L72.0'], ['L72.0']]);
  });
});

describe('counted biopsies over a list of sites, and a curettage biopsy', () => {
  it.each([
    ['Punch biopsies x2: R arm and L arm, r/o lichen planus, both sent.'],
    ['Punch bx x2 (R arm, L arm), r/o LP.'],
    ['Punch biopsy of R arm and L arm, r/o LP.'],
    ['2 punch biopsies, R and L upper arm, r/o LP.'],
    ['Punch biopsies of bilateral forearms, r/o LP.'],
  ])('%s → 11104 + 11105, 88305 x2', (line) => {
    const r = codeNote(`${line}\n`);
    // Reference §1: one primary punch 11104, each additional punch 11105; one 88305 per specimen.
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
  });

  it('"Curettage biopsy of R temple lesion, r/o BCC, sent to dermpath." → 11102 (a curette is a tangential technique), not a destruction', () => {
    const r = codeNote('Curettage biopsy of R temple lesion, r/o BCC, sent to dermpath.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
});

describe('specimen labels written "label A", and tables without outer bars', () => {
  it('"Biopsy by shave method - L forearm … Specimen sent to Dermpath Lab (outside) - label A." reads jar A, nothing unread', () => {
    const e = parseNote(
      'Plan:\nBiopsy by shave method - L forearm\nDiagnosis: r/o SCC\nSpecimen sent to Dermpath Lab (outside) - label A.\n\nBiopsy by punch method - R shin\nPunch size: 4 mm\nSpecimen sent to Dermpath Lab (outside) - label B.\n',
    );
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
    expect(e.unread).toEqual([]);
  });

  it('"Lesion | Site | Procedure | Size | Path" rows without outer bars take their jar from the Path column', () => {
    const e = parseNote('Lesion | Site | Procedure | Size | Path\n1 | L cheek | shave bx | 0.5 cm | A\n2 | R back | punch bx 4mm | 0.6 cm | B\n');
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
    expect(e.unread).toEqual([]);
  });
});

describe('a hedged impression naming neoplasms is D49.2 whatever else the note names', () => {
  it('FBSE "benign nevi, SKs" + "r/o dysplastic nevus vs melanoma - shave biopsy" → 11102 for D49.2, not the SKs\' L82.1', () => {
    const r = codeNote(
      'Full body skin exam performed. Multiple benign nevi, SKs, cherry angiomas - reassurance.\nLesion L upper back, irregular pigmented macule 7 mm, r/o dysplastic nevus vs melanoma - shave biopsy performed, sent.\n',
    );
    // Reference §13.2: before pathology a lesion of uncertain nature is D49.2.
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
});

describe("one lesion's biopsy proof is not another lesion's diagnosis", () => {
  it('"SCC in situ R dorsal forearm, biopsy-proven" + a scalp punch "r/o lichen planopilaris vs DLE" → the punch asks, never D04.4', () => {
    const r = codeNote(
      'Squamous cell carcinoma in situ - R dorsal forearm. Biopsy-proven (09/08/2026: SCC in situ). ED&C, lesion diameter 1.2 cm.\n\nScalp, vertex: r/o lichen planopilaris vs DLE. Punch biopsy 4 mm, specimen D to in-house dermpath.\n',
    );
    expect(r.lines).toEqual(['11104-59', '17262', '88305']);
    expect(r.dx[0]).toEqual([]);
    expect(r.dx[1]).toEqual(['D04.61']);
  });
});

describe('a numbered A&P item titles the procedure under it', () => {
  it('"13. Inflamed epidermoid cyst - L lower back" over "Procedure: Incision and drainage", then "RTC … for the keloids" → 10060 for L72.0', () => {
    const r = codeNote(
      'Assessment & Plan:\n12. Keloids - central chest\nProcedure: Intralesional injection\nNumber of lesions: 2\nMedication: triamcinolone acetonide 10 mg/mL (Kenalog-10)\nVolume: 0.5 mL per keloid, 1.0 mL total (10 mg)\n13. Inflamed epidermoid cyst - L lower back\nFluctuant, tender for 3 days.\nProcedure: Incision and drainage\nLocation: L lower back\nComplexity: simple, single abscess, no packing\nNo separate E/M today. RTC 3 months for the keloids.\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301', '10060']);
    expect(r.dx).toEqual([['L91.0'], ['L91.0'], ['L72.0']]);
  });
});

describe('"DN" is a dysplastic nevus', () => {
  it('"Shave bx x3: A) R cheek r/o BCC, B) L arm r/o SCC, C) back r/o DN." → every jar D49.2 before pathology', () => {
    const r = codeNote('Shave bx x3: A) R cheek r/o BCC, B) L arm r/o SCC, C) back r/o DN.\n');
    // Reference §1: one tangential 11102, two add-ons 11103; §13.2: D49.2 before pathology.
    expect(r.lines).toEqual(['11102', '11103 x2', '88305 x3']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2'], ['D49.2']]);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

describe('one biopsy of a rash on both sides stays one', () => {
  it('"Punch biopsy of bilateral shins rash, r/o LCV." → one 11104 for R21', () => {
    const r = codeNote('Punch biopsy of bilateral shins rash, r/o LCV.\n');
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx).toEqual([['R21'], ['R21']]);
  });
});
