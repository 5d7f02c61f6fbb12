import { describe, expect, it } from 'vitest';
import { ExportMatcher, type ExportIdentity } from './ExportMatcher';
import { trackKey } from './trackKey';

const remix: ExportIdentity = {
  id: 'r',
  title: 'Glass Orchard',
  creator: 'DJ Lantern',
  isrc: 'GBXYZ2600001',
  audioSha256: 'a'.repeat(64),
  createdAtMs: 1000,
  durationSec: 200,
};
const nights: ExportIdentity = { ...remix, id: 'n', title: 'Orchard Nights', isrc: null, audioSha256: 'b'.repeat(64) };

describe('ExportMatcher', () => {
  const matcher = new ExportMatcher([remix, nights], ['DJ Lantern']);

  it('ignores spacing, case, accents and punctuation in titles and artists', () => {
    for (const [title, artist] of [
      ['OrchardNights', 'DJ Lantern'],
      ['orchard nights', 'dj lantern'],
      ['Orchard-Nights!', 'DJ  Lantérn'],
    ])
      expect(matcher.match('track', trackKey(title!, artist!), 2000)?.id, `${title} by ${artist}`).toBe('n');
  });

  it('never gives a remix titled like its original the plays of the original artist', () => {
    expect(matcher.match('track', trackKey('Glass Orchard', 'Mira Vale'), 2000)).toBeNull();
    expect(matcher.match('track', trackKey('Glass Orchard', 'DJ Lantern'), 2000)?.id).toBe('r');
    // The ISRC (or audio hash) says so whatever the title: that is how a play of the remix under another name still matches.
    expect(matcher.match('isrc', 'GBXYZ2600001', 2000)?.id).toBe('r');
  });

  it('keeps aside only what an export of this library could claim later', () => {
    expect(matcher.couldMatchLater('track', trackKey('A Song Not Exported Yet', 'dj-lantern'))).toBe(true);
    expect(matcher.couldMatchLater('track', trackKey('Blinding Lights', 'The Weeknd'))).toBe(false);
    expect(matcher.couldMatchLater('track', trackKey('Glass Orchard', 'Mira Vale'))).toBe(false);
    expect(matcher.couldMatchLater('isrc', 'GBXYZ2600077')).toBe(true);
    expect(matcher.couldMatchLater('isrc', 'USUM71703861')).toBe(false);
    expect(matcher.couldMatchLater('export', '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f53')).toBe(false);
    expect(matcher.couldMatchLater('audio', 'c'.repeat(64))).toBe(false);
    // The creator name setting counts before any export credits it.
    expect(new ExportMatcher([], ['Nova']).couldMatchLater('track', trackKey('First Single', 'NOVA'))).toBe(true);
  });
});
