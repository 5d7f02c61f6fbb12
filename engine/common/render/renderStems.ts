import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import { LimiterDsp } from '../dsp/LimiterDsp';
import { renderProject, type RenderEnvironment, type RenderOptions } from './renderProject';

/** A pilot level far below anything audible or measurable, far above float32's smallest normal number. */
const PILOT = 1e-20;

export interface RenderedStems {
  /** The mix exactly as renderProject renders it (limited, then `finish`ed). */
  readonly mix: Float32Array[];
  readonly sampleRate: number;
  /** One stem per audible track with clips, in track order: what that track contributes to `mix`. */
  readonly stems: { readonly trackId: string; readonly channels: Float32Array[] }[];
}

export interface StemOptions extends Omit<RenderOptions, 'limit'> {
  /**
   * The export's processing after the render (e.g. loudness normalisation),
   * in place. It must act as one gain per sample shared by every channel —
   * gain stages and limiters do — so the same gain can be put on each stem.
   */
  readonly finish?: (channels: Float32Array[], sampleRate: number) => void;
  readonly onStem?: (done: number, total: number) => void;
}

/**
 * Renders a project's mix and, with the same engine, each audible track on
 * its own (about twice the cost of the mix in all), so the stems sum to the mix: every track is rendered without
 * the master limiter (the tracks of a mix are independent until the master
 * bus, which is a gain), the mix's limiter — and any `finish` — runs once
 * over the whole mix with a pilot channel beside it whose samples come out
 * as the gain applied at each instant, and that gain is put on every stem.
 * A null test (sum of stems minus mix) is the proof: float rounding only.
 *
 * @example
 * const { mix, stems } = await renderStems(document, environment, { outputRate: 44100 });
 */
export async function renderStems(document: ProjectDocument, environment: RenderEnvironment, options: StemOptions = {}): Promise<RenderedStems> {
  const { finish, onStem, ...render } = options;
  const full = await renderProject(document, environment, { ...render, limit: false });
  const frames = full.channels[0]!.length;
  const pilot = new Float32Array(frames).fill(PILOT);
  const mix = full.channels;
  const withPilot = [...mix, pilot];
  LimiterDsp.limitBuffer(withPilot, full.sampleRate, document.master.limiterCeilingDb);
  finish?.(withPilot, full.sampleRate);

  const audible = audibleTracks(document.tracks);
  const withClips = new Set(document.clips.filter((c) => c.active).map((c) => c.trackId));
  const tracks = document.tracks.filter((t) => audible.has(t.id) && withClips.has(t.id));
  const stems: RenderedStems['stems'][number][] = [];
  for (const [index, track] of tracks.entries()) {
    onStem?.(index, tracks.length);
    // The track alone — the others left out rather than muted, so each stem costs one track's render, not the whole mix's.
    const alone: ProjectDocument = {
      ...document,
      tracks: [{ ...track, solo: false, mute: false }],
      clips: document.clips.filter((c) => c.trackId === track.id),
    };
    const rendered = await renderProject(alone, environment, { ...render, limit: false, minSeconds: full.seconds, onProgress: undefined });
    const channels = mix.map((_, c) => {
      const out = new Float32Array(frames);
      const source = rendered.channels[c]!;
      const n = Math.min(frames, source.length);
      for (let i = 0; i < n; i++) out[i] = source[i]! * (pilot[i]! / PILOT);
      return out;
    });
    stems.push({ trackId: track.id, channels });
  }
  onStem?.(tracks.length, tracks.length);
  return { mix, sampleRate: full.sampleRate, stems };
}
