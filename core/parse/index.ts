import { Encounter } from '../model';

export interface ParseOptions {
  /** Section name used for spans when the text is a whole note. */
  section?: string;
  id?: string;
}

/** Whole note text → Encounter. (Replaced by the full parser in core/parse.) */
export function parseNote(text: string, options: ParseOptions = {}): Encounter {
  return Encounter.parse({ id: options.id ?? 'encounter', sections: { [options.section ?? 'note']: text } });
}
