/**
 * Characters that change how text is shown rather than what it says: C0
 * controls (ESC starts terminal escape sequences, CR rewrites a line), DEL,
 * C1 controls, the Unicode line/paragraph separators, and the bidirectional
 * embeddings, overrides and isolates ("Trojan Source" reordering). Names
 * and titles may not contain them; anything printed to a terminal has them
 * escaped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- as above, except tab and newline (line structure of printed output)
const UNSAFE_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const names: Record<number, string> = {
  0x09: 'TAB',
  0x0a: 'LF',
  0x0d: 'CR',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

/**
 * The first character of `text` that may not appear in a name or title,
 * described for a refusal (`U+001B (ESC)`), or null when there is none.
 *
 * @example
 * unsafeCharacter('Night\u001b[31mFerry'); // 'U+001B (ESC)'
 * unsafeCharacter('Nuit blanche'); // null
 */
export function unsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text);
  if (!found) return null;
  const code = found[0].codePointAt(0)!;
  const label = names[code] ?? (code < 0xa0 ? 'control character' : 'bidirectional control');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${label})`;
}

/**
 * `text` with every unsafe character but tab and newline written as a
 * visible escape (`\x1B`, `\u202E`), so printing it cannot move the cursor,
 * recolour the terminal or reorder what follows.
 *
 * @example
 * escapeForTerminal('a\u001b[2Jb'); // 'a\\x1B[2Jb'
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
