/**
 * Title and artist folded for matching: case, accents, punctuation and
 * spacing do not matter — only letters and digits are kept, so
 * "OrchardNights", "Orchard Nights" and "orchard-nights!" are one name.
 *
 * @example
 * foldName('Mïra Vale — Orchard Nights'); // 'miravaleorchardnights'
 */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The key a play without ids is matched by: folded title and artist. */
export function trackKey(title: string, artist: string): string {
  return `${foldName(title)}\u0000${foldName(artist)}`;
}

/** The folded artist of a track key. */
export function trackKeyArtist(key: string): string {
  return key.slice(key.indexOf('\u0000') + 1);
}
