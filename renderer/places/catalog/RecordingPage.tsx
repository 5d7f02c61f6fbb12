import { displayFingerprint } from '../../../shared/rights/displayFingerprint';
import type { RecordingDetail } from '../../../shared/contract/catalogContract';
import { formatIsrc } from '../../../shared/rights/identifiers';
import { formatDuration } from '../../app/formatDuration';
import { CreditsPanel } from './CreditsPanel';
import { LicencesPanel } from './LicencesPanel';
import { StemsPanel } from './StemsPanel';
import { LineageTree } from '../lineage/LineageTree';

/** One recording: what it is, who made it, what its licences allow, and its stems to preview. */
export function RecordingPage({ recording, onStart, starting }: { recording: RecordingDetail; onStart: (kind: 'remix' | 'cover') => void; starting: boolean }) {
  const startButton = (kind: 'remix' | 'cover', label: string) => {
    const permission = recording[kind];
    const reason = permission.reasons.join(' ');
    return (
      <div className="start-action">
        <button
          type="button"
          className="primary"
          disabled={!permission.allowed || starting}
          onClick={() => onStart(kind)}
          aria-describedby={permission.allowed ? undefined : `${kind}-reason`}
        >
          {label}
        </button>
        {!permission.allowed && (
          <p id={`${kind}-reason`} className="reason" data-testid={`${kind}-reason`}>
            {reason}
          </p>
        )}
      </div>
    );
  };
  return (
    <article className="recording-page" aria-labelledby="recording-title">
      <header className="recording-header">
        <div>
          <h1 id="recording-title">{recording.title}</h1>
          <p className="recording-artist">{recording.displayArtist}</p>
          <p className="muted mono small">
            ISRC {formatIsrc(recording.isrc)} · {recording.label} · {recording.bpm} BPM · {recording.key} · {formatDuration(recording.durationMs / 1000)}
            {recording.releaseDate ? ` · released ${recording.releaseDate}` : ''}
          </p>
          <p className="muted small" data-testid="package-signature">
            From {recording.package.title} (v{recording.package.version}) ·{' '}
            {recording.package.keyFingerprint ? (
              <span title={`Every version of this package must be signed by this key (fingerprint ${recording.package.keyFingerprint}).`}>
                signed, key {displayFingerprint(recording.package.keyFingerprint)}
              </span>
            ) : (
              <span className="warning-text" title="This package carries no signature: nothing proves which rights holder delivered it.">
                unsigned package
              </span>
            )}
          </p>
        </div>
        <div className="start-actions">
          {startButton('remix', 'Start remix')}
          {startButton('cover', 'Start cover')}
        </div>
      </header>
      <StemsPanel recording={recording} />
      <div className="recording-columns">
        <CreditsPanel recording={recording} />
        <LicencesPanel recording={recording} />
      </div>
      <LineageTree focus={{ recordingId: recording.id }} />
    </article>
  );
}
