import type { AnalyticsReport } from '../../../shared/contract/analyticsContract';
import { formatDuration } from '../../app/formatDuration';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/** Each version's retention at the moments that matter (drop-offs, fixes tried), side by side. */
export function MomentComparison({ report }: { report: AnalyticsReport }) {
  const moments = report.moments.filter((m) => m.versions.length > 1);
  if (!moments.length) return null;
  return (
    <section className="panel moments" aria-labelledby="moments-title">
      <h2 id="moments-title">Versions at the moments that matter</h2>
      {moments.map((m) => (
        <table key={m.second} className="compare-table" aria-label={`Versions at ${formatDuration(m.second)}`}>
          <caption>
            At <strong className="mono">{formatDuration(m.second)}</strong> — {m.origin === 'fix' ? `a fix tried from revision ${m.fixRevision}` : 'a drop-off'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Plays</th>
              <th scope="col">Still listening</th>
              <th scope="col">3 s later</th>
              <th scope="col">Lost there</th>
            </tr>
          </thead>
          <tbody>
            {m.versions.map((v) => (
              <tr key={v.exportId} className={v.exportId === report.export.id ? 'this-version' : undefined}>
                <th scope="row">
                  {v.title}{' '}
                  <span className="muted small">
                    rev. {v.revision}
                    {m.fixRevision !== null && v.revision >= m.fixRevision ? ' · with the fix' : ''}
                  </span>
                </th>
                <td className="mono">{v.plays.toLocaleString()}</td>
                <td className="mono">{percent(v.at)}</td>
                <td className="mono">{percent(v.after)}</td>
                <td className="mono" data-testid="moment-lost">
                  {percent(v.lostShare)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
