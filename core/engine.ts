import { describeCode } from './codes/catalog';
import { type ClaimDraft, type ClaimLine, defaultSettings, type Encounter, type Finding, type Procedure, type Settings, type SpecimenSummary } from './model';
import type { FindingInput, Rule, RuleContext } from './rules/define-rule';
import { COULD_NOT_READ } from './rules/documentation';
import type { DraftLine, NewLine } from './rules/draft-line';
import { orderModifiers } from './rules/modifiers';
import { NOT_RECEIVED } from './rules/pathology';
import { registry } from './rules/registry';

export interface CodeOptions {
  rules?: readonly Rule[];
}

/**
 * What the engine reads of a rule, in one object shape for every rule. The rules themselves come in many shapes
 * (optional fields, frozen literals): reading `status`, `effective` and `apply` straight off 125 of them in one
 * loop makes those reads megamorphic, and they cost more than most rules' own work on a small note.
 */
interface Step {
  rule: Rule;
  id: string;
  deprecated: boolean;
  from: string | undefined;
  to: string | undefined;
  apply: Rule['apply'];
}

function stepsOf(rules: readonly Rule[]): Step[] {
  return rules.map((rule) => ({
    rule,
    id: rule.id,
    deprecated: rule.status === 'deprecated',
    from: rule.effective?.from,
    to: rule.effective?.to,
    apply: rule.apply,
  }));
}

/** The registry's steps, made once (its rules are frozen); a caller's own rule list is read afresh each call. */
let registrySteps: readonly Step[] | undefined;

function applies(step: Step, dos: string | undefined): boolean {
  if (step.deprecated) return false;
  if (!dos) return true;
  const { from, to } = step;
  return (!from || dos >= from) && (!to || dos < to);
}

/**
 * Encounter + Settings → ClaimDraft. Pure and synchronous: the same function runs
 * in the service worker, the command line and the tests.
 */
export function codeEncounter(input: Encounter, settings: Settings = defaultSettings, options: CodeOptions = {}): ClaimDraft {
  // A part the lab never received is no result: no rule sees it; it becomes a finding below.
  const lost = input.pathology.filter((r) => r.notReceived && !input.pathology.some((x) => !x.notReceived && same(x.specimenLabel, r.specimenLabel)));
  const encounter = input.pathology.some((r) => r.notReceived) ? { ...input, pathology: input.pathology.filter((r) => !r.notReceived) } : input;
  const lines: DraftLine[] = [];
  const findings: Finding[] = [];
  const removed: { line: DraftLine; reason: string; rule: string }[] = [];
  const comparison: ClaimDraft['comparison'] = [];
  const explained = new Set<string>();
  const spokenFor = new Set<string>();
  const dos = encounter.visit.dateOfService;
  let current = '';
  /** Family of the running rule's lines (its id prefix), computed when it first adds a line. */
  let currentFamily: string | undefined;
  const performed = performedByKind(encounter);
  let reportsByLabel: Map<string, Encounter['pathology'][number]> | undefined;
  let lesionsByLabel: Map<string, Encounter['lesions'][number]> | undefined;

  const ctx: RuleContext = {
    encounter,
    settings,
    dateOfService: dos,
    lines,
    removed,
    comparison,
    memo: new Map(),
    performed: (...kinds) => performed.of(kinds),
    addLine(input: NewLine) {
      currentFamily ??= current.split('/')[0] ?? 'unknown';
      // Every field named, in one order: the rules read lines in hot loops, and a line spread from its input would take
      // one object shape per combination of fields a rule happens to pass (their reads then go megamorphic).
      const line: DraftLine = {
        code: input.code,
        units: input.units ?? 1,
        // orderModifiers always returns a fresh array (never the caller's); an empty list needs no ordering.
        modifiers: input.modifiers && input.modifiers.length > 0 ? orderModifiers(input.modifiers) : [],
        dx: input.dx ?? [],
        billing: input.billing ?? 'insurance',
        status: input.status ?? 'ready',
        description: input.description ?? describeCode(input.code),
        lesionLabels: input.lesionLabels ?? [],
        specimenLabels: input.specimenLabels ?? [],
        ruleIds: input.ruleIds && input.ruleIds.length > 0 ? [...new Set([current, ...input.ruleIds])] : [current],
        spans: input.spans ?? [],
        procedureIds: input.procedureIds ?? [],
        siteKey: input.siteKey,
        family: input.family ?? currentFamily,
        tags: input.tags ?? [],
      };
      lines.push(line);
      return line;
    },
    removeLine(line, reason) {
      const i = lines.indexOf(line);
      if (i >= 0) {
        lines.splice(i, 1);
        removed.push({ line, reason, rule: current });
      }
    },
    addModifier(line, modifier) {
      if (line.modifiers.includes(modifier)) return;
      line.modifiers = orderModifiers([...line.modifiers, modifier]);
      if (!line.ruleIds.includes(current)) line.ruleIds.push(current);
    },
    distinctModifier(kind = 'XS') {
      return settings.payer === 'medicare' ? kind : '59';
    },
    report(f: FindingInput) {
      findings.push({ ...f, rule: f.rule ?? current });
      // A family's warning about a procedure's own text (type, size or area missing, a site-specific code) already says
      // why it has no line: documentation/procedure-not-coded need not say it again.
      if (f.span && f.severity !== 'info') spokenFor.add(`${f.span.section}|${f.span.start}`);
    },
    explained(p) {
      explained.add(p.id);
    },
    isExplained(p) {
      return explained.has(p.id) || (p.span !== undefined && spokenFor.has(`${p.span.section}|${p.span.start}`));
    },
    pathologyFor(label) {
      if (!label) return undefined;
      reportsByLabel ??= reportPerLabel(reportsOfThisVisit(encounter));
      return reportsByLabel.get(label.toUpperCase());
    },
    lesion(label) {
      if (!label) return undefined;
      if (!lesionsByLabel) {
        lesionsByLabel = new Map();
        // The first lesion with a label answers, as a search in note order would.
        for (const l of encounter.lesions) {
          const key = l.label.toUpperCase();
          if (!lesionsByLabel.has(key)) lesionsByLabel.set(key, l);
        }
      }
      return lesionsByLabel.get(label.toUpperCase());
    },
    spanOf(p) {
      return p.span ? [p.span] : [];
    },
  };

  registrySteps ??= stepsOf(registry);
  for (const step of options.rules ? stepsOf(options.rules) : registrySteps) {
    if (!applies(step, dos)) continue;
    current = step.id;
    currentFamily = undefined;
    try {
      step.apply.call(step.rule, ctx);
    } catch (error) {
      // A rule bug must never take the claim down silently: say which rule failed.
      findings.push({
        severity: 'error',
        rule: step.id,
        message: `Internal error in rule ${step.id}: ${(error as Error).message}. Code this part by hand.`,
      });
    }
  }

  for (const u of encounter.unread) {
    findings.push({
      severity: 'warning',
      rule: COULD_NOT_READ,
      message: `Could not read: "${u.text.slice(0, 120)}" (${u.reason})`,
      span: u.span,
    });
  }

  for (const r of lost) {
    findings.push({
      severity: 'warning',
      rule: NOT_RECEIVED,
      message: `Specimen ${r.specimenLabel}: the laboratory reports it never received this part (no tissue examined): there is no result and no interpretation to bill for it.`,
      target: r.specimenLabel,
      fix: 'Find the container with the lab, or document the lost specimen, tell the patient and plan a new biopsy if needed.',
      span: r.span,
    });
  }

  return {
    encounterId: encounter.id,
    dateOfService: dos,
    lines: lines.map(toClaimLine),
    findings,
    specimens: summarizeSpecimens(encounter, lines, settings),
    comparison,
  };
}

/**
 * Performed procedures grouped by kind once per encounter: rules ask for their kinds many
 * times, and most kinds are absent. Each answer is a fresh array in note order.
 */
function performedByKind(encounter: Encounter) {
  const all = encounter.procedures.filter((p) => p.status === 'performed');
  const byKind = new Map<Procedure['kind'], Procedure[]>();
  for (const p of all) {
    const list = byKind.get(p.kind);
    if (list) list.push(p);
    else byKind.set(p.kind, [p]);
  }
  return {
    of(kinds: readonly Procedure['kind'][]): Procedure[] {
      if (kinds.length === 0) return all.slice();
      let only: Procedure[] | undefined;
      let present = 0;
      for (const k of kinds) {
        const list = byKind.get(k);
        if (!list || list === only) continue;
        only = list;
        present++;
      }
      if (present === 0) return [];
      if (present === 1) return (only as Procedure[]).slice();
      return all.filter((p) => kinds.includes(p.kind));
    },
  };
}

/** Specimen label (upper case) → its report: the amended one if any, else the last one. */
function reportPerLabel(reports: Encounter['pathology']): Map<string, Encounter['pathology'][number]> {
  const out = new Map<string, Encounter['pathology'][number]>();
  const all = new Map<string, Encounter['pathology']>();
  for (const r of reports) {
    const key = r.specimenLabel.toUpperCase();
    all.set(key, [...(all.get(key) ?? []), r]);
    const known = out.get(key);
    // The amended report, else the latest, gives the diagnosis; a supplement (an addendum that
    // only adds stains) never replaces one.
    if (known?.amended || (known && r.supplement && !known.supplement)) continue;
    out.set(key, r);
  }
  // CPT §7.2: stains and immunostains are work done on the specimen, once each: an addendum or a
  // second report of the same specimen adds the work it names to the report the claim uses.
  for (const [key, list] of all) {
    const chosen = out.get(key);
    if (!chosen || list.length < 2) continue;
    const stains = [...chosen.stains];
    const ihc = [...chosen.ihc];
    let frozen = chosen.frozenSectionBlocks;
    for (const r of list) {
      if (r === chosen) continue;
      for (const st of r.stains) {
        const k = stains.findIndex((x) => x.name === st.name);
        if (k < 0) stains.push(st);
        else if ((stains[k]?.blocks ?? 0) < st.blocks) stains[k] = st;
      }
      for (const i of r.ihc) if (!ihc.some((x) => x.antibody === i.antibody)) ihc.push(i);
      if (r.frozenSectionBlocks !== undefined) frozen = Math.max(frozen ?? 0, r.frozenSectionBlocks);
    }
    if (
      stains.length === chosen.stains.length &&
      ihc.length === chosen.ihc.length &&
      frozen === chosen.frozenSectionBlocks &&
      stains.every((x, k) => x === chosen.stains[k])
    )
      continue;
    out.set(key, { ...chosen, stains, ihc, ...(frozen !== undefined ? { frozenSectionBlocks: frozen } : {}) });
  }
  return out;
}

function toClaimLine(l: DraftLine): ClaimLine {
  return {
    code: l.code,
    units: Math.max(1, Math.round(l.units)),
    modifiers: l.modifiers,
    dx: l.dx.slice(0, 4),
    billing: l.billing,
    status: l.status,
    description: l.description,
    lesionLabels: l.lesionLabels,
    specimenLabels: l.specimenLabels,
    ruleIds: l.ruleIds,
    spans: l.spans,
  };
}

/**
 * The reports that can be results of this visit's specimens. Today's specimen cannot have been collected before today
 * (as core/reconcile reads it across files): a result for tissue collected earlier, shown beside the note (a chart's
 * result pane, a quoted earlier report), is the earlier visit's specimen, even under the same label.
 */
function reportsOfThisVisit(encounter: Encounter): Encounter['pathology'] {
  const dos = encounter.visit.dateOfService;
  if (!dos) return encounter.pathology;
  return encounter.pathology.filter((r) => !r.collectedDate || r.collectedDate >= dos);
}

/** Specimen status within one encounter; core/reconcile refines it across visits. */
export function summarizeSpecimens(encounter: Encounter, lines: readonly DraftLine[], settings: Settings): SpecimenSummary[] {
  const reports = reportsOfThisVisit(encounter);
  return encounter.specimens.map((s) => {
    const report = reports.find((r) => r.specimenLabel.toUpperCase() === s.label.toUpperCase());
    const interp = lines.find((l) => l.family === 'pathology' && l.specimenLabels.some((x) => x.toUpperCase() === s.label.toUpperCase()));
    let status: SpecimenSummary['status'];
    if (settings.pathology === 'external' || s.destination === 'external' || report?.labBills) status = report ? 'billed' : 'sent';
    else if (interp && interp.status === 'ready') status = 'billed';
    else if (report) status = interp ? 'billed' : 'unbilled';
    else status = 'sent';
    return {
      label: s.label,
      status,
      site: s.site?.text,
      diagnosis: report?.diagnosisText,
      behavior: report?.behavior,
    };
  });
}

function same(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
