import type { Command } from '../../project/commandSchema';
import type { EffectParams, Track } from '../../project/documentSchema';
import { EFFECT_DEFAULTS, effectsOf } from '../effectDefaults';
import { EFFECT_WORDS } from '../lexicon';
import { clamp, tidy, type IdSource, type Reading, type ReadingSource } from '../Reading';
import type { Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';
import { withTrackName } from './effectReadings';

type Band = 'lowDb' | 'midDb' | 'highDb';

/** A change of tone: an EQ band up or down, or punch (a compressor). */
interface Tone {
  readonly kind: 'band' | 'punch';
  readonly band?: Band;
  readonly direction: 1 | -1;
  readonly uses: number[];
  /** The words naming the band ("bass" in "more bass on the kick"): not a track here. */
  readonly bandWords: number[];
}

const BANDS: Readonly<Record<string, Band>> = {
  bass: 'lowDb',
  lows: 'lowDb',
  low: 'lowDb',
  lowend: 'lowDb',
  bottom: 'lowDb',
  sub: 'lowDb',
  mud: 'lowDb',
  mids: 'midDb',
  mid: 'midDb',
  middle: 'midDb',
  highs: 'highDb',
  high: 'highDb',
  treble: 'highDb',
  top: 'highDb',
  air: 'highDb',
  sparkle: 'highDb',
};
const UP = ['more', 'boost', 'up', 'add', 'increase', 'bigger', 'extra', 'raise', 'some'];
const DOWN = ['less', 'cut', 'down', 'reduce', 'lower', 'remove', 'tame', 'fewer', 'take'];
const ADJECTIVES: Readonly<Record<string, [Band | 'punch', 1 | -1]>> = {
  brighter: ['highDb', 1],
  bright: ['highDb', 1],
  crisper: ['highDb', 1],
  crisp: ['highDb', 1],
  airy: ['highDb', 1],
  airier: ['highDb', 1],
  clearer: ['highDb', 1],
  darker: ['highDb', -1],
  dark: ['highDb', -1],
  duller: ['highDb', -1],
  warmer: ['highDb', -1],
  muffled: ['highDb', -1],
  softer: ['highDb', -1],
  smoother: ['highDb', -1],
  fatter: ['lowDb', 1],
  fuller: ['lowDb', 1],
  heavier: ['lowDb', 1],
  boomy: ['lowDb', 1],
  thinner: ['lowDb', -1],
  lighter: ['lowDb', -1],
  cleaner: ['lowDb', -1],
  punchier: ['punch', 1],
  punchy: ['punch', 1],
  punch: ['punch', 1],
  tighter: ['punch', 1],
  snappier: ['punch', 1],
};

function toneOf(s: Sentence): Tone | null {
  for (const [i, word] of s.words.entries()) {
    const adjective = ADJECTIVES[word];
    if (adjective) {
      const [band, direction] = adjective;
      return band === 'punch' ? { kind: 'punch', direction, uses: [i], bandWords: [] } : { kind: 'band', band, direction, uses: [i], bandWords: [] };
    }
  }
  const up = s.find(UP);
  const down = s.find(DOWN);
  if (!up.length && !down.length) return null;
  for (const [i, word] of s.words.entries()) {
    const band = BANDS[word];
    if (!band) continue;
    // "more bass on the kick", "cut the lows on the guitar", "lows down on the piano"
    const direction = down.length && (!up.length || Math.min(...down.map((d) => Math.abs(d - i))) <= Math.min(...up.map((u) => Math.abs(u - i)))) ? -1 : 1;
    const width = word === 'low' && s.words[i + 1] === 'end' ? 2 : 1;
    return { kind: 'band', band, direction, uses: [...up, ...down, i], bandWords: Array.from({ length: width }, (_, k) => i + k) };
  }
  return null;
}

const STEP = { small: 2, normal: 3, large: 6 } as const;

function toneEdits(s: Sentence, track: Track, tone: Tone, ids: IdSource): { commands: Command[]; what: string; score: number }[] {
  const edits: { commands: Command[]; what: string; score: number }[] = [];
  const add = (params: EffectParams): Command => ({ type: 'addEffect', trackId: track.id, effect: { id: ids.next('fx'), enabled: true, params } });
  if (tone.kind === 'punch') {
    const existing = effectsOf(track, 'compressor')[0];
    if (existing && existing.params.type === 'compressor') {
      const ratio = tidy(clamp(existing.params.ratio + 2, 1, 20));
      edits.push({
        commands: [
          {
            type: 'updateEffect',
            trackId: track.id,
            effectId: existing.id,
            changes: { enabled: true, params: { ...existing.params, ratio, attackMs: Math.max(existing.params.attackMs, 20) } },
          },
        ],
        what: `Punchier {track}: its compressor to ratio ${ratio}:1 with a slower attack`,
        score: 1,
      });
    } else {
      edits.push({
        commands: [add({ type: 'compressor', thresholdDb: -20, ratio: 4, attackMs: 25, releaseMs: 120, makeupDb: 3 })],
        what: `Punchier {track}: add a compressor (4:1, 25 ms attack lets the hits through)`,
        score: 1,
      });
    }
    return edits;
  }
  const band = tone.band!;
  const db = tone.direction * (band === 'lowDb' && tone.direction < 0 ? 6 : STEP[s.size]);
  const bandName = band === 'lowDb' ? 'lows' : band === 'midDb' ? 'mids' : 'highs';
  const lowpass = effectsOf(track, 'filter', 'lowpass')[0];
  // "darker" with a low-pass filter on the track: use it.
  if (band === 'highDb' && tone.direction < 0 && lowpass && lowpass.params.type === 'filter') {
    if (!lowpass.enabled)
      edits.push({
        commands: [{ type: 'updateEffect', trackId: track.id, effectId: lowpass.id, changes: { enabled: true } }],
        what: `Darker {track}: turn on its low-pass filter (${lowpass.params.frequencyHz} Hz)`,
        score: 1,
      });
    const frequencyHz = tidy(clamp(lowpass.params.frequencyHz / 1.6, 20, 20000), 0);
    edits.push({
      commands: [{ type: 'updateEffect', trackId: track.id, effectId: lowpass.id, changes: { enabled: true, params: { ...lowpass.params, frequencyHz } } }],
      what: `Darker {track}: its low-pass filter down to ${frequencyHz} Hz`,
      score: 0.95,
    });
  }
  const eq = effectsOf(track, 'eq3')[0];
  if (eq && eq.params.type === 'eq3') {
    const value = tidy(clamp(eq.params[band] + db, -24, 24));
    edits.push({
      commands: [{ type: 'updateEffect', trackId: track.id, effectId: eq.id, changes: { enabled: true, params: { ...eq.params, [band]: value } } }],
      what: `${db > 0 ? 'More' : 'Less'} ${bandName} on {track}: its EQ ${bandName} ${value > 0 ? '+' : ''}${value} dB`,
      score: 0.95,
    });
  } else {
    edits.push({
      commands: [add({ ...(EFFECT_DEFAULTS.eq3 as Extract<EffectParams, { type: 'eq3' }>), [band]: db })],
      what: `${db > 0 ? 'More' : 'Less'} ${bandName} on {track}: add an EQ with ${bandName} ${db > 0 ? '+' : ''}${db} dB`,
      score: 0.95,
    });
  }
  if (band === 'lowDb' && tone.direction < 0) {
    edits.push({
      commands: [add({ type: 'filter', mode: 'highpass', frequencyHz: 150, q: 0.7 })],
      what: `Cut the lows on {track}: add a high-pass filter at 150 Hz`,
      score: 0.93,
    });
  }
  if (band === 'highDb' && tone.direction < 0 && !lowpass) {
    edits.push({
      commands: [add({ type: 'filter', mode: 'lowpass', frequencyHz: 5000, q: 0.7 })],
      what: `Darker {track}: add a low-pass filter at 5 kHz`,
      score: 0.9,
    });
  }
  return edits;
}

/**
 * Tone in a musician's words: "make the vocals brighter", "darker pad",
 * "more bass on the kick", "cut the lows on the guitar", "make the drums
 * punchier" — an EQ band, a filter, or a compressor on the tracks named.
 */
export const toneReadings: ReadingSource = (s, ids) => {
  if (s.words.some((w) => EFFECT_WORDS[w] && w !== 'room' && w !== 'space' && w !== 'wet')) return [];
  const tone = toneOf(s);
  if (!tone) return [];
  const readings: Reading[] = [];
  const targets = targetOptions(s, (m) => tone.bandWords.some((i) => i >= m.start && i < m.end));
  for (const target of targets) {
    if (target.how === 'all' && target.trackIds.length > 2) continue;
    const fork = ids.fork();
    const perTrack = target.trackIds.map((id) =>
      toneEdits(
        s,
        s.document.tracks.find((t) => t.id === id)!,
        tone,
        fork,
      ),
    );
    const depth = Math.max(0, ...perTrack.map((p) => p.length));
    for (let k = 0; k < depth; k++) {
      const picked = perTrack.map((p) => p[k] ?? p[0]!).filter(Boolean);
      const what = withTrackName(picked[0]!.what, picked.length === 1 ? s.document.tracks.find((t) => t.id === target.trackIds[0])!.name : target.label);
      readings.push({
        description: what,
        commands: picked.flatMap((p) => p.commands),
        score: target.score * Math.min(...picked.map((p) => p.score)),
        uses: [...tone.uses, ...tone.bandWords, ...target.uses, ...s.find(['make', 'on', 'the', 'to', 'in'])],
        targets: target.trackIds,
      });
    }
  }
  return readings;
};
