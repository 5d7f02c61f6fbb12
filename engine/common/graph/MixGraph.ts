import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import { dbToGain } from './effects/EffectNode';
import { pairwiseSum } from './pairwiseSum';
import { rampParam } from './rampParam';
import { TrackChain } from './TrackChain';

/**
 * The mixer built from a document: one TrackChain per track, summed
 * pairwise into the master gain. The same code builds the live graph and
 * the offline render, so what the user hears is what the export renders.
 * The master limiter is not in here: live it is an AudioWorklet after
 * `master`, offline the same DSP runs over the rendered buffer.
 */
export class MixGraph {
  readonly tracks = new Map<string, TrackChain>();
  readonly master: GainNode;
  private readonly summing: AudioNode[] = [];

  /**
   * `tracks` builds part of the mixer (offline renders split the tracks in
   * two, one context each); by default every track of the document.
   */
  constructor(
    private readonly context: BaseAudioContext,
    document: ProjectDocument,
    tracks: readonly ProjectDocument['tracks'][number][] = document.tracks,
  ) {
    const audible = audibleTracks(document.tracks);
    for (const track of tracks) {
      // Built at its mix: applyMix glides (a live change), which here would let a muted track sound for its first milliseconds.
      this.tracks.set(track.id, new TrackChain(context, track, document.bpm, audible.has(track.id)));
    }
    this.master = context.createGain();
    this.master.gain.value = dbToGain(document.master.gainDb);
  }

  /** Call after every clip input has been created: wires clips into tracks and tracks into the master. */
  seal(): void {
    this.sealSum().connect(this.master);
  }

  /** Like `seal`, but returns the tracks' pairwise sum before the master gain (offline halves are added and gained outside). */
  sealSum(): AudioNode {
    for (const chain of this.tracks.values()) chain.seal();
    return pairwiseSum(
      this.context,
      [...this.tracks.values()].map((c) => c.output),
      this.summing,
    );
  }

  /** Live mix changes (fader, pan, mute, solo, effect parameters); false when the graph must be rebuilt. */
  applyMix(document: ProjectDocument): boolean {
    if (document.tracks.length !== this.tracks.size || document.tracks.some((t) => !this.tracks.has(t.id))) return false;
    const audible = audibleTracks(document.tracks);
    rampParam(this.master.gain, dbToGain(document.master.gainDb), this.context.currentTime);
    return document.tracks.every((track) => this.tracks.get(track.id)!.applyMix(track, audible.has(track.id), document.bpm));
  }

  dispose(): void {
    for (const chain of this.tracks.values()) chain.dispose();
    for (const node of this.summing) node.disconnect();
    this.master.disconnect();
  }
}
