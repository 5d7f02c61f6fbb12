import { spawnSync } from 'node:child_process';

/**
 * The independent readers an export must satisfy — exiftool, ffprobe,
 * MediaInfo, mutagen — each returning what it read and what it warned.
 * (mutagen runs under Debian's /usr/bin/python3, where python3-mutagen lives.)
 */
function run(command: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 27 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** exiftool -a -G1 -args: every tag as group:name → values (repeated tags, e.g. two Vorbis COMPOSERs, all kept), and its warnings. */
export function exiftool(file: string): { tags: Record<string, string[]>; warnings: string[] } {
  const tags: Record<string, string[]> = {};
  for (const line of run('exiftool', ['-a', '-G1', '-args', '-charset', 'UTF8', file]).stdout.split('\n')) {
    const match = /^-([^=]+)=(.*)$/.exec(line);
    if (match) (tags[match[1]!] ??= []).push(match[2]!);
  }
  const warnings = Object.entries(tags).flatMap(([key, values]) => (/Warning$/.test(key) ? values : []));
  return { tags, warnings };
}

/** ffprobe format tags (keys lower-cased) and the stream, and everything it logged at warning level. */
export function ffprobe(file: string, extra: string[] = []): { tags: Record<string, string>; stream: Record<string, string>; warnings: string[] } {
  const { stdout, stderr } = run('ffprobe', ['-v', 'warning', '-show_format', '-show_streams', '-of', 'json', ...extra, file]);
  const parsed = JSON.parse(stdout) as { format: { tags?: Record<string, string> }; streams: Record<string, string>[] };
  const tags = Object.fromEntries(Object.entries(parsed.format.tags ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  return { tags, stream: parsed.streams[0]!, warnings: stderr.split('\n').filter(Boolean) };
}

/** MediaInfo's General and Audio tracks (JSON), custom fields under `extra`. */
export function mediainfo(file: string): { general: Record<string, unknown>; audio: Record<string, unknown> } {
  const tracks = (JSON.parse(run('mediainfo', ['--Output=JSON', file]).stdout) as { media: { track: Record<string, unknown>[] } }).media.track;
  return { general: tracks.find((t) => t['@type'] === 'General')!, audio: tracks.find((t) => t['@type'] === 'Audio')! };
}

const MUTAGEN = `
import json, sys, mutagen
f = mutagen.File(sys.argv[1])
tags = {}
for key, value in (f.tags or {}).items():
    text = getattr(value, 'text', value)
    tags[key] = [str(v) for v in text] if isinstance(text, list) else [str(text)]
info = {k: getattr(f.info, k) for k in ('length', 'sample_rate', 'encoder_delay', 'encoder_padding', 'encoder_info') if hasattr(f.info, k)}
print(json.dumps({'type': type(f).__name__, 'tags': tags, 'info': info}))
`;

/** mutagen.File: its type, tags (key → values) and stream info. */
export function mutagen(file: string): { type: string; tags: Record<string, string[]>; info: { length: number; sample_rate: number; encoder_info?: string } } {
  return JSON.parse(run('/usr/bin/python3', ['-c', MUTAGEN, file]).stdout);
}
