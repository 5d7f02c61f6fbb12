import { LIMITS } from '../../project/documentSchema';
import { tidy, type Reading, type ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';

const TEMPO = ['tempo', 'bpm', 'pace'];
const FASTER = ['faster', 'quicker', 'speed', 'up', 'accelerate', 'raise', 'increase', 'push'];
const SLOWER = ['slower', 'slow', 'down', 'decrease', 'lower', 'reduce', 'drop'];

interface TempoChoice {
  readonly bpm: number;
  readonly how: string;
  readonly score: number;
  readonly uses: readonly number[];
}

/** +5 % for "a bit faster", +10 % for "faster", +20 % for "much faster". */
const STEPS = { small: [0.05, 0.03], normal: [0.1, 0.05], large: [0.2, 0.3] } as const;

function tempoChoices(s: Sentence): TempoChoice[] {
  const bpm = s.document.bpm;
  const cue = s.find(TEMPO);
  const faster = s.find(FASTER);
  const slower = s.find(SLOWER);
  const direction = faster.length > slower.length ? 1 : slower.length > faster.length ? -1 : 0;
  const dirUses = [...faster, ...slower, ...s.find(['it', 'take', 'make', 'set', 'change', 'to', 'by', 'the', 'song'])];
  const choices: TempoChoice[] = [];
  // Multipliers: "twice as fast", "double the tempo", "half time", "halve the tempo".
  const double = s.has('twice', 'double', 'doubletime', 'doublespeed') && (cue.length || s.has('fast', 'faster', 'doubletime', 'doublespeed', 'speed'));
  const half =
    (s.has('half', 'halve', 'halftime', 'halfspeed') && (cue.length || s.has('fast', 'speed', 'halftime', 'halfspeed', 'time'))) ||
    (s.has('twice', 'double') && s.has('slow', 'slower'));
  if (half)
    choices.push({
      bpm: bpm / 2,
      how: 'half the tempo',
      score: cue.length ? 1 : 0.95,
      uses: [...cue, ...s.find(['half', 'halve', 'halftime', 'halfspeed', 'twice', 'as', 'slow', 'slower', 'time', 'speed'])],
    });
  else if (double)
    choices.push({
      bpm: bpm * 2,
      how: 'double the tempo',
      score: 1,
      uses: [...cue, ...s.find(['twice', 'double', 'doubletime', 'doublespeed', 'as', 'fast', 'faster', 'speed'])],
    });
  for (const amount of s.amounts) {
    const uses = [...cue, ...dirUses, ...range(amount.start, amount.end)];
    const before = s.words[amount.start - 1];
    if (amount.unit === 'percent' && direction !== 0) {
      choices.push({ bpm: bpm * (1 + (direction * amount.value) / 100), how: `${amount.value}% ${direction > 0 ? 'faster' : 'slower'}`, score: 1, uses });
      continue;
    }
    if (amount.unit !== 'bpm' && amount.unit !== null) continue;
    if (before === 'by' && direction !== 0) {
      choices.push({ bpm: bpm + direction * Math.abs(amount.value), how: `${direction > 0 ? '+' : '−'}${Math.abs(amount.value)} BPM`, score: 1, uses });
      continue;
    }
    // A bare number is a tempo when the sentence says tempo/BPM, or "up/down to N".
    const plausible = amount.value >= 40 && amount.value <= 300;
    const said = amount.unit === 'bpm' || cue.length > 0;
    if (said || (plausible && (before === 'to' || before === 'at') && (direction !== 0 || s.has('take', 'set', 'bring', 'go')) && s.tracks.length === 0)) {
      choices.push({ bpm: amount.value, how: '', score: said ? 1 : 0.9, uses });
    }
  }
  if (choices.length === 0 && direction !== 0 && (cue.length || s.has('faster', 'slower', 'quicker', 'speed', 'slow'))) {
    const steps = STEPS[s.size];
    const sizeWords = s.find(['bit', 'little', 'slightly', 'touch', 'tad', 'much', 'lot', 'way', 'really', 'very']);
    steps.forEach((step, i) =>
      choices.push({
        bpm: Math.round(bpm * (1 + direction * step)),
        how: `${Math.round(step * 100)}% ${direction > 0 ? 'faster' : 'slower'}`,
        score: i === 0 ? 0.95 : 0.85,
        uses: [...cue, ...dirUses, ...sizeWords],
      }),
    );
  }
  return choices;
}

/**
 * Tempo: "take it up to 128", "set the tempo to 90 bpm", "a bit faster",
 * "twice as fast", "half time", "speed up by 10 bpm", "make it 5%
 * slower". Clips keep their place in bars and beats; stems are stretched
 * to the new tempo (which a licence may forbid).
 */
export const tempoReadings: ReadingSource = (s) => {
  const readings: Reading[] = [];
  // A track named in the sentence makes "twice as fast" a clip's rate, not the song's tempo.
  const penalty = s.tracks.some((t) => t.options[0]!.how !== 'all') ? 0.5 : 1;
  for (const choice of tempoChoices(s)) {
    const bpm = tidy(choice.bpm, 2);
    if (bpm < LIMITS.bpm.min || bpm > LIMITS.bpm.max || !Number.isFinite(bpm)) {
      readings.push({
        description: '',
        commands: [],
        score: choice.score,
        uses: choice.uses,
        refusal: `The tempo must be between ${LIMITS.bpm.min} and ${LIMITS.bpm.max} BPM (${Number.isFinite(bpm) ? bpm : 'that number'} is not).`,
      });
      continue;
    }
    const description = `Set the tempo to ${bpm} BPM${choice.how ? ` (${choice.how})` : ''}`;
    readings.push({ description, commands: [{ type: 'setTempo', bpm }], score: choice.score * penalty, uses: choice.uses });
  }
  return readings;
};
