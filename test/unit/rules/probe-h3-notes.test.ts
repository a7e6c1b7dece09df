import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings, type SettingsInput } from '../../../core/model';
import { parseNote } from '../../../core/parse';

// Misreads found by probing visit notes in styles the golden corpus lacked, coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

function codeNote(body: string, settings: SettingsInput = {}) {
  const draft = codeEncounter(parseNote(`Date of Service: 11/20/2026\n${body}`), Settings.parse(settings));
  return {
    lines: draft.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}${l.units > 1 ? ` x${l.units}` : ''}`),
    dx: draft.lines.map((l) => l.dx),
    findings: draft.findings.map((f) => f.rule),
  };
}

describe('repair: one repair word over several sites, each measured (CPT §4.2: sum per level and site group)', () => {
  it.each([
    ['Repair: intermediate; L cheek 2.0 cm; R forearm 3.0 cm', ['12051', '12032']],
    ['Intermediate repair: L cheek 2.0 cm, R forearm 3.0 cm.', ['12051', '12032']],
    // Same group, same level: 1.5 + 2.0 = 3.5 cm → 12002 (2.6-7.5 cm).
    ['Lacerations repaired (simple): R hand 1.5 cm, R forearm 2.0 cm. 5-0 nylon.', ['12002']],
    // Trunk and arm are one intermediate group: 2.0 + 3.0 = 5.0 cm → 12032.
    ['Layered closure; R upper back 2.0 cm; L upper arm 3.0 cm', ['12032']],
  ])('%s', (line, lines) => {
    expect(codeNote(`Lacerations from a fall, irrigated.\n${line}\n`).lines).toEqual(lines);
  });

  it('one site with its length stays one repair', () => {
    expect(codeNote('Repair: intermediate; L cheek 2.0 cm; 5-0 nylon\n').lines).toEqual(['12051']);
  });

  it('"lacerations repaired (simple)" after a sentence giving each wound at one site sums them', () => {
    const r = codeNote('Dog bite, two superficial lacerations R hand 1.5 cm and 2.0 cm.\nLacerations repaired (simple) with 4-0 nylon interrupted sutures.\n');
    expect(r.lines).toEqual(['12002']);
  });

  it('"laceration was repaired (simple)" with no length asks for it', () => {
    const r = codeNote('Laceration R shin, cleaned. Laceration was repaired (simple) with 4-0 nylon.\n');
    expect(r.lines).toEqual([]);
    expect(r.findings).toContain('repair/length-documented');
  });
});

describe('shave removal of "both" / "each" / "all three" lesions counted just before', () => {
  it('two nevi, sizes in order → two shave lines, two specimens', () => {
    const r = codeNote('2 nevi on the back, irritated by bra strap, 0.6 cm and 0.8 cm. Shave removal of both, sent to path.\n');
    expect(r.lines).toEqual(['11301', '11301-59', '88305 x2']);
  });

  it('three SKs, each shaved', () => {
    const r = codeNote('3 irritated SKs L back, 0.4 cm, 0.8 cm and 1.5 cm, catching on clothing. Each removed by shave, not sent.\n');
    expect(r.lines).toEqual(['11300', '11301', '11302']);
  });

  it('"all three" with a count that disagrees is not split', () => {
    const r = codeNote('2 SKs L back 0.4 cm and 0.8 cm, irritated. Shave removal of all three.\n');
    expect(r.lines).toHaveLength(1);
  });
});

describe('a fungal test links to the condition it tests for, never another problem', () => {
  it('r/o tinea with a scaly rash → the rash (R21), not the psoriasis', () => {
    const r = codeNote(
      'Assessment/Plan:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. Scaly rash L foot, r/o tinea pedis - KOH prep performed in office: positive for hyphae. Start ketoconazole cream.\n',
    );
    expect(r.lines).toEqual(['87220']);
    expect(r.dx).toEqual([['R21']]);
  });

  it('a stated onychomycosis → B35.1', () => {
    const r = codeNote(
      'A/P:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. Onychomycosis R great toenail, thick yellow nail. KOH done in office: positive.\n',
    );
    expect(r.dx).toEqual([['B35.1']]);
  });

  it('nothing named next to the test → no dx and a finding, not the other problem', () => {
    const r = codeNote('A/P:\n1. Psoriasis vulgaris, elbows - continue clobetasol.\n2. KOH prep performed today: negative.\n');
    expect(r.dx).toEqual([[]]);
    expect(r.findings).toContain('diagnosis/unmapped');
  });
});

describe('a rule-out of an inflammatory condition is not a neoplasm (reference §13.2)', () => {
  it('r/o LCV punch biopsy → no D49.2, the coder is asked', () => {
    const r = codeNote('Palpable purpura bilateral lower legs x 5 days.\nPunch biopsy 4 mm L shin, r/o LCV, sent for H&E and DIF.\n');
    expect(r.lines).toEqual(['11104', '88305']);
    expect(r.dx.flat()).not.toContain('D49.2');
    expect(r.findings).toContain('diagnosis/unmapped');
  });

  it('r/o vasculitis of a biopsied rash → the rash sign R21', () => {
    const r = codeNote('Punch biopsy 4 mm of petechial rash L shin, r/o vasculitis, sent to path.\n');
    expect(r.dx[0]).toEqual(['R21']);
  });

  it('a rule-out neoplasm keeps D49.2', () => {
    const r = codeNote('Shave biopsy R forearm, pink scaly papule, r/o SCC, sent to path.\n');
    expect(r.dx[0]).toEqual(['D49.2']);
  });
});

describe("the patient's wish is no procedure done", () => {
  it.each([
    [
      '52M f/u. pt wants SK on R temple removed. also wants his skin tags removed at some point.\n4 AKs forehead treated with LN2 today.\n',
      ['17000', '17003 x3'],
    ],
    ['Pt is wanting the growth on her nose biopsied. Would like her warts frozen too.\nImpression: r/o BCC L nasal ala; verruca vulgaris.\n', []],
  ])('%s', (note, lines) => {
    expect(codeNote(note).lines).toEqual(lines);
  });

  it('a wish followed by the procedure done is still done', () => {
    expect(codeNote('Pt requests removal of 3 irritated skin tags of the neck, catching on necklace. Snip removal of 3 skin tags.\n').lines).toEqual(['11200']);
  });

  it('"declined" about another lesion in the next sentence does not cancel this one', () => {
    const r = codeNote('A/P: verruca vulgaris R index finger - LN2 today, 2 FTC. SKs - benign, cosmetic, declined to treat today.\n');
    // R index finger: anatomic modifier F6 (§10.6).
    expect(r.lines).toEqual(['17110-F6']);
  });
});

describe('spoken and typed problem numbers in all-lowercase notes', () => {
  it('"number one, …" items: the AK keeps its own dx, managed problems support 25', () => {
    const r = codeNote(
      'assessment and plan\nnumber one, actinic keratoses of the face, 5 lesions, treated with liquid nitrogen today.\nnumber two, seborrheic dermatitis of the scalp, start ketoconazole 2% shampoo twice weekly.\nnumber three, acne vulgaris, continue tretinoin cream.\nlevel of service 99213\n',
    );
    expect(r.lines).toEqual(['99213-25', '17000', '17003 x4']);
    expect(r.dx[1]).toEqual(['L57.0']);
  });
});
