import type { Command } from '../../project/commandSchema';
import { formatRange } from '../formatBars';
import type { Reading, ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';

const LOOP = ['loop', 'loops', 'looping', 'cycle'];
const OFF = ['off', 'stop', 'disable', 'no', 'remove', 'clear', 'kill', 'end', 'unloop'];

/** The command that loops [start, end), or null when that loop is already on. */
export function loopCommand(s: Sentence, [start, end]: readonly [number, number]): Command | null {
  const { loop } = s.document;
  if (end <= start) return null;
  if (loop.enabled && loop.start === start && loop.end === end) return null;
  return { type: 'setLoop', loop: { enabled: true, start, end } };
}

/**
 * The loop: "loop the chorus", "loop bars 5 to 8", "cycle the drop",
 * "loop the last 8 bars", "turn the loop off". Loops one contiguous
 * stretch, so "the chorus" means the first one here.
 */
export const loopReadings: ReadingSource = (s) => {
  const cues = s.find(LOOP);
  const repeat = s.find(['repeat']);
  if (cues.length === 0 && repeat.length === 0) return [];
  const score = cues.length ? 1 : 0.6;
  const uses = [...cues, ...repeat];
  const { loop } = s.document;
  const readings: Reading[] = [];
  const off = s.find(OFF);
  if (off.length && s.times.length === 0) {
    if (loop.enabled)
      readings.push({ description: 'Turn the loop off', commands: [{ type: 'setLoop', loop: { ...loop, enabled: false } }], score, uses: [...uses, ...off] });
    return readings;
  }
  for (const mention of s.times) {
    for (const option of mention.options) {
      if (option.ranges.length !== 1) continue;
      const start = option.ranges[0]![0];
      // "loop from bar 9": a loop of four bars starting there.
      const end = mention.kind === 'point' ? start + s.vocab.beatsPerBar * 4 : option.ranges[0]![1];
      const command = loopCommand(s, [start, end]);
      if (!command) continue;
      const where = mention.kind === 'section' ? `${option.label}` : formatRange(start, end, s.vocab.beatsPerBar);
      readings.push({
        description: `Loop ${where}`,
        commands: [command],
        score: score * option.score,
        uses: [...uses, ...range(mention.start, mention.end), ...(mention.prep ? [mention.start - 1] : [])],
      });
    }
  }
  // "loop 8 bars": that long from where the loop starts now.
  const length = s.amounts.find((a) => a.unit === 'bar' || a.unit === 'beat');
  if (s.times.length === 0 && length && length.value > 0) {
    const beats = length.value * (length.unit === 'bar' ? s.vocab.beatsPerBar : 1);
    const command = loopCommand(s, [loop.start, loop.start + beats]);
    if (command)
      readings.push({
        description: `Loop ${formatRange(loop.start, loop.start + beats, s.vocab.beatsPerBar)}`,
        commands: [command],
        score: score * 0.8,
        uses: [...uses, ...range(length.start, length.end)],
      });
  }
  if (s.times.length === 0 && !length && !loop.enabled && s.tracks.length === 0) {
    readings.push({
      description: `Turn the loop on (${formatRange(loop.start, loop.end, s.vocab.beatsPerBar)})`,
      commands: [{ type: 'setLoop', loop: { ...loop, enabled: true } }],
      score: score * 0.9,
      uses,
    });
  }
  return readings;
};
