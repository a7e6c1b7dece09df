import type { ClaimDraft, ClaimLine } from '../model';
import { isIsoDate } from '../reconcile/dates';

/** 837P/CMS-1500 limits: 12 diagnoses per claim, 4 pointers and 4 modifiers per line. */
export const MAX_CLAIM_DIAGNOSES = 12;
export const MAX_LINE_POINTERS = 4;
export const MAX_LINE_MODIFIERS = 4;

export interface ExportClaim {
  draft: ClaimDraft;
  /** The document the claim came from (file name in the CLI). */
  file?: string;
  /** Salted patient hash; never a name. */
  patientKey?: string;
}

export interface ExportOptions {
  /** Unit fee by code (charge = fee × units); codes not listed charge 0. */
  fees?: Readonly<Record<string, number>>;
  /** Include lines still held for pathology (default: only lines ready to bill). */
  includeHeld?: boolean;
}

export interface ClaimDiagnoses {
  /** Claim-level ICD-10-CM codes in first-use order (at most 12). */
  codes: string[];
  /** Per line, 1-based positions into `codes`. */
  pointers: number[][];
  /** Codes that did not fit in the 12 claim diagnoses. */
  overflow: string[];
}

/** The lines that go on an insurance claim: self-pay never does; held lines only on request. */
export function billableLines(draft: ClaimDraft, options: ExportOptions = {}): ClaimLine[] {
  return draft.lines.filter((l) => l.billing === 'insurance' && (options.includeHeld || l.status === 'ready'));
}

/** ICD-10-CM with its dot (the claim diagnosis list and FHIR keep the dot; X12 drops it). */
export function normalizeDx(code: string): string {
  return code.trim().toUpperCase();
}

export function claimDiagnoses(lines: readonly ClaimLine[]): ClaimDiagnoses {
  const codes: string[] = [];
  const overflow: string[] = [];
  const pointers = lines.map((l) => {
    const out: number[] = [];
    for (const raw of l.dx) {
      const dx = normalizeDx(raw);
      if (!dx) continue;
      let i = codes.indexOf(dx);
      if (i < 0) {
        if (codes.length >= MAX_CLAIM_DIAGNOSES) {
          if (!overflow.includes(dx)) overflow.push(dx);
          continue;
        }
        codes.push(dx);
        i = codes.length - 1;
      }
      if (!out.includes(i + 1) && out.length < MAX_LINE_POINTERS) out.push(i + 1);
    }
    return out;
  });
  return { codes, pointers, overflow };
}

/** A line's charge from the fee schedule: unit fee × units, rounded to cents; 0 when unknown. */
export function lineCharge(line: ClaimLine, fees: Readonly<Record<string, number>> | undefined): number {
  const fee = fees?.[line.code];
  if (fee === undefined || !Number.isFinite(fee) || fee < 0) return 0;
  return Math.round(fee * line.units * 100) / 100;
}

/** CPT (5 digits, or 4 digits + F/T for category II/III) vs HCPCS Level II (letter + 4 digits). */
export function codeSystemOf(code: string): 'cpt' | 'hcpcs' {
  return /^[A-Z]\d{4}$/i.test(code) ? 'hcpcs' : 'cpt';
}

/** CPT modifiers are two digits (25, 59, 26); HCPCS modifiers have a letter (XS, JW, LT, E1, FA). */
export function modifierSystemOf(modifier: string): 'cpt' | 'hcpcs' {
  return /^\d{2}$/.test(modifier) ? 'cpt' : 'hcpcs';
}

/** The date of service when it is a real calendar date (an impossible one is left off, never sent). */
export function serviceDate(draft: ClaimDraft): string | undefined {
  return isIsoDate(draft.dateOfService) ? draft.dateOfService : undefined;
}
