/**
 * The master bus limiter, as plain DSP so live playback (an AudioWorklet)
 * and offline renders (a pass over the rendered buffer) run the same code
 * and produce the same samples.
 *
 * A lookahead peak limiter without overshoot: for each sample the gain
 * that keeps it under the ceiling; the minimum of that over the lookahead
 * window; a moving average of the minimum over the same window (so gain
 * ramps down smoothly and is already low enough when the peak arrives);
 * then a slower release. Below the ceiling the gain is exactly 1, so a mix
 * that never reaches the ceiling passes through bit-exact, delayed by
 * `delay` samples.
 */
export class LimiterDsp {
  readonly delay: number;
  private readonly window: number;
  private readonly delayLines: Float32Array[];
  private readonly required: Float32Array;
  private readonly minimums: Float32Array;
  private readonly dequeIndex: Int32Array;
  private dequeHead = 0;
  private dequeTail = 0;
  private minimumSum = 0;
  private minimumsBelowOne = 0;
  private position = 0;
  private gain = 1;
  private readonly releaseCoefficient: number;
  private ceiling: number;

  constructor(channelCount: number, sampleRate: number, ceilingDb: number, lookaheadMs = 1.5, releaseMs = 50) {
    this.window = Math.max(2, Math.round((lookaheadMs / 1000) * sampleRate));
    // The average at sample n is safe for sample n − window + 1 (every minimum it averages covers that sample).
    this.delay = this.window - 1;
    this.delayLines = Array.from({ length: channelCount }, () => new Float32Array(this.delay));
    this.required = new Float32Array(this.window);
    this.required.fill(1);
    this.minimums = new Float32Array(this.window);
    this.minimums.fill(1);
    this.minimumSum = this.window;
    this.dequeIndex = new Int32Array(this.window + 1);
    this.releaseCoefficient = Math.exp(-1 / ((releaseMs / 1000) * sampleRate));
    this.ceiling = Math.pow(10, ceilingDb / 20);
  }

  setCeilingDb(ceilingDb: number): void {
    this.ceiling = Math.pow(10, ceilingDb / 20);
  }

  /** Processes `frames` samples in place; the output is the input of `delay` samples earlier, limited. */
  process(blocks: readonly Float32Array[], frames: number): void {
    const { window, required, minimums, dequeIndex, delayLines, ceiling } = this;
    const dequeSize = dequeIndex.length;
    for (let i = 0; i < frames; i++) {
      const n = this.position++;
      let peak = 0;
      for (let c = 0; c < delayLines.length; c++) {
        const v = Math.abs(blocks[c]![i]!);
        if (v > peak) peak = v;
      }
      const r = peak > ceiling ? ceiling / peak : 1;
      required[n % window] = r;
      // Sliding minimum of `required` over the last `window` samples (monotonic deque).
      while (this.dequeTail !== this.dequeHead && required[dequeIndex[(this.dequeTail - 1 + dequeSize) % dequeSize]! % window]! >= r) {
        this.dequeTail = (this.dequeTail - 1 + dequeSize) % dequeSize;
      }
      dequeIndex[this.dequeTail] = n;
      this.dequeTail = (this.dequeTail + 1) % dequeSize;
      if (dequeIndex[this.dequeHead]! <= n - window) this.dequeHead = (this.dequeHead + 1) % dequeSize;
      const minimum = required[dequeIndex[this.dequeHead]! % window]!;
      // Moving average of the minimums over the last `window` values.
      const slot = n % window;
      const old = minimums[slot]!;
      if (old < 1) this.minimumsBelowOne--;
      if (minimum < 1) this.minimumsBelowOne++;
      this.minimumSum += minimum - old;
      minimums[slot] = minimum;
      const smoothed = this.minimumsBelowOne === 0 ? 1 : this.minimumSum / window;
      this.gain = smoothed <= this.gain ? smoothed : smoothed - (smoothed - this.gain) * this.releaseCoefficient;
      // Within 0.001 dB of unity: snap back, so quiet passages after a peak are bit-exact again.
      if (this.minimumsBelowOne === 0 && this.gain > 0.9999) this.gain = 1;
      const slotDelay = n % this.delay;
      for (let c = 0; c < delayLines.length; c++) {
        const line = delayLines[c]!;
        const delayed = line[slotDelay]!;
        line[slotDelay] = blocks[c]![i]!;
        blocks[c]![i] = this.gain === 1 ? delayed : delayed * this.gain;
      }
    }
  }

  /** Limits a whole rendered buffer in place, compensating the delay so the output lines up with the input. */
  static limitBuffer(channels: readonly Float32Array[], sampleRate: number, ceilingDb: number): void {
    const limiter = new LimiterDsp(channels.length, sampleRate, ceilingDb);
    const frames = channels[0]?.length ?? 0;
    const padded = channels.map((channel) => {
      const copy = new Float32Array(frames + limiter.delay);
      copy.set(channel);
      return copy;
    });
    limiter.process(padded, frames + limiter.delay);
    channels.forEach((channel, c) => channel.set(padded[c]!.subarray(limiter.delay)));
  }
}
