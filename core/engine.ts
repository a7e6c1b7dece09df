import { describeCode } from './codes/catalog';
import { type ClaimDraft, type ClaimLine, defaultSettings, type Encounter, type Finding, type Settings, type SpecimenSummary } from './model';
import type { FindingInput, Rule, RuleContext } from './rules/define-rule';
import { COULD_NOT_READ } from './rules/documentation';
import type { DraftLine, NewLine } from './rules/draft-line';
import { orderModifiers } from './rules/modifiers';
import { registry } from './rules/registry';

export interface CodeOptions {
  rules?: readonly Rule[];
}

function applies(rule: Rule, dos: string | undefined): boolean {
  if (rule.status === 'deprecated') return false;
  if (!rule.effective || !dos) return true;
  const { from, to } = rule.effective;
  return (!from || dos >= from) && (!to || dos < to);
}

/**
 * Encounter + Settings → ClaimDraft. Pure and synchronous: the same function runs
 * in the service worker, the command line and the tests.
 */
export function codeEncounter(encounter: Encounter, settings: Settings = defaultSettings, options: CodeOptions = {}): ClaimDraft {
  const lines: DraftLine[] = [];
  const findings: Finding[] = [];
  const removed: { line: DraftLine; reason: string; rule: string }[] = [];
  const comparison: ClaimDraft['comparison'] = [];
  const dos = encounter.visit.dateOfService;
  let current = '';

  const ctx: RuleContext = {
    encounter,
    settings,
    dateOfService: dos,
    lines,
    removed,
    comparison,
    performed: (...kinds) => encounter.procedures.filter((p) => p.status === 'performed' && (kinds.length === 0 || kinds.includes(p.kind))),
    addLine(input: NewLine) {
      const line: DraftLine = {
        units: 1,
        modifiers: [],
        dx: [],
        billing: 'insurance',
        status: 'ready',
        description: describeCode(input.code),
        lesionLabels: [],
        specimenLabels: [],
        spans: [],
        procedureIds: [],
        family: current.split('/')[0] ?? 'unknown',
        tags: [],
        ...input,
        ruleIds: [...new Set([current, ...(input.ruleIds ?? [])])],
      };
      line.modifiers = orderModifiers(line.modifiers);
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
    },
    pathologyFor(label) {
      if (!label) return undefined;
      const reports = encounter.pathology.filter((r) => r.specimenLabel.toUpperCase() === label.toUpperCase());
      return reports.find((r) => r.amended) ?? reports.at(-1);
    },
    lesion(label) {
      if (!label) return undefined;
      return encounter.lesions.find((l) => l.label.toUpperCase() === label.toUpperCase());
    },
    spanOf(p) {
      return p.span ? [p.span] : [];
    },
  };

  for (const rule of options.rules ?? registry) {
    if (!applies(rule, dos)) continue;
    current = rule.id;
    try {
      rule.apply(ctx);
    } catch (error) {
      // A rule bug must never take the claim down silently: say which rule failed.
      findings.push({
        severity: 'error',
        rule: rule.id,
        message: `Internal error in rule ${rule.id}: ${(error as Error).message}. Code this part by hand.`,
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

  return {
    encounterId: encounter.id,
    dateOfService: dos,
    lines: lines.map(toClaimLine),
    findings,
    specimens: summarizeSpecimens(encounter, lines, settings),
    comparison,
  };
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

/** Specimen status within one encounter; core/reconcile refines it across visits. */
export function summarizeSpecimens(encounter: Encounter, lines: readonly DraftLine[], settings: Settings): SpecimenSummary[] {
  return encounter.specimens.map((s) => {
    const report = encounter.pathology.find((r) => r.specimenLabel.toUpperCase() === s.label.toUpperCase());
    const interp = lines.find((l) => l.family === 'pathology' && l.specimenLabels.some((x) => x.toUpperCase() === s.label.toUpperCase()));
    let status: SpecimenSummary['status'];
    if (settings.pathology === 'external' || s.destination === 'external') status = report ? 'billed' : 'sent';
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
