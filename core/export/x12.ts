import { billableLines, claimDiagnoses, type ExportClaim, type ExportOptions, lineCharge, MAX_LINE_MODIFIERS, serviceDate } from './claim-lines';

/**
 * X12 837P (005010X222A1) service-line segments for one claim: the HI diagnosis segment, then per
 * line LX (line number), SV1 (HC:code:modifiers, charge, UN, units, pointers), DTP*472 (service
 * date) and REF*6R (line item control number). Only this loop — the envelope, billing provider,
 * subscriber and claim (CLM) segments come from the practice's clearinghouse software.
 */

const SEGMENT = '~';
const ELEMENT = '*';
const COMPONENT = ':';

/** Data must never contain a delimiter; codes and modifiers are alphanumeric already. */
function clean(s: string): string {
  return s.replace(/[~*:^\r\n]/g, '').trim();
}

/** X12 decimal: no trailing zeros, no leading "+" (R element). */
export function x12Amount(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Line item control number (REF*6R, max 50): letters and digits of the encounter id + line number. */
export function lineControlNumber(encounterId: string, line: number): string {
  const base =
    encounterId
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 40) || 'DL';
  return `${base}L${line}`;
}

export interface X12Options extends ExportOptions {
  /** Put each segment on its own line (default true; the terminator is still "~"). */
  newlines?: boolean;
}

export function claimToX12Segments(claim: ExportClaim, options: X12Options = {}): string[] {
  const { draft } = claim;
  const lines = billableLines(draft, options);
  const dx = claimDiagnoses(lines);
  const segments: string[] = [];
  if (dx.codes.length) {
    // ABK = principal diagnosis, ABF = other diagnoses; ICD-10-CM without the dot.
    segments.push(['HI', ...dx.codes.map((c, i) => `${i === 0 ? 'ABK' : 'ABF'}${COMPONENT}${clean(c).replace('.', '')}`)].join(ELEMENT));
  }
  const dos = serviceDate(draft)?.replace(/-/g, '');
  lines.forEach((l, i) => {
    const n = i + 1;
    const procedure = ['HC', clean(l.code), ...l.modifiers.slice(0, MAX_LINE_MODIFIERS).map(clean)].join(COMPONENT);
    const pointers = (dx.pointers[i] ?? []).join(COMPONENT);
    segments.push(`LX${ELEMENT}${n}`);
    // SV1: 01 procedure, 02 charge, 03 unit basis (UN), 04 units, 05 place of service (claim level), 06 unused, 07 dx pointers.
    const sv1 = ['SV1', procedure, x12Amount(lineCharge(l, options.fees)), 'UN', String(l.units), '', '', pointers];
    while (sv1.length > 1 && sv1[sv1.length - 1] === '') sv1.pop();
    segments.push(sv1.join(ELEMENT));
    if (dos && /^\d{8}$/.test(dos)) segments.push(['DTP', '472', 'D8', dos].join(ELEMENT));
    segments.push(['REF', '6R', lineControlNumber(draft.encounterId, n)].join(ELEMENT));
  });
  return segments;
}

export function claimToX12(claim: ExportClaim, options: X12Options = {}): string {
  const segments = claimToX12Segments(claim, options);
  if (segments.length === 0) return '';
  const sep = options.newlines === false ? SEGMENT : `${SEGMENT}\n`;
  return segments.join(sep) + sep;
}
