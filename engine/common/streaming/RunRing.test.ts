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
      const channels = [ramp(from, count), ramp(-from, count).map((v) => -v)];
      if (reader instanceof ChunkQueue) reader.push({ offset: from, channels });
      else writer.write(0, channels, count);
    };
    const out = [new Float32Array(128), new Float32Array(128)];
    let written = 0;
    let played = 0;
    let missing = 0;
    for (let round = 0; round < 40; round++) {
      const room = kind === 'ring' ? writer.room : 700;
      const n = Math.min(room, 300 + ((round * 37) % 200));
      if (round % 7 !== 6) {
        push(written, n);
        written += n;
      }
      for (let k = 0; k < 3; k++) {
        missing += reader.readInto(played, 128, out);
        for (let i = 0; i < 128; i++) {
          const frame = played + i;
          expect(out[0]![i]).toBe(frame < written ? frame : 0);
        }
        played += 128;
      }
      if (played > written) {
        // The reader ran past the writer: what it missed is gone; the writer catches up from there.
        if (reader instanceof ChunkQueue) push(written, played - written);
        else writer.write(0, [new Float32Array(played - written)], played - written);
        written = played;
      }
    }
    expect(missing).toBeGreaterThan(0);
    expect(reader.read).toBe(played);
  });

  it('refuses to overwrite frames the reader has not played', () => {
    const ring = new RunRing(RunRing.create(1, 256));
    ring.write(0, [new Float32Array(256)], 256);
    expect(() => ring.write(0, [new Float32Array(1)], 1)).toThrow(/overflow/);
    ring.readInto(0, 128, [new Float32Array(128)]);
    expect(ring.room).toBe(128);
  });
});
