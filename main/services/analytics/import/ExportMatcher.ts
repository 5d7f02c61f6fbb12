import { normalizeIsrc } from '../../../../shared/rights/identifiers';
import type { PlayKeyKind } from './ParsedPlay';
import { foldName, trackKey, trackKeyArtist } from './trackKey';

/** What plays can be matched against, per export. */
export interface ExportIdentity {
  readonly id: string;
  readonly title: string;
  readonly creator: string;
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
 * the artist must be the export's creator: a remix titled like its original
 * never takes the original's plays (those name the original artist). When
 * several versions share a title, a play goes to the newest version
 * released before it was played.
 *
 * It also decides which unmatched plays may be kept aside for a later
 * export (couldMatchLater): only those an export of this library could
 * ever claim.
 */
export class ExportMatcher {
  private readonly byId = new Map<string, ExportIdentity>();
  private readonly byIsrc = new Map<string, ExportIdentity[]>();
  private readonly byAudio = new Map<string, ExportIdentity[]>();
  private readonly byTrack = new Map<string, ExportIdentity[]>();
  private readonly creators: ReadonlySet<string>;
  private readonly registrants: ReadonlySet<string>;

  /**
   * @param creators the names this library's exports credit (the creator
   *   setting, and every export's creator): plays by them may be kept aside.
   */
  constructor(exports: readonly ExportIdentity[], creators: readonly string[] = []) {
    const sorted = [...exports].sort((a, b) => a.createdAtMs - b.createdAtMs);
    const add = (map: Map<string, ExportIdentity[]>, key: string, e: ExportIdentity) => map.set(key, [...(map.get(key) ?? []), e]);
    for (const e of sorted) {
      this.byId.set(e.id, e);
      if (e.isrc) add(this.byIsrc, e.isrc, e);
      add(this.byAudio, e.audioSha256, e);
      add(this.byTrack, trackKey(e.title, e.creator), e);
    }
    this.creators = new Set([...creators, ...exports.map((e) => e.creator)].map(foldName).filter(Boolean));
    // An ISRC's country and registrant code (CC-XXX): codes this library's exports were given belong to its creator.
    this.registrants = new Set(exports.flatMap((e) => (e.isrc ? [(normalizeIsrc(e.isrc) ?? e.isrc).slice(0, 5)] : [])));
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

  /**
   * Whether plays of a key no export matches may be kept aside, because an
   * export of this library could claim them later: a title by one of its
   * creators (not released from Stemroom yet), or an ISRC from a registrant
   * code its exports use. Export ids and audio hashes are this library's
   * own: one it does not know never will be. Everything else — other
   * artists' tracks in a fan's history — is dropped at import.
   */
  couldMatchLater(kind: PlayKeyKind, value: string): boolean {
    if (kind === 'track') return this.creators.has(trackKeyArtist(value));
    if (kind === 'isrc') return this.registrants.has(value.slice(0, 5));
    return false;
  }

  static how(kind: PlayKeyKind): MatchNote['how'] {
    return howOf[kind];
  }
}
