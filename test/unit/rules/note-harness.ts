import { codeEncounter } from '../../../core/engine';
import { Settings, type SettingsInput } from '../../../core/model';
import { parseNote } from '../../../core/parse';

/**
 * A note body coded end to end (parse → rules) on a fixed date of service: exact lines
 * ("code-modifiers xunits"), their diagnoses and the finding ids, for the probe-note tables.
 */
export function codeNote(body: string, settings: SettingsInput = {}) {
  const draft = codeEncounter(parseNote(`Date of Service: 11/20/2026\n${body}`), Settings.parse(settings));
  return {
    lines: draft.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}${l.units > 1 ? ` x${l.units}` : ''}`),
    dx: draft.lines.map((l) => l.dx),
    findings: draft.findings.map((f) => f.rule),
  };
}
