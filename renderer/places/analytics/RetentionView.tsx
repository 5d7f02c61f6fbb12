import { useEffect, useState } from 'react';
import type { DropOffView } from '../../../shared/contract/analyticsContract';
import type { WaveformPeaks } from '../../../shared/dsp/waveformPeaks';
import { Waveform } from '../../components/Waveform';
import { loadPeaks } from '../../media/loadPeaks';
import { formatDuration } from '../../app/formatDuration';

export interface CurveSeries {
  readonly name: string;
  readonly color: string;
  /** Share still listening at each second. */
  readonly values: readonly number[];
  readonly dashed?: boolean;
}

const WIDTH = 1000;
const HEIGHT = 220;

/**
 * The retention curve drawn over the export's own waveform, on one time
 * axis: where the music is, and where the listeners go. Drop-off moments
 * are marked on both, numbered like the list beside them.
 */
export function RetentionView({
  audioSha256,
  durationSec,
  series,
  dropOffs,
}: {
  audioSha256: string;
  durationSec: number;
  series: readonly CurveSeries[];
  dropOffs: readonly DropOffView[];
}) {
  const [peaks, setPeaks] = useState<WaveformPeaks | undefined>();
  useEffect(() => {
    let live = true;
    loadPeaks(audioSha256).then(
      (p) => live && setPeaks(p),
      () => undefined, // exports made before waveforms were kept: the curve alone
    );
    return () => {
      live = false;
    };
  }, [audioSha256]);
  const x = (second: number) => (second / Math.max(1, durationSec)) * WIDTH;
  const y = (share: number) => HEIGHT - share * HEIGHT;
  const ticks = timeTicks(durationSec);
  const main = series[0];
  return (
    <figure
      className="retention"
      aria-label={`Retention over the waveform${main ? `: ${Math.round((main.values.at(-1) ?? 0) * 100)} % of plays reach the end` : ''}`}
    >
      <div className="retention-stack">
        <Waveform peaks={peaks} end={durationSec} height={HEIGHT} color="#2b3a4d" label="Waveform of the export" />
        <svg
          className="retention-curve"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label="Retention curve"
          data-testid="retention-curve"
        >
          {[0.25, 0.5, 0.75].map((g) => (
            <line key={g} x1={0} x2={WIDTH} y1={y(g)} y2={y(g)} className="grid-line" />
          ))}
          {dropOffs.map((d, i) => (
            <g key={d.second} data-testid="drop-off-marker">
              <rect x={x(d.second)} width={Math.max(2, x(3))} y={0} height={HEIGHT} className="drop-band" />
              <text x={x(d.second) + 4} y={14} className="drop-label">
                {i + 1}
              </text>
            </g>
          ))}
          {series.map((s) => (
            <polyline
              key={s.name}
              fill="none"
              stroke={s.color}
              strokeWidth={s === main ? 2.5 : 1.5}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              vectorEffect="non-scaling-stroke"
              points={s.values.map((v, t) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
            />
          ))}
        </svg>
        <div className="retention-y" aria-hidden="true">
          <span>100 %</span>
          <span>50 %</span>
          <span>0 %</span>
        </div>
      </div>
      <div className="retention-x" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${(t / Math.max(1, durationSec)) * 100}%` }}>
            {formatDuration(t)}
          </span>
        ))}
      </div>
      {series.length > 1 && (
        <figcaption className="legend">
          {series.map((s) => (
            <span key={s.name}>
              <span className="swatch" style={{ background: s.color }} /> {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

function timeTicks(durationSec: number): number[] {
  const step = [5, 10, 15, 30, 60, 120].find((s) => durationSec / s <= 10) ?? 300;
  const ticks: number[] = [];
  for (let t = 0; t <= durationSec; t += step) ticks.push(t);
  return ticks;
}
