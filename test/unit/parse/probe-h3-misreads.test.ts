import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';

// Misreads found by probe h3 (visit notes in styles the golden corpus lacks); each case is one general phrasing.

describe('undermining distance against the defect width (CPT 2020 complex repair)', () => {
  const undermining = (text: string) =>
    parseNote(`Date of Service: 11/24/2026\nExcision of biopsy-proven SCC, L flank, 1.0 cm with 5 mm margins.\n${text}\n`).procedures.find(
      (p) => p.kind === 'repair',
    )?.repairFeatures?.undermining;

  it.each([
    [
      'Edges undermined in the subfascial plane 4.0 cm on each side along the entire length of both edges, which is more than the width of the defect. Complex layered closure, length 9.8 cm.',
      'extensive',
    ],
    [
      'The resulting defect measured 2.0 cm in width. Undermined in the subcutaneous fat plane 2.5 cm on each side. Layered closure, length 6.0 cm.',
      'extensive',
    ],
    ['The resulting defect measured 2.0 cm in width. Undermined in the subcutaneous fat plane 1.0 cm on each side. Layered closure, length 6.0 cm.', 'limited'],
    ['A 2.0 cm wide defect remained. Undermined 2.5 cm along both edges. Layered closure, length 6.0 cm.', 'extensive'],
  ])('%s -> %s', (text, level) => {
    expect(undermining(text)).toBe(level);
  });
});

describe('a Mohs record that says no tissue went for permanent sections', () => {
  it.each([
    ['No specimens sent for permanent sections.', 0],
    ['None sent for permanent sections.', 0],
    ['Debulk specimen sent separately for permanent sections (A).', 1],
  ])('%s', (line, count) => {
    const e = parseNote(`Date of Service: 11/24/2026\nMohs, BCC R parietal scalp. Stage I: 3 blocks. Clear.\n${line}\n`);
    expect(e.specimens).toHaveLength(count);
  });
});

describe('a level-of-service line that names a procedure documented elsewhere', () => {
  it('keeps the plan item with its count, not the mention in the E/M line', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nASSESSMENT & PLAN:\n1. Actinic keratoses - scalp, forehead\n   - Cryodestruction with LN2 today, 15 lesions total (six scalp, nine forehead).\n2. Onychomycosis - start terbinafine, labs ordered.\n\nE/M: 99213-25 (onychomycosis managed separately from the AK destruction)\n',
    );
    const aks = e.procedures.filter((p) => p.kind === 'destruction-premalignant');
    expect(aks).toHaveLength(1);
    expect(aks[0]?.count).toBe(15);
  });
});

describe('a wart sign seen on paring is an exam finding', () => {
  it.each([
    ['Objective: verrucous papules x3 R hand. Pinpoint black dots on paring.', 0],
    ['Exam: plantar papule L heel, thrombosed capillaries seen upon paring.', 0],
    ['Procedure: callus L 5th MTP pared with a #15 blade.', 1],
  ])('%s', (line, count) => {
    const e = parseNote(`Date of Service: 11/24/2026\n${line}\n`);
    expect(e.procedures.filter((p) => p.kind === 'paring')).toHaveLength(count);
  });
});

describe('"Procedure Note: <title>" at the margin opens a procedure section after the plan', () => {
  it('the plan item that points to it and the note itself are one biopsy', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nImpression/Plan:\n1. Papule R shoulder, r/o BCC. Punch biopsy today -- see procedure note.\n2. Acne vulgaris: start spironolactone.\n\nProcedure Note: Punch biopsy\nSite: R posterior shoulder\nTechnique: 4 mm punch; specimen A\n',
    );
    const bx = e.procedures.filter((p) => p.kind.startsWith('biopsy'));
    expect(bx).toHaveLength(1);
    expect(bx[0]).toMatchObject({ kind: 'biopsy-punch', specimenLabel: 'A', site: { key: 'shoulder' } });
  });
});

describe('adjacent tissue transfer told over several sentences (reference §5.1: primary + secondary defect)', () => {
  it('reads the secondary defect told with the closure that follows the flap sentence', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nThe lesion was excised with 4 mm margins. Primary defect 3.0 x 2.8 cm. A rotation flap was designed, incised and elevated. The flap was rotated into the primary defect. Secondary defect 4.0 x 2.5 cm. Closed in layers with 3-0 PDS.\n',
    );
    expect(e.procedures.find((p) => p.kind === 'adjacent-tissue-transfer')).toMatchObject({ primaryDefectSqCm: 8.4, secondaryDefectSqCm: 10, areaSqCm: 18.4 });
  });

  it('consent alternatives name no procedure: the narrative continues the titled excision', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nProcedure: Excision of biopsy-proven BCC, R upper back, with rotation flap repair.\n\nRisks, benefits and alternatives including Mohs and primary closure were discussed; written consent obtained.\n\nThe lesion was excised with 4 mm margins. Primary defect 3.0 x 2.8 cm. A rotation flap was designed and rotated into the defect. Secondary defect 4.0 x 2.5 cm. Closed in layers.\n',
    );
    expect(e.procedures.filter((p) => p.kind === 'mohs')).toHaveLength(0);
    expect(e.procedures.filter((p) => p.kind === 'excision')).toHaveLength(1);
    expect(e.procedures.filter((p) => p.kind === 'adjacent-tissue-transfer')).toHaveLength(1);
  });
});

describe('an athenaOne-style tag template: titled heading, method line, per-site counts and a total', () => {
  const note =
    'Date of Service: 11/24/2026\nChief complaint: skin tags catching on jewelry; several bleed.\n\nProcedure documentation -- Skin tag removal\n  Indication: symptomatic acrochordons, irritated and bleeding\n  Method: snip excision with curved iris scissors; AlCl for hemostasis\n  Number of lesions:\n    Neck: 12\n    Axillae (bilateral): 17\n    Inframammary folds: 12\n  Total removed: 41\n  Pathology: none sent\n';

  it('"Total number of lesions: 17" after a per-site line is the count', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nPROCEDURE NOTE -- Skin tag removal\nIndication: irritated, bleeding acrochordons catching on collar\nTechnique: snip excision with iris scissors\nLesions: neck 9, L axilla 8\nTotal number of lesions: 17\nSpecimens: none\n',
    );
    expect(e.procedures.map((p) => [p.kind, p.count])).toEqual([['skin-tag-removal', 17]]);
  });

  it('is one tag removal of 41, no excision', () => {
    const e = parseNote(note);
    expect(e.procedures.map((p) => p.kind)).toEqual(['skin-tag-removal']);
    expect(e.procedures[0]?.count).toBe(41);
  });
});

describe('two lesions sampled in one sentence with numbered jars', () => {
  it('"Two flat scaly papules, one on the mid back and one on the left flank, were each sampled by scoop biopsy (specimens 3 and 4)"', () => {
    const e = parseNote(
      'Date of Service: 11/24/2026\nTwo flat scaly papules, one on the mid back and one on the left flank, were each sampled by scoop biopsy with a Dermablade (specimens 3 and 4), hemostasis with Drysol.\n',
    );
    const bx = e.procedures.filter((p) => p.kind === 'biopsy-tangential');
    expect(bx.map((p) => p.specimenLabel)).toEqual(['3', '4']);
    expect(bx.map((p) => p.site?.key)).toEqual(['mid-back', 'flank']);
  });

  it('one jar for two papules is not two biopsies', () => {
    const e = parseNote('Date of Service: 11/24/2026\nTwo pink papules on the L forearm; shave biopsy of the larger one (specimen 2).\n');
    expect(e.procedures.filter((p) => p.kind === 'biopsy-tangential')).toHaveLength(1);
  });
});
