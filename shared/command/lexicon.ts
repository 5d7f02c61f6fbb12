/**
 * The words the grammar knows, by what they signal. Spelling correction
 * corrects towards these (and the project's own names), so a word listed
 * here is never "corrected" into another.
 */
export const CUES = {
  mute: ['mute', 'silence', 'kill', 'drop', 'lose', 'ditch', 'strip', 'cut', 'no', 'without', 'take', 'remove', 'out', 'off', 'rid', 'quiet'],
  unmute: ['unmute', 'back', 'restore', 'reintroduce'],
  solo: ['solo', 'only', 'just', 'isolate', 'alone'],
  unsolo: ['unsolo'],
  except: ['except', 'but', 'apart', 'besides', 'other', 'than'],
  louder: ['louder', 'up', 'raise', 'boost', 'increase', 'lift', 'push', 'more', 'higher', 'loud', 'bigger', 'hotter'],
  quieter: ['quieter', 'softer', 'down', 'lower', 'reduce', 'decrease', 'less', 'duck', 'tame', 'pull', 'turn', 'back', 'quiet', 'soft'],
  volume: ['volume', 'level', 'gain', 'fader', 'loudness', 'db', 'decibel', 'decibels', 'dbs'],
  pan: ['pan', 'panned', 'panning', 'left', 'right', 'centre', 'center', 'centred', 'centered', 'middle', 'stereo', 'side', 'hard', 'wide'],
  tempo: ['tempo', 'bpm', 'speed', 'faster', 'slower', 'fast', 'slow', 'pace', 'quicker', 'quick'],
  key: ['key', 'major', 'minor', 'transpose', 'semitone', 'semitones', 'semi', 'semis', 'tone', 'tones', 'step', 'steps', 'octave', 'octaves', 'pitch', 'sharp', 'flat', 'tune', 'retune'],
  rate: ['halftime', 'doubletime', 'half', 'double', 'twice', 'time', 'speed'],
  fade: ['fade', 'fades', 'fadein', 'fadeout', 'in', 'out'],
  move: ['move', 'shift', 'nudge', 'slide', 'push', 'pull', 'drag', 'later', 'earlier', 'forward', 'forwards', 'backward', 'backwards', 'ahead', 'behind', 'delay', 'start', 'starts'],
  split: ['split', 'chop', 'slice', 'cut', 'divide', 'razor'],
  duplicate: ['duplicate', 'copy', 'repeat', 'clone', 'double', 'paste', 'again'],
  delete: ['delete', 'remove', 'erase', 'clear', 'trash', 'get', 'rid'],
  trim: ['trim', 'shorten', 'crop', 'cut', 'lengthen', 'extend', 'shorter', 'longer', 'end', 'ends', 'start', 'starts', 'off'],
  loop: ['loop', 'loops', 'looping', 'cycle', 'repeat'],
  marker: ['marker', 'markers', 'mark', 'label', 'name', 'call', 'called', 'named', 'rename', 'section', 'locator', 'flag'],
  effectAdd: ['add', 'put', 'insert', 'give', 'with', 'some', 'use', 'apply', 'on'],
  effectRemove: ['remove', 'delete', 'take', 'drop', 'lose', 'strip', 'rid'],
  enable: ['enable', 'on', 'activate', 'unbypass', 'engage'],
  disable: ['disable', 'off', 'bypass', 'bypassed', 'deactivate', 'mute', 'kill'],
  more: ['more', 'bigger', 'longer', 'heavier', 'extra', 'increase', 'up', 'higher', 'harder', 'wetter', 'stronger'],
  less: ['less', 'smaller', 'shorter', 'lighter', 'decrease', 'down', 'lower', 'softer', 'drier', 'weaker', 'fewer'],
  set: ['set', 'make', 'put', 'change', 'to', 'at'],
  undo: ['undo', 'redo'],
} as const;

/** Effect words → effect type. */
export const EFFECT_WORDS: Readonly<Record<string, 'eq3' | 'compressor' | 'reverb' | 'delay' | 'filter'>> = {
  reverb: 'reverb', verb: 'reverb', reverberation: 'reverb', room: 'reverb', hall: 'reverb', space: 'reverb', ambience: 'reverb', wet: 'reverb',
  delay: 'delay', echo: 'delay', echoes: 'delay',
  eq: 'eq3', equaliser: 'eq3', equalizer: 'eq3', eq3: 'eq3',
  compressor: 'compressor', compression: 'compressor', comp: 'compressor', compress: 'compressor', compressed: 'compressor',
  filter: 'filter', lowpass: 'filter', highpass: 'filter', bandpass: 'filter', lpf: 'filter', hpf: 'filter',
};

/** Words that change the tone of a track (the EQ / filter / compressor they lead to is chosen by the effect readings). */
export const TONE_WORDS = ['brighter', 'bright', 'darker', 'dark', 'duller', 'muddy', 'warmer', 'warm', 'thinner', 'thin', 'fatter', 'fat', 'punchier', 'punchy', 'punch', 'crisper', 'crisp', 'airy', 'air', 'boomy', 'harsh', 'tighter', 'tight', 'lows', 'low', 'highs', 'high', 'mids', 'mid', 'treble', 'top', 'bottom', 'end', 'muffled', 'muffle', 'sparkle'] as const;

/** Relative size words. */
export const SIZE_WORDS = {
  small: ['bit', 'little', 'slightly', 'touch', 'tad', 'hair', 'smidge', 'somewhat', 'tiny', 'notch', 'nudge', 'teeny'],
  large: ['much', 'lot', 'way', 'lots', 'loads', 'heaps', 'really', 'very', 'massively', 'tons', 'far', 'hugely', 'seriously', 'considerably', 'significantly', 'loads'],
  whole: ['whole', 'entire', 'all', 'everything', 'everywhere', 'overall', 'mix', 'master', 'song', 'track', 'tracks', 'thing', 'project', 'arrangement'],
} as const;

/** Units after a number. */
export const UNIT_WORDS: Readonly<Record<string, 'db' | 'percent' | 'bpm' | 'semitone' | 'tone' | 'octave' | 'bar' | 'beat' | 'hz' | 'khz' | 'ms' | 'second'>> = {
  db: 'db', dbs: 'db', decibel: 'db', decibels: 'db', '%': 'percent', percent: 'percent', pc: 'percent', bpm: 'bpm', bpms: 'bpm',
  semitone: 'semitone', semitones: 'semitone', semi: 'semitone', semis: 'semitone', st: 'semitone', halfstep: 'semitone', halfsteps: 'semitone',
  tone: 'tone', tones: 'tone', octave: 'octave', octaves: 'octave',
  bar: 'bar', bars: 'bar', measure: 'bar', measures: 'bar', beat: 'beat', beats: 'beat',
  hz: 'hz', hertz: 'hz', khz: 'khz', k: 'khz', ms: 'ms', millisecond: 'ms', milliseconds: 'ms', second: 'second', seconds: 'second', sec: 'second', secs: 'second',
};

/** Ordinary English the grammar passes over (kept out of spelling correction and of coverage). */
export const FILLER = [
  'the', 'a', 'an', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'from', 'into', 'onto', 'with', 'and', 'or', 'it', 'its', 'this', 'that', 'these', 'those',
  'please', 'can', 'could', 'would', 'you', 'i', 'we', 'me', 'us', 'my', 'our', 'want', 'like', 'need', 'lets', 'let', 'go', 'get', 'some', 'bit', 'little',
  'make', 'made', 'turn', 'bring', 'give', 'put', 'set', 'have', 'be', 'is', 'are', 'so', 'now', 'then', 'there', 'here', 'should', 'will', 'do', 'just', 'also', 'too',
  'over', 'during', 'throughout', 'across', 'until', 'till', 'til', 'through', 'thru', 'between', 'after', 'before', 'since', 'when', 'where', 'while', 'as', 'than', 'about', 'around',
  'clip', 'clips', 'part', 'parts', 'region', 'bit', 'one', 'ones', 'every', 'each', 'both', 'all', 'whole', 'entire', 'way', 'same', 'again', 'up', 'down', 'out', 'off', 'back',
  'track', 'tracks', 'stem', 'stems', 'channel', 'channels', 'instrument', 'instruments', 'sound', 'sounds', 'song', 'tune', 'mix', 'everything', 'thing', 'things', 'stuff',
  'starting', 'start', 'end', 'ending', 'beginning', 'begin', 'right', 'only', 'playhead', 'cursor', 'selected', 'selection', 'times', 'time', 'x', 'new', 'own',
] as const;

/** Section words (markers are matched by name; these name the common sections whatever the markers say). */
export const SECTION_WORDS: Readonly<Record<string, string>> = {
  intro: 'intro', introduction: 'intro', outro: 'outro', ending: 'outro', verse: 'verse', verses: 'verse', chorus: 'chorus', choruses: 'chorus', chori: 'chorus', hook: 'chorus', hooks: 'chorus', refrain: 'chorus',
  bridge: 'bridge', bridges: 'bridge', middle8: 'bridge', drop: 'drop', drops: 'drop', breakdown: 'breakdown', breakdowns: 'breakdown', build: 'build', buildup: 'build', builds: 'build',
  prechorus: 'prechorus', precorus: 'prechorus', interlude: 'interlude', solo: 'solo', break: 'break',
};

let known: ReadonlySet<string> | undefined;

/** Every word the grammar knows (built once). */
export function grammarWords(): ReadonlySet<string> {
  if (known) return known;
  const words = new Set<string>();
  for (const list of Object.values(CUES)) for (const w of list) words.add(w);
  for (const list of Object.values(SIZE_WORDS)) for (const w of list) words.add(w);
  for (const w of [...Object.keys(EFFECT_WORDS), ...TONE_WORDS, ...Object.keys(UNIT_WORDS), ...FILLER, ...Object.keys(SECTION_WORDS)]) words.add(w);
  known = words;
  return words;
}
