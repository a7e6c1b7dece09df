import type { ClaimDraft, ClaimLine } from '../../../core/model';

export function line(code: string, over: Partial<ClaimLine> = {}): ClaimLine {
  return {
    code,
    units: 1,
    modifiers: [],
    dx: [],
    billing: 'insurance',
    status: 'ready',
    description: `service ${code}`,
    lesionLabels: [],
    specimenLabels: [],
    ruleIds: [],
    spans: [],
    ...over,
  };
}

/** Excision + repair + two biopsies + pathology: several dx, modifiers of both systems, a held and a self-pay line. */
export function sampleDraft(): ClaimDraft {
  return {
    encounterId: 'visit-06-10.txt',
    dateOfService: '2026-06-10',
    lines: [
      line('99213', { modifiers: ['25'], dx: ['L57.0', 'C44.311'] }),
      line('11102', { modifiers: ['59'], dx: ['C44.311'] }),
      line('11103', { units: 2, dx: ['L82.1', 'D22.5'] }),
      line('11200', { modifiers: ['XS', 'RT', 'E1', 'GA', 'KX'], dx: ['L91.8'] }),
      line('J3301', { units: 4, dx: ['L91.0'] }),
      line('88305', { status: 'held-for-pathology', dx: ['C44.311'] }),
      line('17110', { billing: 'self-pay', dx: ['B07.8'] }),
    ],
    findings: [],
    specimens: [],
    comparison: [],
  };
}
