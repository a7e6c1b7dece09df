import type { Billing, LineStatus, Span } from '../model';

/** A claim line while the engine works on it: a ClaimLine plus what the rules need to reason. */
export interface DraftLine {
  code: string;
  units: number;
  modifiers: string[];
  dx: string[];
  billing: Billing;
  status: LineStatus;
  description: string;
  lesionLabels: string[];
  specimenLabels: string[];
  ruleIds: string[];
  spans: Span[];
  /** Procedures this line codes. */
  procedureIds: string[];
  /** Canonical site key of the line's lesion/wound, for distinct-site reasoning. */
  siteKey?: string;
  /** Family of the rule that created it. */
  family: string;
  /** Free flags rules use to talk to each other (e.g. 'bundled-candidate'). */
  tags: string[];
}

export type NewLine = Pick<DraftLine, 'code'> & Partial<Omit<DraftLine, 'code'>>;
