import { siteInfo } from '../anatomy';
import { amountInBillingMeasure, billingUnits, concentrationMgPerMl, type DrugEntry, type DrugRoute, findDrug } from '../codes/drugs';
import type { Procedure } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { documentedCount, LESION_NOUNS, procedureParagraph, procedureText } from './procedure-text';

/** What the waste, route and NDC rules need to know about a drug line. */
export interface DrugLineInfo {
  entry: DrugEntry;
  /** Administered amount in the code's billing measure. */
  amount: number;
  /** Discarded amount in the billing measure; undefined = not documented. */
  wasted: number | undefined;
  noWaste: boolean;
  container: 'single-dose' | 'multi-dose' | undefined;
  route: DrugRoute | undefined;
  ndc: string | undefined;
  drugName: string;
  /** The dose was not written; it is the drug's single-syringe labeled dose. */
  fromSyringeDose?: boolean;
}

/** Drug lines created by the code phase, with their dose facts (lines are the engine's own objects). */
const drugLines = new WeakMap<DraftLine, DrugLineInfo>();

export function drugInfoOf(line: DraftLine): DrugLineInfo | undefined {
  return drugLines.get(line);
}

const labelsOf = (procs: Procedure[]) => [...new Set(procs.flatMap((p) => p.lesionLabels))];

/**
 * Add one drug line (HCPCS code, units in the code's dosage unit). JW/JZ, JA/JB and
 * NDC prompts are added later by injection/drug-waste, injection/route-modifier and
 * injection/ndc, which read the facts recorded here.
 */
export function addDrugLine(ctx: RuleContext, procs: Procedure[], info: DrugLineInfo): DraftLine | undefined {
  const code = info.entry.hcpcs;
  if (!code || !info.entry.per) return undefined;
  const units = billingUnits(info.entry, info.amount);
  if (units < 1) return undefined;
  const first = procs[0];
  const line = ctx.addLine({
    code,
    units,
    lesionLabels: labelsOf(procs),
    procedureIds: procs.map((p) => p.id),
    siteKey: first?.site?.key,
    spans: procs.flatMap((p) => ctx.spanOf(p)),
    tags: ['drug'],
  });
  drugLines.set(line, info);
  return line;
}

export type DoseResult = { ok: true; info: DrugLineInfo } | { ok: false; problem: string; fix: string };

/** Resolve a procedure's documented drug into billing-measure amounts, or say which fact is missing. */
/** "no waste", "nothing discarded", "entire stick used", "vial fully used" (JZ). */
export const NO_WASTE =
  /\bno\s+(?:drug\s+)?(?:waste|wastage)\b|\bnone\s+(?:was\s+)?(?:wasted|discarded)\b|\bnothing\s+(?:was\s+)?(?:wasted|discarded)\b|\b(?:entire|whole|full)\s+(?:contents?|stick|vial|tube|syringe|dose)\s+(?:was\s+)?(?:used|given|administered)\b|\b(?:fully|completely)\s+used\b|\bzero\s+waste\b/i;

/**
 * The concentration written in the procedure text when the drug name has none: used only when
 * the text names exactly one mg/mL value (a dilution written as "diluted to 5 mg/mL from 10 mg/mL"
 * is ambiguous and asks instead).
 */
function concentrationInText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const values = new Set([...text.matchAll(/(\d+(?:\.\d+)?)\s*mg\s*\/\s*(?:ml|cc)\b/gi)].map((m) => Number(m[1])));
  return values.size === 1 ? [...values][0] : undefined;
}

/** The text says exactly one prefilled syringe was given ("prefilled syringe", "1 pre-filled syringe"), never several. */
function oneSyringe(text: string | undefined): boolean {
  if (!text) return false;
  if (/\b(?:[2-9]|two|three|four|both)\s+(?:pre-?filled\s+)?syringes\b|\bsyringes\b/i.test(text)) return false;
  return /\bpre-?filled\s+syringe\b/i.test(text);
}

export function resolveDose(entry: DrugEntry, drug: NonNullable<Procedure['drug']>, context?: string): DoseResult {
  const per = entry.per;
  if (!per) return { ok: false, problem: `${entry.label}: no verified HCPCS code`, fix: 'Look up the current HCPCS code and unit for this drug.' };
  if (drug.amountGiven === undefined && entry.syringeDose && oneSyringe(context)) {
    // §9.5: a fixed-dose biologic given as one prefilled syringe is its labeled dose.
    return {
      ok: true,
      info: {
        entry,
        amount: entry.syringeDose.amount / per.amount,
        wasted: undefined,
        // The whole syringe is the dose: a single-use package (§9.4) with nothing left to discard.
        noWaste: !drug.amountWasted,
        container: drug.container ?? entry.container ?? 'single-dose',
        route: drug.route ?? entry.routes[0],
        ndc: drug.ndc,
        drugName: drug.name,
        fromSyringeDose: true,
      },
    };
  }
  if (drug.amountGiven === undefined) {
    return {
      ok: false,
      problem: `${entry.label}: dose given not documented`,
      fix: `Document the amount given (in ${per.unit}) to bill ${entry.hcpcs} (1 unit = ${per.amount} ${per.unit}).`,
    };
  }
  // A name without a concentration ("triamcinolone") borrows the one written in the text.
  const named = drug.unit === 'mL' && concentrationMgPerMl(entry, drug.name) === undefined ? concentrationInText(context) : undefined;
  const name = named !== undefined ? `${drug.name} ${named} mg/mL` : drug.name;
  const amount = amountInBillingMeasure(entry, drug.amountGiven, drug.unit, name);
  if (amount === undefined) {
    return {
      ok: false,
      problem: `${entry.label}: ${drug.amountGiven} ${drug.unit ?? ''} cannot be converted to ${per.unit} (concentration or dilution not documented)`,
      fix: `Document the dose in ${per.unit} or the concentration (e.g. mg/mL) to bill ${entry.hcpcs}.`,
    };
  }
  if (amount <= 0) return { ok: false, problem: `${entry.label}: dose given is zero`, fix: 'Check the documented dose.' };
  const wasted = drug.amountWasted === undefined ? undefined : amountInBillingMeasure(entry, drug.amountWasted, drug.unit, name);
  return {
    ok: true,
    info: {
      entry,
      amount,
      wasted,
      noWaste: drug.noWaste === true || drug.amountWasted === 0 || (drug.amountWasted === undefined && NO_WASTE.test(context ?? '')),
      container: drug.container ?? entry.container,
      route: drug.route ?? entry.routes[0],
      ndc: drug.ndc,
      drugName: drug.name,
    },
  };
}

/** Sum the same drug over several procedures (e.g. ILK into 3 lesions, Botox into both axillae). */
function mergeDoses(infos: DrugLineInfo[]): DrugLineInfo {
  const first = infos[0] as DrugLineInfo;
  const allWasteKnown = infos.every((i) => i.wasted !== undefined || i.noWaste);
  return {
    ...first,
    amount: infos.reduce((n, i) => n + i.amount, 0),
    wasted: allWasteKnown && infos.some((i) => i.wasted !== undefined) ? infos.reduce((n, i) => n + (i.wasted ?? 0), 0) : undefined,
    noWaste: infos.every((i) => i.noWaste),
    ndc: infos.find((i) => i.ndc)?.ndc,
  };
}

/**
 * Template notes put the drug on its own line ("Medication: Kenalog 10 mg/ml, 1.2 ml total") under the
 * procedure line, where the parser does not attach it. Read it from the procedure's paragraph when
 * exactly one catalog drug and one amount of a usable kind are written there; say so in a finding.
 */
function withDrugFromParagraph(ctx: RuleContext, p: Procedure, what: string): Procedure {
  // The procedure's own paragraph first, then a "Medication:" section the parser split off.
  // A separate section can belong to only one drugless procedure, or doses would be counted twice.
  const drugless = ctx.performed('intralesional-injection', 'injection', 'infusion', 'chemodenervation').filter((q) => !q.drug).length;
  const sources = [
    procedureParagraph(ctx, p),
    ...Object.entries(ctx.encounter.sections)
      .filter(() => drugless === 1)
      .filter(([name]) => /medicat|\bdrugs?\b|\bagent|injectable|\bdose\b/i.test(name))
      .map(([, text]) => text),
  ];
  const paragraph = sources.find((t) => {
    const e = findDrug(t);
    return !!e && !e.included && !!e.per;
  });
  const entry = paragraph ? findDrug(paragraph) : undefined;
  if (!paragraph || !entry || entry.included || !entry.per) return p;
  const amounts = (re: RegExp) => [...new Set([...paragraph.matchAll(re)].map((m) => Number(m[1])))];
  const mg = amounts(/(\d+(?:\.\d+)?)\s*mg\b(?!\s*\/)/gi);
  const ml = amounts(/(\d+(?:\.\d+)?)\s*(?:ml|cc)\b(?!\s*\/)/gi);
  const units = amounts(/(\d+)\s*(?:units?|u)\b(?!\s*\/)/gi);
  let drug: NonNullable<Procedure['drug']> | undefined;
  const name = paragraph.replace(/\s+/g, ' ').slice(0, 160);
  if (entry.per.unit === 'units' && units.length === 1) drug = { name, amountGiven: units[0], unit: 'units' };
  else if (entry.per.unit === 'mg' && mg.length === 1) drug = { name, amountGiven: mg[0], unit: 'mg' };
  else if (entry.per.unit === 'mg' && mg.length === 0 && ml.length === 1) drug = { name, amountGiven: ml[0], unit: 'mL' };
  else drug = { name };
  if (NO_WASTE.test(paragraph)) drug.noWaste = true;
  if (/single[\s-]?(?:dose|use)/i.test(paragraph)) drug.container = 'single-dose';
  else if (/multi[\s-]?(?:dose|use)/i.test(paragraph)) drug.container = 'multi-dose';
  ctx.report({
    severity: 'info',
    message: `${what}: drug read from the note lines under the procedure (${entry.label}${drug.amountGiven !== undefined ? `, ${drug.amountGiven} ${drug.unit}` : ''}); verify.`,
    target: p.lesionLabels[0] ?? entry.hcpcs,
    span: p.span,
  });
  return { ...p, drug };
}

/**
 * Code the drug lines for a group of procedures: one line per catalog drug, doses summed.
 * Missing or unknown drugs and doses become findings (never a guessed line).
 */
function codeDrugs(ctx: RuleContext, procs: Procedure[], what: string): void {
  const byDrug = new Map<string, { entry: DrugEntry; procs: Procedure[]; infos: DrugLineInfo[] }>();
  for (const original of procs) {
    const target = original.lesionLabels[0] ?? original.specimenLabel;
    const p = original.drug ? original : withDrugFromParagraph(ctx, original, what);
    if (!p.drug) {
      ctx.report({
        severity: 'warning',
        message: `${what}: drug not documented, so no drug line.`,
        target,
        fix: 'Document the drug, concentration and amount given (e.g. "triamcinolone 10 mg/mL, 0.3 mL").',
        span: p.span,
      });
      continue;
    }
    const entry = findDrug(p.drug.name, p.drug.hcpcs);
    if (!entry) {
      ctx.report({
        severity: 'warning',
        message: `${what}: drug "${p.drug.name}"${p.drug.hcpcs ? ` (${p.drug.hcpcs})` : ''} is not in the DermLens drug catalog; no drug line.`,
        target,
        fix: 'Add the drug line by hand with its HCPCS code and units in the code’s dosage unit.',
        span: p.span,
      });
      continue;
    }
    if (entry.included) continue; // local anesthetic: part of the procedure
    if (!entry.hcpcs) {
      ctx.report({
        severity: 'warning',
        message: `${what}: ${entry.label} has no verified HCPCS code or unit; no drug line. ${entry.unverified ?? ''}`.trim(),
        target,
        fix: 'Look up the current HCPCS code and billing unit for this drug before adding the drug line.',
        span: p.span,
      });
      continue;
    }
    const dose = resolveDose(entry, p.drug, procedureText(ctx, p));
    if (!dose.ok) {
      ctx.report({ severity: 'warning', message: `${what}: ${dose.problem}; no drug line.`, target, fix: dose.fix, span: p.span });
      continue;
    }
    if (dose.info.fromSyringeDose) {
      ctx.report({
        severity: 'info',
        message: `${what}: amount not written; one prefilled syringe of ${entry.label} is its labeled ${entry.syringeDose?.amount} ${entry.syringeDose?.unit} dose, billed as ${dose.info.amount} units of ${entry.hcpcs}.`,
        target,
        fix: `Document the dose given in ${entry.per?.unit ?? 'mg'}; ${entry.syringeDose?.source ?? ''}.`,
        span: p.span,
      });
    }
    const group = byDrug.get(entry.id) ?? { entry, procs: [], infos: [] };
    group.procs.push(p);
    group.infos.push(dose.info);
    byDrug.set(entry.id, group);
  }
  for (const group of byDrug.values()) addDrugLine(ctx, group.procs, mergeDoses(group.infos));
}

/** The parsed count and the count written in the text disagree: the smaller one was used. */
export function countConflict(ctx: RuleContext, p: Procedure, conflict: { parsed: number; text: number }): void {
  ctx.report({
    severity: 'warning',
    message: `Lesion count unclear: the note reads as ${conflict.text} in one place and ${conflict.parsed} in another; coded with ${Math.min(conflict.parsed, conflict.text)}.`,
    target: p.lesionLabels[0],
    fix: 'Document the number of lesions treated once, unambiguously.',
    span: p.span,
  });
}

const INTRALESIONAL_KINDS = (ctx: RuleContext) =>
  ctx.performed('intralesional-injection', 'injection').filter((p) => p.kind === 'intralesional-injection' || p.drug?.route === 'intralesional');

export const injectionIntralesional = defineRule({
  id: 'injection/intralesional',
  family: 'injection',
  phase: 'code',
  title: 'Intralesional injection: 11900 for 1-7 lesions, 11901 for more than 7, plus the drug',
  explain:
    'Intralesional injection is counted by lesions injected, not by needle sticks: 1 to 7 lesions is 11900, more than 7 is 11901. One of the two is reported once per session, never both, ' +
    'and never 96372. The drug is its own line, e.g. triamcinolone J3301 per 10 mg with partial units rounded up (40 mg = 4 units, 5 mg = 1 unit).',
  references: ['Reference §9.1', 'CPT 11900/11901 descriptors (lesion count)', 'Medicare payment article on J3301 units'],
  status: 'stable',
  codes: ['11900', '11901', 'J3301'],
  apply(ctx) {
    const procs = INTRALESIONAL_KINDS(ctx);
    if (procs.length === 0) return;
    let lesions = 0;
    let uncounted = 0;
    for (const p of procs) {
      const { count: n, conflict } = documentedCount(ctx, p, LESION_NOUNS);
      if (conflict) countConflict(ctx, p, conflict);
      if (n === undefined || n === 0) uncounted++;
      else lesions += n;
    }
    const code = lesions > 7 ? '11901' : '11900';
    const first = procs[0] as Procedure;
    ctx.addLine({
      code,
      lesionLabels: labelsOf(procs),
      procedureIds: procs.map((p) => p.id),
      siteKey: first.site?.key,
      spans: procs.flatMap((p) => ctx.spanOf(p)),
      tags: ['intralesional'],
    });
    if (uncounted > 0) {
      ctx.report({
        severity: 'warning',
        message: `Intralesional injection: number of lesions injected not documented${lesions ? ` for ${uncounted} of the injections` : ''}; coded ${code} (1-7 lesions).`,
        target: first.lesionLabels[0],
        fix: 'Document how many lesions were injected: more than 7 lesions supports 11901.',
        span: first.span,
      });
    }
    codeDrugs(ctx, procs, 'Intralesional injection');
  },
});

/** Facility places of service (CMS POS codes): the facility bills drug administration there. */
const FACILITY_POS = new Set(['19', '21', '22', '23', '24', '26', '31', '34', '41', '42', '51', '52', '53', '56', '61']);

export const injectionSubcutaneousIntramuscular = defineRule({
  id: 'injection/sc-im-administration',
  family: 'injection',
  phase: 'code',
  title: 'Subcutaneous or intramuscular injection: 96372 plus the drug line',
  explain:
    'A therapeutic subcutaneous or intramuscular injection is two lines: 96372 for the administration and the drug’s own HCPCS line in its dosage unit (e.g. Kenalog 40 mg IM = 96372 + J3301×4). ' +
    '96372 is not for intralesional injections, vaccines, joint injections or IV pushes. Biologics Medicare presumes self-administered (subcutaneous drugs on the MAC SAD lists) are not office-billable drugs; ' +
    'DermLens says so instead of adding a drug line.',
  references: ['Reference §9.2, §9.5', 'Noridian and CGS Self-Administered Drug exclusion lists', 'CMS Benefit Policy Manual ch. 15 §50.2'],
  status: 'stable',
  codes: ['96372', 'J3301', 'J3245'],
  apply(ctx) {
    for (const p of ctx.performed('injection')) {
      const entry = p.drug ? findDrug(p.drug.name, p.drug.hcpcs) : undefined;
      const route = p.drug?.route ?? entry?.routes[0];
      if (route === 'intralesional' || route === 'topical' || entry?.included) continue;
      if (route === 'intravenous') continue; // injection/infusion
      const target = p.lesionLabels[0];
      if (!route) {
        ctx.report({
          severity: 'warning',
          message: `Injection${p.drug ? ` of ${p.drug.name}` : ''}: route not documented; no administration code chosen.`,
          target,
          fix: 'Document the route: subcutaneous or intramuscular (96372), intravenous (infusion/push codes) or intralesional (11900/11901).',
          span: p.span,
        });
        continue;
      }
      if (entry?.selfAdministered) continue; // injection/self-administered-drug
      ctx.addLine({
        code: '96372',
        lesionLabels: p.lesionLabels,
        procedureIds: [p.id],
        siteKey: p.site?.key,
        spans: ctx.spanOf(p),
        tags: ['administration'],
      });
      askInjectionUnits(ctx, p);
      if (entry?.unverified && entry.hcpcs) {
        ctx.report({ severity: 'info', message: `${entry.label}: ${entry.unverified}`, target: entry.hcpcs, span: p.span });
      }
      codeDrugs(ctx, [p], 'Injection');
    }
  },
});

/** Wording that a dose was given in the office, as opposed to prescribed. */
const IN_OFFICE_DOSE =
  /administer|\bgiven\b|\binjected\b|injection\s+(?:given|performed)|in\s+(?:the\s+)?(?:office|clinic)|teaching|demonstrat|observed|\bby\s+(?:the\s+)?(?:rn|ma|lpn|nurse|staff|dr\b|me\b)/i;

/** "2 x 300 mg SC injections", "two injections given", "injected x2": more than one injection told. */
const SEVERAL_INJECTIONS =
  /\b(?:([2-9]|two|three|four|five|six)\s*(?:x\s*)?(?:\d+(?:\.\d+)?\s*(?:mg|mcg|ml|units?)\s+)?(?:(?:sc|subq|subcutaneous|im|intramuscular)\s+)?(?:injections|shots)\b|\binjected\s*x\s*([2-9])\b)/i;

/**
 * 96372 is coded as one unit: the reference gives no unit rule for several injections in one visit, so a note telling
 * more than one asks the coder to set the units (never a silent guess either way).
 */
function askInjectionUnits(ctx: RuleContext, p: Procedure): void {
  const m = SEVERAL_INJECTIONS.exec(procedureText(ctx, p));
  if (!m) return;
  ctx.report({
    severity: 'warning',
    message: `96372: the note tells ${m[0].trim()}; 96372 was coded as 1 unit. The reference gives no unit rule for several injections at one visit.`,
    target: '96372',
    fix: "Set 96372's units by the payer's rule for several injections (per injection or per drug), and document each injection's drug and site.",
    span: p.span,
  });
}

export const injectionSelfAdministeredDrug = defineRule({
  id: 'injection/self-administered-drug',
  family: 'injection',
  phase: 'code',
  title: 'Biologics usually self-administered: no office drug line',
  explain:
    'Medicare Part B pays for a drug given in the office only when it is not usually self-administered. Subcutaneous biologics such as adalimumab, dupilumab, secukinumab, ixekizumab, guselkumab, ' +
    'risankizumab, ustekinumab, etanercept and tralokinumab are presumed self-administered and sit on the MAC exclusion (SAD) lists, so they go through the pharmacy benefit. ' +
    'DermLens adds no drug line for them; for Medicare it adds no administration line either, for other payers it codes the in-office administration (96372) and asks who supplied the drug.',
  references: ['Reference §9.5', 'Noridian Self-Administered Drug exclusion list', 'CMS Benefit Policy Manual ch. 15 §50.2'],
  status: 'stable',
  codes: ['96372'],
  apply(ctx) {
    const medicare = ctx.settings.payer === 'medicare';
    for (const p of ctx.performed('injection')) {
      const entry = p.drug ? findDrug(p.drug.name, p.drug.hcpcs) : undefined;
      if (!entry?.selfAdministered) continue;
      const route = p.drug?.route ?? entry.routes[0];
      if (route !== 'subcutaneous' && route !== 'intramuscular') continue;
      // These drugs are usually prescribed, not given: only an explicit in-office dose is a service.
      if (!IN_OFFICE_DOSE.test(procedureText(ctx, p))) {
        ctx.report({
          severity: 'info',
          message: `${entry.label} is prescribed for self-injection (pharmacy benefit); no in-office administration is documented, so nothing is billed today.`,
          target: p.lesionLabels[0] ?? entry.label,
          fix: 'If a dose was given in the office (e.g. a teaching dose), document who gave it, where and the dose.',
          span: p.span,
        });
        ctx.explained(p);
        continue;
      }
      ctx.report({
        severity: 'warning',
        message: medicare
          ? `${entry.label} is usually self-administered (on MAC SAD exclusion lists): Medicare Part B does not pay the drug in the office; it goes through the pharmacy benefit. No drug or administration line.`
          : `${entry.label} is usually self-administered and dispensed through the pharmacy benefit: no drug line. 96372 is coded for the in-office administration; add the drug only if the practice bought it under the medical benefit and the payer allows it.`,
        target: p.lesionLabels[0] ?? entry.label,
        fix: 'Confirm the drug came from a specialty pharmacy (patient-supplied) or that the payer covers it under the medical benefit.',
        span: p.span,
      });
      ctx.explained(p);
      if (medicare) continue;
      ctx.addLine({
        code: '96372',
        lesionLabels: p.lesionLabels,
        procedureIds: [p.id],
        siteKey: p.site?.key,
        spans: ctx.spanOf(p),
        tags: ['administration'],
      });
      askInjectionUnits(ctx, p);
    }
  },
});

/** The note says prior authorization was obtained ("Prior auth on file", "PA approved"). */
function priorAuthDocumented(ctx: RuleContext): boolean {
  return Object.values(ctx.encounter.sections).some((text) =>
    /\b(?:prior\s+auth(?:orization)?|PA)\s+(?:is\s+|was\s+)?(?:on\s+file|approved|obtained|in\s+place|granted)/i.test(text),
  );
}

/** Biologics (not steroids, toxins or PDT drugs) that payers put behind prior authorization. */
const BIOLOGIC_IDS = new Set([
  'infliximab',
  'tildrakizumab',
  'adalimumab',
  'dupilumab',
  'secukinumab',
  'ixekizumab',
  'guselkumab',
  'risankizumab',
  'ustekinumab',
  'etanercept',
  'tralokinumab',
  'omalizumab',
  'spesolimab',
]);

export const injectionBiologicPriorAuthorization = defineRule({
  id: 'injection/biologic-prior-authorization',
  family: 'injection',
  phase: 'check',
  title: 'Biologics: what prior authorization and step therapy need documented',
  explain:
    'Payers cover biologics for psoriasis, atopic dermatitis, hidradenitis or urticaria only with prior authorization, and usually step therapy. ' +
    'The note should carry the diagnosis with its severity (body surface area or a score), the topical and systemic therapies that failed, and TB screening for the drugs that need it.',
  references: ['Reference §9.5', 'Payer biologic coverage policies (step therapy)'],
  status: 'stable',
  apply(ctx) {
    const seen = new Set<string>();
    // Authorization already documented as obtained: nothing to prompt.
    if (priorAuthDocumented(ctx)) return;
    for (const p of ctx.performed('injection', 'infusion')) {
      const entry = p.drug ? findDrug(p.drug.name, p.drug.hcpcs) : undefined;
      if (!entry || !BIOLOGIC_IDS.has(entry.id) || seen.has(entry.id)) continue;
      seen.add(entry.id);
      ctx.report({
        severity: 'info',
        message: `${entry.label}: prior authorization and step therapy usually need the diagnosis with severity (BSA or score), the topical and systemic therapies that failed, and TB screening.`,
        target: entry.label,
        fix: 'Document diagnosis and severity/BSA, failed prior therapies with dates, and the TB test result.',
        span: p.span,
      });
    }
  },
});

/** CPT infusion time convention: +96366 for each hour beyond the first, counting a final interval over 30 minutes. */
export function infusionUnits(minutes: number): { initial: boolean; additional: number } {
  if (minutes <= 15) return { initial: false, additional: 0 };
  const beyond = Math.max(0, minutes - 60);
  return { initial: true, additional: Math.floor(beyond / 60) + (beyond % 60 > 30 ? 1 : 0) };
}

/** Minutes of infusion written in the note ("start 09:00, stop 11:00", "infused over 2 hours", "150 min"). */
export function infusionMinutes(text: string): number | undefined {
  const clock =
    /\bstart(?:ed|\s+time)?\D{0,12}?(\d{1,2}):(\d{2})\b[\s\S]{0,60}?\b(?:stop(?:ped)?|end(?:ed)?|complete[d]?|finish(?:ed)?)(?:\s+time)?\D{0,12}?(\d{1,2}):(\d{2})\b/i.exec(
      text,
    );
  if (clock) {
    const [h1, m1, h2, m2] = clock.slice(1, 5).map(Number) as [number, number, number, number];
    let minutes = h2 * 60 + m2 - (h1 * 60 + m1);
    if (minutes < 0) minutes += 12 * 60; // 11:30 → 1:00 written on a 12-hour clock
    if (minutes > 0) return minutes;
  }
  const toMinutes = (n: string, unit: string) => (/^h/i.test(unit) ? Math.round(Number(n) * 60) : Number(n));
  const sentences = text.split(/(?<=[.;])\s+|\n+/).filter((x) => !/observ|monitor(?:ed)?\s+for|post-?infusion|after\s+the\s+infusion/i.test(x));
  for (const sentence of sentences) {
    const keyed = /(?:over|for|duration|infusion\s+time|total\s+time|run\s+time|infused)\D{0,20}?(\d+(?:\.\d+)?)\s*(hours?|hrs?|h\b|minutes?|mins?)/i.exec(
      sentence,
    );
    if (keyed) return toMinutes(keyed[1] as string, keyed[2] as string);
  }
  for (const sentence of sentences) {
    if (!/infus|\bstart|\bstop/i.test(sentence)) continue;
    const m = /(?<!\d)(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?)\b/i.exec(sentence);
    if (m) return toMinutes(m[1] as string, m[2] as string);
  }
  return undefined;
}

export const injectionInfusion = defineRule({
  id: 'injection/infusion',
  family: 'injection',
  phase: 'code',
  title: 'IV infusion: drug line plus 96365 and +96366 by documented time',
  explain:
    'An office IV infusion (e.g. infliximab) is a drug line (infliximab J1745 per 10 mg) plus the infusion administration: 96365 for the first hour and +96366 for each additional hour. ' +
    'The administration codes depend on the documented infusion time, so without start/stop times or a duration only the first hour can be supported. Some payers want the chemotherapy administration codes (96413) for infliximab.',
  references: ['Reference §9.5', 'CPT drug administration guidelines (infusion time)'],
  status: 'stable',
  codes: ['96365', '96366', 'J1745'],
  apply(ctx) {
    const all = ctx.performed('infusion', 'injection').filter((p) => {
      if (p.kind === 'infusion') return true;
      const entry = p.drug ? findDrug(p.drug.name, p.drug.hcpcs) : undefined;
      return (p.drug?.route ?? entry?.routes[0]) === 'intravenous';
    });
    // A drugless "infusion" next to a documented drug infusion is the same service written in
    // another line of the note (e.g. an "Infusion suite" heading, or the start/stop times).
    const withDrug = all.filter((p) => p.drug);
    const drugless = all.filter((p) => !p.drug);
    const procs = withDrug.length > 0 ? withDrug : all;
    for (const p of procs) {
      const minutes =
        infusionMinutes(procedureText(ctx, p)) ??
        (withDrug.length === 1 ? drugless.map((q) => infusionMinutes(procedureText(ctx, q))).find((m) => m !== undefined) : undefined);
      const base = { lesionLabels: p.lesionLabels, procedureIds: [p.id], siteKey: p.site?.key, spans: ctx.spanOf(p), tags: ['administration'] };
      if (minutes === undefined) {
        ctx.addLine({ code: '96365', ...base });
        ctx.report({
          severity: 'warning',
          message: `Infusion${p.drug ? ` of ${p.drug.name}` : ''}: infusion time not documented; coded the first hour (96365) only.`,
          target: p.drug?.name,
          fix: 'Document start and stop times (or total minutes): each additional hour beyond the first supports +96366.',
          span: p.span,
        });
      } else {
        const u = infusionUnits(minutes);
        if (!u.initial) {
          ctx.report({
            severity: 'warning',
            message: `Infusion of ${minutes} minutes is too short for an infusion code (over 15 minutes needed); no administration line.`,
            target: p.drug?.name,
            fix: 'Check the documented time; a push of 15 minutes or less uses an IV push code.',
            span: p.span,
          });
        } else {
          ctx.addLine({ code: '96365', ...base });
          if (u.additional > 0) ctx.addLine({ code: '96366', units: u.additional, ...base });
        }
      }
      codeDrugs(ctx, [p], 'Infusion');
      const entry = p.drug ? findDrug(p.drug.name, p.drug.hcpcs) : undefined;
      if (entry?.id === 'infliximab') {
        ctx.report({
          severity: 'info',
          message: 'Infliximab: some payers require the chemotherapy administration codes (96413/+96415) instead of 96365/+96366.',
          target: 'J1745',
          fix: 'Check the payer’s infliximab administration policy.',
          span: p.span,
        });
      }
    }
  },
});

/**
 * One documented procedure the parser split in two (a heading line and its body) carries the
 * same site, side, drug and dose twice: keep the record with the most text and the waste facts.
 */
export function withoutSplitDuplicates(ctx: RuleContext, procs: Procedure[]): Procedure[] {
  const key = (p: Procedure) => [p.site?.key, p.site?.laterality, p.drug?.name.toLowerCase(), p.drug?.amountGiven, p.drug?.unit].join('|');
  const kept = new Map<string, Procedure>();
  for (const p of procs) {
    const k = key(p);
    const other = kept.get(k);
    if (!other || !p.drug || p.drug.amountGiven === undefined) {
      kept.set(other ? `${k}|${p.id}` : k, p);
      continue;
    }
    const longer = procedureText(ctx, p).length >= procedureText(ctx, other).length ? p : other;
    const shorter = longer === p ? other : p;
    const drug = { ...shorter.drug, ...longer.drug } as NonNullable<Procedure['drug']>;
    drug.amountWasted ??= shorter.drug?.amountWasted;
    drug.noWaste ??= shorter.drug?.noWaste;
    drug.container ??= shorter.drug?.container;
    kept.set(k, { ...longer, drug });
  }
  return [...kept.values()];
}

const HYPERHIDROSIS = /hyperhidrosis|sweat|hidros/i;

export const injectionChemodenervation = defineRule({
  id: 'injection/chemodenervation',
  family: 'injection',
  phase: 'code',
  title: 'Botulinum toxin for hyperhidrosis: 64650 both axillae, 64653 other areas, 64999 hands/feet',
  explain:
    'Chemodenervation of sweat glands is 64650 for both armpits (one unit covers both) and 64653 for other areas such as scalp, face or neck (once per day). ' +
    'Palms and soles have no code: CPT sends them to the unlisted code 64999, never 64653, and an unlisted code needs a comparison code and documentation. ' +
    'The toxin is its own line in its dosage unit: onabotulinumtoxinA J0585 per unit, abobotulinumtoxinA J0586 per 5 units, rimabotulinumtoxinB J0587 per 100 units, incobotulinumtoxinA J0588 per unit.',
  references: ['Reference §9.3', 'CPT parenthetical under 64653 (hands/feet → 64999)', 'AAPC "Keep sweating through unlisted for hyperhidrosis"'],
  status: 'stable',
  codes: ['64650', '64653', '64999', 'J0585', 'J0586', 'J0587', 'J0588'],
  apply(ctx) {
    const procs = withoutSplitDuplicates(ctx, ctx.performed('chemodenervation'));
    if (procs.length === 0) return;
    const groups = new Map<'64650' | '64653' | '64999', Procedure[]>();
    for (const p of procs) {
      const documented = `${p.lesionType ?? ''} ${procedureText(ctx, p)} ${(p.indications ?? []).join(' ')}`;
      if (p.cosmetic && !HYPERHIDROSIS.test(documented)) {
        ctx.report({
          severity: 'info',
          message: `Botulinum toxin${p.site ? ` (${p.site.text})` : ''} documented as cosmetic: no chemodenervation code (64650/64653 are for sweat glands); only the drug line is coded.`,
          target: p.lesionLabels[0],
          fix: 'If this treated hyperhidrosis, document the diagnosis and the area.',
          span: p.span,
        });
        continue;
      }
      const info = siteInfo(p.site?.key);
      if (!info) {
        ctx.report({
          severity: 'warning',
          message: `Chemodenervation: treated area ${p.site?.text ? `"${p.site.text}" not recognised` : 'not documented'}; no code chosen.`,
          target: p.lesionLabels[0],
          fix: 'Document the area: both axillae (64650), other areas such as face or scalp (64653), palms/soles (64999).',
          span: p.span,
        });
        continue;
      }
      const code = info.region === 'axilla' ? '64650' : info.region === 'hand' || info.region === 'foot' ? '64999' : '64653';
      groups.set(code, [...(groups.get(code) ?? []), p]);
    }
    for (const [code, group] of groups) {
      const first = group[0] as Procedure;
      ctx.addLine({
        code,
        lesionLabels: labelsOf(group),
        procedureIds: group.map((p) => p.id),
        siteKey: first.site?.key,
        spans: group.flatMap((p) => ctx.spanOf(p)),
        tags: ['chemodenervation', ...(code === '64999' ? ['unlisted'] : [])],
      });
      if (code === '64999') {
        ctx.report({
          severity: 'warning',
          message:
            'Hyperhidrosis of the hands or feet is coded with the unlisted code 64999 (never 64653); an unlisted code needs a comparison code and supporting documentation.',
          target: '64999',
          fix: 'Attach the procedure note and name a comparable code (often 64653) with the expected fee; never add modifier 22.',
          span: first.span,
        });
      }
      if (
        code === '64650' &&
        group.every((p) => p.site?.laterality === 'left' || p.site?.laterality === 'right') &&
        new Set(group.map((p) => p.site?.laterality)).size === 1
      ) {
        ctx.report({
          severity: 'warning',
          message: '64650 describes both axillae; only one axilla is documented. How to report one axilla (e.g. a reduced-service modifier) is not verified.',
          target: '64650',
          fix: 'Confirm whether both axillae were treated; check the payer’s rule for one axilla.',
          span: first.span,
        });
      }
    }
    codeDrugs(ctx, procs, 'Chemodenervation');
    if (priorAuthDocumented(ctx)) return;
    ctx.report({
      severity: 'info',
      message: 'Botulinum toxin for hyperhidrosis is covered only with payer criteria and often prior authorization; cosmetic uses are excluded.',
      fix: 'Document the hyperhidrosis diagnosis (primary focal, site), severity and failed topical therapy (e.g. aluminum chloride).',
    });
  },
});

export const injectionFacilityPlaceOfService = defineRule({
  id: 'injection/facility-place-of-service',
  family: 'injection',
  phase: 'bundle',
  title: 'Physicians do not bill 96372 in a facility place of service',
  explain:
    'In a hospital outpatient department, ASC or other facility, the facility reports the drug administration, so the physician claim has no 96372. ' +
    'The drug is usually supplied and billed by the facility too.',
  references: ['Reference §9.2', 'CMS Claims Processing Manual ch. 12 (facility vs non-facility)'],
  status: 'stable',
  codes: ['96372'],
  apply(ctx) {
    const pos = ctx.encounter.visit.placeOfService?.trim();
    if (!pos || !FACILITY_POS.has(pos)) return;
    for (const line of [...ctx.lines]) {
      if (line.code !== '96372') continue;
      ctx.removeLine(line, `96372 is billed by the facility in place of service ${pos}`);
      ctx.report({
        severity: 'warning',
        message: `Place of service ${pos} is a facility: the facility bills the injection administration (96372), so it was removed from the physician claim.`,
        target: '96372',
        fix: 'Verify the place of service; also check who supplied the drug before billing the drug line.',
      });
    }
  },
});

/** Waste modifiers apply for Medicare by default; 'always' forces them; 'never' turns them off. */
function wasteModifiersApply(ctx: RuleContext): boolean {
  const mode = ctx.settings.wasteModifiers;
  return mode === 'always' || (mode === 'payer-default' && ctx.settings.payer === 'medicare');
}

export const injectionDrugWaste = defineRule({
  id: 'injection/drug-waste',
  family: 'injection',
  phase: 'modify',
  title: 'JW/JZ on drugs from single-dose containers',
  explain:
    'Since July 2023 Medicare requires JZ on a drug line from a single-dose container when nothing was discarded. When some was discarded, the discarded units go on their own line with JW and the waste must be documented. ' +
    'If the administered dose, rounded up to whole billing units, already covers the discarded amount, there is no JW line (Noridian: 70 mg from a 100 mg vial billed as 1 unit → one line with JZ). ' +
    'Neither modifier applies to multi-dose vials. Many commercial payers follow the same rules; DermLens applies them for Medicare and mentions them for others unless the setting says always.',
  references: ['Reference §9.4', 'Noridian JZ modifier article', 'CMS JW/JZ FAQ (2023)', 'CGS MLN: JZ required July 1, 2023'],
  status: 'stable',
  codes: ['JW', 'JZ'],
  apply(ctx) {
    const apply = wasteModifiersApply(ctx);
    // JW predates 2023; JZ is required for dates of service from July 1, 2023 (§9.4 [V]).
    const jz = !ctx.dateOfService || ctx.dateOfService >= '2023-07-01';
    for (const line of [...ctx.lines]) {
      const info = drugInfoOf(line);
      if (!info) continue;
      if (info.container === 'multi-dose') {
        if ((info.wasted ?? 0) > 0) {
          ctx.report({
            severity: 'info',
            message: `${line.code}: waste documented from a multi-dose vial; JW/JZ never apply to multi-dose containers.`,
            target: line.code,
          });
        }
        continue;
      }
      if (info.container === undefined) {
        // Ameluz: the container question itself is [U]; phototherapy/pdt already asks.
        if (apply && !info.entry.unverified?.includes('single-dose')) {
          ctx.report({
            severity: 'info',
            message: `${line.code} (${info.drugName}): container type not documented; if it was a single-dose vial, JZ (no waste) or a JW line (waste) is required.`,
            target: line.code,
            fix: 'Document single-dose or multi-dose vial, and the amount discarded or "no waste".',
          });
        }
        continue;
      }
      if (!apply) {
        if (ctx.settings.wasteModifiers === 'payer-default') {
          ctx.report({
            severity: 'info',
            message: `${line.code}: single-dose container. Medicare requires JW/JZ; some commercial payers do too.`,
            target: line.code,
            fix: 'Check the payer’s JW/JZ policy; set waste modifiers to "always" if it follows Medicare.',
          });
        }
        continue;
      }
      if (info.noWaste && !(info.wasted && info.wasted > 0)) {
        if (jz) ctx.addModifier(line, 'JZ');
        continue;
      }
      // A drug billed per whole package (a Levulan Kerastick is 1 unit per stick, §8.3): the units billed already
      // cover whatever is left in it, so there is never a JW line (§9.4, Noridian) and JZ applies.
      if (info.wasted === undefined && info.entry.per?.unit === 'stick') {
        if (jz) ctx.addModifier(line, 'JZ');
        continue;
      }
      if (info.wasted === undefined) {
        if (!jz) continue; // before JZ existed, an undocumented waste simply means no JW line
        ctx.report({
          severity: 'warning',
          message: `${line.code} (${info.drugName}) from a single-dose container: discarded amount not documented, so neither JZ nor a JW line can be added.`,
          target: line.code,
          fix: 'Document the amount discarded (JW line) or "no waste" (JZ).',
        });
        continue;
      }
      const total = billingUnits(info.entry, info.amount + info.wasted);
      const wasteUnits = total - line.units;
      if (wasteUnits <= 0) {
        // Noridian: the rounded-up administered units already cover the discarded amount.
        if (jz) ctx.addModifier(line, 'JZ');
        continue;
      }
      const jw = ctx.addLine({
        code: line.code,
        units: wasteUnits,
        lesionLabels: line.lesionLabels,
        procedureIds: line.procedureIds,
        siteKey: line.siteKey,
        spans: line.spans,
        tags: ['drug', 'drug-waste'],
        modifiers: ['JW'],
      });
      const i = ctx.lines.indexOf(jw);
      ctx.lines.splice(i, 1);
      ctx.lines.splice(ctx.lines.indexOf(line) + 1, 0, jw);
    }
  },
});

export const injectionRouteModifier = defineRule({
  id: 'injection/route-modifier',
  family: 'injection',
  phase: 'modify',
  title: 'JA (IV) or JB (SC) on drug codes that cover several routes',
  explain:
    'Some HCPCS drug codes cover both the intravenous and the subcutaneous form of a drug. Those lines need JA for intravenous or JB for subcutaneous administration so the payer can tell them apart.',
  references: ['Reference §9.5', 'CMS HCPCS modifiers JA/JB'],
  status: 'stable',
  codes: ['JA', 'JB'],
  apply(ctx) {
    for (const line of ctx.lines) {
      const info = drugInfoOf(line);
      if (!info?.entry.multiRoute) continue;
      if (info.route === 'intravenous') ctx.addModifier(line, 'JA');
      else if (info.route === 'subcutaneous') ctx.addModifier(line, 'JB');
      else
        ctx.report({
          severity: 'warning',
          message: `${line.code} covers several routes: route not documented, so JA/JB cannot be added.`,
          target: line.code,
          fix: 'Document whether the drug was given IV (JA) or subcutaneously (JB).',
        });
    }
  },
});

export const injectionNdc = defineRule({
  id: 'injection/ndc',
  family: 'injection',
  phase: 'check',
  title: 'Payers may require the NDC on drug lines',
  explain:
    'Medicare and many payers want the National Drug Code of the product used on drug claim lines, especially for single-dose containers. DermLens does not put the NDC on the line; it reminds the coder to add it.',
  references: ['Reference §8.3, §9.5 (include the NDC when payers require it)'],
  status: 'stable',
  apply(ctx) {
    for (const line of ctx.lines) {
      const info = drugInfoOf(line);
      if (!info || line.modifiers.includes('JW')) continue;
      if (ctx.settings.payer !== 'medicare' && info.container !== 'single-dose') continue;
      ctx.report({
        severity: 'info',
        message: info.ndc
          ? `${line.code}: include NDC ${info.ndc} on the claim line.`
          : `${line.code}: payer may require the NDC of the ${info.drugName} product used.`,
        target: line.code,
        fix: info.ndc ? undefined : 'Record the NDC from the vial or package in the note.',
      });
    }
  },
});

export const injectionNo99211With96372 = defineRule({
  id: 'injection/no-99211-with-96372',
  family: 'injection',
  phase: 'check',
  title: '99211 is never billed with 96372',
  explain:
    'A nurse visit (99211) cannot be reported with an injection administration (96372): the injection is the service. A separate significant problem handled by the physician is a 99212-99215 with modifier 25.',
  references: ['Reference §9.2', 'NCCI (90772/96372 vs E/M)', 'codingahead 96372'],
  status: 'stable',
  codes: ['99211', '96372'],
  apply(ctx) {
    if (!ctx.lines.some((l) => l.code === '96372')) return;
    const em = ctx.lines.some((l) => l.code === '99211') || ctx.encounter.visit.emCode === '99211';
    if (!em) return;
    ctx.report({
      severity: 'error',
      message: '99211 is not billable with 96372 on the same day: bill the injection (96372 + drug) without the 99211.',
      target: '99211',
      fix: 'Remove 99211; if the physician managed a separate problem, document it and use 99212-99215 with modifier 25.',
    });
  },
});

export const injectionNo96372ForIntralesional = defineRule({
  id: 'injection/no-96372-for-intralesional',
  family: 'injection',
  phase: 'check',
  title: 'Intralesional injections are 11900/11901, never 96372',
  explain: 'An intralesional injection has its own codes (11900/11901). Entering 96372 for it double-bills the administration or uses the wrong code.',
  references: ['Reference §9.1'],
  status: 'stable',
  codes: ['96372', '11900', '11901'],
  apply(ctx) {
    if (INTRALESIONAL_KINDS(ctx).length === 0) return;
    if (!ctx.encounter.enteredCharges.some((c) => c.code === '96372')) return;
    if (ctx.lines.some((l) => l.code === '96372')) return; // a real SC/IM injection was also given
    ctx.report({
      severity: 'error',
      message: '96372 was entered for an intralesional injection: intralesional injection is 11900/11901 and never 96372.',
      target: '96372',
      fix: 'Remove 96372; report 11900 (1-7 lesions) or 11901 (more than 7) plus the drug line.',
    });
  },
});

export const injectionRules: Rule[] = [
  injectionIntralesional,
  injectionSubcutaneousIntramuscular,
  injectionSelfAdministeredDrug,
  injectionInfusion,
  injectionChemodenervation,
  injectionFacilityPlaceOfService,
  injectionDrugWaste,
  injectionRouteModifier,
  injectionNdc,
  injectionNo99211With96372,
  injectionNo96372ForIntralesional,
  injectionBiologicPriorAuthorization,
];
