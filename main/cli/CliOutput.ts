import { escapeForTerminal } from '../../shared/text/unsafeCharacters';

/**
 * Everything a command prints goes through here: results (human text or
 * exactly one JSON document with --json — a result or an error, never
 * both, so `JSON.parse(stdout)` always works), errors as one line on
 * stderr, and a progress bar
 * on a terminal (never with --json, never when stderr is not a TTY).
 */
export class CliOutput {
  private barVisible = false;
  private documentWritten = false;

  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr,
  ) {}

  /** Prints a result: `value` as JSON with --json, else the human lines. */
  result(value: unknown, human: () => string | string[]): void {
    this.clearBar();
    if (this.json) this.document(value);
    else {
      // Names and titles come from packages and project files: their escape sequences are shown, never obeyed.
      const text = human();
      this.stdout.write(`${escapeForTerminal(Array.isArray(text) ? text.join('\n') : text)}\n`);
    }
  }

  /** Informational line for humans (stderr, so stdout stays clean for pipes). */
  info(line: string): void {
    if (this.json) return;
    this.clearBar();
    this.stderr.write(`${escapeForTerminal(line)}\n`);
  }

  /**
   * An error: `{ ok: false, error: { message, details? }, ...extra }` with
   * --json (the whole message, a usage line included), and one line on
   * stderr: the message's first line, which carries the whole complaint
   * (callers put hints in it, not on further lines).
   */
  error(message: string, details?: unknown, extra: Record<string, unknown> = {}): void {
    this.clearBar();
    if (this.json) this.document({ ok: false, error: { message, ...(details === undefined ? {} : { details }) }, ...extra });
    this.stderr.write(`stemroom: ${escapeForTerminal(message.split('\n')[0] ?? '')}\n`);
  }

  progress(label: string, done: number, total: number): void {
    if (this.json || !this.stderr.isTTY) return;
    const width = Math.max(10, Math.min(40, (this.stderr.columns ?? 80) - label.length - 20));
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    this.stderr.write(`\r${escapeForTerminal(label)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`);
    this.barVisible = true;
  }

  /** One JSON document per command: a second one would make stdout unparseable, so it is dropped (its error line still reaches stderr). */
  private document(value: unknown): void {
    if (this.documentWritten) return;
    this.documentWritten = true;
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  private clearBar(): void {
    if (!this.barVisible) return;
    this.stderr.write('\r\x1b[2K');
    this.barVisible = false;
  }
}
