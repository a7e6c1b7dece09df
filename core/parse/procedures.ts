import { siteInfo } from '../anatomy/sites';
import { findSites, pickSite, resolveSite, type SiteMatch } from '../anatomy/vocabulary';
import { histologiesInText, histologyFromText } from '../codes/icd10';
import type { Procedure, ProcedureKind, RepairFeatures, Site } from '../model';
import { overBudget } from './budget';
import { extractDrug } from './drug';
import { type JarKeyPair, jarKeys, sideOf } from './jar-key';
import {
  cosmeticOf,
  destructionKindOf,
  FUTURE_ROW,
  indicationsOf,
  intentOf,
  type LesionType,
  lesionTypeMentions,
  lesionTypeOf,
  MALIGNANT_TYPES,
} from './lexicon';
import { findAreas, findCount, findLengthCm, findMarginCm, findSizes, greatest, round, wordNumber } from './measure';
import { parseMemo, parseObjectMap } from './memo';
import { parseMohsStages } from './mohs';
import { sectionUnits } from './section-units';
import type { Section } from './sections';
import { CLOSURE_FAMILIES, type Family, findTriggers, priorMalignantBiopsyIn, type Trigger, UNCODED_SERVICE } from './triggers';
import type { Unit } from './units';

/**
 * Procedure blocks: a unit with a procedure word opens a block; following units
 * without one (fields, closure details, stage lines) extend it. Repairs, flaps
 * and grafts inside an excision or Mohs block become their own procedures that
 * inherit the parent's site and lesion.
 */

export interface Block {
  family: Family;
  /** Opened in a list under a heading for another day ("Next visit (scheduled 12/09):"): planned, not done. */
  later?: boolean;
  section: Section;
  units: Unit[];
  /** Units before the trigger that gave context (a labeled item, the diagnosis line). */
  context: Unit[];
  /** A lesion line carried from the section before ("BCC, nodular, R nasal ala (C44.311)." then a procedure heading). */
  leadDx?: Unit;
  trigger: Unit;
  /** The part of the trigger unit that names this procedure (offsets in the whole text). */
  segStart: number;
  segEnd: number;
  /** Offset of the procedure word itself (for the clause that carries its status). */
  triggerAt: number;
  /** Status of the clause that opened the block: a planned mention never absorbs a performed one. */
  intent?: string;
  generic: boolean;
  /** The trigger unit names several procedures: facts come from this block's own segment first. */
  split?: boolean;
  /** A repair of a site list: the words before the list ("Repair: intermediate;") that every site shares. */
  sharedText?: string;
  /** The "Shave bx x3:" header this labeled item belongs to. */
  listOf?: Block;
  /** Another procedure on the same lesion ("… and then ED&C of the same lesion"). */
  sameAs?: Block;
  /** One of several sites listed for one procedure word ("punch bx x2: L forearm (A), R thigh (B)"). */
  enumerated?: { label: string; site: Site; start: number; end: number; sizeCm?: number; unlabeled?: boolean; count?: number };
  label?: string;
  labelKind?: 'specimen' | 'lesion';
  /** The row's lesion/# cell when a table labels the row by its jar. */
  altLabel?: string;
  parent?: Block;
  site?: Site;
  /** The jar a separate line assigns to this numbered site ("Path: site 2 sent (spec A)"). */
  mappedSpecimen?: string;
  /** Opened on an indication/diagnosis line ("Indication: LM … Scouting biopsies today to map the margins"): why, maybe not what. */
  why?: boolean;
}

export interface ParsedProcedure {
  procedure: Procedure;
  block: Block;
  lesionType?: LesionType;
  clinicalDiagnosis?: string;
  clinicalSizeCm?: number;
  priorMalignantBiopsy: boolean;
  specimenLabel?: string;
  sendsTissue: boolean;
  destination?: 'in-house' | 'external';
  unreadReason?: string;
}

const PROCEDURE_FIELDS = /^(?:procedures?(?:\s+(?:performed|type|name|done|#\s*\d+))?|type\s+of\s+procedure|intervention|surgery|operation)$/;
const SITE_FIELDS =
  /^(?:location|site|anatomic(?:al)?\s+(?:location|site)|body\s+(?:site|location|part)|area(?:\s+treated)?|sites?\s+treated|treatment\s+(?:site|area)s?|lesion\s+location|loc|biopsy\s+site|injection\s+site|region)$/;
const SPECIMEN_FIELDS =
  /^(?:specimens?\s*\(s\)|specimens?(?:\s+(?:label|#|no|id|letter|number|sent))?|spec(?:imen)?\s*#?|jar|container|label|bottle|specimen\s+labeled)$/;
const DX_FIELDS =
  /^(?:indications?(?:\s+for\s+procedure)?|pre-?op(?:erative)?|clinical|clinical\s+(?:diagnosis|dx|impression)|dx|ddx|diagnosis|pre-?op(?:erative)?\s+(?:diagnosis|dx)|indication(?:s)?|reason|clinical\s+indication|working\s+diagnosis|impression|suspected|lesion(?:\s+type)?|clinical\s+description)$/;
/** "Clinical impression (biopsy):" is a diagnosis field too: a parenthesis after the field name does not change it. */
function isDxField(field: string): boolean {
  // Asked of every field of every unit a block reads (121 times on the heavy bench note, for 5 field names).
  return dxFields(field, () => DX_FIELDS.test(field.replace(/\s*\([^)]*\)\s*$/, '')));
}
const dxFields = parseMemo<boolean>();
/** A template's repair field: "Repair: Intermediate, 3.5 cm", "Closure length: 4.2 cm". */
const REPAIR_FIELD = /^(?:repair|closure|wound\s+closure)(?:\s+(?:type|level|length|size))?$/;
/** "[ ] Excision", "☐ Punch biopsy", "( ) I&D": an unticked template box names a procedure that was not done. */
const UNCHECKED_BOX = /^\s*(?:[-*•]\s*)?(?:\[\s{0,2}\]|☐|□|\(\s\))/;
/** "E/M:", "E&M level:", "Level of service:": the visit's level line. */
const EM_FIELD = /^(?:e\/m|e&m|e\s*&\s*m|em|e\/m\s+level|e\/m\s+code|level\s+of\s+service|visit\s+level|los)$/i;
const SIZE_FIELDS =
  /^(?:size|lesion|lesion\s+size|clinical\s+size|diameter|lesion\s+diameter|dimensions?|measurement|pre-?op(?:erative)?\s+size|greatest\s+diameter|largest\s+diameter|clinical\s+diameter|(?:biopsy\s+)?scar\s+size)$/;

const BOILERPLATE_FIELD =
  /^(?:consent|risks?|anesth\w*|anaesth\w*|prep|skin\s+prep|dressing|wound\s+care|hemostasis|instructions?|complications?|ebl|estimated\s+blood\s+loss|time\s*(?:-\s*)?out|post-?op\w*(?:\s+instructions)?|patient\s+education|aftercare|(?:[\w-]+\s+){0,2}(?:shield(?:s|ing|ed)?|protection|goggles|eyewear))$/;
const BOILERPLATE_TEXT =
  /\b(?:risks?,?\s+(?:and\s+)?(?:benefits|including|incl\.?|of|such\s+as|were)|informed\s+consent|consent\s+(?:was\s+)?(?:obtained|signed|given)|wound\s+care\s+(?:instructions|handout|reviewed)|aftercare|potential\s+complications|(?:genital\w*|groin|face|eyes?)\s+(?:(?:were|was)\s+)?(?:shielded|covered|protected)|shield(?:s|ing)?\s+(?:over|for|of|on)\s+(?:the\s+)?(?:genital\w*|groin|face|eyes?))\b/i;

/** Consent, anesthesia and aftercare lines mention scars, bleeding and infection as risks, not as findings. */
export function isBoilerplate(u: Unit): boolean {
  // Asked of the same unit again for every block, site and fact that reads it: decided once per unit.
  let known = boilerplate.get(u);
  if (known === undefined) {
    known = boilerplateUnit(u);
    boilerplate.set(u, known);
  }
  return known;
}

const boilerplate = parseObjectMap<Unit, boolean>();

function boilerplateUnit(u: Unit): boolean {
  if (u.field && BOILERPLATE_FIELD.test(u.field)) return true;
  // A sentence that also names the procedure ("biopsy performed after informed consent") is not boilerplate.
  return (
    BOILERPLATE_TEXT.test(u.text) &&
    !/\b(?:biops|bx|shave|punch|excis|cryo|ln2|liquid\s+nitrogen|mohs|ed\s*&\s*c|curett|inject|ilk|repair|flap|graft|destr|removed|removal|prepped|draped|anesthetized|anaesthetized)/i.test(
      u.text,
    )
  );
}

function isClosure(f: Family): boolean {
  return CLOSURE_FAMILIES.has(f);
}

/** Families that a later unit may mention while still describing the same procedure. */
function compatible(current: Family, next: Family, generic: boolean): boolean {
  if (current === next) return true;
  const biopsyish = (f: Family) => f === 'biopsy' || f === 'shave' || f === 'punch';
  if (biopsyish(current) && biopsyish(next)) return true;
  if (generic && (current === 'mohs' || current === 'excision' || biopsyish(current))) return true;
  if (current === 'mohs' && (next === 'excision' || next === 'destruction')) return true;
  if (current === 'tag' && next === 'destruction') return true;
  // Nail plate avulsion to reach the matrix is part of a nail biopsy; "the nail bed was debrided" is a step of the avulsion.
  if (biopsyish(current) && next === 'nail') return true;
  if (current === 'nail' && next === 'debridement') return true;
  if (current === 'destruction' && next === 'tag') return false;
  return false;
}

const SESSION = /\b(?:session|treatment|tx)\s*(?:#|no\.?)\s*\d/i;

/** Debridement words of a PDT session's preparation (curettage or abrasion of hyperkeratotic lesions). */
const PDT_STEP = /\b(?:curett\w*|debrid\w*|scrap\w*|abrad\w*|abrasion|de-?roof\w*)\b/i;

const LIST_PREVIEW = /^\s*(?:\|\s*)?\d{1,2}\/\d{1,2}\/\d{2,4}\s*\|[^\n]*(?:\.{3}|…)\s*(?:\|\s*)?$/;

function unitTriggers(u: Unit): Trigger[] {
  // "Indication: biopsy-proven BCC (shave bx 2/10)" describes the lesion, it does not record a procedure.
  // "Reason: NB-UVB phototherapy session #47 for psoriasis": a visit for a numbered treatment session is that session.
  if (u.field && isDxField(u.field) && !/\b(?:performed|today|done)\b/i.test(u.text) && !(u.field === 'reason' && SESSION.test(u.text))) return [];
  // "Mohs surgeon and pathologist: Dr. K", "Surgeon/pathologist: … (Mohs)": people, not procedures.
  if (u.field && /\b(?:surgeon|pathologist|provider|physician|attending|assistant|scribe|nurse|referr\w*|supervising)\b/.test(u.field)) return [];
  // "Nextech - Phototherapy Flowsheet", "Excision template": a form's title names the form, not a procedure done.
  if (u.lineStart && u.text.length < 70 && !/\d/.test(u.text) && /\b(?:flow\s*sheet|log|record|template|form|protocol)\s*(?::\s*)?$/i.test(u.text.trim()))
    return [];
  // "11/05/2026 | Procedures | Haddad, Lina, MD | Excision, epidermoid cyst, R upper back...": a notes list's row previews
  // a note (cut short) that the page shows in full or not at all.
  if (LIST_PREVIEW.test(u.text)) return [];
  let triggers = findTriggers(u.text);
  // "Division and inset of the forehead flap" names the flap being divided, not a new flap.
  if (triggers.some((t) => t.family === 'division')) triggers = triggers.filter((t) => t.family !== 'flap' && t.family !== 'att');
  // "Repair: Intermediate" / "Closure: complex, layered" fields.
  if (u.field && /^(?:repair(?:\s+(?:type|level))?|closure(?:\s+(?:type|level))?|wound\s+closure|reconstruction)$/.test(u.field) && u.value) {
    const v = u.value;
    const offset = (u.valueStart ?? u.start) - u.start;
    if (/\b(?:flap|plasty|advancement|rotation|transposition|bilobed)\b/i.test(v) && !triggers.some((t) => t.family === 'att' || t.family === 'flap')) {
      triggers.push({ family: 'att', start: offset, end: offset + v.length });
    } else if (/\b(?:graft|ftsg|stsg)\b/i.test(v) && !triggers.some((t) => t.family === 'graft')) {
      triggers.push({ family: 'graft', start: offset, end: offset + v.length });
    } else if (/\b(?:simple|intermediate|complex|layer)/i.test(v) && !triggers.some((t) => isClosure(t.family))) {
      triggers.push({ family: 'repair', start: offset, end: offset + v.length });
    }
  }
  return triggers.sort((a, b) => a.start - b.start);
}

/** "s/p Mohs R cheek 11/11/2026", "status post excision … on 10/02/26": an earlier surgery told with its date. */
const PRIOR_DATED_SURGERY = /\b(?:s\/p|status\s+post)\s+(?:[\w&/-]+\s+){0,6}?(?:on\s+|\(\s*)?\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

function siteOfUnits(all: Unit[]): Site | undefined {
  const units = all.filter((u) => !isBoilerplate(u));
  for (const u of units) {
    if (u.field && SITE_FIELDS.test(u.field) && u.value) {
      const s = resolveSite(u.value);
      if (s) return s;
    }
  }
  // "POD 7 s/p Mohs R cheek 11/11/2026 with advancement flap." before "New: 5 mm papule L ear helix …": a line telling an
  // earlier, dated surgery names that surgery's site, so it is asked last (a re-closed dehiscence has no other site).
  let priorSurgery: Site | undefined;
  for (const u of units) {
    if (u.field && (PROCEDURE_FIELDS.test(u.field) || SITE_FIELDS.test(u.field) || isDxField(u.field))) {
      const s = matchSite(u.value ?? '');
      if (s) return s;
    }
    if (!u.field && (PRIOR_DATED_SURGERY.test(u.text) || TREATED_BEFORE.test(u.text))) {
      priorSurgery ??= matchSite(u.text, u.wrapLead);
      continue;
    }
    if (
      !u.field ||
      !/^(?:anesth|consent|dressing|hemostasis|wound\s+care|complication|instruction|ebl|estimated\s+blood|risks|time\s*out|follow|patho|path\b|lab|plan|history|hx|pmh|hpi|allerg|med)/.test(
        u.field,
      )
    ) {
      const s = matchSite(u.text, u.wrapLead);
      if (s) return s;
    }
  }
  return priorSurgery;
}

/**
 * "intermediate; L cheek 2.0 cm; R forearm 3.0 cm" after a repair word: the parts that each name one site and
 * one length (offsets in `text`). Fewer than two such parts, or two at the same site, is no list.
 */
function siteLengthParts(text: string, from: number): { start: number; end: number; site: Site }[] {
  const rest = text.slice(from);
  const sep = rest.includes(';') ? /\s*;\s*/g : /\s*(?:,\s*and\b|,|\band\b)\s*/g;
  const out: { start: number; end: number; site: Site }[] = [];
  let at = 0;
  const pieces: { start: number; end: number }[] = [];
  for (const m of rest.matchAll(sep)) {
    pieces.push({ start: at, end: m.index ?? 0 });
    at = (m.index ?? 0) + m[0].length;
  }
  pieces.push({ start: at, end: rest.length });
  for (const p of pieces) {
    const piece = rest.slice(p.start, p.end);
    const site = matchSite(piece);
    const lengths = findSizes(piece).filter((z) => z.dims.length === 1);
    if (!site || lengths.length !== 1) continue;
    out.push({ start: from + p.start, end: from + p.end, site });
  }
  const keys = out.map((o) => `${o.site.key ?? o.site.text}|${o.site.laterality ?? ''}`);
  return out.length >= 2 && new Set(keys).size === keys.length ? out : [];
}

/** "closed … without distortion of the lower eyelid", "sparing the vermilion": a structure spared, not where the work is. */
const SPARED_BEFORE =
  /\b(?:without\s+(?:distort\w*|tension|pull\w*|traction)\s+(?:of|on)|to\s+avoid|avoiding|sparing|away\s+from|to\s+protect|protecting)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$/i;

/** Sites a text names that no "without distortion of", "sparing" … before them spares; `lead` is the wrapped line's start. */
function unsparedSites(text: string, lead?: string): SiteMatch[] {
  return findSites(text, { strict: true }).filter((m) => {
    const before = text.slice(Math.max(0, m.start - 50), m.start);
    return !SPARED_BEFORE.test(lead && m.start < 50 ? `${lead} ${before}` : before);
  });
}

function matchSite(text: string, lead?: string): Site | undefined {
  // "… papule of the left" / "lateral forearm, r/o SCC": a site hard-wrapped across two lines is read whole.
  if (lead && /\b(?:left|right|lt|rt|[LR]|bilateral)\.?\s*$/i.test(lead)) {
    const cut = lead.length + 1;
    const across = unsparedSites(`${lead} ${text}`).find((m) => m.end > cut && m.start < cut + 24);
    if (across?.site.laterality) return across.site;
  }
  const matches = unsparedSites(text, lead).filter(
    (m) => !/^(?:lid|lobe|crown|arch|gum|gums|digit|digits|sidewall|septum|ala)$/i.test(m.site.text.trim()) || text.length < 60,
  );
  return pickSite(matches)?.site;
}

/**
 * "Nail matrix biopsy, left great toe. … 3 mm punch of the nail matrix …": a later sentence of the same
 * paragraph that names a part of the procedure's site (no side of its own) describes the same procedure.
 */
/** No site, or one the same as or inside `outer` on no other side ("lid crease" under "left upper eyelid"). */
function sameOrInside(site: Site | undefined, outer: Site | undefined): boolean {
  if (!site) return true;
  if (!outer?.key || !site.key) return false;
  if (site.laterality && outer.laterality && site.laterality !== outer.laterality) return false;
  return site.key === outer.key || partOfSite(site.key, outer.key) || partOfSite(outer.key, site.key);
}

function partOfSite(inner: string | undefined, outer: string | undefined): boolean {
  const a = siteInfo(inner);
  const b = siteInfo(outer);
  if (!a || !b) return false;
  if (a.special === 'nail') return b.special === 'nail' || b.special === 'digit';
  return a.subunit !== undefined && a.region === b.region && a.subunit === b.subunit;
}

function newSiteIn(u: Unit): SiteMatch | undefined {
  if (isBoilerplate(u)) return undefined;
  if (u.field && SITE_FIELDS.test(u.field)) return pickSite(findSites(u.value ?? '', { strict: true }));
  return pickSite(unsparedSites(u.text, u.wrapLead));
}

const GRANULATION = /\b(?:hyper)?granulation\s+tissue\b|\bproud\s+flesh\b/i;
const CHEMICAL_CAUTERY = /\bsilver\s+nitrate|\bchemical(?:ly)?\s+cauter|\bcauteri[sz]|\bagno3\b/i;
const UNTREATED = /\b(?:left\s+alone|not\s+treated|were\s+not\s+(?:treated|removed)|no\s+treatment|observation|observe|monitor(?:ing)?|reassur\w*)\b/i;

/** "right great toe", "L 2nd finger", "index finger": which digit a line names (side, ordinal and toe/finger). */
function digitOf(text: string): string | undefined {
  const m =
    /\b(left|right|l|r|lt|rt)?\.?\s*(great|big|first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|little|index|middle|ring|pinky)\s+(toe|finger)s?\b|\b(left|right|l|r|lt|rt)?\.?\s*(thumb|hallux)\b/i.exec(
      text,
    );
  if (!m) return undefined;
  const side = (m[1] ?? m[4] ?? '').toLowerCase().charAt(0);
  return `${side}|${(m[2] ?? m[5] ?? '').toLowerCase()}|${(m[3] ?? '').toLowerCase()}`;
}

/** The procedures named after "alternatives (including|such as …)" in a consent sentence, up to the sentence's verb. */
const CONSENT_ALTERNATIVE =
  /\balternatives?\b(?:\s+(?:including|such\s+as|like|incl\.?|e\.g\.,?|of|to\s+(?:this|the)\s+procedure,?))\s+(?:(?!\b(?:was|were|is|are|performed|done|then|after|proceed\w*|elected|chose|opted)\b)[^.;\n]){0,80}$/i;

const LESION_LINE_ROLES = new Set<Section['role']>(['header', 'note', 'assessment', 'other']);
/** A lesion named by its look: "atypical pigmented lesion", "pink papule", "scaly plaque". */
const LESION_LOOK = /\b(?:lesions?|papules?|macules?|nodules?|plaques?|growths?|patch(?:es)?)\b/i;
/** What a procedure treats when it is no skin lesion: "Venous stasis ulcer, R medial lower leg, 6 x 4 cm". */
const WOUND_WORDS = /\b(?:ulcers?|wounds?|lacerations?|abscess(?:es)?)\b/i;

/** Size lists the exam gave per site ("mid back …, two papules, 0.8 cm and 0.9 cm"), for the plan's "shave removal of both". */
interface ExamSizes {
  key: string;
  laterality?: Site['laterality'];
  sizes: number[];
}
let examSizeLines: ExamSizes[] = [];

/** "Acne vulgaris, active: …", "Molluscum - none.": a problem's name (and qualifiers) at the start of a line, before a colon or dash. */
// "Verruca vulgaris x5 - cryotherapy …": a count after the condition is not part of its name.
const PROBLEM_LEAD = /^[\s\-*•]*([A-Za-z][A-Za-z' ]{2,40}(?:,\s*[A-Za-z ]{1,25}){0,3})(?:\s+[x×]\s?\d{1,2}|\s+\(\d{1,2}\))?\s*(?::|\s[-–—])\s*/;
/** The condition a line opens with ("acne vulgaris" of "Acne vulgaris, active: …"), lower case; none when it names a procedure. */
function conditionLead(text: string): string | undefined {
  const head = PROBLEM_LEAD.exec(text)?.[1];
  if (!head || findTriggers(head).length > 0) return undefined;
  return head.split(',')[0]?.trim().toLowerCase();
}

/** `u` opens a line that goes on with the sentence `prev` left open (a hard-wrapped paragraph): it starts in lower case, or
 * the long line before it stops on a word. */
function wrapped(prev: Unit | undefined, u: Unit): boolean {
  if (!prev) return false;
  if (/^[ \t]*[a-z]/.test(u.text)) return true;
  // A short line that stops on a word ("Dx: AK scalp") is a field of its own; a sentence cut mid-line is not.
  return /[A-Za-z,;]$/.test(prev.text.trimEnd()) && (!prev.lineStart || prev.text.length >= 60);
}

/**
 * "- Verruca vulgaris x5 - cryotherapy to 5 warts." then "- Acne vulgaris, moderate - start tretinoin …": a line led by a
 * condition that names no lesion type ("acne vulgaris") and that the block's own text does not name is the list's next problem.
 */
function otherCondition(head: string, current: Block | string): boolean {
  const condition = histologyFromText(head);
  if (!condition) return false;
  const text = typeof current === 'string' ? current : unitTexts([...current.context, ...current.units], [], '\n');
  return !histologiesInText(text).includes(condition);
}

/** Builds procedure blocks for one section. */
export function blocksOf(section: Section, carry: { lastDx?: Unit; examSizes?: ExamSizes[] } = {}): Block[] {
  const units = sectionUnits(section);
  examSizeLines = carry.examSizes ?? [];
  if (section.role === 'exam') {
    // Sentence by sentence, whatever the case: "… 0.8 cm and 0.9 cm, both crusted. l temple: 0.6 cm …" typed in lower
    // case is one unit, but each sentence measures its own site.
    for (const u of units) {
      for (const sentence of u.text.split(/(?<=[a-z)]\.)\s+(?=[a-z])/i)) {
        const listed = sizeList(sentence);
        const sizes = listed.length >= 2 ? listed : findSizes(sentence).map((z) => greatest(z));
        const site = sizes.length >= 1 ? pickSite(findSites(sentence, { strict: true }))?.site : undefined;
        if (site?.key) examSizeLines.push(site.laterality ? { key: site.key, laterality: site.laterality, sizes } : { key: site.key, sizes });
      }
    }
    carry.examSizes = examSizeLines;
  }
  const blocks: Block[] = [];
  let current: Block | undefined;
  let pending: Unit[] = [];
  // The latest "Indication:/Dx:" line: it names the lesion of the next procedure even across a blank line.
  let lastDx: Unit | undefined = section.role === 'procedure' || section.role === 'note' || section.role === 'assessment' ? carry.lastDx : undefined;
  // "Biopsy-proven superficial BCCs (path 3/20):" followed by "A) …", "B) …": the intro line is context for every item.
  let listHeader: Unit | undefined;
  let inItem = false;
  let itemHead: Unit | undefined;
  let headerInItem = false;
  const open = (family: Family, trigger: Unit, seg: { start: number; end: number; at?: number }, generic: boolean, parent?: Block): Block => {
    // Every field named, in the interface's order (the optional ones undefined until set): blocks are read in the
    // parser's hottest loops, and one object shape keeps those reads monomorphic.
    const block: Block = {
      family,
      later: undefined,
      section,
      units: [trigger],
      context: parent ? [] : pending.slice(fieldRunStart(pending)),
      leadDx: undefined,
      trigger,
      segStart: trigger.start + seg.start,
      segEnd: trigger.start + seg.end,
      triggerAt: trigger.start + (seg.at ?? seg.start),
      intent: undefined,
      generic,
      split: undefined,
      sharedText: undefined,
      listOf: undefined,
      sameAs: undefined,
      enumerated: undefined,
      label: undefined,
      labelKind: undefined,
      altLabel: undefined,
      parent: undefined,
      site: undefined,
      mappedSpecimen: undefined,
      why: undefined,
    };
    // "Acne scars …: TCA CROSS …, cosmetic." then "Acne vulgaris, active: comedone extraction …": a line that names its own
    // condition before the procedure is not about the problem named on a line above.
    if (!parent && trigger.lineStart && !trigger.field && block.context.length > 0) {
      const own = conditionLead(trigger.text.slice(0, seg.at ?? seg.start));
      if (own) block.context = block.context.filter((c) => !c.lineStart || c.field !== undefined || (conditionLead(c.text) ?? own) === own);
    }
    // "#1 BCC R nasal ala - bx proven …" then "#2 AKs scalp x8 - LN2 today.": another item's line is not this item's context.
    if (trigger.label && trigger.lineStart) {
      // "2. IPL to cheeks, 2 passes. Cosmetic, self-pay." then "3. PDL to port-wine stain": the sentences that go on
      // with that item's line are that item's too.
      let from = block.context.map((c) => c.label !== undefined && c.label !== trigger.label && c.lineStart).lastIndexOf(true) + 1;
      if (from > 0) {
        while (block.context[from] && !block.context[from]?.lineStart) from++;
        block.context = block.context.slice(from);
      }
    }
    // "4. Hx BCC - yearly skin checks." then a blank line and "Procedure: Shave biopsy, R nasal ala.": a numbered problem
    // before the blank is not what the procedure paragraph is about (its site ties it to its own item).
    if (trigger.afterBlank && trigger.lineStart && trigger.field && !trigger.label) {
      const item = block.context.findLastIndex((u) => u.labelKind === 'lesion' && /^\d+$/.test(u.label ?? ''));
      if (item >= 0) block.context = block.context.slice(item + 1).filter((u) => !u.label);
    }
    // "1. SCC in situ, L cheek …" and "2. Epidermoid cyst L upper arm …" over "Procedure 1 / Excision, L cheek": a numbered
    // diagnosis above that names another site than the procedure's own is another lesion's, not this one's.
    if (!parent && !trigger.label && block.context.some((c) => c.label && c.lineStart)) {
      const own = matchSite(trigger.text);
      // "1. Purpuric papules bilateral lower legs, r/o LCV. 4 mm punch biopsy R shin, …": a procedure told on its item's own
      // line samples that item's lesion, at a site the item's wider one holds.
      const item = block.context.findLastIndex((c) => c.label !== undefined && c.lineStart);
      const onItemLine = !trigger.lineStart && item >= 0 && block.context.slice(item + 1).every((c) => !c.lineStart);
      if (own?.key)
        block.context = block.context.filter((c, k) => {
          if (!c.label || !c.lineStart || (onItemLine && k === item)) return true;
          const at = matchSite(c.text);
          return !at?.key || (at.key === own.key && (!at.laterality || !own.laterality || at.laterality === own.laterality));
        });
    }
    // "Indication: 1) bx-proven BCC R cheek 2) bx-proven SCCis L forearm" over "Procedure 1: Excision R cheek …": the items of a
    // diagnosis line are the lesions, each the one at its own site; an item at another site is neither its jar nor its dx.
    if (!parent && !trigger.label && whyItems.length >= 2) {
      const own = matchSite(trigger.text);
      if (own?.key) {
        const fits = (c: Unit) => {
          const at = matchSite(c.text);
          return (
            at?.key !== undefined &&
            (at.key === own.key || sameOrInside(own, at) || sameOrInside(at, own)) &&
            (!at.laterality || !own.laterality || at.laterality === own.laterality)
          );
        };
        const mine = whyItems.filter(fits);
        block.context = block.context.filter((c) => !whyItems.includes(c) || mine.includes(c));
        const item = mine[0];
        if (mine.length === 1 && item && !block.context.includes(item)) block.context.unshift(item);
      }
    }
    const labelUnit = trigger.label ? trigger : [...block.context].reverse().find((u) => u.label);
    if (labelUnit?.label) {
      block.label = labelUnit.label;
      if (labelUnit.labelKind) block.labelKind = labelUnit.labelKind;
      if (labelUnit.altLabel) block.altLabel = labelUnit.altLabel;
    } else if (parent?.label) {
      block.label = parent.label;
      if (parent.labelKind) block.labelKind = parent.labelKind;
    }
    // "1. Molluscum (B08.1), penile shaft x6 + medial thighs x9" then "- penile shaft: LN2 …" and "- thighs: curettage …":
    // every sub-bullet of a numbered item is that item's, the second as much as the first.
    if (!parent && !block.label && inItem && itemHead?.label && trigger.bullet && trigger.lineStart && !trigger.label) {
      block.label = itemHead.label;
      if (itemHead.labelKind) block.labelKind = itemHead.labelKind;
      if (!block.context.includes(itemHead)) block.context.unshift(itemHead);
    }
    if (parent) block.parent = parent;
    if (later) block.later = true;
    if (!parent && listHeader && !block.context.includes(listHeader)) block.context.unshift(listHeader);
    // "Reason: suture removal - excision of BCC, R upper back" over "- L temple: … shave biopsy": a reason or dx line naming
    // another site than the procedure's own is not this lesion's diagnosis.
    const dxElsewhere = (dx: Unit) => {
      const own = matchSite(trigger.text);
      const named = own?.key ? matchSite(dx.value ?? dx.text) : undefined;
      return (
        named?.key !== undefined &&
        own?.key !== undefined &&
        (named.key !== own.key || (named.laterality !== undefined && own.laterality !== undefined && named.laterality !== own.laterality)) &&
        !sameOrInside(own, named) &&
        !sameOrInside(named, own)
      );
    };
    if (!parent && lastDx && !block.context.includes(lastDx) && !block.context.some((c) => c.field && isDxField(c.field)) && !dxElsewhere(lastDx)) {
      block.context.unshift(lastDx);
      if (!lastDx.field) block.leadDx = lastDx;
    }
    // A procedure named on the diagnosis line itself ("Indication: BCC L cheek … Also AKs on the scalp, for cryotherapy
    // today") leaves that line to the procedure told after it.
    if (!parent && !whyUnits.has(trigger)) lastDx = undefined;
    blocks.push(block);
    return block;
  };
  /** A "Procedure: <kind>, <site>" title with no measure: the narrative that follows it may tell it (below). */
  let titled: Block | undefined;
  let lineField: string | undefined;
  /** Units of a diagnosis/indication line ("Indication: #1 …; #2 …"): why, not what was done. */
  // The numbered items of the latest such line, each naming one lesion.
  let whyItems: Unit[] = [];
  const whyUnits = new Set<Unit>();
  let unchecked = false;
  let prevUnit: Unit | undefined;
  let attesting = false;
  let repairHead = false;
  let later = false;
  for (const u of units) {
    if (overBudget()) break;
    // "ATTENDING ATTESTATION: I saw and examined … present for the cryotherapy and both biopsies …": the teaching
    // physician restates the resident's procedures; its paragraph adds none.
    if (u.lineStart) attesting = ATTESTATION_LINE.test(`${u.field ? `${u.field}: ` : ''}${u.text}`) || (attesting && !u.afterBlank);
    if (attesting) {
      current = undefined;
      pending = [];
      continue;
    }
    // "Indication: biopsy-proven BCC, left cheek (…). Also several actinic" wrapped onto "keratoses on the scalp, for
    // cryotherapy today.": a line that goes on with the sentence of a diagnosis field is still that field's.
    if (
      u.lineStart &&
      !(u.field === undefined && !u.afterBlank && !u.label && !u.bullet && lineField !== undefined && isDxField(lineField) && wrapped(prevUnit, u))
    )
      lineField = u.field;
    prevUnit = u;
    if (u.lineStart) unchecked = UNCHECKED_BOX.test(u.text);
    if (unchecked) {
      current = undefined;
      pending = [];
      continue;
    }
    if (lineField !== undefined && isDxField(lineField) && !(lineField === 'reason' && SESSION.test(u.text))) whyUnits.add(u);
    if (u.lineStart && u.field !== undefined && isDxField(u.field)) whyItems = [];
    if (!u.lineStart && u.label && whyUnits.has(u)) whyItems.push(u);
    // Procedure words in a historical or negated clause ("shave bx 03/16/2026", "no debridement") open nothing.
    const intents = new Map<Trigger, string>();
    // "Debridement: none.", "Curettage: N/A": a template field answered no names a step not done.
    const answeredNo = u.field !== undefined && /^\s*(?:none|no|n\/?a|not\s+(?:done|performed|indicated)|declined)\s*(?:\.\s*)?$/i.test(u.value ?? '');
    const triggers = unitTriggers(u).filter((t) => {
      if (answeredNo) return false;
      // "E/M: 99213 w/ modifier 25 - AK field therapy …, separate from the wart destruction": the level line names
      // procedures told elsewhere (a page may keep it inside the assessment section).
      if (lineField !== undefined && EM_FIELD.test(lineField)) return false;
      // "Paring prior to freezing: Yes" inside a destruction template: a step of that destruction (CPT §2.2), not a
      // procedure of its own; the template's fields after it are still the destruction's.
      if (t.family === 'paring' && u.field !== undefined && current?.family === 'destruction' && /\bpar(?:e|ed|ing)\b/i.test(u.field)) return false;
      const { clause, at } = clauseAround(u.text, t.start, t.end);
      // "EXCISION … (if Mohs declined) | Future | 12/15/2026": an order row whose status cell says it is still to come.
      const intent = FUTURE_ROW.test(u.text) ? 'planned' : intentOf(clause, false, at);
      intents.set(t, intent);
      // "Risks, benefits and alternatives including Mohs and primary closure were discussed": consent words, no procedure.
      if (CONSENT_ALTERNATIVE.test(clause.slice(0, at))) return false;
      // "Granulation tissue curetted." inside a nail or wound procedure: a step of that procedure, no lesion destroyed
      // (only chemical cautery of granulation tissue has a code of its own, 17250, §14).
      if (t.family === 'destruction' && t.generic && GRANULATION.test(clause) && !CHEMICAL_CAUTERY.test(clause)) return false;
      // "Lesions curetted lightly (debridement of hyperkeratotic AKs) before application." in a PDT session: its
      // preparation (CPT 96574 is PDT after targeted debridement), not a destruction of its own.
      if ((t.family === 'destruction' || t.family === 'debridement') && (current?.parent ?? current)?.family === 'pdt' && PDT_STEP.test(clause)) return false;
      return intent !== 'history' && intent !== 'negated';
    });
    if (u.afterBlank && !u.label) listHeader = undefined;
    // "Today:" / "Next visit (scheduled 12/09):" / "Later / spring:" over bullet lists: the items under a heading for
    // another day are the plan, not work done today; the next heading or a blank line ends the list.
    if (u.lineStart && triggers.length === 0 && /:\s*$/.test(u.text) && u.text.trim().length < 60) later = LATER_HEADING.test(u.text);
    else if (u.afterBlank) later = false;
    // "12. SCC in situ, R forearm" / "Biopsy-proven (…)" / … / "13. Inflamed cyst": a statement inside one numbered
    // item is that item's, not an intro to the items after it.
    if (u.label && u.lineStart) {
      if (headerInItem) listHeader = undefined;
      inItem = true;
      itemHead = u;
    } else if (u.afterBlank) inItem = false;
    // A list intro ("…BCCs (path 3/20):") or a statement about all the lesions ("All three lesions biopsy-proven BCC.") is context for the items below it.
    if (triggers.length === 0 && u.lineStart && !u.label && (/:\s*$/.test(u.text) || priorMalignantBiopsyIn(u.text))) {
      listHeader = u;
      headerInItem = inItem;
    }
    if (u.label && u.lineStart) lastDx = undefined;
    if (u.field && isDxField(u.field) && !current) lastDx = u;
    // "Repair:" alone on its line over indented fields ("Type: Intermediate", "Length: 2.8 cm"): the type field names the repair.
    // "Procedure 2: Repair" over "Type ...... intermediate (layered)" and "Length ...... 4.5 cm": a numbered procedure
    // title naming only the repair heads its fields the same way.
    if (
      u.lineStart &&
      u.field !== undefined &&
      ((/^(?:repair|closure|wound\s+closure|reconstruction)$/.test(u.field) && !(u.value ?? '').trim()) ||
        (/^(?:procedure|proc)\s*(?:#\s*)?\d{1,2}$/.test(u.field) && /^\s*(?:repair|closure|wound\s+closure|reconstruction)\s*(?:\.\s*)?$/i.test(u.value ?? '')))
    )
      repairHead = true;
    else if (repairHead && u.lineStart && u.field !== undefined && /^(?:type|level|method|technique|repair\s+type)$/.test(u.field)) {
      if (triggers.length === 0 && /\b(?:simple|intermediate|complex|layered)\b/i.test(u.value ?? ''))
        triggers.push({ family: 'repair', start: (u.valueStart ?? u.start) - u.start, end: u.text.length });
      repairHead = false;
    } else if (u.lineStart && !(u.field && /^(?:length|size|site|location)$/.test(u.field))) repairHead = false;
    // "Irritated skin tags x16 … Removed with fine scissors.": removal words after a skin-tag line.
    if (
      triggers.length === 0 &&
      /\b(?:removed|snip(?:ped)?|clipped|scissors?)\b/i.test(u.text) &&
      // "Acrochordons, approximately 25, neck …, irritated and bleeding …: removed with fine scissors": the tag word
      // may sit in the same sentence, too far before the removal word for the trigger.
      ((!current && pending.some((p) => /\b(?:skin\s*tags?|acrochordons?)\b/i.test(p.text))) ||
        (/\b(?:skin\s*tags?|acrochordons?)\b/i.test(u.text) && !['history', 'negated', 'planned'].includes(intentOf(u.text, false, 0))))
    ) {
      triggers.push({ family: 'tag', start: 0, end: u.text.length });
    }
    if (triggers.length === 0) {
      // "Specimen A to in-house dermpath." right after a procedure names that procedure's specimen.
      if (
        u.label &&
        u.labelKind === 'specimen' &&
        current &&
        !u.afterBlank &&
        !current.units.some((x) => x.labelKind === 'specimen' || (x.field && SPECIMEN_FIELDS.test(x.field))) &&
        // "PUNCH BX X2 TODAY. SPEC A (L UPPER BACK 4MM), SPEC B (…)": under a counted header with no site, a
        // specimen naming a site is the first item of the list, not the header's own specimen.
        !(!current.site && !current.parent && /\bx\s*[2-9]\b/i.test(current.trigger.text) && matchSite(u.text))
      ) {
        current.units.push(u);
        if (current.parent && !current.parent.units.includes(u)) current.parent.units.push(u);
        continue;
      }
      // "Shave bx x3: A) R cheek … B) L arm …": labeled items under a procedure header are procedures of that kind.
      const header =
        current &&
        !current.parent &&
        !current.site &&
        current.units.length >= 1 &&
        (/:\s*$/.test(current.trigger.text.trim()) ||
          /\bx\s*[2-9]\b(?!\s*(?:cycles?|ftc|freeze|passes|pass|sec|seconds|min))/i.test(current.trigger.text) ||
          // "Procedure: Shave removal" with no site, then "Lesion A: R upper back, 1.2 cm ISK" lines.
          (!current.label &&
            !u.afterBlank &&
            current.trigger.field !== undefined &&
            PROCEDURE_FIELDS.test(current.trigger.field) &&
            // A procedure whose own field lines already tell its site or jar is complete: the numbered line after it
            // ("Location: L leg", "Specimen: A" then "3. Seborrheic keratoses (L82.1) - trunk") is the next A&P problem.
            !current.units.some((x) => x.field && (SITE_FIELDS.test(x.field) || SPECIMEN_FIELDS.test(x.field))) &&
            // "Procedure: Destruction of malignant lesions by curettage and electrodesiccation.": a longer name of plural lesions too.
            ((current.trigger.value ?? '').trim().length < 40 || /\blesions\b/i.test(current.trigger.value ?? ''))))
          ? current
          : current?.listOf;
      // "Procedure: Shave removal x3" then "- R cheek: 4 mm ISK (A)": under a counted header a bullet naming a site is an item too.
      // "Shave removals of irritated SKs, all sent to path:" then "- L upper back, 0.6 cm": a header ending in a colon that
      // speaks of several lesions introduces one item a bullet.
      const bulletItem =
        !u.label &&
        u.bullet &&
        u.lineStart &&
        header !== undefined &&
        (/\bx\s*[2-9]\b/i.test(header.trigger.text) || (!u.field && /:\s*$/.test(header.trigger.text) && SEVERAL_HEADER.test(header.trigger.text)));
      // "Procedure: Cryosurgery with liquid nitrogen" then "- AKs face x4, scalp x11 (16 total)" and "- ISK x1": a destruction
      // technique's title over bullets that each count lesions of a kind is one destruction per bullet (sited or not).
      const kindItem =
        !u.label && u.bullet && u.lineStart && !u.field && header?.family === 'destruction' && LESION_COUNT.test(u.text) && lesionTypeOf(u.text) !== undefined;
      // "Indication: #1 changing nevus L upper back; #2 … R jawline": the items of a diagnosis line say why, they are not the procedures.
      const whyItem = !u.lineStart && lineField !== undefined && isDxField(lineField);
      if (((u.label || bulletItem) && header && !isClosure(header.family) && !whyItem && matchSite(u.text)) || (kindItem && header)) {
        const item = open(header.family, u, { start: 0, end: u.text.length, at: 0 }, false);
        // "Two BCCs biopsied 1/5 - both nodular BCC. Today: ED&C x3 to each:" — the header's own context names the lesions too.
        item.context = [
          ...header.context.filter((c) => !c.label),
          header.trigger,
          ...item.context.filter((c) => c !== header.trigger && !header.context.includes(c)),
        ];
        item.listOf = header;
        item.site = matchSite(u.text);
        pending = [];
        current = item;
        continue;
      }
      if (u.label && u.lineStart) {
        current = undefined;
        pending = [u];
        continue;
      }
      // "ED&C #1: … / ED&C #2: …" splits each line into the procedure word and its numbered item: a second
      // number right after a repeated procedure word on a new line is a second procedure, not more of the first.
      const lead = current?.units[current.units.length - 1];
      const firstLabel = current?.label ?? current?.units.find((x) => x.label)?.label;
      if (
        u.label &&
        !u.lineStart &&
        current &&
        !current.parent &&
        lead &&
        lead !== current.trigger &&
        lead.lineStart &&
        !lead.label &&
        lead.text.trim().length < 20 &&
        unitTriggers(lead).length > 0 &&
        firstLabel !== undefined &&
        firstLabel !== u.label
      ) {
        current.units.pop();
        pending = [];
        const next = open(current.family, lead, { start: 0, end: lead.text.length, at: 0 }, current.generic);
        next.units.push(u);
        next.label = u.label;
        if (u.labelKind) next.labelKind = u.labelKind;
        current = next;
        continue;
      }
      if (u.label && !u.lineStart && current?.label && current.label !== u.label) {
        current = undefined;
        pending = [u];
        continue;
      }
      // "All sent to path." / "Both to in-house dermpath." after a list: every item of the list sent its tissue.
      if (current?.listOf && /^\s*(?:all|both|each)\b[^.;\n]{0,40}\b(?:sent|submitted|to)\b[^.;\n]{0,30}\b(?:path\w*|lab|dermpath|histolog\w*)/i.test(u.text)) {
        for (const b of blocks) if (b.listOf === current.listOf && !b.units.includes(u)) b.units.push(u);
        continue;
      }
      // "Pink scaly 9 mm plaque R ear helix, r/o SCC. Tangential biopsy (A)." then "Pigmented 5 mm papule L upper back, …
      // Punch biopsy 4 mm (B).": where each line describes its lesion and then names the procedure, a new line describing a
      // lesion at another site is the next procedure's lesion, not more of this one.
      if (
        current &&
        !current.parent &&
        u.lineStart &&
        !u.field &&
        !u.label &&
        !current.trigger.lineStart &&
        !current.trigger.field &&
        describesLesion(u.text)
      ) {
        const next = newSiteIn(u);
        const was = current.site ?? siteOfUnits(current.units) ?? siteOfUnits(current.context);
        if (next && was?.key && next.site.key !== was.key) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      // "…shave biopsy of a pearly papule on the L nasal ala. The SKs on his back were left alone.": a lesion at another
      // site that the note leaves untreated is not this procedure's lesion.
      // "Lesions treated: fourteen - the L knee wart was NOT treated today": a count field is the procedure's own line.
      if (
        current &&
        UNTREATED.test(u.text) &&
        !(u.field && /^(?:lesions?\s+treated|number\s+(?:of\s+\w+\s+)?treated|#\s*treated|total\s+treated)$/i.test(u.field))
      ) {
        const other = pickSite(findSites(u.text));
        const was = current.site ?? siteOfUnits(current.units) ?? siteOfUnits(current.context);
        if (other && was?.key && other.site.key !== was.key) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      // "Procedure: ED&C, L upper back. …" then a blank line and "Diagnosis: AK R forearm x2." over the next "Procedure:":
      // a diagnosis field naming another site after a blank line is the next item's, not more of this one.
      if (current && u.afterBlank && u.lineStart && u.field && isDxField(u.field)) {
        const next = newSiteIn(u);
        const was = current.site ?? siteOfUnits(current.units) ?? siteOfUnits(current.context);
        if (next?.site.key && was?.key && next.site.key !== was.key) {
          current = undefined;
          pending = [u];
          lastDx = u;
          continue;
        }
      }
      // "Neoplasm of uncertain behavior - R upper arm" over indented "  Plan: Biopsy …", "  Specimen: A" lines, then
      // "Onychomycosis - bilateral great toenails" at the margin again: the template's next problem, not more fields.
      if (current && u.lineStart && !u.field && /^\S/.test(u.text) && /^[ \t]+\S/.test(current.trigger.text)) {
        const last = current.units[current.units.length - 1];
        if (last && /^[ \t]+\S/.test(last.text)) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      // "Warts … LN2 x2 cycles all 8 lesions." then "Acne vulgaris, moderate - started doxycycline …": a line that opens with
      // another condition and a dash is the next problem of the list, not more of this procedure.
      if (current && u.lineStart && !u.field && !u.label) {
        const head = PROBLEM_LEAD.exec(u.text)?.[1];
        const type = head ? lesionTypeOf(head) : undefined;
        if ((type && type !== lesionTypeOf(unitTexts([...current.context, ...current.units], [], '\n'))) || (!type && head && otherCondition(head, current))) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      // "- R cheek 5 mm pink scaly papule - ?BCC - shave bx (A)." then "- R cheek 3 mm stuck-on tan papule - SK - no tx.": a
      // bullet at the same indent as the procedure's own is the list's next item, not more of this one.
      // ("• Botox 100 U …" then "• 50 U R palm, 50 U L palm": the procedure's own details; only a bullet naming another
      // kind of lesion, or a lesion and its impression, is another item.)
      if (current && u.bullet && u.lineStart && !u.field && current.trigger.bullet && current.trigger.lineStart && !current.parent) {
        const indent = (x: Unit) => /^[ \t]*/.exec(x.text)?.[0].length ?? 0;
        const type = lesionTypeOf(u.text);
        const head = type === undefined ? conditionLead(u.text) : undefined;
        const otherLesion =
          (type !== undefined && type !== lesionTypeOf(unitTexts([...current.context, ...current.units], [], '\n'))) ||
          IMPRESSION_LEAD.test(u.text) ||
          (head !== undefined && otherCondition(head, current));
        if (otherLesion && indent(u) <= indent(current.trigger)) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      // "I treated 24 of them with liquid nitrogen today." then "Right helix lesion, concerning for squamous cell
      // carcinoma …": a new line that names a site and a lesion's impression is the next problem, not more of this one.
      if (current && u.lineStart && !u.field && !u.label && /^\S/.test(u.text) && /[.!]\s*$/.test(current.units[current.units.length - 1]?.text ?? '')) {
        const where = IMPRESSION_LEAD.test(u.text) ? newSiteIn(u) : undefined;
        const was = where ? (current.site ?? siteOfUnits(current.units)) : undefined;
        if (where && (!was?.key || was.key !== where.site.key)) {
          current = undefined;
          pending = [u];
          continue;
        }
      }
      if (current) {
        // "Tumor #2: SCC, L dorsal forearm" after a blank line: a new lesion at another site starts the next procedure.
        const base = current.parent ?? current;
        // "Tumor #2: …" splits as "Tumor " (after the blank) + "#2: …": the short lead-in counts as the blank.
        const last = current.units[current.units.length - 1];
        const leadIn = last?.afterBlank === true && last.text.trim().length < 12 && !newSiteIn(last);
        const otherSite = base.family === 'mohs' && (u.afterBlank || leadIn) ? newSiteIn(u) : undefined;
        const baseSite = otherSite ? (base.site ?? siteOfUnits(base.units) ?? siteOfUnits(base.context)) : undefined;
        const newLesion = otherSite !== undefined && baseSite?.key !== undefined && otherSite.site.key !== baseSite.key;
        const keep =
          !newLesion &&
          (!u.afterBlank ||
            Boolean(u.field) ||
            current.family === 'mohs' ||
            current.parent?.family === 'mohs' ||
            /^\s*(?:stage|layer|repair|closure|defect|flap|graft|the\s+(?:defect|wound|flap|graft)|undermin|length)/i.test(u.text));
        // "Shave excision performed …. Kenalog … injected into the base. Sent to path.": the tissue sent is the removal's,
        // not the injection's or destruction's told in between.
        const tissue =
          keep &&
          !current.parent &&
          NO_TISSUE.has(current.family) &&
          /\b(?:sent|submitted|to)\s+(?:the\s+)?(?:path\w*|derm\s*path\w*|dermatopath\w*|lab)\b/i.test(u.text)
            ? blocks
                .slice(-3)
                .reverse()
                .find((x) => x !== current && !x.parent && TISSUE.has(x.family))
            : undefined;
        if (tissue) {
          tissue.units.push(u);
          continue;
        }
        if (keep) {
          current.units.push(u);
          // "Specimen: A" after the repair lines still belongs to the excision the repair closes.
          if (
            current.parent &&
            // "DX: Inflamed epidermoid cyst" at the end of the template names the excised lesion, not the repair.
            // "PROCEDURE: Excision … with complex repair" then "LESION SIZE: 1.0 cm", "MARGINS: 0.4 cm": the excision's measures.
            ((u.field &&
              (SPECIMEN_FIELDS.test(u.field) ||
                isDxField(u.field) ||
                SIZE_FIELDS.test(u.field) ||
                SITE_FIELDS.test(u.field) ||
                /\b(?:path\w*|lab|destination|sent|margins?)\b|^excised\b/.test(u.field))) ||
              u.labelKind === 'specimen' ||
              // "… closed in two layers. Specimen to path (A).": the jar is the excision's, not the repair's.
              (!u.field && SPECIMEN_SENT.test(u.text)) ||
              // "Mohs … with bilobed flap repair" then "Stage II: 1 block, clear.": every stage is the Mohs case's.
              (current.parent.family === 'mohs' && /^\s*(?:stage|layer)\s/i.test(u.text)))
          )
            current.parent.units.push(u);
        } else {
          if (newLesion && leadIn && last) current.units.pop();
          current = undefined;
          pending = newLesion && leadIn && last ? [last, u] : [u];
        }
      } else {
        // A problem line at the margin after indented field lines opens the template's next item: the fields before
        // it ("  Plan: Reassurance. Patient requests removal for cosmetic reasons") were the last item's.
        const lastPending = [...pending].reverse().find((x) => x.lineStart);
        if (u.afterBlank || (u.lineStart && !u.field && /^\S/.test(u.text) && lastPending && /^[ \t]+\S/.test(lastPending.text))) pending = [];
        pending.push(u);
        if (pending.length > 6) pending.shift();
      }
      continue;
    }
    const primaries = triggers.filter((t) => !isClosure(t.family));
    const closures = triggers.filter((t) => isClosure(t.family));
    // A procedure-name field always starts a new block ("Procedure: Shave biopsy").
    const procField = Boolean(u.field && PROCEDURE_FIELDS.test(u.field));
    let lastPrimary: Block | undefined = current && !isClosure(current.family) ? current : current?.parent;
    // "Biopsies x2 of the vulva: 1) … 4 mm punch … 2) … shave …": numbered items under a counted or colon
    // header each name their own technique; the header (a biopsy) is their context.
    // "Biopsies:" then "- L lower lip …: shave bx", "- R helix …: shave bx": bullets on lines of their own are items too.
    const item = u.label !== undefined || (u.bullet && u.lineStart);
    // "- LN2 to AKs: forehead x4, …" then "- LN2 to SKs …": bullets side by side are siblings, not a header and its items.
    const listHead =
      item &&
      current &&
      !current.parent &&
      !current.label &&
      !(u.bullet && current.trigger.bullet) &&
      (/:\s*$/.test(current.trigger.text.trim()) || /\bx\s*[2-9]\b/i.test(current.trigger.text))
        ? current
        : item
          ? // "1. BCC …: excised 1.4 cm. Intermediate repair 3.0 cm." then "2. SCC …": the list goes on past an item's repair.
            (current?.listOf ?? current?.parent?.listOf)
          : undefined;
    if (primaries.length > 0) {
      const segments = segmentsOf(u, primaries);
      let firstOfUnit: Block | undefined;
      segments.forEach((seg, k) => {
        if (k === 0 && current && !procField) {
          const base = isClosure(current.family) ? current.parent : current;
          // "Punch bx 4 mm L forearm, specimen A. Punch bx 4 mm L forearm, specimen B.": two specimens are two procedures.
          const newSpecimen = specimenWordLabel(u.text);
          const baseSpecimen = newSpecimen && base ? base.units.map((x) => specimenWordLabel(x.text)).find(Boolean) : undefined;
          // "… Complex repair, final length 12.5 cm." then "Specimen A: WLE, L thigh, suture at 12 o'clock": a specimen line
          // naming the procedure again labels the jar of the unlabelled procedure above it, not a second procedure.
          // Under a list intro ("Mapping biopsies (2 mm punch …):" over "| A | superior | punch 2 mm |" rows) the row is the
          // first item, not the intro's jar.
          const jarOfBase =
            u.labelKind === 'specimen' &&
            u.lineStart &&
            base !== undefined &&
            base !== listHead &&
            !base.label &&
            // A table row under the column names the lead took in ("Shave biopsies, as below." / "Site | Size | Specimen")
            // is the table's first item.
            !base.units.some((x) => x.labelKind === 'specimen' || specimenWordLabel(x.text) || (x.text.includes('|') && !/\d/.test(x.text)));
          // "Tangential biopsy (A)." … "Punch biopsy 4 mm (B), closed …": another jar in parentheses is another procedure.
          const newJar = PAREN_JAR.exec(u.text)?.[1];
          const baseJar = newJar && base ? base.units.map((x) => PAREN_JAR.exec(x.text)?.[1]).find(Boolean) : undefined;
          const sameLabel =
            (!u.label || u.label === base?.label || jarOfBase) &&
            (!newSpecimen || !baseSpecimen || newSpecimen === baseSpecimen) &&
            (!newJar || !baseJar || newJar === baseJar);
          const site = newSiteIn(u);
          // The block's site may so far be told only by its lines or the lesion line before it (not yet filled in).
          const baseSite = site && base ? (base.site ?? (u.lineStart ? (siteOfUnits(base.units) ?? siteOfUnits(base.context)) : undefined)) : undefined;
          const sameSite =
            !site ||
            // PDT is one treatment a day over a field ("face and scalp"): the sites of its lines never make a second one.
            (seg.family === 'pdt' && base?.family === 'pdt') ||
            !baseSite?.key ||
            (site.site.key === baseSite.key && (!site.site.laterality || !baseSite.laterality || site.site.laterality === baseSite.laterality)) ||
            // "… R great toenail." then "The nail bed was debrided …": a part of the nail unit named alone is that nail's.
            (site.site.key === 'nail' && !site.site.laterality && siteInfo(baseSite.key)?.special === 'nail') ||
            // A step of the procedure (a punch, a nail avulsion inside a nail biopsy), not the same procedure named again.
            (!u.lineStart && !u.label && !site.site.laterality && seg.family !== base?.family && partOfSite(site.site.key, baseSite.key)) ||
            // "Procedure #2 - NAIL AVULSION" then "Partial avulsion of the R great toenail plate": the title's word ("nail":
            // finger or toe?) is told by the line under it, not another nail.
            (!baseSite.laterality && siteInfo(baseSite.key)?.ambiguous !== undefined && partOfSite(site.site.key, baseSite.key));
          // A new bullet line naming a procedure is a new item; so is a template's procedure title after a blank line
          // ("Biopsy - Shave" / "Location: …" then "Biopsy - Punch" / "Location: …").
          // "Procedure 1: Molluscum - cantharidin …" then "Procedure 2: Warts - LN2 …": a numbered procedure line is the next one.
          const newItem =
            (u.bullet && u.lineStart && base !== undefined && base.trigger !== u) ||
            (u.lineStart && u.afterBlank && (TEMPLATE_TITLE.test(u.text) || PROCEDURE_NOTE_TITLE.test(u.text))) ||
            (u.lineStart && base !== undefined && base.trigger !== u && (NUMBERED_PROCEDURE.test(u.text) || NUMBERED_PROCEDURE.test(`${u.field ?? ''}:`)));
          const first = primaries.find((t) => t.start >= seg.start && t.start < seg.end);
          const newIntent = first ? intents.get(first) : undefined;
          const sameIntent = !base?.intent || !newIntent || base.intent === newIntent || newIntent !== 'performed';
          // "SK's x 12 … LN2 x 12." then "AK x 3 L forearm LN2.": a destruction of another lesion class on a new line is
          // another procedure (17110 vs 17000), even when neither names a site.
          const otherClass = (() => {
            if (!base || seg.family !== 'destruction' || base.family !== 'destruction' || !u.lineStart) return false;
            const next = destructionClassOf(u.text.slice(seg.start, seg.end));
            const was = destructionClassOf(base.units.map((x) => x.text).join('\n')) ?? destructionClassOf(base.context.map((x) => x.text).join('\n'));
            if (next !== undefined && was !== undefined && next !== was) return true;
            // "Warts … Destroyed with LN2, 12 lesions total." then "Molluscum contagiosum trunk - curettage of 9 lesions.": another
            // lesion of the same class, with its own count, is another destruction (the counts add up for 17110/17111).
            const nextType = lesionTypeOf(u.text);
            const wasType = lesionTypeOf(base.units.map((x) => x.text).join('\n')) ?? lesionTypeOf(base.context.map((x) => x.text).join('\n'));
            return nextType !== undefined && wasType !== undefined && nextType !== wasType && /\d/.test(u.text);
          })();
          // "Partial nail avulsion … chemical matrixectomy." then "Also clipped and debrided dystrophic nails x 6": routine
          // care of other nails is another service (11720/11721), not a step of the avulsion.
          const otherNailCare = base !== undefined && otherNailService(base, seg.family, u.text.slice(seg.start, seg.end));
          // "Nail avulsion, right great toe." then "Nail avulsion, right second toe.": another digit is another site.
          const digit = u.lineStart ? digitOf(u.text) : undefined;
          const baseDigit = digit && base ? base.units.map((x) => digitOf(x.text)).find(Boolean) : undefined;
          const otherDigit = digit !== undefined && baseDigit !== undefined && digit !== baseDigit;
          if (
            base &&
            sameLabel &&
            sameSite &&
            !otherDigit &&
            sameIntent &&
            !newItem &&
            !otherClass &&
            !otherNailCare &&
            compatible(base.family, seg.family, seg.generic) &&
            !(seg.family === 'destruction' && !seg.generic && base.family !== 'destruction')
          ) {
            base.units.push(u);
            if (current !== base) current.units.push(u);
            // The title's "nail" (finger or toe?) gives way to the line that names which nail.
            if (!base.site || (site && siteInfo(base.site.key)?.ambiguous !== undefined && !base.site.laterality && partOfSite(site.site.key, base.site.key)))
              base.site = siteOfUnits([u]) ?? base.site;
            lastPrimary = base;
            return;
          }
        }
        // "Procedure: Excision of BCC, R upper back, with rotation flap repair." … a consent paragraph … "The lesion was
        // excised with 4 mm margins.": the narrative after a titled procedure with no measure of its own tells that one.
        if (
          k === 0 &&
          // Right under the title line too ("Procedure: excision of BCC, L upper eyelid." then "Lesion 0.5 cm, margins 2 mm …").
          (!current || current === titled) &&
          titled &&
          !procField &&
          !u.label &&
          // "Procedure: Excision …, 2 sites." then "Site 1 (R upper arm): 1.2 cm BCC." over "Excised with …": the narrative
          // under a numbered item's line tells that item, not the title.
          !pending.some((x) => x.label && x.lineStart) &&
          // "… oriented along the lid crease": a site inside the title's own is no new site.
          sameOrInside(newSiteIn(u)?.site, titled.site) &&
          // ("Procedure: Skin tag removal." then "Snip excision with iris scissors of 22 tags": the tags' technique.)
          (titled.family === seg.family || (titled.family === 'tag' && (seg.family === 'excision' || seg.family === 'destruction'))) &&
          !otherNailService(titled, seg.family, u.text.slice(seg.start, seg.end)) &&
          !titled.units.some((x) => x !== titled?.trigger && unitTriggers(x).length > 0) &&
          // "Procedure: punch bx L thigh (A)." then "Punch bx L thigh (B).": tissue in another jar is another procedure.
          !otherJar(titled, u)
        ) {
          const title = titled;
          title.units.push(u);
          current = [...blocks].reverse().find((x) => x.parent === title) ?? title;
          if (current !== title) current.units.push(u);
          lastPrimary = title;
          pending = [];
          titled = undefined;
          return;
        }
        const block = open(seg.family, u, seg, seg.generic);
        if (k === 0 && listHead && listHead !== block && biopsyGroup(listHead.family) === biopsyGroup(seg.family) && !isClosure(seg.family)) {
          block.listOf = listHead;
          block.context = [listHead.trigger, ...block.context.filter((c) => c !== listHead.trigger)];
        }
        const opener = primaries.find((t) => t.start >= seg.start && t.start < seg.end);
        if (opener) block.intent = intents.get(opener);
        // "Lesion 3: BCC, L nasal sidewall (patient declined Mohs). … Curettage and electrodesiccation x 3 cycles.": the
        // procedure done instead of a declined or deferred one treats that lesion.
        const instead = k === 0 && current && !procField ? (isClosure(current.family) ? current.parent : current) : undefined;
        if (
          instead &&
          instead !== block &&
          instead.intent !== undefined &&
          instead.intent !== 'performed' &&
          block.intent === 'performed' &&
          !u.label &&
          !u.afterBlank &&
          !block.label &&
          !newSiteIn(u)
        ) {
          block.context = [...instead.context, ...instead.units.filter((x) => !block.context.includes(x)), ...block.context];
          if (instead.label) {
            block.label = instead.label;
            if (instead.labelKind) block.labelKind = instead.labelKind;
          }
        }
        if (segments.length > 1) block.split = true;
        // Later procedures named in the same sentence share its context ("Shave biopsy … and then ED&C of the same lesion").
        if (k > 0 && firstOfUnit) {
          block.context = firstOfUnit.context;
          if (!block.label && firstOfUnit.label) block.label = firstOfUnit.label;
          if (/\bsame\s+(?:lesion|site|spot|area)\b/i.test(u.text.slice(seg.start, seg.end))) block.sameAs = firstOfUnit;
        }
        // Each procedure of the sentence keeps the specimen letter of its own clause ("…, specimen A. Punch …, specimen B.").
        if (segments.length > 1 && block.label && block.labelKind !== 'lesion') {
          const own = specimenWordLabel(u.text.slice(seg.start, seg.end));
          if (own && own !== block.label) block.label = own;
        }
        block.site =
          (segments.length > 1 ? matchSite(u.text.slice(seg.start, seg.end)) : undefined) ??
          siteOfUnits([...block.context.filter((c) => c.field && SITE_FIELDS.test(c.field)), u]) ??
          (k > 0 ? firstOfUnit?.site : undefined);
        if (k === 0) {
          firstOfUnit = block;
          // ("Procedure: Skin tag removal." names no site: a narrative naming none tells it; one naming a site is another.)
          titled = procField && u.lineStart && !u.label && !/\d\s*(?:cm|mm)\b/i.test(u.text) ? block : undefined;
        }
        for (const sibling of enumerate(block, u, seg)) blocks.push(sibling);
        pending = [];
        current = block;
        lastPrimary = block;
      });
    }
    // "Simple repair of 2.0 cm laceration L forearm and simple repair 3.0 cm laceration L upper arm": one sentence,
    // one repair per site, each measured in its own part of the sentence.
    let rest = closures;
    const repairs = closures.filter((t) => t.family === 'repair');
    if (repairs.length > 1 && !matchSite(u.text.slice(0, (repairs[0] as Trigger).start))) {
      const parts = repairs.map((t, k) => {
        const end = repairs[k + 1]?.start ?? u.text.length;
        return { t, end, site: matchSite(u.text.slice(t.start, end)) };
      });
      const keys = parts.map((p) => (p.site?.key ? `${p.site.key}|${p.site.laterality ?? ''}` : undefined));
      if (keys.every((x) => x !== undefined) && new Set(keys).size === keys.length) {
        for (const p of parts) {
          const child = open('repair', u, { start: p.t.start, end: p.end, at: p.t.start }, false, lastPrimary);
          child.site = p.site;
          child.split = true;
          current = child;
        }
        pending = [];
        rest = closures.filter((t) => t.family !== 'repair');
      }
    }
    // "Repair: intermediate; L cheek 2.0 cm; R forearm 3.0 cm": one repair word over a list of sites, each with its
    // own length, is one repair per site (the rule sums lengths per level and site group, CPT §4.2).
    const single = rest.filter((t) => t.family === 'repair');
    if (single.length === 1 && single[0]) {
      const t = single[0];
      const parts = siteLengthParts(u.text, t.start);
      if (parts.length >= 2) {
        for (const p of parts) {
          const child = open('repair', u, { start: p.start, end: p.end, at: t.start }, false, lastPrimary);
          child.site = p.site;
          child.split = true;
          // The list's head: the words before the first site, or the repair words themselves ("Intermediate repair: …").
          const lead = u.text.slice(0, parts[0]?.start ?? 0);
          child.sharedText = lead.trim() || t.end - t.start > 40 ? lead : u.text.slice(t.start, t.end);
          current = child;
        }
        pending = [];
        rest = rest.filter((x) => x.family !== 'repair');
      }
    }
    for (const c of dedupeFamilies(rest)) {
      // "Simple repair of 2.0 cm laceration L forearm. Simple repair of 1.5 cm laceration of the chin.": a repair
      // of its own naming another site is another repair, not more of the one before.
      const here = current && !current.parent && current.trigger !== u ? newSiteIn(u)?.site : undefined;
      // "Laceration repair" (a title) over "Laceration R forearm 4.2 cm …": the site its lines have told so far.
      const was = here && current ? (current.site ?? siteOfUnits(current.units.filter((x) => x !== u))) : undefined;
      const elsewhere =
        here?.key !== undefined &&
        was?.key !== undefined &&
        (here.key !== was.key || (here.laterality !== undefined && was.laterality !== undefined && here.laterality !== was.laterality));
      if (current && current.family === c.family && !u.label && !elsewhere) {
        if (!current.units.includes(u)) current.units.push(u);
        continue;
      }
      // Simple closure of a biopsy, shave or excision wound is part of that code (CPT §4.4): no repair procedure.
      const parent =
        referredPrimary(u.text.slice(0, c.start), units[units.indexOf(u) - 1], blocks) ?? closedRemoval(u.text.slice(0, c.start), lastPrimary, blocks);
      if (
        c.family === 'repair' &&
        parent &&
        ['excision', 'biopsy', 'shave', 'punch'].includes(parent.family) &&
        /\bsimple\b/i.test(u.text) &&
        !/\b(?:intermediate|complex|layer(?:ed|s)?|deep\s+sutures?|buried)\b/i.test(u.text) &&
        // "Closure: subcutaneous 3-0 Vicryl and 4-0 nylon simple interrupted": a deep layer under simple skin sutures.
        layeredOf(u.text) !== true
      ) {
        if (!parent.units.includes(u)) parent.units.push(u);
        continue;
      }
      const child = open(c.family, u, { start: c.start, end: c.end, at: c.start }, false, parent);
      // "… closed in two layers …, final length 4.5 cm. Specimen to path (A).": the jar is the excision's.
      if (parent && !parent.units.includes(u) && SPECIMEN_SENT.test(u.text)) parent.units.push(u);
      // A graft or interpolation flap names its donor site ("FTSG harvested from the preauricular cheek"): the recipient is the parent's site.
      child.site = (c.family === 'graft' || c.family === 'flap') && parent?.site ? parent.site : (siteOfUnits([u]) ?? parent?.site);
      // "Division and inset of the forehead flap to the nasal tip": the flap's recipient names the site.
      if (c.family === 'division' || c.family === 'flap') {
        // Donor areas of interpolation flaps (forehead, glabella, cheek) are not where the flap is inset.
        const notDonor = (m: SiteMatch) =>
          !['forehead', 'glabella', 'eyebrow', 'temple', 'cheek', 'malar-cheek', 'preauricular', 'nasolabial-fold'].includes(m.site.key ?? '');
        // "… second stage of the paramedian forehead flap to the nasal tip …. Today the pedicle was divided and the
        // flap inset": the recipient may be named in the sentence before.
        const recipient =
          findSites(u.text).find(notDonor) ?? (c.family === 'division' ? child.context.flatMap((x) => findSites(x.text)).find(notDonor) : undefined);
        if (recipient) child.site = recipient.site;
      }
      pending = [];
      current = child;
    }
  }
  // "BCC, nodular, R nasal ala (C44.311), biopsy-proven 10/20/2026." then a "Mohs micrographic surgery:" heading:
  // a lesion line that closes a section with no procedure of its own describes the next procedure section's lesion.
  const closing = pending[pending.length - 1];
  if (
    !lastDx &&
    !current &&
    closing &&
    (!closing.label || /^\s*(?:problem|issue|dx|diagnosis)\s*(?:#\s*)?\d{1,2}\s*[:.)-]/i.test(closing.text)) &&
    LESION_LINE_ROLES.has(section.role) &&
    // ("Assessment: Atypical pigmented lesion, L mid back, r/o melanoma." over "Plan: Deep shave biopsy …": an assessment's
    // lesion told by its look, with its site, is that lesion too.)
    (lesionTypeOf(closing.text) || WOUND_WORDS.test(closing.text) || (section.role === 'assessment' && LESION_LOOK.test(closing.text))) &&
    matchSite(closing.text)
  )
    lastDx = closing;
  carry.lastDx = lastDx;
  mapSpecimens(units, blocks);
  closuresByLabel(blocks);
  // Fill sites from the whole block, then drop summary headers ("Biopsies x3:" followed by A), B), C)).
  for (const b of blocks) {
    if (!b.site) b.site = siteOfUnits(b.units) ?? siteOfUnits(b.context) ?? (b.parent ? b.parent.site : undefined);
    // "Site B — SCC, R helical rim" then "Defect … involving the free margin of the helical rim": the side is told once.
    const key = b.site?.key;
    if (b.site && key && !b.site.laterality) {
      const sided = [...b.units, ...b.context].map((u) => newSiteIn(u)?.site).find((x) => x?.key === key && x.laterality);
      if (sided?.laterality) b.site = { ...b.site, laterality: sided.laterality };
    }
  }
  // A bare bullet ("  - ") split off the next list line is not a line of the header's own.
  const substantive = (b: Block) => b.units.filter((u) => /[a-z0-9]/i.test(u.text)).length;
  const dropped = new Set<Block>();
  return blocks.filter((b, k) => {
    const next = blocks[k + 1];
    // The closure a dropped summary header names ("Excision x2 with layered repair") when its items tell their own.
    if (b.parent && dropped.has(b.parent)) return false;
    // "Indication: lentigo maligna … Scouting biopsies today to map the margins." over the procedure that tells them: the
    // indication line says why; the biopsies are the ones the procedure documents.
    if (!b.parent && !b.label && whyUnits.has(b.trigger)) {
      const at = (x: Block) => x.site ?? siteOfUnits(x.units) ?? siteOfUnits(x.context);
      const here = at(b);
      const told = (x: Block) => x !== b && !x.parent && !dropped.has(x) && !whyUnits.has(x.trigger) && biopsyGroup(x.family) === biopsyGroup(b.family);
      // "… on the scalp, for cryotherapy today" and "Cryotherapy … on the scalp vertex": one place named at two levels.
      const same = (x: Site | undefined) =>
        !here?.key ||
        !x?.key ||
        x.key === here.key ||
        sameOrInside(x, here) ||
        sameOrInside(here, x) ||
        siteInfo(x.key)?.region === here.key ||
        siteInfo(here.key)?.region === x.key;
      if (blocks.some((x) => told(x) && same(at(x)))) return false;
      b.why = true;
    }
    // "Punch biopsy x2, L forearm." then "A. … proximal" / "B. … distal": the counted header with a site is
    // the summary of the labeled items below it, which take its site when they name none.
    // "… four shave biopsies were taken …, each in its own jar" over a table of four jars: a count in words is one too.
    const inWords =
      /\b(two|three|four|five|six|seven|eight|nine|[2-9])\s+(?:[\w()-]+\s+){0,2}?(?:biopsies|bxs|punches|shaves|excisions|sites|lesions|tumou?rs)\b/i.exec(
        b.trigger.text,
      );
    const counted = /(?:\bx|×)\s*([2-9])\b/i.exec(b.trigger.text) ?? inWords;
    // A diagnosis field under the header ("Pre-op diagnosis: BCC R back; nevus L arm") summarises the items too.
    // Consent, prep and anesthesia lines under a title ("PROCEDURE NOTE - EXCISIONS x3") are no lines of its own either.
    const own = b.units.filter((u) => !(u.field && isDxField(u.field)) && !whyUnits.has(u) && !isBoilerplate(u) && /[a-z0-9]/i.test(u.text)).length;
    // With the count in words, the header's other lines (hemostasis, the table's column names) name no procedure.
    const ownProcedures = inWords ? b.units.filter((u) => !whyUnits.has(u) && unitTriggers(u).length > 0).length : own;
    if (!b.parent && !b.label && (own === 1 || ownProcedures === 1) && counted) {
      const n = WORD_COUNT[(counted[1] as string).toLowerCase()] ?? Number(counted[1]);
      const group = (f: Family) => (f === 'biopsy' || f === 'shave' || f === 'punch' ? 'biopsy' : f);
      // Skip the header's own closure ("Procedure(s): Excision x2 with intermediate layered repair") and the items' closures.
      const items = blocks
        .slice(k + 1)
        .filter((x) => !x.parent)
        .slice(0, n)
        // Labeled items, or bullets on lines of their own ("- 4 mm punch, lesional, L flank, for H&E (A)").
        .filter((x) => (x.label || (x.trigger.bullet && x.trigger.lineStart)) && group(x.family) === group(b.family));
      if (items.length === n) {
        for (const x of items) if (!x.site && b.site) x.site = b.site;
        // "EXCISIONS x3 (all biopsy proven, bx 10/28/2026)": what the header says of all its items is each item's context.
        // So is its intent, for a bare "shave" row ("Shave biopsies of two lesions:" over "… | tangential shave | A").
        // A bare shave counted by a biopsy lead ("Biopsies of two lesions, as below.") is one of those biopsies (as under a
        // "Biopsies x2:" header).
        for (const x of items) {
          if ((x.family === 'shave' || priorMalignantBiopsyIn(b.trigger.text)) && !x.context.includes(b.trigger)) x.context.unshift(b.trigger);
          if (x.family === 'shave' && b.family === 'biopsy') x.listOf ??= b;
        }
        // "Preoperative diagnosis: Biopsy-proven basal cell carcinoma x2" over "Procedure: Excision …, 2 sites": the
        // diagnosis line the header took is its items' too.
        const dxLines = b.context.filter((c) => c.field !== undefined && isDxField(c.field));
        for (const x of items) if (!x.context.some((c) => c.field !== undefined && isDxField(c.field))) x.context.unshift(...dxLines);
        // The header's closure goes with it only when the items tell a closure of the same kind themselves.
        const closures = blocks.filter((x) => x.parent === b);
        if (closures.every((c) => blocks.some((x) => x.parent && items.includes(x.parent) && x.family === c.family))) dropped.add(b);
        return false;
      }
    }
    // "Biopsies of the vulva today:" then "1) … punch …", "2) … shave …": the header is the summary of its items. A label
    // it took from a line before its own ("1. Irritated SKs, trunk" in the assessment) does not make it an item.
    // The table's row of column names ("| Spec | Position | Technique |") under the intro adds nothing of its own.
    const columnNames = (u: Unit) => u.text.includes('|') && !/\d/.test(u.text) && unitTriggers(u).length === 0;
    if (
      !b.parent &&
      (!b.label || (!b.trigger.label && b.trigger.lineStart)) &&
      substantive(b) - b.units.filter(columnNames).length === 1 &&
      blocks.some((x) => x.listOf === b)
    ) {
      for (const x of blocks) if (x.listOf === b && !x.site && b.site) x.site = b.site;
      return false;
    }
    // "Full-thickness elliptical excision to the subcutaneous fat." or "Cryotherapy: liquid nitrogen, 2 freeze-thaw cycles." in
    // the narrative under the fields or rows that told those procedures: how they were done (no site, size, lesion or label of
    // its own), not one more of them.
    const kind = (f: Family) => (f === 'shave' || f === 'punch' ? 'biopsy' : f);
    if (
      /^(?:excision|destruction|biopsy|shave|punch)$/.test(b.family) &&
      !b.parent &&
      !b.label &&
      !b.site &&
      !blocks.some((x) => x.parent === b) &&
      !b.units.some((u) => findSizes(u.text).length > 0 || matchSite(u.text) || lesionTypeOf(u.text)) &&
      blocks.slice(0, k).some((x) => !x.parent && !dropped.has(x) && x.section === b.section && x.family === b.family && x.site)
    )
      return false;
    // "Shave removals and a biopsy." over the table rows that tell them: a lead sentence naming its kinds (one in the plural),
    // with no site, size or label and no procedure line of its own, is their summary, not one more procedure.
    if (
      !b.parent &&
      !b.label &&
      !b.site &&
      /\b(?:biopsies|removals|excisions|shaves|punches|destructions)\b/i.test(b.trigger.text) &&
      !b.units.some((u) => findSizes(u.text).length > 0 || matchSite(u.text) || (u !== b.trigger && !isBoilerplate(u) && unitTriggers(u).length > 0)) &&
      blocks.slice(k + 1).some((x) => !x.parent && x.section === b.section && kind(x.family) === kind(b.family))
    ) {
      // A bare "Shave" row under it takes the lead's words for its intent ("Shave removals …": removals).
      for (const x of blocks.slice(k + 1)) if (x.family === 'shave' && x.section === b.section && !x.context.includes(b.trigger)) x.context.unshift(b.trigger);
      dropped.add(b);
      return false;
    }
    // "PROCEDURE NOTE - CRYOSURGERY AND BIOPSY" over the lines that tell each: a title naming several procedures, with no
    // number and nothing else on its line, heads the procedures of its kinds told below it, not more of them.
    if (
      !b.parent &&
      !b.label &&
      b.split &&
      b.trigger.lineStart &&
      (TEMPLATE_TITLE.test(b.trigger.text) || PROCEDURE_NOTE_TITLE.test(b.trigger.text)) &&
      !/[\d.,;()]/.test(b.trigger.text) &&
      b.units.every((u) => u === b.trigger || whyUnits.has(u) || isBoilerplate(u) || !/[a-z0-9]/i.test(u.text)) &&
      blocks.slice(k + 1).some((x) => !x.parent && x.section === b.section && kind(x.family) === kind(b.family) && x.trigger !== b.trigger)
    ) {
      dropped.add(b);
      return false;
    }
    // "EXCISION DAY" / "Excisions today" over "A) …", "B) …" items: a title line that names no site and no size is
    // the heading of the labelled procedures of its kind below it, not a procedure of its own.
    if (
      !b.parent &&
      !b.label &&
      !b.site &&
      b.trigger.lineStart &&
      b.trigger.text.trim().length < 40 &&
      !/[\d.,;()]/.test(b.trigger.text) &&
      !b.units.some((u) => findSizes(u.text).length > 0 || matchSite(u.text)) &&
      blocks.slice(k + 1).some((x) => !x.parent && x.label && x.family === b.family)
    ) {
      dropped.add(b);
      return false;
    }
    if (b.parent || b.label || b.site || substantive(b) > 1) return true;
    if (!next?.label) return true;
    const group = (f: Family) => (f === 'biopsy' || f === 'shave' || f === 'punch' ? 'biopsy' : f);
    // "… ED&C, three biopsy-proven nonmelanoma skin cancers (…)" over "Lesion 1: …" lines is a count header too.
    const header =
      /:\s*$|\bx\s*\d|\b\d+\s*(?:biops|lesions|sites)|\b(?:biopsies|procedures)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,3}?(?:lesions|sites|cancers|carcinomas|tumou?rs|bccs|sccs|nmscs)\b/i.test(
        b.trigger.text,
      ) || b.trigger.text.trim().length < 30;
    return !(header && group(next.family) === group(b.family));
  });
}

/**
 * "Repair for #2: layered closure …, 2.0 cm" after the lesions' list: a closure naming another item's label belongs to
 * that item, not to the last removal before it; it takes that item's site unless it names one. A table row labelled by
 * its jar ("| 3 | L upper back | excision | C |") is named by either label: the closure then takes the row's own.
 */
function closuresByLabel(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.family !== 'repair' || !b.label || b.labelKind === 'specimen') continue;
    if (b.parent && (b.parent.label === b.label || b.parent.altLabel === b.label)) {
      if (b.parent.label && b.label !== b.parent.label) b.label = b.parent.label;
      continue;
    }
    const named = blocks.filter((x) => x !== b && !x.parent && x.family !== 'repair' && (x.label === b.label || x.altLabel === b.label));
    const item = named.length === 1 ? named[0] : undefined;
    if (!item?.label) continue;
    b.label = item.label;
    if (item.labelKind) b.labelKind = item.labelKind;
    if (!b.parent) continue;
    b.parent = item;
    if (!siteOfUnits([b.trigger])) b.site = item.site;
  }
}

// "site 2 sent (spec A)", "#1 → jar B", "lesion 3 = specimen C"; and the other way round, "spec A = site 2".
const SITE_TO_SPECIMEN =
  /\b(?:site|lesion|les|#)\s*(?:#\s*)?(\d{1,2}|[A-H])\b(?!\s*(?:mm|cm))[^.;\n()]{0,25}?[(\s,:=>→-]\s*(?:spec(?:imen)?|jar|container|bottle)\s*(?:#\s*)?([A-Z]\d?)\b(?![a-z])/gi;
const SITES_TO_SPECIMENS =
  /\b(?:sites?|lesions?|#)\s*(\d{1,2}(?:\s*(?:\/|,|and|&)\s*\d{1,2})+)\b[^.;\n]{0,40}?\b(?:spec(?:imen)?s?|jars?|containers?)\s*([A-H](?:\s*(?:\/|,|and|&)\s*[A-H])+)\b(?![a-z])/i;
const SPECIMEN_TO_SITE =
  /\b(?:spec(?:imen)?|jar|container|bottle)\s*(?:#\s*)?([A-Z]\d?)\s*(?:=|:|->|→|is|from)\s*(?:site|lesion|#)\s*(?:#\s*)?(\d{1,2}|[A-H])\b(?![a-z])/gi;

/**
 * A separate line that says which numbered site went into which jar ("Path: site 2 sent (spec A)") gives
 * that site's procedure its specimen letter; the line is not a fact of the procedure it happens to follow.
 */
function mapSpecimens(units: Unit[], blocks: Block[]): void {
  for (const u of units) {
    if (!/\b(?:spec|jar|container|bottle)/i.test(u.text)) continue;
    const pairs: [string, string][] = [];
    for (const m of u.text.matchAll(SITE_TO_SPECIMEN)) if (m[1] && m[2] && /^[A-Z]/.test(m[2])) pairs.push([m[1].toUpperCase(), m[2]]);
    for (const m of u.text.matchAll(SPECIMEN_TO_SITE)) if (m[1] && m[2] && /^[A-Z]/.test(m[1])) pairs.push([m[2].toUpperCase(), m[1]]);
    // "Sites 1/2 sent to path as spec A/B": two lists paired in order.
    const lists = SITES_TO_SPECIMENS.exec(u.text);
    if (lists?.[1] && lists[2]) {
      const sites = lists[1].split(/\s*(?:\/|,|and|&)\s*/);
      const jars = lists[2].split(/\s*(?:\/|,|and|&)\s*/);
      if (sites.length === jars.length && jars.every((j) => /^[A-H]$/.test(j)))
        sites.forEach((site, k) => {
          pairs.push([site.toUpperCase(), jars[k] as string]);
        });
    }
    const targets = new Set<Block>();
    for (const [lesion, specimen] of pairs) {
      if (lesion === specimen) continue;
      const target = blocks.find((b) => !b.parent && b.label === lesion && b.labelKind !== 'specimen' && b.trigger !== u);
      if (!target) continue;
      target.mappedSpecimen = specimen;
      targets.add(target);
    }
    if (targets.size === 0) continue;
    for (const b of blocks) if (!targets.has(b) && b.trigger !== u && b.units.includes(u)) b.units = b.units.filter((x) => x !== u);
  }
}

/** A nail block, then a unit telling the other nail service (surgery vs routine care of nails): another procedure. */
function otherNailService(base: Block, family: Family, segText: string): boolean {
  if (base.family !== 'nail' || (family !== 'nail' && family !== 'debridement')) return false;
  const next = nailServiceOf(segText);
  const was = nailServiceOf(base.units.map((x) => x.text).join('\n'));
  return next !== undefined && was !== undefined && next !== was;
}

/** A heading for a later day: "Next visit (scheduled 12/09):", "At next appt:", "Later / spring:", "Future:", "To do next time:". */
const LATER_HEADING =
  /^[\s\-*•]*(?:next\s+(?:visit|appt\.?|appointment|time|session)|at\s+(?:the\s+)?next\s+(?:visit|appt\.?|appointment)|later|future|upcoming|to\s+do\s+next(?:\s+(?:visit|time))?|(?:planned|scheduled)\s+(?:for\s+)?(?:next|later|future)|at\s+follow[- ]?up)\b[^:\n]{0,40}:\s*$/i;

/** "Right helix lesion, concerning for …", "L cheek papule - suspicious for BCC": a lesion and its impression open the line. */
const IMPRESSION_LEAD =
  /^[^.;:]{0,60}?\b(?:lesion|papule|nodule|plaque|growth|spot|mole|macule|patch)\b[^.;:]{0,20}?(?:,|\s[-–—])?\s*(?:concerning|suspicious|suspect|worrisome|r\/o|rule\s+out|ddx|likely|c\/w|consistent\s+with)\b/i;

/** Surgery on the nail plate or matrix, or routine care of nails (debridement, trimming); undefined when neither or both. */
function nailServiceOf(text: string): 'surgery' | 'care' | undefined {
  const surgery = /avuls|matri[xc]ectomy|nail\s+excision|excision\s+of\s+(?:the\s+)?nail/i.test(text);
  // "debrided the nail bed", "nail fold debrided": a step of the surgery, not care of other nails.
  const care = /debrid|trimm|clipp|\bburr\b|grind/i.test(text) && !/\b(?:bed|matrix|folds?|granulation|plate)\b/i.test(text);
  return surgery === care ? undefined : surgery ? 'surgery' : 'care';
}

/** The lesion class a destruction names: by lesion type, else by the template's class word ("Destruction - Benign"). */
function destructionClassOf(text: string): string | undefined {
  return (
    destructionKindOf(lesionTypeOf(text)) ??
    (/\bpre-?malignant|\bpre-?cancer/i.test(text)
      ? 'destruction-premalignant'
      : /\bbenign\b/i.test(text)
        ? 'destruction-benign'
        : /\bmalignan/i.test(text)
          ? 'destruction-malignant'
          : undefined)
  );
}

function withoutDxFields(units: Unit[]): string {
  return units
    .filter((u) => !isBoilerplate(u) && !(u.field && isDxField(u.field)))
    .map((u) => u.text)
    .join('\n');
}

/**
 * "Indication: bx-proven SCCis x1, BCC x1" over "#1 Nasal dorsum - 0.6 cm BCC." and "#2 L dorsal hand - 1.0 cm SCCis.": of a
 * diagnosis line naming several kinds of lesion, the numbered item's own line names which one this procedure treats.
 */
function itemDxOf(b: Block, dx: string | undefined): string | undefined {
  if (!dx) return undefined;
  // (Typed in lower case, "#1 nasal dorsum - 0.6 cm bcc. excised …" is one unit: the item line is the trigger's own.)
  const head =
    b.trigger.label && b.trigger.lineStart ? b.trigger : [...b.context].reverse().find((u) => u.label && u.lineStart && !(u.field && isDxField(u.field)));
  const type = head ? lesionTypeOf(head.text) : undefined;
  if (!head || !type || type === lesionTypeOf(dx)) return undefined;
  // Two diagnoses of the list, each whole in its own part: "Seborrheic keratoses, irritated, L shoulder" is one diagnosis
  // in parts (its reading, an inflamed SK, is no part's alone).
  const types = dx.split(/[;,]|\s+and\s+/i).map((part) => lesionTypeOf(part));
  return types.includes(type) && types.includes(lesionTypeOf(dx)) ? head.text.trim().slice(0, 200) : undefined;
}

/** Of a list of diagnoses ("AKs, r/o BCC L nasal ala, SKs"), the one part naming the site; undefined otherwise. */
function siteDxPart(dx: string | undefined, key: string | undefined): string | undefined {
  if (!dx || !key || !/[,;]|\sand\s/i.test(dx)) return undefined;
  // Only a real list of diagnoses: "biopsy-proven BCC, nodular, R nasal ala" is one diagnosis written in parts.
  // "biopsy-proven BCC, R upper back; dysplastic nevus, L forearm": semicolons part the items, commas their words.
  const bySemicolon = dx.split(/;\s*/);
  let parts = bySemicolon.length > 1 && bySemicolon.every(dxLike) ? bySemicolon : dx.split(/[;,]\s*/);
  // "nodular BCC of the R nasal tip (C44.311) and SCC in situ of the L dorsal hand (D04.62)": two diagnoses joined by "and".
  if (!twoDxLike(joinSiteOf(parts))) parts = dx.split(/\s+and\s+/i);
  parts = joinSiteOf(parts);
  if (!twoDxLike(parts)) return undefined;
  const here = parts.filter((part) => findSites(part, { strict: true }).some((m) => m.site.key === key));
  return here.length === 1 && here[0] && dxLike(here[0]) ? here[0].trim() : undefined;
}

/** Of a sentence that adds another lesion with "also"/"plus", the one part naming the site `key`. */
function alsoPart(text: string, key: string | undefined): string | undefined {
  if (!key || !/\b(?:also|plus|in\s+addition)\b/i.test(text)) return undefined;
  const parts = text.split(/[,;]?\s+(?:also|plus|in\s+addition)\b/i);
  if (parts.length < 2) return undefined;
  const here = parts.filter((part) => findSites(part, { strict: true }).some((m) => m.site.key === key));
  return here.length === 1 ? here[0]?.trim() || undefined : undefined;
}

const DX_WORDS = /\b(?:r\/o|rule\s+out|vs\.?|ddx|nev(?:us|i)|keratos[ie]s|carcinoma|bcc|scc|melanoma|cyst|wart|aks?|sks?)\b/i;
const dxLike = (t: string) => lesionTypeOf(t) !== undefined || DX_WORDS.test(t);

/** At least two parts name a diagnosis: the parts after the second are never read (a long context has many). */
/**
 * "Pilar cyst, occipital scalp (L72.11) - 1.0 cm firm mobile cyst": a diagnosis part naming no site, followed by the
 * part naming its site and no other kind of lesion, is one diagnosis written in two parts.
 */
function joinSiteOf(parts: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    const next = parts[k + 1];
    if (next !== undefined && dxLike(part) && !matchSite(part) && matchSite(next)) {
      const type = lesionTypeOf(next);
      if (type === undefined ? !dxLike(next) : type === lesionTypeOf(part)) {
        out.push(`${part}, ${next}`);
        k++;
        continue;
      }
    }
    out.push(part);
  }
  return out;
}

function twoDxLike(parts: string[]): boolean {
  let n = 0;
  for (const part of parts) if (dxLike(part) && ++n >= 2) return true;
  return false;
}

/** Families whose procedure leaves tissue for pathology, and ones that never do. */
const TISSUE = new Set<Family>(['biopsy', 'punch', 'shave', 'excision']);
const NO_TISSUE = new Set<Family>(['ilk', 'injection', 'destruction']);
/** "Specimen to path (A)", "specimen sent to in-house lab": where the tissue went. */
const SPECIMEN_SENT = /\b(?:specimens?|spec)\b[^.;\n]{0,40}\b(?:path\w*|derm\s*path\w*|dermatopath\w*|lab|sent|submitted)\b/i;

function biopsyGroup(f: Family): Family {
  return f === 'biopsy' || f === 'shave' || f === 'punch' ? 'biopsy' : f;
}

/** "bx x2: L forearm (A), R thigh (B)": one block per labeled site, sharing the procedure words. */
function enumerate(block: Block, u: Unit, seg: { start: number; end: number }): Block[] {
  // "ED&C x2: L shoulder 0.9 cm sBCC; R upper back 1.4 cm sBCC": destructions of several lesions listed on one line too.
  const listed = block.family === 'destruction' ? semicolonItems(block, u, u.text.slice(seg.start, seg.end), seg) : [];
  if (listed.length >= 2) {
    const [first, ...rest] = listed as [NonNullable<Block['enumerated']>, ...NonNullable<Block['enumerated']>[]];
    block.enumerated = first;
    block.site = first.site;
    return rest.map((item) => ({ ...block, units: block.units, enumerated: item, site: item.site }));
  }
  if (!['biopsy', 'shave', 'punch', 'excision'].includes(block.family)) return [];
  const text = u.text.slice(seg.start, seg.end);
  const items: { label: string; site: Site; start: number; end: number }[] = [];
  const found = findSites(text, { strict: false });
  found.forEach((m, k) => {
    // "R forearm (A)", or the site's own technique words first: "R forearm 4mm punch (A) and L shin shave (B)".
    const stop = Math.min(found[k + 1]?.start ?? text.length, m.end + 60);
    // "R shoulder … (shave, A)": the jar may close a bracket that names the technique first.
    const after =
      /^\s*\(([A-H]|\d{1,2})\)/.exec(text.slice(m.end, m.end + 8)) ?? /^[^();,]{0,45}?\s\((?:[a-z][a-z0-9 ]{1,20},\s*)?([A-H])\)/.exec(text.slice(m.end, stop));
    if (after?.[1])
      items.push({ label: after[1].toUpperCase(), site: m.site, start: u.start + seg.start + m.start, end: u.start + seg.start + m.end + after[0].length });
  });
  // "R shin lesion (shave), L thigh lesion (punch 3mm) - A/B respectively": sites, then their jars in order.
  // The word itself is looked for first: the letter-list pattern would otherwise be tried at every capital A-H.
  const respectively =
    items.length < 2 && text.includes('respectively') ? /\b([A-H](?:\s*(?:\/|,|and|&)\s*[A-H])+)\s*(?:,\s*)?respectively\b/.exec(text) : null;
  if (respectively?.[1]) {
    const letters = respectively[1].split(/\s*(?:\/|,|and|&)\s*/);
    const sites = findSites(text.slice(0, respectively.index), { strict: true });
    if (sites.length === letters.length)
      items.splice(
        0,
        items.length,
        ...sites.map((m, k) => ({
          label: letters[k] as string,
          site: m.site,
          start: u.start + seg.start + m.start,
          end: u.start + seg.start + (sites[k + 1]?.start ?? respectively.index),
        })),
      );
  }
  if (items.length < 2) items.splice(0, items.length, ...countedItems(block, u, text, seg));
  if (items.length < 2) items.splice(0, items.length, ...semicolonItems(block, u, text, seg));
  // An excision's sites are listed items only when a count of lesions names as many ("Excision of 2 cysts: R upper back
  // (…) and L upper back (…)"): "excision … R forearm, closure … L forearm donor" names one lesion.
  if (items.length < 2) items.splice(0, items.length, ...countedSiteItems(u, text, seg, block.family === 'excision'));
  if (items.length < 2 || new Set(items.map((i) => i.label)).size !== items.length) return [];
  const [first, ...rest] = items as [(typeof items)[0], ...typeof items];
  block.enumerated = first;
  block.site = first.site;
  return rest.map((item) => ({ ...block, units: block.units, enumerated: item, site: item.site }));
}

/**
 * "Punch biopsies x2: R arm and L arm", "2 punch bx (R arm, L arm)", "Punch biopsy of R arm and L arm": one biopsy
 * per site when the count (or the plural, or the two sides) matches the sites named. No jar letters: the lesions
 * are numbered by the parser.
 */
function countedSiteItems(u: Unit, text: string, seg: { start: number; end: number }, lesionCountOnly = false): NonNullable<Block['enumerated']>[] {
  // "1. Rash - punch bx x2 sites: L cheek and R cheek": an item's own number is no sentence end (blanked, offsets kept).
  const sentence = text.replace(/^\s*\d{1,2}[.)]\s/, (n) => ' '.repeat(n.length)).split(/\.\s/)[0] ?? text;
  const sites = findSites(sentence, { strict: true });
  const pair = sites.length === 1 ? bothSides(sentence, sites[0] as SiteMatch) : undefined;
  if (pair) sites.splice(0, 1, ...pair);
  if (sites.length < 2 || sites.length > 6) return [];
  const keys = new Set(sites.map((m) => `${m.site.key}|${m.site.laterality ?? ''}`));
  if (keys.size !== sites.length) return [];
  // "shave removal of 3 nevi (L cheek 4 mm, R chin 3 mm, forehead 5 mm)", "Excision of 2 cysts: R upper back (…) and …":
  // the lesions counted, then listed by site.
  const lesions =
    /\b([2-6]|two|three|four|five|six)\s+(?:[a-z]+\s+)?(?:nevi|moles|lesions|sks|seborrheic\s+keratoses|skin\s+tags|cysts|lipomas|papules|growths|spots)\s*[(:]/i.exec(
      sentence,
    )?.[1];
  if (lesionCountOnly && !lesions) return [];
  const counted =
    lesions ??
    /\b(?:biops(?:ies|y)|bxs?|punch(?:es)?|shaves?)\s*(?:x|×)\s*([2-6])\b(?!\s*(?:mm|cm|cycles?))/i.exec(sentence)?.[1] ??
    /\b([2-6]|two|three|four|five|six)\s+(?:\d\s*mm\s+)?(?:punch\s+|shave\s+|tangential\s+)?(?:biopsies|bxs?)\b/i.exec(sentence)?.[1];
  const n = counted ? (wordNumber(counted) ?? 0) : 0;
  // "Biopsy bilateral upper arms - punch 4 mm each side": one on each side is two.
  const plural = /\bbiopsies\b|\bbxs\b|\beach\s+side\b|\bone\s+(?:on\s+)?each\s+side\b/i.test(sentence);
  const sides = sites.length === 2 && sites[0]?.site.laterality && sites[1]?.site.laterality && sites[0].site.laterality !== sites[1].site.laterality;
  if (n ? n !== sites.length : !plural && (!sides || pair)) return [];
  // The sites must be a list ("R arm and L arm", "R arm, L arm"), not a site and a place named later in prose.
  for (let k = 1; k < sites.length && !pair; k++) {
    const between = sentence.slice((sites[k - 1] as SiteMatch).end, (sites[k] as SiteMatch).start);
    if (!/^\s*(?:\d+(?:\.\d+)?\s*(?:mm|cm)\s*)?(?:\([^)]{0,30}\))?\s*(?:,|;|\/|&|and|\+)\s*(?:and\s+)?(?:the\s+|of\s+the\s+)?$/i.test(between)) return [];
  }
  const start = u.start + seg.start;
  return sites.map((m, k) => {
    // "R chin 3 mm": a size right after the site is that lesion's.
    const size = findSizes(sentence.slice(m.end, sites[k + 1]?.start ?? sentence.length))[0];
    return {
      label: `#${k + 1}`,
      site: m.site,
      start: start + m.start,
      end: start + (sites[k + 1]?.start ?? sentence.length),
      unlabeled: true,
      ...(size && size.start <= 2 ? { sizeCm: greatest(size) } : {}),
    };
  });
}

const WORD_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** Plural lesion words (or "each"/"both") of a sentence that lists its lesions by site; the same words in the singular. */
const PLURAL_LESIONS = /\b(?:keloids|lesions|cysts|scars|plaques|nodules|papules|patches|areas|sites|each|both)\b/i;
const ONE_LESION = /\b(?:keloid|lesion|cyst|scar|plaque|nodule|papule|patch)\b/i;
const HISTORY_WORDS = /\b(?:hx|history|previously|prior|last\s+(?:visit|time))\b/i;

/**
 * "Keloids of the R earlobe and mid chest", "keloids, R and L earlobes": the number of distinct sites named in the sentences
 * that speak of several lesions (fewer than two is no count); "the keloid on the R earlobe", one site and no plural, is one.
 */
function lesionsNamedBySite(text: string): number | undefined {
  const keys = new Set<string>();
  let plural = false;
  for (const sentence of text.split(/(?<=[.;])\s+|\n/)) {
    if (HISTORY_WORDS.test(sentence)) continue;
    const several = PLURAL_LESIONS.test(sentence);
    plural ||= several;
    if (!several && !ONE_LESION.test(sentence)) continue;
    for (const m of unsparedSites(sentence)) {
      for (const x of bothSides(sentence, m) ?? [m]) keys.add(`${x.site.key ?? x.site.text.toLowerCase()}|${x.site.laterality ?? ''}`);
    }
  }
  if (keys.size >= 2 && plural) return keys.size;
  return keys.size === 1 && !plural ? 1 : undefined;
}

/** "R and …" right before a site that names the other side: "R and L upper arm". */
const SIDE_AND = /\b(?:r|rt|right|l|lt|left)\.?\s*(?:and|&|\/)\s*$/i;

/** "R and L upper arm", "bilateral forearms": one site named for both sides is a right and a left site. */
function bothSides(sentence: string, m: SiteMatch): SiteMatch[] | undefined {
  const before = sentence.slice(Math.max(0, m.start - 16), m.start);
  const joined = m.site.laterality === 'bilateral' ? null : SIDE_AND.exec(before);
  if (!joined && m.site.laterality !== 'bilateral') return undefined;
  const start = joined ? m.start - before.length + joined.index : m.start;
  const side = (laterality: 'right' | 'left'): SiteMatch => ({ ...m, start, site: { ...m.site, laterality } });
  return [side('right'), { ...side('left'), start: m.end }];
}

const COUNT_WORDS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };

/**
 * "Shave removal x2: R temple 7mm ISK, irritated; L neck 4 mm ISK, catches on collar": a counted procedure whose
 * items follow on the same line, one site each, parted by semicolons. The items name no jar: they are lesions only.
 */
function semicolonItems(block: Block, u: Unit, text: string, seg: { start: number; end: number }): NonNullable<Block['enumerated']>[] {
  const colon = text.indexOf(':');
  // "ED&C of two bx-proven sBCCs on the back: L upper back 0.8 cm and R lower back 1.2 cm": a count word before the
  // colon and items joined by "and" are such a list too.
  const counted = colon > 0 ? /\b(two|three|four|[2-4])\b(?!\s*(?:mm|cm|x\b|cycles?))/i.exec(text.slice(0, colon))?.[1]?.toLowerCase() : undefined;
  const n =
    Number(/\bx\s*([2-6])\b(?!\s*(?:cycles?|ftc|freeze|passes|pass|sec|seconds|min))/i.exec(block.trigger.text)?.[1] ?? 0) ||
    (counted ? (COUNT_WORDS[counted] ?? 0) : 0);
  const separator = text.includes(';') ? /;/g : counted ? /,\s*and\s+|,\s+|\s+and\s+/g : undefined;
  if (n < 2 || colon < 0 || !separator) return [];
  // The list ends with its sentence ("… mid back 1.2 cm. All bleeding and catching on clothing.").
  const stop = text.slice(colon + 1).search(/\.\s+[A-Z]/);
  const listEnd = stop < 0 ? text.length : colon + 1 + stop;
  const parts: { from: number; to: number }[] = [];
  let from = colon + 1;
  for (const m of text.slice(from, listEnd).matchAll(separator)) {
    parts.push({ from, to: colon + 1 + (m.index ?? 0) });
    from = colon + 1 + (m.index ?? 0) + m[0].length;
  }
  parts.push({ from, to: listEnd });
  if (parts.length !== n) return [];
  const items: NonNullable<Block['enumerated']>[] = [];
  for (const [k, part] of parts.entries()) {
    const piece = text.slice(part.from, part.to);
    const site = pickSite(findSites(piece, { strict: true }))?.site;
    if (!site) return [];
    const item: NonNullable<Block['enumerated']> = {
      label: `#${k + 1}`,
      site,
      start: u.start + seg.start + part.from,
      end: u.start + seg.start + part.to,
      unlabeled: true,
    };
    const sizes = findSizes(piece);
    if (sizes.length === 1 && sizes[0]) item.sizeCm = greatest(sizes[0]);
    // "LN2 x2: R cheek 3 AKs; scalp 4 AKs": each part counts its own lesions.
    const count = findCount(piece);
    if (count !== undefined) item.count = count;
    items.push(item);
  }
  return items;
}

/**
 * "Two 4 mm punch biopsies of the vertex scalp (A: horizontal; B: vertical)", "Both were removed by
 * shave … as specimens A and B": a counted procedure with as many specimen letters is that many
 * procedures. Sites come from the sentence, else from the context in order, else are shared.
 */
function countedItems(block: Block, u: Unit, text: string, seg: { start: number; end: number }): NonNullable<Block['enumerated']>[] {
  const back = backReferencedItems(block, u, text, seg);
  if (back.length > 0) return back;
  const count =
    /\b(two|three|four|both|[234])\b[^.;]{0,40}?\b(?:biops(?:ies|y)|bxs|removals?|shaves|excisions|lesions|growths|papules|plaques|nodules|were\s+(?:removed|biopsied|excised|shaved))\b/i.exec(
      text,
    );
  const n = count?.[1] ? COUNT_WORDS[count[1].toLowerCase()] : undefined;
  if (!n) return [];
  const rest = u.text.slice(seg.start);
  // The jar letters stay capitals; the words around them may be in any case ("AS SPECIMENS A AND B").
  const labels = [
    ...new Set(
      [
        ...rest.matchAll(
          /(?:[(;,]\s*|\b(?:and|AND|And)\s+|\b(?:specimens?|SPECIMENS?|Specimens?)\s+)([A-H])\b(?=\s*(?::|\)|,|;|(?:and|AND)\b|\.|$)|\s+(?:to|for|sent|submitted|were|are)\b)/g,
        ),
      ].map((m) => m[1] as string),
    ),
  ];
  // "(specimens 3 and 4)": numbered jars, read only after the jar word (a bare "(2" may start a size).
  if (labels.length === 0) {
    const jars = /\b(?:specimens?|specs?|jars?)\s+#?(\d{1,2})((?:\s*(?:,|and|&)\s*#?\d{1,2})+)\b/i.exec(rest);
    if (jars?.[1] && jars[2]) labels.push(jars[1], ...[...jars[2].matchAll(/\d{1,2}/g)].map((m) => m[0]));
  }
  if (labels.length === 0) {
    const shared =
      pickSite(findSites(text, { strict: true }))?.site ?? block.site ?? pickSite(block.context.flatMap((c) => findSites(c.text, { strict: true })))?.site;
    const legend = sideLegendItems(text, shared, n, u.start + seg.start);
    if (legend.length > 0) return legend;
  }
  if (labels.length !== n) return [];
  const own = findSites(text, { strict: true });
  const fromContext = block.context.flatMap((c) => findSites(c.text, { strict: true }));
  const sites = own.length === n ? own.map((m) => m.site) : fromContext.length === n ? fromContext.map((m) => m.site) : undefined;
  const shared = pickSite(own)?.site ?? block.site ?? pickSite(fromContext)?.site;
  if (!sites && !shared) return [];
  const start = u.start + seg.start;
  // Sizes listed in the same order as the sites ("a 0.9 cm SK on the L back … and a 0.4 cm SK on the R neck").
  const sizes = block.context.flatMap((c) => findSizes(c.text)).map((s) => greatest(s));
  return labels.map((label, k) => {
    const item: { label: string; site: Site; start: number; end: number; sizeCm?: number } = {
      label,
      site: (sites?.[k] ?? shared) as Site,
      start,
      end: start + text.length,
    };
    if (sites && sizes.length === n && sizes[k] !== undefined) item.sizeCm = sizes[k];
    return item;
  });
}

/**
 * "Pigmented papules, bilateral upper arms … Shave biopsies of both (R = A, L = B).": the key gives each side its jar
 * (jar-key.ts), so the two biopsies are the right one in A and the left one in B at the site both share.
 */
function sideLegendItems(text: string, shared: Site | undefined, n: number, start: number): NonNullable<Block['enumerated']>[] {
  if (n !== 2 || !shared) return [];
  const key = jarKeys(text).find((k) => k.length === 2 && k.every((p) => sideOf(p.where)));
  if (!key) return [];
  if (shared.laterality && shared.laterality !== 'bilateral') {
    // "one from each shin (R = A, L = B)": the "(R" that opens the key is no side of the site before it.
    const bare = text.replace(/\([^()\n]*\)/g, (g) => (jarKeys(g).length > 0 ? ' '.repeat(g.length) : g));
    const site = pickSite(findSites(bare, { strict: true }))?.site;
    if (!site || (site.laterality && site.laterality !== 'bilateral')) return [];
    shared = site;
  }
  const [first, second] = key as [JarKeyPair, JarKeyPair];
  const a = sideOf(first.where) as 'right' | 'left';
  const b = sideOf(second.where) as 'right' | 'left';
  if (a === b) return [];
  const [jarA, jarB] = [first.label, second.label];
  return [
    { label: jarA, site: { ...shared, laterality: a }, start, end: start + text.length },
    { label: jarB, site: { ...shared, laterality: b }, start, end: start + text.length },
  ];
}

const BACK_COUNT: Record<string, number> = { both: 2, 'all two': 2, 'all three': 3, 'all four': 4, 'all 3': 3, 'all 4': 4 };

/**
 * "2 nevi on the back, 0.6 cm and 0.8 cm. Shave removal of both, sent to path.": a procedure done to "both",
 * "each" or "all three" of the lesions the sentence before counted is that many procedures, unlabeled, each
 * taking its size from that sentence when it gives one per lesion (sizes in the order the lesions are listed).
 */
function backReferencedItems(block: Block, u: Unit, text: string, seg: { start: number; end: number }): NonNullable<Block['enumerated']>[] {
  const m =
    /\b(?:removal|removed|remove|biops(?:y|ies|ied)|bx(?:'d)?|excised|excision|shaved?|shave\s+removal)\s+(?:of\s+)?(?:(both|each|all\s+(?:two|three|four|[234]))(?:\s+of\s+them)?|(?:them|these)\s+(both|all))\b|\b(both|each|all\s+(?:two|three|four|[234]))\s+(?:were\s+|was\s+)?(?:removed|biopsied|excised|shaved)\b/i.exec(
      text,
    );
  if (!m) return [];
  const word = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase().replace(/\s+/g, ' ');
  // The lesions counted in the context ("2 nevi", "three SKs"); "each" and "all" take that count, "both" must agree with it.
  const counted = block.context.map((c) => findCount(c.text)).find((x) => x !== undefined);
  const n = BACK_COUNT[word] ?? (word === 'each' || word === 'all' ? counted : undefined);
  if (!n || n < 2 || n > 4 || (counted !== undefined && counted !== n)) return [];
  // Jar letters given for the lesions are read by the labelled path, not here.
  if (/\b(?:specimens?|spec)\s+[A-H]\b|\([A-H]\)/.test(text)) return [];
  const own = findSites(text, { strict: true });
  const fromContext = block.context.flatMap((c) => findSites(c.text, { strict: true }));
  const sites = own.length === n ? own.map((x) => x.site) : fromContext.length === n ? fromContext.map((x) => x.site) : undefined;
  const shared = pickSite(own)?.site ?? block.site ?? pickSite(fromContext)?.site;
  if (!sites && !shared) return [];
  const legend = sideLegendItems(text, shared, n, u.start + seg.start);
  if (legend.length > 0) return legend;
  const ownSizes = findSizes(text).map((z) => greatest(z));
  const contextSizes = block.context.flatMap((c) => findSizes(c.text)).map((z) => greatest(z));
  const listed = [text, ...block.context.map((c) => c.text)].map(sizeList).find((x) => x.length === n);
  // The exam measured the lesions at this site; the plan only says "shave removal of both".
  const examined = shared?.key ? examSizeLines.filter((x) => x.key === shared.key && x.sizes.length === n) : [];
  const sizes =
    ownSizes.length === n ? ownSizes : contextSizes.length === n ? contextSizes : (listed ?? (examined.length === 1 ? examined[0]?.sizes : undefined));
  const start = u.start + seg.start;
  return Array.from({ length: n }, (_, k) => {
    const item: NonNullable<Block['enumerated']> = {
      label: `#${k + 1}`,
      site: (sites?.[k] ?? shared) as Site,
      start,
      end: start + text.length,
      unlabeled: true,
    };
    if (sizes?.[k] !== undefined) item.sizeCm = sizes[k];
    return item;
  });
}

// Also the title alone on its line (a card or section "Attending Attestation"), and the teaching physician's own opening
// words ("I saw and examined the patient with Dr. …", "I was present for the entire excision …").
const ATTESTATION_LINE =
  /^[ \t*#=_-]*(?:(?:(?:attending|teaching|supervising)(?:\s+physician)?\s+)?attestation(?:\s+statement)?\s*(?::|$)|I\s+(?:saw\s+and\s+(?:examined|evaluated)|was\s+present\s+for)\b)/i;
/** "x4", "(16 total)", "3 lesions": a count of lesions in an item of a list. */
const LESION_COUNT = /\bx\s*\d{1,2}\b|\(\s*\d{1,2}\s+total\s*\)|\b\d{1,2}\s+(?:lesions|aks|sks|warts)\b/i;
/** A list header that speaks of several lesions: "all sent to path:", "Shave removals of the following:". */
const SEVERAL_HEADER = /\b(?:all|each|both|following)\b|\b(?:removals|biopsies|bxs|shaves|excisions|lesions|nevi|sks|keratoses|tags|acrochordons|growths)\b/i;
/**
 * Where a block's context starts among the lines waiting before it: the last three, or, when they are label: value
 * fields, the whole run of fields right before it (up to eight lines), so "Site:" above "Diagnosis:", "Indication:" and
 * "Pre-op size:" is still the block's own ("TUMOR 2" / "Site: L dorsal forearm" / … / "Stage I: 6 blocks").
 */
function fieldRunStart(pending: readonly Unit[]): number {
  let k = Math.max(0, pending.length - 3);
  const field = (u: Unit | undefined) => u?.lineStart === true && u.field !== undefined;
  if (!field(pending[k])) return k;
  while (k > 0 && k > pending.length - 8 && field(pending[k - 1])) k--;
  return k;
}

// "Procedure 2:", "Procedure 2/2:", "Procedure 1 of 3 -", "Procedure 1 / Excision"; a procedure's own name numbered in its
// list ("-- Excision 2 of 2 --", "Biopsy #3:").
const NUMBERED_PROCEDURE =
  /^\s*(?:(?:procedure|proc|treatment|tx)\s*(?:#\s*)?\d{1,2}(?:\s*(?:\/|of)\s*\d{1,2})?|[-=*]*\s*(?:excision|biopsy|shave\s+removal|destruction|repair)\s*(?:#\s*\d{1,2}(?:\s*(?:\/|of)\s*\d{1,2})?|\d{1,2}\s*(?:\/|of)\s*\d{1,2}))\s*[:.)/–—-]/i;

/**
 * "O: R inframammary fold: 1.2 cm inflamed SK" then "A/P: ISK R inframammary fold - shave removal": a removal the plan
 * gives no size measures what the exam measured at that site and side, when the exam has one size there.
 */
function examSizeOf(kind: Procedure['kind'], site: Site | undefined): number | undefined {
  if ((kind !== 'shave-removal' && kind !== 'excision' && kind !== 'destruction-malignant') || !site?.key) return undefined;
  // "L malar cheek: 0.5 cm" in the exam, "L cheek" in the plan: one place named at two levels of detail.
  const seen = examSizeLines.filter(
    (x) => x.laterality === site.laterality && (x.key === site.key || partOfSite(x.key, site.key) || partOfSite(site.key, x.key)),
  );
  return seen.length === 1 && seen[0]?.sizes.length === 1 ? seen[0].sizes[0] : undefined;
}

/** "0.5, 0.7 and 1.1 cm": sizes listed with one unit at the end, in cm (empty when there is no such list). */
function sizeList(text: string): number[] {
  const m = /((?:\d{1,2}(?:\.\d{1,2})?\s*(?:,\s*and|,|and|\/)\s*){1,5}\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(text);
  if (!m?.[1] || !m[2]) return [];
  const toCm = m[2].toLowerCase() === 'mm' ? 0.1 : 1;
  return m[1]
    .split(/\s*(?:,\s*and|,|and|\/)\s*/i)
    .filter((x) => x.trim().length > 0)
    .map((x) => round(Number(x) * toCm));
}

/** A short parenthesis opening the text after a procedure's words: "(slow Mohs)", "(A)". */
const PAREN_ASIDE = /^[^\S\n]*\([^()\n]{1,40}\)/;

/**
 * The clause around a procedure word: between the nearest ".", ";", "(" or ")" on either side; words inside an open
 * parenthesis read with the clause before it.
 */
export function clauseAround(text: string, start: number, end: number): { clause: string; at: number } {
  const before = text.slice(Math.max(0, start - 200), start);
  let cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf(')'));
  // "Follow-up after Mohs of L nasal tip 11/10/2026 (bilobed flap repair)", "RTC 12/15 (Mohs)": words inside an open
  // parenthesis are an aside to the clause before it, which tells whether they are history, plans or today's work.
  if (cut >= 0 && before[cut] === '(') cut = Math.max(before.lastIndexOf('. ', cut), before.lastIndexOf(';', cut), before.lastIndexOf(')', cut));
  const raw = text.slice(end, end + 200);
  // "Staged excision (slow Mohs) will follow …": a parenthesis right after the procedure words names it again; the
  // clause goes on after it.
  const aside = PAREN_ASIDE.exec(raw)?.[0].length ?? 0;
  const after = raw.slice(aside);
  const stop = after.search(/\.\s|\.$|;|\(|\)/);
  const head = before.slice(cut + 1);
  // The aside's own words are blanked: "Shave bx (pt declined Mohs) …" is not declined.
  return { clause: `${head}${text.slice(start, end)}${' '.repeat(aside)}${stop < 0 ? after : after.slice(0, stop)}`, at: head.length };
}

function dedupeFamilies(triggers: Trigger[]): Trigger[] {
  const seen = new Set<Family>();
  return triggers.filter((t) => {
    if (seen.has(t.family)) return false;
    seen.add(t.family);
    return true;
  });
}

interface Segment {
  family: Family;
  start: number;
  end: number;
  /** Where the procedure word itself is, inside the unit. */
  at: number;
  generic: boolean;
}

/**
 * One unit may name several procedures ("LN2 to 8 AKs and 3 SKs", "ILK to keloid; LN2 to warts").
 * Different families, or destructions of different lesion classes, become separate segments cut
 * at the clause boundary before each one.
 */
function segmentsOf(u: Unit, primaries: Trigger[]): Segment[] {
  const text = u.text;
  const byFamily: Trigger[] = [];
  const cutAt = new Map<Trigger, number>();
  for (const t of primaries) {
    const last = byFamily[byFamily.length - 1];
    // "Excision via punch: …, 4 mm punch through the skin over the cyst": a punch with no biopsy word and no other site
    // after an excision is the excision's technique (a cyst delivered through a punch hole), not a punch biopsy.
    if (last?.family === 'excision' && t.family === 'punch' && punchTechnique(text, last, t)) continue;
    if (
      last &&
      (last.family === t.family || compatible(last.family, t.family, Boolean(t.generic)) || compatible(t.family, last.family, Boolean(last.generic)))
    ) {
      // The same procedure named again for another site ("punch biopsy of the L back … and a punch biopsy of the L thigh") is a second one.
      if (
        !t.generic &&
        !last.generic &&
        last.family === t.family &&
        ['biopsy', 'shave', 'punch', 'excision', 'mohs', 'destruction'].includes(t.family) &&
        /(?:,|;|\band\b|\bthen\b|\bnext\b|\balso\b)/i.test(text.slice(last.end, t.start))
      ) {
        const before = matchSite(text.slice(last.start, t.start));
        const after = matchSite(text.slice(t.start));
        if (before?.key && after?.key && (before.key !== after.key || before.laterality !== after.laterality)) {
          byFamily.push(t);
          continue;
        }
      }
      // "… on the R volar wrist were sampled with a punch biopsy, and then a separate plaque on the L lower back also got a
      // 4 mm punch …": a biopsy technique named again after a clause that opens on another site is another biopsy.
      // "Irritated SKs x3 on the back … treated with LN2; 4 more on the face treated … for cosmetic reasons, LN2.": so is a
      // destruction named again after a clause that opens on another site.
      const again =
        (biopsyGroup(last.family) === 'biopsy' && biopsyGroup(t.family) === 'biopsy') || (last.family === 'destruction' && t.family === 'destruction');
      if (!t.generic && !last.generic && again) {
        const gap = text.slice(last.end, t.start);
        const sep = /(?:[,;]\s*|\s)(?:and\s+)?(?:then|also|next|finally)\b|;\s*/i.exec(gap);
        const next = sep ? matchSite(gap.slice(sep.index)) : undefined;
        const was = next?.key ? matchSite(text.slice(Math.max(0, last.start - 160), last.end)) : undefined;
        if (sep && next?.key && was?.key && (next.key !== was.key || next.laterality !== was.laterality)) {
          byFamily.push(t);
          cutAt.set(t, last.end + sep.index + sep[0].length);
          continue;
        }
      }
      // "… L forearm, specimen A. Punch biopsy 4 mm L forearm, specimen B.": the same site, another specimen (or jar in
      // parentheses: "… L thigh (A). 4 mm punch bx L thigh, perilesional (B).").
      if (!t.generic && !last.generic && last.family === t.family && /[.,;]|\band\b|\bthen\b/i.test(text.slice(last.end, t.start))) {
        const before = specimenWordLabel(text.slice(last.start, t.start)) ?? PAREN_JAR.exec(text.slice(last.start, t.start))?.[1];
        const after = specimenWordLabel(text.slice(t.start)) ?? PAREN_JAR.exec(text.slice(t.start))?.[1];
        if (before && after && before !== after) {
          byFamily.push(t);
          continue;
        }
      }
      continue;
    }
    byFamily.push(t);
  }
  const cuts: { family: Family; at: number; word: number; generic: boolean }[] = byFamily.map((t, k) => ({
    family: t.family,
    at: k === 0 ? 0 : (cutAt.get(t) ?? clauseStart(text, t.start, byFamily[k - 1]?.end ?? 0)),
    word: t.start,
    generic: Boolean(t.generic),
  }));
  const segments: Segment[] = cuts.map((c, k) => ({ family: c.family, start: c.at, end: cuts[k + 1]?.at ?? text.length, at: c.word, generic: c.generic }));
  // Destruction of lesions in different classes (AK vs wart vs tag) → one segment per class.
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.family !== 'destruction' && s.family !== 'tag') {
      out.push(s);
      continue;
    }
    const slice = text.slice(s.start, s.end);
    const mentions = lesionTypeMentions(slice);
    const classes: { cls: string; at: number }[] = [];
    for (const m of mentions) {
      const cls = destructionKindOf(m.type) ?? 'other';
      if (cls === 'other') continue;
      if (!classes.some((c) => c.cls === cls)) classes.push({ cls, at: m.start });
    }
    if (classes.length <= 1) {
      out.push(s);
      continue;
    }
    let prev = s.start;
    classes.forEach((c, k) => {
      const at = k === 0 ? s.start : clauseStart(text, s.start + c.at, prev);
      if (k > 0) {
        const last = out[out.length - 1] as Segment;
        last.end = at;
      }
      out.push({ family: c.cls === 'skin-tag-removal' ? 'tag' : 'destruction', start: at, end: s.end, at: k === 0 ? s.at : s.start + c.at, generic: false });
      prev = at;
    });
  }
  return out;
}

/** The unit names a jar in parentheses other than the one the block already names. */
function otherJar(b: Block, u: Unit): boolean {
  const jar = PAREN_JAR.exec(u.text)?.[1];
  if (!jar) return false;
  const own = b.units.map((x) => PAREN_JAR.exec(x.text)?.[1]).find(Boolean);
  return own !== undefined && own !== jar;
}

/** The lone length on the short line a repair's wrapped line runs on to ("… 6-0" / "Prolene, 2.0 cm."). */
function runOnLengthCm(b: Block): number | undefined {
  const next = b.units[b.units.indexOf(b.trigger) + 1];
  if (!next?.lineStart || next.field || next.label || next.bullet || next.afterBlank || next.text.length > 60) return undefined;
  if (/[.;:!?)]\s*$/.test(b.trigger.text)) return undefined;
  return findLengthCm(next.text, true);
}

/** "about 24 AKs counted", "AKs x 22", ">20 actinic keratoses": the most AKs the text counts. */
function akCountIn(text: string): number | undefined {
  const found: number[] = [];
  for (const m of text.matchAll(
    /\b(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\s+(?:[a-z]+\s+){0,2}?(?:aks?|actinic\s+keratos[ie]s)\b|\b(?:aks?|actinic\s+keratos[ie]s)\s*(?:x|×|:|#|count(?:ed)?:?)\s*(\d{1,3})\b/gi,
  )) {
    const raw = m[1] ?? m[2] ?? '';
    const n = /^\d+$/.test(raw) ? Number(raw) : wordNumber(raw.toLowerCase());
    if (n !== undefined && n > 0) found.push(n);
  }
  return found.length > 0 ? Math.max(...found) : undefined;
}

/** "Site 1", "Tumor #2", "Lesion B": a numbered site, tumour or lesion a closure names. */
const SITE_REF = /\b(site|tumou?r|lesion)\s*(?:#\s*)?(\d{1,2}|[a-h])\b(?![\w/])/i;
/**
 * "Procedure 3 of 3 - Reconstruction, Site 1" over "Bilobed flap …" after the Mohs of site 2: the closure names the site it
 * closes, so it belongs to the procedure titled with that site, not to the one just before it.
 */
function referredPrimary(lead: string, prev: Unit | undefined, blocks: Block[]): Block | undefined {
  const titled = prev?.lineStart && findTriggers(prev.text).every((t) => isClosure(t.family)) ? prev.text : '';
  const ref = SITE_REF.exec(lead.split(/[.;]\s+/).pop() ?? lead) ?? SITE_REF.exec(titled);
  if (!ref?.[1] || !ref[2]) return undefined;
  const word = ref[1].toLowerCase().startsWith('tum') ? 'tumou?r' : ref[1].toLowerCase();
  const named = new RegExp(`\\b${word}\\s*#?\\s*${ref[2]}\\b(?![\\w/])`, 'i');
  const primaries = blocks.filter((x) => !x.parent && !isClosure(x.family));
  const byTitle = primaries.filter((x) => named.test(x.trigger.text));
  if (byTitle.length === 1) return byTitle[0];
  const byLines = primaries.filter((x) => x.units.some((y) => y !== prev && y.lineStart && named.test(y.text.slice(0, 60))));
  return byLines.length === 1 ? byLines[0] : undefined;
}

/**
 * "Tumor 1, L temple … Tumor 2, R nasal tip … The temple defect was closed with a layered repair": a closure naming, before
 * its own words, the site of another of today's removals closes that removal's defect, not the last one's.
 */
function closedRemoval(lead: string, last: Block | undefined, blocks: Block[]): Block | undefined {
  if (!last) return last;
  const siteOf = (x: Block) => x.site ?? siteOfUnits(x.units) ?? siteOfUnits(x.context);
  const was = siteOf(last);
  // Only the closure's own sentence: "… graft, 1.2 SQ CM. THE TEMPLE DEFECT WAS CLOSED …" may be one unit.
  const named = was?.key ? matchSite(lead.split(/[.;]\s+/).pop() ?? lead) : undefined;
  if (!named?.key || !was?.key || named.key === was.key) return last;
  const same = (x: Block) => {
    const at = siteOf(x);
    return at?.key === named.key && (named.laterality === undefined || at?.laterality === undefined || at?.laterality === named.laterality);
  };
  const others = blocks.filter((x) => x !== last && !x.parent && !isClosure(x.family) && same(x));
  return others.length === 1 ? others[0] : last;
}

/** The punch named after an excision in one unit is its technique: no biopsy word by it and no other site after it. */
function punchTechnique(text: string, excision: Trigger, punch: Trigger): boolean {
  const clause = text.slice(punch.start, punch.end + 40);
  if (/\b(?:biops\w*|bx)\b/i.test(clause) || /\b(?:biops\w*|bx)\s*$/i.test(text.slice(Math.max(0, punch.start - 12), punch.start))) return false;
  const before = matchSite(text.slice(excision.start, punch.start));
  const after = matchSite(text.slice(punch.start));
  return !(before?.key && after?.key && (before.key !== after.key || before.laterality !== after.laterality));
}

/** Start of the clause containing `pos`: after the last ";", ",", " and ", "." between `min` and `pos`. */
function clauseStart(text: string, pos: number, min: number): number {
  // Include a number right before the mention ("and 3 SKs" → cut before "3").
  const window = text.slice(min, pos);
  // A decimal point is no clause end: "(shave, here), 0.8 cm -> ED&C" cut at "0." read the size as 8 cm.
  const re = /(?:[;,]\s*|(?<!\d)\.\s*|\.(?!\d)\s*|\s+(?:and|&|plus|also|then|as\s+well\s+as)\s+)/gi;
  let cut = min;
  for (let m = re.exec(window); m; m = re.exec(window)) cut = min + m.index + m[0].length;
  return cut;
}

// ------------------------------------------------------------------ facts

function blockText(b: Block): string {
  let t = '';
  for (const u of b.units) {
    if (isBoilerplate(u)) continue;
    t += `${u.text}\n`;
    if (t.length > 6000) break;
  }
  return t;
}

/** The texts of two unit lists joined, as `[...a, ...b].map((u) => u.text).join(sep)` without the copies. */
function unitTexts(a: Unit[], b: Unit[], sep: string): string {
  let t = '';
  let first = true;
  for (const units of [a, b]) {
    for (const u of units) {
      t = first ? u.text : `${t}${sep}${u.text}`;
      first = false;
    }
  }
  return t;
}

/** A lesion treated before and gone: "Hx of SCC R hand 2024 s/p excision, no recurrence", "h/o melanoma, NED". */
const TREATED_BEFORE =
  /\b(?:hx|h\/o|history\s+of)\b[^.\n]*\b(?:s\/p|status\s+post|excised|excision|mohs|treated|removed)\b|\bno\s+(?:evidence\s+of\s+)?recurrence\b|\bNED\b/;

/**
 * The lesion type of the context lines, leaving out a lesion told as treated before and gone: "- Hx of SCC R hand 2024
 * s/p excision, no recurrence." then "- AKs: 3 on R dorsal hand …" over "Treated with LN2 today" treats AKs.
 */
function contextLesionType(b: Block, ctx: string): LesionType | undefined {
  const kept = b.context.filter((u) => !isBoilerplate(u) && !(TREATED_BEFORE.test(u.text) && lesionTypeOf(u.text)));
  if (kept.length === b.context.filter((u) => !isBoilerplate(u)).length) return lesionTypeOf(ctx);
  return lesionTypeOf(kept.map((u) => u.text).join('\n'));
}

function contextText(b: Block): string {
  return b.context
    .filter((u) => !isBoilerplate(u))
    .map((u) => u.text)
    .join('\n');
}

function segText(b: Block, fullText: string): string {
  const seg = fullText.slice(b.segStart, b.segEnd);
  // A table row's number the units blanked ("1 R temple AK x4 …" in a run of numbered rows) stays blank: it names the row.
  const row = b.segStart === b.trigger.start && b.trigger.label ? /^(\s*)(\d{1,2})(?=\s)/.exec(seg) : null;
  if (row?.[2] && row[2] === b.trigger.label && b.trigger.text.startsWith(`${row[1]}${' '.repeat(row[2].length)}`))
    return `${row[1]}${' '.repeat(row[2].length)}${seg.slice(row[0].length)}`;
  return seg;
}

function kindOf(
  b: Block,
  seg: string,
  all: string,
  ctx: string,
  lesionType: LesionType | undefined,
  item?: string,
): { kind?: ProcedureKind; unread?: string; notDone?: boolean } {
  const unit = b.trigger.text;
  switch (b.family) {
    case 'mohs':
      return { kind: 'mohs' };
    case 'biopsy':
    case 'punch':
    case 'shave': {
      // One site of a list names its own technique first ("R forearm 4mm punch (A) and L shin shave (B)").
      for (const t of item ? [item, seg, unit, all, ctx] : [seg, unit, all, ctx]) {
        if (/\bexcisional\s+(?:biopsy|bx)\b/i.test(t)) return { kind: 'excision' };
        if (/\b(?:incisional|wedge)\b/i.test(t)) return { kind: 'biopsy-incisional' };
        if (/\bpunch(?:ed)?\b/i.test(t) && !/\bpunch\s+(?:excision|excised)\b/i.test(t)) return { kind: 'biopsy-punch' };
        if (/\bpunch\s+(?:excision|excised)\b/i.test(t)) return { kind: 'excision' };
        if (/\b(?:shave(?:d)?|tangential|sauceri[sz]ation|scoop|curette|curettage|deep\s+shave|dermablade|flexible\s+blade)\b/i.test(t)) {
          // A shave listed under a "Biopsies x2:" header is one of those biopsies; under "Shave removals and a biopsy:", or
          // named a removal itself, its own intent decides.
          if (b.family === 'shave')
            return b.listOf?.family === 'biopsy' && !/\bremov/i.test(`${t}\n${b.listOf.trigger.text}`)
              ? { kind: 'biopsy-tangential' }
              : shaveIntent(t, ctx, lesionType);
          return { kind: 'biopsy-tangential' };
        }
        if (b.family === 'biopsy' && t === seg) continue;
      }
      return { kind: 'biopsy-unspecified' };
    }
    case 'excision':
      if (/\b(?:hidradenitis|hs)\b/i.test(`${all}\n${ctx}`)) return { kind: 'hidradenitis-excision' };
      // CPT §2.2: skin tags by any method (scissors, excision, shave) are 11200/11201.
      if (lesionType === 'skin-tag') return { kind: 'skin-tag-removal' };
      return { kind: 'excision' };
    case 'destruction': {
      // "Procedure: Destruction - premalignant": the template's own class word outranks a lesion named only in the
      // lines before it (another A&P item's "Seborrheic keratoses … reassured"), not one its own words name.
      const own = destructionKindOf(lesionTypeOf(seg));
      const stated = /\bpre-?malignant|\bpre-?cancer/i.test(seg)
        ? 'destruction-premalignant'
        : /\bbenign\b/i.test(seg)
          ? 'destruction-benign'
          : /\bmalignan/i.test(seg)
            ? 'destruction-malignant'
            : undefined;
      const kind =
        own ??
        stated ??
        destructionKindOf(lesionType) ??
        (/\b(?:papillomas?|lentig\w*|sebaceous\s+hyperplasia|syringomas?|angiofibromas?|xanthelasma|benign)\b/i.test(`${seg}\n${all}\n${ctx}`)
          ? 'destruction-benign'
          : undefined) ??
        (/\bpre-?malignant|pre-?cancer/i.test(`${seg}\n${all}`)
          ? 'destruction-premalignant'
          : /\bbenign\b/i.test(`${seg}\n${all}`)
            ? 'destruction-benign'
            : /\bmalignan/i.test(`${seg}\n${all}`)
              ? 'destruction-malignant'
              : 'destruction-unspecified');
      return { kind };
    }
    case 'tag':
      return { kind: 'skin-tag-removal' };
    case 'ilk':
      return { kind: 'intralesional-injection' };
    case 'injection':
      return { kind: 'injection' };
    case 'infusion':
      return { kind: 'infusion' };
    case 'chemoden': {
      const t = `${all}\n${ctx}`;
      if (/\bhyperhidrosis|sweat/i.test(t)) return { kind: 'chemodenervation' };
      if (cosmeticOf(t)) return { kind: 'cosmetic-other' };
      return { kind: 'chemodenervation' };
    }
    case 'photo':
      return { kind: 'phototherapy' };
    case 'excimer':
      return { kind: 'laser-psoriasis' };
    case 'pdt':
      return { kind: 'pdt' };
    case 'id':
      return { kind: 'incision-drainage' };
    case 'acne':
      return { kind: 'acne-surgery' };
    case 'paring':
      return { kind: 'paring' };
    case 'nail':
      return { kind: 'nail' };
    case 'debridement':
      return { kind: 'debridement' };
    case 'peel':
      return { kind: 'chemical-peel' };
    case 'patch':
      return { unread: 'patch testing: the coding reference gives no code or units for it; code it by hand' };
    case 'uncoded': {
      const word = seg.match(UNCODED_SERVICE)?.[0]?.toLowerCase() ?? 'this service';
      // "Total body photography ordered; return in 12 months": an order is not a service done today.
      if (/\b(?:ordered|scheduled|referred|to\s+be\s+(?:done|scheduled))\b/i.test(seg)) return { notDone: true };
      // "Subcision of rolling acne scars, cosmetic": what the note calls cosmetic is the patient's to pay (§12.3).
      if (cosmeticOf(all)) return { kind: 'cosmetic-other' };
      return { unread: `${word}: the coding reference gives no code for it; code it by hand` };
    }
    case 'vascular':
      return { kind: 'vascular-laser' };
    case 'cosmetic':
      return { kind: 'cosmetic-other' };
    case 'repair':
      return { kind: 'repair' };
    case 'att':
      return { kind: 'adjacent-tissue-transfer' };
    case 'flap':
      return { kind: 'flap' };
    case 'division':
      return { kind: 'flap-division' };
    case 'graft':
      return { kind: 'graft' };
  }
}

/** "Shave" alone: removal when therapeutic intent or a benign/symptomatic lesion is documented; biopsy when a diagnosis is sought. */
function shaveIntent(text: string, ctx: string, lesionType: LesionType | undefined): { kind?: ProcedureKind; unread?: string } {
  const t = `${text}\n${ctx}`;
  if (
    /\bshave(?:d)?\s+(?:removals?|excisions?|excised|off)\b|\b(?:removed|removal)\s+(?:by|via|with|using)\s+(?:a\s+)?(?:shave|tangential)|\bshave\s+technique\b|\bsnip\b/i.test(
      t,
    )
  )
    return { kind: 'shave-removal' };
  // "Shave biopsies of two lesions:" over its rows' bare "tangential shave" (the lead is their context).
  if (
    /\b(?:r\/o|rule\s+out|shave\s+(?:bx|biops(?:y|ies))|to\s+(?:establish|confirm|obtain)\s+(?:a\s+)?diagnosis|diagnostic|histolog|ddx|vs\.?\s|concern\s+for|suspicious\s+for)\b/i.test(
      t,
    )
  )
    return { kind: 'biopsy-tangential' };
  if (lesionType && ['seborrheic-keratosis', 'inflamed-seborrheic-keratosis', 'nevus', 'skin-tag', 'dermatofibroma', 'hemangioma', 'wart'].includes(lesionType))
    return { kind: 'shave-removal' };
  if (cosmeticOf(t) || indicationsOf(t).some((i) => i !== 'suspicious')) return { kind: 'shave-removal' };
  return { unread: 'shave documented without biopsy or removal intent' };
}

/** "undermined 2.5 cm on each side", "3 cm of undermining": the undermining distance in cm. */
function underminedCm(text: string): number | undefined {
  const m =
    /\bundermin\w*:?\s+(?:\w+\s+){0,8}?(?:to\s+|by\s+|for\s+|of\s+|a\s+distance\s+of\s+|approximately\s+|approx\.?\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(
      text,
    ) ?? /\b(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\s+(?:of\s+)?undermining\b/i.exec(text);
  return m?.[1] && m[2] ? toCmValue(Number(m[1]), m[2]) : undefined;
}

/** "defect width 2.2 cm", "width of the defect 2.0 cm": the defect's width written as such. */
function defectWidthCm(text: string): number | undefined {
  const m =
    /\b(?:defect|wound)(?:'s)?\s+width\s*(?:(?:of|was|is|:|=|measured|measuring)\s*)?(?:approximately\s+|approx\.?\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(
      text,
    ) ??
    /\bwidth\s+of\s+(?:the\s+)?(?:defect|wound)\s*(?:(?:was|is|:|=|of|measured|measuring)\s*)?(?:approximately\s+|approx\.?\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(
      text,
    ) ??
    // "The resulting defect measured 3.4 cm in width", "a 3.4 cm wide defect".
    /\b(?:defect|wound)\s+(?:was\s+|is\s+)?(?:measured|measuring|measures)\s+(?:approximately\s+|approx\.?\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\s+(?:in\s+)?(?:width|wide)\b/i.exec(
      text,
    ) ??
    /\b(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)[- ]wide\s+(?:\w+\s+)?(?:defect|wound)\b/i.exec(text) ??
    // "defect 1.6 cm wide", "Defect after excision: 2.2 cm wide".
    /\b(?:defect|wound)(?:\s+(?:after|following)\s+excision)?\s*(?::\s*|\s(?:was|is)\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\s+wide\b/i.exec(text);
  return m?.[1] && m[2] ? toCmValue(Number(m[1]), m[2]) : undefined;
}

function toCmValue(n: number, unit: string): number {
  return unit.toLowerCase() === 'mm' ? round(n / 10) : n;
}

/**
 * Undermining as the repair's words or numbers give it. The repair's own segment first; the wound's earlier text
 * (the excision it closes: "…undermined 4.0 cm on each side. Closed in layers…") when the segment says nothing of it.
 */
function underminingOf(text: string, widthText: string): RepairFeatures['undermining'] {
  if (/\b(?:no|without)\s+undermin/i.test(text)) return 'none';
  if (
    // CPT 2020: extensive = at least the defect's width; "undermined 3.5 cm (exceeds defect width)" says so in words.
    /\b(?:extensive(?:ly)?|wide(?:ly)?|broad(?:ly)?|significant(?:ly)?)\s+(?:\w+\s+){0,2}undermin|\bundermin\w*\s+(?:\w+\s+){0,2}(?:extensive(?:ly)?|widely|broadly)|\bundermin(?:[^.;\n]|\.(?=\d)){0,120}?\b(?:exceed(?:s|ed|ing)?|greater\s+than|more\s+than|wider\s+than|at\s+least|equal\s+to|>=?|≥)\s+(?:the\s+)?(?:maximum\s+|max\s+)?(?:(?:defect|wound)(?:'s)?\s+width|width\s+of\s+(?:the\s+)?(?:defect|wound))/i.test(
      text,
    )
  )
    return 'extensive';
  if (
    /\b(?:limited|minimal(?:ly)?|modest(?:ly)?|slight(?:ly)?|mild(?:ly)?)\s+(?:\w+\s+){0,2}undermin|\bundermin\w*\s+(?:\w+\s+){0,2}(?:minimally|slightly|limited)/i.test(
      text,
    )
  )
    return 'limited';
  // CPT 2020: extensive undermining is a distance at least the defect's maximum width; both written as numbers.
  const distance = underminedCm(text);
  const width = distance !== undefined ? defectWidthCm(widthText) : undefined;
  if (distance !== undefined && width !== undefined && width > 0) return distance >= width ? 'extensive' : 'limited';
  return undefined;
}

/** A layered closure ("layered", "subcutaneous 3-0 Vicryl") is true, a single layer false; undefined when not told. */
function layeredOf(text: string): boolean | undefined {
  if (LAYERED.test(text)) return true;
  if (SINGLE_LAYER.test(text)) return false;
  return undefined;
}

const LAYERED =
  /\b(?:layered|(?:\d-0\s+)?(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|biosyn|caprosyn)\s+(?:deep(?:\s+dermal)?|subdermal|subcutaneous|galeal)\b|in\s+(?:two\s+|2\s+|multiple\s+)?layers|deep\s+(?:dermal\s+)?sutures?|subcutaneous\s+sutures?|subdermal\s+sutures?|buried\s+(?:vertical\s+mattress\s+|interrupted\s+|dermal\s+)?sutures?|(?:two|2)[- ]layer|bilayer|deep\s+layer|dermal\s+sutures?|subcutaneous\s+(?:tissue\s+)?(?:and\s+(?:the\s+)?(?:deep\s+)?dermis\s+)?(?:was\s+|were\s+)?(?:closed|approximated|reapproximated)|buried\s+(?:interrupted\s+|vertical\s+mattress\s+)(?:\d-0\s+)?(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|absorbable|biosyn|caprosyn)|(?:buried|deep\s+dermal|subdermal|dermal|subcutaneous|subcuticular\s+and\s+deep|deep|sub-?q|subq)\s+(?:\d-0\s+)?(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|absorbable|chromic|biosyn|caprosyn)|(?:\d-0\s+)?(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|biosyn)\s+(?:was\s+)?(?:used\s+)?(?:for|in|to)\s+(?:the\s+)?(?:deep|dermis|dermal|subcutaneous|subcutis|sub-?q)\b)\b/i;
const SINGLE_LAYER = /\b(?:single[- ]layer|one[- ]layer|simple\s+interrupted\s+sutures?\s+only|epidermal\s+sutures?\s+only)\b/i;

function repairFeaturesOf(text: string, site: Site | undefined, widthText = text): RepairFeatures {
  const f: RepairFeatures = {};
  const layered = layeredOf(text);
  if (layered !== undefined) f.layered = layered;
  const undermining = underminingOf(text, widthText) ?? (/undermin/i.test(text) ? undefined : underminingOf(widthText, widthText));
  if (undermining) f.undermining = undermining;
  if (
    /\b(?:heavily|grossly)\s+contaminated|\bextensive\s+(?:cleaning|irrigation)|\bremoval\s+of\s+(?:particulate|foreign|debris)|\bgross\s+contamination\b/i.test(
      text,
    )
  )
    f.heavilyContaminated = true;
  if (
    /\bexpos(?:ed|ure\s+of|ing)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:bone|cartilage|tendon|nerve|artery|vessel|periosteum|perichondrium)|\b(?:bone|cartilage|tendon|periosteum)\s+(?:was\s+|were\s+)?exposed\b/i.test(
      text,
    )
  )
    f.exposedDeepStructure = true;
  if (
    /\bdebrid(?:ed|ement\s+of)\s+(?:the\s+)?(?:wound\s+)?edges?|\b(?:wound\s+)?edges?\s+(?:were\s+)?(?:sharply\s+)?debrided|\bdebridement\s+of\s+(?:the\s+)?wound\s+(?:edges|margins)/i.test(
      text,
    )
  )
    f.debridedEdges = true;
  const key = site?.key;
  if (
    key === 'helical-rim' ||
    key === 'lip-vermilion' ||
    key === 'nostril-rim' ||
    /\bfree\s+margin\b|\b(?:crossing|involving|through|across|including)\s+(?:the\s+)?(?:vermilion\s+border|helical\s+rim|alar\s+rim|nostril\s+rim)\b/i.test(
      text,
    )
  )
    f.freeMargin = true;
  if (/\bretention\s+sutures?\b/i.test(text)) f.retentionSutures = true;
  if (
    /\b(?:dermabond|tissue\s+adhesive|skin\s+glue|cyanoacrylate|octyl)\b/i.test(text) &&
    // "closed with tissue adhesive only (Dermabond), no sutures": sutures named as not used.
    !/\b(?:sutures?|nylon|prolene|monocryl|vicryl|staples?)\b/i.test(text.replace(/\b(?:no|without)\s+(?:sutures?|staples?)\b/gi, ' '))
  )
    f.tissueAdhesiveOnly = true;
  return f;
}

function levelOf(text: string): 'complex' | 'intermediate' | 'simple' | undefined {
  // "4-0 nylon simple interrupted sutures", "simple-interupted", "simple epidermal sutures" name a stitch, not the repair level.
  return /\bcomplex\b/i.test(text)
    ? 'complex'
    : /\bintermediate\b/i.test(text)
      ? 'intermediate'
      : /\bsimple\b(?![\s,-]+(?:interr?u+pt\w*|running|continuous|sutures?|stitch\w*|(?:epi|per)?cutaneous|epidermal|skin\s+sutures?|\d-0\b))/i.test(text)
        ? 'simple'
        : undefined;
}

/**
 * "Two superficial lacerations R hand 1.5 cm and 2.0 cm" before "Lacerations repaired (simple)": one sentence naming
 * several wounds at one site, each with one length, is repaired as their summed length (CPT §4.2: same level, same group).
 */
function lacerationsTotalCm(text: string): number | undefined {
  for (const sentence of text.split(/(?<=\.)\s+|\n/)) {
    if (!/\b(?:lacerations|wounds)\b/i.test(sentence)) continue;
    const sizes = findSizes(sentence);
    if (sizes.length < 2 || sizes.some((z) => z.dims.length !== 1)) continue;
    const sites = new Set(findSites(sentence, { strict: true }).map((m) => `${m.site.key}|${m.site.laterality ?? ''}`));
    if (sites.size > 1) continue;
    return round(sizes.reduce((sum, z) => sum + (z.dims[0] ?? 0), 0));
  }
  return undefined;
}

/** "Intermediate layered closures 3.0 cm and 2.8 cm": one sentence closing several wounds; their lengths add up (§4). */
function pluralLengthsCm(text: string): number | undefined {
  const m = /\b(?:closures|repairs)\b[^.;\n]{0,30}?((?:\d+(?:\.\d+)?\s*cm\s*(?:,|and|&|\+)\s*)+\d+(?:\.\d+)?\s*cm)\b/i.exec(text);
  if (!m?.[1]) return undefined;
  const parts = [...m[1].matchAll(/(\d+(?:\.\d+)?)\s*cm/gi)].map((x) => Number(x[1]));
  return parts.length > 1 ? round(parts.reduce((a, b) => a + b, 0)) : undefined;
}

/** "Clean 2.0 cm superficial laceration", "a 2 cm gap": the length of a wound named as such. */
function woundLengthCm(text: string): number | undefined {
  const m =
    /(\d{1,2}(?:\.\d)?)\s*(cm|mm)\s+(?:\w+\s+){0,3}(?:laceration|wound|gap|dehiscence)\b/i.exec(text) ??
    // "Laceration R forearm 4.2 cm from glass": the noun, its site, then the length.
    /\blaceration\s+(?:of\s+(?:the\s+)?)?(?:[A-Za-z().]+\s+){0,4}?(\d{1,2}(?:\.\d)?)\s*(cm|mm)\b(?!\s*[x×])/i.exec(text);
  if (!m?.[1] || !m[2]) return lacerationsTotalCm(text);
  return round(m[2].toLowerCase() === 'mm' ? Number(m[1]) / 10 : Number(m[1]));
}

function flapTypeOf(text: string): string | undefined {
  const m =
    /\b(advancement|rotation|transposition|bilobed?|rhomb(?:ic|oid)|limberg|dufourmentel|crescentic|banner|note|island\s+pedicle|burow'?s?\s+advancement|keystone|hatchet|spiral|dorsal\s+nasal|rieger|mustarde|a-?t(?:o-?t)?|o-?(?:to-?)?t|o-?(?:to-?)?z|o-?(?:to-?)?l|v-?y|y-?v|double\s+advancement|bilateral\s+advancement|z-?plasty|w-?plasty|m-?plasty|paramedian\s+forehead|forehead|melolabial|cheek[- ]to[- ]nose|abbe|estlander|interpolation|random\s+pattern|local)\b/i.exec(
      text,
    );
  if (!m?.[1]) return undefined;
  return m[1]
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^bilobe$/, 'bilobed')
    .replace(/^rhomboid$/, 'rhombic');
}

/** Area right after a label: "primary defect measured 1.5 x 1.2 cm" → 1.8; "secondary defect: 3 sq cm". */
function labelledArea(text: string, label: RegExp): number | undefined {
  const g = new RegExp(label.source, 'gi');
  let tries = 0;
  for (let m = g.exec(text); m && tries < 8; m = g.exec(text), tries++) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 110);
    // "total defect (primary + secondary) 4.5 sq cm": the words in parentheses name what the total sums, and a label
    // inside them ("secondary)") names no area of its own.
    if (/^\s*\)/.test(rest)) continue;
    const after = rest.replace(/^\s*\([^()\d]{1,40}\)/, '').slice(0, 70);
    const stop = after.search(/[;\n]|\.\s|\b(?:primary|secondary|donor|total)\b/i);
    const window = stop >= 0 ? after.slice(0, stop) : after;
    // A written area wins over one computed from dimensions ("1.6 x 1.5 cm (2.4 sq cm)").
    const areas = findAreas(window, true);
    const area = areas.find((a) => !a.computed) ?? areas[0];
    if (area) return area.sqCm;
  }
  return undefined;
}

/** "bilobed flap 7.5 sq cm", "rotation flap, 12 cm2": an area written (not dimensions) right after the flap word. */
function flapWrittenArea(text: string): number | undefined {
  const m = /\bflap\b[,:]?\s+(?:of\s+|measuring\s+|totaling\s+|totalling\s+|=\s*)?(?=\d)/i.exec(text);
  if (!m) return undefined;
  const area = findAreas(text.slice(m.index + m[0].length, m.index + m[0].length + 20)).find((a) => a.start === 0);
  return area?.sqCm;
}

/** "the 5 x 5 cm (25 sq cm) defect": an area the next words name (a written area wins over dimensions). */
function areaNamedAfter(text: string, after: RegExp): number | undefined {
  const named = findAreas(text, true).filter((a) => after.test(text.slice(a.end, a.end + 40)));
  return (named.find((a) => !a.computed) ?? named[0])?.sqCm;
}

function lesionSizeOf(b: Block, text: string): number | undefined {
  for (const units of [b.context, b.units]) {
    for (const u of units) {
      if (u.field && SIZE_FIELDS.test(u.field) && u.value) {
        const s = findSizes(u.value)[0];
        if (s) return greatest(s);
      }
    }
  }
  const sizes = findSizes(text);
  for (const s of sizes) {
    const before = text.slice(Math.max(0, s.start - 40), s.start).toLowerCase();
    const after = text.slice(s.end, s.end + 30).toLowerCase();
    if (
      // "4 mm above the lid margin", "1 cm lateral to the scar": a distance that places the lesion, not its size.
      /^\s*(?:above|below|from|away\s+from|proximal\s+to|distal\s+to|lateral\s+to|medial\s+to|inferior\s+to|superior\s+to)\b/.test(after) ||
      /^\s*(?:-\s*)?(?:breslow|depth|thick|invasion|fusiform|wedge|ellipse|elliptical|specimen|punch|curette|trephine|biopsy\s+punch|margins?|clinical\s+margins?|peripheral|surgical\s+margin|deep|in\s+length|long|linear|length|repair|closure|sq|squared|²|defect|wound|incision|ellipse|excised\s+diameter|undermin|x\s*\d)/.test(
        after,
      )
    )
      continue;
    if (
      /(?:margins?|length|repair(?:ed)?|closure|defect|wound|ellipse|excised\s+diameter|total\s+excised|undermin\w*|with\s+a|needle|gauge|depth|deep|breslow|thickness|clark|to\s+a\s+depth\s+of|measuring\s+\d+(?:\.\d+)?\s*(?:x|by))\s*(?:(?:of|was|to|measured|measuring|:)\s*)?(?:approximately\s+|approx\.?\s+)?$/.test(
        before,
      ) &&
      // "SCCIS L lower lid margin 0.6 cm": the lid (or lip, nail) margin is the site, not a surgical margin.
      !/\b(?:lid|eyelid|lash|ciliary|vermilion|vermillion|lip|nail|alar|helical|free)\s+margin\s*$/.test(before)
    )
      continue;
    if (/\b(?:punch|curette)(?:\s+(?:biopsy|bx))?\s*$/.test(before)) continue;
    return greatest(s);
  }
  return undefined;
}

/** "final curettage defect 2.2 cm", "defect measured 1.4 x 1.2 cm", "a 1.8 cm defect": the greatest dimension. */
function defectDiameterOf(text: string): number | undefined {
  for (const s of findSizes(text)) {
    const before = text.slice(Math.max(0, s.start - 40), s.start);
    const after = text.slice(s.end, s.end + 30);
    if (
      /\bdefects?\b(?:\s+(?:size|diameter))?\s*(?:(?:of|was|is|:|=|measured|measuring|measures)\s*)?(?:approximately\s+|approx\.?\s+)?$/i.test(before) ||
      /^\s*(?:(?:round|circular|final|curettage|resulting)\s+){0,2}defect\b/i.test(after)
    ) {
      const cm = greatest(s);
      if (cm > 0) return cm;
    }
  }
  return undefined;
}

const PUNCH_EXCISION =
  /\b(\d{1,2}(?:\.\d)?)\s*(mm|cm)\s+punch\b(?!\s*(?:biops|bx))(?=\s+excision|[^.;\n]{0,40}?\b(?:to\s+excise|excis(?:ed|ing)\s+(?:the\s+)?(?:lesion|cyst|nevus|papule|nodule)))/i;

function excisedDiameterOf(text: string): number | undefined {
  const m =
    /\b(?:excised\s+diameter|total\s+excised\s+(?:diameter|size)|excision\s+(?:size|diameter)|excised\s+(?:size|lesion\s+(?:size|diameter))|size\s+(?:of\s+)?(?:the\s+)?excised\s+(?:area|lesion)|diameter\s+(?:including|incl\.?|with)\s+margins?)\s*(?:(?:of|was|is|:|=|measured|measuring)\s*)?(?:approximately\s+|approx\.?\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\b/i.exec(
      text,
    );
  if (!m?.[1] || !m[2]) {
    const incl = /(\d{1,2}(?:\.\d{1,2})?)\s*(cm|mm)\s*(?:total\s+)?(?:excised\s+diameter|including\s+(?:the\s+)?margins?|with\s+margins\s+included)\b/i.exec(
      text,
    );
    // "An 8 mm punch was used to excise the lesion in full", "6 mm punch excision": the punch's diameter was excised.
    const sized = incl?.[1] && incl[2] ? incl : PUNCH_EXCISION.exec(text);
    if (!sized?.[1] || !sized[2]) return undefined;
    return round(sized[2].toLowerCase() === 'mm' ? Number(sized[1]) / 10 : Number(sized[1]));
  }
  return round(m[2].toLowerCase() === 'mm' ? Number(m[1]) / 10 : Number(m[1]));
}

const SPECIMEN_WORD_LABEL =
  /\b(?:specimen|specimin|speciman|spec|jar|container|bottle)(?![a-z])\s*(?:(?:#|no\.?|label(?:ed)?|letter)\s*)?(?:[:"'(]\s*)?([A-Z]\d?)\b(?![a-z])/i;

/** The specimen letter a unit names in words ("… specimen B"), upper case only. */
const PAREN_JAR = /\(([A-H])\)/;
/** A template's procedure title on a line of its own: "Biopsy - Punch", "Destruction – Premalignant". */
/** "SHAVE BIOPSY PROCEDURE NOTE", "Punch Biopsy Procedure": a template's title line naming its procedure. */
const PROCEDURE_NOTE_TITLE = /^\s*[A-Za-z][A-Za-z&/-]*(?:\s[A-Za-z&/-]+){0,4}\s+procedure(?:\s+note)?\s*(?::\s*)?$/i;
const TEMPLATE_TITLE = /^\s*[A-Za-z][A-Za-z/&]*(?:\s[A-Za-z/&]+){0,2}\s+[-–—]\s+[A-Za-z][A-Za-z/&(),]*(?:\s[A-Za-z/&(),]+){0,3}\s*(?::\s*)?$/;

/** A clause describing a lesion: a lesion word or a size ("5 mm papule", "nodule 1.5 cm"). */
function describesLesion(text: string): boolean {
  return lesionTypeOf(text) !== undefined || /\b\d+(?:\.\d+)?\s*(?:mm|cm)\b/i.test(text);
}

function specimenWordLabel(text: string): string | undefined {
  const m = SPECIMEN_WORD_LABEL.exec(text);
  return m?.[1] && /^[A-Z]/.test(m[1]) ? m[1] : undefined;
}

/** "Path A.", ", path B", "to path C": a capital jar letter right after the word (never "path a few days"). */
const PATH_JAR = /\b[Pp](?:ath|ATH)(?:ology|OLOGY)?\s+([A-H])\d?\s*(?:[.;,)]|$)/m;

function specimenLabelOf(b: Block, seg: string): string | undefined {
  if (b.enumerated && !b.enumerated.unlabeled) return b.enumerated.label;
  if (b.mappedSpecimen) return b.mappedSpecimen;
  const scan = (text: string): string | undefined => {
    const m =
      /\b(?:specimen|specimin|speciman|spec|jar|container|bottle)(?![a-z])\s*(?:(?:#|no\.?|label(?:ed)?|letter)\s*)?(?:[:"'(]\s*)?([A-Z]\d?|\d{1,2})\b(?![a-z])/i.exec(
        text,
      ) ??
      /\b(?:labeled|labelled)\s+(?:as\s+)?(?:specimen\s+)?["'(]?([A-Z]\d?|\d{1,2})\b(?![a-z])/i.exec(text) ??
      /\(([A-H])\)/.exec(text) ??
      // " - Punch biopsy 4 mm, L shin -- A (r/o …)"
      /\s[-–—]{1,2}\s*([A-H])\s*(?:\(|$|[,;.])/.exec(text) ??
      // " 3  Mid back   pink papule r/o BCC   shave bx   0.7 cm   A": a table typed as text, its last cell the jar.
      /\S[ \t]{3,}\S[^\n]*[ \t]{2,}([A-H])[ \t]*$/m.exec(text) ??
      // (The same row where runs of spaces collapse: "… shave bx 0.7 cm A" — a lone letter after the size ends the row.)
      /\d\s*(?:cm|mm)[ \t]+([A-H])[ \t]*$/m.exec(text);
    return m?.[1] && /^[A-Z0-9]/.test(m[1]) ? m[1].toUpperCase() : undefined;
  };
  if (b.split) {
    const own = scan(seg);
    if (own) return own;
  }
  // "(A) R upper back, 1.2 cm" under "ED&C x3 to each:": a list item's own "(A)" numbers the lesion; only a
  // biopsy or excision always sends its tissue, so for the others it is no jar unless a jar word says so.
  const itemLabelOnly =
    b.labelKind === 'lesion' &&
    /^\s*\([A-H]\)/.test(b.trigger.text) &&
    !/^(?:biopsy|punch|shave|excision)$/.test(b.family) &&
    !/\b(?:specimen|spec|jar|container|sent|path\w*|submitted)\b/i.test(b.trigger.text);
  const inTrigger = itemLabelOnly ? undefined : scan(b.trigger.text);
  if (inTrigger && !b.split) return inTrigger;
  // "Skin biopsies x3, spec A-C:" over "A. L upper back …", "B. R lower back …": each item's letter is its jar.
  if (b.label && /^[A-H]$/.test(b.label) && jarRanges(b.context.map((c) => c.text).join('\n')).includes(b.label)) return b.label;
  for (const u of [...b.context, ...b.units]) {
    // The other procedures of a split sentence keep their own specimen words.
    if (b.split && u === b.trigger) continue;
    if (u.field && SPECIMEN_FIELDS.test(u.field) && u.value) {
      // "Specimen: A", "Specimen: [A] sent to …" (Epic SmartList brackets).
      const m = /^\s*(?:\[\s*)?(?:#\s*)?([A-Z]\d?|\d{1,2})\b/i.exec(u.value);
      if (m?.[1] && !/^(?:no|yes|na|n)$/i.test(m[1])) return m[1].toUpperCase();
    }
    // "PATH: Sent (A)", "Pathology: A".
    if (u.field && /^(?:path(?:ology)?|derm\s*path|histo\w*)$/.test(u.field) && u.value) {
      const m = /^\s*(?:(?:[Ss]ent|SENT|[Ss]ubmitted)\s*)?(?:to\s+(?:[^()\s](?:[^()\n]{0,38}[^()\s])?\s*)?)?\(([A-H])\)|^\s*\[?([A-H])\]?\s*(?:$|[,;.-])/.exec(
        u.value,
      );
      const label = m?.[1] ?? m?.[2];
      if (label) return label;
    }
    const inline =
      /\b(?:specimen|specimin|speciman|spec|jar|container|bottle)(?![a-z])\s*(?:(?:#|no\.?|label(?:ed)?|letter)\s*)?(?:[:"'(]\s*)?([A-Z]\d?|\d{1,2})\b(?![a-z])/i.exec(
        u.text,
      ) ??
      /\b(?:labeled|labelled|label)\s+(?:as\s+)?["'(]?([A-Z]\d?|\d{1,2})\b(?![a-z])/i.exec(u.text) ??
      // "Specimen to path (A).", "Debulking specimen sent separately for permanent sections (A)."
      /\b(?:specimens?|spec)\b[^.;\n()]{0,50}\(([A-H])\)/i.exec(u.text) ??
      // "Sent to path (A).", "to dermpath (B)"
      /\b(?:sent|submitted)\s+(?:to|for)\s+(?:(?:our|the|in[- ]house|outside)\s+)?(?:path(?:ology)?|derm\s*path|dermatopathology|histo\w*|lab)\s*\(([A-H])\)/i.exec(
        u.text,
      );
    if (inline?.[1] && /^[A-Z0-9]/.test(inline[1])) return inline[1].toUpperCase();
  }
  if (b.labelKind === 'specimen' && b.label) return b.label;
  // "#2 Atypical nevus L abdomen 4 mm - shave removal, path B.": the jar the procedure's own line names, not its item number.
  return PATH_JAR.exec(b.trigger.text)?.[1];
}

/** The title of the numbered item a block belongs to: its label's line, or the line after a bare "13. ". */
function itemTitle(b: Block): string {
  const at = b.context.findIndex((c) => c.label === b.label && c.lineStart);
  const own = b.context[at];
  if (!own) return '';
  return own.text.trim().length < 6 ? (b.context[at + 1]?.text ?? '') : own.text;
}

const NEOPLASM_OPENER = /^\s*(?:\d{1,2}[.)]\s*)?(?:neoplasm\s+of\s+(?:uncertain|unspecified)\s+behaviou?r|nub\b|nub\s+of)/i;

function clinicalDxOf(b: Block): string | undefined {
  // "1. … Dx: inflamed epidermoid cyst. 2. Posterior neck - I&D … Dx: abscess of neck.": the block's own Dx field
  // names its lesion before a Dx carried over from the item above.
  for (const units of [b.units, b.context]) {
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as Unit;
      const value = u.field && isDxField(u.field) ? u.value?.trim() : undefined;
      if (!value) continue;
      if (!/^#?\d{1,2}[.)]?$/.test(value)) return value.slice(0, 200);
      // "Dx: 1. Neoplasm of uncertain behavior L temple 2. Encounter for removal of sutures": the value is the first
      // item's number; the items follow on the line.
      const items: string[] = [];
      for (let k = i + 1; k < units.length && !(units[k] as Unit).lineStart; k++) items.push((units[k] as Unit).text);
      const listed = items
        .join(' ')
        .replace(/\s+#?\d{1,2}[.)]\s+/g, '; ')
        .trim();
      if (listed) return listed.slice(0, 200);
    }
  }
  // Units that start a line are joined by a line break: "- r/o morphea" ends where its line does.
  let t = '';
  for (const u of [...b.context, ...b.units]) t = t ? `${t}${u.lineStart ? '\n' : ' '}${u.text}` : u.text;
  const m =
    /\b(?:r\/o|rule\s+out|to\s+rule\s+out|concern(?:ing)?\s+for|suspicious\s+for|suspected|ddx:?|favor|clinically\s+consistent\s+with|c\/w|consistent\s+with)\s+([^.;\n]{2,80})/i.exec(
      t,
    );
  if (m?.[0]) return m[0].trim().slice(0, 200);
  // A lesion line before the procedure names its clinical diagnosis (below), unless the procedure's own line names
  // another lesion ("Also: L forearm SCCIS, bx proven - same ED&C tx" after a BCC's lines).
  const own = lesionTypeOf(b.trigger.text);
  const ownUnlessOther = (line: string): string => {
    const named = lesionTypeOf(line);
    return (own && named && named !== own ? b.trigger.text : line).trim().slice(0, 200);
  };
  // The lesion line that named this procedure's lesion before its heading is its clinical diagnosis.
  if (b.leadDx) return ownUnlessOther(b.leadDx.text);
  // "13. Inflamed epidermoid cyst - L lower back" over "Procedure: Incision and drainage": the item's title names it.
  const title = b.label ? itemTitle(b) : '';
  if (title && !findTriggers(title).length && lesionTypeOf(title)) return title.trim().slice(0, 200);
  // "Epidermal inclusion cyst, L upper back, 2.1 cm." on the line right before "Elliptical excision …": the lesion line.
  const lead = b.context[b.context.length - 1];
  if (lead?.lineStart && !lead.field && !b.label && lesionTypeOf(lead.text) && !findTriggers(lead.text).length && b.trigger.lineStart)
    return ownUnlessOther(lead.text);
  // "Neoplasm of uncertain behavior of skin, L upper back: 9 mm papule. … Tangential biopsy performed.": the line
  // that opens with the neoplasm the biopsy samples names its clinical diagnosis (§13.2: D49.2 before pathology).
  if (!b.trigger.lineStart) {
    const opener = [...b.context].reverse().find((u) => u.lineStart);
    const named = opener ? (opener.field ?? opener.text) : '';
    if (opener && NEOPLASM_OPENER.test(named) && !findTriggers(named).length) return named.trim().slice(0, 200);
  }
  // "… - Excision note - 11/25/2026" then "Epidermal inclusion cyst, L upper back, 2.1 cm.": under a note's title, its first lesion line.
  if (/\bnote\b/i.test(b.trigger.text) && b.trigger.lineStart && !lesionTypeOf(b.trigger.text)) {
    const first = b.units.find((u) => u !== b.trigger && u.lineStart && !u.field && lesionTypeOf(u.text) && !findTriggers(u.text).length);
    if (first) return first.text.trim().slice(0, 200);
  }
  return undefined;
}

/**
 * The clause naming the procedure: from the last ".", ";" or "(" before the procedure word to the next
 * one after it, inside its segment. "(no prior bx)" or "s/p excision 2019" elsewhere in the line do not
 * make this procedure historical.
 */
function statusText(b: Block, fullText: string): { clause: string; at: number } {
  const from = Math.max(b.segStart, b.trigger.start);
  const to = Math.min(b.segEnd, b.trigger.end);
  const at = Math.min(Math.max(b.triggerAt, from), to);
  const before = fullText.slice(from, at);
  const after = fullText.slice(at, to);
  const cutBefore = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf(')'));
  // The words of the procedure, then a parenthesis naming it again ("Staged excision (slow Mohs) will follow"): read on.
  const word = /^[\w&/-]+(?:[^\S\n]+[\w&/-]+){0,2}/.exec(after)?.[0].length ?? 0;
  const aside = PAREN_ASIDE.exec(after.slice(word))?.[0].length ?? 0;
  const endRel = after.slice(word + aside).search(/\.\s|;|\(|\)|$/);
  const head = before.slice(cutBefore + 1);
  const clause =
    aside > 0
      ? `${head}${after.slice(0, word)}${' '.repeat(aside)}${after.slice(word + aside, word + aside + endRel)}`
      : `${head}${after.slice(0, word + (endRel < 0 ? after.length : endRel))}`;
  return clause.trim().length > 0 ? { clause, at: head.length } : { clause: fullText.slice(from, to), at: 0 };
}

/** A later procedure word of the block's family, in a clause after the status clause, that reads as done today. */
function laterDoneInSegment(b: Block, fullText: string, status: { clause: string; at: number }): boolean {
  const clauseEnd = Math.max(b.segStart, b.triggerAt - status.at) + status.clause.length;
  const seg = fullText.slice(b.segStart, b.segEnd);
  for (const t of findTriggers(seg)) {
    if (t.family !== b.family || t.generic || b.segStart + t.start <= b.triggerAt) continue;
    const around = clauseAround(seg, t.start, t.end);
    // "pt declined cantharidin, LN2 x3 today": in the refusal's own clause, the comma-part after it, told as done now.
    const startsAt = b.segStart + t.start - around.at;
    const own = startsAt < clauseEnd ? around.clause.slice(around.clause.lastIndexOf(',', around.at) + 1) : around.clause;
    if (startsAt < clauseEnd && (own === around.clause || !DONE_NOW.test(own))) continue;
    if (intentOf(own, b.section.role === 'history', Math.max(0, around.at - (around.clause.length - own.length))) === 'performed') return true;
  }
  return false;
}

/** Words that tell a procedure done at this visit: "today", "performed", a count treated ("x3", "to 6 warts"). */
const DONE_NOW = /\b(?:today|performed|done|x\s*\d{1,2}|to\s+\d{1,2}\s+[a-z]+|\d{1,2}\s+(?:lesions?|warts?)\s+(?:treated|frozen))\b/i;

/** A removal told as done ("8 tags snipped", "removed with scissors"), after a wish for it. */
const DONE_ACT = /\b(?:snipped|clipped|removed\s+(?:with|using|by)|excised|shaved|curetted|frozen|destroyed|treated\s+with)\b/i;

/** The act told in a later sentence or dash clause than the wish: "requests removal … - 8 tags snipped" (not "would like them frozen"). */
function doneAfterWish(text: string): boolean {
  const wish = WISH.exec(text);
  if (!wish) return false;
  const rest = text.slice(wish.index);
  const end = rest.search(/[.;]\s|\s[-–—]\s/);
  return (
    end >= 0 &&
    rest
      .slice(end)
      .split(/[.;]\s|\s[-–—]\s/)
      .some((clause) => DONE_ACT.test(clause) && !WISH.test(clause))
  );
}

/** The patient's wish, not the clinician's act. */
export const WISH =
  /\b(?:(?<!un)want(?:s|ed|ing)?|would\s+like|(?:is|was)\s+hoping|hop(?:es|ing)\s+to|desires?|requests?\s+(?:removal|to\s+have)|requesting|interested\s+in\s+(?:having|getting|removal))\b/i;

let nextId = 0;
export function resetProcedureIds(): void {
  nextId = 0;
}

/** The intent of the removal told earlier in a closure's own sentence, when no removal block leads the closure. */
function removalIntentBefore(b: Block): ReturnType<typeof intentOf> | undefined {
  const inUnit = Math.max(0, b.triggerAt - b.trigger.start);
  const from = b.trigger.text.lastIndexOf('. ', inUnit) + 1;
  // (The trigger list leaves out a removal told as history, so the words themselves.)
  const removal = REMOVAL.exec(b.trigger.text.slice(from, inUnit));
  if (!removal) return undefined;
  const around = clauseAround(b.trigger.text, from + removal.index, from + removal.index + removal[0].length);
  return intentOf(around.clause, b.section.role === 'history', around.at);
}

const REMOVAL = /\b(?:excision|excised|mohs|shave|punch|biopsy|bx|ed&c)\b/i;

/** Template fields that record a procedure done: lesions treated, the specimen's label, freeze-thaw cycles, paring. */
const DONE_FIELD =
  /^(?:lesions?\s+treated|number\s+(?:of\s+lesions\s+)?treated|#\s*(?:of\s+lesions\s+)?treated|specimens?(?:\s+(?:label|id|#))?|freeze[- ]thaw\s+cycles?|(?:treatment\s+)?cycles|paring\s+performed|hemostasis|units?\s+(?:injected|given)|(?:amount|volume)\s+injected)$/;

/** A yes/no field answered no ("Performed today: No", "Cryotherapy of additional lesions performed: No"). */
const NOT_DONE_FIELD = /^[ \t]*(?:[^:\n]{0,60}\s)?(?:performed|done|completed)(?:\s+today)?\??[ \t]*:[ \t]*no\b/i;

/** Blocks whose procedure was told as history or negated (no procedure made): their closures follow them. */
const HISTORY_BLOCKS = new WeakMap<Block, 'history' | 'negated'>();

/** "(separate practice)", "at an outside clinic": another practice's work. */
const OTHER_PRACTICE =
  /\b(?:separate|another|different|outside)\s+(?:practice|office|clinic|facility)\b|\b(?:done|performed)\s+(?:elsewhere|at\s+(?:another|an\s+outside|a\s+different)\b)/i;
const OTHER_PRACTICE_ALL = new RegExp(OTHER_PRACTICE.source, 'gi');

/** Block → Procedure with its facts. History mentions and plain negations give undefined. */
export function procedureOf(b: Block, fullText: string, spanOf: (start: number, end: number) => Procedure['span']): ParsedProcedure | undefined {
  const all = blockText(b);
  const ctx = contextText(b);
  const seg = segText(b, fullText);
  // The block with its context is read by a dozen facts: one string, flattened once, for all of them.
  const ctxAll = `${ctx}\n${all}`;
  const allCtx = `${all}\n${ctx}`;
  const status = statusText(b, fullText);
  let intent = intentOf(status.clause, b.section.role === 'history', status.at);
  // "Discussed options: excision vs ED&C vs Mohs": the whole clause, not just this procedure's part, says it was only discussed.
  if (intent === 'performed' && !/\b(?:performed|done|obtained|completed)\b/i.test(status.clause)) {
    const wide = clauseAround(b.trigger.text, Math.max(0, b.triggerAt - b.trigger.start), Math.max(0, b.triggerAt - b.trigger.start) + 1);
    const wider = intentOf(wide.clause, false, wide.at);
    if (wider === 'planned' || wider === 'declined' || wider === 'deferred') intent = wider;
  }
  // "Performed today: No (deferred: …)": a template's yes/no field that says the procedure was not done.
  if (intent === 'performed' && b.units.some((u) => NOT_DONE_FIELD.test(u.text))) intent = 'deferred';
  // "s/p excision of atypical nevus R upper back 11/12/2026 (11402, intermediate repair 12032)": a procedure named in
  // parentheses inside a historical clause is part of that history.
  if (intent === 'performed') {
    const inUnit = Math.max(0, b.triggerAt - b.trigger.start);
    const before = b.trigger.text.slice(0, inUnit);
    const open = before.lastIndexOf('(');
    if (open > 0 && before.indexOf(')', open) < 0) {
      const outer = clauseAround(b.trigger.text, open, open);
      if (intentOf(outer.clause.replace(/\($/, ''), b.section.role === 'history') === 'history') intent = 'history';
    }
  }
  // "Mohs by Dr. Ito this morning (separate practice): …": what another practice did is history here (its repair is not).
  // (A parenthesis telling another procedure, "ED&C of SCCIS (bx by Dr. Shah at outside clinic 11/03)", is about that one.)
  const ownWords = OTHER_PRACTICE.test(b.trigger.text) ? b.trigger.text.replace(/\([^()]*\)/g, (p) => (findTriggers(p).length > 0 ? ' ' : p)) : '';
  const otherPractice =
    intent === 'performed' && OTHER_PRACTICE.test(ownWords) && !/\b(?:performed|done|today)\b/i.test(ownWords.replace(OTHER_PRACTICE_ALL, ' '));
  if (otherPractice) intent = 'history';
  // A template item's "  Plan: Destruction - liquid nitrogen" over "  Lesions treated: 9" or "  Specimen: A": fields
  // that record the work done (a plan for another day has none), the plan's own words naming no later day.
  if (
    intent === 'planned' &&
    b.trigger.field === 'plan' &&
    b.trigger.value &&
    intentOf(b.trigger.value) === 'performed' &&
    b.units.some((u) => u !== b.trigger && u.field && DONE_FIELD.test(u.field) && u.value?.trim() && !/^(?:no|none|n\/a|0)\b/i.test(u.value.trim()))
  )
    intent = 'performed';
  if (intent === 'performed' && (b.later || b.parent?.later)) intent = 'planned';
  // "Pt is 9 days s/p excision of SCC R forearm (…) with intermediate layered closure": the closure of a removal told
  // as history is history too (its own segment alone reads as done).
  if (intent === 'performed' && isClosure(b.family)) {
    const parentIntent = b.parent ? HISTORY_BLOCKS.get(b.parent) : removalIntentBefore(b);
    if (parentIntent === 'history' || parentIntent === 'negated') intent = parentIntent;
  }
  // "pt wants SK on R temple removed", "Pt is wanting the growth on her nose biopsied": a wish is no procedure done,
  // unless the block goes on to do it ("pt wants them off for looks. LN2 today").
  if (
    intent === 'performed' &&
    WISH.test(status.clause) &&
    !/\b(?:today|performed|done|now)\b/i.test(status.clause) &&
    // "Patient requests removal of skin tags … - 8 tags snipped.": the block goes on to tell the act itself.
    !doneAfterWish(all) &&
    !b.units.some((u) => u !== b.trigger && findTriggers(u.text).length > 0 && !WISH.test(u.text) && intentOf(u.text) === 'performed')
  )
    intent = 'planned';
  // "Punch biopsy offered. Patient declined." — a short status sentence right after the procedure.
  const next = b.units[1];
  // "Verruca - LN2 today. SKs - benign, cosmetic, declined to treat today.": a sentence naming another lesion is about that one.
  const nextType = next ? lesionTypeOf(next.text) : undefined;
  // "- STI screening offered - declined today.": a sentence offering its own named service is about that service.
  const ownSubject = next ? /^[\s\-*•]*([a-z][\w/&' -]{2,40}?)\s+(?:was\s+|were\s+)?(?:offered|recommended)\b/i.exec(next.text)?.[1] : undefined;
  // "Also started prednisone? no - pt declined oral steroids.": a sentence opening with "also" is about another thing.
  const aboutOther =
    (next !== undefined && /^[\s\-*•]*(?:also|additionally|in\s+addition)\b/i.test(next.text)) ||
    (nextType !== undefined && nextType !== lesionTypeOf(`${ctx}\n${all}`.replace(next?.text ?? '', ''))) ||
    (ownSubject !== undefined &&
      !/^(?:it|this|that|these|they|same|procedure|treatment|tx)$/i.test(ownSubject.trim()) &&
      findTriggers(ownSubject).length === 0);
  if (
    (intent === 'performed' || intent === 'planned') &&
    next &&
    next !== b.trigger &&
    next.text.length < 100 &&
    !aboutOther &&
    findTriggers(next.text).length === 0
  ) {
    const follow = intentOf(next.text);
    if (follow === 'declined' || follow === 'deferred') intent = follow;
  }
  // "Verruca plana x6 - declined cantharidin; LN2 cryotherapy to 6 flat warts": one treatment refused, another of the
  // same family done in a later clause of the segment. The refusal does not cancel the treatment done.
  if ((intent === 'declined' || intent === 'deferred') && laterDoneInSegment(b, fullText, status)) intent = 'performed';
  if (intent === 'history' || intent === 'negated') {
    // The repair a referring practice's Mohs sends here is this visit's work: only our own past removals carry theirs.
    if (!otherPractice) HISTORY_BLOCKS.set(b, intent);
    return undefined;
  }
  // "Dx: AKs, r/o BCC L nasal ala, SKs.": of a list of diagnoses, the one naming this procedure's site.
  const dx = clinicalDxOf(b);
  const blockSiteKey = b.site?.key;
  const siteDx = siteDxPart(dx, blockSiteKey);
  // "Biopsy-proven nodular BCC of the R nasal tip … and SCC in situ of the L dorsal hand …" on the line before: this site's part.
  const contextDx = dx ? undefined : siteDxPart(unitTexts(b.context, [], ' '), b.site?.key);
  // "Here for f/u of AKs, also has new 'sore that won't heal' on R temple": the part after "also" naming this site.
  const alsoDx = siteDx || contextDx ? undefined : alsoPart(dx ?? unitTexts(b.context, [], ' '), blockSiteKey);
  const found =
    lesionTypeOf(seg) ??
    lesionTypeOf(b.trigger.text) ??
    (siteDx ? lesionTypeOf(siteDx) : undefined) ??
    (contextDx ? lesionTypeOf(contextDx) : undefined) ??
    (alsoDx ? lesionTypeOf(alsoDx) : undefined) ??
    // "13. Inflamed epidermoid cyst - L lower back" over "Procedure: Incision and drainage …": the item's own title
    // names the lesion before any later line does ("RTC 3 months for the keloids").
    (b.label ? lesionTypeOf(itemTitle(b)) : undefined) ??
    // When the dx list names this site, its other entries are other lesions' diagnoses.
    lesionTypeOf(siteDx ? withoutDxFields(b.units) : all) ??
    // (Not when the note's part for this site names none: "f/u of AKs, also has new 'sore that won't heal' on R temple"
    // says nothing of what the temple lesion is.)
    (alsoDx ? undefined : siteDx ? lesionTypeOf(withoutDxFields(b.context)) : contextLesionType(b, ctx)) ??
    (b.parent ? lesionTypeOf(blockText(b.parent)) : undefined);
  // "Irritated SKs x2, mid back" then "Not sent to pathology (classic SKs)": the context's specific reading of the same
  // lesion (inflamed SK, L82.0) wins over the plain one (§12.2).
  const specific = found ? lesionTypeOf(ctx) : undefined;
  const lesionType = specific && found && specific !== found && specific.endsWith(`-${found}`) ? specific : found;
  const { kind, unread, notDone } = kindOf(b, seg, all, ctx, lesionType, b.enumerated ? fullText.slice(b.enumerated.start, b.enumerated.end) : undefined);
  const end = b.units[b.units.length - 1]?.end ?? b.segEnd;
  const span = b.enumerated ? spanOf(b.enumerated.start, b.enumerated.end) : spanOf(Math.min(b.segStart, b.trigger.start), end);
  if (!kind) {
    // "Plan: patch testing if not improved": a service DermLens cannot code, only planned, is nothing to report.
    if (intent !== 'performed' || notDone) return undefined;
    return {
      procedure: { id: `unread-${nextId++}`, kind: 'unlisted', status: 'performed', lesionLabels: [], indications: [], text: seg.slice(0, 300), span },
      block: b,
      priorMalignantBiopsy: false,
      sendsTissue: false,
      unreadReason: unread ?? 'procedure type not recognised',
    };
  }
  // Every field named, in the schema's order (the optional ones undefined until set): the rules read procedures of
  // every kind in their hottest loops, and fields added kind by kind gave one object shape per kind (megamorphic reads).
  const procedure: Procedure = {
    id: `p${++nextId}`,
    kind,
    status: intent,
    lesionLabels: b.enumerated && !b.enumerated.unlabeled ? [b.enumerated.label] : b.label ? [b.label] : [],
    specimenLabel: undefined,
    site: undefined,
    lesionDiameterCm: undefined,
    marginCm: undefined,
    excisedDiameterCm: undefined,
    defectDiameterCm: undefined,
    lengthCm: undefined,
    repairLevel: undefined,
    repairFeatures: undefined,
    areaSqCm: undefined,
    primaryDefectSqCm: undefined,
    secondaryDefectSqCm: undefined,
    flapType: undefined,
    graftType: undefined,
    stages: undefined,
    deepStructureInvolved: undefined,
    count: undefined,
    lesionType: undefined,
    reExcision: undefined,
    drivesDecision: undefined,
    drug: undefined,
    modality: undefined,
    appliedBy: undefined,
    debridement: undefined,
    complicated: undefined,
    cosmetic: undefined,
    indications: [],
    documentedCode: undefined,
    text: (seg.trim().length > 0 ? seg : b.trigger.text).trim().slice(0, 400),
    span,
  };
  if (b.site) procedure.site = b.site;
  // Paronychia: "R middle finger … lateral nail fold" — the digit (with its side and number) is the site of the drainage.
  if (kind === 'incision-drainage' && (!b.site || /nail$/.test(b.site.key ?? '')) && ctx) {
    const digit = findSites(ctx, { strict: true }).find((m) => m.site.key === 'finger' || m.site.key === 'thumb' || m.site.key === 'toe');
    if (digit) procedure.site = digit.site;
  }
  // "Longitudinal melanonychia R great toenail. Nail matrix biopsy: …": the nail named just before is the one
  // treated, and its digit and side decide the anatomic modifier (§10.6).
  // "Procedure 1/2: NAIL UNIT BIOPSY" over "Site: L thumb (1st digit, left hand)": the block's own site field names the nail.
  const siteField = procedure.site?.key === 'nail' ? b.units.find((u) => u.field && SITE_FIELDS.test(u.field) && u.value)?.value : undefined;
  const nailWords = siteField ?? ctx;
  if (procedure.site?.key === 'nail' && nailWords) {
    const NAIL_OF: Record<string, string> = { toenail: 'toenail', fingernail: 'fingernail', toe: 'toenail', finger: 'fingernail', thumb: 'fingernail' };
    const named = findSites(nailWords, { strict: true }).filter((m) => NAIL_OF[m.site.key ?? ''] !== undefined);
    // "Ingrown toenail L great toe": the nail and its digit name one nail; the mention with side and digit number says more.
    const sameNail = new Set(named.map((m) => NAIL_OF[m.site.key ?? ''])).size === 1;
    const detail = (m: SiteMatch) => (m.site.laterality ? 2 : 0) + (m.site.subsite ? 1 : 0);
    const one = named.length === 1 || sameNail ? [...named].sort((a, b) => detail(b) - detail(a))[0]?.site : undefined;
    if (one) procedure.site = { ...one, key: NAIL_OF[one.key ?? ''] as string, ...(one.key === 'thumb' && !one.subsite ? { subsite: '1' } : {}) };
  }
  const _scope =
    kind === 'destruction-premalignant' || kind === 'destruction-benign' || kind === 'skin-tag-removal' || kind === 'destruction-malignant'
      ? `${seg}\n${all}`
      : all;
  // Sizes and margins (excision, shave, biopsy, destruction of malignancy).
  const lesionBased = ['excision', 'shave-removal', 'destruction-malignant', 'hidradenitis-excision', 'mohs'].includes(kind) || kind.startsWith('biopsy');
  let clinicalSizeCm: number | undefined;
  if (lesionBased) {
    // ED&C: the size in the procedure's own sentence first; else the lesion line before it ("BCC R ala, 0.8cm. ED&C x3").
    const size =
      b.enumerated?.sizeCm ??
      (kind === 'destruction-malignant' ? (lesionSizeOf(b, `${seg}\n${all}`) ?? lesionSizeOf(b, ctx)) : lesionSizeOf(b, ctxAll)) ??
      examSizeOf(kind, procedure.site);
    if (size !== undefined && size > 0) {
      clinicalSizeCm = size;
      if (kind !== 'mohs') procedure.lesionDiameterCm = size;
    }
  }
  // ED&C: the final curettage defect is kept beside the lesion diameter; which one sets the band is unsettled (§2.3 [U]).
  if (kind === 'destruction-malignant') {
    const defect = defectDiameterOf(`${seg}\n${all}`);
    if (defect !== undefined) procedure.defectDiameterCm = defect;
  }
  if (kind === 'excision' || kind === 'hidradenitis-excision') {
    // "…the lesion measured 14 mm … and I drew 4 mm margins around it. The site was anesthetized … a fusiform excision …":
    // the margin told with the size before the excision's own sentence, as the size is read.
    let margin = findMarginCm(all) ?? (procedure.lesionDiameterCm !== undefined ? findMarginCm(ctx) : undefined);
    // "PROCEDURES: 1. EXCISION OF SCC, L PRETIBIAL LEG." then "The tumor, 2.2 cm in greatest diameter, was marked with 5 mm
    // margins. Under local anesthesia the tumor was excised …": the description's excision joined the listed item, and the
    // sentence just before it measures that tumour.
    if (procedure.lesionDiameterCm === undefined && margin === undefined) {
      const told = b.units.find((u) => u !== b.trigger && /\bexcis/i.test(u.text));
      const at = told ? told.start + told.text.search(/\bexcis/i) : -1;
      // The excision's own sentence up to its word, and the sentence before it.
      const last =
        at >= 0
          ? fullText
              .slice(Math.max(0, at - 300), at)
              .split(/(?<=[.;])\s+/)
              .slice(-2)
              .join(' ')
          : '';
      if (/\b(?:tumou?r|lesion|carcinoma|bcc|scc|nev(?:us|i)|cyst)\b/i.test(last)) {
        const size = lesionSizeOf({ ...b, context: [], units: [] }, last);
        if (size !== undefined && size > 0) {
          clinicalSizeCm = size;
          procedure.lesionDiameterCm = size;
        }
        margin = findMarginCm(last);
      }
    }
    if (margin !== undefined) procedure.marginCm = margin;
    // "Excision of 2 cysts: R upper back (excised diameter 2.4 cm) and L upper back (excised diameter 2.2 cm)": each item's own.
    const excised = (b.enumerated ? excisedDiameterOf(fullText.slice(b.enumerated.start, b.enumerated.end)) : undefined) ?? excisedDiameterOf(all);
    if (excised !== undefined) procedure.excisedDiameterCm = excised;
    if (
      /\bre-?excis|\bpositive\s+margins?|\bmargins?\s+(?:were\s+)?(?:involved|positive)|\bresidual\s+(?:tumor|carcinoma|bcc|scc|melanoma)|\bwider\s+excision|\bwide\s+local\s+excision/i.test(
        allCtx,
      )
    )
      procedure.reExcision = true;
  }
  if (kind === 'repair') {
    // One repair of a sentence that names several (split): its own part of the sentence tells its level and length.
    const own = b.split ? seg : all;
    // "Repair: intermediate; L cheek 2.0 cm; R forearm 3.0 cm": each site of the list takes the level its head names.
    const head = b.sharedText ?? '';
    const level = levelOf(own) ?? levelOf(head);
    if (level) procedure.repairLevel = level;
    const described = head ? `${head}\n${own}` : own;
    const parentText = b.parent ? blockText(b.parent) : undefined;
    procedure.repairFeatures = repairFeaturesOf(described, b.site, parentText !== undefined ? `${described}\n${parentText}` : described);
    // "Excision … Undermined, subcutaneous 3-0 Vicryl, 4-0 nylon running. Repair length 4.0 cm.": a repair that
    // tells only its length is the closure its excision describes.
    if (parentText !== undefined && !level && procedure.repairFeatures.layered === undefined) {
      const layered = layeredOf(parentText);
      if (layered !== undefined) procedure.repairFeatures.layered = layered;
    }
    // "Layered closure …, 1.5 cm": a lone length on the repair's own line is its length.
    const length =
      pluralLengthsCm(own) ??
      findLengthCm(own) ??
      findLengthCm(b.trigger.text.slice(b.segStart - b.trigger.start), true) ??
      // "PROCEDURE: Excision … with layered closure" then "REPAIR: Intermediate, 3.5 cm": the repair field's lone length.
      (b.split
        ? undefined
        : b.units
            .filter((u) => u !== b.trigger && u.field && REPAIR_FIELD.test(u.field) && u.value)
            .map((u) => findLengthCm(u.value ?? '', true))
            .find((x) => x !== undefined)) ??
      // "Procedure: Excision …, with intermediate repair" … "Intermediate layered closure 1.5 cm.": the closure's own sentence.
      (b.split
        ? undefined
        : b.units
            .filter((u) => u !== b.trigger && !u.field && /\b(?:closure|repair|closed)\b/i.test(u.text))
            .map((u) => findLengthCm(u.text, true))
            .find((x) => x !== undefined)) ??
      // "LAYERED CLOSURE, 4-0 VICRYL DEEP AND" / "   STAPLES, 2.8 CM.": a closure line that stops mid-sentence goes on in the next line.
      (b.split ? undefined : runOnLengthCm(b)) ??
      // "Clean 2.0 cm superficial laceration … single-layer closure": the wound's length is its repair length.
      (b.parent ? undefined : woundLengthCm(ctxAll));
    if (length !== undefined) procedure.lengthCm = length;
  }
  if (kind === 'adjacent-tissue-transfer' || kind === 'flap' || kind === 'flap-division') {
    const type = flapTypeOf(all);
    if (type) procedure.flapType = type;
    const primary =
      labelledArea(all, /\bprimary(?:\s+defect)?\b/i) ??
      labelledArea(`${all}\n${b.parent ? blockText(b.parent) : ''}`, /\b(?:(?:final|surgical|post-?mohs|mohs|resulting|wound)\s+)?defect\s*(?:size)?\b/i);
    const secondaryLabel = /\b(?:secondary|donor(?:\s+site)?)(?:\s+defects?)?\b/i;
    // "…rotated into the primary defect. Secondary defect 4.0 x 2.5 cm. Closed in layers…": the donor defect may be told
    // in the closure's sentence that follows; read it there, within the paragraph and before any other flap.
    const lastEnd = b.units[b.units.length - 1]?.end ?? 0;
    const tail = fullText.slice(lastEnd, lastEnd + 300).split(/\n\s*\n|\bflap\b/i)[0] ?? '';
    const secondary = labelledArea(all, secondaryLabel) ?? labelledArea(tail, secondaryLabel);
    const totalLabel = /\btotal\s+(?:\w+\s+){0,2}(?:area|size|defects?)\b|\b(?:flap|att)\s+(?:area|size)\b|\btotal\b(?=\s*(?:of\s+|=\s*)?\d)/i;
    // "Rotation flap, L temple." then "Total area of the flap and defect 9.5 sq cm.": the sum told in the next sentence
    // (the paragraph may name "the flap" again; only another flap's own type starts another flap).
    const totalTail =
      fullText.slice(lastEnd, lastEnd + 300).split(/\n\s*\n|\b(?:rotation|advancement|transposition|bilobed?|rhomb\w*|island|interpolation)\s+flap\b/i)[0] ??
      '';
    const total = labelledArea(all, totalLabel) ?? flapWrittenArea(all) ?? labelledArea(totalTail, totalLabel);
    if (primary !== undefined) procedure.primaryDefectSqCm = primary;
    if (secondary !== undefined) procedure.secondaryDefectSqCm = secondary;
    if (total !== undefined) procedure.areaSqCm = total;
    else if (primary !== undefined && secondary !== undefined) procedure.areaSqCm = round(primary + secondary);
  }
  if (kind === 'graft') {
    const type = /\b(?:stsg|split[- ]thickness)\b/i.test(all)
      ? 'split-thickness'
      : /\b(?:ftsg|full[- ]thickness|burow'?s\s+graft)\b/i.test(all)
        ? 'full-thickness'
        : /\b(?:skin\s+substitute|integra|apligraf|dermagraft|epifix|grafix|xenograft|allograft)\b/i.test(all)
          ? 'skin-substitute'
          : /\bcomposite\b/i.test(all)
            ? 'composite'
            : undefined;
    if (type) procedure.graftType = type;
    // CPT: the recipient area. "STSG 12 x 15 cm (180 sq cm) harvested from thigh", "FTSG … to the 5 x 5 cm (25 sq cm) defect".
    const area =
      labelledArea(all, /\b(?:recipient(?:\s+site)?|graft(?:\s+(?:size|area))?|defect|ftsg|stsg|skin\s+substitute(?:\s+\([^)]{1,30}\))?)\b/i) ??
      // A skin substitute on an ulcer: "Venous leg ulcer L medial ankle, 6 x 5 cm (30 sq cm): Apligraf applied".
      labelledArea(ctxAll, /\b(?:ulcer|wound)\b/i) ??
      areaNamedAfter(all, /^\s*(?:\)\s*)?(?:[\w-]+\s+){0,2}?(?:recipient|defect|wound|bed)\b/i) ??
      (b.parent ? labelledArea(blockText(b.parent), /\b(?:(?:final|surgical|post-?mohs|mohs|resulting)\s+)?defect\b/i) : undefined);
    if (area !== undefined) procedure.areaSqCm = area;
  }
  if (kind === 'mohs') {
    const stages = parseMohsStages(all);
    if (stages) procedure.stages = stages;
  }
  // NCCI/CPT: a same-day biopsy read at once whose result led to the larger procedure (frozen section, "based on this result").
  // "read later this week - not a frozen/immediate read": a read named as not done drives nothing.
  if (
    kind.startsWith('biopsy') &&
    [
      ...all.matchAll(
        /\b(?:frozen(?:\s+section|\s*\/\s*immediate\s+read)|read\s+immediately|immediate(?:ly)?\s+(?:read|interpret\w*)|based\s+on\s+(?:this|the|that)\s+(?:result|reading|frozen)|intra-?operative\s+(?:read|diagnosis))\b/gi,
      ),
    ].some((m) => !/\b(?:not|no|without|never)\s+(?:a\s+|an\s+)?$/i.test(all.slice(Math.max(0, m.index - 12), m.index)))
  )
    procedure.drivesDecision = true;
  if (kind === 'mohs' || kind === 'excision' || kind === 'repair' || kind === 'adjacent-tissue-transfer') {
    // "down to the muscle fascia; muscle not exposed", "to the perichondrium; cartilage not exposed": the fascia over a
    // structure, or a structure named as spared, is no involvement of it (CPT 17311 names the structure itself).
    const spared = (word: string) =>
      new RegExp(
        `\\b${word}\\s+(?:was\\s+|were\\s+|is\\s+)?(?:not|never)\\s+(?:\\w+\\s+)?(?:exposed|involved|invaded|violated|entered)|\\b(?:no|without(?:\\s+exposing)?)\\s+(?:the\\s+)?(?:underlying\\s+)?${word}\\b|\\b${word}\\s+(?:left\\s+)?(?:intact|spared|preserved)`,
        'i',
      ).test(all);
    const deep = [
      ...all.matchAll(
        /\b(?:into|to\s+the\s+level\s+of|down\s+to|involv(?:ed|ing)|through|invad\w+|exposing|exposed)\s+(?:the\s+)?(?:underlying\s+)?(?:\w+\s+)?(muscle|cartilage|bone|periosteum|tendon|perichondrium|major\s+(?:nerve|vessel))\b(?!\s+fascia)/gi,
      ),
    ].some((m) => {
      const word = (m[1] ?? '').toLowerCase();
      const structure = word === 'perichondrium' ? 'cartilage' : word === 'periosteum' ? 'bone' : (word.split(/\s+/).pop() ?? word);
      return !spared(structure) && !spared(word.replace(/\s+/g, '\\s+'));
    });
    if (deep) procedure.deepStructureInvolved = true;
  }
  if (
    [
      'destruction-premalignant',
      'destruction-benign',
      'destruction-malignant',
      'destruction-unspecified',
      'skin-tag-removal',
      'intralesional-injection',
      'paring',
      'nail',
      'acne-surgery',
      'incision-drainage',
    ].includes(kind)
  ) {
    const count = b.enumerated?.unlabeled ? (b.enumerated.count ?? 1) : (findCount(seg) ?? findCount(b.trigger.text) ?? findCount(ctxAll));
    // "ED&C x2", "C&D x3" right after the technique counts its cycles, not lesions (one lesion, one site named).
    // "ED&C of the same 0.7 cm lesion …: curettage x3 + ED" of a BCC only suspected (kind not yet known) counts cycles too.
    const cycles =
      (kind === 'destruction-malignant' || kind === 'destruction-unspecified') &&
      !b.enumerated &&
      /\b(?:ed\s*&\s*c|ed\s+and\s+c|edc|c\s*&\s*d|curett\w*)\s*(?:x|×)\s*[1-4]\b(?!\s*(?:lesions?|bccs?|sccs?|sites?|tumou?rs?|cancers?))/i.test(seg) &&
      !/\b(?:two|three|four|both|\d)\s+(?:\w+\s+)?(?:lesions|bccs|sccs|sites|tumou?rs|cancers)\b/i.test(ctxAll);
    if (count !== undefined && !cycles) procedure.count = count;
    // "Keloids of the R earlobe and mid chest injected …": lesions listed by site and not counted are one a site (§9.1
    // counts lesions). The block's own words, else (naming no site) the lesion line before it.
    if (kind === 'intralesional-injection' && procedure.count === undefined) {
      const named = lesionsNamedBySite(all) ?? (matchSite(all) ? undefined : lesionsNamedBySite(ctx));
      if (named !== undefined) procedure.count = named;
    }
  }
  // Aetna covers a medium or deep peel for 15 or more AKs (§12.3): the count is usually told in the exam, not the peel's words.
  if (kind === 'chemical-peel') {
    const count = findCount(all) ?? akCountIn(ctxAll) ?? akCountIn(fullText.slice(0, 20_000));
    if (count !== undefined) procedure.count = count;
  }
  // "Irritated 0.3 cm papilloma on the R upper eyelid margin." / "Destruction by hyfrecation": one lesion's size
  // (from the finding line before it) decides site-specific codes such as 67850 (up to 1 cm).
  if (
    (kind === 'destruction-benign' || kind === 'destruction-premalignant' || kind === 'destruction-unspecified') &&
    (procedure.count ?? 1) === 1 &&
    procedure.lesionDiameterCm === undefined
  ) {
    const size = lesionSizeOf(b, ctxAll);
    if (size !== undefined && size > 0) {
      procedure.lesionDiameterCm = size;
      clinicalSizeCm ??= size;
    }
  }
  if (kind === 'incision-drainage') {
    // "Packing placed: No", "Loculations broken up: No", "no packing needed": a step answered no is not done.
    const done = all
      .replace(/^[^\n:]{0,60}:[ \t]*(?:no|none|n\/?a|not\s+(?:done|placed|needed|present))\b[^\n]*$/gim, '')
      .replace(/\b(?:no|without|not)\s+(?:\w+\s+){0,2}?(?:loculat\w*|pack(?:ed|ing)|iodoform)\b/gi, '')
      // "Loculations not present", "packing not needed": the negation after the word.
      .replace(/\b(?:loculat\w*|packing)\s+(?:(?:was|were)\s+)?(?:not\s+(?:present|seen|noted|found|identified|needed|required|placed|used)|absent)\b/gi, '');
    if (/\b(?:complicated|complex|multiple|loculat\w*|pack(?:ed|ing)|iodoform|several\s+abscess|abscesses)\b/i.test(done)) procedure.complicated = true;
  }
  if (lesionType) procedure.lesionType = lesionType;
  // CPT 17250 (chemical cautery of granulation tissue) and 17340 (cryotherapy for acne) are destructions of their own kind.
  if (kind.startsWith('destruction')) {
    if (/\b(?:granulation\s+tissue|hypergranulation|proud\s+flesh)\b/i.test(allCtx)) {
      procedure.lesionType = 'granulation-tissue';
      if (/\bsilver\s+nitrate|chemical\s+cautery|chemocautery\b/i.test(all)) procedure.modality = 'chemical-cautery';
    } else if (/\bacne\b/i.test(`${seg}\n${all}`) && /\b(?:cryo\w*|ln2|liquid\s+nitrogen|slush)\b/i.test(all)) {
      procedure.lesionType = 'acne';
      procedure.modality = 'cryotherapy';
    }
  }
  // Drugs.
  if (['intralesional-injection', 'injection', 'infusion', 'chemodenervation', 'cosmetic-other', 'pdt'].includes(kind)) {
    const route = kind === 'intralesional-injection' ? 'intralesional' : kind === 'pdt' ? 'topical' : kind === 'infusion' ? 'intravenous' : undefined;
    // The block's own words first: "doxycycline 100 mg" on the line before is another problem's prescription.
    const count = kind === 'intralesional-injection' ? procedure.count : undefined;
    const own = extractDrug(all, route, count);
    const drug = own?.amountGiven !== undefined ? own : (extractDrug(allCtx, route, count) ?? own);
    if (drug) procedure.drug = drug;
  }
  if (kind === 'phototherapy') {
    const t = all;
    procedure.modality = /goeckerman/i.test(t)
      ? 'goeckerman'
      : /\bpuva\b/i.test(t)
        ? 'puva'
        : /\b(?:nb-?uvb|nbuvb|narrow[- ]?band)\b/i.test(t)
          ? 'nbuvb'
          : /\bbb-?uvb|broad[- ]?band/i.test(t)
            ? 'bbuvb'
            : /\buv-?b\b/i.test(t)
              ? 'uvb'
              : /\buva1?\b/i.test(t)
                ? 'uva'
                : 'unspecified';
  }
  if (kind === 'laser-psoriasis' || kind === 'vascular-laser') {
    procedure.modality = kind === 'laser-psoriasis' ? 'excimer' : /\bpdl|pulsed[- ]dye|v-?beam/i.test(all) ? 'pdl' : 'laser';
    // CPT §8.1: one code for the day's total treated area — a stated total, else the sum of the areas listed.
    // "Treatment area: whole plaque, 4.0 x 3.5 cm = 14 sq cm." on a line above "Procedure: pulsed dye laser …": the area
    // the session treats may be told before the laser words.
    const told = findAreas(all).length > 0 ? all : allCtx;
    const total = labelledArea(told, /\btotal\s+(?:\w+\s+){0,2}(?:area|bsa|surface)(?:\s+treated)?\b/i);
    const areas = findAreas(told);
    const sum = areas.reduce((n, a) => n + a.sqCm, 0);
    // "R elbow 40 cm2, … L knee 45 cm2. Total 230 cm2.": an area equal to the sum of the others is their total.
    const totalOfOthers = areas.length > 2 ? areas.find((a) => Math.abs(2 * a.sqCm - sum) < 0.05)?.sqCm : undefined;
    if (total !== undefined) procedure.areaSqCm = total;
    else if (totalOfOthers !== undefined) procedure.areaSqCm = totalOfOthers;
    else if (areas.length > 0) procedure.areaSqCm = round(sum);
    else if (kind === 'laser-psoriasis') {
      // "2 plaques, R elbow 10 x 8 cm and L elbow 9 x 7 cm": each plaque's length x width is its area.
      const plaques = findSizes(all).filter(
        (z) => z.dims.length === 2 && !/\b(?:spot|handpiece|tip|beam|window)\b[^.;\n]{0,15}$/i.test(all.slice(Math.max(0, z.start - 30), z.start)),
      );
      if (plaques.length > 0) procedure.areaSqCm = round(plaques.reduce((n, z) => n + (z.dims[0] as number) * (z.dims[1] as number), 0));
    }
  }
  if (kind === 'pdt') {
    procedure.modality = /\bameluz\b/i.test(all)
      ? 'ameluz'
      : /\blevulan|kerastick\b/i.test(all)
        ? 'levulan'
        : /\bala\b|aminolevulinic/i.test(all)
          ? 'ala'
          : 'unspecified';
    if (
      /\b(?:applied|illuminat\w*|performed)\s+by\s+(?:the\s+)?(?:ma|medical\s+assistant|nurse|rn|lpn|staff|tech(?:nician)?|aesthetician)\b|\b(?:ma|nurse|staff|technician)\s+(?:applied|illuminated)\b/i.test(
        all,
      )
    )
      procedure.appliedBy = 'staff';
    else if (
      /\b(?:applied|illuminat\w*|performed)\s+by\s+(?:me|myself|the\s+physician|physician|dr\.?\s+\w+|provider|the\s+provider|md|pa-?c|np)\b|\bi\s+(?:personally\s+)?(?:applied|illuminated|performed)\b/i.test(
        all,
      )
    )
      procedure.appliedBy = 'physician';
    // CPT 96574: curettage/abrasion of hyperkeratotic lesions; an acetone scrub or peel is not debridement.
    if (
      /\b(?:curett\w*|debrid\w*|abrad\w*|abrasion|microdermabrasion)\b/i.test(all) &&
      !/\b(?:no|without)\s+(?:curett\w*|debrid\w*)|\b(?:curettage|debridement)\s*:\s*(?:none|no|n\/?a|not)\b/i.test(all)
    )
      procedure.debridement = true;
    else procedure.debridement = false;
    const area = findAreas(all)[0];
    if (area) procedure.areaSqCm = area.sqCm;
  }
  const cptInText =
    /\b(?:cpt\s*(?::\s*)?)?((?:1[0-7]\d{3}|9\d{4}|6\d{4}|4\d{4}|5\d{4}|8\d{4}|30100|67\d{3}|69\d{3}|J\d{4}|G\d{4})(?:\s*[,/&]\s*(?:1[0-7]\d{3}|9\d{4}|J\d{4}))*)\b/.exec(
      seg,
    );
  if (cptInText?.[1] && /\(|cpt|code/i.test(seg)) procedure.documentedCode = cptInText[1].replace(/\s+/g, '');
  // CPT 12020/13160: a repair of a dehiscence is its own service — keep the word with the repair.
  if (kind === 'repair' && /\bdehiscen/i.test(ctxAll) && !/\bdehiscen/i.test(procedure.text)) procedure.text = `dehiscence: ${procedure.text}`.slice(0, 400);
  const intentScope = b.split ? seg : ctxAll;
  procedure.indications = indicationsOf(intentScope);
  if (cosmeticOf(intentScope)) {
    // "Acne scarring, cheeks - discussed fractional laser (cosmetic, not covered)." above "Intralesional Kenalog to 4 acne
    // cysts": a line above led by another condition says nothing of whether this procedure is cosmetic.
    // "Telangiectasias, nose and cheeks - … cosmetic, quoted self-pay." above "Lesion L upper back … - shave biopsy": a line
    // led by a condition the procedure does not name, at sites only in other regions, is that condition's own item.
    const region = (key: string | undefined) => siteInfo(key)?.region ?? key;
    const here = region(b.site?.key);
    const own = b.context.filter((c) => {
      const head = c.lineStart ? conditionLead(c.text) : undefined;
      if (!head) return true;
      if (otherCondition(head, all)) return false;
      if (!here || all.toLowerCase().includes(head)) return true;
      const there = findSites(c.text, { strict: true }).map((m) => region(m.site.key));
      return there.length === 0 || there.includes(here);
    });
    if (own.length === b.context.length || cosmeticOf(`${unitTexts(own, [], '\n')}\n${all}`)) procedure.cosmetic = true;
  }
  // The same question as siteDx unless the procedure's site was narrowed since (a nail's digit): asked once.
  const ownDx = procedure.site?.key === blockSiteKey ? siteDx : siteDxPart(dx, procedure.site?.key);
  const clinicalDiagnosis = ownDx ?? itemDxOf(b, dx) ?? alsoDx ?? dx ?? contextDx;
  const specimenLabel = specimenLabelOf(b, seg);
  // "Shave removal, all sent to path:" then "1. L upper back …": a list header's sending applies to every item it introduces.
  const sendsTissue = sendsTissueOf(kind, b.listOf ? `${all}\n${b.listOf.trigger.text}` : all, specimenLabel);
  const destination = ownDestination(allCtx, specimenLabel);
  const out: ParsedProcedure = {
    procedure,
    block: b,
    // Of a list of diagnoses, only this lesion's part says whether a biopsy proved it malignant.
    // "Shave bx R shoulder (A) and punch bx L calf (B), both r/o BCC; and ED&C of bx-proven sBCC mid back": in a sentence
    // of several procedures, the proof belongs to the one whose own words carry it.
    // "Excision of biopsy-proven dermatofibroma": what the biopsy proved is named, and it is not a malignancy.
    priorMalignantBiopsy:
      (lesionType === undefined || lesionType === 'other' || MALIGNANT_TYPES.has(lesionType)) &&
      priorMalignantBiopsyIn(b.split && kind.startsWith('biopsy') ? seg : ownDx && dx ? ctxAll.replace(dx, ownDx) : ctxAll),
    sendsTissue,
  };
  if (lesionType) out.lesionType = lesionType;
  if (clinicalDiagnosis) out.clinicalDiagnosis = clinicalDiagnosis;
  if (clinicalSizeCm !== undefined) out.clinicalSizeCm = clinicalSizeCm;
  if (specimenLabel) out.specimenLabel = specimenLabel;
  if (destination) out.destination = destination;
  return out;
}

export function sendsTissueOf(kind: ProcedureKind, text: string, specimenLabel: string | undefined): boolean {
  if (/\b(?:not\s+sent|discarded|no\s+specimens?|none\s+sent|not\s+submitted|specimen\s+not\s+(?:sent|submitted)|no\s+path(?:ology)?)\b/i.test(text))
    return false;
  // "Sent to pathology: No", "Specimen sent to pathology: Yes [ ] No [x]" (the unticked option already blanked).
  if (/\b(?:path(?:ology)?|histo\w*|lab|specimen(?:\s+sent)?)\s*[:?](?:\s|\[\s*(?:[xX✓✔]\s*)?\]|[☐☑☒])*(?:no|none|n)\b(?!\s*(?:[:.]\s*)?[A-Z]\b)/i.test(text))
    return false;
  if (kind.startsWith('biopsy') || kind === 'excision' || kind === 'hidradenitis-excision') return true;
  // "Debulk specimen sent for permanent sections (A)": tissue apart from the Mohs layers goes to pathology (§6.3).
  if (kind === 'mohs')
    return /\b(?:debulk\w*|extra\s+margin)\b[^.;\n]{0,60}\b(?:sent|submitted|permanent)|\bsent\s+(?:separately\s+)?for\s+permanent\s+sections?\b/i.test(text);
  if (kind === 'shave-removal' || kind === 'skin-tag-removal' || kind === 'nail' || kind === 'debridement' || kind === 'destruction-malignant') {
    return (
      Boolean(specimenLabel) ||
      /\b(?:sent\s+(?:to|for)\s+(?:(?:our|the|in[- ]house|in[- ]office|outside)\s+){0,2}(?:path|pathology|histo|dermpath|dermatopathology|the\s+lab|lab)|submitted\s+(?:to|for)\s+(?:path|pathology|histo)|specimens?\s+(?:was\s+|were\s+)?(?:sent|submitted)|specimens?\s+(?:to|for)\s+(?:the\s+)?(?:path|pathology|histo\w*|derm\s*path\w*|dermatopath\w*|lab)\b|to\s+pathology|for\s+histolog|[,;–—-]\s*(?:sent\s+)?(?:to\s+)?(?:path|pathology|dermpath)(?:\s+[A-H]\d?)?\s*(?:[.;]|$))/i.test(
        text,
      )
    );
  }
  return false;
}

const EXTERNAL_LAB =
  /\b(?:(?<!\b(?:no|without|any)\s)(?:outside|external)\s+(?:lab|laboratory|derm\s*path(?:ology)?|dermatopath(?:ology)?|path(?:ology)?|pathologists?|dermatopathologists?)|reference\s+lab|sent\s+out|labcorp|lab\s*corp|quest|dermpath\s+diagnostics|aurora\s+diagnostics|sonic|miraca|inform\s+diagnostics|propath|cockerell|poplar|mayo|arup|neogenomics|dermatopathology\s+(?:associates|laboratory\s+of)|dermpath\s+lab)\b/i;
// "<Name> Pathology Associates": the same as `\b\w+\s+(?:dermatopathology|pathology)\s+(?:lab|…)\b`, but found from the
// word "pathology" and checked back by hand, instead of trying a leading \w+ at every word of the text.
const PATHOLOGY_LAB = /(?:dermatopathology|pathology)\s+(?:lab|laboratory|associates|services|group|partners)\b/gi;

function namedPathologyLab(text: string): boolean {
  PATHOLOGY_LAB.lastIndex = 0;
  for (let m = PATHOLOGY_LAB.exec(text); m; m = PATHOLOGY_LAB.exec(text)) {
    let k = m.index - 1;
    if (k < 0 || !/\s/.test(text[k] as string)) continue;
    while (k >= 0 && /\s/.test(text[k] as string)) k--;
    if (k >= 0 && /\w/.test(text[k] as string)) return true;
  }
  return false;
}

const IN_HOUSE =
  /\b(?:in[- ]house|in[- ]office\s+(?:lab|dermatopathology|path)|our\s+(?:own\s+)?(?:lab|(?:dermato)?patholog(?:y|ists?)|dermpath(?:ologists?)?)|this\s+practice'?s?\s+lab|practice\s+lab)\b/i;

// "Slides from Quest reviewed by me", "I reviewed the slides", "professional read by our dermatopathologist":
// an outside lab made the slides and the practice reads them (the professional component is ours, §7.3).
const PRACTICE_READS =
  /\b(?:slides?|glass(?:es)?)\s+(?:from|prepared\s+(?:by|at)|made\s+(?:by|at)|cut\s+(?:by|at))\s+[^.;:\n]{1,40}?\s+(?:were\s+|was\s+)?(?:reviewed|read|interpreted|examined)\b(?!\s+(?:by|at)\s+(?:the\s+|their\s+)?(?:lab|pathologist|dermatopathologist|\w+\s+(?:lab|pathology)))|\b(?:i|we)\s+(?:personally\s+)?(?:reviewed|read|interpreted|examined)\s+(?:the\s+)?(?:glass\s+)?slides\b|\bprofessional\s+(?:read|interpretation|component)\s+(?:by|performed\s+by)\s+(?:me|us|our|this\s+practice)\b/i;

/** The note says the practice read the slides an outside lab prepared. */
export function practiceReadsSlides(text: string): boolean {
  return PRACTICE_READS.test(text);
}

/**
 * "Punch bx … (A), … (B), … (C). B for DIF sent to outside lab.": a destination sentence that names its jars
 * speaks for those jars only; the others keep the practice's arrangement.
 */
export function ownDestination(text: string, specimenLabel: string | undefined): 'in-house' | 'external' | undefined {
  const whole = destinationOf(text);
  if (!whole || !specimenLabel) return whole;
  const sentences = text.split(/(?<=[.;])\s+|\n/).filter((x) => destinationOf(x) !== undefined);
  if (sentences.length === 0) return whole;
  // Jar letters B-H stand alone; "A" is a jar only where it cannot be the article ("(A)", "specimen A", "A:", "A and B").
  const named = sentences.map((x) => [
    ...jarRanges(x),
    ...[...x.matchAll(/(?:^|[\s(,/])([B-H])(?=[\s),:/]|$)(?!\s*(?:mm|cm))/g)].map((m) => m[1]),
    ...(/\(A\)|\b(?:spec(?:imen)?s?|jars?)\s+A\b|\bA\s*[:),/]|\bA\s+(?:and|&)\s+[B-H]\b/.test(x) ? ['A'] : []),
  ]);
  if (named.some((labels) => labels.length === 0)) return whole;
  const mine = sentences.filter((_, k) => named[k]?.includes(specimenLabel.toUpperCase()));
  return mine.length > 0 ? destinationOf(mine.join(' ')) : undefined;
}

/** "Specimens A-H", "jars B through D": every letter of the range. */
export function jarRanges(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b([A-H])\s*(?:[-\u2013]|\s(?:through|thru|to)\s)\s*([A-H])\b(?![-'])/g)) {
    const from = (m[1] as string).charCodeAt(0);
    const to = (m[2] as string).charCodeAt(0);
    for (let c = from; c <= to; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

export function destinationOf(text: string): 'in-house' | 'external' | undefined {
  if (IN_HOUSE.test(text) || PRACTICE_READS.test(text)) return 'in-house';
  if (
    EXTERNAL_LAB.test(text) ||
    namedPathologyLab(text) ||
    /\bsent\s+to\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}\s+(?:lab|laboratory|diagnostics|pathology|dermpath)/.test(text)
  )
    return 'external';
  return undefined;
}
