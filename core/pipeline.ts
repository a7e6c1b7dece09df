import { type ChartSnapshot, Encounter } from './model';
import { type ParseOptions, parseSections } from './parse';

export class EncounterInputError extends Error {}

/** The fields an Encounter may carry; a .json input needs at least one of the content fields. */
const ENCOUNTER_FIELDS = new Set(Object.keys(Encounter.shape));
const CONTENT_FIELDS = ['visit', 'lesions', 'procedures', 'specimens', 'pathology', 'enteredCharges', 'sections'] as const;

/**
 * A saved Encounter (.json), validated; any problem is one readable sentence. JSON that is not
 * an encounter (an array, `{}`, an object with none of the encounter's fields) is refused rather
 * than coded as an empty visit, and fields the model does not know (a typo such as "procedure")
 * are reported as not read, never dropped in silence.
 */
export function encounterFromJson(text: string, id: string): Encounter {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new EncounterInputError(`not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EncounterInputError(
      `not a DermLens encounter: expected a JSON object, found ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`}`,
    );
  }
  const keys = Object.keys(raw);
  if (!CONTENT_FIELDS.some((k) => keys.includes(k))) {
    throw new EncounterInputError(`not a DermLens encounter: none of its fields (${CONTENT_FIELDS.join(', ')}) is present`);
  }
  const result = Encounter.safeParse('id' in raw ? raw : { ...raw, id });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EncounterInputError(`not a DermLens encounter: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const unknown = keys.filter((k) => !ENCOUNTER_FIELDS.has(k));
  if (unknown.length > 0) {
    result.data.unread.push({ text: unknown.join(', ').slice(0, 200), reason: `unknown encounter field${unknown.length > 1 ? 's' : ''} not read` });
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
