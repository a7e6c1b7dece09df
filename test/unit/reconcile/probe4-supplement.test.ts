import { describe, expect, it } from 'vitest';
import { batch, reportDoc, visit } from './helpers';

/**
 * An addendum filed as its own document adds stains to a specimen that already has a report
 * (CPT §7.2: each stain is work done once). It never replaces the specimen's diagnosis.
 */
describe('reports of one specimen: stains add up, the diagnosis stays', () => {
  const excision = visit('v1', { kind: 'excision', excisedDiameterCm: 1.6, site: { text: 'R forearm', key: 'forearm', laterality: 'right' } });
  const original = reportDoc('r1', [
    {
      diagnosisText: 'Basal cell carcinoma, nodular',
      behavior: 'malignant',
      collectedDate: '2026-06-10',
      signedDate: '2026-06-12',
      ihc: [{ antibody: 'Ber-EP4', multiplex: false }],
    },
  ]);

  it('a supplement adds its PAS; the BCC keeps the excision malignant; no conflict is raised', () => {
    const supplement = reportDoc('r2', [
      {
        diagnosisText: 'A PAS stain performed on block A1 is negative.',
        behavior: 'unknown',
        supplement: true,
        collectedDate: '2026-06-10',
        signedDate: '2026-06-15',
        stains: [{ name: 'PAS', group: 'I', blocks: 1 }],
      },
    ]);
    const r = batch([excision, original, supplement]);
    expect(r.lines[0]).toEqual(expect.arrayContaining(['11602:ready', '88305:ready', '88342:ready', '88312:ready']));
    expect(r.lines[0]?.some((l) => l.startsWith('114'))).toBe(false);
    expect(r.drafts.flatMap((d) => d.findings.map((f) => f.rule))).not.toContain('reconcile/conflicting-report');
    expect(r.drafts[0]?.specimens.find((s) => s.label === 'A')?.behavior).toBe('malignant');
    expect(r.lines[1]).toEqual([]);
    expect(r.lines[2]).toEqual([]);
  });

  it('an amended copy repeating the same immunostain does not count it twice', () => {
    const amended = reportDoc('r2', [
      {
        diagnosisText: 'Basal cell carcinoma, infiltrative',
        behavior: 'malignant',
        amended: true,
        collectedDate: '2026-06-10',
        signedDate: '2026-06-16',
        ihc: [{ antibody: 'Ber-EP4', multiplex: false }],
      },
    ]);
    const r = batch([excision, original, amended]);
    expect(r.lines[0]?.filter((l) => l.startsWith('8834'))).toEqual(['88342:ready']);
  });

  it('an amended report without the immunostain keeps the first report’s 88342', () => {
    const amended = reportDoc('r2', [
      { diagnosisText: 'Squamous cell carcinoma in situ', behavior: 'in-situ', amended: true, collectedDate: '2026-06-10', signedDate: '2026-06-16' },
    ]);
    const r = batch([excision, original, amended]);
    expect(r.lines[0]).toEqual(expect.arrayContaining(['11602:ready', '88305:ready', '88342:ready']));
  });
});

describe('a report for a specimen no visit charted', () => {
  it('external arrangement: no line, and the warning says the lab bills it', () => {
    const r = batch([visit('v1'), reportDoc('r1', [{ specimenLabel: 'B', collectedDate: '2026-06-10' }])], { pathology: 'external' });
    expect(r.lines[1]).toEqual([]);
    const warning = r.drafts[1]?.findings.find((f) => f.rule === 'pathology/report-for-unknown-specimen');
    expect(warning?.message).toContain('the outside lab bills');
  });

  it('in-house: the report codes its own interpretation', () => {
    const r = batch([visit('v1'), reportDoc('r1', [{ specimenLabel: 'B', collectedDate: '2026-06-10' }])]);
    expect(r.lines[1]).toEqual(['88305:ready']);
    expect(r.drafts[1]?.findings.find((f) => f.rule === 'pathology/report-for-unknown-specimen')?.message).toContain('coded on this report');
  });
});
