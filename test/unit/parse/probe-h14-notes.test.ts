import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { intentOf } from '../../../core/parse/lexicon';
import { findTriggers, priorMalignantBiopsyIn } from '../../../core/parse/triggers';

// Misreads found by probe h14 (visit notes in styles the golden corpus lacks, round 6); each case is one general phrasing.

describe('a procedure named as the old one', () => {
  it.each([
    ['Stage II: 6 blocks (scarred tissue from the old ED&C, divided into six)', 'history'],
    ['the scar of her earlier excision was tender', 'history'],
    ['ED&C of the superficial BCC today', 'performed'],
  ])('%s -> %s', (clause, intent) => {
    expect(intentOf(clause, false, 0)).toBe(intent);
  });

  it('a Mohs stage line naming the old ED&C stays a stage of the Mohs', () => {
    const e = parseNote(
      'DOS: 11/26/2026\nMohs, L nasal ala, recurrent BCC.\n Stage I: 4 blocks; positive.\n Stage II: 6 blocks (scarred tissue from the old ED&C); positive.\n Stage III: 2 blocks; clear.\n',
    );
    expect(e.procedures.map((p) => p.kind)).toEqual(['mohs']);
    expect(e.procedures[0]?.stages?.map((s) => s.blocks)).toEqual([4, 6, 2]);
  });
});

describe('a closure that names the site it closes', () => {
  it('"Reconstruction, Site 1" after the Mohs of site 2 closes site 1', () => {
    const e = parseNote(
      'DOS: 11/26/2026\nProcedure 1 of 3 - Mohs, Site 1 (L nasal ala)\n Stage I: 3 blocks; clear.\n\nProcedure 2 of 3 - Mohs, Site 2 (R dorsal forearm)\n Stage I: 2 blocks; clear.\n Healing by secondary intention.\n\nProcedure 3 of 3 - Reconstruction, Site 1\n Bilobed transposition flap from the L nasal sidewall. Primary defect 1.2 x 1.0 cm; secondary defect 1.0 x 1.0 cm.\n',
    );
    const mohs = e.procedures.filter((p) => p.kind === 'mohs');
    const flap = e.procedures.find((p) => p.kind === 'adjacent-tissue-transfer');
    expect(mohs.map((p) => p.site?.key)).toEqual(['nasal-ala', 'forearm']);
    expect(flap?.lesionLabels).toEqual(mohs[0]?.lesionLabels);
  });
});

describe('numbered diagnoses above the procedures', () => {
  const note =
    "Date of service: 11/24/2026\nPre-procedure dx:\n 1. SCC in situ, L cheek - shave bx 11/03/2026 (Bowen's).\n 2. Epidermoid cyst L upper arm, painful.\n\nProcedure 1 / Excision, L cheek\n Lesion 11 mm; margins 4 mm; excised diameter 1.9 cm. Specimen A.\n\nProcedure 2 / Excision, L upper arm\n Cyst 16 mm; 1 mm margin; excised diameter 1.8 cm. Specimen B.\n";

  it('the cheek excision is not the arm cyst of the item above it, and its dated biopsy proves it', () => {
    const e = parseNote(note);
    const cheek = e.procedures.find((p) => p.site?.key === 'cheek');
    const lesion = e.lesions.find((l) => l.label === cheek?.lesionLabels[0]);
    expect(cheek?.lesionType).not.toBe('cyst');
    expect(lesion?.priorMalignantBiopsy).toBe(true);
  });

  it.each([
    ['SCC in situ, L cheek - shave bx 11/03/2026', true],
    ['BCC, L temple (bx 9/10/26)', true],
    ['r/o SCC, L cheek - shave bx 11/03/2026', false],
  ])('%s -> proven %s', (text, proven) => {
    expect(priorMalignantBiopsyIn(text)).toBe(proven);
  });

  it('a Mohs tumour takes its diagnosis from the pre-op line naming its site', () => {
    const e = parseNote(
      'DOS: 11/26/2026\nPre-op diagnoses:\n Site 1 - nodular BCC, L nasal ala, bx-proven 10/30/2026.\n Site 2 - SCC, R dorsal forearm, bx-proven 11/02/2026.\n\nProcedure 1 of 2 - Mohs, Site 1 (L nasal ala)\n Stage I: 3 blocks; clear.\n\nProcedure 2 of 2 - Mohs, Site 2 (R dorsal forearm)\n Stage I: 2 blocks; clear.\n',
    );
    const forearm = e.procedures.find((p) => p.kind === 'mohs' && p.site?.key === 'forearm');
    const lesion = e.lesions.find((l) => l.label === forearm?.lesionLabels[0]);
    expect(lesion?.clinicalDiagnosis).toMatch(/SCC, R dorsal forearm/);
  });
});

describe('closures told by their layers', () => {
  it.each([
    ['Deep closure 4-0 Vicryl, skin 4-0 nylon interrupted.', ['repair']],
    ['closure length 3.5 cm (intermediate, layered)', ['repair']],
    ['Primary closure of the donor site.', []],
  ])('%s -> %j', (text, families) => {
    expect(findTriggers(text).map((t) => t.family)).toEqual(families);
  });
});

describe('biopsies told one after another in one dictated sentence', () => {
  it('"… wrist were sampled with a punch biopsy …, and then a plaque on the L lower back also got a 4 mm punch" is two punches', () => {
    const e = parseNote(
      'Date of Service: 11/25/2026\nthe violaceous papules on the right volar wrist were sampled with a 4 mm punch biopsy specimen B one suture, and then a separate scaly pink plaque on the left lower back also got a 4 mm punch specimen C, one suture.\n',
    );
    const punches = e.procedures.filter((p) => p.kind === 'biopsy-punch');
    expect(punches.map((p) => p.site?.key)).toEqual(['wrist', 'lower-back']);
  });
});

describe('numbered procedure titles', () => {
  it('"Procedure 1/2: NAIL UNIT BIOPSY" and "Procedure 2/2: NAIL AVULSION" are two procedures, each at its own digit', () => {
    const e = parseNote(
      'DOS: 11/24/2026\nProcedure 1/2: NAIL UNIT BIOPSY\n Site: L thumb (1st digit, left hand)\n Technique: 3 mm punch of the nail matrix.\n Specimen: A - nail matrix, to dermpath.\n\nProcedure 2/2: NAIL AVULSION\n Site: R great toe (hallux)\n Technique: whole nail plate avulsed; matrix NOT treated.\n Specimen: none.\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality])).toEqual([
      ['biopsy-punch', 'fingernail', 'left'],
      ['nail', 'toenail', 'right'],
    ]);
    // "Specimen: none." speaks only for the avulsion: the biopsy's jar A is still sent.
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
  });
});

describe('an indication told with a site named twice', () => {
  it('"nodule on the vertex of the scalp … keeps getting cut when he gets his hair cut" is a repeated-trauma indication', () => {
    const e = parseNote(
      'Date of service: 11/25/2026\nA smooth firm nodule on the vertex of the scalp keeps getting cut when he gets his hair cut.\n\nProcedure: excision of the cyst of the vertex scalp. Lesion 1.2 cm, 1 mm margins, excised diameter 1.4 cm.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'excision')?.indications).toContain('trauma-location');
  });
});

describe('a laser area told before the laser words', () => {
  it('"Treatment area: … = 14 sq cm" on the line above "Procedure: pulsed dye laser" is the area treated', () => {
    const e = parseNote(
      'DOS: 11/25/2026\nLesion: ulcerated infantile hemangioma, L buttock.\nTreatment area: whole plaque, 4.0 x 3.5 cm = 14 sq cm.\n\nProcedure: pulsed dye laser 595 nm, 7 mm spot, 7 J/cm2; single pass.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'vascular-laser')?.areaSqCm).toBe(14);
  });
});

describe('peels', () => {
  it.each([
    ['Superficial glycolic acid 30% peel, chest only', ['peel']],
    ['TCA 35% peel to the face', ['peel']],
  ])('%s -> %j', (text, families) => {
    expect(findTriggers(text).map((t) => t.family)).toEqual(families);
  });

  it('a peel for AKs counts the AKs the exam names, and "no individual lesions frozen" is no destruction', () => {
    const e = parseNote(
      'DOS: 11/23/2026\nO: Face: about 24 AKs counted on a background of severe photodamage.\nP: Medium-depth chemical peel, full face: TCA 35%. This is the field treatment of his AKs; no individual lesions frozen today.\n',
    );
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => [p.kind, p.count])).toEqual([['chemical-peel', 24]]);
  });
});

describe('numbered sessions of a series', () => {
  it.each([
    ['Flattening a little after ILK #1, still itchy.', 26, 'history'],
    ['ILK #2 per plan: Kenalog-40 0.5 mL', 0, 'performed'],
  ])('%s (at %i) -> %s', (clause, at, intent) => {
    expect(intentOf(clause, false, at)).toBe(intent);
  });

  it('"Keloids x2 - ILK #2 per plan: Kenalog-40 …" is one injection done today with its dose', () => {
    const e = parseNote(
      'DOS 11/24/2026\nHPI: keloids L earlobe and mid chest, flattening a little after ILK #1.\nA/P:\n1. Keloids x2 (L91.0) - ILK #2 per plan: Kenalog-40 (40 mg/mL) from the 5 mL multi-dose vial, 0.25 mL earlobe + 0.25 mL chest = 0.5 mL total (20 mg).\n',
    );
    const done = e.procedures.filter((p) => p.status === 'performed');
    expect(done.map((p) => [p.kind, p.drug?.amountGiven])).toEqual([['intralesional-injection', 20]]);
  });
});

describe('closures of lacerations', () => {
  it('adhesive-only and simple interrupted closures are repairs; "no sutures" keeps the adhesive-only closure', () => {
    const e = parseNote(
      'DOS: 11/26/2026\nProcedures:\n1. L forehead laceration: irrigated, edges approximated and closed with tissue adhesive only (Dermabond), no sutures.\n2. R forearm: irrigated, flap laid back, closed with simple interrupted 5-0 nylon x6, single layer. Length 3.5 cm.\n',
    );
    const repairs = e.procedures.filter((p) => p.kind === 'repair');
    expect(repairs.map((p) => [p.site?.key, p.repairFeatures?.tissueAdhesiveOnly ?? false])).toEqual([
      ['forehead', true],
      ['forearm', false],
    ]);
  });
});

describe('a post-operative visit told as its reason', () => {
  const note =
    'DOS: 11/25/2026\nReason: suture removal - excision of biopsy-proven BCC, R upper back, 11/18/2026 (11602 + 12032 billed).\n\nNew, unrelated to the back surgery:\n- L temple: 7 mm pink pearly papule, r/o BCC. -> Tangential (shave) biopsy, spec A.\n';

  it('"Reason: suture removal - excision …, 11/18/2026 (11602 …)" names the surgery whose global today falls in', () => {
    expect(parseNote(note).visit.postOpOf).toEqual({ related: false, code: '11602', date: '2026-11-18' });
  });

  it("the reason line naming the R upper back is not the L temple biopsy's diagnosis", () => {
    const e = parseNote(note);
    const lesion = e.lesions.find((l) => l.site?.key === 'temple');
    expect(lesion?.site?.laterality).toBe('left');
    expect(lesion?.priorMalignantBiopsy ?? false).toBe(false);
    expect(lesion?.clinicalDiagnosis ?? '').not.toMatch(/upper back/);
  });
});

describe('a biopsy and an ED&C of one suspected BCC, pathology pending', () => {
  const note =
    'dos 11/24/2026\na/p:\n- suspected BCC R post upper arm: pt wants it treated today.\n  -> shave bx first (spec A, read later this week - not a frozen/immediate read), then ED&C of the same 0.7 cm lesion in the same sitting: curettage x3 + ED, final defect 1.1 cm.\n- path pending. if benign -> only the bx gets billed; if BCC -> the ED&C.\n';

  it('"not a frozen/immediate read" drives no decision, and "curettage x3" counts cycles of one lesion', () => {
    const e = parseNote(note);
    expect(e.procedures.find((p) => p.kind.startsWith('biopsy') && p.status === 'performed')?.drivesDecision).toBeUndefined();
    expect(e.procedures.find((p) => p.kind.startsWith('destruction') && p.status === 'performed')?.count).toBeUndefined();
  });

  it('"if benign -> only the bx gets billed; if BCC -> the ED&C" names no procedure done today', () => {
    const e = parseNote(note);
    expect(e.procedures.filter((p) => p.status === 'performed')).toHaveLength(2);
  });
});

describe('a plan of ten or more numbered problems', () => {
  it('"10. Seborrheic dermatitis face - …" is the tenth problem, not a sentence after "10."', () => {
    const items = Array.from({ length: 11 }, (_, k) => `${k + 1}. Problem number ${k + 1} - Continue the cream.`).join('\n');
    const e = parseNote(`DOS: 11/24/2026\nASSESSMENT / PLAN\n${items}\n`);
    expect(e.visit.problems.map((p) => p.text)).toContain('Problem number 10');
    expect(e.visit.problems).toHaveLength(11);
  });
});

describe('a Mohs defect down to a structure that is spared', () => {
  it.each([
    ['Final defect 2.0 x 1.8 cm down to the muscle fascia; muscle not exposed.', false],
    ['Final defect to the level of the underlying muscle fascia, muscle not exposed.', false],
    ['Final defect 1.4 x 1.2 cm, down to the perichondrium; cartilage not exposed.', false],
    ['Final defect into the underlying muscle (trapezius), partially excised.', true],
    ['Final defect extends into the underlying cartilage, which was excised in stage 2.', true],
  ])('%s -> deep %s', (line, deep) => {
    const e = parseNote(`DOS: 11/24/2026\nMohs, BCC R upper back.\nStage I: 3 blocks, clear.\n${line}\n`);
    expect(e.procedures.find((p) => p.kind === 'mohs')?.deepStructureInvolved ?? false).toBe(deep);
  });
});

describe('a Mohs tumour whose only dx field names no cancer', () => {
  it('"Indications: tumour 1 recurrent in the H-zone" gives way to the pre-op line naming the BCC at its site', () => {
    const e = parseNote(
      'DOS: 11/26/2026\nPre-op diagnoses:\n Tumor 1 - RECURRENT nodular BCC, L nasal ala. Treated with ED&C in 2021 elsewhere.\nIndications: tumor 1 recurrent in the H-zone.\n\nProcedure #1 - Mohs, Tumor 1 (L nasal ala)\n Stage I: 3 blocks; clear.\n',
    );
    const mohs = e.procedures.find((p) => p.kind === 'mohs');
    expect(e.lesions.find((l) => l.label === mohs?.lesionLabels[0])?.clinicalDiagnosis).toMatch(/nodular BCC, L nasal ala/);
  });
});

describe('the surgery whose sutures come out today', () => {
  it('"Here today for suture removal after excision of a BCC … on 11/18/2026" is no excision today', () => {
    const e = parseNote(
      'DOS: 11/25/2026\nHere today for suture removal after excision of a biopsy-proven BCC of the R upper back on 11/18/2026 (11602, 12032). Wound healed.\n',
    );
    expect(e.procedures.filter((p) => p.status === 'performed')).toEqual([]);
  });
});
