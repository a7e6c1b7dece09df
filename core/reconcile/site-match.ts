import { siteInfo } from '../anatomy';
import { resolveSite } from '../anatomy/vocabulary';
import type { Site } from '../model';

/**
 * How well the site on a pathology report agrees with the site charted for a specimen.
 * same: one anatomic site (or one subunit of one region), sides not opposed;
 * near: same body region, different subunit (e.g. cheek vs temple) — plausible mislabel, not a contradiction;
 * conflict: opposite sides, or different body regions (e.g. back vs forearm);
 * unknown: one side has no readable site.
 */
export type SiteAgreement = 'same' | 'near' | 'conflict' | 'unknown';

const OPPOSED = (a: Site['laterality'], b: Site['laterality']) => (a === 'left' && b === 'right') || (a === 'right' && b === 'left');

export function siteOfText(text: string | undefined): Site | undefined {
  if (!text) return undefined;
  return resolveSite(text);
}

export function compareSites(charted: Site | undefined, reported: Site | string | undefined): SiteAgreement {
  const b = typeof reported === 'string' ? siteOfText(reported) : reported;
  const a = charted?.key ? charted : charted?.text ? (siteOfText(charted.text) ?? charted) : charted;
  if (!a || !b) return 'unknown';
  if (OPPOSED(a.laterality, b.laterality)) return 'conflict';
  if (!a.key || !b.key) return 'unknown';
  if (a.key === b.key) return 'same';
  const ia = siteInfo(a.key);
  const ib = siteInfo(b.key);
  if (!ia || !ib) return 'unknown';
  // Boundary sites coders disagree on (hairline, "extremity") never contradict anything.
  if (ia.ambiguous || ib.ambiguous) return 'near';
  if (ia.region !== ib.region) return 'conflict';
  if (!ia.subunit || !ib.subunit || ia.subunit === ib.subunit) return 'same';
  return 'near';
}

/** Ranking used as the last tie-break between candidate specimens. */
export function agreementRank(a: SiteAgreement): number {
  return a === 'same' ? 2 : a === 'conflict' ? -1 : 1;
}
