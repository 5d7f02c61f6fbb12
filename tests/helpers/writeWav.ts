/** A 16-bit PCM WAV of the given channels (values in −1…1) — test fixtures only. */
export function wavBytes(channels: readonly Float32Array[], sampleRate: number): Buffer {
  const frames = channels[0]!.length;
  const blockAlign = channels.length * 2;
  const data = Buffer.alloc(44 + frames * blockAlign);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + frames * blockAlign, 4);
  data.write('WAVE', 8);
  data.write('fmt ', 12);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(channels.length, 22);
  data.writeUInt32LE(sampleRate, 24);
  data.writeUInt32LE(sampleRate * blockAlign, 28);
  data.writeUInt16LE(blockAlign, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36);
  data.writeUInt32LE(frames * blockAlign, 40);
  for (let i = 0; i < frames; i++) {
    channels.forEach((channel, c) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, channel[i]!)) * 32767), 44 + i * blockAlign + c * 2));
  }
  return data;
}

/** A stereo sine tone. */
export function tone(frequency: number, seconds: number, sampleRate = 48000, amplitude = 0.25): Float32Array[] {
  const left = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < left.length; i++) left[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return [left, left.slice()];
}
