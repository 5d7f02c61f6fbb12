import type { Command } from '../../project/commandSchema';
import type { Effect, EffectParams, EffectType, Track } from '../../project/documentSchema';
import { EFFECT_DEFAULTS, EFFECT_NAMES, EFFECT_PRESETS, PARAM_RANGES, effectsOf } from '../effectDefaults';
import { EFFECT_WORDS } from '../lexicon';
import { clamp, possessive, tidy, type IdSource, type Reading, type ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';

type Action = 'add' | 'remove' | 'enable' | 'disable' | 'more' | 'less' | 'longer' | 'shorter' | 'set';

/** Words naming a parameter, per effect. */
const PARAM_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  mix: ['mix', 'mix'],
  wet: ['mix', 'mix'],
  amount: ['mix', 'mix'],
  level: ['mix', 'mix'],
  decay: ['decaySec', 'decay'],
  tail: ['decaySec', 'decay'],
  length: ['decaySec', 'decay'],
  size: ['decaySec', 'decay'],
  predelay: ['preDelayMs', 'pre-delay'],
  feedback: ['feedback', 'feedback'],
  repeats: ['feedback', 'feedback'],
  threshold: ['thresholdDb', 'threshold'],
  ratio: ['ratio', 'ratio'],
  attack: ['attackMs', 'attack'],
  release: ['releaseMs', 'release'],
  makeup: ['makeupDb', 'make-up gain'],
  frequency: ['frequencyHz', 'frequency'],
  freq: ['frequencyHz', 'frequency'],
  cutoff: ['frequencyHz', 'cutoff'],
  resonance: ['q', 'resonance'],
  q: ['q', 'Q'],
};

/** Relative steps per parameter for a bit / plain / much more. */
const STEPS: Readonly<Record<string, readonly [number, number, number, 'add' | 'times']>> = {
  mix: [0.08, 0.15, 0.3, 'add'],
  decaySec: [1.25, 1.5, 2, 'times'],
  feedback: [0.08, 0.15, 0.3, 'add'],
  ratio: [1, 2, 4, 'add'],
  thresholdDb: [-3, -6, -10, 'add'],
  frequencyHz: [1.25, 1.6, 2.5, 'times'],
  preDelayMs: [10, 20, 40, 'add'],
  attackMs: [1.25, 1.5, 2, 'times'],
  releaseMs: [1.25, 1.5, 2, 'times'],
  q: [1.25, 1.5, 2, 'times'],
  makeupDb: [1, 2, 4, 'add'],
  beats: [1.25, 1.5, 2, 'times'],
};

/** The parameter "more X" changes when no parameter is named. */
const MAIN_PARAM: Readonly<Record<EffectType, string | null>> = { reverb: 'mix', delay: 'mix', compressor: 'ratio', filter: 'frequencyHz', eq3: null };
const LONG_PARAM: Readonly<Record<EffectType, string | null>> = { reverb: 'decaySec', delay: 'feedback', compressor: 'releaseMs', filter: null, eq3: null };

interface EffectMention {
  readonly type: EffectType;
  readonly at: number;
  readonly mode?: 'lowpass' | 'highpass' | 'bandpass';
}

function effectMentions(s: Sentence): EffectMention[] {
  return s.words.flatMap((w, at) => {
    const type = EFFECT_WORDS[w];
    if (!type) return [];
    const mode = w === 'lowpass' || w === 'lpf' ? 'lowpass' : w === 'highpass' || w === 'hpf' ? 'highpass' : w === 'bandpass' ? 'bandpass' : undefined;
    return [{ type, at, ...(mode ? { mode } : {}) }];
  });
}

function action(s: Sentence, mention: EffectMention): { action: Action; uses: number[]; score: number } {
  const find = (words: string[]) => s.find(words);
  const onEnable = s.words.flatMap((w, i) =>
    w === 'on' &&
    (['turn', 'switch'].includes(s.words[i - 1] ?? '') || s.words[i - 1] === s.words[mention.at]) &&
    EFFECT_WORDS[s.words[i + 1] ?? ''] === undefined &&
    i !== mention.at + 1
      ? [i]
      : [],
  );
  const onBefore = s.words.flatMap((w, i) => (w === 'on' && (s.words[i + 1] === 'the' ? s.words[i + 2] : s.words[i + 1]) === s.words[mention.at] ? [i] : []));
  if (s.has('remove', 'delete', 'strip', 'lose') || (s.has('take', 'get') && s.has('off', 'out', 'rid')) || s.words[0] === 'drop') {
    return { action: 'remove', uses: find(['remove', 'delete', 'take', 'get', 'off', 'out', 'rid', 'of', 'drop', 'lose', 'strip', 'from']), score: 1 };
  }
  if (s.has('off', 'disable', 'bypass', 'bypassed', 'deactivate') || (s.has('mute', 'kill') && s.words.indexOf('mute') < mention.at))
    return { action: 'disable', uses: find(['off', 'disable', 'bypass', 'bypassed', 'deactivate', 'turn', 'switch', 'mute', 'kill']), score: 1 };
  if (s.has('enable', 'activate', 'unbypass', 'engage') || onEnable.length || onBefore.length)
    return { action: 'enable', uses: [...find(['enable', 'activate', 'unbypass', 'engage', 'turn', 'switch']), ...onEnable, ...onBefore], score: 1 };
  if (s.has('longer', 'bigger', 'larger', 'huge')) return { action: 'longer', uses: find(['longer', 'bigger', 'larger', 'huge']), score: 1 };
  if (s.has('shorter', 'smaller', 'tighter')) return { action: 'shorter', uses: find(['shorter', 'smaller', 'tighter']), score: 1 };
  if (s.has('more', 'wetter', 'heavier', 'extra', 'increase', 'up', 'raise', 'boost'))
    return { action: 'more', uses: find(['more', 'wetter', 'heavier', 'extra', 'increase', 'up', 'raise', 'boost']), score: 1 };
  if (s.has('less', 'drier', 'lighter', 'decrease', 'down', 'reduce', 'lower'))
    return { action: 'less', uses: find(['less', 'drier', 'lighter', 'decrease', 'down', 'reduce', 'lower']), score: 1 };
  if (s.amounts.length && (s.has('set', 'to', 'at') || s.find(Object.keys(PARAM_WORDS)).length))
    return { action: 'set', uses: find(['set', 'to', 'at', 'make', 'change']), score: 1 };
  return {
    action: 'add',
    uses: find(['add', 'put', 'insert', 'give', 'with', 'some', 'apply', 'on', 'to', 'a', 'an', 'use']),
    score: s.has('add', 'put', 'insert', 'give', 'apply') ? 1 : 0.85,
  };
}

/** A parameter value from the sentence: "to 40%", "at 800 hz", "to 3 seconds", "ratio 6". */
function paramValue(s: Sentence, param: string): { value: number; uses: number[] } | null {
  for (const amount of s.amounts) {
    const uses = range(amount.start, amount.end);
    let value = amount.value;
    if (param === 'mix' || param === 'feedback') value = amount.unit === 'percent' || value > 1 ? value / 100 : value;
    else if (param === 'frequencyHz') value = amount.unit === 'khz' ? value * 1000 : value;
    else if (param === 'decaySec') value = amount.unit === 'ms' ? value / 1000 : value;
    else if (amount.unit === 'percent') continue;
    return { value, uses };
  }
  return null;
}

function step(param: string, current: number, direction: 1 | -1, size: 'small' | 'normal' | 'large'): number {
  const [small, normal, large, how] = STEPS[param] ?? [1, 1, 1, 'add'];
  const amount = size === 'small' ? small : size === 'large' ? large : normal;
  const [min, max] = PARAM_RANGES[param] ?? [-Infinity, Infinity];
  const next = how === 'times' ? (direction > 0 ? current * amount : current / amount) : current + direction * amount;
  return tidy(clamp(next, min, max));
}

function withParam(params: EffectParams, param: string, value: number): EffectParams {
  const [min, max] = PARAM_RANGES[param] ?? [-Infinity, Infinity];
  return { ...params, [param]: tidy(clamp(value, min, max)) } as EffectParams;
}

function describeParam(param: string, value: number): string {
  if (param === 'mix' || param === 'feedback') return `${Math.round(value * 100)}%`;
  if (param === 'frequencyHz') return value >= 1000 ? `${tidy(value / 1000, 2)} kHz` : `${Math.round(value)} Hz`;
  if (param === 'decaySec') return `${tidy(value, 2)} s`;
  if (param.endsWith('Ms')) return `${tidy(value, 1)} ms`;
  if (param.endsWith('Db')) return `${tidy(value, 1)} dB`;
  return `${tidy(value, 2)}`;
}

/** What one action does to one track's effect of this type, as readings (commands for that track). */
function trackEdits(
  s: Sentence,
  track: Track,
  mention: EffectMention,
  act: Action,
  ids: IdSource,
): { commands: Command[]; what: string; score: number; extra: number[] }[] {
  const type = mention.type;
  const name = EFFECT_NAMES[type];
  const existing = effectsOf(track, type, mention.mode);
  const anyOfType = effectsOf(track, type);
  const paramWord = s.words.findIndex((w) => PARAM_WORDS[w] && (w !== 'level' || type !== 'eq3'));
  const named = paramWord >= 0 ? PARAM_WORDS[s.words[paramWord]!]! : null;
  const newEffect = (params: EffectParams): Effect => ({ id: ids.next('fx'), enabled: true, params });
  const update = (effect: Effect, changes: { enabled?: boolean; params?: EffectParams }): Command => ({
    type: 'updateEffect',
    trackId: track.id,
    effectId: effect.id,
    changes,
  });
  const edits: { commands: Command[]; what: string; score: number; extra: number[] }[] = [];
  switch (act) {
    case 'remove':
      for (const e of anyOfType)
        edits.push({ commands: [{ type: 'removeEffect', trackId: track.id, effectId: e.id }], what: `Remove ${name} from {track}`, score: 1, extra: [] });
      for (const e of anyOfType.filter((x) => x.enabled))
        edits.push({
          commands: [update(e, { enabled: false })],
          what: `Turn ${name} off on {track} instead (bypassed, settings kept)`,
          score: 0.75,
          extra: [],
        });
      break;
    case 'disable':
      for (const e of anyOfType.filter((x) => x.enabled))
        edits.push({ commands: [update(e, { enabled: false })], what: `Turn ${name} off on {track} (bypassed, settings kept)`, score: 1, extra: [] });
      for (const e of anyOfType)
        edits.push({ commands: [{ type: 'removeEffect', trackId: track.id, effectId: e.id }], what: `Remove ${name} from {track}`, score: 0.75, extra: [] });
      break;
    case 'enable':
      for (const e of anyOfType.filter((x) => !x.enabled))
        edits.push({ commands: [update(e, { enabled: true })], what: `Turn on ${name} on {track}`, score: 1, extra: [] });
      if (anyOfType.length === 0)
        edits.push({
          commands: [{ type: 'addEffect', trackId: track.id, effect: newEffect(EFFECT_DEFAULTS[type]) }],
          what: `Add ${name} to {track}`,
          score: 0.9,
          extra: [],
        });
      break;
    case 'set':
    case 'add': {
      // Parameters said with it: "low pass the pad at 800 hz", "reverb with 3 seconds decay".
      let params: EffectParams = mention.mode
        ? { ...(EFFECT_DEFAULTS.filter as Extract<EffectParams, { type: 'filter' }>), mode: mention.mode }
        : EFFECT_DEFAULTS[type];
      const param = named?.[0] ?? (type === 'filter' ? 'frequencyHz' : MAIN_PARAM[type]);
      const value = param ? paramValue(s, param) : null;
      const extra = value ? [...value.uses, ...(paramWord >= 0 ? [paramWord] : [])] : [];
      const said = value && param ? ` (${named?.[1] ?? param.replace(/Hz$|Db$|Ms$|Sec$/, '')} ${describeParam(param, value.value)})` : '';
      for (const e of existing) {
        const next =
          value && param
            ? withParam(mention.mode && e.params.type === 'filter' ? { ...e.params, mode: mention.mode } : e.params, param, value.value)
            : e.params;
        if (!e.enabled || next !== e.params)
          edits.push({
            commands: [update(e, { ...(e.enabled ? {} : { enabled: true }), ...(next !== e.params ? { params: next } : {}) })],
            what: `${e.enabled ? 'Set' : 'Turn on'} {track's} ${mention.mode ?? name}${said}`,
            score: 1,
            extra,
          });
      }
      if (value && param) params = withParam(params, param, value.value);
      if (act === 'add' || existing.length === 0)
        edits.push({
          commands: [{ type: 'addEffect', trackId: track.id, effect: newEffect(params) }],
          what: `Add ${mention.mode ? `a ${mention.mode} filter` : name} to {track}${said}`,
          score: existing.length ? 0.85 : 1,
          extra,
        });
      if (!value && !mention.mode && act === 'add') {
        for (const [k, preset] of EFFECT_PRESETS[type].entries())
          edits.push({
            commands: [{ type: 'addEffect', trackId: track.id, effect: newEffect(preset.params) }],
            what: `Add ${name} to {track} (${preset.label})`,
            score: 0.85 - 0.03 * k,
            extra: [],
          });
      }
      break;
    }
    case 'more':
    case 'less':
    case 'longer':
    case 'shorter': {
      const direction = act === 'more' || act === 'longer' ? 1 : -1;
      const param = named?.[0] ?? (act === 'longer' || act === 'shorter' ? LONG_PARAM[type] : MAIN_PARAM[type]);
      if (!param) break;
      for (const e of anyOfType) {
        const current = (e.params as unknown as Record<string, number>)[param];
        if (current === undefined) continue;
        const value = param === 'thresholdDb' ? step(param, current, direction, s.size) : step(param, current, direction, s.size);
        if (value === current) continue;
        const params = withParam(e.params, param, value);
        // "more compression": a lower threshold as well as a higher ratio.
        const both =
          type === 'compressor' && param === 'ratio' && !named
            ? withParam(params, 'thresholdDb', step('thresholdDb', (e.params as { thresholdDb: number }).thresholdDb, direction, s.size))
            : params;
        edits.push({
          commands: [update(e, { params: both, ...(e.enabled ? {} : { enabled: true }) })],
          what: `${act === 'more' ? 'More' : act === 'less' ? 'Less' : act === 'longer' ? 'Longer' : 'Shorter'} ${name.toLowerCase()} on {track}: ${named?.[1] ?? param.replace(/Sec$|Db$|Ms$|Hz$/, '')} ${describeParam(param, current)} → ${describeParam(param, value)}`,
          score: 1,
          extra: paramWord >= 0 ? [paramWord] : [],
        });
      }
      if (anyOfType.length === 0 && direction > 0) {
        edits.push({
          commands: [{ type: 'addEffect', trackId: track.id, effect: newEffect(EFFECT_DEFAULTS[type]) }],
          what: `Add ${name} to {track}`,
          score: 0.85,
          extra: [],
        });
      }
      break;
    }
  }
  return edits;
}

/**
 * Effects by name: add ("add reverb to the piano", "echo on the piano"),
 * remove, turn on/off ("bypass the bass eq"), and change ("more reverb on
 * the vocals", "longer reverb on the snare", "set the reverb mix on the
 * vocals to 40%", "low pass the pad at 800 hz").
 */
export const effectReadings: ReadingSource = (s, ids) => {
  const mentions = effectMentions(s);
  if (mentions.length === 0) return [];
  const readings: Reading[] = [];
  const mention = mentions[0]!;
  const act = action(s, mention);
  for (const target of targetOptions(s)) {
    if (target.how === 'all' && target.trackIds.length > 1 && act.action === 'add') continue;
    const fork = ids.fork();
    const perTrack = target.trackIds.map((id) =>
      trackEdits(
        s,
        s.document.tracks.find((t) => t.id === id)!,
        mention,
        act.action,
        fork,
      ),
    );
    // One reading per choice index: the first choice of every track together, then the second…
    const depth = Math.max(0, ...perTrack.map((p) => p.length));
    for (let k = 0; k < depth; k++) {
      const picked = perTrack.map((p) => p[k] ?? p[0]).filter((p): p is NonNullable<typeof p> => Boolean(p));
      if (picked.length === 0) continue;
      const what = withTrackName(picked[0]!.what, picked.length === 1 ? s.document.tracks.find((t) => t.id === target.trackIds[0])!.name : target.label);
      readings.push({
        description: what,
        commands: picked.flatMap((p) => p.commands),
        score: act.score * target.score * Math.min(...picked.map((p) => p.score)),
        uses: [...act.uses, ...mentions.map((m) => m.at), ...target.uses, ...picked.flatMap((p) => p.extra), ...s.find(['the', 'on', 'to', 'from'])],
        targets: target.trackIds,
      });
    }
  }
  return readings;
};

/** Puts the track (or tracks) into a description written with "{track}". */
export function withTrackName(what: string, tracks: string): string {
  return what.replace("{track's}", possessive(tracks)).replace('{track}', tracks);
}
