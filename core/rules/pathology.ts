import type { PathologyReport, Procedure, SpecimenType, Stain } from '../model';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { oncePerEncounter, oncePerProcedure } from './per-encounter';
import { IMMUNOFLUORESCENCE, ownParagraph, procedureText } from './procedure-text';

/** Level by specimen type; skin never goes to 88307/88309 (reference §7.1). */
const LEVEL: Record<SpecimenType, string | undefined> = {
  skin: '88305',
  cyst: '88304',
  'skin-tag': '88304',
  debridement: '88304',
  'plastic-repair': '88302',
  nail: '88305',
  mohs: undefined,
  other: '88305',
};

/** Special stain group → code (§7.2): I microorganisms, II other, III enzyme, frozen block +88314. */
const STAIN_CODE: Record<Stain['group'], string> = { I: '88312', II: '88313', III: '88319', frozen: '88314' };

/** H&E (and toluidine blue on Mohs frozen sections) are routine: included, never a stain line (§6.3, §7.2). */
const ROUTINE_STAIN = /\b(h\s*&\s*e|h\s*and\s*e|hematoxylin|eosin|toluidine)\b/i;
/**
 * On permanent sections only H&E is routine (§7.2): toluidine blue for mast cells is a group II
 * special stain there; it is routine only on Mohs frozen sections (§6.3).
 */
const ROUTINE_PERMANENT_STAIN = /\b(h\s*&\s*e|h\s*and\s*e|hematoxylin|eosin)\b/i;

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const toNumber = (t: string) => (/^\d+$/.test(t) ? Number(t) : NUMBER_WORDS[t.toLowerCase()]);
const BLOCKS = /(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+the\s+)?(?:frozen\s+)?(?:tissue\s+)?blocks?\b/i;
const sentencesOf = (text: string) => text.split(/(?<=[.;])\s+|\n+/);

/**
 * Intraoperative frozen sections written in a procedure note ("frozen section, 2 blocks, read by…"),
 * for specimens that have no pathology report saying so. Undefined when none is documented.
 */
export function frozenSectionInText(text: string): { blocks: number | undefined } | undefined {
  // Most procedure texts never say "frozen": skip splitting them into sentences.
  if (!FROZEN_WORD.test(text)) return undefined;
  let found: { blocks: number | undefined } | undefined;
  for (const sentence of sentencesOf(text)) {
    if (!/frozen[\s-]*sections?/i.test(sentence) || /\bmohs\b/i.test(sentence)) continue;
    // "No frozen section", and an op-note field left negative ("Frozen sections: Not performed", "… none").
    if (
      /\b(?:no|without|not|declined|deferred|will|if\s+needed|consider|planned)\b[^.;]{0,30}frozen|frozen[\s-]*sections?\s*:?\s+(?:(?:was|were)\s+)?(?:not|none|n\/a)\b/i.test(
        sentence,
      )
    )
      continue;
    // "… with frozen section margin control." then "Frozen sections (2 blocks) read by …": a later sentence may count them.
    const m = BLOCKS.exec(sentence);
    if (m) return { blocks: toNumber(m[1] as string) };
    found ??= { blocks: undefined };
  }
  return found;
}

const FROZEN_WORD = /frozen/i;

/** The frozen section a procedure's own text documents: read by three pathology rules, so once per procedure. */
const frozenNoted = oncePerProcedure((ctx: RuleContext, p: Procedure) => frozenSectionInText(procedureText(ctx, p)));

/** The procedure note says tissue went for permanent sections (so a surgical pathology level follows). */
const PERMANENT = /permanent|\bsent\b|submitted|formalin|\bto\s+(?:the\s+)?(?:in-house\s+)?(?:derm)?path|dermpath|pathology\s+lab/i;

/** Special stains and immunostains named in a Mohs note (frozen blocks): non-routine only. */
const MOHS_SPECIAL_STAIN = /\b(?:masson|trichrome|elastic|vvg|verhoeff|pas|gms|afb|fite|giemsa|mucicarmine|alcian|colloidal\s+iron|fontana|congo\s+red)\b/i;
const MOHS_IHC = /\b(?:mart-?1|melan-?a|sox-?10|cytokeratin|ck\s?\d+|ae1\s*\/\s*ae3|ber-?ep4|s-?100|hmb-?45|prame|p63|ema)\b/gi;

/**
 * The frozen blocks an immunostain sentence says were stained, after the antibody's name: "MART-1 … on frozen sections of
 * all 6 blocks" = 6, "MART-1 on both blocks" = 2; undefined when it does not count them.
 */
function ihcBlocksIn(sentence: string, from: number): number | undefined {
  const rest = sentence.slice(from);
  if (/\bboth\s+(?:frozen\s+)?blocks\b/i.test(rest)) return 2;
  const m =
    /\b(?:on|of|in)\s+(?:(?:the\s+)?frozen\s+sections?\s+of\s+)?(?:all\s+|each\s+of\s+(?:the\s+)?)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:frozen\s+)?(?:tissue\s+)?blocks?\b/i.exec(
      rest,
    );
  return m ? toNumber(m[1] as string) : undefined;
}

export function mohsStainsInText(text: string): {
  stainBlocks: number;
  stainNamed: boolean;
  blocksMissing: boolean;
  ihc: string[];
  ihcBlocks: number;
  ihcBlocksMissing: boolean;
} {
  let stainBlocks = 0;
  let stainNamed = false;
  let blocksMissing = false;
  let ihcBlocks = 0;
  let ihcBlocksMissing = false;
  const ihc = new Set<string>();
  for (const sentence of sentencesOf(text)) {
    if (/\bno\s+(?:special\s+)?(?:stains?|immunostains?)\b/i.test(sentence)) continue;
    if (MOHS_SPECIAL_STAIN.test(sentence) && /stain|performed|used|applied/i.test(sentence)) {
      stainNamed = true;
      const m = BLOCKS.exec(sentence);
      const n = m ? toNumber(m[1] as string) : undefined;
      if (n === undefined) blocksMissing = true;
      stainBlocks += n ?? 1;
    }
    // "Stage II: 2 blocks, H&E plus MART-1 on both blocks": an antibody the note has already called an immunostain.
    const named = [...sentence.matchAll(MOHS_IHC)];
    if (!/immuno|ihc|stain/i.test(sentence) && !named.some((m) => ihc.has(m[0].toUpperCase().replace(/[\s-]/g, '')))) continue;
    for (const m of named) ihc.add(m[0].toUpperCase().replace(/[\s-]/g, ''));
    // Each stained block is tissue separately identified (inked, mapped) for its own reading: a specimen (§7.2).
    if (named[0]) {
      const counted = ihcBlocksIn(sentence, named[0].index ?? 0);
      if (counted === undefined) ihcBlocksMissing = true;
      ihcBlocks += counted ?? 1;
    }
  }
  return { stainBlocks, stainNamed, blocksMissing, ihc: [...ihc], ihcBlocks, ihcBlocksMissing };
}

/** "Both specimens to permanent sections", "All specimens submitted for permanent sections": every jar of the visit. */
const ALL_PERMANENT = /\b(?:both|all)\s+(?:(?:of\s+the|the)\s+)?(?:specimens|jars|parts)\b[^.;\n]{0,40}\bpermanent/i;

const allSentForPermanent = oncePerEncounter((ctx: RuleContext): boolean => Object.values(ctx.encounter.sections).some((t) => ALL_PERMANENT.test(t)));

/** A Mohs note that sends separate tissue for permanent sections. */
const SEPARATE_FROM_MOHS = /debulk|permanent\s+sections?|sent\s+(?:for|to)\s+(?:permanent|path|dermpath|histolog)|extra\s+margin/i;

/** Procedure kinds whose tissue goes to surgical pathology when a specimen label is documented. */
const TISSUE_KINDS: Procedure['kind'][] = [
  'biopsy-tangential',
  'biopsy-punch',
  'biopsy-incisional',
  'biopsy-unspecified',
  'shave-removal',
  'excision',
  'hidradenitis-excision',
  'skin-tag-removal',
  'debridement',
  'nail',
];

const IMPLICIT_TYPE: Partial<Record<Procedure['kind'], SpecimenType>> = {
  'skin-tag-removal': 'skin-tag',
  debridement: 'debridement',
  nail: 'nail',
};

/** One specimen as the pathology rules see it: documented, implied by a procedure, or known only from a report. */
export interface PathologySpecimen {
  label: string;
  lesionLabels: string[];
  procedureIds: string[];
  siteKey: string | undefined;
  type: SpecimenType;
  report: PathologyReport | undefined;
  /** Tissue from a Mohs stage: no surgical pathology or frozen-section lines (§6.3). */
  mohs: boolean;
  /** Separate tissue from a Mohs procedure (debulk, extra margin) sent for permanent sections. */
  separateFromMohs?: boolean;
  /** Sent to an outside lab that bills it. */
  external: boolean;
  /** Where the note says the specimen went. */
  destination: 'in-house' | 'external' | 'unknown';
  /** How we know the specimen: from the note's specimen list, from a procedure, or only from a report. */
  source: 'specimen' | 'procedure' | 'report-only';
  /** A report-only specimen collected before this visit's date: an earlier visit's result, quoted in this note. */
  priorVisit?: boolean;
}

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toUpperCase() === b.toUpperCase();

/**
 * Every specimen of the encounter, as the pathology rules see it. Read by most pathology rules,
 * so worked out once per encounter; each call still hands out its own id arrays, because lines
 * take them over. Rules never change a line's arrays in place (a line's lesion labels may be a
 * procedure's own array).
 */
export function pathologySpecimens(ctx: RuleContext): PathologySpecimen[] {
  return specimensOnce(ctx).map(handOut);
}

interface KnownSpecimen {
  specimen: PathologySpecimen;
  /** Its lesion labels are a procedure's own array (handed out as is, as they always were). */
  labelsFromProcedure: boolean;
}

const specimensOnce = oncePerEncounter((ctx: RuleContext): KnownSpecimen[] =>
  specimensOf(ctx).map((specimen) => ({ specimen, labelsFromProcedure: ctx.encounter.procedures.some((p) => p.lesionLabels === specimen.lesionLabels) })),
);

function handOut({ specimen, labelsFromProcedure }: KnownSpecimen): PathologySpecimen {
  return {
    ...specimen,
    lesionLabels: labelsFromProcedure ? specimen.lesionLabels : [...specimen.lesionLabels],
    procedureIds: [...specimen.procedureIds],
  };
}

function specimensOf(ctx: RuleContext): PathologySpecimen[] {
  const { encounter } = ctx;
  const mohsProcs = ctx.performed('mohs');
  const out: PathologySpecimen[] = [];
  const isMohs = (label: string, procedureId: string | undefined, type: SpecimenType, report?: PathologyReport) => {
    if (type === 'mohs' || report?.specimenType === 'mohs') return true;
    const proc = mohsProcs.find((m) => m.id === procedureId || same(m.specimenLabel, label));
    // §6.3 [V]: tissue separate from the Mohs layers sent for permanent sections (debulk, extra margin)
    // is its own specimen, not Mohs tissue.
    return !!proc && !SEPARATE_FROM_MOHS.test(procedureText(ctx, proc));
  };

  for (const s of encounter.specimens) {
    const report = ctx.pathologyFor(s.label);
    const proc = encounter.procedures.find((p) => p.id === s.procedureId);
    if (proc && proc.status !== 'performed') continue;
    const type = report?.specimenType && report.specimenType !== 'skin' ? report.specimenType : s.type;
    out.push({
      label: s.label,
      lesionLabels: s.lesionLabel ? [s.lesionLabel] : (proc?.lesionLabels ?? []),
      procedureIds: s.procedureId ? [s.procedureId] : [],
      siteKey: s.site?.key ?? proc?.site?.key,
      type,
      report,
      mohs: isMohs(s.label, s.procedureId, type, report),
      separateFromMohs: mohsProcs.some((m) => m.id === s.procedureId || same(m.specimenLabel, s.label)) && !isMohs(s.label, s.procedureId, type, report),
      external: s.destination === 'external' || !!report?.labBills,
      destination: s.destination,
      source: 'specimen',
    });
  }
  // A procedure that names a specimen the specimen list lacks still sent tissue.
  for (const p of ctx.performed(...TISSUE_KINDS, 'mohs')) {
    if (!p.specimenLabel || out.some((s) => same(s.label, p.specimenLabel))) continue;
    const report = ctx.pathologyFor(p.specimenLabel);
    const implied = p.kind === 'mohs' ? 'mohs' : (IMPLICIT_TYPE[p.kind] ?? 'skin');
    const type = report?.specimenType && report.specimenType !== 'skin' ? report.specimenType : implied;
    out.push({
      label: p.specimenLabel,
      lesionLabels: p.lesionLabels,
      procedureIds: [p.id],
      siteKey: p.site?.key,
      type,
      report,
      mohs: p.kind === 'mohs' || type === 'mohs',
      external: !!report?.labBills,
      destination: 'unknown',
      source: 'procedure',
    });
  }
  // A report for a label the note never documented: the report proves the work.
  const dos = encounter.visit.dateOfService;
  for (const r of encounter.pathology) {
    if (out.some((s) => same(s.label, r.specimenLabel))) continue;
    const report = ctx.pathologyFor(r.specimenLabel) ?? r;
    const collected = report.collectedDate ?? r.collectedDate;
    out.push({
      ...((collected && dos && collected < dos) || report.reviewed ? { priorVisit: true } : {}),
      label: r.specimenLabel,
      lesionLabels: [],
      procedureIds: [],
      siteKey: undefined,
      type: report.specimenType,
      report,
      mohs: report.specimenType === 'mohs',
      external: !!report.labBills,
      destination: 'unknown',
      source: 'report-only',
    });
  }
  return out;
}

/** Specimens the practice bills pathology for (not external, not Mohs tissue). */
/** "Not sent", "not submitted for pathology", "discarded", "no specimen". */
const NOT_SENT = /\bnot\s+(?:sent|submitted)\b|\b(?:specimen|tissue)\s+(?:was\s+)?discarded\b|\bno\s+specimen\b/i;

/** Every procedure of the specimen says its tissue was not sent, and names no specimen label being sent. */
function notSent(ctx: RuleContext, s: PathologySpecimen): boolean {
  const procs = ctx.performed().filter((p) => s.procedureIds.includes(p.id));
  return (
    procs.length > 0 &&
    procs.every((p) => {
      // "Also today: irritated skin tag L axilla snipped x1, not sent.": a line of another procedure speaks for its own tissue.
      const text = ownParagraph(ctx, p, s.procedureIds);
      // "Not sent" itself must not count as "sent".
      return NOT_SENT.test(text) && !PERMANENT.test(text.replace(new RegExp(NOT_SENT.source, 'gi'), ' '));
    })
  );
}

const ROUTINE_HISTOLOGY = /\b(?:h\s*&\s*e|h\s+and\s+e|hematoxylin|formalin|permanent|routine\s+histo\w*|histopath\w*)\b/i;

function forImmunofluorescenceOnly(ctx: RuleContext, s: PathologySpecimen): boolean {
  const procs = ctx.performed().filter((p) => s.procedureIds.includes(p.id));
  const text = [...procs.map((p) => p.text), s.report?.diagnosisText ?? ''].join('\n');
  return procs.length > 0 && IMMUNOFLUORESCENCE.test(text) && !ROUTINE_HISTOLOGY.test(text);
}

/** "Punch bx for tissue culture … sent to microbiology": tissue for the micro lab, with no histology asked for. */
const CULTURE = /\b(?:(?:tissue|bacterial|fungal|afb|mycobacterial)\s+cultures?|for\s+cultures?|microbiology)\b/i;
const HISTOLOGY_ASKED = /\b(?:path\w*|dermpath|dermatopath\w*|histo\w*|h\s*&\s*e|formalin|permanent)\b/i;

function forCultureOnly(ctx: RuleContext, s: PathologySpecimen): boolean {
  if (s.report) return false;
  const procs = ctx.performed().filter((p) => s.procedureIds.includes(p.id));
  return procs.length > 0 && procs.every((p) => CULTURE.test(p.text) && !HISTOLOGY_ASKED.test(p.text));
}

function billable(ctx: RuleContext): PathologySpecimen[] {
  // Same specimens as filtering pathologySpecimens(ctx); only the kept ones are copied.
  return billableKnown(ctx).map(handOut);
}

/** billable(ctx) before copying: read-only, for rules that make a line for only some specimens (copy those with handOut). */
function billableKnown(ctx: RuleContext): KnownSpecimen[] {
  if (ctx.settings.pathology === 'external') return [];
  // An earlier visit's result quoted in today's note is billed with that visit, not again here.
  return specimensOnce(ctx).filter(({ specimen: s }) => !s.external && !s.mohs && !s.priorVisit);
}

function lineFor(ctx: RuleContext, s: PathologySpecimen, code: string, units: number, tags: string[]): DraftLine {
  return ctx.addLine({
    code,
    units,
    specimenLabels: [s.label],
    lesionLabels: s.lesionLabels,
    procedureIds: s.procedureIds,
    siteKey: s.siteKey,
    status: 'ready',
    spans: s.report?.span ? [s.report.span] : [],
    tags,
  });
}

export const pathologyLevelPerSpecimen = defineRule({
  id: 'pathology/level-per-specimen',
  family: 'pathology',
  phase: 'code',
  title: 'One surgical pathology unit per specimen, level by specimen type',
  explain:
    'Surgical pathology is reported once per specimen: tissue submitted for its own examination and diagnosis, usually its own container. ' +
    'Skin from a plastic repair is level II (88302); a cyst, skin tag or debridement is level III (88304); every other skin specimen, including tumors and re-excisions, is level IV (88305). ' +
    'Skin specimens never go to 88307 or 88309, whatever their size or malignancy. Each specimen gets its own line so it carries its own diagnosis; a specimen without a report yet is held. ' +
    'The practice setting decides whether the line is global, professional only (26) or billed by the outside lab.',
  references: [
    'CPT surgical pathology guidelines (88300-88309)',
    'AAPC Pathology Coding Alert: skin specimens 88304/88305',
    'AAD "Using pathology codes" (2012)',
  ],
  status: 'stable',
  codes: ['88300', '88302', '88304', '88305'],
  apply(ctx) {
    for (const s of billable(ctx)) {
      if (s.report?.consultation) continue; // the consultation code is the interpretation (pathology/consultation)
      if (s.report?.supplement && s.source === 'report-only') {
        // An addendum that only adds stains: the specimen's level is billed with its own report.
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: this addendum only adds stains; the surgical pathology level is billed with the specimen's report, not here.`,
          target: s.label,
          fix: "Code this addendum together with the specimen's report (or its visit) so its stains join that claim.",
          span: s.report.span,
        });
        continue;
      }
      // 88300: gross examination only (e.g. an avulsed nail), when the report says so (§7.1).
      const grossOnly =
        !!s.report &&
        /\bgross(?:\s+(?:examination|exam|description))?\s+only\b/i.test(s.report.diagnosisText) &&
        !/intra-?\s?operative/i.test(s.report.diagnosisText);
      const code = grossOnly ? '88300' : LEVEL[s.type];
      if (!code) continue;
      // A report that is itself the frozen-section read (e.g. "frozen section read immediately: BCC") is not a permanent-section report.
      const frozenReadOnly = !s.report || s.report.frozenSectionBlocks !== undefined;
      // (A note-wide "to in-house dermpath" said of another jar does not send this one for permanent sections.)
      if (frozenReadOnly && s.destination !== 'external') {
        // Tissue read only as an intraoperative frozen section, never sent for permanent sections:
        // the frozen-section codes are its pathology (pathology/frozen-section); §6.3 "88331, or 88305".
        const procs = ctx.performed().filter((p) => s.procedureIds.includes(p.id));
        if (procs.length > 0 && procs.every((p) => frozenNoted(ctx, p) && !PERMANENT.test(procedureText(ctx, p))) && !allSentForPermanent(ctx)) {
          ctx.report({
            severity: 'info',
            message: `Specimen ${s.label}: only an intraoperative frozen section is documented, so no surgical pathology level (88305) was added.`,
            target: s.label,
            fix: 'If the tissue was also submitted for permanent sections, document it: that supports the surgical pathology level.',
          });
          continue;
        }
      }
      if (forImmunofluorescenceOnly(ctx, s)) {
        // The reference has no rule for immunofluorescence studies: never an H&E level for them, ask instead.
        ctx.report({
          severity: 'warning',
          message: `Specimen ${s.label}: sent for direct immunofluorescence only; DermLens does not code immunofluorescence, so no surgical pathology level (88305) was added.`,
          target: s.label,
          fix: "Code the immunofluorescence study from the lab's report (or confirm that the lab bills it).",
          span: s.report?.span,
        });
        continue;
      }
      if (forCultureOnly(ctx, s)) {
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: sent for culture only (microbiology), so no surgical pathology level (88305) was added.`,
          target: s.label,
          fix: 'If the tissue was also submitted for histology, document it: that supports the surgical pathology level.',
        });
        continue;
      }
      if (!s.report && s.destination === 'unknown' && notSent(ctx, s)) {
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: the note says the tissue was not sent for pathology, so no surgical pathology line was added.`,
          target: s.label,
          fix: 'If the tissue was in fact submitted, document where it went; that supports the pathology line.',
        });
        continue;
      }
      const line = lineFor(ctx, s, code, 1, ['pathology-interpretation']);
      line.status = s.report ? 'ready' : 'held-for-pathology';
      if (s.separateFromMohs) {
        // Separate from the Mohs layers: passes the Mohs-pathology edit only with the distinct modifier.
        ctx.addModifier(line, ctx.distinctModifier('XS'));
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: tissue separate from the Mohs layers (e.g. debulk) sent for permanent sections is its own specimen; reported with ${ctx.distinctModifier('XS')}.`,
          target: s.label,
          fix: 'Make sure the note says this tissue was separate from the Mohs layers and went for permanent sections.',
        });
      }
      if (s.type === 'other') {
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: specimen type not recognised as skin, cyst, tag, debridement or plastic repair; coded as skin (88305).`,
          target: s.label,
          fix: 'Verify the specimen is skin: non-skin soft-tissue specimens have their own, higher levels.',
          span: s.report?.span,
        });
      }
    }
  },
});

export const pathologyReportMatchesSpecimen = defineRule({
  id: 'pathology/report-for-unknown-specimen',
  family: 'pathology',
  phase: 'code',
  title: 'A pathology report must match a documented specimen',
  explain:
    'Every pathology report should belong to a specimen documented in the procedure note. A report whose specimen label matches no documented specimen is still coded, ' +
    'because the report proves the interpretation was done, but the mismatch usually means a mislabeled specimen or a report filed to the wrong visit, so DermLens asks the coder to check.',
  references: ['CPT surgical pathology guidelines (unit = specimen)', 'CAP specimen labeling requirements'],
  status: 'stable',
  apply(ctx) {
    // A pathology report on its own (no visit documented in this file) has nothing to mismatch:
    // reconcile links it to the visit's specimens across files.
    if (ctx.encounter.specimens.length === 0 && ctx.performed().length === 0) return;
    const relabelled = ctx.encounter.pathology.filter((r) => r.labelledAs);
    if (relabelled.length > 0) {
      ctx.report({
        severity: 'info',
        message: `The report's parts ${relabelled.map((r) => r.labelledAs).join(', ')} name none of the note's specimens (${relabelled.map((r) => r.specimenLabel).join(', ')}); there are as many of each, so they were matched in order (${relabelled.map((r) => `${r.labelledAs} = ${r.specimenLabel}`).join(', ')}).`,
        target: relabelled[0]?.specimenLabel,
        fix: 'Confirm each report part belongs to the specimen it was matched to (site and diagnosis); label the specimens as the lab does.',
        span: relabelled[0]?.span,
      });
    }
    // Only reads the specimens (no line takes their arrays): no copies needed.
    for (const { specimen: s } of specimensOnce(ctx)) {
      if (s.source !== 'report-only' || s.report?.consultation) continue;
      if (s.priorVisit) {
        ctx.report({
          severity: 'info',
          message: `Specimen ${s.label}: this result is for tissue collected ${s.report?.collectedDate ? `on ${s.report.collectedDate}` : 'at an earlier visit (this visit reviews it and takes no tissue)'}, before this visit; its pathology belongs to that visit's claim and is not billed here.`,
          target: s.label,
          fix: 'Make sure the earlier visit billed the pathology for this specimen.',
          span: s.report?.span,
        });
        continue;
      }
      ctx.report({
        severity: 'warning',
        message: `Pathology report for unknown specimen ${s.label}: no procedure or specimen with that label is documented in this note.`,
        target: s.label,
        fix: `Check the specimen label on the report and the procedure note; document which lesion specimen ${s.label} came from.`,
        span: s.report?.span,
      });
    }
  },
});

export const pathologySpecialStains = defineRule({
  id: 'pathology/special-stains',
  family: 'pathology',
  phase: 'code',
  title: 'Special stains by group, each stain on each block',
  explain:
    'Special stains are reported in addition to the surgical pathology level: group I for microorganisms (88312, e.g. PAS for fungi, acid-fast), group II for all other non-immune stains (88313, e.g. iron, trichrome), ' +
    'group III for enzyme constituents (88319), and +88314 for a histochemical stain on a frozen block. The unit is each stain on each block, so units = stains × blocks. Routine H&E is included in the level and never a stain line.',
  references: ['CPT special stain codes 88312-88319', 'APS "Special stains" white paper', 'NGS Medicare pathology article'],
  status: 'stable',
  codes: ['88312', '88313', '88314', '88319'],
  apply(ctx) {
    for (const known of billableKnown(ctx)) {
      const stains = (known.specimen.report?.stains ?? []).filter((st) => !ROUTINE_PERMANENT_STAIN.test(st.name));
      if (stains.length === 0) continue;
      const units = new Map<string, number>();
      for (const st of stains) {
        const code = STAIN_CODE[st.group];
        units.set(code, (units.get(code) ?? 0) + st.blocks);
      }
      const s = handOut(known);
      for (const [code, n] of units) lineFor(ctx, s, code, n, ['pathology-stain']);
    }
  },
});

export const pathologyImmunohistochemistry = defineRule({
  id: 'pathology/immunohistochemistry',
  family: 'pathology',
  phase: 'code',
  title: 'Immunohistochemistry per specimen: 88342 first antibody, +88341 each additional, 88344 multiplex',
  explain:
    'Immunostains are counted per specimen, not per slide or block: the first single-antibody stain on a specimen is 88342, each additional single antibody on the same specimen is +88341, ' +
    'and each multiplex antibody stain is 88344. A second specimen starts again at 88342.',
  references: ['CPT 2015 immunohistochemistry codes 88341-88344', 'Reference §7.2 (codingahead "per slide" is wrong)'],
  status: 'stable',
  codes: ['88341', '88342', '88344'],
  apply(ctx) {
    // Only specimens with immunostains get lines (and so their own copy).
    for (const known of billableKnown(ctx)) if ((known.specimen.report?.ihc.length ?? 0) > 0) addIhcLines(ctx, handOut(known), false);
  },
});

function addIhcLines(ctx: RuleContext, s: PathologySpecimen, distinct: boolean): void {
  const ihc = s.report?.ihc ?? [];
  const single = ihc.filter((a) => !a.multiplex).length;
  const multiplex = ihc.filter((a) => a.multiplex).length;
  const lines: DraftLine[] = [];
  if (single > 0) lines.push(lineFor(ctx, s, '88342', 1, ['pathology-ihc']));
  if (single > 1) lines.push(lineFor(ctx, s, '88341', single - 1, ['pathology-ihc']));
  if (multiplex > 0) lines.push(lineFor(ctx, s, '88344', multiplex, ['pathology-ihc']));
  // §6.3 [V]: immunostains on Mohs tissue are reported with the distinct modifier.
  if (distinct) for (const l of lines) ctx.addModifier(l, ctx.distinctModifier('XS'));
}

export const pathologyFrozenSection = defineRule({
  id: 'pathology/frozen-section',
  family: 'pathology',
  phase: 'code',
  title: 'Frozen sections: 88331 first block per specimen, +88332 each additional block',
  explain:
    'An intraoperative frozen section is reported per specimen: 88331 for the first frozen block and +88332 for each additional block of the same specimen. ' +
    'A pathology consultation during surgery without any frozen section is 88329. Frozen sections of Mohs layers are part of the Mohs code and are never reported.',
  references: ['CPT intraoperative consultation codes 88329-88334', 'Reference §7.2, §6.3'],
  status: 'stable',
  codes: ['88329', '88331', '88332'],
  apply(ctx) {
    for (const known of billableKnown(ctx)) {
      const report = known.specimen.report;
      const blocks = report?.frozenSectionBlocks ?? 0;
      const intraoperative = (r: PathologyReport | undefined) => !!r && (r.intraoperative === true || /intra-?\s?operative consult/i.test(r.diagnosisText));
      if (blocks === 0 && !intraoperative(report)) continue;
      const s = handOut(known);
      if (blocks > 0) {
        lineFor(ctx, s, '88331', 1, ['pathology-frozen']);
        if (blocks > 1) lineFor(ctx, s, '88332', blocks - 1, ['pathology-frozen']);
      } else if (intraoperative(s.report)) {
        lineFor(ctx, s, '88329', 1, ['pathology-intraoperative']);
      }
    }
    if (ctx.settings.pathology === 'external') return;
    // Frozen sections written only in the procedure note (no report carries them).
    const mohsIds = new Set(ctx.performed('mohs').map((m) => m.id));
    for (const p of ctx.performed(
      'biopsy-tangential',
      'biopsy-punch',
      'biopsy-incisional',
      'biopsy-unspecified',
      'excision',
      'shave-removal',
      'hidradenitis-excision',
    )) {
      if (mohsIds.has(p.id)) continue;
      const frozen = frozenNoted(ctx, p);
      if (!frozen) continue;
      if ((ctx.pathologyFor(p.specimenLabel)?.frozenSectionBlocks ?? 0) > 0) continue;
      const s: PathologySpecimen = {
        label: p.specimenLabel ?? '',
        lesionLabels: p.lesionLabels,
        procedureIds: [p.id],
        siteKey: p.site?.key,
        type: 'skin',
        report: undefined,
        mohs: false,
        external: false,
        destination: 'unknown',
        source: 'procedure',
      };
      const first = lineFor(ctx, s, '88331', 1, ['pathology-frozen']);
      if (!p.specimenLabel) first.specimenLabels = [];
      first.spans = ctx.spanOf(p);
      if ((frozen.blocks ?? 1) > 1) {
        const more = lineFor(ctx, s, '88332', (frozen.blocks ?? 1) - 1, ['pathology-frozen']);
        if (!p.specimenLabel) more.specimenLabels = [];
        more.spans = ctx.spanOf(p);
      }
      if (frozen.blocks === undefined) {
        ctx.report({
          severity: 'warning',
          message: `Frozen section documented${p.specimenLabel ? ` for specimen ${p.specimenLabel}` : ''} without a block count; coded the first block (88331) only.`,
          target: p.specimenLabel ?? '88331',
          fix: 'Document the number of frozen blocks: each block after the first supports +88332.',
          span: p.span,
        });
      }
    }
  },
});

const CONSULT_RANK = ['88321', '88323', '88325'] as const;

export const pathologyConsultation = defineRule({
  id: 'pathology/consultation',
  family: 'pathology',
  phase: 'code',
  title: 'Consultation on referred material: one of 88321, 88323 or 88325 per case',
  explain:
    'A consultation on material prepared elsewhere is 88321 (slides), 88323 (material that needs slides made) or 88325 (comprehensive, with review of records). ' +
    'The three are never reported together on one consult case, and the consultation code replaces the surgical pathology level for that material. ' +
    'Whether several specimens on one case justify several units of 88321 is not settled (AAPC allows it in some situations, APS says no), so DermLens reports one unit and asks.',
  references: ['CPT consultation codes 88321-88325', 'APS "Outside slide consultations" white paper', 'AAPC "You be the coder: consultation"'],
  status: 'stable',
  codes: ['88321', '88323', '88325'],
  apply(ctx) {
    const consults = billableKnown(ctx)
      .filter(({ specimen }) => specimen.report?.consultation)
      .map(handOut);
    if (consults.length === 0) return;
    const codes = [...new Set(consults.map((s) => s.report?.consultation as string))];
    const code = [...CONSULT_RANK].reverse().find((c) => codes.includes(c)) as string;
    const first = consults[0] as PathologySpecimen;
    const line = lineFor(ctx, first, code, 1, ['pathology-consultation', 'pathology-interpretation']);
    line.specimenLabels = consults.map((s) => s.label);
    line.lesionLabels = [...new Set(consults.flatMap((s) => s.lesionLabels))];
    line.spans = consults.flatMap((s) => (s.report?.span ? [s.report.span] : []));
    if (codes.length > 1) {
      ctx.report({
        severity: 'warning',
        message: `Consultation codes ${codes.join(', ')} documented on one case; they are never reported together. Reported ${code} only.`,
        target: code,
        fix: 'Pick the one consultation code that describes the whole case (88321 slides, 88323 slide preparation, 88325 comprehensive).',
      });
    }
    if (consults.length > 1) {
      ctx.report({
        severity: 'warning',
        message: `Consultation covers ${consults.length} specimens (${line.specimenLabels.join(', ')}); reported as 1 unit of ${code}. Whether each specimen may be its own unit is unverified and payer-specific.`,
        target: code,
        fix: `Check the payer's policy; report more units of ${code} only if it allows one per specimen.`,
      });
    }
  },
});

export const pathologyMohsTissue = defineRule({
  id: 'pathology/mohs-tissue',
  family: 'pathology',
  phase: 'code',
  title: 'Mohs tissue: no surgical pathology or frozen-section lines; only non-routine stains',
  explain:
    'The Mohs surgeon is also the pathologist, and the Mohs codes include preparing and reading the frozen sections with routine stains (H&E, toluidine blue). ' +
    'So Mohs layers never get 88305 or 88331/88332 lines. A non-routine special stain on frozen Mohs blocks (e.g. trichrome) is +88314 per block stained, and immunostains (e.g. MART-1) are 88342/+88341 per specimen, ' +
    'each block the note says was stained counting as one (a block is tissue separately identified for its own reading), ' +
    'both with the distinct-service modifier to pass the Mohs-pathology edit.',
  references: ['Reference §6.3 (NCCI policy)', 'AAPC Pathology Coding Alert: special stains with Mohs', 'CPT Mohs guidelines 17311-17315'],
  status: 'stable',
  codes: ['88314', '88342', '88341', '88344'],
  apply(ctx) {
    if (ctx.settings.pathology === 'external') return;
    mohsNoteStains(ctx);
    for (const known of specimensOnce(ctx)) {
      if (!known.specimen.mohs || !known.specimen.report) continue;
      // Copied only for the Mohs specimens with a report: their lines take the arrays over.
      const s = handOut(known);
      if (!s.report) continue;
      const stains = s.report.stains;
      const routine = stains.filter((st) => ROUTINE_STAIN.test(st.name));
      const special = stains.filter((st) => !ROUTINE_STAIN.test(st.name));
      const blocks = special.reduce((n, st) => n + st.blocks, 0);
      if (blocks > 0) {
        const line = lineFor(ctx, s, '88314', blocks, ['pathology-stain', 'mohs-stain']);
        ctx.addModifier(line, ctx.distinctModifier('XS'));
      }
      addIhcLines(ctx, s, true);
      if (routine.length > 0 || (s.report.frozenSectionBlocks ?? 0) > 0) {
        ctx.report({
          severity: 'info',
          message: `Mohs specimen ${s.label}: frozen sections${routine.length ? ` and routine stains (${routine.map((r) => r.name).join(', ')})` : ''} are included in the Mohs code; no pathology line.`,
          target: s.label,
          span: s.report.span,
        });
      }
    }
  },
});

/** Stains written in a Mohs procedure note when no report holds them (§6.3). */
function mohsNoteStains(ctx: RuleContext): void {
  const mohs = ctx.performed('mohs');
  if (mohs.length === 0) return;
  const reported = new Set(
    specimensOnce(ctx)
      .map(({ specimen }) => specimen)
      .filter((s) => s.mohs && s.report)
      .flatMap((s) => s.procedureIds.concat(s.label.toUpperCase())),
  );
  for (const p of mohs) {
    if (reported.has(p.id) || (p.specimenLabel && reported.has(p.specimenLabel.toUpperCase()))) continue;
    const found = mohsStainsInText(procedureText(ctx, p));
    const s: PathologySpecimen = {
      label: p.specimenLabel ?? '',
      lesionLabels: p.lesionLabels,
      procedureIds: [p.id],
      siteKey: p.site?.key,
      type: 'mohs',
      report: undefined,
      mohs: true,
      external: false,
      destination: 'unknown',
      source: 'procedure',
    };
    const lines: DraftLine[] = [];
    if (found.stainNamed) lines.push(lineFor(ctx, s, '88314', found.stainBlocks, ['pathology-stain', 'mohs-stain']));
    // IHC is per specimen (§7.2); a frozen Mohs block stained on its own is one: the first antibody once per block.
    const ihcBlocks = Math.max(1, found.ihcBlocks);
    if (found.ihc.length > 0) lines.push(lineFor(ctx, s, '88342', ihcBlocks, ['pathology-ihc', 'mohs-stain']));
    if (found.ihc.length > 1) lines.push(lineFor(ctx, s, '88341', (found.ihc.length - 1) * ihcBlocks, ['pathology-ihc', 'mohs-stain']));
    for (const l of lines) {
      if (!p.specimenLabel) l.specimenLabels = [];
      l.spans = ctx.spanOf(p);
      ctx.addModifier(l, ctx.distinctModifier('XS'));
    }
    if (found.ihc.length > 0) {
      // §7.2 counts IHC per specimen and calls tissue separately identified a specimen; it does not say how a payer
      // counts frozen Mohs blocks, so the count is shown and left to the coder to confirm.
      ctx.report({
        severity: found.ihcBlocksMissing ? 'warning' : 'info',
        message: found.ihcBlocksMissing
          ? `Immunostain (${found.ihc.join(', ')}) on Mohs frozen blocks documented without the number of blocks stained; coded as one specimen.`
          : `Immunostain (${found.ihc.join(', ')}) on ${ihcBlocks} Mohs frozen block${ihcBlocks === 1 ? '' : 's'}: each block coded as one specimen (§7.2); confirm the payer counts Mohs blocks this way.`,
        target: '88342',
        fix: found.ihcBlocksMissing
          ? 'Document how many frozen blocks were stained.'
          : 'If the payer counts the Mohs case as one specimen, report 88342 once (+88341 per further antibody).',
        span: p.span,
      });
    }
    if (found.blocksMissing) {
      ctx.report({
        severity: 'warning',
        message: 'Special stain on Mohs frozen blocks documented without the number of blocks stained; coded one block of 88314 per stain.',
        target: '88314',
        fix: 'Document how many frozen blocks were stained: 88314 is one unit per stain per block.',
        span: p.span,
      });
    }
  }
}

export const pathologyDiagnosticBiopsyBeforeMohs = defineRule({
  id: 'pathology/diagnostic-biopsy-before-mohs',
  family: 'pathology',
  phase: 'modify',
  title: 'Pathology of a same-day diagnostic biopsy before Mohs takes the distinct modifier',
  explain:
    'When a lesion with no prior pathologic diagnosis is biopsied and read the same day, and that result leads to Mohs surgery, the biopsy and its pathology (88305 or frozen section 88331) are separately reportable. ' +
    'Because Mohs and pathology codes are paired in NCCI, the biopsy and pathology lines carry 59 (or XS for Medicare).',
  references: ['Reference §6.3', 'MAC billing article A56836', 'NCCI policy manual ch. 3 (Mohs)'],
  status: 'stable',
  apply(ctx) {
    const mohs = ctx.performed('mohs');
    if (mohs.length === 0) return;
    // Same lesion: a shared lesion label, or (both unlabeled) the same site.
    const sameLesion = (labels: string[], siteKey: string | undefined) =>
      mohs.some((m) =>
        labels.length > 0 && m.lesionLabels.length > 0
          ? labels.some((l) => m.lesionLabels.some((x) => same(l, x)))
          : !siteKey || !m.site?.key || m.site.key === siteKey,
      );
    const labels = new Set<string>();
    const procIds = new Set<string>();
    for (const l of ctx.lines) {
      if (!l.tags.includes('diagnostic-before-definitive')) continue;
      if (l.procedureIds.length <= 1) {
        if (!sameLesion(l.lesionLabels, l.siteKey)) continue;
        for (const s of l.specimenLabels) labels.add(s.toUpperCase());
        for (const id of l.procedureIds) procIds.add(id);
        continue;
      }
      // An add-on line covers several biopsies: only the ones that drove the decision count.
      for (const p of ctx.performed().filter((x) => l.procedureIds.includes(x.id) && x.drivesDecision && sameLesion(x.lesionLabels, x.site?.key))) {
        if (p.specimenLabel) labels.add(p.specimenLabel.toUpperCase());
        procIds.add(p.id);
      }
    }
    // Same site as a Mohs tumor: labels are often list numbers ("1)", "2)"), so the site decides.
    const atMohsSite = (p: Procedure) =>
      !!p.site?.key && mohs.some((m) => m.site?.key === p.site?.key && (!m.site?.laterality || !p.site?.laterality || m.site.laterality === p.site.laterality));
    for (const p of ctx.performed('biopsy-tangential', 'biopsy-punch', 'biopsy-incisional')) {
      // A biopsy read at once (frozen section) or documented as driving the decision, on the Mohs tumor.
      const diagnostic = p.drivesDecision === true || frozenNoted(ctx, p) !== undefined;
      if (!diagnostic || !(sameLesion(p.lesionLabels, p.site?.key) || atMohsSite(p))) continue;
      if (p.specimenLabel) labels.add(p.specimenLabel.toUpperCase());
      procIds.add(p.id);
    }
    for (const line of ctx.lines) {
      if (line.family !== 'pathology' || line.tags.includes('mohs-stain')) continue;
      if (line.specimenLabels.some((s) => labels.has(s.toUpperCase())) || line.procedureIds.some((id) => procIds.has(id))) {
        ctx.addModifier(line, ctx.distinctModifier('XS'));
      }
    }
  },
});

export const pathologyProfessionalComponent = defineRule({
  id: 'pathology/professional-component',
  family: 'pathology',
  phase: 'modify',
  title: 'Professional-only pathology takes modifier 26 on every pathology line',
  explain:
    'When the practice only reads slides an outside lab prepared, every pathology line it bills (levels, stains, immunostains, frozen sections) carries modifier 26, the professional component. ' +
    'When the practice prepares and reads the slides, the lines are global (no modifier). When the outside lab bills, the practice has no pathology lines at all. The modifier is 26, never "PC".',
  references: ['Reference §7.3', 'AAPC Pathology Coding Alert: use 26, not PC'],
  status: 'stable',
  codes: ['26'],
  apply(ctx) {
    if (ctx.settings.pathology !== 'professional') return;
    for (const line of ctx.lines) if (line.family === 'pathology') ctx.addModifier(line, '26');
  },
});

export const pathologyTechnicalComponent = defineRule({
  id: 'pathology/technical-component',
  family: 'pathology',
  phase: 'modify',
  title: 'Slides prepared here and read by an outside pathologist: modifier TC',
  explain:
    "When the practice's own lab prepares the slides and an outside pathologist reads them and bills the interpretation, the practice bills only the technical component: every pathology line it bills carries TC. " +
    'DermLens adds TC only when the note says both (the practice prepares the slides, the other pathologist bills the reading) and the practice setting is in-house; with the professional-only setting the two statements contradict each other and the coder is asked.',
  references: ['Reference §7.3 (global vs 26 vs TC)'],
  status: 'stable',
  codes: ['TC'],
  apply(ctx) {
    if (!ctx.encounter.visit.technicalComponentOnly || ctx.settings.pathology === 'external') return;
    const lines = ctx.lines.filter((line) => line.family === 'pathology');
    if (lines.length === 0) return;
    if (ctx.settings.pathology === 'professional') {
      ctx.report({
        severity: 'warning',
        message:
          'The note says the practice prepares the slides and an outside pathologist bills the interpretation, but the setting is professional-only (26).',
        target: lines[0]?.code,
        fix: 'Check who prepares and who reads the slides: the practice bills TC when it only prepares them, 26 when it only reads them.',
      });
      return;
    }
    for (const line of lines) ctx.addModifier(line, 'TC');
    ctx.report({
      severity: 'info',
      message: `Slides prepared here, read and billed by an outside pathologist: ${[...new Set(lines.map((l) => l.code))].join(', ')} billed as the technical component (TC).`,
      target: lines[0]?.code,
      fix: 'If the practice also reads the slides, remove TC (global billing).',
    });
  },
});

export const pathologyReadByOutsideLab = defineRule({
  id: 'pathology/read-by-outside-lab',
  family: 'pathology',
  phase: 'check',
  title: 'Report read by an outside lab while the practice bills pathology',
  explain:
    'The practice setting says the practice bills pathology, but the report says an outside laboratory read it. If the lab bills the interpretation, the practice must not bill it too. ' +
    'DermLens keeps the lines (the setting decides) and asks the coder to confirm who billed. A report that says its laboratory performed and bills the work ' +
    '("services performed and billed by …") settles it: the practice has no line for that specimen.',
  references: ['Reference §7.3 (global vs 26 vs TC)'],
  status: 'stable',
  apply(ctx) {
    // 'professional': an outside lab prepared the slides, so its name on the report is expected.
    if (ctx.settings.pathology !== 'in-house') return;
    for (const line of ctx.lines) {
      if (line.family !== 'pathology' || !line.tags.includes('pathology-interpretation')) continue;
      const report = ctx.pathologyFor(line.specimenLabels[0]);
      if (report?.readBy !== 'external') continue;
      ctx.report({
        severity: 'info',
        message: `Specimen ${line.specimenLabels[0]}: the report says an outside lab read it, but the practice setting bills pathology (${line.code}).`,
        target: line.specimenLabels[0],
        fix: 'Confirm who bills the interpretation; set the pathology arrangement to "external" if the lab bills it.',
        span: report.span,
      });
    }
  },
});

export const pathologySkinNotHigherLevel = defineRule({
  id: 'pathology/skin-never-88307',
  family: 'pathology',
  phase: 'check',
  title: 'Skin specimens are never 88307 or 88309',
  explain:
    'The surgical pathology levels list skin only at levels II-IV. A skin specimen stays at 88302, 88304 or 88305 whatever its size, depth, margins or malignancy; ' +
    '88307 and 88309 for skin are a common upcoding error.',
  references: ['Reference §7.1', 'AAPC Pathology Coding Alert: skin specimens 88304/88305, do not upcode for cancer'],
  status: 'stable',
  codes: ['88307', '88309'],
  apply(ctx) {
    const entered = ctx.encounter.enteredCharges.filter((c) => c.code === '88307' || c.code === '88309');
    const skinOnly = ctx.encounter.pathology.every((r) => r.specimenType !== 'other');
    if (entered.length === 0 || !skinOnly) return;
    for (const c of entered) {
      ctx.report({
        severity: 'error',
        message: `Entered ${c.code} for skin specimen(s): skin is never above level IV (88305).`,
        target: c.code,
        fix: 'Use 88305 (88304 for cyst/tag/debridement, 88302 for plastic repair skin).',
      });
    }
  },
});

export const pathologyUnitsPerCode = defineRule({
  id: 'pathology/units-per-code',
  family: 'pathology',
  phase: 'modify',
  title: 'Specimens with the same pathology code share one line, one unit per specimen',
  explain:
    'Surgical pathology is counted in units of specimens, so two skin biopsies read at level IV are one 88305 line with 2 units, the way biopsy add-ons are one line with units. ' +
    'Lines are only combined when everything else on them matches: the same modifiers (26, a distinct-service modifier on a diagnostic biopsy before Mohs), the same status (a specimen still waiting for its report stays on its own held line) and the same billing. ' +
    'The combined line keeps every specimen label, so each specimen still traces to its report and its diagnosis.',
  references: ['Reference §7.2 (unit = specimen)', 'Reference §14 (identical codes: separate lines with 59/XS, or units, per payer)'],
  status: 'stable',
  codes: ['88302', '88304', '88305', '88312', '88313', '88314', '88341', '88342', '88344', '88331', '88332'],
  apply(ctx) {
    const first = new Map<string, (typeof ctx.lines)[number]>();
    for (const line of [...ctx.lines]) {
      if (line.family !== 'pathology') continue;
      const key = [line.code, line.modifiers.join('-'), line.status, line.billing].join('|');
      const into = first.get(key);
      if (!into) {
        first.set(key, line);
        continue;
      }
      into.units += line.units;
      // Fresh arrays, never pushes: a line's arrays may be the encounter's own (a procedure's lesion labels).
      into.specimenLabels = union(into.specimenLabels, line.specimenLabels);
      into.lesionLabels = union(into.lesionLabels, line.lesionLabels);
      into.procedureIds = union(into.procedureIds, line.procedureIds);
      into.tags = union(into.tags, line.tags);
      into.ruleIds = union(into.ruleIds, [...line.ruleIds, 'pathology/units-per-code']);
      into.spans = [...into.spans, ...line.spans];
      ctx.removeLine(line, `combined into the ${line.code} line as one more unit`);
    }
  },
});

/** `to` followed by the items of `from` it lacks, as a new array (neither input is changed). */
function union(to: readonly string[], from: readonly string[]): string[] {
  const out = [...to];
  for (const x of from) if (!out.includes(x)) out.push(x);
  return out;
}

/** "Nail clipping R great toenail sent for PAS", "distal nail plate clipped and submitted to dermpath". */
const NAIL_CLIPPING =
  /\bnail(?:\s+plate)?\s+clippings?\b|\bclipping\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}(?:toe|finger)?nails?\b|\b(?:toe|finger)?nails?(?:\s+plate)?\s+(?:was\s+|were\s+)?clipped\b/i;
const TO_PATHOLOGY = /\b(?:sent|submitted|send|sending)\b|\bto\s+(?:path\w*|dermpath\w*|the\s+lab)|\bfor\s+(?:pas|gms|fungal\s+stain|histo\w*|path\w*)\b/i;
/** A result told of an earlier clipping, or a clipping only planned: nothing sent today. */
const NOT_TODAY =
  /\b(?:showed|shows|revealed|positive|negative|last\s+(?:month|visit|week|year)|previous|prior|earlier|outside\s+report|reviewed|ago|history|hx|will|plan(?:ned)?\s+to|consider|if\s+(?:no|not))\b/i;
const FUNGAL_STAIN = /\b(?:pas|periodic\s+acid[- ]schiff|gms|grocott|fungal\s+stains?)\b/i;

/** The sentence of the note that sends a nail clipping to pathology today, if any. */
export function nailClippingSent(ctx: RuleContext): { section: string; start: number; end: number; text: string } | undefined {
  for (const [section, text] of Object.entries(ctx.encounter.sections)) {
    if (!NAIL_CLIPPING.test(text)) continue;
    for (const m of text.matchAll(/(?<![^.\n])[^.\n]*/g)) {
      const sentence = m[0];
      if (!NAIL_CLIPPING.test(sentence) || !TO_PATHOLOGY.test(sentence) || NOT_TODAY.test(sentence)) continue;
      const start = m.index ?? 0;
      return { section, start, end: start + sentence.length, text: sentence.trim() };
    }
  }
  return undefined;
}

export const pathologyNailSpecimen = defineRule({
  id: 'pathology/nail-specimen',
  family: 'pathology',
  phase: 'check',
  title: 'Nail specimens: the level is not in the reference; PAS for fungi is 88312',
  explain:
    'The reference gives surgical pathology levels for skin specimens (88302, 88304, 88305) and gross-only examination (88300, e.g. an avulsed nail); it gives none for a nail clipping or nail-unit specimen, so DermLens asks the coder to verify the level. ' +
    'A PAS (or GMS) stain for fungi is a group I special stain, 88312 per stain per block, once the lab reports it. Clipping the nail plate for a specimen is not a nail biopsy (11755), and a KOH or culture is its own test (87220/87101).',
  references: ['Reference §7.1 (levels), §7.2 (88312)', 'Reference §1.3 (11755 not for clipping nail for KOH or culture)'],
  status: 'stable',
  codes: ['88305', '88312'],
  apply(ctx) {
    const nailLines = ctx.lines.filter(
      (l) => l.code === '88305' && pathologySpecimens(ctx).some((sp) => sp.type === 'nail' && l.specimenLabels.some((x) => same(x, sp.label))),
    );
    for (const line of nailLines) {
      ctx.report({
        severity: 'warning',
        message: `Specimen ${line.specimenLabels.join(', ')}: a nail specimen; the reference gives no surgical pathology level for nail (88305 is its level for skin, 88300 for gross examination only), so verify ${line.code} with the lab.`,
        target: line.specimenLabels.join(', '),
        fix: 'Confirm the level the lab reports for the nail specimen (88305, or 88300 when examined grossly only).',
      });
    }
    if (nailLines.length > 0 || pathologySpecimens(ctx).some((sp) => sp.type === 'nail')) return;
    const sent = nailClippingSent(ctx);
    if (!sent) return;
    const stain = FUNGAL_STAIN.test(sent.text);
    const external = ctx.settings.pathology === 'external';
    ctx.report({
      severity: external ? 'info' : 'warning',
      message: external
        ? `Nail clipping sent to pathology ("${sent.text.slice(0, 80)}"): the outside lab bills its examination${stain ? ' and stain' : ''}; no procedure code for the clipping (it is not a nail biopsy, 11755).`
        : `Nail clipping sent to pathology ("${sent.text.slice(0, 80)}"): no line added. The reference gives no surgical pathology level for a nail clipping, so verify it with the lab when the report returns${stain ? '; the PAS/GMS stain for fungi is 88312 per stain per block once reported' : ''}. The clipping itself is not a nail biopsy (11755).`,
      target: 'nail clipping',
      fix: external
        ? 'No action unless the practice reads the slides.'
        : `Code the pathology from the lab's report: verify the level for a nail specimen${stain ? ' and add 88312 for each fungal stain on each block' : ''}.`,
      span: { section: sent.section, start: sent.start, end: sent.end },
    });
  },
});

/** Rule id of the finding the engine makes from a report part the lab never received (declared here for the catalog). */
export const NOT_RECEIVED = 'pathology/specimen-not-received';

export const pathologySpecimenNotReceived = defineRule({
  id: NOT_RECEIVED,
  family: 'pathology',
  phase: 'code',
  title: 'A specimen the laboratory never received',
  explain:
    'A report may list a part as "not received" or its container as received empty. No tissue was examined, so there is no result and no interpretation to bill for it (the unit is a specimen examined). ' +
    'A lost specimen is a patient-safety task: find the container, or tell the patient and plan again.',
  references: ['reference §7.2 (unit = specimen examined)', 'CAP specimen tracking'],
  status: 'stable',
  // The engine reports these parts after all rules run (core/engine.ts), as no rule may read them as results.
  apply() {},
});

export const pathologyRules: Rule[] = [
  pathologyLevelPerSpecimen,
  pathologySpecimenNotReceived,
  pathologyReportMatchesSpecimen,
  pathologySpecialStains,
  pathologyImmunohistochemistry,
  pathologyFrozenSection,
  pathologyConsultation,
  pathologyMohsTissue,
  pathologyDiagnosticBiopsyBeforeMohs,
  pathologyProfessionalComponent,
  pathologyTechnicalComponent,
  pathologyUnitsPerCode,
  pathologyReadByOutsideLab,
  pathologySkinNotHigherLevel,
  pathologyNailSpecimen,
];
