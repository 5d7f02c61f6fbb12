import type { PlayKeyKind } from './ParsedPlay';

/**
 * The distinct export keys an import has read (export id, ISRC, audio hash
 * or title + artist), numbered in the order first seen: plays refer to
 * their key by number, so a key is matched to an export once, not once per
 * play. The label is what the file called it the first time.
 */
export class PlayKeys {
  readonly kind: PlayKeyKind[] = [];
  readonly value: string[] = [];
  readonly label: string[] = [];
  private readonly index: Record<PlayKeyKind, Map<string, number>> = { export: new Map(), isrc: new Map(), audio: new Map(), track: new Map() };

  get length(): number {
    return this.kind.length;
  }

  /** The key's number (added when new). */
  indexOf(kind: PlayKeyKind, value: string, label: string): number {
    const map = this.index[kind];
    let at = map.get(value);
    if (at === undefined) {
      at = this.kind.length;
      map.set(value, at);
      this.kind.push(kind);
      this.value.push(value);
      this.label.push(label);
    }
    return at;
  }
}
