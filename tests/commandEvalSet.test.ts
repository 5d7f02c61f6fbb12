import { describe, expect, it } from 'vitest';
import { applyCommand } from '../shared/project/applyCommand';
import type { Command } from '../shared/project/commandSchema';
import { evalProjectDocument } from '../bench/commandEval/evalProject';
import { loadEvalSet, type Expectation } from '../bench/commandEval/evalSet';
import { matchesReading } from '../bench/commandEval/matchReading';
import { documentProblems } from '../shared/project/validateDocument';

const document = evalProjectDocument();
const after = (...commands: Command[]) => applyCommand(document, { type: 'batch', commands }).document;
const names = new Set(document.tracks.map((t) => t.name));
const tracksOf = (e: Expectation): string[] => ('track' in e ? (Array.isArray(e.track) ? e.track : [e.track]) : []);

describe('the command evaluation set', () => {
  const tuning = loadEvalSet('tuning');
  const heldout = loadEvalSet('heldout');

  it('has at least 150 phrasings, a held-out part, unique ids, and names only what the project has', () => {
    expect(tuning.length + heldout.length).toBeGreaterThanOrEqual(150);
    expect(heldout.length).toBeGreaterThanOrEqual(50);
    const ids = [...tuning, ...heldout].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of [...tuning, ...heldout])
      for (const reading of entry.accept) for (const e of reading) for (const t of tracksOf(e)) expect(names, `${entry.id}: ${t}`).toContain(t);
    expect(documentProblems(document)).toEqual([]);
  });

  it('judges by effect: a region mute done by splitting matches its reading whether the piece is turned off or deleted, and nothing else does', () => {
    const reading: Expectation[] = [{ track: 'Piano', region: [0, 32], heard: false }];
    const off = after(
      { type: 'splitClip', clipId: 'clip-piano', beat: 32, newClipId: 'p2' },
      { type: 'updateClip', clipId: 'clip-piano', changes: { active: false } },
    );
    const deleted = after({ type: 'splitClip', clipId: 'clip-piano', beat: 32, newClipId: 'p2' }, { type: 'removeClip', clipId: 'clip-piano' });
    const tooMuch = after(
      { type: 'splitClip', clipId: 'clip-piano', beat: 36, newClipId: 'p2' },
      { type: 'updateClip', clipId: 'clip-piano', changes: { active: false } },
    );
    const plusMore = after(
      { type: 'splitClip', clipId: 'clip-piano', beat: 32, newClipId: 'p2' },
      { type: 'updateClip', clipId: 'clip-piano', changes: { active: false } },
      { type: 'setTempo', bpm: 121 },
    );
    expect(matchesReading(document, off, reading)).toBe(true);
    expect(matchesReading(document, deleted, reading)).toBe(true);
    expect(matchesReading(document, tooMuch, reading)).toBe(false);
    expect(matchesReading(document, plusMore, reading)).toBe(false);
    expect(matchesReading(document, after({ type: 'updateTrack', trackId: 'trk-piano', changes: { mute: true } }), reading)).toBe(false);
  });

  it('checks amounts against their ranges and switches against what they already were', () => {
    const louder = [{ track: 'Bass', gainDelta: [1, 3] }] as Expectation[];
    expect(matchesReading(document, after({ type: 'updateTrack', trackId: 'trk-bass', changes: { gainDb: 1 } }), louder)).toBe(true);
    expect(matchesReading(document, after({ type: 'updateTrack', trackId: 'trk-bass', changes: { gainDb: 5 } }), louder)).toBe(false);
    // Backing vocals are already muted: "mute both vocal tracks" is met by muting the lead.
    const both = [{ track: ['Lead vocal', 'Backing vocals'], mute: true }] as Expectation[];
    expect(matchesReading(document, after({ type: 'updateTrack', trackId: 'trk-lead', changes: { mute: true } }), both)).toBe(true);
  });
});
