import type { Behavior, Encounter } from '../model';
import { roleOfHeading } from '../parse/sections';
import { compareSites } from './site-match';
import type { SpecimenLogEntry } from './specimen-log';

/** Results that must not be lost: the patient needs treatment or a decision (AAD/NCCN: act on every malignant result). */
export const NEEDS_FOLLOW_UP: readonly Behavior[] = ['malignant', 'in-situ', 'uncertain'];

/**
 * Documented follow-up of a result, written by the clinician: treatment scheduled or done, a
 * referral, or the result discussed with the patient. A pathologist's own advice in a report
 * ("re-excision recommended", "discussed with Dr. X") is not follow-up: it names no patient
 * contact and books nothing.
 */
const FOLLOW_UP: RegExp[] = [
  /\b(?:schedul\w*|booked|set\s+up|arrang\w*)\b[^.\n]{0,80}\b(?:mohs|re-?excision|excision|wle|wide\s+local|ed\s*&\s*c|c\s*&\s*d|surgery|procedure|treatment|radiation|xrt|imiquimod|aldara|efudex|5-?fu|fluorouracil)/i,
  /\b(?:mohs|re-?excision|excision|wle|wide\s+local\s+excision|ed\s*&\s*c|c\s*&\s*d|surgery)\b[^.\n]{0,60}\b(?:schedul\w*|booked|on\s+\d{1,2}\/\d{1,2})/i,
  /\b(?:discuss\w*|review\w*|went\s+over|explain\w*|communicat\w*|relay\w*)\b[^.\n]{0,60}\b(?:results?|path(?:ology)?|biopsy|diagnosis|findings|report)\b[^.\n]{0,40}\bwith\s+(?:the\s+)?(?:patient|pt|her|him|them|family|daughter|son|husband|wife|caregiver)\b/i,
  /\b(?:results?|path(?:ology)?|biopsy\s+results?|diagnosis|findings)\b[^.\n]{0,40}\b(?:discuss\w*|review\w*|given|relayed|communicated)\s+(?:to|with)\s+(?:the\s+)?(?:patient|pt|her|him|them|family)\b/i,
  /\b(?:patient|pt)\s+(?:was\s+|has\s+been\s+)?(?:notified|informed|called|made\s+aware|aware\s+of)\b/i,
  /\b(?:called|notified|informed|phoned)\s+(?:the\s+)?(?:patient|pt)\b/i,
];

/** A referral out for the result; "referred by Dr. X" / "referred to us" is how the patient came in. */
// "Plan: Mohs referral.", "derm surgery referral placed": the kind of referral named before the word.
const REFERRAL =
  /\b(?:refer(?:red|ring)?\s+(?:(?:the\s+)?(?:patient|pt|her|him)\s+)?(?:back\s+)?(?:to|for)\b|referral\s+(?:to|for|placed|sent|made|given)\b|(?:mohs|surg(?:ery|ical)|derm(?:atologic)?\s+surgery|oncology|plastics?|plastic\s+surgery|ent|oculoplastics?)\s+referral\b(?!\s+(?:from|by)\b))/i;
const REFERRED_IN =
  /\brefer(?:red|ral)\s+(?:\w+\s+){0,3}(?:by|from)\b|\breferred\s+to\s+(?:us|our|this)\b|\breferred\s+for\s+(?:evaluation|eval|consult\w*|a\s+(?:skin|lesion|spot|mole))/i;

/** A plan that waits on the result is not follow-up of the result. */
const CONDITIONAL =
  /\b(?:if|pending|depending|once\s+(?:path|results?)|awaiting|await|should\s+(?:path|the\s+biopsy)|consider\w*|recommend\w*|suggest\w*|advis\w*|may\s+be\s+(?:warranted|considered|indicated))\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|\n+/).filter((s) => s.trim().length > 0);
}

export function followUpSentence(text: string): string | undefined {
  for (const s of sentences(text.length > 200_000 ? text.slice(0, 200_000) : text)) {
    if (CONDITIONAL.test(s)) continue;
    if (FOLLOW_UP.some((re) => re.test(s)) || (REFERRAL.test(s) && !REFERRED_IN.test(s))) return s.trim().slice(0, 160);
  }
  return undefined;
}

/** All readable text of an encounter (its section texts, else its procedure texts). */
export function encounterText(encounter: Encounter): string {
  // History sections ("HPI: referred by Dr. X for a changing mole") say how the patient came, not what follows the result.
  const sections = Object.entries(encounter.sections)
    .filter(([name]) => roleOfHeading(name.replace(/\s*\(\d+\)$/, '')) !== 'history')
    .map(([, text]) => text);
  if (sections.length > 0) return sections.join('\n');
  return [...encounter.procedures.map((p) => p.text), ...encounter.visit.problems.map((p) => p.text)].join('\n');
}

export interface PatientDoc {
  encounter: Encounter;
  source: string;
}

/**
 * Looks for documented follow-up of a specimen's result in the patient's notes dated on or after
 * the specimen's visit: a non-conditional follow-up sentence, or a later Mohs / excision /
 * malignant destruction at a site that does not contradict the specimen's site.
 */
export function findFollowUp(entry: SpecimenLogEntry, docs: readonly PatientDoc[]): { evidence: string; source: string } | undefined {
  for (const doc of docs) {
    const e = doc.encounter;
    // Report-only documents are read too: a results note without a procedure looks like one, and the
    // patterns above never match a pathologist's advice ("re-excision recommended", "discussed with Dr. X").
    const dos = e.visit.dateOfService;
    if (entry.dateOfService && dos && dos < entry.dateOfService) continue;
    if (e.id !== entry.encounterId && (!entry.dateOfService || !dos || dos > entry.dateOfService)) {
      const treated = e.procedures.find(
        (p) =>
          p.status === 'performed' &&
          (p.kind === 'mohs' || p.kind === 'excision' || p.kind === 'destruction-malignant') &&
          compareSites(entry.site, p.site) !== 'conflict',
      );
      if (treated) return { evidence: `${treated.kind} performed${treated.site ? ` (${treated.site.text})` : ''}`, source: doc.source };
    }
    const sentence = followUpSentence(encounterText(e));
    if (sentence) return { evidence: sentence, source: doc.source };
  }
  return undefined;
}
