import type { Track } from '../../../shared/project/documentSchema';
import { createEffect } from './effects/createEffect';
import { dbToGain, type EffectNode } from './effects/EffectNode';
import { pairwiseSum } from './pairwiseSum';
import { rampParam } from './rampParam';
import { scheduleVolumeAutomation } from './scheduleVolumeAutomation';

/**
 * One track's signal path: clip inputs summed pairwise → enabled effects in
 * order → volume (fader or automation) → pan → audible (mute/solo) gain.
 * Live parameter changes go through `update`; a change of structure
 * (effects added, removed, enabled) needs a new chain.
 */
export class TrackChain {
  readonly volume: GainNode;
  readonly panner: StereoPannerNode;
  readonly audible: GainNode;
  private readonly effects: EffectNode[];
  private readonly inputs: GainNode[] = [];
  private readonly summing: AudioNode[] = [];
  private readonly effectInput: GainNode;

  constructor(
    private readonly context: BaseAudioContext,
    private track: Track,
    bpm: number,
    /** Whether mute/solo let it be heard: set from the start, never glided to (a render's first milliseconds would hear a muted track). */
    audible = true,
  ) {
    this.effectInput = context.createGain();
    this.effects = track.effects.filter((e) => e.enabled).map((e) => createEffect(context, e, bpm));
    this.volume = context.createGain();
    this.panner = context.createStereoPanner();
    this.audible = context.createGain();
    let node: AudioNode = this.effectInput;
    for (const effect of this.effects) {
      node.connect(effect.input);
      node = effect.output;
    }
    node.connect(this.volume).connect(this.panner).connect(this.audible);
    this.setMix(track, audible, bpm, false);
  }

  /** The output to sum into the master. */
  get output(): AudioNode {
    return this.audible;
  }

  /** A fresh input for one clip; all clip inputs are summed pairwise into the chain by `seal`. */
  clipInput(): GainNode {
    const input = this.context.createGain();
    this.inputs.push(input);
    return input;
  }

  /** Connects the clip inputs (created so far) into the chain through a pairwise tree. */
  seal(): void {
    pairwiseSum(this.context, this.inputs, this.summing).connect(this.effectInput);
  }

  /**
   * A live change of fader, pan, mute/solo and effect parameters: fader,
   * pan and mute glide there over RAMP_SECONDS (a jump would click); false
   * when the effect structure changed.
   */
  applyMix(track: Track, audible: boolean, bpm: number): boolean {
    return this.setMix(track, audible, bpm, true);
  }

  private setMix(track: Track, audible: boolean, bpm: number, glide: boolean): boolean {
    this.track = track;
    const set = glide
      ? (param: AudioParam, value: number) => rampParam(param, value, this.context.currentTime)
      : (param: AudioParam, value: number) => void (param.value = value);
    set(this.panner.pan, track.pan);
    set(this.audible.gain, audible ? 1 : 0);
    if (track.volumeAutomation.length === 0) set(this.volume.gain, dbToGain(track.gainDb));
    const enabled = track.effects.filter((e) => e.enabled);
    if (enabled.length !== this.effects.length) return false;
    return enabled.every((e, i) => this.effects[i]!.update(e.params, bpm));
  }

  /** Schedules volume automation from timeline second `from`, which plays at context time `when`. */
  scheduleAutomation(bpm: number, from: number, when: number): void {
    scheduleVolumeAutomation(this.volume.gain, this.track.volumeAutomation, bpm, from, when);
  }

  dispose(): void {
    for (const node of [...this.inputs, ...this.summing, this.effectInput, this.volume, this.panner, this.audible]) node.disconnect();
    for (const effect of this.effects) effect.dispose();
  }
}
