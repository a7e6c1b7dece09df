import { siteInfo } from '../anatomy/sites';
import { findSites, resolveSite } from '../anatomy/vocabulary';
import { HEDGED_SPANS } from '../codes/hedges';
import {
  billableChildren,
  codesInText,
  dropLessSpecific,
  type Histology,
  histologiesInText,
  histologyFromText,
  icd10,
  isBillable,
  isHeader,
  MALIGNANT,
  malignanciesInText,
  NEOPLASTIC,
  normalizeIcd10,
  type Resolution,
  resolveDx,
  siteConflict,
  title,
} from '../codes/icd10';
import type { Laterality, Lesion, PathologyReport, Procedure, Site } from '../model';
import { proceduresOfLine } from './cosmetic';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { IMMUNOFLUORESCENCE, ownParagraph, procedureParagraph } from './procedure-text';

/**
 * ICD-10-CM linkage (reference §13): every line points to the diagnoses that
 * support it, most specific first, at most 4 (837P/CMS-1500 pointers per line).
 */

const MAX_POINTERS = 4;
/** In-office fungal tests (reference §14): KOH preparation, fungal culture. */
const FUNGAL_TESTS = new Set(['87220', '87101']);
const FUNGAL_TEST_WORDS = /\bkoh\b|\bfungal\s+cultures?\b|\bhyphae\b/i;
const FUNGAL_WORDS =
  /\b(?:tinea(?:\s+(?:pedis|corporis|capitis|cruris|unguium|manuum|barbae|versicolor))?|onychomycosis|mycotic\s+nails?|pityriasis\s+versicolor|dermatophytosis)\b/gi;
/** Readings of a viral wart (B07.-): each site of a wart line takes its own. */
const WARTS = new Set<Histology>(['wart', 'plantar-wart', 'common-wart']);
/** A fungal test read positive: "+ hyphae", "positive for septate hyphae", "KOH: positive", "hyphae seen". */
const POSITIVE_FUNGAL =
  /(?:\+|\bpositive\b|\bpos\b)\s*(?:for\s+)?(?:(?:septate|branching|fungal|dermatophyte|true)\s+)*(?:hyphae|dermatophytes?|fungal\s+elements)\b|\b(?:hyphae|fungal\s+elements|dermatophytes?)\s+(?:were\s+|are\s+|is\s+)?(?:seen|present|noted|identified|visuali[sz]ed|found)\b|\b(?:koh|prep(?:aration)?)\b[^.;\n]{0,40}?(?::|\bwas\b|\bis\b|\bshowed\b|\breveal\w*)\s*(?:\+|positive\b|pos\b)/i;
/**
 * … or negative, pending or not read: "no hyphae", "negative", "- hyphae", "hyphae not seen", "results pending"; or a
 * yeast ("budding yeast", "pseudohyphae": candida, B37.-) or the spores of tinea versicolor (B36.0), not a dermatophyte.
 */
const NEGATIVE_FUNGAL =
  /\b(?:no|neg\w*|without|absent|pending|not\s+(?:seen|identified|present|done|performed)|sent|yeast|candid\w*|pseudohyphae|budding|spores|spaghetti|malassezia|pityrosporum)\b|(?<![\w+])-\s*(?:hyphae|fungal)|\br\/o\b|\?/i;
/** The dermatophytosis of a sampled site (icd10-derm §4.2, B35.-): nail, foot, hand, scalp, groin, else the body. */
function dermatophytosisAt(key: string | undefined): string {
  const info = siteInfo(key);
  if (!info) return 'dermatophytosis';
  if (info.special === 'nail') return 'onychomycosis';
  if (info.special === 'inguinal' || info.subunit === 'groin') return 'tinea cruris';
  if (info.region === 'foot') return 'tinea pedis';
  if (info.region === 'hand') return 'tinea manuum';
  if (info.region === 'scalp') return 'tinea capitis';
  if (info.region === 'trunk' || info.region === 'arm' || info.region === 'leg' || info.region === 'neck' || info.region === 'axilla') return 'tinea corporis';
  return 'dermatophytosis';
}
/** A suspected, not stated, condition: "r/o tinea", "? onychomycosis", "possible tinea corporis vs eczema". */
const HEDGE_BEFORE = /(?:\br\/o|rule\s+out|\?|\bpossible|\bprobable|\bsuspect\w*|\bconcern\s+for|\bvs\.?|\bversus|\bddx|\bquestionable)\s*(?:\w+\s+){0,2}$/i;
/** Words that say the thing is a lesion or growth (a neoplasm of some behavior), not a rash. */
const NEOPLASM_WORDS =
  /(?<!peri)lesion|neoplasm|growth|papule|nodule|tumou?r|mass|nev|mole|carcinoma|melanoma|\bbcc|\bscc|\bmis\b|\bdn\b|in[- ]situ|bowen|merkel|keratos|spot|macule|\bdf\b|\bdfsp\b|dermatofibro|sarcoma|lipoma|adnexal/i;
/** A neoplasm named as such (not only "lesion", "papule" or "spot"). */
// "r/o mm": after a hedge, "mm" is malignant melanoma, not millimetres.
const NAMED_NEOPLASM =
  /neoplasm|tumou?r|nev[ui]|mole|carcinoma|melanoma|(?:r\/o|rule\s+out|vs\.?|ddx)\s+mm\b|\bbcc|\bscc|\bmis\b|\bdn\b|in[- ]situ|bowen|merkel|keratoacanthoma|lentigo\s+maligna|\bdfsp\b|dermatofibrosarcoma|sarcoma|\bempd\b|paget|\bvin\b|intraepithelial\s+neoplasia/i;
/** "Atypical (compound|junctional) melanocytic proliferation": a descriptive result that is not a nevus. */
const ATYPICAL_PROLIFERATION = /\batypical\s+(?:[a-z]+\s+){0,2}melanocytic\s+proliferation\b/i;
/** Hedges that make a clinical impression provisional (outpatient: never code "rule out" as confirmed). */
const UNCERTAIN = /\br\/o\b|rule out|\bvs\.?\b|versus|\?|suspicious|suspect|concerning|concern for|possible|probable|likely|favor|ddx|differential|uncertain/i;
/** A cancer told as history ("Hx BCC L temple excised 2019", "s/p Mohs R ala"): not a problem of this visit. */
const CANCER_HISTORY =
  /\b(?:hx|h\/o|history|s\/p|status\s+post|previously|excised|removed|treated|recurrence|years?\s+ago|in\s+(?:19|20)\d\d|(?:19|20)\d\d\s*\))/i;
/** A rule-out set off after a named finding: "…, r/o …", "… -- rule out …", "…; ddx …". */
// "…, biopsied to r/o …": a few words of what was done may stand before the rule-out.
const RULE_OUT_TAIL = /\s*(?:[,;:]|\s[-–—]{1,2})\s*(?:[a-z']+\s+){0,4}?(?:r\/o|rule\s+out|ddx|differential(?:\s+diagnosis)?)\b/i;
/** Vague nouns: provisional only when no specific diagnosis is named ("lesion R cheek", not "SK lesions"). */
const VAGUE = /neoplasm|\blesions?\b|\bgrowths?\b|\bpapules?\b|\bnodules?\b|\bspots?\b/i;
/**
 * Conditions biopsied to name an inflammatory or other non-neoplastic process (hair loss, a dermatitis, a
 * blistering or connective-tissue disease…): named as a biopsy's reason, they make D49.2 wrong (reference §13.2).
 */
const NON_NEOPLASTIC =
  /alopecia|hair\s+loss|effluvium|dermatitis|dermatos[ie]s|eczema|psoria|\blichen\b|lupus|morphea|scleroderma|sclerosus|vasculitis|panniculitis|pemphig|bullous|blister|vesic|\bbullae?\b|eruption|\brash\b|prurit|\bitch|urticaria|erythema|purpura|granuloma\s+annulare|sarcoid|folliculitis|infection|fungal|tinea|ulcer|inflammat|vitiligo|pigmentation|necrobiosis|calcinosis|mucinosis|amyloid|porphyria|hidradenitis|acne|rosacea|cellulitis|abscess/i;
/**
 * The reason a procedure names for itself: "punch bx … for alopecia", "to evaluate for vasculitis",
 * "for evaluation of hair loss". Hedged when the words ask a question (evaluate, rule out, exclude, confirm).
 */
const STATED_REASON =
  /\b(?:(to\s+(?:evaluate|assess|r\/o|rule\s+out|exclude|confirm|characteri[sz]e)(?:\s+for)?|for\s+(?:evaluation|eval|assessment|work-?up|confirmation)\s+of|for\s+(?:possible|suspected|presumed|probable)|for))\s+([^.;,\n()]{3,60})/gi;

/** The first reason a procedure's own words give that names a condition (mapped or not), with its hedge. */
function statedReason(text: string | undefined, read: (t: string) => Histology | undefined): { words: string; hedged: boolean } | undefined {
  if (!text) return undefined;
  for (const m of text.matchAll(STATED_REASON)) {
    const words = (m[2] ?? '').trim();
    if (!NON_NEOPLASTIC.test(words) && !NEOPLASM_WORDS.test(words) && read(words) === undefined) continue;
    return { words, hedged: !/^for$/i.test(m[1] ?? '') || UNCERTAIN.test(words) };
  }
  return undefined;
}

/** A non-neoplastic condition a procedure's words name, when they name no lesion or neoplasm at all. */
function namedCondition(text: string | undefined): { words: string; hedged: boolean } | undefined {
  if (!text || NEOPLASM_WORDS.test(text)) return undefined;
  const m = NON_NEOPLASTIC.exec(text);
  return m ? { words: m[0], hedged: UNCERTAIN.test(text) } : undefined;
}

/** An impression that names a non-neoplastic process and no neoplasm. */
function namesNonNeoplasm(text: string, h: Histology | undefined): boolean {
  if (h !== undefined) return !NEOPLASTIC.has(h) && !NAMED_NEOPLASM.test(text);
  return NON_NEOPLASTIC.test(text) && !NAMED_NEOPLASM.test(text);
}

/**
 * The parser's lesion types name families ("cyst", "hemangioma"); the procedure's own words may name the kind
 * ("Epidermoid cyst R back, 2 cm. Excision, …", "pyogenic granuloma L index finger"), which has its own code.
 */
function precise(type: string, words: string): string {
  if (type === 'cyst') {
    if (/\b(?:epiderm(?:oid|al)|eic|epidermal\s+inclusion|infundibular)\b/i.test(words)) return 'epidermoid cyst';
    if (/\b(?:pilar|trichilemmal)\b/i.test(words)) return 'pilar cyst';
  }
  if (type === 'hemangioma' && /\b(?:pyogenic\s+granuloma|lobular\s+capillary\s+hemangioma)\b/i.test(words)) return 'pyogenic granuloma';
  return type;
}

interface Target {
  lesionLabel?: string;
  specimenLabel?: string;
  procedure?: Procedure;
}

interface Where {
  siteKey?: string;
  siteText?: string;
  laterality?: Laterality;
  subsite?: string;
}

/** The lab's part of one container (A1, A2) whose site is this lesion's: that piece's result is the lesion's (§13.1). */
function partAt(reports: readonly PathologyReport[], label: string | undefined, where: Where): PathologyReport | undefined {
  if (!label || !where.siteKey) return undefined;
  const parts = reports.filter((r) => r.part && r.specimenLabel.toUpperCase() === label.toUpperCase());
  if (parts.length < 2) return undefined;
  const here = parts.filter((r) => {
    const s = r.siteText ? resolveSite(r.siteText) : undefined;
    return !!s && s.key === where.siteKey && (!s.laterality || !where.laterality || s.laterality === where.laterality);
  });
  return here.length === 1 ? here[0] : undefined;
}

function mergeSite(...sites: (Site | undefined)[]): Where {
  const w: Where = {};
  for (const s of sites) {
    if (!s) continue;
    w.siteKey ??= s.key;
    w.siteText ??= s.text;
    w.laterality ??= s.laterality;
    w.subsite ??= s.subsite;
  }
  return w;
}

class Linker {
  private readonly reported = new Set<string>();
  private readings: Histology[] | undefined;
  private cancersBySite: string[] | undefined;
  private malignancies: Histology[] | undefined;
  private codes: string[] | undefined;
  private text: string | undefined;
  private eruption: boolean | undefined;
  /** The same lesion, procedure and problem words are read for many lines: read each text once per encounter. */
  private readonly histologies = new Map<string, Histology | undefined>();
  /** procedureReadings, by procedure id: asked for every reading the note-wide fallback tries. */
  private readonly ownReadings = new Map<string, Histology[]>();
  private readonly problems = new Map<boolean, ProblemCode[]>();
  /** Codes a line took site by site (wartsBySite): kept beside their specific siblings. */
  readonly sited = new Set<string>();
  constructor(private readonly ctx: RuleContext) {}

  /** The whole note as one text (joined once per encounter). */
  noteText(): string {
    this.text ??= Object.values(this.ctx.encounter.sections).join('\n');
    return this.text;
  }

  /** The visit is for a rash: its chief complaint or reason says so (as a heading of its own, or a line). */
  rashComplaint(): boolean {
    return (
      RASH_COMPLAINT.test(this.noteText()) ||
      this.complaintSectionSays(/^(?:chief\s+complaint|cc|reason\s+for\s+(?:visit|consult\w*)|hpi)\b/i, /\b(?:rash|eruption)\b/i)
    );
  }

  /** A section the note heads as its complaint (`heading`) says `words`. */
  complaintSectionSays(heading: RegExp, words: RegExp): boolean {
    const sections = this.ctx.encounter.sections;
    return Object.keys(sections).some((name) => heading.test(name) && words.test(sections[name] ?? ''));
  }

  /**
   * The visit is for an eruption (a rash, blisters, vesicles) and its assessment names no neoplasm: "CC: blisters on the
   * thighs" … "Assessment: suspected bullous pemphigoid".
   */
  eruptionVisit(): boolean {
    if (this.eruption === undefined) {
      const sections = this.ctx.encounter.sections;
      const complaint =
        this.rashComplaint() ||
        ERUPTION_COMPLAINT.test(this.noteText()) ||
        this.complaintSectionSays(/^(?:chief\s+complaint|cc|reason\s+for\s+(?:visit|consult\w*)|hpi|subjective)\b/i, ERUPTION_WORDS);
      const problems = this.ctx.encounter.visit.problems;
      const assessed = Object.keys(sections)
        .filter((name) => /\b(?:assessment|impression|a\s*\/\s*p|plan|diagnos[ie]s|dx)\b/i.test(name))
        .map((name) => sections[name] ?? '');
      this.eruption = complaint && problems.length > 0 && [...problems.map((pr) => pr.text), ...assessed].every((t) => !NEOPLASM_WORDS.test(t));
    }
    return this.eruption;
  }

  /** Billable codes written in the whole note (read once per encounter; read-only). */
  noteCodes(): string[] {
    this.codes ??= codesInText(this.noteText());
    return this.codes;
  }

  /** Everything the whole note names (computed once per encounter). */
  noteReadings(): Histology[] {
    // "Nummular dermatitis vs tinea corporis", "r/o scabies": a condition only suspected is not coded (outpatient
    // guidelines), so the note-wide readings leave out what follows a hedge.
    this.readings ??= histologiesInText(this.noteText().replace(HEDGED_SPANS, ' '));
    return this.readings;
  }

  /**
   * "Reviewed path from the 10/14 biopsy: R forearm, invasive squamous cell carcinoma": a cancer told with the one site of its
   * sentence, not as history, is a problem the visit addresses, coded with that site (reference §13.6); a hedged one is not.
   */
  sitedCancers(): string[] {
    this.cancersBySite ??= this.noteText()
      .slice(0, 20_000)
      .replace(HEDGED_SPANS, ' ')
      .split(/(?<=[.;])\s+|\n[ \t]*\n|\n(?=[ \t]*(?:\d{1,2}[.)]|[-*•#]))/)
      .flatMap((sentence) => {
        if (CANCER_HISTORY.test(sentence)) return [];
        const cancers = [...new Set(histologiesInText(sentence).filter((h) => MALIGNANT.has(h)))];
        const sites = findSites(sentence, { strict: true });
        if (cancers.length !== 1 || sites.length !== 1) return [];
        const where = mergeSite(sites[0]?.site);
        return resolveDx({ histology: cancers[0] as Histology, siteKey: where.siteKey, laterality: where.laterality, subsite: where.subsite }).codes;
      });
    return [...new Set(this.cancersBySite)];
  }

  /** The cancers the whole note names (the MALIGNANT part of noteReadings, without reading everything else). */
  noteMalignancies(): Histology[] {
    if (this.readings) return [...new Set(this.readings.filter((h) => MALIGNANT.has(h)))];
    this.malignancies ??= malignanciesInText(this.noteText());
    return this.malignancies;
  }

  /** histologyFromText, read once per distinct text in this encounter. */
  histology(text: string | undefined): Histology | undefined {
    if (!text) return undefined;
    if (this.histologies.has(text)) return this.histologies.get(text);
    const h = histologyFromText(text);
    this.histologies.set(text, h);
    return h;
  }

  report(key: string, finding: Parameters<RuleContext['report']>[0]): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.ctx.report(finding);
  }

  specimenOf(label: string | undefined) {
    if (!label) return undefined;
    return this.ctx.encounter.specimens.find((s) => s.label.toUpperCase() === label.toUpperCase());
  }

  /** Lines → who/where they treat. */
  targets(line: DraftLine): Target[] {
    const procs = proceduresOfLine(this.ctx, line);
    const out: Target[] = [];
    const pathologyLine = line.family === 'pathology' || /^88\d{3}$/.test(line.code);
    if (pathologyLine && line.specimenLabels.length > 0) {
      for (const s of line.specimenLabels) {
        const spec = this.specimenOf(s);
        const p = procs.find((x) => x.specimenLabel?.toUpperCase() === s.toUpperCase());
        // One container holding the tissue of several lesions (pieces not told apart) is one specimen (§7.2) whose
        // interpretation covers every lesion in it: the line points to each lesion's diagnosis (§13 item 1).
        const pieces = this.ctx.performed().filter((x) => x.specimenLabel?.toUpperCase() === s.toUpperCase() && x.lesionLabels[0]);
        if (new Set(pieces.map((x) => x.lesionLabels[0]?.toUpperCase())).size > 1) {
          for (const x of pieces) out.push({ specimenLabel: s, lesionLabel: x.lesionLabels[0], procedure: x });
          continue;
        }
        out.push({ specimenLabel: s, lesionLabel: spec?.lesionLabel ?? p?.lesionLabels[0], procedure: p });
      }
      return out;
    }
    for (const p of procs) {
      const lesions = p.lesionLabels.length > 0 ? p.lesionLabels : [undefined];
      for (const l of lesions) {
        if (line.lesionLabels.length > 0 && l && !line.lesionLabels.some((x) => x.toUpperCase() === l.toUpperCase())) continue;
        out.push({ lesionLabel: l, specimenLabel: p.specimenLabel, procedure: p });
      }
    }
    if (out.length > 0) return out;
    for (const s of line.specimenLabels) out.push({ specimenLabel: s, lesionLabel: this.specimenOf(s)?.lesionLabel });
    for (const l of line.lesionLabels) if (!out.some((t) => t.lesionLabel?.toUpperCase() === l.toUpperCase())) out.push({ lesionLabel: l });
    return out;
  }

  /** Validate a documented code: billable → itself; header → expand or ask; unknown → keep. */
  documented(code: string, where: Where, who: string): string[] {
    const c = normalizeIcd10(code);
    if (!c) {
      this.report(`bad:${code}`, {
        severity: 'warning',
        rule: 'diagnosis/header-code',
        message: `${who}: "${code}" is not an ICD-10-CM code; it was not linked.`,
        target: who,
        fix: 'Document a valid ICD-10-CM code or the diagnosis in words.',
      });
      return [];
    }
    if (!isHeader(c)) {
      const conflict = siteConflict(c, where.siteKey, where.laterality);
      if (conflict) {
        this.report(`mismatch:${who}:${c}`, {
          severity: 'warning',
          rule: 'diagnosis/site-mismatch',
          message: `${who}: ${conflict}.`,
          target: who,
          fix: 'Correct the ICD-10-CM code or the documented site/side so they agree.',
        });
      }
      return [c];
    }
    // Header: pick the child that matches the documented side/part; the unspecified child only when truly undocumented.
    const children = billableChildren(c);
    const words = (t: string) => t.toLowerCase();
    let pick = children;
    const side = where.laterality === 'left' || where.laterality === 'right' ? where.laterality : undefined;
    if (side) pick = pick.filter((k) => words(title(k) ?? '').includes(side));
    else pick = pick.filter((k) => !/\b(right|left)\b/.test(words(title(k) ?? '')));
    const part = /upper|lower/.exec(`${where.siteKey ?? ''} ${where.subsite ?? ''}`)?.[0];
    if (pick.length > 1 && part) pick = pick.filter((k) => words(title(k) ?? '').includes(part));
    if (pick.length > 1) pick = pick.filter((k) => /unspecified/.test(words(title(k) ?? ''))).slice(0, 1);
    const chosen = pick.length === 1 ? pick[0] : undefined;
    this.report(`header:${who}:${c}`, {
      severity: chosen ? 'warning' : 'error',
      rule: 'diagnosis/header-code',
      message: chosen
        ? `${who}: ${c} is a category header, not a billable code; ${chosen} (${title(chosen)}) was used.`
        : `${who}: ${c} is a category header, not a billable code, and the note does not say which child applies.`,
      target: who,
      fix: `Document the detail that picks the billable code${children.length > 0 ? ` (${children.slice(0, 6).join(', ')}${children.length > 6 ? ', …' : ''})` : ''}: side, upper/lower eyelid or subsite.`,
    });
    return chosen ? [chosen] : [];
  }

  /** Resolve a histology at a site, reporting what the note lacks. */
  resolve(h: Histology, where: Where, who: string): string[] {
    const r: Resolution = resolveDx({ histology: h, siteKey: where.siteKey, laterality: where.laterality, subsite: where.subsite });
    if (r.unresolved) {
      this.report(`unresolved:${who}:${h}`, {
        severity: 'warning',
        rule: 'diagnosis/unmapped',
        message: `${who}: no ICD-10-CM code chosen for ${h.replace(/-/g, ' ')} (${r.unresolved}).`,
        target: who,
        fix: 'Enter the ICD-10-CM code by hand after checking the tabular list.',
      });
      return [];
    }
    if (r.missing.length > 0) {
      const words: Record<string, string> = {
        // A site written but not recognised is not "undocumented": name what was written.
        site: where.siteText && !where.siteKey ? `a recognisable site ("${where.siteText}")` : 'the anatomic site',
        laterality: 'the side (left/right)',
        'eyelid-part': 'upper or lower eyelid',
        'face-part': 'which part of the face (nose or other)',
      };
      // ICD-10-CM titles the eyelid codes "eyelid, including canthus", and their side-specific codes also name the upper or
      // lower lid, which a canthus (where the lids meet) is not: say so rather than ask only for the lid.
      const canthus = where.siteKey === 'canthus' && r.missing.includes('eyelid-part');
      this.report(`missing:${who}:${r.missing.join(',')}`, {
        severity: 'warning',
        rule: 'diagnosis/site-laterality',
        message: canthus
          ? `${who}: ICD-10-CM codes the canthus with the eyelid ("eyelid, including canthus"), but its codes by side also name the upper or lower lid, which the note does not; the less specific ${r.codes.join(', ')} (unspecified eyelid) was used. Verify.`
          : `${who}: ${r.missing.map((m) => words[m]).join(' and ')} not documented, so the less specific ${r.codes.join(', ')} was used.`,
        target: who,
        fix: `Document ${r.missing.map((m) => words[m]).join(' and ')}: ICD-10-CM has a more specific code.`,
      });
    }
    if (r.verify) {
      this.report(`verify:${who}`, {
        severity: 'info',
        rule: 'diagnosis/site-laterality',
        message: `${who}: ${r.verify} Linked ${r.codes.join(', ')}; verify the ICD-10-CM site.`,
        target: who,
      });
    }
    return r.codes;
  }

  /** Final pathology: the code the report gives, or its diagnosis mapped at the lesion's site. */
  fromPathology(report: PathologyReport, where: Where, who: string): { codes: string[]; histology?: Histology; unsettled?: string } {
    const h = this.histology(report.diagnosisText) ?? (report.behavior === 'uncertain' ? 'uncertain-behavior' : undefined);
    if (report.icd10) {
      const codes = this.documented(report.icd10, where, who);
      if (codes.length > 0) return { codes, histology: h };
    }
    if (!h) return { codes: [] };
    // CDC tabular note D37-D48: uncertain behavior only when the pathologist says histology cannot decide.
    if (h === 'uncertain-behavior' && report.behavior !== 'uncertain' && !/uncertain/i.test(report.diagnosisText)) return { codes: [] };
    // "Atypical compound melanocytic proliferation": no nevus named and no uncertain behavior stated — neither D22 nor D48.5
    // is certain (reference §13.3), so the coder asks the pathologist.
    if (h === 'uncertain-behavior' && ATYPICAL_PROLIFERATION.test(report.diagnosisText) && !/uncertain|\bmeltump|\bsampus|\bstump/i.test(report.diagnosisText))
      return { codes: [], histology: h, unsettled: ATYPICAL_PROLIFERATION.exec(report.diagnosisText)?.[0] ?? report.diagnosisText.slice(0, 60) };
    return { codes: this.resolve(h, where, who), histology: h };
  }

  /** Clinical diagnosis before (or without) pathology. */
  /** A prior biopsy proved this lesion malignant, or today's procedure on it is a re-excision. */
  proven(lesionLabel: string | undefined, p: Procedure | undefined): boolean {
    if (p?.reExcision) return true;
    const lesion = this.ctx.lesion(lesionLabel);
    if (lesion?.priorMalignantBiopsy) return true;
    if (!lesionLabel) return false;
    return this.ctx.performed().some((x) => x.reExcision && x.lesionLabels.some((l) => l.toUpperCase() === lesionLabel.toUpperCase()));
  }

  /** The one cancer the whole note names (e.g. "bx-proven invasive melanoma"), if exactly one. */
  noteMalignant(): Histology | undefined {
    const found = this.noteMalignancies();
    return found.length === 1 ? found[0] : undefined;
  }

  /** The one cancer the note names anywhere, its history included, if exactly one. */
  onlyNamedMalignancy(): Histology | undefined {
    const found = [...new Set(malignanciesInText(this.noteText(), true))];
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * The kind of a family-typed lesion: named on the procedure's own line, else by the one note line that names a kind at
   * the procedure's own site ("PREOPERATIVE DIAGNOSES: 1. Epidermoid cyst, R upper back" over "PROCEDURE 1 - R upper back").
   */
  preciseType(type: string, p: Procedure): string {
    const own = precise(type, procedureParagraph(this.ctx, p).split('\n')[0]?.slice(0, 600) ?? '');
    const site = p.site;
    if (own !== type || !site?.key || (type !== 'cyst' && type !== 'hemangioma')) return own;
    const kinds = new Set<string>();
    for (const text of Object.values(this.ctx.encounter.sections)) {
      for (const line of text.slice(0, 20_000).split('\n')) {
        const kind = precise(type, line);
        if (kind === type) continue;
        const at = resolveSite(line);
        if (at?.key === site.key && (!at.laterality || !site.laterality || at.laterality === site.laterality)) kinds.add(kind);
      }
    }
    return kinds.size === 1 ? ([...kinds][0] as string) : own;
  }

  fromClinical(lesion: Lesion | undefined, p: Procedure | undefined, where: Where, who: string, pending: boolean, provenIn?: boolean): string[] {
    const proven = provenIn ?? (lesion?.priorMalignantBiopsy === true || p?.reExcision === true);
    const type = p?.lesionType && p.lesionType !== 'other' ? p.lesionType : undefined;
    const text = lesion?.clinicalDiagnosis ?? (p && type ? this.preciseType(type, p) : type);
    const documented = lesion?.icd10;
    if (documented) {
      const codes = this.documented(documented, where, who);
      const c = codes[0];
      if (c === 'D48.5') {
        this.report(`d485:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/before-pathology',
          message: `${who}: D48.5 (uncertain behavior) is only for a neoplasm the pathologist calls uncertain; D49.2 was used${pending ? ' while pathology is pending' : ''}.`,
          target: who,
          fix: 'Use D49.2 before pathology returns; after it returns, code the final diagnosis.',
        });
        return ['D49.2'];
      }
      if (c && pending && !proven && /^(C4[34A]|C44|D0[34])/.test(c)) {
        this.report(`prepath:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/before-pathology',
          message: `${who}: malignant code ${c} documented before pathology confirmed it; D49.2 was linked instead.`,
          target: who,
          fix: 'Hold the line until pathology returns and code the final diagnosis, or keep D49.2 (unspecified behavior) for now.',
        });
        return ['D49.2'];
      }
      if (codes.length > 0) return codes;
    }
    if (proven) {
      // A proven cancer whose words here name something else (a "scar" re-excised): the cancer the note names.
      const own = this.histology(text) ?? this.histology(type);
      // The proof is often told as history ("prior shave bx 10/25 showed BCC"): then the one cancer named anywhere.
      // A re-excised nevus ("severely atypical compound nevus, margin involved") is no cancer (CPT §3.2: atypia is benign),
      // even when the note names another lesion's melanoma in situ.
      const nm = own && (MALIGNANT.has(own) || own === 'nevus') ? undefined : (this.noteMalignant() ?? this.onlyNamedMalignancy());
      if (nm) return this.resolve(nm, where, who);
    }
    if (!text) {
      // "1. Alopecia areata, patchy, scalp - 3 patches. ILK …": a lesion with no clinical words of its own takes the condition
      // named on its procedure's line (never another item's), when it is one the procedure treats.
      const own = p && KIND_FITS[p.kind] ? this.ownLineReading(p) : undefined;
      return own ? this.resolve(own, where, who) : [];
    }
    // The clinical words first; the parser's normalized lesion type when those name nothing we map.
    // A generic reading ("cyst", "dermatitis") yields to a specific one found in the type or the procedure words.
    // Read the other words only when the clinical words give nothing specific (each reading is pure).
    // "Scarring alopecia, r/o lichen planopilaris vs CCCA", "Dermatitis, R thigh -- r/o drug eruption": what is named
    // before the rule-out is the confirmed finding and is coded; only the rule-out is provisional (reference §13).
    if (!proven && UNCERTAIN.test(text)) {
      const cut = RULE_OUT_TAIL.exec(text);
      const head = cut ? text.slice(0, cut.index) : '';
      const named = head && !UNCERTAIN.test(head) && !VAGUE.test(head) ? this.histology(head) : undefined;
      if (named && !NEOPLASTIC.has(named) && !MALIGNANT.has(named)) return this.resolve(named, where, who);
    }
    const first = this.histology(text);
    let h =
      first !== undefined && !GENERIC.has(first)
        ? first
        : pickReading([first, this.histology(type), this.histology(p?.text)].filter((x): x is Histology => x !== undefined));
    // "1. Nodulocystic acne (L70.0) - … ILK to 4 inflamed cysts": cysts the procedure's own line calls acne are acne cysts
    // (ICD-10-CM index: acne, cystic → L70.0), a narrower reading of the generic "cyst" (L72.9).
    if (h && GENERIC.has(h) && p && KIND_FITS[p.kind]) {
      const own = this.ownLineReading(p);
      if (own && narrows(h, own)) h = own;
    }
    // "1. Verruca vulgaris x3 R hand - declined cantharidin. LN2 x3 today.": a generic wart (or cyst) treated in a later
    // sentence of its item takes the one kind the item's line names before it (a refused treatment's words included).
    if (h && GENERIC.has(h) && p && !KIND_FITS[p.kind]) {
      const narrow = h;
      const kinds = [...new Set(histologiesInText(ownLineLead(this.ctx, p, true)).filter((x) => !GENERIC.has(x) && narrows(narrow, x)))];
      if (kinds.length === 1) h = kinds[0] as Histology;
    }
    // "1. Nodulocystic acne (L70.0) - …" then, as an item of its own, "2. ILK to 4 inflamed cysts on the cheeks": the
    // generic cyst takes the narrower condition the visit names (acne, cystic → L70.0) unless it is told at other sites
    // only; the link is asked to be verified, as for any diagnosis taken from elsewhere in the note.
    let fromNote: Histology | undefined;
    if (h && GENERIC.has(h) && p && !lesion?.clinicalDiagnosis && !NO_NOTE_WIDE.includes(p.kind) && KIND_FITS[p.kind]) {
      const narrow = h;
      fromNote = this.noteReadings().find((x) => !GENERIC.has(x) && fitsKind(p.kind, x) && !this.problemsNameItElsewhere(x, p) && narrows(narrow, x));
      if (fromNote) h = fromNote;
    }
    const provisional = UNCERTAIN.test(text) || (!h && VAGUE.test(text));
    if (!proven && (provisional || (h && MALIGNANT.has(h) && pending))) {
      // Reference §13.2: before pathology, a lesion of uncertain nature is D49.2 (never D48.5).
      // "r/o dysplastic nevus vs melanoma": the impression's own neoplasm words decide, whatever the parser's lesion type says.
      if (first === undefined && NAMED_NEOPLASM.test(text) && provisional) return ['D49.2'];
      if (h ? NEOPLASTIC.has(h) : NEOPLASM_WORDS.test(text)) return ['D49.2'];
      this.report(`provisional:${who}`, {
        severity: 'warning',
        rule: 'diagnosis/unmapped',
        message: `${who}: the clinical impression "${text}" is provisional; a suspected diagnosis is not coded as confirmed.`,
        target: who,
        fix: 'Document the confirmed diagnosis, or the sign or symptom that was treated.',
      });
      // "CC: itchy rash x2 months" … "Punch biopsy L ankle to r/o psoriasis/LP": before pathology the sign biopsied, the
      // rash the visit is for, is coded (reference §13.2). (A rash named here is coded further on.)
      const rashVisit = provisional && p?.kind.startsWith('biopsy') === true && !/\b(?:rash|eruption)\b/i.test(`${text} ${p.text}`) && this.rashComplaint();
      return rashVisit ? ['R21'] : [];
    }
    if (!h) {
      // "INDICATIONS: recurrent draining sinus tracts … despite doxycycline …" over a hidradenitis excision: words that
      // name no condition give way to what the procedure's own words say it treats.
      const own = p && !proven ? this.fromProcedureWords(p) : undefined;
      if (own && own.length > 0) return own;
      this.report(`unmapped:${who}`, {
        severity: 'warning',
        rule: 'diagnosis/unmapped',
        message: `${who}: no ICD-10-CM code could be derived from "${text}".`,
        target: who,
        fix: 'Enter the ICD-10-CM code for this diagnosis in the note or by hand.',
      });
      return [];
    }
    const codes = this.resolve(h, where, who);
    if (fromNote && p && codes.length > 0) {
      this.report(`notetext:${p.id}`, {
        severity: 'info',
        rule: 'diagnosis/link',
        message: `${who}: the procedure names only a ${p.lesionType ?? 'lesion'}, so ${codes.join(', ')} was taken from elsewhere in the note.`,
        target: who,
        fix: 'Verify the diagnosis; link it to the procedure in the assessment/plan.',
      });
    }
    return codes;
  }

  forTarget(t: Target): string[] {
    const lesion = this.ctx.lesion(t.lesionLabel);
    const specimen =
      this.specimenOf(t.specimenLabel) ??
      this.ctx.encounter.specimens.find((s) => t.lesionLabel && s.lesionLabel?.toUpperCase() === t.lesionLabel.toUpperCase());
    const specimenLabel = t.specimenLabel ?? specimen?.label;
    // A flap or graft may document its donor site: the diagnosis is about the lesion's site.
    const closure = t.procedure && CLOSURE.includes(t.procedure.kind);
    const charted = closure ? mergeSite(lesion?.site, specimen?.site, t.procedure?.site) : mergeSite(t.procedure?.site, lesion?.site, specimen?.site);
    // A lab report on its own ("A. Skin, left nasal sidewall, shave biopsy: BCC") documents the
    // specimen's site; it is used only when nothing charted gives one.
    const labSiteText = charted.siteKey ? undefined : this.ctx.pathologyFor(specimenLabel)?.siteText;
    const labSite = labSiteText ? resolveSite(labSiteText) : undefined;
    const where = labSite?.key ? mergeSite(labSite) : charted;
    const who = t.lesionLabel
      ? `Lesion ${t.lesionLabel}`
      : specimenLabel
        ? `Specimen ${specimenLabel}`
        : (t.procedure?.site?.text ?? t.procedure?.kind ?? 'line');
    const report = partAt(this.ctx.encounter.pathology, specimenLabel, where) ?? this.ctx.pathologyFor(specimenLabel);
    const proven = this.proven(t.lesionLabel, t.procedure);
    if (report) {
      const labSide = sideWords(report.siteText);
      if (labSide && (where.laterality === 'left' || where.laterality === 'right') && labSide !== where.laterality) {
        // The lab's site disagrees with the note: one of them is wrong, and so may be the linked code.
        this.report(`labside:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/site-mismatch',
          message: `${who}: the pathology report says ${labSide} ("${report.siteText}") but the note documents ${where.laterality}${where.siteText ? ` ${where.siteText}` : ''}.`,
          target: who,
          fix: 'Confirm the side with the requisition and correct the note or ask the lab for an amended report before billing.',
        });
      }
      const fromPath = this.fromPathology(report, where, who);
      if (fromPath.unsettled && !proven) {
        // The report settles no code (§13.3: D48.5 only when the pathologist states uncertain behavior, no nevus code it
        // does not name): the biopsy keeps its clinical diagnosis, as before pathology (§13.2), and the coder is asked.
        const clinical = this.fromClinical(lesion, t.procedure, where, who, true, false);
        this.report(`path-unmapped:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/unmapped',
          message: `${who}: the report calls it "${fromPath.unsettled}", naming neither a nevus nor uncertain behavior, so no pathology diagnosis was linked (never a benign nevus code for it)${clinical.length > 0 ? `; the clinical diagnosis ${clinical.join(', ')} stays linked until the pathologist states the behavior` : ''}.`,
          target: who,
          fix: 'Ask the pathologist: D48.5 only if they state uncertain behavior; a nevus (D22.-) or melanoma code only if the report names one.',
        });
        return clinical;
      }
      // Re-excision keeps the original malignant diagnosis even when no residual tumor is found (reference §13.5).
      if (proven && !(fromPath.histology && MALIGNANT.has(fromPath.histology))) {
        const original = this.fromClinical(lesion, t.procedure, where, who, false, true);
        if (original.some(isCancerCode)) return original;
      }
      if (fromPath.codes.length > 0) return fromPath.codes;
      if (report.behavior !== 'nondiagnostic' && report.behavior !== 'unknown') {
        this.report(`path-unmapped:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/unmapped',
          message: `${who}: pathology diagnosis "${report.diagnosisText.slice(0, 80)}" has no ICD-10-CM code in DermLens's subset.`,
          target: who,
          fix: 'Enter the ICD-10-CM code for the final pathology diagnosis.',
        });
        return [];
      }
    }
    // A report that settles nothing (nondiagnostic, unreadable) leaves the lesion as unproven as no report.
    const pending = Boolean(specimenLabel) && (!report || report.behavior === 'nondiagnostic' || report.behavior === 'unknown');
    // A procedure with no lesion of its own (I&D, nail, phototherapy…): its own words decide.
    if (!lesion && t.procedure && !t.procedure.reExcision) return this.fromProcedureWords(t.procedure) ?? [];
    // "Destruction - premalignant" under another item's lesion line ("2. SK back", "Hx BCC nose"): a clinical reading the
    // destruction's class cannot treat is not its diagnosis (CPT 17000-17004 are for premalignant lesions).
    const classed = t.procedure?.kind === 'destruction-premalignant' ? t.procedure : undefined;
    const read = classed && lesion?.clinicalDiagnosis ? this.histology(lesion.clinicalDiagnosis) : undefined;
    if (classed && (!read || !fitsKind(classed.kind, read))) return this.fromProcedureWords(classed) ?? [];
    return this.fromClinical(lesion, t.procedure, where, who, pending, proven);
  }

  /** Repair, tissue transfer, flap or graft lines that name no lesion. */
  isUnlabelledClosure(line: DraftLine): boolean {
    if (line.lesionLabels.length > 0) return false;
    const procs = proceduresOfLine(this.ctx, line);
    return procs.length > 0 && procs.every((p) => CLOSURE.includes(p.kind) && p.lesionLabels.length === 0);
  }

  isClosure(line: DraftLine): boolean {
    const procs = proceduresOfLine(this.ctx, line);
    return procs.length > 0 && procs.every((p) => CLOSURE.includes(p.kind));
  }

  isRemoval(line: DraftLine): boolean {
    return proceduresOfLine(this.ctx, line).some((p) => LESION_REMOVAL.includes(p.kind));
  }

  /** What a procedure's own words (parser lesion type, procedure text) say it treats; undefined if nothing. */
  fromProcedureWords(p: Procedure): string[] | undefined {
    const typeH = this.histology(p.lesionType && p.lesionType !== 'other' ? p.lesionType : undefined);
    // A specific lesion type that fits the kind wins whatever the text says (see the choice below): skip reading the text.
    const typeWins = typeH !== undefined && !GENERIC.has(typeH) && (!KIND_FITS[p.kind] || fitsKind(p.kind, typeH));
    const textH = typeWins ? undefined : this.histology(p.text);
    // Prefer a reading that fits what the procedure treats (a parser's "wart" on a nail debridement loses to
    // "mycotic nails"), then a specific one over a generic "cyst"; the note may name the specific one.
    const readings = [typeH, textH].filter((x): x is Histology => x !== undefined);
    const fitting = KIND_FITS[p.kind] ? readings.filter((x) => fitsKind(p.kind, x)) : [];
    // A premalignant destruction takes only a premalignant reading: "bcc" from another item's line is not what it treated.
    const strict = p.kind === 'destruction-premalignant';
    let h = fitting.find((x) => !GENERIC.has(x)) ?? (strict ? undefined : (readings.find((x) => !GENERIC.has(x)) ?? fitting[0] ?? readings[0]));
    let fromNote = false;
    // "Onychomycosis, toenails 1-5 … Debridement of 10 nails …": a kind that takes nothing note-wide still reads its own paragraph.
    if (!h && NO_NOTE_WIDE.includes(p.kind) && KIND_FITS[p.kind]) {
      const near = this.histology(ownParagraph(this.ctx, p).slice(0, 800));
      if (near && fitsKind(p.kind, near)) h = near;
    }
    // Hidradenitis excision (11450-11471) is by definition for hidradenitis suppurativa.
    if (!h && p.kind === 'hidradenitis-excision') h = 'hidradenitis';
    // "Alopecia areata, patchy, scalp - 3 patches. ILK 10 mg/cc …": the condition named on the procedure's own line, before
    // its words, is the one it treats (reference §13.1), not one taken from elsewhere.
    if ((!h || GENERIC.has(h)) && KIND_FITS[p.kind]) {
      const own = this.ownLineReading(p);
      if (own) h = own;
    }
    // "Procedure: I&D R thigh. … Dx: furuncle R thigh.", "• Dx: plaque psoriasis (L40.0)" over "• Tx: PUVA": a diagnosis field
    // told next to the procedure, with no other procedure between, is its own diagnosis, not one taken from elsewhere.
    if ((!h || GENERIC.has(h)) && KIND_FITS[p.kind]) {
      const near = dxFieldNear(this.ctx, p);
      const own = this.histology(near.field);
      const above = own ? undefined : this.histology(near.lineAbove);
      // "Fluctuant 2 cm abscess R buttock …; furuncle." then "I&D: …": the lesion line right above is the procedure's.
      for (const x of [own, above]) if (x && !GENERIC.has(x) && fitsKind(p.kind, x) && (!h || GENERIC.has(h))) h = x;
    }
    // Only kinds with a list of fitting conditions can take one from the note (no list: nothing fits, no need to read it).
    if ((!h || GENERIC.has(h)) && !NO_NOTE_WIDE.includes(p.kind) && KIND_FITS[p.kind]) {
      // A generic reading of the procedure's own words (a "cyst") takes only a narrower one of the same condition from the
      // note (its epidermal inclusion cyst), never another condition of the visit (the poison-ivy dermatitis).
      const better = this.noteReadings().find((x) => !GENERIC.has(x) && fitsKind(p.kind, x) && !this.problemsNameItElsewhere(x, p) && (!h || narrows(h, x)));
      if (better) {
        h = better;
        fromNote = true;
      }
    }
    if (!h) return undefined;
    const pending = Boolean(p.specimenLabel) && !this.ctx.pathologyFor(p.specimenLabel);
    const hedged = UNCERTAIN.test(h === typeH ? (p.lesionType ?? '') : p.text);
    // Same rule as for lesions: a neoplasm not yet proven by pathology is D49.2 (reference §13.2).
    if (NEOPLASTIC.has(h) && (pending || hedged) && !p.reExcision) return ['D49.2'];
    if (hedged) return undefined;
    const perSite = this.wartsBySite(p, h);
    if (perSite) return perSite;
    const codes = this.refine(
      this.resolve(h, mergeSite(p.site), p.site?.text ?? p.kind),
      /\ball\s+(?:\d{1,3}\s+)?(?:of\s+the\s+)?(?:\w+\s+)?(?:lesions|warts)\b/i.test(p.text),
    );
    if (fromNote && codes.length > 0) {
      this.report(`notetext:${p.id}`, {
        severity: 'info',
        rule: 'diagnosis/link',
        message: `${p.kind}${p.site?.text ? ` (${p.site.text})` : ''}: no diagnosis was tied to this procedure, so ${codes.join(', ')} was taken from elsewhere in the note.`,
        target: p.site?.text ?? p.kind,
        fix: 'Verify the diagnosis; link it to the procedure in the assessment/plan.',
      });
    }
    return codes;
  }

  /**
   * "LN2 destruction of 2 warts (1 R plantar sole, 1 L dorsal hand)": one line treats warts at several sites, and each
   * site's wart has its own code (B07.0 plantar for the sole, B07.8 common or B07.9 unspecified elsewhere; icd10-derm).
   * The kind a problem names at that site wins ("Common wart, L dorsal hand"); a problem at another site never lends its
   * kind (the sole's plantar wart is not the hand's). Undefined when the line treats warts at one site only.
   */
  wartsBySite(p: Procedure, h: Histology): string[] | undefined {
    if (!WARTS.has(h)) return undefined;
    const sites: Site[] = [];
    // The kind the line itself names just before a site ("Verruca vulgaris, fingers x3 and plantar warts L foot x3").
    const told = new Map<string, Histology>();
    let from = 0;
    for (const m of findSites(p.text)) {
      const kind = this.histology(p.text.slice(from, m.end));
      from = m.end;
      if (m.site.key && kind && kind !== 'wart' && WARTS.has(kind) && !told.has(m.site.key)) told.set(m.site.key, kind);
      const prev = sites.find((x) => x.key === m.site.key);
      if (prev) prev.laterality ??= m.site.laterality;
      else sites.push({ ...m.site });
    }
    if (sites.length < 2) return undefined;
    const codes: string[] = [];
    for (const site of sites) {
      const named = (site.key ? told.get(site.key) : undefined) ?? this.wartNamedAt(site);
      const plantar = site.key === 'sole' || site.key === 'heel';
      const reading: Histology = named ?? (plantar ? 'plantar-wart' : h === 'plantar-wart' ? 'wart' : h);
      for (const c of this.resolve(reading, mergeSite(site), site.text)) if (!codes.includes(c)) codes.push(c);
    }
    if (codes.length < 2) return codes.length > 0 ? codes : undefined;
    for (const c of codes) this.sited.add(c);
    return codes;
  }

  /** The kind of wart a visit problem names at this site (same site, or same region on the same side). */
  wartNamedAt(site: Site): Histology | undefined {
    const region = siteInfo(site.key)?.region;
    for (const pr of this.ctx.encounter.visit.problems) {
      const h = this.histology(pr.text);
      if (!h || !WARTS.has(h)) continue;
      const here = findSites(pr.text).some(
        (m) =>
          m.site.key === site.key ||
          (region !== undefined &&
            siteInfo(m.site.key)?.region === region &&
            (!m.site.laterality || !site.laterality || m.site.laterality === site.laterality)),
      );
      if (here) return h;
    }
    return undefined;
  }

  /**
   * The one condition that fits the procedure's kind, named on its own line before its words (ownLineLead), else in its own
   * words: "1. Alopecia areata, patchy, scalp - 3 patches. ILK …", "L shin: 2 hypertrophic LP plaques, ILK …". Two fitting
   * conditions there leave it undecided.
   */
  ownLineReading(p: Procedure): Histology | undefined {
    // "hypertrophic LP" reads L43.0 and L43.9, "plaque psoriasis" psoriasis-vulgaris and psoriasis: one condition each, its
    // first (most specific) reading kept.
    const family = (x: Histology) => (x.startsWith('code:') ? x.slice(0, 8) : x.split('-')[0]);
    const fits = (text: string) => {
      // "1. Chronic spontaneous urticaria (L50.1): omalizumab …": the code written there is the diagnosis, as told.
      const written = codesInText(text).map((c): Histology => `code:${c}`);
      if (written.length === 1 && fitsKind(p.kind, written[0] as Histology)) return written;
      const out: Histology[] = [];
      for (const x of histologiesInText(text)) {
        if (!GENERIC.has(x) && fitsKind(p.kind, x) && !out.some((o) => family(o) === family(x))) out.push(x);
      }
      return out;
    };
    const lead = fits(ownLineLead(this.ctx, p));
    if (lead.length === 1) return lead[0];
    if (lead.length > 1) return undefined;
    const own = fits(p.text);
    return own.length === 1 ? own[0] : undefined;
  }

  /**
   * A fungal test (KOH 87220, fungal culture 87101) supports the condition it looks for, named where the test is
   * written (its sentence, its problem line, its procedure): a stated fungal infection, else the sign examined
   * (rash, R21) when the infection is only suspected ("r/o tinea"). Never another problem of the visit (reference §13.1).
   */
  forLabTest(line: DraftLine): string[] {
    const texts: string[] = [];
    for (const s of line.spans) {
      const t = this.ctx.encounter.sections[s.section];
      if (t) texts.push(t.slice(s.start, s.end));
    }
    for (const p of proceduresOfLine(this.ctx, line)) texts.push(p.text);
    for (const pr of this.ctx.encounter.visit.problems) {
      const ps = pr.span;
      if (!ps) continue;
      if (line.spans.some((s) => s.section === ps.section && s.start < ps.end && ps.start < s.end)) texts.push(pr.text);
      // "KOH performed in office: positive" in the exam, "1. Tinea corporis (B35.4): KOH positive." in the plan:
      // the problem that cites the test's result is the condition tested for.
      else if (FUNGAL_TEST_WORDS.test(this.ctx.encounter.sections[ps.section]?.slice(ps.start, ps.end) ?? '')) texts.push(pr.text);
    }
    // "KOH prep … positive for hyphae" in the exam and "Tinea corporis - start terbinafine" in the plan: when no text of the
    // test names an infection, the visit's one problem naming a fungal infection is what the test looked for.
    // (search() leaves the global pattern's lastIndex alone.)
    if (texts.join('\n').search(FUNGAL_WORDS) < 0) {
      const fungal = this.ctx.encounter.visit.problems.filter((pr) => {
        const at = pr.text.search(FUNGAL_WORDS);
        return at >= 0 && !HEDGE_BEFORE.test(pr.text.slice(0, at));
      });
      if (fungal.length === 1 && fungal[0]) texts.push(fungal[0].text);
    }
    const text = texts.join('\n');
    for (const m of text.matchAll(FUNGAL_WORDS)) {
      const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
      if (HEDGE_BEFORE.test(before)) continue;
      const h = this.histology(m[0]);
      if (!h) continue;
      const codes = this.resolve(h, {}, line.code);
      if (codes.length > 0) return codes;
    }
    const found = this.positiveFungalTest(line, texts);
    if (found) return found;
    if (/\b(?:rash|eruption)\b/i.test(text)) return ['R21'];
    this.report(`labtest:${line.code}`, {
      severity: 'warning',
      rule: 'diagnosis/unmapped',
      message: `${line.code}: the note does not name the condition this test was done for (a fungal infection, or the rash examined); no other problem of the visit is linked to it.`,
      target: line.code,
      fix: 'Name the condition tested for (e.g. tinea pedis, onychomycosis) or the sign examined, next to the test.',
    });
    return [];
  }

  /**
   * "KOH of R toenail scraping: + hyphae" with no fungal infection named: the provider's own reading of the test found
   * a dermatophyte at the site sampled, so the line links that site's dermatophytosis (B35.-: the nail's tinea
   * unguium, the foot's tinea pedis …; icd10-derm §4.2), with a note asking to confirm it in the assessment.
   * A negative or pending test, or yeast only, names no condition.
   */
  positiveFungalTest(line: DraftLine, texts: string[]): string[] | undefined {
    for (const t of texts) {
      for (const m of t.matchAll(/[^.;\n]+/g)) {
        const sentence = m[0];
        if (!FUNGAL_TEST_WORDS.test(sentence) || !POSITIVE_FUNGAL.test(sentence) || NEGATIVE_FUNGAL.test(sentence)) continue;
        const site = findSites(sentence)[0]?.site;
        const condition = dermatophytosisAt(site?.key);
        const h = this.histology(condition);
        const codes = h ? this.resolve(h, {}, line.code) : [];
        if (codes.length === 0) continue;
        this.report(`labtest-positive:${line.code}`, {
          severity: 'info',
          rule: 'diagnosis/link',
          message: `${line.code}: no fungal infection is named; linked ${codes.join(', ')} (${condition}) from the positive test "${sentence.trim().slice(0, 80)}".`,
          target: line.code,
          fix: 'Confirm the diagnosis in the assessment (e.g. onychomycosis, tinea pedis) or change the link.',
        });
        return codes;
      }
    }
    return undefined;
  }

  /** Lines with no lesion or specimen: the procedure's own words, then the visit problems. */
  forProcedureOnly(line: DraftLine): string[] {
    const procs = proceduresOfLine(this.ctx, line);
    for (const p of procs) {
      const codes = this.fromProcedureWords(p);
      if (codes) return codes;
    }
    // A premalignant destruction treats a premalignant lesion: the visit's SK or history problem is not its diagnosis.
    const classed = procs.filter((p) => p.kind === 'destruction-premalignant');
    const coded = this.problemCodes(false).filter((c) => {
      const h = classed.length > 0 ? this.histology(title(c.code)) : undefined;
      return classed.length === 0 || (h !== undefined && classed.every((p) => fitsKind(p.kind, h) && !this.problemsNameItElsewhere(h, p)));
    });
    const text = procs.map((p) => `${p.lesionType ?? ''} ${p.text}`.toLowerCase()).join(' ');
    const matching = coded.filter((c) => c.words.some((w) => text.includes(w)));
    if (matching.length > 0) return matching.map((c) => c.code);
    const only = coded.length === 1 ? coded[0]?.code : undefined;
    if (!only) return [];
    // A biopsy samples an unknown lesion: the visit's one coded problem is its diagnosis only when the problem's words
    // name it (above), not by being alone (the acne managed today is not the shoulder papule biopsied; §13.1-13.2).
    // A problem whose only management is the biopsy ("IMPRESSION: Dermatitis. PLAN: Await pathology.") is what was sampled.
    if (procs.length > 0 && procs.every((p) => p.kind.startsWith('biopsy') && p.site?.key) && this.problemCodes(true).some((c) => c.code === only)) return [];
    // "Pink scaly papule L upper back, 6 mm. Tangential biopsy …" then "Seborrheic keratoses, chest: benign, no treatment.":
    // a problem told only as left untreated, or only at other sites, is not the lesion removed (§13.1-13.2: D49.2 below).
    const problem = coded.find((c) => c.code === only);
    if (
      problem &&
      procs.length > 0 &&
      procs.every((p) => LESION_REMOVAL.includes(p.kind)) &&
      problem.told.every((t) => UNTREATED_PROBLEM.test(t) || procs.every((p) => namesOnlyOtherSites(t, p.site)))
    )
      return [];
    // A biopsied or removed lesion is not the single problem another procedure of the visit treats
    // (the AKs frozen today are not the nasal papule biopsied).
    if (procs.length > 0 && procs.every((p) => LESION_REMOVAL.includes(p.kind))) {
      const elsewhere = this.ctx.performed().some((q) => {
        if (procs.includes(q) || !q.lesionType) return false;
        const h = this.histology(q.lesionType);
        return h !== undefined && resolveDx({ histology: h }).codes.includes(only);
      });
      if (elsewhere) return [];
    }
    return [only];
  }

  /** An "unspecified" code gives way to a more specific one of the same category the note names (acne → acne vulgaris). */
  refine(codes: string[], everyNamed = false): string[] {
    if (!codes.some((c) => /unspecified/i.test(title(c) ?? ''))) return codes;
    // A code the note documents for a problem ("contact dermatitis due to plants (L23.7)") comes first:
    // the provider chose it; then the conditions the note names.
    const named = [
      ...this.ctx.encounter.visit.problems.flatMap((pr) => (pr.icd10 && isBillable(pr.icd10) ? [pr.icd10] : [])),
      // "Excimer to 3 psoriasis plaques … L40.0.": a code written anywhere in the note, outside a problem list.
      ...this.noteCodes().filter((c) => isBillable(c)),
      ...this.noteReadings().flatMap((h) => {
        const r = resolveDx({ histology: h });
        return r.unresolved || r.missing.length > 0 ? [] : r.codes;
      }),
    ];
    return codes.flatMap((c) => {
      if (!/unspecified/i.test(title(c) ?? '')) return [c];
      const specific = named.filter((n) => n !== c && n.slice(0, 3) === c.slice(0, 3) && !/unspecified/i.test(title(n) ?? ''));
      // "All 16 warts treated": one line for every kind the note names (plantar B07.0 and common B07.8).
      if (everyNamed && specific.length > 1) return [...new Set(specific)];
      return [specific[0] ?? c];
    });
  }

  /**
   * Codes written in the note ("(L74.510)") or conditions it names, kept only when
   * they fit what the line is (a hyperhidrosis code for chemodenervation, an
   * inflammatory condition for phototherapy…); the E/M takes site-independent ones.
   */
  fromNoteText(line: DraftLine): string[] {
    const text = this.noteText();
    if (!text.trim()) return [];
    const procs = proceduresOfLine(this.ctx, line);
    const isEm = line.family === 'evaluation';
    if (!isEm && procs.length > 0 && procs.every((p) => NO_NOTE_WIDE.includes(p.kind))) return [];
    const fits = (h: Histology): boolean =>
      isEm
        ? sitelessHistology(h)
        : !h.startsWith('code:Z') && procs.some((p) => fitsKind(p.kind, h) && !this.problemsNameItElsewhere(h, p) && !this.anotherProcedureNamesIt(h, p));
    const fitsCode = (c: string): boolean => {
      const h = this.histology(title(c));
      return isEm || (h !== undefined && fits(h)) || procs.some((p) => (KIND_CODE_PREFIXES[p.kind] ?? []).some((x) => c.startsWith(x)));
    };
    let codes = this.noteCodes().filter(fitsCode);
    const lesionKind = procs.find((p) => BENIGN_REMOVAL.includes(p.kind));
    if (codes.length === 0 && lesionKind) {
      // A lesion line with no diagnosis of its own: only a single, unambiguous non-cancer diagnosis in the note will do, and
      // not the condition another procedure of the visit treats ("AKs x2 (L57.0) - LN2" beside an excised nevus, §13.1).
      const others = this.ctx.encounter.procedures.filter((q) => !procs.includes(q));
      const treatedElsewhere = (h: Histology | undefined): boolean =>
        h !== undefined && !fitsKind(lesionKind.kind, h) && others.some((q) => fitsKind(q.kind, h));
      const written = this.noteCodes().filter((c) => !/^(Z|C|D0|D4)/.test(c) && !treatedElsewhere(this.histology(title(c))));
      if (written.length === 1) codes = written;
      else if (written.length === 0) {
        const named = this.noteReadings().filter((h) => !NEOPLASTIC.has(h) && !h.startsWith('code:Z') && h !== 'code:R21' && !treatedElsewhere(h));
        if (named.length === 1) {
          const where = mergeSite(lesionKind.site, this.ctx.lesion(lesionKind.lesionLabels[0])?.site);
          codes = resolveDx({ histology: named[0] as Histology, siteKey: where.siteKey, laterality: where.laterality, subsite: where.subsite }).codes;
        }
      }
    }
    if (codes.length === 0) {
      // The E/M of a visit with no problem list: a cancer the note tells with its site first (the decision made about it).
      codes = isEm ? this.sitedCancers() : [];
      const p = procs[0];
      const where = mergeSite(p?.site);
      // Off the E/M, a reading fits only a kind with a list of fitting conditions: without one, nothing to read.
      const found = isEm || procs.some((x) => KIND_FITS[x.kind]) ? this.noteReadings().filter(fits) : [];
      codes = [
        ...codes,
        ...found.flatMap((h) => resolveDx({ histology: h, siteKey: where.siteKey, laterality: where.laterality, subsite: where.subsite }).codes),
      ];
      if (!isEm) codes = codes.slice(0, 1);
    }
    codes = dedupe(codes, this.sited).slice(0, MAX_POINTERS);
    if (codes.length > 0) {
      this.report(`notetext:${line.code}`, {
        severity: 'info',
        rule: 'diagnosis/link',
        message: `${line.code}: no diagnosis was tied to this service in the assessment, so ${codes.join(', ')} was taken from elsewhere in the note.`,
        target: line.code,
        fix: 'Verify the diagnosis; link it to the service in the assessment/plan.',
      });
    }
    return codes;
  }

  /**
   * A lesion removed or biopsied with no diagnosis anywhere: a cancer the note says
   * a prior biopsy proved (or that Mohs treats), else D49.2 while pathology is
   * pending (reference §13.2), with a note saying so.
   */
  lesionRemovalFallback(line: DraftLine): string[] {
    const p = proceduresOfLine(this.ctx, line).find((x) => LESION_REMOVAL.includes(x.kind));
    return p ? this.removalFallback(p, line) : [];
  }

  /** lesionRemovalFallback for one lesion removal of a line (an add-on or pathology line may cover several). */
  removalFallback(p: Procedure, line: DraftLine): string[] {
    const text = this.noteText();
    const lesion = this.ctx.lesion(p.lesionLabels[0]);
    const who = p.lesionLabels[0] ? `Lesion ${p.lesionLabels[0]}` : p.specimenLabel ? `Specimen ${p.specimenLabel}` : line.code;
    const proven =
      p.kind === 'mohs' ||
      p.reExcision === true ||
      p.lesionLabels.some((l) => this.ctx.lesion(l)?.priorMalignantBiopsy) ||
      // The note's "biopsy-proven …" speaks for this lesion only when it is the visit's one lesion removal.
      (this.ctx.performed(...LESION_REMOVAL).length === 1 &&
        /\b(biopsy|bx)[- ]proven|\b(biopsy|bx|path(ology)?) (showed|confirmed|revealed|consistent with|positive for)/i.test(text));
    const malignant = this.noteMalignancies();
    if (proven && malignant.length === 1) {
      const codes = this.resolve(malignant[0] as Histology, mergeSite(p.site, lesion?.site), who);
      if (codes.length > 0) {
        this.report(`proven:${who}`, {
          severity: 'info',
          rule: 'diagnosis/link',
          message: `${who}: no diagnosis was tied to this lesion, so the biopsy-proven ${(malignant[0] as string).replace(/-/g, ' ')} named in the note was linked (${codes.join(', ')}).`,
          target: who,
          fix: 'Verify; name the diagnosis on the lesion in the procedure note.',
        });
        return codes;
      }
    }
    const pending = Boolean(p.specimenLabel) && !this.ctx.pathologyFor(p.specimenLabel);
    if (!pending) return [];
    // "Punch bx vertex scalp for alopecia", "… to evaluate for vasculitis": with no impression of its own, the reason
    // the biopsy names for itself is its impression (a reason the subset codes was already read from its words).
    // A non-neoplasm it cannot code, or only suspects, is asked for, never D49.2 (reference §13.2).
    // "1. Alopecia, vertex - 4 mm punch bx today": the procedure's own words name the condition without "for".
    const reason = lesion?.clinicalDiagnosis ? undefined : (statedReason(p.text, (t) => this.histology(t)) ?? namedCondition(p.text));
    // "Punch bx L shin, r/o LCV": a suspected inflammatory condition is no neoplasm, so not D49.2; before pathology
    // the sign biopsied is coded (reference §13.2), and the coder is asked when the subset has none.
    const impression = lesion?.clinicalDiagnosis ?? reason?.words;
    const hedged = impression !== undefined && (UNCERTAIN.test(impression) || reason?.hedged === true);
    if (impression && ((hedged && !NEOPLASM_WORDS.test(impression)) || namesNonNeoplasm(impression, this.histology(impression)))) {
      const h = this.histology(impression);
      if (!h || !NEOPLASTIC.has(h)) {
        if (/\b(?:rash|eruption)\b/i.test(`${impression} ${p.text}`)) return ['R21'];
        // "Clinical dx: alopecia" was already reported as unmapped: one finding says it.
        if (!hedged && this.reported.has(`unmapped:${who}`)) return [];
        this.report(`provisional:${who}`, {
          severity: 'warning',
          rule: 'diagnosis/unmapped',
          message: hedged
            ? `${who}: the clinical impression "${impression}" is provisional and not a neoplasm, so D49.2 does not apply; code the sign or symptom biopsied, or the final pathology.`
            : `${who}: "${impression}" names no neoplasm, so D49.2 does not apply, and no ICD-10-CM code of the subset was derived from it; enter the diagnosis.`,
          target: who,
          fix: 'Document the sign or symptom that was biopsied (with its ICD-10-CM code), or hold the line until pathology returns.',
        });
        return [];
      }
    }
    // "CC: pruritic blisters" … "Punch bx 4 mm, lesional, L thigh (specimen A)" … "Assessment: suspected bullous pemphigoid":
    // a biopsy of the eruption the visit is for, when the assessment names no neoplasm, is no neoplasm workup: before
    // pathology the sign biopsied is coded (§13.2), not D49.2.
    if (impression === undefined && this.eruptionVisit()) return ['R21'];
    if (impression === undefined && IMMUNOFLUORESCENCE.test(p.text)) {
      // "Punch bx L thigh, adjacent, for DIF in Michel's": tissue for immunofluorescence works up an inflammatory or
      // blistering disease, never a neoplasm, so not D49.2; the rash the visit is for is the sign biopsied (§13.2).
      if (/\b(?:rash|eruption)\b/i.test(this.noteText())) return ['R21'];
      this.report(`provisional:${who}`, {
        severity: 'warning',
        rule: 'diagnosis/unmapped',
        message: `${who}: a biopsy for immunofluorescence with no clinical impression of its own; D49.2 (a neoplasm of unspecified behavior) does not apply.`,
        target: who,
        fix: 'Document the condition worked up (or its sign, with its ICD-10-CM code), or hold the line until pathology returns.',
      });
      return [];
    }
    this.report(`d492:${who}`, {
      severity: 'info',
      rule: 'diagnosis/before-pathology',
      // "Lesion R nasal ala, suspicious for BCC": a suspected diagnosis is documented but not coded before pathology (§13).
      message:
        impression !== undefined || p.indications.includes('suspicious')
          ? `${who}: the clinical impression${impression ? ` "${impression.slice(0, 60)}"` : ''} is not a confirmed diagnosis; D49.2 (unspecified behavior) linked until pathology returns.`
          : `${who}: no clinical diagnosis documented; D49.2 (unspecified behavior) linked until pathology returns.`,
      target: who,
      fix: 'Document the clinical impression or the sign/symptom; code the final pathology diagnosis when it returns.',
    });
    return ['D49.2'];
  }

  /**
   * "Destruction - premalignant, L dorsal hand" with "AKs, face - 5-FU" the only AK problem: the assessment names the
   * condition for other sites only, so it is not this procedure's (the coder is asked). A problem naming no site, or
   * the procedure's region, is this procedure's.
   */
  /**
   * "Nail border avulsed, matrix phenolized" beside "Also: onychomycosis of 6 toenails … debrided": a condition that another
   * procedure's own words name, and this one's do not, is that procedure's diagnosis, not one to borrow for this line.
   */
  anotherProcedureNamesIt(h: Histology, p: Procedure): boolean {
    if (this.procedureReadings(p).includes(h)) return false;
    return this.ctx.performed().some((o) => o.id !== p.id && this.procedureReadings(o).includes(h));
  }

  /** Everything a procedure's own words name (histologiesInText), read once per procedure and encounter. */
  procedureReadings(p: Procedure): Histology[] {
    let found = this.ownReadings.get(p.id);
    if (!found) {
      found = histologiesInText(p.text);
      this.ownReadings.set(p.id, found);
    }
    return found;
  }

  problemsNameItElsewhere(h: Histology, p: Procedure): boolean {
    if (!p.site?.text) return false;
    const here = new Set(findSites(p.site.text).flatMap((m) => (siteInfo(m.site.key)?.region ? [siteInfo(m.site.key)?.region] : [])));
    if (here.size === 0) return false;
    const naming = this.ctx.encounter.visit.problems.filter((pr) => histologiesInText(pr.text).includes(h));
    if (naming.length === 0) return false;
    return naming.every((pr) => {
      const regions = findSites(pr.text).map((m) => siteInfo(m.site.key)?.region);
      return regions.length > 0 && !regions.some((r) => r && here.has(r));
    });
  }

  /** Visit problems with a usable code, separately managed ones first. */
  problemCodes(separateOnly: boolean): ProblemCode[] {
    // Asked for every line without a lesion: the problems, and their findings, are the same each time.
    const known = this.problems.get(separateOnly);
    if (known) return known;
    const out: ProblemCode[] = [];
    const problems = [...this.ctx.encounter.visit.problems].sort((a, b) => Number(b.separatelyManaged) - Number(a.separatelyManaged));
    for (const pr of problems) {
      if (separateOnly && !pr.separatelyManaged) continue;
      let codes: string[] = [];
      if (pr.icd10) codes = this.documented(pr.icd10, {}, `Problem "${pr.text.slice(0, 40)}"`);
      else {
        // "Dermatitis of the L shin, biopsied to r/o psoriasis": the finding named before the rule-out is coded (§13).
        const cut = UNCERTAIN.test(pr.text) ? RULE_OUT_TAIL.exec(pr.text) : null;
        const named = cut ? pr.text.slice(0, cut.index) : pr.text;
        const h = UNCERTAIN.test(named) || (cut && VAGUE.test(named)) ? undefined : this.histology(named);
        if (h && !(cut && (NEOPLASTIC.has(h) || MALIGNANT.has(h)))) {
          let r = resolveDx({ histology: h });
          // "Nodular BCC, R nasal ala - referred to Mohs": a site-dependent code takes the site the problem names.
          if (r.missing.length > 0 || r.unresolved) {
            const site = resolveSite(pr.text);
            if (site) r = resolveDx({ histology: h, siteKey: site.key, laterality: site.laterality, subsite: site.subsite });
          }
          if (!r.unresolved && r.missing.length === 0) codes = r.codes;
          // "Tinea pedis and tinea cruris - KOH …": a problem whose title joins two conditions codes each of them.
          const lead = /^[^:;.\n]*?(?=\s[-–—]\s|[:;.\n]|$)/.exec(named)?.[0] ?? '';
          if (codes.length > 0 && /\s(?:and|&)\s/i.test(lead)) {
            for (const x of histologiesInText(lead)) {
              if (x === h || GENERIC.has(x) || NEOPLASTIC.has(x) || MALIGNANT.has(x)) continue;
              const more = resolveDx({ histology: x });
              if (!more.unresolved && more.missing.length === 0) for (const c of more.codes) if (!codes.includes(c)) codes.push(c);
            }
          }
        }
      }
      const words = pr.text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 4);
      const told = pr.span ? (this.ctx.encounter.sections[pr.span.section]?.slice(pr.span.start, pr.span.end) ?? pr.text) : pr.text;
      // "Psoriasis - plaque type, elbows …": the problem's title reads "psoriasis, unspecified"; its own line tells the type.
      if (!pr.icd10 && told !== pr.text && codes.some((c) => /unspecified/i.test(title(c) ?? ''))) {
        const h = UNCERTAIN.test(told) ? undefined : this.histology(told);
        const r = h ? resolveDx({ histology: h }) : undefined;
        if (r && !r.unresolved && r.missing.length === 0)
          codes = codes.map((c) => r.codes.find((x) => x !== c && x.slice(0, 3) === c.slice(0, 3) && !/unspecified/i.test(title(x) ?? '')) ?? c);
      }
      for (const c of codes) {
        const known = out.find((o) => o.code === c);
        if (known) known.told.push(told);
        else out.push({ code: c, words, told: [told] });
      }
    }
    this.problems.set(separateOnly, out);
    return out;
  }
}

/** "Dx: furuncle R thigh.", "• Dx: chronic plaque psoriasis", "Diagnosis - …" on a line of its own. */
const DX_LINE =
  /^[ \t]*(?:[-*•][ \t]*)?(?:dx|diagnosis|diagnoses|clinical\s+(?:dx|diagnosis|impression)|impression|indication)[ \t]*(?::|[-–—][ \t])[ \t]*([^\n]{3,160})/gim;

/**
 * The diagnosis field written on the lines after a procedure (before a blank line or the next procedure of its section),
 * else the last one on the lines just above it (after a blank line or the procedure before): the parser closes a
 * procedure's block at its own sentences. '' when there is none. Also the one line right above the procedure's own.
 */
function dxFieldNear(ctx: RuleContext, p: Procedure): { field: string; lineAbove: string } {
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  if (!span || !section) return { field: '', lineAbove: '' };
  const lineStart = section.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const lineEnd = section.indexOf('\n', span.start) < 0 ? section.length : section.indexOf('\n', span.start);
  let end = Math.min(section.length, lineEnd + 600);
  let start = Math.max(0, lineStart - 600);
  const after = /\n[ \t]*\n/.exec(section.slice(lineEnd, end));
  if (after) end = lineEnd + after.index;
  const before = [...section.slice(start, lineStart).matchAll(/\n[ \t]*\n/g)].pop();
  if (before) start += (before.index ?? 0) + before[0].length;
  for (const q of ctx.encounter.procedures) {
    if (q === p || q.span?.section !== span.section) continue;
    if (q.span.start > span.start && q.span.start < end) end = q.span.start;
    if (q.span.start < lineStart && q.span.end > start) start = Math.min(lineStart, q.span.end);
  }
  // "1. Acne vulgaris - continue doxycycline." over "2. Scalp, 3 patches: ILK …": a line that opens its own numbered item
  // follows another item's line, never its own lesion line.
  const ownItem = /^[ \t]*(?:#\s*)?\d{1,2}[.)][ \t]/.test(section.slice(lineStart, span.start + 8));
  const lineAbove = ownItem ? '' : (section.slice(start, lineStart).replace(/\n$/, '').split('\n').pop() ?? '');
  const below = [...section.slice(lineEnd, end).matchAll(DX_LINE)][0];
  if (below) return { field: below[1] ?? '', lineAbove };
  return { field: [...section.slice(start, lineStart).matchAll(DX_LINE)].pop()?.[1] ?? '', lineAbove };
}

/**
 * The words on a procedure's own line before it ("1. Alopecia areata, patchy, scalp - 3 patches." before "ILK 10 mg/cc …"):
 * from the line's start, or from the end of another procedure told earlier on the line (its words are its own), to the
 * procedure's span. '' when the procedure opens its line.
 */
function ownLineLead(ctx: RuleContext, p: Procedure, performedOnly = false): string {
  const span = p.span;
  const section = span ? ctx.encounter.sections[span.section] : undefined;
  if (!span || !section) return '';
  let start = section.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  if (start >= span.start) return '';
  for (const q of ctx.encounter.procedures) {
    if (q === p || q.span?.section !== span.section || (performedOnly && q.status !== 'performed')) continue;
    if (q.span.start < span.start && q.span.end > start) start = Math.min(span.start, Math.max(start, q.span.end));
  }
  return section.slice(start, span.start).slice(-300);
}

/** A visit problem with a usable code: the words of its name, and each problem line that gave the code, as told. */
interface ProblemCode {
  code: string;
  words: string[];
  told: string[];
}

/** "benign, no treatment", "reassured", "observe": a problem the plan leaves alone. */
const UNTREATED_PROBLEM = /\b(?:no\s+(?:treatment|tx|intervention)|not\s+treated|left\s+alone|reassur\w*|observ(?:e|ation)|monitor(?:ing)?)\b/i;

/**
 * "Seborrheic keratoses, chest" against a biopsy of the L upper back: the text names sites, and none of them is the
 * procedure's (the same site, or one inside the other, on no other side).
 */
function namesOnlyOtherSites(text: string, site: Site | undefined): boolean {
  if (!site?.key) return false;
  const named = findSites(text).map((m) => m.site);
  if (named.length === 0) return false;
  const here = siteInfo(site.key);
  return !named.some((n) => {
    if (n.laterality && site.laterality && n.laterality !== site.laterality) return false;
    if (n.key === site.key) return true;
    const there = siteInfo(n.key);
    if (!there || !here || there.region !== here.region) return false;
    // "trunk" holds the back; "upper back" and "back" are one subunit.
    return !there.subunit || !here.subunit || there.subunit === here.subunit;
  });
}

/** 'left' / 'right' when a site text names exactly one side. */
function sideWords(text: string | undefined): 'left' | 'right' | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  const left = /\bleft\b|\blt\b/.test(t);
  const right = /\bright\b|\brt\b/.test(t);
  return left === right ? undefined : left ? 'left' : 'right';
}

const CLOSURE: Procedure['kind'][] = ['repair', 'adjacent-tissue-transfer', 'graft', 'flap', 'flap-division'];

/** Removal/destruction of (usually benign) lesions: may take the note's single stated diagnosis. */
const BENIGN_REMOVAL: Procedure['kind'][] = ['shave-removal', 'destruction-benign', 'skin-tag-removal', 'excision', 'intralesional-injection', 'paring'];

const LESION_REMOVAL: Procedure['kind'][] = [
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'biopsy-unspecified',
  'shave-removal',
  'excision',
  'mohs',
  'destruction-malignant',
];

function isCancerCode(code: string): boolean {
  return /^(C43|C4A|C44|D03|D04)/.test(code);
}

/** Readings too generic to beat a specific one from elsewhere in the same procedure. */
/** The visit is for a rash: "CC: itchy rash x2 months", "Reason for visit: rash on arms", "presents with a rash". */
/** "Subjective: … pruritic blisters on the trunk", "presents with a vesicular eruption": blisters or vesicles complained of. */
const ERUPTION_WORDS = /\b(?:blisters?|bullae|bullous|vesicles?|vesicular)\b/i;
const ERUPTION_COMPLAINT = new RegExp(
  String.raw`\b(?:chief\s+complaint|cc|reason\s+for\s+(?:visit|consult\w*)|presents?\s+(?:with|for)|here\s+for|complains?\s+of|c\/o)\b[^\n]{0,60}${ERUPTION_WORDS.source}`,
  'i',
);
const RASH_COMPLAINT = /\b(?:chief\s+complaint|cc|reason\s+for\s+(?:visit|consult\w*)|presents?\s+(?:with|for)|here\s+for)\b[^\n]{0,60}\b(?:rash|eruption)\b/i;

const GENERIC: ReadonlySet<Histology> = new Set<Histology>(['code:L72.9', 'code:L30.9', 'wart']);

/** Whether `x` names a kind of the condition the generic reading `h` names (L72.9 cyst, L30.9 dermatitis, wart). */
function narrows(h: Histology, x: Histology): boolean {
  // Acne cysts are a kind of cyst the note names by its acne (ICD-10-CM index: acne, cystic → acne vulgaris).
  if (h === 'code:L72.9') return /cyst|^code:L72|^acne|^code:L70/.test(x);
  if (h === 'code:L30.9') return /dermatitis|eczema|^code:L(?:2\d|30)/.test(x);
  if (h === 'wart') return /wart|verruc|^code:B07/.test(x);
  return true;
}

/** The first specific reading, else the first (generic) one. */
function pickReading(readings: readonly Histology[]): Histology | undefined {
  return readings.find((x) => !GENERIC.has(x)) ?? readings[0];
}

/** Which conditions a procedure kind treats, for last-resort linking from the note text. */
const KIND_FITS: Partial<Record<Procedure['kind'], (h: Histology) => boolean>> = {
  chemodenervation: (h) => h.startsWith('hyperhidrosis'),
  phototherapy: (h) => h.startsWith('psoriasis') || h === 'atopic-dermatitis' || h.startsWith('code:'),
  'laser-psoriasis': (h) => h.startsWith('psoriasis') || h === 'code:L80',
  pdt: (h) => h === 'actinic-keratosis' || h.startsWith('acne'),
  'hidradenitis-excision': (h) => h === 'hidradenitis',
  'vascular-laser': (h) => h === 'hemangioma' || h === 'code:Q82.5' || h === 'code:L71.9' || h === 'pyogenic-granuloma',
  'incision-drainage': (h) => ['abscess', 'furuncle', 'carbuncle', 'hidradenitis', 'epidermal-cyst', 'pilar-cyst', 'sebaceous-cyst', 'code:L72.9'].includes(h),
  'acne-surgery': (h) => h.startsWith('acne'),
  'destruction-unspecified': (h) => h.startsWith('acne') || h.endsWith('wart') || h === 'actinic-keratosis' || h === 'molluscum',
  // CPT 17000-17004: premalignant lesions; the subset's premalignant skin lesion is the actinic keratosis (L57.0).
  'destruction-premalignant': (h) => h === 'actinic-keratosis',
  paring: (h) => h === 'code:L84' || h.endsWith('wart'),
  nail: (h) => h === 'code:B35.1',
  'intralesional-injection': (h) => ['keloid', 'hidradenitis', 'acne', 'acne-vulgaris'].includes(h) || h.startsWith('psoriasis') || h.startsWith('code:'),
  injection: (h) => h.startsWith('psoriasis') || h === 'atopic-dermatitis' || h === 'hidradenitis' || h.startsWith('code:'),
  infusion: (h) => h.startsWith('psoriasis') || h === 'atopic-dermatitis' || h === 'hidradenitis' || h.startsWith('code:'),
};
/** Kinds whose fitting conditions are too varied to take one from elsewhere in the note (an ingrown nail is not the onychomycosis). */
const NO_NOTE_WIDE: Procedure['kind'][] = ['nail', 'paring'];

const KIND_CODE_PREFIXES: Partial<Record<Procedure['kind'], string[]>> = {
  chemodenervation: ['L74.5', 'R61'],
  'incision-drainage': ['L02', 'L73.2', 'L72', 'L08'],
  'acne-surgery': ['L70'],
  paring: ['L84', 'B07'],
};

function fitsKind(kind: Procedure['kind'], h: Histology): boolean {
  return KIND_FITS[kind]?.(h) ?? false;
}

/** A histology coded without any site (so safe to take for the visit from anywhere in the note). */
function sitelessHistology(h: Histology): boolean {
  if (NEOPLASTIC.has(h)) return false;
  const r = resolveDx({ histology: h });
  return !r.unresolved && r.missing.length === 0;
}

/**
 * Codes without repeats, an "unspecified" code dropped when a specific sibling is there, except the codes in `keep`:
 * those a line took site by site (the hand's B07.9 beside the sole's B07.0 is another wart, not a vaguer name for it).
 */
function dedupe(codes: string[], keep: ReadonlySet<string> = new Set()): string[] {
  const all = [...new Set(codes.filter(Boolean))];
  const kept = dropLessSpecific(all);
  const unique = kept.length === all.length ? kept : all.filter((c) => kept.includes(c) || keep.has(c));
  // A skin check for a patient with a skin-cancer history is surveillance (Z85.82x/Z86.00x), not screening (Z12.83).
  if (unique.some((c) => c.startsWith('Z85.82') || c.startsWith('Z86.00'))) return unique.filter((c) => c !== 'Z12.83');
  return unique;
}

export const diagnosisLink = defineRule({
  id: 'diagnosis/link',
  family: 'diagnosis',
  phase: 'link',
  title: 'Link each line to the ICD-10-CM codes that support it',
  explain:
    'Each claim line points to the diagnoses of the lesions it treats, most specific first, at most four. Final pathology decides when it is available; before it returns, a lesion of uncertain nature is D49.2, never D48.5. ' +
    'A re-excision keeps the original cancer diagnosis even when no tumor is left. Pathology lines link to their specimen, drug and administration lines to the procedure they serve, and the E/M to the separately managed problems first. ' +
    'Site and side come from the note; when they are missing the less specific code is used and the missing fact is named.',
  references: ['ICD-10-CM Official Guidelines for Coding and Reporting FY2026, Section IV', 'CMS-1500/837P: 4 diagnosis pointers per line', 'reference §13'],
  status: 'stable',
  codes: ['D49.2', 'D48.5', 'Z41.1'],
  apply(ctx) {
    const linker = new Linker(ctx);
    const em = ctx.lines.filter((l) => l.family === 'evaluation' && /^99\d{3}$/.test(l.code));
    for (const line of ctx.lines) {
      if (line.family === 'evaluation') continue;
      // A closure with no lesion of its own is linked after the removals it closes (below).
      if (linker.isUnlabelledClosure(line)) continue;
      let derived: string[] = [];
      if (FUNGAL_TESTS.has(line.code)) {
        line.dx = dedupe([...line.dx.map((c) => normalizeIcd10(c) ?? c), ...(line.dx.length > 0 ? [] : linker.forLabTest(line))], linker.sited);
        continue;
      }
      const targets = linker.targets(line);
      if (targets.length > 0) {
        const each = targets.map((t) => linker.forTarget(t));
        // "11103 ×2" for an inflamed SK and a suspected BCC: the lesion with no diagnosis of its own still needs one
        // (D49.2 while its pathology is pending, §13.2), not only the other lesion's.
        if (each.some((d) => d.length > 0))
          each.forEach((d, i) => {
            const p = targets[i]?.procedure;
            if (d.length === 0 && p && LESION_REMOVAL.includes(p.kind)) d.push(...linker.removalFallback(p, line));
          });
        derived = each.flat();
      }
      // Nothing from the lesions: the procedure's own words, then the assessment's problems.
      if (derived.length === 0) derived = linker.forProcedureOnly(line);
      line.dx = dedupe([...line.dx.map((c) => normalizeIcd10(c) ?? c), ...derived], linker.sited);
    }
    // Drug/administration lines with nothing of their own take the dx of a line for the same procedures (not
    // of a line that also covers others: the pathology line of three specimens speaks for all three, so its
    // dx is no biopsy's own); the last resort is a code or condition named elsewhere in the note that fits.
    for (const line of ctx.lines) {
      if (line.dx.length > 0 || line.family === 'evaluation') continue;
      const sibling = ctx.lines.find(
        (o) => o !== line && o.dx.length > 0 && o.procedureIds.length > 0 && o.procedureIds.every((id) => line.procedureIds.includes(id)),
      );
      line.dx = sibling ? [...sibling.dx] : linker.fromNoteText(line);
      if (line.dx.length === 0) line.dx = linker.lesionRemovalFallback(line);
    }
    // Closures, flaps and grafts of a wound take the dx of the lesion removed there: same lesion label,
    // else the removal at the same site, else the only removal of the visit.
    for (const line of ctx.lines) {
      if (line.dx.length > 0 || line.family === 'evaluation') continue;
      const labels = new Set(linker.targets(line).flatMap((t) => (t.lesionLabel ? [t.lesionLabel.toUpperCase()] : [])));
      const sibling = ctx.lines.find(
        (o) =>
          o !== line && o.dx.length > 0 && o.family !== 'evaluation' && o.lesionLabels.length > 0 && o.lesionLabels.every((l) => labels.has(l.toUpperCase())),
      );
      if (sibling) {
        line.dx = [...sibling.dx];
        continue;
      }
      if (!linker.isUnlabelledClosure(line)) continue;
      // A dehiscence re-closure (12020/12021/13160) closes an earlier surgery's wound, not one of today's removals.
      if (line.ruleIds.includes('repair/dehiscence')) {
        line.dx = linker.forProcedureOnly(line);
        ctx.report({
          severity: 'info',
          message: `${line.code}: a reopened surgical wound is coded as a complication of the wound (ICD-10-CM chapter 19), which DermLens's diagnosis subset does not hold${line.dx.length > 0 ? `; ${line.dx.join(', ')} from the note was linked` : ''}.`,
          target: line.code,
          fix: 'Enter the wound-complication code (disruption of the surgical wound) with the lesion code the payer wants beside it.',
        });
        continue;
      }
      const removals = ctx.lines.filter((o) => o.dx.length > 0 && linker.isRemoval(o));
      const sameSite = removals.filter((o) => o.siteKey && o.siteKey === line.siteKey);
      const pool = sameSite.length > 0 ? sameSite : removals;
      const sets = [...new Set(pool.map((o) => o.dx.join('|')))];
      if (sets.length === 1 && pool[0]) line.dx = [...pool[0].dx];
      else line.dx = linker.forProcedureOnly(line);
    }
    // "Epidermoid cyst L cheek: excised …, intermediate closure": the closure's own words say only "cyst" (L72.9);
    // it closes the wound of that removal, so it takes the removal's more specific code of the same category.
    for (const line of ctx.lines) {
      if (line.dx.length === 0 || line.lesionLabels.length === 0 || !linker.isClosure(line)) continue;
      const removal = ctx.lines.find(
        (o) =>
          o.dx.length > 0 &&
          linker.isRemoval(o) &&
          o.lesionLabels.length === line.lesionLabels.length &&
          o.lesionLabels.every((l) => line.lesionLabels.includes(l)),
      );
      if (!removal) continue;
      line.dx = line.dx.map((c) => {
        if (!/unspecified/i.test(title(c) ?? '')) return c;
        return removal.dx.find((r) => r !== c && r.slice(0, 3) === c.slice(0, 3) && !/unspecified/i.test(title(r) ?? '')) ?? c;
      });
      line.dx = dedupe(line.dx, linker.sited);
    }
    for (const line of em) {
      const separate = linker.problemCodes(true).map((c) => c.code);
      let others = linker.problemCodes(false).map((c) => c.code);
      // §10.1/§13.1: an E/M with 25 stands for what remains once the procedures' own work is taken away, so with a
      // separately managed problem it points to that, not to the diagnosis the same-day procedure is billed for.
      if (line.modifiers.includes('25') && separate.length > 0) {
        const procedureDx = new Set(ctx.lines.filter((l) => l.family !== 'evaluation').flatMap((l) => l.dx));
        others = others.filter((c) => !procedureDx.has(c));
      }
      line.dx = dedupe([...line.dx, ...separate, ...others], linker.sited);
      if (line.dx.length === 0) {
        // No coded problem: the diagnoses of the procedures done today are the next best support.
        line.dx = dedupe(
          ctx.lines.filter((l) => l.family !== 'evaluation').flatMap((l) => l.dx),
          linker.sited,
        );
      }
      if (line.dx.length === 0) line.dx = linker.fromNoteText(line);
    }
    for (const line of ctx.lines) {
      if (line.code === 'G2211') {
        const visit = em[0];
        if (visit) line.dx = [...visit.dx];
      }
      if (line.dx.length > 0 && !line.ruleIds.includes('diagnosis/link')) line.ruleIds.push('diagnosis/link');
      if (line.dx.length > MAX_POINTERS) {
        ctx.report({
          severity: 'info',
          message: `${line.code}: ${line.dx.length} diagnoses support this line; only the first ${MAX_POINTERS} fit the line's pointers (${line.dx.slice(MAX_POINTERS).join(', ')} left off).`,
          target: line.code,
          fix: 'Split the line by lesion, or check that the four most relevant diagnoses come first.',
        });
      }
    }
  },
});

export const diagnosisHeaderCode = defineRule({
  id: 'diagnosis/header-code',
  family: 'diagnosis',
  phase: 'check',
  title: 'Never a category header or a malformed code on a claim line',
  explain:
    'ICD-10-CM categories and subcategories with children (for example C44.61, L72.1, L74.51) are not valid on a claim. ' +
    'DermLens picks the child the note supports, the unspecified child only when site or side is truly undocumented, and asks for the detail otherwise.',
  references: ['ICD-10-CM Official Guidelines I.A.2 (code to the highest number of characters available)', 'icd10-derm.md §8'],
  status: 'stable',
  apply(ctx) {
    for (const line of ctx.lines) {
      const bad = line.dx.filter((c) => isHeader(c) || !normalizeIcd10(c));
      if (bad.length === 0) continue;
      line.dx = line.dx.filter((c) => !bad.includes(c));
      ctx.report({
        severity: 'error',
        message: `${line.code}: ${bad.join(', ')} cannot be billed (category header or not an ICD-10-CM code); removed from the line.`,
        target: line.code,
        fix: `Choose a billable code: ${bad.flatMap((b) => billableChildren(b).slice(0, 4)).join(', ')}`.replace(/: $/, ': document the full code'),
      });
    }
  },
});

export const diagnosisSiteLaterality = defineRule({
  id: 'diagnosis/site-laterality',
  family: 'diagnosis',
  phase: 'link',
  title: 'Site, side and eyelid part must be documented for the specific code',
  explain:
    'Skin cancer, nevus and benign neoplasm codes carry the site and, on ears, eyelids and limbs, the side; eyelid codes also say upper or lower lid. ' +
    'When the note lacks one, DermLens links the unspecified code and names what to document (reported while linking).',
  references: ['ICD-10-CM tabular C43, C44, D03, D04, D22, D23', 'reference §13.6, §13.8'],
  status: 'stable',
  apply() {
    // Findings are reported by diagnosis/link while it resolves each lesion.
  },
});

export const diagnosisSiteMismatch = defineRule({
  id: 'diagnosis/site-mismatch',
  family: 'diagnosis',
  phase: 'link',
  title: 'A documented code must match the documented site and side',
  explain:
    'When the note or the pathology report gives an ICD-10-CM code whose site or side contradicts the documented lesion site (a left-arm code on a right-arm lesion), the claim will not survive an audit. ' +
    'DermLens keeps the documented code and asks for a correction (reported while linking).',
  references: ['reference §13.8'],
  status: 'stable',
  apply() {
    // Findings are reported by diagnosis/link.
  },
});

export const diagnosisBeforePathology = defineRule({
  id: 'diagnosis/before-pathology',
  family: 'diagnosis',
  phase: 'link',
  title: 'Before pathology: D49.2, never D48.5 or an unconfirmed cancer code',
  explain:
    'Until pathology returns, a biopsied or removed lesion of uncertain nature is coded D49.2 (unspecified behavior), or the line is held. ' +
    'D48.5 means the pathologist could not decide benign vs malignant, so it is used only when a report says so. A cancer code documented before pathology is replaced by D49.2 unless a prior biopsy proved the cancer (reported while linking).',
  references: ['ICD-10-CM tabular note D37-D48', 'reference §13.2-13.3'],
  status: 'stable',
  codes: ['D49.2', 'D48.5'],
  apply() {
    // Findings are reported by diagnosis/link.
  },
});

export const diagnosisUnmapped = defineRule({
  id: 'diagnosis/unmapped',
  family: 'diagnosis',
  phase: 'link',
  title: 'Diagnoses DermLens cannot code are handed to the coder',
  explain:
    'DermLens codes the dermatology diagnoses in its FY2026 subset. A diagnosis outside it, a provisional impression ("r/o", "vs") or a site outside the skin categories is never guessed: the coder is asked to enter the code (reported while linking).',
  references: ['ICD-10-CM Official Guidelines IV.H (uncertain diagnoses in outpatient settings)'],
  status: 'stable',
  apply() {
    // Findings are reported by diagnosis/link.
  },
});

export const diagnosisMissing = defineRule({
  id: 'diagnosis/missing',
  family: 'diagnosis',
  phase: 'check',
  title: 'Every line needs a supporting diagnosis',
  explain:
    'A claim line without a diagnosis pointer is rejected. When DermLens cannot find a diagnosis for a line (no lesion diagnosis, no pathology, no coded problem), it names the line so the diagnosis can be documented.',
  references: ['CMS-1500/837P diagnosis pointer requirement', 'reference §13.1'],
  status: 'stable',
  apply(ctx) {
    for (const line of ctx.lines) {
      if (line.dx.length > 0) continue;
      const labels = [...line.lesionLabels, ...line.specimenLabels];
      // The note names the condition, but DermLens's ICD-10-CM subset has no code for it: ask, never guess.
      // The procedure's own words, then its paragraph ("Ingrown toenail L great toe, painful. … Partial nail avulsion").
      const procs = proceduresOfLine(ctx, line);
      const named =
        uncodedCondition(procs.map((p) => `${p.lesionType ?? ''} ${p.text}`).join(' ')) ??
        uncodedCondition(procs.map((p) => procedureParagraph(ctx, p)).join(' '));
      // "Laceration of the L forehead (S01.81XA)": the provider wrote a code DermLens's subset does not hold — name it for
      // the coder to verify, never link it unchecked.
      const written = named
        ? undefined
        : [
            ...procs
              .map((p) => procedureParagraph(ctx, p, 'paragraph'))
              .join(' ')
              .matchAll(/\(\s*([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)\s*\)/g),
          ]
            .map((m) => normalizeIcd10(m[1]))
            .find((c): c is string => c !== undefined && title(c) === undefined);
      if (written) {
        ctx.report({
          severity: 'warning',
          rule: 'diagnosis/unmapped',
          message: `${line.code}: the note documents ${written}, which is outside DermLens's ICD-10-CM subset, so it was not linked unchecked.`,
          target: line.code,
          fix: `Verify ${written} in the ICD-10-CM tabular list (billable, 7th character where required) and link it by hand.`,
        });
      }
      if (named) {
        ctx.report({
          severity: 'warning',
          rule: 'diagnosis/unmapped',
          message: `${line.code}: the note names ${named}, which DermLens does not code from its ICD-10-CM subset; no diagnosis was linked.`,
          target: line.code,
          fix: `Look up ${named} (with its site and side) in the ICD-10-CM index, verify the code in the tabular list and enter it by hand.`,
        });
      }
      ctx.report({
        severity: line.status === 'held-for-pathology' ? 'warning' : 'error',
        message: `${line.code}${labels.length > 0 ? ` (${[...new Set(labels)].join(', ')})` : ''}: no supporting ICD-10-CM diagnosis could be linked.`,
        target: line.code,
        fix: 'Document the diagnosis (clinical impression, or the final pathology) for the lesion or problem this line treats.',
      });
    }
  },
});

/**
 * Conditions a dermatology procedure treats that the FY2026 subset (icd10-derm.md) holds no code for:
 * named so the coder is asked to verify a code, never handed an invented one.
 */
const UNCODED_CONDITIONS: [RegExp, string][] = [
  [/\bparonychia\b/i, 'paronychia'],
  [/\b(?:felon|whitlow)\b/i, 'a felon (digit pulp infection)'],
  [/\bcellulitis\b/i, 'cellulitis'],
  [/\b(?:ingrown\s+(?:toe\s*)?nail|ingrowing\s+(?:toe\s*)?nail|onychocryptosis)\b/i, 'an ingrown nail'],
  // Chronic ulcers (L97/L98.4 with the underlying I83/E11 code) and injuries (S-codes, 7th character) are outside the subset.
  [/\b(?:venous|stasis|arterial|diabetic|pressure|neuropathic)\s+(?:\w+\s+)?ulcer|\b(?:chronic|non-?healing)\s+(?:\w+\s+)?ulcer|\bulcer\b/i, 'a skin ulcer'],
  [/\blacerations?\b/i, 'a laceration (an injury code with its 7th character)'],
];

function uncodedCondition(text: string): string | undefined {
  return UNCODED_CONDITIONS.find(([re]) => re.test(text))?.[1];
}

/** Is this code one DermLens knows to be billable? (For other modules that show dx titles.) */
export function dxTitle(code: string): string | undefined {
  return isBillable(code) ? icd10(code)?.title : undefined;
}

export const diagnosisRules: Rule[] = [
  diagnosisLink,
  diagnosisSiteLaterality,
  diagnosisSiteMismatch,
  diagnosisBeforePathology,
  diagnosisUnmapped,
  diagnosisHeaderCode,
  diagnosisMissing,
];
