import { describe, expect, it } from 'vitest';
import { decideExport } from './decideExport';
import { computeSplits } from './computeSplits';
import { applyCommand } from '../project/applyCommand';
import type { Command } from '../project/commandSchema';
import { createProjectDocument } from '../project/createProjectDocument';
import type { ProjectDocument } from '../project/documentSchema';
import { sampleDocument, sampleRecording, testClip, testTrack } from '../../tests/fixtures/sampleDocument';
import { masterLicence, publishingLicence, recordingFacts } from '../../tests/fixtures/recordingFacts';
import type { RecordingFacts } from './ExportRights';

const edit = (doc: ProjectDocument, ...commands: Command[]) => commands.reduce((d, c) => applyCommand(d, c).document, doc);
const facts = (r: RecordingFacts) => new Map([[r.id, r]]);
const decide = (doc: ProjectDocument, r: RecordingFacts, territory = 'GB', date = '2026-11-24', missing = new Set<string>()) =>
  decideExport(doc, facts(r), missing, territory, date);
const remix = sampleDocument;
const cover = () => createProjectDocument({ ...sampleRecording, stems: sampleRecording.stems.map((s) => ({ ...s, usable: true })) }, 'cover', 'Cover');
const coverVoiceOnly = () =>
  createProjectDocument({ ...sampleRecording, stems: sampleRecording.stems.map((s) => ({ ...s, usable: false })) }, 'cover', 'Cover');

describe('decideExport: every licence rule refuses with its reason', () => {
  it.each<[string, () => ProjectDocument, RecordingFacts, string, string, RegExp, string]>([
    [
      'remix not permitted',
      remix,
      recordingFacts([masterLicence({ uses: ['sample'] })]),
      'GB',
      '2026-11-24',
      /Licence L-M does not permit remixes\./,
      'use-not-permitted',
    ],
    [
      'cover not permitted',
      coverVoiceOnly,
      recordingFacts(undefined, [publishingLicence({ uses: ['remix'] })]),
      'GB',
      '2026-11-24',
      /Licence L-P does not permit covers\./,
      'use-not-permitted',
    ],
    [
      'stem not usable',
      remix,
      recordingFacts([masterLicence({ stemRules: [{ stem: 'vocals', rule: 'not-usable' }] })]),
      'GB',
      '2026-11-24',
      /The vocals stem "Lead vocal" of "Glass Orchard" may not be used in remixes \(licence L-M\)\./,
      'stem-not-usable',
    ],
    [
      'territory excluded',
      remix,
      recordingFacts(undefined, [publishingLicence({ territories: { include: ['WORLD'], exclude: ['DE'] } })]),
      'DE',
      '2026-11-24',
      /Remixes are not allowed in Germany \(DE\) under licence L-P\./,
      'territory-excluded',
    ],
    [
      'territory not included',
      remix,
      recordingFacts([masterLicence({ territories: { include: ['GB', 'IE'], exclude: [] } })]),
      'FR',
      '2026-11-24',
      /Licence L-M does not cover France \(FR\)\./,
      'territory-not-included',
    ],
    [
      'not yet valid',
      remix,
      recordingFacts([masterLicence({ validFrom: '2027-01-01' })]),
      'GB',
      '2026-11-24',
      /Licence L-M is not valid until 1 Jan 2027\./,
      'not-yet-valid',
    ],
    ['expired', remix, recordingFacts([masterLicence({ validUntil: '2026-06-30' })]), 'GB', '2026-11-24', /Licence L-M expired on 30 Jun 2026\./, 'expired'],
    [
      'missing publishing licence for a cover',
      coverVoiceOnly,
      recordingFacts(undefined, []),
      'GB',
      '2026-11-24',
      /There is no publishing licence for the composition "Glass Orchard"\./,
      'no-publishing-licence',
    ],
    [
      'master audio in a cover without master licence',
      cover,
      recordingFacts([]),
      'GB',
      '2026-11-24',
      /There is no master licence for "Glass Orchard", so its audio may not be used in covers\./,
      'no-master-licence',
    ],
    [
      'master licence not permitting covers for original audio',
      cover,
      recordingFacts([masterLicence({ uses: ['remix'] })]),
      'GB',
      '2026-11-24',
      /Licence L-M does not permit covers\./,
      'use-not-permitted',
    ],
  ])('%s', (_name, makeDoc, recording, territory, date, message, code) => {
    const decision = decide(makeDoc(), recording, territory, date);
    expect(decision.allowed).toBe(false);
    const reason = decision.reasons.find((r) => message.test(r.message));
    expect(reason, decision.reasons.map((r) => r.message).join(' | ')).toBeDefined();
    expect(reason!.code).toBe(code);
    expect(reason!.fix.length).toBeGreaterThan(10);
  });

  it('no pitch shift: refused once the key moves the stem, allowed at its own key', () => {
    const r = recordingFacts([masterLicence({ stemRules: [{ stem: 'keys', rule: 'no-pitch-shift' }] })]);
    expect(decide(remix(), r).allowed).toBe(true);
    const shifted = decide(edit(remix(), { type: 'setKey', key: 'B minor' }), r);
    expect(shifted.reasons.map((x) => x.code)).toEqual(['no-pitch-shift']);
    expect(shifted.reasons[0]!.fix).toMatch(/Set its clips' pitch to 0 and the project key to A minor, or mute track "Keys"/);
  });

  it('no time stretch: refused at another tempo', () => {
    const r = recordingFacts([masterLicence({ stemRules: [{ stem: 'bass', rule: 'no-time-stretch' }] })]);
    expect(decide(edit(remix(), { type: 'setTempo', bpm: 108 }), r).reasons[0]!.message).toMatch(/may not be time-stretched/);
  });

  it('judges what is heard: muting the forbidden track makes the export allowed', () => {
    const r = recordingFacts([masterLicence({ stemRules: [{ stem: 'vocals', rule: 'not-usable' }] })]);
    const refused = decide(remix(), r);
    expect(refused.reasons[0]!.fix).toBe('Mute or remove track "Lead vocal".');
    expect(decide(edit(remix(), { type: 'updateTrack', trackId: 'trk-vocals', changes: { mute: true } }), r).allowed).toBe(true);
  });

  it('judges what is heard: an inactive take of a forbidden stem does not count', () => {
    const r = recordingFacts([masterLicence({ stemRules: [{ stem: 'vocals', rule: 'not-usable' }] })]);
    const vocals = remix().clips.find((c) => c.trackId === 'trk-vocals')!;
    expect(decide(edit(remix(), { type: 'updateClip', clipId: vocals.id, changes: { active: false } }), r).allowed).toBe(true);
  });

  it('refuses when nothing is heard, or when audio is missing', () => {
    const silent = edit(remix(), ...remix().tracks.map((t) => ({ type: 'updateTrack', trackId: t.id, changes: { mute: true } }) as Command));
    expect(decide(silent, recordingFacts()).reasons[0]!.code).toBe('nothing-audible');
    expect(decide(remix(), recordingFacts(), 'GB', '2026-11-24', new Set(['src-drums'])).reasons.map((r) => r.code)).toContain('audio-missing');
  });

  it('an expired master licence is one reason naming every track that uses the recording', () => {
    const decision = decide(remix(), recordingFacts([masterLicence({ validUntil: '2026-06-30' })]));
    const expired = decision.reasons.filter((r) => r.code === 'expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.trackIds).toEqual(['trk-drums', 'trk-bass', 'trk-keys', 'trk-vocals']);
    expect(expired[0]!.fix).toBe('Ask Ember Lane Records to renew or extend licence L-M, or mute tracks "Drums", "Bass", "Keys", "Lead vocal".');
  });

  it('a territory refusal does not hide the stem rules the same project breaks', () => {
    const r = recordingFacts(
      [
        masterLicence({
          territories: { include: ['WORLD'], exclude: ['DE'] },
          stemRules: [
            { stem: 'vocals', rule: 'not-usable' },
            { stem: 'keys', rule: 'no-pitch-shift' },
          ],
        }),
      ],
      [publishingLicence({ territories: { include: ['WORLD'], exclude: ['DE'] } })],
    );
    const decision = decide(edit(remix(), { type: 'setKey', key: 'B minor' }), r, 'DE');
    expect(decision.reasons.map((x) => [x.code, x.licenceId])).toEqual([
      ['territory-excluded', 'L-M'],
      ['no-pitch-shift', 'L-M'],
      ['stem-not-usable', 'L-M'],
      ['territory-excluded', 'L-P'],
    ]);
    expect(decision.reasons[0]!.trackIds).toEqual(['trk-drums', 'trk-bass', 'trk-keys', 'trk-vocals']);
    expect(decision.reasons[2]!.fix).toBe('Mute or remove track "Lead vocal".');
    // Fixing the territory alone would not be enough, and the creator learns that now, not after.
    expect(decide(edit(remix(), { type: 'setKey', key: 'B minor' }), r, 'GB').reasons.map((x) => x.code)).toEqual(['no-pitch-shift', 'stem-not-usable']);
  });

  it('every reason at once: a missing source, an unknown recording and a licence gap are all reported', () => {
    const decision = decideExport(remix(), new Map(), new Set(['src-drums']), 'GB', '2026-11-24');
    expect(decision.reasons.map((r) => [r.code, r.trackIds])).toEqual([
      ['audio-missing', ['trk-drums']],
      ['unknown-recording', ['trk-bass']],
      ['unknown-recording', ['trk-keys']],
      ['unknown-recording', ['trk-vocals']],
    ]);
  });

  it('allows a licensed remix and names the licences it relies on', () => {
    const decision = decide(remix(), recordingFacts());
    expect(decision.allowed).toBe(true);
    expect(decision.relyOn.map((l) => l.id)).toEqual(['L-M', 'L-P']);
  });
});

describe('computeSplits', () => {
  it('splits one remixed recording by its licence terms, each list summing to 10000', () => {
    const doc = remix();
    const r = recordingFacts();
    const decision = decide(doc, r);
    const splits = computeSplits(doc, decision.usage, facts(r), decision.relyOn, { name: 'DJ Test' });
    expect(splits.master.map((s) => [s.name, s.role, s.shareBp])).toEqual([
      ['Ember Lane Records', 'master owner', 6000],
      ['DJ Test', 'remixer', 4000],
    ]);
    expect(splits.publishing.map((s) => [s.name, s.shareBp])).toEqual([
      ['Northlight Songs', 5000],
      ['Mira Vale', 2500],
      ['Theo Lindqvist', 2500],
    ]);
  });

  it('shares a mashup pro rata by the seconds each recording is heard', () => {
    const other = recordingFacts(undefined, undefined, 'rec-2');
    let doc = remix();
    // 38.4 s of rec-1 on four tracks (union 38.4 s), plus 19.2 s of rec-2.
    doc = edit(
      doc,
      {
        type: 'addSource',
        source: {
          id: 'src-x',
          type: 'catalog',
          stemId: 'x',
          recordingId: 'rec-2',
          packageId: 'pkg-2',
          sha256: 'e'.repeat(64),
          name: 'X',
          kind: 'drums',
          bpm: 100,
          key: 'A minor',
          durationSec: 19.2,
          sampleRate: 48000,
        },
      },
      {
        type: 'addTrack',
        track: testTrack({ id: 'trk-x', name: 'X', color: '#123456', kind: 'audio' }),
      },
      {
        type: 'addClip',
        clip: testClip({ id: 'clip-x', trackId: 'trk-x', sourceId: 'src-x', length: 32 }),
      },
    );
    const all = new Map([
      ['rec-1', recordingFacts()],
      [
        'rec-2',
        {
          ...other,
          masterOwners: [{ partyId: 'p-kd', name: 'Kite District Ltd', role: 'master owner', shareBp: 10000 }],
          masterLicences: [masterLicence({ id: 'L-M2', recording: 'rec-2', revenue: { rightsHolderShareBp: 10000 } })],
        },
      ],
    ]);
    const decision = decideExport(doc, all, new Set(), 'GB', '2026-11-24');
    expect(decision.allowed).toBe(true);
    const splits = computeSplits(doc, decision.usage, all, decision.relyOn, { name: 'DJ Test' });
    // rec-1: 2/3 of the audio (38.4 of 57.6 s): 60 % to Ember Lane → 4000; creator 2667. rec-2: 1/3 all to Kite District → 3333.
    expect(splits.master.map((s) => [s.name, s.shareBp])).toEqual([
      ['Ember Lane Records', 4000],
      ['Kite District Ltd', 3333],
      ['DJ Test', 2667],
    ]);
    expect(splits.master.reduce((a, s) => a + s.shareBp, 0)).toBe(10000);
    expect(splits.publishing.reduce((a, s) => a + s.shareBp, 0)).toBe(10000);
  });
});
