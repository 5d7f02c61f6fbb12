import { describe, expect, it } from 'vitest';
import { evalProjectDocument, evalProjectRights } from '../../bench/commandEval/evalProject';
import { applyCommand } from '../project/applyCommand';
import type { Command } from '../project/commandSchema';
import { stemRuleBreaches } from './stemRuleBreaches';

const rights = evalProjectRights();
const breaches = (...commands: Command[]) =>
  stemRuleBreaches(applyCommand(evalProjectDocument(), { type: 'batch', commands }).document, rights).map((b) => `${b.rule} ${b.trackId}`);

describe('stemRuleBreaches: rule → edit → breach', () => {
  it('nothing is broken as the project stands (the forbidden stem is muted)', () => {
    expect(breaches()).toEqual([]);
  });
  it.each<[string, Command[], string[]]>([
    ['not-usable: unmuting the forbidden stem', [{ type: 'updateTrack', trackId: 'trk-backing', changes: { mute: false } }], ['not-usable trk-backing']],
    ['not-usable: soloing it (solo beats mute)', [{ type: 'updateTrack', trackId: 'trk-backing', changes: { solo: true } }], ['not-usable trk-backing']],
    ['no-pitch-shift: a clip transposed', [{ type: 'updateClip', clipId: 'clip-lead', changes: { pitch: 2 } }], ['no-pitch-shift trk-lead']],
    ['no-pitch-shift: the project key moved', [{ type: 'setKey', key: 'B minor' }], ['no-pitch-shift trk-lead']],
    ['no-pitch-shift: the relative key moves nothing', [{ type: 'setKey', key: 'C major' }], []],
    [
      'no-pitch-shift: transposed back by the clip is no shift',
      [
        { type: 'setKey', key: 'B minor' },
        { type: 'updateClip', clipId: 'clip-lead', changes: { pitch: -2 } },
      ],
      [],
    ],
    ['no-time-stretch: a new tempo', [{ type: 'setTempo', bpm: 128 }], ['no-time-stretch trk-riser']],
    ['no-time-stretch: half-time clips', [{ type: 'updateClip', clipId: 'clip-riser-1', changes: { rate: 0.5 } }], ['no-time-stretch trk-riser']],
    [
      'no-time-stretch: a muted track is not heard',
      [
        { type: 'setTempo', bpm: 128 },
        { type: 'updateTrack', trackId: 'trk-riser', changes: { mute: true } },
      ],
      [],
    ],
    ['no-time-stretch: an inactive take is not heard', [{ type: 'updateClip', clipId: 'clip-riser-1', changes: { rate: 0.5, active: false } }], []],
  ])('%s', (_, commands, expected) => {
    expect(breaches(...commands)).toEqual(expected);
  });
});
