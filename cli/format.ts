import { billableLines, claimDiagnoses } from '../core/export/claim-lines';
import { claimsToCsv } from '../core/export/csv';
import { claimToFhir } from '../core/export/fhir';
import { claimToX12 } from '../core/export/x12';
import type { ClaimDraft, Encounter, Settings } from '../core/model';
import type { OutputFormat } from './args';

/** The JSON Lines object of DESIGN.md's command-line contract. */
export function contractObject(draft: ClaimDraft, file: string) {
  return {
    file,
    lines: draft.lines.map((l) => ({
      code: l.code,
      units: l.units,
      modifiers: l.modifiers,
      dx: l.dx,
      billing: l.billing,
      status: l.status,
      description: l.description,
      lesions: l.lesionLabels,
      specimens: l.specimenLabels,
      rules: l.ruleIds,
    })),
    findings: draft.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      ...(f.target ? { target: f.target } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
    specimens: draft.specimens,
    ...(draft.comparison.length ? { comparison: draft.comparison } : {}),
  };
}

export function formatDraft(draft: ClaimDraft, file: string, format: OutputFormat, encounter: Encounter, _settings: Settings): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(contractObject(draft, file))}\n`;
    case 'table':
      return formatTable(draft, file);
    case 'csv':
      return claimsToCsv([{ draft, file }]);
    case 'fhir':
      return `${JSON.stringify(claimToFhir({ draft, file, patientKey: encounter.patientKey }))}\n`;
    case 'x12':
      return claimToX12({ draft, file });
    default:
      return `${JSON.stringify(contractObject(draft, file))}\n`;
  }
}

export interface BatchOutput {
  /** What goes to stdout, in the order the files were given. */
  out: string;
  /** One-line notes for stderr (e.g. held lines left out of an 837P export). */
  notes: string[];
}

/**
 * The whole run's output: JSON Lines / table per file; one CSV with one header; one FHIR Claim
 * per line (JSON Lines); X12 service-line segments per file. FHIR and X12 carry only lines ready
 * to bill to insurance: held and self-pay lines are left out and named on stderr.
 */
export function formatBatch(
  drafts: readonly ClaimDraft[],
  files: readonly string[],
  format: OutputFormat,
  encounters: readonly Encounter[],
  settings: Settings,
): BatchOutput {
  const notes: string[] = [];
  if (format === 'csv') return { out: claimsToCsv(drafts.map((draft, i) => ({ draft, file: files[i] }))), notes };
  const parts = drafts.map((draft, i) => {
    const file = files[i] ?? draft.encounterId;
    if (format === 'fhir' || format === 'x12') {
      const held = draft.lines.filter((l) => l.billing === 'insurance' && l.status !== 'ready').map((l) => l.code);
      const selfPay = draft.lines.filter((l) => l.billing === 'self-pay').map((l) => l.code);
      if (held.length) notes.push(`${file}: held for pathology, not exported: ${held.join(', ')}`);
      if (selfPay.length) notes.push(`${file}: self-pay, not on the insurance claim: ${selfPay.join(', ')}`);
      const { overflow } = claimDiagnoses(billableLines(draft));
      if (overflow.length) notes.push(`${file}: more than 12 diagnoses; left off the claim: ${overflow.join(', ')}`);
    }
    return formatDraft(draft, file, format, encounters[i] as Encounter, settings);
  });
  return { out: parts.join(''), notes };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function specimenText(s: ClaimDraft['specimens'][number]): string {
  const notes = [
    s.linkedTo ? `linked ${s.linkedTo}` : '',
    s.aging ? `aging ${s.ageDays ?? '?'} d` : '',
    s.followUp === 'missing' ? 'follow-up missing' : '',
  ].filter(Boolean);
  return `${s.label}=${s.status}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export function formatTable(draft: ClaimDraft, file: string): string {
  const out: string[] = [`${file}${draft.dateOfService ? `  (DOS ${draft.dateOfService})` : ''}`];
  if (draft.lines.length === 0) out.push('  (no billable lines)');
  for (const l of draft.lines) {
    const mods = l.modifiers.length ? `-${l.modifiers.join('-')}` : '';
    const labels = [...l.lesionLabels, ...l.specimenLabels.filter((s) => !l.lesionLabels.includes(s))];
    out.push(
      `  ${pad(l.code + mods, 14)} x${pad(String(l.units), 3)} ${pad(l.dx.join(','), 18)} ${pad(l.status === 'ready' ? (l.billing === 'self-pay' ? 'self-pay' : 'ready') : 'held', 9)} ${l.description}${labels.length ? `  [${labels.join(', ')}]` : ''}`,
    );
  }
  for (const f of draft.findings) out.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.rule}: ${f.message}${f.fix ? ` → ${f.fix}` : ''}`);
  if (draft.specimens.length) out.push(`  specimens: ${draft.specimens.map(specimenText).join(', ')}`);
  return `${out.join('\n')}\n`;
}
