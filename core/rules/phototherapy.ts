import { amountInBillingMeasure, findDrug, isCompounded } from '../codes/drugs';
import type { Procedure } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import { addDrugLine, NO_WASTE, resolveDose } from './injection';
import { procedureText } from './procedure-text';

/** The words that say which light treatment was given: modality first, then the note text. */
/** The parser's own words for the procedure (modality, drug, its text), without the surrounding block. */
const ownWords = (p: Procedure) => `${p.modality ?? ''} ${p.drug?.name ?? ''} ${p.text}`.toLowerCase();
const described = (ctx: RuleContext, p: Procedure) => `${p.modality ?? ''} ${p.drug?.name ?? ''} ${procedureText(ctx, p)}`.toLowerCase();

const LASER = /excimer|xtrac|308\s*nm|laser/;
const GOECKERMAN = /goeckerman|\btar\b|coal tar|petrolatum|crude/;
const PUVA = /puva|psoralen|methoxsalen|8-?mop|oxsoralen/;
const SENSITIZER = String.raw`(?:coal\s+)?tar|petrolatum|crude|goeckerman|puva|psoralen|methoxsalen|8-?mop|oxsoralen`;
/** "no psoralen, no tar", "without tar or petrolatum": a photosensitizer named only to say it was not used. */
const NEGATED_SENSITIZER = new RegExp(
  String.raw`\b(?:no|without|w\/o|not|nor)\s+(?:${SENSITIZER})\b(?:\s*(?:,|\/|or|nor|and)\s*(?:no\s+)?(?:${SENSITIZER})\b)*`,
  'g',
);
const unnegated = (t: string) => t.replace(NEGATED_SENSITIZER, ' ');
const UV = /nb-?uvb|narrow[\s-]?band|\buvb\b|\buva\b|uva-?1|bb-?uvb|broad[\s-]?band|ultraviolet|\buv\b|311\s*nm|light box|phototherapy/;

/** ≥4 hours of day treatment written in the note (96913 needs 4-8 hours of supervised care). */
function extendedHours(text: string): number | undefined {
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:-\s*\d+\s*)?(?:hours?|hrs?|h\b)/g)) {
    // "Goggles after soak x 24 h", "eye protection for 12 hours", "1 h incubation": aftercare and waiting times are no
    // hours of treatment.
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    if (/goggles|glasses|eyes?\b|sun|avoid|protect|wear|incubat|after|wait/.test(before)) continue;
    return Number(m[1]);
  }
  return undefined;
}

function lightCode(ctx: RuleContext, p: Procedure): string | undefined {
  const text = unnegated(described(ctx, p));
  const typeOf = (t: string) => (GOECKERMAN.test(t) ? '96910' : PUVA.test(t) ? '96912' : UV.test(t) ? '96900' : undefined);
  // Most specific source first: the parser's modality, its own text, then the whole block
  // (which may mention a treatment only to decline it: "PUVA discussed, declined").
  const own = unnegated(ownWords(p));
  const ownType = /tar|petrolatum|goeckerman|puva|psoralen|methoxsalen/.test(own)
    ? typeOf(own)
    : p.modality
      ? (typeOf(p.modality.toLowerCase()) ?? typeOf(own))
      : typeOf(own);
  const base = ownType ?? typeOf(text.replace(/(?<![^.;\n])[^.;\n]*\b(?:declin|consider|discuss|not\s+a\s+candidate|instead\s+of|vs\.?)\b[^.;\n]*/g, ' '));
  if (base === '96910' || base === '96912') {
    const hours = extendedHours(text);
    const dayTreatment = /day treatment|day[\s-]?care|extended/.test(text);
    if ((hours !== undefined && hours >= 4) || dayTreatment) {
      if (/supervis/.test(text)) return '96913';
      ctx.report({
        severity: 'warning',
        message: `Extended ${base === '96910' ? 'Goeckerman' : 'PUVA'} treatment documented without direct physician supervision; coded ${base}.`,
        target: base,
        fix: 'Document at least 4-8 hours of care under direct physician supervision to support 96913.',
        span: p.span,
      });
    }
  }
  return base;
}

export const phototherapyLight = defineRule({
  id: 'phototherapy/light-therapy',
  family: 'phototherapy',
  phase: 'code',
  title: 'Phototherapy by type: 96900 UV alone, 96910 tar/petrolatum + UVB, 96912 PUVA, 96913 extended',
  explain:
    'Ultraviolet light alone (narrowband or broadband UVB, UVA) with no photosensitizer is 96900. Tar or petrolatum with UVB (Goeckerman) is 96910, psoralen with UVA (PUVA) is 96912, ' +
    'and Goeckerman or PUVA for severe disease needing at least 4-8 hours of care under direct physician supervision is 96913. ' +
    'Each is reported once per session for the whole treated area, never per plaque.',
  references: ['Reference §8.1', 'CPT 96900-96913', 'Payer phototherapy policies (prior topical failure)'],
  status: 'stable',
  codes: ['96900', '96910', '96912', '96913'],
  apply(ctx) {
    const byCode = new Map<string, Procedure[]>();
    for (const p of ctx.performed('phototherapy')) {
      if (LASER.test(ownWords(p))) continue; // phototherapy/laser-inflammatory
      const code = lightCode(ctx, p);
      if (!code) {
        ctx.report({
          severity: 'warning',
          message: `Phototherapy${p.modality ? ` "${p.modality}"` : ''}: light type not documented; no code chosen.`,
          target: p.lesionLabels[0],
          fix: 'Document the treatment: NB-UVB/UVB/UVA alone (96900), tar or petrolatum + UVB (96910), PUVA (96912).',
          span: p.span,
        });
        continue;
      }
      byCode.set(code, [...(byCode.get(code) ?? []), p]);
    }
    for (const [code, procs] of byCode) {
      const first = procs[0] as Procedure;
      ctx.addLine({
        code,
        lesionLabels: [...new Set(procs.flatMap((p) => p.lesionLabels))],
        procedureIds: procs.map((p) => p.id),
        siteKey: first.site?.key,
        spans: procs.flatMap((p) => ctx.spanOf(p)),
        tags: ['phototherapy'],
      });
      if (procs.length > 1) {
        ctx.report({
          severity: 'info',
          message: `${procs.length} ${code} treatments documented for one day: phototherapy is one code per session for the whole treated area, so one line.`,
          target: code,
        });
      }
    }
  },
});

export const phototherapyLaser = defineRule({
  id: 'phototherapy/laser-inflammatory',
  family: 'phototherapy',
  phase: 'code',
  title: 'Excimer laser for inflammatory skin disease by total area: 96920 / 96921 / 96922',
  explain:
    'Laser treatment of psoriasis or other inflammatory skin disease (e.g. the 308 nm excimer) is coded once per day by the total area treated that day: under 250 sq cm is 96920, ' +
    '250 to 500 sq cm is 96921, over 500 sq cm is 96922. Plaques are added together, never coded one by one. The codes are bands, not levels, so without the documented area none is chosen. ' +
    'Excimer for vitiligo is covered by some payers only.',
  references: ['Reference §8.1', 'CPT 96920-96922'],
  status: 'stable',
  codes: ['96920', '96921', '96922'],
  apply(ctx) {
    const procs = ctx.performed('laser-psoriasis', 'phototherapy').filter((p) => p.kind === 'laser-psoriasis' || LASER.test(ownWords(p)));
    if (procs.length === 0) return;
    // A total written in the note ("total treated area today 300 sq cm") is the day's area.
    // A flowsheet often tabulates the plaques below the procedure's own block and ends with a "TOTAL treated area" row:
    // with one laser session that day, the total written anywhere in its section is the day's area.
    const stated =
      procs.map((p) => totalAreaInText(procedureText(ctx, p))).find((a) => a !== undefined) ??
      (procs.length === 1 && procs[0]?.span ? totalAreaInText(ctx.encounter.sections[procs[0].span.section] ?? '') : undefined);
    const missing = stated !== undefined ? [] : procs.filter((p) => p.areaSqCm === undefined);
    const area = stated ?? procs.reduce((n, p) => n + (p.areaSqCm ?? 0), 0);
    const first = procs[0] as Procedure;
    // The three codes are bands of the day's total area, not levels: an unknown part of the
    // total could move it into any band, so no code is chosen until the area is documented.
    if (missing.length > 0) {
      ctx.report({
        severity: 'warning',
        message: `Laser treatment of inflammatory skin disease: treated area not documented${procs.length > 1 ? ` for ${missing.length} of ${procs.length} areas` : ''}; no code chosen (96920/96921/96922 depend on the total area).`,
        target: first.lesionLabels[0] ?? '96920',
        fix: 'Document the total treated area in sq cm: under 250 → 96920, 250-500 → 96921, over 500 → 96922.',
        span: missing[0]?.span,
      });
    } else {
      // CPT: under 250 / 250-500 / over 500 sq cm of total area.
      const code = area < 250 ? '96920' : area <= 500 ? '96921' : '96922';
      ctx.addLine({
        code,
        lesionLabels: [...new Set(procs.flatMap((p) => p.lesionLabels))],
        procedureIds: procs.map((p) => p.id),
        siteKey: first.site?.key,
        spans: procs.flatMap((p) => ctx.spanOf(p)),
        tags: ['phototherapy', 'laser'],
      });
    }
    if (procs.some((p) => /vitiligo/i.test(`${p.lesionType ?? ''} ${procedureText(ctx, p)} ${p.indications.join(' ')}`))) {
      ctx.report({
        severity: 'info',
        message: 'Excimer laser for vitiligo is covered by some payers only.',
        target: first.lesionLabels[0] ?? 'laser',
        fix: 'Check the payer policy and prior authorization before billing.',
      });
    }
  },
});

/** "total treated area today 300 sq cm", "total area: 320 cm2", "TOTAL treated area ...... 250 cm2". */
export function totalAreaInText(rawText: string): number | undefined {
  // "TOTAL treated area ........ 250 cm2": dot leaders of a printed table are spacing, not a sentence end.
  const text = rawText.replace(/\.{2,}/g, ' ');
  const m =
    /\btotal\s+(?:treated\s+|treatment\s+)?(?:area|surface)\b[^.;\n]{0,30}?(\d+(?:\.\d+)?)\s*(?:sq\.?\s*cm|cm2|cm²|square\s+cm|square\s+centimet(?:er|re)s?)/i.exec(
      text,
    );
  return m ? Number(m[1]) : undefined;
}

/**
 * "Physician present for application and illumination", "under direct physician supervision": the physician watched or
 * supervised, which is not applying the drug and performing the illumination that 96573 names (reference §8.2).
 */
const PHYSICIAN_PRESENT =
  /\b(?:(?:the\s+)?(?:physician|provider|md|qhp|attending|dr\.?(?:\s+[A-Z][a-z]+)?)\s+(?:was\s+|is\s+|remained\s+)?(?:physically\s+)?(?:present|in\s+attendance|available|on[- ]site|supervis\w*)|under\s+(?:the\s+)?(?:direct\s+)?(?:physician|provider|md)?\s*supervision|supervised\s+by\s+(?:the\s+)?(?:physician|provider|md|dr\b))[^.;\n]*/gi;

/** The note says the physician was present for (or supervised) the PDT, without saying who applied the drug. */
export function physicianOnlyPresent(text: string): boolean {
  PHYSICIAN_PRESENT.lastIndex = 0;
  return PHYSICIAN_PRESENT.test(text);
}

/** Who applied the photosensitizer, when the parser did not say (§14: PDT needs "who applied the drug"). */
export function appliedByInText(rawText: string): 'physician' | 'staff' | undefined {
  // "Physician present while the Levulan was applied": presence is not applying.
  const text = rawText.replace(PHYSICIAN_PRESENT, ' ');
  const staff =
    /\b(?:ma|rn|lpn|cma|nurse|staff|medical\s+assistant|technician|tech|aesthetician)\b[^.;]{0,40}?\bappl(?:y|ied|ies)\b|\bappl(?:ied|ication)\s+(?:[a-z]+\s+){0,4}?by\s+(?:the\s+|our\s+)?(?:ma|rn|lpn|cma|nurse|staff|medical\s+assistant|technician|tech)\b/i;
  const physician =
    /(?:\bdr\.?\s|\b(?:md|do|physician|provider|qhp|np|pa-c|attending|i)\b)[^.;]{0,40}?\bappl(?:y|ied|ies)\b|\bappl(?:ied|ication)\s+(?:[a-z]+\s+){0,4}?by\s+(?:the\s+)?(?:dr\b|physician|provider|md\b|me\b|attending)/i;
  if (staff.test(text)) return 'staff';
  if (physician.test(text)) return 'physician';
  return undefined;
}

/** "Levulan Kerastick x2", "two Kerasticks"; "a Kerastick", "Levulan Kerastick applied" (singular, no count) is one. */
export function sticksInText(text: string): number | undefined {
  const m = /kerasticks?\s*(?:x|×)\s*(\d+)|\b(\d+|one|two|three|four)\s+(?:levulan\s+)?kerasticks?\b/i.exec(text);
  // §8.3: J7308 is one unit per stick. The product named in the singular, and never in the plural, is one stick.
  if (!m) return /\bkerastick\b/i.test(text) && !/\bkerasticks\b|\bsticks\b/i.test(text) ? 1 : undefined;
  const t = (m[1] ?? m[2]) as string;
  return /^\d+$/.test(t) ? Number(t) : { one: 1, two: 2, three: 3, four: 4 }[t.toLowerCase()];
}

const PDT_RANK = ['96567', '96573', '96574'] as const;
type PdtCode = (typeof PDT_RANK)[number];

function pdtCode(ctx: RuleContext, p: Procedure): PdtCode {
  let debrided = p.debridement === true;
  const text = procedureText(ctx, p).toLowerCase();
  if (debrided && /peel/.test(text) && !/curett|abra|scrap|debrid/.test(text)) {
    debrided = false;
    ctx.report({
      severity: 'warning',
      message: 'PDT: a chemical peel before illumination is not lesion debridement; 96574 not supported.',
      target: '96574',
      fix: 'Only curettage or abrasion of hyperkeratotic lesions supports 96574.',
      span: p.span,
    });
  }
  const appliedBy = p.appliedBy ?? appliedByInText(procedureText(ctx, p));
  if (appliedBy === 'physician') return debrided ? '96574' : '96573';
  if (appliedBy === undefined && physicianOnlyPresent(procedureText(ctx, p))) {
    ctx.report({
      severity: 'warning',
      message:
        'PDT: the note says the physician was present for (or supervised) the treatment, but 96573 needs the physician/QHP to apply the photosensitizer and perform the illumination; presence is not that. Coded staff-applied 96567: verify who applied and illuminated.',
      target: '96567',
      fix: `If the physician/QHP applied the drug and performed the illumination, document it to support 96573${debrided ? ' (96574 with the documented debridement)' : ''}.`,
      span: p.span,
    });
  } else if (appliedBy === undefined) {
    ctx.report({
      severity: 'warning',
      message: `PDT: who applied the photosensitizer and gave the light is not documented; coded staff-applied 96567.`,
      target: '96567',
      fix: `Document that the physician/QHP applied the drug and illuminated to support 96573${debrided ? ' (96574 with the documented debridement)' : ''}.`,
      span: p.span,
    });
  } else if (debrided) {
    ctx.report({
      severity: 'warning',
      message: 'PDT: debridement documented but staff applied the drug; 96574 requires physician/QHP debridement and PDT. Coded 96567.',
      target: '96574',
      fix: 'If the physician/QHP debrided, applied and illuminated, document it to support 96574.',
      span: p.span,
    });
  }
  return '96567';
}

export const phototherapyPdt = defineRule({
  id: 'phototherapy/pdt',
  family: 'phototherapy',
  phase: 'code',
  title: 'Photodynamic therapy: one code per day by who applied the drug and whether lesions were debrided',
  explain:
    'Since 2018 PDT of premalignant lesions is coded per day, not per lesion: 96567 when clinical staff apply the photosensitizer and give the light, 96573 when the physician or QHP does, ' +
    'and 96574 when the physician also debrides hyperkeratotic lesions (curettage or abrasion) first. A chemical peel is not debridement. ' +
    'Only one PDT code is reported per patient per day. The drug is its own line (Levulan Kerastick J7308 per stick; Ameluz J7345 per 10 mg) and topical PDT drugs take no administration code.',
  references: ['Reference §8.2, §8.3', 'CPT 2018 PDT codes 96567/96573/96574', 'Levulan and Biofrontera reimbursement guides'],
  status: 'stable',
  effective: { from: '2018-01-01' },
  codes: ['96567', '96573', '96574', 'J7308', 'J7345'],
  apply(ctx) {
    const procs = ctx.performed('pdt');
    if (procs.length === 0) return;
    const codes = procs.map((p) => pdtCode(ctx, p));
    const code = [...PDT_RANK].reverse().find((c) => codes.includes(c)) as PdtCode;
    const first = procs[0] as Procedure;
    ctx.addLine({
      code,
      lesionLabels: [...new Set(procs.flatMap((p) => p.lesionLabels))],
      procedureIds: procs.map((p) => p.id),
      siteKey: first.site?.key,
      spans: procs.flatMap((p) => ctx.spanOf(p)),
      tags: ['pdt'],
    });
    if (procs.length > 1) {
      ctx.report({
        severity: 'warning',
        message: `${procs.length} PDT treatments documented on one day: PDT is one code per patient per day, reported once as ${code}.`,
        target: code,
        fix: 'Report one PDT code for the day; the treated areas are all inside it.',
      });
    }
    if (code === '96567') {
      ctx.report({
        severity: 'info',
        message: '96567: the current descriptor wording (per day, staff-applied) and whether Medicare pays 96567 and 96573 differently are not verified.',
        target: '96567',
        fix: 'Check the current CPT book and the MAC fee schedule.',
      });
    }
    pdtDrugs(ctx, procs);
    // §8.3 [V]: PDT for low-risk BCC or Bowen's disease (surgery contraindicated) is covered by some payers only.
    const treated = procs
      .map((p) => `${p.lesionType ?? ''} ${p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis ?? '').join(' ')} ${p.text}`)
      .join(' ');
    if (/\bbcc\b|basal\s+cell|bowen|scc-in-situ|in[\s-]situ/i.test(treated)) {
      ctx.report({
        severity: 'info',
        message: 'PDT for basal cell carcinoma or Bowen disease (SCC in situ) is covered by some payers only; the usual indication is actinic keratoses.',
        target: code,
        fix: 'Check the payer policy; document why surgery is contraindicated.',
      });
    }
  },
});

function pdtDrugs(ctx: RuleContext, procs: Procedure[]): void {
  const medicare = ctx.settings.payer === 'medicare';
  const seen = new Set<string>();
  for (const p of procs) {
    const name = p.drug?.name ?? p.modality ?? '';
    const entry = findDrug(name, p.drug?.hcpcs) ?? findDrug(procedureText(ctx, p));
    if (isCompounded(name) || (!p.drug && /compound/i.test(procedureText(ctx, p)))) {
      ctx.report({
        severity: 'warning',
        message: 'PDT with compounded aminolevulinic acid: compounded ALA may not be billed under J7308; no drug line.',
        target: 'J7308',
        fix: 'Bill J7308 only for the Levulan Kerastick product; check the payer for compounded drugs.',
        span: p.span,
      });
      continue;
    }
    if (!entry?.topicalPdt) {
      ctx.report({
        severity: 'warning',
        message: `PDT: photosensitizer ${p.drug?.name ? `"${p.drug.name}" not recognised` : 'not documented'}; no drug line.`,
        target: p.lesionLabels[0],
        fix: 'Document the drug and amount: Levulan Kerastick (J7308, per stick) or Ameluz gel (J7345, per 10 mg).',
        span: p.span,
      });
      continue;
    }
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const same = procs.filter((q) => (findDrug(q.drug?.name ?? q.modality ?? '', q.drug?.hcpcs) ?? findDrug(procedureText(ctx, q)))?.id === entry.id);
    if (entry.id === 'aminolevulinic-acid-20') {
      // §8.3 [V]: J7308 is 1 unit per Kerastick; an undocumented count is at least one stick.
      const sticks = same.reduce((n, q) => {
        const d = q.drug;
        const documented = d?.amountGiven !== undefined && (d.unit === 'stick' || d.unit === undefined) ? d.amountGiven : undefined;
        return n + (documented ?? sticksInText(procedureText(ctx, q)) ?? 0);
      }, 0);
      if (sticks === 0) {
        ctx.report({
          severity: 'warning',
          message: 'PDT: number of Levulan Kerasticks not documented; coded J7308 × 1.',
          target: 'J7308',
          fix: 'Document how many Kerasticks were used (1 unit each).',
          span: p.span,
        });
      }
      const drug = p.drug ?? { name: 'Levulan Kerastick' };
      addDrugLine(ctx, same, {
        entry,
        amount: Math.max(1, sticks),
        wasted: drug.amountWasted,
        noWaste:
          drug.noWaste === true ||
          drug.amountWasted === 0 ||
          (drug.amountWasted === undefined && NO_WASTE.test(same.map((q) => procedureText(ctx, q)).join(' '))),
        container: drug.container ?? entry.container,
        route: 'topical',
        ndc: drug.ndc,
        drugName: drug.name,
      });
      continue;
    }
    // Ameluz (J7345): units per 10 mg; the basis is unverified.
    const drug = p.drug;
    const dose = drug ? resolveDose(entry, drug) : undefined;
    if (!dose?.ok) {
      ctx.report({
        severity: 'warning',
        message: `PDT: amount of ${entry.label} not documented in g, mg or tubes; no drug line.`,
        target: 'J7345',
        fix: 'Document the amount used (e.g. "1 tube (2 g)" = 200 units by the manufacturer’s count).',
        span: p.span,
      });
    } else {
      const total = same.reduce((n, q) => n + (q.drug ? (amountInBillingMeasure(entry, q.drug.amountGiven, q.drug.unit, q.drug.name) ?? 0) : 0), 0);
      addDrugLine(ctx, same, { ...dose.info, amount: total, container: drug?.container, route: 'topical' });
    }
    ctx.report({
      severity: 'info',
      message: `J7345: ${entry.unverified ?? ''}`.trim(),
      target: 'J7345',
      fix: 'Recheck the unit count against the payer’s guidance.',
    });
    if (medicare && !drug?.container) {
      ctx.report({
        severity: 'warning',
        message: 'Medicare: whether the Ameluz tube counts as a single-dose container (JW/JZ required) is not verified; no JW/JZ added.',
        target: 'J7345',
        fix: 'Check the MAC’s guidance; document the container type and any gel discarded.',
      });
    }
  }
}

const DEBRIDEMENT_WORDS = /curett|abra(?:de|sion)|debrid|scrap|microderm/i;
const OTHER_DESTRUCTION = /cryo|liquid\s+nitrogen|\bln2\b|electrodesicc|\bed&c\b|\bedc\b|laser/i;

export const phototherapyPdtDebridementIncluded = defineRule({
  id: 'phototherapy/pdt-debridement-included',
  family: 'phototherapy',
  phase: 'bundle',
  title: 'The lesion debridement before PDT is part of 96574',
  explain:
    '96574 already includes the targeted curettage or abrasion of hyperkeratotic actinic keratoses done to prepare them for PDT. ' +
    'That debridement is not also a destruction (17000/17003/17004) of the same lesions. A separate destruction of other lesions, e.g. cryotherapy elsewhere, stays.',
  references: ['Reference §8.2 (96574 includes targeted debridement)', 'CPT 2018 PDT guidelines'],
  status: 'stable',
  effective: { from: '2018-01-01' },
  codes: ['96574', '17000', '17003', '17004'],
  apply(ctx) {
    if (!ctx.lines.some((l) => l.code === '96574')) return;
    const pdt = ctx.performed('pdt').filter((p) => p.debridement);
    if (pdt.length === 0) return;
    const pdtSites = new Set(pdt.map((p) => p.site?.key));
    for (const line of [...ctx.lines]) {
      if (line.family !== 'destruction' || !/^1700[034]$/.test(line.code)) continue;
      const procs = ctx.performed('destruction-premalignant').filter((p) => line.procedureIds.includes(p.id));
      if (procs.length === 0) continue;
      const isPrep = procs.every((p) => {
        const text = procedureText(ctx, p);
        return DEBRIDEMENT_WORDS.test(text) && !OTHER_DESTRUCTION.test(text) && (!p.site?.key || pdtSites.has(p.site.key) || pdtSites.has(undefined));
      });
      if (!isPrep) continue;
      ctx.removeLine(line, 'curettage of hyperkeratotic AKs before PDT is included in 96574');
      ctx.report({
        severity: 'info',
        message: `${line.code} removed: the curettage/abrasion of the AKs before PDT is the debridement included in 96574.`,
        target: line.code,
        fix: 'If other lesions were destroyed separately (e.g. cryotherapy), document them as their own procedure.',
      });
    }
  },
});

export const phototherapyRules: Rule[] = [phototherapyLight, phototherapyLaser, phototherapyPdt, phototherapyPdtDebridementIncluded];
