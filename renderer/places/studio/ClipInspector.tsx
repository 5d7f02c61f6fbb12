import type { Clip } from '../../../shared/project/documentSchema';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { formatNumber } from '../../app/formatNumber';
import { duplicateSelection, deleteSelection, splitAtPlayhead } from './studioActions';

/** The selected clip's gain, fades, pitch, playback rate and loop, with the clip actions. */
export function ClipInspector({ session }: { session: StudioSession }) {
  const studio = useStore(session.state);
  const doc = studio.document!;
  const clip = doc.clips.find((c) => c.id === studio.selectedClipId);
  if (!clip) return <section className="inspector empty-state">Select a clip to edit its gain, fades, pitch and loop.</section>;
  const source = doc.sources.find((s) => s.id === clip.sourceId);
  const change = (changes: Partial<Clip>, label: string) => session.edit([{ type: 'updateClip', clipId: clip.id, changes }], label);
  const number = (label: string, value: number, min: number, max: number, step: number, apply: (v: number) => void) => (
    <label className="param">
      <span>{label}</span>
      <input
        type="number"
        aria-label={label}
        min={min}
        max={max}
        step={step}
        defaultValue={formatNumber(value)}
        key={`${clip.id}-${label}-${value}`}
        // Shown rounded for people (a dragged fade is 3.9008… beats): only a typed change is applied.
        onBlur={(e) => e.target.value !== formatNumber(value) && apply(Number(e.target.value))}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
  return (
    <section className="inspector" aria-label="Clip inspector">
      <header>
        <strong>{source?.name ?? clip.sourceId}</strong>
        <span className="muted small">
          beat {formatNumber(clip.start)}, {formatNumber(clip.length)} beats
        </span>
      </header>
      <div className="inspector-grid">
        {number('Clip gain (dB)', clip.gainDb, -60, 12, 0.5, (v) => change({ gainDb: v }, 'Clip gain'))}
        {number('Fade in (beats)', clip.fadeIn.beats, 0, clip.length, 0.25, (v) => change({ fadeIn: { ...clip.fadeIn, beats: v } }, 'Fade in'))}
        <label className="param">
          <span>Fade-in curve</span>
          <select
            aria-label="Fade-in curve"
            value={clip.fadeIn.curve}
            onChange={(e) => change({ fadeIn: { ...clip.fadeIn, curve: e.target.value as Clip['fadeIn']['curve'] } }, 'Fade curve')}
          >
            <option value="linear">Linear</option>
            <option value="equal-power">Equal power</option>
            <option value="exponential">Exponential</option>
          </select>
        </label>
        {number('Fade out (beats)', clip.fadeOut.beats, 0, clip.length, 0.25, (v) => change({ fadeOut: { ...clip.fadeOut, beats: v } }, 'Fade out'))}
        <label className="param">
          <span>Fade-out curve</span>
          <select
            aria-label="Fade-out curve"
            value={clip.fadeOut.curve}
            onChange={(e) => change({ fadeOut: { ...clip.fadeOut, curve: e.target.value as Clip['fadeOut']['curve'] } }, 'Fade curve')}
          >
            <option value="linear">Linear</option>
            <option value="equal-power">Equal power</option>
            <option value="exponential">Exponential</option>
          </select>
        </label>
        {number('Pitch (semitones)', clip.pitch, -24, 24, 1, (v) => change({ pitch: Math.round(v) }, 'Clip pitch'))}
        {number('Playback rate', clip.rate, 0.25, 4, 0.25, (v) => change({ rate: v }, 'Clip rate'))}
        <label className="param check">
          <input
            type="checkbox"
            checked={clip.loopBeats !== null}
            onChange={(e) =>
              change({ loopBeats: e.target.checked ? Math.min(clip.length, doc.timeSignature[0]) : null }, e.target.checked ? 'Loop clip' : 'Unloop clip')
            }
          />{' '}
          Loop clip
        </label>
        {clip.loopBeats !== null && number('Loop length (beats)', clip.loopBeats, 0.25, clip.length, 0.25, (v) => change({ loopBeats: v }, 'Loop length'))}
      </div>
      <div className="row-actions">
        <button type="button" onClick={() => splitAtPlayhead(session)}>
          Split at playhead (S)
        </button>
        <button type="button" onClick={() => duplicateSelection(session)}>
          Duplicate (Ctrl+D)
        </button>
        <button type="button" className="danger" onClick={() => deleteSelection(session)}>
          Delete
        </button>
      </div>
    </section>
  );
}
