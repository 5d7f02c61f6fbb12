/** Writes bits most-significant first into a growing byte buffer (FLAC's bit order). */
export class BitWriter {
  private bytes: Uint8Array;
  private length = 0;
  private accumulator = 0;
  private bits = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Appends the low `count` bits of `value` (count ≤ 32; value unsigned or already masked). */
  write(value: number, count: number): void {
    if (count > 24) {
      this.write(Math.floor(value / 2 ** 16) & 0xffff, count - 16);
      this.write(value & 0xffff, 16);
      return;
    }
    this.accumulator = (this.accumulator * 2 ** count + (value & ((1 << count) - 1))) >>> 0;
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.push((this.accumulator >>> this.bits) & 0xff);
    }
    this.accumulator &= (1 << this.bits) - 1;
  }

  /** Signed value in two's complement, `count` bits. */
  writeSigned(value: number, count: number): void {
    this.write(value < 0 ? value + 2 ** count : value, count);
  }

  /** Unary: `value` zeros then a one. */
  writeUnary(value: number): void {
    let zeros = value;
    while (zeros >= 24) {
      this.write(0, 24);
      zeros -= 24;
    }
    this.write(1, zeros + 1);
  }

  /** Pads with zero bits to the next byte boundary. */
  align(): void {
    if (this.bits > 0) this.write(0, 8 - this.bits);
  }

  get byteLength(): number {
    return this.length;
  }

  bytesFrom(start: number): Uint8Array {
    return this.bytes.subarray(start, this.length);
  }

  finish(): Uint8Array {
    this.align();
    return this.bytes.slice(0, this.length);
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
}
