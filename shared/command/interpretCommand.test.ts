import { describe, expect, it } from 'vitest';
import { evalProjectDocument, evalProjectRights } from '../../bench/commandEval/evalProject';
import { applyCommand } from '../project/applyCommand';
import type { Command } from '../project/commandSchema';
import type { ProjectDocument } from '../project/documentSchema';
import { candidateCommand, interpretCommand } from './interpretCommand';

const document = evalProjectDocument();
const rights = evalProjectRights();
const read = (text: string, doc: ProjectDocument = document) => interpretCommand(text, { document: doc, rights });
const after = (text: string, rank = 1, doc: ProjectDocument = document) => {
  const candidate = read(text, doc).candidates[rank - 1];
  if (!candidate) throw new Error(`no reading ${rank} of "${text}"`);
  return applyCommand(doc, candidateCommand(text, candidate)).document;
};
const track = (doc: ProjectDocument, name: string) => doc.tracks.find((t) => t.name === name)!;
const clipsOf = (doc: ProjectDocument, name: string) => doc.clips.filter((c) => c.trackId === track(doc, name).id).sort((a, b) => a.start - b.start);

describe('interpretCommand: the first reading of a sentence', () => {
  // phrase → its first reading's description (the evaluation set measures the rest; these pin the wording and the edge cases).
  it.each([
    ['mute the kick', 'Mute Kick'],
    ['mute teh hats', 'Mute Hats'],
    ['solo vox', 'Solo Lead vocal'],
    ['kill the drums', 'Mute Kick, Snare, Hats and Percussion'],
    ['mute the piano for the first 8 bars', 'Mute Piano for bars 1–8 (splits its clip at bar 9)'],
    ['mute the lead vocal in the last chorus', 'Mute Lead vocal in the third Chorus (bars 81–88) (splits its clip at bar 81)'],
    ['make the bass a bit louder', 'Raise Bass by 2 dB'],
    ['set the piano to -6 dB', 'Set Piano to −6 dB'],
    ['turn everything down a bit', 'Lower the master by 2 dB (to −2 dB)'],
    ['pan the hats hard right', 'Pan Hats to hard right'],
    ['tempo one twenty eight', 'Set the tempo to 128 BPM'],
    ['make it 5% slower', 'Set the tempo to 114 BPM (5% slower)'],
    ['change the key to C major', 'Change the key to C major (the relative key: nothing is transposed)'],
    ['half-time the bass', 'Half-time Bass (rate ×0.5)'],
    ['fade in the pad over 4 bars', 'Fade Pad in over 4 bars'],
    ['split the bass at bar 33', 'Split Bass at bar 33'],
    ['delete the second guitar clip', 'Delete the second Guitar clip (bar 33)'],
    ['loop the second verse', 'Loop Verse 2 (bars 33–48)'],
    ['bypass the bass eq', 'Turn EQ off on Bass (bypassed, settings kept)'],
    ['add a marker called breakdown at bar 57', 'Add a marker "breakdown" at bar 57'],
  ])('"%s" → %s', (text, description) => {
    expect(read(text).candidates[0]?.description).toBe(description);
  });

  it('mutes a stretch of time with ordinary commands: splits at its edges and turns that piece off', () => {
    const doc = after('drop the vocals in the chorus');
    const pieces = clipsOf(doc, 'Lead vocal');
    expect(pieces.map((c) => [c.start, c.start + c.length, c.active])).toEqual([
      [32, 96, true],
      [96, 128, false],
      [128, 352, true],
    ]);
    // The pieces play exactly the material the whole clip played there.
    expect(pieces[2]!.sourceOffset).toBeCloseTo(128 * 0.5, 9);
  });

  it('reads relative amounts, numbers in words and ordinals', () => {
    expect(track(after('much quieter hats'), 'Hats').gainDb).toBe(-4 - 6);
    expect(track(after('bring the snare up by four decibels'), 'Snare').gainDb).toBe(-2 + 4);
    expect(after('twice as fast').bpm).toBe(240);
    expect(after('loop bars nine through twelve').loop).toEqual({ enabled: true, start: 32, end: 48 });
    expect(clipsOf(after('mute the piano in the third chorus'), 'Piano').find((c) => !c.active)).toMatchObject({ start: 320, length: 32 });
  });

  it('offers every reasonable reading of an ambiguous sentence, best first', () => {
    const readings = read('make the piano louder in the chorus').candidates.map((c) => c.description);
    expect(readings.length).toBeGreaterThanOrEqual(3);
    expect(readings[0]).toMatch(/^Raise Piano by 3 dB in the Chorus \(bars 25–32\)/);
    expect(readings).toContainEqual(expect.stringMatching(/^Raise Piano by 3 dB in every Chorus/));
    expect(
      read('key of D')
        .candidates.slice(0, 4)
        .map((c) => c.description)
        .join('\n'),
    ).toMatch(/D major[\s\S]*D minor/);
  });

  it('is deterministic: the same sentence on the same document gives the same candidates, ids included', () => {
    const a = read('pan the lead vocal left in the chorus');
    const b = interpretCommand('pan the lead vocal left in the chorus', { document: evalProjectDocument(), rights: evalProjectRights() });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('every candidate is a valid edit of the document, applied as one labelled batch', () => {
    for (const text of [
      'mute the vocals in the chorus',
      'copy the chorus percussion to the bridge',
      'double time the hats',
      'more reverb on the vocals',
      'pan the lead vocal left in the chorus',
    ]) {
      for (const candidate of read(text).candidates) {
        const command = candidateCommand(text, candidate) as Extract<Command, { type: 'batch' }>;
        expect(command.label).toBe(text);
        expect(() => applyCommand(document, command)).not.toThrow();
      }
    }
  });
});

describe('interpretCommand: licences', () => {
  it('shows a rule-breaking reading with its reason, never alone when an allowed one exists', () => {
    const { candidates } = read('take it up to 128');
    expect(candidates[0]).toMatchObject({ description: 'Set the tempo to 128 BPM', licence: { allowed: false } });
    expect(candidates[0]!.licence.reasons[0]).toMatch(
      /The licence of "Riser" forbids time-stretching it; this would play it at 106\.7% of its speed on track "Riser"\./,
    );
    expect(candidates.some((c) => c.licence.allowed)).toBe(true);
    const repaired = candidates.find((c) => c.licence.allowed)!;
    expect(repaired.description).toBe('Set the tempo to 128 BPM, and mute Riser (its stem may not be time-stretched)');
  });

  it('refuses pitch-shifting a stem whose licence forbids it, and using a stem that may not be used', () => {
    const key = read('put it in E minor').candidates[0]!;
    expect(key.licence).toMatchObject({ allowed: false, breaches: [{ rule: 'no-pitch-shift', trackId: 'trk-lead' }] });
    const backing = read('unmute the backing vocals').candidates;
    expect(backing[0]!.licence).toMatchObject({ allowed: false, breaches: [{ rule: 'not-usable', sourceId: 'src-backing' }] });
    // Nothing permitted reads that sentence, so the refused reading is all there is.
    expect(backing.every((c) => !c.licence.allowed)).toBe(true);
  });

  it('does not repair a reading by muting the very track the sentence asked to change', () => {
    const candidates = read('halftime the riser').candidates;
    expect(candidates.filter((c) => c.description.startsWith('Half-time Riser')).every((c) => !c.licence.allowed)).toBe(true);
    expect(candidates.some((c) => /Half-time Riser.*and mute Riser/.test(c.description))).toBe(false);
  });

  it('does not blame an edit for a rule the project already breaks', () => {
    const broken = after('unmute the backing vocals');
    const louder = interpretCommand('make the drums louder', { document: broken, rights }).candidates[0]!;
    expect(louder.licence.allowed).toBe(true);
  });
});

describe('interpretCommand: hostile and empty input', () => {
  it.each([
    ['x'.repeat(301), 'A command is at most 300 characters (this one has 301).'],
    ['mute the\u0000 kick', 'A command cannot contain control characters.'],
    ['mute the kick\u202e', 'A command cannot contain control characters.'],
    ['   ', 'Type what you want to change, e.g. "mute the vocals in the chorus".'],
    ['set the tempo to 99999999999999999999', 'The tempo must be between 20 and 300 BPM (that number is not).'],
    ['set the tempo to 1000', 'The tempo must be between 20 and 300 BPM (1000 is not).'],
    ['transpose the piano up 4000 semitones', 'A transposition is at most 24 semitones either way.'],
    ['unmute the kick', 'Kick is already that way ("Unmute Kick" would change nothing).'],
    [
      'purple monkey dishwasher',
      'Nothing in "purple monkey dishwasher" reads as an edit of this project. Try e.g. "mute the vocals in the chorus" or "take it up to 128".',
    ],
  ])('%j → no candidate, one line saying why', (text, problem) => {
    const result = read(text);
    expect(result.candidates).toEqual([]);
    expect(result.problem).toBe(problem);
  });

  it('stays inside the document limits with huge relative amounts (clamped, never an invalid document)', () => {
    expect(track(after('turn the kick up 50 dB'), 'Kick').gainDb).toBe(12);
    for (const candidate of read('pan the hats 5000% right').candidates) expect(() => applyCommand(document, candidateCommand('x', candidate))).not.toThrow();
  });
});
