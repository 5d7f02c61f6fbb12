import type { PlayKeyKind } from '../ParsedPlay';
import type { LineProblem } from '../PlayLogBatch';

/** A PlayLogBatch as a worker thread posts it: columns cut to length, and the keys it named first (numbered on from the last batch's). */
export interface WorkerBatch {
  readonly firstLine: number;
  readonly lines: number;
  readonly malformed: number;
  readonly ignored: number;
  readonly problems: readonly LineProblem[];
  readonly progress: number;
  readonly newKeys: { readonly kind: PlayKeyKind[]; readonly value: string[]; readonly label: string[] };
  readonly key: Int32Array<ArrayBuffer>;
  readonly listener: Float64Array<ArrayBuffer>;
  readonly playedAt: Float64Array<ArrayBuffer>;
  readonly msPlayed: Uint32Array<ArrayBuffer>;
  readonly country: Uint16Array<ArrayBuffer>;
  readonly source: Uint8Array<ArrayBuffer>;
  readonly reasonEnd: Uint8Array<ArrayBuffer>;
}

export type WorkerMessage = { readonly batch: WorkerBatch } | { readonly done: true } | { readonly error: string };
