/**
 * node-web-audio-api, loaded on first use: the Web Audio API in Node, so
 * main decodes stems and renders exports with the same engine code the page
 * uses. Its AudioWorklet needs Promise.withResolvers, which Node 20 lacks.
 */
import type * as WebAudio from 'node-web-audio-api';

type WebAudioModule = typeof WebAudio;

let loaded: Promise<WebAudioModule> | undefined;

/**
 * The Web Audio API in Node (node-web-audio-api), loaded once on first use, with the polyfill its AudioWorklet needs on Node 20.
 *
 * @example
 * const { OfflineAudioContext } = await loadWebAudio();
 * const context = new OfflineAudioContext(2, 44100, 44100);
 */
export function loadWebAudio(): Promise<WebAudioModule> {
  if (!('withResolvers' in Promise)) {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new Promise<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      },
    });
  }
  loaded ??= import('node-web-audio-api');
  return loaded;
}
