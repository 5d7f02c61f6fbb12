/** The biquad types a BiquadFilterNode has. */
export type BiquadType = 'lowpass' | 'highpass' | 'bandpass' | 'lowshelf' | 'highshelf' | 'peaking' | 'notch' | 'allpass';

/** Normalised coefficients (a0 = 1): y = b0·x + b1·x₁ + b2·x₂ − a1·y₁ − a2·y₂. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/** What a BiquadFilterNode is set to (its AudioParams' values; detune 0). */
export interface BiquadSettings {
  readonly type: BiquadType;
  readonly frequency: number;
  readonly q: number;
  readonly gain: number;
}

const wire = (b0: number): BiquadCoefficients => ({ b0, b1: 0, b2: 0, a1: 0, a2: 0 });
const normalize = (b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): BiquadCoefficients => {
  const scale = 1 / a0;
  return { b0: b0 * scale, b1: b1 * scale, b2: b2 * scale, a1: a1 * scale, a2: a2 * scale };
};

/**
 * The coefficients node-web-audio-api's BiquadFilterNode computes for these
 * settings at this rate — the same formulas (the WPT reference's), the same
 * operations in the same order, in double precision as it does, from the
 * float32 values its AudioParams hold (frequency clamped to [0, Nyquist]).
 */
export function biquadCoefficients(settings: BiquadSettings, sampleRate: number): BiquadCoefficients {
  const rate = Math.fround(sampleRate);
  const frequency = Math.min(Math.max(Math.fround(settings.frequency), 0), Math.fround(rate / 2));
  const q = Math.fround(settings.q);
  const gain = Math.fround(settings.gain);
  const freq = Math.min(Math.max(frequency / (rate / 2), 0), 1);
  const w0 = Math.PI * freq;
  switch (settings.type) {
    case 'lowpass': {
      if (freq === 1) return wire(1);
      const alpha = Math.sin(w0) / (2 * Math.pow(10, q / 20));
      const cos = Math.cos(w0);
      const beta = (1 - cos) / 2;
      return normalize(beta, 2 * beta, beta, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'highpass': {
      if (freq === 1) return wire(0);
      if (freq === 0) return wire(1);
      const alpha = Math.sin(w0) / (2 * Math.pow(10, q / 20));
      const cos = Math.cos(w0);
      const beta = (1 + cos) / 2;
      return normalize(beta, -2 * beta, beta, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'bandpass': {
      if (!(freq > 0 && freq < 1)) return wire(0);
      if (!(q > 0)) return wire(1);
      const alpha = Math.sin(w0) / (2 * q);
      return normalize(alpha, 0, -alpha, 1 + alpha, -2 * Math.cos(w0), 1 - alpha);
    }
    case 'notch': {
      if (!(freq > 0 && freq < 1)) return wire(1);
      if (!(q > 0)) return wire(0);
      const alpha = Math.sin(w0) / (2 * q);
      const cos = Math.cos(w0);
      return normalize(1, -2 * cos, 1, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'allpass': {
      if (!(freq > 0 && freq < 1)) return wire(1);
      if (!(q > 0)) return wire(-1);
      const alpha = Math.sin(w0) / (2 * q);
      const cos = Math.cos(w0);
      return normalize(1 - alpha, -2 * cos, 1 + alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'peaking': {
      const A = Math.pow(10, gain / 40);
      if (!(freq > 0 && freq < 1)) return wire(1);
      if (!(q > 0)) return wire(A * A);
      const alpha = Math.sin(w0) / (2 * q);
      const cos = Math.cos(w0);
      return normalize(1 + alpha * A, -2 * cos, 1 - alpha * A, 1 + alpha / A, -2 * cos, 1 - alpha / A);
    }
    case 'lowshelf': {
      const A = Math.pow(10, gain / 40);
      if (freq === 1) return wire(A * A);
      if (freq === 0) return wire(1);
      const cos = Math.cos(w0);
      const twoAlphaSqrtA = 2 * ((Math.sin(w0) / 2) * Math.SQRT2) * Math.sqrt(A);
      const plus = A + 1;
      const minus = A - 1;
      return normalize(
        A * (plus - minus * cos + twoAlphaSqrtA),
        2 * A * (minus - plus * cos),
        A * (plus - minus * cos - twoAlphaSqrtA),
        plus + minus * cos + twoAlphaSqrtA,
        -2 * (minus + plus * cos),
        plus + minus * cos - twoAlphaSqrtA,
      );
    }
    case 'highshelf': {
      const A = Math.pow(10, gain / 40);
      if (freq === 1) return wire(1);
      if (!(freq > 0)) return wire(A * A);
      const cos = Math.cos(w0);
      const twoAlphaSqrtA = 2 * ((Math.sin(w0) / 2) * Math.SQRT2) * Math.sqrt(A);
      const plus = A + 1;
      const minus = A - 1;
      return normalize(
        A * (plus + minus * cos + twoAlphaSqrtA),
        -2 * A * (minus + plus * cos),
        A * (plus + minus * cos - twoAlphaSqrtA),
        plus - minus * cos + twoAlphaSqrtA,
        2 * (minus - plus * cos),
        plus - minus * cos - twoAlphaSqrtA,
      );
    }
  }
}

/** Smallest positive normal double: results below it (and NaN, ±∞) are flushed to 0, as the node does. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** Smallest positive normal float32: the render thread runs with denormals flushed, so a float32 below it is 0. */
const MIN_NORMAL_F32 = 1.1754943508222875e-38;

/**
 * Biquads over whole signals, sample for sample what a chain of
 * node-web-audio-api BiquadFilterNodes with constant parameters outputs:
 * double-precision state, each result flushed to 0 unless it is a normal
 * number, float32 output (denormals flushed, as on its render thread).
 * Stereo runs both channels in one loop (two independent recurrences keep
 * the CPU busy): about twice as fast as the nodes.
 *
 * @example
 * const eq = [lowShelf, bell, highShelf].map((s) => biquadCoefficients(s, 44100));
 * filterInPlace(channels, eq);
 */
export function filterInPlace(channels: readonly Float32Array[], cascade: readonly BiquadCoefficients[]): void {
  for (const coefficients of cascade) {
    for (let c = 0; c < channels.length; c += 2) {
      const right = channels[c + 1];
      if (right) filterPair(channels[c]!, right, coefficients);
      else filterOne(channels[c]!, coefficients);
    }
  }
}

/**
 * The node's rules for a result outside the common range (float32-sized
 * and finite, one comparison): the state keeps it only if it is a normal
 * double; the output is 0 if it is not a normal float32.
 */
const flushState = (y: number) => (Math.abs(y) >= MIN_NORMAL && Math.abs(y) < Infinity ? y : 0);
const flushOutput = (y: number) => (Math.abs(Math.fround(y)) < MIN_NORMAL_F32 ? 0 : y);

function filterOne(x: Float32Array, c: BiquadCoefficients): void {
  const { b0, b1, b2, a1, a2 } = c;
  let x1 = 0,
    x2 = 0,
    y1 = 0,
    y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const input = x[i]!;
    let y = b0 * input + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    let out = y;
    const m = Math.abs(y);
    if (!(m >= MIN_NORMAL_F32 && m < Infinity)) out = flushOutput((y = flushState(y)));
    x2 = x1;
    x1 = input;
    y2 = y1;
    y1 = y;
    x[i] = out;
  }
}

function filterPair(l: Float32Array, r: Float32Array, c: BiquadCoefficients): void {
  const { b0, b1, b2, a1, a2 } = c;
  let lx1 = 0,
    lx2 = 0,
    ly1 = 0,
    ly2 = 0;
  let rx1 = 0,
    rx2 = 0,
    ry1 = 0,
    ry2 = 0;
  for (let i = 0; i < l.length; i++) {
    const left = l[i]!;
    const right = r[i]!;
    let ly = b0 * left + b1 * lx1 + b2 * lx2 - a1 * ly1 - a2 * ly2;
    let ry = b0 * right + b1 * rx1 + b2 * rx2 - a1 * ry1 - a2 * ry2;
    let lOut = ly;
    let rOut = ry;
    const lm = Math.abs(ly);
    const rm = Math.abs(ry);
    if (!(lm >= MIN_NORMAL_F32 && lm < Infinity)) lOut = flushOutput((ly = flushState(ly)));
    if (!(rm >= MIN_NORMAL_F32 && rm < Infinity)) rOut = flushOutput((ry = flushState(ry)));
    lx2 = lx1;
    lx1 = left;
    ly2 = ly1;
    ly1 = ly;
    rx2 = rx1;
    rx1 = right;
    ry2 = ry1;
    ry1 = ry;
    l[i] = lOut;
    r[i] = rOut;
  }
}
