import type { Fingerprint } from './Fingerprint';
import { FINGERPRINT_VERSION, MAX_BIN } from './fingerprintParams';
import { MAX_PEAK_FRAME, peakBin, peakFrame } from './pickPeaks';

/** "SRFP" as a little-endian u32. */
const MAGIC = 0x50465253;
const HEADER_BYTES = 16;

/** Thrown for bytes that are not a fingerprint of this version; the message says why in one line. */
export class InvalidFingerprintError extends Error {
  override readonly name = 'InvalidFingerprintError';
}

/**
 * The stored form: a 16-byte header (magic "SRFP", version u16, reserved
 * u16, frames u32, peak count u32) and the packed peaks as little-endian
 * u32 — 4 bytes per peak, ≈ 7 kB per minute of music. Store it as a BLOB.
 *
 * @example
 * const blob = encodeFingerprint(computeFingerprint(channels, 48000));
 * decodeFingerprint(blob); // the same fingerprint
 */
export function encodeFingerprint(fp: Fingerprint): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + fp.peaks.length * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint16(4, fp.version, true);
  view.setUint32(8, fp.frames, true);
  view.setUint32(12, fp.peaks.length, true);
  for (let i = 0; i < fp.peaks.length; i++) view.setUint32(HEADER_BYTES + 4 * i, fp.peaks[i]!, true);
  return bytes;
}

/**
 * Reads the stored form back, refusing anything malformed (wrong magic or
 * version, a length that disagrees with the count, unsorted peaks, a peak
 * outside the audio or the analysed band) with an InvalidFingerprintError.
 */
export function decodeFingerprint(bytes: Uint8Array): Fingerprint {
  if (bytes.length < HEADER_BYTES) throw new InvalidFingerprintError(`fingerprint too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new InvalidFingerprintError('not a Stemroom fingerprint (bad magic)');
  const version = view.getUint16(4, true);
  if (version !== FINGERPRINT_VERSION)
    throw new InvalidFingerprintError(`fingerprint version ${version} is not ${FINGERPRINT_VERSION}: recompute it from the audio`);
  const frames = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  if (bytes.length !== HEADER_BYTES + 4 * count)
    throw new InvalidFingerprintError(`fingerprint of ${count} peaks must be ${HEADER_BYTES + 4 * count} bytes, not ${bytes.length}`);
  if (frames > MAX_PEAK_FRAME + 1) throw new InvalidFingerprintError(`fingerprint too long (${frames} frames)`);
  const peaks = new Uint32Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const peak = view.getUint32(HEADER_BYTES + 4 * i, true);
    if (peak <= previous) throw new InvalidFingerprintError(`fingerprint peaks out of order at ${i}`);
    if (peakFrame(peak) >= frames || peakBin(peak) > MAX_BIN) throw new InvalidFingerprintError(`fingerprint peak ${i} lies outside the audio`);
    peaks[i] = peak;
    previous = peak;
  }
  return { version, frames, peaks };
}
