import type { PanelView } from './view-types';

/** Physician (compact) or coder (everything + audit) view: native radios, so arrows and Tab work. */
export function ViewSwitch({ view, onChange }: { view: PanelView; onChange: (v: PanelView) => void }) {
  return (
    <fieldset class="view-switch">
      <legend class="sr-only">View</legend>
      {(['physician', 'coder'] as const).map((v) => (
        <label key={v} class={view === v ? 'active' : ''}>
          <input type="radio" name="view" value={v} checked={view === v} onChange={() => onChange(v)} />
          {v === 'physician' ? 'Physician' : 'Coder'}
        </label>
      ))}
    </fieldset>
  );
}
