import { describe, expect, it } from 'vitest';
import { registry } from '../../../core/rules/registry';
import { batch, reportDoc, visit } from './helpers';

const SCC = {
  diagnosisText: 'SQUAMOUS CELL CARCINOMA, well differentiated',
  behavior: 'malignant' as const,
  collectedDate: '2026-06-10',
  signedDate: '2026-06-14',
};
const SK = { diagnosisText: 'Seborrheic keratosis, irritated', behavior: 'benign' as const, collectedDate: '2026-06-10', signedDate: '2026-06-13' };

describe('reconcileBatch: linking a later report to its visit', () => {
  it('a biopsy held for pathology becomes ready; the report document bills nothing', () => {
    const r = batch([
      [visit('v'), 'visit.txt'],
      [reportDoc('r', [SK]), 'report.txt'],
    ]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    expect(r.lines[1]).toEqual([]);
    expect(r.rules[0]).toContain('reconcile/result-linked');
    expect(r.rules[1]).toEqual(['reconcile/report-linked']);
    expect(r.drafts[1]?.findings[0]?.message).toContain('visit.txt');
    expect(r.drafts[0]?.specimens).toEqual([expect.objectContaining({ label: 'A', status: 'billed', behavior: 'benign', linkedTo: 'report.txt' })]);
    expect(r.drafts[1]?.specimens).toEqual([expect.objectContaining({ label: 'A', status: 'billed', linkedTo: 'visit.txt' })]);
  });

  it('walks sent → resulted → billed in the log', () => {
    const r = batch([visit('v'), reportDoc('r', [SK])]);
    expect(r.log).toHaveLength(1);
    expect(r.log[0]?.history.map((h) => h.status)).toEqual(['sent', 'resulted', 'billed']);
    expect(r.log[0]?.result?.linked).toBe(true);
  });

  it('links whatever the input order, and prints in input order', () => {
    const r = batch([reportDoc('r', [SK]), visit('v')]);
    expect(r.lines).toEqual([[], ['11102:ready', '88305:ready']]);
  });

  it('a report in a later visit note links to the earlier visit and is not billed again there', () => {
    const later = { ...visit('v2', { dos: '2026-06-20', label: 'A', site: { text: 'R forearm', key: 'forearm', laterality: 'right' } }) };
    later.pathology = [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma', behavior: 'malignant', collectedDate: '2026-06-10' }];
    const r = batch([visit('v1'), later]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    // The later visit's own specimen A stays held: the report was collected before its date of service.
    expect(r.lines[1]).toEqual(['11102:ready', '88305:held-for-pathology']);
  });

  it('a result in the visit note itself is not a link', () => {
    const v = visit('v');
    v.pathology = [{ specimenLabel: 'A', ...SK }];
    const r = batch([v]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    expect(r.rules[0]?.filter((x) => x.startsWith('reconcile/'))).toEqual([]);
    expect(r.log[0]?.result?.linked).toBe(false);
    expect(r.log[0]?.status).toBe('billed');
  });

  it('an outside lab bills: no pathology line, specimen billed by the lab', () => {
    const r = batch([visit('v', { destination: 'external' }), reportDoc('r', [SK])], { pathology: 'external' });
    expect(r.lines).toEqual([['11102:ready'], []]);
    expect(r.log[0]?.status).toBe('billed');
    expect(r.log[0]?.history.at(-1)?.note).toBe('billed by the outside lab');
    expect(r.drafts[1]?.findings[0]?.message).toContain('outside lab bills');
  });

  it('professional-only reading keeps 26 on the linked interpretation', () => {
    const r = batch([visit('v'), reportDoc('r', [SK])], { pathology: 'professional' });
    expect(r.lines[0]).toEqual(['11102:ready', '88305-26:ready']);
  });

  it('resulted without an interpretation line anywhere → unbilled', () => {
    const rules = registry.filter((x) => x.id !== 'pathology/level-per-specimen');
    const r = batch([visit('v'), reportDoc('r', [SK])], {}, { rules });
    expect(r.log[0]?.status).toBe('unbilled');
    expect(r.log[0]?.history.map((h) => h.status)).toEqual(['sent', 'resulted', 'unbilled']);
  });

  it('duplicate encounter ids (same file name in two folders) still link correctly', () => {
    const r = batch([visit('visit.txt'), reportDoc('report.txt', [SK]), visit('visit.txt', { patientKey: 'pk-2' })]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    expect(r.lines[2]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.drafts[2]?.encounterId).toBe('visit.txt');
  });
});

describe('reconcileBatch: files that must not link', () => {
  it('no patient identity on the report: it codes its own interpretation with a warning', () => {
    const r = batch([visit('v'), reportDoc('r', [SK], null)]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.lines[1]).toEqual(['88305:ready']);
    expect(r.rules[1]).toContain('pathology/report-for-unknown-specimen');
  });

  it('no patient identity on the visit', () => {
    const r = batch([visit('v', { patientKey: '' }), reportDoc('r', [SK])]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.links).toEqual([]);
  });

  it('another patient', () => {
    const r = batch([visit('v', { patientKey: 'pk-1' }), reportDoc('r', [SK], 'pk-2')]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.lines[1]).toEqual(['88305:ready']);
    expect(r.log[0]?.status).toBe('sent');
  });

  it('ambiguous: two open specimens A in the window, nothing decides', () => {
    const r = batch([visit('v1', { dos: '2026-06-01' }), visit('v2', { dos: '2026-06-05' }), reportDoc('r', [{ ...SK, collectedDate: undefined }])]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.lines[1]).toEqual(['11102:ready', '88305:held-for-pathology']);
    for (const i of [0, 1, 2]) expect(r.rules[i]).toContain('reconcile/ambiguous-report');
    expect(r.links).toEqual([{ kind: 'ambiguous', label: 'A', reportItem: 2, visitItems: [0, 1] }]);
  });

  it('conflicting: the report names the other side', () => {
    const r = batch([visit('v'), reportDoc('r', [{ ...SK, siteText: 'Skin, right cheek, shave biopsy' }])]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.rules[0]).toContain('reconcile/conflicting-report');
    expect(r.rules[1]).toContain('reconcile/conflicting-report');
  });
});

describe('reconcileBatch: held excision re-coded when the report arrives', () => {
  const excision = (id = 'v') =>
    visit(id, { kind: 'excision', site: { text: 'R dorsal forearm', key: 'forearm', laterality: 'right' }, excisedDiameterCm: 1.6 });

  it('benign code held → malignant code ready (11402 → 11602)', () => {
    const alone = batch([excision()]);
    expect(alone.lines[0]).toEqual(['11402:held-for-pathology', '88305:held-for-pathology']);
    const r = batch([excision(), reportDoc('r', [{ ...SCC, siteText: 'Skin, right dorsal forearm, excision' }])]);
    expect(r.lines[0]).toEqual(['11602:ready', '88305:ready']);
    const f = r.drafts[0]?.findings.find((x) => x.rule === 'reconcile/re-coded-after-pathology');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('11402 → 11602');
    expect(f?.message).toContain('squamous cell carcinoma');
  });

  it('in-situ is malignant too (§3.2)', () => {
    const r = batch([excision(), reportDoc('r', [{ diagnosisText: 'Squamous cell carcinoma in situ', behavior: 'in-situ', signedDate: '2026-06-12' }])]);
    expect(r.lines[0]).toEqual(['11602:ready', '88305:ready']);
  });

  it('benign result: same code, released', () => {
    const r = batch([excision(), reportDoc('r', [SK])]);
    expect(r.lines[0]).toEqual(['11402:ready', '88305:ready']);
    expect(r.rules[0]).toContain('reconcile/released-after-pathology');
    expect(r.rules[0]).not.toContain('reconcile/re-coded-after-pathology');
  });

  it('atypia stays benign (§3.2)', () => {
    const r = batch([excision(), reportDoc('r', [{ diagnosisText: 'Dysplastic nevus with severe atypia', behavior: 'uncertain', signedDate: '2026-06-12' }])]);
    expect(r.lines[0]).toEqual(['11402:ready', '88305:ready']);
  });
});

describe('reconcileBatch: aging', () => {
  it('no result after the aging limit → warning with the age in days', () => {
    const r = batch([visit('v', { dos: '2026-06-01' })], {}, { today: '2026-06-20' });
    expect(r.rules[0]).toContain('reconcile/pathology-aging');
    expect(r.log[0]).toMatchObject({ aging: true, ageDays: 19, status: 'sent' });
    expect(r.drafts[0]?.specimens[0]).toMatchObject({ label: 'A', status: 'sent', aging: true, ageDays: 19 });
  });

  it('within the limit: no warning', () => {
    const r = batch([visit('v', { dos: '2026-06-01' })], {}, { today: '2026-06-15' });
    expect(r.rules[0]).not.toContain('reconcile/pathology-aging');
    expect(r.log[0]?.aging).toBe(false);
  });

  it('the limit comes from the settings', () => {
    const r = batch([visit('v', { dos: '2026-06-01' })], { pathologyAgingDays: 7 }, { today: '2026-06-10' });
    expect(r.rules[0]).toContain('reconcile/pathology-aging');
  });

  it('today defaults to the latest date in the batch', () => {
    const r = batch([visit('v1', { dos: '2026-06-01', patientKey: 'a' }), visit('v2', { dos: '2026-07-01', patientKey: 'b' })]);
    expect(r.today).toBe('2026-07-01');
    expect(r.rules[0]).toContain('reconcile/pathology-aging');
    expect(r.rules[1]).not.toContain('reconcile/pathology-aging');
  });

  it('a resulted specimen never ages', () => {
    const r = batch([visit('v', { dos: '2026-06-01' }), reportDoc('r', [SK])], {}, { today: '2026-09-01' });
    expect(r.rules[0]).not.toContain('reconcile/pathology-aging');
  });
});

describe('reconcileBatch: malignant result without follow-up', () => {
  it('malignant result and no later note → patient-safety warning on the visit', () => {
    const r = batch([visit('v'), reportDoc('r', [SCC])]);
    const f = r.drafts[0]?.findings.find((x) => x.rule === 'reconcile/malignant-no-follow-up');
    expect(f?.severity).toBe('warning');
    expect(r.drafts[0]?.specimens[0]?.followUp).toBe('missing');
  });

  it('a later note that schedules Mohs resolves it', () => {
    const later = visit('v2', { dos: '2026-06-25', label: 'Z', text: 'Path reviewed: BCC L cheek. Mohs scheduled for 7/15.' });
    const r = batch([visit('v'), reportDoc('r', [SCC]), later]);
    expect(r.rules[0]).not.toContain('reconcile/malignant-no-follow-up');
    expect(r.log.find((e) => e.encounterId === 'v')?.followUp).toMatchObject({ documented: true });
  });

  it('results discussed with the patient count as follow-up', () => {
    const later = visit('v2', { dos: '2026-06-25', label: 'Z', text: 'Discussed biopsy results with the patient; will treat with ED&C next week.' });
    const r = batch([visit('v'), reportDoc('r', [SCC]), later]);
    expect(r.rules[0]).not.toContain('reconcile/malignant-no-follow-up');
  });

  it('a conditional plan written before the result is not follow-up', () => {
    const v = visit('v', { text: 'Shave bx L cheek. If BCC, will refer for Mohs.' });
    const r = batch([v, reportDoc('r', [SCC])]);
    expect(r.rules[0]).toContain('reconcile/malignant-no-follow-up');
  });

  it("a pathologist's recommendation in the report is not follow-up", () => {
    const r = batch([visit('v'), reportDoc('r', [SCC], 'pk-1', 'SCC. Re-excision is recommended. Findings discussed with Dr. Rivera.')]);
    expect(r.rules[0]).toContain('reconcile/malignant-no-follow-up');
  });

  it.each([
    ['destruction-malignant', false],
    ['mohs', false],
    ['destruction-premalignant', true],
  ] as const)('a biopsy whose lesion the same visit treated by %s needs no other follow-up: %s', (kind, warned) => {
    const v = visit('v');
    v.procedures = [
      ...(v.procedures ?? []),
      {
        id: 'v-p2',
        kind,
        status: 'performed',
        lesionLabels: ['1'],
        site: { text: 'L cheek', key: 'cheek', laterality: 'left' },
        lesionDiameterCm: 0.8,
        text: '',
      },
    ];
    const r = batch([v, reportDoc('r', [SCC])]);
    expect(r.rules[0]?.includes('reconcile/malignant-no-follow-up')).toBe(warned);
  });

  it('benign and premalignant results need no follow-up warning', () => {
    const r = batch([visit('v'), reportDoc('r', [{ diagnosisText: 'Actinic keratosis', behavior: 'premalignant', signedDate: '2026-06-12' }])]);
    expect(r.rules[0]).not.toContain('reconcile/malignant-no-follow-up');
  });
});

describe('reconcileBatch: a later visit with its own specimen A quoting an older result A', () => {
  it('a report signed before the later visit belongs to the earlier visit, even without a collection date', () => {
    const later = visit('v2', { dos: '2026-06-20', site: { text: 'R forearm', key: 'forearm', laterality: 'right' } });
    later.pathology = [{ specimenLabel: 'A', diagnosisText: 'Basal cell carcinoma', behavior: 'malignant', signedDate: '2026-06-14', siteText: 'left cheek' }];
    const r = batch([visit('v1'), later]);
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
    expect(r.lines[1]).toEqual(['11102:ready', '88305:held-for-pathology']);
    expect(r.log.find((e) => e.encounterId === 'v2')?.status).toBe('sent');
  });
});

describe('reconcileBatch: follow-up after an excision', () => {
  const excision = () => visit('v', { kind: 'excision', site: { text: 'R dorsal forearm', key: 'forearm', laterality: 'right' }, excisedDiameterCm: 1.6 });
  it('a malignant excision with clear margins is treated: no follow-up warning', () => {
    const r = batch([excision(), reportDoc('r', [{ ...SCC, margins: 'clear' }])]);
    expect(r.rules[0]).not.toContain('reconcile/malignant-no-follow-up');
  });
  it('involved margins need a plan', () => {
    const r = batch([excision(), reportDoc('r', [{ ...SCC, margins: 'involved' }])]);
    expect(r.rules[0]).toContain('reconcile/malignant-no-follow-up');
  });
});

describe('reconcileBatch: labels written differently', () => {
  it('links by collection date and site when no specimen has the label, with a warning', () => {
    const r = batch([visit('v', { label: '3' }), reportDoc('r', [{ ...SK, specimenLabel: 'D', siteText: 'Skin, left cheek, shave' }])]);
    expect(r.lines).toEqual([['11102:ready', '88305:ready'], []]);
    expect(r.rules[0]).toContain('reconcile/linked-by-date-and-site');
    expect(r.rules[1]).toContain('reconcile/linked-by-date-and-site');
    expect(r.log[0]?.status).toBe('billed');
  });
  it('does not guess without a collection date or a matching site', () => {
    const noDate = batch([visit('v', { label: '3' }), reportDoc('r', [{ ...SK, specimenLabel: 'D', collectedDate: undefined, siteText: 'Skin, left cheek' }])]);
    expect(noDate.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
    const otherSite = batch([visit('v', { label: '3' }), reportDoc('r', [{ ...SK, specimenLabel: 'D', siteText: 'Skin, right forearm' }])]);
    expect(otherSite.lines[0]).toEqual(['11102:ready', '88305:held-for-pathology']);
  });
});

describe('reconcileBatch: an in-note result closes its specimen before matching', () => {
  it('a report for A goes to the visit whose A is still open, not to one already resulted in its note', () => {
    const first = visit('v1', { dos: '2026-06-01' });
    first.pathology = [{ specimenLabel: 'A', diagnosisText: 'Seborrheic keratosis', behavior: 'benign', collectedDate: '2026-06-01' }];
    const r = batch([first, visit('v2', { dos: '2026-06-05' }), reportDoc('r', [{ ...SK, collectedDate: undefined, signedDate: '2026-06-09' }])]);
    expect(r.links).toEqual([expect.objectContaining({ kind: 'matched', visitItems: [1] })]);
    expect(r.lines[1]).toEqual(['11102:ready', '88305:ready']);
  });
});

describe('reconcileBatch: two results for one specimen', () => {
  it('disagreeing results, neither amended → warning; the later one is used', () => {
    const r = batch([visit('v'), reportDoc('r1', [SK]), reportDoc('r2', [{ ...SCC, signedDate: '2026-06-20' }])]);
    expect(r.rules[0]).toContain('reconcile/conflicting-report');
    expect(r.drafts[0]?.specimens[0]?.behavior).toBe('malignant');
    expect(r.lines[1]).toEqual([]);
    expect(r.lines[2]).toEqual([]);
  });
  it('an amended report replaces the original without a warning', () => {
    const r = batch([visit('v'), reportDoc('r1', [SK]), reportDoc('r2', [{ ...SCC, signedDate: '2026-06-20', amended: true }])]);
    expect(r.rules[0]).not.toContain('reconcile/conflicting-report');
    expect(r.lines[0]).toEqual(['11102:ready', '88305:ready']);
  });
});

describe('reconcileBatch: follow-up of a report that matched no visit', () => {
  it('a malignant report with no visit and no plan is flagged on the report', () => {
    const r = batch([reportDoc('r', [SCC], 'pk-9')]);
    expect(r.rules[0]).toContain('reconcile/malignant-no-follow-up');
  });
  it('a later note of the patient with a plan resolves it', () => {
    const later = visit('v2', { patientKey: 'pk-9', dos: '2026-06-25', label: 'Z', text: 'SCC R forearm: Mohs scheduled.' });
    const r = batch([reportDoc('r', [SCC], 'pk-9'), later]);
    expect(r.rules[0]).not.toContain('reconcile/malignant-no-follow-up');
  });
});
