/**
 * A fast path for the commonest stem format: PCM (8/16/24/32-bit) and
 * float (32/64-bit) WAV decoded in place, without the native decoder's
 * round trip — the same sample values (integers scaled by 2^(bits−1)).
 * Null for anything else (the caller falls back to the general decoder).
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function decodeWavPcm(bytes: Uint8Array): { sampleRate: number; channels: Float32Array[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 12 || id(0) !== 'RIFF' || id(8) !== 'WAVE') return null;
  let format = 0;
  let channelCount = 0;
  let sampleRate = 0;
  let bits = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const chunk = id(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (chunk === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      format = view.getUint16(body, true);
      channelCount = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the plain format code.
      if (format === 0xfffe && size >= 40 && body + 26 <= bytes.length) format = view.getUint16(body + 24, true);
    } else if (chunk === 'data') {
      if (!channelCount || !sampleRate) return null;
      const integer = format === 1 && [8, 16, 24, 32].includes(bits);
      const float = format === 3 && (bits === 32 || bits === 64);
      if (!integer && !float) return null;
      const width = bits / 8;
      const available = Math.min(size, bytes.length - body);
      const frames = Math.floor(available / (width * channelCount));
      const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
      const stride = width * channelCount;
      const start = bytes.byteOffset + body;
      // Aligned 16-bit or float data is read through a typed view (little-endian hosts): the common case, fast.
      if (LITTLE_ENDIAN && ((bits === 16 && !float && start % 2 === 0) || (float && bits === 32 && start % 4 === 0))) {
        if (bits === 16) deinterleave16(new Int16Array(bytes.buffer, start, frames * channelCount), channels);
        else deinterleaveFloat(new Float32Array(bytes.buffer, start, frames * channelCount), channels);
        return { sampleRate, channels };
      }
      for (let c = 0; c < channelCount; c++) {
        const out = channels[c]!;
        let at = body + c * width;
        if (float && bits === 32) for (let i = 0; i < frames; i++, at += stride) out[i] = view.getFloat32(at, true);
        else if (float) for (let i = 0; i < frames; i++, at += stride) out[i] = view.getFloat64(at, true);
        else if (bits === 16) for (let i = 0; i < frames; i++, at += stride) out[i] = view.getInt16(at, true) / 32768;
        else if (bits === 24) {
          for (let i = 0; i < frames; i++, at += stride) {
            const v = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
            out[i] = (v & 0x800000 ? v - 0x1000000 : v) / 8388608;
          }
        } else if (bits === 32) for (let i = 0; i < frames; i++, at += stride) out[i] = view.getInt32(at, true) / 2147483648;
        else for (let i = 0; i < frames; i++, at += stride) out[i] = (bytes[at]! - 128) / 128;
      }
      return { sampleRate, channels };
    }
    offset = body + size + (size & 1);
  }
  return null;
}

const INT16_SCALE = 1 / 32768; // a power of two: the same values as dividing

function deinterleave16(source: Int16Array, channels: Float32Array[]): void {
  const count = channels.length;
  if (count === 2) {
    // Stereo, the commonest stem: one pass over the source.
    const [left, right] = channels as [Float32Array, Float32Array];
    for (let i = 0, j = 0; i < left.length; i++, j += 2) {
      left[i] = source[j]! * INT16_SCALE;
      right[i] = source[j + 1]! * INT16_SCALE;
    }
    return;
  }
  channels.forEach((out, c) => {
    for (let i = 0, j = c; i < out.length; i++, j += count) out[i] = source[j]! * INT16_SCALE;
  });
}

function deinterleaveFloat(source: Float32Array, channels: Float32Array[]): void {
  const count = channels.length;
  if (count === 1) {
    channels[0]!.set(source);
    return;
  }
  channels.forEach((out, c) => {
    for (let i = 0, j = c; i < out.length; i++, j += count) out[i] = source[j]!;
  });
}
