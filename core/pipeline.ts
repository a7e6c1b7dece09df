import { type ChartSnapshot, Encounter } from './model';
import { parseNote } from './parse';

export class EncounterInputError extends Error {}

/** A saved Encounter (.json), validated; any problem is one readable sentence. */
export function encounterFromJson(text: string, id: string): Encounter {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new EncounterInputError(`not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const result = Encounter.safeParse(typeof raw === 'object' && raw !== null && !('id' in raw) ? { ...raw, id } : raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EncounterInputError(`not a DermLens encounter: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}

/** The text of an adapter's snapshot, section by section, as one note for the parser. */
export function snapshotToNote(snapshot: ChartSnapshot): string {
  const parts: string[] = [];
  if (snapshot.patient) parts.push(`Patient: ${snapshot.patient}`);
  if (snapshot.dateOfService) parts.push(`Date of service: ${snapshot.dateOfService}`);
  for (const s of snapshot.sections) parts.push(`${s.name}\n${s.text}`);
  return parts.join('\n\n');
}

export function encounterFromSnapshot(snapshot: ChartSnapshot, id: string): Encounter {
  return parseNote(snapshotToNote(snapshot), { id });
}
