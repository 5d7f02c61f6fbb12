/** One figure: the median of `samples` repetitions, in `unit`. */
export interface Measurement {
  readonly median: number;
  readonly samples: readonly number[];
  /** Extra figures worth reading (peak memory, throughput…). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

export interface WorkloadResult {
  readonly unit: string;
  readonly ours: Measurement;
  /** What the peer is, in words (e.g. "raw ws echo", "DuckDB 1.5"). */
  readonly peerName: string;
  readonly peer: Measurement;
  /** Lower is better for times; say so when higher is (throughput). */
  readonly higherIsBetter?: boolean;
  /** The target from the issue, checked against `ours` (and the peer when relative). */
  readonly goal?: { readonly description: string; readonly met: boolean };
}

/**
 * A benchmark workload: ours and its peer measured in the same run, on the
 * same data. Speed targets live here, never as timing asserts in tests.
 */
export interface Workload {
  readonly name: string;
  readonly description: string;
  run(): Promise<WorkloadResult>;
}
