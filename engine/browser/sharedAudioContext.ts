let context: AudioContext | undefined;

/**
 * The app's one AudioContext (live playback, previews, recording), created
 * on first use; browsers start it suspended until a user gesture, so
 * callers `resume()` it from a click or key press.
 */
export function sharedAudioContext(): AudioContext {
  context ??= new AudioContext({ latencyHint: 'interactive', sampleRate: 48000 });
  return context;
}
