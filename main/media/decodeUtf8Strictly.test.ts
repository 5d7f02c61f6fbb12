import { expect, it } from 'vitest';
import { decodeUtf8Strictly } from './decodeUtf8Strictly';

it('decodes UTF-8, dropping a leading byte order mark', () => {
  expect(decodeUtf8Strictly(Buffer.from('\ufeff{"title":"Sigur Rós 東京 👩‍🎤"}'))).toBe('{"title":"Sigur Rós 東京 👩‍🎤"}');
});

it.each([
  [[0x7b, 0xc3, 0x28], 1, 'bad continuation'],
  [[0x41, 0xc0, 0xaf], 1, 'overlong'],
  [[0x41, 0x42, 0xed, 0xa0, 0x80], 2, 'surrogate'],
  [[0xf4, 0x90, 0x80, 0x80], 0, 'above U+10FFFF'],
  [[0x41, 0xe2, 0x82], 1, 'truncated at the end'],
  [[0xff], 0, 'never valid'],
])('refuses %j: first bad byte at %i (%s)', (bytes, offset) => {
  expect(() => decodeUtf8Strictly(Uint8Array.from(bytes))).toThrow(`is not valid UTF-8 (byte ${offset})`);
});
