import type { AuditEntry } from '../core/model/messages';

const LABELS: Record<AuditEntry['action'], string> = {
  coded: 'Coded',
  'finding-accepted': 'Finding accepted',
  'finding-overridden': 'Finding overridden',
  'resolution-undone': 'Decision undone',
  'settings-changed': 'Settings changed',
  purged: 'Old data deleted',
  'data-imported': 'Backup restored',
  'edits-imported': 'CMS edits imported',
};

/** The encounter's audit trail, newest first. */
export function AuditLog({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p class="muted">No audit entries yet.</p>;
  return (
    <table class="audit" aria-label="Audit log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id ?? e.at} data-action={e.action}>
            <td class="when">
              <time dateTime={new Date(e.at).toISOString()}>
                {new Date(e.at).toLocaleDateString()}
                <br />
                {new Date(e.at).toLocaleTimeString()}
              </time>
            </td>
            <td>{LABELS[e.action]}</td>
            <td>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
