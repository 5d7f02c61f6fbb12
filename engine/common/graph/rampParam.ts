/** Time constant of a live fader, pan or mute change: 95 % there in 15 ms — instant to the ear, and no click. */
export const RAMP_TIME_CONSTANT = 0.005;

/** Where each parameter was last sent (a change to the same value is no change). */
const targets = new WeakMap<AudioParam, number>();

/**
 * Glides a parameter to `value` from context time `now`, from wherever it
 * is at that moment (also mid-glide). Writing `.value` jumps in one
 * sample: on a fader that is zipper noise, on a mute a click.
 *
 * @example
 * rampParam(chain.volume.gain, dbToGain(-6), context.currentTime);
 */
export function rampParam(param: AudioParam, value: number, now: number): void {
  if ((targets.get(param) ?? param.value) === value) return;
  targets.set(param, value);
  param.cancelAndHoldAtTime(now);
  param.setTargetAtTime(value, now, RAMP_TIME_CONSTANT);
}
