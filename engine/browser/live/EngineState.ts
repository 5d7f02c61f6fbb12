import type { Levels } from './Meters';

/**
 * What changes seldom: components re-render on it freely.
 *
 * @example
 * const playing = useStore(engine.state, (s) => s.playing);
 */
export interface EngineState {
  readonly status: 'empty' | 'loading' | 'ready' | 'error';
  readonly playing: boolean;
  /** Play was pressed; the audio around the playhead is still arriving. */
  readonly buffering: boolean;
  readonly loop: boolean;
  readonly metronome: boolean;
  /** Render quanta in which a clip's audio had not arrived in time (played as silence). */
  readonly underruns: number;
  /** Seconds from the last change while playing (tempo, key, arrangement) until its audio played; null before any. */
  readonly changeHeardAfter: number | null;
  /**
   * When the last start, seek or change while playing is heard: its first frame at
   * the speakers (output latency included), on the page's performance.now()
   * clock, so a caller can time it from its own click or key press; null
   * before any.
   */
  readonly heardAt: number | null;
  readonly error: string | null;
}

/**
 * What changes every frame while playing: read it through selectors (see useStore).
 *
 * @example
 * const beat = useStore(engine.position, (p) => p.positionBeats);
 */
export interface EnginePosition {
  readonly positionBeats: number;
  readonly positionSeconds: number;
  readonly levels: Levels;
}
