/** Bounds of the lead, seconds: a couple of render quanta at least; at most what a struggling machine gets before its gate simply opens late. */
const MIN_LEAD = 0.01;
const MAX_LEAD = 0.3;
/** Weight of the newest measurement. */
const WEIGHT = 0.5;

/**
 * How far ahead of "now" a change while playing aims its switch, learned
 * from how long the stream workers actually took to make the new audio
 * ready (a SwitchGate's ready frame): a slower machine, or more tracks,
 * aim further ahead; a fast one switches within a few render quanta. A
 * running average, not the worst case: aiming short costs little (the
 * gate opens a little late; a tempo change then skips late × Δbpm / 60
 * beats of the new version — 0.05 s × 16 bpm: 6 ms), aiming long delays
 * every change.
 *
 * @example
 * const lead = new SwitchLead(0.1);
 * lead.observe(0.045);         // the last switch's audio was ready 45 ms after the change
 * const at = now + lead.seconds;
 */
export class SwitchLead {
  private estimate: number;

  constructor(initialSeconds: number) {
    this.estimate = initialSeconds;
  }

  /** The lead to aim the next switch with. */
  get seconds(): number {
    return Math.min(MAX_LEAD, Math.max(MIN_LEAD, this.estimate));
  }

  /** Seconds from a change until its audio was ready to take over. */
  observe(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.estimate = (1 - WEIGHT) * this.estimate + WEIGHT * Math.min(MAX_LEAD, Math.max(0, seconds));
  }
}
