/** The longest sentence the command bar interprets (a sentence, not a script). */
export const MAX_COMMAND_TEXT = 300;

/** C0 and C1 control characters, DEL, and the Unicode bidi overrides that can disguise text. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

/**
 * Why a sentence cannot be interpreted at all, in one line, or null when it
 * can. Checked on both sides of the contract before anything else.
 *
 * @example
 * commandTextProblem('mute the vocals') // null
 * commandTextProblem('mute\u0000') // 'A command cannot contain control characters.'
 */
export function commandTextProblem(text: string): string | null {
  if (text.length > MAX_COMMAND_TEXT) return `A command is at most ${MAX_COMMAND_TEXT} characters (this one has ${text.length}).`;
  if (hasControl(text)) return 'A command cannot contain control characters.';
  if (text.trim() === '') return 'Type what you want to change, e.g. "mute the vocals in the chorus".';
  return null;
}
