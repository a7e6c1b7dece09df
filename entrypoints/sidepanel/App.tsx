import { AuditLog } from '../../components/audit-log';
import { ClaimTable } from '../../components/claim-table';
import { CopyBar } from '../../components/copy-bar';
import { EncounterHeader } from '../../components/encounter-header';
import { FindingsList } from '../../components/findings-list';
import { OpenSpecimens } from '../../components/open-specimens';
import { SpecimenList } from '../../components/specimen-list';
import { ViewSwitch } from '../../components/view-switch';
import { Worklist } from '../../components/worklist';
import { POINTER_LETTERS } from './claim-text';
import type { PanelModel } from './panel-model';

export function App({ model }: { model: PanelModel }) {
  const state = model.state.value;
  const view = model.view.value;
  const coder = view === 'coder';
  const ready = state?.status === 'ready';

  return (
    <div class={`panel view-${view}`}>
      <header class="bar">
        <h1>DermLens</h1>
        <ViewSwitch view={view} onChange={(v) => void model.setView(v)} />
      </header>
      <p class="live" role="status" aria-live="polite">
        {model.status.value}
      </p>
      {model.error.value && (
        <p class="error" role="alert">
          {model.error.value}
        </p>
      )}
      {state?.problem && (
        <p class="error" role="alert">
          {state.problem}
        </p>
      )}
      {!state && !model.error.value && <p class="muted">Loading…</p>}
      {state?.status === 'empty' && !model.error.value && (
        <p class="muted">No chart read on this tab yet. Open a visit note on an EMR host you enabled in Options (or a demo chart).</p>
      )}
      {ready && (
        <>
          <EncounterHeader
            initials={state.patientInitials}
            dateOfService={state.dateOfService}
            adapter={coder ? state.adapter : undefined}
            settings={coder ? state.settings : undefined}
            codedAt={state.codedAt}
          />
          <section aria-labelledby="claim-heading">
            <h2 id="claim-heading">{coder ? 'Claim draft' : 'What the note supports now'}</h2>
            <ClaimTable
              caption={coder ? 'Claim draft lines in claim order' : 'Codes the note supports now'}
              lines={model.lines.value}
              expanded={model.expanded.value}
              onToggle={model.toggleLine}
              encounter={state.encounter}
              pointers={coder ? model.dxPointers.value.pointers : undefined}
            />
            <CopyBar onCopy={(k) => void model.copy(k)} disabled={model.lines.value.length === 0} />
          </section>
          {!coder && (
            <section aria-labelledby="document-heading">
              <h2 id="document-heading">Document to support more</h2>
              {model.toDocument.value.length === 0 ? (
                <p class="muted">Nothing missing that DermLens can see.</p>
              ) : (
                <ul class="to-document">
                  {model.toDocument.value.map((f) => (
                    <li key={f.fingerprint} class={f.severity}>
                      {f.target && <span class="target">[{f.target}] </span>}
                      {f.fix}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">Findings</h2>
            <FindingsList groups={model.findingsBySeverity.value} canResolve={coder} onResolve={model.resolve} onUndo={(fp) => void model.undo(fp)} />
          </section>
          {coder && (
            <>
              <section aria-labelledby="diagnoses-heading">
                <h2 id="diagnoses-heading">Claim diagnoses</h2>
                {model.dxPointers.value.diagnoses.length === 0 ? (
                  <p class="muted">No diagnosis linked to any line.</p>
                ) : (
                  <ol class="diagnoses">
                    {model.dxPointers.value.diagnoses.map((dx, i) => (
                      <li key={dx}>
                        <span class="pointer">{POINTER_LETTERS[i]}</span> {dx}
                      </li>
                    ))}
                  </ol>
                )}
                {model.dxPointers.value.overflow.length > 0 && (
                  <p class="error">More than 12 diagnoses: {model.dxPointers.value.overflow.join(', ')} need a second claim or fewer diagnoses.</p>
                )}
              </section>
              <section aria-labelledby="specimens-heading">
                <h2 id="specimens-heading">Specimens</h2>
                <SpecimenList specimens={state.draft?.specimens ?? []} />
              </section>
              <section aria-labelledby="open-specimens-heading">
                <h2 id="open-specimens-heading">Open specimens, all visits</h2>
                <OpenSpecimens specimens={model.openSpecimens.value} agingDays={state.settings.pathologyAgingDays} />
              </section>
              <section aria-labelledby="audit-heading">
                <h2 id="audit-heading">Audit trail</h2>
                <AuditLog entries={model.audit.value} />
              </section>
            </>
          )}
        </>
      )}
      {coder && (
        <section aria-labelledby="worklist-heading">
          <h2 id="worklist-heading">Worklist, all visits</h2>
          <Worklist data={model.worklist.value} filter={model.worklistFilter.value} onFilter={(f) => (model.worklistFilter.value = f)} />
        </section>
      )}
      <footer class="links">
        <button type="button" class="link" onClick={() => void model.rescan()}>
          Read the chart again
        </button>{' '}
        ·{' '}
        <button type="button" class="link" onClick={() => model.openPage('options')}>
          Options
        </button>{' '}
        ·{' '}
        <button type="button" class="link" onClick={() => model.openPage('trainer')}>
          Trainer
        </button>
      </footer>
    </div>
  );
}
