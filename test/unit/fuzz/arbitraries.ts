import fc from 'fast-check';
import { SITES } from '../../../core/anatomy/sites';
import { DRUGS } from '../../../core/codes/drugs';
import { Behavior, Encounter, type EncounterInput, Laterality, ProcedureKind, ProcedureStatus, RepairLevel, SpecimenType } from '../../../core/model/encounter';

/*
 * Hand-written fast-check arbitraries (zod-fast-check is not installed) for the
 * inputs DermLens takes from the outside world: note text, Encounter objects,
 * content-script messages and raw file bytes. Shared by the vitest fuzz tests
 * (small counts) and `npm run bench` (100,000 inputs).
 */

const LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', '1', '2', '3', 'a', 'A1', ''];
const SITE_KEYS = Object.keys(SITES);
const DRUG_NAMES = DRUGS.flatMap((d) => d.names.slice(0, 2));

/** Chart words the parser reacts to, so generated notes reach deep into its branches. */
const NOTE_WORDS = [
  'Procedure:',
  'Specimen:',
  'Location:',
  'Site:',
  'Diagnosis:',
  'ASSESSMENT & PLAN',
  'ASSESSMENT/PLAN',
  'PATHOLOGY REPORT',
  'Final diagnosis:',
  'Margins:',
  'Patient:',
  'MRN:',
  'DOS:',
  'Date of service:',
  'Charges:',
  'shave biopsy',
  'punch biopsy',
  'incisional biopsy',
  'tangential biopsy',
  'bx',
  'shave removal',
  'excision',
  'excised diameter',
  'margins',
  'intermediate repair',
  'complex repair',
  'layered closure',
  'simple repair',
  'advancement flap',
  'rotation flap',
  'FTSG',
  'Mohs',
  'stage',
  'blocks',
  'ED&C',
  'C&D',
  'LN2',
  'cryo',
  'destruction',
  'actinic keratosis',
  'AK',
  'AKs',
  'SK',
  'ISK',
  'wart',
  'verruca',
  'skin tag',
  'acrochordon',
  'ILK',
  'Kenalog',
  'triamcinolone',
  'Botox',
  'dupilumab',
  'NB-UVB',
  'PDT',
  'Levulan',
  'I&D',
  'cyst',
  'BCC',
  'SCC',
  'melanoma',
  'nevus',
  'atypical',
  'benign',
  'malignant',
  'PAS',
  'SOX10',
  'MART-1',
  'frozen section',
  'in-house',
  'outside lab',
  'LabCorp',
  'declined',
  'deferred',
  'planned',
  'not performed',
  'history of',
  'no',
  'cosmetic',
  'itchy',
  'bleeding',
  'inflamed',
  'x3',
  'x 12',
  '#4',
  'count:',
  '99213',
  '99214',
  '-25',
  '-59',
  'XS',
  '11102',
  '11104',
  '17000',
  '17003',
  '88305',
  'L57.0',
  'C44.311',
  'D48.5',
  'G2211',
  'modifier 25',
  'waste',
  'wasted',
  'single-dose vial',
  'NDC',
  'mg',
  'mL',
  'units',
  'cm',
  'mm',
  'sq cm',
  'cm2',
  '1.2 x 0.8 cm',
  '4 mm',
  '0.5',
  '.5',
  '10 mg/mL',
  'A-D',
  'A, B and C',
  '(A)',
  'specimen A',
  'lesion #2',
  '1.',
  '2)',
  '-',
  '•',
  '*',
  ':',
  ';',
  ',',
  '.',
  '/',
  '(',
  ')',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '   ',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NOTE_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SITE_KEYS.map((k) => k.replace(/-/g, ' '))) },
  { weight: 1, arbitrary: fc.constantFrom('left', 'right', 'L', 'R', 'bilateral', 'upper', 'lower', 'dorsal', 'plantar') },
  { weight: 1, arbitrary: fc.constantFrom(...DRUG_NAMES) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 40, noNaN: true }), fc.integer({ min: 0, max: 2 })).map(([n, digits]) => n.toFixed(digits)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** A chart-like note: chart words, sites, numbers and noise in random order. */
export const noteText: fc.Arbitrary<string> = fc.array(word, { maxLength: 160 }).map((ws) => ws.join(' '));

/** Inputs built to catch slow (backtracking) regexes: long runs of one troublesome character or token. */
export const pathologicalText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(' ', '\t', '\n', '.', '0', '1.', '-', 'x', 'A', ',', ':', 'mm ', 'cm ', '1 x ', 'A-', 'and ', 'Procedure: ', '(', '*', '  \n'),
    fc.integer({ min: 1_000, max: 40_000 }),
    fc.string({ maxLength: 20 }),
  )
  .map(([unit, n, tail]) => unit.repeat(Math.ceil(n / unit.length)) + tail);

/** Any note input: mostly chart-like, sometimes raw unicode, sometimes adversarial. */
export const anyNote: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: noteText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: pathologicalText },
);

const cm = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 60, noNaN: true }));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const label = fc.constantFrom(...LABELS);

const site = fc.record(
  {
    text: fc.oneof(fc.constantFrom(...SITE_KEYS), fc.string({ maxLength: 20 })),
    key: optional(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SITE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) })),
    laterality: optional(fc.constantFrom(...Laterality.options)),
    subsite: optional(fc.constantFrom('upper', 'lower', '2', '5', 'great toe')),
  },
  { requiredKeys: ['text'] },
);

const drug = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...DRUG_NAMES), fc.string({ maxLength: 10 })),
    hcpcs: optional(fc.constantFrom('J3301', 'J0585', 'J0517', 'J7308', 'J9999', '')),
    amountGiven: optional(fc.double({ min: 0, max: 1000, noNaN: true })),
    unit: optional(fc.constantFrom('mg', 'units', 'mL', 'mcg', 'g', 'stick', 'tube')),
    amountWasted: optional(fc.double({ min: 0, max: 500, noNaN: true })),
    noWaste: optional(fc.boolean()),
    container: optional(fc.constantFrom('single-dose', 'multi-dose')),
    route: optional(fc.constantFrom('intralesional', 'subcutaneous', 'intramuscular', 'intravenous', 'topical')),
  },
  { requiredKeys: ['name'] },
);

const procedure = fc.record(
  {
    kind: fc.constantFrom(...ProcedureKind.options),
    status: fc.oneof({ weight: 6, arbitrary: fc.constant('performed' as const) }, { weight: 1, arbitrary: fc.constantFrom(...ProcedureStatus.options) }),
    lesionLabels: fc.array(label, { maxLength: 3 }),
    specimenLabel: optional(label),
    site: optional(site),
    lesionDiameterCm: optional(cm),
    marginCm: optional(fc.double({ min: 0, max: 3, noNaN: true })),
    excisedDiameterCm: optional(cm),
    defectDiameterCm: optional(cm),
    lengthCm: optional(cm),
    repairLevel: optional(fc.constantFrom(...RepairLevel.options)),
    repairFeatures: optional(
      fc.record(
        { layered: fc.boolean(), undermining: fc.constantFrom('none', 'limited', 'extensive'), tissueAdhesiveOnly: fc.boolean(), debridedEdges: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
    areaSqCm: optional(fc.double({ min: 0, max: 2000, noNaN: true })),
    primaryDefectSqCm: optional(fc.double({ min: 0, max: 200, noNaN: true })),
    secondaryDefectSqCm: optional(fc.double({ min: 0, max: 200, noNaN: true })),
    flapType: optional(fc.constantFrom('advancement', 'rotation', 'transposition', 'bilobed', 'interpolation')),
    graftType: optional(fc.constantFrom('split-thickness', 'full-thickness', 'skin-substitute', 'composite')),
    stages: optional(
      fc.array(fc.record({ stage: fc.integer({ min: 1, max: 12 }), blocks: optional(fc.integer({ min: 0, max: 20 })) }, { requiredKeys: ['stage'] }), {
        maxLength: 8,
      }),
    ),
    deepStructureInvolved: optional(fc.boolean()),
    count: optional(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 100_000 }))),
    lesionType: optional(fc.constantFrom('actinic keratosis', 'wart', 'seborrheic keratosis', 'molluscum', 'keloid', 'skin tag', 'bcc', 'scc', 'hemangioma')),
    reExcision: optional(fc.boolean()),
    drivesDecision: optional(fc.boolean()),
    drug: optional(drug),
    modality: optional(fc.constantFrom('nbuvb', 'puva', 'goeckerman', 'excimer', 'levulan', 'ameluz', 'uvb')),
    appliedBy: optional(fc.constantFrom('physician', 'staff')),
    debridement: optional(fc.boolean()),
    complicated: optional(fc.boolean()),
    cosmetic: optional(fc.boolean()),
    indications: fc.array(fc.constantFrom('itching', 'bleeding', 'inflamed', 'painful', 'suspicious', 'growing'), { maxLength: 3 }),
    documentedCode: optional(fc.constantFrom('11102', '11104', '11305', '17000', '96372', '99999', 'abc')),
    text: fc.oneof(
      fc.constant(''),
      noteText.map((t) => t.slice(0, 300)),
    ),
  },
  { requiredKeys: ['kind', 'status', 'lesionLabels', 'indications', 'text'] },
);

const lesion = fc.record(
  {
    label,
    site: optional(site),
    clinicalSizeCm: optional(fc.double({ min: 0.01, max: 30, noNaN: true })),
    clinicalDiagnosis: optional(fc.constantFrom('actinic keratosis', 'basal cell carcinoma', 'nevus', 'wart', 'cyst', 'melanoma in situ', 'rash')),
    icd10: optional(fc.constantFrom('L57.0', 'C44.311', 'C44.612', 'D48.5', 'L82.0', 'B07.8', 'D22.5', 'L72.0', 'Z99.9', 'XYZ')),
    priorMalignantBiopsy: optional(fc.boolean()),
  },
  { requiredKeys: ['label'] },
);

const specimen = fc.record(
  {
    label,
    lesionLabel: optional(label),
    site: optional(site),
    type: fc.constantFrom(...SpecimenType.options),
    destination: fc.constantFrom('in-house', 'external', 'unknown'),
    sentDate: optional(fc.constantFrom('2026-03-02', '2020-01-01', 'not a date')),
  },
  { requiredKeys: ['label', 'type', 'destination'] },
);

const report = fc.record(
  {
    specimenLabel: label,
    siteText: optional(fc.constantFrom(...SITE_KEYS)),
    diagnosisText: fc.oneof(
      fc.constantFrom('basal cell carcinoma, nodular', 'seborrheic keratosis', 'compound nevus', 'spongiotic dermatitis'),
      fc.string({ maxLength: 40 }),
    ),
    behavior: fc.constantFrom(...Behavior.options),
    icd10: optional(fc.constantFrom('C44.311', 'L82.1', 'D22.5', 'L30.9')),
    margins: optional(fc.constantFrom('clear', 'involved', 'close', 'not-assessed')),
    specimenType: fc.constantFrom(...SpecimenType.options),
    stains: fc.array(
      fc.record({
        name: fc.constantFrom('PAS', 'GMS', 'Fontana', 'Giemsa'),
        group: fc.constantFrom('I', 'II', 'III', 'frozen'),
        blocks: fc.integer({ min: 1, max: 6 }),
      }),
      {
        maxLength: 3,
      },
    ),
    ihc: fc.array(fc.record({ antibody: fc.constantFrom('SOX10', 'MART-1', 'CK5/6', 'Ber-EP4', 'PRAME'), multiplex: fc.boolean() }), { maxLength: 4 }),
    frozenSectionBlocks: optional(fc.integer({ min: 0, max: 10 })),
    consultation: optional(fc.constantFrom('88321', '88323', '88325')),
    readBy: fc.constantFrom('in-house', 'external', 'unknown'),
    amended: optional(fc.boolean()),
  },
  { requiredKeys: ['specimenLabel', 'diagnosisText', 'behavior', 'specimenType', 'stains', 'ihc', 'readBy'] },
);

const visit = fc.record(
  {
    dateOfService: optional(fc.constantFrom('2026-03-02', '2023-06-30', '2023-07-01', '2019-12-31', '2031-01-01', 'garbage')),
    emCode: optional(fc.constantFrom('99202', '99203', '99212', '99213', '99214', '99215', '99999')),
    newPatient: optional(fc.boolean()),
    totalMinutes: optional(fc.integer({ min: 0, max: 600 })),
    placeOfService: optional(fc.constantFrom('11', '22', '99')),
    problems: fc.array(
      fc.record({
        text: fc.constantFrom('psoriasis', 'acne', 'actinic keratoses', 'rosacea', 'hx BCC'),
        separatelyManaged: fc.boolean(),
        icd10: optional(fc.constantFrom('L40.0', 'L70.0', 'L57.0', 'L71.9', 'Z85.828')),
      }),
      { maxLength: 4 },
    ),
    longitudinalCare: optional(fc.boolean()),
    decisionForSurgery: optional(fc.boolean()),
    postOpOf: optional(
      fc.record({ code: optional(fc.constantFrom('17311', '11602')), date: optional(fc.constant('2026-02-20')), related: optional(fc.boolean()) }),
    ),
    abnOnFile: optional(fc.boolean()),
  },
  { requiredKeys: ['problems'] },
);

const charge = fc.record({
  code: fc.constantFrom('11102', '11103', '11104', '17000', '17003', '17110', '88305', '99213', 'J3301', '11900', 'ZZZZZ'),
  units: fc.integer({ min: 1, max: 50 }),
  modifiers: fc.array(fc.constantFrom('25', '59', 'XS', 'JZ', 'JW', '26'), { maxLength: 2 }),
  dx: fc.array(fc.constantFrom('L57.0', 'D48.5', 'C44.311'), { maxLength: 2 }),
});

/** A valid Encounter (checked against the zod schema), as the parser or a .json file might give. */
export const encounterArb: fc.Arbitrary<Encounter> = fc
  .record({
    visit,
    lesions: fc.array(lesion, { maxLength: 8 }),
    procedures: fc.array(procedure, { maxLength: 20 }),
    specimens: fc.array(specimen, { maxLength: 8 }),
    pathology: fc.array(report, { maxLength: 8 }),
    enteredCharges: fc.array(charge, { maxLength: 6 }),
    unread: fc.array(fc.record({ text: fc.string({ maxLength: 30 }), reason: fc.constant('fuzz') }), { maxLength: 2 }),
  })
  .map((e) =>
    Encounter.parse({
      id: 'fuzz',
      ...e,
      procedures: e.procedures.map((p, i) => ({ id: `p${i}`, ...p })),
    } satisfies EncounterInput),
  );

/** A well-formed content-script snapshot message (what our own content script sends). */
export const snapshotMessageArb = fc.record({
  type: fc.constant('snapshot'),
  snapshot: fc.record(
    {
      adapter: fc.constantFrom('ema', 'athena', 'generic', 'epic+generic'),
      url: fc.constantFrom('http://localhost:5178/charts/a.html', 'https://firm.ema.md/ema/web/practice/staff#/patient/1', 'about:blank'),
      patient: optional(fc.constantFrom('Doe, Jane', 'MRN 123456', '<img src=x onerror=alert(1)>', '')),
      dateOfService: optional(fc.constantFrom('2026-03-02', '03/02/2026', 'x')),
      sections: fc.array(
        fc.record({
          name: fc.constantFrom('Procedure', 'Assessment & Plan', 'Pathology', 'Note', '<script>alert(1)</script>'),
          role: fc.constantFrom('procedure', 'pathology', 'assessment', 'charges', 'visit', 'header', 'note', 'other'),
          text: anyNote.map((t) => t.slice(0, 5000)),
        }),
        { maxLength: 6 },
      ),
      capturedAt: fc.integer({ min: 0 }),
    },
    { requiredKeys: ['adapter', 'url', 'sections', 'capturedAt'] },
  ),
});

/** A near-miss of a content message: a valid one with one field broken, or anything at all. */
export const hostileMessageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  snapshotMessageArb.chain((m) =>
    fc.constantFrom<unknown>(
      { ...m, type: 'resolve-finding' },
      { ...m, snapshot: { ...m.snapshot, sections: 'not an array' } },
      { ...m, snapshot: { ...m.snapshot, sections: Array.from({ length: 101 }, () => ({ name: 'x', role: 'note', text: 'x' })) } },
      { ...m, snapshot: { ...m.snapshot, adapter: 'x'.repeat(51) } },
      { ...m, snapshot: { ...m.snapshot, capturedAt: 'now' } },
      { ...m, snapshot: { ...m.snapshot, sections: [{ name: 'n', role: 'root', text: 'x' }] } },
      { ...m, snapshot: { ...m.snapshot, sections: [{ name: 'n', role: 'note', text: 'x'.repeat(500_001) }] } },
      { ...m, snapshot: null },
      { ...m, __proto__: { polluted: true } },
      JSON.parse(`{"type":"snapshot","__proto__":{"polluted":true},"snapshot":${JSON.stringify(m.snapshot)}}`),
    ),
  ),
);

/** Raw file bytes: text in several encodings, BOMs, binary, truncated multi-byte sequences. */
export const fileBytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  noteText.map((t) => new TextEncoder().encode(t)),
  noteText.map((t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])),
  noteText.map((t) => {
    const out = new Uint8Array(2 + t.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      out[2 + i * 2] = c & 0xff;
      out[3 + i * 2] = c >> 8;
    }
    return out;
  }),
  fc.string({ unit: 'binary', maxLength: 300 }).map((t) => new TextEncoder().encode(t).subarray(0, Math.max(0, new TextEncoder().encode(t).length - 1))),
);

const TAGS = [
  'div',
  'p',
  'span',
  'b',
  'h2',
  'h3',
  'section',
  'article',
  'table',
  'tr',
  'td',
  'th',
  'li',
  'ul',
  'dl',
  'dt',
  'dd',
  'pre',
  'iframe',
  'template',
  'br',
  'label',
  'input',
  'select',
  'option',
];
const ATTRS = [
  'class="ap-item"',
  'class="ap-procedure procedure"',
  'data-identifier="note-section-assessment-and-plan"',
  'data-identifier="patient-header-name"',
  'data-identifier="visit-date"',
  'class="note-section-title"',
  'id="procedure"',
  'srcdoc="<p>Procedure: shave biopsy</p>"',
  'shadowrootmode="open"',
  'checked',
  'selected',
  'type="checkbox"',
  'hidden',
  'style="display:none"',
  'onerror="window.__pwned=1"',
];

/** A saved EMR page: random nesting of chart-like elements, attributes adapters look for, and note text. */
export const htmlPageArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 })).map(([t, a]) => `<${t} ${a.join(' ')}>`),
      },
      { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
      { weight: 4, arbitrary: noteText.map((t) => t.slice(0, 200).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => `<!DOCTYPE html><html><head><title>EMA | Visit</title></head><body>${parts.join('')}</body></html>`);
