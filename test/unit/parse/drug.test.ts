import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { extractDrug } from '../../../core/parse/drug';

describe('dose arithmetic', () => {
  it('0.5 mL of 10 mg/mL → 5 mg', () => {
    expect(extractDrug('ILK: 0.5 mL of Kenalog 10 mg/mL injected into 2 keloids', 'intralesional')).toEqual({
      name: 'Kenalog 10',
      amountGiven: 5,
      unit: 'mg',
      route: 'intralesional',
    });
  });
  it('an "Administered:" field is the dose given, not the vials reconstituted ("400 mg total")', () => {
    expect(
      extractDrug('Infliximab (Remicade) 100 mg single-dose vials x 4 reconstituted (400 mg total)\nAdministered: 360 mg in 250 mL NS\nDiscarded: 40 mg'),
    ).toMatchObject({ amountGiven: 360, amountWasted: 40, unit: 'mg' });
  });
  it('"Dose given: 40 units L axilla, 40 units R axilla" is one side of the dose: the total wins', () => {
    expect(extractDrug('onabotulinumtoxinA (Botox) 100 U vial\nDose given: 40 units L axilla, 40 units R axilla\nTotal injected: 80 units')).toMatchObject({
      amountGiven: 80,
    });
  });
  it('"Dose given: 40 units L axilla, 40 units R axilla" with no total → 80 units', () => {
    expect(extractDrug('onabotulinumtoxinA (Botox) 100 U vial\nDose given: 40 units L axilla, 40 units R axilla')).toMatchObject({
      amountGiven: 80,
      unit: 'units',
    });
  });
  it('brand strength: 0.5 mL of Kenalog-40 → 20 mg', () => {
    expect(extractDrug('Kenalog-40 0.5 mL injected into the keloid')).toMatchObject({ name: 'Kenalog-40', amountGiven: 20, unit: 'mg' });
  });
  it('a written total wins: "0.1 mL into each of 9 patches (0.9 mL total)" of 10 mg/mL → 9 mg', () => {
    expect(extractDrug('ILK with triamcinolone 10 mg/mL: 0.1 mL into each of the 9 patches (0.9 mL total).')).toMatchObject({ amountGiven: 9, unit: 'mg' });
  });
  it('"40 mg IM" is 40 mg, intramuscular, with the NDC', () => {
    expect(extractDrug('Kenalog 40 mg IM given in R deltoid. NDC 0003-0293-05.')).toEqual({
      name: 'Kenalog 40',
      amountGiven: 40,
      unit: 'mg',
      route: 'intramuscular',
      ndc: '0003-0293-05',
    });
  });
  it('100 units from a 100-unit single-dose vial, no waste', () => {
    expect(extractDrug('Botox 100 units from a 100-unit single-dose vial; no waste.')).toEqual({
      name: 'Botox',
      amountGiven: 100,
      unit: 'units',
      container: 'single-dose',
      noWaste: true,
    });
  });
  it('per-axilla dose to both axillae, and the amount discarded', () => {
    expect(
      extractDrug(
        'onabotulinumtoxinA from a single-dose 200-unit vial: 50 units R axilla, 50 units L axilla (100 units administered). Remaining 100 units discarded.',
      ),
    ).toMatchObject({ amountGiven: 100, unit: 'units', amountWasted: 100, container: 'single-dose' });
    expect(extractDrug('Botox 50 units per axilla, bilateral axillae.')).toMatchObject({ amountGiven: 100, unit: 'units' });
  });
  it('wasted amount written before or after the word', () => {
    expect(extractDrug('Xeomin 80 units given; wasted: 20 units')).toMatchObject({ amountGiven: 80, amountWasted: 20 });
    expect(extractDrug('Dysport 300 units given, 200 units wasted')).toMatchObject({ amountGiven: 300, amountWasted: 200 });
  });
  it('local anesthetic volumes are not the drug dose', () => {
    expect(extractDrug('Anesthesia: 2 mL 1% lidocaine with epinephrine. ILK triamcinolone 10 mg/mL 0.3 mL to the keloid.')).toMatchObject({
      amountGiven: 3,
      unit: 'mg',
    });
  });
  it('PDT sticks and documented HCPCS', () => {
    expect(extractDrug('Levulan Kerastick x1 applied (J7308).', 'topical')).toMatchObject({
      name: 'Levulan Kerastick',
      amountGiven: 1,
      unit: 'stick',
      hcpcs: 'J7308',
    });
  });
  it('no drug named → undefined', () => {
    expect(extractDrug('0.5 mL injected')).toBeUndefined();
  });
});

describe('drugs on procedures', () => {
  it('chemodenervation for hyperhidrosis keeps drug and site', () => {
    const e = parseNote('Severe axillary hyperhidrosis. Botox 50 units per axilla to both axillae, 100-unit vial, no waste.');
    expect(e.procedures).toEqual([
      expect.objectContaining({
        kind: 'chemodenervation',
        site: expect.objectContaining({ key: 'axilla', laterality: 'bilateral' }),
        drug: expect.objectContaining({ name: 'Botox', amountGiven: 100, unit: 'units', noWaste: true }),
      }),
    ]);
  });
  it('botulinum toxin for glabellar lines is cosmetic', () => {
    const p = parseNote('Botox 20 units to glabellar lines.').procedures[0];
    expect(p).toMatchObject({ kind: 'cosmetic-other', cosmetic: true });
  });
  it('biologic given subcutaneously in clinic is an injection with route', () => {
    const p = parseNote('Tildrakizumab 100 mg administered subcutaneously to the L abdomen by RN.').procedures[0];
    expect(p).toMatchObject({ kind: 'injection', drug: { name: 'Tildrakizumab', amountGiven: 100, unit: 'mg', route: 'subcutaneous' } });
  });
  it('PDT: who applied, debridement, modality', () => {
    const staff = parseNote('PDT: Ameluz applied to the face by MA, incubation 1 hour, red light illumination by staff. No curettage.').procedures[0];
    expect(staff).toMatchObject({ kind: 'pdt', appliedBy: 'staff', debridement: false, modality: 'ameluz' });
    const doc = parseNote('PDT: hyperkeratotic AKs curetted first, then Levulan applied by me; blue light 16 min 40 s.').procedures[0];
    expect(doc).toMatchObject({ kind: 'pdt', appliedBy: 'physician', debridement: true, modality: 'levulan' });
  });
  it('phototherapy modality', () => {
    expect(parseNote('Goeckerman: crude coal tar then UVB.').procedures[0]?.modality).toBe('goeckerman');
    expect(parseNote('Narrowband UVB, full body, 850 mJ/cm2.').procedures[0]?.modality).toBe('nbuvb');
    expect(parseNote('PUVA session #12.').procedures[0]?.modality).toBe('puva');
  });
});

describe('an amount per lesion times the lesions injected', () => {
  it('"0.3 mL per lesion" of 10 mg/mL into 4 lesions → 12 mg', () => {
    expect(extractDrug('triamcinolone acetonide 10 mg/mL, 0.3 mL per lesion', 'intralesional', 4)?.amountGiven).toBe(12);
  });
  it('without a count the per-lesion amount stands', () => {
    expect(extractDrug('triamcinolone acetonide 10 mg/mL, 0.3 mL per lesion', 'intralesional')?.amountGiven).toBe(3);
  });
});

describe('a diluted drug (probe h19)', () => {
  it.each([
    [
      'Kenalog-40 (40 mg/mL) drawn up 1:1 with 1% lidocaine = 20 mg/mL mixture. Total | 2.2 mL of mixture = 44 mg triamcinolone',
      { amountGiven: 44, unit: 'mg' },
    ],
    ['Kenalog 40 mg/mL diluted to 10 mg/mL with saline; total 0.8 mL', { amountGiven: 8, unit: 'mg' }],
    ['Kenalog-40 drawn up 1:1 with lidocaine = 20 mg/mL; total 1.5 mL', { amountGiven: 30, unit: 'mg' }],
    ['Kenalog-40 diluted 1:1 with lidocaine, 1.0 mL total', { name: 'Kenalog', amountGiven: 1, unit: 'mL' }],
    ['Kenalog-10, total 0.6 mL', { amountGiven: 6, unit: 'mg' }],
  ])('%s', (text, drug) => {
    expect(extractDrug(text, 'intralesional')).toMatchObject(drug);
  });
});
