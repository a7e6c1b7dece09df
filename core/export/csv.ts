import { claimDiagnoses, type ExportClaim, MAX_LINE_MODIFIERS } from './claim-lines';

export const CSV_COLUMNS = [
  'file',
  'encounter',
  'dos',
  'line',
  'code',
  'mod1',
  'mod2',
  'mod3',
  'mod4',
  'units',
  'dx_pointers',
  'dx_codes',
  'billing',
  'status',
  'description',
] as const;

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' (OWASP CSV injection).
 */
export function csvField(value: string | number, text = false): string {
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per claim line (every line: ready, held and self-pay, with its billing and status). */
export function claimRows(claim: ExportClaim): string[][] {
  const { draft } = claim;
  const dx = claimDiagnoses(draft.lines);
  return draft.lines.map((l, i) => {
    const mods = l.modifiers.slice(0, MAX_LINE_MODIFIERS);
    return [
      csvField(claim.file ?? draft.encounterId, true),
      csvField(draft.encounterId, true),
      csvField(draft.dateOfService ?? ''),
      csvField(i + 1),
      csvField(l.code),
      ...[0, 1, 2, 3].map((k) => csvField(mods[k] ?? '')),
      csvField(l.units),
      csvField((dx.pointers[i] ?? []).join(':')),
      csvField(l.dx.join(':')),
      csvField(l.billing),
      csvField(l.status),
      csvField(l.description, true),
    ];
  });
}

/** CSV text (CRLF line ends, RFC 4180) for several claims; the header comes first unless `header: false`. */
export function claimsToCsv(claims: readonly ExportClaim[], options: { header?: boolean } = {}): string {
  const rows: string[] = [];
  if (options.header !== false) rows.push(CSV_COLUMNS.join(','));
  for (const c of claims) for (const r of claimRows(c)) rows.push(r.join(','));
  return rows.length ? `${rows.join('\r\n')}\r\n` : '';
}

export const SPECIMEN_CSV_COLUMNS = [
  'source',
  'dos',
  'specimen',
  'site',
  'procedure',
  'destination',
  'status',
  'aging',
  'age_days',
  'diagnosis',
  'behavior',
  'result_from',
  'follow_up',
] as const;

/** What a specimen-log row needs (core/reconcile's SpecimenLogEntry has all of it). */
export interface SpecimenRow {
  source: string;
  dateOfService?: string;
  label: string;
  site?: { text: string };
  procedureKind?: string;
  destination: string;
  status: string;
  aging: boolean;
  ageDays?: number;
  result?: { report: { diagnosisText: string; behavior: string }; fromSource: string; linked: boolean };
  followUp?: { documented: boolean };
}

/** The specimen log as CSV: one row per specimen, for the coder's "unbilled specimens" export. */
export function specimensToCsv(entries: readonly SpecimenRow[], options: { header?: boolean } = {}): string {
  const rows: string[] = [];
  if (options.header !== false) rows.push(SPECIMEN_CSV_COLUMNS.join(','));
  for (const e of entries) {
    rows.push(
      [
        csvField(e.source, true),
        csvField(e.dateOfService ?? ''),
        csvField(e.label, true),
        csvField(e.site?.text ?? '', true),
        csvField(e.procedureKind ?? ''),
        csvField(e.destination),
        csvField(e.status),
        csvField(e.aging ? 'yes' : 'no'),
        csvField(e.ageDays ?? ''),
        csvField(e.result?.report.diagnosisText ?? '', true),
        csvField(e.result?.report.behavior ?? ''),
        csvField(e.result?.linked ? e.result.fromSource : '', true),
        csvField(e.followUp ? (e.followUp.documented ? 'documented' : 'missing') : ''),
      ].join(','),
    );
  }
  return rows.length ? `${rows.join('\r\n')}\r\n` : '';
}
