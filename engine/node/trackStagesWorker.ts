/**
 * Worker thread entry for a render's block-DSP track stages (bundled as
 * dist/main/trackStagesWorker.mjs, kept out of the asar archive): `{ job }`
 * → `{ channels }` (transferred), or `{ error }`. Started and reused by
 * TrackStagesPool, one job at a time.
 */
import { parentPort } from 'node:worker_threads';
import { PartitionedConvolver } from '../common/dsp/PartitionedConvolver';
import { runTrackStages, type TrackStagesJob } from '../common/render/trackStages';
import { loadPffft } from './loadPffft';
import { lowerThreadPriority } from './lowerThreadPriority';

lowerThreadPriority();
const port = parentPort!;
const pffft = loadPffft();

port.on('message', ({ job }: { job: TrackStagesJob }) => {
  pffft
    .then((module) => {
      const channels = runTrackStages(job, (impulse) => new PartitionedConvolver(module, impulse));
      port.postMessage({ channels }, [...new Set(channels.map((c) => c.buffer as ArrayBuffer))]);
    })
    .catch((error: Error) => port.postMessage({ error: error.message }));
});
