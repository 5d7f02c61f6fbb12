/** What the library already knows of a package: its publisher and, if it was signed, the pinned key. */
export interface KnownPackage {
  readonly publisher: string;
  readonly pinned: { readonly fingerprint: string; readonly pinnedAt: string } | null;
}

/** What arrives: the manifest's publisher and the verified signature's key, if any. */
export interface IncomingPackage {
  readonly id: string;
  readonly publisher: string;
  readonly signedBy: string | null;
}

export type KeyJudgement = { readonly ok: true; readonly pin: 'new' | 'kept' | 'none' } | { readonly ok: false; readonly problem: string };

const short = (fingerprint: string) => fingerprint.slice(0, 16);

/**
 * Trust on first use, then continuity: a new package is pinned to the key
 * that signed it; a signed package accepts only versions signed by its
 * pinned key; an unsigned package may not change its publisher (signed or
 * not: signing is no way to take over someone else's package).
 *
 * @example
 * judgePackageKey({ publisher: 'Ember Lane', pinned: { fingerprint: 'ab…', pinnedAt: '2026-01-01' } },
 *                 { id: 'emb-pkg', publisher: 'Ember Lane', signedBy: null });
 * // → { ok: false, problem: 'package "emb-pkg" was signed with key ab… …; this version is unsigned …' }
 */
export function judgePackageKey(known: KnownPackage | null, incoming: IncomingPackage): KeyJudgement {
  if (!known) return { ok: true, pin: incoming.signedBy ? 'new' : 'none' };
  if (known.pinned) {
    const pinned = `key ${short(known.pinned.fingerprint)}… (pinned ${known.pinned.pinnedAt.slice(0, 10)})`;
    if (!incoming.signedBy)
      return {
        ok: false,
        problem: `package "${incoming.id}" was signed with ${pinned}; this version is unsigned, and a signed package only accepts versions signed by its key`,
      };
    if (incoming.signedBy !== known.pinned.fingerprint) {
      return { ok: false, problem: `package "${incoming.id}" is signed by key ${short(incoming.signedBy)}…, but this library trusts only ${pinned} for it` };
    }
    return { ok: true, pin: 'kept' };
  }
  if (incoming.publisher !== known.publisher) {
    return {
      ok: false,
      problem: `package "${incoming.id}" is published by "${known.publisher}"; this version names "${incoming.publisher}", and an unsigned package cannot change hands`,
    };
  }
  return { ok: true, pin: incoming.signedBy ? 'new' : 'none' };
}
