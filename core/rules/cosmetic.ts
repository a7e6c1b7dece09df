import { describeCode } from '../codes/catalog';
import type { Procedure } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import { countOf } from './destruction';
import type { DraftLine } from './draft-line';
import { oncePerProcedure } from './per-encounter';

/**
 * Medical vs cosmetic routing (reference §12). Cosmetic services are a statutory
 * Medicare exclusion and self-pay everywhere; removal of benign lesions is
 * medical only with a documented indication (Aetna CPB 0633, LCD L34200).
 */

const REMOVAL_KINDS: Procedure['kind'][] = ['destruction-benign', 'destruction-unspecified', 'skin-tag-removal', 'shave-removal', 'excision', 'vascular-laser'];

/** Lesion types that are removed for looks unless an indication is documented. */
const BENIGN_TYPES =
  /seborrh?eic keratos|\bsks?\b|skin tag|acrochordon|fibroepithelial polyp|\bnev(us|i)\b|\bmole|cyst|dermatofibroma|lipoma|hemangioma|cherry angioma|milia|milium|sebaceous hyperplasia|lentigo(?! maligna)|syringoma/;

/**
 * Clinical suspicion is an indication on its own, wherever the note states it.
 * Symptoms come only from Procedure.indications (the parser reads them): procedure
 * text carries consent boilerplate ("risks of bleeding, pain…") that is not a symptom.
 */
const SUSPICION = /atypical|dysplastic|changing|growing|enlarging|irregular|suspicious|concerning|r\/o|rule out|abcd/;
/** Lesion types that are medical by nature (inflamed, infectious, premalignant, a clinical cancer). */
const MEDICAL_TYPES =
  /inflamed|irritated|infected|wart|verruc|molluscum|condyloma|actinic|\baks?\b|melanoma|lentigo maligna|\bmis\b|carcinoma|\bbcc\b|\bscc|bowen|merkel|dfsp|dermatofibrosarcoma|keratoacanthoma|malignan/;
/** Diseases named anywhere in the procedure words make it treatment, not cosmetic ("cryotherapy for acne"). */
const DISEASE_WORDS = /\bacne\b|hidradenitis|psoria|keloid|\bwarts?\b|verruc|molluscum|condyloma|actinic|\baks?\b/;

const BOTULINUM_COSMETIC = /glabell|wrinkle|rhytid|crow'?s?[- ]?feet|forehead lines|frown lines|lateral canthal|cosmetic|aesthetic/;

const AK_WORDS = /actinic|\baks?\b|solar keratos/;
const TOPICAL_FAILED =
  /(fail|failed|failure|refractory|intoleran|no response)[^.]*(5[- ]?fu\b|fluorouracil|efudex|carac|imiquimod|aldara)|(5[- ]?fu\b|fluorouracil|efudex|carac|imiquimod|aldara)[^.]*(fail|failed|failure|refractory|intoleran|no response|did not)/;

const MALIGNANT_BEHAVIOR = new Set(['malignant', 'in-situ', 'premalignant', 'uncertain']);

/** Procedures a line codes: by id, or (pathology lines) by the specimens they read. */
export function proceduresOfLine(ctx: Pick<RuleContext, 'encounter'>, line: DraftLine): Procedure[] {
  const byId = ctx.encounter.procedures.filter((p) => line.procedureIds.includes(p.id));
  if (byId.length > 0) return byId;
  if (line.specimenLabels.length === 0) return [];
  const labels = new Set(line.specimenLabels.map((s) => s.toUpperCase()));
  const viaSpecimen = new Set(ctx.encounter.specimens.filter((s) => labels.has(s.label.toUpperCase()) && s.procedureId).map((s) => s.procedureId));
  return ctx.encounter.procedures.filter((p) => (p.specimenLabel && labels.has(p.specimenLabel.toUpperCase())) || viaSpecimen.has(p.id));
}

/** Negated mentions ("no bleeding", "not changing") state the opposite. */
function dropNegated(text: string): string {
  return text.replace(/\b(no|not|denies|without|negative for)\b[^.;,]*/g, ' ');
}

/** What the lesion is: the parser's lesion type and the clinical diagnoses of its lesions. */
/** Read for a procedure by several cosmetic checks: once per procedure per encounter. */
const lesionText = oncePerProcedure(readLesionText);

function readLesionText(ctx: RuleContext, p: Procedure): string {
  const lesions = p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis ?? '').join(' ');
  return dropNegated(`${p.lesionType ?? ''} ${lesions}`.toLowerCase().replace(/[-_]/g, ' '));
}

function describeText(ctx: RuleContext, p: Procedure): string {
  return `${lesionText(ctx, p)} ${dropNegated(p.text.toLowerCase().replace(/[-_]/g, ' '))}`;
}

function pathologyProvesDisease(ctx: RuleContext, p: Procedure): boolean {
  const report = ctx.pathologyFor(p.specimenLabel);
  return report !== undefined && MALIGNANT_BEHAVIOR.has(report.behavior);
}

function isMedicalType(ctx: RuleContext, p: Procedure): boolean {
  if (p.lesionLabels.some((l) => ctx.lesion(l)?.priorMalignantBiopsy)) return true;
  if (pathologyProvesDisease(ctx, p)) return true;
  if (MEDICAL_TYPES.test(lesionText(ctx, p))) return true;
  const described = describeText(ctx, p);
  return SUSPICION.test(described) || DISEASE_WORDS.test(described);
}

export type CosmeticRoute =
  | { kind: 'cosmetic'; why: string }
  | { kind: 'no-indication'; why: string }
  | { kind: 'medical-peel'; why: string }
  | { kind: 'peel-criteria-unmet'; why: string };

/**
 * How one performed procedure is routed; undefined = medical, insurance as usual.
 * Five rules ask for the route of every procedure: worked out once per encounter (read-only).
 */
export const cosmeticRoute: (ctx: RuleContext, p: Procedure) => CosmeticRoute | undefined = oncePerProcedure(routeOf);

function routeOf(ctx: RuleContext, p: Procedure): CosmeticRoute | undefined {
  // The lesion and procedure words are read only for the kinds whose route depends on them.
  let described: string | undefined;
  const text = () => {
    described ??= describeText(ctx, p);
    return described;
  };
  if (p.kind === 'chemical-peel') {
    // "insurance not billed per policy (cosmetic peel), self-pay": a peel the note itself calls cosmetic is routed as one,
    // whatever it treats.
    if (AK_WORDS.test(text()) && !p.cosmetic) {
      const enough = (p.count ?? 0) >= 15;
      // Raw text: "no response to 5-FU" must not be dropped as a negation here. The failed course is usually history
      // ("S: failed 5-FU x 4 wk"), told away from the peel's own words.
      const history = Object.values(ctx.encounter.sections).join('\n');
      const failed = TOPICAL_FAILED.test(`${p.text} ${p.indications.join(' ')}\n${history}`.toLowerCase().replace(/[-_]/g, ' '));
      if (enough && failed) return { kind: 'medical-peel', why: '15 or more AKs after failed topical 5-FU/imiquimod' };
      const missing = [enough ? '' : 'at least 15 AKs counted', failed ? '' : 'failure of 5-FU or imiquimod'].filter(Boolean).join(' and ');
      return { kind: 'peel-criteria-unmet', why: `peel for AKs without ${missing} documented` };
    }
    return { kind: 'cosmetic', why: 'chemical peel without a covered indication' };
  }
  if (p.cosmetic) return { kind: 'cosmetic', why: 'cosmetic intent documented' };
  if (p.kind === 'cosmetic-other') return { kind: 'cosmetic', why: 'cosmetic service' };
  if (p.kind === 'chemodenervation' && BOTULINUM_COSMETIC.test(text())) return { kind: 'cosmetic', why: 'botulinum toxin for wrinkles/lines' };
  if (!REMOVAL_KINDS.includes(p.kind)) return undefined;
  const benign = p.kind === 'skin-tag-removal' || BENIGN_TYPES.test(text());
  if (!benign) return undefined;
  if (p.indications.length > 0 || isMedicalType(ctx, p)) return undefined;
  return { kind: 'no-indication', why: 'benign lesion removal with no documented indication' };
}

function lesionWords(ctx: RuleContext, p: Procedure): string {
  const labels = p.lesionLabels.length > 0 ? ` ${p.lesionLabels.join(', ')}` : '';
  const type = p.lesionType ?? p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis).find(Boolean) ?? serviceWords(p);
  return `${type}${labels}${p.site?.text ? ` (${p.site.text})` : ''}`;
}

/** A service with no code of its own is named by the chart's words for it: "IPL photofacial to face". */
function serviceWords(p: Procedure): string {
  if (p.kind !== 'cosmetic-other') return p.kind;
  const clause =
    p.text
      .replace(/\s+/g, ' ')
      .replace(/^\s*(?:\d{1,2}[.)]|[-*•])?\s*(?:[\w /]{1,30}:\s*)?/, '')
      .split(/[,;(]|\.(?!\d)|\s[-–—]\s/)[0]
      ?.trim() ?? '';
  return clause.length >= 3 ? clause.slice(0, 60) : 'cosmetic service';
}

/** Lines coding this procedure, and whether they also code a procedure routed differently. */
const CLOSURE_KINDS = new Set<Procedure['kind']>(['repair', 'adjacent-tissue-transfer', 'graft', 'flap']);

function linesFor(ctx: RuleContext, p: Procedure): DraftLine[] {
  return ctx.lines.filter((l) => proceduresOfLine(ctx, l).some((x) => x.id === p.id));
}

function addZ411(line: DraftLine): void {
  // ICD-10-CM Z41.1 Encounter for cosmetic surgery (reference §12.5): first on the cosmetic line.
  if (!line.dx.includes('Z41.1')) line.dx.unshift('Z41.1');
}

/** A line mixing cosmetic and medical procedures cannot be routed as a whole. */
function mixed(ctx: RuleContext, line: DraftLine, routed: (p: Procedure) => boolean): boolean {
  return proceduresOfLine(ctx, line).some((x) => !routed(x));
}

/** Benign destruction, one line per session whatever the count up to 14 (reference §2.2): it can be split by intent. */
const SESSION_CODES = new Set(['17110', '17111']);

/**
 * "Irritated SKs x3 on the back" and "4 more on the face … for cosmetic reasons" on one 17110: the medically indicated
 * lesions stay on the insurance line and the cosmetic ones move to a line of their own, which the caller routes
 * (§12.2 indications, §12.5 cosmetic lines are self-pay); each line's code follows its own count (§2.2). The reference does
 * not say how one session's 17110 is divided between payer and patient: the split is reported to verify. Undefined when
 * the line's code cannot be split.
 */
function splitMixed(ctx: RuleContext, line: DraftLine, routed: (p: Procedure) => boolean): DraftLine | undefined {
  if (!SESSION_CODES.has(line.code)) return undefined;
  const procs = proceduresOfLine(ctx, line);
  const cosmetic = procs.filter(routed);
  const medical = procs.filter((p) => !routed(p));
  if (cosmetic.length === 0 || medical.length === 0) return undefined;
  const codeFor = (ps: Procedure[]) => (ps.reduce((n, p) => n + countOf(p).n, 0) >= 15 ? '17111' : '17110');
  const refs = (ps: Procedure[]) => ({
    lesionLabels: ps.flatMap((p) => p.lesionLabels),
    specimenLabels: ps.flatMap((p) => (p.specimenLabel ? [p.specimenLabel] : [])),
    procedureIds: ps.map((p) => p.id),
    spans: ps.flatMap((p) => ctx.spanOf(p)),
  });
  const medicalCode = codeFor(medical);
  if (medicalCode !== line.code) {
    line.code = medicalCode;
    line.description = describeCode(medicalCode);
  }
  Object.assign(line, refs(medical), { siteKey: medical[0]?.site?.key });
  const split = ctx.addLine({
    code: codeFor(cosmetic),
    ...refs(cosmetic),
    siteKey: cosmetic[0]?.site?.key,
    tags: [...line.tags],
    family: line.family,
    ruleIds: [...line.ruleIds],
  });
  ctx.report({
    severity: 'info',
    rule: 'cosmetic/self-pay',
    message: `${line.code} coded both medically indicated and cosmetic lesions: the medical lesions stay on ${line.code} to insurance, the cosmetic ones are a separate ${split.code} line. The coding reference does not say how one session's destruction code is divided between payer and patient.`,
    target: line.code,
    fix: "Verify the split with the payer's policy; document the indication (or the cosmetic request) of each lesion.",
  });
  return split;
}

function reportMixed(ctx: RuleContext, line: DraftLine): void {
  ctx.report({
    severity: 'warning',
    rule: 'cosmetic/self-pay',
    message: `${line.code} codes both cosmetic and medically indicated lesions; it stays billed to insurance.`,
    target: line.code,
    fix: 'Split the medical and the cosmetic lesions onto separate lines (the cosmetic ones self-pay), or document an indication for each lesion.',
  });
}

export const cosmeticSelfPay = defineRule({
  id: 'cosmetic/self-pay',
  family: 'cosmetic',
  phase: 'modify',
  title: 'Cosmetic services are self-pay, not sent to the payer',
  explain:
    'Procedures done to improve appearance are a statutory Medicare exclusion and are not covered by other payers: botulinum toxin for wrinkles, laser resurfacing, dermabrasion, cosmetic peels and any removal documented as cosmetic. ' +
    'DermLens marks their lines self-pay with Z41.1 (encounter for cosmetic surgery) first. They are not sent to Medicare; only when the note says the patient asks for a denial are they submitted to Medicare with GY (and GX when a voluntary ABN is on file). ' +
    'Every line of the procedure follows it: its pathology and drug lines too.',
  references: ['SSA §1862(a)(10) cosmetic exclusion', 'CMS ABN instructions (GX/GY)', 'reference §12.1, §12.3-12.5'],
  status: 'stable',
  codes: [],
  apply(ctx) {
    const routedIds = new Set<string>();
    const routes = new Map<string, CosmeticRoute>();
    for (const p of ctx.performed()) {
      const r = cosmeticRoute(ctx, p);
      if (r?.kind === 'cosmetic') {
        routedIds.add(p.id);
        routes.set(p.id, r);
      }
    }
    if (routedIds.size === 0) return;
    const medicare = ctx.settings.payer === 'medicare';
    const abn = ctx.encounter.visit.abnOnFile === true;
    const denialRequested = ctx.encounter.visit.denialRequested === true;
    const done = new Set<DraftLine>();
    const denied = new Set<DraftLine>();
    for (const id of routedIds) {
      const p = ctx.encounter.procedures.find((x) => x.id === id) as Procedure;
      const lines = linesFor(ctx, p);
      if (p.cosmetic && /actinic|\baks?\b|wart|verruc|molluscum|condyloma/.test(lesionText(ctx, p))) {
        ctx.report({
          severity: 'info',
          message: `${lesionWords(ctx, p)} is documented as cosmetic, but AK destruction (NCD) and infectious lesions (warts, molluscum) are medical services.`,
          target: p.lesionLabels[0] ?? p.specimenLabel,
          fix: 'Verify the cosmetic statement; remove it if the treatment was medical.',
          span: p.span,
        });
      }
      if (lines.length === 0) {
        const why = routes.get(id)?.why;
        ctx.report({
          severity: 'info',
          message: `${lesionWords(ctx, p)}: cosmetic service${why === 'cosmetic service' ? '' : ` (${why})`}; no CPT line, bill the patient from the practice's cosmetic fee schedule.`,
          target: p.lesionLabels[0] ?? p.kind,
          fix: 'Nothing to submit to insurance; collect as self-pay.',
          span: p.span,
        });
        continue;
      }
      for (const whole of lines) {
        if (done.has(whole)) continue;
        done.add(whole);
        let line = whole;
        if (mixed(ctx, whole, (x) => routedIds.has(x.id))) {
          const split = splitMixed(ctx, whole, (x) => routedIds.has(x.id));
          if (!split) {
            reportMixed(ctx, whole);
            continue;
          }
          line = split;
          done.add(line);
        }
        addZ411(line);
        if (!line.ruleIds.includes('cosmetic/self-pay')) line.ruleIds.push('cosmetic/self-pay');
        if (medicare && denialRequested) {
          // §12.5: a cosmetic line goes to Medicare only when the patient asks for a denial, then with GY (+GX when a voluntary ABN was given, §12.4).
          ctx.addModifier(line, 'GY');
          if (abn) ctx.addModifier(line, 'GX');
          denied.add(line);
        } else line.billing = 'self-pay';
      }
    }
    if (denied.size > 0) {
      const codes = [...new Set([...denied].map((l) => l.code))].join(', ');
      ctx.report({
        severity: 'info',
        message: `The patient asks for a Medicare denial: cosmetic lines ${codes} are submitted with GY (statutory exclusion)${abn ? ' and GX (voluntary ABN on file)' : ''}; the patient pays once Medicare denies them.`,
        target: codes,
        fix: abn
          ? "Keep the signed voluntary ABN and the patient's request with the chart."
          : "Add GX if the patient signed a voluntary ABN for these services; keep the patient's request with the chart.",
      });
    }
    if (done.size > 0) {
      const codes = [...new Set([...done].filter((l) => l.billing === 'self-pay').map((l) => l.code))].join(', ');
      if (codes) {
        ctx.report({
          severity: 'info',
          message: medicare
            ? `Cosmetic lines ${codes} are self-pay and not sent to Medicare (statutory exclusion).`
            : `Cosmetic lines ${codes} are self-pay; do not send them to the payer.`,
          target: codes,
          fix: medicare
            ? `Collect from the patient. Only if the patient asks for a Medicare denial, submit the lines with GY${abn ? ' and GX (voluntary ABN on file)' : ' (plus GX when a voluntary ABN was given)'}.`
            : 'Collect from the patient.',
        });
      }
    }
  },
});

export const cosmeticBenignNoIndication = defineRule({
  id: 'cosmetic/benign-no-indication',
  family: 'cosmetic',
  phase: 'modify',
  title: 'Benign lesion removal needs a documented medical indication',
  explain:
    'Removing or destroying seborrheic keratoses, skin tags, nevi, cysts, dermatofibromas, lipomas, hemangiomas or milia is medically necessary only with a documented indication: ' +
    'bleeding, pain, itching, irritation or inflammation, an infectious lesion, a spot of repeated trauma, obstruction, or clinical suspicion of malignancy. ' +
    'Without one the removal is cosmetic: self-pay for commercial payers; for Medicare the line is sent with GA when an ABN is on file (patient liable) or GZ when it is not (practice liable). ' +
    'Warts, molluscum and AK destruction are medical.',
  references: ['Aetna CPB 0633', 'CMS LCD L34200 (removal of benign skin lesions)', 'CMS ABN instructions (GA/GZ)', 'reference §12.2, §12.4'],
  status: 'stable',
  codes: ['17110', '17111', '11200', '11201', '11300', '11400'],
  apply(ctx) {
    const medicare = ctx.settings.payer === 'medicare';
    const abn = ctx.encounter.visit.abnOnFile === true;
    const routed = new Set<string>();
    const procs: Procedure[] = [];
    for (const p of ctx.performed()) {
      if (cosmeticRoute(ctx, p)?.kind === 'no-indication') {
        routed.add(p.id);
        procs.push(p);
      }
    }
    // The closure of a cosmetic removal's wound (intermediate/complex repair, flap, graft) is part of that cosmetic
    // service: it follows the removal of the same lesion.
    const closures = ctx
      .performed()
      .filter(
        (r) => CLOSURE_KINDS.has(r.kind) && r.lesionLabels.length > 0 && r.lesionLabels.every((label) => procs.some((x) => x.lesionLabels.includes(label))),
      );
    for (const r of closures) routed.add(r.id);
    const done = new Set<DraftLine>();
    for (const p of procs) {
      const own = closures.filter((r) => r.lesionLabels.some((label) => p.lesionLabels.includes(label)));
      const lines = [...linesFor(ctx, p), ...own.flatMap((r) => linesFor(ctx, r))].filter((l, k, all) => !done.has(l) && all.indexOf(l) === k);
      const codes = lines.map((l) => l.code);
      ctx.report({
        severity: 'warning',
        message: `${lesionWords(ctx, p)}: no medical indication documented; cosmetic unless one is documented${codes.length > 0 ? ` (${codes.join(', ')})` : ''}.`,
        target: p.lesionLabels[0] ?? p.specimenLabel ?? p.kind,
        fix: 'Document the indication: symptoms (bleeding, itching, pain, irritation), inflammation, a location of repeated trauma (bra line, waistband), obstruction, or clinical suspicion (change in size/color, atypia).',
        span: p.span,
      });
      for (const whole of lines) {
        done.add(whole);
        if (whole.billing === 'self-pay') continue;
        let line = whole;
        if (mixed(ctx, whole, (x) => routed.has(x.id))) {
          const split = splitMixed(ctx, whole, (x) => routed.has(x.id));
          if (!split) {
            reportMixed(ctx, whole);
            continue;
          }
          line = split;
          done.add(line);
        }
        if (!line.ruleIds.includes('cosmetic/benign-no-indication')) line.ruleIds.push('cosmetic/benign-no-indication');
        if (!medicare) {
          line.billing = 'self-pay';
          addZ411(line);
          continue;
        }
        if (abn) {
          ctx.addModifier(line, 'GA');
        } else {
          ctx.addModifier(line, 'GZ');
          ctx.report({
            severity: 'warning',
            message: `${line.code}: expected to be denied as not reasonable and necessary and no ABN is on file: GZ added; the practice, not the patient, is liable.`,
            target: line.code,
            fix: 'Have the patient sign an ABN before the service (then GA), or document the medical indication.',
          });
        }
      }
    }
  },
});

export const cosmeticChemicalPeel = defineRule({
  id: 'cosmetic/chemical-peel',
  family: 'cosmetic',
  phase: 'modify',
  title: 'Chemical peels are cosmetic unless they treat many AKs after failed topical therapy',
  explain:
    'Chemical peels (15788-15793) are usually cosmetic. Aetna covers medium or deep peels only for 15 or more actinic keratoses after 5-FU or imiquimod failed; other payers have their own criteria. ' +
    'DermLens keeps an AK peel that meets both facts billed to insurance (with an info note), routes one that does not like a service failing medical necessity, and routes any other peel as cosmetic.',
  references: ['Aetna CPB 0251 (cosmetic surgery: chemical peels)', 'reference §12.3'],
  status: 'stable',
  codes: ['15788', '15789', '15792', '15793'],
  apply(ctx) {
    const medicare = ctx.settings.payer === 'medicare';
    const abn = ctx.encounter.visit.abnOnFile === true;
    for (const p of ctx.performed('chemical-peel')) {
      const r = cosmeticRoute(ctx, p);
      if (!r) continue;
      if (r.kind === 'medical-peel') {
        ctx.report({
          severity: 'info',
          message: `Chemical peel for AKs: ${r.why} documented, which meets Aetna's criteria; other payers' criteria vary.`,
          target: p.lesionLabels[0] ?? 'chemical-peel',
          fix: "Check this payer's peel policy and prior-authorization rules.",
          span: p.span,
        });
      } else if (r.kind === 'peel-criteria-unmet') {
        ctx.report({
          severity: 'warning',
          message: `Chemical peel: ${r.why}; payers treat it as not medically necessary.`,
          target: p.lesionLabels[0] ?? 'chemical-peel',
          fix: 'Document the AK count (15 or more) and the failed 5-FU or imiquimod course, or collect as self-pay with an ABN (Medicare: GA).',
          span: p.span,
        });
        for (const line of linesFor(ctx, p)) {
          if (line.billing === 'self-pay') continue;
          if (!line.ruleIds.includes('cosmetic/chemical-peel')) line.ruleIds.push('cosmetic/chemical-peel');
          if (!medicare) {
            line.billing = 'self-pay';
            continue;
          }
          ctx.addModifier(line, abn ? 'GA' : 'GZ');
        }
      }
      // Plain cosmetic peels are routed by cosmetic/self-pay.
    }
  },
});

export const cosmeticRules: Rule[] = [cosmeticSelfPay, cosmeticBenignNoIndication, cosmeticChemicalPeel];
