import { useState } from 'preact/hooks';
import type { FindingAction } from '../core/model/messages';
import type { FindingView } from './view-types';

interface Props {
  finding: FindingView;
  /** Coder view: accept/override controls. */
  canResolve: boolean;
  onResolve: (fingerprint: string, action: FindingAction, reason: string) => Promise<boolean>;
  onUndo: (fingerprint: string) => void;
}

let nextId = 0;

/** One finding: what, where, why (rule), the fix; the coder can accept or override it with a reason. */
export function FindingItem({ finding, canResolve, onResolve, onUndo }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [action, setAction] = useState<FindingAction>('overridden');
  const [formId] = useState(() => `resolve-${++nextId}`);
  const { resolution } = finding;

  async function submit(e: Event) {
    e.preventDefault();
    if (await onResolve(finding.fingerprint, action, reason)) {
      setOpen(false);
      setReason('');
    }
  }

  return (
    <li class={`finding ${finding.severity}${resolution ? ' resolved' : ''}`} data-rule={finding.rule}>
      <p class="message">
        {finding.target && <span class="target">[{finding.target}] </span>}
        {finding.message}
      </p>
      {finding.fix && (
        <p class="fix">
          <span class="label">Fix:</span> {finding.fix}
        </p>
      )}
      <p class="rule">
        <code>{finding.rule}</code>
      </p>
      {resolution && (
        <p class="resolution">
          {resolution.action === 'accepted' ? 'Accepted' : 'Overridden'}: “{resolution.reason}”{' '}
          {canResolve && (
            <button type="button" class="link" onClick={() => onUndo(finding.fingerprint)}>
              Undo
            </button>
          )}
        </p>
      )}
      {canResolve && !resolution && (
        <>
          <button type="button" class="secondary" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
            Accept or override…
          </button>
          <form id={formId} class="resolve" hidden={!open} onSubmit={submit} aria-label={`Resolve finding ${finding.rule}`}>
            <fieldset>
              <legend>Decision</legend>
              <label>
                <input type="radio" name={`${formId}-action`} value="accepted" checked={action === 'accepted'} onChange={() => setAction('accepted')} /> Accept
                (the finding is right; will fix the chart or claim)
              </label>
              <label>
                <input type="radio" name={`${formId}-action`} value="overridden" checked={action === 'overridden'} onChange={() => setAction('overridden')} />{' '}
                Override (the finding does not apply here)
              </label>
            </fieldset>
            <label class="reason">
              Reason (kept in the audit log)
              <textarea required minLength={3} maxLength={1000} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
            </label>
            <button type="submit">Save decision</button>
          </form>
        </>
      )}
    </li>
  );
}
