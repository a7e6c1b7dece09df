import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeInfo } from '../../../core/codes/catalog';
import { amountInBillingMeasure, billingUnits, concentrationMgPerMl, type DrugEntry, findDrug } from '../../../core/codes/drugs';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { defineRule } from '../../../core/rules/define-rule';
import { addDrugLine, infusionMinutes, infusionUnits, injectionRules } from '../../../core/rules/injection';
import { otherProceduresRules } from '../../../core/rules/other-procedures';
import { pathologyRules } from '../../../core/rules/pathology';
import { phototherapyRules } from '../../../core/rules/phototherapy';
import { codeWith } from './family-harness';
import { code, L, proc } from './harness';

type Case = { name: string; encounter: EncounterInput; settings?: SettingsInput; lines: string[]; findings?: string[] };

const site = (key: string, text = key, laterality?: 'left' | 'right' | 'bilateral') => ({ key, text, ...(laterality ? { laterality } : {}) });
const tac = (amountGiven?: number, unit: 'mg' | 'mL' = 'mg', name = 'triamcinolone') => ({ name, ...(amountGiven !== undefined ? { amountGiven, unit } : {}) });
const medicare: SettingsInput = { payer: 'medicare' };

const cases: Case[] = [
  {
    name: 'ILK into 3 keloids, 12 mg → 11900 + J3301×2 (partial unit rounds up)',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 3, site: site('chest'), drug: tac(12) })] },
    lines: ['11900', 'J3301 x2'],
  },
  {
    name: '8 lesions → 11901 (lesions, not injections)',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 8, site: site('back'), drug: tac(40) })] },
    lines: ['11901', 'J3301 x4'],
  },
  {
    name: 'two injection records of 4 lesions each → one 11901, drug summed',
    encounter: {
      procedures: [
        proc({ kind: 'intralesional-injection', count: 4, site: site('scalp'), drug: tac(10) }),
        proc({ kind: 'intralesional-injection', count: 4, site: site('chest'), drug: tac(5) }),
      ],
    },
    lines: ['11901', 'J3301 x2'],
  },
  {
    name: 'exactly 7 lesions → 11900',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 7, site: site('scalp'), drug: tac(7) })] },
    lines: ['11900', 'J3301'],
  },
  {
    name: 'lesions counted from labels when no count: A, B → 11900',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', lesionLabels: ['A', 'B'], site: site('arm'), drug: tac(20) })] },
    lines: ['11900', 'J3301 x2'],
  },
  {
    name: 'Kenalog-10, 0.5 mL documented only in mL → 5 mg → J3301×1',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 1, site: site('chest'), drug: tac(0.5, 'mL', 'Kenalog-10') })] },
    lines: ['11900', 'J3301'],
  },
  {
    name: 'Kenalog-40, 1.5 mL → 60 mg → J3301×6',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 2, site: site('chest'), drug: tac(1.5, 'mL', 'Kenalog-40') })] },
    lines: ['11900', 'J3301 x6'],
  },
  {
    name: 'concentration written only in the text: "triamcinolone 5 mg/mL, total 2 cc" → 10 mg',
    encounter: {
      procedures: [
        proc({
          kind: 'intralesional-injection',
          count: 5,
          site: site('scalp'),
          text: 'ILK: triamcinolone 5 mg/mL, total 2 cc into the 5 patches',
          drug: tac(2, 'mL'),
        }),
      ],
    },
    lines: ['11900', 'J3301'],
  },
  {
    name: 'two concentrations in the text (dilution) → ask, no drug line',
    encounter: {
      procedures: [
        proc({
          kind: 'intralesional-injection',
          count: 8,
          site: site('arm'),
          text: 'triamcinolone 10 mg/mL diluted to 5 mg/mL; 0.8 mL total',
          drug: tac(0.8, 'mL'),
        }),
      ],
    },
    lines: ['11901'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'mL without a concentration → finding, no drug line',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 2, site: site('chest'), drug: tac(1, 'mL') })] },
    lines: ['11900'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'dose missing → finding, no drug line',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', count: 2, site: site('chest'), drug: tac() })] },
    lines: ['11900'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'lesion count missing → 11900 + finding',
    encounter: { procedures: [proc({ kind: 'intralesional-injection', site: site('chest'), drug: tac(10) })] },
    lines: ['11900', 'J3301'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'count written only in the text: "each of the 9 patches" → 11901',
    encounter: {
      procedures: [proc({ kind: 'intralesional-injection', site: site('scalp'), text: 'ILK 10 mg/mL: 0.1 mL into each of the 9 patches', drug: tac(9) })],
    },
    lines: ['11901', 'J3301'],
  },
  {
    name: 'injection points are not lesions: "20 sites across 3 plaques" → 3 lesions, 11900',
    encounter: {
      procedures: [proc({ kind: 'intralesional-injection', site: site('scalp'), text: 'ILK injected at 20 sites across 3 plaques', drug: tac(10) })],
    },
    lines: ['11900', 'J3301'],
  },
  {
    name: '"both keloids were injected" counts two lesions → 11900, no missing-count warning',
    encounter: {
      procedures: [
        proc({ kind: 'intralesional-injection', site: site('earlobe'), text: 'both keloids were injected intralesionally with triamcinolone', drug: tac(30) }),
      ],
    },
    lines: ['11900', 'J3301 x3'],
  },
  {
    name: 'parsed count disagrees with the text ("Keloids x3" vs 40) → smaller count + warning',
    encounter: {
      procedures: [
        proc({
          kind: 'intralesional-injection',
          count: 40,
          site: site('chest'),
          text: 'Keloids x3 -- ILK Kenalog-40, 40 mg divided among the 3 keloids',
          drug: tac(40),
        }),
      ],
    },
    lines: ['11900', 'J3301 x4'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'template note: "Medication:" section under the procedure supplies the drug (info to verify)',
    encounter: {
      sections: {
        header: 'Procedure: Intralesional injection\nLesions: 3 keloids on the chest.',
        Medication: 'Kenalog 10 mg/ml, 1.2 ml total divided among the lesions.',
      },
      procedures: [
        proc({
          kind: 'intralesional-injection',
          count: 3,
          site: site('chest'),
          text: 'Procedure: Intralesional injection',
          span: { section: 'header', start: 0, end: 34 },
        }),
      ],
    },
    lines: ['11900', 'J3301 x2'],
    findings: ['injection/intralesional'],
  },
  {
    name: 'template paragraph: "Medication: Botox 100 units" on the line under the procedure',
    encounter: {
      sections: { note: 'Procedure: chemodenervation, both axillae\nMedication: Botox 100 units, single-dose vial, none wasted' },
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'both axillae', 'bilateral'),
          text: 'Procedure: chemodenervation, both axillae',
          span: { section: 'note', start: 0, end: 41 },
        }),
      ],
    },
    settings: medicare,
    lines: ['64650', 'J0585-JZ x100'],
    findings: ['injection/chemodenervation', 'injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'lidocaine mixed in is included: no line, no finding',
    encounter: {
      procedures: [proc({ kind: 'intralesional-injection', count: 1, site: site('chest'), drug: { name: 'lidocaine 1%', amountGiven: 1, unit: 'mL' } })],
    },
    lines: ['11900'],
  },
  {
    name: '96372 entered for an intralesional injection → error',
    encounter: {
      procedures: [proc({ kind: 'intralesional-injection', count: 1, site: site('chest'), drug: tac(10) })],
      enteredCharges: [{ code: '96372' }, { code: '11900' }],
    },
    lines: ['11900', 'J3301'],
    findings: ['injection/no-96372-for-intralesional'],
  },
  {
    name: 'Kenalog 40 mg IM → 96372 + J3301×4',
    encounter: {
      procedures: [proc({ kind: 'injection', site: site('buttock'), drug: { name: 'Kenalog-40', amountGiven: 40, unit: 'mg', route: 'intramuscular' } })],
    },
    lines: ['96372', 'J3301 x4'],
  },
  {
    name: 'Kenalog IM on Medicare: container undocumented and NDC prompts',
    encounter: {
      procedures: [proc({ kind: 'injection', site: site('buttock'), drug: { name: 'Kenalog-40', amountGiven: 40, unit: 'mg', route: 'intramuscular' } })],
    },
    settings: medicare,
    lines: ['96372', 'J3301 x4'],
    findings: ['injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'multi-dose vial on Medicare → never JW/JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'injection',
          site: site('buttock'),
          drug: { name: 'Kenalog-40', amountGiven: 40, unit: 'mg', route: 'intramuscular', container: 'multi-dose', ndc: '00003-0293-05' },
        }),
      ],
    },
    settings: medicare,
    lines: ['96372', 'J3301 x4'],
    findings: ['injection/ndc'],
  },
  {
    name: 'facility place of service → no 96372, finding',
    encounter: {
      visit: { placeOfService: '22' },
      procedures: [proc({ kind: 'injection', site: site('buttock'), drug: { name: 'Kenalog-40', amountGiven: 40, unit: 'mg', route: 'intramuscular' } })],
    },
    lines: ['J3301 x4'],
    findings: ['injection/facility-place-of-service'],
  },
  {
    name: '99211 documented with 96372 → error',
    encounter: {
      visit: { emCode: '99211' },
      procedures: [proc({ kind: 'injection', site: site('buttock'), drug: { name: 'triamcinolone', amountGiven: 40, unit: 'mg', route: 'intramuscular' } })],
    },
    lines: ['96372', 'J3301 x4'],
    findings: ['injection/no-99211-with-96372'],
  },
  {
    name: 'injection with no route and an unknown drug → no admin line, finding',
    encounter: { procedures: [proc({ kind: 'injection', drug: { name: 'mystery serum', amountGiven: 1, unit: 'mL' } })] },
    lines: [],
    findings: ['injection/sc-im-administration'],
  },
  {
    name: 'unknown drug given IM → 96372 and a finding instead of a drug line',
    encounter: { procedures: [proc({ kind: 'injection', drug: { name: 'methotrexate', amountGiven: 25, unit: 'mg', route: 'intramuscular' } })] },
    lines: ['96372'],
    findings: ['injection/sc-im-administration'],
  },
  {
    name: 'Botox 100 U both axillae, no waste, Medicare → 64650 + J0585×100-JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'bilateral axillae', 'bilateral'),
          drug: { name: 'Botox', amountGiven: 100, unit: 'units', noWaste: true },
        }),
      ],
    },
    settings: medicare,
    lines: ['64650', 'J0585-JZ x100'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'Botox 50 U given, 50 U discarded, Medicare → J0585×50 + J0585-JW×50',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'axillae', 'bilateral'),
          drug: { name: 'onabotulinumtoxinA', amountGiven: 50, unit: 'units', amountWasted: 50 },
        }),
      ],
    },
    settings: medicare,
    lines: ['64650', 'J0585 x50', 'J0585-JW x50'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'both axillae documented as two procedures → one 64650, toxin summed',
    encounter: {
      procedures: [
        proc({ kind: 'chemodenervation', site: site('axilla', 'L axilla', 'left'), drug: { name: 'Botox', amountGiven: 50, unit: 'units', noWaste: true } }),
        proc({ kind: 'chemodenervation', site: site('axilla', 'R axilla', 'right'), drug: { name: 'Botox', amountGiven: 50, unit: 'units', noWaste: true } }),
      ],
    },
    settings: medicare,
    lines: ['64650', 'J0585-JZ x100'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'before July 2023: JW for waste still applies, no JZ',
    encounter: {
      visit: { dateOfService: '2023-03-01' },
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'axillae', 'bilateral'),
          drug: { name: 'Botox', amountGiven: 100, unit: 'units', amountWasted: 100 },
        }),
        proc({
          kind: 'chemodenervation',
          site: site('scalp'),
          drug: { name: 'Xeomin', amountGiven: 50, unit: 'units', noWaste: true, container: 'single-dose' },
        }),
      ],
    },
    settings: medicare,
    lines: ['64650', '64653', 'J0585 x100', 'J0585-JW x100', 'J0588 x50'],
    findings: ['injection/chemodenervation', 'injection/ndc', 'injection/ndc'],
  },
  {
    name: 'Dysport rounded-up dose covers the waste (Noridian) → one J0586 line with JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'axillae', 'bilateral'),
          drug: { name: 'Dysport', amountGiven: 248, unit: 'units', amountWasted: 2, container: 'single-dose' },
        }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['64650', 'J0586-JZ x50'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'Dysport 250 U given, 12 U discarded → J0586×50 + J0586-JW×3',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('axilla', 'axillae', 'bilateral'),
          drug: { name: 'Dysport', amountGiven: 250, unit: 'units', amountWasted: 12, container: 'single-dose' },
        }),
      ],
    },
    settings: { payer: 'medicare' },
    lines: ['64650', 'J0586 x50', 'J0586-JW x3'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'waste not documented for a single-dose vial on Medicare → warning, no JW/JZ',
    encounter: { procedures: [proc({ kind: 'chemodenervation', site: site('forehead'), drug: { name: 'Botox', amountGiven: 30, unit: 'units' } })] },
    settings: medicare,
    lines: ['64653', 'J0585 x30'],
    findings: ['injection/chemodenervation', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'commercial payer, default setting → no JZ, info finding',
    encounter: {
      procedures: [proc({ kind: 'chemodenervation', site: site('scalp'), drug: { name: 'Botox', amountGiven: 100, unit: 'units', noWaste: true } })],
    },
    lines: ['64653', 'J0585 x100'],
    findings: ['injection/chemodenervation', 'injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'commercial payer with waste modifiers "always" → JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          site: site('scalp'),
          drug: { name: 'Xeomin', amountGiven: 100, unit: 'units', noWaste: true, container: 'single-dose' },
        }),
      ],
    },
    settings: { wasteModifiers: 'always' },
    lines: ['64653', 'J0588-JZ x100'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'waste modifiers "never" on Medicare → no JW/JZ and no waste prompt',
    encounter: { procedures: [proc({ kind: 'chemodenervation', site: site('scalp'), drug: { name: 'Botox', amountGiven: 100, unit: 'units' } })] },
    settings: { payer: 'medicare', wasteModifiers: 'never' },
    lines: ['64653', 'J0585 x100'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'one procedure split in two records (heading + body) → dose counted once, waste kept',
    encounter: {
      procedures: [
        proc({
          kind: 'chemodenervation',
          text: 'Chemodenervation',
          site: site('axilla', 'both axillae', 'bilateral'),
          drug: { name: 'onabotulinumtoxinA', amountGiven: 100, unit: 'units', container: 'single-dose' },
        }),
        proc({
          kind: 'chemodenervation',
          text: 'both axillae with onabotulinumtoxinA from a single-dose 200-unit vial: 50 units each axilla (100 units administered). 100 units discarded.',
          site: site('axilla', 'both axillae', 'bilateral'),
          drug: { name: 'onabotulinumtoxinA', amountGiven: 100, unit: 'units', amountWasted: 100, container: 'single-dose' },
        }),
      ],
    },
    settings: medicare,
    lines: ['64650', 'J0585 x100', 'J0585-JW x100'],
    findings: ['injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'hyperhidrosis with prior auth on file → no coverage prompt',
    encounter: {
      sections: { note: 'Axillary hyperhidrosis, failed Drysol. Prior auth on file. Botox 100 units both axillae.' },
      procedures: [
        proc({ kind: 'chemodenervation', site: site('axilla', 'both axillae', 'bilateral'), drug: { name: 'Botox', amountGiven: 100, unit: 'units' } }),
      ],
    },
    lines: ['64650', 'J0585 x100'],
    findings: ['injection/drug-waste', 'injection/ndc'],
  },
  {
    name: 'palms → 64999 (never 64653) + unlisted finding',
    encounter: {
      procedures: [
        proc({ kind: 'chemodenervation', site: site('palm', 'bilateral palms'), drug: { name: 'Botox', amountGiven: 100, unit: 'units', noWaste: true } }),
      ],
    },
    settings: medicare,
    lines: ['64999', 'J0585-JZ x100'],
    findings: ['injection/chemodenervation', 'injection/chemodenervation', 'injection/ndc'],
  },
  {
    name: 'area not documented → no chemodenervation code, finding; drug still coded',
    encounter: { procedures: [proc({ kind: 'chemodenervation', drug: { name: 'Myobloc', amountGiven: 2500, unit: 'units' } })] },
    lines: ['J0587 x25'],
    findings: ['injection/chemodenervation', 'injection/chemodenervation'],
  },
  {
    name: 'one axilla only → 64650 + warning',
    encounter: {
      procedures: [proc({ kind: 'chemodenervation', site: site('axilla', 'L axilla', 'left'), drug: { name: 'Xeomin', amountGiven: 50, unit: 'units' } })],
    },
    lines: ['64650', 'J0588 x50'],
    findings: ['injection/chemodenervation', 'injection/chemodenervation'],
  },
  {
    name: 'adalimumab SC on Medicare → no drug or admin line; SAD warning + PA prompt',
    encounter: {
      procedures: [
        proc({ kind: 'injection', text: 'Humira 40 mg SC given in clinic', drug: { name: 'Humira', amountGiven: 40, unit: 'mg', route: 'subcutaneous' } }),
      ],
    },
    settings: medicare,
    lines: [],
    findings: ['injection/self-administered-drug', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'dupilumab teaching dose, commercial → 96372 only, SAD warning + PA prompt',
    encounter: {
      procedures: [
        proc({
          kind: 'injection',
          text: 'Dupixent 600 mg loading dose administered in clinic as a teaching injection',
          drug: { name: 'Dupixent', amountGiven: 600, unit: 'mg' },
        }),
      ],
    },
    lines: ['96372'],
    findings: ['injection/self-administered-drug', 'injection/biologic-prior-authorization'],
  },
  {
    name: '"start adalimumab 160 mg loading then 40 mg weekly" is a prescription → no lines, info + PA prompt',
    encounter: {
      procedures: [
        proc({
          kind: 'injection',
          text: 'HS flaring: start adalimumab 160 mg loading then 40 mg weekly (prior auth submitted)',
          drug: { name: 'adalimumab', amountGiven: 160, unit: 'mg' },
        }),
      ],
    },
    lines: [],
    findings: ['injection/self-administered-drug', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'tildrakizumab 100 mg SC → 96372 + J3245×100, label [U] info + PA prompt',
    encounter: { procedures: [proc({ kind: 'injection', drug: { name: 'Ilumya', amountGiven: 100, unit: 'mg', route: 'subcutaneous' } })] },
    lines: ['96372', 'J3245 x100'],
    findings: ['injection/sc-im-administration', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'tildrakizumab, one prefilled syringe, amount not written → its labeled 100 mg: J3245×100 + info',
    encounter: {
      procedures: [
        proc({
          kind: 'injection',
          text: 'Tildrakizumab 100 mg/mL prefilled syringe administered subcutaneously to the L abdomen by RN in clinic.',
          drug: { name: 'Tildrakizumab', route: 'subcutaneous' },
        }),
      ],
    },
    lines: ['96372', 'J3245 x100'],
    // A prefilled syringe is a single-use package (§9.4): commercial payers get the JW/JZ and NDC reminders.
    findings: [
      'injection/sc-im-administration',
      'injection/sc-im-administration',
      'injection/drug-waste',
      'injection/ndc',
      'injection/biologic-prior-authorization',
    ],
  },
  {
    name: 'tildrakizumab, one whole prefilled syringe, Medicare → nothing discarded: J3245-JZ ×100',
    encounter: {
      procedures: [
        proc({
          kind: 'injection',
          text: 'Ilumya 100 mg/mL prefilled syringe given SC in the L abdomen by our MA.',
          drug: { name: 'Ilumya', route: 'subcutaneous' },
        }),
      ],
    },
    settings: medicare,
    lines: ['96372', 'J3245-JZ x100'],
    findings: ['injection/sc-im-administration', 'injection/sc-im-administration', 'injection/ndc', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'tildrakizumab, amount not written and no syringe named → no drug line, asks for the dose',
    encounter: {
      procedures: [proc({ kind: 'injection', text: 'Tildrakizumab given subcutaneously by RN.', drug: { name: 'Tildrakizumab', route: 'subcutaneous' } })],
    },
    lines: ['96372'],
    findings: ['injection/sc-im-administration', 'injection/sc-im-administration', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'prior authorization documented as on file → no PA prompt',
    encounter: {
      sections: { note: 'Psoriasis, BSA 12%. Prior auth on file. Ilumya 100 mg SC given by RN.' },
      procedures: [proc({ kind: 'injection', drug: { name: 'Ilumya', amountGiven: 100, unit: 'mg', route: 'subcutaneous' } })],
    },
    lines: ['96372', 'J3245 x100'],
    findings: ['injection/sc-im-administration'],
  },
  {
    name: 'omalizumab: code unverified → 96372, no guessed drug code',
    encounter: { procedures: [proc({ kind: 'injection', drug: { name: 'Xolair', amountGiven: 300, unit: 'mg', route: 'subcutaneous' } })] },
    lines: ['96372'],
    findings: ['injection/sc-im-administration', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'infliximab 400 mg over 2 hours, no waste, Medicare → 96365 + 96366 + J1745×40-JZ',
    encounter: {
      procedures: [
        proc({
          kind: 'infusion',
          text: 'Remicade 400 mg infused over 2 hours',
          drug: { name: 'infliximab', amountGiven: 400, unit: 'mg', route: 'intravenous', noWaste: true },
        }),
      ],
    },
    settings: medicare,
    lines: ['96365', '96366', 'J1745-JZ x40'],
    findings: ['injection/infusion', 'injection/ndc', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'a drugless "infusion" line plus the infliximab infusion → one set of admin lines, time borrowed',
    encounter: {
      procedures: [
        proc({ kind: 'infusion', text: 'Infusion start 09:00, stop 11:00 (2 hours), RN monitored.' }),
        proc({
          kind: 'infusion',
          text: 'Infliximab 400 mg IV',
          drug: { name: 'infliximab', amountGiven: 400, unit: 'mg', route: 'intravenous', noWaste: true },
        }),
      ],
    },
    lines: ['96365', '96366', 'J1745 x40'],
    findings: ['injection/infusion', 'injection/drug-waste', 'injection/ndc', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'infliximab, infusion time missing → 96365 only + warning',
    encounter: { procedures: [proc({ kind: 'infusion', drug: { name: 'Remicade', amountGiven: 300, unit: 'mg', route: 'intravenous' } })] },
    lines: ['96365', 'J1745 x30'],
    findings: ['injection/infusion', 'injection/infusion', 'injection/drug-waste', 'injection/ndc', 'injection/biologic-prior-authorization'],
  },
  {
    name: 'spesolimab IV: code unverified → infusion admin, no drug line',
    encounter: {
      procedures: [proc({ kind: 'infusion', text: 'infusion time 90 min', drug: { name: 'Spevigo', amountGiven: 900, unit: 'mg', route: 'intravenous' } })],
    },
    lines: ['96365'],
    findings: ['injection/infusion', 'injection/biologic-prior-authorization'],
  },
];

describe('injection rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = codeWith(injectionRules, c.encounter, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('JA/JB on a multi-route drug code', () => {
    const entry: DrugEntry = {
      id: 'test',
      label: 'Test drug',
      names: ['test'],
      hcpcs: 'J9999',
      per: { amount: 1, unit: 'mg' },
      routes: ['intravenous', 'subcutaneous'],
      multiRoute: true,
      confidence: 'U',
    };
    const emit = defineRule({
      id: 'injection/test-emit',
      family: 'injection',
      phase: 'code',
      title: 'test',
      explain: 'test',
      references: [],
      status: 'stable',
      apply(ctx) {
        for (const p of ctx.performed('injection')) {
          addDrugLine(ctx, [p], {
            entry,
            amount: 5,
            wasted: undefined,
            noWaste: false,
            container: 'multi-dose',
            route: p.drug?.route,
            ndc: undefined,
            drugName: 'test',
          });
        }
      },
    });
    const result = codeWith([emit, ...injectionRules.filter((r) => r.id === 'injection/route-modifier')], {
      procedures: [
        proc({ kind: 'injection', drug: { name: 'x', route: 'intravenous' } }),
        proc({ kind: 'injection', drug: { name: 'x', route: 'subcutaneous' } }),
        proc({ kind: 'injection', drug: { name: 'x' } }),
      ],
    });
    expect(result.lines).toEqual(['J9999-JA x5', 'J9999-JB x5', 'J9999 x5'].map(L));
    expect(result.findings).toEqual(['injection/route-modifier']);
  });

  it('whole registry: Kenalog IM keeps its admin + drug pair', () => {
    const result = code(
      { procedures: [proc({ kind: 'injection', drug: { name: 'Kenalog-40', amountGiven: 40, unit: 'mg', route: 'intramuscular' } })] },
      { pathology: 'external' },
    );
    expect(result.lines.filter((l) => ['96372', 'J3301'].includes(l.code)).map((l) => `${l.code}x${l.units}`)).toEqual(['96372x1', 'J3301x4']);
  });
});

describe('an item number is no lesion count', () => {
  it('"#6 keloid upper chest x1 -- ILK": one keloid, no "count unclear" warning', async () => {
    const { countInText, LESION_NOUNS } = await import('../../../core/rules/procedure-text');
    expect(countInText('#6 keloid upper chest x1, itchy -- ILK Kenalog 10 mg/mL 0.3 cc', LESION_NOUNS)).toBeUndefined();
    expect(countInText('6 keloids upper chest -- ILK', LESION_NOUNS)).toBe(6);
  });
});

describe('drug catalog helpers', () => {
  it('finds drugs by brand, generic and abbreviation', () => {
    expect(findDrug('Kenalog-40')?.hcpcs).toBe('J3301');
    expect(findDrug('ILK 10 mg/mL')?.hcpcs).toBe('J3301');
    expect(findDrug('Ameluz 10% gel')?.hcpcs).toBe('J7345');
    expect(findDrug('Levulan Kerastick')?.hcpcs).toBe('J7308');
    expect(findDrug('Dysport')?.hcpcs).toBe('J0586');
    expect(findDrug('botulinum toxin')).toBeUndefined(); // brand needed: four toxins, four codes
    expect(findDrug(undefined, 'J1745')?.id).toBe('infliximab');
  });
  it('does dose arithmetic and rounds partial units up', () => {
    const tac = findDrug('triamcinolone') as DrugEntry;
    expect(concentrationMgPerMl(tac, 'Kenalog-10')).toBe(10);
    expect(concentrationMgPerMl(tac, 'triamcinolone 2.5 mg/mL')).toBe(2.5);
    expect(concentrationMgPerMl(tac, 'ILK 5 mg/cc')).toBe(5);
    expect(amountInBillingMeasure(tac, 0.3, 'mL', 'Kenalog-10')).toBeCloseTo(3);
    expect(amountInBillingMeasure(tac, 1, 'mL', 'triamcinolone')).toBeUndefined();
    expect(billingUnits(tac, 40)).toBe(4);
    expect(billingUnits(tac, 5)).toBe(1);
    expect(billingUnits(tac, 41)).toBe(5);
    const ameluz = findDrug('Ameluz') as DrugEntry;
    expect(billingUnits(ameluz, amountInBillingMeasure(ameluz, 1, 'tube', 'Ameluz') as number)).toBe(200);
    expect(billingUnits(ameluz, amountInBillingMeasure(ameluz, 2, 'g', 'Ameluz') as number)).toBe(200);
  });
  it('reads infusion time and counts +96366 hours by the CPT convention', () => {
    expect(infusionMinutes('infused over 2 hours')).toBe(120);
    expect(infusionMinutes('infusion time: 150 min')).toBe(150);
    expect(infusionMinutes('given IV')).toBeUndefined();
    expect(infusionMinutes('Infusion start 09:00, stop 11:00 (2 hours), RN monitored')).toBe(120);
    expect(infusionMinutes('Started 11:30, completed 1:15')).toBe(105);
    expect(infusionMinutes('Infliximab 400 mg in 250 mL NS infused, 2.5 hours total')).toBe(150);
    expect(infusionMinutes('Observed for 30 minutes after the infusion.')).toBeUndefined();
    expect(infusionUnits(15)).toEqual({ initial: false, additional: 0 });
    expect(infusionUnits(60)).toEqual({ initial: true, additional: 0 });
    expect(infusionUnits(90)).toEqual({ initial: true, additional: 0 });
    expect(infusionUnits(91)).toEqual({ initial: true, additional: 1 });
    expect(infusionUnits(150)).toEqual({ initial: true, additional: 1 });
    expect(infusionUnits(151)).toEqual({ initial: true, additional: 2 });
  });
});

describe('property: the pathology, phototherapy, injection and other-procedure families never crash or emit unknown codes', () => {
  const kinds = [
    'intralesional-injection',
    'injection',
    'infusion',
    'chemodenervation',
    'phototherapy',
    'laser-psoriasis',
    'pdt',
    'incision-drainage',
    'acne-surgery',
    'paring',
    'nail',
    'debridement',
    'chemical-peel',
    'unlisted',
  ] as const;
  const drugNames = [
    'Kenalog-10',
    'Kenalog-40',
    'triamcinolone',
    'Botox',
    'Dysport',
    'Xeomin',
    'Myobloc',
    'Levulan',
    'Ameluz',
    'Remicade',
    'Ilumya',
    'Humira',
    'Xolair',
    'lidocaine',
    'mystery',
  ];
  const units = ['mg', 'units', 'mL', 'g', 'stick', 'tube'] as const;
  const sites = ['axilla', 'palm', 'sole', 'face', 'scalp', 'back', 'toenail', 'nope', undefined];
  const procedure = fc.record({
    kind: fc.constantFrom(...kinds),
    count: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    areaSqCm: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    site: fc.constantFrom(...sites),
    text: fc.constantFrom(
      '',
      'no packing',
      'curettage then PDT',
      'infused over 2 hours',
      'total treated area 300 sq cm',
      'KOH hyphae',
      'granulation silver nitrate',
      'superficial peel',
    ),
    appliedBy: fc.option(fc.constantFrom('physician' as const, 'staff' as const), { nil: undefined }),
    debridement: fc.option(fc.boolean(), { nil: undefined }),
    drug: fc.option(
      fc.record({
        name: fc.constantFrom(...drugNames),
        amountGiven: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: undefined }),
        unit: fc.option(fc.constantFrom(...units), { nil: undefined }),
        amountWasted: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined }),
        noWaste: fc.option(fc.boolean(), { nil: undefined }),
        container: fc.option(fc.constantFrom('single-dose' as const, 'multi-dose' as const), { nil: undefined }),
        route: fc.option(
          fc.constantFrom('intralesional' as const, 'subcutaneous' as const, 'intramuscular' as const, 'intravenous' as const, 'topical' as const),
          { nil: undefined },
        ),
      }),
      { nil: undefined },
    ),
  });
  const report = fc.record({
    specimenLabel: fc.constantFrom('A', 'B', 'Z'),
    diagnosisText: fc.constant('dx'),
    behavior: fc.constant('benign' as const),
    specimenType: fc.constantFrom('skin' as const, 'cyst' as const, 'mohs' as const, 'other' as const),
    stains: fc.array(
      fc.record({
        name: fc.constantFrom('PAS', 'H&E', 'trichrome', 'iron'),
        group: fc.constantFrom('I' as const, 'II' as const, 'III' as const, 'frozen' as const),
        blocks: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 3 },
    ),
    ihc: fc.array(fc.record({ antibody: fc.constantFrom('SOX10', 'MART-1'), multiplex: fc.boolean() }), { maxLength: 3 }),
    frozenSectionBlocks: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    consultation: fc.option(fc.constantFrom('88321' as const, '88323' as const, '88325' as const), { nil: undefined }),
  });
  it('holds for random encounters and settings', () => {
    fc.assert(
      fc.property(
        fc.array(procedure, { maxLength: 5 }),
        fc.array(report, { maxLength: 3 }),
        fc.constantFrom('medicare' as const, 'commercial' as const),
        fc.constantFrom('in-house' as const, 'professional' as const, 'external' as const),
        fc.constantFrom('payer-default' as const, 'always' as const, 'never' as const),
        (procs, reports, payer, pathology, wasteModifiers) => {
          const procedures = procs.map((p) => proc({ ...p, site: p.site ? { key: p.site, text: p.site } : undefined }));
          const result = codeWith(
            [...pathologyRules, ...phototherapyRules, ...injectionRules, ...otherProceduresRules],
            { procedures, specimens: [{ label: 'A' }], pathology: reports },
            { payer, pathology, wasteModifiers },
          );
          for (const f of result.draft.findings) expect(f.message).not.toMatch(/Internal error/);
          for (const l of result.draft.lines) {
            expect(codeInfo(l.code), l.code).toBeDefined();
            expect(Number.isInteger(l.units) && l.units >= 1).toBe(true);
          }
          if (pathology === 'external') expect(result.draft.lines.filter((l) => /^88/.test(l.code))).toEqual([]);
          // Never both 11900 and 11901, never two PDT codes, never 96372 next to 11900/11901 for the same procedure.
          const codes = result.draft.lines.map((l) => l.code);
          expect(codes.includes('11900') && codes.includes('11901')).toBe(false);
          expect(codes.filter((c) => ['96567', '96573', '96574'].includes(c)).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
