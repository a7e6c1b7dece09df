import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, type ProcedureInput, Settings, type SettingsInput } from '../../../core/model';

let nextId = 0;
/** A performed procedure with sensible defaults for rule tests. */
export function proc(p: Omit<ProcedureInput, 'id'> & { id?: string }): ProcedureInput {
  return { id: p.id ?? `p${++nextId}`, status: 'performed', ...p };
}

export interface CodedLine {
  code: string;
  units: number;
  modifiers: string[];
  billing?: string;
  status?: string;
}

/** Codes an encounter and returns compact lines + the rule ids of the findings. */
export function code(input: EncounterInput, settings: SettingsInput = {}) {
  const draft = codeEncounter(Encounter.parse(input), Settings.parse(settings));
  return {
    draft,
    lines: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })),
    full: draft.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers, billing: l.billing, status: l.status })),
    findings: draft.findings.map((f) => f.rule),
  };
}

/** "11102", "11103x2", "11104-59", "17311-XS x1" → CodedLine, for compact expected tables. */
export function L(spec: string): CodedLine {
  const m = /^([0-9A-Z]{5})((?:-[0-9A-Z]{2})*)(?:\s*x(\d+))?$/.exec(spec.trim());
  if (!m) throw new Error(`bad line spec ${spec}`);
  return { code: m[1] as string, units: m[3] ? Number(m[3]) : 1, modifiers: m[2] ? (m[2] as string).slice(1).split('-') : [] };
}
