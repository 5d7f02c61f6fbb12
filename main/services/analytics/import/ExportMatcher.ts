import type { PlayKeyKind } from './ParsedPlay';
import { foldName, trackKey } from './trackKey';

/** What plays can be matched against, per export. */
export interface ExportIdentity {
  readonly id: string;
  readonly title: string;
  readonly creator: string;
  /** The artists of the recordings it remixes or covers (the file's ARTIST tag for a remix). */
  readonly originalArtists: readonly string[];
  readonly isrc: string | null;
  readonly audioSha256: string;
  readonly createdAtMs: number;
  readonly durationSec: number;
}

/** How a group of plays was matched, for the list shown after an import. */
export interface MatchNote {
  readonly how: 'export id' | 'ISRC' | 'audio hash' | 'title and artist';
  readonly label: string;
  readonly exportId: string;
  readonly exportTitle: string;
}

const howOf: Record<PlayKeyKind, MatchNote['how']> = { export: 'export id', isrc: 'ISRC', audio: 'audio hash', track: 'title and artist' };

/**
 * Finds the export a play belongs to: by export id, ISRC or audio hash, or
 * — for files without ids (Spotify's history) — by title and artist, where
 * the artist may be the creator or the remixed original. When several
 * versions share a title and artist, a play goes to the newest version
 * released before it was played.
 */
export class ExportMatcher {
  private readonly byId = new Map<string, ExportIdentity>();
  private readonly byIsrc = new Map<string, ExportIdentity[]>();
  private readonly byAudio = new Map<string, ExportIdentity[]>();
  private readonly byTrack = new Map<string, ExportIdentity[]>();

  constructor(exports: readonly ExportIdentity[]) {
    const sorted = [...exports].sort((a, b) => a.createdAtMs - b.createdAtMs);
    const add = (map: Map<string, ExportIdentity[]>, key: string, e: ExportIdentity) => map.set(key, [...(map.get(key) ?? []), e]);
    for (const e of sorted) {
      this.byId.set(e.id, e);
      if (e.isrc) add(this.byIsrc, e.isrc, e);
      add(this.byAudio, e.audioSha256, e);
      for (const artist of new Set([e.creator, ...e.originalArtists].map(foldName))) add(this.byTrack, trackKey(e.title, artist), e);
    }
  }

  /** The export for a play key at a time, or null when none is known. */
  match(kind: PlayKeyKind, value: string, playedAt: number): ExportIdentity | null {
    if (kind === 'export') return this.byId.get(value) ?? null;
    const candidates = (kind === 'isrc' ? this.byIsrc : kind === 'audio' ? this.byAudio : this.byTrack).get(value);
    if (!candidates?.length) return null;
    let chosen = candidates[0]!;
    for (const c of candidates) if (c.createdAtMs <= playedAt) chosen = c;
    return chosen;
  }

  /** Every export a key could match, oldest first (several when versions share an ISRC, audio or title). */
  candidates(kind: PlayKeyKind, value: string): readonly ExportIdentity[] {
    if (kind === 'export') {
      const found = this.byId.get(value);
      return found ? [found] : [];
    }
    return (kind === 'isrc' ? this.byIsrc : kind === 'audio' ? this.byAudio : this.byTrack).get(value) ?? [];
  }

  static how(kind: PlayKeyKind): MatchNote['how'] {
    return howOf[kind];
  }
}
