const TABLE = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
  TABLE[n] = c;
}

/**
 * CRC-16/ARC (polynomial 0x8005 reflected, initial 0): the checksum of
 * the LAME info tag and of its music data, as LAME and ffmpeg compute it.
 *
 * @example
 * crc16(new TextEncoder().encode('123456789')); // 0xbb3d
 */
export function crc16(bytes: Uint8Array, crc = 0): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = (c >>> 8) ^ TABLE[(c ^ bytes[i]!) & 0xff]!;
  return c;
}
