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
    name: '"SK lesions" names a diagnosis: not provisional',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'irritated SK lesions x2' }],
      procedures: [proc({ id: 'p1', kind: 'destruction-benign', lesionLabels: ['A'] })],
    },
    lines: [{ code: '17110', procedureIds: ['p1'], lesionLabels: ['A'] }],
    dx: [['L82.0']],
  },
  {
    name: 'a vague "pink papule" destroyed without a diagnosis → D49.2',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'pink papule' }],
      procedures: [proc({ id: 'p1', kind: 'shave-removal', lesionLabels: ['A'], specimenLabel: 'A' })],
    },
    lines: [{ code: '11301', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
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
    name: 'BCC R medial canthus: ICD-10-CM codes the canthus with the eyelid, no upper/lower lid → C44.111 + a verify prompt',
    input: {
      lesions: [{ label: 'A', site: { key: 'canthus', text: 'R medial canthus', laterality: 'right' } }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma, nodular type', behavior: 'malignant' }],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['C44.111']],
    findings: ['diagnosis/site-laterality'],
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
    name: 'E/M for a BCC referred to Mohs takes the site the problem names',
    input: {
      visit: {
        problems: [
          { text: 'Nodular basal cell carcinoma, R nasal ala - referred to Mohs', separatelyManaged: true },
          { text: 'SCC L forearm, referred to Mohs', separatelyManaged: true },
        ],
      },
    },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['C44.311', 'C44.629']],
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
    name: '"Dx: furuncle R thigh." on the line after the I&D is its own diagnosis: L02.425, no "taken from elsewhere" finding',
    input: {
      sections: { note: 'Hx of abscess L axilla 2024.\nI&D R thigh: fluctuant nodule incised, pus expressed.\nDx: furuncle R thigh.\n' },
      procedures: [
        proc({
          id: 'p1',
          kind: 'incision-drainage',
          text: 'I&D R thigh: fluctuant nodule incised, pus expressed.',
          site: site('thigh', 'right'),
          span: { section: 'note', start: 28, end: 80 },
        }),
      ],
    },
    lines: [{ code: '10060', procedureIds: ['p1'] }],
    dx: [['L02.425']],
  },
  {
    name: "a Dx line after the next procedure is that one's, not the I&D's: the furuncle is taken from the note (info)",
    input: {
      sections: { note: 'I&D R thigh: fluctuant nodule incised, pus expressed.\nShave removal L back.\nDx: furuncle R thigh.\n' },
      procedures: [
        proc({
          id: 'p1',
          kind: 'incision-drainage',
          text: 'I&D R thigh: fluctuant nodule incised, pus expressed.',
          site: site('thigh', 'right'),
          span: { section: 'note', start: 0, end: 52 },
        }),
        proc({ id: 'p2', kind: 'shave-removal', text: 'Shave removal L back.', site: site('back', 'left'), span: { section: 'note', start: 53, end: 74 } }),
      ],
    },
    lines: [{ code: '10060', procedureIds: ['p1'] }],
    dx: [['L02.425']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'a flowsheet\'s "• Dx:" bullet just above "• Tx: PUVA" is the session\'s own diagnosis (no "taken from elsewhere")',
    input: {
      sections: { note: 'Hx: BCC nose 2019.\n\n• Dx: chronic plaque psoriasis, ~20% BSA, failed NB-UVB\n• Tx: PUVA session #14\n• UVA 6.0 J/cm2\n' },
      procedures: [proc({ id: 'p1', kind: 'phototherapy', text: '• Tx: PUVA session #14', span: { section: 'note', start: 76, end: 98 } })],
    },
    lines: [{ code: '96912', procedureIds: ['p1'] }],
    dx: [['L40.0']],
  },
  {
    name: 'a biopsy to rule out extramammary Paget disease (EMPD) before pathology → D49.2 (§13.2)',
    input: {
      lesions: [{ label: '3', site: site('penis'), clinicalDiagnosis: 'r/o EMPD vs lichen sclerosus' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['3'], specimenLabel: '3' })],
      specimens: [{ label: '3', lesionLabel: '3' }],
    },
    lines: [{ code: '54100', procedureIds: ['p1'], lesionLabels: ['3'], specimenLabels: ['3'] }],
    dx: [['D49.2']],
  },
  {
    name: 'a cyst excised at R upper back, the preoperative list naming "Epidermoid cyst, R upper back" → L72.0 (and the scalp one pilar, L72.11)',
    input: {
      sections: {
        note: 'PREOPERATIVE DIAGNOSES:\n1. Epidermoid cyst, R upper back, recurrently inflamed.\n2. Pilar cyst, L parietal scalp.\n\nPROCEDURE 1 - R upper back\nExcised.\n',
      },
      lesions: [
        { label: 'L1', site: { key: 'upper-back', text: 'R upper back', laterality: 'right' } },
        { label: 'L2', site: { key: 'parietal-scalp', text: 'L parietal scalp', laterality: 'left' } },
      ],
      procedures: [
        proc({
          id: 'p1',
          kind: 'excision',
          lesionLabels: ['L1'],
          lesionType: 'cyst',
          text: 'Excision, R upper back',
          site: { key: 'upper-back', text: 'R upper back', laterality: 'right' },
        }),
        proc({
          id: 'p2',
          kind: 'excision',
          lesionLabels: ['L2'],
          lesionType: 'cyst',
          text: 'Excision, L parietal scalp',
          site: { key: 'parietal-scalp', text: 'L parietal scalp', laterality: 'left' },
        }),
      ],
    },
    lines: [
      { code: '11403', procedureIds: ['p1'], lesionLabels: ['L1'] },
      { code: '11422', procedureIds: ['p2'], lesionLabels: ['L2'] },
    ],
    dx: [['L72.0'], ['L72.11']],
  },
  {
    name: 'two kinds of cyst named at the same site: the family code stays (L72.9)',
    input: {
      sections: { note: 'Epidermoid cyst R upper back vs\npilar cyst R upper back.\n' },
      lesions: [{ label: 'L1', site: { key: 'upper-back', text: 'R upper back', laterality: 'right' } }],
      procedures: [
        proc({
          id: 'p1',
          kind: 'excision',
          lesionLabels: ['L1'],
          lesionType: 'cyst',
          text: 'Excision, R upper back',
          site: { key: 'upper-back', text: 'R upper back', laterality: 'right' },
        }),
      ],
    },
    lines: [{ code: '11403', procedureIds: ['p1'], lesionLabels: ['L1'] }],
    dx: [['L72.9']],
  },
  {
    name: 'the lesion line right above "I&D: …" is its own: furuncle of the buttock, L02.32, no "taken from elsewhere"',
    input: {
      sections: { note: 'Hx of cyst L axilla.\nFluctuant tender 2 cm abscess R buttock; furuncle.\nI&D: #11 blade stab incision, pus expressed.\n' },
      procedures: [
        proc({
          id: 'p1',
          kind: 'incision-drainage',
          text: 'I&D: #11 blade stab incision, pus expressed.',
          site: site('buttock', 'right'),
          span: { section: 'note', start: 72, end: 116 },
        }),
      ],
    },
    lines: [{ code: '10060', procedureIds: ['p1'] }],
    dx: [['L02.32']],
  },
  {
    name: 'a vulvar biopsy to rule out lichen sclerosus vs differentiated VIN before pathology → D49.2 (a neoplasm is in the differential)',
    input: {
      lesions: [{ label: 'A', site: site('vulva'), clinicalDiagnosis: 'r/o lichen sclerosus vs differentiated VIN' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A' })],
      specimens: [{ label: 'A', lesionLabel: 'A' }],
    },
    lines: [{ code: '56605', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
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
    name: 'E/M with no problem list: conditions named in the note, a history mention only as history',
    input: { sections: { note: 'Hx of BCC of the nose, s/p Mohs 2019. Plaque psoriasis flaring on elbows; start clobetasol.' } },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['L40.0', 'Z85.828']],
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
    name: 'pathology report names the other side → mismatch prompt',
    input: {
      lesions: [{ label: 'A', site: site('forearm', 'right') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', siteText: 'Skin, left forearm, shave', diagnosisText: 'Basal cell carcinoma', behavior: 'malignant' }],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['C44.612']],
    findings: ['diagnosis/site-mismatch'],
  },
  {
    name: 'procedure words "concerning for BCC" before pathology → D49.2, never a cancer code',
    input: {
      procedures: [
        proc({
          id: 'p1',
          kind: 'biopsy-tangential',
          specimenLabel: 'A',
          text: 'Shave biopsy of a pearly papule of the nasal tip, concerning for BCC',
          site: site('nasal-tip'),
        }),
      ],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
  },
  {
    name: 'rash biopsy: lesions carry no diagnosis, the assessment does',
    input: {
      visit: { problems: [{ text: 'Dermatitis, unspecified' }, { text: 'Await pathology' }] },
      lesions: [{ label: 'L1', site: site('upper-back', 'left') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['L1'], specimenLabel: 'A' })],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['L1'], specimenLabels: ['A'] }],
    dx: [['L30.9']],
  },
  {
    name: 'a closure takes the dx of the lesion excised there',
    input: {
      sections: { note: 'Biopsy-proven invasive SCC of the vertex scalp. Excision and complex repair.' },
      lesions: [{ label: 'L1', site: site('vertex') }],
      procedures: [proc({ id: 'p1', kind: 'excision', lesionLabels: ['L1'], specimenLabel: 'A' }), proc({ id: 'p2', kind: 'repair', lesionLabels: ['L1'] })],
    },
    lines: [
      { code: '11623', procedureIds: ['p1'], lesionLabels: ['L1'], specimenLabels: ['A'] },
      { code: '13121', procedureIds: ['p2'], lesionLabels: ['L1'] },
    ],
    dx: [['C44.42'], ['C44.42']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'a flap with no lesion label takes the dx of the Mohs it closes, not of its donor site',
    input: {
      lesions: [{ label: 'A', site: site('nasal-tip'), clinicalDiagnosis: 'BCC', priorMalignantBiopsy: true }],
      procedures: [
        proc({ id: 'm', kind: 'mohs', lesionLabels: ['A'] }),
        proc({ id: 'f', kind: 'flap', text: 'paramedian forehead flap for the nasal BCC defect', site: site('forehead') }),
      ],
    },
    lines: [
      { code: '17311', procedureIds: ['m'], lesionLabels: ['A'], siteKey: 'nasal-tip' },
      { code: '15731', procedureIds: ['f'], siteKey: 'forehead' },
    ],
    dx: [['C44.311'], ['C44.311']],
  },
  {
    name: 'a flap documented at its donor site still links the lesion site',
    input: {
      lesions: [{ label: 'L1', site: site('nasal-tip'), priorMalignantBiopsy: true }],
      procedures: [
        proc({ id: 'm', kind: 'mohs', lesionLabels: ['L1'], lesionType: 'bcc', site: site('nasal-tip') }),
        proc({ id: 'f', kind: 'flap', lesionLabels: ['L1'], lesionType: 'bcc', site: site('forehead') }),
      ],
    },
    lines: [
      { code: '17311', procedureIds: ['m'], lesionLabels: ['L1'] },
      { code: '15731', procedureIds: ['f'], lesionLabels: ['L1'] },
    ],
    dx: [['C44.311'], ['C44.311']],
  },
  {
    name: 're-excision with no residual tumor and no lesion dx: the cancer named in the history',
    input: {
      sections: { note: 'History: Melanoma in situ R upper arm excised elsewhere; margin involved. Re-excision of the scar.' },
      lesions: [{ label: 'L1', site: site('upper-arm', 'right') }],
      procedures: [
        proc({ id: 'p1', kind: 'excision', lesionLabels: ['L1'], specimenLabel: 'A', lesionType: 'scar', reExcision: true }),
        proc({ id: 'p2', kind: 'repair', lesionLabels: ['L1'], lesionType: 'scar' }),
      ],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Scar, no residual melanoma in situ identified.', behavior: 'benign' }],
    },
    lines: [
      { code: '11603', procedureIds: ['p1'], lesionLabels: ['L1'], specimenLabels: ['A'] },
      { code: '12032', procedureIds: ['p2'], lesionLabels: ['L1'] },
    ],
    dx: [['D03.61'], ['D03.61']],
  },
  {
    name: "re-excised atypical nevus beside another lesion's melanoma in situ: the nevus, not the melanoma",
    input: {
      sections: { note: 'Problem 1: Melanoma in situ, L upper back. Problem 2: Severely atypical compound nevus, R lateral neck; re-excision.' },
      lesions: [{ label: 'L2', site: site('lateral-neck', 'right'), clinicalDiagnosis: 'Severely atypical (dysplastic) compound nevus, R lateral neck' }],
      procedures: [proc({ id: 'p1', kind: 'excision', lesionLabels: ['L2'], specimenLabel: 'B', reExcision: true })],
      specimens: [{ label: 'B', lesionLabel: 'L2' }],
    },
    lines: [{ code: '11421', procedureIds: ['p1'], lesionLabels: ['L2'], specimenLabels: ['B'] }],
    dx: [['D22.4']],
  },
  {
    name: 'one visit-level diagnosis line covers lesions that carry none',
    input: {
      sections: { note: 'Dx: Inflamed seborrheic keratoses (L82.0), all symptomatic. Shave removal x2.' },
      lesions: [
        { label: 'L1', site: site('back'), clinicalDiagnosis: 'Inflamed seborrheic keratoses (L82.0)' },
        { label: 'L2', site: site('flank', 'left') },
      ],
      procedures: [proc({ id: 'p1', kind: 'shave-removal', lesionLabels: ['L1'] }), proc({ id: 'p2', kind: 'shave-removal', lesionLabels: ['L2'] })],
    },
    lines: [
      { code: '11301', procedureIds: ['p1'], lesionLabels: ['L1'] },
      { code: '11302', procedureIds: ['p2'], lesionLabels: ['L2'] },
    ],
    dx: [['L82.0'], ['L82.0']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'biopsy with no diagnosis anywhere, pathology pending → D49.2 + info',
    input: {
      lesions: [{ label: 'A', site: site('back') }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
    findings: ['diagnosis/before-pathology'],
  },
  {
    name: 'a fitting reading beats a misread lesion type (mycotic nails, not a wart)',
    input: { procedures: [proc({ id: 'p1', kind: 'nail', lesionType: 'wart', text: 'Debridement of mycotic nails, 7 nails' })] },
    lines: [{ code: '11721', procedureIds: ['p1'] }],
    dx: [['B35.1']],
  },
  {
    name: 'a generic "cyst" gives way to the epidermoid cyst the note names',
    input: {
      sections: { note: 'Dx: Infected (inflamed) epidermoid cyst with abscess, upper back. I&D complicated, packed.' },
      procedures: [proc({ id: 'p1', kind: 'incision-drainage', lesionType: 'cyst', text: 'I&D complicated, loculations, packed', site: site('upper-back') })],
    },
    lines: [{ code: '10061', procedureIds: ['p1'] }],
    dx: [['L72.0']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'acne (unspecified) gives way to the acne vulgaris the note names',
    input: {
      sections: { note: 'Acne vulgaris, inflammatory papules and cysts. Cryotherapy for acne: LN2 slush.' },
      procedures: [proc({ id: 'p1', kind: 'destruction-unspecified', lesionType: 'cyst', text: 'Cryotherapy for acne: LN2 slush', site: site('face') })],
    },
    lines: [{ code: '17340', procedureIds: ['p1'] }],
    dx: [['L70.0']],
  },
  {
    name: 'hidradenitis excision is for HS even when the procedure words do not say so',
    input: { procedures: [proc({ id: 'p1', kind: 'hidradenitis-excision', text: 'Excision of the sinus tract, 3 x 1 cm', site: site('perianal') })] },
    lines: [{ code: '11470', procedureIds: ['p1'] }],
    dx: [['L73.2']],
  },
  {
    name: 'pulsed dye laser for a port-wine stain → Q82.5',
    input: {
      sections: { note: 'Port-wine stain of the R upper arm, treatment #2. Pulsed dye laser 595 nm; 30 sq cm.' },
      procedures: [proc({ id: 'p1', kind: 'vascular-laser', text: 'Pulsed dye laser 595 nm; treated area 30 sq cm', site: site('upper-arm', 'right') })],
    },
    lines: [{ code: '17107', procedureIds: ['p1'] }],
    dx: [['Q82.5']],
    findings: ['diagnosis/link'],
  },
  {
    name: 'nail avulsion does not borrow the onychomycosis named for other nails',
    input: {
      sections: { note: 'Dx: Onychomycosis (B35.1); ingrown nail L great toe. Partial nail avulsion, L great toe.' },
      procedures: [proc({ id: 'p1', kind: 'nail', text: 'Partial nail avulsion, L great toe (ingrown)', site: site('toenail', 'left') })],
    },
    lines: [{ code: '11730', procedureIds: ['p1'] }],
    dx: [[]],
    findings: ['diagnosis/missing'],
  },
  {
    name: 'a nondiagnostic report does not turn a clinical "BCC" into a cancer code',
    input: {
      lesions: [{ label: 'A', site: site('back'), clinicalDiagnosis: 'BCC' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
      pathology: [{ specimenLabel: 'A', diagnosisText: 'Superficial specimen, nondiagnostic; recommend rebiopsy', behavior: 'nondiagnostic' }],
    },
    lines: [{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [['D49.2']],
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
    name: 'surveillance visit: history code, not screening',
    input: {
      visit: {
        problems: [
          { text: 'Full skin exam', separatelyManaged: false },
          { text: 'History of melanoma (2021, L upper back), no recurrence', separatelyManaged: false },
        ],
      },
    },
    lines: [{ code: '99213', family: 'evaluation' }],
    dx: [['Z85.820']],
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
    name: 'an unspecified reading gives way to the specific code the assessment documents for it',
    input: {
      visit: { problems: [{ text: 'Allergic contact dermatitis due to plants', icd10: 'L23.7', separatelyManaged: true }] },
      procedures: [proc({ id: 'p1', kind: 'injection', text: 'allergic contact dermatitis, extensive -- Kenalog 40 mg IM to the R gluteus' })],
    },
    lines: [{ code: '96372', procedureIds: ['p1'] }],
    dx: [['L23.7']],
  },
  // The reason a biopsy names for itself, with no impression of its own (reference §13.2: D49.2 is for a neoplasm).
  ...(
    [
      ['for alopecia', [], ['diagnosis/unmapped', 'diagnosis/missing', 'diagnosis/missing']],
      ['to evaluate for vasculitis', [], ['diagnosis/unmapped', 'diagnosis/missing', 'diagnosis/missing']],
      ['for possible lichen planus', [], ['diagnosis/unmapped', 'diagnosis/missing', 'diagnosis/missing']],
      ['for morphea', ['L94.0'], []],
      ['for granuloma annulare', ['L92.0'], []],
      ['for evaluation of a bullous eruption', ['R21'], []],
      ['to evaluate for BCC', ['D49.2'], []],
      ['for histopathology', ['D49.2'], ['diagnosis/before-pathology']],
    ] as const
  ).map(
    ([reason, dx, findings]): Case => ({
      name: `punch biopsy "${reason}", no impression, pathology pending → ${dx.length ? dx.join(', ') : 'asked'}`,
      input: {
        lesions: [{ label: 'A', site: site('forearm', 'left') }],
        procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A', text: `4 mm punch biopsy, L forearm, ${reason}.` })],
        specimens: [{ label: 'A', lesionLabel: 'A' }],
      },
      lines: [
        { code: '11104', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] },
        { code: '88305', family: 'pathology', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] },
      ],
      dx: [[...dx], [...dx]],
      findings: [...findings],
    }),
  ),
  {
    name: 'a written impression that names a non-neoplasm the subset cannot code ("alopecia") is asked for once, never D49.2',
    input: {
      lesions: [{ label: 'A', site: site('scalp'), clinicalDiagnosis: 'alopecia' }],
      procedures: [proc({ id: 'p1', kind: 'biopsy-punch', lesionLabels: ['A'], specimenLabel: 'A' })],
      specimens: [{ label: 'A', lesionLabel: 'A' }],
    },
    lines: [{ code: '11104', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }],
    dx: [[]],
    findings: ['diagnosis/unmapped', 'diagnosis/missing'],
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

it('a canthus tumour with no lid named: the prompt says why the side is lost (eyelid, including canthus)', () => {
  const r = codeWith([stubLines([{ code: '11102', procedureIds: ['p1'], lesionLabels: ['A'], specimenLabels: ['A'] }]), ...diagnosisRules], {
    lesions: [{ label: 'A', site: { key: 'canthus', text: 'R medial canthus', laterality: 'right' } }],
    procedures: [proc({ id: 'p1', kind: 'biopsy-tangential', lesionLabels: ['A'], specimenLabel: 'A' })],
    pathology: [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma, nodular type', behavior: 'malignant' }],
  });
  expect(r.draft.findings.map((f) => f.message)).toEqual([
    'Lesion A: ICD-10-CM codes the canthus with the eyelid ("eyelid, including canthus"), but its codes by side also name the upper or lower lid, which the note does not; the less specific C44.111 (unspecified eyelid) was used. Verify.',
  ]);
});

describe('diagnosis linking never crashes and never puts a header on a line', () => {
  it('holds for random lesions, sites, sides and pathology through the whole registry', async () => {
    const fc = await import('fast-check');
    const { SITES } = await import('../../../core/anatomy');
    const { isHeader, normalizeIcd10 } = await import('../../../core/codes/icd10');
    const { code } = await import('./harness');
    const siteKeys = Object.keys(SITES);
    const words = [
      'BCC',
      'r/o SCC',
      'melanoma in situ',
      'nevus',
      'SK',
      'ISK',
      'AK',
      'wart',
      'lesion',
      'keloid',
      'cyst',
      'lipoma',
      '?',
      'psoriasis',
      'hidradenitis abscess',
    ];
    const paths = [
      'Basal cell carcinoma',
      'Squamous cell carcinoma in situ',
      'Compound nevus',
      'Melanoma, invasive',
      'No residual tumor',
      'Spongiotic dermatitis',
      'Nondiagnostic',
    ];
    const kinds = [
      'biopsy-tangential',
      'biopsy-punch',
      'shave-removal',
      'excision',
      'destruction-benign',
      'destruction-malignant',
      'mohs',
      'intralesional-injection',
    ] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            siteKey: fc.option(fc.constantFrom(...siteKeys), { nil: undefined }),
            laterality: fc.option(fc.constantFrom('left', 'right', 'bilateral', 'midline'), { nil: undefined }),
            subsite: fc.option(fc.constantFrom('upper', 'lower', 'digit 2'), { nil: undefined }),
            clinical: fc.option(fc.constantFrom(...words), { nil: undefined }),
            icd10: fc.option(fc.constantFrom('C44.61', 'D48.5', 'L72.1', 'C44.612', 'X', 'L82.1'), { nil: undefined }),
            kind: fc.constantFrom(...kinds),
            path: fc.option(fc.constantFrom(...paths), { nil: undefined }),
            payer: fc.constantFrom('commercial', 'medicare'),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (items) => {
          const labels = items.map((_, i) => String.fromCharCode(65 + i));
          const r = code(
            {
              visit: { dateOfService: '2026-05-01', emCode: '99213', problems: [{ text: 'psoriasis', separatelyManaged: true }] },
              lesions: items.map((it, i) => ({
                label: labels[i] as string,
                site: it.siteKey ? { key: it.siteKey, text: it.siteKey, laterality: it.laterality, subsite: it.subsite } : undefined,
                clinicalDiagnosis: it.clinical,
                icd10: it.icd10,
              })),
              procedures: items.map((it, i) =>
                proc({
                  kind: it.kind,
                  lesionLabels: [labels[i] as string],
                  specimenLabel: labels[i],
                  site: it.siteKey ? { key: it.siteKey, text: it.siteKey } : undefined,
                  lesionDiameterCm: 1,
                  count: 1,
                }),
              ),
              pathology: items.flatMap((it, i) =>
                it.path ? [{ specimenLabel: labels[i] as string, diagnosisText: it.path, behavior: 'unknown' as const }] : [],
              ),
            },
            { payer: items[0]?.payer ?? 'commercial' },
          );
          for (const f of r.draft.findings)
            if (/^(diagnosis|evaluation|cosmetic|documentation)\//.test(f.rule)) expect(f.message).not.toMatch(/Internal error/);
          for (const line of r.draft.lines) {
            expect(line.dx.length).toBeLessThanOrEqual(4);
            for (const dx of line.dx) {
              expect(isHeader(dx)).toBe(false);
              expect(normalizeIcd10(dx)).toBe(dx);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
