import type { PlayKeyKind } from './ParsedPlay';
import type { LineProblem } from './PlayLogBatch';

/** A PlayLogBatch as a worker thread posts it: columns cut to length, and the keys it named first (numbered on from the last batch's). */
export interface WorkerBatch {
  readonly firstLine: number;
  readonly lines: number;
  readonly malformed: number;
  readonly ignored: number;
  readonly problems: readonly LineProblem[];
  readonly bytesRead: number;
  readonly newKeys: { readonly kind: PlayKeyKind[]; readonly value: string[]; readonly label: string[] };
  readonly key: Int32Array;
  readonly listener: Float64Array;
  readonly playedAt: Float64Array;
  readonly msPlayed: Uint32Array;
  readonly country: Uint16Array;
  readonly source: Uint8Array;
  readonly reasonEnd: Uint8Array;
}

export type WorkerMessage = { readonly batch: WorkerBatch } | { readonly done: true } | { readonly error: string };
