import type { Fade } from '../../../shared/project/documentSchema';

/**
 * Gain values of a fade from 0 to 1 (`rising`) or 1 to 0, for
 * AudioParam.setValueCurveAtTime. Equal-power keeps loudness constant in
 * crossfades; exponential sounds natural on tails.
 */
export function fadeCurve(curve: Fade['curve'], rising: boolean, points = 256): Float32Array {
  const values = new Float32Array(points);
  for (let i = 0; i < points; i++) {
    const x = i / (points - 1);
    const t = rising ? x : 1 - x;
    values[i] = curve === 'linear' ? t : curve === 'equal-power' ? Math.sin((t * Math.PI) / 2) : t === 0 ? 0 : Math.pow(10, (60 * (t - 1)) / 20);
  }
  return values;
}
