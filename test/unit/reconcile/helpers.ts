import { Encounter, type EncounterInput, type PathologyReport, Settings, type SettingsInput } from '../../../core/model';
import { type BatchItem, type ReconcileOptions, reconcileBatch } from '../../../core/reconcile';

/** A visit with one performed procedure that sent specimen `label` (in-house unless told). */
export function visit(
  id: string,
  opts: {
    patientKey?: string;
    dos?: string;
    kind?: 'biopsy-tangential' | 'biopsy-punch' | 'excision';
    label?: string;
    site?: { text: string; key?: string; laterality?: 'left' | 'right' };
    destination?: 'in-house' | 'external' | 'unknown';
    excisedDiameterCm?: number;
    text?: string;
  } = {},
): EncounterInput {
  const label = opts.label ?? 'A';
  const site = opts.site ?? { text: 'L cheek', key: 'cheek', laterality: 'left' as const };
  const kind = opts.kind ?? 'biopsy-tangential';
  return {
    id,
    ...(opts.patientKey === undefined ? { patientKey: 'pk-1' } : opts.patientKey ? { patientKey: opts.patientKey } : {}),
    visit: { dateOfService: opts.dos ?? '2026-06-10', problems: [] },
    lesions: [{ label: '1', site }],
    procedures: [
      {
        id: `${id}-p1`,
        kind,
        status: 'performed',
        lesionLabels: ['1'],
        specimenLabel: label,
        site,
        ...(opts.excisedDiameterCm ? { excisedDiameterCm: opts.excisedDiameterCm } : {}),
        text: opts.text ?? '',
      },
    ],
    specimens: [{ label, lesionLabel: '1', procedureId: `${id}-p1`, site, destination: opts.destination ?? 'in-house' }],
    sections: opts.text ? { note: opts.text } : {},
  };
}

/** A pathology report document (reports only, no procedures). */
export function reportDoc(id: string, reports: Partial<PathologyReport>[], patientKey: string | null = 'pk-1', text = ''): EncounterInput {
  return {
    id,
    ...(patientKey ? { patientKey } : {}),
    visit: { problems: [] },
    pathology: reports.map((r) => ({ specimenLabel: 'A', diagnosisText: 'Seborrheic keratosis', behavior: 'benign' as const, ...r })),
    sections: text ? { 'pathology report': text } : {},
  };
}

export function batch(inputs: (EncounterInput | [EncounterInput, string])[], settings: SettingsInput = {}, options: ReconcileOptions = {}) {
  const items: BatchItem[] = inputs.map((x) => (Array.isArray(x) ? { encounter: Encounter.parse(x[0]), name: x[1] } : { encounter: Encounter.parse(x) }));
  const result = reconcileBatch(items, Settings.parse(settings), options);
  return {
    ...result,
    lines: result.drafts.map((d) =>
      d.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}${l.units > 1 ? ` x${l.units}` : ''}:${l.status}`),
    ),
    rules: result.drafts.map((d) => d.findings.map((f) => f.rule)),
  };
}
