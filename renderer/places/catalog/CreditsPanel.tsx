import type { RecordingDetail } from '../../../shared/contract/catalogContract';
import { formatIsni, formatIswc } from '../../../shared/rights/identifiers';

const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

type Share = RecordingDetail['masterOwners'][number];

function ShareTable({ caption, shares }: { caption: string; shares: readonly Share[] }) {
  if (shares.length === 0) return null;
  return (
    <table className="share-table">
      <caption>{caption}</caption>
      <tbody>
        {shares.map((s) => (
          <tr key={`${s.partyId}-${s.role}`}>
            <td>
              {s.name}
              {s.isni && <span className="muted mono"> ISNI {formatIsni(s.isni)}</span>}
              {s.ipi && <span className="muted mono"> IPI {s.ipi}</span>}
            </td>
            <td className="muted">{s.role}</td>
            <td className="share">
              <span className="share-bar" style={{ width: `${s.shareBp / 100}%` }} aria-hidden="true" />
              <span className="mono">{percent(s.shareBp)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who wrote, published, performed, produced and owns the recording, with shares. */
export function CreditsPanel({ recording }: { recording: RecordingDetail }) {
  const { work } = recording;
  return (
    <section className="panel" aria-labelledby="credits-title">
      <h2 id="credits-title">Credits</h2>
      <p className="work-line">
        Composition <strong>{work.title}</strong>
        {work.iswc && <span className="mono"> · ISWC {formatIswc(work.iswc)}</span>}
      </p>
      <ShareTable caption="Writers" shares={work.writers} />
      <ShareTable caption="Publishers" shares={work.publishers} />
      <ShareTable caption="Master owners" shares={recording.masterOwners} />
      {recording.credits.length > 0 && (
        <table className="share-table">
          <caption>Performers and production</caption>
          <tbody>
            {recording.credits.map((c, i) => (
              <tr key={i}>
                <td>{c.name}</td>
                <td className="muted">
                  {c.role}
                  {c.instrument ? ` (${c.instrument})` : ''}
                </td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
