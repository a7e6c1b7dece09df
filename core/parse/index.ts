import { siteInfo } from '../anatomy/sites';
import { findSites, pickSite, resolveSite } from '../anatomy/vocabulary';
import { Encounter, type Lesion, type PathologyReport, type Procedure, type Site, type Span, type Specimen, type SpecimenType, type Unread } from '../model';
import { budgetExceeded, overBudget, startBudget } from './budget';
import { isCodeGrid, withCodeGridsAsCharges } from './code-grid';
import { appliedCorrections } from './corrections';
import {
  dropBareBiopsyMentions,
  dropBiopsyMentions,
  dropBiopsySummaries,
  dropContainerLines,
  dropPluralRetellings,
  expandCountedBiopsies,
} from './counted-biopsies';
import { parseDate } from './dates';
import { patientNameOf } from './identity';
import { jarKeys, sideOf } from './jar-key';
import { behaviorOf, cosmeticOf, indicationsOf, setServiceDate } from './lexicon';
import { findCount, NUMBER_WORDS } from './measure';
import { resetMemos } from './memo';
import { withNumberedAssessmentRows } from './numbered-rows';
import { withoutOtherEncounters } from './other-encounters';
import { frozenDone, LAB_BILLS, parsePathology, readByOf } from './pathology';
import { plainText } from './plain-text';
import {
  blocksOf,
  destinationOf,
  jarRanges,
  ownDestination,
  type ParsedProcedure,
  practiceReadsSlides,
  procedureOf,
  resetProcedureIds,
  sendsTissueOf,
  WISH,
} from './procedures';
import { sectionUnits } from './section-units';
import { roleOfSnapshot, type Section, type SectionRole, splitSections } from './sections';
import { findTriggers, priorMalignantBiopsyIn } from './triggers';
import type { Unit } from './units';
import { chargesOf, dateOfServiceOf, emOf, mdmOf, minutesOf, noteDatedOf, placeOfServiceOf, problemsOf, visitFlags } from './visit';

export { extractIdentity, normalizeName } from './identity';
export { splitSections } from './sections';

export interface ParseOptions {
  /** Section name used for spans when the text is a whole note without headings. */
  section?: string;
  id?: string;
  /**
   * Wall-clock budget in ms for long notes. The extension keeps the default (a chart edit must never stall the
   * browser); batch callers such as the command line pass Infinity so a long note is always read whole, the same
   * way on a fast or a loaded machine.
   */
  budgetMs?: number;
}

export interface InputSection {
  name: string;
  role?: string;
  text: string;
}

/** Only this much of a note is read; no visit note comes near it (5 MB of junk must still parse in < 50 ms). */
export const MAX_NOTE_CHARS = 60_000;

const PROCEDURE_ROLES = new Set<SectionRole>(['note', 'header', 'exam', 'procedure', 'assessment', 'other', 'visit']);

/** Whole note text → Encounter. Never throws; unreadable parts become `unread` entries. */
export function parseNote(text: string, options: ParseOptions = {}): Encounter {
  const id = options.id ?? 'encounter';
  try {
    // Only the first MAX_NOTE_CHARS are read: plain-text cleaning of megabytes beyond them would be wasted time.
    const bounded = typeof text === 'string' && text.length > MAX_NOTE_CHARS * 4 ? text.slice(0, MAX_NOTE_CHARS * 4) : text;
    const input = typeof bounded === 'string' ? appliedCorrections(withoutOtherEncounters([plainText(bounded)])[0] ?? '') : '';
    startBudget(options.budgetMs ?? budgetFor(input.length));
    const { body, unread } = cap(input, bounded !== text);
    const sections = splitSections(body, options.section ?? 'note');
    return build(body, sections, id, unread);
  } catch (error) {
    // A parser bug must never take the panel or the CLI down: keep the text, report the failure.
    return Encounter.parse({
      id,
      sections: { [options.section ?? 'note']: typeof text === 'string' ? text.slice(0, MAX_NOTE_CHARS) : '' },
      unread: [{ text: '', reason: `parser error: ${(error as Error)?.message ?? String(error)}` }],
    });
  }
}

/** An EMR adapter's sections → Encounter; sections of role note/other are split further by their own headings. */
export function parseSections(input: InputSection[], options: ParseOptions = {}): Encounter {
  const id = options.id ?? 'encounter';
  try {
    startBudget(options.budgetMs ?? budgetFor(Array.isArray(input) ? input.reduce((n, s) => n + (typeof s?.text === 'string' ? s.text.length : 0), 0) : 0));
    let body = '';
    const sections: Section[] = [];
    const unread: Unread[] = [];
    const used = new Map<string, number>();
    const given = (Array.isArray(input) ? input : []).filter((s) => s && typeof s.text === 'string');
    // Another encounter shown on the same page (a notes list expanded in place) is left out.
    const texts = correctedSections(
      withoutOtherEncounters(given.map((s) => s.text)).map((t) => plainText(t.slice(0, MAX_NOTE_CHARS))),
      given.map((s) => roleOfSnapshot(String(s.name || 'section').slice(0, 200), s.role) === 'pathology'),
    );
    const seen = new Set<string>();
    for (const [k, s] of given.entries()) {
      const raw = texts[k] as string;
      const room = MAX_NOTE_CHARS - body.length;
      if (room <= 0) {
        unread.push({ text: String(s.name ?? ''), reason: `note longer than ${MAX_NOTE_CHARS} characters: section not read` });
        continue;
      }
      const text = raw.length > room ? raw.slice(0, room) : raw;
      if (copiedSection(text, seen)) continue;
      if (body.length > 0) body += '\n\n';
      const start = body.length;
      body += text;
      const baseName = String(s.name || 'section').slice(0, 200);
      const role = roleOfSnapshot(baseName, s.role);
      const inner = role === 'note' || role === 'other' ? splitSections(text, baseName) : withReportParts(text, baseName, role);
      for (const sec of inner) {
        const name = sec.name === 'header' && inner.length > 1 ? `${baseName} header` : sec.name;
        const count = (used.get(name) ?? 0) + 1;
        used.set(name, count);
        sections.push({ ...sec, name: count > 1 ? `${name} (${count})` : name, start: start + sec.start });
      }
    }
    return build(body, sections, id, unread);
  } catch (error) {
    return Encounter.parse({ id, unread: [{ text: '', reason: `parser error: ${(error as Error)?.message ?? String(error)}` }] });
  }
}

/**
 * A section that repeats the sections read before it, line for line (a print-preview pane beside the chart, a copy
 * of the note in a side panel): the visit is told once. Two long lines in three already read, and no procedure in the
 * others (a footer, a signature), make a copy; the lines of every section read are remembered.
 */
function copiedSection(text: string, seen: Set<string>): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((l) => l.length >= 25);
  const fresh = lines.filter((l) => !seen.has(l));
  const again = lines.length - fresh.length;
  if (again >= 2 && again * 3 >= lines.length * 2 && fresh.every((l) => findTriggers(l).length === 0)) return true;
  for (const l of lines) seen.add(l);
  return false;
}

/**
 * A correction ("Addendum: … was on the L neck, not the L back", "site was R, not L") rewrites the words before it: in
 * its own section and in the note's sections above it (an EMR files the addendum as a section of its own). A pathology
 * report's revisions stay inside the report.
 */
function correctedSections(texts: string[], pathology: boolean[]): string[] {
  const SEP = '\n\u0000\n';
  const out = texts.map((t, k) => (pathology[k] ? appliedCorrections(t) : t));
  const note = texts.flatMap((t, k) => (pathology[k] || t.includes('\u0000') ? [] : [k]));
  const fixed = appliedCorrections(note.map((k) => texts[k]).join(SEP)).split(SEP);
  if (fixed.length !== note.length) return texts.map(appliedCorrections);
  for (const [i, k] of note.entries()) out[k] = fixed[i] as string;
  return out;
}

/**
 * An EMR section of a known role keeps that role, except for a pathology report or addendum
 * appended inside it ("Addendum 06/29/2026: Path A: …" at the end of the Assessment/Plan):
 * that part is read as pathology, as it is in a note. So are a template's numbered procedures
 * under a history title ("Reason for visit" over "Procedure 1 - Shave removal"): they are procedures.
 */
function withReportParts(text: string, name: string, role: SectionRole): Section[] {
  const whole: Section[] = [{ name, role, start: 0, text }];
  const numbered = role !== 'procedure' && /^procedure\s*(?:#\s*)?\d/im.test(text);
  if (role === 'pathology' || (!numbered && !/\b(?:addend|path|patholog|dermpath|biopsy\s+results?|final\s+diagnos)/i.test(text))) return whole;
  const own = (p: Section) => p.role === 'pathology' || (numbered && p.role === 'procedure' && /^procedure\s*(?:#\s*)?\d/i.test(p.name));
  const parts = splitSections(text, name);
  if (!parts.some((p) => own(p) && p.start > 0)) return whole;
  const out: Section[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (own(p)) out.push(p);
    else if (last && last.role === role) out[out.length - 1] = { ...last, text: text.slice(last.start, p.start + p.text.length) };
    else out.push({ name: out.length === 0 ? name : `${name} (cont.)`, role, start: p.start, text: p.text });
  }
  return out;
}

function cap(text: string, cut = false): { body: string; unread: Unread[] } {
  if (text.length <= MAX_NOTE_CHARS && !cut) return { body: text, unread: [] };
  return {
    body: text.slice(0, MAX_NOTE_CHARS),
    unread: [
      {
        text: text.slice(MAX_NOTE_CHARS, MAX_NOTE_CHARS + 80),
        reason: `note longer than ${MAX_NOTE_CHARS} characters: only the first ${MAX_NOTE_CHARS} were read`,
      },
    ],
  };
}

/**
 * Notes of ordinary size are always read whole (their work is bounded by their length, and a
 * time limit would make a cold first parse lose facts); only large inputs run against the clock.
 */
function budgetFor(length: number): number {
  return length > 15_000 ? BUDGET_MS : Number.POSITIVE_INFINITY;
}

/** No visit has more procedures than this; past it the note is junk or a pasted chart history. */
const MAX_PROCEDURES = 200;

/** Extraction stops after this many ms; the rest of the note is reported unread. */
const BUDGET_MS = 12;

function build(body: string, sections: Section[], id: string, unread: Unread[]): Encounter {
  // A procedure "performed 10/28/2026" is read against the visit's own date (lexicon intentOf).
  setServiceDate(dateOfServiceOf(body));
  try {
    return buildEncounter(body, sections, id, unread);
  } finally {
    setServiceDate(undefined);
  }
}

function buildEncounter(text: string, given: Section[], id: string, unread: Unread[]): Encounter {
  const { body, sections } = withNumberedAssessmentRows(text, withCodeGridsAsCharges(given));
  resetProcedureIds();
  resetMemos();
  // Sections are in text order: find the one holding `start` by binary search.
  const spanOf = (start: number, end: number): Span | undefined => {
    let lo = 0;
    let hi = sections.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sections[mid] as Section;
      if (start < s.start) hi = mid - 1;
      // A start at the very end of a section is the start of the next one when that one begins there ("Procedure: I&D …"
      // right after the header): else the procedure's span is an empty slice at the end of the header.
      else if (start > s.start + s.text.length || (start === s.start + s.text.length && (sections[mid + 1]?.start ?? Number.POSITIVE_INFINITY) <= start))
        lo = mid + 1;
      else {
        const from = start - s.start;
        const to = Math.max(from, Math.min(end, s.start + s.text.length) - s.start);
        return { section: s.name, start: from, end: to };
      }
    }
    return undefined;
  };

  // Procedures.
  const parsed: ParsedProcedure[] = [];
  const carry = {};
  // SOAP notes number the assessment ("A: 2) Lesion R nasal ala, r/o BCC") and the plan ("P: 2) shave biopsy of …")
  // alike: a numbered plan item takes the impression of the assessment item with its number.
  const assessments = sections.filter((s) => s.role === 'assessment');
  const assessed = numberedItems(assessments);
  for (const s of sections) {
    if (!PROCEDURE_ROLES.has(s.role)) continue;
    if (overBudget()) break;
    for (const b of blocksOf(s, carry)) {
      if (overBudget()) break;
      const items = b.label && !b.parent ? (assessed.get(b.label) ?? []).filter((x) => x.section !== s) : [];
      // "Impression: (1) r/o BCC R lower lid. (2) r/o SCC … L helix." over "Procedures: (1) Shave biopsy, R lower eyelid
      // skin …": a lone assessment numbers its items as the procedures do only where both name the same site.
      const item = items.length === 1 && (assessments.length >= 2 || sameItemSite(items[0]?.unit.text ?? '', b.site)) ? items[0] : undefined;
      if (item && !b.context.includes(item.unit) && !b.units.includes(item.unit)) {
        b.context.unshift(item.unit);
        b.site ??= pickSite(findSites(item.unit.text, { strict: true }))?.site;
      }
      const p = procedureOf(b, body, spanOf);
      if (!p) continue;
      if (parsed.length >= MAX_PROCEDURES) break;
      if (p.unreadReason) {
        unread.push({ text: p.procedure.text, reason: `could not read: ${p.unreadReason}`, ...(p.procedure.span ? { span: p.procedure.span } : {}) });
        continue;
      }
      parsed.push(p);
    }
  }
  dropRestatements(parsed);
  dropVisitReasons(parsed);
  mergeRequests(parsed);
  mergeSameSpecimen(parsed);
  mergeTitleProcedures(parsed);
  dropBackReferencedSummary(parsed);
  mergeMohsMentions(parsed);
  mergeOncePerSite(parsed);
  mergeOpNoteDescriptions(parsed);
  mergeRetoldCounts(parsed);
  noSpecimensSent(parsed, body);
  jarAfterDestruction(parsed);
  splitCosmeticRemainder(parsed);
  expandCountedBiopsies(parsed, body);
  dropBiopsySummaries(parsed);
  orphanIndications(parsed, sections);
  dropPluralRetellings(parsed);
  dropContainerLines(parsed);
  dropBiopsyMentions(parsed);
  dropBareBiopsyMentions(parsed);
  fillSingleSite(parsed, sections);
  closureOfNamedLesion(parsed);
  // Closures inherit the lesion of their parent procedure.
  for (const p of parsed) {
    const parent = p.block.parent ? parsed.find((q) => q.block === p.block.parent) : undefined;
    if (parent && p.procedure.lesionLabels.length === 0 && parent.procedure.lesionLabels.length > 0)
      p.procedure.lesionLabels = [...parent.procedure.lesionLabels];
    if (parent && parent.procedure.status !== 'performed' && p.procedure.status === 'performed') p.procedure.status = parent.procedure.status;
  }

  const lesions = lesionsOf(parsed);
  provenInHistory(parsed, lesions, sections);
  indicatedInHistory(parsed, sections);
  for (const p of parsed) {
    const parent = p.block.parent ? parsed.find((q) => q.block === p.block.parent) : undefined;
    if (parent && p.procedure.lesionLabels.length === 0) p.procedure.lesionLabels = [...parent.procedure.lesionLabels];
  }
  const noteDestination = destinationOf(body.slice(0, 100_000));
  // "Sent to Quest" then "slides from Quest reviewed by me": the lab made the slides, the practice reads them.
  const readHere = noteDestination === 'in-house' && practiceReadsSlides(body.slice(0, 100_000));
  // "B for DIF sent to outside lab": a note-wide destination that names its jars is theirs only.
  const noteBody = body.slice(0, 100_000);
  const destinationFor = (label: string) => (noteDestination === 'external' ? ownDestination(noteBody, label) : noteDestination);
  const specimens = specimensOf(parsed, destinationFor, unread, readHere);

  // Pathology.
  const pathology: PathologyReport[] = [];
  for (const s of sections) if (s.role === 'pathology' && !overBudget()) pathology.push(...parsePathology(s, spanOf, unread));
  matchLabelsByOrder(pathology, specimens);
  // The visit's only specimen and its only result, neither lettered ("Path: compound nevus, margins clear"): the result
  // is that specimen's, with nothing for the coder to confirm.
  if (specimens.length === 1 && pathology.length === 1 && pathology[0]?.specimenLabel === specimens[0]?.label) {
    const guessed = unread.findIndex((u) => u.reason === 'pathology specimen label not documented');
    if (guessed >= 0) unread.splice(guessed, 1);
  }
  // Dates the report states outside its diagnosis lines ("Collected: 04/20/2026" in the banner), or on the item itself.
  const noteCollected = dateLabelled(body, /\b(?:collected|date\s+collected|date\s+of\s+(?:procedure|collection|biopsy)|procedure\s+date)\b[^\n\d]{0,12}/i);
  const noteSigned = dateLabelled(body, /\b(?:signed(?:\s+out)?|date\s+signed|sign[- ]out\s+date|reported|date\s+reported|finalized)\b[^\n\d]{0,12}/i);
  for (const r of pathology) {
    const own = r.siteText ? dateLabelled(r.siteText, /\bcollected\b[^\n\d]{0,6}/i) : undefined;
    if (own) r.collectedDate = own;
    else if (!r.collectedDate && noteCollected) r.collectedDate = noteCollected;
    if (!r.signedDate && noteSigned) r.signedDate = noteSigned;
  }
  // Report read by an unknown lab: the note's own lab wording, else the specimen's destination.
  const labBills = pathology.length > 0 && LAB_BILLS.test(body);
  for (const r of pathology) {
    // The lab's letterhead above the report ("CLIA …", "… performed and billed by Meridian Reference Laboratory").
    if (r.readBy === 'unknown' && labBills) r.readBy = readByOf(body);
    if (r.readBy === 'external' && labBills) r.labBills = true;
    if (r.readBy !== 'unknown') continue;
    const spec = specimens.find((s) => s.label === r.specimenLabel);
    const d = noteDestination ?? (spec && spec.destination !== 'unknown' ? spec.destination : undefined);
    if (d) r.readBy = d;
  }
  // A frozen section read during the visit ("frozen section (1 block) read immediately: BCC") is that specimen's report.
  for (const p of parsed) {
    const proc = p.procedure;
    if (!proc.drivesDecision || !proc.specimenLabel || pathology.some((r) => r.specimenLabel === proc.specimenLabel)) continue;
    const text = p.block.units.map((u) => u.text).join(' ');
    const m = /\bfrozen\s+sections?\b(?:\s*\((\d{1,2})\s+blocks?\))?[^:;\n]{0,80}:\s*([^.;\n]{3,160})/i.exec(text);
    // "Frozen sections: Not performed" (an op-note field) reads no frozen section.
    if (!m?.[2] || !frozenDone(m[0])) continue;
    const report: PathologyReport = {
      specimenLabel: proc.specimenLabel,
      diagnosisText: m[2].trim(),
      behavior: behaviorOf(m[2]),
      specimenType: 'skin',
      stains: [],
      ihc: [],
      frozenSectionBlocks: m[1] ? Number(m[1]) : 1,
      readBy: 'in-house',
    };
    if (proc.span) report.span = proc.span;
    pathology.push(report);
  }
  if (budgetExceeded())
    unread.push({ text: '', reason: `note too long to read within ${BUDGET_MS} ms: procedures and pathology after this point were not read` });

  // A code grid (a superbill's checked 99214, an entered charge line) offers a level; it does not document one.
  let emText = body;
  for (const s of sections)
    if (s.role === 'charges' && isCodeGrid(s.text)) emText = emText.slice(0, s.start) + ' '.repeat(s.text.length) + emText.slice(s.start + s.text.length);
  const em = emOf(emText);
  const visit: Encounter['visit'] = { problems: problemsOf(sections, spanOf).slice(0, 100), ...visitFlags(body) };
  const dos = dateOfServiceOf(body);
  if (dos) visit.dateOfService = dos;
  else {
    const dated = noteDatedOf(body);
    if (dated) visit.noteDated = dated;
  }
  if (em.emCode) visit.emCode = em.emCode;
  if (em.emModifiers) visit.emModifiers = em.emModifiers;
  if (em.newPatient !== undefined) visit.newPatient = em.newPatient;
  if (em.emLevelWithoutKind !== undefined) visit.emLevelWithoutKind = em.emLevelWithoutKind;
  const minutes = minutesOf(body);
  if (minutes !== undefined) visit.totalMinutes = minutes;
  const mdm = mdmOf(body);
  if (mdm) visit.mdm = mdm;
  const pos = placeOfServiceOf(body);
  if (pos) visit.placeOfService = pos;
  const postOp = postOpOf(body);
  if (postOp) visit.postOpOf = postOp;
  if (dos) fromEarlierResults(pathology, lesions, parsed, dos);
  resultsReviewed(pathology, parsed, specimens, body);

  const initials = patientNameOf(body)
    ?.split(' ')
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

  const record: Record<string, string> = {};
  for (const s of sections) record[s.name] = s.text;

  const encounter: Encounter = {
    id,
    visit: visit as Encounter['visit'],
    lesions,
    procedures: parsed.map((p) => p.procedure),
    specimens,
    pathology,
    enteredCharges: chargesOf(sections),
    unread,
    sections: record,
  };
  if (initials) encounter.patientInitials = initials;
  detachShared(encounter);
  return encounter;
}

/**
 * "Wound check after biopsy 09/30 - healing well." then "Pathology: dysplastic nevus …, margins involved. Re-excision
 * recommended; patient agrees": a clinic visit that takes no tissue and quotes a result reviews a specimen read
 * elsewhere, on its own date: its pathology is billed with that specimen's visit (core/reconcile links it there when
 * that note is at hand), never on this note (a lab's own report has none of these visit words).
 */
function resultsReviewed(pathology: PathologyReport[], parsed: ParsedProcedure[], specimens: readonly Specimen[], body: string): void {
  if (pathology.length === 0 || specimens.length > 0 || parsed.some((p) => p.procedure.status === 'performed')) return;
  if (!RESULTS_REVIEW_VISIT.test(body.length > 20_000 ? body.slice(0, 20_000) : body)) return;
  for (const r of pathology) r.reviewed = true;
}

/** Words of a clinic visit that reviews results: a wound check, a call, the patient's decision, "no charge". */
const RESULTS_REVIEW_VISIT =
  /\b(?:wound\s+check|suture\s+removal|post-?op(?:erative)?\s+(?:visit|check)|phone\s+call\s+with|(?:called|spoke\s+(?:with|to))\s+(?:the\s+)?(?:patient|pt)|(?:patient|pt)\s+(?:agrees|agreed|declined|prefers|wishes|wants|understands)|discussed\s+(?:the\s+)?(?:results?|findings|path\w*)\s+with|no\s+charge|(?:here|presents|returns)\s+(?:today\s+)?(?:for|with))\b/i;

/**
 * "Path from 10/20/2026: A) R cheek — nodular BCC; B) L shoulder — SCC in situ." then "B: ED&C today, lesion 0.9 cm":
 * an earlier visit's result quoted in the note says what today's lesion of that label is, and where. A malignant or
 * in-situ result is the prior biopsy that proves it (§3.2).
 */
function fromEarlierResults(pathology: PathologyReport[], lesions: Lesion[], parsed: ParsedProcedure[], dos: string): void {
  for (const r of pathology) {
    if (!r.collectedDate || r.collectedDate >= dos || !r.specimenLabel) continue;
    const label = r.specimenLabel.toUpperCase();
    const lesion = lesions.find((l) => l.label.toUpperCase() === label);
    if (!lesion) {
      // "Path 10/01/2026: A - R forearm SCC …" then today's "- R forearm SCC, 1.4 cm - excised …" (jar C): the earlier result
      // proves the one lesion of today at the site and side it names, whatever today's letters.
      const malignant = r.behavior === 'malignant' || r.behavior === 'in-situ';
      const named = malignant ? findSites(`${r.siteText ?? ''}\n${r.diagnosisText}`) : [];
      const at = lesions.filter((l) =>
        named.some((m) => l.site?.key === m.site.key && (!m.site.laterality || !l.site?.laterality || m.site.laterality === l.site.laterality)),
      );
      if (at.length === 1 && at[0]) {
        at[0].priorMalignantBiopsy = true;
        at[0].clinicalDiagnosis ??= r.diagnosisText;
      }
      continue;
    }
    if (r.behavior === 'malignant' || r.behavior === 'in-situ') lesion.priorMalignantBiopsy = true;
    if (!lesion.clinicalDiagnosis) lesion.clinicalDiagnosis = r.diagnosisText;
    const site = !lesion.site && r.siteText ? findSites(r.siteText)[0]?.site : undefined;
    if (!site) continue;
    lesion.site = site;
    for (const p of parsed) if (!p.procedure.site && p.procedure.lesionLabels.some((l) => l.toUpperCase() === label)) p.procedure.site = site;
  }
}

/**
 * The site vocabulary remembers its answers across notes, and one span may serve a lesion and its procedure:
 * give every entry of the encounter its own site and span objects, so changing one never changes another
 * (or the next note's).
 */
function detachShared(e: Encounter): void {
  const entries: { site?: Site; span?: Span }[] = [...e.lesions, ...e.procedures, ...e.specimens, ...e.pathology, ...e.unread];
  for (const x of entries) {
    if (x.site) x.site = { ...x.site };
    if (x.span) x.span = { ...x.span };
  }
}

/**
 * An assessment/plan line that restates a procedure documented in a procedure
 * section ("Keloids - ILK today") is the same procedure, not a second one.
 */
function dropRestatements(parsed: ParsedProcedure[]): void {
  // "Orders: - Surgical pathology, in-house (A: L lower lip vermilion punch; …)", "- Cryotherapy AKs x3 - done": an
  // order list restates what the plan documents; the plan's own mention (with its impression) is the procedure.
  const group = (k: string) => (k.startsWith('biopsy') ? 'biopsy' : k.startsWith('destruction') ? 'destruction' : k);
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (!ORDERS_SECTION.test(p.block.section.name) || p.block.parent) continue;
    const twin = parsed.find(
      (q) =>
        q !== p &&
        !ORDERS_SECTION.test(q.block.section.name) &&
        q.procedure.status === 'performed' &&
        group(q.procedure.kind) === group(p.procedure.kind) &&
        // The plan's mention must name its site: an order with the site is not dropped for a bare "bx today".
        q.procedure.site?.key !== undefined &&
        (!p.procedure.site?.key || sameSiteKey(p.procedure.site.key, q.procedure.site.key)),
    );
    if (!twin) continue;
    for (const c of parsed.filter((x) => x.block.parent === p.block)) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
  // "E/M: 99213-25 (managed separately from the AK destruction)": the level line names a procedure told elsewhere.
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.block.section.role !== 'visit' || p.block.parent) continue;
    // "E/M: 99213 w/ modifier 25 - AK field therapy …, separate from the wart destruction": an E/M level line names
    // procedures only to set them apart, whether or not they are told elsewhere.
    const levelLine = /^(?:e\s*(?:\/\s*)?m|e&m)(?:\s+level)?$|^level\s+of\s+service$|^visit\s+level$/i.test(p.block.section.name.trim());
    if (!levelLine && !parsed.some((q) => q !== p && q.block.section.role !== 'visit' && q.procedure.kind === p.procedure.kind)) continue;
    for (const c of parsed.filter((x) => x.block.parent === p.block)) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
  // "Indication: lentigo maligna … Scouting biopsies today to map the margins." in the header, the biopsies told in the
  // procedure section below: the indication says why, the procedure what.
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (!p.block.why || p.block.parent) continue;
    const group = (k: string) => (k.startsWith('biopsy') ? 'biopsy' : k);
    if (
      parsed.some(
        (q) =>
          q !== p &&
          !q.block.why &&
          q.block.section !== p.block.section &&
          q.procedure.status === 'performed' &&
          group(q.procedure.kind) === group(p.procedure.kind) &&
          (!p.procedure.site?.key || !q.procedure.site?.key || q.procedure.site.key === p.procedure.site.key),
      )
    )
      parsed.splice(i, 1);
  }
  // "Keloid R earlobe … Plan: shave excision of keloid today, then ILK to base." then "Shave excision performed, 1.5 cm,
  // …": the plan named today's procedure, and the narrative after it tells the same one.
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.block.parent || p.procedure.status !== 'performed') continue;
    const unit = p.block.trigger;
    // "Plan discussed: re-excision with 5 mm margins, performed today." above "Procedure: scar 0.9 cm … excised diameter
    // 1.9 cm": a plan line that measures nothing announces the procedure note below it, in whatever section.
    const unmeasured = p.procedure.lesionDiameterCm === undefined && p.procedure.excisedDiameterCm === undefined && p.clinicalSizeCm === undefined;
    const planned = /\bplan(?:\s+(?:discussed|today|agreed))?\s*:[^.;]*$/i.test(unit.text.slice(0, Math.max(0, p.block.triggerAt - unit.start)));
    // "1. Melanoma in situ … Wide local excision today with 5 mm margins." then "PROCEDURE #1: Wide local excision …" in the
    // same assessment item: an unmeasured sentence saying it is done today announces the procedure field below it.
    const announced = !planned && unmeasured && p.block.section.role === 'assessment' && /\btoday\b/i.test(unit.text);
    if (!planned && !announced) continue;
    const told = parsed.find(
      (q) =>
        q !== p &&
        !q.block.parent &&
        (q.block.section === p.block.section || (unmeasured && (q.block.section.role === 'procedure' || procedureField(q)))) &&
        q.block.trigger.start > unit.end - 1 &&
        q.procedure.status === 'performed' &&
        q.procedure.kind === p.procedure.kind &&
        (!announced ||
          (q.block.section === p.block.section &&
            (procedureField(q) ||
              q.procedure.lesionDiameterCm !== undefined ||
              q.procedure.excisedDiameterCm !== undefined ||
              q.clinicalSizeCm !== undefined))) &&
        (!p.procedure.site?.key || !q.procedure.site?.key || sameSiteKey(p.procedure.site.key, q.procedure.site.key)),
    );
    if (!told) continue;
    for (const ind of p.procedure.indications) if (!told.procedure.indications.includes(ind)) told.procedure.indications.push(ind);
    if (!told.clinicalDiagnosis && p.clinicalDiagnosis) told.clinicalDiagnosis = p.clinicalDiagnosis;
    // The plan named a re-excision of the lesion the report found; the note below may name only its scar (§13.5: the
    // re-excision keeps the original lesion's diagnosis).
    if (p.procedure.reExcision && !told.procedure.reExcision) {
      told.procedure.reExcision = true;
      if (p.lesionType && (!told.lesionType || told.lesionType === 'scar')) {
        // Its closure names the same scar.
        for (const x of [told, ...parsed.filter((c) => c.block.parent === told.block)]) {
          if (x.lesionType && x.lesionType !== 'scar') continue;
          x.lesionType = p.lesionType;
          x.procedure.lesionType = p.procedure.lesionType ?? p.lesionType;
        }
      }
    }
    if (p.priorMalignantBiopsy) told.priorMalignantBiopsy = true;
    for (const c of parsed.filter((x) => x.block.parent === p.block)) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
  const documented = parsed.filter((p) => p.block.section.role !== 'assessment' || procedureField(p));
  if (documented.length === 0) return;
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.block.section.role !== 'assessment' || procedureField(p)) continue;
    // "2. NUB, R arm - biopsy A as above": a plan line naming no technique restates the biopsy told at that site,
    // and "1. NUBs x8 (specimens A-H) - biopsied today" the biopsies of the jars it names.
    const vague = p.procedure.kind === 'biopsy-unspecified';
    const text = vague ? p.block.units.map((u) => u.text).join(' ') : '';
    const jars = vague ? [...jarRanges(text), ...[...text.matchAll(/\bspec(?:imen)?s?\s+([A-H])\b/g)].map((m) => m[1])] : [];
    const twin = documented.find(
      (q) =>
        (q.procedure.kind === p.procedure.kind ||
          // "shave removal (saucerization) today" in the plan, "Saucerization biopsy performed" below: one tangential
          // removal, named by two intents (the procedure's own note tells it; CPT: intent decides).
          (TANGENTIAL.has(p.procedure.kind) &&
            TANGENTIAL.has(q.procedure.kind) &&
            (!q.procedure.site?.key || sameSiteKey(p.procedure.site?.key, q.procedure.site.key))) ||
          (vague &&
            q.procedure.kind.startsWith('biopsy') &&
            // "NUBs x3 - biopsied." naming no site: the biopsies the procedure part documents, not another one.
            (!p.procedure.site ||
              sameSiteKey(p.procedure.site.key, q.procedure.site?.key) ||
              (q.specimenLabel !== undefined && jars.includes(q.specimenLabel))))) &&
        // "HPI: … wants 3 skin tags removed" is a request; the plan's "Tags x3 L neck: snip" is what was done.
        (q.procedure.status === 'performed' || p.procedure.status !== 'performed') &&
        // "then complex repair" in the plan, "Complex repair … alar rim" in the op note: a part of the same site is the same.
        (!p.procedure.site?.key || !q.procedure.site?.key || sameSiteKey(q.procedure.site.key, p.procedure.site.key) || q.block.section.role === 'procedure'),
    );
    if (twin) {
      for (const ind of p.procedure.indications) if (!twin.procedure.indications.includes(ind)) twin.procedure.indications.push(ind);
      // The plan line named where and which jar; the procedure note below it may not.
      if (!twin.procedure.site && p.procedure.site) {
        twin.procedure.site = p.procedure.site;
        twin.procedure.lesionLabels = [...p.procedure.lesionLabels];
        twin.clinicalDiagnosis ??= p.clinicalDiagnosis;
      }
      twin.specimenLabel ??= p.specimenLabel;
      parsed.splice(i, 1);
    }
  }
}

const TANGENTIAL = new Set<Procedure['kind']>(['shave-removal', 'biopsy-tangential']);

/** An order list's heading ("Orders", "Orders placed", "Procedure orders"). */
const ORDERS_SECTION = /^(?:(?:procedure|lab|pathology)\s+)?orders?(?:\s+(?:placed|entered|today))?$/i;

/** "Procedure: Tangential biopsy, nasal tip. …" inside the assessment/plan: the procedure note itself, not a restatement. */
function procedureField(p: ParsedProcedure): boolean {
  // "Procedure: After consent, area prepped, lido 1 mL. Saucerization biopsy performed …": the field opens the paragraph.
  const field = p.block.units[0]?.field ?? p.block.context[p.block.context.length - 1]?.field;
  return field !== undefined && /^(?:procedures?(?:\s+(?:note|performed|done))?|operative\s+note|op\s+note)$/.test(field);
}

/** "He returns today for two excisions.", "presents for excision of a BCC on the R hand": why the patient came. */
// "Discussed options; pt elects excision today.": the decision announces the procedure told next.
const VISIT_REASON =
  /\b(?:(?:returns?|presents?|is\s+here|here|comes?\s+in|came\s+in|seen|scheduled)\s+(?:today\s+|back\s+)?(?:for|to\s+have)|(?:elects?|elected|chooses|chose|opts?|opted|agrees?|agreed|decided)\s+(?:to\s+(?:have|proceed\s+with|undergo)\s+|for\s+|on\s+)?(?=\S))/i;

/**
 * A procedure named only as the reason for the visit, when the note goes on to describe a procedure of the same
 * kind, is that procedure announced, not another one (CPT counts what was done). Without such a description it stays.
 */
function dropVisitReasons(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.block.parent || p.block.label || p.block.enumerated || p.procedure.status !== 'performed') continue;
    const text = p.block.units.map((u) => u.text).join(' ');
    const reason = VISIT_REASON.exec(text);
    if (!reason || reason.index > 80 || p.clinicalSizeCm !== undefined || p.block.units.length > 1) continue;
    const told = parsed.some(
      (q, k) =>
        k > i && q.procedure.kind === p.procedure.kind && !q.block.parent && q.procedure.status === 'performed' && q.block.units[0] !== p.block.units[0],
    );
    if (!told) continue;
    const children = parsed.filter((x) => x.block.parent === p.block);
    for (const c of children) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
}

/**
 * "Pt requests removal of skin tags … - they catch on jewelry, become irritated and bleed." then "Removed 35 skin tags with
 * scissors …": the wish names why; the act told after it is that removal. The act keeps its own words and takes the
 * request's indications (and cosmetic intent) when it states none; the request is no procedure of its own.
 */
function mergeRequests(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.block.parent || p.procedure.status !== 'planned' || !WISH.test(p.block.trigger.text)) continue;
    const done = parsed.find(
      (q, k) =>
        k > i &&
        !q.block.parent &&
        q.procedure.status === 'performed' &&
        q.procedure.kind === p.procedure.kind &&
        q.block.section === p.block.section &&
        q.block.trigger.start > p.block.trigger.start,
    );
    if (!done) continue;
    // Another request or act of the same kind in between tells another lesion.
    if (parsed.some((x, k) => k > i && x !== done && x.procedure.kind === p.procedure.kind && x.block.trigger.start < done.block.trigger.start)) continue;
    if (done.procedure.indications.length === 0) done.procedure.indications.push(...p.procedure.indications);
    if (p.procedure.cosmetic && done.procedure.cosmetic === undefined) done.procedure.cosmetic = true;
    for (const c of parsed.filter((x) => x.block.parent === p.block)) parsed.splice(parsed.indexOf(c), 1);
    parsed.splice(parsed.indexOf(p), 1);
    i = Math.min(i, parsed.length);
  }
}

/**
 * "EXCISION NOTE" (the section's own title line, kept in its text) then "Procedure: Elliptical excision of cyst. …":
 * the title names the procedure the note goes on to tell, and its lines (pre-op diagnosis, site) are that one's.
 */
/** A procedure told with no size, margin, excised diameter, length or count. */
function unmeasured(x: Procedure): boolean {
  return x.lesionDiameterCm === undefined && x.marginCm === undefined && x.excisedDiameterCm === undefined && x.lengthCm === undefined && x.count === undefined;
}

function mergeTitleProcedures(parsed: ParsedProcedure[]): void {
  const bare = (t: string) =>
    t
      .replace(/[:\s]+$/, '')
      .trim()
      .toLowerCase();
  for (let i = parsed.length - 2; i >= 0; i--) {
    const t = parsed[i] as ParsedProcedure;
    if (t.block.parent || t.procedure.status !== 'performed' || !t.block.trigger.lineStart) continue;
    // The title line itself, or the first line of a procedure section with neither site nor count ("Procedure note -
    // destruction of malignant lesions" over the numbered lesions).
    // "EXCISION WITH INTRAOPERATIVE MARGIN CONTROL" alone on its line in capitals, naming no site, size or jar, in a note
    // typed in mixed case: a title too, of the first procedure of its kind told below it.
    const capsTitle = capitalsTitle(t);
    // "Brief op note: Excision, R ear helix, SCC (bx-proven)." over "Wedge excision of helical rim …, excised diameter
    // 1.6 cm": a first line naming the excision and its site, with no measure, titles the one told next at that site.
    const first = t.block.section.role === 'procedure' && t.block.trigger.start === t.block.section.start;
    const next = parsed
      .slice(i + 1)
      .find(
        (q) =>
          !q.block.parent &&
          q.block.section === t.block.section &&
          (!capsTitle || (q.procedure.kind === t.procedure.kind && q.procedure.status === 'performed')),
      );
    const lastUnit = t.block.units[t.block.units.length - 1];
    const rightAbove = next !== undefined && lastUnit !== undefined && next.block.trigger.start >= lastUnit.end && next.block.trigger.start - lastUnit.end <= 2;
    const titleLine =
      capsTitle ||
      bare(t.block.trigger.text) === bare(t.block.section.name) ||
      (first && !t.procedure.site && t.procedure.count === undefined) ||
      ((first || rightAbove) && t.procedure.kind === 'excision' && t.block.units.length === 1 && unmeasured(t.procedure));
    if (!titleLine) continue;
    if (!next || next.procedure.kind !== t.procedure.kind || next.procedure.status !== 'performed') continue;
    if (t.procedure.kind === 'excision' && t.procedure.site && unmeasured(next.procedure)) continue;
    if (t.procedure.site?.key && next.procedure.site?.key && !sameSiteKey(t.procedure.site.key, next.procedure.site.key)) continue;
    if (parsed.some((x) => x.block.parent === t.block)) continue;
    next.procedure.site ??= t.procedure.site;
    // "Excision, R ear helix" over "Wedge excision of helical rim": the title's side is the lesion's.
    if (next.procedure.site && !next.procedure.site.laterality && t.procedure.site?.laterality)
      next.procedure.site = { ...next.procedure.site, laterality: t.procedure.site.laterality };
    for (const ind of t.procedure.indications) if (!next.procedure.indications.includes(ind)) next.procedure.indications.push(ind);
    next.clinicalDiagnosis ??= t.clinicalDiagnosis;
    next.lesionType ??= t.lesionType;
    next.procedure.lesionType ??= t.procedure.lesionType;
    next.specimenLabel ??= t.specimenLabel;
    if (t.priorMalignantBiopsy) next.priorMalignantBiopsy = true;
    parsed.splice(i, 1);
  }
}

/**
 * "PROCEDURE: Excision of both, with closure." over "L parietal scalp: lesion 1.5 cm, … excised diameter 2.3 cm" and
 * "R forehead: lesion 0.8 cm, …": the lesions a summary counts back to ("both", "each") and measures nowhere are the ones
 * told one by one, with their sizes, after it in the same section.
 */
function dropBackReferencedSummary(parsed: ParsedProcedure[]): void {
  const unmeasured = (x: ParsedProcedure) =>
    x.procedure.excisedDiameterCm === undefined && x.procedure.lesionDiameterCm === undefined && x.clinicalSizeCm === undefined && !x.specimenLabel;
  const summaries = new Set(
    parsed
      .filter((p) => !p.block.parent && p.procedure.status === 'performed' && p.block.enumerated?.unlabeled && /^#\d+$/.test(p.block.enumerated.label))
      .map((p) => p.block.trigger),
  );
  for (const trigger of summaries) {
    const mates = parsed.filter((p) => !p.block.parent && p.block.trigger === trigger && p.block.enumerated);
    const first = mates[0];
    if (!first || !mates.every(unmeasured)) continue;
    const told = parsed.filter(
      (q) =>
        !q.block.parent &&
        q.block.trigger !== trigger &&
        q.block.section === first.block.section &&
        q.block.trigger.start > trigger.start &&
        q.procedure.kind === first.procedure.kind &&
        q.procedure.status === 'performed' &&
        !unmeasured(q),
    );
    if (told.length < mates.length) continue;
    const blocks = new Set(mates.map((m) => m.block));
    for (let i = parsed.length - 1; i >= 0; i--) {
      const x = parsed[i] as ParsedProcedure;
      if (blocks.has(x.block) || (x.block.parent && blocks.has(x.block.parent))) parsed.splice(i, 1);
    }
  }
}

function capitalsTitle(t: ParsedProcedure): boolean {
  const line = t.block.trigger.text.trim();
  if (line.length > 60 || !/^[A-Za-z][A-Za-z &/,-]+$/.test(line) || findSites(line).length > 0) return false;
  if (
    t.specimenLabel ||
    t.procedure.drug ||
    t.procedure.excisedDiameterCm !== undefined ||
    t.procedure.lesionDiameterCm !== undefined ||
    t.procedure.count !== undefined
  )
    return false;
  // A title stands on its own line with a blank line under it (or is the whole line in capitals in a note typed in mixed case).
  const alone = t.block.trigger.lineStart && t.block.units[1]?.afterBlank === true;
  const text = t.block.section.text;
  const capitals = /^[A-Z &/,-]+$/.test(line) && (text.match(/[a-z]/g)?.length ?? 0) > (text.match(/[A-Z]/g)?.length ?? 0);
  return alone || capitals;
}

/**
 * "Plan: shave bx today (A)." and "Procedure: Shave biopsy R nasal ala … Specimen A": one jar named twice is
 * one procedure. The mention with a site and a named technique stays.
 */
function mergeSameSpecimen(parsed: ParsedProcedure[]): void {
  const sameKind = (a: Procedure['kind'], b: Procedure['kind']) => a === b || (a.startsWith('biopsy') && b.startsWith('biopsy'));
  const facts = (x: ParsedProcedure) =>
    (x.procedure.site ? 2 : 0) + (x.procedure.kind !== 'biopsy-unspecified' ? 1 : 0) + (x.block.section.role === 'procedure' ? 1 : 0);
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (!p.specimenLabel || p.block.parent || p.block.enumerated || p.procedure.status !== 'performed') continue;
    const twin = parsed.find(
      (q) =>
        q !== p &&
        q.specimenLabel === p.specimenLabel &&
        !q.block.parent &&
        !q.block.enumerated &&
        q.procedure.status === 'performed' &&
        sameKind(q.procedure.kind, p.procedure.kind) &&
        (!p.procedure.site?.key || !q.procedure.site?.key || p.procedure.site.key === q.procedure.site.key),
    );
    if (!twin) continue;
    const drop = facts(twin) >= facts(p) ? p : twin;
    const keep = drop === p ? twin : p;
    if (parsed.some((x) => x.block.parent === drop.block)) continue;
    for (const ind of drop.procedure.indications) if (!keep.procedure.indications.includes(ind)) keep.procedure.indications.push(ind);
    if (!keep.clinicalDiagnosis && drop.clinicalDiagnosis) keep.clinicalDiagnosis = drop.clinicalDiagnosis;
    if (keep.clinicalSizeCm === undefined && drop.clinicalSizeCm !== undefined) keep.clinicalSizeCm = drop.clinicalSizeCm;
    parsed.splice(parsed.indexOf(drop), 1);
    if (drop === p) continue;
    i = Math.min(i, parsed.length);
  }
}

/**
 * A lesion procedure with no site in its own text takes the note's only site when the note names
 * exactly one (e.g. the site is in the history: "MIS R upper arm … here for re-excision").
 */
function fillSingleSite(parsed: ParsedProcedure[], sections: Section[]): void {
  const missing = parsed.filter((p) => !p.procedure.site && LESION_KINDS.has(p.procedure.kind));
  if (missing.length === 0 || overBudget()) return;
  const keys = new Map<string, Site>();
  for (const s of sections) {
    if (s.role === 'pathology' || s.role === 'charges') continue;
    for (const m of findSites(s.text.slice(0, 20_000), { strict: true })) {
      const k = `${m.site.key}|${m.site.laterality ?? ''}`;
      if (!keys.has(k)) keys.set(k, m.site);
    }
    if (keys.size > 1) return;
  }
  const only = [...keys.values()][0];
  if (keys.size !== 1 || !only) return;
  for (const p of missing) {
    p.procedure.site = only;
    for (const q of parsed) if (q.block.parent === p.block && !q.procedure.site) q.procedure.site = only;
  }
}

// "Shave biopsy 04/15/2026 showed well-differentiated SCC, L dorsal hand": a past biopsy result, told in the history.
const BIOPSY_RESULT =
  /\b(?:biops(?:y|ies|ied)|bx)\b[^.;\n]{0,40}?\b(?:showed|shows|revealed|confirmed|proved|proven|positive\s+for|returned|came\s+back|demonstrated)\b/i;
const MALIGNANT_WORDS = /\b(?:bcc|scc|sccis|basal\s+cell|squamous\s+cell|carcinoma|melanoma|mis|merkel|dfsp|malignan\w*)\b/i;
const NOT_A_RESULT =
  /\b(?:r\/o|rule\s+out|pending|awaiting|will|plan(?:ned)?|if\s+(?:positive|malignant)|negative\s+for|no\s+(?:evidence|residual)|h\/o|hx\s+of|history\s+of|years?\s+ago|in\s+(?:19|20)\d\d|treated\s+with|s\/p)\b/i;
/** Lesions the excision names as benign are not the cancer a history line speaks of. */
const BENIGN_TYPES = new Set([
  'cyst',
  'lipoma',
  'seborrheic-keratosis',
  'inflamed-seborrheic-keratosis',
  'skin-tag',
  'dermatofibroma',
  'hemangioma',
  'keloid',
  'wart',
  'milia',
  'nevus',
]);

/**
 * A paragraph wrapped at a fixed width: a long line (50 characters or more, so no heading or list label) that ends
 * inside a sentence, before a line that goes on in lower case, is joined to it.
 */
function unwrapped(text: string): string {
  return text.replace(/^([^\n]{49,}[a-z,])[ \t]*\n[ \t]*(?=[a-z])/gm, '$1 ');
}

/**
 * CPT §3.2: a prior biopsy that proved malignancy lets the excision be coded malignant. The proof is often only
 * in the history ("Biopsy 4/15 showed SCC, L hand. Here for excision."): it holds for the note's one excision,
 * or for the one excision at the site the sentence names.
 */
function provenInHistory(parsed: ParsedProcedure[], lesions: Lesion[], sections: Section[]): void {
  const lesionOf = (p: ParsedProcedure) => lesions.find((l) => l.label === p.procedure.lesionLabels[0]);
  mohsDxInHistory(parsed, lesionOf, sections);
  const excisions = parsed.filter((p) => p.procedure.kind === 'excision' && p.procedure.status === 'performed' && !p.block.parent);
  if (excisions.length === 0 || overBudget()) return;
  if (excisions.every((p) => lesionOf(p)?.priorMalignantBiopsy)) return;
  for (const s of sections) {
    if (s.role === 'pathology' || s.role === 'charges') continue;
    // A dictated paragraph wrapped at a fixed width ("…that we shave biopsied on 10/30/2026, which came back well\n
    // differentiated squamous cell carcinoma.") is one sentence: a line break between two lower-case words is no line's end.
    for (const sentence of unwrapped(s.text.slice(0, 20_000)).split(/(?<=[.;])\s+|\n/)) {
      // "1. SCC in situ, L cheek - shave bx 11/03/2026": a malignancy dated to an earlier biopsy proves it as well.
      const dated = !BIOPSY_RESULT.test(sentence) && priorMalignantBiopsyIn(sentence) && !NOT_A_RESULT.test(sentence);
      if (!dated && (!BIOPSY_RESULT.test(sentence) || !MALIGNANT_WORDS.test(sentence) || NOT_A_RESULT.test(sentence))) continue;
      let named = findSites(sentence, { strict: true }).map((m) => m.site);
      if (named.length > 1) {
        // "excision of a biopsy-proven SCC on the R hand, …, and for removal of a cyst on the L back": the cancer's clause names its site.
        const clause = sentence.split(/;|,?\s+and\s+(?:for|to|of|a|an|the)\b/i).find((c) => MALIGNANT_WORDS.test(c));
        const own = clause ? findSites(clause, { strict: true }).map((m) => m.site) : [];
        if (own.length > 0) named = own;
      }
      const matches =
        named.length === 0
          ? excisions
          : excisions.filter((p) =>
              named.some(
                (n) =>
                  sameSiteKey(n.key, p.procedure.site?.key) && (!n.laterality || !p.procedure.site?.laterality || n.laterality === p.procedure.site.laterality),
              ),
            );
      const only = matches.length === 1 && !BENIGN_TYPES.has(matches[0]?.lesionType ?? '') ? matches[0] : undefined;
      const lesion = only ? lesionOf(only) : undefined;
      if (lesion) {
        lesion.priorMalignantBiopsy = true;
        if (!lesion.clinicalDiagnosis && dated) lesion.clinicalDiagnosis = sentence.trim().slice(0, 200);
      }
    }
  }
}

/** Mohs treats a cancer: a lesion whose words ("Indications: site 1 recurrent tumor in the H-zone") name none has no usable dx yet. */
const namesCancer = (lesion: Lesion | undefined) => lesion?.clinicalDiagnosis !== undefined && MALIGNANT_WORDS.test(lesion.clinicalDiagnosis);
const NOT_CONFIRMED = /\b(?:r\/o|rule\s+out|vs\.?|versus|concern\s+for|suspect\w*|possible|probable|ddx)\b/i;

/**
 * "Site 2 - SCC, R dorsal forearm, bx-proven 11/02/2026" in a pre-op list over "Procedure 2 of 3 - Mohs, Site 2 (R dorsal
 * forearm)": a Mohs tumour told apart from its stages takes its diagnosis from the one line naming a cancer at its site.
 */
function mohsDxInHistory(parsed: ParsedProcedure[], lesionOf: (p: ParsedProcedure) => Lesion | undefined, sections: Section[]): void {
  const bare = parsed.filter(
    (p) => p.procedure.kind === 'mohs' && p.procedure.status === 'performed' && !p.block.parent && p.procedure.site?.key && !namesCancer(lesionOf(p)),
  );
  if (bare.length === 0 || overBudget()) return;
  for (const s of sections) {
    if (s.role === 'pathology' || s.role === 'charges') continue;
    for (const line of s.text.slice(0, 20_000).split('\n')) {
      if (!MALIGNANT_WORDS.test(line) || NOT_CONFIRMED.test(line)) continue;
      const named = findSites(line, { strict: true }).map((m) => m.site);
      const matches = bare.filter((p) =>
        named.some(
          (n) => sameSiteKey(n.key, p.procedure.site?.key) && (!n.laterality || !p.procedure.site?.laterality || n.laterality === p.procedure.site.laterality),
        ),
      );
      const lesion = matches.length === 1 && matches[0] ? lesionOf(matches[0]) : undefined;
      if (lesion && !namesCancer(lesion)) lesion.clinicalDiagnosis = line.trim().slice(0, 200);
    }
  }
}

/** Removals whose medical need (§12.2) may be told only in the history, away from the procedure's own words. */
const NEEDS_INDICATION = new Set<Procedure['kind']>(['excision', 'shave-removal', 'destruction-benign', 'skin-tag-removal']);

/**
 * "…for removal of a painful, recurrently inflamed cyst on the left upper back": the reason for a removal is
 * often told once, in the opening history. A clause that names exactly one site gives its indications to the
 * removal at that site that documents none of its own.
 */
function indicatedInHistory(parsed: ParsedProcedure[], sections: Section[]): void {
  const bare = parsed.filter(
    (p) =>
      NEEDS_INDICATION.has(p.procedure.kind) &&
      p.procedure.status === 'performed' &&
      p.procedure.indications.length === 0 &&
      p.procedure.site?.key &&
      !p.procedure.cosmetic,
  );
  if (bare.length === 0 || overBudget()) return;
  for (const s of sections) {
    if (s.role === 'pathology' || s.role === 'charges') continue;
    // (A decimal point is no clause end: "R mid back 1.8 cm tender nodule".)
    for (const clause of s.text.slice(0, 20_000).split(/\.(?!\d)|[;\n]|,?\s+and\s+(?:for|to|of|a|an|the)\b/i)) {
      const named = findSites(clause, { strict: true });
      // "on the vertex of the scalp": two words for one place are still one site.
      const first = named[0]?.site;
      if (!first || named.some((m) => !sameSiteKey(m.site.key, first.key) || (m.site.laterality ?? first.laterality) !== first.laterality)) continue;
      const site = first;
      const found = indicationsOf(clause);
      if (found.length === 0) continue;
      for (const p of bare) {
        const at = p.procedure.site;
        if (!at || !sameSiteKey(site.key, at.key) || (site.laterality && at.laterality && site.laterality !== at.laterality)) continue;
        for (const ind of found) if (!p.procedure.indications.includes(ind)) p.procedure.indications.push(ind);
      }
    }
  }
}

function sameSiteKey(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const x = siteInfo(a);
  const y = siteInfo(b);
  return Boolean(x && y && x.region === y.region && (x.subunit === undefined || y.subunit === undefined || x.subunit === y.subunit));
}

/**
 * "Based on this result, proceeded with Mohs" in the biopsy item and the Mohs item itself are one
 * Mohs case: a Mohs mention with no stages at the site of a staged Mohs procedure is dropped.
 */
function mergeMohsMentions(parsed: ParsedProcedure[]): void {
  const staged = parsed.filter((p) => p.procedure.kind === 'mohs' && p.procedure.stages?.length);
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (p.procedure.kind !== 'mohs' || p.procedure.stages?.length || p.procedure.status !== 'performed') continue;
    const key = p.procedure.site?.key;
    // "Mohs today, see op note" at the L nasal ala and the staged note's "BCC of the nose": one site, named finer or coarser.
    const twin = staged.find((s) => s !== p && (!key || !s.procedure.site?.key || sameSiteKey(s.procedure.site.key, key)));
    if (!twin) continue;
    // "MOHS: R nasal sidewall" over "- Stage 1: 3 blocks …" lines: the heading names the staged case's site (a same-day
    // biopsy told between them is no other Mohs case).
    const nextMohs = parsed.slice(i + 1).find((x) => x.procedure.kind === 'mohs');
    if (!twin.procedure.site && p.procedure.site && staged.filter((s) => !s.procedure.site).length === 1 && nextMohs === twin) {
      twin.procedure.site = p.procedure.site;
      if (twin.procedure.lesionLabels.length === 0) twin.procedure.lesionLabels = [...p.procedure.lesionLabels];
      if (!twin.clinicalDiagnosis && p.clinicalDiagnosis) twin.clinicalDiagnosis = p.clinicalDiagnosis;
      if (!twin.lesionType && p.lesionType) twin.lesionType = p.lesionType;
      if (!twin.procedure.lesionType && p.procedure.lesionType) twin.procedure.lesionType = p.procedure.lesionType;
      if (p.priorMalignantBiopsy) twin.priorMalignantBiopsy = true;
    }
    parsed.splice(i, 1);
  }
}

/** Services done once at a site in a session: chemodenervation of an area (64650 both axillae, 64653 per day), flap division and inset. */
const ONCE_PER_SITE = new Set<Procedure['kind']>(['chemodenervation', 'flap-division']);

/**
 * "Procedure Note: Chemodenervation, both axillae …" and the "Orders: Chemodenervation axillae - completed" line, or
 * "division and inset of the flap … The pedicle was divided at the alar base": one service told twice at one site.
 * The mention with more facts stays and takes the other's missing drug and site.
 */
function mergeOncePerSite(parsed: ParsedProcedure[]): void {
  const facts = (x: ParsedProcedure) =>
    (x.procedure.lesionLabels.length > 0 ? 4 : 0) + (x.procedure.drug ? 2 : 0) + (x.procedure.site ? 1 : 0) + (x.block.section.role === 'procedure' ? 1 : 0);
  const top = (x: ParsedProcedure) => ONCE_PER_SITE.has(x.procedure.kind) && !x.block.parent && !x.block.enumerated && x.procedure.status === 'performed';
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (!top(p)) continue;
    const twin = parsed.find(
      (q, k) =>
        k < i &&
        top(q) &&
        q.procedure.kind === p.procedure.kind &&
        (p.procedure.lesionLabels.length === 0 ||
          q.procedure.lesionLabels.length === 0 ||
          p.procedure.lesionLabels.some((l) => q.procedure.lesionLabels.includes(l))) &&
        (!p.procedure.site?.key || !q.procedure.site?.key || sameSiteKey(p.procedure.site.key, q.procedure.site.key)),
    );
    if (!twin || parsed.some((x) => x.block.parent === p.block || x.block.parent === twin.block)) continue;
    const keep = facts(p) > facts(twin) ? p : twin;
    const drop = keep === p ? twin : p;
    if (!keep.procedure.drug && drop.procedure.drug) keep.procedure.drug = drop.procedure.drug;
    // "division and inset (nose) … divided at the alar base": a site finer than the subunit or region it lies in wins.
    const general = (key: string | undefined) => {
      const info = key ? siteInfo(key) : undefined;
      return !info || key === info.subunit || (info.subunit === undefined && key === info.region);
    };
    if (drop.procedure.site && (!keep.procedure.site || (general(keep.procedure.site.key) && !general(drop.procedure.site.key))))
      keep.procedure.site = drop.procedure.site;
    if (keep.procedure.lesionLabels.length === 0) keep.procedure.lesionLabels = [...drop.procedure.lesionLabels];
    if (!keep.clinicalDiagnosis && drop.clinicalDiagnosis) keep.clinicalDiagnosis = drop.clinicalDiagnosis;
    if (!keep.procedure.lesionType && drop.procedure.lesionType) keep.procedure.lesionType = drop.procedure.lesionType;
    for (const ind of drop.procedure.indications) if (!keep.procedure.indications.includes(ind)) keep.procedure.indications.push(ind);
    parsed.splice(parsed.indexOf(drop), 1);
    i = Math.min(i, parsed.length);
  }
}

/**
 * A template's "Destruction, premalignant / Number of lesions: 3 / Sites: R dorsal hand x2, L dorsal hand x1" and the
 * dictated note's "The three actinic keratoses on the dorsal hands were then treated with liquid nitrogen": one
 * destruction told twice (same kind, lesion type, count and site), never two sessions to add up (CPT counts lesions
 * destroyed). The telling with a lesion label keeps its facts; the unlabelled retelling goes.
 */
function mergeRetoldCounts(parsed: ParsedProcedure[]): void {
  const top = (x: ParsedProcedure) =>
    x.procedure.kind.startsWith('destruction') && x.procedure.count !== undefined && !x.block.parent && x.procedure.status === 'performed';
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    if (!top(p) || p.procedure.lesionLabels.length > 0) continue;
    const a = p.procedure;
    const twin = parsed.find((q, k) => {
      const b = q.procedure;
      return (
        k < i &&
        top(q) &&
        b.kind === a.kind &&
        b.count === a.count &&
        (!a.lesionType || !b.lesionType || a.lesionType === b.lesionType) &&
        a.site?.key !== undefined &&
        b.site?.key !== undefined &&
        sameSiteKey(a.site.key, b.site.key) &&
        (!a.site.laterality || !b.site.laterality || a.site.laterality === b.site.laterality)
      );
    });
    if (!twin || parsed.some((x) => x.block.parent === p.block)) continue;
    for (const ind of a.indications) if (!twin.procedure.indications.includes(ind)) twin.procedure.indications.push(ind);
    parsed.splice(i, 1);
  }
}

/** The same removal in two words: a plain excision and a hidradenitis excision, or any two closures. */
function sameRemoval(a: Procedure['kind'], b: Procedure['kind']): boolean {
  const removal = new Set<Procedure['kind']>(['excision', 'hidradenitis-excision']);
  return a === b || (removal.has(a) && removal.has(b));
}

/**
 * An operative note lists its procedures ("PROCEDURES: 1. Excision of hidradenitis, right axilla, with layered
 * closure. 2. …, left inguinal fold, with complex closure.") and then describes each under its site ("Right axilla:
 * the tract complex was excised … Closed in layers …"). A site-led description of the same kind at the same site
 * and side as one numbered item is that item told in full: it keeps the item's label and the more specific kind,
 * its own closure replaces the item's, and the item itself is dropped.
 */
function mergeOpNoteDescriptions(parsed: ParsedProcedure[]): void {
  const siteLed = (x: ParsedProcedure) => /^\s*(?:(?:right|left|r|l|rt|lt|bilateral)\.?\s+)?[a-z][a-z /-]{2,40}:/i.test(x.block.trigger.text);
  for (const d of [...parsed]) {
    if (d.block.parent || d.block.label || d.procedure.status !== 'performed' || !siteLed(d) || !d.procedure.site?.key) continue;
    const items = parsed.filter(
      (l) =>
        l !== d &&
        !l.block.parent &&
        l.block.label !== undefined &&
        l.block.trigger.lineStart &&
        l.procedure.status === 'performed' &&
        sameRemoval(l.procedure.kind, d.procedure.kind) &&
        l.procedure.site?.key === d.procedure.site?.key &&
        l.procedure.site?.laterality === d.procedure.site?.laterality &&
        parsed.indexOf(l) < parsed.indexOf(d),
    );
    const item = items.length === 1 ? items[0] : undefined;
    if (!item) continue;
    if (d.procedure.kind !== item.procedure.kind && item.procedure.kind === 'hidradenitis-excision') d.procedure.kind = item.procedure.kind;
    d.block.label = item.block.label;
    if (item.block.labelKind) d.block.labelKind = item.block.labelKind;
    d.procedure.lesionLabels = [...item.procedure.lesionLabels];
    if (!d.lesionType && item.lesionType) d.lesionType = item.lesionType;
    if (!d.procedure.lesionType && item.procedure.lesionType) d.procedure.lesionType = item.procedure.lesionType;
    if (!d.clinicalDiagnosis && item.clinicalDiagnosis) d.clinicalDiagnosis = item.clinicalDiagnosis;
    if (!d.specimenLabel && item.specimenLabel) d.specimenLabel = item.specimenLabel;
    for (const ind of item.procedure.indications) if (!d.procedure.indications.includes(ind)) d.procedure.indications.push(ind);
    const ownClosures = parsed.filter((c) => c.block.parent === d.block);
    for (const c of parsed.filter((x) => x.block.parent === item.block)) {
      // The item's "with complex closure" stays only when the description tells no closure of its own.
      if (ownClosures.length > 0) parsed.splice(parsed.indexOf(c), 1);
      else c.block.parent = d.block;
    }
    // The description's closure paragraph ("Closed in layers …", "The wound edges were undermined …") follows it.
    for (const c of parsed) {
      if (c.block.parent || c.block.label || parsed.indexOf(c) <= parsed.indexOf(d) || !isClosureKind(c.procedure.kind)) continue;
      const between = parsed.slice(parsed.indexOf(d) + 1, parsed.indexOf(c));
      if (between.some((x) => !isClosureKind(x.procedure.kind))) break;
      if (c.procedure.site?.key && c.procedure.site.key !== d.procedure.site.key) break;
      c.block.parent = d.block;
      c.procedure.lesionLabels = [...d.procedure.lesionLabels];
    }
    parsed.splice(parsed.indexOf(item), 1);
  }
}

/** "Repair of tumor #1", "closure of lesion 2", "flap reconstruction of the defect of site B": the lesion a closure names. */
const CLOSES_LESION =
  /\b(?:repair|closure|reconstruction|flap|graft|att|rearrangement)\s+(?:of|for)\s+(?:the\s+)?(?:(?:mohs\s+)?defect\s+(?:of|from|after)\s+(?:the\s+)?)?(?:tumou?r|lesion|site|spot|specimen|excision)\s*(?:(?:#|no\.?\s*)\s*)?([A-Z]|\d{1,2})\b/i;

/**
 * "Procedure #3: Repair of tumor #1" over a flap: the closure is numbered as the note's third procedure, but it closes
 * tumor #1, so it takes that lesion's label (and, through it, the lesion's diagnosis; reference §13.1), not "3".
 * Only when a procedure of the visit that is not a closure carries the label named.
 */
function closureOfNamedLesion(parsed: ParsedProcedure[]): void {
  for (const p of parsed) {
    if (!isClosureKind(p.procedure.kind)) continue;
    const text = [...p.block.context, ...p.block.units].map((u) => u.text).join('\n');
    const named = CLOSES_LESION.exec(text)?.[1]?.toUpperCase();
    if (!named || p.procedure.lesionLabels[0] === named) continue;
    const closed = parsed.find((q) => q !== p && !isClosureKind(q.procedure.kind) && q.procedure.lesionLabels.some((l) => l.toUpperCase() === named));
    if (closed) p.procedure.lesionLabels = [...closed.procedure.lesionLabels];
  }
}

function isClosureKind(kind: Procedure['kind']): boolean {
  return kind === 'repair' || kind === 'adjacent-tissue-transfer' || kind === 'flap' || kind === 'graft';
}

/**
 * "Shave removal, R forearm. … then ED&C of the base. Specimen A to dermpath.": a destruction leaves no tissue, so the jar
 * told after it holds the removal's just before it in the section.
 */
function jarAfterDestruction(parsed: ParsedProcedure[]): void {
  for (let k = 1; k < parsed.length; k++) {
    const p = parsed[k] as ParsedProcedure;
    const removal = parsed[k - 1] as ParsedProcedure;
    if (!p.procedure.kind.startsWith('destruction') || removal.block.section !== p.block.section) continue;
    if (removal.sendsTissue || removal.specimenLabel || !['shave-removal', 'skin-tag-removal'].includes(removal.procedure.kind)) continue;
    if (!sendsTissueOf('shave-removal', p.block.units.map((u) => u.text).join(' '), p.specimenLabel)) continue;
    removal.sendsTissue = true;
    if (p.specimenLabel) {
      removal.specimenLabel = p.specimenLabel;
      removal.procedure.specimenLabel = p.specimenLabel;
      p.specimenLabel = undefined;
      p.procedure.specimenLabel = undefined;
    }
  }
}

/** "Specimens: none sent", "Pathology: N/A": an op note's own field says no tissue went to pathology (unless a sentence sends some). */
function noSpecimensSent(parsed: ParsedProcedure[], body: string): void {
  const text = body.slice(0, 100_000);
  if (!/^[ \t]*(?:specimens?|pathology|path)[ \t]*:[ \t]*(?:none\b|no\s+specimens?\b|not\s+sent\b|n\/a\b)/im.test(text)) return;
  if (/\b(?:sent|submitted)\s+(?:to|for)\s+(?:(?:the|our|in[- ]house|outside)\s+)?(?:path|pathology|histo\w*|dermpath|dermatopathology|lab)\b/i.test(text))
    return;
  // "Procedure 1/2 … Specimen: A - nail matrix, to dermpath" and "Procedure 2/2 … Specimen: none.": where another
  // specimen line names tissue sent, "none" speaks only for its own procedure.
  const NONE = /^(?:none\b|no\s+specimens?\b|not\s+sent\b|n\/a\b)/i;
  const lines = [...text.matchAll(/^[ \t]*(?:specimens?|pathology|path)[ \t]*:[ \t]*(.*)$/gim)].map((m) => (m[1] ?? '').trim());
  const perProcedure = lines.some((v) => v !== '' && !NONE.test(v));
  for (const p of parsed) {
    if (perProcedure && !p.block.units.some((u) => u.field && /^(?:specimens?|pathology|path)$/.test(u.field) && NONE.test((u.value ?? '').trim()))) continue;
    p.sendsTissue = false;
    delete p.specimenLabel;
    p.procedure.specimenLabel = undefined;
  }
}

const LESION_KINDS = new Set<Procedure['kind']>([
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'biopsy-unspecified',
  'shave-removal',
  'excision',
  'hidradenitis-excision',
  'destruction-malignant',
  'mohs',
]);

function lesionsOf(parsed: ParsedProcedure[]): Lesion[] {
  const lesions: Lesion[] = [];
  let auto = 0;
  const byLabel = new Map<string, Lesion>();
  for (const p of parsed) {
    if (p.block.parent) continue;
    const proc = p.procedure;
    let label = proc.lesionLabels[0];
    const twin = p.block.sameAs ? parsed.find((q) => q.block === p.block.sameAs) : undefined;
    if (!label && twin?.procedure.lesionLabels[0]) {
      label = twin.procedure.lesionLabels[0];
      proc.lesionLabels = [label];
    }
    if (!label) {
      if (!LESION_KINDS.has(proc.kind)) continue;
      // The same unlabeled site treated twice (biopsy then ED&C) is one lesion.
      const same = parsed.find(
        (q) =>
          q !== p &&
          q.procedure.lesionLabels[0]?.startsWith('L') &&
          q.procedure.kind !== proc.kind &&
          q.procedure.site?.key !== undefined &&
          q.procedure.site.key === proc.site?.key &&
          q.procedure.site.laterality === proc.site?.laterality &&
          q.procedure.site.text.toLowerCase() === proc.site?.text.toLowerCase(),
      );
      label = same?.procedure.lesionLabels[0] ?? `L${++auto}`;
      proc.lesionLabels = [label];
    }
    let lesion = byLabel.get(label);
    if (!lesion) {
      // Every field named, in the schema's order (one object shape for the rules' reads).
      lesion = {
        label,
        site: undefined,
        clinicalSizeCm: undefined,
        clinicalDiagnosis: undefined,
        icd10: undefined,
        priorMalignantBiopsy: undefined,
        span: proc.span ? proc.span : undefined,
      };
      byLabel.set(label, lesion);
      lesions.push(lesion);
    }
    if (!lesion.site && proc.site) lesion.site = proc.site;
    if (lesion.clinicalSizeCm === undefined && p.clinicalSizeCm !== undefined && p.clinicalSizeCm > 0) lesion.clinicalSizeCm = p.clinicalSizeCm;
    if (!lesion.clinicalDiagnosis && p.clinicalDiagnosis) lesion.clinicalDiagnosis = p.clinicalDiagnosis;
    if (p.priorMalignantBiopsy) lesion.priorMalignantBiopsy = true;
  }
  // Closures point at their parent's lesion (already copied); keep only labels that exist.
  return lesions;
}

function specimenTypeFor(p: ParsedProcedure): SpecimenType {
  const kind = p.procedure.kind;
  if (kind === 'skin-tag-removal' || p.lesionType === 'skin-tag') return 'skin-tag';
  if (p.lesionType === 'cyst') return 'cyst';
  if (kind === 'nail') return 'nail';
  if (kind === 'debridement') return 'debridement';
  if (/\bscar\s+revision\b/i.test(p.procedure.text)) return 'plastic-repair';
  return 'skin';
}

type DestinationFor = (label: string) => 'in-house' | 'external' | undefined;

function specimensOf(parsed: ParsedProcedure[], noteDestination: DestinationFor, unread: Unread[], readHere = false): Specimen[] {
  const specimens: Specimen[] = [];
  const used = new Set<string>();
  const unlabeled: ParsedProcedure[] = [];
  const sending = parsed.filter((p) => p.sendsTissue && p.procedure.status === 'performed');
  const listed = listedJarKey(sending);
  for (const p of sending) {
    const noteLabel = listed.get(p) ?? p.specimenLabel ?? (p.block.label && !p.procedure.lesionLabels[0]?.match(/^L\d+$/) ? p.block.label : undefined);
    if (!noteLabel || used.has(noteLabel)) {
      unlabeled.push(p);
      continue;
    }
    used.add(noteLabel);
    specimens.push(specimenOf(p, noteLabel, noteDestination, readHere));
  }
  // "Both biopsies placed together in one container, labeled A": the section's one jar holds its unlabeled tissue too,
  // and pieces in one container not separately identified are one specimen (§7.2).
  const labeled = sending.filter((p) => p.specimenLabel);
  // Several procedures may name that one jar ("labeled A" after both): they share it, no procedure is relabeled.
  const jar = labeled.find(
    // (The section's jar words last: the section text is long, and usually its procedures name different jars.)
    (p) => labeled.every((q) => q.block.section !== p.block.section || q.specimenLabel === p.specimenLabel) && ONE_CONTAINER.test(p.block.section.text),
  );
  const keyed = legendLabels(unlabeled, used);
  let next = 0;
  for (const p of unlabeled) {
    if (jar?.specimenLabel && (!p.specimenLabel || p.specimenLabel === jar.specimenLabel) && p.block.section === jar.block.section) {
      p.procedure.specimenLabel = jar.specimenLabel;
      continue;
    }
    const key = keyed.get(p);
    if (key) {
      used.add(key);
      specimens.push(specimenOf(p, key, noteDestination, readHere));
      continue;
    }
    let label = String.fromCharCode(65 + next);
    while (used.has(label) && next < 25) label = String.fromCharCode(65 + ++next);
    next++;
    used.add(label);
    specimens.push(specimenOf(p, label, noteDestination, readHere));
    // The only specimen of the visit needs no label to be matched with its report: naming it 'A' loses nothing.
    if (sending.length === 1) continue;
    unread.push({
      text: p.procedure.text.slice(0, 200),
      reason: `specimen label not documented: labeled '${label}' in order`,
      ...(p.procedure.span ? { span: p.procedure.span } : {}),
    });
  }
  // Several procedures' tissue in one jar is one specimen (§7.2), unless the pieces are told apart by ink or suture:
  // then each is its own specimen, A1, A2 … in order (as labs number them).
  for (const s of [...specimens]) {
    const group = sending.filter((p) => p.procedure.specimenLabel === s.label);
    if (group.length < 2) continue;
    if (/\d$/.test(s.label) || !group.every((p) => TOLD_APART.test(p.block.section.text))) {
      s.pieces = group.length;
      continue;
    }
    const pieces = group.map((p, k) => ({ ...specimenOf(p, `${s.label}${k + 1}`, noteDestination, readHere), destination: s.destination }));
    specimens.splice(specimens.indexOf(s), 1, ...pieces);
  }
  // In the order the note tells them, whichever got its label from the text and whichever in order ("specimen a" typed
  // in lower case reads like the article, "specimen b" does not).
  const at = new Map(sending.map((p, k) => [p.procedure.id, k]));
  return specimens.sort((a, b) => (at.get(a.procedureId ?? '') ?? 0) - (at.get(b.procedureId ?? '') ?? 0));
}

/** "Specimens: A scalp, B forehead" / "Jars: A - R cheek; B - L arm": a line of jar letters, each before its site. */
const JAR_KEY_LINE =
  /^[ \t]*(?:specimens?|jars?|containers?|bottles?)[ \t]*[:-][ \t]*([A-H][ \t.):-]+[^,;\n]{2,40}(?:[,;][ \t]*(?:and[ \t]+)?[A-H][ \t.):-]+[^,;\n]{2,40})+?)[ \t.]*$/gim;

/**
 * The jar each procedure's tissue went in, from a key line naming each jar by its site (every pair fits exactly one of the
 * procedures sending tissue, and each of those procedures one pair); empty when there is no such key.
 */
function listedJarKey(sending: readonly ParsedProcedure[]): Map<ParsedProcedure, string> {
  const out = new Map<ParsedProcedure, string>();
  if (sending.length < 2) return out;
  for (const text of new Set(sending.map((p) => p.block.section.text))) {
    if (!/^[ \t]*(?:specimens?|jars?|containers?|bottles?)[ \t]*[:-]/im.test(text)) continue;
    for (const m of text.matchAll(JAR_KEY_LINE)) {
      const pairs = (m[1] as string).split(/[ \t]*[,;][ \t]*(?:and[ \t]+)?/).map((part) => /^([A-H])[ \t.):-]+(.+)$/.exec(part.trim()));
      if (pairs.some((x) => !x) || new Set(pairs.map((x) => x?.[1])).size !== pairs.length) continue;
      const found = new Map<ParsedProcedure, string>();
      for (const x of pairs) {
        const matching = sending.filter((p) => fitsKey(p, (x as RegExpExecArray)[2] as string));
        if (matching.length !== 1 || found.has(matching[0] as ParsedProcedure)) {
          found.clear();
          break;
        }
        found.set(matching[0] as ParsedProcedure, (x as RegExpExecArray)[1] as string);
      }
      if (found.size === pairs.length) return found;
    }
  }
  return out;
}

/** Whether a key's site or side ("R forehead", "scalp", "L") names the procedure's site. */
function fitsKey(p: ParsedProcedure, where: string): boolean {
  const site = p.procedure.site;
  const side = sideOf(where);
  if (side) return site?.laterality === side;
  const named = resolveSite(where);
  if (!site || !named || (named.laterality && named.laterality !== site.laterality)) return false;
  // "A scalp" for "L parietal scalp" or "scalp vertex": the key may name the site by words of its own.
  return (
    named.key === site.key ||
    new RegExp(
      `\\b${where
        .trim()
        .replace(/[^\w ]/g, '')
        .replace(/\s+/g, '\\s+')}\\b`,
      'i',
    ).test(site.text)
  );
}

/**
 * A key of jar letters written apart from the procedures: "Both specimens to pathology (A: R upper back, B: L posterior
 * thigh)", "(R = A, L = B)". Two or more pairs in one parenthesis, each a letter and a site or side; a procedure takes the
 * letter only when its site (or side) matches exactly one pair and that pair exactly one of the unlabeled procedures.
 */
function legendLabels(unlabeled: readonly ParsedProcedure[], used: ReadonlySet<string>): Map<ParsedProcedure, string> {
  const out = new Map<ParsedProcedure, string>();
  if (unlabeled.length < 2) return out;
  const pairs = [...new Set(unlabeled.map((p) => p.block.section.text))].flatMap((text) => jarKeys(text).flat());
  const fits = fitsKey;
  for (const pair of pairs) {
    if (used.has(pair.label)) continue;
    const matching = unlabeled.filter((p) => fits(p, pair.where));
    const only = matching.length === 1 ? (matching[0] as ParsedProcedure) : undefined;
    if (!only || out.has(only) || pairs.some((q) => q.label !== pair.label && fits(only, q.where))) continue;
    out.set(only, pair.label);
  }
  return out;
}

/** Pieces of one container told apart for the lab: "inked blue", "separately inked", "tagged with a suture". */
const TOLD_APART =
  /\b(?:separately\s+(?:inked|identified|tagged|marked)|(?<!\bnot\s)(?:inked|ink)\s+(?:in\s+)?(?:blue|black|red|green|yellow|orange|violet|purple)|(?:blue|black|red|green|yellow|orange|violet|purple)\s+ink\b|(?<!\bnot\s)(?:tagged|marked)\s+with\s+(?:a\s+)?(?:short\s+|long\s+)?suture)/i;

// "Both placed together in one formalin container", "Both in container A", "all three into jar 1".
const ONE_CONTAINER =
  /\b(?:both|all(?:\s+\w+)?)\b[^.;\n]{0,60}\b(?:in(?:to)?|within)\s+(?:(?:one|a\s+single|the\s+same|a\s+shared)\s+(?:\w+\s+)?(?:container|jar|bottle|vial|cassette)\b|(?:container|jar|bottle|vial)\s+#?(?:[A-Z]|\d{1,2})\b)/i;

function specimenOf(p: ParsedProcedure, label: string, noteDestination: DestinationFor, readHere = false): Specimen {
  p.procedure.specimenLabel = label;
  const s: Specimen = {
    label,
    procedureId: p.procedure.id,
    type: specimenTypeFor(p),
    destination: readHere ? 'in-house' : (p.destination ?? noteDestination(label) ?? 'unknown'),
  };
  const lesion = p.procedure.lesionLabels[0];
  if (lesion) s.lesionLabel = lesion;
  if (p.procedure.site) s.site = p.procedure.site;
  return s;
}

/** Numbered items of the assessment sections that name no procedure, by number; a number used twice is dropped. */
function numberedItems(sections: Section[]): Map<string, { unit: Unit; section: Section }[]> {
  // Every numbered item naming no procedure, by its number: the caller takes one from a section other than its own
  // (SOAP "A: 2. SK x4 upper back" for "P: 2. SKs - … LN2 to the 4 SKs"); a number two other sections share is ambiguous.
  const out = new Map<string, { unit: Unit; section: Section }[]>();
  for (const s of sections) {
    for (const u of sectionUnits(s)) {
      if (!u.label || !/^\d+$/.test(u.label) || findTriggers(u.text).length > 0) continue;
      const list = out.get(u.label);
      if (list) list.push({ unit: u, section: s });
      else out.set(u.label, [{ unit: u, section: s }]);
    }
  }
  return out;
}

/** The item names one site, the same (or one inside the other) on no other side as the procedure's. */
function sameItemSite(text: string, site: Site | undefined): boolean {
  const named = pickSite(findSites(text, { strict: true }))?.site;
  if (!named?.key || !site?.key) return false;
  if (named.laterality && site.laterality && named.laterality !== site.laterality) return false;
  return sameSiteKey(named.key, site.key);
}

/**
 * "Lesion 1 … Lesion 2 … Both sent to pathology." with the report's "A. Compound nevus … B. Ruptured epidermoid cyst.": the
 * note numbered its specimens, the lab lettered them. When no report label matches a specimen, the labels are of the
 * other kind (letters vs numbers), and there are as many reports as specimens, each report is the specimen in the same
 * place in order (its own label kept in labelledAs for the coder to confirm).
 */
function matchLabelsByOrder(pathology: PathologyReport[], specimens: Specimen[]): void {
  const reports = pathology.filter((r) => !r.part && !r.supplement);
  if (reports.length === 0 || reports.length !== specimens.length || reports.length !== pathology.length) return;
  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  if (reports.some((r) => specimens.some((s) => same(s.label, r.specimenLabel)))) return;
  const letters = (xs: string[]) => xs.every((x) => /^[A-Z]$/i.test(x));
  const numbers = (xs: string[]) => xs.every((x) => /^\d{1,2}$/.test(x));
  const mine = specimens.map((s) => s.label);
  const theirs = reports.map((r) => r.specimenLabel);
  if (new Set(theirs.map((x) => x.toUpperCase())).size !== theirs.length) return;
  if (!((letters(theirs) && numbers(mine)) || (numbers(theirs) && letters(mine)))) return;
  const rank = (x: string) => (/^\d+$/.test(x) ? Number(x) : x.toUpperCase().charCodeAt(0) - 64);
  const byRank = [...reports].sort((a, b) => rank(a.specimenLabel) - rank(b.specimenLabel));
  // The lab's letters and numbers run from the first without a gap (A, B, C / 1, 2, 3), as the note's do.
  if (byRank.some((r, k) => rank(r.specimenLabel) !== k + 1) || [...mine].sort((a, b) => rank(a) - rank(b)).some((x, k) => rank(x) !== k + 1)) return;
  const ordered = [...specimens].sort((a, b) => rank(a.label) - rank(b.label));
  byRank.forEach((r, k) => {
    r.labelledAs = r.specimenLabel;
    r.specimenLabel = (ordered[k] as Specimen).label;
  });
}

function dateLabelled(text: string, label: RegExp): string | undefined {
  const m = label.exec(text.length > 20_000 ? text.slice(0, 20_000) : text);
  return m ? parseDate(text.slice(m.index + m[0].length, m.index + m[0].length + 40)) : undefined;
}

const MORE_CLAUSE = new RegExp(String.raw`;\s*((?:\d{1,2}|${NUMBER_WORDS})\s+(?:more|others?|additional)\b[^;.\n]*)`, 'i');

/**
 * "LN2 today: irritated SKs x3 on the back treated; 4 more on the face treated at patient request for cosmetic reasons.":
 * one benign destruction told of two groups of lesions, only the second cosmetic. The first group keeps its medical
 * indication and its own count; the second is a destruction of its own (its count, its site, cosmetic), so the line can be
 * split between payer and patient (§12.2, §12.5). Only when each part counts its lesions and only the later part says
 * cosmetic.
 */
function splitCosmeticRemainder(parsed: ParsedProcedure[]): void {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const p = parsed[i] as ParsedProcedure;
    const proc = p.procedure;
    if (proc.kind !== 'destruction-benign' || proc.status !== 'performed' || !proc.cosmetic || p.block.parent) continue;
    const m = MORE_CLAUSE.exec(proc.text);
    if (!m?.[1]) continue;
    const rest = m[1];
    const before = proc.text.slice(0, m.index);
    if (!cosmeticOf(rest) || cosmeticOf(before)) continue;
    const n1 = findCount(before);
    const n2 = findCount(rest);
    if (n1 === undefined || n2 === undefined) continue;
    const site = pickSite(findSites(rest, { strict: true }))?.site;
    const copy: ParsedProcedure = {
      ...p,
      procedure: { ...proc, id: `${proc.id}.2`, text: rest.trim(), count: n2, cosmetic: true, indications: [], ...(site ? { site } : {}) },
    };
    proc.text = before.trim();
    proc.count = n1;
    proc.indications = indicationsOf(before);
    proc.cosmetic = undefined;
    const own = pickSite(findSites(before, { strict: true }))?.site;
    if (own) proc.site = own;
    parsed.splice(i + 1, 0, copy);
  }
}

/** "New concern:", "also a new problem", "NEW: itchy rash": a problem the visit brings besides the post-op check. */
const NEW_PROBLEM = /\bnew\s+(?:concerns?|problems?|complaints?|issues?)\b|\bNEW\s*:/;

function postOpOf(text: string): Encounter['visit']['postOpOf'] | undefined {
  const t = text.length > 50000 ? text.slice(0, 50000) : text;
  // Only when this visit is itself the post-op visit, not when a surgery note plans one.
  if (
    // "Post-op wound check 10 days s/p excision …", "Wound check after Mohs 11/06/2026" opening a line is the visit's
    // reason too ("Suture removal in 14 days", "wound check after 2 weeks", a plan, is not).
    !/\b(?:(?:here|presents|returns|seen|comes\s+in|visit)\s+(?:today\s+)?for\s+(?:a\s+|her\s+|his\s+|the\s+)?(?:\d+[- ](?:day|week)s?\s+)?(?:suture\s+removal|wound\s+check|post-?op(?:erative)?\s+(?:visit|check|follow[- ]?up))|reason(?:\s+for\s+(?:visit|appointment))?\s*:\s*(?:\(?\d{1,2}[).]\s*)?(?:suture\s+removal|wound\s+check|post-?op))|^[ \t]*(?:(?:post-?op(?:erative)?\s+(?:wound\s+check|visit|check|follow[- ]?up)|suture\s+removal|wound\s+check)\b(?![ \t]*(?::[ \t]*)?(?:(?:in|at|on|scheduled|planned|next|due|to\s+be)\b|after\s+(?:\d+|a|one|two|three|four)\s*(?:days?|wks?|weeks?|months?)\b))|(?:f\/u|follow[- ]?up)\s+(?:visit\s+)?(?:after|following|s\/p)\s)|\bpod\s*(?:#\s*)?\d{1,2}\b|\bpost-?op(?:erative)?\s+day\s*(?:#\s*)?\d/im.test(
      t,
    )
  )
    return undefined;
  // "after excision of SCC R forearm with intermediate repair (11/12/2026)": the date may be in brackets.
  // "Reason: suture removal - excision of biopsy-proven BCC, R upper back, 11/18/2026": the surgery named after the reason
  // ("Reason for visit: (1) post-op check, Mohs … 10/30/2026; (2) NEW: …": the first of the numbered reasons).
  // Each reading below ends in a full date: without one in the text none can match, and none is tried (with a long
  // run of spaces and no date they would try every split of the run between their capture and the spaces around it).
  const dated = /\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}/.test(t);
  const m = !dated
    ? null
    : (/\b(?:s\/p|status\s+post|after|following)\s+([^\n;(]{3,80}?)\s+(?:on\s+|\(\s*)?(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i.exec(t) ??
      /\b(?:suture\s+removal|wound\s+check|post-?op(?:erative)?\s+(?:visit|check))\s*(?:[-–—:,]|\s+(?:for|of))\s*([^\n;(]{3,80}?),?\s+(?:on\s+|\(\s*)?(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i.exec(
        t,
      ) ??
      // "L temple Mohs 11/12/2026 with advancement flap." on a line of its own: the surgery and its date.
      /^[ \t]*((?:[a-z]+\.?[ \t]+){0,4}(?:mohs|excision|ed&c|ed\s*&\s*c|flap|graft|repair|surgery)\b[^\n;(\d]{0,40}?)[ \t]+(?:on[ \t]+|\([ \t]*)?(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/im.exec(
        t,
      ));
  // "… on 11/05/2026 (11602, 12032)": the first code the note gives for that surgery decides its global period.
  const code = m ? /^\s*\(\s*(?:cpt\s*)?(1[0-7]\d{3})\b/i.exec(t.slice(m.index + m[0].length))?.[1] : undefined;
  // "after Mohs of L nasal tip 11/10/2026 (bilobed flap repair)": the words after the date name the rest of that surgery.
  // "… 11/12/2026 with advancement flap.": so may "with" and the repair.
  const after = m && !code ? /^[ \t]*(?:\(([^()\n\d]{3,60})\)|with[ \t]+([^.\n;]{3,60}))/i.exec(t.slice(m.index + m[0].length)) : undefined;
  const more = after?.[1] ?? after?.[2];
  // "New problem, unrelated to the surgery: …": the E/M of this visit is for something the global does not cover (§10.3: 24).
  const unrelated =
    /\b(?:unrelated|not\s+related)\s+to\s+(?:the\s+|her\s+|his\s+|their\s+|this\s+|that\s+)?(?:recent\s+|prior\s+)?(?:[a-z]+\s+){0,2}?(?:surgery|surgical\s+site|procedure|excision|operation|mohs|post-?op(?:erative)?\s+(?:course|care|visit))\b/i.test(
      t,
    );
  // "Also new concern: 3 itchy red bumps on L shin … Likely arthropod bites. Triamcinolone 0.1% cream BID.": a new problem
  // of its own (not the wound, the scar or the surgical site) is what a documented E/M is for (§10.3: 24).
  const newProblem = t
    .split('\n')
    .some((line) => NEW_PROBLEM.test(line) && !/\b(?:site|scar|wound|incision|sutures?|graft|flap|dehiscen\w*|infect\w*)\b/i.test(line));
  const out: NonNullable<Encounter['visit']['postOpOf']> = { related: !unrelated && !newProblem };
  if (code) out.code = code;
  else if (m?.[1]) out.procedure = `${m[1].trim()}${more ? ` (${more.trim()})` : ''}`.slice(0, 200);
  else {
    // "Follow-up after biopsies 11/04.": biopsies named without a full date are still known to carry no postoperative
    // period (000, §10.2). Other surgery named without its date stays unknown (the global check asks).
    const named = /\b(?:f\/u|follow[- ]?up)\s+(?:visit\s+)?(?:after|following|s\/p)\s+([^\n.;(]{3,80})/i.exec(t)?.[1];
    if (named && /^(?:(?:the|her|his|recent|prior|skin|shave|punch)\s+)*(?:biops(?:y|ies)|bxs?)\b(?![^\n.;]*\b(?:and|with|then)\b)/i.test(named.trim()))
      out.procedure = named.trim().slice(0, 200);
  }
  if (m?.[2]) {
    const parts = m[2].includes('/') ? m[2].split('/') : undefined;
    if (parts && parts.length === 3) {
      const y = (parts[2] as string).length === 2 ? `20${parts[2]}` : parts[2];
      out.date = `${y}-${(parts[0] as string).padStart(2, '0')}-${(parts[1] as string).padStart(2, '0')}`;
    } else out.date = m[2];
  }
  return out;
}

/** "Indication: painful, enlarging, catches on bra strap." told on its own line. */
const INDICATION_LINE = /^[ \t]*(?:indications?|reason\s+for\s+(?:removal|excision|procedure)|medical\s+necessity)[ \t]*:[ \t]*(\S[^\n]*)$/gim;
const REMOVALS = new Set<Procedure['kind']>(['excision', 'shave-removal', 'destruction-benign', 'skin-tag-removal']);

/**
 * "Path (10/18/2026): Dermatofibroma …" then "Indication: painful, enlarging …": an indication line that no procedure
 * read (a one-line result split it from its excision) is the indication of the visit's one lesion removal, when that
 * removal has none of its own (§12.2).
 */
function orphanIndications(parsed: ParsedProcedure[], sections: readonly Section[]): void {
  const removals = parsed.filter((p) => REMOVALS.has(p.procedure.kind) && p.procedure.status === 'performed' && !p.block.parent);
  const only = removals.length === 1 ? removals[0] : undefined;
  if (!only || only.procedure.indications.length > 0) return;
  for (const s of sections) {
    if (!PROCEDURE_ROLES.has(s.role)) continue;
    INDICATION_LINE.lastIndex = 0;
    for (let m = INDICATION_LINE.exec(s.text); m; m = INDICATION_LINE.exec(s.text)) {
      const at = s.start + m.index;
      if (parsed.some((p) => p.block.section === s && p.block.units.some((u) => u.start <= at && at < u.end))) continue;
      for (const ind of indicationsOf(m[1] ?? '')) if (!only.procedure.indications.includes(ind)) only.procedure.indications.push(ind);
    }
  }
}
