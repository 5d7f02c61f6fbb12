import { describe, expect, it } from 'vitest';
import { loadWebAudio } from '../../node/webAudio';
import { TrackChain } from './TrackChain';
import type { Track } from '../../../shared/project/documentSchema';

const sr = 48000;
const track: Track = { id: 't', name: 'T', color: '#fff', kind: 'audio', gainDb: 0, pan: 0, mute: false, solo: false, effects: [], volumeAutomation: [] };

/** Where the change happens: a render-quantum boundary (an offline context suspends only there), ≈ 0.256 s. */
const at = 96 * 128;

/**
 * A 997 Hz tone through a track chain, with a live mix change at `at`
 * (the render suspends there, as the live context would be running when the
 * fader moves). Returns the largest jump between neighbouring samples
 * around the change, relative to the tone's own largest step before and
 * after it, and the level after the change relative to before.
 */
async function jumpAtChange(change: (chain: TrackChain) => void): Promise<{ jump: number; levelRatio: number }> {
  const out = await renderWithChangeAt(change);
  const step = (i: number) => Math.abs(out[i]! - out[i - 1]!);
  const largestStep = (from: number, to: number) => {
    let largest = 0;
    for (let i = from; i < to; i++) largest = Math.max(largest, step(i));
    return largest;
  };
  const before = largestStep(1, at - 512);
  const after = largestStep(at + 4800, out.length);
  return { jump: largestStep(at - 256, at + 4800) / Math.max(before, after), levelRatio: after / before };
}

/**
 * node-web-audio-api registers an offline suspend on its own thread, after
 * `suspend()` has returned its promise; when `startRendering()` wins that
 * race the suspend is refused ("cannot suspend when rendering has already
 * started", seen once in CI on a loaded machine). The render is then built
 * again and started later, so the test measures the mix change, never the race.
 */
async function renderWithChangeAt(change: (chain: TrackChain) => void): Promise<Float32Array> {
  const { OfflineAudioContext } = await loadWebAudio();
  for (let attempt = 0; ; attempt++) {
    const context = new OfflineAudioContext(2, sr / 2, sr);
    const chain = new TrackChain(context as unknown as BaseAudioContext, track, 120);
    const oscillator = context.createOscillator();
    oscillator.frequency.value = 997;
    oscillator.connect(chain.clipInput() as unknown as AudioNode);
    chain.seal();
    chain.output.connect(context.destination as unknown as AudioNode);
    oscillator.start(0);
    const changed = context.suspend(at / sr).then(
      () => {
        change(chain);
        return context.resume().then(() => true);
      },
      (error: unknown) => {
        if (attempt < 5 && /InvalidStateError/.test(String(error))) return false;
        throw error;
      },
    );
    // Give the binding's thread time to register the suspend before the render takes the renderer.
    await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const rendered = context.startRendering();
    if (await changed) return (await rendered).getChannelData(0);
    await rendered;
  }
}

describe('live mix changes glide (no zipper noise, no clicks)', () => {
  it.each([
    ['fader −24 dB', (c: TrackChain) => c.applyMix({ ...track, gainDb: -24 }, true, 120)],
    ['mute', (c: TrackChain) => c.applyMix({ ...track, mute: true }, false, 120)],
    ['pan hard left', (c: TrackChain) => c.applyMix({ ...track, pan: -1 }, true, 120)],
  ])('%s: no sample-to-sample jump beyond the tone’s own', async (_name, change) => {
    // A jump written straight to .value would step by up to the tone's amplitude (≈ 40× its largest step at 997 Hz).
    const { jump, levelRatio } = await jumpAtChange(change);
    expect(Math.abs(20 * Math.log10(levelRatio))).toBeGreaterThan(2.9); // the change happened
    expect(jump).toBeLessThan(1.05);
  });

  it('writing .value (the old way) would have clicked: the test can tell', async () => {
    expect((await jumpAtChange((c) => void (c.volume.gain.value = 0.06))).jump).toBeGreaterThan(5);
  });
});
