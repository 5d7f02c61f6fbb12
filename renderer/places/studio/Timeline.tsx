import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { OpenProject } from '../../../shared/contract/projectsContract';
import type { CatalogSource, ProjectDocument } from '../../../shared/project/documentSchema';
import { arrangementEnd, secondsToBeats } from '../../../shared/project/timing';
import { trackColorFor } from '../../../shared/project/createProjectDocument';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { Ruler } from './Ruler';
import { ClipView, LANE_HEIGHT } from './ClipView';
import { TrackHeader } from './TrackHeader';
import { beatToX, xToBeat } from './timelineGeometry';

/** What a stem dragged from the stem browser carries. */
export interface DraggedStem {
  readonly source: CatalogSource;
}

export const STEM_DRAG_TYPE = 'application/x-stemroom-stem';

/**
 * The arrangement: track headers on the left; ruler, lanes with clips and
 * the playhead on the right, scrolling horizontally. Ctrl+wheel zooms
 * around the pointer; stems dropped on a lane become clips there.
 * `children` are drawn over the lanes, in the lanes' coordinates.
 */
export function Timeline({ session, open, warnings, children }: { session: StudioSession; open: OpenProject; warnings: ReadonlyMap<string, string>; children?: ReactNode }) {
  const studio = useStore(session.state);
  const engine = useStore(session.engine.state);
  const doc = studio.document as ProjectDocument;
  const scroller = useRef<HTMLDivElement>(null);
  const lanes = useRef<HTMLDivElement>(null);
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const missing = new Set(open.missing.map((m) => m.sourceId));
  const endBeats = Math.max(arrangementEnd(doc), doc.loop.end) + doc.timeSignature[0] * 8;
  const width = Math.max(beatToX(endBeats, doc.bpm, studio.zoom), 800);
  const playheadX = beatToX(engine.positionBeats, doc.bpm, studio.zoom);

  // Keep the playhead in view while playing.
  useEffect(() => {
    const element = scroller.current;
    if (!element || !engine.playing) return;
    if (playheadX > element.scrollLeft + element.clientWidth - 40 || playheadX < element.scrollLeft) element.scrollLeft = Math.max(0, playheadX - 80);
  }, [playheadX, engine.playing]);

  const laneOf = useCallback(
    (clientY: number) => {
      const box = lanes.current?.getBoundingClientRect();
      if (!box) return undefined;
      const index = Math.floor((clientY - box.top) / LANE_HEIGHT);
      return session.document.tracks[index]?.id;
    },
    [session],
  );

  return (
    <div className="timeline">
      <div className="track-headers" aria-label="Tracks">
        <div className="ruler-spacer" />
        {doc.tracks.map((track) => (
          <TrackHeader key={track.id} session={session} track={track} selected={studio.selectedTrackId === track.id} warning={warnings.get(track.id)} />
        ))}
      </div>
      <div
        ref={scroller}
        className="timeline-scroll"
        data-testid="timeline"
        onWheel={(e) => {
          if (!(e.ctrlKey || e.metaKey)) return;
          e.preventDefault();
          const element = e.currentTarget;
          const pointerX = e.clientX - element.getBoundingClientRect().left + element.scrollLeft;
          const beat = xToBeat(pointerX, doc.bpm, studio.zoom);
          const zoom = studio.zoom * (e.deltaY < 0 ? 1.25 : 0.8);
          session.setZoom(zoom);
          requestAnimationFrame(() => (element.scrollLeft = beatToX(beat, doc.bpm, session.state.get().zoom) - (e.clientX - element.getBoundingClientRect().left)));
        }}
      >
        <Ruler session={session} document={doc} zoom={studio.zoom} width={width} />
        <div
          ref={lanes}
          className="lanes"
          style={{ width, height: (doc.tracks.length + 1) * LANE_HEIGHT }}
          onPointerDown={(e) => {
            if (e.target !== e.currentTarget) return;
            session.select(null, laneOf(e.clientY) ?? null);
            session.engine.seek(session.snapBeat(xToBeat(e.clientX - e.currentTarget.getBoundingClientRect().left, doc.bpm, studio.zoom)));
          }}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(STEM_DRAG_TYPE)) e.preventDefault();
          }}
          onDrop={(e) => {
            const data = e.dataTransfer.getData(STEM_DRAG_TYPE);
            if (!data) return;
            e.preventDefault();
            const { source } = JSON.parse(data) as DraggedStem;
            const trackId = laneOf(e.clientY);
            const beat = session.snapBeat(xToBeat(e.clientX - e.currentTarget.getBoundingClientRect().left, doc.bpm, studio.zoom));
            dropStem(session, source, trackId, beat);
          }}
        >
          {doc.tracks.map((track, i) => (
            <div key={track.id} className={`lane${studio.selectedTrackId === track.id ? ' selected' : ''}`} style={{ top: i * LANE_HEIGHT, height: LANE_HEIGHT }} />
          ))}
          <div className="lane new-track" style={{ top: doc.tracks.length * LANE_HEIGHT, height: LANE_HEIGHT }} data-testid="new-track-lane">
            Drop a stem here for a new track
          </div>
          {/* Alternative takes under the heard ones. */}
          {[...doc.clips].sort((a, b) => Number(a.active) - Number(b.active)).map((clip) => {
            const lane = doc.tracks.findIndex((t) => t.id === clip.trackId);
            return (
              <div key={clip.id} className="clip-slot" style={{ top: lane * LANE_HEIGHT + 4 }}>
                <ClipView
                  session={session}
                  doc={doc}
                  clip={clip}
                  source={sources.get(clip.sourceId)}
                  rights={open.rights[clip.sourceId]}
                  missing={missing.has(clip.sourceId)}
                  zoom={studio.zoom}
                  selected={studio.selectedClipId === clip.id}
                  laneOf={laneOf}
                />
              </div>
            );
          })}
          {doc.loop.enabled && doc.loop.end > doc.loop.start && (
            <div className="loop-shade" style={{ left: beatToX(doc.loop.start, doc.bpm, studio.zoom), width: beatToX(doc.loop.end - doc.loop.start, doc.bpm, studio.zoom) }} />
          )}
          {/* Layers drawn over the lanes (the command bar's preview). */}
          {children}
          <div className="playhead" style={{ left: playheadX }} aria-hidden="true" />
        </div>
      </div>
    </div>
  );
}

/** A stem dropped on a lane: add its source if new, then a clip of the whole stem at the drop point. */
function dropStem(session: StudioSession, source: CatalogSource, trackId: string | undefined, beat: number): void {
  const doc = session.document;
  const existing = doc.sources.find((s) => s.type === 'catalog' && s.stemId === source.stemId);
  const sourceId = existing?.id ?? source.id;
  const commands: Parameters<StudioSession['edit']>[0] = [];
  if (!existing) commands.push({ type: 'addSource', source });
  let targetTrack = trackId;
  if (!targetTrack) {
    targetTrack = session.newId('trk');
    commands.push({ type: 'addTrack', track: { id: targetTrack, name: source.name, color: trackColorFor(source.kind), kind: 'audio', gainDb: 0, pan: 0, mute: false, solo: false, effects: [], volumeAutomation: [] } });
  }
  const length = secondsToBeats(source.durationSec, source.bpm);
  commands.push({
    type: 'addClip',
    clip: { id: session.newId('clip'), trackId: targetTrack, sourceId, start: beat, length, sourceOffset: 0, gainDb: 0, fadeIn: { beats: 0, curve: 'linear' }, fadeOut: { beats: 0, curve: 'linear' }, rate: 1, pitch: 0, loopBeats: null, active: true },
  });
  session.edit(commands, `Add ${source.name}`);
}
