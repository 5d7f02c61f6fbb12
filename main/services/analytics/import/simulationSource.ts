import crypto from 'node:crypto';
import { END_REASONS, PLAY_SOURCES } from '../../../../shared/analytics/playDefinitions';
import { countryCode } from '../store/PlayDay';
import type { PlaySourceBatches } from './importPlays';
import { listenerKey } from './listenerKey';
import type { PlayKeys } from './PlayKeys';
import { PlayLogBatch } from './PlayLogBatch';
import type { SimulatedPlay } from './simulatePlays';

const sourceIndex = new Map<string, number>(PLAY_SOURCES.map((s, i) => [s, i]));
const reasonIndex = new Map<string, number>(END_REASONS.map((r, i) => [r, i]));
const BATCH = 50_000;

/** What a simulation was asked for (recorded with its import as the source's hash). */
export interface SimulationRequest {
  readonly exportId: string;
  readonly plays: number;
  readonly seed: number;
}

/**
 * Generated plays of one export as an import source: batches of 50,000,
 * progress counted in plays generated ("Generating plays"), not bytes —
 * there is no file.
 */
export function simulationSource(request: SimulationRequest, title: string, plays: Iterable<SimulatedPlay>): PlaySourceBatches {
  return {
    format: 'simulated',
    exportId: request.exportId,
    fileName: `simulated: ${request.plays} plays, seed ${request.seed}`,
    progress: { label: 'Generating plays', total: request.plays },
    sha256: async () => crypto.createHash('sha256').update(JSON.stringify(request)).digest('hex'),
    async *batches(keys: PlayKeys) {
      const key = keys.indexOf('export', request.exportId, title);
      let generated = 0;
      let batch = new PlayLogBatch(keys, 1);
      for (const p of plays) {
        batch.push(key, listenerKey(p.listenerId), p.playedAt, countryCode(p.country), sourceIndex.get(p.source)!, p.msPlayed, reasonIndex.get(p.reasonEnd)!);
        if (batch.length === BATCH) {
          batch.progress = generated += batch.length;
          yield batch;
          batch = new PlayLogBatch(keys, generated + 1);
        }
      }
      batch.progress = generated += batch.length;
      if (batch.length) yield batch;
    },
  };
}
