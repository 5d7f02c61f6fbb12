import { useEffect, useRef } from 'react';
import type { Effect, EffectParams, Track } from '../../../shared/project/documentSchema';
import { Popover } from '../../components/Popover';
import { useFocusTrap } from '../../components/useFocusTrap';
import type { StudioSession } from './StudioSession';
import { effectNames } from './studioActions';

interface Knob {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
}

const knobs: Record<EffectParams['type'], Knob[]> = {
  eq3: [
    { key: 'lowDb', label: 'Low', min: -24, max: 24, step: 0.5, unit: 'dB' },
    { key: 'midDb', label: 'Mid', min: -24, max: 24, step: 0.5, unit: 'dB' },
    { key: 'highDb', label: 'High', min: -24, max: 24, step: 0.5, unit: 'dB' },
    { key: 'lowHz', label: 'Low corner', min: 40, max: 1000, step: 10, unit: 'Hz' },
    { key: 'highHz', label: 'High corner', min: 1000, max: 16000, step: 100, unit: 'Hz' },
  ],
  compressor: [
    { key: 'thresholdDb', label: 'Threshold', min: -60, max: 0, step: 1, unit: 'dB' },
    { key: 'ratio', label: 'Ratio', min: 1, max: 20, step: 0.5, unit: ':1' },
    { key: 'attackMs', label: 'Attack', min: 0.1, max: 200, step: 0.1, unit: 'ms' },
    { key: 'releaseMs', label: 'Release', min: 10, max: 2000, step: 10, unit: 'ms' },
    { key: 'makeupDb', label: 'Make-up', min: 0, max: 24, step: 0.5, unit: 'dB' },
  ],
  reverb: [
    { key: 'decaySec', label: 'Decay', min: 0.1, max: 10, step: 0.1, unit: 's' },
    { key: 'preDelayMs', label: 'Pre-delay', min: 0, max: 200, step: 1, unit: 'ms' },
    { key: 'mix', label: 'Mix', min: 0, max: 1, step: 0.01, unit: '' },
  ],
  delay: [
    { key: 'beats', label: 'Time', min: 0.0625, max: 4, step: 0.0625, unit: 'beats' },
    { key: 'feedback', label: 'Feedback', min: 0, max: 0.95, step: 0.01, unit: '' },
    { key: 'mix', label: 'Mix', min: 0, max: 1, step: 0.01, unit: '' },
  ],
  filter: [
    { key: 'frequencyHz', label: 'Frequency', min: 20, max: 20000, step: 10, unit: 'Hz' },
    { key: 'q', label: 'Resonance', min: 0.1, max: 20, step: 0.1, unit: 'Q' },
  ],
};

/**
 * One effect's parameters as sliders (preview while dragging, one undo step
 * on release), floating above its slot in the mixer — over the whole page,
 * so the mixer's scroll area cannot hide it. It takes the focus, keeps Tab
 * inside, and closes on Escape or a click elsewhere, giving the focus back.
 */
export function EffectPanel({
  session,
  track,
  effect,
  anchor,
  onClose,
}: {
  session: StudioSession;
  track: Track;
  effect: Effect;
  anchor: DOMRect;
  onClose: () => void;
}) {
  const name = effectNames[effect.params.type];
  const update = (params: EffectParams) => ({ type: 'updateEffect' as const, trackId: track.id, effectId: effect.id, changes: { params } });
  const panel = useRef<HTMLDivElement>(null);
  useFocusTrap(panel, onClose);
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !(target instanceof Element && target.closest(`[data-effect-slot="${effect.id}"]`))) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [effect.id, onClose]);
  return (
    <Popover ref={panel} anchor={anchor} side="above" className="effect-panel" role="dialog" aria-label={`${name} on ${track.name}`} tabIndex={-1}>
      <header>
        <strong>
          {name} · {track.name}
        </strong>
        <label className="check">
          <input
            type="checkbox"
            checked={effect.enabled}
            onChange={(e) =>
              session.edit(
                [{ type: 'updateEffect', trackId: track.id, effectId: effect.id, changes: { enabled: e.target.checked } }],
                `${e.target.checked ? 'Enable' : 'Bypass'} ${name}`,
              )
            }
          />{' '}
          on
        </label>
        <button type="button" className="link-button" aria-label="Close effect panel" onClick={onClose}>
          ×
        </button>
      </header>
      {effect.params.type === 'filter' && (
        <label className="param">
          <span>Mode</span>
          <select
            aria-label="Filter mode"
            value={effect.params.mode}
            onChange={(e) =>
              session.edit([update({ ...(effect.params as Extract<EffectParams, { type: 'filter' }>), mode: e.target.value as 'lowpass' })], 'Filter mode')
            }
          >
            <option value="lowpass">Low-pass</option>
            <option value="highpass">High-pass</option>
            <option value="bandpass">Band-pass</option>
          </select>
        </label>
      )}
      {knobs[effect.params.type].map((knob) => {
        const value = (effect.params as unknown as Record<string, number>)[knob.key]!;
        const next = (v: number) => ({ ...effect.params, [knob.key]: v }) as EffectParams;
        return (
          <label key={knob.key} className="param">
            <span>{knob.label}</span>
            <input
              type="range"
              aria-label={`${name} ${knob.label}`}
              min={knob.min}
              max={knob.max}
              step={knob.step}
              value={value}
              onChange={(e) => session.preview([update(next(Number(e.target.value)))])}
              onPointerUp={(e) => session.edit([update(next(Number(e.currentTarget.value)))], `${name} ${knob.label}`)}
              onKeyUp={(e) => session.edit([update(next(Number(e.currentTarget.value)))], `${name} ${knob.label}`)}
            />
            <output className="mono">
              {Math.round(value * 100) / 100} {knob.unit}
            </output>
          </label>
        );
      })}
    </Popover>
  );
}
