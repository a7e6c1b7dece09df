interface Props {
  onCopy: (kind: 'claim' | 'csv') => void;
  disabled: boolean;
}

/** Copy the claim (codes, modifiers, units) or the full CSV in one click. */
export function CopyBar({ onCopy, disabled }: Props) {
  return (
    <div class="copy-bar">
      <button type="button" class="copy-claim" onClick={() => onCopy('claim')} disabled={disabled}>
        Copy claim
      </button>
      <button type="button" class="secondary copy-csv" onClick={() => onCopy('csv')} disabled={disabled}>
        Copy as CSV
      </button>
    </div>
  );
}
