import type { Source } from './documentSchema';

/** The rates a project (and so an export) can have. */
export const PROJECT_SAMPLE_RATES = [44100, 48000, 88200, 96000] as const;
export type ProjectSampleRate = (typeof PROJECT_SAMPLE_RATES)[number];

/** What the studio records at (its audio context's rate): the rate of a project with no catalog audio. */
export const RECORDING_SAMPLE_RATE: ProjectSampleRate = 48000;

/**
 * The rate a project takes from its sources: the commonest rate among its
 * catalog stems (most catalogs deliver 44.1 kHz), else among its own
 * recordings, else the studio's recording rate — raised to the nearest
 * project rate (a 22.05 kHz stem makes a 44.1 kHz project, a 192 kHz one
 * 96 kHz). Ties go to the higher rate.
 *
 * @example
 * projectSampleRate(document.sources) // 44100 for a remix of 44.1 kHz stems
 */
export function projectSampleRate(sources: readonly Pick<Source, 'type' | 'sampleRate'>[]): ProjectSampleRate {
  const catalog = sources.filter((s) => s.type === 'catalog');
  const pool = catalog.length > 0 ? catalog : sources;
  if (pool.length === 0) return RECORDING_SAMPLE_RATE;
  const counts = new Map<number, number>();
  for (const source of pool) counts.set(source.sampleRate, (counts.get(source.sampleRate) ?? 0) + 1);
  const [commonest] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return PROJECT_SAMPLE_RATES.find((rate) => rate >= commonest) ?? 96000;
}
