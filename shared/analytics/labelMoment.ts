/** What the arrangement does around a moment: the section it is in, and stems starting or stopping near it. */
export interface MomentLabel {
  readonly section: string | null;
  readonly entering: readonly string[];
  readonly leaving: readonly string[];
}

export interface ArrangementOutline {
  /** Markers (sections) with their start in seconds, in any order. */
  readonly markers: readonly { readonly name: string; readonly sec: number }[];
  /** Each stem's audible ranges in seconds (from the attribution record). */
  readonly stems: readonly { readonly name: string; readonly ranges: readonly { readonly startSec: number; readonly endSec: number }[] }[];
}

/** How near (seconds) a stem's start or end must be to a window to count as "entering/leaving there". */
const NEAR = 1.5;

/** Labels the window [second, second + length) of an export with its section and the stems that enter or leave there. */
export function labelMoment(second: number, length: number, outline: ArrangementOutline): MomentLabel {
  const inSection = [...outline.markers].filter((m) => m.sec <= second + length / 2).sort((a, b) => b.sec - a.sec)[0];
  const near = (t: number) => t >= second - NEAR && t <= second + length + NEAR;
  const entering = new Set<string>();
  const leaving = new Set<string>();
  for (const stem of outline.stems) {
    for (const range of stem.ranges) {
      // A stem that stops and starts again at the same moment (a split clip) neither enters nor leaves.
      const continues = stem.ranges.some((other) => other !== range && Math.abs(other.endSec - range.startSec) < 0.05);
      if (near(range.startSec) && range.startSec > 0.05 && !continues) entering.add(stem.name);
      const resumes = stem.ranges.some((other) => other !== range && Math.abs(other.startSec - range.endSec) < 0.05);
      if (near(range.endSec) && !resumes) leaving.add(stem.name);
    }
  }
  return { section: inSection?.name ?? null, entering: [...entering].sort(), leaving: [...leaving].sort() };
}
