import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { ChannelStrip } from './ChannelStrip';
import { MasterMeter } from './LevelMeters';

/** Every track's channel strip, then the master: fader, limiter ceiling and stereo meter. */
export function Mixer({ session }: { session: StudioSession }) {
  const studio = useStore(session.state);
  const doc = studio.document!;
  const master = (changes: { gainDb?: number; limiterCeilingDb?: number }) => ({ type: 'updateMaster' as const, changes });
  return (
    <section className="mixer" aria-label="Mixer">
      {doc.tracks.map((track) => (
        <ChannelStrip key={track.id} session={session} track={track} />
      ))}
      <div className="channel-strip master" role="group" aria-label="Master">
        <div className="strip-name">Master</div>
        <label className="param">
          <span className="small muted">Limiter ceiling</span>
          <input
            type="range"
            aria-label="Limiter ceiling"
            min={-12}
            max={0}
            step={0.1}
            value={doc.master.limiterCeilingDb}
            onChange={(e) => session.preview([master({ limiterCeilingDb: Number(e.target.value) })])}
            onPointerUp={(e) => session.edit([master({ limiterCeilingDb: Number(e.currentTarget.value) })], 'Limiter ceiling')}
          />
          <output className="mono small">{doc.master.limiterCeilingDb} dBFS</output>
        </label>
        <div className="fader-row">
          <input
            className="fader"
            type="range"
            aria-label="Master volume"
            min={-60}
            max={12}
            step={0.5}
            value={doc.master.gainDb}
            onChange={(e) => session.preview([master({ gainDb: Number(e.target.value) })])}
            onPointerUp={(e) => session.edit([master({ gainDb: Number(e.currentTarget.value) })], 'Master volume')}
          />
          <MasterMeter session={session} />
        </div>
        <output className="mono small">{doc.master.gainDb} dB</output>
      </div>
    </section>
  );
}
