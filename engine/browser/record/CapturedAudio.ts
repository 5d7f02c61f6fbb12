/** Input audio captured from the context frame `startFrame` on, contiguous. */
export interface CapturedAudio {
  readonly startFrame: number;
  readonly sampleRate: number;
  readonly channels: Float32Array[];
}

/** Joins chunks stamped with their first frame into one contiguous capture (gaps are filled with silence). */
export function joinChunks(chunks: readonly { frame: number; channels: Float32Array[] }[], sampleRate: number): CapturedAudio {
  if (!chunks.length) return { startFrame: 0, sampleRate, channels: [new Float32Array(0)] };
  const startFrame = chunks[0]!.frame;
  const last = chunks.at(-1)!;
  const frames = last.frame + last.channels[0]!.length - startFrame;
  const channelCount = Math.max(...chunks.map((c) => c.channels.length));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (const chunk of chunks) {
    for (let c = 0; c < channelCount; c++) channels[c]!.set(chunk.channels[c] ?? chunk.channels[0]!, chunk.frame - startFrame);
  }
  return { startFrame, sampleRate, channels };
}

/** The part of a capture between two context frames. */
export function sliceCapture(capture: CapturedAudio, fromFrame: number, toFrame: number): CapturedAudio {
  const from = Math.max(0, Math.round(fromFrame - capture.startFrame));
  const to = Math.min(capture.channels[0]!.length, Math.round(toFrame - capture.startFrame));
  return { startFrame: capture.startFrame + from, sampleRate: capture.sampleRate, channels: capture.channels.map((c) => c.slice(from, Math.max(from, to))) };
}
