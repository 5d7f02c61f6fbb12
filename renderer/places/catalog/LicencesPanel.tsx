import type { RecordingDetail } from '../../../shared/contract/catalogContract';
import { countryName } from '../../../shared/rights/territories';
import { formatDate } from '../../../shared/rights/formatDate';

/** Each licence in plain language, whether it is in force here today, and how it changed between package versions. */
export function LicencesPanel({ recording }: { recording: RecordingDetail }) {
  return (
    <section className="panel" aria-labelledby="licences-title">
      <h2 id="licences-title">
        Licences{' '}
        <span className="muted small">
          as of {formatDate(recording.date)} in {countryName(recording.territory)}
        </span>
      </h2>
      {recording.licences.length === 0 && <p className="muted">No licences: nothing may be done with this recording.</p>}
      <ul className="licence-list">
        {recording.licences.map((licence) => (
          <li key={licence.id} className={licence.inactiveReason ? 'inactive' : 'active'} data-testid="licence">
            <div className="licence-head">
              <span className="mono">{licence.id}</span>
              <span className="badge">{licence.type}</span>
              <span className="muted">{licence.licensor}</span>
              <span className={`badge ${licence.inactiveReason ? 'no' : 'ok'}`}>{licence.inactiveReason ? 'not in force' : 'in force'}</span>
            </div>
            <p className="licence-summary">{licence.summary}</p>
            {licence.inactiveReason && <p className="licence-gap">{licence.inactiveReason}</p>}
          </li>
        ))}
      </ul>
      {recording.licenceHistory.some((h) => h.status !== 'granted') && (
        <details>
          <summary>History</summary>
          <ul className="history">
            {recording.licenceHistory.map((h) => (
              <li key={`${h.licenceId}-${h.packageVersion}`}>
                package v{h.packageVersion}: {h.licenceId} {h.status}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
