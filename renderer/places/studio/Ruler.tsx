import { useRef } from 'react';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { StudioSession } from './StudioSession';
import { beatToX, rulerStep, xToBeat } from './timelineGeometry';

/**
 * Bars and beats, markers and the loop region. Click to move the playhead;
 * drag to set the loop (which switches it on).
 */
export function Ruler({ session, document: doc, zoom, width }: { session: StudioSession; document: ProjectDocument; zoom: number; width: number }) {
  const drag = useRef<{ start: number; moved: boolean } | null>(null);
  const beatsPerBar = doc.timeSignature[0];
  const step = rulerStep(doc.bpm, zoom, beatsPerBar);
  const totalBeats = xToBeat(width, doc.bpm, zoom);
  const ticks = [];
  for (let beat = 0; beat <= totalBeats; beat += step) {
    const isBar = beat % beatsPerBar === 0;
    ticks.push(
      <div key={beat} className={`ruler-tick${isBar ? ' bar' : ''}`} style={{ left: beatToX(beat, doc.bpm, zoom) }}>
        <span>{isBar ? beat / beatsPerBar + 1 : `${Math.floor(beat / beatsPerBar) + 1}.${(beat % beatsPerBar) + 1}`}</span>
      </div>,
    );
  }
  const beatAt = (clientX: number, element: HTMLElement) => session.snapBeat(xToBeat(clientX - element.getBoundingClientRect().left, doc.bpm, zoom));
  return (
    <div
      className="ruler"
      style={{ width }}
      role="slider"
      aria-label="Timeline ruler: click to move the playhead, drag to set the loop"
      aria-valuemin={0}
      aria-valuemax={Math.round(totalBeats)}
      aria-valuenow={Math.round(session.engine.position.get().positionBeats)}
      data-testid="ruler"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { start: beatAt(e.clientX, e.currentTarget), moved: false };
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        const beat = beatAt(e.clientX, e.currentTarget);
        if (Math.abs(beat - drag.current.start) > 0) {
          drag.current.moved = true;
          const [start, end] = [Math.min(beat, drag.current.start), Math.max(beat, drag.current.start)];
          session.preview([{ type: 'setLoop', loop: { enabled: true, start, end } }]);
        }
      }}
      onPointerUp={(e) => {
        const state = drag.current;
        drag.current = null;
        if (!state) return;
        const beat = beatAt(e.clientX, e.currentTarget);
        if (state.moved && beat !== state.start) {
          const [start, end] = [Math.min(beat, state.start), Math.max(beat, state.start)];
          session.edit([{ type: 'setLoop', loop: { enabled: true, start, end } }], 'Set loop');
        } else {
          session.engine.seek(xToBeat(e.clientX - e.currentTarget.getBoundingClientRect().left, doc.bpm, zoom));
        }
      }}
    >
      {doc.loop.end > doc.loop.start && (
        <div
          className={`loop-region${doc.loop.enabled ? ' on' : ''}`}
          style={{ left: beatToX(doc.loop.start, doc.bpm, zoom), width: beatToX(doc.loop.end - doc.loop.start, doc.bpm, zoom) }}
          data-testid="loop-region"
        />
      )}
      {ticks}
      {doc.markers.map((marker) => (
        <div key={marker.id} className="marker" style={{ left: beatToX(marker.beat, doc.bpm, zoom) }} title={marker.name}>
          <span>{marker.name}</span>
        </div>
      ))}
    </div>
  );
}
