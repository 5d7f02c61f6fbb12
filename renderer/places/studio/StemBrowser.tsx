import { useState } from 'react';
import type { CatalogSource } from '../../../shared/project/documentSchema';
import { useContract } from '../../hooks/useContract';
import { stemColor } from '../../../shared/project/stemColor';
import { STEM_DRAG_TYPE, type DraggedStem } from './Timeline';

/** Catalog stems to drag onto a lane (mashups, extra parts); each shows whether its licence allows it here. */
export function StemBrowser({ kind }: { kind: 'remix' | 'cover' }) {
  const [text, setText] = useState('');
  const search = useContract('catalog.search', { text: text || undefined, limit: 50 });
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const recording = useContract('catalog.recording', recordingId ? { id: recordingId } : null);
  return (
    <aside className="stem-browser" aria-label="Stem browser">
      <input type="search" aria-label="Find stems" placeholder="Find a recording…" value={text} onChange={(e) => setText(e.target.value)} />
      <select aria-label="Recording" value={recordingId ?? ''} onChange={(e) => setRecordingId(e.target.value || null)}>
        <option value="">Choose a recording</option>
        {search.value?.items.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} — {r.displayArtist} ({r.bpm} BPM)
          </option>
        ))}
      </select>
      <ul className="stem-browser-list">
        {recording.value?.stems.map((stem) => {
          const usability = stem[kind];
          const source: CatalogSource = {
            id: `src-${stem.id}`,
            type: 'catalog',
            stemId: stem.id,
            recordingId: recording.value!.id,
            packageId: recording.value!.package.id,
            sha256: stem.sha256,
            name: `${stem.name} (${recording.value!.title})`,
            kind: stem.kind as CatalogSource['kind'],
            bpm: recording.value!.bpm,
            key: recording.value!.key,
            durationSec: stem.durationSec,
            sampleRate: stem.sampleRate,
          };
          return (
            <li
              key={stem.id}
              draggable
              className={usability.usable ? '' : 'restricted'}
              title={usability.usable ? 'Drag onto a lane' : usability.reason}
              onDragStart={(e) => {
                const payload: DraggedStem = { source };
                e.dataTransfer.setData(STEM_DRAG_TYPE, JSON.stringify(payload));
                e.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <span className="swatch" style={{ background: stemColor(stem.kind) }} />
              {stem.name}
              {!usability.usable && <span className="flag">⚠</span>}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
