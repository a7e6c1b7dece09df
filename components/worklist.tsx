import type { Worklist as WorklistData, WorklistKind } from '../core/model/messages';

export type WorklistFilter = WorklistKind | 'all';

const KINDS: { kind: WorklistKind; label: string }[] = [
  { kind: 'unbilled', label: 'Unbilled specimens' },
  { kind: 'pending', label: 'Results overdue' },
  { kind: 'held', label: 'Held claims' },
  { kind: 'malignant', label: 'Malignant, no follow-up' },
];
const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.kind, k.label])) as Record<WorklistKind, string>;

/**
 * The coder's worklist across every stored visit. Filters are toggle buttons
 * (aria-pressed) in a labelled group: Tab reaches them, Enter/Space switch.
 */
export function Worklist({ data, filter, onFilter }: { data: WorklistData | undefined; filter: WorklistFilter; onFilter: (f: WorklistFilter) => void }) {
  if (!data) return <p class="muted">Loading the worklist…</p>;
  const total = data.items.length;
  const items = filter === 'all' ? data.items : data.items.filter((i) => i.kind === filter);
  const shown = filter === 'all' ? 'all items' : KIND_LABEL[filter].toLowerCase();
  return (
    <div class="worklist">
      <fieldset class="filters">
        <legend>Show</legend>
        <button type="button" class="chip" aria-pressed={filter === 'all'} onClick={() => onFilter('all')}>
          All <span class="count">{total}</span>
        </button>
        {KINDS.map(({ kind, label }) => (
          <button key={kind} type="button" class="chip" data-kind={kind} aria-pressed={filter === kind} onClick={() => onFilter(kind)}>
            {label} <span class="count">{data.counts[kind] ?? 0}</span>
          </button>
        ))}
      </fieldset>
      <p class="muted" aria-live="polite">
        {items.length} of {total} shown ({shown}); results are overdue after {data.agingDays} days.
      </p>
      {items.length === 0 ? (
        <p class="muted">Nothing to chase here.</p>
      ) : (
        <table class="worklist-table" aria-label={`Worklist: ${shown}`}>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Patient</th>
              <th scope="col">DOS</th>
              <th scope="col">Specimen</th>
              <th scope="col">Days</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.kind}|${i.encounterId}|${i.label ?? ''}`} data-kind={i.kind}>
                <th scope="row">
                  {KIND_LABEL[i.kind]}
                  <br />
                  <span class="muted">{i.detail}</span>
                </th>
                <td>{i.patientInitials ?? '—'}</td>
                <td>{i.dateOfService ?? '—'}</td>
                <td>
                  {i.label ?? '—'}
                  {i.site ? <span class="muted"> {i.site}</span> : null}
                </td>
                <td class="units">{i.ageDays ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
