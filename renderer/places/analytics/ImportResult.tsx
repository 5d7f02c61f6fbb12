import type { PlaysImportSummary } from '../../../shared/contract/analyticsContract';

/** What an import did: counts, how plays were matched to exports, what was kept aside, malformed lines. */
export function ImportResult({ summary, onClose }: { summary: PlaysImportSummary; onClose: () => void }) {
  return (
    <section className="import-result panel" aria-label="Import result">
      <header>
        <strong>{summary.added.toLocaleString()} plays added</strong>
        <button type="button" className="link-button" aria-label="Dismiss import result" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="small">
        {summary.lines.toLocaleString()} read ({summary.format}) in {summary.seconds.toFixed(1)} s · {summary.duplicates.toLocaleString()} already there ·{' '}
        {summary.flagged.toLocaleString()} flagged · {summary.aside.toLocaleString()} kept aside · {summary.malformed.toLocaleString()} malformed ·{' '}
        {summary.ignored.toLocaleString()} ignored
      </p>
      {summary.spotifyListener && (
        <p className="small" role="note">
          Listener: {summary.spotifyListener.label}
        </p>
      )}
      {summary.dropped > 0 && (
        <p className="small muted" role="note">
          {summary.dropped.toLocaleString()} plays of {summary.droppedTracks.toLocaleString()} other track{summary.droppedTracks === 1 ? '' : 's'} (not by you,
          and no ISRC of yours) were dropped and not stored.
        </p>
      )}
      {summary.matches.length > 0 && (
        <ul className="small match-list" aria-label="Matched">
          {summary.matches.map((m) => (
            <li key={`${m.label}-${m.exportId}`}>
              {m.label} → <strong>{m.exportTitle}</strong> <span className="muted">by {m.how}</span> ({m.plays.toLocaleString()})
            </li>
          ))}
        </ul>
      )}
      {summary.unmatched.length > 0 && (
        <ul className="small warn-text" aria-label="Kept aside">
          {summary.unmatched.map((u) => (
            <li key={`${u.keyKind}-${u.label}`}>
              No export for {u.label} — {u.plays.toLocaleString()} plays kept aside; they are matched when that export exists.
            </li>
          ))}
        </ul>
      )}
      {summary.problems.length > 0 && (
        <details className="small">
          <summary>
            {summary.malformed.toLocaleString()} malformed line{summary.malformed === 1 ? '' : 's'} skipped
          </summary>
          <ul>
            {summary.problems.map((p) => (
              <li key={p.line}>
                line {p.line}: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
