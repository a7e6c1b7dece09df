import type { OpenSpecimen } from '../core/model/messages';

/** The coder's worklist: specimens across all stored visits still waiting for a result or a billed read. */
export function OpenSpecimens({ specimens, agingDays }: { specimens: readonly OpenSpecimen[]; agingDays: number }) {
  if (specimens.length === 0) return <p class="muted">No open specimens in the visits DermLens has read.</p>;
  return (
    <table class="open-specimens" aria-label="Open specimens, all visits">
      <thead>
        <tr>
          <th scope="col">Patient</th>
          <th scope="col">DOS</th>
          <th scope="col">Specimen</th>
          <th scope="col">Status</th>
          <th scope="col">Days</th>
        </tr>
      </thead>
      <tbody>
        {specimens.map((s) => (
          <tr key={`${s.encounterId}|${s.label}`} class={s.ageDays !== undefined && s.ageDays > agingDays ? 'aging' : ''}>
            <td>{s.patientInitials ?? '—'}</td>
            <td>{s.dateOfService ?? '—'}</td>
            <th scope="row">
              {s.label}
              {s.site ? <span class="muted"> {s.site}</span> : null}
            </th>
            <td>{s.status === 'sent' ? 'no result yet' : 'resulted, not billed'}</td>
            <td class="units">
              {s.ageDays ?? '—'}
              {s.ageDays !== undefined && s.ageDays > agingDays ? <span class="pill held"> overdue</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
