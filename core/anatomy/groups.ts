import { type SiteInfo, siteInfo } from './sites';

/**
 * CPT site groupings per code family, computed from a site's region/subunit.
 * Each function returns undefined when the site is unknown: the rule then emits a
 * finding asking for the site instead of guessing.
 */

/**
 * What a site's boundary is (its `ambiguous` text) when reading the site the other way would put it in another group of
 * `group`; undefined when both readings give the same code ("shoulder: arm or trunk?" is group A for an excision either way).
 */
export function boundaryThatMatters<G>(key: string | undefined, group: (key: string) => G | undefined): string | undefined {
  const s = siteInfo(key);
  if (!s?.ambiguous || key === undefined) return undefined;
  if (s.other !== undefined && group(s.other) === group(key)) return undefined;
  return s.ambiguous;
}

/** Shave removal 11300-11313, excision 11400-11646, malignant destruction 17260-17286. */
export type LesionGroup = 'A' | 'B' | 'C';
export function lesionGroup(key: string | undefined): LesionGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  switch (s.region) {
    case 'trunk':
    case 'axilla':
    case 'arm':
    case 'leg':
      return 'A';
    case 'scalp':
    case 'neck':
    case 'hand':
    case 'foot':
    case 'genitalia':
      return 'B';
    case 'perianal':
      return 'B';
    case 'face':
    case 'mucosa':
      return 'C';
  }
}

/** Simple repair 12001-12018: body vs face. */
export type SimpleRepairGroup = 'body' | 'face';
export function simpleRepairGroup(key: string | undefined): SimpleRepairGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  return s.region === 'face' || s.region === 'mucosa' ? 'face' : 'body';
}

/** Intermediate repair 12031-12057. */
export type IntermediateRepairGroup = 'scalp-trunk-extremities' | 'neck-hands-feet-genitalia' | 'face';
export function intermediateRepairGroup(key: string | undefined): IntermediateRepairGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  switch (s.region) {
    case 'scalp':
    case 'axilla':
    case 'trunk':
    case 'arm':
    case 'leg':
      return 'scalp-trunk-extremities';
    case 'neck':
    case 'hand':
    case 'foot':
    case 'genitalia':
    case 'perianal':
      return 'neck-hands-feet-genitalia';
    case 'face':
    case 'mucosa':
      return 'face';
  }
}

/**
 * The four-way grouping shared by complex repair (13100-13153), adjacent tissue
 * transfer (14000-14061), full-thickness grafts (15200-15261) and pedicle flaps
 * (15570-15576, 15600-15630).
 */
export type FourWayGroup = 'trunk' | 'scalp-arms-legs' | 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet' | 'eyelids-nose-ears-lips';
export function fourWayGroup(key: string | undefined): FourWayGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  switch (s.region) {
    case 'trunk':
      return 'trunk';
    case 'scalp':
    case 'arm':
    case 'leg':
      return 'scalp-arms-legs';
    case 'neck':
    case 'axilla':
    case 'hand':
    case 'foot':
    case 'genitalia':
    case 'perianal':
      return 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet';
    case 'mucosa':
      return s.subunit === 'lip' || s.subunit === 'nose' ? 'eyelids-nose-ears-lips' : 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet';
    case 'face':
      return faceFourWay(s);
  }
}

function faceFourWay(s: SiteInfo): FourWayGroup {
  switch (s.subunit) {
    case 'eyelid':
    case 'nose':
    case 'ear':
    case 'lip':
      return 'eyelids-nose-ears-lips';
    default:
      return 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet';
  }
}

/** Split-thickness autografts (15100/15120) and skin substitutes (15271-15278). */
export type TwoWayGraftGroup = 'trunk-arms-legs' | 'face-scalp-neck-hands-feet-genitalia';
export function twoWayGraftGroup(key: string | undefined): TwoWayGraftGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  return s.region === 'trunk' || s.region === 'arm' || s.region === 'leg' ? 'trunk-arms-legs' : 'face-scalp-neck-hands-feet-genitalia';
}

/** Mohs 17311 (head, neck, hands, feet, genitalia, or deep structures) vs 17313. */
export type MohsGroup = 'head-neck-hands-feet-genitalia' | 'trunk-arms-legs';
export function mohsGroup(key: string | undefined, deepStructureInvolved = false): MohsGroup | undefined {
  if (deepStructureInvolved) return 'head-neck-hands-feet-genitalia';
  const s = siteInfo(key);
  if (!s) return undefined;
  switch (s.region) {
    case 'trunk':
    case 'axilla':
    case 'arm':
    case 'leg':
      return 'trunk-arms-legs';
    default:
      return 'head-neck-hands-feet-genitalia';
  }
}

/** Hidradenitis excision 11450-11471. */
export type HidradenitisGroup = 'axilla' | 'inguinal' | 'perianal-perineal-umbilical';
export function hidradenitisGroup(key: string | undefined): HidradenitisGroup | undefined {
  const s = siteInfo(key);
  if (!s) return undefined;
  if (s.region === 'axilla') return 'axilla';
  if (s.special === 'inguinal') return 'inguinal';
  if (s.special === 'anus' || s.special === 'perineum' || s.special === 'umbilicus' || s.region === 'perianal') {
    return 'perianal-perineal-umbilical';
  }
  return undefined;
}
