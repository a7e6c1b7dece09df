import type { AuditRow } from '../../core/audit/summary';

export const FINDINGS_HEADER = ['source', 'encounter', 'dos', 'provider', 'severity', 'category', 'rule', 'message', 'target', 'fix', 'value'] as const;

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe: note text and file names must never execute (OWASP CSV injection).
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function findingsCsvHeader(): string {
  return `${FINDINGS_HEADER.join(',')}\r\n`;
}

export function findingsCsvRows(rows: readonly AuditRow[]): string {
  return rows
    .map(
      (r) =>
        `${[r.source, r.encounterId, r.dateOfService, r.provider, r.severity, r.category, r.rule, r.message, r.target, r.fix, r.value?.toFixed(2)]
          .map(csvField)
          .join(',')}\r\n`,
    )
    .join('');
}
