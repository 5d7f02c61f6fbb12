/** The plays an import actually added, column by column (millions fit without an object each). */
export class NewPlays {
  length = 0;
  seq = new Int32Array(1024);
  durationMs = new Float64Array(1024);
  playedAt = new Float64Array(1024);
  listener = new Float64Array(1024);
  msPlayed = new Float64Array(1024);
  source = new Uint8Array(1024);
  reasonEnd = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  country: string[] = [];

  push(seq: number, durationMs: number, playedAt: number, listener: number, msPlayed: number, country: string, source: number, reasonEnd: number): void {
    if (this.length === this.seq.length) this.grow();
    const i = this.length++;
    this.seq[i] = seq;
    this.durationMs[i] = durationMs;
    this.playedAt[i] = playedAt;
    this.listener[i] = listener;
    this.msPlayed[i] = msPlayed;
    this.source[i] = source;
    this.reasonEnd[i] = reasonEnd;
    this.country[i] = country;
  }

  private grow(): void {
    const size = this.seq.length * 2;
    const bigger = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.seq = bigger(this.seq);
    this.durationMs = bigger(this.durationMs);
    this.playedAt = bigger(this.playedAt);
    this.listener = bigger(this.listener);
    this.msPlayed = bigger(this.msPlayed);
    this.source = bigger(this.source);
    this.reasonEnd = bigger(this.reasonEnd);
    this.flags = bigger(this.flags);
  }
}
