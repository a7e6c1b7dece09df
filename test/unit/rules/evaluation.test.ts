import { describe, expect, it } from 'vitest';
import type { EncounterInput, SettingsInput } from '../../../core/model';
import type { NewLine } from '../../../core/rules/draft-line';
import { evaluationRules } from '../../../core/rules/evaluation';
import { codeWith } from './family-harness';
import { L } from './harness';
import { stubLines } from './stub';

interface Case {
  name: string;
  visit: EncounterInput['visit'];
  /** Lines other families would have produced (code, procedureIds…). */
  procedures?: NewLine[];
  settings?: SettingsInput;
  input?: Partial<EncounterInput>;
  lines: string[];
  findings?: string[];
}

const sep = (text: string) => ({ text, separatelyManaged: true });
const decisionOnly = (text: string) => ({ text, separatelyManaged: false });

const cases: Case[] = [
  {
    name: 'E/M alone: line without modifier',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('acne vulgaris')] },
    lines: ['99213'],
  },
  {
    name: 'E/M first in claim order, 25 with a separately managed problem and a biopsy',
    visit: { dateOfService: '2026-03-02', emCode: '99214', problems: [sep('psoriasis, start methotrexate'), decisionOnly('lesion back')] },
    procedures: [{ code: '11102', procedureIds: ['p1'] }],
    lines: ['99214-25', '11102'],
  },
  {
    name: 'E/M with a minor procedure but only the decision → no E/M line, warning',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('SK, irritated')] },
    procedures: [{ code: '17110', procedureIds: ['p1'] }],
    lines: ['17110'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'E/M with a procedure and no problems documented → dropped',
    visit: { dateOfService: '2026-03-02', emCode: '99212' },
    procedures: [{ code: '11102', procedureIds: ['p1'] }],
    lines: ['11102'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'decision for a 090 procedure today, Medicare → 57, no info',
    visit: { dateOfService: '2026-03-02', emCode: '99204', newPatient: true, decisionForSurgery: true, problems: [decisionOnly('BCC nose')] },
    procedures: [{ code: '14060', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    lines: ['99204-57', '14060'],
  },
  {
    name: 'decision for a 090 procedure, commercial → 57 + info that some payers want 25',
    visit: { dateOfService: '2026-03-02', emCode: '99214', decisionForSurgery: true, problems: [decisionOnly('BCC cheek')] },
    procedures: [{ code: '14040', procedureIds: ['p1'] }],
    lines: ['99214-57', '14040'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'decision for surgery with no procedure today → no modifier, info about 57 for next-day surgery',
    visit: { dateOfService: '2026-03-02', emCode: '99204', decisionForSurgery: true, problems: [decisionOnly('melanoma, wide excision and flap')] },
    lines: ['99204'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'pathology and drug lines alone do not need 25',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('rash')] },
    procedures: [{ code: '88305', specimenLabels: ['A'] }],
    lines: ['99213', '88305'],
  },
  {
    name: '99211 with 96372: never 25 (injection rules own the conflict)',
    visit: { dateOfService: '2026-03-02', emCode: '99211', problems: [sep('poison ivy')] },
    procedures: [{ code: '96372', procedureIds: ['p1'] }],
    lines: ['99211', '96372'],
  },
  {
    name: 'E/M beside only an IM injection (96372, no global period): kept with 25 and an info, not dropped',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('poison ivy, Kenalog-40 1 mL IM')] },
    procedures: [{ code: '96372', procedureIds: ['p1'] }],
    lines: ['99213-25', '96372'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'E/M beside 96372 and a minor procedure with only their decision: still dropped',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('warts, cryo; Kenalog IM')] },
    procedures: [
      { code: '96372', procedureIds: ['p1'] },
      { code: '17110', procedureIds: ['p2'] },
    ],
    lines: ['96372', '17110'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: 'a cosmetic self-pay procedure does not make the medical E/M need 25',
    visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [decisionOnly('rosacea, start metronidazole')] },
    procedures: [{ code: '17110', procedureIds: ['pc'] }],
    input: { procedures: [{ id: 'pc', kind: 'destruction-benign', lesionType: 'seborrheic-keratosis', cosmetic: true }] },
    lines: ['99213', '17110'],
  },
  {
    name: 'a modifier written with the documented code is decided by the rules, not copied',
    visit: { dateOfService: '2026-03-02', emCode: '99212-25', problems: [decisionOnly('warts')] },
    procedures: [{ code: '17110', procedureIds: ['p1'] }],
    lines: ['17110'],
    findings: ['evaluation/separately-identifiable'],
  },
  {
    name: '99201 is deleted → no line, error',
    visit: { dateOfService: '2026-03-02', emCode: '99201' },
    lines: [],
    findings: ['evaluation/office-visit'],
  },
  {
    name: 'not an office E/M code → no line, warning',
    visit: { dateOfService: '2026-03-02', emCode: '99242' },
    lines: [],
    findings: ['evaluation/office-visit'],
  },
  {
    name: 'new patient documented with an established code → line + warning',
    visit: { dateOfService: '2026-03-02', emCode: '99213', newPatient: true },
    lines: ['99213'],
    findings: ['evaluation/office-visit'],
  },
  {
    name: 'G2211 after the E/M when longitudinal care is documented (Medicare)',
    visit: { dateOfService: '2026-03-02', emCode: '99214', longitudinalCare: true, problems: [sep('psoriasis on biologic')] },
    settings: { payer: 'medicare' },
    lines: ['99214', 'G2211'],
  },
  {
    name: 'G2211 with a commercial payer → line + payer-specific info',
    visit: { dateOfService: '2026-03-02', emCode: '99213', longitudinalCare: true },
    lines: ['99213', 'G2211'],
    findings: ['evaluation/g2211'],
  },
  {
    name: 'no G2211 when the E/M carries 25',
    visit: { dateOfService: '2026-03-02', emCode: '99214', longitudinalCare: true, problems: [sep('atopic dermatitis, dupilumab')] },
    procedures: [{ code: '11104', procedureIds: ['p1'] }],
    settings: { payer: 'medicare' },
    lines: ['99214-25', '11104'],
    findings: ['evaluation/g2211'],
  },
  {
    name: 'no G2211 before 2024-01-01',
    visit: { dateOfService: '2023-11-20', emCode: '99214', longitudinalCare: true },
    settings: { payer: 'medicare' },
    lines: ['99214'],
  },
  {
    name: 'no G2211 when the practice setting says never',
    visit: { dateOfService: '2026-03-02', emCode: '99214', longitudinalCare: true },
    settings: { payer: 'medicare', g2211: 'never' },
    lines: ['99214'],
  },
  {
    name: 'time supports a higher level than documented → info',
    visit: { dateOfService: '2026-03-02', emCode: '99213', totalMinutes: 42 },
    lines: ['99213'],
    findings: ['evaluation/time-level'],
  },
  {
    name: 'time agrees with the documented level → nothing',
    visit: { dateOfService: '2026-03-02', emCode: '99214', totalMinutes: 30 },
    lines: ['99214'],
  },
  {
    name: 'time but no level → suggestion only, no line',
    visit: { dateOfService: '2026-03-02', newPatient: true, totalMinutes: 32 },
    lines: [],
    findings: ['evaluation/time-level'],
  },
  {
    name: 'MDM but no level → suggestion only, no line',
    visit: { dateOfService: '2026-03-02', newPatient: false, mdm: 'moderate' },
    lines: [],
    findings: ['evaluation/mdm-level'],
  },
  {
    name: 'MDM supports another level than documented → info',
    visit: { dateOfService: '2026-03-02', emCode: '99213', mdm: 'high' },
    lines: ['99213'],
    findings: ['evaluation/mdm-level'],
  },
  {
    name: 'MDM agrees with the documented level → nothing',
    visit: { dateOfService: '2026-03-02', emCode: '99203', mdm: 'low' },
    lines: ['99203'],
  },
  {
    name: 'unrelated visit inside a 90-day global → 24',
    visit: { dateOfService: '2026-03-02', emCode: '99213', postOpOf: { code: '14040', date: '2026-02-10', related: false } },
    lines: ['99213-24'],
    findings: ['evaluation/postoperative-visit'],
  },
  {
    name: 'related visit inside the global → included, no line',
    visit: { dateOfService: '2026-03-02', emCode: '99212', postOpOf: { code: '11642', date: '2026-02-25', related: true } },
    lines: [],
    findings: ['evaluation/postoperative-visit'],
  },
  {
    name: 'post-op check with no E/M documented, inside the global → an info saying nothing is billed',
    visit: { dateOfService: '2026-03-02', postOpOf: { code: '11642', date: '2026-02-25', related: true } },
    lines: [],
    findings: ['evaluation/postoperative-visit'],
  },
  {
    name: 'post-op check with no E/M, global over → nothing to say',
    visit: { dateOfService: '2026-03-02', postOpOf: { code: '11642', date: '2026-02-10', related: true } },
    lines: [],
  },
  {
    name: 'global already over → no 24, no finding',
    visit: { dateOfService: '2026-03-02', emCode: '99213', postOpOf: { code: '11642', date: '2026-01-02', related: false } },
    lines: ['99213'],
  },
  {
    name: 'inside a global, relation not documented → no modifier; the global-period check asks',
    visit: { dateOfService: '2026-03-02', emCode: '99213', postOpOf: { code: '14040', date: '2026-02-20' } },
    lines: ['99213'],
  },
];

describe('evaluation rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const rules = [...(c.procedures ? [stubLines(c.procedures)] : []), ...evaluationRules];
      const result = codeWith(rules, { ...c.input, visit: { problems: [], ...c.visit } }, c.settings);
      expect(result.lines).toEqual(c.lines.map(L));
      expect(result.findings).toEqual(c.findings ?? []);
    });
  }

  it('puts the E/M line before procedure lines and G2211 right after it', () => {
    const rules = [stubLines([{ code: '96372', procedureIds: ['p1'] }]), ...evaluationRules];
    const r = codeWith(
      rules,
      { visit: { dateOfService: '2026-03-02', emCode: '99213', longitudinalCare: true, problems: [sep('hives')] } },
      { payer: 'medicare' },
    );
    // 96372 is XXX global: the E/M still needs 25 for a separately identifiable service, so no G2211.
    expect(r.lines.map((l) => l.code)).toEqual(['99213', '96372']);
    expect(r.lines[0]?.modifiers).toEqual(['25']);
  });

  it('explains why the E/M was dropped and what to document', () => {
    const rules = [stubLines([{ code: '11102', procedureIds: ['p1'] }]), ...evaluationRules];
    const r = codeWith(rules, { visit: { dateOfService: '2026-03-02', emCode: '99213', problems: [] } });
    const f = r.draft.findings[0];
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('no separately identifiable service beyond the decision');
    expect(f?.fix).toMatch(/separate problem/);
  });
});

describe('evaluation with the whole registry', () => {
  it('E/M-25 first, then the biopsy, each with its own diagnosis', async () => {
    const { code, proc } = await import('./harness');
    const r = code(
      {
        visit: {
          dateOfService: '2026-03-02',
          emCode: '99214',
          longitudinalCare: true,
          problems: [{ text: 'Plaque psoriasis, start methotrexate, labs ordered', separatelyManaged: true }, { text: 'Changing lesion R forearm' }],
        },
        lesions: [{ label: 'A', site: { key: 'forearm', text: 'R forearm', laterality: 'right' }, clinicalDiagnosis: 'r/o SCC' }],
        procedures: [
          proc({
            id: 'bx',
            kind: 'biopsy-tangential',
            lesionLabels: ['A'],
            specimenLabel: 'A',
            site: { key: 'forearm', text: 'R forearm', laterality: 'right' },
          }),
        ],
        specimens: [{ label: 'A', lesionLabel: 'A', procedureId: 'bx' }],
      },
      { payer: 'medicare', pathology: 'external' },
    );
    expect(r.draft.lines.map((l) => [l.code, l.modifiers, l.dx])).toEqual([
      ['99214', ['25'], ['L40.0']],
      ['11102', [], ['D49.2']],
    ]);
    expect(r.findings).toContain('evaluation/g2211');
  });

  it("an E/M-25 beside an I&D points to the problem it managed, not to the I&D's own cyst (§10.1, §13.1)", async () => {
    const { codeNote } = await import('./note-harness');
    const r = codeNote(
      'Established patient.\nA/P:\n1. Inflamed epidermoid cyst, upper back, fluctuant. I&D performed: incised, purulent material expressed, loculations broken up, packed with iodoform. Culture sent.\n2. Rosacea, papulopustular - worsening. Start metronidazole 0.75% gel bid.\nE/M: 99213-25.\n',
    );
    expect(r.lines).toEqual(['99213-25', '10061']);
    expect(r.dx).toEqual([['L71.9'], ['L72.0']]);
    expect(r.findings).toEqual([]);
  });

  it('an E/M beside an ILK whose only other words are the injected strength ("Kenalog 10 mg/mL") is not separate', async () => {
    const { codeNote } = await import('./note-harness');
    const r = codeNote('Established patient.\nA/P:\n1. Keloid upper chest x1, itchy - ILK Kenalog 10 mg/mL 0.3 cc.\n2. Hx BCC - no recurrence.\nE/M: 99213\n');
    expect(r.lines).toEqual(['11900', 'J3301']);
    expect(r.findings).toEqual(['evaluation/separately-identifiable']);
  });
});
