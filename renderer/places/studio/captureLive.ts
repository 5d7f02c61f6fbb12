import type { Engine } from '../../../engine/browser/live/Engine';
import { MasterCapture } from '../../../engine/browser/live/MasterCapture';

/** A capture of live playback, lined up with the timeline: what `stemroomStudio.captureLive` answers. */
export interface LiveCapture {
  readonly sampleRate: number;
  /** Context frame of the capture's first sample. */
  readonly startFrame: number;
  /** Context frame at which the transport played timeline second `fromSeconds` (to the frame: the engine starts on a frame). */
  readonly playFrame: number;
  readonly fromSeconds: number;
  /** Underruns counted by the engine during the capture, and stalls of the tap itself. */
  readonly underruns: number;
  readonly missingFrames: number;
  readonly gaps: number;
  /** Each channel's float32 samples, little-endian, base64 (exact, and a tenth of the size of JSON numbers). */
  readonly channels: string[];
}

/**
 * Plays from `fromBeat` for `seconds` (loop off; or `via: 'play'`, as the
 * Play button does, with the document's loop setting) and captures the master
 * output sample-exactly from before the start to after the end, then
 * pauses: the live half of a live-vs-export null test.
 *
 * @example
 * const capture = await captureLive(session.engine, 16, 8);
 */
export async function captureLive(engine: Engine, fromBeat: number, seconds: number, via: 'playAt' | 'play' = 'playAt'): Promise<LiveCapture> {
  if (engine.state.get().playing) engine.pause();
  if (via === 'play') engine.seek(fromBeat);
  const capture = await MasterCapture.start(engine.context, engine.masterOutput);
  const before = engine.streamStats;
  const { startTime, startSeconds } = via === 'play' ? await playAsTheButtonDoes(engine) : await engine.playAt(fromBeat, 0, { loop: false });
  const end = startTime + seconds + 0.05;
  while (engine.context.currentTime < end) await new Promise((resolve) => setTimeout(resolve, 50));
  const captured = await capture.stop();
  // The stream nodes report ~20 times a second: wait for the reports covering the capture's end.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = engine.streamStats;
  engine.pause();
  engine.restoreLoop();
  return {
    sampleRate: captured.sampleRate,
    startFrame: captured.startFrame,
    playFrame: Math.round(startTime * engine.context.sampleRate),
    fromSeconds: startSeconds,
    underruns: after.underruns - before.underruns,
    missingFrames: after.missingFrames - before.missingFrames,
    gaps: captured.gaps,
    channels: captured.channels.map(base64),
  };
}

/** Play as the Play button does (the document's loop setting, from the playhead). */
async function playAsTheButtonDoes(engine: Engine): Promise<{ startTime: number; startSeconds: number }> {
  // The playhead was just moved there (seek while stopped): the readout shows the second it plays from.
  const startSeconds = engine.position.get().positionSeconds;
  const startTime = await engine.play();
  if (startTime === null) throw new Error('The engine could not start playing.');
  return { startTime, startSeconds };
}

function base64(samples: Float32Array): string {
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
