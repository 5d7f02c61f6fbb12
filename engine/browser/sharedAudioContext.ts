let context: AudioContext | undefined;

/**
 * The app's one AudioContext (live playback, previews, recording), created
 * on first use. A project plays at its own sample rate (the rate of its
 * sources, so nothing is resampled on the way and playback equals the
 * export sample for sample): asking for another rate closes the context
 * and opens one at that rate (the studio asks when it opens a project;
 * nothing else is playing then). Browsers start a context suspended until
 * a user gesture, so callers `resume()` it from a click or key press.
 *
 * @example
 * const engine = new Engine(sharedAudioContext(document.sampleRate));
 */
export function sharedAudioContext(sampleRate?: number): AudioContext {
  if (context && sampleRate !== undefined && context.sampleRate !== sampleRate) {
    void context.close();
    context = undefined;
  }
  context ??= new AudioContext({ latencyHint: 'interactive', sampleRate: sampleRate ?? 48000 });
  return context;
}
