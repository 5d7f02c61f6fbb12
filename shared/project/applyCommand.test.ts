import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, CommandRejected } from './applyCommand';
import type { Command } from './commandSchema';
import { commandSchema } from './commandSchema';
import type { ProjectDocument } from './documentSchema';
import { documentProblems } from './validateDocument';
import { createProjectDocument } from './createProjectDocument';
import { sampleDocument, sampleRecording } from '../../tests/fixtures/sampleDocument';

/** Raw random choices; `commandFrom` turns them into a command against the current document. */
const step = fc.record({
  kind: fc.nat(22),
  pick: fc.nat(1000),
  x: fc.double({ min: -20, max: 400, noNaN: true }),
  y: fc.double({ min: -30, max: 30, noNaN: true }),
  flag: fc.boolean(),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

let counter = 0;
function commandFrom(doc: ProjectDocument, s: Step): Command {
  const pickFrom = <T>(list: readonly T[]): T | undefined => list[s.pick % Math.max(1, list.length)];
  const clip = pickFrom(doc.clips);
  const track = pickFrom(doc.tracks);
  const marker = pickFrom(doc.markers);
  const fresh = `gen-${++counter}`;
  switch (s.kind) {
    case 0:
      return { type: 'setTempo', bpm: s.x };
    case 1:
      return { type: 'updateTrack', trackId: track?.id ?? 'nope', changes: { mute: s.flag } };
    case 2:
      return { type: 'updateTrack', trackId: track?.id ?? 'nope', changes: { gainDb: s.y, pan: s.y / 20 } };
    case 3:
      return { type: 'updateClip', clipId: clip?.id ?? 'nope', changes: { start: s.x } };
    case 4:
      return { type: 'updateClip', clipId: clip?.id ?? 'nope', changes: { trackId: track?.id ?? 'nope', start: Math.abs(s.x) } };
    case 5:
      return { type: 'updateClip', clipId: clip?.id ?? 'nope', changes: { length: s.x / 4, sourceOffset: Math.abs(s.y) } };
    case 6:
      return { type: 'splitClip', clipId: clip?.id ?? 'nope', beat: s.x, newClipId: fresh };
    case 7:
      return { type: 'removeClip', clipId: clip?.id ?? 'nope' };
    case 8:
      return clip ? { type: 'addClip', clip: { ...clip, id: fresh, start: Math.abs(s.x) } } : { type: 'removeClip', clipId: 'nope' };
    case 9:
      return {
        type: 'updateClip',
        clipId: clip?.id ?? 'nope',
        changes: { fadeIn: { beats: Math.abs(s.y), curve: 'equal-power' }, fadeOut: { beats: Math.abs(s.y) / 2, curve: 'exponential' } },
      };
    case 10:
      return { type: 'updateClip', clipId: clip?.id ?? 'nope', changes: { rate: Math.abs(s.y) / 4, pitch: Math.round(s.y) } };
    case 11:
      return { type: 'updateClip', clipId: clip?.id ?? 'nope', changes: { loopBeats: s.flag ? Math.abs(s.y) : null } };
    case 12:
      return {
        type: 'addEffect',
        trackId: track?.id ?? 'nope',
        effect: { id: fresh, enabled: true, params: { type: 'reverb', decaySec: Math.abs(s.y) / 3 + 0.1, preDelayMs: 10, mix: 0.3 } },
      };
    case 13: {
      const effect = doc.tracks.flatMap((t) => t.effects.map((e) => ({ t, e }))).at(s.pick % 7);
      return effect ? { type: 'removeEffect', trackId: effect.t.id, effectId: effect.e.id } : { type: 'setKey', key: 'C major' };
    }
    case 14:
      return { type: 'addMarker', marker: { id: fresh, beat: s.x, name: 'Drop' } };
    case 15:
      return marker ? { type: 'updateMarker', markerId: marker.id, changes: { beat: s.x } } : { type: 'removeMarker', markerId: 'nope' };
    case 16:
      return { type: 'setLoop', loop: { enabled: s.flag, start: Math.abs(s.y), end: s.x } };
    case 17:
      return { type: 'moveTrack', trackId: track?.id ?? 'nope', index: s.pick % 6 };
    case 18:
      return { type: 'removeTrack', trackId: track?.id ?? 'nope' };
    case 19:
      return { type: 'updateMaster', changes: { gainDb: s.y, limiterCeilingDb: -Math.abs(s.y) / 3 } };
    case 20:
      return { type: 'setKey', key: s.flag ? 'C major' : 'F# minor' };
    case 21:
      return {
        type: 'batch',
        label: 'Nudge',
        commands: doc.clips.slice(0, 3).map((c) => ({ type: 'updateClip', clipId: c.id, changes: { start: c.start + s.y } })),
      };
    default:
      return { type: 'rename', name: s.flag ? `Remix ${s.pick}` : '' };
  }
}

describe('applyCommand (property tests over random command sequences)', () => {
  it('keeps the document valid, rejects without changing anything, and every inverse restores the document exactly', () => {
    const tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let doc = sampleDocument();
        const original = structuredClone(doc);
        const undo: Command[] = [];
        for (const s of steps) {
          const command = commandFrom(doc, s);
          const before = structuredClone(doc);
          if (!commandSchema.safeParse(command).success) {
            // The contract refuses malformed commands; applyCommand must refuse them too.
            expect(() => applyCommand(doc, command)).toThrow(CommandRejected);
            continue;
          }
          let applied;
          try {
            applied = applyCommand(doc, command);
          } catch (error) {
            expect(error).toBeInstanceOf(CommandRejected);
            expect(doc).toStrictEqual(before);
            tally.rejected++;
            continue;
          }
          expect(documentProblems(applied.document)).toEqual([]);
          expect(applyCommand(applied.document, applied.inverse).document).toStrictEqual(before);
          expect(doc).toStrictEqual(before); // the input was not mutated
          doc = applied.document;
          undo.push(applied.inverse);
          tally.accepted++;
        }
        for (const inverse of undo.reverse()) doc = applyCommand(doc, inverse).document;
        expect(doc).toStrictEqual(original);
      }),
      { numRuns: 300 },
    );
    // The generator must exercise real edits, not only refusals.
    expect(tally.accepted / (tally.accepted + tally.rejected)).toBeGreaterThan(0.4);
  });
});

describe('applyCommand examples', () => {
  it('splits a clip at a beat: source offsets line up, fades stay on the outer ends', () => {
    const doc = sampleDocument();
    const clip = { ...doc.clips[0]!, fadeIn: { beats: 1, curve: 'linear' as const }, fadeOut: { beats: 2, curve: 'linear' as const } };
    const withFades = applyCommand(doc, { type: 'updateClip', clipId: clip.id, changes: { fadeIn: clip.fadeIn, fadeOut: clip.fadeOut } }).document;
    const { document } = applyCommand(withFades, { type: 'splitClip', clipId: clip.id, beat: 16, newClipId: 'right' });
    const left = document.clips.find((c) => c.id === clip.id)!;
    const right = document.clips.find((c) => c.id === 'right')!;
    expect(left).toMatchObject({ start: 0, length: 16, fadeIn: { beats: 1 }, fadeOut: { beats: 0 } });
    expect(right).toMatchObject({ start: 16, length: clip.length - 16, sourceOffset: 16 * 0.6, fadeIn: { beats: 0 }, fadeOut: { beats: 2 } });
  });

  it.each<[string, Command, RegExp]>([
    ['a negative position', { type: 'updateClip', clipId: 'clip-drums', changes: { start: -1 } }, /start/],
    [
      'a clip beyond its source',
      { type: 'updateClip', clipId: 'clip-drums', changes: { sourceOffset: 30 } },
      /reaches .* into "Drums", which is only 38\.400 s long/,
    ],
    ['a gain out of range', { type: 'updateTrack', trackId: 'trk-bass', changes: { gainDb: 40 } }, /gainDb/],
    ['a rate out of range', { type: 'updateClip', clipId: 'clip-bass', changes: { rate: 9 } }, /rate/],
    ['a tempo out of range', { type: 'setTempo', bpm: 900 }, /bpm/],
    ['an unknown clip', { type: 'removeClip', clipId: 'ghost' }, /no clip "ghost"/],
    ['removing a track that has clips', { type: 'removeTrack', trackId: 'trk-keys' }, /still has clips/],
    ['a split outside the clip', { type: 'splitClip', clipId: 'clip-keys', beat: 500, newClipId: 'x' }, /not inside the clip/],
    ['a loop ending before it starts', { type: 'setLoop', loop: { enabled: true, start: 8, end: 4 } }, /loop ends before it starts/],
  ])('rejects %s with a reason', (_name, command, reason) => {
    const doc = sampleDocument();
    expect(() => applyCommand(doc, command)).toThrow(reason);
  });
});

describe('createProjectDocument', () => {
  it('starts a remix with one track per stem at bar 1, at the recording tempo and key, with its sections as markers', () => {
    const doc = sampleDocument();
    expect(doc.tracks.map((t) => t.name)).toEqual(['Drums', 'Bass', 'Keys', 'Lead vocal']);
    expect(doc.clips.every((c) => c.start === 0)).toBe(true);
    expect(doc).toMatchObject({ bpm: 100, key: 'A minor', kind: 'remix' });
    expect(doc.markers).toEqual([
      { id: 'mk-1', beat: 0, name: 'Intro' },
      { id: 'mk-2', beat: 8, name: 'Verse' },
      { id: 'mk-3', beat: 32, name: 'Chorus' },
    ]);
    expect(documentProblems(doc)).toEqual([]);
  });

  it('starts a cover with only the stems its licences allow, plus a record track', () => {
    const doc = createProjectDocument(sampleRecording, 'cover', 'Cover');
    expect(doc.tracks.map((t) => [t.name, t.kind])).toEqual([
      ['Drums', 'audio'],
      ['Bass', 'audio'],
      ['Keys', 'audio'],
      ['Recording', 'record'],
    ]);
    expect(documentProblems(doc)).toEqual([]);
  });
});
