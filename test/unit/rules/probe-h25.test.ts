import { describe, expect, it } from 'vitest';
import { codeEncounter, summarizeSpecimens } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { priorMalignantBiopsyIn } from '../../../core/parse/triggers';
import { codeNote } from './note-harness';

// Misreads found by probe h25 (notes 680-694): each case is one general form, coded end to end.

const specimensOf = (body: string) => {
  const encounter = parseNote(`Date of Service: 11/20/2026\n${body}`);
  const settings = Settings.parse({});
  const draft = codeEncounter(encounter, settings);
  return summarizeSpecimens(encounter, draft.lines as never, settings).map((s) => `${s.label} ${s.site ?? ''}`.trim());
};

describe('"Indication: 1) … 2) …" over "Procedure 1:" lines: each item is the lesion at its own site (§3.2, §13.4)', () => {
  const INDICATION = 'Indication: 1) bx-proven BCC R cheek 2) bx-proven SCCis L forearm\n';
  const PROCEDURES =
    'Procedure 1: Excision R cheek, lesion 0.8 cm, margins 4 mm, excised diameter 1.6 cm. Intermediate repair 3.2 cm. Specimen to path.\n' +
    'Procedure 2: Excision L forearm, lesion 1.0 cm, margins 4 mm, excised diameter 1.8 cm. Intermediate repair 4.0 cm. Specimen to path.\n';
  it.each([
    ['on the very next line', INDICATION + PROCEDURES],
    ['after a blank line', `${INDICATION}\n${PROCEDURES}`],
  ])('%s', (_, body) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['11642', '11602', '12052', '12032', '88305 x2']);
    expect(r.dx).toEqual([['C44.319'], ['D04.62'], ['C44.319'], ['D04.62'], ['C44.319', 'D04.62']]);
    expect(specimensOf(body)).toEqual(['1 R cheek', '2 L forearm']);
  });
});

describe('a side key after "each <site>" gives each side its jar ("(R = A, L = B)"; §1.2)', () => {
  it.each([
    ['Procedure: punch biopsies x2, one from each shin (R = A, L = B). 4 mm punch, sutured.'],
    ['Procedure: 4 mm punch biopsies of both, one from each shin (R = A, L = B), sutured.'],
  ])('%s', (line) => {
    const body = `Assessment: purpuric papules, both shins.\n${line}\n`;
    const encounter = parseNote(`Date of Service: 11/20/2026\n${body}`);
    const biopsies = encounter.procedures.filter((p) => p.kind.startsWith('biopsy'));
    expect(biopsies.map((p) => `${p.specimenLabel} ${p.site?.key} ${p.site?.laterality}`)).toEqual(['A shin right', 'B shin left']);
    const r = codeNote(body);
    expect(r.lines).toEqual(['11104', '11105', '88305 x2']);
    expect(r.findings).not.toContain('biopsy/same-site-specimens');
    expect(r.findings).not.toContain('documentation/could-not-read');
  });
});

describe('a KOH named as not done is no 87220 (§14)', () => {
  it.each([
    ['KOH not done (no scale on the feet).', []],
    ['Toenails thick and yellow; KOH not done today.', []],
    ['No KOH - scale too thin.', []],
    ['KOH deferred.', []],
    ['KOH prep done: septate hyphae seen.', ['87220']],
  ])('"%s" → %j', (sentence, lines) => {
    const r = codeNote(`Exam: L foot scaly patch. ${sentence}\nAssessment: tinea pedis (B35.3). Plan: terbinafine cream.\n`);
    expect(r.lines).toEqual(lines);
  });
});

describe('a numbered "Reason for visit" whose first item is the post-op check puts an unrelated E/M in the global (§10.3: 24)', () => {
  it.each([
    ['Reason for visit: (1) post-op check, Mohs L cheek BCC with rotation flap 10/30/2026; (2) NEW: hand eczema, unrelated to the surgery.'],
    ['Reason for visit: 1) post-op check, Mohs L cheek BCC with rotation flap 10/30/2026; 2) NEW: hand eczema, unrelated to the surgery.'],
  ])('%s', (reason) => {
    const r = codeNote(
      `${reason}\nAssessment: Dyshidrotic eczema, both hands - L30.1. Plan: clobetasol ointment BID (Rx sent).\nE/M: 99213 for the new problem.\n`,
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['99213-24']);
    expect(r.dx).toEqual([['L30.1']]);
  });
});

describe('"Irritated (inflamed) seborrheic keratosis": an aside between the adjective and the lesion (§12.2: L82.0)', () => {
  it.each([
    ['Irritated (inflamed) seborrheic keratosis, R lower abdomen, bleeding', 'L82.0'],
    ['Inflamed (irritated), crusted SK, R lower abdomen', 'L82.0'],
    ['Seborrheic keratosis, R lower abdomen, bleeding', 'L82.1'],
  ])('%s → %s', (dx, code) => {
    const r = codeNote(`Assessment: ${dx}.\nProcedure: shave removal, R lower abdomen, lesion diameter 1.4 cm. Specimen A to dermpath.\n`);
    expect(r.lines).toEqual(['11302', '88305']);
    expect(r.dx[0]).toEqual([code]);
  });
});

describe('a diagnosis line wrapped onto the next line is still the diagnosis line', () => {
  it('"…; " then "excision for diagnosis and removal requested." opens no excision of its own', () => {
    const r = codeNote(
      'Indication: three changing pigmented lesions flagged at the last full skin exam (dermoscopy: atypical network);\n' +
        'excision for diagnosis and removal requested. No prior biopsies.\n\n' +
        'Lesion 1 - L upper back: 0.6 cm brown macule. 2 mm margins. Excised diameter 1.0 cm. Simple closure. Specimen 1.\n' +
        'Lesion 2 - R posterior neck: 0.4 cm dark papule. 1 mm margins. Excised diameter 0.6 cm. Simple closure. Specimen 2.\n',
    );
    expect(r.lines).toEqual(['11401', '11421', '88305 x2']);
    expect(r.findings).not.toContain('excision/excised-diameter');
  });

  it('a procedure named on the indication line ("…, for cryotherapy today") is the one told below, and the line still names the next lesion', () => {
    const r = codeNote(
      'Indication: biopsy-proven nodular basal cell carcinoma, left cheek (punch biopsy 29 October 2026). Also several actinic\n' +
        'keratoses on the scalp, for cryotherapy today.\n\n' +
        'Under local anaesthetic the tumour, measuring 0.9 centimetres, was excised with 4 millimetre margins, excised diameter 1.7\n' +
        'centimetres. The wound was closed in two layers, final wound length 3.0 centimetres. The specimen was sent for histology.\n\n' +
        'Cryotherapy (liquid nitrogen) to four actinic keratoses on the scalp vertex.\n',
    );
    expect(r.lines).toEqual(['11642', '17000', '17003 x3', '12052', '88305']);
    expect(r.dx[0]).toEqual(['C44.319']);
  });
});

describe('a malignancy found "on" a dated biopsy, in any date style, is biopsy-proven (§3.2)', () => {
  it.each([
    ['SCC in situ L posterior calf on shave bx 30 Oct 2026 (benign margins not assessed).', true],
    ['BCC R forearm on punch biopsy 2026-10-30.', true],
    ['SCC in situ on shave biopsy Oct. 30, 2026.', true],
    ['SCC in situ on shave bx 10/30/2026.', true],
    ['Shave bx 30 Oct 2026 (path: SCCIS, transected at base).', true],
    ['r/o SCC on shave bx 30 Oct 2026 - result pending.', false],
    ['Plan: shave bx of the L calf lesion on 30 Oct 2026.', false],
  ])('%s → %s', (text, proven) => {
    expect(priorMalignantBiopsyIn(text)).toBe(proven);
  });
});

describe('a stain table row per block: each block of the same stain is one more unit (§7.2: 88312 per stain per block)', () => {
  const REPORT = (rows: string) =>
    'Patient: Test, Patient-9999   MRN: 909999\nAccession: HD26-1\nCollected: 11/18/2026\n\nSPECIMENS\nA. Skin, left anterior shin, punch biopsy\n\n' +
    'DIAGNOSIS\nA. PALISADED GRANULOMATOUS DERMATITIS, CONSISTENT WITH GRANULOMA ANNULARE.\n\n' +
    `SPECIAL STUDIES\nBlock   | Stain                 | Result\n${rows}Controls stained appropriately.\n`;
  it.each([
    ['A1      | AFB (Ziehl-Neelsen)   | negative\nA2      | AFB (Ziehl-Neelsen)   | negative\nA1      | GMS                   | negative\n', 3],
    ['A1      | AFB (Ziehl-Neelsen)   | negative\nA1      | GMS                   | negative\n', 2],
    ['A1      | AFB (Ziehl-Neelsen)   | negative\nA1      | AFB (Ziehl-Neelsen)   | repeat, negative\n', 1],
  ])('%j → 88312 x%d', (rows, units) => {
    for (const text of [REPORT(rows), REPORT(rows).toLowerCase()]) {
      const draft = codeEncounter(parseNote(text), Settings.parse({}));
      expect(draft.lines.find((l) => l.code === '88312')?.units).toBe(units);
    }
  });
});

describe('a treatment log\'s rows of earlier dates are those days\' sessions; "Today <date>:" dates this one (§8.1)', () => {
  const LOG =
    'PHOTOTHERAPY TREATMENT RECORD\nDx: Plaque psoriasis (L40.0)\n\n' +
    'Date        | Session | Modality                        | Notes\n' +
    '10/28/2026  | 14      | PUVA (oral 8-MOP 30 mg) + UVA   | nausea\n' +
    '11/09/2026  | 16      | Excimer 308 nm, knees, 180 sq cm |\n' +
    '11/20/2026  | 18      | NB-UVB booth, full body         | 690 mJ/cm2\n\n';
  it.each([
    ['"Today 11/20/2026:" and no date-of-service field', `${LOG}Today 11/20/2026: session 18 given as charted, NB-UVB.\n`],
    ['a date-of-service field', `Date of Service: 11/20/2026\n${LOG}Session 18 given as charted, NB-UVB.\n`],
  ])('%s → 96900 only', (_, text) => {
    const encounter = parseNote(text);
    expect(encounter.visit.dateOfService).toBe('2026-11-20');
    expect(codeEncounter(encounter, Settings.parse({})).lines.map((l) => l.code)).toEqual(['96900']);
  });
});

describe('a procedure table exported as comma-separated values reads one procedure per row, with its jar', () => {
  const CSV =
    'procedure,site,lesion size,clinical dx,indication,specimen\n' +
    'shave removal,R inframammary (bra line),0.8 cm,irritated SK,rubbed by bra - itching/bleeding,A\n' +
    'shave removal,L lower back (waistband),1.3 cm,irritated SK,catches on waistband - inflamed,B\n' +
    'shave biopsy,L posterior shoulder,0.5 cm,atypical nevus r/o melanoma,changing color,C\n\nAll specimens to dermpath.\n';
  it.each([
    ['as typed', CSV],
    ['in lower case', CSV.toLowerCase()],
    ['with a quoted cell', CSV.replace('R inframammary (bra line)', '"R inframammary, bra line"')],
  ])('%s', (_, body) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['11102-59', '11301', '11302', '88305 x3']);
    expect(specimensOf(body).map((s) => s.slice(0, 1))).toEqual(['A', 'B', 'C']);
  });

  it('a CSV of codes (no site and procedure columns) is left alone', () => {
    const r = codeNote('code,units,modifier\n17000,1,\n17003,2,\nLN2 to 3 AKs, L forearm.\n');
    expect(r.lines).toEqual(['17000', '17003 x2']);
  });
});

describe('a title line standing alone is the title of the procedure told below it, not one more (§3.1)', () => {
  it.each([
    ['in capitals', 'EXCISION WITH INTRAOPERATIVE MARGIN CONTROL'],
    ['in mixed case', 'Excision with intraoperative margin control'],
  ])('%s', (_, title) => {
    const body =
      `${title}\n\nDx: biopsy-proven BCC, R upper back (shave bx 11/02/2026). Declines Mohs.\n\n` +
      'Lesion 11 mm. Marked with 4 mm margins; initial excised diameter 1.9 cm, elliptical excision to mid-fat.\n' +
      'Specimen A sent for intraoperative frozen section, 2 blocks: tumor at the 3 o’clock margin.\n' +
      'Re-excision the same session: an additional 3 mm taken at 3 o’clock, sent as Specimen B for frozen section, 1 block: clear.\n' +
      'Final widest excised diameter 2.2 cm.\nRepair: layered, final length 6.5 cm.\nBoth specimens (A and B) to permanent sections.\n';
    const r = codeNote(body);
    expect([...r.lines].sort()).toEqual(['11603', '12032', '88305 x2', '88331 x2', '88332']);
  });
});

describe('a closure told only by its suture layers is layered, measured undermining sets its level (§4.1), and "Excision of both" over the excisions told one by one adds none (§3.1)', () => {
  const NOTE = (scalpClosure: string, foreheadClosure: string) =>
    'PRE-OP DIAGNOSES\n- SCC, well differentiated, L parietal scalp (punch bx 11/03/2026)\n- BCC, nodular, R forehead (shave bx 11/03/2026)\n\n' +
    'PROCEDURE: Excision of both, with closure. Consent, time-out, 1% lido with epi.\n\n' +
    'L parietal scalp: lesion 1.5 cm, 4 mm margins, excised diameter 2.3 cm, fusiform, to the galea. Defect width 2.3 cm.\n' +
    `Undermining in the subgaleal plane 2.5 cm along both long edges. ${scalpClosure} Length of closure 6.0 cm.\n\n` +
    'R forehead: lesion 0.8 cm, 3 mm margins, excised diameter 1.4 cm, fusiform along the relaxed skin tension lines.\n' +
    `Defect width 1.4 cm. Undermined 0.5 cm at the subcutaneous level along each edge. ${foreheadClosure}\nLength 3.2 cm.\n\n` +
    'Specimens: A scalp, B forehead - dermpath, margins requested.\n';
  it.each([
    [
      'deep sutures then the skin',
      'Closure: 3-0 Vicryl galeal, 4-0 Vicryl deep dermal, staples to skin.',
      '5-0 Monocryl deep, 6-0 Prolene running.',
      ['11623', '11642', '13121', '12052-59', '88305 x2'],
    ],
    ['a single layer of skin sutures stays simple (included)', 'Closure: staples to skin.', '6-0 Prolene running.', ['11623', '11642', '88305 x2']],
  ])('%s', (_, scalp, forehead, lines) => {
    const r = codeNote(NOTE(scalp, forehead));
    expect([...r.lines].sort()).toEqual([...lines].sort());
  });
});
