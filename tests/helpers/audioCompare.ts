import fs from 'node:fs';
import { decodeAudio } from '../../main/media/decodeAudio';

/** Decodes a file (native rate) for comparisons. */
export async function decodeFile(file: string): Promise<Float32Array[]> {
  return [...(await decodeAudio(fs.readFileSync(file))).channels];
}

/** Largest absolute sample difference between two decoded files, in dBFS (over the shorter length). */
export function residualDb(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let max = 0;
  for (let c = 0; c < Math.min(a.length, b.length); c++) {
    const n = Math.min(a[c]!.length, b[c]!.length);
    for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(a[c]![i]! - b[c]![i]!));
  }
  return max === 0 ? -Infinity : 20 * Math.log10(max);
}
