import 'fake-indexeddb/auto';
import { type ClaimDraft, type Encounter, Encounter as EncounterSchema, Settings } from '../../../core/model';
import { openDb } from '../../../core/store/db';
import { DermLensStore } from '../../../core/store/repository';

let n = 0;
const open: DermLensStore[] = [];

/** A store on its own fresh database; `dropStores()` in afterEach deletes them. */
export function freshStore(prefix = 'store'): DermLensStore {
  const store = new DermLensStore(openDb(`${prefix}-${Date.now()}-${++n}-${Math.random()}`));
  open.push(store);
  return store;
}

export async function dropStores(): Promise<void> {
  for (const s of open.splice(0)) {
    s.db.close();
    await s.db.delete();
  }
}

export const settings = Settings.parse({});

export function encounterOf(id: string, specimens: string[] = ['A']): Encounter {
  return EncounterSchema.parse({ id, specimens: specimens.map((label) => ({ label })), sections: { note: `Shave biopsy, specimen ${specimens.join(', ')}` } });
}

export function draftOf(encounterId: string, codes: string[], options: { held?: string[]; specimens?: ClaimDraft['specimens'] } = {}): ClaimDraft {
  return {
    encounterId,
    lines: codes.map((code) => ({
      code,
      units: 1,
      modifiers: [],
      dx: [],
      billing: 'insurance',
      status: options.held?.includes(code) ? 'held-for-pathology' : 'ready',
      description: code,
      lesionLabels: [],
      specimenLabels: [],
      ruleIds: [],
      spans: [],
    })),
    findings: [{ severity: 'warning', rule: 'biopsy/technique-documented', message: 'Technique not documented', target: 'A', fix: 'document shave or punch' }],
    specimens: options.specimens ?? [{ label: 'A', status: 'sent' }],
    comparison: [],
  };
}

export interface VisitInput {
  id: string;
  patientKey?: string;
  dateOfService?: string;
  codes?: string[];
  held?: string[];
  specimens?: ClaimDraft['specimens'];
  pathology?: Encounter['pathology'];
  now?: number;
}

/** Stores one coded visit through the real repository path. */
export async function saveVisit(store: DermLensStore, v: VisitInput): Promise<void> {
  const encounter = { ...encounterOf(v.id), pathology: v.pathology ?? [] };
  await store.saveCoded({
    encounterId: v.id,
    patientKey: v.patientKey,
    patientInitials: 'J.D.',
    dateOfService: v.dateOfService,
    adapter: 'generic',
    url: 'http://x/',
    encounter,
    draft: draftOf(v.id, v.codes ?? ['11102'], { held: v.held, specimens: v.specimens }),
    settings,
    now: v.now ?? 1000,
  });
}
