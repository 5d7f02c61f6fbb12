/** One word of a command after normalising: a word, a number (digits or words), an ordinal, or a symbol. */
export interface Token {
  readonly kind: 'word' | 'number' | 'ordinal' | 'symbol';
  /** Lower-case text ("mute", "128", "2nd", "%"). */
  readonly text: string;
  /** Numbers and ordinals: the value (ordinal "last" is -1). */
  readonly value?: number;
}

const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  last: -1,
  final: -1,
};

/** The longest digit string read as a number; longer ones are refused as nonsense rather than rounded. */
const MAX_DIGITS = 9;

function isNumberWord(word: string): boolean {
  return word in UNITS || word in TENS || word in SCALES;
}

/**
 * Reads a run of number words starting at `i`: "one hundred and twenty
 * four" = 124, "a hundred" = 100, and the way musicians say tempos, "one
 * twenty eight" = 128. Returns the value and how many words it used.
 */
function readNumberWords(words: readonly string[], i: number): { value: number; used: number } | null {
  let j = i;
  if (words[j] === 'a' && words[j + 1]! in SCALES) j++;
  if (!isNumberWord(words[j] ?? '') || words[j] === 'oh') return null;
  let total = 0;
  let group = words[i] === 'a' ? 1 : 0;
  let lastKind: 'unit' | 'tens' | 'scale' | null = null;
  let scaled = false;
  for (; j < words.length; j++) {
    const word = words[j]!;
    if (word === 'and' && lastKind === 'scale' && isNumberWord(words[j + 1] ?? '')) continue;
    if (word in UNITS && word !== 'oh') {
      if (lastKind === 'unit' || (lastKind === 'tens' && UNITS[word]! >= 10)) break;
      group += UNITS[word]!;
      lastKind = 'unit';
    } else if (word in TENS) {
      // "one twenty eight": a lone digit before tens is the hundreds of a tempo.
      if (lastKind === 'unit' && !scaled && group > 0 && group < 10) {
        total += group * 100;
        group = 0;
      } else if (lastKind === 'unit' || lastKind === 'tens') break;
      group += TENS[word]!;
      lastKind = 'tens';
    } else if (word in SCALES) {
      if (lastKind === null && group === 0) break;
      group = Math.max(group, 1) * SCALES[word]!;
      if (word === 'thousand') {
        total += group;
        group = 0;
      }
      lastKind = 'scale';
      scaled = true;
    } else break;
  }
  if (lastKind === null) return null;
  return { value: total + group, used: j - i };
}

/**
 * Lower-cases and splits a sentence into tokens, reading numbers written
 * in words, ordinals ("second", "3rd", "last") and negative numbers
 * ("minus three", "-6 dB"). Hyphenated words become two words
 * ("half-time" → "half time"); units stuck to numbers come apart
 * ("2db" → "2 db").
 *
 * @example
 * tokenize('take it up to one twenty eight').map((t) => t.text) // ['take', 'it', 'up', 'to', '128']
 */
export function tokenize(text: string): Token[] {
  const clean = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/(\d)([a-z%])/g, (match, digit: string, after: string, offset: number, whole: string) => {
      // Keep 1st/2nd/3rd/4th together; split 2db, 128bpm, 5%.
      const rest = whole.slice(offset + 1, offset + 3);
      return /^(st|nd|rd|th)\b/.test(rest) ? match : `${digit} ${after}`;
    });
  const raw = clean.match(/\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+#?|[%+\-/&,]/g) ?? [];
  // Hyphens between words join nothing: "hi-hats" reads as "hi hats".
  const words = raw.filter((w, i) => !(w === '-' && /^[a-z]/.test(raw[i - 1] ?? '') && /^[a-z]/.test(raw[i + 1] ?? '')));
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(word);
    if (ordinal) {
      tokens.push({ kind: 'ordinal', text: word, value: Number(ordinal[1]) });
      continue;
    }
    if (/^\d/.test(word)) {
      const digits = word.replace('.', '').replace(/^0+(?=\d)/, '');
      tokens.push({ kind: 'number', text: word, value: digits.length > MAX_DIGITS ? Number.POSITIVE_INFINITY : Number(word) });
      continue;
    }
    if (word === 'second' && tokens.at(-1)?.kind === 'number') {
      tokens.push({ kind: 'word', text: word });
      continue;
    }
    if (word in ORDINALS) {
      tokens.push({ kind: 'ordinal', text: word, value: ORDINALS[word]! });
      continue;
    }
    const spoken = readNumberWords(words, i);
    if (spoken) {
      tokens.push({ kind: 'number', text: String(spoken.value), value: spoken.value });
      i += spoken.used - 1;
      continue;
    }
    tokens.push({ kind: /^[a-z]/.test(word) ? 'word' : 'symbol', text: word });
  }
  return negate(tokens);
}

/** "minus 3", "negative 3" and a "-" that does not sit between two numbers make the number negative. */
function negate(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const sign = token.text === 'minus' || token.text === 'negative' || (token.text === '-' && out.at(-1)?.kind !== 'number');
    if (sign && next?.kind === 'number') {
      out.push({ kind: 'number', text: `-${next.text}`, value: -next.value! });
      i++;
    } else out.push(token);
  }
  return out;
}
