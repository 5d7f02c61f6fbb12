/**
 * mulberry32: a small deterministic PRNG. Anything random in a render
 * (reverb impulses, noise) is seeded, so the same document renders the same
 * samples every time.
 *
 * @example
 * const random = seededRandom(seedOf(effect.id));
 * const noise = Float32Array.from({ length: 1024 }, () => random() * 2 - 1);   // the same samples every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stable 32-bit seed from a string (FNV-1a), e.g. an effect id.
 *
 * @example
 * seedOf('reverb-1');   // 1296924715, on every machine and run
 */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
