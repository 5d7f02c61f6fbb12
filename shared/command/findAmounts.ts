import { UNIT_WORDS } from './lexicon';
import type { Token } from './tokenize';

export type Unit = (typeof UNIT_WORDS)[string];

/** A number in the sentence with what it counts: "3 dB", "+2", "128 bpm", "an octave", "two bars". */
export interface Amount {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: Unit | null;
  /** Written with a sign ("+3", "-6", "minus three"). */
  readonly signed: boolean;
}

/** Musical intervals said as words: "up a fifth" is seven semitones. */
const INTERVALS: Readonly<Record<number, number>> = { 3: 4, 4: 5, 5: 7, 6: 9, 7: 11 };

/**
 * The amounts in a sentence, skipping the words other mentions already
 * took (the 9 and 16 of "bars 9 to 16" are times, not amounts).
 */
export function findAmounts(tokens: readonly Token[], taken: ReadonlySet<number>): Amount[] {
  const amounts: Amount[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const token = tokens[i]!;
    const next = tokens[i + 1]?.text ?? '';
    if (token.kind === 'number') {
      const unit = taken.has(i + 1) ? null : (UNIT_WORDS[next] ?? null);
      const signed = token.value! < 0 || tokens[i - 1]?.text === '+';
      amounts.push({ start: signed && tokens[i - 1]?.text === '+' ? i - 1 : i, end: unit ? i + 2 : i + 1, value: token.value!, unit, signed });
      if (unit) i++;
      continue;
    }
    // "a bar", "an octave", "one beat", "half a bar", "a semitone"
    if ((token.text === 'a' || token.text === 'an') && UNIT_WORDS[next] && !taken.has(i + 1)) {
      const half = tokens[i - 1]?.text === 'half';
      amounts.push({ start: half ? i - 1 : i, end: i + 2, value: half ? 0.5 : 1, unit: UNIT_WORDS[next]!, signed: false });
      i++;
      continue;
    }
    // "up a fifth", "down a fourth"
    if (
      (token.text === 'a' || token.text === 'an') &&
      tokens[i + 1]?.kind === 'ordinal' &&
      INTERVALS[tokens[i + 1]!.value!] &&
      ['up', 'down'].includes(tokens[i - 1]?.text ?? '')
    ) {
      amounts.push({ start: i, end: i + 2, value: INTERVALS[tokens[i + 1]!.value!]!, unit: 'semitone', signed: false });
      i++;
    }
  }
  return amounts;
}
