import type { Signal } from '@preact/signals';
import { BackupPanel } from '../../components/backup';
import { EMR_HOST_PRESETS } from '../../core/model/emr-hosts';
import type { BackupModel } from './backup-model';
import type { OptionsModel } from './options-model';

function Radios<T extends string>({ name, legend, value, options }: { name: string; legend: string; value: Signal<T>; options: [T, string][] }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} class="choice">
          <input type="radio" name={name} value={v} checked={value.value === v} onChange={() => (value.value = v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

export function OptionsApp({ model, backup }: { model: OptionsModel; backup?: BackupModel }) {
  const granted = model.granted.value;
  return (
    <>
      <form
        class="options"
        aria-labelledby="options-title"
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <h1 id="options-title">DermLens options</h1>
        <p class="muted">Practice settings used to code every chart. Stored only in this browser.</p>

        <Radios
          name="payer"
          legend="Payer style"
          value={model.payer}
          options={[
            ['commercial', 'Commercial (modifier 59 for distinct services)'],
            ['medicare', 'Medicare (X{EPSU} modifiers, JW/JZ drug waste)'],
          ]}
        />
        <Radios
          name="pathology"
          legend="Pathology arrangement"
          value={model.pathology}
          options={[
            ['in-house', 'In-house: we prepare and read slides (global pathology lines)'],
            ['professional', 'Professional only: we read slides an outside lab prepared (modifier 26)'],
            ['external', 'External lab bills pathology (specimens still tracked)'],
          ]}
        />

        <fieldset>
          <legend>Policies</legend>
          <label class="field">
            G2211 (visit complexity add-on)
            <select value={model.g2211.value} onChange={(e) => (model.g2211.value = (e.target as HTMLSelectElement).value as typeof model.g2211.value)}>
              <option value="when-documented">Report when longitudinal care is documented</option>
              <option value="never">Never report</option>
            </select>
          </label>
          <label class="field">
            JW/JZ drug-waste modifiers
            <select
              value={model.wasteModifiers.value}
              onChange={(e) => (model.wasteModifiers.value = (e.target as HTMLSelectElement).value as typeof model.wasteModifiers.value)}
            >
              <option value="payer-default">Payer default (Medicare requires them)</option>
              <option value="always">Always</option>
              <option value="never">Never</option>
            </select>
          </label>
        </fieldset>

        <fieldset>
          <legend>Data</legend>
          <label class="field">
            Keep data for (days)
            <input
              name="retentionDays"
              inputMode="numeric"
              value={model.retentionDays.value}
              onInput={(e) => (model.retentionDays.value = (e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            Flag pathology without a result after (days)
            <input
              name="pathologyAgingDays"
              inputMode="numeric"
              value={model.pathologyAgingDays.value}
              onInput={(e) => (model.pathologyAgingDays.value = (e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            Link a later pathology report to its visit within (days; blank = 60)
            <input
              name="pathologyMatchWindowDays"
              inputMode="numeric"
              value={model.matchWindowDays.value}
              onInput={(e) => (model.matchWindowDays.value = (e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="danger">
            {model.confirmingDelete.value ? (
              <>
                <button type="button" class="danger" onClick={() => void model.deleteAllData()}>
                  Yes, delete everything
                </button>{' '}
                <button type="button" class="secondary" onClick={model.cancelDelete}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" class="secondary" onClick={() => void model.deleteAllData()}>
                Delete all stored charts…
              </button>
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>EMR hosts DermLens may read</legend>
          <p class="muted">Nothing is read on any EMR until you tick it here and your browser asks you to allow it. Chart text is read in this browser only.</p>
          {EMR_HOST_PRESETS.map((p) => {
            const on = model.presets.value.has(p.id);
            const allGranted = p.origins.length > 0 && p.origins.every((o) => granted.has(o));
            return (
              <div key={p.id} class="preset">
                {p.origins.length > 0 ? (
                  <label class="choice">
                    <input
                      type="checkbox"
                      name={`preset-${p.id}`}
                      checked={on}
                      onChange={(e) => model.togglePreset(p.id, (e.target as HTMLInputElement).checked)}
                    />{' '}
                    {p.label}
                    <code class="origins">{p.origins.join(', ')}</code>
                    {on && <span class={`pill ${allGranted ? 'ready' : 'held'}`}>{allGranted ? 'allowed' : 'not allowed yet'}</span>}
                  </label>
                ) : (
                  <p class="choice">{p.label}</p>
                )}
                {p.note && <p class="muted note">{p.note}</p>}
              </div>
            );
          })}
          <label class="field">
            Other EMR hosts (one per line, e.g. https://epiccarelink.example.org/*)
            <textarea
              name="customHosts"
              rows={3}
              value={model.customHosts.value}
              onInput={(e) => (model.customHosts.value = (e.target as HTMLTextAreaElement).value)}
            />
          </label>
        </fieldset>

        {model.errors.value.length > 0 && (
          <div class="error" role="alert">
            <p>Please fix:</p>
            <ul>
              {model.errors.value.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <p class="live" role="status" aria-live="polite">
          {model.status.value}
        </p>
        <button type="submit" disabled={!model.loaded.value}>
          Save settings
        </button>
      </form>
      {backup && <BackupPanel model={backup} />}
    </>
  );
}
