import type { TagSet } from '../metadata/TagSet';
import { id3v24Tag } from '../metadata/id3v24';
import { bextChunk } from '../metadata/bextChunk';
import { riffInfoChunks } from '../metadata/riffInfo';
import { riffChunk } from './riffChunk';

/**
 * A WAV file as the parts to write one after another (the audio is not
 * copied into one big buffer): fmt, bext, data, LIST INFO (after a CSET
 * when not ASCII) and an `id3 ` chunk with the full ID3v2.4 credits and
 * the attribution record. ffmpeg-based tools read INFO and bext and ignore
 * `id3 `; exiftool, MediaInfo and mutagen read the `id3 ` chunk too.
 * `audioData` is the `data` chunk body (`pcmFromFloat`).
 */
export function wavFileParts(audioData: Buffer, channels: number, sampleRate: number, bitDepth: 16 | 24, tags: TagSet): Buffer[] {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * channels * (bitDepth / 8), 8);
  fmt.writeUInt16LE(channels * (bitDepth / 8), 12);
  fmt.writeUInt16LE(bitDepth, 14);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'latin1');
  dataHeader.writeUInt32LE(audioData.length, 4);
  const before = Buffer.concat([Buffer.from('WAVE', 'latin1'), riffChunk('fmt ', fmt), bextChunk(tags, { sampleRate, bitDepth, channels }), dataHeader]);
  const after = Buffer.concat([Buffer.alloc(audioData.length % 2), ...riffInfoChunks(tags), riffChunk('id3 ', id3v24Tag(tags))]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(before.length + audioData.length + after.length, 4);
  return [header, before, audioData, after];
}

/** The same WAV file in one buffer. */
export function wavFile(audioData: Buffer, channels: number, sampleRate: number, bitDepth: 16 | 24, tags: TagSet): Buffer {
  return Buffer.concat(wavFileParts(audioData, channels, sampleRate, bitDepth, tags));
}

/** The chunks of a RIFF/WAVE file: id → body. */
export function wavChunks(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = new Map<string, Uint8Array>();
  if (view.toString('latin1', 0, 4) !== 'RIFF' || view.toString('latin1', 8, 12) !== 'WAVE') return chunks;
  let offset = 12;
  while (offset + 8 <= view.length) {
    const id = view.toString('latin1', offset, offset + 4);
    const size = view.readUInt32LE(offset + 4);
    chunks.set(id, view.subarray(offset + 8, Math.min(view.length, offset + 8 + size)));
    offset += 8 + size + (size % 2);
  }
  return chunks;
}
