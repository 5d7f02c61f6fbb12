import { useEffect, useRef, useState } from 'react';
import type { Clip, ProjectDocument, Source } from '../../../shared/project/documentSchema';
import type { SourceRights } from '../../../shared/contract/projectsContract';
import type { WaveformPeaks } from '../../../shared/dsp/waveformPeaks';
import { clipSourceSpan, secondsToBeats, sourceSecondsPerBeat } from '../../../shared/project/timing';
import { Waveform } from '../../components/Waveform';
import { loadPeaks } from '../../media/loadPeaks';
import type { StudioSession } from './StudioSession';
import { beatToX } from './timelineGeometry';
import { nudgedStart, nudgeStep } from './clipNudge';

type Gesture = 'move' | 'trim-start' | 'trim-end' | 'fade-in' | 'fade-out';

const LANE_HEIGHT = 72;

/**
 * A clip on its lane: waveform from cached peaks, name, licence flag. Drag
 * the body to move (also to another lane), the edges to trim, the top
 * corners to set fades; the grid snaps.
 */
export function ClipView({
  session,
  doc,
  clip,
  source,
  rights,
  breach,
  missing,
  zoom,
  selected,
  laneOf,
}: {
  session: StudioSession;
  doc: ProjectDocument;
  clip: Clip;
  source: Source | undefined;
  rights: SourceRights | undefined;
  /** Why this clip breaks a rule of its stem's licence (pitched or stretched against it), if it does. */
  breach?: string | undefined;
  missing: boolean;
  zoom: number;
  selected: boolean;
  laneOf: (clientY: number) => string | undefined;
}) {
  const [peaks, setPeaks] = useState<WaveformPeaks | undefined>();
  const gesture = useRef<{ kind: Gesture; x: number; clip: Clip; changes?: Partial<Clip> } | null>(null);
  useEffect(() => {
    if (source && !missing) loadPeaks(source.sha256).then(setPeaks, () => setPeaks(undefined));
  }, [source, missing]);

  const left = beatToX(clip.start, doc.bpm, zoom);
  const width = Math.max(2, beatToX(clip.length, doc.bpm, zoom));
  const forbidden = rights && !rights.usable;
  const flagged = forbidden || breach !== undefined;
  const flagReason = forbidden ? rights.reason : breach;
  const identified = rights?.identifiedAs;
  const spb = source ? sourceSecondsPerBeat(clip, source) : 0;

  const changesFor = (kind: Gesture, dx: number, original: Clip, clientY: number): Partial<Clip> => {
    const deltaBeats = secondsToBeats(dx / zoom, doc.bpm);
    switch (kind) {
      case 'move': {
        const start = session.snapBeat(original.start + deltaBeats);
        const trackId = laneOf(clientY) ?? original.trackId;
        return { start, trackId };
      }
      case 'trim-start': {
        const start = Math.min(original.start + original.length - 0.0625, session.snapBeat(original.start + deltaBeats));
        const moved = start - original.start;
        return { start, length: original.length - moved, sourceOffset: Math.max(0, original.sourceOffset + moved * spb) };
      }
      case 'trim-end': {
        const end = Math.max(original.start + 0.0625, session.snapBeat(original.start + original.length + deltaBeats));
        return { length: end - original.start };
      }
      case 'fade-in':
        return { fadeIn: { ...original.fadeIn, beats: Math.max(0, Math.min(original.length - original.fadeOut.beats, original.fadeIn.beats + deltaBeats)) } };
      case 'fade-out':
        return { fadeOut: { ...original.fadeOut, beats: Math.max(0, Math.min(original.length - original.fadeIn.beats, original.fadeOut.beats - deltaBeats)) } };
    }
  };

  const begin = (kind: Gesture) => (event: React.PointerEvent) => {
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    session.select(clip.id);
    gesture.current = { kind, x: event.clientX, clip };
  };
  const onMove = (event: React.PointerEvent) => {
    const g = gesture.current;
    if (!g) return;
    g.changes = changesFor(g.kind, event.clientX - g.x, g.clip, event.clientY);
    session.preview([{ type: 'updateClip', clipId: clip.id, changes: g.changes }]);
  };
  const onUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (!g?.changes) return;
    const labels: Record<Gesture, string> = {
      move: 'Move clip',
      'trim-start': 'Trim clip',
      'trim-end': 'Trim clip',
      'fade-in': 'Fade in',
      'fade-out': 'Fade out',
    };
    // The preview already shows the change; record it from the original state so undo restores it.
    session.preview([{ type: 'updateClip', clipId: clip.id, changes: pick(g.clip, g.changes) }]);
    session.edit([{ type: 'updateClip', clipId: clip.id, changes: g.changes }], labels[g.kind]);
  };

  const span = source ? clipSourceSpan(clip, source) : 0;
  const loops = clip.loopBeats ? Math.ceil(clip.length / clip.loopBeats) : 1;
  const loopWidth = clip.loopBeats ? beatToX(clip.loopBeats, doc.bpm, zoom) : width;
  const fadeInWidth = beatToX(clip.fadeIn.beats, doc.bpm, zoom);
  const fadeOutWidth = beatToX(clip.fadeOut.beats, doc.bpm, zoom);
  const status = missing ? 'missing' : flagged ? 'forbidden' : '';

  return (
    <div
      className={`clip ${status}${selected ? ' selected' : ''}${clip.active ? '' : ' inactive'}${identified ? ' identified' : ''}`}
      style={{ left, width, height: LANE_HEIGHT - 8 }}
      role="button"
      tabIndex={0}
      aria-label={`Clip ${source?.name ?? clip.sourceId} at beat ${Math.round(clip.start * 100) / 100}${flagged ? ` — not allowed: ${flagReason}` : identified ? ` — ${rights?.reason}` : ''}${missing ? ' — audio missing' : ''}${clip.active ? '' : ' — alternative take, not heard'}`}
      aria-pressed={selected}
      data-testid="clip"
      data-clip-id={clip.id}
      title={flagged ? flagReason : identified ? rights?.reason : missing ? 'The audio of this clip is not in the library.' : source?.name}
      onPointerDown={begin('move')}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onFocus={() => session.select(clip.id)}
      onKeyDown={(event) => {
        // Arrow keys nudge the focused clip by the grid, Alt+arrow by a sixteenth (Alt+← would otherwise go back in the browser).
        if ((event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        const current = session.document.clips.find((c) => c.id === clip.id);
        if (!current) return;
        const start = nudgedStart(current.start, event.key === 'ArrowLeft' ? -1 : 1, nudgeStep(session.state.get().snap, doc.timeSignature[0], event.altKey));
        if (start !== current.start) session.edit([{ type: 'updateClip', clipId: clip.id, changes: { start } }], 'Nudge clip');
      }}
    >
      <div className="clip-waveforms">
        {source &&
          Array.from({ length: loops }, (_, i) => (
            <div key={i} className="clip-loop" style={{ left: i * loopWidth, width: Math.min(loopWidth, width - i * loopWidth) }}>
              <Waveform
                peaks={peaks}
                start={clip.sourceOffset}
                end={clip.sourceOffset + span}
                height={LANE_HEIGHT - 26}
                color="#dfe7f5"
                label={`Waveform of ${source.name}`}
              />
            </div>
          ))}
      </div>
      <div className="clip-label">
        {flagged && (
          <span className="flag" aria-hidden="true">
            ⚠
          </span>
        )}
        {missing ? `Missing: ${source?.name ?? clip.sourceId}` : (source?.name ?? clip.sourceId)}
        {identified && (
          <span className="clip-tag catalog-audio" data-testid="catalog-audio-tag">
            catalog: {identified.stemName}
          </span>
        )}
        {clip.pitch !== 0 && (
          <span className="clip-tag">
            {clip.pitch > 0 ? '+' : ''}
            {clip.pitch} st
          </span>
        )}
        {clip.rate !== 1 && <span className="clip-tag">×{clip.rate}</span>}
        {clip.loopBeats && <span className="clip-tag">⟳</span>}
      </div>
      {fadeInWidth > 0 && <div className="fade fade-in" style={{ width: fadeInWidth }} />}
      {fadeOutWidth > 0 && <div className="fade fade-out" style={{ width: fadeOutWidth }} />}
      <div className="handle trim-start" aria-hidden="true" onPointerDown={begin('trim-start')} onPointerMove={onMove} onPointerUp={onUp} />
      <div className="handle trim-end" aria-hidden="true" onPointerDown={begin('trim-end')} onPointerMove={onMove} onPointerUp={onUp} />
      <div
        className="handle fade-in-handle"
        style={{ left: fadeInWidth }}
        aria-hidden="true"
        onPointerDown={begin('fade-in')}
        onPointerMove={onMove}
        onPointerUp={onUp}
      />
      <div
        className="handle fade-out-handle"
        style={{ right: fadeOutWidth }}
        aria-hidden="true"
        onPointerDown={begin('fade-out')}
        onPointerMove={onMove}
        onPointerUp={onUp}
      />
    </div>
  );
}

/** The original values of the changed keys. */
function pick(clip: Clip, changes: Partial<Clip>): Partial<Clip> {
  return Object.fromEntries(Object.keys(changes).map((key) => [key, clip[key as keyof Clip]])) as Partial<Clip>;
}

export { LANE_HEIGHT };
