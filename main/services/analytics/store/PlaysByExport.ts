import { MatchedPlays } from './MatchedPlays';

/** Plays per chunk: 48 KiB of records. */
const CHUNK = 2048;

/**
 * An import's matched plays kept apart by export as they are read, in
 * chunks (no copying as they grow). Logs interleave exports; storing them
 * a day at a time then reads each export's plays from a few hundred
 * kilobytes instead of jumping around the whole import — on these machines
 * a random read into hundreds of megabytes costs ~250 ns (TLB misses under
 * virtualisation), more than everything else done with a play.
 */
export class PlaysByExport {
  private readonly chunks: MatchedPlays[][] = [];
  private readonly scratch = new MatchedPlays();
  /** Plays in all. */
  length = 0;

  push(seq: number, playedAt: number, listener: number, msPlayed: number, country: number, source: number, reasonEnd: number): void {
    let list = this.chunks[seq];
    if (!list) this.chunks[seq] = list = [];
    let last = list[list.length - 1];
    if (!last || last.length === CHUNK) list.push((last = new MatchedPlays(CHUNK)));
    last.push(playedAt, listener, msPlayed, country, source, reasonEnd);
    this.length++;
  }

  /** Exports with plays, ascending. */
  seqs(): number[] {
    const seqs: number[] = [];
    this.chunks.forEach((list, seq) => {
      if (list.length) seqs.push(seq);
    });
    return seqs;
  }

  /** One export's plays, in the order read, in one list (reused: valid until the next call). */
  playsOf(seq: number): MatchedPlays {
    const chunks = this.chunks[seq] ?? [];
    this.scratch.clear();
    this.scratch.reserve(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    for (const chunk of chunks) this.scratch.append(chunk);
    return this.scratch;
  }

  /** Each chunk of one export's plays, in the order read (to change them in place). */
  chunksOf(seq: number): readonly MatchedPlays[] {
    return this.chunks[seq] ?? [];
  }

  /** Lets go of one export's chunks once stored. */
  release(seq: number): void {
    this.chunks[seq] = [];
  }
}
