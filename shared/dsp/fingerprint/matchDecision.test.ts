import { describe, expect, it } from 'vitest';
import { BLOCK_SECONDS, isMatch, matchConfidence, measureEvidence } from './matchDecision';

describe('match decision', () => {
  it.each([
    ['a 5-second excerpt alone', { votes: 180, coveredSec: 5.1, hitRatio: 0.3 }, true],
    ['a stem under a voice at the same level', { votes: 60, coveredSec: 11.3, hitRatio: 0.033 }, true],
    ['the same sampled chord lining up for 5 s in another song', { votes: 70, coveredSec: 5.1, hitRatio: 0.053 }, false],
    ['chance agreement spread thin over a long take', { votes: 220, coveredSec: 50, hitRatio: 0.008 }, false],
    ['a handful of identical drum hits', { votes: 25, coveredSec: 3.1, hitRatio: 0.03 }, false],
    ['few votes, even if dense', { votes: 30, coveredSec: 4.1, hitRatio: 0.9 }, false],
  ])('%s → %s', (_, evidence, expected) => {
    expect(isMatch(evidence)).toBe(expected);
    expect(matchConfidence(evidence) >= 0.5).toBe(expected);
  });

  it('confidence grows with the margin and stays below 1', () => {
    const weak = matchConfidence({ votes: 40, coveredSec: 8, hitRatio: 0.02 });
    const strong = matchConfidence({ votes: 4000, coveredSec: 200, hitRatio: 0.8 });
    expect(weak).toBe(0.5);
    expect(strong).toBeGreaterThan(0.85);
    expect(strong).toBeLessThan(1);
  });

  it('measures coverage in blocks holding two agreeing landmarks, and the ratio over the covered stretch', () => {
    // Query of 10 blocks, 20 landmarks each; agreement in blocks 2–5 (4 each) and a lone hit in block 8.
    const perBlock = new Uint32Array(10).fill(20);
    const frames = [2, 3, 4, 5].flatMap((b) => [0, 5, 10, 15].map((f) => b * 32 + f)).concat([8 * 32 + 1]);
    const e = measureEvidence(frames, perBlock);
    expect(e.votes).toBe(17);
    expect(e.coveredSec).toBeCloseTo(4 * BLOCK_SECONDS, 6);
    expect(e.hitRatio).toBeCloseTo(16 / 80, 6);
  });
});
