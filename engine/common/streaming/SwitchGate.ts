/** Int32 slots at the start of a gate's SharedArrayBuffer. */
const SWITCH = 0;
const READY = 1;
const COUNT = 2;
/** Where the audio thread is (from the anchor) while the gate is closed. */
const NOW = 3;
const HEADER_INTS = 4;
/** Per run: its offset from the pass's anchor, its length, and the frames written: [FROM, WRITTEN) (a worker that fell behind skips ahead). */
const OFFSET = 0;
const FRAMES = 1;
const FROM = 2;
const WRITTEN = 3;
const SLOT_INTS = 4;
/** Not decided (yet): far below any frame a switch can be at. */
const UNSET = -0x7fffffff;

/**
 * When a change heard while playing (a tempo or key change, an edit) takes
 * over, decided on the audio thread instead of the page's main thread: the
 * new pass's runs are anchored at once, the old pass's are cut "at the
 * gate", and the first stream node that finds every new run rendered far
 * enough ahead opens it — at the start of the next render quantum, so
 * every node switches at the same frame. A main thread busy re-rendering
 * the page for the change no longer delays the audio, and the lead is what
 * the workers actually needed, not a guess. Shared memory: the stream
 * workers publish how far each run is written; the nodes read it.
 *
 * Frames are counted from the new pass's anchor (Int32: a switch is
 * seconds away, never hours).
 *
 * @example
 * const shared = SwitchGate.create([{ offset: 0, frames: 441000 }]); // page
 * new SwitchGate(shared).wrote(0, 4096);                             // stream worker
 * new SwitchGate(shared).decide(128, 2048);                          // stream node: null, or the frame it switches at
 */
export class SwitchGate {
  private readonly ints: Int32Array;
  readonly count: number;

  /** A gate for runs starting `offset` frames after the anchor, `frames` long. */
  static create(runs: readonly { readonly offset: number; readonly frames: number }[]): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer((HEADER_INTS + runs.length * SLOT_INTS) * 4);
    const ints = new Int32Array(buffer);
    ints[SWITCH] = UNSET;
    ints[READY] = UNSET;
    ints[COUNT] = runs.length;
    ints[NOW] = UNSET;
    runs.forEach((run, k) => {
      ints[HEADER_INTS + k * SLOT_INTS + OFFSET] = run.offset;
      ints[HEADER_INTS + k * SLOT_INTS + FRAMES] = run.frames;
    });
    return buffer;
  }

  constructor(buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer);
    this.count = this.ints[COUNT]!;
  }

  /** Writer (stream worker): run `slot` has frames [from, written) in its ring. */
  wrote(slot: number, written: number, from = 0): void {
    Atomics.store(this.ints, HEADER_INTS + slot * SLOT_INTS + FROM, from);
    Atomics.store(this.ints, HEADER_INTS + slot * SLOT_INTS + WRITTEN, written);
  }

  /** Reader (stream node), while the gate is closed: the audio thread is at frame `at` (from the anchor). */
  passing(at: number): void {
    Atomics.store(this.ints, NOW, at);
  }

  /** Where the audio thread was last seen (from the anchor), or null: frames before it can no longer be heard from the new pass. */
  get now(): number | null {
    const at = Atomics.load(this.ints, NOW);
    return at === UNSET ? null : at;
  }

  /** The frame (from the anchor) the switch happens at, or null while undecided. */
  get switchFrame(): number | null {
    const at = Atomics.load(this.ints, SWITCH);
    return at === UNSET ? null : at;
  }

  /** The frame (from the anchor, negative before it) at which every run was first found ready, or null. */
  get readyFrame(): number | null {
    const at = Atomics.load(this.ints, READY);
    return at === UNSET ? null : at;
  }

  /**
   * Reader (stream node, once per render quantum while undecided): if
   * every run has `margin` frames written beyond frame `at` (from the
   * anchor; a run starting later needs only what precedes `at + margin`),
   * the switch is at `at` — unless another node decided first, whose
   * decision stands. Before the anchor (`at` < 0) nothing switches, but
   * the first frame found ready (for a switch at the anchor) is noted:
   * the engine learns how much lead the workers need. Returns the switch
   * frame, or null (not yet).
   */
  decide(at: number, margin: number): number | null {
    const decided = this.switchFrame;
    if (decided !== null) return decided;
    // Before the anchor, "ready" means ready to switch at the anchor.
    const start = Math.max(at, 0);
    for (let k = 0; k < this.count; k++) {
      const base = HEADER_INTS + k * SLOT_INTS;
      const offset = this.ints[base + OFFSET]!;
      const end = Math.min(this.ints[base + FRAMES]!, Math.max(0, start + margin - offset));
      if (end === 0) continue;
      if (Atomics.load(this.ints, base + WRITTEN) < end || Atomics.load(this.ints, base + FROM) > Math.max(0, start - offset)) return null;
    }
    Atomics.compareExchange(this.ints, READY, UNSET, at);
    if (at < 0) return null;
    Atomics.compareExchange(this.ints, SWITCH, UNSET, at);
    return this.switchFrame;
  }
}
