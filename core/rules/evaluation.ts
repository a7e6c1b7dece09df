import { codeInfo } from '../codes/catalog';
import { OFFICE_EM_CODES } from '../codes/families/evaluation';
import type { Visit } from '../model';
import { cosmeticRoute, proceduresOfLine } from './cosmetic';
import { defineRule, type Rule, type RuleContext } from './define-rule';
import type { DraftLine } from './draft-line';
import { nailClippingSent } from './pathology';

const NEW_PATIENT = ['99202', '99203', '99204', '99205'];
const ESTABLISHED = ['99211', '99212', '99213', '99214', '99215'];

/** CPT 2024 minimum minutes (met or exceeded); the 2021-2023 ranges start at the same minutes. */
const TIME_THRESHOLDS: Record<'new' | 'established', [number, string][]> = {
  new: [
    [60, '99205'],
    [45, '99204'],
    [30, '99203'],
    [15, '99202'],
  ],
  established: [
    [40, '99215'],
    [30, '99214'],
    [20, '99213'],
    [10, '99212'],
  ],
};

/** "99213", "99213-25", "CPT 99213" → "99213"; modifiers written with the code are decided by the rules, not copied. */
function emCodeOf(raw: string): string | undefined {
  return /\b(99\d{3})\b/.exec(raw)?.[1];
}

export function isOfficeEm(code: string): boolean {
  return OFFICE_EM_CODES.includes(code);
}

/** The E/M line this family created, if it is still on the claim. */
export function emLine(ctx: Pick<RuleContext, 'lines'>): DraftLine | undefined {
  return ctx.lines.find((l) => l.family === 'evaluation' && isOfficeEm(l.code));
}

/**
 * Lines that are procedures or other services billed to the payer (not pathology/lab,
 * drug supply, the visit itself, or a cosmetic self-pay service the payer never sees).
 */
export function procedureLines(ctx: RuleContext): DraftLine[] {
  return ctx.lines.filter((l) => {
    if (l.family === 'evaluation' || /^99\d{3}$/.test(l.code) || l.code === 'G2211') return false;
    if (l.family === 'pathology' || /^8\d{4}$/.test(l.code)) return false; // pathology and lab
    if (/^[JQA]\d{4}$/.test(l.code)) return false; // drug and supply lines
    if (l.billing === 'self-pay') return false;
    const procs = proceduresOfLine(ctx, l);
    if (procs.length > 0 && procs.every((p) => cosmeticRoute(ctx, p)?.kind === 'cosmetic')) return false;
    return true;
  });
}

function levelByTime(minutes: number, kind: 'new' | 'established'): string | undefined {
  return TIME_THRESHOLDS[kind].find(([min]) => minutes >= min)?.[1];
}

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}

function moveToFront(ctx: RuleContext, line: DraftLine, index = 0): void {
  const i = ctx.lines.indexOf(line);
  if (i < 0) return;
  ctx.lines.splice(i, 1);
  ctx.lines.splice(index, 0, line);
}

export const evaluationOfficeVisit = defineRule({
  id: 'evaluation/office-visit',
  family: 'evaluation',
  phase: 'code',
  title: 'Office E/M line from the documented level',
  explain:
    'When the note documents an office visit level (99202-99205 new, 99211-99215 established), DermLens puts that E/M line first on the claim. ' +
    'It never invents a level: without a documented level it codes the level a documented total time meets (no procedure, patient kind known), else only suggests one. ' +
    '99201 was deleted in 2021, and a new-patient code on an established patient (or the reverse) is flagged.',
  references: ['CPT 2021 office E/M guidelines (reference §10.7)', 'CMS MLN E/M guide'],
  status: 'stable',
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const visit = ctx.encounter.visit;
    const raw = visit.emCode?.trim();
    const level = visit.emLevelWithoutKind;
    if (!raw && level !== undefined) {
      // The level is documented but the code depends on the patient kind (§10.7): ask, never guess.
      const codes = level === 1 ? '99211 (established; no new-patient level 1)' : `9920${level} (new) or 9921${level} (established)`;
      ctx.report({
        severity: 'warning',
        message: `E/M level ${level} is documented, but the note does not say whether the patient is new or established: ${codes}. No E/M line was added.`,
        target: `level ${level}`,
        fix: 'Document new or established patient (new: no professional service from the practice, same specialty, in 3 years), then code the level.',
      });
      return;
    }
    if (!raw) return;
    const code = emCodeOf(raw) ?? raw.toUpperCase();
    if (code === '99201') {
      ctx.report({
        severity: 'error',
        message: 'E/M 99201 was deleted in 2021; no E/M line was added.',
        target: code,
        fix: 'Choose 99202-99205 by medical decision making or total time (15/30/45/60 minutes).',
      });
      return;
    }
    if (!isOfficeEm(code)) {
      ctx.report({
        severity: 'warning',
        message: `E/M code ${raw} is not an office visit code DermLens checks (99202-99205, 99211-99215); no line was added.`,
        target: raw,
        fix: 'Verify the E/M code and code it by hand, or document the office visit level.',
      });
      return;
    }
    if (visit.newPatient === true && ESTABLISHED.includes(code)) {
      ctx.report({
        severity: 'warning',
        message: `The note calls this a new patient but documents established-patient code ${code}.`,
        target: code,
        fix: 'A new patient has had no professional service from the practice (same specialty) in 3 years: use 99202-99205, or correct the new-patient statement.',
      });
    } else if (visit.newPatient === false && NEW_PATIENT.includes(code)) {
      ctx.report({
        severity: 'warning',
        message: `The note calls this an established patient but documents new-patient code ${code}.`,
        target: code,
        fix: 'Use 99212-99215 for an established patient, or correct the patient status.',
      });
    }
    const line = ctx.addLine({
      code,
      // A telehealth modifier the provider documented ("99213-95") is kept as written; DermLens adds none (reference silent).
      modifiers: [...(visit.emModifiers ?? [])],
      tags: ['em'],
      spans: visit.problems.flatMap((p) => (p.span ? [p.span] : [])),
    });
    moveToFront(ctx, line);
  },
});

export const evaluationSeparatelyIdentifiable = defineRule({
  id: 'evaluation/separately-identifiable',
  family: 'evaluation',
  phase: 'code',
  title: 'E/M with a same-day procedure needs a separately identifiable problem (25) or the decision for major surgery (57)',
  explain:
    'A minor procedure (000 or 010 global) already pays for the decision to do it. An E/M on the same day is reportable, with modifier 25, only when a ' +
    'separately identifiable problem was managed beyond that decision; otherwise DermLens drops the E/M line and says why. ' +
    'An injection administration (96372) has no global period, so an E/M beside it alone keeps modifier 25. ' +
    'When the visit led to the decision for a 90-day-global procedure done the same day, the E/M takes modifier 57 (some private payers want 25). ' +
    'Modifier 59 or an X modifier never goes on an E/M.',
  references: ['CPT modifier 25 and 57 definitions', 'CMS global surgery booklet', 'AAD "Modifier 25 revisited" (2018)', 'reference §10.1'],
  status: 'stable',
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const em = emLine(ctx);
    const procs = procedureLines(ctx);
    const visit = ctx.encounter.visit;
    if (!em) {
      // No level documented, so no line (we never invent one); but a problem managed beyond today's procedures is
      // what makes an E/M-25 reportable, and a coder should not miss it.
      const separate = visit.problems.filter((p) => p.separatelyManaged);
      if (procs.length > 0 && separate.length > 0 && !visit.emCode) {
        ctx.report({
          severity: 'info',
          message: `${separate.map((p) => `"${p.text}"`).join(', ')} ${separate.length > 1 ? 'look' : 'looks'} managed beyond today's procedures, but the note documents no E/M level, so no E/M line was added.`,
          fix: 'If a separately identifiable E/M was performed, document its level (by decision making or total time): it is reported with modifier 25.',
        });
      }
      return;
    }
    if (procs.length === 0) {
      if (visit.decisionForSurgery) {
        ctx.report({
          severity: 'info',
          message: `${em.code}: this visit made the decision for surgery. If that surgery has a 90-day global and is done tomorrow, this E/M takes modifier 57.`,
          target: em.code,
          fix: 'Add 57 only when the major (090) procedure is on the next day; later surgery leaves this E/M without a modifier.',
        });
      }
      return;
    }
    const separate = visit.problems.filter((p) => p.separatelyManaged);
    const majors = procs.filter((l) => codeInfo(l.code)?.global === '090');
    const minors = procs.filter((l) => codeInfo(l.code)?.global !== '090' && codeInfo(l.code)?.global !== 'ZZZ');
    const procList = [...new Set(procs.map((l) => l.code))].join(', ');

    // CPT/NCCI: 99211 is not reported with 96372; the injection rules own that finding, so never add 25 there.
    if (em.code === '99211' && ctx.lines.some((l) => l.code === '96372')) return;

    if (majors.length > 0 && visit.decisionForSurgery) {
      ctx.addModifier(em, '57');
      if (ctx.settings.payer === 'commercial') {
        ctx.report({
          severity: 'info',
          message: `Modifier 57 added to ${em.code}: the visit led to the decision for ${majors.map((l) => l.code).join(', ')} (90-day global). Some private payers want 25 instead.`,
          target: em.code,
          fix: "Check this payer's policy: keep 57, or use 25 if the payer requires it.",
        });
      }
      if (minors.length > 0 && separate.length === 0) {
        ctx.report({
          severity: 'info',
          message: `Minor procedures (${[...new Set(minors.map((l) => l.code))].join(', ')}) are also on this claim; 57 covers only the decision for the major procedure.`,
          target: em.code,
          fix: 'If a separate problem was also managed, document it; some payers then want 25 as well.',
        });
      }
      return;
    }
    if (separate.length > 0) {
      ctx.addModifier(em, '25');
      if (majors.length > 0 && !visit.decisionForSurgery) {
        ctx.report({
          severity: 'info',
          message: `${em.code} reported with 25 beside a 90-day-global procedure (${majors.map((l) => l.code).join(', ')}) on the same day.`,
          target: em.code,
          fix: 'If this visit is where the decision for that surgery was made, document it: the E/M then takes 57.',
        });
      }
      return;
    }
    // An injection administration (96372) has no global period (XXX, §10.2): its payment holds no decision to give it, so
    // the visit that chose it keeps its E/M, with 25 (§9.2). Only a 000/010/090 procedure includes that decision.
    if (procs.every((l) => l.code === '96372')) {
      ctx.addModifier(em, '25');
      ctx.report({
        severity: 'info',
        message: `${em.code} reported with 25 beside only an injection administration (96372), which has no global period: the decision to give it is not part of 96372.`,
        target: em.code,
        fix: 'Check that the documented visit is significant beyond giving the injection; if it was only the injection (a nurse visit), drop the E/M.',
      });
      return;
    }
    ctx.removeLine(em, 'E/M not separately identifiable from the same-day procedure decision');
    ctx.report({
      severity: 'warning',
      message: `E/M ${em.code} documented but no separately identifiable service beyond the decision for ${procList}; not separately reportable, so no E/M line.`,
      target: em.code,
      fix:
        majors.length > 0
          ? 'Document the separate problem and its management (→ 25), or that this visit made the decision for the 90-day-global surgery (→ 57).'
          : 'Document the separate problem and its management (e.g. a prescription or work-up for another condition) to report the E/M with 25.',
    });
  },
});

export const evaluationPostoperative = defineRule({
  id: 'evaluation/postoperative-visit',
  family: 'evaluation',
  phase: 'code',
  title: 'E/M inside another procedure’s global period: 24 when unrelated, included when related',
  explain:
    'Visits related to a procedure during its global period (10 or 90 days) are part of the surgical package and are not billed. ' +
    'An unrelated E/M in that window takes modifier 24. DermLens adds 24 only when the note says the visit is unrelated and drops a related visit; when the note does not say, the global-period check asks.',
  references: ['CPT modifier 24 definition', 'CMS global surgery booklet', 'reference §10.2-10.3'],
  status: 'stable',
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const post = ctx.encounter.visit.postOpOf;
    if (!post) return;
    const em = emLine(ctx);
    const global = post.code ? codeInfo(post.code)?.global : undefined;
    const days = post.date && ctx.dateOfService ? daysBetween(post.date, ctx.dateOfService) : undefined;
    const windowDays = global === '000' ? 0 : global === '010' ? 10 : global === '090' ? 90 : undefined;
    if (windowDays !== undefined && days !== undefined && days > windowDays) return; // global has ended
    const prior = post.code ? `${post.code}${post.date ? ` on ${post.date}` : ''}` : `a prior procedure${post.date ? ` on ${post.date}` : ''}`;
    if (!em) {
      // A post-op check with nothing else done: say why the claim is empty rather than leave the coder guessing.
      if (post.related === false && ctx.lines.length === 0) {
        ctx.report({
          severity: 'info',
          message: `Visit inside the global period of ${prior} that also manages a new problem, but no E/M level is documented: no E/M line.`,
          fix: 'Document the E/M level of the new problem (it takes modifier 24); the postoperative care itself stays included.',
        });
      } else if (post.related !== false && ctx.lines.length === 0) {
        ctx.report({
          severity: 'info',
          message: `Postoperative visit for ${prior}${windowDays !== undefined && days !== undefined ? `, day ${days} of its ${windowDays}-day global period` : ''}: included in the surgical package, nothing to bill.`,
          fix: 'Report it as included (99024 where the practice tracks post-op visits); if an unrelated problem was also managed, document it and its E/M level (→ 24).',
        });
      }
      return;
    }
    if (post.related === false) {
      ctx.addModifier(em, '24');
      ctx.report({
        severity: 'info',
        message: `Modifier 24 added to ${em.code}: unrelated visit during the global period of ${prior}.`,
        target: em.code,
        fix: 'Keep the documentation showing the problem is unrelated to the surgery.',
      });
    } else if (post.related === true) {
      ctx.removeLine(em, `related postoperative visit inside the global period of ${prior}`);
      ctx.report({
        severity: 'warning',
        message: `E/M ${em.code} is related to ${prior} and falls inside its global period: included in the surgical package, so no E/M line.`,
        target: em.code,
        fix: 'Report the postoperative visit as included (99024 where the practice tracks it); if a different problem was treated, document it as unrelated (→ 24).',
      });
    }
    // Relation undocumented: checks/global-period asks which applies (one prompt, not two).
  },
});

type PatientKind = 'new' | 'established';

/** The office E/M code the note documents, normalized ("99214-25" → 99214); undefined when none. */
function documentedEm(visit: Visit): string | undefined {
  return visit.emCode ? (emCodeOf(visit.emCode) ?? visit.emCode.trim().toUpperCase()) : undefined;
}

/** New or established as the note says; both when it does not say. */
function patientKinds(visit: Visit): PatientKind[] {
  return visit.newPatient === true ? ['new'] : visit.newPatient === false ? ['established'] : ['new', 'established'];
}

export const evaluationTimeLevel = defineRule({
  id: 'evaluation/time-level',
  family: 'evaluation',
  phase: 'code',
  title: 'Office E/M level by documented total time',
  explain:
    'Since 2021 an office E/M may be leveled by total practitioner time on the date of the encounter; since CPT 2024 the minimums are 15/30/45/60 minutes (new) and 10/20/30/40 (established). ' +
    'DermLens compares documented time with the documented level and says when they disagree (the level may still stand on decision making). ' +
    'With time but no level, no decision making and no procedure it codes the level the time meets; beside a procedure it only suggests one, because time spent on separately billed procedures does not count.',
  references: ['CPT 2024 office E/M time thresholds (reference §10.7)', 'AMA E/M 2021 guidelines'],
  status: 'stable',
  effective: { from: '2021-01-01' },
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const visit = ctx.encounter.visit;
    const minutes = visit.totalMinutes;
    if (minutes === undefined) return;
    const documented = documentedEm(visit);
    const procNote = procedureLines(ctx).length > 0 ? ' Time spent on the separately billed procedures must not be counted.' : '';
    if (documented && isOfficeEm(documented)) {
      if (documented === '99211') return; // 99211 has no time threshold
      const kind = NEW_PATIENT.includes(documented) ? 'new' : 'established';
      const byTime = levelByTime(minutes, kind);
      if (byTime === documented) return;
      const order = TIME_THRESHOLDS[kind].map(([, c]) => c);
      const higher = byTime !== undefined && order.indexOf(byTime) < order.indexOf(documented);
      ctx.report({
        severity: 'info',
        message: byTime
          ? `Documented time (${minutes} min) supports ${byTime}, but the note documents ${documented}.${procNote}`
          : `Documented time (${minutes} min) is below the minimum for any ${kind}-patient level; ${documented} must stand on decision making.${procNote}`,
        target: documented,
        fix: higher
          ? `If the level was chosen by time, ${byTime} is supported; otherwise keep ${documented} by decision making.`
          : `Make sure decision making supports ${documented}; by time alone the level would be ${byTime ?? 'not supported'}.`,
      });
      return;
    }
    if (documented) return; // an unrecognised code was already reported
    const kinds = patientKinds(visit);
    // §10.7: an office E/M is leveled by decision making or by total time. A visit that documents only its total time, for a
    // patient the note calls new or established, with no procedure (whose time would have to come out and whose E/M would
    // need a separate problem) and no global period, is leveled by that time.
    const [kind] = kinds;
    const byTime = kind && kinds.length === 1 ? levelByTime(minutes, kind) : undefined;
    const performed = procedureLines(ctx).length > 0 || ctx.encounter.procedures.some((p) => p.status === 'performed');
    if (byTime && !performed && !visit.mdm && !visit.postOpOf && visit.problems.length > 0) {
      const line = ctx.addLine({ code: byTime, modifiers: [], tags: ['em'], spans: visit.problems.flatMap((p) => (p.span ? [p.span] : [])) });
      moveToFront(ctx, line);
      ctx.report({
        severity: 'info',
        message: `No E/M level is written; total time ${minutes} min (${kind} patient) meets ${byTime}, which was coded by time.`,
        target: byTime,
        fix: "Make sure the time is the practitioner's total time on the date of the encounter; a level chosen by decision making is written as the level.",
      });
      return;
    }
    const suggestions = kinds.flatMap((k) => {
      const c = levelByTime(minutes, k);
      return c ? [`${c} (${k} patient)`] : [];
    });
    if (suggestions.length === 0) return;
    ctx.report({
      severity: 'info',
      message: `Total time ${minutes} min is documented but no E/M level: by time it would support ${suggestions.join(' or ')}. No E/M line was added.${procNote}`,
      fix: 'If a separately identifiable E/M was performed, document the level (and the separate problem when a procedure was done the same day).',
    });
  },
});

/** CPT 2021 office E/M: the level each degree of decision making supports (new, established). */
const LEVEL_BY_MDM: Record<NonNullable<Visit['mdm']>, Record<PatientKind, string>> = {
  straightforward: { new: '99202', established: '99212' },
  low: { new: '99203', established: '99213' },
  moderate: { new: '99204', established: '99214' },
  high: { new: '99205', established: '99215' },
};

export const evaluationMdmLevel = defineRule({
  id: 'evaluation/mdm-level',
  family: 'evaluation',
  phase: 'code',
  title: 'Office E/M level by documented decision making',
  explain:
    'An office E/M may be leveled by medical decision making (MDM): straightforward, low, moderate or high, met when two of its three elements are. ' +
    'When the note states the MDM but no E/M level, DermLens names the level that MDM supports (99202-99205 new, 99212-99215 established) and adds no line: the provider chooses the level. ' +
    'When both are documented and disagree, it says so.',
  references: ['CPT 2021 office E/M guidelines (reference §10.7)', 'AMA E/M 2021 guidelines'],
  status: 'stable',
  effective: { from: '2021-01-01' },
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const visit = ctx.encounter.visit;
    if (!visit.mdm) return;
    const levels = LEVEL_BY_MDM[visit.mdm];
    const documented = documentedEm(visit);
    if (documented && isOfficeEm(documented)) {
      if (documented === '99211') return;
      const kind = NEW_PATIENT.includes(documented) ? 'new' : 'established';
      if (levels[kind] === documented) return;
      ctx.report({
        severity: 'info',
        message: `The note states ${visit.mdm} decision making, which supports ${levels[kind]}, but documents ${documented}.`,
        target: documented,
        fix: `Make sure the level matches the decision making (or the documented time) before submitting.`,
      });
      return;
    }
    if (documented) return;
    const kinds = patientKinds(visit);
    ctx.report({
      severity: 'info',
      message: `The note states ${visit.mdm} decision making but no E/M level: it would support ${kinds.map((k) => `${levels[k]} (${k} patient)`).join(' or ')}. No E/M line was added.`,
      fix: 'If a separately identifiable E/M was performed, document the level (and the separate problem when a procedure was done the same day).',
    });
  },
});

export const evaluationG2211 = defineRule({
  id: 'evaluation/g2211',
  family: 'evaluation',
  phase: 'code',
  title: 'G2211 visit-complexity add-on for longitudinal care',
  explain:
    'G2211 is added to an office E/M (99202-99215) when the practitioner is the continuing focal point of care or manages a serious or complex condition over time. ' +
    'It is payable from 1 January 2024, and not when the E/M carries modifier 25, except (from 2025) when 25 is there because of an annual wellness visit, a vaccine or a Medicare Part B preventive service. ' +
    'So an E/M-25 with a same-day biopsy, destruction or excision gets no G2211.',
  references: ['CMS PFS final rule CY2024 and CY2025 (G2211)', 'Noridian "Complexity add-on code G2211"', 'reference §10.8'],
  status: 'stable',
  effective: { from: '2024-01-01' },
  codes: ['G2211'],
  apply(ctx) {
    if (ctx.settings.g2211 !== 'when-documented') return;
    if (!ctx.encounter.visit.longitudinalCare) return;
    const em = emLine(ctx);
    if (!em) return;
    if (em.modifiers.includes('25')) {
      ctx.report({
        severity: 'info',
        message: `G2211 not added: ${em.code} carries modifier 25 for a same-day procedure, and G2211 is not payable with a 25-modified E/M.`,
        target: 'G2211',
        fix: 'Only if the 25 is for an annual wellness visit, a vaccine administration or a Medicare Part B preventive service (allowed from 2025) add G2211 by hand.',
      });
      return;
    }
    const line = ctx.addLine({ code: 'G2211', tags: ['em-add-on'], spans: em.spans });
    moveToFront(ctx, line, ctx.lines.indexOf(em) + 1);
    if (ctx.settings.payer === 'commercial') {
      ctx.report({
        severity: 'info',
        message: 'G2211 is a Medicare HCPCS add-on; whether this commercial payer recognises it is payer-specific.',
        target: 'G2211',
        fix: "Check the payer's policy; remove the line if the payer does not accept G2211.",
      });
    }
  },
});

/** Telehealth named in the note: a video, audio-only or virtual visit, or a telehealth place of service. */
const TELEHEALTH =
  /\b(?:tele-?health|tele-?medicine|tele-?derm(?:atology)?|video\s+visit|virtual\s+visit|audio[- ]only|audio[- ]video|synchronous\s+(?:audio|video))\b/i;

export const evaluationTelehealth = defineRule({
  id: 'evaluation/telehealth',
  family: 'evaluation',
  phase: 'check',
  title: 'Telehealth E/M: place of service and modifier are payer rules to verify',
  explain:
    'A visit done by video or audio is coded with the same E/M levels, by decision making or time. Which place of service (02 or 10) and which telehealth modifier (95, 93, GT…) a payer wants ' +
    'is not in DermLens’s coding reference and changes with payer and year, so DermLens adds none and asks the coder to check. ' +
    'A telehealth modifier the note documents with the E/M ("99213-95") is the provider’s: it is kept on the line, with a note to verify the payer’s rules.',
  references: ['Reference §10.7 (E/M levels by MDM or time)', 'Reference: silent on telehealth place of service and modifiers'],
  status: 'stable',
  codes: [],
  apply(ctx) {
    const em = emLine(ctx);
    if (!em) return;
    const pos = ctx.encounter.visit.placeOfService?.trim();
    const kept = (ctx.encounter.visit.emModifiers ?? []).filter((m) => em.modifiers.includes(m));
    if (kept.length > 0) {
      ctx.report({
        severity: 'info',
        message: `${em.code}: the documented telehealth modifier ${kept.join(', ')} was kept as written; DermLens's reference does not cover telehealth modifiers or place of service.`,
        target: em.code,
        fix: "Verify the payer's telehealth rules: that it accepts this modifier, and the place of service (02/10) it wants.",
      });
      return;
    }
    const named = pos === '02' || pos === '10' || Object.values(ctx.encounter.sections).some((t) => TELEHEALTH.test(t));
    if (!named) return;
    ctx.report({
      severity: 'warning',
      message: `${em.code} is a telehealth visit: the place of service and any telehealth modifier are payer-specific and not in DermLens's reference; none was added.`,
      target: em.code,
      fix: "Check the payer's telehealth policy for the place of service (02/10) and modifier (95, 93, GT) before submitting.",
    });
  },
});

export const evaluationLevelUndocumented = defineRule({
  id: 'evaluation/level-undocumented',
  family: 'evaluation',
  phase: 'check',
  title: 'A visit with problems assessed but no E/M level, decision making or time',
  explain:
    'An office visit is leveled by medical decision making or by total time, and DermLens never picks the level itself. ' +
    'When the note assesses problems but documents no level, no decision making and no time, and no procedure was done, the claim would be empty: ' +
    'DermLens says so instead of staying silent, so the visit is not lost.',
  references: ['CPT 2021 office E/M guidelines (reference §10.7)'],
  status: 'stable',
  effective: { from: '2021-01-01' },
  codes: [...OFFICE_EM_CODES],
  apply(ctx) {
    const visit = ctx.encounter.visit;
    // A level without the patient kind is asked about by evaluation/office-visit.
    if (ctx.lines.length > 0 || visit.emCode || visit.emLevelWithoutKind !== undefined || visit.mdm || visit.totalMinutes !== undefined || visit.postOpOf)
      return;
    if (visit.problems.length === 0 || ctx.encounter.specimens.length > 0 || ctx.encounter.procedures.some((p) => p.status === 'performed')) return;
    // A nail clipping sent to pathology is told by its own finding (pathology/nail-specimen).
    if (nailClippingSent(ctx)) return;
    const kinds = patientKinds(visit);
    ctx.report({
      severity: 'warning',
      message: 'The note has an assessment and plan but documents no E/M level, decision making or time, and no procedure: nothing was coded.',
      fix: `Document the office visit level (${kinds.map((k) => (k === 'new' ? '99202-99205 new patient' : '99212-99215 established')).join(' or ')}) by decision making or total time.`,
    });
  },
});

export const evaluationRules: Rule[] = [
  evaluationOfficeVisit,
  evaluationSeparatelyIdentifiable,
  evaluationPostoperative,
  evaluationTimeLevel,
  evaluationMdmLevel,
  evaluationG2211,
  evaluationTelehealth,
  evaluationLevelUndocumented,
];
