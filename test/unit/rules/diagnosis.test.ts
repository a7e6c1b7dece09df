import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import { diagnosisRules } from '../../../core/rules/diagnosis';
import type { NewLine } from '../../../core/rules/draft-line';
import { codeWith } from './family-harness';
import { proc } from './harness';
import { stubLines } from './stub';

interface Case {
  name: string;
  input: EncounterInput;
  lines: NewLine[];
  settings?: SettingsInput;
  /** Expected dx per line, in claim order. */
  dx: string[][];
  findings?: string[];
}

const site = (key: string, laterality?: 'left' | 'right' | 'bilateral', subsite?: string) => ({ key, text: key, laterality, subsite });

const cases: Case[] = [
  {
    name: 'biopsy before pathology of a lesion of uncertain nature → D49.2',
    input: {
      lesions: [{ label: 'A', site: site('cheek', 'right'), clinicalDiagnosis: 'r/o BCC' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      specimens: [{ label: 'A', lesionLabel: 'A' }],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
  },
  {
    name: 'clinically "BCC" but pathology pending → still D49.2, not a cancer code',
    input: {
      lesions: [{ label: 'A', site: site('nose'), clinicalDiagnosis: 'BCC' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
  },
  {
    name: 'final pathology BCC of the cheek → C44.319 on the biopsy and its pathology line',
    input: {
      lesions: [{ label: 'A', site: site('cheek', 'right'), clinicalDiagnosis: 'r/o BCC' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      specimens: [{ label: 'A', lesionLabel: 'A' }],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma, nodular type', behavior: 'malignant' }],
    },
    lines: [
      { code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] },
      { code: '88305', specimenLabels: ['A'], family: 'pathology' },
    ],
    dx: [['C44.319'], ['C44.319']],
  },
  {
    name: 'BCC right forearm → C44.612 (C44 uses 2 for right)',
    input: {
      lesions: [{ label: 'B', site: site('forearm', 'right') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['B'], specimenLabel: 'B' })],
      pathology: [{ specimenLabel: 'B', diagnosisText: 'Basal cell carcinoma, superficial', behavior: 'malignant' }],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['B'], specimenLabels: ['B'] }],
    dx: [['C44.612']],
  },
  {
    name: 'side not documented → unspecified side + prompt',
    input: {
      lesions: [{ label: 'B', site: site('forearm') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['B'], specimenLabel: 'B' })],
      pathology: [{ specimenLabel: 'B', diagnosisText: 'Squamous cell carcinoma, well differentiated', behavior: 'malignant' }],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['B'], specimenLabels: ['B'] }],
    dx: [['C44.621']],
    findings: ['diagnosis/site-laterality'],
  },
  {
    name: 'BCC right upper eyelid → C44.1121',
    input: {
      lesions: [{ label: 'A', site: site('eyelid', 'right', 'upper') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-incisional', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'BCC', behavior: 'malignant' }],
    },
    lines: [{ code: '67810', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['C44.1121']],
  },
  {
    name: 'melanoma left upper arm → C43.62 (C43 uses 2 for left)',
    input: {
      lesions: [{ label: 'C', site: site('upper-arm', 'left') }],
      procedures: [proc({ id: 'p1', kind: 'excision', lesionLabels: ['C'], specimenLabel: 'C' })],
      pathology: [{ specimenLabel: 'C', diagnosisText: 'Malignant melanoma, superficial spreading type, Breslow 0.6 mm', behavior: 'malignant' }],
    },
    lines: [{ code: '11603', procedureIds: ['p1'], lesionLabels: ['C'], specimenLabels: ['C'] }],
    dx: [['C43.62']],
  },
  {
    name: 'pathology gives a header (C44.61) → the child for the documented side',
    input: {
      lesions: [{ label: 'A', site: site('forearm', 'left') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma', behavior: 'malignant', icd10: 'C44.61' }],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['C44.619']],
    findings: ['diagnosis/header-code'],
  },
  {
    name: 'documented D48.5 before pathology → D49.2 + prompt',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'atypical lesion', icd10: 'D48.5' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A' })],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
    findings: ['diagnosis/before-pathology'],
  },
  {
    name: 'pathologist states uncertain behavior → D48.5',
    input: {
      lesions: [{ label: 'A', site: site('thigh', 'left') }],
      procedures: [proc({ id: 'p1', kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Atypical spitzoid melanocytic neoplasm of uncertain malignant potential', behavior: 'uncertain' }],
    },
    lines: [{ code: '11402', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D48.5']],
  },
  {
    name: 're-excision with no residual tumor keeps the original malignant dx',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'BCC, biopsy proven', priorMalignantBiopsy: true }],
      procedures: [proc({ id: 'p1', kind: 'excision', lesionLabels: ['A'], specimenLabel: 'A', reExcision: true })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Scar; no residual basal cell carcinoma', behavior: 'benign' }],
    },
    lines: [{ code: '11602', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['C44.519']],
  },
  {
    name: 'Mohs of a biopsy-proven nasal BCC → C44.311',
    input: {
      lesions: [{ label: 'A', site: site('nasal-ala', 'left'), clinicalDiagnosis: 'basal cell carcinoma', priorMalignantBiopsy: true }],
      procedures: [proc({ id: 'p1', kind: 'mohs', lesionLabels: ['A'] })],
    },
    lines: [{ code: '17311', procedureIds: ['p1'], lesionLabels: ['A'] }],
    dx: [['C44.311']],
  },
  {
    name: 'benign nevus of the back on pathology → D22.5',
    input: {
      lesions: [{ label: 'A', site: site('back') }],
      procedures: [proc({ id: 'p1', kind: 'shave-removal', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Compound melanocytic nevus; negative for melanoma', behavior: 'benign' }],
    },
    lines: [{ code: '11301', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D22.5']],
  },
  {
    name: 'AK destruction without lesion labels → L57.0 from the procedure',
    input: { procedures: [proc({ id: 'p1', kind: 'destruction-premalignant', lesionType: 'actinic-keratosis', count: 5, site: site('face') })] },
    lines: [
      { code: '17000', procedureIds: ['p1'] },
      { code: '17003', units: 4, procedureIds: ['p1'] },
    ],
    dx: [['L57.0'], ['L57.0']],
  },
  {
    name: 'drug line takes the dx of its administration line',
    input: {
      lesions: [{ label: 'K', site: site('chest'), clinicalDiagnosis: 'keloid' }],
      procedures: [proc({ id: 'p1', kind: 'intralesional-injection', lesionLabels: ['K'], count: 1 })],
    },
    lines: [
      { code: '11900', procedureIds: ['p1'], lesionLabels: ['K'] },
      { code: 'J3301', units: 2, procedureIds: ['p1'] },
    ],
    dx: [['L91.0'], ['L91.0']],
  },
  {
    name: 'axillary hyperhidrosis chemodenervation → L74.510',
    input: {
      procedures: [proc({ id: 'p1', kind: 'chemodenervation', text: 'Botox 100 units for primary axillary hyperhidrosis', site: site('axilla', 'bilateral') })],
    },
    lines: [{ code: '64650', procedureIds: ['p1'] }],
    dx: [['L74.510']],
  },
  {
    name: 'E/M links the separately managed problems first',
    input: {
      visit: {
        problems: [
          { text: 'seborrheic keratosis', icd10: 'L82.1', separatelyManaged: false },
          { text: 'plaque psoriasis, start apremilast', separatelyManaged: true },
        ],
      },
    },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['L40.0', 'L82.1']],
  },
  {
    name: 'Z41.1 set by the cosmetic rules stays first',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'seborrheic keratosis' }],
      procedures: [proc({ id: 'p1', kind: 'destruction-benign', lesionLabels: ['A'] })],
    },
    lines: [{ code: '17110', procedureIds: ['p1'], lesionLabels: ['A'], dx: ['Z41.1'] }],
    dx: [['Z41.1', 'L82.1']],
  },
  {
    name: 'documented code contradicts the documented side → kept + mismatch prompt',
    input: {
      lesions: [{ label: 'A', site: site('forearm', 'right'), icd10: 'C44.619', priorMalignantBiopsy: true }],
      procedures: [proc({ id: 'p1', kind: 'destruction-malignant', lesionLabels: ['A'] })],
    },
    lines: [{ code: '17262', procedureIds: ['p1'], lesionLabels: ['A'] }],
    dx: [['C44.619']],
    findings: ['diagnosis/site-mismatch'],
  },
  {
    name: 'I&D of an abscess → L02 code by site and side',
    input: { procedures: [proc({ id: 'p1', kind: 'incision-drainage', text: 'I&D of fluctuant abscess, purulent drainage', site: site('thigh', 'right') })] },
    lines: [{ code: '10060', procedureIds: ['p1'] }],
    dx: [['L02.415']],
  },
  {
    name: 'no dx in the assessment: a fitting code written elsewhere in the note is used (info)',
    input: {
      sections: { note: 'Primary focal hyperhidrosis of the axillae (L74.510), failed Drysol. Hx of BCC (C44.41) 2019.' },
      procedures: [proc({ id: 'p1', kind: 'chemodenervation', text: 'Chemodenervation, both axillae', site: site('axilla', 'bilateral') })],
    },
    lines: [
      { code: '64650', procedureIds: ['p1'] },
      { code: 'J0585', units: 100, procedureIds: ['p1'] },
    ],
    dx: [['L74.510'], ['L74.510']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'E/M with no problem list: a site-independent condition named in the note, never a history mention',
    input: { sections: { note: 'Hx of BCC of the nose, s/p Mohs 2019. Plaque psoriasis flaring on elbows; start clobetasol.' } },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['L40.0']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'note text that names nothing fitting the procedure → still missing',
    input: {
      sections: { note: 'Seborrheic keratoses on the back, reassured.' },
      procedures: [proc({ id: 'p1', kind: 'chemodenervation', text: 'Botox to axillae', site: site('axilla') })],
    },
    lines: [{ code: '64650', procedureIds: ['p1'] }],
    dx: [[]],
    findings: ['diagnosis/missing'],
  },
  {
    name: 'no diagnosis anywhere → diagnosis/missing names the line',
    input: { procedures: [proc({ id: 'p1', kind: 'incision-drainage' })] },
    lines: [{ code: '10060', procedureIds: ['p1'] }],
    dx: [[]],
    findings: ['diagnosis/missing'],
  },
  {
    name: 'phototherapy for vitiligo → L80 from the procedure words',
    input: { procedures: [proc({ id: 'p1', kind: 'phototherapy', modality: 'nbuvb', text: 'NB-UVB session 14 for vitiligo' })] },
    lines: [{ code: '96900', procedureIds: ['p1'] }],
    dx: [['L80']],
  },
  {
    name: 'pathology outside the subset → unmapped prompt + missing',
    input: {
      lesions: [{ label: 'A', site: site('arm', 'left') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Interface change with dermal mucin, see comment', behavior: 'inflammatory' }],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [[]],
    findings: ['diagnosis/unmapped', 'diagnosis/missing'],
  },
  {
    name: 'one line for several lesions lists each dx once, the unspecified wart dropped beside specific ones',
    input: {
      lesions: [
        { label: 'A', site: site('back'), clinicalDiagnosis: 'wart' },
        { label: 'B', site: site('hand', 'left'), clinicalDiagnosis: 'verruca vulgaris' },
        { label: 'C', site: site('sole', 'right'), clinicalDiagnosis: 'plantar wart' },
      ],
      procedures: [proc({ id: 'p1', kind: 'destruction-benign', lesionLabels: ['A', 'B', 'C'] })],
    },
    lines: [{ code: '17110', procedureIds: ['p1'], lesionLabels: ['A', 'B', 'C'] }],
    dx: [['B07.8', 'B07.0']],
  },
  {
    name: 'acne cysts injected: the lesion type alone names no code, the procedure words do',
    input: {
      lesions: [{ label: '2' }],
      procedures: [
        proc({
          id: 'p1',
          kind: 'intralesional-injection',
          lesionLabels: ['2'],
          lesionType: 'cyst',
          text: 'Three tender acne cysts of the chin: ILK 2.5 mg/mL',
        }),
      ],
    },
    lines: [
      { code: '11900', procedureIds: ['p1'], lesionLabels: ['2'] },
      { code: 'J3301', procedureIds: ['p1'], lesionLabels: ['2'] },
    ],
    dx: [['L70.0'], ['L70.0']],
  },
  {
    name: 'E/M drops an unspecified code when a specific one of the same category is there',
    input: {
      visit: {
        problems: [
          { text: 'Acne vulgaris, start doxycycline', separatelyManaged: true },
          { text: 'acne', icd10: 'L70.9', separatelyManaged: true },
        ],
      },
    },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['L70.0']],
  },
  {
    name: 'G2211 carries the E/M diagnoses',
    input: { visit: { problems: [{ text: 'atopic dermatitis on dupilumab', separatelyManaged: true }] } },
    lines: [
      { code: '99214', family: 'evaluation' },
      { code: 'G2211', family: 'evaluation' },
    ],
    dx: [['L20.9'], ['L20.9']],
  },
  {
    name: 'malformed and header codes never reach the claim',
    input: {},
    lines: [{ code: '99213', family: 'evaluation', dx: ['L72.1'] }],
    dx: [[]],
    findings: ['diagnosis/header-code', 'diagnosis/missing'],
  },
];

describe('diagnosis rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = codeWith([stubLines(c.lines), ...diagnosisRules], c.input, c.settings);
      expect(r.draft.lines.map((l) => l.dx)).toEqual(c.dx);
      expect(r.findings).toEqual(c.findings ?? []);
    });
  }
});
