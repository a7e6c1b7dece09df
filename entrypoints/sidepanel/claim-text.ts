import type { ClaimLine } from '../../core/model';

/** "99214-25", "11103", "J3301 x3": one claim line as a coder types it. */
export function lineText(line: Pick<ClaimLine, 'code' | 'modifiers' | 'units'>): string {
  const mods = line.modifiers.length ? `-${line.modifiers.join('-')}` : '';
  return `${line.code}${mods}${line.units > 1 ? ` x${line.units}` : ''}`;
}

/**
 * The claim as text to paste into a billing screen: one code per line, in claim
 * order. Lines with the same code and modifiers are summed ("88305 x2"), because a
 * charge-entry screen takes a code once with units; self-pay lines are left out.
 */
export function claimText(lines: readonly ClaimLine[]): string {
  const merged: { code: string; modifiers: string[]; units: number }[] = [];
  for (const l of lines) {
    if (l.billing === 'self-pay') continue;
    const same = merged.find((m) => m.code === l.code && m.modifiers.join('-') === l.modifiers.join('-'));
    if (same) same.units += l.units;
    else merged.push({ code: l.code, modifiers: [...l.modifiers], units: l.units });
  }
  return merged.map(lineText).join('\n');
}

function csvCell(value: string | number): string {
  const s = String(value);
  // Quote when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['line', 'code', 'modifiers', 'units', 'dx', 'dx_pointers', 'description', 'lesions', 'specimens', 'billing', 'status'];

/** Every line, one CSV row each (not merged: the coder's working copy). */
export function claimCsv(lines: readonly ClaimLine[], dateOfService?: string): string {
  const header = dateOfService ? ['date_of_service', ...CSV_HEADER] : CSV_HEADER;
  const { pointers } = diagnosisPointers(lines);
  const rows = lines.map((l, i) => {
    const cells: (string | number)[] = [
      i + 1,
      l.code,
      l.modifiers.join(' '),
      l.units,
      l.dx.join(' '),
      (pointers[i] ?? []).join(''),
      l.description,
      l.lesionLabels.join(' '),
      l.specimenLabels.join(' '),
      l.billing,
      l.status,
    ];
    return (dateOfService ? [dateOfService, ...cells] : cells).map(csvCell).join(',');
  });
  return [header.join(','), ...rows].join('\n');
}

/** CMS-1500 / 837P: up to 12 claim diagnoses (A–L); each line points at up to 4 of them. */
export const POINTER_LETTERS = 'ABCDEFGHIJKL';

export interface DiagnosisPointers {
  /** Claim-level diagnoses in order of first use, at most 12. */
  diagnoses: string[];
  /** Per line, the letters of its diagnoses (at most 4), in the line's own order. */
  pointers: string[][];
  /** Diagnoses that did not fit in the 12 claim slots. */
  overflow: string[];
}

export function diagnosisPointers(lines: readonly Pick<ClaimLine, 'dx'>[]): DiagnosisPointers {
  const diagnoses: string[] = [];
  const overflow: string[] = [];
  for (const l of lines) {
    for (const dx of l.dx) {
      if (diagnoses.includes(dx) || overflow.includes(dx)) continue;
      if (diagnoses.length < POINTER_LETTERS.length) diagnoses.push(dx);
      else overflow.push(dx);
    }
  }
  const pointers = lines.map((l) =>
    l.dx
      .map((dx) => diagnoses.indexOf(dx))
      .filter((i) => i >= 0)
      .slice(0, 4)
      .map((i) => POINTER_LETTERS[i] as string),
  );
  return { diagnoses, pointers, overflow };
}
