import { describe, expect, it } from 'vitest';
import { escapeForTerminal, unsafeCharacter } from './unsafeCharacters';

describe('unsafe characters', () => {
  it.each([
    ['Night\u001b[31mFerry', 'U+001B (ESC)'],
    ['line\nbreak', 'U+000A (LF)'],
    ['tab\there', 'U+0009 (TAB)'],
    ['over\rwrite', 'U+000D (CR)'],
    ['del\u007f', 'U+007F (DEL)'],
    ['c1\u009b31m', 'U+009B (control character)'],
    ['evil\u202egpj.exe', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['iso\u2067late', 'U+2067 (RIGHT-TO-LEFT ISOLATE)'],
    ['para\u2029graph', 'U+2029 (PARAGRAPH SEPARATOR)'],
  ])('finds the first unsafe character in %j', (text, described) => {
    expect(unsafeCharacter(text)).toBe(described);
  });

  it('accepts ordinary names in any script', () => {
    for (const name of ['Glass Orchard (Remix)', 'Sigur Rós', 'مرحبا', '東京', 'Beyoncé — “Halo”', '👩‍🎤 Vox']) expect(unsafeCharacter(name)).toBeNull();
  });

  it('escapes what would drive a terminal, keeping tabs and newlines', () => {
    expect(escapeForTerminal('a\u001b[2Jb\u009b\u202e\tc\nd')).toBe('a\\x1B[2Jb\\x9B\\u202E\tc\nd');
  });
});
