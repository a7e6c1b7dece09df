import type { ChargeComparison, Encounter, Finding, Procedure, Settings, Span } from '../model';
import type { DraftLine, NewLine } from './draft-line';

export type RuleFamily =
  | 'biopsy'
  | 'shave'
  | 'excision'
  | 'destruction'
  | 'repair'
  | 'tissue-transfer'
  | 'mohs'
  | 'pathology'
  | 'phototherapy'
  | 'injection'
  | 'evaluation'
  | 'cosmetic'
  | 'other-procedures'
  | 'diagnosis'
  | 'documentation'
  | 'checks';

/**
 * Rules run in phases: `code` rules turn procedures into lines; `bundle` rules
 * remove or merge lines the coding rules include in another; `modify` rules add
 * modifiers; `check` rules only report (NCCI, MUE, add-on parents, charges).
 */
export type RulePhase = 'code' | 'bundle' | 'modify' | 'link' | 'check';

export interface RuleMeta {
  /** Stable id, `<family>/<name>`, shown in findings and the trainer. */
  id: string;
  family: RuleFamily;
  phase: RulePhase;
  title: string;
  /** Plain-language why, 2-5 sentences, shown to coders and trainers. */
  explain: string;
  /** Short citations (CPT guideline, AAD, NCCI manual, CMS article). */
  references: string[];
  status: 'stable' | 'preview' | 'deprecated';
  /** ISO dates; the rule applies to dates of service inside [from, to). */
  effective?: { from?: string; to?: string };
  /** Codes this rule can emit or touch (for the trainer's search). */
  codes?: string[];
}

export interface FindingInput extends Omit<Finding, 'rule'> {
  /** Defaults to the running rule's id. */
  rule?: string;
}

export interface RuleContext {
  readonly encounter: Encounter;
  readonly settings: Settings;
  /** Date of service (ISO yyyy-mm-dd) or undefined when the note has none. */
  readonly dateOfService: string | undefined;
  /** Working claim lines, in claim order. */
  readonly lines: DraftLine[];
  /** Procedures documented as performed, optionally of the given kinds. */
  performed(...kinds: Procedure['kind'][]): Procedure[];
  addLine(line: NewLine): DraftLine;
  /** Remove a line, recording why (shown in the coder view). */
  removeLine(line: DraftLine, reason: string): void;
  /** Add a modifier if absent; keeps claim order (pricing, then payment, then informational). */
  addModifier(line: DraftLine, modifier: string): void;
  /** The distinct-service modifier for this payer: 59 (commercial) or the X modifier (Medicare). */
  distinctModifier(kind?: 'XS' | 'XE' | 'XP' | 'XU'): string;
  report(finding: FindingInput): void;
  /**
   * A performed procedure that needs no line of its own because a finding says why (closed by a flap, part of a
   * destruction): documentation/procedure-not-coded then leaves it alone.
   */
  explained(procedure: Procedure): void;
  isExplained(procedure: Procedure): boolean;
  /** Pathology report for a specimen label, if any. */
  pathologyFor(specimenLabel: string | undefined): Encounter['pathology'][number] | undefined;
  lesion(label: string | undefined): Encounter['lesions'][number] | undefined;
  /** Lines removed so far, with reasons. */
  readonly removed: ReadonlyArray<{ line: DraftLine; reason: string; rule: string }>;
  spanOf(procedure: Procedure): Span[];
  /** Entered charges vs suggested lines; filled by checks/charges-compare, copied to ClaimDraft.comparison. */
  readonly comparison: ChargeComparison[];
  /**
   * Values derived once per codeEncounter call (rules/per-encounter.ts). The engine makes a
   * fresh one per call; hand-built contexts may leave it out.
   */
  readonly memo?: Map<object, unknown>;
}

export interface Rule extends RuleMeta {
  apply(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`rule id must be family/name: ${rule.id}`);
  return Object.freeze(rule);
}
