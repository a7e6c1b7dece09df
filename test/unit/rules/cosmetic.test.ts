import { describe, expect, it } from 'vitest';
import type { EncounterInput, ProcedureInput, SettingsInput } from '../../../core/model';
import { cosmeticRules } from '../../../core/rules/cosmetic';
import type { NewLine } from '../../../core/rules/draft-line';
import { codeWith } from './family-harness';
import { L, proc } from './harness';
import { stubLines } from './stub';

interface Case {
  name: string;
  procedures: ProcedureInput[];
  /** Lines the procedure families would have made. */
  lines: NewLine[];
  input?: Partial<EncounterInput>;
  settings?: SettingsInput;
  expected: { line: string; billing: 'insurance' | 'self-pay'; dx?: string[] }[];
  findings?: string[];
}

const back = { key: 'back', text: 'back' };
const sk = (p: Partial<ProcedureInput> = {}) =>
  proc({ id: 'p1', kind: 'destruction-benign', lesionType: 'seborrheic-keratosis', count: 3, site: back, ...p } as ProcedureInput);

const cases: Case[] = [
  {
    name: 'cosmetic SK destruction, commercial → self-pay with Z41.1',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    expected: [{ line: '17110', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic SK destruction, Medicare → self-pay, not sent, so no GY by default',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    expected: [{ line: '17110', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic removal, Medicare with a voluntary ABN → self-pay; GY/GX only on a requested denial',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    input: { visit: { abnOnFile: true, problems: [] } },
    settings: { payer: 'medicare' },
    expected: [{ line: '17110', billing: 'self-pay' }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic removal, Medicare, the patient asks for a denial, no ABN → sent with GY (§12.5)',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    input: { visit: { denialRequested: true, problems: [] } },
    settings: { payer: 'medicare' },
    expected: [{ line: '17110-GY', billing: 'insurance', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic removal, Medicare, a requested denial with a voluntary ABN → GY and GX (§12.4)',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    input: { visit: { denialRequested: true, abnOnFile: true, problems: [] } },
    settings: { payer: 'medicare' },
    expected: [{ line: '17110-GY-GX', billing: 'insurance', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic removal, commercial: a denial request changes nothing (GY/GX are Medicare modifiers)',
    procedures: [sk({ cosmetic: true })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    input: { visit: { denialRequested: true, problems: [] } },
    expected: [{ line: '17110', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'SK with no indication, commercial → self-pay + warning',
    procedures: [sk()],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    expected: [{ line: '17110', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/benign-no-indication'],
  },
  {
    name: 'SK with no indication, Medicare without ABN → GZ, practice liable',
    procedures: [sk()],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    expected: [{ line: '17110-GZ', billing: 'insurance', dx: [] }],
    findings: ['cosmetic/benign-no-indication', 'cosmetic/benign-no-indication'],
  },
  {
    name: 'lipoma excised with no indication and its layered repair → both self-pay (the closure follows the removal)',
    procedures: [
      proc({ id: 'p1', kind: 'excision', lesionLabels: ['L1'], lesionType: 'lipoma', site: back } as ProcedureInput),
      proc({ id: 'p2', kind: 'repair', lesionLabels: ['L1'], repairLevel: 'intermediate', lengthCm: 4, site: back } as ProcedureInput),
    ],
    lines: [
      { code: '11403', procedureIds: ['p1'] },
      { code: '12032', procedureIds: ['p2'] },
    ],
    expected: [
      { line: '11403', billing: 'self-pay', dx: ['Z41.1'] },
      { line: '12032', billing: 'self-pay', dx: ['Z41.1'] },
    ],
    findings: ['cosmetic/benign-no-indication'],
  },
  {
    name: 'SK with no indication, Medicare with ABN → GA',
    procedures: [sk()],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    input: { visit: { abnOnFile: true, problems: [] } },
    settings: { payer: 'medicare' },
    expected: [{ line: '17110-GA', billing: 'insurance' }],
    findings: ['cosmetic/benign-no-indication'],
  },
  {
    name: 'SK with a documented symptom → medical',
    procedures: [sk({ indications: ['itching', 'bleeding'] })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    expected: [{ line: '17110', billing: 'insurance' }],
  },
  {
    name: 'inflamed SK is its own indication',
    procedures: [sk({ lesionType: 'inflamed-seborrheic-keratosis' })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    expected: [{ line: '17110', billing: 'insurance' }],
  },
  {
    name: 'consent boilerplate ("risks of bleeding, pain") is not an indication',
    procedures: [sk({ text: 'Cryotherapy to 3 SKs. Risks of bleeding, pain, scarring discussed.' })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    expected: [{ line: '17110', billing: 'self-pay' }],
    findings: ['cosmetic/benign-no-indication'],
  },
  {
    name: 'warts are infectious: medical without other indication',
    procedures: [sk({ lesionType: 'wart' })],
    lines: [{ code: '17110', procedureIds: ['p1'] }],
    expected: [{ line: '17110', billing: 'insurance' }],
  },
  {
    name: 'cryotherapy for acne cysts is treatment, not cosmetic',
    procedures: [
      proc({
        id: 'p1',
        kind: 'destruction-unspecified',
        lesionType: 'cyst',
        text: 'Cryotherapy for acne: liquid nitrogen slush to the face',
        site: { key: 'face', text: 'face' },
      }),
    ],
    lines: [{ code: '17340', procedureIds: ['p1'] }],
    expected: [{ line: '17340', billing: 'insurance' }],
  },
  {
    name: 'AK destruction is covered (NCD)',
    procedures: [proc({ id: 'p1', kind: 'destruction-premalignant', lesionType: 'actinic-keratosis', count: 4 })],
    lines: [{ code: '17000', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    expected: [{ line: '17000', billing: 'insurance' }],
  },
  {
    name: 'skin tags without indication → self-pay',
    procedures: [proc({ id: 'p1', kind: 'skin-tag-removal', count: 6, site: { key: 'neck', text: 'neck' } })],
    lines: [{ code: '11200', procedureIds: ['p1'] }],
    expected: [{ line: '11200', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/benign-no-indication'],
  },
  {
    name: 'nevus shave with clinical suspicion → medical',
    procedures: [proc({ id: 'p1', kind: 'shave-removal', lesionType: 'nevus', text: 'changing nevus, irregular border', specimenLabel: 'A' })],
    lines: [{ code: '11301', procedureIds: ['p1'], specimenLabels: ['A'] }],
    expected: [{ line: '11301', billing: 'insurance' }],
  },
  {
    name: 'nevus excision that pathology proved malignant → medical',
    procedures: [proc({ id: 'p1', kind: 'excision', lesionType: 'nevus', specimenLabel: 'A' })],
    lines: [{ code: '11602', procedureIds: ['p1'], specimenLabels: ['A'] }],
    input: { pathology: [{ specimenLabel: 'A', diagnosisText: 'Melanoma in situ', behavior: 'in-situ' }] },
    expected: [{ line: '11602', billing: 'insurance' }],
  },
  {
    name: 'botulinum toxin for glabellar lines → drug and injection lines self-pay',
    procedures: [proc({ id: 'p1', kind: 'chemodenervation', text: 'Botox 20 units to glabellar lines', site: { key: 'glabella', text: 'glabella' } })],
    lines: [
      { code: '64612', procedureIds: ['p1'] },
      { code: 'J0585', units: 20, procedureIds: ['p1'] },
    ],
    settings: { payer: 'medicare' },
    expected: [
      { line: '64612', billing: 'self-pay' },
      { line: 'J0585 x20', billing: 'self-pay' },
    ],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic service with no CPT line → info only',
    procedures: [proc({ id: 'p1', kind: 'cosmetic-other', text: 'fractional laser resurfacing, full face' })],
    lines: [],
    expected: [],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'cosmetic chemical peel → self-pay',
    procedures: [proc({ id: 'p1', kind: 'chemical-peel', text: 'glycolic peel for photoaging', site: { key: 'face', text: 'face' } })],
    lines: [{ code: '15788', procedureIds: ['p1'] }],
    expected: [{ line: '15788', billing: 'self-pay', dx: ['Z41.1'] }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'peel for 20 AKs after failed 5-FU → insurance + info',
    procedures: [
      proc({
        id: 'p1',
        kind: 'chemical-peel',
        lesionType: 'actinic-keratosis',
        count: 20,
        text: 'medium-depth TCA peel for 20 AKs; failed 5-FU last spring',
      }),
    ],
    lines: [{ code: '15789', procedureIds: ['p1'] }],
    expected: [{ line: '15789', billing: 'insurance' }],
    findings: ['cosmetic/chemical-peel'],
  },
  {
    name: 'peel for 16 AKs, "no response to imiquimod" counts as failure',
    procedures: [
      proc({
        id: 'p1',
        kind: 'chemical-peel',
        lesionType: 'actinic-keratosis',
        count: 16,
        text: 'Jessner/TCA peel, 16 AKs, no response to imiquimod x2 courses',
      }),
    ],
    lines: [{ code: '15789', procedureIds: ['p1'] }],
    expected: [{ line: '15789', billing: 'insurance' }],
    findings: ['cosmetic/chemical-peel'],
  },
  {
    name: 'peel for 24 AKs whose failed 5-FU is told only in the history → insurance',
    input: { sections: { subjective: 'Failed 5-FU 5% cream x 4 wk (03/2026) and imiquimod x 8 wk - persistent AKs.' } },
    procedures: [proc({ id: 'p1', kind: 'chemical-peel', lesionType: 'actinic-keratosis', count: 24, text: 'Medium-depth chemical peel, full face: TCA 35%' })],
    lines: [{ code: '15789', procedureIds: ['p1'] }],
    expected: [{ line: '15789', billing: 'insurance' }],
    findings: ['cosmetic/chemical-peel'],
  },
  {
    name: 'peel for a few AKs without failed topicals → self-pay + warning',
    procedures: [proc({ id: 'p1', kind: 'chemical-peel', lesionType: 'actinic-keratosis', count: 6, text: 'TCA peel for AKs' })],
    lines: [{ code: '15789', procedureIds: ['p1'] }],
    expected: [{ line: '15789', billing: 'self-pay' }],
    findings: ['cosmetic/chemical-peel'],
  },
  {
    name: 'pathology line follows its cosmetic procedure through the specimen',
    procedures: [proc({ id: 'p1', kind: 'shave-removal', lesionType: 'nevus', cosmetic: true, specimenLabel: 'A' })],
    lines: [
      { code: '11300', procedureIds: ['p1'], specimenLabels: ['A'] },
      { code: '88305', specimenLabels: ['A'] },
    ],
    expected: [
      { line: '11300', billing: 'self-pay' },
      { line: '88305', billing: 'self-pay' },
    ],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'one 17110 for a cosmetic and a medical lesion → split: the medical part insurance, the cosmetic part self-pay',
    procedures: [sk({ cosmetic: true }), proc({ id: 'p2', kind: 'destruction-benign', lesionType: 'wart', count: 2 })],
    lines: [{ code: '17110', procedureIds: ['p1', 'p2'] }],
    expected: [
      { line: '17110', billing: 'insurance' },
      { line: '17110', billing: 'self-pay', dx: ['Z41.1'] },
    ],
    findings: ['cosmetic/self-pay', 'cosmetic/self-pay'],
  },
  {
    name: 'a mixed line of another code (shave removal) cannot be split → stays insurance + split warning',
    procedures: [
      proc({ id: 'p1', kind: 'shave-removal', lesionType: 'seborrheic-keratosis', cosmetic: true }),
      proc({ id: 'p2', kind: 'shave-removal', lesionType: 'wart' }),
    ],
    lines: [{ code: '11300', procedureIds: ['p1', 'p2'] }],
    expected: [{ line: '11300', billing: 'insurance' }],
    findings: ['cosmetic/self-pay'],
  },
  {
    name: 'AK documented as cosmetic → honoured, with a note to verify',
    procedures: [proc({ id: 'p1', kind: 'destruction-premalignant', lesionType: 'actinic-keratosis', count: 2, cosmetic: true })],
    lines: [{ code: '17000', procedureIds: ['p1'] }],
    expected: [{ line: '17000', billing: 'self-pay' }],
    findings: ['cosmetic/self-pay', 'cosmetic/self-pay'],
  },
];

describe('cosmetic rules', () => {
  it('tells the Medicare biller how to request a denial (GY, GX with the voluntary ABN)', () => {
    const r = codeWith(
      [stubLines([{ code: '17110', procedureIds: ['p1'] }]), ...cosmeticRules],
      { procedures: [sk({ cosmetic: true })], visit: { abnOnFile: true, problems: [] } },
      { payer: 'medicare' },
    );
    const f = r.draft.findings.find((x) => x.rule === 'cosmetic/self-pay');
    expect(f?.message).toContain('not sent to Medicare');
    expect(f?.fix).toContain('GY and GX');
  });

  for (const c of cases) {
    it(c.name, () => {
      const r = codeWith([stubLines(c.lines), ...cosmeticRules], { procedures: c.procedures, ...c.input }, c.settings);
      expect(r.lines).toEqual(c.expected.map((e) => L(e.line)));
      expect(r.draft.lines.map((l) => l.billing)).toEqual(c.expected.map((e) => e.billing));
      c.expected.forEach((e, i) => {
        if (e.dx) expect(r.draft.lines[i]?.dx).toEqual(e.dx);
      });
      expect(r.findings).toEqual(c.findings ?? []);
    });
  }
});
