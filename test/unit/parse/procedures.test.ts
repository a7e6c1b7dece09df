import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import type { Encounter, Procedure } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { priorMalignantBiopsyIn } from '../../../core/parse/triggers';
import { unitsOf } from '../../../core/parse/units';

/** Compact view of the procedures: kind, status, site key, labels. */
function brief(e: Encounter) {
  return e.procedures.map((p) => ({
    kind: p.kind,
    status: p.status,
    site: p.site?.key,
    side: p.site?.laterality,
    lesion: p.lesionLabels[0],
    specimen: p.specimenLabel,
  }));
}
function only(e: Encounter, kind: Procedure['kind']): Procedure {
  const list = e.procedures.filter((p) => p.kind === kind);
  expect(list).toHaveLength(1);
  return list[0] as Procedure;
}

describe('technique words → procedure kind', () => {
  const cases: [string, Procedure['kind']][] = [
    ['Shave biopsy of the L forearm, specimen A.', 'biopsy-tangential'],
    ['Tangential biopsy, R cheek.', 'biopsy-tangential'],
    ['Saucerization biopsy of pigmented lesion on the back.', 'biopsy-tangential'],
    ['Scoop biopsy of the R shoulder.', 'biopsy-tangential'],
    ['Curette biopsy of the scalp lesion.', 'biopsy-tangential'],
    ['4 mm punch biopsy of the right shin.', 'biopsy-punch'],
    ['Incisional biopsy of the L thigh nodule.', 'biopsy-incisional'],
    ['Wedge biopsy of the L thigh.', 'biopsy-incisional'],
    ['Biopsy of the L arm lesion, sent to pathology.', 'biopsy-unspecified'],
    ['Bioposy of the L arm, specimen A.', 'biopsy-unspecified'],
    ['Excisional biopsy of the R forearm nevus with 2 mm margins.', 'excision'],
    ['Elliptical excision of the back lesion, 2 mm margins.', 'excision'],
    ['Exicision of cyst, R upper back.', 'excision'],
    ['Shave removal of irritated SK, R upper back.', 'shave-removal'],
    ['Shave excision of an inflamed SK on the L flank.', 'shave-removal'],
    ['ED&C of BCC on the L lower back.', 'destruction-malignant'],
    ['C&D x3 of superficial BCC, R upper back.', 'destruction-malignant'],
    ['LN2 to 6 AKs on the scalp.', 'destruction-premalignant'],
    ['Cryotherapy of 4 warts on the R hand.', 'destruction-benign'],
    ['Liquid nitrogen to molluscum x 10 on the trunk.', 'destruction-benign'],
    ['Skin tags x 12 snipped from the neck.', 'skin-tag-removal'],
    ['ILK 10 mg/mL 0.3 mL to keloid on the chest.', 'intralesional-injection'],
    ['Intralesional Kenalog to 3 alopecia patches of the scalp.', 'intralesional-injection'],
    ['Kenalog 40 mg IM given in the R deltoid.', 'injection'],
    ['I&D of abscess on the R buttock.', 'incision-drainage'],
    ['Botox 100 units for axillary hyperhidrosis, both axillae.', 'chemodenervation'],
    ['NB-UVB phototherapy session, full body.', 'phototherapy'],
    ['PUVA session #12.', 'phototherapy'],
    ['Excimer laser to psoriasis plaques, total 120 sq cm.', 'laser-psoriasis'],
    ['PDT with Levulan, blue light 16 min 40 s.', 'pdt'],
    ['Acne surgery: comedone extraction of 20 comedones on the forehead.', 'acne-surgery'],
    ['Paring of 3 calluses on the R sole.', 'paring'],
    ['Partial nail avulsion of the L great toenail.', 'nail'],
    ['Glycolic acid peel to the face.', 'chemical-peel'],
  ];
  it.each(cases)('%s → %s', (text, kind) => {
    const e = parseNote(text);
    expect(e.procedures.map((p) => p.kind)).toEqual([kind]);
    expect(e.procedures[0]?.status).toBe('performed');
  });
});

describe('note styles', () => {
  it('EMA-like templated block', () => {
    const e = parseNote(
      'DOS: 10/14/2026\n\nAssessment & Plan\n1. Neoplasm of uncertain behavior, L forearm\n   Procedure: Shave Biopsy\n   Location: left forearm\n   Specimen: A\n   Size: 0.6 cm\n   Clinical dx: r/o BCC\n   Anesthesia: 1% lidocaine w/ epi 0.5 mL\n   Consent: risks incl. scar, bleeding, infection reviewed\n',
    );
    expect(brief(e)).toEqual([{ kind: 'biopsy-tangential', status: 'performed', site: 'forearm', side: 'left', lesion: '1', specimen: 'A' }]);
    const p = e.procedures[0] as Procedure;
    expect(p.lesionDiameterCm).toBe(0.6);
    // consent-line risks are not indications
    expect(p.indications).toEqual(['suspicious']);
    expect(e.lesions).toEqual([expect.objectContaining({ label: '1', clinicalSizeCm: 0.6, clinicalDiagnosis: 'r/o BCC' })]);
    expect(e.specimens).toEqual([expect.objectContaining({ label: 'A', lesionLabel: '1', procedureId: p.id, type: 'skin' })]);
  });

  it('athena-like list with parenthesised specimen letters', () => {
    const e = parseNote(
      'Assessment / Plan\n  Procedures:\n    Shave Bx - L upper back (A): 0.7 cm pigmented macule, r/o dysplastic nevus\n    Shave Bx - R mid back (B): 0.5 cm pink papule, r/o SCCIS\n    Shave Bx - L shin (C): 0.9 cm keratotic papule\n  All 3 specimens to dermpath.',
    );
    expect(brief(e).map((b) => [b.kind, b.site, b.side, b.specimen])).toEqual([
      ['biopsy-tangential', 'upper-back', 'left', 'A'],
      ['biopsy-tangential', 'mid-back', 'right', 'B'],
      ['biopsy-tangential', 'shin', 'left', 'C'],
    ]);
    expect(e.procedures.map((p) => p.lesionDiameterCm)).toEqual([0.7, 0.5, 0.9]);
  });

  it('dictated prose with two biopsies in one sentence', () => {
    const e = parseNote(
      'PROCEDURE: After informed consent I performed a 4 mm punch biopsy of the left upper back, labeled specimen A, and a 4 mm punch biopsy of the left lateral thigh, labeled specimen B. Both sites were closed with 4-0 nylon.',
    );
    expect(brief(e).map((b) => [b.kind, b.site, b.side, b.specimen])).toEqual([
      ['biopsy-punch', 'upper-back', 'left', 'A'],
      ['biopsy-punch', 'thigh', 'left', 'B'],
    ]);
    // the punch tool size is not a lesion size
    expect(e.procedures[0]?.lesionDiameterCm).toBeUndefined();
  });

  it('dictated prose, sentence by sentence', () => {
    const e = parseNote(
      'I then performed a 4 mm punch biopsy of the right shin. The site was closed with 4-0 nylon. Next, a shave biopsy of the left nasal ala was performed.',
    );
    expect(brief(e).map((b) => [b.kind, b.site, b.side])).toEqual([
      ['biopsy-punch', 'shin', 'right'],
      ['biopsy-tangential', 'nasal-ala', 'left'],
    ]);
    // two unlabeled specimens: lettered in order, each flagged
    expect(e.specimens.map((s) => s.label)).toEqual(['A', 'B']);
    expect(e.unread.filter((u) => u.reason.startsWith('specimen label not documented'))).toHaveLength(2);
  });

  it('the only specimen of the visit is lettered A without a could-not-read', () => {
    const e = parseNote('Excision of SCC, R dorsal hand, excised diameter 1.9 cm. Specimen sent to dermpath, oriented with a suture.');
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
    expect(e.unread).toEqual([]);
  });

  it('abbreviation-heavy inline list', () => {
    const e = parseNote('bx x3: A) R cheek shave bx r/o BCC B) L forearm punch bx r/o SCC C) back shave bx r/o DN');
    expect(brief(e)).toEqual([
      { kind: 'biopsy-tangential', status: 'performed', site: 'cheek', side: 'right', lesion: 'A', specimen: 'A' },
      { kind: 'biopsy-punch', status: 'performed', site: 'forearm', side: 'left', lesion: 'B', specimen: 'B' },
      { kind: 'biopsy-tangential', status: 'performed', site: 'back', side: undefined, lesion: 'C', specimen: 'C' },
    ]);
    expect(e.unread).toEqual([]);
  });

  it('enumerated sites after one procedure word', () => {
    const e = parseNote('A/P:\n1. Lichenoid eruption -- 4mm punch bx x2: L forearm (A), R thigh (B).');
    expect(brief(e).map((b) => [b.kind, b.site, b.side, b.specimen])).toEqual([
      ['biopsy-punch', 'forearm', 'left', 'A'],
      ['biopsy-punch', 'thigh', 'right', 'B'],
    ]);
  });

  it('specimen line after a prose procedure names its specimen', () => {
    const e = parseNote(
      'PROCEDURE: Elliptical excision of the L upper back. The lesion measured 1.2 cm and was marked with 4 mm margins.\nSpecimen A sent to in-house dermatopathology.',
    );
    const p = only(e, 'excision');
    expect(p.specimenLabel).toBe('A');
    expect(e.specimens[0]).toMatchObject({ label: 'A', destination: 'in-house' });
    expect(e.unread).toEqual([]);
  });
});

describe('excision, repair and flap facts', () => {
  it('excision with intermediate repair: sizes, margin, length, layers, undermining', () => {
    const e = parseNote(
      'Procedures:\n1. Excision, upper back: 1.2 x 0.8 cm atypical pigmented lesion, r/o melanoma. Excised with 2 mm margins, fusiform ellipse. Intermediate repair, layered closure with 4-0 Vicryl and 5-0 nylon; limited undermining. Repair length 3.2 cm. Specimen 1 sent to Dermpath Diagnostics.',
    );
    const ex = only(e, 'excision');
    expect(ex).toMatchObject({ lesionDiameterCm: 1.2, marginCm: 0.2, site: { key: 'upper-back' }, specimenLabel: '1', lesionLabels: ['1'] });
    // a suspected melanoma is not a lesion type: pathology decides
    expect(ex.lesionType).toBeUndefined();
    const rep = only(e, 'repair');
    expect(rep).toMatchObject({ repairLevel: 'intermediate', lengthCm: 3.2, lesionLabels: ['1'], repairFeatures: { layered: true, undermining: 'limited' } });
    expect(e.specimens[0]).toMatchObject({ label: '1', destination: 'external' });
  });

  it('simple closure of an excision is part of the excision: no repair procedure', () => {
    const e = parseNote(
      'PROCEDURE: Excision, L mid back\nLesion size: 0.8 cm\nMargins: 0.2 cm\nExcised diameter: 1.2 cm\nClosure: simple, 4-0 nylon interrupted\nSpecimen: A',
    );
    expect(e.procedures.map((p) => p.kind)).toEqual(['excision']);
    expect(e.procedures[0]).toMatchObject({ lesionDiameterCm: 0.8, marginCm: 0.2, excisedDiameterCm: 1.2 });
  });

  it('complex repair features: extensive undermining, free margin, exposed cartilage, retention sutures', () => {
    const e = parseNote(
      'Excision of SCC, R helical rim, 1.0 cm with 4 mm margins. Complex repair: layered closure with extensive undermining, exposed cartilage, retention sutures placed; repair length 2.8 cm.',
    );
    const rep = only(e, 'repair');
    expect(rep.repairLevel).toBe('complex');
    expect(rep.lengthCm).toBe(2.8);
    expect(rep.repairFeatures).toEqual({ layered: true, undermining: 'extensive', exposedDeepStructure: true, freeMargin: true, retentionSutures: true });
  });

  it('Mohs with stages, defect and a bilobed flap with primary + secondary defects', () => {
    const e = parseNote(
      "MOHS MICROGRAPHIC SURGERY NOTE\nPre-op diagnosis: biopsy-proven BCC, nodular, R nasal ala (path from 9/20/2026)\nStage I: 3 blocks, positive at 2 o'clock.\nStage II: 1 block, clear.\nFinal defect: 1.6 x 1.4 cm, to the level of cartilage.\n\nRepair: Bilobed flap. Primary defect 1.6 x 1.4 cm, secondary defect 1.5 x 1.2 cm.\nUndermining was extensive.",
    );
    const mohs = only(e, 'mohs');
    expect(mohs.stages).toEqual([
      { stage: 1, blocks: 3 },
      { stage: 2, blocks: 1 },
    ]);
    expect(mohs.site).toMatchObject({ key: 'nasal-ala', laterality: 'right' });
    expect(mohs.deepStructureInvolved).toBe(true);
    expect(mohs.lesionType).toBe('bcc');
    const att = only(e, 'adjacent-tissue-transfer');
    expect(att).toMatchObject({ flapType: 'bilobed', primaryDefectSqCm: 2.24, secondaryDefectSqCm: 1.8, areaSqCm: 4.04, lesionLabels: mohs.lesionLabels });
    expect(e.lesions[0]).toMatchObject({ priorMalignantBiopsy: true });
    // no tissue for pathology from Mohs
    expect(e.specimens).toEqual([]);
  });

  it('interpolation flap, division and graft kinds', () => {
    expect(parseNote('Repair with paramedian forehead flap to the nasal tip.').procedures.map((p) => p.kind)).toEqual(['flap']);
    expect(parseNote('Division and inset of paramedian forehead flap, nasal tip.').procedures.map((p) => p.kind)).toEqual(['flap-division']);
    const g = parseNote('FTSG from the L preauricular cheek to the nasal tip defect, graft 1.5 x 1.2 cm.');
    expect(only(g, 'graft')).toMatchObject({ graftType: 'full-thickness', areaSqCm: 1.8 });
  });
});

describe('destruction classes and counts', () => {
  it('one sentence, two lesion classes → two procedures with their own counts and sites', () => {
    const e = parseNote('3. Cryotherapy (LN2) to twelve AKs on the scalp and 3 SKs on the L temple, inflamed and itchy.');
    expect(e.procedures.map((p) => [p.kind, p.count, p.site?.key])).toEqual([
      ['destruction-premalignant', 12, 'scalp'],
      ['destruction-benign', 3, 'temple'],
    ]);
    expect(e.procedures[1]?.indications).toEqual(['itching', 'inflamed']);
    expect(e.procedures[0]?.indications).toEqual([]);
  });

  it('count from the diagnosis line, cycles are not a count', () => {
    const e = parseNote('A/P:\n1. AKs x4 - forehead (2), L temple, R cheek. LN2 cryotherapy, 2 freeze-thaw cycles each.');
    expect(only(e, 'destruction-premalignant').count).toBe(4);
  });

  it('ED&C with the lesion named on the line before, size from the note', () => {
    const e = parseNote(
      'Biopsy-proven superficial BCC, R upper back (shave bx 03/16/2026).\nED&C x3 cycles. Lesion 1.4 cm; final defect after curettage 1.7 cm.',
    );
    const p = only(e, 'destruction-malignant');
    expect(p.lesionDiameterCm).toBe(1.4);
    expect(p.site?.key).toBe('upper-back');
    // the prior shave biopsy is history, not a procedure today
    expect(e.procedures.map((x) => x.kind)).toEqual(['destruction-malignant']);
  });

  it('skin tags removed by scissors are 11200-type removals with their count', () => {
    const e = parseNote(
      'Acrochordons (L91.8) of the neck and axillae: 18 lesions, irritated by necklace.\nRemoved with snip excision (curved iris scissors). Not sent to pathology.',
    );
    expect(only(e, 'skin-tag-removal')).toMatchObject({ count: 18 });
    expect(e.specimens).toEqual([]);
  });

  it('"(snip excision)" later in the tag sentence names the removal method, not a second procedure', () => {
    const e = parseNote('Skin tag removal: 18 skin tags of the neck removed with sterile scissors (snip excision); AlCl3.');
    expect(e.procedures.map((p) => p.kind)).toEqual(['skin-tag-removal']);
    expect(only(e, 'skin-tag-removal')).toMatchObject({ count: 18 });
  });
});

describe('negation, planning and history', () => {
  const none: string[] = [
    'No biopsy performed today.',
    's/p excision 2019, scar well healed.',
    'Hx of BCC treated with Mohs in 2021.',
    'Biopsy-proven BCC of the R nasal ala.',
    'Path from 10/2 showed SCC in situ.',
    'Previously biopsied lesion on the back, benign.',
    'Skin tags were removed at her last visit.',
    'The AKs on her scalp were treated 2 years ago with LN2.',
  ];
  it.each(none)('"%s" creates no procedure', (text) => {
    expect(parseNote(text).procedures).toEqual([]);
  });

  const statuses: [string, Procedure['status']][] = [
    ['Biopsy deferred to next visit.', 'deferred'],
    ['Patient declined biopsy of the L arm lesion.', 'declined'],
    ['Consider biopsy next visit if still changing.', 'planned'],
    ['Will biopsy if the lesion persists.', 'planned'],
    ['Recommend excision of the atypical nevus.', 'planned'],
    ['Scheduled for Mohs of the BCC on the nose.', 'planned'],
    ['Punch biopsy offered. Patient declined.', 'declined'],
    ['CRYOTHERAPY, DESTRUCTION OF PREMALIGNANT LESIONS - Canceled', 'declined'],
    ['Shave biopsy of the L arm: cancelled, patient left before the procedure.', 'declined'],
    ['Shave biopsy of the R cheek performed today.', 'performed'],
  ];
  it.each(statuses)('"%s" → %s', (text, status) => {
    const e = parseNote(text);
    expect(e.procedures).toHaveLength(1);
    expect(e.procedures[0]?.status).toBe(status);
  });

  it('a planned procedure sends no specimen', () => {
    expect(parseNote('Recommend shave biopsy of the L arm lesion at next visit.').specimens).toEqual([]);
  });

  it('history sections are not procedures, but the procedure section is', () => {
    const e = parseNote('HPI: 71 yo F, hx of BCC treated with Mohs 2019. Here for changing mole.\n\nProcedure: Shave biopsy, L upper back, specimen A.');
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential']);
  });
});

describe('typos and ambiguous wording', () => {
  it('typos still read', () => {
    expect(parseNote('Exicision of 1.0 cm cyst, R upper back, 2 mm margins.').procedures[0]).toMatchObject({
      kind: 'excision',
      lesionDiameterCm: 1,
      marginCm: 0.2,
      lesionType: 'cyst',
    });
    expect(parseNote('Bioposy of the L shin, punch 4 mm.').procedures[0]?.kind).toBe('biopsy-punch');
  });

  it('"shave" with no intent stated is unread, not guessed', () => {
    const e = parseNote('Shave: L arm lesion.');
    expect(e.procedures).toEqual([]);
    expect(e.unread).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^could not read: shave/) })]);
  });

  it('hemostasis with electrocautery is not a destruction', () => {
    const e = parseNote('Shave biopsy of the L forearm. Hemostasis with electrocautery.');
    expect(e.procedures.map((p) => p.kind)).toEqual(['biopsy-tangential']);
  });
});

describe('cosmetic intent and indications', () => {
  it('asymptomatic SK removed at patient request is cosmetic', () => {
    const e = parseNote('Shave removal of 0.7 cm SK on the L forehead. Asymptomatic, patient request for cosmetic reasons.');
    expect(only(e, 'shave-removal')).toMatchObject({ cosmetic: true, lesionType: 'seborrheic-keratosis', lesionDiameterCm: 0.7 });
  });
  it('symptomatic ISK with trauma location is medical, with normalized indications', () => {
    const e = parseNote('Shave removal of irritated SK on the R upper back at the bra line; bleeding and itching, catches on clothing.');
    const p = only(e, 'shave-removal');
    expect(p.cosmetic).toBeUndefined();
    expect(p.lesionType).toBe('inflamed-seborrheic-keratosis');
    expect(p.indications).toEqual(['bleeding', 'itching', 'irritation', 'trauma-location']);
  });
  it('negated symptoms are not indications', () => {
    const p = parseNote('Shave removal of SK on the back, no bleeding, denies itching, patient request.').procedures[0];
    expect(p?.indications).toEqual([]);
  });
});

describe('lists, counts and templates seen in real EMR output', () => {
  it('"Shave removal x2" with lesion lines under it → two procedures with their own sites, sizes and specimens', () => {
    const e = parseNote(
      'Procedure: Shave removal x2 (inflamed, itchy, catching on waistband)\n Lesion 1: L flank, 0.5 cm irritated SK -- specimen A\n Lesion 2: R lower back at belt line, 0.4 cm irritated SK -- specimen B\nBoth sent to in-house path.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality, p.lesionDiameterCm, p.specimenLabel])).toEqual([
      ['shave-removal', 'flank', 'left', 0.5, 'A'],
      ['shave-removal', 'lower-back', 'right', 0.4, 'B'],
    ]);
  });

  it('"Two punch biopsies (A: …; B: …)" → two biopsies of the same site', () => {
    const e = parseNote('Two 4 mm punch biopsies of the vertex scalp (A: horizontal sections; B: vertical sections), closed with 4-0 nylon.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'vertex', 'A'],
      ['biopsy-punch', 'vertex', 'B'],
    ]);
  });

  it('a numbered list inside one line under a counted header: each item keeps its own technique', () => {
    const e = parseNote('Biopsies x2 of the vulva: 1) L labium majus 4 mm punch, spec A 2) R labium minus shave, spec B. Both to path.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'labia', 'left', 'A'],
      ['biopsy-tangential', 'labia', 'right', 'B'],
    ]);
  });

  it('an uncounted "Biopsies …:" header with a site is the summary of its numbered items', () => {
    const e = parseNote('Biopsies of the L forearm today: 1) proximal shave bx 2) distal punch bx 3 mm. Both to path.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionLabels[0]])).toEqual([
      ['biopsy-tangential', 'forearm', '1'],
      ['biopsy-punch', 'forearm', '2'],
    ]);
  });

  it('all-caps scribe shorthand: "PUNCH BX X2 … SPEC A (…), SPEC B (…)" → two punch biopsies', () => {
    const e = parseNote('PUNCH BX X2 TODAY. SPEC A (L UPPER BACK 4MM), SPEC B (R FOREARM 3MM). R/O DYSPLASTIC NEVUS. SENT TO PATH.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'upper-back', 'left', 'A'],
      ['biopsy-punch', 'forearm', 'right', 'B'],
    ]);
  });

  it('specimens written after their own procedures stay with them', () => {
    const e = parseNote('Shave bx R arm, specimen A (r/o BCC), and punch bx L leg, specimen B (r/o SCC).');
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'A'],
      ['biopsy-punch', 'B'],
    ]);
  });

  it('"Path: site N sent (spec X)" lines give each numbered site its jar', () => {
    const e = parseNote(
      'Site 1: R cheek 6 mm pink papule, r/o BCC - shave bx.\nSite 2: L shin 8 mm scaly plaque, r/o SCC - shave bx.\nPath: site 1 sent (spec B)\nPath: site 2 sent (spec A)',
    );
    expect(e.procedures.map((p) => [p.site?.key, p.lesionLabels[0], p.specimenLabel])).toEqual([
      ['cheek', '1', 'B'],
      ['shin', '2', 'A'],
    ]);
  });

  it('"spec A = site 2": the jar named first', () => {
    const e = parseNote(
      '1. AK R temple - LN2 x1.\n2. R/o BCC L upper back, 7 mm - shave bx.\n3. R/o SCC R hand, 5 mm - shave bx.\nSpec A = site 3; spec B = site 2.',
    );
    expect(e.procedures.filter((p) => p.kind === 'biopsy-tangential').map((p) => [p.site?.key, p.specimenLabel])).toEqual([
      ['upper-back', 'B'],
      ['hand', 'A'],
    ]);
  });

  it('pipe table under a "Procedure summary" heading: rows labeled from the specimen and # columns', () => {
    const e = parseNote(
      [
        'Chief complaint: spots to check',
        '',
        'Procedure summary',
        '| # | Site | Clinical Dx | Procedure | Size | Specimen |',
        '|---|------|-------------|-----------|------|----------|',
        '| 1 | R upper back | r/o dysplastic nevus | shave biopsy | 6 mm | A |',
        '| 2 | L forearm | r/o SCC | punch biopsy 4 mm | 5 mm | B |',
        '| 3 | scalp | actinic keratoses x6 | LN2 | - | - |',
      ].join('\n'),
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel ?? p.lesionLabels[0], p.count])).toEqual([
      ['biopsy-tangential', 'upper-back', 'A', undefined],
      ['biopsy-punch', 'forearm', 'B', undefined],
      ['destruction-premalignant', 'scalp', '3', 6],
    ]);
    expect(e.unread).toEqual([]);
  });

  it('a lone "2)" in prose is not a list item', () => {
    const e = parseNote('Cryo to AKs (freeze x 2) 2) scalp was spared. Shave bx R arm, spec A.');
    expect(e.procedures.filter((p) => p.kind.startsWith('biopsy')).map((p) => [p.site?.key, p.specimenLabel])).toEqual([['arm', 'A']]);
  });

  it('labels closing each site: "L labium majus (A) and R labium minus (B)"', () => {
    const e = parseNote('Vulvar biopsy x2 (4 mm punch): L labium majus (A) and R labium minus (B).');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'labia', 'left', 'A'],
      ['biopsy-punch', 'labia', 'right', 'B'],
    ]);
  });

  it('Nextech dotted-leader template with a closure line and a labeled pathology line', () => {
    const e = parseNote(
      'Procedure ........ Excision, benign lesion\nSite ............. L posterior neck\nLesion .......... 1.1 cm, tender cystic nodule\nMargin .......... 0.1 cm\nClosure ......... layered; 4-0 Monocryl / 5-0 Prolene; 2.2 cm\nSpecimen ........ A -> in-house dermpath\n------------------\nPath A (02/26/2026): PILAR (TRICHILEMMAL) CYST.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionDiameterCm, p.marginCm, p.lengthCm, p.specimenLabel])).toEqual([
      ['excision', 'posterior-neck', 1.1, 0.1, undefined, 'A'],
      ['repair', 'posterior-neck', undefined, undefined, 2.2, undefined],
    ]);
    expect(e.procedures[1]?.repairFeatures?.layered).toBe(true);
    expect(e.pathology.map((r) => [r.specimenLabel, r.specimenType, r.behavior])).toEqual([['A', 'cyst', 'benign']]);
  });

  it('"x3 cycles" is not a list of procedures: the next numbered item stays its own', () => {
    const e = parseNote(
      '4. Superficial BCC, L shoulder -- biopsy-proven.\n   Procedure: ED&C x3 cycles. Lesion 1.3 cm.\n\n5. Inflamed SK, R flank, 0.9 cm, bleeding.\n   Procedure: Shave removal   Specimen: C',
    );
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels[0]])).toEqual([
      ['destruction-malignant', '4'],
      ['shave-removal', '5'],
    ]);
  });

  it('paronychia drainage takes the finger named on the line before', () => {
    const e = parseNote(
      'Acute paronychia, R middle finger lateral fold, fluctuant with pus.\nI&D: digital block, elevation of the lateral nail fold, purulent drainage. No packing.',
    );
    expect(e.procedures[0]).toMatchObject({ kind: 'incision-drainage', site: { key: 'finger', laterality: 'right', subsite: '3' } });
  });

  it('a same-day biopsy read on frozen section that led to Mohs drives the decision', () => {
    const e = parseNote(
      '1) Shave biopsy of the R nasal ala lesion; frozen section (1 block) read immediately by Dr. Patel: basal cell carcinoma, nodular. Based on this result, proceeded with Mohs the same day.\n2) Mohs micrographic surgery, R nasal ala: Stage I 3 blocks (+), Stage II 2 blocks (clear).',
    );
    expect(e.procedures.map((p) => [p.kind, p.drivesDecision])).toEqual([
      ['biopsy-tangential', true],
      ['mohs', undefined],
    ]);
    expect(e.pathology[0]).toMatchObject({ specimenLabel: '1', frozenSectionBlocks: 1, behavior: 'malignant' });
  });
});

describe('technique sentences after a procedure line describe that procedure', () => {
  it.each([
    [
      'Procedure: Nail matrix biopsy, left great toe. Digital block. Proximal nail fold reflected, nail plate partially avulsed, 3 mm punch of the nail matrix at the origin of the band. Specimen A sent to outside dermpath lab.',
      'toenail',
    ],
    ['Procedure: Nail unit biopsy, R index finger. Digital block. Nail plate avulsed, 3 mm punch of the nail bed. Specimen A to outside lab.', 'fingernail'],
  ])('%s → one biopsy with specimen A', (line, key) => {
    const e = parseNote(`DOS: 03/09/2026\n${line}\n`);
    expect(e.procedures).toHaveLength(1);
    expect(e.procedures[0]?.specimenLabel).toBe('A');
    if (key) expect(e.procedures[0]?.site?.key).toBe(key);
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
  });
  it.each([
    'Shave biopsy R cheek (A). Shave biopsy L forearm (B).',
    'Shave biopsy of the nose, specimen A. Shave biopsy of the chin, specimen B.',
    'Shave biopsy of the nasal tip, specimen A. Shave biopsy of the nasal dorsum, specimen B.',
    'Punch biopsy L great toe, specimen A.\nPunch biopsy of the nail bed, specimen B.',
  ])('different sites stay separate: %s', (line) => {
    const e = parseNote(`DOS: 03/09/2026\n${line}\n`);
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B']);
  });
});

describe('one destroyed lesion takes its size from the finding line before it', () => {
  it.each([
    ['Irritated 0.3 cm papilloma on the RIGHT UPPER EYELID margin, inflamed.\nDestruction by hyfrecation; lesion ablated to base.', 0.3],
    ['4 mm verruca on the L lower eyelid margin.\nCryotherapy x2 FTC.', 0.4],
    ['Seborrheic keratosis R temple, 1.2 cm, irritated.\nLN2 destruction, 2 cycles.', 1.2],
  ])('%s → %s cm', (text, cm) => {
    const e = parseNote(`DOS: 05/26/2026\n${text}\n`);
    expect(e.procedures).toHaveLength(1);
    expect(e.procedures[0]?.kind).toMatch(/^destruction/);
    expect(e.procedures[0]?.lesionDiameterCm).toBe(cm);
  });
  it('several lesions: no single size', () => {
    const e = parseNote('DOS: 05/26/2026\nWarts x3 on the L hand, largest 6 mm.\nCryotherapy x2 FTC to 3 warts.\n');
    expect(e.procedures[0]?.lesionDiameterCm).toBeUndefined();
  });
});

describe('a procedure word naming a result waited on opens nothing', () => {
  it.each([
    'Triamcinolone 0.1% ointment BID to trunk plaques pending biopsy.',
    'Hold topical steroids awaiting the biopsy results.',
    'Continue clobetasol until bx results return.',
    'No changes to therapy pending path.',
  ])('%s', (line) => {
    const e = parseNote(`DOS: 03/24/2026\nPunch biopsy L forearm, specimen A to in-house path.\n${line}\n`);
    expect(brief(e)).toEqual([{ kind: 'biopsy-punch', status: 'performed', site: 'forearm', side: 'left', lesion: 'L1', specimen: 'A' }]);
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
  });
});

describe('two specimens at the same site stay two procedures', () => {
  it.each([
    'Punch biopsy 4 mm L forearm, specimen A. Punch biopsy 4 mm L forearm, specimen B.',
    'Procedure: Punch biopsy x2, L forearm.\nA. L forearm, 4 mm punch, proximal.\nB. L forearm, 4 mm punch, distal.',
    'Procedure: Punch biopsy x2, L forearm.\nA. proximal, 4 mm punch.\nB. distal, 4 mm punch.',
    'A. Punch biopsy, L forearm, 4 mm.\nB. Punch biopsy, L forearm, 4 mm.',
  ])('%s', (text) => {
    const e = parseNote(`DOS: 03/24/2026\n${text}\n`);
    const [a, b] = brief(e);
    expect(brief(e)).toHaveLength(2);
    expect(a).toMatchObject({ kind: 'biopsy-punch', status: 'performed', site: 'forearm', side: 'left', specimen: 'A' });
    expect(b).toMatchObject({ kind: 'biopsy-punch', status: 'performed', site: 'forearm', side: 'left', specimen: 'B' });
    // Two lesions, not one lesion biopsied twice.
    expect(a?.lesion).not.toBe(b?.lesion);
    expect(e.lesions).toHaveLength(2);
  });
  it('one specimen named twice is still one biopsy', () => {
    const e = parseNote('DOS: 03/24/2026\nPunch biopsy 4 mm L forearm, specimen A. Punch closed with 4-0 nylon; specimen A to in-house path.\n');
    expect(e.procedures.filter((p) => p.kind.startsWith('biopsy'))).toHaveLength(1);
  });
});

describe('a diagnosis line followed by a Procedure: line', () => {
  it.each(['Assessment/Plan:\n', ''])('gives the procedure its site and size and is no destruction itself (%j)', (heading) => {
    const e = parseNote(
      `DOS: 05/12/2026\n${heading}Keloid, upper chest x2 -- pruritic\nProcedure: Intralesional injection  Drug: Kenalog-10 1.0 mL  Lesions: 2\n\nIrritated seborrheic keratosis, R flank, 0.9 cm, crusted.\nProcedure: Shave removal  Specimen: A\n`,
    );
    expect(e.procedures.map((p) => p.kind)).toEqual(['intralesional-injection', 'shave-removal']);
    expect(e.procedures[0]).toMatchObject({ count: 2, site: { key: 'chest' } });
    expect(e.procedures[1]).toMatchObject({ lesionDiameterCm: 0.9, site: { key: 'flank', laterality: 'right' }, specimenLabel: 'A' });
  });
});

describe('a prior malignant biopsy told only in the history', () => {
  it('"Shave biopsy 04/15/2026 showed … SCC" proves the one excision of the note', () => {
    const e = parseNote(
      'Reason for Appointment\n1. Excision SCC L hand\nHistory of Present Illness\nShave biopsy 04/15/2026 showed well-differentiated SCC, L dorsal hand. Here for excision.\nProcedures\nExcision, malignant lesion:\nLocation: L dorsal hand\nLesion size: 1.2 cm\nMargins: 4 mm',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key])).toEqual([['excision', 'dorsal-hand']]);
    expect(e.lesions.map((l) => l.priorMalignantBiopsy)).toEqual([true]);
  });

  it('an old cancer history does not make a cyst excision malignant', () => {
    const e = parseNote(
      'HPI: h/o BCC, biopsy showed BCC of the nose in 2019, treated with Mohs.\nProcedure: excision of 1.5 cm epidermoid cyst, upper back, 2 mm margins.',
    );
    expect(e.lesions.map((l) => l.priorMalignantBiopsy ?? false)).toEqual([false]);
  });

  it('a biopsy result at another site proves only the excision at that site', () => {
    const e = parseNote(
      'HPI: biopsy 3/2 showed SCC L forearm.\nProcedures:\nA) Excision L forearm lesion 1.0 cm, 3 mm margins.\nB) Excision R upper back lesion 0.8 cm, 2 mm margins.',
    );
    expect(e.procedures.map((p) => [p.site?.key, e.lesions.find((l) => l.label === p.lesionLabels[0])?.priorMalignantBiopsy ?? false])).toEqual([
      ['forearm', true],
      ['upper-back', false],
    ]);
  });
});

describe('template titles, count fields and a jar named after the closure', () => {
  it('a form title ("Phototherapy Flowsheet") is not a procedure', () => {
    const e = parseNote('Nextech - Phototherapy Flowsheet\n• Dx: psoriasis, failed topicals\n• Tx: PUVA session #14\n• UVA dose: 6.0 J/cm2');
    expect(e.procedures.map((p) => [p.kind, p.modality])).toEqual([['phototherapy', 'puva']]);
  });

  it('"Number .......... 18" is the lesion count of a dotted-leader template', () => {
    const e = parseNote('Procedure ........... Skin tag removal\nSite ................ neck\nNumber .............. 18\nIndication .......... irritated, bleed');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['skin-tag-removal', 18]]);
  });

  it('"… closed in two layers …, 4.5 cm. Specimen to path (A)." gives the excision its jar', () => {
    const e = parseNote(
      'PROCEDURE NOTE: Excision of epidermoid cyst, mid upper back. The cyst measured 25 mm, margins 2 mm. The defect was closed in two layers with 3-0 Vicryl buried sutures, final length 4.5 cm. Specimen to path (A).',
    );
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['excision', 'A'],
      ['repair', undefined],
    ]);
    expect(e.unread).toEqual([]);
  });
});

describe('a layered closure told by its suture layers', () => {
  it('"closed with buried 4-0 Monocryl and running 5-0 Prolene" is a layered repair of the excision', () => {
    const e = parseNote(
      'Excision of a 1.5 cm dermatofibroma R thigh, painful, 3mm margins. Elliptical excision, closed with buried 4-0 Monocryl and running 5-0 Prolene, length 4.0 cm. To path.',
    );
    const repair = only(e, 'repair');
    expect([repair.lengthCm, repair.repairFeatures?.layered]).toEqual([4, true]);
  });

  it('a one-layer "closed primarily with 5-0 nylon simple interrupted" is no repair', () => {
    const e = parseNote('8mm punch excision of an inflamed cyst L cheek, closed primarily with 5-0 nylon simple interrupted. Sent to path.');
    expect(e.procedures.map((p) => p.kind)).toEqual(['excision']);
  });

  it('"PATH ADDENDUM 6/10/26" opens the report', () => {
    const e = parseNote('Biopsy: R forearm 4mm punch (A); R/O SCC. To LabCorp.\nPATH ADDENDUM 6/10/26\nA: SCC, well differentiated, invasive.');
    expect(e.pathology.map((r) => [r.specimenLabel, r.behavior])).toEqual([['A', 'malignant']]);
  });
});

describe('"Procedure: Shave removal" over labeled lesion lines', () => {
  it('each labeled lesion with a site is one removal, and "All sent to path." sends every jar', () => {
    const e = parseNote(
      'Procedure: Shave removal\nLesion A: R upper back, 1.2 x 0.8 cm inflamed irritated SK, catching on bra strap\nLesion B: L flank, 0.4 cm ISK, itchy\nLesion C: R temple 6mm ISK, bleeding\nAll sent to path.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionDiameterCm])).toEqual([
      ['shave-removal', 'upper-back', 1.2],
      ['shave-removal', 'flank', 0.4],
      ['shave-removal', 'temple', 0.6],
    ]);
    expect(e.specimens.map((s) => s.lesionLabel)).toEqual(['A', 'B', 'C']);
  });
});

describe('a list of sites, each with its own technique and jar', () => {
  it('"Biopsy: R forearm 4mm punch (A) and L shin shave (B)" → a punch and a shave biopsy', () => {
    const e = parseNote('Biopsy: R forearm 4mm punch (A) and L shin shave (B); R/O SCC both. To LabCorp.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'forearm', 'A'],
      ['biopsy-tangential', 'shin', 'B'],
    ]);
  });

  it('"R cheek (A), L arm (B), mid back (C) -- r/o …": the last site keeps its label', () => {
    const e = parseNote('Plan: shave bx R cheek (A), L arm (B), mid back (C) -- r/o BCC, SCC, DN respectively. All to in-house path.');
    expect(e.procedures.map((p) => [p.site?.key, p.specimenLabel])).toEqual([
      ['cheek', 'A'],
      ['arm', 'B'],
      ['mid-back', 'C'],
    ]);
  });

  it('sites with bare labels share the header technique', () => {
    const e = parseNote('Punch bx x2: L forearm (A), R thigh (B).');
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([
      ['biopsy-punch', 'A'],
      ['biopsy-punch', 'B'],
    ]);
  });
});

describe('where a shave removal sent its tissue', () => {
  it('"sent to in-house path" sends it', () => {
    const e = parseNote('Shave removal of an irritated, bleeding SK on the R upper back, 1.2 cm. Sent to in-house path.');
    expect(e.specimens.map((s) => [s.type, s.destination])).toEqual([['skin', 'in-house']]);
  });
});

describe('excimer area: the listed plaques and their stated total', () => {
  it('"… 45 cm2. Total 230 cm2." is 230, not 460', () => {
    const e = parseNote('Excimer 308 nm to psoriasis plaques: R elbow 40 cm2, L elbow 35 cm2, sacrum 60 cm2, R knee 50 cm2, L knee 45 cm2. Total 230 cm2.');
    expect(only(e, 'laser-psoriasis').areaSqCm).toBe(230);
  });

  it('plaques without a total are summed', () => {
    const e = parseNote('Excimer to plaques: R elbow 40 cm2, L elbow 35 cm2, sacrum 60 cm2.');
    expect(only(e, 'laser-psoriasis').areaSqCm).toBe(135);
  });
});

describe('one jar named twice is one procedure', () => {
  it('"Plan: shave bx today (A)" and "Procedure: Shave biopsy R nasal ala … Specimen A" → one biopsy at the ala', () => {
    const e = parseNote(
      'Assessment: BCC vs SCC, R nasal ala, 6 mm.\nPlan: shave bx today (A). If malignant, refer for Mohs.\nProcedure: Shave biopsy R nasal ala, hemostasis with AlCl. Specimen A to dermpath.',
    );
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'nasal-ala', 'A'],
    ]);
    expect(e.unread).toEqual([]);
  });

  it('two jars at one site stay two biopsies', () => {
    const e = parseNote('Punch bx 4 mm L forearm, specimen A. Punch bx 4 mm L forearm, specimen B.');
    expect(e.procedures.map((p) => p.specimenLabel)).toEqual(['A', 'B']);
  });
});

describe('facts from the line before a procedure', () => {
  it('the nail named before a "Nail matrix biopsy" gives its digit and side', () => {
    const e = parseNote(
      'Longitudinal melanonychia R great toenail. Nail matrix biopsy: digital block, proximal nail fold reflected, 3 mm punch of the nail matrix. Specimen A.',
    );
    const p = e.procedures[0] as Procedure;
    expect([p.site?.key, p.site?.laterality, p.site?.text]).toEqual(['toenail', 'right', 'R great toenail']);
  });

  it('EMA "Destruction - Premalignant" then "Destruction - Benign" blocks are two destructions', () => {
    const e = parseNote(
      'Destruction - Premalignant\n  Lesions: 7\n  Location(s): R forehead (3), L temple (2), nose (2)\n  Technique: L.N. spray, 2 FTC\nDestruction - Benign\n  Lesions: 2 verruca vulgaris, L index finger\n  Technique: L.N. spray, 3 FTC',
    );
    expect(e.procedures.map((p) => [p.kind, p.count, p.site?.key])).toEqual([
      ['destruction-premalignant', 7, 'forehead'],
      ['destruction-benign', 2, 'finger'],
    ]);
  });

  it('a destruction of another lesion class on the next line is its own procedure', () => {
    const e = parseNote("SK's x 12 on trunk, asymptomatic, pt wants them gone. Discussed cosmetic nature. LN2 x 12. $150 collected.\nAK x 3 L forearm LN2.");
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([
      ['destruction-benign', 12],
      ['destruction-premalignant', 3],
    ]);
  });
});

describe('scribe spellings of drainage and curettage', () => {
  it('"Abscess L buttock I+D, packed." is a drainage', () => {
    const e = parseNote('Abscess L buttock I+D, packed.');
    expect(e.procedures.map((p) => [p.kind, p.complicated])).toEqual([['incision-drainage', true]]);
  });

  it('"curretage and electrodessication of sBCC" after a biopsy in the same line is its own ED&C', () => {
    const e = parseNote('Shave BX L nasal sidewall (A). curretage and electrodessication of sBCC R upper arm (bx-proven), 1.0 cm.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key])).toEqual([
      ['biopsy-tangential', 'nasal-sidewall'],
      ['destruction-malignant', 'upper-arm'],
    ]);
  });
});

describe('Mohs blocks listed once for all stages', () => {
  it('"Stages: 2. Blocks: 4, 3." → stage 1 = 4 blocks, stage 2 = 3', () => {
    const e = parseNote('Mohs R preauricular cheek BCC. Stages: 2. Blocks: 4, 3. Clear after stage 2.');
    expect(only(e, 'mohs').stages).toEqual([
      { stage: 1, blocks: 4 },
      { stage: 2, blocks: 3 },
    ]);
  });

  it('"3 stages; blocks per stage 6/3/2" is three stages, not six', () => {
    const e = parseNote('Mohs R nasal ala BCC. 3 stages; blocks per stage 6/3/2.');
    expect(only(e, 'mohs').stages).toEqual([
      { stage: 1, blocks: 6 },
      { stage: 2, blocks: 3 },
      { stage: 3, blocks: 2 },
    ]);
  });
});

describe('title lines and specimen lines around an excision', () => {
  it('"EXCISION DAY" over "A) …", "B) …" items is a heading, not a third excision', () => {
    const e = parseNote(
      [
        'EXCISION DAY',
        'All lesions are biopsy-proven malignancies.',
        '',
        'A) BCC, vertex scalp — lesion 1.0 cm, margins 5 mm, excised diameter 2.0 cm. Layered closure 3.2 cm.',
        'B) SCC in situ, L upper arm — lesion 1.5 cm, margins 5 mm, excised diameter 2.5 cm. Layered closure 4.3 cm.',
      ].join('\n'),
    );
    expect(e.procedures.filter((p) => p.kind === 'excision').map((p) => [p.site?.key, p.specimenLabel ?? p.lesionLabels[0]])).toEqual([
      ['vertex', 'A'],
      ['upper-arm', 'B'],
    ]);
  });

  it('"Specimen A: WLE, L thigh" after the excision and its repair labels that excision\'s jar', () => {
    const e = parseNote(
      [
        'Procedure: wide local excision, melanoma, L anterior thigh.',
        '',
        'Lesion 1.2 cm, excised with 1.0 cm margins. Closed in layers, complex repair, final length 12.5 cm.',
        "Specimen A: WLE, L thigh, suture at 12 o'clock — to in-house dermpath.",
      ].join('\n'),
    );
    expect(e.procedures.filter((p) => p.kind === 'excision').map((p) => [p.site?.key, p.specimenLabel])).toEqual([['thigh', 'A']]);
  });
});

describe('ED&C of numbered lesions under a prose header', () => {
  it('a header naming "three … skin cancers" is no procedure; ED&C instead of declined Mohs treats that lesion', () => {
    const e = parseNote(
      [
        'Procedure note — electrodesiccation and curettage, three biopsy-proven nonmelanoma skin cancers (pathology on file).',
        '',
        'Lesion 1: superficial BCC, L posterior shoulder. Lesion diameter 0.5 cm. Curettage and electrodesiccation x 3 cycles.',
        'Lesion 2: SCC in situ, R dorsal hand. Lesion diameter 1.0 cm. Curettage and electrodesiccation x 3 cycles.',
        'Lesion 3: nodular BCC, L nasal sidewall (patient declined Mohs after discussion). Lesion diameter 2.0 cm. Curettage and electrodesiccation x 3 cycles.',
      ].join('\n'),
    );
    expect(e.procedures.map((p) => [p.kind, p.status, p.site?.key, p.lesionLabels[0]])).toEqual([
      ['destruction-malignant', 'performed', 'shoulder', '1'],
      ['destruction-malignant', 'performed', 'dorsal-hand', '2'],
      ['mohs', 'declined', 'nasal-sidewall', '3'],
      ['destruction-malignant', 'performed', 'nasal-sidewall', '3'],
    ]);
  });
});

describe('a side told once, the site repeated without it', () => {
  it('"SCC, R helical rim" then "defect … involving the free margin of the helical rim" stays on the right', () => {
    const e = parseNote(
      ['Site B — SCC, R helical rim (bx proven)', '  Stage I   2 blocks   clear', '  Defect 1.2 x 0.9 cm involving the free margin of the helical rim'].join(
        '\n',
      ),
    );
    expect(only(e, 'mohs').site).toMatchObject({ key: 'helical-rim', laterality: 'right' });
  });
});

describe('several repairs, each at its own site', () => {
  const view = (text: string) => parseNote(text).procedures.map((p) => [p.kind, p.site?.key, p.repairLevel, p.lengthCm]);
  const three = [
    ['repair', 'forearm', 'simple', 2],
    ['repair', 'upper-arm', 'simple', 3],
    ['repair', 'chin', 'simple', 1.5],
  ];
  it('one sentence per repair', () => {
    expect(
      view('Simple repair of 2.0 cm laceration L forearm. Simple repair of 3.0 cm laceration L upper arm. Simple repair of 1.5 cm laceration of the chin.'),
    ).toEqual(three);
  });
  it('all in one sentence', () => {
    expect(
      view(
        'Lacerations: simple repair of 2.0 cm laceration L forearm and simple repair 3.0 cm laceration L upper arm, and simple repair 1.5 cm laceration of the chin.',
      ),
    ).toEqual(three);
  });
});

describe('graft recipient area written around the graft word', () => {
  const area = (text: string) => only(parseNote(text), 'graft').areaSqCm;
  it('"STSG 12 x 15 cm (180 sq cm) harvested from thigh"', () => {
    expect(area('Mohs R shin SCC: stage 1 (4 blocks). Repair: STSG 12 x 15 cm (180 sq cm) harvested from thigh.')).toBe(180);
  });
  it('"FTSG from the L supraclavicular area to the 5 x 5 cm (25 sq cm) defect"', () => {
    expect(area('Mohs L forehead BCC: stage 1 (3 blocks). Repair: FTSG from the L supraclavicular area to the 5 x 5 cm (25 sq cm) defect.')).toBe(25);
  });
});

describe('ED&C: lesion diameter and curettage defect are both kept', () => {
  const ed = (text: string) => {
    const p = only(parseNote(text), 'destruction-malignant');
    return [p.lesionDiameterCm, p.defectDiameterCm];
  };
  it('"Lesion 1.5 cm; final curettage defect 2.2 cm"', () => {
    expect(ed('ED&C of bx-proven sBCC L upper back. Lesion 1.5 cm; final curettage defect 2.2 cm.')).toEqual([1.5, 2.2]);
  });
  it('"lesion 0.9 cm, resulting in a 1.3 cm defect"', () => {
    expect(ed('ED&C of bx-proven SCCIS R forearm, lesion 0.9 cm, resulting in a 1.3 cm defect.')).toEqual([0.9, 1.3]);
  });
  it('only the defect: "final curettage defect 1.4 cm"', () => {
    expect(ed('ED&C x3 of bx-proven sBCC L upper back; final curettage defect 1.4 cm.')).toEqual([undefined, 1.4]);
  });
});

describe('"… repair 2.6 cm. Excision …": the next procedure starts after the size', () => {
  it('each repair stays with its own excision', () => {
    const e = parseNote(
      'Excision bx-proven SCC L dorsal hand, lesion 1.0 cm, 4 mm margins. Intermediate repair 2.6 cm. Excision bx-proven BCC L forearm, lesion 0.8 cm, 3 mm margins. Intermediate repair 5.0 cm.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lengthCm])).toEqual([
      ['excision', 'dorsal-hand', undefined],
      ['repair', 'dorsal-hand', 2.6],
      ['excision', 'forearm', undefined],
      ['repair', 'forearm', 5],
    ]);
  });
});

describe('"ED&C of two … : A and B": one destruction per listed lesion', () => {
  it('two sBCCs on the back with their own sizes', () => {
    const e = parseNote('ED&C of two bx-proven sBCCs on the back: L upper back 0.8 cm and R lower back 1.2 cm.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.site?.laterality, p.lesionDiameterCm])).toEqual([
      ['destruction-malignant', 'upper-back', 'left', 0.8],
      ['destruction-malignant', 'lower-back', 'right', 1.2],
    ]);
  });
});

describe('undermining distance against the defect width, both as numbers', () => {
  const undermining = (text: string) => only(parseNote(text), 'repair').repairFeatures?.undermining;
  it('2.5 cm undermined ≥ 2.2 cm defect width → extensive', () => {
    expect(
      undermining(
        'Excision bx-proven SCC L upper back, lesion 1.2 cm, 5 mm margins; defect width 2.2 cm. Wound edges undermined 2.5 cm on each side; layered closure 5.5 cm.',
      ),
    ).toBe('extensive');
  });
  it('1.0 cm undermined < 2.2 cm defect width → limited', () => {
    expect(
      undermining(
        'Excision bx-proven SCC L upper back, lesion 1.2 cm, 5 mm margins; defect width 2.2 cm. Wound edges undermined 1.0 cm on each side; layered closure 5.5 cm.',
      ),
    ).toBe('limited');
  });
});

describe("a flap's total area written right after the flap word", () => {
  it('"Repair: bilobed flap 7.5 sq cm." → area 7.5', () => {
    const e = parseNote('Mohs nasal tip BCC (bx proven). Stage 1: 3 blocks. Repair: bilobed flap 7.5 sq cm.');
    expect(only(e, 'adjacent-tissue-transfer')).toMatchObject({ flapType: 'bilobed', areaSqCm: 7.5 });
  });
  it('"flap measured 3.0 x 2.0 cm" is the flap\'s dimensions, not a written total', () => {
    const e = parseNote('Mohs L cheek BCC. Stage 1: 2 blocks. Defect 2.1 x 1.4 cm. Repair: rhombic transposition flap, flap measured 3.0 x 2.0 cm.');
    expect(only(e, 'adjacent-tissue-transfer').areaSqCm).toBeUndefined();
  });
});

describe('"Shave removal of 3 irritated SKs: A, B, C. All bleeding …": one shave per listed lesion', () => {
  it('three sites with their own sizes; the sentence after the list is not an item', () => {
    const e = parseNote('Shave removal of 3 irritated SKs: R temple 0.4 cm, L neck 0.8 cm, mid back 1.2 cm. All bleeding and catching on clothing.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionDiameterCm])).toEqual([
      ['shave-removal', 'temple', 0.4],
      ['shave-removal', 'neck', 0.8],
      ['shave-removal', 'mid-back', 1.2],
    ]);
  });
});

describe('dictated paragraph: a new sentence after "… cm."', () => {
  it('"… excised diameter of 1.8 cm. The wound was closed … 4.2 cm. In addition, a … BCC of the right nasal ala …" is two excisions', () => {
    const e = parseNote(
      'The patient presents for excision of a biopsy-proven melanoma in situ on the left upper back. The lesion measured 8 mm and was excised with 5 mm margins for a total excised diameter of 1.8 cm. The wound was closed in layers with 3-0 Vicryl and 4-0 Prolene; final length 4.2 cm. In addition, a biopsy-proven BCC of the right nasal ala measuring 5 mm was excised with 3 mm margins and closed with a bilobed flap: primary defect 1.1 x 1.1 cm, secondary defect 1.5 x 1.2 cm.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lengthCm ?? p.areaSqCm ?? p.excisedDiameterCm])).toEqual([
      ['excision', 'upper-back', 1.8],
      ['repair', 'upper-back', 4.2],
      ['excision', 'nasal-ala', undefined],
      ['adjacent-tissue-transfer', 'nasal-ala', 3.01],
    ]);
  });
});

describe('O-to-Z flap with a written total; skin substitute on an ulcer', () => {
  it('"O-to-Z flap …, total 11.5 sq cm" → type o-to-z, total 11.5', () => {
    const e = parseNote(
      'Mohs L cheek BCC. Stage 1: 2 blocks. Repair: O-to-Z flap, primary defect 2.0 x 2.0 cm, secondary defects 2.5 x 1.5 cm each (two), total 11.5 sq cm.',
    );
    expect(only(e, 'adjacent-tissue-transfer')).toMatchObject({ flapType: 'o-to-z', primaryDefectSqCm: 4, areaSqCm: 11.5 });
  });
  it('"Venous leg ulcer L medial ankle, 6 x 5 cm (30 sq cm): Apligraf applied" → recipient 30 sq cm', () => {
    const e = parseNote('Venous leg ulcer L medial ankle, 6 x 5 cm (30 sq cm): Apligraf applied to the wound.');
    expect(only(e, 'graft')).toMatchObject({ graftType: 'skin-substitute', areaSqCm: 30 });
  });
});

describe('Nextech Mohs template with dotted leaders and a "Pathology:" field', () => {
  it('"Pathology: SCC in situ (bx 09/02/2026)" is the tumour\'s histology, not a report; layers are read', () => {
    const e = parseNote(
      [
        'Procedure #1: Mohs micrographic surgery',
        '  Location: L nasal ala',
        '  Pathology: BCC, nodular (bx 09/02/2026)',
        '  Layer 1 ........ 4 sections, positive',
        '  Layer 2 ........ 6 sections, negative',
        '',
        'Procedure #2: Mohs micrographic surgery',
        '  Location: R upper back',
        '  Pathology: SCC in situ (bx 09/02/2026)',
        '  Layer 1 ........ 3 sections, negative',
        '  Repair ......... Intermediate layered closure, 3.0 cm',
      ].join('\n'),
    );
    expect(e.pathology).toEqual([]);
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.stages])).toEqual([
      [
        'mohs',
        'nasal-ala',
        [
          { stage: 1, blocks: 4 },
          { stage: 2, blocks: 6 },
        ],
      ],
      ['mohs', 'upper-back', [{ stage: 1, blocks: 3 }]],
      ['repair', 'upper-back', undefined],
    ]);
  });
});

describe('templated surgery fields', () => {
  it('"Procedure: Adjacent tissue transfer" with its defect fields is an ATT', () => {
    const e = parseNote(
      [
        'Procedure: Adjacent tissue transfer',
        'Site: L temple',
        'Flap type: rotation',
        'Primary defect: 2.4 x 2.0 cm',
        'Secondary defect: 3.0 x 2.5 cm',
        'Total area: 12.3 sq cm',
      ].join('\n'),
    );
    expect(only(e, 'adjacent-tissue-transfer')).toMatchObject({ site: { key: 'temple' }, areaSqCm: 12.3 });
  });

  it('"Diagnosis: SCC (biopsy 09/15/2026)" is a biopsy-proven malignancy; "r/o SCC (biopsy …)" is not', () => {
    expect(priorMalignantBiopsyIn('Diagnosis: SCC (biopsy 09/15/2026)')).toBe(true);
    expect(priorMalignantBiopsyIn('BCC, L temple (bx 9/10/26)')).toBe(true);
    expect(priorMalignantBiopsyIn('r/o SCC (biopsy 09/15/2026)')).toBe(false);
    expect(priorMalignantBiopsyIn('nevus (biopsy 09/15/2026)')).toBe(false);
  });
});

describe('skin tags named long before the removal word', () => {
  it('"Acrochordons, approximately 25, …, irritated and bleeding …: removed with fine scissors" is a tag removal of 25', () => {
    const e = parseNote(
      'Acrochordons, approximately 25, neck and axillae, irritated and bleeding when caught on clothing and jewelry: removed with fine scissors, AlCl for hemostasis.',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['skin-tag-removal', 25]]);
  });
});

describe('Mohs map tables, one per tumour', () => {
  it('a "| Stage | Blocks |" header opens the Mohs of the tumour named above it', () => {
    const e = parseNote(
      [
        'Surgeon and pathologist: Dr. A',
        '',
        'TUMOR 1 — BCC, L temple (biopsy proven)',
        '',
        '| Stage | Blocks | Result |',
        '|-------|--------|--------|',
        '| I     | 4      | positive |',
        '| II    | 7      | clear  |',
        '',
        'TUMOR 2 — SCC, R dorsal forearm (biopsy proven)',
        '',
        '| Stage | Blocks | Result |',
        '|-------|--------|--------|',
        '| I     | 5      | clear  |',
      ].join('\n'),
    );
    expect(e.procedures.filter((p) => p.kind === 'mohs').map((p) => [p.site?.key, p.stages])).toEqual([
      [
        'temple',
        [
          { stage: 1, blocks: 4 },
          { stage: 2, blocks: 7 },
        ],
      ],
      ['forearm', [{ stage: 1, blocks: 5 }]],
    ]);
  });
});

describe('"A - … . B - …" items on one line', () => {
  it('each letter after a sentence end starts its own biopsy', () => {
    const e = parseNote('Biopsies today: A - R forearm shave, r/o SCC. B - L calf 4 mm punch, r/o DN.');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'forearm', 'A'],
      ['biopsy-punch', 'calf', 'B'],
    ]);
  });
});

describe('a count opening the next sentence', () => {
  it('"… benign, reassured. 5 AKs … were treated with liquid nitrogen." → only the AKs are destroyed', () => {
    const e = parseNote(
      'Findings: scattered SKs, cherry angiomas, lentigines - benign, reassured. 5 AKs on the dorsal hands were treated with liquid nitrogen.',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 5]]);
  });

  it('"4 mm. 5 …" after a unit is not cut', () => {
    const e = parseNote('Punch biopsy 4 mm. 5 sutures placed, L forearm, specimen A.');
    expect(e.procedures.map((p) => [p.kind, p.specimenLabel])).toEqual([['biopsy-punch', 'A']]);
  });

  it('of a list of diagnoses, the lesion takes the one at its site (and not the AK type of another entry)', () => {
    const e = parseNote('She has a 7 mm pearly papule on the L nasal ala; shave biopsy performed (A).\nDx: AKs, r/o BCC L nasal ala, hx NMSC, SKs.');
    expect(e.lesions.map((l) => l.clinicalDiagnosis)).toEqual(['r/o BCC L nasal ala']);
    expect(e.procedures.map((p) => p.lesionType)).toEqual([undefined]);
  });

  it('one diagnosis written in parts is kept whole', () => {
    const e = parseNote('Pre-op diagnosis: biopsy-proven BCC, nodular, R nasal ala\nMohs: Stage I: 3 blocks, clear.');
    expect(e.procedures.map((p) => p.lesionType)).toEqual(['bcc']);
  });
});

describe('template fields after the repair lines', () => {
  it('tab-separated template: "PATH: Sent (A)" and "DX: … cyst" belong to the excision', () => {
    const e = parseNote(
      'PROCEDURE:\tExcision, benign\nSITE:\tR upper back\nLESION SIZE:\t1.8 cm\nMARGINS:\t3 mm\nREPAIR:\tIntermediate\nREPAIR LENGTH:\t5.0 cm\nPATH:\tSent (A)\nDX:\tInflamed epidermoid cyst, recurrent, painful',
    );
    expect(e.specimens.map((s) => [s.label, s.type])).toEqual([['A', 'cyst']]);
    expect(e.unread).toEqual([]);
  });

  it('Epic bracketed "Specimen: [A]" is jar A', () => {
    const e = parseNote('Procedure: [Shave biopsy]\nLocation: [R helix]\nIndication: [r/o SCC]\nSpecimen: [A] sent to [Dermpathology Associates]');
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
    expect(e.unread).toEqual([]);
  });
});

describe('items under "ED&C … to each:"', () => {
  it('take the lesion type from the line before the header, and "(A)" is no jar', () => {
    const e = parseNote('Two separate BCCs biopsied 1/5 - both nodular BCC. Today: ED&C x3 cycles to each:\n(A) R upper back, 1.2 cm\n(B) L flank, 0.8 cm');
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionDiameterCm])).toEqual([
      ['destruction-malignant', 'upper-back', 1.2],
      ['destruction-malignant', 'flank', 0.8],
    ]);
    expect(e.specimens).toEqual([]);
  });
});

describe('repair words in a sentence of their own', () => {
  it('"Wound edges freshened, resutured with simple interrupted sutures, 3.0 cm." is a dehiscence repair', () => {
    const e = parseNote('Wound dehiscence L upper back s/p excision 3/20. Wound edges freshened, resutured with simple interrupted sutures, 3.0 cm.');
    expect(e.procedures.map((p) => [p.kind, p.lengthCm])).toEqual([['repair', 3]]);
  });

  it('"… total 10.3 sq cm. Specimen A to dermpath." after a flap names the excision jar', () => {
    const e = parseNote(
      'Excision of biopsy-proven SCC L cheek, 1.5 cm lesion, 4 mm margins. Defect closed with a rhombic transposition flap: primary defect 2.3 x 2.3 cm (5.3 sq cm), secondary defect 2.5 x 2.0 cm (5.0 sq cm), total 10.3 sq cm. Specimen A to dermpath.',
    );
    expect(e.specimens.map((s) => s.label)).toEqual(['A']);
    expect(e.unread).toEqual([]);
  });
});

describe("another numbered item's line is not context", () => {
  it('"#1 BCC … bx proven" does not make "#2 AKs … LN2" a proven cancer', () => {
    const e = parseNote('A/P\n#1 BCC R nasal ala - bx proven - Mohs referral placed.\n#2 AKs scalp x8 - LN2 today.\n#3 SKs back - benign, reassured.');
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels[0]])).toEqual([['destruction-premalignant', '2']]);
    expect(e.lesions.map((l) => l.priorMalignantBiopsy ?? false)).toEqual([false]);
  });
});

describe('teaching a self-injection is not an injection given', () => {
  it('"start dupilumab, injection teaching done" opens no injection', () => {
    const e = parseNote('4. Atopic dermatitis (L20.9), flaring - start dupilumab, injection teaching done; labs ordered.');
    expect(e.procedures).toEqual([]);
  });

  it('"dupilumab 600 mg loading dose given SC in office" is one', () => {
    const e = parseNote('Dupilumab 600 mg loading dose given SC in office, L abdomen.');
    expect(e.procedures.map((p) => p.kind)).toEqual(['injection']);
  });
});

describe('scribe counts per side, a closing "L.N." and a jar list', () => {
  it('"AKs x 6 R, x 5 L -> L.N. x 2 cycles." counts 11', () => {
    const e = parseNote('R/L dorsal hands: AKs x 6 R, x 5 L -> L.N. x 2 cycles.');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 11]]);
  });

  it('"ISKs irritated x2, bleeding -> L.N." is a destruction', () => {
    const e = parseNote('R/L cheeks: ISKs irritated x2, bleeding -> L.N.');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-benign', 2]]);
  });

  it('"Sites 1/2 sent to path as spec A/B" pairs the lists in order', () => {
    const e = parseNote(
      'Site 1: R forearm, 5 mm scaly papule - shave bx.\nSite 2: L forearm, 6 mm scaly papule - shave bx.\nSites 1/2 sent to path as spec A/B.',
    );
    expect(e.procedures.map((p) => [p.lesionLabels[0], p.specimenLabel])).toEqual([
      ['1', 'A'],
      ['2', 'B'],
    ]);
  });
});

describe('"A/B respectively"', () => {
  it('pairs the listed sites with their jars and keeps each technique', () => {
    const e = parseNote("bx'd R shin lesion (shave), L thigh lesion (punch 3mm) - A/B respectively.");
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.specimenLabel])).toEqual([
      ['biopsy-tangential', 'shin', 'A'],
      ['biopsy-punch', 'thigh', 'B'],
    ]);
  });
});

describe('counts per site and flap areas without the word "defect"', () => {
  it('"AKs: 9 on scalp, 4 on forehead - LN2 today." counts 13', () => {
    const e = parseNote('3. AKs: 9 on scalp, 4 on forehead - LN2 today.');
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['destruction-premalignant', 13]]);
  });

  it('"bilobed flap, primary 1.0 sq cm, secondary 1.6 sq cm" has both areas', () => {
    const e = parseNote('Mohs L nasal ala, Stage I 3 blocks. Defect 1.1 x 0.9 cm repaired with bilobed flap, primary 1.0 sq cm, secondary 1.6 sq cm.');
    const flap = only(e, 'adjacent-tissue-transfer');
    expect([flap.primaryDefectSqCm, flap.secondaryDefectSqCm, flap.areaSqCm]).toEqual([1, 1.6, 2.6]);
  });
});

describe('a "Medication:" field inside a procedure template', () => {
  it('is the drug used, and the fields below it stay with the procedure', () => {
    const e = parseNote(
      'Procedure: Intralesional injection\nMedication: triamcinolone acetonide 10 mg/mL\nVolume: 0.3 mL per lesion\n# of lesions: 4\nDiagnosis: hypertrophic scars, chest\nVial: multi-dose',
    );
    const p = only(e, 'intralesional-injection');
    expect([p.count, p.drug?.amountGiven, p.drug?.container]).toEqual([4, 12, 'multi-dose']);
  });
});

describe('"IM Kenalog 40 mg R deltoid"', () => {
  it('is an IM injection with its dose', () => {
    const e = parseNote('IM Kenalog 40 mg R deltoid for severe contact dermatitis (poison ivy), widespread.');
    const p = only(e, 'injection');
    expect([p.drug?.amountGiven, p.drug?.unit]).toEqual([40, 'mg']);
  });

  it('"IM Kenalog if it flares" is only a plan', () => {
    const e = parseNote('Plan: IM Kenalog 40 mg if it flares again next month.');
    expect(e.procedures.filter((p) => p.status === 'performed')).toEqual([]);
  });
});

describe('flap division told in two sentences', () => {
  it('"… second stage of the paramedian forehead flap to the nasal tip …. Today the pedicle was divided and the flap inset" → division at the nasal tip', () => {
    const e = parseNote(
      'She returns for her second stage of the paramedian forehead flap to the nasal tip placed three weeks ago. Today the pedicle was divided and the flap inset, with the donor site closed primarily.',
    );
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => [p.kind, p.site?.key])).toEqual([['flap-division', 'nasal-tip']]);
  });
});

describe('a jar letter ending a sentence', () => {
  it('"… sent to the lab as specimen A. There were also eleven … AKs … liquid nitrogen" keeps the AKs on the scalp', () => {
    const e = parseNote(
      'There is a 1.4 cm nodule on the left temple, so a tangential biopsy was performed and sent to the lab as specimen A. There were also eleven keratotic papules on the scalp consistent with actinic keratoses and these were treated with liquid nitrogen.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key])).toEqual([
      ['biopsy-tangential', 'temple'],
      ['destruction-premalignant', 'scalp'],
    ]);
  });
});

describe('bullets under a counted header', () => {
  it('"Procedure: Shave removal x3" then "- R cheek: 4 mm irritated SK, bleeding (A)" lines → three removals', () => {
    const e = parseNote(
      'Procedure: Shave removal x3\n- R cheek: 4 mm irritated SK, bleeding (A)\n- L forehead: 7 mm ISK, itchy (B)\n- upper back: 1.5 cm ISK, catches on bra (C)\nAll to in-house path.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key, p.lesionDiameterCm, p.specimenLabel])).toEqual([
      ['shave-removal', 'cheek', 0.4, 'A'],
      ['shave-removal', 'forehead', 0.7, 'B'],
      ['shave-removal', 'upper-back', 1.5, 'C'],
    ]);
  });
});

describe('a sentence that starts in lower case', () => {
  it.each([
    ['Shave BX of 5 mm scaly papule L forearm, r/o SCC (A). curretage and electrodesiccation of a biopsy-proven BCC R upper back.', 2],
    ['Lesion excised. sutured with 4-0 nylon.', 2],
    ['risks incl. scar and infection reviewed', 1],
    ['approx. 5 mm papule, e.g. a cyst', 1],
    ['Shave bx R arm (A). Tolerated well.', 2],
    ['Closed in layers; repair length 3.0 cm. Specimen A.', 2],
    ['lesion 1.5 cm. x 2 cm', 1],
  ])('%s → %i unit(s)', (text, n) => {
    expect(unitsOf(text, 0)).toHaveLength(n);
  });

  it('"(A). curretage and … of a biopsy-proven BCC" keeps the BCC off the biopsy', () => {
    const e = parseNote(
      '1. Shave BX of 5 mm scaly papule L forearm, r/o SCC (A). curretage and electrodesiccation x3 cycles of a 1.2 cm biopsy-proven superficial BCC on the R upper back.',
    );
    expect(e.procedures.map((p) => [p.kind, p.site?.key])).toEqual([
      ['biopsy-tangential', 'forearm'],
      ['destruction-malignant', 'upper-back'],
    ]);
    expect(only(e, 'biopsy-tangential').lesionLabels).not.toEqual(only(e, 'destruction-malignant').lesionLabels);
  });
});

describe('a lesion line closing the section before a procedure heading', () => {
  const note = (lead: string) =>
    `DOS: 11/18/2026\n\n${lead}\nMohs micrographic surgery:\nStage I: 2 blocks, positive at 3 o'clock.\nStage II: 1 block, clear.\n`;

  it('"BCC, nodular, R nasal ala (C44.311), biopsy-proven …" then "Mohs micrographic surgery:" → Mohs of the nasal ala', () => {
    const e = parseNote(note('BCC, nodular, R nasal ala (C44.311), biopsy-proven 10/20/2026.'));
    expect(only(e, 'mohs').site?.key).toBe('nasal-ala');
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units} ${l.dx.join(',')}`)).toEqual(['17311 x1 C44.311', '17312 x1 C44.311']);
  });

  it('"Large epidermal inclusion cyst, upper back, 3.5 cm … (L72.0)." then "Excision: … of the cyst" → the epidermal cyst, not an unspecified one', () => {
    const e = parseNote(
      'DOS: 11/19/2026\n\nLarge epidermal inclusion cyst, upper back, 3.5 cm, recurrently inflamed and painful (L72.0).\nExcision: elliptical excision of the cyst with the overlying punctum; excised diameter 4.2 cm including the cyst wall.\n',
    );
    expect(codeEncounter(e).lines.map((l) => `${l.code} ${l.dx.join(',')}`)).toEqual(['11406 L72.0', '88304 L72.0']);
  });

  it('a line that names no lesion is not carried', () => {
    expect(only(parseNote(note('Patient seen with her daughter, R handed.')), 'mohs').site).toBeUndefined();
  });
});

describe('a later comma-part that rules out another procedure', () => {
  it('"Onychomycosis (B35.1) … debridement of 5 mycotic toenails" + "partial nail avulsion …, phenol matricectomy not done" → 11720 + 11730', () => {
    const e = parseNote(
      [
        'DOS: 11/18/2026',
        'Onychomycosis (B35.1), toenails R hallux, R 2nd, L hallux, L 3rd, L 5th: thick, dystrophic, painful with ambulation.',
        'Procedure: debridement of 5 mycotic toenails with nail nippers and electric burr.',
        'Also: ingrown toenail L hallux lateral border - partial nail avulsion of the lateral border after digital block, phenol matricectomy not done.',
      ].join('\n'),
    );
    expect(e.procedures.map((p) => `${p.kind} ${p.status}`)).toEqual(['debridement performed', 'nail performed']);
    expect(codeEncounter(e).lines.map((l) => `${l.code} ${l.modifiers.join(',')} ${l.dx.join(',')}`)).toEqual(['11720  B35.1', '11730 TA ']);
  });

  it('"biopsy of the R cheek, was not performed" stays negated', () => {
    expect(parseNote('Shave biopsy of the R cheek, was not performed today.').procedures.map((p) => p.status)).not.toContain('performed');
  });
});

describe('lines that describe a lesion and then name its procedure', () => {
  const note = [
    'DOS: 11/19/2026',
    'Pink scaly 9 mm plaque R ear helix, r/o SCC. Tangential biopsy (A).',
    'Pigmented 5 mm papule L upper back, r/o dysplastic nevus. Punch biopsy 4 mm (B), closed with 1 simple interrupted 4-0 nylon.',
    'Subcutaneous nodule R thigh 1.5 cm, r/o lipoma. Incisional biopsy to fat (C), closed with 3 sutures.',
    'All to in-house dermpath.',
  ].join('\n');

  it('three lines → three biopsies, each at the site its own line describes', () => {
    const e = parseNote(note);
    expect(e.procedures.map((p) => `${p.kind} ${p.site?.key} ${p.specimenLabel}`)).toEqual([
      'biopsy-tangential ear A',
      'biopsy-punch upper-back B',
      'biopsy-incisional thigh C',
    ]);
    // Reference §1.2/§1.3: the ear is 69100; one primary skin biopsy (incisional), the punch as its add-on.
    expect(codeEncounter(e).lines.map((l) => `${l.code} x${l.units}`)).toEqual(['69100 x1', '11106 x1', '11105 x1', '88305 x3']);
  });

  it('a later line at another site that describes no lesion stays with the procedure', () => {
    const e = parseNote('DOS: 11/19/2026\nPink 6 mm papule R cheek. Shave biopsy (A).\nBandage applied to the R cheek and L forearm.');
    expect(e.procedures).toHaveLength(1);
  });
});

describe('a second lesion line naming its own procedure under a procedure heading', () => {
  it('"SCCIS L lower leg 1.8 cm" + "Treatment: ED&C" then "Superficial BCC, R upper arm, 0.8 cm …: ED&C x3" → two destructions', () => {
    const e = parseNote(
      [
        'DOS: 11/20/2026',
        '',
        'Squamous cell carcinoma in situ, L lower leg, 1.8 cm, biopsy proven 10/28/2026 (D04.72).',
        'Treatment: curettage and electrodesiccation, 3 cycles. Post-curettage defect 2.3 cm.',
        'Superficial BCC, R upper arm, 0.8 cm, biopsy proven (C44.612): ED&C x3, final 1.1 cm.',
      ].join('\n'),
    );
    // Reference §2.3: malignant destruction by site group and lesion diameter.
    expect(codeEncounter(e).lines.map((l) => `${l.code} ${l.dx.join(',')}`)).toEqual(['17262 D04.72', '17261 C44.612']);
  });
});

describe('a closure that names its item by label, after the list of items', () => {
  const table = (jar: boolean) =>
    [
      'DOS: 11/20/2026',
      'Procedures:',
      `| Lesion | Site | Procedure | Dx |${jar ? ' Jar |' : ''}`,
      `| 1 | R upper back | shave biopsy | r/o BCC |${jar ? ' A |' : ''}`,
      `| 2 | L cheek | excision, excised diameter 0.8 cm | bx-proven BCC |${jar ? ' B |' : ''}`,
      `| 3 | L upper back | excision, excised diameter 2.0 cm | bx-proven SCC |${jar ? ' C |' : ''}`,
      '',
      'Repair for #3: layered closure, 3-0 Vicryl deep, 4-0 nylon, length 3.2 cm.',
      'Repair for #2: layered closure, 5-0 Monocryl, 6-0 nylon, length 2.0 cm.',
    ].join('\n');
  it.each([
    ['rows labelled by a "Lesion" column', false, ['2', '3']],
    ['rows labelled by their jar, named by the "Lesion" column', true, ['B', 'C']],
  ])('%s: "Repair for #N" is the closure of row N, at its site', (_name, jar, [two, three]) => {
    const e = parseNote(table(jar));
    expect(e.procedures.filter((p) => p.kind === 'repair').map((p) => `${p.lesionLabels[0]} ${p.site?.key} ${p.site?.laterality}`)).toEqual([
      `${three} upper-back left`,
      `${two} cheek left`,
    ]);
    // Reference §4.3: intermediate repair 3.2 cm of the trunk = 12032; 2.0 cm of the face = 12051 (site groups never summed, §4.2).
    expect(codeEncounter(e).lines.map((l) => `${l.code} ${l.dx.join(',')}`)).toEqual([
      '11102 D49.2',
      '11641 C44.319',
      '11602 C44.529',
      '12032 C44.529',
      '12051 C44.319',
      '88305 D49.2,C44.319,C44.529',
    ]);
  });
});
