import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { OpenProject } from '../../../shared/contract/projectsContract';
import type { CatalogSource, ProjectDocument } from '../../../shared/project/documentSchema';
import { arrangementEnd, secondsToBeats } from '../../../shared/project/timing';
import { stemColor } from '../../../shared/project/stemColor';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { Ruler } from './Ruler';
import { ClipView, LANE_HEIGHT } from './ClipView';
import { TrackHeader } from './TrackHeader';
import { Playhead } from './Playhead';
import { beatToX, HEADER_WIDTH, RULER_HEIGHT, xToBeat } from './timelineGeometry';
import type { RightsWarnings } from './rightsWarnings';

/** What a stem dragged from the stem browser carries. */
export interface DraggedStem {
  readonly source: CatalogSource;
}

export const STEM_DRAG_TYPE = 'application/x-stemroom-stem';

/**
 * The arrangement in one scrolling area: the ruler sticks to its top and the
 * track headers to its left, so whatever scrolls the lanes (the wheel, a
 * clip taking keyboard focus, the playhead) scrolls them too and a header
 * always sits beside its lane. Ctrl+wheel zooms around the pointer; stems
 * dropped on a lane become clips there. `children` are drawn over the
 * lanes, in the lanes' coordinates (the command bar's preview).
 */
export function Timeline({ session, open, warnings, children }: { session: StudioSession; open: OpenProject; warnings: RightsWarnings; children?: ReactNode }) {
  const studio = useStore(session.state);
  const doc = studio.document as ProjectDocument;
  const scroller = useRef<HTMLDivElement>(null);
  const lanes = useRef<HTMLDivElement>(null);
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const missing = new Set(open.missing.map((m) => m.sourceId));
  const endBeats = Math.max(arrangementEnd(doc), doc.loop.end) + doc.timeSignature[0] * 8;
  const viewWidth = useClientWidth(scroller);
  // The lanes and the ruler fill the view at least, so the arrangement never ends in a blank strip.
  const width = Math.max(beatToX(endBeats, doc.bpm, studio.zoom), 800, viewWidth - HEADER_WIDTH);

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
    <div
      ref={scroller}
      className="timeline"
      data-testid="timeline"
      style={{ scrollPaddingLeft: HEADER_WIDTH, scrollPaddingTop: RULER_HEIGHT }}
      onWheel={(e) => {
        if (!(e.ctrlKey || e.metaKey)) return;
        e.preventDefault();
        const element = e.currentTarget;
        const pointer = e.clientX - element.getBoundingClientRect().left - HEADER_WIDTH;
        const beat = xToBeat(pointer + element.scrollLeft, doc.bpm, studio.zoom);
        session.setZoom(studio.zoom * (e.deltaY < 0 ? 1.25 : 0.8));
        requestAnimationFrame(() => (element.scrollLeft = beatToX(beat, doc.bpm, session.state.get().zoom) - pointer));
      }}
    >
      <div className="timeline-canvas" style={{ width: HEADER_WIDTH + width }}>
        <div className="timeline-top" style={{ height: RULER_HEIGHT }}>
          <div className="ruler-corner" style={{ width: HEADER_WIDTH }} />
          <Ruler session={session} document={doc} zoom={studio.zoom} width={width} />
        </div>
        <div className="timeline-body">
          <div className="track-headers" aria-label="Tracks" style={{ width: HEADER_WIDTH }}>
            {doc.tracks.map((track) => (
              <TrackHeader
                key={track.id}
                session={session}
                track={track}
                selected={studio.selectedTrackId === track.id}
                warning={warnings.byTrack.get(track.id)}
              />
            ))}
          </div>
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
              <div
                key={track.id}
                className={`lane${studio.selectedTrackId === track.id ? ' selected' : ''}`}
                style={{ top: i * LANE_HEIGHT, height: LANE_HEIGHT }}
              />
            ))}
            <div className="lane new-track" style={{ top: doc.tracks.length * LANE_HEIGHT, height: LANE_HEIGHT }} data-testid="new-track-lane">
              Drop a stem here for a new track
            </div>
            {/* Alternative takes under the heard ones. */}
            {[...doc.clips]
              .sort((a, b) => Number(a.active) - Number(b.active))
              .map((clip) => {
                const lane = doc.tracks.findIndex((t) => t.id === clip.trackId);
                return (
                  <div key={clip.id} className="clip-slot" style={{ top: lane * LANE_HEIGHT + 4 }}>
                    <ClipView
                      session={session}
                      doc={doc}
                      clip={clip}
                      source={sources.get(clip.sourceId)}
                      rights={open.rights[clip.sourceId]}
                      breach={warnings.byClip.get(clip.id)}
                      missing={missing.has(clip.sourceId)}
                      zoom={studio.zoom}
                      selected={studio.selectedClipId === clip.id}
                      laneOf={laneOf}
                    />
                  </div>
                );
              })}
            {doc.loop.enabled && doc.loop.end > doc.loop.start && (
              <div
                className="loop-shade"
                style={{ left: beatToX(doc.loop.start, doc.bpm, studio.zoom), width: beatToX(doc.loop.end - doc.loop.start, doc.bpm, studio.zoom) }}
              />
            )}
            {/* Layers drawn over the lanes (the command bar's preview). */}
            {children}
            <Playhead session={session} bpm={doc.bpm} zoom={studio.zoom} scroller={scroller} inset={HEADER_WIDTH} />
          </div>
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
    commands.push({
      type: 'addTrack',
      track: {
        id: targetTrack,
        name: source.name,
        color: stemColor(source.kind),
        kind: 'audio',
        gainDb: 0,
        pan: 0,
        mute: false,
        solo: false,
        effects: [],
        volumeAutomation: [],
      },
    });
  }
  const length = secondsToBeats(source.durationSec, source.bpm);
  commands.push({
    type: 'addClip',
    clip: {
      id: session.newId('clip'),
      trackId: targetTrack,
      sourceId,
      start: beat,
      length,
      sourceOffset: 0,
      gainDb: 0,
      fadeIn: { beats: 0, curve: 'linear' },
      fadeOut: { beats: 0, curve: 'linear' },
      rate: 1,
      pitch: 0,
      loopBeats: null,
      active: true,
    },
  });
  session.edit(commands, `Add ${source.name}`);
}

/** An element's inner width, kept up to date as it resizes. */
function useClientWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
