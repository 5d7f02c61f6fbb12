import type { Command } from '../../shared/project/commandSchema';
import type { ProjectDocument, Track } from '../../shared/project/documentSchema';
import { EFFECT_DEFAULTS } from '../../shared/command/effectDefaults';
import type { EvaluatedCandidate } from './evaluate';

const KINDS: Record<string, string> = {
  drums: 'drums',
  drum: 'drums',
  vocals: 'vocals',
  vocal: 'vocals',
  bass: 'bass',
  keys: 'keys',
  guitar: 'guitar',
  strings: 'other',
};
const EFFECTS: Record<string, keyof typeof EFFECT_DEFAULTS> = {
  reverb: 'reverb',
  delay: 'delay',
  echo: 'delay',
  eq: 'eq3',
  compressor: 'compressor',
  compression: 'compressor',
  filter: 'filter',
};

/**
 * The peer: what a straightforward keyword matcher does with the same
 * sentence — the first track whose name (or stem kind) appears as a word,
 * the first action keyword, the first number — and one answer, no
 * alternatives, no licence check. Written the way such matchers usually
 * are, so the evaluation shows what the grammar, fuzzy vocabulary and
 * several readings add.
 */
export function naiveKeywordMatcher(text: string, doc: ProjectDocument): EvaluatedCandidate[] {
  const t = ` ${text.toLowerCase().replace(/[^a-z0-9#.%\- ]/g, ' ')} `;
  const has = (...words: string[]) => words.some((w) => t.includes(` ${w} `));
  const number = Number(/(-?\d+(\.\d+)?)/.exec(t)?.[1] ?? NaN);
  const kindOf = (track: Track) => doc.sources.find((s) => doc.clips.some((c) => c.trackId === track.id && c.sourceId === s.id));
  let tracks = doc.tracks.filter((tr) => t.includes(` ${tr.name.toLowerCase()} `));
  if (tracks.length === 0) {
    const kind = Object.entries(KINDS).find(([w]) => has(w))?.[1];
    if (kind)
      tracks = doc.tracks.filter((tr) => {
        const s = kindOf(tr);
        return s?.type === 'catalog' && s.kind === kind;
      });
  }
  const clipsOf = (ids: string[]) => doc.clips.filter((c) => ids.includes(c.trackId));
  const ids = tracks.map((tr) => tr.id);
  const bars = /bars? (\d+) (?:to|-|through) (\d+)/.exec(t);
  const bpb = doc.timeSignature[0];
  let commands: Command[] = [];
  const effect = Object.entries(EFFECTS).find(([w]) => has(w))?.[1];
  const key = /\b([a-g][#b]?) (major|minor)\b/.exec(t);
  if (has('unmute')) commands = ids.map((id) => ({ type: 'updateTrack', trackId: id, changes: { mute: false } }));
  else if (has('mute', 'silence', 'kill')) commands = ids.map((id) => ({ type: 'updateTrack', trackId: id, changes: { mute: true } }));
  else if (has('solo')) commands = ids.map((id) => ({ type: 'updateTrack', trackId: id, changes: { solo: true } }));
  else if (has('loop') && bars) commands = [{ type: 'setLoop', loop: { enabled: true, start: (Number(bars[1]) - 1) * bpb, end: Number(bars[2]) * bpb } }];
  else if (key) commands = [{ type: 'setKey', key: `${key[1]!.toUpperCase()}${key[1]!.slice(1)} ${key[2]}` }];
  else if (has('tempo', 'bpm') || has('faster', 'slower')) {
    const bpm = Number.isFinite(number) && number >= 20 ? number : doc.bpm * (has('faster') ? 1.1 : 0.9);
    commands = [{ type: 'setTempo', bpm: Math.round(bpm) }];
  } else if (effect && ids.length)
    commands = ids.map((id, i) => ({ type: 'addEffect', trackId: id, effect: { id: `fx-naive-${i}`, enabled: true, params: EFFECT_DEFAULTS[effect] } }));
  else if (has('pan') && ids.length)
    commands = ids.map((id) => ({ type: 'updateTrack', trackId: id, changes: { pan: (has('left') ? -1 : 1) * (has('hard') ? 1 : 0.5) } }));
  else if (has('fade') && ids.length) {
    const out = has('out');
    commands = ids.flatMap((id) => {
      const clips = clipsOf([id]).sort((a, b) => a.start - b.start);
      const clip = out ? clips.at(-1) : clips[0];
      return clip
        ? [
            {
              type: 'updateClip' as const,
              clipId: clip.id,
              changes: out ? { fadeOut: { ...clip.fadeOut, beats: 2 * bpb } } : { fadeIn: { ...clip.fadeIn, beats: 2 * bpb } },
            },
          ]
        : [];
    });
  } else if (has('delete', 'remove') && ids.length) commands = clipsOf(ids).map((c) => ({ type: 'removeClip', clipId: c.id }));
  else if ((has('louder', 'up', 'boost', 'raise') || has('quieter', 'down', 'lower')) && ids.length) {
    const db = (has('quieter', 'down', 'lower') ? -1 : 1) * (Number.isFinite(number) ? Math.abs(number) : 3);
    commands = tracks.map((tr) => ({ type: 'updateTrack', trackId: tr.id, changes: { gainDb: Math.max(-60, Math.min(12, tr.gainDb + db)) } }));
  }
  return commands.length ? [{ description: 'keyword match', commands, allowed: true }] : [];
}
