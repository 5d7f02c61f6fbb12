import type * as ToneModule from 'tone';

/**
 * Transport-synced clicks (accented on the downbeat), straight to the
 * speakers: heard while playing and counting in, never in a render.
 */
export class Metronome {
  private eventId: number | undefined;
  private readonly output: GainNode;

  constructor(
    private readonly context: AudioContext,
    private readonly transport: ReturnType<typeof ToneModule.getTransport>,
  ) {
    this.output = context.createGain();
    this.output.gain.value = 0.5;
    this.output.connect(context.destination);
  }

  set enabled(on: boolean) {
    if (on && this.eventId === undefined) {
      this.eventId = this.transport.scheduleRepeat((time) => {
        const beat = Math.round(this.transport.getTicksAtTime(time) / this.transport.PPQ);
        const beatsPerBar = this.transport.timeSignature as number;
        this.click(time, beat % beatsPerBar === 0);
      }, '4n');
    } else if (!on && this.eventId !== undefined) {
      this.transport.clear(this.eventId);
      this.eventId = undefined;
    }
  }

  get enabled(): boolean {
    return this.eventId !== undefined;
  }

  /** One click at context time `time`. */
  click(time: number, accent: boolean): void {
    const oscillator = this.context.createOscillator();
    const envelope = this.context.createGain();
    oscillator.frequency.value = accent ? 1760 : 1175;
    envelope.gain.setValueAtTime(0, time);
    envelope.gain.linearRampToValueAtTime(accent ? 1 : 0.6, time + 0.001);
    envelope.gain.exponentialRampToValueAtTime(0.001, time + 0.05);
    oscillator.connect(envelope).connect(this.output);
    oscillator.start(time);
    oscillator.stop(time + 0.06);
    oscillator.onended = () => envelope.disconnect();
  }

  dispose(): void {
    this.enabled = false;
    this.output.disconnect();
  }
}
