import { describe, expect, it } from 'vitest';
import { correctSpelling } from './correctSpelling';
import { damerauLevenshtein } from './damerauLevenshtein';
import { projectVocabulary } from './ProjectVocabulary';
import { tokenize } from './tokenize';
import { evalProjectDocument } from '../../bench/commandEval/evalProject';

const texts = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['take it up to one twenty eight', ['take', 'it', 'up', 'to', '128']],
    ['tempo to one hundred and twenty four', ['tempo', 'to', '124']],
    ['slow it down to a hundred', ['slow', 'it', 'down', 'to', '100']],
    ['the first sixteen bars', ['the', 'first', '16', 'bars']],
    ['set the bass volume to minus three', ['set', 'the', 'bass', 'volume', 'to', '-3']],
    ['set the piano to -6 dB', ['set', 'the', 'piano', 'to', '-6', 'db']],
    ['vocals down 2db', ['vocals', 'down', '2', 'db']],
    ['bars 17-24', ['bars', '17', '-', '24']],
    ['mute the 2nd verse', ['mute', 'the', '2nd', 'verse']],
    ['half-time the hi-hats', ['half', 'time', 'the', 'hi', 'hats']],
    ['pan it 30% right', ['pan', 'it', '30', '%', 'right']],
    ['key of C#', ['key', 'of', 'c#']],
    ['don’t touch the kick', ['dont', 'touch', 'the', 'kick']],
  ])('%j → %j', (text, words) => {
    expect(texts(text)).toEqual(words);
  });

  it('reads ordinals as positions (last = −1) and refuses absurdly long numbers rather than rounding them', () => {
    expect(tokenize('the second verse')[1]).toEqual({ kind: 'ordinal', text: 'second', value: 2 });
    expect(tokenize('the last chorus')[1]).toEqual({ kind: 'ordinal', text: 'last', value: -1 });
    expect(tokenize('3rd')[0]).toEqual({ kind: 'ordinal', text: '3rd', value: 3 });
    expect(tokenize('2 second')[1]).toEqual({ kind: 'word', text: 'second' });
    expect(tokenize('tempo 12345678901234567890')[1]!.value).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('spelling', () => {
  it.each([
    ['teh', 'the', 1],
    ['gutiar', 'guitar', 1],
    ['percusion', 'percussion', 1],
    ['mtue', 'mute', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('Damerau–Levenshtein(%j, %j) = %i', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });

  it('gives up past the limit', () => {
    expect(damerauLevenshtein('completely', 'different', 2)).toBe(3);
  });

  it("corrects towards the project's own names and the grammar, and leaves known words and numbers alone", () => {
    const vocab = projectVocabulary(evalProjectDocument());
    const { tokens, corrections } = correctSpelling(tokenize('mtue the bsas and strigns 128 in the chrous'), vocab.words, vocab.nameWords);
    expect(tokens.map((t) => t.text)).toEqual(['mute', 'the', 'bass', 'and', 'strings', '128', 'in', 'the', 'chorus']);
    expect(corrections).toEqual([
      { from: 'mtue', to: 'mute' },
      { from: 'bsas', to: 'bass' },
      { from: 'strigns', to: 'strings' },
      { from: 'chrous', to: 'chorus' },
    ]);
    expect(correctSpelling(tokenize('xylophone'), vocab.words, vocab.nameWords).corrections).toEqual([]);
  });
});
