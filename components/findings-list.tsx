import type { Severity } from '../core/model';
import type { FindingAction } from '../core/model/messages';
import { FindingItem } from './finding-item';
import type { FindingView } from './view-types';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

interface Props {
  groups: readonly { severity: Severity; findings: readonly FindingView[] }[];
  canResolve: boolean;
  onResolve: (fingerprint: string, action: FindingAction, reason: string) => Promise<boolean>;
  onUndo: (fingerprint: string) => void;
}

/** Findings grouped by severity, errors first. */
export function FindingsList({ groups, canResolve, onResolve, onUndo }: Props) {
  if (groups.length === 0) return <p class="muted">No findings.</p>;
  return (
    <div class="findings">
      {groups.map((g) => (
        <section key={g.severity} class={`severity ${g.severity}`} aria-labelledby={`sev-${g.severity}`}>
          <h3 id={`sev-${g.severity}`}>
            {HEADINGS[g.severity]} <span class="count">({g.findings.length})</span>
          </h3>
          <ul>
            {g.findings.map((f) => (
              <FindingItem key={f.fingerprint} finding={f} canResolve={canResolve} onResolve={onResolve} onUndo={onUndo} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
