import { describe, expect, it } from 'vitest';
import { applyCommand } from './applyCommand';
import { compTakes } from './compTakes';
import type { Clip, ProjectDocument, RecordingSource } from './documentSchema';
import { sampleDocument, testClip, testTrack } from '../../tests/fixtures/sampleDocument';

const take = (n: number): RecordingSource => ({
  id: `src-take-${n}`,
  type: 'recording',
  sha256: String(n).repeat(64),
  name: `Take ${n}`,
  bpm: 100,
  durationSec: 20,
  sampleRate: 48000,
  recordedAt: '2026-11-24T10:00:00Z',
});
const clip = (n: number, active: boolean): Clip => testClip({ id: `clip-take-${n}`, trackId: 'trk-rec', sourceId: `src-take-${n}`, length: 16, active });

function withTakes(): ProjectDocument {
  const doc = sampleDocument();
  return {
    ...doc,
    sources: [...doc.sources, take(1), take(2), take(3)],
    tracks: [...doc.tracks, testTrack({ id: 'trk-rec', name: 'Vocal takes' })],
    clips: [...doc.clips, clip(1, true), clip(2, false), clip(3, false)],
  };
}

/** Which take is heard at each beat 0…15 on the take track. */
function heard(doc: ProjectDocument): (string | null)[] {
  return Array.from({ length: 16 }, (_, beat) => {
    const playing = doc.clips.filter((c) => c.trackId === 'trk-rec' && c.active && c.start <= beat + 0.5 && c.start + c.length > beat + 0.5);
    expect(playing.length).toBeLessThanOrEqual(1);
    return playing[0]?.sourceId.replace('src-take-', '') ?? null;
  });
}

const apply = (doc: ProjectDocument, commands: ReturnType<typeof compTakes>) => applyCommand(doc, { type: 'batch', label: 'Comp', commands });

describe('compTakes', () => {
  it('makes one take heard inside a region and leaves the rest of the track as it was; undo restores it', () => {
    const doc = withTakes();
    let n = 0;
    const commands = compTakes(doc, 'trk-rec', 'src-take-2', 4, 8, () => `clip-new-${++n}`);
    const { document, inverse } = apply(doc, commands);
    expect(heard(document)).toEqual(['1', '1', '1', '1', '2', '2', '2', '2', '1', '1', '1', '1', '1', '1', '1', '1']);
    // Every take is still there, split at the region's edges, for the next choice.
    expect(document.clips.filter((c) => c.sourceId === 'src-take-3')).toHaveLength(3);
    expect(applyCommand(document, inverse).document).toStrictEqual(doc);
  });

  it('comps region by region, and "keep this take" over the whole track', () => {
    let doc = withTakes();
    let n = 0;
    const id = () => `clip-new-${++n}`;
    doc = apply(doc, compTakes(doc, 'trk-rec', 'src-take-2', 4, 8, id)).document;
    doc = apply(doc, compTakes(doc, 'trk-rec', 'src-take-3', 6, 12, id)).document;
    expect(heard(doc)).toEqual(['1', '1', '1', '1', '2', '2', '3', '3', '3', '3', '3', '3', '1', '1', '1', '1']);
    doc = apply(doc, compTakes(doc, 'trk-rec', 'src-take-3', 0, 16, id)).document;
    expect(heard(doc)).toEqual(Array(16).fill('3'));
    // Other tracks are untouched.
    expect(doc.clips.filter((c) => c.trackId !== 'trk-rec')).toStrictEqual(withTakes().clips.filter((c) => c.trackId !== 'trk-rec'));
  });

  it('does nothing for an empty range', () => {
    expect(compTakes(withTakes(), 'trk-rec', 'src-take-2', 5, 5, () => 'x')).toEqual([]);
  });
});
