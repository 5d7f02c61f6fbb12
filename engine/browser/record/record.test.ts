import { describe, expect, it } from 'vitest';
import { joinChunks, sliceCapture } from './CapturedAudio';
import { encodeWav } from './encodeWav';
import { findOnset } from './findOnset';
import { placeTake } from './placeTake';

const SR = 48000;

/** A capture starting at context frame `startFrame` with single-sample clicks at the given context frames. */
function clicks(startFrame: number, frames: number, at: number[]) {
  const samples = new Float32Array(frames);
  for (const f of at) samples[f - startFrame] = 0.8;
  return { startFrame, sampleRate: SR, channels: [samples] };
}

describe('capture', () => {
  it('joins stamped chunks into one contiguous capture, filling a gap with silence', () => {
    const a = { frame: 1000, channels: [Float32Array.from([1, 2, 3])] };
    const b = { frame: 1003, channels: [Float32Array.from([4, 5])] };
    const c = { frame: 1008, channels: [Float32Array.from([9])] };
    const joined = joinChunks([a, b, c], SR);
    expect(joined.startFrame).toBe(1000);
    expect([...joined.channels[0]!]).toEqual([1, 2, 3, 4, 5, 0, 0, 0, 9]);
    expect([...sliceCapture(joined, 1002, 1005).channels[0]!]).toEqual([3, 4, 5]);
    expect(sliceCapture(joined, 1002, 1005).startFrame).toBe(1002);
  });

  it('finds a click onset to the sample, and nothing in silence', () => {
    const samples = new Float32Array(1000);
    samples.fill(0.001);
    samples[400] = 0.3;
    samples[401] = 0.9;
    expect(findOnset(samples, 100, 900)).toBe(401);
    expect(findOnset(new Float32Array(1000), 0, 1000)).toBeNull();
  });
});

describe('placeTake (latency compensation)', () => {
  it('puts what the performer played on the beat back on the beat', () => {
    // Transport starts at context time 10 s from timeline 4 s; the round trip is 23.5 ms.
    const transportStartTime = 10;
    const latencySec = 0.0235;
    // The performer plays on the timeline at 4.5, 5.0 and 5.5 s; the input receives each latency later.
    const heardAt = [4.5, 5.0, 5.5].map((t) => Math.round((t - 4 + transportStartTime + latencySec) * SR));
    const captured = clicks(Math.round(9.9 * SR), SR * 2, heardAt);
    const placed = placeTake(captured, { transportStartTime, transportStartSeconds: 4, latencySec });
    const onsets: number[] = [];
    const s = placed.audio.channels[0]!;
    for (let i = 0; i < s.length; i++) if (s[i]! > 0.5) onsets.push(placed.timelineStartSeconds + i / SR);
    expect(onsets).toHaveLength(3);
    onsets.forEach((t, k) => expect(Math.abs(t - [4.5, 5.0, 5.5][k]!)).toBeLessThan(1 / SR));
    // Audio from before the record point (count-in) is not part of the take.
    expect(placed.timelineStartSeconds).toBeCloseTo(4, 4);
  });

  it('keeps only the punch range', () => {
    const captured = clicks(0, SR * 4, [SR * 1, SR * 2, SR * 3]);
    const placed = placeTake(captured, { transportStartTime: 0, transportStartSeconds: 0, latencySec: 0, keepFromSeconds: 1.5, keepToSeconds: 2.5 });
    expect(placed.timelineStartSeconds).toBeCloseTo(1.5, 6);
    expect(placed.audio.channels[0]!.length).toBe(SR);
    expect(placed.audio.channels[0]!.filter((v) => v > 0).length).toBe(1);
  });
});

describe('encodeWav', () => {
  it('writes 24-bit PCM that reads back within one step', () => {
    const left = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 7));
    const right = Float32Array.from({ length: 100 }, (_, i) => (i % 2 ? -1.5 : 0.25));
    const bytes = encodeWav([left, right], SR);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
    expect([view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true), view.getUint32(40, true)]).toEqual([2, SR, 24, 100 * 6]);
    const read = (frame: number, channel: number) => {
      const o = 44 + frame * 6 + channel * 3;
      const v = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16);
      return (v & 0x800000 ? v - 0x1000000 : v) / 8388607;
    };
    for (let i = 0; i < 100; i++) {
      expect(Math.abs(read(i, 0) - left[i]!)).toBeLessThan(1 / 8388607);
      expect(read(i, 1)).toBeCloseTo(Math.max(-1, right[i]!), 6);
    }
  });
});
