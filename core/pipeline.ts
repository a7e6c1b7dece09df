import { type ChartSnapshot, Encounter } from './model';
import { type ParseOptions, parseSections } from './parse';

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

/** Snapshot sections are parsed as sections (spans point into each one), with the banner as a header. */
export function encounterFromSnapshot(snapshot: ChartSnapshot, id: string, options: Pick<ParseOptions, 'budgetMs'> = {}): Encounter {
  // The patient identity is hashed by the caller and never copied into the encounter's section texts.
  const header: string[] = [];
  if (snapshot.dateOfService) header.push(`Date of service: ${snapshot.dateOfService}`);
  const sections = header.length > 0 ? [{ name: 'header', role: 'header', text: header.join('\n') }, ...snapshot.sections] : snapshot.sections;
  return parseSections(sections, { id, ...options });
}
