import type { SpecimenSummary } from '../core/model';

const STATUS: Record<SpecimenSummary['status'], string> = {
  billed: 'billed',
  sent: 'sent, no result yet',
  resulted: 'resulted',
  unbilled: 'resulted, NOT billed',
  'billed-by-lab': 'billed by the lab',
  'no-interpretation': 'no interpretation',
};

/** Every specimen of the visit and where it stands. */
export function SpecimenList({ specimens }: { specimens: readonly SpecimenSummary[] }) {
  if (specimens.length === 0) return <p class="muted">No specimens on this visit.</p>;
  return (
    <table class="specimens" aria-label="Specimens">
      <thead>
        <tr>
          <th scope="col">Specimen</th>
          <th scope="col">Site</th>
          <th scope="col">Status</th>
          <th scope="col">Diagnosis</th>
        </tr>
      </thead>
      <tbody>
        {specimens.map((s) => (
          <tr key={s.label} class={s.status}>
            <th scope="row">{s.label}</th>
            <td>{s.site ?? ''}</td>
            <td>{STATUS[s.status]}</td>
            <td>{s.diagnosis ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
