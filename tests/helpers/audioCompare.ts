import fs from 'node:fs';
import { decodeAudio } from '../../main/media/decodeAudio';

/** Decodes a file (native rate) for comparisons. */
export async function decodeFile(file: string): Promise<Float32Array[]> {
  return [...(await decodeAudio(fs.readFileSync(file))).channels];
}
