import { describe, expect, it } from 'vitest';
import { findSites } from '../../../core/anatomy/vocabulary';
import { parseNote } from '../../../core/parse';
import { intentOf, lesionTypeOf } from '../../../core/parse/lexicon';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 10), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a Mohs operative report: "Mohs micrographic surgery, head/neck" names the code family, not the site', () => {
  const note = [
    'OPERATIVE REPORT - MOHS MICROGRAPHIC SURGERY',
    'Preoperative diagnosis: Basal cell carcinoma, nodular, right nasal ala (biopsy-proven 10/29/2026)',
    'Procedure: Mohs micrographic surgery, head/neck; repair as below',
    'Stage I: 3 tissue blocks, frozen sections, H&E. Positive at 3 o clock.',
    'Stage II: 1 tissue block. Margins clear.',
    'Final defect size: 1.6 x 1.4 cm.',
    'Repair: a bilobed transposition flap was designed and elevated from the nasal sidewall. Primary defect 2.24 sq cm; secondary defect 3.1 sq cm; total 5.3 sq cm.',
    '',
  ].join('\n');

  it('one Mohs of the nasal ala with its stages, and the nose flap (14060), all C44.311', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['17311', '17312', '14060']);
    expect(r.dx).toEqual([['C44.311'], ['C44.311'], ['C44.311']]);
    expect(r.findings).not.toContain('mohs/stages-documented');
  });

  it.each([
    ['Mohs micrographic surgery, head/neck', []],
    ['SCC of the head and neck', []],
    ['Mohs, head & neck region', []],
    ['R posterior neck 1 cm BCC', ['posterior-neck']],
    ['forehead and neck', ['forehead', 'neck']],
  ])('%s → sites %j', (text, keys) => {
    expect(findSites(text).map((m) => m.site.key)).toEqual(keys);
  });
});

describe('a differential leaves the lesion type to pathology', () => {
  it.each([
    ['6 mm hyperkeratotic papule, ISK vs SCC', undefined],
    ['Atypical nevus R shin vs melanoma', undefined],
    ['pink papule, SK versus AK', undefined],
    // A differential of two benign lesions hedges both (outpatient guidelines: neither is coded as confirmed).
    ['ISK vs wart', undefined],
    ['irritated SK, r/o SCC', 'inflamed-seborrheic-keratosis'],
  ])('%s → %s', (text, type) => {
    expect(lesionTypeOf(text)).toBe(type);
  });

  it('"ISK vs SCC -> tangential bx" is D49.2 before pathology (§13.2), not L82.0', () => {
    const r = codeNote('Procedures today:\n#1 R forearm 6 mm hyperkeratotic papule, ISK vs SCC -> tangential bx, spec D\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
});

describe('an add-on or pathology line of several lesions links each lesion, not only the one with a named type', () => {
  it('a suspected BCC beside an inflamed SK: 11103 x2 and 88305 x3 carry D49.2 and L82.0', () => {
    const r = codeNote(
      [
        'Procedures today:',
        '#1 R preauricular 8 mm scaly plaque, suspect SCC -> punch bx 4 mm, spec A',
        '#2 L nasal tip, 5 mm pearly papule, suspect BCC -> tangential bx, spec B',
        '#3 R forearm 6 mm inflamed SK -> tangential bx, spec C',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11104', '11103 x2', '88305 x3']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2', 'L82.0'], ['D49.2', 'L82.0']]);
  });
});

describe('a visit with an assessment and plan but nothing to code says so', () => {
  const note =
    'New patient.\nHPI: psoriasis, failed topicals.\nExam: plaques on elbows and knees, BSA 12%.\nAssessment:\nPsoriasis vulgaris, moderate-severe.\nPlan:\n- Labs ordered; start adalimumab pending prior authorization.\n- Continue clobetasol 0.05% oint BID.\n';

  it('no level, decision making or time, and no procedure → one warning, no line', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual([]);
    expect(r.findings).toEqual(['evaluation/level-undocumented']);
  });

  it.each([
    ['E/M: 99204', ['99204']],
    // §10.7: a new patient's visit documented only by its total time is leveled by it (50 min meets 99204).
    ['Total time 50 minutes.', ['99204']],
  ])('with "%s" → %j and no such warning', (extra, lines) => {
    const r = codeNote(`${note}${extra}\n`);
    expect(r.lines).toEqual(lines);
    expect(r.findings).not.toContain('evaluation/level-undocumented');
  });
});

describe('"shave removal of 3 nevi (L cheek 4 mm, R chin 3 mm, forehead 5 mm)": one removal per listed site', () => {
  it('three cosmetic 11310 lines, each with its own size', () => {
    const note =
      'Patient requests removal of moles on face for cosmetic reasons.\nProcedure: shave removal of 3 nevi (L cheek 4 mm, R chin 3 mm, forehead 5 mm) with DermaBlade. Not sent to pathology. Pt aware this is cosmetic, self-pay.\n';
    expect(codeNote(note).lines).toEqual(['11310', '11310', '11310']);
    const sizes = parseNote(`Date of Service: 11/20/2026\n${note}`).procedures.map((p) => [p.site?.text, p.lesionDiameterCm]);
    expect(sizes).toEqual([
      ['L cheek', 0.4],
      ['R chin', 0.3],
      ['forehead', 0.5],
    ]);
  });
});

describe('nails: routine care of other nails is a service of its own beside an avulsion with matrixectomy', () => {
  const note =
    'Procedure: after digital block, partial nail avulsion of lateral border L hallux, followed by chemical matrixectomy with 88% phenol.\nAlso clipped and debrided thickened dystrophic nails x 6 (R 1-3, L 2-4) with nail nipper and burr.\n';

  it('11750-TA for the great toe and 11721 for the six debrided nails', () => {
    expect(codeNote(note).lines).toEqual(['11750-TA', '11721']);
  });

  it('"debrided the nail bed" inside the avulsion stays one procedure', () => {
    expect(codeNote('Procedure: total nail avulsion, R great toenail.\nThe nail bed was debrided of debris and the matrix left intact.\n').lines).toEqual([
      '11730-T5',
    ]);
  });

  it.each([
    ['Verruca vulgaris: 4 on R hand fingers, 3 on L hand.', undefined],
    ['wart R finger 3', '3'],
    ['wart R finger #3', '3'],
  ])('%s → digit %s', (text, digit) => {
    expect(findSites(text).find((m) => m.site.key === 'finger')?.site.subsite).toBe(digit);
  });
});

describe('a wound check whose note names the earlier surgery on a line of its own', () => {
  const note = [
    'Follow-up after Mohs - wound check and suture removal.',
    'L temple Mohs 11/12/2026 with advancement flap. Incision healing well, sutures removed, no signs of infection.',
    'Also: pt notes new crusted lesion on R dorsal hand x 1 mo - SCC vs KA - shave biopsy today, spec A.',
    'Date: 11/23/2026',
    '',
  ].join('\n');

  it('dates the visit by its "Date:" line and reads the surgery and its date', () => {
    const e = parseNote(note);
    expect(e.visit.dateOfService).toBe('2026-11-23');
    expect(e.visit.postOpOf).toEqual({ related: true, procedure: 'L temple Mohs (advancement flap)', date: '2026-11-12' });
  });

  it('the biopsy at another site in the flap’s 90-day global takes 79', () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['11102-79', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });
});

describe('a biopsy dated without its year is still the proof of a cancer', () => {
  it('"SCC … (bx 10/30)" and "SCCIS … (bx 10/30)": malignant excisions, the repairs of one group summed', () => {
    const r = codeNote(
      [
        '1. SCC, well differentiated, L dorsal forearm (bx 10/30) - excised with 4 mm margins, excised diameter 1.8 cm,',
        '   intermediate layered closure 3.5 cm.',
        '2. SCCIS R forearm (bx 10/30) - excised with 3 mm margins, excised diameter 1.4 cm, intermediate layered closure 2.5 cm.',
        'Both specimens to Dermpath; results pending.',
        '',
      ].join('\n'),
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11602', '11602-XS', '12032', '88305 x2']);
    expect(r.dx).toEqual([['C44.629'], ['D04.61'], ['C44.629', 'D04.61'], ['C44.629', 'D04.61']]);
  });
});

describe('"Plan discussed: re-excision …, performed today." above the procedure note is that procedure', () => {
  it('one benign re-excision with the nevus diagnosis, its repair, one specimen', () => {
    const r = codeNote(
      [
        'Pt returns for path results: biopsy 11/07 of L upper arm showed severely atypical nevus, margins involved.',
        'Plan discussed: re-excision with 5 mm margins, performed today.',
        'Procedure: scar 0.9 cm marked with 5 mm margins; excised diameter 1.9 cm; intermediate layered repair 4.5 cm.',
        'Specimen sent.',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11402', '12032', '88305']);
    expect(r.dx).toEqual([['D22.62'], ['D22.62'], ['D22.62']]);
    expect(r.findings).not.toContain('excision/excised-diameter');
  });
});

describe('a differential in the assessment is not coded note-wide', () => {
  it('"Nummular dermatitis vs tinea corporis" then "KOH … negative. Dx nummular dermatitis": the E/M takes L30.0, not tinea', () => {
    const r = codeNote(
      'Assessment: Nummular dermatitis vs tinea corporis.\nPlan: KOH prep performed in office from R lower leg scale: negative for hyphae. Dx nummular dermatitis.\nStart triamcinolone 0.1% oint BID x 2 wks.\nMDM: low. 99213.\n',
    );
    expect(r.lines[0]).toBe('99213');
    expect(r.dx[0]).toContain('L30.0');
    expect(r.dx[0]).not.toContain('B35.4');
  });
});

describe('prose hard-wrapped mid-sentence is read as one line', () => {
  const note = [
    'IMPRESSION AND PLAN:',
    'Actinic keratoses, numerous. I treated 24 of them with liquid nitrogen today.',
    'Right helix lesion, concerning for squamous cell carcinoma versus chondrodermatitis nodularis helicis. A shave',
    'biopsy was obtained and sent to pathology labeled A. Aluminum chloride for hemostasis.',
    '',
  ].join('\n');

  it('"… A shave" / "biopsy was obtained …": the ear biopsy (69100) at the helix, beside the AKs', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['69100-XS', '17004', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['D49.2']]);
  });

  it('"… - injected" / "with triamcinolone 10 mg/mL, 0.5 mL each": an intralesional injection of three nodules', () => {
    const r = codeNote(
      'HS, Hurley stage II, bilateral axillae and groin.\nToday: inflamed nodules L axilla x 2 and R groin x 1, tender and enlarging - injected\nwith triamcinolone 10 mg/mL, 0.5 mL each (1.5 mL total).\n',
    );
    expect(r.lines).toEqual(['11900', 'J3301 x2']);
  });

  it('a note typed in lower case keeps its lines apart ("keloids … tol well" / "acne vulgaris, mod-severe - restart …")', () => {
    const r = codeNote(
      'a/p\nkeloids chest x3 - ILK: Kenalog-10 (10 mg/mL) 0.4 mL into each of the 3 keloids = 1.2 mL total (12 mg). tol well\nacne vulgaris, mod-severe - restart spironolactone 50 mg daily, tretinoin 0.05% qhs\n99213-25\n',
    );
    expect(r.lines).toEqual(['99213-25', '11900', 'J3301 x2']);
    expect(r.dx[0]).toContain('L70.0');
  });
});

describe('Mohs stages written as numerals with their blocks in brackets', () => {
  it('"Stages: I (4 blocks) +, II (2 blocks) +, III (1 block) clear." → 17311 + 17312 x2', () => {
    const r = codeNote(
      'Visit: Mohs surgery day\nTumor #1: BCC, infiltrative, L nasal sidewall, pre-op 1.2 x 1.0 cm. Stages: I (4 blocks) +, II (2 blocks) +, III (1 block) clear.\nPost-op defect 2.4 x 2.0 cm. Repair: full-thickness skin graft from L preauricular, 5.2 sq cm.\n',
    );
    expect(r.lines).toEqual(['17311', '17312 x2', '15260']);
    expect(r.findings).not.toContain('mohs/stages-documented');
  });
});

describe('a peel the note calls cosmetic is self-pay, even for AKs', () => {
  it('"insurance not billed per policy (cosmetic peel). Self-pay" → 15789 self-pay, no GZ', () => {
    const r = codeNote(
      'Chemical peel, medium depth (35% TCA), full face, for actinic damage with numerous AKs - patient elected; insurance not billed per policy (cosmetic peel). Self-pay $450.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['15789']);
    expect(r.findings).not.toContain('cosmetic/chemical-peel');
  });
});

describe('numbered problems with ICD codes and hanging indents', () => {
  const note = [
    'Assessment and Plan:',
    '1. Basal cell carcinoma of skin of left lower eyelid (C44.1192) - biopsy proven 11/03/2026. Referred to oculoplastics',
    '   for Mohs/repair. No procedure today.',
    '2. Actinic keratosis (L57.0) - 6 on the forehead and scalp treated with cryotherapy.',
    'Level of service 99214-25',
    '',
  ].join('\n');

  it('the referral is no Mohs today, and "(L57.0) - 6 on the forehead" counts six AKs', () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['99214-25', '17000', '17003 x5']);
    expect(r.findings).not.toContain('mohs/stages-documented');
  });
});

describe('a bullet list: the next bullet at the same indent is the next lesion', () => {
  it('"- R cheek … ?BCC - shave bx (A)." then "- R cheek … SK - no tx.": the biopsy keeps its own impression (D49.2)', () => {
    const r = codeNote(
      '- 3 residual AKs on L temple - LN2 x 3.\n- R cheek 5 mm pink scaly papule - ?BCC - shave bx (A).\n- R cheek 3 mm stuck-on tan papule - SK - no tx.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11102-XS', '17000', '17003 x2', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['L57.0'], ['L57.0'], ['D49.2']]);
  });
});

describe('a report in the note that letters what the note numbered', () => {
  it('"Lesion 1 …", "Lesion 2 …" and "A. Compound nevus … B. Ruptured epidermoid cyst.": matched in order, one report line each', () => {
    const r = codeNote(
      [
        'Lesion 1: L upper arm 1.2 cm compound nevus, changing per pt; excision with 2 mm margins, excised diameter 1.6 cm, simple closure.',
        'Lesion 2: R upper back 0.8 cm epidermoid cyst, inflamed twice; excision, excised diameter 1.2 cm, layered closure 2.5 cm.',
        'Both sent to pathology.',
        'Pathology: A. Compound nevus with mild architectural disorder, margins clear. B. Ruptured epidermoid cyst.',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual(['11402', '11402-59', '12031', '88305', '88304']);
    expect(r.dx).toEqual([['D22.62'], ['L72.0'], ['L72.0'], ['D22.62'], ['L72.0']]);
    expect(r.findings).not.toContain('excision/pending-pathology');
    expect(r.findings.filter((f) => f === 'pathology/report-for-unknown-specimen')).toHaveLength(1);
  });
});

describe('more of the same probe notes', () => {
  it('"Discussed excision vs ED&C once path returns" leaves no site question for the planned excision', () => {
    const r = codeNote(
      'Assessment:\n1. Keratoacanthoma-type SCC vs KA, L forearm\nPlan:\n1. Deep shave (saucerization) biopsy L forearm, spec A; path pending. Discussed excision vs ED&C once path returns.\n',
    );
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.findings).not.toContain('documentation/lesion-site');
  });

  it('"Repair: intermediate," / "layered, 5.5 cm." wrapped after a comma is one repair with its length', () => {
    const r = codeNote(
      'Pt seen for biopsy results: L upper back shave bx 11/10/2026 = melanoma in situ.\nToday: wide local excision with 5 mm margins. Lesion/scar 1.0 cm. Excised diameter 2.0 cm. Repair: intermediate,\nlayered, 5.5 cm. Specimen to path, oriented.\n',
    );
    expect(r.lines).toEqual(['11602', '12032', '88305']);
    expect(r.dx).toEqual([['D03.59'], ['D03.59'], ['D03.59']]);
  });

  it.each([
    ['Assessment: Pityriasis rosea.', 'L42'],
    ['Assessment: Perioral dermatitis.', 'L71.0'],
    ['Assessment: Dyshidrotic eczema of hands.', 'L30.1'],
    ['Assessment: Folliculitis, thighs.', 'L73.9'],
    ['Assessment: Seborrheic dermatitis.', 'L21.9'],
  ])('%s → the E/M links %s only', (a, code) => {
    const r = codeNote(`${a}\nPlan: TAC 0.1% cream BID prn.\nEstablished patient, 99213.\n`);
    expect(r.lines).toEqual(['99213']);
    expect(r.dx).toEqual([[code]]);
  });

  it('a cosmetic laser billed from the practice fee schedule asks for no treated area', () => {
    const r = codeNote('- Telangiectasias of nose and cheeks (cosmetic): pt requests laser; PDL performed today, 1 session, self-pay.\n', {
      payer: 'medicare',
    });
    expect(r.lines).toEqual([]);
    expect(r.findings).not.toContain('destruction/vascular-area');
  });
});

describe('probe notes, second round', () => {
  it('"Also started prednisone? no - pt declined oral steroids." does not decline the IM injection before it', () => {
    const r = codeNote(
      'IM injection: Kenalog 40 mg IM R gluteus for severe contact dermatitis (poison ivy), widespread.\nAlso started prednisone? no - pt declined oral steroids.\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['96372', 'J3301 x4']);
  });

  it('"(3) … excised diameter" / "    1.2 cm, layered closure 1.5 cm": the measure on the next line is the excision\'s', () => {
    const r = codeNote(
      'Problem list addressed today:\n(3) Epidermal inclusion cyst, L earlobe, 8 mm, inflamed/draining x2 this year — excised today: excised diameter\n    1.2 cm, layered closure 1.5 cm; sent to path.\n',
    );
    expect(r.lines).toEqual(['11442', '12051', '88304']);
  });

  it('"Skin biopsies x3, spec A-C:" over lettered items: each item is its own jar, nothing to report as unread', () => {
    const r = codeNote(
      'Skin biopsies x3 (all tangential/shave), spec A-C:\nA. L upper back 6 mm pink papule r/o BCC\nB. R lower back 4 mm dark papule r/o DN\nC. L abdomen 5 mm scaly papule r/o SCCIS\nAll to our in-house dermatopathology.\n',
    );
    expect(r.lines).toEqual(['11102', '11103 x2', '88305 x3']);
    expect(r.findings).not.toContain('documentation/could-not-read');
  });

  it('bullets that tell one procedure\'s details stay with it ("• 50 U R palm, 50 U L palm", "• entire vial used, no waste")', () => {
    const r = codeNote(
      'Dx: primary palmar hyperhidrosis, severe.\nProcedure:\n  • Botox 100 U single-dose vial diluted w/ 5 mL NS\n  • 50 U R palm, 50 U L palm, intradermal grid\n  • entire vial used, no waste\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['64999', 'J0585-JZ x100']);
  });
});

describe('a request, then the act', () => {
  it('"Pt requests removal of skin tags … irritated and bleed." then "Removed 35 skin tags …": medical, with the indications', () => {
    const r = codeNote(
      'Pt requests removal of skin tags under both arms and neck - they catch on jewelry and clothes, become irritated and bleed.\nRemoved 35 skin tags with scissors and hyfrecation (neck 15, R axilla 10, L axilla 10).\n',
      { payer: 'medicare' },
    );
    expect(r.lines).toEqual(['11200', '11201 x2']);
    expect(r.findings).not.toContain('cosmetic/benign-no-indication');
  });

  it('a request for cosmetic reasons keeps the act cosmetic', () => {
    const r = codeNote('Pt requests removal of 3 skin tags on the neck for cosmetic reasons.\nRemoved 3 skin tags with scissors.\n', { payer: 'commercial' });
    expect(r.lines).toEqual(['11200']);
  });
});

describe('an SK list told irritated after its sites', () => {
  it.each([
    ['1. Seborrheic keratoses x 12 (back, chest): irritated/inflamed, itching - LN2 to all 12.', 'inflamed-seborrheic-keratosis'],
    ['Seborrheic keratoses x 12: irritated, itching', 'inflamed-seborrheic-keratosis'],
    ['Seborrheic keratoses (back): benign, reassured', 'seborrheic-keratosis'],
  ])('%s → %s', (text, type) => {
    expect(lesionTypeOf(text)).toBe(type);
  });
});

describe('jars that close a site, and one biopsy on each side', () => {
  it('"Shave biopsies x 2: L cheek (A) 4 mm …; R nasal sidewall (B) 3 mm …": each jar at its own site', () => {
    const r = codeNote('Shave biopsies x 2: L cheek (A) 4 mm pink papule r/o BCC; R nasal sidewall (B) 3 mm r/o BCC.\nBoth to in-house dermpath.\n');
    expect(r.lines).toEqual(['11102', '11103', '88305 x2']);
    expect(r.findings).not.toContain('biopsy/same-site-specimens');
    expect(r.findings).not.toContain('documentation/could-not-read');
  });

  it('"Biopsy bilateral upper arms - punch 4 mm each side": two punch biopsies', () => {
    const r = codeNote('Biopsy bilateral upper arms - punch 4 mm each side, sent to in-house dermpath, r/o granuloma annulare.\n');
    expect(r.lines.slice(0, 2)).toEqual(['11104', '11105']);
  });

  it('"Level 4 visit." with no patient kind is asked once, by the office-visit rule', () => {
    const r = codeNote('Level 4 visit.\nAssessment: Rosacea, papulopustular. Plan: doxycycline 40 mg daily.\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('evaluation/office-visit');
    expect(r.findings).not.toContain('evaluation/level-undocumented');
  });
});

describe('a template excision whose closure is told in its own sentence', () => {
  it('"Excised diameter: 0.8 cm. Intermediate layered closure 1.5 cm." on the eyelid → 11441-E1 + 12051-E1', () => {
    const r = codeNote(
      'Procedure: Excision, benign lesion, with intermediate repair\nLocation: L upper eyelid (lateral)\nLesion: 4 mm intradermal nevus, irritated by eyeliner, bleeding.\nExcised diameter: 0.8 cm. Intermediate layered closure 1.5 cm.\nPath: sent.\n',
    );
    expect(r.lines.slice(0, 2)).toEqual(['11441-E1', '12051-E1']);
    expect(r.findings).not.toContain('repair/length-documented');
  });
});

describe('two excisions listed in one sentence, their closures in the next', () => {
  it('"Excision of 2 cysts: R upper back (excised diameter 2.4 cm) and L upper back (… 2.2 cm)" / "closures 3.0 cm and 2.8 cm"', () => {
    const note =
      'Excision of 2 cysts: R upper back (excised diameter 2.4 cm) and L upper back (excised diameter 2.2 cm), both inflamed recurrently. Intermediate layered closures 3.0 cm and 2.8 cm. Both to path.\n';
    expect(codeNote(note).lines).toEqual(['11403', '11403-59', '12032', '88304 x2']);
    const e = parseNote(`Date of Service: 11/20/2026\n${note}`);
    expect(e.procedures.map((p) => p.excisedDiameterCm ?? p.lengthCm)).toEqual([2.4, 2.2, 5.8]);
  });

  it('with no count of lesions, two sites in an excision sentence stay one excision', () => {
    const r = codeNote('Excision of 2.0 cm lipoma R forearm and L forearm donor fat graft not used; excised diameter 2.4 cm, layered closure 3.0 cm.\n');
    expect(r.lines.filter((l) => /^114/.test(l))).toHaveLength(1);
  });
});

describe('nail avulsions the first reading lost', () => {
  it('"avulsion of the L great toenail plate, matrix not treated": the avulsion is done, only the matrix is spared', () => {
    const r = codeNote('Procedure: avulsion of the L great toenail plate, matrix not treated. Digital block with 2% lidocaine plain.\n');
    expect(r.lines).toEqual(['11730-TA']);
  });

  it('"partial nail avulsions of the R and L great toenails" is read (plural)', () => {
    const r = codeNote('Procedure: partial nail avulsions of the R and L great toenails (lateral borders) for paronychia.\n');
    expect(r.lines[0]).toMatch(/^11730/);
  });

  it.each([
    ['Procedure not performed today.', 'negated'],
    ['Biopsy not done.', 'negated'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('a long rule-out list is hedged to its end', () => {
  it('"r/o LP vs lichenoid drug eruption vs hypertrophic AK" names no lesion type (was the AK, cut mid-word)', () => {
    expect(lesionTypeOf('1 cm violaceous flat-topped plaque, r/o LP vs lichenoid drug eruption vs hypertrophic AK -> 4 mm punch biopsy')).toBe(undefined);
  });
});

describe('two toenails avulsed in one sentence', () => {
  it('"partial nail avulsions of the R and L great toenails" → 11730 + 11732 (both sides: no single toe modifier)', () => {
    expect(codeNote('Procedure: partial nail avulsions of the R and L great toenails (lateral borders) for paronychia.\n').lines).toEqual(['11730', '11732']);
  });

  it.each([
    ['R and L great toenails', 'bilateral'],
    ['R cheek and L temple', 'left'],
    ['L great toenail', 'left'],
  ])('%s → the last site is %s', (text, side) => {
    expect(findSites(text).at(-1)?.site.laterality).toBe(side);
  });
});
