import { describe, expect, it } from 'vitest';
import type { PathologyReport } from '../../../core/model';
import { matchReport } from '../../../core/reconcile';
import type { SpecimenLogEntry } from '../../../core/reconcile/specimen-log';

function entry(encounterId: string, over: Partial<SpecimenLogEntry> = {}): SpecimenLogEntry {
  return {
    id: `${encounterId}|A`,
    patientKey: 'pk',
    encounterId,
    source: encounterId,
    label: 'A',
    destination: 'in-house',
    dateOfService: '2026-06-10',
    status: 'sent',
    aging: false,
    history: [],
    ...over,
  };
}

function report(over: Partial<PathologyReport> = {}): PathologyReport {
  return {
    specimenLabel: 'A',
    diagnosisText: 'Basal cell carcinoma',
    behavior: 'malignant',
    specimenType: 'skin',
    stains: [],
    ihc: [],
    readBy: 'in-house',
    signedDate: '2026-06-14',
    ...over,
  };
}

const L_CHEEK = { text: 'L cheek', key: 'cheek', laterality: 'left' as const };
const R_FOREARM = { text: 'R forearm', key: 'forearm', laterality: 'right' as const };

describe('matchReport', () => {
  const cases: { name: string; log: SpecimenLogEntry[]; report: PathologyReport; patientKey?: string; window?: number; expect: string; pick?: string }[] = [
    { name: 'one open specimen, same label, in window', log: [entry('v1')], report: report(), patientKey: 'pk', expect: 'matched', pick: 'v1' },
    { name: 'label is compared case-insensitively', log: [entry('v1', { label: 'a' })], report: report(), patientKey: 'pk', expect: 'matched', pick: 'v1' },
    { name: 'report without a patient identity is never linked', log: [entry('v1')], report: report(), expect: 'unlinked' },
    { name: 'other patient', log: [entry('v1', { patientKey: 'other' })], report: report(), patientKey: 'pk', expect: 'none' },
    { name: 'other label', log: [entry('v1', { label: 'B' })], report: report(), patientKey: 'pk', expect: 'none' },
    {
      name: 'report dated before the visit',
      log: [entry('v1', { dateOfService: '2026-06-20' })],
      report: report({ signedDate: '2026-06-14' }),
      patientKey: 'pk',
      expect: 'none',
    },
    {
      name: 'outside the default 60-day window',
      log: [entry('v1', { dateOfService: '2026-03-01' })],
      report: report({ signedDate: '2026-06-14' }),
      patientKey: 'pk',
      expect: 'none',
    },
    {
      name: 'a configurable window: 45 days is inside 60 but outside 30',
      log: [entry('v1', { dateOfService: '2026-04-30' })],
      report: report({ signedDate: '2026-06-14' }),
      patientKey: 'pk',
      window: 30,
      expect: 'none',
    },
    {
      name: 'collected date decides when a late signature is outside the window',
      log: [entry('v1', { dateOfService: '2026-03-01' })],
      report: report({ collectedDate: '2026-03-01', signedDate: '2026-06-14', amended: true }),
      patientKey: 'pk',
      expect: 'matched',
      pick: 'v1',
    },
    {
      name: 'two open A specimens, site does not decide → ambiguous',
      log: [entry('v1', { dateOfService: '2026-06-01' }), entry('v2', { dateOfService: '2026-06-08' })],
      report: report(),
      patientKey: 'pk',
      expect: 'ambiguous',
    },
    {
      name: 'two open A specimens, the site decides',
      log: [entry('v1', { dateOfService: '2026-06-01', site: R_FOREARM }), entry('v2', { dateOfService: '2026-06-08', site: L_CHEEK })],
      report: report({ siteText: 'Skin, left cheek, shave biopsy' }),
      patientKey: 'pk',
      expect: 'matched',
      pick: 'v2',
    },
    {
      name: 'two open A specimens, the collected date decides',
      log: [entry('v1', { dateOfService: '2026-06-01' }), entry('v2', { dateOfService: '2026-06-08' })],
      report: report({ collectedDate: '2026-06-01' }),
      patientKey: 'pk',
      expect: 'matched',
      pick: 'v1',
    },
    {
      name: 'the only candidate is on the other side → conflict',
      log: [entry('v1', { site: L_CHEEK })],
      report: report({ siteText: 'Skin, right cheek, shave biopsy' }),
      patientKey: 'pk',
      expect: 'conflict',
    },
    {
      name: 'the only candidate is in another body region → conflict',
      log: [entry('v1', { site: L_CHEEK })],
      report: report({ siteText: 'Skin, left upper back' }),
      patientKey: 'pk',
      expect: 'conflict',
    },
    {
      name: 'an open specimen wins over an already resulted one',
      log: [
        entry('v1', { dateOfService: '2026-06-01', result: { report: report(), fromEncounterId: 'r0', fromSource: 'r0', linked: true } }),
        entry('v2', { dateOfService: '2026-06-08' }),
      ],
      report: report(),
      patientKey: 'pk',
      expect: 'matched',
      pick: 'v2',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = matchReport({ report: c.report, patientKey: c.patientKey, hostEncounterId: 'host' }, c.log, c.window);
      expect(result.kind).toBe(c.expect);
      if (c.pick) expect(result.kind === 'matched' && result.candidate.entry.encounterId).toBe(c.pick);
    });
  }

  it('never matches a specimen of the document that carries the report', () => {
    expect(matchReport({ report: report(), patientKey: 'pk', hostEncounterId: 'v1' }, [entry('v1')]).kind).toBe('none');
  });
});
