import { describe, expect, it } from 'vitest';
import { RunRing } from './RunRing';
import { ChunkQueue } from './ChunkQueue';

const ramp = (from: number, count: number) => Float32Array.from({ length: count }, (_, i) => from + i);

describe('RunRing (shared memory) and ChunkQueue (transferred chunks)', () => {
  it.each(['ring', 'queue'] as const)('%s: frames come out in order across wrap-arounds; missing frames are silence and counted', (kind) => {
    const capacity = 1000;
    const shared = RunRing.create(2, capacity);
    const writer = new RunRing(shared);
    const reader = kind === 'ring' ? new RunRing(shared) : new ChunkQueue();
    const push = (from: number, count: number) => {
      const channels = [ramp(from, count), ramp(from, count)];
      if (reader instanceof ChunkQueue) reader.push({ offset: from, channels });
      else writer.write(channels, count);
    };
    const out = [new Float32Array(128), new Float32Array(128)];
    let written = 0;
    let played = 0;
    let missing = 0;
    for (let round = 0; round < 40; round++) {
      const room = kind === 'ring' ? writer.read + capacity - writer.written : 700;
      const n = Math.min(room, 300 + ((round * 37) % 200));
      if (round % 7 !== 6) {
        push(written, n);
        written += n;
      }
      for (let k = 0; k < 3; k++) {
        missing += reader.readInto(played, 128, out);
        for (let i = 0; i < 128; i++) expect(out[0]![i]).toBe(played + i < written ? played + i : 0);
        played += 128;
      }
      if (played > written) {
        // The reader ran past the writer: the writer carries on from where the reader is.
        push(written, played - written);
        written = played;
      }
    }
    expect(missing).toBeGreaterThan(0);
    expect(reader.read).toBe(played);
  });

  it.each(['ring', 'queue'] as const)('%s: a writer that fell behind skips ahead; the frames it skipped read as missing, not as stale audio', (kind) => {
    const shared = RunRing.create(1, 256);
    const writer = new RunRing(shared);
    const reader = kind === 'ring' ? new RunRing(shared) : new ChunkQueue();
    const write = (at: number, count: number) =>
      reader instanceof ChunkQueue ? reader.push({ offset: at, channels: [ramp(at, count)] }) : writer.write([ramp(at, count)], count, 0, at);
    // Fill and play the ring once, so its memory holds old audio everywhere.
    write(0, 256);
    const out = [new Float32Array(256)];
    expect(reader.readInto(0, 256, out)).toBe(0);
    write(256, 64);
    write(400, 100); // frames 320…399 skipped
    const missing = reader.readInto(256, 256, out);
    expect(missing).toBe(80 + 12);
    for (let i = 0; i < 256; i++) {
      const frame = 256 + i;
      expect(out[0]![i]).toBe(frame < 320 || (frame >= 400 && frame < 500) ? frame : 0);
    }
  });

  it('refuses to overwrite frames the reader has not played', () => {
    const ring = new RunRing(RunRing.create(1, 256));
    ring.write([new Float32Array(256)], 256);
    expect(() => ring.write([new Float32Array(1)], 1)).toThrow(/overflow/);
    ring.readInto(0, 128, [new Float32Array(128)]);
    ring.write([new Float32Array(128)], 128);
    expect(ring.written).toBe(384);
  });

  it('a writer whose reader has not started may release frames it will never read, and fill past them', () => {
    const shared = RunRing.create(1, 256);
    const writer = new RunRing(shared);
    writer.write([ramp(0, 256)], 256);
    writer.release(1000);
    writer.release(500); // never backwards
    expect(writer.read).toBe(1000);
    writer.write([ramp(1000, 256)], 256, 0, 1000);
    const out = [new Float32Array(128)];
    expect(new RunRing(shared).readInto(1100, 128, out)).toBe(0);
    expect(Array.from(out[0]!)).toEqual(Array.from(ramp(1100, 128)));
  });
});
