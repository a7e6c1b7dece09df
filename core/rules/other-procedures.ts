import { siteInfo } from '../anatomy';
import type { Procedure } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { countConflict } from './injection';
import { areaInText, documentedCount, LESION_NOUNS, NAIL_NOUNS, procedureText } from './procedure-text';

/** Everything the note says about a procedure, lower-cased, for word tests. */
const words = (ctx: RuleContext, p: Procedure) =>
  [procedureText(ctx, p), p.modality, p.lesionType, p.indications.join(' '), ...p.lesionLabels.map((l) => ctx.lesion(l)?.clinicalDiagnosis)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();

function addFor(ctx: RuleContext, procs: Procedure[], code: string, units = 1, tags: string[] = []): DraftLine {
  const first = procs[0];
  return ctx.addLine({
    code,
    units,
    lesionLabels: [...new Set(procs.flatMap((p) => p.lesionLabels))],
    procedureIds: procs.map((p) => p.id),
    siteKey: first?.site?.key,
    spans: procs.flatMap((p) => ctx.spanOf(p)),
    tags: ['other-procedure', ...tags],
  });
}

/** Lesions counted on a procedure: the documented count, else its lesion labels. */
function lesionCount(ctx: RuleContext, p: Procedure, nouns = LESION_NOUNS): number | undefined {
  const { count, conflict } = documentedCount(ctx, p, nouns);
  if (conflict) countConflict(ctx, p, conflict);
  return count;
}

const ABSCESS = /abscess|purulen|\bpus\b|fluctuan|furuncle|carbuncle|paronychia|infected|suppurat|\bboil\b/;
const COMPLICATED = /locul|packing|packed|iodoform|multiple abscess|several abscess|septat/;
// "No packing", and "loculations not present" / "packing not needed" (the negation after the word).
const NEGATED_COMPLICATION =
  /\b(?:no|without|not|nor)\s+(?:[a-z]+\s+){0,2}?(?:packing|packed|locul\w*|septat\w*)|\b(?:packing|locul\w*|septat\w*)\s+(?:(?:was|were)\s+)?(?:not\s+(?:present|seen|noted|found|identified|needed|required|placed|used)|absent)\b/g;

/** "simple I&D", "simple incision and drainage", "I&D (simple)", "Complexity: simple": the note calls the drainage simple. */
const CALLED_SIMPLE =
  /\bsimple\s+(?:i\s*&\s*d|i\s+and\s+d|incision(?:\s+and\s+drainage)?|drainage)\b|\b(?:i\s*&\s*d|i\s+and\s+d|incision\s+and\s+drainage)\s*(?:[,:(-]\s*)?simple\b|\bcomplexity\s*:\s*simple\b/;

/** Complicated I&D words that are not negated ("No packing" is not packing). */
function complicatedIn(raw: string): { yes: boolean; negated: boolean } {
  // "Packing placed: No", "Loculations broken up: No": a template step answered no is not done.
  const answeredNo = /^[^\n:]{0,60}:[ \t]*(?:no|none|n\/?a|not\s+(?:done|placed|needed|present))\b[^\n]*$/gim;
  const text = raw.replace(answeredNo, (line) => (COMPLICATED.test(line) ? 'no packing' : line));
  const negated = NEGATED_COMPLICATION.test(text);
  NEGATED_COMPLICATION.lastIndex = 0;
  return { yes: COMPLICATED.test(text.replace(NEGATED_COMPLICATION, ' ')), negated };
}

const INCISED = /\bincis(?:ed|ion)\b/i;
const NO_PUS = /\b(?:no|without|nil|absent)\s+(?:\w+\s+){0,2}?(?:purulen\w*|pus)\b|\bnon-?purulent\b/i;

/**
 * "Upper back - incision with #11 blade …: expressed only cheesy white keratinous debris …; NO purulence.": a line that
 * opens a lesion and says there was no pus, outside any I&D read as such (and no excision's incision).
 */
function incisedWithoutPus(ctx: RuleContext, drained: Procedure[]): { section: string; start: number; end: number; text: string } | undefined {
  for (const [section, text] of Object.entries(ctx.encounter.sections)) {
    if (!INCISED.test(text) || !NO_PUS.test(text)) continue;
    for (const m of text.slice(0, 20_000).matchAll(/[^\n]+/g)) {
      const line = m[0];
      const start = m.index ?? 0;
      if (!INCISED.test(line) || !NO_PUS.test(line) || /\bexcis|\bbiops|\bbx\b/i.test(line)) continue;
      if (drained.some((p) => p.span?.section === section && p.span.start < start + line.length && start < p.span.end)) continue;
      return { section, start, end: start + line.length, text: line };
    }
  }
  return undefined;
}

/** Today's I&D said to repeat the earlier one at the same place. */
const REPEAT_SAME_SITE =
  /\b(?:repeat(?:ed)?|re-?drain\w*|re-?incis\w*)\b[^.\n]{0,80}\bsame\s+(?:site|abscess|location|spot|area)\b|\bsame\s+(?:site|abscess)\b[^.\n]{0,40}\b(?:re-?drain\w*|repeat\w*|again)\b/;
const DRAINAGE_LINE = /\b(?:i\s*&\s*d|i\s+and\s+d|incision\s+and\s+drainage|1006[01])\b/i;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g;

/** Days from the latest earlier I&D the note dates (a line naming an I&D and a date before the visit) to the visit. */
function priorDrainageDays(ctx: RuleContext): number | undefined {
  const dos = ctx.dateOfService;
  if (!dos) return undefined;
  let best: number | undefined;
  for (const text of Object.values(ctx.encounter.sections)) {
    for (const line of text.split('\n')) {
      if (!DRAINAGE_LINE.test(line)) continue;
      for (const m of line.matchAll(NUMERIC_DATE)) {
        const year = (m[3] as string).length === 2 ? `20${m[3]}` : (m[3] as string);
        const iso = `${year}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
        const days = Math.round((Date.parse(`${dos}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);
        if (Number.isFinite(days) && days > 0 && (best === undefined || days < best)) best = days;
      }
    }
  }
  return best;
}

/** A quote of up to 80 characters that ends at a word, marked when cut ("… expressed only…", not "… only che"). */
function quoteOf(text: string): string {
  const t = text.trim();
  if (t.length <= 80) return t;
  const cut = t.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,;:.-]+$/, '')}…`;
}

export const incisionDrainage = defineRule({
  id: 'other-procedures/incision-drainage',
  family: 'other-procedures',
  phase: 'code',
  title: 'Incision and drainage of abscess: 10060 simple or single, 10061 complicated or multiple',
  explain:
    'Incision and drainage of an abscess (furuncle, carbuncle, infected cyst, paronychia, hidradenitis abscess) is 10060 when simple or single and 10061 when complicated ' +
    '(loculations broken up, packing placed) or when several abscesses are drained. The note must document the abscess or purulence; a repeat I&D of the same site in the global period takes modifier 76.',
  references: ['Reference §14 (10060/10061)', 'AAPC "Simple or complicated I&D"'],
  status: 'stable',
  codes: ['10060', '10061'],
  apply(ctx) {
    const procs = ctx.performed('incision-drainage');
    const opened = incisedWithoutPus(ctx, procs);
    if (opened) {
      ctx.report({
        severity: 'info',
        message: `An incision without pus ("${quoteOf(opened.text)}") is no I&D: 10060/10061 need a documented abscess or purulence, so none was coded for it.`,
        target: opened.text.trim().slice(0, 40),
        fix: 'If an abscess was drained there, document the purulence; an inflamed cyst opened and expressed has no I&D code.',
        span: { section: opened.section, start: opened.start, end: opened.end },
      });
    }
    if (procs.length === 0) return;
    const multiple = procs.length > 1 || procs.some((p) => (p.count ?? 1) > 1);
    const complicated = procs.some((p) => {
      const found = complicatedIn(words(ctx, p));
      // The parser's flag is kept unless the note only names complications to deny them.
      return found.yes || (p.complicated === true && !found.negated);
    });
    const code = multiple || complicated ? '10061' : '10060';
    addFor(ctx, procs, code);
    // "Simple I&D … packed with iodoform": §14 counts packing (or loculations) as complicated, so 10061 stands, but the
    // note calls the same drainage simple; the coder is told of the contradiction rather than left to find it.
    const contradicted = procs.find((p) => {
      const text = words(ctx, p);
      const found = complicatedIn(text);
      return CALLED_SIMPLE.test(text) && (found.yes || (p.complicated === true && !found.negated));
    });
    if (contradicted && !multiple) {
      ctx.report({
        severity: 'warning',
        message: `I&D${contradicted.site ? ` (${contradicted.site.text})` : ''}: the note calls the drainage simple but documents packing or loculations, which make it complicated (10061); 10061 was coded.`,
        target: contradicted.lesionLabels[0] ?? code,
        fix: 'Correct the note: remove "simple" if the wound was packed or loculations were broken up, or the packing statement if it was not (then 10060).',
        span: contradicted.span,
      });
    }
    for (const p of procs) {
      if (ABSCESS.test(words(ctx, p))) continue;
      ctx.report({
        severity: 'warning',
        message: `I&D${p.site ? ` (${p.site.text})` : ''}: no abscess or purulence documented; ${code} requires an abscess.`,
        target: p.lesionLabels[0],
        fix: 'Document the abscess: fluctuance, purulent drainage, or the infected cyst/furuncle/paronychia that was drained.',
        span: p.span,
      });
    }
    // "Seen 11/20/2026: I&D … = 10060" and today "repeat incision and drainage, same site": the same physician repeats
    // the I&D inside its 10-day global, so the repeat takes 76 (§14, §10.3).
    const priorDays = priorDrainageDays(ctx);
    if (priorDays !== undefined && priorDays >= 1 && priorDays <= 10 && procs.some((p) => REPEAT_SAME_SITE.test(words(ctx, p)))) {
      const line = ctx.lines.find((l) => l.code === code);
      if (line) {
        ctx.addModifier(line, '76');
        ctx.report({
          severity: 'info',
          message: `${code}: a repeat I&D of the same site ${priorDays} day${priorDays === 1 ? '' : 's'} after the first, inside its 10-day global period, so 76 was added.`,
          target: code,
        });
        return;
      }
    }
    const prior = ctx.encounter.visit.postOpOf?.code;
    if (prior === '10060' || prior === '10061') {
      ctx.report({
        severity: 'info',
        message: `A prior I&D (${prior}) is in its 10-day global period: a repeat I&D of the same site by the same physician takes modifier 76.`,
        target: code,
        fix: 'Add 76 if this is the same site; document a different site otherwise.',
      });
    }
  },
});

const ACNE = /\bacne\b|comedon|milia|pustul/;
const CRYO = /cryo|liquid nitrogen|\bln2\b|co2 slush|carbon dioxide slush/;

/** A freezing told for acne: 17340, not a destruction of a lesion (§2.3 note, §14). */
export const isAcneCryotherapy = (ctx: RuleContext, p: Procedure): boolean => {
  const text = words(ctx, p);
  return ACNE.test(text) && CRYO.test(text);
};

export const acneSurgery = defineRule({
  id: 'other-procedures/acne-surgery',
  family: 'other-procedures',
  phase: 'code',
  title: 'Acne treatments: 10040 acne surgery, 17340 cryotherapy, 17360 chemical exfoliation',
  explain:
    'Acne surgery (opening or removal of multiple comedones, milia, cysts or pustules, or marsupialization) is 10040, once per session. ' +
    'Cryotherapy for acne (CO2 slush, liquid nitrogen) is 17340 and chemical exfoliation for acne is 17360; coverage of those two is payer-specific.',
  references: ['Reference §14, §12.3', 'Aetna CPB 0251 (acne surgery)'],
  status: 'stable',
  codes: ['10040', '17340', '17360'],
  apply(ctx) {
    const surgery: Procedure[] = [];
    const cryo: Procedure[] = [];
    const exfoliation: Procedure[] = [];
    for (const p of ctx.performed('acne-surgery', 'chemical-peel', 'destruction-unspecified')) {
      const text = words(ctx, p);
      if (p.kind === 'destruction-unspecified' && !isAcneCryotherapy(ctx, p)) continue;
      if (p.documentedCode === '17340' || (p.kind !== 'chemical-peel' && CRYO.test(text))) cryo.push(p);
      else if (p.documentedCode === '17360' || (p.kind === 'chemical-peel' && ACNE.test(text) && !p.cosmetic)) exfoliation.push(p);
      else if (p.kind === 'acne-surgery') surgery.push(p);
    }
    if (surgery.length > 0) addFor(ctx, surgery, '10040');
    if (cryo.length > 0) addFor(ctx, cryo, '17340');
    if (exfoliation.length > 0) addFor(ctx, exfoliation, '17360');
    if (cryo.length > 0 || exfoliation.length > 0) {
      ctx.report({
        severity: 'info',
        message: `${[cryo.length ? '17340' : '', exfoliation.length ? '17360' : ''].filter(Boolean).join(' and ')} for acne: coverage is payer-specific.`,
        fix: 'Check the payer policy before the visit; many treat these as cosmetic.',
      });
    }
  },
});

/** Destruction kinds that absorb paring of the same lesion (NCCI: paring + destruction of the same wart = destruction only). */
const WART = /wart|verruc/;
const DESTRUCTION_KINDS: Procedure['kind'][] = ['destruction-benign', 'destruction-premalignant', 'destruction-malignant', 'destruction-unspecified'];

/** "All 16 warts treated …", "all of the warts frozen": one destruction of every wart of the visit. */
const ALL_WARTS = /\ball\s+(?:\d{1,2}\s+|of\s+(?:the|these|them)\s+)?(?:\w+\s+)?(?:warts|verrucae|lesions)\b/i;
/** "pared with a #15 blade then treated", "pared prior to cryotherapy": the paring is the destruction's first step. */
const PARED_THEN_DESTROYED =
  /\b(?:then|before|prior\s+to|followed\s+by)\b[^.;\n]{0,30}\b(?:treat\w*|froz\w*|freez\w*|cryo\w*|ln2|liquid\s+nitrogen|destr\w*|cantharid\w*)/i;

/** Two procedures written in one line of the note ("Plantar wart R heel: pared, then cryotherapy"). */
function sameLine(ctx: RuleContext, a: Procedure, b: Procedure): boolean {
  if (!a.span || !b.span || a.span.section !== b.span.section) return false;
  const text = ctx.encounter.sections[a.span.section] ?? '';
  const [first, second] = a.span.start <= b.span.start ? [a.span, b.span] : [b.span, a.span];
  return !text.slice(first.start, second.start).includes('\n');
}

export const paring = defineRule({
  id: 'other-procedures/paring',
  family: 'other-procedures',
  phase: 'code',
  title: 'Paring of corns/calluses: 11055 one, 11056 two to four, 11057 more than four',
  explain:
    'Paring or cutting of benign hyperkeratotic lesions is coded once per session by the number of lesions: 1 is 11055, 2 to 4 is 11056, more than 4 is 11057. These are not add-ons: 3 lesions is 11056 alone. ' +
    'Paring a wart before destroying it is part of the destruction, so lesions that were also destroyed are not counted.',
  references: ['Reference §14 (11055-11057)', 'Reference §11.2 (paring + destruction of the same wart)'],
  status: 'stable',
  codes: ['11055', '11056', '11057'],
  apply(ctx) {
    const procs = ctx.performed('paring');
    if (procs.length === 0) return;
    const destroyed = ctx.performed(...DESTRUCTION_KINDS);
    const destroyedLabels = new Set(destroyed.flatMap((d) => d.lesionLabels.map((l) => l.toUpperCase())));
    let total = 0;
    let uncounted = 0;
    const kept: Procedure[] = [];
    for (const p of procs) {
      const labels = p.lesionLabels.filter((l) => !destroyedLabels.has(l.toUpperCase()));
      // Without labels, only a pared wart at the site of a wart destruction is the same lesion
      // (corns and calluses are never destroyed as warts).
      const bySite =
        p.lesionLabels.length === 0 &&
        WART.test(words(ctx, p)) &&
        destroyed.some(
          (d) =>
            d.lesionLabels.length === 0 &&
            (d.lesionType === 'wart' || WART.test(words(ctx, d))) &&
            ((!!p.site?.key && d.site?.key === p.site.key && d.site?.laterality === p.site.laterality) ||
              (!d.site?.key && sameLine(ctx, p, d)) ||
              // "pared … then treated" with "All 16 warts treated with liquid nitrogen": the destruction covers every wart.
              (!d.site?.key && (ALL_WARTS.test(d.text) || PARED_THEN_DESTROYED.test(p.text)))),
        );
      if ((p.lesionLabels.length > 0 && labels.length === 0) || bySite) {
        ctx.report({
          severity: 'info',
          message: `Paring${p.site ? ` (${p.site.text})` : ''} of lesion(s) also destroyed today is part of the destruction; not coded separately${bySite ? ' (matched by site, no lesion labels)' : ''}.`,
          target: p.lesionLabels[0],
          fix: bySite ? 'If the pared lesions were different from the destroyed ones, label them separately.' : undefined,
          span: p.span,
        });
        ctx.explained(p);
        continue;
      }
      const documented = lesionCount(ctx, p);
      const n = documented !== undefined ? documented - (p.lesionLabels.length - labels.length) : undefined;
      if (n === undefined || n <= 0) uncounted++;
      else total += n;
      kept.push(p);
    }
    if (kept.length === 0) return;
    const code = total > 4 ? '11057' : total >= 2 ? '11056' : '11055';
    addFor(ctx, kept, code);
    if (uncounted > 0) {
      ctx.report({
        severity: 'warning',
        message: `Paring: number of lesions pared not documented; coded ${code}.`,
        fix: 'Document how many lesions were pared: 2-4 supports 11056, more than 4 supports 11057.',
        span: kept[0]?.span,
      });
    }
  },
});

/** A "debridement" of nails (mycotic/dystrophic nails), not of skin or a wound. */
const isNailDebridement = (ctx: RuleContext, p: Procedure) => {
  const text = words(ctx, p);
  return /\b(?:toe|finger)?nails?\b|onych/.test(text) && !SUBCUTANEOUS.test(text) && !/ulcer|wound/.test(text);
};

type NailService = 'trim' | 'debride' | 'avulsion' | 'matrix';

function nailService(ctx: RuleContext, p: Procedure): NailService | 'biopsy' | undefined {
  const code = p.documentedCode;
  if (code === '11719') return 'trim';
  if (code === '11720' || code === '11721') return 'debride';
  if (code === '11730' || code === '11732') return 'avulsion';
  if (code === '11750') return 'matrix';
  // "partial nail avulsion …, phenol matricectomy not done", "no matrixectomy": a service ruled out is not the service.
  // "matrix left intact (nail expected to regrow)", "matrix NOT treated", "Matrix: not treated": the matrix named as spared
  // is an avulsion, not a matrix excision.
  // The clause pass starts only at a clause start, so a long clause is scanned once, not once per character.
  const text = words(ctx, p)
    .replace(/(?<![^,;.\n])[^,;.\n]*\bnot\s+(?:done|performed|indicated)\b/gi, ' ')
    .replace(
      /\b(?:no|without)\s+(?:\w+\s+)?matri[xc]ectomy|\bmatrix\s*:?\s*(?:was\s+)?(?:left\s+)?(?:intact|spared|preserved|untouched)\b|\bmatrix\s*:?\s*(?:was\s+)?not\s+(?:treated|touched|ablated|destroyed|excised|removed)\b|\bmatri[xc]ectomy\s*:\s*(?:no|none)\b/gi,
      ' ',
    );
  if (/biops/.test(text)) return 'biopsy';
  if (/matri(x|cectomy)|permanent(ly)? remov|nail excision|excision of (the )?nail|wedge (resection|excision)/.test(text)) return 'matrix';
  if (/avuls|nail plate remov|remov(al|ed) of (the )?nail( plate)?|partial nail removal/.test(text)) return 'avulsion';
  if (/debrid|grind|reduc(e|tion) of (nail )?thickness|burr/.test(text)) return 'debride';
  if (/trim|clip|cut(ting)? of nails?/.test(text)) return 'trim';
  return undefined;
}

export const nailProcedures = defineRule({
  id: 'other-procedures/nail',
  family: 'other-procedures',
  phase: 'code',
  title: 'Nail services: trimming 11719, debridement 11720/11721, avulsion 11730/+11732, matrix excision 11750',
  explain:
    'Trimming of non-dystrophic nails is 11719 for any number of nails. Debridement of nails is 11720 for one to five nails and 11721 for six or more. ' +
    'Avulsion of a nail plate is 11730 for the first nail and +11732 for each additional nail; excision of the nail and matrix is 11750. ' +
    'Medicare treats nail care of the feet as routine foot care unless class findings are documented; those rules are not verified here.',
  references: ['Reference §14 (11719-11755)', 'Reference §16 item 14 (routine foot care rules unverified)'],
  status: 'stable',
  codes: ['11719', '11720', '11721', '11730', '11732', '11750'],
  apply(ctx) {
    const groups = new Map<NailService, { procs: Procedure[]; nails: number; uncounted: number }>();
    for (const p of ctx.performed('nail', 'debridement')) {
      if (p.kind === 'debridement' && !isNailDebridement(ctx, p)) continue;
      const service = nailService(ctx, p);
      if (service === 'biopsy') continue; // nail unit biopsy 11755: biopsy family
      if (!service) {
        ctx.report({
          severity: 'warning',
          message: `Nail procedure${p.site ? ` (${p.site.text})` : ''}: the service is not clear (trimming, debridement, avulsion or matrix excision); no code chosen.`,
          target: p.lesionLabels[0],
          fix: 'Document what was done to the nail and how many nails: trimming 11719, debridement 11720/11721, avulsion 11730/+11732, matrix excision 11750.',
          span: p.span,
        });
        continue;
      }
      const g = groups.get(service) ?? { procs: [], nails: 0, uncounted: 0 };
      g.procs.push(p);
      // "partial nail avulsions of the R and L great toenails": one digit named for both sides is two nails.
      const n =
        lesionCount(ctx, p, NAIL_NOUNS) ??
        (service === 'avulsion' &&
        /\b(?:r|rt|right)\.?\s*(?:and|&|\/)\s*(?:l|lt|left)\.?\s+(?:(?:great|big|1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|little)\s*)?(?:toe|finger)?nails?\b|\bbilateral\s+(?:great\s+|big\s+)?(?:toe|finger)?nails\b/i.test(
          p.text ?? '',
        )
          ? 2
          : undefined);
      if (n === undefined || n === 0) g.uncounted++;
      else g.nails += n;
      groups.set(service, g);
    }
    for (const [service, g] of groups) {
      // A nail procedure without a count is at least one nail (the lowest supported count).
      const nails = g.nails + g.uncounted;
      if (service === 'trim') addFor(ctx, g.procs, '11719');
      if (service === 'debride') {
        const code = nails >= 6 ? '11721' : '11720';
        addFor(ctx, g.procs, code);
        if (g.uncounted > 0) {
          ctx.report({
            severity: 'warning',
            message: `Nail debridement: number of nails not documented; coded ${code}.`,
            target: code,
            fix: 'Document how many nails were debrided: 6 or more supports 11721.',
            span: g.procs[0]?.span,
          });
        }
      }
      if (service === 'avulsion') {
        // One nail per procedure ("left great toe …", "right great toe …"): the first is 11730, the others +11732, each
        // line with its own nails, so a toe modifier can name them (reference §14, §10.6).
        const onePerProcedure = g.procs.length > 1 && g.procs.length === nails;
        addFor(ctx, onePerProcedure ? g.procs.slice(0, 1) : g.procs, '11730');
        if (nails > 1) addFor(ctx, onePerProcedure ? g.procs.slice(1) : g.procs, '11732', nails - 1);
      }
      if (service === 'matrix') addFor(ctx, g.procs, '11750', Math.max(1, nails));
      if ((service === 'trim' || service === 'debride') && ctx.settings.payer === 'medicare') {
        const feet = g.procs.some((p) => {
          const info = siteInfo(p.site?.key);
          return !info || info.region === 'foot';
        });
        if (feet) {
          ctx.report({
            severity: 'info',
            message:
              'Medicare routine foot care: nail trimming/debridement of the feet is covered only with documented class findings (Q7-Q9 modifiers); those rules are not verified in DermLens.',
            target: service === 'trim' ? '11719' : '11720',
            fix: 'Document the systemic condition and class findings, or use an ABN.',
          });
        }
      }
    }
  },
});

const SUBCUTANEOUS = /subcutaneous|subcutis|\bsubq\b|\bsq tissue|adipose|\bfat\b/;
const DEEPER = /muscle|fascia|\bbone\b|tendon/;
const SKIN_DEBRIDEMENT = /eczema|eczematous|infected skin|impetig|extensive|body surface|\bbsa\b/;

/** "12% BSA", "BSA 15%", "20% of body surface". */
function percentBsa(text: string): number | undefined {
  const m = /(?<!\d)(\d+(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?)?(?:t?bsa|body surface)/.exec(text) ?? /\bt?bsa\b\D{0,10}(\d+(?:\.\d+)?)\s*%/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const isChemicalCautery = (ctx: RuleContext, p: Procedure) => {
  const text = words(ctx, p);
  return p.documentedCode === '17250' || (/granulation/.test(text) && /silver nitrate|chemical(ly)? cauter|cauteriz/.test(text));
};
const isHemostasisOnly = (ctx: RuleContext, p: Procedure) => {
  const text = words(ctx, p);
  return !/granulation/.test(text) && /silver nitrate|aluminum chloride|monsel|ferric subsulfate|drysol/.test(text) && /hemosta|bleed/.test(text);
};

export const debridement = defineRule({
  id: 'other-procedures/debridement',
  family: 'other-procedures',
  phase: 'code',
  title: 'Debridement: 11000/+11001 by body surface, 11042/+11045 by area of subcutaneous tissue',
  explain:
    'Debridement of extensive eczematous or infected skin is 11000 for up to 10% of body surface and +11001 for each additional 10%. ' +
    'Debridement down to subcutaneous tissue is 11042 for the first 20 sq cm and +11045 for each additional 20 sq cm or part. The depth and the size decide the code, so both must be documented. ' +
    '11010-11012 are open-fracture debridement codes, never skin-lesion codes.',
  references: ['Reference §14 (11000/11001, 11042/11045, 11010-11012)'],
  status: 'stable',
  codes: ['11000', '11001', '11042', '11045'],
  apply(ctx) {
    for (const p of ctx.performed('debridement')) {
      if (isChemicalCautery(ctx, p) || isHemostasisOnly(ctx, p)) continue; // other-procedures/chemical-cautery
      if (isNailDebridement(ctx, p)) continue; // other-procedures/nail (11720/11721)
      const text = words(ctx, p);
      if (p.documentedCode && /^1101[0-2]$/.test(p.documentedCode)) {
        ctx.report({
          severity: 'warning',
          message: `${p.documentedCode} is an open-fracture debridement code, not a skin debridement code.`,
          target: p.documentedCode,
          fix: 'Use 11000/11001 (eczematous or infected skin) or 11042/11045 (subcutaneous tissue).',
          span: p.span,
        });
      }
      if (DEEPER.test(text)) {
        ctx.report({
          severity: 'warning',
          message: 'Debridement into muscle, fascia or bone: those codes are not in the DermLens catalog; no line.',
          target: p.lesionLabels[0],
          fix: 'Code the deeper debridement by hand (depth and area per the CPT debridement codes).',
          span: p.span,
        });
        continue;
      }
      if (SUBCUTANEOUS.test(text)) {
        const area = p.areaSqCm ?? areaInText(procedureText(ctx, p));
        addFor(ctx, [p], '11042');
        // CPT: +11045 for each additional 20 sq cm or part of it.
        if (area !== undefined && area > 20) addFor(ctx, [p], '11045', Math.ceil((area - 20) / 20));
        if (area === undefined) {
          ctx.report({
            severity: 'warning',
            message: 'Subcutaneous debridement: area not documented; coded the first 20 sq cm (11042) only.',
            target: '11042',
            fix: 'Document the debrided area in sq cm: each additional 20 sq cm supports +11045.',
            span: p.span,
          });
        }
        continue;
      }
      if (SKIN_DEBRIDEMENT.test(text) || percentBsa(text) !== undefined) {
        const pct = percentBsa(text);
        addFor(ctx, [p], '11000');
        if (pct !== undefined && pct > 10) addFor(ctx, [p], '11001', Math.ceil((pct - 10) / 10));
        if (pct === undefined) {
          ctx.report({
            severity: 'warning',
            message: 'Skin debridement: body surface percentage not documented; coded the first 10% (11000) only.',
            target: '11000',
            fix: 'Document the percentage of body surface debrided: each additional 10% supports +11001.',
            span: p.span,
          });
        }
        continue;
      }
      ctx.report({
        severity: 'warning',
        message: `Debridement${p.site ? ` (${p.site.text})` : ''}: depth not documented; no code chosen.`,
        target: p.lesionLabels[0],
        fix: 'Document the depth (eczematous/infected skin → 11000 by % body surface; subcutaneous tissue → 11042 by sq cm) and the size.',
        span: p.span,
      });
    }
  },
});

export const chemicalCautery = defineRule({
  id: 'other-procedures/chemical-cautery',
  family: 'other-procedures',
  phase: 'code',
  title: 'Chemical cautery of granulation tissue is 17250; hemostasis of a wound is not',
  explain:
    'Chemical cautery (e.g. silver nitrate) of proud flesh/granulation tissue is its own service, 17250. ' +
    'Silver nitrate or aluminum chloride used to stop bleeding after a biopsy, shave or other procedure is part of that procedure and is never reported as 17250.',
  references: ['Reference §14 (17250)'],
  status: 'stable',
  codes: ['17250'],
  apply(ctx) {
    for (const p of ctx.performed()) {
      if (!['debridement', 'destruction-unspecified', 'unlisted', 'cosmetic-other'].includes(p.kind) && p.documentedCode !== '17250') continue;
      if (isHemostasisOnly(ctx, p)) {
        ctx.report({
          severity: 'info',
          message: 'Chemical hemostasis of a procedure wound is included in that procedure; not reported as 17250.',
          target: '17250',
          fix: 'Report 17250 only for chemical cautery of granulation tissue, documented as such.',
          span: p.span,
        });
        continue;
      }
      if (isChemicalCautery(ctx, p)) addFor(ctx, [p], '17250');
    }
    // Written in the note without a procedure record ("Hypergranulation tissue at the I&D site:
    // silver nitrate chemical cautery").
    if (!ctx.lines.some((l) => l.code === '17250')) {
      const found = sentenceInNote(ctx, /granulation/i, /silver\s+nitrate|chemical(?:ly)?\s+cauter|cauteriz/i);
      if (found) ctx.addLine({ code: '17250', spans: [found], tags: ['other-procedure'] });
    }
  },
});

/**
 * The first note sentence matching both patterns that is not history, plan or negation.
 * The patterns must not be anchored or global: a section where one of them never matches is skipped unsplit.
 */
function sentenceInNote(ctx: RuleContext, a: RegExp, b: RegExp): { section: string; start: number; end: number } | undefined {
  for (const [section, text] of Object.entries(ctx.encounter.sections)) {
    if (!a.test(text) || !b.test(text)) continue;
    for (const m of text.matchAll(/[^.\n]+/g)) {
      const sentence = m[0];
      if (!a.test(sentence) || !b.test(sentence)) continue;
      if (
        /previous|prior\s+(?:visit|treatment)|last\s+(?:visit|time)|history|will\s+(?:do|perform|apply)|\bplan\b|consider|recommend|declin|\bno\s+(?:silver|cauter)/i.test(
          sentence,
        )
      )
        continue;
      const start = m.index ?? 0;
      return { section, start, end: start + sentence.length };
    }
  }
  return undefined;
}

// TCA strength written either way round: "TCA 35%" or "35% TCA".
const DERMAL_PEEL =
  /\bdermal\b|medium[\s-]?depth|\bmedium\b|\bdeep\b|phenol|baker|tca\s*(?:3[5-9]|[4-9]\d)\s*%|\b(?:3[5-9]|[4-9]\d)\s*%\s*(?:tca|trichloroacetic)/;
const EPIDERMAL_PEEL =
  /epidermal|superficial|\blight\b|glycolic|salicylic|jessner|lactic|mandelic|pyruvic|tca\s*(?:[1-2]\d|[5-9])\s*%|\b(?:[1-2]\d|[5-9])\s*%\s*(?:tca|trichloroacetic)/;

export const chemicalPeel = defineRule({
  id: 'other-procedures/chemical-peel',
  family: 'other-procedures',
  phase: 'code',
  title: 'Chemical peel: 15788/15789 face, 15792/15793 elsewhere, by epidermal or dermal depth',
  explain:
    'A chemical peel is coded by where and how deep: on the face, 15788 (epidermal) or 15789 (dermal); elsewhere, 15792 (epidermal) or 15793 (dermal). ' +
    'Without a documented depth only the epidermal code is supported. Peels are usually cosmetic; medium or deep peels are covered by some payers only for many actinic keratoses after failed topical therapy (the cosmetic rules route billing).',
  references: ['Reference §12.3 (15788-15793)', 'Aetna CPB 0251'],
  status: 'stable',
  codes: ['15788', '15789', '15792', '15793'],
  apply(ctx) {
    const byCode = new Map<string, Procedure[]>();
    for (const p of ctx.performed('chemical-peel')) {
      const text = words(ctx, p);
      if (p.documentedCode === '17360' || (ACNE.test(text) && !p.cosmetic)) continue; // other-procedures/acne-surgery (17360)
      const info = siteInfo(p.site?.key);
      const facialWords = /\b(?:face|facial|forehead|cheeks?|periorbital|perioral|nose|chin)\b/.test(text);
      const otherWords = /\b(?:neck|chest|d[ée]collet[ée]?|hands?|arms?|forearms?|back|legs?|shoulders?)\b/.test(text);
      // No parsed site: the area words in the peel's own text decide, when they point one way.
      const facialFromText = !info && facialWords !== otherWords ? facialWords : undefined;
      if (!info && facialFromText === undefined) {
        ctx.report({
          severity: 'warning',
          message: `Chemical peel: treated area ${p.site?.text ? `"${p.site.text}" not recognised` : 'not documented'}; no code chosen.`,
          target: p.lesionLabels[0],
          fix: 'Document the area: face (15788/15789) or other areas such as neck, chest, hands (15792/15793).',
          span: p.span,
        });
        continue;
      }
      const facial = info ? info.region === 'face' : facialFromText === true;
      const dermal = DERMAL_PEEL.test(text);
      const epidermal = !dermal && EPIDERMAL_PEEL.test(text);
      const code = facial ? (dermal ? '15789' : '15788') : dermal ? '15793' : '15792';
      if (!dermal && !epidermal) {
        ctx.report({
          severity: 'warning',
          message: `Chemical peel (${p.site?.text ?? 'site'}): depth not documented; coded the epidermal peel ${code}.`,
          target: code,
          fix: `Document the agent/strength and depth: a dermal (medium or deep) peel supports ${facial ? '15789' : '15793'}.`,
          span: p.span,
        });
      }
      byCode.set(code, [...(byCode.get(code) ?? []), p]);
    }
    for (const [code, procs] of byCode) addFor(ctx, procs, code);
  },
});

const UNLISTED = new Set(['17999', '96999', '64999']);
const KOH = /\bkoh\b|potassium hydroxide/;
const FUNGAL_CULTURE = /fungal culture|dermatophyte (test|culture)|\bdtm\b/;

const isMicrobiology = (ctx: RuleContext, p: Procedure) =>
  p.documentedCode === '87101' || p.documentedCode === '87220' || (p.kind === 'unlisted' && (KOH.test(words(ctx, p)) || FUNGAL_CULTURE.test(words(ctx, p))));

export const unlistedProcedure = defineRule({
  id: 'other-procedures/unlisted',
  family: 'other-procedures',
  phase: 'code',
  title: 'Unlisted procedures (17999, 96999) need a comparison code; never modifier 22',
  explain:
    'When no CPT code describes a service, the unlisted code of its section is reported: 17999 for skin, 96999 for a special dermatological service, 64999 for the nervous system. ' +
    'An unlisted code is priced by hand, so the claim needs the procedure note and a comparable listed code. Modifier 22 never goes on an unlisted code.',
  references: ['Reference §14 (unlisted codes)', 'CPT unlisted-procedure guidelines'],
  status: 'stable',
  codes: ['17999', '96999', '64999'],
  apply(ctx) {
    for (const p of ctx.performed('unlisted')) {
      if (isMicrobiology(ctx, p) || isChemicalCautery(ctx, p) || isHemostasisOnly(ctx, p)) continue;
      const code = p.documentedCode && UNLISTED.has(p.documentedCode) ? p.documentedCode : '17999';
      addFor(ctx, [p], code, 1, ['unlisted']);
      ctx.report({
        severity: 'warning',
        message: `Unlisted procedure ${code}${p.site ? ` (${p.site.text})` : ''}: the payer prices it by hand and needs a comparison code.`,
        target: code,
        fix: 'Attach the procedure note, name a comparable listed code and the expected fee; never add modifier 22.',
        span: p.span,
      });
    }
  },
});

export const unlistedNo22 = defineRule({
  id: 'other-procedures/unlisted-no-22',
  family: 'other-procedures',
  phase: 'check',
  title: 'Modifier 22 never goes on an unlisted code',
  explain:
    'Modifier 22 (increased procedural services) adjusts the fee of a listed code. An unlisted code has no fixed fee to increase, so 22 on it is always an error; the extra work goes in the documentation.',
  references: ['Reference §14 (unlisted codes)'],
  status: 'stable',
  codes: ['22'],
  apply(ctx) {
    for (const line of ctx.lines) {
      if (!UNLISTED.has(line.code) || !line.modifiers.includes('22')) continue;
      line.modifiers = line.modifiers.filter((m) => m !== '22');
      ctx.report({
        severity: 'error',
        message: `Modifier 22 removed from unlisted code ${line.code}: 22 is never used on unlisted codes.`,
        target: line.code,
        fix: 'Describe the extra work in the documentation attached to the unlisted code.',
      });
    }
  },
});

/**
 * A KOH preparation read in the office, written in the note without a procedure record
 * ("KOH prep of scale performed: septate hyphae seen"). Past results and send-outs do not count.
 */
const KOH_NAMED = /\b(?:koh|potassium hydroxide)\b/i;

/** The sentence names a date (month/day/year or month/year) before the date of service (ISO). */
function datedBefore(sentence: string, dos: string | undefined): boolean {
  if (!dos) return false;
  for (const m of sentence.matchAll(/\b(\d{1,2})\/(?:(\d{1,2})\/)?(\d{4}|\d{2})\b/g)) {
    const month = Number(m[1]);
    const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (month < 1 || month > 12) continue;
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    const iso = m[2] ? `${ym}-${String(Number(m[2])).padStart(2, '0')}` : undefined;
    if (iso ? iso < dos : ym < dos.slice(0, 7)) return true;
  }
  return false;
}
function kohReadInNote(ctx: RuleContext): { section: string; start: number; end: number } | undefined {
  for (const [section, text] of Object.entries(ctx.encounter.sections)) {
    // The sentence pattern is slow on long sections: only run it where KOH is named at all.
    if (!KOH_NAMED.test(text)) continue;
    for (const m of text.matchAll(/(?<![^.\n])[^.\n]*\b(?:koh|potassium hydroxide)\b[^.\n]*/gi)) {
      const sentence = m[0];
      if (!/perform|done|obtained|examined|read|showed|shows|revealed|reveals|positive|negative|hyphae|spores|yeast/i.test(sentence)) continue;
      // "\bplan\b", not "plantar": "KOH of L plantar foot scale: positive" is read today.
      if (
        /previous|prior|last\s+(?:visit|time)|history|\bsent\b|outside\s+lab|will\s+(?:do|perform|send)|\bplan(?:s|ned)?\b|consider|recommend|declin/i.test(
          sentence,
        )
      )
        continue;
      // "KOH not done today", "no KOH (no scale)": a test named as not done was not done.
      if (
        /\b(?:not|never)\s+(?:done|performed|obtained|examined|read|indicated)\b|\bno\s+(?:koh|potassium\s+hydroxide)\b|\b(?:koh|potassium\s+hydroxide)\b[^.\n]{0,20}\b(?:deferred|n\/a)\b/i.test(
          sentence,
        )
      )
        continue;
      // "KOH + culture 9/2026 positive for T. rubrum": a result dated before this visit is history.
      if (datedBefore(sentence, ctx.encounter.visit.dateOfService)) continue;
      const start = m.index ?? 0;
      return { section, start, end: start + sentence.length };
    }
  }
  return undefined;
}

export const inOfficeMicrobiology = defineRule({
  id: 'other-procedures/in-office-microbiology',
  family: 'other-procedures',
  phase: 'code',
  title: 'In-office KOH (87220) and fungal culture (87101) need CLIA certification',
  explain:
    'A KOH preparation read in the office is 87220 and a fungal culture of skin, hair or nail grown in the office is 87101. Both are laboratory tests: the practice must hold the right CLIA certificate, ' +
    'and the claim carries the CLIA number. A culture sent to an outside lab is billed by the lab.',
  references: ['Reference §14 (in-office micro)'],
  status: 'stable',
  codes: ['87101', '87220'],
  apply(ctx) {
    const procs = ctx.performed().filter((p) => isMicrobiology(ctx, p));
    const koh = procs.length === 0 ? kohReadInNote(ctx) : undefined;
    if (koh) {
      ctx.addLine({ code: '87220', spans: [koh], tags: ['other-procedure'] });
    }
    if (procs.length === 0 && !koh) return;
    for (const p of procs) {
      const text = words(ctx, p);
      const code = p.documentedCode === '87101' || p.documentedCode === '87220' ? p.documentedCode : KOH.test(text) ? '87220' : '87101';
      if (code === '87101' && /sent|outside lab|reference lab|send[\s-]?out/.test(text)) {
        ctx.report({
          severity: 'info',
          message: 'Fungal culture sent to an outside lab: the lab bills it; no 87101 line.',
          target: '87101',
          span: p.span,
        });
        continue;
      }
      addFor(ctx, [p], code);
    }
    ctx.report({
      severity: 'info',
      message: 'In-office microbiology (87220 KOH / 87101 fungal culture) requires a CLIA certificate covering the test; put the CLIA number on the claim.',
      fix: 'Confirm the practice’s CLIA certificate level covers the test.',
    });
  },
});

export const tissueAdhesiveOnly = defineRule({
  id: 'other-procedures/tissue-adhesive-only',
  family: 'other-procedures',
  phase: 'code',
  title: 'Medicare: wound closure with tissue adhesive only is G0168',
  explain:
    'Medicare reports a wound closed only with tissue adhesive (e.g. Dermabond) with HCPCS G0168, not with a repair code. Other payers follow CPT, which counts adhesive closure as a simple repair. ' +
    'DermLens adds G0168 only when the repair rules have not already coded that closure.',
  references: ['Reference §14 (G0168)'],
  status: 'stable',
  codes: ['G0168'],
  apply(ctx) {
    if (ctx.settings.payer !== 'medicare') return;
    for (const p of ctx.performed('repair')) {
      if (!p.repairFeatures?.tissueAdhesiveOnly) continue;
      if (ctx.lines.some((l) => l.procedureIds.includes(p.id))) continue; // the repair rule coded it
      addFor(ctx, [p], 'G0168');
    }
  },
});

export const otherProceduresRules: Rule[] = [
  incisionDrainage,
  acneSurgery,
  paring,
  nailProcedures,
  debridement,
  chemicalCautery,
  chemicalPeel,
  unlistedProcedure,
  inOfficeMicrobiology,
  tissueAdhesiveOnly,
  unlistedNo22,
];
