import type { ClaimDraft, ClaimLine, Encounter } from '../../../core/model';
import { Encounter as EncounterSchema, Settings } from '../../../core/model';
import type { TabState } from '../../../core/model/messages';

export function line(code: string, extra: Partial<ClaimLine> = {}): ClaimLine {
  return {
    code,
    units: 1,
    modifiers: [],
    dx: [],
    billing: 'insurance',
    status: 'ready',
    description: `desc ${code}`,
    lesionLabels: [],
    specimenLabels: [],
    ruleIds: ['biopsy/one-primary'],
    spans: [],
    ...extra,
  };
}

export const NOTE = 'Procedure: Punch biopsy\nLocation: R dorsal forearm\nSpecimen: B';

export function encounter(): Encounter {
  return EncounterSchema.parse({ id: 'enc-1', sections: { note: NOTE } });
}

export function draft(lines: ClaimLine[], findings: ClaimDraft['findings'] = []): ClaimDraft {
  return { encounterId: 'enc-1', lines, findings, specimens: [{ label: 'B', status: 'billed', site: 'R dorsal forearm' }], comparison: [] };
}

export function tabState(d: ClaimDraft, extra: Partial<TabState> = {}): TabState {
  return {
    tabId: 7,
    status: 'ready',
    encounterId: 'enc-1',
    patientInitials: 'A.S.',
    dateOfService: '2026-03-02',
    adapter: 'generic',
    encounter: encounter(),
    draft: d,
    resolutions: [],
    settings: Settings.parse({}),
    ...extra,
  };
}
