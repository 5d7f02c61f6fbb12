import crypto from 'node:crypto';
import { BitWriter } from './BitWriter';

const BLOCK_SIZE = 4096;
const MAX_FIXED_ORDER = 4;
const MAX_PARTITION_ORDER = 6;

/** CRC-8 (poly 0x07) over a frame header, as FLAC requires. */
function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

/** CRC-16 (poly 0x8005) of every byte value, so a frame costs one lookup a byte instead of eight shifts (it was the encoder's hottest loop). */
const CRC16_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC-16 (poly 0x8005) over a whole frame. */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[(crc >> 8) ^ bytes[i]!]!;
  return crc;
}

/** Residual of FLAC's fixed polynomial predictor of `order` for samples[warmup…]. */
function fixedResidual(samples: Int32Array, order: number): Int32Array {
  const n = samples.length;
  const residual = new Int32Array(Math.max(0, n - order));
  for (let i = order; i < n; i++) {
    const s = samples;
    let prediction = 0;
    if (order === 1) prediction = s[i - 1]!;
    else if (order === 2) prediction = 2 * s[i - 1]! - s[i - 2]!;
    else if (order === 3) prediction = 3 * s[i - 1]! - 3 * s[i - 2]! + s[i - 3]!;
    else if (order === 4) prediction = 4 * s[i - 1]! - 6 * s[i - 2]! + 4 * s[i - 3]! - s[i - 4]!;
    residual[i - order] = s[i]! - prediction;
  }
  return residual;
}

const zigzag = (v: number) => (v >= 0 ? 2 * v : -2 * v - 1);

interface ResidualPlan {
  readonly partitionOrder: number;
  readonly parameters: number[];
  readonly bits: number;
}

/** Estimated Rice cost of a partition with `count` values summing to `sum` (zigzagged), best parameter. */
function riceChoice(sum: number, count: number, maxParameter: number): { k: number; bits: number } {
  if (count === 0) return { k: 0, bits: 0 };
  const mean = sum / count;
  const guess = mean > 1 ? Math.min(maxParameter, Math.floor(Math.log2(mean))) : 0;
  let best = { k: guess, bits: Infinity };
  for (const k of [guess - 1, guess, guess + 1]) {
    if (k < 0 || k > maxParameter) continue;
    const bits = count * (k + 1) + sum / 2 ** k;
    if (bits < best.bits) best = { k, bits };
  }
  return best;
}

/**
 * Chooses the partition order and Rice parameters from partition sums
 * (finest first, merged pairwise for coarser orders) — an estimate, as
 * libFLAC does, rather than coding every candidate.
 */
function planResidual(zigzagged: Float64Array, blockSize: number, order: number, maxParameter: number, parameterBits: number): ResidualPlan {
  let finest = 0;
  while (finest < MAX_PARTITION_ORDER && blockSize % (1 << (finest + 1)) === 0 && blockSize / (1 << (finest + 1)) > order) finest++;
  const partitions = 1 << finest;
  const size = blockSize / partitions;
  let sums = new Float64Array(partitions);
  let counts = new Float64Array(partitions);
  for (let p = 0; p < partitions; p++) {
    const from = p === 0 ? 0 : p * size - order;
    const to = (p + 1) * size - order;
    let sum = 0;
    for (let i = from; i < to; i++) sum += zigzagged[i]!;
    sums[p] = sum;
    counts[p] = to - from;
  }
  let best: ResidualPlan | undefined;
  for (let p = finest; p >= 0; p--) {
    const parameters: number[] = [];
    let bits = 4;
    for (let i = 0; i < sums.length; i++) {
      const choice = riceChoice(sums[i]!, counts[i]!, maxParameter);
      parameters.push(choice.k);
      bits += parameterBits + choice.bits;
    }
    if (!best || bits < best.bits) best = { partitionOrder: p, parameters, bits };
    if (p > 0) {
      const mergedSums = new Float64Array(sums.length / 2);
      const mergedCounts = new Float64Array(sums.length / 2);
      for (let i = 0; i < mergedSums.length; i++) {
        mergedSums[i] = sums[2 * i]! + sums[2 * i + 1]!;
        mergedCounts[i] = counts[2 * i]! + counts[2 * i + 1]!;
      }
      sums = mergedSums;
      counts = mergedCounts;
    }
  }
  return best!;
}

/** Writes one subframe: constant, the best fixed predictor, or verbatim — whichever is smallest. */
function writeSubframe(out: BitWriter, samples: Int32Array, bps: number): void {
  const n = samples.length;
  if (samples.every((v) => v === samples[0])) {
    out.write(0, 1);
    out.write(0b000000, 6);
    out.write(0, 1);
    out.writeSigned(samples[0] ?? 0, bps);
    return;
  }
  const parameterBits = bps > 16 ? 5 : 4;
  const maxParameter = bps > 16 ? 30 : 14;
  // The fixed order with the smallest total absolute residual (libFLAC's heuristic), then its Rice plan.
  let order = 0;
  let residual = fixedResidual(samples, 0);
  let smallest = Infinity;
  for (let o = 0; o <= Math.min(MAX_FIXED_ORDER, n - 1); o++) {
    const candidate = o === 0 ? residual : fixedResidual(samples, o);
    let total = 0;
    for (let i = 0; i < candidate.length; i++) total += Math.abs(candidate[i]!);
    if (total < smallest) [smallest, order, residual] = [total, o, candidate];
  }
  const zigzagged = new Float64Array(residual.length);
  for (let i = 0; i < residual.length; i++) zigzagged[i] = zigzag(residual[i]!);
  const plan = planResidual(zigzagged, n, order, maxParameter, parameterBits);
  if (order * bps + 2 + plan.bits >= n * bps) {
    out.write(0, 1);
    out.write(0b000001, 6);
    out.write(0, 1);
    for (const v of samples) out.writeSigned(v, bps);
    return;
  }
  out.write(0, 1);
  out.write(0b001000 | order, 6);
  out.write(0, 1);
  for (let i = 0; i < order; i++) out.writeSigned(samples[i]!, bps);
  out.write(parameterBits === 5 ? 1 : 0, 2);
  out.write(plan.partitionOrder, 4);
  const partitions = 1 << plan.partitionOrder;
  const size = n / partitions;
  for (let p = 0; p < partitions; p++) {
    const k = plan.parameters[p]!;
    const scale = 2 ** k;
    out.write(k, parameterBits);
    const from = p === 0 ? 0 : p * size - order;
    const to = (p + 1) * size - order;
    for (let i = from; i < to; i++) {
      const v = zigzagged[i]!;
      const high = Math.floor(v / scale);
      out.writeUnary(high);
      if (k > 0) out.write(v - high * scale, k);
    }
  }
}

function utf8Number(value: number): number[] {
  if (value < 0x80) return [value];
  const bytes: number[] = [];
  let remaining = value;
  let count = 1;
  while (remaining >= 1 << (6 * count + (6 - count))) count++;
  for (let i = 0; i < count; i++) {
    bytes.unshift(0x80 | (remaining & 0x3f));
    remaining = Math.floor(remaining / 64);
  }
  bytes.unshift(((0xff << (7 - count)) & 0xff) | remaining);
  return bytes;
}

/** The audio frames of a FLAC stream (what the export's audio hash covers). */
function encodeFrames(samples: readonly Int32Array[], sampleRate: number, bps: 16 | 24): { frames: Uint8Array; minFrame: number; maxFrame: number } {
  const out = new BitWriter(samples[0]!.length * samples.length * (bps / 8) + 1024);
  const total = samples[0]!.length;
  const rateCode = sampleRate === 44100 ? 0b1001 : sampleRate === 48000 ? 0b1010 : sampleRate === 96000 ? 0b1011 : 0b0000;
  const sizeCode = bps === 16 ? 0b100 : 0b110;
  let minFrame = Infinity;
  let maxFrame = 0;
  for (let start = 0, number = 0; start < total; start += BLOCK_SIZE, number++) {
    const frameStart = out.byteLength;
    const size = Math.min(BLOCK_SIZE, total - start);
    const blocks = samples.map((c) => c.subarray(start, start + size));
    // Stereo: left/right or mid/side, whichever is smaller, judged by the left channel's and side's spread.
    let assignment = samples.length - 1;
    let coded = blocks;
    if (samples.length === 2) {
      const [left, right] = blocks as [Int32Array, Int32Array];
      const side = new Int32Array(size);
      const mid = new Int32Array(size);
      let lr = 0,
        ms = 0;
      for (let i = 0; i < size; i++) {
        side[i] = left[i]! - right[i]!;
        mid[i] = (left[i]! + right[i]!) >> 1;
        if (i > 0) {
          lr += Math.abs(left[i]! - left[i - 1]!) + Math.abs(right[i]! - right[i - 1]!);
          ms += Math.abs(mid[i]! - mid[i - 1]!) + Math.abs(side[i]! - side[i - 1]!);
        }
      }
      if (ms < lr) {
        assignment = 0b1010;
        coded = [mid, side];
      }
    }
    const header = new BitWriter(32);
    header.write(0b11111111111110, 14);
    header.write(0, 1);
    header.write(0, 1);
    header.write(size === BLOCK_SIZE ? 0b1100 : 0b0111, 4);
    header.write(rateCode, 4);
    header.write(assignment, 4);
    header.write(sizeCode, 3);
    header.write(0, 1);
    for (const byte of utf8Number(number)) header.write(byte, 8);
    if (size !== BLOCK_SIZE) header.write(size - 1, 16);
    const headerBytes = header.finish();
    for (const byte of headerBytes) out.write(byte, 8);
    out.write(crc8(headerBytes), 8);
    coded.forEach((channel, c) => writeSubframe(out, channel, bps + (assignment === 0b1010 && c === 1 ? 1 : 0)));
    out.align();
    out.write(crc16(out.bytesFrom(frameStart)), 16);
    const frameLength = out.byteLength - frameStart;
    minFrame = Math.min(minFrame, frameLength);
    maxFrame = Math.max(maxFrame, frameLength);
  }
  return { frames: out.finish(), minFrame: Number.isFinite(minFrame) ? minFrame : 0, maxFrame };
}

/** STREAMINFO body (34 bytes) for the encoded stream. */
function streamInfo(samples: readonly Int32Array[], sampleRate: number, bps: number, minFrame: number, maxFrame: number): Uint8Array {
  const info = new BitWriter(34);
  const total = samples[0]!.length;
  info.write(Math.min(BLOCK_SIZE, total), 16);
  info.write(BLOCK_SIZE, 16);
  info.write(minFrame, 24);
  info.write(maxFrame, 24);
  info.write(sampleRate, 20);
  info.write(samples.length - 1, 3);
  info.write(bps - 1, 5);
  info.write(Math.floor(total / 2 ** 32), 4);
  info.write(total >>> 0, 32);
  // MD5 of the interleaved little-endian samples, as the FLAC format defines it.
  const bytesPerSample = bps / 8;
  const pcm = Buffer.alloc(total * samples.length * bytesPerSample);
  let offset = 0;
  for (let i = 0; i < total; i++) {
    for (const channel of samples) {
      const v = channel[i]!;
      pcm[offset++] = v & 0xff;
      pcm[offset++] = (v >> 8) & 0xff;
      if (bytesPerSample === 3) pcm[offset++] = (v >> 16) & 0xff;
    }
  }
  for (const byte of crypto.createHash('md5').update(pcm).digest()) info.write(byte, 8);
  return info.finish();
}

export interface FlacStream {
  readonly streamInfo: Uint8Array;
  /** The audio frames: hashed as the export's audio data, whatever metadata is added. */
  readonly frames: Uint8Array;
}

/**
 * A FLAC encoder (fixed predictors up to order 4, partitioned Rice coding,
 * mid/side stereo): lossless — any FLAC decoder returns the input samples
 * exactly. Metadata blocks are assembled by the caller.
 */
export function encodeFlac(samples: readonly Int32Array[], sampleRate: number, bps: 16 | 24): FlacStream {
  const { frames, minFrame, maxFrame } = encodeFrames(samples, sampleRate, bps);
  return { streamInfo: streamInfo(samples, sampleRate, bps, minFrame, maxFrame), frames };
}

/** A complete .flac file: STREAMINFO, the given metadata blocks (type, body), then the frames. */
export function flacFile(stream: FlacStream, blocks: readonly { type: number; body: Uint8Array }[]): Buffer {
  const all = [{ type: 0, body: stream.streamInfo }, ...blocks];
  const parts: Buffer[] = [Buffer.from('fLaC', 'latin1')];
  all.forEach((block, i) => {
    const header = Buffer.alloc(4);
    header[0] = (i === all.length - 1 ? 0x80 : 0) | block.type;
    header.writeUIntBE(block.body.length, 1, 3);
    parts.push(header, Buffer.from(block.body));
  });
  parts.push(Buffer.from(stream.frames));
  return Buffer.concat(parts);
}
