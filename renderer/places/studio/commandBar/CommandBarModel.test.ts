import { describe, expect, it } from 'vitest';
import { evalProjectDocument, evalProjectRights } from '../../../../bench/commandEval/evalProject';
import { applyCommand } from '../../../../shared/project/applyCommand';
import type { Command } from '../../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../../shared/project/documentSchema';
import { Store } from '../../../../engine/browser/Store';
import type { Bridge } from '../../../bridge';
import type { StudioSession } from '../StudioSession';
import { CommandBarModel } from './CommandBarModel';
import { previewChanges } from './previewChanges';

/**
 * The studio around the bar, reduced to what the bar uses: the document
 * and rights, an engine that records which document it was given, and the
 * one door for edits (`editVia`), which applies like the real session does.
 */
function studio(playing: boolean) {
  let document = evalProjectDocument();
  const played: ProjectDocument[] = [];
  const sent: { commands: Command[]; label: string }[] = [];
  const calls: unknown[] = [];
  const session = {
    projectId: '00000000-0000-0000-0000-000000000001',
    get document() {
      return document;
    },
    state: new Store({ open: { rights: evalProjectRights() } }),
    engine: { state: new Store({ playing }), position: new Store({ positionBeats: 0 }), setDocument: async (doc: ProjectDocument) => void played.push(doc) },
    editVia(commands: Command[], label: string, send: () => Promise<unknown>) {
      document = applyCommand(document, { type: 'batch', label, commands }).document;
      sent.push({ commands, label });
      void send();
      return true;
    },
  } as unknown as StudioSession;
  const bridge = { call: async (channel: string, request: unknown) => (calls.push({ channel, request }), { applied: { history: {} } }) } as unknown as Bridge;
  return { model: new CommandBarModel(session, bridge), played, sent, calls, document: () => document };
}

describe('CommandBarModel', () => {
  it('previews the highlighted reading without writing it; while playing the engine plays the preview, and Escape restores', () => {
    const { model, played, sent, document } = studio(true);
    const original = document();
    model.open();
    model.setText('mute the vocals in the chorus');
    const first = model.state.get().preview!;
    expect(first.candidate.rank).toBe(1);
    expect(first.after.clips.some((c) => !c.active)).toBe(true);
    expect(played.at(-1)).toBe(first.after);
    model.move(1);
    expect(model.state.get().active).toBe(1);
    expect(played.at(-1)).toBe(model.state.get().preview!.after);
    model.close();
    expect(played.at(-1)).toBe(original);
    expect(document()).toBe(original);
    expect(sent).toEqual([]);
  });

  it('leaves the engine alone when not playing', () => {
    const { model, played } = studio(false);
    model.open();
    model.setText('take it up to 128');
    model.move(1);
    model.close();
    expect(played).toEqual([]);
  });

  it('Enter applies one labelled step through projects.command, with what was previewed; a forbidden reading is not applied', () => {
    const { model, sent, calls } = studio(false);
    model.open();
    model.setText('take it up to 128');
    expect(model.state.get().interpretation!.candidates[0]!.licence.allowed).toBe(false);
    expect(model.apply(0)).toBe(false);
    expect(model.state.get().message).toMatch(/^Reading 1 cannot be applied: The licence of "Riser" forbids time-stretching it/);
    expect(sent).toEqual([]);
    expect(model.apply(1)).toBe(true);
    expect(sent).toEqual([
      {
        commands: [
          { type: 'setTempo', bpm: 128 },
          { type: 'updateTrack', trackId: 'trk-riser', changes: { mute: true, solo: false } },
        ],
        label: 'take it up to 128',
      },
    ]);
    expect(calls).toEqual([
      {
        channel: 'projects.command',
        request: { projectId: '00000000-0000-0000-0000-000000000001', text: 'take it up to 128', apply: 2, expect: sent[0]!.commands, playheadBeat: 0 },
      },
    ]);
    expect(model.state.get().open).toBe(false);
  });
});

describe('previewChanges', () => {
  it('draws a region mute as its silence (not as the pieces a split leaves), and a track change as a badge', () => {
    const before = evalProjectDocument();
    const after = applyCommand(before, {
      type: 'batch',
      commands: [
        { type: 'splitClip', clipId: 'clip-lead', beat: 96, newClipId: 'a' },
        { type: 'splitClip', clipId: 'a', beat: 128, newClipId: 'b' },
        { type: 'updateClip', clipId: 'a', changes: { active: false } },
        { type: 'removeClip', clipId: 'clip-guitar-2' },
        { type: 'updateTrack', trackId: 'trk-kick', changes: { mute: true, gainDb: 3 } },
        { type: 'setTempo', bpm: 128 },
      ],
    }).document;
    const changes = previewChanges(before, after);
    expect(changes.clips.map((c) => [c.kind, c.clip.start, c.clip.length])).toEqual([
      ['split', 32, 64],
      ['split', 128, 224],
      ['removed', 128, 64],
      ['silenced', 96, 32],
    ]);
    expect(changes.tracks).toEqual([{ lane: 0, name: 'Kick', tags: ['muted', 'fader +3 dB'], added: false }]);
    expect(changes.song).toEqual(['Tempo 120 → 128 BPM']);
  });
});
