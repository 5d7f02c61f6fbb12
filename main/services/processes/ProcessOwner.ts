import fs from 'node:fs';

/**
 * A process, identified so that "is it still running?" has a reliable
 * answer even after its pid is reused. On Linux the identity is boot id +
 * pid + the start time the kernel records (/proc/<pid>/stat field 22): a
 * new process that happens to get the same pid has another start time, and
 * after a reboot every owner is gone. Elsewhere (no /proc) it is the pid
 * alone and liveness is `kill(pid, 0)` — a reused pid then looks alive,
 * which only delays cleanup, never deletes a live process's work.
 *
 * The token is what journal rows and scratch folders are labelled with:
 * `<pid>-<start>-<boot>` (`x` for a part the platform does not provide).
 *
 * @example
 * const me = ProcessOwner.current();
 * ProcessOwner.parse(me.token)?.isAlive(); // true
 */
export class ProcessOwner {
  private constructor(
    readonly pid: number,
    readonly start: string | null,
    readonly boot: string | null,
  ) {}

  private static self: ProcessOwner | undefined;

  /** This process. */
  static current(): ProcessOwner {
    if (!ProcessOwner.self) {
      const start = linuxStartTime(process.pid);
      // Without our own start time (no readable /proc), others must judge us by pid alone.
      ProcessOwner.self = new ProcessOwner(process.pid, start, start === null ? null : linuxBootId());
    }
    return ProcessOwner.self;
  }

  /** The owner a token names, or null when the token is not one. */
  static parse(token: string): ProcessOwner | null {
    const match = /^(\d{1,10})-(\d{1,20}|x)-([0-9a-f]{8}|x)$/.exec(token);
    if (!match) return null;
    return new ProcessOwner(Number(match[1]), match[2] === 'x' ? null : match[2]!, match[3] === 'x' ? null : match[3]!);
  }

  get token(): string {
    return `${this.pid}-${this.start ?? 'x'}-${this.boot ?? 'x'}`;
  }

  /** Whether this process is still running (a zombie is not). */
  isAlive(): boolean {
    const boot = linuxBootId();
    if (boot !== null && this.boot !== null) {
      if (boot !== this.boot) return false;
      const stat = readStat(this.pid);
      return stat !== null && stat.state !== 'Z' && stat.state !== 'X' && (this.start === null || stat.start === this.start);
    }
    try {
      process.kill(this.pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists, under another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

let bootId: string | null | undefined;

/** The first 8 hex digits of this boot's random id (Linux), so owners from before a reboot are recognised as gone. */
function linuxBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').replace(/-/g, '').slice(0, 8);
    } catch {
      bootId = null;
    }
  }
  return bootId;
}

function linuxStartTime(pid: number): string | null {
  return readStat(pid)?.start ?? null;
}

/** State and start time from /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields are counted from the last ')'. */
function readStat(pid: number): { state: string; start: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
  const state = fields[0];
  const start = fields[19];
  return state && start && /^\d+$/.test(start) ? { state, start } : null;
}
