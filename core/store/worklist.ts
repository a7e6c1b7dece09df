import type { Worklist, WorklistItem, WorklistKind } from '../model/messages';
import type { DermLensDb, EncounterRecord } from './db';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Results that call for treatment or follow-up: malignant, and malignant in situ. */
const FOLLOW_UP_BEHAVIORS = new Set(['malignant', 'in-situ']);

function daysSince(date: string | undefined, now: number): number | undefined {
  if (!date || !ISO_DATE.test(date)) return undefined;
  const days = Math.floor((now - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
  return Number.isFinite(days) && days >= 0 ? days : undefined;
}

/**
 * The coder's worklist across every stored visit:
 * - unbilled: a specimen with a result but no billed interpretation;
 * - pending: a specimen with no result more than `agingDays` after the visit;
 * - held: a claim draft with a held line (needs a decision before it can go out);
 * - malignant: a malignant / in-situ result and no later stored visit of that patient.
 */
export async function buildWorklist(db: DermLensDb, agingDays: number, now = Date.now()): Promise<Worklist> {
  return db.transaction('r', [db.encounters, db.specimens, db.pathology, db.claimDrafts], async () => {
    const encounters = new Map<string, EncounterRecord>((await db.encounters.toArray()).map((e) => [e.id, e]));
    const who = (encounterId: string) => {
      const e = encounters.get(encounterId);
      return { encounterId, patientInitials: e?.patientInitials, dateOfService: e?.dateOfService };
    };
    const items: WorklistItem[] = [];

    for (const s of await db.specimens.where('status').anyOf('sent', 'unbilled').toArray()) {
      const dos = s.dateOfService ?? encounters.get(s.encounterId)?.dateOfService;
      const ageDays = daysSince(dos, now);
      const base = {
        ...who(s.encounterId),
        dateOfService: dos,
        label: s.label,
        ...(s.site ? { site: s.site } : {}),
        ...(ageDays !== undefined ? { ageDays } : {}),
      };
      if (s.status === 'unbilled') items.push({ ...base, kind: 'unbilled', detail: 'Resulted; no pathology interpretation billed' });
      else if (ageDays !== undefined && ageDays > agingDays)
        items.push({ ...base, kind: 'pending', detail: `No result ${ageDays} days after the visit (limit ${agingDays})` });
    }

    for (const d of await db.claimDrafts.toArray()) {
      const held = d.draft.lines.filter((l) => l.status !== 'ready');
      if (!held.length || !encounters.has(d.encounterId)) continue;
      const ageDays = daysSince(encounters.get(d.encounterId)?.dateOfService, now);
      items.push({
        ...who(d.encounterId),
        kind: 'held',
        detail: `${held.length} held line(s): ${held.map((l) => l.code).join(', ')}`,
        ...(ageDays !== undefined ? { ageDays } : {}),
      });
    }

    const seen = new Set<string>();
    for (const p of await db.pathology
      .where('behavior')
      .anyOf([...FOLLOW_UP_BEHAVIORS])
      .toArray()) {
      const visit = encounters.get(p.encounterId);
      const resultDate = p.signedDate && ISO_DATE.test(p.signedDate) ? p.signedDate : visit?.dateOfService;
      // Follow-up = a later stored visit of the same patient (after the result, or after the biopsy visit).
      const later = p.patientKey
        ? [...encounters.values()].some(
            (e) => e.patientKey === p.patientKey && e.id !== p.encounterId && !!e.dateOfService && !!resultDate && e.dateOfService > resultDate,
          )
        : false;
      const key = `${p.encounterId}|${p.specimenLabel}`;
      if (later || seen.has(key)) continue;
      seen.add(key);
      const ageDays = daysSince(resultDate, now);
      items.push({
        ...who(p.encounterId),
        kind: 'malignant',
        label: p.specimenLabel,
        detail: `${p.behavior === 'in-situ' ? 'In situ' : 'Malignant'} result${p.signedDate ? ` signed ${p.signedDate}` : ''}; no later visit stored`,
        ...(ageDays !== undefined ? { ageDays } : {}),
      });
    }

    items.sort(
      (a, b) =>
        (b.ageDays ?? -1) - (a.ageDays ?? -1) || (a.dateOfService ?? '').localeCompare(b.dateOfService ?? '') || (a.label ?? '').localeCompare(b.label ?? ''),
    );
    const kinds: WorklistKind[] = ['unbilled', 'pending', 'held', 'malignant'];
    const counts = Object.fromEntries(kinds.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<WorklistKind, number>;
    return { items, counts, agingDays };
  });
}
