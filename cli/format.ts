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

export function formatDraft(draft: ClaimDraft, file: string, format: OutputFormat, _encounter: Encounter, _settings: Settings): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(contractObject(draft, file))}\n`;
    case 'table':
      return formatTable(draft, file);
    default:
      return `${JSON.stringify(contractObject(draft, file))}\n`;
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
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
  if (draft.specimens.length) out.push(`  specimens: ${draft.specimens.map((s) => `${s.label}=${s.status}`).join(', ')}`);
  return `${out.join('\n')}\n`;
}
