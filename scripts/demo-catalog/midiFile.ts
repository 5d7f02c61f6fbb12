/** A note in beats, as songs are written. */
export interface Note {
  readonly beat: number;
  readonly beats: number;
  readonly pitch: number;
  readonly velocity: number;
}

/** One instrument part: a General MIDI program (or the drum kit on channel 10). */
export interface Part {
  readonly program: number;
  readonly drums?: boolean;
  readonly notes: readonly Note[];
  /** Channel volume (CC7), 0–127. */
  readonly volume?: number;
  readonly pan?: number;
}

const TICKS_PER_BEAT = 480;

function variableLength(value: number): number[] {
  const bytes = [value & 0x7f];
  value >>= 7;
  while (value > 0) {
    bytes.unshift((value & 0x7f) | 0x80);
    value >>= 7;
  }
  return bytes;
}

/** A Standard MIDI File (type 0) of one part at `bpm`. */
export function midiFile(part: Part, bpm: number): Uint8Array {
  const channel = part.drums ? 9 : 0;
  const events: { tick: number; order: number; data: number[] }[] = [];
  const microsPerBeat = Math.round(60_000_000 / bpm);
  events.push({ tick: 0, order: 0, data: [0xff, 0x51, 0x03, (microsPerBeat >> 16) & 0xff, (microsPerBeat >> 8) & 0xff, microsPerBeat & 0xff] });
  if (!part.drums) events.push({ tick: 0, order: 1, data: [0xc0 | channel, part.program] });
  events.push({ tick: 0, order: 1, data: [0xb0 | channel, 7, part.volume ?? 100] });
  events.push({ tick: 0, order: 1, data: [0xb0 | channel, 10, part.pan ?? 64] });
  for (const note of part.notes) {
    const on = Math.round(note.beat * TICKS_PER_BEAT);
    const off = Math.max(on + 1, Math.round((note.beat + note.beats) * TICKS_PER_BEAT));
    events.push({ tick: on, order: 3, data: [0x90 | channel, note.pitch, Math.max(1, Math.min(127, Math.round(note.velocity)))] });
    events.push({ tick: off, order: 2, data: [0x80 | channel, note.pitch, 0] });
  }
  events.sort((a, b) => a.tick - b.tick || a.order - b.order);
  const track: number[] = [];
  let last = 0;
  for (const event of events) {
    track.push(...variableLength(event.tick - last), ...event.data);
    last = event.tick;
  }
  track.push(0, 0xff, 0x2f, 0x00);
  const header = [0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, (TICKS_PER_BEAT >> 8) & 0xff, TICKS_PER_BEAT & 0xff];
  const length = track.length;
  return Uint8Array.from([...header, 0x4d, 0x54, 0x72, 0x6b, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff, ...track]);
}
