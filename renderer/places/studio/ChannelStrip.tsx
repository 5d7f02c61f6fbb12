import { useCallback, useState } from 'react';
import type { EffectParams, Track } from '../../../shared/project/documentSchema';
import type { StudioSession } from './StudioSession';
import { TrackMeter } from './LevelMeters';
import { EffectPanel } from './EffectPanel';
import { addEffect, effectNames, setTrackFlag } from './studioActions';

/** A mixer channel: effect slots, pan, fader, mute/solo and a level meter. */
export function ChannelStrip({ session, track }: { session: StudioSession; track: Track }) {
  const [openEffect, setOpenEffect] = useState<{ id: string; anchor: DOMRect } | null>(null);
  const effect = track.effects.find((e) => e.id === openEffect?.id);
  const closeEffect = useCallback(() => setOpenEffect(null), []);
  const fader = (gainDb: number) => ({ type: 'updateTrack' as const, trackId: track.id, changes: { gainDb } });
  return (
    <div className="channel-strip" role="group" aria-label={`Channel ${track.name}`} style={{ borderTopColor: track.color }}>
      <div className="strip-name" title={track.name}>
        {track.name}
      </div>
      <ul className="effect-slots" aria-label={`Effects on ${track.name}`}>
        {track.effects.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={`slot${e.enabled ? '' : ' bypassed'}`}
              aria-expanded={openEffect?.id === e.id}
              data-effect-slot={e.id}
              onClick={(event) => setOpenEffect(openEffect?.id === e.id ? null : { id: e.id, anchor: event.currentTarget.getBoundingClientRect() })}
            >
              {effectNames[e.params.type]}
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${effectNames[e.params.type]} from ${track.name}`}
              onClick={() => session.edit([{ type: 'removeEffect', trackId: track.id, effectId: e.id }], `Remove ${effectNames[e.params.type]}`)}
            >
              ×
            </button>
          </li>
        ))}
        <li>
          <select
            aria-label={`Add effect to ${track.name}`}
            value=""
            onChange={(e) => {
              if (e.target.value) addEffect(session, track, e.target.value as EffectParams['type']);
            }}
          >
            <option value="">+ effect</option>
            {Object.entries(effectNames).map(([type, name]) => (
              <option key={type} value={type}>
                {name}
              </option>
            ))}
          </select>
        </li>
      </ul>
      <label className="pan">
        <span className="sr-only">Pan {track.name}</span>
        <input
          type="range"
          aria-label={`Pan ${track.name}`}
          min={-1}
          max={1}
          step={0.05}
          value={track.pan}
          onChange={(e) => session.preview([{ type: 'updateTrack', trackId: track.id, changes: { pan: Number(e.target.value) } }])}
          onPointerUp={(e) => session.edit([{ type: 'updateTrack', trackId: track.id, changes: { pan: Number(e.currentTarget.value) } }], `Pan ${track.name}`)}
          onDoubleClick={() => session.edit([{ type: 'updateTrack', trackId: track.id, changes: { pan: 0 } }], `Centre ${track.name}`)}
        />
        <output className="mono small">{track.pan === 0 ? 'C' : track.pan < 0 ? `L${Math.round(-track.pan * 100)}` : `R${Math.round(track.pan * 100)}`}</output>
      </label>
      <div className="fader-row">
        <input
          className="fader"
          type="range"
          aria-label={`Volume ${track.name}`}
          min={-60}
          max={12}
          step={0.5}
          value={track.gainDb}
          onChange={(e) => session.preview([fader(Number(e.target.value))])}
          onPointerUp={(e) => session.edit([fader(Number(e.currentTarget.value))], `Volume ${track.name}`)}
          onKeyUp={(e) => session.edit([fader(Number(e.currentTarget.value))], `Volume ${track.name}`)}
          onDoubleClick={() => session.edit([fader(0)], `Volume ${track.name} to 0 dB`)}
        />
        <TrackMeter session={session} track={track} />
      </div>
      <output className="mono small">
        {track.gainDb > 0 ? '+' : ''}
        {track.gainDb} dB
      </output>
      <div className="strip-buttons">
        <button
          type="button"
          className={`toggle${track.mute ? ' on-mute' : ''}`}
          aria-pressed={track.mute}
          aria-label={`Mute ${track.name} (mixer)`}
          onClick={() => setTrackFlag(session, track, 'mute', !track.mute)}
        >
          M
        </button>
        <button
          type="button"
          className={`toggle${track.solo ? ' on-solo' : ''}`}
          aria-pressed={track.solo}
          aria-label={`Solo ${track.name} (mixer)`}
          onClick={(e) => setTrackFlag(session, track, 'solo', !track.solo, e.altKey || e.ctrlKey || e.metaKey)}
        >
          S
        </button>
      </div>
      {effect && openEffect && <EffectPanel session={session} track={track} effect={effect} anchor={openEffect.anchor} onClose={closeEffect} />}
    </div>
  );
}
