import { damerauLevenshtein } from './damerauLevenshtein';
import type { Token } from './tokenize';

export interface Correction {
  readonly from: string;
  readonly to: string;
}

/** How many typing mistakes a word of this length may carry and still be recognised. */
function allowance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

/**
 * Corrects words the grammar and the project do not know to the nearest
 * word they do ("teh" → "the", "gutiar" → "guitar", "chrous" → "chorus").
 * Ties go to the project's own names, then to the word of the closest
 * length that starts with the same letter. Numbers and known words are
 * left alone.
 *
 * @example
 * correctSpelling(tokenize('mtue the bsas'), vocab).tokens.map((t) => t.text) // ['mute', 'the', 'bass']
 */
export function correctSpelling(
  tokens: readonly Token[],
  words: ReadonlySet<string>,
  preferred: ReadonlySet<string>,
): { tokens: Token[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const out = tokens.map((token) => {
    if (token.kind !== 'word' || words.has(token.text)) return token;
    const max = allowance(token.text.length);
    if (max === 0) return token;
    let best: { word: string; rank: number[] } | null = null;
    for (const word of words) {
      if (Math.abs(word.length - token.text.length) > max || word.length < 3) continue;
      const distance = damerauLevenshtein(token.text, word, max);
      // Long words may carry more mistakes, but a short word is only "close" with one.
      if (distance > max || distance > Math.max(1, Math.floor(word.length / 3))) continue;
      const rank = [distance, preferred.has(word) ? 0 : 1, word[0] === token.text[0] ? 0 : 1, Math.abs(word.length - token.text.length)];
      if (!best || compare(rank, best.rank) < 0 || (compare(rank, best.rank) === 0 && word < best.word)) best = { word, rank };
    }
    if (!best) return token;
    corrections.push({ from: token.text, to: best.word });
    return { ...token, text: best.word };
  });
  return { tokens: out, corrections };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
