import fs from 'node:fs';

/** A Chromium renderer process this bench started (Linux /proc). */
export interface RendererProcess {
  readonly pid: number;
  /** Headless Chromium's own WebUI renderer (its tab strip): no page can change it. */
  readonly webui: boolean;
  readonly rssMiB: number;
  /** Whether it runs an audio output thread: the studio page's process once it has played. */
  readonly playsAudio: boolean;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const mib = (kib: number) => Math.round(kib / 1024);

/** Whether `pid` descends from this process (within a few generations: browser → zygote → renderer). */
function ours(pid: number): boolean {
  for (let p = pid, depth = 0; p > 1 && depth < 8; depth++) {
    if (p === process.pid) return true;
    p = Number(/^PPid:\s+(\d+)/m.exec(read(`/proc/${p}/status`))?.[1] ?? 0);
  }
  return false;
}

/**
 * The renderer processes of the Chromium this process launched. Only
 * ours: the machine is shared, and other people's browsers run renderers
 * too (summing every `chromium --type=renderer` counted theirs, and
 * Chromium's spare renderer, as the page's).
 *
 * @example
 * const page = ownRenderers().find((r) => r.playsAudio);
 */
export function ownRenderers(): RendererProcess[] {
  const out: RendererProcess[] = [];
  for (const pid of fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)) {
    try {
      const cmdline = read(`/proc/${pid}/cmdline`);
      if (!cmdline.includes('chromium') || !cmdline.includes('--type=renderer') || !ours(pid)) continue;
      const threads = fs.readdirSync(`/proc/${pid}/task`).map((t) => {
        try {
          return read(`/proc/${pid}/task/${t}/comm`).trim();
        } catch {
          return '';
        }
      });
      out.push({
        pid,
        webui: cmdline.includes('--top-chrome-webui'),
        rssMiB: mib(Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0)),
        playsAudio: threads.some((name) => name.startsWith('AudioOutputDevi')),
      });
    } catch {
      // the process ended
    }
  }
  return out;
}

/** The studio page's renderer: the one playing audio, else the largest page renderer. */
export function pageRenderer(): RendererProcess | undefined {
  const pages = ownRenderers().filter((r) => !r.webui);
  return pages.find((r) => r.playsAudio) ?? pages.sort((a, b) => b.rssMiB - a.rssMiB)[0];
}

/**
 * Where a process's resident memory is, MiB (/proc/PID/smaps): Chromium's
 * own files mapped (code and data, shared with every renderer: an empty
 * page's renderer has ~120 MiB of them), shared memory (software-drawn
 * canvases and compositor tiles handed to the display compositor, audio
 * to the audio service), and anonymous memory (JS heaps, array buffers,
 * WASM memories, Blink, the allocator).
 */
export function residentBreakdown(pid: number): { chromiumFilesMiB: number; otherFilesMiB: number; sharedMemoryMiB: number; anonymousMiB: number } {
  let chromium = 0;
  let files = 0;
  let shared = 0;
  let anonymous = 0;
  let name = '';
  for (const line of read(`/proc/${pid}/smaps`).split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      name = mapping[1] ?? '';
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (!rss) continue;
    const kib = Number(rss[1]);
    if (name.startsWith('/usr/lib/chromium/')) chromium += kib;
    else if (name.startsWith('/memfd:') || name.startsWith('/dev/shm/')) shared += kib;
    else if (name.startsWith('/')) files += kib;
    else anonymous += kib;
  }
  return { chromiumFilesMiB: mib(chromium), otherFilesMiB: mib(files), sharedMemoryMiB: mib(shared), anonymousMiB: mib(anonymous) };
}
