import { describe, expect, it } from 'vitest';
import { createSignalsmith } from './loadSignalsmith';
import { readArrays, StretchVoice, type ReadFrames } from './StretchVoice';
import { stretchChannels } from './stretchChannels';
import { seededRandom } from '../dsp/seededRandom';

const sr = 44100;

function music(seconds: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  const frames = Math.round(seconds * sr);
  return [0, 1].map((c) => {
    const x = new Float32Array(frames);
    for (let i = 0; i < frames; i++) x[i] = (0.3 * Math.sin((2 * Math.PI * (220 + 110 * c) * i) / sr) * (1 + Math.sin(i / 3000))) / 2 + 0.05 * (random() - 0.5);
    return x;
  });
}

const same = (a: Float32Array, b: Float32Array) =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('StretchVoice', () => {
  it('renders the same samples whether asked for all at once or in uneven pieces (live stream = offline render)', async () => {
    const source = music(3, 1);
    const options = { timeFactor: 100 / 108, semitones: 2 };
    const whole = [new Float32Array(80_000), new Float32Array(80_000)];
    new StretchVoice(await createSignalsmith(), 2, sr, options, 20_000, readArrays(source)).render(whole, 0, 80_000);
    const pieces = [new Float32Array(80_000), new Float32Array(80_000)];
    const voice = new StretchVoice(await createSignalsmith(), 2, sr, options, 20_000, readArrays(source));
    const random = seededRandom(9);
    for (let done = 0; done < 80_000;) {
      const n = Math.min(80_000 - done, 1 + Math.floor(random() * 3000));
      voice.render(pieces, done, n);
      done += n;
    }
    expect(voice.position).toBe(80_000);
    expect(same(whole[0]!, pieces[0]!) && same(whole[1]!, pieces[1]!)).toBe(true);
  });

  it('a voice from frame S is stretchChannels of the source from S', async () => {
    const source = music(2, 2);
    const start = 12_345;
    const options = { timeFactor: 1.25, semitones: 0 };
    const [expected] = stretchChannels(
      await createSignalsmith(),
      source.map((c) => c.subarray(start)),
      sr,
      options,
    );
    const out = [new Float32Array(expected!.length), new Float32Array(expected!.length)];
    new StretchVoice(await createSignalsmith(), 2, sr, options, start, readArrays(source)).render(out, 0, expected!.length);
    expect(same(out[0]!, expected!)).toBe(true);
  });

  it('reads only the source frames inputNeeded announced', async () => {
    const source = music(2, 3);
    let lowest = Infinity;
    let highest = -Infinity;
    const read: ReadFrames = (from, count, into) => {
      if (count > 0) [lowest, highest] = [Math.min(lowest, from), Math.max(highest, from + count)];
      readArrays(source)(from, count, into);
    };
    const voice = new StretchVoice(await createSignalsmith(), 2, sr, { timeFactor: 0.8, semitones: -3 }, 5000, read);
    const out = [new Float32Array(4000), new Float32Array(4000)];
    for (let k = 0; k < 10; k++) {
      const need = voice.inputNeeded(4000);
      [lowest, highest] = [Infinity, -Infinity];
      voice.render(out, 0, 4000);
      expect(lowest).toBeGreaterThanOrEqual(need.from);
      expect(highest).toBeLessThanOrEqual(need.to);
    }
  });

  it('is bit-identical run to run beyond 2× stretch (where the library randomises phases: every core is seeded the same)', async () => {
    const source = music(1, 4);
    const a = stretchChannels(await createSignalsmith(), source, sr, { timeFactor: 2.5, semitones: 0 });
    const b = stretchChannels(await createSignalsmith(), source, sr, { timeFactor: 2.5, semitones: 0 });
    expect(same(a[0]!, b[0]!) && same(a[1]!, b[1]!)).toBe(true);
  });
});
