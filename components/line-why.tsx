import type { ClaimLine, Encounter } from '../core/model';
import { ruleById } from '../core/rules/registry';
import { HighlightedText } from './highlighted-text';

interface Props {
  line: ClaimLine;
  encounter?: Encounter;
}

/** Why a line is on the claim: the rules that made it and the chart words it came from. */
export function LineWhy({ line, encounter }: Props) {
  const spans = line.spans.filter((s) => encounter?.sections[s.section] !== undefined);
  return (
    <div class="why">
      <h4>Why this line</h4>
      <ul class="rules">
        {line.ruleIds.map((ruleId) => {
          const rule = ruleById(ruleId);
          return (
            <li key={ruleId}>
              <code>{ruleId}</code>
              {rule ? (
                <>
                  {' '}
                  <strong>{rule.title}</strong>
                  <p>{rule.explain}</p>
                  {rule.references.length > 0 && <p class="refs">Sources: {rule.references.join('; ')}</p>}
                </>
              ) : (
                <p>Rule not in this build's registry.</p>
              )}
            </li>
          );
        })}
      </ul>
      <h4>From the chart</h4>
      {spans.length === 0 ? (
        <p class="muted">No chart text was linked to this line.</p>
      ) : (
        spans.map((s) => <HighlightedText key={`${s.section}:${s.start}`} text={encounter?.sections[s.section] ?? ''} start={s.start} end={s.end} />)
      )}
    </div>
  );
}
