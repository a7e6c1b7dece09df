import type { Settings } from '../core/model';

interface Props {
  initials?: string;
  dateOfService?: string;
  adapter?: string;
  settings?: Settings;
  codedAt?: number;
}

/** Who/when in the least identifying form: initials and date of service only. */
export function EncounterHeader({ initials, dateOfService, adapter, settings, codedAt }: Props) {
  return (
    <dl class="encounter">
      <div>
        <dt>Patient</dt>
        <dd>{initials ?? '—'}</dd>
      </div>
      <div>
        <dt>Date of service</dt>
        <dd>{dateOfService ?? 'not found'}</dd>
      </div>
      {adapter && (
        <div>
          <dt>Read as</dt>
          <dd>{adapter}</dd>
        </div>
      )}
      {settings && (
        <div>
          <dt>Payer / pathology</dt>
          <dd>
            {settings.payer} / {settings.pathology}
          </dd>
        </div>
      )}
      {codedAt && (
        <div>
          <dt>Coded</dt>
          <dd>
            <time dateTime={new Date(codedAt).toISOString()}>{new Date(codedAt).toLocaleTimeString()}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}
