import type * as ToneModule from 'tone';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { secondsPerBeat } from '../../../shared/project/timing';

type Transport = ReturnType<typeof ToneModule.getTransport>;

/**
 * Tone's Transport as the engine's clock, in beats: where the transport is
 * at a context time, where it starts, jumps and changes tempo — all at
 * exact context times the engine also places its audio at. Loop points are
 * kept in ticks, so a tempo change leaves them on the same beats.
 *
 * @example
 * clock.start(startTime, 32);     // beat 32 plays at startTime
 * clock.beatAt(context.currentTime);
 */
export class TransportClock {
  private bpm = 120;
  /** Before this context time the transport has not started (a count-in, or the start lead). */
  private startsAt = 0;
  private countingIn = false;

  constructor(readonly transport: Transport) {}

  /** Follows a document's tempo (while stopped), metre and loop. */
  follow(document: ProjectDocument): void {
    this.transport.timeSignature = document.timeSignature[0];
    const { loop } = document;
    this.transport.loop = loop.enabled && loop.end > loop.start;
    if (loop.end > loop.start) this.transport.setLoopPoints(`${this.ticks(loop.start)}i`, `${this.ticks(loop.end)}i`);
    if (this.transport.state !== 'started') this.transport.bpm.value = document.bpm;
    this.bpm = document.bpm;
  }

  get looping(): boolean {
    return this.transport.loop as boolean;
  }

  /** Turns the loop off for one pass (recording); `follow` puts it back. */
  set looping(on: boolean) {
    this.transport.loop = on;
  }

  /** Beat `beat` plays at context time `time`; with `countIn`, the readout counts down to it. */
  start(time: number, beat: number, countIn: boolean): void {
    this.startsAt = time;
    this.countingIn = countIn;
    this.transport.start(time, `${this.ticks(beat)}i`);
  }

  pause(time: number): void {
    this.transport.pause(time);
    this.startsAt = 0;
  }

  /** While playing: the transport is at `beat` from context time `time` on. */
  jump(beat: number, time: number): void {
    this.transport.setTicksAtTime(this.ticks(beat), time);
  }

  /** While playing: the tempo is `bpm` from context time `time` on (beats go on where they were). */
  changeTempo(bpm: number, time: number): void {
    this.transport.bpm.setValueAtTime(bpm, time);
    this.bpm = bpm;
  }

  /** The beat at context time `time`: counting in, negative up to the start. */
  beatAt(time: number): number {
    const beat = (t: number) => this.transport.getTicksAtTime(t) / this.transport.PPQ;
    if (time >= this.startsAt) return beat(time);
    return this.countingIn ? beat(this.startsAt) - (this.startsAt - time) / secondsPerBeat(this.bpm) : beat(this.startsAt);
  }

  private ticks(beat: number): number {
    return Math.round(beat * this.transport.PPQ);
  }
}
