import type { Track } from './documentSchema';

/** Which tracks sound: with any track soloed, only soloed ones; otherwise every track not muted. */
export function audibleTracks(tracks: readonly Track[]): Set<string> {
  const soloed = tracks.filter((t) => t.solo);
  return new Set((soloed.length ? soloed : tracks.filter((t) => !t.mute)).map((t) => t.id));
}
