import type { ClaimLine, Encounter } from '../core/model';
import { LineWhy } from './line-why';

interface Props {
  lines: readonly ClaimLine[];
  expanded: ReadonlySet<number>;
  onToggle: (index: number) => void;
  encounter?: Encounter;
  /** Per line, its claim diagnosis pointer letters (coder view). */
  pointers?: readonly (readonly string[])[];
  caption: string;
}

function statusLabel(line: ClaimLine): string {
  if (line.billing === 'self-pay') return 'self-pay';
  return line.status === 'ready' ? 'ready' : 'held';
}

/** The claim draft in claim order; each code opens to its "why". */
export function ClaimTable({ lines, expanded, onToggle, encounter, caption, pointers }: Props) {
  const columns = 5;
  return (
    <table class="claim" aria-label={caption}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Description</th>
          <th scope="col">Units</th>
          <th scope="col">
            <abbr title="Modifiers">Mod.</abbr>
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 && (
          <tr>
            <td colSpan={columns} class="muted">
              No billable lines read from this chart yet.
            </td>
          </tr>
        )}
        {lines.map((line, i) => {
          const open = expanded.has(i);
          const whyId = `why-${i}`;
          return [
            <tr key={`l${i}`} class={`line ${statusLabel(line)}`} data-code={line.code}>
              <th scope="row">
                <button type="button" class="disclosure" aria-expanded={open} aria-controls={whyId} onClick={() => onToggle(i)}>
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span> <span class="code">{line.code}</span>
                </button>
              </th>
              <td class="desc">
                {line.description}
                {(line.dx.length > 0 || line.lesionLabels.length > 0 || line.specimenLabels.length > 0) && (
                  <span class="line-meta">
                    {line.dx.length > 0 && (
                      <span class="dx">
                        <span class="label">Dx</span> {line.dx.join(', ')}
                        {pointers?.[i]?.length ? <span class="pointers"> (pointer {pointers[i]?.join('')})</span> : null}
                      </span>
                    )}
                    {line.lesionLabels.length > 0 && (
                      <span class="lesions">
                        <span class="label">Lesion</span> {line.lesionLabels.join(', ')}
                      </span>
                    )}
                    {line.specimenLabels.length > 0 && (
                      <span class="specimens">
                        <span class="label">{line.specimenLabels.length > 1 ? 'Specimens' : 'Specimen'}</span> {line.specimenLabels.join(', ')}
                      </span>
                    )}
                  </span>
                )}
              </td>
              <td class="units">{line.units}</td>
              <td class="mods">{line.modifiers.join(', ')}</td>
              <td class="status">
                <span class={`pill ${statusLabel(line)}`}>{statusLabel(line)}</span>
              </td>
            </tr>,
            <tr key={`w${i}`} id={whyId} class="why-row" hidden={!open}>
              <td colSpan={columns}>{open && <LineWhy line={line} encounter={encounter} />}</td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
