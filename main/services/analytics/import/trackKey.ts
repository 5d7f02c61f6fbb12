/** Title and artist folded for matching: case, accents, punctuation and spacing do not matter. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key a play without ids is matched by: folded title and artist. */
export function trackKey(title: string, artist: string): string {
  return `${foldName(title)}\u0000${foldName(artist)}`;
}
