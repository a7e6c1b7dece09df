import { siteInfo } from '../anatomy';
import type { Procedure } from '../model';
import { defineRule, type Rule } from './define-rule';

const BIOPSY_KINDS = ['biopsy-tangential', 'biopsy-punch', 'biopsy-incisional', 'biopsy-unspecified'] as const;

/** Technique rank for the primary code: incisional > punch > tangential (CPT 2019). */
const TECHNIQUE = {
  'biopsy-incisional': { rank: 3, primary: '11106', addOn: '11107', word: 'incisional' },
  'biopsy-punch': { rank: 2, primary: '11104', addOn: '11105', word: 'punch' },
  'biopsy-tangential': { rank: 1, primary: '11102', addOn: '11103', word: 'tangential' },
} as const;

/** Site-specific codes that replace 11102-11107 (reference §1.3). */
const SITE_SPECIFIC: Record<string, { code: string; addOn?: string; what: string }> = {
  'lip-vermilion': { code: '40490', what: 'lip vermilion/mucosa' },
  'oral-mucosa': { code: '40808', what: 'oral vestibule mucosa' },
  'floor-of-mouth': { code: '41108', what: 'floor of mouth' },
  'ear-canal': { code: '69105', what: 'external ear canal' },
  nail: { code: '11755', what: 'nail unit' },
  penis: { code: '54100', what: 'penis' },
  vulva: { code: '56605', addOn: '56606', what: 'vulva/perineum' },
  perineum: { code: '56605', addOn: '56606', what: 'vulva/perineum' },
  intranasal: { code: '30100', what: 'intranasal' },
};

function siteSpecific(p: Procedure): { code: string; addOn?: string; what: string } | undefined {
  const info = siteInfo(p.site?.key);
  if (!info) return undefined;
  if (info.special && SITE_SPECIFIC[info.special]) return SITE_SPECIFIC[info.special];
  // External ear (auricle incl. helix) has its own biopsy code, 69100.
  if (info.subunit === 'ear' && info.region === 'face') return { code: '69100', what: 'external ear' };
  return undefined;
}

/** Biopsies of the same lesion as a larger same-day procedure are handled by biopsy/same-lesion-bundled. */
export function skinBiopsies(ctx: { performed: (...k: Procedure['kind'][]) => Procedure[] }): Procedure[] {
  return ctx.performed(...BIOPSY_KINDS);
}

export const biopsyTechniqueDocumented = defineRule({
  id: 'biopsy/technique-documented',
  family: 'biopsy',
  phase: 'code',
  title: 'Biopsy technique must be documented',
  explain:
    'The biopsy code depends on the technique: tangential (shave, scoop, saucerization, curette), punch, or incisional. ' +
    'When the note only says "biopsy", no code can be chosen without guessing, so DermLens asks for the technique instead of picking one.',
  references: ['CPT 2019 integumentary biopsy guidelines', 'AAD "Biopsy coding in 2019: Part 2"'],
  status: 'stable',
  codes: ['11102', '11104', '11106'],
  apply(ctx) {
    for (const p of ctx.performed('biopsy-unspecified')) {
      const target = p.specimenLabel ?? p.lesionLabels[0];
      ctx.report({
        severity: 'error',
        message: `Biopsy${target ? ` ${target}` : ''}${p.site ? ` (${p.site.text})` : ''}: technique not documented, so no biopsy code can be chosen.`,
        target,
        fix: 'Document the technique: tangential/shave (11102/11103), punch (11104/11105) or incisional (11106/11107).',
        span: p.span,
      });
    }
  },
});

export const biopsySiteSpecific = defineRule({
  id: 'biopsy/site-specific-code',
  family: 'biopsy',
  phase: 'code',
  title: 'Mucosa, ear, eyelid, nail and genital biopsies use site-specific codes',
  explain:
    'The 2019 skin biopsy codes cover skin only. A biopsy of the lip vermilion, oral mucosa, external ear, nail unit, penis, vulva or nose lining ' +
    'has its own code, which replaces 11102-11107. Eyelid biopsies that include the lid margin use 67810; whether a shave or punch of eyelid skin away from the margin ' +
    'belongs to 67810 or the skin codes is not settled, so DermLens asks.',
  references: ['CPT 2019 biopsy guidelines (skin only)', 'AAD location codes', 'AAPC "Site-specific biopsy codes"'],
  status: 'stable',
  codes: ['40490', '40808', '41100', '41105', '41108', '69100', '69105', '67810', '11755', '54100', '56605', '56606', '30100'],
  apply(ctx) {
    const groups = new Map<string, Procedure[]>();
    for (const p of skinBiopsies(ctx)) {
      if (p.kind === 'biopsy-unspecified') continue;
      const info = siteInfo(p.site?.key);
      if (info?.subunit === 'eyelid') {
        if (info.special === 'eyelid-margin' || p.kind === 'biopsy-incisional') {
          ctx.addLine({
            code: '67810',
            lesionLabels: p.lesionLabels,
            specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
            procedureIds: [p.id],
            siteKey: p.site?.key,
            spans: ctx.spanOf(p),
            tags: ['biopsy'],
          });
        } else {
          ctx.report({
            severity: 'warning',
            message: `Biopsy ${p.specimenLabel ?? ''} of eyelid skin away from the margin coded with skin biopsy codes; the CPT parenthetical for 67810 is unverified here.`,
            target: p.specimenLabel,
            fix: 'Verify against the current CPT book whether 67810 applies; document whether the lid margin was included.',
            span: p.span,
          });
        }
        continue;
      }
      const special = siteSpecific(p);
      if (!special) continue;
      const list = groups.get(special.code) ?? [];
      list.push(p);
      groups.set(special.code, list);
    }
    for (const [code, procs] of groups) {
      const special = SITE_SPECIFIC[Object.keys(SITE_SPECIFIC).find((k) => SITE_SPECIFIC[k]?.code === code) ?? ''] ?? { code, what: '' };
      const addOn = special.addOn;
      const first = procs[0] as Procedure;
      ctx.addLine({
        code,
        lesionLabels: first.lesionLabels,
        specimenLabels: first.specimenLabel ? [first.specimenLabel] : [],
        procedureIds: [first.id],
        siteKey: first.site?.key,
        spans: ctx.spanOf(first),
        tags: ['biopsy'],
      });
      const rest = procs.slice(1);
      if (rest.length === 0) continue;
      if (addOn) {
        ctx.addLine({
          code: addOn,
          units: rest.length,
          lesionLabels: rest.flatMap((p) => p.lesionLabels),
          specimenLabels: rest.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
          procedureIds: rest.map((p) => p.id),
          spans: rest.flatMap((p) => ctx.spanOf(p)),
          tags: ['biopsy'],
        });
      } else {
        for (const p of rest) {
          const line = ctx.addLine({
            code,
            lesionLabels: p.lesionLabels,
            specimenLabels: p.specimenLabel ? [p.specimenLabel] : [],
            procedureIds: [p.id],
            siteKey: p.site?.key,
            spans: ctx.spanOf(p),
            tags: ['biopsy'],
          });
          ctx.addModifier(line, ctx.distinctModifier('XS'));
        }
      }
    }
  },
});

export const biopsyOnePrimary = defineRule({
  id: 'biopsy/one-primary',
  family: 'biopsy',
  phase: 'code',
  title: 'One primary biopsy code per encounter, add-ons for the rest',
  explain:
    'Only one primary skin biopsy code is reported per encounter, taken from the highest technique performed: incisional (11106) over punch (11104) over tangential (11102). ' +
    'Every other biopsy is reported with the add-on code of its own technique (11107, 11105 or 11103), in units, with no modifier 59 or 51. ' +
    'Claims that give each technique its own first-lesion code are a common error.',
  references: ['CPT 2019 biopsy guidelines and the parenthetical under 11103', 'AAD "Biopsy coding in 2019: Part 3"', 'AAD "Modifier madness" (2019)'],
  status: 'stable',
  effective: { from: '2019-01-01' },
  codes: ['11102', '11103', '11104', '11105', '11106', '11107'],
  apply(ctx) {
    const skin = skinBiopsies(ctx).filter((p) => {
      if (p.kind === 'biopsy-unspecified') return false;
      const info = siteInfo(p.site?.key);
      if (info?.subunit === 'eyelid') return !(info.special === 'eyelid-margin' || p.kind === 'biopsy-incisional');
      return !siteSpecific(p);
    });
    if (skin.length === 0) return;
    const ranked = [...skin].sort((a, b) => TECHNIQUE[b.kind as keyof typeof TECHNIQUE].rank - TECHNIQUE[a.kind as keyof typeof TECHNIQUE].rank);
    const primary = ranked[0] as Procedure;
    const primaryTech = TECHNIQUE[primary.kind as keyof typeof TECHNIQUE];
    ctx.addLine({
      code: primaryTech.primary,
      lesionLabels: primary.lesionLabels,
      specimenLabels: primary.specimenLabel ? [primary.specimenLabel] : [],
      procedureIds: [primary.id],
      siteKey: primary.site?.key,
      spans: ctx.spanOf(primary),
      tags: ['biopsy', 'biopsy-primary'],
    });
    // Add-ons grouped by technique, highest technique first, one line each with units.
    const rest = ranked.slice(1);
    for (const kind of ['biopsy-incisional', 'biopsy-punch', 'biopsy-tangential'] as const) {
      const same = rest.filter((p) => p.kind === kind);
      if (same.length === 0) continue;
      ctx.addLine({
        code: TECHNIQUE[kind].addOn,
        units: same.length,
        lesionLabels: same.flatMap((p) => p.lesionLabels),
        specimenLabels: same.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
        procedureIds: same.map((p) => p.id),
        spans: same.flatMap((p) => ctx.spanOf(p)),
        tags: ['biopsy', 'biopsy-add-on'],
      });
    }
  },
});

export const biopsyRules: Rule[] = [biopsyTechniqueDocumented, biopsySiteSpecific, biopsyOnePrimary];
