/**
 * The zeroth-order modified Bessel function of the first kind, I₀(x), by its
 * power series (converges for every x the Kaiser window uses; terms shrink
 * below 1e-21 of the sum before it stops).
 */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarter = (x * x) / 4;
  for (let k = 1; k < 500; k++) {
    term *= quarter / (k * k);
    sum += term;
    if (term < sum * 1e-21) break;
  }
  return sum;
}

/**
 * The Kaiser window at position t ∈ [−1, 1] (0 outside), for shape β.
 *
 * @example
 * kaiser(0, 12) // 1 — the centre
 */
export function kaiser(t: number, beta: number): number {
  if (t < -1 || t > 1) return 0;
  return besselI0(beta * Math.sqrt(1 - t * t)) / besselI0(beta);
}

/** Kaiser's β for a stopband attenuation of `attenuationDb` (his empirical formula). */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}
